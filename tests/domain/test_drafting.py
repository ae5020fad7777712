import dataclasses
import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from claims.domain import law
from claims.domain.assessment import CLAIM_ROUTES
from claims.domain.drafting import (
    DRAFT_KEYS,
    MESSAGE_LIMIT,
    PAYMENT_METHOD_ZH,
    Complainant,
    drafts_for,
    merchant_message,
)
from claims.domain.drafting.common import dated_demand
from claims.domain.drafting.social import mask
from claims.domain.eligibility import assess
from tests.domain.eligibility_cases import ALL_ANSWERS, every_citation
from tests.factories import (
    ASKED,
    BALANCE,
    CHANGED_MIND,
    INVALID,
    MINOR,
    PHYSICAL,
    PROMISE,
    RESALE,
    STOPPED,
    UNKNOWN_OPERATOR,
    make_facts,
)

CLAIMS = [
    {},
    {"delivery_overdue": None},
    {"product_type": "topup"},
    INVALID,
    {"problem": "wrong_item", "today": date(2026, 12, 20)},
    {**STOPPED, "defect_kind": "recovered"},
    {**PROMISE, "promise_conditions_met": "yes"},
    {**PHYSICAL, "purchase_confirmation": "no"},
    BALANCE,
    MINOR,
]
NOT_CLAIMS = [
    {"delivery_overdue": False},
    CHANGED_MIND,
    {**PHYSICAL, "purchase_confirmation": "yes"},
    {**CHANGED_MIND, "redeemed": True},
]
DRAFTABLE = [
    answers for answers in ALL_ANSWERS if not assess(make_facts(**answers)).blocks_documents
]
# Cited to the user but not printed as grounds for the demand.
# Cited by the result, not grounds of a demand (实施条例 46 is what 12315 needs to accept one).
NOT_GROUNDS = {"civil_188", "cpl_25_1_iii", "cpl_reg_17", "cpl_56_1_viii", "cpl_reg_46"}


def message_for(**overrides) -> str:
    facts = make_facts(**overrides)
    return merchant_message(facts, assess(facts))


def section(message: str, name: str) -> str:
    return message.split(f"【{name}】")[1].split("【")[0]


@pytest.mark.parametrize("overrides", CLAIMS + NOT_CLAIMS)
def test_it_writes_facts_demand_and_basis_with_the_order_details(overrides):
    message = message_for(**overrides)

    for heading in ("【事实】", "【诉求】", "【依据】"):
        assert heading in message
    assert message.index("【事实】") < message.index("【诉求】") < message.index("【依据】")
    assert "KM202611201432001" in message
    assert "¥50.00" in message
    assert "2026年11月20日 14:32" in message
    assert "支付宝" in message
    assert "星辰卡盟的店铺“星辰数码”" in message


@pytest.mark.parametrize("overrides", CLAIMS)
def test_it_cites_every_ground_by_its_full_citation(overrides):
    facts = make_facts(**overrides, no_refund_clause=True, clause_text="虚拟商品一经售出概不退换")
    assessment = assess(facts)
    basis = section(merchant_message(facts, assessment), "依据").splitlines()

    for article in assessment.citations:
        if article.key in NOT_GROUNDS:
            continue
        (line,) = [line for line in basis if line.startswith(article.law + "第")]
        assert article.article in line
    assert "概不退换" in "".join(basis)
    assert not any("治安管理处罚法" in line for line in basis)


@pytest.mark.parametrize("overrides", CLAIMS)
def test_it_closes_a_claim_with_the_payment_platform_and_12315(overrides):
    last_line = message_for(**overrides).splitlines()[-1]

    assert "支付宝" in last_line
    assert "12315" in last_line


@pytest.mark.parametrize("overrides", NOT_CLAIMS)
def test_it_does_not_threaten_complaints_when_the_user_has_no_claim(overrides):
    assert "12315" not in message_for(**overrides)


