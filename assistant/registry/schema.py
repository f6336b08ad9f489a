"""Creating and upgrading the registry's schema with Alembic, from code (`kenesshi db init|migrate`)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from assistant.registry.db import get_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(url: str) -> str | None:
    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(url: str, revision: str = "head") -> str | None:
    """Upgrade the database at `url` to `revision`; returns the revision it is at afterwards."""
    cfg = alembic_config()
    with get_engine(url).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return current_revision(url)


def is_current(url: str) -> bool:
    return current_revision(url) == head_revision()


def autogenerate(url: str, message: str) -> None:
    """Developer tool: write a new migration from the difference between the models and `url`."""
    cfg = alembic_config()
    with get_engine(url).begin() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message=message, autogenerate=True)
