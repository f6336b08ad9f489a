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
_STRIP_KAZAKH = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_WORD_RE = re.compile(r"[^\W\d_]+")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")

KK, RU, MIXED, UNKNOWN = "kk", "ru", "mixed", "unknown"
UNMARKED = -1.0  # word_evidence's "no evidence either way" for a plain lower-case Cyrillic word


@dataclass(frozen=True)
class LangScore:
    kk: float
    ru: float
    words: int

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
    def __init__(self, config: dict) -> None:
        self.kazakh_letters = frozenset(config["kazakh_letters"])
        self.russian_words = frozenset(config["russian_words"])
        kazakh = {w for w in config["kazakh_words"]}
        kazakh |= {w.translate(_STRIP_KAZAKH) for w in kazakh}
        self.kazakh_words = frozenset(kazakh - self.russian_words)
        self.kazakh_suffixes = tuple(config["kazakh_suffixes"])
        self.russian_suffixes = tuple(config["russian_suffixes"])
        self.mixed_min_share = float(config["mixed_min_share"])
        self.mixed_min_words = int(config["mixed_min_words"])
        self.document_mixed_min_share = float(config["document_mixed_min_share"])
        self.name_weight = float(config["name_weight"])
        self.unmarked_word_weight = float(config["unmarked_word_weight"])
        places = {w for w in config["place_words"]}
        self.place_words = frozenset(places | {w.translate(_STRIP_KAZAKH) for w in places})
        self._word_cache: dict[str, tuple[float, float]] = {}

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
        elif len(lower) > 3 and lower.endswith(self.kazakh_suffixes):
            kk = 0.5
        elif len(lower) > 2:
            ru = UNMARKED
        if len(self._word_cache) < 200_000:
            self._word_cache[key] = (kk, ru)
        return kk, ru

    def score(self, text: str) -> LangScore:
        kk = ru = 0.0
        words = unmarked = 0
        kazakh_typed = False  # does the text use Kazakh letters in ordinary (lower-case) words?
        after_name = False
        for m in _WORD_RE.finditer(text):
            word = m.group(0)
            words += 1
            # Capitalised, or a single capital (an initial, as in "Сейтжанов Ә.Қ.").
            capitalised = word[0].isupper() and (len(word) == 1 or not word.isupper())
            lower = word.lower()
            if after_name and lower in self.place_words:
                # "Алматы қаласы", "Есіл ауданы": Kazakh place names inside Russian text.
                k, r = self.name_weight, 0.0
            else:
                k, r = self.word_evidence(word, capitalised)
                if k == 1.0 and not kazakh_typed and any(c in self.kazakh_letters for c in lower):
                    kazakh_typed = True
            after_name = capitalised or (after_name and lower in self.place_words)
            if r == UNMARKED:
                unmarked += 1
                continue
            kk += k
            ru += r
        # A writer who types Kazakh letters would have typed them in a Kazakh word, so unmarked words
        # lean Russian; on a Russian keyboard (no Kazakh letters anywhere) they say nothing.
        if kazakh_typed:
            ru += unmarked * self.unmarked_word_weight
        return LangScore(kk, ru, words)

    def label(self, score: LangScore) -> str:
        total = score.kk + score.ru
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
        return self.label(self.score(text))

    def paragraphs(self, text: str) -> list[Paragraph]:
        result = []
        for para in split_paragraphs(text):
            s = self.score(para)
            result.append(Paragraph(para, self.label(s), s.kk_share, s.words))
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
        return LanguageIdentifier(yaml.safe_load(fh))


def identify(text: str) -> str:
    return default_identifier().identify(text)


def identify_document(text: str) -> str:
    return default_identifier().document(text)


def paragraph_languages(text: str) -> list[Paragraph]:
    return default_identifier().paragraphs(text)
