"""The dated limits the result lists (R16), each from its own starting event, built from the
rules of deadlines.py; a limit that has passed is marked so timebars.py can say it."""

from dataclasses import replace
from datetime import date

from claims.domain.assessment import CLAIM_ROUTES, Deadline
from claims.domain.deadlines import (
    BARS,
    COMPLAINT_WORKING_DAYS,
    STALL_ROUTES,
    card_return_owed,
    delivery_term,
    fraud_revocation_deadline,
    lawsuit_deadline,
    promise_expired,
    promise_last_day,
    rescission_applies,
    rescission_deadline,
    rescission_due,
    rescission_lapsed,
    return_window_end,
    stall_limit,
)
from claims.domain.facts import Facts
from claims.domain.formatting import format_date
from claims.domain.text import Text
from claims.domain.workdays import add_working_days


def dated_limits(
    facts: Facts, route: str, *, fraud: bool = False, complaint: bool = False
) -> tuple[Deadline, ...]:
    """Real dates in the order the user meets them; empty where there is nothing to claim."""
    found = []
    if route in ("defect", "seller_promise") and facts.problem != "changed_mind":
        found.append(_quality_window(facts))
    if route == "no_reason_return" or (route == "no_reason_unlikely" and card_return_owed(facts)):
        found.append(_no_reason_window(facts))
    promised = promise_last_day(facts) if facts.refund_promise == "yes" else None
    if promised is not None and route != "stop_abuse":
        found.append(_promise_window(facts, promised))
    if route == "not_yet_due" and facts.promised_by is not None:
        found.append(_delivery_promise(facts))
    if route in ("non_delivery", "business_purchase") and facts.problem == "not_delivered":
        found += _demand_deadline(facts)
    limit = stall_limit(facts)
    if route in STALL_ROUTES and limit is not None:
        found.append(_stall(facts, limit))
    if complaint:
        found.append(_complaint_reply(facts))
    if fraud:
        found.append(_fraud_revocation(facts))
    if rescission_applies(facts, route) and rescission_deadline(facts) is not None:
        found.append(_rescission(facts))
    if route in CLAIM_ROUTES:
        found.append(_lawsuit(facts))
    return tuple(
        replace(deadline, passed=_passed(facts, deadline)) if deadline.key in BARS else deadline
        for deadline in found
    )


def _passed(facts: Facts, deadline: Deadline) -> bool:
    """A limit is over once today is past it; a seller's promise is kept open by a refund
    request made inside its window (R7), however long the seller then takes."""
    if deadline.key == "promise_window":
        return promise_expired(facts)
    return facts.today > deadline.due


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
        key="quality_return_7d",
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
        key="no_reason_7d",
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
        key="promise_window",
    )


def _delivery_promise(facts: Facts) -> Deadline:
    return Deadline(
        Text("店家承诺的发货期限", "The delivery day the shop promised"),
        facts.promised_by,
        Text(
            "过了这天仍未到账，再回来：那时就可以书面催告并要求退款。",
            "If nothing has arrived after this day, come back: you can then send a written "
            "demand and ask for your money back.",
        ),
        key="delivery_promise",
    )


def _demand_deadline(facts: Facts) -> list[Deadline]:
    """The 催告's day, which opens rescission: none once rescission is due or its year passed."""
    if rescission_due(facts) or rescission_lapsed(facts):
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
                key="demand",
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
            key="demand",
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
        key="stall_15d",
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
        key="complaint_reply",
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
        key="fraud_revocation_1y",
    )


def _rescission(facts: Facts) -> Deadline:
    found = format_date(facts.discovered_on)
    return Deadline(
        Text("解除合同的期限（1年）", "Deadline to cancel the contract (1 year)"),
        rescission_deadline(facts),
        Text(
            f"从发现问题（{found.zh}）起算1年。法律没有规定、双方也没有约定期限的，"
            "过了这天不再能以此为由解除合同、要求退货退款。",
            f"1 year from when you found the problem ({found.en}). Where no law or agreement "
            "sets a time, after this date you can no longer cancel the contract on this ground.",
        ),
        key="rescission_1y",
    )


def _lawsuit(facts: Facts) -> Deadline:
    return Deadline(
        Text("起诉期限（3年）", "Deadline to go to court (3 years)"),
        lawsuit_deadline(facts),
        Text(
            f"从发现问题（{format_date(facts.discovered_on).zh}）起算3年。",
            f"3 years from when you found the problem ({facts.discovered_on.isoformat()}).",
        ),
        key="lawsuit_3y",
    )
