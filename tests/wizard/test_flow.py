"""The whole journey with the test client, as a user walks it."""

import io

import pytest
from pypdf import PdfReader

from claims.models import Claim
from tests.dossier_worker import download
from tests.journey import fill_in, go_back, image_file, start_claim, step_url, upload, walk_to

# The steps a claim about an invalid key goes through (conditional steps included).
STEPS = [
    "order", "buyer", "problem", "defect", "contact", "policy", "seller",
    "assessment", "evidence", "identity", "messages", "review", "declaration",
]  # fmt: skip

# A sentence from each page, in each language: proves the page is translated, not just served.
PAGE_TEXT = {
    "en": {
        "start": "Get your money back for a card key, top-up or membership",
        "order": "Your order",
        "buyer": "Who bought it",
        "problem": "What went wrong",
        "defect": "What is wrong with it",
        "contact": "Contact with the seller",
        "seller": "Who runs the site",
        "policy": "The site's refund rules",
        "assessment": "What to ask for",
        "evidence": "Your evidence",
        "identity": "Your contact for a 12315 complaint",
        "messages": "Your messages",
        "review": "Check your answers",
        "declaration": "Declaration",
        "done": "Your dossier is ready",
    },
    "zh-hans": {
        "start": "卡密、充值、会员出问题？帮你把钱要回来",
        "order": "你的订单",
        "buyer": "谁买的",
        "problem": "遇到了什么问题",
        "defect": "商品哪里有问题",
        "contact": "与商家的沟通",
        "seller": "网站经营者信息",
        "policy": "网站的退款规则",
        "assessment": "你可以要求",
        "evidence": "你的证据",
        "identity": "12315 投诉用的联系方式",
        "messages": "你要发出的文字",
        "review": "核对你的回答",
        "declaration": "签名并生成申请材料",
        "done": "申请材料已生成",
    },
}


