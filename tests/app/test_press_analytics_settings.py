"""Press release, analytics and settings pages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assistant import views
from assistant.i18n import t
from assistant.registry.service import Registry


def html_text(at) -> str:
    return "\n".join(h.value for h in at.html)


# ------------------------------------------------------------------------------------------ press release
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_press_release_masks_can_be_removed_and_added(open_page, app_env: Registry, lang):
    at = open_page("press", lang)
    week = at.selectbox(key="press_week").value
    start, end = views.week_bounds(week)
    cases = views.considered_for_press(app_env, start, end)
    assert cases, "the newest week with considered cases is chosen first"
    masks = [c for c in at.checkbox if c.key.startswith("press::")]
    assert masks and all(c.value for c in masks)
    preview = html_text(at)
    assert 'class="kn-mask"' in preview
    reg_no = masks[0].key.split("::")[1]
    state = at.session_state[f"press::{reg_no}"]
    first = state["spans"][0]
    original = state["original"][first.start:first.end]
    masks[0].uncheck().run()  # the consultant keeps this text
    assert original in html_text(at)
    word = next(w for w in state["original"].split() if len(w) > 6 and w.isalpha() and w not in original)
    at.text_input(key=f"press::{reg_no}::needle").set_value(word)
    at.button(key=f"press::{reg_no}::add").click()
    at.run()
    assert not at.exception
    assert 'class="kn-mask_added"' in html_text(at)
    assert any(s.recognizer == "consultant" for s in at.session_state[f"press::{reg_no}"]["spans"])


def test_press_release_docx(open_page, app_env: Registry):
    if isinstance(views.documents_layer(), str):
        pytest.skip("documents layer (assistant.documents) not installed yet")
    import docx

    at = open_page("press", "ru")
    at.button(key="press_prepare").click()
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    if [i.value for i in at.info if t("app.press.unavailable", "ru", detail="")[:25] in i.value]:
        pytest.skip("assistant.reports.press not installed yet")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(at.session_state["press_docx"])).paragraphs)
    assert text.strip()


# -------------------------------------------------------------------------------------------- analytics
@pytest.mark.parametrize(("lang", "by"), [("kk", "judge"), ("ru", "region"), ("kk", "category")])
def test_analytics_charts_tables_and_downloads(open_page, lang, by):
    at = open_page("analytics", lang)
    at.radio(key="an_by").set_value(by).run()
    assert not at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3, "movement, results and months as pictures"
    table = at.dataframe[0].value
    assert table.index.name == t(f"registry.report.by_{by}", lang)
    assert table.index[-1] == t("registry.report.total", lang)
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics[t("registry.report.received", lang)]) > 0
    labels = [b.label for b in at.download_button]
    assert labels[0] == t("app.analytics.download_xlsx", lang)
    assert [b.label for b in at.button] == [t("app.analytics.prepare_practice_review", lang),
                                            t("app.analytics.prepare_statistics_report", lang)]


def test_analytics_custom_period_and_a_bad_one(open_page):
    at = open_page("analytics", "ru")
    at.selectbox(key="an_preset").set_value("custom").run()
    at.text_input(key="an_spec").set_value("2026-13").run()
    assert [e.value for e in at.error] == [t("app.analytics.bad_period", "ru", spec="2026-13")]
    at.text_input(key="an_spec").set_value("2026-Q1").run()
    assert not at.error and at.get("vega_lite_chart")


def test_statistics_workbook_and_report_docx(open_page, app_env: Registry):
    import openpyxl

    spec = views.period_presets(__import__("datetime").date.today())[0]
    data = views.statistics_xlsx(app_env.url, spec, "judge", "kk")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [t("registry.report.sheet_movement", "kk"), t("registry.report.sheet_region", "kk"),
                               t("registry.report.sheet_category", "kk")]
    if isinstance(views.documents_layer(), str):
        pytest.skip("documents layer (assistant.documents) not installed yet")
    at = open_page("analytics", "kk")
    at.button[1].click()  # the statistical report
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [b.label for b in at.download_button][-1] == t("app.analytics.download_docx", "kk")


# --------------------------------------------------------------------------------------------- settings
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_settings_tabs(open_page, lang):
    at = open_page("settings", lang)
    assert [x.label for x in at.tabs] == [t(f"app.settings.tab.{k}", lang) for k in
                                          ("judges", "calendar", "deadlines", "letterhead", "model")]
    frames = [d.value for d in at.dataframe]
    judges, days_off, letterhead, model = frames[:4]
    assert len(judges) == 12
    assert t("app.settings.col.why", lang) in days_off.columns and len(days_off) >= 16  # 60 days: weekends at least
    rules = next(h.value for h in at.html if t("app.settings.col.rule", lang) in h.value)
    assert "cassation_consideration" in rules and t("registry.deadlines.consideration", lang) in rules
    assert "KENESSHI_COURT_NAME_RU" in set(letterhead[t("app.settings.col.variable", lang)])
    assert t("app.settings.metrics.cv_macro_f1", lang) in set(model[t("app.settings.col.metric", lang)])
    assert any(t("app.settings.corrections", lang, n="")[:10] in m.value for m in at.markdown)


def test_settings_specializations_and_absence(open_page, app_env: Registry):
    import datetime as dt

    at = open_page("settings", "ru")
    at.selectbox(key="set_spec_judge").set_value("j04").run()
    at.multiselect(key="set_spec_categories::j04").set_value(["LABOUR", "TORT", "FAMILY"])
    at.button(key="set_spec_go").click()
    at.run()
    assert not at.exception
    assert {j.code: j.categories for j in app_env.judges()}["j04"] == ["FAMILY", "LABOUR", "TORT"]
    assert at.success
    at.selectbox(key="set_abs_judge").set_value("j05")
    at.date_input(key="set_abs_from").set_value(dt.date(2027, 1, 10))
    at.date_input(key="set_abs_to").set_value(dt.date(2027, 1, 5))
    at.button(key="set_abs_go").click()
    at.run()
    assert [e.value for e in at.error] == [t("registry.errors.bad_period", "ru", start="2027-01-10",
                                             end="2027-01-05")]
    at.date_input(key="set_abs_to").set_value(dt.date(2027, 1, 20))
    at.button(key="set_abs_go").click()
    at.run()
    absences = next(j.absences for j in app_env.judges() if j.code == "j05")
    assert (absences[-1].start, absences[-1].end) == (dt.date(2027, 1, 10), dt.date(2027, 1, 20))


def test_retrain_shows_the_change_and_installs_only_when_confirmed(open_page, app_env: Registry, monkeypatch,
                                                                  tmp_path: Path):
    info = views.model_info()
    assert info is not None
    trained = tmp_path / "model"
    trained.mkdir()
    (trained / "metrics.json").write_text('{"n_train": 2000}', encoding="utf-8")
    calls: list[int] = []

    def fake_retrain(corrections, work_dir, timeout_s=1800.0):
        calls.append(len(corrections))
        return views.Retraining(0, "ok", trained, len(corrections), {**info.metrics, "n_train": 2000})

    shipped = tmp_path / "shipped"
    monkeypatch.setattr(views, "retrain", fake_retrain)
    monkeypatch.setattr(views, "MODEL_DIR", shipped)
    at = open_page("settings", "kk")
    at.button(key="set_retrain").click()
    at.run()
    assert not at.exception
    assert calls == [len(app_env.corrections())] and calls[0] > 0
    changes = at.dataframe[-1].value
    row = changes[changes[t("app.settings.col.metric", "kk")] == t("app.settings.metrics.n_train", "kk")]
    assert int(row[t("app.settings.col.after", "kk")].iloc[0]) == 2000
    install = at.button(key="set_install")
    assert install.disabled, "nothing is overwritten without the confirmation"
    at.checkbox(key="set_confirm_install").check().run()
    at.button(key="set_install").click()
    at.run()
    assert not at.exception
    assert (shipped / "metrics.json").read_text(encoding="utf-8") == '{"n_train": 2000}'
    assert [s.value for s in at.success] == [t("app.settings.installed", "kk", files="metrics.json")]
