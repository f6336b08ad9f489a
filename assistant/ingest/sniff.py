"""What a file really is, from its first bytes rather than its name."""

from __future__ import annotations

import zipfile
from pathlib import Path

PDF, DOCX, DOC, RTF, TXT, IMAGE, ZIP, BINARY = "pdf", "docx", "doc", "rtf", "txt", "image", "zip", "binary"

# The extension a well-labelled file of each kind carries.
EXTENSIONS = {
    PDF: {".pdf"},
    DOCX: {".docx", ".docm"},
    DOC: {".doc"},
    RTF: {".rtf", ".doc"},  # Word happily saves RTF under .doc
    TXT: {".txt", ".text", ".csv", ".md", ""},
    IMAGE: {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"},
}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")


def sniff(path: Path, head: bytes, suffix: str | None = None) -> str:
    """The kind of file: one of pdf, docx, doc, rtf, txt, image, zip (not a Word document), binary.

    `suffix` is the extension of the file's original name (`path` may be a stored copy without one)."""
    suffix = path.suffix.lower() if suffix is None else suffix
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            # A truncated DOCX is still meant to be a DOCX: let the DOCX reader report it as corrupt.
            return DOCX if suffix in EXTENSIONS[DOCX] else ZIP
        return DOCX if "word/document.xml" in names else ZIP
    if head.startswith(_OLE2):
        return DOC
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(_IMAGE_MAGIC):
        return IMAGE
    if looks_like_text(head):
        return TXT
    return BINARY


def looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if not head:
        return False
    sample = head[:4096]
    if utf16_without_bom(sample):
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control <= 0.01 * len(sample)


def utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when every other byte is a high byte of Latin or Cyrillic (0x00, 0x04)."""
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    half = len(sample) // 2
    for codec, highs in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if sum(1 for b in highs if b in (0x00, 0x04)) >= 0.95 * half and 0x00 in highs:
            return codec
    return None
