"""team link: device state, outbox, last synced copies, conflicts, waiting children

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("audit_pushed_seq", sa.Integer(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_link")),
    )
    op.create_table(
        "team_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("op_uuid", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.Uuid(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_outbox")),
        sa.UniqueConstraint("op_uuid", name=op.f("uq_team_outbox_op_uuid")),
    )
    op.create_index("ix_team_outbox_record", "team_outbox", ["kind", "record_uuid"])
    op.create_table(
        "team_synced",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("gone", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_synced")),
        sa.UniqueConstraint("kind", "record_uuid", name="uq_team_synced_record"),
    )
    op.create_table(
        "team_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("base", sa.Text(), nullable=True),
        sa.Column("mine", sa.Text(), nullable=True),
        sa.Column("theirs", sa.Text(), nullable=True),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("settled_at", sa.DateTime(), nullable=True),
        sa.Column("kept", sa.String(length=8), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_conflict")),
    )
    op.create_index(
        op.f("ix_team_conflict_record_uuid"), "team_conflict", ["record_uuid"], unique=False
    )
    op.create_table(
        "team_waiting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_waiting")),
        sa.UniqueConstraint("kind", "record_uuid", name="uq_team_waiting_record"),
    )


def downgrade() -> None:
    op.drop_table("team_waiting")
    op.drop_index(op.f("ix_team_conflict_record_uuid"), table_name="team_conflict")
    op.drop_table("team_conflict")
    op.drop_table("team_synced")
    op.drop_index("ix_team_outbox_record", table_name="team_outbox")
    op.drop_table("team_outbox")
    op.drop_table("team_link")
