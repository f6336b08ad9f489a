"""DOCX text through python-docx: body in document order (paragraphs and tables), headers and footers.

A DOCX is a ZIP of XML parts, so it is checked before python-docx sees it: the archive may not inflate
past a limit (zip bombs), and no part may declare a DOCTYPE or entities (entity expansion, reading
local files). Word never writes either.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from assistant.config import Settings
from assistant.ingest.errors import IntakeError

_W_P, _W_TBL, _W_SDT, _W_T, _W_TAB, _W_BR, _W_CR = (
    qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"))
_W_TR, _W_TC, _W_TYPE, _W_RENDERED_BREAK = qn("w:tr"), qn("w:tc"), qn("w:type"), qn("w:lastRenderedPageBreak")
_W_TXBX = qn("w:txbxContent")
PAGE_BREAK = "\x0c"
MAX_PARTS = 5000


def check_docx_archive(path: Path, settings: Settings) -> None:
    """Refuse archives that would inflate too far or that carry DTDs, before anything is parsed."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_PARTS:
                raise IntakeError("zip_bomb", limit_mb=int(settings.max_unzipped_mb),
                                  detail=f"{len(infos)} parts")
            total = sum(i.file_size for i in infos)
            if total > settings.max_unzipped_bytes:
                raise IntakeError("zip_bomb", limit_mb=int(settings.max_unzipped_mb),
                                  detail=f"{total // (1024 * 1024)} MB declared")
            for info in infos:
                ratio = info.file_size / info.compress_size if info.compress_size else 0
                # Real Word parts compress up to ~20:1; a megabyte-sized part at 200:1 is a bomb.
                if ratio > settings.max_zip_ratio and info.file_size > 1024 * 1024:
                    raise IntakeError("zip_bomb", limit_mb=int(settings.max_unzipped_mb),
                                      detail=f"{info.filename}: ratio {int(ratio)}:1")
            if "word/document.xml" not in zf.namelist():
                raise IntakeError("not_docx", detail="no word/document.xml")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _check_xml_part(zf, info)
    except zipfile.BadZipFile as exc:
        raise IntakeError("corrupt_docx", detail=str(exc)) from exc
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise IntakeError("corrupt_docx", detail=str(exc)) from exc


def _check_xml_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    # ZipExtFile never returns more than the declared size (and checks the CRC), so the scan is bounded
    # by the limits checked above. Markers may straddle chunk boundaries: keep a short tail.
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 16):
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise IntakeError("unsafe_xml", detail=info.filename)
            tail = window[-16:]


def _paragraph_text(p) -> str:
    parts: list[str] = []
    for el in p.iter(_W_T, _W_TAB, _W_BR, _W_CR, _W_RENDERED_BREAK):
        tag = el.tag
        if tag == _W_T:
            parts.append(el.text or "")
        elif tag == _W_TAB:
            parts.append("\t")
        elif tag == _W_BR:
            parts.append(PAGE_BREAK if el.get(_W_TYPE) == "page" else "\n")
        elif tag == _W_CR:
            parts.append("\n")
        elif tag == _W_RENDERED_BREAK and parts:
            # Word records where pages broke when it last laid the document out.
            parts.append(PAGE_BREAK)
    return "".join(parts)


def _block_texts(parent) -> list[str]:
    """Texts of the blocks under a body, cell, header or footer element, in document order."""
    out: list[str] = []
    for child in parent.iterchildren():
        if child.tag == _W_P:
            out.append(_paragraph_text(child))
        elif child.tag == _W_TBL:
            for row in child.iter(_W_TR):
                cells = []
                for cell in row.iterchildren(_W_TC):
                    cells.append(" ".join(t for t in _block_texts(cell) if t.strip()))
                if any(cells):
                    out.append(" | ".join(cells))
        elif child.tag == _W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                out.extend(_block_texts(content))
    return out


def extract_docx(path: Path, settings: Settings) -> list[str]:
    """Pages of text (split at page breaks); headers open the first page, footers close the last."""
    check_docx_archive(path, settings)
    try:
        document = Document(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IntakeError("corrupt_docx", detail=str(exc)) from exc
    except Exception as exc:  # lxml XMLSyntaxError and python-docx's own errors on broken parts
        if type(exc).__name__ in ("XMLSyntaxError", "PackageNotFoundError", "InvalidXmlError"):
            raise IntakeError("corrupt_docx", detail=str(exc)) from exc
        raise
    body = "\n".join(_block_texts(document.element.body))
    headers: list[str] = []
    footers: list[str] = []
    for section in document.sections:
        for part, bucket in ((section.header, headers), (section.first_page_header, headers),
                             (section.footer, footers), (section.first_page_footer, footers)):
            if part.is_linked_to_previous:
                continue
            text = "\n".join(t for t in _block_texts(part._element) if t.strip())
            if text and text not in bucket:
                bucket.append(text)
    pages = body.split(PAGE_BREAK)
    if headers:
        pages[0] = "\n".join(headers) + "\n\n" + pages[0]
    if footers:
        pages[-1] = pages[-1] + "\n\n" + "\n".join(footers)
    # Word may record a rendered break right before an explicit one: drop the empty pages that leaves.
    kept = [p for p in pages if p.strip()]
    return kept or [""]
