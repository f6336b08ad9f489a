"""Features for the category model, in one fast transformer.

Words and word pairs carry the legal vocabulary; character n-grams inside words carry Kazakh and
Russian morphology (шешімінің, решением) and survive OCR noise. Both are TF-IDF weighted and
l2-normalised block by block, as a FeatureUnion of two TfidfVectorizers would be. What makes it fast:
the text is tokenised once, and the n-grams of each distinct word are computed once per process and
reused (the fastText trick), so a batch costs one sparse product instead of slicing every word again.
Vocabularies are kept as arrays, which skops saves and loads quickly.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from assistant.ingest.normalize import normalize

_DIGITS = re.compile(r"\d")
WORD_RE = re.compile(r"[^\W\d_]{2,}")


def model_text(text: str) -> str:
    """What the model sees: normalised, lower case, every digit as 0 (amounts and numbers vary)."""
    return _DIGITS.sub("0", normalize(text).lower())


def word_ngrams(word: str, lo: int, hi: int) -> list[str]:
    w = f"<{word}>"
    return [w[i : i + n] for n in range(lo, hi + 1) for i in range(len(w) - n + 1)]


def _terms(tokens: list[str], n_max: int) -> list[str]:
    if n_max < 2:
        return tokens
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def _idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    return np.log((1 + n_docs) / (1 + df)) + 1.0


def _hstack_csr(a: sp.csr_matrix, b: sp.csr_matrix) -> sp.csr_matrix:
    """[a | b] for CSR matrices with the same rows, without scipy's general (sorting) path."""
    counts = np.diff(a.indptr) + np.diff(b.indptr)
    indptr = np.zeros(a.shape[0] + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    indices = np.empty(indptr[-1], dtype=np.int64)
    data = np.empty(indptr[-1], dtype=np.float64)
    a_len = np.diff(a.indptr)
    # Position of every entry of a and of b in the result, row by row.
    row_start = indptr[:-1]
    a_pos = np.repeat(row_start, a_len) + (np.arange(a.nnz) - np.repeat(a.indptr[:-1], a_len))
    b_len = np.diff(b.indptr)
    b_pos = np.repeat(row_start + a_len, b_len) + (np.arange(b.nnz) - np.repeat(b.indptr[:-1], b_len))
    indices[a_pos] = a.indices
    data[a_pos] = a.data
    indices[b_pos] = b.indices + a.shape[1]
    data[b_pos] = b.data
    return sp.csr_matrix((data, indices, indptr), shape=(a.shape[0], a.shape[1] + b.shape[1]))


class TextFeatures(TransformerMixin, BaseEstimator):
    """[word 1..n-gram TF-IDF | character n-gram-in-word TF-IDF], each block l2-normalised."""

    def __init__(self, word_ngrams: tuple[int, int] = (1, 2), char_ngrams: tuple[int, int] = (3, 5),
                 min_df: int = 2, sublinear_tf: bool = True) -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.sublinear_tf = sublinear_tf

    # --- fitting -----------------------------------------------------------------------------------
    def fit(self, X: Iterable[str], y: object = None) -> TextFeatures:
        lo, hi = self.char_ngrams
        word_df: Counter[str] = Counter()
        gram_df: Counter[str] = Counter()
        n_docs = 0
        for doc in X:
            n_docs += 1
            tokens = WORD_RE.findall(doc)
            word_df.update(set(_terms(tokens, self.word_ngrams[1])))
            grams: set[str] = set()
            for w in set(tokens):
                grams.update(word_ngrams(w, lo, hi))
            gram_df.update(grams)
        words = sorted(t for t, c in word_df.items() if c >= self.min_df)
        grams = sorted(g for g, c in gram_df.items() if c >= self.min_df)
        self.word_terms_ = np.array(words, dtype=str)
        self.word_idf_ = _idf(np.array([word_df[t] for t in words], dtype=np.float64), n_docs)
        self.gram_terms_ = np.array(grams, dtype=str)
        self.gram_idf_ = _idf(np.array([gram_df[g] for g in grams], dtype=np.float64), n_docs)
        self.n_docs_ = n_docs
        return self

    # --- lookups, rebuilt after loading and never saved ------------------------------------------------
    _RUNTIME = ("_word_index", "_gram_index", "_word_grams")

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        for key in self._RUNTIME:
            state.pop(key, None)
        return state

    @property
    def word_index(self) -> dict[str, int]:
        if "_word_index" not in self.__dict__:
            self._word_index = {t: i for i, t in enumerate(self.word_terms_.tolist())}
        return self._word_index

    @property
    def gram_index(self) -> dict[str, int]:
        if "_gram_index" not in self.__dict__:
            self._gram_index = {g: i for i, g in enumerate(self.gram_terms_.tolist())}
        return self._gram_index

    @property
    def n_word_features(self) -> int:
        return len(self.word_terms_)

    def word_grams(self, word: str) -> np.ndarray:
        """Column indices (in the n-gram block) of `word`'s n-grams; repeats stand for counts."""
        cache = self.__dict__.setdefault("_word_grams", {})
        hit = cache.get(word)
        if hit is None:
            get = self.gram_index.get
            lo, hi = self.char_ngrams
            found = [j for g in word_ngrams(word, lo, hi) if (j := get(g)) is not None]
            hit = np.array(found, dtype=np.int32)
            if len(cache) < 1_000_000:
                cache[word] = hit
        return hit

    # --- transforming ------------------------------------------------------------------------------------
    def _weight(self, m: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
        """TF-IDF in place on a CSR matrix whose duplicates are already summed: tf, idf, l2 norm."""
        if self.sublinear_tf:
            np.log(m.data, out=m.data)
            m.data += 1.0
        m.data *= idf[m.indices]
        lengths = np.diff(m.indptr)
        rows = np.repeat(np.arange(m.shape[0]), lengths)
        norms = np.sqrt(np.bincount(rows, weights=m.data**2, minlength=m.shape[0]))
        norms[norms == 0] = 1.0
        m.data /= norms[rows]
        return m

    def transform(self, X: Sequence[str] | Iterable[str]) -> sp.csr_matrix:
        # Sparse matrices sum repeated (row, column) entries, so every occurrence is simply listed.
        get_word = self.word_index.get
        n_max = self.word_ngrams[1]
        types: dict[str, int] = {}  # distinct words of the batch -> row of the word-to-n-gram matrix
        new_type = types.setdefault
        w_rows: list[int] = []
        w_cols: list[int] = []
        t_rows: list[int] = []
        t_cols: list[int] = []
        n = 0
        for i, doc in enumerate(X):
            n = i + 1
            tokens = WORD_RE.findall(doc)
            cols = [j for t in _terms(tokens, n_max) if (j := get_word(t)) is not None]
            w_cols += cols
            w_rows += [i] * len(cols)
            t_cols += [new_type(w, len(types)) for w in tokens]
            t_rows += [i] * len(tokens)
        words_block = sp.coo_matrix((np.ones(len(w_cols)), (w_rows, w_cols)),
                                    shape=(n, self.n_word_features)).tocsr()  # sums repeats
        # Documents x distinct words, times distinct words x n-grams = n-gram counts per document.
        doc_types = sp.coo_matrix((np.ones(len(t_cols)), (t_rows, t_cols)), shape=(n, len(types))).tocsr()
        grams = [self.word_grams(w) for w in types]
        indptr = np.zeros(len(grams) + 1, dtype=np.int64)
        np.cumsum([len(g) for g in grams], out=indptr[1:])
        indices = np.concatenate(grams) if grams else np.zeros(0, dtype=np.int32)
        type_grams = sp.csr_matrix((np.ones(len(indices)), indices, indptr),
                                   shape=(len(types), len(self.gram_terms_)))
        grams_block = (doc_types @ type_grams).tocsr()
        grams_block.sum_duplicates()
        return _hstack_csr(self._weight(words_block, self.word_idf_),
                           self._weight(grams_block, self.gram_idf_))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.concatenate([self.word_terms_.astype(object),
                               np.array([f"#{g}" for g in self.gram_terms_.tolist()], dtype=object)])
