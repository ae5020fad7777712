"""The drafts step, the done page's plan, its calendar file, and recording what happened."""

import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from claims.models import Claim
from tests.dossier_worker import download
from tests.journey import done_plan, fill_in, start_claim, step_url, walk_to


def messages_page(client, token):
    response = client.get(step_url(token, "messages"))
    assert response.status_code == 200
    return response.context["wizard"]["form"]


def saved(token, key):
    return Claim.objects.get(token=token).answers["messages"][key][0]


@pytest.mark.django_db
def test_every_draft_is_editable_and_the_edit_is_kept(client):
    token = start_claim(client)
    walk_to(client, token, "identity")
    form = messages_page(client, token)
    assert {"merchant_chat", "merchant_demand", "complaint_12315"} <= set(form.drafts)
    fill_in(client, token, "messages", merchant_chat="我改过的消息，订单号 202611220387。")
    assert saved(token, "merchant_chat") == "我改过的消息，订单号 202611220387。"
    assert "我改过的消息" in client.get(step_url(token, "messages")).content.decode()


@pytest.mark.django_db
def test_a_draft_can_be_reset_without_losing_the_others(client):
    token = start_claim(client)
    walk_to(client, token, "identity")
    generated = messages_page(client, token).drafts["merchant_chat"].text
    fill_in(client, token, "messages", merchant_chat="改过", merchant_demand="也改过")
    data = {f"claim_{Claim.objects.get(token=token).pk}-current_step": "messages"}
    form = messages_page(client, token)
    data.update({f"messages-{name}": form[name].value() for name in form.fields})
    data["reset"] = "merchant_chat"
    response = client.post(step_url(token, "messages"), data)
    assert response.url.endswith("/messages/#field-messages-merchant_chat")
    form = messages_page(client, token)
    assert form["merchant_chat"].value() == generated
    assert form["merchant_demand"].value() == "也改过"


@pytest.mark.django_db
def test_untouched_drafts_follow_changed_answers_and_edited_ones_are_flagged(client):
    client.cookies["rh_language"] = "en"
    token = start_claim(client)
    walk_to(client, token, "messages", messages={"merchant_chat": "我自己写的"})
    fill_in(client, token, "order", query="?return=review", amount="99")
    form = messages_page(client, token)
    assert "¥99.00" in form["merchant_demand"].value()
    assert form.stale_keys == {"merchant_chat"}
    assert "Your answers changed after you edited this text" in (
        client.get(step_url(token, "messages")).content.decode()
    )


@pytest.mark.django_db
def test_the_wechat_pay_complaint_is_held_to_300_characters(client):
    client.cookies["rh_language"] = "en"
    token = start_claim(client)
    walk_to(client, token, "identity", order={"payment_method": "wechat"})
    form = messages_page(client, token)
    assert len(form.drafts["wechat_pay"].text) <= 300
    response = fill_in(client, token, "messages", wechat_pay="投" * 301)
    assert response.status_code == 200
    assert "at most 300 characters" in response.content.decode()
    assert 'id="id_messages-wechat_pay_error"' in response.content.decode()


@pytest.mark.django_db
def test_a_business_purchase_gets_no_12315_texts(client):
    token = start_claim(client)
    walk_to(client, token, "evidence", buyer={"purpose": "resale"})
    form = messages_page(client, token)
    assert "complaint_12315" not in form.drafts
    assert "consumer_association" not in form.drafts


def finished_claim(client, **answers):
    token = start_claim(client)
    assert walk_to(client, token, "declaration", **answers).url == f"/c/{token}/done/"
    return token


@pytest.mark.django_db
def test_the_done_page_shows_the_plan_and_a_calendar_file(client):
    token = finished_claim(client)
    page = client.get(f"/c/{token}/done/").content.decode()
    assert 'id="plan"' in page
    assert f"/c/{token}/plan.ics" in page
    response = client.get(f"/c/{token}/plan.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert events
    assert all(event.walk("VALARM") for event in events)
    assert token not in response.content.decode()


@pytest.mark.django_db
def test_recording_a_refusal_moves_the_plan_on(client):
    token = finished_claim(client)
    before = done_plan(client.get(f"/c/{token}/done/"))
    response = client.post(
        f"/c/{token}/done/",
        {"event-kind": "refused", "event-happened_on": "2026-11-22", "event-note": "客服拒绝"},
    )
    assert response.status_code == 302
    after = done_plan(client.get(f"/c/{token}/done/"))
    assert [step.status for step, *_ in after] != [step.status for step, *_ in before]
    assert Claim.objects.get(token=token).events.get().note == "客服拒绝"


@pytest.mark.django_db
def test_a_bad_event_is_refused_on_the_same_page(client):
    client.cookies["rh_language"] = "en"
    token = finished_claim(client)
    response = client.post(f"/c/{token}/done/", {"event-kind": "", "event-happened_on": "x"})
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert not Claim.objects.get(token=token).events.exists()


@pytest.mark.django_db
def test_the_dossier_shows_the_seller_texts_and_the_timeline(client):
    token = finished_claim(client)
    client.post(
        f"/c/{token}/done/",
        {"event-kind": "sent", "event-happened_on": "2026-11-21", "event-note": ""},
    )
    pdf = download(client, f"/c/{token}/dossier.pdf").content
    text = "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert "书面催告" in text
    assert "后续处理安排" in text
    assert "2026年11月21日" in text
    assert "13812345678" not in text  # the phone given for 12315 stays out of the dossier


@pytest.mark.django_db
def test_an_event_dated_before_the_purchase_is_refused_beside_its_field(client):
    client.cookies["rh_language"] = "en"
    token = finished_claim(client)
    response = client.post(
        f"/c/{token}/done/",
        {"event-kind": "refused", "event-happened_on": "0001-01-01", "event-note": "客服拒绝"},
    )
    page = response.content.decode()
    assert "This is before you paid for the order." in page
    assert 'id="field-event-happened_on"' in page
    assert "客服拒绝" in page  # what was typed is still there
    assert not Claim.objects.get(token=token).events.exists()
