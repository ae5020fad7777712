"""How well and how fast screenshots are read, against the OCR engine alone.

Run: .venv/bin/python bench/ocr.py [--screens 36] [--seed 8]

Draws screenshots with known values in layouts, fonts, sizes and noise the tests do not use
(dark mode, stacked labels, table and card order pages, two pairs on a line, serif and
monospaced faces, 720 to 1440 pixels wide, grain, blur, JPEG), then reads each one as the
task does (decode, turn upright, OCR, extraction) and, in the same run, gives the engine alone
the same decoded image. Every field of every screen is judged, including fields a screen does
not show (they must come back empty). The last line is JSON: screens, field_accuracy,
per_screen_s (whole read) and bare_ocr_s (engine alone), both means per screen. Goals:
field_accuracy >= 0.95 and per_screen_s <= 1.2 x bare_ocr_s.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXT_FIELDS = ("payee", "product", "payment_method", "status")
FONT_FAMILIES = {
    "serif": ("Noto Serif CJK SC", False),
    "mono": ("Noto Sans Mono CJK SC", False),
    "bold": ("Noto Sans CJK SC", True),
}
SIZES = [(720, 1600), (828, 1792), (1080, 2400), (1170, 2532), (1440, 3200)]
PAYEES = [
    "小鱼数码(个体工商户)", "杭州星辰网络科技有限公司", "深圳市云购数码有限公司",
    "张三(个人)", "乐享游戏服务工作室", "广州市青柠信息技术有限公司",
]  # fmt: skip
PRODUCTS = [
    "原神创世结晶6480点卡密", "王者荣耀点券1000", "腾讯视频VIP会员年卡", "Steam钱包充值卡100元",
    "网易云音乐黑胶VIP月卡", "和平精英660点券直充", "爱奇艺黄金会员季卡", "QQ音乐绿钻12个月",
]  # fmt: skip
METHODS = {
    "alipay": ["余额宝", "花呗", "账户余额", "招商银行信用卡(1234)", "中国建设银行储蓄卡(5678)"],
    "wechat": ["零钱", "零钱通", "招商银行信用卡(1234)", "中国工商银行储蓄卡(9012)"],
    "shop": ["支付宝", "微信支付", "QQ钱包", "余额支付"],
}
SHOP_STATUSES = ["已付款 未发货", "交易成功", "已发货", "待发货", "已付款"]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refundhelper.settings")
    os.environ.setdefault("VAR_DIR", tempfile.mkdtemp(prefix="bench-ocr-"))
    import django

    django.setup()


# -- screens with known values ------------------------------------------------------------


@dataclass(frozen=True)
class Screen:
    name: str
    data: bytes
    truth: object  # claims.screenshots.extract.Reading


@cache
def font_file(family: str, bold: bool) -> tuple[str, int]:
    """The file and face index of a font family, as fontconfig names it."""
    from PIL import ImageFont

    query = f"{family}:bold" if bold else family
    path = subprocess.run(
        [shutil.which("fc-match") or "fc-match", "-f", "%{file}", query],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for index in range(10):
        try:
            face = ImageFont.truetype(path, 20, index=index)
        except OSError:
            break
        if face.getname()[0] == family:
            return path, index
    return path, 0


class BenchCanvas:
    """A phone screen in a 1080-wide design space, in the bench's own fonts and colours."""

    def __init__(self, size, family, dark=False):
        from PIL import Image, ImageDraw

        self.dark = dark
        self.ink = (235, 235, 235) if dark else (20, 20, 20)
        self.muted = (150, 150, 150) if dark else (128, 128, 128)
        self.card = (30, 30, 30) if dark else (255, 255, 255)
        self.image = Image.new("RGB", size, (12, 12, 12) if dark else (244, 245, 247))
        self.draw = ImageDraw.Draw(self.image)
        self.scale = size[0] / 1080
        self.family = family
        self.fonts = {}

    def font(self, size, bold=False):
        from PIL import ImageFont

        name, family_bold = FONT_FAMILIES[self.family]
        key = (round(size * self.scale), bold or family_bold)
        if key not in self.fonts:
            path, index = font_file(name, key[1] and name == "Noto Sans CJK SC")
            self.fonts[key] = ImageFont.truetype(path, key[0], index=index)
        return self.fonts[key]

    def px(self, value):
        return round(value * self.scale)

    def text(self, x, y, text, size=40, colour=None, bold=False, anchor="la"):
        self.draw.text(
            (self.px(x), self.px(y)),
            text,
            font=self.font(size, bold),
            fill=colour or self.ink,
            anchor=anchor,
        )

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, radius=20):
        self.draw.rounded_rectangle(
            (self.px(x0), self.px(y0), self.px(x1), self.px(y1)),
            radius=self.px(radius),
            fill=fill,
            outline=outline,
            width=max(1, self.px(2)),
        )


