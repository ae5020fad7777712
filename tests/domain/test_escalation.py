from datetime import date
from decimal import Decimal

import pytest

from claims.domain.assessment import Term
from claims.domain.deadlines import DEMAND_TERM, REPAIR_TERM
from claims.domain.drafting import drafts_for
from claims.domain.eligibility import assess
from claims.domain.escalation import (
    EVENT_KINDS,
    STATUSES,
    Event,
    escalation_plan,
)
from claims.domain.formatting import format_date
from claims.domain.workdays import add_working_days
from tests.factories import (
    ASKED,
    BALANCE,
    CHANGED_MIND,
    INVALID,
    MINOR,
    PROMISE,
    RESALE,
    make_facts,
)

TODAY = date(2026, 11, 22)  # make_facts' today; the order was paid on 20 November
REPLY = add_working_days(date(2026, 12, 8), 7)[0]
# name: (answers, the plan's step keys in R13 order)
PLANS = {
    "not_delivered": (
        {},
        ("merchant_demand", "merchant_rescission", "payment", "complaint_12315",
         "complaint_12315_reply", "consumer_association", "court"),
    ),
    "defect": (
        INVALID,
        ("merchant_demand", "payment", "complaint_12315", "complaint_12315_reply",
         "consumer_association", "court"),
    ),
    "balance": (
        BALANCE,
        ("merchant_demand", "payment", "complaint_12315", "complaint_12315_reply",
         "consumer_association", "court"),
    ),
    "promise": (
        {**PROMISE, "promise_conditions_met": "yes"},
        ("merchant_demand", "payment", "complaint_12315", "complaint_12315_reply",
         "consumer_association", "court"),
    ),
    "minor": (
        MINOR,
        ("merchant_demand", "payment", "complaint_12315", "complaint_12315_reply",
         "consumer_association", "court"),
    ),
    "business_purchase": (
        RESALE, ("merchant_demand", "merchant_rescission", "payment", "court")
    ),
    "private_transfer": (
        {"payment_method": "private_transfer", "transfer_requested_by_seller": True},
        ("merchant_demand", "merchant_rescission", "complaint_12315",
         "complaint_12315_reply", "consumer_association", "court"),
    ),
    "platform_shop": (
        {"sold_on_platform": "yes"},
        ("merchant_demand", "merchant_rescission", "platform", "payment", "complaint_12315",
         "complaint_12315_reply", "consumer_association", "court"),
    ),
    "vanished": (
        {"site_closed": True, "fraud_signs": ("vanished",), "payment_method": "wechat"},
        ("merchant_demand", "merchant_rescission", "payment", "complaint_12315",
         "complaint_12315_reply", "consumer_association", "court", "police"),
    ),
    "deadline_passed": (
        {"deadline_given": True, "deadline_on": date(2026, 11, 21)},
        ("merchant_rescission", "payment", "complaint_12315", "complaint_12315_reply",
         "consumer_association", "court"),
    ),
    "goodwill": (CHANGED_MIND, ("merchant_chat",)),
    "not_yet_due": ({"delivery_overdue": False}, ("merchant_chat",)),
}  # fmt: skip


def plan_for(name="not_delivered", *events, today=None, **more):
    facts = make_facts(amount=Decimal("648.00"), **{**PLANS[name][0], **more})
    return escalation_plan(facts, assess(facts), tuple(events), today)


def steps(plan) -> dict:
    return {step.key: step for step in plan}


def dues(plan) -> dict:
    return {step.key: step.due for step in plan}


def statuses(plan) -> dict:
    return {step.key: step.status for step in plan}


@pytest.mark.parametrize("name", PLANS)
def test_it_lists_the_channels_in_the_order_of_r13(name):
    assert tuple(steps(plan_for(name))) == PLANS[name][1]


@pytest.mark.parametrize("name", PLANS)
def test_every_step_has_both_languages_and_a_known_status(name):
    for step in plan_for(name):
        assert step.status in STATUSES
        for text in (step.title, step.action, step.where, step.attach):
            assert text.zh and text.en


def test_it_plans_nothing_for_a_claim_the_abuse_gate_stopped():
    facts = make_facts(redeemed=True)

    assert escalation_plan(facts, assess(facts)) == ()


def test_it_dates_each_step_from_today_the_demand_deadline_and_the_stall_threshold():
    assert dues(plan_for()) == {
        "merchant_demand": TODAY,
        "merchant_rescission": date(2026, 11, 24),
        "payment": date(2026, 11, 24),
        "complaint_12315": date(2026, 12, 8),
        "complaint_12315_reply": REPLY,
        "consumer_association": date(2026, 12, 8),
        "court": date(2029, 11, 20),
    }


