"""The escalation plan as an iCalendar file (RFC 5545): one all-day event per step to come.

Each event reminds at 09:00 on its day (a trigger 9 hours after the start of an all-day event,
which begins at local midnight; X-WR-TIMEZONE asks calendars that honour it to read that as
China time). The icalendar library escapes and folds the text.
"""

import re
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event, vText

from claims.domain.escalation import PlanStep

PRODID = "-//RefundHelper//退款助手//ZH"
REMINDER = timedelta(hours=9)
_UNSAFE = re.compile(r"[^A-Za-z0-9-]")


def plan_to_ics(plan: tuple[PlanStep, ...], *, reference: str, now: datetime) -> str:
    """VCALENDAR text with CRLF line endings; `reference` is the claim's public reference."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    uid_base = _UNSAFE.sub("", reference)
    if not uid_base:
        raise ValueError("reference must contain letters or digits")
    calendar = Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    # X- properties have no known type: vText makes the library escape them like SUMMARY.
    calendar.add("X-WR-CALNAME", vText(f"退款助手 {reference}"))
    calendar.add("X-WR-TIMEZONE", vText("Asia/Shanghai"))
    stamp = now.astimezone(UTC)
    for step in plan:
        if step.status not in ("done", "skipped", "missed"):
            calendar.add_component(_event(step, f"{uid_base}-{step.key}@refundhelper", stamp))
    # Unsorted keeps the properties in the order they were added, the order RFC 5545 lists.
    return calendar.to_ical(sorted=False).decode()


def _event(step: PlanStep, uid: str, stamp: datetime) -> Event:
    event = Event()
    event.add("UID", uid)
    event.add("DTSTAMP", stamp)
    event.add("DTSTART", step.due)
    event.add("DTEND", step.due + timedelta(days=1))
    event.add("SUMMARY", step.title.zh)
    event.add("DESCRIPTION", _description(step))
    event.add("TRANSP", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", step.title.zh)
    alarm.add("TRIGGER", REMINDER, parameters={"RELATED": "START"})
    event.add_component(alarm)
    return event


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
