"""Turn what the user told us into an Assessment: can they get their money back, and why.

Pure (no Django) so the rules of LEGAL_BASIS.md §4 can be tested as plain tables.
"""

from claims import law, next_steps
from claims.assessment import (
    CLAIM_ROUTES,
    PROBLEMS,
    PRODUCT_TYPES,
    Assessment,
    Deadline,
    EvidenceNeed,
    Facts,
    Findings,
    Reason,
    format_yuan,
)
from claims.bilingual import Text
from claims.change_of_mind import changed_mind, promise_reason

STALLING_RESPONSES = ("no_reply", "refused", "promised_nothing_happened", "asked_to_wait")
__all__ = [
    "Assessment",
    "Deadline",
    "EvidenceNeed",
    "Facts",
    "Reason",
    "assess",
    "format_yuan",
]

_DELIVER = {
    "card_key": Text("发放一张可正常使用的卡密", "send a working key"),
    "membership": Text("开通会员", "activate the membership"),
    "topup": Text("完成充值并到账", "complete the top-up"),
    "service": Text("完成服务", "provide the service"),
    "physical_card": Text("寄出点卡", "ship the card"),
}
_REPLACE = {
    "card_key": Text("更换一张可正常使用的卡密", "swap it for a working key"),
    "membership": Text("重新开通可正常使用的会员", "give you a membership that works"),
    "topup": Text("重新正确完成充值", "redo the top-up correctly"),
    "service": Text("按约定重新提供服务", "redo the service as agreed"),
    "physical_card": Text("更换一张可正常使用的点卡", "swap it for a working card"),
}
_WRONG_ITEM_FIX = Text("更换为我实际购买的商品", "send what you actually bought")


def assess(facts: Facts) -> Assessment:
    """Apply rules R1, R4-R8 and the R17 hard stop of LEGAL_BASIS.md §4 to one order."""
    _check(facts)
    if facts.redeemed:
        return _assessment(_stop_abuse(), facts)
    if facts.problem == "not_delivered":
        findings = _not_delivered(facts)
    elif facts.problem in ("invalid_key", "wrong_item"):
        findings = _defect(facts)
    else:
        findings = changed_mind(facts)
    _standard_terms(facts, findings)
    if findings.route in ("non_delivery", "defect"):
        _stalling(facts, findings)
    if findings.route in CLAIM_ROUTES:
        _lawsuit_reason(findings)
    return _assessment(findings, facts)


def _check(facts: Facts) -> None:
    if facts.product_type not in PRODUCT_TYPES:
        raise ValueError(f"unknown product_type {facts.product_type!r}")
    if facts.problem not in PROBLEMS:
        raise ValueError(f"unknown problem {facts.problem!r}")
    if facts.purchased_at.tzinfo is None:
        raise ValueError("purchased_at must be timezone-aware")


def _assessment(findings: Findings, facts: Facts) -> Assessment:
    citations = dict.fromkeys(c for reason in findings.reasons for c in reason.citations)
    return Assessment(
        route=findings.route,
        outcome=findings.outcome,
        headline=findings.headline,
        reasons=tuple(findings.reasons),
        demand=findings.demand,
        citations=tuple(citations),
        deadlines=next_steps.deadlines(facts, findings.route),
        evidence_needed=next_steps.evidence_needed(facts, findings.route),
        warnings=(*findings.warnings, *next_steps.warnings(facts, findings.route)),
        blocks_documents=findings.route == "stop_abuse",
    )


