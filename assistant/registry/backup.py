"""Backup and restore of the whole registry as one gzip'd JSON-lines file, database-neutral: a SQLite backup
restores into PostgreSQL and back. Restore goes into an empty registry only (never merges), in one
transaction, and then moves PostgreSQL's id sequences past the restored ids."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, func, select, text

from assistant.registry.db import get_engine, in_transaction
from assistant.registry.models import Base
from assistant.registry.schema import current_revision, head_revision, migrate

FORMAT = "kenesshi-registry-backup/1"


class BackupError(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value


def dump_rows(url: str) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows in primary-key order (what a backup holds; also used to compare registries)."""
    out: dict[str, list[dict[str, Any]]] = {}
    with get_engine(url).connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            out[table.name] = [{k: _encode(v) for k, v in row.items()} for row in rows]
    return out


def backup(url: str, path: Path) -> dict[str, int]:
    """Write the registry to `path` (atomically); returns the row count per table."""
    rows = dump_rows(url)
    tmp = path.with_name(path.name + ".part")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"format": FORMAT, "revision": current_revision(url),
                             "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}) + "\n")
        for table, items in rows.items():
            for item in items:
                fh.write(json.dumps({"t": table, "r": item}, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return {t: len(v) for t, v in rows.items()}


def restore(url: str, path: Path) -> dict[str, int]:
    """Load a backup into the (empty) registry at `url`; returns the row count per table."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            header = json.loads(fh.readline())
            lines = [json.loads(line) for line in fh]
    except (OSError, EOFError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BackupError("not_a_backup", str(exc)) from exc
    if header.get("format") != FORMAT:
        raise BackupError("not_a_backup", f"format {header.get('format')!r}")
    if header.get("revision") != head_revision():
        raise BackupError("revision_mismatch", f"backup {header.get('revision')}, code {head_revision()}")
    migrate(url)
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    by_table: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        by_table.setdefault(line["t"], []).append(_decode(tables[line["t"]], line["r"]))

    def work(s: Any) -> dict[str, int]:
        for table in Base.metadata.sorted_tables:
            if s.scalar(select(func.count()).select_from(table)):
                raise BackupError("registry_not_empty", table.name)
        for table in Base.metadata.sorted_tables:
            if by_table.get(table.name):
                s.execute(table.insert(), by_table[table.name])
        if s.get_bind().dialect.name == "postgresql":
            for table in Base.metadata.sorted_tables:
                if "id" in table.c and table.c.id.autoincrement and by_table.get(table.name):
                    s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                   f"(SELECT MAX(id) FROM {table.name}))"))
        return {name: len(by_table.get(name, [])) for name in tables}

    return in_transaction(url, work)


def _decode(table: Any, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        column_type = table.c[key].type
        if value is not None and isinstance(column_type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(column_type, Date):
            value = dt.date.fromisoformat(value)
        elif value is not None and isinstance(column_type, LargeBinary):
            value = base64.b64decode(value)
        out[key] = value
    return out
