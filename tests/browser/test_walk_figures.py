"""The standard claim on a phone, measured: a card key that never arrived, three screenshots.

Prints per page the screens of scrolling at 390x844, taps, typed fields and bytes, then the
totals (bench/walk.py runs it). Only what the claim needs is typed: optional words are left
out, and what the screenshot reader fills in is checked, not typed again. Axe runs on every
state the walk reaches: each page, an error, an upload, a message, the result's reasons open.
"""

import os

import pytest

from claims.demo.screenshots import alipay_bill, shop_order_page, to_png
from claims.models import Claim
from claims.wizard.signature import is_complete
from tests.browser.figures import Tally
from tests.browser.walk import choose_language, fill_field, page_of, step_of

pytestmark = [pytest.mark.heavy, pytest.mark.django_db(transaction=True)]

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The standard claim's answers beyond the journey's: the key never came.
STANDARD = {
    "problem": {"problem": "not_delivered", "redeemed": "no"},
    "delivery": {"promised_delivery": "instant", "key_shown": "nothing"},
}
# Optional words a hurried user leaves out.
LEFT_OUT = {
    "order": ("site_address", "shop_name"),
    "problem": ("description",),
    "contact": ("merchant_response_text",),
    "policy": ("clause_text",),
}
GOALS = {"screens_per_page": 2.5, "taps": 35, "typed": 12}
# The check page may be long (issue 17); the evidence and done pages are being reworked on
# their own (issue 17 items 7-10) and are measured, not yet held to the goal.
LONG_PAGE_ALLOWED = {"review", "evidence", "done"}
# Taps as measured now, a bound against going backwards while the 35-tap goal is unmet
# (the evidence uploads and the declaration's two ticks are most of the difference).
TAPS_NOW = 42


def png(name: str, data: bytes) -> dict:
    return {"name": name, "mimeType": "image/png", "buffer": data}


def chat_picture() -> bytes:
    from PIL import Image

    return to_png(Image.new("RGB", (1080, 2340), (20, 160, 90)))


class SoftAxe:
    """Axe on every state, its findings kept to fail the test after the figures print."""

    def __init__(self, watched):
        self.watched = watched
        self.findings = []

    def check_accessibility(self, label: str) -> None:
        try:
            self.watched.check_accessibility(label)
        except AssertionError as finding:
            self.findings.append(str(finding).splitlines()[0])


def continue_page(page, tally) -> None:
    tally.tap()
    with page.expect_navigation():
        page.locator("form.step-form .actions button:not([name])").click()


def read_first_screenshot(page, tally) -> None:
    """The order page's reader: choose the Alipay bill, agree, upload; the page comes back."""
    panel = page.locator("[data-ocr-panel]")
    details = panel.locator("details.ocr-upload")
    if details.get_attribute("open") is None:
        tally.tap()
        details.locator("summary").click()
    tally.tap()
    panel.locator('input[type="file"]').set_input_files(
        [png("支付宝账单.png", alipay_bill(size=(540, 1170)))]
    )
    consent = panel.locator('input[name="payment_consent"], input[name$="payment_consent"]')
    if consent.count() and consent.first.is_visible():
        tally.tap()
        consent.first.check()
    tally.tap()
    with page.expect_navigation():
        panel.locator("button[type=submit]").click()


def upload_evidence(page, tally, watched) -> None:
    """Two more screenshots on the evidence page: the shop's order page and the chat."""
    for name, data, category in (
        ("订单页.png", shop_order_page(size=(540, 1170)), "transaction"),
        ("客服聊天.png", chat_picture(), "merchant_breach"),
    ):
        form = page.locator("form.upload-form")
        radio = form.locator(f'input[name="upload-category"][value="{category}"]')
        if radio.count():
            tally.tap()
            radio.check()
        consent = form.locator('input[name="upload-payment_consent"]')
        if consent.count() and consent.is_visible():
            tally.tap()
            consent.check()
        tally.tap()
        form.locator('input[name="upload-files"]').set_input_files([png(name, data)])
        tally.tap()
        with page.expect_navigation():
            form.locator('button[name="upload"]').click()
        watched.check_accessibility(f"evidence after uploading {name}")


