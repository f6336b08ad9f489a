"""The intake page (the app's first page; app.py starts it). A thin view: every action calls `assistant`.

Files are dropped in, read in worker processes (a progress bar per file), and each gets its text, language
and suggested category (and, for a few files, its petition card and depersonalised text); the consultant
confirms or changes the category and registers it, and sees the registration number, the judge chosen by
distribution and why.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from assistant import views
from assistant.categories import category_name
from assistant.i18n import t
from assistant.intake import petition_input
from assistant.nlp.card import to_markdown
from assistant.privacy import anonymize
from assistant.registry.service import Registration, RegistryError
from pages.common import ui

DETAILED_UP_TO = 3  # files: up to this many, each shows its card and depersonalised text at once


def process_new_uploads(uploads: list[Any], ctx: ui.PageContext, detailed: bool) -> dict[str, dict[str, Any]]:
    """Read the files not seen in this session yet (progress bar), with their suggestions (and cards when
    `detailed`); returns every file's result by upload id (kept in session_state, so a click does not read
    the files again)."""
    done: dict[str, dict[str, Any]] = st.session_state.setdefault("intake_results", {})
    for gone in set(done) - {u.file_id for u in uploads}:  # files removed from the uploader
        del done[gone]
    new = [u for u in uploads if u.file_id not in done]
    if not new:
        return done
    lang = ctx.lang
    bar = st.progress(0.0, text=t("app.intake.progress", lang, done=0, total=len(new), name=new[0].name))
    clf = ui.classifier()
    results = views.iter_uploads([(u.name, u.getvalue()) for u in new], ctx.settings)
    for i, (upload, result) in enumerate(zip(new, results, strict=True)):
        item: dict[str, Any] = {"key": upload.file_id, "name": upload.name, "doc": result.doc,
                                "error": result.error}
        if result.doc is not None:
            doc = result.doc
            item["suggestion"] = None if isinstance(clf, str) else clf.suggest(doc.text).to_json()
            if detailed:
                item["card"] = ui.petition_card(doc.text, doc.lang)
        done[upload.file_id] = item
        following = new[i + 1].name if i + 1 < len(new) else upload.name
        bar.progress((i + 1) / len(new), text=t("app.intake.progress", lang, done=i + 1, total=len(new),
                                                 name=following))
    return done


def show_suggestion(item: dict[str, Any], lang: str) -> None:
    clf = ui.classifier()
    if isinstance(clf, str):
        st.warning(t("ui.model_missing", lang, detail=clf))
        return
    s = views.suggestion_summary(item.get("suggestion"), lang)
    shown = s["category"] if not s["unsure"] else t("app.intake.unsure", lang)
    ui.facts([(t("ui.category", lang), shown),
              (t("ui.confidence", lang), f"{s['confidence']:.0%}" if s["confidence"] is not None else "—")])
    if s["unsure"]:
        st.warning(t("app.intake.unsure_help", lang, best=s.get("best") or "—"))
    reason = t("reasons." + s["reason"], lang) if s["reason"] else ""
    st.caption(f"{reason} · {t('ui.suggestion_note', lang)}")
    if s["alternatives"]:
        st.write(f"**{t('ui.alternatives', lang)}:** " + ", ".join(f"{name} {p:.0%}" for name, p in s["alternatives"]))
    if s["terms"]:
        st.write(f"**{t('ui.terms', lang)}:** " + ", ".join(s["terms"]))


def card_of(item: dict[str, Any]) -> Any:
    """The file's petition card, built the first time it is needed."""
    if item.get("card") is None:
        item["card"] = ui.petition_card(item["doc"].text, item["doc"].lang)
    return item["card"]


def show_texts(item: dict[str, Any], lang: str, detailed: bool) -> None:
    """The clean text; with `detailed` (or when asked for) also the raw text, paragraphs, card and masked text."""
    doc = item["doc"]
    if not detailed and not st.toggle(t("app.intake.details", lang), key=f"details-{item['key']}"):
        st.text_area(t("ui.clean_text", lang), doc.text, height=200, key=f"clean-{item['key']}")
        return
    clean, raw, paras, card_tab, masked_tab = st.tabs(
        [t("ui.clean_text", lang), t("ui.raw_text", lang), t("ui.paragraphs", lang), t("card.title", lang),
         t("ui.masked", lang)])
    clean.text_area(t("ui.clean_text", lang), doc.text, height=320, key=f"clean-{item['key']}",
                    label_visibility="collapsed")
    raw.text_area(t("ui.raw_text", lang), doc.raw_text, height=320, key=f"raw-{item['key']}",
                  label_visibility="collapsed")
    paras.dataframe([{t("ui.lang", lang): p.lang, t("app.intake.kk_share", lang): round(100 * p.kk_share),
                      t("app.intake.text", lang): p.text} for p in doc.paragraphs()], hide_index=True)
    card_tab.markdown(to_markdown(card_of(item), lang))
    if "masked" not in item:
        item["masked"] = anonymize(doc.text, lang=doc.lang)
    masked = item["masked"]
    masked_tab.caption(t("ui.masked_help", lang, n=len(masked.spans)))
    masked_tab.text_area(t("ui.masked", lang), masked.text, height=320, key=f"masked-{item['key']}",
                         label_visibility="collapsed")


