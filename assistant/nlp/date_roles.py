"""Roles of the dates in a complaint: first-instance decision, appellate ruling, entry into force, hearing,
filing, other. Rules are data (assistant/data/date_roles.yaml): cue words before or after each date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from assistant.nlp.dates import DateMention, find_dates

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "date_roles.yaml"


@dataclass(frozen=True)
class DatedMention:
    mention: DateMention
    role: str


class DateRoles:
    def __init__(self, config: dict) -> None:
        self.roles = [(role, [re.compile(p, re.IGNORECASE) for p in rules.get("before", [])],
                       [re.compile(p, re.IGNORECASE) for p in rules.get("after", [])])
                      for role, rules in config["roles"].items()]
        self.tail_share = float(config["filing_tail_share"])

    def role_of(self, text: str, m: DateMention) -> str:
        before = text[max(0, m.start - 120) : m.start]
        after = text[m.end : m.end + 60]
        best: tuple[int, int, str] | None = None  # (distance of the cue word from the date, order, role)
        # Lines wrap inside sentences (PDF text): only the filing rule looks at line starts.
        flat_before, flat_after = before.replace("\n", " "), after.replace("\n", " ")
        for order, (role, befores, afters) in enumerate(self.roles):
            b, a = (before, after) if role == "filing" else (flat_before, flat_after)
            for p in befores:
                hit = p.search(b)
                if hit:
                    cand = (len(b) - hit.start(), order, role)
                    best = cand if best is None or cand < best else best
            for p in afters:
                hit = p.search(a)
                if hit:
                    cand = (hit.end(), order, role)
                    best = cand if best is None or cand < best else best
        if best is not None:
            return best[2]
        if m.start >= len(text) * (1 - self.tail_share):
            return "filing"
        return "other"

    def find(self, text: str) -> list[DatedMention]:
        found = [DatedMention(m, self.role_of(text, m)) for m in find_dates(text)]
        filing = [d for d in found if d.role == "filing"]
        # One date of filing: the last one (a signature block may repeat an earlier date).
        for d in filing[:-1]:
            found[found.index(d)] = DatedMention(d.mention, "other")
        return found


@cache
def default_date_roles() -> DateRoles:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return DateRoles(yaml.safe_load(fh))


def dates_with_roles(text: str) -> list[DatedMention]:
    return default_date_roles().find(text)
