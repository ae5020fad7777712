import dataclasses
import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from claims.domain import law
from claims.domain.eligibility import Facts, assess
from claims.domain.text import Text
from tests.domain.eligibility_cases import RULES, every_citation
from tests.factories import (
    ASKED,
    BALANCE,
    CHANGED_MIND,
    INVALID,
    MINOR,
    PHYSICAL,
    PROMISE,
    RESALE,
    SHANGHAI,
    STOPPED,
    UNKNOWN_OPERATOR,
    make_facts,
)


def keys(articles) -> set[str]:
    return {article.key for article in articles}


def deadline(assessment, label_en_start: str):
    (found,) = [d for d in assessment.deadlines if d.label.en.startswith(label_en_start)]
    return found


def every_text(assessment) -> list[Text]:
    texts = [assessment.headline, assessment.demand, *assessment.warnings]
    texts += [*assessment.alternatives, *(reason.text for reason in assessment.reasons)]
    texts += [t for d in assessment.deadlines for t in (d.label, d.note)]
    texts += [t for c in assessment.channels for t in (c.name, c.when)]
    if assessment.punitive:
        texts += [assessment.punitive.text, *assessment.punitive.caveats]
    return texts


EVERY_RULE = pytest.mark.parametrize(
    ("rule", "overrides", "route", "outcome", "cited", "demand"),
    RULES,
    ids=[f"{rule}-{i}" for i, (rule, *_rest) in enumerate(RULES)],
)


def test_the_table_covers_every_rule():
    assert {case[0] for case in RULES} == {f"R{n}" for n in range(18)}


@EVERY_RULE
def test_it_picks_the_route_outcome_citations_and_demand_the_rule_gives(
    rule, overrides, route, outcome, cited, demand
):
    assessment = assess(make_facts(**overrides))

    assert (assessment.route, assessment.outcome) == (route, outcome)
    assert keys(assessment.citations) >= cited
    assert demand in assessment.demand.zh


@EVERY_RULE
def test_it_only_cites_articles_from_the_law_module(rule, overrides, route, outcome, cited, demand):
    assessment = assess(make_facts(**{**overrides, "no_refund_clause": True, **ASKED}))

    assert all(law.ARTICLES[a.key] is a for a in every_citation(assessment))
    reasons = [a for reason in assessment.reasons for a in reason.citations]
    assert list(assessment.citations) == list(dict.fromkeys(reasons))


FORBIDDEN = re.compile(
    r"第20号|投诉举报处理暂行办法|治安管理处罚法》?第|治安管理处罚法.{0,3}第.{1,4}条"
)


@EVERY_RULE
def test_it_never_cites_the_repealed_rule_or_numbers_the_police_law(
    rule, overrides, route, outcome, cited, demand
):
    assessment = assess(make_facts(**{**overrides, "no_refund_clause": True, **UNKNOWN_OPERATOR}))

    for article in every_citation(assessment):
        assert not re.search("第20号|投诉举报|治安管理处罚法", article.citation_zh)
    for text in every_text(assessment):
        assert not FORBIDDEN.search(text.zh), text.zh


@EVERY_RULE
def test_it_writes_reasons_impersonally_for_the_dossier(
    rule, overrides, route, outcome, cited, demand
):
    assessment = assess(make_facts(**{**overrides, "no_refund_clause": True, **ASKED}))

    for reason in assessment.reasons:
        assert "你" not in reason.text.zh, reason.text.zh


@EVERY_RULE
def test_it_blocks_documents_only_for_the_abuse_stop(
    rule, overrides, route, outcome, cited, demand
):
    assert assess(make_facts(**overrides)).blocks_documents is (route == "stop_abuse")


@EVERY_RULE
def test_it_offers_three_times_the_price_only_with_fraud_signs(
    rule, overrides, route, outcome, cited, demand
):
    facts = make_facts(**overrides)
    assessment = assess(facts)
    signs = facts.used_before_confirmed or facts.site_closed or facts.fraud_signs

    assert (assessment.punitive is not None) is bool(signs and route not in ("stop_abuse",))
    if assessment.punitive is None:
        assert not any("三倍" in t.zh or "3x" in t.en for t in every_text(assessment))
        assert "cpl_55_1" not in keys(every_citation(assessment))


