"""After the documents went out: the claim's recorded events and its escalation plan."""

from django.utils import timezone

from claims.domain.eligibility import assess
from claims.domain.escalation import Event, escalation_plan
from claims.wizard.facts import facts_for_claim


def as_events(rows) -> tuple[Event, ...]:
    """ClaimEvent rows as the pure modules read them."""
    return tuple(Event(kind=row.kind, on=row.happened_on, note=row.note) for row in rows)


def events_of(claim) -> tuple[Event, ...]:
    return as_events(claim.events.all())


def plan_for(claim, today=None):
    """The plan with real dates, or () while the claim has no valid facts or is blocked."""
    facts = facts_for_claim(claim)
    if facts is None:
        return ()
    assessment = assess(facts)
    if assessment.blocks_documents:
        return ()
    return escalation_plan(facts, assessment, events_of(claim), today or timezone.localdate())
