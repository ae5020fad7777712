"""What the user must do next on a route: the dates that matter, the proof to gather, the cautions.

Split from eligibility.py so the rules there stay readable; pure, like them.
"""

from datetime import date, timedelta

from claims.assessment import (
    CLAIM_ROUTES,
    Deadline,
    EvidenceNeed,
    Facts,
    add_years,
    format_date,
)
from claims.bilingual import Text

RETURN_WINDOW_DAYS = 7
STALL_DAYS = 15
LAWSUIT_YEARS = 3


def return_window_end(facts: Facts) -> date:
    """Last day of a 7-day window counted from the day after the order (七日办法 10, CPL 24)."""
    return facts.purchase_date + timedelta(days=RETURN_WINDOW_DAYS)


def lawsuit_deadline(facts: Facts) -> date:
    """Three years from discovery (民法典 188)."""
    return add_years(facts.discovered_on, LAWSUIT_YEARS)


def deadlines(facts: Facts, route: str) -> tuple[Deadline, ...]:
    """Real dates, earliest rule first; empty where the user has nothing to claim."""
    found = []
    order_day = format_date(facts.purchase_date)
    if route == "defect":
        found.append(
            Deadline(
                Text("7天质量退货期", "7-day window for returning a faulty item"),
                return_window_end(facts),
                Text(
                    f"从发货次日起算7天。即时发货的商品，按下单日（{order_day.zh}）当作发货日；"
                    "如果实际发货更晚，从那天起算。过了这天，东西无法使用的仍可要求退款。",
                    "7 days, counted from the day after delivery. For instant delivery we take "
                    f"the order date ({order_day.en}) as the delivery date; if it came later, "
                    "count from then. After this date you can still ask for a refund if the "
                    "item is useless.",
                ),
            )
        )
    if route == "no_reason_return":
        found.append(
            Deadline(
                Text("7天无理由退货期", "7-day no-reason return window"),
                return_window_end(facts),
                Text(
                    f"从收到点卡的次日起算7天。这里按下单日（{order_day.zh}）计算；"
                    "如果点卡到得更晚，期限也相应顺延。请在这天之前通知店家退货。",
                    "7 days from the day after you received the card. We counted from the "
                    f"order date ({order_day.en}); if the card arrived later, your window ends "
                    "later. Tell the shop before this date.",
                ),
            )
        )
    if route in ("non_delivery", "defect") and facts.contacted and facts.contacted_on:
        asked = format_date(facts.contacted_on)
        found.append(
            Deadline(
                Text("15天拖延界限", "15-day delay limit"),
                facts.contacted_on + timedelta(days=STALL_DAYS),
                Text(
                    f"从你联系店家（{asked.zh}）起算15天。过了这天还没解决，就算故意拖延，"
                    "你还可以向市场监管部门举报。",
                    f"15 days from when you contacted the shop ({asked.en}). If it's still not "
                    "sorted out by then, the law treats the delay as deliberate, and you can "
                    "also report the shop to the market regulator.",
                ),
            )
        )
    if route in CLAIM_ROUTES:
        found.append(
            Deadline(
                Text("起诉期限（3年）", "Deadline to go to court (3 years)"),
                lawsuit_deadline(facts),
                Text(
                    f"从你发现问题（{format_date(facts.discovered_on).zh}）起算3年。",
                    f"3 years from when you found the problem ({facts.discovered_on.isoformat()}).",
                ),
            )
        )
    return tuple(found)


def _need(category: str, zh: str, en: str) -> EvidenceNeed:
    return EvidenceNeed(category, Text(zh, en))


