"""Case numbers (DOMAIN.md §4), table-driven."""

from __future__ import annotations

import pytest

from assistant.nlp.case_numbers import parse_case_numbers

CASES = [
    ("7517-21-00-2/6609", "75", "17", 2021, "2", 6609, None, "город Алматы", "civil", "first"),
    ("7599-22-00-2а/1489", "75", "99", 2022, "2а", 1489, None, "город Алматы", "civil", "appeal"),
    ("7599-22-00-2a/1489", "75", "99", 2022, "2а", 1489, None, "город Алматы", "civil", "appeal"),  # Latin a
    ("6003-25-00-4к/1454(2)", "60", "03", 2025, "4к", 1454, 2, "республиканские суды", "administrative",
     "cassation"),
    ("6294-25-00-4/215", "62", "94", 2025, "4", 215, None, "область Ұлытау", "administrative", "first"),
    ("3599-25-00-2а_1489", "35", "99", 2025, "2а", 1489, None, "Карагандинская область", "civil", "appeal"),
    ("3599 - 25 - 00 - 2а / 77", "35", "99", 2025, "2а", 77, None, "Карагандинская область", "civil", "appeal"),
    ("9999-25-00-2/1", "99", "99", 2025, "2", 1, None, None, "civil", "first"),  # unknown region
]


@pytest.mark.parametrize(("text", "region", "court", "year", "index", "seq", "sub", "region_ru", "kind",
                          "instance"), CASES)
def test_case_numbers(text, region, court, year, index, seq, sub, region_ru, kind, instance):
    [n] = parse_case_numbers(f"по делу № {text}, рассмотренному")
    assert (n.region_code, n.court_code, n.year, n.index, n.sequence, n.sub) == (region, court, year, index, seq,
                                                                                  sub)
    assert (n.region_ru, n.kind, n.instance) == (region_ru, kind, instance)
    assert n.text == text


@pytest.mark.parametrize("text", ["+7 701 234 56 78", "900101300007", "12.03.2024", "2024-03-12", "№ 2-0119"])
def test_other_numbers_are_not_case_numbers(text):
    assert parse_case_numbers(f"номер {text} ") == []


def test_kazakh_region_names_and_normal_form():
    [n] = parse_case_numbers("№ 7194-24-00-2/6031 іс бойынша")
    assert n.region_kk == "Астана қаласы" and n.normalized == "7194-24-00-2/6031"
