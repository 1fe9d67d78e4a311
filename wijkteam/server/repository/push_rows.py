"""The rows of one accepted push, written in two statements whatever the batch size.

The operations and the records of a batch go in as arrays (`unnest`), in one statement with two
data-modifying parts: the statement text is the same for every batch, so it is compiled once
and PostgreSQL gets one round trip, where per-row ORM objects and a multi-row VALUES list (a
new statement per batch size) cost the server process most of a push's CPU.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from wijkteam.server.models import Push


class Row(Protocol):
    op_id: uuid.UUID
    kind: str
    uuid: uuid.UUID
    epoch: int
    tombstone: bool
    ciphertext: bytes

    @property
    def version(self) -> int: ...


_ROWS = text(
    """
    WITH batch AS (
        SELECT * FROM unnest(
            CAST(:op_ids AS uuid[]), CAST(:kinds AS text[]), CAST(:uuids AS uuid[]),
            CAST(:versions AS integer[]), CAST(:epochs AS integer[]),
            CAST(:tombstones AS boolean[]), CAST(:ciphertexts AS bytea[])
        ) WITH ORDINALITY AS b(op_id, kind, uuid, version, epoch, tombstone, ciphertext, n)
    ),
    ops AS (
        INSERT INTO operations (op_id, team_id, device_id, seq, push_id, kind, uuid, version)
        SELECT op_id, :team, :device, :first_seq + n - 1, :push, kind, uuid, version FROM batch
    ),
    recs AS (
        INSERT INTO records
            (team_id, kind, uuid, version, key_epoch, tombstone, ciphertext, device_id)
        SELECT :team, kind, uuid, version, epoch, tombstone, ciphertext, :device FROM batch
        ON CONFLICT DO NOTHING
        RETURNING 1
    )
    SELECT count(*) FROM recs
    """
)


def new_push(session: Session, team_id: uuid.UUID, device_id: uuid.UUID, head: Any) -> int:
    """The push's row (its place in the pull order is taken last, see clock.py)."""
    values = {"team_id": team_id, "device_id": device_id, "head": json.dumps(head)}
    return int(session.execute(insert(Push).values(values).returning(Push.id)).scalar_one())


def write(
    session: Session,
    team_id: uuid.UUID,
    device_id: uuid.UUID,
    push_id: int,
    first_seq: int,
    ops: Sequence[Row],
) -> int:
    """Operations numbered from `first_seq` and their records; the number of records
    written (fewer than the ops if another push took one of these versions meanwhile)."""
    found = session.execute(
        _ROWS,
        {
            "team": team_id,
            "device": device_id,
            "push": push_id,
            "first_seq": first_seq,
            "op_ids": [op.op_id for op in ops],
            "kinds": [op.kind for op in ops],
            "uuids": [op.uuid for op in ops],
            "versions": [op.version for op in ops],
            "epochs": [op.epoch for op in ops],
            "tombstones": [op.tombstone for op in ops],
            "ciphertexts": [op.ciphertext for op in ops],
        },
    )
    return int(found.scalar_one())
