"""team data: team-wide settings in their own table, one anonymous fact record per case

Team-wide settings (the team's name, the security settings, the follow-up delay, the link
with the municipality) move from `setting` to `team_setting`, one record per key with a UUID
derived from the key, so the team can share them; the laptop's own stay in `setting`. A
"gezocht, niet gevonden" note gets `withdrawn` (a removal that can travel to the team).
`removed_case_figure` (counts per laptop) becomes `case_fact` (one record per case, keyed by
the melding's UUID): a closed melding gets its fact record now; each counted removed case
becomes one record with a new UUID.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_NAMESPACE = uuid.UUID("6f1c1f0e-8a55-4b0e-9d43-5d6a3c1f7a21")  # as models/setting.py
_TEAM_KEYS = (
    "team_name", "municipality", "auto_lock_minutes", "retention_grace_days", "backups_kept",
    "follow_up_days",
)  # fmt: skip
_HOME_VISIT_DAYS = 14

setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))
team_setting = sa.table(
    "team_setting",
    sa.column("id", sa.Integer), sa.column("uuid", sa.Uuid), sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime), sa.column("key", sa.String),
    sa.column("value", sa.Text),
)  # fmt: skip
case_fact = sa.table(
    "case_fact",
    sa.column("uuid", sa.Uuid), sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime), sa.column("period", sa.String),
    sa.column("source", sa.String), sa.column("closing_reason", sa.String),
    sa.column("visited_in_time", sa.Boolean), sa.column("removal", sa.String),
)  # fmt: skip
figure = sa.table(
    "removed_case_figure",
    sa.column("uuid", sa.Uuid), sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime), sa.column("period", sa.String),
    sa.column("source", sa.String), sa.column("closing_reason", sa.String),
    sa.column("removal", sa.String), sa.column("cases", sa.Integer),
    sa.column("visited_in_time", sa.Integer),
)  # fmt: skip
report = sa.table(
    "report",
    sa.column("id", sa.Integer), sa.column("uuid", sa.Uuid), sa.column("status", sa.String),
    sa.column("received_on", sa.Date), sa.column("source", sa.String),
    sa.column("closing_reason", sa.String),
)  # fmt: skip
home_visit = sa.table(
    "home_visit",
    sa.column("report_id", sa.Integer), sa.column("state", sa.String),
    sa.column("planned_at", sa.DateTime),
)  # fmt: skip


def _is_team_key(key: str) -> bool:
    return key in _TEAM_KEYS or key.startswith("zgw.")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def upgrade() -> None:
    op.create_table(
        "team_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_setting")),
        sa.UniqueConstraint("key", name=op.f("uq_team_setting_key")),
        sa.UniqueConstraint("uuid", name=op.f("uq_team_setting_uuid")),
    )
    with op.batch_alter_table("team_setting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_setting_updated_at"), ["updated_at"])
    op.create_table(
        "case_fact",
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("closing_reason", sa.String(length=40), nullable=True),
        sa.Column("visited_in_time", sa.Boolean(), nullable=False),
        sa.Column("removal", sa.String(length=20), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_fact")),
        sa.UniqueConstraint("uuid", name=op.f("uq_case_fact_uuid")),
    )
    with op.batch_alter_table("case_fact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_fact_updated_at"), ["updated_at"])
    with op.batch_alter_table("social_map_gap", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("withdrawn", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    bind = op.get_bind()
    now = _now()
    _move_settings(bind, now)
    _facts_of_closed_cases(bind, now)
    _facts_of_removed_cases(bind, now)
    with op.batch_alter_table("removed_case_figure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_removed_case_figure_updated_at"))
    op.drop_table("removed_case_figure")


def _move_settings(bind: sa.Connection, now: datetime) -> None:
    rows = [(k, v) for k, v in bind.execute(sa.select(setting.c.key, setting.c.value))]
    moved = [
        {"uuid": uuid.uuid5(_NAMESPACE, k), "key": k, "value": v, "created_at": now,
         "updated_at": now}
        for k, v in rows if _is_team_key(k)
    ]  # fmt: skip
    if moved:
        bind.execute(sa.insert(team_setting), moved)
        bind.execute(sa.delete(setting).where(setting.c.key.in_([m["key"] for m in moved])))


def _facts_of_closed_cases(bind: sa.Connection, now: datetime) -> None:
    held: dict[int, list[datetime]] = {}
    query = sa.select(home_visit.c.report_id, home_visit.c.planned_at).where(
        home_visit.c.state == "held"
    )
    for report_id, planned_at in bind.execute(query):
        held.setdefault(report_id, []).append(planned_at)
    columns = (report.c.id, report.c.uuid, report.c.received_on, report.c.source,
               report.c.closing_reason)  # fmt: skip
    facts = []
    for rid, ruuid, received, source, reason in bind.execute(
        sa.select(*columns).where(report.c.status == "closed")
    ):
        deadline: date = received + timedelta(days=_HOME_VISIT_DAYS)
        facts.append(
            {"uuid": ruuid, "period": f"{received:%Y-%m}", "source": source,
             "closing_reason": reason, "removal": None, "created_at": now, "updated_at": now,
             "visited_in_time": any(at.date() <= deadline for at in held.get(rid, []))}
        )  # fmt: skip
    if facts:
        bind.execute(sa.insert(case_fact), facts)


def _facts_of_removed_cases(bind: sa.Connection, now: datetime) -> None:
    facts = []
    for row in bind.execute(sa.select(figure)).mappings():
        reason = None if row["closing_reason"] == "open" else row["closing_reason"]
        for n in range(row["cases"]):
            facts.append(
                {"uuid": uuid.uuid4(), "period": row["period"], "source": row["source"],
                 "closing_reason": reason, "removal": row["removal"], "created_at": now,
                 "updated_at": now, "visited_in_time": n < row["visited_in_time"]}
            )  # fmt: skip
    if facts:
        bind.execute(sa.insert(case_fact), facts)


def downgrade() -> None:
    op.create_table(
        "removed_case_figure",
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("closing_reason", sa.String(length=40), nullable=False),
        sa.Column("removal", sa.String(length=20), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.Column("visited_in_time", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removed_case_figure")),
        sa.UniqueConstraint("period", "source", "closing_reason", "removal", name="uq_figure_key"),
        sa.UniqueConstraint("uuid", name=op.f("uq_removed_case_figure_uuid")),
    )
    with op.batch_alter_table("removed_case_figure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_removed_case_figure_updated_at"), ["updated_at"], unique=False
        )
    bind = op.get_bind()
    now = _now()
    counts: dict[tuple[str, str, str, str], list[int]] = {}
    query = sa.select(case_fact).where(case_fact.c.removal.isnot(None))
    for row in bind.execute(query).mappings():
        key = (row["period"], row["source"], row["closing_reason"] or "open", row["removal"])
        found = counts.setdefault(key, [0, 0])
        found[0] += 1
        found[1] += int(bool(row["visited_in_time"]))
    rows = [
        {"uuid": uuid.uuid4(), "period": p, "source": s, "closing_reason": c, "removal": r,
         "cases": n, "visited_in_time": v, "created_at": now, "updated_at": now}
        for (p, s, c, r), (n, v) in counts.items()
    ]  # fmt: skip
    if rows:
        bind.execute(sa.insert(figure), rows)
    moved = [
        {"key": k, "value": v}
        for k, v in bind.execute(sa.select(team_setting.c.key, team_setting.c.value))
    ]
    if moved:
        bind.execute(sa.insert(setting), moved)
    bind.execute(sa.text("DELETE FROM social_map_gap WHERE withdrawn"))  # emptied notes
    with op.batch_alter_table("social_map_gap", schema=None) as batch_op:
        batch_op.drop_column("withdrawn")
    with op.batch_alter_table("case_fact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_fact_updated_at"))
    op.drop_table("case_fact")
    with op.batch_alter_table("team_setting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_setting_updated_at"))
    op.drop_table("team_setting")
