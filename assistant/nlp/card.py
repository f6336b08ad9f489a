"""The petition card: the facts of a complaint, each with its place in the text (regulation §7.2.1–7.2.3).

build_card() runs the language's spaCy pipeline (assistant.nlp.pipeline) and reads its span groups —
parties with their roles, courts with their level and region, case numbers, dates with their roles,
amounts, ИИН/БИН, phones, e-mails — then the admissibility checks of assistant.checks. Role words are
SpanRuler patterns (assistant/data/patterns/role_cues.jsonl); court levels are data
(assistant/data/card_roles.yaml).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from assistant.checks import CheckResult, run_checks
from assistant.ingest.langid import identify_document
from assistant.nlp.case_numbers import regions
from assistant.nlp.courts import match_court
from assistant.nlp.pipeline import pipeline

ROLES_FILE = Path(__file__).resolve().parent.parent / "data" / "card_roles.yaml"


@dataclass
class Found:
    text: str
    start: int
    end: int
    value: Any = None
    role: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PetitionCard:
    lang: str
    parties: list[Found]
    courts: list[Found]
    case_numbers: list[Found]
    dates: list[Found]
    amounts: list[Found]
    iin_bin: list[Found]
    phones: list[Found]
    emails: list[Found]
    checks: list[CheckResult]

    def dates_by_role(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for d in self.dates:
            if d.role and d.role != "other":
                out.setdefault(d.role, d.value)
        return out

    def to_json(self, lang: str = "ru") -> dict[str, Any]:
        def items(xs: list[Found]) -> list[dict[str, Any]]:
            return [{k: v for k, v in asdict(x).items() if v not in (None, {})} for x in xs]

        return {"lang": self.lang, "parties": items(self.parties), "courts": items(self.courts),
                "case_numbers": items(self.case_numbers), "dates": self.dates_by_role(),
                "date_mentions": items(self.dates), "amounts_kzt": items(self.amounts),
                "iin_bin": items(self.iin_bin), "phones": items(self.phones), "emails": items(self.emails),
                "checks": [c.to_json(lang) for c in self.checks]}


@cache
def _roles() -> dict[str, Any]:
    with open(ROLES_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


_SPACES = re.compile(r"\s+")


def _role_before(cues: list[tuple[int, int, str]], start: int, text: str) -> str | None:
    """The role of the cue word that ends nearest before `start` (a few characters, allowing
    "Заявитель (истец):", "талап қоюшы –", "по доверенности"; a run of spaces in a signature line counts
    as one)."""
    best: tuple[int, str] | None = None
    for _, cue_end, role in cues:
        if cue_end <= start and start - cue_end <= 200 and len(_SPACES.sub(" ", text[cue_end:start])) <= 20 and (
                best is None or cue_end > best[0]):
            best = (cue_end, role)
    return best[1] if best else None


@cache
def _court_level_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(level, re.compile("|".join(f"(?:{w})" for w in words)))
            for level, words in _roles()["court_levels"].items()]


def court_level(name: str) -> str | None:
    """The level a court's name tells by its words (card_roles.yaml), for a mention the court table does not
    link: "Районный суд № 2" → first, "суда области Абай" → appeal, "Жетісу облысының сотының" → appeal."""
    low = re.sub(r"\s+", " ", name.lower())
    for level, pattern in _court_level_patterns():
        if pattern.search(low):
            return level
    return None


def court_region(name: str) -> str | None:
    """The region code of a court named after its region or city ("Карагандинского областного суда",
    "районного суда г. Алматы"): oblast courts match oblasts, courts "of a city" match the city."""
    low = name.lower()
    wants_city = bool(re.search(r"\bг\.|город|қала", low)) and not re.search(r"област|облыс", low)
    matches = []
    for code, row in regions().items():
        for key in (row["region_ru"], row["region_kk"], row["centre"]):
            words = [w for w in re.findall(r"[а-яёәғқңөұүһі]+", key.lower()) if w not in
                     ("область", "облысы", "город", "қаласы", "суд", "республиканские", "соттар")]
            if words and all(w[: max(4, len(w) - 3)] in low for w in words):
                matches.append((("город" in row["region_ru"]) == wants_city, code))
                break
    return max(matches)[1] if matches else None


def build_card(text: str, lang: str | None = None) -> PetitionCard:
    lang = lang if lang in ("ru", "kk") else identify_document(text)
    doc = pipeline(lang)(text)

    def exact(span: Any) -> tuple[int, int]:
        return span._.char_start, span._.char_end

    cues = [(s.start_char, s.end_char, s.label_) for s in doc.spans["role_cues"]]
    parties: list[Found] = []
    for span in doc.spans["persons"]:
        a, b = exact(span)
        parties.append(Found(text[a:b], a, b, role=_role_before(cues, a, text),
                             extra={"kind": "person", "recognizer": span._.value}))
    for span in doc.spans["officials"]:
        a, b = exact(span)
        if _role_before(cues, a, text) == "prosecutor":
            parties.append(Found(text[a:b], a, b, role="prosecutor", extra={"kind": "person"}))
    courts = []
    for span in doc.spans["protected"]:
        a, b = exact(span)
        if span.label_ == "ORG":
            parties.append(Found(text[a:b], a, b, role=_role_before(cues, a, text), extra={"kind": "organisation"}))
        elif span.label_ == "COURT":
            record, score = match_court(text[a:b], context=text[max(0, a - 40):a] + " … " + text[b:b + 40])
            extra: dict[str, Any] = {"region_code": court_region(text[a:b])}
            if record is not None:
                extra.update(court_id=record.id, name_ru=record.name_ru, name_kk=record.name_kk,
                             match=round(score, 2), region_code=record.region_code or extra["region_code"])
            courts.append(Found(text[a:b], a, b, value=record.level if record else court_level(text[a:b]),
                                extra=extra))
    cases = []
    for span in doc.spans["case_numbers"]:
        c = span._.value
        cases.append(Found(c.text, c.start, c.end, c.normalized,
                           extra={"region_code": c.region_code, "court_code": c.court_code, "year": c.year,
                                  "index": c.index, "region_ru": c.region_ru, "instance": c.instance}))
    dated = doc.user_data["dated"]
    dates = [Found(d.mention.text, d.mention.start, d.mention.end, d.mention.date.isoformat(), d.role)
             for d in dated]
    filing_year = next((int(d.value[:4]) for d in reversed(dates) if d.role == "filing"), None)
    amounts_found = doc.user_data["amounts"]
    amounts = [Found(a.text, a.start, a.end, a.kzt(filing_year), extra={"unit": a.unit, "amount": a.value})
               for a in amounts_found]
    idents = [span for span in doc.spans["identifiers"]]
    ids = [Found(s._.value, *exact(s), s._.value, extra={"type": s.label_}) for s in idents
           if s.label_ in ("IIN", "BIN_IP", "ORG_BIN")]
    phones = [Found(s._.value, *exact(s), s._.value) for s in idents if s.label_ == "PHONE"]
    emails = [Found(s._.value, *exact(s), s._.value) for s in idents if s.label_ == "EMAIL"]
    claimant_entity = any(p.role in ("plaintiff", "applicant") and p.extra.get("kind") == "organisation"
                          for p in parties)
    checks = run_checks(text, dated=dated, amounts=amounts_found, claimant_is_entity=claimant_entity)
    parties.sort(key=lambda p: p.start)
    return PetitionCard(lang, parties, courts, cases, dates, amounts, ids, phones, emails, checks)


def to_markdown(card: PetitionCard, lang: str = "ru") -> str:
    from assistant.i18n import t

    lines = [f"# {t('card.title', lang)}", "", f"- {t('ui.lang', lang)}: {t('langs.' + card.lang, lang)}"]

    def section(key: str, rows: list[str]) -> None:
        if rows:
            lines.extend(["", f"## {t(key, lang)}", *[f"- {r}" for r in rows]])

    section("card.parties", [f"{p.text} — {t('card.roles.' + (p.role or 'unknown'), lang)}" for p in card.parties])
    section("card.courts", [f"{c.text} ({t('card.levels.' + (c.value or 'unknown'), lang)})" for c in card.courts])
    section("card.case_numbers", [c.text for c in card.case_numbers])
    section("card.dates", [f"{t('card.date_roles.' + r, lang)}: {v}" for r, v in card.dates_by_role().items()])
    section("card.amounts", [f"{a.text}" + (f" = {a.value:,.0f} ₸".replace(",", " ") if a.value else "")
                             for a in card.amounts])
    section("card.ids", [f"{i.text} ({i.extra['type']})" for i in card.iin_bin])
    status = {"pass": "✓", "fail": "✗", "unknown": "?"}
    section("card.checks", [f"{status[c.status]} {c.title.get(lang, c.title['ru'])}"
                            + (f" — {c.detail.get(lang)}" if c.detail else "") + f" [{c.basis.get(lang, '')}]"
                            for c in card.checks])
    return "\n".join(lines) + "\n"
