"""Rules R6 and R7: a refund when nothing is wrong with the item, only the buyer's wish.

Kept apart from eligibility.py, which handles the cases where the shop is at fault.
"""

from claims import law, next_steps
from claims.assessment import Facts, Findings, format_yuan
from claims.bilingual import Text

SERVICE_TYPES = ("membership", "topup", "service")


def promise_reason(findings: Findings) -> None:
    findings.because(
        "店家在页面、公告或聊天里承诺过可以退款，就必须兑现，数字商品也一样。",
        "The shop promised refunds on its page, in a notice or in chat. "
        "It must keep that promise, even for digital items.",
        law.CPL_REG_12,
        law.SPC_ONLINE_2,
    )


def changed_mind(facts: Facts) -> Findings:
    """R6/R7: change of mind works only through a shop promise or, for mailed cards, R6-B."""
    amount = format_yuan(facts.amount)
    if facts.refund_promise == "yes" and facts.promise_conditions_met != "no":
        met = facts.promise_conditions_met == "yes"
        findings = Findings(
            "seller_promise",
            "good" if met else "uncertain",
            Text(
                "很可能可以。店家承诺过可以退款，你的情况符合承诺，店家应当兑现。",
                "Probably. The shop promised refunds and your case fits the promise.",
            )
            if met
            else Text(
                "有可能。店家承诺过可以退款，关键看你是否符合承诺的条件。",
                "Maybe. The shop promised refunds; it depends on whether your case fits "
                "the promise's conditions.",
            ),
            Text(
                f"请按贵店的退款承诺，在3天内将{amount}原路退回。",
                f"Ask the shop to keep its promise and refund {amount} to the account you "
                "paid from (原路退回) within 3 days.",
            ),
        )
        promise_reason(findings)
        return findings
    if facts.product_type == "physical_card":
        findings = _physical_card(facts, amount)
    else:
        findings = _digital_change_of_mind(facts, amount)
    if facts.refund_promise == "yes":
        findings.because(
            "店家的退款承诺有条件，你的情况不符合，所以帮不上忙。",
            "The shop's refund promise has conditions your case doesn't meet, "
            "so it doesn't help here.",
        )
    elif facts.refund_promise == "unsure":
        findings.warnings.append(
            Text(
                "请再看看商品页面、公告和聊天记录。如果店家写过“未使用可退”“包退”，"
                "请返回修改答案。",
                "Check the product page, notices and chats again. If the shop ever wrote "
                '"refund if unused" or similar, go back and change your answer.',
            )
        )
    return findings


def _physical_card(facts: Facts, amount: str) -> Findings:
    """R6 exception B: a mailed card is a physical good; refusing needs a confirmation step."""
    if facts.purchase_confirmation == "yes":
        findings = Findings(
            "no_reason_unlikely",
            "weak",
            Text(
                "恐怕很难。你下单时确认过这张卡不退货，7天无理由退货一般不适用。",
                "Unlikely. You confirmed at checkout that the card can't be returned, "
                "so the 7-day return generally doesn't apply.",
            ),
            _goodwill_demand(amount),
        )
        findings.because(
            "激活后会贬值的商品，你在购买时确认过不退货，店家可以不接受无理由退货。"
            "但如果那个选项是默认勾好的，就不算你确认过。",
            "Items that lose value once activated can be made non-returnable if you confirmed "
            "it when buying. A box that was already ticked for you doesn't count.",
            law.SEVEN_DAY_7,
            law.CPL_REG_19,
        )
        return findings
    findings = Findings(
        "no_reason_return",
        "good" if facts.purchase_confirmation == "no" else "uncertain",
        Text(
            "很可能可以。实体点卡购买时没让你确认“不退货”，店家不能拒绝7天无理由退货。",
            "Probably. Checkout never asked you to confirm the card was non-returnable, "
            "so the shop can't refuse a 7-day return.",
        )
        if facts.purchase_confirmation == "no"
        else Text(
            "有可能。要看下单时店家有没有让你单独确认“不退货”。",
            "Maybe. It depends on whether checkout made you confirm the card can't be returned.",
        ),
        Text(
            f"我申请7天无理由退货。请在3天内提供退货地址；收到退回的点卡后7日内，将{amount}原路退回。",
            f"Ask to return the card within 7 days, no reason needed. The shop gives you a "
            f"return address and refunds {amount} to the account you paid from (原路退回) "
            "within 7 days of getting the card back.",
        ),
    )
    findings.because(
        "点卡是寄来的实物。店家想不退，必须在下单时让你明确确认；没有确认，就不能拒绝。"
        "店家自己贴的“概不退换”不能扩大不退货的范围。",
        "A mailed card is a physical item. To refuse a return, the shop had to make you "
        "confirm it at checkout. Without that, it can't refuse. "
        'Its own "no returns" notice does not change this.',
        law.CPL_REG_19,
        law.SEVEN_DAY_7,
        law.SEVEN_DAY_20_2,
    )
    findings.because(
        "7天从收到点卡的第二天算起。店家收到完好的退货后7天内要退款。",
        "The 7 days start the day after you got the card. "
        "The shop must refund within 7 days of getting it back in good condition.",
        law.SEVEN_DAY_10,
        law.SEVEN_DAY_13,
    )
    if facts.today > next_steps.return_window_end(facts):
        findings.outcome = "uncertain"
        findings.warnings.append(
            Text(
                "按下单日算，7天可能已经过了。只有点卡实际到手更晚，才还来得及。",
                "Counting from the order date, the 7 days may be over. "
                "You're only in time if the card reached you later.",
            )
        )
    return findings


def _digital_change_of_mind(facts: Facts, amount: str) -> Findings:
    """R6: a delivered, working digital item or a service is generally not returnable."""
    findings = Findings(
        "no_reason_unlikely",
        "weak",
        Text(
            "恐怕很难。已经发到手、能正常使用的虚拟商品，一般不能7天无理由退货。"
            "你可以礼貌地请店家通融。",
            "Unlikely. Digital items that arrived and work can't usually be returned "
            "just because you changed your mind. You can still ask the shop nicely.",
        ),
        _goodwill_demand(amount),
    )
    if facts.product_type in SERVICE_TYPES:
        # LEGAL_BASIS §5.11: no authority either way, so this is our reading, not a citation.
        findings.because(
            "7天无理由退货的规定针对的是“商品”。充值、会员这类服务，按字面看不在其中（这是我们的理解）。",
            "The 7-day return rule is written for goods. Services like top-ups and memberships "
            "are, on its wording, outside it (this is our reading).",
        )
    else:
        findings.because(
            "已经在线发出的卡密属于数字商品，一般不适用7天无理由退货。",
            "A key sent online is a digital item, which generally can't be returned "
            "just because you changed your mind.",
            law.CPL_25_1_III,
            law.SEVEN_DAY_6_III,
        )
    return findings


def _goodwill_demand(amount: str) -> Text:
    return Text(
        f"恳请贵店酌情通融，将{amount}原路退回。",
        f"You can politely ask the shop to refund {amount} as a favour. It doesn't have to.",
    )
