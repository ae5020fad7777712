"""`strip_locations` cleans originals stored before uploads were cleaned, and says what it did."""

import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import ExifTags, Image

from claims.dossier.stored import cached_dossier_names, dossier_cache_storage
from claims.evidence import pipeline
from claims.models import Evidence
from tests.evidence.located import CITY, PLACE, located_photo, located_recording
from tests.evidence.samples import image_bytes, upload_of
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_as_before(monkeypatch):
    """Store files as the pipeline did before issue 15: byte for byte, location included."""

    def store(claim, data: bytes, name: str) -> Evidence:
        with monkeypatch.context() as patched:
            patched.setattr(pipeline, "without_location", lambda data: data)
            patched.setattr(pipeline, "strip_location_in_place", lambda handle: False)
            upload = upload_of(data, name)
            return pipeline.store_upload(claim, upload, category="transaction", caption="")

    return store


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def run(*args) -> str:
    out = io.StringIO()
    call_command("strip_locations", *args, stdout=out)
    return out.getvalue()


def cache_a_dossier(claim) -> None:
    dossier_cache_storage().save(f"dossiers/{claim.pk}/old.pdf", ContentFile(b"%PDF-"))


def test_it_cleans_stored_originals_and_updates_their_rows(stored_as_before, private_storage):
    claim = make_claim()
    photo = stored_as_before(claim, located_photo("JPEG"), "photo.jpg")
    recording = stored_as_before(claim, located_recording(), "录屏.mov")
    old_names = {photo.original.name, recording.original.name}
    cache_a_dossier(claim)

    output = run()

    photo.refresh_from_db()
    recording.refresh_from_db()
    kept_photo, kept_recording = read(photo.original), read(recording.original)
    assert Image.open(io.BytesIO(kept_photo)).getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert PLACE not in kept_recording
    for item, kept in ((photo, kept_photo), (recording, kept_recording)):
        assert item.sha256 == hashlib.sha256(kept).hexdigest()
        assert item.size == len(kept)
    assert not any(private_storage.exists(name) for name in old_names)
    assert cached_dossier_names(claim.pk) == []
    assert f"evidence {photo.pk} of claim {claim.pk}: location removed" in output
    assert "Checked 2 original(s): cleaned 2 in 1 claim(s), 0 missing." in output


def test_it_leaves_files_without_location_and_their_claims_alone(stored_as_before):
    claim = make_claim()
    item = stored_as_before(claim, image_bytes(fmt="JPEG"), "bill.jpg")
    name, sha = item.original.name, item.sha256
    cache_a_dossier(claim)

    output = run()

    item.refresh_from_db()
    assert (item.original.name, item.sha256) == (name, sha)
    assert cached_dossier_names(claim.pk) == [f"dossiers/{claim.pk}/old.pdf"]
    assert "cleaned 0 in 0 claim(s)" in output


def test_a_dry_run_reports_and_changes_nothing(stored_as_before):
    claim = make_claim()
    data = located_photo("HEIF")
    item = stored_as_before(claim, data, "IMG_0042.HEIC")
    cache_a_dossier(claim)

    output = run("--dry-run")

    item.refresh_from_db()
    assert read(item.original) == data
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert cached_dossier_names(claim.pk) != []
    assert f"evidence {item.pk} of claim {claim.pk}: has a location" in output
    assert "would clean 1 in 1 claim(s)" in output


def test_it_counts_a_missing_file_and_goes_on(stored_as_before, private_storage):
    claim = make_claim()
    gone = stored_as_before(claim, located_photo("JPEG"), "gone.jpg")
    there = stored_as_before(claim, located_photo("WEBP"), "there.webp")
    private_storage.delete(gone.original.name)

    output = run()

    there.refresh_from_db()
    assert there.sha256 == hashlib.sha256(read(there.original)).hexdigest()
    assert "cleaned 1 in 1 claim(s), 1 missing." in output


def test_it_prints_no_file_name_or_caption(stored_as_before):
    claim = make_claim()
    stored_as_before(claim, located_photo("JPEG"), "李明的身份证.jpg")

    assert "李明" not in run()


def test_two_files_that_differ_only_in_their_location_become_one_exhibit(
    stored_as_before, private_storage
):
    claim = make_claim()
    here = located_photo("JPEG")
    there = here.replace(CITY.encode(), b"Xichengqu")  # the same length, another district
    assert there != here and len(there) == len(here)
    first = stored_as_before(claim, here, "photo.jpg")
    second = stored_as_before(claim, there, "photo-again.jpg")
    event = claim.events.create(kind="sent", happened_on="2026-11-21", evidence=second)

    output = run()

    assert list(claim.evidence.values_list("pk", flat=True)) == [first.pk]
    event.refresh_from_db()
    assert event.evidence_id == first.pk
    assert f"the same file as evidence {first.pk}, merged" in output
    first.refresh_from_db()
    assert CITY.encode() not in read(first.original)
    assert "location removed" not in run()  # a second run changes nothing
