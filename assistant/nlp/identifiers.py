"""Identifiers with check digits or fixed shapes: ИИН/БИН, KZ IBAN, payment cards, phones, e-mails, ID
documents, vehicle plates, VIN, cadastral numbers. Each finder returns `Match`es with character spans.

Checks come from DOMAIN.md §5.1 (ИИН/БИН: mod 11 with two weight rounds, YYMMDD date for an ИИН),
ISO 13616 (IBAN mod 97) and ISO/IEC 7812 (Luhn). A number that fails its check is never reported as that
identifier: a 12-digit account number or sum is not an ИИН.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    type: str
    start: int
    end: int
    text: str
    recognizer: str
    confidence: float = 1.0


# --- ИИН / БИН -----------------------------------------------------------------------------------------
_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def kz_checksum_ok(number: str) -> bool:
    """The ИИН/БИН check digit (DOMAIN.md §5.1)."""
    if len(number) != 12 or not number.isdigit():
        return False
    d = [int(c) for c in number]
    r = sum(a * w for a, w in zip(d[:11], _W1, strict=True)) % 11
    if r == 10:
        r = sum(a * w for a, w in zip(d[:11], _W2, strict=True)) % 11
        if r == 10:
            return False
    return r == d[11]


def iin_birth_date(number: str) -> dt.date | None:
    """The birth date an ИИН encodes (YYMMDD + century digit 1–6), or None if it encodes none."""
    if len(number) != 12 or not number.isdigit():
        return None
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}.get(number[6])
    if century is None:
        return None
    try:
        return dt.date(century + int(number[:2]), int(number[2:4]), int(number[4:6]))
    except ValueError:
        return None


def classify_twelve_digits(number: str) -> str | None:
    """"IIN" for an individual (valid check digit and birth date), "BIN" for a legal entity (valid check
    digit, no birth date: positions 5–6 hold the entity type), None for any other 12-digit number."""
    if not kz_checksum_ok(number):
        return None
    return "IIN" if iin_birth_date(number) is not None else "BIN"


_TWELVE_RE = re.compile(r"(?<![\d\w])\d{12}(?![\d\w])")
_BIN_CUE_RE = re.compile(r"(?:БИН|БСН|BIN)\W{0,12}$", re.IGNORECASE)


def find_iin_bin(text: str) -> list[Match]:
    out = []
    for m in _TWELVE_RE.finditer(text):
        kind = classify_twelve_digits(m.group(0))
        if kind is None:
            continue
        if kind == "IIN":
            # An individual entrepreneur's БИН is their ИИН: masked all the same, named for what it is.
            cue = _BIN_CUE_RE.search(text[max(0, m.start() - 20) : m.start()])
            out.append(Match("BIN_IP" if cue else "IIN", m.start(), m.end(), m.group(0), "iin_bin"))
        else:
            out.append(Match("ORG_BIN", m.start(), m.end(), m.group(0), "iin_bin"))
    return out


# --- IBAN and cards ----------------------------------------------------------------------------------------
_IBAN_RE = re.compile(r"(?<![A-Z0-9])KZ\d{2}(?:[ ]?[0-9A-Z]){16}(?![0-9A-Z])")


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if len(s) < 15 or not s[:2].isalpha():
        return False
    rearranged = s[4:] + s[:4]
    digits = "".join(str(int(c, 36)) for c in rearranged)
    return int(digits) % 97 == 1


def find_iban(text: str) -> list[Match]:
    return [Match("IBAN", m.start(), m.end(), m.group(0), "iban")
            for m in _IBAN_RE.finditer(text) if iban_ok(m.group(0))]


_CARD_RE = re.compile(r"(?<![\d\w-])(?:\d{4}[ -]?){3}\d{4}(?:[ -]?\d{1,3})?(?![\d\w])")


def luhn_ok(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    if not 13 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def find_cards(text: str) -> list[Match]:
    out = []
    for m in _CARD_RE.finditer(text):
        s = m.group(0)
        if luhn_ok(s) and s.replace(" ", "").replace("-", "")[0] in "2345679":
            out.append(Match("CARD", m.start(), m.end(), s, "luhn"))
    return out


# --- phones and e-mails ---------------------------------------------------------------------------------------
_PHONE_RE = re.compile(
    r"(?<![\d\w/-])(?:\+7|8)[ \-]?\(?\d{3,5}\)?[ \-]?\d{1,3}(?:[ \-]?\d{2}){2}(?![\d\w/]|-\d)")
_PHONE_LOCAL_RE = re.compile(r"(?<![\d\w/-])(?:\+7|8)\d{10}(?!\d)")


def find_phones(text: str) -> list[Match]:
    out: dict[int, Match] = {}
    for rx in (_PHONE_RE, _PHONE_LOCAL_RE):
        for m in rx.finditer(text):
            digits = re.sub(r"\D", "", m.group(0))
            if len(digits) == 11 and m.start() not in out:
                out[m.start()] = Match("PHONE", m.start(), m.end(), m.group(0), "phone")
    return sorted(out.values(), key=lambda x: x.start)


_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-zА-Яа-я]{2,}(?![\w])")


def find_emails(text: str) -> list[Match]:
    return [Match("EMAIL", m.start(), m.end(), m.group(0), "email") for m in _EMAIL_RE.finditer(text)]


# --- identity documents, vehicles, real estate -------------------------------------------------------------------
_ID_DOC_RE = re.compile(
    r"(?:удостоверени\w*\s+личности|уд\.\s*личности|жеке\s+куәлі\w*|паспорт\w*|төлқұжат\w*)"
    r"[^\d\n]{0,25}?(?P<num>N\s?\d{7,8}|№?\s?\d{9})(?!\d)", re.IGNORECASE)


def find_id_documents(text: str) -> list[Match]:
    out = []
    for m in _ID_DOC_RE.finditer(text):
        num = m.group("num").lstrip("№ ").strip()
        start = m.start("num") + m.group("num").find(num)
        out.append(Match("ID_DOC", start, start + len(num), num, "id_doc"))
    return out


_PLATE_LETTERS = "A-ZАВЕКМНОРСТХУ"
_PLATE_RE = re.compile(
    rf"(?<![\w])(?:\d{{3}}\s?[{_PLATE_LETTERS}]{{2,3}}\s?\d{{2}}|[{_PLATE_LETTERS}]\s?\d{{3}}\s?[{_PLATE_LETTERS}]{{3}})"
    r"(?![\w])")


def find_plates(text: str) -> list[Match]:
    return [Match("PLATE", m.start(), m.end(), m.group(0), "plate") for m in _PLATE_RE.finditer(text)]


_VIN_RE = re.compile(r"(?<![A-Z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Z0-9])")


def find_vins(text: str) -> list[Match]:
    out = []
    for m in _VIN_RE.finditer(text):
        s = m.group(0)
        if any(c.isalpha() for c in s) and sum(c.isdigit() for c in s) >= 4:
            out.append(Match("VIN", m.start(), m.end(), s, "vin"))
    return out


_CADASTRE_RE = re.compile(r"(?<![\d-])\d{2}-\d{3}-\d{3}-\d{3,4}(?::\d+)?(?![\d-])")


def find_cadastre(text: str) -> list[Match]:
    return [Match("CADASTRE", m.start(), m.end(), m.group(0), "cadastre") for m in _CADASTRE_RE.finditer(text)]


ALL_FINDERS = (find_iin_bin, find_iban, find_cards, find_phones, find_emails, find_id_documents, find_plates,
               find_vins, find_cadastre)


def find_identifiers(text: str) -> list[Match]:
    out = [m for finder in ALL_FINDERS for m in finder(text)]
    return sorted(out, key=lambda m: (m.start, -m.end))
