"""Training: cross-validated threshold, final fit, dev-set comparison with the baseline, model card."""

from __future__ import annotations

import datetime as dt
import json
import platform
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from assistant.classify.corpus import LabelledDoc, corpus_hash, counts, read_jsonl
from assistant.classify.evaluate import (
    abstention,
    choose_threshold,
    forced_predictions,
    plot_confusion,
    scores,
)
from assistant.classify.features import model_text
from assistant.classify.model import ModelParams, build_baseline, build_model
from assistant.classify.modelio import METRICS_FILE, save_model
from assistant.ingest.langid import identify_document

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_OUT = ROOT / "models" / "category"


def load_corpus(corpus_dir: Path) -> tuple[list[LabelledDoc], list[LabelledDoc]]:
    """(training documents, dev documents) from corpus_dir/train.jsonl and dev.jsonl."""
    train = read_jsonl(corpus_dir / "train.jsonl")
    dev_path = corpus_dir / "dev.jsonl"
    dev = read_jsonl(dev_path) if dev_path.exists() else []
    return train, dev


def merge_corrections(docs: list[LabelledDoc], corrections: list[LabelledDoc]
                      ) -> tuple[list[LabelledDoc], int]:
    """Consultants' corrected labels win over the corpus (same id), new texts are added."""
    by_id = {d.id: i for i, d in enumerate(docs)}
    merged = list(docs)
    changed = 0
    for c in corrections:
        lang = c.lang or identify_document(c.text)
        fixed = replace(c, lang=lang, source=c.source or "correction")
        if c.id in by_id:
            if merged[by_id[c.id]].category != c.category:
                changed += 1
            merged[by_id[c.id]] = replace(merged[by_id[c.id]], category=c.category)
        else:
            merged.append(fixed)
            changed += 1
    return merged, changed


def cross_validated_proba(docs: list[LabelledDoc], params: ModelParams) -> tuple[np.ndarray, list[str]]:
    X = [model_text(d.text) for d in docs]
    y = [d.category for d in docs]
    cv = StratifiedKFold(params.cv_folds, shuffle=True, random_state=params.seed)
    proba = cross_val_predict(build_model(params), X, y, cv=cv, method="predict_proba")
    return proba, sorted(set(y))


def train(corpus_dir: Path = DEFAULT_CORPUS, out_dir: Path = DEFAULT_OUT, *,
          params: ModelParams | None = None, corrections: Path | None = None,
          log: Callable[[str], None] = print) -> dict[str, Any]:
    params = params or ModelParams()
    started = time.perf_counter()
    docs, dev = load_corpus(corpus_dir)
    n_changed = 0
    if corrections is not None:
        docs, n_changed = merge_corrections(docs, read_jsonl(corrections))
        log(f"corrections: {n_changed} labels changed or added from {corrections}")
    previous = _read_previous(out_dir)

    log(f"cross-validating on {len(docs)} documents ({params.cv_folds} folds)…")
    proba, classes = cross_validated_proba(docs, params)
    y = [d.category for d in docs]
    langs = [d.lang for d in docs]
    threshold = choose_threshold(y, proba, classes, params.target_precision)
    cv_pred = forced_predictions(proba, classes)
    in_scope = [i for i, t in enumerate(y) if t in set(c for c in classes if c != "OUT_OF_SCOPE")]
    cv_scores = scores([y[i] for i in in_scope], [cv_pred[i] for i in in_scope], [langs[i] for i in in_scope])
    cv_scores.update(abstention(y, proba, classes, threshold))
    log(f"CV macro-F1 {cv_scores['macro_f1']:.3f}; threshold {threshold:.2f} gives precision "
        f"{cv_scores['accepted_precision']:.3f} at coverage {cv_scores['coverage']:.3f}")

    log("fitting the final model…")
    fit_started = time.perf_counter()
    model = compact(build_model(params).fit([model_text(d.text) for d in docs], y))
    fit_seconds = time.perf_counter() - fit_started

    dev_result: dict[str, Any] = {}
    out_dir.mkdir(parents=True, exist_ok=True)
    plot_confusion([y[i] for i in in_scope], [cv_pred[i] for i in in_scope], out_dir / "confusion_cv.png",
                   f"Cross-validation ({params.cv_folds} folds), training corpus")
    if dev:
        dev_result = evaluate_on_dev(model, docs, dev, threshold)
        plot_confusion([d.category for d in dev], dev_result.pop("_pred"), out_dir / "confusion_dev.png",
                       "Dev set (written independently)")
        for who in ("ours", "baseline"):
            r = dev_result[who]
            per = ", ".join(f"{lg} {v['macro_f1']:.3f}" for lg, v in r["per_lang"].items())
            log(f"dev {who}: macro-F1 {r['macro_f1']:.3f} ({per})")

    sha = save_model(model, out_dir)
    metrics = {
        "model_sha256": sha,
        "data_sha256": corpus_hash(docs),
        "dev_sha256": corpus_hash(dev) if dev else None,
        "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "training_seconds": round(time.perf_counter() - started, 1),
        "final_fit_seconds": round(fit_seconds, 1),
        "n_train": len(docs),
        "corrections": {"file": str(corrections), "changed": n_changed} if corrections else None,
        "counts": counts(docs),
        "classes": classes,
        "params": params.to_dict(),
        "threshold": threshold,
        "cv": cv_scores,
        "dev": dev_result,
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__},
    }
    (out_dir / METRICS_FILE).write_text(json.dumps(metrics, ensure_ascii=False, indent=1), encoding="utf-8")
    (out_dir / "card.md").write_text(model_card(metrics), encoding="utf-8")
    if previous:
        log(change_report(previous, metrics))
    return metrics


