"""Rules R0 and R14: who bought decides which law applies before what went wrong does.

R0: a purchase for resale is not consumption, so only contract law and the courts remain.
R14: a minor's purchase the guardian did not approve can be refused and the money reclaimed.
Ages 8-17 (民法典 19, 145(1)): only spending beyond the child's age needs the guardian's consent;
under 8 (民法典 20, 144) the purchase is void. Either way 157 returns the money.
"""

from claims.domain import law
from claims.domain.assessment import Findings
from claims.domain.deadlines import (
    DEMAND_TERM,
    delivery_term,
    rescission_due,
    rescission_lapsed,
    return_window_end,
)
from claims.domain.facts import LIMITED_CAPACITY_AGE, NEVER_WORKED, Facts
from claims.domain.formatting import format_date
from claims.domain.quantity import claimed_sum
from claims.domain.rules.defects import fault, item_words, repair
from claims.domain.rules.prepayment import delivery_demand, overdue
from claims.domain.text import Text


def business_purchase(facts: Facts) -> Findings:
    """R0: contract route only (民法典 577/563), no consumer law, no 12315."""
    amount = claimed_sum(facts)
    findings = Findings(
        "business_purchase",
        "good",
        Text(
            "可以按合同追究，但不能走消费者维权：你是为转售或经营买的，"
            "消费者权益保护法和12315投诉都不适用。",
            "You can hold the seller to the contract, but not as a consumer: you bought to "
            "resell or for business, so consumer law and 12315 complaints don't apply.",
        ),
        _demand(facts, amount),
        term=DEMAND_TERM,
    )
    findings.because(
        "本案商品系为转售或经营而购买（如代理拿货、分站进货），不属于为生活消费需要购买，"
        "不适用消费者权益保护的规定，双方的权利义务依合同确定。",
        "You bought to resell or run a business (agent stock, a sub-site, a studio). Consumer "
        "law covers purchases for personal consumption only, so your rights come from the "
        "contract.",
    )
    if facts.problem == "not_delivered":
        _undelivered_order(facts, findings)
    elif facts.problem == "changed_mind":
        findings.outcome = "weak"
        findings.term = None  # a favour asked, as on the no_reason_unlikely route
        findings.headline = Text(
            "恐怕不行。为经营进的货，改变主意不是退款的理由，除非合同另有约定。",
            "Unlikely. For goods bought for business, changing your mind is no ground for a "
            "refund unless the contract says so.",
        )
        findings.demand = Text(
            f"恳请贵方酌情通融，将{amount.zh}原路退回。",
            f"You can ask the seller to refund {amount.en} as a favour. It doesn't have to.",
        )
        findings.instead(
            "查看你和上家（主站、货源）的合作规则或聊天记录里有没有退货约定。",
            "Check your supplier agreement or chats for any agreed return terms.",
        )
    else:
        _faulty_performance(facts, findings)
    findings.instead(
        "先和卖家协商，保存好聊天记录和付款记录；协商不成，可以向法院起诉。",
        "Negotiate with the seller first and keep the chats and payment records; if that "
        "fails, you can sue.",
    )
    return findings


def _demand(facts: Facts, amount: Text) -> Text:
    term = DEMAND_TERM.words
    if facts.problem in ("invalid_key", "wrong_item", "stopped_working"):
        fix = repair(facts)
        return Text(
            f"请{term.zh}{fix.zh}，或将{amount.zh}原路退回。",
            f"Ask the seller to {fix.en} {term.en}, or to refund {amount.en} to the account "
            "you paid from (原路退回).",
        )
    return Text(
        f"请{term.zh}按约定履行，或将{amount.zh}原路退回。",
        f"Ask the seller to perform as agreed {term.en}, or to refund {amount.en} to the "
        "account you paid from (原路退回).",
    )


