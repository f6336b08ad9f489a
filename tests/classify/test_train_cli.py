"""Training, evaluation and batch classification from the command line, on small data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from assistant.classify.corpus import read_jsonl, write_jsonl
from assistant.cli import cli
from tests import factories as f

ROOT = Path(__file__).resolve().parent.parent.parent
CATS = ("LOAN", "LABOUR", "FAMILY")


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """15 training documents per category (10 ru, 5 kk) and 4 dev documents, from the shipped corpus."""
    d = tmp_path_factory.mktemp("corpus")
    train = read_jsonl(ROOT / "corpus" / "train.jsonl")
    dev = read_jsonl(ROOT / "corpus" / "dev.jsonl")
    small = [x for c in CATS for lang, n in (("ru", 10), ("kk", 5))
             for x in [t for t in train if t.category == c and t.lang == lang][:n]]
    write_jsonl(small, d / "train.jsonl")
    write_jsonl([x for c in CATS for lang in ("ru", "kk")
                 for x in [t for t in dev if t.category == c and t.lang == lang][:2]], d / "dev.jsonl")
    return d


@pytest.fixture(scope="module")
def trained(small_corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("model")
    result = CliRunner().invoke(cli, ["train", "--corpus", str(small_corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_train_writes_model_card_and_metrics(trained):
    meta = json.loads((trained / "metrics.json").read_text(encoding="utf-8"))
    assert meta["classes"] == sorted(CATS)
    assert set(meta["dev"]) == {"ours", "baseline"}
    assert {"ru", "kk"} <= set(meta["cv"]["per_lang"])
    card = (trained / "card.md").read_text(encoding="utf-8")
    assert "| LOAN | 10 | 5 |" in card
    assert (trained / "confusion_cv.png").exists() and (trained / "confusion_dev.png").exists()


def test_training_with_corrections_reports_the_change(small_corpus, trained, tmp_path):
    train = read_jsonl(small_corpus / "train.jsonl")
    fix = tmp_path / "corrections.jsonl"
    fix.write_text(json.dumps({"id": train[0].id, "text": train[0].text, "category": "FAMILY"},
                              ensure_ascii=False) + "\n" + json.dumps(
        {"id": "consultant-1", "text": "Талап қоюшы алимент өндіруді сұрайды, бала анасымен тұрады.",
         "category": "FAMILY"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    import shutil

    shutil.copytree(trained, out)
    result = CliRunner().invoke(cli, ["train", "--corpus", str(small_corpus), "--out", str(out),
                                      "--corrections", str(fix)])
    assert result.exit_code == 0, result.output
    assert "2 labels changed or added" in result.output
    assert "change against the previous model" in result.output
    meta = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert meta["n_train"] == 46 and meta["corrections"]["changed"] == 2


def test_evaluate_scores_a_labelled_file(small_corpus, trained, tmp_path):
    png = tmp_path / "cm.png"
    result = CliRunner().invoke(cli, ["evaluate", "--data", str(small_corpus / "dev.jsonl"), "--model",
                                      str(trained), "--png", str(png)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output and "ru:" in result.output and "kk:" in result.output
    assert png.stat().st_size > 1000


def test_classify_jsonl(trained, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in
                             enumerate(["Банк взыскал долг по кредиту", "Жұмыстан заңсыз шығарылдым"])),
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["classify", "--jsonl", str(src), "--out", str(out), "--model",
                                      str(trained)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["0", "1"]
    assert {"category", "confidence", "alternatives", "terms", "reason"} <= set(rows[0])


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "jsonl"])
def test_classify_files_reports_failures_and_goes_on(trained, tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("KENESSHI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KENESSHI_OCR", "off")
    d = tmp_path / "intake"
    d.mkdir()
    f.write_docx(d / "a.docx", f.KK_PAGES)
    f.write_text_pdf(d / "b.pdf", f.RU_PAGES)
    (d / "c.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / f"results.{fmt}"
    result = CliRunner().invoke(cli, ["classify", str(d), "--out", str(out), "--model", str(trained),
                                      "--jobs", "0"])
    assert result.exit_code == 3, result.output
    if fmt == "xlsx":
        rows = list(load_workbook(out).active.values)
        header, body = rows[0], rows[1:]
        assert header[0] == "path" and len(body) == 3
        assert body[2][header.index("error_code")] == "corrupt_pdf"
    elif fmt == "csv":
        text = out.read_text(encoding="utf-8-sig")
        assert text.count("\n") == 4 and "corrupt_pdf" in text
    else:
        rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
        assert [("error" in r) for r in rows] == [False, False, True]
        assert rows[0]["lang"] == "kk" and rows[1]["lang"] == "ru"


def test_classify_usage_errors(trained, tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["classify"]).exit_code == 2
    assert runner.invoke(cli, ["classify", "x.pdf", "--out", str(tmp_path / "r.txt")]).exit_code == 2
    bad_model = runner.invoke(cli, ["classify", "--jsonl", __file__, "--model", str(tmp_path)])
    assert bad_model.exit_code != 0 and "kenesshi train" in bad_model.output