def compact(model: Any) -> Any:
    """Store the SVM weights in float32: half the file, probabilities change by less than 1e-6."""
    for calibrated in model.named_steps["clf"].calibrated_classifiers_:
        svm = calibrated.estimator
        svm.coef_ = svm.coef_.astype(np.float32)
    return model


def evaluate_on_dev(model: Any, train_docs: list[LabelledDoc], dev: list[LabelledDoc],
                    threshold: float) -> dict[str, Any]:
    """Our model against the baseline, both trained on the same documents and scored on the dev set."""
    y_dev = [d.category for d in dev]
    langs = [d.lang for d in dev]
    proba = model.predict_proba([model_text(d.text) for d in dev])
    classes = [str(c) for c in model.classes_]
    pred = forced_predictions(proba, classes)
    ours = scores(y_dev, pred, langs)
    ours.update(abstention(y_dev, proba, classes, threshold))

    t0 = time.perf_counter()
    baseline = build_baseline().fit([d.text for d in train_docs], [d.category for d in train_docs])
    decision = baseline.decision_function([d.text for d in dev])
    base_pred = forced_predictions(decision, [str(c) for c in baseline.classes_])
    base = scores(y_dev, base_pred, langs)
    base["fit_seconds"] = round(time.perf_counter() - t0, 2)
    return {"ours": ours, "baseline": base, "_pred": pred}


