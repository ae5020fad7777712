"""Drafts for the shop: a short chat message, the written demand (催告, R2), the rescission.

Always Chinese, because the reader is the shop. The written demand is kept short enough to
paste into a chat box; long answers are clipped, the full story goes into the dossier. Once a
written demand's deadline has passed (R2), the letter is a rescission notice instead.
"""

from claims.domain import law
from claims.domain.assessment import CLAIM_ROUTES, Assessment
from claims.domain.deadlines import rescinds
from claims.domain.drafting.common import (
    EXPLAINS,
    Draft,
    Room,
    about_en,
    buyer,
    cite,
    dated_demand,
    demand_en,
    fact_lines,
    format_time,
    grounds,
    joined,
    order_words,
    paid_words,
    problem,
    void_purchase,
)
from claims.domain.drafting.quoting import quote
from claims.domain.facts import Facts
from claims.domain.places import ATTACH, WHERE
from claims.domain.rules.fraud import punitive_sentence
from claims.domain.text import Text

MESSAGE_LIMIT = 1000
CHAT_LENGTH = 200

# Free-text answers are shortened step by step until the message fits.
_ROOMS = (
    Room(description=100, reply=40, quote=30, name=24, transaction=True),
    Room(description=40, reply=20, quote=20, name=16, transaction=True),
    Room(description=0, reply=0, quote=0, name=10, transaction=False),
)
# In the chat, `name` is whether the product's name fits: it is never cut, only left out.
_CHAT_ROOMS = (
    Room(description=0, reply=0, quote=0, name=1, transaction=False),
    Room(description=0, reply=0, quote=0, name=0, transaction=False),
)


def merchant_message(facts: Facts, assessment: Assessment) -> str:
    """The letter as plain text; refuses (ValueError) when the abuse gate blocked documents."""
    if assessment.blocks_documents:
        raise ValueError("no documents may be drafted for a claim stopped by the abuse gate")
    for room in _ROOMS:
        message = _message(facts, assessment, room)
        if len(message) < MESSAGE_LIMIT:
            return message
    return message


def merchant_drafts(facts: Facts, assessment: Assessment) -> list[Draft]:
    """The chat message always; the written demand or, once due, the rescission on claims."""
    found = [_chat(facts, assessment)]
    if assessment.route not in CLAIM_ROUTES:
        return found
    if rescinds(facts, assessment.route):
        found.append(_rescission(facts, assessment))
    else:
        found.append(_demand(facts, assessment))
    return found


def _chat(facts: Facts, assessment: Assessment) -> Draft:
    for room in _CHAT_ROOMS:
        text = _chat_text(facts, assessment, room)
        if len(text) <= CHAT_LENGTH:
            break
    first = grounds(assessment)[:1]
    basis_zh = f"并引用主要依据{first[0].citation_zh}" if first else ""
    basis_en = f" It cites the main legal basis, {first[0].citation_en}." if first else ""
    demand = dated_demand(facts, assessment)
    return Draft(
        key="merchant_chat",
        title=Text("给店家的聊天消息", "Chat message to the shop"),
        text=text,
        hard_limit=None,
        suggested_length=CHAT_LENGTH,
        explanation=Text(
            f"{EXPLAINS.zh}这条简短消息向店家说明{order_words(facts)}的问题，提出诉求{basis_zh}。",
            f"{EXPLAINS.en} {about_en(facts)} This short chat message asks the shop to put it "
            f"right; its demand: {demand_en(demand)}.{basis_en}",
        ),
        where=WHERE["merchant_chat"],
        attach=ATTACH["merchant_chat"],
        warning=_guardian_warning(assessment),
    )


def _chat_text(facts: Facts, assessment: Assessment, room: Room) -> str:
    opener = "您好！"
    if assessment.route == "minor":
        opener = "您好！我是贵店买家（未成年人）的监护人。"
    first = grounds(assessment)[:1]
    basis = cite(first) if first and assessment.route in CLAIM_ROUTES else ""
    product = f"“{facts.product_name.strip()}”" if room.name and facts.product_name.strip() else ""
    return "\n".join(
        [
            opener,
            f"事实：{buyer(facts, assessment)}于{format_time(facts)}购买{product}，"
            f"{order_words(facts)}，"
            f"{paid_words(facts)}。{problem(facts, assessment, room)}",
            f"诉求：{dated_demand(facts, assessment).zh}",
            f"依据：{basis or '本请求为协商请求，恳请贵店酌情考虑。'}",
            "谢谢！",
        ]
    )


