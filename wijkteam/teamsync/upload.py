"""Connecting a store to a new team: everything it holds is staged in the outbox at once
(the first sync uploads it), read table by table rather than record by record. A kind that a
newer version shares for the first time is staged the same way, once, for a store that was
in its team already (`stage_new_kinds`)."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from wijkteam.store.models import Base, Erasure, TeamOutbox, TeamSynced
from wijkteam.store.setting_values import get_setting, set_setting
from wijkteam.store.team_kinds import ERASURE_KIND, KINDS, Kind, dumps, encode, sent_columns
from wijkteam.teamsync.outbox import now

CHUNK = 2000
STAGED_KEY = "team_kinds_staged"  # this laptop's: the kinds its records were staged for
# What the first team version shared: a store connected then has staged these.
FIRST_KINDS = frozenset({
    "member", "social_map_entry", "resident", "report", "home_visit", "contact", "step",
    "follow_up", "referral", "referral_consent", "report_event",
})  # fmt: skip


def stage_everything(session: Session) -> int:
    made = now()
    count = 0
    _mark_staged(session)
    for kind in KINDS:
        rows = [
            {"op_uuid": uuid.uuid4(), "kind": kind.name, "record_uuid": uuid.UUID(body["uuid"]),
             "base_version": 0, "payload": dumps(body), "tombstone": False, "made_at": made}
            for body in bodies(session, kind)
        ]  # fmt: skip
        for start in range(0, len(rows), CHUNK):
            session.execute(insert(TeamOutbox), rows[start : start + CHUNK])
        count += len(rows)
    for entry in session.scalars(select(Erasure).order_by(Erasure.erased_at)):
        body = {
            "uuid": str(entry.uuid), "erased_at": entry.erased_at.isoformat(),
            "resident_uuid": str(entry.resident_uuid), "records": json.loads(entry.records),
            "member_uuid": str(entry.member_uuid) if entry.member_uuid else None,
            "signature": entry.signature.hex() if entry.signature else None,
            "signing_key_id": entry.signing_key_id,
        }  # fmt: skip
        session.add(
            TeamOutbox(op_uuid=uuid.uuid4(), kind=ERASURE_KIND, record_uuid=entry.uuid,
                       base_version=0, payload=dumps(body), tombstone=False, made_at=made)
        )  # fmt: skip
        count += 1
    return count


def stage_new_kinds(session: Session) -> int:
    """Records of kinds this store has not shared yet (added by a newer version) that are
    not known to the team: staged once, like at connect."""
    known = get_setting(session, STAGED_KEY)
    staged = set(json.loads(known)) if known else set(FIRST_KINDS)
    new = [kind for kind in KINDS if kind.name not in staged]
    if not new:
        return 0
    made = now()
    count = 0
    for kind in new:
        shared = set(
            session.scalars(select(TeamSynced.record_uuid).where(TeamSynced.kind == kind.name))
        )
        waiting = set(
            session.scalars(select(TeamOutbox.record_uuid).where(TeamOutbox.kind == kind.name))
        )
        rows = [
            {"op_uuid": uuid.uuid4(), "kind": kind.name, "record_uuid": record,
             "base_version": 0, "payload": dumps(body), "tombstone": False, "made_at": made}
            for body in bodies(session, kind)
            if (record := uuid.UUID(body["uuid"])) not in shared | waiting
        ]  # fmt: skip
        for start in range(0, len(rows), CHUNK):
            session.execute(insert(TeamOutbox), rows[start : start + CHUNK])
        count += len(rows)
    _mark_staged(session)
    return count


def _mark_staged(session: Session) -> None:
    set_setting(session, STAGED_KEY, json.dumps(sorted(k.name for k in KINDS)))


def bodies(session: Session, kind: Kind) -> list[dict[str, Any]]:
    """Every record of the kind in its wire form (as team_kinds.snapshot, in bulk)."""
    table = kind.table
    uuids: dict[str, dict[int, str]] = {}
    for ref in set(kind.refs.values()):
        t = Base.metadata.tables[ref]
        uuids[ref] = {i: str(u) for i, u in session.execute(select(t.c.id, t.c.uuid))}
    children: dict[str, dict[Any, list[dict[str, Any]]]] = {}
    for child in kind.children:
        t = Base.metadata.tables[child.table]
        grouped: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for r in session.execute(select(t)).mappings():
            grouped[r[child.parent_column]].append(
                {k: encode(v) for k, v in r.items() if k != child.parent_column}
            )
        children[child.table] = grouped
    columns = sent_columns(kind)
    out = []
    for row in session.execute(select(table)).mappings():
        body: dict[str, Any] = {}
        for column in columns:
            value = row[column.name]
            if column.name in kind.refs:
                body[column.name] = uuids[kind.refs[column.name]].get(value)
            else:
                body[column.name] = encode(value)
        for child in kind.children:
            body[child.table] = sorted(
                children[child.table].get(row[child.parent_key], []),
                key=lambda r: json.dumps(r, sort_keys=True),
            )
        out.append(body)
    return out