def alipay_dark(c, p, rng):
    c.text(540, 150, "账单详情", 48, bold=True, anchor="mm")
    c.rect(30, 240, 1050, 1800, fill=c.card)
    c.text(540, 330, p["payee"].split("(")[0], 42, anchor="mm")
    c.text(540, 450, f"-{p['amount']:,.2f}", 92, bold=True, anchor="mm")
    c.text(540, 560, "交易成功", 38, colour=c.muted, anchor="mm")
    created = p["paid_at"] - timedelta(seconds=rng.randint(5, 50))
    rows = [
        ("创建时间", created.strftime("%Y-%m-%d %H:%M:%S")),
        ("支付时间", p["paid_at"].strftime("%Y-%m-%d %H:%M:%S")),
        ("付款方式", p["payment_method"]),
        ("商品说明", p["product"]),
        ("收款方", p["payee"]),
        ("交易号", p["transaction_number"]),
        ("商家订单号", p["order_number"]),
    ]  # fmt: skip
    rng.shuffle(rows)
    for index, (label, value) in enumerate(rows):
        y = 660 + index * 125
        c.text(70, y, label, 38, colour=c.muted)
        c.text(1010, y, value, 38, anchor="ra")
    return "alipay", {"status": "交易成功"}


def alipay_stacked(c, p, rng):
    c.text(540, 160, "交易详情", 50, bold=True, anchor="mm")
    c.rect(40, 280, 1040, 600, fill=c.card)
    c.text(540, 440, f"-{p['amount']:.2f}", 80, bold=True, anchor="mm")
    rows = [
        ("商品说明", p["product"]),
        ("收款方", p["payee"]),
        ("支付时间", p["paid_at"].strftime("%Y-%m-%d %H:%M:%S")),
        ("付款方式", p["payment_method"]),
        ("交易号", p["transaction_number"]),
        ("商家订单号", p["order_number"]),
        ("交易状态", "交易成功"),
    ]
    c.rect(40, 660, 1040, 660 + 140 * len(rows) + 40, fill=c.card)
    for index, (label, value) in enumerate(rows):
        y = 700 + index * 140
        c.text(90, y, label, 38, colour=c.muted)
        c.text(90, y + 52, value, 40)
    return "alipay", {"status": "交易成功"}


def wechat_wide(c, p, rng):
    c.text(540, 260, p["payee"].split("(")[0], 40, anchor="mm")
    c.text(540, 380, f"-¥{p['amount']:.2f}", 88, bold=True, anchor="mm")
    paid = p["paid_at"]
    rows = [
        ("当前状态", "支付成功"),
        ("支付时间", f"{paid.year}年{paid.month}月{paid.day}日 {paid:%H:%M:%S}"),
        ("商品", p["product"]),
        ("商户全称", p["payee"]),
        ("收单机构", "财付通支付科技有限公司"),
        ("支付方式", p["payment_method"]),
        ("交易单号", p["transaction_number"]),
        ("商户单号", p["order_number"]),
    ]
    for index, (label, value) in enumerate(rows):
        y = 560 + index * 118
        c.text(70, y, label, 36, colour=c.muted)
        c.text(380, y, value, 36)
    c.text(380, 560 + len(rows) * 118 - 58, "可在支持的商户扫码退款", 28, colour=c.muted)
    return "wechat", {"status": "支付成功"}


