"""Rule R13: where to take the claim, in the order to try them.

12315 and the 消协 are alternatives, never used in parallel (the old 12315 rule refused a
dispute another body already handled; that rule is repealed, so this is advice, not a
citation). The current procedure, 总局令第121号, is named without article numbers: they are
unverified.
"""

from datetime import date

from claims.domain import law
from claims.domain.assessment import CLAIM_ROUTES, CONSUMER_ROUTES, Channel
from claims.domain.deadlines import lawsuit_passed, stall_threshold_met
from claims.domain.facts import Facts
from claims.domain.guidance import payment_platform_first
from claims.domain.rules.fraud import scam_suspected
from claims.domain.text import Text

ORDER_121_IN_FORCE = date(2026, 4, 15)
PAYMENT_PLATFORMS = {
    "alipay": Text("支付宝", "Alipay"),
    "wechat": Text("微信支付", "WeChat Pay"),
    "qq_wallet": Text("QQ钱包", "QQ Wallet"),
    "bank_card": Text("发卡银行", "your card's bank"),
}


def channels(facts: Facts, route: str) -> tuple[Channel, ...]:
    """The R13 order; only the seller for a goodwill request, nothing after the R17 stop."""
    if route == "stop_abuse":
        return ()
    consumer = route in CONSUMER_ROUTES and facts.purpose != "resale"
    found = [_seller(route, consumer)]
    if route not in CLAIM_ROUTES:
        return tuple(found)
    payment = PAYMENT_PLATFORMS.get(facts.payment_method)
    # R11: without the operator's legal name and address, the payment complaint comes first.
    if payment and consumer and not facts.operator_known:
        found.append(_payment(payment))
        payment = None
    if facts.sold_on_platform == "yes":
        found.append(_platform(facts, consumer))
    if payment:
        found.append(_payment(payment))
    if consumer:
        found.append(_complaint(facts))
        report = _report(facts, route)
        if report:
            found.append(report)
        found.append(_consumer_association())
    if not lawsuit_passed(facts):  # R16: no court route once the 3 years (民法典 188) are over
        found.append(_court(consumer))
    if scam_suspected(facts):
        found.append(_police())
    return tuple(found)


def _seller(route: str, consumer: bool) -> Channel:
    goodwill = route not in CLAIM_ROUTES
    return Channel(
        "seller",
        Text("联系店家客服", "Contact the seller"),
        Text("礼貌说明情况，请店家酌情处理。", "Explain politely and ask for a goodwill answer.")
        if goodwill
        else Text(
            "先用文字（聊天或邮件）提出要求并写明期限，保存好发送记录。",
            "Start in writing (chat or email): state what you want and by when, and keep a "
            "record that you sent it.",
        ),
        () if goodwill else (law.ECL_59, law.CPL_39) if consumer else (law.ECL_59,),
    )


def _platform(facts: Facts, consumer: bool) -> Channel:
    citations = (law.ECL_61,) if consumer else ()
    when = Text(
        "店铺（分站）开在更大的平台（主站）上的，向平台投诉，请平台协助。",
        "The shop (sub-site) runs on a bigger platform (main site): complain to the platform "
        "and ask it to help.",
    )
    if consumer and not facts.operator_known:
        citations += (law.CPL_44_1,)
        when = Text(
            when.zh + "平台说不出店铺经营者的真实名称、地址和联系方式的，可以直接向平台索赔。",
            when.en + " If it cannot name the shop's operator with an address and contact "
            "details, you can claim against the platform itself.",
        )
    return Channel(
        "platform", Text("向平台（主站）投诉", "Complain to the platform"), when, citations
    )


def _payment(platform: Text) -> Channel:
    return Channel(
        "payment",
        Text(f"向{platform.zh}投诉", f"Complain to {platform.en}"),
        Text(
            "在账单详情里找到这笔交易，选择投诉商家，写明退款金额并附截图。收款方名称可能和网站名不同。",
            "Open the transaction in your bill, complain about the merchant, state the refund "
            "amount and attach screenshots. The payee's name may differ from the site's.",
        ),
        (law.PAYMENT_35,),
    )


