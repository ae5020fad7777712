"""Drafts follow what the user recorded: a payment-platform draft says "sent" only after the
user recorded sending the demand, and then with that day and the shop's answer."""

import pytest
from django.utils import timezone

from claims.models import Claim
from tests.journey import fill_in, start_claim, step_url, walk_to


def drafts_on_the_messages_step(client, token) -> str:
    form = client.get(step_url(token, "messages")).context["wizard"]["form"]
    return "\n".join(str(form[name].value() or "") for name in form.fields)


@pytest.mark.django_db
def test_third_party_drafts_say_sent_only_after_the_user_recorded_it(client):
    token = start_claim(client)
    finish = walk_to(client, token, "declaration").url
    client.get(finish)
    before = drafts_on_the_messages_step(client, token)
    assert "我同时向商家发出" in before
    assert "向商家发出" in before and "日向商家发出" not in before

    today = timezone.localdate()
    for kind in ("sent", "refused"):
        client.post(
            f"/c/{token}/done/",
            {"event-kind": kind, "event-happened_on": today.isoformat(), "event-note": ""},
        )
    after = drafts_on_the_messages_step(client, token)

    assert f"我已于{today.year}年{today.month}月{today.day}日向商家发出" in after
    assert f"商家于{today.year}年{today.month}月{today.day}日拒绝。" in after


@pytest.mark.django_db
def test_an_untouched_draft_sent_back_with_crlf_still_follows_changed_answers(client):
    """Browsers send textareas with CRLF line ends: that is no edit by the user."""
    token = start_claim(client)
    walk_to(client, token, "messages")
    form = client.get(step_url(token, "messages")).context["wizard"]["form"]
    as_sent = {name: str(form[name].value() or "").replace("\n", "\r\n") for name in form.fields}
    assert fill_in(client, token, "messages", **as_sent).status_code == 302
    assert "\r\n" in Claim.objects.get(token=token).answers["messages"]["merchant_chat"][0]

    fill_in(client, token, "problem", discovered_on="2026-11-21")
    form = client.get(step_url(token, "messages")).context["wizard"]["form"]

    assert form.stale_keys == set()
    assert "我于2026年11月21日发现" in form["merchant_chat"].value()
