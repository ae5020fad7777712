"""The pages around the wizard in the browser: axe on each, the 429 page, the harness itself."""

import pytest

from tests.browser.walk import choose_language, press

pytestmark = [pytest.mark.heavy, pytest.mark.django_db(transaction=True)]
# The 404 page says so in its heading, in each language (its title carries no "404").
NOT_FOUND = {"zh-hans": "找不到这个页面", "en": "Page not found"}


def start(page, live_server):
    page.goto(live_server.url + "/")
    page.locator('input[name="consent"]').check()
    press(page, page.locator("form.start-form button[type=submit]"))
    return page.url.split("/")[4]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_pages_around_the_wizard_pass_axe(watched, live_server, language):
    page = watched.page
    page.goto(live_server.url + "/")
    choose_language(page, language)
    token = start(page, live_server)

    page.locator("details.claim-tools-details > summary").click()
    page.locator("details.qr summary").click()
    page.locator("details.qr img").wait_for()
    watched.check_accessibility("the claim tools with the QR code open")

    page.goto(f"{live_server.url}/c/{token}/delete/")
    assert watched.view_name() == "claims:delete"
    watched.check_accessibility("delete")

    response = page.goto(f"{live_server.url}/c/{'x' * 43}/order/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == NOT_FOUND[language]
    watched.check_accessibility("404")

    watched.assert_clean(allowed=["status of 404"])


def test_too_many_new_claims_get_a_friendly_page(watched, live_server, settings):
    settings.RATE_LIMITS = {"claims": (1, 3600), "uploads": (1, 3600)}
    page = watched.page
    page.goto(live_server.url + "/")
    choose_language(page, "en")
    start(page, live_server)

    page.goto(live_server.url + "/")
    page.locator('input[name="consent"]').check()
    press(page, page.locator("form.start-form button[type=submit]"))

    assert page.locator("h1").inner_text() == "Please wait a moment"
    assert "try again in about" in page.locator("main").inner_text()
    watched.check_accessibility("429")
    watched.assert_clean(allowed=["status of 429"])


def test_the_harness_notices_csp_violations_and_axe_findings(watched, live_server):
    page = watched.page
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "document.title = 'inline ran'";
          document.body.append(script);
          const image = document.createElement("img");
          image.src = "/static/favicon.svg";
          document.querySelector("main").append(image);
        }"""
    )
    page.wait_for_timeout(200)

    assert page.title() != "inline ran"
    assert any("script-src" in error for error in watched.errors), watched.errors
    with pytest.raises(AssertionError, match="image-alt"):
        watched.check_accessibility("a page with an unlabelled picture")
