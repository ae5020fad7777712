"""Turn what the user told us into an Assessment: can they get their money back, and why.

Pure (no Django) so the rules R0-R17 of LEGAL_BASIS.md §4 can be tested as plain tables.
This module picks the route and adds the rules that apply on every route (R8-R11, R15);
the routes themselves live in buyers, prepayment, defects, change_of_mind and fraud.
"""

import functools

from claims.domain import channels, deadlines, guidance, law, timebars
from claims.domain.assessment import (
    CLAIM_ROUTES,
    CONSUMER_ROUTES,
    Assessment,
    Channel,
    Deadline,
    EvidenceNeed,
    Findings,
    PunitiveClaim,
    Reason,
)
from claims.domain.facts import (
    BALANCE_BLOCKED,
    DEFECT_KINDS,
    FRAUD_SIGNS,
    KEY_SHOWN,
    MINOR_AGES,
    PROBLEMS,
    PRODUCT_TYPES,
    PROMISED_DELIVERY,
    PURPOSES,
    SOLD_ON_PLATFORM,
    Facts,
)
from claims.domain.formatting import format_yuan
from claims.domain.limits import dated_limits
from claims.domain.rules import fraud
from claims.domain.rules.buyers import (
    business_purchase,
    minor,
    minor_route_applies,
    suited_to_age,
)
from claims.domain.rules.change_of_mind import changed_mind
from claims.domain.rules.defects import defect
from claims.domain.rules.prepayment import not_delivered, site_balance

__all__ = [
    "Assessment",
    "Channel",
    "Deadline",
    "EvidenceNeed",
    "Facts",
    "PunitiveClaim",
    "Reason",
    "assess",
    "format_yuan",
    "offers_dossier",
]

# Without a claim (R6, or R0's change of mind) the app offers only a polite request to the shop.
GOODWILL_DRAFTS = ("merchant_chat",)

_CHOICES = {
    "product_type": PRODUCT_TYPES,
    "problem": PROBLEMS,
    "purpose": PURPOSES,
    "promised_delivery": PROMISED_DELIVERY,
    "key_shown": KEY_SHOWN,
    "defect_kind": DEFECT_KINDS,
    "balance_blocked": BALANCE_BLOCKED,
    "sold_on_platform": SOLD_ON_PLATFORM,
}


@functools.lru_cache(maxsize=256)
def assess(facts: Facts) -> Assessment:
    """Apply rules R0-R17 of LEGAL_BASIS.md §4 to one order. Both are frozen, so the same
    facts share one Assessment: a page asks for it from its guard, its drafts, its plan and
    its template, each a quarter of a millisecond."""
    _check(facts)
    findings = _route(facts)
    if findings.route != "stop_abuse":
        _standard_terms(facts, findings)
        _stalling(facts, findings)
        _refund_method(facts, findings)
        _platform_seller(facts, findings)
        _unknown_operator(facts, findings)
        _off_site_payment(facts, findings)
    if findings.route in CLAIM_ROUTES and not deadlines.lawsuit_passed(facts):
        findings.because(
            "向法院起诉的诉讼时效一般为三年，自知道权利受到损害之日起计算。",
            "You generally have 3 years to go to court, from when you found the problem.",
            law.CIVIL_188,
        )
    punitive = fraud.punitive_claim(facts, findings.route)
    where = channels.channels(facts, findings.route)
    limits = dated_limits(
        facts,
        findings.route,
        fraud=punitive is not None,
        complaint=any(channel.key == "12315" for channel in where),
    )
    timebars.apply(facts, findings, limits)
    return _assessment(findings, facts, punitive, where, limits)


def offers_dossier(assessment: Assessment) -> bool:
    """A claim dossier and complaints only where the user has a claim, not for a favour asked
    (R6's change of mind, and R0's, whose outcome is the only "weak" one on its route)."""
    if assessment.blocks_documents or assessment.route not in CLAIM_ROUTES:
        return False
    return not (assessment.route == "business_purchase" and assessment.outcome == "weak")


