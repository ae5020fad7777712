from django.core.management.base import BaseCommand

from claims.models import Claim, FormToken


class Command(BaseCommand):
    help = (
        "Delete claims past their stored keep_until with every stored and derived file, and "
        "one-time form tokens used more than a day ago. "
        "Safe to run again: a run cut short is finished by the next one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")

    def handle(self, *args, dry_run=False, **options):
        expired = list(Claim.objects.expired().prefetch_related("evidence"))
        files = 0
        for claim in expired:
            stored = [item for evidence in claim.evidence.all() for item in evidence.stored_files()]
            files += len(stored)
            if dry_run:
                continue
            # Files before rows: if a run stops half-way, the row is still there to be found
            # by the next run, which deletes the rest (deleting a missing file is a no-op).
            for item in stored:
                item.storage.delete(item.name)
            claim.delete_with_files()
        stale_tokens = FormToken.objects.stale()
        tokens = stale_tokens.count() if dry_run else stale_tokens.delete()[0]
        unfinished = sum(1 for claim in expired if claim.completed_at is None)
        verb = "Would delete" if dry_run else "Deleted"
        summary = (
            f"{verb} {len(expired)} expired claim(s). ({unfinished} unfinished, "
            f"{len(expired) - unfinished} finished, {files} evidence file(s))"
        )
        return f"{summary}\n{verb} {tokens} used form token(s)." if tokens else summary
