"""report events (the status rule's facts) and an audit trail per device, named by UUID

Revision ID: 0011
Revises: 0010

Existing meldingen get the events that say what happened to them (received, visits planned
and held, conversations, steps, follow-up calls, referrals, closing), built so that the one
status rule gives each melding exactly the status it had: no melding changes status by the
upgrade. Moves the old code skipped silently (a step before the visit, a home visit recorded
without a plan) stay skipped; the events they would have made are left out.

The audit table is rebuilt: each row names device, members, record and resident by UUID and
carries its device's sequence number; the rows are chained again per device (a record no
longer in the store gets a stable stand-in UUID derived from its old number).
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from datetime import datetime, time
from typing import Any

import sqlalchemy as sa
from alembic import op

from wijkteam.domain.status import Event, EventKind, ReportStatus, derive_status
from wijkteam.store.audit_chain import entry_hash

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CHUNK = 2000
LEGACY = uuid.UUID("6f0e7c52-4a52-4d8e-9b9e-0a7d1c0c0011")  # namespace of stand-in UUIDs
_KINDS = [k.value for k in EventKind]

_events = sa.table(
    "report_event",
    sa.column("uuid", sa.Uuid()),
    sa.column("created_at", sa.DateTime()),
    sa.column("updated_at", sa.DateTime()),
    sa.column("report_id", sa.Integer()),
    sa.column("kind", sa.String()),
    sa.column("occurred_at", sa.DateTime()),
    sa.column("member_id", sa.Integer()),
    sa.column("subject_uuid", sa.Uuid()),
    sa.column("cancels_uuid", sa.Uuid()),
    sa.column("reason", sa.String()),
    sa.column("note", sa.String()),
)


def upgrade() -> None:
    op.create_table(
        "report_event",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(*_KINDS, name="eventkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("subject_uuid", sa.Uuid(), nullable=True),
        sa.Column("cancels_uuid", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_report_event_member_id_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_report_event_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_report_event_uuid")),
    )
    with op.batch_alter_table("report_event", schema=None) as batch_op:
        batch_op.create_index("ix_report_event_report", ["report_id", "occurred_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_report_event_updated_at"), ["updated_at"], unique=False
        )
    # Events are facts: never changed (a melding's removal takes its events with it).
    op.execute(
        "CREATE TRIGGER report_event_no_update BEFORE UPDATE ON report_event BEGIN "
        "SELECT RAISE(ABORT, 'report events are append-only'); END"
    )
    connection = op.get_bind()
    _backfill_events(connection)
    _rebuild_audit(connection)
    connection.execute(sa.text("DELETE FROM setting WHERE key = 'audit_chain_head'"))


def downgrade() -> None:
    connection = op.get_bind()
    _restore_old_audit(connection)
    op.execute("DROP TRIGGER IF EXISTS report_event_no_update")
    with op.batch_alter_table("report_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_report_event_updated_at"))
        batch_op.drop_index("ix_report_event_report")
    op.drop_table("report_event")


# --- events for existing meldingen ---------------------------------------------------------
def _backfill_events(connection: sa.Connection) -> None:
    ids = [r[0] for r in connection.execute(sa.text("SELECT id FROM report ORDER BY id"))]
    now = datetime.utcnow()  # the store keeps naive UTC
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        facts = _facts(connection, chunk)
        rows: list[dict[str, Any]] = []
        for report in facts["report"]:
            for e in _events_for(report, facts):
                rows.append({**e, "report_id": report["id"], "created_at": now, "updated_at": now})
        if rows:
            connection.execute(sa.insert(_events), rows)


def _facts(connection: sa.Connection, ids: list[int]) -> dict[str, Any]:
    marks = ",".join(str(int(i)) for i in ids)

    def rows(sql: str) -> list[dict[str, Any]]:
        return [dict(r._mapping) for r in connection.execute(sa.text(sql.format(ids=marks)))]

    def grouped(sql: str) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in rows(sql):
            out[row["report_id"]].append(row)
        return out

    return {
        "report": rows(
            "SELECT id, status, received_on, assigned_member_id, closing_reason, closed_on "
            "FROM report WHERE id IN ({ids}) ORDER BY id"
        ),
        "history": grouped(
            "SELECT report_id, status, changed_at, member_id, note FROM status_change "
            "WHERE report_id IN ({ids}) ORDER BY changed_at, id"
        ),
        "visits": grouped(
            "SELECT report_id, uuid, created_at, planned_at, member_id, state FROM home_visit "
            "WHERE report_id IN ({ids}) ORDER BY created_at, id"
        ),
        "contacts": grouped(
            "SELECT report_id, uuid, kind, occurred_on, occurred_time, member_id FROM contact "
            "WHERE report_id IN ({ids}) ORDER BY occurred_on, id"
        ),
        "steps": grouped(
            "SELECT report_id, uuid, status, created_at, updated_at, done_on, member_id "
            "FROM step WHERE report_id IN ({ids}) ORDER BY created_at, id"
        ),
        "follow_ups": grouped(
            "SELECT report_id, uuid, state, done_on, updated_at, member_id FROM follow_up "
            "WHERE report_id IN ({ids}) AND state IN ('reached', 'not_reached') ORDER BY id"
        ),
        "referrals": grouped(
            "SELECT report_id, uuid, status, sent_at, returned_on, updated_at, member_id "
            "FROM referral WHERE report_id IN ({ids}) AND sent_at IS NOT NULL ORDER BY id"
        ),
    }


def _events_for(report: dict[str, Any], facts: dict[str, Any]) -> list[dict[str, Any]]:
    """The facts of one melding that lead to its stored status (see the module's note)."""
    rid, status = report["id"], ReportStatus(report["status"])
    history = facts["history"].get(rid, [])
    at_status = {ReportStatus(h["status"]): h for h in history}
    received = _day(report["received_on"])
    member = report["assigned_member_id"]
    events: list[dict[str, Any]] = []

    def add(kind: EventKind, at: Any, who: Any = None, subject: Any = None, **more: Any) -> str:
        ident = uuid.uuid4()
        events.append(
            {
                "uuid": ident,
                "kind": kind.value,
                "occurred_at": _moment(at) or received,
                "member_id": who,
                "subject_uuid": _uuid(subject),
                "cancels_uuid": more.get("cancels"),
                "reason": more.get("reason"),
                "note": more.get("note"),
            }
        )
        return ident  # type: ignore[return-value]

    first = at_status.get(ReportStatus.NEW)
    add(EventKind.RECEIVED, first["changed_at"] if first else received, member)
    for contact in facts["contacts"].get(rid, []):
        if contact["kind"] != "home_visit":
            at = _contact_moment(contact)
            add(EventKind.CONVERSATION, at, contact["member_id"], contact["uuid"])
    past_plan = status not in (ReportStatus.NEW, ReportStatus.VISIT_PLANNED)
    if status is not ReportStatus.NEW:
        for visit in facts["visits"].get(rid, []):
            add(EventKind.VISIT_PLANNED, visit["created_at"], visit["member_id"], visit["uuid"])
            if past_plan and visit["state"] == "held":
                add(EventKind.VISIT_HELD, visit["planned_at"], visit["member_id"], visit["uuid"])
    if past_plan:
        for contact in facts["contacts"].get(rid, []):
            if contact["kind"] == "home_visit":
                at = _contact_moment(contact)
                add(EventKind.VISIT_HELD, at, contact["member_id"], contact["uuid"])
    with_steps = status in (
        ReportStatus.STEPS_RUNNING,
        ReportStatus.FOLLOW_UP,
        ReportStatus.REFERRED,
        ReportStatus.CLOSED,
    )
    if with_steps:
        for step in facts["steps"].get(rid, []):
            add(EventKind.STEP_AGREED, step["created_at"], step["member_id"], step["uuid"])
            if step["status"] != "open":
                at = step["done_on"] or step["updated_at"]
                add(EventKind.STEP_SETTLED, at, step["member_id"], step["uuid"])
    for call in facts["follow_ups"].get(rid, []):
        add(
            EventKind.NAZORG, call["done_on"] or call["updated_at"], call["member_id"], call["uuid"]
        )
    for referral in facts["referrals"].get(rid, []):
        returned = referral["status"] == "returned" or referral["returned_on"] is not None
        if not returned and status not in (ReportStatus.REFERRED, ReportStatus.CLOSED):
            continue  # the old code did not move the melding: it stays as it was
        sent = add(EventKind.REFERRED, referral["sent_at"], referral["member_id"], referral["uuid"])
        if returned:
            at = referral["returned_on"] or referral["updated_at"]
            add(
                EventKind.REFERRAL_RETURNED,
                at,
                referral["member_id"],
                referral["uuid"],
                cancels=sent,
            )
    if status is ReportStatus.CLOSED:
        closing = at_status.get(ReportStatus.CLOSED)
        add(
            EventKind.CLOSED,
            closing["changed_at"] if closing else report["closed_on"],
            closing["member_id"] if closing else member,
            reason=report["closing_reason"],
            note=closing["note"] if closing else None,
        )
    _complete(events, status, at_status, add)
    derived = derive_status(_as_domain(events))
    if derived is not status:  # cannot happen: _complete guarantees it
        raise RuntimeError(f"melding {rid}: events give {derived}, stored {status}")
    return events


def _complete(events: list[dict[str, Any]], status: ReportStatus, at_status, add) -> None:  # type: ignore[no-untyped-def]
    """Adds what the stored status needs and the rows do not show (older stores were not
    always consistent), so the events give exactly the stored status."""
    kinds = {e["kind"] for e in events}

    def when(s: ReportStatus) -> Any:
        return at_status[s]["changed_at"] if s in at_status else None

    if status is ReportStatus.VISIT_PLANNED and "visit_planned" not in kinds:
        add(EventKind.VISIT_PLANNED, when(status))
    if (
        status
        in (
            ReportStatus.IN_CONVERSATION,
            ReportStatus.STEPS_RUNNING,
            ReportStatus.FOLLOW_UP,
            ReportStatus.REFERRED,
        )
        and "visit_held" not in kinds
    ):
        add(EventKind.VISIT_HELD, when(ReportStatus.IN_CONVERSATION))
    derived = derive_status(_as_domain(events))
    if status is ReportStatus.REFERRED and derived is not status:
        add(EventKind.REFERRED, when(status))
    elif status is ReportStatus.STEPS_RUNNING and derived is not status:
        settled = [e for e in events if e["kind"] == "step_settled"]
        if settled:
            events.remove(settled[-1])  # the step the old status still saw open
        else:
            add(EventKind.STEP_AGREED, when(status))
    elif status is ReportStatus.FOLLOW_UP and derived is not status:
        agreed = {e["subject_uuid"] for e in events if e["kind"] == "step_agreed"}
        done = {e["subject_uuid"] for e in events if e["kind"] == "step_settled"}
        for subject in agreed - done:
            add(EventKind.STEP_SETTLED, when(status), subject=subject)
        if not agreed:
            add(EventKind.STEP_AGREED, when(status))
            add(EventKind.STEP_SETTLED, when(status))


def _as_domain(events: list[dict[str, Any]]) -> list[Event]:
    return [
        Event(e["uuid"], EventKind(e["kind"]), e["subject_uuid"], e["cancels_uuid"]) for e in events
    ]


def _uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))


