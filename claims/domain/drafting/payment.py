"""Drafts for the payment platforms: 支付宝 and 微信支付 transaction complaints.

WeChat Pay's complaint text holds 300 characters (LEGAL_BASIS §2.3, inferred from the API's
string[1,300]); it is the only hard limit. Alipay's limit is unverified, so the same short
text is only a suggestion there. Both shorten step by step, the same way every time.
"""

from claims.domain.assessment import Assessment
from claims.domain.drafting.common import (
    EXPLAINS,
    Draft,
    Room,
    about_en,
    buyer,
    channel_citations,
    cite,
    demand_sent_line,
    fact_lines,
    grounds,
    order_words,
    paid_words,
    problem,
    refund_amount,
    third_person,
    where,
)
from claims.domain.escalation import Event
from claims.domain.facts import Facts
from claims.domain.formatting import format_date, format_yuan
from claims.domain.places import ATTACH, WHERE
from claims.domain.text import Text

WECHAT_LIMIT = 300
ALIPAY_LENGTH = 300
_PLATFORMS = {
    "alipay": ("alipay", Text("支付宝", "Alipay")),
    "wechat": ("wechat_pay", Text("微信支付", "WeChat Pay")),
}
_FULL = Room(description=60, reply=20, quote=20, name=16, transaction=False)
_SHORT = Room(description=0, reply=0, quote=0, name=10, transaction=False)
_SHORTEST = Room(description=0, reply=0, quote=0, name=6, transaction=False)
# (room, how many grounds, cite the payment regulation?) from the fullest to the shortest.
_VARIANTS = (
    (_FULL, 2, True),
    (_SHORT, 2, True),
    (_SHORT, 1, False),
    (_SHORTEST, 1, False),
)


def payment_drafts(
    facts: Facts, assessment: Assessment, events: tuple[Event, ...] = ()
) -> list[Draft]:
    """A draft for Alipay or WeChat Pay when that is how the user paid and R13 sends them."""
    if facts.payment_method not in _PLATFORMS:
        return []
    if not any(channel.key == "payment" for channel in assessment.channels):
        return []
    key, platform = _PLATFORMS[facts.payment_method]
    limit = WECHAT_LIMIT if key == "wechat_pay" else ALIPAY_LENGTH
    text = _fitted(facts, assessment, platform.zh, limit, events)
    first = grounds(assessment)[:1]
    basis = f"，依据{first[0].citation_zh}" if first else ""
    shortened = Text("", "")
    if key == "wechat_pay":
        shortened = Text(
            "微信支付的投诉内容最多300字，这份草稿已经控制在限制以内。",
            " WeChat Pay takes at most 300 characters, and the draft fits.",
        )
    refund = format_yuan(refund_amount(facts))
    return [
        Draft(
            key=key,
            title=Text(f"{platform.zh}交易投诉", f"{platform.en} transaction complaint"),
            text=text,
            hard_limit=WECHAT_LIMIT if key == "wechat_pay" else None,
            suggested_length=None if key == "wechat_pay" else ALIPAY_LENGTH,
            explanation=Text(
                f"{EXPLAINS.zh}这份投诉请{platform.zh}督促商家退还{refund}{basis}；"
                f"事实和给店家的催告一致。{shortened.zh}",
                f"{EXPLAINS.en} {about_en(facts)} It asks {platform.en} to make the merchant "
                f"refund {refund}, with the same facts as your demand to the shop."
                f"{shortened.en}",
            ),
            where=WHERE[key],
            attach=ATTACH[key],
            warning=Text(
                "收款方名称可能和网站名不同（不少小网站用第三方收款），以账单上的收款方为准。"
                "投诉后网站可能把你拉黑，投诉前先保存好订单页面截图。",
                "The payee's name may differ from the site's (many small sites take payment "
                "through a third party); go by the payee in your bill. The site may block you "
                "after a complaint, so save the order page first.",
            ),
        )
    ]


def _fitted(
    facts: Facts, assessment: Assessment, platform: str, limit: int, events: tuple[Event, ...]
) -> str:
    for room, cited, regulation in _VARIANTS:
        text = _text(facts, assessment, platform, room, cited, regulation, events)
        if len(text) <= limit:
            return text
    return _minimal(facts, assessment, platform, limit, events)


def _text(
    facts: Facts,
    assessment: Assessment,
    platform: str,
    room: Room,
    cited: int,
    regulation: bool,
    events: tuple[Event, ...],
) -> str:
    found = grounds(assessment)[:cited]
    basis = cite(found, "；") if found else ""
    if regulation:
        basis += (
            f"支付机构应当及时妥善处理与用户的争议"
            f"（{cite(channel_citations(assessment, 'payment'), '；').rstrip('。')}）。"
        )
    lines = [
        "【事实】",
        *(third_person(line) for line in fact_lines(facts, assessment, room)),
        demand_sent_line(facts, assessment, events),
        "【诉求】",
        f"请{platform}督促商家退还{format_yuan(refund_amount(facts))}。",
    ]
    if basis:
        lines += ["【依据】", basis]
    return "\n".join(lines)


def _minimal(
    facts: Facts, assessment: Assessment, platform: str, limit: int, events: tuple[Event, ...]
) -> str:
    """The last step: the order, demand and basis stay; the product's whole name and then the
    problem sentence fill what is left, never cut mid-name or mid-sentence."""
    found = grounds(assessment)[:1]
    tail = "\n".join(
        [
            demand_sent_line(facts, assessment, events),
            "【诉求】",
            f"请{platform}督促商家退还{format_yuan(refund_amount(facts))}。",
            *(["【依据】", cite(found, "；")] if found else []),
        ]
    )
    middle = third_person(problem(facts, assessment, _SHORTEST))
    for product, told in ((True, True), (True, False), (False, True), (False, False)):
        text = _minimal_text(facts, assessment, tail, middle if told else "", product)
        if len(text) <= limit:
            return text
    return text


def _minimal_text(
    facts: Facts, assessment: Assessment, tail: str, middle: str, product: bool
) -> str:
    name = f"“{facts.product_name.strip()}”" if product and facts.product_name.strip() else ""
    site = where(facts, 6)
    at = "" if site == "贵店" else f"在{site}"
    head = (
        f"【事实】\n{buyer(facts, assessment)}于{format_date(facts.purchase_date).zh}{at}"
        f"购买{name}，{order_words(facts)}，"
        f"{paid_words(facts)}。"
    )
    return f"{head}{middle}\n{tail}"
