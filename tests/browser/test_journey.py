"""A whole claim in a real browser at a phone's size, in both languages, with JavaScript.

Fills every step, goes back and forward, reloads, uploads pictures and downloads the dossier;
fails on any console error or CSP violation, any request to another site, and any serious or
critical axe-core finding on any page.
"""

import pytest

from claims.models import Claim
from claims.wizard.signature import is_complete
from tests.browser.walk import (
    STEPS,
    back_from,
    choose_language,
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

HEADINGS = {
    "en": {"start": "Get your money back", "order": "Your order", "done": "Your dossier is ready"},
    "zh-hans": {"start": "帮你把钱要回来", "order": "你的订单", "done": "申请材料已生成"},
}


def upload_pictures(page) -> None:
    """Each picture through the need it belongs to: the bill (the payment notice agreed to
    there), the order page and the chat."""
    upload_for_need(page, "payment_record", [picture("支付宝账单.png", (40, 120, 220))])
    upload_for_need(page, "order_page", [picture("order.jpg", (200, 80, 40), "JPEG")])
    upload_for_need(page, "shop_chat", [picture("客服聊天.png", (20, 160, 90))])
    for need in ("payment_record", "order_page", "shop_chat"):
        assert page.locator(f"#need-{need}.is-done").count() == 1, need


def thumbnails_shown(page) -> int:
    images = page.locator(".evidence-list img.evidence-thumb")
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.evidence-list img.evidence-thumb')]"
        ".every((image) => image.complete && image.naturalWidth > 0)"
    )
    return images.count()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_phone_user_completes_a_claim(watched, live_server, tmp_path, language):
    page = watched.page
    text = HEADINGS[language]
    page.goto(live_server.url + "/")
    choose_language(page, language)
    assert text["start"] in page.locator("h1").inner_text()
    watched.check_accessibility("start")

    page.locator('input[name="consent"]').check()
    press(page, page.locator("form.start-form button[type=submit]"))
    assert step_of(page) == "order"
    assert text["order"] in page.locator("h1").inner_text()
    token = page.url.split("/")[4]

    for label in STEPS:
        assert page_of(page) == label
        step = step_name(label)
        assert watched.view_name() == "claims:step"
        watched.check_accessibility(label)
        if label == "problem":
            # Back keeps what was typed on this step; the previous answers are still there.
            page.locator('textarea[name="problem-description"]').fill("兑换失败：该卡密已被使用")
            back_from(page)
            assert step_of(page) == "buyer"
            assert page.locator('input[name="buyer-purpose"][value="personal"]').is_checked()
            continue_from(page)
            assert step_of(page) == "problem"
            assert "已被使用" in page.locator('textarea[name="problem-description"]').input_value()
            fill_step(page, step, description="兑换失败：该卡密已被使用")
        elif step == "policy":
            # The browser's own Back and Forward, and a reload, lose nothing.
            page.go_back()
            assert step_of(page) == "contact"
            assert page.locator('input[name="contact-contacted"][value="yes"]').is_checked()
            page.go_forward()
            assert step_of(page) == "policy"
            page.reload()
            assert step_of(page) == "policy"
            fill_step(page, step)
        elif step == "evidence":
            upload_pictures(page)
            page.reload()
            assert thumbnails_shown(page) == 3
            watched.check_accessibility("evidence with files")
        elif step == "identity":
            # Enter in a field continues: the Back link at the top is not the default button.
            fill_step(page, step)
            with page.expect_navigation():
                page.locator('input[name="identity-complainant_phone"]').press("Enter")
            assert step_of(page) == "messages"
            continue
        else:
            fill_step(page, step)
        continue_from(page)

    assert watched.view_name() == "claims:done"
    assert text["done"] in page.locator("h1").inner_text()
    claim = Claim.objects.get(token=token)
    assert is_complete(claim)
    assert claim.evidence.count() == 3
    assert claim.evidence.filter(category="transaction").count() == 2

    # While the dossier is prepared the page reloads itself through the Refresh header, with
    # a link to stop it (WCAG 2.2.1): axe checks that state too (ADR 0013).
    watched.check_accessibility("done-preparing")
    run_dossier_renders()  # the task worker's part; the page reloads itself until it is ready
    page.locator('a[href$="/dossier.pdf"]').wait_for()
    watched.check_accessibility("done")
    with page.expect_download() as download:
        page.locator('a[href$="/dossier.pdf"]').click()
    saved = tmp_path / "dossier.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    assert download.value.suggested_filename == f"{claim.reference}.pdf"

    watched.assert_clean()
    assert len(watched.axe_checked) == len(STEPS) + 4
