"""What the Streamlit pages show, computed without Streamlit.

The pages (`app.py`, `pages/`) only lay out widgets; everything they display or do goes through plain
functions here or elsewhere in `assistant/`: highlighted text as escaped HTML, table rows with labels in
the interface language, the explanation of a distribution, the movement a consultant records by hand,
ISO weeks and masks for press releases, calendar and model information for the settings page, and the
optional documents layer (`assistant.documents`), imported lazily so the app works before it lands.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib
import inspect
import io
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from assistant.categories import UNSURE, categories, category_name
from assistant.config import Settings
from assistant.i18n import t
from assistant.ingest.batch import BatchResult, process_batch
from assistant.privacy.engine import Anonymized, MaskSpan, load_policy, remask
from assistant.registry import models as m
from assistant.registry.reference import KINDS, REGIMES, outcome_label, outcomes, registry_settings
from assistant.registry.service import Registry, RegistryError
from assistant.reports.regions import region_name, regions

ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = ROOT / "models" / "category"
CALENDAR_FILE = Path(__file__).resolve().parent / "data" / "calendar.yaml"

# Movement a consultant records by hand on the petition page. `withdrawn` and `returned` end the petition,
# so they go through Registry.record_outcome (which also stores the outcome); the rest are events.
MANUAL_EVENTS = ("case_file_requested", "case_file_received", "notice_sent", "notice_delivered", "heard",
                 "copies_sent", "case_returned", "archived")
OUTCOME_EVENTS = ("withdrawn", "returned")
STATUSES = ("registered", "assigned", "case_file_requested", "case_file_received", "hearing_scheduled", "heard",
            "decided", "case_returned", "archived", "returned", "withdrawn")

# Colours of the entity kinds highlighted in a petition's text, and of masks in press releases.
HIGHLIGHT_COLOURS = {"parties": "#fde68a", "courts": "#bfdbfe", "case_numbers": "#c7d2fe",
                     "date_mentions": "#bbf7d0", "amounts_kzt": "#fbcfe8", "iin_bin": "#fecaca",
                     "phones": "#e9d5ff", "emails": "#e9d5ff", "evidence": "#fed7aa", "mask": "#fecaca",
                     "mask_added": "#fde68a"}
CARD_ENTITY_KINDS = ("parties", "courts", "case_numbers", "date_mentions", "amounts_kzt", "iin_bin", "phones",
                     "emails")


# ----------------------------------------------------------------------------------------- highlighting
@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # a key of HIGHLIGHT_COLOURS
    title: str = ""  # shown on hover
    label: str = ""  # shown instead of the text (a mask's replacement); empty: the text itself


def card_highlights(card: dict[str, Any] | None, lang: str) -> list[Highlight]:
    """The entities of a stored petition card (PetitionCard.to_json) as highlights with kk/ru hover titles."""
    out: list[Highlight] = []
    for kind in CARD_ENTITY_KINDS:
        for item in (card or {}).get(kind) or []:
            if not isinstance(item.get("start"), int) or not isinstance(item.get("end"), int):
                continue
            title = t(f"app.highlight.{kind}", lang)
            if item.get("role"):
                prefix = "card.roles" if kind == "parties" else "card.date_roles"
                title += f": {label(prefix, str(item['role']), lang)}"
            if kind == "courts" and item.get("value"):
                title += f": {label('card.levels', str(item['value']), lang)}"
            out.append(Highlight(item["start"], item["end"], kind, title))
    return out


def highlighted_html(text: str, highlights: Iterable[Highlight], colours: dict[str, str] | None = None) -> str:
    """`text` as HTML with every highlight in a <mark>; every piece of text is escaped. Overlapping highlights:
    the one that starts first (then the longer) wins."""
    colours = colours or HIGHLIGHT_COLOURS
    chosen: list[Highlight] = []
    for h in sorted(highlights, key=lambda h: (h.start, -(h.end - h.start))):
        if 0 <= h.start < h.end <= len(text) and (not chosen or h.start >= chosen[-1].end):
            chosen.append(h)
    parts, pos = [], 0
    for h in chosen:
        parts.append(html.escape(text[pos : h.start]))
        shown = h.label or text[h.start : h.end]
        colour = colours.get(h.kind, "#fde68a")
        parts.append(f'<mark class="kn-{html.escape(h.kind)}" title="{html.escape(h.title)}" '
                     f'style="background:{colour};padding:0 2px;border-radius:3px">{html.escape(shown)}</mark>')
        pos = h.end
    parts.append(html.escape(text[pos:]))
    body = "".join(parts)
    return (f'<div class="kn-text" style="white-space:pre-wrap;line-height:1.55;max-height:28rem;overflow-y:auto;'
            f'padding:0.6rem 0.8rem;border:1px solid #e5e7eb;border-radius:6px;font-size:0.95rem">{body}</div>')


ROW_STYLES = {"overdue": "background:#fee2e2;color:#991b1b;font-weight:600",
              "due_soon": "background:#fef3c7;color:#92400e;font-weight:600", "met": "color:#6b7280", "open": ""}


def cell_text(value: Any) -> str:
    """A table cell as text: dates as DD.MM.YYYY, nothing as «—»."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return str(value)


