from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.team.certs import make_certificate
from tests.team.pg import Role
from tests.team.servers import ServerProcess


@pytest.fixture(scope="session")
def pg_role() -> Iterator[Role]:
    role = Role().create()
    yield role
    role.drop()


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("certs")
    good_cert, good_key, key = make_certificate(folder, "server")
    renewed_cert, _, _ = make_certificate(folder, "renewed", key)  # same key, new certificate
    other_cert, other_key, _ = make_certificate(folder, "other")
    return {
        "server": (good_cert, good_key),
        "renewed": (renewed_cert, good_key),
        "other": (other_cert, other_key),
    }


@pytest.fixture(scope="module")
def database(pg_role: Role) -> str:
    return pg_role.new_database()


@pytest.fixture(scope="module")
def server(
    database: str, certs: dict[str, tuple[Path, Path]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    cert, key = certs["server"]
    log = tmp_path_factory.mktemp("server") / "server.log"
    process = ServerProcess(database, cert, key, log).start()
    yield process
    process.stop()
