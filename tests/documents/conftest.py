from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from assistant.config import Settings
from tests.documents.samples import hostile_data, sample_data


@pytest.fixture
def doc_settings(settings: Settings) -> Settings:
    """The suite's settings with a full letterhead."""
    return settings.with_(court_address="010000, Астана", court_phone="8 (7172) 71-00-00",
                          court_email="kassac@sud.kz")


@cache
def _sample(template_id: str, lang: str, hostile: bool) -> dict[str, Any]:
    # press releases and reviews depersonalise and draw charts: build each sample once per run
    if hostile:
        return hostile_data(template_id, lang, _sample(template_id, lang, False))
    return sample_data(template_id, lang)


@pytest.fixture
def sample():
    def get(template_id: str, lang: str, hostile: bool = False) -> dict[str, Any]:
        return dict(_sample(template_id, lang, hostile))

    return get


def docx_text(path: Path) -> list[str]:
    """Every paragraph of the document (body, table cells, headers, footers), NBSP shown as a space."""
    doc = Document(str(path))
    out: list[str] = []

    def walk(container) -> None:
        for p in container.paragraphs:
            out.append(p.text.replace("\u00a0", " "))
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)

    walk(doc)
    for section in doc.sections:
        walk(section.header)
        walk(section.footer)
    return out
