"""Rules R1-R3: the shop holds the buyer's money and has not delivered (an order or a balance).

Both rest on the prepayment rule (CPL 53, 实施条例 22(2)): the consumer chooses delivery or a
refund. R2 adds the civil-law exit: a written demand with a deadline, then rescission.
"""

from claims.domain import law
from claims.domain.assessment import Findings
from claims.domain.deadlines import (
    DEMAND_TERM,
    delivery_term,
    rescission_due,
    rescission_lapsed,
)
from claims.domain.facts import Facts
from claims.domain.formatting import format_date, format_yuan
from claims.domain.quantity import claimed_sum, count
from claims.domain.text import Text

DELIVER = {
    "card_key": Text("发放一张可正常使用的卡密", "send a working key"),
    "membership": Text("开通会员", "activate the membership"),
    "topup": Text("完成充值并到账", "complete the top-up"),
    "service": Text("完成服务", "provide the service"),
    "physical_card": Text("寄出点卡", "ship the card"),
    "site_balance": Text("将充值金额计入我的站内余额", "credit the deposit to your site balance"),
}
ONLINE_TYPES = ("card_key", "membership", "topup", "service")


def overdue(facts: Facts) -> bool | None:
    """Has the promised time passed? An instant-delivery promise has passed by definition."""
    if facts.delivery_overdue is not None:
        return facts.delivery_overdue
    return True if facts.promised_delivery == "instant" else None


def delivery_demand(facts: Facts) -> Text:
    """R1/R2: delivery or refund by a deadline (催告), or, once it passed, rescission."""
    amount, deliver = claimed_sum(facts), _deliver(facts)
    term = delivery_term(facts).words
    if rescission_due(facts):
        return Text(
            f"现通知解除本订单合同，请{term.zh}将{amount.zh}原路退回。",
            f"Tell the shop the contract is cancelled and ask for {amount.en} back to the account "
            f"you paid from (原路退回) {term.en}.",
        )
    if rescission_lapsed(facts):  # R16: the year to cancel is over (民法典 564(2))
        return Text(
            f"请{term.zh}{deliver.zh}，或将{amount.zh}原路退回。",
            f"Ask the shop to {deliver.en} {term.en}, or to refund {amount.en} to the "
            "account you paid from (原路退回). You choose which.",
        )
    if facts.deadline_given and facts.deadline_on:
        return Text(
            f"请{term.zh}{deliver.zh}，或将{amount.zh}原路退回；逾期未处理的，我将依法解除合同。",
            f"Remind the shop to {deliver.en} {term.en}, or refund {amount.en} to the account "
            "you paid from (原路退回). After that you can cancel the contract.",
        )
    return Text(
        f"请{term.zh}{deliver.zh}，或将{amount.zh}原路退回；逾期未处理的，我将依法解除合同。",
        f"Ask the shop to {deliver.en} {term.en}, or to refund {amount.en} to the "
        "account you paid from (原路退回). You choose which. If it does neither, you can "
        "cancel the contract.",
    )


def _deliver(facts: Facts) -> Text:
    """What the shop still owes; on a several-item order, only the items that never came."""
    if facts.quantity <= 1:
        return DELIVER[facts.product_type]
    items = count(facts, facts.quantity_failed)
    return Text(f"交付未收到的{items.zh}", f"deliver the {items.en} that never arrived")


