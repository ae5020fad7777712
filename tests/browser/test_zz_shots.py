import os
import pytest
from tests.browser.walk import choose_language, page_of, step_of
from tests.browser.test_walk_figures import IMMEDIATE, fill_counted, read_first_screenshot, continue_page, upload_evidence, SoftAxe
from tests.browser.figures import Tally

pytestmark = [pytest.mark.heavy, pytest.mark.django_db(transaction=True)]
OUT = "/tmp/h17a_shots"

@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_shots(watched, live_server, settings, language):
    settings.TASKS = IMMEDIATE
    os.makedirs(OUT, exist_ok=True)
    page = watched.page
    tally = Tally()
    page.goto(live_server.url + "/")
    choose_language(page, language)
    page.screenshot(path=f"{OUT}/{language}-start.png", full_page=True)
    page.locator('input[name="consent"]').check()
    with page.expect_navigation():
        page.locator("form.start-form button[type=submit]").click()
    # an error state
    with page.expect_navigation():
        page.locator("form.step-form .actions button:not([name])").click()
    page.screenshot(path=f"{OUT}/{language}-order-errors.png", full_page=True)
    while "/c/" in page.url and step_of(page) != "done":
        label = page_of(page)
        step = step_of(page)
        if label == "order":
            read_first_screenshot(page, tally)
        if step == "evidence":
            upload_evidence(page, tally, SoftAxe(watched))
        page.screenshot(path=f"{OUT}/{language}-{label}.png", full_page=True)
        fill_counted(page, step, tally)
        continue_page(page, tally)
    page.screenshot(path=f"{OUT}/{language}-done.png", full_page=True)
