"""How money, dates and years read in the documents (Chinese receipts' conventions)."""

from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from claims.domain.text import Text

SHANGHAI = ZoneInfo("Asia/Shanghai")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_yuan(amount: Decimal) -> str:
    """Money the way Chinese receipts show it: ¥50.00."""
    return f"¥{amount:.2f}"


def format_date(day: date) -> Text:
    """2026年11月27日 for Chinese readers, ISO for English ones (no ambiguous 11/27)."""
    return Text(f"{day.year}年{day.month}月{day.day}日", day.isoformat())


def format_day(day: date, today: date) -> Text:
    """12月3日 / 3 Dec in the current year; any other year is always shown, so a date from
    last year never reads as a coming one."""
    month = _MONTHS[day.month - 1]
    if day.year == today.year:
        return Text(f"{day.month}月{day.day}日", f"{day.day} {month}")
    return Text(f"{day.year}年{day.month}月{day.day}日", f"{day.day} {month} {day.year}")


def add_years(day: date, years: int) -> date:
    """Same day N years later; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
