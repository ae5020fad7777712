import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from claims import law
from claims.drafting import MESSAGE_LIMIT, PAYMENT_METHOD_ZH, merchant_message
from claims.eligibility import assess
from tests.test_eligibility import CHANGED_MIND, PHYSICAL, PROMISE, make_facts

CLAIMS = [
    {},
    {"delivery_overdue": None},
    {"product_type": "topup"},
    {"problem": "invalid_key"},
    {"problem": "wrong_item", "today": date(2026, 12, 20)},
    {**PROMISE, "promise_conditions_met": "yes"},
    {**PHYSICAL, "purchase_confirmation": "no"},
]
NOT_CLAIMS = [
    {"delivery_overdue": False},
    CHANGED_MIND,
    {**PHYSICAL, "purchase_confirmation": "yes"},
]


def message_for(**overrides) -> str:
    facts = make_facts(**overrides)
    return merchant_message(facts, assess(facts))


@pytest.mark.parametrize("overrides", CLAIMS + NOT_CLAIMS)
def test_it_writes_facts_demand_and_basis_with_the_order_details(overrides):
    message = message_for(**overrides)

    for section in ("【事实】", "【诉求】", "【依据】"):
        assert section in message
    assert message.index("【事实】") < message.index("【诉求】") < message.index("【依据】")
    assert "KM202611201432001" in message
    assert "¥50.00" in message
    assert "2026年11月20日 14:32" in message
    assert "支付宝" in message
    assert "星辰卡盟的店铺“星辰数码”" in message


@pytest.mark.parametrize("overrides", CLAIMS)
def test_it_cites_every_supporting_article_by_its_full_citation(overrides):
    facts = make_facts(**overrides, no_refund_clause=True, clause_text="虚拟商品一经售出概不退换")
    assessment = assess(facts)
    message = merchant_message(facts, assessment)

    basis = message.split("【依据】")[1].splitlines()
    for article in assessment.citations:
        if article is law.CIVIL_188:
            continue
        by_law = [line for line in basis if line.startswith(article.law + "第")]
        assert article.citation_zh in message or article.article in by_law[0]
    assert "概不退换" in message
    assert "治安管理处罚法" not in message


@pytest.mark.parametrize("overrides", CLAIMS)
def test_it_closes_a_claim_with_the_payment_platform_and_12315(overrides):
    last_line = message_for(**overrides).splitlines()[-1]

    assert "支付宝" in last_line
    assert "12315" in last_line


@pytest.mark.parametrize("overrides", NOT_CLAIMS)
def test_it_does_not_threaten_complaints_when_the_user_has_no_claim(overrides):
    assert "12315" not in message_for(**overrides)


@pytest.mark.parametrize(
    ("overrides", "deadline"),
    [({}, "24小时内"), ({"problem": "invalid_key"}, "24小时内"), (PHYSICAL, "3天内")],
)
def test_it_sets_a_concrete_deadline_in_the_demand(overrides, deadline):
    assert deadline in message_for(**overrides).split("【诉求】")[1].split("【依据】")[0]


def test_it_formats_the_purchase_time_in_china_time():
    message = message_for(purchased_at=datetime(2026, 11, 20, 6, 32, tzinfo=UTC))

    assert "2026年11月20日 14:32" in message


@pytest.mark.parametrize(("method", "name"), sorted(PAYMENT_METHOD_ZH.items()))
def test_it_names_the_payment_method_in_chinese(method, name):
    assert f"通过{name}支付" in message_for(payment_method=method)


def test_it_does_not_promise_a_payment_platform_complaint_after_a_private_transfer():
    last_line = message_for(payment_method="private_transfer").splitlines()[-1]

    assert "12315" in last_line
    assert "支付平台" not in last_line


def test_it_quotes_the_merchant_reply_and_contact_date():
    message = message_for(
        contacted=True,
        contacted_on=date(2026, 11, 21),
        merchant_response="refused",
        merchant_response_text="虚拟商品不退",
    )

    assert "我已于2026年11月21日联系贵店，贵店答复：“虚拟商品不退”。" in message


LONG = "很长的说明" * 200
LONGEST_ANSWERS = {
    "product_name": "王者荣耀" * 30,
    "platform_name": "卡盟" * 40,
    "shop_name": "店铺" * 40,
    "order_number": "K" * 64,
    "transaction_number": "9" * 64,
    "amount": Decimal("999999.99"),
    "description": LONG,
    "contacted": True,
    "contacted_on": date(2026, 11, 21),
    "merchant_response": "refused",
    "merchant_response_text": LONG,
    "promise_text": LONG,
    "no_refund_clause": True,
    "clause_text": LONG,
    "purchase_confirmation": "yes",
}


@pytest.mark.parametrize("overrides", CLAIMS + NOT_CLAIMS)
def test_it_stays_under_1000_characters_even_with_long_answers(overrides):
    message = message_for(**{**LONGEST_ANSWERS, **overrides})

    assert len(message) < MESSAGE_LIMIT


@pytest.mark.parametrize("overrides", [{"redeemed": True}, {**CHANGED_MIND, "redeemed": True}])
def test_it_refuses_to_draft_for_a_redeemed_key(overrides):
    facts = make_facts(**overrides)

    with pytest.raises(ValueError, match="abuse"):
        merchant_message(facts, assess(facts))


def test_it_leaves_the_facts_untouched():
    facts = make_facts()
    before = dataclasses.asdict(facts)
    merchant_message(facts, assess(facts))

    assert dataclasses.asdict(facts) == before
