"""Petition page: one petition's card, checks, movement, assignments and deadlines, the consultant's actions on
it, and drafting a document from a template. Open it with ?reg_no=… (the registry table links here)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from assistant import views
from assistant.categories import category_name
from assistant.i18n import LANGS, t
from assistant.registry import models as m
from assistant.registry.reference import outcome_label
from assistant.reports.regions import region_name
from pages.common import ui


@st.cache_data(max_entries=256, show_spinner=False)
def computed_card(text: str, lang: str, ui_lang: str) -> dict[str, Any]:
    """The card of a petition registered without one (e.g. demo data): built now, not stored."""
    return ui.petition_card(text, lang).to_json(ui_lang)


def flash(message: str) -> None:
    """Show `message` after the rerun that refreshes the page."""
    st.session_state["petition_flash"] = message
    st.rerun()


def pick_petition(ctx: ui.PageContext) -> str | None:
    lang = ctx.lang
    numbers = views.reg_numbers(ctx.registry)
    if not numbers:
        st.info(t("app.petition.empty_registry", lang))
        return None
    known = set(numbers)
    wanted = st.query_params.get("reg_no")
    if wanted and wanted != st.session_state.get("petition_qp"):
        st.session_state["petition_qp"] = wanted
        if wanted in known:
            st.session_state["petition_pick"] = wanted
        else:
            st.warning(t("registry.errors.unknown_petition", lang, reg_no=wanted))
    if st.session_state.get("petition_pick") not in known:
        st.session_state["petition_pick"] = numbers[0]
    reg_no = st.selectbox(t("app.petition.pick", lang), numbers, key="petition_pick",
                          help=t("app.petition.pick_help", lang))
    if st.query_params.get("reg_no") != reg_no:
        st.query_params["reg_no"] = reg_no
        st.session_state["petition_qp"] = reg_no
    return str(reg_no)


def overview(p: m.Petition, lang: str) -> None:
    ui.facts([(t("app.petition.status", lang), views.label("registry.statuses", p.status, lang)),
              (t("app.petition.category", lang), category_name(p.final_category, lang) if p.final_category else "—"),
              (t("app.petition.judge", lang), p.judge.name(lang) if p.judge else t("registry.report.unassigned", lang)),
              (t("app.petition.received_on", lang), f"{p.received_on:%d.%m.%Y}")])
    suggestion = p.suggestion or {}
    suggested = (category_name(p.suggested_category, lang) if p.suggested_category else "—")
    if suggestion.get("confidence") is not None:
        suggested += f" ({float(suggestion['confidence']):.0%})"
    facts = {
        t("app.petition.kind", lang): views.label("registry.kinds", p.kind, lang),
        t("app.petition.regime", lang): views.label("registry.regimes", p.regime, lang),
        t("app.petition.suggested", lang): suggested,
        t("app.petition.lower_court", lang): p.lower_court or "—",
        t("app.petition.lower_case_no", lang): p.lower_case_no or "—",
        t("app.petition.region", lang): region_name(p.region_code, lang) if p.region_code else "—",
        t("app.petition.parties", lang): "; ".join(
            f"{x.name} ({views.label('card.roles', x.role, lang)})" if x.role else x.name for x in p.parties) or "—",
        t("app.petition.source", lang): p.source_name or "—",
    }
    if p.outcome:
        facts[t("app.petition.outcome", lang)] = f"{outcome_label(p.outcome, lang)} ({p.decided_on:%d.%m.%Y})" \
            if p.decided_on else outcome_label(p.outcome, lang)
    st.markdown("\n".join(f"- **{k}:** {v}" for k, v in facts.items()))


def card_section(p: m.Petition, lang: str) -> None:
    card = p.card
    if not card:
        st.caption(t("app.petition.card_computed", lang))
        card = computed_card(p.text, p.lang, lang)
    kinds = [k for k in views.CARD_ENTITY_KINDS if card.get(k)]
    st.html(views.legend_html(kinds, lang))
    st.html(views.highlighted_html(p.text, views.card_highlights(card, lang)))
    st.subheader(t("app.petition.checks", lang))
    if card.get("checks"):
        st.html(views.checks_html(card["checks"], lang))
    else:
        st.caption(t("app.empty", lang))


def deadlines_section(p: m.Petition, ctx: ui.PageContext) -> None:
    lang = ctx.lang
    rows = views.petition_deadline_rows(p, lang, ctx.today)
    if not rows:
        st.caption(t("app.empty", lang))
        return
    states = [views.deadline_state(d, ctx.today) for d in p.deadlines]
    for d, state in zip(p.deadlines, states, strict=True):
        if state == "overdue":
            st.error(t("app.petition.overdue", lang, name=views.label("registry.deadlines", d.name, lang),
                       due=f"{d.due:%d.%m.%Y}"))
    st.html(views.table_html(rows, states))


def history_section(p: m.Petition, ctx: ui.PageContext, names: dict[str, str]) -> None:
    lang = ctx.lang
    st.subheader(t("app.petition.events", lang))
    ui.table(views.event_rows(p, lang, names), lang)
    st.subheader(t("app.petition.assignments", lang))
    ui.table(views.assignment_rows(p, lang), lang)
    if p.hearings:
        st.subheader(t("app.petition.hearings", lang))
        ui.table(views.hearing_rows(p, lang), lang)


def action_movement(p: m.Petition, ctx: ui.PageContext) -> None:
    lang = ctx.lang
    st.markdown(f"**{t('app.petition.act.movement', lang)}**")
    kind = st.selectbox(t("app.petition.act.movement_kind", lang), views.movement_kinds(), key="act_kind",
                        format_func=lambda k: views.label("registry.events", k, lang))
    on = st.date_input(t("app.petition.act.date", lang), value=ctx.today, key="act_kind_date", format="DD.MM.YYYY")
    note = st.text_input(t("app.petition.act.note", lang), key="act_kind_note")
    if st.button(t("app.petition.act.record", lang), key="act_kind_go"):
        try:
            views.record_movement(ctx.registry, p.reg_no, kind, on, ctx.user, note)
        except Exception as exc:
            ui.registry_error(exc, lang)
        else:
            flash(t("app.petition.act.recorded", lang, what=views.label("registry.events", kind, lang)))


def action_hearing(p: m.Petition, ctx: ui.PageContext) -> None:
    lang = ctx.lang
    st.markdown(f"**{t('app.petition.act.hearing', lang)}**")
    cols = st.columns(2)
    day = cols[0].date_input(t("app.petition.act.hearing_date", lang), value=ctx.today + dt.timedelta(days=14),
                             key="act_hearing_date", format="DD.MM.YYYY")
    at = cols[1].time_input(t("app.petition.act.hearing_time", lang), value=dt.time(10, 0), key="act_hearing_time")
    mode = st.radio(t("app.petition.act.mode", lang), ("online", "offline"), horizontal=True, key="act_hearing_mode",
                    format_func=lambda x: t(f"app.petition.modes.{x}", lang))
    place = st.text_input(t(f"app.petition.act.place_{mode}", lang), key="act_hearing_place")
    if st.button(t("app.petition.act.schedule", lang), key="act_hearing_go"):
        try:
            ctx.registry.schedule_hearing(p.reg_no, dt.datetime.combine(day, at), mode, place.strip(), by=ctx.user,
                                          on=ctx.today)
        except Exception as exc:
            ui.registry_error(exc, lang)
        else:
            flash(t("app.petition.act.scheduled", lang, when=f"{day:%d.%m.%Y} {at:%H:%M}"))


def action_outcome(p: m.Petition, ctx: ui.PageContext) -> None:
    lang = ctx.lang
    st.markdown(f"**{t('app.petition.act.outcome', lang)}**")
    code = st.selectbox(t("app.petition.act.outcome_code", lang), views.outcome_codes(), key="act_outcome",
                        format_func=lambda c: outcome_label(c, lang))
    on = st.date_input(t("app.petition.act.decided_on", lang), value=ctx.today, key="act_outcome_date",
                       format="DD.MM.YYYY")
    note = st.text_input(t("app.petition.act.note", lang), key="act_outcome_note")
    summary = st.text_area(t("app.petition.act.summary", lang), value=p.summary or "",
                           key=f"act_outcome_summary::{p.reg_no}", help=t("app.petition.act.summary_help", lang),
                           height=100)
    if st.button(t("app.petition.act.record_outcome", lang), key="act_outcome_go"):
        try:
            ctx.registry.record_outcome(p.reg_no, code, on, by=ctx.user, note=note,
                                        summary=summary.strip() or None)
        except Exception as exc:
            ui.registry_error(exc, lang)
        else:
            flash(t("app.petition.act.outcome_recorded", lang, outcome=outcome_label(code, lang)))


def action_category(p: m.Petition, ctx: ui.PageContext) -> None:
    lang = ctx.lang
    st.markdown(f"**{t('app.petition.act.category', lang)}**")
    options = views.category_options()
    index = options.index(p.final_category) if p.final_category in options else None
    code = st.selectbox(t("app.petition.act.category_new", lang), options, index=index, key=f"act_category::{p.reg_no}",
                        format_func=lambda c: category_name(c, lang),
                        placeholder=t("app.intake.category_placeholder", lang))
    if p.judge is None:
        st.caption(t("app.petition.act.category_distributes", lang))
    if st.button(t("app.petition.act.save_category", lang), key="act_category_go", disabled=code is None):
        try:
            decision = ctx.registry.set_category(p.reg_no, str(code), by=ctx.user, day=ctx.today)
        except Exception as exc:
            ui.registry_error(exc, lang)
        else:
            message = t("app.petition.act.category_saved", lang, category=category_name(str(code), lang))
            if decision is not None:
                message += " " + views.distribution_reason(decision.to_json(), lang, str(code))
            flash(message)


def action_reassign(p: m.Petition, ctx: ui.PageContext, names: dict[str, str]) -> None:
    lang = ctx.lang
    st.markdown(f"**{t('app.petition.act.reassign', lang)}**")
    loads = ctx.registry.open_loads()
    judges = list(names)
    judge = st.selectbox(t("app.petition.act.judge", lang), judges, key="act_judge",
                         format_func=lambda j: t("app.petition.act.judge_option", lang, name=names[j],
                                                 load=loads.get(j, 0)))
    reason = st.text_input(t("app.petition.act.reason", lang), key="act_judge_reason",
                           help=t("app.petition.act.reason_help", lang))
    if st.button(t("app.petition.act.reassign_go", lang), key="act_judge_go"):
        try:
            ctx.registry.assign_manually(p.reg_no, judge, reason, by=ctx.user, day=ctx.today)
        except Exception as exc:
            ui.registry_error(exc, lang)
        else:
            flash(t("app.petition.act.reassigned", lang, judge=names[judge]))
    if p.judge is None and p.final_category and st.button(t("app.petition.act.distribute", lang),
                                                          key="act_distribute"):
        try:
            decision = ctx.registry.distribute(p.reg_no, ctx.today, by=ctx.user)
        except Exception as exc:
            ui.registry_error(exc, lang)
        else:
            flash(views.distribution_reason(decision.to_json(), lang, p.final_category))


def field_input(f: views.TemplateField, original: Any, options: dict[str, str] | None, key: str, lang: str) -> Any:
    """One editable template field; returns the value to render with (the original when left unchanged)."""
    label = f"{f.label} *" if f.required else f.label
    if options is not None:
        codes = list(options)
        chosen = st.selectbox(label, codes, index=codes.index(original) if original in codes else None, key=key,
                              format_func=options.__getitem__, placeholder=t("app.draft.choose", lang))
        return chosen
    if f.type == "bool":
        return st.checkbox(label, value=bool(original), key=key)
    shown = views.field_text(original)
    long = f.type in ("richtext", "list") or isinstance(original, list | dict) or len(shown) > 80 or "\n" in shown
    value = (st.text_area(label, value=shown, key=key, height=100) if long
             else st.text_input(label, value=shown, key=key))
    if value == shown:
        return original
    return views.parse_field(value, original, f.type)


def draft_section(p: m.Petition, ctx: ui.PageContext) -> None:
    """Draft a document from a template: fields prefilled from the registry, edited here, then downloaded."""
    lang = ctx.lang
    layer = views.documents_layer()
    if isinstance(layer, str):
        st.info(t("app.draft.unavailable", lang, detail=layer))
        return
    try:
        manifest = layer.load_manifest()
        choices = [c for c in views.template_choices(manifest, lang) if not c.for_reports]
    except Exception as exc:
        st.warning(t("app.draft.manifest_error", lang, detail=views.document_error(exc, lang)))
        return
    if not choices:
        st.info(t("app.draft.no_templates", lang))
        return
    by_id = {c.id: c for c in choices}
    cols = st.columns([3, 1])
    template_id = cols[0].selectbox(t("app.draft.template", lang), list(by_id), key="draft_template",
                                    format_func=lambda i: by_id[i].title)
    doc_lang = cols[1].radio(t("app.draft.language", lang), LANGS, index=LANGS.index(lang), key="draft_lang",
                             format_func=ui.lang_name, horizontal=True)
    template = by_id[template_id]
    base = f"draft::{p.reg_no}::{template_id}::{doc_lang}"
    if base + "::prefill" not in st.session_state:
        try:
            st.session_state[base + "::prefill"] = views.prefill(layer, ctx.registry, p.reg_no, template, doc_lang,
                                                                 ctx.user)
        except Exception as exc:
            st.warning(t("app.draft.prefill_error", lang, detail=views.document_error(exc, lang)))
            st.session_state[base + "::prefill"] = {}
    prefilled: dict[str, Any] = st.session_state[base + "::prefill"]
    st.caption(t("app.draft.edit_help", lang) if layer.petition_context is not None
               else t("app.draft.no_prefill", lang))
    data: dict[str, Any] = dict(prefilled)
    bad: list[str] = []
    columns = st.columns(2)
    editable = [f for f in template.fields if f.type != "image"]
    for i, f in enumerate(editable):
        with columns[i % 2]:
            try:
                value = field_input(f, prefilled.get(f.name), views.field_options(manifest, f.type, doc_lang),
                                    f"{base}::{f.name}", lang)
            except ValueError:
                bad.append(f.label)
                continue
        if value is None or value == "":
            data.pop(f.name, None)
        else:
            data[f.name] = value
    if bad:
        st.error(t("app.draft.bad_json", lang, fields=", ".join(bad)))
    if st.button(t("app.draft.prepare", lang), key=f"{base}::go", type="primary", disabled=bool(bad)):
        try:
            st.session_state[base + "::docx"] = views.render_docx(layer, template_id, doc_lang, data)
        except Exception as exc:
            st.error(t("app.draft.render_error", lang, detail=views.document_error(exc, lang)))
    docx = st.session_state.get(base + "::docx")
    if docx:
        st.session_state["draft_docx"] = docx  # the last prepared document (the tests read it)
        name = f"{template_id}-{p.reg_no.replace('/', '_')}-{doc_lang}.docx"
        st.success(t("app.draft.ready", lang, name=name))
        ui.document_download(t("app.draft.download", lang), docx, name, f"{base}::download", ctx, p.reg_no,
                             template_id, doc_lang)


def main() -> None:
    ctx = ui.setup("petition")
    lang = ctx.lang
    st.title(t("app.petition.title", lang))
    if "petition_flash" in st.session_state:
        st.success(st.session_state.pop("petition_flash"))
    reg_no = pick_petition(ctx)
    if reg_no is None:
        return
    try:
        p = ctx.registry.petition(reg_no)
    except Exception as exc:
        ui.registry_error(exc, lang)
        return
    names = views.judge_names(ctx.registry, lang)
    st.header(t("app.petition.number", lang, reg_no=p.reg_no))
    overview(p, lang)
    card_tab, history_tab, deadlines_tab, actions_tab, draft_tab = st.tabs(
        [t("app.petition.tab.card", lang), t("app.petition.tab.history", lang), t("app.petition.tab.deadlines", lang),
         t("app.petition.tab.actions", lang), t("app.petition.tab.draft", lang)])
    with card_tab:
        card_section(p, lang)
    with history_tab:
        history_section(p, ctx, names)
    with deadlines_tab:
        deadlines_section(p, ctx)
    with actions_tab:
        left, right = st.columns(2)
        with left:
            action_movement(p, ctx)
            st.divider()
            action_hearing(p, ctx)
            st.divider()
            action_category(p, ctx)
        with right:
            action_outcome(p, ctx)
            st.divider()
            action_reassign(p, ctx, names)
    with draft_tab:
        draft_section(p, ctx)


if __name__ == "__main__":  # not when a spawned worker process imports it (see app.py)
    main()
