"""Erased and retired records keep no ciphertext of their older versions.

A coordinator-signed tombstone (an erasure, or a closed case past its bewaartermijn) now drops
the ciphertext of every older version of that record in the same transaction as it is stored
(repository/sync.py); the row stays, with the sha256 of the dropped ciphertext, so every
laptop can still replay the pushing device's chain. This migration does the same for records
whose newest version is already a tombstone.

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("records", sa.Column("ciphertext_sha256", sa.LargeBinary))
    op.alter_column("records", "ciphertext", nullable=True)
    op.execute(
        """
        UPDATE records r
        SET ciphertext_sha256 = sha256(r.ciphertext), ciphertext = NULL
        FROM records t
        WHERE t.team_id = r.team_id AND t.kind = r.kind AND t.uuid = r.uuid
          AND t.version > r.version AND t.tombstone AND r.ciphertext IS NOT NULL
        """
    )


def downgrade() -> None:
    raise NotImplementedError("dropped ciphertext cannot come back")
