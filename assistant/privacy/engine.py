"""Depersonalisation: find personal data in Russian and Kazakh text and mask it, explaining every mask.

Recognisers run on a copy of the text where Latin look-alike letters in Cyrillic names are folded to
Cyrillic one for one, so every span maps back to the original text unchanged. Personal data found:
identifiers with check digits (assistant.nlp.identifiers), addresses, dates of birth, health data and
names of individuals (natasha for Russian and Kazakh names, plus rules for initials, patronymics -ұлы/-қызы
and later mentions). Never masked: judges and prosecutors in office, courts, organisations, state bodies,
legal norms. The mapping from masks to originals stays with the caller (spans keep the original only when
asked for).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from assistant.ingest.langid import identify_document
from assistant.nlp.identifiers import find_identifiers

POLICY_FILE = Path(__file__).with_name("policy.yaml")
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


@dataclass
class MaskSpan:
    type: str
    start: int
    end: int
    replacement: str
    recognizer: str
    confidence: float
    original: str = field(default="", repr=False)

    def to_json(self, with_original: bool = False) -> dict[str, Any]:
        d = {"type": self.type, "start": self.start, "end": self.end, "replacement": self.replacement,
             "recognizer": self.recognizer, "confidence": round(self.confidence, 3)}
        if with_original:
            d["original"] = self.original
        return d


@dataclass
class Anonymized:
    text: str
    spans: list[MaskSpan]
    lang: str
    kept: list[tuple[str, int, int]] = field(default_factory=list)  # (type, start, end) never masked

    def to_json(self, with_original: bool = False) -> dict[str, Any]:
        return {"text": self.text, "lang": self.lang, "spans": [s.to_json(with_original) for s in self.spans]}


@cache
def load_policy(path: Path = POLICY_FILE) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


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


def _cue_list(words: Iterable[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?:{alts})", re.IGNORECASE)


class Depersonalizer:
    def __init__(self, policy: dict[str, Any], use_ner: bool = True) -> None:
        self.policy = policy
        self.use_ner = use_ner
        self.org_cues = _cue_list(policy["organisation_cues"])
        self.personal_cues = _cue_list(policy["personal_cues"])
        self.home_cues = _cue_list(policy["home_address_cues"])
        self.official_addr_cues = _cue_list(policy["official_address_cues"])
        self.health_cue = _cue_list(policy["health_cues"])
        officials = sorted(policy["officials"], key=len, reverse=True)
        # A judge's or prosecutor's word, then at most seven words of their office ("Судья Кассационного
        # суда по гражданским делам", "прокурора Генеральной прокуратуры РК") and no sentence break.
        office = "|".join(re.escape(w) for w in sorted(policy["office_words"], key=len, reverse=True))
        self._official_stems = tuple({o.lower()[:5] for o in officials})
        self.official_re = re.compile(
            r"(?:^|[\s(«])(?i:" + "|".join(re.escape(o) for o in officials) + r")"
            rf"(?:[ ]+(?:[{UP}][^\s.,;:!?()«»]*|(?i:{office})(?=[ ,:])))" + r"{0,7}[\s:,]*$")
        self.roles: dict[str, list[tuple[str, str]]] = {}
        for lang, table in policy["roles"].items():
            self.roles[lang] = sorted(((form, role) for role, forms in table.items() for form in forms),
                                      key=lambda fr: -len(fr[0]))
        before = "|".join(re.escape(w) for w in policy["birth_cues"]["before"])
        after = "|".join(re.escape(w) for w in policy["birth_cues"]["after"])
        self.birth_before = re.compile(rf"(?:{before})\s*$", re.IGNORECASE)
        self.birth_after = re.compile(rf"^[\s,)]*(?:{after})", re.IGNORECASE)

    # --- public ------------------------------------------------------------------------------------------
    def anonymize(self, text: str, *, lang: str | None = None, category: str | None = None,
                  flags: Iterable[str] = ()) -> Anonymized:
        lang = lang if lang in ("ru", "kk") else identify_document(text)
        out_lang = "kk" if lang == "kk" else "ru"
        folded = fold(text)
        keep = self.keep_spans(folded)
        found: list[MaskSpan] = self.persons(folded, keep)
        person_ends = [s.end for s in found]
        org_plaintiff = "KZ" in folded and self._plaintiff_is_organisation(folded, keep, found)
        found += self.identifiers(folded, person_ends, org_plaintiff)
        found += self.addresses(folded)
        found += self.birth_dates(folded)
        found += self.health(folded)
        masked_types = set(self.policy["mask"])
        if self.names_mode(category, flags) == "parties_only":
            found = [s for s in found if s.type != "PERSON" or not self._non_party(folded, s.start)]
        spans = _resolve([s for s in found if s.type in masked_types and not _inside_keep(s, keep)])
        self._replace(spans, folded, out_lang)
        for s in spans:
            s.original = text[s.start : s.end]
        return Anonymized(_apply(text, spans), spans, out_lang, keep)

    def names_mode(self, category: str | None, flags: Iterable[str] = ()) -> str:
        """"all_individuals" or "parties_only": the policy's rule, made strict for sensitive cases."""
        strict = self.policy["strict"]
        if category in strict["categories"] or set(flags) & set(strict["flags"]):
            return str(strict["names"])
        return str(self.policy["names"])

    def _non_party(self, text: str, start: int) -> bool:
        before = text[max(0, start - 40) : start].lower().rstrip(" ,:")
        return any(before.endswith(w) for w in self.policy["non_party_roles"])

    # --- keep-list ------------------------------------------------------------------------------------------
    _ORG_RE = re.compile(
        r"(?:(?:ТОО|АО|ЖШС|АҚ|ИП|ЖК|ГУ|КГУ|КГП|ГКП|РГП|РМК|МФО|ОСИ|ПИБ|ПК|НАО|КеАҚ|МКО|Банк|банк|"
        r"компания|Компания)\s*«[^»\n]{1,80}»(?:\s*(?:ЖШС|АҚ|ЖК))?|«[^»\n]{1,80}»\s*(?:ЖШС|АҚ|ЖК|ТОО|АО))")
    _COURT_RE = re.compile(
        rf"(?:(?:{WORD}|[{LOW}]+(?:ого|ый|ий|ой|ая)|№\s?\d+)[\s\-]+){{0,6}}"
        rf"(?:[{UP}{LOW}]+(?:ого|ый|ий|ой|ая|дық|лық|тық|тік|дік|лік|ный|ский|сы|ci)|№\s?\d+|Суд|Сот)[\s\-]+"
        rf"(?:суд[а-я]{{0,3}}|сот[а-яқңғүұөәі]{{0,6}}|СУД[А-Я]{{0,3}}|СОТ[А-ЯҚҢҒҮҰӨӘІ]{{0,6}})\b"
        rf"|(?:Верховн|Кассационн|Жоғарғы|Кассациялық)[{LOW}]*\s(?:[{LOW}]+\s){{0,5}}(?:суд|сот)[{LOW}]*")
    _COURT_WORD = re.compile(r"(?:суд[а-я]{0,3}|сот[а-яқңғүұөәі]{0,6}|СУД[А-Я]{0,3}|СОТ[А-ЯҚҢҒҮҰӨӘІ]{0,6})\b")
    _TOPONYM_RE = re.compile(
        rf"(?:ул\.|улиц[аеуыой]{{1,2}}|пр\.|просп\.|проспект[а-я]{{0,2}}|мкр\.|микрорайон[а-я]{{0,2}}|"
        rf"им\.|имени|бульвар[а-я]{{0,2}}|переул[а-я]{{0,4}}|пос[её]л[а-я]{{0,3}})\s*{CAP}(?:\s+{CAP})?"
        rf"|(?:г\.|город[а-я]{{0,2}}|област[ьи]|района|район)\s*{CAP}(?:-{CAP})?"
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

    def keep_spans(self, text: str) -> list[tuple[str, int, int]]:
        keep = []
        for rx, kind in ((self._ORG_RE, "ORG"), (self._TOPONYM_RE, "TOPONYM"), (self._LAW_RE, "LAW"),
                         (self._STATE_RE, "STATE_BODY")):
            keep += [(kind, m.start(), m.end()) for m in rx.finditer(text)]
        for anchor in self._COURT_WORD.finditer(text):
            lo = max(0, anchor.start() - 120)
            # The court's name ends at this word: match the name backwards from it, in a short window.
            for m in self._COURT_RE.finditer(text, lo, anchor.end()):
                if m.end() == anchor.end() and (m.group(0)[:1].isupper() or "№" in m.group(0)):
                    keep.append(("COURT", m.start(), m.end()))
                    break
        return keep

    # --- identifiers ------------------------------------------------------------------------------------------
    _PLAINTIFF_ROLE = re.compile(r"(?:истц[ау]|истец|талап\s+қоюшы(?:ның|ға)?)\W{0,12}$", re.IGNORECASE)

    def _plaintiff_is_organisation(self, text: str, keep: list[tuple[str, int, int]],
                                   persons: list[MaskSpan]) -> bool:
        """Whether the claimant is a company: the first party after «по иску», or at the start of the line of
        the Kazakh «…-нің … талабы бойынша», is an organisation, not a person."""
        low = text.lower()
        i = low.find("по иску")
        if i >= 0:
            pos = i + len("по иску")
        else:
            j = max(low.find("талабы бойынша"), low.find("талабі бойынша"))
            if j < 0:
                return False
            pos = low.rfind("\n", 0, j) + 1
        orgs = [a for kind, a, _ in keep if kind == "ORG" and a >= pos]
        people = [p.start for p in persons if p.start >= pos]
        return bool(orgs) and (not people or min(orgs) < min(people))

    def identifiers(self, text: str, person_ends: list[int] = (),  # type: ignore[assignment]
                    org_plaintiff: bool = False) -> list[MaskSpan]:
        out = []
        for m in find_identifiers(text):
            if m.type == "ORG_BIN":
                continue
            if m.type in ("IBAN", "PHONE", "EMAIL") and self._belongs_to_organisation(
                    text, m.start, m.type, m.text, person_ends):
                continue
            if org_plaintiff and m.type == "IBAN" and self._PLAINTIFF_ROLE.search(text[max(0, m.start - 40):
                                                                                      m.start].replace("шоты", "")):
                continue
            out.append(MaskSpan(m.type, m.start, m.end, "", m.recognizer, m.confidence))
        return out

    def _belongs_to_organisation(self, text: str, start: int, kind: str, value: str,
                                 person_ends: list[int]) -> bool:
        if kind == "EMAIL":
            local, _, domain = value.lower().partition("@")
            if any(domain.endswith(d) for d in self.policy["organisation_email_domains"]):
                return True
            parts = set(re.split(r"[.\-_+\d]+", local))
            return bool(parts & set(self.policy["organisation_email_parts"]))
        # The nearest owner before the number decides: an organisation word, or a person (a personal cue
        # or a name). With neither, the number is treated as personal: masking too much is the safe side.
        lo = max(0, start - 60)
        window = text[lo:start]
        org = [m.end() for m in self.org_cues.finditer(window)]
        person = [m.end() for m in self.personal_cues.finditer(window)]
        person += [e - lo for e in person_ends if lo <= e <= start]
        if not org:
            return False
        return not person or max(org) > max(person)

    # --- addresses --------------------------------------------------------------------------------------------
    _ADDR_START = (rf"(?:г\.\s?{CAP}|город[а-я]*\s{CAP}|{CAP}(?:ская|ской)\s(?:область|области)|{CAP}\s(?:облысы|"
                   rf"облысының)|{CAP}(?:-{CAP})?\s(?:қаласы|қаласының|ауылы|кенті)|с\.\s?{CAP}|пос\.\s?{CAP}|"
                   rf"село\s{CAP}|ауыл[ы]?\s{CAP})")
    _ADDR_PART = r"[^,;\n()«»]{1,60}"
    _ADDR_HOUSE = (r"(?:д\.\s?\d+[а-яА-Я]?(?:/\d+)?|дом\s\d+|\d+[а-яА-Я]?-үй(?:дің)?|үй\s?№?\s?\d+|кв\.\s?\d+|"
                   r"квартира\s\d+|\d+-пәтер(?:дегі)?|пәтер\s?№?\s?\d+)")
    _ADDR_RE = re.compile(
        rf"{_ADDR_START}(?:,\s?{_ADDR_PART})*?,\s?{_ADDR_HOUSE}(?:,\s?{_ADDR_HOUSE})*")

    def addresses(self, text: str) -> list[MaskSpan]:
        out = []
        for m in self._ADDR_RE.finditer(text):
            before = text[max(0, m.start() - 70) : m.start()]
            after = text[m.end() : m.end() + 30]
            flat = re.search(r"кв\.|квартира|пәтер", m.group(0))
            home = [c.end() for c in self.home_cues.finditer(before + " " + after)]
            official = [c.end() for c in self.official_addr_cues.finditer(before)]
            if official and not flat and (not home or max(official) > max(home)):
                continue
            out.append(MaskSpan("ADDRESS", m.start(), m.end(), "", "address", 0.9 if flat or home else 0.6))
        return out

    # --- dates of birth ----------------------------------------------------------------------------------------
    _MONTHS = (r"(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*|"
               r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)[а-яәғқңөұүһі]*")
    _DATE_RE = re.compile(
        rf"(?:\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|«?\d{{1,2}}»?\s(?:{_MONTHS})\s\d{{4}}(?:\s?(?:года|г\.))?|"
        rf"\d{{4}}\s?жылғы\s\d{{1,2}}\s(?:{_MONTHS}))")

    def birth_dates(self, text: str) -> list[MaskSpan]:
        out = []
        for m in self._DATE_RE.finditer(text):
            start, end = m.start(), m.end()
            m.group(0)
            before = text[max(0, start - 25) : start]
            after = text[end : end + 25]
            if self.birth_before.search(before) or self.birth_after.match(after):
                out.append(MaskSpan("BIRTH_DATE", start, end, "", "birth_date", 0.95))
        return out

    # --- health -----------------------------------------------------------------------------------------------
    _ICD_RE = re.compile(r"(?<![\w.])[A-TV-Z]\d{2}(?:\.\d{1,2})?(?![\w])")
    _DIAG_AFTER_RE = re.compile(
        r"(?P<cue>с диагнозом|диагноз[:\s]|диагнозом|диагнозы|страдает|страдал[а]?|перен[её]с(?:ла)?\b|"
        r"установлен[аы]?|выявлен[аоы]?|причинен[аы]?|получил[а]?|диагноз қойылды|анықталды)\s*[«\"]?"
        r"(?P<d>[^,;.()«»\n]{4,80}?(?:,\s(?!код)[^,;.()«»\n]{4,60}?)?)"
        r"(?=\s*(?:\(|,|;|\.|\s[-–]\s|$))", re.IGNORECASE)
    _DIAG_BEFORE_CUE = re.compile(r"\s+(?:диагнозымен|диагнозы\s+қойыл\w*|ауруымен|ауруына|деген\s+диагноз\w*)",
                                  re.IGNORECASE)
    _DIAG_BEFORE_PHRASE = re.compile(r"(?P<d>[а-яәғқңөұүһі][^,;.()«»\n]{3,70})$", re.IGNORECASE)
    _MEDICAL = re.compile(
        r"травм|перелом|инсульт|инфаркт|деменц|шизофрен|расстройств|паралич|астм|диабет|онко|рак[а-я]*\b|"
        r"опухол|гепатит|туберкул|ВИЧ|сотрясен|ушиб|ожог|инвалид|беремен|заболеван|болезн|синдром|психи|"
        r"эпилеп|слепот|глух|ампутац|ауру|сынған|сынуы|жарақат|мүгедек|дефект|аутизм|невроз|депресс|"
        r"цирроз|артрит|остеохондроз|пневмони|ковид|COVID|миокард|гипертон|тромбоз|кисти|ранени", re.IGNORECASE)
    _DISABILITY_RE = re.compile(
        r"инвалид\w*(?:\s+с детства)?\s+[IV]{1,3}\s+групп\w*(?:\s+(?:с детства|по общему заболеванию))?|"
        r"[IV]{1,3}\s+групп[ыа]\s+инвалидност[ьи]|(?:бірінші|екінші|үшінші|[IV]{1,3})\s+топтағы\s+мүгедек[а-яәғқңөұүһі]*|беременност[ьи]|"
        r"жүкті(?:лік)?[а-яәғқңөұүһі]*", re.IGNORECASE)

    _PHRASE_STOP = re.compile(
        r"^.*(?:[,.;:\n]|\b(?:с диагнозом|диагнозом|диагноз|страдает|страдал[а]?|по поводу|в связи с|наличие|"
        r"является|имеет|была|был|мен|және|отмечается|установлен[аы]?)\b)\s*", re.IGNORECASE | re.DOTALL)

    def health(self, text: str) -> list[MaskSpan]:
        out = []
        for m in self._ICD_RE.finditer(text):
            before = text[max(0, m.start() - 150) : m.start()]
            bracket = re.search(r"\(\s*(?:[A-TV-Z]\d{2}(?:\.\d{1,2})?,\s*)*$", before)
            if not (self.health_cue.search(before) or (bracket and self._MEDICAL.search(before[-90:]))):
                continue
            out.append(MaskSpan("HEALTH", m.start(), m.end(), "", "icd10", 0.95))
            if bracket and bracket.group(0).strip() == "(":
                # "перелом левой бедренной кости (S72.0)": the words before the code are the diagnosis.
                head = before[: bracket.start()]
                phrase = self._PHRASE_STOP.sub("", head[-90:]).strip()
                if phrase and len(phrase) >= 4 and not phrase[0].isupper():
                    start = m.start() - (len(before) - bracket.start()) - len(head) + head.rfind(phrase)
                    out.append(MaskSpan("HEALTH", start, start + len(phrase), "", "diagnosis", 0.8))
        for m in self._DIAG_AFTER_RE.finditer(text):
            d = m.group("d").strip()
            if not d or (d[0].isupper() and not d.isupper()):
                continue
            if "диагноз" not in m.group("cue").lower() and not self._MEDICAL.search(d):
                continue
            start = m.start("d") + m.group("d").find(d)
            out.append(MaskSpan("HEALTH", start, start + len(d), "", "diagnosis", 0.7))
        for cue in self._DIAG_BEFORE_CUE.finditer(text):
            # Kazakh puts the diagnosis before its cue: "… эпилепсия диагнозымен".
            head = text[max(0, cue.start() - 74) : cue.start()]
            m = self._DIAG_BEFORE_PHRASE.search(head)
            if m is None or not self._MEDICAL.search(m.group("d")):
                continue
            d = m.group("d").strip()
            start = cue.start() - len(head) + m.start("d") + m.group("d").find(d)
            out.append(MaskSpan("HEALTH", start, start + len(d), "", "diagnosis", 0.7))
        for m in self._DISABILITY_RE.finditer(text):
            out.append(MaskSpan("HEALTH", m.start(), m.end(), "", "disability", 0.8))
        return out

    # --- names of individuals ---------------------------------------------------------------------------------------
    _NAME_PATTERNS = (
        re.compile(rf"(?<![\w.])(?:{INIT}[ ]?){{1,2}}{WORD}"),  # Д.С. Ахметова
        re.compile(rf"{WORD}[ ](?:{INIT}[ ]?){{1,2}}"),  # Ахметова Д.С.
        re.compile(rf"{WORD}(?:[ ]{WORD}){{1,2}}"),  # two or three capitalised words, checked below
    )
    _LATIN_NAME_RE = re.compile(
        r"(?<![\w])(?:[A-Z][a-z]+[ ][A-Z][a-z]*(?:ov|ev|ova|eva|yev|yeva|in|ina|uly|kyzy|bek|bekov|bayev|bayeva)|"
        r"[A-Z][a-z]*(?:ov|ev|ova|eva|yev|yeva|bayev|bekov)[ ][A-Z][a-z]+|"
        r"[A-Z]{2,}(?:OV|EV|OVA|EVA|YEV|YEVA|BAYEV|BEKOV)[ ][A-Z]{2,}|[A-Z][a-z]+(?:bayev|bekov|yev|ov))(?![\w])")
    _KIN_NAME_RE = re.compile(
        rf"(?:дочь|сын|дочери|сына|сыну|дочерью|сыном|ребен\w+|детей|ұлы|қызы|баласы|немересі|қызының|ұлының)"
        rf"[ ]+({CAP})(?![ ][{UP}])")

    def persons(self, text: str, keep: list[tuple[str, int, int]]) -> list[MaskSpan]:
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
            if e - s < 2 or _overlaps_any(s, e, keep) or _is_common_word(text[s:e]):
                continue
            if not _plausible_name(text[s:e]):
                continue
            spans.append((s, e, rec, conf))
        spans = _merge_ranges(spans)
        officials = self._officials(text, spans)
        keys_official = {_name_key(text[s:e]) for s, e in officials}
        result = []
        known_stems: dict[str, str] = {}
        for s, e, rec, conf in spans:
            if (s, e) in officials or (_has_initials(text[s:e]) and _name_key(text[s:e]) in keys_official):
                keep.append(("OFFICIAL", s, e))
                continue
            result.append(MaskSpan("PERSON", s, e, "", rec, conf))
            stem = _surname_stem(text[s:e])
            if stem and len(stem) >= 4:
                known_stems[stem] = stem
        # Later mentions by surname alone ("Жұмабекова", "Жұмабековтен").
        for m in re.finditer(rf"(?<![\w.]){WORD}", text):
            if _overlaps_any(m.start(), m.end(), [(None, r.start, r.end) for r in result]) or \
                    _overlaps_any(m.start(), m.end(), keep):
                continue
            stem = _surname_stem(m.group(0))
            if stem in known_stems and not _is_common_word(m.group(0)):
                result.append(MaskSpan("PERSON", m.start(), m.end(), "", "mention", 0.75))
        return result

    def _officials(self, text: str, spans: list[tuple[int, int, str, float]]) -> set[tuple[int, int]]:
        out: set[tuple[int, int]] = set()
        prev_end = -100
        prev_official = False
        for s, e, _, _ in sorted(spans):
            raw = text[max(0, s - 90) : s]
            gap = text[prev_end:s] if prev_end >= 0 else ""
            listed = prev_official and re.fullmatch(r"[\s,]*(?:и|және|,)?[\s,]*", gap or "x") is not None
            low = raw.lower()
            if listed or (any(c in low for c in self._official_stems) and self.official_re.search(raw)):
                out.add((s, e))
                prev_official = True
            else:
                prev_official = False
            prev_end = e
        return out

    # --- replacements -------------------------------------------------------------------------------------------
    def _replace(self, spans: list[MaskSpan], text: str, lang: str) -> None:
        table = self.policy["replacement"][lang]
        roles_by_key: dict[str, str] = {}
        for s in spans:
            if s.type != "PERSON":
                s.replacement = table.get(s.type, "[…]")
                continue
            key = _surname_stem(text[s.start : s.end]) or text[s.start : s.end].lower()
            before = text[max(0, s.start - 30) : s.start].lower().rstrip(" ,:")
            role_here = next((role for form, role in self.roles[lang] if before.endswith(form)), None)
            if key not in roles_by_key:
                roles_by_key[key] = role_here or ""
            role = roles_by_key[key]
            initial = _initial(text[s.start : s.end])
            # The role word already stands before this mention: do not repeat it.
            shown_role = "" if role_here or not role else role + " "
            s.replacement = table["PERSON"].format(role=shown_role, initial=initial)


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


def _initial(name: str) -> str:
    words = [w for w in re.findall(rf"[{UP}{LOW}]+", name) if len(w) > 1]
    return (words[0][0].upper() if words else name[:1].upper()) or "X"


def _surname_stem(name: str) -> str:
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
    return _surname_stem(re.sub(rf"{INIT}", " ", name)) + "|" + initials


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


def _is_common_word(span: str) -> bool:
    words = [w.lower() for w in re.findall(rf"[{UP}{LOW}]+", span) if len(w) > 1]
    if not words:
        return True
    return all(_common(w) for w in words)


@cache
def _common(word: str) -> bool:
    """An ordinary word, not a name: in the language lists, or a Russian word pymorphy3 knows that is not
    a name (прокурора, республики), unless the names lexicon has it."""
    if word in _NOT_NAMES or word in _common_words():
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


def _inside_keep(span: MaskSpan, keep: list[tuple[str, int, int]]) -> bool:
    if span.type != "PERSON":
        return False
    return any(a <= span.start and span.end <= b for _, a, b in keep)


def _merge_ranges(spans: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    merged: list[tuple[int, int, str, float]] = []
    for s, e, rec, conf in sorted(spans):
        if merged and s < merged[-1][1]:
            ps, pe, prec, pconf = merged[-1]
            merged[-1] = (ps, max(pe, e), prec if prec == rec else f"{prec}+{rec}", max(pconf, conf))
        else:
            merged.append((s, e, rec, conf))
    return merged


def _resolve(spans: list[MaskSpan]) -> list[MaskSpan]:
    """Overlapping masks: the longer one wins (ties: the more confident)."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), -s.confidence))
    chosen: list[MaskSpan] = []
    for s in ordered:
        if not any(min(s.end, c.end) > max(s.start, c.start) for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)


def _apply(text: str, spans: list[MaskSpan]) -> str:
    out, pos = [], 0
    for s in spans:
        out.append(text[pos : s.start])
        # "истца А." before the sentence's own full stop: one full stop is enough.
        out.append(s.replacement[:-1] if s.replacement.endswith(".") and text[s.end : s.end + 1] == "."
                   else s.replacement)
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


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


@cache
def default_depersonalizer(use_ner: bool = True) -> Depersonalizer:
    return Depersonalizer(load_policy(), use_ner=use_ner)


def anonymize(text: str, *, lang: str | None = None, category: str | None = None, flags: Iterable[str] = (),
              use_ner: bool = True) -> Anonymized:
    """Mask the personal data in `text` under the project's policy (assistant/privacy/policy.yaml)."""
    return default_depersonalizer(use_ner).anonymize(text, lang=lang, category=category, flags=flags)
