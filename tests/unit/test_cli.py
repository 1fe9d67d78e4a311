"""The headless commands, run as a member's administrator would: as separate processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from wijkteam.security.keyring import keys_path
from wijkteam.store import store_path
from wijkteam.wiring.setup import open_unlocked, unlock

PASSPHRASE = "lange demo-zin voor tests"


def _run(
    *args: str, env: dict[str, str] | None = None, passphrase: str | None = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    extra = {"WIJKTEAM_PASSPHRASE": passphrase} if passphrase else {}
    base = {k: v for k, v in os.environ.items() if k != "WIJKTEAM_PASSPHRASE"}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ui.launcher import main; code = main(); "
            "print('QT_LOADED' if 'PySide6' in sys.modules else 'NO_QT'); sys.exit(code)",
            *args,
        ],
        capture_output=True,
        text=True,
        env={**base, **extra, **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_demo_data_creates_and_fills_an_encrypted_store_without_loading_qt(
    tmp_path: Path,
) -> None:
    result = _run("demo-data", "--data-dir", str(tmp_path), "--residents", "12")
    assert result.returncode == 0, result.stderr
    assert "12 inwoners" in result.stdout
    assert "NO_QT" in result.stdout
    assert "Herstelcode" in result.stdout and "AM" in result.stdout
    assert PASSPHRASE not in result.stdout + result.stderr
    assert keys_path(tmp_path).exists()
    assert not store_path(tmp_path).read_bytes().startswith(b"SQLite format 3")
    again = _run("demo-data", "--residents", "3", env={"WIJKTEAM_DATA_DIR": str(tmp_path)})
    assert again.returncode == 0, again.stderr
    assert "Herstelcode" not in again.stdout
    ring, unlocked = unlock(tmp_path, "am", PASSPHRASE)
    opened = open_unlocked(tmp_path, ring, unlocked)
    services = opened.services
    try:
        assert opened.member.initials == "AM"
        found = services.residents.search("vaals", limit=100)
        found += services.residents.search("lemiers", limit=100)
        assert found
        assert services.members.count() == 4
    finally:
        services.store.close()


def test_demo_data_needs_the_right_passphrase(tmp_path: Path) -> None:
    assert _run("demo-data", "--data-dir", str(tmp_path), "--residents", "2").returncode == 0
    wrong = _run("demo-data", "--data-dir", str(tmp_path), passphrase="dit is het niet hoor")
    assert wrong.returncode == 1
    assert "past niet bij deze gegevens" in wrong.stderr
    missing = _run("demo-data", "--data-dir", str(tmp_path), passphrase=None)
    assert missing.returncode == 1
    assert "WIJKTEAM_PASSPHRASE" in missing.stderr
    assert "Traceback" not in wrong.stderr + missing.stderr


def test_demo_data_refuses_a_bad_store(tmp_path: Path) -> None:
    store_path(tmp_path).write_bytes(b"rommel" * 100)
    result = _run("demo-data", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "geen Wijkteam-bestand of is beschadigd" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wijkteam", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("Wijkteam ")
