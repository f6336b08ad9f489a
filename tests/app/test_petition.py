"""Petition page: the card with highlighted entities and checks, history, deadlines, the consultant's actions and
drafting a document from a template."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from assistant import views
from assistant.i18n import t
from assistant.registry.service import Registry


def first(registry: Registry, status: str) -> str:
    return registry.search(status=[status], limit=1)[0].reg_no


def html_text(at) -> str:
    return "\n".join(h.value for h in at.html)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_card_history_and_deadlines_of_a_petition_from_the_query(open_page, app_env: Registry, lang):
    reg_no = first(app_env, "case_file_requested")
    at = open_page("petition", lang, reg_no=reg_no)
    assert at.selectbox(key="petition_pick").value == reg_no
    assert f"№ {reg_no}" in [h.value for h in at.header]
    shown = html_text(at)
    assert "<mark" in shown and t("app.petition.col.evidence", lang) in shown
    assert t("app.petition.check_status.pass", lang) in shown
    frames = [d.value for d in at.dataframe]
    events = next(f for f in frames if t("app.petition.col.event", lang) in f.columns)
    assert list(events[t("app.petition.col.event", lang)][:2]) == [t("registry.events.received", lang),
                                                                    t("registry.events.assigned", lang)]
    assignments = next(f for f in frames if t("app.petition.col.rule", lang) in f.columns)
    assert assignments[t("app.petition.col.rule", lang)][0] == t("app.petition.rules.auto", lang)
    deadline_table = next(h.value for h in at.html if t("app.petition.col.due", lang) in h.value)
    assert t("registry.deadlines.case_file_arrival", lang) in deadline_table
    assert at.query_params["reg_no"] in (reg_no, [reg_no])


def test_an_unknown_number_is_said_and_the_newest_is_shown(open_page, app_env: Registry):
    at = open_page("petition", "ru", reg_no="nope/1")
    assert [w.value for w in at.warning] == [t("registry.errors.unknown_petition", "ru", reg_no="nope/1")]
    assert at.selectbox(key="petition_pick").value == views.reg_numbers(app_env, 1)[0]


def test_record_movement_then_withdrawal(open_page, app_env: Registry):
    reg_no = first(app_env, "assigned")
    at = open_page("petition", "ru", reg_no=reg_no)
    at.selectbox(key="act_kind").set_value("case_file_requested")
    at.text_input(key="act_kind_note").set_value("запрос № 12")
    at.button(key="act_kind_go").click()
    at.run()
    assert not at.exception
    assert [s.value for s in at.success] == [t("app.petition.act.recorded", "ru",
                                               what=t("registry.events.case_file_requested", "ru"))]
    p = app_env.petition(reg_no)
    assert p.status == "case_file_requested" and p.events[-1].note == "запрос № 12"
    at.selectbox(key="act_kind").set_value("withdrawn")
    at.button(key="act_kind_go").click()
    at.run()
    assert not at.exception
    p = app_env.petition(reg_no)
    assert (p.status, p.outcome) == ("withdrawn", "withdrawn")
    at.selectbox(key="act_kind").set_value("heard")  # a closed petition refuses further movement
    at.button(key="act_kind_go").click()
    at.run()
    assert [e.value for e in at.error] == [t("registry.errors.petition_closed", "ru", reg_no=reg_no,
                                             status="withdrawn")]


def test_hearing_outcome_and_manual_reassignment_in_kazakh(open_page, app_env: Registry):
    reg_no = first(app_env, "case_file_received")
    at = open_page("petition", "kk", reg_no=reg_no)
    day = dt.date.today() + dt.timedelta(days=10)
    at.date_input(key="act_hearing_date").set_value(day)
    at.radio(key="act_hearing_mode").set_value("online")
    at.text_input(key="act_hearing_place").set_value("https://vks.sud.kz/room/7")
    at.button(key="act_hearing_go").click()
    at.run()
    assert not at.exception
    p = app_env.petition(reg_no)
    assert p.status == "hearing_scheduled"
    assert (p.hearings[-1].mode, p.hearings[-1].place, p.hearings[-1].scheduled_for.date()) == (
        "online", "https://vks.sud.kz/room/7", day)

    judges = [j.code for j in app_env.judges() if j.code != p.judge.code]
    at.selectbox(key="act_judge").set_value(judges[0])
    at.button(key="act_judge_go").click()  # no reason: refused
    at.run()
    assert [e.value for e in at.error] == [t("registry.errors.reason_required", "kk")]
    at.text_input(key="act_judge_reason").set_value("судьяның өздігінен бас тартуы")
    at.button(key="act_judge_go").click()
    at.run()
    assert not at.exception
    p = app_env.petition(reg_no)
    assert p.judge.code == judges[0] and p.assignments[-1].rule == "manual"
    assignments = next(d.value for d in at.dataframe if t("app.petition.col.rule", "kk") in d.value.columns)
    assert t("registry.distribution.manual", "kk", reason="судьяның өздігінен бас тартуы") in set(
        assignments[t("app.petition.col.reason", "kk")])

    at.selectbox(key=f"act_category::{reg_no}").set_value("LAND")
    at.button(key="act_category_go").click()
    at.run()
    assert app_env.petition(reg_no).final_category == "LAND"
    at.selectbox(key="act_outcome").set_value("upheld")
    at.button(key="act_outcome_go").click()
    at.run()
    assert not at.exception
    assert app_env.petition(reg_no).outcome == "upheld"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_draft_a_document_with_edited_fields(open_page, app_env: Registry, lang):
    layer = views.documents_layer()
    if isinstance(layer, str):
        pytest.skip(f"documents layer (assistant.documents) not installed yet: {layer}")
    import docx

    reg_no = first(app_env, "case_returned")
    at = open_page("petition", lang, reg_no=reg_no)
    assert not [i.value for i in at.info if t("app.draft.unavailable", lang, detail="")[:20] in i.value]
    at.sidebar.text_input(key="ui_user").set_value("Сейтқали Ә.")
    at.selectbox(key="draft_template").set_value("case_return_letter")
    at.run()
    base = f"draft::{reg_no}::case_return_letter::{lang}"
    assert at.text_input(key=f"{base}::lower_court").value, "prefilled from the registry"
    assert at.text_input(key=f"{base}::consultant").value == "Сейтқали Ә.", "the consultant's name from the sidebar"
    at.text_input(key=f"{base}::out_no").set_value("01-12/345")
    at.text_input(key=f"{base}::case_no").set_value("3599-25-00-2а/1489")
    at.text_input(key=f"{base}::volumes").set_value("2")
    at.text_input(key=f"{base}::lower_court").set_value("Қарағанды облыстық соты" if lang == "kk" else
                                                        "Карагандинский областной суд")
    at.button(key=f"{base}::go").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not [e.value for e in at.error], [e.value for e in at.error]
    data = at.session_state["draft_docx"]
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "01-12/345" in text and "3599-25-00-2а/1489" in text
    assert ("Қарағанды" if lang == "kk" else "Карагандинск") in text, "the edited field, not the prefilled one"
    assert [b.label for b in at.download_button] == [t("app.draft.download", lang)]
    at.download_button[0].click()
    at.run()
    at.download_button[0].click()  # a second download of the same document is not recorded twice
    at.run()
    p = app_env.petition(reg_no)
    assert [(d.template_id, d.lang) for d in p.documents] == [("case_return_letter", lang)]
    assert p.events[-1].kind == "document" and p.events[-1].data["file"].endswith(".docx")


def test_a_missing_field_is_named_before_anything_is_written(open_page, app_env: Registry):
    if isinstance(views.documents_layer(), str):
        pytest.skip("documents layer (assistant.documents) not installed yet")
    reg_no = first(app_env, "case_returned")
    at = open_page("petition", "ru", reg_no=reg_no)
    at.selectbox(key="draft_template").set_value("case_return_letter")
    at.run()
    at.button(key=f"draft::{reg_no}::case_return_letter::ru::go").click()
    at.run()
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "volumes" in errors[0] and "draft_docx" not in at.session_state
