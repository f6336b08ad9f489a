"""Connections to the registry database: a SQLite file by default, PostgreSQL through `KENESSHI_DB_URL`.

SQLite runs in WAL mode with foreign keys on; a write transaction starts with BEGIN IMMEDIATE so that two
processes registering at once queue on the lock (busy timeout) instead of failing on a lock upgrade. On
PostgreSQL the numbering counter row is locked first in every registration, which orders writers the same way.
Transient conflicts (a lock timeout, a deadlock, a serialization failure) are retried, never shown to the user.
"""

from __future__ import annotations

import contextvars
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
_immediate: contextvars.ContextVar[bool] = contextvars.ContextVar("sqlite_immediate", default=False)
_engines: dict[tuple[int, str], Engine] = {}
SQLITE_BUSY_TIMEOUT_MS = 60_000
RETRIES = 20


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def get_engine(url: str) -> Engine:
    """One engine per database URL and process (engines must not cross a fork)."""
    key = (os.getpid(), url)
    if key not in _engines:
        _engines[key] = _create_engine(url)
    return _engines[key]


def dispose_engines() -> None:
    for key in [k for k in _engines if k[0] == os.getpid()]:
        _engines.pop(key).dispose()


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, future=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event below emit BEGIN itself (pysqlite's own handling defers it wrongly).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _immediate.get() else "BEGIN")

    return engine


def session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(get_engine(url), expire_on_commit=False)


@contextmanager
def read_session(url: str) -> Iterator[Session]:
    with session_factory(url)() as session:
        yield session


@contextmanager
def write_session(url: str) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back (nothing written) when it raises."""
    token = _immediate.set(True)
    try:
        with session_factory(url)() as session, session.begin():
            yield session
    finally:
        _immediate.reset(token)


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError) and "locked" in str(exc).lower():
        return True
    if isinstance(exc, DBAPIError):
        code = getattr(getattr(exc, "orig", None), "sqlstate", None)
        return code in ("40001", "40P01", "55P03")  # serialization failure, deadlock, lock not available
    return False


def in_transaction(url: str, work: Callable[[Session], T], retries: int = RETRIES) -> T:
    """Run `work` in one write transaction, retrying it from the start on transient lock conflicts."""
    for attempt in range(retries):
        try:
            with write_session(url) as session:
                return work(session)
        except DBAPIError as exc:
            if not _transient(exc) or attempt == retries - 1:
                raise
            time.sleep(min(2.0, 0.02 * 2**attempt) * random.random())
    raise AssertionError("unreachable")
