"""The versions a laptop has seen of each team record move out of the device state's JSON
into `team_version`: one row per record, read and written only for those a sync round
touches (the JSON held tens of thousands and was saved whole several times a round)

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

LINK = sa.table("team_link", sa.column("id", sa.Integer()), sa.column("state", sa.Text()))
VERSION = sa.table(
    "team_version", sa.column("slot", sa.String()), sa.column("version", sa.Integer())
)
CHUNK = 1000


def upgrade() -> None:
    op.create_table(
        "team_version",
        sa.Column("slot", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_team_version")),
    )
    connection = op.get_bind()
    for link_id, text in connection.execute(sa.select(LINK.c.id, LINK.c.state)).all():
        state = json.loads(text)
        versions = state.pop("versions", None) or {}
        rows = [{"slot": str(k), "version": int(v)} for k, v in versions.items()]
        for start in range(0, len(rows), CHUNK):
            connection.execute(VERSION.insert(), rows[start : start + CHUNK])
        state = {"layout": 3, **{k: v for k, v in state.items() if k != "layout"}}
        connection.execute(
            LINK.update().where(LINK.c.id == link_id).values(state=json.dumps(state))
        )


def downgrade() -> None:
    connection = op.get_bind()
    versions = dict(connection.execute(sa.select(VERSION.c.slot, VERSION.c.version)).all())
    for link_id, text in connection.execute(sa.select(LINK.c.id, LINK.c.state)).all():
        state = json.loads(text)
        state = {"layout": 2, **{k: v for k, v in state.items() if k != "layout"}}
        state["versions"] = versions  # layout 2: `versions` last
        connection.execute(
            LINK.update().where(LINK.c.id == link_id).values(state=json.dumps(state))
        )
    op.drop_table("team_version")
