"""Intake page (app.py): upload, text and language, suggestion, confirm or change the category, register, see the
judge chosen by distribution and why; the language switch is shared by every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.i18n import t
from assistant.registry.db import dispose_engines
from assistant.registry.service import Registry
from tests import factories as f
from tests.app.conftest import APP, PAGES, TIMEOUT_S


def html_text(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def by_label(widgets, label: str):
    found = [w for w in widgets if w.label == label]
    assert found, (label, [w.label for w in widgets])
    return found[0]


@pytest.mark.parametrize(("lang", "title"), [("kk", "Құжаттарды қабылдау"), ("ru", "Приём документов")])
def test_app_starts_and_switches_language(app_env, lang, title):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.run()
    assert not at.exception
    at.sidebar.radio[0].set_value(lang).run()
    assert not at.exception
    assert [h.value for h in at.header] == [title]
    links = [p.label for p in at.sidebar.get("page_link")]
    assert links == [t(f"app.nav.{k}", lang) for k in ("intake", "petition", "registry", "press", "analytics",
                                                        "settings")]


def test_language_is_shared_by_every_page(open_page):
    at = open_page("intake", "kk")
    at.switch_page(PAGES["registry"]).run()
    assert [x.value for x in at.title] == [t("app.registry.title", "kk")]
    at.sidebar.radio[0].set_value("ru").run()
    assert [x.value for x in at.title] == [t("app.registry.title", "ru")]
    at.switch_page(PAGES["settings"]).run()
    assert not at.exception
    assert [x.value for x in at.title] == [t("app.settings.title", "ru")]
    assert at.sidebar.radio[0].value == "ru"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_upload_shows_text_language_suggestion_and_errors(open_page, tmp_path, lang):
    docx = f.write_docx(tmp_path / "шағым.docx", f.KK_PAGES).read_bytes()
    at = open_page("intake", lang)
    uploader = at.file_uploader[0]
    uploader.upload("шағым.docx", docx)
    uploader.upload("broken.pdf", b"%PDF-1.4 broken")
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "broken.pdf" in errors[0] and "corrupt_pdf" in errors[0]
    facts = html_text(at)
    assert t("ui.lang", lang) in facts and {"kk": "қазақ тілі", "ru": "казахский"}[lang] in facts
    assert t("ui.category", lang) in facts
    assert any("Жұмабеков" in a.value for a in at.text_area)
    masked = [a.value for a in at.text_area if "[ЖСН]" in a.value or "[ИИН]" in a.value]
    assert masked and all("900101300007" not in m for m in masked)
    assert any(("карточкасы" in m.value or "Карточка" in m.value) for m in at.markdown)
    assert [p.value for p in at.get("progress")], "a progress bar while the files are read"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_register_with_a_changed_category_shows_the_judge_and_why(open_page, app_env: Registry, tmp_path, lang):
    pdf = f.text_pdf_bytes(f.RU_PAGES)
    at = open_page("intake", lang)
    at.file_uploader[0].upload("жалоба.pdf", pdf)
    at.run()
    assert not at.exception
    choose = by_label(at.selectbox, t("app.intake.choose_category", lang))
    suggested = choose.value
    assert suggested == "LOAN", "the sample complaint is about a loan"
    choose.set_value("CONTRACT")
    by_label(at.button, t("app.intake.register", lang)).click()
    at.run()
    assert not at.exception
    [done] = [s.value for s in at.success]
    reg_no = done.split("№ ")[1].split(" ")[0]
    p = app_env.petition(reg_no)
    assert (p.suggested_category, p.final_category, p.source_name) == ("LOAN", "CONTRACT", "жалоба.pdf")
    assert p.judge is not None
    assert "CONTRACT" in next(j.categories for j in app_env.judges() if j.code == p.judge.code)
    facts = html_text(at)
    assert p.judge.name(lang) in facts and reg_no in facts
    reasons = [m.value for m in at.markdown if t("app.intake.why", lang) in m.value]
    assert reasons and any(t(f"registry.distribution.{r}", lang).split("{")[0][:12] in reasons[0]
                           for r in ("least_open_load", "rotation", "only_candidate"))
    assert any(c["id"] == reg_no for c in app_env.corrections()), "the changed category feeds retraining"
    link = by_label(at.get("page_link"), t("app.intake.open_petition", lang, reg_no=reg_no))
    assert link.proto.page.endswith("petition") or "petition" in link.proto.page

    again = AppTest.from_file(APP, default_timeout=TIMEOUT_S)  # a new session: the same file is not registered twice
    again.session_state["lang"] = lang
    again.run()
    again.file_uploader[0].upload("жалоба-копия.pdf", pdf)
    again.run()
    assert [i.value for i in again.info if reg_no in i.value] == [t("app.intake.already_registered", lang,
                                                                      reg_no=reg_no)]
    assert app_env.count() == 41


def test_unsure_or_missing_category_registers_without_a_judge(open_page, app_env: Registry):
    text = "Прошу рассмотреть моё заявление.\n"
    at = open_page("intake", "ru")
    at.file_uploader[0].upload("short.txt", text.encode("utf-8"))
    at.run()
    assert not at.exception
    choose = by_label(at.selectbox, t("app.intake.choose_category", "ru"))
    assert choose.value is None, "too little text: the consultant has to choose"
    assert any(t("app.intake.unsure", "ru") in h.value for h in at.html)
    by_label(at.button, t("app.intake.register", "ru")).click()
    at.run()
    assert not at.exception
    assert [w.value for w in at.warning if w.value == t("app.intake.no_category", "ru")]
    [done] = [s.value for s in at.success]
    assert app_env.petition(done.split("№ ")[1]).judge is None


def test_test_files_are_real(tmp_path: Path):
    """The factories give a PDF the intake reads (guards the tests above against a broken font path)."""
    assert f.text_pdf_bytes(["тест"]).startswith(b"%PDF")


def test_a_batch_shows_suggestions_first_and_details_on_request(open_page):
    at = open_page("intake", "kk")
    for i in range(4):
        at.file_uploader[0].upload(f"шағым-{i}.txt", ("\n\n".join(f.KK_PAGES) + f"\n{i}").encode("utf-8"))
    at.run()
    assert not at.exception
    assert len(at.toggle) == 4 and len([s for s in at.selectbox if s.label == t("app.intake.choose_category",
                                                                                  "kk")]) == 4
    assert not any("карточкасы" in m.value for m in at.markdown), "cards wait until they are asked for"
    at.toggle[0].set_value(True).run()
    assert not at.exception
    assert any("карточкасы" in m.value or "Карточка" in m.value for m in at.markdown)
    assert [x.label for x in at.tabs][:2] == [t("ui.clean_text", "kk"), t("ui.raw_text", "kk")]


def test_first_start_creates_the_registry_and_seeds_the_demo_once(tmp_path, monkeypatch):
    import assistant.registry.demo as demo

    real_seed = demo.seed_demo
    calls: list[int] = []

    def small_seed(registry, **kwargs):
        calls.append(1)
        return real_seed(registry, petitions=5)

    home = tmp_path / "fresh"
    monkeypatch.setenv("KENESSHI_HOME", str(home))
    monkeypatch.delenv("KENESSHI_DB_URL", raising=False)
    monkeypatch.setenv("KENESSHI_OCR", "off")
    monkeypatch.setattr(demo, "seed_demo", small_seed)
    for _ in range(2):  # two sessions: the demo is seeded by the first only
        at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
        at.run()
        assert not at.exception
    assert calls == [1]
    assert Registry(f"sqlite:///{home / 'kenesshi.sqlite3'}").count() == 5
    dispose_engines()