def not_delivered(facts: Facts) -> Findings:
    """R1/R2: paid, nothing usable arrived, and the promised time has passed."""
    late = overdue(facts)
    if late is False and not rescission_due(facts):
        return _not_yet_due()
    findings = Findings(
        "non_delivery",
        "strong",
        _headline(facts, late),
        delivery_demand(facts),
        term=delivery_term(facts),
    )
    if late is None and not rescission_due(facts):
        findings.outcome = "uncertain"
    findings.because(
        "消费者已付款，经营者应当按约定交付；未交付的，由消费者选择要求交付或者退款。",
        "You paid first, so the shop must deliver as agreed. If it doesn't, you choose: "
        "delivery or a refund.",
        law.CPL_53,
        law.CPL_REG_22_2,
    )
    if facts.promised_delivery == "none":
        findings.because(
            "经营者未交付已付款的商品，应当承担继续履行或者退款等责任。",
            "The shop has not delivered what you paid for, and is responsible for that.",
            law.ECL_74,
            law.CIVIL_577,
        )
    else:
        findings.because(
            "经营者未按承诺的时限交付，应当承担违约责任。",
            "The shop did not deliver on time, and it is responsible for that.",
            law.ECL_20,
            law.ECL_74,
            law.CIVIL_577,
        )
    if facts.product_type in ONLINE_TYPES:
        _delivery_test(facts, findings)
    _rescission(facts, findings)
    if facts.merchant_response == "refused_digital":
        findings.because(
            "“数字商品不退不换”针对的是已交付商品的无理由退货；本案商品尚未交付，与此无关。",
            '"No returns on digital goods" is about changing your mind after delivery. '
            "Nothing was delivered here, so it doesn't apply.",
        )
    if late is None and facts.promised_delivery != "none":
        findings.warn(
            "请查看商品页面写的发货时间（如“自动发货”“10分钟到账”），并截图保存。",
            'Check the delivery time on the product page (like "instant delivery" or '
            '"arrives in 10 minutes") and take a screenshot.',
        )
    return findings


def _headline(facts: Facts, late: bool | None) -> Text:
    headline = _full_headline(facts, late)
    if facts.partial:  # only the items that failed are claimed, never the whole price
        return Text(
            headline.zh.replace("全额退款", "退还这部分的钱"),
            headline.en.replace("all your money back", "the money for those items back"),
        )
    return headline


def _full_headline(facts: Facts, late: bool | None) -> Text:
    if rescission_due(facts):
        return Text(
            "可以。你已经催告过，店家到期仍未发货，你可以解除合同并要求全额退款。",
            "Yes. You gave the shop a deadline and it still hasn't delivered. You can cancel "
            "the contract and ask for all your money back.",
        )
    if late:
        return Text(
            "可以。你付了钱，店家过了承诺时间还没发货，你可以要求马上发货或全额退款。",
            "Yes. You paid and the shop missed its delivery time. "
            "You can ask for delivery now or all your money back.",
        )
    if facts.promised_delivery == "none":
        return Text(
            "很可能可以。店家没有承诺发货时间，先书面给它一个合理期限，到期不发货就可以退款。",
            "Probably. The shop promised no delivery time, so first give it a fair deadline in "
            "writing; if it misses that, you can get your money back.",
        )
    return Text(
        "很可能可以，但要先确认店家承诺的发货时间已经过了。",
        "Probably, but first check that the shop's promised delivery time has passed.",
    )


def _not_yet_due() -> Findings:
    findings = Findings(
        "not_yet_due",
        "wait",
        Text(
            "现在还不行：店家承诺的发货时间还没到。过了时间还没收到，再来。",
            "Not yet: the shop's promised delivery time hasn't passed. "
            "Come back if it passes and nothing has arrived.",
        ),
        Text(
            "请告知确切的发货时间，并按承诺的时间发货。",
            "Ask the shop when it will deliver, and to deliver on time.",
        ),
    )
    findings.because(
        "经营者应当按承诺的时限交付；时限届满前，尚不构成违约。",
        "The shop must deliver by the time it promised. Until then it hasn't broken the deal.",
        law.ECL_20,
    )
    findings.instead(
        "先等到承诺的时间。把商品页面的发货承诺和订单页面截图保存好。",
        "Wait until the promised time. Keep screenshots of the delivery promise and the order "
        "page.",
    )
    return findings


def _delivery_test(facts: Facts, findings: Findings) -> None:
    if facts.key_shown == "unreadable":
        zh = "订单页面显示的内容不完整、无法识别，不能检索识别，不构成交付。"
        en = "What the order page shows is cut off or unreadable, so it doesn't count as delivered."
    else:
        zh = "在线交付的商品，进入消费者指定的系统并能够检索识别时才算交付；本案未见可用的内容。"
        en = (
            "Something sent online only counts as delivered once you can find and read it. "
            "Nothing usable has reached you."
        )
    findings.because(zh, en, law.ECL_51_2, law.CIVIL_512_2)


