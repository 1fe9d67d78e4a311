"""Beheer › Inzage on a team laptop (issue 14 point 5): when the team server is down the
coordinator is told, in the same words as the document, that closed meldingen kept only on
the server are missing; a resident with nothing left on the laptop is found by surname and
birth date and given an inzage from the server's copy. Real encrypted stores, the real
server on PostgreSQL, killed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import NOW
from tests.gui.helpers import show_active, with_modal
from tests.team.conftest import certs, database, pg_role, server  # noqa: F401 - fixtures
from tests.team.test_inzage_team import (  # noqa: F401 - pair is a fixture
    QUESTION,
    UNREACHABLE,
    _closed_case_removed,
    older_version,
    pair,
)
from ui.app import application
from ui.main_window import MainWindow
from ui.security.privacy_actions import PrivacyActions
from ui.security.removed_inzage_dialog import RemovedInzageDialog
from ui.tasks import InlineTaskRunner, ThreadTaskRunner
from wijkteam.domain.enums import ClosingReason
from wijkteam.store.models import Report


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
    written: list = []  # type: ignore[type-arg]
    PrivacyActions(window, carla.services).inzage_to(resident_id, tmp_path, written.append)
    [files] = written
    assert files.pdf.exists()
    [(title, text)] = seen
    assert title == "Inzage niet compleet"
    assert UNREACHABLE in text and files.pdf.name in text
    assert "inzage" in window.statusBar().currentMessage().lower()
    window.close()


def test_a_resident_with_nothing_left_here_is_found_and_given_an_inzage(
    qtbot: QtBot,
    pair,  # noqa: F811
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    carla, mo, process = pair
    resident_id, _on_mo, _removed = _closed_case_removed(carla, mo)
    c = carla.services
    [still] = c.reports.for_resident(resident_id)
    c.reports.close(still.id, ClosingReason.MOVED)
    with c.store.transaction() as session:
        row = session.get(Report, still.id)
        assert row is not None
        row.sync_acknowledged_at = NOW - timedelta(days=200)
    c.team.sync()  # the closing reaches the server long before the termijn is over
    with older_version():  # removed from this laptop only: the team server still has it
        assert c.retention.remove([still.id]).residents == 1
    application()
    # The app's own runner: the server is asked on a worker thread, the dialog stays live.
    runner = ThreadTaskRunner()
    dialog = RemovedInzageDialog(c, runner)
    show_active(qtbot, dialog)

    def search_done() -> None:
        qtbot.waitUntil(dialog.search_button.isEnabled, timeout=30_000)

    qtbot.keyClicks(dialog.surname, "Proefkonijn")
    qtbot.keyClicks(dialog.birth_date, "31-02-1950")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    search_done()
    assert dialog.results.count() == 0 and not dialog.make_button.isEnabled()
    assert dialog.fieldset.fields["birth_date"].error_label.text()  # a date that does not exist
    dialog.birth_date.clear()
    qtbot.keyClicks(dialog.birth_date, "01-02-1950")
    qtbot.keyClick(dialog.birth_date, Qt.Key.Key_Return)
    search_done()
    assert dialog.results.count() == 1
    assert dialog.results.item(0).text() == "Zoë Proefkonijn, geboren 1 februari 1950"
    assert dialog.make_button.isEnabled()
    dialog.make_to(tmp_path)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    files = dialog.written
    assert files is not None and files.warnings == []
    assert QUESTION in files.json.read_text(encoding="utf-8")
    assert files.pdf.name in dialog.status.text()

    process.kill()
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    search_done()
    assert dialog.results.count() == 0
    assert dialog.status.text().startswith("De teamserver was niet bereikbaar")
    dialog.close()
