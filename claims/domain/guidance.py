"""What the user must gather and watch out for on a route: the proof and the cautions.

Split from eligibility.py so the rules there stay readable; pure, like them. The dates live
in deadlines.py.
"""

from claims.domain.assessment import CLAIM_ROUTES, CONSUMER_ROUTES, EvidenceNeed
from claims.domain.deadlines import rescission_due
from claims.domain.facts import Facts
from claims.domain.text import Text


def _need(key: str, category: str, zh: str, en: str) -> EvidenceNeed:
    return EvidenceNeed(category, Text(zh, en), key)


def evidence_needed(facts: Facts, route: str) -> tuple[EvidenceNeed, ...]:
    """The proof a route rests on (LEGAL_BASIS §3.2), neutral records first."""
    if route == "stop_abuse":
        return ()
    needs = [
        _payment_record(facts),
        _need(
            "order_page",
            "transaction",
            "网站上的订单页面截图：订单号、商品名、价格、订单状态。",
            "Screenshot of the order page on the site: order number, item, price, status.",
        ),
    ]
    if facts.problem == "not_delivered" and route != "minor":
        needs += _undelivered(facts)
    elif facts.problem in ("invalid_key", "wrong_item", "stopped_working") and route != "minor":
        needs += _faulty(facts)
    elif facts.problem == "balance_stuck":
        needs += _balance(facts)
    if route == "no_reason_return":
        needs.append(
            _need(
                "unscratched_card",
                "product_state",
                "点卡完好未刮开的照片，以及下单页面（证明没有“不退货”确认步骤）。",
                "Photos of the unscratched card, and the checkout page (showing no "
                '"non-returnable" step).',
            )
        )
    if route == "minor":
        needs.append(
            _need(
                "guardianship",
                "other",
                "证明购买人年龄和监护关系的材料（如户口本），遮住与本案无关的个人信息。",
                "Proof of the buyer's age and your guardianship (such as the household "
                "register), with unrelated personal details covered.",
            )
        )
    needs += _shop_words(facts)
    if route in CLAIM_ROUTES:
        needs.append(
            _need(
                "operator_identity",
                "operator_identity",
                "网站经营者的身份：首页的营业执照信息、ICP备案主办单位、客服QQ或微信、收款方名称。",
                "Who runs the site: business licence on the home page, ICP record holder, "
                "support QQ/WeChat, payee name.",
            )
        )
    return tuple(needs)


def _undelivered(facts: Facts) -> list[EvidenceNeed]:
    shown = (
        "订单页面显示的不完整或无法识别的卡密截图"
        if facts.key_shown == "unreadable"
        else "订单页显示没有卡密或“未发货”的截图"
    )
    needs = [
        _need(
            "undelivered_order_page",
            "product_state",
            f"{shown}；充值类还要官方充值记录，证明没到账。",
            'The order page showing no key, a cut-off key or "not delivered". For top-ups, '
            "also the official top-up history showing nothing arrived.",
        ),
        _need(
            "delivery_promise",
            "merchant_breach",
            "商品页面上承诺发货时间的截图（如“自动发货”“10分钟到账”）。",
            'Screenshot of the product page\'s delivery promise (e.g. "instant delivery").',
        ),
    ]
    if facts.deadline_given:
        needs.append(
            _need(
                "written_demand",
                "merchant_breach",
                "书面催告的截图：写明期限的那条消息，以及显示“已送达/已读”的记录。",
                "Screenshot of your written demand with its deadline, and proof it was "
                'delivered or read ("已读").',
            )
        )
    if rescission_due(facts):
        needs.append(
            _need(
                "rescission_delivered",
                "merchant_breach",
                "发出解除合同通知后，保存通知送达店家的记录；合同自通知到达时解除。",
                "Once you send the notice cancelling the contract, keep proof it reached the "
                "shop: the contract ends on arrival.",
            )
        )
    return needs


def _faulty(facts: Facts) -> list[EvidenceNeed]:
    if facts.problem == "stopped_working":
        return [
            _need(
                "taken_back_records",
                "product_state",
                "官方记录，证明一开始可用、后来被找回、撤回或收回（如账号找回通知、充值撤回记录）。",
                "Official records showing it worked at first and was later taken back or "
                "reversed (account-recovery notice, reversed top-up record).",
            )
        ]
    needs = [
        _need(
            "redeem_recording",
            "product_state",
            "一段不剪辑的录屏：从订单页的卡密开始，复制、到官方兑换页粘贴，一直录到报错。",
            "One uncut screen recording: start on the order page with the key, copy it, "
            "paste it on the official redeem page, and keep recording until the error.",
        ),
        _need(
            "support_reply",
            "product_state",
            "如有，官方客服说明卡密已被使用或无效的回复，这是最有力的证据。",
            "If you have it, the official support reply saying the key was already used or "
            "invalid. This is the strongest proof.",
        ),
    ]
    if facts.problem == "wrong_item":
        needs.append(
            _need(
                "listing",
                "merchant_breach",
                "商品页面截图，显示你买的面值、区服或描述。",
                "Screenshot of the listing showing the value, region or description you bought.",
            )
        )
    return needs


def _balance(facts: Facts) -> list[EvidenceNeed]:
    needs = [
        _need(
            "balance_page",
            "product_state",
            "余额页面截图（金额和时间），以及使用或提现失败的提示。",
            "Screenshot of the balance page (amount and time) and of the error when you tried "
            "to spend or withdraw it.",
        ),
        _need(
            "balance_topups",
            "transaction",
            "向站内余额充值的付款记录。",
            "The payment records of your top-ups to the balance.",
        ),
    ]
    if facts.site_closed:
        needs.append(
            _need(
                "site_down",
                "product_state",
                "网站无法访问或停业公告的截图，带上日期。",
                "Screenshots, with the date, showing the site is down or its closure notice.",
            )
        )
    return needs


