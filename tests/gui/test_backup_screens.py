"""Beheer › Back-ups and the coordinator's status bar: when the last good back-up was made,
where, and a warning when it is stale or failed; failures are logged and shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.helpers import drive_modal
from ui.app import application
from ui.main_window import MainWindow
from ui.security.backup_status import BackupStatusDialog
from ui.security.session import SecuritySession, install_security
from ui.tasks import InlineTaskRunner
from wijkteam import logs
from wijkteam.clock import FixedClock
from wijkteam.services.backups import backup_folder
from wijkteam.wiring.setup import Opened

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def session(qtbot: QtBot, team: Opened, team_dir: Path) -> Iterator[SecuritySession]:
    application()
    window = MainWindow(team.services, InlineTaskRunner())
    security = install_security(window, team.services, InlineTaskRunner(), team_dir)
    window.show()
    yield security
    security.guard.stop()
    window.close()


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.configure(tmp_path / "logdir")
    assert path is not None
    yield path
    logs.close()


def test_beheer_shows_the_last_back_up_and_warns_when_it_is_old(
    qtbot: QtBot, session: SecuritySession, team_dir: Path, clock: FixedClock
) -> None:
    bar = session.backup_warning
    assert bar.isVisible() and "nog geen back-up" in bar.text()
    seen: dict[str, str] = {}

    def look_and_make(dialog: BackupStatusDialog) -> None:
        seen["before"] = dialog.last_made.text()
        seen["warning"] = dialog.warning.text()
        seen["folder"] = dialog.folder.text()
        qtbot.mouseClick(dialog.make_button, LEFT)
        seen["after"] = dialog.last_made.text()
        seen["status"] = dialog.status.text()
        seen["warning after"] = dialog.warning.text()
        dialog.reject()

    drive_modal(BackupStatusDialog, look_and_make, session.backup_action.trigger)
    assert seen["before"] == "nog nooit" and "nog geen back-up" in seen["warning"]
    assert seen["folder"] == str(backup_folder(team_dir))
    assert seen["after"] != "nog nooit" and seen["status"] == "De back-up is gemaakt."
    assert seen["warning after"] == ""
    assert not bar.isVisible()
    clock.advance(days=3)
    session.backups_changed()
    assert bar.isVisible() and "ouder dan twee dagen" in bar.text()


def test_a_failing_daily_back_up_is_logged_and_shown(
    qtbot: QtBot, session: SecuritySession, team_dir: Path, log_file: Path
) -> None:
    backup_folder(team_dir).write_text("geen map")  # the back-up cannot be written
    session.backups.check()
    assert "De back-up is niet gelukt" in session.window.statusBar().currentMessage()
    assert "laatste back-up is mislukt" in session.backup_warning.text()
    written = log_file.read_text(encoding="utf-8")
    assert "Back-up failed: FileExistsError" in written
    assert "Unexpected FileExistsError in background work, reference" in written
    assert not session.backups.running
