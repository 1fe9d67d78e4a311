from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from wijkteam.store.models.base import RecordMixin


def stamp_records(session: Session, now: datetime) -> None:
    """Set created_at/updated_at from the store's clock (not the database's), so tests
    and the incremental sync agree on what "changed since" means."""
    for obj in session.new:
        if isinstance(obj, RecordMixin):
            if obj.created_at is None:
                obj.created_at = now
            obj.updated_at = now
    for obj in session.dirty:
        if isinstance(obj, RecordMixin) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now
