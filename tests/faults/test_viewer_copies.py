"""No plaintext PDF outlives its use: the viewer's copy is 0600 in a 0700 folder, goes when
the viewer is done, at exit and at the next start; and the sweep never touches another
user's or another running Wijkteam's copies."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.documents import pdf_output
from ui.documents.pdf_output import VIEWER_PREFIX, Outcome, PdfOutput, sweep_viewer_copies

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes and process ids")


def _gone_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / f"{VIEWER_PREFIX}{name}"
    folder.mkdir()
    (folder / "bezoekverslag.pdf").write_bytes(b"%PDF-1.4")
    return folder


def test_only_this_users_copies_of_a_process_that_is_gone_are_swept(tmp_path: Path) -> None:
    crashed = _folder(tmp_path, f"{_gone_pid()}-aa")
    running = _folder(tmp_path, f"{os.getppid()}-bb")  # another Wijkteam, still open
    mine_now = _folder(tmp_path, f"{os.getpid()}-cc")
    other_user = _folder(tmp_path, f"{_gone_pid()}-dd")
    if os.getuid() == 0:
        os.chown(other_user, 65534, 65534)
    sweep_viewer_copies(tmp_path)
    assert not crashed.exists()
    assert running.exists() and mine_now.exists()
    assert other_user.exists() == (os.getuid() == 0)


def test_the_viewer_copy_is_private_and_goes_when_done(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QWidget

    monkeypatch.setattr(pdf_output.tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(pdf_output, "_viewer_dir", None)
    monkeypatch.setattr(pdf_output, "VIEWER_COPY_LIFETIME_MS", 50)
    previous = os.umask(0o022)
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        output = PdfOutput(parent)
        output.has_printer = lambda: False  # type: ignore[method-assign]
        opened: list[Path] = []
        output.open_viewer = lambda path: opened.append(path) or True  # type: ignore[method-assign]
        assert output.print(b"%PDF-1.4 test", "bezoekverslag.pdf") is Outcome.IN_VIEWER
    finally:
        os.umask(previous)
    (path,) = opened
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.parent.name.startswith(f"{VIEWER_PREFIX}{os.getpid()}-")
    qtbot.waitUntil(lambda: not path.exists(), timeout=3000)
    import shutil

    shutil.rmtree(path.parent)
