"""The database dump of a team that uploaded its demo store holds none of its names, BSNs,
streets or notes (DESIGN.md §11: the server never reads personal data)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import select

from tests.conftest import NOW, TEST_KDF, team_setup
from tests.team.db import sql
from tests.team.laptops import registration_code
from tests.team.servers import ServerProcess
from wijkteam.clock import FixedClock
from wijkteam.demo.generator import generate
from wijkteam.store.models import Contact, Report, Resident
from wijkteam.wiring.setup import first_start


def test_the_dump_holds_no_personal_data_of_the_demo_store(
    tmp_path: Path, server: ServerProcess, pg_role
) -> None:  # type: ignore[no-untyped-def]
    database = pg_role.new_database()
    process = ServerProcess(database, server.cert, server.key, tmp_path / "server.log").start()
    opened = first_start(tmp_path / "carla", team_setup(), kdf=TEST_KDF, clock=FixedClock(NOW))
    services = opened.services
    try:
        generate(services.store, services.audit, residents=40)
        services.team.connect(process.url, registration_code(database))
        assert services.team.status().pending == 0
        with services.store.transaction() as session:
            secrets = set()
            for r in session.scalars(select(Resident)):
                secrets |= {r.surname, r.first_names, r.bsn, r.street, r.phone}
            secrets |= {q for q in session.scalars(select(Report.question))}
            secrets |= {n for n in session.scalars(select(Contact.notes))}
        secrets = {s for s in secrets if s and len(s) >= 5}
        assert len(secrets) > 50
    finally:
        services.store.close()
        process.stop()
    dump = subprocess.run(
        ["pg_dump", "--data-only", database], capture_output=True, text=True, check=True
    ).stdout
    kinds = dict(sql(database, "SELECT kind, count(*) FROM records GROUP BY kind"))
    assert kinds["resident"] == 40 and kinds["report"] >= 40 and kinds["audit"] > 100
    found = sorted(s for s in secrets if s in dump)
    assert found == []
