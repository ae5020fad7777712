"""The dossier's first page: one statement (申请书) addressed to the reader the user chose.

Who claims what from whom, the demand in the reader's terms, the facts in a few sentences,
the legal basis in one line, the deadline as a date and the exhibit list. Everything is built
from the Facts and the assessment (never from the wizard's questions), and only the articles
the assessment cites are named. Pure apart from the exhibits, which it only reads.
"""

from dataclasses import dataclass
from datetime import date

from claims.domain.assessment import Assessment
from claims.domain.drafting.common import (
    Room,
    channel_citations,
    cite,
    contact_line,
    grounds,
    order_words,
    problem,
    purchase_line,
    refund_amount,
    third_person,
)
from claims.domain.drafting.quoting import closed, excerpt
from claims.domain.facts import Facts
from claims.domain.formatting import format_date, format_yuan


@dataclass(frozen=True)
class Recipient:
    """One reader the dossier can be addressed to, and the R13 channel that offers it."""

    key: str  # the ?for= value
    channel: str  # the key in claims/domain/channels.py
    title: str  # the statement's heading
    addressee: str
    role: str  # what the other side is called in this reader's procedure
    payment_method: str = ""  # a payment platform is offered only for its own payments


# In the R13 order. No court: the reference says nothing of what a filing must contain.
RECIPIENTS = {
    recipient.key: recipient
    for recipient in (
        Recipient("seller", "seller", "退款申请书", "商家（客服）", "被申请人"),
        Recipient("alipay", "payment", "交易投诉及退款协助申请", "支付宝", "收款方", "alipay"),
        Recipient("wechat", "payment", "交易投诉及退款协助申请", "微信支付", "收款方", "wechat"),
        Recipient("12315", "12315", "投诉书", "市场监督管理部门（全国12315平台）", "被投诉人"),
        Recipient("report", "report", "举报书", "市场监督管理部门（全国12315平台）", "被举报人"),
        Recipient("association", "consumer_association", "调解申请书", "消费者协会", "被申请人"),
    )
}
DEFAULT_RECIPIENT = "seller"
# Room for the statement's facts: one page holds a short excerpt of the user's own words.
STATEMENT_ROOM = Room(description=80, reply=40, quote=40, name=40, transaction=True)
MAX_FACT_SENTENCES = 5


@dataclass(frozen=True)
class Statement:
    recipient: Recipient
    addressee: str
    respondent: str
    order: str
    amount: str
    demand: str
    facts: list[str]
    basis: str
    deadline: str


def offered_recipients(facts: Facts | None, assessment: Assessment | None) -> list[str]:
    """The readers the assessment's channels allow, in the R13 order (seller first)."""
    if assessment is None:
        return [DEFAULT_RECIPIENT] if facts is None else []
    keys = {channel.key for channel in assessment.channels}
    return [
        recipient.key
        for recipient in RECIPIENTS.values()
        if recipient.channel in keys
        and (not recipient.payment_method or recipient.payment_method == facts.payment_method)
    ]


def chosen_recipient(wanted: str | None, offered: list[str]) -> str | None:
    """The reader asked for, or the default (the seller, else the first offered); None when
    the one asked for is not offered."""
    if not wanted:
        return DEFAULT_RECIPIENT if DEFAULT_RECIPIENT in offered or not offered else offered[0]
    return wanted if wanted in offered else None


def respondent(facts: Facts) -> str:
    """The operator company and its ICP number when the user gave them, the shop otherwise."""
    site = facts.platform_name.strip()
    shop = facts.shop_name.strip()
    if shop and shop != site:
        site = f"{site}的店铺“{shop}”" if site else f"店铺“{shop}”"
    parts = []
    if facts.icp_number.strip():
        parts.append(f"ICP备案号{facts.icp_number.strip()}")
    if facts.operator_address.strip():
        parts.append(f"地址：{facts.operator_address.strip()}")
    if facts.payee_name.strip():
        parts.append(f"收款方：{facts.payee_name.strip()}")
    if facts.operator_name.strip():
        named = f"{facts.operator_name.strip()}（{site}的经营者"
        return f"{named}；{'；'.join(parts)}）" if parts else f"{named}）"
    return f"{site}（{'；'.join(parts)}）" if parts else site