@pytest.mark.parametrize(
    ("overrides", "deadline"),
    [
        ({}, "在2026年11月23日前"),
        ({"promised_delivery": "within"}, "在2026年11月25日前"),
        (INVALID, "在2026年11月23日前"),
        (PHYSICAL, "在2026年11月25日前"),
        (BALANCE, "在2026年11月25日前"),
    ],
)
def test_it_sets_a_deadline_in_the_demand_as_a_date_counted_from_today(overrides, deadline):
    demand = section(message_for(**overrides), "诉求")

    assert deadline in demand
    assert "小时内" not in demand and "在3日内" not in demand


def test_it_sends_a_demand_with_a_deadline_before_rescission():
    message = message_for()

    assert "解除合同通知" not in message
    assert "逾期未处理的，我将依法解除合同" in section(message, "诉求")


def test_it_turns_into_a_rescission_notice_once_the_deadline_passed():
    message = message_for(deadline_given=True, deadline_on=date(2026, 11, 21))

    assert message.splitlines()[0] == "解除合同通知"
    assert "要求贵店于2026年11月21日前发货，贵店逾期仍未发货" in section(message, "事实")
    assert "解除本订单合同" in section(message, "诉求")
    for article in (law.CIVIL_563_1_III, law.CIVIL_565_1, law.CIVIL_566_1):
        assert article.article in section(message, "依据")


def test_it_reminds_of_a_deadline_that_has_not_passed():
    message = message_for(deadline_given=True, deadline_on=date(2026, 11, 23))

    assert "解除合同通知" not in message
    assert "2026年11月23日前" in section(message, "诉求")


def test_it_cites_only_contract_law_for_a_resale_purchase():
    message = message_for(**RESALE, no_refund_clause=True)
    basis = section(message, "依据")

    assert basis.strip().startswith(law.CIVIL_CODE[0])
    assert law.CPL[0] not in message and "12315" not in message
    assert "诉讼" in message.splitlines()[-1]


def test_it_speaks_for_the_guardian_of_a_minor():
    message = message_for(**MINOR)

    assert "监护人" in message.splitlines()[0]
    assert "我的孩子（14岁）" in message
    assert "不予追认" in section(message, "事实")
    assert "限制民事行为能力人" in section(message, "依据")
    assert law.CIVIL_157.article in section(message, "依据")
    assert law.CIVIL_19.citation_zh in message and law.CIVIL_145_1.article in message


def test_it_asks_for_the_site_balance_back():
    message = message_for(**BALANCE)

    assert "余额¥80.00目前无法使用" in section(message, "事实")
    assert "站内余额¥80.00原路退回" in section(message, "诉求")


def test_it_notes_the_transfer_the_seller_asked_for():
    message = message_for(payment_method="private_transfer", transfer_requested_by_seller=True)

    assert "私下转账系按贵店工作人员的要求进行" in message


@pytest.mark.parametrize(
    "overrides",
    [
        {**INVALID, "used_before_confirmed": True, "defect_kind": "used"},
        {"site_closed": True, "fraud_signs": ("vanished",)},
        {"fraud_signs": ("false_claims",)},
    ],
)
def test_it_adds_the_3x_claim_only_as_one_deletable_sentence_where_fraud_signs_exist(overrides):
    message = message_for(**overrides)
    (sentence,) = [line for line in message.splitlines() if "增加赔偿" in line]

    assert sentence.startswith("鉴于") and sentence.endswith("的权利。")
    assert "¥500.00" in sentence
    assert law.CPL_55_1.citation_zh in sentence
    assert message.replace(sentence + "\n", "").count("赔偿") == message.count("赔偿") - 1


@pytest.mark.parametrize("overrides", DRAFTABLE)
def test_it_never_mentions_the_3x_claim_without_fraud_signs(overrides):
    facts = make_facts(**overrides)
    assessment = assess(facts)
    message = merchant_message(facts, assessment)

    if assessment.punitive is None:
        assert "增加赔偿" not in message and "三倍" not in message


def test_it_formats_the_purchase_time_in_china_time():
    message = message_for(purchased_at=datetime(2026, 11, 20, 6, 32, tzinfo=UTC))

    assert "2026年11月20日 14:32" in message


