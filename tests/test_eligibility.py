import dataclasses
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from claims import law
from claims.bilingual import Text
from claims.eligibility import Facts, assess

SHANGHAI = ZoneInfo("Asia/Shanghai")
LEGAL_BASIS = Path(__file__).resolve().parents[2] / "shared" / "domain" / "LEGAL_BASIS.md"


def make_facts(**overrides) -> Facts:
    """A ¥50 card key bought on 2026-11-20 14:32 that never arrived; override what a test needs."""
    facts = Facts(
        product_type="card_key",
        product_name="王者荣耀点券卡 100元",
        platform_name="星辰卡盟",
        shop_name="星辰数码",
        order_number="KM202611201432001",
        amount=Decimal("50.00"),
        purchased_at=datetime(2026, 11, 20, 14, 32, tzinfo=SHANGHAI),
        payment_method="alipay",
        transaction_number="2026112022001400001234567890",
        problem="not_delivered",
        delivery_overdue=True,
        redeemed=False,
        discovered_on=date(2026, 11, 20),
        description="页面显示“自动发货”，但订单一直是“待发货”。",
        contacted=False,
        contacted_on=None,
        merchant_response="",
        merchant_response_text="",
        refund_promise="no",
        promise_text="",
        promise_conditions_met="",
        no_refund_clause=False,
        clause_text="",
        purchase_confirmation="no",
        today=date(2026, 11, 22),
    )
    return dataclasses.replace(facts, **overrides)


def keys(articles) -> set[str]:
    return {article.key for article in articles}


def deadline(assessment, label_en_start: str):
    (found,) = [d for d in assessment.deadlines if d.label.en.startswith(label_en_start)]
    return found


CHANGED_MIND = {"problem": "changed_mind", "delivery_overdue": None}
PROMISE = {**CHANGED_MIND, "refund_promise": "yes", "promise_text": "未使用包退"}
PHYSICAL = {**CHANGED_MIND, "product_type": "physical_card"}

CASES = [
    ({}, "non_delivery", "strong"),
    ({"delivery_overdue": False}, "not_yet_due", "wait"),
    ({"delivery_overdue": None}, "non_delivery", "uncertain"),
    ({"product_type": "topup"}, "non_delivery", "strong"),
    ({"problem": "invalid_key"}, "defect", "strong"),
    ({"problem": "wrong_item"}, "defect", "strong"),
    ({"problem": "invalid_key", "today": date(2026, 11, 27)}, "defect", "strong"),
    ({"problem": "invalid_key", "today": date(2026, 11, 28)}, "defect", "good"),
    (CHANGED_MIND, "no_reason_unlikely", "weak"),
    ({**CHANGED_MIND, "product_type": "topup"}, "no_reason_unlikely", "weak"),
    ({**CHANGED_MIND, "product_type": "membership"}, "no_reason_unlikely", "weak"),
    ({**PROMISE, "promise_conditions_met": "yes"}, "seller_promise", "good"),
    ({**PROMISE, "promise_conditions_met": "unsure"}, "seller_promise", "uncertain"),
    ({**PROMISE, "promise_conditions_met": "no"}, "no_reason_unlikely", "weak"),
    ({**PHYSICAL, "purchase_confirmation": "no"}, "no_reason_return", "good"),
    ({**PHYSICAL, "purchase_confirmation": "unsure"}, "no_reason_return", "uncertain"),
    ({**PHYSICAL, "purchase_confirmation": "yes"}, "no_reason_unlikely", "weak"),
    ({**PHYSICAL, "today": date(2026, 12, 1)}, "no_reason_return", "uncertain"),
    ({"redeemed": True}, "stop_abuse", "stop"),
    ({**CHANGED_MIND, "redeemed": True}, "stop_abuse", "stop"),
    ({**PROMISE, "promise_conditions_met": "yes", "redeemed": True}, "stop_abuse", "stop"),
]
EVERY_CASE = pytest.mark.parametrize(("overrides", "route", "outcome"), CASES)


@EVERY_CASE
def test_it_picks_the_route_and_outcome_the_rules_give(overrides, route, outcome):
    assessment = assess(make_facts(**overrides))

    assert (assessment.route, assessment.outcome) == (route, outcome)


@EVERY_CASE
def test_it_only_cites_articles_from_the_law_module(overrides, route, outcome):
    assessment = assess(make_facts(**overrides, no_refund_clause=True, contacted=True))

    cited = [a for reason in assessment.reasons for a in reason.citations]
    assert all(law.ARTICLES[a.key] is a for a in cited)
    assert list(assessment.citations) == list(dict.fromkeys(cited))


@EVERY_CASE
def test_it_never_cites_the_repealed_complaint_rules_or_police_law(overrides, route, outcome):
    assessment = assess(make_facts(**overrides, no_refund_clause=True))

    for article in assessment.citations:
        assert not re.search("第20号|投诉举报|治安管理处罚法", article.citation_zh)


@EVERY_CASE
def test_it_blocks_documents_only_for_the_abuse_stop(overrides, route, outcome):
    assert assess(make_facts(**overrides)).blocks_documents is (route == "stop_abuse")


