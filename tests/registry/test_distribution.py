"""The distribution rule as a pure function (the registry and bench/distribution.py call the same one)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.registry.distribution import JudgeState, choose_judge

D = dt.date(2026, 11, 2)
LOANS = frozenset({"LOAN", "CONTRACT"})


def judge(code: str, load: int, order: int, last: int | None = None, year: int = 0, **kw: object) -> JudgeState:
    return JudgeState(code, LOANS, order, load, last, assigned_this_year=year, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("judges", "conflicts", "catch_up", "winner", "reason"), [
    ([judge("a", 3, 1), judge("b", 2, 2)], (), True, "b", "least_open_load"),
    ([judge("a", 2, 1, last=5), judge("b", 2, 2, last=3)], (), True, "b", "rotation"),
    ([judge("a", 2, 1, last=5), judge("b", 2, 2, last=None)], (), True, "b", "rotation"),
    ([judge("a", 2, 2), judge("b", 2, 1)], (), True, "b", "rotation"),  # never assigned: roster order
    ([judge("a", 1, 1), judge("b", 5, 2)], ("a",), True, "b", "only_candidate"),
    ([judge("a", 1, 1, absences=((D, D),)), judge("b", 5, 2)], (), True, "b", "only_candidate"),
    ([judge("a", 1, 1, active_to=D - dt.timedelta(1)), judge("b", 5, 2)], (), True, "b", "only_candidate"),
    ([judge("a", 1, 1, active_from=D + dt.timedelta(1)), judge("b", 5, 2)], (), True, "b", "only_candidate"),
    # back from leave: fewer cases this year than colleagues, so the same open load loses to the catch-up
    ([judge("a", 10, 1, year=120), judge("b", 10, 2, year=80)], (), True, "b", "least_open_load"),
    ([judge("a", 10, 1, year=120, last=1), judge("b", 10, 2, year=80, last=2)], (), False, "a", "rotation"),
])
def test_choose_judge(judges: list[JudgeState], conflicts: tuple[str, ...], catch_up: bool, winner: str,
                      reason: str) -> None:
    decision = choose_judge(judges, "LOAN", D, conflicts=conflicts, catch_up=catch_up)
    assert (decision.judge, decision.reason) == (winner, reason)


def test_exclusions_and_nobody() -> None:
    decision = choose_judge([judge("a", 0, 1, absences=((D, D),))], "LOAN", D, conflicts=())
    assert (decision.judge, decision.reason, decision.excluded) == (None, "nobody_available",
                                                                     [{"judge": "a", "why": "absent"}])
    assert choose_judge([judge("a", 0, 1)], "FAMILY", D).reason == "no_specialist"
    soon = choose_judge([judge("a", 0, 1, absences=((D + dt.timedelta(2), D + dt.timedelta(9)),)), judge("b", 4, 2)],
                        "LOAN", D, days_before_absence=3)
    assert soon.judge == "b"
