"""The manifest and the templates agree; the reference data behind the templates is well-formed."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
import yaml
from docx import Document

from assistant.config import Settings, load_settings
from assistant.documents.lint import lint_all, lint_template, used_variables
from assistant.documents.manifest import LANGS, load_manifest, parse_manifest, templates_dir
from assistant.documents.reference import return_grounds

MANIFEST = load_manifest()
REQUIRED_TEMPLATES = {"return_complaint", "case_file_request", "hearing_notice", "ruling_cover_letter",
                      "case_return_letter", "judge_memo", "press_release", "practice_review", "statistics_report"}


def test_every_required_template_exists_in_both_languages():
    assert set(MANIFEST.templates) >= REQUIRED_TEMPLATES
    for spec in MANIFEST.templates.values():
        for lang in LANGS:
            assert spec.path(lang).is_file(), spec.path(lang)
        assert spec.regime in ("pre", "post", "both")


@pytest.mark.parametrize(("template_id", "lang"), [(t, lang) for t in MANIFEST.templates for lang in LANGS])
def test_template_agrees_with_the_manifest(template_id, lang):
    """Every name the .docx uses is declared; every required field is used (docxtpl's variable scan)."""
    assert lint_template(MANIFEST, template_id, lang) == []


def test_fields_have_labels_and_sources_in_both_languages():
    for spec in MANIFEST.templates.values():
        assert set(spec.title) == {"kk", "ru"}
        for f in spec.fields.values():
            assert f.label.get("kk") and f.label.get("ru"), (spec.id, f.name)
            assert f.source, (spec.id, f.name)


def test_statistics_report_also_comes_as_xlsx():
    assert "xlsx" in MANIFEST.template("statistics_report").formats


def test_the_linter_catches_undeclared_and_unused_fields(tmp_path):
    base = tmp_path / "templates"
    data = yaml.safe_load((MANIFEST.directory / "manifest.yaml").read_text(encoding="utf-8"))
    data["templates"] = {"probe": {"title": {"kk": "С", "ru": "П"},
                                   "fields": {"name": {"type": "str", "required": True},
                                              "unused": {"type": "date", "required": True}}}}
    base.mkdir()
    (base / "manifest.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for lang in LANGS:
        (base / lang).mkdir()
        doc = Document()
        doc.add_paragraph("{{ name }} {{ surprise }} {{ court.name }} {% for x in items %}{{ x }}{% endfor %}")
        doc.save(base / lang / "probe.docx")
    manifest = load_manifest(base)
    assert used_variables(manifest, "probe", "ru") == {"name", "surprise", "court", "items"}
    problems = {(p.kind, p.detail) for p in lint_template(manifest, "probe", "kk")}
    assert problems == {("undeclared", "items"), ("undeclared", "surprise"), ("unused_required", "unused")}
    (base / "ru" / "probe.docx").unlink()
    assert [p.kind for p in lint_all(manifest) if p.lang == "ru"] == ["missing_file"]


def _raw() -> dict:
    return copy.deepcopy(yaml.safe_load((MANIFEST.directory / "manifest.yaml").read_text(encoding="utf-8")))


@pytest.mark.parametrize("change", [
    lambda d: d["templates"]["judge_memo"]["fields"]["claim"].update(type="currency"),
    lambda d: d["templates"]["judge_memo"]["fields"]["checks"].pop("items"),
    lambda d: d["templates"]["hearing_notice"]["fields"]["video_link"].update(required_if="hall"),
    lambda d: d["templates"]["judge_memo"].update(regime="sometimes"),
    lambda d: d["templates"]["judge_memo"]["title"].pop("kk"),
    lambda d: d["templates"]["judge_memo"].update(groups=["nonexistent"]),
    lambda d: d["templates"]["judge_memo"]["fields"].update(court={"type": "str"}),
    lambda d: d["regimes"].update(reform_date="soon"),
])
def test_a_broken_manifest_is_refused(change):
    data = _raw()
    change(data)
    with pytest.raises(ValueError):
        parse_manifest(data, MANIFEST.directory)


def test_regime_terms_and_reform_date():
    assert MANIFEST.reform_date == dt.date(2025, 7, 1)
    assert MANIFEST.terms("pre", "ru")["filing_nom"] == "кассационное ходатайство"
    assert MANIFEST.terms("post", "kk")["filing_nom"] == "кассациялық шағым"
    assert set(MANIFEST.terms("pre", "ru")) == set(MANIFEST.terms("post", "ru"))
    assert set(MANIFEST.terms("pre", "kk")) == set(MANIFEST.terms("post", "kk"))


def test_templates_dir_setting(tmp_path):
    assert templates_dir(None) == Path(__file__).resolve().parents[2] / "templates"
    assert templates_dir(Settings(home=tmp_path, templates_dir=str(tmp_path))) == tmp_path
    env = {"KENESSHI_HOME": str(tmp_path), "KENESSHI_TEMPLATES_DIR": "/srv/templates",
           "KENESSHI_COURT_PHONE": "8 (7172) 00-00-00"}
    settings = load_settings(env, dotenv_path=None)
    assert settings.templates_dir == "/srv/templates" and settings.court_phone == "8 (7172) 00-00-00"
    assert settings.court_name_kk == "Азаматтық істер жөніндегі кассациялық сот"


def test_return_grounds_mark_what_is_unverified():
    grounds = return_grounds()
    assert len(grounds) >= 8
    for g in grounds.values():
        assert g.ru and g.kk
        for regime in ("pre", "post"):
            status = g.basis[regime]["status"]
            assert status.startswith(("[verified", "[unverified", "[partly verified")), (g.id, status)
            assert g.basis_text(regime, "ru") and g.basis_text(regime, "kk")
        # DOMAIN.md §1.3: nothing about the post-reform numbering was verified
        assert not g.verified("post"), g.id
    assert grounds["deadline_missed"].verified("pre")
    assert not grounds["contents"].verified("pre")
    assert grounds["below_threshold"].until == dt.date(2027, 7, 1)
