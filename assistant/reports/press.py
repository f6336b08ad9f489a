"""The weekly press release: the cases the collegium considered in one week, their outcomes and short
depersonalised summaries, as the context of the `press_release` Word template.

    ctx = press_release_context(cases, "2025-W15", "ru")
    render("press_release", "ru", ctx, Path("press.docx"))

A case is a dict: reg_no, decided_on, category, region_code, lower_court, outcome, summary, judge (optional),
lang (optional: the language of the summary). Only cases decided in that week with an outcome the collegium
heard (outcomes.yaml: considered) are included. Every summary goes through assistant.privacy.anonymize
before it is shortened: names, ИИН, phones and addresses never reach the release.

Speed: depersonalisation is the expensive part, and in it the NER models (natasha for Russian, KazNERD
for Kazakh), which cost 30–150 ms a call on a short summary but about 10 ms a summary on forty summaries
joined into one text. So summaries of one language and category are masked together (depersonalise()),
identical ones once; the rules and both NER models run, as for any published text. use_ner=False (rules
only, about 2 ms a summary) trades some recall on names for speed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.documents.context import clean_text
from assistant.documents.formatting import period_in_words, to_date
from assistant.documents.reference import category_label, outcome_label, outcomes, region_label
from assistant.ingest.langid import identify_document
from assistant.privacy.engine import anonymize, default_depersonalizer
from assistant.reports.stats import by_outcome, case_rows

MAX_SUMMARY_CHARS = 600
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")


def week_bounds(week: str | dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week "2025-W15", or of the week holding a date."""
    if isinstance(week, str):
        m = re.fullmatch(r"\s*(\d{4})-?W(\d{1,2})\s*", week, re.IGNORECASE)
        if m:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday, monday + dt.timedelta(days=6)
    day = to_date(week)
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def shorten(text: str, limit: int = MAX_SUMMARY_CHARS) -> str:
    """Whole sentences up to `limit` characters (at least one sentence, cut at a word if it is longer)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    out = ""
    for sentence in _SENTENCE_END.split(text):
        if out and len(out) + 1 + len(sentence) > limit:
            break
        out = f"{out} {sentence}".strip()
    if len(out) > limit:
        out = out[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return out


# Summaries are depersonalised in batches joined by this line: the asterism is neither a letter nor a digit,
# so no name, number or address runs across it, and the blank lines end the sentence before it.
SEPARATOR = "\n\n\u2042\n\n"
BATCH = 100


def _mask(texts: list[str], lang: str | None, category: str | None, use_ner: bool) -> list[str]:
    """anonymize() over a batch of texts in one call; one call per text if a mask crossed a separator."""
    joined = anonymize(SEPARATOR.join(texts), lang=lang, category=category, use_ner=use_ner).text
    parts = joined.split(SEPARATOR)
    if len(parts) == len(texts):
        return parts
    return [anonymize(t, lang=lang, category=category, use_ner=use_ner).text for t in texts]


def depersonalise(items: Sequence[tuple[str, str | None, str | None]], *, use_ner: bool = True,
                  limit: int = MAX_SUMMARY_CHARS) -> list[str]:
    """Masked and shortened texts for (text, language or None, category or None) items.

    The category selects the stricter rules for family cases etc. (assistant/privacy/policy.yaml). Texts of
    the same language and masking rule are masked together, up to BATCH at a time: the NER models cost far less
    on one longer text than on many short ones (see the module's note). One consequence: within a batch a
    person keeps one replacement, as within one document."""
    out = [""] * len(items)
    # (language, masking rule) -> (a category with that rule, [(index, text)])
    groups: dict[tuple[str | None, str], tuple[str | None, list[tuple[int, str]]]] = {}
    seen: dict[tuple[str, str | None, str | None], int] = {}
    duplicates: list[tuple[int, int]] = []
    for i, (text, lang, category) in enumerate(items):
        clean = clean_text(text or "").replace("\u2042", "*").strip()
        if not clean:
            continue
        key = (clean, lang, category)
        if key in seen:  # identical summaries are masked once
            duplicates.append((i, seen[key]))
            continue
        seen[key] = i
        detected = lang if lang in ("ru", "kk") else identify_document(clean)
        # The category only decides which names the policy masks (stricter for family cases …): group by
        # that rule, not by category, so that batches stay large.
        mode = default_depersonalizer(use_ner).names_mode(category)
        group = groups.setdefault((detected if detected in ("ru", "kk") else None, mode), (category, []))
        group[1].append((i, clean))
    for (lang, _), (category, members) in groups.items():
        for start in range(0, len(members), BATCH):
            chunk = members[start : start + BATCH]
            for (i, _), masked in zip(chunk, _mask([t for _, t in chunk], lang, category, use_ner), strict=True):
                out[i] = shorten(masked, limit)
    for i, j in duplicates:
        out[i] = out[j]
    return out


def case_items(rows: Sequence[Mapping[str, Any]], lang: str, summaries: Sequence[str]) -> list[dict[str, Any]]:
    return [{"reg_no": clean_text(r.get("reg_no") or "—"), "decided_on": r["decided_on"],
             "category": category_label(r.get("category"), lang), "region": region_label(r.get("region_code"), lang),
             "outcome": outcome_label(r["outcome"], lang), "summary": s}
            for r, s in zip(rows, summaries, strict=True)]


def press_release_context(cases: list[dict], week: str, lang: str, *, use_ner: bool = True,
                          limit: int = MAX_SUMMARY_CHARS) -> dict[str, Any]:
    """The data of the `press_release` template for the considered cases decided in `week` ("2025-W15")."""
    if lang not in ("ru", "kk"):
        raise ValueError(f"language must be 'ru' or 'kk', not {lang!r}")
    monday, sunday = week_bounds(week)
    considered = {code for code, row in outcomes().items() if row.get("considered")}
    rows = [r for r in case_rows(cases) if monday <= r["decided_on"] <= sunday and r["outcome"] in considered]
    rows.sort(key=lambda r: (r["decided_on"], str(r.get("reg_no"))))
    summaries = depersonalise([(str(r.get("summary") or ""), r.get("lang"), r.get("category")) for r in rows],
                              use_ner=use_ner, limit=limit)
    # A working week reads Monday to Friday; a case decided at the weekend stretches it to Sunday.
    last = sunday if any(r["decided_on"].weekday() >= 5 for r in rows) else monday + dt.timedelta(days=4)
    iso = monday.isocalendar()
    return {
        "week": f"{iso.year}-W{iso.week:02d}",
        "period": period_in_words(monday, last, lang),
        "total": len(rows),
        "by_outcome": [{"label": o["label"], "count": o["count"]} for o in by_outcome(rows, lang)],
        "cases": case_items(rows, lang, summaries),
    }
