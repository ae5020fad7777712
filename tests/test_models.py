import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from claims.demo.claim import complete_answers
from claims.models import (
    REFERENCE_ALPHABET,
    Claim,
    ClaimEvent,
    ClaimGone,
    Evidence,
    RowGone,
    new_reference,
)
from claims.retention import keep_until_for, refresh_keep_until
from claims.wizard.signature import is_complete, sign
from tests.factories import add_evidence, files_in, make_claim

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
REFERENCE = re.compile(r"RH-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}")


def age(claim, *, days, completed=False) -> None:
    """Move a claim's last change (and signature) back in time, bypassing auto_now, with the
    keep_until the rule gave it then."""
    then = timezone.now() - timedelta(days=days)
    Claim.objects.filter(pk=claim.pk).update(
        updated_at=then, completed_at=then if completed else None
    )
    Evidence.objects.filter(claim=claim).update(uploaded_at=then)
    stored = Claim.objects.get(pk=claim.pk)
    Claim.objects.filter(pk=claim.pk).update(keep_until=keep_until_for(stored))


def test_it_gives_each_claim_a_43_character_url_safe_token():
    first, second = make_claim(), make_claim()

    assert TOKEN.fullmatch(first.token)
    assert TOKEN.fullmatch(second.token)
    assert first.token != second.token


def test_it_gives_each_claim_a_reference_that_can_be_read_aloud():
    first, second = make_claim(), make_claim()

    assert REFERENCE.fullmatch(first.reference)
    assert first.reference != second.reference
    assert str(first) == first.reference


def test_it_makes_references_only_from_unambiguous_characters():
    references = {new_reference() for _ in range(300)}

    assert all(REFERENCE.fullmatch(reference) for reference in references)
    used = set("".join(references).replace("RH-", "").replace("-", ""))
    assert used <= set(REFERENCE_ALPHABET)
    assert not used & set("01IO")
    assert len(references) == 300


def test_it_replaces_the_token_and_the_old_link_stops_working(client):
    claim = make_claim()
    old = claim.token

    new = claim.replace_token()

    assert new != old
    assert TOKEN.fullmatch(new)
    assert Claim.objects.get(pk=claim.pk).token == new
    assert client.get(f"/c/{old}/").status_code == 404
    assert client.get(f"/c/{old}/order/").status_code == 404
    assert client.get(f"/c/{new}/").status_code == 302


def test_it_deletes_a_claim_with_every_stored_file(private_storage):
    claim = make_claim()
    add_evidence(claim, name="a.png")
    add_evidence(claim, name="b.png")
    other = make_claim()
    kept = add_evidence(other, name="other.png")
    assert len(files_in(private_storage)) == 12

    claim.delete_with_files()

    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert list(Evidence.objects.all()) == [kept]
    remaining = {path.name for path in files_in(private_storage)}
    assert remaining == {Path(stored.name).name for stored in kept.stored_files()}


def test_it_deletes_one_evidence_item_with_its_four_files(private_storage):
    claim = make_claim()
    item = add_evidence(claim)
    names = [stored.name for stored in item.stored_files()]
    assert len(names) == 4
    assert all(private_storage.exists(name) for name in names)

    item.delete_with_files()

    assert not claim.evidence.exists()
    assert files_in(private_storage) == []


@override_settings(CLAIM_RETENTION_DAYS=30, COMPLETED_CLAIM_RETENTION_DAYS=180)
def test_it_finds_claims_past_their_retention():
    fresh = make_claim()
    stale = make_claim()
    age(stale, days=31)
    nearly_stale = make_claim()
    age(nearly_stale, days=29)
    signed_recently = make_claim()
    age(signed_recently, days=31, completed=True)
    signed_long_ago = make_claim()
    age(signed_long_ago, days=181, completed=True)

    expired = set(Claim.objects.expired())

    assert expired == {stale, signed_long_ago}
    assert fresh not in expired


@override_settings(CLAIM_RETENTION_DAYS=7)
def test_it_reads_the_retention_period_from_settings():
    claim = make_claim()
    age(claim, days=8)

    assert list(Claim.objects.expired()) == [claim]


@override_settings(CLAIM_RETENTION_DAYS=30, COMPLETED_CLAIM_RETENTION_DAYS=180)
def test_it_says_when_a_claim_expires():
    claim = make_claim(answers=complete_answers())
    assert refresh_keep_until(claim, claim.updated_at) == claim.updated_at + timedelta(days=30)

    sign(claim, "李明")

    assert is_complete(claim)
    assert claim.signed_name == "李明"
    assert refresh_keep_until(claim, claim.completed_at) == claim.completed_at + timedelta(days=180)


def purge(*args) -> str:
    out = io.StringIO()
    call_command("purge_expired_claims", *args, stdout=out)
    return out.getvalue()


def test_the_purge_dry_run_counts_and_deletes_nothing(private_storage):
    stale = make_claim()
    add_evidence(stale)
    age(stale, days=31)
    make_claim()

    output = purge("--dry-run")

    assert "Would delete 1 expired claim(s)." in output
    assert Claim.objects.count() == 2
    assert len(files_in(private_storage)) == 4


def test_the_purge_deletes_expired_claims_with_their_files(private_storage):
    stale = make_claim()
    add_evidence(stale)
    age(stale, days=31)
    kept = make_claim()

    output = purge()

    assert "Deleted 1 expired claim(s)." in output
    assert list(Claim.objects.all()) == [kept]
    assert files_in(private_storage) == []


# -- a row deleted meanwhile stays deleted (issue 14 item 5) --
# Real transactions: a refused save ends its own, as in a request.


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("update_fields", [None, ["answers", "updated_at"]])
def test_it_never_brings_back_a_claim_deleted_meanwhile(update_fields):
    claim = make_claim()
    Claim.objects.filter(pk=claim.pk).delete()
    claim.answers = {"order": {"amount": ["50"]}}

    with pytest.raises(ClaimGone):
        claim.save(update_fields=update_fields)

    assert not Claim.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_it_never_brings_back_an_evidence_item_removed_meanwhile(private_storage):
    claim = make_claim()
    item = add_evidence(claim)
    Evidence.objects.filter(pk=item.pk).delete()
    item.rotation = 90

    with pytest.raises(RowGone) as raised:
        item.save()

    assert not isinstance(raised.value, ClaimGone)  # the claim is still there
    assert not Evidence.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_it_never_brings_back_an_event_deleted_meanwhile():
    event = make_claim().events.create(kind="sent", happened_on=timezone.localdate())
    ClaimEvent.objects.filter(pk=event.pk).delete()
    event.note = "补充"

    with pytest.raises(RowGone):
        event.save()

    assert not ClaimEvent.objects.exists()


def test_it_still_saves_changes_to_rows_that_exist(private_storage):
    item = add_evidence(make_claim())
    item.caption = "新的说明"

    item.save()

    item.refresh_from_db()
    assert item.caption == "新的说明"
    assert Evidence.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_it_says_a_claim_is_gone_when_its_date_cannot_be_kept():
    claim = make_claim()
    Claim.objects.filter(pk=claim.pk).delete()

    with pytest.raises(ClaimGone):
        refresh_keep_until(claim)

    assert not Claim.objects.exists()
