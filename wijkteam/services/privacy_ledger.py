"""The erasure ledger (DESIGN.md §11 "Erasure"): what an erasure removed, by UUID.

- Written in the erasure's own transaction (the `erasure` table), and mirrored in a small
  encrypted file next to the store (`erasures.db`, same key) that a restore does not replace.
- Re-applied to a restored backup before anyone uses it: the resident and every row named
  go again, the anonymous figures are counted as at the first erasure, and the ledger rows
  are carried over, so the next restore knows them too.
The UUIDs are random and say nothing about the person; the ledger holds no personal data.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from wijkteam.errors import WijkteamError
from wijkteam.security.context import AuditAction, ServiceContext
from wijkteam.services.audit import AuditService, Entry
from wijkteam.services.removal import after_removal, compact, count_figures, delete_resident
from wijkteam.store import Store
from wijkteam.store.audit_guard import cover, tracking
from wijkteam.store.cipher import Cipher, connect_plain
from wijkteam.store.models import Base, Erasure, Report, Resident

LEDGER_FILENAME = "erasures.db"
ERASURE = "erasure"
REAPPLIED = "erasure_reapplied"


@dataclass(frozen=True)
class LedgerEntry:
    uuid: uuid.UUID
    erased_at: datetime  # UTC
    resident_uuid: uuid.UUID
    records: dict[str, list[str]] = field(default_factory=dict)
    member_uuid: uuid.UUID | None = None
    signature: bytes | None = None
    signing_key_id: str | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "uuid": str(self.uuid),
                "erased_at": self.erased_at.isoformat(),
                "resident_uuid": str(self.resident_uuid),
                "records": self.records,
                "member_uuid": str(self.member_uuid) if self.member_uuid else None,
                "signature": self.signature.hex() if self.signature else None,
                "signing_key_id": self.signing_key_id,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> LedgerEntry:
        data = json.loads(text)
        return cls(
            uuid=uuid.UUID(data["uuid"]),
            erased_at=datetime.fromisoformat(data["erased_at"]),
            resident_uuid=uuid.UUID(data["resident_uuid"]),
            records={k: list(v) for k, v in data["records"].items()},
            member_uuid=uuid.UUID(data["member_uuid"]) if data.get("member_uuid") else None,
            signature=bytes.fromhex(data["signature"]) if data.get("signature") else None,
            signing_key_id=data.get("signing_key_id"),
        )


def mirror_path(data_dir: Path) -> Path:
    return Path(data_dir) / LEDGER_FILENAME


# --- what an erasure removes ------------------------------------------------------------------
def cascade_tables(root: Table) -> list[tuple[Table, Any, Table]]:
    """(child, child's foreign-key column, parent) for every table that goes when a row of
    `root` goes (ON DELETE CASCADE, transitively), read from the mapped metadata."""
    found: list[tuple[Table, Any, Table]] = []
    reached, queue = {root.name}, [root]
    while queue:
        parent = queue.pop(0)
        for table in Base.metadata.sorted_tables:
            for key in table.foreign_keys:
                if key.column.table is parent and key.ondelete == "CASCADE":
                    found.append((table, key.parent, parent))
                    if table.name not in reached:
                        reached.add(table.name)
                        queue.append(table)
    return found


def erased_records(session: Session, resident_id: int) -> dict[str, list[str]]:
    """UUIDs of every row that goes with the resident, per table."""
    ids: dict[str, set[int]] = {"resident": {resident_id}}
    records: dict[str, set[str]] = {}
    for table, column, parent in cascade_tables(Resident.__table__):  # type: ignore[arg-type]
        parents = ids.get(parent.name)
        if not parents or "id" not in table.c:
            continue
        columns = [table.c.id, table.c.uuid] if "uuid" in table.c else [table.c.id]
        for row in session.execute(select(*columns).where(column.in_(parents))):
            ids.setdefault(table.name, set()).add(row[0])
            if len(row) > 1:
                records.setdefault(table.name, set()).add(str(row[1]))
    return {name: sorted(values) for name, values in sorted(records.items())}


def add_entry(session: Session, entry: LedgerEntry) -> bool:
    """Adds the entry unless the ledger has it already; returns whether it was new."""
    if session.scalar(select(Erasure.id).where(Erasure.uuid == entry.uuid)) is not None:
        return False
    session.add(
        Erasure(
            uuid=entry.uuid,
            erased_at=entry.erased_at,
            resident_uuid=entry.resident_uuid,
            records=json.dumps(entry.records),
            member_uuid=entry.member_uuid,
            signature=entry.signature,
            signing_key_id=entry.signing_key_id,
        )
    )
    session.flush()
    return True


def entries(session: Session) -> list[LedgerEntry]:
    return [_entry(e) for e in session.scalars(select(Erasure).order_by(Erasure.erased_at))]


def _entry(e: Erasure) -> LedgerEntry:
    return LedgerEntry(
        e.uuid,
        e.erased_at,
        e.resident_uuid,
        json.loads(e.records),
        e.member_uuid,
        e.signature,
        e.signing_key_id,
    )


# --- the copy a restore cannot reach --------------------------------------------------------
def _connect(path: Path, cipher: Cipher | None) -> Any:
    connection = cipher.connect(path) if cipher else connect_plain(path)
    connection.execute(
        "CREATE TABLE IF NOT EXISTS erasure (uuid TEXT PRIMARY KEY, entry TEXT NOT NULL)"
    )
    return connection


def write_mirror(path: Path, cipher: Cipher | None, new: list[LedgerEntry]) -> None:
    connection = _connect(path, cipher)
    try:
        connection.executemany(
            "INSERT OR IGNORE INTO erasure (uuid, entry) VALUES (?, ?)",
            [(str(e.uuid), e.to_json()) for e in new],
        )
        connection.commit()
    finally:
        connection.close()


def read_mirror(path: Path, cipher: Cipher | None) -> list[LedgerEntry]:
    if not path.exists():
        return []
    connection = _connect(path, cipher)
    try:
        return [
            LedgerEntry.from_json(row[0]) for row in connection.execute("SELECT entry FROM erasure")
        ]
    finally:
        connection.close()


def read_store_ledger(path: Path, cipher: Cipher | None) -> list[LedgerEntry]:
    """The ledger of a (closed) store file, read without migrating or changing it."""
    if not path.exists():
        return []
    connection = (
        cipher.connect(path, read_only=True) if cipher else connect_plain(path, read_only=True)
    )
    try:
        has = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='erasure'"
        ).fetchone()
        if not has:
            return []
        rows = connection.execute(
            "SELECT uuid, erased_at, resident_uuid, records, member_uuid, signature, "
            "signing_key_id FROM erasure"
        ).fetchall()
    except Cipher.module.DatabaseError:
        return []  # a damaged store: the mirror still has its ledger
    finally:
        connection.close()
    return [
        LedgerEntry(
            uuid.UUID(str(r[0])),
            datetime.fromisoformat(str(r[1])),
            uuid.UUID(str(r[2])),
            json.loads(r[3]),
            uuid.UUID(str(r[4])) if r[4] else None,
            r[5],
            r[6],
        )
        for r in rows
    ]


def union(*ledgers: list[LedgerEntry]) -> list[LedgerEntry]:
    seen: dict[uuid.UUID, LedgerEntry] = {}
    for ledger in ledgers:
        for entry in ledger:
            seen.setdefault(entry.uuid, entry)
    return sorted(seen.values(), key=lambda e: e.erased_at)


# --- re-applying ------------------------------------------------------------------------------
def reapply(store: Store, ledger: list[LedgerEntry], audit: AuditService) -> int:
    """Makes `store` (a restored backup) hold none of what the ledger erased, and carries
    the ledger over. Returns how many residents were erased again."""
    erased_again = 0
    with store.transaction() as session:
        for entry in ledger:
            add_entry(session, entry)
            erased_again += _erase_again(session, entry, audit)
        if erased_again:
            compact(session)
    if erased_again:
        after_removal(store)
    return erased_again


def _erase_again(session: Session, entry: LedgerEntry, audit: AuditService) -> int:
    resident_id = session.scalar(select(Resident.id).where(Resident.uuid == entry.resident_uuid))
    listed = [uuid.UUID(u) for u in entry.records.get("report", [])]
    report_ids = set(session.scalars(select(Report.id).where(Report.uuid.in_(listed))))
    if resident_id is not None:
        report_ids |= set(
            session.scalars(select(Report.id).where(Report.resident_id == resident_id))
        )
    count_figures(session, sorted(report_ids), ERASURE)
    if resident_id is not None:
        delete_resident(session, resident_id)
    left = 0
    for name, uuids in entry.records.items():
        table = Base.metadata.tables.get(name)
        if table is None or "uuid" not in table.c:
            continue  # a table this version no longer has
        wanted = [uuid.UUID(u) for u in uuids]
        left += session.execute(delete(table).where(table.c.uuid.in_(wanted))).rowcount or 0
    if resident_id is None and not left:
        return 0
    # One entry for the whole erasure (naming the resident and the ledger entry by UUID):
    # it covers every row this re-application removed.
    audit.record_many(
        session,
        [
            Entry(
                AuditAction.ERASE,
                REAPPLIED,
                object_uuid=entry.uuid,
                resident_uuid=entry.resident_uuid,
            )
        ],
    )
    track = tracking(session)
    for table, record_id in list(track.uncovered()):
        cover(session, table, record_id)
    return 1


def replaced_copies(data_dir: Path) -> list[Path]:
    """Stores a restore put aside (`vervangen/`): the store as it was before a restore."""
    from wijkteam.services.backups import REPLACED_FOLDER  # (backups imports this module)

    folder = Path(data_dir) / REPLACED_FOLDER
    return sorted(folder.glob("wijkteam-*.db")) if folder.exists() else []


def erase_in_replaced_copies(
    data_dir: Path, store: Store, ledger: list[LedgerEntry], context: ServiceContext
) -> int:
    """An erasure reaches the stores a restore put aside too (they are rare and never
    restored automatically). Returns how many copies changed."""
    from wijkteam.store import open_store

    changed = 0
    for path in replaced_copies(data_dir):
        try:
            copy = open_store(
                path, store.cipher.secret if store.cipher else None, clock=store.clock
            )
        except WijkteamError:
            continue  # damaged or under another key: it opens nothing anyway
        try:
            changed += reapply(copy, ledger, AuditService(copy, context)) > 0
        finally:
            copy.close()
    return changed