def _demand(facts: Facts, assessment: Assessment) -> Draft:
    demand = demand_en(dated_demand(facts, assessment))
    heading = "催告函"
    if assessment.route == "minor":
        heading = "交易无效通知" if void_purchase(facts) else "不予追认通知"
    return Draft(
        key="merchant_demand",
        title=Text("书面催告（写明期限）", "Written demand with a deadline (催告)"),
        text=f"{heading}\n{merchant_message(facts, assessment)}",
        hard_limit=None,
        suggested_length=MESSAGE_LIMIT,
        explanation=Text(
            f"{EXPLAINS.zh}这份书面催告写明{order_words(facts)}的事实、你的诉求和期限，"
            "并列出全部法律依据。期限过了店家仍不处理，就可以按计划向下一个渠道投诉。",
            f"{EXPLAINS.en} {about_en(facts)} This formal written demand sets out the facts "
            f"and gives the shop a deadline; its demand: {demand}. If the deadline passes, "
            "the plan moves you to the next channel.",
        ),
        where=WHERE["merchant_demand"],
        attach=ATTACH["merchant_demand"],
        warning=joined(_letter_warnings(facts, assessment)),
    )


def _rescission(facts: Facts, assessment: Assessment) -> Draft:
    demand = demand_en(dated_demand(facts, assessment))
    return Draft(
        key="merchant_rescission",
        title=Text("解除合同通知", "Notice cancelling the contract"),
        text=merchant_message(facts, assessment),
        hard_limit=None,
        suggested_length=MESSAGE_LIMIT,
        explanation=Text(
            f"{EXPLAINS.zh}你给店家的期限已过，这份通知告诉店家{order_words(facts)}"
            "的合同解除，并要求退款。通知到达店家时合同解除。",
            f"{EXPLAINS.en} {about_en(facts)} The deadline you gave has passed, so this "
            f"notice cancels the contract; its demand: {demand}. The contract ends when the "
            "notice reaches the shop.",
        ),
        where=WHERE["merchant_rescission"],
        attach=ATTACH["merchant_rescission"],
        warning=joined(
            [
                Text(
                    "通知一到达店家就生效，之后不能再要求店家发货，发出前请确认。",
                    "The notice takes effect when it reaches the shop, and you can no longer "
                    "ask for delivery after that: be sure before you send it.",
                ),
                *_letter_warnings(facts, assessment),
            ]
        ),
    )


def _letter_warnings(facts: Facts, assessment: Assessment) -> list[Text]:
    found = []
    guardian = _guardian_warning(assessment)
    if guardian:
        found.append(guardian)
    if assessment.punitive:
        found.append(
            Text(
                "关于增加赔偿的那一句是可选的，不想提就整句删掉。",
                "The sentence about extra compensation is optional: delete it if you don't "
                "want to raise it.",
            )
        )
    if facts.payment_method == "private_transfer":
        found.append(
            Text(
                "你是私下转账付款的，支付宝、微信的“投诉商家”可能用不了，这封信和聊天记录就是关键证据。",
                "You paid by personal transfer, so the payment app's merchant complaint may "
                "not be available: this letter and your chats are the key proof.",
            )
        )
    return found


def _guardian_warning(assessment: Assessment) -> Text | None:
    if assessment.route != "minor":
        return None
    return Text(
        "请由监护人（通常是父母）本人发送。",
        "The guardian (usually a parent) should send this personally.",
    )


def _message(facts: Facts, assessment: Assessment, room: Room) -> str:
    demand = [dated_demand(facts, assessment).zh]
    if assessment.punitive:
        demand.append(punitive_sentence(facts, assessment.punitive))
    return "\n".join(
        [
            *_greeting(facts, assessment),
            "",
            "【事实】",
            "\n".join(fact_lines(facts, assessment, room)),
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


def _greeting(facts: Facts, assessment: Assessment) -> list[str]:
    if assessment.route == "minor":
        return ["您好！我是贵店买家（未成年人）的监护人，现就以下订单提出诉求。"]
    if rescinds(facts, assessment.route):
        return ["解除合同通知", "您好！我是贵店的买家，现就以下订单通知贵店解除合同。"]
    return ["您好！我是贵店的买家，现就以下订单提出诉求。"]


def _basis(facts: Facts, assessment: Assessment, room: Room) -> str:
    found = grounds(assessment)
    if assessment.route not in CLAIM_ROUTES or not found:
        return "本请求为协商请求，恳请贵店酌情考虑。"
    lines = []
    if assessment.route == "minor":
        lines.append(_capacity(facts))
    lines.append(cite(found))
    if law.CPL_25_1_III in assessment.citations and assessment.route == "defect":
        lines.append(
            f"“数字商品不适用七日无理由退货”（{law.CPL_25_1_III.citation_zh}）"
            "只针对无理由退货，不适用于质量问题退货。"
        )
    if facts.no_refund_clause:
        words = quote(facts.clause_text, room.quote)
        clause = f"（{words}）" if words else ""
        lines.append(f"贵店关于不退款的声明{clause}，不能排除或限制上述责任。")
    return "\n".join(lines)


def _capacity(facts: Facts) -> str:
    """The child's capacity as the age the guardian gave puts it (民法典 19, 20)."""
    if facts.minor_age is not None and facts.minor_age < 8:
        return "购买人为不满八周岁的无民事行为能力人，该交易应由监护人代理实施。"
    return "购买人为限制民事行为能力人，该交易须经监护人同意或者追认。"


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
