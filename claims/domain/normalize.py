"""Read numbers and identifiers the way Chinese users type them. Pure functions."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_CURRENCY_WORDS = re.compile(r"(人民币|rmb|cny|元整|元|块钱|块|[¥￥])", re.IGNORECASE)
_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(\D|$))")
_SPACES = re.compile(r"[\s\u3000]+")


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation (１２３，ＡＢ) become their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def parse_amount(text: str) -> Decimal | None:
    """'￥１，２３４.５元' -> Decimal('1234.5'); None when it is not a number."""
    cleaned = to_halfwidth(text).strip()
    cleaned = _CURRENCY_WORDS.sub("", cleaned)
    cleaned = _THOUSANDS.sub("", cleaned)
    cleaned = _SPACES.sub("", cleaned).replace("。", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def compact_identifier(text: str) -> str:
    """Order and transaction numbers: half-width, no spaces or dashes pasted from apps."""
    return _SPACES.sub("", to_halfwidth(text)).strip()


def clean_text(text: str) -> str:
    """Trim and fold full-width spaces; keep the user's words otherwise untouched."""
    return text.replace("\u3000", " ").strip()


def as_seen(text: str) -> str:
    """A text as a person reads it: a browser's CRLF line ends, trailing spaces and blank
    ends do not count, so an untouched draft compares equal to the one we wrote."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()
