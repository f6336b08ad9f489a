"""Names of individuals in Russian and Kazakh text, and the names that are not people's.

Shared by the depersonaliser (assistant.privacy) and the petition card: natasha's Russian NER (it reads
Kazakh names in Cyrillic well enough) plus rules for initials, patronymics (-ович/-овна, -ұлы/-қызы),
surname endings with Russian and Kazakh case endings, names in Latin letters, first names after kinship
words, and later mentions by surname alone. Judges and prosecutors named in their office are told apart
(assistant/data/names.yaml lists the cue words). Courts, organisations, state bodies, toponyms and legal
norms are found too, so that a name inside them ("ТОО «Ахметов и К»", "улица Абая") is not taken for a
person; the rules for courts are data (assistant/data/patterns/court_mentions.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "names.yaml"
UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOW = "a-zа-яёәғқңөұүһі"
CAP = rf"[{UP}][{LOW}]+(?:-[{UP}]?[{LOW}]+)?"
UPPER = rf"[{UP}]{{2,}}(?:-[{UP}]+)?"
WORD = rf"(?:{CAP}|{UPPER})"
INIT = rf"[{UP}]\."
PATRONYMIC = re.compile(
    rf"(?:ович|евич|овн|евн|ичн|ұлы|қызы|улы|кызы|оглы|OVICH|OVNA)[{LOW}]*$", re.IGNORECASE)
SURNAME = re.compile(
    r"(?:ов|ев|ёв|ин|ын|ова|ева|ина|ына|ский|цкий|ская|цкая|енко|ук|юк|ян|дзе|баев|беков|бекова|баева)"
    r"(?:а|у|ым|ой|ом|е|ым|ке|қа|ға|ге|тің|нің|ның|дің|дың|тан|тен|нан|нен|ты|ті|ны|ні|мен|пен|бен|"
    r"ке|на|ге|тың|ды|ді)?$", re.IGNORECASE)
_KK_CASE = ("ының", "інің", "ының", "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге", "қа", "ке", "на",
            "не", "тан", "тен", "нан", "нен", "дан", "ден", "ты", "ті", "ны", "ні", "ды", "ді", "мен", "пен",
            "бен", "да", "де", "та", "те")
_RU_CASE = ("ой", "ым", "ом", "ою", "у", "е", "ы")



@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    recognizer: str
    confidence: float


# --- folding look-alikes (length-preserving) ----------------------------------------------------------------
_FOLD = str.maketrans("ABCEHKMOPTXYaceopxyk", "АВСЕНКМОРТХУасеорхук")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


def fold(text: str) -> str:
    """Latin look-alikes inside Cyrillic words, and all-look-alike Latin words next to Cyrillic ones, as
    Cyrillic letters; same length, so offsets are shared with the original."""
    chars = list(text)
    for m in _LATIN_RUN.finditer(text):
        s, e = m.start(), m.end()
        ws, we = s, e
        while ws > 0 and text[ws - 1].isalpha():
            ws -= 1
        while we < len(text) and text[we].isalpha():
            we += 1
        word = text[ws:we]
        if (ws > 0 and text[ws - 1].isdigit()) or (we < len(text) and text[we].isdigit()):
            continue  # part of a code (IBAN, VIN, plate): left exactly as written
        mixed = any("\u0400" <= c <= "\u04ff" for c in word)
        if not mixed:
            if not (word.isupper() and len(word) >= 3 and set(word) <= set("ABCEHKMOPTXY")):
                continue
            around = text[max(0, ws - 30) : ws] + text[we : we + 30]
            if not re.search("[\u0400-\u04ff]{3}", around):
                continue
        folded = m.group(0).translate(_FOLD)
        if any(c.isascii() and c.isalpha() for c in folded) and mixed:
            continue  # a Latin letter with no Cyrillic twin: a genuinely mixed word, left alone
        chars[s:e] = folded
    return "".join(chars)



# --- court mentions (COURT spans; the rules are assistant/data/patterns/court_mentions.yaml) -----------------
COURT_MENTIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "patterns" / "court_mentions.yaml"
# Latin look-alikes as Cyrillic letters, for finding court words only ("Cотының", "icтер", "КАССАЦИОННЫЙ cуд").
_COURT_LOOKALIKES = str.maketrans("ABCEHKMOPTXYIaceopxyki", "АВСЕНКМОРТХУІасеорхукі")
_SPACE = "[ \\t\\u00a0]"
# One word of the line before a court word: "№ 2" or "№2", or a run of non-space characters.
_COURT_TOKEN = re.compile(rf"№{_SPACE}?\d{{1,3}}|[^ \t\u00a0]+")
_COURT_NUMBER = re.compile(r"№\s?\d{1,3}")
_COURT_GAP = re.compile(rf"{_SPACE}+")
_CAP_WORD = re.compile(rf"[{UP}][{UP}{LOW}]*(?:-[{UP}{LOW}]+)*")
_RU_PLACE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ое)$")


class CourtMentions:
    """Finds the mentions of a court: a court word and the words of its name around it (see the rules file)."""

    def __init__(self, rules: dict[str, Any], place_words: Iterable[str] = (),
                 place_pairs: Iterable[tuple[str, str]] = ()) -> None:
        ru, kk = rules["ru"], rules["kk"]
        self.head = re.compile(rf"(?<![\w-])(?:(?P<ru>{ru['head']})|(?P<kk>{kk['head']}))(?![\w-])", re.IGNORECASE)
        self.ru_adjective = re.compile(ru["adjective"])
        self.ru_kinds, self.ru_unique = tuple(ru["kinds"]), tuple(ru["unique"])
        self.ru_proper_kinds, self.ru_not_proper = tuple(ru["proper_kinds"]), tuple(ru["not_proper"])
        name = rf"[{UP}][{UP}{LOW}]*(?:-[{UP}{LOW}]+)*"
        self.ru_after = [(re.compile(rf"(?:{a['pattern'].replace('{Name}', name)})(?![\w-])"), bool(a["place"]))
                         for a in ru["after"]]
        self.kk_kinds, self.kk_unique = tuple(kk["kinds"]), tuple(kk["unique"])
        self.kk_proper_kinds = tuple(kk["proper_kinds"])
        self.kk_joins, self.kk_places = frozenset(kk["joins"]), frozenset(kk["places"])
        self.kk_abbreviations = frozenset(kk["place_abbreviations"])
        self.kk_particles = frozenset(kk["name_particles"])
        self.not_names = frozenset(w.lower() for w in rules.get("not_names", ()))
        self.place_words = frozenset(w.lower() for w in place_words)
        pairs = {tuple(n.lower().split()) for n in rules.get("multiword_names", ()) if len(n.split()) == 2}
        self.place_pairs = frozenset(pairs | {(a.lower(), b.lower()) for a, b in place_pairs})

    def find(self, text: str) -> list[tuple[int, int]]:
        text = text.translate(_COURT_LOOKALIKES)
        out: list[tuple[int, int]] = []
        for m in self.head.finditer(text):
            found = self._russian(text, m.start(), m.end()) if m.group("ru") else self._kazakh(text, m.start(), m.end())
            if found and not (out and found[0] < out[-1][1]):
                out.append(found)
        return out

    @staticmethod
    def _words_before(text: str, start: int) -> list[tuple[int, str]]:
        """The words of the line before `start`, separated by spaces only, nearest first (start, word)."""
        lo = max(text.rfind("\n", 0, start) + 1, start - 200)
        if start == lo or text[start - 1] not in " \t\u00a0":
            return []
        words = [(m.start(), m.group(0)) for m in _COURT_TOKEN.finditer(text, lo, start)]
        return words[::-1]

    # --- Russian: adjectives before the court word, qualifiers after it -------------------------------------
    def _russian(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        first = start
        names = unique = kind = number = False
        for pos, word in self._words_before(text, start):
            low = word.lower()
            if _COURT_NUMBER.fullmatch(word):
                number = True
            elif not self.ru_adjective.fullmatch(low):
                break
            elif low.startswith(self.ru_unique):
                unique = True
            elif low.startswith(self.ru_kinds):
                kind = True
                names |= word[0].isupper() and low.startswith(self.ru_proper_kinds)
            elif word[0].isupper() and self._ru_proper(low):
                names = True
            else:
                break
            first = pos
        last = end
        while m := _COURT_GAP.match(text, last):
            for rx, place in self.ru_after:
                if after := rx.match(text, m.end()):
                    last, names = after.end(), names or place
                    number |= after.group(0).startswith("№")
                    break
            else:
                break
        return (first, last) if names or unique or (number and kind) else None

    def _ru_proper(self, low: str) -> bool:
        """A capitalised adjective that is a place's: "Медеуского", "Алматинского", not "Уважаемый", "Истцом"."""
        if low.startswith(self.ru_not_proper):
            return False
        if _RU_PLACE_ADJECTIVE.search(low):
            return True
        parses = _morph().parse(low)[:3]
        if _morph().word_is_known(low):
            return any("Geox" in p.tag for p in parses)
        return not ({"Surn", "Name", "Patr"} & set(parses[0].tag.grammemes))

    # --- Kazakh: names, places and kinds before the court word ----------------------------------------------
    def _kazakh(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        words = self._words_before(text, start)
        taken: list[tuple[int, bool]] = []  # (start, is a join word) of the words of the name
        names = unique = kind = number = False
        after_name = False  # left of a name only a place word may stand ("Қарағанды қаласы Қазыбек би")
        i = 0
        while i < len(words):
            pos, word = words[i]
            low = word.lower()
            if low in self.kk_places:
                group = self._kk_name(words, i + 1)
                if not group:
                    break
                names, after_name = True, True
                taken += [(pos, False)] + [(words[j][0], False) for j in range(i + 1, i + 1 + group)]
                i += 1 + group
                continue
            if after_name:
                break
            if _COURT_NUMBER.fullmatch(word):
                number = True
            elif word in self.kk_abbreviations:
                names = True
            elif low.startswith(self.kk_unique):
                unique = True
            elif low.startswith(self.kk_kinds):
                kind = True
                names |= word[0].isupper() and low.startswith(self.kk_proper_kinds)
            elif low in self.kk_joins:
                taken.append((pos, True))
                i += 1
                continue
            elif (group := self._kk_name(words, i, known=True)) and taken and not taken[-1][1]:
                # a known place's name right before a kind word or a number: "Павлодар қалалық", "Әл-Фараби
                # аудандық" (and not a person's: "Сейткали облыстық сотқа шағымданды")
                names, after_name = True, True
                taken += [(words[j][0], False) for j in range(i, i + group)]
                i += group
                continue
            else:
                break
            taken.append((pos, False))
            i += 1
        while taken and taken[-1][1]:  # a name does not start with "істер жөніндегі"
            taken.pop()
        if not (names or unique or (number and kind)):
            return None
        return (taken[-1][0] if taken else start), end

    def _kk_name(self, words: list[tuple[int, str]], i: int, known: bool = False) -> int:
        """How many words (nearest first, from index i) make a place's name: "Жетісу", "Қазыбек би",
        "Шығыс Қазақстан"; 0 when the word there is no name (with `known`, no place the tables name)."""
        if i >= len(words):
            return 0
        word = words[i][1]
        if i + 1 < len(words) and (words[i + 1][1].lower(), word.lower()) in self.place_pairs:
            return 2
        if known:
            return 1 if _CAP_WORD.fullmatch(word) and word.lower() in self.place_words else 0
        if word.lower() in self.kk_particles:
            return 2 if i + 1 < len(words) and self._kk_name_word(words[i + 1][1]) else 0
        return 1 if self._kk_name_word(word) else 0

    def _kk_name_word(self, word: str) -> bool:
        if not _CAP_WORD.fullmatch(word):
            return False
        low = word.lower()
        if low in self.not_names:
            return False
        if low in self.place_words:
            return True
        # an ordinary word ("Мен", "Кейін") or a person's name ("Ахметов облыстық сотқа", "Ерлан аудандық
        # сотқа") is no place
        return not (_common(low) or PATRONYMIC.search(low) or SURNAME.search(low) or low in _name_lexicon())


@cache
def court_mentions() -> CourtMentions:
    import csv
    from itertools import pairwise

    with open(COURT_MENTIONS_FILE, encoding="utf-8") as fh:
        rules = yaml.safe_load(fh)
    data = DATA_FILE.parent
    names: list[str] = []
    with open(data / "courts.csv", encoding="utf-8") as fh:
        names += [r[k] for r in csv.DictReader(fh) for k in ("name_ru", "name_kk")]
    with open(data / "regions.csv", encoding="utf-8") as fh:
        names += [r[k] for r in csv.DictReader(fh) for k in ("region_ru", "region_kk", "centre")]
    words, pairs = set(), set()
    for n in names:
        caps = [w if _CAP_WORD.fullmatch(w) else "" for w in n.split()]
        words.update(w for w in caps if w)
        pairs.update((a, b) for a, b in pairwise(caps) if a and b)
    return CourtMentions(rules, words, pairs)


@cache
def _morph() -> Any:
    from assistant.ingest.langid import default_identifier

    return default_identifier().morph


# A name in quotes: «…», "…" or “…” (nested «…«…»» names stop at the first closing quote, as before).
_QUOTED = r"(?:«[^»\n]{1,80}»|\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”)"


class NameFinder:
    """Finds people's names; `protected()` finds the spans that are never a person's name."""

    def __init__(self, officials: Iterable[str], office_words: Iterable[str], use_ner: bool = True,
                 composition_cues: Iterable[str] = (), list_glue_words: Iterable[str] = ()) -> None:
        self.use_ner = use_ner
        cues = "|".join(re.escape(c) for c in sorted(composition_cues, key=len, reverse=True))
        self.composition_re = re.compile(rf"(?i:{cues})") if cues else None
        glue = "|".join(re.escape(w) for w in sorted(list_glue_words, key=len, reverse=True)) or "и"
        # What may stand between the start of a panel list and a judge's name: other names and initials,
        # commas, connectors, roles in brackets.
        self.list_glue_re = re.compile(
            rf"(?:[ \t,:;]+|(?i:{glue})(?=[ \t,:;(])|\([^()\n]{{0,40}}\)|[{UP}][{LOW}]*\.?|[{UP}]{{2,}}|-)*")
        officials = sorted(officials, key=len, reverse=True)
        office = "|".join(re.escape(w) for w in sorted(office_words, key=len, reverse=True))
        self._official_stems = tuple({o.lower()[:5] for o in officials})
        # A judge's or prosecutor's word, then at most seven words of their office ("Судья Кассационного
        # суда по гражданским делам", "прокурора Генеральной прокуратуры РК") and no sentence break.
        self.official_re = re.compile(
            r"(?:^|[\s(«])(?i:" + "|".join(re.escape(o) for o in officials) + r")"
            rf"(?:[ ]+(?:[{UP}][^\s.,;:!?()«»]*|(?i:{office})(?=[ ,:])))" + r"{0,7}[\s:,]*$")

    _ORG_RE = re.compile(
        r"(?:(?:ТОО|АО|ЖШС|АҚ|ИП|ЖК|ГУ|КГУ|КГП|ГКП|РГП|РМК|МФО|ОСИ|ПИБ|ПК|НАО|КеАҚ|МКО|Банк|банк|"
        r"компания|Компания)(?:\s+на\s+ПХВ)?\s*" + _QUOTED + r"(?:\s*(?:ЖШС|АҚ|ЖК))?|" + _QUOTED
        + r"\s*(?:ЖШС|АҚ|ЖК|ТОО|АО))")
    _TOPONYM_RE = re.compile(
        rf"(?:ул\.|улиц[аеуыой]{{1,2}}|пр\.|просп\.|проспект[а-я]{{0,2}}|мкр\.|микрорайон[а-я]{{0,2}}|"
        rf"им\.|имени|бульвар[а-я]{{0,2}}|переул[а-я]{{0,4}}|пос[её]л[а-я]{{0,3}})\s*{CAP}(?:\s+{CAP})?"
        rf"|(?:г\.|город[а-я]{{0,2}}|област[ьи]|район[а-я]{{0,2}})\s*{CAP}(?:-{CAP})?"
        # a second capitalised word belongs to the place unless a name follows it: "г. Астаны Сейтказин
        # Нурлан", "г. Экибастуза Нургалиева А.К." are a place and a person
        rf"(?:\s+{CAP}(?![{LOW}-])(?!\s*[{UP}]\.|\s+{CAP}))?"
        rf"|{CAP}\s+Федераци[{LOW}]*"
        rf"|{CAP}(?:\s+{CAP})?\s+(?:көшесі|даңғылы|ауданы|аудандық|облысы|облысында|облыстық|қаласы|ауылы|"
        rf"атындағы|батыра|батыр|би|хан|хана|шағын)[{LOW}]*")
    _LAW_RE = re.compile(
        rf"(?:Закон[а-я]*|Кодекс[а-я]*|Конституци[а-я]*|заңы|кодексі)\s*(?:РК\s*)?«[^»\n]{{1,120}}»|"
        rf"(?:(?:ҚР|РК)\s)?(?:{WORD}\s){{1,3}}(?:кодекс|Кодекс|заң|Заң|министр|Министр|нормативтік)[{LOW}]*|"
        rf"«[^»\n]{{1,140}}»\s(?:Заң|заң|Закон)[{LOW}]*")
    _STATE_RE = re.compile(
        rf"(?:(?:{WORD}|[{LOW}]+(?:ого|ой|ых|ский|ская|дық|лық|тік|дік))[ ]){{0,5}}(?:министерств|министрлі|"
        rf"департамент|управлени|прокуратур|акимат|әкімдік|әкімшілі|институт|Институт|комитет|инспекци|"
        rf"Госкорпорац|отдел[а-я]*\s)[{LOW}]*")

    def protected(self, text: str) -> list[tuple[str, int, int]]:
        keep = []
        for rx, kind in ((self._ORG_RE, "ORG"), (self._TOPONYM_RE, "TOPONYM"), (self._LAW_RE, "LAW"),
                         (self._STATE_RE, "STATE_BODY")):
            keep += [(kind, m.start(), m.end()) for m in rx.finditer(text)]
        keep += [("COURT", s, e) for s, e in court_mentions().find(text)]
        return keep

    _NAME_PATTERNS = (
        re.compile(rf"(?<![\w.])(?:{INIT}[ ]?){{1,2}}{WORD}"),  # Д.С. Ахметова
        re.compile(rf"{WORD}[ ](?:{INIT}[ ]?){{1,2}}"),  # Ахметова Д.С.
        re.compile(rf"{WORD}(?:[ ]{WORD}){{1,2}}"),  # two or three capitalised words, checked below
    )
    _LATIN_NAME_RE = re.compile(
        r"(?<![\w])(?:[A-Z][a-z]+[ ][A-Z][a-z]*(?:ov|ev|ova|eva|yev|yeva|in|ina|uly|kyzy|bek|bekov|bayev|bayeva)|"
        r"[A-Z][a-z]*(?:ov|ev|ova|eva|yev|yeva|bayev|bekov)[ ][A-Z][a-z]+|"
        r"[A-Z]{2,}(?:OV|EV|OVA|EVA|YEV|YEVA|BAYEV|BEKOV)[ ][A-Z]{2,}|"
        r"[A-Z]{2,}[ ][A-Z]{2,}(?:OV|EV|OVA|EVA|YEV|YEVA|IN|INA)|[A-Z][a-z]+(?:bayev|bekov|yev|ov))(?![\w])")
    _KIN_NAME_RE = re.compile(
        rf"(?:дочь|сын|дочери|сына|сыну|дочерью|сыном|ребен\w+|детей|дети|внук\w*|внучк\w*|ұлы|қызы|баласы|"
        rf"балалары|немересі|немерелері|қызының|ұлының|кенжесі)"
        rf"[ ]+({CAP})(?![ ][{UP}])")

    def find(self, text: str, keep: list[tuple[str, int, int]], lang: str | None = None
             ) -> tuple[list[NameSpan], list[tuple[int, int]]]:
        """(names of individuals, spans of judges and prosecutors in office). `text` should be folded."""
        candidates: list[tuple[int, int, str, float]] = []
        for i, rx in enumerate(self._NAME_PATTERNS):
            for m in rx.finditer(text):
                s, e = m.start(), m.end()
                span = text[s:e].rstrip()
                e = s + len(span)
                words = re.findall(rf"[{UP}{LOW}\-]+", span)
                if i == 2 and not any(PATRONYMIC.search(w) or SURNAME.search(w) for w in words):
                    continue
                if i < 2 and not _looks_like_surname(words, span):
                    continue
                candidates.append((s, e, f"rule{i + 1}", 0.85))
        candidates += [(m.start(), m.end(), "latin", 0.8) for m in self._LATIN_NAME_RE.finditer(text)]
        candidates += [(m.start(1), m.end(1), "kinship", 0.8) for m in self._KIN_NAME_RE.finditer(text)
                       if not _common(m.group(1).lower())]
        if self.use_ner and lang == "kk":
            # The project's Kazakh model (models/ner-kk, trained on KazNERD), next to the rules.
            candidates += [(s, e, "kaznerd", 0.8) for s, e in _kaznerd_persons(text)]
        if self.use_ner:
            for s, e in _natasha_persons(text):
                span = text[s:e]
                # Natasha reads Russian: a lone or upper-case word needs name morphology of its own.
                if (" " not in span.strip() or span.isupper()) and not (
                        any(PATRONYMIC.search(w) or SURNAME.search(w) for w in span.split())
                        or _pymorphy_is_name(span.split()[0])):
                    sentence_start = re.search(r"(?:^|[.!?:\n]\s*)$", text[max(0, s - 3) : s]) is not None
                    if sentence_start or span.lower() not in _name_lexicon():
                        continue
                candidates.append((s, e, "natasha", 0.8))
        split: list[tuple[int, int, str, float]] = []
        for s, e, rec, conf in candidates:
            pos = s
            for part in text[s:e].split("\n"):  # a name never runs across lines
                split.append((pos, pos + len(part), rec, conf))
                pos += len(part) + 1
        spans = []
        for s, e, rec, conf in split:
            s, e = _trim_name(text, s, e)
            if e - s < 2 or _overlaps_any(s, e, keep) or (_is_common_word(text[s:e])
                                                          and not _has_initials(text[s:e])):
                continue
            if not _plausible_name(text[s:e]):
                continue
            spans.append((s, e, rec, conf))
        spans = _merge_ranges(spans)
        officials = self._officials(text, spans)
        keys_official = {_name_key(text[s:e]) for s, e in officials}
        result: list[NameSpan] = []
        kept: list[tuple[int, int]] = []
        known_stems: dict[str, str] = {}
        for s, e, rec, conf in spans:
            if (s, e) in officials or (_has_initials(text[s:e]) and _name_key(text[s:e]) in keys_official):
                kept.append((s, e))
                continue
            result.append(NameSpan(s, e, rec, conf))
            stem = surname_stem(text[s:e])
            if stem and len(stem) >= 4:
                known_stems[stem] = stem
        # Later mentions by surname alone ("Жұмабекова", "Жұмабековтен").
        for m in re.finditer(rf"(?<![\w.]){WORD}", text):
            # the stem first: it rules out almost every word, and the overlap tests scan all spans
            if surname_stem(m.group(0)) not in known_stems:
                continue
            if _overlaps_any(m.start(), m.end(), [(None, r.start, r.end) for r in result]) or \
                    _overlaps_any(m.start(), m.end(), keep) or any(a <= m.start() < b for a, b in kept):
                continue
            if not _is_common_word(m.group(0)):
                result.append(NameSpan(m.start(), m.end(), "mention", 0.75))
        return result, kept

    def _in_panel_list(self, text: str, start: int) -> bool:
        if self.composition_re is None:
            return False
        window = text[max(0, start - 200) : start]
        cues = list(self.composition_re.finditer(window))
        if not cues:
            return False
        between = window[cues[-1].end() :]
        return self.list_glue_re.fullmatch(between) is not None

    def _officials(self, text: str, spans: list[tuple[int, int, str, float]]) -> set[tuple[int, int]]:
        out: set[tuple[int, int]] = set()
        prev_end = -100
        prev_official = False
        for s, e, _, _ in sorted(spans):
            raw = text[max(0, s - 90) : s]
            gap = text[prev_end:s] if prev_end >= 0 else ""
            listed = prev_official and re.fullmatch(r"[ ,]*(?:и|және|,)?[ ,]*", gap or "x") is not None
            low = raw.lower()
            if listed or (any(c in low for c in self._official_stems) and self.official_re.search(raw)) \
                    or self._in_panel_list(text, s):
                out.add((s, e))
                prev_official = True
            else:
                prev_official = False
            prev_end = e
        return out

@cache
def _name_lexicon() -> frozenset[str]:
    path = Path(__file__).resolve().parent.parent / "data" / "person_names.txt"
    with open(path, encoding="utf-8") as fh:
        return frozenset(ln.strip() for ln in fh if ln.strip() and not ln.startswith("#"))


@cache
def _pymorphy_is_name(word: str) -> bool:
    from assistant.ingest.langid import default_identifier

    parses = default_identifier().morph.parse(word.lower())
    return any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parses[:3])


