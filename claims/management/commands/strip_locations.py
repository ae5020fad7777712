"""Remove location metadata from originals stored before uploads were cleaned (issue 15)."""

import hashlib
import shutil
import tempfile
import uuid
from pathlib import PurePosixPath

from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction

from claims.dossier.stored import delete_cached_dossiers
from claims.evidence.metadata import strip_location_in_place, without_location
from claims.models import ClaimEvent, Evidence, RowGone


class Command(BaseCommand):
    help = (
        "Remove location metadata from stored original photos and recordings, update their "
        "SHA-256 and size, and delete the cached dossiers of the claims that changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")

    def handle(self, *args, dry_run=False, **options):
        kinds = (Evidence.Kind.IMAGE, Evidence.Kind.VIDEO)
        items = Evidence.objects.filter(kind__in=kinds).exclude(original="").order_by("pk")
        checked, changed, missing, claims = 0, 0, 0, set()
        for item in items.iterator():
            checked += 1
            try:
                if not clean_original(item, dry_run=dry_run):
                    continue
            except FileNotFoundError:
                missing += 1
                continue
            changed += 1
            claims.add(item.claim_id)
            # Numbers only: file names and captions are the user's text.
            what = "has a location" if dry_run else f"location removed, sha256 {item.sha256}"
            if getattr(item, "merged_into", None):
                what = f"location removed; the same file as evidence {item.merged_into}, merged"
            self.stdout.write(f"evidence {item.pk} of claim {item.claim_id}: {what}")
        if not dry_run:
            for claim_pk in claims:
                delete_cached_dossiers(claim_pk)
        verb = "would clean" if dry_run else "cleaned"
        return (
            f"Checked {checked} original(s): {verb} {changed} in {len(claims)} claim(s), "
            f"{missing} missing."
        )


def clean_original(item: Evidence, *, dry_run: bool = False) -> bool:
    """Store the item's original without its location and update its row; False if it had none.

    The file goes through a temporary file: a recording may be too large for memory.
    """
    with tempfile.TemporaryFile() as spool:
        with item.original.open("rb") as handle:
            shutil.copyfileobj(handle, spool)
        if not _strip(item, spool):
            return False
        if dry_run:
            return True
        spool.seek(0)
        digest = hashlib.sha256()
        for chunk in iter(lambda: spool.read(1024 * 1024), b""):
            digest.update(chunk)
        old_name = item.original.name
        suffix = PurePosixPath(old_name).suffix
        spool.seek(0)
        item.original.save(f"{uuid.uuid4().hex}{suffix}", File(spool), save=False)
    item.sha256, item.size = digest.hexdigest(), item.original.size
    try:
        with transaction.atomic():
            item.save(update_fields=["original", "sha256", "size"])
    except RowGone:
        item.original.storage.delete(item.original.name)  # removed meanwhile: leave nothing
        return False
    except IntegrityError:
        # Without its location the file is another exhibit of the claim, byte for byte: one
        # content is one exhibit, so this copy goes and its events point to the other.
        item.original.storage.delete(item.original.name)
        item.original.name = old_name
        _merge_into_twin(item)
        return True
    item.original.storage.delete(old_name)
    return True


def _merge_into_twin(item: Evidence) -> None:
    twin = Evidence.objects.get(claim_id=item.claim_id, sha256=item.sha256)
    with transaction.atomic():
        ClaimEvent.objects.filter(evidence=item).update(evidence=twin)
        item.delete_with_files()
    item.merged_into = twin.pk


def _strip(item: Evidence, spool) -> bool:
    if item.kind == Evidence.Kind.VIDEO:
        return strip_location_in_place(spool)
    spool.seek(0)
    data = spool.read()
    cleaned = without_location(data)
    if cleaned is data:
        return False
    spool.seek(0)
    spool.truncate()
    spool.write(cleaned)
    return True
