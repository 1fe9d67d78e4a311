"""push ledger and batches by UUID: what a batch carried by melding UUID (sync_batch_case
replaces sync_batch_report), ledger rows with their resource, melding and refusal

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# New values of remotestate (refused, held) and batchstate ("deels bevestigd") need no
# change: enum columns are plain VARCHAR(32) without a CHECK constraint.


def upgrade() -> None:
    op.create_table(
        "sync_batch_case",
        sa.Column("batch_uuid", sa.Uuid(), nullable=False),
        sa.Column("case_uuid", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("batch_uuid", "case_uuid", name=op.f("pk_sync_batch_case")),
    )
    with op.batch_alter_table("sync_batch_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_batch_case_case_uuid"), ["case_uuid"], unique=False
        )
    op.execute(
        "INSERT INTO sync_batch_case (batch_uuid, case_uuid) "
        "SELECT sync_batch.uuid, report.uuid FROM sync_batch_report "
        "JOIN sync_batch ON sync_batch.id = sync_batch_report.batch_id "
        "JOIN report ON report.id = sync_batch_report.report_id"
    )
    with op.batch_alter_table("sync_batch_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_batch_report_report_id"))
    op.drop_table("sync_batch_report")

    with op.batch_alter_table("sync_batch", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("undelivered", sa.Integer(), nullable=False, server_default="0")
        )

    with op.batch_alter_table("sync_remote", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resource_uuid", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("case_uuid", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("batch_uuid", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("reason", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("http_status", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("error_codes", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("waits_for", sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f("ix_sync_remote_case_uuid"), ["case_uuid"], unique=False)
    _backfill_resource_uuids()


def _backfill_resource_uuids() -> None:
    """Rows written before: the resource's UUID is the last segment of its local URL."""
    remote = sa.table(
        "sync_remote",
        sa.column("id", sa.Integer()),
        sa.column("local_url", sa.String()),
        sa.column("resource_uuid", sa.Uuid()),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(remote.c.id, remote.c.local_url)).all()
    for row_id, local_url in rows:
        try:
            found = uuid.UUID(local_url.rstrip("/").rsplit("/", 1)[-1])
        except ValueError:
            continue
        connection.execute(remote.update().where(remote.c.id == row_id).values(resource_uuid=found))


def downgrade() -> None:
    with op.batch_alter_table("sync_remote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_remote_case_uuid"))
        batch_op.drop_column("waits_for")
        batch_op.drop_column("error_codes")
        batch_op.drop_column("http_status")
        batch_op.drop_column("reason")
        batch_op.drop_column("batch_uuid")
        batch_op.drop_column("case_uuid")
        batch_op.drop_column("resource_uuid")
    op.execute("DELETE FROM sync_remote WHERE state NOT IN ('sent', 'created')")
    with op.batch_alter_table("sync_batch", schema=None) as batch_op:
        batch_op.drop_column("undelivered")
    op.execute("UPDATE sync_batch SET state = 'bevestigd' WHERE state = 'deels bevestigd'")

    op.create_table(
        "sync_batch_report",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["sync_batch.id"],
            name=op.f("fk_sync_batch_report_batch_id_sync_batch"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
            name=op.f("fk_sync_batch_report_report_id_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("batch_id", "report_id", name=op.f("pk_sync_batch_report")),
    )
    with op.batch_alter_table("sync_batch_report", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_batch_report_report_id"), ["report_id"], unique=False
        )
    op.execute(
        "INSERT INTO sync_batch_report (batch_id, report_id) "
        "SELECT sync_batch.id, report.id FROM sync_batch_case "
        "JOIN sync_batch ON sync_batch.uuid = sync_batch_case.batch_uuid "
        "JOIN report ON report.uuid = sync_batch_case.case_uuid"
    )
    with op.batch_alter_table("sync_batch_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_batch_case_case_uuid"))
    op.drop_table("sync_batch_case")
