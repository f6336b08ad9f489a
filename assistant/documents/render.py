"""Fill a Word template and write the document, atomically: a complete file or none.

    render("return_complaint", "kk", data, Path("out/return.docx"))            -> out/return.docx
    render("return_complaint", "ru", data, Path("out/return.docx"), pdf=True)  -> out/return.pdf
                                                                   (or .docx when LibreOffice is missing)

Jinja runs in a sandbox with autoescape on: a template edited in Word cannot reach Python internals or
files, and a value with &, <, >, quotes or «» cannot break the document's XML. A name the template uses
but the data does not give is an error (StrictUndefined), not an empty space in a court letter.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, Template, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from assistant.config import Settings, load_settings
from assistant.documents.context import ImageValue, build_context
from assistant.documents.errors import DocumentError
from assistant.documents.files import atomic_write
from assistant.documents.formatting import ru_plural
from assistant.documents.manifest import LANGS, Manifest, TemplateSpec, load_manifest
from assistant.documents.pdf import convert_to_pdf, libreoffice_binary

# Template tags that survived rendering: Jinja never saw them (split by Word into pieces it could not
# join, or in a part docxtpl does not render, such as a text box).
_LEFTOVER_TAG = re.compile(r"\{\{|\{%|\{#|\{_\{|\{_%")
_XML_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def _ucfirst(value: object) -> str:
    text = str(value)
    return text[:1].upper() + text[1:]


def _plural(n: object, one: str, few: str, many: str) -> str:
    """Russian noun after a number: {{ n|plural('том', 'тома', 'томов') }}."""
    try:
        return ru_plural(int(n), one, few, many)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return many


class DocumentEnvironment(SandboxedEnvironment):
    """The sandbox, remembering compiled templates: docxtpl hands over each part of the .docx as a string,
    and compiling it again for every document cost more than filling it (≈ 20 ms a document)."""

    max_compiled = 128

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled: OrderedDict[str, Template] = OrderedDict()
        self._compiled_lock = threading.Lock()

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self._compiled_lock:
            template = self._compiled.get(source)
            if template is not None:
                self._compiled.move_to_end(source)
                return template
        template = super().from_string(source)
        with self._compiled_lock:
            self._compiled[source] = template
            while len(self._compiled) > self.max_compiled:
                self._compiled.popitem(last=False)
        return template


@cache
def jinja_env() -> SandboxedEnvironment:
    """The one environment every template renders in: sandboxed, autoescaping, strict about names."""
    env = DocumentEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["ucfirst"] = _ucfirst
    env.filters["plural"] = _plural
    # Jinja's default globals include helpers a document never needs; fewer names, fewer surprises.
    for name in ("cycler", "joiner", "lipsum", "namespace"):
        env.globals.pop(name, None)
    return env


@lru_cache(maxsize=64)
def _template_bytes(path: Path, mtime_ns: int) -> bytes:
    del mtime_ns  # cache key: an edited template is read again
    return path.read_bytes()


def _open_template(spec: TemplateSpec, lang: str) -> DocxTemplate:
    path = spec.path(lang)
    if not path.is_file():
        raise DocumentError("template_missing", path=str(path))
    return DocxTemplate(io.BytesIO(_template_bytes(path.resolve(), path.stat().st_mtime_ns)))


def _inline_images(tpl: DocxTemplate, context: dict[str, Any]) -> dict[str, Any]:
    def walk(value: Any) -> Any:
        if isinstance(value, ImageValue):
            return InlineImage(tpl, image_descriptor=io.BytesIO(value.png), width=Mm(value.width_mm))
        if type(value) is list:  # not ActList: acts hold no images
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return {k: walk(v) for k, v in context.items()}


def _check_no_leftover_tags(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not _XML_PARTS.match(name):
                continue
            xml = zf.read(name).decode("utf-8", "replace")
            text = re.sub(r"<[^>]+>", "", xml)
            m = _LEFTOVER_TAG.search(text)
            if m:
                raise DocumentError("unrendered_tags", part=name, detail=text[max(0, m.start() - 40): m.end() + 40])


def _fill(tpl: DocxTemplate, context: dict[str, Any], spec: TemplateSpec, lang: str) -> None:
    try:
        tpl.render(_inline_images(tpl, context), jinja_env=jinja_env())
    except SecurityError as exc:
        raise DocumentError("template_unsafe", template=f"{lang}/{spec.id}", detail=str(exc)) from exc
    except TemplateSyntaxError as exc:
        raise DocumentError("template_syntax", template=f"{lang}/{spec.id}", detail=str(exc)) from exc
    except UndefinedError as exc:
        raise DocumentError("template_undefined", template=f"{lang}/{spec.id}", detail=str(exc)) from exc
    except TemplateError as exc:
        raise DocumentError("template_failed", template=f"{lang}/{spec.id}", detail=str(exc)) from exc
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        # {{ 1/0 }}, {{ range(10**9) }} (the sandbox's limit), a filter given the wrong value, …
        raise DocumentError("template_failed", template=f"{lang}/{spec.id}",
                            detail=f"{type(exc).__name__}: {exc}") from exc
    tpl.docx.core_properties.title = context.get("template_title", spec.id)
    tpl.docx.core_properties.language = "kk-KZ" if lang == "kk" else "ru-RU"


@dataclass(frozen=True)
class Job:
    """One document of a batch (render_many)."""

    template_id: str
    lang: str
    data: Mapping[str, Any]
    out: Path


def _prepare(manifest: Manifest, job: Job, settings: Settings, today: dt.date | None) -> tuple[TemplateSpec, dict]:
    if job.lang not in LANGS:
        raise DocumentError("unknown_lang", language=job.lang)
    spec = manifest.template(job.template_id)
    return spec, build_context(manifest, spec, job.lang, job.data, settings, today=today)


def _render_docx(spec: TemplateSpec, lang: str, context: dict[str, Any], out: Path) -> Path:
    tpl = _open_template(spec, lang)
    _fill(tpl, context, spec, lang)

    def write(tmp: Path) -> None:
        tpl.save(tmp)
        _check_no_leftover_tags(tmp)

    return atomic_write(out, write)


def render(template_id: str, lang: str, data: Mapping[str, Any], out: Path, *, pdf: bool = False,
           settings: Settings | None = None, today: dt.date | None = None) -> Path:
    """Validate `data` against the manifest, format it, fill the template and write `out`.

    Returns the path written: `out` with suffix .docx, or .pdf when `pdf` is asked for and LibreOffice is
    installed. Raises TemplateDataError (every missing or invalid field) before anything is written, and
    DocumentError for a broken or unsafe template or a failed conversion; a failed render leaves no file.
    """
    return render_many([Job(template_id, lang, data, Path(out))], pdf=pdf, settings=settings, today=today)[0]


def render_many(jobs: Iterable[Job], *, pdf: bool = False, settings: Settings | None = None,
                today: dt.date | None = None) -> list[Path]:
    """Render several documents; with `pdf`, convert them all in one LibreOffice run (one start-up).

    Every job's data is checked before any file is written; the first error stops the batch."""
    settings = settings or load_settings()
    manifest = load_manifest(settings=settings)
    jobs = list(jobs)
    prepared = [_prepare(manifest, job, settings, today) for job in jobs]
    binary = libreoffice_binary() if pdf else None
    if binary is None:
        return [_render_docx(spec, job.lang, ctx, Path(job.out).with_suffix(".docx"))
                for job, (spec, ctx) in zip(jobs, prepared, strict=True)]

    outs = [Path(job.out).with_suffix(".pdf") for job in jobs]
    work_parent = outs[0].parent if outs else Path(tempfile.gettempdir())
    work_parent.mkdir(parents=True, exist_ok=True)
    # The work directory sits next to the output so that the final rename stays on one filesystem.
    work = Path(tempfile.mkdtemp(prefix=".kenesshi-pdf-", dir=work_parent))
    try:
        docx_paths = []
        for i, (job, (spec, ctx)) in enumerate(zip(jobs, prepared, strict=True)):
            docx_paths.append(_render_docx(spec, job.lang, ctx, work / f"{i:05d}.docx"))
        pdfs = convert_to_pdf(docx_paths, work / "pdf", binary=binary, timeout_s=settings.convert_timeout_s)
        for made, out in zip(pdfs, outs, strict=True):
            atomic_write(out, lambda tmp, src=made: shutil.copyfile(src, tmp))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return outs
