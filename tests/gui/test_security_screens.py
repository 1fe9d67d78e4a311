"""First start, sign-in, auto-lock and roles, driven as a member would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import TEAM_PASSWORD, TEST_KDF
from tests.factories import report, resident
from tests.gui.helpers import drive_modal, replace_text, show_active, type_text
from tests.gui.security_helpers import shows
from ui.app import application
from ui.dialogs.members_dialog import MembersDialog
from ui.dialogs.new_report_dialog import NewReportDialog
from ui.main_window import MainWindow
from ui.security.first_start_dialog import FirstStartDialog
from ui.security.lock import LOCKED_TITLE, LockGuard
from ui.security.recovery_code_dialog import RecoveryCodeDialog
from ui.security.session import install_security
from ui.security.sign_in_dialog import SignInDialog
from ui.tasks import InlineTaskRunner
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.wiring.access import StoreAccess
from wijkteam.wiring.setup import Opened, open_unlocked, unlock

MEMBER_PASSWORD = "bas zijn eigen wachtwoord"


def test_first_start_explains_the_password_and_creates_the_team(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    application()
    dialog = FirstStartDialog(
        StoreAccess(tmp_path / "nieuw", clock, kdf=TEST_KDF), InlineTaskRunner()
    )
    show_active(qtbot, dialog)
    assert "12 tekens" in dialog.findChild(type(dialog.status), "passwordHelp").text()
    type_text(qtbot, dialog.team_name, "Wijkteam Vaals")
    type_text(qtbot, dialog.municipality, "Vaals")
    type_text(qtbot, dialog.name, "Zoë Eerste")
    type_text(qtbot, dialog.initials, "ze")
    type_text(qtbot, dialog.password, "te kort")
    type_text(qtbot, dialog.again, "te kort")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    shown = dialog.fieldset.errors_shown()
    assert list(shown) == ["password"] and "minstens 12 tekens" in shown["password"]
    assert dialog.isVisible() and dialog.name.text() == "Zoë Eerste"  # nothing typed lost
    replace_text(qtbot, dialog.password, "koffie met oma op dinsdag")
    replace_text(qtbot, dialog.again, "koffie met oma op dinsdag")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    opened = dialog.opened
    assert opened is not None and opened.recovery_code
    try:
        assert opened.member.name == "Zoë Eerste"
        assert opened.member.role is MemberRole.COORDINATOR
        code = RecoveryCodeDialog(opened.recovery_code, "Wijkteam Vaals")
        show_active(qtbot, code)
        assert code.code_label.text() == opened.recovery_code
        assert not code.ok_button.isEnabled()
        qtbot.keyClick(code, Qt.Key.Key_Escape)
        assert code.isVisible()  # the code cannot be skipped with Esc
        code.kept.setChecked(True)
        qtbot.mouseClick(code.ok_button, Qt.MouseButton.LeftButton)
        assert not code.isVisible()
        assert opened.recovery_code in code.document().toPlainText()
    finally:
        opened.services.store.close()


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sign_in_refuses_wrong_passwords_with_growing_delays(
    qtbot: QtBot, team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    team.services.store.close()
    application()
    dialog = SignInDialog(StoreAccess(team_dir, clock), InlineTaskRunner())
    monotonic = FakeMonotonic()
    dialog.gate.throttle._now = monotonic  # the test moves time instead of waiting
    show_active(qtbot, dialog)
    type_text(qtbot, dialog.initials, "cc")
    for expected_wait in (1, 2, 4):
        replace_text(qtbot, dialog.password, "niet goed genoeg")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        assert "horen niet bij elkaar" in dialog.status.text()
        unit = "seconde" if expected_wait == 1 else "seconden"
        assert f"Wacht nog {expected_wait} {unit}" in dialog.status.text()
        assert not dialog.sign_in_button.isEnabled()
        monotonic.now += expected_wait
        qtbot.waitUntil(dialog.sign_in_button.isEnabled)
    replace_text(qtbot, dialog.password, TEAM_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.opened is not None and dialog.opened.member.initials == "CC"
    dialog.opened.services.store.close()


@pytest.fixture
def signed_in(qtbot: QtBot, team: Opened) -> Iterator[tuple[MainWindow, LockGuard, Opened]]:
    application()
    window = MainWindow(team.services, InlineTaskRunner())
    guard = LockGuard(window, team.services, InlineTaskRunner(), idle_ms=60_000)
    window.show()  # not through qtbot: its own teardown would close it before ours
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window, guard, team
    guard.stop()
    if guard.locked:
        guard.unlock()
    window.dossier_page.discard_changes()
    window.close()


def _unlock(qtbot: QtBot, guard: LockGuard, password: str) -> None:
    dialog = guard.unlock_dialog
    assert dialog is not None
    type_text(qtbot, dialog.password, password)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def test_auto_lock_hides_every_name_and_unlocking_restores_the_draft(
    qtbot: QtBot, signed_in: tuple[MainWindow, LockGuard, Opened]
) -> None:
    window, guard, team = signed_in
    saved = team.services.reports.register(report(), resident=resident(surname="Quispelaar"))
    window.open_dossier(saved.resident_id, saved.id)
    window.dossier_page.tabs.setCurrentIndex(1)
    replace_text(qtbot, window.dossier_page.form.phone, "043 306 1234")  # not saved yet
    assert shows("Quispelaar")
    guard.set_idle_ms(150)
    qtbot.waitUntil(lambda: guard.locked, timeout=3000)
    assert not shows("Quispelaar") and not shows("043 306 1234")
    assert window.windowTitle() == LOCKED_TITLE
    _unlock(qtbot, guard, "verkeerd wachtwoord")
    assert guard.locked and "klopt niet" in guard.unlock_dialog.status.text()  # type: ignore[union-attr]
    guard.unlock_dialog.gate.throttle._blocked_until = 0  # type: ignore[union-attr]
    qtbot.waitUntil(guard.unlock_dialog.unlock_button.isEnabled)  # type: ignore[union-attr]
    _unlock(qtbot, guard, TEAM_PASSWORD)
    assert not guard.locked
    assert window.pages.currentWidget() is window.dossier_page
    assert window.dossier_page.tabs.currentIndex() == 1
    assert window.dossier_page.form.phone.text() == "043 306 1234"
    assert window.dossier_page.has_unsaved_changes()
    assert shows("Quispelaar")


def test_ctrl_l_locks_inside_a_dialog_without_losing_what_was_typed(
    qtbot: QtBot, signed_in: tuple[MainWindow, LockGuard, Opened]
) -> None:
    window, guard, _team = signed_in
    seen: dict[str, object] = {}

    def inside(dialog: NewReportDialog) -> None:
        type_text(qtbot, dialog.resident_form.surname, "Quispelaar")
        qtbot.keyClick(
            dialog.resident_form.surname, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
        )
        seen["locked"] = guard.locked
        seen["name_shown"] = shows("Quispelaar")
        seen["dialog_title"] = dialog.windowTitle()
        _unlock(qtbot, guard, TEAM_PASSWORD)
        seen["after"] = dialog.resident_form.surname.text()
        seen["still_open"] = dialog.isVisible()
        dialog.reject()

    drive_modal(NewReportDialog, inside, window.new_report, return_to=window)
    assert seen == {
        "locked": True,
        "name_shown": False,
        "dialog_title": LOCKED_TITLE,
        "after": "Quispelaar",
        "still_open": True,
    }
    assert not guard.locked


def test_a_member_sees_no_coordinator_screens(
    qtbot: QtBot, team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    application()
    team.services.accounts.add("Bas Lid", "BL", MemberRole.MEMBER, MEMBER_PASSWORD, MEMBER_PASSWORD)
    coordinator_window = MainWindow(team.services, InlineTaskRunner())
    coordinator = install_security(coordinator_window, team.services, InlineTaskRunner(), team_dir)
    assert coordinator.coordinator_menu is not None
    titles = [a.text() for a in coordinator_window.menuBar().actions()]
    assert "Behee&r" in titles and titles[-1] == "&Help"  # Help stays last
    coordinator.guard.stop()
    coordinator_window.close()
    team.services.store.close()

    ring, unlocked = unlock(team_dir, "BL", MEMBER_PASSWORD)
    member = open_unlocked(team_dir, ring, unlocked, clock=clock)
    try:
        window = MainWindow(member.services, InlineTaskRunner())
        session = install_security(window, member.services, InlineTaskRunner(), team_dir)
        show_active(qtbot, window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert "Behee&r" not in titles and session.coordinator_menu is None
        assert session.add_coordinator_action("Iets", lambda: None) is None
        members = MembersDialog(member.services, window)
        show_active(qtbot, members)
        assert not members.add_form.isVisible()
        assert not members.password_button.isVisible()
        members.close()
        session.guard.stop()
        window.close()
    finally:
        member.services.store.close()
    QApplication.processEvents()


def test_start_session_signs_in_on_an_encrypted_store(
    qtbot: QtBot, team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    from ui.startup import start_session

    team.services.store.close()
    application()

    def sign_in(dialog: SignInDialog) -> None:
        type_text(qtbot, dialog.initials, "CC")
        type_text(qtbot, dialog.password, TEAM_PASSWORD)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    result: list[object] = []
    drive_modal(
        SignInDialog,
        sign_in,
        lambda: result.append(start_session(StoreAccess(team_dir, clock), InlineTaskRunner())),
    )
    started = result[0]
    assert started is not None
    opened, state, _joined = started  # type: ignore[misc]
    assert opened.member.initials == "CC" and state.value == "locked"
    opened.services.store.close()


def test_start_session_offers_first_start_on_a_new_folder(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    from ui.startup import start_session

    application()
    seen: list[bool] = []

    def cancel(dialog: FirstStartDialog) -> None:
        seen.append(True)
        dialog.reject()

    result: list[object] = []
    drive_modal(
        FirstStartDialog,
        cancel,
        lambda: result.append(
            start_session(StoreAccess(tmp_path / "nieuw", clock), InlineTaskRunner())
        ),
    )
    assert seen == [True] and result == [None]
    assert not (tmp_path / "nieuw" / "keys.json").exists()


def test_a_second_start_says_wijkteam_is_already_open(
    qtbot: QtBot, team: Opened, team_dir: Path
) -> None:
    from tests.gui.test_lifecycle import _start_and_capture

    code, seen = _start_and_capture(team_dir)  # the team's store is open in this process
    assert code == 2
    assert seen and "al geopend" in seen[0]
