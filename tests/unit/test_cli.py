"""The headless commands, run as a member's administrator would: as separate processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from wijkteam.services import Services
from wijkteam.store import open_store, store_path


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
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
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_demo_data_creates_and_fills_a_store_without_loading_qt(tmp_path: Path) -> None:
    result = _run("demo-data", "--data-dir", str(tmp_path), "--residents", "12")
    assert result.returncode == 0, result.stderr
    assert "12 inwoners" in result.stdout
    assert "NO_QT" in result.stdout
    again = _run("demo-data", "--residents", "3", env={"WIJKTEAM_DATA_DIR": str(tmp_path)})
    assert again.returncode == 0, again.stderr
    store = open_store(store_path(tmp_path))
    try:
        assert (
            len(Services.create(store).residents.search("vaals", limit=100))
            + len(Services.create(store).residents.search("lemiers", limit=100))
            > 0
        )
        assert Services.create(store).members.count() == 4
    finally:
        store.close()


def test_demo_data_refuses_a_bad_store(tmp_path: Path) -> None:
    store_path(tmp_path).write_bytes(b"rommel" * 100)
    result = _run("demo-data", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "kan niet worden geopend" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wijkteam", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("Wijkteam ")
