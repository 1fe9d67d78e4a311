"""erasure ledger: one append-only record per erased resident, by UUID

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasure",
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("resident_uuid", sa.Uuid(), nullable=False),
        sa.Column("records", sa.Text(), nullable=False),
        sa.Column("member_uuid", sa.Uuid(), nullable=True),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("signing_key_id", sa.String(length=64), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure")),
        sa.UniqueConstraint("uuid", name=op.f("uq_erasure_uuid")),
    )
    with op.batch_alter_table("erasure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_erasure_resident_uuid"), ["resident_uuid"])
        batch_op.create_index(batch_op.f("ix_erasure_updated_at"), ["updated_at"])
    # Append-only: an erasure is never removed and what it names never changes (only the
    # signature may be added later).
    op.execute(
        "CREATE TRIGGER erasure_no_delete BEFORE DELETE ON erasure BEGIN "
        "SELECT RAISE(ABORT, 'erasure ledger is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER erasure_no_update BEFORE UPDATE OF uuid, erased_at, resident_uuid, "
        "records ON erasure BEGIN SELECT RAISE(ABORT, 'erasure ledger is append-only'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS erasure_no_update")
    op.execute("DROP TRIGGER IF EXISTS erasure_no_delete")
    with op.batch_alter_table("erasure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_erasure_updated_at"))
        batch_op.drop_index(batch_op.f("ix_erasure_resident_uuid"))
    op.drop_table("erasure")
