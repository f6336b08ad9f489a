"""The review of judicial practice for a period: statistics by category, region and result with charts,
the typical errors of the lower courts, and depersonalised examples of acts set aside or changed; the
context of the `practice_review` Word template.

    ctx = review_context(cases, date(2025, 1, 1), date(2025, 6, 30), "kk", typical_errors=[...])
    render("practice_review", "kk", ctx, Path("review.docx"))

Cases are the considered-case dicts of assistant.reports.press; those decided in the period with an outcome
the collegium heard are counted. "Changed" means the lower courts' acts were set aside or changed
(outcomes.yaml: changes_act).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assistant.documents.context import clean_text
from assistant.documents.formatting import period_label, to_date
from assistant.documents.reference import outcomes
from assistant.i18n import t
from assistant.reports.charts import bar_chart
from assistant.reports.press import MAX_SUMMARY_CHARS, case_items, depersonalise
from assistant.reports.stats import by_key, by_outcome, case_rows, changes_act, in_period, share

MAX_EXAMPLES = 10


def review_context(cases: list[dict], period_from: dt.date, period_to: dt.date, lang: str,
                   typical_errors: list[str] | None = None, *, topic: str | None = None,
                   recommendations: list[str] | None = None, max_examples: int = MAX_EXAMPLES,
                   use_ner: bool = True) -> dict[str, Any]:
    """The data of the `practice_review` template: counts, three charts (PNG bytes), examples."""
    if lang not in ("ru", "kk"):
        raise ValueError(f"language must be 'ru' or 'kk', not {lang!r}")
    start, end = to_date(period_from), to_date(period_to)
    considered = {code for code, row in outcomes().items() if row.get("considered")}
    rows = [r for r in in_period(case_rows(cases), start, end) if r["outcome"] in considered]
    rows.sort(key=lambda r: (r["decided_on"], str(r.get("reg_no"))))
    changed = sum(changes_act(r["outcome"]) for r in rows)
    categories = by_key(rows, "category", lang)
    regions = by_key(rows, "region_code", lang)
    results = by_outcome(rows, lang)

    def label(key: str) -> str:
        return t(f"documents.reports.{key}", lang)

    legend = (label("count"), label("changed"))
    charts = {
        "chart_categories": bar_chart([r["label"] for r in categories], [r["count"] for r in categories],
                                      label("chart_categories"), secondary=[r["changed"] for r in categories],
                                      legend=legend, empty_text=label("no_data")),
        "chart_regions": bar_chart([r["label"] for r in regions], [r["count"] for r in regions],
                                   label("chart_regions"), secondary=[r["changed"] for r in regions],
                                   legend=legend, empty_text=label("no_data")),
        "chart_outcomes": bar_chart([r["label"] for r in results], [r["count"] for r in results],
                                    label("chart_outcomes"), empty_text=label("no_data")),
    }
    examples = [r for r in rows if changes_act(r["outcome"])][:max_examples]
    summaries = depersonalise([(str(r.get("summary") or ""), r.get("lang"), r.get("category")) for r in examples],
                              use_ner=use_ner, limit=MAX_SUMMARY_CHARS)
    return {
        "topic": clean_text(topic) if topic else None,
        "period": period_label(start, end, lang),
        "period_attr": period_label(start, end, lang, "attributive"),
        "period_loc": period_label(start, end, lang, "locative"),
        "total": len(rows),
        "changed": changed,
        "change_rate": share(changed, len(rows)),
        "by_category": [{"label": r["label"], "count": r["count"], "changed": r["changed"]} for r in categories],
        "by_region": [{"label": r["label"], "count": r["count"], "changed": r["changed"]} for r in regions],
        "by_outcome": [{"label": r["label"], "count": r["count"]} for r in results],
        **charts,
        "typical_errors": [clean_text(e).strip() for e in typical_errors or [] if str(e).strip()],
        "reversed_examples": case_items(examples, lang, summaries),
        "recommendations": [clean_text(e).strip() for e in recommendations or [] if str(e).strip()],
    }