def _check(facts: Facts) -> None:
    for name, allowed in _CHOICES.items():
        if getattr(facts, name) not in allowed:
            raise ValueError(f"unknown {name} {getattr(facts, name)!r}")
    if not set(facts.fraud_signs) <= set(FRAUD_SIGNS):
        raise ValueError(f"unknown fraud_signs {facts.fraud_signs!r}")
    if facts.minor_age is not None and facts.minor_age not in MINOR_AGES:
        raise ValueError(f"minor_age must be in {MINOR_AGES!r}, not {facts.minor_age!r}")
    if facts.purchased_at.tzinfo is None:
        raise ValueError("purchased_at must be timezone-aware")


def _route(facts: Facts) -> Findings:
    """R17 first (it stops everything), then who bought (R14, R0), then what went wrong."""
    if fraud.claims_a_working_item(facts) or facts.false_claim_confirmed:
        return fraud.stop_abuse()
    if minor_route_applies(facts):
        return minor(facts)
    findings = _by_problem(facts)
    if facts.buyer_is_minor and facts.guardian_consented is not True:
        suited_to_age(findings)
    return findings


def _by_problem(facts: Facts) -> Findings:
    if facts.purpose == "resale":
        return business_purchase(facts)
    if facts.problem == "not_delivered":
        return not_delivered(facts)
    if facts.problem == "balance_stuck":
        return site_balance(facts)
    if facts.problem in ("changed_mind", "child_bought"):  # child_bought: the guardian agreed
        return changed_mind(facts)
    return defect(facts)


def _assessment(
    findings: Findings,
    facts: Facts,
    punitive: PunitiveClaim | None,
    where: tuple[Channel, ...],
    limits: tuple[Deadline, ...],
) -> Assessment:
    route = findings.route
    citations = dict.fromkeys(c for reason in findings.reasons for c in reason.citations)
    return Assessment(
        route=route,
        outcome=findings.outcome,
        headline=findings.headline,
        reasons=tuple(findings.reasons),
        demand=findings.demand,
        citations=tuple(citations),
        deadlines=limits,
        evidence_needed=guidance.evidence_needed(facts, route),
        warnings=(
            *findings.warnings,
            *guidance.warnings(facts, route, fraud=punitive is not None),
        ),
        blocks_documents=route == "stop_abuse",
        punitive=punitive,
        alternatives=tuple(findings.alternatives),
        channels=where,
        demand_term=findings.term,
    )


def _consumer(facts: Facts, findings: Findings) -> bool:
    return findings.route in CONSUMER_ROUTES and facts.purpose != "resale"


def _standard_terms(facts: Facts, findings: Findings) -> None:
    """R8: a no-refund notice cannot defeat a delivery, defect, balance or promise claim."""
    if not facts.no_refund_clause:
        return
    if findings.route == "business_purchase":
        findings.because(
            "“一经售出概不退换”一类的格式条款，不合理地免除卖方交付合格商品的责任的，该部分无效。",
            '"All sales final" terms that unfairly excuse the seller from delivering goods '
            "that work don't count to that extent.",
            law.CIVIL_497,
        )
    elif findings.route in ("non_delivery", "defect", "seller_promise", "site_balance"):
        findings.because(
            "“一经售出概不退换”“虚拟商品不退款”等告示，不能免除经营者交付合格商品的责任，该部分内容无效。",
            '"All sales final" or "no refunds on virtual goods" notices can\'t excuse the shop '
            "from delivering something that works. That part of the notice doesn't count.",
            law.CPL_26_2_3,
            law.CIVIL_497,
            law.SPC_ONLINE_1,
        )
        findings.because(
            "这类条款同时属于禁止使用的不公平格式条款，可以另行向市场监管部门举报。",
            "Such terms are also banned outright, which you can report to the regulator.",
            law.CPL_REG_17,
        )
    # A ticked "no returns" box is what the shop will point to; it is weak on its own.
    relies_on_tick = findings.route not in ("not_yet_due", "minor") and (
        findings.route != "no_reason_unlikely" or facts.product_type == "physical_card"
    )
    if facts.purchase_confirmation == "yes" and relies_on_tick and not facts.redeemed:
        findings.because(
            "经营者仅以设置勾选框或弹窗为由，不足以证明已经提示、说明不退款条款。",
            "A tick box or pop-up alone doesn't prove the site properly told you "
            "about its no-refund terms.",
            law.SPC_CONTRACT_10_3,
        )