def _undelivered_order(facts: Facts, findings: Findings) -> None:
    late = overdue(facts)
    findings.demand, findings.term = delivery_demand(facts), delivery_term(facts)
    if late is False and not rescission_due(facts):
        findings.outcome = "wait"
        findings.headline = Text(
            "现在还不行：约定的交货时间还没到。过了时间还没收到，再来。",
            "Not yet: the agreed delivery time hasn't passed. Come back if it passes.",
        )
        return
    if late is None and not rescission_due(facts):
        findings.outcome = "uncertain"
    findings.because(
        "卖方收款后未按约定交付，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。",
        "The seller took the money and did not deliver as agreed, so it must perform, put it "
        "right or pay damages.",
        law.CIVIL_577,
    )
    if rescission_due(facts):
        due = format_date(facts.deadline_on)
        findings.because(
            f"买方已书面催告，要求在{due.zh}前交付，卖方逾期仍未交付，买方有权解除合同；"
            "解除通知到达卖方时合同解除，解除后卖方应当退还价款并赔偿损失。",
            f"You demanded delivery in writing by {due.en} and the seller missed it, so you "
            "may cancel; the contract ends when your notice arrives, and the seller must "
            "refund you and cover your losses.",
            law.CIVIL_563_1_III,
            law.CIVIL_565_1,
            law.CIVIL_566_1,
        )
    elif not rescission_lapsed(facts):
        findings.because(
            "卖方经书面催告后在合理期限内仍不交付的，买方可以解除合同。",
            "If the seller still doesn't deliver within a fair deadline you set in writing, "
            "you can cancel the contract.",
            law.CIVIL_563_1_III,
        )


def _faulty_performance(facts: Facts, findings: Findings) -> None:
    if facts.problem == "balance_stuck":
        findings.because(
            "卖方收取预存款后不按约定提供商品，属于不履行合同义务。",
            "The seller holds money you paid in advance and won't provide what was agreed: "
            "that is a breach of contract.",
            law.CIVIL_577,
        )
        return
    item_zh, item_en = item_words(facts)
    what = fault(facts)
    findings.because(
        f"交付的{item_zh}{what.zh}，履行不符合约定，买方可以要求更换、退货或者减少价款。",
        f"The {item_en} {what.en}; that is not performance as agreed, so you can ask for a "
        "replacement, a return or a lower price.",
        law.CIVIL_577,
        law.CIVIL_582,
    )
    if facts.today > return_window_end(facts) and not rescission_lapsed(facts):
        findings.because(
            "该问题致使合同目的无法实现的，买方可以解除合同。",
            "If the fault defeats the purpose of the purchase, you can cancel the contract.",
            law.CIVIL_563_1_IV,
        )


def minor_route_applies(facts: Facts) -> bool:
    """R14 decides the case unless the guardian agreed or the purchase suits the child's age."""
    if not facts.buyer_is_minor or facts.guardian_consented is True:
        return False
    return not (has_limited_capacity(facts) and facts.minor_out_of_proportion is False)


def has_limited_capacity(facts: Facts) -> bool:
    """From 8 the child may buy what suits their age (民法典 19); under 8 nothing (民法典 20)."""
    return facts.minor_age is None or facts.minor_age >= LIMITED_CAPACITY_AGE


def suited_to_age(findings: Findings) -> None:
    """R14, ages 8-17: a purchase that suits the child's age is valid; the other rules apply."""
    findings.because(
        "购买人是八周岁以上的未成年人，这笔消费与其年龄、智力相适应，可以独立实施，交易有效；"
        "是否退款按商品本身的问题判断。",
        "The child is 8 or older and this spending suits their age, so they could buy it on "
        "their own and the purchase stands; a refund depends on what went wrong with it.",
        law.CIVIL_19,
    )


def minor(facts: Facts) -> Findings:
    """R14: under 8 the purchase is void; from 8 the guardian refuses to ratify (民法典 157)."""
    if not has_limited_capacity(facts):
        return _young_child(facts)
    amount = claimed_sum(facts)
    refused = facts.guardian_consented is False
    beyond = facts.minor_out_of_proportion is True
    age = f"{facts.minor_age}岁，" if facts.minor_age is not None else ""
    age_en = f"was {facts.minor_age} and " if facts.minor_age is not None else ""
    term = DEMAND_TERM.words
    findings = Findings(
        "minor",
        "good" if refused and beyond else "uncertain",
        Text(
            "很可能可以。买东西的是未成年人，花费超出了与其年龄相适应的范围，你作为监护人没有同意，"
            "可以不追认这笔交易并要求退款。",
            "Probably. The buyer is a minor, the spending is beyond what suits their age, and "
            "you, the guardian, did not agree, so you can refuse the purchase and ask for the "
            "money back.",
        )
        if refused and beyond
        else Text(
            "有可能。关键看这笔花费是否超出与孩子年龄相适应的范围，以及监护人事先是否同意过。",
            "Maybe. It depends on whether the spending is beyond what suits the child's age "
            "and whether the guardian agreed to it.",
        ),
        Text(
            f"本人作为买家的监护人，不同意、也不追认该笔交易，请{term.zh}将{amount.zh}原路退回。",
            f"As the guardian, tell the seller you do not consent to and do not approve the "
            f"purchase, and ask for {amount.en} back to the account it was paid from (原路退回) "
            f"{term.en}.",
        ),
        term=DEMAND_TERM,
    )
    findings.because(
        f"购买人{age}是八周岁以上的未成年人，为限制民事行为能力人，实施与其年龄、智力不相适应的"
        "民事法律行为须经监护人同意或者追认；监护人不同意、不追认的，该行为不发生效力。",
        f"The buyer {age_en}is under 18 but at least 8. Purchases beyond what suits their "
        "age and understanding need the guardian's consent or later approval; without it, "
        "the purchase does not take effect.",
        law.CIVIL_19,
        law.CIVIL_145_1,
    )
    findings.because(
        "未经监护人同意、监护人也不追认的交易不发生效力，经营者因此取得的价款应当返还。",
        "A purchase the guardian neither allowed nor approves has no effect, so the seller "
        "must give back the money it received.",
        law.CIVIL_157,
    )
    if not beyond:
        findings.warn(
            "这笔花费是否超出与孩子年龄相适应的范围，要结合金额和孩子的情况判断；日常小额消费可能被认为相适应，那样交易有效。",
            "Whether the spending is beyond what suits the child's age depends on the amount "
            "and the child; small everyday spending may be held to suit it, and then the "
            "purchase stands.",
        )
    return _minor_common(facts, findings, refused)


