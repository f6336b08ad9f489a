"""UI strings and messages in Kazakh and Russian, loaded from `assistant/locales/*.yaml`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LOCALES_DIR = Path(__file__).parent / "locales"
LANGS = ("kk", "ru")


@cache
def catalog(lang: str) -> dict[str, Any]:
    if lang not in LANGS:
        raise ValueError(f"unknown interface language {lang!r}; expected one of {LANGS}")
    with open(LOCALES_DIR / f"{lang}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def t(key: str, lang: str = "ru", **params: object) -> str:
    """The string under dotted `key` (e.g. "errors.empty_file") in `lang`, with `params` filled in.

    A missing key raises KeyError: every key must exist in both languages (a test checks it).
    """
    node: Any = catalog(lang)
    for part in key.split("."):
        node = node[part]
    if not isinstance(node, str):
        raise KeyError(key)
    return node.format_map(_KeepMissing({k: v for k, v in params.items()}))
