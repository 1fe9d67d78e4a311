"""The pull order belongs to the team's database, not to the PostgreSQL cluster (s0002): a
long transaction in another database holds no team back, and a dump restored into a new
cluster (transaction ids from the beginning again) still serves laptops with old cursors.
The late commit itself: tests/team/test_sync.py."""

from __future__ import annotations

import subprocess
import threading
import uuid
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from tests.team.cluster import FreshCluster
from tests.team.db import sql
from tests.team.laptops import Laptop, team_of_two
from tests.team.pg import Role
from tests.team.servers import ServerProcess
from wijkteam.server.db import make_engine, migrate, sqlalchemy_url
from wijkteam.server.models import Base
from wijkteam.teamsync.client import TeamClient
from wijkteam.teamsync.session import DeviceSession


def _txid(database: str) -> int:
    return int(sql(database, "SELECT pg_current_xact_id()::text")[0][0])


def _burn_txids_until(database: str, target: int) -> None:
    """Uses up transaction ids (one per committed loop step) until the cluster is at `target`:
    the old cluster has lived longer than the new one, as a municipality's would have."""
    now = _txid(database)
    if now < target:
        with psycopg.connect(database, autocommit=True) as connection:
            connection.execute("SET synchronous_commit = off")
            connection.execute(
                f"DO $$ BEGIN FOR i IN 0..{target - now} LOOP "  # type: ignore[arg-type]
                "PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$"
            )


def _point_at(laptop: Laptop, process: ServerProcess) -> None:
    laptop.session = DeviceSession(
        laptop.state, TeamClient(process.url, laptop.state.pins), laptop.persist
    )


