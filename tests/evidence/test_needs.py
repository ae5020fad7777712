"""Uploading for one need of the checklist: it ticks exactly that need, and a refusal keeps
what was chosen."""

import re

import pytest
from django.test.html import parse_html

from claims.domain.eligibility import assess
from claims.evidence import pipeline
from claims.evidence.checklist import evidence_checklist
from claims.models import Claim, Evidence
from tests.evidence.samples import HTML_AS_PNG, image_bytes, upload_of
from tests.factories import make_facts
from tests.journey import start_claim, step_url, walk_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    client.cookies["rh_language"] = "en"
    return token


def upload_for(client, token, need, *files, category="merchant_breach", caption="聊天记录"):
    claim = Claim.objects.get(token=token)
    return client.post(
        step_url(token, "evidence"),
        {
            f"claim_{claim.pk}-current_step": "evidence",
            "upload-category": category,
            "upload-need": need,
            "upload-caption": caption,
            "upload-files": list(files),
            "upload": "1",
        },
    )


def ticked(client, token) -> dict[str, bool]:
    checklist = client.get(step_url(token, "evidence")).context["checklist"]
    return {item.key: item.done for item in checklist.items}


def test_it_ticks_the_need_a_chat_was_uploaded_for_and_no_other(client, token):
    before = ticked(client, token)
    assert before["no_refund_notice"] is False and before["shop_chat"] is False

    response = upload_for(client, token, "shop_chat", upload_of(image_bytes(), "chat.png"))

    assert response.status_code == 302
    assert Claim.objects.get(token=token).evidence.get().need == "shop_chat"
    after = ticked(client, token)
    assert after["shop_chat"] is True
    assert after["no_refund_notice"] is False


def test_it_still_ticks_by_category_for_files_sent_without_a_need(client, token):
    upload_for(client, token, "", upload_of(image_bytes(), "chat.png"))

    after = ticked(client, token)
    assert after["no_refund_notice"] is True  # the first open need of the category, as before
    assert after["shop_chat"] is False


def test_it_offers_a_form_per_missing_need_that_works_without_javascript(client, token):
    page = client.get(step_url(token, "evidence")).content.decode()

    assert 'name="upload-need" value="shop_chat"' in page
    assert 'id="id_shop_chat_upload-files"' in page
    assert 'action="#need-shop_chat"' in page
    upload_for(client, token, "shop_chat", upload_of(image_bytes(), "chat.png"))
    page = client.get(step_url(token, "evidence")).content.decode()
    assert 'name="upload-need" value="shop_chat"' not in page


def test_it_asks_for_the_payment_consent_in_the_payment_needs_form(client, token):
    response = upload_for(
        client,
        token,
        "payment_record",
        upload_of(image_bytes(), "bill.png"),
        category="transaction",
    )

    assert response.status_code == 400
    assert not Evidence.objects.exists()
    form = response.context["checklist"].item("payment_record").upload_form
    assert "payment_consent" in form.errors


def test_a_refused_upload_keeps_the_need_and_says_so(client, token):
    # A need's form asks no caption (the need says what the files show; a file's caption is
    # edited beside it once uploaded): a caption posted anyway is ignored.
    response = upload_for(
        client, token, "shop_chat", upload_of(HTML_AS_PNG, "chat.png"), caption="店家的回复"
    )

    assert response.status_code == 400
    checklist = response.context["checklist"]
    form = checklist.item("shop_chat").upload_form
    assert form.errors["files"]
    assert "caption" not in form.fields
    page = response.content.decode()
    assert 'name="upload-need" value="shop_chat"' in page
    assert "the browser cannot keep a chosen file: choose the file again" in page
    # The general form is fresh: the error is shown once, beside the need it was for.
    assert not response.context["upload_form"].is_bound


def test_a_refused_general_upload_keeps_the_chosen_category_and_says_so(client, token):
    response = upload_for(
        client, token, "", upload_of(HTML_AS_PNG, "x.png"), category="product_state", caption="录屏"
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert response.context["upload_form"]["category"].value() == "product_state"
    assert 'value="录屏"' in page
    assert "choose the file again" in page


def test_it_ignores_a_need_the_assessment_does_not_ask_for():
    class Item:
        def __init__(self, category, need):
            self.category, self.need = category, need

    assessment = assess(make_facts())
    checklist = evidence_checklist(assessment, [Item("transaction", "no_such_need")])

    assert checklist.items[0].done  # counted by its category instead


def test_refiling_a_file_under_another_category_lets_go_of_its_need(client, token):
    upload_for(client, token, "shop_chat", upload_of(image_bytes(), "chat.png"))
    item = Claim.objects.get(token=token).evidence.get()

    client.post(
        f"/c/{token}/evidence/{item.pk}/caption/",
        {"caption": "录屏", "category": "product_state"},
    )

    item.refresh_from_db()
    assert item.need == ""
    assert ticked(client, token)["shop_chat"] is False


def test_a_new_caption_keeps_the_need(client, token):
    upload_for(client, token, "shop_chat", upload_of(image_bytes(), "chat.png"))
    item = Claim.objects.get(token=token).evidence.get()

    client.post(
        f"/c/{token}/evidence/{item.pk}/caption/",
        {"caption": "和店家的聊天", "category": "merchant_breach"},
    )

    assert ticked(client, token)["shop_chat"] is True


def test_each_need_form_draws_its_hidden_fields_as_their_widgets_would(client, token):
    """{% hidden_inputs %} writes the inputs without a template per field: the same markup."""
    response = client.get(step_url(token, "evidence"))
    page = parse_html(response.content.decode())
    forms = [item.upload_form for item in response.context["checklist"].items if item.upload_form]
    forms.append(response.context["upload_form"])

    assert len(forms) > 2
    for form in forms:
        for field in form.hidden_fields():
            assert page.count(parse_html(str(field))) == 1, field.html_name


def test_every_upload_form_says_the_room_left_after_the_files_held(client, token):
    upload_for(client, token, "shop_chat", upload_of(image_bytes(), "chat.png"))
    held = Evidence.objects.get()

    page = client.get(step_url(token, "evidence")).content.decode()

    limits = pipeline.limits()
    rooms = re.findall(r'data-room-bytes="(\d+)" data-room-files="(\d+)"', page)
    assert len(rooms) > 2
    assert set(rooms) == {(str(limits.claim_bytes - held.size), str(limits.files - 1))}
