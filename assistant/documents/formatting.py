"""Court formatting in Russian and Kazakh: dates and amounts in words, names declined by case.

    date_in_words(date(2025, 4, 8), "ru")  -> "8 апреля 2025 года"
    date_in_words(date(2025, 4, 8), "kk")  -> "2025 жылғы 8 сәуірдегі"   (form="nominative": "... 8 сәуір")
    amount_in_words(1_250_000, "ru")       -> "1 250 000 (один миллион двести пятьдесят тысяч) тенге"
    decline_name("Иванов Иван Иванович", "dative", "ru")   -> "Иванову Ивану Ивановичу"
    decline_name("Ахметов Нұрлан Серікұлы", "dative", "kk") -> "Ахметов Нұрлан Серікұлына"

Month names and suffixes are grammar, not reference data, so they live here; the Kazakh suffix follows
vowel harmony and the last sound of the word (-да/-де/-та/-те, -дағы/-дегі/-тағы/-тегі).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from num2words import num2words

from assistant.documents.declension import decline_name, initials_first, short_name

__all__ = [
    "amount_figures",
    "amount_in_words",
    "date_in_words",
    "decline_name",
    "initials_first",
    "kk_attach",
    "period_in_words",
    "period_label",
    "short_name",
    "time_in_words",
    "to_date",
    "to_money",
]

LANGS = ("ru", "kk")

RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                      "октября", "ноября", "декабря")
KK_MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
             "қараша", "желтоқсан")

_KK_BACK_VOWELS = set("аоұыяюё")
_KK_FRONT_VOWELS = set("әөүіеэ")
_KK_VOICELESS = set("кқпстфхцчшщ")


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"language must be 'ru' or 'kk', not {lang!r}")


# --- Kazakh suffixes ------------------------------------------------------------------------------------------

def _kk_is_back(word: str) -> bool:
    for ch in reversed(word.lower()):
        if ch in _KK_BACK_VOWELS:
            return True
        if ch in _KK_FRONT_VOWELS:
            return False
    return True


def kk_attach(word: str, suffix: str) -> str:
    """`word` + a case suffix: "da" (locative -да/-де/-та/-те), "dagy" (attributive -дағы/-дегі/-тағы/-тегі)
    or "ga" (dative -ға/-ге/-қа/-ке).

    The consonant is voiceless (т, қ/к) after a voiceless sound; the vowels follow the word's last vowel.
    """
    back = _kk_is_back(word)
    voiceless = word[-1].lower() in _KK_VOICELESS
    d = "т" if voiceless else "д"
    if suffix == "ga":
        if voiceless:
            return word + ("қа" if back else "ке")
        return word + ("ға" if back else "ге")
    if suffix == "da":
        return word + d + ("а" if back else "е")
    if suffix == "dagy":
        return word + d + ("ағы" if back else "егі")
    raise ValueError(f"unknown Kazakh suffix {suffix!r}")


# --- dates ------------------------------------------------------------------------------------------------------

_DOTTED = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


def to_date(value: object) -> dt.date:
    """A date from a `date`, a `datetime`, "YYYY-MM-DD" or "DD.MM.YYYY"; ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _DOTTED.match(value)
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(value.strip()[:10])
    raise ValueError(f"not a date: {value!r}")


def date_in_words(d: dt.date | str, lang: str, form: str = "attributive") -> str:
    """A date as courts write it.

    Russian has one form: "8 апреля 2025 года". Kazakh has four: "2025 жылғы 8 сәуір" (nominative: the
    date line of a letter), "2025 жылғы 8 сәуірдегі" (attributive, the default: "the decision of ..."),
    "2025 жылғы 8 сәуірде" (locative: "on ..."), "2025 жылғы 8 сәуірге" (dative: "... дейін", "until").
    form="short" gives "08.04.2025" in both languages.
    """
    _check_lang(lang)
    day = to_date(d)
    if form == "short":
        return day.strftime("%d.%m.%Y")
    if form not in ("nominative", "attributive", "locative", "dative"):
        raise ValueError(f"unknown date form {form!r}")
    if lang == "ru":
        return f"{day.day} {RU_MONTHS_GENITIVE[day.month - 1]} {day.year} года"
    month = KK_MONTHS[day.month - 1]
    if form == "attributive":
        month = kk_attach(month, "dagy")
    elif form == "locative":
        month = kk_attach(month, "da")
    elif form == "dative":
        month = kk_attach(month, "ga")
    return f"{day.year} жылғы {day.day} {month}"


_KK_INTERVAL = {"nominative": "аралығы", "locative": "аралығында", "attributive": "аралығындағы"}


def period_in_words(start: dt.date | str, end: dt.date | str, lang: str, form: str = "locative") -> str:
    """"с 7 по 11 апреля 2025 года" / "2025 жылғы 7–11 сәуір аралығында" (the same month and year written
    once). Kazakh `form`: "locative" (аралығында, "during"), "attributive" (аралығындағы), "nominative"."""
    _check_lang(lang)
    interval = _KK_INTERVAL[form]
    a, b = to_date(start), to_date(end)
    if b < a:
        raise ValueError(f"period ends ({b}) before it starts ({a})")
    if lang == "ru":
        if (a.year, a.month) == (b.year, b.month):
            return f"с {a.day} по {b.day} {RU_MONTHS_GENITIVE[b.month - 1]} {b.year} года"
        if a.year == b.year:
            return (f"с {a.day} {RU_MONTHS_GENITIVE[a.month - 1]} по {b.day} {RU_MONTHS_GENITIVE[b.month - 1]} "
                    f"{b.year} года")
        return f"с {date_in_words(a, 'ru')} по {date_in_words(b, 'ru')}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year} жылғы {a.day}–{b.day} {KK_MONTHS[a.month - 1]} {interval}"
    if a.year == b.year:
        return f"{a.year} жылғы {a.day} {KK_MONTHS[a.month - 1]} – {b.day} {KK_MONTHS[b.month - 1]} {interval}"
    return f"{date_in_words(a, 'kk', 'nominative')} – {date_in_words(b, 'kk', 'nominative')} {interval}"


