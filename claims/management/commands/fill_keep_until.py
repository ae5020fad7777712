"""Dates the claims that have no keep_until yet: rows from before the field existed.

A claim without keep_until is never purged (the safe side: its rule was never worked out), so
a row left empty would be kept forever. `make run` and `make serve` run this after migrate, so
none is left; the migration itself only adds the field and depends on no rule.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from claims.models import Claim
from claims.retention import keep_until_for


class Command(BaseCommand):
    help = (
        "Give every claim without a keep_until the date the retention rule gives it from its "
        "last change. Run after migrate: a claim without a date is never purged."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count, write nothing")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        empty = Claim.objects.filter(keep_until__isnull=True).prefetch_related("events")
        filled = past = 0
        for claim in empty.iterator(chunk_size=200):
            keep_until = keep_until_for(claim)
            if not dry_run:
                # An update, not save(): updated_at is part of the rule and must not move.
                Claim.objects.filter(pk=claim.pk).update(keep_until=keep_until)
            filled += 1
            past += keep_until < now
        verb = "Would fill" if dry_run else "Filled"
        return f"{verb} keep_until of {filled} claim(s). ({past} already expired)"