def evidence_needed(facts: Facts, route: str) -> tuple[EvidenceNeed, ...]:
    """The proof a route rests on (LEGAL_BASIS §3.2), neutral records first."""
    if route == "stop_abuse":
        return ()
    needs = [
        _payment_record(facts),
        _need(
            "transaction",
            "网站上的订单页面截图：订单号、商品名、价格、订单状态。",
            "Screenshot of the order page on the site: order number, item, price, status.",
        ),
    ]
    if route in ("non_delivery", "not_yet_due"):
        needs += [
            _need(
                "product_state",
                "订单页显示没有卡密或“未发货”的截图；充值类还要官方充值记录，证明没到账。",
                'The order page showing no key or "not delivered". For top-ups, also the '
                "official top-up history showing nothing arrived.",
            ),
            _need(
                "merchant_breach",
                "商品页面上承诺发货时间的截图（如“自动发货”“10分钟到账”）。",
                'Screenshot of the product page\'s delivery promise (e.g. "instant delivery").',
            ),
        ]
    if route == "defect":
        needs += [
            _need(
                "product_state",
                "一段不剪辑的录屏：从订单页的卡密开始，复制、到官方兑换页粘贴，一直录到报错。",
                "One uncut screen recording: start on the order page with the key, copy it, "
                "paste it on the official redeem page, and keep recording until the error.",
            ),
            _need(
                "product_state",
                "如有，官方客服说明卡密已被使用或无效的回复，这是最有力的证据。",
                "If you have it, the official support reply saying the key was already used or "
                "invalid. This is the strongest proof.",
            ),
        ]
    if route == "no_reason_return":
        needs.append(
            _need(
                "product_state",
                "点卡完好未刮开的照片，以及下单页面（证明没有“不退货”确认步骤）。",
                "Photos of the unscratched card, and the checkout page (showing no "
                '"non-returnable" step).',
            )
        )
    if facts.refund_promise == "yes":
        needs.append(
            _need(
                "merchant_breach",
                "店家退款承诺的截图（商品页、公告或聊天），要看得到原话和时间。",
                "Screenshot of the shop's refund promise (page, notice or chat), with the words "
                "and date visible.",
            )
        )
    if facts.no_refund_clause:
        needs.append(
            _need(
                "merchant_breach",
                "“概不退换”等告示的截图，以及它在页面上的位置。",
                'Screenshot of the "no refunds" notice and where it sits on the page.',
            )
        )
    if facts.contacted:
        needs.append(
            _need(
                "merchant_breach",
                "和店家的聊天记录：你的要求和店家的回复，要看得到时间和对方账号。",
                "Your chat with the shop: what you asked and what they said, with times and "
                "their account ID visible.",
            )
        )
    if route in CLAIM_ROUTES:
        needs.append(
            _need(
                "operator_identity",
                "网站经营者的身份：首页的营业执照信息、ICP备案主办单位、客服QQ或微信、收款方名称。",
                "Who runs the site: business licence on the home page, ICP record holder, "
                "support QQ/WeChat, payee name.",
            )
        )
    return tuple(needs)


def _payment_record(facts: Facts) -> EvidenceNeed:
    if facts.payment_method == "private_transfer":
        return _need(
            "transaction",
            "转账记录截图（收款人、金额、时间），以及对方让你私下转账的聊天记录。",
            "Screenshot of the transfer (who got it, amount, time), and the chat where "
            "they asked you to pay this way.",
        )
    return _need(
        "transaction",
        "付款记录：支付宝或微信账单详情页截图，要看得到收款方全称、交易单号、金额和时间。",
        "Payment record: the bill detail page in your payment app, showing the payee's "
        "full name, transaction number, amount and time.",
    )


def warnings(facts: Facts, route: str) -> tuple[Text, ...]:
    """Cautions every claim route shares; rule-specific ones come from eligibility."""
    if route == "stop_abuse":
        return ()
    found = []
    if facts.payment_method == "private_transfer":
        # R15: payment-platform merchant complaints need a merchant of record.
        found.append(
            Text(
                "你是私下转账付的钱，支付宝、微信的“投诉商家”可能用不了。"
                "聊天记录会是关键证据，请保存好。",
                "You paid by personal transfer, so the payment app's \"complain about the "
                'merchant" tool may not work. Your chat logs become the key proof: keep them.',
            )
        )
    if route == "no_reason_return":
        found.append(
            Text(
                "退回的点卡必须完好：没刮开、没激活、包装齐全。",
                "The card must go back intact: not scratched, not activated, in its packaging.",
            )
        )
    if route in CLAIM_ROUTES and facts.today > lawsuit_deadline(facts):
        found.append(
            Text(
                "发现问题已超过3年，起诉可能已经过了期限。",
                "It has been more than 3 years, so it may be too late to go to court.",
            )
        )
    found.append(
        Text(
            "不要修改截图或录屏。遮挡身份证号等个人信息时，只用不透明色块，并保留原图。",
            "Never edit screenshots or recordings. To hide personal details, use a solid box "
            "only, and keep the original.",
        )
    )
    return tuple(found)
