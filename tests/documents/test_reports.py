"""Press release, practice review and statistics: selection, counts, depersonalisation, charts, XLSX."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from openpyxl import load_workbook

from assistant.reports.press import depersonalise, press_release_context, shorten, week_bounds
from assistant.reports.review import review_context
from assistant.reports.stats import case_rows, statistics_context, statistics_workbook
from tests.documents.samples import considered_cases

PERSONAL = ["900101300007", "Ахметова Динара", "Петрова Ивана", "Жұмабеков Ерлан", "Асқарова Гүлнәр",
            "+7 701 234 56 78"]


@pytest.mark.parametrize(("week", "monday"), [("2025-W37", dt.date(2025, 9, 8)), ("2025w37", dt.date(2025, 9, 8)),
                                              (dt.date(2025, 9, 14), dt.date(2025, 9, 8)),
                                              ("2025-01-01", dt.date(2024, 12, 30))])
def test_week_bounds(week, monday):
    assert week_bounds(week) == (monday, monday + dt.timedelta(days=6))


def test_press_release_selects_the_week_and_the_considered_cases():
    cases = considered_cases(12)
    cases.append(cases[0] | {"reg_no": "2к-9999/25", "decided_on": dt.date(2025, 9, 1)})  # the week before
    cases.append(cases[0] | {"reg_no": "2к-9998/25", "outcome": "returned"})  # not heard by the collegium
    cases.append(cases[0] | {"reg_no": "2к-9997/25", "outcome": None})  # still pending
    ctx = press_release_context(cases, "2025-W37", "ru")
    assert ctx["week"] == "2025-W37"
    assert ctx["period"] == "с 8 по 12 сентября 2025 года"
    assert ctx["total"] == 12 and len(ctx["cases"]) == 12
    assert {c["reg_no"] for c in ctx["cases"]}.isdisjoint({"2к-9999/25", "2к-9998/25", "2к-9997/25"})
    assert sum(o["count"] for o in ctx["by_outcome"]) == 12
    assert ctx["by_outcome"][0] == {"label": "оставлены без изменения", "count": 6}
    assert [c["decided_on"] for c in ctx["cases"]] == sorted(c["decided_on"] for c in ctx["cases"])


def test_press_release_is_depersonalised():
    for lang in ("ru", "kk"):
        ctx = press_release_context(considered_cases(12), "2025-W37", lang)
        text = " ".join(c["summary"] for c in ctx["cases"])
        for item in PERSONAL:
            assert item not in text, item
        assert "[ИИН]" in text or "[ЖСН]" in text
        assert ctx["cases"][0]["category"] and ctx["cases"][0]["region"]


def test_a_weekend_decision_stretches_the_period():
    cases = [considered_cases(1)[0] | {"decided_on": dt.date(2025, 9, 13)}]
    assert press_release_context(cases, "2025-W37", "kk")["period"] == "2025 жылғы 8–14 қыркүйек аралығында"


def test_empty_week():
    ctx = press_release_context([], "2025-W37", "ru")
    assert ctx["total"] == 0 and ctx["cases"] == [] and ctx["by_outcome"] == []


def test_summaries_are_masked_in_batches_and_identical_ones_once(monkeypatch):
    calls = []
    import assistant.reports.press as press

    real = press.anonymize
    monkeypatch.setattr(press, "anonymize", lambda text, **kw: calls.append(kw) or real(text, **kw))
    items = ([("Истец Петров Иван Сергеевич взыскал долг.", "ru", "LOAN")] * 5 +
             [(f"Ответчик Сидоров Пётр {i}.", "ru", "LOAN") for i in range(3)] +
             [("Талап қоюшы Жұмабеков Ерлан Нұрланұлы.", "kk", None)])
    out = depersonalise(items)
    assert len(calls) == 2  # one Russian batch (LOAN), one Kazakh
    assert all(kw["use_ner"] for kw in calls)
    assert len(set(out[:5])) == 1 and "Петров" not in out[0]
    assert [o.startswith("Ответчик С.") for o in out[5:8]] == [True] * 3
    assert "Жұмабеков" not in out[8] and out[8].startswith("Талап қоюшы")


def test_a_mask_across_the_separator_falls_back_to_one_call_a_text(monkeypatch):
    import assistant.reports.press as press

    real = press.anonymize

    def swallow_separator(text, **kw):
        result = real(text, **kw)
        return type(result)(result.text.replace(press.SEPARATOR, " "), result.spans, result.lang)

    monkeypatch.setattr(press, "anonymize", swallow_separator)
    out = depersonalise([("Истец Петров Иван.", "ru", None), ("Ответчик Сидоров Пётр.", "ru", None)])
    assert out == ["Истец П.", "Ответчик С."]


def test_shorten_keeps_whole_sentences():
    text = "Первое предложение. Второе предложение подлиннее. Третье."
    assert shorten(text, 50) == "Первое предложение. Второе предложение подлиннее."
    assert shorten(text, 45) == "Первое предложение."
    assert shorten("слово " * 100, 50).endswith("…")
    assert shorten(text, 500) == text


def test_review_counts_charts_and_examples():
    cases = considered_cases(30, dt.date(2025, 4, 7))
    cases.append(cases[0] | {"decided_on": dt.date(2025, 7, 2)})  # outside the half-year
    ctx = review_context(cases, dt.date(2025, 1, 1), dt.date(2025, 6, 30), "ru",
                         typical_errors=["Ошибка <одна> & другая"], recommendations=["", "Учесть"])
    assert ctx["period"] == "I полугодие 2025 года"
    assert ctx["total"] == 30 and ctx["changed"] == 15 and ctx["change_rate"] == "50,0 %"
    assert sum(r["count"] for r in ctx["by_category"]) == 30
    assert sum(r["changed"] for r in ctx["by_region"]) == 15
    assert [r["count"] for r in ctx["by_category"]] == sorted((r["count"] for r in ctx["by_category"]), reverse=True)
    for key in ("chart_categories", "chart_regions", "chart_outcomes"):
        assert ctx[key].startswith(b"\x89PNG") and len(ctx[key]) > 5000
    assert 0 < len(ctx["reversed_examples"]) <= 10
    assert all(x["outcome"] != "оставлены без изменения" for x in ctx["reversed_examples"])
    text = " ".join(x["summary"] for x in ctx["reversed_examples"])
    assert not any(item in text for item in PERSONAL)
    assert ctx["typical_errors"] == ["Ошибка <одна> & другая"] and ctx["recommendations"] == ["Учесть"]


def test_review_of_an_empty_period_still_has_charts():
    ctx = review_context([], dt.date(2025, 1, 1), dt.date(2025, 3, 31), "kk")
    assert ctx["total"] == 0 and ctx["change_rate"] == "—" and ctx["period"] == "2025 жылғы I тоқсан"
    assert ctx["chart_outcomes"].startswith(b"\x89PNG")


def test_statistics_context():
    ctx = statistics_context(considered_cases(30, dt.date(2025, 4, 7)), "2025-04-01", "2025-06-30", "kk")
    assert ctx["period"] == "2025 жылғы II тоқсан" and ctx["period_attr"] == "2025 жылғы II тоқсандағы"
    assert ctx["total"] == 30
    assert sum(r["count"] for r in ctx["by_outcome"]) == 30
    assert [r["label"] for r in ctx["durations"]] == ["6 ай ішінде", "6 айдан астам"]
    assert sum(r["count"] for r in ctx["durations"]) == 30
    assert ctx["by_region"][0]["share"].endswith(" %")


def test_statistics_accept_the_registry_frame():
    frame = pd.DataFrame([
        {"reg_no": "1", "received_on": dt.date(2025, 1, 10), "finished_on": dt.date(2025, 2, 1), "outcome": "upheld",
         "region_code": "75", "category": "LOAN"},
        {"reg_no": "2", "received_on": dt.date(2025, 1, 10), "finished_on": pd.NaT, "outcome": None,
         "region_code": "71", "category": "LAND"},  # pending: not counted
    ])
    rows = case_rows(frame)
    assert [r["reg_no"] for r in rows] == ["1"] and rows[0]["decided_on"] == dt.date(2025, 2, 1)
    assert statistics_context(frame, "2025-01-01", "2025-03-31", "ru")["by_region"][0]["label"] == "город Алматы"


def test_statistics_workbook(tmp_path):
    cases = considered_cases(30, dt.date(2025, 4, 7))
    cases[0] = cases[0] | {"lower_court": "=HYPERLINK(\"http://x\",\"click\")", "reg_no": "+1\x01"}
    out = statistics_workbook(cases, tmp_path / "stats.xlsx", lang="ru", period_from="2025-04-01",
                              period_to="2025-06-30",
                              movement=[{"label": "Поступило", "count": 120}])
    assert out == tmp_path / "stats.xlsx" and [p.name for p in tmp_path.iterdir()] == ["stats.xlsx"]
    wb = load_workbook(out)
    assert wb.sheetnames == ["Итоги", "Дела"]
    summary = [[c for c in row if c is not None] for row in wb["Итоги"].iter_rows(values_only=True)]
    assert ["Всего", 30] in summary
    assert ["Поступило", 120] in summary
    assert ["Оставлены без изменения", 15, "50,0 %"] in [[str(r[0])[:1].upper() + str(r[0])[1:], *r[1:]]
                                                       for r in summary if r]
    cases_sheet = wb["Дела"]
    header = [c.value for c in cases_sheet[1]]
    assert "Суть" not in header  # summaries may hold personal data: never in the workbook
    assert cases_sheet.max_row == 31
    injected = [c for row in cases_sheet.iter_rows() for c in row if c.value and str(c.value).startswith("=")]
    assert injected and all(c.data_type == "s" for c in injected)  # text, not a formula
    assert any(c.value == "+1" for row in cases_sheet.iter_rows() for c in row)


def test_statistics_workbook_in_kazakh(tmp_path):
    out = statistics_workbook(considered_cases(5), tmp_path / "s.xlsx", lang="kk")
    assert load_workbook(out).sheetnames == ["Қорытынды", "Істер"]
