"""A post for 小红书 or 抖音: what happened, in facts a screenshot can prove.

No legal threats, no citations, no labels such as "骗子": public words about a shop carry a
defamation risk (LEGAL_BASIS §2.5). The order number is partly masked and nothing personal
(transaction number, chat quotes, the user's own free text) is copied in.
"""

from claims.domain.assessment import CONSUMER_ROUTES, Assessment
from claims.domain.drafting.common import (
    EXPLAINS,
    RESPONSE_ZH,
    Draft,
    Room,
    about_en,
    paid_words,
    problem,
    refund_amount,
    sent_event,
    third_person,
)
from claims.domain.escalation import Event
from claims.domain.facts import Facts
from claims.domain.formatting import format_date, format_yuan
from claims.domain.places import ATTACH, WHERE
from claims.domain.rules.defects import item_words
from claims.domain.text import Text

POST_LENGTH = 300
_ROOM = Room(description=0, reply=0, quote=0, name=16, transaction=False)


def mask(number: str) -> str:
    """KM202611201432001 -> KM20****001: enough to recognise, too little to reuse."""
    number = number.strip()
    if len(number) >= 10:
        return f"{number[:4]}****{number[-3:]}"
    if len(number) >= 4:
        return f"{number[:2]}****{number[-1:]}"
    return "****"


def social_drafts(
    facts: Facts, assessment: Assessment, events: tuple[Event, ...] = ()
) -> list[Draft]:
    """Only on a consumer claim; not for a child's purchase, whose details stay private."""
    if assessment.route not in CONSUMER_ROUTES or assessment.route == "minor":
        return []
    refund = format_yuan(refund_amount(facts))
    return [
        Draft(
            key="social_post",
            title=Text("小红书/抖音帖子", "Post for Xiaohongshu or Douyin"),
            text=_text(facts, assessment, refund, events),
            hard_limit=None,
            suggested_length=POST_LENGTH,
            explanation=Text(
                f"{EXPLAINS.zh}这篇帖子只写能用截图证明的事实和你的诉求（退还{refund}），"
                "订单号已部分遮挡，不引用法条，也不威胁店家。",
                f"{EXPLAINS.en} {about_en(facts)} The post sticks to facts your screenshots "
                f"prove and your request ({refund} back); the order number is partly masked, "
                "and it cites no law and makes no threats.",
            ),
            where=WHERE["social_post"],
            attach=ATTACH["social_post"],
            warning=Text(
                "只写能用截图证明的事实，不要辱骂、猜测或夸大，否则可能侵害店家名誉、要承担责任。"
                "不要用“不退款就曝光”来要挟店家，这可能被当作敲诈勒索。"
                "发帖前遮挡卡密、交易单号、手机号和聊天对象的个人信息。",
                "Write only facts your screenshots prove: no insults, guesses or exaggeration, "
                "or you risk a defamation claim. Never threaten to post unless the shop "
                "refunds: that can count as extortion. Cover card keys, transaction numbers, "
                "phone numbers and anyone's personal details first.",
            ),
        )
    ]


def _text(facts: Facts, assessment: Assessment, refund: str, events: tuple[Event, ...]) -> str:
    item_zh, _item_en = item_words(facts)
    platform, shop = facts.platform_name.strip(), facts.shop_name.strip()
    site = f"“{platform}”（店铺“{shop}”）" if platform and shop and platform != shop else ""
    site = site or f"“{platform or shop}”"
    lines = [
        f"记录：在{site}购买{item_zh}后的退款经历",
        f"{format_date(facts.purchase_date).zh}，我在{site}购买了“{facts.product_name.strip()}”，"
        f"{f'订单号{mask(facts.order_number)}' if facts.order_number else '私下转账付款'}，"
        f"{paid_words(facts)}。",
        _shop_words(problem(facts, assessment, _ROOM)),
    ]
    if facts.site_closed:
        lines.append("目前该网站已经关闭或无法联系。")
    elif "vanished" in facts.fraud_signs:
        lines.append("付款后，店家和网站已经联系不上。")
    if facts.contacted and facts.contacted_on:
        answer = _shop_words(RESPONSE_ZH.get(facts.merchant_response, ""))
        contact = f"我于{format_date(facts.contacted_on).zh}联系店家"
        lines.append(f"{contact}，{answer}。" if answer else f"{contact}。")
    sent = sent_event(events)
    if sent is not None:
        lines.append(f"我于{format_date(sent.on).zh}向店家书面提出诉求：退还{refund}。")
    else:
        lines.append(f"我的诉求：退还{refund}。")
    if not any(event.kind == "refunded" for event in events):
        lines.append("截至发帖时，还没有收到退款。")
    if facts.order_number:
        lines.append("订单号已部分遮挡。")
    return "\n".join(lines)


def _shop_words(text: str) -> str:
    """The everyday word for the shop (店家) rather than the formal one (商家)."""
    return third_person(text).replace("商家", "店家")
