"""A realistic sample claim, with phone screenshots drawn by Pillow, for looking at a dossier
without filling in the wizard (manage.py demo_dossier) and for end-to-end tests."""

import io
import shutil
import subprocess
from datetime import datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from claims.evidence.pipeline import store_upload
from claims.models import Claim
from claims.retention import refresh_keep_until
from claims.wizard import signature
from claims.wizard.drafts import drafts_from_answers, initial_for
from claims.wizard.facts import prefixed_step_data

SCREEN = (1080, 2340)
BLUE, GREY, INK, RED = (22, 119, 255), (245, 246, 248), (25, 25, 25), (220, 50, 40)


def sample_answers(now=None) -> dict:
    now = timezone.localtime(now)
    paid = (now - timedelta(days=3)).replace(hour=21, minute=14, second=0, microsecond=0)
    return {
        "order": {
            "platform_name": ["星辰游戏卡盟"],
            "site_address": ["www.xingchen-kameng.example"],
            "shop_name": ["小鱼数码分站"],
            "order_number": ["2026 1122 2114 0387 66"],
            "product_name": ["原神 创世结晶 6480 点卡密"],
            "product_type": ["card_key"],
            "amount": ["￥６４８.００"],
            "purchased_at": [paid.strftime("%Y-%m-%dT%H:%M")],
            "payment_method": ["alipay"],
            "transfer_requested_by_seller": [""],
            "transaction_number": ["2026112222001438500512345678"],
        },
        "buyer": {"purpose": ["personal"], "buyer_age": ["adult"]},
        "problem": {
            "problem": ["invalid_key"],
            "redeemed": ["no"],
            "discovered_on": [paid.date().isoformat()],
            "description": ["兑换时提示“该兑换码已被使用”，我从未使用过该卡密。"],
        },
        "defect": {
            "delivered_on": [paid.date().isoformat()],
            "defect_kind": ["used"],
            "used_before_confirmed": ["unsure"],
        },
        "contact": {
            "contacted": ["yes"],
            "contacted_on": [(paid + timedelta(days=1)).date().isoformat()],
            "merchant_response": ["refused"],
            "merchant_response_text": ["虚拟商品一经售出概不退换，卡密发出即视为交付完成。"],
            "deadline_given": ["no"],
            "deadline_on": [""],
        },
        "policy": {
            "refund_promise": ["no"],
            "no_refund_clause": ["yes"],
            "clause_text": ["商品页底部：“虚拟商品一经售出概不退换，最终解释权归本站所有”"],
            "purchase_confirmation": ["no"],
        },
        "seller": {
            "operator_name": [""],
            "operator_address": [""],
            "icp_number": ["浙ICP备2023000000号"],
            "payee_name": ["小鱼数码（个体）"],
            "sold_on_platform": ["yes"],
        },
    }


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "Noto Sans CJK SC:bold" if bold else "Noto Sans CJK SC"
    fc_match = shutil.which("fc-match")
    if fc_match:
        path = subprocess.run(
            [fc_match, "-f", "%{file}", name], capture_output=True, text=True, check=False
        ).stdout
        if path:
            # Noto's .ttc holds JP, KR, SC, TC, HK faces: index 2 draws Simplified Chinese.
            index = 2 if path.endswith(".ttc") else 0
            return ImageFont.truetype(path, size, index=index)
    return ImageFont.load_default(size)


