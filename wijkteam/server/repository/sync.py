"""Push and pull.

Push is one transaction per batch, all or nothing: operation ids make a retry answer
"already applied"; the device's row lock orders its pushes; the batch must continue the
device's chain (sequence numbers and running hash) and carry the signed head; every record's
base version must be current (else the current versions are answered, nothing is applied).

Pull delivers pushes in commit order, by `pushes.seq`: the last statement of a push takes the
next tick of the team's commit clock (repository/clock.py) and holds that row's lock until the
commit, so within a team a push with a higher seq commits after every lower one and a
transaction that commits late is never skipped. The order is data in the database: no other
database of the cluster holds it back, and a restore into a new cluster keeps it
(docs/team-protocol.md).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text, tuple_
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.orm import Session

from wijkteam.server.errors import ApiError, bad_request, coordinator_only
from wijkteam.server.models import Device, Operation, Record, Team
from wijkteam.server.repository import clock, push_rows
from wijkteam.teamproto.heads import OpDigestInput, extend
from wijkteam.teamproto.records import needs_coordinator


@dataclass(frozen=True)
class OpIn:
    op_id: uuid.UUID
    kind: str
    uuid: uuid.UUID
    base_version: int
    epoch: int
    tombstone: bool
    ciphertext: bytes

    @property
    def version(self) -> int:
        return self.base_version + 1


@dataclass(frozen=True)
class PushOutcome:
    status: str  # "applied" | "duplicate" | "conflict"
    versions: dict[str, int]  # op id -> version
    current: list[dict[str, Any]]  # for conflicts: the current record of each


def _row(record: Record) -> dict[str, Any]:
    return {
        "kind": record.kind,
        "uuid": str(record.uuid),
        "version": record.version,
        "key_epoch": record.key_epoch,
        "tombstone": record.tombstone,
        "ciphertext": record.ciphertext,
        "device": str(record.device_id),
        "stored_at": record.created_at.isoformat() if record.created_at else None,
    }


def push(
    session: Session, device_id: uuid.UUID, role: str, head: dict[str, Any], ops: list[OpIn]
) -> PushOutcome:
    device = session.get(Device, device_id, with_for_update=True)
    if device is None or device.revoked_at is not None:
        raise ApiError(403, "device_revoked")
    ids = [op.op_id for op in ops]
    known = session.execute(
        select(Operation.op_id, Operation.version, Operation.device_id).where(
            Operation.op_id.in_(ids)
        )
    ).all()
    if known:
        if len(known) == len(ops) and all(row.device_id == device_id for row in known):
            return PushOutcome("duplicate", {str(r.op_id): r.version for r in known}, [])
        raise ApiError(409, "batch_mismatch")
    team = session.get(Team, device.team_id, with_for_update=False)
    assert team is not None
    _check_batch(device, role, head, ops, team.current_epoch)
    conflicts = _conflicts(session, device, role, ops)
    if conflicts:
        return PushOutcome("conflict", {}, conflicts)
    first = device.head_seq + 1
    pushed, written = push_rows.write(session, device.team_id, device_id, head, first, ops)
    if written != len(ops):  # another push took one of these versions meanwhile
        session.rollback()
        return PushOutcome("conflict", {}, _conflicts(session, device, role, ops))
    _drop_older(session, device.team_id, [op for op in ops if op.tombstone])
    clock.stamp(session, device.team_id, pushed, team.current_epoch)  # the last step
    return PushOutcome("applied", {str(op.op_id): op.version for op in ops}, [])


# Dropped versions: a tombstone (coordinator-only, _check_batch) drops the ciphertext of every
# older version of its record, keeping the row and the sha256 the device chains hash. A pull
# hands such an op out as dropped, with that digest and the tombstone that justifies it
# (teamsync/verify.py accepts it only if the tombstone opens and carries the coordinator's
# signature).
_DROP = text(
    """
    UPDATE records r
    SET ciphertext_sha256 = sha256(r.ciphertext), ciphertext = NULL
    FROM unnest(CAST(:kinds AS text[]), CAST(:uuids AS uuid[]), CAST(:versions AS int[]))
         AS t(kind, uuid, version)
    WHERE r.team_id = :team AND r.kind = t.kind AND r.uuid = t.uuid
      AND r.version < t.version AND r.ciphertext IS NOT NULL
    """
)


def _drop_older(session: Session, team_id: uuid.UUID, tombstones: list[OpIn]) -> None:
    if tombstones:
        session.execute(
            _DROP,
            {
                "team": team_id,
                "kinds": [op.kind for op in tombstones],
                "uuids": [op.uuid for op in tombstones],
                "versions": [op.version for op in tombstones],
            },
        )


def _check_batch(
    device: Device, role: str, head: dict[str, Any], ops: list[OpIn], epoch: int
) -> None:
    if not ops:
        raise bad_request("operations")
    if len({(op.kind, op.uuid) for op in ops}) != len(ops):
        raise bad_request("operations")
    for op in ops:
        if needs_coordinator(op.kind, op.tombstone) and role != "coordinator":
            raise coordinator_only()
        if op.epoch != epoch:
            raise ApiError(409, "epoch_stale", current_epoch=epoch)
        if op.base_version < 0:
            raise bad_request("base_version")
    try:
        claimed = (str(head["team"]), str(head["device"]), int(head["seq"]), str(head["chain"]))
    except (KeyError, TypeError, ValueError) as error:
        raise bad_request("head") from error
    if claimed[:2] != (str(device.team_id), str(device.id)):
        raise bad_request("head")
    if claimed[2] != device.head_seq + len(ops):
        raise ApiError(409, "out_of_order", expected_seq=device.head_seq + 1)
    chain = device.head_chain
    for op in ops:
        digest = OpDigestInput(
            str(op.op_id), op.kind, str(op.uuid), op.version, op.epoch, op.tombstone, op.ciphertext
        )
        chain = extend(chain, digest)
    if chain != claimed[3]:
        raise ApiError(409, "out_of_order", expected_seq=device.head_seq + 1)


def _conflicts(
    session: Session, device: Device, role: str, ops: list[OpIn]
) -> list[dict[str, Any]]:
    """The ops whose base is not the current version (one query for the whole batch)."""
    keys = [(op.kind, op.uuid) for op in ops]
    current = {
        (r.kind, r.uuid): r
        for r in session.scalars(
            select(Record)
            .ext(distinct_on(Record.kind, Record.uuid))
            .where(Record.team_id == device.team_id, tuple_(Record.kind, Record.uuid).in_(keys))
            .order_by(Record.kind, Record.uuid, Record.version.desc())
        )
    }
    found = []
    for op in ops:
        record = current.get((op.kind, op.uuid))
        version = record.version if record is not None else 0
        erased = record is not None and record.tombstone and role != "coordinator"
        if version != op.base_version or erased:
            found.append(
                {"op_id": str(op.op_id), **(_row(record) if record else {"version": 0})}
                | {"kind": op.kind, "uuid": str(op.uuid)}
            )
    return found


# One page, built as JSON by PostgreSQL itself (a full page is thousands of rows: building it in
# Python costs the server process more than the query). replace(), not translate(), drops the
# base64 line breaks: translate() walks every character and cost ten times more.
_PAGE = text(
    r"""
    SELECT p.seq, json_build_object(
        'device', p.device_id,
        'head', p.head::json,
        'ops', (
            SELECT coalesce(json_agg(json_build_object(
                'op_id', o.op_id, 'seq', o.seq, 'kind', o.kind, 'uuid', o.uuid,
                'version', o.version, 'key_epoch', r.key_epoch, 'tombstone', r.tombstone,
                'ciphertext', replace(encode(r.ciphertext, 'base64'), E'\n', ''),
                'dropped', encode(r.ciphertext_sha256, 'hex'),
                'proof', CASE WHEN r.ciphertext IS NULL AND r.ciphertext_sha256 IS NOT NULL THEN (
                    SELECT json_build_object(
                        'version', t.version, 'key_epoch', t.key_epoch,
                        'ciphertext', replace(encode(t.ciphertext, 'base64'), E'\n', ''))
                    FROM records t
                    WHERE t.team_id = r.team_id AND t.kind = r.kind AND t.uuid = r.uuid
                      AND t.version > r.version AND t.tombstone AND t.ciphertext IS NOT NULL
                    ORDER BY t.version LIMIT 1
                ) END
            ) ORDER BY o.seq), '[]'::json)
            FROM operations o
            LEFT JOIN records r ON r.team_id = o.team_id AND r.kind = o.kind
                               AND r.uuid = o.uuid AND r.version = o.version
            WHERE o.push_id = p.id
        )
    )::text AS body
    FROM pushes p
    WHERE p.team_id = :team AND p.seq > :after
    ORDER BY p.seq
    LIMIT :limit
    """
)

# A cursor handed out before s0002 ("txid:id", the last push delivered in (txid, id) order):
# the pushes up to it are numbered 1..n in that same order, so it stands for the highest.
_LEGACY = text(
    """
    SELECT coalesce(max(seq), 0) FROM pushes
    WHERE team_id = :team AND legacy_txid IS NOT NULL
      AND (legacy_txid, id) <= (CAST(:txid AS xid8), :id)
    """
)


def parse_cursor(session: Session, team_id: uuid.UUID, cursor: str) -> int:
    """The seq after which to deliver: "N" as handed out now, or an old "txid:id"."""
    try:
        if ":" not in cursor:
            return int(cursor)
        txid, position = (int(part) for part in cursor.split(":"))
    except ValueError as error:
        raise bad_request("after") from error
    if txid <= 0 or position <= 0:
        return 0
    found = session.execute(_LEGACY, {"team": team_id, "txid": str(txid), "id": position})
    return int(found.scalar_one())


def pull(session: Session, team_id: uuid.UUID, cursor: str, limit: int) -> tuple[str, int]:
    """The page as JSON text: {"pushes": [{device, head, ops: [...]}], "cursor", "more",
    "current_epoch"}; and the number of pushes in it."""
    after = parse_cursor(session, team_id, cursor)
    rows = session.execute(_PAGE, {"team": team_id, "after": after, "limit": limit}).all()
    team = session.get(Team, team_id)
    tail = {
        "cursor": str(rows[-1].seq if rows else after),
        "more": len(rows) == limit,
        "current_epoch": team.current_epoch if team else 0,
    }
    pushes = ",".join(row.body for row in rows)
    return '{"pushes":[' + pushes + "]," + json.dumps(tail)[1:], len(rows)
