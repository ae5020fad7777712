"""What the declaration page shows before signing: the dossier's statement and its exhibit
list, built as the PDF builds them, from the claim's current answers. HTML, never a PDF."""

from django.utils import timezone

from claims.domain.drafting.common import dated_demand, sent_event
from claims.domain.eligibility import offers_dossier
from claims.dossier.manifest import numbered_exhibits
from claims.dossier.statement import (
    DEFAULT_RECIPIENT,
    RECIPIENTS,
    build_statement,
    chosen_recipient,
    offered_recipients,
)
from claims.followup import as_events


def dated_demand_for(claim, facts, assessment, events):
    """The demand with its term as a date, counted from when the dossier goes out: the day
    the user recorded sending it before signing, else the day they signed it (the signed
    drafts count the same way), and the seller's last day (None without a term)."""
    if assessment is None:
        return None, None
    sent = sent_event(as_events(events))
    signed = timezone.localdate(claim.completed_at) if claim.completed_at else None
    day = sent.on if sent else signed
    term = assessment.demand_term
    due = term.due(day or facts.today) if term else None
    return dated_demand(facts, assessment, sent=day), due


def statement_for(claim, recipient, *, facts, assessment, events, exhibits):
    """The statement to `recipient` (a statement.Recipient), as page one of the dossier."""
    demand, due = dated_demand_for(claim, facts, assessment, events)
    return build_statement(
        recipient, facts, assessment, seller_demand=demand.zh, due=due, exhibits=exhibits
    )


def step_context(wizard, form, context) -> dict:
    """The declaration page: the statement to the default reader and the exhibits, from the
    answers as they are now (the claim is signed only after this page)."""
    facts, assessment = wizard.facts(), context.get("assessment")
    if facts is None or assessment is None or not offers_dossier(assessment):
        return {}
    reader = chosen_recipient(None, offered_recipients(facts, assessment)) or DEFAULT_RECIPIENT
    exhibits = numbered_exhibits(wizard.claim)
    # Unsigned, every recorded event counts: the signature will be given after all of them.
    events = list(wizard.claim.events.all())
    statement = statement_for(
        wizard.claim,
        RECIPIENTS[reader],
        facts=facts,
        assessment=assessment,
        events=events,
        exhibits=exhibits,
    )
    return {"preview": {"statement": statement, "facts": facts, "exhibits": exhibits}}
