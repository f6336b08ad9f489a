"""Content-addressed store: originals kept once, results reused, no partial records."""

from __future__ import annotations

import hashlib
import os

import pytest

from assistant.ingest import extract as extract_module
from assistant.ingest import ingest
from assistant.ingest.store import ContentStore
from tests import factories as f


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_original_is_kept_under_its_sha256(tmp_path, settings, lang):
    path = f.write_text_pdf(tmp_path / f"{lang}.pdf", f.SAMPLES[lang])
    doc = ingest(path, settings)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.sha256 == sha
    stored = settings.home / "originals" / sha[:2] / sha
    assert stored.read_bytes() == path.read_bytes()
    assert not os.access(stored, os.W_OK) or os.geteuid() == 0  # stored read-only


def test_reprocessing_is_idempotent(tmp_path, settings, monkeypatch):
    path = f.write_docx(tmp_path / "a.docx", f.KK_PAGES)
    first = ingest(path, settings)
    files_before = sorted(p for p in settings.home.rglob("*") if p.is_file())

    calls = []
    monkeypatch.setattr(extract_module, "extract_file", lambda *a, **k: calls.append(a))
    copy = tmp_path / "renamed copy.docx"
    copy.write_bytes(path.read_bytes())
    second = ingest(copy, settings)

    assert calls == [], "the stored result is reused, not recomputed"
    assert second.to_json() | {"path": ""} == first.to_json() | {"path": ""}
    assert second.path == str(copy)
    assert sorted(p for p in settings.home.rglob("*") if p.is_file()) == files_before


def test_changed_options_are_extracted_again(tmp_path, settings):
    path = f.write_text_pdf(tmp_path / "a.pdf", f.RU_PAGES)
    assert ingest(path, settings).method == "pdf-text"
    assert ingest(path, settings, layout=True).method == "pdf-layout"


def test_crash_while_storing_leaves_nothing(tmp_path, settings, monkeypatch):
    store = ContentStore(settings.home)
    path = f.write_text_pdf(tmp_path / "a.pdf", f.RU_PAGES)

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        store.put_file(path)
    assert [p for p in settings.home.rglob("*") if p.is_file()] == []


def test_damaged_cache_entry_is_recomputed(tmp_path, settings):
    path = f.write_text_pdf(tmp_path / "a.pdf", f.KK_PAGES)
    doc = ingest(path, settings)
    for cached in (settings.home / "extracted").rglob("*.json"):
        cached.write_text("{broken", encoding="utf-8")
    again = ingest(path, settings)
    assert again.text == doc.text
