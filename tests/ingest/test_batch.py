"""Batches: every file gets a result, in order; hangs and crashes are contained; nothing is lost."""

from __future__ import annotations

import os
import time
from pathlib import Path

from assistant.ingest.batch import BatchResult, collect_files, process_batch, process_one
from tests import factories as f


def misbehaving(path: Path, settings, layout: bool, store: bool) -> BatchResult:
    """A processor for the tests: hangs on *hang*, dies on *crash*, else does the real work."""
    if "hang" in path.name:
        time.sleep(3600)
    if "crash" in path.name:
        os._exit(70)
    return process_one(path, settings, layout, store)


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "intake"
    (d / "sub").mkdir(parents=True)
    f.write_text_pdf(d / "01-ru.pdf", f.RU_PAGES)
    f.write_docx(d / "02-kk.docx", f.KK_PAGES)
    (d / "03-empty.txt").write_bytes(b"")
    (d / "sub" / "04-kk.txt").write_text("\n".join(f.KK_PAGES), encoding="utf-8")
    (d / ".hidden.pdf").write_bytes(b"%PDF-1.4")
    (d / "~$lock.docx").write_bytes(b"lock")
    return d


def test_collect_walks_directories_and_keeps_missing_paths(tmp_path):
    d = _folder(tmp_path)
    files = collect_files([d, tmp_path / "nope.pdf"])
    assert [p.name for p in files] == ["01-ru.pdf", "02-kk.docx", "03-empty.txt", "04-kk.txt", "nope.pdf"]


def test_batch_reports_each_file_in_order_and_goes_on(tmp_path, settings):
    d = _folder(tmp_path)
    files = collect_files([d])
    results = list(process_batch(files, settings, jobs=2))
    assert [Path(r.path).name for r in results] == [p.name for p in files]
    assert [r.ok for r in results] == [True, True, False, True]
    assert results[2].error is not None and results[2].error.code == "empty_file"
    assert [r.doc.lang for r in results if r.doc] == ["ru", "kk", "kk"]


def test_hanging_file_is_stopped_and_the_batch_goes_on(tmp_path, settings):
    good = f.write_docx(tmp_path / "good.docx", f.RU_PAGES)
    hang = tmp_path / "hang.txt"
    hang.write_text("Сот шешімі", encoding="utf-8")
    after = f.write_docx(tmp_path / "after.docx", f.KK_PAGES)
    started = time.monotonic()
    results = list(process_batch([good, hang, after], settings.with_(file_timeout_s=3), jobs=1,
                                 processor=misbehaving))
    assert time.monotonic() - started < 60
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error.code == "timeout"
    assert "3" in results[1].error.message("kk")


def test_crashing_worker_is_replaced(tmp_path, settings):
    files = [f.write_docx(tmp_path / "a.docx", f.RU_PAGES), tmp_path / "crash.txt",
             f.write_docx(tmp_path / "b.docx", f.KK_PAGES)]
    files[1].write_text("x", encoding="utf-8")
    results = list(process_batch(files, settings, jobs=2, processor=misbehaving))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error.code == "worker_crashed"


def test_file_vanishing_mid_batch(tmp_path, settings):
    files = [f.write_docx(tmp_path / f"{i}.docx", [*f.KK_PAGES, str(i)]) for i in range(3)]
    results = []
    for r in process_batch(files, settings, jobs=1):
        results.append(r)
        if len(results) == 1:
            files[2].unlink()
    assert [r.ok for r in results] == [True, True, False]
    assert results[2].error.code == "file_missing"


def test_unexpected_exception_is_reported_not_raised(tmp_path, settings, monkeypatch):
    from assistant.ingest import batch

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "ingest", broken)
    path = f.write_docx(tmp_path / "a.docx", f.RU_PAGES)
    [result] = list(process_batch([path], settings, jobs=0))
    assert result.error.code == "internal_error" and "boom" in result.error.message("ru")
