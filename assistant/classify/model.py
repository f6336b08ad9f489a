"""The category model: word and subword TF-IDF, a linear SVM, calibrated probabilities."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from assistant.classify.features import TextFeatures


@dataclass(frozen=True)
class ModelParams:
    """Every parameter of the model, explicit (they go into the model card)."""

    C: float = 0.5
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (3, 5)
    min_df: int = 2
    calibration: str = "sigmoid"
    calibration_folds: int = 5
    class_weight: str | None = "balanced"
    target_precision: float = 0.95  # of accepted suggestions, chosen on cross-validation
    cv_folds: int = 5
    seed: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def build_model(p: ModelParams) -> Pipeline:
    features = TextFeatures(word_ngrams=p.word_ngrams, char_ngrams=p.char_ngrams, min_df=p.min_df)
    svm = LinearSVC(C=p.C, class_weight=p.class_weight, random_state=p.seed)
    clf = CalibratedClassifierCV(svm, method=p.calibration, cv=p.calibration_folds, ensemble=False)
    return Pipeline([("features", features), ("clf", clf)])


def build_baseline() -> Pipeline:
    """The yardstick the issue names: word TF-IDF + LinearSVC with defaults."""
    return Pipeline([("tfidf", TfidfVectorizer()), ("svc", LinearSVC())])
