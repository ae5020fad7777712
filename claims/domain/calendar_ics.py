"""The escalation plan as an iCalendar file (RFC 5545): one all-day event per step to come.

Written by hand, no library: the format needed here is small. Each event reminds at 09:00 on
its day (TRIGGER PT9H after the start of an all-day event, which begins at local midnight;
X-WR-TIMEZONE asks calendars that honour it to read that as China time).
"""

import re
from datetime import UTC, datetime, timedelta

from claims.domain.escalation import PlanStep

PRODID = "-//RefundHelper//退款助手//ZH"
REMINDER = "PT9H"
_LINE_OCTETS = 75
_UNSAFE = re.compile(r"[^A-Za-z0-9-]")


def plan_to_ics(plan: tuple[PlanStep, ...], *, reference: str, now: datetime) -> str:
    """VCALENDAR text with CRLF line endings; `reference` is the claim's public reference."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    uid_base = _UNSAFE.sub("", reference)
    if not uid_base:
        raise ValueError("reference must contain letters or digits")
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(f'退款助手 {reference}')}",
        "X-WR-TIMEZONE:Asia/Shanghai",
    ]
    for step in plan:
        if step.status in ("done", "skipped"):
            continue
        lines += _event(step, f"{uid_base}-{step.key}@refundhelper", stamp)
    lines.append("END:VCALENDAR")
    return "".join(f"{_fold(line)}\r\n" for line in lines)


def _event(step: PlanStep, uid: str, stamp: str) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{step.due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{step.due + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(step.title.zh)}",
        f"DESCRIPTION:{_escape(_description(step))}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(step.title.zh)}",
        f"TRIGGER;RELATED=START:{REMINDER}",
        "END:VALARM",
        "END:VEVENT",
    ]


def _description(step: PlanStep) -> str:
    guess = ("（日期是估算）", " (estimated date)") if step.approximate else ("", "")
    return "\n".join(
        [
            step.action.zh + guess[0],
            f"在哪里：{step.where.zh}",
            f"附上：{step.attach.zh}",
            "",
            f"{step.title.en}: {step.action.en}{guess[1]}",
            f"Where: {step.where.en}",
            f"Attach: {step.attach.en}",
        ]
    )


def _escape(text: str) -> str:
    """TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold at 75 octets (RFC 5545 3.1) without splitting a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode())
        if size + octets > _LINE_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)
