"""What the result tells the user to do first: R11's payment complaint, unless R15 rules it out."""

import pytest

from claims.domain.drafting import drafts_for
from claims.domain.eligibility import assess
from tests.domain.eligibility_cases import ALL_ANSWERS
from tests.factories import UNKNOWN_OPERATOR, make_facts


def everything_said(facts) -> str:
    assessment = assess(facts)
    texts = [w.zh for w in assessment.warnings] + [r.text.zh for r in assessment.reasons]
    texts += [c.when.zh for c in assessment.channels]
    texts += [d.text for d in drafts_for(facts, assessment)] + [
        w.zh for d in drafts_for(facts, assessment) for w in ([d.warning] if d.warning else [])
    ]
    return "\n".join(texts)


def test_an_unknown_operator_sends_the_user_to_the_payment_platform_first():
    assert "先向支付平台投诉" in everything_said(make_facts(**UNKNOWN_OPERATOR))


def test_a_private_transfer_puts_the_written_demand_first_instead():
    facts = make_facts(
        **UNKNOWN_OPERATOR, payment_method="private_transfer", order_number="", no_order_number=True
    )
    said = everything_said(facts)
    assert "先向支付平台投诉" not in said
    assert "先向店家发出书面催告（私下转账的交易，支付平台的投诉可能不受理）" in said


@pytest.mark.parametrize("answers", ALL_ANSWERS)
def test_it_gives_every_evidence_need_its_own_key(answers):
    needs = assess(make_facts(**answers)).evidence_needed
    keys = [need.key for need in needs]

    assert all(keys)
    assert len(set(keys)) == len(keys)
