"""Identifiers with check digits: table-driven cases and properties (hypothesis)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.nlp.identifiers import (
    classify_twelve_digits,
    find_cards,
    find_iban,
    find_iin_bin,
    find_phones,
    iban_ok,
    iin_birth_date,
    kz_checksum_ok,
    luhn_ok,
)
from assistant.privacy import anonymize

CHECKSUM_CASES = [
    ("900101300007", True),  # DOMAIN.md §5.1 synthetic value
    ("900101300008", False),
    ("000000000000", True),
    ("12345678901", False),  # 11 digits
    ("90010130000a", False),
]


@pytest.mark.parametrize(("number", "ok"), CHECKSUM_CASES)
def test_kz_checksum(number, ok):
    assert kz_checksum_ok(number) is ok


@pytest.mark.parametrize(("number", "date"), [
    ("900101300007", dt.date(1990, 1, 1)),
    ("150607600001", dt.date(2015, 6, 7)),
    ("001340000004", None),  # month 13
    ("900101700007", None),  # century digit 7
])
def test_iin_birth_date(number, date):
    assert iin_birth_date(number) == date


def check_digit(first11: str) -> int | None:
    d = [int(c) for c in first11]
    r = sum(a * w for a, w in zip(d, range(1, 12), strict=True)) % 11
    if r == 10:
        r = sum(a * w for a, w in zip(d, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2], strict=True)) % 11
    return None if r == 10 else r


@st.composite
def valid_iins(draw):
    born = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31)))
    sex = draw(st.sampled_from("12"))
    century = {19: {"1": "3", "2": "4"}, 20: {"1": "5", "2": "6"}}[born.year // 100][sex]
    serial = draw(st.integers(0, 9999))
    first11 = f"{born:%y%m%d}{century}{serial:04d}"
    digit = check_digit(first11)
    if digit is None:
        first11 = first11[:-1] + str((int(first11[-1]) + 1) % 10)
        digit = check_digit(first11)
    assert digit is not None
    return first11 + str(digit)


@settings(max_examples=300, deadline=None)
@given(valid_iins(), st.sampled_from(["ru", "kk"]))
def test_every_valid_iin_is_found_and_masked(iin, lang):
    text = {"ru": f"Заявитель, ИИН {iin}, просит отменить решение.",
            "kk": f"Арыз беруші (ЖСН {iin}) шешімнің күшін жоюды сұрайды."}[lang]
    assert classify_twelve_digits(iin) == "IIN"
    result = anonymize(text, use_ner=False)
    assert iin not in result.text
    assert {"ru": "[ИИН]", "kk": "[ЖСН]"}[lang] in result.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_twelve_digits_with_a_bad_checksum_are_not_iins(number):
    if kz_checksum_ok(number):
        return
    assert find_iin_bin(f"счёт {number} от 12.03.2024") == []
    assert number in anonymize(f"Сумма {number} тенге перечислена.", use_ner=False).text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789", min_size=14, max_size=14), st.sampled_from("4523"))
def test_luhn_valid_cards_are_found(body, first):
    digits = first + body
    for last in "0123456789":
        if luhn_ok(digits + last):
            card = digits + last
            break
    grouped = " ".join(card[i : i + 4] for i in range(0, 16, 4))
    assert [m.text for m in find_cards(f"на карту {grouped} перечислено")] == [grouped]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPRSTUVWXYZ", min_size=16, max_size=16))
def test_valid_ibans_are_found(bban):
    check = 98 - int("".join(str(int(c, 36)) for c in bban + "KZ00")) % 97
    iban = f"KZ{check:02d}{bban}"
    assert iban_ok(iban)
    assert [m.text for m in find_iban(f"счёт {iban}.")] == [iban]
    broken = iban[:-1] + ("0" if iban[-1] != "0" else "1")
    assert find_iban(f"счёт {broken}.") == [] or iban_ok(broken)


@pytest.mark.parametrize("phone", ["+7 701 234 56 78", "8 (727) 250-12-34", "87011234567", "+7-777-312-45-90",
                                   "8 (7172) 55-12-34", "8 (72771) 2-45-17"])
def test_kazakhstan_phone_formats(phone):
    assert [m.text for m in find_phones(f"тел. {phone}, ")] == [phone]


@pytest.mark.parametrize("not_phone", ["7517-21-00-2/6609", "7599-22-00-2а/1489", "12.03.2024", "8 000 000 тенге"])
def test_case_numbers_and_sums_are_not_phones(not_phone):
    assert find_phones(f"дело № {not_phone} ") == []
