"""The dossier's one chronology: every dated fact in one table, each line citing its exhibit.

The purchase and payment, the delivery, the problem, every contact and reply the user
recorded up to the signature and the capture time of each screenshot, merged and sorted.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.utils import timezone

from claims.domain.drafting.common import RESPONSE_ZH, third_person

# What the user recorded, told to a third party (the UI's labels speak as the user: "I sent…").
EVENT_TEXT = {
    "sent": "申请人向商家发送消息或书面催告",
    "replied": "商家答复",
    "refused": "商家拒绝退款",
    "refunded": "申请人已收到退款",
    "no_answer": "商家在期限内未答复",
    "filed_payment": "申请人向支付平台投诉",
    "filed_12315": "申请人向12315投诉",
    "filed_association": "申请人申请消费者协会调解",
}


@dataclass
class TimelineEntry:
    day: date
    at: time | None
    text: str
    exhibits: list = field(default_factory=list)
    quote: str = ""  # the user's note on a recorded event, printed as they wrote it


def _order_words(facts) -> str:
    """R15: a private transfer has no order number; never print an empty one."""
    if facts.order_number:
        return f"订单号 {facts.order_number}"
    return f"私下转账，无订单号；支付交易号 {facts.transaction_number}"


def timeline(claim, facts, answers, events, exhibits, by_item) -> list[TimelineEntry]:
    """Known dates from the facts, what the user recorded up to the signature, the captures."""
    entries = []

    def add(when, text, *refs, quote=""):
        shown = [r for r in refs if r]
        if isinstance(when, datetime):
            local = timezone.localtime(when)
            entries.append(TimelineEntry(local.date(), local.time(), text, shown, quote))
        elif when:
            entries.append(TimelineEntry(when, None, text, shown, quote))

    def of(category):
        return [e for e in exhibits if e.item.category == category]

    if facts:
        add(
            facts.purchased_at,
            f"申请人在“{facts.platform_name}”下单购买“{facts.product_name}”，"
            f"通过{answers.get('payment_method', '')}付款{answers.get('amount', '')}"
            f"（{_order_words(facts)}）",
            *of("transaction"),
        )
        add(facts.delivered_on, "申请人收到商品")
        add(facts.discovered_on, f"发现问题：{answers.get('problem', '')}", *of("product_state"))
        if facts.contacted and facts.contacted_on:
            reply = RESPONSE_ZH.get(facts.merchant_response, "")
            add(
                facts.contacted_on,
                f"申请人首次联系商家{f'，{third_person(reply)}' if reply else ''}",
                *of("merchant_breach"),
                quote=facts.merchant_response_text.strip(),
            )
        if facts.deadline_given and facts.deadline_on:
            add(facts.deadline_on, "申请人书面给出的期限届满")
    for event in events:
        text = EVENT_TEXT.get(event.kind, event.get_kind_display())
        add(event.happened_on, text, by_item.get(event.evidence_id), quote=event.note)
    for exhibit in exhibits:
        if exhibit.capture:
            caption = exhibit.item.caption or exhibit.item.get_category_display()
            add(exhibit.capture.at, f"拍摄或截取：{caption}", exhibit)
    add(claim.completed_at, "申请人确认所述事实并签署本材料")
    # On one day, what has a time comes first: the order, then what the user dated only.
    entries.sort(key=lambda entry: (entry.day, entry.at is None, entry.at or time()))
    return entries
