"""Rule R16 and the stall test of R9: the dates that matter, as real calendar dates.

Windows of N days count from the day after the event (七日办法 10), so they end on event + N.
The term a demand gives the shop is data here, so the demand's words and the plan's dates
come from the same Term.
"""

from datetime import date, timedelta

from claims.domain.assessment import Term
from claims.domain.facts import Facts
from claims.domain.formatting import add_years

RETURN_WINDOW_DAYS = 7
STALL_DAYS = 15
COMPLAINT_WORKING_DAYS = 7
LAWSUIT_YEARS = 3
FRAUD_REVOCATION_YEARS = 1
RESCISSION_YEARS = 1
# R2: our suggestion for a 催告 deadline, not a legal number (24-72h for instant goods).
DEMAND_HOURS = {"instant": 24, "": 24, "within": 72, "none": 72}

PREPAYMENT_ROUTES = ("non_delivery", "site_balance")
STALL_ROUTES = (*PREPAYMENT_ROUTES, "defect")
REFUSALS = ("refused", "refused_digital")
STALLING_RESPONSES = (*REFUSALS, "no_reply", "promised_nothing_happened", "asked_to_wait")
STALLING_RESPONSES += ("offered_credit",)
# R16: the limits whose passing is said as a warning (Deadline.key; the stall and the
# 催告 deadline open a step instead of closing one).
BARS = (
    "quality_return_7d",
    "no_reason_7d",
    "promise_window",
    "rescission_1y",
    "fraud_revocation_1y",
    "lawsuit_3y",
)
# R2: where an undelivered order ends in a notice cancelling the contract.
RESCISSION_ROUTES = ("non_delivery", "business_purchase")


# Our suggestions, not legal numbers: most demands give 3 days, a faulty key is swapped in 24h.
DEMAND_TERM = Term(days=3)
REPAIR_TERM = Term(hours=24)


def card_return_owed(facts: Facts) -> bool:
    """R6 B: a mailed card bought without confirming "no returns" may go back in 7 days."""
    return (
        facts.product_type == "physical_card"
        and facts.problem == "changed_mind"
        and facts.purchase_confirmation != "yes"
    )


def return_window_end(facts: Facts) -> date:
    """Last day of a 7-day window counted from the day after receipt (七日办法 10, CPL 24)."""
    return facts.receipt_date + timedelta(days=RETURN_WINDOW_DAYS)


def stall_limit(facts: Facts) -> date | None:
    """The 15th day after the refund demand (处罚办法 8, 10(2)); None before any demand.

    A first contact that only asked about delivery starts nothing: the demand date does.
    """
    demanded = facts.demand_date
    if demanded is None:
        return None
    return demanded + timedelta(days=STALL_DAYS)


def stall_threshold_met(facts: Facts, route: str) -> bool:
    """R9: a prepayment refund flatly refused, or any demand left more than 15 days."""
    if route not in STALL_ROUTES or facts.merchant_response not in STALLING_RESPONSES:
        return False
    limit = stall_limit(facts)
    if limit is None:
        return False
    refused = route in PREPAYMENT_ROUTES and facts.merchant_response in REFUSALS
    return refused or facts.today > limit


def rescission_due(facts: Facts) -> bool:
    """R2: a written demand with a deadline was sent, the deadline has passed, and the year
    to cancel (民法典 564(2)) has not."""
    return (
        facts.problem == "not_delivered"
        and facts.deadline_given
        and facts.deadline_on is not None
        and facts.today > facts.deadline_on
        and not rescission_lapsed(facts)
    )


def rescission_deadline(facts: Facts) -> date | None:
    """One year from when the user knew of the ground to cancel (民法典 564(2), where no law or
    agreement sets a term); None while there is no ground yet.

    An undelivered order gives the ground only once a 催告's deadline has passed (563(1)(iii)):
    the year runs from that deadline, and without a 催告 it has not started. A fault that
    defeats the purchase is known on discovered_on.
    """
    if facts.problem == "not_delivered":
        if not (facts.deadline_given and facts.deadline_on):
            return None
        return add_years(facts.deadline_on, RESCISSION_YEARS)
    return add_years(facts.discovered_on, RESCISSION_YEARS)


def rescission_lapsed(facts: Facts) -> bool:
    last = rescission_deadline(facts)
    return last is not None and facts.today > last


def rescission_applies(facts: Facts, route: str) -> bool:
    """The routes whose claim includes cancelling the contract (民法典 563): an undelivered
    order, a fault that defeats the purchase, and R0's contract claims other than a favour."""
    if route == "defect":
        return True
    if route == "non_delivery":
        return facts.problem == "not_delivered"
    return route == "business_purchase" and facts.problem not in ("changed_mind", "balance_stuck")


def quality_window_passed(facts: Facts) -> bool:
    return facts.today > return_window_end(facts)


def lawsuit_passed(facts: Facts) -> bool:
    return facts.today > lawsuit_deadline(facts)


def fraud_revocation_passed(facts: Facts) -> bool:
    return facts.today > fraud_revocation_deadline(facts)


def promise_expired(facts: Facts) -> bool:
    """R7: the promise's window ended before the user asked (today when they have not yet)."""
    last = promise_last_day(facts) if facts.refund_promise == "yes" else None
    return last is not None and (facts.demand_date or facts.today) > last


def rescinds(facts: Facts, route: str) -> bool:
    """R2: the deadline of a written demand passed, so the letter ends the contract."""
    return route in RESCISSION_ROUTES and rescission_due(facts)


def delivery_term(facts: Facts) -> Term:
    """R2: the day the user already gave the shop, or our suggestion; 3 days to refund once
    the contract is cancelled."""
    if rescission_due(facts):
        return DEMAND_TERM
    if facts.deadline_given and facts.deadline_on and facts.today <= facts.deadline_on:
        return Term(until=facts.deadline_on)
    # No deadline yet, or one long past: a new demand gets a new term, never a past date.
    return Term(hours=DEMAND_HOURS.get(facts.promised_delivery, 72))


def promise_last_day(facts: Facts) -> date | None:
    """R7: the last day of a "购买后X天内可退" promise, counted like the 7-day windows."""
    if facts.promise_days is None:
        return None
    return facts.purchase_date + timedelta(days=facts.promise_days)


def lawsuit_deadline(facts: Facts) -> date:
    """Three years from discovery (民法典 188)."""
    return add_years(facts.discovered_on, LAWSUIT_YEARS)


def fraud_revocation_deadline(facts: Facts) -> date:
    """One year from knowing of the fraud (民法典 152). discovered_on stands for that day: the
    wizard asks no separate "when did you see it was a fraud" date, because the signs it knows
    (nothing delivered, a used key confirmed, the site gone) show on or after that day, so the
    limit shown can only be early, never late."""
    return add_years(facts.discovered_on, FRAUD_REVOCATION_YEARS)
