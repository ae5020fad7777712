"""Retention: which claims expire, and the purge that deletes them with every file."""

import io
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import F
from django.test import override_settings
from django.utils import timezone

from claims.domain.eligibility import assess
from claims.domain.escalation import escalation_plan
from claims.followup import events_of
from claims.models import Claim, ClaimEvent, Evidence
from claims.retention import LONG_HORIZON_STEPS, keep_until_for
from claims.wizard.facts import facts_for_claim
from claims.wizard.signature import is_complete
from tests.dossier_worker import download
from tests.factories import files_in
from tests.journey import fill_in, image_file, start_claim, upload, walk_to

pytestmark = pytest.mark.django_db


def unfinished_claim(client) -> Claim:
    """A claim that has reached the evidence step."""
    token = start_claim(client)
    walk_to(client, token, "assessment")
    return Claim.objects.get(token=token)


def finished_claim(client, **answers) -> Claim:
    token = start_claim(client)
    assert walk_to(client, token, "declaration", **answers).url == f"/c/{token}/done/"
    claim = Claim.objects.get(token=token)
    assert is_complete(claim)
    return claim


def last_changed(claim, *, days_ago: int) -> None:
    """Put every kind of change of the claim `days_ago` days back, bypassing auto_now, with
    the keep_until the rule gave it then."""
    # Shifted, not set to one moment: what came after the signature stays after it.
    then = timezone.now() - timedelta(days=days_ago)
    shift = timezone.now() - then
    Claim.objects.filter(pk=claim.pk).update(
        updated_at=then, completed_at=F("completed_at") - shift
    )
    Evidence.objects.filter(claim=claim).update(uploaded_at=F("uploaded_at") - shift)
    ClaimEvent.objects.filter(claim=claim).update(recorded_at=F("recorded_at") - shift)
    stored = Claim.objects.get(pk=claim.pk)
    Claim.objects.filter(pk=claim.pk).update(keep_until=keep_until_for(stored))


def plan_end(claim):
    """The last open date of the claim's plan as it stood on its last change."""
    claim.refresh_from_db()
    day = timezone.localdate(claim.updated_at)
    facts = facts_for_claim(claim, today=day)
    plan = escalation_plan(facts, assess(facts), events_of(claim), day)
    return max(
        step.due
        for step in plan
        if step.status not in {"done", "skipped"} and step.key not in LONG_HORIZON_STEPS
    )


def expired() -> set[Claim]:
    return set(Claim.objects.expired())


def record_event(client, claim, kind: str) -> None:
    """Record what happened today through the done page's form."""
    data = {"event-kind": kind, "event-happened_on": timezone.localdate().isoformat()}
    assert client.post(f"/c/{claim.token}/done/", data).status_code == 302


# -- which claims expire --


def test_the_defaults_are_7_days_unfinished_and_30_days_finished(settings):
    assert (settings.CLAIM_RETENTION_DAYS, settings.COMPLETED_CLAIM_RETENTION_DAYS) == (7, 30)


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_an_unfinished_claim_expires_7_days_after_its_last_change(client):
    stale, fresh = unfinished_claim(client), unfinished_claim(client)
    last_changed(stale, days_ago=8)
    last_changed(fresh, days_ago=6)

    assert expired() == {stale}


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_an_upload_counts_as_a_change(client):
    claim = unfinished_claim(client)
    last_changed(claim, days_ago=8)
    assert upload(client, claim.token, image_file()).status_code == 302

    assert expired() == set()


@override_settings(CLAIM_RETENTION_DAYS=3)
def test_the_unfinished_period_comes_from_settings(client):
    claim = unfinished_claim(client)
    last_changed(claim, days_ago=4)

    assert expired() == {claim}


