"""The first message to the shop: facts, demand, legal basis (事实 / 诉求 / 依据).

Pure and always Chinese, because the reader is the shop. Kept short enough to paste into a
shop's chat box; long answers are clipped, the full story goes into the dossier. Once a
written demand's deadline has passed (R2), the message is a rescission notice instead.
"""

from typing import NamedTuple

from claims import law
from claims.assessment import CLAIM_ROUTES, SHANGHAI, Facts, format_date, format_yuan
from claims.deadlines import rescission_due
from claims.defects import fault, item_words
from claims.eligibility import Assessment
from claims.fraud import punitive_sentence
from claims.prepayment import overdue

MESSAGE_LIMIT = 1000

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
}
_RESPONSE_ZH = {
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
_NOT_GROUNDS = (law.CIVIL_188, law.CPL_25_1_III, law.CPL_REG_17, law.CPL_56_1_VIII)


class _Room(NamedTuple):
    """How many characters each free-text answer may take in the message (0: leave it out)."""

    description: int
    reply: int
    quote: int
    name: int
    transaction: bool


# Free-text answers are shortened step by step until the message fits.
_ROOMS = (
    _Room(description=100, reply=40, quote=30, name=24, transaction=True),
    _Room(description=40, reply=20, quote=20, name=16, transaction=True),
    _Room(description=0, reply=0, quote=0, name=10, transaction=False),
)


def merchant_message(facts: Facts, assessment: Assessment) -> str:
    """The message as plain text; refuses (ValueError) when the abuse gate blocked documents."""
    if assessment.blocks_documents:
        raise ValueError("no documents may be drafted for a claim stopped by the abuse gate")
    for room in _ROOMS:
        message = _message(facts, assessment, room)
        if len(message) < MESSAGE_LIMIT:
            return message
    return message


def _message(facts: Facts, assessment: Assessment, room: _Room) -> str:
    demand = [assessment.demand.zh]
    if assessment.punitive:
        demand.append(punitive_sentence(facts, assessment.punitive))
    return "\n".join(
        [
            *_greeting(facts, assessment),
            "",
            "【事实】",
            _facts(facts, assessment, room),
            "",
            "【诉求】",
            *demand,
            "",
            "【依据】",
            _basis(facts, assessment, room),
            "",
            _closing(assessment),
        ]
    )


def format_time(facts: Facts) -> str:
    """Purchase time as 2026年11月20日 14:32, China time whatever zone the datetime carries."""
    moment = facts.purchased_at.astimezone(SHANGHAI)
    return f"{format_date(moment.date()).zh} {moment:%H:%M}"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(facts: Facts, limit: int) -> str:
    platform, shop = _clip(facts.platform_name, limit), _clip(facts.shop_name, limit)
    if platform and shop and platform != shop:
        return f"{platform}的店铺“{shop}”"
    return platform or shop or "贵店"


def _greeting(facts: Facts, assessment: Assessment) -> list[str]:
    if assessment.route == "minor":
        return ["您好！我是贵店买家（未成年人）的监护人，现就以下订单提出诉求。"]
    if rescission_due(facts) and assessment.route in ("non_delivery", "business_purchase"):
        return ["解除合同通知", "您好！我是贵店的买家，现就以下订单通知贵店解除合同。"]
    return ["您好！我是贵店的买家，现就以下订单提出诉求。"]


def _facts(facts: Facts, assessment: Assessment, room: _Room) -> str:
    payment = PAYMENT_METHOD_ZH.get(facts.payment_method, "其他方式")
    transaction = ""
    if facts.transaction_number and room.transaction:
        transaction = f"（交易单号{facts.transaction_number}）"
    buyer = "我"
    if assessment.route == "minor":
        buyer = f"我的孩子（{facts.minor_age}岁）" if facts.minor_age else "我的孩子（未成年人）"
    lines = [
        f"{buyer}于{format_time(facts)}在{_where(facts, room.name)}"
        f"购买“{_clip(facts.product_name, room.name + 6)}”，"
        f"订单号{facts.order_number}，通过{payment}支付{format_yuan(facts.amount)}{transaction}。",
        _problem(facts, assessment, room),
    ]
    if facts.transfer_requested_by_seller and facts.payment_method == "private_transfer":
        lines.append("上述私下转账系按贵店工作人员的要求进行。")
    if facts.description.strip() and room.description:
        lines.append(f"具体情况：{_clip(facts.description, room.description)}")
    if facts.contacted and facts.contacted_on:
        answer = _RESPONSE_ZH.get(facts.merchant_response, "")
        if facts.merchant_response_text.strip() and room.reply:
            answer = f"贵店答复：“{_clip(facts.merchant_response_text, room.reply)}”"
        contact = f"我已于{format_date(facts.contacted_on).zh}联系贵店"
        lines.append(f"{contact}，{answer}。" if answer else f"{contact}。")
    return "\n".join(line for line in lines if line)


def _problem(facts: Facts, assessment: Assessment, room: _Room) -> str:
    item_zh, _item_en = item_words(facts)
    found = format_date(facts.discovered_on).zh
    if assessment.route == "minor":
        return "该交易未经我（监护人）同意，我不予追认。"
    if assessment.route == "not_yet_due":
        return "目前订单尚未发货，想确认具体的发货时间。"
    if facts.problem == "not_delivered":
        return _undelivered(facts)
    if facts.problem == "balance_stuck":
        balance = facts.balance_amount if facts.balance_amount is not None else facts.amount
        closed = "贵站已停止经营，" if facts.site_closed else ""
        blocked = _BLOCKED_ZH.get(facts.balance_blocked, "无法正常使用或提现")
        return f"{closed}我在贵站的余额{format_yuan(balance)}目前{blocked}。"
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
    line = f"付款后{_NOT_DELIVERED_ZH[facts.product_type]}{late}。"
    if facts.key_shown == "unreadable":
        line += "订单页面显示的内容不完整、无法识别。"
    if facts.deadline_given and facts.deadline_on:
        due = format_date(facts.deadline_on).zh
        missed = "，贵店逾期仍未发货" if rescission_due(facts) else ""
        line += f"我已书面催告，要求贵店于{due}前发货{missed}。"
    return line


def _promise(facts: Facts, room: _Room) -> str:
    promise = ""
    if facts.promise_text.strip() and room.quote:
        promise = f"“{_clip(facts.promise_text, room.quote)}”"
    if facts.problem == "stopped_working":
        return f"贵店曾作出质保或退款承诺{promise}，本次失效在该承诺范围内。"
    return f"贵店曾承诺{promise}可以退款，我的情况符合该承诺的条件。"


def _basis(facts: Facts, assessment: Assessment, room: _Room) -> str:
    grounds = [a for a in assessment.citations if a not in _NOT_GROUNDS]
    if assessment.route not in CLAIM_ROUTES or not grounds:
        return "本请求为协商请求，恳请贵店酌情考虑。"
    lines = []
    if assessment.route == "minor":
        # 民法典 19/145 are not quoted in the reference, so they are stated, not cited.
        lines.append("购买人为限制民事行为能力人，该交易须经监护人同意或者追认。")
    lines.append(_citations(grounds))
    if law.CPL_25_1_III in assessment.citations and assessment.route == "defect":
        lines.append(
            f"“数字商品不适用七日无理由退货”（{law.CPL_25_1_III.citation_zh}）"
            "只针对无理由退货，不适用于质量问题退货。"
        )
    if facts.no_refund_clause:
        clause = "不退款"
        if facts.clause_text.strip() and room.quote:
            clause = f"“{_clip(facts.clause_text, room.quote)}”"
        lines.append(f"贵店{clause}的声明，不能排除或限制上述责任。")
    return "\n".join(lines)


def _citations(grounds: list[law.Article]) -> str:
    """One line per instrument ("《…》第五十三条、第二十六条…"), so long titles appear once."""
    by_law: dict[str, list[str]] = {}
    for article in grounds:
        by_law.setdefault(article.law, []).append(article.article)
    return "；\n".join(f"{title}{'、'.join(labels)}" for title, labels in by_law.items()) + "。"


def _closing(assessment: Assessment) -> str:
    if assessment.route not in CLAIM_ROUTES:
        return "感谢理解，期待您的回复。"
    names = {channel.key: channel.name.zh for channel in assessment.channels}
    steps = []
    if "payment" in names:
        steps.append(names["payment"])
    if "12315" in names:
        steps.append("向全国12315平台投诉")
    if "report" in names:
        steps.append("就相关违法行为举报")
    if "12315" not in names:
        steps.append("通过诉讼等合法途径解决")
    elif "payment" not in names:
        steps.append("通过其他合法途径维权")
    listed = "，".join(steps[:-1]) + "，并" + steps[-1] if len(steps) > 1 else steps[0]
    return f"如贵店未在上述期限内处理，我将{listed}。谢谢配合。"