def _complaint(facts: Facts) -> Channel:
    when = Text(
        "在全国12315平台投诉，需要真实身份、经营者的名称和地址、具体请求和事实。",
        "File at the national 12315 platform with your real identity, the operator's name and "
        "address, a clear request and the facts.",
    )
    if facts.today >= ORDER_121_IN_FORCE:
        when = Text(
            when.zh
            + "现行程序规则是《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）。",
            when.en + " The procedure now follows SAMR Order No. 121.",
        )
    if not facts.operator_known:
        first = payment_platform_first(facts)
        when = Text(
            when.zh + "目前还不知道经营者的真实名称和地址，投诉可能不被受理："
            f"先查ICP备案主办单位和付款记录上的收款方名称，并{first.zh}。",
            when.en + " You don't yet have the operator's legal name and address, so 12315 may "
            f"refuse the complaint: look up the ICP record holder and the payee name, and "
            f"{first.en}.",
        )
    return Channel(
        "12315",
        Text("向12315投诉", "Complain at 12315"),
        when,
        (law.CPL_39, law.CPL_46, law.CPL_REG_26_1, law.CPL_REG_46),
    )


def _report(facts: Facts, route: str) -> Channel | None:
    """A 举报 is separate from the complaint: it asks for a penalty, not a refund."""
    grounds: list[tuple[Text, tuple]] = []
    if stall_threshold_met(facts, route):
        grounds.append(
            (Text("故意拖延或拒绝退款", "stalling or refusing the refund"), (law.CPL_56_1_VIII,))
        )
    if facts.no_refund_clause:
        grounds.append(
            (Text("不公平的“不退款”条款", 'an unfair "no refunds" notice'), (law.CPL_REG_17,))
        )
    if not facts.operator_known:
        grounds.append(
            (
                Text("首页未公示营业执照和真实名称", "no licence or real name on the home page"),
                (law.ECL_15, law.CPL_REG_13_2),
            )
        )
    if "false_claims" in facts.fraud_signs:
        grounds.append((Text("虚假宣传", "false advertising"), (law.PENALTY_6_VIII,)))
    if not grounds:
        return None
    listed = [text for text, _articles in grounds]
    check_zh, check_en = "", ""
    if not facts.operator_known:
        check_zh = "身份一项，只有网站首页确实没有公示时才举报。"
        check_en = " Report the missing identity only if the home page really doesn't show it."
    return Channel(
        "report",
        Text("另行举报违法行为", "Report the breaches separately (举报)"),
        Text(
            f"可以就{'、'.join(t.zh for t in listed)}另行举报；"
            f"举报请求处罚，不解决退款。{check_zh}",
            f"You can report {', '.join(t.en for t in listed)}. A report asks for a penalty; it "
            f"doesn't get your money back.{check_en}",
        ),
        tuple(article for _text, articles in grounds for article in articles),
    )


def _consumer_association() -> Channel:
    return Channel(
        "consumer_association",
        Text("或者：请消费者协会调解", "Or: ask the consumer association to mediate"),
        Text(
            "这是12315之外的另一条路，二选一，不要同时就同一件事投诉。",
            "This is an alternative to 12315: choose one, don't file the same dispute at both.",
        ),
        (law.CPL_39, law.CPL_REG_45),
    )


def _court(consumer: bool) -> Channel:
    return Channel(
        "court",
        Text("向法院起诉", "Go to court"),
        Text(
            "前面的途径都不成时的最后一步。金额不大的可以问法院能否适用小额诉讼程序，也可以在线起诉。",
            "The last step when nothing else works. For small amounts, ask the court about its "
            "small-claims procedure; you can also file online.",
        ),
        (law.CPL_39,) if consumer else (law.ECL_60,),
    )


def _police() -> Channel:
    return Channel(
        "police",
        Text("向公安机关报案", "Report to the police"),
        Text(
            "网站收款后关闭、失联，可能涉嫌诈骗的，可以向当地公安机关报案或拨打110。",
            "The site took the money and vanished, which may be a scam: report it to the local "
            "police or call 110.",
        ),
        (law.CRIMINAL_266,),
    )
