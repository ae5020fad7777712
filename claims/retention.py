"""How long a claim is kept (PIPL art. 19): the rule behind Claim.keep_until.

An unfinished claim is kept CLAIM_RETENTION_DAYS after its last change. A finished one is
kept COMPLETED_CLAIM_RETENTION_DAYS after its last change, or to the last open date of its
escalation plan as it stood at that change, whichever is later. Every change the rule counts
(answers, uploads, completion, events) calls refresh_keep_until, so the purge only compares
dates.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from claims.domain.eligibility import assess
from claims.domain.escalation import escalation_plan
from claims.followup import events_of
from claims.models import Claim, ClaimGone
from claims.wizard.facts import facts_for_claim

# A lawsuit may come years later (3-year limitation): the user keeps the downloaded dossier
# and archive for it, we do not keep their data that long (PIPL art. 19, shortest period).
LONG_HORIZON_STEPS = {"court", "police"}
CLOSED = {"done", "skipped"}


def last_change(claim: Claim) -> datetime:
    """The latest of the claim's own save, its uploads and its recorded events."""
    stamps = [
        claim.updated_at,
        claim.evidence.aggregate(latest=Max("uploaded_at"))["latest"],
        claim.events.aggregate(latest=Max("recorded_at"))["latest"],
    ]
    return max(stamp for stamp in stamps if stamp is not None)


def keep_until_for(claim: Claim, changed_at: datetime | None = None) -> datetime:
    """The rule for a claim last changed at changed_at (default: its stored last change)."""
    changed_at = changed_at or last_change(claim)
    if not claim.was_signed:
        return changed_at + timedelta(days=settings.CLAIM_RETENTION_DAYS)
    kept = changed_at + timedelta(days=settings.COMPLETED_CLAIM_RETENTION_DAYS)
    plan_end = _plan_end(claim, timezone.localdate(changed_at))
    if plan_end is None:
        return kept
    # Kept through the whole last day, in the local time the plan's dates are in.
    return max(kept, timezone.make_aware(datetime.combine(plan_end + timedelta(days=1), time.min)))


def keep_until_after(claim: Claim, now: datetime | None = None) -> datetime:
    """The date after a change made now, not written: a caller that saves the claim anyway
    writes it in the same UPDATE. An unfinished claim's date never moves back: one that was
    finished keeps the longer date its plan gave it."""
    keep_until = keep_until_for(claim, now or timezone.now())
    if not claim.was_signed and claim.keep_until and claim.keep_until > keep_until:
        keep_until = claim.keep_until
    return keep_until


def refresh_keep_until(claim: Claim, now: datetime | None = None) -> datetime:
    """Recompute and write the date after a change made now (see keep_until_after)."""
    keep_until = keep_until_after(claim, now)
    # An update, not save(): the claim's own fields and updated_at stay as the change left them.
    if not Claim.objects.filter(pk=claim.pk).update(keep_until=keep_until):
        raise ClaimGone(f"Claim {claim.pk} no longer exists.")
    claim.keep_until = keep_until
    return keep_until


def _plan_end(claim: Claim, day):
    """The last due date of the plan's open steps as seen on day; None when nothing is open.

    The plan is taken on the day of the change, not today: without a "sent" event its dates
    count from the day it is looked at, and would never end.
    """
    facts = facts_for_claim(claim, today=day)
    if facts is None:
        return None
    plan = escalation_plan(facts, assess(facts), events_of(claim), day)
    counted = [step for step in plan if step.key not in LONG_HORIZON_STEPS]
    return max((step.due for step in counted if step.status not in CLOSED), default=None)
