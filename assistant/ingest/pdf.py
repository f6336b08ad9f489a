"""PDF text through PDFium (pypdfium2); pdfplumber only when the page layout is wanted."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from assistant.config import Settings
from assistant.ingest.errors import IntakeError, IntakeWarning

# PDFium's load error codes (fpdfview.h).
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
# A page with fewer visible characters than this and an image on it is treated as scanned.
MIN_TEXT_CHARS = 16


@dataclass
class PdfText:
    pages: list[str]
    scanned: list[int]  # 0-based indices of pages that have an image and (almost) no text
    warnings: list[IntakeWarning] = field(default_factory=list)


_ZERO_PAGES_RE = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+0\b|/Count\s+0\b[^>]*?/Type\s*/Pages\b")


def open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        # PDFium's error code is a global "last error" that some failures (a document without pages)
        # leave stale, so the file itself is asked what is wrong with it.
        data = path.read_bytes()
        if exc.err_code in (_ERR_PASSWORD, _ERR_SECURITY) and b"/Encrypt" in data:
            raise IntakeError("encrypted_pdf") from exc
        if _ZERO_PAGES_RE.search(data) and b"/Type /Page\n" not in data and not re.search(
                rb"/Type\s*/Page\b(?!s)", data):
            raise IntakeError("no_pages") from exc
        raise IntakeError("corrupt_pdf", detail=str(exc)) from exc


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def extract_pdf(path: Path, settings: Settings, layout: bool = False,
                render_ocr: Callable[[pdfium.PdfPage, int], str] | None = None) -> PdfText:
    """Text of every page. Pages without a text layer go to `render_ocr(page, index)` when given."""
    doc = open_pdf(path)
    try:
        n = len(doc)
        if n == 0:
            raise IntakeError("no_pages")
        if n > settings.max_pages:
            raise IntakeError("too_many_pages", pages=n, limit=settings.max_pages)
        warnings: list[IntakeWarning] = []
        if _owner_protected(doc):
            warnings.append(IntakeWarning("owner_password"))
        pages: list[str] = []
        scanned: list[int] = []
        for i in range(n):
            page = doc[i]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
                if len(text) < 8 * MIN_TEXT_CHARS and len("".join(text.split())) < MIN_TEXT_CHARS \
                        and _has_image(page):
                    scanned.append(i)
                    if render_ocr is not None:
                        text = render_ocr(page, i)
                pages.append(text)
            except pdfium.PdfiumError as exc:
                raise IntakeError("corrupt_pdf", detail=f"page {i + 1}: {exc}") from exc
            finally:
                page.close()
    finally:
        doc.close()
    if layout:
        pages = _layout_pages(path, pages, scanned)
    return PdfText(pages, scanned, warnings)


def _owner_protected(doc: pdfium.PdfDocument) -> bool:
    # Opened without a password yet encrypted: only an owner (permissions) password is set.
    return pdfium_c.FPDF_GetSecurityHandlerRevision(doc) != -1


def _layout_pages(path: Path, pages: list[str], scanned: list[int]) -> list[str]:
    """Re-read text pages with pdfplumber, keeping columns and table cells apart (slow: only on request)."""
    import pdfplumber

    out = list(pages)
    with pdfplumber.open(str(path)) as pdf:
        for i, page in enumerate(pdf.pages):
            if i not in scanned:
                out[i] = page.extract_text(layout=True) or ""
    return out


def has_eof_marker(path: Path) -> bool:
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 2048))
        return b"%%EOF" in fh.read()
