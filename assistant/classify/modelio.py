"""Saving and loading the model with skops under an explicit allow-list of types (never pickle)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import skops.io as sio

MODEL_FILE = "model.skops"
METRICS_FILE = "metrics.json"

# Every type the saved pipeline may contain. Loading refuses a file that asks for anything else.
ALLOWED_TYPES = frozenset({
    "assistant.classify.features.TextFeatures",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "builtins.str",
    "builtins.int",
    "builtins.float",
    "builtins.bool",
    "collections.OrderedDict",
    "numpy.dtype",
    "numpy.ndarray",
    "numpy.float64",
    "numpy.float32",
    "numpy.int64",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._label.LabelEncoder",
    "sklearn.svm._classes.LinearSVC",
})


class ModelLoadError(RuntimeError):
    """The model cannot be loaded safely; the message says why and what to do."""


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_model(model: Any, directory: Path) -> str:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / MODEL_FILE
    tmp = path.with_suffix(".tmp")
    # Deflate: the vocabularies compress about tenfold, which keeps the committed file small.
    sio.dump(model, tmp, compression=zipfile.ZIP_DEFLATED, compresslevel=6)
    untrusted = set(sio.get_untrusted_types(file=tmp)) - ALLOWED_TYPES
    if untrusted:
        tmp.unlink()
        raise ModelLoadError(f"the model contains types outside the allow-list: {sorted(untrusted)}")
    tmp.replace(path)
    return sha256_file(path)


def load_model(directory: Path) -> tuple[Any, dict]:
    """The pipeline and its metrics.json, after checking the file's hash and every type it contains."""
    path = directory / MODEL_FILE
    meta_path = directory / METRICS_FILE
    if not path.exists() or not meta_path.exists():
        raise ModelLoadError(f"no trained model in {directory}: run `kenesshi train`")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    digest = sha256_file(path)
    if digest != meta.get("model_sha256"):
        raise ModelLoadError(
            f"{path} does not match the hash recorded in {METRICS_FILE} (file changed or damaged); "
            "retrain with `kenesshi train` or restore the file from the repository")
    try:
        untrusted = set(sio.get_untrusted_types(file=path))
    except Exception as exc:
        raise ModelLoadError(f"{path} is not a readable skops file: {exc}") from exc
    unknown = untrusted - ALLOWED_TYPES
    if unknown:
        raise ModelLoadError(f"{path} asks for types outside the allow-list, refused: {sorted(unknown)}")
    model = sio.load(path, trusted=sorted(untrusted))
    return model, meta
