"""Registry page: search and filters over the table, deadlines that stand out, links to the petition page."""

from __future__ import annotations

import re

import pytest

from assistant import views
from assistant.i18n import t
from assistant.registry.service import Registry


def petitions_table(at):
    """The petitions table: the last one on the page (dataframes carry no key in AppTest)."""
    return at.dataframe[-1].value


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_table_deadlines_and_links(open_page, app_env: Registry, lang):
    at = open_page("registry", lang)
    table = petitions_table(at)
    assert len(table) == 40
    assert list(table.columns)[:2] == ["link", "received_on"]
    first = table["link"].iloc[0]
    assert first.startswith("petition?reg_no=") and first.endswith(f"&lang={lang}")
    assert re.search(views.PETITION_LINK_TEXT, first).group(1) == app_env.search(limit=1)[0].reg_no
    assert set(table["status"]) <= {t(f"registry.statuses.{s}", lang) for s in views.status_options()}
    metrics = {m.label: m.value for m in at.metric}
    soon = app_env.deadlines(due_within=7)
    assert metrics[t("app.registry.overdue", lang)] == str(sum(r["overdue"] for r in soon))
    assert metrics[t("app.registry.due_soon", lang, days=7)] == str(sum(not r["overdue"] for r in soon))
    if soon:
        deadlines = at.dataframe[0].value
        assert "deadline" in deadlines.columns and len(deadlines) == len(soon)
    assert [b.label for b in at.download_button] == [t("app.registry.export", lang)]


def test_search_and_filters(open_page, app_env: Registry):
    target = app_env.search(status=["decided", "case_returned", "archived"], limit=1)[0]
    at = open_page("registry", "ru")
    at.text_input(key="reg_query").set_value(target.reg_no).run()
    table = petitions_table(at)
    assert [re.search(views.PETITION_LINK_TEXT, x).group(1) for x in table["link"]] == [target.reg_no]
    at.text_input(key="reg_query").set_value("").run()
    at.selectbox(key="reg_category").set_value(target.final_category).run()
    at.multiselect(key="reg_status").set_value([target.status]).run()
    expected = app_env.search(status=[target.status], category=target.final_category)
    assert len(petitions_table(at)) == len(expected)
    at.selectbox(key="reg_category").set_value(None)
    at.multiselect(key="reg_status").set_value([])
    at.selectbox(key="reg_regime").set_value("post")
    at.date_input(key="reg_from").set_value(target.received_on).run()
    expected = app_env.search(regime="post", received_from=target.received_on)
    assert expected and len(petitions_table(at)) == len(expected)
    assert t("app.registry.found", "ru", n=len(expected)) in [c.value for c in at.caption]
    at.text_input(key="reg_query").set_value("нет такого слова нигде").run()
    captions = [c.value for c in at.caption]
    assert t("app.registry.found", "ru", n=0) in captions and t("app.empty", "ru") in captions


def test_the_xlsx_export_has_the_filtered_rows(app_env: Registry):
    import io

    import openpyxl
    import pandas as pd

    rows = views.petition_rows(app_env.search(limit=5), "kk")
    export = views.petition_columns("kk")
    data = views.xlsx_bytes({"Тізілім": pd.DataFrame(rows)[list(export)].rename(columns=export)})
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]][:2] == [t("app.registry.col.reg_no", "kk"), t("app.registry.col.received_on",
                                                                                      "kk")]
    assert sheet.max_row == 6
