"""The municipality's records as team records (DESIGN.md §11 "The municipality"): how two
laptops' versions of one ledger row or batch are settled without asking a member, and what a
batch that arrived from the team means for this laptop's meldingen.

A ledger row or a batch is written by the one laptop that pushes for the team; two versions
meet only around a hand-over. They are settled as a whole (a ledger row's state, server URL
and reason belong together), never field by field, and never become a conflict to settle:
- a ledger row the server has ('created') beats one it may not have; otherwise the newest;
- an acknowledged batch beats a partly acknowledged one beats one still open; between two
  acknowledgements the first stays.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from wijkteam.domain.sync import BatchState, RemoteState
from wijkteam.store.models import Report, SyncBatch, SyncBatchCase, SyncRemote

Body = dict[str, Any]
_BATCH_RANK = {BatchState.CREATED: 0, BatchState.PARTIAL: 1, BatchState.ACKNOWLEDGED: 2}
_CHUNK = 500


def settle_ledger(_base: Body | None, mine: Body, theirs: Body) -> Body:
    mine_there = mine.get("state") == RemoteState.CREATED.value
    theirs_there = theirs.get("state") == RemoteState.CREATED.value
    if mine_there != theirs_there:
        return mine if mine_there else theirs
    return (
        mine if str(mine.get("changed_at") or "") >= str(theirs.get("changed_at") or "") else theirs
    )


def settle_batch(_base: Body | None, mine: Body, theirs: Body) -> Body:
    rank_mine = _BATCH_RANK.get(_state(mine), 0)
    rank_theirs = _BATCH_RANK.get(_state(theirs), 0)
    if rank_mine != rank_theirs:
        return mine if rank_mine > rank_theirs else theirs
    at_mine, at_theirs = mine.get("acknowledged_at"), theirs.get("acknowledged_at")
    if at_mine and at_theirs and str(at_theirs) < str(at_mine):
        return theirs
    return mine


def _state(body: Body) -> BatchState | None:
    try:
        return BatchState(body.get("state"))
    except ValueError:
        return None


def stamp_cases(session: Session, batches: Iterable[uuid.UUID]) -> None:
    """After batches arrived from the team: each melding they carried is acknowledged as of
    the latest acknowledgement of a batch that carried it, unless the municipality still
    lacks something of it (a ledger row not 'created'), as on the laptop that pushed."""
    wanted = sorted(set(batches))
    cases: set[uuid.UUID] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        cases.update(
            session.scalars(
                select(SyncBatchCase.case_uuid).where(SyncBatchCase.batch_uuid.in_(chunk))
            )
        )
    ordered = sorted(cases)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        latest = dict(
            session.execute(
                select(SyncBatchCase.case_uuid, func.max(SyncBatch.acknowledged_at))
                .join(SyncBatch, SyncBatch.uuid == SyncBatchCase.batch_uuid)
                .where(
                    SyncBatchCase.case_uuid.in_(chunk),
                    SyncBatch.state.in_((BatchState.ACKNOWLEDGED, BatchState.PARTIAL)),
                )
                .group_by(SyncBatchCase.case_uuid)
            ).all()
        )
        missing = set(
            session.scalars(
                select(SyncRemote.case_uuid).where(
                    SyncRemote.case_uuid.in_(chunk), SyncRemote.state != RemoteState.CREATED
                )
            )
        )
        by_moment: dict[datetime | None, list[uuid.UUID]] = defaultdict(list)
        for case in chunk:
            by_moment[None if case in missing else latest.get(case)].append(case)
        for at, same in by_moment.items():
            session.execute(
                update(Report)
                .where(Report.uuid.in_(same))
                .values(sync_acknowledged_at=at)
                .execution_options(synchronize_session=False)
            )
