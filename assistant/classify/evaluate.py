"""Scores: macro-F1 overall and per language, per-class table, confusion matrix, abstention."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support

from assistant.categories import codes
from assistant.classify.corpus import OUT_OF_SCOPE


def forced_predictions(proba: np.ndarray, classes: Sequence[str]) -> list[str]:
    """The best real category for each row (OUT_OF_SCOPE never wins: these are category scores)."""
    mask = np.array([c != OUT_OF_SCOPE for c in classes])
    masked = np.where(mask, proba, -np.inf)
    return [classes[i] for i in masked.argmax(axis=1)]


def scores(y_true: Sequence[str], y_pred: Sequence[str], langs: Sequence[str]) -> dict[str, Any]:
    labels = [c for c in codes() if c in set(y_true) | set(y_pred)]
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    per_lang = {}
    for lang in sorted(set(langs)):
        idx = [i for i, lg in enumerate(langs) if lg == lang]
        yt = [y_true[i] for i in idx]
        yp = [y_pred[i] for i in idx]
        present = [c for c in labels if c in set(yt)]
        per_lang[lang] = {"macro_f1": round(float(f1_score(yt, yp, labels=present, average="macro",
                                                           zero_division=0)), 4),
                          "accuracy": round(float(np.mean([a == b for a, b in zip(yt, yp, strict=True)])), 4),
                          "n": len(idx)}
    present = [c for c in labels if c in set(y_true)]
    return {
        "macro_f1": round(float(f1_score(y_true, y_pred, labels=present, average="macro",
                                         zero_division=0)), 4),
        "accuracy": round(float(np.mean([a == b for a, b in zip(y_true, y_pred, strict=True)])), 4),
        "per_lang": per_lang,
        "per_class": {c: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                          "f1": round(float(f[i]), 4), "support": int(s[i])} for i, c in enumerate(labels)},
        "n": len(y_true),
    }


def abstention(y_true: Sequence[str], proba: np.ndarray, classes: Sequence[str], threshold: float
               ) -> dict[str, float]:
    """Precision of the suggestions a threshold accepts, and the share accepted (coverage)."""
    top = proba.argmax(axis=1)
    conf = proba.max(axis=1)
    accepted = [(classes[k] != OUT_OF_SCOPE) and c >= threshold for k, c in zip(top, conf, strict=True)]
    n_acc = sum(accepted)
    correct = sum(1 for a, k, t in zip(accepted, top, y_true, strict=True) if a and classes[k] == t)
    in_scope = sum(1 for t in y_true if t != OUT_OF_SCOPE)
    return {"threshold": round(threshold, 4),
            "accepted_precision": round(correct / n_acc, 4) if n_acc else 1.0,
            "coverage": round(n_acc / in_scope, 4) if in_scope else 0.0}


def choose_threshold(y_true: Sequence[str], proba: np.ndarray, classes: Sequence[str],
                     target_precision: float) -> float:
    """The lowest threshold whose accepted suggestions reach `target_precision` (most coverage)."""
    for t in np.arange(0.0, 1.0001, 0.01):
        if abstention(y_true, proba, classes, float(t))["accepted_precision"] >= target_precision:
            return float(round(t, 2))
    return 1.0


def plot_confusion(y_true: Sequence[str], y_pred: Sequence[str], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [c for c in codes() if c in set(y_true) | set(y_pred)]
    cm = confusion_matrix(y_true, y_pred, labels=labels)
    fig, ax = plt.subplots(figsize=(9, 8), dpi=110)
    ax.imshow(cm, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    for i in range(len(labels)):
        for j in range(len(labels)):
            if cm[i, j]:
                ax.text(j, i, str(cm[i, j]), ha="center", va="center", fontsize=7,
                        color="white" if cm[i, j] > cm.max() / 2 else "black")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def format_table(result: dict[str, Any]) -> str:
    lines = [f"macro-F1 {result['macro_f1']:.3f}  accuracy {result['accuracy']:.3f}  n={result['n']}"]
    for lang, r in result["per_lang"].items():
        lines.append(f"  {lang}: macro-F1 {r['macro_f1']:.3f}  accuracy {r['accuracy']:.3f}  n={r['n']}")
    lines.append(f"{'category':<12} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>5}")
    for c, r in result["per_class"].items():
        lines.append(f"{c:<12} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} {r['support']:>5}")
    return "\n".join(lines)
