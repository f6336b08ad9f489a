"""The Streamlit app, driven in-process with streamlit.testing (a browser test comes with the app issue)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    monkeypatch.setenv("KENESSHI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KENESSHI_OCR", "off")


@pytest.mark.parametrize(("lang", "title"), [("kk", "Құжаттарды қабылдау"), ("ru", "Приём документов")])
def test_app_starts_in_both_languages(app_env, lang, title):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    at.sidebar.radio[0].set_value(lang).run()
    assert not at.exception
    assert [h.value for h in at.header] == [title]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_upload_shows_text_language_suggestion_and_errors(app_env, tmp_path, lang):
    from tests import factories as f

    docx = f.write_docx(tmp_path / "шағым.docx", f.KK_PAGES).read_bytes()
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.sidebar.radio[0].set_value(lang).run()
    uploader = at.file_uploader[0]
    uploader.upload("шағым.docx", docx)
    uploader.upload("broken.pdf", b"%PDF-1.4 broken")
    at.run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "broken.pdf" in errors[0] and "corrupt_pdf" in errors[0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[{"kk": "Тіл", "ru": "Язык"}[lang]] == {"kk": "қазақ тілі", "ru": "казахский"}[lang]
    assert {"kk": "Санат (ұсыныс)", "ru": "Категория (предложение)"}[lang] in metrics
    assert any("Жұмабеков" in a.value for a in at.text_area)
    masked = [a.value for a in at.text_area if "[ЖСН]" in a.value or "[ИИН]" in a.value]
    assert masked and all("900101300007" not in m for m in masked)
    assert any(("карточкасы" in m.value or "Карточка" in m.value) for m in at.markdown)
