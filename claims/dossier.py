"""The claim dossier: context -> HTML -> PDF. The only module that calls WeasyPrint.

The fetcher denies every URL except the claim's own derived evidence images, read through
the storage API; no base_url is given, so the document can reach nothing else.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .answers import FACT_STEPS, FORMS, active_steps, facts_for_claim, prefixed_step_data
from .eligibility import assess
from .followup import plan_for
from .fonts import cjk_font_available
from .message_drafts import saved_texts
from .summary import answer_sections

EVIDENCE_SCHEME = "evidence:"
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
}
STYLESHEET = settings.BASE_DIR / "templates" / "dossier" / "dossier.css"


class DossierUnavailable(Exception):
    """The system lacks what a readable Chinese PDF needs (a CJK font)."""


class EvidenceOnlyFetcher(URLFetcher):
    def __init__(self, claim):
        super().__init__(allowed_protocols=[])
        self.images = {str(item.pk): item for item in claim.evidence.all()}

    def fetch(self, url, headers=None):
        if url.startswith(EVIDENCE_SCHEME):
            item = self.images.get(url.removeprefix(EVIDENCE_SCHEME))
            if item is not None:
                with item.print_image.open("rb") as handle:
                    body = handle.read()
                return URLFetcherResponse(url, body, headers={"Content-Type": "image/jpeg"})
        raise ValueError(f"Blocked resource in dossier: {url[:40]}")


def dossier_context(claim) -> dict:
    facts = facts_for_claim(claim)
    assessment = assess(facts) if facts else None
    step_data = prefixed_step_data(claim.answers)
    steps = [step for step in active_steps(step_data) if step in FACT_STEPS]  # no phone numbers
    texts = saved_texts(claim.answers)
    evidence = list(claim.evidence.all())
    sections = answer_sections(
        step_data, steps, form_for=lambda step, data: FORMS[step](data=data, prefix=step)
    )
    for section in sections:
        section["rows"] = [
            (DOSSIER_LABELS.get(name, label), value) for name, label, value in section["rows"]
        ]
    return {
        "claim": claim,
        "facts": facts,
        "assessment": assessment,
        "sections": sections,
        "seller_texts": [
            (SELLER_TEXT_TITLES[key], texts[key]) for key in SELLER_TEXT_TITLES if key in texts
        ],
        "plan": plan_for(claim),
        "events": list(claim.events.all()),
        "evidence": evidence,
        "evidence_scheme": EVIDENCE_SCHEME,
        "generated_at": timezone.localtime(),
    }


def render_dossier(claim) -> bytes:
    """The dossier of a completed claim, always in Chinese: its readers are Chinese offices."""
    if not cjk_font_available():
        raise DossierUnavailable
    with translation.override("zh-hans"):
        html = render_to_string("dossier/dossier.html", dossier_context(claim))
    fetcher = EvidenceOnlyFetcher(claim)
    stylesheet = CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=fetcher)
    document = HTML(string=html, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet])