def _shop_words(facts: Facts) -> list[EvidenceNeed]:
    needs = []
    if facts.refund_promise == "yes":
        needs.append(
            _need(
                "refund_promise",
                "merchant_breach",
                "店家退款或质保承诺的截图（商品页、公告或聊天），要看得到原话和时间。",
                "Screenshot of the shop's refund or warranty promise (page, notice or chat), "
                "with the words and date visible.",
            )
        )
    if facts.no_refund_clause:
        needs.append(
            _need(
                "no_refund_notice",
                "merchant_breach",
                "“概不退换”等告示的截图，以及它在页面上的位置。",
                'Screenshot of the "no refunds" notice and where it sits on the page.',
            )
        )
    if facts.contacted:
        needs.append(
            _need(
                "shop_chat",
                "merchant_breach",
                "和店家的聊天记录：你的要求和店家的回复，要看得到时间和对方账号。",
                "Your chat with the shop: what you asked and what they said, with times and "
                "their account ID visible.",
            )
        )
    return needs


def _payment_record(facts: Facts) -> EvidenceNeed:
    if facts.payment_method == "private_transfer":
        return _need(
            "transfer_record",
            "transaction",
            "转账记录截图（收款人、金额、时间），以及对方让你私下转账的聊天记录。",
            "Screenshot of the transfer (who got it, amount, time), and the chat where "
            "they asked you to pay this way.",
        )
    return _need(
        "payment_record",
        "transaction",
        "付款记录：支付宝或微信账单详情页截图，要看得到收款方全称、交易单号、金额和时间。",
        "Payment record: the bill detail page in your payment app, showing the payee's "
        "full name, transaction number, amount and time.",
    )


def _identity_leads(facts: Facts) -> Text:
    """R11: what the user already has to find the operator (ICP number, payee name)."""
    zh, en = [], []
    if facts.icp_number.strip():
        zh.append(f"ICP备案号{facts.icp_number.strip()}")
        en.append(f"ICP number {facts.icp_number.strip()}")
    if facts.payee_name.strip():
        zh.append(f"收款方“{facts.payee_name.strip()}”")
        en.append(f'payee "{facts.payee_name.strip()}"')
    if not zh:
        return Text("", "")
    return Text(
        f"你已记下的线索：{'、'.join(zh)}。可以在工信部ICP备案查询中查主办单位，核对经营者名称。",
        f"Leads you already have: {', '.join(en)}. Look up the ICP record holder to confirm "
        "the operator's name.",
    )


def warnings(facts: Facts, route: str, *, fraud: bool = False) -> tuple[Text, ...]:
    """Cautions every claim route shares; rule-specific ones come from the rule modules."""
    if route == "stop_abuse":
        return ()
    found = []
    if facts.payment_method == "private_transfer":
        # R15: payment-platform merchant complaints need a merchant of record.
        found.append(
            Text(
                "你是私下转账付的钱：先向卖家发出书面催告。支付宝、微信的“投诉商家”对个人转账可能用不了。"
                "聊天记录会是关键证据，请保存好。",
                "You paid by personal transfer: start with a written demand to the seller. The "
                'payment app\'s "complain about the merchant" tool may not work for personal '
                "transfers. Your chat logs become the key proof: keep them.",
            )
        )
    if route in CONSUMER_ROUTES and facts.purpose != "resale" and not facts.operator_known:
        # R11: 实施条例 46 needs a clearly identified respondent.
        first = payment_platform_first(facts)
        found.append(
            Text(
                "12315投诉需要写明经营者的真实名称和地址，只有网站名可能不被受理。"
                f"请查ICP备案的主办单位、付款记录上的收款方名称，{first.zh}。",
                "A 12315 complaint needs the operator's legal name and address; a site name "
                "alone may be refused. Look up the ICP record holder and the payee name on "
                f"your payment record, and {first.en}.",
            )
        )
        leads = _identity_leads(facts)
        if leads.zh:
            found.append(leads)
    if facts.site_closed:
        found.append(
            Text(
                "网站已经关闭的，请尽快行动：先向支付平台投诉，保存好所有截图。",
                "The site has closed, so act fast: complain to the payment platform first and "
                "keep every screenshot.",
            )
        )
    if route == "no_reason_return":
        found.append(
            Text(
                "退回的点卡必须完好：没刮开、没激活、包装齐全。",
                "The card must go back intact: not scratched, not activated, in its packaging.",
            )
        )
    if fraud:
        found.append(
            Text(
                "三倍赔偿是可选的。给店家的消息里关于增加赔偿的那一句，不想提就直接删掉。",
                "The 3x claim is optional. If you don't want to raise it, delete the one "
                "sentence about it in the message to the shop.",
            )
        )
    # R16: passed time limits are said by timebars.py, first among the warnings.
    found.append(
        Text(
            "不要修改截图或录屏。遮挡身份证号等个人信息时，只用不透明色块，并保留原图。",
            "Never edit screenshots or recordings. To hide personal details, use a solid box "
            "only, and keep the original.",
        )
    )
    return tuple(found)


def payment_platform_first(facts: Facts) -> Text:
    """R11's first step when the operator is unknown; on a private transfer (R15) the payment
    platform may not take the complaint, so the written demand comes first instead."""
    if facts.payment_method == "private_transfer":
        return Text(
            "先向店家发出书面催告（私下转账的交易，支付平台的投诉可能不受理）",
            "send the shop a written demand first (a payment-platform complaint may not be "
            "accepted for a private transfer)",
        )
    return Text("先向支付平台投诉", "complain to the payment platform first")
