"""After the documents went out: the claim's recorded events and its escalation plan."""

from django.utils import timezone

from .answers import facts_for_claim
from .eligibility import assess
from .escalation import Event, escalation_plan


def events_of(claim) -> tuple[Event, ...]:
    return tuple(
        Event(kind=event.kind, on=event.happened_on, note=event.note)
        for event in claim.events.all()
    )


def plan_for(claim, today=None):
    """The plan with real dates, or () while the claim has no valid facts or is blocked."""
    facts = facts_for_claim(claim)
    if facts is None:
        return ()
    assessment = assess(facts)
    if assessment.blocks_documents:
        return ()
    return escalation_plan(facts, assessment, events_of(claim), today or timezone.localdate())
