"""The versions seen (teamsync/versions.py) kept in the store's `team_version` table: read a
page of slots at a time, written as the state is saved (inside the caller's transaction).
Plain Core statements: bookkeeping of the sync, not records to audit or share."""

from __future__ import annotations

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from wijkteam.store.models import TeamVersion
from wijkteam.teamsync.page_book import chunks
from wijkteam.teamsync.versions import Source, Versions

TABLE = TeamVersion.__table__


def table_source(session: Session) -> Source:
    """Reads slots on a connection of their own (committed rows; what this round set and has
    not committed yet is still in the Versions' memory)."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind

    def read(slots: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        with engine.connect() as connection:
            for part in chunks(slots):
                rows = connection.execute(
                    select(TABLE.c.slot, TABLE.c.version).where(TABLE.c.slot.in_(part))
                )
                found.update({slot: version for slot, version in rows})
        return found

    return read


def save_versions(session: Session, versions: Versions) -> None:
    """What changed since the last save, in the caller's transaction (a version never
    goes down, whatever order two saves come in)."""
    if versions.source is None:  # a new device's first save: the table is its store now
        versions.source = table_source(session)
    dirty = versions.take_dirty()
    if not dirty:
        return
    rows = [{"slot": slot, "version": version} for slot, version in dirty.items()]
    statement = insert(TABLE)
    statement = statement.on_conflict_do_update(
        index_elements=[TABLE.c.slot],
        set_={"version": func.max(TABLE.c.version, statement.excluded.version)},
    )
    connection = session.connection()
    for part in chunks(rows):
        connection.execute(statement, list(part))
