import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from claims import law
from claims.drafting import MESSAGE_LIMIT, PAYMENT_METHOD_ZH, merchant_message
from claims.eligibility import assess
from tests.test_eligibility import (
    ALL_ANSWERS,
    BALANCE,
    CHANGED_MIND,
    INVALID,
    MINOR,
    PHYSICAL,
    PROMISE,
    RESALE,
    STOPPED,
    make_facts,
)

CLAIMS = [
    {},
    {"delivery_overdue": None},
    {"product_type": "topup"},
    INVALID,
    {"problem": "wrong_item", "today": date(2026, 12, 20)},
    {**STOPPED, "defect_kind": "recovered"},
    {**PROMISE, "promise_conditions_met": "yes"},
    {**PHYSICAL, "purchase_confirmation": "no"},
    BALANCE,
    MINOR,
]
NOT_CLAIMS = [
    {"delivery_overdue": False},
    CHANGED_MIND,
    {**PHYSICAL, "purchase_confirmation": "yes"},
    {**CHANGED_MIND, "redeemed": True},
]
DRAFTABLE = [
    answers for answers in ALL_ANSWERS if not assess(make_facts(**answers)).blocks_documents
]
# Cited to the user but not printed as grounds for the demand.
NOT_GROUNDS = {"civil_188", "cpl_25_1_iii", "cpl_reg_17", "cpl_56_1_viii"}


def message_for(**overrides) -> str:
    facts = make_facts(**overrides)
    return merchant_message(facts, assess(facts))


def section(message: str, name: str) -> str:
    return message.split(f"【{name}】")[1].split("【")[0]


@pytest.mark.parametrize("overrides", CLAIMS + NOT_CLAIMS)
def test_it_writes_facts_demand_and_basis_with_the_order_details(overrides):
    message = message_for(**overrides)

    for heading in ("【事实】", "【诉求】", "【依据】"):
        assert heading in message
    assert message.index("【事实】") < message.index("【诉求】") < message.index("【依据】")
    assert "KM202611201432001" in message
    assert "¥50.00" in message
    assert "2026年11月20日 14:32" in message
    assert "支付宝" in message
    assert "星辰卡盟的店铺“星辰数码”" in message


@pytest.mark.parametrize("overrides", CLAIMS)
def test_it_cites_every_ground_by_its_full_citation(overrides):
    facts = make_facts(**overrides, no_refund_clause=True, clause_text="虚拟商品一经售出概不退换")
    assessment = assess(facts)
    basis = section(merchant_message(facts, assessment), "依据").splitlines()

    for article in assessment.citations:
        if article.key in NOT_GROUNDS:
            continue
        (line,) = [line for line in basis if line.startswith(article.law + "第")]
        assert article.article in line
    assert "概不退换" in "".join(basis)
    assert not any("治安管理处罚法" in line for line in basis)


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
    [
        ({}, "24小时内"),
        ({"promised_delivery": "within"}, "72小时内"),
        (INVALID, "24小时内"),
        (PHYSICAL, "3日内"),
        (BALANCE, "3日内"),
    ],
)
def test_it_sets_a_concrete_deadline_in_the_demand(overrides, deadline):
    assert deadline in section(message_for(**overrides), "诉求")


def test_it_sends_a_demand_with_a_deadline_before_rescission():
    message = message_for()

    assert "解除合同通知" not in message
    assert "逾期未处理的，我将依法解除合同" in section(message, "诉求")


def test_it_turns_into_a_rescission_notice_once_the_deadline_passed():
    message = message_for(deadline_given=True, deadline_on=date(2026, 11, 21))

    assert message.splitlines()[0] == "解除合同通知"
    assert "要求贵店于2026年11月21日前发货，贵店逾期仍未发货" in section(message, "事实")
    assert "解除本订单合同" in section(message, "诉求")
    for article in (law.CIVIL_563_1_III, law.CIVIL_565_1, law.CIVIL_566_1):
        assert article.article in section(message, "依据")