def test_the_payment_complaint_follows_the_deadline_the_assessment_gave():
    facts = make_facts()
    assessment = assess(facts)
    (suggested,) = [d for d in assessment.deadlines if d.label.en.startswith("Suggested")]

    assert steps(escalation_plan(facts, assessment))["payment"].due == date(2026, 11, 24)
    assert suggested.due == date(2026, 11, 23)


@pytest.mark.parametrize(
    ("overrides", "deadline"),
    [
        ({}, date(2026, 11, 23)),
        ({"promised_delivery": "within"}, date(2026, 11, 25)),
        (INVALID, date(2026, 11, 23)),
        (BALANCE, date(2026, 11, 25)),
        (MINOR, date(2026, 11, 25)),
        ({"deadline_given": True, "deadline_on": date(2026, 11, 24)}, date(2026, 11, 24)),
        (CHANGED_MIND, None),
        ({"delivery_overdue": False}, None),
    ],
)
def test_the_plan_counts_the_term_the_demand_the_drafts_carry_states(overrides, deadline):
    facts = make_facts(**overrides)
    assessment = assess(facts)
    term = assessment.demand_term

    assert (term.due(TODAY) if term else None) == deadline
    assert term is None or term.words.zh in assessment.demand.zh
    if deadline and not overrides.get("deadline_given"):
        # The drafts state the term as the plan's date (issue 13 item 11).
        dated = f"在{format_date(deadline).zh}前"
        assert any(dated in d.text for d in drafts_for(facts, assessment))


def test_it_says_when_to_escalate_in_both_languages():
    payment = steps(plan_for())["payment"]

    assert payment.action.zh == "如果店家在11月23日前仍未处理，就向支付宝投诉。"
    assert payment.action.en == "If the shop has not acted by 23 Nov, complain to Alipay."
    assert "支付宝" in payment.where.zh and "check the current app" in payment.where.en


def test_the_court_step_gives_the_three_year_limit_with_its_year():
    court = steps(plan_for())["court"]

    assert "2029年11月20日" in court.action.zh and "20 Nov 2029" in court.action.en


def test_the_first_pending_step_is_next_and_the_rest_later():
    assert statuses(plan_for()) == {
        "merchant_demand": "next",
        "merchant_rescission": "later",
        "payment": "later",
        "complaint_12315": "later",
        "complaint_12315_reply": "later",
        "consumer_association": "later",
        "court": "later",
    }


def test_of_the_overdue_steps_only_the_first_is_next_and_the_rest_wait():
    plan = plan_for("not_delivered", Event("sent", TODAY), today=date(2026, 11, 30))

    assert dues(plan)["payment"] == dues(plan)["merchant_rescission"] == date(2026, 11, 30)
    assert statuses(plan)["merchant_rescission"] == "next"
    assert statuses(plan)["payment"] == statuses(plan)["complaint_12315"] == "later"


def test_once_the_deadline_has_passed_the_steps_after_it_say_now_not_if():
    before = plan_for("not_delivered", Event("sent", TODAY), today=TODAY)
    after = plan_for("not_delivered", Event("sent", TODAY), today=date(2026, 11, 30))

    assert steps(before)["merchant_rescission"].action.zh.startswith("如果店家在")
    for key in ("merchant_rescission", "payment"):
        assert "已过，现在就" in steps(after)[key].action.zh
        assert "has passed, so now" in steps(after)[key].action.en


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize("day", [TODAY, date(2026, 11, 30), date(2026, 12, 30)])
def test_it_never_gives_more_than_one_next_step(name, day):
    plan = plan_for(name, Event("sent", TODAY), today=day)

    assert list(statuses(plan).values()).count("next") <= 1


def test_sent_fixes_the_day_the_shop_was_asked():
    plan = plan_for("not_delivered", Event("sent", date(2026, 11, 25)))

    assert steps(plan)["merchant_demand"].status == "done"
    assert dues(plan)["merchant_demand"] == date(2026, 11, 25)
    assert dues(plan)["payment"] == date(2026, 11, 27)
    assert dues(plan)["complaint_12315"] == date(2026, 12, 11)


@pytest.mark.parametrize("kind", ["refused", "no_answer"])
def test_a_refusal_or_silence_makes_the_next_channel_due_now(kind):
    plan = plan_for("not_delivered", Event("sent", TODAY), Event(kind, date(2026, 11, 23)))

    assert dues(plan)["payment"] == date(2026, 11, 23)
    # The notice waits for the deadline: its text says the deadline passed.
    assert dues(plan)["merchant_rescission"] > date(2026, 11, 23)
    assert steps(plan)["payment"].status == "next"
    assert "现在就" in steps(plan)["payment"].action.zh


