"""spaCy pipelines for the petition card, one per language.

Russian: `spacy.blank("ru")` with the pymorphy3 lemmatizer; Kazakh: our own Language class
(assistant.nlp.kk). Then small registered components, each putting what one recogniser finds into a span
group of the Doc: "protected" (courts, organisations, state bodies, laws, toponyms), "persons",
"officials", "identifiers", "case_numbers", "dates" (labelled with their role), "amounts", and
"role_cues" from a SpanRuler whose patterns are data (assistant/data/patterns/role_cues.jsonl). Every span
keeps the recogniser's exact character offsets in `span._.char_start` / `span._.char_end` and its parsed
value in `span._.value`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.lang.ru import Russian
from spacy.lang.ru.lemmatizer import RussianLemmatizer
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import assistant.nlp.kk  # noqa: F401  (registers the "kk" language)
from assistant.nlp.case_numbers import parse_case_numbers
from assistant.nlp.date_roles import dates_with_roles
from assistant.nlp.identifiers import find_identifiers
from assistant.nlp.money import find_amounts
from assistant.nlp.names import default_name_finder, fold

PATTERNS = Path(__file__).resolve().parent.parent / "data" / "patterns"

for _name in ("char_start", "char_end", "value"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def _span(doc: Doc, start: int, end: int, label: str, value: Any = None) -> Span | None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        span._.char_start, span._.char_end, span._.value = start, end, value
    return span


def _group(doc: Doc, name: str, items: list[tuple[int, int, str, Any]]) -> None:
    doc.spans[name] = [s for s in (_span(doc, a, b, label, value) for a, b, label, value in items) if s]


class MemoRussianLemmatizer(RussianLemmatizer):
    """spaCy's pymorphy3 lemmatizer, remembering each (word, POS): a complaint repeats its words, and
    pymorphy3's analysis is what the lemmatizer spends its time on (0.38 s → 0.05 s on 4,500 words)."""

    memo_size = 200_000

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[tuple[str, str], list[str]] = {}

    def pymorphy3_lemmatize(self, token: Token) -> list[str]:
        key = (token.text, token.pos_)
        lemmas = self._memo.get(key)
        if lemmas is None:
            lemmas = super().pymorphy3_lemmatize(token)
            if len(self._memo) < self.memo_size:
                self._memo[key] = lemmas
        return lemmas


@Russian.factory("kenesshi_ru_lemmatizer", default_config={"mode": "pymorphy3", "overwrite": False})
def make_memo_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> MemoRussianLemmatizer:
    return MemoRussianLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


@Language.component("kenesshi_names")
def names_component(doc: Doc) -> Doc:
    finder = default_name_finder()
    folded = fold(doc.text)
    protected = finder.protected(folded)
    people, officials = finder.find(folded, list(protected), doc.lang_)
    _group(doc, "protected", [(s, e, kind, None) for kind, s, e in protected])
    _group(doc, "persons", [(n.start, n.end, "PERSON", n.recognizer) for n in people])
    _group(doc, "officials", [(s, e, "OFFICIAL", None) for s, e in officials])
    return doc


@Language.component("kenesshi_identifiers")
def identifiers_component(doc: Doc) -> Doc:
    _group(doc, "identifiers", [(m.start, m.end, m.type, m.text) for m in find_identifiers(doc.text)])
    return doc


@Language.component("kenesshi_case_numbers")
def case_numbers_component(doc: Doc) -> Doc:
    _group(doc, "case_numbers", [(c.start, c.end, "CASE_NUMBER", c) for c in parse_case_numbers(doc.text)])
    return doc


@Language.component("kenesshi_dates")
def dates_component(doc: Doc) -> Doc:
    dated = dates_with_roles(doc.text)
    doc.user_data["dated"] = dated  # the checks reuse them
    _group(doc, "dates", [(d.mention.start, d.mention.end, d.role, d) for d in dated])
    return doc


@Language.component("kenesshi_amounts")
def amounts_component(doc: Doc) -> Doc:
    amounts = find_amounts(doc.text)
    doc.user_data["amounts"] = amounts
    _group(doc, "amounts", [(a.start, a.end, a.unit, a) for a in amounts])
    return doc


def make_nlp(lang: str) -> Language:
    if lang == "kk":
        nlp = spacy.blank("kk")
    else:
        nlp = spacy.blank("ru")
        nlp.add_pipe("kenesshi_ru_lemmatizer", name="lemmatizer")
    for name in ("kenesshi_names", "kenesshi_identifiers", "kenesshi_case_numbers", "kenesshi_dates",
                 "kenesshi_amounts"):
        nlp.add_pipe(name)
    ruler = nlp.add_pipe("span_ruler", name="role_cues", config={"spans_key": "role_cues",
                                                                 "phrase_matcher_attr": "LOWER"})
    nlp.initialize()  # before the patterns: initialising a SpanRuler clears them
    ruler.add_patterns(_read_patterns("role_cues.jsonl"))
    return nlp


def _read_patterns(name: str) -> list[dict]:
    import json

    with open(PATTERNS / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@cache
def pipeline(lang: str) -> Language:
    return make_nlp("kk" if lang == "kk" else "ru")
