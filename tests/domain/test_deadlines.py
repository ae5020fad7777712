"""Issue 13 items 4-5: the promise's last day (R7) and the stall counted from the demand (R9)."""

from datetime import date

from claims.domain.deadlines import promise_last_day, stall_limit
from claims.domain.eligibility import assess
from claims.domain.escalation import escalation_plan
from tests.factories import ASKED, PROMISE, make_facts


def test_it_counts_the_promise_window_from_the_day_after_the_order():
    facts = make_facts(**PROMISE, promise_days=7, promise_condition="unused")
    assert promise_last_day(facts) == date(2026, 11, 27)


def test_it_has_no_promise_last_day_without_a_window():
    assert promise_last_day(make_facts(**PROMISE)) is None


def test_it_lists_the_promise_last_day_and_warns_not_to_redeem_the_key():
    facts = make_facts(**PROMISE, promise_days=7, promise_condition="unused")
    assessment = assess(facts)
    assert assessment.route == "seller_promise"
    found = [d for d in assessment.deadlines if d.due == date(2026, 11, 27)]
    assert found and "7天" in found[0].label.zh
    assert "不要查看、复制或兑换卡密" in found[0].note.zh


def test_it_puts_the_promise_last_day_in_the_plan():
    facts = make_facts(**PROMISE, promise_days=7, promise_condition="unused")
    plan = escalation_plan(facts, assess(facts))
    assert "退款期到11月27日为止" in plan[0].action.zh


def test_it_counts_the_stall_from_the_demand_not_from_a_question_about_delivery():
    facts = make_facts(**ASKED, demanded_on=date(2026, 11, 25))
    assert stall_limit(facts) == date(2026, 12, 10)


def test_it_counts_the_stall_from_the_first_contact_when_that_was_the_demand():
    assert stall_limit(make_facts(**ASKED)) == date(2026, 12, 6)


def test_it_starts_no_stall_before_any_demand():
    assert stall_limit(make_facts(**ASKED, demand_made=False)) is None
