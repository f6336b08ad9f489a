"""Typed errors of the drafting layer: a stable code, parameters, and a message in kk and ru."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.i18n import t

ERROR_CODES = frozenset({
    "missing_fields",       # TemplateDataError: required fields absent (all of them are listed)
    "invalid_fields",       # TemplateDataError: values that cannot be read (a date that is not a date, ...)
    "unknown_template",
    "unknown_lang",
    "template_missing",     # the .docx (or the manifest) is not where it should be
    "template_syntax",      # a tag in the .docx that Jinja cannot parse
    "template_unsafe",      # the sandbox refused something (Python internals, private attributes)
    "template_undefined",   # the .docx uses a name that is not given to it
    "template_failed",      # any other error while filling the template
    "unrendered_tags",      # {{ or {% left in the output: a tag Jinja did not see (split, in a text box)
    "conversion_failed",    # LibreOffice could not make the PDF
    "conversion_timeout",
})


# Why a value could not be read (TemplateDataError.invalid); messages under documents.invalid.*.
INVALID_REASONS = frozenset({"not_text", "not_int", "not_bool", "not_date", "not_time", "not_amount", "not_person",
                             "not_list", "not_image", "unknown_choice", "wrong_regime"})


def _clip(value: object, limit: int = 200) -> object:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value if len(value) <= limit else value[: limit - 1] + "…"
    return value


class DocumentError(Exception):
    """A document that cannot be drafted, with a stable `code` and a message for people."""

    def __init__(self, code: str, **params: object) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown document error code {code!r}")
        self.code = code
        self.params = {k: _clip(v) for k, v in params.items()}
        super().__init__(f"{code}: {self.message('ru')}")

    def message(self, lang: str = "ru") -> str:
        return t(f"documents.errors.{self.code}", lang, **self.params)

    def to_dict(self, lang: str = "ru") -> dict[str, object]:
        return {"code": self.code, "message": self.message(lang)}


class TemplateDataError(DocumentError):
    """The data given for a template is incomplete or wrong. `missing` lists every required field that is
    absent, `invalid` every field whose value could not be read (field name -> reason code, one of
    INVALID_REASONS); nothing is written."""

    def __init__(self, missing: Sequence[str] = (), invalid: Mapping[str, str] | None = None, *,
                 template: str = "", labels: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self.missing = list(missing)
        self.invalid = dict(invalid or {})
        self.template = template
        self.labels = {k: dict(v) for k, v in (labels or {}).items()}
        super().__init__("missing_fields" if self.missing else "invalid_fields", template=template)

    def _names(self, names: Sequence[str], lang: str) -> str:
        out = []
        for name in names:
            label = self.labels.get(name, {}).get(lang)
            out.append(f"{name} ({label})" if label and label != name else name)
        return ", ".join(out)

    def message(self, lang: str = "ru") -> str:
        parts = []
        if self.missing:
            parts.append(t("documents.errors.missing_fields", lang, template=self.template,
                           fields=self._names(self.missing, lang)))
        if self.invalid:
            details = "; ".join(f"{self._names([k], lang)}: {t('documents.invalid.' + v, lang)}"
                                for k, v in self.invalid.items())
            parts.append(t("documents.errors.invalid_fields", lang, template=self.template, fields=details))
        return " ".join(parts)

    def to_dict(self, lang: str = "ru") -> dict[str, object]:
        return {"code": self.code, "message": self.message(lang), "missing": self.missing,
                "invalid": self.invalid}
