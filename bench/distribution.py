"""Load spread of automatic distribution over a simulated year (issue target: ≤ 10 %).

10,000 petitions arrive on the working days of a year with the category mix of the demo corpus; each is
distributed by `assistant.registry.distribution.choose_judge` — the function the registry calls — among the
12 judges of assistant/data/judges.yaml, who take 2–3 absences each (5–25 days). A case stays open 40–120 days.
Spread = (max − min) / mean of cases assigned per judge within a specialization group. Baseline in the same
run: uniform random choice among the available specialists.

    python bench/distribution.py [--petitions 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import heapq
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.calendar import default_calendar  # noqa: E402
from assistant.categories import categories  # noqa: E402
from assistant.registry.distribution import JudgeState, choose_judge, unavailable_reason  # noqa: E402
from assistant.registry.reference import load_roster  # noqa: E402


def simulate(petitions: int, seed: int, policy: str) -> tuple[dict[str, int], int, float]:
    rnd = random.Random(seed)
    roster = load_roster()
    cal = default_calendar()
    start = dt.date(2026, 1, 1)
    days = [d for d in (start + dt.timedelta(k) for k in range(365)) if cal.is_working_day(d)]
    absences = {}
    for j in roster:
        spans = []
        for _ in range(rnd.choice((2, 3))):
            first = start + dt.timedelta(days=rnd.randrange(0, 340))
            spans.append((first, first + dt.timedelta(days=rnd.randrange(5, 26))))
        absences[j["code"]] = tuple(spans)
    cats = [c for c in categories() if c != "OTHER"]
    arrivals = sorted(rnd.choice(days) for _ in range(petitions))
    open_load = Counter[str]()
    assigned = Counter[str]()
    last: dict[str, int] = {}
    closing: list[tuple[dt.date, str]] = []
    unassigned = 0
    t0 = time.perf_counter()
    for n, day in enumerate(arrivals):
        while closing and closing[0][0] <= day:
            open_load[heapq.heappop(closing)[1]] -= 1
        category = rnd.choice(cats)
        states = [JudgeState(j["code"], frozenset(j["categories"]), j["order"], open_load[j["code"]],
                             last.get(j["code"]), None, None, absences[j["code"]], assigned[j["code"]])
                  for j in roster]
        if policy in ("registry", "open-load-only"):
            judge = choose_judge(states, category, day, catch_up=policy == "registry").judge
        else:
            free = [s.code for s in states if category in s.categories and not unavailable_reason(s, day)]
            judge = rnd.choice(free) if free else None
        if judge is None:
            unassigned += 1
            continue
        assigned[judge] += 1
        open_load[judge] += 1
        last[judge] = n
        heapq.heappush(closing, (day + dt.timedelta(days=rnd.randrange(40, 121)), judge))
    return dict(assigned), unassigned, time.perf_counter() - t0


def spread_by_group(assigned: dict[str, int]) -> dict[str, float]:
    out = {}
    for group in sorted({j["group"] for j in load_roster()}):
        counts = [assigned.get(j["code"], 0) for j in load_roster() if j["group"] == group]
        mean = sum(counts) / len(counts)
        out[group] = (max(counts) - min(counts)) / mean if mean else 0.0
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--petitions", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"distribution: {args.petitions} petitions over 2026, 12 judges, 2–3 absences each")
    results = {}
    for policy in ("random", "open-load-only", "registry"):
        assigned, unassigned, seconds = simulate(args.petitions, args.seed, policy)
        spreads = spread_by_group(assigned)
        results[policy] = max(spreads.values())
        print(f"  {policy:<14} " + "  ".join(f"{g} {s:.1%}" for g, s in spreads.items())
              + f"  | worst {max(spreads.values()):.1%}  unassigned {unassigned}  "
              f"{args.petitions / seconds:,.0f} decisions/s")
    verdict = "OK" if results["registry"] <= 0.10 else "ABOVE TARGET"
    print(f"  worst spread: registry {results['registry']:.1%} vs random baseline {results['random']:.1%} "
          f"(target ≤ 10 %: {verdict})")


if __name__ == "__main__":
    main()