def test_it_reminds_of_a_deadline_that_has_not_passed():
    message = message_for(deadline_given=True, deadline_on=date(2026, 11, 23))

    assert "解除合同通知" not in message
    assert "2026年11月23日前" in section(message, "诉求")


def test_it_cites_only_contract_law_for_a_resale_purchase():
    message = message_for(**RESALE, no_refund_clause=True)
    basis = section(message, "依据")

    assert basis.strip().startswith(law.CIVIL_CODE[0])
    assert law.CPL[0] not in message and "12315" not in message
    assert "诉讼" in message.splitlines()[-1]


def test_it_speaks_for_the_guardian_of_a_minor():
    message = message_for(**MINOR)

    assert "监护人" in message.splitlines()[0]
    assert "我的孩子（14岁）" in message
    assert "不予追认" in section(message, "事实")
    assert "限制民事行为能力人" in section(message, "依据")
    assert law.CIVIL_157.article in section(message, "依据")
    assert "第十九条" not in message and "第一百四十五条" not in message


def test_it_asks_for_the_site_balance_back():
    message = message_for(**BALANCE)

    assert "余额¥80.00目前无法使用" in section(message, "事实")
    assert "站内余额¥80.00原路退回" in section(message, "诉求")


def test_it_notes_the_transfer_the_seller_asked_for():
    message = message_for(payment_method="private_transfer", transfer_requested_by_seller=True)

    assert "私下转账系按贵店工作人员的要求进行" in message


@pytest.mark.parametrize(
    "overrides",
    [
        {**INVALID, "used_before_confirmed": True, "defect_kind": "used"},
        {"site_closed": True, "fraud_signs": ("vanished",)},
        {"fraud_signs": ("false_claims",)},
    ],
)
def test_it_adds_the_3x_claim_only_as_one_deletable_sentence_where_fraud_signs_exist(overrides):
    message = message_for(**overrides)
    (sentence,) = [line for line in message.splitlines() if "增加赔偿" in line]

    assert sentence.startswith("鉴于") and sentence.endswith("的权利。")
    assert "¥500.00" in sentence
    assert law.CPL_55_1.citation_zh in sentence
    assert message.replace(sentence + "\n", "").count("赔偿") == message.count("赔偿") - 1


@pytest.mark.parametrize("overrides", DRAFTABLE)
def test_it_never_mentions_the_3x_claim_without_fraud_signs(overrides):
    facts = make_facts(**overrides)
    assessment = assess(facts)
    message = merchant_message(facts, assessment)

    if assessment.punitive is None:
        assert "增加赔偿" not in message and "三倍" not in message


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
    assert "举报" in message.splitlines()[-1]


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
    "contacted_on": date(2026, 11, 1),
    "merchant_response": "offered_credit",
    "merchant_response_text": LONG,
    "promise_text": LONG,
    "no_refund_clause": True,
    "clause_text": LONG,
    "purchase_confirmation": "yes",
    "payment_method": "private_transfer",
    "transfer_requested_by_seller": True,
    "sold_on_platform": "yes",
    "operator_name": "",
    "operator_address": "",
    "fraud_signs": ("false_claims",),
    "key_shown": "unreadable",
}


@pytest.mark.parametrize("overrides", CLAIMS + NOT_CLAIMS + DRAFTABLE)
def test_it_stays_under_1000_characters_even_with_long_answers(overrides):
    message = message_for(**{**LONGEST_ANSWERS, **overrides})

    assert len(message) < MESSAGE_LIMIT
    assert "【依据】" in message and message.splitlines()[-1].endswith("。")


@pytest.mark.parametrize(
    "overrides",
    [
        {"redeemed": True},
        {**INVALID, "redeemed": True},
        {"problem": "wrong_item", "redeemed": True},
    ],
)
def test_it_refuses_to_draft_for_a_redeemed_key(overrides):
    facts = make_facts(**overrides)

    with pytest.raises(ValueError, match="abuse"):
        merchant_message(facts, assess(facts))


def test_it_leaves_the_facts_untouched():
    facts = make_facts()
    before = dataclasses.asdict(facts)
    merchant_message(facts, assess(facts))

    assert dataclasses.asdict(facts) == before