def test_it_stops_a_claim_for_a_key_that_was_redeemed():
    assessment = assess(make_facts(problem="invalid_key", redeemed=True))

    assert keys(assessment.citations) == {"cpl_reg_49_2", "cpl_reg_27_2", "criminal_266"}
    warnings = " ".join(w.zh for w in assessment.warnings)
    assert "诈骗" in warnings and "造假" in warnings
    assert assessment.deadlines == ()
    assert assessment.evidence_needed == ()
    assert assessment.channels == ()
    assert assessment.punitive is None
    assert assessment.alternatives == ()  # the stop never names the answer to change (R17)


def test_it_treats_a_key_that_worked_and_failed_later_as_a_defect_not_abuse():
    assessment = assess(make_facts(**STOPPED, defect_kind="reversed"))

    assert assessment.route == "defect"
    assert "到账后被撤回" in assessment.reasons[0].text.zh


def test_it_keeps_consumer_law_and_12315_away_from_a_resale_purchase():
    assessment = assess(make_facts(**RESALE, no_refund_clause=True, **ASKED))

    assert {a.law for a in assessment.citations} == {law.CIVIL_CODE[0]}
    assert [c.key for c in assessment.channels] == ["seller", "payment", "court"]
    assert assessment.punitive is None
    assert "12315" in assessment.headline.zh  # it says why 12315 is not open


def test_it_cites_limited_capacity_for_a_child_of_8_to_17_spending_beyond_their_age():
    assessment = assess(make_facts(**MINOR))

    assert assessment.route == "minor" and assessment.outcome == "good"
    assert {"civil_19", "civil_145_1", "civil_157"} <= set(keys(assessment.citations))
    assert not {"civil_20", "civil_144"} & set(keys(assessment.citations))
    assert "不同意" in assessment.demand.zh and "不追认" in assessment.demand.zh
    assert any(need.category == "other" for need in assessment.evidence_needed)


@pytest.mark.parametrize("age", range(8))
def test_it_calls_a_purchase_by_a_child_under_8_void_without_asking_about_proportion(age):
    assessment = assess(make_facts(**{**MINOR, "minor_age": age, "minor_out_of_proportion": None}))

    assert assessment.route == "minor" and assessment.outcome == "good"
    assert {"civil_20", "civil_144", "civil_157"} <= set(keys(assessment.citations))
    assert not {"civil_19", "civil_145_1"} & set(keys(assessment.citations))


@pytest.mark.parametrize("age", range(8, 18))
def test_it_leaves_a_purchase_suited_to_the_age_to_the_other_rules(age):
    facts = make_facts(**{**MINOR, "minor_age": age, "minor_out_of_proportion": False})

    assessment = assess(facts)

    assert assessment.route != "minor"
    assert "civil_19" in keys(assessment.citations)
    assert "civil_145_1" not in keys(assessment.citations)


def test_it_is_unsure_when_the_guardian_cannot_say_whether_the_spending_suits_the_age():
    assessment = assess(make_facts(**{**MINOR, "minor_out_of_proportion": None}))

    assert assessment.route == "minor" and assessment.outcome == "uncertain"


def test_it_cites_the_closure_paragraph_only_when_the_site_closed():
    open_site = assess(make_facts(**BALANCE))
    closed = assess(make_facts(**BALANCE, site_closed=True))

    assert "cpl_reg_22_3" not in keys(open_site.citations)
    assert "cpl_reg_22_3" in keys(closed.citations)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, ["seller", "payment", "12315", "consumer_association", "court"]),
        (
            {"sold_on_platform": "yes", **UNKNOWN_OPERATOR},  # R11: the payment platform first
            ["seller", "payment", "platform", "12315", "report", "consumer_association", "court"],
        ),
        (
            {"site_closed": True, "payment_method": "private_transfer"},
            ["seller", "12315", "consumer_association", "court", "police"],
        ),
        ({**ASKED, "merchant_response": "refused"}, ["seller", "payment", "12315", "report",
                                                       "consumer_association", "court"]),
        (CHANGED_MIND, ["seller"]),
        ({"delivery_overdue": False}, ["seller"]),
        ({"redeemed": True}, []),
    ],
)  # fmt: skip
def test_it_lists_channels_in_the_r13_order(overrides, expected):
    assert [c.key for c in assess(make_facts(**overrides)).channels] == expected


