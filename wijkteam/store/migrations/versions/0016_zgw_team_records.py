"""ZGW ledger and batches as team records: a record UUID per ledger row (derived from its
local URL, the same on every laptop), and a batch names who made it by member UUID and
where by the store's origin (its window is in that laptop's change times)

Revision ID: 0016
Revises: 0014
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# wijkteam/store/models/sync.py LEDGER_NAMESPACE (a migration does not import the models).
LEDGER_NAMESPACE = uuid.UUID("5b0e7c2a-39a4-4f57-9d3e-2f1b6a0c7e11")
ORIGIN_KEY = "origin_id"


def upgrade() -> None:
    connection = op.get_bind()
    with op.batch_alter_table("sync_remote", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uuid", sa.Uuid(), nullable=True))
    remote = sa.table(
        "sync_remote",
        sa.column("id", sa.Integer()),
        sa.column("local_url", sa.String()),
        sa.column("uuid", sa.Uuid()),
    )
    for row_id, local_url in connection.execute(sa.select(remote.c.id, remote.c.local_url)).all():
        made = uuid.uuid5(LEDGER_NAMESPACE, local_url)
        connection.execute(remote.update().where(remote.c.id == row_id).values(uuid=made))
    with op.batch_alter_table("sync_remote", schema=None) as batch_op:
        batch_op.alter_column("uuid", existing_type=sa.Uuid(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_sync_remote_uuid"), ["uuid"])

    with op.batch_alter_table("sync_batch", schema=None) as batch_op:
        batch_op.add_column(sa.Column("member_uuid", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("device_uuid", sa.Uuid(), nullable=True))
    op.execute(
        "UPDATE sync_batch SET member_uuid = "
        "(SELECT member.uuid FROM member WHERE member.id = sync_batch.member_id)"
    )
    origin = connection.execute(
        sa.text("SELECT value FROM setting WHERE key = :key"), {"key": ORIGIN_KEY}
    ).scalar()
    if origin:  # every batch so far was made on this laptop
        batch = sa.table("sync_batch", sa.column("device_uuid", sa.Uuid()))
        connection.execute(batch.update().values(device_uuid=uuid.UUID(origin)))
    with op.batch_alter_table("sync_batch", schema=None) as batch_op:
        batch_op.drop_constraint("fk_sync_batch_member_id_member", type_="foreignkey")
        batch_op.drop_column("member_id")
        batch_op.create_index(batch_op.f("ix_sync_batch_device_uuid"), ["device_uuid"])


def downgrade() -> None:
    with op.batch_alter_table("sync_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_batch_device_uuid"))
        batch_op.add_column(sa.Column("member_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_sync_batch_member_id_member", "member", ["member_id"], ["id"], ondelete="SET NULL"
        )
    op.execute(
        "UPDATE sync_batch SET member_id = "
        "(SELECT member.id FROM member WHERE member.uuid = sync_batch.member_uuid)"
    )
    with op.batch_alter_table("sync_batch", schema=None) as batch_op:
        batch_op.drop_column("device_uuid")
        batch_op.drop_column("member_uuid")
    with op.batch_alter_table("sync_remote", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_sync_remote_uuid"), type_="unique")
        batch_op.drop_column("uuid")
