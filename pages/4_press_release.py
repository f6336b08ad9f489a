"""Press release page: the cases considered in an ISO week, depersonalised for publication. The consultant
reviews every mask (keeps or removes it), masks more text, and downloads the weekly press release (DOCX)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant import views
from assistant.categories import category_name
from assistant.i18n import t
from assistant.privacy import anonymize
from assistant.registry.reference import outcome_label
from assistant.reports.regions import region_name
from pages.common import ui


def pick_week(ctx: ui.PageContext) -> str:
    lang = ctx.lang
    weeks = views.recent_iso_weeks(ctx.today, 26)
    counts = views.weeks_with_cases(ctx.registry, weeks)
    if "press_week" not in st.session_state:
        st.session_state["press_week"] = next((w for w in weeks if counts[w]), weeks[0])

    def week_label(spec: str) -> str:
        start, end = views.week_bounds(spec)
        return t("app.press.week_option", lang, week=spec, start=f"{start:%d.%m}", end=f"{end:%d.%m.%Y}",
                 n=counts.get(spec, 0))

    return str(st.selectbox(t("app.press.week", lang), weeks, key="press_week", format_func=week_label))


def review_case(case: dict[str, Any], ctx: ui.PageContext) -> str:
    """One case: its masks as checkboxes, a box to mask more, and the text as it will be published."""
    lang, reg_no = ctx.lang, case["reg_no"]
    state_key = f"press::{reg_no}"
    if state_key not in st.session_state:
        found = anonymize(case["summary"], lang=case["lang"], category=case["category"])
        st.session_state[state_key] = {"original": case["summary"], "spans": found.spans, "lang": found.lang}
    state = st.session_state[state_key]
    original, spans, text_lang = state["original"], state["spans"], state["lang"]
    title = " · ".join((t("app.petition.number", lang, reg_no=reg_no), f"{case['decided_on']:%d.%m.%Y}",
                        category_name(case["category"], lang), outcome_label(case["outcome"], lang)))
    with st.expander(title, expanded=True):
        st.caption(t("app.press.case_facts", lang, region=region_name(case["region_code"], lang) or "—",
                     court=case["lower_court"] or "—"))
        keep: dict[int, bool] = {}
        if spans:
            st.markdown(f"**{t('app.press.masks', lang, n=len(spans))}**")
            grid = st.columns(2)
            for i, s in enumerate(spans):
                who = t("app.press.added_by_you", lang) if s.recognizer == "consultant" else ""
                keep[i] = grid[i % 2].checkbox(
                    t("app.press.mask_option", lang, type=views.label("app.press.mask_types", s.type, lang),
                      original=original[s.start:s.end], replacement=s.replacement or "…") + who,
                    value=True, key=f"{state_key}::keep::{s.start}:{s.end}")
        else:
            st.caption(t("app.press.no_masks", lang))
        cols = st.columns([3, 2, 1], vertical_alignment="bottom")
        needle = cols[0].text_input(t("app.press.add_mask", lang), key=f"{state_key}::needle",
                                    placeholder=t("app.press.add_mask_help", lang))
        kind = cols[1].selectbox(t("app.press.mask_type", lang), views.mask_types(), key=f"{state_key}::type",
                                 index=views.mask_types().index("PERSON"),
                                 format_func=lambda k: views.label("app.press.mask_types", k, lang))
        if cols[2].button(t("app.press.mask", lang), key=f"{state_key}::add"):
            added = views.add_mask_spans(original, spans, needle, kind)
            if added:
                state["spans"] = sorted([*spans, *added], key=lambda s: s.start)
                st.rerun()
            st.warning(t("app.press.not_found", lang, text=needle))
        edited = views.edited_masks(original, spans, keep, text_lang)
        st.markdown(f"**{t('app.press.preview', lang)}**")
        st.html(views.highlighted_html(edited.text, views.masked_highlights(edited, lang)))
    return edited.text


def download(ctx: ui.PageContext, week: str, texts: dict[str, str]) -> None:
    lang = ctx.lang
    layer = views.documents_layer()
    if isinstance(layer, str):
        st.info(t("app.draft.unavailable", lang, detail=layer))
        return
    doc_lang = st.radio(t("app.draft.language", lang), ("kk", "ru"), index=("kk", "ru").index(lang), key="press_lang",
                        format_func=ui.lang_name, horizontal=True)
    if not st.button(t("app.press.prepare", lang), type="primary", key="press_prepare"):
        docx = st.session_state.get(f"press_docx::{week}::{doc_lang}")
    else:
        try:
            context = views.press_release_data(ctx.registry, week, doc_lang, texts)
        except ImportError as exc:
            st.info(t("app.press.unavailable", lang, detail=f"{type(exc).__name__}: {exc}"))
            return
        try:
            docx = views.render_docx(layer, "press_release", doc_lang, context)
        except Exception as exc:
            st.error(t("app.draft.render_error", lang, detail=views.document_error(exc, lang)))
            return
        st.session_state[f"press_docx::{week}::{doc_lang}"] = docx
    if docx:
        st.session_state["press_docx"] = docx
        name = f"press-release-{week}-{doc_lang}.docx"
        ui.document_download(t("app.draft.download", lang), docx, name, "press_download", ctx, None, "press_release",
                             doc_lang)


def main() -> None:
    ctx = ui.setup("press")
    lang = ctx.lang
    st.title(t("app.press.title", lang))
    st.caption(t("app.press.help", lang))
    week = pick_week(ctx)
    start, end = views.week_bounds(week)
    cases = views.considered_for_press(ctx.registry, start, end)
    if not cases:
        st.info(t("app.press.no_cases", lang, week=week))
        return
    st.html(views.legend_html(("mask", "mask_added"), lang))
    texts = {case["reg_no"]: review_case(case, ctx) for case in cases}
    st.subheader(t("app.press.download", lang))
    download(ctx, week, texts)


if __name__ == "__main__":  # not when a spawned worker process imports it (see app.py)
    main()