def shop_table(c, p, rng):
    c.rect(0, 0, 1080, 200, fill=(200, 40, 40), radius=0)
    c.text(540, 100, p["site"], 50, colour=(255, 255, 255), bold=True, anchor="mm")
    c.text(60, 260, "订单查询结果", 44, bold=True)
    rows = [
        ("订单号", p["order_number"]),
        ("商品名称", p["product"]),
        ("付款金额", f"{p['amount']:.2f}元"),
        ("下单时间", p["paid_at"].strftime("%Y/%m/%d %H:%M:%S")),
        ("付款方式", p["payment_method"]),
        ("订单状态", p["status"]),
        ("联系方式", "138****5678"),
    ]
    top = 360
    for index, (label, value) in enumerate(rows):
        y = top + index * 110
        c.rect(40, y, 1040, y + 110, fill=c.card, outline=(210, 210, 210), radius=0)
        c.draw.line((c.px(300), c.px(y), c.px(300), c.px(y + 110)), fill=(210, 210, 210), width=2)
        c.text(70, y + 35, label, 36, colour=c.muted)
        c.text(330, y + 35, value, 36)
    return "shop", {}


def shop_pairs(c, p, rng):
    c.text(540, 120, p["site"], 48, bold=True, anchor="mm")
    c.rect(30, 220, 1050, 1000, fill=c.card)
    c.text(70, 260, f"订单号：{p['order_number']}", 36)
    c.text(70, 360, f"商品：{p['product']}", 36)
    c.text(70, 460, f"单价：¥{p['amount'] / 2:.2f}", 36)
    c.text(600, 460, "数量：2", 36)
    c.text(70, 560, f"金额：¥{p['amount']:.2f}", 36)
    c.text(600, 560, f"支付方式：{p['payment_method']}", 32)
    c.text(70, 660, f"支付时间：{p['paid_at']:%Y-%m-%d %H:%M}", 36)
    c.text(70, 760, f"状态：{p['status']}", 36)
    return "shop", {"paid_at": p["paid_at"].replace(second=0)}


def shop_card(c, p, rng):
    c.text(540, 130, "我的订单", 46, bold=True, anchor="mm")
    c.rect(30, 220, 1050, 1100, fill=c.card)
    c.text(70, 260, p["site"], 38, bold=True)
    c.text(1010, 260, p["status"], 36, colour=(230, 90, 30), anchor="ra")
    c.rect(70, 340, 250, 520, fill=(225, 232, 245), radius=12)
    c.text(280, 350, p["product"], 38)
    c.text(280, 420, "自动发货 | 数量x1", 30, colour=c.muted)
    c.text(1010, 600, f"实付款 ¥{p['amount']:.2f}", 40, bold=True, anchor="ra")
    c.text(70, 700, f"订单编号：{p['order_number']}", 34, colour=c.muted)
    c.text(70, 780, f"创建时间：{p['paid_at']:%Y-%m-%d %H:%M:%S}", 34, colour=c.muted)
    c.text(70, 860, f"付款方式：{p['payment_method']}", 34, colour=c.muted)
    return "shop", {}


LAYOUTS = {
    "alipay_dark": alipay_dark,
    "alipay_stacked": alipay_stacked,
    "wechat_wide": wechat_wide,
    "shop_table": shop_table,
    "shop_pairs": shop_pairs,
    "shop_card": shop_card,
}


def random_purchase(rng, app):
    from claims.screenshots.extract import CHINA

    amount = Decimal(rng.choice(["9.90", "30.00", "64.80", "128.00", "648.00", "1280.00", "6.00"]))
    paid = datetime(2026, rng.randint(1, 11), rng.randint(1, 28), tzinfo=CHINA) + timedelta(
        seconds=rng.randint(0, 86399)
    )
    digits = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    if app == "wechat":
        transaction = "42000" + digits(23)
    else:
        transaction = paid.strftime("%Y%m%d") + "2200" + digits(16)
    order = (
        rng.choice(["", "KM", "T", "DD", "SN"])
        + paid.strftime("%Y%m%d%H%M")
        + digits(rng.randint(3, 6))
    )
    status = rng.choice(SHOP_STATUSES) if app == "shop" else ""
    return {
        "amount": amount,
        "paid_at": paid.replace(microsecond=0),
        "transaction_number": transaction,
        "order_number": order,
        "payee": rng.choice(PAYEES),
        "product": rng.choice(PRODUCTS),
        "payment_method": rng.choice(METHODS[app]),
        "status": status,
        "site": rng.choice(["星辰游戏卡盟", "云端发卡网", "极速卡铺", "青柠自动发货平台"]),
    }


