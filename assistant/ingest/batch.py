"""Batches of files: each file in a worker process with a time limit, so that no file can hang or crash
the batch. Results come back in input order; a failure is a result like any other."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.ingest.errors import IntakeError
from assistant.ingest.extract import ExtractedDoc, extract_file, ingest

SKIPPED_PREFIXES = (".", "~$")  # hidden files and Word's lock files


@dataclass
class BatchResult:
    path: str
    doc: ExtractedDoc | None = None
    error: IntakeError | None = None

    @property
    def ok(self) -> bool:
        return self.doc is not None

    def to_json(self, lang: str = "ru") -> dict[str, Any]:
        if self.doc is not None:
            return self.doc.to_json(lang)
        assert self.error is not None
        return {"path": self.path, "error": self.error.to_dict(lang)}


def collect_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files named and files under directories named (walked, sorted). Missing paths are kept: they
    become `file_missing` results rather than vanishing from the report."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(SKIPPED_PREFIXES))
                out.extend(Path(root) / f for f in sorted(files) if not f.startswith(SKIPPED_PREFIXES))
        else:
            out.append(p)
    return out


def process_one(path: Path, settings: Settings, layout: bool = False, store: bool = True) -> BatchResult:
    try:
        doc = ingest(path, settings, layout=layout) if store else extract_file(path, settings, layout=layout)
        return BatchResult(str(path), doc=doc)
    except IntakeError as exc:
        return BatchResult(str(path), error=exc)
    except Exception as exc:  # a bug must not stop the batch; it is reported with the file it hit
        detail = f"{type(exc).__name__}: {exc}"
        return BatchResult(str(path), error=IntakeError("internal_error", detail=detail))


Processor = Callable[[Path, Settings, bool, bool], BatchResult]


def _worker_main(conn: Connection, settings: Settings, layout: bool, store: bool,
                 processor: Processor) -> None:
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        index, path = job
        result = processor(Path(path), settings, layout, store)
        if result.doc is not None:
            conn.send((index, "ok", result.doc.to_record()))
        else:
            assert result.error is not None
            conn.send((index, "error", (result.error.code, result.error.params)))


class _Worker:
    def __init__(self, ctx: Any, args: tuple[Settings, bool, bool, Processor]) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, *args), daemon=True)
        self.process.start()
        child.close()
        self.job: tuple[int, str] | None = None
        self.deadline = 0.0

    def submit(self, job: tuple[int, str], timeout: float) -> None:
        self.job = job
        self.deadline = time.monotonic() + timeout
        self.conn.send(job)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(BrokenPipeError, OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def process_batch(paths: Iterable[Path | str], settings: Settings, *, jobs: int | None = None,
                  layout: bool = False, store: bool = True,
                  processor: Processor = process_one) -> Iterator[BatchResult]:
    """Process files in `jobs` worker processes (0: in this process, without time limits).

    `processor` must be importable by name (worker processes are spawned); tests pass one that hangs
    or crashes on purpose."""
    files = [str(p) for p in paths]
    jobs = settings.jobs if jobs is None else jobs
    if jobs <= 0:
        for f in files:
            yield processor(Path(f), settings, layout, store)
        return
    ctx = mp.get_context("spawn")
    pending = deque(enumerate(files))
    args = (settings, layout, store, processor)
    workers = [_Worker(ctx, args) for _ in range(min(jobs, len(files)))]
    done: dict[int, BatchResult] = {}
    next_out = 0
    try:
        while next_out < len(files):
            for w in workers:
                if w.job is None and pending:
                    w.submit(pending.popleft(), settings.file_timeout_s)
            busy = [w for w in workers if w.job is not None]
            if busy:
                timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
                ready = wait([w.conn for w in busy], timeout=timeout)
                for i, w in enumerate(workers):
                    if w.job is None:
                        continue
                    index, path = w.job
                    if w.conn in ready:
                        try:
                            _, status, payload = w.conn.recv()
                        except (EOFError, OSError):
                            code = w.process.exitcode
                            w.stop(kill=True)
                            workers[i] = _Worker(ctx, args)
                            done[index] = BatchResult(path, error=IntakeError(
                                "worker_crashed", detail=f"exit code {code}"))
                            continue
                        w.job = None
                        if status == "ok":
                            done[index] = BatchResult(path, doc=ExtractedDoc.from_record(payload, path))
                        else:
                            code, params = payload
                            done[index] = BatchResult(path, error=IntakeError(code, **params))
                    elif time.monotonic() >= w.deadline:
                        w.stop(kill=True)
                        workers[i] = _Worker(ctx, args)
                        done[index] = BatchResult(path, error=IntakeError(
                            "timeout", seconds=int(settings.file_timeout_s)))
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for w in workers:
            w.stop(kill=w.job is not None)


def ingest_uploads(uploads: Iterable[tuple[str, bytes]], settings: Settings, *, jobs: int | None = None
                   ) -> list[BatchResult]:
    """Files received as (name, content), e.g. from the web app: stored and extracted like a batch, each in
    a worker process with the time limit. Results carry the uploaded names."""
    import tempfile

    items = list(uploads)
    with tempfile.TemporaryDirectory(prefix="kenesshi-upload-") as tmp:
        paths = []
        for i, (name, data) in enumerate(items):
            folder = Path(tmp) / str(i)  # one folder per upload: two files may share a name
            folder.mkdir()
            path = folder / (Path(name).name or "upload")
            path.write_bytes(data)
            paths.append(path)
        results = list(process_batch(paths, settings, jobs=jobs))
    for result, (name, _) in zip(results, items, strict=True):
        result.path = name
        if result.doc is not None:
            result.doc.path = name
    return results
