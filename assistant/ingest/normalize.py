"""Text repair after extraction: spaces, invisible characters, broken words, look-alike letters, quotes.

The raw text is never modified in place: callers keep it next to the normalised one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "normalize.yaml"

CYRILLIC = "\u0400-\u04ff"
_CYR_RE = re.compile(f"[{CYRILLIC}]")


class Normalizer:
    """Applies the repairs configured in a YAML file (see assistant/data/normalize.yaml)."""

    def __init__(self, config: dict) -> None:
        lookalikes: dict[str, str] = config["latin_lookalikes"]
        self._latin_table = str.maketrans(lookalikes)
        self._latin_letters = set(lookalikes)
        self._kz1048_table = str.maketrans(config["kz1048_as_cp1251"])
        kz_chars = re.escape("".join(config["kz1048_as_cp1251"]))
        self._kz1048_re = re.compile(f"[{kz_chars}]")
        # Single characters replaced one for one. A regex finds them: they are rare, and str.translate
        # walks every character of the text through a dict.
        chars = {c: " " for c in config["odd_spaces"]}
        chars.update({c: "" for c in config["invisible"]})
        chars.update({"\u2028": "\n", "\u2029": "\n", "\r": "", "\x0c": "\n"})
        chars.update({c: "«" for c in config["opening_double_quotes"]})
        chars.update({c: "»" for c in config["closing_double_quotes"]})
        chars.update({c: "'" for c in config["single_quotes"]})
        chars = {k: v for k, v in chars.items() if k != v}
        self._char_map = chars
        self._char_re = re.compile("[" + re.escape("".join(chars)) + "]")
        self._ambiguous_quotes = config["ambiguous_double_quotes"]
        self._ambiguous_re = re.compile(f"[{re.escape(self._ambiguous_quotes)}]")
        # Runs of Latin letters (incl. the Kazakh look-alikes ə, ɵ); each is widened to its whole word.
        latin = re.escape("".join(c for c in lookalikes if not c.isascii()))
        self._latin_run_re = re.compile(f"[A-Za-z{latin}]+")
        # A word broken at a line end: "заяв-\nление", also with the soft hyphen or OCR's "¬".
        self._broken_word_re = re.compile(
            rf"([{CYRILLIC}a-z])[-\u00ad¬][ \t\u00a0]*\r?\n[ \t\u00a0]*([a-z{CYRILLIC}])"
        )
        # A one-letter Latin word between Cyrillic words: the prepositions о, с, а, у, к, в typed in Latin.
        self._lone_letter_re = re.compile(rf"(?<=[{CYRILLIC}] )[aocykAOCYKB](?= [{CYRILLIC}])")
        self._lower_re = re.compile("[a-zа-яёәғқңөұүһі]")

    def _fix_lookalikes(self, text: str) -> str:
        """Replace Latin look-alikes inside words that also have Cyrillic letters ("peшение")."""
        out: list[str] = []
        pos = 0
        for m in self._latin_run_re.finditer(text):
            if m.start() < pos:
                continue
            start, end = m.start(), m.end()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            while end < len(text) and text[end].isalpha():
                end += 1
            word = text[start:end]
            if _CYR_RE.search(word):
                latin = {c for c in word if c.isascii() or c in "əƏɵƟ"}
                if latin <= self._latin_letters:
                    out.append(text[pos:start])
                    out.append(word.translate(self._latin_table))
                    pos = end
        if not out:
            return text
        out.append(text[pos:])
        return "".join(out)

    def _join_broken_word(self, match: re.Match[str]) -> str:
        second = match.group(2)
        # Only a lower-case continuation is a broken word; "Астана-\nАлматы" is a real hyphen.
        if self._lower_re.match(second):
            return match.group(1) + second
        return match.group(0)

    def _pair_ambiguous_quotes(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        for m in self._ambiguous_re.finditer(text):
            i = m.start()
            out.append(text[pos:i])
            before = text[i - 1] if i > 0 else " "
            out.append("«" if before.isspace() or before in "([{-–—/:«" else "»")
            pos = i + 1
        out.append(text[pos:])
        return "".join(out)

    def __call__(self, text: str) -> str:
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        # Broken words first: a soft hyphen at a line end marks the break and is removed afterwards.
        text = self._broken_word_re.sub(self._join_broken_word, text)
        text = self._char_re.sub(lambda m: self._char_map[m.group(0)], text)
        if self._kz1048_re.search(text):
            text = text.translate(self._kz1048_table)
        text = self._fix_lookalikes(text)
        text = self._lone_letter_re.sub(lambda m: m.group(0).translate(self._latin_table), text)
        if self._ambiguous_re.search(text):
            text = self._pair_ambiguous_quotes(text)
        # Tidy whitespace: single spaces inside lines, no trailing spaces, at most one blank line.
        text = re.sub(r" {2,}", " ", text)
        text = re.sub(r" *\n *", "\n", text)
        text = re.sub(r"\n{3,}", "\n\n", text)
        return text.strip()


@cache
def default_normalizer() -> Normalizer:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return Normalizer(yaml.safe_load(fh))


def normalize(text: str) -> str:
    """Repair `text` with the project's default rules (assistant/data/normalize.yaml)."""
    return default_normalizer()(text)
