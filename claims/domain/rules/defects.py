"""Rules R4 and R5: what arrived does not work as sold, at once or later (stopped_working).

A faulty key is a quality problem (CPL 24), so the digital exclusion from no-reason returns
does not touch it. A seller's warranty makes a later failure a promise case (R7) instead.
"""

from claims.domain import law
from claims.domain.assessment import Findings
from claims.domain.deadlines import (
    DEMAND_TERM,
    REPAIR_TERM,
    rescission_lapsed,
    return_window_end,
)
from claims.domain.facts import Facts
from claims.domain.quantity import claimed_sum, count
from claims.domain.rules.change_of_mind import promise_reason
from claims.domain.text import Text

REPLACE = {
    "card_key": Text("更换一张可正常使用的卡密", "swap it for a working key"),
    "membership": Text("重新开通可正常使用的会员", "give you a membership that works"),
    "topup": Text("重新正确完成充值", "redo the top-up correctly"),
    "service": Text("按约定重新提供服务", "redo the service as agreed"),
    "physical_card": Text("更换一张可正常使用的点卡", "swap it for a working card"),
    "site_balance": Text("将充值金额正确计入余额", "credit the deposit correctly"),
}
_WRONG_ITEM_FIX = Text("更换为实际购买的商品", "send what you actually bought")
_RESTORE = Text("恢复正常使用", "make it work again")
_ITEM = {
    "card_key": ("卡密", "key"),
    "membership": ("会员", "membership"),
    "topup": ("充值", "top-up"),
    "service": ("服务", "service"),
    "physical_card": ("点卡", "card"),
    "site_balance": ("余额充值", "deposit"),
}
# How each kind of fault reads in one impersonal sentence for the shop.
KIND = {
    "invalid": Text("无法正常使用", "doesn't work"),
    "used": Text("在交付前已被使用", "had already been used before you got it"),
    "wrong_value": Text("面值与所购商品不符", "has the wrong value"),
    "wrong_region": Text("适用区服或地区与所购商品不符", "is for the wrong region or server"),
    "not_as_described": Text("与商品描述不符", "isn't as described"),
    "recovered": Text("被卖方找回或收回", "was taken back by the seller after delivery"),
    "reversed": Text("到账后被撤回", "was reversed after it arrived"),
    "expired_early": Text("在承诺的有效期届满前失效", "expired before the promised date"),
}
_PROBLEM_KIND = {
    "invalid_key": KIND["invalid"],
    "wrong_item": Text("与所购商品不符", "isn't what you bought"),
    "stopped_working": Text("使用一段时间后失效", "stopped working after a while"),
}


def refund_words(facts: Facts) -> Text:
    """ "全额退款", or on a partial claim the refund of the failed items only."""
    if facts.partial:
        return Text("退还出问题部分的钱", "give back the money for the items that failed")
    return Text("全额退款", "give all your money back")


def fault(facts: Facts) -> Text:
    """What is wrong, as a predicate: "…的卡密" + fault.zh reads as one sentence."""
    return KIND.get(facts.defect_kind) or _PROBLEM_KIND[facts.problem]


def item_words(facts: Facts) -> tuple[str, str]:
    return _ITEM[facts.product_type]


def defect(facts: Facts) -> Findings:
    """R4/R5 (and R7 for a failure the seller's warranty covers)."""
    if (
        facts.problem == "stopped_working"
        and facts.refund_promise == "yes"
        and facts.promise_conditions_met != "no"
    ):
        return _warranty(facts)
    amount = claimed_sum(facts)
    fix = repair(facts)
    within = facts.today <= return_window_end(facts)
    if not within and rescission_lapsed(facts):
        return _repair_only(facts, fix)
    if within:
        headline = Text(
            f"可以。收到的东西有问题，你可以要求{fix.zh}，或{refund_words(facts).zh}。",
            f"Yes. What you got doesn't work as sold. Ask the shop to {fix.en}, "
            f"or {refund_words(facts).en}.",
        )
    else:
        headline = Text(
            "很可能可以。虽然过了7天，但东西没法按约定使用，你仍然可以要求退款。",
            "Probably. More than 7 days have passed, but the item can't be used as agreed, "
            "so you can still ask for your money back.",
        )
    findings = Findings(
        "defect",
        "strong" if within else "good",
        headline,
        Text(
            f"请{REPAIR_TERM.words.zh}{fix.zh}，或将{amount.zh}原路退回。",
            f"Ask the shop to {fix.en} {REPAIR_TERM.words.en}, or to refund {amount.en} "
            "to the account you paid from (原路退回).",
        ),
        term=REPAIR_TERM,
    )
    item_zh, item_en = item_words(facts)
    what = fault(facts)
    findings.because(
        f"交付的{item_zh}{what.zh}，不符合约定，属于质量问题；消费者可以要求更换，或者退货退款。",
        f"The {item_en} {what.en}. That is a faulty item, so you can ask for a replacement "
        "or a refund.",
        law.CPL_24,
        law.CIVIL_582,
        law.SEVEN_DAY_35,
    )
    if not within:
        findings.because(
            "超过7日的，该问题致使合同目的无法实现，消费者仍可以解除合同、要求退款。",
            "After 7 days you can still cancel and get a refund "
            "if the fault means the item is useless to you.",
            law.CIVIL_563_1_IV,
        )
    if facts.no_refund_clause or facts.merchant_response in ("refused", "refused_digital"):
        findings.because(
            "“数字商品不适用七日无理由退货”只适用于无理由退货，不适用于质量问题退货。",
            '"No 7-day returns on digital items" only covers changing your mind. '
            "It does not cover faulty items.",
            law.CPL_25_1_III,
            law.SEVEN_DAY_35,
        )
    if facts.used_before_confirmed:
        findings.because(
            "官方客服已确认该卡密在交付前已被使用；经营者应当提供发卡记录等原始交易记录。",
            "Official support confirmed the key was used before you got it. The shop must "
            "produce its original records, such as its key-delivery log.",
            law.ECL_62,
        )
    if facts.refund_promise == "yes" and facts.promise_conditions_met != "no":
        promise_reason(findings)
    return findings


