"""Region names for reports, from assistant/data/regions.csv."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.csv"


@cache
def regions() -> dict[str, dict[str, str]]:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return {row["region_code"]: row for row in csv.DictReader(fh)}


def region_name(code: str | None, lang: str = "ru") -> str:
    row = regions().get(code or "")
    return row[f"region_{lang}"] if row else (code or "—")
