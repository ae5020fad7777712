"""One-time form tokens: the done page's event form posted twice records one event."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from claims import once
from claims.models import Claim, FormToken
from tests.concurrent import at_once, database_on_disk
from tests.factories import make_claim
from tests.journey import start_claim, walk_to

EVENT = {"event-kind": "refused", "event-happened_on": "2026-11-22", "event-note": "客服拒绝"}


def finished_claim(client) -> str:
    token = start_claim(client)
    assert walk_to(client, token, "declaration").url == f"/c/{token}/done/"
    return token


def rendered_token(client, token) -> str:
    response = client.get(f"/c/{token}/done/")
    assert response.status_code == 200
    return response.context["event_form"]["once"].value()


def events_of(token) -> list[str]:
    return list(Claim.objects.get(token=token).events.values_list("note", flat=True))


@pytest.mark.django_db
def test_it_records_an_event_once_when_the_same_form_is_posted_twice(client):
    token = finished_claim(client)
    data = {**EVENT, "event-once": rendered_token(client, token)}

    first = client.post(f"/c/{token}/done/", data)
    second = client.post(f"/c/{token}/done/", data)

    assert first.status_code == second.status_code == 302
    assert second.url == first.url == f"/c/{token}/done/#plan"
    assert events_of(token) == ["客服拒绝"]
    page = client.get(second.url).content.decode()
    assert "这条记录已保存。" in page


@pytest.mark.django_db
def test_a_repeat_lands_where_the_first_post_went_even_when_that_was_a_question(client):
    token = finished_claim(client)
    data = {**EVENT, "event-note": "其实已经到账了", "event-once": rendered_token(client, token)}

    first = client.post(f"/c/{token}/done/", data, follow=True)
    # The claim now waits for the answer, so the done page itself sends the repeat there.
    second = client.post(f"/c/{token}/done/", data, follow=True)

    assert first.request["PATH_INFO"] == second.request["PATH_INFO"] == f"/c/{token}/gate/"
    assert events_of(token) == ["其实已经到账了"]


@pytest.mark.django_db
def test_every_rendering_carries_a_new_hidden_token(client):
    token = finished_claim(client)
    page = client.get(f"/c/{token}/done/").content.decode()

    assert rendered_token(client, token) != rendered_token(client, token)
    assert 'type="hidden" name="event-once"' in page
    assert 'id="field-event-once"' not in page  # no label, no empty field box


@pytest.mark.django_db
def test_a_form_without_a_token_still_works_every_time(client):
    """Pages from before the token existed, or hand-made posts: never locked out."""
    token = finished_claim(client)

    client.post(f"/c/{token}/done/", EVENT)
    client.post(f"/c/{token}/done/", {**EVENT, "event-once": "not a token"})

    assert events_of(token) == ["客服拒绝", "客服拒绝"]


@pytest.mark.django_db
def test_a_refused_post_leaves_its_token_unused(client):
    token = finished_claim(client)
    used = rendered_token(client, token)

    url = f"/c/{token}/done/"
    refused = client.post(url, {**EVENT, "event-happened_on": "x", "event-once": used})
    fixed = client.post(url, {**EVENT, "event-once": used})

    assert refused.status_code == 200
    assert fixed.status_code == 302
    assert events_of(token) == ["客服拒绝"]


@pytest.mark.django_db
def test_a_token_failing_its_work_is_given_back():
    claim = make_claim()

    def fails():
        raise RuntimeError("the disk is full")

    with pytest.raises(RuntimeError):
        once.run(claim, "a" * 32, "/landing/", fails)

    assert once.run(claim, "a" * 32, "/landing/", lambda: "done") == (None, "done")
    assert once.run(claim, "a" * 32, "/other/", lambda: "again") == (once.Repeat("/landing/"), None)


@pytest.mark.django_db(transaction=True)
def test_two_posts_of_one_form_at_the_same_moment_record_one_event(client, tmp_path):
    with database_on_disk(tmp_path):
        token = finished_claim(client)
        data = {**EVENT, "event-once": rendered_token(client, token)}

        responses = at_once(*[lambda: Client().post(f"/c/{token}/done/", data)] * 2)

        assert [response.status_code for response in responses] == [302, 302]
        assert {response.url for response in responses} == {f"/c/{token}/done/#plan"}
        assert events_of(token) == ["客服拒绝"]


@pytest.mark.django_db
def test_the_purge_forgets_tokens_used_more_than_a_day_ago():
    claim = make_claim()
    old = FormToken.objects.create(claim=claim, token="old" * 8)
    FormToken.objects.filter(pk=old.pk).update(used_at=timezone.now() - timedelta(days=1, hours=1))
    fresh = FormToken.objects.create(claim=claim, token="fresh" * 5)
    out = io.StringIO()

    call_command("purge_expired_claims", stdout=out)

    assert list(FormToken.objects.all()) == [fresh]
    assert "Deleted 1 used form token(s)." in out.getvalue()


@pytest.mark.django_db
def test_tokens_go_with_their_claim():
    claim = make_claim()
    FormToken.objects.create(claim=claim, token="t" * 32)

    claim.delete_with_files()

    assert not FormToken.objects.exists()
