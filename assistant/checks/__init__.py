"""Admissibility checks of an incoming complaint, each with its evidence and the rule it rests on.

The rules are data (assistant/checks/rules.yaml): checks are hints for the consultant, never decisions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from assistant.calendar import default_calendar
from assistant.i18n import LANGS, t
from assistant.nlp.date_roles import DatedMention, dates_with_roles
from assistant.nlp.money import Amount, find_amounts, mrp_value

RULES_FILE = Path(__file__).with_name("rules.yaml")
PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"


@dataclass
class Evidence:
    start: int
    end: int
    text: str


@dataclass
class CheckResult:
    id: str
    status: str  # pass | fail | unknown
    title: dict[str, str]
    basis: dict[str, str]
    detail: dict[str, str] = field(default_factory=dict)  # explanation in ru and kk
    value: Any = None
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self, lang: str = "ru") -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "title": self.title.get(lang, self.title.get("ru")),
                "basis": self.basis.get(lang, self.basis.get("ru")), "detail": self.detail.get(lang, ""),
                "value": self.value,
                "evidence": [{"start": e.start, "end": e.end, "text": e.text} for e in self.evidence]}


@cache
def load_rules(path: Path = RULES_FILE) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _msg(key: str, **params: Any) -> dict[str, str]:
    return {lang: t(key, lang, **params) for lang in LANGS}


# A full stop after a word of four or more letters, or ! ?, ends a sentence ("г.", "обл.", "ст." do not).
_SENTENCE_END = re.compile(r"(?<=[^\W\d]{4})\.(?:\s|$)|[!?](?:\s|$)")


def _rx(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


class Checker:
    def __init__(self, rules: dict[str, Any]) -> None:
        self.rules = rules
        self.calendar = default_calendar()

    def run(self, text: str, *, dated: list[DatedMention] | None = None, amounts: list[Amount] | None = None,
            claimant_is_entity: bool = False) -> list[CheckResult]:
        dated = dates_with_roles(text) if dated is None else dated
        amounts = find_amounts(text) if amounts is None else amounts
        filing = next((d for d in reversed(dated) if d.role == "filing"), None)
        return [self.deadline(dated, filing), self.regime(text, filing), *self.required_contents(text),
                self.power_of_attorney(text), *self.non_reviewable(text, amounts, filing, claimant_is_entity)]

    def _titles(self, rule: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        return ({"ru": rule["ru"], "kk": rule["kk"]},
                {"ru": rule.get("basis_ru", ""), "kk": rule.get("basis_kk", "")})

    def deadline(self, dated: list[DatedMention], filing: DatedMention | None) -> CheckResult:
        rule = self.rules["checks"]["deadline"]
        term = self.calendar.rules[rule["basis"]]
        title = {"ru": rule["ru"], "kk": rule["kk"]}
        basis = {"ru": term["basis_ru"], "kk": term["basis_kk"]}
        entry = next((d for d in dated if d.role == "entry_into_force"), None)
        if entry is None:
            appeals = [d for d in dated if d.role == "appeal_ruling"]
            # An appellate ruling enters into force when it is pronounced (CPC), so its date is the start;
            # the first mention is the act appealed (later ones may be dates of copies and receipts).
            entry = appeals[0] if appeals else None
        if entry is None or filing is None:
            missing = "checks.missing_entry" if entry is None else "checks.missing_filing"
            return CheckResult("deadline", UNKNOWN, title, basis, _msg(missing))
        d = self.calendar.deadline(rule["basis"], entry.mention.date)
        status = PASS if d.met_by(filing.mention.date) else FAIL
        detail = {lang: t("checks.deadline", lang, start=f"{d.start:%d.%m.%Y}", last=f"{d.last_day:%d.%m.%Y}",
                          filed=f"{filing.mention.date:%d.%m.%Y}",
                          moved=t("checks.moved", lang, nominal=f"{d.nominal_end:%d.%m.%Y}") if d.moved else "")
                  for lang in LANGS}
        ev = [Evidence(m.mention.start, m.mention.end, m.mention.text) for m in (entry, filing)]
        return CheckResult("deadline", status, title, basis, detail, d.last_day.isoformat(), ev)

    def regime(self, text: str, filing: DatedMention | None) -> CheckResult:
        rule = self.rules["checks"]["regime"]
        title, basis = self._titles(rule)
        reform = _date(self.rules["reform_date"])
        old = _rx(rule["old_words"]).search(text)
        new = _rx(rule["new_words"]).search(text)
        if filing is not None:
            value = "pre_2025_07_01" if filing.mention.date < reform else "post_2025_07_01"
            ev = [Evidence(filing.mention.start, filing.mention.end, filing.mention.text)]
        elif old or new:
            value = "pre_2025_07_01" if old and not new else "post_2025_07_01"
            hit = old if value.startswith("pre") else new
            assert hit is not None
            ev = [Evidence(hit.start(), hit.end(), hit.group(0))]
        else:
            return CheckResult("regime", UNKNOWN, title, basis, _msg("checks.regime_unknown"))
        detail = _msg("checks.regime_pre" if value.startswith("pre") else "checks.regime_post")
        return CheckResult("regime", PASS, title, basis, detail, value, ev)

    def required_contents(self, text: str) -> list[CheckResult]:
        rule = self.rules["checks"]["required_contents"]
        title, basis = self._titles(rule)
        out = []
        for item, patterns in rule["items"].items():
            hit = _rx(patterns).search(text)
            ev = [Evidence(hit.start(), hit.end(), hit.group(0))] if hit else []
            detail = {lang: t("checks.found" if hit else "checks.not_found", lang,
                              item=t(f"checks.items.{item}", lang)) for lang in LANGS}
            out.append(CheckResult(f"contents.{item}", PASS if hit else FAIL, title, basis, detail, bool(hit), ev))
        return out

    def power_of_attorney(self, text: str) -> CheckResult:
        rule = self.rules["checks"]["power_of_attorney"]
        title, basis = self._titles(rule)
        tail = len(text) * 3 // 4
        rep = [m for m in _rx(rule["representative"]).finditer(text) if m.start() >= tail or m.start() < 400]
        if not rep:
            return CheckResult("power_of_attorney", PASS, title, basis, _msg("checks.poa_self"), False)
        # The power of attorney must be among the attachments ("по доверенности" in the signature is a claim,
        # not the document).
        attach = [m.end() for m in _rx(self.rules["checks"]["required_contents"]["items"]["attachments"]).finditer(
            text)]
        proof = _rx(rule["proof"]).search(text, attach[-1], attach[-1] + 600) if attach else None
        ev = [Evidence(rep[0].start(), rep[0].end(), rep[0].group(0))]
        if proof:
            ev.append(Evidence(proof.start(), proof.end(), proof.group(0)))
        return CheckResult("power_of_attorney", PASS if proof else FAIL, title, basis,
                           _msg("checks.poa_attached" if proof else "checks.poa_missing"), True, ev)

    @staticmethod
    def _claim_windows(text: str, rule: dict[str, Any]) -> list[tuple[int, int]]:
        """Sentences where the claim is stated: from Russian cue words onwards, up to Kazakh ones (the verb
        comes last), each cut at the sentence's end and at `claim_window` characters. The whole text when no
        cue is found."""
        width = int(rule.get("claim_window", 320))
        windows = []
        for m in _rx(rule.get("claim_statement_after") or ["(?!)"]).finditer(text):
            end = _SENTENCE_END.search(text, m.end(), m.end() + width)
            windows.append((m.start(), end.start() + 1 if end else min(len(text), m.end() + width)))
        for m in _rx(rule.get("claim_statement_before") or ["(?!)"]).finditer(text):
            ends = list(_SENTENCE_END.finditer(text, max(0, m.start() - width), m.start()))
            windows.append((ends[-1].end() if ends else max(0, m.start() - width), m.end()))
        return windows or [(0, len(text))]

    def non_reviewable(self, text: str, amounts: list[Amount], filing: DatedMention | None,
                       claimant_is_entity: bool) -> list[CheckResult]:
        rule = self.rules["checks"]["non_reviewable"]
        title, basis = self._titles(rule)
        out = []
        for hint, patterns in rule["hints"].items():
            hit = _rx(patterns).search(text)
            if hit:
                detail = {lang: t("checks.hint", lang, hint=t(f"checks.hints.{hint}", lang)) for lang in LANGS}
                out.append(CheckResult(f"non_reviewable.{hint}", FAIL, title, basis, detail, True,
                                       [Evidence(hit.start(), hit.end(), hit.group(0))]))
        year = filing.mention.date.year if filing else None
        if filing is not None and filing.mention.date >= _date(self.rules["thresholds_until"]):
            return out
        non_property = _rx(rule["non_property_claims"])
        cue = next((m for start, end in self._claim_windows(text, rule)
                    if (m := non_property.search(text, start, end))), None)
        if cue is not None:
            # The thresholds concern property claims; a non-property claim is said so, with the words.
            detail = {lang: t("checks.non_property", lang, words=cue.group(0)) for lang in LANGS}
            out.append(CheckResult("non_reviewable.below_mrp_threshold", PASS, title, basis, detail, False,
                                   [Evidence(cue.start(), cue.end(), cue.group(0))]))
            return out
        claims = [a for a in amounts if a.unit == "KZT"]
        rate = mrp_value(year) if year else None
        if claims and rate:
            claim = max(claims, key=lambda a: a.value)
            limit = rule["mrp_threshold_entity" if claimant_is_entity else "mrp_threshold_individual"]
            in_mrp = claim.value / rate
            if in_mrp < limit:
                def spaced(x: float) -> str:
                    return f"{x:,.0f}".replace(",", " ")

                detail = {lang: t("checks.below_mrp", lang, amount=spaced(claim.value), mrp=spaced(in_mrp),
                                  limit=spaced(limit), year=year) for lang in LANGS}
                out.append(CheckResult("non_reviewable.below_mrp_threshold", FAIL, title, basis, detail, True,
                                       [Evidence(claim.start, claim.end, claim.text)]))
        return out


@cache
def default_checker() -> Checker:
    return Checker(load_rules())


def run_checks(text: str, **kwargs: Any) -> list[CheckResult]:
    return default_checker().run(text, **kwargs)
