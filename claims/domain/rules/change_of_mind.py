"""Rules R6 and R7: a refund when nothing is wrong with the item, only the buyer's wish.

Kept apart from the modules for the cases where the shop is at fault.
"""

from claims.domain import law
from claims.domain.assessment import Findings
from claims.domain.deadlines import DEMAND_TERM, promise_expired, return_window_end
from claims.domain.facts import Facts
from claims.domain.quantity import claimed_sum
from claims.domain.text import Text

SERVICE_TYPES = ("membership", "topup", "service")


def promise_reason(findings: Findings) -> None:
    findings.because(
        "经营者在页面、公告或聊天中承诺过可以退款，应当兑现；即使是数字化商品，也应当遵守该承诺。",
        "The shop promised refunds on its page, in a notice or in chat. "
        "It must keep that promise, even for digital items.",
        law.CPL_REG_12,
        law.SPC_ONLINE_2,
    )


def changed_mind(facts: Facts) -> Findings:
    """R6/R7: change of mind works only through a shop promise or, for mailed cards, R6-B."""
    amount = claimed_sum(facts)
    # R7 holds only inside the promise's window (R16: its passing is said by timebars.py).
    promised = (
        facts.refund_promise == "yes"
        and facts.promise_conditions_met != "no"
        and not promise_expired(facts)
    )
    if promised and not facts.redeemed:
        return _promise(facts, amount)
    if facts.redeemed:
        findings = _redeemed(amount)
    elif facts.product_type == "physical_card":
        findings = _physical_card(facts, amount)
    else:
        findings = _digital_change_of_mind(facts, amount)
    if facts.refund_promise == "yes" and not facts.redeemed:
        findings.because(
            "经营者的退款承诺附有条件，本案不符合该条件。",
            "The shop's refund promise has conditions your case doesn't meet, "
            "so it doesn't help here.",
        )
    elif facts.refund_promise == "unsure":
        findings.warn(
            "请再看看商品页面、公告和聊天记录。如果店家写过“未使用可退”“包退”，请返回修改答案。",
            "Check the product page, notices and chats again. If the shop ever wrote "
            '"refund if unused" or similar, go back and change your answer.',
        )
    return findings


def _promise(facts: Facts, amount: Text) -> Findings:
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
            f"请按贵店的退款承诺，{DEMAND_TERM.words.zh}将{amount.zh}原路退回。",
            f"Ask the shop to keep its promise and refund {amount.en} to the account you "
            f"paid from (原路退回) {DEMAND_TERM.words.en}.",
        ),
        term=DEMAND_TERM,
    )
    promise_reason(findings)
    if not met:
        findings.instead(
            "把承诺的原话和你的情况逐条对一遍（如“未使用”“7天内”），符合的部分截图保存。",
            'Compare the promise word by word with your case ("unused", "within 7 days") and '
            "screenshot what fits.",
        )
    return findings


def _redeemed(amount: Text) -> Findings:
    """Changed mind after redeeming: the key was used, so no rule or "unused" promise fits."""
    findings = Findings(
        "no_reason_unlikely",
        "weak",
        Text(
            "恐怕不行。卡密已经兑换使用，不能因为改变主意要求退款。",
            "Unlikely. The key has been redeemed, so changing your mind is not a ground "
            "for a refund.",
        ),
        _goodwill_demand(amount),
    )
    findings.because(
        "商品已经兑换使用，不符合无理由退货的条件，也不符合“未使用可退”一类的承诺；"
        "无理由退货应当遵循诚实信用原则。",
        'The key was used, so neither the no-reason rules nor an "unused" refund promise '
        "fit. No-reason returns must be made in good faith.",
        law.CPL_REG_19,
    )
    _goodwill_alternatives(findings)
    return findings


