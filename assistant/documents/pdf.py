"""PDF export through LibreOffice (headless), when it is installed.

Each run gets its own LibreOffice profile in a temporary directory (-env:UserInstallation), so parallel
runs by several users or workers do not fight over one profile, and its own process group, so a hung
conversion is killed as a whole when the time limit passes. Several files convert in one run: LibreOffice
takes a few seconds to start and then well under a second a page.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from assistant.documents.errors import DocumentError


def libreoffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(paths: Sequence[Path], outdir: Path, *, binary: str | None = None,
                   timeout_s: float = 120.0) -> list[Path]:
    """Convert `paths` (DOCX files with distinct names) to PDF in `outdir`, in one LibreOffice run.

    Returns the PDFs in the order of `paths`. DocumentError("conversion_timeout") when LibreOffice takes
    longer than `timeout_s`, DocumentError("conversion_failed") when a PDF is missing afterwards."""
    binary = binary or libreoffice_binary()
    if binary is None:
        raise DocumentError("conversion_failed", detail="LibreOffice (soffice) is not installed")
    if not paths:
        return []
    stems = [Path(p).stem for p in paths]
    if len(set(stems)) != len(stems):
        raise ValueError("files converted together need distinct names")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kenesshi-lo-") as profile:
        cmd = [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nologo",
               "--nodefault", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir),
               *[str(p) for p in paths]]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired as exc:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise DocumentError("conversion_timeout", seconds=int(timeout_s)) from exc
    pdfs = [outdir / f"{stem}.pdf" for stem in stems]
    missing = [p.name for p in pdfs if not p.is_file() or p.stat().st_size == 0]
    if proc.returncode != 0 or missing:
        detail = err.decode("utf-8", "replace").strip()[-200:] or f"exit {proc.returncode}; missing {missing}"
        raise DocumentError("conversion_failed", detail=detail)
    return pdfs
