"""Kenesshi web app (Streamlit). A thin view: every action calls the `assistant` library.

Start it with `make run` (or `streamlit run app.py`).
"""

from __future__ import annotations

import streamlit as st

from assistant.categories import category_name
from assistant.classify.modelio import ModelLoadError
from assistant.classify.predict import CategoryClassifier, default_classifier
from assistant.config import load_settings
from assistant.i18n import LANGS, t
from assistant.ingest.batch import ingest_uploads
from assistant.nlp.card import build_card, to_markdown
from assistant.privacy import anonymize


@st.cache_resource
def settings():
    return load_settings()


@st.cache_resource
def classifier() -> CategoryClassifier | str:
    try:
        return default_classifier()
    except ModelLoadError as exc:
        return str(exc)


def show_suggestion(text: str, lang: str) -> None:
    clf = classifier()
    if isinstance(clf, str):
        st.warning(t("ui.model_missing", lang, detail=clf))
        return
    s = clf.suggest(text)
    cols = st.columns(2)
    cols[0].metric(t("ui.category", lang), category_name(s.category, lang))
    cols[1].metric(t("ui.confidence", lang), f"{s.confidence:.0%}")
    st.caption(f"{t('reasons.' + s.reason, lang)} · {t('ui.suggestion_note', lang)}")
    st.write(f"**{t('ui.alternatives', lang)}:** " + ", ".join(
        f"{category_name(c, lang)} {p:.0%}" for c, p in s.alternatives))
    if s.terms:
        st.write(f"**{t('ui.terms', lang)}:** " + ", ".join(term for term, _ in s.terms))


def main() -> None:
    st.set_page_config(page_title="Kenesshi", layout="wide")
    s = settings()
    default = LANGS.index(s.lang) if s.lang in LANGS else 0
    lang = st.sidebar.radio("Тіл / Язык", LANGS, index=default, format_func=lambda c: {"kk": "Қазақша",
                                                                                       "ru": "Русский"}[c],
                            key="ui_lang")
    st.title(t("ui.app_title", lang))
    st.caption(t("ui.app_caption", lang))
    st.sidebar.caption(f"{t('ui.data_dir', lang)}: `{s.home}`")

    st.header(t("ui.intake_title", lang))
    st.write(t("ui.intake_help", lang))
    uploads = st.file_uploader(t("ui.upload", lang), accept_multiple_files=True, key="uploads")
    if not uploads:
        return
    with st.spinner(t("ui.processing", lang)):
        results = ingest_uploads([(u.name, u.getvalue()) for u in uploads], s, jobs=1)
    ok = 0
    for result in results:
        if result.doc is None:
            assert result.error is not None
            st.error(f"**{result.path}** — {result.error.message(lang)} (`{result.error.code}`)")
            continue
        doc = result.doc
        ok += 1
        with st.expander(f"{doc.path} — {t('langs.' + doc.lang, lang)}", expanded=len(uploads) == 1):
            cols = st.columns(3)
            cols[0].metric(t("ui.pages", lang), doc.page_count)
            cols[1].metric(t("ui.lang", lang), t("langs." + doc.lang, lang))
            cols[2].metric(t("ui.method", lang), doc.method)
            for w in doc.warnings:
                st.warning(w.message(lang))
            show_suggestion(doc.text, lang)
            clean, raw, paras, card_tab, masked_tab = st.tabs(
                [t("ui.clean_text", lang), t("ui.raw_text", lang), t("ui.paragraphs", lang),
                 t("card.title", lang), t("ui.masked", lang)])
            clean.text_area(t("ui.clean_text", lang), doc.text, height=320, key=f"clean-{doc.sha256}",
                            label_visibility="collapsed")
            raw.text_area(t("ui.raw_text", lang), doc.raw_text, height=320, key=f"raw-{doc.sha256}",
                          label_visibility="collapsed")
            paras.dataframe([{t("ui.lang", lang): p.lang, "%kk": round(100 * p.kk_share), "text": p.text}
                             for p in doc.paragraphs()], use_container_width=True)
            card_tab.markdown(to_markdown(build_card(doc.text, doc.lang), lang))
            masked = anonymize(doc.text, lang=doc.lang)
            masked_tab.caption(t("ui.masked_help", lang, n=len(masked.spans)))
            masked_tab.text_area(t("ui.masked", lang), masked.text, height=320, key=f"masked-{doc.sha256}",
                                 label_visibility="collapsed")
    st.info(t("ui.summary_ok", lang, ok=ok, total=len(uploads)))


main()
