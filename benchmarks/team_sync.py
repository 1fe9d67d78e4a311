"""50 laptops sync a day's work (50 changed records each) at once against one team server
process on 127.0.0.1 (real PostgreSQL, TLS). Each laptop is its own process (as on 50
machines; the client work shares this machine's cores with the server and PostgreSQL).

Prints per round (push + pull of one laptop) p50/p95/max, errors, and the anchor: a plain
SELECT of the same ciphertext rows from PostgreSQL. Target: all complete, no errors,
p95 per round <= 5 s.

    .venv/bin/python -m benchmarks.team_sync [--laptops 50] [--records 50]

Needs PostgreSQL as in the tests (tests/team/pg.py: runuser as root, or
$WIJKTEAM_TEST_POSTGRES_ADMIN).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

from tests.team.certs import make_certificate
from tests.team.laptops import Laptop, coordinator, member
from tests.team.pg import Role
from tests.team.servers import ServerProcess
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.session import DeviceSession
from wijkteam.teamsync.state import DeviceState
from wijkteam.teamsync.team import invite, take_in_enrolments

TARGET_P95_S = 5.0


def _note(n: int) -> dict[str, str]:
    return {
        "omschrijving": f"Huisbezoek {n}: vrij gesprek over wonen, geld en contacten " * 3,
        "stap": "nazorg over twee weken",
    }


def _one_round(args: tuple[str, str, int, multiprocessing.synchronize.Barrier]) -> tuple:  # type: ignore[name-defined,type-arg]
    url, state_json, records, barrier = args
    state = DeviceState.from_json(state_json)
    laptop = Laptop(DeviceSession(state, TeamClient(url, state.pins)))
    for n in range(records):
        laptop.write("melding", str(uuid.uuid4()), _note(n))
    barrier.wait()
    started = time.perf_counter()
    try:
        push, pull = laptop.sync()
        error = "" if len(push.applied) == records and not pull.quarantined else "incomplete"
    except Exception as failure:  # a benchmark counts errors instead of stopping
        error = type(failure).__name__
    return time.perf_counter() - started, error, laptop.state.to_json()


def _round(url: str, states: list[str], records: int) -> tuple[list[float], list[str], list[str]]:
    context = multiprocessing.get_context("fork")
    barrier = context.Manager().Barrier(len(states))
    with context.Pool(len(states)) as pool:
        results = pool.map(_one_round, [(url, s, records, barrier) for s in states])
    return [r[0] for r in results], [r[1] for r in results if r[1]], [r[2] for r in results]


def _anchor(database: str) -> float:
    with psycopg.connect(database) as connection:
        started = time.perf_counter()
        connection.execute(
            "SELECT team_id, kind, uuid, version, key_epoch, tombstone, ciphertext, device_id"
            " FROM records ORDER BY created_at"
        ).fetchall()
        return time.perf_counter() - started


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--records", type=int, default=50)
    args = parser.parse_args()
    role = Role().create()
    folder = Path(tempfile.mkdtemp(prefix="wijkteam-team-bench-"))
    cert, key, _ = make_certificate(folder, "server")
    database = role.new_database()
    server = ServerProcess(database, cert, key, folder / "server.log").start()
    try:
        carla, _ = coordinator(server.url, database)
        laptops = [carla]
        for _ in range(args.laptops - 1):
            laptops.append(member(server.url, invite(carla.session, str(uuid.uuid4()))))
        take_in_enrolments(carla.session)
        states = [laptop.state.to_json() for laptop in laptops]
        setup_cpu = _cpu_seconds(server.process.pid)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        setup_children = usage.ru_utime + usage.ru_stime
        figures = []
        for name in ("a day's work", "catching up"):
            times, errors, states = _round(server.url, states, args.records if not figures else 0)
            figures.append((name, times, errors))
        anchor = _anchor(database)
        server_cpu = _cpu_seconds(server.process.pid) - setup_cpu
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        laptops_cpu = usage.ru_utime + usage.ru_stime - setup_children
        rows = args.laptops * args.records
        print(f"{args.laptops} laptops x {args.records} records, one server process, 2 rounds")
        ok = True
        for name, times, errors in figures:
            p95 = statistics.quantiles(times, n=20)[-1]
            verdict = "OK" if p95 <= TARGET_P95_S and not errors else "TOO SLOW"
            ok &= verdict == "OK"
            print(
                f"  {name}: p50 {statistics.median(times):.2f} s, p95 {p95:.2f} s, "
                f"max {max(times):.2f} s, errors {len(errors)} {sorted(set(errors))} "
                f"(target p95 <= {TARGET_P95_S:.0f} s) {verdict}"
            )
        p95_first = statistics.quantiles(figures[0][1], n=20)[-1]
        print(
            f"  anchor: plain SELECT of the {rows} ciphertext rows: {anchor * 1000:.0f} ms; "
            f"p95 round / anchor = {p95_first / anchor:.0f}x"
        )
        print(
            f"  CPU over both rounds: server process {server_cpu:.1f} s, the {args.laptops}"
            f" simulated laptops together {laptops_cpu:.1f} s"
            f" (they share this machine's {os.cpu_count()} cores)"
        )
        return 0 if ok else 1
    finally:
        server.stop()
        role.drop()


if __name__ == "__main__":
    sys.exit(main())
