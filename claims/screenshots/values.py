"""The facts a screenshot shows, and how OCR's text becomes them. Pure.

Each parser takes text as OCR read it and gives the value, or "" or None when the text is
not such a value. Text arrives NFKC-folded (full-width digits and brackets are ASCII).
"""

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")
STATUS_WORDS = re.compile(
    r"^(交易成功|支付成功|付款成功|已付款|已支付|未发货|待发货|已发货|已完成|交易完成|交易关闭|"
    r"已退款|退款成功|退款中|待付款|已取消|发货失败|已收货|待收货)"
)
AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?")
DATETIME = re.compile(
    r"(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*"
    r"(\d{1,2})\s*[:：.]\s*(\d\d)(?:\s*[:：.]\s*(\d\d))?"
)
IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{5,63}")
CARD_TAIL = re.compile(r"\(([0-9OoIlSB]{4})\)$")
DIGIT_LOOKALIKES = str.maketrans("OoIlSB", "001158")
CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff()（）])\s+|\s+(?=[\u3400-\u9fff()（）])")


@dataclass(frozen=True)
class Reading:
    """What one screenshot shows. Empty strings and None where it shows nothing readable."""

    app: str = ""  # "alipay", "wechat", "shop" or "" when unsure
    amount: Decimal | None = None
    paid_at: datetime | None = None
    order_number: str = ""
    transaction_number: str = ""
    payee: str = ""
    product: str = ""
    payment_method: str = ""
    status: str = ""

    FIELDS = (
        "amount", "paid_at", "order_number", "transaction_number",
        "payee", "product", "payment_method", "status",
    )  # fmt: skip

    def found(self) -> dict:
        return {name: getattr(self, name) for name in self.FIELDS if getattr(self, name)}

    def to_json(self) -> dict:
        data = {name: getattr(self, name) for name in self.FIELDS}
        data["app"] = self.app
        data["amount"] = str(self.amount) if self.amount is not None else None
        data["paid_at"] = self.paid_at.isoformat() if self.paid_at else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Reading":
        values = {name: data.get(name) or "" for name in (*cls.FIELDS, "app")}
        values["amount"] = decimal(data.get("amount"))
        values["paid_at"] = iso_datetime(data.get("paid_at"))
        return cls(**values)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def identifier(text: str) -> str:
    match = IDENTIFIER.match(squeeze(text))
    if not match or not re.search(r"\d", match.group()):
        return ""
    return match.group()


def amount(text: str) -> Decimal | None:
    match = AMOUNT.search(squeeze(text))
    if not match:
        return None
    value = decimal(match.group().replace(",", ""))
    return value.quantize(Decimal("0.01")) if value else None


def payment_time(text: str) -> datetime | None:
    for match in DATETIME.finditer(text):
        year, month, day, hour, minute, second = match.groups()
        candidates = [(day, hour)]
        if len(day) == 2 and len(hour) == 1:  # "2026-11-521:14": the day had one digit
            candidates.append((day[0], day[1] + hour))
        for day_text, hour_text in candidates:
            try:
                return datetime(
                    int(year),
                    int(month),
                    int(day_text),
                    int(hour_text),
                    int(minute),
                    int(second or 0),
                    tzinfo=CHINA,
                )
            except ValueError:
                continue
    return None


def plain_text(text: str) -> str:
    text = text.strip(" :：>›〉")
    # OCR puts spaces where the glyphs are far apart; Chinese text has none.
    return CJK_SPACE.sub("", text)[:100]


def payment_method(text: str) -> str:
    """'招商银行信用卡(1234)': a card's last four are digits, whatever OCR took them for."""
    text = plain_text(text)
    tail = CARD_TAIL.search(text)
    if tail:
        digits = tail.group(1).translate(DIGIT_LOOKALIKES)
        text = f"{text[: tail.start(1)]}{digits}{text[tail.end(1) :]}"
    return text


def status(text: str) -> str:
    """'已付款未发货' -> '已付款 未发货': the known words of a status, one space apart."""
    rest, words = squeeze(text), []
    while match := STATUS_WORDS.match(rest):
        words.append(match.group())
        rest = rest[match.end() :].lstrip(",，、/|")
    return " ".join(words + ([rest] if rest and words else []))


def decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def iso_datetime(value) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=CHINA)