def _plausible_name(span: str) -> bool:
    """Several words or initials make a name group; a single word must look like a name on its own."""
    words = re.findall(rf"[{UP}{LOW}]+", span)
    if len(words) >= 2 or _has_initials(span):
        return True
    w = words[0] if words else ""
    return bool(PATRONYMIC.search(w) or SURNAME.search(w) or w.lower() in _name_lexicon()
                or _pymorphy_is_name(w))


def _looks_like_surname(words: list[str], span: str) -> bool:
    longest = max(words, key=len) if words else ""
    return len(longest) >= 3 and not _is_common_word(longest)


def _has_initials(name: str) -> bool:
    return re.search(rf"{INIT}", name) is not None


def initial(name: str) -> str:
    words = [w for w in re.findall(rf"[{UP}{LOW}]+", name) if len(w) > 1]
    return (words[0][0].upper() if words else name[:1].upper()) or "X"


def surname_stem(name: str) -> str:
    words = [w for w in re.findall(rf"[{UP}{LOW}]+", name) if len(w) > 1]
    if not words:
        return ""
    w = words[0].lower()
    for suffix in _KK_CASE:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    else:
        for suffix in _RU_CASE:
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
    return w.rstrip("а") if w.endswith(("ова", "ева", "ина")) else w


def _name_key(name: str) -> str:
    initials = "".join(re.findall(rf"([{UP}])\.", name))
    return surname_stem(re.sub(rf"{INIT}", " ", name)) + "|" + initials


