"""After the documents went out: the claim's recorded events and its escalation plan."""

from django.utils import timezone

from claims.domain.eligibility import assess
from claims.domain.escalation import Event, escalation_plan
from claims.wizard.drafts import drafts_for_claim
from claims.wizard.facts import facts_for_claim

# The draft each plan step sends (the payment step: whichever platform the user paid with).
STEP_DRAFTS = {
    "merchant_chat": ("merchant_chat",),
    "merchant_demand": ("merchant_demand",),
    "merchant_rescission": ("merchant_rescission",),
    "payment": ("alipay", "wechat_pay"),
    "complaint_12315": ("complaint_12315",),
    "consumer_association": ("consumer_association",),
}


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


def plan_with_drafts(claim, today=None) -> list[tuple]:
    """(step, key of its draft on the messages page or "", whether its draft is still to
    come) in date order: the done page's plan. A step only links to a draft that the messages
    page shows today; the rescission notice is written once the demand's deadline passed."""
    plan = plan_for(claim, today)
    if not plan:
        return []
    drafts = drafts_for_claim(claim, events_of(claim))
    written = {draft.key for draft in drafts}
    rows = []
    for step in sorted(plan, key=lambda step: step.due):
        keys = [key for key in STEP_DRAFTS.get(step.key, ()) if key in written]
        rows.append((step, keys[0] if keys else "", bool(STEP_DRAFTS.get(step.key)) and not keys))
    return rows
