"""Petition card against the card gold sets: field-level precision and recall on tests/data/card/gold.jsonl
(the rules were developed against it) and on heldout.jsonl (written later by another writer, never tuned on),
and the time for a card of a 10-page complaint after the models are loaded.

    python bench/card.py [GOLD.jsonl ...]
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.nlp.card import build_card  # noqa: E402

GOLD = ROOT / "tests" / "data" / "card" / "gold.jsonl"


def pr(found: int, gold: int, right: int, predicted: int) -> str:
    r = found / gold if gold else float("nan")
    p = right / predicted if predicted else float("nan")
    return f"recall {r:.3f}  precision {p:.3f}  (gold {gold}, predicted {predicted})"


# Parties that are organisations (a name in quotes or a legal form), not people.
ORGANISATION = re.compile(r"[«\"“]|^(?:ТОО|АО|ЖШС|АҚ|ГУ|КГУ|РГУ|ПК|НАО|КГП|ГКП)\b")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip(" .,«»\"")).lower()


def main() -> int:
    paths = [Path(a) for a in sys.argv[1:]] or [p for p in (GOLD, GOLD.with_name("heldout.jsonl")) if p.exists()]
    for path in paths:
        print(f"== {path.name}")
        rows = score(path)
    speed(rows)
    return 0


def score(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    stats: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in
                                   ("iin_bin", "case_numbers", "dates_role", "amounts", "persons_ru", "persons_kk",
                                    "courts_level", "deadline")}
    for r in rows:
        card = build_card(r["text"], r["lang"])
        # ИИН/БИН
        got = {x.text for x in card.iin_bin}
        gold = set(r["iin_bin"])
        s = stats["iin_bin"]
        s[0] += len(gold & got); s[1] += len(gold); s[2] += len(got & gold); s[3] += len(got)  # noqa: E702
        # case numbers
        got = {norm(c.text) for c in card.case_numbers}
        gold = {norm(c) for c in r["case_numbers"]}
        s = stats["case_numbers"]
        s[0] += len(gold & got); s[1] += len(gold); s[2] += len(got & gold); s[3] += len(got)  # noqa: E702
        # dates with role (pairs)
        got = {(d.role, d.value) for d in card.dates}
        gold = {(d["role"], d["iso"]) for d in r["dates"]}
        s = stats["dates_role"]
        s[0] += len(gold & got); s[1] += len(gold); s[2] += len(got & gold); s[3] += len(got)  # noqa: E702
        # amounts (tenge values, or MRP counts)
        got = {a.extra["amount"] if a.extra["unit"] == "MRP" else a.value for a in card.amounts}
        gold = {a["mrp"] if a["kzt"] is None else a["kzt"] for a in r["amounts"]}
        s = stats["amounts"]
        s[0] += len(gold & got); s[1] += len(gold); s[2] += len(got & gold); s[3] += len(got)  # noqa: E702
        # persons: a gold person is found when a found person span overlaps its first mention
        people = [p for p in card.parties if p.extra.get("kind") == "person"]
        gold_people = {p["name"] for p in r["parties"] if not ORGANISATION.search(p["name"])}
        s = stats[f"persons_{r['lang']}"]
        for name in gold_people:
            i = r["text"].find(name)
            s[1] += 1
            s[0] += any(min(p.end, i + len(name)) > max(p.start, i) for p in people)
        # courts: a gold court mention is found with the right level when a found court overlaps it
        s = stats["courts_level"]
        for court in r["courts"]:
            i = r["text"].find(court["text"])
            s[1] += 1
            s[0] += any(min(c.end, i + len(court["text"])) > max(c.start, i) and c.value == court["level"]
                        for c in card.courts)
        linked = sum(1 for c in card.courts if c.extra.get("court_id"))
        stats.setdefault("courts_linked", [0, 0, 0, 0])
        stats["courts_linked"][0] += linked
        stats["courts_linked"][1] += len(card.courts)
        # deadline check
        status = next(c.status for c in card.checks if c.id == "deadline")
        expected = {True: "pass", False: "fail", None: "unknown"}[r["deadline_ok"]]
        s = stats["deadline"]
        s[0] += status == expected; s[1] += 1  # noqa: E702
        # non-reviewable hints (set per document)
        got = {c.id.split(".", 1)[1] for c in card.checks if c.id.startswith("non_reviewable.") and c.status == "fail"}
        gold = set(r["non_reviewable_hints"])
        s = stats.setdefault("hints", [0, 0, 0, 0])
        s[0] += len(gold & got); s[1] += len(gold); s[2] += len(got & gold); s[3] += len(got)  # noqa: E702
        s = stats.setdefault("contents", [0, 0, 0, 0])
        for item, value in r["required_contents"].items():
            check = next((c for c in card.checks if c.id == f"contents.{item}"), None)
            if check is not None:
                s[0] += check.value == value; s[1] += 1  # noqa: E702
    for k, (f, g, right, p) in stats.items():
        if k.startswith(("persons", "courts")) or k in ("deadline", "contents"):
            print(f"{k:<13} recall {f / g:.3f} ({f}/{g})")
        else:
            print(f"{k:<13} {pr(f, g, right, p)}")
    return rows


def speed(rows: list[dict]) -> None:
    # Speed: a 10-page complaint (about 5,000 words) after the models are loaded.
    ten_pages = "\n\n".join(r["text"] for r in rows[:12])
    build_card(ten_pages)
    runs = []
    for _ in range(3):  # best of three: the machines here are shared and noisy
        start = time.perf_counter()
        build_card(ten_pages)
        runs.append(time.perf_counter() - start)
    seconds = min(runs)
    # Baseline in the same run: natasha's Russian NER alone over the same text, one of the card's parts.
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    base = []
    for _ in range(3):
        start = time.perf_counter()
        doc = Doc(ten_pages)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        base.append(time.perf_counter() - start)
    print(f"card of a {len(ten_pages.split()):,}-word document: {seconds:.2f} s "
          + ("PASS" if seconds <= 1.0 else "FAIL") + f" (target <= 1 s); natasha NER alone {min(base):.2f} s, "
          f"card = {seconds / min(base):.1f}x that")


if __name__ == "__main__":
    sys.exit(main())