_TRIM_LEFT = re.compile(rf"^(?:[{LOW}]+[\s,:]+)+")


def _trim_name(text: str, s: int, e: int) -> tuple[int, int]:
    span = text[s:e]
    m = _TRIM_LEFT.match(span)
    if m:
        s += m.end()
    # Capitalised ordinary words at either end ("Республики Казахстан Каримов А.Ж.", "Прокурора …").
    while True:
        m = re.match(rf"([{UP}{LOW}\-]+)[ ,]+", text[s:e])
        if m and "." not in m.group(0) and (_is_common_word(m.group(1)) or (m.group(1).isupper()
                                            and len(m.group(1)) <= 5)):
            s += m.end()
            continue
        break
    while True:
        m = re.search(rf"[ ,]+([{UP}{LOW}\-]+)$", text[s:e])
        if m and _is_common_word(m.group(1)):
            e = s + m.start()
            continue
        break
    while s < e and not text[s].isalpha():
        s += 1
    while e > s and not (text[e - 1].isalpha() or text[e - 1] == "."):
        e -= 1
    # A trailing full stop belongs to an initial only.
    if e > s and text[e - 1] == "." and not re.search(rf"(?:^|\s|\.)[{UP}]\.$", text[s:e]):
        e -= 1
    return s, e


