"""Team server databases made by earlier releases (tests/fixtures/team_server/, frozen by
packaging/freeze_team_server_db.py) under the current server: the plain-SQL dump restores
into a fresh database of another role, the current server starts on it and migrates it to
its head, every row and key of the frozen manifest is still there, and a member laptop of
that team (its frozen team link, pinned to the frozen TLS key) authenticates and pulls what
the coordinator pushed after it last synced — the erasure and the revocation included.
Its frozen cursor is of the old "txid:id" form and its cluster's transaction ids are not
this one's: the pull order is the database's own (s0002), nothing to age or renumber here.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from tests.team.pg import Role
from tests.team.servers import ServerProcess
from wijkteam.server.db import MIGRATIONS_DIR, sqlalchemy_url
from wijkteam.server.manifest import server_manifest
from wijkteam.store.manifest import missing_records
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.session import DeviceSession
from wijkteam.teamsync.state import DeviceState

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "team_server"
DUMPS = sorted(p for p in FIXTURES.iterdir() if (p / "manifest.json").is_file())


def manifest_of(fixture: Path) -> dict[str, Any]:
    return json.loads((fixture / "manifest.json").read_text(encoding="utf-8"))


def server_head() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


@pytest.fixture
def role() -> Iterator[Role]:
    made = Role().create()  # not the role that made the dump: nothing may depend on owners
    yield made
    made.drop()


def restore(fixture: Path, database: str) -> None:
    subprocess.run(
        ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-X", "-f", str(fixture / "team.sql"), database],
        check=True,
        capture_output=True,
        cwd="/",
    )


_OLDER_THAN_A_TOMBSTONE = """
    SELECT count(*) FROM records r JOIN records t
      ON t.team_id = r.team_id AND t.kind = r.kind AND t.uuid = r.uuid AND t.version > r.version
    WHERE t.tombstone AND r.ciphertext IS NOT NULL
"""


def test_fixtures_cover_this_release_with_rows_in_the_main_tables() -> None:
    assert DUMPS
    for fixture in DUMPS:
        frozen = manifest_of(fixture)
        for table in ("teams", "devices", "key_wraps", "pushes", "operations", "records"):
            assert frozen["tables"][table]["count"] > 0, (fixture.name, table)
        size = sum(p.stat().st_size for p in fixture.iterdir())
        assert size < 1_000_000, fixture.name


@pytest.mark.parametrize("fixture", DUMPS, ids=lambda p: p.name)
def test_release_team_db_migrates_keeps_every_record_and_serves_its_laptops(
    fixture: Path, role: Role, tmp_path: Path
) -> None:
    frozen = manifest_of(fixture)
    database = role.new_database()
    restore(fixture, database)

    server = ServerProcess(
        database, fixture / "server.crt", fixture / "server.key", tmp_path / "server.log"
    ).start()
    try:
        engine = create_engine(sqlalchemy_url(database))
        with engine.connect() as connection:
            now = server_manifest(connection)
            # s0003: no ciphertext left of a version older than its record's tombstone.
            held = connection.execute(text(_OLDER_THAN_A_TOMBSTONE)).scalar_one()
        engine.dispose()
        assert held == 0
        assert now["revision"] == server_head()
        assert missing_records(frozen, now) == []

        state = DeviceState.from_json((fixture / "member_link.json").read_text("utf-8"))
        seen = dict(state.versions)  # what the member had pulled up to its frozen cursor
        state.server = server.url
        client = TeamClient(server.url, state.pins, state.token)
        try:
            outcome = DeviceSession(state, client).pull()
        finally:
            client.close()
        assert outcome.quarantined == []
        assert outcome.devices_changed  # the revocation reached the member
        assert any(item.tombstone for item in outcome.received)  # the erasure did too
        assert any(item.kind == "report" and not item.tombstone for item in outcome.received)
        # The old cursor ("txid:id") stands for the same place in the new order: nothing
        # the member already had comes again, and the next pull brings nothing more.
        assert all(
            item.version > seen.get(f"{item.kind}/{item.uuid}", 0) for item in outcome.received
        )
        assert ":" not in state.cursor
        client = TeamClient(server.url, state.pins, state.token)
        try:
            assert DeviceSession(state, client).pull().received == []
        finally:
            client.close()
    finally:
        server.stop()
