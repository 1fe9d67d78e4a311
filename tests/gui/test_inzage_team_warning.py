"""Beheer › Inzage on a team laptop whose team server is down: the coordinator is told, in
the same words as the document, that closed meldingen kept only on the server are missing
(issue 14 point 5). Real encrypted stores, the real server on PostgreSQL, killed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.helpers import with_modal
from tests.team.conftest import certs, database, pg_role, server  # noqa: F401 - fixtures
from tests.team.test_inzage_team import UNREACHABLE, _closed_case_removed, pair  # noqa: F401
from ui.app import application
from ui.main_window import MainWindow
from ui.security.privacy_actions import PrivacyActions
from ui.tasks import InlineTaskRunner


def test_the_inzage_warns_on_screen_when_the_team_server_is_down(
    qtbot: QtBot,
    pair,  # noqa: F811
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    carla, mo, process = pair
    resident_id, _on_mo, _removed = _closed_case_removed(carla, mo)
    process.kill()
    application()
    window = MainWindow(carla.services, InlineTaskRunner())
    window.show()
    qtbot.waitExposed(window)
    window.open_dossier(resident_id, None)
    seen: list[tuple[str, str]] = []

    def answer(box: QMessageBox) -> None:
        seen.append((box.windowTitle(), box.text()))
        box.accept()

    QTimer.singleShot(0, with_modal(QMessageBox, answer))
    files = PrivacyActions(window, carla.services).inzage_to(resident_id, tmp_path)
    assert files is not None and files.pdf.exists()
    [(title, text)] = seen
    assert title == "Inzage niet compleet"
    assert UNREACHABLE in text and files.pdf.name in text
    assert "inzage" in window.statusBar().currentMessage().lower()
    window.close()
