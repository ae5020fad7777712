"""A person's hands in the browser: fill a step from the journey's answers, press Continue."""

import io

from PIL import Image

from tests.journey import ANSWERS

# The pages a claim about an invalid key goes through (the steps of tests/wizard/test_flow.py;
# the order step over its two pages, "order-2" its second: see page_of).
STEPS = [
    "order", "order-2", "buyer", "problem", "defect", "contact", "policy", "seller",
    "assessment", "evidence", "identity", "messages", "review", "declaration",
]  # fmt: skip


def step_name(page_label: str) -> str:
    """The step a page belongs to: "order-2" is a page of "order"."""
    return page_label.split("-")[0]


def fill_step(page, step: str, **overrides) -> None:
    """Type, tick and choose the journey's answers for `step`, in the form's own order."""
    answers = dict(ANSWERS[step] or {}) | overrides
    for name, value in answers.items():
        fill_field(page, step, name, value)


def fill_field(page, step: str, name: str, value: str) -> None:
    field = page.locator(f'[name="{step}-{name}"]')
    if not value or field.count() == 0:
        return
    first = field.first
    kind = first.get_attribute("type")
    if kind == "radio":
        page.locator(f'input[name="{step}-{name}"][value="{value}"]').check()
    elif kind == "checkbox":
        first.check()
    elif first.evaluate("node => node.tagName") == "SELECT":
        first.select_option(value)
    else:
        first.fill(value)


def press(page, button) -> None:
    """Press a button that sends a form, and wait for the page that answers."""
    with page.expect_navigation():
        button.click()


def continue_from(page) -> None:
    press(page, page.locator("form.step-form .actions button:not([name])"))


def back_from(page) -> None:
    """GOV.UK's back link at the top (a button of the step's form: what was typed stays)."""
    press(page, page.locator("button.back-link"))


def step_of(page) -> str:
    return page.url.split("#")[0].split("?")[0].rstrip("/").split("/")[-1]


def page_of(page) -> str:
    """The step and, for a step over several pages, which one: "order", "order-2"."""
    query = page.url.split("#")[0].partition("?")[2]
    part = dict(pair.partition("=")[::2] for pair in query.split("&") if pair).get("part")
    return f"{step_of(page)}-{part}" if part and part != "1" else step_of(page)


def picture(name: str, color, fmt="PNG") -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (900, 1600), color).save(buffer, format=fmt)
    mime = "image/png" if fmt == "PNG" else "image/jpeg"
    return {"name": name, "mimeType": mime, "buffer": buffer.getvalue()}


def choose_language(page, language: str) -> None:
    """Press the language switch in the header (Chinese is the default)."""
    if language == "en":
        press(page, page.locator('.language-switch button[value="en"]'))


def upload_for_need(page, need: str, files, tap=None) -> None:
    """Upload files through the checklist's need they belong to, as a person does: agree to
    the payment notice if it is asked, choose the files. With JavaScript the choice sends
    them; without, the Upload button does. `tap` counts taps."""
    tap = tap or (lambda: None)
    form = page.locator(f"#need-{need} form.need-upload-form")
    consent = form.locator('input[name="upload-payment_consent"]')
    if consent.count() and not consent.is_checked():
        tap()
        consent.check()
    sent_when_chosen = page.locator("[data-upload-auto]").is_visible()
    tap()  # the file chooser: one tap for one file or several
    with page.expect_navigation():
        form.locator('input[name="upload-files"]').set_input_files(files)
        if not sent_when_chosen:
            tap()
            form.locator('button[name="upload"]').click()
