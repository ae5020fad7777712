"""Rule R16 and the stall test of R9: the dates that matter, as real calendar dates.

Windows of N days count from the day after the event (七日办法 10), so they end on event + N.
The term a demand gives the shop is data here, so the demand's words and the plan's dates
come from the same Term.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from claims.domain.assessment import CLAIM_ROUTES, Deadline
from claims.domain.facts import Facts
from claims.domain.formatting import add_years, format_date
from claims.domain.text import Text
from claims.domain.workdays import add_working_days

RETURN_WINDOW_DAYS = 7
STALL_DAYS = 15
COMPLAINT_WORKING_DAYS = 7
LAWSUIT_YEARS = 3
FRAUD_REVOCATION_YEARS = 1
# R2: our suggestion for a 催告 deadline, not a legal number (24-72h for instant goods).
DEMAND_HOURS = {"instant": 24, "": 24, "within": 72, "none": 72}

PREPAYMENT_ROUTES = ("non_delivery", "site_balance")
STALL_ROUTES = (*PREPAYMENT_ROUTES, "defect")
REFUSALS = ("refused", "refused_digital")
STALLING_RESPONSES = (*REFUSALS, "no_reply", "promised_nothing_happened", "asked_to_wait")
STALLING_RESPONSES += ("offered_credit",)
# R2: where an undelivered order ends in a notice cancelling the contract.
RESCISSION_ROUTES = ("non_delivery", "business_purchase")
# The routes whose demand gives the shop a term; goodwill requests and "not yet due" give none.
TERM_ROUTES = (*RESCISSION_ROUTES, "minor", "seller_promise", "site_balance", "no_reason_return")


@dataclass(frozen=True)
class Term:
    """How long a demand gives the shop: days or hours from the day it is sent, or a fixed day."""

    days: int = 0
    hours: int = 0
    until: date | None = None

    @property
    def words(self) -> Text:
        """The term as a demand states it: 在3日内 / within 3 days."""
        if self.until is not None:
            day = format_date(self.until)
            return Text(f"在{day.zh}前", f"by {day.en}")
        if self.hours:
            return Text(f"在{self.hours}小时内", f"within {self.hours} hours")
        return Text(f"在{self.days}日内", f"within {self.days} days")

    def due(self, sent: date) -> date:
        """The shop's last day when the demand goes out on `sent` (hours round up to days)."""
        if self.until is not None:
            return self.until
        return sent + timedelta(days=self.days - (-self.hours // 24))


# Our suggestions, not legal numbers: most demands give 3 days, a faulty key is swapped in 24h.
DEMAND_TERM = Term(days=3)
REPAIR_TERM = Term(hours=24)


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
    """R2: a written demand with a deadline was sent and the deadline has passed."""
    return (
        facts.problem == "not_delivered"
        and facts.deadline_given
        and facts.deadline_on is not None
        and facts.today > facts.deadline_on
    )


def rescinds(facts: Facts, route: str) -> bool:
    """R2: the deadline of a written demand passed, so the letter ends the contract."""
    return route in RESCISSION_ROUTES and rescission_due(facts)


def delivery_term(facts: Facts) -> Term:
    """R2: the day the user already gave the shop, or our suggestion; 3 days to refund once
    the contract is cancelled."""
    if rescission_due(facts):
        return DEMAND_TERM
    if facts.deadline_given and facts.deadline_on:
        return Term(until=facts.deadline_on)
    return Term(hours=DEMAND_HOURS.get(facts.promised_delivery, 72))


def demand_term(facts: Facts, route: str) -> Term | None:
    """The term the assessment's demand on `route` gives the shop; None when it gives none."""
    if route in RESCISSION_ROUTES and facts.problem == "not_delivered":
        return delivery_term(facts)
    if route == "defect":
        return REPAIR_TERM
    if route == "business_purchase" and facts.problem == "changed_mind":
        return None  # R0 asks a favour here, as no_reason_unlikely does
    return DEMAND_TERM if route in TERM_ROUTES else None


def promise_last_day(facts: Facts) -> date | None:
    """R7: the last day of a "购买后X天内可退" promise, counted like the 7-day windows."""
    if facts.promise_days is None:
        return None
    return facts.purchase_date + timedelta(days=facts.promise_days)


def lawsuit_deadline(facts: Facts) -> date:
    """Three years from discovery (民法典 188)."""
    return add_years(facts.discovered_on, LAWSUIT_YEARS)


def fraud_revocation_deadline(facts: Facts) -> date:
    """One year from discovering the fraud (民法典 152)."""
    return add_years(facts.discovered_on, FRAUD_REVOCATION_YEARS)


def deadlines(
    facts: Facts, route: str, *, fraud: bool = False, complaint: bool = False
) -> tuple[Deadline, ...]:
    """Real dates in the order the user meets them; empty where there is nothing to claim."""
    found = []
    if route in ("defect", "seller_promise") and facts.problem != "changed_mind":
        found.append(_quality_window(facts))
    if route == "no_reason_return":
        found.append(_no_reason_window(facts))
    promised = promise_last_day(facts) if facts.refund_promise == "yes" else None
    if promised is not None and route in CLAIM_ROUTES:
        found.append(_promise_window(facts, promised))
    if route in ("non_delivery", "business_purchase") and facts.problem == "not_delivered":
        found += _demand_deadline(facts)
    limit = stall_limit(facts)
    if route in STALL_ROUTES and limit is not None:
        found.append(_stall(facts, limit))
    if complaint:
        found.append(_complaint_reply(facts))
    if fraud:
        found.append(_fraud_revocation(facts))
    if route in CLAIM_ROUTES:
        found.append(_lawsuit(facts))
    return tuple(found)


def _received(facts: Facts) -> Text:
    day = format_date(facts.receipt_date)
    if facts.delivered_on:
        return Text(f"收到商品（{day.zh}）", f"you received it ({day.en})")
    return Text(
        f"下单日（{day.zh}，未填写收货日，按下单日计）",
        f"the order date ({day.en}), used because no delivery date was given",
    )


def _quality_window(facts: Facts) -> Deadline:
    received = _received(facts)
    return Deadline(
        Text("7日质量退货期", "7-day window for returning a faulty item"),
        return_window_end(facts),
        Text(
            f"从{received.zh}的次日起算7日。过了这天，商品无法使用、合同目的落空的，仍可要求退款。",
            f"7 days counted from the day after {received.en}. After this date you can still "
            "ask for a refund if the item is useless.",
        ),
    )


def _no_reason_window(facts: Facts) -> Deadline:
    received = _received(facts)
    return Deadline(
        Text("7日无理由退货期", "7-day no-reason return window"),
        return_window_end(facts),
        Text(
            f"从{received.zh}的次日起算7日，这天之前要通知店家退货。点卡实际到得更晚的，期限相应顺延。",
            f"7 days counted from the day after {received.en}. Tell the shop before this date; "
            "if the card arrived later, your window ends later.",
        ),
    )


def _promise_window(facts: Facts, last: date) -> Deadline:
    bought = format_date(facts.purchase_date)
    unused = facts.promise_condition == "unused"
    keep = (
        Text(
            "承诺以未使用为条件：在此之前不要查看、复制或兑换卡密，也不要把卡密发给任何人。",
            " The promise needs the item unused: until you are refunded, do not reveal, copy "
            "or redeem the key, and do not send it to anyone.",
        )
        if unused
        else Text("", "")
    )
    return Deadline(
        Text(
            f"店家承诺的{facts.promise_days}天退款期",
            f"The shop's {facts.promise_days}-day refund promise",
        ),
        last,
        Text(
            f"按店家的承诺，从下单（{bought.zh}）的次日起算{facts.promise_days}天，"
            f"这天之前要向店家提出退款。{keep.zh}",
            f"By the shop's promise: {facts.promise_days} days counted from the day after "
            f"the order "
            f"({bought.en}). Ask the shop for the refund before this date.{keep.en}",
        ),
    )


def _demand_deadline(facts: Facts) -> list[Deadline]:
    if rescission_due(facts):
        return []
    if facts.deadline_given and facts.deadline_on:
        return [
            Deadline(
                Text("催告中给店家的期限", "The deadline you gave the shop"),
                facts.deadline_on,
                Text(
                    "过了这天店家仍未发货，就可以发出解除合同通知并要求退款。",
                    "If the shop still hasn't delivered after this date, you can send a notice "
                    "cancelling the contract and ask for your money back.",
                ),
            )
        ]
    term = delivery_term(facts)
    return [
        Deadline(
            Text(
                f"建议的催告期限（{term.hours}小时）",
                f"Suggested deadline for your demand ({term.hours}h)",
            ),
            term.due(facts.today),
            Text(
                "这是建议，不是法律规定的数字：即时发货的商品一般给24到72小时。"
                "把期限写进书面催告；到期仍未发货，就可以解除合同。",
                "This is our suggestion, not a number set by law: 24 to 72 hours is usual for "
                "instant-delivery goods. Put it in a written demand; if the shop still hasn't "
                "delivered by then, you can cancel the contract.",
            ),
        )
    ]


def _stall(facts: Facts, limit: date) -> Deadline:
    asked = format_date(facts.demand_date)
    return Deadline(
        Text("15日拖延界限", "15-day delay limit"),
        limit,
        Text(
            f"从提出退款要求（{asked.zh}）起算15日。过了这天仍未解决，视为故意拖延，"
            "还可以向市场监管部门举报。先收款未发货的，店家明确拒绝退款时不必等满15日。",
            f"15 days from your refund request ({asked.en}). If it's still not sorted out by "
            "then, the delay counts as deliberate and you can also report the shop. Where you "
            "paid and got nothing, a flat refusal counts at once.",
        ),
    )


def _complaint_reply(facts: Facts) -> Deadline:
    due, approximate = add_working_days(facts.today, COMPLAINT_WORKING_DAYS)
    note = Text(
        "市场监管部门应当自收到投诉之日起7个工作日内处理并告知；双方同意调解的，"
        "应当在受理之日起60日内调解完毕。",
        "The regulator must act within 7 working days of getting your complaint and tell "
        "you; if both sides agree to mediation, it must end within 60 days of acceptance.",
    )
    if approximate:
        note = Text(
            note.zh + "该年的法定节假日尚未公布，这里只扣除了周末，日期是估算。",
            note.en + " That year's public holidays are not published yet, so only weekends "
            "were skipped and the date is an estimate.",
        )
    return Deadline(
        Text("12315处理时限（如今天提交投诉）", "12315 must act by (if you file today)"),
        due,
        note,
        approximate=approximate,
    )


def _fraud_revocation(facts: Facts) -> Deadline:
    return Deadline(
        Text("以欺诈为由撤销交易的期限（1年）", "Deadline to undo the purchase for fraud (1 year)"),
        fraud_revocation_deadline(facts),
        Text(
            f"从发现问题（{format_date(facts.discovered_on).zh}）起算1年。"
            "这是请求撤销交易的期限；退款和赔偿的起诉期限是3年。",
            f"1 year from when you found the problem ({facts.discovered_on.isoformat()}). This "
            "is the limit for undoing the purchase for fraud; for refund and damages you have "
            "3 years.",
        ),
    )


def _lawsuit(facts: Facts) -> Deadline:
    return Deadline(
        Text("起诉期限（3年）", "Deadline to go to court (3 years)"),
        lawsuit_deadline(facts),
        Text(
            f"从发现问题（{format_date(facts.discovered_on).zh}）起算3年。",
            f"3 years from when you found the problem ({facts.discovered_on.isoformat()}).",
        ),
    )
