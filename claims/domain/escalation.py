"""The way up when the shop does not answer: R13's channels in order, each with a real date.

Pure. The plan is recomputed from the facts and what the user recorded since (events), so it
is never stored: "sent" fixes the day the shop was asked, "refused" or "no_answer" brings the
next channel forward to that day, "refunded" ends it. 12315 and the 消协 are alternatives:
filing at one skips the other, and the 消协 is never "next" beside 12315 (LEGAL_BASIS §2.6).
A past date is never a next step: an action whose day has gone is due today, and a last day
that has gone (the court's) is "missed".
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from claims.domain.assessment import Assessment
from claims.domain.deadlines import (
    COMPLAINT_WORKING_DAYS,
    REFUSALS,
    RESCISSION_ROUTES,
    STALL_DAYS,
    lawsuit_deadline,
    promise_last_day,
    rescinds,
    rescission_lapsed,
)
from claims.domain.facts import Facts
from claims.domain.formatting import format_day
from claims.domain.places import ATTACH, WHERE, payment_where
from claims.domain.text import Text
from claims.domain.workdays import add_working_days

EVENT_KINDS = (
    "sent",
    "replied",
    "refused",
    "refunded",
    "no_answer",
    "filed_payment",
    "filed_12315",
    "filed_association",
)
STATUSES = ("done", "next", "later", "skipped", "missed")
# Steps whose date is a last day, not the first day an action may be taken.
LAST_DAYS = ("court",)
_CONTACT = ("sent", "replied", "refused", "no_answer")


@dataclass(frozen=True)
class Event:
    """What the user recorded after sending."""

    kind: str
    on: date
    note: str = ""

    def __post_init__(self):
        if self.kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {self.kind!r}")


@dataclass(frozen=True)
class PlanStep:
    key: str
    title: Text
    due: date
    approximate: bool
    action: Text
    where: Text
    attach: Text
    status: str


def escalation_plan(
    facts: Facts, assessment: Assessment, events: tuple[Event, ...] = (), today: date | None = None
) -> tuple[PlanStep, ...]:
    """The steps in R13 order with their dates and statuses; () when documents are blocked."""
    if assessment.blocks_documents:
        return ()
    today = today or facts.today
    log = _Log(sorted(events, key=lambda event: event.on), today)
    # The same Term the demand's words state, counted from the day the demand goes out.
    term = assessment.demand_term
    deadline = term.due(log.asked) if term else None
    steps = [_seller(facts, assessment, log, deadline)]
    if deadline is not None:
        steps += _channels(facts, assessment, log, deadline)
    return _statuses(steps, log, today)


class _Log:
    """The first day of each kind of event, and the day the shop was first asked."""

    def __init__(self, events: list[Event], today: date):
        self.today = today
        self.first: dict[str, date] = {}
        for event in events:
            self.first.setdefault(event.kind, event.on)
        self.sent = [event.on for event in events if event.kind == "sent"]
        contact = [event.on for event in events if event.kind in _CONTACT]
        self.contacted = bool(contact)
        self.asked = contact[0] if contact else today
        if self.sent:
            self.asked = self.sent[0]
        escalate = [self.first[k] for k in ("refused", "no_answer") if k in self.first]
        self.escalate = min(escalate) if escalate else None


def _day(day: date, log: _Log) -> Text:
    """A plan date as the user reads it today: the year shown unless it is this year's."""
    return format_day(day, log.today)


def _step(
    key: str,
    title: Text,
    due: date,
    action: Text,
    where: Text,
    attach: Text,
    approximate: bool = False,
) -> PlanStep:
    """A step whose status is decided last, by _statuses (or set to "done" by an event)."""
    return PlanStep(key, title, due, approximate, action, where, attach, "")


def _seller(facts: Facts, assessment: Assessment, log: _Log, deadline: date | None) -> PlanStep:
    day = _day(log.asked, log)
    if deadline is None:
        key, title = "merchant_chat", Text("联系店家", "Contact the shop")
        action = Text(
            f"{day.zh}把消息发给店家客服，礼貌说明情况。",
            f"On {day.en}, send the message to the shop's customer service and explain politely.",
        )
    else:
        key = "merchant_rescission" if rescinds(facts, assessment.route) else "merchant_demand"
        title = (
            Text("发出解除合同通知", "Send the notice cancelling the contract")
            if key == "merchant_rescission"
            else Text("发出聊天消息和书面催告", "Send the chat message and the written demand")
        )
        until = _day(deadline, log)
        action = Text(
            f"{day.zh}把消息发给店家，截图保存发送记录；店家的期限到{until.zh}。",
            f"On {day.en}, send it to the shop and screenshot that you did; the shop has until "
            f"{until.en}.",
        )
    promised = promise_last_day(facts) if facts.refund_promise == "yes" else None
    if promised is not None and promised >= log.today:
        # R7: a promise with a window must be invoked inside it, whatever our suggested term says.
        last = _day(promised, log)
        action = Text(
            f"{action.zh}店家承诺的退款期到{last.zh}为止，要在这之前提出。",
            f"{action.en} The shop's refund promise runs until {last.en}: ask before then.",
        )
    elif promised is not None:
        last = _day(promised, log)
        action = Text(
            f"{action.zh}店家承诺的退款期已于{last.zh}结束。",
            f"{action.en} The shop's refund promise ended on {last.en}.",
        )
    step = _step(key, title, log.asked, action, WHERE[key], ATTACH[key])
    return replace(step, status="done") if log.contacted else step


