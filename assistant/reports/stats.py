"""Statistical report for a quarter, half-year, 9 months or year: counts of finished cases by result,
category and region, the time they took against the 6-month limit; as the context of the
`statistics_report` Word template and as an XLSX workbook.

Input is a table of finished cases — a pandas DataFrame or a list of dicts — with the columns of a
considered case (reg_no, decided_on, category, region_code, lower_court, outcome, judge; optionally
received_on). `finished_on` (assistant.reports.movement.petitions_frame) is read as `decided_on`; rows with no
outcome or no date are still pending and are left out. Summaries are never written to the workbook: they
may hold personal data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from assistant.calendar import add_months
from assistant.documents.context import clean_text
from assistant.documents.files import atomic_write
from assistant.documents.formatting import period_label, to_date
from assistant.documents.reference import category_label, outcome_label, outcomes, region_label
from assistant.i18n import t

# The filing-to-decision limit of the new regime: "no more than 6 months" [verified: DOMAIN.md §0].
DECISION_LIMIT_MONTHS = 6


def _date_or_none(value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        if value != value:  # NaN / NaT from pandas
            return None
    except TypeError:
        pass
    try:
        return to_date(value)
    except (TypeError, ValueError):
        return None


def case_rows(frame_or_rows: Any) -> list[dict[str, Any]]:
    """Plain dicts from a DataFrame or an iterable of mappings, with `decided_on` (or `finished_on`) and
    `received_on` as dates; rows without an outcome or a date are left out."""
    if hasattr(frame_or_rows, "to_dict") and hasattr(frame_or_rows, "columns"):
        records: Iterable[Mapping[str, Any]] = frame_or_rows.to_dict("records")
    else:
        records = frame_or_rows
    rows = []
    for rec in records:
        row = dict(rec)
        decided = _date_or_none(row.get("decided_on", row.get("finished_on")))
        outcome = row.get("outcome")
        if decided is None or not isinstance(outcome, str) or not outcome:
            continue
        row["decided_on"] = decided
        row["received_on"] = _date_or_none(row.get("received_on"))
        rows.append(row)
    return rows


def in_period(rows: Sequence[Mapping[str, Any]], start: dt.date | None, end: dt.date | None) -> list[dict]:
    return [dict(r) for r in rows if (start is None or r["decided_on"] >= start) and (end is None or
                                                                                    r["decided_on"] <= end)]


def changes_act(outcome: str) -> bool:
    return bool(outcomes().get(outcome, {}).get("changes_act"))


def share(part: int, whole: int) -> str:
    """"18,5 %" (a decimal comma in both languages)."""
    if not whole:
        return "—"
    return f"{100 * part / whole:.1f} %".replace(".", ",")


def by_outcome(rows: Sequence[Mapping[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Counts per outcome, in the order of outcomes.yaml; outcomes with no case left out."""
    counts = Counter(r["outcome"] for r in rows)
    total = len(rows)
    ordered = [code for code in outcomes() if counts[code]] + sorted(c for c in counts if c not in outcomes())
    return [{"code": code, "label": outcome_label(code, lang), "count": counts[code],
             "share": share(counts[code], total)} for code in ordered]


def by_key(rows: Sequence[Mapping[str, Any]], key: str, lang: str) -> list[dict[str, Any]]:
    """Counts per category or region_code, largest first, with the acts set aside or changed."""
    label = category_label if key == "category" else region_label
    counts: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    for r in rows:
        code = r.get(key)
        code = "" if code is None or code != code else str(code)
        counts[code] += 1
        changed[code] += changes_act(r["outcome"])
    total = len(rows)
    out = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append({"code": code, "label": label(code, lang) if code else t("documents.reports.not_set", lang),
                    "count": n, "changed": changed[code], "share": share(n, total)})
    return out


