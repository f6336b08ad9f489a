"""The `kenesshi` command: output per file, exit statuses, languages of messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from tests import factories as f

KEYS_OK = {"path", "sha256", "pages", "lang", "method", "text", "warnings"}


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("KENESSHI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KENESSHI_OCR", "off")
    monkeypatch.setenv("KENESSHI_JOBS", "1")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _intake(tmp_path: Path) -> Path:
    d = tmp_path / "intake"
    d.mkdir()
    f.write_text_pdf(d / "a.pdf", f.RU_PAGES)
    f.write_docx(d / "b.docx", f.KK_PAGES)
    return d


def test_json_lines_and_exit_0(env):
    d = _intake(env)
    result = CliRunner().invoke(cli, ["extract", str(d), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [set(r) for r in rows] == [KEYS_OK, KEYS_OK]
    assert [(r["lang"], r["pages"], r["method"]) for r in rows] == [("ru", 2, "pdf-text"), ("kk", 1, "docx")]


def test_some_failed_exit_3_all_processed(env):
    d = _intake(env)
    (d / "c.pdf").write_bytes(b"%PDF-1.7 broken")
    result = CliRunner().invoke(cli, ["extract", str(d), str(env / "missing.docx"), "--json"])
    assert result.exit_code == 3
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    errors = {Path(r["path"]).name: r["error"]["code"] for r in rows if "error" in r}
    assert errors == {"c.pdf": "corrupt_pdf", "missing.docx": "file_missing"}
    assert all(set(r["error"]) == {"code", "message"} for r in rows if "error" in r)


@pytest.mark.parametrize(("lang", "word"), [("ru", "пуст"), ("kk", "бос")])
def test_human_output_in_both_languages(env, lang, word):
    (env / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", str(env / "empty.txt"), "--lang", lang])
    assert result.exit_code == 3
    assert "[empty_file]" in result.stdout and word in result.stdout


def test_wrong_usage_exit_2(env):
    runner = CliRunner()
    assert runner.invoke(cli, ["extract"]).exit_code == 2
    assert runner.invoke(cli, ["extract", "x.pdf", "--jobs", "-1"]).exit_code == 2
    assert runner.invoke(cli, ["extract", "x.pdf", "--lang", "en"]).exit_code == 2
    empty_dir = env / "nothing"
    empty_dir.mkdir()
    assert runner.invoke(cli, ["extract", str(empty_dir)]).exit_code == 2


def test_console_script_end_to_end(env):
    """The installed `kenesshi` entry point, in a real process with worker processes."""
    d = _intake(env)
    (d / "bad.docx").write_bytes(b"PK\x03\x04 not really")
    exe = Path(sys.executable).parent / "kenesshi"
    proc = subprocess.run([str(exe), "extract", str(d), "--json", "--jobs", "2"], capture_output=True,
                          text=True, env=os.environ.copy(), timeout=300)
    assert proc.returncode == 3, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [Path(r["path"]).name for r in rows] == ["a.pdf", "b.docx", "bad.docx"]
    assert rows[2]["error"]["code"] == "corrupt_docx"


def test_config_command(env):
    result = CliRunner().invoke(cli, ["config"])
    assert result.exit_code == 0
    assert str(env / "home") in result.stdout and "sqlite:///" in result.stdout


def test_odd_file_names_and_party_names(env):
    d = env / "intake «2025» & <копии>"
    d.mkdir()
    name = "Жалоба ТОО «Алтын & Ко» <копия> ‘Әділет’ 🙂.docx"
    f.write_docx(d / name, ["Истец: ТОО «Алтын & Ко» <филиал>", *f.RU_PAGES])
    result = CliRunner().invoke(cli, ["extract", str(d), "--json"])
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert Path(row["path"]).name == name
    assert "ТОО «Алтын & Ко» <филиал>" in row["text"]