@pytest.mark.parametrize(("method", "name"), sorted(PAYMENT_METHOD_ZH.items()))
def test_it_names_the_payment_method_in_chinese(method, name):
    assert f"通过{name}支付" in message_for(payment_method=method)


def test_it_does_not_promise_a_payment_platform_complaint_after_a_private_transfer():
    last_line = message_for(payment_method="private_transfer").splitlines()[-1]

    assert "12315" in last_line
    assert "支付平台" not in last_line


def test_it_quotes_the_merchant_reply_and_contact_date():
    message = message_for(
        contacted=True,
        contacted_on=date(2026, 11, 21),
        merchant_response="refused",
        merchant_response_text="虚拟商品不退",
    )

    assert "我已于2026年11月21日联系贵店，贵店答复：“虚拟商品不退”。" in message
    assert "举报" in message.splitlines()[-1]


LONG = "很长的说明" * 200
LONGEST_ANSWERS = {
    "product_name": "王者荣耀" * 30,
    "platform_name": "卡盟" * 40,
    "shop_name": "店铺" * 40,
    "order_number": "K" * 64,
    "transaction_number": "9" * 64,
    "amount": Decimal("999999.99"),
    "description": LONG,
    "contacted": True,
    "contacted_on": date(2026, 11, 1),
    "merchant_response": "offered_credit",
    "merchant_response_text": LONG,
    "promise_text": LONG,
    "no_refund_clause": True,
    "clause_text": LONG,
    "purchase_confirmation": "yes",
    "payment_method": "private_transfer",
    "transfer_requested_by_seller": True,
    "sold_on_platform": "yes",
    "operator_name": "",
    "operator_address": "",
    "fraud_signs": ("false_claims",),
    "key_shown": "unreadable",
}


@pytest.mark.parametrize("overrides", CLAIMS + NOT_CLAIMS + DRAFTABLE)
def test_it_stays_under_1000_characters_even_with_long_answers(overrides):
    message = message_for(**{**LONGEST_ANSWERS, **overrides})

    assert len(message) < MESSAGE_LIMIT
    assert "【依据】" in message and message.splitlines()[-1].endswith("。")


@pytest.mark.parametrize(
    "overrides",
    [
        {"redeemed": True},
        {**INVALID, "redeemed": True},
        {"problem": "wrong_item", "redeemed": True},
    ],
)
def test_it_refuses_to_draft_for_a_redeemed_key(overrides):
    facts = make_facts(**overrides)

    with pytest.raises(ValueError, match="abuse"):
        merchant_message(facts, assess(facts))


def test_it_leaves_the_facts_untouched():
    facts = make_facts()
    before = dataclasses.asdict(facts)
    merchant_message(facts, assess(facts))

    assert dataclasses.asdict(facts) == before


# -- drafts_for: every channel's draft ------------------------------------------------------

