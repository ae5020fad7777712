"""Screenshot-like images with known values, drawn by Pillow: for tests and the demo.

Three layouts as phones show them: an Alipay bill (labels left, values right-aligned), a
WeChat Pay bill (values in a column), and a card site's order page ("标签：值" lines). Each
draws at any phone size, and `degrade` adds the noise and compression of a real screenshot.
"""

import io
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from claims.demo.claim import font as noto_font
from claims.screenshots.extract import CHINA, Reading

INK, GREY, MUTED, BG = (25, 25, 25), (245, 246, 248), (130, 130, 130), (255, 255, 255)


@dataclass(frozen=True)
class Purchase:
    """What the screenshots show; each layout draws the parts its app shows."""

    amount: Decimal = Decimal("648.00")
    paid_at: datetime = datetime(2026, 11, 20, 21, 14, 7, tzinfo=CHINA)
    created_at: datetime = datetime(2026, 11, 20, 21, 13, 52, tzinfo=CHINA)
    transaction_number: str = "2026112022001438500512345678"
    order_number: str = "KM20261120211352087"
    payee: str = "小鱼数码（个体工商户）"
    product: str = "原神创世结晶6480点卡密"
    payment_method: str = "余额宝"
    status: str = "交易成功"
    site: str = "星辰游戏卡盟"


def with_values(purchase: Purchase = Purchase(), **changes) -> Purchase:
    return replace(purchase, **changes)


class Canvas:
    """A phone screen of any size, drawn in units of a 1080-pixel-wide design."""

    def __init__(self, size=(1080, 2340), background=GREY, fonts=None):
        self.image = Image.new("RGB", size, background)
        self.draw = ImageDraw.Draw(self.image)
        self.scale = size[0] / 1080
        self.fonts = fonts or {}

    def font(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        key = (round(size * self.scale), bold)
        if key not in self.fonts:
            self.fonts[key] = noto_font(key[0], bold)
        return self.fonts[key]

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def text(self, x, y, text, size=42, fill=INK, bold=False, anchor="la"):
        self.draw.text(
            (self.px(x), self.px(y)), text, font=self.font(size, bold), fill=fill, anchor=anchor
        )

    def box(self, x0, y0, x1, y1, fill=BG, radius=24):
        self.draw.rounded_rectangle(
            (self.px(x0), self.px(y0), self.px(x1), self.px(y1)), radius=self.px(radius), fill=fill
        )

    def status_bar(self, clock="21:16"):
        self.box(0, 0, 1080, 90, radius=0)
        self.text(48, 24, clock, 38, bold=True)
        self.text(1032, 24, "5G 87%", 34, anchor="ra")

    def png(self) -> bytes:
        return to_png(self.image)


def to_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def alipay_bill(p: Purchase = Purchase(), size=(1080, 2340)) -> bytes:
    c = Canvas(size)
    c.status_bar()
    c.box(0, 90, 1080, 230, radius=0)
    c.text(540, 160, "账单详情", 50, bold=True, anchor="mm")
    c.box(30, 260, 1050, 1900)
    c.text(540, 340, p.payee.split("（")[0], 44, anchor="mm")
    c.text(540, 470, f"-{p.amount:.2f}", 96, bold=True, anchor="mm")
    c.text(540, 580, p.status, 40, fill=MUTED, anchor="mm")
    rows = [
        ("支付时间", p.paid_at.strftime("%Y-%m-%d %H:%M:%S")),
        ("付款方式", p.payment_method),
        ("商品说明", p.product),
        ("收款方全称", p.payee),
        ("账单分类", "数码电器"),
        ("订单号", p.transaction_number),
        ("商家订单号", p.order_number),
    ]
    for index, (label, value) in enumerate(rows):
        y = 700 + index * 120
        c.text(80, y, label, 40, fill=MUTED)
        c.text(1000, y, value, 40, anchor="ra")
    return c.png()


def wechat_bill(p: Purchase = Purchase(), size=(1080, 2340)) -> bytes:
    c = Canvas(size, background=BG)
    c.status_bar()
    c.text(540, 300, p.payee.split("（")[0], 44, anchor="mm")
    c.text(540, 430, f"-{p.amount:.2f}", 100, bold=True, anchor="mm")
    rows = [
        ("当前状态", p.status),
        (
            "支付时间",
            f"{p.paid_at.year}年{p.paid_at.month}月{p.paid_at.day}日 {p.paid_at:%H:%M:%S}",
        ),
        ("商品", p.product),
        ("商户全称", p.payee),
        ("收单机构", "财付通支付科技有限公司"),
        ("支付方式", p.payment_method),
        ("交易单号", p.transaction_number),
        ("商户单号", p.order_number),
    ]
    for index, (label, value) in enumerate(rows):
        y = 600 + index * 110
        c.text(60, y, label, 38, fill=MUTED)
        c.text(330, y, value, 38)
    c.text(330, 600 + len(rows) * 110 - 50, "可在支持的商户扫码退款", 30, fill=MUTED)
    return c.png()


def shop_order_page(p: Purchase = Purchase(), size=(1080, 2340), quantity=2) -> bytes:
    c = Canvas(size)
    c.status_bar()
    c.box(0, 90, 1080, 250, fill=(22, 119, 255), radius=0)
    c.text(540, 170, p.site, 52, fill=BG, bold=True, anchor="mm")
    c.text(60, 300, "订单详情", 46, bold=True)
    c.box(30, 380, 1050, 1500)
    unit = (p.amount / quantity).quantize(Decimal("0.01"))
    lines = [
        f"订单编号：{p.order_number}",
        f"商品名称：{p.product}",
        f"单价：¥{unit}",
        f"购买数量：{quantity}",
        f"实付款：¥{p.amount:.2f}",
        f"支付方式：{p.payment_method}",
        f"创建时间：{p.created_at:%Y-%m-%d %H:%M:%S}",
        f"支付时间：{p.paid_at:%Y-%m-%d %H:%M:%S}",
        f"订单状态：{p.status}",
        "卡密信息：暂无",
    ]
    for index, line in enumerate(lines):
        c.text(80, 430 + index * 100, line, 40)
    return c.png()


def degrade(data: bytes, *, noise: float = 0.0, blur: float = 0.0, quality: int = 0) -> bytes:
    """A screenshot as it arrives after sharing: grain (sigma in grey levels), softness, JPEG."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        grain = Image.effect_noise(image.size, noise).convert("RGB")
        image = ImageChops.add(image, grain, scale=1.0, offset=-128)
    if quality:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=quality)
        return buffer.getvalue()
    return to_png(image)


def expected(layout: str, p: Purchase = Purchase()) -> Reading:
    """What a perfect read of a layout gives, field by field (text NFKC-folded, as read)."""
    p = replace(
        p,
        **{
            name: unicodedata.normalize("NFKC", getattr(p, name))
            for name in ("payee", "product", "payment_method", "status")
        },
    )
    if layout == "shop":
        return Reading(
            app="shop",
            amount=p.amount,
            paid_at=p.paid_at,
            order_number=p.order_number,
            product=p.product,
            payment_method=p.payment_method,
            status=p.status,
        )
    return Reading(
        app=layout,
        amount=p.amount,
        paid_at=p.paid_at,
        order_number=p.order_number,
        transaction_number=p.transaction_number,
        payee=p.payee,
        product=p.product,
        payment_method=p.payment_method,
        status=p.status,
    )


LAYOUTS = {"alipay": alipay_bill, "wechat": wechat_bill, "shop": shop_order_page}