def show_registration(reg: Registration, ctx: ui.PageContext) -> None:
    lang = ctx.lang
    names = views.judge_names(ctx.registry, lang)
    if reg.created:
        st.success(t("app.intake.registered", lang, reg_no=reg.reg_no))
    else:
        st.info(t("app.intake.already_registered", lang, reg_no=reg.reg_no))
    ui.facts([(t("app.intake.reg_no", lang), reg.reg_no),
              (t("app.intake.category", lang), category_name(reg.category, lang) if reg.category else "—"),
              (t("app.intake.judge", lang), names.get(reg.judge or "", t("registry.report.unassigned", lang)))])
    if reg.decision:
        st.write(f"**{t('app.intake.why', lang)}:** {views.distribution_reason(reg.decision, lang, reg.category)}")
        excluded = views.excluded_judges(reg.decision, lang, names)
        if excluded:
            st.write(f"**{t('app.intake.excluded', lang)}:**")
            st.markdown("\n".join(f"- {line}" for line in excluded))
    elif not reg.category:
        st.warning(t("app.intake.no_category", lang))
    st.page_link("pages/2_petition.py", label=t("app.intake.open_petition", lang, reg_no=reg.reg_no),
                 icon=":material/description:", query_params={"reg_no": reg.reg_no})


def register_form(item: dict[str, Any], ctx: ui.PageContext) -> None:
    """Confirm or change the category, then register (idempotent: the file's sha256)."""
    lang, doc = ctx.lang, item["doc"]
    if item.get("registration") is None:
        earlier = views.registered_number(ctx.registry, doc.sha256)
        if earlier:
            item["registration"] = ctx.registry.register(petition_input(
                doc.text, doc.lang, source_sha256=doc.sha256, source_name=item["name"]))
    if item.get("registration") is not None:
        show_registration(item["registration"], ctx)
        return
    options = views.category_options()
    cols = st.columns([3, 1, 1], vertical_alignment="bottom")
    chosen = cols[0].selectbox(t("app.intake.choose_category", lang), options,
                               index=views.suggested_index(item.get("suggestion")),
                               format_func=lambda c: category_name(c, lang), key=f"category-{item['key']}",
                               placeholder=t("app.intake.category_placeholder", lang))
    received = cols[1].date_input(t("app.intake.received_on", lang), value=dt.date.today(), format="DD.MM.YYYY",
                                  key=f"received-{item['key']}")
    if cols[2].button(t("app.intake.register", lang), key=f"register-{item['key']}", type="primary"):
        data = petition_input(doc.text, doc.lang, card=card_of(item), suggestion=item.get("suggestion"),
                              received_on=received, source_sha256=doc.sha256, source_name=item["name"],
                              final_category=chosen, by_whom=ctx.user)
        try:
            item["registration"] = ctx.registry.register(data)
        except RegistryError as exc:
            ui.registry_error(exc, lang)
            return
        show_registration(item["registration"], ctx)


def main() -> None:
    ctx = ui.setup("intake")
    lang = ctx.lang
    st.title(t("ui.app_title", lang))
    st.caption(t("ui.app_caption", lang))
    st.header(t("ui.intake_title", lang))
    st.write(t("ui.intake_help", lang))
    uploads = st.file_uploader(t("ui.upload", lang), accept_multiple_files=True, key="uploads")
    if not uploads:
        return
    detailed = len(uploads) <= DETAILED_UP_TO
    results = process_new_uploads(list(uploads), ctx, detailed)
    ok = 0
    for upload in uploads:
        item = results[upload.file_id]
        if item["doc"] is None:
            st.error(f"**{item['name']}** — {item['error'].message(lang)} (`{item['error'].code}`)")
            continue
        doc = item["doc"]
        ok += 1
        with st.expander(f"{doc.path} — {t('langs.' + doc.lang, lang)}", expanded=detailed):
            ui.facts([(t("ui.pages", lang), str(doc.page_count)), (t("ui.lang", lang), t("langs." + doc.lang, lang)),
                      (t("ui.method", lang), doc.method)])
            for w in doc.warnings:
                st.warning(w.message(lang))
            show_suggestion(item, lang)
            show_texts(item, lang, detailed)
            st.subheader(t("app.intake.registration", lang))
            register_form(item, ctx)
    st.info(t("ui.summary_ok", lang, ok=ok, total=len(uploads)))