AMOUNT = Decimal("648.00")
ICP_LEADS = {
    **UNKNOWN_OPERATOR,
    "icp_number": "粤ICP备2026000001号",
    "payee_name": "某某网络工作室",
}
# name: (answers, the drafts expected when paid by Alipay, in order)
TABLE = {
    "not_delivered": (
        {},
        ("merchant_chat", "merchant_demand", "alipay", "complaint_12315",
         "consumer_association", "social_post"),
    ),
    "defect": (
        INVALID,
        ("merchant_chat", "merchant_demand", "alipay", "complaint_12315",
         "consumer_association", "social_post"),
    ),
    "balance": (
        BALANCE,
        ("merchant_chat", "merchant_demand", "alipay", "complaint_12315",
         "consumer_association", "social_post"),
    ),
    "promise": (
        {**PROMISE, "promise_conditions_met": "yes"},
        ("merchant_chat", "merchant_demand", "alipay", "complaint_12315",
         "consumer_association", "social_post"),
    ),
    "minor": (
        MINOR,
        ("merchant_chat", "merchant_demand", "alipay", "complaint_12315",
         "consumer_association"),
    ),
    "business_purchase": (RESALE, ("merchant_chat", "merchant_demand", "alipay")),
    "private_transfer": (
        {"payment_method": "private_transfer", "transfer_requested_by_seller": True},
        ("merchant_chat", "merchant_demand", "complaint_12315", "consumer_association",
         "social_post"),
    ),
    "fraud": (
        {**INVALID, "defect_kind": "used", "used_before_confirmed": True,
         "fraud_signs": ("false_claims",)},
        ("merchant_chat", "merchant_demand", "alipay", "complaint_12315", "report_12315",
         "consumer_association", "social_post"),
    ),
    "vanished": (
        {"site_closed": True, "fraud_signs": ("vanished",)},
        ("merchant_chat", "merchant_demand", "alipay", "complaint_12315",
         "consumer_association", "social_post"),
    ),
    "stalled_anonymous": (
        {**ASKED, "merchant_response": "refused", "no_refund_clause": True, **ICP_LEADS},
        ("merchant_chat", "merchant_demand", "alipay", "complaint_12315", "report_12315",
         "consumer_association", "social_post"),
    ),
    "deadline_passed": (
        {"deadline_given": True, "deadline_on": date(2026, 11, 21)},
        ("merchant_chat", "merchant_rescission", "alipay", "complaint_12315",
         "consumer_association", "social_post"),
    ),
    "goodwill": (CHANGED_MIND, ("merchant_chat",)),
    "not_yet_due": ({"delivery_overdue": False}, ("merchant_chat",)),
}  # fmt: skip
CASES = [
    pytest.param(name, method, id=f"{name}-{method}")
    for name in TABLE
    for method in ("alipay", "wechat")
]
NUMERAL = "[一二三四五六七八九十百零]+"
LABEL = rf"第{NUMERAL}条(?:第{NUMERAL}款)?(?:第（{NUMERAL}）项)?(?:、第{NUMERAL}款)*"
NOBODY = Complainant()
CITATION = re.compile(rf"(《[^》]+》)((?:{LABEL})(?:、(?:{LABEL}))*)")


def case(name: str, method: str = "alipay", **more):
    answers = {"amount": AMOUNT, "payment_method": method, **TABLE[name][0], **more}
    facts = make_facts(**answers)
    return facts, assess(facts)


def drafts(name: str, method: str = "alipay", complainant=NOBODY, **more) -> dict:
    facts, assessment = case(name, method, **more)
    return {draft.key: draft for draft in drafts_for(facts, assessment, complainant)}


def citable(assessment) -> set[tuple[str, str]]:
    """(instrument, article) pairs the assessment, its channels or its 3x claim cite."""
    return {(a.law, a.article) for a in every_citation(assessment)}


def cited(text: str) -> tuple[set[tuple[str, str]], str]:
    """The (instrument, article) pairs a text cites, and the text without them."""
    pairs = {
        (match.group(1), label)
        for match in CITATION.finditer(text)
        for label in re.findall(LABEL, match.group(2))
    }
    return pairs, CITATION.sub("", text)


@pytest.mark.parametrize("name", TABLE)
def test_it_drafts_the_channels_the_assessment_opens_in_r13_order(name):
    assert tuple(drafts(name)) == TABLE[name][1]


@pytest.mark.parametrize("name", TABLE)
def test_it_drafts_for_wechat_pay_only_when_the_user_paid_with_it(name):
    expected = tuple("wechat_pay" if key == "alipay" else key for key in TABLE[name][1])

    assert tuple(drafts(name, "wechat")) == expected


@pytest.mark.parametrize("method", ["qq_wallet", "bank_card", "site_balance", "other"])
def test_it_drafts_no_payment_complaint_where_none_applies(method):
    assert not {"alipay", "wechat_pay"} & set(drafts("not_delivered", method))


@pytest.mark.parametrize("overrides", [{"redeemed": True}, {**INVALID, "redeemed": True}])
def test_it_drafts_nothing_for_a_claim_the_abuse_gate_stopped(overrides):
    facts = make_facts(**overrides)

    assert drafts_for(facts, assess(facts)) == ()


