"""Every registry test runs twice: on a SQLite file and on PostgreSQL (KENESSHI_TEST_PG_URL, set by
`make test` from scripts/install-test-deps.sh). Each PostgreSQL test gets its own schema, dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from assistant.registry.db import dispose_engines
from assistant.registry.reference import load_roster
from assistant.registry.service import Registry
from tests.conftest import REQUIRE_SYSTEM_DEPS

PG_URL = os.environ.get("KENESSHI_TEST_PG_URL", "")


def _pg_available() -> str | None:
    if not PG_URL:
        return "KENESSHI_TEST_PG_URL is not set (make test starts PostgreSQL and sets it)"
    try:
        with create_engine(PG_URL).connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means: no server to test against
        return f"PostgreSQL at {PG_URL} unreachable: {exc.__class__.__name__}"
    return None


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.sqlite3'}"
        dispose_engines()
        return
    problem = _pg_available()
    if problem:
        if REQUIRE_SYSTEM_DEPS:
            pytest.fail(f"PostgreSQL is required (KENESSHI_REQUIRE_SYSTEM_DEPS=1): {problem}")
        pytest.skip(problem)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    dispose_engines()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def registry(db_url: str) -> Registry:
    r = Registry(db_url)
    r.init()
    r.upsert_judges(load_roster())
    return r


@pytest.fixture
def fresh_url(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> Iterator[str]:
    """Another empty database of the same kind as `db_url` (restore targets)."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    yield make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False)
    dispose_engines()
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()
