"""Content-addressed store of originals (sha256) and of extraction results, under the data directory.

Layout: originals/ab/ab12…(sha256) and extracted/ab12….<variant>.json. Every write goes to a temporary
file in the same directory and is renamed into place, so a crash never leaves a partial record, and
storing the same content twice is a no-op.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


class ContentStore:
    def __init__(self, home: Path) -> None:
        self.root = Path(home)
        self.originals = self.root / "originals"
        self.extracted = self.root / "extracted"

    def original_path(self, sha: str) -> Path:
        return self.originals / sha[:2] / sha

    def result_path(self, sha: str, variant: str) -> Path:
        return self.extracted / sha[:2] / f"{sha}.{variant}.json"

    def put_file(self, path: Path) -> tuple[str, Path]:
        """Copy `path` into the store (hashing while copying); returns (sha256, stored path)."""
        with open(path, "rb") as src:
            return self.put_stream(src)

    def put_stream(self, src: BinaryIO) -> tuple[str, Path]:
        self.originals.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=self.originals)
        try:
            with os.fdopen(fd, "wb") as dst:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    dst.write(chunk)
            sha = h.hexdigest()
            final = self.original_path(sha)
            if final.exists():
                os.unlink(tmp_name)
            else:
                final.parent.mkdir(exist_ok=True)
                os.chmod(tmp_name, 0o444)
                os.replace(tmp_name, final)
            return sha, final
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise

    def load_result(self, sha: str, variant: str) -> dict[str, Any] | None:
        path = self.result_path(sha, variant)
        try:
            with open(path, encoding="utf-8") as fh:
                return json.load(fh)
        except FileNotFoundError:
            return None
        except (json.JSONDecodeError, UnicodeDecodeError):
            return None  # a damaged cache entry is simply recomputed

    def save_result(self, sha: str, variant: str, data: dict[str, Any]) -> Path:
        path = self.result_path(sha, variant)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False)
            os.replace(tmp_name, path)
        except BaseException:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
            raise
        return path
