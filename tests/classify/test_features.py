"""TextFeatures against a plain scikit-learn reference: same numbers, much faster."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from assistant.classify.features import WORD_RE, TextFeatures, model_text, word_ngrams

TEXTS = [
    "Истец обратился в суд с иском о взыскании задолженности по договору займа.",
    "Талап қоюшы сотқа қарызды өндіріп алу туралы талап арызбен жүгінді.",
    "Суд апелляционной инстанции отменил решение суда первой инстанции о взыскании.",
    "Жауапкер қарыз шарты бойынша берешекті өтемеді, сот шешімі күшінде қалдырылсын.",
    "Прошу отменить постановление и оставить в силе решение районного суда.",
    "",
    "Договор займа заключён 12.03.2024, сумма займа 5 000 000 тенге.",
]


def word_terms(doc):
    tokens = WORD_RE.findall(doc)
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def reference(texts, lo, hi, min_df):
    words = TfidfVectorizer(analyzer=word_terms, min_df=min_df, sublinear_tf=True)
    def grams_of(doc):
        return [g for w in WORD_RE.findall(doc) for g in word_ngrams(w, lo, hi)]

    grams = TfidfVectorizer(analyzer=grams_of, min_df=min_df, sublinear_tf=True)
    return words.fit(texts), grams.fit(texts)


@pytest.mark.parametrize("min_df", [1, 2])
def test_same_features_as_scikit_learn(min_df):
    texts = [model_text(t) for t in TEXTS]
    ours = TextFeatures(word_ngrams=(1, 2), char_ngrams=(3, 5), min_df=min_df).fit(texts)
    ref_words, ref_grams = reference(texts, 3, 5, min_df)
    assert ours.word_terms_.tolist() == sorted(ref_words.vocabulary_)
    assert ours.gram_terms_.tolist() == sorted(ref_grams.vocabulary_)
    X = ours.transform(texts).toarray()
    n = ours.n_word_features
    # scikit-learn orders columns by sorted term too, so the blocks compare directly.
    np.testing.assert_allclose(X[:, :n], ref_words.transform(texts).toarray(), atol=1e-12)
    np.testing.assert_allclose(X[:, n:], ref_grams.transform(texts).toarray(), atol=1e-12)


def test_unseen_words_and_empty_batches():
    f = TextFeatures(min_df=1).fit([model_text(t) for t in TEXTS])
    X = f.transform(["совершенно неизвестные слова", "", "займа"])
    assert X.shape == (3, len(f.word_terms_) + len(f.gram_terms_))
    assert X[1].nnz == 0
    assert f.transform([]).shape[0] == 0


def test_model_text_lowercases_and_masks_digits():
    assert model_text("ИИН 900101300007, Сумма 5 000 тенге") == "иин 000000000000, сумма 0 000 тенге"
