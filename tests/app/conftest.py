"""Fixtures of the app tests: a private KENESSHI_HOME with a small demo registry, and AppTest runners.

The demo registry (40 petitions over the last year) is seeded once per test session into a template SQLite
file and copied for every test, so each test starts from the same registry in a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.registry.db import dispose_engines
from assistant.registry.demo import seed_demo
from assistant.registry.service import Registry

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = {"intake": "app.py", "petition": "pages/2_petition.py", "registry": "pages/3_registry.py",
         "press": "pages/4_press_release.py", "analytics": "pages/5_analytics.py", "settings": "pages/6_settings.py"}
DEMO_PETITIONS = 40
TODAY = dt.date.today()
TIMEOUT_S = 120


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite registry with the demo roster and DEMO_PETITIONS petitions, seeded once per session."""
    path = tmp_path_factory.mktemp("demo") / "kenesshi.sqlite3"
    registry = Registry(f"sqlite:///{path}")
    registry.init()
    seed_demo(registry, petitions=DEMO_PETITIONS, today=TODAY)
    dispose_engines()  # closes the connections: the WAL is checkpointed into the file we copy
    return path


@pytest.fixture
def app_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_db: Path) -> Iterator[Registry]:
    """KENESSHI_HOME and KENESSHI_DB_URL in a private folder holding a copy of the demo registry."""
    home = tmp_path / "home"
    home.mkdir()
    db = home / "kenesshi.sqlite3"
    shutil.copyfile(demo_db, db)
    url = f"sqlite:///{db}"
    monkeypatch.setenv("KENESSHI_HOME", str(home))
    monkeypatch.setenv("KENESSHI_DB_URL", url)
    monkeypatch.setenv("KENESSHI_OCR", "off")
    monkeypatch.setenv("KENESSHI_JOBS", "0")  # files read in-process: no worker start-up per upload
    monkeypatch.setenv("KENESSHI_LANG", "ru")
    monkeypatch.chdir(ROOT)  # no stray .env from elsewhere; .streamlit/config.toml of the project
    yield Registry(url)
    dispose_engines()


@pytest.fixture
def open_page(app_env: Registry) -> Callable[..., AppTest]:
    """Run a page of the app (by its key in PAGES) in `lang`, with optional query parameters."""

    def run(page: str, lang: str = "ru", **query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
        at.session_state["lang"] = lang
        at.query_params.update(query)
        if page != "intake":
            at.switch_page(PAGES[page])
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run
