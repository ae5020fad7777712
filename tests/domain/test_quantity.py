"""Issue 13 items 1-2: several items, a partial claim, and an order without an order number."""

from decimal import Decimal

from claims.domain.drafting import drafts_for
from claims.domain.eligibility import assess
from claims.domain.quantity import claimed_sum, order_summary
from tests.factories import ASKED, INVALID, make_facts

THREE_KEYS = {"quantity": 3, "quantity_failed": 2, "amount": Decimal("100.00")}


def test_it_claims_the_failed_items_share_of_the_price_rounded_to_fen():
    facts = make_facts(**THREE_KEYS)
    assert facts.partial
    assert facts.claimed_amount == Decimal("66.67")


def test_it_claims_the_whole_price_for_one_item_or_when_all_failed():
    assert make_facts().claimed_amount == Decimal("50.00")
    assert make_facts(quantity=4, quantity_failed=4).claimed_amount == Decimal("50.00")


def test_it_takes_the_amount_the_user_entered_where_prices_differ_never_above_the_price():
    assert make_facts(**THREE_KEYS, amount_claimed=Decimal("80")).claimed_amount == Decimal("80")
    assert make_facts(**THREE_KEYS, amount_claimed=Decimal("500")).claimed_amount == Decimal(
        "100.00"
    )


def test_it_names_the_count_the_sum_and_the_working_items_in_the_demand():
    demand = assess(make_facts(**THREE_KEYS)).demand
    assert "其中未收到的2张卡密的货款合计¥66.67" in demand.zh
    assert "另1张已收到" in demand.zh
    assert "¥100.00" not in demand.zh
    assert "一张" not in demand.zh
    assert "2 keys that never arrived" in demand.en


def test_it_asks_to_swap_only_the_faulty_keys_on_a_defect_claim():
    demand = assess(make_facts(**THREE_KEYS, **INVALID)).demand
    assert "更换其中无法使用的2张卡密" in demand.zh
    assert "另1张可正常使用" in demand.zh
    assert "一张" not in demand.zh


def test_it_names_all_items_when_every_one_failed():
    demand = assess(make_facts(quantity=3, quantity_failed=3, amount=Decimal("90"))).demand
    assert "全部3张卡密的货款合计¥90.00" in demand.zh


def test_it_uses_the_measure_word_of_the_product():
    months = make_facts(product_type="membership", quantity=3, quantity_failed=2, **INVALID)
    assert "2个月会员" in claimed_sum(months).zh
    topups = make_facts(product_type="topup", quantity=5, quantity_failed=1)
    assert "1次充值" in claimed_sum(topups).zh


def test_it_keeps_a_single_item_demand_as_before():
    assert "¥50.00原路退回" in assess(make_facts()).demand.zh
    assert order_summary(make_facts()).zh == "¥50.00"


def test_it_states_the_count_and_sum_claimed_in_every_draft_and_never_the_whole_price_to_refund():
    facts = make_facts(**THREE_KEYS, **ASKED)
    drafts = drafts_for(facts, assess(facts))
    assert drafts
    for draft in drafts:
        text = draft.text if isinstance(draft.text, str) else draft.text.zh
        assert "退还¥100.00" not in text, draft.key
        assert "一张卡密" not in text, draft.key
    chat = next(d for d in drafts if d.key == "merchant_chat")
    assert "共3张卡密" in chat.text and "合计¥66.67" in chat.text


def test_it_uses_the_transaction_number_where_there_is_no_order_number():
    facts = make_facts(order_number="", no_order_number=True, payment_method="private_transfer")
    assert facts.order_reference == facts.transaction_number
    for draft in drafts_for(facts, assess(facts)):
        text = draft.text if isinstance(draft.text, str) else draft.text.zh
        assert "订单号，" not in text and "订单号。" not in text, draft.key
        assert "订单号）" not in text.replace("无订单号）", ""), draft.key
        assert "订单号的" not in draft.explanation.zh, draft.key
    chat = next(d for d in drafts_for(facts, assess(facts)) if d.key == "merchant_chat")
    assert f"交易单号{facts.transaction_number}（私下转账，无订单号）" in chat.text