def table_html(rows: list[dict[str, Any]], row_styles: Sequence[str] = ()) -> str:
    """Rows as an HTML table whose long text wraps (a dataframe cuts it off); every value escaped. `row_styles`
    names a ROW_STYLES entry per row (overdue rows in red)."""
    if not rows:
        return ""
    cell = "vertical-align:top;padding:6px 8px;border-bottom:1px solid #f3f4f6"
    head = "".join(f'<th style="text-align:left;padding:6px 8px;border-bottom:2px solid #e5e7eb">{html.escape(k)}</th>'
                   for k in rows[0])
    body = []
    for i, row in enumerate(rows):
        style = ROW_STYLES.get(row_styles[i], "") if i < len(row_styles) else ""
        body.append(f'<tr style="{style}">' + "".join(f'<td style="{cell}">{html.escape(cell_text(v))}</td>'
                                                      for v in row.values()) + "</tr>")
    return ('<table class="kn-table" style="width:100%;border-collapse:collapse;font-size:0.9rem">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


CHECK_COLOURS = {"pass": ("#dcfce7", "#166534"), "fail": ("#fee2e2", "#991b1b"), "unknown": ("#f3f4f6", "#374151")}


def checks_html(checks: Iterable[dict[str, Any]], lang: str) -> str:
    """A card's admissibility checks as an HTML table that wraps long text: status, check, result, the words
    found in the text, and the rule with its article (every value escaped)."""
    head = "".join(f'<th style="text-align:left;padding:6px 8px;border-bottom:2px solid #e5e7eb">'
                   f'{html.escape(t("app.petition.col." + c, lang))}</th>'
                   for c in ("state", "check", "result", "evidence", "basis"))
    rows = []
    for check in checks:
        status = str(check.get("status", "unknown"))
        bg, fg = CHECK_COLOURS.get(status, CHECK_COLOURS["unknown"])
        badge = (f'<span style="background:{bg};color:{fg};padding:1px 6px;border-radius:4px;white-space:nowrap">'
                 f'{html.escape(label("app.petition.check_status", status, lang))}</span>')
        evidence = " · ".join(f"«{e.get('text', '')}»" for e in check.get("evidence") or [])
        cells = [badge] + [html.escape(str(check.get(k) or "")) for k in ("title", "detail")] + [
            html.escape(evidence), html.escape(str(check.get("basis") or ""))]
        rows.append("<tr>" + "".join(f'<td style="vertical-align:top;padding:6px 8px;border-bottom:1px solid #f3f4f6">'
                                     f"{c}</td>" for c in cells) + "</tr>")
    return ('<table class="kn-checks" style="width:100%;border-collapse:collapse;font-size:0.9rem">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def legend_html(kinds: Iterable[str], lang: str, colours: dict[str, str] | None = None) -> str:
    colours = colours or HIGHLIGHT_COLOURS
    items = [f'<mark style="background:{colours[k]};padding:0 4px;border-radius:3px;margin-right:6px">'
             f'{html.escape(t("app.highlight." + k, lang))}</mark>' for k in kinds]
    return '<div style="line-height:2">' + "".join(items) + "</div>"


def facts_html(pairs: Iterable[tuple[str, str]]) -> str:
    """Labelled values as an HTML grid (escaped); long values wrap instead of being cut off."""
    cells = "".join(f'<div class="kn-fact"><div style="font-size:0.8rem;color:#6b7280">{html.escape(str(k))}</div>'
                    f'<div style="font-size:1.1rem;font-weight:600;line-height:1.35">{html.escape(str(v))}</div></div>'
                    for k, v in pairs)
    return ('<div class="kn-facts" style="display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));'
            f'gap:0.6rem 1.5rem;margin:0.3rem 0 0.8rem 0">{cells}</div>')


# ---------------------------------------------------------------------------------------------- intake
def iter_uploads(uploads: Sequence[tuple[str, bytes]], settings: Settings, *, jobs: int | None = None
                 ) -> Iterator[BatchResult]:
    """Uploaded (name, bytes) files through intake, each result yielded as soon as it is ready (for a progress
    bar), in upload order and carrying the uploaded name — `ingest_uploads` as a generator."""
    with tempfile.TemporaryDirectory(prefix="kenesshi-upload-") as tmp:
        paths = []
        for i, (name, data) in enumerate(uploads):
            folder = Path(tmp) / str(i)  # one folder per upload: two files may share a name
            folder.mkdir()
            path = folder / (Path(name).name or "upload")
            path.write_bytes(data)
            paths.append(path)
        for result, (name, _) in zip(process_batch(paths, settings, jobs=jobs), uploads, strict=True):
            result.path = name
            if result.doc is not None:
                result.doc.path = name
            yield result


def category_options() -> list[str]:
    """The 17 category codes in the order of categories.yaml."""
    return list(categories())


def suggested_index(suggestion: dict[str, Any] | None) -> int | None:
    """Position of the suggested category among category_options(); None when unsure (the consultant chooses)."""
    code = (suggestion or {}).get("category")
    options = category_options()
    return options.index(code) if code in options else None


def suggestion_summary(suggestion: dict[str, Any] | None, lang: str) -> dict[str, Any]:
    """What the intake shows of a suggestion: category (or unsure), confidence, alternatives and terms."""
    if not suggestion:
        return {"category": None, "unsure": True, "confidence": None, "alternatives": [], "terms": [],
                "reason": None}
    code = suggestion.get("category")
    return {
        "category": category_name(code, lang) if code else None,
        "unsure": code in (None, UNSURE),
        "best": category_name(suggestion["best"], lang) if suggestion.get("best") in categories() else None,
        "confidence": float(suggestion.get("confidence") or 0.0),
        "alternatives": [(category_name(a["category"], lang) if a["category"] in categories() else a["category"],
                          float(a["p"])) for a in suggestion.get("alternatives", [])],
        "terms": [x["term"] for x in suggestion.get("terms", [])],
        "reason": suggestion.get("reason"),
    }


# ---------------------------------------------------------------------------------------- distribution
def judge_names(registry: Registry, lang: str) -> dict[str, str]:
    return {j.code: j.name(lang) for j in registry.judges()}


def distribution_reason(decision: dict[str, Any] | None, lang: str, category: str | None = None) -> str:
    """`registry.distribution.<reason>` with its parameters for a Decision.to_json() (or assignment inputs)."""
    if not decision or not decision.get("reason"):
        return ""
    reason = decision["reason"]
    chosen = decision.get("judge")
    load = next((c.get("open_load") for c in decision.get("candidates") or [] if c.get("judge") == chosen), None)
    cat = category or decision.get("category") or ""
    return t(f"registry.distribution.{reason}", lang, load=load if load is not None else "—",
             category=category_name(cat, lang) if cat in categories() else cat, reason=decision.get("note", ""))


def excluded_judges(decision: dict[str, Any] | None, lang: str, names: dict[str, str]) -> list[str]:
    """«name — why» for every judge of the category left out of the distribution."""
    out = []
    for row in (decision or {}).get("excluded") or []:
        why = row.get("why", "")
        try:
            why_text = t(f"registry.distribution.why.{why}", lang)
        except KeyError:
            why_text = why
        out.append(f"{names.get(row.get('judge', ''), row.get('judge', ''))} — {why_text}")
    return out


def assignment_reason(a: m.Assignment, lang: str) -> str:
    if a.rule == "manual":
        return t("registry.distribution.manual", lang, reason=a.reason)
    try:
        return distribution_reason({**(a.inputs or {}), "reason": a.reason, "judge": a.judge.code}, lang)
    except KeyError:
        return a.reason


# -------------------------------------------------------------------------------------------- movement
def movement_kinds() -> tuple[str, ...]:
    """Every movement the petition page offers under «change status»."""
    return MANUAL_EVENTS + OUTCOME_EVENTS


def record_movement(registry: Registry, reg_no: str, kind: str, on: dt.date, by: str, note: str = "") -> None:
    """Record one movement a consultant enters by hand: an event, or (withdrawn / returned) an outcome."""
    if kind in OUTCOME_EVENTS:
        registry.record_outcome(reg_no, kind, on, by=by, note=note)
    elif kind in MANUAL_EVENTS:
        registry.record_event(reg_no, kind, on, by=by, note=note)
    else:
        raise RegistryError("bad_event", event=kind)


def outcome_codes() -> list[str]:
    return list(outcomes())


def label(prefix: str, code: str | None, lang: str) -> str:
    """A label from the locales, or the code itself when the locales do not know it."""
    if not code:
        return "—"
    try:
        return t(f"{prefix}.{code}", lang)
    except KeyError:
        return code


def event_detail(ev: m.Event, lang: str, names: dict[str, str]) -> str:
    data = ev.data or {}
    bits: list[str] = []
    if ev.kind == "document":
        return str(data.get("file") or ev.note)
    if ev.kind == "hearing_scheduled" and data.get("when"):
        when = dt.datetime.fromisoformat(data["when"])
        bits.append(f"{when:%d.%m.%Y %H:%M} · {t('app.petition.modes.' + data.get('mode', 'offline'), lang)}"
                    + (f" · {data['place']}" if data.get("place") else ""))
    if ev.kind in ("assigned", "reassigned") and data.get("judge"):
        bits.append(names.get(data["judge"], data["judge"]))
        rule = data.get("rule", "auto")
        bits.append(t(f"app.petition.rules.{rule}", lang) + (f": {ev.note}" if rule == "manual" and ev.note else ""))
        return " · ".join(bits)
    if ev.kind == "category_changed":
        before, after = data.get("from"), data.get("to")
        bits.append(f"{category_name(before, lang) if before in categories() else '—'} → "
                    f"{category_name(after, lang) if after in categories() else '—'}")
    if data.get("outcome") and data["outcome"] in outcomes():
        bits.append(outcome_label(data["outcome"], lang))
    if ev.kind == "not_distributed":
        bits.append(distribution_reason(data, lang))
    elif ev.note:
        bits.append(ev.note)
    return " · ".join(b for b in bits if b)


def event_rows(p: m.Petition, lang: str, names: dict[str, str]) -> list[dict[str, Any]]:
    return [{t("app.petition.col.date", lang): ev.on_date, t("app.petition.col.event", lang):
             label("registry.events", ev.kind, lang), t("app.petition.col.detail", lang): event_detail(ev, lang, names),
             t("app.petition.col.by", lang): ev.by_whom} for ev in p.events]


def local_time(utc: dt.datetime) -> str:
    """A timestamp the registry keeps in UTC, in the server's local time."""
    return f"{utc.replace(tzinfo=dt.UTC).astimezone():%d.%m.%Y %H:%M}"


def assignment_rows(p: m.Petition, lang: str) -> list[dict[str, Any]]:
    return [{t("app.petition.col.at", lang): local_time(a.at),
             t("app.petition.col.judge", lang): a.judge.name(lang),
             t("app.petition.col.rule", lang): t(f"app.petition.rules.{a.rule}", lang),
             t("app.petition.col.reason", lang): assignment_reason(a, lang),
             t("app.petition.col.by", lang): a.by_whom,
             t("app.petition.col.active", lang): "✓" if a.active else ""} for a in p.assignments]


def deadline_state(d: m.Deadline, today: dt.date) -> str:
    """met | overdue | due_soon (within 3 days) | open."""
    if d.met_on is not None:
        return "met"
    if d.due < today:
        return "overdue"
    return "due_soon" if (d.due - today).days <= 3 else "open"


def petition_deadline_rows(p: m.Petition, lang: str, today: dt.date) -> list[dict[str, Any]]:
    rows = []
    for d in p.deadlines:
        rows.append({t("app.petition.col.deadline", lang): label("registry.deadlines", d.name, lang),
                     t("app.petition.col.start", lang): d.start, t("app.petition.col.due", lang): d.due,
                     t("app.petition.col.met_on", lang): d.met_on,
                     t("app.petition.col.state", lang): t(f"app.deadline_states.{deadline_state(d, today)}", lang),
                     t("app.petition.col.basis", lang): (d.basis or {}).get(f"basis_{lang}", "")})
    return rows


def hearing_rows(p: m.Petition, lang: str) -> list[dict[str, Any]]:
    return [{t("app.petition.col.when", lang): h.scheduled_for.strftime("%d.%m.%Y %H:%M"),
             t("app.petition.col.mode", lang): t(f"app.petition.modes.{h.mode}", lang),
             t("app.petition.col.place", lang): h.place,
             t("app.petition.col.state", lang): t(f"app.hearing_states.{h.status}", lang)} for h in p.hearings]


# ------------------------------------------------------------------------------------------- registry
def reg_numbers(registry: Registry, limit: int | None = None) -> list[str]:
    """Registration numbers, newest first (only the numbers: Registry.search loads whole petitions)."""
    from sqlalchemy import select

    from assistant.registry.db import read_session

    q = select(m.Petition.reg_no).order_by(m.Petition.received_on.desc(), m.Petition.id.desc())
    with read_session(registry.url) as s:
        return list(s.scalars(q if limit is None else q.limit(limit)))


def petition_link(reg_no: str, lang: str) -> str:
    """Relative URL of the petition page for one petition (the page's url path is its file's name). The number
    stays readable in the URL, so the table can show it as the link's text (PETITION_LINK_TEXT)."""
    escaped = "".join(f"%{ord(c):02X}" if c in " %&#?+" else c for c in reg_no)
    return f"petition?reg_no={escaped}&lang={lang}"


PETITION_LINK_TEXT = r"reg_no=([^&]+)"


def petition_rows(petitions: Iterable[m.Petition], lang: str) -> list[dict[str, Any]]:
    """The registry table: one row per petition with labels in `lang` (keys are stable codes; see
    petition_columns for the headers)."""
    rows = []
    for p in petitions:
        rows.append({
            "reg_no": p.reg_no, "received_on": p.received_on, "kind": label("registry.kinds", p.kind, lang),
            "status": label("registry.statuses", p.status, lang),
            "category": category_name(p.final_category, lang) if p.final_category in categories() else "—",
            "judge": p.judge.name(lang) if p.judge else t("registry.report.unassigned", lang),
            "region": region_name(p.region_code, lang) if p.region_code else "—",
            "regime": label("registry.regimes", p.regime, lang),
            "parties": "; ".join(x.name for x in p.parties),
            "lower_case_no": p.lower_case_no,
            "outcome": outcome_label(p.outcome, lang) if p.outcome in outcomes() else "",
            "link": petition_link(p.reg_no, lang),
        })
    return rows


PETITION_COLUMNS = ("reg_no", "received_on", "kind", "status", "category", "judge", "region", "regime", "parties",
                    "lower_case_no", "outcome")


def petition_columns(lang: str, *, linked: bool = False) -> dict[str, str]:
    """Headers of the registry table; `linked`: the number is shown as the link to the petition page."""
    return {("link" if linked and c == "reg_no" else c): t(f"app.registry.col.{c}", lang) for c in PETITION_COLUMNS}


def registry_deadline_rows(rows: Iterable[dict[str, Any]], lang: str, names: dict[str, str]) -> list[dict[str, Any]]:
    """Registry.deadlines() rows with labels, for the overdue and due-soon tables."""
    out = []
    for r in rows:
        out.append({"reg_no": r["reg_no"], "deadline": label("registry.deadlines", r["deadline"], lang),
                    "due": r["due"], "days_left": r["days_left"], "overdue": r["overdue"],
                    "status": label("registry.statuses", r["status"], lang),
                    "judge": names.get(r["judge"] or "", t("registry.report.unassigned", lang)),
                    "basis": (r.get("basis") or {}).get(f"basis_{lang}", ""), "link": petition_link(r["reg_no"], lang)})
    return out


def deadline_columns(lang: str) -> dict[str, str]:
    keys = ("link", "deadline", "due", "days_left", "status", "judge", "basis")
    return {k: t(f"app.registry.dcol.{k}", lang) for k in keys}


def split_deadlines(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return [r for r in rows if r["overdue"]], [r for r in rows if not r["overdue"]]


def status_options() -> list[str]:
    return list(STATUSES)


def region_options() -> list[str]:
    return list(regions())


def regime_options() -> list[str]:
    return list(REGIMES)


def kind_options() -> list[str]:
    return list(KINDS)


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """Frames as sheets of one XLSX workbook (sheet names cut to Excel's 31 characters)."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for col in sheet.iter_cols(min_col=1, max_col=sheet.max_column, max_row=1):
                sheet.column_dimensions[col[0].column_letter].width = 22
    return buf.getvalue()


# ------------------------------------------------------------------------------------- press releases
def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def recent_iso_weeks(today: dt.date, n: int = 26) -> list[str]:
    """The ISO weeks ending with the one of `today`, newest first."""
    return [iso_week(today - dt.timedelta(weeks=k)) for k in range(n)]


def week_bounds(spec: str) -> tuple[dt.date, dt.date]:
    from assistant.reports.movement import parse_period

    p = parse_period(spec)
    return p.start, p.end


def considered_for_press(registry: Registry, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Cases decided in [start, end] after a hearing (outcomes.yaml `considered`): what a press release is about."""
    return [c for c in registry.considered_cases(start, end) if outcomes().get(c["outcome"], {}).get("considered")]


def weeks_with_cases(registry: Registry, weeks: list[str]) -> dict[str, int]:
    """How many considered cases each ISO week has (one query over the whole range)."""
    if not weeks:
        return {}
    start, end = week_bounds(weeks[-1])[0], week_bounds(weeks[0])[1]
    counts = dict.fromkeys(weeks, 0)
    for c in considered_for_press(registry, start, end):
        key = iso_week(c["decided_on"])
        if key in counts:
            counts[key] += 1
    return counts


def add_mask_spans(original: str, spans: list[MaskSpan], needle: str, kind: str = "PERSON") -> list[MaskSpan]:
    """Every occurrence of `needle` in `original` (any case) that no mask covers yet, as new consultant masks."""
    needle = needle.strip()
    if not needle:
        return []
    low, key = original.casefold(), needle.casefold()
    added: list[MaskSpan] = []
    pos = low.find(key)
    while pos >= 0:
        end = pos + len(needle)
        if not any(min(end, s.end) > max(pos, s.start) for s in [*spans, *added]):
            added.append(MaskSpan(kind, pos, end, "", "consultant", 1.0, original[pos:end]))
        pos = low.find(key, end)
    return added


def mask_types() -> list[str]:
    """Types of masks a consultant can add (those of the policy's replacement table), names of people first."""
    types = list(load_policy()["replacement"]["ru"])
    return sorted(types, key=lambda x: x != "PERSON")


def masked_highlights(result: Anonymized, lang: str) -> list[Highlight]:
    """The masks of a remasked text as highlights over result.text (positions shift with each replacement)."""
    out, shift = [], 0
    for s in result.spans:
        start = s.start + shift
        shown = s.replacement
        if shown.endswith(".") and result.text[start + len(shown) - 1 : start + len(shown)] != ".":
            shown = shown[:-1]  # remask drops a replacement's full stop before the sentence's own one
        kind = "mask_added" if s.recognizer == "consultant" else "mask"
        out.append(Highlight(start, start + len(shown), kind, label("app.press.mask_types", s.type, lang)))
        shift += len(shown) - (s.end - s.start)
    return out


def edited_masks(original: str, spans: list[MaskSpan], keep: dict[int, bool], lang: str) -> Anonymized:
    """The text with the masks the consultant kept (keep[i] for spans[i]; missing = kept)."""
    return remask(original, [s for i, s in enumerate(spans) if keep.get(i, True)], lang)


# ------------------------------------------------------------------------------------------ analytics
def chart_frame(table: pd.DataFrame, columns: Sequence[str], lang: str) -> pd.DataFrame:
    """The rows of a movement table without its total row, the chosen count columns with labelled headers."""
    from assistant.reports.movement import column_labels

    body = table.iloc[:-1]
    present = [c for c in columns if c in body.columns]
    frame = body[present].copy()
    frame.columns = column_labels(present, lang)
    frame.index = [str(i) for i in frame.index]
    return frame


def results_frame(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Results (outcome columns) per row of a movement table, without its total row, labelled."""
    cols = [c for c in table.columns if c.startswith("result:") and table[c].sum() > 0]
    return chart_frame(table, cols, lang)


def monthly_movement(url: str, start: dt.date, end: dt.date, lang: str) -> pd.DataFrame:
    """Received, considered and returned per month of [start, end] (for the chart of movement over time)."""
    from assistant.reports.movement import petitions_frame

    frame = petitions_frame(url)
    considered = {c for c, o in outcomes().items() if o["considered"]}
    months = pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq="M")
    received = pd.to_datetime(frame["received_on"]).dt.to_period("M")
    finished = pd.to_datetime(frame["finished_on"]).dt.to_period("M")
    received_in = frame["received_on"].map(lambda d: start <= d <= end)
    finished_in = frame["finished_on"].map(lambda d: d is not None and not pd.isna(d) and start <= d <= end)
    is_considered, is_returned = frame["outcome"].isin(considered), frame["outcome"] == "returned"
    rows = {}
    for month in months:
        in_month = finished_in & (finished == month)
        rows[str(month)] = {
            t("registry.report.received", lang): int((received_in & (received == month)).sum()),
            t("registry.report.considered", lang): int((in_month & is_considered).sum()),
            t("registry.report.returned", lang): int((in_month & is_returned).sum()),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def period_presets(today: dt.date) -> list[str]:
    """Period specs (assistant.reports.movement.parse_period) offered on the analytics page."""
    q = (today.month - 1) // 3 + 1
    prev_q = f"{today.year}-Q{q - 1}" if q > 1 else f"{today.year - 1}-Q4"
    year_ago = today - dt.timedelta(days=364)
    return [f"{year_ago.isoformat()}..{today.isoformat()}", f"{today.year}", f"{today.year}-Q{q}", prev_q,
            f"{today.year}-{today.month:02d}", f"{today.year - 1}"]


def period_label(spec: str) -> str:
    """A period spec with its dates: «2026-Q4 · 01.10.2026–31.12.2026» (a date range shows only the dates)."""
    from assistant.reports.movement import parse_period

    p = parse_period(spec)
    dates = f"{p.start:%d.%m.%Y}–{p.end:%d.%m.%Y}"
    return dates if ".." in spec else f"{spec} · {dates}"


def statistics_xlsx(url: str, period_spec: str, by: str, lang: str) -> bytes:
    """The statistics workbook (movement by `by`, by region and by category) as bytes."""
    from assistant.reports.movement import movement, parse_period, statistics, to_excel

    p = parse_period(period_spec)
    with tempfile.TemporaryDirectory(prefix="kenesshi-stats-") as tmp:
        out = to_excel({"movement": movement(url, p, by=by, lang=lang), **statistics(url, p, lang)},
                       Path(tmp) / "statistics.xlsx", lang)
        return out.read_bytes()


# ------------------------------------------------------------------------------------------- settings
def calendar_corrections(path: Path = CALENDAR_FILE) -> dict[str, list[dt.date]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    parse = lambda xs: [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)) for d in xs or []]  # noqa: E731
    return {"extra_days_off": parse(data.get("extra_days_off")),
            "extra_working_days": parse(data.get("extra_working_days"))}


def holiday_names(year: int, lang: str) -> dict[dt.date, str]:
    """Kazakhstan's public holidays of `year` named in `lang` (the `holidays` package knows kk, not ru: Russian
    falls back to the Kazakh names)."""
    import holidays

    h = holidays.country_holidays("KZ", years=year)
    language = lang if lang in h.supported_languages else h.default_language
    return dict(holidays.country_holidays("KZ", years=year, language=language).items())


def non_working_days(calendar: Any, start: dt.date, days: int, lang: str) -> list[dict[str, Any]]:
    """Days off in [start, start + days): weekends, holidays and transfers of the working-day calendar."""
    names: dict[dt.date, str] = {}
    for year in {start.year, (start + dt.timedelta(days=days)).year}:
        names.update(holiday_names(year, lang))
    corrections = calendar_corrections()
    out = []
    for k in range(days):
        day = start + dt.timedelta(days=k)
        if calendar.is_working_day(day):
            continue
        if day in corrections["extra_days_off"]:
            why = t("app.settings.calendar.extra_day_off", lang)
        elif day in names:
            why = names[day]
        elif day.weekday() >= 5:
            why = t("app.settings.calendar.weekend", lang)
        else:
            why = t("app.settings.calendar.transfer", lang)
        out.append({"date": day, "weekday": t(f"app.weekdays.{day.weekday()}", lang), "why": why})
    return out


def deadline_rules(lang: str, path: Path = CALENDAR_FILE) -> list[dict[str, Any]]:
    """The terms of calendar.yaml with their length, unit, legal basis and verification status, and the registry
    deadlines (registry.yaml) that count them."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    used_by: dict[str, list[str]] = {}
    for name, rule in registry_settings()["deadlines"].items():
        used_by.setdefault(rule["rule"], []).append(label("registry.deadlines", name, lang))
    rows = []
    for rule, spec in (data.get("deadlines") or {}).items():
        unit = next((u for u in ("months", "days", "working_days") if u in spec), "")
        rows.append({"rule": rule, "length": spec.get(unit, ""),
                     "unit": t(f"app.settings.units.{unit}", lang) if unit else "",
                     "basis": spec.get(f"basis_{lang}", ""),
                     "status": spec.get("status", ""), "used_by": ", ".join(used_by.get(rule, []))})
    return rows


def letterhead(settings: Settings) -> dict[str, str]:
    """The Settings fields printed on drafted documents, with the environment variable that sets each."""
    names = ("court_name_ru", "court_name_kk", "court_address", "court_phone", "court_email", "templates_dir")
    return {f"KENESSHI_{n.upper()}": str(getattr(settings, n, "")) for n in names if hasattr(settings, n)}


@dataclass
class ModelInfo:
    card_md: str
    metrics: dict[str, Any]


def model_info(model_dir: Path | None = None) -> ModelInfo | None:
    model_dir = model_dir or MODEL_DIR
    card, metrics = model_dir / "card.md", model_dir / "metrics.json"
    if not card.exists() or not metrics.exists():
        return None
    return ModelInfo(card.read_text(encoding="utf-8"), json.loads(metrics.read_text(encoding="utf-8")))


def metric_summary(metrics: dict[str, Any]) -> dict[str, float | int | None]:
    """The headline figures of a model's metrics.json."""
    cv, dev = metrics.get("cv") or {}, (metrics.get("dev") or {}).get("ours") or {}
    per_lang = cv.get("per_lang") or {}
    return {"n_train": metrics.get("n_train"), "threshold": metrics.get("threshold"),
            "cv_macro_f1": cv.get("macro_f1"), "cv_accuracy": cv.get("accuracy"),
            "cv_macro_f1_kk": (per_lang.get("kk") or {}).get("macro_f1"),
            "cv_macro_f1_ru": (per_lang.get("ru") or {}).get("macro_f1"),
            "dev_macro_f1": dev.get("macro_f1"), "dev_accuracy": dev.get("accuracy")}


def metric_changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    old, new = metric_summary(before), metric_summary(after)
    rows = []
    for key in old:
        a, b = old[key], new[key]
        change = round(b - a, 4) if isinstance(a, int | float) and isinstance(b, int | float) else None
        rows.append({"metric": key, "before": a, "after": b, "change": change})
    return rows


def write_corrections(rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Registry.corrections() as the JSONL `kenesshi train --corrections` reads."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


@dataclass
class Retraining:
    returncode: int
    log: str
    out_dir: Path
    corrections: int
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and bool(self.metrics)


def retrain(corrections: list[dict[str, Any]], work_dir: Path, timeout_s: float = 1800.0) -> Retraining:
    """Train a new model with the consultants' corrections in a subprocess, into `work_dir/model` (the shipped
    model is untouched; install_model copies it over after the consultant confirms)."""
    work_dir.mkdir(parents=True, exist_ok=True)
    fixes = work_dir / "corrections.jsonl"
    n = write_corrections(corrections, fixes)
    out = work_dir / "model"
    try:
        proc = subprocess.run([sys.executable, "-m", "assistant.cli", "train", "--corrections", str(fixes),
                               "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=timeout_s,
                              check=False)
        code, log = proc.returncode, (proc.stdout + proc.stderr)[-8000:]
    except subprocess.TimeoutExpired as exc:
        code, log = -1, f"timeout after {timeout_s:.0f} s\n{exc.stderr or ''}"
    metrics_file = out / "metrics.json"
    metrics = json.loads(metrics_file.read_text(encoding="utf-8")) if code == 0 and metrics_file.exists() else {}
    return Retraining(code, log, out, n, metrics)


def install_model(trained: Path, model_dir: Path | None = None) -> list[str]:
    """Copy a retrained model's files over the shipped model (the caller asks the consultant first)."""
    model_dir = model_dir or MODEL_DIR
    copied = []
    model_dir.mkdir(parents=True, exist_ok=True)
    for f in sorted(trained.iterdir()):
        if f.is_file():
            tmp = model_dir / (f.name + ".part")
            shutil.copyfile(f, tmp)
            tmp.replace(model_dir / f.name)
            copied.append(f.name)
    return copied


# ------------------------------------------------------------------------------------ documents layer
COMPLEX_FIELD_TYPES = frozenset({"list", "person"})  # edited as JSON when prefilled with a list or a mapping
CHOICE_FIELD_TYPES = frozenset({"outcome", "category", "return_ground", "action", "act_kind", "regime"})
REPORT_SOURCES = ("reports.",)  # templates filled from reports (press release, review, statistics)


@dataclass
class TemplateField:
    name: str
    label: str
    type: str = "str"
    required: bool = False
    source: str = "user"


@dataclass
class TemplateChoice:
    id: str
    title: str
    fields: list[TemplateField]

    @property
    def for_reports(self) -> bool:
        """Filled from assistant.reports (press release, practice review, statistics), not from one petition."""
        return any(f.source.startswith(REPORT_SOURCES) for f in self.fields)


@dataclass
class DocumentsLayer:
    """assistant.documents as far as it exists: the manifest, render(), and the optional prefill helper."""

    load_manifest: Callable[[], Any]
    render: Callable[..., Path]
    petition_context: Callable[..., dict[str, Any]] | None = None


def documents_layer() -> DocumentsLayer | str:
    """The documents layer, or why it is not available (the import error), imported only when asked for."""
    try:
        manifest = importlib.import_module("assistant.documents.manifest")
        render = importlib.import_module("assistant.documents.render")
    except Exception as exc:  # not there yet, or broken: the page says so instead of failing
        return f"{type(exc).__name__}: {exc}"
    if not hasattr(manifest, "load_manifest") or not hasattr(render, "render"):
        return "assistant.documents: load_manifest() or render() missing"
    try:
        from_registry = importlib.import_module("assistant.documents.from_registry")
        petition_context = getattr(from_registry, "petition_context", None)
    except ImportError:
        petition_context = None
    return DocumentsLayer(manifest.load_manifest, render.render, petition_context)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _localised(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ru") or next(iter(value.values()), ""))
    return "" if value is None else str(value)


def template_choices(manifest: Any, lang: str) -> list[TemplateChoice]:
    """The templates of the manifest (assistant.documents.manifest.Manifest, or the same shape as plain dicts)."""
    items = _get(manifest, "templates", {}) or {}
    out = []
    for tid, spec in (items.items() if isinstance(items, dict) else ((_get(x, "id"), x) for x in items)):
        raw_fields = _get(spec, "fields", {}) or {}
        fields = []
        for name, f in (raw_fields.items() if isinstance(raw_fields, dict) else ((_get(x, "name"), x)
                                                                                  for x in raw_fields)):
            fields.append(TemplateField(str(name), _localised(_get(f, "label"), lang) or str(name),
                                        str(_get(f, "type", "str")), bool(_get(f, "required", False)),
                                        str(_get(f, "source", "user") or "user")))
        out.append(TemplateChoice(str(tid), _localised(_get(spec, "title"), lang) or str(tid), fields))
    return out


def field_options(manifest: Any, field_type: str, lang: str) -> dict[str, str] | None:
    """Codes and labels of a choice field (outcome, category, return ground, action, act kind, regime)."""
    if field_type == "outcome":
        return {c: outcome_label(c, lang) for c in outcomes()}
    if field_type == "category":
        return {c: category_name(c, lang) for c in categories()}
    if field_type == "regime":
        return {r: t(f"registry.regimes.{r}", lang) for r in REGIMES}
    if field_type in ("action", "act_kind"):
        table = _get(manifest, "actions" if field_type == "action" else "act_kinds", {}) or {}
        return {k: _localised({"ru": _get(v, "ru", k), "kk": _get(v, "kk", k)}, lang) for k, v in table.items()}
    if field_type == "return_ground":
        try:
            grounds = importlib.import_module("assistant.documents.reference").return_grounds()
        except Exception:
            return None
        return {k: g.text(lang) for k, g in grounds.items()}
    return None


def field_text(value: Any) -> str:
    """A prefilled value as the text an input box shows."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _applicant(p: m.Petition) -> str | None:
    return next((x.name for x in p.parties if x.role == "applicant"), p.parties[0].name if p.parties else None)


def basic_petition_fields(p: m.Petition, fields: list[TemplateField], lang: str, user: str = "") -> dict[str, Any]:
    """Values a template can take straight from the registry row, by each field's manifest `source`; used when
    documents.from_registry.petition_context is not installed."""
    hearing = p.hearings[-1] if p.hearings else None
    by_source: list[tuple[str, Any]] = [
        ("registry.petition.reg_no", p.reg_no), ("registry.petition.received_on", p.received_on),
        ("registry.petition.regime", p.regime), ("registry.petition.case_no", p.lower_case_no or None),
        ("card.case_numbers", p.lower_case_no or None), ("registry.petition.lower_court", p.lower_court or None),
        ("card.courts", p.lower_court or None), ("registry.assignment.judge", p.judge.name(lang) if p.judge else None),
        ("registry.assignment.consultant", user or None), ("card.category", p.final_category),
        ("registry.decision.date", p.decided_on), ("registry.decision.outcome", p.outcome),
        ("card.parties (role applicant)", _applicant(p)), ("card.parties", [x.name for x in p.parties] or None),
        ("registry.hearing.date", hearing.scheduled_for.date() if hearing else None),
        ("registry.hearing.time", hearing.scheduled_for.strftime("%H:%M") if hearing else None),
        ("registry.hearing.online", hearing.mode == "online" if hearing else None),
        ("registry.hearing.link", hearing.place if hearing and hearing.mode == "online" else None),
        ("registry.hearing.hall", hearing.place if hearing and hearing.mode == "offline" else None),
    ]
    out: dict[str, Any] = {}
    for f in fields:
        for prefix, value in by_source:
            if f.source == prefix or (f.source.startswith(prefix) and f.source[len(prefix)] in " (,/"):
                if value is not None and (f.type != "list" or isinstance(value, list)):
                    out[f.name] = value if f.type == "list" or not isinstance(value, list) else value[0]
                break
    return out


def prefill(layer: DocumentsLayer, registry: Registry, reg_no: str, template: TemplateChoice, lang: str,
            user: str = "") -> dict[str, Any]:
    """The petition's data for a template: documents.from_registry.petition_context when installed, else the
    registry row by the manifest's sources; the consultant's name fills an empty `consultant`."""
    if layer.petition_context is not None:
        takes_consultant = "consultant" in inspect.signature(layer.petition_context).parameters
        extra = {"consultant": user or None} if takes_consultant else {}
        data = dict(layer.petition_context(registry, reg_no, template.id, lang, **extra) or {})
    else:
        data = basic_petition_fields(registry.petition(reg_no), template.fields, lang, user)
    if user and any(f.name == "consultant" for f in template.fields) and not data.get("consultant"):
        data["consultant"] = user
    return data


def parse_field(text: str, original: Any, field_type: str) -> Any:
    """The value of an edited field: JSON for lists and mappings (ValueError when it is not), else the text."""
    if isinstance(original, list | dict) or (field_type == "list" and text.strip().startswith("[")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(str(exc)) from exc
    return text


def render_docx(layer: DocumentsLayer, template_id: str, lang: str, data: dict[str, Any]) -> bytes:
    """A filled template's DOCX bytes (rendered into a temporary file)."""
    with tempfile.TemporaryDirectory(prefix="kenesshi-draft-") as tmp:
        out = layer.render(template_id, lang, data, Path(tmp) / f"{template_id}-{lang}.docx", pdf=False)
        return Path(out).read_bytes()


def document_error(exc: Exception, lang: str) -> str:
    """A documents-layer error for the page: its kk/ru message when it has one."""
    message = getattr(exc, "message", None)
    if callable(message):
        try:
            return str(message(lang))
        except Exception:  # a message method with another signature: fall back to the text
            pass
    return f"{type(exc).__name__}: {exc}"


def press_release_data(registry: Registry, week: str, lang: str, reviewed: dict[str, str]) -> dict[str, Any]:
    """The `press_release` template's data (assistant.reports.press) for an ISO week, with the summaries the
    consultant reviewed on the page (masks kept, removed or added) in place of the automatic ones."""
    press = importlib.import_module("assistant.reports.press")
    start, end = week_bounds(week)
    context = press.press_release_context(registry.considered_cases(start, end), week, lang)
    return with_case_summaries(context, {reg_no: press.shorten(text) for reg_no, text in reviewed.items()})


def practice_review_data(registry: Registry, start: dt.date, end: dt.date, lang: str) -> dict[str, Any]:
    """The `practice_review` template's data (assistant.reports.review) for the cases decided in [start, end]."""
    review = importlib.import_module("assistant.reports.review")
    return dict(review.review_context(registry.considered_cases(start, end), start, end, lang))


def statistics_report_data(url: str, start: dt.date, end: dt.date, lang: str) -> dict[str, Any]:
    """The `statistics_report` template's data (assistant.reports.stats) with the collegium's movement."""
    from assistant.reports.movement import COUNT_COLUMNS, Period, column_labels, movement, petitions_frame

    stats = importlib.import_module("assistant.reports.stats")
    total = movement(url, Period(f"{start}..{end}", start, end), by="judge", lang=lang).iloc[-1]
    rows = [{"label": text, "count": int(total[c])}
            for c, text in zip(COUNT_COLUMNS, column_labels(list(COUNT_COLUMNS), lang), strict=True)]
    return dict(stats.statistics_context(petitions_frame(url), start, end, lang, movement=rows))


def with_case_summaries(context: dict[str, Any], summaries: dict[str, str]) -> dict[str, Any]:
    """A press-release context whose cases carry the texts the consultant reviewed (by registration number)."""
    cases = []
    for case in context.get("cases") or []:
        reg_no = _get(case, "reg_no")
        if isinstance(case, dict) and reg_no in summaries:
            case = {**case, "summary": summaries[reg_no]}
        cases.append(case)
    return {**context, "cases": cases} if "cases" in context else context

def registered_number(registry: Registry, sha256: str) -> str | None:
    """The registration number of a file already in the registry (by its sha256), or None."""
    from sqlalchemy import select

    from assistant.registry.db import read_session

    with read_session(registry.url) as s:
        return s.scalar(select(m.Petition.reg_no).where(m.Petition.source_sha256 == sha256))
