"""Legacy Word (.doc): converted to DOCX with LibreOffice when it is installed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assistant.config import Settings
from assistant.ingest.errors import IntakeError

T = TypeVar("T")


def libreoffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def with_converted_docx(path: Path, settings: Settings, read: Callable[[Path], T]) -> T:
    """Convert `path` to DOCX in a private temporary directory and call `read` on the result."""
    binary = libreoffice_binary()
    if binary is None:
        raise IntakeError("legacy_doc")
    with tempfile.TemporaryDirectory(prefix="kenesshi-doc-") as tmp:
        src = Path(tmp) / "input.doc"
        shutil.copyfile(path, src)
        profile = Path(tmp) / "profile"
        cmd = [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(src)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=settings.convert_timeout_s)
        except subprocess.TimeoutExpired as exc:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise IntakeError("timeout", seconds=int(settings.convert_timeout_s)) from exc
        out = Path(tmp) / "input.docx"
        if proc.returncode != 0 or not out.exists():
            detail = err.decode("utf-8", "replace").strip()[-200:] or f"exit {proc.returncode}"
            raise IntakeError("conversion_failed", detail=detail)
        return read(out)
