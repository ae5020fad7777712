from datetime import date

import chinese_calendar
import pytest

from claims.domain.workdays import add_working_days, is_working_day


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # An ordinary week: Monday + 7 working days is the Wednesday after next.
        (date(2026, 11, 23), 7, date(2026, 12, 2)),
        # Friday + 1 skips the weekend.
        (date(2026, 11, 27), 1, date(2026, 11, 30)),
        # National Day 2026: 1-7 October off, Saturday 10 October is a make-up workday.
        (date(2026, 9, 30), 1, date(2026, 10, 8)),
        (date(2026, 9, 30), 3, date(2026, 10, 10)),
        (date(2026, 9, 30), 7, date(2026, 10, 15)),
        # Sunday 20 September 2026 is a make-up workday before the holiday.
        (date(2026, 9, 18), 1, date(2026, 9, 20)),
        # 中秋 2026 (Friday 25 September) is a day off.
        (date(2026, 9, 24), 1, date(2026, 9, 28)),
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
    ],
)
def test_it_counts_working_days_on_the_official_calendar(start, days, due):
    assert add_working_days(start, days) == (due, False)


def test_it_uses_real_make_up_days_from_the_calendar_package():
    weekend_workdays = [
        day
        for day in chinese_calendar.get_workdays(date(2026, 9, 1), date(2026, 10, 31))
        if day.weekday() >= 5
    ]

    assert weekend_workdays == [date(2026, 9, 20), date(2026, 10, 10)]
    assert is_working_day(date(2026, 10, 10)) == (True, False)
    assert is_working_day(date(2026, 10, 5)) == (False, False)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # 2027 is not published yet: weekends only, and the answer says so.
        (date(2027, 3, 1), 7, date(2027, 3, 10)),
        # Starting in a known year and running into an unknown one is approximate too.
        (date(2026, 12, 28), 7, date(2027, 1, 6)),
    ],
)
def test_it_counts_weekends_only_and_says_approximate_outside_known_years(start, days, due):
    assert add_working_days(start, days) == (due, True)


def test_it_stays_exact_when_the_window_ends_before_the_unknown_year():
    assert add_working_days(date(2026, 12, 21), 7) == (date(2026, 12, 30), False)


def test_it_rejects_a_negative_count():
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 11, 23), -1)