def test_a_long_transaction_in_another_database_holds_no_pull_back(
    server: ServerProcess, database: str, pg_role: Role
) -> None:
    carla, mo = team_of_two(server.url, database)
    elsewhere = pg_role.new_database()  # another application's database in the same cluster
    with psycopg.connect(elsewhere) as long_running:
        held = int(long_running.execute("SELECT pg_current_xact_id()::text").fetchone()[0])  # type: ignore[index]
        # What the old watermark would wait for: this transaction, in a database of its own.
        xmin = sql(database, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text")[0][0]
        assert int(xmin) <= held
        case = str(uuid.uuid4())
        carla.write("melding", case, {"stap": "huisbezoek gepland"})
        assert carla.push().applied
        pulled = mo.pull()  # one round, no waiting
        assert [(r.kind, r.uuid) for r in pulled.received if r.kind == "melding"] == [
            ("melding", case)
        ]
        mo.write("melding", case, {"stap": "huisbezoek gedaan"})
        mo.sync()
        carla.pull()
        assert carla.content("melding", case) == {"stap": "huisbezoek gedaan"}
        long_running.rollback()


def test_a_dump_restored_into_a_new_cluster_serves_laptops_with_old_cursors(
    pg_role: Role, certs: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    cert, key = certs["server"]
    fresh = FreshCluster().start()
    moved: ServerProcess | None = None
    try:
        source = pg_role.new_database()
        # The old cluster is well ahead of the new one, also on a CI machine that just started.
        _burn_txids_until(source, _txid(fresh.url()) + 5_000)
        old = ServerProcess(source, cert, key, tmp_path / "old.log").start()
        carla, mo = team_of_two(old.url, source)
        before = str(uuid.uuid4())
        carla.write("melding", before, {"stap": "voor de verhuizing"})
        carla.sync()
        mo.sync()
        mo.write("contact", str(uuid.uuid4()), {"wie": "Mo, voor de verhuizing"})
        mo.sync()
        carla.sync()
        assert mo.content("melding", before) == {"stap": "voor de verhuizing"}
        old.stop()  # the old machine is gone; last night's dump is all there is

        dump = tmp_path / "team.dump"
        subprocess.run(
            ["pg_dump", "-Fc", "--dbname", source, "--file", str(dump)],
            check=True, capture_output=True, cwd="/",
        )  # fmt: skip
        with psycopg.connect(fresh.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE wijkteam")
        restored = fresh.url("wijkteam")
        subprocess.run(
            ["pg_restore", "--no-owner", "--no-privileges", "--dbname", restored, str(dump)],
            check=True, capture_output=True, cwd="/",
        )  # fmt: skip
        # The hazard the cluster's transaction ids had: the new one hands out lower ones.
        last_seen_txid = _txid(source)
        assert _txid(restored) + 1_000 < last_seen_txid

        moved = ServerProcess(restored, cert, key, tmp_path / "moved.log").start()
        for laptop in (carla, mo):
            _point_at(laptop, moved)
        after = str(uuid.uuid4())
        carla.write("melding", after, {"stap": "na de verhuizing"})
        carla.write("melding", before, {"stap": "voor, en na de verhuizing bijgewerkt"})
        assert len(carla.push().applied) == 2
        mo.pull()
        assert mo.content("melding", after) == {"stap": "na de verhuizing"}
        assert mo.content("melding", before) == {"stap": "voor, en na de verhuizing bijgewerkt"}
        mo.write("contact", str(uuid.uuid4()), {"wie": "Mo, na de verhuizing"})
        mo.sync()
        carla.pull()
        assert sorted(c["wie"] for k, c in _all(carla).items() if k[0] == "contact") == [
            "Mo, na de verhuizing",
            "Mo, voor de verhuizing",
        ]
        assert not carla.quarantined and not mo.quarantined
    finally:
        if moved is not None:
            moved.stop()
        fresh.stop()


def _all(laptop: Laptop) -> dict[tuple[str, str], dict[str, str]]:
    return {key: laptop.content(*key) or {} for key in laptop.records}


@pytest.mark.filterwarnings("ignore:Did not recognize type 'xid8'")
def test_the_server_models_are_what_its_migrations_make(pg_role: Role) -> None:
    database = pg_role.new_database()
    engine = make_engine(database, pool_size=1)
    try:
        migrate(engine)
    finally:
        engine.dispose()
    plain = create_engine(sqlalchemy_url(database))
    try:
        with plain.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": False})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        plain.dispose()


def test_a_laptop_pulling_while_others_push_through_two_processes_misses_nothing(
    server: ServerProcess, database: str, certs: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    """Pushes of four laptops commit in whatever order PostgreSQL lets them (two server
    processes) while a fifth laptop pulls again and again, its cursor only ever moving on."""
    from tests.team.laptops import member
    from wijkteam.teamsync.team import invite, take_in_enrolments

    second = ServerProcess(database, *certs["server"], tmp_path / "second.log").start()
    try:
        carla, mo = team_of_two(server.url, database)
        rest = [member(server.url, invite(carla.session, str(uuid.uuid4()))) for _ in range(3)]
        take_in_enrolments(carla.session)
        follower, pushers = rest[0], [carla, mo, *rest[1:]]
        for n, laptop in enumerate(pushers):
            _point_at(laptop, second if n % 2 else server)
            laptop.pull()
        written: list[str] = []
        done = threading.Event()
        failures: list[BaseException] = []

        def work(laptop: Laptop) -> None:
            try:
                for _ in range(6):
                    for _ in range(3):
                        ident = str(uuid.uuid4())
                        laptop.write("melding", ident, {"n": ident})
                        written.append(ident)
                    assert len(laptop.push().applied) == 3
            except BaseException as error:
                failures.append(error)

        def follow() -> None:
            try:
                while not done.is_set():
                    follower.pull()
            except BaseException as error:
                failures.append(error)

        following = threading.Thread(target=follow)
        following.start()
        threads = [threading.Thread(target=work, args=(laptop,)) for laptop in pushers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        done.set()
        following.join(60)
        assert not failures, failures
        follower.pull()
        assert len(written) == 4 * 6 * 3
        missing = [i for i in written if follower.content("melding", i) != {"n": i}]
        assert missing == [] and not follower.quarantined
    finally:
        second.stop()


def test_a_push_checked_before_a_rotation_committed_is_refused_as_stale(
    server: ServerProcess, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one window HTTP cannot hold open: a push read the key epoch and passed its
    checks, then the coordinator's rotation committed (it takes the team row; the push's
    first insert would otherwise have made it wait). The push, run here in-process on the
    same database with the batch Mo's laptop would send, must not commit under the old key
    (a revoked device holds that one): refused as `epoch_stale`, nothing written."""
    import base64
    import threading as _threading

    from sqlalchemy.orm import Session

    from wijkteam.server.errors import ApiError
    from wijkteam.server.repository import sync as server_sync
    from wijkteam.teamsync.session import Outgoing
    from wijkteam.teamsync.team import rotate

    carla, mo = team_of_two(server.url, database)
    mo.pull()
    ident = str(uuid.uuid4())
    batch = mo.session._build([Outgoing(str(uuid.uuid4()), "melding", ident, 0, b'{"n": 1}')])
    ops = [
        server_sync.OpIn(
            uuid.UUID(o["op_id"]), o["kind"], uuid.UUID(o["uuid"]), o["base_version"],
            o["key_epoch"], o["tombstone"], base64.b64decode(o["ciphertext"]),
        )
        for o in batch["ops"]
    ]  # fmt: skip
    checked, rotated = _threading.Event(), _threading.Event()
    original = server_sync._check_batch

    def check_then_wait(*args: object) -> None:
        original(*args)  # type: ignore[arg-type]
        checked.set()
        assert rotated.wait(30)

    monkeypatch.setattr(server_sync, "_check_batch", check_then_wait)
    outcome: list[object] = []
    engine = create_engine(sqlalchemy_url(database))

    def push() -> None:
        with Session(engine) as session:
            try:
                outcome.append(
                    server_sync.push(
                        session, uuid.UUID(mo.state.device), "member", batch["head"], ops
                    )
                )
                session.commit()
            except ApiError as error:
                outcome.append(error)

    pushing = _threading.Thread(target=push)
    pushing.start()
    try:
        assert checked.wait(30)
        assert rotate(carla.session) == 2
    finally:
        rotated.set()
        pushing.join(30)
        engine.dispose()
    [refused] = outcome
    assert isinstance(refused, ApiError) and refused.code == "epoch_stale"
    assert sql(database, "SELECT count(*) FROM records WHERE uuid = %s", (ident,)) == [(0,)]
    # The laptop's own round then seals it under the new key.
    mo.write("melding", ident, {"n": 1})
    assert len(mo.push().applied) == 1
    assert sql(database, "SELECT key_epoch FROM records WHERE uuid = %s", (ident,)) == [(2,)]
