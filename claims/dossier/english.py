"""An English reading of the dossier's statement, for a user who reads English.

The dossier is always Chinese: its readers are Chinese shops, payment platforms and offices.
A user who reads English still has to know what they are sending, so this page says the same
things in English, from the same facts, the same assessment, the same demand and deadline and
the same exhibit numbers. It is the user's own: a banner says never to send it, and it is a
separate download, never part of the dossier.
"""

from dataclasses import dataclass

from claims.domain.drafting.common import about_en, refund_amount
from claims.domain.drafting.quoting import excerpt
from claims.domain.formatting import format_date, format_yuan
from claims.dossier.statement import RECIPIENTS, STATEMENT_ROOM, basis_articles

# What each reader is asked, and what the other side is called there, in English.
TITLES = {
    "seller": "Refund request",
    "alipay": "Transaction complaint and request for help with a refund",
    "wechat": "Transaction complaint and request for help with a refund",
    "12315": "Complaint",
    "report": "Report",
    "association": "Request for mediation",
}
ADDRESSEES = {
    "seller": "The seller (customer service)",
    "alipay": "Alipay",
    "wechat": "WeChat Pay",
    "12315": "The market regulator (National 12315 platform)",
    "report": "The market regulator (National 12315 platform)",
    "association": "The consumer association",
}
ROLES = {
    "seller": "Respondent",
    "alipay": "Payee",
    "wechat": "Payee",
    "12315": "Respondent",
    "report": "Reported party",
    "association": "Respondent",
}
RESPONSES = {
    "no_reply": "the seller did not reply",
    "refused": "the seller refused",
    "refused_digital": "the seller refused, saying digital goods are not refundable",
    "offered_credit": "the seller offered only site credit or a coupon",
    "promised_nothing_happened": "the seller promised to deal with it, but nothing happened",
    "asked_to_wait": "the seller asked you to keep waiting, without result",
}


@dataclass(frozen=True)
class EnglishStatement:
    key: str
    title: str
    addressee: str
    role: str
    respondent: str
    amount: str
    demand: str
    facts: list[str]
    basis: list[str]
    deadline: str


def english_statement(key: str, facts, assessment, *, demand, due) -> EnglishStatement:
    """`demand`: the seller's dated demand (a Text); `due`: the seller's last day or None."""
    amount = format_yuan(refund_amount(facts))
    return EnglishStatement(
        key=key,
        title=TITLES[key],
        addressee=ADDRESSEES[key],
        role=ROLES[key],
        respondent=_respondent(facts),
        amount=amount,
        demand=_demand(key, demand.en, amount),
        facts=_facts(facts),
        basis=[article.citation_en for article in basis_articles(key, assessment)],
        deadline=_deadline(key, due),
    )


def _respondent(facts) -> str:
    """Names as the user typed them (they are Chinese names), with what each one is."""
    parts = []
    if facts.operator_name.strip():
        parts.append(f"{facts.operator_name.strip()} (the company that runs the site)")
    site = facts.platform_name.strip()
    shop = facts.shop_name.strip()
    if site:
        parts.append(f"site: {site}")
    if shop and shop != site:
        parts.append(f"shop: {shop}")
    if facts.icp_number.strip():
        parts.append(f"ICP licence {facts.icp_number.strip()}")
    if facts.payee_name.strip():
        parts.append(f"payee: {facts.payee_name.strip()}")
    return "; ".join(parts)


def _demand(key: str, seller_demand: str, amount: str) -> str:
    addressee = ADDRESSEES[key]
    if key == "seller":
        return seller_demand
    if RECIPIENTS[key].payment_method:
        return (
            f"You ask {addressee} to help refund this transaction of {amount} and to have the "
            "payee deal with it under its complaint rules."
        )
    if key == "12315":
        return (
            "You ask them to accept this complaint and mediate, so that the seller refunds "
            f"you {amount}."
        )
    if key == "report":
        return (
            "You ask them to investigate the conduct under the provisions below and to act on "
            "it. A report is not about your refund: the refund is a separate complaint."
        )
    return f"You ask them to mediate, so that the seller refunds you {amount}."


def _facts(facts) -> list[str]:
    lines = [about_en(facts)]
    if facts.transfer_requested_by_seller and facts.payment_method == "private_transfer":
        lines.append("You paid by private transfer because the seller's staff asked you to.")
    told = excerpt(facts.description, STATEMENT_ROOM.description)
    if told:
        lines.append(f"In your own words (sent in Chinese): “{told}”")
    if facts.contacted and facts.contacted_on:
        reply = RESPONSES.get(facts.merchant_response, "")
        day = format_date(facts.contacted_on).en
        lines.append(f"You contacted the seller on {day}{f'; {reply}' if reply else ''}.")
    return lines


def _deadline(key: str, due) -> str:
    if due is None:
        return ""
    day = format_date(due).en
    if key == "seller":
        return f"Please answer and deal with this by {day}."
    return f"The deadline you gave the seller: {day}."
