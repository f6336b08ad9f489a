"""`kenesshi db|register|report|deadlines|corrections|judges` on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.registry.backup import dump_rows
from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_url: str) -> Path:
    monkeypatch.setenv("KENESSHI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KENESSHI_DB_URL", db_url)
    monkeypatch.setenv("KENESSHI_OCR", "off")
    monkeypatch.setenv("KENESSHI_JOBS", "1")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def dev_doc(category: str, lang: str) -> str:
    with open(ROOT / "corpus" / "dev.jsonl", encoding="utf-8") as fh:
        return next(d["text"] for d in map(json.loads, fh) if d["category"] == category and d["lang"] == lang)


def test_register_files_idempotently_with_failures_reported_per_file(env: Path) -> None:
    intake = env / "intake"
    intake.mkdir()
    f.write_text_pdf(intake / "a.pdf", [dev_doc("LABOUR", "ru")])
    f.write_text_pdf(intake / "b.pdf", [dev_doc("FAMILY", "kk")])
    (intake / "c.pdf").write_bytes(b"%PDF-1.7 broken")
    run("judges", "import")
    result = CliRunner().invoke(cli, ["register", str(intake), "--json", "--received", "2026-11-02"])
    assert result.exit_code == 3, result.output
    rows = {Path(r["path"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert rows["c.pdf"]["error"]["code"] == "corrupt_pdf"
    assert (rows["a.pdf"]["category"], rows["a.pdf"]["judge"], rows["a.pdf"]["status"]) == ("LABOUR", "j04", "assigned")
    assert (rows["b.pdf"]["category"], rows["b.pdf"]["judge"]) == ("FAMILY", "j10")
    again = CliRunner().invoke(cli, ["register", str(intake / "a.pdf"), "--json"])
    row = json.loads(again.stdout)
    assert again.exit_code == 0 and row["reg_no"] == rows["a.pdf"]["reg_no"] and row["created"] is False
    human = run("register", str(intake / "b.pdf"), "--lang", "kk")
    assert rows["b.pdf"]["reg_no"] in human and "судьяға бөлінді" in human


def test_demo_reports_deadlines_corrections_backup_restore(env: Path, fresh_url: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    run("db", "init")
    assert "petitions 40" in run("db", "demo", "--petitions", "40", "--today", "2026-11-22")
    assert CliRunner().invoke(cli, ["db", "demo"]).exit_code == 1  # never into a filled registry
    ru = run("report", "movement", "--period", "2026-Q4")
    kk = run("report", "movement", "--period", "2026-Q4", "--lang", "kk")
    assert "Остаток на начало" in ru and "Итого по коллегии" in ru
    assert "Кезең басындағы қалдық" in kk and "Алқа бойынша барлығы" in kk
    assert run("report", "movement", "--period", "2026", "--out", str(env / "y.xlsx")).startswith(str(env / "y.xlsx"))
    from openpyxl import load_workbook

    assert load_workbook(env / "y.xlsx").sheetnames == ["Движение", "По регионам", "По категориям"]
    bad = CliRunner().invoke(cli, ["report", "movement", "--period", "2026-13"])
    assert bad.exit_code == 2
    soon = [json.loads(line) for line in run("deadlines", "--due-within", "3650", "--json").splitlines()]
    assert soon and {"reg_no", "deadline", "due", "basis"} <= set(soon[0])
    out = run("corrections", "--out", str(env / "corr.jsonl"))
    rows = [json.loads(line) for line in (env / "corr.jsonl").read_text(encoding="utf-8").splitlines()]
    assert out.strip().endswith(str(len(rows))) and all(r["category"] and r["text"] for r in rows)
    assert "j01" in run("judges", "list")
    run("db", "backup", str(env / "b.kbk"))
    before = dump_rows(os.environ["KENESSHI_DB_URL"])
    monkeypatch.setenv("KENESSHI_DB_URL", fresh_url)
    assert "petitions 40" in run("db", "restore", str(env / "b.kbk"))
    assert dump_rows(fresh_url) == before
