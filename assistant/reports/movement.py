"""Movement of petitions per judge and for the collegium, and statistics by region and category, as pandas
frames (regulation §7.1.12: weekly and monthly reports; quarter / half-year / year statistics).

For a period [start, end]: pending at start + received − finished = pending at end, where finished is the
first of result / returned / withdrawn. Considered = finished with a result that was heard (outcomes.yaml).
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy import func, select

from assistant.categories import category_name
from assistant.i18n import t
from assistant.registry import models as m
from assistant.registry.db import get_engine
from assistant.registry.reference import FINISHING_EVENTS, outcome_label, outcomes

COUNT_COLUMNS = ("pending_start", "received", "returned", "considered", "other_finished", "pending_end")


@dataclass(frozen=True)
class Period:
    spec: str
    start: dt.date
    end: dt.date


def parse_period(spec: str) -> Period:
    """'2026-W47' (ISO week), '2026-11', '2026-Q4', '2026-H2', '2026', or 'YYYY-MM-DD..YYYY-MM-DD'."""
    s = spec.strip().upper()
    if found := re.fullmatch(r"(\d{4})-W(\d{1,2})", s):
        year, week = map(int, found.groups())
        start = dt.date.fromisocalendar(year, week, 1)
        return Period(spec, start, start + dt.timedelta(days=6))
    if found := re.fullmatch(r"(\d{4})-(\d{1,2})", s):
        year, month = map(int, found.groups())
        if 1 <= month <= 12:
            return Period(spec, dt.date(year, month, 1), dt.date(year, month, _stdcal.monthrange(year, month)[1]))
    if found := re.fullmatch(r"(\d{4})-Q([1-4])", s):
        year, q = map(int, found.groups())
        end_month = 3 * q
        return Period(spec, dt.date(year, end_month - 2, 1),
                      dt.date(year, end_month, _stdcal.monthrange(year, end_month)[1]))
    if found := re.fullmatch(r"(\d{4})-H([12])", s):
        year, h = map(int, found.groups())
        return Period(spec, dt.date(year, 1, 1) if h == 1 else dt.date(year, 7, 1),
                      dt.date(year, 6, 30) if h == 1 else dt.date(year, 12, 31))
    if re.fullmatch(r"\d{4}", s):
        return Period(spec, dt.date(int(s), 1, 1), dt.date(int(s), 12, 31))
    if found := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", s):
        start, end = (dt.date.fromisoformat(x) for x in found.groups())
        if start <= end:
            return Period(spec, start, end)
    raise ValueError(f"period {spec!r}: expected 2026-W47, 2026-11, 2026-Q4, 2026-H2, 2026 or D1..D2")


def petitions_frame(url: str) -> pd.DataFrame:
    """One row per petition: judge, dates received and finished, outcome, region, category."""
    finished = (select(m.Event.petition_id, func.min(m.Event.on_date).label("finished_on"))
                .where(m.Event.kind.in_(FINISHING_EVENTS)).group_by(m.Event.petition_id).subquery())
    q = (select(m.Petition.id, m.Petition.reg_no, m.Petition.received_on, m.Petition.outcome,
                m.Petition.region_code, m.Petition.final_category.label("category"), m.Petition.regime,
                m.Judge.code.label("judge"), m.Judge.name_ru, m.Judge.name_kk, finished.c.finished_on)
         .outerjoin(m.Judge, m.Petition.judge_id == m.Judge.id)
         .outerjoin(finished, finished.c.petition_id == m.Petition.id))
    with get_engine(url).connect() as conn:
        frame = pd.DataFrame(conn.execute(q).mappings().all(),
                             columns=["id", "reg_no", "received_on", "outcome", "region_code", "category", "regime",
                                      "judge", "name_ru", "name_kk", "finished_on"])
    for col in ("received_on", "finished_on"):
        frame[col] = pd.to_datetime(frame[col]).dt.date
    return frame


def _counts(frame: pd.DataFrame, period: Period) -> pd.DataFrame:
    start, end = period.start, period.end
    fin = frame["finished_on"]
    finished_before = fin.notna() & (fin.map(lambda d: d is not None and not pd.isna(d) and d < start))
    finished_in = fin.map(lambda d: d is not None and not pd.isna(d) and start <= d <= end)
    finished_by_end = fin.map(lambda d: d is not None and not pd.isna(d) and d <= end)
    considered_codes = {c for c, o in outcomes().items() if o["considered"]}
    out = pd.DataFrame(index=frame.index)
    out["pending_start"] = (frame["received_on"] < start) & ~finished_before
    out["received"] = (frame["received_on"] >= start) & (frame["received_on"] <= end)
    out["returned"] = finished_in & (frame["outcome"] == "returned")
    out["considered"] = finished_in & frame["outcome"].isin(considered_codes)
    out["other_finished"] = finished_in & ~out["returned"] & ~out["considered"]
    out["pending_end"] = (frame["received_on"] <= end) & ~finished_by_end
    for code in considered_codes:
        out[f"result:{code}"] = finished_in & (frame["outcome"] == code)
    return out.astype(int)


def movement(url: str, period: Period, *, by: str = "judge", lang: str = "ru") -> pd.DataFrame:
    """Movement for `period` grouped `by` judge (with a collegium total row), region or category."""
    frame = petitions_frame(url)
    counts = _counts(frame, period)
    result_cols = [f"result:{c}" for c in outcomes() if f"result:{c}" in counts.columns]
    counts = counts[list(COUNT_COLUMNS) + result_cols]
    if by == "judge":
        names = frame["name_kk" if lang == "kk" else "name_ru"].fillna(t("registry.report.unassigned", lang))
        key = names
    elif by == "region":
        key = frame["region_code"].fillna("—")
    elif by == "category":
        key = frame["category"].map(lambda c: category_name(c, lang) if isinstance(c, str) else "—")
    else:
        raise ValueError(f"by must be judge, region or category, not {by!r}")
    table = counts.groupby(key, dropna=False).sum().sort_index()
    table = table[(table != 0).any(axis=1)]
    table.loc[t("registry.report.total", lang)] = table.sum()
    table.index.name = t(f"registry.report.by_{by}", lang)
    if by == "region":
        from assistant.reports.regions import region_name

        table.index = [region_name(code, lang) if code in table.index[:-1] else code for code in table.index]
        table.index.name = t("registry.report.by_region", lang)
    return table


def column_labels(columns: list[str], lang: str) -> list[str]:
    return [outcome_label(c.split(":", 1)[1], lang) if c.startswith("result:") else t(f"registry.report.{c}", lang)
            for c in columns]


def statistics(url: str, period: Period, lang: str = "ru") -> dict[str, pd.DataFrame]:
    """Quarter / half-year / year statistics: movement by region and by category, with the share of acts
    set aside or changed among considered petitions."""
    out = {}
    changing = [f"result:{c}" for c, o in outcomes().items() if o["changes_act"]]
    for by in ("region", "category"):
        table = movement(url, period, by=by, lang=lang)
        present = [c for c in changing if c in table.columns]
        considered = table["considered"].where(table["considered"] > 0)
        table["changed_share"] = (table[present].sum(axis=1) / considered).round(3).fillna(0.0)
        out[by] = table
    return out


def to_excel(tables: dict[str, pd.DataFrame], out: Path, lang: str = "ru") -> Path:
    """Write frames as sheets of one workbook with headers in `lang` (atomically)."""
    tmp = out.with_name(out.name + ".part.xlsx")
    with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for name, table in tables.items():
            labelled = table.copy()
            labelled.columns = column_labels(list(table.columns), lang)
            labelled.to_excel(writer, sheet_name=t(f"registry.report.sheet_{name}", lang)[:31])
            sheet = writer.sheets[t(f"registry.report.sheet_{name}", lang)[:31]]
            sheet.column_dimensions["A"].width = 48
            for col in sheet.iter_cols(min_col=2, max_col=sheet.max_column, max_row=1):
                sheet.column_dimensions[col[0].column_letter].width = 16
    tmp.replace(out)
    return out