def _young_child(facts: Facts) -> Findings:
    """R14, under 8: no capacity, so the purchase is void whatever the amount."""
    amount = claimed_sum(facts)
    refused = facts.guardian_consented is False
    findings = Findings(
        "minor",
        "good" if refused else "uncertain",
        Text(
            "很可能可以。买东西的孩子不满八周岁，这笔交易无效，店家应当退款。",
            "Probably. The child who bought it is under 8, so the purchase is void and the "
            "shop must give the money back.",
        )
        if refused
        else Text(
            "有可能。孩子不满八周岁，交易本身无效；关键看是否是监护人自己同意或代为购买的。",
            "Maybe. A purchase by a child under 8 is void; it depends on whether the guardian "
            "agreed to it or made it for the child.",
        ),
        Text(
            f"本人作为买家的监护人，孩子不满八周岁，该笔交易无效，请{DEMAND_TERM.words.zh}将{amount.zh}原路退回。",
            f"As the guardian, tell the seller the child is under 8 so the purchase is void, "
            f"and ask for {amount.en} back to the account it was paid from (原路退回) "
            f"{DEMAND_TERM.words.en}.",
        ),
        term=DEMAND_TERM,
    )
    age = f"（{facts.minor_age}岁）" if facts.minor_age is not None else ""
    findings.because(
        f"购买人{age}不满八周岁，为无民事行为能力人，由监护人代理实施民事法律行为；"
        "无民事行为能力人实施的民事法律行为无效。",
        "The buyer is under 8 and has no capacity to make purchases: the guardian acts for "
        "them, and a purchase the child makes alone is void.",
        law.CIVIL_20,
        law.CIVIL_144,
    )
    findings.because(
        "交易无效的，经营者因此取得的价款应当返还。",
        "Because the purchase is void, the seller must give back the money it received.",
        law.CIVIL_157,
    )
    return _minor_common(facts, findings, refused)


def _minor_common(facts: Facts, findings: Findings, refused: bool) -> Findings:
    if facts.problem in NEVER_WORKED or facts.problem in ("stopped_working", "balance_stuck"):
        findings.warn(
            "商品本身也有问题（没收到、不能用或失效），这是另一项退款理由；给店家的消息以监护人不追认为主。",
            "The goods also had a problem (not received, not working, or failed later). That is "
            "a further ground; the message leads with the guardian's refusal.",
        )
    findings.warn(
        "请由监护人（通常是父母）出面，准备能证明年龄和监护关系的材料，如户口本。",
        "The guardian (usually a parent) should make the request, with proof of the child's "
        "age and the relationship, such as the household register.",
    )
    if facts.product_type in ("topup", "membership"):
        findings.instead(
            "游戏充值或会员也可以同时向游戏或平台官方的未成年人退款渠道申请。",
            "For game top-ups or memberships, you can also apply through the game's or "
            "platform's official refund channel for minors.",
        )
    if not refused:
        findings.instead(
            "先确认孩子是否事先得到过你的同意（包括用你的账号、密码付款的情况）。",
            "First find out whether the child had your permission, including paying with your "
            "account or password.",
        )
    return findings