def _rescission(facts: Facts, findings: Findings) -> None:
    """R2: 催告 first; once its deadline passes, a notice ends the contract on arrival."""
    if rescission_due(facts):
        due = format_date(facts.deadline_on)
        findings.because(
            f"消费者已书面催告，要求在{due.zh}前交付，经营者逾期仍未交付，消费者有权解除合同。"
            "解除通知到达经营者时合同解除；解除后经营者应当退还价款，并赔偿损失。",
            f"You demanded delivery in writing by {due.en} and the shop missed it, so you may "
            "cancel. The contract ends when your notice reaches the shop; it must then refund "
            "you and cover your losses.",
            law.CIVIL_563_1_III,
            law.CIVIL_565_1,
            law.CIVIL_566_1,
        )
        return
    if rescission_lapsed(facts):
        return  # R16: timebars.py says the year to cancel has passed
    findings.because(
        "经营者经书面催告后在合理期限内仍不交付的，消费者可以解除合同并要求退款。",
        "If you give the shop a fair deadline in writing and it still doesn't deliver, "
        "you can cancel the order and get your money back.",
        law.CIVIL_563_1_III,
    )


def site_balance(facts: Facts) -> Findings:
    """R3: money held as site balance the consumer cannot use or withdraw."""
    balance = format_yuan(
        facts.balance_amount if facts.balance_amount is not None else facts.amount
    )
    usable = facts.balance_blocked == "cannot_withdraw"
    strong = facts.balance_blocked in ("cannot_use", "both") or facts.site_closed
    findings = Findings(
        "site_balance",
        "good" if strong else "uncertain",
        Text(
            f"很可能可以。网站收了你的钱却不让你使用余额，你可以要求退还余额{balance}。",
            f"Probably. The site holds your money but won't let you use the balance, so you "
            f"can ask for the {balance} back.",
        )
        if strong
        else Text(
            "有可能。余额还能在站内使用时，能不能提现要看网站的规则或约定。",
            "Maybe. While the balance can still be spent on the site, cashing it out depends "
            "on the site's rules or what was agreed.",
        ),
        Text(
            f"请{DEMAND_TERM.words.zh}将本人站内余额{balance}原路退回。",
            f"Ask the site to refund your balance of {balance} to the account you paid from "
            f"(原路退回) {DEMAND_TERM.words.en}.",
        ),
        term=DEMAND_TERM,
    )
    if not usable:
        findings.because(
            "站内余额属于预付款。经营者不允许使用余额、不按约定提供商品的，"
            "应当按消费者的要求履行或者退还预付款。",
            "Your site balance is money paid in advance. If the site won't let you use it, "
            "it must either provide what was agreed or refund it, as you choose.",
            law.CPL_53,
            law.CPL_REG_22_2,
        )
    if facts.site_closed:
        findings.because(
            "网站已停止经营。经营者停业的，消费者可以依照国家有关规定或者合同约定，"
            "要求继续履行或者退还未消费的预付款余额。",
            "The site has shut down. When a business closes, you can ask, as the rules or "
            "your agreement allow, for the service to continue or the unused balance back.",
            law.CPL_REG_22_3,
        )
    elif usable and facts.refund_promise == "yes" and facts.promise_conditions_met != "no":
        findings.outcome = "good" if facts.promise_conditions_met == "yes" else "uncertain"
        findings.because(
            "网站承诺过余额可以提现或退还，应当兑现该承诺。",
            "The site promised the balance could be withdrawn or refunded, and must keep that "
            "promise.",
            law.CPL_REG_12,
        )
    elif usable:
        findings.because(
            "余额仍可在站内使用的，法律没有规定无条件提现的权利；能否提现取决于网站规则或双方约定。",
            "While the balance can still be used, the law gives no unconditional right to "
            "cash it out; it depends on the site's rules or what was agreed.",
        )
        findings.instead(
            "如果网站还在正常经营，可以先用余额买需要的东西，避免损失。",
            "If the site still works normally, you can spend the balance on something you "
            "need, so nothing is lost.",
        )
        findings.instead(
            "查看充值页面和网站规则里有没有“可提现”“余额可退”的说法，有的话截图保存。",
            'Look for "withdrawable" or "balance refundable" on the top-up page and in the '
            "site's rules, and screenshot it if you find it.",
        )
    return findings
