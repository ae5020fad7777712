from django.core.management.base import BaseCommand

from claims import tasks


class Command(BaseCommand):
    help = (
        "Queue a reading for every evidence picture left unread with no reading task waiting "
        "(uploads queue their own; this catches the rest, and pictures filed before every one "
        "was read for payment records). Run before the task worker starts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, queue nothing")

    def handle(self, *args, dry_run=False, **options):
        find = tasks.missing_readings if dry_run else tasks.request_missing_readings
        missing = find()
        verb = "Would queue" if dry_run else "Queued"
        return f"{verb} {len(missing)} screenshot reading(s)."
