"""Registry page: deadlines that are overdue or due soon, and the searchable, filterable table of petitions with
a link per row to the petition page and an XLSX export."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from assistant import views
from assistant.categories import category_name
from assistant.i18n import t
from assistant.reports.regions import region_name
from pages.common import ui

SHOWN_ROWS = 500  # rows loaded into the table; narrower filters find the rest
DUE_SOON_DAYS = 7


def deadlines_block(ctx: ui.PageContext, names: dict[str, str]) -> None:
    """Overdue deadlines and those due within DUE_SOON_DAYS, each in its own table (overdue first)."""
    lang = ctx.lang
    rows = views.registry_deadline_rows(ctx.registry.deadlines(due_within=DUE_SOON_DAYS, today=ctx.today), lang,
                                        names)
    overdue, soon = views.split_deadlines(rows)
    cols = st.columns(2)
    cols[0].metric(t("app.registry.overdue", lang), len(overdue))
    cols[1].metric(t("app.registry.due_soon", lang, days=DUE_SOON_DAYS), len(soon))
    if not rows:
        st.caption(t("app.registry.no_deadlines", lang))
        return
    if overdue:
        st.error(t("app.registry.overdue_alert", lang, n=len(overdue)))
    columns = views.deadline_columns(lang)
    groups = [(f"{t('app.registry.overdue', lang)} ({len(overdue)})", overdue),
              (f"{t('app.registry.due_soon', lang, days=DUE_SOON_DAYS)} ({len(soon)})", soon)]
    groups = [(title, rows) for title, rows in groups if rows]  # an empty group gets no tab
    for tab, (_, group) in zip(st.tabs([title for title, _ in groups]), groups, strict=True):
        with tab:
            ui.table(group, lang, columns, link_column="link", height=min(420, 36 * (len(group) + 1) + 4))


def filters(ctx: ui.PageContext, names: dict[str, str]) -> dict[str, Any]:
    lang = ctx.lang
    query = st.text_input(t("app.registry.search", lang), key="reg_query", placeholder=t("app.registry.search_help",
                                                                                          lang))
    row1 = st.columns(4)
    status = row1[0].multiselect(t("app.registry.status", lang), views.status_options(), key="reg_status",
                                 format_func=lambda s: views.label("registry.statuses", s, lang),
                                 placeholder=t("app.any", lang))
    judge = row1[1].selectbox(t("app.registry.judge", lang), list(names), index=None, key="reg_judge",
                              format_func=names.__getitem__, placeholder=t("app.any", lang))
    category = row1[2].selectbox(t("app.registry.category", lang), views.category_options(), index=None,
                                 key="reg_category", format_func=lambda c: category_name(c, lang),
                                 placeholder=t("app.any", lang))
    region = row1[3].selectbox(t("app.registry.region", lang), views.region_options(), index=None, key="reg_region",
                               format_func=lambda r: region_name(r, lang), placeholder=t("app.any", lang))
    row2 = st.columns(4)
    regime = row2[0].selectbox(t("app.registry.regime", lang), views.regime_options(), index=None, key="reg_regime",
                               format_func=lambda r: views.label("registry.regimes", r, lang),
                               placeholder=t("app.any", lang))
    received_from = row2[1].date_input(t("app.registry.received_from", lang), value=None, key="reg_from",
                                       format="DD.MM.YYYY")
    received_to = row2[2].date_input(t("app.registry.received_to", lang), value=None, key="reg_to",
                                     format="DD.MM.YYYY")
    return {"query": query, "status": status, "judge": judge, "category": category, "region": region,
            "regime": regime, "received_from": received_from, "received_to": received_to}


def main() -> None:
    ctx = ui.setup("registry")
    lang = ctx.lang
    st.title(t("app.registry.title", lang))
    names = views.judge_names(ctx.registry, lang)
    st.subheader(t("app.registry.deadlines", lang))
    deadlines_block(ctx, names)
    st.subheader(t("app.registry.petitions", lang))
    chosen = filters(ctx, names)
    query = chosen.pop("query")
    try:
        petitions = ctx.registry.search(query, limit=SHOWN_ROWS, **chosen)
    except Exception as exc:
        ui.registry_error(exc, lang)
        return
    rows = views.petition_rows(petitions, lang)
    if len(rows) >= SHOWN_ROWS:
        st.caption(t("app.registry.first_rows", lang, n=SHOWN_ROWS))
    else:
        st.caption(t("app.registry.found", lang, n=len(rows)))
    ui.table(rows, lang, views.petition_columns(lang, linked=True), link_column="link", key="registry_table",
             height=520)
    if rows:
        export = views.petition_columns(lang)

        def workbook() -> bytes:
            frame = pd.DataFrame(rows)[list(export)].rename(columns=export)
            return views.xlsx_bytes({t("app.registry.sheet", lang): frame})

        st.download_button(t("app.registry.export", lang), workbook, file_name="kenesshi-registry.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           on_click="ignore", key="registry_export")


if __name__ == "__main__":  # not when a spawned worker process imports it (see app.py)
    main()
