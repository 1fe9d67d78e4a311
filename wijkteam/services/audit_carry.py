"""Audit rows written after a back-up outlive its restore (issue 13 point 2): they are
copied from the store that was put aside into the restored one, before anything else is
written there (the re-applied erasures, the RESTORE row).

Per device: the restored store ends at some row (seq M, hash h). When the store put aside
holds that same row, its rows after M continue the chain as they are (same UUID, sequence
number and hash), so the chain check is whole and the head file (audit-head.json) still
matches. When it does not (the back-up is of another line, e.g. made before an earlier
restore that was not carried over), the rows it has that the restored store lacks are
appended after M and sealed anew: nothing is lost, and the chain stays whole.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Uuid, func, insert, select
from sqlalchemy.orm import Session

from wijkteam.services.audit import seal_row
from wijkteam.store.audit_chain import Head
from wijkteam.store.cipher import Cipher, connect_plain
from wijkteam.store.models import AuditEvent

TABLE = AuditEvent.__table__
COLUMNS = [c for c in TABLE.columns if c.name != "id"]  # the local id stays local
CHUNK = 500


def carry_over(session: Session, aside: Path | None, cipher: Cipher | None) -> int:
    """Copies into `session`'s store the audit rows of the store file `aside` it lacks.
    Returns how many. A file that cannot be read carries nothing (the chain check then
    reports the rows missing, by the head file)."""
    if aside is None or not aside.exists():
        return 0
    try:
        if cipher is None:
            connection = connect_plain(aside, read_only=True)
        else:
            connection = cipher.connect(aside, read_only=True)
    except (Cipher.module.DatabaseError, OSError):
        return 0
    carried = 0
    try:
        for device in _devices(connection):
            carried += _carry_device(session, connection, device)
    except Cipher.module.DatabaseError:
        return carried  # a damaged store: what was read is carried
    finally:
        connection.close()
    return carried


def _devices(connection: Any) -> list[uuid.UUID]:
    try:
        rows = connection.execute("SELECT DISTINCT device_uuid FROM audit_event").fetchall()
    except Cipher.module.DatabaseError:
        return []
    return [uuid.UUID(str(r[0])) for r in rows if r[0]]


def _carry_device(session: Session, old: Any, device: uuid.UUID) -> int:
    head = _head(session, device)
    same = head.seq == 0 or _hash_at(old, device, head.seq) == head.hash
    if same:  # the usual case: the same chain, longer in the store put aside
        rows = list(_rows(old, device, after=head.seq))
        _insert(session, rows)
        return len(rows)
    have = set(session.scalars(select(AuditEvent.uuid).where(AuditEvent.device_uuid == device)))
    missing = [r for r in _rows(old, device, after=0) if r["uuid"] not in have]
    for row in missing:  # another line: appended after the restored end, sealed anew
        row["seq"] = head.seq + 1
        row["previous_hash"] = head.hash
        row["entry_hash"] = seal_row(row)
        head = Head(row["seq"], row["entry_hash"])
    _insert(session, missing)
    return len(missing)


def _head(session: Session, device: uuid.UUID) -> Head:
    seq = session.scalar(select(func.max(AuditEvent.seq)).where(AuditEvent.device_uuid == device))
    if seq is None:
        return Head(0, "")
    found = session.scalar(
        select(AuditEvent.entry_hash).where(AuditEvent.device_uuid == device, AuditEvent.seq == seq)
    )
    return Head(seq, found or "")


def _hash_at(old: Any, device: uuid.UUID, seq: int) -> str | None:
    row = old.execute(
        "SELECT entry_hash FROM audit_event WHERE device_uuid = ? AND seq = ?",
        (device.hex, seq),
    ).fetchone()
    return None if row is None else str(row[0])


def _rows(old: Any, device: uuid.UUID, after: int) -> Iterator[dict[str, Any]]:
    names = ", ".join(c.name for c in COLUMNS)
    cursor = old.execute(
        f"SELECT {names} FROM audit_event WHERE device_uuid = ? AND seq > ? ORDER BY seq",
        (device.hex, after),
    )
    for raw in cursor:
        yield {c.name: _value(c, v) for c, v in zip(COLUMNS, raw, strict=True)}


def _value(column: Any, value: Any) -> Any:
    """A value as SQLite holds it, as the mapped column wants it."""
    if value is None:
        return None
    if isinstance(column.type, Uuid):
        return uuid.UUID(str(value))
    if isinstance(column.type, DateTime):
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return value


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(TABLE), rows[start : start + CHUNK])
