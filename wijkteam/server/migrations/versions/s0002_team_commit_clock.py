"""Pull order by a per-team commit clock instead of PostgreSQL transaction ids.

Transaction ids belong to a cluster (a dump restored into a new cluster starts lower, and the
old watermark held every team back for a long transaction in any database of the cluster).
Each push now gets `pushes.seq` from its team's `push_clocks` row as the last step of its
transaction, under that row's lock (docs/team-protocol.md, "Push and pull"). Existing pushes are
numbered 1, 2, … per team in their old pull order (txid, id), which keeps every laptop's
delivered set a prefix; the old txid stays as `legacy_txid` so a laptop's old cursor
("txid:id") is translated to the same position.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "push_clocks",
        sa.Column("team_id", sa.Uuid, sa.ForeignKey("teams.id"), primary_key=True),
        sa.Column("tick", sa.BigInteger, nullable=False),
    )
    op.add_column("pushes", sa.Column("seq", sa.BigInteger))
    op.alter_column("pushes", "txid", new_column_name="legacy_txid")
    op.alter_column("pushes", "legacy_txid", server_default=None, nullable=True)
    op.execute(
        """
        UPDATE pushes SET seq = numbered.seq
        FROM (
            SELECT id, row_number() OVER (PARTITION BY team_id ORDER BY legacy_txid, id) AS seq
            FROM pushes
        ) AS numbered
        WHERE pushes.id = numbered.id
        """
    )
    op.execute(
        """
        INSERT INTO push_clocks (team_id, tick)
        SELECT team_id, max(seq) FROM pushes GROUP BY team_id
        """
    )
    op.drop_index("pushes_commit_order", table_name="pushes")
    op.create_index("pushes_team_seq", "pushes", ["team_id", "seq"], unique=True)


def downgrade() -> None:
    op.drop_index("pushes_team_seq", table_name="pushes")
    # Pushes made since: after every older one (among themselves by id).
    op.execute("UPDATE pushes SET legacy_txid = pg_current_xact_id() WHERE legacy_txid IS NULL")
    op.alter_column(
        "pushes",
        "legacy_txid",
        new_column_name="txid",
        server_default=sa.text("pg_current_xact_id()"),
        nullable=False,
    )
    op.create_index("pushes_commit_order", "pushes", ["team_id", "txid", "id"])
    op.drop_column("pushes", "seq")
    op.drop_table("push_clocks")
