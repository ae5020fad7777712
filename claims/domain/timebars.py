"""Rule R16: a time limit that has passed is said first, and the outcome's confidence follows.

Pure. Each limit has its own starting event (deadlines.py counts them); this module turns the
ones that have passed into the headline's first words and one warning each, so the result,
the dossier's cover and every draft (which print the warnings) say the same.

How the confidence follows (LEGAL_BASIS §1.14, R16; the reference says only "warn"):
- 3-year lawsuit limit (民法典 188): "weak". The shop may still pay, but no court route is
  offered, and past 12315 practice refused such complaints too.
- 1-year rescission right (民法典 564(2)) on an undelivered order: "strong" becomes "good"
  (the prepayment refund of CPL 53 does not rest on cancelling); on a fault once the 7 days
  are over, rules/defects.py asks only for the repair or replacement ("uncertain").
- 7-day quality return (CPL 24): "strong" becomes "good"; cancelling for a fault that defeats
  the purchase stays open (CPL 24, 民法典 563(1)(iv)) until the year above.
- 7-day no-reason window (counted from the receipt day the wizard asks) and the seller's
  promise window: rules/change_of_mind.py leaves the route once either has passed.
- 1-year fraud revocation (民法典 152): no change; the refund and the optional CPL 55 claim do
  not rest on undoing the purchase.
"""

from claims.domain import law
from claims.domain.assessment import CONSUMER_ROUTES, Deadline, Findings
from claims.domain.facts import Facts
from claims.domain.formatting import format_date
from claims.domain.text import Text

OUTCOMES = ("weak", "uncertain", "good", "strong")
# What each passed limit closes, said after its name and date.
_CLOSES = {
    "quality_return_7d": (
        Text("7日质量退货期", "The 7-day window to return a faulty item"),
        Text(
            "之后只有商品无法使用、合同目的落空时，才能解除合同、要求退款"
            f"（{law.CPL_24.citation_zh}）。",
            "After it, you can only cancel and get a refund if the fault makes the item useless.",
        ),
        "good",
    ),
    "no_reason_7d": (
        Text("7日无理由退货期", "The 7-day no-reason return window"),
        Text(
            "店家不再有义务接受无理由退货，只能请店家通融。",
            "The shop no longer has to take the card back; you can only ask it as a favour.",
        ),
        "uncertain",
    ),
    "promise_window": (
        Text("店家承诺的退款期", "The shop's refund promise"),
        Text("这一承诺不再能用来要求退款。", "It can no longer be used to ask for a refund."),
        "strong",  # rules/change_of_mind.py already left the promise route
    ),
    "rescission_1y": (
        Text("解除合同的1年期限", "The 1-year limit to cancel the contract"),
        Text(
            "法律没有规定、双方也没有约定期限的，不再能以此为由解除合同"
            f"（{law.CIVIL_564_2.citation_zh}）。",
            "Where no law or agreement sets a time, you can no longer cancel the contract on "
            "this ground.",
        ),
        "good",
    ),
    "fraud_revocation_1y": (
        Text("以欺诈为由撤销交易的1年期限", "The 1-year limit to undo the purchase for fraud"),
        Text(
            f"不再能以欺诈为由请求撤销交易（{law.CIVIL_152_1_I.citation_zh}）；"
            "退款和赔偿的要求不受这一期限影响。",
            "You can no longer ask to undo the purchase for fraud; asking for a refund or "
            "damages is not affected by this limit.",
        ),
        "strong",
    ),
    "lawsuit_3y": (
        Text("3年诉讼时效", "The 3-year limit for going to court"),
        Text(
            f"起诉很可能已经来不及（{law.CIVIL_188.citation_zh}）；店家仍可以自愿退款。",
            "Going to court is probably too late; the shop can still refund you of its own accord.",
        ),
        "weak",
    ),
}
# R16 / LEGAL_BASIS §0.3, §5: past practice under a repealed rule, never cited as law.
TWELVE315_PAST_PRACTICE = Text(
    "按已废止的原12315投诉处理规则，自知道权益受损之日起超过三年的投诉不予受理；"
    "现行规则（总局令第121号）是否保留这一限制，尚未核实。这是过去的做法，不是法律规定。",
    "Under the old, repealed 12315 complaint rule, complaints made more than 3 years after you "
    "knew of the harm were refused. Whether the current rule (SAMR Order No. 121) keeps this "
    "is not verified: this is past practice, not a rule of law.",
)


def passed(limits: tuple[Deadline, ...]) -> tuple[Deadline, ...]:
    """The limits of this route that have passed, in the order the user met them."""
    return tuple(limit for limit in limits if limit.passed and limit.key in _CLOSES)


def _said(limit: Deadline, route: str) -> bool:
    """The 7-day quality window matters only to a fault claim, not to a warranty (R7)."""
    return limit.key != "quality_return_7d" or route == "defect"


def said(route: str, limits: tuple[Deadline, ...]) -> tuple[Deadline, ...]:
    """The passed limits the result says on this route."""
    return tuple(limit for limit in passed(limits) if _said(limit, route))


def warning(limit: Deadline) -> Text:
    """One passed limit: its name, the day it ended and what it closes."""
    name, closes, _ceiling = _CLOSES[limit.key]
    day = format_date(limit.due)
    return Text(
        f"{name.zh}已于{day.zh}届满。{closes.zh}", f"{name.en} ended on {day.en}. {closes.en}"
    )


def apply(facts: Facts, findings: Findings, limits: tuple[Deadline, ...]) -> None:
    """Say each passed limit in the headline and a warning; lower the outcome to match."""
    gone = said(findings.route, limits)
    if not gone or findings.outcome not in OUTCOMES:
        return
    names = [_CLOSES[limit.key][0] for limit in gone]
    findings.headline = Text(
        f"注意：{'、'.join(n.zh for n in names)}已过。{findings.headline.zh}",
        f"Note: {'; '.join(n.en for n in names)} has passed. {findings.headline.en}",
    )
    for limit in reversed(gone):
        findings.warnings.insert(0, warning(limit))
        findings.outcome = lower(findings.outcome, _CLOSES[limit.key][2])
    if any(limit.key == "lawsuit_3y" for limit in gone) and findings.route in CONSUMER_ROUTES:
        findings.warnings.insert(len(gone), TWELVE315_PAST_PRACTICE)


def lower(outcome: str, ceiling: str) -> str:
    """The weaker of the two outcomes (weak < uncertain < good < strong)."""
    return min(outcome, ceiling, key=OUTCOMES.index)
