"""Classification speed and model memory, next to the baseline measured in the same run.

    python bench/classify.py [--docs 5000] [--model models/category]

Target (issue 3): >= 2,000 documents/s (2 KB average) in batch; loaded model < 300 MB.
Documents are built from the corpus texts, cut or joined to about 2 KB each.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.classify.corpus import read_jsonl  # noqa: E402
from assistant.classify.features import model_text  # noqa: E402
from assistant.classify.model import build_baseline  # noqa: E402


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def make_docs(texts: list[str], n: int, size_bytes: int = 2048, seed: int = 1) -> list[str]:
    """`n` documents of about `size_bytes` in UTF-8 (a Cyrillic letter takes two bytes), cut at words."""
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        doc = rng.choice(texts)
        while len(doc.encode("utf-8")) < size_bytes:
            doc += "\n" + rng.choice(texts)
        data = doc.encode("utf-8")
        start = rng.randint(0, max(0, len(data) - size_bytes))
        piece = data[start : start + size_bytes].decode("utf-8", "ignore")
        docs.append(piece[piece.find(" ") + 1 : piece.rfind(" ")])
    return docs


def timed(fn, docs: list[str], batch: int) -> float:
    start = time.perf_counter()
    for i in range(0, len(docs), batch):
        fn(docs[i : i + batch])
    return len(docs) / (time.perf_counter() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--model", type=Path, default=ROOT / "models" / "category")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "train.jsonl")
    args = ap.parse_args()

    corpus = read_jsonl(args.corpus)
    docs = make_docs([d.text for d in corpus], args.docs)
    mean_kb = sum(len(d.encode("utf-8")) for d in docs) / len(docs) / 1024
    chars = sum(map(len, docs)) / len(docs)
    print(f"{len(docs)} documents, mean {mean_kb:.2f} KB in UTF-8 ({chars:.0f} characters)")

    from assistant.classify.predict import CategoryClassifier

    before = rss_mb()
    t0 = time.perf_counter()
    clf = CategoryClassifier.load(args.model)
    load_s = time.perf_counter() - t0
    model_mb = rss_mb() - before

    baseline = build_baseline().fit([d.text for d in corpus], [d.category for d in corpus])

    timed(lambda b: clf.probabilities(b), docs[:200], args.batch)  # warm-up: caches of the features
    ours = timed(lambda b: clf.probabilities(b), docs, args.batch)
    ours_parallel = timed(lambda b: clf.probabilities(b, jobs=2), docs, len(docs))
    ours_explained = timed(lambda b: clf.suggest_many(b), docs[: len(docs) // 5], args.batch)
    base = timed(lambda b: baseline.decision_function(b), docs, args.batch)
    prep = timed(lambda b: [model_text(t) for t in b], docs, args.batch)

    print(f"model load: {load_s:.2f} s, +{model_mb:.0f} MB RSS (process {rss_mb():.0f} MB)")
    print(f"baseline (word TF-IDF + LinearSVC): {base:,.0f} docs/s")
    print(f"ours, probabilities:                {ours:,.0f} docs/s ({ours / base:.2f}x baseline)")
    print(f"ours, probabilities, 2 processes:   {ours_parallel:,.0f} docs/s "
          f"({ours_parallel / base:.2f}x baseline)")
    print(f"ours, with explanations:            {ours_explained:,.0f} docs/s")
    print(f"  of which text normalisation alone: {prep:,.0f} docs/s")
    best = max(ours, ours_parallel)
    checks = [(f"{best:,.0f} docs/s >= 2,000 (best of 1 and 2 processes)", best >= 2000),
              (f"model +{model_mb:.0f} MB < 300 MB", model_mb < 300),
              (f"load {load_s:.2f} s < 1 s", load_s < 1.0)]
    for label, ok in checks:
        print(("PASS " if ok else "FAIL ") + label)
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
