"""A light Kazakh stemmer for the NORM lexical attribute: strips one case ending, one possessive, one plural
and one derivational suffix, in that order from the end (the suffix table is data: suffixes.yaml).
It is a feature for the statistical model, not a morphological analyser: an occasional wrong cut
("Президенті" → "президен") costs little, while the forms of one name falling together helps."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

SUFFIXES = Path(__file__).resolve().parent / "suffixes.yaml"


@cache
def _table() -> tuple[int, tuple[tuple[str, ...], ...]]:
    data = yaml.safe_load(SUFFIXES.read_text(encoding="utf-8"))
    slots = tuple(tuple(sorted(map(str, words), key=len, reverse=True)) for words in data["slots"].values())
    return int(data["min_stem"]), slots


def stem(word: str) -> str:
    low = word.lower()
    if not low.isalpha() or not any("\u0400" <= c <= "\u04ff" for c in low):
        return low
    min_stem, slots = _table()
    for slot in slots:
        for suffix in slot:
            if low.endswith(suffix) and len(low) - len(suffix) >= (min_stem if len(suffix) > 1 else min_stem + 1):
                low = low[: -len(suffix)]
                break
    return low
