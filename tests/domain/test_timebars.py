"""R16: each limit from its own starting event, before and after it passes, at a fixed today."""

from datetime import date, datetime

import pytest

from claims.domain.deadlines import rescission_deadline, rescission_lapsed
from claims.domain.drafting import drafts_for
from claims.domain.eligibility import assess
from claims.domain.timebars import TWELVE315_PAST_PRACTICE, lower
from tests.factories import CHANGED_MIND, INVALID, PHYSICAL, PROMISE, SHANGHAI, make_facts

BOUGHT = datetime(2025, 10, 1, 12, 0, tzinfo=SHANGHAI)
OLD_FAULT = {**INVALID, "purchased_at": BOUGHT, "discovered_on": date(2025, 10, 1)}
FRAUD = {"fraud_signs": ("vanished",), "discovered_on": date(2025, 9, 10)}


def limit(assessment, key):
    return next(d for d in assessment.deadlines if d.key == key)


# (answers, the limit, its last day, today before it passes, today after)
LIMITS = [
    (INVALID, "quality_return_7d", date(2026, 11, 27), date(2026, 11, 27), date(2026, 11, 28)),
    ({**INVALID, "delivered_on": date(2026, 11, 21)}, "quality_return_7d", date(2026, 11, 28),
     date(2026, 11, 28), date(2026, 11, 29)),
    (PHYSICAL | {"delivered_on": date(2026, 11, 22)}, "no_reason_7d", date(2026, 11, 29),
     date(2026, 11, 29), date(2026, 11, 30)),
    (INVALID, "rescission_1y", date(2027, 11, 20), date(2027, 11, 20), date(2027, 11, 21)),
    # Undelivered: the year to cancel runs from the 催告's deadline (563(1)(iii), 564(2)).
    ({"deadline_given": True, "deadline_on": date(2026, 11, 21)}, "rescission_1y",
     date(2027, 11, 21), date(2027, 11, 21), date(2027, 11, 22)),
    ({}, "lawsuit_3y", date(2029, 11, 20), date(2029, 11, 20), date(2029, 11, 21)),
    ({"fraud_signs": ("vanished",)}, "fraud_revocation_1y", date(2027, 11, 20),
     date(2027, 11, 20), date(2027, 11, 21)),
    ({**PROMISE, "promise_days": 7, "promise_condition": "unused"}, "promise_window",
     date(2026, 11, 27), date(2026, 11, 27), date(2026, 11, 28)),
]  # fmt: skip


@pytest.mark.parametrize(("answers", "key", "last", "before", "after"), LIMITS)
def test_it_dates_each_limit_from_its_event_and_says_it_only_once_passed(
    answers, key, last, before, after
):
    early = assess(make_facts(**answers, today=before))
    late = assess(make_facts(**answers, today=after))

    assert (limit(early, key).due, limit(early, key).passed) == (last, False)
    assert (limit(late, key).due, limit(late, key).passed) == (last, True)
    ended = f"{last.year}年{last.month}月{last.day}日届满"
    assert not any(ended in w.zh for w in early.warnings)
    assert any(ended in w.zh for w in late.warnings)
    assert late.headline.zh.startswith("注意：") and late.headline.en.startswith("Note: ")


def test_it_keeps_rescission_open_after_the_seven_day_quality_return():
    assessment = assess(make_facts(**INVALID, today=date(2026, 12, 10)))

    assert (assessment.route, assessment.outcome) == ("defect", "good")
    assert "civil_563_1_iv" in {c.key for c in assessment.citations}
    assert "原路退回" in assessment.demand.zh


def test_it_offers_only_a_repair_once_the_year_to_cancel_has_passed_too():
    assessment = assess(make_facts(**OLD_FAULT, today=date(2026, 11, 20)))

    assert (assessment.route, assessment.outcome) == ("defect", "uncertain")
    assert "原路退回" not in assessment.demand.zh and "退款" not in assessment.demand.zh
    assert "civil_563_1_iv" not in {c.key for c in assessment.citations}
    assert assessment.headline.zh.startswith("注意：7日质量退货期、解除合同的1年期限已过。")
    assert assessment.demand_term is not None


