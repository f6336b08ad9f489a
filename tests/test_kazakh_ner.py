"""The Kazakh NER training script (a smoke run on a slice of KazNERD) and the Kazakh stem used as NORM."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import assistant.nlp.kk  # noqa: F401
from assistant.nlp.kk.stem import stem

KAZNERD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "kaznerd"
SHIPPED = Path(__file__).resolve().parents[1] / "models" / "ner-kk"


@pytest.mark.parametrize(("word", "expected"), [
    ("Астанада", "астана"), ("Астанаға", "астана"), ("Астанасына", "астана"), ("Қазақстанның", "қазақстан"),
    ("қазақстандық", "қазақстан"), ("тұрғындарға", "тұрғын"), ("Ресейдің", "ресей"), ("Ақтөбеде", "ақтөбе"),
    ("Айгүлге", "айгүл"), ("ҚР", "қр"), ("үй", "үй"), ("2024", "2024"), ("Smith", "smith"),
])
def test_stem(word, expected):
    assert stem(word) == expected


def test_norm_is_the_stem_but_abbreviations_keep_their_norm():
    nlp = spacy.blank("kk")
    assert [t.norm_ for t in nlp("Астанада 2024 ж. сотқа")] == ["астана", "2024", "жыл", "сот"]


@pytest.mark.skipif(not KAZNERD.exists(), reason="KazNERD is not beside the checkout")
def test_training_script_smoke_run(tmp_path):
    out = tmp_path / "ner"
    run = subprocess.run([sys.executable, "-m", "assistant.nlp.train.kazakh_ner", "--out", str(out),
                          "--epochs", "1", "--limit", "300"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["train_sentences"] == 270 and metrics["test_sentences"] == 300
    assert 0.0 <= metrics["test_micro"]["f"] <= 1.0 and "PERSON" in metrics["test_per_type"]
    card = (out / "card.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in card and "KazNERD" in card
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "ner"]


def test_shipped_model_card_and_metrics():
    metrics = json.loads((SHIPPED / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["test_sentences"] == 11307
    card = (SHIPPED / "card.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in card and f"{metrics['test_micro']['f']:.3f}" in card
