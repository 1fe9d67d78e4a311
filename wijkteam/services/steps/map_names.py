"""Names of sociale-kaart entries that steps link to."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session


def map_entry_names(session: Session, ids: Iterable[int | None]) -> dict[int | None, str]:
    """The names of the given entries. The sociale kaart lives on its own branch until it is
    merged; until then no entry can be linked and there are no names to show."""
    del session, ids
    return {}
