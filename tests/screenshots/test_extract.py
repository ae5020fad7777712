"""Extraction from OCR text boxes: by the labels on the screen, whatever the layout. Pure."""

from datetime import datetime
from decimal import Decimal

import pytest

from claims.screenshots.extract import CHINA, Reading, TextBox, extract
from tests.screenshots.samples import ALIPAY, SHOP, WECHAT, box


def at(year, month, day, hour, minute, second=0):
    return datetime(year, month, day, hour, minute, second, tzinfo=CHINA)


def test_it_reads_an_alipay_bill_field_by_field():
    assert extract(ALIPAY) == Reading(
        app="alipay",
        amount=Decimal("648.00"),
        paid_at=at(2026, 11, 20, 21, 14, 7),
        order_number="KM20261120211352087",
        transaction_number="2026112022001438500512345678",
        payee="小鱼数码(个体工商户)",
        product="原神创世结晶6480点卡密",
        payment_method="余额宝",
        status="交易成功",
    )


def test_it_reads_a_wechat_bill_and_ignores_the_acquirer_and_the_refund_hint():
    assert extract(WECHAT) == Reading(
        app="wechat",
        amount=Decimal("648.00"),
        paid_at=at(2026, 11, 5, 9, 5, 3),
        order_number="T2026110509050387",
        transaction_number="4200002345202611051234567890",
        payee="深圳市小鱼数码科技有限公司",
        product="月卡会员",
        payment_method="零钱",
        status="支付成功",
    )


def test_on_a_shop_page_the_order_number_is_the_shops_and_the_paid_amount_wins():
    reading = extract(SHOP)
    assert reading.app == "shop"
    assert reading.order_number == "KM20261120211352087"
    assert reading.transaction_number == ""
    assert reading.amount == Decimal("648.00")  # 实付款, not 单价
    assert reading.paid_at == at(2026, 11, 20, 21, 14, 7)  # 支付时间 before 创建时间
    assert reading.product == "原神创世结晶6480点卡密"
    assert reading.payment_method == "支付宝"
    assert reading.status == "已付款 未发货"


def test_the_same_labels_work_in_any_order_and_at_any_scale():
    scale = 0.5
    shuffled = [
        TextBox(b.text, b.left * scale, b.top * scale, b.right * scale, b.bottom * scale)
        for b in reversed(ALIPAY)
    ]
    assert extract(shuffled) == extract(ALIPAY)


def test_values_under_their_labels_are_found_too():
    boxes = [
        box(90, 730, "支付时间"), box(90, 782, "2026-11-20 21:14"),
        box(90, 870, "交易号"), box(90, 922, "2026112222001438500512345678"),
        box(90, 1010, "商家订单号"), box(90, 1062, "20261122211403876"),
        box(90, 1150, "金额"), box(90, 1202, "¥1,280.00"),
    ]  # fmt: skip
    reading = extract(boxes)
    assert reading.paid_at == at(2026, 11, 20, 21, 14)
    assert reading.transaction_number == "2026112222001438500512345678"
    assert reading.order_number == "20261122211403876"
    assert reading.amount == Decimal("1280.00")


def test_a_label_joined_to_its_value_by_ocr_is_split_again():
    reading = extract(
        [box(80, 700, "支付时间2026-11-2021:14:07"), box(80, 800, "订单号 KM2026 1120 88")]
    )
    assert reading.paid_at == at(2026, 11, 20, 21, 14, 7)
    assert reading.order_number == "KM2026112088"


def test_a_long_value_wrapped_onto_a_second_line_is_joined():
    boxes = [
        box(80, 940, "商品说明"),
        box(0, 940, "原神创世结晶6480点", right=1000),
        box(0, 990, "卡密(自动发货)", right=1000),
        box(80, 1100, "订单号"),
        box(0, 1100, "20261122220014385005", right=1000),
        box(0, 1150, "12345678", right=1000),
    ]
    reading = extract(boxes)
    assert reading.product == "原神创世结晶6480点卡密(自动发货)"
    assert reading.transaction_number == "2026112222001438500512345678"


def test_a_second_label_in_the_same_box_ends_the_value():
    reading = extract([box(80, 400, "订单号：2026112088 状态：已发货")])
    assert reading.order_number == "2026112088"
    assert reading.status == "已发货"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-11-20 21:14:07", at(2026, 11, 20, 21, 14, 7)),
        ("2026/11/20 21:14", at(2026, 11, 20, 21, 14)),
        ("2026年11月5日 09:05:03", at(2026, 11, 5, 9, 5, 3)),
        ("2026年11月5日09:05", at(2026, 11, 5, 9, 5)),
        ("2026-11-0509:05:00", at(2026, 11, 5, 9, 5)),
        ("2026.11.20 21：14：07", at(2026, 11, 20, 21, 14, 7)),
        ("２０２６-１１-２０ ２１:１４", at(2026, 11, 20, 21, 14)),
        ("2026-11-20", None),  # a date without a time is no payment time
        ("2026-13-40 25:61", None),
    ],
)
def test_payment_times_in_the_formats_apps_print(text, expected):
    assert extract([box(80, 700, "支付时间"), box(400, 700, text)]).paid_at == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("¥648.00", Decimal("648.00")),
        ("-648.00", Decimal("648.00")),
        ("￥1,280.5", Decimal("1280.50")),
        ("648元", Decimal("648.00")),
        ("免费", None),
    ],
)
def test_amounts_as_apps_print_them(text, expected):
    assert extract([box(80, 700, "实付款"), box(400, 700, text)]).amount == expected


def test_the_big_unlabelled_amount_of_a_bill_is_used_when_no_label_names_one():
    reading = extract([box(80, 100, "账单详情"), box(300, 300, "-64.80", height=110), *ALIPAY[5:7]])
    assert reading.amount == Decimal("64.80")


def test_a_small_number_is_not_taken_for_the_amount():
    assert extract([box(80, 100, "支付时间"), box(300, 100, "21.00")]).amount is None


def test_labels_without_values_and_foreign_screens_give_an_empty_reading():
    assert extract([]) == Reading()
    reading = extract([box(80, 100, "订单号"), box(80, 300, "客服消息"), box(80, 400, "你好")])
    assert reading.found() == {}


def test_a_reading_survives_its_json_round_trip():
    reading = extract(ALIPAY)
    assert Reading.from_json(reading.to_json()) == reading
    assert Reading.from_json({"amount": "oops", "paid_at": "not a date"}) == Reading()


def test_the_last_four_digits_of_a_card_are_digits_whatever_ocr_saw():
    reading = extract([box(80, 820, "付款方式"), box(0, 820, "招商银行储蓄卡（S67O）", right=1000)])
    assert reading.payment_method == "招商银行储蓄卡(5670)"
