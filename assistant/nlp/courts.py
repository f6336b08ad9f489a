"""Courts of Kazakhstan from an editable table (assistant/data/courts.csv), and fuzzy matching of the
inflected forms in which complaints name them ("Карагандинского областного суда" → the court record).

The table holds the Supreme Court, the cassation courts, every region's appellate court and its
specialised inter-district economic and administrative courts. District courts are many and not listed
yet: a consultant adds them as rows; until then their mentions keep their level and region only."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "courts.csv"
_WORD = re.compile(r"[а-яёәғқңөұүһіa-z0-9]+")
_KK_ENDINGS = ("ының", "інің", "ның", "нің", "дың", "дің", "тың", "тің", "ына", "іне", "на", "не", "ға", "ге",
               "қа", "ке", "сы", "сі", "ы", "і")
_STOP = {"г", "по", "делам", "жөніндегі", "істер", "город", "города", "қаласы", "қаласының", "суд", "сот"}


@dataclass(frozen=True)
class Court:
    id: str
    level: str
    region_code: str
    court_code: str
    name_ru: str
    name_kk: str


@cache
def courts() -> list[Court]:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return [Court(r["court_id"], r["level"], r["region_code"], r["court_code"], r["name_ru"], r["name_kk"])
                for r in csv.DictReader(fh)]


@cache
def _lemma(word: str) -> str:
    if re.search("[әғқңөұүһі]", word) or word.endswith(("соты", "сотының", "сотына", "сотқа")):
        for e in _KK_ENDINGS:
            if word.endswith(e) and len(word) - len(e) >= 3:
                return word[: -len(e)]
        return word
    from assistant.ingest.langid import default_identifier

    return default_identifier().morph.parse(word)[0].normal_form


def normalise(name: str) -> str:
    """Lemmas of the words of a court's name, without the words every court shares."""
    words = [_lemma(w) for w in _WORD.findall(name.lower())]
    return " ".join(w for w in words if w not in _STOP and len(w) > 1)


@cache
def _index() -> list[tuple[str, Court]]:
    return [(normalise(name), c) for c in courts() for name in (c.name_ru, c.name_kk)]


def match_court(mention: str, threshold: float = 0.82) -> tuple[Court | None, float]:
    """The court record a mention names, with the similarity of their normalised names (0–1)."""
    key = normalise(mention)
    if not key:
        return None, 0.0
    best: tuple[float, Court | None] = (0.0, None)
    for name, court in _index():
        score = SequenceMatcher(None, key, name).ratio()
        if score > best[0]:
            best = (score, court)
    return (best[1], best[0]) if best[0] >= threshold else (None, best[0])
