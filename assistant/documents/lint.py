"""Check the templates against the manifest: a consultant who edits a .docx in Word gets told at once when
a tag is broken, names something the manifest does not declare, or drops a required field.

    python -m assistant.documents.lint          # every template in both languages; exit 1 on problems
"""

from __future__ import annotations

import sys
import zipfile
from dataclasses import dataclass

from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError

from assistant.documents.manifest import LANGS, Manifest, load_manifest
from assistant.documents.render import jinja_env


@dataclass(frozen=True)
class Problem:
    template: str
    lang: str
    kind: str  # missing_file | syntax | undeclared | unused_required
    detail: str

    def __str__(self) -> str:
        return f"{self.lang}/{self.template}.docx: {self.kind}: {self.detail}"


def used_variables(manifest: Manifest, template_id: str, lang: str) -> set[str]:
    """The top-level names the .docx uses (body, headers and footers)."""
    path = manifest.template(template_id).path(lang)
    return set(DocxTemplate(str(path)).get_undeclared_template_variables(jinja_env=jinja_env()))


def lint_template(manifest: Manifest, template_id: str, lang: str) -> list[Problem]:
    spec = manifest.template(template_id)
    path = spec.path(lang)
    if not path.is_file() or not zipfile.is_zipfile(path):
        return [Problem(template_id, lang, "missing_file", str(path))]
    try:
        used = used_variables(manifest, template_id, lang)
    except TemplateSyntaxError as exc:
        return [Problem(template_id, lang, "syntax", f"line {exc.lineno}: {exc.message}")]
    declared = set(spec.fields) | set(manifest.common)
    problems = [Problem(template_id, lang, "undeclared", name) for name in sorted(used - declared)]
    problems += [Problem(template_id, lang, "unused_required", name) for name in spec.required if name not in used]
    return problems


def lint_all(manifest: Manifest | None = None) -> list[Problem]:
    manifest = manifest or load_manifest()
    return [p for tid in manifest.templates for lang in LANGS for p in lint_template(manifest, tid, lang)]


def main() -> int:
    problems = lint_all()
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
