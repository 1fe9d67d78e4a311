"""What records a database holds, per table: how many rows and which UUIDs.

Frozen beside each release's store fixture (packaging/freeze_release_store.py) and compared
after the current version has opened and migrated that store: every record must still be
there. It reads through SQLAlchemy's inspector, so the same manifest works for the team
server's PostgreSQL database. The search index (derived from the residents) and Alembic's
bookkeeping are left out; nothing personal is in a manifest (UUIDs are random).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from wijkteam.store.search_index import is_search_index

FORMAT = 1
SKIPPED_TABLES = {"alembic_version"}


def record_manifest(connection: Connection) -> dict[str, Any]:
    inspector = inspect(connection)
    tables: dict[str, Any] = {}
    for name in sorted(inspector.get_table_names()):
        if name in SKIPPED_TABLES or name.startswith("sqlite_") or is_search_index(name):
            continue
        quoted = connection.dialect.identifier_preparer.quote(name)
        count = connection.execute(text(f"SELECT count(*) FROM {quoted}")).scalar_one()
        entry: dict[str, Any] = {"count": int(count)}
        if "uuid" in {column["name"] for column in inspector.get_columns(name)}:
            uuids = connection.execute(text(f"SELECT uuid FROM {quoted}")).scalars()
            entry["uuids"] = sorted(_uuid_text(value) for value in uuids)
        tables[name] = entry
    return {"format": FORMAT, "revision": _revision(connection, inspector), "tables": tables}


# Tables a migration replaced, with the table that holds their rows now (same count).
RENAMED = {
    "sync_batch_report": "sync_batch_case",  # 0012: by melding UUID
    "removed_case_figure": "case_fact",  # 0015: each counted case one fact (at least as many)
}
# Replaced tables whose rows got new keys: counted, not matched by UUID (0015: an aggregate
# row's UUID became one case_fact per melding, keyed by the melding's UUID).
REKEYED = {"removed_case_figure"}
# Tables whose rows a migration divided among several (counted together).
SPLIT = {"setting": ("setting", "team_setting")}  # 0015: the team's settings are team records


def missing_records(frozen: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What the frozen manifest has that `now` lacks (tables, rows or UUIDs), in words for
    a test's message; empty when every record is still there."""
    problems = []
    for table, before in frozen["tables"].items():
        after = (
            now["tables"].get(RENAMED.get(table, table))
            if table not in now["tables"]
            else now["tables"][table]
        )
        if after is None:
            problems.append(f"table {table} is gone")
            continue
        if table in SPLIT:
            parts = [now["tables"].get(name, {"count": 0}) for name in SPLIT[table]]
            after = {**after, "count": sum(part["count"] for part in parts)}
        if after["count"] < before["count"]:
            problems.append(f"{table}: {before['count']} rows before, {after['count']} now")
        if table in REKEYED and table not in now["tables"]:
            continue
        lost = set(before.get("uuids", ())) - set(after.get("uuids", ()))
        if lost:
            problems.append(f"{table}: {len(lost)} UUIDs lost, e.g. {sorted(lost)[0]}")
    return problems


def _uuid_text(value: Any) -> str:
    """SQLite keeps a UUID as 32 hex digits, PostgreSQL as a uuid: one spelling for both."""
    return str(value).replace("-", "").lower()


def _revision(connection: Connection, inspector: Any) -> str | None:
    if "alembic_version" not in inspector.get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
