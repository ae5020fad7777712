"""Drafts for the authorities: the 12315 complaint (投诉), the separate report (举报), and the
消协 mediation request, which is an alternative to 12315, never filed alongside it.

实施条例 46 asks a complaint for a real identity, an identified respondent, a specific
request and the facts: the complaint carries all four, and leaves a visible blank rather than
invent a name or phone number.
"""

from datetime import timedelta

from claims.domain import law
from claims.domain.assessment import Assessment
from claims.domain.deadlines import STALL_DAYS, stall_threshold_met
from claims.domain.drafting.common import (
    EXPLAINS,
    RESPONSE_ZH,
    Complainant,
    Draft,
    Room,
    about_en,
    channel_citations,
    cite,
    demand_sent_line,
    fact_lines,
    grounds,
    joined,
    refund_amount,
    third_person,
    where,
)
from claims.domain.drafting.quoting import quote
from claims.domain.escalation import Event
from claims.domain.facts import Facts
from claims.domain.formatting import format_date, format_yuan
from claims.domain.guidance import payment_platform_first
from claims.domain.places import ATTACH, WHERE
from claims.domain.rules.fraud import punitive_sentence
from claims.domain.text import Text

COMPLAINT_LENGTH = 500
_ROOMS = (
    Room(description=100, reply=40, quote=30, name=24, transaction=True),
    Room(description=40, reply=20, quote=20, name=16, transaction=True),
    Room(description=0, reply=0, quote=0, name=10, transaction=False),
)
_NOT_AT_12315 = "本争议没有同时向市场监督管理部门投诉。"
_EITHER_OR = Text(
    "12315投诉和消协调解二选一，不要就同一件事同时提交。",
    "12315 and the consumer association are alternatives: don't file the same dispute at both.",
)


def authority_drafts(
    facts: Facts,
    assessment: Assessment,
    complainant: Complainant,
    events: tuple[Event, ...] = (),
) -> list[Draft]:
    """In R13 order, only where the assessment's channels send the user."""
    keys = {channel.key for channel in assessment.channels}
    found = []
    if "12315" in keys:
        found.append(_complaint(facts, assessment, complainant, events))
    if "report" in keys:
        found.append(_report(facts, assessment, complainant, events))
    if "consumer_association" in keys:
        found.append(_association(facts, assessment, complainant, events))
    return found


def identity_line(complainant: Complainant, role: str = "投诉人") -> str:
    name, phone = complainant.name.strip(), complainant.phone.strip()
    if not name and not phone:
        return f"{role}：（姓名、电话在12315平台填写）"
    return (
        f"{role}：{name or '（姓名在12315平台填写）'}，联系电话：{phone or '（在12315平台填写）'}"
    )


def respondent_lines(facts: Facts, assessment: Assessment, role: str = "被投诉人") -> list[str]:
    """R11: the legal name and address where known, and how the respondent can be identified;
    every name and number exactly as the user gave it."""
    site = where(facts, 60).replace("贵店", "该网站")
    leads = []
    if facts.icp_number.strip():
        leads.append(f"ICP备案号{facts.icp_number.strip()}")
    if facts.payee_name.strip():
        leads.append(f"付款记录上的收款方“{facts.payee_name.strip()}”")
    if facts.operator_known:
        named = (
            f"{role}：{facts.operator_name.strip()}（地址：{facts.operator_address.strip()}），"
            f"即{site}的经营者。"
        )
        return [named, f"{role}的身份可以通过{'、'.join(leads)}核实。"] if leads else [named]
    given, missing = [], []
    if facts.operator_name.strip():
        given.append(f"我查到的经营者名称为“{facts.operator_name.strip()}”")
    else:
        missing.append("名称")
    if facts.operator_address.strip():
        given.append(f"地址为“{facts.operator_address.strip()}”")
    else:
        missing.append("地址")
    if facts.transaction_number.strip():
        leads.append(f"交易单号{facts.transaction_number.strip()}")
    shown = f"{'，'.join(given)}，" if given else ""
    unknown = f"其法定{'和'.join(missing)}我目前未能查明。"
    clue = (
        f"可供查明的线索：{'、'.join(leads)}。"
        if leads
        else "可以通过该网站的ICP备案主办单位和付款记录上的收款方名称查明。"
    )
    lines = [f"{role}：{site}的经营者。{shown}{unknown}{clue}"]
    if law.CPL_44_1 in assessment.citations:
        lines.append(
            "该店铺开设在平台上；平台不能提供店铺经营者的真实名称、地址和有效联系方式的，"
            "我要求平台承担赔偿责任。"
        )
    return lines


def _story(
    facts: Facts, assessment: Assessment, room: Room, events: tuple[Event, ...]
) -> list[str]:
    return [
        *(third_person(line) for line in fact_lines(facts, assessment, room)),
        demand_sent_line(facts, assessment, events),
    ]


