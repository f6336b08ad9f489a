"""PDF export through LibreOffice: every template in both languages, converted in one LibreOffice run."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from assistant.documents.errors import DocumentError
from assistant.documents.manifest import load_manifest
from assistant.documents.pdf import convert_to_pdf
from assistant.documents.render import Job, render_many
from tests.documents.samples import TODAY

pytestmark = pytest.mark.libreoffice

# The most pages each document may take with the sample data (a letter is one page).
MAX_PAGES = {"return_complaint": 1, "case_file_request": 1, "hearing_notice": 1, "ruling_cover_letter": 1,
             "case_return_letter": 1, "judge_memo": 2, "press_release": 3, "practice_review": 4,
             "statistics_report": 2}
# A phrase of the body that must be found in the PDF's text layer.
PHRASES = {
    ("return_complaint", "ru"): "О возврате кассационной жалобы",
    ("return_complaint", "kk"): "Кассациялық шағымды қайтару туралы",
    ("case_file_request", "ru"): "Об истребовании гражданского дела",
    ("case_file_request", "kk"): "Азаматтық істі талап ету туралы",
    ("hearing_notice", "ru"): "СУДЕБНОЕ ИЗВЕЩЕНИЕ",
    ("hearing_notice", "kk"): "СОТТЫҢ ХАБАРЛАМАСЫ",
    ("ruling_cover_letter", "ru"): "О направлении копии судебного акта",
    ("ruling_cover_letter", "kk"): "көшірмесі мәлімет үшін жіберіледі",
    ("case_return_letter", "ru"): "О возвращении гражданского дела",
    ("case_return_letter", "kk"): "Азаматтық істі қайтару туралы",
    ("judge_memo", "ru"): "СПРАВКА",
    ("judge_memo", "kk"): "АНЫҚТАМА",
    ("press_release", "ru"): "ПРЕСС-РЕЛИЗ",
    ("press_release", "kk"): "БАСПАСӨЗ РЕЛИЗІ",
    ("practice_review", "ru"): "ОБЗОР СУДЕБНОЙ ПРАКТИКИ",
    ("practice_review", "kk"): "СОТ ПРАКТИКАСЫНА ШОЛУ",
    ("statistics_report", "ru"): "СТАТИСТИЧЕСКИЙ ОТЧЁТ",
    ("statistics_report", "kk"): "СТАТИСТИКАЛЫҚ ЕСЕП",
}


def _pdf_text(path) -> tuple[int, str]:
    doc = pdfium.PdfDocument(str(path))
    try:
        pages = len(doc)
        text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(pages))
    finally:
        doc.close()
    return pages, re.sub(r"\s+", " ", text)


def test_every_template_converts_to_pdf(libreoffice, sample, doc_settings, tmp_path):
    templates = list(load_manifest().templates)
    assert set(templates) == set(MAX_PAGES)
    jobs = [Job(tid, lang, sample(tid, lang), tmp_path / f"{tid}_{lang}.pdf") for tid in templates
            for lang in ("kk", "ru")]
    outs = render_many(jobs, pdf=True, settings=doc_settings, today=TODAY)
    assert outs == [job.out for job in jobs]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in outs)  # no work files left
    for job, out in zip(jobs, outs, strict=True):
        pages, text = _pdf_text(out)
        assert 1 <= pages <= MAX_PAGES[job.template_id], (out.name, pages)
        assert PHRASES[job.template_id, job.lang] in text, out.name
        assert "{{" not in text and "{%" not in text
        # the page number field in the footer
        assert re.search(rf"\b{pages}\b", text)


def test_a_file_libreoffice_cannot_read_is_a_clear_error(libreoffice, tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a zip archive at all")
    with pytest.raises(DocumentError) as info:
        convert_to_pdf([bad], tmp_path / "out", binary=libreoffice, timeout_s=60)
    assert info.value.code == "conversion_failed"
