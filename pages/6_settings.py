"""Settings page: judges and their specializations and absences, the working-day calendar, deadline rules,
the letterhead of drafted documents, and the category model with retraining on the consultants' corrections."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import streamlit as st

from assistant import views
from assistant.categories import category_name
from assistant.classify.predict import default_classifier
from assistant.i18n import t
from pages.common import ui


def flash(message: str) -> None:
    st.session_state["settings_flash"] = message
    st.rerun()


def judges_tab(ctx: ui.PageContext) -> None:
    lang = ctx.lang
    judges = ctx.registry.judges()
    loads = ctx.registry.open_loads()
    rows = [{t("app.settings.col.code", lang): j.code, t("app.settings.col.name", lang): j.name(lang),
             t("app.settings.col.load", lang): loads.get(j.code, 0),
             t("app.settings.col.absences", lang): "; ".join(f"{a.start:%d.%m.%Y}–{a.end:%d.%m.%Y}"
                                                             for a in j.absences),
             t("app.settings.col.categories", lang): ", ".join(category_name(c, lang) for c in j.categories)}
            for j in judges]
    ui.table(rows, lang, height=36 * (len(rows) + 1) + 4)
    if not judges:
        return
    names = {j.code: j.name(lang) for j in judges}
    current = {j.code: j.categories for j in judges}
    st.markdown(f"**{t('app.settings.specializations', lang)}**")
    code = st.selectbox(t("app.settings.judge", lang), list(names), key="set_spec_judge",
                        format_func=names.__getitem__)
    chosen = st.multiselect(t("app.settings.categories", lang), views.category_options(), default=current[code],
                            key=f"set_spec_categories::{code}", format_func=lambda c: category_name(c, lang))
    if st.button(t("app.settings.save", lang), key="set_spec_go"):
        try:
            ctx.registry.set_specializations(code, chosen)
        except Exception as exc:
            ui.registry_error(exc, lang)
        else:
            flash(t("app.settings.specializations_saved", lang, judge=names[code]))
    st.divider()
    st.markdown(f"**{t('app.settings.absence', lang)}**")
    cols = st.columns([2, 1, 1])
    code = cols[0].selectbox(t("app.settings.judge", lang), list(names), key="set_abs_judge",
                             format_func=names.__getitem__)
    start = cols[1].date_input(t("app.settings.absence_from", lang), value=ctx.today, key="set_abs_from",
                               format="DD.MM.YYYY")
    end = cols[2].date_input(t("app.settings.absence_to", lang), value=ctx.today + dt.timedelta(days=14),
                             key="set_abs_to", format="DD.MM.YYYY")
    reason = st.text_input(t("app.settings.absence_reason", lang), key="set_abs_reason")
    if st.button(t("app.settings.add_absence", lang), key="set_abs_go"):
        try:
            ctx.registry.add_absence(code, start, end, reason.strip())
        except Exception as exc:
            ui.registry_error(exc, lang)
        else:
            flash(t("app.settings.absence_added", lang, judge=names[code], start=f"{start:%d.%m.%Y}",
                    end=f"{end:%d.%m.%Y}"))


def calendar_tab(ctx: ui.PageContext) -> None:
    lang = ctx.lang
    st.caption(t("app.settings.calendar.help", lang))
    corrections = views.calendar_corrections()
    cols = st.columns(2)
    for col, key in zip(cols, ("extra_days_off", "extra_working_days"), strict=True):
        col.markdown(f"**{t(f'app.settings.calendar.{key}', lang)}**")
        days = corrections[key]
        col.write(", ".join(f"{d:%d.%m.%Y}" for d in days) if days else t("app.settings.calendar.none", lang))
    st.markdown(f"**{t('app.settings.calendar.next_days_off', lang, days=60)}**")
    rows = [{t("app.settings.col.date", lang): r["date"], t("app.settings.col.weekday", lang): r["weekday"],
             t("app.settings.col.why", lang): r["why"]}
            for r in views.non_working_days(ctx.registry.calendar, ctx.today, 60, lang)]
    ui.table(rows, lang, height=36 * (len(rows) + 1) + 4)


def deadlines_tab(ctx: ui.PageContext) -> None:
    lang = ctx.lang
    st.caption(t("app.settings.deadlines_help", lang))
    keys = ("used_by", "rule", "length", "unit", "basis", "status")
    rows = [{t(f"app.settings.col.{k}", lang): r[k] for k in keys} for r in views.deadline_rules(lang)]
    st.html(views.table_html(rows))


def letterhead_tab(ctx: ui.PageContext) -> None:
    lang = ctx.lang
    st.info(t("app.settings.letterhead_help", lang))
    rows = [{t("app.settings.col.variable", lang): name, t("app.settings.col.value", lang): value or "—"}
            for name, value in views.letterhead(ctx.settings).items()]
    ui.table(rows, lang)


def model_tab(ctx: ui.PageContext) -> None:
    lang = ctx.lang
    info = views.model_info()
    if info is None:
        st.warning(t("app.settings.model_missing", lang))
    else:
        summary = views.metric_summary(info.metrics)
        rows = [{t("app.settings.col.metric", lang): t(f"app.settings.metrics.{k}", lang),
                 t("app.settings.col.value", lang): "—" if v is None else v} for k, v in summary.items()]
        st.caption(t("app.settings.model_trained", lang, at=info.metrics.get("trained_at", "—")))
        ui.table(rows, lang)
        with st.expander(t("app.settings.model_card", lang)):
            st.markdown(info.card_md)
    st.subheader(t("app.settings.retrain", lang))
    corrections = ctx.registry.corrections()
    st.write(t("app.settings.corrections", lang, n=len(corrections)))
    st.caption(t("app.settings.retrain_help", lang))
    if st.button(t("app.settings.retrain_go", lang), key="set_retrain", disabled=not corrections):
        with st.spinner(t("app.settings.retraining", lang)):
            work = Path(tempfile.mkdtemp(prefix="kenesshi-retrain-"))
            st.session_state["retrain"] = views.retrain(corrections, work)
    result: views.Retraining | None = st.session_state.get("retrain")
    if result is None:
        return
    if not result.ok:
        st.error(t("app.settings.retrain_failed", lang, code=result.returncode))
        st.code(result.log or "—")
        return
    st.success(t("app.settings.retrained", lang, n=result.corrections))
    before = info.metrics if info else {}
    rows = [{t("app.settings.col.metric", lang): t(f"app.settings.metrics.{r['metric']}", lang),
             t("app.settings.col.before", lang): r["before"], t("app.settings.col.after", lang): r["after"],
             t("app.settings.col.change", lang): r["change"]} for r in views.metric_changes(before, result.metrics)]
    ui.table(rows, lang)
    with st.expander(t("app.settings.retrain_log", lang)):
        st.code(result.log or "—")
    confirmed = st.checkbox(t("app.settings.confirm_install", lang), key="set_confirm_install")
    if st.button(t("app.settings.install", lang), key="set_install", disabled=not confirmed):
        copied = views.install_model(result.out_dir)
        default_classifier.cache_clear()
        ui.classifier.clear()
        st.session_state.pop("retrain", None)
        flash(t("app.settings.installed", lang, files=", ".join(copied)))


def main() -> None:
    ctx = ui.setup("settings")
    lang = ctx.lang
    st.title(t("app.settings.title", lang))
    if "settings_flash" in st.session_state:
        st.success(st.session_state.pop("settings_flash"))
    tabs = st.tabs([t(f"app.settings.tab.{k}", lang) for k in ("judges", "calendar", "deadlines", "letterhead",
                                                                "model")])
    with tabs[0]:
        judges_tab(ctx)
    with tabs[1]:
        calendar_tab(ctx)
    with tabs[2]:
        deadlines_tab(ctx)
    with tabs[3]:
        letterhead_tab(ctx)
    with tabs[4]:
        model_tab(ctx)


if __name__ == "__main__":  # not when a spawned worker process imports it (see app.py)
    main()