@override_settings(COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_a_finished_claim_is_kept_30_days_after_its_last_change(client):
    claim = finished_claim(client)
    last_changed(claim, days_ago=29)

    assert expired() == set()
    assert expired() == set()  # asking twice changes nothing


@override_settings(COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_a_finished_claim_is_kept_for_its_plan_but_not_for_a_lawsuit_years_away(client):
    claim = finished_claim(client)
    end = plan_end(claim)
    days_left = (end - timezone.localdate()).days
    assert 0 < days_left < 365  # the 3-year lawsuit deadline does not count

    assert expired() == set()
    later = timezone.now() + timedelta(days=max(31, days_left + 1))
    assert set(Claim.objects.expired(now=later)) == {claim}


@override_settings(COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_a_refund_ends_the_plan_so_only_the_30_days_count(client):
    claim = finished_claim(client)
    claim.events.create(kind="refunded", happened_on=timezone.localdate())
    last_changed(claim, days_ago=31)

    assert expired() == {claim}


@override_settings(COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_a_recorded_event_counts_as_a_change(client):
    claim = finished_claim(client)
    # Recorded 31 days later for real (time travel): shifting stored dates would move the
    # signature's day, and with it the texts the signature covers.
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        record_event(client, claim, "refunded")

        assert claim.events.count() == 1
        assert expired() == set()


@override_settings(COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_the_plan_is_taken_as_it_stood_at_the_last_change_not_today(client):
    # Without a "sent" event the plan counts from the day it is looked at; taken from today
    # it would never end, and the claim would never expire.
    claim = finished_claim(client)
    last_changed(claim, days_ago=31)
    end = plan_end(claim)
    long_after = timezone.now() + (end - timezone.localdate()) + timedelta(days=400)

    assert set(Claim.objects.expired(now=long_after)) == {claim}


@override_settings(COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_a_finished_claim_whose_answers_no_longer_read_goes_after_30_days(client):
    claim = finished_claim(client)
    Claim.objects.filter(pk=claim.pk).update(answers={})
    last_changed(claim, days_ago=31)

    assert expired() == {claim}


def test_the_start_page_states_the_retention_periods(client, settings):
    settings.CLAIM_RETENTION_DAYS, settings.COMPLETED_CLAIM_RETENTION_DAYS = 7, 30
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    page = client.get("/").content.decode()

    assert "an unfinished claim is deleted 7 days after your last change" in page
    assert "A finished claim is deleted 30 days after your last change" in page
    assert "last date of its follow-up plan" in page


# -- the purge --


def purge(*args) -> list[str]:
    out = io.StringIO()
    call_command("purge_expired_claims", *args, stdout=out)
    return out.getvalue().splitlines()


def complete_claim_with_files(client) -> Claim:
    """A finished claim with an uploaded picture and a downloaded (cached) dossier."""
    token = start_claim(client)
    walk_to(client, token, "assessment")
    assert upload(client, token, image_file("bill.png")).status_code == 302
    assert walk_to(client, token, "declaration").url == f"/c/{token}/done/"
    claim = Claim.objects.get(token=token)
    assert download(client, f"/c/{token}/dossier.pdf").status_code == 200
    return claim


@override_settings(COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_the_purge_leaves_no_file_of_an_expired_claim(client, private_storage):
    claim = complete_claim_with_files(client)
    claim.events.create(kind="refunded", happened_on=timezone.localdate())
    last_changed(claim, days_ago=31)
    assert len(files_in(private_storage)) >= 4  # original, print copy, two thumbnails (+ PDF)

    assert purge() == ["Deleted 1 expired claim(s). (0 unfinished, 1 finished, 4 evidence file(s))"]

    assert not Claim.objects.exists()
    assert not Evidence.objects.exists()
    assert files_in(private_storage) == []


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_the_purge_keeps_claims_that_have_not_expired(client, private_storage):
    stale, fresh = unfinished_claim(client), unfinished_claim(client)
    assert upload(client, fresh.token, image_file("kept.png")).status_code == 302
    assert upload(client, stale.token, image_file("gone.png")).status_code == 302
    last_changed(stale, days_ago=8)
    kept = {Path(f.name).name for item in fresh.evidence.all() for f in item.stored_files()}

    purge()

    assert list(Claim.objects.all()) == [fresh]
    assert {path.name for path in files_in(private_storage)} == kept


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_a_dry_run_counts_and_deletes_nothing(client, private_storage):
    claim = unfinished_claim(client)
    assert upload(client, claim.token, image_file()).status_code == 302
    last_changed(claim, days_ago=8)

    assert purge("--dry-run") == [
        "Would delete 1 expired claim(s). (1 unfinished, 0 finished, 4 evidence file(s))"
    ]
    assert Claim.objects.count() == 1
    assert len(files_in(private_storage)) == 4


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_the_purge_can_run_again_and_again(client, private_storage):
    claim = unfinished_claim(client)
    assert upload(client, claim.token, image_file()).status_code == 302
    last_changed(claim, days_ago=8)

    purge()

    assert purge() == ["Deleted 0 expired claim(s). (0 unfinished, 0 finished, 0 evidence file(s))"]
    assert files_in(private_storage) == []


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_a_purge_cut_short_after_the_files_is_finished_by_the_next(
    client, private_storage, monkeypatch
):
    claim = unfinished_claim(client)
    assert upload(client, claim.token, image_file()).status_code == 302
    last_changed(claim, days_ago=8)

    def crash(self):
        raise RuntimeError("the machine went down")

    with monkeypatch.context() as patched:
        patched.setattr(Claim, "delete_with_files", crash)
        with pytest.raises(RuntimeError):
            purge()
    assert files_in(private_storage) == []  # the files went first…
    assert Claim.objects.filter(pk=claim.pk).exists()  # …so the row is still there to find

    assert purge()[0].startswith("Deleted 1 expired claim(s).")
    assert not Claim.objects.exists()


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_the_purge_says_nothing_about_whose_claims_it_deleted(client):
    claim = unfinished_claim(client)
    last_changed(claim, days_ago=8)

    output = "\n".join(purge())

    assert claim.token not in output
    assert claim.reference not in output


# -- keep_until: stored, moved by every change the rule counts --


def keep_until(claim):
    return Claim.objects.get(pk=claim.pk).keep_until


def dated_long_ago(claim) -> None:
    """Give the claim a keep_until long past, so that a change that moves it shows."""
    Claim.objects.filter(pk=claim.pk).update(keep_until=timezone.now() - timedelta(days=100))


@contextmanager
def kept_for(claim, days: int):
    """Asserts that what happens inside the block keeps the claim `days` from then on."""
    before, period = timezone.now(), timedelta(days=days)
    yield
    assert before + period <= keep_until(claim) <= timezone.now() + period


def uploaded_item(client, claim) -> Evidence:
    assert upload(client, claim.token, image_file()).status_code == 302
    return claim.evidence.get()


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_it_dates_a_new_claim_7_days_ahead(client):
    before = timezone.now()
    claim = Claim.objects.get(token=start_claim(client))

    assert before + timedelta(days=7) <= claim.keep_until <= timezone.now() + timedelta(days=7)


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_it_moves_keep_until_when_answers_are_saved(client):
    claim = unfinished_claim(client)
    dated_long_ago(claim)

    with kept_for(claim, days=7):
        assert fill_in(client, claim.token, "order", shop_name="大鱼数码").status_code == 302


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_it_moves_keep_until_when_a_file_is_uploaded(client):
    claim = unfinished_claim(client)
    dated_long_ago(claim)

    with kept_for(claim, days=7):
        uploaded_item(client, claim)


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_it_moves_keep_until_when_a_file_is_replaced(client):
    claim = unfinished_claim(client)
    item = uploaded_item(client, claim)
    dated_long_ago(claim)
    url = f"/c/{claim.token}/evidence/{item.pk}/replace/"

    with kept_for(claim, days=7):
        assert client.post(url, {"file": image_file("new.png")}).status_code == 302


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_it_moves_keep_until_when_a_file_is_removed(client):
    claim = unfinished_claim(client)
    item = uploaded_item(client, claim)
    dated_long_ago(claim)

    with kept_for(claim, days=7):
        assert client.post(f"/c/{claim.token}/evidence/{item.pk}/remove/").status_code == 302
    assert not claim.evidence.exists()


@override_settings(COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_it_keeps_a_claim_through_its_plan_once_it_is_finished(client):
    token = start_claim(client)
    walk_to(client, token, "review")
    claim = Claim.objects.get(token=token)
    dated_long_ago(claim)
    before = timezone.now()

    assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"

    assert keep_until(claim) >= before + timedelta(days=30)
    assert timezone.localdate(keep_until(claim)) > plan_end(claim)  # its whole last day


@override_settings(COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_it_moves_keep_until_when_an_event_is_recorded(client):
    claim = finished_claim(client)
    claim.events.create(kind="refunded", happened_on=timezone.localdate())
    dated_long_ago(claim)

    with kept_for(claim, days=30):  # the refund ended the plan: only the 30 days count
        record_event(client, claim, "refunded")


@override_settings(CLAIM_RETENTION_DAYS=7, COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_a_finished_claim_that_becomes_unfinished_keeps_its_longer_date(client):
    claim = finished_claim(client)
    longer = keep_until(claim)
    assert longer > timezone.now() + timedelta(days=29)
    Claim.objects.filter(pk=claim.pk).update(completed_at=None)

    assert fill_in(client, claim.token, "order", shop_name="大鱼数码").status_code == 302

    assert keep_until(claim) == longer  # not the 7 days an unfinished claim gets


def test_a_claim_without_keep_until_never_expires(client):
    claim = unfinished_claim(client)
    last_changed(claim, days_ago=400)
    Claim.objects.filter(pk=claim.pk).update(keep_until=None)

    assert expired() == set()


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_it_finds_expired_claims_in_one_query(client, django_assert_num_queries):
    stale, _fresh, done = unfinished_claim(client), unfinished_claim(client), finished_claim(client)
    last_changed(stale, days_ago=8)
    last_changed(done, days_ago=400)

    with django_assert_num_queries(1):
        found = set(Claim.objects.expired())

    assert found == {stale, done}


# -- fill_keep_until: a date for the rows from before keep_until --


def fill(*args) -> list[str]:
    out = io.StringIO()
    call_command("fill_keep_until", *args, stdout=out)
    return out.getvalue().splitlines()


def undated(client) -> tuple[Claim, Claim]:
    """A stale unfinished claim and a fresh finished one, neither with a keep_until."""
    stale, done = unfinished_claim(client), finished_claim(client)
    last_changed(stale, days_ago=8)
    Claim.objects.update(keep_until=None)
    return stale, done


@override_settings(CLAIM_RETENTION_DAYS=7, COMPLETED_CLAIM_RETENTION_DAYS=30)
def test_it_fills_keep_until_by_the_rule_and_says_how_many(client):
    stale, done = undated(client)
    dated = unfinished_claim(client)
    dated_long_ago(dated)  # has a date already: left as it is
    dated_on = keep_until(dated)

    assert fill() == ["Filled keep_until of 2 claim(s). (1 already expired)"]

    assert keep_until(stale) == keep_until_for(Claim.objects.get(pk=stale.pk))
    assert keep_until(done) == keep_until_for(Claim.objects.get(pk=done.pk))
    assert keep_until(dated) == dated_on
    assert expired() == {stale, dated}
    assert fill() == ["Filled keep_until of 0 claim(s). (0 already expired)"]


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_it_fills_nothing_on_a_dry_run(client):
    undated(client)
    updated = sorted(Claim.objects.values_list("updated_at", flat=True))

    assert fill("--dry-run") == ["Would fill keep_until of 2 claim(s). (1 already expired)"]

    assert not Claim.objects.filter(keep_until__isnull=False).exists()
    assert sorted(Claim.objects.values_list("updated_at", flat=True)) == updated
