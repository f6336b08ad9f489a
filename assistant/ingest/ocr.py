"""Optical character recognition with Tesseract (Debian: tesseract-ocr, -rus, -kaz), run as a subprocess
so that a hung recognition can be killed by its timeout."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image

from assistant.config import Settings
from assistant.ingest.errors import IntakeError, IntakeWarning


@cache
def installed_languages(binary: str) -> frozenset[str]:
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = (out.stdout + out.stderr).splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and " " not in ln.strip())


@dataclass(frozen=True)
class OcrEngine:
    binary: str
    langs: str  # "rus+kaz", or the installed part of it
    missing: tuple[str, ...]
    page_timeout_s: float
    dpi: int

    @property
    def warnings(self) -> list[IntakeWarning]:
        if not self.missing:
            return []
        return [IntakeWarning("ocr_lang_missing", {"missing": "+".join(self.missing), "langs": self.langs})]

    def image_to_text(self, image: Image.Image) -> str:
        with tempfile.TemporaryDirectory(prefix="kenesshi-ocr-") as tmp:
            png = Path(tmp) / "page.png"
            image.convert("L").save(png)
            try:
                out = subprocess.run(
                    [self.binary, str(png), "stdout", "-l", self.langs, "--psm", "3"],
                    capture_output=True, timeout=self.page_timeout_s,
                    env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
                )
            except subprocess.TimeoutExpired as exc:
                raise IntakeError("timeout", seconds=int(self.page_timeout_s)) from exc
            except OSError as exc:
                raise IntakeError("ocr_failed", detail=str(exc)) from exc
        if out.returncode != 0:
            raise IntakeError("ocr_failed", detail=out.stderr.decode("utf-8", "replace").strip()[-200:])
        return out.stdout.decode("utf-8", "replace")


def ocr_engine(settings: Settings) -> OcrEngine | None:
    """The Tesseract engine to use, or None when OCR is off or not installed."""
    if settings.ocr == "off":
        return None
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    wanted = [lang for lang in settings.ocr_langs.split("+") if lang]
    have = installed_languages(binary)
    usable = [lang for lang in wanted if lang in have]
    if not usable:
        return None
    missing = tuple(lang for lang in wanted if lang not in have)
    return OcrEngine(binary, "+".join(usable), missing, settings.ocr_page_timeout_s, settings.ocr_dpi)
