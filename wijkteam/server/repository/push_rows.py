"""The rows of one accepted push, written in one statement whatever the batch size.

The push row, its operations and records (as arrays, `unnest`) and the device's new head go
in as one statement of data-modifying parts: its text is the same for every batch, so it is
compiled once and PostgreSQL gets one round trip, where per-row ORM objects and a multi-row
VALUES list (a new statement per batch size) cost the server process most of a push's CPU.
The caller holds the device row's lock (taken first) and rolls back if fewer records were
written than operations sent.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session


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
    pushed AS (
        INSERT INTO pushes (team_id, device_id, head) VALUES (:team, :device, :head)
        RETURNING id
    ),
    ops AS (
        INSERT INTO operations (op_id, team_id, device_id, seq, push_id, kind, uuid, version)
        SELECT op_id, :team, :device, :first_seq + n - 1, (SELECT id FROM pushed), kind, uuid,
               version
        FROM batch
    ),
    recs AS (
        INSERT INTO records
            (team_id, kind, uuid, version, key_epoch, tombstone, ciphertext, device_id)
        SELECT :team, kind, uuid, version, epoch, tombstone, ciphertext, :device FROM batch
        ON CONFLICT DO NOTHING
        RETURNING 1
    ),
    head AS (
        UPDATE devices SET head_seq = :first_seq + cardinality(CAST(:op_ids AS uuid[])) - 1,
                           head_chain = :chain
        WHERE id = :device
    )
    SELECT (SELECT id FROM pushed) AS push_id, (SELECT count(*) FROM recs) AS written
    """
)


def write(
    session: Session,
    team_id: uuid.UUID,
    device_id: uuid.UUID,
    head: dict[str, Any],
    first_seq: int,
    ops: Sequence[Row],
) -> tuple[int, int]:
    """The push (with the signed `head`), its operations numbered from `first_seq`, their
    records, and the device's head moved to the last operation and head["chain"]. Answers
    (push id, records written): fewer records than ops if another push took one of these
    versions meanwhile."""
    found = session.execute(
        _ROWS,
        {
            "team": team_id,
            "device": device_id,
            "head": json.dumps(head),
            "chain": str(head["chain"]),
            "first_seq": first_seq,
            "op_ids": [op.op_id for op in ops],
            "kinds": [op.kind for op in ops],
            "uuids": [op.uuid for op in ops],
            "versions": [op.version for op in ops],
            "epochs": [op.epoch for op in ops],
            "tombstones": [op.tombstone for op in ops],
            "ciphertexts": [op.ciphertext for op in ops],
        },
    ).one()
    return int(found.push_id), int(found.written)