def _channels(facts: Facts, assessment: Assessment, log: _Log, deadline: date) -> list[PlanStep]:
    """Everything after the seller, in R13 order, for the channels the assessment lists."""
    names = {channel.key: channel.name for channel in assessment.channels}
    after, when = _after_deadline(log, deadline)
    found = []
    if assessment.route in RESCISSION_ROUTES and facts.problem == "not_delivered":
        found += _rescission(facts, assessment, log, deadline)
    # The platform and the payment complaint in the assessment's order (R11 may swap them).
    for key in (key for key in names if key in ("platform", "payment")):
        if key == "payment":
            found.append(_payment(facts, names["payment"], log, after, when))
            continue
        action = Text(f"{when.zh}向平台（主站）投诉。", f"{when.en} complain to the platform.")
        found.append(
            _step(
                "platform", names["platform"], after, action, WHERE["platform"], ATTACH["platform"]
            )
        )
    if "12315" in names:
        found += _regulator(facts, assessment, log, after)
    if "court" in names:
        found.append(_court(facts, log))
    if "police" in names:
        action = Text(
            "网站收款后关闭、失联，可能涉嫌诈骗：尽快向当地公安机关报案。",
            "The site took the money and vanished, which may be a scam: report it to the "
            "police soon.",
        )
        found.append(
            _step("police", names["police"], log.asked, action, WHERE["police"], ATTACH["police"])
        )
    return found


def _after_deadline(log: _Log, deadline: date) -> tuple[date, Text]:
    """The day the next channel opens (after the deadline, or at once after a refusal)."""
    after = deadline + timedelta(days=1)
    if log.escalate is not None:
        after = max(min(after, log.escalate), log.asked)
    if log.escalate is not None and after == log.escalate:
        if "refused" in log.first:
            return after, Text("店家已拒绝，现在就", "The shop refused, so now")
        return after, Text("店家没有回复，现在就", "The shop did not answer, so now")
    return after, _by_deadline(deadline, log)


def _by_deadline(deadline: date, log: _Log) -> Text:
    """How a step after the shop's deadline starts: on a condition, or now it has passed."""
    until = _day(deadline, log)
    if log.today > deadline:
        return Text(
            f"店家的期限{until.zh}已过，现在就", f"The deadline of {until.en} has passed, so now"
        )
    return Text(f"如果店家在{until.zh}前仍未处理，就", f"If the shop has not acted by {until.en},")


def _rescission(facts: Facts, assessment: Assessment, log: _Log, deadline: date) -> list[PlanStep]:
    """R2: the day after the demand's deadline (a refusal does not bring it forward: the
    notice's draft says the deadline passed), the notice that ends the contract; a second
    "sent". None once the year to cancel (民法典 564(2)) has passed."""
    if rescinds(facts, assessment.route) or rescission_lapsed(facts):
        return []
    when = _by_deadline(deadline, log)
    step = _step(
        "merchant_rescission",
        Text("发出解除合同通知", "Send the notice cancelling the contract"),
        deadline + timedelta(days=1),
        Text(f"{when.zh}发出解除合同通知。", f"{when.en} send the notice cancelling the contract."),
        WHERE["merchant_rescission"],
        ATTACH["merchant_rescission"],
    )
    if len(log.sent) > 1:
        return [replace(step, due=log.sent[1], status="done")]
    return [step]


def _payment(facts: Facts, name: Text, log: _Log, after: date, when: Text) -> PlanStep:
    step = _step(
        "payment",
        name,
        after,
        Text(f"{when.zh}{name.zh}。", f"{when.en} {name.en[:1].lower()}{name.en[1:]}."),
        payment_where(facts),
        ATTACH["payment"],
    )
    filed = log.first.get("filed_payment")
    return replace(step, due=filed, status="done") if filed else step


def _court(facts: Facts, log: _Log) -> PlanStep:
    due = lawsuit_deadline(facts)
    day = _day(due, log)
    return _step(
        "court",
        Text("向法院起诉", "Go to court"),
        due,
        Text(
            f"如果以上途径都没有结果，可以向法院起诉；诉讼时效一般为三年，最晚到{day.zh}。",
            "If nothing else works, you can sue; the limitation period is generally three "
            f"years, so by {day.en} at the latest.",
        ),
        WHERE["court"],
        ATTACH["court"],
    )


