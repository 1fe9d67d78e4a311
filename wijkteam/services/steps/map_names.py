"""Names of sociale-kaart entries that steps link to."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.store.models import SocialMapEntry


def map_entry_names(session: Session, ids: Iterable[int | None]) -> dict[int | None, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(
        session.execute(
            select(SocialMapEntry.id, SocialMapEntry.name).where(SocialMapEntry.id.in_(wanted))
        ).all()
    )