def _optional_punitive(facts: Facts, assessment: Assessment) -> list[str]:
    return [punitive_sentence(facts, assessment.punitive)] if assessment.punitive else []


def _guardian(assessment: Assessment, role: str) -> list[str]:
    return [f"{role}系购买人（未成年人）的监护人。"] if assessment.route == "minor" else []


def _fitted(build) -> str:
    """The fullest text within the suggested length, else the shortest one."""
    for room in _ROOMS:
        text = build(room)
        if len(text) <= COMPLAINT_LENGTH:
            return text
    return text


def _complaint(
    facts: Facts, assessment: Assessment, complainant: Complainant, events: tuple[Event, ...]
) -> Draft:
    text = _fitted(lambda room: _complaint_text(facts, assessment, complainant, room, events))
    refund = format_yuan(refund_amount(facts))
    warnings = [
        Text(
            "12315投诉需要真实姓名和电话；它们只用在这份投诉里。",
            "A 12315 complaint needs your real name and phone number; they are used only in "
            "this complaint.",
        ),
        _EITHER_OR,
    ]
    if not facts.operator_known:
        warnings.insert(
            1,
            Text(
                "还不知道经营者的法定名称和地址，投诉可能不被受理：先查ICP备案主办单位和付款记录上的收款方，"
                f"并{payment_platform_first(facts).zh}。",
                "Without the operator's legal name and address the complaint may be refused: "
                "look up the ICP record holder and the payee, and "
                f"{payment_platform_first(facts).en}.",
            ),
        )
    return Draft(
        key="complaint_12315",
        title=Text("12315投诉", "12315 complaint"),
        text=text,
        hard_limit=None,
        suggested_length=COMPLAINT_LENGTH,
        explanation=Text(
            f"{EXPLAINS.zh}这份投诉写明投诉人、被投诉人、具体请求（退还{refund}）和事实，"
            "这是法规对投诉的要求。市场监管部门应当在7个工作日内处理并告知你。",
            f"{EXPLAINS.en} {about_en(facts)} The complaint names you, the business, a clear "
            f"request (a refund of {refund}) and the facts, as the regulations require. The "
            "regulator must act within 7 working days and tell you.",
        ),
        where=WHERE["complaint_12315"],
        attach=ATTACH["complaint_12315"],
        warning=joined(warnings),
    )


def _complaint_text(
    facts: Facts,
    assessment: Assessment,
    complainant: Complainant,
    room: Room,
    events: tuple[Event, ...],
) -> str:
    return "\n".join(
        [
            identity_line(complainant),
            *_guardian(assessment, "投诉人"),
            *respondent_lines(facts, assessment),
            "",
            "【事实】",
            *_story(facts, assessment, room, events),
            "",
            "【诉求】",
            f"请求市场监督管理部门依法处理，督促被投诉人退还{format_yuan(refund_amount(facts))}。",
            *_optional_punitive(facts, assessment),
            "被投诉人同意调解的，请求组织调解。",
            "",
            "【依据】",
            cite(grounds(assessment)),
        ]
    )


def _violations(facts: Facts, assessment: Assessment) -> list[tuple[str, list[law.Article]]]:
    """The breaches a 举报 names (R8 admin, R9, R11, R12), each with the articles it rests on."""
    allowed = set(assessment.citations) | set(channel_citations(assessment, "report"))
    found = []
    if stall_threshold_met(facts, assessment.route):
        asked = format_date(facts.contacted_on).zh
        answer = third_person(RESPONSE_ZH.get(facts.merchant_response, "商家未处理"))
        over = facts.today > facts.contacted_on + timedelta(days=STALL_DAYS)
        late = f"，至今已超过{STALL_DAYS}日" if over else ""
        found.append(
            (
                f"我于{asked}联系商家要求处理，{answer}{late}，属于故意拖延或者无理拒绝。",
                [law.PENALTY_10_2, law.PENALTY_8, law.CPL_56_1_VIII],
            )
        )
    if facts.no_refund_clause:
        words = quote(facts.clause_text, 60)
        clause = f"以{words}等告示" if words else "以告示等方式"
        found.append((f"商家{clause}排除消费者退货、退款的权利。", [law.CPL_REG_17]))
    if not facts.operator_known:
        found.append((_operator_finding(facts), [law.ECL_15, law.CPL_REG_13_2]))
    if "false_claims" in facts.fraud_signs:
        found.append(("商品页面对商品作了虚假或者引人误解的宣传。", [law.PENALTY_6_VIII]))
    return [(text, [a for a in articles if a in allowed]) for text, articles in found]


def _operator_finding(facts: Facts) -> str:
    """What the user found about the operator, exactly; the regulator checks the site."""
    answers = (
        ("经营者名称", facts.operator_name.strip(), True),
        ("地址", facts.operator_address.strip(), True),
        ("ICP备案号", facts.icp_number.strip(), False),
    )
    given = [
        f"{label}“{value}”" if marks else label + value for label, value, marks in answers if value
    ]
    missing = [label for label, value, _marks in answers if not value]
    found = f"我查到的经营者信息只有{'、'.join(given)}，" if given else ""
    return (
        f"{found}未能查到经营者的{'、'.join(missing)}。"
        "请核查该网站是否依法在首页公示营业执照信息和经营者的真实名称、地址。"
    )


