"""The templates' manifest (templates/manifest.yaml): which templates exist and which fields each one takes.

    m = load_manifest()
    spec = m.template("return_complaint")
    spec.fields["ground"].type      -> "return_ground"
    spec.path("kk")                 -> templates/kk/return_complaint.docx
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.config import Settings
from assistant.documents.errors import DocumentError

LANGS = ("kk", "ru")
REGIMES = ("pre", "post", "both")
SCALAR_TYPES = frozenset({"str", "richtext", "int", "bool", "date", "time", "money", "person", "court", "act_kind",
                          "outcome", "category", "return_ground", "action", "regime", "image", "letterhead",
                          "act", "check"})
FIELD_TYPES = SCALAR_TYPES | {"list"}
REPO_TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    required: bool = False
    source: str = "user"
    label: dict[str, str] = field(default_factory=dict)
    default: Any = None
    items: str | dict[str, str] | None = None  # list fields: the item type, or the type of each item key
    required_if: str | None = None
    allow_empty: bool = False
    width_mm: float | None = None

    def label_in(self, lang: str) -> str:
        return self.label.get(lang) or self.name


@dataclass(frozen=True)
class TemplateSpec:
    id: str
    title: dict[str, str]
    regime: str
    formats: tuple[str, ...]
    fields: dict[str, FieldSpec]
    directory: Path

    def path(self, lang: str) -> Path:
        return self.directory / lang / f"{self.id}.docx"

    def title_in(self, lang: str) -> str:
        return self.title.get(lang) or self.id

    @property
    def required(self) -> list[str]:
        return [name for name, f in self.fields.items() if f.required]


@dataclass(frozen=True)
class Manifest:
    directory: Path
    templates: dict[str, TemplateSpec]
    common: dict[str, FieldSpec]
    regimes: dict[str, Any]
    act_kinds: dict[str, dict[str, str]]
    actions: dict[str, dict[str, str]]

    def template(self, template_id: str) -> TemplateSpec:
        try:
            return self.templates[template_id]
        except KeyError:
            raise DocumentError("unknown_template", template=template_id,
                                known=", ".join(sorted(self.templates))) from None

    @property
    def reform_date(self) -> dt.date:
        return self.regimes["reform_date"]

    def terms(self, regime: str, lang: str) -> dict[str, str]:
        return dict(self.regimes[regime][lang])


def templates_dir(settings: Settings | None = None) -> Path:
    """Where the templates are: Settings.templates_dir when set, else the repository's templates/."""
    if settings is not None and settings.templates_dir:
        return Path(settings.templates_dir).expanduser()
    return REPO_TEMPLATES_DIR


def _field(name: str, raw: dict[str, Any], where: str) -> FieldSpec:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: field {name!r} must be a mapping")
    ftype = raw.get("type")
    if ftype not in FIELD_TYPES:
        raise ValueError(f"{where}: field {name!r} has unknown type {ftype!r}")
    items = raw.get("items")
    if ftype == "list":
        if items is None:
            raise ValueError(f"{where}: list field {name!r} needs `items`")
        item_types = [items] if isinstance(items, str) else list(items.values())
        bad = [t for t in item_types if t not in SCALAR_TYPES]
        if bad:
            raise ValueError(f"{where}: list field {name!r} has unknown item types {bad}")
    return FieldSpec(name=name, type=ftype, required=bool(raw.get("required", False)),
                     source=str(raw.get("source", "user")), label=dict(raw.get("label") or {}),
                     default=raw.get("default"), items=items, required_if=raw.get("required_if"),
                     allow_empty=bool(raw.get("allow_empty", False)), width_mm=raw.get("width_mm"))


def parse_manifest(data: dict[str, Any], directory: Path) -> Manifest:
    groups = {g: {n: _field(n, f, f"group {g}") for n, f in (fields or {}).items()}
              for g, fields in (data.get("groups") or {}).items()}
    templates: dict[str, TemplateSpec] = {}
    for tid, raw in (data.get("templates") or {}).items():
        where = f"template {tid}"
        fields: dict[str, FieldSpec] = {}
        for g in raw.get("groups") or []:
            if g not in groups:
                raise ValueError(f"{where}: unknown field group {g!r}")
            fields.update(groups[g])
        # A template's own field of the same name wins over the group's (e.g. case_no required here).
        fields.update({n: _field(n, f, where) for n, f in (raw.get("fields") or {}).items()})
        for f in fields.values():
            if f.required_if and (f.required_if not in fields or fields[f.required_if].type != "bool"):
                raise ValueError(f"{where}: {f.name}.required_if must name a bool field")
        regime = raw.get("regime", "both")
        if regime not in REGIMES:
            raise ValueError(f"{where}: regime must be one of {REGIMES}, not {regime!r}")
        title = dict(raw.get("title") or {})
        if set(title) != set(LANGS):
            raise ValueError(f"{where}: title needs kk and ru")
        templates[tid] = TemplateSpec(id=tid, title=title, regime=regime,
                                      formats=tuple(raw.get("formats") or ("docx",)), fields=fields,
                                      directory=directory)
    common = {n: _field(n, f, "common") for n, f in (data.get("common") or {}).items()}
    for tid, spec in templates.items():
        clash = set(spec.fields) & set(common)
        if clash:
            raise ValueError(f"template {tid}: fields {sorted(clash)} are given by render() to every template")
    regimes = dict(data.get("regimes") or {})
    if not isinstance(regimes.get("reform_date"), dt.date):
        raise ValueError("regimes.reform_date must be a date")
    for r in ("pre", "post"):
        if set((regimes.get(r) or {}).keys()) != set(LANGS):
            raise ValueError(f"regimes.{r} needs kk and ru terms")
    return Manifest(directory=directory, templates=templates, common=common, regimes=regimes,
                    act_kinds=dict(data.get("act_kinds") or {}), actions=dict(data.get("actions") or {}))


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int) -> Manifest:
    del mtime_ns  # part of the cache key only: an edited manifest is read again
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return parse_manifest(data, path.parent)


def load_manifest(directory: Path | str | None = None, settings: Settings | None = None) -> Manifest:
    """The manifest in `directory` (default: Settings.templates_dir, else the repository's templates/)."""
    base = Path(directory) if directory is not None else templates_dir(settings)
    path = base / "manifest.yaml"
    if not path.is_file():
        raise DocumentError("template_missing", path=str(path))
    return _load(path.resolve(), path.stat().st_mtime_ns)
