"""Working days and procedural deadlines on the Kazakhstan calendar.

Holidays, observed days and day transfers come from the `holidays` package (KZ); assistant/data/calendar.yaml
adds local corrections and the deadline rules with their legal basis. A term in months ends on the same
day of the month that many months later (the last day of a shorter month), and a last day that is not a
working day moves to the next working day.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import holidays
import yaml

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "calendar.yaml"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later; the month's last day when it is shorter (29.08 → 28.02)."""
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    return dt.date(year, month, min(day.day, _stdcal.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    rule: str
    start: dt.date
    nominal_end: dt.date  # before moving off a non-working day
    last_day: dt.date
    basis: dict[str, str]

    @property
    def moved(self) -> bool:
        return self.last_day != self.nominal_end

    def met_by(self, day: dt.date) -> bool:
        return day <= self.last_day


class WorkCalendar:
    def __init__(self, extra_days_off: list[dt.date] = (), extra_working_days: list[dt.date] = (),  # type: ignore[assignment]
                 rules: dict[str, Any] | None = None) -> None:
        self.extra_days_off = frozenset(extra_days_off)
        self.extra_working_days = frozenset(extra_working_days)
        self.rules = rules or {}
        self._years: dict[int, holidays.HolidayBase] = {}

    def _holidays(self, year: int) -> holidays.HolidayBase:
        if year not in self._years:
            self._years[year] = holidays.country_holidays("KZ", years=year)
        return self._years[year]

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        return self._holidays(day.year).is_working_day(day)

    def holiday_name(self, day: dt.date) -> str | None:
        return self._holidays(day.year).get(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        while n > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`."""
        return sum(1 for k in range(1, (end - start).days + 1) if self.is_working_day(start + dt.timedelta(k)))

    def months_term(self, start: dt.date, months: int, rule: str = "") -> Deadline:
        nominal = add_months(start, months)
        basis = self.rules.get(rule, {})
        return Deadline(rule, start, nominal, self.next_working_day(nominal),
                        {k: v for k, v in basis.items() if k.startswith("basis_") or k == "status"})

    def deadline(self, rule: str, start: dt.date) -> Deadline:
        """The term named `rule` in the calendar file, counted from `start` in its unit: `months`, calendar
        `days` (last day moved off a non-working day) or `working_days`."""
        spec = self.rules[rule]
        basis = {k: v for k, v in spec.items() if k.startswith("basis_") or k == "status"}
        if "months" in spec:
            return self.months_term(start, int(spec["months"]), rule)
        if "days" in spec:
            nominal = start + dt.timedelta(days=int(spec["days"]))
            return Deadline(rule, start, nominal, self.next_working_day(nominal), basis)
        if "working_days" in spec:
            last = self.add_working_days(start, int(spec["working_days"]))
            return Deadline(rule, start, last, last, basis)
        raise ValueError(f"deadline rule {rule!r} has no length (months, days or working_days)")

    def unit(self, rule: str) -> str:
        """Which way the term is counted — recorded with every deadline (DOMAIN.md §5.4)."""
        return next(u for u in ("months", "days", "working_days") if u in self.rules[rule])


@cache
def default_calendar() -> WorkCalendar:
    with open(DATA_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    parse = lambda xs: [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)) for d in xs or []]  # noqa: E731
    return WorkCalendar(parse(data.get("extra_days_off")), parse(data.get("extra_working_days")),
                        data.get("deadlines", {}))
