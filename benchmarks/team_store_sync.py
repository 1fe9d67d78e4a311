"""The laptop's store in a team, through the real entry points (services.team and
StoreAccess.join_team) against a real server process and PostgreSQL on 127.0.0.1:

1. a new laptop joining a team of N open cases with their contacts (default 5,000):
   target <= 60 s; anchor: one plain SELECT of the same ciphertext rows from PostgreSQL;
2. a day's work (50 changed meldingen) pushed by one laptop and pulled by the other:
   target <= 2 s; anchor: a plain SELECT of those ciphertext rows.

    .venv/bin/python -m benchmarks.team_store_sync [--cases 5000]

Needs PostgreSQL as in the tests (tests/team/pg.py).
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import tempfile
import time
from pathlib import Path

import psycopg

from tests.conftest import team_setup
from tests.factories import report
from tests.team.certs import make_certificate
from tests.team.laptops import registration_code
from tests.team.pg import Role
from tests.team.servers import ServerProcess
from wijkteam.demo.generator import generate
from wijkteam.domain.enums import MemberRole
from wijkteam.store.models import Report
from wijkteam.wiring.access import StoreAccess
from wijkteam.wiring.setup import first_start

JOIN_TARGET_S, DAY_TARGET_S = 60.0, 2.0
PASSWORD = "groene fiets dinsdag"


def _anchor(database: str, where: str = "") -> float:
    started = time.perf_counter()
    with psycopg.connect(database) as connection:
        rows = connection.execute(f"SELECT kind, uuid, version, ciphertext FROM records {where}")
        rows.fetchall()
    return time.perf_counter() - started


def _line(what: str, seconds: float, anchor: float, target: float) -> bool:
    ratio = seconds / anchor if anchor else float("inf")
    verdict = "OK" if seconds <= target else "TOO SLOW"
    print(f"{what:<44} {seconds:8.2f} s   anchor {anchor:7.3f} s   ratio {ratio:7.1f}x   "
          f"target <= {target:.0f} s  {verdict}")  # fmt: skip
    return verdict == "OK"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument(
        "--profile", metavar="FILE", help="cProfile the join and the day's work: FILE.join/.day"
    )
    args = parser.parse_args()
    role = Role().create()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cert, key, _ = make_certificate(tmp, "server")
        database = role.new_database()
        server = ServerProcess(database, cert, key, tmp / "server.log").start()
        try:
            opened = first_start(tmp / "carla", team_setup())
            c = opened.services
            started = time.perf_counter()
            summary = generate(c.store, c.audit, residents=args.cases)
            print(f"demo data: {summary.residents} residents, {summary.reports} meldingen "
                  f"({time.perf_counter() - started:.1f} s, not timed)")  # fmt: skip
            mo = c.members.add("Mo Member", "MM", MemberRole.MEMBER)
            started = time.perf_counter()
            c.team.connect(server.url, registration_code(database))
            upload = time.perf_counter() - started
            _line("coordinator uploads the store (connect)", upload, _anchor(database), 1e9)
            code = c.team.invite(mo.id)
            profile = cProfile.Profile() if args.profile else None
            if profile is not None:
                profile.enable()
            started = time.perf_counter()
            joined = StoreAccess(tmp / "mo").join_team(server.url, code, "MM", PASSWORD, PASSWORD)
            join = time.perf_counter() - started
            if profile is not None:
                profile.disable()
                profile.dump_stats(f"{args.profile}.join")
            with psycopg.connect(database) as connection:
                count = connection.execute("SELECT count(*) FROM records").fetchone()
            ok = _line(f"new laptop joins ({count[0] if count else 0} records)", join,
                  _anchor(database), JOIN_TARGET_S)  # fmt: skip
            c.team.sync()  # the coordinator lists the new device
            m = joined.services
            m.team.sync()  # the joined laptop's audit rows of the join go to the team
            started = time.perf_counter()
            caught = c.team.sync()  # and the coordinator pulls them: once, not a day's work
            print(f"after the join: the coordinator pulls {caught.pulled} records and the "
                  f"joined laptop's audit rows in {time.perf_counter() - started:.2f} s "
                  "(no target)")  # fmt: skip
            with c.store.transaction() as session:
                ids = list(session.scalars(Report.__table__.select().with_only_columns(
                    Report.id).limit(50)))  # fmt: skip
            for n, ident in enumerate(ids):
                c.reports.update(ident, report(question=f"Bijgewerkt {n}"))
            profile = cProfile.Profile() if args.profile else None
            if profile is not None:
                profile.enable()
            started = time.perf_counter()
            pushed = c.team.sync()
            pulled = m.team.sync()
            day = time.perf_counter() - started
            if profile is not None:
                profile.disable()
                profile.dump_stats(f"{args.profile}.day")
            anchor = _anchor(database, "ORDER BY created_at DESC LIMIT 150")
            ok &= _line(f"day's work: {pushed.pushed} pushed, {pulled.pulled} pulled", day, anchor,
                  DAY_TARGET_S)  # fmt: skip
            joined.services.store.close()
            c.store.close()
            return 0 if ok else 1
        finally:
            server.stop()
            role.drop()


if __name__ == "__main__":
    sys.exit(main())
