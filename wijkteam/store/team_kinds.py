"""What of the store a team shares, and its wire form (DESIGN.md §11).

Each shared kind is one table; its record travels as JSON of its columns, with integer
foreign keys replaced by the UUID of the row they point to (integer ids are local to one
store) and small child tables without ids of their own embedded. Local caches are not sent:
a melding's status is derived from its events on each laptop (wijkteam/domain/status.py),
search keys are recomputed on arrival.
"""

from __future__ import annotations

import base64
import functools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from sqlalchemy import Column, Table, select
from sqlalchemy.orm import Session

from wijkteam.store.models import Base
from wijkteam.store.zgw_records import settle_batch, settle_ledger

ERASURE_KIND = "control.erasure"  # the erasure ledger, signed by the coordinator
AUDIT_KIND = "audit"  # audit rows: append-only, each device its own chain


@dataclass(frozen=True)
class Child:
    """An embedded table: rows keyed by (`parent_column`, the other key columns).
    `parent_column` holds the parent's `parent_key` (its id; or its UUID, for a table that
    names its parent by UUID: such a child changes only with its parent, which carries it)."""

    table: str
    parent_column: str
    parent_key: str = "id"


@dataclass(frozen=True)
class Kind:
    name: str  # on the wire and in the outbox; equal to the table
    refs: dict[str, str]  # column -> the table it refers to
    local: frozenset[str] = frozenset()  # never sent
    children: tuple[Child, ...] = ()
    append_only: bool = False  # never changes once written: never a conflict
    required: frozenset[str] = field(default_factory=frozenset)  # refs that must resolve
    # (base, mine, theirs) -> the record kept: settled as a whole, never a conflict
    settle: (
        Callable[[dict[str, Any] | None, dict[str, Any], dict[str, Any]], dict[str, Any]] | None
    ) = None
    # refs emptied, not the record dropped, when the record they point to left this laptop
    detach: frozenset[str] = frozenset()

    @property
    def table(self) -> Table:
        return Base.metadata.tables[self.name]


_ALWAYS_LOCAL = frozenset({"id", "updated_at"})
_M = "member"

# Parents before children: the order in which a round applies what it received.
KINDS: tuple[Kind, ...] = (
    Kind("member", {}),
    Kind("team_setting", {}, frozenset({"created_at"})),  # two laptops may make one key
    Kind("social_map_entry", {}, frozenset({"search_text", "name_key", "place_key"}),
         (Child("social_map_entry_category", "entry_id"),)),
    Kind("resident", {}, frozenset({"search_text", "surname_key"})),
    Kind("social_map_gap", {"member_id": _M, "resident_id": "resident"},
         detach=frozenset({"resident_id"})),
    Kind("report", {"resident_id": "resident", "assigned_member_id": _M},
         frozenset({"status", "sync_acknowledged_at"}), required=frozenset({"resident_id"})),
    Kind("home_visit", {"report_id": "report", "member_id": _M},
         required=frozenset({"report_id"})),
    Kind("contact", {"resident_id": "resident", "report_id": "report", "member_id": _M},
         children=(Child("contact_theme", "contact_id"),),
         required=frozenset({"resident_id", "report_id"})),
    Kind("step", {"report_id": "report", "contact_id": "contact",
                  "social_map_entry_id": "social_map_entry", "member_id": _M},
         required=frozenset({"report_id", "contact_id", "social_map_entry_id"})),
    Kind("follow_up", {"step_id": "step", "report_id": "report", "member_id": _M},
         required=frozenset({"step_id", "report_id"})),
    Kind("referral", {"report_id": "report", "member_id": _M},
         required=frozenset({"report_id"})),
    Kind("referral_consent", {"referral_id": "referral"}, required=frozenset({"referral_id"})),
    Kind("report_event", {"report_id": "report", "member_id": _M}, append_only=True,
         required=frozenset({"report_id"})),
    # A generated PDF as it went out (bezoekverslag, overdrachtsverslag): never changed.
    Kind("document", {"resident_id": "resident", "report_id": "report", "member_id": _M},
         append_only=True, required=frozenset({"resident_id"})),
    # Keyed by the melding's UUID, kept when the melding leaves; two laptops may write it.
    Kind("case_fact", {}, frozenset({"created_at"})),
    # The municipality (DESIGN.md §11): the push's ledger and the batches with what they
    # carried, written by the laptop that pushes for the team (wijkteam/store/zgw_records.py).
    Kind("sync_remote", {}, settle=settle_ledger),
    Kind("sync_batch", {}, children=(Child("sync_batch_case", "batch_uuid", "uuid"),),
         settle=settle_batch),
)  # fmt: skip
BY_NAME = {k.name: k for k in KINDS}
# Child tables whose own changes are captured (a child keyed by its parent's UUID travels
# only with its parent).
CHILD_TABLES = {c.table: k for k in KINDS for c in k.children if c.parent_key == "id"}
ORDER = {k.name: i for i, k in enumerate(KINDS)}


def encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(type(value).__name__)


@functools.cache
def decoder(column: Column[Any]) -> Callable[[Any], Any]:
    """How a column's wire value becomes its Python value (the inverse of `encode`); a
    batch looks the column's type up once, not once per value."""
    kind = column.type.python_type
    if kind in (datetime, date, time, uuid.UUID):
        return {datetime: datetime.fromisoformat, date: date.fromisoformat,
                time: time.fromisoformat, uuid.UUID: uuid.UUID}[kind]  # fmt: skip
    if kind is bytes:  # a document's PDF travels as base64
        return base64.b64decode
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind
    return _same


def _same(value: Any) -> Any:
    return value


def decode(column: Column[Any], value: Any) -> Any:
    return None if value is None else decoder(column)(value)


def sent_columns(kind: Kind) -> list[Column[Any]]:
    skip = _ALWAYS_LOCAL | kind.local
    return [c for c in kind.table.columns if c.name not in skip]


def uuid_of(session: Session, table: str, record_id: int | None) -> str | None:
    if record_id is None:
        return None
    t = Base.metadata.tables[table]
    found = session.execute(select(t.c.uuid).where(t.c.id == record_id)).scalar()
    return str(found) if found is not None else None


def snapshot(session: Session, kind: Kind, record_id: int) -> dict[str, Any] | None:
    """The record's wire form as it is now in this transaction (None: gone)."""
    table = kind.table
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None:
        return None
    body: dict[str, Any] = {}
    for column in sent_columns(kind):
        value = row[column.name]
        if column.name in kind.refs:
            body[column.name] = uuid_of(session, kind.refs[column.name], value)
        else:
            body[column.name] = encode(value)
    for child in kind.children:
        t = Base.metadata.tables[child.table]
        key = row[child.parent_key]
        rows = session.execute(select(t).where(t.c[child.parent_column] == key)).mappings()
        body[child.table] = sorted(
            ({k: encode(v) for k, v in r.items() if k != child.parent_column} for r in rows),
            key=lambda r: json.dumps(r, sort_keys=True),
        )
    return body


def dumps(body: dict[str, Any]) -> str:
    return json.dumps(body, sort_keys=True, separators=(",", ":"))
