"""Scoring masks against a gold set (tests/data/privacy/gold.jsonl): recall and precision per type."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# Types that are one thing for scoring: an individual entrepreneur's БИН is an ИИН.
GROUPS = {"BIN_IP": "IIN"}


def group(t: str) -> str:
    return GROUPS.get(t, t)


@dataclass(frozen=True)
class GoldSpan:
    type: str
    start: int
    end: int


def locate(text: str, entries: Iterable[dict]) -> list[GoldSpan]:
    """Spans of the gold entries: each searched after the previous one of the same list (README rule)."""
    out, pos = [], 0
    for e in entries:
        i = text.find(e["text"], pos)
        if i < 0:
            raise ValueError(f"gold entry not found: {e['text']!r}")
        out.append(GoldSpan(e["type"], i, i + len(e["text"])))
        pos = i + len(e["text"])
    return out


def load_gold(path: Path) -> list[dict]:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                d["pii_spans"] = locate(d["text"], d["pii"])
                d["keep_spans"] = locate(d["text"], d["keep"])
                docs.append(d)
    return docs


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score(docs: list[dict], predict: Callable[[dict], list[tuple[str, int, int]]], min_cover: float = 0.8
          ) -> dict[str, dict]:
    """Per type: recall (a gold span is found when predictions of its type cover `min_cover` of it),
    precision (a prediction is right when it overlaps a gold span of its type), and the keep spans hit."""
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # type -> [found, total]
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # type -> [right, predicted]
    kept: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # keep type -> [masked, total]
    for doc in docs:
        preds = [(group(t), s, e) for t, s, e in predict(doc)]
        gold = [(group(g.type), g.start, g.end) for g in doc["pii_spans"]]
        for t, s, e in gold:
            covered = sum(_overlap(s, e, ps, pe) for pt, ps, pe in preds if pt == t)
            found[t][1] += 1
            if covered >= min_cover * (e - s):
                found[t][0] += 1
        for t, s, e in preds:
            right[t][1] += 1
            if any(gt == t and _overlap(s, e, gs, ge) for gt, gs, ge in gold):
                right[t][0] += 1
        for k in doc["keep_spans"]:
            kept[k.type][1] += 1
            if any(_overlap(k.start, k.end, ps, pe) for _, ps, pe in preds):
                kept[k.type][0] += 1
    result: dict[str, dict] = {}
    for t in sorted(set(found) | set(right)):
        f, n = found.get(t, [0, 0])
        r, p = right.get(t, [0, 0])
        result[t] = {"recall": f / n if n else None, "precision": r / p if p else None, "gold": n,
                     "predicted": p}
    result["_keep_masked"] = {k: {"masked": v[0], "total": v[1]} for k, v in sorted(kept.items())}
    return result


def format_scores(result: dict[str, dict]) -> str:
    lines = [f"{'type':<12} {'recall':>7} {'prec':>7} {'gold':>5} {'pred':>5}"]
    for t, r in result.items():
        if t.startswith("_"):
            continue
        rec = "-" if r["recall"] is None else f"{r['recall']:.3f}"
        pre = "-" if r["precision"] is None else f"{r['precision']:.3f}"
        lines.append(f"{t:<12} {rec:>7} {pre:>7} {r['gold']:>5} {r['predicted']:>5}")
    masked = ", ".join(f"{k} {v['masked']}/{v['total']}" for k, v in result["_keep_masked"].items())
    lines.append(f"kept items masked by mistake: {masked}")
    return "\n".join(lines)
