"""The shipped corpus: labels, sizes per category and language, independence of the dev set."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.categories import codes
from assistant.classify.corpus import OUT_OF_SCOPE, counts, read_jsonl, shared_passages

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"


@pytest.fixture(scope="module")
def train():
    return read_jsonl(CORPUS / "train.jsonl")


@pytest.fixture(scope="module")
def dev():
    return read_jsonl(CORPUS / "dev.jsonl")


def test_every_category_has_enough_documents_in_both_languages(train):
    table = counts(train)
    for code in codes():
        assert table.get(code, {}).get("ru", 0) >= 60, code
        assert table.get(code, {}).get("kk", 0) >= 25, code
    assert sum(table.get(OUT_OF_SCOPE, {}).values()) >= 50


def test_dev_set_covers_every_category(dev):
    table = counts(dev)
    for code in codes():
        assert sum(table.get(code, {}).values()) >= 10, code
        assert table[code].get("kk", 0) >= 3, code


def test_ids_are_unique(train, dev):
    ids = [d.id for d in train + dev]
    assert len(ids) == len(set(ids))


def test_no_two_documents_share_a_long_passage(train, dev):
    assert shared_passages(train + dev) == []


def test_documents_are_varied_in_length(train):
    lengths = sorted(len(d.text.split()) for d in train)
    assert lengths[0] >= 20 and lengths[-1] <= 1000
    assert lengths[len(lengths) // 5] < 150 < lengths[len(lengths) * 4 // 5]


def test_labels_never_appear_in_the_text(train, dev):
    for d in train + dev:
        assert d.category not in d.text
