"""Suggestions: the category, how sure, the runner-ups, and the words that drove it — or UNSURE."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.categories import UNSURE
from assistant.classify.corpus import OUT_OF_SCOPE
from assistant.classify.features import WORD_RE, model_text
from assistant.classify.modelio import load_model

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "category"
MIN_KNOWN_WORDS = 5  # fewer words the model has seen in training: too little text to judge
PARALLEL_MIN_CHUNK = 250


@dataclass
class Suggestion:
    category: str  # a category code, or UNSURE
    confidence: float  # calibrated probability of the best category
    best: str  # the best category even when the suggestion is UNSURE
    alternatives: list[tuple[str, float]] = field(default_factory=list)  # top 3 (code, probability)
    terms: list[tuple[str, float]] = field(default_factory=list)  # words for `best`, with weights
    reason: str = "confident"  # confident | below_threshold | out_of_scope | too_little_text

    def to_json(self) -> dict[str, Any]:
        return {"category": self.category, "confidence": round(self.confidence, 4), "best": self.best,
                "alternatives": [{"category": c, "p": round(p, 4)} for c, p in self.alternatives],
                "terms": [{"term": t, "weight": round(w, 4)} for t, w in self.terms],
                "reason": self.reason}


class CategoryClassifier:
    """The trained pipeline with its abstention threshold (models/category/)."""

    def __init__(self, model: Any, meta: dict) -> None:
        self.model = model
        self.meta = meta
        self.threshold = float(meta["threshold"])
        self.classes = [str(c) for c in model.classes_]
        self._features = model.named_steps["features"]
        self._n_words = self._features.n_word_features
        svm = model.named_steps["clf"].calibrated_classifiers_[0].estimator
        self._coef = svm.coef_  # (classes, features): the SVM's weights, for explanations

    @classmethod
    def load(cls, directory: Path | str = DEFAULT_MODEL_DIR) -> CategoryClassifier:
        model, meta = load_model(Path(directory))
        return cls(model, meta)

    def probabilities(self, texts: Sequence[str], jobs: int = 1) -> np.ndarray:
        """Class probabilities (columns in `self.classes` order). With jobs > 1, large batches are split
        over forked worker processes that share the loaded model."""
        if jobs > 1 and len(texts) >= 2 * PARALLEL_MIN_CHUNK:
            return _parallel_probabilities(self, texts, jobs)
        return self.model.predict_proba([model_text(t) for t in texts])

    def suggest(self, text: str, n_terms: int = 8) -> Suggestion:
        return self.suggest_many([text], n_terms=n_terms)[0]

    def suggest_many(self, texts: Sequence[str], n_terms: int = 8) -> list[Suggestion]:
        prepared = [model_text(t) for t in texts]
        if not prepared:
            return []
        X = self.model.named_steps["features"].transform(prepared)
        proba = self.model.named_steps["clf"].predict_proba(X)
        return [self._suggestion(prepared[i], X[i], proba[i], n_terms) for i in range(len(prepared))]

    def _suggestion(self, text: str, x: Any, proba: np.ndarray, n_terms: int) -> Suggestion:
        order = np.argsort(-proba)
        real = [i for i in order if self.classes[i] != OUT_OF_SCOPE]
        best_i = real[0]
        best = self.classes[best_i]
        alternatives = [(self.classes[i], float(proba[i])) for i in real[:3]]
        confidence = float(proba[best_i])
        known = x[:, : self._n_words].nnz
        if known < MIN_KNOWN_WORDS:
            reason = "too_little_text"
        elif self.classes[order[0]] == OUT_OF_SCOPE:
            reason = "out_of_scope"
        elif confidence < self.threshold:
            reason = "below_threshold"
        else:
            reason = "confident"
        category = best if reason == "confident" else UNSURE
        terms = self.explain(text, x, best_i, n_terms) if n_terms else []
        return Suggestion(category, confidence, best, alternatives, terms, reason)

    def explain(self, text: str, x: Any, class_index: int, n_terms: int = 8) -> list[tuple[str, float]]:
        """Words of `text` that push it most towards the class: word and word-pair weights, plus each
        word's share of its character n-grams' weights."""
        coef = self._coef[class_index]
        x = x.tocsr()
        contrib: Counter[str] = Counter()
        words_names = self._features.word_terms_
        idx, vals = x.indices, x.data
        word_part = idx < self._n_words
        for i, v in zip(idx[word_part], vals[word_part], strict=True):
            contrib[str(words_names[i])] += v * coef[i]
        # Character n-grams: split each n-gram's weight among the words it came from.
        sub_vals = dict(zip(idx[~word_part] - self._n_words, vals[~word_part], strict=True))
        if sub_vals:
            word_counts = Counter(WORD_RE.findall(text))
            gram_totals: Counter[int] = Counter()
            per_word: dict[str, Counter[int]] = {}
            for w, c in word_counts.items():
                grams = Counter({g: k * c for g, k in Counter(self._features.word_grams(w).tolist()).items()})
                per_word[w] = grams
                gram_totals.update(grams)
            sub_coef = coef[self._n_words:]
            for w, grams in per_word.items():
                total = 0.0
                for g, k in grams.items():
                    v = sub_vals.get(g)
                    if v is not None:
                        total += v * sub_coef[g] * k / gram_totals[g]
                contrib[w] += total
        ranked = [(t, float(w)) for t, w in contrib.most_common() if w > 0]
        return ranked[:n_terms]


@cache
def default_classifier() -> CategoryClassifier:
    return CategoryClassifier.load(DEFAULT_MODEL_DIR)


_WORKER_CLASSIFIER: CategoryClassifier | None = None


def _set_worker_classifier(clf: CategoryClassifier) -> None:
    global _WORKER_CLASSIFIER
    _WORKER_CLASSIFIER = clf


def _worker_probabilities(texts: list[str]) -> np.ndarray:
    assert _WORKER_CLASSIFIER is not None
    return _WORKER_CLASSIFIER.probabilities(texts)


def _parallel_probabilities(clf: CategoryClassifier, texts: Sequence[str], jobs: int) -> np.ndarray:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with the model already in memory (copy-on-write), nothing is reloaded.
    ctx = mp.get_context("fork")
    n_chunks = min(jobs * 4, max(1, len(texts) // PARALLEL_MIN_CHUNK))
    bounds = np.linspace(0, len(texts), n_chunks + 1).astype(int)
    chunks = [list(texts[a:b]) for a, b in itertools.pairwise(bounds)]
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_set_worker_classifier,
                             initargs=(clf,)) as pool:
        return np.vstack(list(pool.map(_worker_probabilities, chunks)))
