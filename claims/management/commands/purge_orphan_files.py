from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from claims.models import Claim, Evidence

FILE_FIELDS = ("original", "print_image", "thumbnail", "small_thumbnail")


def stored_files(storage, folder=""):
    """Every file name under folder in the storage, walked through the storage API.

    A local folder that nothing was saved to yet has no files; a bucket always answers its
    listing (asking whether "" exists would ask S3 for an object with an empty key).
    """
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}{name}"
    for directory in directories:
        yield from stored_files(storage, f"{folder}{directory}/")


class Command(BaseCommand):
    help = "Delete evidence files that belong to no claim (left by a crash or a bulk delete)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list, delete nothing")
        parser.add_argument(
            "--min-age-minutes",
            type=int,
            default=60,
            help="spare files younger than this: an upload may be saving them (default 60)",
        )

    def handle(self, *args, dry_run=False, min_age_minutes=60, **options):
        cutoff = timezone.now() - timedelta(minutes=min_age_minutes)
        referenced = Evidence.objects.stored_names()
        # A claim's cached dossier (dossiers/<pk>/...) belongs to it while the claim exists.
        live_dossiers = {f"dossiers/{pk}/" for pk in Claim.objects.values_list("pk", flat=True)}
        # The age guard spares the files of an upload that is being saved right now.
        orphans = [
            (storage, name)
            for storage in self.storages()
            for name in stored_files(storage)
            if name not in referenced
            and not any(name.startswith(folder) for folder in live_dossiers)
            and storage.get_modified_time(name) < cutoff
        ]
        for storage, name in orphans:
            if dry_run:
                self.stdout.write(name)
            else:
                storage.delete(name)
        verb = "Would delete" if dry_run else "Deleted"
        return f"{verb} {len(orphans)} orphan file(s)."

    def storages(self):
        """The storages of the evidence file fields, each once."""
        found = {}
        for name in FILE_FIELDS:
            storage = Evidence._meta.get_field(name).storage
            found.setdefault(id(storage), storage)
        return list(found.values())
