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
    clip,
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


def payment_drafts(facts: Facts, assessment: Assessment) -> list[Draft]:
    """A draft for Alipay or WeChat Pay when that is how the user paid and R13 sends them."""
    if facts.payment_method not in _PLATFORMS:
        return []
    if not any(channel.key == "payment" for channel in assessment.channels):
        return []
    key, platform = _PLATFORMS[facts.payment_method]
    limit = WECHAT_LIMIT if key == "wechat_pay" else ALIPAY_LENGTH
    text = _fitted(facts, assessment, platform.zh, limit)
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


def _fitted(facts: Facts, assessment: Assessment, platform: str, limit: int) -> str:
    for room, cited, regulation in _VARIANTS:
        text = _text(facts, assessment, platform, room, cited, regulation)
        if len(text) <= limit:
            return text
    return _minimal(facts, assessment, platform, limit)


def _text(
    facts: Facts, assessment: Assessment, platform: str, room: Room, cited: int, regulation: bool
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
        demand_sent_line(facts, assessment),
        "【诉求】",
        f"请{platform}督促商家退还{format_yuan(refund_amount(facts))}。",
    ]
    if basis:
        lines += ["【依据】", basis]
    return "\n".join(lines)


def _minimal(facts: Facts, assessment: Assessment, platform: str, limit: int) -> str:
    """The last step: the problem sentence gives way so the order, demand and basis stay."""
    found = grounds(assessment)[:1]
    head = (
        f"【事实】\n{buyer(facts, assessment)}于{format_date(facts.purchase_date).zh}在"
        f"{where(facts, 6)}购买，{order_words(facts)}，{paid_words(facts)}。"
    )
    tail = "\n".join(
        [
            demand_sent_line(facts, assessment),
            "【诉求】",
            f"请{platform}督促商家退还{format_yuan(refund_amount(facts))}。",
            *(["【依据】", cite(found, "；")] if found else []),
        ]
    )
    room = limit - len(head) - len(tail) - 1
    middle = third_person(problem(facts, assessment, _SHORTEST))
    text = f"{head}{clip(middle, room)}\n{tail}" if room > 1 else f"{head}\n{tail}"
    return text if len(text) <= limit else text[: limit - 1] + "…"
