"""Names of people in the grammatical case a sentence needs, in Russian and Kazakh.

Russian (pytrovich): every part of "Фамилия Имя Отчество" is declined with the gender taken from the
patronymic, else from the surname or first name. Kazakh patronymics written in Russian text
("Серікұлы", "Серикулы", "Серікқызы") do not decline.

Kazakh (qazaq-inflector): a Kazakh noun phrase takes its case ending once, on its last word, so only the
last word of the name that is not an initial is declined: "Ахметов Нұрлан Серікұлына", "Ахметов Нұрланға",
"Г.С. Ахметоваға". A patronymic in -ұлы/-қызы is a possessive form (ұл + ы), so it declines through the
possessive with the pronominal -н-: dative "Серікұлына", genitive "Серікұлының", accusative "Серікұлын".

Names made of initials only ("А.", "А.Б."), organisations (quotes, ТОО/АО/ЖШС/АҚ…), and anything with
digits are returned unchanged: declining them would only make them wrong.
"""

from __future__ import annotations

import re
from functools import cache

from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case, Gender, NamePart
from pytrovich.maker import PetrovichDeclinationMaker
from qazaq_inflector import QazaqNameInflector

RU_CASES = {
    "nominative": Case.NOMINATIVE, "genitive": Case.GENITIVE, "dative": Case.DATIVE,
    "accusative": Case.ACCUSATIVE, "instrumental": Case.INSTRUMENTAL, "prepositional": Case.PREPOSITIONAL,
    "locative": Case.PREPOSITIONAL,
}
# The seven Kazakh cases under the English names the Russian ones use, and under their own names.
KK_CASES = {
    "nominative": "nominative", "genitive": "genitive", "dative": "dative", "accusative": "accusative",
    "locative": "locative", "prepositional": "locative", "ablative": "ablative", "instrumental": "instrumental",
    "атау": "nominative", "ілік": "genitive", "барыс": "dative", "табыс": "accusative", "жатыс": "locative",
    "шығыс": "ablative", "көмектес": "instrumental",
}

_LETTER = "A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
_INITIALS = re.compile(rf"^(?:[{_LETTER}]{{1,2}}\.)+$")
_KK_PATRONYMIC = re.compile(r"(?i)(ұлы|улы|қызы|кызы)$")
_RU_PATRONYMIC_MALE = re.compile(r"(?i)(вич|ич|оглы|ұлы|улы)$")
_RU_PATRONYMIC_FEMALE = re.compile(r"(?i)(вна|чна|шна|кызы|қызы)$")
_ORGANISATION = re.compile(
    r"[«»\"“”„]|\d|(?<![\w])(?:ТОО|АО|ИП|ОО|ОЮЛ|ГУ|КГУ|РГП|ГКП|ПК|ЖШС|АҚ|ЖК|ММ|КМК|РМК|LLP|JSC|LLC)(?![\w])"
    # Whole words only: "Сотников", "Банков", "Судаков" are surnames.
    r"|(?i:\b(?:суд|суда|сот|соты|банк|банкі|коллегия|алқасы|товарищество|серіктестік|серіктестігі|компания|"
    r"корпорация|фонд|акимат|әкімдігі|министерство|министрлігі|прокуратура|департамент|управление|"
    r"учреждение|мекемесі)\b)"
)


@cache
def _ru_maker() -> PetrovichDeclinationMaker:
    return PetrovichDeclinationMaker()


@cache
def _ru_detector() -> PetrovichGenderDetector:
    return PetrovichGenderDetector()


@cache
def _kk_inflector() -> QazaqNameInflector:
    return QazaqNameInflector()


def _is_initials(token: str) -> bool:
    return bool(_INITIALS.match(token))


def _tokens(full_name: str) -> list[str]:
    # "И.И.Иванов" and "Иванов И.И." alike: initials stuck to a word are split off.
    spaced = re.sub(rf"((?:[{_LETTER}]\.)+)(?=[{_LETTER}]{{2,}})", r"\1 ", full_name.strip())
    return spaced.split()


def is_declinable(full_name: str) -> bool:
    tokens = _tokens(full_name)
    return bool(tokens) and not _ORGANISATION.search(full_name) and not all(_is_initials(t) for t in tokens)