_ROMAN = ("I", "II", "III", "IV")
_KK_ORDINAL_HALF = ("бірінші", "екінші")


def period_label(start: dt.date | str, end: dt.date | str, lang: str, form: str = "nominative") -> str:
    """The reporting period by name when it is one: "I квартал 2025 года", "I полугодие 2025 года",
    "9 месяцев 2025 года", "2025 год" (kk: "2025 жылғы I тоқсан", "2025 жылғы бірінші жартыжылдық",
    "2025 жылғы 9 ай", "2025 жыл"); any other span as period_in_words(): "период с 1 по 15 апреля 2025
    года". Kazakh `form`: "attributive" gives "2025 жылғы I тоқсандағы" (for "… шолу" titles), "locative"
    "2025 жылғы I тоқсанда" ("during"); Russian has one form."""
    _check_lang(lang)
    if form not in ("nominative", "attributive", "locative"):
        raise ValueError(f"unknown period form {form!r}")
    a, b = to_date(start), to_date(end)
    named = _named_period(a, b, lang)
    if named is None:
        if lang == "ru":
            return "период " + period_in_words(a, b, "ru")
        return period_in_words(a, b, "kk", form)
    if lang == "ru" or form == "nominative":
        return named
    if form == "locative" and named.endswith(" жыл"):
        return named + "ы"  # "2025 жылы", not "2025 жылда"
    return kk_attach(named, "dagy" if form == "attributive" else "da")


def _named_period(a: dt.date, b: dt.date, lang: str) -> str | None:
    month_end = (b + dt.timedelta(days=1)).day == 1
    if a.year == b.year and a.day == 1 and month_end:
        months = b.month - a.month + 1
        y = a.year
        if months == 3 and a.month in (1, 4, 7, 10):
            q = _ROMAN[(a.month - 1) // 3]
            return f"{q} квартал {y} года" if lang == "ru" else f"{y} жылғы {q} тоқсан"
        if months == 6 and a.month in (1, 7):
            h = (a.month - 1) // 6
            return f"{_ROMAN[h]} полугодие {y} года" if lang == "ru" else f"{y} жылғы {_KK_ORDINAL_HALF[h]} жартыжылдық"
        if months == 9 and a.month == 1:
            return f"9 месяцев {y} года" if lang == "ru" else f"{y} жылғы 9 ай"
        if months == 12:
            return f"{y} год" if lang == "ru" else f"{y} жыл"
    return None


# --- time -------------------------------------------------------------------------------------------------------

def ru_plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian noun form after the number `n`: 1 том, 2 тома, 5 томов, 21 том."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def to_time(value: object) -> dt.time:
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        m = re.match(r"^\s*(\d{1,2})[:.](\d{2})\s*$", value)
        if m:
            return dt.time(int(m.group(1)), int(m.group(2)))
    raise ValueError(f"not a time of day: {value!r}")


def time_in_words(value: dt.time | str, lang: str) -> str:
    """"10 часов 00 минут" / "сағат 10:00" (hearing notices)."""
    _check_lang(lang)
    t = to_time(value)
    if lang == "ru":
        hours = ru_plural(t.hour, "час", "часа", "часов")
        minutes = ru_plural(t.minute, "минута", "минуты", "минут")
        return f"{t.hour} {hours} {t.minute:02d} {minutes}"
    return f"сағат {t.hour:02d}:{t.minute:02d}"


# --- amounts ----------------------------------------------------------------------------------------------------

def to_money(value: object) -> Decimal:
    """Tenge as a Decimal rounded to the tiyn, from an int, a Decimal, a float or "1 250 000,50"."""
    if isinstance(value, bool):
        raise ValueError("not an amount: a yes/no value")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    elif isinstance(value, str):
        cleaned = re.sub(r"[\s\u00a0\u202f]", "", value).replace(",", ".")
        cleaned = re.sub(r"(?i)(тенге|теңге|тг|₸|kzt)\.?$", "", cleaned)
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(f"not an amount: {value!r}") from None
    else:
        raise ValueError(f"not an amount: {value!r}")
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"not a non-negative amount: {value!r}")
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def amount_figures(value: object) -> str:
    """"1 250 000" or "1 250 000,50": digits grouped by three with spaces, tiyn after a comma."""
    amount = to_money(value)
    tenge, tiyn = divmod(int(amount * 100), 100)
    figures = f"{tenge:,}".replace(",", " ")
    return f"{figures},{tiyn:02d}" if tiyn else figures


def amount_in_words(n: object, lang: str, *, group_sep: str = " ") -> str:
    """"1 250 000 (один миллион двести пятьдесят тысяч) тенге" / "... (бір миллион екі жүз елу мың) теңге";
    tiyn, when there are any, follow in figures: "... тенге 50 тиын". Documents pass group_sep="\u00a0"
    (a no-break space) so that a number is never split across two lines."""
    _check_lang(lang)
    amount = to_money(n)
    tenge, tiyn = divmod(int(amount * 100), 100)
    words = num2words(tenge, lang="ru" if lang == "ru" else "kz")
    currency = "тенге" if lang == "ru" else "теңге"
    text = f"{tenge:,}".replace(",", group_sep) + f" ({words}) {currency}"
    if tiyn:
        text += f" {tiyn:02d} тиын"
    return text
