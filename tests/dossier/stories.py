"""The three claims issue 16 reads the dossier through, each signed with three screenshots."""

from claims.demo.claim import complete_answers
from claims.wizard.signature import sign
from tests.factories import add_evidence, make_claim

OPERATOR = "杭州星辰网络科技有限公司"
ICP = "浙ICP备2024012345号-1"
TRANSACTION = "2026112222001438500512345678"


def non_delivery():
    """A card key from a shop on a bigger platform that never arrived."""
    answers = complete_answers()
    answers["problem"].update(
        problem=["not_delivered"],
        redeemed=["no"],
        description=["付款后订单一直显示“等待发货”，至今没有收到卡密。"],
    )
    answers["delivery"] = {
        "promised_delivery": ["instant"],
        "delivery_overdue": [""],
        "key_shown": ["nothing"],
    }
    answers.pop("defect")
    return answers


def invalid_key_on_own_site():
    """A used card key from a site run by a company the user named, with its ICP number."""
    answers = complete_answers()
    answers["order"]["shop_name"] = [""]
    answers["seller"].update(
        operator_name=[OPERATOR],
        operator_address=["杭州市西湖区文三路100号"],
        icp_number=[ICP],
        sold_on_platform=["no"],
    )
    return answers


def private_transfer():
    """Paid by a private transfer at the seller's request: no order number (R15)."""
    answers = complete_answers()
    answers["order"].update(
        order_number=[""],
        no_order_number=["on"],
        payment_method=["private_transfer"],
        transfer_requested_by_seller=["yes"],
    )
    return answers


CLAIMS = {
    "non-delivery": non_delivery,
    "invalid key": invalid_key_on_own_site,
    "private transfer": private_transfer,
}


def signed_claim(answers):
    claim = make_claim(answers=answers)
    add_evidence(claim, category="transaction", caption="支付宝账单详情")
    add_evidence(claim, category="product_state", caption="订单页面")
    add_evidence(claim, category="merchant_breach", caption="客服聊天记录")
    sign(claim, "李明")
    return claim