def _same_case_as(source: str, declined: str) -> str:
    return declined.upper() if source.isupper() and len(source) > 1 else declined


# --- Russian ------------------------------------------------------------------------------------------------------

def _ru_parts(tokens: list[str]) -> dict[int, NamePart]:
    """Which token is which part of the name."""
    words = [i for i, t in enumerate(tokens) if not _is_initials(t)]
    if len(words) < len(tokens):  # initials next to a surname: only the surname declines
        return {i: NamePart.LASTNAME for i in words[:1]}
    if len(words) == 1:
        return {words[0]: NamePart.LASTNAME}
    if len(words) == 2:
        second = tokens[words[1]]
        if _RU_PATRONYMIC_MALE.search(second) or _RU_PATRONYMIC_FEMALE.search(second):
            return {words[0]: NamePart.FIRSTNAME, words[1]: NamePart.MIDDLENAME}
        return {words[0]: NamePart.LASTNAME, words[1]: NamePart.FIRSTNAME}
    parts = {words[0]: NamePart.LASTNAME, words[1]: NamePart.FIRSTNAME}
    for i in words[2:]:
        parts[i] = NamePart.MIDDLENAME
    return parts


def _ru_gender(tokens: list[str], parts: dict[int, NamePart], gender: str | None) -> Gender:
    if gender in ("male", "m"):
        return Gender.MALE
    if gender in ("female", "f"):
        return Gender.FEMALE
    by_part = {part: tokens[i].lower() for i, part in parts.items()}
    middle = by_part.get(NamePart.MIDDLENAME)
    if middle:
        if _RU_PATRONYMIC_FEMALE.search(middle):
            return Gender.FEMALE
        if _RU_PATRONYMIC_MALE.search(middle):
            return Gender.MALE
    detected = _ru_detector().detect(firstname=by_part.get(NamePart.FIRSTNAME),
                                     lastname=by_part.get(NamePart.LASTNAME))
    return detected


def _decline_ru(full_name: str, case: str, gender: str | None) -> str:
    if case not in RU_CASES:
        raise ValueError(f"unknown Russian case {case!r}; expected one of {sorted(RU_CASES)}")
    tokens = _tokens(full_name)
    parts = _ru_parts(tokens)
    sex = _ru_gender(tokens, parts, gender)
    out = list(tokens)
    for i, part in parts.items():
        token = tokens[i]
        if part is NamePart.MIDDLENAME and _KK_PATRONYMIC.search(token):
            continue  # Kazakh patronymics do not decline in Russian
        base = token.capitalize() if token.isupper() else token
        declined = _ru_maker().make(part, sex, RU_CASES[case], base, known_gender=gender is not None)
        out[i] = _same_case_as(token, declined)
    return " ".join(out)


# --- Kazakh -------------------------------------------------------------------------------------------------------

def _decline_kk(full_name: str, case: str) -> str:
    if case not in KK_CASES:
        raise ValueError(f"unknown Kazakh case {case!r}; expected one of {sorted(KK_CASES)}")
    kk_case = KK_CASES[case]
    tokens = _tokens(full_name)
    if kk_case == "nominative":
        return " ".join(tokens)
    last = max(i for i, t in enumerate(tokens) if not _is_initials(t))
    word = tokens[last]
    m = _KK_PATRONYMIC.search(word)
    if m:
        # ұлы = ұл + possessive ы, қызы = қыз + ы: decline the possessive form of the stem.
        declined = _kk_inflector().possessive(word[:-1], "3", kk_case)
    else:
        declined = _kk_inflector().inflect(word, kk_case) or word
    tokens[last] = declined
    return " ".join(tokens)