def durations(rows: Sequence[Mapping[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Cases decided within 6 months of receipt, later, and with no date of receipt."""
    within = over = unknown = 0
    for r in rows:
        received = r.get("received_on")
        if received is None:
            unknown += 1
        elif r["decided_on"] <= add_months(received, DECISION_LIMIT_MONTHS):
            within += 1
        else:
            over += 1
    total = len(rows)
    out = [("within_limit", within), ("over_limit", over), ("unknown_duration", unknown)]
    return [{"label": t(f"documents.reports.{key}", lang), "count": n, "share": share(n, total)}
            for key, n in out if n or key != "unknown_duration"]


def statistics_context(frame_or_rows: Any, period_from: dt.date | str, period_to: dt.date | str, lang: str,
                       movement: Sequence[Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """The data of the `statistics_report` template for the cases finished in [period_from, period_to].

    `movement` (optional) is a list of {label, count} rows from the registry's movement report (pending at
    the start, received, finished, pending at the end)."""
    start, end = to_date(period_from), to_date(period_to)
    rows = in_period(case_rows(frame_or_rows), start, end)
    has_receipt = any(r.get("received_on") for r in rows)
    return {
        "period": period_label(start, end, lang),
        "period_attr": period_label(start, end, lang, "attributive"),
        "period_loc": period_label(start, end, lang, "locative"),
        "total": len(rows),
        "movement": [{"label": clean_text(m["label"]), "count": int(m["count"])} for m in movement or []],
        "by_outcome": by_outcome(rows, lang),
        "by_category": by_key(rows, "category", lang),
        "by_region": by_key(rows, "region_code", lang),
        "durations": durations(rows, lang) if has_receipt else [],
    }


# --- the workbook -------------------------------------------------------------------------------------------

_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")


def _safe(value: Any) -> Any:
    """A cell value that cannot become a formula or break the file: text is cleaned of characters XML
    cannot hold and kept as text even when it starts with = + - @ (CSV/formula injection)."""
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return value
    return clean_text("" if value is None else value)


def _put(ws, row: int, col: int, value: Any, *, bold: bool = False, header: bool = False) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = _safe(value)
    if isinstance(cell.value, str):
        cell.data_type = "s"  # never a formula
    if bold or header:
        cell.font = _BOLD
    if header:
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    if isinstance(value, dt.date):
        cell.number_format = "DD.MM.YYYY"


def _block(ws, row: int, title: str, headers: list[str], lines: list[list[Any]]) -> int:
    _put(ws, row, 1, title, bold=True)
    row += 1
    for c, h in enumerate(headers, 1):
        _put(ws, row, c, h, header=True)
    row += 1
    for line in lines:
        for c, v in enumerate(line, 1):
            _put(ws, row, c, v)
        row += 1
    return row + 1


def statistics_workbook(frame_or_rows: Any, out: Path, *, lang: str = "ru", period_from: dt.date | str | None = None,
                        period_to: dt.date | str | None = None,
                        movement: Sequence[Mapping[str, Any]] | None = None) -> Path:
    """Write the statistics as an XLSX workbook (atomically) and return its path: a summary sheet with
    the counts by result, category, region and duration, and a sheet listing the cases (no summaries)."""
    rows = case_rows(frame_or_rows)
    start = to_date(period_from) if period_from is not None else min((r["decided_on"] for r in rows), default=None)
    end = to_date(period_to) if period_to is not None else max((r["decided_on"] for r in rows), default=None)
    rows = in_period(rows, start, end)

    def label(key: str) -> str:
        return t(f"documents.reports.{key}", lang)

    wb = Workbook()
    ws = wb.active
    ws.title = label("sheet_summary")[:31]
    _put(ws, 1, 1, t("documents.reports.period", lang) + ": " + (period_label(start, end, lang) if start and end
                                                                   else label("no_data")), bold=True)
    _put(ws, 2, 1, label("total"), bold=True)
    _put(ws, 2, 2, len(rows))
    row = 4
    if movement:
        row = _block(ws, row, label("movement"), [label("indicator"), label("count")],
                     [[m["label"], int(m["count"])] for m in movement])
    row = _block(ws, row, label("outcome"), [label("outcome"), label("count"), label("share")],
                 [[r["label"], r["count"], r["share"]] for r in by_outcome(rows, lang)])
    row = _block(ws, row, label("category"), [label("category"), label("count"), label("changed"), label("share")],
                 [[r["label"], r["count"], r["changed"], r["share"]] for r in by_key(rows, "category", lang)])
    row = _block(ws, row, label("region"), [label("region"), label("count"), label("changed"), label("share")],
                 [[r["label"], r["count"], r["changed"], r["share"]] for r in by_key(rows, "region_code", lang)])
    if any(r.get("received_on") for r in rows):
        _block(ws, row, label("durations"), [label("duration"), label("count"), label("share")],
               [[r["label"], r["count"], r["share"]] for r in durations(rows, lang)])
    ws.column_dimensions["A"].width = 60
    for col in "BCD":
        ws.column_dimensions[col].width = 18

    cases = wb.create_sheet(label("sheet_cases")[:31])
    columns = [("reg_no", label("reg_no")), ("decided_on", label("decided_on")), ("category", label("category")),
               ("region_code", label("region")), ("lower_court", label("lower_court")), ("outcome", label("outcome")),
               ("judge", label("judge"))]
    for c, (_, header) in enumerate(columns, 1):
        _put(cases, 1, c, header, header=True)
    for i, r in enumerate(sorted(rows, key=lambda r: (r["decided_on"], str(r.get("reg_no")))), 2):
        values = [r.get("reg_no"), r["decided_on"], category_label(r.get("category"), lang),
                  region_label(r.get("region_code"), lang), r.get("lower_court"),
                  outcome_label(r["outcome"], lang), r.get("judge")]
        for c, v in enumerate(values, 1):
            _put(cases, i, c, v)
    for c, width in enumerate((22, 14, 36, 30, 44, 44, 24), 1):
        cases.column_dimensions[get_column_letter(c)].width = width
    cases.freeze_panes = "A2"

    return atomic_write(Path(out), wb.save)