def _day(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(9, 0))


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value) if "-" in value else None
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(12, 0))


def _contact_moment(contact: dict[str, Any]) -> datetime:
    day = _day(contact["occurred_on"])
    at = contact["occurred_time"]
    if isinstance(at, str) and at:
        at = time.fromisoformat(at)
    return datetime.combine(day.date(), at) if isinstance(at, time) else day


# --- the audit table, per device ----------------------------------------------------------
def _new_audit_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("device_uuid", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("actor_member_uuid", sa.Uuid(), nullable=True),
        sa.Column("responsible_member_uuid", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_uuid", sa.Uuid(), nullable=True),
        sa.Column("resident_uuid", sa.Uuid(), nullable=True),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
    ]


def _common_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _rebuild_audit(connection: sa.Connection) -> None:
    old = [
        dict(r._mapping)
        for r in connection.execute(sa.text("SELECT * FROM audit_event ORDER BY id"))
    ]
    lookups = _uuid_lookups(connection, old)
    _drop_audit()
    _create_new_audit()
    table = sa.table(
        "audit_event",
        *[
            sa.column(c.name, c.type)
            for c in _new_audit_columns() + _common_columns()
            if c.name != "id"
        ],
    )
    heads: dict[uuid.UUID, tuple[int, str]] = {}
    rows = []
    for row in old:
        device = _device(row["origin"])
        seq, previous = heads.get(device, (0, ""))
        actor = lookups["member"].get(row["actor_member_id"])
        responsible = lookups["member"].get(row["responsible_member_id"] or row["actor_member_id"])
        new = {
            "uuid": _uuid(row["uuid"]),
            "created_at": _moment(row["created_at"]),
            "updated_at": _moment(row["updated_at"]),
            "device_uuid": device,
            "seq": seq + 1,
            "actor_member_uuid": actor,
            "responsible_member_uuid": responsible,
            "action": row["action"],
            "object_type": row["object_type"],
            "object_uuid": _named(lookups, row["origin"], row["object_type"], row["object_id"]),
            "resident_uuid": _named(lookups, row["origin"], "resident", row["resident_id"]),
            "result": row["result"],
            "previous_hash": previous,
        }
        new["entry_hash"] = entry_hash(
            entry_uuid=new["uuid"],
            device=device,
            seq=new["seq"],
            created_at=new["created_at"],
            actor=actor,
            responsible=responsible,
            action=new["action"],
            object_type=new["object_type"],
            object_uuid=new["object_uuid"],
            resident_uuid=new["resident_uuid"],
            result=new["result"],
            previous_hash=previous,
        )
        heads[device] = (new["seq"], new["entry_hash"])
        rows.append(new)
    for start in range(0, len(rows), CHUNK):
        connection.execute(sa.insert(table), rows[start : start + CHUNK])
    _audit_triggers()


def _uuid_lookups(
    connection: sa.Connection, old: list[dict[str, Any]]
) -> dict[str, dict[Any, uuid.UUID]]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for row in old:
        if row["object_id"] is not None:
            wanted[row["object_type"]].add(row["object_id"])
        if row["resident_id"] is not None:
            wanted["resident"].add(row["resident_id"])
    tables = set(sa.inspect(connection).get_table_names())
    lookups: dict[str, dict[Any, uuid.UUID]] = defaultdict(dict)
    lookups["member"] = {
        r[0]: _uuid(r[1]) for r in connection.execute(sa.text("SELECT id, uuid FROM member"))
    }
    for table_name, ids in wanted.items():
        if table_name not in tables or table_name == "audit_event":
            continue
        columns = {c["name"] for c in sa.inspect(connection).get_columns(table_name)}
        if "uuid" not in columns:
            continue
        listed = sorted(ids)
        for start in range(0, len(listed), CHUNK):
            marks = ",".join(str(int(i)) for i in listed[start : start + CHUNK])
            sql = f"SELECT id, uuid FROM {table_name} WHERE id IN ({marks})"
            for ident, value in connection.execute(sa.text(sql)):
                lookups[table_name][ident] = _uuid(value)
    return lookups


def _named(
    lookups: dict[str, dict[Any, uuid.UUID]], origin: str, kind: str, ident: Any
) -> uuid.UUID | None:
    """The record's UUID; a record no longer in the store gets a stable stand-in."""
    if ident is None:
        return None
    found = lookups.get(kind, {}).get(ident)
    return found or uuid.uuid5(LEGACY, f"{origin}/{kind}/{ident}")


def _device(origin: str) -> uuid.UUID:
    try:
        return uuid.UUID(origin)
    except ValueError:
        return uuid.uuid5(LEGACY, origin)


def _drop_audit() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_updated_at"))
        batch_op.drop_index("ix_audit_event_resident")
        batch_op.drop_index("ix_audit_event_created")
    op.drop_table("audit_event")


def _create_new_audit() -> None:
    op.create_table(
        "audit_event",
        *_new_audit_columns(),
        *_common_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("device_uuid", "seq", name="uq_audit_event_device_seq"),
        sa.UniqueConstraint("uuid", name=op.f("uq_audit_event_uuid")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_created", ["created_at"], unique=False)
        batch_op.create_index("ix_audit_event_object", ["object_uuid"], unique=False)
        batch_op.create_index("ix_audit_event_resident", ["resident_uuid"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_updated_at"), ["updated_at"], unique=False)


def _audit_triggers() -> None:
    # Append-only: rows are never deleted, and a sealed row (with its hash) never changes.
    op.execute(
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN "
        "SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event "
        "WHEN old.entry_hash != '' BEGIN "
        "SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )


# --- back to 0010 ---------------------------------------------------------------------------
def _restore_old_audit(connection: sa.Connection) -> None:
    """The 0010 table again: UUIDs back to local numbers where the record is still here, one
    chain again (sealed with the 0010 hash)."""
    rows = [
        dict(r._mapping)
        for r in connection.execute(sa.text("SELECT * FROM audit_event ORDER BY created_at, id"))
    ]
    local: dict[str, dict[uuid.UUID, int]] = defaultdict(dict)
    tables = set(sa.inspect(connection).get_table_names())
    for table_name in {r["object_type"] for r in rows} | {"resident", "member"}:
        if table_name in tables and table_name != "audit_event":
            columns = {c["name"] for c in sa.inspect(connection).get_columns(table_name)}
            if "uuid" in columns:
                for ident, value in connection.execute(
                    sa.text(f"SELECT id, uuid FROM {table_name}")
                ):
                    local[table_name][_uuid(value)] = ident  # type: ignore[index]
    _drop_audit()
    op.create_table(
        "audit_event",
        sa.Column("actor_member_id", sa.Integer(), nullable=True),
        sa.Column("responsible_member_id", sa.Integer(), nullable=True),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        *_common_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_audit_event_uuid")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_created", ["created_at"], unique=False)
        batch_op.create_index("ix_audit_event_resident", ["resident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_updated_at"), ["updated_at"], unique=False)
    previous = ""
    for number, row in enumerate(rows, start=1):

        def back(kind: str, value: Any) -> int | None:
            return local[kind].get(_uuid(value)) if value is not None else None  # type: ignore[arg-type]

        old = {
            "id": number,
            "uuid": _uuid(row["uuid"]),
            "created_at": _moment(row["created_at"]),
            "updated_at": _moment(row["updated_at"]),
            "actor_member_id": back("member", row["actor_member_uuid"]),
            "responsible_member_id": None,
            "origin": str(_uuid(row["device_uuid"])),
            "action": row["action"],
            "object_type": row["object_type"],
            "object_id": back(row["object_type"], row["object_uuid"]),
            "resident_id": back("resident", row["resident_uuid"]),
            "result": row["result"],
            "previous_hash": previous,
        }
        fields = [old["id"], old["uuid"], old["created_at"].isoformat()]  # type: ignore[union-attr]
        fields += [
            "" if old[k] is None else old[k]
            for k in (
                "actor_member_id",
                "responsible_member_id",
                "origin",
                "action",
                "object_type",
                "object_id",
                "resident_id",
                "result",
                "previous_hash",
            )
        ]
        old["entry_hash"] = hashlib.sha256("|".join(str(f) for f in fields).encode()).hexdigest()
        previous = old["entry_hash"]
        table = sa.table(
            "audit_event", *[sa.column(k, sa.Uuid() if k == "uuid" else None) for k in old]
        )
        connection.execute(sa.insert(table), [old])
    _audit_triggers()