def test_it_points_to_the_identity_leads_the_user_already_has():
    facts = make_facts(**UNKNOWN_OPERATOR, icp_number="粤ICP备12345678号", payee_name="张三")

    assert any("粤ICP备12345678号" in w.zh and "张三" in w.zh for w in assess(facts).warnings)


def test_it_asks_for_the_platform_to_answer_for_an_unnamed_seller():
    assessment = assess(make_facts(sold_on_platform="yes", **UNKNOWN_OPERATOR))
    (platform,) = [c for c in assessment.channels if c.key == "platform"]

    assert "cpl_44_1" in keys(platform.citations)
    assert any("12315" in w.zh and "收款方" in w.zh for w in assessment.warnings)


@pytest.mark.parametrize(
    ("amount", "claim"),
    [(Decimal("50"), Decimal("500.00")), (Decimal("166.67"), Decimal("500.01")),
     (Decimal("300"), Decimal("900.00"))],
)  # fmt: skip
def test_it_offers_three_times_the_price_but_at_least_500(amount, claim):
    facts = make_facts(**INVALID, used_before_confirmed=True, amount=amount)
    punitive = assess(facts).punitive

    assert punitive.amount == claim
    assert keys(punitive.citations) >= {
        "cpl_55_1", "cpl_reg_49_1", "penalty_5_x", "penalty_16_2", "spc_general_21",
    }  # fmt: skip
    caveats = " ".join(c.zh for c in punitive.caveats)
    assert "证明" in caveats and "法院" in caveats and "标签" in caveats
    assert "你" not in caveats + punitive.text.zh  # printed in the dossier
    assert any("删掉" in w.zh for w in assess(facts).warnings)


def test_it_gives_a_year_to_undo_the_purchase_only_with_fraud_signs():
    with_fraud = assess(make_facts(fraud_signs=("false_claims",)))
    without = assess(make_facts())

    assert deadline(with_fraud, "Deadline to undo").due == date(2027, 11, 20)
    assert not [d for d in without.deadlines if d.label.en.startswith("Deadline to undo")]
    assert "penalty_6_viii" in keys(with_fraud.punitive.citations)


# Day 7 after receipt is the last day of the window; day 8 is outside it.
@pytest.mark.parametrize(
    ("delivered_on", "today", "outcome", "window_end"),
    [
        (None, date(2026, 11, 27), "strong", date(2026, 11, 27)),
        (None, date(2026, 11, 28), "good", date(2026, 11, 27)),
        (date(2026, 11, 22), date(2026, 11, 29), "strong", date(2026, 11, 29)),
        (date(2026, 11, 22), date(2026, 11, 30), "good", date(2026, 11, 29)),
    ],
)
def test_it_counts_the_quality_window_from_the_day_after_receipt(
    delivered_on, today, outcome, window_end
):
    assessment = assess(make_facts(**INVALID, delivered_on=delivered_on, today=today))

    assert assessment.outcome == outcome
    assert deadline(assessment, "7-day").due == window_end


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


@pytest.mark.parametrize(
    ("today", "route", "outcome"),
    [
        (date(2026, 11, 27), "no_reason_return", "good"),
        # R16: no route is presented as open once its limit has passed.
        (date(2026, 11, 28), "no_reason_unlikely", "weak"),
    ],
)
def test_it_closes_the_no_reason_window_after_day_7(today, route, outcome):
    assessment = assess(make_facts(**PHYSICAL, today=today))

    assert deadline(assessment, "7-day no-reason").due == date(2026, 11, 27)
    assert (assessment.route, assessment.outcome) == (route, outcome)


@pytest.mark.parametrize(
    ("today", "cited"), [(date(2026, 11, 16), False), (date(2026, 11, 17), True)]
)
def test_it_counts_a_defect_as_stalled_only_after_day_15(today, cited):
    facts = make_facts(
        **INVALID, contacted=True, contacted_on=date(2026, 11, 1), merchant_response="no_reply",
        today=today,
    )  # fmt: skip
    assessment = assess(facts)

    assert deadline(assessment, "15-day").due == date(2026, 11, 16)
    assert ("penalty_8" in keys(assessment.citations)) is cited
    assert ("report" in [c.key for c in assessment.channels]) is cited


