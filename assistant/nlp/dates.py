"""Dates in Russian and Kazakh forms: 12.03.2024, 12.03.24, «12» марта 2024 года, 12 марта 2024 г.,
2024 жылғы 12 наурыздағы (and other case endings), 12.03.2024 ж., and dates in words («пятого марта две
тысячи двадцать четвёртого года», «екі мың жиырма төртінші жылғы бесінші наурыз»). Each with its span and
ISO value."""

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


# Numbers in words, as stems with their values; a day or a year is the sum of its words ("двадцать пятого" =
# 20 + 5, "две тысячи двадцать третьего" = 2000 + 20 + 3). Longer stems first, so "пятнадцат" wins over "пят".
_RU_NUMBER_WORDS = {
    "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15,
    "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
    "перв": 1, "втор": 2, "трет": 3, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10, "двадцать": 20, "тридцать": 30, "двухтысячн": 2000,
}
_KK_NUMBER_WORDS = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9,
    "он": 10, "жиырма": 20, "отыз": 30,
}
_RU_ORD = r"(?:" + "|".join(sorted((w for w in _RU_NUMBER_WORDS if not w.endswith("ть")), key=len, reverse=True)) \
    + r")(?:ьего|ого|его|ое|ье|ом|ем|ый|ий|ой)"
_RU_DAY = rf"(?:(?:двадцать|тридцать)\s+)?{_RU_ORD}"
_RU_YEAR = rf"(?:две\s+тысячи\s+(?:(?:двадцать|тридцать)\s+)?{_RU_ORD}|двухтысячного)"
_KK_NUM = r"(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз)"
_KK_ORD = r"(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз)(?:ыншы|інші|ншы|нші|сыншы)"
_KK_DAY = rf"(?:(?:он|жиырма|отыз)\s+)?(?:{_KK_ORD}|{_KK_NUM})"
_KK_YEAR = rf"екі\s+мың\s+(?:{_KK_NUM}\s+)?{_KK_ORD}"
WORD_DATE_RE = re.compile(
    rf"(?<![\w-])(?P<d>{_RU_DAY})\s+(?P<m>{_RU_MONTH})\s+(?P<y>{_RU_YEAR})(?:\s+года)?(?![\w-])"
    rf"|(?<![\w-])(?P<ky>{_KK_YEAR})\s+жылғы\s+(?P<kd>{_KK_DAY})\s+(?P<km>{_KK_MONTH})",
    re.IGNORECASE)


def _words_value(words: str, table: dict[str, int]) -> int:
    low = re.sub(r"\b(?:две\s+тысячи|екі\s+мың)\b", "двухтысячн", words.lower())
    total = 0
    for word in low.split():
        stems = [stem for stem in (*table, "двухтысячн") if word.startswith(stem)]
        if stems:
            stem = max(stems, key=len)
            total += 2000 if stem == "двухтысячн" else table[stem]
    return total


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


def _parts(m: re.Match[str]) -> tuple[int, int | None, int]:
    """(day, month, year) of a match of DATE_RE or WORD_DATE_RE."""
    g = m.groupdict()
    if g.get("d1"):
        return int(g["d1"]), int(g["m1"]), int(g["y1"]) + (2000 if len(g["y1"]) == 2 else 0)
    if g.get("d2"):
        return int(g["d2"]), _month(g["m2"]), int(g["y2"])
    if g.get("d3"):
        return int(g["d3"]), _month(g["m3"]), int(g["y3"])
    if g.get("d"):
        return (_words_value(g["d"], _RU_NUMBER_WORDS), _month(g["m"]),
                _words_value(g["y"], _RU_NUMBER_WORDS))
    return _words_value(g["kd"], _KK_NUMBER_WORDS), _month(g["km"]), _words_value(g["ky"], _KK_NUMBER_WORDS)


def find_dates(text: str) -> list[DateMention]:
    out = []
    for m in (*DATE_RE.finditer(text), *WORD_DATE_RE.finditer(text)):
        day, month, year = _parts(m)
        if month is None:
            continue
        try:
            value = dt.date(year, month, day)
        except ValueError:  # 31.02, 30 февраля: not a date
            continue
        out.append(DateMention(m.group(0), m.start(), m.end(), value))
    out.sort(key=lambda d: d.start)
    return out
