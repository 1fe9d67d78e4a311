"""Reading back records by UUID, for an inzage (DESIGN.md §11 "Retention"): a closed case that
left the laptops stays here as ciphertext, and a laptop fetches the newest version of the
records it remembers by kind and UUID. The server learns nothing new: it hands out what it
already stores for this team, to a device of this team."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.orm import Session

from wijkteam.server.models import Record


def newest(session: Session, team_id: uuid.UUID, wanted: list[tuple[str, uuid.UUID]]) -> list[Any]:
    """The newest version of each wanted record of the team (a tombstone if it was erased);
    records the server does not hold are left out."""
    if not wanted:
        return []
    return list(
        session.scalars(
            select(Record)
            .ext(distinct_on(Record.kind, Record.uuid))
            .where(Record.team_id == team_id, tuple_(Record.kind, Record.uuid).in_(wanted))
            .order_by(Record.kind, Record.uuid, Record.version.desc())
        )
    )
