"""Movement reports and period statistics over the registry."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.registry.demo import seed_demo
from assistant.registry.service import Registry
from assistant.reports.movement import COUNT_COLUMNS, movement, parse_period, statistics


@pytest.mark.parametrize(("spec", "start", "end"), [
    ("2026-W47", "2026-11-16", "2026-11-22"), ("2026-W01", "2025-12-29", "2026-01-04"),
    ("2026-11", "2026-11-01", "2026-11-30"), ("2024-02", "2024-02-01", "2024-02-29"),
    ("2026-Q4", "2026-10-01", "2026-12-31"), ("2026-q1", "2026-01-01", "2026-03-31"),
    ("2026-H1", "2026-01-01", "2026-06-30"), ("2026-H2", "2026-07-01", "2026-12-31"),
    ("2026", "2026-01-01", "2026-12-31"), ("2026-03-05..2026-04-01", "2026-03-05", "2026-04-01"),
])
def test_parse_period(spec: str, start: str, end: str) -> None:
    p = parse_period(spec)
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end)


@pytest.mark.parametrize("spec", ["2026-13", "2026-Q5", "2026-H3", "26", "2026-W54", "2026-04-01..2026-03-01", ""])
def test_bad_periods_are_refused(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_period(spec)


@pytest.fixture
def demo(registry: Registry) -> Registry:
    seed_demo(registry, petitions=80, today=dt.date(2026, 11, 22), seed=7)
    return registry


def test_movement_balances_for_every_judge_and_the_collegium(demo: Registry) -> None:
    for spec in ["2026-W47", "2026-11", "2026-Q3", "2026-H1", "2026", "2025-12"]:
        _check_balance(demo, spec)


def _check_balance(demo: Registry, spec: str) -> None:
    table = movement(demo.url, parse_period(spec))
    finished = table["returned"] + table["considered"] + table["other_finished"]
    assert (table["pending_start"] + table["received"] - finished == table["pending_end"]).all()
    results = [c for c in table.columns if c.startswith("result:")]
    assert (table[results].sum(axis=1) == table["considered"]).all()
    assert table.iloc[-1].name == "Итого по коллегии"
    assert (table.iloc[:-1].sum() == table.iloc[-1]).all()


def test_year_totals_match_the_registry(demo: Registry) -> None:
    table = movement(demo.url, parse_period("2025-11-01..2026-11-30"), lang="kk")
    total = table.loc["Алқа бойынша барлығы"]
    assert total["received"] == 80 and total["pending_start"] == 0
    open_now = len(demo.search(status=["registered", "assigned", "case_file_requested", "case_file_received",
                                       "hearing_scheduled", "heard"], limit=None))
    assert total["pending_end"] == open_now


def test_statistics_by_region_and_category(demo: Registry) -> None:
    stats = statistics(demo.url, parse_period("2026"), "ru")
    for table in stats.values():
        assert set(COUNT_COLUMNS) <= set(table.columns)
        assert ((table["changed_share"] >= 0) & (table["changed_share"] <= 1)).all()
    assert "Итого по коллегии" in stats["category"].index
    assert any("область" in name or "город" in name.lower() for name in stats["region"].index)