def fill_counted(page, step: str, tally) -> None:
    """fill_step, counting the taps and typing a person would do, skipping what is filled."""
    from tests.journey import ANSWERS

    answers = dict(ANSWERS.get(step) or {}) | STANDARD.get(step, {})
    for name in LEFT_OUT.get(step, ()):
        answers.pop(name, None)
    for name, value in answers.items():
        field = page.locator(f'[name="{step}-{name}"]')
        if not value or field.count() == 0 or not field.first.is_visible():
            continue
        kind = field.first.get_attribute("type")
        if kind == "radio":
            choice = page.locator(f'input[name="{step}-{name}"][value="{value}"]')
            if not choice.is_checked():
                tally.tap()
        elif kind == "checkbox":
            if not field.first.is_checked():
                tally.tap()
        elif field.first.input_value().strip():
            continue  # filled in already: by a screenshot, or from an earlier step
        else:
            tally.type()
        fill_field(page, step, name, value)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_standard_claim_meets_the_phone_goals(watched, live_server, settings, language):
    settings.TASKS = IMMEDIATE
    page = watched.page
    axe = SoftAxe(watched)
    tally = Tally()
    page.goto(live_server.url + "/")
    choose_language(page, language)
    tally.open(page, "start")
    axe.check_accessibility("start")
    tally.tap()
    page.locator('input[name="consent"]').check()
    tally.tap()
    with page.expect_navigation():
        page.locator("form.start-form button[type=submit]").click()
    token = page.url.split("/")[4]

    seen = set()
    while "/c/" in page.url and step_of(page) not in ("done",):
        step, label = step_of(page), page_of(page)
        assert label not in seen, f"the walk came back to {label}"
        seen.add(label)
        tally.open(page, label)
        axe.check_accessibility(label)
        if label == "order":
            # An empty page sent by mistake (not counted): the errors' state passes axe too.
            with page.expect_navigation():
                page.locator("form.step-form .actions button:not([name])").click()
            assert page.locator("#error-summary").is_visible()
            axe.check_accessibility("order with errors")
            read_first_screenshot(page, tally)
            axe.check_accessibility("order after the screenshot was read")
        if step == "evidence":
            upload_evidence(page, tally, axe)
        if step == "assessment":
            reasons = page.locator("details.reasons")
            if reasons.count():
                reasons.locator("summary").first.click()
                axe.check_accessibility("result with its reasons open")
        fill_counted(page, step, tally)
        continue_page(page, tally)
        if page_of(page) == label:  # refused: the walk's answers must pass
            pytest.fail(f"{label} refused: {page.locator('#error-summary').inner_text()}")
    tally.open(page, "done")
    axe.check_accessibility("done")

    print(f"\nThe standard claim ({language}), phone 390x844:\n{tally.table()}")
    if os.environ.get("WALK_REPORT_PATH"):
        with open(os.environ["WALK_REPORT_PATH"], "a", encoding="utf-8") as report:
            report.write(f"\n[{language}]\n{tally.table()}\n")
    print("axe findings:", axe.findings or "none")
    if os.environ.get("WALK_REPORT_PATH"):
        with open(os.environ["WALK_REPORT_PATH"], "a", encoding="utf-8") as report:
            report.write(f"axe findings: {axe.findings or 'none'}\n")
    assert not axe.findings
    assert is_complete(Claim.objects.get(token=token))
    watched.assert_clean()
    long_pages = [
        (page.label, page.screens)
        for page in tally.pages
        if page.screens > GOALS["screens_per_page"] and page.label not in LONG_PAGE_ALLOWED
    ]
    assert not long_pages, long_pages
    assert tally.typed <= GOALS["typed"], tally.typed
    assert tally.taps <= TAPS_NOW, tally.taps
    if tally.taps > GOALS["taps"]:
        pytest.xfail(f"{tally.taps} taps: the goal of {GOALS['taps']} is not met yet")
