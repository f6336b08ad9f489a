"""Analytics page: movement and results of petitions for a period, by judge, region or category, as charts and
tables from assistant.reports.movement; the statistics workbook (XLSX) and, with the documents layer, the
practice review and the statistical report (DOCX)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from assistant import views
from assistant.i18n import t
from assistant.reports.movement import Period, column_labels, movement, parse_period
from pages.common import ui

CHART_COLUMNS = ("received", "considered", "returned", "pending_end")
REPORTS = ("practice_review", "statistics_report")


def bars(frame: pd.DataFrame, *, horizontal: bool = True, stacked: bool = False, height: int = 300) -> alt.Chart:
    """A bar chart of a frame (index: the groups, columns: the measures) whose labels are never cut off."""
    long = frame.rename_axis("group").reset_index().melt("group", var_name="measure", value_name="count")
    group = alt.Y("group:N", sort=list(frame.index), title=None, axis=alt.Axis(labelLimit=320)) if horizontal else \
        alt.X("group:N", sort=list(frame.index), title=None, axis=alt.Axis(labelAngle=-45, labelLimit=120))
    value = alt.X("count:Q", title=None) if horizontal else alt.Y("count:Q", title=None)
    colour = alt.Color("measure:N", title=None, sort=list(frame.columns),
                       legend=alt.Legend(orient="bottom", columns=2, labelLimit=520))
    encoding = {"y" if horizontal else "x": group, "x" if horizontal else "y": value, "color": colour,
                "tooltip": ["group:N", "measure:N", "count:Q"]}
    if not stacked:
        encoding["yOffset" if horizontal else "xOffset"] = alt.YOffset("measure:N", sort=list(frame.columns)) \
            if horizontal else alt.XOffset("measure:N", sort=list(frame.columns))
    return alt.Chart(long).mark_bar().encode(**encoding).properties(height=height)


def pick_period(ctx: ui.PageContext) -> tuple[Period | None, str]:
    """The period (None when the typed one cannot be read) and the grouping: judge, region or category."""
    lang = ctx.lang
    presets = views.period_presets(ctx.today)
    custom = "custom"
    cols = st.columns([2, 2, 3])
    choice = cols[0].selectbox(t("app.analytics.period", lang), [*presets, custom], key="an_preset",
                               format_func=lambda s: t("app.analytics.custom", lang) if s == custom
                               else views.period_label(s))
    spec = choice
    if choice == custom:
        spec = cols[1].text_input(t("app.analytics.period_spec", lang), value=presets[0], key="an_spec",
                                  help=t("app.analytics.period_help", lang))
    by = cols[2].radio(t("app.analytics.by", lang), ("judge", "region", "category"), horizontal=True, key="an_by",
                       format_func=lambda b: t(f"registry.report.by_{b}", lang))
    try:
        return parse_period(spec), str(by)
    except ValueError:
        st.error(t("app.analytics.bad_period", lang, spec=spec))
        return None, str(by)


def report_downloads(ctx: ui.PageContext, period: Period) -> None:
    """The practice review and the statistical report, when the documents and reports layers are installed."""
    lang = ctx.lang
    layer = views.documents_layer()
    if isinstance(layer, str):
        st.caption(t("app.draft.unavailable", lang, detail=layer))
        return
    cols = st.columns(len(REPORTS))
    for col, template_id in zip(cols, REPORTS, strict=True):
        with col:
            key = f"an_doc::{template_id}::{period.spec}::{lang}"
            if st.button(t(f"app.analytics.prepare_{template_id}", lang), key=f"{key}::go"):
                try:
                    if template_id == "practice_review":
                        data = views.practice_review_data(ctx.registry, period.start, period.end, lang)
                    else:
                        data = views.statistics_report_data(ctx.registry.url, period.start, period.end, lang)
                except ImportError as exc:
                    st.caption(t("app.analytics.report_unavailable", lang, detail=f"{type(exc).__name__}: {exc}"))
                else:
                    try:
                        st.session_state[key] = views.render_docx(layer, template_id, lang, data)
                    except Exception as exc:
                        st.error(t("app.draft.render_error", lang, detail=views.document_error(exc, lang)))
            if st.session_state.get(key):
                ui.document_download(t("app.analytics.download_docx", lang), st.session_state[key],
                                     f"{template_id}-{period.spec.replace('..', '_')}-{lang}.docx", f"{key}::download",
                                     ctx, None, template_id, lang)


def main() -> None:
    ctx = ui.setup("analytics")
    lang = ctx.lang
    st.title(t("app.analytics.title", lang))
    period, by = pick_period(ctx)
    if period is None:
        return
    url = ctx.registry.url
    st.caption(t("app.analytics.period_shown", lang, start=f"{period.start:%d.%m.%Y}", end=f"{period.end:%d.%m.%Y}"))
    table = movement(url, period, by=by, lang=lang)
    total = table.iloc[-1]
    cols = st.columns(len(CHART_COLUMNS))
    for col, name in zip(cols, CHART_COLUMNS, strict=True):
        col.metric(t(f"registry.report.{name}", lang), int(total[name]))
    counts = views.chart_frame(table, CHART_COLUMNS, lang)
    st.subheader(t("app.analytics.movement_chart", lang, by=t(f"registry.report.by_{by}", lang)))
    st.altair_chart(bars(counts, height=max(240, 56 * len(counts))))
    st.subheader(t("app.analytics.results_chart", lang))
    results = views.results_frame(table, lang)
    if results.empty:
        st.caption(t("app.empty", lang))
    else:
        st.altair_chart(bars(results, stacked=True, height=max(200, 36 * len(results))))
    st.subheader(t("app.analytics.monthly_chart", lang))
    st.altair_chart(bars(views.monthly_movement(url, period.start, period.end, lang), horizontal=False))
    st.subheader(t("app.analytics.table", lang))
    shown = table.copy()
    shown.columns = column_labels(list(table.columns), lang)
    st.dataframe(shown)
    st.subheader(t("app.analytics.downloads", lang))
    st.download_button(t("app.analytics.download_xlsx", lang),
                       lambda: views.statistics_xlsx(url, period.spec, by, lang),
                       file_name=f"kenesshi-statistics-{period.spec.replace('..', '_')}-{lang}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
                       key="an_xlsx")
    report_downloads(ctx, period)


if __name__ == "__main__":  # not when a spawned worker process imports it (see app.py)
    main()
