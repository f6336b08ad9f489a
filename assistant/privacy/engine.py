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
from assistant.nlp.dates import find_dates
from assistant.nlp.identifiers import find_identifiers
from assistant.nlp.names import (
    CAP,
    default_name_finder,
    fold,
    initial,
    surname_stem,
)

POLICY_FILE = Path(__file__).with_name("policy.yaml")
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


def _cue_list(words: Iterable[str]) -> re.Pattern[str]:
    """Cue words as one pattern: abbreviations in capitals (ТОО, АҚ) match as whole words in capitals only;
    other cues match as word beginnings in any case."""
    alts = []
    for w in sorted(set(words), key=len, reverse=True):
        if w.isupper():
            alts.append(rf"(?-i:(?<![\w]){re.escape(w)}(?![\w]))")
        else:
            alts.append(re.escape(w))
    return re.compile(rf"(?:{'|'.join(alts)})", re.IGNORECASE)


class Depersonalizer:
    def __init__(self, policy: dict[str, Any], use_ner: bool = True) -> None:
        self.policy = policy
        self.use_ner = use_ner
        self.org_cues = _cue_list(policy["organisation_cues"])
        self.personal_cues = _cue_list(policy["personal_cues"])
        self.home_cues = _cue_list(policy["home_address_cues"])
        self.official_addr_cues = _cue_list(policy["official_address_cues"])
        self.health_cue = _cue_list(policy["health_cues"])
        self.names = default_name_finder(use_ner)
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
        keep_types = set(self.policy.get("keep", ["OFFICIAL", "COURT", "ORG", "STATE_BODY", "LAW", "TOPONYM"]))
        keep = [k for k in self.keep_spans(folded) if k[0] in keep_types]
        found: list[MaskSpan] = self.persons(folded, keep, out_lang)
        person_ends = [s.end for s in found]
        self._org_ends = [e for kind, _, e in keep if kind in ("ORG", "COURT", "STATE_BODY")]
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
    def keep_spans(self, text: str) -> list[tuple[str, int, int]]:
        return self.names.protected(text)

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
        lo = max(0, start - 60, text.rfind("\n", 0, start) + 1 if kind == "IBAN" else start - 160)
        window = text[lo:start]
        # "на счёте в «X Банк» АҚ-дағы …": the bank where a person's account is, not the account's owner.
        org = [m.end() for m in self.org_cues.finditer(window) if not _LOCATIVE.search(window[m.end() :])]
        org += [e - lo for e in getattr(self, "_org_ends", []) if lo <= e <= start
                and not _LOCATIVE.search(text[e:start])]
        person = [m.end() for m in self.personal_cues.finditer(window)]
        person += [e - lo for e in person_ends if lo <= e <= start]
        if not org:
            return False
        return not person or max(org) > max(person)

    # --- addresses --------------------------------------------------------------------------------------------
    _ADDR_START = (rf"(?:г\.\s?{CAP}|город[а-я]*\s{CAP}|{CAP}(?:ская|ской)\s(?:область|области)|{CAP}\s(?:облысы|"
                   rf"облысының)|{CAP}(?:-{CAP})?\s(?:қаласы|қаласының|ауылы|кенті)|с\.\s?{CAP}|пос\.\s?{CAP}|"
                   rf"село\s{CAP}|ауыл[ы]?\s{CAP})")
    _ADDR_PART = r"(?![^,;\n]*(?:\d{4}|года|жылғы|\sЯ\b))[^,;\n()«»]{1,60}"  # never a date or a new sentence
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
    def birth_dates(self, text: str) -> list[MaskSpan]:
        out = []
        for m in find_dates(text):
            start, end = m.start, m.end
            before = text[max(0, start - 25) : start]
            # The cue may begin inside what the date finder took as the date's tail ("21.09.2014 г.р.").
            core = start + len(re.sub(r"\s?(?:года|г\.|ж\.|жыл)$", "", m.text))
            after = text[core : core + 30]
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
    def persons(self, text: str, keep: list[tuple[str, int, int]], lang: str | None = None) -> list[MaskSpan]:
        found, officials = self.names.find(text, keep, lang)
        spans = [MaskSpan("PERSON", n.start, n.end, "", n.recognizer, n.confidence) for n in found]
        if "OFFICIAL" in self.policy.get("keep", ["OFFICIAL"]):
            keep.extend(("OFFICIAL", s, e) for s, e in officials)
        else:  # the policy masks judges and prosecutors too
            spans += [MaskSpan("PERSON", s, e, "", "official", 0.9) for s, e in officials]
        return spans

    # --- replacements -------------------------------------------------------------------------------------------
    def _replace(self, spans: list[MaskSpan], text: str, lang: str) -> None:
        table = self.policy["replacement"][lang]
        roles_by_key: dict[str, str] = {}
        for s in spans:
            if s.type != "PERSON":
                s.replacement = table.get(s.type, "[…]")
                continue
            key = surname_stem(text[s.start : s.end]) or text[s.start : s.end].lower()
            before = text[max(0, s.start - 30) : s.start].lower().rstrip(" ,:")
            role_here = next((role for form, role in self.roles[lang] if before.endswith(form)), None)
            if key not in roles_by_key:
                roles_by_key[key] = role_here or ""
            role = roles_by_key[key]
            first = initial(text[s.start : s.end])
            # The role word already stands before this mention: do not repeat it.
            shown_role = "" if role_here or not role else role + " "
            s.replacement = table["PERSON"].format(role=shown_role, initial=first)


# "«Сенім Банк» АҚ-дағы шот", "счёт в АО «…»": the bank where an account is kept, not its owner.
_LOCATIVE = re.compile(r"-?[дт][аә]ғы\b|-?[дт]егі\b|\bв\s+(?:АО|банке|«)")


def _inside_keep(span: MaskSpan, keep: list[tuple[str, int, int]]) -> bool:
    if span.type != "PERSON":
        return False
    return any(a <= span.start and span.end <= b for _, a, b in keep)


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


def remask(original: str, spans: list[MaskSpan], lang: str = "ru") -> Anonymized:
    """The masked text for a list of spans a consultant has edited (masks added or removed in the app).

    Added spans need only type, start and end: the replacement comes from the policy for their type."""
    table = load_policy()["replacement"]["kk" if lang == "kk" else "ru"]
    fixed = []
    for s in sorted(spans, key=lambda x: x.start):
        if not 0 <= s.start < s.end <= len(original):
            raise ValueError(f"span {s.start}–{s.end} is outside the text")
        if fixed and s.start < fixed[-1].end:
            raise ValueError(f"spans {fixed[-1].start}–{fixed[-1].end} and {s.start}–{s.end} overlap")
        replacement = s.replacement or table.get(s.type, "[…]").format(role="", initial=original[s.start][:1])
        fixed.append(MaskSpan(s.type, s.start, s.end, replacement, s.recognizer or "consultant", s.confidence,
                              original[s.start : s.end]))
    return Anonymized(_apply(original, fixed), fixed, lang)


@cache
def default_depersonalizer(use_ner: bool = True) -> Depersonalizer:
    return Depersonalizer(load_policy(), use_ner=use_ner)


def anonymize(text: str, *, lang: str | None = None, category: str | None = None, flags: Iterable[str] = (),
              use_ner: bool = True) -> Anonymized:
    """Mask the personal data in `text` under the project's policy (assistant/privacy/policy.yaml)."""
    return default_depersonalizer(use_ner).anonymize(text, lang=lang, category=category, flags=flags)
