"""Drafting from the registry: prefilled fields, `kenesshi render --petition`, press release, review, stats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from assistant.cli import cli
from assistant.documents.errors import TemplateDataError
from assistant.documents.from_registry import petition_context
from assistant.documents.render import render
from assistant.intake import petition_input
from assistant.nlp.card import build_card
from assistant.registry.demo import seed_demo
from assistant.registry.service import Registry

ROOT = Path(__file__).resolve().parents[2]
PER_PETITION = ["return_complaint", "case_file_request", "hearing_notice", "ruling_cover_letter",
                "case_return_letter", "judge_memo"]
# What only the consultant decides: the registry never fills these.
USER = {"return_complaint": {"ground": "deadline_missed"}, "ruling_cover_letter": {"ruling_pages": 6},
        "case_return_letter": {"volumes": 2}, "judge_memo": {"proposed_action": "request_file"}}


@pytest.fixture
def decided(registry: Registry) -> str:
    gold = json.loads((ROOT / "tests" / "data" / "card" / "gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    card = build_card(gold["text"], gold["lang"])
    reg = registry.register(petition_input(gold["text"], gold["lang"], card=card, received_on=dt.date(2026, 11, 2),
                                           suggestion={"category": "LOAN", "confidence": 0.9}, source_sha256="e" * 64))
    registry.schedule_hearing(reg.reg_no, dt.datetime(2026, 12, 3, 10, 0), "online", "https://vks.sud.kz/r/7",
                              on=dt.date(2026, 11, 20))
    registry.record_outcome(reg.reg_no, "set_aside_remanded", dt.date(2026, 12, 3))
    return reg.reg_no


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_every_petition_template_renders_from_the_registry(registry: Registry, decided: str, lang: str,
                                                            tmp_path: Path) -> None:
    for template_id in PER_PETITION:
        data = petition_context(registry, decided, template_id, lang, consultant="Иванова Мария Петровна",
                                today=dt.date(2026, 12, 4))
        with pytest.raises(TemplateDataError) if template_id in USER else _nothing() as refused:
            render(template_id, lang, data, tmp_path / f"{template_id}.docx")
        if refused is not None:
            assert refused.value.missing == list(USER[template_id])  # exactly what a person must decide
        written = render(template_id, lang, {**data, **USER.get(template_id, {})}, tmp_path / f"{template_id}.docx")
        text = "\n".join(p.text for p in Document(str(written)).paragraphs)
        assert "{{" not in text and "{%" not in text
    memo = petition_context(registry, decided, "judge_memo", lang, consultant="X")
    assert memo["case_no"] == "7517-24-00-2/8841" and memo["category"] == "LOAN"
    assert [a["kind"] for a in memo["acts"]] == ["decision", "resolution"]
    assert memo["acts"][0]["court"] == ("Медеуский районный суд г. Алматы" if lang == "ru"
                                        else "Алматы қаласы Медеу аудандық соты")
    assert memo["judge"] and {c["status"] for c in memo["checks"]} <= {"pass", "fail", "unknown"}
    notice = petition_context(registry, decided, "hearing_notice", lang)
    assert (notice["hearing_date"], notice["hearing_time"], notice["online"]) == (dt.date(2026, 12, 3), "10:00", True)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def test_cli_drafts_and_records_documents(registry: Registry, decided: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KENESSHI_DB_URL", registry.url)
    monkeypatch.setenv("KENESSHI_HOME", str(tmp_path / "home"))
    (tmp_path / "user.json").write_text(json.dumps({"volumes": 3}), encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(cli, ["render", "case_return_letter", "--lang", "ru", "--petition", decided,
                                  "--out", str(tmp_path / "r.docx")])
    assert refused.exit_code == 1 and "volumes" in refused.output and not (tmp_path / "r.docx").exists()
    ok = runner.invoke(cli, ["render", "case_return_letter", "--lang", "kk", "--petition", decided, "--data",
                             str(tmp_path / "user.json"), "--out", str(tmp_path / "r.docx"), "--by", "aliya",
                             "--consultant", "Иванова Мария Петровна"])
    assert ok.exit_code == 0, ok.output
    assert [d.template_id for d in registry.petition(decided).documents] == ["case_return_letter"]
    listing = json.loads(runner.invoke(cli, ["templates", "--json"]).stdout)
    assert {t["id"] for t in listing} >= set(PER_PETITION) | {"press_release", "practice_review", "statistics_report"}
    assert all(set(t) == {"id", "title", "langs", "fields"} and set(t["title"]) == {"kk", "ru"} for t in listing)
    unknown = runner.invoke(cli, ["render", "nope", "--lang", "ru", "--out", str(tmp_path / "x.docx")])
    assert unknown.exit_code == 2


def test_press_release_review_and_stats_from_demo_data(registry: Registry, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    seed_demo(registry, petitions=60, today=dt.date(2026, 11, 22), seed=3)
    monkeypatch.setenv("KENESSHI_DB_URL", registry.url)
    monkeypatch.setenv("KENESSHI_HOME", str(tmp_path / "home"))
    runner = CliRunner()
    for args in (["press-release", "--week", "2026-W40", "--lang", "kk", "--out", str(tmp_path / "p.docx")],
                 ["review", "--from", "2026-01-01", "--to", "2026-10-31", "--lang", "ru", "--out",
                  str(tmp_path / "r.docx")],
                 ["stats", "--period", "2026-H1", "--lang", "kk", "--out", str(tmp_path / "s.docx")],
                 ["stats", "--period", "2026", "--out", str(tmp_path / "s.xlsx")]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, (args, result.output)
    review_text = "\n".join(p.text for p in Document(str(tmp_path / "r.docx")).paragraphs)
    assert "{{" not in review_text and len(Document(str(tmp_path / "r.docx")).inline_shapes) == 3  # three charts
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "s.xlsx").sheetnames
    bad = runner.invoke(cli, ["stats", "--period", "2026", "--out", str(tmp_path / "s.csv")])
    assert bad.exit_code == 2