def page_is(response, view_name: str) -> bool:
    return response.content.decode().rstrip().endswith(f"<!-- {view_name} -->")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_user_walks_from_consent_to_the_dossier(client, language):
    text = PAGE_TEXT[language]
    if language == "en":
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    start = client.get("/")
    assert text["start"] in start.content.decode()
    assert f'lang="{"en" if language == "en" else "zh-Hans"}"' in start.content.decode()

    token = start_claim(client)
    for step in STEPS:
        page = client.get(step_url(token, step))
        assert page.status_code == 200, step
        assert page_is(page, "claims:step")
        assert text[step] in page.content.decode(), step
        if step == "evidence":
            assert upload(client, token, image_file("bill.png")).status_code == 302
        response = fill_in(client, token, step)
        assert response.status_code == 302, (step, response.content.decode()[:1500])
        if step == STEPS[-1]:  # the declaration's own post signs: straight to the done page
            assert response.url == f"/c/{token}/done/"
        else:
            assert response.url == step_url(token, STEPS[STEPS.index(step) + 1])

    done = client.get(response.url)
    assert page_is(done, "claims:done")
    assert text["done"] in done.content.decode()

    pdf = download(client, f"/c/{token}/dossier.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    claim = Claim.objects.get(token=token)
    assert pdf["Content-Disposition"] == f'attachment; filename="{claim.reference}.pdf"'
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "202611220387" in pdf_text
    assert "退款申请材料" in pdf_text
    assert "李明" in pdf_text
    assert token not in pdf_text


@pytest.mark.django_db
@pytest.mark.parametrize("step", STEPS[1:])
def test_a_later_step_cannot_be_reached_before_the_first(client, step):
    token = start_claim(client)
    response = client.get(step_url(token, step))
    assert response.status_code == 302
    assert response.url == step_url(token, "order")


@pytest.mark.django_db
def test_it_sends_the_user_back_to_the_first_unfinished_step(client):
    token = start_claim(client)
    walk_to(client, token, "problem")
    assert client.get(step_url(token, "review")).url == step_url(token, "defect")
    post = fill_in(client, token, "messages", merchant_chat="x")
    assert post.url == step_url(token, "defect")


@pytest.mark.django_db
def test_back_keeps_what_was_typed_on_the_current_page(client):
    token = start_claim(client)
    walk_to(client, token, "buyer")
    response = go_back(client, token, "problem", to="buyer", description="卡密无法兑换，提示已使用")
    assert response.url == step_url(token, "buyer")
    page = client.get(step_url(token, "problem")).content.decode()
    assert "卡密无法兑换，提示已使用" in page


@pytest.mark.django_db
def test_the_resume_link_works_from_another_browser(client):
    from django.test import Client

    token = start_claim(client)
    walk_to(client, token, "contact")
    client.get(step_url(token, "policy"))
    other_phone = Client()
    landing = other_phone.get(f"/c/{token}/")
    assert landing.url == step_url(token, "policy")
    assert other_phone.get(step_url(token, "order")).status_code == 200
    # The order step's second page holds the site's name.
    assert "星辰游戏卡盟" in other_phone.get(step_url(token, "order") + "?part=2").content.decode()


@pytest.mark.django_db
def test_changing_an_answer_from_the_review_returns_to_the_review(client):
    client.cookies["rh_language"] = "en"
    token = start_claim(client)
    walk_to(client, token, "messages")
    review = client.get(step_url(token, "review")).content.decode()
    assert f'href="/c/{token}/order/?return=review"' in review
    response = fill_in(client, token, "order", query="?return=review", amount="99")
    assert response.url == step_url(token, "review")
    assert "¥99.00" in client.get(step_url(token, "review")).content.decode()


@pytest.mark.django_db
def test_the_message_is_drafted_in_chinese_whatever_the_language(client):
    client.cookies["rh_language"] = "en"
    token = start_claim(client)
    walk_to(client, token, "identity")
    page = client.get(step_url(token, "messages"))
    draft = page.context["wizard"]["form"].initial["merchant_chat"]
    assert "事实" in draft and "诉求" in draft and "依据" in draft
    assert "202611220387" in draft


@pytest.mark.django_db
def test_an_edited_message_is_saved_and_printed(client):
    token = start_claim(client)
    walk_to(client, token, "evidence")
    fill_in(client, token, "identity")
    fill_in(client, token, "messages", merchant_demand="请退款，订单号 202611220387。谢谢！")
    fill_in(client, token, "review")
    assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"
    # The formal demand is printed for a third party (the seller's copy is itself the demand).
    pdf = download(client, f"/c/{token}/dossier.pdf?for=12315").content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "请退款，订单号 202611220387。谢谢！" in text


@pytest.mark.django_db
def test_a_redeemed_key_stops_the_claim_before_any_document(client):
    token = start_claim(client)
    walk_to(client, token, "seller", problem={"redeemed": "yes"})
    page = client.get(step_url(token, "assessment")).content.decode()
    assert "第四十九条第二款" in page
    assert fill_in(client, token, "assessment").status_code == 200
    assert client.get(step_url(token, "evidence")).url == step_url(token, "assessment")
    assert client.get(f"/c/{token}/dossier.pdf").url == f"/c/{token}/"


@pytest.mark.django_db
def test_the_start_page_needs_explicit_consent(client):
    response = client.post("/", {})
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert 'type="checkbox"' in response.content.decode()
    assert "checked" not in response.content.decode()
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_the_language_choice_is_remembered_without_a_url_prefix(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.url == "/"
    assert response.cookies["rh_language"].value == "en"
    assert client.get("/").headers["Content-Language"] == "en"
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert client.get("/").headers["Content-Language"] == "zh-hans"


@pytest.mark.django_db
def test_the_browser_language_does_not_override_the_chinese_default(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "zh-hans"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (iPhone) AppleWebKit/605 MicroMessenger/8.0.50 NetType/WIFI",
        "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36 QQ/9.0.60.17810",
    ],
)
def test_in_app_browsers_are_told_to_open_the_system_browser(client, user_agent):
    token = start_claim(client)
    walk_to(client, token, "declaration")
    page = client.get(f"/c/{token}/done/", HTTP_USER_AGENT=user_agent).content.decode()
    assert "在浏览器打开" in page
    assert f"/c/{token}/dossier.pdf" not in page


@pytest.mark.django_db
def test_pages_send_no_referrer(client):
    token = start_claim(client)
    response = client.get(step_url(token, "order"))
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.django_db
def test_a_same_origin_post_without_referer_passes_csrf(client):
    """Referrer-Policy: no-referrer makes browsers post with Origin: null."""
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/")
    token = page.context["csrf_token"]
    headers = {"Origin": "null", "Sec-Fetch-Site": "same-origin"}
    response = browser.post("/", {"consent": "on", "csrfmiddlewaretoken": token}, headers=headers)
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_cross_site_post_is_refused(client):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    token = browser.get("/").context["csrf_token"]
    headers = {"Origin": "null", "Sec-Fetch-Site": "cross-site"}
    response = browser.post("/", {"consent": "on", "csrfmiddlewaretoken": token}, headers=headers)
    assert response.status_code == 403
    assert not Claim.objects.exists()
