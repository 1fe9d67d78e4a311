"""Start-up, first start, and data surviving a restart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.helpers import drive_modal, show_active, type_text
from tests.gui.test_new_report import _fill_new_resident, _save
from ui import launcher
from ui.app import application, welcome
from ui.dialogs.new_report_dialog import NewReportDialog
from ui.dialogs.welcome_dialog import WelcomeDialog
from ui.main_window import MainWindow
from ui.tasks import InlineTaskRunner
from wijkteam.clock import FixedClock
from wijkteam.store import Store, open_store, store_path
from wijkteam.wiring import Services


def test_data_survives_closing_and_reopening(
    qtbot: QtBot, data_dir: Path, clock: FixedClock
) -> None:
    application()
    store = open_store(store_path(data_dir), clock=clock)
    services = Services.create(store)
    services.members.add("Tessa Testlid", "TT")
    first = MainWindow(services, InlineTaskRunner())
    show_active(qtbot, first)

    def fill(dialog: NewReportDialog) -> None:
        _fill_new_resident(qtbot, dialog)
        _save(qtbot, dialog)

    drive_modal(NewReportDialog, fill, first.new_report, return_to=first)
    first.close()
    store.close()

    reopened = Services.create(open_store(store_path(data_dir), clock=clock))
    second = MainWindow(reopened, InlineTaskRunner())
    show_active(qtbot, second)
    second.nav.setCurrentRow(1)
    model = second.worklist_page.model
    assert model.rowCount() == 1
    assert model.row_at(0).resident_name == "Brückner, Zoë"
    assert second.today_page.unplanned.model.rowCount() == 1
    reopened.store.close()


def _answer_startup_dialog(seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _answer_startup_dialog(seen))
        return
    seen.append(box.text())
    box.accept()


def _start_and_capture(data_dir: Path) -> tuple[int, list[str]]:
    application()
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_startup_dialog(seen))
    code = launcher.main(["--data-dir", str(data_dir)])
    return code, seen


def test_not_a_database_explained_in_dutch_and_untouched(qtbot: QtBot, tmp_path: Path) -> None:
    path = store_path(tmp_path)
    path.write_bytes(b"geen database" * 50)
    before = path.read_bytes()
    code, seen = _start_and_capture(tmp_path)
    assert code == 2
    (text,) = seen  # no key file next to it: either keys.json is missing or it is no store
    assert text.startswith("Naast het gegevensbestand wijkteam.db ontbreekt het sleutelbestand")
    assert "geen Wijkteam-bestand of is beschadigd. Het is niet aangeraakt." in text
    assert path.read_bytes() == before


def test_newer_schema_explained(qtbot: QtBot, tmp_path: Path) -> None:
    open_store(store_path(tmp_path)).close()
    with sqlite3.connect(store_path(tmp_path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = store_path(tmp_path).read_bytes()
    code, seen = _start_and_capture(tmp_path)
    assert code == 2
    assert "nieuwere versie van Wijkteam" in seen[0]
    assert store_path(tmp_path).read_bytes() == before


def test_unreadable_store_explained(qtbot: QtBot, tmp_path: Path) -> None:
    store_path(tmp_path).mkdir(parents=True)
    code, seen = _start_and_capture(tmp_path)
    assert code == 2
    assert "kan het gegevensbestand niet lezen" in seen[0]


def test_read_only_folder_explained(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    code, seen = _start_and_capture(blocker / "gegevens")
    assert code == 2
    assert "kan niet schrijven in de map met gegevens" in seen[0]


def test_empty_store_offers_demo_data(qtbot: QtBot, store: Store) -> None:
    services = Services.create(store)  # an empty store: nobody to sign in yet
    application()
    window = MainWindow(services, InlineTaskRunner())
    show_active(qtbot, window)
    assert services.store_is_empty()

    def choose_demo(dialog: WelcomeDialog) -> None:
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)

    drive_modal(
        WelcomeDialog,
        choose_demo,
        lambda: welcome(window, services, InlineTaskRunner()),
        return_to=window,
    )
    assert services.members.count() == 4
    assert window.today_page.unplanned.model.rowCount() > 0


def test_empty_store_can_start_with_the_first_member(qtbot: QtBot, store: Store) -> None:
    services = Services.create(store)  # an empty store: nobody to sign in yet
    application()
    window = MainWindow(services, InlineTaskRunner())
    show_active(qtbot, window)

    def start_empty(dialog: WelcomeDialog) -> None:
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
        ok = dialog.findChildren(QDialogButtonBox)[0].button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # empty: refused with a message
        assert dialog.fieldset.errors_shown() == {
            "member_name": "Vul de naam in.",
            "member_initials": "Vul de initialen in.",
        }
        type_text(qtbot, dialog.name_field, "Zoë Eerste")
        type_text(qtbot, dialog.initials_field, "ze")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    drive_modal(WelcomeDialog, start_empty, lambda: welcome(window, services, InlineTaskRunner()))
    assert [(m.name, m.initials) for m in services.members.list()] == [("Zoë Eerste", "ZE")]
    assert not services.store_is_empty()


@pytest.mark.parametrize("argv", [["--version"]])
def test_version(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        launcher.main(argv)
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("Wijkteam 0.")
