"""Bad input: each case has a stable error code and a one-line message in Russian and Kazakh."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from assistant.ingest import IntakeError, extract_file, ingest
from assistant.ingest import legacy as legacy_module
from tests import factories as f


def _error(path: Path, settings) -> IntakeError:
    with pytest.raises(IntakeError) as info:
        extract_file(path, settings)
    err = info.value
    for lang in ("ru", "kk"):
        msg = err.message(lang)
        assert "\n" not in msg and "{" not in msg, f"one filled-in line expected, got {msg!r}"
    assert err.message("ru") != err.message("kk")
    return err


def _docx(tmp_path: Path, name: str = "base.docx") -> Path:
    return f.write_docx(tmp_path / name, f.KK_PAGES + f.RU_PAGES)


def make_empty(tmp_path):
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    return p


def make_truncated_pdf(tmp_path):
    data = f.text_pdf_bytes(f.RU_PAGES)
    p = tmp_path / "truncated.pdf"
    p.write_bytes(data[:400])
    return p


def make_garbage_pdf(tmp_path):
    p = tmp_path / "garbage.pdf"
    p.write_bytes(b"%PDF-1.7\n" + os.urandom(5000))
    return p


def make_encrypted_pdf(tmp_path):
    return f.write_encrypted_pdf(tmp_path / "locked.pdf", f.KK_PAGES, user_password="sekret",
                                 owner_password="owner")


def make_zero_page_pdf(tmp_path):
    return f.write_zero_page_pdf(tmp_path / "zero.pdf")


def make_zip_named_docx(tmp_path):
    p = tmp_path / "archive.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("readme.txt", "Бұл Word құжаты емес")
    return p


def make_zip_bomb_docx(tmp_path):
    # 20 MB of one byte: about 20 KB compressed, a 1000:1 ratio.
    payload = b'<?xml version="1.0"?><w:document xmlns:w="x">' + b" " * (20 * 2**20) + b"</w:document>"
    return f.rewrite_docx_part(_docx(tmp_path), tmp_path / "bomb.docx", "word/document.xml", payload)


def make_xxe_docx(tmp_path):
    payload = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    return f.rewrite_docx_part(_docx(tmp_path), tmp_path / "xxe.docx", "word/document.xml", payload)


def make_billion_laughs_docx(tmp_path):
    entities = '<!ENTITY a0 "ха">' + "".join(
        f'<!ENTITY a{i} "{"&a" + str(i - 1) + ";" * 1}' + f'{"&a" + str(i - 1) + ";"}' * 9 + '">'
        for i in range(1, 10))
    payload = (f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>'
               '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               "<w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>").encode()
    return f.rewrite_docx_part(_docx(tmp_path), tmp_path / "laughs.docx", "word/document.xml", payload)


def make_broken_xml_docx(tmp_path):
    return f.rewrite_docx_part(_docx(tmp_path), tmp_path / "broken.docx", "word/document.xml",
                               b"<w:document><w:body><w:p>")


def make_truncated_docx(tmp_path):
    data = _docx(tmp_path).read_bytes()
    p = tmp_path / "cut.docx"
    p.write_bytes(data[: len(data) // 2])
    return p


def make_unknown_binary(tmp_path):
    p = tmp_path / "photo.bin"
    p.write_bytes(bytes(range(256)) * 40)
    return p


def make_undetectable_text(tmp_path):
    p = tmp_path / "random.txt"
    # High bytes only, in an order no Cyrillic text has.
    p.write_bytes(bytes([0xC0 + (i * 7) % 64 for i in range(3000)]) .replace(b"\x98", b"\xc0"))
    return p


def make_fake_doc(tmp_path):
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    return p


def make_empty_docx(tmp_path):
    return f.write_docx(tmp_path / "blank.docx", [])


CASES = [
    (make_empty, "empty_file"),
    (make_truncated_pdf, "corrupt_pdf"),
    (make_garbage_pdf, "corrupt_pdf"),
    (make_encrypted_pdf, "encrypted_pdf"),
    (make_zero_page_pdf, "no_pages"),
    (make_zip_named_docx, "not_docx"),
    (make_zip_bomb_docx, "zip_bomb"),
    (make_xxe_docx, "unsafe_xml"),
    (make_billion_laughs_docx, "unsafe_xml"),
    (make_broken_xml_docx, "corrupt_docx"),
    (make_truncated_docx, "corrupt_docx"),
    (make_unknown_binary, "unsupported_format"),
    (make_undetectable_text, "undetectable_encoding"),
    (make_empty_docx, "no_text"),
]


@pytest.mark.parametrize(("make", "code"), CASES, ids=[c[1] + ":" + c[0].__name__[5:] for c in CASES])
def test_bad_input_has_stable_code(tmp_path, settings, make, code):
    assert _error(make(tmp_path), settings).code == code


def test_pdf_with_owner_password_only_is_read(tmp_path, settings):
    path = f.write_encrypted_pdf(tmp_path / "owner.pdf", f.RU_PAGES, user_password="", owner_password="x")
    doc = extract_file(path, settings)
    assert doc.lang == "ru" and "Кассационный" in doc.text
    assert "owner_password" in [w.code for w in doc.warnings]


def test_pdf_over_the_page_limit(tmp_path, settings):
    path = f.write_text_pdf(tmp_path / "long.pdf", f.RU_PAGES * 3)
    err = _error(path, settings.with_(max_pages=5))
    assert err.code == "too_many_pages" and "6" in err.message("ru") and "6" in err.message("kk")


def test_file_over_the_size_limit(tmp_path, settings):
    path = f.write_text_pdf(tmp_path / "big.pdf", f.KK_PAGES)
    err = _error(path, settings.with_(max_file_mb=0.001))
    assert err.code == "too_large"


def test_zip_bomb_is_refused_before_inflating(tmp_path, settings, monkeypatch):
    # The archive check must refuse from the declared sizes, never by reading the part.
    bomb = make_zip_bomb_docx(tmp_path)
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open",
                        lambda self, name, *a, **k: opened.append(name) or real_open(self, name, *a, **k))
    assert _error(bomb, settings).code == "zip_bomb"
    assert "word/document.xml" not in opened


def test_declared_size_over_the_limit(tmp_path, settings):
    path = _docx(tmp_path)
    assert _error(path, settings.with_(max_unzipped_mb=0.001)).code == "zip_bomb"


def test_xxe_never_reads_local_files(tmp_path, settings):
    err = _error(make_xxe_docx(tmp_path), settings)
    assert "root:" not in err.message("ru")


def test_legacy_doc_without_libreoffice(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(legacy_module, "libreoffice_binary", lambda: None)
    err = _error(make_fake_doc(tmp_path), settings)
    assert err.code == "legacy_doc"
    assert "DOCX" in err.message("ru") and "DOCX" in err.message("kk")


def test_file_that_vanishes(tmp_path, settings):
    path = f.write_text_pdf(tmp_path / "gone.pdf", f.RU_PAGES)
    path.unlink()
    assert _error(path, settings).code == "file_missing"
    with pytest.raises(IntakeError) as info:
        ingest(path, settings)
    assert info.value.code == "file_missing"


def test_failed_file_leaves_no_result_record(tmp_path, settings):
    with pytest.raises(IntakeError):
        ingest(make_xxe_docx(tmp_path), settings)
    extracted = settings.home / "extracted"
    assert not extracted.exists() or not any(extracted.rglob("*.json"))


def test_pdf_with_a_cut_tail_is_read_with_a_warning(tmp_path, settings):
    data = f.text_pdf_bytes(f.KK_PAGES)
    path = tmp_path / "tail.pdf"
    path.write_bytes(data[: data.rindex(b"%%EOF")])
    doc = extract_file(path, settings)
    assert doc.lang == "kk"
    assert "truncated" in [w.code for w in doc.warnings]