def test_it_stops_a_claim_for_a_key_that_was_redeemed():
    assessment = assess(make_facts(problem="invalid_key", redeemed=True))

    assert keys(assessment.citations) >= {"cpl_reg_49_2", "cpl_reg_27_2"}
    warnings = " ".join(w.zh for w in assessment.warnings)
    assert "诈骗" in warnings
    assert "造假" in warnings
    assert assessment.deadlines == ()
    assert assessment.evidence_needed == ()


def test_it_grounds_non_delivery_on_prepayment_breach_and_the_delivery_test():
    assessment = assess(make_facts())

    assert keys(assessment.citations) >= {
        "cpl_53", "cpl_reg_22_2", "ecl_20", "ecl_74", "civil_577",
        "ecl_51_2", "civil_512_2", "civil_563_1_iii",
    }  # fmt: skip
    assert "cpl_25_1_iii" not in keys(assessment.citations)


def test_it_tells_the_user_to_wait_before_the_delivery_time():
    assessment = assess(make_facts(delivery_overdue=False))

    assert keys(assessment.citations) == {"ecl_20"}
    assert assessment.deadlines == ()


@pytest.mark.parametrize(
    ("today", "extra_key"),
    [(date(2026, 11, 27), None), (date(2026, 11, 28), "civil_563_1_iv")],
)
def test_it_bases_defect_claims_on_quality_rules_and_after_7_days_on_rescission(today, extra_key):
    assessment = assess(make_facts(problem="invalid_key", today=today))

    assert keys(assessment.citations) >= {"cpl_24", "civil_582"}
    assert ("civil_563_1_iv" in keys(assessment.citations)) is (extra_key is not None)


@pytest.mark.parametrize(
    ("purchased_at", "window_end"),
    [
        (datetime(2026, 11, 20, 14, 32, tzinfo=SHANGHAI), date(2026, 11, 27)),
        (datetime(2026, 11, 19, 17, 0, tzinfo=UTC), date(2026, 11, 27)),
        (datetime(2026, 12, 28, 9, 0, tzinfo=SHANGHAI), date(2027, 1, 4)),
    ],
)
def test_it_ends_the_7_day_window_7_days_after_the_china_purchase_date(purchased_at, window_end):
    assessment = assess(make_facts(problem="invalid_key", purchased_at=purchased_at))

    window = deadline(assessment, "7-day")
    assert window.due == window_end
    assert "order date" in window.note.en


def test_it_gives_a_7_day_window_for_returning_an_unconfirmed_physical_card():
    assessment = assess(make_facts(**PHYSICAL))

    assert deadline(assessment, "7-day").due == date(2026, 11, 27)
    assert keys(assessment.citations) >= {"cpl_reg_19", "seven_day_7", "seven_day_20_2"}


def test_it_counts_the_15_day_stall_limit_from_the_first_contact():
    facts = make_facts(contacted=True, contacted_on=date(2026, 11, 21), merchant_response="refused")
    assessment = assess(facts)

    assert deadline(assessment, "15-day").due == date(2026, 12, 6)
    assert "penalty_10_2" in keys(assessment.citations)


def test_it_leaves_out_the_stall_limit_when_the_shop_was_not_contacted():
    assessment = assess(make_facts())

    assert [d.label.en for d in assessment.deadlines] == ["Deadline to go to court (3 years)"]


@pytest.mark.parametrize(
    ("discovered_on", "due"),
    [(date(2026, 11, 20), date(2029, 11, 20)), (date(2028, 2, 29), date(2031, 2, 28))],
)
def test_it_gives_three_years_to_sue_from_discovery(discovered_on, due):
    facts = make_facts(discovered_on=discovered_on, today=discovered_on)

    assert deadline(assess(facts), "Deadline to go to court").due == due


def test_it_warns_when_the_time_to_sue_has_passed():
    assessment = assess(make_facts(today=date(2030, 1, 1)))

    assert any("3年" in w.zh for w in assessment.warnings)


@pytest.mark.parametrize("route_overrides", [{}, {"problem": "invalid_key"}, PROMISE])
def test_it_answers_a_no_refund_notice_with_the_void_clause_rules(route_overrides):
    assessment = assess(make_facts(**route_overrides, no_refund_clause=True))

    assert keys(assessment.citations) >= {"cpl_26_2_3", "civil_497", "spc_online_1"}
    assert "spc_contract_10_3" not in keys(assessment.citations)


@pytest.mark.parametrize(
    ("overrides", "cited"),
    [
        ({"no_refund_clause": True, "purchase_confirmation": "yes"}, True),
        ({"no_refund_clause": False, "purchase_confirmation": "yes"}, False),
        ({"no_refund_clause": True, "purchase_confirmation": "unsure"}, False),
        ({**PHYSICAL, "no_refund_clause": True, "purchase_confirmation": "yes"}, True),
        ({**CHANGED_MIND, "no_refund_clause": True, "purchase_confirmation": "yes"}, False),
    ],
)
def test_it_raises_the_tick_box_point_only_against_a_confirmed_no_refund_clause(overrides, cited):
    assessment = assess(make_facts(**overrides))

    assert ("spc_contract_10_3" in keys(assessment.citations)) is cited


