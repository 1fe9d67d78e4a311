"""What records a team server database holds, per table: how many rows and, where the
primary key has a UUID column, every key. Frozen beside each release's server database
(packaging/freeze_team_server_db.py) and compared, with `wijkteam.store.manifest.missing_records`,
after the current server has migrated a restore of it. Keys are UUIDs, kinds and numbers:
nothing personal, no ciphertext.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Uuid, text
from sqlalchemy.engine import Connection

from wijkteam.server.models import Base

FORMAT = 1


def server_manifest(connection: Connection) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    for table in Base.metadata.sorted_tables:
        count = connection.execute(text(f'SELECT count(*) FROM "{table.name}"')).scalar_one()
        entry: dict[str, Any] = {"count": int(count)}
        key = list(table.primary_key.columns)
        if any(isinstance(column.type, Uuid) for column in key):
            names = ", ".join(f'"{column.name}"::text' for column in key)
            rows = connection.execute(text(f'SELECT {names} FROM "{table.name}"'))
            entry["uuids"] = sorted("/".join(str(value) for value in row) for row in rows)
        tables[table.name] = entry
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return {"format": FORMAT, "revision": revision, "tables": tables}
