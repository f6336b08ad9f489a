"""Depersonalisation quality and speed on the gold sets, next to airlock-pii measured in the same run.

    python bench/privacy.py [--gold tests/data/privacy/gold.jsonl] [--docs 400]

Prints recall and precision per type for ours (rules only, and rules + natasha NER) and for airlock-pii
on the types it covers, kept items masked by mistake, and documents per second on 2 KB documents.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.privacy.engine import Depersonalizer, load_policy  # noqa: E402
from assistant.privacy.scoring import format_scores, load_gold, score  # noqa: E402

# airlock-pii's types in ours. Its BIN covers companies too, which are not personal data: left out.
AIRLOCK_TYPES = {"IIN": "IIN", "KZ_IBAN": "IBAN", "CARD": "CARD", "PHONE": "PHONE", "EMAIL": "EMAIL",
                 "PERSON": "PERSON"}
COMPARED = ["IIN", "IBAN", "CARD", "PHONE", "EMAIL", "PERSON"]


def airlock_predict(doc: dict) -> list[tuple[str, int, int]]:
    from airlock_pii import detect

    out = []
    for e in detect(doc["text"]):
        t = AIRLOCK_TYPES.get(getattr(e.type, "value", str(e.type)))
        if t:
            out.append((t, e.start, e.end))
    return out


def two_kb_documents(docs: list[dict], n: int) -> list[str]:
    texts = []
    i = 0
    while len(texts) < n:
        t = docs[i % len(docs)]["text"]
        while len(t.encode("utf-8")) < 2048:
            i += 1
            t += "\n" + docs[i % len(docs)]["text"]
        texts.append(t.encode("utf-8")[:2048].decode("utf-8", "ignore"))
        i += 1
    return texts


def rate(fn, texts: list[str]) -> float:
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return len(texts) / (time.perf_counter() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, nargs="*", default=sorted((ROOT / "tests/data/privacy").glob("*.jsonl")))
    ap.add_argument("--docs", type=int, default=400)
    args = ap.parse_args()

    rules = Depersonalizer(load_policy(), use_ner=False)
    full = Depersonalizer(load_policy(), use_ner=True)
    for gold_path in args.gold:
        docs = load_gold(gold_path)
        print(f"\n=== {gold_path.name}: {len(docs)} documents")
        ours = {d["id"]: full.anonymize(d["text"], lang=d["lang"], category=d["category"]) for d in docs}

        def predict(d: dict, ours: dict = ours) -> list[tuple[str, int, int]]:
            return [(s.type, s.start, s.end) for s in ours[d["id"]].spans]

        ours_scores = score(docs, predict)
        print("ours (rules + NER):")
        print(format_scores(ours_scores))
        for lang in ("ru", "kk"):
            sub = [d for d in docs if d["lang"] == lang]
            r = score(sub, predict)["PERSON"]
            print(f"  PERSON {lang}: recall {r['recall']:.3f}, precision {r['precision']:.3f}")
        try:
            theirs = score(docs, airlock_predict)
        except ImportError:
            print("airlock-pii not installed: pip install airlock-pii==0.1.0")
            continue
        print("\nours vs airlock-pii 0.1.0 (recall / precision):")
        worse = []
        for t in COMPARED:
            o, a = ours_scores.get(t, {}), theirs.get(t, {})
            fmt = lambda r: "-" if r is None else f"{r:.3f}"  # noqa: E731
            print(f"  {t:<7} ours {fmt(o.get('recall'))} / {fmt(o.get('precision'))}   "
                  f"airlock {fmt(a.get('recall'))} / {fmt(a.get('precision'))}")
            for key in ("recall", "precision"):
                if (o.get(key) or 0) + 1e-9 < (a.get(key) or 0):
                    worse.append(f"{t} {key}")
        kept = theirs["_keep_masked"]
        print("  airlock kept items masked: " + ", ".join(f"{k} {v['masked']}/{v['total']}" for k, v in kept.items()))
        print("  ours at least as good on every compared type: " + ("yes" if not worse else f"NO ({worse})"))

    docs = load_gold(args.gold[0])
    texts = two_kb_documents(docs, args.docs)
    print(f"\nspeed on {len(texts)} documents of 2 KB:")
    rules.anonymize(texts[0])
    full.anonymize(texts[0])
    r_rules = rate(rules.anonymize, texts)
    r_full = rate(full.anonymize, texts[: max(50, len(texts) // 4)])
    try:
        from airlock_pii import detect

        r_air = rate(detect, texts)
        print(f"  airlock-pii detect():       {r_air:,.0f} docs/s")
    except ImportError:
        pass
    print(f"  ours, rules only:           {r_rules:,.0f} docs/s")
    print(f"  ours, rules + natasha NER:  {r_full:,.0f} docs/s")
    print(("PASS" if r_rules >= 200 else "FAIL") + f" rules only {r_rules:,.0f} docs/s >= 200")
    return 0


if __name__ == "__main__":
    sys.exit(main())
