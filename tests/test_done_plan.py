"""The done page's plan: one next step at a time, in date order, each linked to its text;
what the user records changes it, and the page says so only when it did."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Claim
from tests.journey import done_plan, start_claim, step_url, walk_to

pytestmark = pytest.mark.django_db

NOT_DELIVERED = {"problem": {"problem": "not_delivered"}}


def finished_claim(client, **answers) -> str:
    token = start_claim(client)
    assert walk_to(client, token, "declaration", **answers).url == f"/c/{token}/done/"
    client.cookies["rh_language"] = "en"
    return token


def record(client, token, kind, day, reply=""):
    return client.post(
        f"/c/{token}/done/",
        {
            "event-kind": kind,
            "event-reply": reply,
            "event-happened_on": day.isoformat(),
            "event-note": "",
        },
        follow=True,
    )


def plan(client, token):
    return done_plan(client.get(f"/c/{token}/done/"))


def test_it_gives_one_next_step_and_lists_the_plan_in_date_order(client):
    token = finished_claim(client, **NOT_DELIVERED)
    record(client, token, "sent", timezone.localdate() - timedelta(days=10))

    page = client.get(f"/c/{token}/done/").content.decode()
    rows = plan(client, token)

    assert page.count("badge-next") == 1
    assert page.count('<details class="plan-more">') == len(plan(client, token)) - 1
    assert [step.status for step, _draft, _later in rows].count("next") == 1
    dues = [step.due for step, _draft, _later in rows]
    assert dues == sorted(dues)
    statuses = [step.status for step, _draft, _later in rows]
    assert statuses.index("next") < statuses.index("later")


def test_every_step_that_sends_a_text_links_to_a_text_that_exists(client):
    token = finished_claim(client, **NOT_DELIVERED)
    record(client, token, "sent", timezone.localdate() - timedelta(days=10))

    rows = {step.key: draft for step, draft, _later in plan(client, token)}
    page = client.get(f"/c/{token}/done/").content.decode()
    drafts = client.get(step_url(token, "messages")).context["wizard"]["form"].drafts

    assert rows["merchant_rescission"] == "merchant_rescission"
    assert "merchant_rescission" in drafts
    assert "解除合同" in drafts["merchant_rescission"].text
    for key in re.findall(r"/messages/#field-messages-(\w+)", page):
        assert key in drafts


def test_before_the_deadline_no_rescission_text_is_offered(client):
    token = finished_claim(client, **NOT_DELIVERED)
    record(client, token, "sent", timezone.localdate())

    rows = {step.key: (step.status, draft) for step, draft, _later in plan(client, token)}
    drafts = client.get(step_url(token, "messages")).context["wizard"]["form"].drafts

    assert rows["merchant_rescission"][1] == ""
    assert "merchant_rescission" not in drafts
    page = client.get(f"/c/{token}/done/").content.decode()
    assert "We write the text for this step on" in page


def test_a_reply_that_refuses_changes_the_plan_and_says_so(client):
    token = finished_claim(client)
    today = timezone.localdate()
    record(client, token, "sent", today)
    before = plan(client, token)

    response = record(client, token, "replied", today, reply="refused")

    assert Claim.objects.get(token=token).events.last().kind == "refused"
    assert plan(client, token) != before
    assert "Your plan below has changed" in response.content.decode()


def test_it_says_the_plan_stays_as_it_was_when_nothing_changed(client):
    token = finished_claim(client)
    today = timezone.localdate()
    record(client, token, "sent", today)

    response = record(client, token, "replied", today, reply="other")

    assert Claim.objects.get(token=token).events.last().kind == "replied"
    page = response.content.decode()
    assert "Your plan stays as it was." in page
    assert "up to date" not in page and "has changed" not in page