def test_it_counts_a_flat_refusal_of_a_prepayment_refund_at_once():
    facts = make_facts(contacted=True, contacted_on=date(2026, 11, 21), merchant_response="refused")
    assessment = assess(facts)

    assert deadline(assessment, "15-day").due == date(2026, 12, 6)
    assert "penalty_10_2" in keys(assessment.citations)


@pytest.mark.parametrize(
    ("today", "due", "approximate"),
    [
        (date(2026, 11, 22), date(2026, 12, 1), False),
        (date(2026, 9, 30), date(2026, 10, 15), False),
        (date(2027, 3, 1), date(2027, 3, 10), True),
    ],
)
def test_it_dates_the_12315_reply_in_working_days_from_today(today, due, approximate):
    facts = make_facts(today=today, discovered_on=min(today, date(2026, 11, 20)))
    reply = deadline(assess(facts), "12315 must act")

    assert (reply.due, reply.approximate) == (due, approximate)
    assert "60日" in reply.note.zh
    assert ("估算" in reply.note.zh) is approximate


def test_it_leaves_out_the_12315_date_where_12315_is_not_a_channel():
    for overrides in (RESALE, CHANGED_MIND, {"delivery_overdue": False}):
        labels = [d.label.en for d in assess(make_facts(**overrides)).deadlines]
        assert not any(label.startswith("12315") for label in labels)


@pytest.mark.parametrize(
    ("overrides", "due", "hours"),
    [
        ({}, date(2026, 11, 23), "24"),
        ({"promised_delivery": "within"}, date(2026, 11, 25), "72"),
        ({"deadline_given": True, "deadline_on": date(2026, 11, 24)}, date(2026, 11, 24), None),
    ],
)
def test_it_suggests_a_deadline_for_the_written_demand(overrides, due, hours):
    assessment = assess(make_facts(**overrides))
    demand_deadline = assessment.deadlines[0]

    assert demand_deadline.due == due
    if hours:
        assert hours in demand_deadline.label.zh
        assert "建议" in demand_deadline.note.zh and "不是法律" in demand_deadline.note.zh


def test_it_drops_the_demand_deadline_once_rescission_is_open():
    facts = make_facts(deadline_given=True, deadline_on=date(2026, 11, 21))
    labels = [d.label.en for d in assess(facts).deadlines]

    assert not any("demand" in label or "deadline you gave" in label for label in labels)


def test_it_leaves_out_the_stall_limit_when_the_shop_was_not_contacted():
    assessment = assess(make_facts())

    assert not [d for d in assessment.deadlines if d.label.en.startswith("15-day")]


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


def test_it_warns_when_the_year_to_undo_a_fraud_has_passed():
    assessment = assess(make_facts(fraud_signs=("false_claims",), today=date(2027, 12, 1)))

    assert any("1年" in w.zh for w in assessment.warnings)


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


@pytest.mark.parametrize(
    "overrides",
    [{}, INVALID, {**PROMISE, "promise_conditions_met": "yes"}, PHYSICAL, MINOR, RESALE],
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
        (INVALID, {"transaction", "product_state", "operator_identity"}),
        (BALANCE, {"transaction", "product_state", "operator_identity"}),
        (MINOR, {"transaction", "other", "operator_identity"}),
        (CHANGED_MIND, {"transaction"}),
    ],
)
def test_it_asks_for_the_evidence_each_route_rests_on(overrides, expected):
    assessment = assess(make_facts(**overrides))

    assert {need.category for need in assessment.evidence_needed} == expected


def test_it_asks_for_an_uncut_redemption_recording_for_a_faulty_key():
    needs = assess(make_facts(**INVALID)).evidence_needed

    assert any("录屏" in need.description.zh for need in needs)


def test_it_asks_for_proof_that_the_written_demand_was_sent():
    facts = make_facts(deadline_given=True, deadline_on=date(2026, 11, 24))

    assert any("催告" in need.description.zh for need in assess(facts).evidence_needed)


def test_it_warns_that_a_private_transfer_may_rule_out_payment_complaints():
    warnings = assess(make_facts(payment_method="private_transfer")).warnings

    assert any("私下转账" in w.zh and "投诉商家" in w.zh for w in warnings)


