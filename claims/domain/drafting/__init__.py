"""Every message RefundHelper writes for a claim: facts, demand, legal basis (事实 / 诉求 / 依据).

Pure: facts and assessment in, drafts out. Which drafts appear follows the assessment's
channels (R13); the drafts themselves live in this package's merchant, payment, authorities
and social modules. Nothing is drafted for a claim the abuse gate stopped.
"""

from claims.domain.assessment import Assessment
from claims.domain.drafting.authorities import authority_drafts
from claims.domain.drafting.common import PAYMENT_METHOD_ZH, Complainant, Draft, format_time
from claims.domain.drafting.merchant import MESSAGE_LIMIT, merchant_drafts, merchant_message
from claims.domain.drafting.payment import payment_drafts
from claims.domain.drafting.social import social_drafts
from claims.domain.escalation import Event
from claims.domain.facts import Facts

__all__ = [
    "MESSAGE_LIMIT",
    "PAYMENT_METHOD_ZH",
    "Complainant",
    "Draft",
    "drafts_for",
    "format_time",
    "merchant_message",
]

# Complainant is frozen, so one shared empty instance is a safe default.
NO_COMPLAINANT = Complainant()
DRAFT_KEYS = (
    "merchant_chat",
    "merchant_demand",
    "merchant_rescission",
    "alipay",
    "wechat_pay",
    "complaint_12315",
    "report_12315",
    "consumer_association",
    "social_post",
)


def drafts_for(
    facts: Facts,
    assessment: Assessment,
    complainant: Complainant = NO_COMPLAINANT,
    events: tuple[Event, ...] = (),
) -> tuple[Draft, ...]:
    """The drafts in the order the user sends them; none when documents are blocked (R17).

    events: what the user recorded since (sent, refused, ...); only they let a draft say that
    something was already sent to the shop."""
    if assessment.blocks_documents:
        return ()
    return (
        *merchant_drafts(facts, assessment),
        *payment_drafts(facts, assessment, events),
        *authority_drafts(facts, assessment, complainant, events),
        *social_drafts(facts, assessment, events),
    )