def build_statement(
    recipient: Recipient,
    facts: Facts,
    assessment: Assessment,
    *,
    seller_demand: str,
    due: date | None,
    exhibits,
) -> Statement:
    """`seller_demand`: the demand as dated for the seller; `due`: the seller's last day."""
    amount = format_yuan(refund_amount(facts))
    return Statement(
        recipient=recipient,
        addressee=_addressee(recipient, facts),
        respondent=respondent(facts),
        order=order_words(facts),
        amount=amount,
        demand=_demand(recipient, facts, seller_demand, amount),
        facts=fact_sentences(recipient, facts, assessment, exhibits),
        basis=_basis(recipient, assessment),
        deadline=_deadline(recipient, due),
    )


def _addressee(recipient: Recipient, facts: Facts) -> str:
    if recipient.key != "seller":
        return recipient.addressee
    name = facts.operator_name.strip() or facts.shop_name.strip() or facts.platform_name.strip()
    return f"{name}（客服）" if name else recipient.addressee


def _demand(recipient: Recipient, facts: Facts, seller_demand: str, amount: str) -> str:
    if recipient.key == "seller":
        return seller_demand
    if recipient.payment_method:
        return (
            f"请求{recipient.addressee}协助退还该笔交易款项{amount}（{order_words(facts)}），"
            "并依其交易投诉规则要求收款方处理。"
        )
    if recipient.key == "12315":
        return f"请求受理本投诉并组织调解，促使被投诉人退还申请人{amount}。"
    if recipient.key == "report":
        return (
            "请求依法调查被举报人涉嫌违反下列规定的行为并作出处理。"
            "本举报不涉及退款；退款争议另行投诉。"
        )
    return f"请求组织调解，促使被申请人退还申请人{amount}。"


def fact_sentences(recipient: Recipient, facts: Facts, assessment: Assessment, exhibits) -> list:
    """Three to five sentences from the Facts, each citing the exhibits that show it."""

    def cite(sentence: str, *categories: str) -> str:
        shown = [f"证据{e.number}" for e in exhibits if e.item.category in categories]
        if not shown or not sentence:
            return sentence
        return f"{sentence.rstrip('。')}（见{'、'.join(shown)}）。"

    lines = [
        cite(purchase_line(facts, assessment, STATEMENT_ROOM), "transaction"),
        cite(problem(facts, assessment, STATEMENT_ROOM), "product_state"),
    ]
    if facts.transfer_requested_by_seller and facts.payment_method == "private_transfer":
        lines.append("上述私下转账系按贵店工作人员的要求进行。")
    told = excerpt(facts.description, STATEMENT_ROOM.description)
    if told:
        lines.append(closed(f"具体情况：{told}"))
    lines.append(cite(contact_line(facts, STATEMENT_ROOM), "merchant_breach"))
    lines = [line for line in lines if line][:MAX_FACT_SENTENCES]
    if recipient.key == "seller":
        return lines
    return [third_person(line) for line in lines]


def _basis(recipient: Recipient, assessment: Assessment) -> str:
    cited = basis_articles(recipient.key, assessment)
    return cite(cited, "；") if cited else ""


def basis_articles(key: str, assessment: Assessment) -> list:
    """The statement's one line of articles, all cited by the assessment: a report names what
    the conduct breaches, a payment platform also its own duty, everyone else the refund's
    grounds. The dossier quotes these in full; the English reading names the same ones."""
    if key == "report":
        return channel_citations(assessment, "report")
    cited = grounds(assessment)
    if RECIPIENTS[key].payment_method:
        cited += channel_citations(assessment, "payment")
    return list(dict.fromkeys(cited))


def _deadline(recipient: Recipient, due: date | None) -> str:
    if due is None:
        return ""
    day = format_date(due).zh
    if recipient.key == "seller":
        return f"请于{day}前答复并处理。"
    return f"申请人要求商家处理的期限：{day}。"
