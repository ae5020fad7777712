"""Drafts for the authorities: the 12315 complaint (投诉), the separate report (举报), and the
消协 mediation request, which is an alternative to 12315, never filed alongside it.

实施条例 46 asks a complaint for a real identity, an identified respondent, a specific
request and the facts: the complaint carries all four, and leaves a visible blank rather than
invent a name or phone number.
"""

from claims.domain import law
from claims.domain.assessment import Assessment
from claims.domain.deadlines import PREPAYMENT_ROUTES, REFUSALS, stall_threshold_met
from claims.domain.drafting.common import (
    EXPLAINS,
    Complainant,
    Draft,
    Room,
    about_en,
    channel_citations,
    cite,
    clip,
    demand_sent_line,
    fact_lines,
    grounds,
    joined,
    refund_amount,
    third_person,
    where,
)
from claims.domain.facts import Facts
from claims.domain.formatting import format_date, format_yuan
from claims.domain.places import ATTACH, WHERE
from claims.domain.rules.fraud import punitive_sentence
from claims.domain.text import Text

COMPLAINT_LENGTH = 500
_ROOMS = (
    Room(description=100, reply=40, quote=30, name=24, transaction=True),
    Room(description=40, reply=20, quote=20, name=16, transaction=True),
    Room(description=0, reply=0, quote=0, name=10, transaction=False),
)
_EITHER_OR = Text(
    "12315投诉和消协调解二选一，不要就同一件事同时提交。",
    "12315 and the consumer association are alternatives: don't file the same dispute at both.",
)


def authority_drafts(facts: Facts, assessment: Assessment, complainant: Complainant) -> list[Draft]:
    """In R13 order, only where the assessment's channels send the user."""
    keys = {channel.key for channel in assessment.channels}
    found = []
    if "12315" in keys:
        found.append(_complaint(facts, assessment, complainant))
    if "report" in keys:
        found.append(_report(facts, assessment, complainant))
    if "consumer_association" in keys:
        found.append(_association(facts, assessment, complainant))
    return found


def identity_line(complainant: Complainant, role: str = "投诉人") -> str:
    name, phone = complainant.name.strip(), complainant.phone.strip()
    if not name and not phone:
        return f"{role}：（姓名、电话在12315平台填写）"
    return (
        f"{role}：{name or '（姓名在12315平台填写）'}，联系电话：{phone or '（在12315平台填写）'}"
    )


def respondent_lines(facts: Facts, assessment: Assessment, role: str = "被投诉人") -> list[str]:
    """R11: the legal name and address where known, and how the respondent can be identified."""
    site = where(facts, 24).replace("贵店", "该网站")
    leads = []
    if facts.icp_number.strip():
        leads.append(f"ICP备案号{clip(facts.icp_number, 30)}")
    if facts.payee_name.strip():
        leads.append(f"付款记录上的收款方“{clip(facts.payee_name, 30)}”")
    if facts.operator_known:
        how = (
            f"{role}的身份可以通过{'、'.join(leads)}核实。"
            if leads
            else f"{role}的名称和地址由我查询后填写。"
        )
        return [
            f"{role}：{clip(facts.operator_name, 60)}（地址：{clip(facts.operator_address, 80)}），"
            f"即{site}的经营者。",
            how,
        ]
    shown = ""
    if facts.operator_name.strip():
        shown = f"网站显示的经营者名称为“{clip(facts.operator_name, 40)}”，"
    if facts.transaction_number.strip():
        leads.append(f"交易单号{facts.transaction_number.strip()}")
    clue = (
        f"可供查明的线索：{'、'.join(leads)}。"
        if leads
        else "可以通过该网站的ICP备案主办单位和付款记录上的收款方名称查明。"
    )
    lines = [f"{role}：{site}的经营者。{shown}其法定名称和地址我目前未能查明。{clue}"]
    if law.CPL_44_1 in assessment.citations:
        lines.append(
            "该店铺开设在平台上；平台不能提供店铺经营者的真实名称、地址和有效联系方式的，"
            "我要求平台承担赔偿责任。"
        )
    return lines


def _story(facts: Facts, assessment: Assessment, room: Room) -> list[str]:
    return [
        *(third_person(line) for line in fact_lines(facts, assessment, room)),
        demand_sent_line(facts, assessment),
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


def _complaint(facts: Facts, assessment: Assessment, complainant: Complainant) -> Draft:
    text = _fitted(lambda room: _complaint_text(facts, assessment, complainant, room))
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
                "并先向支付平台投诉。",
                "Without the operator's legal name and address the complaint may be refused: "
                "look up the ICP record holder and the payee first, and complain to the "
                "payment platform before this.",
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
    facts: Facts, assessment: Assessment, complainant: Complainant, room: Room
) -> str:
    return "\n".join(
        [
            identity_line(complainant),
            *_guardian(assessment, "投诉人"),
            *respondent_lines(facts, assessment),
            "",
            "【事实】",
            *_story(facts, assessment, room),
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
        refused = assessment.route in PREPAYMENT_ROUTES and facts.merchant_response in REFUSALS
        answer = "商家明确拒绝退款" if refused else "商家超过15日仍未处理"
        found.append(
            (
                f"我于{asked}提出退款要求，{answer}，属于故意拖延或者无理拒绝。",
                [law.PENALTY_10_2, law.PENALTY_8, law.CPL_56_1_VIII],
            )
        )
    if facts.no_refund_clause:
        clause = f"“{clip(facts.clause_text, 30)}”" if facts.clause_text.strip() else "“概不退款”"
        found.append((f"商家以{clause}等告示排除消费者退货、退款的权利。", [law.CPL_REG_17]))
    if not facts.operator_known:
        found.append(
            (
                "该网站首页没有公示营业执照信息和经营者的真实名称。",
                [law.ECL_15, law.CPL_REG_13_2],
            )
        )
    if "false_claims" in facts.fraud_signs:
        found.append(("商品页面对商品作了虚假或者引人误解的宣传。", [law.PENALTY_6_VIII]))
    return [(text, [a for a in articles if a in allowed]) for text, articles in found]


def _report(facts: Facts, assessment: Assessment, complainant: Complainant) -> Draft:
    violations = _violations(facts, assessment)
    text = _fitted(lambda room: _report_text(facts, assessment, complainant, room, violations))
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
                "关于首页未公示营业执照的一项，只有网站首页确实没有公示时才保留。",
                "Keep the point about the missing licence only if the home page really "
                "doesn't show it.",
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
) -> str:
    cited = [a for _text, articles in violations for a in articles]
    return "\n".join(
        [
            identity_line(complainant, "举报人"),
            *respondent_lines(facts, assessment, "被举报人"),
            "",
            "【事实】",
            *_story(facts, assessment, room),
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


def _association(facts: Facts, assessment: Assessment, complainant: Complainant) -> Draft:
    refund = format_yuan(refund_amount(facts))
    text = _fitted(lambda room: _association_text(facts, assessment, complainant, room))
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
    facts: Facts, assessment: Assessment, complainant: Complainant, room: Room
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
            *_story(facts, assessment, room),
            "",
            "【诉求】",
            f"请求消费者协会组织调解，督促被申请人退还{refund}。",
            *_optional_punitive(facts, assessment),
            "本争议没有同时向市场监督管理部门投诉。",
            "",
            "【依据】",
            basis,
        ]
    )
