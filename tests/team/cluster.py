"""A throwaway PostgreSQL cluster of its own (initdb in a temporary folder, 127.0.0.1 and a free
port, password login): a municipality's new machine after a disaster or a move, whose
transaction ids start from the beginning again. As root the cluster runs as `postgres`
(initdb and pg_ctl refuse root), otherwise as the current user."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.team.pg import HOST, unavailable
from tests.team.servers import free_port


def _newest_bin() -> Path:
    """The newest installed PostgreSQL's programs (as .ci/run picks the version)."""
    versions = [p for p in Path("/usr/lib/postgresql").glob("*") if p.name.isdigit()]
    newest = max(versions, key=lambda p: int(p.name), default=Path("/usr/lib/postgresql/15"))
    return newest / "bin"


BIN = _newest_bin()


class FreshCluster:
    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="wt_cluster_"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.password = secrets.token_hex(16)
        self.started = False

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run(
            [*prefix, *command], capture_output=True, text=True, cwd="/", timeout=120
        )
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]}: {done.stderr.strip()[-500:]}")

    def start(self) -> FreshCluster:
        if not (BIN / "initdb").is_file():
            unavailable(f"no {BIN / 'initdb'} to make a fresh cluster")
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        secret = self.folder / "pw"
        secret.write_text(self.password + "\n", encoding="utf-8")
        if os.geteuid() == 0:
            shutil.chown(secret, "postgres", "postgres")
        self._run(
            str(BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--pwfile", str(secret),
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--no-sync",
            "--encoding=UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        secret.unlink()
        options = (
            f"-p {self.port} -c listen_addresses={HOST} -k {self.folder} -c fsync=off "
            "-c shared_buffers=16MB -c max_connections=60"
        )
        self._run(
            str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip
        self.started = True
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres:{self.password}@{HOST}:{self.port}/{database}"

    def stop(self) -> None:
        if self.started:
            self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
            self.started = False
        shutil.rmtree(self.folder, ignore_errors=True)