@pytest.mark.parametrize(("name", "method"), CASES)
def test_every_draft_names_the_order_amount_purchase_date_and_demand(name, method):
    facts, assessment = case(name, method)

    for draft in drafts_for(facts, assessment):
        assert "¥648.00" in draft.text, draft.key
        assert "2026年11月20日" in draft.text, draft.key
        if draft.key == "social_post":
            assert mask(facts.order_number) in draft.text
            assert facts.order_number not in draft.text
        else:
            assert facts.order_number in draft.text, draft.key
            assert dated_demand(facts, assessment).zh in draft.text, draft.key


@pytest.mark.parametrize(("name", "method"), CASES)
def test_drafts_for_others_than_the_shop_never_claim_the_demand_went_out_unrecorded(name, method):
    # Issue 13 item 11: these drafts said "我已向商家发出…" before anything was sent.
    for key, draft in drafts(name, method).items():
        if not key.startswith("merchant_"):
            assert "【" not in draft.text.replace("【事实】", "").replace("【诉求】", "").replace(
                "【依据】", ""
            ), key
            assert "已向" not in draft.text and "至今未处理" not in draft.text, key
            if key != "social_post":
                assert "我同时向商家发出" in draft.text, key


def test_drafts_give_the_date_the_user_already_contacted_the_shop():
    for key, draft in drafts("stalled_anonymous").items():
        if key != "merchant_chat":
            assert "2026年11月21日" in draft.text, key


@pytest.mark.parametrize(("name", "method"), CASES)
def test_every_draft_follows_facts_demand_basis_except_the_post(name, method):
    for key, draft in drafts(name, method).items():
        if key == "social_post":
            assert "依据" not in draft.text and "诉求" in draft.text
            continue
        marks = (
            ("【事实】", "【诉求】", "【依据】")
            if "【事实】" in draft.text
            else ("事实：", "诉求：", "依据：")
        )
        positions = [draft.text.index(mark) for mark in marks]
        assert positions == sorted(positions), key


@pytest.mark.parametrize(("name", "method"), CASES)
def test_drafts_cite_only_articles_from_the_assessment_by_full_name(name, method):
    facts, assessment = case(name, method, no_refund_clause=True, clause_text="概不退换")
    allowed = citable(assessment)
    instruments = {law_name for law_name, _article in allowed}

    for draft in drafts_for(facts, assessment):
        pairs, rest = cited(draft.text)
        assert pairs <= allowed, draft.key
        assert not re.search(rf"第{NUMERAL}条|第\d+条", rest), draft.key
        assert set(re.findall(r"《[^》]+》", draft.text)) <= instruments, draft.key


@pytest.mark.parametrize(("name", "method"), CASES)
def test_each_draft_cites_its_grounds(name, method):
    _facts, assessment = case(name, method)
    found = drafts(name, method)
    grounds = [a for a in assessment.citations if a.key not in NOT_GROUNDS]
    if assessment.route not in CLAIM_ROUTES:
        assert "《" not in found["merchant_chat"].text
        return
    everything = {(a.law, a.article) for a in grounds}
    for key in ("merchant_demand", "merchant_rescission", "complaint_12315",
                "consumer_association"):  # fmt: skip
        if key in found:
            assert cited(found[key].text)[0] >= everything, key
    for key in ("merchant_chat", "alipay", "wechat_pay"):
        if key in found:
            assert grounds[0].citation_zh in found[key].text, key
    if "social_post" in found:
        assert "《" not in found["social_post"].text


def test_the_report_cites_the_breaches_it_names():
    facts, assessment = case("stalled_anonymous")
    (report,) = [d for d in drafts_for(facts, assessment) if d.key == "report_12315"]
    pairs, _rest = cited(report.text)

    for article in (law.PENALTY_10_2, law.CPL_56_1_VIII, law.CPL_REG_17, law.ECL_15,
                    law.CPL_REG_13_2):  # fmt: skip
        assert (article.law, article.article) in pairs
    assert "商家拒绝处理" in report.text and "概不退换" not in report.text
    assert "分开处理" in report.text


