"""The whole claim with JavaScript off: every page works as plain HTML forms."""

import pytest

from claims.models import Claim
from claims.wizard.signature import is_complete
from tests.browser.walk import (
    STEPS,
    back_from,
    continue_from,
    fill_step,
    page_of,
    picture,
    press,
    step_name,
    step_of,
    upload_for_need,
)
from tests.dossier_worker import run_dossier_renders

pytestmark = [pytest.mark.heavy, pytest.mark.django_db(transaction=True)]


def test_a_claim_can_be_completed_without_javascript(watched_without_js, live_server, tmp_path):
    watched = watched_without_js
    page = watched.page
    page.goto(live_server.url + "/")
    page.locator('input[name="consent"]').check()
    press(page, page.locator("form.start-form button[type=submit]"))
    token = page.url.split("/")[4]

    for label in STEPS:
        assert page_of(page) == label
        step = step_name(label)
        if step == "buyer":
            # Back at the top works without JavaScript and keeps what was typed.
            page.locator('input[name="buyer-purpose"][value="resale"]').check()
            back_from(page)
            assert page_of(page) == "order-2"
            continue_from(page)
            assert page.locator('input[name="buyer-purpose"][value="resale"]').is_checked()
        if step == "evidence":
            # Two files at once through the payment record's need: its Upload button sends.
            upload_for_need(
                page,
                "payment_record",
                [picture("bill.png", (40, 120, 220)), picture("order.jpg", (9, 9, 9), "JPEG")],
            )
            assert step_of(page) == "evidence"
            assert page.locator(".evidence-list .evidence-item").count() == 2
            assert page.locator("#need-payment_record.is-done").count() == 1
        else:
            fill_step(page, step)
        continue_from(page)

    assert watched.view_name() == "claims:done"
    assert is_complete(Claim.objects.get(token=token))
    run_dossier_renders()  # the task worker's part; the page reloads itself until it is ready
    page.locator('a[href$="/dossier.pdf"]').wait_for()
    with page.expect_download() as download:
        page.locator('a[href$="/dossier.pdf"]').click()
    saved = tmp_path / "dossier.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    watched.assert_clean()


def test_without_javascript_a_missing_payment_consent_is_explained(watched_without_js, live_server):
    page = watched_without_js.page
    page.goto(live_server.url + "/")
    page.locator('input[name="consent"]').check()
    press(page, page.locator("form.start-form button[type=submit]"))
    for label in STEPS[: STEPS.index("evidence")]:
        fill_step(page, step_name(label))
        continue_from(page)

    # Other files, one tap away under the needs: a payment record sent there without the tick.
    page.locator("details.upload-other > summary").click()
    form = page.locator("form.upload-form")
    form.locator('input[name="upload-category"][value="transaction"]').check()
    form.locator('input[name="upload-files"]').set_input_files([picture("bill.png", (1, 2, 3))])
    press(page, form.locator('button[name="upload"]'))

    assert page.locator("#error-summary").is_visible()
    assert page.locator("#field-upload-payment_consent .errorlist").is_visible()
    # A refused upload answers 400 by design: the browser logs that, and nothing else.
    watched_without_js.assert_clean(allowed=["status of 400"])