def test_a_refusal_brings_12315_forward_but_silence_waits_for_the_15_days():
    refused = plan_for("not_delivered", Event("sent", TODAY), Event("refused", date(2026, 11, 23)))
    silent = plan_for("not_delivered", Event("sent", TODAY), Event("no_answer", date(2026, 11, 23)))

    assert dues(refused)["complaint_12315"] == date(2026, 11, 23)
    assert dues(refused)["consumer_association"] == date(2026, 11, 23)
    assert dues(silent)["complaint_12315"] == date(2026, 12, 8)


def test_a_refusal_before_the_user_came_counts_after_the_new_deadline():
    plan = plan_for("defect", **ASKED, merchant_response="refused")

    assert dues(plan)["complaint_12315"] == date(2026, 11, 24)
    assert "拒绝" in steps(plan)["complaint_12315"].action.zh


def test_the_stall_threshold_counts_from_the_first_request():
    plan = plan_for("defect", **ASKED, merchant_response="no_reply")

    assert dues(plan)["complaint_12315"] == date(2026, 12, 7)


def test_a_second_sent_message_is_the_rescission_notice():
    plan = plan_for(
        "not_delivered", Event("sent", TODAY), Event("sent", date(2026, 11, 24)), today=TODAY
    )

    assert steps(plan)["merchant_rescission"].status == "done"
    assert dues(plan)["merchant_rescission"] == date(2026, 11, 24)


def test_filing_a_payment_complaint_marks_it_done_on_that_day():
    plan = plan_for(
        "not_delivered", Event("sent", TODAY), Event("filed_payment", date(2026, 11, 26))
    )

    assert (steps(plan)["payment"].status, dues(plan)["payment"]) == ("done", date(2026, 11, 26))


def test_filing_at_12315_skips_the_association_and_starts_the_reply_clock():
    filed = date(2026, 12, 9)
    plan = plan_for("not_delivered", Event("sent", TODAY), Event("filed_12315", filed), today=filed)

    assert steps(plan)["complaint_12315"].status == "done"
    assert steps(plan)["consumer_association"].status == "skipped"
    reply = steps(plan)["complaint_12315_reply"]
    assert (reply.due, reply.approximate) == add_working_days(filed, 7)
    assert reply.status in ("next", "later")


def test_filing_at_the_association_skips_12315():
    plan = plan_for(
        "not_delivered", Event("sent", TODAY), Event("filed_association", date(2026, 12, 9))
    )

    assert steps(plan)["consumer_association"].status == "done"
    assert steps(plan)["complaint_12315"].status == "skipped"
    assert steps(plan)["complaint_12315_reply"].status == "skipped"


def test_a_refund_finishes_the_plan():
    events = (Event("sent", TODAY), Event("refunded", date(2026, 11, 23)))
    plan = plan_for("vanished", *events)

    assert steps(plan)["merchant_demand"].status == "done"
    assert {s.status for s in plan if s.key != "merchant_demand"} == {"skipped"}


def test_the_plan_goes_on_without_a_refund():
    plan = plan_for("vanished", Event("sent", TODAY), Event("refused", TODAY))

    assert "skipped" not in statuses(plan).values()
    assert "next" in statuses(plan).values()


def test_events_may_come_in_any_order():
    events = [Event("refused", date(2026, 11, 23)), Event("sent", TODAY)]

    assert plan_for("not_delivered", *events) == plan_for("not_delivered", *reversed(events))


def test_a_replied_event_marks_the_shop_contacted_without_moving_the_dates():
    replied = plan_for("not_delivered", Event("sent", TODAY), Event("replied", date(2026, 11, 23)))

    assert dues(replied) == dues(plan_for("not_delivered", Event("sent", TODAY)))


def test_the_seller_step_moves_with_today_until_the_message_is_sent():
    plan = plan_for("not_delivered", today=date(2026, 11, 30))

    assert dues(plan)["merchant_demand"] == date(2026, 11, 30)
    assert dues(plan)["payment"] == date(2026, 12, 2)


def test_it_rejects_unknown_events():
    with pytest.raises(ValueError, match="unknown event kind"):
        Event("complained", TODAY)
    assert "refunded" in EVENT_KINDS


def test_the_12315_reply_date_is_approximate_where_holidays_are_unpublished():
    reply = steps(plan_for("not_delivered", today=date(2031, 3, 3)))["complaint_12315_reply"]

    assert reply.approximate
    assert "估算" in reply.action.zh and "estimate" in reply.action.en


def test_police_only_where_the_site_vanished():
    assert "police" in steps(plan_for("vanished"))
    assert "police" not in steps(plan_for("not_delivered", fraud_signs=("false_claims",)))


def test_the_association_is_offered_as_an_alternative():
    association = steps(plan_for())["consumer_association"]

    assert association.title.zh.startswith("或者")
    assert "二选一" in association.action.zh and "not both" in association.action.en


