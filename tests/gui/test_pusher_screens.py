"""Which laptop sends to the municipality, in the app (issue 15 point 5), against the REAL
team server and real encrypted laptop stores: on a member's laptop Exporteren says in
Dutch which laptop sends and opens nothing; the coordinator picks the member's laptop in
Team › Verzending naar de gemeente…; after a sync it is the other way round."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.helpers import with_modal
from tests.team.conftest import certs, database, pg_role  # noqa: F401 - fixtures
from tests.team.stores import team_of_two
from ui.app import application
from ui.main_window import MainWindow
from ui.sync.export_dialog import ExportDialog
from ui.tasks import InlineTaskRunner
from ui.team.pusher_dialog import PusherDialog
from wijkteam.teamsync.outbox import load_state
from wijkteam.wiring.setup import Opened


@pytest.fixture
def laptops(
    tmp_path: Path,
    database: str,  # noqa: F811
    certs: dict[str, tuple[Path, Path]],  # noqa: F811
) -> Iterator[tuple[Opened, Opened]]:
    cert, key = certs["server"]
    with team_of_two(tmp_path, database, cert, key) as pair:
        yield pair


def open_window(qtbot: QtBot, opened: Opened) -> MainWindow:
    application()
    window = MainWindow(opened.services, InlineTaskRunner())
    window.team.sync.stop()  # the test syncs when it wants to
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def close(window: MainWindow) -> None:
    window.dossier_page.discard_changes()
    window.close()
    window.deleteLater()


def refused_export(qtbot: QtBot, window: MainWindow) -> str:
    """Synchronisatie › Exporteren naar bestand…; returns the warning's text (no dialog opens).
    (The menu entry, not Ctrl+E: a focused search field takes Ctrl+E as "end of line".)"""
    seen: dict[str, str] = {}

    def read(box: QMessageBox) -> None:
        seen["text"] = box.text()
        assert not any(isinstance(w, ExportDialog) for w in QApplication.topLevelWidgets()
                       if w.isVisible())  # fmt: skip
        box.accept()

    QTimer.singleShot(0, with_modal(QMessageBox, read))
    window.sync_menu.export_action.trigger()
    qtbot.waitUntil(lambda: "text" in seen, timeout=10_000)
    return seen["text"]


def device_of(opened: Opened) -> str:
    with opened.services.store.transaction() as session:
        state = load_state(session)
    assert state is not None
    return state.device


def sync_until(opened: Opened, arrived) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 30
    while not arrived():
        assert time.monotonic() < deadline
        opened.services.team.sync()
        time.sleep(0.3)


def test_only_the_chosen_laptop_exports_and_the_coordinator_chooses(
    qtbot: QtBot, laptops: tuple[Opened, Opened]
) -> None:
    carla, mo = laptops
    on_mo = open_window(qtbot, mo)
    text = refused_export(qtbot, on_mo)
    assert "via één laptop naar de gemeente" in text and "(CC)" in text
    close(on_mo)

    on_carla = open_window(qtbot, carla)
    mo_device = device_of(mo)
    seen: dict[str, str] = {}

    def choose(dialog: PusherDialog) -> None:
        seen["before"] = dialog.summary.text()
        assert dialog.choose.isVisible()  # the coordinator may choose
        rows = [dialog.list.item(i) for i in range(dialog.list.count())]
        target = next(r for r in rows if r.data(Qt.ItemDataRole.UserRole) == mo_device)
        assert "Mo Member (MM)" in target.text()
        dialog.list.setCurrentItem(target)
        qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.changed, timeout=30_000)
        seen["after"] = dialog.summary.text()
        seen["row"] = next(
            dialog.list.item(i).text() for i in range(dialog.list.count())
            if dialog.list.item(i).data(Qt.ItemDataRole.UserRole) == mo_device
        )  # fmt: skip
        dialog.reject()

    QTimer.singleShot(0, with_modal(PusherDialog, choose))
    on_carla.team.pusher_action.trigger()
    assert seen["before"] == "Deze laptop verstuurt het werk van het team naar de gemeente."
    chosen = f"Laptop {mo_device[:8]} (MM) verstuurt (aangewezen door de coördinator)"
    assert chosen in seen["after"]
    assert seen["row"].endswith("verstuurt naar de gemeente")
    text = refused_export(qtbot, on_carla)
    assert "(MM)" in text
    close(on_carla)

    sync_until(mo, lambda: mo.services.team_pusher.view().this_laptop_pushes)
    on_mo = open_window(qtbot, mo)
    shown: dict[str, object] = {}

    def look(dialog: PusherDialog) -> None:
        shown["summary"] = dialog.summary.text()
        shown["can_choose"] = dialog.choose.isVisible()
        shown["note"] = dialog.note.isVisible()
        dialog.reject()

    QTimer.singleShot(0, with_modal(PusherDialog, look))
    on_mo.team.pusher_action.trigger()
    assert shown == {
        "summary": "Deze laptop verstuurt het werk van het team naar de gemeente.",
        "can_choose": False,
        "note": True,
    }
    close(on_mo)