def make_screens(count, seed):
    from claims.demo.screenshots import degrade, to_png
    from claims.screenshots.extract import Reading

    rng = random.Random(seed)
    names = list(LAYOUTS)
    screens = []
    for index in range(count):
        layout = names[index % len(names)]
        app = "alipay" if layout.startswith("alipay") else layout.split("_")[0]
        purchase = random_purchase(rng, app)
        size = SIZES[(index // len(names)) % len(SIZES)]
        family = list(FONT_FAMILIES)[index % len(FONT_FAMILIES)]
        canvas = BenchCanvas(size, family, dark=layout == "alipay_dark")
        shown_app, overrides = LAYOUTS[layout](canvas, purchase, rng)
        damage = {
            "noise": rng.choice([0, 6, 12, 20]),
            "blur": rng.choice([0, 0, 0.6, 1.0]),
            "quality": rng.choice([0, 92, 75, 55]),
        }
        data = degrade(to_png(canvas.image), **damage)
        shown = {**purchase, **overrides}
        truth = Reading(
            app=shown_app,
            amount=shown["amount"],
            paid_at=shown["paid_at"],
            order_number=shown["order_number"],
            transaction_number=shown["transaction_number"] if shown_app != "shop" else "",
            payee=shown["payee"] if shown_app != "shop" else "",
            product=shown["product"],
            payment_method=shown["payment_method"],
            status=shown["status"],
        )
        noise = "n{noise}b{blur}q{quality}".format(**damage)
        label = f"{layout}-{size[0]}x{size[1]}-{family}-{noise}"
        screens.append(Screen(label, data, truth))
    return screens


# -- judging and timing -------------------------------------------------------------------


def same(name, got, wanted):
    if name in TEXT_FIELDS:
        fold = lambda text: "".join(unicodedata.normalize("NFKC", text or "").split())  # noqa: E731
        return fold(got) == fold(wanted)
    return got == wanted


def judge(reading, truth):
    from claims.screenshots.extract import Reading

    return {
        name: same(name, getattr(reading, name), getattr(truth, name)) for name in Reading.FIELDS
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", type=int, default=36)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--save", type=Path, help="write the screens here as image files")
    args = parser.parse_args()
    setup_django()
    from claims.screenshots import reader

    screens = make_screens(args.screens, args.seed)
    engine = reader.engine()
    engine(reader.open_upright(screens[0].data))  # loading and first-run costs are no one's

    per_screen, bare, verdicts = [], [], []
    for index, screen in enumerate(screens):
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{index:02d}-{screen.name}.img").write_bytes(screen.data)
        decoded = reader.open_upright(screen.data)
        # Alternate which goes first, so that neither gains from a warm cache.
        for turn in (0, 1) if index % 2 else (1, 0):
            started = time.perf_counter()
            if turn == 0:
                reading = reader.read_image(screen.data)
                per_screen.append(time.perf_counter() - started)
            else:
                engine(decoded)
                bare.append(time.perf_counter() - started)
        verdict = judge(reading, screen.truth)
        verdicts.append(verdict)
        misses = {
            name: (str(getattr(reading, name)), str(getattr(screen.truth, name)))
            for name, ok in verdict.items()
            if not ok
        }
        print(
            f"{screen.name:55s} {sum(verdict.values())}/{len(verdict)} {per_screen[-1]:.2f}s",
            misses or "",
        )

    fields = [ok for verdict in verdicts for ok in verdict.values()]
    by_field = {name: round(statistics.mean(v[name] for v in verdicts), 3) for name in verdicts[0]}
    print("by field:", json.dumps(by_field, ensure_ascii=False))
    summary = {
        "screens": len(screens),
        "field_accuracy": round(sum(fields) / len(fields), 4),
        "per_screen_s": round(statistics.mean(per_screen), 3),
        "bare_ocr_s": round(statistics.mean(bare), 3),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