@cache
def _common_words() -> frozenset[str]:
    from assistant.ingest.langid import default_identifier

    ident = default_identifier()
    return frozenset(ident.kazakh_words | ident.russian_words)


_STRIP_KK = str.maketrans("әғқңөұүһі", "агкноуухи")
_KK_LETTER = re.compile("[әғқңөұүһі]")
_NOT_NAMES = frozenset({"ал", "бірақ", "алайда", "сондай", "сот", "шолу", "практика", "практикасына",
                        "установил", "постановил", "решил", "шешті", "қаулы", "определил", "суд",
                        "кодекстің", "азаматтық", "республики", "республикасы", "казахстан", "қазақстан",
                        "истец", "ответчик", "талап", "жауапкер", "судья", "прокурор"})


@cache
def _not_names() -> frozenset[str]:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return frozenset(w.lower() for w in yaml.safe_load(fh).get("not_names", []))


def _is_common_word(span: str) -> bool:
    words = [w.lower() for w in re.findall(rf"[{UP}{LOW}]+", span) if len(w) > 1]
    if not words:
        return True
    return all(_common(w) for w in words)


@cache
def _common(word: str) -> bool:
    """An ordinary word, not a name: in the language lists, or a Russian word pymorphy3 knows that is not
    a name (прокурора, республики), unless the names lexicon has it."""
    if word in _NOT_NAMES or word in _common_words() or word in _not_names():
        return True
    if word in _name_lexicon():
        return False
    from assistant.ingest.langid import default_identifier

    if word.translate(_STRIP_KK) in default_identifier().kazakh_words and _KK_LETTER.search(word):
        return True  # a frequent Kazakh word (денсаулық, федерациясына), never a KazNERD name
    from assistant.ingest.langid import default_identifier

    morph = default_identifier().morph
    if not morph.word_is_known(word):
        return False
    parses = morph.parse(word)
    return not any({"Name", "Surn", "Patr", "Geox"} & set(p.tag.grammemes) for p in parses[:3])


