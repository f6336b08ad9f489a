"""Civil case categories (assistant/data/categories.yaml): the codes every part of Kenesshi uses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "categories.yaml"
UNSURE = "UNSURE"


@dataclass(frozen=True)
class Category:
    code: str
    ru: str
    kk: str
    en: str
    scope: str
    group: str

    def name(self, lang: str) -> str:
        return {"ru": self.ru, "kk": self.kk}.get(lang, self.en)


@cache
def categories() -> dict[str, Category]:
    with open(DATA_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {c["code"]: Category(**c) for c in data["categories"]}


def codes() -> list[str]:
    return list(categories())


def category_name(code: str, lang: str = "ru") -> str:
    if code == UNSURE:
        return {"ru": "Не определена", "kk": "Анықталмады"}.get(lang, "Unsure")
    return categories()[code].name(lang)
