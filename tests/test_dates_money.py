"""Dates and amounts in Russian and Kazakh, table-driven, and against the card gold set."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.nlp.dates import find_dates
from assistant.nlp.money import find_amounts, mrp_value

GOLD = Path(__file__).resolve().parent / "data" / "card" / "gold.jsonl"

DATES = [
    ("12.03.2024", dt.date(2024, 3, 12)),
    ("12.03.24", dt.date(2024, 3, 12)),
    ("«12» марта 2024 года", dt.date(2024, 3, 12)),
    ("1 мая 2025 г.", dt.date(2025, 5, 1)),
    ("29 февраля 2024 года", dt.date(2024, 2, 29)),
    ("2024 жылғы 12 наурыздағы", dt.date(2024, 3, 12)),
    ("2025 жылғы 3 шілдеде", dt.date(2025, 7, 3)),
    ("пятого марта две тысячи двадцать четвёртого года", dt.date(2024, 3, 5)),
    ("восьмого декабря две тысячи двадцать третьего года", dt.date(2023, 12, 8)),
    ("тридцать первого мая две тысячи двадцатого года", dt.date(2020, 5, 31)),
    ("двадцать пятое октября две тысячи двадцать пятого года", dt.date(2025, 10, 25)),
    ("екі мың жиырма төртінші жылғы бесінші наурыздағы", dt.date(2024, 3, 5)),
    ("екі мың жиырма үшінші жылғы жиырма бесінші мамыр", dt.date(2023, 5, 25)),
    ("2025 ж. 16 желтоқсанда", dt.date(2025, 12, 16)),
    ("2023 жылғы 5 мамырда", dt.date(2023, 5, 5)),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_dates(text, date):
    [m] = find_dates(f"от {text} по делу")
    assert m.date == date and m.text.startswith(text.split()[0])


@pytest.mark.parametrize("text", ["31.02.2024", "7517-21-00-2/6609", "12.2024", "30 февраля 2024 года",
                                  "тридцать второго мая две тысячи двадцатого года", "пятого марта",
                                  "екі мың жиырма төртінші жылғы отыз бесінші наурыз"])
def test_not_dates(text):
    assert find_dates(text) == []


AMOUNTS = [
    ("1 250 000 тенге", 1250000.0, "KZT"),
    ("1.250.000 тг", 1250000.0, "KZT"),
    ("1 250 000,50 теңге", 1250000.5, "KZT"),
    ("1 500 000 теңгеге", 1500000.0, "KZT"),
    ("1 000 000 (бір миллион) теңге", 1000000.0, "KZT"),
    ("2000 МРП", 2000.0, "MRP"),
    ("30 000 АЕК", 30000.0, "MRP"),
]


@pytest.mark.parametrize(("text", "value", "unit"), AMOUNTS)
def test_amounts(text, value, unit):
    [a] = find_amounts(f"взыскать {text} с ответчика")
    assert (a.value, a.unit) == (value, unit)


def test_mrp_conversion_uses_the_table():
    [a] = find_amounts("2000 МРП")
    assert a.kzt(2025) == 2000 * mrp_value(2025)
    assert a.kzt(1990) is None


def test_gold_dates_and_amounts():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    dates = amounts = found_dates = found_amounts = 0
    for r in rows:
        got_dates = {m.date.isoformat() for m in find_dates(r["text"])}
        got_amounts = {a.value if a.unit == "KZT" else ("mrp", a.value) for a in find_amounts(r["text"])}
        dates += len(r["dates"])
        found_dates += sum(d["iso"] in got_dates for d in r["dates"])
        amounts += len(r["amounts"])
        found_amounts += sum((a["kzt"] if a["kzt"] is not None else ("mrp", a["mrp"])) in got_amounts
                             for a in r["amounts"])
    assert found_dates / dates >= 0.98
    assert found_amounts / amounts >= 0.95
