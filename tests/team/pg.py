"""PostgreSQL for tests: a role and databases with unique names per run (other engineers'
runs share the cluster). Admin access: $WIJKTEAM_TEST_POSTGRES_ADMIN (a URL), else
`runuser -u postgres -- psql` (CI runs as root). If neither works the tests FAIL; only a
developer's explicit WIJKTEAM_TEST_SKIP_POSTGRES=1 (outside CI) turns that into a skip."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess

import psycopg
import pytest

HOST, PORT = "127.0.0.1", int(os.environ.get("WIJKTEAM_TEST_POSTGRES_PORT", "5432"))


def unavailable(reason: str) -> None:
    if os.environ.get("WIJKTEAM_TEST_SKIP_POSTGRES") == "1" and not os.environ.get("CI"):
        pytest.skip(f"PostgreSQL not available: {reason}")
    pytest.fail(f"PostgreSQL not available: {reason} (see tests/team/pg.py)", pytrace=False)


def admin(sql: str) -> None:
    url = os.environ.get("WIJKTEAM_TEST_POSTGRES_ADMIN")
    if url:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]
        return
    if shutil.which("runuser") is None or os.geteuid() != 0:
        unavailable("set WIJKTEAM_TEST_POSTGRES_ADMIN or run as root")
    done = subprocess.run(
        ["runuser", "-u", "postgres", "--", "psql", "-v", "ON_ERROR_STOP=1", "-qc", sql],
        capture_output=True,
        text=True,
        cwd="/",
    )
    if done.returncode != 0:
        unavailable(done.stderr.strip()[:300])


class Role:
    def __init__(self) -> None:
        self.name = f"wt_{secrets.token_hex(6)}"
        self.password = secrets.token_hex(16)
        self.databases: list[str] = []

    def create(self) -> Role:
        admin(f"CREATE ROLE {self.name} LOGIN CREATEDB PASSWORD '{self.password}'")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.name}:{self.password}@{HOST}:{PORT}/{database}"

    def new_database(self) -> str:
        name = f"{self.name}_{len(self.databases)}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
        self.databases.append(name)
        return self.url(name)

    def drop(self) -> None:
        for name in self.databases:
            admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin(f"DROP ROLE IF EXISTS {self.name}")