def test_it_drops_the_rescission_threat_from_an_old_undelivered_order():
    """The 催告's deadline passed more than a year ago: the right to cancel is gone (564(2))."""
    facts = make_facts(
        purchased_at=BOUGHT,
        discovered_on=date(2025, 10, 1),
        deadline_given=True,
        deadline_on=date(2025, 10, 5),
    )
    assessment = assess(facts)

    assert (assessment.route, assessment.outcome) == ("non_delivery", "good")
    assert "解除合同" not in assessment.demand.zh
    assert "civil_563_1_iii" not in {c.key for c in assessment.citations}
    assert "demand" not in {d.key for d in assessment.deadlines}


def test_it_makes_an_old_claim_weak_without_a_court_and_words_12315_as_past_practice():
    facts = make_facts(purchased_at=datetime(2022, 6, 1, tzinfo=SHANGHAI),
                       discovered_on=date(2022, 6, 2), today=date(2026, 11, 20))  # fmt: skip
    assessment = assess(facts)

    assert assessment.outcome == "weak"
    assert "court" not in {channel.key for channel in assessment.channels}
    assert TWELVE315_PAST_PRACTICE in assessment.warnings
    assert "不是法律规定" in TWELVE315_PAST_PRACTICE.zh and "未核实" in TWELVE315_PAST_PRACTICE.zh
    assert "暂行办法" not in TWELVE315_PAST_PRACTICE.zh  # never cited as a rule in force
    assert "civil_188" not in {c.key for c in assessment.citations}


def test_every_draft_carries_the_passed_limit():
    facts = make_facts(**OLD_FAULT, today=date(2026, 11, 20))
    assessment = assess(facts)
    warning = assessment.warnings[0]

    assert "届满" in warning.zh
    for draft in drafts_for(facts, assessment):
        assert draft.text and warning in assessment.warnings


def test_it_uses_the_discovery_day_for_the_fraud_year_and_keeps_the_outcome():
    before = assess(make_facts(**FRAUD, today=date(2026, 9, 10)))
    after = assess(make_facts(**FRAUD, today=date(2026, 9, 11)))

    assert limit(after, "fraud_revocation_1y").due == date(2026, 9, 10)
    assert after.punitive is not None
    assert before.outcome == after.outcome or after.outcome == "good"


def test_a_lapsed_promise_leaves_only_a_goodwill_request():
    facts = make_facts(**PROMISE, promise_days=7, promise_condition="unused",
                       promise_conditions_met="yes", today=date(2026, 11, 28))  # fmt: skip
    assessment = assess(facts)

    assert assessment.route == "no_reason_unlikely"
    assert assessment.demand_term is None
    assert limit(assessment, "promise_window").passed


def test_a_promise_invoked_inside_its_window_still_holds():
    facts = make_facts(**PROMISE, promise_days=7, promise_condition="unused",
                       promise_conditions_met="yes", contacted=True,
                       contacted_on=date(2026, 11, 25), today=date(2026, 12, 5))  # fmt: skip

    assert assess(facts).route == "seller_promise"


def test_it_never_names_a_limit_on_a_changed_mind_without_one():
    assessment = assess(make_facts(**CHANGED_MIND, today=date(2026, 12, 30)))

    assert not any(d.passed for d in assessment.deadlines)


@pytest.mark.parametrize(
    ("outcome", "ceiling", "lowered"),
    [("strong", "good", "good"), ("good", "weak", "weak"), ("uncertain", "good", "uncertain")],
)
def test_it_only_ever_lowers_the_outcome(outcome, ceiling, lowered):
    assert lower(outcome, ceiling) == lowered


def test_an_undelivered_order_without_a_demand_keeps_its_year_to_cancel_unstarted():
    """No 催告 yet, so no ground to cancel yet (563(1)(iii)): nothing has lapsed, even late."""
    facts = make_facts(today=date(2028, 1, 10))
    assert rescission_deadline(facts) is None
    assert not rescission_lapsed(facts)