def _stop_abuse() -> Findings:
    """R17: a redeemed key has been delivered; a claim saying otherwise would be a lie."""
    findings = Findings(
        "stop_abuse",
        "stop",
        Text(
            "我们不能帮你申请这笔退款：你说过卡密已经用过或能用。",
            "We can't help with this refund: you said the key worked or was used.",
        ),
        Text(
            "无。已经成功使用的商品，不能再要求退款。", "Nothing. A key that worked was delivered."
        ),
    )
    findings.because(
        "编造事实、伪造证据向店家要钱，不受消费者保护，会被公安处罚，严重的追究刑事责任。",
        "Making up facts or faking evidence to get money from a shop is not protected. "
        "The police can punish it, and it can be a crime.",
        law.CPL_REG_49_2,
    )
    findings.because(
        "投诉和举报不能用来谋取不该得的钱。",
        "Complaints may not be used to get money you are not owed.",
        law.CPL_REG_27_2,
    )
    findings.because(
        "骗取财物数额较大的，构成诈骗罪。",
        "Taking money by deceit can be the crime of fraud.",
        law.CRIMINAL_266,
    )
    findings.warnings += [
        Text(
            "卡密已经兑换成功，却说“没收到”或“无效”来要求退款，这是诈骗。"
            "金额不大也可能被治安处罚。",
            "Saying a key you redeemed never arrived or didn't work, to get a refund, is fraud. "
            "Even small amounts can be punished by the police.",
        ),
        Text(
            "修改、拼接截图或录屏就是造假。",
            "Editing or stitching screenshots or recordings is faking evidence (造假).",
        ),
        Text(
            "如果你选错了，请返回上一步修改答案。",
            "If you picked the wrong answer, go back and change it.",
        ),
    ]
    return findings


def _not_delivered(facts: Facts) -> Findings:
    """R1: paid, nothing arrived, and the promised time has passed."""
    amount, deliver = format_yuan(facts.amount), _DELIVER[facts.product_type]
    if facts.delivery_overdue is False:
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
            "店家必须按承诺的时间发货，时间没到之前还不算违约。",
            "The shop must deliver by the time it promised. Until then it hasn't broken the deal.",
            law.ECL_20,
        )
        return findings
    if facts.delivery_overdue:
        outcome = "strong"
        headline = Text(
            "可以。你付了钱，店家过了承诺时间还没发货，你可以要求马上发货或全额退款。",
            "Yes. You paid and the shop missed its delivery time. "
            "You can ask for delivery now or all your money back.",
        )
    else:
        outcome = "uncertain"
        headline = Text(
            "很可能可以，但要先确认店家承诺的发货时间已经过了。",
            "Probably, but first check that the shop's promised delivery time has passed.",
        )
    findings = Findings(
        "non_delivery",
        outcome,
        headline,
        Text(
            f"请在24小时内{deliver.zh}；如做不到，请将{amount}原路退回。",
            f"Ask the shop to {deliver.en} within 24 hours, or to refund {amount} "
            "to the account you paid from (原路退回). You choose which.",
        ),
    )
    findings.because(
        "你先付了钱，店家就必须按约定发货。没发货时，发货还是退款由你选。",
        "You paid first, so the shop must deliver as agreed. "
        "If it doesn't, you choose: delivery or a refund.",
        law.CPL_53,
        law.CPL_REG_22_2,
    )
    findings.because(
        "店家没有按承诺的时间发货，要承担责任。",
        "The shop did not deliver on time, and it is responsible for that.",
        law.ECL_20,
        law.ECL_74,
        law.CIVIL_577,
    )
    findings.because(
        "在线发的东西，要你能查到、能看清才算发货。页面没显示、显示不全，都不算。",
        "It only counts as delivered if you can find and read it. "
        "Nothing shown, or a cut-off code, is not delivery.",
        law.ECL_51_2,
        law.CIVIL_512_2,
    )
    findings.because(
        "如果你书面给了合理期限，店家仍不发货，你可以取消订单并要求退款。",
        "If you give the shop a fair deadline in writing and it still doesn't deliver, "
        "you can cancel the order and get your money back.",
        law.CIVIL_563_1_III,
    )
    if facts.delivery_overdue is None:
        findings.warnings.append(
            Text(
                "请查看商品页面写的发货时间（如“自动发货”“10分钟到账”），并截图保存。",
                'Check the delivery time on the product page (like "instant delivery" or '
                '"arrives in 10 minutes") and take a screenshot.',
            )
        )
    return findings