def _regulator(facts: Facts, assessment: Assessment, log: _Log, after: date) -> list[PlanStep]:
    """12315 after a refusal or the 15-day stall (R9), its 7-working-day reply, or the 消协."""
    keys = {channel.key for channel in assessment.channels}
    first_ask = log.asked
    if facts.demand_date:  # R9 runs from the refund demand, not a question about delivery
        first_ask = min(first_ask, facts.demand_date)
    due = first_ask + timedelta(days=STALL_DAYS + 1)
    refused = log.first.get("refused")
    if refused is None and facts.merchant_response in REFUSALS and facts.contacted_on:
        # The shop refused before the user came to us: R9 counts that refusal too.
        refused = facts.contacted_on
    if refused is not None:
        due = min(due, refused)
    due = max(due, after)
    day = _day(due, log)
    when = (
        Text("店家已拒绝退款，", "The shop refused a refund, so ")
        if refused is not None and due == max(refused, after)
        else Text(
            f"从{day.zh}起（提出要求已超过15日）仍未退款的，",
            f"From {day.en} (more than 15 days after you asked), if you still have no refund, ",
        )
    )
    report = (
        Text("，并另行举报", " and file the separate report") if "report" in keys else Text("", "")
    )
    filed = log.first.get("filed_12315")
    complaint = _step(
        "complaint_12315",
        Text("向12315投诉" + ("并举报" if report.zh else ""), "Complain at 12315"),
        filed or due,
        Text(
            f"{when.zh}在全国12315平台投诉{report.zh}。",
            f"{when.en}complain at the 12315 platform{report.en}.",
        ),
        WHERE["complaint_12315"],
        ATTACH["complaint_12315"],
    )
    reply_due, approximate = add_working_days(filed or due, COMPLAINT_WORKING_DAYS)
    guess = Text(
        "（该年节假日未公布，日期是估算）",
        " (that year's holidays are not published, so this is an estimate)",
    )
    reply = _step(
        "complaint_12315_reply",
        Text("12315处理时限", "12315 must have acted"),
        reply_due,
        Text(
            f"12315应当在收到投诉后7个工作日内处理并告知你，即{_day(reply_due, log).zh}前"
            f"{guess.zh if approximate else ''}；到时没有消息，就查询进度或拨打12315。",
            f"12315 must act within 7 working days of your complaint and tell you, i.e. by "
            f"{_day(reply_due, log).en}{guess.en if approximate else ''}. If you hear "
            "nothing, check the progress or call 12315.",
        ),
        WHERE["complaint_12315_reply"],
        ATTACH["complaint_12315_reply"],
        approximate=approximate,
    )
    association = log.first.get("filed_association")
    found = [replace(complaint, status="done") if filed else complaint, reply]
    if "consumer_association" in keys:
        step = _step(
            "consumer_association",
            Text("或者：请消费者协会调解", "Or: ask the consumer association to mediate"),
            association or due,
            Text(
                f"不走12315的话，也可以从{day.zh}起请消费者协会调解。二选一，不要同时提交。",
                f"Instead of 12315, you can ask the consumer association to mediate from "
                f"{day.en}. Choose one, not both.",
            ),
            WHERE["consumer_association"],
            ATTACH["consumer_association"],
        )
        found.append(replace(step, status="done") if association else step)
    return found


def _statuses(steps: list[PlanStep], log: _Log, today: date) -> tuple[PlanStep, ...]:
    """Done and skipped from the events; of the rest, what is due first (or overdue) is next."""
    skip = set()
    if "filed_12315" in log.first:
        skip.add("consumer_association")
    if "filed_association" in log.first:
        skip |= {"complaint_12315", "complaint_12315_reply"}
    finished = "refunded" in log.first
    marked = []
    for step in steps:
        if step.status == "done":
            marked.append(step)
        elif finished or step.key in skip:
            marked.append(replace(step, status="skipped"))
        else:
            marked.append(step)
    marked = [_not_in_the_past(step, today) for step in marked]
    # One next step: the earliest open one (R13 order among equals); the others wait.
    pending = [step for step in marked if not step.status]
    first = min(pending, key=lambda step: step.due) if pending else None
    statuses = [
        step if step.status else replace(step, status="next" if step is first else "later")
        for step in marked
    ]
    # §2.6: the 消协 is the other choice to 12315, never proposed beside it.
    if any(s.key == "complaint_12315" and s.status == "next" for s in statuses):
        statuses = [
            replace(s, status="later")
            if s.key == "consumer_association" and s.status == "next"
            else s
            for s in statuses
        ]
    return tuple(statuses)


def _not_in_the_past(step: PlanStep, today: date) -> PlanStep:
    """An open action whose day has gone is due today; a last day that has gone is missed."""
    if step.status or step.due >= today:
        return step
    if step.key in LAST_DAYS:
        return replace(step, status="missed")
    return replace(step, due=today)


def rescission_opened(
    facts: Facts, assessment: Assessment, events: tuple[Event, ...], today: date
) -> date | None:
    """The passed deadline of the demand sent, while the plan still asks for the rescission
    notice (R2); None otherwise. The notice is drafted from then."""
    plan, term = escalation_plan(facts, assessment, events, today), assessment.demand_term
    if not any(s.key == "merchant_rescission" and s.status in ("next", "later") for s in plan):
        return None
    deadline = term.due(_Log(sorted(events, key=lambda event: event.on), today).asked)
    return deadline if today > deadline else None
