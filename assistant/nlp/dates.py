"""Dates in Russian and Kazakh forms: 12.03.2024, 12.03.24, «12» марта 2024 года, 12 марта 2024 г.,
2024 жылғы 12 наурыздағы (and other case endings), 12.03.2024 ж. Each with its span and ISO value."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8, "сентябр": 9,
    "октябр": 10, "ноябр": 11, "декабр": 12,
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7, "тамыз": 8,
    "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}
_RU_MONTH = r"(?:январ[яье]|феврал[яье]|марта?|апрел[яье]|ма[яй]|июн[яье]|июл[яье]|августа?|сентябр[яье]|" \
            r"октябр[яье]|ноябр[яье]|декабр[яье])"
_KK_MONTH = r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)" \
            r"[а-яәғқңөұүһі]*"
DATE_RE = re.compile(
    r"(?<![\d.])(?P<d1>\d{1,2})\.(?P<m1>\d{1,2})\.(?P<y1>\d{4}|\d{2})(?![\d])(?:\s?(?:г\.|ж\.|года|жыл))?"
    rf"|«?(?P<d2>\d{{1,2}})»?\s(?P<m2>{_RU_MONTH})\s(?P<y2>\d{{4}})(?:\s?(?:года|г\.))?"
    rf"|(?P<y3>\d{{4}})\s?ж(?:ылғы|\.)\s(?P<d3>\d{{1,2}})\s(?P<m3>{_KK_MONTH})",
    re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    date: dt.date


def _month(word: str) -> int | None:
    w = word.lower()
    if w.startswith("ма") and not w.startswith(("март", "мамыр", "маусым")):
        return 5
    for stem, n in MONTHS.items():
        if stem != "ма" and w.startswith(stem):
            return n
    return None


def find_dates(text: str) -> list[DateMention]:
    out = []
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        try:
            if g["d1"]:
                year = int(g["y1"]) + (2000 if len(g["y1"]) == 2 else 0)
                day, month = int(g["d1"]), int(g["m1"])
            elif g["d2"]:
                day, month, year = int(g["d2"]), _month(g["m2"]), int(g["y2"])
            else:
                day, month, year = int(g["d3"]), _month(g["m3"]), int(g["y3"])
            if month is None:
                continue
            value = dt.date(year, month, day)
        except ValueError:
            continue
        out.append(DateMention(m.group(0), m.start(), m.end(), value))
    return out
