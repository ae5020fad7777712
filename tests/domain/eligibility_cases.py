"""Every eligibility rule as a case: the answers, and what assess() must give for them.

test_eligibility checks each case and test_drafting drafts for every case's answers, so the
table (and every_citation, which both read) lives in neither test module.
"""

from datetime import date, datetime

from claims.domain import law
from tests.factories import (
    ASKED,
    BALANCE,
    CHANGED_MIND,
    INVALID,
    MINOR,
    PHYSICAL,
    PROMISE,
    RESALE,
    SHANGHAI,
    STOPPED,
    UNKNOWN_OPERATOR,
)

# (rule, answers, route, outcome, citations that must be there, words the demand holds)
RULES = [
    ("R0", RESALE, "business_purchase", "good", {"civil_577", "civil_563_1_iii"}, "原路退回"),
    ("R0", {**RESALE, **INVALID}, "business_purchase", "good", {"civil_582"}, "原路退回"),
    ("R0", {**RESALE, **CHANGED_MIND}, "business_purchase", "weak", set(), "通融"),
    ("R0", {**RESALE, "delivery_overdue": False}, "business_purchase", "wait", set(), "24小时"),
    ("R1", {}, "non_delivery", "strong", {"cpl_53", "cpl_reg_22_2", "ecl_20"}, "24小时内"),
    ("R1", {"delivery_overdue": None}, "non_delivery", "uncertain", {"cpl_53"}, "原路退回"),
    (
        "R1",
        {"delivery_overdue": None, "promised_delivery": "instant", "key_shown": "unreadable"},
        "non_delivery",
        "strong",
        {"ecl_51_2", "civil_512_2"},
        "24小时内",
    ),
    ("R1", {"delivery_overdue": False}, "not_yet_due", "wait", {"ecl_20"}, "发货时间"),
    ("R1", {"product_type": "topup"}, "non_delivery", "strong", {"cpl_53"}, "完成充值"),
    (
        "R2",
        {"promised_delivery": "none", "delivery_overdue": None},
        "non_delivery",
        "uncertain",
        {"civil_563_1_iii", "civil_577"},
        "72小时内",
    ),
    (
        "R2",
        {"deadline_given": True, "deadline_on": date(2026, 11, 23)},
        "non_delivery",
        "strong",
        {"civil_563_1_iii"},
        "2026年11月23日前",
    ),
    (
        "R2",
        {"deadline_given": True, "deadline_on": date(2026, 11, 21)},
        "non_delivery",
        "strong",
        {"civil_563_1_iii", "civil_565_1", "civil_566_1"},
        "解除本订单合同",
    ),
    ("R3", BALANCE, "site_balance", "good", {"cpl_53", "cpl_reg_22_2"}, "余额¥80.00"),
    (
        "R3",
        {**BALANCE, "balance_blocked": "cannot_withdraw", "site_closed": True},
        "site_balance",
        "good",
        {"cpl_reg_22_3"},
        "原路退回",
    ),
    (
        "R3",
        {**BALANCE, "balance_blocked": "cannot_withdraw"},
        "site_balance",
        "uncertain",
        set(),
        "原路退回",
    ),
    ("R4", INVALID, "defect", "strong", {"cpl_24", "civil_582"}, "更换一张可正常使用的卡密"),
    ("R4", {**INVALID, "today": date(2026, 11, 28)}, "defect", "good", {"civil_563_1_iv"}, ""),
    (
        "R4",
        {"problem": "wrong_item", "defect_kind": "wrong_region", "delivery_overdue": None},
        "defect",
        "strong",
        {"cpl_24"},
        "更换为实际购买的商品",
    ),
    (
        "R4",
        {**STOPPED, "defect_kind": "recovered", "delivered_on": date(2026, 11, 10)},
        "defect",
        "good",
        {"cpl_24", "civil_582", "civil_563_1_iv"},
        "恢复正常使用",
    ),
    (
        "R5",
        {**INVALID, **ASKED, "merchant_response": "refused_digital"},
        "defect",
        "strong",
        {"cpl_25_1_iii", "seven_day_35"},
        "",
    ),
    ("R6", CHANGED_MIND, "no_reason_unlikely", "weak", {"seven_day_6_iii"}, "通融"),
    ("R6", {**CHANGED_MIND, "product_type": "topup"}, "no_reason_unlikely", "weak", set(), ""),
    (
        "R6",
        PHYSICAL,
        "no_reason_return",
        "good",
        {"cpl_reg_19", "seven_day_7", "seven_day_20_2", "penalty_9"},
        "7天无理由退货",
    ),
    ("R6", {**PHYSICAL, "purchase_confirmation": "yes"}, "no_reason_unlikely", "weak", set(), ""),
    (
        "R7",
        {**PROMISE, "promise_conditions_met": "yes"},
        "seller_promise",
        "good",
        {"cpl_reg_12", "spc_online_2"},
        "退款承诺",
    ),
    (
        "R7",
        {**STOPPED, "refund_promise": "yes", "promise_conditions_met": "yes"},
        "seller_promise",
        "good",
        {"cpl_reg_12", "civil_577"},
        "承诺",
    ),
    ("R7", {**PROMISE, "promise_conditions_met": "no"}, "no_reason_unlikely", "weak", set(), ""),
    (
        "R8",
        {"no_refund_clause": True},
        "non_delivery",
        "strong",
        {"cpl_26_2_3", "civil_497", "spc_online_1", "cpl_reg_17"},
        "",
    ),
    (
        "R9",
        {**ASKED, "merchant_response": "refused"},
        "non_delivery",
        "strong",
        {"penalty_10_2", "cpl_56_1_viii"},
        "",
    ),
    (
        "R9",
        {**INVALID, "contacted": True, "contacted_on": date(2026, 11, 1),
         "today": date(2026, 11, 17), "merchant_response": "no_reply",
         "purchased_at": datetime(2026, 11, 1, 9, tzinfo=SHANGHAI),
         "discovered_on": date(2026, 11, 1)},
        "defect",
        "good",
        {"penalty_8", "cpl_56_1_viii"},
        "",
    ),
    (
        "R10",
        {**ASKED, "merchant_response": "offered_credit"},
        "non_delivery",
        "strong",
        {"cpl_reg_18_2", "cpl_53"},
        "原路退回",
    ),
    (
        "R10",
        {**PHYSICAL, **ASKED, "merchant_response": "offered_credit"},
        "no_reason_return",
        "good",
        {"seven_day_14", "cpl_reg_18_2"},
        "原路退回",
    ),
    ("R11", {**UNKNOWN_OPERATOR, "sold_on_platform": "yes"}, "non_delivery", "strong",
     {"cpl_44_1"}, ""),
    (
        "R12",
        {**INVALID, "defect_kind": "used", "used_before_confirmed": True},
        "defect",
        "strong",
        {"ecl_62"},
        "",
    ),
    ("R13", {"site_closed": True, "fraud_signs": ("vanished",)}, "non_delivery", "strong", set(),
     ""),
    ("R14", MINOR, "minor", "good", {"civil_157"}, "监护人"),
    ("R14", {**MINOR, "guardian_consented": None}, "minor", "uncertain", {"civil_157"}, "监护人"),
    ("R14", {**MINOR, "guardian_consented": True}, "non_delivery", "strong", {"cpl_53"}, ""),
    (
        "R15",
        {"payment_method": "private_transfer", "transfer_requested_by_seller": True,
         "sold_on_platform": "yes"},
        "non_delivery",
        "strong",
        {"spc_online_5"},
        "",
    ),
    (
        "R15",
        {"payment_method": "private_transfer", "transfer_requested_by_seller": True,
         "sold_on_platform": "no"},
        "non_delivery",
        "strong",
        {"civil_577"},
        "",
    ),
    ("R16", {**INVALID, "delivered_on": date(2026, 11, 21)}, "defect", "strong", {"civil_188"}, ""),
    ("R17", {"redeemed": True}, "stop_abuse", "stop", {"cpl_reg_49_2", "cpl_reg_27_2"}, "无"),
    ("R17", {**INVALID, "redeemed": True}, "stop_abuse", "stop", {"cpl_reg_49_2"}, "无"),
    ("R17", {"problem": "wrong_item", "redeemed": True}, "stop_abuse", "stop", {"criminal_266"},
     "无"),
    ("R17", STOPPED, "defect", "strong", {"cpl_24"}, ""),
    ("R17", {**CHANGED_MIND, "redeemed": True}, "no_reason_unlikely", "weak", {"cpl_reg_19"}, ""),
    (
        "R17",
        {**PROMISE, "promise_conditions_met": "yes", "redeemed": True},
        "no_reason_unlikely",
        "weak",
        set(),
        "",
    ),
]  # fmt: skip

ALL_ANSWERS = [case[1] for case in RULES]


def every_citation(assessment) -> list[law.Article]:
    """Every article the assessment cites: in its reasons, its channels and any punitive claim."""
    cited = [a for reason in assessment.reasons for a in reason.citations]
    cited += [a for channel in assessment.channels for a in channel.citations]
    if assessment.punitive:
        cited += assessment.punitive.citations
    return cited
