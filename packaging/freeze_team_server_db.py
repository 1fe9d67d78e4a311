"""Freeze a team server database made by this release as a test fixture
(tests/fixtures/team_server/<version>-<commit>-schema-<revision>/).

    .venv/bin/python packaging/freeze_team_server_db.py

Each release runs it once, before it is tagged (as root, or with
$WIJKTEAM_TEST_POSTGRES_ADMIN set, like the team tests), and commits the new folder:
tests/packaging/test_release_team_db.py then restores that database under every later server.

It starts this checkout's real server (`wijkteam server`, TLS on 127.0.0.1) on a new
PostgreSQL database, and real laptops work with it through the services: the coordinator
connects, a member joins and one more joins and is revoked, both push meldingen, the
coordinator erases a resident. The member laptop's team link (its device token and keys) is
saved as it was before the coordinator's last pushes, so that a test laptop can pull those.
The folder gets a plain-SQL `pg_dump` without owner or privilege statements (it restores
into any role), the server's TLS certificate and key (made for the test, pinned by that
laptop), the laptop's link, manifest.json (per table: row count and keys) and a README.
All data is synthetic.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "fixtures" / "team_server"


def main() -> int:
    commit = _git("rev-parse", "HEAD").strip()
    if _git("status", "--porcelain", "--", "wijkteam"):
        raise SystemExit("Commit de code eerst: de database moet van een commit zijn.")
    from tests.team.pg import Role

    role = Role().create()
    try:
        with tempfile.TemporaryDirectory(prefix="wijkteam-server-bevriezen-") as work:
            folder = _make_and_freeze(role, Path(work), commit)
    finally:
        role.drop()
    print(f"Vastgelegd: {folder.relative_to(ROOT)}")
    return 0


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def _make_and_freeze(role: Any, work: Path, commit: str) -> Path:
    from tests.team.certs import make_certificate
    from tests.team.servers import ServerProcess

    database = role.new_database()
    cert, key, _ = make_certificate(work, "server")
    server = ServerProcess(database, cert, key, work / "server.log").start()
    try:
        link = _team_at_work(work, server.url, database)
    finally:
        server.stop()
    return _freeze(database, commit, cert, key, link)


def _team_at_work(work: Path, url: str, database: str) -> str:
    """What a team does in its first weeks; returns the member's link as it was before the
    coordinator's last pushes."""
    from tests.conftest import NOW
    from tests.factories import report, resident
    from tests.team.stores import coordinator_laptop, member_laptop
    from wijkteam.clock import FixedClock
    from wijkteam.teamsync.outbox import load_state

    clock = FixedClock(NOW)
    carla = coordinator_laptop(work / "carla", url, database, clock)
    mo = member_laptop(carla, work / "mo", url, clock)
    rik = member_laptop(carla, work / "rik", url, clock, name="Rik Reserve", initials="RR")
    c, m = carla.services, mo.services
    try:
        c.reports.register(report(question="Hulp bij de tuin"), resident=resident(surname="Eerst"))
        gone = c.reports.register(report(), resident=resident(surname="Wisvoorbeeld"))
        m.reports.register(report(question="Boodschappen"), resident=resident(surname="Tweede"))
        c.team.sync()
        _sync_until(m, lambda: len(m.residents.search("wisvoorbeeld")) == 1)
        _sync_until(c, lambda: len(c.residents.search("tweede")) == 1)
        with m.store.transaction() as session:
            state = load_state(session)
        assert state is not None
        link = state.to_json()  # Mo's laptop from here on is not in the fixture
        c.privacy.erase(gone.resident_id)
        c.team.revoke(next(x for x in c.members.list() if x.initials == "RR").id)
        c.reports.register(report(question="Na de wissing"), resident=resident(surname="Derde"))
        c.team.sync()
        _sync_until(m, lambda: len(m.residents.search("derde")) == 1)
        return link
    finally:
        for opened in (carla, mo, rik):
            opened.services.store.close()


def _sync_until(services: Any, arrived: Callable[[], bool]) -> None:
    """Sync until `arrived()` (a round may end before the other laptop's push is in)."""
    deadline = time.monotonic() + 60
    while True:
        services.team.sync()
        if arrived():
            return
        if time.monotonic() > deadline:
            raise SystemExit("De synchronisatie kwam niet rond.")
        time.sleep(0.3)


def _freeze(database: str, commit: str, cert: Path, key: Path, link: str) -> Path:
    from sqlalchemy import create_engine

    from wijkteam import __version__
    from wijkteam.server.db import sqlalchemy_url
    from wijkteam.server.manifest import server_manifest

    engine = create_engine(sqlalchemy_url(database))
    with engine.connect() as connection:
        manifest = server_manifest(connection)
    engine.dispose()
    folder = FIXTURES / f"{__version__}-{commit[:7]}-schema-{manifest['revision']}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    dump = subprocess.run(
        ["pg_dump", "--format=plain", "--no-owner", "--no-privileges", "--dbname", database],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    (folder / "team.sql").write_text(dump, encoding="utf-8")
    shutil.copy2(cert, folder / "server.crt")
    shutil.copy2(key, folder / "server.key")
    (folder / "member_link.json").write_text(link + "\n", encoding="utf-8")
    manifest["made_by"] = {"version": __version__, "commit": commit, "on": f"{date.today()}"}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(_readme(manifest), encoding="utf-8")
    return folder


def _readme(manifest: dict[str, Any]) -> str:
    made = manifest["made_by"]
    rows = sum(t["count"] for t in manifest["tables"].values())
    return "\n".join(
        [
            f"# Team server database of Wijkteam {made['version']} (commit "
            f"{made['commit'][:10]}), server schema {manifest['revision']}",
            "",
            f"Made on {made['on']} by `packaging/freeze_team_server_db.py`: a coordinator, a "
            "member and a revoked member worked with that release's server; a resident was "
            f"erased. Synthetic data only; {len(manifest['tables'])} tables, {rows} rows, "
            "listed in `manifest.json`.",
            "",
            "- `team.sql`: `pg_dump --format=plain --no-owner --no-privileges`;",
            "- `server.crt`, `server.key`: the test server's self-signed TLS key, pinned by",
            "  the member's laptop (made for this fixture, never used elsewhere);",
            "- `member_link.json`: that member laptop's team link (device token, keys) from",
            "  before the coordinator's last pushes, so a test laptop can pull them.",
            "",
            "`tests/packaging/test_release_team_db.py` restores it under the current server. "
            "Never edit these files; freeze a new folder instead.",
            "",
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