@pytest.mark.parametrize(
    ("overrides", "has_alternatives"),
    [
        ({}, False),
        (CHANGED_MIND, True),
        ({"delivery_overdue": False}, True),
        ({"redeemed": True}, False),  # R17: the stop names no answer to change
        ({**BALANCE, "balance_blocked": "cannot_withdraw"}, True),
        (RESALE, True),
    ],
)
def test_it_says_what_to_do_instead_when_the_claim_is_weak_or_blocked(overrides, has_alternatives):
    assert bool(assess(make_facts(**overrides)).alternatives) is has_alternatives


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("problem", "lost"),
        ("purpose", "gift"),
        ("defect_kind", "broken"),
        ("balance_blocked", "sometimes"),
        ("sold_on_platform", "maybe"),
        ("fraud_signs", ("used_before",)),
        ("minor_age", 18),
    ],
)
def test_it_rejects_answers_outside_the_interface(field, value):
    with pytest.raises(ValueError, match=field):
        assess(make_facts(**{field: value}))


def test_it_rejects_a_naive_purchase_time():
    with pytest.raises(ValueError, match="aware"):
        assess(make_facts(purchased_at=datetime(2026, 11, 20, 14, 32)))  # noqa: DTZ001


def test_it_keeps_working_for_callers_that_only_know_the_original_fields():
    original = [f.name for f in dataclasses.fields(Facts)][:25]
    facts = Facts(**{name: getattr(make_facts(), name) for name in original})

    assert facts.purpose == "personal" and facts.fraud_signs == ()
    assert assess(facts).route == "non_delivery"


@pytest.mark.parametrize(("language", "expected"), [("en", "B"), ("en-us", "B"), ("zh-hans", "A")])
def test_it_picks_english_only_for_english_language_codes(language, expected):
    assert Text("A", "B").get(language) == expected


def test_it_cites_the_named_respondent_rule_when_the_operator_is_unknown():
    unknown = assess(make_facts(**UNKNOWN_OPERATOR))
    known = assess(make_facts(operator_name="某某网络科技有限公司", operator_address="某市某路1号"))

    assert "cpl_reg_46" in keys(unknown.citations)
    assert "cpl_reg_46" not in keys(known.citations)
    assert [c.key for c in unknown.channels][:2] == ["seller", "payment"]


@pytest.mark.parametrize("requested", [True, False])
def test_it_leads_a_private_transfer_with_the_demand_and_warns_about_payment_complaints(requested):
    facts = make_facts(payment_method="private_transfer", transfer_requested_by_seller=requested)

    assessment = assess(facts)

    assert assessment.channels[0].key == "seller"
    assert "payment" not in [c.key for c in assessment.channels]
    assert any("催告" in w.zh and "投诉商家" in w.zh for w in assessment.warnings)


def test_it_lets_an_honest_partial_claim_through_the_abuse_gate():
    from claims.domain.rules.fraud import claims_a_working_item

    partial = make_facts(**INVALID, redeemed=True)
    object.__setattr__(partial, "quantity", 3)
    object.__setattr__(partial, "quantity_failed", 2)
    whole = make_facts(**INVALID, redeemed=True)

    assert not claims_a_working_item(partial)
    assert claims_a_working_item(whole)
    assert assess(whole).route == "stop_abuse"


@pytest.mark.parametrize(
    "words", ["其实已经到账了", "我想说没收到", "帮我把截图裁掉", "能不能P一下", "帮我改一下金额"]
)
def test_it_hears_the_abuse_gate_in_the_users_own_words(words):
    from claims.domain.rules.fraud import own_words_suggest_abuse

    assert own_words_suggest_abuse("兑换时提示无效。", words)


def test_it_does_not_hear_it_in_an_honest_description():
    from claims.domain.rules.fraud import own_words_suggest_abuse

    assert not own_words_suggest_abuse("兑换时提示该兑换码已被使用，客服不回复。")


def test_it_stops_when_the_user_confirms_their_own_words_and_names_no_answer_to_change():
    assessment = assess(make_facts(false_claim_confirmed=True))

    assert assessment.route == "stop_abuse" and assessment.blocks_documents
    assert assessment.channels == () and "cpl_reg_49_2" in keys(assessment.citations)
    shown = [*assessment.warnings, *assessment.alternatives]
    assert not any("改选" in text.zh or "问题改" in text.zh for text in shown)
