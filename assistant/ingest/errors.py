"""Typed intake errors and warnings: a stable code, parameters, and a one-line message in kk and ru."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.i18n import t

# Stable error codes. Tools and tests rely on these names; the texts live in assistant/locales/*.yaml.
ERROR_CODES = frozenset(
    {
        "empty_file",
        "file_missing",
        "unreadable",
        "too_large",
        "too_many_pages",
        "no_pages",
        "corrupt_pdf",
        "encrypted_pdf",
        "needs_ocr",
        "ocr_failed",
        "timeout",
        "not_docx",
        "corrupt_docx",
        "zip_bomb",
        "unsafe_xml",
        "legacy_doc",
        "conversion_failed",
        "unsupported_format",
        "undetectable_encoding",
        "corrupt_rtf",
        "no_text",
        "worker_crashed",
        "internal_error",
    }
)

WARNING_CODES = frozenset(
    {
        "mislabelled",
        "pages_need_ocr",
        "ocr_used",
        "ocr_lang_missing",
        "encoding_guessed",
        "owner_password",
        "converted",
        "truncated",
        "replacement_chars",
    }
)


def _clip(value: object, limit: int = 160) -> object:
    # Library messages can be long or multi-line; a message stays one line.
    if isinstance(value, str):
        value = " ".join(value.split())
        return value if len(value) <= limit else value[: limit - 1] + "…"
    return value


class IntakeError(Exception):
    """A file that cannot be turned into text, with a stable `code` for tools and a message for people."""

    def __init__(self, code: str, **params: object) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown intake error code {code!r}")
        self.code = code
        self.params = {k: _clip(v) for k, v in params.items()}
        super().__init__(f"{code}: {self.message('ru')}")

    def message(self, lang: str = "ru") -> str:
        return t(f"errors.{self.code}", lang, **self.params)

    def to_dict(self, lang: str = "ru") -> dict[str, str]:
        return {"code": self.code, "message": self.message(lang)}


@dataclass(frozen=True)
class IntakeWarning:
    """Something the consultant should know about a file that was read anyway."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in WARNING_CODES:
            raise ValueError(f"unknown intake warning code {self.code!r}")

    def message(self, lang: str = "ru") -> str:
        return t(f"warnings.{self.code}", lang, **self.params)

    def to_dict(self, lang: str = "ru") -> dict[str, object]:
        return {"code": self.code, "message": self.message(lang)}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> IntakeWarning:
        return cls(str(data["code"]), dict(data.get("params", {})))  # type: ignore[arg-type]
