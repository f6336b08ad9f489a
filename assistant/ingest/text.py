"""Plain text and RTF: decoding with encoding detection (UTF-8, UTF-16, CP1251, KZ-1048, KOI8-R)."""

from __future__ import annotations

import codecs
import math
import re

from striprtf.striprtf import rtf_to_text

from assistant.ingest.errors import IntakeError
from assistant.ingest.sniff import utf16_without_bom

# Relative frequencies (per mille) of lower-case letters in Russian and Kazakh legal text. They only
# need to rank decodings: the right one reads as common letters in lower case.
_LETTER_FREQ = {
    "о": 110, "е": 85, "а": 85, "и": 70, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45, "л": 44, "к": 35,
    "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 22, "ь": 17, "г": 17, "з": 17, "б": 16, "ч": 14,
    "й": 12, "х": 10, "ж": 10, "ш": 8, "ю": 6, "ц": 5, "щ": 4, "э": 3, "ф": 3, "ъ": 0.4, "ё": 0.5,
    "і": 20, "қ": 20, "ң": 8, "ғ": 7, "ұ": 7, "ү": 8, "ә": 12, "ө": 7, "һ": 0.3,
}
_RARE = 0.01  # any other Cyrillic letter (Serbian ђ, Macedonian ќ, …): real text almost never has them
_NON_LETTER = 0.001  # a non-ASCII symbol that is not a letter: typical of a wrong code page
_MIN_MEAN_LOG = 3.0  # mean log(per mille); real text scores 3.5–3.9, random letters about 2.5
SINGLE_BYTE_CANDIDATES = ("cp1251", "kz1048", "koi8_r")
ENCODING_NAMES = {"cp1251": "CP1251", "kz1048": "KZ-1048", "koi8_r": "KOI8-R", "utf-8": "UTF-8",
                  "utf-8-sig": "UTF-8", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}


def plausibility(text: str) -> float:
    """Mean log-frequency of the non-ASCII characters of `text` as Russian/Kazakh letters."""
    total = 0.0
    n = 0
    prev_is_letter = False
    prev_lower = True
    for ch in text:
        if ch.isascii():
            prev_is_letter = ch.isalpha()
            prev_lower = ch.islower()
            continue
        n += 1
        if ch.isalpha():
            low = ch.lower()
            freq = _LETTER_FREQ.get(low, _RARE)
            # Capitals inside a word ("пРИВЕТ" is KOI8-R read as CP1251) are unusual; all-caps
            # headings are common, so only a lower-to-upper switch is penalised.
            if ch != low and prev_is_letter and prev_lower:
                freq *= 0.02
            prev_lower = ch == low
            prev_is_letter = True
        else:
            freq = _NON_LETTER
            prev_is_letter = False
        total += math.log(freq)
    return total / n if n else math.inf


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes of a text file; returns (text, encoding name). Raises undetectable_encoding."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec.replace("-sig", "")), ENCODING_NAMES[codec]
            except UnicodeDecodeError as exc:
                raise IntakeError("undetectable_encoding") from exc
    codec = utf16_without_bom(data[:8192])
    if codec is not None:
        try:
            return data.decode(codec), ENCODING_NAMES[codec]
        except UnicodeDecodeError as exc:
            raise IntakeError("undetectable_encoding") from exc
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for codec in SINGLE_BYTE_CANDIDATES:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None or best[0] < _MIN_MEAN_LOG:
        raise IntakeError("undetectable_encoding")
    return best[2], ENCODING_NAMES[best[1]]


_ANSICPG_RE = re.compile(rb"\\ansicpg(\d+)")


def rtf_bytes_to_text(data: bytes) -> str:
    m = _ANSICPG_RE.search(data[:4096])
    codec = f"cp{m.group(1).decode()}" if m else "cp1251"
    try:
        codecs.lookup(codec)
    except LookupError:
        codec = "cp1251"
    source = data.decode(codec, errors="replace")
    if source.count("{") < source.count("}") or "{\\rtf" not in source[:64]:
        raise IntakeError("corrupt_rtf", detail="unbalanced groups")
    try:
        return rtf_to_text(source, encoding=codec, errors="replace")
    except Exception as exc:  # striprtf raises assorted errors on broken control words
        raise IntakeError("corrupt_rtf", detail=str(exc) or type(exc).__name__) from exc