def _defect(facts: Facts) -> Findings:
    """R4/R5: a key that doesn't work is a faulty item, whatever the no-reason rules say."""
    amount = format_yuan(facts.amount)
    fix = _WRONG_ITEM_FIX if facts.problem == "wrong_item" else _REPLACE[facts.product_type]
    within = facts.today <= next_steps.return_window_end(facts)
    if within:
        headline = Text(
            f"可以。收到的东西有问题，你可以要求{fix.zh}，或全额退款。",
            f"Yes. What you got doesn't work as sold. Ask the shop to {fix.en}, "
            "or give all your money back.",
        )
    else:
        headline = Text(
            "很可能可以。虽然过了7天，但东西根本没法用，你仍然可以要求退款。",
            "Probably. More than 7 days have passed, but the item is useless, "
            "so you can still ask for your money back.",
        )
    findings = Findings(
        "defect",
        "strong" if within else "good",
        headline,
        Text(
            f"请在24小时内{fix.zh}；如做不到，请将{amount}原路退回。",
            f"Ask the shop to {fix.en} within 24 hours, or to refund {amount} "
            "to the account you paid from (原路退回).",
        ),
    )
    findings.because(
        "东西不能用或不是你买的，属于质量问题，你可以要求更换或退款。",
        "An item that doesn't work, or isn't what you bought, is faulty. "
        "You can ask for a replacement or a refund.",
        law.CPL_24,
        law.CIVIL_582,
    )
    if not within:
        findings.because(
            "过了7天，只要这个问题让你买它的目的落空，仍然可以取消订单、要求退款。",
            "After 7 days you can still cancel and get a refund "
            "if the fault means the item is useless to you.",
            law.CIVIL_563_1_IV,
        )
    if facts.no_refund_clause or facts.merchant_response == "refused":
        findings.because(
            "“数字商品不支持7天无理由退货”只管改变主意的退货，管不了质量问题。",
            '"No 7-day returns on digital items" only covers changing your mind. '
            "It does not cover faulty items.",
            law.CPL_25_1_III,
            law.SEVEN_DAY_35,
        )
    if facts.refund_promise == "yes" and facts.promise_conditions_met != "no":
        promise_reason(findings)
    return findings


def _standard_terms(facts: Facts, findings: Findings) -> None:
    """R8: a no-refund notice cannot defeat a delivery, defect or promise claim."""
    if not facts.no_refund_clause:
        return
    if findings.route in ("non_delivery", "defect", "seller_promise"):
        findings.because(
            "“一经售出概不退换”“虚拟商品不退款”这类告示，不能免除店家发货和保证质量的责任，这部分无效。",
            '"All sales final" or "no refunds on virtual goods" notices can\'t excuse the shop '
            "from delivering something that works. That part of the notice doesn't count.",
            law.CPL_26_2_3,
            law.CIVIL_497,
            law.SPC_ONLINE_1,
        )
    # A ticked "no returns" box is what the shop will point to; it is weak on its own.
    relies_on_tick = findings.route != "not_yet_due" and (
        findings.route != "no_reason_unlikely" or facts.product_type == "physical_card"
    )
    if facts.purchase_confirmation == "yes" and relies_on_tick:
        findings.because(
            "网站只靠一个勾选框或弹窗，不足以证明已经把不退款条款讲清楚。",
            "A tick box or pop-up alone doesn't prove the site properly told you "
            "about its no-refund terms.",
            law.SPC_CONTRACT_10_3,
        )


def _stalling(facts: Facts, findings: Findings) -> None:
    """R9: 15 days after the refund request, delay counts as deliberate."""
    if not facts.contacted or facts.merchant_response not in STALLING_RESPONSES:
        return
    if findings.route == "non_delivery":
        findings.because(
            "店家明确拒绝合理的退款要求，或你要求后超过15天还不退，都算故意拖延或无理拒绝。",
            "A flat refusal of a fair refund request, or no refund 15 days after you asked, "
            "counts as deliberately stalling.",
            law.PENALTY_10_2,
        )
    else:
        findings.because(
            "你要求处理后超过15天店家还不处理，就算故意拖延或无理拒绝。",
            "If the shop still hasn't dealt with it 15 days after you asked, "
            "that counts as deliberately stalling.",
            law.PENALTY_8,
        )


def _lawsuit_reason(findings: Findings) -> None:
    findings.because(
        "向法院起诉的期限一般是3年，从你发现问题时算起。",
        "You generally have 3 years to go to court, from when you found the problem.",
        law.CIVIL_188,
    )