def test_a_goodwill_request_plans_only_the_message_to_the_shop():
    (step,) = plan_for("goodwill")

    assert (step.key, step.due, step.status) == ("merchant_chat", TODAY, "next")


WARRANTY = {"problem": "stopped_working", "delivery_overdue": None, "redeemed": True}


@pytest.mark.parametrize(
    ("answers", "route", "term"),
    [
        ({}, "non_delivery", Term(hours=24)),
        ({"promised_delivery": "none"}, "non_delivery", Term(hours=72)),
        ({"deadline_given": True, "deadline_on": date(2026, 11, 24)}, "non_delivery",
         Term(until=date(2026, 11, 24))),
        ({"deadline_given": True, "deadline_on": date(2026, 11, 21)}, "non_delivery",
         DEMAND_TERM),
        (INVALID, "defect", REPAIR_TERM),
        ({**WARRANTY, "refund_promise": "yes", "promise_conditions_met": "yes"},
         "seller_promise", DEMAND_TERM),
        ({**PROMISE, "promise_conditions_met": "yes"}, "seller_promise", DEMAND_TERM),
        ({**CHANGED_MIND, "product_type": "physical_card"}, "no_reason_return", DEMAND_TERM),
        (BALANCE, "site_balance", DEMAND_TERM),
        (MINOR, "minor", DEMAND_TERM),
        (RESALE, "business_purchase", Term(hours=24)),
        ({**RESALE, "delivery_overdue": False}, "business_purchase", Term(hours=24)),
        ({**RESALE, **INVALID}, "business_purchase", DEMAND_TERM),
        ({**RESALE, **CHANGED_MIND}, "business_purchase", None),
        (CHANGED_MIND, "no_reason_unlikely", None),
        ({"delivery_overdue": False}, "not_yet_due", None),
    ],
)  # fmt: skip
def test_every_demand_with_a_term_names_the_terms_words(answers, route, term):
    facts = make_facts(**answers)
    assessment = assess(facts)

    assert (assessment.route, assessment.demand_term) == (route, term)
    if term is None:
        assert [step.key for step in escalation_plan(facts, assessment)] == ["merchant_chat"]
    else:
        assert term.words.zh in assessment.demand.zh
        assert term.words.en in assessment.demand.en


@pytest.mark.parametrize(
    ("term", "due", "zh", "en"),
    [
        (Term(days=3), date(2026, 11, 25), "在3日内", "within 3 days"),
        (Term(hours=24), date(2026, 11, 23), "在24小时内", "within 24 hours"),
        (Term(hours=36), date(2026, 11, 24), "在36小时内", "within 36 hours"),
        (Term(until=date(2026, 12, 1)), date(2026, 12, 1), "在2026年12月1日前", "by 2026-12-01"),
    ],
)
def test_a_term_counts_from_the_day_the_demand_is_sent_and_words_itself(term, due, zh, en):
    assert term.due(TODAY) == due
    assert term.words == (zh, en)


def test_it_never_makes_a_past_day_a_next_step():
    facts = make_facts(**ASKED, merchant_response="no_reply")
    later = date(2027, 1, 20)
    plan = escalation_plan(facts, assess(facts), (), today=later)

    assert all(step.due >= later for step in plan if step.status == "next")
    assert any(step.status == "next" for step in plan)


def test_it_marks_a_last_day_that_has_gone_as_missed():
    facts = make_facts()
    after_the_limit = date(2029, 11, 21)
    court = steps(escalation_plan(facts, assess(facts), (), today=after_the_limit))["court"]

    assert court.status == "missed"


def test_it_shows_the_year_of_a_date_outside_the_current_year():
    facts = make_facts(today=date(2026, 12, 30))
    plan = escalation_plan(facts, assess(facts))

    texts = " ".join(step.action.zh for step in plan)
    assert "2027年1月" in texts
    assert "12月30日" in texts and "2026年12月30日" not in texts


def test_it_never_proposes_the_consumer_association_beside_12315():
    facts = make_facts(**ASKED, merchant_response="refused")
    events = (Event("sent", date(2026, 11, 22)),)
    plan = steps(escalation_plan(facts, assess(facts), events, today=date(2026, 12, 30)))

    assert plan["complaint_12315"].status in ("next", "later")
    assert plan["consumer_association"].status != "next"
    later = steps(
        escalation_plan(
            facts,
            assess(facts),
            (*events, Event("sent", date(2026, 12, 1)), Event("filed_payment", date(2026, 12, 2))),
            today=date(2026, 12, 30),
        )
    )
    assert later["complaint_12315"].status == "next"
    assert later["consumer_association"].status == "later"