def _overlaps_any(s: int, e: int, spans: Iterable[tuple[Any, int, int]]) -> bool:
    return any(min(e, b) > max(s, a) for _, a, b in spans)


def _merge_ranges(spans: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    merged: list[tuple[int, int, str, float]] = []
    for s, e, rec, conf in sorted(spans):
        if merged and s < merged[-1][1]:
            ps, pe, prec, pconf = merged[-1]
            merged[-1] = (ps, max(pe, e), prec if prec == rec else f"{prec}+{rec}", max(pconf, conf))
        else:
            merged.append((s, e, rec, conf))
    return merged


@cache
def _natasha() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def _natasha_persons(text: str) -> list[tuple[int, int]]:
    from natasha import Doc

    segmenter, tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(s.start, s.stop) for s in doc.spans if s.type == "PER"]




KAZAKH_NER_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "ner-kk"


@cache
def _kazakh_ner() -> Any:
    if not (KAZAKH_NER_DIR / "meta.json").exists():
        return None
    import spacy

    import assistant.nlp.kk  # noqa: F401  (registers the Kazakh language class)

    return spacy.load(KAZAKH_NER_DIR)


def _kaznerd_persons(text: str) -> list[tuple[int, int]]:
    nlp = _kazakh_ner()
    if nlp is None:
        return []
    return [(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ == "PERSON"]


@cache
def default_name_finder(use_ner: bool = True) -> NameFinder:
    with open(DATA_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return NameFinder(data["officials"], data["office_words"], use_ner=use_ner,
                      composition_cues=data.get("composition_cues", ()),
                      list_glue_words=data.get("list_glue_words", ()))
