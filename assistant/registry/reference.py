"""The registry's editable reference files: numbering, distribution and deadline settings
(assistant/data/registry.yaml), results (outcomes.yaml) and the judges' roster (judges.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from assistant.categories import categories

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Movement of a petition (regulation §7.1.2–7.1.10). `status` is what the petition's status becomes;
# None = the event is recorded without changing the status (notices, a changed category).
EVENT_KINDS: dict[str, str | None] = {
    "received": "registered",
    "category_changed": None,
    "not_distributed": None,
    "assigned": "assigned",
    "reassigned": "assigned",
    "returned": "returned",
    "withdrawn": "withdrawn",
    "case_file_requested": "case_file_requested",
    "case_file_received": "case_file_received",
    "hearing_scheduled": "hearing_scheduled",
    "notice_sent": None,
    "notice_delivered": None,
    "heard": "heard",
    "result": "decided",
    "copies_sent": None,
    "case_returned": "case_returned",
    "archived": "archived",
    "document": None,
}
# Events after which a petition is no longer pending before the collegium.
FINISHING_EVENTS = ("returned", "withdrawn", "result")
TERMINAL_STATUSES = ("returned", "withdrawn", "archived")
KINDS = ("complaint", "petition", "protest")
REGIMES = ("pre", "post")


def _load(name: str) -> dict[str, Any]:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@cache
def registry_settings() -> dict[str, Any]:
    return _load("registry.yaml")


@cache
def outcomes() -> dict[str, dict[str, Any]]:
    return _load("outcomes.yaml")["outcomes"]


def outcome_label(code: str, lang: str = "ru") -> str:
    return str(outcomes()[code][lang])


def load_roster(path: Path | None = None) -> list[dict[str, Any]]:
    """Judges from a roster file; a `group` expands to the categories of that specialization group."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path else _load("judges.yaml")
    by_group: dict[str, list[str]] = {}
    for code, cat in categories().items():
        by_group.setdefault(cat.group, []).append(code)
    roster = []
    for row in data["judges"]:
        cats = list(row.get("categories") or [])
        if row.get("group"):
            if row["group"] not in by_group:
                raise ValueError(f"judge {row['code']}: unknown specialization group {row['group']!r}")
            cats += by_group[row["group"]]
        unknown = [c for c in cats if c not in categories()]
        if unknown:
            raise ValueError(f"judge {row['code']}: unknown categories {unknown}")
        roster.append({**row, "categories": sorted(set(cats))})
    return roster
