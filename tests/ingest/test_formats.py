"""Every supported format, in Russian and in Kazakh: text, pages, language, method."""

from __future__ import annotations

import pytest

from assistant.ingest import extract_file
from tests import factories as f

LANGS = ["ru", "kk"]


def _words(text: str) -> set[str]:
    return {w.strip(".,:;«»()№") for w in text.split() if len(w) > 3}


def _assert_same_text(extracted: str, expected_pages: list[str], min_recall: float = 0.97) -> None:
    expected = _words(" ".join(expected_pages))
    got = _words(extracted)
    recall = len(expected & got) / len(expected)
    assert recall >= min_recall, f"only {recall:.0%} of the words came through: missing {expected - got}"


@pytest.mark.parametrize("lang", LANGS)
def test_text_pdf(tmp_path, settings, lang):
    pages = f.SAMPLES[lang]
    doc = extract_file(f.write_text_pdf(tmp_path / "a.pdf", pages), settings)
    assert doc.method == "pdf-text"
    assert doc.page_count == 2
    assert doc.lang == lang
    assert doc.kind == "pdf"
    _assert_same_text(doc.pages[0], pages[:1])
    _assert_same_text(doc.pages[1], pages[1:])
    assert len(doc.sha256) == 64
    assert doc.warnings == []


@pytest.mark.parametrize("lang", LANGS)
def test_text_pdf_with_layout(tmp_path, settings, lang):
    pages = f.SAMPLES[lang]
    doc = extract_file(f.write_text_pdf(tmp_path / "a.pdf", pages), settings, layout=True)
    assert doc.method == "pdf-layout"
    assert doc.lang == lang
    _assert_same_text(doc.text, pages)


@pytest.mark.parametrize("lang", LANGS)
def test_docx_body_tables_headers_footers(tmp_path, settings, lang):
    paras = f.SAMPLES[lang]
    table = [["Истец", "Жауапкер"], ["ТОО «Алтын & Ко»", "Сәрсенбаев Қ."]]
    path = f.write_docx(tmp_path / "c.docx", paras, table=table, header="Адвокатская контора «Әділет»",
                        footer="Бет / Стр. 1", page_break_after=0)
    doc = extract_file(path, settings)
    assert doc.method == "docx"
    assert doc.page_count == 2, "an explicit page break splits pages"
    assert doc.pages[0].startswith("Адвокатская контора «Әділет»"), "header opens the first page"
    assert doc.pages[-1].endswith("Бет / Стр. 1"), "footer closes the last page"
    assert "ТОО «Алтын & Ко» | Сәрсенбаев Қ." in doc.text, "table rows keep their cells together"
    assert doc.lang == lang
    _assert_same_text(doc.text, paras)


@pytest.mark.parametrize("lang", LANGS)
def test_rtf(tmp_path, settings, lang):
    text = "\n".join(f.SAMPLES[lang])
    path = tmp_path / "d.rtf"
    path.write_bytes(f.rtf_bytes(text))
    doc = extract_file(path, settings)
    assert doc.method == "rtf"
    assert doc.lang == lang
    _assert_same_text(doc.text, f.SAMPLES[lang])


ENCODINGS = [
    ("ru", "utf-8", "UTF-8"),
    ("ru", "utf-8-sig", "UTF-8"),
    ("ru", "utf-16", "UTF-16LE"),
    ("ru", "utf-16-le", "UTF-16LE"),
    ("ru", "utf-16-be", "UTF-16BE"),
    ("ru", "cp1251", "CP1251"),
    ("ru", "koi8_r", "KOI8-R"),
    ("kk", "utf-8", "UTF-8"),
    ("kk", "utf-16", "UTF-16LE"),
    ("kk", "kz1048", "KZ-1048"),
]


@pytest.mark.parametrize(("lang", "codec", "name"), ENCODINGS)
def test_txt_encodings(tmp_path, settings, lang, codec, name):
    text = "\n\n".join(f.SAMPLES[lang])
    if codec == "koi8_r":
        text = text.replace("№", "N")  # KOI8-R has no numero sign
    path = tmp_path / "e.txt"
    path.write_bytes(text.encode(codec))
    doc = extract_file(path, settings)
    assert doc.method == "txt"
    assert doc.encoding == name
    assert doc.lang == lang
    assert doc.raw_text.replace("\r", "") == text
    warned = [w.code for w in doc.warnings]
    assert ("encoding_guessed" in warned) == (name != "UTF-8")


def test_mixed_language_document(tmp_path, settings):
    path = tmp_path / "mixed.txt"
    path.write_text(f.KK_PAGES[0] + "\n\n" + f.RU_PAGES[0] + "\n\n" + f.RU_PAGES[1], encoding="utf-8")
    doc = extract_file(path, settings)
    assert doc.lang == "mixed"
    langs = {p.lang for p in doc.paragraphs()}
    assert {"kk", "ru"} <= langs


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_mislabelled_as_docx_is_read_as_pdf(tmp_path, settings, lang):
    path = tmp_path / "complaint.docx"
    path.write_bytes(f.text_pdf_bytes(f.SAMPLES[lang]))
    doc = extract_file(path, settings)
    assert doc.method == "pdf-text"
    assert doc.lang == lang
    assert [w.code for w in doc.warnings] == ["mislabelled"]
    assert "PDF" in doc.warnings[0].message("ru") and "PDF" in doc.warnings[0].message("kk")


def test_raw_text_is_kept_next_to_clean(tmp_path, settings):
    path = tmp_path / "raw.txt"
    path.write_text("Заяв-\nление в cуд\u00a0подано", encoding="utf-8")
    doc = extract_file(path, settings)
    assert doc.text == "Заявление в суд подано"
    assert doc.raw_text == "Заяв-\nление в cуд\u00a0подано"
