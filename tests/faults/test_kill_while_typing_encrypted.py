"""The SIGKILL drill on an encrypted store (issue 17): a member signed in with the password
types a conversation in the real app, which is killed at a random moment, started again,
and killed again. After every kill the store opens with the password, SQLite and SQLCipher
find every page intact, the audit chain is whole up to the head file next to the store,
the draft holds what was typed up to its last autosave (and nothing that was not typed),
and the drafts of the earlier runs are exactly as they were."""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import NOW, TEAM_PASSWORD, make_team_store
from tests.factories import report, resident
from tests.faults.encrypted_typist import typed_characters
from wijkteam.clock import FixedClock
from wijkteam.store import store_path
from wijkteam.store.cipher import Cipher
from wijkteam.wiring import Services
from wijkteam.wiring.setup import open_unlocked, unlock

ROOT = Path(__file__).resolve().parents[2]
KILLS = 4
KILL_AFTER = (0.3, 3.2)  # seconds after the first key; autosave waits at most 2 s
LAST_KILL_AFTER = (2.4, 3.2)  # the last run lives past an autosave
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _prepare(data_dir: Path) -> tuple[int, int]:
    store = make_team_store(data_dir, FixedClock(NOW))
    try:
        saved = Services.create(store).reports.register(report(), resident=resident())
    finally:
        store.close()
    return saved.resident_id, saved.id


class Typist:
    """The child process and the lines it prints, read on a thread of their own."""

    def __init__(self, data_dir: Path, resident_id: int, report_id: int) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "tests.faults.encrypted_typist", str(data_dir)]
        self.process = subprocess.Popen(
            [*command, str(resident_id), str(report_id)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        stdout = self.process.stdout
        assert stdout is not None
        self._reader = threading.Thread(
            target=lambda: [self.lines.put(x.strip()) for x in stdout], daemon=True
        )
        self._reader.start()
        self.saved = 0  # characters in the last draft the child said reached the store

    def wait_for_typing(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.lines.get(timeout=0.2) == "TYPING":
                    return
            except queue.Empty:
                if self.process.poll() is not None:
                    pytest.fail(f"the app stopped early with code {self.process.returncode}")
        pytest.fail(f"the app did not start typing within {timeout} s")

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(timeout=10) == -signal.SIGKILL
        self._reader.join(timeout=5)  # everything it printed before it died
        while not self.lines.empty():
            line = self.lines.get()
            if line.startswith("SAVED "):
                self.saved = int(line.split()[1])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _check_store(data_dir: Path) -> dict[int, tuple[int | None, dict]]:
    """Opens the store as signing in does and checks it whole; returns the pending drafts
    (id -> report, themes)."""
    ring, unlocked = unlock(data_dir, "CC", TEAM_PASSWORD)
    connection = Cipher(unlocked.store_key).connect(store_path(data_dir), read_only=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        connection.close()
    services = open_unlocked(data_dir, ring, unlocked, clock=FixedClock(NOW)).services
    try:
        chain = services.audit.verify()
        assert chain.intact, [(p.seq, p.kind) for p in chain.problems]
        assert chain.head_known
        return {
            d.id: (d.content.report_id, dict(d.content.themes)) for d in services.drafts.pending()
        }
    finally:
        services.store.close()


@pytest.mark.slow
def test_killed_again_and_again_while_typing_on_an_encrypted_store(tmp_path: Path) -> None:
    seed = random.randrange(1 << 32)
    moments = random.Random(seed)
    data_dir = tmp_path / "data"
    resident_id, report_id = _prepare(data_dir)
    earlier: dict[int, tuple[int | None, dict]] = {}
    saved_runs = 0
    for run in range(KILLS):
        typist = Typist(data_dir, resident_id, report_id)
        try:
            typist.wait_for_typing(timeout=60)
            time.sleep(moments.uniform(*(LAST_KILL_AFTER if run == KILLS - 1 else KILL_AFTER)))
            typist.kill()
        finally:
            typist.stop()

        where = f"run {run + 1} of {KILLS} (seed {seed}, last autosave {typist.saved})"
        drafts = _check_store(data_dir)
        assert {i: drafts.get(i) for i in earlier} == earlier, where  # nothing lost or changed
        new = {i: d for i, d in drafts.items() if i not in earlier}
        assert len(new) <= 1, where
        if typist.saved:
            assert new, f"{where}: the autosaved draft is gone"
            saved_runs += 1
        for draft_report, themes in new.values():
            assert draft_report == report_id, where
            assert typed_characters(themes) >= typist.saved, where  # typed, in order, no less
        earlier = drafts
    assert saved_runs >= 1, f"no run lived long enough to autosave (seed {seed})"
