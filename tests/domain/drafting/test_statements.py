"""Every sentence of a draft comes from an answer or a recorded event (issue 13 item 11).

Sources, by sentence: purchase line (order step answers); problem line (problem step: defect
kind, official confirmation, balance blocked, site closed, promise text and whether its
conditions are met, guardian's consent); description excerpt (the user's own words); contact
line (contacted, contacted_on, merchant_response and their words); the demand (the assessment,
its term dated from facts.today); "sent"/"refused"/"replied"/"no answer" to third parties
(recorded events only); respondent and 举报 operator lines (operator name, address, ICP number,
payee, exactly as given); the 消协's "not also at 12315" (no filed_12315 event).
"""

from datetime import date

import pytest

from claims.domain.drafting import drafts_for
from claims.domain.eligibility import assess
from claims.domain.escalation import Event
from tests.factories import ASKED, BALANCE, MINOR, PROMISE, STOPPED, make_facts

SENT = (Event("sent", date(2026, 11, 23)), Event("refused", date(2026, 11, 24)))
REPLY = "客服说：“卡密发出即视为交付完成。”不退。"

# name: (answers, events, {draft key: (required sentences, forbidden sentences)})
TABLE = {
    "nothing sent yet": (
        {},
        (),
        {
            "alipay": (
                ["我同时向商家发出书面要求：“请在2026年11月23日前"], ["已向商家", "至今未处理"]
            ),
            "complaint_12315": (["我同时向商家发出书面要求"], ["已向商家", "至今未处理"]),
            "social_post": (["我的诉求：退还¥50.00。"], ["书面提出", "都有付款记录"]),
            "merchant_demand": (["在2026年11月23日前"], ["小时内", "日内"]),
        },
    ),
    "sent and refused, recorded": (
        {},
        SENT,
        {
            "alipay": (
                ["我已于2026年11月23日向商家发出书面要求：“请在2026年11月24日前",
                 "商家于2026年11月24日拒绝。"],
                ["至今未处理", "我同时"],
            ),
            "social_post": (["我于2026年11月23日向店家书面提出诉求"], []),
        },
    ),
    "refunded, recorded": ({}, (Event("refunded", date(2026, 11, 25)),), {
        "social_post": ([], ["还没有收到退款"]),
    }),
    "at 12315 already": ({}, (Event("filed_12315", date(2026, 11, 25)),), {
        "consumer_association": ([], ["没有同时向市场监督管理部门投诉"]),
    }),
    "operator name and ICP from the footer, no address": (
        {**ASKED, "merchant_response": "refused", "operator_address": "",
         "operator_name": "星辰网络工作室", "icp_number": "粤ICP备2026000001号"},
        (),
        {
            "report_12315": (
                ["我查到的经营者信息只有经营者名称“星辰网络工作室”、ICP备案号粤ICP备2026000001号，"
                 "未能查到经营者的地址。", "请核查该网站是否依法在首页公示"],
                ["没有公示", "首页没有", "名称和地址我目前未能查明"],
            ),
            "complaint_12315": (["其法定地址我目前未能查明"], ["法定名称和地址"]),
        },
    ),
    "operator known, no leads": ({}, (), {"complaint_12315": ([], ["由我查询后填写"])}),
    "refund clause without its words": (
        {**ASKED, "merchant_response": "refused", "no_refund_clause": True, "clause_text": "",
         "operator_name": ""},
        (),
        {"report_12315": (["商家以告示等方式排除"], ["概不退款"])},
    ),
    "seller's words with nested marks": (
        {**ASKED, "merchant_response": "refused", "merchant_response_text": REPLY},
        (),
        {"merchant_demand": (["贵店答复：“客服说：‘卡密发出即视为交付完成。’不退。”"], ["。”。"])},
    ),
    "promise, conditions unsure": (
        {**PROMISE, "promise_conditions_met": "unsure"},
        (),
        {"merchant_demand": (["贵店曾承诺：“未使用包退”。请贵店按该承诺处理。"],
                             ["符合该承诺的条件"])},
    ),
    "promise, conditions met": (
        {**PROMISE, "promise_conditions_met": "yes"},
        (),
        {"merchant_demand": (["我的情况符合该承诺的条件。"], [])},
    ),
    "warranty, conditions unsure": (
        {**STOPPED, "refund_promise": "yes", "promise_text": "30天质保",
         "promise_conditions_met": "unsure"},
        (),
        {"merchant_demand": ([], ["在该承诺范围内"])},
    ),
    "minor, consent unknown": (
        {**MINOR, "guardian_consented": None},
        (),
        {"merchant_demand": (["不予追认"], ["未经我（监护人）同意"])},
    ),
    "minor, no consent": (MINOR, (), {"merchant_demand": (["未经我（监护人）同意"], [])}),
    "site gone": (
        {**BALANCE, "site_closed": True},
        (),
        {"merchant_demand": (["贵站目前已关闭或无法联系"], ["停止经营"]),
         "social_post": (["目前该网站已经关闭或无法联系。"], [])},
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", TABLE)
def test_each_draft_says_what_the_answers_and_events_say_and_nothing_else(name):
    answers, events, expected = TABLE[name]
    facts = make_facts(**answers)
    found = {d.key: d.text for d in drafts_for(facts, assess(facts), events=events)}

    for key, (required, forbidden) in expected.items():
        assert key in found, key
        for sentence in required:
            assert sentence in found[key], (key, sentence)
        for sentence in forbidden:
            assert sentence not in found[key], (key, sentence)
