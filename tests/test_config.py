from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import load_settings


def test_defaults_put_the_database_under_the_data_directory(tmp_path):
    s = load_settings({"KENESSHI_HOME": str(tmp_path)}, dotenv_path=None)
    assert s.home == tmp_path
    assert s.db_url == f"sqlite:///{tmp_path / 'kenesshi.sqlite3'}"
    assert (s.max_file_mb, s.max_pages) == (50, 500)


def test_environment_overrides_dotenv(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("KENESSHI_HOME=/from/dotenv\nKENESSHI_MAX_PAGES=7\nKENESSHI_LANG=kk\n")
    s = load_settings({"KENESSHI_MAX_PAGES": "9"}, dotenv_path=env_file)
    assert s.home == Path("/from/dotenv")
    assert s.max_pages == 9
    assert s.lang == "kk"


def test_database_url_is_taken_as_given(tmp_path):
    url = "postgresql+psycopg://kenesshi@localhost/kenesshi"
    assert load_settings({"KENESSHI_HOME": str(tmp_path), "KENESSHI_DB_URL": url}, None).db_url == url


@pytest.mark.parametrize(("name", "value"), [("KENESSHI_LANG", "en"), ("KENESSHI_OCR", "maybe"),
                                             ("KENESSHI_MAX_PAGES", "many")])
def test_bad_values_are_refused(tmp_path, name, value):
    with pytest.raises(ValueError):
        load_settings({"KENESSHI_HOME": str(tmp_path), name: value}, None)
