"""What the OCR engine reads off three screenshots, as text boxes: an Alipay bill, a WeChat Pay
receipt and a card shop's order page (the shop order is the one the Alipay bill paid)."""

from claims.screenshots.extract import TextBox

LINE = 44  # a line of text on a 1080-pixel screenshot


def box(x, y, text, height=LINE, right=None) -> TextBox:
    """A box as OCR reports it; `right` aligns the text to that edge instead of starting at x."""
    width = height * sum(0.55 if char.isascii() else 1.0 for char in text)
    left = right - width if right is not None else x
    return TextBox(text, left, y, left + width, y + height)


ALIPAY = [
    box(470, 20, "21:16"),
    box(420, 140, "账单详情"),
    box(440, 300, "小鱼数码"),
    box(380, 420, "-648.00", height=100),
    box(460, 560, "交易成功"),
    box(80, 700, "支付时间"), box(0, 700, "2026-11-20 21:14:07", right=1000),
    box(80, 820, "付款方式"), box(0, 820, "余额宝", right=1000),
    box(80, 940, "商品说明"), box(0, 940, "原神创世结晶6480点卡密", right=1000),
    box(80, 1060, "收款方全称"), box(0, 1060, "小鱼数码(个体工商户)", right=1000),
    box(80, 1180, "订单号"), box(0, 1180, "2026112022001438500512345678", right=1000),
    box(80, 1300, "商家订单号"), box(0, 1300, "KM20261120211352087", right=1000),
]  # fmt: skip

WECHAT = [
    box(440, 280, "小鱼数码"),
    box(360, 400, "-648.00", height=110),
    box(60, 600, "当前状态"), box(330, 600, "支付成功"),
    box(60, 710, "支付时间"), box(330, 710, "2026年11月5日 09:05:03"),
    box(60, 820, "商品"), box(330, 820, "月卡会员"),
    box(60, 930, "商户全称"), box(330, 930, "深圳市小鱼数码科技有限公司"),
    box(60, 1040, "收单机构"), box(330, 1040, "财付通支付科技有限公司"),
    box(60, 1150, "支付方式"), box(330, 1150, "零钱"),
    box(60, 1260, "交易单号"), box(330, 1260, "4200002345202611051234567890"),
    box(60, 1370, "商户单号"), box(330, 1370, "T2026110509050387"),
    box(330, 1420, "可在支持的商户扫码退款", height=32),
]  # fmt: skip

SHOP = [
    box(380, 150, "星辰游戏卡盟"),
    box(60, 300, "订单详情"),
    box(80, 430, "订单编号：KM20261120211352087"),
    box(80, 530, "商品名称：原神创世结晶6480点卡密"),
    box(80, 630, "单价：¥324.00"),
    box(80, 730, "购买数量：2"),
    box(80, 830, "实付款：¥648.00"),
    box(80, 930, "支付方式：支付宝"),
    box(80, 1030, "创建时间：2026-11-20 21:13:52"),
    box(80, 1130, "支付时间：2026-11-20 21:14:07"),
    box(80, 1230, "订单状态：已付款"), box(560, 1230, "未发货"),
]  # fmt: skip
