"""Drafts follow what the user recorded: a payment-platform draft says "sent" only after the
user recorded sending the demand, and then with that day and the shop's answer."""

import pytest
from django.utils import timezone

from tests.journey import start_claim, step_url, walk_to


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
