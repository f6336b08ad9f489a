"""Working days and the six-month terms, table-driven (month ends, leap years, holidays, transfers)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.calendar import WorkCalendar, add_months, default_calendar

D = dt.date

ADD_MONTHS = [
    (D(2025, 3, 12), 6, D(2025, 9, 12)),
    (D(2025, 8, 29), 6, D(2026, 2, 28)),  # no 29 February in 2026
    (D(2023, 8, 31), 6, D(2024, 2, 29)),  # leap year
    (D(2024, 8, 31), 6, D(2025, 2, 28)),
    (D(2025, 7, 31), 6, D(2026, 1, 31)),
    (D(2025, 12, 31), 2, D(2026, 2, 28)),
    (D(2025, 6, 30), 6, D(2025, 12, 30)),
]


@pytest.mark.parametrize(("start", "months", "end"), ADD_MONTHS)
def test_add_months(start, months, end):
    assert add_months(start, months) == end


WORKING = [
    (D(2025, 1, 1), False),  # New Year
    (D(2025, 1, 3), False),  # transferred day off (from Sunday 5 January)
    (D(2025, 1, 5), True),   # the working Sunday it came from
    (D(2024, 5, 4), True),   # working Saturday
    (D(2024, 5, 8), False),  # transferred day off
    (D(2025, 3, 24), False),  # Nauryz observed
    (D(2025, 10, 27), False),  # Republic Day observed
    (D(2025, 12, 16), False),  # Independence Day
    (D(2025, 12, 1), True),  # First President's Day was abolished in 2022
    (D(2025, 11, 22), False),  # a Saturday
    (D(2025, 11, 24), True),
]


@pytest.mark.parametrize(("day", "working"), WORKING)
def test_working_days(day, working):
    assert default_calendar().is_working_day(day) is working


DEADLINES = [
    # start (entry into force), last day of the six-month filing term
    (D(2025, 3, 12), D(2025, 9, 12)),
    (D(2025, 6, 16), D(2025, 12, 17)),  # 16 December is Independence Day
    (D(2025, 3, 22), D(2025, 9, 22)),  # 22 September 2025 is a Monday
    (D(2025, 8, 29), D(2026, 3, 2)),  # 28.02.2026 is a Saturday -> Monday 2 March
    (D(2025, 4, 25), D(2025, 10, 28)),  # 25.10 Republic Day (Sat), 27.10 observed -> 28.10
]


@pytest.mark.parametrize(("start", "last"), DEADLINES)
def test_six_month_filing_deadline(start, last):
    d = default_calendar().deadline("cassation_filing", start)
    assert d.last_day == last
    assert d.moved == (d.nominal_end != last)
    assert "436" in d.basis["basis_ru"] and "436" in d.basis["basis_kk"]


def test_transferred_working_sunday_counts():
    # 1 July 2024 + 6 months = 1 January 2025 (holiday), 2 January (holiday), 3 January (transferred day off),
    # 4 January Saturday, 5 January the working Sunday: the term ends then.
    assert default_calendar().deadline("cassation_filing", D(2024, 7, 1)).last_day == D(2025, 1, 5)


def test_local_corrections_win():
    cal = WorkCalendar(extra_days_off=[D(2025, 9, 12)], extra_working_days=[D(2025, 11, 22)],
                       rules={"r": {"months": 6}})
    assert cal.deadline("r", D(2025, 3, 12)).last_day == D(2025, 9, 15)
    assert cal.is_working_day(D(2025, 11, 22))


def test_working_day_arithmetic():
    cal = default_calendar()
    assert cal.add_working_days(D(2025, 12, 12), 3) == D(2025, 12, 18)  # skips the weekend and 16 December
    assert cal.working_days_between(D(2025, 11, 21), D(2025, 11, 28)) == 5