def test_it_tells_the_shop_the_digital_exclusion_does_not_cover_faulty_keys():
    assessment = assess(make_facts(problem="invalid_key", no_refund_clause=True))

    assert keys(assessment.citations) >= {"cpl_25_1_iii", "seven_day_35"}


@pytest.mark.parametrize(
    ("product_type", "expected"),
    [("card_key", {"cpl_25_1_iii", "seven_day_6_iii"}), ("topup", set()), ("service", set())],
)
def test_it_cites_the_digital_exclusion_but_treats_services_as_interpretation(
    product_type, expected
):
    assessment = assess(make_facts(**CHANGED_MIND, product_type=product_type))

    assert keys(assessment.citations) == expected
    if not expected:
        assert "our reading" in assessment.reasons[0].text.en


def test_it_enforces_a_refund_promise_even_for_digital_goods():
    assessment = assess(make_facts(**PROMISE, promise_conditions_met="yes"))

    assert keys(assessment.citations) >= {"cpl_reg_12", "spc_online_2"}
    assert any(need.category == "merchant_breach" for need in assessment.evidence_needed)


@pytest.mark.parametrize(
    "overrides",
    [{}, {"problem": "invalid_key"}, {**PROMISE, "promise_conditions_met": "yes"}, PHYSICAL],
)
def test_it_demands_the_exact_amount_back_to_the_original_payment(overrides):
    demand = assess(make_facts(**overrides, amount=Decimal("50"))).demand

    assert "¥50.00" in demand.zh
    assert "原路退回" in demand.zh
    assert "¥50.00" in demand.en


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, {"transaction", "product_state", "merchant_breach", "operator_identity"}),
        ({"problem": "invalid_key"}, {"transaction", "product_state", "operator_identity"}),
        (CHANGED_MIND, {"transaction"}),
    ],
)
def test_it_asks_for_the_evidence_each_route_rests_on(overrides, expected):
    assessment = assess(make_facts(**overrides))

    assert {need.category for need in assessment.evidence_needed} == expected


def test_it_asks_for_an_uncut_redemption_recording_for_a_faulty_key():
    needs = assess(make_facts(problem="invalid_key")).evidence_needed

    assert any("录屏" in need.description.zh for need in needs)


def test_it_asks_for_the_chat_once_the_shop_was_contacted():
    facts = make_facts(contacted=True, contacted_on=date(2026, 11, 21))

    assert any("聊天" in need.description.zh for need in assess(facts).evidence_needed)


def test_it_warns_that_a_private_transfer_may_rule_out_payment_complaints():
    warnings = assess(make_facts(payment_method="private_transfer")).warnings

    assert any("私下转账" in w.zh and "投诉商家" in w.zh for w in warnings)


def test_it_never_offers_triple_damages_in_this_version():
    for overrides, _route, _outcome in CASES:
        assessment = assess(make_facts(**overrides))
        texts = [assessment.headline, assessment.demand, *assessment.warnings]
        texts += [reason.text for reason in assessment.reasons]
        assert not any("三倍" in t.zh or "triple" in t.en.lower() for t in texts)
        assert "cpl_55" not in keys(assessment.citations)


def test_it_rejects_a_naive_purchase_time():
    with pytest.raises(ValueError, match="aware"):
        assess(make_facts(purchased_at=datetime(2026, 11, 20, 14, 32)))  # noqa: DTZ001


@pytest.mark.parametrize(("language", "expected"), [("en", "B"), ("en-us", "B"), ("zh-hans", "A")])
def test_it_picks_english_only_for_english_language_codes(language, expected):
    assert Text("A", "B").get(language) == expected


def test_it_labels_every_article_with_its_full_instrument_name():
    for key, article in law.ARTICLES.items():
        assert article.key == key
        assert article.law.startswith("《") and article.law.endswith("》")
        assert article.citation_zh == article.law + article.article
        assert article.explanation.zh and article.explanation.en
    assert law.CPL_53.citation_zh == "《中华人民共和国消费者权益保护法》第五十三条"


def test_it_applies_the_reference_corrections_to_quotes_that_stop_early():
    assert law.CRIMINAL_266.text.endswith("本法另有规定的，依照规定。")


@pytest.mark.skipif(not LEGAL_BASIS.exists(), reason="shared/domain is not checked out")
def test_it_quotes_only_words_found_in_the_legal_basis():
    reference = LEGAL_BASIS.read_text(encoding="utf-8").replace("**", "")
    corrections = {law.CRIMINAL_266.key: "本法另有规定的，依照规定"}
    for article in law.ARTICLES.values():
        text = article.text.replace(corrections.get(article.key, "\0"), "")
        for piece in re.split("……|；", text):
            piece = piece.strip("。；：")
            assert piece in reference, (article.key, piece)
