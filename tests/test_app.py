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
