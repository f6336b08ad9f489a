"""Reference tables the documents and reports read: outcomes, return grounds, regions, categories.

All of them are files under assistant/data/ that a consultant may edit; this module only loads them once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from assistant.categories import UNSURE, categories, category_name
from assistant.nlp.case_numbers import regions

DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def outcomes() -> dict[str, dict[str, Any]]:
    with open(DATA / "outcomes.yaml", encoding="utf-8") as fh:
        return dict(yaml.safe_load(fh)["outcomes"])


def outcome_label(code: str, lang: str) -> str:
    row = outcomes().get(code)
    return str(row[lang]) if row else code


@dataclass(frozen=True)
class ReturnGround:
    id: str
    ru: str
    kk: str
    basis: dict[str, dict[str, str]]  # regime -> {ru, kk, status}
    refile: bool
    note: dict[str, str]
    until: dt.date | None = None

    def text(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.kk

    def basis_text(self, regime: str, lang: str) -> str:
        return self.basis[regime][lang]

    def verified(self, regime: str) -> bool:
        status = self.basis[regime].get("status", "")
        return status.startswith("[verified")


@cache
def return_grounds() -> dict[str, ReturnGround]:
    with open(DATA / "return_grounds.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    out = {}
    for g in data["grounds"]:
        for regime in ("pre", "post"):
            if not {"ru", "kk", "status"} <= set(g["basis"][regime]):
                raise ValueError(f"return ground {g['id']}: basis.{regime} needs ru, kk and status")
        out[g["id"]] = ReturnGround(id=g["id"], ru=g["ru"], kk=g["kk"], basis=g["basis"], refile=bool(g["refile"]),
                                    note={"ru": g.get("note_ru", ""), "kk": g.get("note_kk", "")},
                                    until=g.get("until"))
    return out


def region_label(code: object, lang: str) -> str:
    if code is None or code == "":
        return ""
    key = f"{int(code):02d}" if isinstance(code, int) else str(code)
    row = regions().get(key)
    if row is None:
        return str(code)
    return row["region_ru"] if lang == "ru" else row["region_kk"]


def category_label(code: object, lang: str) -> str:
    if not code:
        return ""
    code = str(code)
    if code != UNSURE and code not in categories():
        return code
    return category_name(code, lang)
