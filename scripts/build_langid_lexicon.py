"""Build assistant/data/langid_kazakh_lexicon.txt: frequent Kazakh word forms that Russian lacks.

Source: KazNERD (ISSAI, Nazarbayev University; CC BY 4.0), the IOB2_valid split in ../shared/data/kaznerd/.
Only tokens tagged O (not names) are used. A form enters the lexicon when it occurs at least MIN_FREQ
times and pymorphy3's Russian dictionary does not know it. Forms with Kazakh letters are entered as they
would be typed on a Russian keyboard (ә→а, қ→к, …), since the letters themselves already mark Kazakh.

    python scripts/build_langid_lexicon.py [--kaznerd PATH]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import pymorphy3
import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assistant" / "data" / "langid_kazakh_lexicon.txt"
MIN_FREQ = 3
STRIP = str.maketrans("әғқңөұүһі", "агкноуухи")
KAZAKH_LETTERS = re.compile("[әғқңөұүһі]")
WORD = re.compile(r"^[а-яёәғқңөұүһі]{2,}$")


def main() -> None:
    ap = argparse.ArgumentParser()
    default = ROOT.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"
    ap.add_argument("--kaznerd", type=Path, default=default)
    args = ap.parse_args()

    counts: Counter[str] = Counter()
    with open(args.kaznerd, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2 and parts[1] == "O":
                word = parts[0].lower()
                if WORD.match(word):
                    counts[word] += 1
    morph = pymorphy3.MorphAnalyzer()
    config = yaml.safe_load((ROOT / "assistant" / "data" / "langid.yaml").read_text(encoding="utf-8"))
    russian = set(config["russian_words"])
    forms: Counter[str] = Counter()
    for word, n in counts.items():
        forms[word.translate(STRIP)] += n
    lexicon = sorted(
        w for w, n in forms.items()
        if n >= MIN_FREQ and w not in russian and not morph.word_is_known(w) and not KAZAKH_LETTERS.search(w)
    )
    header = (
        "# Kazakh word forms without Kazakh letters (as typed on a Russian keyboard), one per line.\n"
        "# Built by scripts/build_langid_lexicon.py from KazNERD (ISSAI, Nazarbayev University),\n"
        "# Yeshpanov, Khassanov, Varol, LREC 2022; licence CC BY 4.0. Do not edit by hand.\n"
    )
    OUT.write_text(header + "\n".join(lexicon) + "\n", encoding="utf-8")
    print(f"{len(lexicon)} forms from {sum(counts.values())} tokens -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
