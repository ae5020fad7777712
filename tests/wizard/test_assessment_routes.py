"""Each rule, reached through the wizard as a user would: the right route on the page and in
the dossier. Article labels are Chinese in both UI languages, so they identify the basis."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from claims.models import Claim
from tests.dossier_worker import download
from tests.journey import fill_in, start_claim, step_url, walk_to

# The first sentence of the step's disclaimer; the claim is in Chinese, the default language.
DISCLAIMER = "这个结果是根据你的回答和上面引用的法律给出的一般性信息，不是法律意见。"

CASES = {
    "R0 bought for resale": (
        {"buyer": {"purpose": "resale"}},
        ["第五百七十七条"],
        ["消费者权益保护法》第二十四条"],
    ),
    "R1 never delivered": (
        {"problem": {"problem": "not_delivered"}},
        ["第五十三条", "第五十一条第二款", "请在24小时内发放一张可正常使用的卡密"],
        [],
    ),
    "R1 not yet due": (
        {
            "problem": {"problem": "not_delivered"},
            "delivery": {"promised_delivery": "within", "delivery_overdue": "no"},
        },
        ["请告知确切的发货时间"],
        ["第五十三条"],
    ),
    "R2 deadline passed": (
        {
            "problem": {"problem": "not_delivered"},
            "contact": {"deadline_given": "yes", "deadline_on": "2026-11-22"},
        },
        ["第五百六十五条第一款", "现通知解除本订单合同"],
        [],
    ),
    "R3 balance cannot be used": (
        {"problem": {"problem": "balance_stuck"}, "balance": {"balance_blocked": "cannot_use"}},
        ["第二十二条第二款", "站内余额¥200.00"],
        [],
    ),
    "R4 defective key": ({}, ["第二十四条", "第五百八十二条"], []),
    "R6 changed mind": (
        {"problem": {"problem": "changed_mind"}},
        ["第二十五条第一款第（三）项"],
        ["第二十四条"],
    ),
    "R6 physical card without confirmation": (
        {
            "order": {"product_type": "physical_card"},
            "problem": {"problem": "changed_mind"},
            # Received two days ago: the 7 days from receipt are still running today.
            "receipt": {"delivered_on": (timezone.localdate() - timedelta(days=2)).isoformat()},
        },
        ["第二十条第二款"],
        [],
    ),
    "R7 seller promise": (
        {"problem": {"problem": "changed_mind"}, "policy": {"refund_promise": "yes"}},
        ["第十二条", "请按贵店的退款承诺"],
        [],
    ),
    "R8 no-refund notice": ({}, ["第二十六条第二款、第三款", "第四百九十七条"], []),
    "R10 only site credit offered": (
        {"contact": {"merchant_response": "offered_credit"}},
        ["第十八条第二款"],
        [],
    ),
    "R11 seller on a platform": ({"seller": {"sold_on_platform": "yes"}}, ["第四十四条第一款"], []),
    "R12 seller vanished": (
        {"problem": {"problem": "not_delivered"}, "seller": {"fraud_signs": "vanished"}},
        ["第五十五条第一款", "¥1944.00"],
        [],
    ),
    "R14 child's purchase": (
        {"buyer": {"buyer_age": "minor"}},
        ["第一百五十七条", "监护人"],
        [],
    ),
    "R15 private transfer on a platform": (
        {
            "order": {"payment_method": "private_transfer", "transfer_requested_by_seller": "yes"},
            "seller": {"sold_on_platform": "yes"},
        },
        ["第五条"],
        [],
    ),
    "worked, then taken back": (
        {
            "problem": {"problem": "stopped_working", "redeemed": "yes"},
            "defect": {"defect_kind": "recovered"},
        },
        ["第二十四条", "请在24小时内恢复正常使用"],
        ["第四十九条第二款"],
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_each_rule_reaches_its_route_through_the_wizard(client, case):
    answers, present, absent = CASES[case]
    token = start_claim(client)
    walk_to(client, token, "seller", **answers)
    page = client.get(step_url(token, "assessment"))
    assert page.status_code == 200, case
    html = page.content.decode()
    for text in present:
        assert text in html, (case, text)
    for text in absent:
        assert text not in html, (case, text)
    assert DISCLAIMER in html, case


@pytest.mark.django_db
def test_a_redeemed_key_claimed_as_invalid_is_the_only_hard_stop(client):
    token = start_claim(client)
    walk_to(client, token, "seller", problem={"redeemed": "yes"})
    html = client.get(step_url(token, "assessment")).content.decode()
    assert "第四十九条第二款" in html
    assert fill_in(client, token, "assessment").status_code == 200  # cannot continue
    assert client.get(step_url(token, "evidence")).url == step_url(token, "assessment")


@pytest.mark.django_db
def test_a_business_purchase_is_not_sent_to_12315(client):
    client.cookies["rh_language"] = "en"
    token = start_claim(client)
    walk_to(client, token, "seller", buyer={"purpose": "resale"})
    html = client.get(step_url(token, "assessment")).content.decode()
    assert "12315" not in html.split("Where to turn")[1]


@pytest.mark.django_db
def test_the_dossier_carries_the_same_assessment(client):
    token = start_claim(client)
    walk_to(client, token, "declaration", problem={"problem": "not_delivered"})
    pdf = download(client, f"/c/{token}/dossier.pdf").content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    compact = "".join(text.split())
    assert "评估意见与法律依据" in compact
    # The demand's term is a date in what is sent (issue 13: "a deadline is a date").
    assert re.search(
        r"请在\d{4}年\d{1,2}月\d{1,2}日(\d{1,2}时)?前发放一张可正常使用的卡密", compact
    )
    assert "第五十三条" in compact
    assert "不构成法律意见" in compact


@pytest.mark.django_db
def test_a_skipped_step_no_longer_counts(client):
    """Answers of a step that stops applying are cleared and never reach the assessment."""
    token = start_claim(client)
    walk_to(client, token, "seller", problem={"problem": "not_delivered"})
    assert "delivery" in Claim.objects.get(token=token).answers
    response = fill_in(client, token, "problem", query="?return=review")
    assert response.url == step_url(token, "defect") + "?return=review"
    assert "delivery" not in Claim.objects.get(token=token).answers
    html = client.get(step_url(token, "defect")).content.decode()
    assert "第五十三条" not in html
