"""The first message to the shop: facts, demand, legal basis (事实 / 诉求 / 依据).

Pure and always Chinese, because the reader is the shop. Kept short enough to paste into a
shop's chat box; long answers are clipped, the full story goes into the dossier.
"""

from claims import law
from claims.assessment import CLAIM_ROUTES, SHANGHAI, Facts, format_date, format_yuan
from claims.eligibility import Assessment

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
# Where the user can complain about the payment itself; a private transfer has no merchant.
_PAYMENT_PLATFORM_ZH = {"alipay": "支付宝", "wechat": "微信支付", "qq_wallet": "QQ钱包"}

_ITEM_ZH = {
    "card_key": "卡密",
    "membership": "会员",
    "topup": "充值",
    "service": "服务",
    "physical_card": "点卡",
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
    "promised_nothing_happened": "贵店答应处理，但至今没有结果",
    "asked_to_wait": "贵店让我继续等待，但至今未解决",
}


def merchant_message(facts: Facts, assessment: Assessment) -> str:
    """The message as plain text; refuses (ValueError) when the abuse gate blocked documents."""
    if assessment.blocks_documents:
        raise ValueError("no documents may be drafted for a claim stopped by the abuse gate")
    return "\n".join(
        [
            "您好！我是贵店的买家，现就以下订单提出诉求。",
            "",
            "【事实】",
            _facts(facts, assessment),
            "",
            "【诉求】",
            assessment.demand.zh,
            "",
            "【依据】",
            _basis(facts, assessment),
            "",
            _closing(facts, assessment),
        ]
    )


def format_time(facts: Facts) -> str:
    """Purchase time as 2026年11月20日 14:32, China time whatever zone the datetime carries."""
    moment = facts.purchased_at.astimezone(SHANGHAI)
    return f"{format_date(moment.date()).zh} {moment:%H:%M}"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(facts: Facts) -> str:
    platform, shop = _clip(facts.platform_name, 24), _clip(facts.shop_name, 24)
    if platform and shop and platform != shop:
        return f"{platform}的店铺“{shop}”"
    return platform or shop or "贵店"


def _facts(facts: Facts, assessment: Assessment) -> str:
    payment = PAYMENT_METHOD_ZH.get(facts.payment_method, "其他方式")
    transaction = f"（交易单号{facts.transaction_number}）" if facts.transaction_number else ""
    lines = [
        f"我于{format_time(facts)}在{_where(facts)}购买“{_clip(facts.product_name, 30)}”，"
        f"订单号{facts.order_number}，通过{payment}支付{format_yuan(facts.amount)}{transaction}。",
        _problem(facts, assessment),
    ]
    if facts.description.strip():
        lines.append(f"具体情况：{_clip(facts.description, 100)}")
    if facts.contacted and facts.contacted_on:
        answer = _RESPONSE_ZH.get(facts.merchant_response, "")
        if facts.merchant_response_text.strip():
            answer = f"贵店答复：“{_clip(facts.merchant_response_text, 40)}”"
        contact = f"我已于{format_date(facts.contacted_on).zh}联系贵店"
        lines.append(f"{contact}，{answer}。" if answer else f"{contact}。")
    return "\n".join(lines)


def _problem(facts: Facts, assessment: Assessment) -> str:
    item = _ITEM_ZH[facts.product_type]
    found = format_date(facts.discovered_on).zh
    if assessment.route == "not_yet_due":
        return "目前订单尚未发货，想确认具体的发货时间。"
    if facts.problem == "not_delivered":
        late = "，已超过贵店承诺的发货时间" if facts.delivery_overdue else ""
        return f"付款后{_NOT_DELIVERED_ZH[facts.product_type]}{late}。"
    if facts.problem == "invalid_key":
        return f"我于{found}发现，收到的{item}无法正常使用。"
    if facts.problem == "wrong_item":
        return f"我于{found}发现，收到的{item}与所购商品不符。"
    if assessment.route == "seller_promise":
        promise = f"“{_clip(facts.promise_text, 30)}”" if facts.promise_text.strip() else ""
        return f"贵店曾承诺{promise}可以退款，我的情况符合该承诺的条件。"
    if assessment.route == "no_reason_return":
        unconfirmed = (
            "购买时页面未要求我确认该商品不适用无理由退货。"
            if facts.purchase_confirmation == "no"
            else ""
        )
        return f"我希望办理七日无理由退货，点卡将完好退回。{unconfirmed}"
    return "因个人原因，我不再需要该商品。"


def _basis(facts: Facts, assessment: Assessment) -> str:
    if assessment.route == "no_reason_unlikely":
        return "本请求为协商请求，恳请贵店酌情考虑。"
    lines = [_citations(assessment)]
    if law.CPL_25_1_III in assessment.citations and assessment.route == "defect":
        lines.append(
            f"“数字商品不适用七日无理由退货”（{law.CPL_25_1_III.citation_zh}）"
            "只针对无理由退货，不适用于质量问题退货。"
        )
    if facts.no_refund_clause and assessment.route in CLAIM_ROUTES:
        clause = f"“{_clip(facts.clause_text, 30)}”" if facts.clause_text.strip() else "不退款"
        lines.append(f"贵店{clause}的声明，不能排除或限制上述责任。")
    return "\n".join(lines)


def _citations(assessment: Assessment) -> str:
    """One line per instrument ("《…》第五十三条、第二十六条…"), so long titles appear once."""
    by_law: dict[str, list[str]] = {}
    for article in assessment.citations:
        # Neither is a ground for the demand: one guides the user, one is rebutted below.
        if article not in (law.CIVIL_188, law.CPL_25_1_III):
            by_law.setdefault(article.law, []).append(article.article)
    return "；\n".join(f"{title}{'、'.join(labels)}" for title, labels in by_law.items()) + "。"


def _closing(facts: Facts, assessment: Assessment) -> str:
    if assessment.route not in CLAIM_ROUTES:
        return "感谢理解，期待您的回复。"
    platform = _PAYMENT_PLATFORM_ZH.get(facts.payment_method)
    if platform:
        channels = f"向{platform}投诉，并向全国12315平台投诉"
    elif facts.payment_method == "private_transfer":
        channels = "向全国12315平台投诉，并通过其他合法途径维权"
    else:
        channels = "向支付平台投诉，并向全国12315平台投诉"
    return f"如贵店未在上述期限内处理，我将{channels}。谢谢配合。"