def _repair_only(facts: Facts, fix: Text) -> Findings:
    """R16: the 7-day return and the year to cancel (民法典 564(2)) are over, so no refund is
    presented as open; the seller still owes performance as agreed (民法典 577, 582)."""
    findings = Findings(
        "defect",
        "uncertain",
        Text(
            f"有可能，但只能要求{fix.zh}：退款不再是你能主张的权利，只能请店家酌情考虑。",
            f"Maybe, but only to {fix.en}: a refund is no longer yours to demand, though the "
            "shop may still agree to one.",
        ),
        Text(
            f"请{REPAIR_TERM.words.zh}{fix.zh}。",
            f"Ask the shop to {fix.en} {REPAIR_TERM.words.en}.",
        ),
        term=REPAIR_TERM,
    )
    item_zh, item_en = item_words(facts)
    what = fault(facts)
    findings.because(
        f"交付的{item_zh}{what.zh}，履行不符合约定，经营者应当采取更换、修理等补救措施。",
        f"The {item_en} {what.en}; that is not performance as agreed, so the shop must put it "
        "right, for example by a replacement.",
        law.CIVIL_577,
        law.CIVIL_582,
    )
    return findings


def repair(facts: Facts) -> Text:
    """What the shop should do to put the fault right, as a verb phrase."""
    if facts.problem == "wrong_item":
        return _WRONG_ITEM_FIX
    if facts.problem == "stopped_working":
        return _RESTORE
    if facts.quantity > 1:
        items = count(facts, facts.quantity_failed)
        return Text(f"更换其中无法使用的{items.zh}", f"swap the {items.en} that do not work")
    return REPLACE[facts.product_type]


def _warranty(facts: Facts) -> Findings:
    """R7 for a later failure: a warranty (质保X天, 掉线包补) binds the seller."""
    amount = claimed_sum(facts)
    met = facts.promise_conditions_met == "yes"
    item_zh, item_en = item_words(facts)
    what = fault(facts)
    findings = Findings(
        "seller_promise",
        "good" if met else "uncertain",
        Text(
            "很可能可以。店家承诺过质保或包退，东西在承诺范围内失效，店家应当兑现。",
            "Probably. The shop promised a warranty or refunds, and the item failed within it.",
        )
        if met
        else Text(
            "有可能。店家承诺过质保或包退，关键看这次失效是否在承诺的范围和期限内。",
            "Maybe. The shop promised a warranty; it depends on whether this failure is "
            "within its terms and period.",
        ),
        Text(
            f"请按贵店的承诺，{DEMAND_TERM.words.zh}{_RESTORE.zh}，或将{amount.zh}原路退回。",
            f"Ask the shop to keep its promise: {_RESTORE.en} {DEMAND_TERM.words.en}, or refund "
            f"{amount.en} to the account you paid from (原路退回).",
        ),
        term=DEMAND_TERM,
    )
    findings.because(
        f"交付的{item_zh}{what.zh}。经营者在页面、公告或聊天中作出的质保或退款承诺，应当兑现。",
        f"The {item_en} {what.en}. The shop promised a warranty or refunds on its page, in a "
        "notice or in chat, and must keep that promise.",
        law.CPL_REG_12,
    )
    findings.because(
        "经营者履行合同不符合约定的，应当采取补救措施或者退款。",
        "A shop that did not perform as agreed must put it right or refund you.",
        law.CIVIL_577,
        law.CIVIL_582,
    )
    return findings