def _physical_card(facts: Facts, amount: Text) -> Findings:
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
            "激活后价值贬损较大的商品，经消费者在购买时确认的，可以不适用无理由退货；"
            "默认勾选的选项不算确认。",
            "Items that lose value once activated can be made non-returnable if you confirmed "
            "it when buying. A box that was already ticked for you doesn't count.",
            law.SEVEN_DAY_7,
            law.CPL_REG_19,
        )
        _goodwill_alternatives(findings)
        return findings
    if facts.today > return_window_end(facts):
        return _return_window_passed(facts, amount)
    confirmed_no = facts.purchase_confirmation == "no"
    findings = Findings(
        "no_reason_return",
        "good" if confirmed_no else "uncertain",
        Text(
            "很可能可以。实体点卡购买时没让你确认“不退货”，店家不能拒绝7天无理由退货。",
            "Probably. Checkout never asked you to confirm the card was non-returnable, "
            "so the shop can't refuse a 7-day return.",
        )
        if confirmed_no
        else Text(
            "有可能。要看下单时店家有没有让你单独确认“不退货”。",
            "Maybe. It depends on whether checkout made you confirm the card can't be returned.",
        ),
        Text(
            f"我申请7天无理由退货。请{DEMAND_TERM.words.zh}提供退货地址；收到退回的点卡后7日内，将{amount.zh}原路退回。",
            f"Ask to return the card within 7 days, no reason needed. The shop gives you a "
            f"return address {DEMAND_TERM.words.en} and refunds {amount.en} to the account you "
            "paid from (原路退回) within 7 days of getting the card back.",
        ),
        term=DEMAND_TERM,
    )
    findings.because(
        "点卡是邮寄的实物。经营者要拒绝无理由退货，必须在购买时让消费者明确确认；"
        "未经确认的，不得拒绝，也不得以自行规定“不退货”为由拒绝。",
        "A mailed card is a physical item. To refuse a return, the shop had to make you "
        "confirm it at checkout. Without that, it can't refuse, and its own "
        '"no returns" notice does not change this.',
        law.CPL_REG_19,
        law.SEVEN_DAY_7,
        law.SEVEN_DAY_20_2,
        law.PENALTY_9,
    )
    findings.because(
        "7日自收到点卡的次日起算；经营者收到完好的退货后7日内应当退款。",
        "The 7 days start the day after you got the card. "
        "The shop must refund within 7 days of getting it back in good condition.",
        law.SEVEN_DAY_10,
        law.SEVEN_DAY_13,
    )
    # R16: timebars.py says the passed window in the headline and lowers this to "uncertain".
    if not confirmed_no:
        findings.instead(
            "回到下单页面，看看有没有单独的“不适用无理由退货”确认步骤，截图保存。",
            'Go back to the checkout page and look for a separate "not returnable" '
            "confirmation step; screenshot it.",
        )
    return findings


def _return_window_passed(facts: Facts, amount: Text) -> Findings:
    """R6 B after R16: the 7 days from receipt are over, so no return is owed any more."""
    findings = Findings(
        "no_reason_unlikely",
        "weak",
        Text(
            "恐怕不行了：店家不再有义务退货。你可以礼貌地请店家通融。",
            "Unlikely now: the shop no longer has to take the card back. You can still ask "
            "the shop nicely.",
        ),
        _goodwill_demand(amount),
    )
    findings.because(
        "7日自收到点卡的次日起算，这个期限已经过了。",
        "The 7 days start the day after you got the card, and they are over.",
        law.SEVEN_DAY_10,
    )
    _goodwill_alternatives(findings)
    return findings


def _digital_change_of_mind(facts: Facts, amount: Text) -> Findings:
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
            "七日无理由退货的规定针对“商品”；充值、会员等服务，按字面不在其范围内（这是本工具的理解）。",
            "The 7-day return rule is written for goods. Services like top-ups and memberships "
            "are, on its wording, outside it (this is our reading).",
        )
    else:
        findings.because(
            "已经在线交付的卡密属于数字化商品，一般不适用七日无理由退货。",
            "A key sent online is a digital item, which generally can't be returned "
            "just because you changed your mind.",
            law.CPL_25_1_III,
            law.SEVEN_DAY_6_III,
        )
    _goodwill_alternatives(findings)
    return findings


def _goodwill_alternatives(findings: Findings) -> None:
    findings.instead(
        "礼貌地请店家通融退款，说明情况；店家没有义务同意。",
        "Ask the shop politely for a goodwill refund and explain; it doesn't have to agree.",
    )
    findings.instead(
        "如果东西其实不能用、与描述不符，或者后来失效，请返回修改问题，那是另一种情况。",
        "If the item actually doesn't work, isn't as described, or stopped working later, go "
        "back and change the problem: that is a different case.",
    )


def _goodwill_demand(amount: Text) -> Text:
    return Text(
        f"恳请贵店酌情通融，将{amount.zh}原路退回。",
        f"You can politely ask the shop to refund {amount.en} as a favour. It doesn't have to.",
    )
