"""Amounts in tenge (1 250 000 тенге, 1.250.000 тг, 1 250 000,50 теңге, ₸) and in МРП/АЕК, converted to
tenge with the editable table of the МРП value per year (assistant/data/mrp.csv)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "mrp.csv"
AMOUNT_RE = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:[ \u00a0.]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s?"
    r"(?:\([^()\d]{1,60}\)\s?)?"  # "1 000 000 (бір миллион) теңге"
    r"(?P<unit>тенге|теңге(?:ге|ні|ден|нің)?|тг\.?|₸|KZT|МРП|АЕК|мрп|аек)(?![а-яәғқңөұүһі])", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    text: str
    start: int
    end: int
    value: float
    unit: str  # "KZT" or "MRP"

    def kzt(self, year: int | None = None) -> float | None:
        if self.unit == "KZT":
            return self.value
        rate = mrp_value(year) if year else None
        return self.value * rate if rate else None


@cache
def mrp_table() -> dict[int, float]:
    with open(DATA, encoding="utf-8") as fh:
        return {int(r["year"]): float(r["mrp_kzt"]) for r in csv.DictReader(fh)}


def mrp_value(year: int) -> float | None:
    return mrp_table().get(year)


def parse_number(s: str) -> float:
    s = s.replace("\u00a0", " ")
    if "," in s:
        whole, frac = s.rsplit(",", 1)
        return float(re.sub(r"[ .]", "", whole) + "." + frac)
    return float(re.sub(r"[ .]", "", s))


def find_amounts(text: str) -> list[Amount]:
    out = []
    for m in AMOUNT_RE.finditer(text):
        unit = "MRP" if m.group("unit").upper().startswith(("МРП", "АЕК")) else "KZT"
        out.append(Amount(m.group(0), m.start(), m.end(), parse_number(m.group("num")), unit))
    return out