@pytest.mark.parametrize(("name", "method"), CASES)
def test_only_wechat_pay_has_a_hard_limit_and_it_holds(name, method):
    for key, draft in drafts(name, method).items():
        if key == "wechat_pay":
            assert (draft.hard_limit, draft.suggested_length) == (300, None)
            assert len(draft.text) <= 300
        else:
            assert draft.hard_limit is None, key
            assert draft.suggested_length, key


@pytest.mark.parametrize("overrides", [*ALL_ANSWERS, *(v[0] for v in TABLE.values())])
def test_the_wechat_pay_complaint_fits_300_characters_even_with_long_answers(overrides):
    facts = make_facts(**{**LONGEST_ANSWERS, **overrides, "payment_method": "wechat"})
    assessment = assess(facts)
    found = {d.key: d for d in drafts_for(facts, assessment)}

    if "wechat_pay" in found:
        text = found["wechat_pay"].text
        assert len(text) <= 300
        assert facts.order_number in text and dated_demand(facts, assessment).zh in text


def test_suggested_lengths_are_design_suggestions():
    found = drafts("stalled_anonymous")

    assert found["merchant_chat"].suggested_length == 200
    assert found["complaint_12315"].suggested_length == 500
    assert len(found["merchant_chat"].text) <= 200
    assert len(drafts("not_delivered")["complaint_12315"].text) <= 500


def test_the_12315_complaint_leaves_the_identity_blank_rather_than_invent_it():
    text = drafts("not_delivered")["complaint_12315"].text

    assert text.splitlines()[0] == "投诉人：（姓名、电话在12315平台填写）"


def test_the_12315_complaint_names_the_complainant_respondent_request_and_facts():
    text = drafts("not_delivered", complainant=Complainant("李明", "13800138000"))[
        "complaint_12315"
    ].text
    lines = text.splitlines()

    assert lines[0] == "投诉人：李明，联系电话：13800138000"
    assert lines[1].startswith(
        "被投诉人：深圳市星辰数码科技有限公司（地址：深圳市南山区科技园1号）"
    )
    assert "星辰卡盟的店铺“星辰数码”的经营者" in lines[1]
    # Issue 13 item 11: no "名称和地址由我查询后填写" when the user already gave both.
    assert lines[2] == ""
    assert "请求市场监督管理部门依法处理，督促被投诉人退还¥648.00。" in text
    assert "【事实】" in text and "付款后至今未收到卡密" in text


def test_the_12315_complaint_says_plainly_when_the_operator_is_unknown_and_gives_leads():
    text = drafts("stalled_anonymous")["complaint_12315"].text
    respondent = text.splitlines()[1]

    assert "其法定名称和地址我目前未能查明" in respondent
    assert "ICP备案号粤ICP备2026000001号" in respondent
    assert "付款记录上的收款方“某某网络工作室”" in respondent


def test_the_12315_complaint_without_any_lead_says_where_to_look():
    text = drafts("not_delivered", **UNKNOWN_OPERATOR, transaction_number="")[
        "complaint_12315"
    ].text

    assert "ICP备案主办单位和付款记录上的收款方名称" in text


def test_the_12315_complaint_warns_that_an_unknown_operator_may_be_refused():
    warning = drafts("stalled_anonymous")["complaint_12315"].warning

    assert "不被受理" in warning.zh and "may be refused" in warning.en


def test_the_consumer_association_request_says_it_is_an_alternative_to_12315():
    draft = drafts("not_delivered")["consumer_association"]

    assert "没有同时向市场监督管理部门投诉" in draft.text
    assert "alternative" in draft.explanation.en and "二选一" in draft.explanation.zh
    assert law.CPL_REG_45.citation_zh in draft.text


@pytest.mark.parametrize("name", ["fraud", "vanished"])
def test_the_3x_claim_is_one_optional_sentence_where_the_assessment_offers_it(name):
    _facts, assessment = case(name)
    assert assessment.punitive is not None

    for key, draft in drafts(name).items():
        lines = [line for line in draft.text.splitlines() if "增加赔偿" in line]
        if key in ("merchant_demand", "complaint_12315", "consumer_association"):
            assert len(lines) == 1 and lines[0].startswith("鉴于"), key
            assert "¥1944.00" in lines[0]
        else:
            assert lines == [], key


