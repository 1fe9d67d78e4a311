"""The team server's tables.

Revision ID: s0001
Revises:
Create Date: 2026-11-18
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.types import UserDefinedType

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


class Xid8(UserDefinedType):  # type: ignore[type-arg]
    cache_ok = True

    def get_col_spec(self, **kw: object) -> str:
        return "xid8"


def _now() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("current_epoch", sa.Integer, server_default=sa.text("1"), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True)),
        _now(),
    )
    op.create_table(
        "codes",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
        sa.Column("team_id", sa.Uuid, sa.ForeignKey("teams.id"), nullable=False, index=True),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("auth_hash", sa.Text, nullable=False, unique=True),
        sa.Column("bundle", sa.LargeBinary),
        sa.Column("expires_at", sa.DateTime(timezone=True)),
        sa.Column("device_id", sa.Uuid),
        sa.Column("used_at", sa.DateTime(timezone=True)),
        sa.Column("voided_at", sa.DateTime(timezone=True)),
        _now(),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("team_id", sa.Uuid, sa.ForeignKey("teams.id"), nullable=False, index=True),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("token_hash", sa.Text, nullable=False, unique=True),
        sa.Column("code_id", sa.BigInteger, sa.ForeignKey("codes.id")),
        sa.Column("enrolment", sa.LargeBinary),
        sa.Column("head_seq", sa.BigInteger, server_default=sa.text("0"), nullable=False),
        sa.Column("head_chain", sa.Text, nullable=False),
        sa.Column("confirmed_at", sa.DateTime(timezone=True)),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        _now(),
    )
    op.create_table(
        "key_wraps",
        sa.Column("team_id", sa.Uuid, sa.ForeignKey("teams.id"), primary_key=True),
        sa.Column("epoch", sa.Integer, primary_key=True),
        sa.Column("recipient", sa.Text, primary_key=True),
        sa.Column("wrap", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "recovery",
        sa.Column("team_id", sa.Uuid, sa.ForeignKey("teams.id"), primary_key=True),
        sa.Column("signing_wrap", sa.LargeBinary, nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    op.create_table(
        "pushes",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
        sa.Column("team_id", sa.Uuid, sa.ForeignKey("teams.id"), nullable=False),
        sa.Column("device_id", sa.Uuid, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("txid", Xid8(), server_default=sa.text("pg_current_xact_id()"), nullable=False),
        sa.Column("head", sa.Text, nullable=False),
        _now(),
    )
    op.create_index("pushes_commit_order", "pushes", ["team_id", "txid", "id"])
    op.create_table(
        "operations",
        sa.Column("op_id", sa.Uuid, primary_key=True),
        sa.Column("team_id", sa.Uuid, sa.ForeignKey("teams.id"), nullable=False),
        sa.Column("device_id", sa.Uuid, sa.ForeignKey("devices.id"), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("push_id", sa.BigInteger, sa.ForeignKey("pushes.id"), nullable=False, index=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("uuid", sa.Uuid, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.UniqueConstraint("device_id", "seq", name="operations_device_seq"),
    )
    op.create_table(
        "records",
        sa.Column("team_id", sa.Uuid, sa.ForeignKey("teams.id"), primary_key=True),
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("uuid", sa.Uuid, primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("key_epoch", sa.Integer, nullable=False),
        sa.Column("tombstone", sa.Boolean, nullable=False),
        sa.Column("ciphertext", sa.LargeBinary, nullable=False),
        sa.Column("device_id", sa.Uuid, sa.ForeignKey("devices.id"), nullable=False),
        _now(),
    )
    op.create_table(
        "server_keys",
        sa.Column("pin", sa.Text, primary_key=True),
        sa.Column(
            "first_seen", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    op.create_table(
        "attempts",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
        sa.Column("client", sa.Text, nullable=False, index=True),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "attempts",
        "server_keys",
        "records",
        "operations",
        "pushes",
        "recovery",
        "key_wraps",
        "devices",
        "codes",
        "teams",
    ):
        op.drop_table(table)
