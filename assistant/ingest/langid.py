"""Language of a text, per paragraph and per document: "kk", "ru", "mixed" (or "unknown" if no words).

Rule-based on purpose: Kazakh has nine letters Russian lacks (ә ғ қ ң ө ұ ү һ і) and a small set of
very frequent function words; these decide almost every real paragraph, including Kazakh typed on a
Russian keyboard, without a model to ship. The evidence lists live in assistant/data/langid.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "langid.yaml"
LEXICON_FILE = DATA_FILE.with_name("langid_kazakh_lexicon.txt")
_STRIP_KAZAKH = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_WORD_RE = re.compile(r"[^\W\d_]+")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_KAZAKH_LETTER_RE = re.compile("[әғқңөұүһі]")
_BILINGUAL_SEP_RE = re.compile(r"\s/\s")

KK, RU, MIXED, UNKNOWN = "kk", "ru", "mixed", "unknown"
# word_evidence's markers for a plain lower-case Cyrillic word: no evidence either way, or found in the
# Russian dictionary. Both count for Russian only in a text that uses Kazakh letters (see score()).
UNMARKED, IN_LEXICON = -1.0, -2.0


@dataclass(frozen=True)
class LangScore:
    kk: float  # evidence for Kazakh from ordinary words
    ru: float  # evidence for Russian
    words: int
    names: float = 0.0  # Kazakh evidence from names and place names: decides only when nothing else does

    @property
    def kk_share(self) -> float:
        total = self.kk + self.ru
        return self.kk / total if total else 0.0


@dataclass(frozen=True)
class Paragraph:
    text: str
    lang: str
    kk_share: float
    words: int


class LanguageIdentifier:
    def __init__(self, config: dict, lexicon: frozenset[str] = frozenset()) -> None:
        self.kazakh_letters = frozenset(config["kazakh_letters"])
        self.russian_words = frozenset(config["russian_words"])
        kazakh = set(config["kazakh_words"]) | lexicon
        kazakh |= {w.translate(_STRIP_KAZAKH) for w in kazakh}
        self.kazakh_words = frozenset(kazakh - self.russian_words)
        self.kazakh_suffixes = tuple(config["kazakh_suffixes"])
        self.russian_suffixes = tuple(config["russian_suffixes"])
        self.mixed_min_share = float(config["mixed_min_share"])
        self.mixed_min_words = int(config["mixed_min_words"])
        self.document_mixed_min_share = float(config["document_mixed_min_share"])
        self.name_weight = float(config["name_weight"])
        self.lexicon_weight = float(config["russian_lexicon_weight"])
        self._morph = None
        self.unmarked_word_weight = float(config["unmarked_word_weight"])
        places = {w for w in config["place_words"]}
        self.place_words = frozenset(places | {w.translate(_STRIP_KAZAKH) for w in places})
        self._word_cache: dict[str, tuple[float, float]] = {}
        self._facts_cache: dict[str, tuple[float, float, bool, bool]] = {}

    @property
    def morph(self):  # the Russian lexicon of pymorphy3 (about 0.1 s to load, once)
        if self._morph is None:
            import pymorphy3

            self._morph = pymorphy3.MorphAnalyzer()
        return self._morph

    def is_russian_word(self, lower: str) -> bool:
        return self.morph.word_is_known(lower)

    def word_evidence(self, word: str, capitalised: bool = False) -> tuple[float, float]:
        """(kazakh, russian) evidence carried by one word."""
        key = word if not capitalised else "\x00" + word
        hit = self._word_cache.get(key)
        if hit is not None:
            return hit
        lower = word.lower()
        kk = ru = 0.0
        if not _CYRILLIC_RE.search(lower):
            pass
        elif capitalised and len(word) == 1:
            pass  # an initial: "Д. Әлиев", "Кузнецов В.П."
        elif word.isupper() and len(word) <= 5 and lower not in self.russian_words \
                and lower not in self.kazakh_words:
            pass  # an abbreviation nobody listed
        elif lower in self.russian_words:
            ru = 1.0
        elif any(c in self.kazakh_letters for c in lower):
            # A capitalised word is most likely a name (Жұмабеков, Қарағанды, Әділет): names keep their
            # Kazakh letters in Russian text, so they say little about the language.
            kk = self.name_weight if capitalised else 1.0
        elif lower in self.kazakh_words:
            kk = 1.0
        elif capitalised:
            pass  # names: "Смирнова", "Омаров" say nothing either
        elif len(lower) > 3 and lower.endswith(self.russian_suffixes):
            ru = 0.5
        elif len(lower) > 3 and lower.endswith(self.kazakh_suffixes) and not self.is_russian_word(lower):
            kk = 0.5
        elif len(lower) > 2:
            ru = IN_LEXICON if self.is_russian_word(lower) else UNMARKED
        if len(self._word_cache) < 200_000:
            self._word_cache[key] = (kk, ru)
        return kk, ru

    def _word_facts(self, word: str) -> tuple[float, float, bool, bool]:
        """(kazakh, russian, is a Kazakh word with Kazakh letters, is a place word) for a word as written."""
        facts = self._facts_cache.get(word)
        if facts is None:
            # Capitalised, or a single capital (an initial, as in "Сейтжанов Ә.Қ.").
            capitalised = word[0].isupper() and (len(word) == 1 or not word.isupper())
            k, r = self.word_evidence(word, capitalised)
            lower = word.lower()
            typed = k == 1.0 and _KAZAKH_LETTER_RE.search(lower) is not None
            facts = (k, r, typed, lower in self.place_words)
            if len(self._facts_cache) < 200_000:
                self._facts_cache[word] = facts
        return facts

    def score(self, text: str) -> LangScore:
        kk = ru = names = 0.0
        words = unmarked = in_lexicon = 0
        kazakh_typed = False  # does the text use Kazakh letters in ordinary (lower-case) words?
        facts = self._facts_cache
        tokens = _WORD_RE.findall(text)
        for i, word in enumerate(tokens):
            words += 1
            k, r, typed, place = facts.get(word) or self._word_facts(word)
            if place:
                # "Алматы қаласы", "Есіл ауданы", "12-үй": Kazakh addresses inside Russian text.
                names += self.name_weight
                continue
            kazakh_typed = kazakh_typed or typed
            if k == self.name_weight:
                nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
                if nxt[:1].islower() and nxt.lower() not in self.place_words:
                    # A lone capitalised Kazakh word before a lower-case one ("Құрметпен, адвокат")
                    # is a sentence start, not part of a name.
                    kk += 1.0
                    kazakh_typed = True
                else:
                    names += k
                continue
            if r == UNMARKED:
                unmarked += 1
            elif r == IN_LEXICON:
                in_lexicon += 1
            else:
                kk += k
                ru += r
        # A writer who types Kazakh letters would have typed them in a Kazakh word, so unmarked words
        # and words of the Russian dictionary lean Russian; on a Russian keyboard they say little, unless
        # nothing at all speaks for Kazakh.
        if kazakh_typed or kk == 0:
            ru += unmarked * self.unmarked_word_weight + in_lexicon * self.lexicon_weight
        return LangScore(kk, ru, words, names)

    def label(self, score: LangScore) -> str:
        total = score.kk + score.ru
        if total < 0.5 and score.names:
            return KK if score.names > score.ru else RU
        if total < 0.5:
            # Too little evidence (a signature line, a date): Cyrillic text defaults to Russian, the
            # language of most short formulae in the court's paperwork.
            if score.words == 0:
                return UNKNOWN
            return KK if score.kk > score.ru else RU
        share = score.kk_share
        if (
            self.mixed_min_share <= share <= 1 - self.mixed_min_share
            and min(score.kk, score.ru) >= self.mixed_min_words * 0.5
        ):
            return MIXED
        return KK if share > 0.5 else RU

    def identify(self, text: str) -> str:
        """Language of one paragraph (or any short text)."""
        label = self.label(self.score(text))
        if label != MIXED and _BILINGUAL_SEP_RE.search(text):
            # "ШАҚЫРУ ҚАҒАЗЫ / ПОВЕСТКА": bilingual forms pair the Kazakh and Russian wording.
            langs = {self.label(self.score(part)) for part in _BILINGUAL_SEP_RE.split(text)}
            if {KK, RU} <= langs:
                return MIXED
        return label

    def paragraphs(self, text: str) -> list[Paragraph]:
        result = []
        for para in split_paragraphs(text):
            s = self.score(para)
            label = self.label(s)
            if label != MIXED and _BILINGUAL_SEP_RE.search(para):
                label = self.identify(para)
            result.append(Paragraph(para, label, s.kk_share, s.words))
        return result

    def document(self, text: str | Iterable[Paragraph]) -> str:
        """Language of a whole document: the paragraphs vote with their word counts."""
        paras = self.paragraphs(text) if isinstance(text, str) else list(text)
        kk = ru = 0.0
        for p in paras:
            if p.lang == KK:
                kk += p.words
            elif p.lang == RU:
                ru += p.words
            elif p.lang == MIXED:
                kk += p.words * p.kk_share
                ru += p.words * (1 - p.kk_share)
        total = kk + ru
        if total == 0:
            return UNKNOWN
        if min(kk, ru) / total >= self.document_mixed_min_share:
            return MIXED
        return KK if kk > ru else RU


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of extracted text: blocks between blank lines, and inside a block, lines that end a
    sentence followed by a line that starts a new one (PDF text has no blank lines between paragraphs)."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        current: list[str] = []
        for line in lines:
            if current and current[-1][-1] in ".!?:;" and (line[0].isupper() or line[0].isdigit()
                                                           or line[0] in "-–—•«"):
                paragraphs.append(" ".join(current))
                current = []
            current.append(line)
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


@cache
def default_identifier() -> LanguageIdentifier:
    with open(DATA_FILE, encoding="utf-8") as fh:
        config = yaml.safe_load(fh)
    with open(LEXICON_FILE, encoding="utf-8") as fh:
        lexicon = frozenset(ln.strip() for ln in fh if ln.strip() and not ln.startswith("#"))
    return LanguageIdentifier(config, lexicon)


def identify(text: str) -> str:
    return default_identifier().identify(text)


def identify_document(text: str) -> str:
    return default_identifier().document(text)


def paragraph_languages(text: str) -> list[Paragraph]:
    return default_identifier().paragraphs(text)
