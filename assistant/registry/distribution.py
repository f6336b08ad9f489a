"""Automatic distribution of petitions to judges (regulation §7.1.3), as a pure function.

Among the judges whose specializations include the petition's category and who are available on the date
(in service, not absent, not conflicted with the case) the one with the least open load wins; a tie goes to
the judge who was assigned a case longest ago (a rotation), then to roster order.

Open load alone forgets absences: the cases colleagues took while a judge was away close in time, and the
year's totals drift apart by whatever came in during the absence. With `catch_up` (registry.yaml
`distribution.catch_up`, on by default) the open load is corrected by how far the judge's assigned cases this
year are behind (or ahead of) the mean of the eligible judges, so a returning judge catches up gradually.
The registry supplies the judges' states from the database; `bench/distribution.py` drives the same function
over a simulated year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class JudgeState:
    code: str
    categories: frozenset[str]
    roster_order: int
    open_load: int
    last_assigned: int | None = None  # sequence number (or timestamp) of the judge's latest assignment
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    absences: tuple[tuple[dt.date, dt.date], ...] = ()
    assigned_this_year: int = 0


@dataclass
class Decision:
    judge: str | None  # code of the chosen judge; None when nobody can take the case
    reason: str  # only_candidate | least_open_load | rotation | no_specialist | nobody_available
    candidates: list[dict[str, Any]] = field(default_factory=list)  # the eligible judges with their loads
    excluded: list[dict[str, Any]] = field(default_factory=list)  # judges of the category left out, and why

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def unavailable_reason(judge: JudgeState, day: dt.date, days_before_absence: int = 0) -> str | None:
    if judge.active_from and day < judge.active_from:
        return "not_yet_active"
    if judge.active_to and day > judge.active_to:
        return "no_longer_active"
    for start, end in judge.absences:
        if start - dt.timedelta(days=days_before_absence) <= day <= end:
            return "absent"
    return None


def choose_judge(judges: Iterable[JudgeState], category: str, day: dt.date, *,
                 conflicts: Sequence[str] = (), days_before_absence: int = 0, catch_up: bool = True) -> Decision:
    specialists = [j for j in judges if category in j.categories]
    if not specialists:
        return Decision(None, "no_specialist")
    eligible: list[JudgeState] = []
    excluded: list[dict[str, Any]] = []
    for j in sorted(specialists, key=lambda j: (j.roster_order, j.code)):
        why = "conflict" if j.code in conflicts else unavailable_reason(j, day, days_before_absence)
        if why:
            excluded.append({"judge": j.code, "why": why})
        else:
            eligible.append(j)
    if not eligible:
        return Decision(None, "nobody_available", [], excluded)
    mean_year = sum(j.assigned_this_year for j in eligible) / len(eligible)

    def load(j: JudgeState) -> float:
        return j.open_load + (j.assigned_this_year - mean_year if catch_up else 0.0)

    listed = [{"judge": j.code, "open_load": j.open_load, "assigned_this_year": j.assigned_this_year,
               "load": round(load(j), 2), "last_assigned": j.last_assigned} for j in eligible]
    least = min(load(j) for j in eligible)
    tied = [j for j in eligible if load(j) - least < 1e-9]
    # Never-assigned judges first, then the longest since the last assignment, then roster order.
    winner = min(tied, key=lambda j: (j.last_assigned is not None, j.last_assigned or 0, j.roster_order, j.code))
    reason = "only_candidate" if len(eligible) == 1 else "least_open_load" if len(tied) == 1 else "rotation"
    return Decision(winner.code, reason, listed, excluded)