def _stalling(facts: Facts, findings: Findings) -> None:
    """R9: a flat refusal of a prepayment refund, or 15 days without one, is deliberate delay."""
    if not deadlines.stall_threshold_met(facts, findings.route):
        return
    if findings.route in deadlines.PREPAYMENT_ROUTES:
        findings.because(
            "经营者对消费者合理的退款要求明确表示不予退款，或者自消费者提出退款要求之日起超过15日未退款，"
            "视为故意拖延或者无理拒绝，可以另行举报。",
            "A flat refusal of a fair refund request, or no refund 15 days after you asked, "
            "counts as deliberately stalling, which you can also report.",
            law.PENALTY_10_2,
            law.CPL_56_1_VIII,
        )
    else:
        findings.because(
            "消费者提出要求后超过15日经营者仍未处理，视为故意拖延或者无理拒绝，可以另行举报。",
            "The shop still hasn't dealt with it 15 days after you asked. That counts as "
            "deliberately stalling, which you can also report.",
            law.PENALTY_8,
            law.CPL_56_1_VIII,
        )


def _refund_method(facts: Facts, findings: Findings) -> None:
    """R10: site credit or coupons instead of money need the consumer's express consent."""
    if facts.merchant_response != "offered_credit" or not _consumer(facts, findings):
        return
    citations = (law.CPL_REG_18_2,)
    if findings.route == "no_reason_return":
        citations = (law.SEVEN_DAY_14, law.CPL_REG_18_2)
    elif findings.route in deadlines.PREPAYMENT_ROUTES:
        # R10: "For non-delivery, a monetary refund follows from CPL 53 and 民法典 566."
        citations = (law.CPL_53, law.CIVIL_566_1, law.CPL_REG_18_2)
    findings.because(
        "经营者只同意以站内余额或优惠券代替退款。未经消费者明确同意，退款应当按原支付方式、"
        "按付款凭证上的价格一次性退清。",
        "The shop offered only site credit or coupons. Unless you clearly agree, a refund goes "
        "back the way you paid, in full and in one go.",
        *citations,
    )


def _platform_seller(facts: Facts, findings: Findings) -> None:
    """R11: a platform that cannot name its seller answers for it (CPL 44)."""
    if facts.sold_on_platform != "yes" or facts.operator_known or not _consumer(facts, findings):
        return
    findings.because(
        "本案商品由平台上的店铺（分站）出售。平台不能提供该店铺经营者的真实名称、地址和有效联系方式的，"
        "消费者可以向平台要求赔偿。",
        "The shop is a sub-site on a bigger platform. If the platform cannot give the shop "
        "operator's real name, address and contact details, you can claim against the platform.",
        law.CPL_44_1,
    )


def _unknown_operator(facts: Facts, findings: Findings) -> None:
    """R11: 12315 needs a named respondent; without a legal name and address, pay platform first."""
    if facts.operator_known or not _consumer(facts, findings):
        return
    first = guidance.payment_platform_first(facts)
    findings.because(
        "向市场监督管理部门投诉，应当有明确的被投诉人；目前尚不知道经营者的真实名称和地址，"
        f"投诉可能不被受理，应先查明经营者身份，并{first.zh}。",
        "A complaint to the regulator needs a clearly identified respondent. You don't yet "
        "have the operator's legal name and address, so 12315 may refuse it: find out who "
        f"runs the site, and {first.en}.",
        law.CPL_REG_46,
    )


def _off_site_payment(facts: Facts, findings: Findings) -> None:
    """R15: paying by private transfer at the seller's request does not excuse the seller."""
    if facts.payment_method != "private_transfer" or not facts.transfer_requested_by_seller:
        return
    if findings.route in ("not_yet_due", "no_reason_unlikely"):
        return
    if facts.sold_on_platform == "yes" and _consumer(facts, findings):
        findings.because(
            "店铺工作人员引导消费者在平台支付方式以外私下转账，店铺不能以未经平台支付为由免除责任。",
            "The shop's staff told you to pay by private transfer outside the platform, so the "
            "shop can't escape liability because the payment didn't go through the platform.",
            law.SPC_ONLINE_5,
        )
    else:
        findings.because(
            "私下转账是应卖方要求进行的；网站经营者本身就是合同相对方，付款方式不影响其履行义务和违约责任。",
            "You paid by private transfer because the seller asked you to. The site's operator "
            "is the party you contracted with, so the way you paid doesn't change its duties.",
            law.CIVIL_577,
        )
