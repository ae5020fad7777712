"""What every draft shares: the Draft type, the order's facts as sentences, and citations.

Pure. Sentences are written to the shop ("贵店"); drafts for a third party (a payment
platform, 12315, the 消协) pass them through `third_person` so both say exactly the same.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from claims.domain import law
from claims.domain.assessment import Assessment, Term
from claims.domain.deadlines import rescission_due
from claims.domain.drafting.quoting import closed, excerpt, quote
from claims.domain.escalation import Event
from claims.domain.facts import LIMITED_CAPACITY_AGE, Facts
from claims.domain.formatting import SHANGHAI, format_date, format_yuan
from claims.domain.quantity import count, order_summary
from claims.domain.rules.defects import fault, item_words
from claims.domain.rules.prepayment import overdue
from claims.domain.text import Text


@dataclass(frozen=True)
class Complainant:
    """Who files at 12315 (实施条例 46 needs a real identity); optional everywhere else."""

    name: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Draft:
    """One message for one channel: Chinese text, with an English explanation of it."""

    key: str
    title: Text
    text: str
    hard_limit: int | None
    suggested_length: int | None
    explanation: Text
    where: Text
    attach: Text
    warning: Text | None = None


PAYMENT_METHOD_ZH = {
    "alipay": "支付宝",
    "wechat": "微信支付",
    "qq_wallet": "QQ钱包",
    "bank_card": "银行卡",
    "private_transfer": "私人转账",
    "site_balance": "站内余额",
    "other": "其他方式",
}
_NOT_DELIVERED_ZH = {
    "card_key": "至今未收到卡密",
    "membership": "会员至今未开通",
    "topup": "充值至今未到账",
    "service": "服务至今未提供",
    "physical_card": "至今未收到点卡",
    "site_balance": "充值至今未计入站内余额",
}
RESPONSE_ZH = {
    "no_reply": "未获回复",
    "refused": "贵店拒绝处理",
    "refused_digital": "贵店以“数字商品不退不换”为由拒绝",
    "offered_credit": "贵店只同意退为站内余额或优惠券",
    "promised_nothing_happened": "贵店答应处理，但至今没有结果",
    "asked_to_wait": "贵店让我继续等待，但至今未解决",
}
_BLOCKED_ZH = {
    "cannot_use": "无法使用",
    "cannot_withdraw": "无法提现",
    "both": "既无法使用也无法提现",
    "": "无法正常使用或提现",
}
# Cited to the user but not grounds for the demand: a time limit, a rule rebutted in its own
# line, and the report-only (举报) provisions the closing mentions instead.
# Articles the result cites that a demand does not rest on: limits, exclusions, and what
# 12315 needs before it accepts a complaint (实施条例 46, R11).
NOT_GROUNDS = (
    law.CIVIL_188,
    law.CPL_25_1_III,
    law.CPL_REG_17,
    law.CPL_56_1_VIII,
    law.CPL_REG_46,
)


class Room(NamedTuple):
    """How many characters each free-text answer may take in a draft (0: leave it out)."""

    description: int
    reply: int
    quote: int
    name: int
    transaction: bool


def format_time(facts: Facts) -> str:
    """Purchase time as 2026年11月20日 14:32, China time whatever zone the datetime carries."""
    moment = facts.purchased_at.astimezone(SHANGHAI)
    return f"{format_date(moment.date()).zh} {moment:%H:%M}"


def third_person(text: str) -> str:
    """A sentence written to the shop, rewritten for a reader who is not the shop."""
    return text.replace("贵店", "商家").replace("贵站", "该网站")


def where(facts: Facts, limit: int) -> str:
    """The platform and shop by their whole names, as many as `limit` characters hold."""
    platform, shop = facts.platform_name.strip(), facts.shop_name.strip()
    if platform and shop and platform != shop and len(platform) + len(shop) <= limit:
        return f"{platform}的店铺“{shop}”"
    fitting = [name for name in (platform, shop) if name and len(name) <= limit]
    return fitting[0] if fitting else "贵店"


def refund_amount(facts: Facts) -> Decimal:
    """The money to get back: the blocked balance on the balance route, else what is claimed."""
    if facts.problem == "balance_stuck" and facts.balance_amount is not None:
        return facts.balance_amount
    return facts.claimed_amount


def order_words(facts: Facts) -> str:
    """订单号…, or for a private transfer without one (R15) the transaction number."""
    if facts.order_number:
        return f"订单号{facts.order_number}"
    return f"交易单号{facts.transaction_number}（私下转账，无订单号）"


def paid_words(facts: Facts) -> str:
    """支付¥X; on a several-item order also the count, the sum claimed and what works."""
    return order_summary(facts).zh if facts.quantity > 1 else f"支付{format_yuan(facts.amount)}"


def void_purchase(facts: Facts) -> bool:
    """R14, under 8 (民法典 20/144): void, so there is nothing to ratify or refuse."""
    return facts.minor_age is not None and facts.minor_age < LIMITED_CAPACITY_AGE


def buyer(facts: Facts, assessment: Assessment) -> str:
    if assessment.route != "minor":
        return "我"
    if facts.minor_age is None:
        return "我的孩子（未成年人）"
    return f"我的孩子（{facts.minor_age}岁）"


def purchase_line(facts: Facts, assessment: Assessment, room: Room) -> str:
    payment = PAYMENT_METHOD_ZH.get(facts.payment_method, "其他方式")
    transaction = ""
    if facts.transaction_number and room.transaction and facts.order_number:
        transaction = f"（交易单号{facts.transaction_number}）"
    return (
        f"{buyer(facts, assessment)}于{format_time(facts)}在{where(facts, room.name)}"
        f"购买“{facts.product_name.strip()}”，"
        f"{order_words(facts)}，通过{payment}{paid_words(facts)}{transaction}。"
    )


def contact_line(facts: Facts, room: Room) -> str:
    """When the user already asked the shop, and what it answered; "" if they did not."""
    if not (facts.contacted and facts.contacted_on):
        return ""
    answer = RESPONSE_ZH.get(facts.merchant_response, "")
    words = quote(facts.merchant_response_text, room.reply)
    if words:
        answer = f"贵店答复：{words}"
    contact = f"我已于{format_date(facts.contacted_on).zh}联系贵店"
    return closed(f"{contact}，{answer}") if answer else f"{contact}。"


def fact_lines(facts: Facts, assessment: Assessment, room: Room) -> list[str]:
    """The 事实 section, written to the shop."""
    lines = [purchase_line(facts, assessment, room), problem(facts, assessment, room)]
    if facts.transfer_requested_by_seller and facts.payment_method == "private_transfer":
        lines.append("上述私下转账系按贵店工作人员的要求进行。")
    told = excerpt(facts.description, room.description)
    if told:
        lines.append(closed(f"具体情况：{told}"))
    lines.append(contact_line(facts, room))
    return [line for line in lines if line]


def dated_demand(facts: Facts, assessment: Assessment, sent: date | None = None) -> Text:
    """The assessment's demand with its term as a date, counted from the day it is sent
    (the draft's date, facts.today, unless an event recorded the sending)."""
    term = assessment.demand_term
    if term is None or term.until is not None:
        return assessment.demand
    due = Term(until=term.due(sent or facts.today)).words
    return Text(
        assessment.demand.zh.replace(term.words.zh, due.zh),
        assessment.demand.en.replace(term.words.en, due.en),
    )


def sent_event(events: tuple[Event, ...]) -> Event | None:
    """The first time the user recorded sending the demand, if they did."""
    return next((event for event in sorted(events, key=_on) if event.kind == "sent"), None)


def _on(event: Event) -> date:
    return event.on


_ANSWERS = {
    "refused": "商家于{day}拒绝。",
    "replied": "商家于{day}作出答复。",
    "no_answer": "截至{day}，商家未在期限内答复。",
}


def demand_sent_line(facts: Facts, assessment: Assessment, events: tuple[Event, ...] = ()) -> str:
    """For third parties: what the shop is asked. "Already sent" and the shop's answer only
    from recorded events; the drafts are usually written before anything went out."""
    what = "解除合同通知" if rescission_due(facts) else "书面要求"
    sent = sent_event(events)
    if sent is None:
        demand = dated_demand(facts, assessment).zh
        return f"我同时向商家发出{what}：{quote(demand, len(demand) + 2)}"
    demand = dated_demand(facts, assessment, sent.on).zh
    line = f"我已于{format_date(sent.on).zh}向商家发出{what}：{quote(demand, len(demand) + 2)}"
    later = [e for e in sorted(events, key=_on) if e.kind in _ANSWERS and e.on >= sent.on]
    if later:
        line += _ANSWERS[later[-1].kind].format(day=format_date(later[-1].on).zh)
    return line


def problem(facts: Facts, assessment: Assessment, room: Room) -> str:
    item_zh, _item_en = item_words(facts)
    found = format_date(facts.discovered_on).zh
    if assessment.route == "minor":
        if facts.guardian_consented is False:
            if void_purchase(facts):
                return "孩子不满八周岁，该交易由其独自完成，依法无效。"
            return "该交易未经我（监护人）同意，我不予追认。"
        if void_purchase(facts):
            return "孩子不满八周岁，依法不能独自实施该交易。"
        return "我（监护人）对该交易不予追认。"
    if assessment.route == "not_yet_due":
        return "目前订单尚未发货，想确认具体的发货时间。"
    if facts.problem == "not_delivered":
        return _undelivered(facts)
    if facts.problem == "balance_stuck":
        balance = facts.balance_amount if facts.balance_amount is not None else facts.amount
        gone = "贵站目前已关闭或无法联系，" if facts.site_closed else ""
        blocked = _BLOCKED_ZH.get(facts.balance_blocked, "无法正常使用或提现")
        return f"{gone}我在贵站的余额{format_yuan(balance)}目前{blocked}。"
    if facts.problem in ("invalid_key", "wrong_item", "stopped_working"):
        line = f"我于{found}发现，收到的{item_zh}{fault(facts).zh}。"
        if facts.used_before_confirmed:
            line = f"我于{found}发现收到的{item_zh}无法使用，经官方客服确认，其在交付前已被使用。"
        if assessment.route == "seller_promise":
            line += _promise(facts, room)
        return line
    if assessment.route == "seller_promise":
        return _promise(facts, room)
    if assessment.route == "no_reason_return":
        unconfirmed = (
            "购买时页面未要求我确认该商品不适用无理由退货。"
            if facts.purchase_confirmation == "no"
            else ""
        )
        return f"我希望办理七日无理由退货，点卡将完好退回。{unconfirmed}"
    return "因个人原因，我不再需要该商品。"


def _undelivered(facts: Facts) -> str:
    late = "，已超过贵店承诺的发货时间" if overdue(facts) else ""
    missing = _NOT_DELIVERED_ZH[facts.product_type]
    if facts.partial:
        missing = f"其中{count(facts, facts.quantity_failed).zh}至今未收到"
    line = f"付款后{missing}{late}。"
    if facts.key_shown == "unreadable":
        line += "订单页面显示的内容不完整、无法识别。"
    if facts.deadline_given and facts.deadline_on:
        due = format_date(facts.deadline_on).zh
        missed = "，贵店逾期仍未发货" if rescission_due(facts) else ""
        line += f"我已书面催告，要求贵店于{due}前发货{missed}。"
    return line


def _promise(facts: Facts, room: Room) -> str:
    words = quote(facts.promise_text, room.quote)
    # "The case meets the promise" only when the user said so, not when they were unsure.
    met = facts.promise_conditions_met == "yes"
    if facts.problem == "stopped_working":
        promise = (
            closed(f"贵店曾作出质保或退款承诺：{words}") if words else "贵店曾作出质保或退款承诺。"
        )
        return promise + ("本次失效在该承诺范围内。" if met else "请贵店按该承诺处理本次失效。")
    promise = closed(f"贵店曾承诺：{words}" if words else "贵店曾承诺可以退款")
    return promise + ("我的情况符合该承诺的条件。" if met else "请贵店按该承诺处理。")


def problem_en(facts: Facts) -> str:
    """The problem in a few English words, for the explanations."""
    _zh, item_en = item_words(facts)
    if facts.problem == "not_delivered":
        return f"the {item_en} never arrived"
    if facts.problem == "balance_stuck":
        return f"your site balance of {format_yuan(refund_amount(facts))} is blocked"
    if facts.problem == "changed_mind":
        return "you no longer want it"
    if facts.problem == "child_bought":
        # R14: the buyer is the issue, not the item, which has no fault to name.
        return "your child bought it without your agreement"
    return f"the {item_en} {fault(facts).en}"


def grounds(assessment: Assessment) -> list[law.Article]:
    """The assessment's articles a demand rests on, in the assessment's order."""
    return [a for a in assessment.citations if a not in NOT_GROUNDS]


def cite(articles: list[law.Article], separator: str = "；\n") -> str:
    """One entry per instrument ("《…》第五十三条、第二十六条…"), so long titles appear once."""
    by_law: dict[str, list[str]] = {}
    for article in dict.fromkeys(articles):
        by_law.setdefault(article.law, []).append(article.article)
    return separator.join(f"{title}{'、'.join(labels)}" for title, labels in by_law.items()) + "。"


def channel_citations(assessment: Assessment, key: str) -> list[law.Article]:
    return [a for c in assessment.channels if c.key == key for a in c.citations]


def demand_en(demand: Text) -> str:
    """The first sentence of the English demand ("Ask the shop to …") as a clause."""
    text = demand.en.split(". ")[0].rstrip(".")
    return text[:1].lower() + text[1:]


def joined(texts: list[Text]) -> Text | None:
    """Several cautions as one, or None when there are none."""
    if not texts:
        return None
    return Text("".join(t.zh for t in texts), " ".join(t.en for t in texts))


def _order_en(facts: Facts) -> str:
    if facts.order_number:
        return f"Order {facts.order_number}"
    return f"Payment {facts.transaction_number} (no order number)"


def about_en(facts: Facts) -> str:
    """The English sentence every explanation opens with after the disclaimer."""
    day = format_date(facts.purchase_date).en
    return (
        f"{_order_en(facts)} ({format_yuan(facts.amount)}, bought on {day}): {problem_en(facts)}."
    )


EXPLAINS = Text(
    "这是对系统生成的中文草稿的说明；你修改草稿后，这里不会跟着改。",
    "This explains the Chinese draft as we generated it; it is not a translation of any "
    "edits you make.",
)
