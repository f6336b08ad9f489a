"""Build assistant/data/person_names.txt: word forms of personal names seen in KazNERD PERSON entities.

Source: KazNERD (ISSAI, Nazarbayev University; CC BY 4.0), the IOB2_valid split. Forms that are also
ordinary words (the Kazakh lexicon of the language identifier, or Russian words pymorphy3 does not tag as
a name) are left out, so that "Жеңіс" the street or "Заңның" the law never look like a name.

    python scripts/build_names_lexicon.py [--kaznerd PATH]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import pymorphy3

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assistant" / "data" / "person_names.txt"
WORD = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+$")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kaznerd", type=Path,
                    default=ROOT.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt")
    args = ap.parse_args()
    names: Counter[str] = Counter()
    other: Counter[str] = Counter()
    with open(args.kaznerd, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 2:
                continue
            if parts[1].endswith("PERSON") and WORD.match(parts[0]):
                names[parts[0].lower()] += 1
            else:  # any other use, capitalised or not, counts against the form being a name
                other[parts[0].lower()] += 1
    morph = pymorphy3.MorphAnalyzer()
    keep = []
    for w, n in names.items():
        if other[w] > n:  # more often an ordinary word or a place than a person
            continue
        parses = morph.parse(w)
        known_word = morph.word_is_known(w) and not any({"Name", "Surn", "Patr"} & set(p.tag.grammemes)
                                                        for p in parses)
        if known_word:
            continue
        keep.append(w)
    header = ("# Word forms of personal names (lower case), from KazNERD PERSON entities.\n"
              "# Built by scripts/build_names_lexicon.py from KazNERD (ISSAI, Nazarbayev University),\n"
              "# Yeshpanov, Khassanov, Varol, LREC 2022; licence CC BY 4.0. Do not edit by hand.\n")
    OUT.write_text(header + "\n".join(sorted(keep)) + "\n", encoding="utf-8")
    print(f"{len(keep)} name forms -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