def phone_screenshot(title: str, rows: list[tuple[str, str]], banner: str, accent=BLUE) -> bytes:
    """A plain phone screenshot: status bar, app bar, a big banner, then label/value rows."""
    image = Image.new("RGB", SCREEN, GREY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SCREEN[0], 90), fill="white")
    draw.text((48, 22), "21:16", font=font(40, True), fill=INK)
    draw.text((880, 22), "5G  87%", font=font(36), fill=INK)
    draw.rectangle((0, 90, SCREEN[0], 250), fill="white")
    draw.text((SCREEN[0] // 2, 170), title, font=font(52, True), fill=INK, anchor="mm")
    draw.rounded_rectangle((40, 290, SCREEN[0] - 40, 620), radius=28, fill="white")
    draw.text((SCREEN[0] // 2, 455), banner, font=font(76, True), fill=accent, anchor="mm")
    top = 680
    draw.rounded_rectangle((40, top, SCREEN[0] - 40, top + 140 * len(rows) + 40), 28, "white")
    for index, (label, value) in enumerate(rows):
        y = top + 50 + index * 140
        draw.text((90, y), label, font=font(40), fill=(120, 120, 120))
        draw.text((90, y + 52), value, font=font(42), fill=INK)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def sample_screenshots(answers: dict) -> list[tuple[str, str, str, bytes]]:
    order = answers["order"]
    paid = order["purchased_at"][0].replace("T", " ")
    # Named as an Android phone names its screenshots: the dossier dates them by these names.
    at = datetime.strptime(paid, "%Y-%m-%d %H:%M")  # noqa: DTZ007 (a name, not a moment)
    named = {
        "bill": at + timedelta(minutes=2),
        "redeem": at + timedelta(minutes=6),
        "chat": (at + timedelta(days=1)).replace(hour=10, minute=12),
    }
    names = {key: f"Screenshot_{when:%Y%m%d-%H%M%S}.png" for key, when in named.items()}
    return [
        (
            "transaction",
            "支付宝账单详情：本订单付款 648.00 元",
            names["bill"],
            phone_screenshot(
                "账单详情",
                [
                    ("商品说明", order["product_name"][0]),
                    ("收款方", "小鱼数码（个体）"),
                    ("支付时间", paid),
                    ("交易号", order["transaction_number"][0]),
                    ("商家订单号", order["order_number"][0].replace(" ", "")),
                    ("交易状态", "交易成功"),
                ],
                "-648.00",
                accent=INK,
            ),
        ),
        (
            "product_state",
            "游戏内兑换页面提示“该兑换码已被使用”",
            names["redeem"],
            phone_screenshot(
                "兑换码兑换",
                [
                    ("兑换码", "GS6480-****-****-7Q2K"),
                    ("兑换结果", "失败：该兑换码已被使用"),
                    ("兑换时间", paid),
                ],
                "兑换失败",
                accent=RED,
            ),
        ),
        (
            "merchant_breach",
            "商家客服回复：虚拟商品一经售出概不退换",
            names["chat"],
            phone_screenshot(
                "在线客服",
                [
                    ("我", "卡密兑换提示已被使用，请补发或退款"),
                    ("客服", "虚拟商品一经售出概不退换"),
                    ("客服", "卡密发出即视为交付完成"),
                    ("我", "请提供发卡记录，否则我将投诉"),
                ],
                "客服消息",
            ),
        ),
    ]


# For looking at wrapping: what a user may paste at the limits of the forms.
LONG_ORDER_NUMBER = "KM" + "20261122211403876612345678901234567890" * 2
LONG_TEXT = (
    "我在该网站购买了点卡，付款后页面显示卡密，但兑换时系统提示“该兑换码已被使用”。"
    "我立即截图并联系了客服，客服先说需要等待核实，随后又说虚拟商品一经售出概不退换。"
    "https://www.xingchen-kameng.example/order/detail?id=2026112221140387661234567890&from=mobile "
)


def long_text_answers(answers: dict) -> dict:
    """The sample answers with the longest order number, texts and names the forms take."""
    answers["order"]["order_number"] = [LONG_ORDER_NUMBER[:64]]
    answers["order"]["transaction_number"] = [LONG_ORDER_NUMBER[1:65]]
    answers["order"]["shop_name"] = [("小鱼数码旗舰分站" * 13)[:100]]
    answers["order"]["product_name"] = [("原神 创世结晶 6480 点卡密 " * 6)[:100]]
    answers["problem"]["description"] = [(LONG_TEXT * 8)[:1000]]
    answers["contact"]["merchant_response_text"] = [(LONG_TEXT * 8)[:1000]]
    answers["policy"]["clause_text"] = [(LONG_TEXT * 4)[:500]]
    return answers


def complete_answers(*, long_text: bool = False) -> dict:
    """Every step answered as the wizard stores it, up to the declaration."""
    answers = sample_answers()
    if long_text:
        answers = long_text_answers(answers)
    drafts = drafts_from_answers(prefixed_step_data(answers))
    answers["messages"] = {key: [text] for key, text in initial_for(drafts).items()}
    answers.update({"assessment": {}, "evidence": {}, "identity": {}, "review": {}})
    return answers


def create_sample_claim(signed_name: str = "李明", *, long_text: bool = False) -> Claim:
    """A completed claim with three evidence screenshots and two recorded events.

    long_text: the longest answers the forms take, for looking at wrapping and page breaks.
    """
    claim = Claim.objects.create(consent_version="demo", consented_at=timezone.now())
    claim.answers = complete_answers(long_text=long_text)
    claim.current_step = "declaration"
    claim.save()
    items = [
        store_upload(
            claim,
            SimpleUploadedFile(name, data, content_type="image/png"),
            category=category,
            caption=caption,
        )
        for category, caption, name, data in sample_screenshots(claim.answers)
    ]
    signature.sign(claim, signed_name)
    today = timezone.localdate()
    claim.events.create(kind="sent", happened_on=today, note="")
    claim.events.create(
        kind="refused",
        happened_on=today,
        note="客服：虚拟商品一经售出概不退换，卡密发出即视为交付完成。" * (4 if long_text else 1),
        evidence=items[-1],
    )
    refresh_keep_until(claim)
    return claim
