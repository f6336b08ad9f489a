"""The labelled corpus (corpus/*.jsonl): reading, checking, hashing."""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.categories import codes

# Not a category: texts outside civil cassation (administrative, criminal, off-topic). The classifier
# learns them so that it can abstain on them; a suggestion of this label is shown as UNSURE.
OUT_OF_SCOPE = "OUT_OF_SCOPE"
FIELDS = ("id", "lang", "category", "text", "source", "style")


@dataclass(frozen=True)
class LabelledDoc:
    id: str
    lang: str
    category: str
    text: str
    source: str = ""
    style: str = ""


class CorpusError(ValueError):
    pass


def read_jsonl(path: Path | str, *, require_labels: bool = True) -> list[LabelledDoc]:
    valid = set(codes()) | {OUT_OF_SCOPE}
    docs: list[LabelledDoc] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{n}: not JSON ({exc.msg})") from exc
            if "text" not in row or not isinstance(row["text"], str):
                raise CorpusError(f"{path}:{n}: no text")
            category = row.get("category", "")
            if require_labels and category not in valid:
                raise CorpusError(f"{path}:{n}: unknown category {category!r}")
            docs.append(LabelledDoc(id=str(row.get("id", n)), lang=row.get("lang", ""), category=category,
                                    text=row["text"], source=row.get("source", ""),
                                    style=row.get("style", "")))
    return docs


def write_jsonl(docs: Iterable[LabelledDoc], path: Path | str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(asdict(d), ensure_ascii=False) + "\n")


def corpus_hash(docs: Iterable[LabelledDoc]) -> str:
    h = hashlib.sha256()
    for d in sorted(docs, key=lambda d: d.id):
        h.update(json.dumps([d.id, d.lang, d.category, d.text], ensure_ascii=False).encode())
    return h.hexdigest()


_WORD = re.compile(r"[^\W\d_]{2,}")
# Legal Russian and Kazakh repeat long formulae (court names, law titles, "направить дело на новое
# рассмотрение в суд первой инстанции в ином составе"): 20 words is longer than those, shorter than any
# reused paragraph.
PASSAGE_WORDS = 20


def shared_passages(docs: list[LabelledDoc], n_words: int = PASSAGE_WORDS) -> list[tuple[str, str, str]]:
    """Pairs of documents sharing `n_words` consecutive words (of two letters or more): (id, id, passage)."""
    seen: dict[tuple[str, ...], str] = {}
    pairs: dict[tuple[str, str], str] = {}
    for d in docs:
        words = [w.lower() for w in _WORD.findall(d.text)]
        own: set[tuple[str, ...]] = set()
        for i in range(len(words) - n_words + 1):
            gram = tuple(words[i : i + n_words])
            if gram in own:
                continue
            own.add(gram)
            other = seen.get(gram)
            if other is None:
                seen[gram] = d.id
            elif other != d.id:
                pairs.setdefault((other, d.id), " ".join(gram))
    return [(a, b, p) for (a, b), p in pairs.items()]


def counts(docs: Iterable[LabelledDoc]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for d in docs:
        table[d.category][d.lang] += 1
    return {k: dict(v) for k, v in table.items()}
