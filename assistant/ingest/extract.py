"""From a file to clean, language-tagged text: the entry points of the intake layer."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.ingest import sniff as kinds
from assistant.ingest.docx import extract_docx
from assistant.ingest.errors import IntakeError, IntakeWarning
from assistant.ingest.langid import Paragraph, default_identifier
from assistant.ingest.legacy import with_converted_docx
from assistant.ingest.normalize import normalize
from assistant.ingest.ocr import ocr_engine
from assistant.ingest.pdf import extract_pdf, has_eof_marker
from assistant.ingest.store import ContentStore, sha256_file
from assistant.ingest.text import decode_text, rtf_bytes_to_text

# Bump when extraction or normalisation changes, so cached results are recomputed.
EXTRACTOR_VERSION = "1"
HEAD_BYTES = 8192
_KIND_NAMES = {kinds.PDF: "PDF", kinds.DOCX: "DOCX", kinds.DOC: "DOC", kinds.RTF: "RTF", kinds.TXT: "TXT",
               kinds.IMAGE: "image"}


@dataclass
class ExtractedDoc:
    """The text of one incoming file: per page, clean and raw, with its language and how it was read."""

    path: str
    sha256: str
    kind: str
    method: str
    pages: list[str]
    raw_pages: list[str]
    lang: str
    encoding: str | None = None
    warnings: list[IntakeWarning] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)

    @property
    def raw_text(self) -> str:
        return "\n\n".join(self.raw_pages)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def paragraphs(self) -> list[Paragraph]:
        return default_identifier().paragraphs(self.text)

    def to_json(self, lang: str = "ru") -> dict[str, Any]:
        """The public record (CLI `--json`)."""
        return {"path": self.path, "sha256": self.sha256, "pages": self.page_count, "lang": self.lang,
                "method": self.method, "text": self.text,
                "warnings": [w.to_dict(lang) for w in self.warnings]}

    def to_record(self) -> dict[str, Any]:
        """Everything, for the cache in the store."""
        return {"version": EXTRACTOR_VERSION, "sha256": self.sha256, "kind": self.kind,
                "method": self.method, "pages": self.pages, "raw_pages": self.raw_pages, "lang": self.lang,
                "encoding": self.encoding,
                "warnings": [{"code": w.code, "params": w.params} for w in self.warnings]}

    @classmethod
    def from_record(cls, record: dict[str, Any], path: str) -> ExtractedDoc:
        return cls(path=path, sha256=record["sha256"], kind=record["kind"], method=record["method"],
                   pages=record["pages"], raw_pages=record["raw_pages"], lang=record["lang"],
                   encoding=record.get("encoding"),
                   warnings=[IntakeWarning.from_dict(w) for w in record["warnings"]])


def _precheck(path: Path, settings: Settings) -> int:
    """Size of a readable regular file, or the IntakeError that stops it."""
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise IntakeError("file_missing") from exc
    except OSError as exc:
        raise IntakeError("unreadable", detail=exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(st.st_mode):
        raise IntakeError("unsupported_format", detail="not a regular file")
    if st.st_size == 0:
        raise IntakeError("empty_file")
    if st.st_size > settings.max_file_bytes:
        raise IntakeError("too_large", size_mb=round(st.st_size / 2**20, 1), limit_mb=settings.max_file_mb)
    return st.st_size


def _read_head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(HEAD_BYTES)
    except FileNotFoundError as exc:
        raise IntakeError("file_missing") from exc
    except OSError as exc:
        raise IntakeError("unreadable", detail=exc.strerror or str(exc)) from exc


def extract_file(path: Path | str, settings: Settings, *, layout: bool = False, name: str | None = None,
                 sha256: str | None = None) -> ExtractedDoc:
    """Read one file into an ExtractedDoc or raise IntakeError.

    `name` is the file's original name (its extension is checked against the content) when `path` is a
    stored copy; `sha256` saves hashing the file again when the caller already did.
    """
    path = Path(path)
    display = name or str(path)
    _precheck(path, settings)
    head = _read_head(path)
    suffix = Path(display).suffix.lower()
    kind = kinds.sniff(path, head, suffix)
    warnings: list[IntakeWarning] = []
    if kind == kinds.ZIP:
        raise IntakeError("not_docx" if suffix in (".docx", ".docm") else "unsupported_format",
                          detail="ZIP archive")
    if kind == kinds.BINARY:
        raise IntakeError("unsupported_format", detail=f"unknown binary {suffix or 'file'}")
    known_suffixes = set().union(*kinds.EXTENSIONS.values())
    if suffix in known_suffixes and suffix not in kinds.EXTENSIONS[kind]:
        warnings.append(IntakeWarning("mislabelled", {"ext": suffix, "actual": _KIND_NAMES[kind]}))

    encoding = None
    if kind == kinds.PDF:
        raw_pages, method, more = _read_pdf(path, settings, layout)
        warnings += more
    elif kind == kinds.DOCX:
        raw_pages, method = extract_docx(path, settings), "docx"
    elif kind == kinds.DOC:
        raw_pages = with_converted_docx(path, settings, lambda p: extract_docx(p, settings))
        if readable_share("".join(raw_pages)) < MIN_READABLE_SHARE:
            # LibreOffice imports anything, a damaged .doc included, as a page of symbols.
            raise IntakeError("conversion_failed", detail="the result is not text")
        method = "doc-libreoffice"
        warnings.append(IntakeWarning("converted"))
    elif kind == kinds.RTF:
        raw_pages, method = [rtf_bytes_to_text(path.read_bytes())], "rtf"
    elif kind == kinds.IMAGE:
        raw_pages, method, more = _read_image(path, settings)
        warnings += more
    else:
        text, encoding = decode_text(path.read_bytes())
        raw_pages, method = text.split("\x0c"), "txt"
        if encoding not in ("UTF-8",):
            warnings.append(IntakeWarning("encoding_guessed", {"encoding": encoding}))

    pages = [normalize(p) for p in raw_pages]
    if not any(p.strip() for p in pages):
        raise IntakeError("no_text")
    bad = sum(p.count("\ufffd") for p in pages)
    if bad:
        warnings.append(IntakeWarning("replacement_chars", {"count": bad}))
    lang = default_identifier().document("\n\n".join(pages))
    return ExtractedDoc(path=display, sha256=sha256 or sha256_file(path), kind=kind, method=method,
                        pages=pages, raw_pages=raw_pages, lang=lang, encoding=encoding, warnings=warnings)


MIN_READABLE_SHARE = 0.6
_READABLE_RE = re.compile(r"[0-9A-Za-z\u0400-\u04ff.,;:!?()«»\"'№%/\-–—]")


def readable_share(text: str) -> float:
    """Share of the visible characters that are letters, digits or punctuation of ru/kk/en text."""
    # "_xFFFF_" is how OOXML escapes characters XML cannot hold: garbage, not text.
    text = re.sub(r"_x[0-9A-Fa-f]{4}_", "\ufffd", text)
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 1.0
    return len(_READABLE_RE.findall("".join(visible))) / len(visible)


def _page_list(indices: list[int]) -> str:
    return ", ".join(str(i + 1) for i in indices)


def _read_pdf(path: Path, settings: Settings, layout: bool) -> tuple[list[str], str, list[IntakeWarning]]:
    engine = ocr_engine(settings)
    render = None
    if engine is not None:
        def render(page: Any, index: int) -> str:
            image = page.render(scale=engine.dpi / 72, grayscale=True).to_pil()
            return engine.image_to_text(image)

    result = extract_pdf(path, settings, layout=layout, render_ocr=render)
    warnings = list(result.warnings)
    if not has_eof_marker(path):
        warnings.append(IntakeWarning("truncated"))
    method = "pdf-layout" if layout else "pdf-text"
    if result.scanned:
        if engine is None:
            text_pages = [p for i, p in enumerate(result.pages) if i not in result.scanned and p.strip()]
            if not text_pages:
                raise IntakeError("needs_ocr")
            warnings.append(IntakeWarning("pages_need_ocr", {"pages": _page_list(result.scanned)}))
        else:
            method = "pdf-ocr" if len(result.scanned) == len(result.pages) else method + "+ocr"
            warnings.append(IntakeWarning("ocr_used", {"pages": _page_list(result.scanned),
                                                       "langs": engine.langs}))
            warnings += engine.warnings
    return result.pages, method, warnings


def _read_image(path: Path, settings: Settings) -> tuple[list[str], str, list[IntakeWarning]]:
    from PIL import Image, ImageSequence

    engine = ocr_engine(settings)
    if engine is None:
        raise IntakeError("needs_ocr")
    try:
        with Image.open(path) as img:
            frames = [frame.copy() for frame in ImageSequence.Iterator(img)]
    except Image.DecompressionBombError as exc:
        raise IntakeError("too_large", size_mb="?", limit_mb=settings.max_file_mb) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise IntakeError("unsupported_format", detail=f"image: {exc}") from exc
    if len(frames) > settings.max_pages:
        raise IntakeError("too_many_pages", pages=len(frames), limit=settings.max_pages)
    pages = [engine.image_to_text(frame) for frame in frames]
    warnings = [IntakeWarning("ocr_used", {"pages": _page_list(list(range(len(pages)))),
                                           "langs": engine.langs}), *engine.warnings]
    return pages, "image-ocr", warnings


def result_variant(settings: Settings, layout: bool) -> str:
    """Cache key part for the options that change the extracted text."""
    key = f"{EXTRACTOR_VERSION}|{layout}|{settings.ocr}|{settings.ocr_langs}|{settings.ocr_dpi}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def ingest(path: Path | str, settings: Settings, *, store: ContentStore | None = None,
           layout: bool = False) -> ExtractedDoc:
    """Keep the original in the content-addressed store and extract it (or reuse the stored result).

    Idempotent: the same content is stored once and extracted once per set of options.
    """
    path = Path(path)
    store = store or ContentStore(settings.home)
    _precheck(path, settings)
    try:
        sha, stored = store.put_file(path)
    except FileNotFoundError as exc:
        raise IntakeError("file_missing") from exc
    except PermissionError as exc:
        raise IntakeError("unreadable", detail=exc.strerror or str(exc)) from exc
    variant = result_variant(settings, layout)
    cached = store.load_result(sha, variant)
    if cached is not None and cached.get("version") == EXTRACTOR_VERSION:
        return ExtractedDoc.from_record(cached, path=str(path))
    doc = extract_file(stored, settings, layout=layout, name=str(path), sha256=sha)
    store.save_result(sha, variant, doc.to_record())
    return doc

