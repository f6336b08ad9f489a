"""Scanned documents through Tesseract (rus+kaz), and legacy .doc through LibreOffice.

These need Debian packages (make system-deps); CI requires them, a developer machine may skip."""

from __future__ import annotations

import subprocess

import pytest

from assistant.ingest import IntakeError, extract_file
from assistant.ingest import ocr as ocr_module
from tests import factories as f

OCR_TEXT = {
    "ru": "КАССАЦИОННАЯ ЖАЛОБА\nПрошу отменить постановление апелляционной инстанции и оставить в силе "
          "решение районного суда о взыскании задолженности по договору займа.",
    "kk": "КАССАЦИЯЛЫҚ ШАҒЫМ\nАпелляциялық сатыдағы соттың қаулысының күшін жоюды және аудандық соттың "
          "шешімін күшінде қалдыруды сұраймын. Жауапкер қарызды мойындаған.",
}


def _recall(expected: str, got: str) -> float:
    words = {w.strip(".,").lower() for w in expected.split() if len(w) > 3}
    found = {w.strip(".,").lower() for w in got.split()}
    return len(words & found) / len(words)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_scanned_pdf_without_ocr_needs_ocr(tmp_path, settings, lang):
    path = f.write_scanned_pdf(tmp_path / "scan.pdf", [OCR_TEXT[lang]])
    with pytest.raises(IntakeError) as info:
        extract_file(path, settings)
    assert info.value.code == "needs_ocr"
    assert "tesseract" in info.value.message("ru") and "tesseract" in info.value.message("kk")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_scanned_pdf_is_recognised(tmp_path, ocr_settings, lang):
    path = f.write_scanned_pdf(tmp_path / "scan.pdf", [OCR_TEXT[lang], OCR_TEXT[lang]])
    doc = extract_file(path, ocr_settings.with_(ocr_dpi=200))
    assert doc.method == "pdf-ocr"
    assert doc.page_count == 2
    assert doc.lang == lang
    assert _recall(OCR_TEXT[lang], doc.pages[1]) >= 0.85, doc.pages[1]
    assert [w.code for w in doc.warnings] == ["ocr_used"]


def test_pdf_with_text_and_scanned_pages(tmp_path, ocr_settings, settings):
    from pypdf import PdfReader, PdfWriter

    text_pdf = f.write_text_pdf(tmp_path / "t.pdf", f.RU_PAGES[:1])
    scan_pdf = f.write_scanned_pdf(tmp_path / "s.pdf", [OCR_TEXT["kk"]])
    writer = PdfWriter()
    for src in (text_pdf, scan_pdf):
        for page in PdfReader(src).pages:
            writer.add_page(page)
    both = tmp_path / "both.pdf"
    with open(both, "wb") as fh:
        writer.write(fh)

    doc = extract_file(both, ocr_settings.with_(ocr_dpi=200))
    assert doc.method == "pdf-text+ocr"
    assert doc.lang == "mixed"
    # Without OCR the text page is still read and the scanned page is named in a warning.
    partial = extract_file(both, settings)
    assert partial.page_count == 2 and partial.pages[1] == ""
    assert [(w.code, w.params["pages"]) for w in partial.warnings] == [("pages_need_ocr", "2")]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_image_scan_is_recognised(tmp_path, ocr_settings, lang):
    path = tmp_path / "photo.png"
    f.page_image(OCR_TEXT[lang]).save(path)
    doc = extract_file(path, ocr_settings)
    assert doc.method == "image-ocr"
    assert doc.lang == lang


def test_ocr_timeout(tmp_path, ocr_settings, monkeypatch):
    path = f.write_scanned_pdf(tmp_path / "scan.pdf", [OCR_TEXT["kk"]])

    def slow_run(*args, **kwargs):
        raise subprocess.TimeoutExpired(cmd="tesseract", timeout=kwargs.get("timeout"))

    monkeypatch.setattr(ocr_module.subprocess, "run", slow_run)
    with pytest.raises(IntakeError) as info:
        extract_file(path, ocr_settings.with_(ocr_page_timeout_s=5))
    assert info.value.code == "timeout"


def test_missing_kazakh_traineddata_is_a_warning(tmp_path, ocr_settings, monkeypatch):
    monkeypatch.setattr(ocr_module, "installed_languages", lambda binary: frozenset({"rus", "eng"}))
    path = f.write_scanned_pdf(tmp_path / "scan.pdf", [OCR_TEXT["ru"]])
    doc = extract_file(path, ocr_settings.with_(ocr_dpi=200))
    codes = [w.code for w in doc.warnings]
    assert codes == ["ocr_used", "ocr_lang_missing"]
    assert "kaz" in doc.warnings[1].message("kk")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_legacy_doc_is_converted(tmp_path, settings, libreoffice, lang):
    docx = f.write_docx(tmp_path / "src.docx", f.SAMPLES[lang])
    subprocess.run([libreoffice, f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "out"), str(docx)],
                   check=True, capture_output=True, timeout=180)
    doc_file = tmp_path / "out" / "src.doc"
    assert doc_file.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    doc = extract_file(doc_file, settings)
    assert doc.method == "doc-libreoffice"
    assert doc.lang == lang
    assert f.SAMPLES[lang][0].split("\n")[0] in doc.text
    assert [w.code for w in doc.warnings] == ["converted"]


def test_corrupt_doc_fails_conversion(tmp_path, settings, libreoffice):
    bad = tmp_path / "broken.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 3000)
    with pytest.raises(IntakeError) as info:
        extract_file(bad, settings.with_(convert_timeout_s=120))
    assert info.value.code == "conversion_failed"

