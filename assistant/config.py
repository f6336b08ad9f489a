"""Settings, in one place.

Values come from the environment, then from a `.env` file in the working directory, then from the defaults
below. Nothing else in the project reads environment variables.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from dotenv import dotenv_values

ENV_PREFIX = "KENESSHI_"


def _default_home() -> Path:
    return Path.home() / ".kenesshi"


@dataclass(frozen=True)
class Settings:
    """Everything that may differ between installations.

    `home` holds the data of one installation: the content-addressed store of originals, the extraction
    cache and, by default, the SQLite database.
    """

    home: Path
    db_url: str = ""
    lang: str = "ru"  # language of messages: "ru" or "kk"
    max_file_mb: float = 50.0
    max_pages: int = 500
    # A DOCX is a ZIP archive: refuse it before inflating past this many megabytes.
    max_unzipped_mb: float = 200.0
    max_zip_ratio: float = 200.0
    ocr: str = "auto"  # "auto": use Tesseract when installed; "off": never
    ocr_langs: str = "rus+kaz"
    ocr_dpi: int = 300
    ocr_page_timeout_s: float = 120.0
    file_timeout_s: float = 600.0
    convert_timeout_s: float = 120.0
    jobs: int = 2
    # Letterhead of the drafted documents (assistant.documents). The address, phone and e-mail are left
    # for each installation to set in .env: no source gave the court's official contacts.
    court_name_ru: str = "Кассационный суд по гражданским делам"
    court_name_kk: str = "Азаматтық істер жөніндегі кассациялық сот"
    court_address: str = "Астана"
    court_phone: str = ""
    court_email: str = ""
    # Word templates and their manifest; empty: the `templates/` folder of the repository.
    templates_dir: str = ""

    def __post_init__(self) -> None:
        if not self.db_url:
            object.__setattr__(self, "db_url", f"sqlite:///{self.home / 'kenesshi.sqlite3'}")
        if self.lang not in ("ru", "kk"):
            raise ValueError(f"KENESSHI_LANG must be 'ru' or 'kk', not {self.lang!r}")
        if self.ocr not in ("auto", "off"):
            raise ValueError(f"KENESSHI_OCR must be 'auto' or 'off', not {self.ocr!r}")

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_unzipped_bytes(self) -> int:
        return int(self.max_unzipped_mb * 1024 * 1024)

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)


def load_settings(
    environ: Mapping[str, str] | None = None, dotenv_path: Path | str | None = ".env"
) -> Settings:
    """Read settings from `environ` (default: the process environment) over a `.env` file."""
    values: dict[str, str] = {}
    if dotenv_path is not None and Path(dotenv_path).is_file():
        values.update({k: v for k, v in dotenv_values(dotenv_path).items() if v is not None})
    values.update(os.environ if environ is None else environ)

    kwargs: dict[str, object] = {}
    for f in fields(Settings):
        raw = values.get(ENV_PREFIX + f.name.upper())
        if raw is None or raw == "":
            continue
        if f.name == "home":
            kwargs["home"] = Path(raw).expanduser()
        elif f.type in ("int",):
            kwargs[f.name] = int(raw)
        elif f.type in ("float",):
            kwargs[f.name] = float(raw)
        else:
            kwargs[f.name] = raw
    kwargs.setdefault("home", _default_home())
    return Settings(**kwargs)  # type: ignore[arg-type]