def _report(
    facts: Facts, assessment: Assessment, complainant: Complainant, events: tuple[Event, ...]
) -> Draft:
    violations = _violations(facts, assessment)
    text = _fitted(
        lambda room: _report_text(facts, assessment, complainant, room, violations, events)
    )
    warnings = [
        Text(
            "举报请求的是处罚，不解决退款；退款靠投诉。举报内容必须属实。",
            "A report asks for a penalty; it doesn't get your money back (the complaint does). "
            "Everything in it must be true.",
        )
    ]
    if not facts.operator_known:
        warnings.append(
            Text(
                "关于经营者信息的一项写的是你查到的内容；发出前请再看一眼网站首页，按实际情况修改。",
                "The point about the operator says what you found; look at the site's home page "
                "again before sending and correct it to what it really shows.",
            )
        )
    return Draft(
        key="report_12315",
        title=Text("12315举报", "12315 report (举报)"),
        text=text,
        hard_limit=None,
        suggested_length=COMPLAINT_LENGTH,
        explanation=Text(
            f"{EXPLAINS.zh}这份举报列出商家可能违法的{len(violations)}项行为，请市场监管部门调查处理；"
            "它和退款投诉分开处理。",
            f"{EXPLAINS.en} {about_en(facts)} The report lists {len(violations)} possible "
            "breach(es) and asks the regulator to investigate; it is handled apart from your "
            "refund complaint.",
        ),
        where=WHERE["report_12315"],
        attach=ATTACH["report_12315"],
        warning=joined(warnings),
    )


def _report_text(
    facts: Facts,
    assessment: Assessment,
    complainant: Complainant,
    room: Room,
    violations: list[tuple[str, list[law.Article]]],
    events: tuple[Event, ...],
) -> str:
    cited = [a for _text, articles in violations for a in articles]
    return "\n".join(
        [
            identity_line(complainant, "举报人"),
            *respondent_lines(facts, assessment, "被举报人"),
            "",
            "【事实】",
            *_story(facts, assessment, room, events),
            "举报事项：",
            *(f"{n}. {line}" for n, (line, _a) in enumerate(violations, start=1)),
            "",
            "【诉求】",
            "请依法调查处理上述行为。本举报与我就同一订单提出的投诉分开处理。",
            "",
            "【依据】",
            cite(cited) if cited else "见上述事实。",
        ]
    )


def _association(
    facts: Facts, assessment: Assessment, complainant: Complainant, events: tuple[Event, ...]
) -> Draft:
    refund = format_yuan(refund_amount(facts))
    text = _fitted(lambda room: _association_text(facts, assessment, complainant, room, events))
    return Draft(
        key="consumer_association",
        title=Text("消费者协会调解申请", "Request to the consumer association to mediate"),
        text=text,
        hard_limit=None,
        suggested_length=COMPLAINT_LENGTH,
        explanation=Text(
            f"{EXPLAINS.zh}这份申请请消协调解，督促商家退还{refund}。它是12315投诉之外的另一条路："
            "二选一，不要同时提交。",
            f"{EXPLAINS.en} {about_en(facts)} It asks the consumer association to mediate so "
            f"the shop refunds {refund}. It is an alternative to the 12315 complaint: choose "
            "one, not both.",
        ),
        where=WHERE["consumer_association"],
        attach=ATTACH["consumer_association"],
        warning=_EITHER_OR,
    )


def _association_text(
    facts: Facts,
    assessment: Assessment,
    complainant: Complainant,
    room: Room,
    events: tuple[Event, ...],
) -> str:
    refund = format_yuan(refund_amount(facts))
    applicant = identity_line(complainant, "申请人").replace("在12315平台填写", "按消协要求填写")
    basis = cite(grounds(assessment))
    if law.CPL_REG_45 in channel_citations(assessment, "consumer_association"):
        basis += f"\n消费者请求消费者协会调解的，消协应当及时处理（{law.CPL_REG_45.citation_zh}）。"
    return "\n".join(
        [
            "调解申请",
            applicant,
            *_guardian(assessment, "申请人"),
            *respondent_lines(facts, assessment, "被申请人"),
            "",
            "【事实】",
            *_story(facts, assessment, room, events),
            "",
            "【诉求】",
            f"请求消费者协会组织调解，督促被申请人退还{refund}。",
            *_optional_punitive(facts, assessment),
            # Only while the user has not recorded a 12315 complaint: then it would be false.
            *([] if any(e.kind == "filed_12315" for e in events) else [_NOT_AT_12315]),
            "",
            "【依据】",
            basis,
        ]
    )