def _read_previous(out_dir: Path) -> dict[str, Any] | None:
    try:
        return json.loads((out_dir / METRICS_FILE).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def change_report(before: dict[str, Any], after: dict[str, Any]) -> str:
    def get(m: dict[str, Any], *path: str) -> float | None:
        node: Any = m
        for p in path:
            if not isinstance(node, dict) or p not in node:
                return None
            node = node[p]
        return node

    rows = [("CV macro-F1", ("cv", "macro_f1")), ("dev macro-F1", ("dev", "ours", "macro_f1")),
            ("dev macro-F1 ru", ("dev", "ours", "per_lang", "ru", "macro_f1")),
            ("dev macro-F1 kk", ("dev", "ours", "per_lang", "kk", "macro_f1")),
            ("threshold", ("threshold",)), ("CV coverage", ("cv", "coverage"))]
    lines = ["change against the previous model:"]
    for label, path in rows:
        a, b = get(before, *path), get(after, *path)
        if a is not None and b is not None:
            lines.append(f"  {label:<16} {a:.3f} -> {b:.3f} ({b - a:+.3f})")
    return "\n".join(lines)


def model_card(m: dict[str, Any]) -> str:
    from assistant.categories import categories

    langs = ("ru", "kk")
    rows = []
    for code in [*categories(), "OUT_OF_SCOPE"]:
        c = m["counts"].get(code, {})
        rows.append(f"| {code} | {c.get('ru', 0)} | {c.get('kk', 0)} |")
    per_class = []
    for code, r in m["cv"]["per_class"].items():
        d = m["dev"].get("ours", {}).get("per_class", {}).get(code, {}) if m["dev"] else {}
        per_class.append(f"| {code} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} | "
                         f"{d.get('f1', float('nan')):.2f} |")
    dev = m["dev"]
    dev_lines = []
    if dev:
        for who in ("ours", "baseline"):
            r = dev[who]
            per = ", ".join(f"{lg} {r['per_lang'][lg]['macro_f1']:.3f}"
                            for lg in langs if lg in r["per_lang"])
            dev_lines.append(f"| {who} | {r['macro_f1']:.3f} | {per} | {r['accuracy']:.3f} |")
    params = "\n".join(f"- `{k}` = `{v}`" for k, v in m["params"].items())
    return f"""# Model card: case-category classifier

Suggests one of the 17 categories of `assistant/data/categories.yaml` for an incoming complaint, with a
calibrated confidence, the runner-ups and the words that drove it; says UNSURE below the threshold, on
text outside civil cassation, or when there is too little text. A consultant confirms or overrides.

- Trained: {m['trained_at']} in {m['training_seconds']} s (final fit {m['final_fit_seconds']} s), scikit-learn
  {m['versions']['scikit-learn']}, Python {m['versions']['python']}
- Training data: `corpus/train.jsonl`, {m['n_train']} documents, sha256 `{m['data_sha256'][:16]}…`
- Dev data: `corpus/dev.jsonl`, sha256 `{(m['dev_sha256'] or '-')[:16]}…` (never trained on)
- Model file: `model.skops`, sha256 `{m['model_sha256'][:16]}…`, loaded with an explicit type allow-list

## Model
Word 1–2-gram TF-IDF and character 3–5-gram TF-IDF inside words (Kazakh and Russian morphology, OCR
noise), a linear SVM with balanced class weights, probabilities calibrated with Platt scaling on 5 folds.
The abstention threshold is the lowest confidence at which the accepted suggestions reach
{m['params']['target_precision']:.0%} precision in {m['params']['cv_folds']}-fold cross-validation.

{params}

## Data (documents per category and language)
| category | ru | kk |
|---|---|---|
{chr(10).join(rows)}

OUT_OF_SCOPE is not a category: administrative, criminal and off-topic texts the model learns to refuse.
The corpus is synthetic: written for this project (see `corpus/CARD.md`); retrain on the court's own export.

## Results
Cross-validation on the training corpus: macro-F1 **{m['cv']['macro_f1']:.3f}**
({', '.join(f"{lg} {m['cv']['per_lang'][lg]['macro_f1']:.3f}" for lg in langs if lg in m['cv']['per_lang'])}).
Threshold **{m['threshold']:.2f}**: accepted suggestions precision {m['cv']['accepted_precision']:.3f},
coverage {m['cv']['coverage']:.3f}.

Dev set (written independently, different writer and styles), best category forced:

| model | macro-F1 | per language | accuracy |
|---|---|---|---|
{chr(10).join(dev_lines)}

With abstention on the dev set: precision {dev.get('ours', {}).get('accepted_precision', float('nan')):.3f} at
coverage {dev.get('ours', {}).get('coverage', float('nan')):.3f}.

Per class (CV precision / recall / F1, dev F1):

| category | P | R | F1 | dev F1 |
|---|---|---|---|---|
{chr(10).join(per_class)}

Confusion matrices: `confusion_cv.png`, `confusion_dev.png`.

## Known limits
- Synthetic training text: real complaints are longer, noisier and unevenly distributed over categories.
- Categories that share vocabulary (LOAN/CONTRACT, HOUSING/PROPERTY, TORT/INSURANCE) are confused most.
"""
