"""Merge the writers' part files into corpus/train.jsonl and corpus/dev.jsonl, with checks.

    python scripts/merge_corpus.py [--parts corpus/parts] [--dev-parts corpus/dev_parts]

Checks: fields and labels valid, ids unique, no two documents share a 12-word passage (within train,
within dev, and between them). Offenders are listed and the script exits 1 without writing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.classify.corpus import counts, read_jsonl, shared_passages, write_jsonl  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", type=Path, default=ROOT / "corpus" / "parts")
    ap.add_argument("--dev-parts", type=Path, default=ROOT / "corpus" / "dev_parts")
    ap.add_argument("--out", type=Path, default=ROOT / "corpus")
    args = ap.parse_args()
    train = [d for p in sorted(args.parts.glob("*.jsonl")) for d in read_jsonl(p)]
    dev = [d for p in sorted(args.dev_parts.glob("*.jsonl")) for d in read_jsonl(p)]
    ok = True
    for name, docs in (("train", train), ("dev", dev)):
        ids = [d.id for d in docs]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            print(f"{name}: duplicate ids {sorted(dup)[:10]}")
            ok = False
    overlaps = shared_passages(train + dev)
    for a, b, passage in overlaps:
        print(f"shared passage {a} / {b}: {passage}")
    ok = ok and not overlaps
    table = counts(train)
    for cat in sorted(table):
        print(f"{cat:<13} ru {table[cat].get('ru', 0):>3}  kk {table[cat].get('kk', 0):>3}")
    print(f"train {len(train)}, dev {len(dev)}, shared passages {len(overlaps)}")
    if not ok:
        return 1
    write_jsonl(sorted(train, key=lambda d: d.id), args.out / "train.jsonl")
    write_jsonl(sorted(dev, key=lambda d: d.id), args.out / "dev.jsonl")
    (args.out / "CARD.md").write_text(card(train, dev), encoding="utf-8")
    return 0


def card(train, dev) -> str:
    from collections import Counter

    from assistant.categories import codes

    t, d = counts(train), counts(dev)
    rows = []
    for code in [*codes(), "OUT_OF_SCOPE"]:
        a, b = t.get(code, {}), d.get(code, {})
        rows.append(f"| {code} | {a.get('ru', 0)} | {a.get('kk', 0)} | {b.get('ru', 0)} | {b.get('kk', 0)} |")
    styles = Counter(x.style for x in train)
    dev_styles = Counter(x.style for x in dev)
    words = sorted(len(x.text.split()) for x in train)
    return CARD_TEMPLATE.format(
        n_train=len(train), n_dev=len(dev), table="\n".join(rows),
        styles=", ".join(f"{k} {v}" for k, v in styles.most_common()),
        dev_styles=", ".join(f"{k} {v}" for k, v in dev_styles.most_common()),
        w_min=words[0], w_med=words[len(words) // 2], w_max=words[-1])


CARD_TEMPLATE = """# Corpus card: case categories of civil cassation complaints

**This is a seed corpus written for this project. It contains no real court documents.** No public
labelled corpus of Kazakhstan cassation complaints exists; the court is expected to retrain the model on
its own export (`kenesshi train --corrections`, and later the registry's data).

## Files
- `train.jsonl` — {n_train} documents the model trains on.
- `dev.jsonl` — {n_dev} documents the model never trains on, written separately (see below).
Each line: `id, lang, category, text, source, style`. Categories are the 17 codes of
`assistant/data/categories.yaml`; `OUT_OF_SCOPE` marks texts that are not civil matters (administrative and
criminal cases, offences, and off-topic text such as recipes, adverts, spam) which the classifier learns to
refuse. Both files are produced from the writers' part files by `scripts/merge_corpus.py`, which refuses
to write them if two documents share a passage of 20 consecutive words.

## Counts (documents per category and language)
| category | train ru | train kk | dev ru | dev kk |
|---|---|---|---|---|
{table}

Training lengths: {w_min}–{w_max} words, median {w_med}.
Training styles: {styles}.
Dev styles: {dev_styles}.

## How it was written
- Each category's training documents were written by one writing assistant (an AI model working under a
  brief: ../shared/TAXONOMY.md, DOMAIN.md and a per-category specification), document by document, not
  filled from templates: complaints (кассационная жалоба / кассациялық шағым), pre-2025 petitions
  (ходатайство / өтінішхат), prosecutors' protests (протест / наразылық) and secretariat registration
  summaries, by lawyers, citizens, companies and prosecutors, with OCR noise, code-switching and Kazakh typed
  without Kazakh letters. About 15–20% mention a secondary issue from another category; the label is the
  MAIN claim per TAXONOMY.md.
- The dev set was written by two other writing assistants that never saw the training texts, in styles the
  training corpus lacks (e-mails, elderly citizens' letters, consultants' telegraphic notes, excerpts of
  appellate rulings, heavy OCR noise, mixed-language texts).
- Writers checked their own files and each other's for shared 12-word passages and reworded stock court
  formulae; the merge script enforces the 20-word rule on the whole corpus.

## Known biases and limits
- Synthetic: vocabulary is cleaner and more typical than real complaints; real intake is longer and has
  attachments, stamps and more noise.
- Balanced by design (64 ru + 27 kk per category); real intake is dominated by a few categories (loans,
  labour, housing), so priors differ.
- Legal references (article numbers, resolutions) were often written from memory and are not verified: the
  corpus is training text, not a legal source.
- The Kazakh texts have not been reviewed by a native speaker.
- People, companies, ИИН/БИН and case numbers are invented (ИИН/БИН mostly pass the checksum).
"""


if __name__ == "__main__":
    sys.exit(main())
