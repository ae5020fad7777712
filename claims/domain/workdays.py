"""Working days on China's official calendar (public holidays and 调休 make-up workdays).

The calendar package only knows the years the State Council has published; beyond them we
count Monday to Friday and say the date is approximate.
"""

from datetime import date, timedelta

import chinese_calendar


def is_working_day(day: date) -> tuple[bool, bool]:
    """(working?, approximate?): approximate when the official calendar for that year is unknown."""
    try:
        return chinese_calendar.is_workday(day), False
    except NotImplementedError:
        return day.weekday() < 5, True


def add_working_days(start: date, days: int) -> tuple[date, bool]:
    """The `days`-th working day after `start` (start itself not counted), and approximate?."""
    if days < 0:
        raise ValueError("days must not be negative")
    day, counted, approximate = start, 0, False
    while counted < days:
        day += timedelta(days=1)
        working, guessed = is_working_day(day)
        approximate = approximate or guessed
        counted += working
    return day, approximate
