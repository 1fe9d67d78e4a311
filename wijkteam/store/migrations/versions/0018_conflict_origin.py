"""A conflict keeps which device stored the team's version and when, so the member who
settles it sees whose version it is

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("team_conflict") as batch:
        batch.add_column(sa.Column("theirs_device", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("theirs_stored_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("team_conflict") as batch:
        batch.drop_column("theirs_stored_at")
        batch.drop_column("theirs_device")
