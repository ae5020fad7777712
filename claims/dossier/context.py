"""What the dossier template is given: the claim's facts arranged for a third party to read.

Everything here is plain data for templates/dossier/dossier.html; the wording is Chinese
because the dossier's readers are Chinese offices. Call it inside translation.override("zh-hans").
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from claims.domain import timebars
from claims.domain.drafting.common import cite
from claims.domain.eligibility import assess
from claims.domain.quantity import order_summary
from claims.dossier.chronology import EVENT_TEXT, timeline
from claims.dossier.preview import dated_demand_for as _dated_demand
from claims.dossier.preview import statement_for
from claims.dossier.statement import (
    RECIPIENTS,
    basis_articles,
    chosen_recipient,
    offered_recipients,
)
from claims.evidence import exhibit_images
from claims.followup import plan_for
from claims.wizard.facts import facts_for_claim, prefixed_step_data
from claims.wizard.review import answer_sections
from claims.wizard.signature import ClaimContent, events_after_signing
from claims.wizard.steps import FORMS, active_steps

# The texts addressed to the seller go into the dossier; the complaints are filed elsewhere.
SELLER_TEXT_TITLES = {
    "merchant_chat": "致商家的消息",
    "merchant_demand": "书面催告",
    "merchant_rescission": "解除合同通知",
}
# The wizard asks the user ("你买的商品"); the dossier states facts for a third party.
DOSSIER_LABELS = {
    "platform_name": "交易网站/平台",
    "site_address": "网址",
    "shop_name": "店铺/分站",
    "order_number": "订单号",
    "product_name": "商品名称",
    "product_type": "商品类型",
    "amount": "支付金额",
    "purchased_at": "付款时间",
    "payment_method": "支付方式",
    "transaction_number": "支付交易号",
    "problem": "问题",
    "delivery_overdue": "是否已超过承诺的发货时间",
    "redeemed": "商品是否曾兑换成功或到账",
    "discovered_on": "发现问题的日期",
    "description": "情况说明",
    "contacted": "是否已联系商家",
    "contacted_on": "首次联系商家的日期",
    "merchant_response": "商家答复",
    "merchant_response_text": "商家原话",
    "refund_promise": "商家是否承诺可退款",
    "promise_text": "承诺内容",
    "promise_conditions_met": "是否符合承诺的条件",
    "no_refund_clause": "网站是否声明虚拟商品不退款",
    "clause_text": "相关条款及位置",
    "purchase_confirmation": "购买时是否需本人确认不可退货",
    "transfer_requested_by_seller": "是否应商家要求私下转账",
    "purpose": "购买用途",
    "buyer_age": "付款人",
    "minor_age": "付款时未成年人年龄",
    "guardian_consented": "监护人是否同意或追认",
    "promised_delivery": "承诺的发货时间",
    "key_shown": "订单页面显示",
    "delivered_on": "收到商品的日期",
    "defect_kind": "具体问题",
    "used_before_confirmed": "官方客服是否确认卡密在交付前已被使用",
    "balance_amount": "站内余额",
    "balance_blocked": "余额受限情况",
    "site_closed": "网站是否已关闭或失联",
    "deadline_given": "是否已书面给出期限",
    "deadline_on": "期限截止日",
    "operator_name": "网站经营者名称",
    "operator_address": "经营者地址",
    "icp_number": "ICP备案号",
    "payee_name": "收款方名称",
    "sold_on_platform": "是否为平台内店铺（分站）",
    "fraud_signs": "其他情况",
    "no_order_number": "无订单号（私下转账）",
    "items": "购买件数",
    "quantity": "购买数量",
    "quantity_failed": "出现问题的数量",
    "same_price": "每件价格是否相同",
    "amount_claimed": "出现问题部分的金额",
    "demand": "首次联系时是否已要求退款、更换或修复",
    "demanded_on": "提出退款、更换或修复要求的日期",
    "promise_days": "承诺的退款期限（购买后天数）",
    "promise_condition": "承诺的条件",
}
# The order data the dossier prints once, as a table; identity (a phone number) stays out.
ORDER_STEPS = ("order", "items", "seller")
# Which exhibits each chapter points to, by category.
CHAPTER_EVIDENCE = {
    "order": ("transaction", "operator_identity"),
    "timeline": ("product_state",),
    "messages": ("merchant_breach",),
}
CHAPTERS = {
    "order": ("订单与支付", "Order and payment"),
    "timeline": ("事实经过", "Chronology"),
    "assessment": ("评估意见与法律依据", "Assessment and legal basis"),
    "messages": ("致商家的文本", "Messages to the seller"),
    "exhibits": ("证据清单", "Exhibit index"),
    "plan": ("后续处理安排", "Escalation plan"),
    "declaration": ("申请人声明", "Declaration"),
    "after_signing": ("签署后记录的事项", "Recorded after signing"),
}
NUMERALS = "一二三四五六七八九十"
# The order of the support follows the reader: the seller and a payment platform check the
# order first, 12315 and the 消协 the story, a report the conduct and its provisions.
SUPPORT_ORDER = {
    "seller": ("order", "timeline", "messages", "assessment"),
    "alipay": ("order", "timeline", "messages", "assessment"),
    "wechat": ("order", "timeline", "messages", "assessment"),
    "12315": ("timeline", "order", "assessment", "messages"),
    "association": ("timeline", "order", "assessment", "messages"),
    "report": ("assessment", "timeline", "order", "messages"),
}
# The exhibits come last: only they start pages of their own, one each.
CLOSING_ORDER = ("plan", "declaration", "after_signing", "exhibits")


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    en: str

    @property
    def anchor(self) -> str:
        return f"chapter-{self.key}"


@dataclass(frozen=True)
class Shown:
    """One picture on an exhibit page: a PDF's page or a recording's frame."""

    url: str
    alt: str
    label: str


@dataclass(frozen=True)
class ExhibitPictures:
    """What the exhibit page of a PDF or a video prints in place of the file itself."""

    status: str  # "ready", "pending" or "failed"
    pictures: list[Shown]
    note: str = ""  # the pages left out
    portrait: bool = True


def build_context(
    claim, manifest, exhibits, *, english_headings=False, embedded=None, recipient=None
) -> dict:
    """`embedded`: None for the dossier to send, else the exhibits the archive copy embeds;
    `recipient`: a key of RECIPIENTS the assessment offers (None: the default reader)."""
    facts = facts_for_claim(claim)
    assessment = assess(facts) if facts else None
    offered = offered_recipients(facts, assessment)
    reader = RECIPIENTS[chosen_recipient(recipient, offered) or "seller"]
    step_data = prefixed_step_data(claim.answers)
    sections = answer_sections(
        step_data,
        active_steps(step_data),
        form_for=lambda step, data: FORMS[step](data=data, prefix=step),
    )
    answers = {name: value for section in sections for name, _label, value in section["rows"]}
    for section in sections:
        section["rows"] = [
            (DOSSIER_LABELS.get(name, label), value) for name, label, value in section["rows"]
        ]
    # What the signature covers is what is printed: the texts as they read when signed, and
    # the events recorded up to then; what was recorded since has its own section.
    texts = ClaimContent.of(claim).texts
    after_signing = events_after_signing(claim)
    later = {event.pk for event in after_signing}
    events = [event for event in claim.events.all() if event.pk not in later]
    by_item = {exhibit.item.pk: exhibit for exhibit in exhibits}
    refs = {
        chapter: [exhibit for exhibit in exhibits if exhibit.item.category in categories]
        for chapter, categories in CHAPTER_EVIDENCE.items()
    }
    plan = [step for step in plan_for(claim) if step.status != "skipped"]
    seller_texts = [
        (title, texts[key]) for key, title in SELLER_TEXT_TITLES.items() if key in texts
    ]
    # A third party reads the formal texts (demand, rescission); the chat message only when
    # there is none, as it says the same in fewer words.
    formal = [
        (title, text)
        for title, text in seller_texts
        if title != SELLER_TEXT_TITLES["merchant_chat"]
    ]
    seller_texts = formal or seller_texts
    later_events = [
        (
            event,
            EVENT_TEXT[event.kind],
            [by_item[event.evidence_id]] if event.evidence_id in by_item else [],
        )
        for event in after_signing
    ]
    present = {
        "order": any(section["step"] in ORDER_STEPS for section in sections),
        "timeline": True,
        "assessment": assessment is not None,
        # The seller's dossier is itself the demand: its texts would say the statement again.
        "messages": bool(seller_texts) and reader.key != "seller",
        "exhibits": True,
        # The escalation plan is the user's own next steps: only the seller is told them.
        "plan": bool(plan) and reader.key == "seller",
        "declaration": True,
        "after_signing": bool(later_events),
    }
    quoted = basis_articles(reader.key, assessment) if assessment else []
    named = [a for a in assessment.citations if a not in quoted] if assessment else []
    order = SUPPORT_ORDER[reader.key] + CLOSING_ORDER
    chapters = _numbered_chapters([key for key in order if present[key]])
    demand, _due = _dated_demand(claim, facts, assessment, events)
    return {
        "claim": claim,
        "facts": facts,
        "claimed": order_summary(facts).zh if facts else "",
        "answers": answers,
        "assessment": assessment,
        "demand": demand,
        "recipient": reader,
        "statement": statement_for(
            claim, reader, facts=facts, assessment=assessment, events=events, exhibits=exhibits
        )
        if assessment
        else None,
        # R16: a passed time limit is said on the cover, before anything else is read.
        "passed_limits": [
            timebars.warning(limit)
            for limit in timebars.said(assessment.route, assessment.deadlines)
        ]
        if assessment
        else [],
        # Quoted in full: the articles the statement rests on; the rest of the assessment's
        # (time limits, what 12315 needs) are named, each once.
        "quoted_articles": quoted,
        "named_articles": cite(named, "；") if named else "",
        "chapters": chapters,
        "toc": list(chapters.values()),
        "english": english_headings,
        "archive": embedded is not None,
        "embedded": {exhibit.number for exhibit in embedded or ()},
        "order_sections": [s for s in sections if s["step"] in ORDER_STEPS],
        "timeline": timeline(claim, facts, answers, events, exhibits, by_item),
        "seller_texts": seller_texts,
        "later_events": later_events,
        "signed_at": timezone.localtime(claim.completed_at) if claim.completed_at else None,
        "signed_digest": claim.signed_digest,
        "refs": refs,
        "plan": plan,
        "exhibits": exhibits,
        "exhibit_pictures": {exhibit.number: exhibit_pictures(exhibit) for exhibit in exhibits},
        "manifest": manifest,
        "fingerprint": manifest.fingerprint,
        "generated_at": timezone.localtime(manifest.generated_at),
        "verify_url": settings.SITE_URL + reverse("claims:verify"),
    }


def exhibit_pictures(exhibit) -> ExhibitPictures | None:
    """A PDF's first pages or a recording's key frames, when the task worker has made them."""
    item = exhibit.item
    if not exhibit_images.wants_images(item):
        return None
    state = exhibit_images.state_of(item)
    if state is None or state.pending:
        return ExhibitPictures("pending", [])
    if not state.ready:
        return ExhibitPictures("failed", [])
    shown, name = [], f"证据{exhibit.number}"
    for number, picture in enumerate(state.pictures, start=1):
        url = f"evidence:{item.pk}/{number}"
        if picture.page is not None:
            label = f"第 {picture.page} 页"
            shown.append(Shown(url, f"{name} 第{picture.page}页", label))
        else:
            label = format_time(picture.at_ms or 0)
            shown.append(Shown(url, f"{name} 视频 {label} 处画面", label))
    first = state.pictures[0]
    return ExhibitPictures(
        "ready",
        shown,
        note=_pages_left_out(state.total_pages, len(state.pictures)),
        portrait=first.height >= first.width,
    )


def _pages_left_out(total: int | None, shown: int) -> str:
    if total is None or total <= shown:
        return ""
    return f"本文件共 {total} 页，此处列出第 1–{shown} 页；其余页面见原件。"


def format_time(at_ms: int) -> str:
    """m:ss (h:mm:ss past an hour), the second a frame is shown in, as a player counts."""
    minutes, seconds = divmod(at_ms // 1000, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def _numbered_chapters(keys) -> dict[str, Chapter]:
    return {
        key: Chapter(key, f"{NUMERALS[index]}、{CHAPTERS[key][0]}", CHAPTERS[key][1])
        for index, key in enumerate(keys)
    }


def seller_demand(claim, facts, assessment):
    """The seller's demand dated as the dossier dates it, and the seller's last day: for
    the English reading of the statement, which must say the same."""
    later = {event.pk for event in events_after_signing(claim)}
    events = [event for event in claim.events.all() if event.pk not in later]
    return _dated_demand(claim, facts, assessment, events)
