from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.ingest.legacy import libreoffice_binary
from assistant.ingest.ocr import installed_languages

# CI sets this: a missing optional tool (Tesseract, LibreOffice) fails the run instead of skipping.
REQUIRE_SYSTEM_DEPS = os.environ.get("KENESSHI_REQUIRE_SYSTEM_DEPS") == "1"


def _need(available: bool, what: str) -> None:
    if available:
        return
    if REQUIRE_SYSTEM_DEPS:
        pytest.fail(f"{what} is required (KENESSHI_REQUIRE_SYSTEM_DEPS=1): run make system-deps")
    pytest.skip(f"{what} not installed (make system-deps installs it)")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with a private data directory and OCR off (tests that want OCR ask for `ocr_settings`)."""
    return Settings(home=tmp_path / "home", ocr="off", jobs=1)


@pytest.fixture
def ocr_settings(settings: Settings) -> Settings:
    binary = shutil.which("tesseract")
    langs = installed_languages(binary) if binary else frozenset()
    _need(binary is not None and {"rus", "kaz"} <= langs, "Tesseract with rus and kaz")
    return settings.with_(ocr="auto")


@pytest.fixture
def libreoffice() -> str:
    binary = libreoffice_binary()
    _need(binary is not None, "LibreOffice")
    assert binary is not None
    return binary
