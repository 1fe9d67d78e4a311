"""resident search index (FTS5), covering index from resident to meldingen

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Search finds residents first; their meldingen' status and date then come from the index.
    with op.batch_alter_table("report") as batch_op:
        batch_op.drop_index("ix_report_resident")
        batch_op.create_index("ix_report_resident", ["resident_id", "status", "received_on"])
    op.execute(
        "CREATE VIRTUAL TABLE resident_fts USING fts5(search_text, content='resident', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    op.execute(
        "CREATE TRIGGER resident_fts_insert AFTER INSERT ON resident BEGIN "
        "INSERT INTO resident_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER resident_fts_delete AFTER DELETE ON resident BEGIN "
        "INSERT INTO resident_fts(resident_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END"
    )
    op.execute(
        "CREATE TRIGGER resident_fts_update AFTER UPDATE OF search_text ON resident BEGIN "
        "INSERT INTO resident_fts(resident_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); "
        "INSERT INTO resident_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
    )
    op.execute("INSERT INTO resident_fts(resident_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS resident_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS resident_fts")
    with op.batch_alter_table("report") as batch_op:
        batch_op.drop_index("ix_report_resident")
        batch_op.create_index("ix_report_resident", ["resident_id"])
