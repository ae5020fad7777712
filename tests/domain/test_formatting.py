from datetime import date

from claims.domain.formatting import format_date, format_day

TODAY = date(2026, 11, 22)


def test_it_leaves_out_the_year_of_a_day_in_the_current_year():
    assert format_day(date(2026, 12, 3), TODAY) == ("12月3日", "3 Dec")


def test_it_shows_the_year_of_a_day_in_any_other_year():
    assert format_day(date(2025, 12, 30), TODAY) == ("2025年12月30日", "30 Dec 2025")
    assert format_day(date(2027, 1, 2), TODAY) == ("2027年1月2日", "2 Jan 2027")


def test_a_full_date_always_has_its_year():
    assert format_date(date(2026, 11, 27)) == ("2026年11月27日", "2026-11-27")
