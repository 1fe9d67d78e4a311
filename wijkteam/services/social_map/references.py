"""Which records refer to a sociale-kaart entry.

A record that links to an entry (a step, later perhaps a referral) does so through a foreign
key to `social_map_entry.id`, by convention in a column `social_map_entry_id`. The check
below finds every such column among the tables mapped at the time it runs, so a table added
later (with its model imported in wijkteam/store/models) is taken into account without
changing this module; tables that are part of the entry itself are left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Column, exists, select
from sqlalchemy.orm import Session

from wijkteam.store.models import Base, SocialMapEntry
from wijkteam.store.models.social_map import OWNED_BY_ENTRY


def referencing_columns() -> Iterator[Column]:  # type: ignore[type-arg]
    """Columns of mapped tables that hold an entry's id."""
    target = SocialMapEntry.__table__
    for table in Base.metadata.sorted_tables:
        if table.name in OWNED_BY_ENTRY:
            continue
        for foreign_key in table.foreign_keys:
            if foreign_key.column.table is target:
                yield foreign_key.parent


def is_referenced(session: Session, entry_id: int) -> bool:
    return any(
        session.scalar(select(exists().where(column == entry_id)))
        for column in referencing_columns()
    )