def decline_name(full_name: str, case: str, lang: str, gender: str | None = None) -> str:
    """`full_name` in grammatical `case` ("nominative", "genitive", "dative", "accusative", "instrumental",
    "prepositional"; Kazakh also "locative", "ablative", or the Kazakh names "ілік", "барыс", ...).

    `gender` ("male"/"female") helps Russian when the name alone does not tell. Initials-only names and
    organisations come back unchanged.
    """
    if lang not in ("ru", "kk"):
        raise ValueError(f"language must be 'ru' or 'kk', not {lang!r}")
    case = case.lower()
    if lang == "ru" and case not in RU_CASES:
        raise ValueError(f"unknown Russian case {case!r}; expected one of {sorted(RU_CASES)}")
    if lang == "kk" and case not in KK_CASES:
        raise ValueError(f"unknown Kazakh case {case!r}; expected one of {sorted(KK_CASES)}")
    if not is_declinable(full_name):
        return full_name
    if lang == "ru":
        return _decline_ru(full_name, case, gender)
    return _decline_kk(full_name, case)


def _initial(word: str) -> str:
    return word[0].upper() + "."


def _split_for_short(full_name: str) -> tuple[str, str] | None:
    """(surname, initials) of a full name "Фамилия Имя [Отчество]"; None when it is not one."""
    tokens = _tokens(full_name)
    if not is_declinable(full_name):
        return None
    if any(_is_initials(t) for t in tokens):
        surname = next(t for t in tokens if not _is_initials(t))
        initials = "".join(t for t in tokens if _is_initials(t))
        return surname, initials
    if len(tokens) == 1:
        return tokens[0], ""
    return tokens[0], "".join(_initial(t) for t in tokens[1:3])


def short_name(full_name: str) -> str:
    """"Иванов И.И." from "Иванов Иван Иванович"; organisations and initials-only names unchanged."""
    split = _split_for_short(full_name)
    if split is None:
        return full_name
    surname, initials = split
    return f"{surname} {initials}".strip()


def initials_first(full_name: str) -> str:
    """"И.И. Иванов": the form under a signature."""
    split = _split_for_short(full_name)
    if split is None:
        return full_name
    surname, initials = split
    return f"{initials} {surname}".strip()


# --- court names ----------------------------------------------------------------------------------------------

_RU_HEADS = {"суд": "суда", "коллегия": "коллегии"}


def _ru_adjective_genitive(word: str) -> str | None:
    low = word.lower()
    for ending, after, replacement in (("ый", "", "ого"), ("ой", "", "ого"), ("ий", "кгх", "ого"), ("ий", "", "его"),
                                       ("ая", "жшщч", "ей"), ("ая", "", "ой"), ("яя", "", "ей")):
        if low.endswith(ending) and len(low) > 3 and (not after or low[-3] in after):
            return word[: -len(ending)] + replacement
    return None


def decline_court(name: str, case: str, lang: str) -> str:
    """A court's name in the genitive ("Медеуского районного суда г. Алматы", "Медеу аудандық сотының") or,
    in Kazakh, the dative ("Қарағанды облыстық сотына"). The words up to the head noun decline in Russian;
    the last word in Kazakh, a possessive ("соты", "алқасы") through the pronominal -н-. A name the rules do
    not recognise comes back unchanged."""
    if case == "nominative":
        return name
    if lang == "ru":
        if case != "genitive":
            raise ValueError(f"court names decline to the genitive in Russian, not {case!r}")
        tokens = name.split()
        out: list[str] = []
        for i, token in enumerate(tokens):
            head = _RU_HEADS.get(token.lower())
            if head is not None:
                out.append(head.capitalize() if token[0].isupper() else head)
                return " ".join(out + tokens[i + 1 :])
            adjective = _ru_adjective_genitive(token)
            if adjective is None:
                return name
            out.append(adjective)
        return name
    if lang != "kk":
        raise ValueError(f"language must be 'ru' or 'kk', not {lang!r}")
    if case not in ("genitive", "dative"):
        raise ValueError(f"court names decline to the genitive or dative in Kazakh, not {case!r}")
    head, _, last = name.strip().rpartition(" ")
    if not last:
        return name
    if last[-1].lower() in "ыі":  # possessive: соты, алқасы
        back = last[-1].lower() == "ы"
        suffix = {"genitive": ("ның", "нің"), "dative": ("на", "не")}[case][0 if back else 1]
        declined = last + suffix
    else:
        declined = _kk_inflector().inflect(last, case) or last
    return f"{head} {declined}".strip()
