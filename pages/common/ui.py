"""Page setup shared by app.py and pages/*: page config, the kk/ru switch, navigation, cached resources.

Heavy objects (the registry with its first-start demo data, the category classifier) are created once per
process with st.cache_resource; the interface language and the consultant's name live in session_state so
every page of a session shares them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from assistant import views
from assistant.classify.modelio import ModelLoadError
from assistant.classify.predict import CategoryClassifier, default_classifier
from assistant.config import Settings, load_settings
from assistant.i18n import LANGS, t
from assistant.registry.service import Registry, RegistryError

# (script, key under app.nav, icon): the navigation drawn in the sidebar, labels in the interface language.
# Material Symbols ship with Streamlit's frontend, so the icons show without an emoji font on the machine.
PAGES = (("app.py", "intake", ":material/upload_file:"), ("pages/2_petition.py", "petition", ":material/description:"),
         ("pages/3_registry.py", "registry", ":material/table_view:"),
         ("pages/4_press_release.py", "press", ":material/newspaper:"),
         ("pages/5_analytics.py", "analytics", ":material/bar_chart:"),
         ("pages/6_settings.py", "settings", ":material/settings:"))


@dataclass
class PageContext:
    lang: str
    settings: Settings
    registry: Registry
    user: str
    today: dt.date


@st.cache_resource(show_spinner=False)
def open_registry(db_url: str) -> Registry:
    """The registry at `db_url`, its schema created or upgraded; an empty registry gets the demo data once."""
    from assistant.registry.demo import seed_demo

    registry = Registry(db_url)
    registry.ensure_schema()
    if registry.count() == 0:
        seed_demo(registry)
    return registry


@st.cache_resource(show_spinner=False)
def classifier() -> CategoryClassifier | str:
    """The category classifier, or the reason it cannot be loaded."""
    try:
        return default_classifier()
    except ModelLoadError as exc:
        return str(exc)


@st.cache_resource(show_spinner=False)
def nlp_pipeline(lang: str) -> Any:
    """The spaCy pipeline the petition card is built with (kk, or ru for everything else), loaded once."""
    from assistant.nlp.pipeline import pipeline

    return pipeline("kk" if lang == "kk" else "ru")


def petition_card(text: str, lang: str) -> Any:
    """The card of a text (assistant.nlp.card.build_card) with its language's pipeline loaded once."""
    from assistant.nlp.card import build_card

    nlp_pipeline(lang)
    return build_card(text, lang)


def lang_name(code: str) -> str:
    """A language's own name (Қазақша, Русский), the same in either interface language."""
    return t(f"app.lang_names.{code}", code)


def _sync(widget_key: str, state_key: str) -> None:
    st.session_state[state_key] = st.session_state[widget_key]


def interface_language(settings: Settings) -> str:
    """The session's language: chosen with the sidebar switch; first from ?lang= or KENESSHI_LANG."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang")
        st.session_state["lang"] = wanted if wanted in LANGS else (settings.lang if settings.lang in LANGS else "ru")
    # The widget is a different one on every page (Streamlit ties widgets to their page): give it the value.
    st.session_state["ui_lang"] = st.session_state["lang"]
    st.sidebar.radio(t("app.language_switch", st.session_state["lang"]), LANGS, key="ui_lang",
                     format_func=lang_name, horizontal=True,
                     on_change=_sync, args=("ui_lang", "lang"))
    return str(st.session_state["lang"])


def consultant_name(lang: str) -> str:
    """Who works in this session (kept with every change in the registry's audit trail)."""
    st.session_state.setdefault("user", "")
    st.session_state["ui_user"] = st.session_state["user"]
    st.sidebar.text_input(t("app.user", lang), key="ui_user", on_change=_sync, args=("ui_user", "user"),
                          help=t("app.user_help", lang))
    return str(st.session_state["user"]).strip()


def setup(page: str) -> PageContext:
    """Every page starts here: config, language, navigation, the registry (seeded on the very first start)."""
    settings = load_settings()
    lang = st.session_state.get("lang", settings.lang if settings.lang in LANGS else "ru")
    st.set_page_config(page_title=f"Kenesshi · {t('app.nav.' + page, lang)}", page_icon=":material/balance:",
                       layout="wide")
    lang = interface_language(settings)
    st.sidebar.markdown(f"**{t('ui.app_title', lang)}**")
    for script, key, icon in PAGES:
        st.sidebar.page_link(script, label=t(f"app.nav.{key}", lang), icon=icon)
    user = consultant_name(lang)
    st.sidebar.caption(f"{t('ui.data_dir', lang)}: `{settings.home}`")
    with st.spinner(t("app.seeding", lang)):
        registry = open_registry(settings.db_url)
    return PageContext(lang, settings, registry, user, dt.date.today())


def facts(pairs: list[tuple[str, str]]) -> None:
    """Labelled values in a grid that wraps long values (st.metric cuts them off)."""
    st.html(views.facts_html(pairs))


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _record_download(registry: Registry, reg_no: str | None, template_id: str, lang: str, file_name: str,
                     data: bytes, user: str) -> None:
    """The downloaded document goes into the petition's file and movement log (once per document)."""
    import hashlib

    sha256 = hashlib.sha256(data).hexdigest()
    done: set[str] = st.session_state.setdefault("recorded_documents", set())
    if sha256 in done:
        return
    registry.record_document(reg_no, template_id, lang, file_name, sha256, by=user)
    done.add(sha256)


def document_download(label: str, data: bytes, file_name: str, key: str, ctx: PageContext, reg_no: str | None,
                      template_id: str, doc_lang: str) -> None:
    """A DOCX download button; the download is recorded in the registry (Registry.record_document)."""
    st.download_button(label, data, file_name=file_name, key=key, mime=DOCX_MIME, type="primary",
                       on_click=_record_download, args=(ctx.registry, reg_no, template_id, doc_lang, file_name, data,
                                                        ctx.user))


def registry_error(exc: Exception, lang: str) -> None:
    """A refused action, in the interface language."""
    if isinstance(exc, RegistryError):
        st.error(exc.message(lang))
    else:
        st.error(f"{type(exc).__name__}: {exc}")


def table(rows: list[dict[str, Any]], lang: str, columns: dict[str, str] | None = None, *,
          link_column: str | None = None, key: str | None = None, height: int | str = "auto") -> None:
    """Rows as a dataframe with headers in the interface language; `link_column` holds petition links."""
    if not rows:
        st.caption(t("app.empty", lang))
        return
    frame = pd.DataFrame(rows)
    config: dict[str, Any] = {}
    if columns:
        frame = frame[[c for c in columns if c in frame.columns]]
        config = {c: st.column_config.Column(label) for c, label in columns.items() if c in frame.columns}
    for column in frame.columns:
        if column not in config and isinstance(frame[column].iloc[0], dt.date):
            config[column] = st.column_config.DateColumn(column, format="DD.MM.YYYY")
        elif isinstance(frame[column].iloc[0], dt.date):
            config[column] = st.column_config.DateColumn(config[column].get("label"), format="DD.MM.YYYY")
    if link_column and link_column in frame.columns:
        config[link_column] = st.column_config.LinkColumn(
            (columns or {}).get(link_column, link_column), display_text=views.PETITION_LINK_TEXT)
    st.dataframe(frame, hide_index=True, column_config=config, key=key, height=height)
