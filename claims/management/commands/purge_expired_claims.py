from django.core.management.base import BaseCommand

from claims.models import Claim


class Command(BaseCommand):
    help = "Delete claims past their retention period, with all their files."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")

    def handle(self, *args, dry_run=False, **options):
        expired = list(Claim.objects.expired())
        if not dry_run:
            for claim in expired:
                claim.delete_with_files()
        verb = "Would delete" if dry_run else "Deleted"
        return f"{verb} {len(expired)} expired claim(s)."
