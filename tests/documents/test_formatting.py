"""Dates and amounts in words, names and courts in grammatical cases (kk and ru)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from assistant.documents.declension import decline_court, initials_first, short_name
from assistant.documents.formatting import (
    amount_in_words,
    date_in_words,
    decline_name,
    period_in_words,
    period_label,
    time_in_words,
    to_date,
)

# (month, last day, Russian genitive, Kazakh nominative, Kazakh attributive, Kazakh locative, Kazakh dative)
MONTHS = [
    (1, 31, "января", "қаңтар", "қаңтардағы", "қаңтарда", "қаңтарға"),
    (2, 28, "февраля", "ақпан", "ақпандағы", "ақпанда", "ақпанға"),
    (3, 31, "марта", "наурыз", "наурыздағы", "наурызда", "наурызға"),
    (4, 30, "апреля", "сәуір", "сәуірдегі", "сәуірде", "сәуірге"),
    (5, 31, "мая", "мамыр", "мамырдағы", "мамырда", "мамырға"),
    (6, 30, "июня", "маусым", "маусымдағы", "маусымда", "маусымға"),
    (7, 31, "июля", "шілде", "шілдедегі", "шілдеде", "шілдеге"),
    (8, 31, "августа", "тамыз", "тамыздағы", "тамызда", "тамызға"),
    (9, 30, "сентября", "қыркүйек", "қыркүйектегі", "қыркүйекте", "қыркүйекке"),
    (10, 31, "октября", "қазан", "қазандағы", "қазанда", "қазанға"),
    (11, 30, "ноября", "қараша", "қарашадағы", "қарашада", "қарашаға"),
    (12, 31, "декабря", "желтоқсан", "желтоқсандағы", "желтоқсанда", "желтоқсанға"),
]


@pytest.mark.parametrize(("month", "last", "ru", "kk_nom", "kk_attr", "kk_loc", "kk_dat"), MONTHS)
def test_every_month_first_and_last_day_in_both_languages(month, last, ru, kk_nom, kk_attr, kk_loc, kk_dat):
    first, end = dt.date(2025, month, 1), dt.date(2025, month, last)
    assert date_in_words(first, "ru") == f"1 {ru} 2025 года"
    assert date_in_words(end, "ru") == f"{last} {ru} 2025 года"
    assert date_in_words(first, "kk", "nominative") == f"2025 жылғы 1 {kk_nom}"
    assert date_in_words(end, "kk") == f"2025 жылғы {last} {kk_attr}"
    assert date_in_words(first, "kk", "locative") == f"2025 жылғы 1 {kk_loc}"
    assert date_in_words(end, "kk", "dative") == f"2025 жылғы {last} {kk_dat}"


@pytest.mark.parametrize(("value", "lang", "form", "expected"), [
    (dt.date(2025, 4, 8), "ru", "attributive", "8 апреля 2025 года"),
    (dt.date(2025, 4, 8), "kk", "attributive", "2025 жылғы 8 сәуірдегі"),
    (dt.date(2025, 4, 8), "kk", "nominative", "2025 жылғы 8 сәуір"),
    ("2025-12-31", "ru", "attributive", "31 декабря 2025 года"),
    ("31.12.2025", "kk", "attributive", "2025 жылғы 31 желтоқсандағы"),
    (dt.datetime(2024, 2, 29, 15, 0), "ru", "attributive", "29 февраля 2024 года"),
    (dt.date(2025, 4, 8), "ru", "short", "08.04.2025"),
    (dt.date(2025, 4, 8), "kk", "short", "08.04.2025"),
    (dt.date(2025, 4, 8), "ru", "locative", "8 апреля 2025 года"),
])
def test_date_forms(value, lang, form, expected):
    assert date_in_words(value, lang, form) == expected


@pytest.mark.parametrize("bad", ["2025-13-01", "32.01.2025", "завтра", None, 20250408])
def test_not_a_date(bad):
    with pytest.raises((ValueError, TypeError)):
        to_date(bad)


def test_unknown_language_and_form_are_refused():
    with pytest.raises(ValueError):
        date_in_words(dt.date(2025, 1, 1), "en")
    with pytest.raises(ValueError):
        date_in_words(dt.date(2025, 1, 1), "kk", "ablative")


@pytest.mark.parametrize(("amount", "ru", "kk"), [
    (0, "0 (ноль) тенге", "0 (нөл) теңге"),
    (1, "1 (один) тенге", "1 (бір) теңге"),
    (21, "21 (двадцать один) тенге", "21 (жиырма бір) теңге"),
    (1_250_000, "1 250 000 (один миллион двести пятьдесят тысяч) тенге",
     "1 250 000 (бір миллион екі жүз елу мың) теңге"),
    (1_000_000_000, "1 000 000 000 (один миллиард) тенге", "1 000 000 000 (бір миллиард) теңге"),
    (Decimal("1250000.50"), "1 250 000 (один миллион двести пятьдесят тысяч) тенге 50 тиын",
     "1 250 000 (бір миллион екі жүз елу мың) теңге 50 тиын"),
    ("21,05", "21 (двадцать один) тенге 05 тиын", "21 (жиырма бір) теңге 05 тиын"),
    ("1 250 000 тенге", "1 250 000 (один миллион двести пятьдесят тысяч) тенге",
     "1 250 000 (бір миллион екі жүз елу мың) теңге"),
    (0.1 + 0.2, "0 (ноль) тенге 30 тиын", "0 (нөл) теңге 30 тиын"),
])
def test_amounts_in_figures_and_words(amount, ru, kk):
    assert amount_in_words(amount, "ru") == ru
    assert amount_in_words(amount, "kk") == kk


def test_amount_groups_can_use_no_break_spaces():
    assert amount_in_words(1_250_000, "ru", group_sep="\u00a0").startswith("1\u00a0250\u00a0000 (")


@pytest.mark.parametrize("bad", [-1, "много", float("nan"), True, None, "1e400x"])
def test_not_an_amount(bad):
    with pytest.raises(ValueError):
        amount_in_words(bad, "ru")


# (name, case, lang, expected)
NAMES = [
    # Russian, male and female, all six cases
    ("Иванов Иван Иванович", "genitive", "ru", "Иванова Ивана Ивановича"),
    ("Иванов Иван Иванович", "dative", "ru", "Иванову Ивану Ивановичу"),
    ("Иванов Иван Иванович", "accusative", "ru", "Иванова Ивана Ивановича"),
    ("Иванов Иван Иванович", "instrumental", "ru", "Ивановым Иваном Ивановичем"),
    ("Иванов Иван Иванович", "prepositional", "ru", "Иванове Иване Ивановиче"),
    ("Иванов Иван Иванович", "nominative", "ru", "Иванов Иван Иванович"),
    ("Петрова Анна Сергеевна", "genitive", "ru", "Петровой Анны Сергеевны"),
    ("Петрова Анна Сергеевна", "dative", "ru", "Петровой Анне Сергеевне"),
    ("Петрова Анна Сергеевна", "accusative", "ru", "Петрову Анну Сергеевну"),
    ("Петрова Анна Сергеевна", "instrumental", "ru", "Петровой Анной Сергеевной"),
    # Kazakh names in Russian text: the patronymic -ұлы/-қызы does not decline
    ("Ахметов Нұрлан Серікұлы", "dative", "ru", "Ахметову Нұрлану Серікұлы"),
    ("Асқарова Гүлнәр Серікқызы", "dative", "ru", "Асқаровой Гүлнәр Серікқызы"),
    ("Асқарова Гүлнәр Серікқызы", "genitive", "ru", "Асқаровой Гүлнәр Серікқызы"),
    # indeclinable surnames keep their form; upper case stays upper case
    ("Пак Светлана", "dative", "ru", "Пак Светлане"),
    ("Сейткали А.Б.", "dative", "ru", "Сейткали А.Б."),
    ("ИВАНОВ ИВАН ИВАНОВИЧ", "dative", "ru", "ИВАНОВУ ИВАНУ ИВАНОВИЧУ"),
    # initials: only the surname declines; initials alone are left intact
    ("Иванов И.И.", "dative", "ru", "Иванову И.И."),
    ("И.И. Иванова", "genitive", "ru", "И.И. Ивановой"),
    ("И.И.", "dative", "ru", "И.И."),
    ("А.", "genitive", "kk", "А."),
    # organisations are never declined
    ("ТОО «Рога & Копыта»", "dative", "ru", "ТОО «Рога & Копыта»"),
    ("«Алатау Құрылыс» ЖШС", "dative", "kk", "«Алатау Құрылыс» ЖШС"),
    # Kazakh: the last word takes the ending; -ұлы/-қызы through the possessive
    ("Ахметов Нұрлан Серікұлы", "dative", "kk", "Ахметов Нұрлан Серікұлына"),
    ("Ахметов Нұрлан Серікұлы", "genitive", "kk", "Ахметов Нұрлан Серікұлының"),
    ("Ахметов Нұрлан Серікұлы", "accusative", "kk", "Ахметов Нұрлан Серікұлын"),
    ("Ахметов Нұрлан Серікұлы", "locative", "kk", "Ахметов Нұрлан Серікұлында"),
    ("Ахметов Нұрлан Серікұлы", "ablative", "kk", "Ахметов Нұрлан Серікұлынан"),
    ("Ахметов Нұрлан Серікұлы", "instrumental", "kk", "Ахметов Нұрлан Серікұлымен"),
    ("Асқарова Гүлнәр Серікқызы", "dative", "kk", "Асқарова Гүлнәр Серікқызына"),
    ("Асқарова Гүлнәр Серікқызы", "genitive", "kk", "Асқарова Гүлнәр Серікқызының"),
    ("Жұмабеков Ерлан Нұрланұлы", "барыс", "kk", "Жұмабеков Ерлан Нұрланұлына"),
    ("Ахметов Нұрлан", "dative", "kk", "Ахметов Нұрланға"),
    ("Г.С. Ахметова", "dative", "kk", "Г.С. Ахметоваға"),
    ("Петрова Анна Сергеевна", "dative", "kk", "Петрова Анна Сергеевнаға"),
    ("ЖҰМАБЕКОВ ҚАЙРАТ", "dative", "kk", "ЖҰМАБЕКОВ ҚАЙРАТҚА"),
]


@pytest.mark.parametrize(("name", "case", "lang", "expected"), NAMES)
def test_name_declension(name, case, lang, expected):
    assert decline_name(name, case, lang) == expected


def test_gender_given_by_the_caller_wins():
    assert decline_name("Ким Саша", "dative", "ru", gender="female") == "Ким Саше"
    assert decline_name("Ким Саша", "dative", "ru", gender="male") == "Киму Саше"


@pytest.mark.parametrize(("lang", "case"), [("ru", "ablative"), ("kk", "vocative"), ("en", "dative")])
def test_unknown_case_or_language(lang, case):
    with pytest.raises(ValueError):
        decline_name("Иванов Иван", case, lang)


@pytest.mark.parametrize(("name", "short", "first"), [
    ("Иванов Иван Иванович", "Иванов И.И.", "И.И. Иванов"),
    ("Сейткали Асхат Болатұлы", "Сейткали А.Б.", "А.Б. Сейткали"),
    ("Иванов И.И.", "Иванов И.И.", "И.И. Иванов"),
    ("ТОО «Альфа»", "ТОО «Альфа»", "ТОО «Альфа»"),
])
def test_short_forms(name, short, first):
    assert short_name(name) == short
    assert initials_first(name) == first


@pytest.mark.parametrize(("court", "case", "lang", "expected"), [
    ("Кассационный суд по гражданским делам", "genitive", "ru", "Кассационного суда по гражданским делам"),
    ("Медеуский районный суд г. Алматы", "genitive", "ru", "Медеуского районного суда г. Алматы"),
    ("Судебная коллегия по гражданским делам Алматинского городского суда", "genitive", "ru",
     "Судебной коллегии по гражданским делам Алматинского городского суда"),
    ("Суд города Астаны", "genitive", "ru", "Суда города Астаны"),
    ("Верховный Суд Республики Казахстан", "genitive", "ru", "Верховного Суда Республики Казахстан"),
    ("Азаматтық істер жөніндегі кассациялық сот", "genitive", "kk", "Азаматтық істер жөніндегі кассациялық соттың"),
    ("Алматы қаласы Медеу аудандық соты", "genitive", "kk", "Алматы қаласы Медеу аудандық сотының"),
    ("Қарағанды облыстық соты", "dative", "kk", "Қарағанды облыстық сотына"),
    ("Алматы қалалық сотының азаматтық істер жөніндегі сот алқасы", "genitive", "kk",
     "Алматы қалалық сотының азаматтық істер жөніндегі сот алқасының"),
    ("ТОО «Альфа»", "genitive", "ru", "ТОО «Альфа»"),
])
def test_court_names_in_cases(court, case, lang, expected):
    assert decline_court(court, case, lang) == expected


@pytest.mark.parametrize(("start", "end", "lang", "form", "expected"), [
    ("2025-01-01", "2025-03-31", "ru", "nominative", "I квартал 2025 года"),
    ("2025-01-01", "2025-03-31", "kk", "nominative", "2025 жылғы I тоқсан"),
    ("2025-01-01", "2025-06-30", "ru", "nominative", "I полугодие 2025 года"),
    ("2025-07-01", "2025-12-31", "kk", "attributive", "2025 жылғы екінші жартыжылдықтағы"),
    ("2025-01-01", "2025-09-30", "ru", "nominative", "9 месяцев 2025 года"),
    ("2025-01-01", "2025-09-30", "kk", "locative", "2025 жылғы 9 айда"),
    ("2025-01-01", "2025-12-31", "kk", "locative", "2025 жылы"),
    ("2025-01-01", "2025-12-31", "ru", "nominative", "2025 год"),
    ("2025-04-07", "2025-04-11", "ru", "nominative", "период с 7 по 11 апреля 2025 года"),
    ("2025-04-07", "2025-04-11", "kk", "attributive", "2025 жылғы 7–11 сәуір аралығындағы"),
])
def test_period_labels(start, end, lang, form, expected):
    assert period_label(start, end, lang, form) == expected


@pytest.mark.parametrize(("start", "end", "ru", "kk"), [
    ("2025-04-07", "2025-04-11", "с 7 по 11 апреля 2025 года", "2025 жылғы 7–11 сәуір аралығында"),
    ("2025-04-28", "2025-05-02", "с 28 апреля по 2 мая 2025 года", "2025 жылғы 28 сәуір – 2 мамыр аралығында"),
    ("2025-12-29", "2026-01-02", "с 29 декабря 2025 года по 2 января 2026 года",
     "2025 жылғы 29 желтоқсан – 2026 жылғы 2 қаңтар аралығында"),
])
def test_periods_in_words(start, end, ru, kk):
    assert period_in_words(start, end, "ru") == ru
    assert period_in_words(start, end, "kk") == kk


@pytest.mark.parametrize(("value", "ru", "kk"), [
    ("10:00", "10 часов 00 минут", "сағат 10:00"),
    ("21:01", "21 час 01 минута", "сағат 21:01"),
    ("9.32", "9 часов 32 минуты", "сағат 09:32"),
    (dt.time(14, 45), "14 часов 45 минут", "сағат 14:45"),
])
def test_time_in_words(value, ru, kk):
    assert time_in_words(value, "ru") == ru
    assert time_in_words(value, "kk") == kk