@pytest.mark.parametrize(("name", "method"), CASES)
def test_no_draft_mentions_the_3x_claim_without_fraud_signs(name, method):
    facts, assessment = case(name, method)
    if assessment.punitive is None:
        for draft in drafts_for(facts, assessment):
            assert "增加赔偿" not in draft.text and "三倍" not in draft.text


def test_the_guardian_writes_every_draft_for_a_minor():
    for key, draft in drafts("minor").items():
        assert "监护人" in draft.text, key
        assert "我的孩子（14岁）" in draft.text, key


def test_a_business_purchase_gets_no_consumer_law_and_no_12315():
    for key, draft in drafts("business_purchase").items():
        assert law.CPL[0] not in draft.text and law.CPL_REGULATIONS[0] not in draft.text, key
        assert "12315" not in draft.text, key


def test_a_private_transfer_warns_that_payment_complaints_may_not_work():
    warning = drafts("private_transfer")["merchant_demand"].warning

    assert "私下转账" in warning.zh and "personal transfer" in warning.en


def test_the_rescission_notice_replaces_the_demand_once_the_deadline_passed():
    found = drafts("deadline_passed")

    assert found["merchant_rescission"].text.startswith("解除合同通知")
    assert "解除合同通知" in found["complaint_12315"].text
    assert "by 2026-11-21" not in found["merchant_rescission"].explanation.en


def test_the_written_demand_is_the_merchant_message_with_a_heading():
    facts, assessment = case("not_delivered")
    demand = drafts("not_delivered")["merchant_demand"].text

    assert demand == "催告函\n" + merchant_message(facts, assessment)


def test_the_social_post_sticks_to_facts_and_masks_personal_data():
    facts, _assessment = case("stalled_anonymous")
    post = drafts("stalled_anonymous")["social_post"]

    for banned in ("《", "12315", "投诉", "骗", "依法", facts.transaction_number,
                   facts.payee_name, facts.description, "KM202611201432001"):  # fmt: skip
        assert banned not in post.text
    assert "KM20****001" in post.text
    assert "名誉" in post.warning.zh and "defamation" in post.warning.en


@pytest.mark.parametrize(("number", "masked"), [
    ("KM202611201432001", "KM20****001"), ("123456", "12****6"), ("12", "****"),
])  # fmt: skip
def test_it_masks_order_numbers(number, masked):
    assert mask(number) == masked


@pytest.mark.parametrize(("name", "method"), CASES)
def test_every_draft_explains_itself_in_english_without_claiming_to_translate_edits(name, method):
    facts, assessment = case(name, method)

    for draft in drafts_for(facts, assessment):
        assert draft.explanation.en.startswith("This explains the Chinese draft")
        assert "not a translation of any edits" in draft.explanation.en
        assert facts.order_number in draft.explanation.en
        assert 2 <= draft.explanation.en.count(". ") + 1 <= 5, draft.key
        assert draft.title.zh and draft.title.en and draft.where.zh and draft.attach.en


@pytest.mark.parametrize("key", ["alipay", "wechat_pay", "complaint_12315", "report_12315"])
def test_undocumented_paths_say_to_check_the_current_app_or_site(key):
    method = "wechat" if key == "wechat_pay" else "alipay"
    where = drafts("stalled_anonymous", method)[key].where

    assert "check the current" in where.en.lower() and "当前" in where.zh


def test_the_drafts_are_the_same_every_time_for_the_same_answers():
    facts, assessment = case("stalled_anonymous")

    assert drafts_for(facts, assessment) == drafts_for(facts, assessment)


def test_the_draft_keys_are_the_documented_ones():
    keys = {key for name in TABLE for key in drafts(name)} | set(drafts("not_delivered", "wechat"))

    assert keys == set(DRAFT_KEYS)
