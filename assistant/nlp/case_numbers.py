"""Case numbers shaped RRCC-YY-00-T/N(k) (DOMAIN.md §4), tolerant of spaces, "_" for "/", and Latin
look-alike letters in the index (2a → 2а). Parsed into region, court code, year, index and sequence, and
mapped to the regions table (assistant/data/regions.csv)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"
_LATIN_TO_CYR = str.maketrans("aAkKcCeEoOpPxX", "аАкКсСеЕоОрРхХ")
CASE_NUMBER_RE = re.compile(
    r"(?<![\d\w])(?P<rc>\d{4})\s?-\s?(?P<yy>\d{2})\s?-\s?(?P<mid>\d{2})\s?-\s?"
    r"(?P<idx>\d[0-9а-яА-ЯёЁa-zA-Z]{0,3})\s?[/_]\s?(?P<seq>\d{1,6})(?:\s?\((?P<sub>\d{1,3})\))?(?![\d\w])")


@dataclass(frozen=True)
class CaseNumber:
    text: str
    start: int
    end: int
    region_code: str
    court_code: str
    year: int
    index: str  # normalised to Cyrillic letters: "2а", "4к"
    sequence: int
    sub: int | None
    region_ru: str | None
    region_kk: str | None
    kind: str | None  # civil / administrative, from the index table
    instance: str | None

    @property
    def normalized(self) -> str:
        suffix = f"({self.sub})" if self.sub is not None else ""
        return f"{self.region_code}{self.court_code}-{self.year % 100:02d}-00-{self.index}/{self.sequence}{suffix}"


@cache
def regions() -> dict[str, dict[str, str]]:
    with open(DATA / "regions.csv", encoding="utf-8") as fh:
        return {row["region_code"]: row for row in csv.DictReader(fh)}


@cache
def indices() -> dict[str, dict[str, str]]:
    with open(DATA / "case_indices.yaml", encoding="utf-8") as fh:
        return {str(k): v for k, v in yaml.safe_load(fh).items()}


def parse_case_numbers(text: str) -> list[CaseNumber]:
    out = []
    for m in CASE_NUMBER_RE.finditer(text):
        rc, index = m.group("rc"), m.group("idx").translate(_LATIN_TO_CYR).lower()
        region = regions().get(rc[:2])
        info = indices().get(index, {})
        out.append(CaseNumber(
            text=m.group(0), start=m.start(), end=m.end(), region_code=rc[:2], court_code=rc[2:],
            year=2000 + int(m.group("yy")), index=index, sequence=int(m.group("seq")),
            sub=int(m.group("sub")) if m.group("sub") else None,
            region_ru=region["region_ru"] if region else None, region_kk=region["region_kk"] if region else None,
            kind=info.get("kind"), instance=info.get("instance")))
    return out
