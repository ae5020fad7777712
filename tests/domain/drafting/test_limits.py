from datetime import date
from decimal import Decimal

import pytest

from claims.domain.drafting import MESSAGE_LIMIT, drafts_for
from claims.domain.eligibility import assess
from tests.domain.eligibility_cases import ALL_ANSWERS
from tests.factories import make_facts

REPLY = "客服说：“虚拟商品一经售出概不退换，卡密发出即视为交付完成。”请您理解。" * 20
# The longest answers the forms accept (claims/demo/claim.py long_text_answers, max_length).
LONGEST = {
    "product_name": ("原神 创世结晶 6480 点卡密 " * 6)[:100].strip(),
    "platform_name": "星辰卡盟" * 25,
    "shop_name": ("小鱼数码旗舰分站" * 13)[:100],
    "order_number": ("KM" + "20261122211403876612345678901234567890" * 2)[:64],
    "transaction_number": "9" * 64,
    "amount": Decimal("999999.99"),
    "description": REPLY[:1000],
    "contacted": True,
    "contacted_on": date(2026, 11, 1),
    "merchant_response": "refused",
    "merchant_response_text": REPLY[:1000],
    "promise_text": REPLY[:500],
    "no_refund_clause": True,
    "clause_text": REPLY[:500],
    "operator_name": "某" * 120,
    "operator_address": "",
    "icp_number": "粤" * 60,
    "payee_name": "收" * 120,
    "fraud_signs": ("false_claims",),
}
HARD = {"wechat_pay": 300, "merchant_demand": len("催告函\n") + MESSAGE_LIMIT}


@pytest.mark.parametrize("method", ["alipay", "wechat"])
@pytest.mark.parametrize("overrides", ALL_ANSWERS)
def test_every_channel_at_its_limit_keeps_names_whole_and_quotes_paired(overrides, method):
    facts = make_facts(**{**LONGEST, **overrides, "payment_method": method})
    product = facts.product_name

    for draft in drafts_for(facts, assess(facts)):
        text = draft.text
        if draft.key in HARD:
            assert len(text) <= HARD[draft.key], draft.key
        # Whole, or not there at all: never its first words followed by "…".
        assert product in text or product[:6] not in text, draft.key
        assert text.count("“") == text.count("”"), draft.key
        assert "。”。" not in text and "…”。" not in text, draft.key
