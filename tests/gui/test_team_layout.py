"""The team screens fit a 1280×800 screen and use each mnemonic (Alt+letter) once per
menu or dialog; the Team menu holds the new entries with F9."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import TEST_KDF
from ui.app import application
from ui.main_window import MainWindow
from ui.security.first_start_dialog import FirstStartDialog
from ui.security.session import install_security
from ui.tasks import InlineTaskRunner
from ui.team.code_dialog import invite_code_dialog, team_recovery_code_dialog
from ui.team.conflicts_dialog import ConflictsDialog
from ui.team.join_dialog import JoinTeamDialog
from ui.team.pusher_dialog import PusherDialog
from ui.team.server_dialog import TeamServerDialog
from wijkteam.wiring.access import Opened, StoreAccess

SCREEN_W, SCREEN_H = 1280, 800 - 40  # room for a title bar
CODE = "-".join(["ABCDE"] * 19 + ["FG"])  # as long as an invite code


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonics_of(dialog: QWidget) -> list[str]:
    texts = [b.text() for b in dialog.findChildren(QAbstractButton)]
    texts += [g.title() for g in dialog.findChildren(QGroupBox)]
    texts += [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    return [m for m in map(mnemonic, texts) if m]


def assert_fits_and_unique(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    size = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    assert size.width() <= SCREEN_W and size.height() <= SCREEN_H, (type(dialog), size)
    letters = mnemonics_of(dialog)
    assert len(letters) == len(set(letters)), (type(dialog).__name__, sorted(letters))
    dialog.hide()


def test_team_menu_entries_unique_and_f9(qtbot: QtBot, team: Opened, team_dir: Path) -> None:
    application()
    window = MainWindow(team.services, InlineTaskRunner())
    install_security(window, team.services, window.runner, team_dir)
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Team")
    assert isinstance(menu, QMenu)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:4] == [
        "Team&server…", "&Nu synchroniseren", "C&onflicten…", "&Verzending naar de gemeente…"
    ]  # fmt: skip
    letters = [m for m in map(mnemonic, texts) if m]
    assert len(letters) == len(set(letters)), texts
    assert window.team.sync_action.shortcut().toString() == "F9"
    window.team.sync.stop()


def test_team_dialogs_fit_and_use_each_mnemonic_once(
    qtbot: QtBot, team: Opened, tmp_path: Path
) -> None:
    application()
    runner = InlineTaskRunner()
    server = TeamServerDialog(team.services, runner)
    assert server.connect_box.isVisibleTo(server)  # the coordinator, not yet connected
    assert_fits_and_unique(qtbot, server)
    assert_fits_and_unique(qtbot, ConflictsDialog(team.services))
    assert_fits_and_unique(qtbot, PusherDialog(team.services, runner))
    assert_fits_and_unique(qtbot, team_recovery_code_dialog(CODE, None))
    assert_fits_and_unique(qtbot, invite_code_dialog(CODE, "Tessa Testlid", None))
    access = StoreAccess(tmp_path / "nieuw", kdf=TEST_KDF)
    assert_fits_and_unique(qtbot, JoinTeamDialog(access, runner))
    assert_fits_and_unique(qtbot, FirstStartDialog(access, runner))
