"""The coordinator's duties driven as a coordinator would (issue 13): recovery and the lock
screen, members switched off and on, a member's own password, erasure on screen, backups on
request, the restore warning, retention in Dutch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import TEAM_PASSWORD
from tests.factories import report, resident
from tests.gui.helpers import drive_modal, replace_text, show_active, type_text
from tests.gui.security_helpers import shows
from ui.app import application
from ui.dialogs.members_dialog import MembersDialog
from ui.main_window import MainWindow
from ui.security.audit_dialog import AuditDialog
from ui.security.lock_reset_dialog import LockResetDialog
from ui.security.new_password_dialog import NewPasswordDialog
from ui.security.recovery_code_dialog import RecoveryCodeDialog
from ui.security.reset_dialog import ResetDialog
from ui.security.session import SecuritySession, install_security
from ui.security.sign_in_dialog import SignInDialog
from ui.tasks import InlineTaskRunner, ThreadTaskRunner
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import ClosingReason, MemberRole
from wijkteam.errors import SignInRefused
from wijkteam.security.keyring import KeyRing, keys_path
from wijkteam.services.audit_records import AuditQuery
from wijkteam.wiring.access import StoreAccess
from wijkteam.wiring.setup import Opened, unlock

BAS = "bas zijn eerste wachtwoord"
NEW = "een heel nieuw wachtwoord"


def _click(qtbot: QtBot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer(box: QMessageBox, text: str) -> None:
    """Clicks the button whose text (mnemonic left out) is `text`."""
    for button in box.buttons():
        if button.text().replace("&", "") == text:
            button.click()
            return
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


# --- recovery at the sign-in screen ---------------------------------------------------------
def test_the_recovery_code_at_sign_in_works_once_without_a_crash(
    qtbot: QtBot, team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    """Real threads, as in the app: the key derivation off the UI thread."""
    code = team.recovery_code
    assert code is not None
    team.services.store.close()
    application()
    runner = ThreadTaskRunner()
    dialog = SignInDialog(StoreAccess(team_dir, clock), runner)
    show_active(qtbot, dialog)

    def reset(reset_dialog: ResetDialog) -> None:
        type_text(qtbot, reset_dialog.code, code.lower())
        type_text(qtbot, reset_dialog.initials, "cc")
        type_text(qtbot, reset_dialog.password, NEW)
        type_text(qtbot, reset_dialog.again, NEW)
        _click(qtbot, reset_dialog.ok_button)

    drive_modal(ResetDialog, reset, lambda: _click(qtbot, dialog.forgot_button))
    qtbot.waitUntil(lambda: dialog.result() == SignInDialog.DialogCode.Accepted, timeout=60000)
    runner.wait()
    opened = dialog.opened
    assert opened is not None and opened.member.initials == "CC"
    new_code = opened.recovery_code
    assert new_code and new_code != code  # the window shows it to print
    try:
        assert opened.services.accounts.check_own_password(NEW)
    finally:
        opened.services.store.close()
    ring = KeyRing.load(keys_path(team_dir))
    with pytest.raises(SignInRefused):
        ring.unlock_recovery(code)  # the old code works once
    ring.unlock_recovery(new_code)


# --- the lock screen -----------------------------------------------------------------------
@pytest.fixture
def locked(qtbot: QtBot, team: Opened, team_dir: Path) -> Iterator[SecuritySession]:
    application()
    window = MainWindow(team.services, InlineTaskRunner())
    session = install_security(window, team.services, InlineTaskRunner(), team_dir)
    window.show()
    qtbot.waitExposed(window)
    yield session
    session.guard.stop()
    if session.guard.locked:
        session.guard.unlock()
    window.dossier_page.discard_changes()
    window.close()


def test_the_lock_screen_offers_wachtwoord_vergeten(
    qtbot: QtBot, team: Opened, locked: SecuritySession
) -> None:
    code = team.recovery_code
    guard = locked.guard
    guard.lock()
    unlock_dialog = guard.unlock_dialog
    assert unlock_dialog is not None and unlock_dialog.forgot_button.isVisible()
    shown: list[str] = []

    def print_it(dialog: RecoveryCodeDialog) -> None:
        shown.append(dialog.code_label.text())
        dialog.kept.setChecked(True)
        _click(qtbot, dialog.ok_button)

    def reset(dialog: LockResetDialog) -> None:
        type_text(qtbot, dialog.code, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
        type_text(qtbot, dialog.password, NEW)
        type_text(qtbot, dialog.again, "niet hetzelfde wachtwoord")
        _click(qtbot, dialog.ok_button)
        assert "niet gelijk" in dialog.fieldset.errors_shown()["password_again"]
        replace_text(qtbot, dialog.again, NEW)
        _click(qtbot, dialog.ok_button)
        assert "klopt niet" in dialog.status.text()
        dialog.gate.throttle._blocked_until = 0
        qtbot.waitUntil(dialog.ok_button.isEnabled)
        replace_text(qtbot, dialog.code, code or "")
        drive_modal(RecoveryCodeDialog, print_it, lambda: _click(qtbot, dialog.ok_button))

    drive_modal(LockResetDialog, reset, lambda: _click(qtbot, unlock_dialog.forgot_button))
    assert not guard.locked
    assert shown and shown[0] != code
    assert team.services.accounts.check_own_password(NEW)
    recoveries = team.services.audit.events(AuditQuery(), 0, 100)
    kinds = [(e.action.value, e.result.value) for e in recoveries]
    assert ("recovery", "refused") in kinds and ("recovery", "done") in kinds
    assert ("key_rotation", "done") in kinds


# --- members ------------------------------------------------------------------------------
def _select(dialog: MembersDialog, name: str) -> None:
    for row in range(dialog.model.rowCount()):
        if dialog.model.row_at(row).name == name:
            dialog.table.selectRow(row)
            return
    raise AssertionError(name)


def test_members_are_switched_off_listed_and_switched_on_again(
    qtbot: QtBot, team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    application()
    team.services.accounts.add("Bas Lid", "BL", MemberRole.MEMBER, BAS, BAS)
    dialog = MembersDialog(team.services, runner=InlineTaskRunner())
    show_active(qtbot, dialog)
    _select(dialog, "Bas Lid")
    assert (
        dialog.model.index(dialog.table.currentIndex().row(), 5).data().startswith("ja (tijdelijk")
    )
    seen: list[str] = []

    def press_enter(box: QMessageBox) -> None:
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    drive_modal(QMessageBox, press_enter, lambda: _click(qtbot, dialog.deactivate_button))
    assert seen == ["&Nee"] and team.services.accounts.has_account(
        next(m for m in team.services.members.list() if m.name == "Bas Lid")
    )
    drive_modal(
        QMessageBox,
        lambda box: _answer(box, "Ja, uitzetten"),
        lambda: _click(qtbot, dialog.deactivate_button),
    )
    assert "nieuwe sleutel" in dialog.status.text()
    names = [dialog.model.row_at(r).name for r in range(dialog.model.rowCount())]
    assert "Bas Lid" not in names
    dialog.show_inactive.setFocus()
    qtbot.keyClick(dialog.show_inactive, Qt.Key.Key_Space)
    _select(dialog, "Bas Lid")
    assert dialog.reactivate_button.isEnabled() and not dialog.deactivate_button.isEnabled()

    def reactivate(password_dialog: NewPasswordDialog) -> None:
        type_text(qtbot, password_dialog.password, "weer een eerste wachtwoord")
        type_text(qtbot, password_dialog.again, "weer een ander wachtwoord")
        _click(qtbot, password_dialog.ok_button)
        assert "niet gelijk" in password_dialog.fieldset.errors_shown()["password_again"]
        replace_text(qtbot, password_dialog.again, "weer een eerste wachtwoord")
        _click(qtbot, password_dialog.ok_button)

    drive_modal(NewPasswordDialog, reactivate, lambda: _click(qtbot, dialog.reactivate_button))
    bas = next(m for m in team.services.members.list() if m.name == "Bas Lid")
    assert bas.active and team.services.accounts.has_temporary_password(bas)
    dialog.close()
    team.services.store.close()
    with pytest.raises(SignInRefused):  # the password of before opens nothing
        unlock(team_dir, "BL", BAS, clock)
    unlock(team_dir, "BL", "weer een eerste wachtwoord", clock)


def test_a_new_member_chooses_their_own_password_at_first_sign_in(
    qtbot: QtBot, team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    application()
    team.services.accounts.add("Bas Lid", "BL", MemberRole.MEMBER, BAS, BAS)
    team.services.store.close()
    dialog = SignInDialog(StoreAccess(team_dir, clock), InlineTaskRunner())
    show_active(qtbot, dialog)
    type_text(qtbot, dialog.initials, "BL")
    type_text(qtbot, dialog.password, BAS)

    def choose(password_dialog: NewPasswordDialog) -> None:
        assert "eigen wachtwoord" in password_dialog.windowTitle()
        type_text(qtbot, password_dialog.password, "mijn eigen geheime zin")
        type_text(qtbot, password_dialog.again, "mijn eigen geheime zin")
        _click(qtbot, password_dialog.ok_button)

    drive_modal(NewPasswordDialog, choose, lambda: _click(qtbot, dialog.sign_in_button))
    assert dialog.result() == SignInDialog.DialogCode.Accepted and dialog.opened is not None
    assert not dialog.opened.services.accounts.must_choose_password()
    dialog.opened.services.store.close()
    with pytest.raises(SignInRefused):
        unlock(team_dir, "BL", BAS, clock)


# --- erasure on screen ----------------------------------------------------------------------
def test_erasing_from_the_menu_leaves_the_dossier_at_once(
    qtbot: QtBot, team: Opened, locked: SecuritySession
) -> None:
    services = team.services
    services.backups.make()
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    window = locked.window
    window.open_dossier(saved.resident_id, saved.id)
    window.nav.blockSignals(True)  # as in a real window, the list may still say Vandaag
    window.nav.setCurrentRow(0)
    window.nav.blockSignals(False)
    page = window.dossier_page
    page.tabs.setCurrentWidget(page.conversations)
    _click(qtbot, page.conversations.new_button)
    editor = page.conversations.editor
    type_text(qtbot, editor.writing.writing_fields(editor.header.kind())[0], "Nog niet bewaard")
    erase = next(a for a in locked.coordinator_menu.actions() if "wissen" in a.text())  # type: ignore[union-attr]
    seen: dict[str, str] = {}

    def press_enter(box: QMessageBox) -> None:
        seen["text"] = box.text() + box.informativeText()
        qtbot.keyClick(box, Qt.Key.Key_Return)

    drive_modal(QMessageBox, press_enter, erase.trigger)
    assert services.residents.search("quispelaar")  # Enter means "Nee"
    assert "Quispelaar" in seen["text"] and "back-up" in seen["text"]
    assert "1 melding" in seen["text"]
    drive_modal(QMessageBox, lambda box: _answer(box, "Ja, definitief wissen"), erase.trigger)
    assert window.pages.currentWidget() is window.today_page
    assert services.residents.search("quispelaar") == []
    qtbot.wait(2500)  # the editor's autosave would have fired by now
    assert not shows("Quispelaar") and not shows("Nog niet bewaard")
    window.go_back()
    window.data_changed()  # F5: nothing raises (pytest-qt fails the test if a slot does)
    assert services.audit.count(AuditQuery()) > 0


# --- backups --------------------------------------------------------------------------------
def test_a_backup_on_request_says_where_it_went_and_its_size(
    qtbot: QtBot, team: Opened, team_dir: Path, locked: SecuritySession
) -> None:
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text() + "\n" + box.informativeText())
        box.accept()

    locked.runner = InlineTaskRunner()
    drive_modal(QMessageBox, read, locked.backup_now_action.trigger)
    [made] = team.services.backups.list()
    assert made.path.name in seen[0] and str(team_dir / "backups") in seen[0]
    assert "kB)" in seen[0] or "MB)" in seen[0]


def test_the_restore_warning_names_what_comes_back_and_what_not(
    team: Opened, clock: FixedClock
) -> None:
    from ui.security.backup_actions import restore_question

    services = team.services
    gone = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    backup = services.backups.list()
    services.backups.make()
    backup = services.backups.list()[0]
    clock.advance(minutes=5)
    services.privacy.erase(gone.resident_id)
    services.reports.register(report(), resident=resident(surname="Nieuwkomer"))
    text, details = restore_question(services.backups.preview(backup))
    assert "18 november 2026" in text
    assert "Komt terug" in text and "Komt niet terug" in text
    assert "1 inwoner" in text and "1 melding" in text
    assert "Blijft gewist" in text
    assert "Gaat mee:</b> het auditlog van na deze back-up (" in text
    assert "auditlog" in details.lower() and "gaaf" in details


# --- retention ------------------------------------------------------------------------------
def test_retention_speaks_dutch_and_asks_with_nee_as_default(
    qtbot: QtBot, team: Opened, clock: FixedClock
) -> None:
    from ui.security.retention_dialog import RetentionDialog
    from wijkteam.store.models import Report

    application()
    services = team.services
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    services.reports.close(saved.id, ClosingReason.RESIDENT_DECLINED)
    waiting = services.reports.register(report(), resident=resident(surname="Wachter"))
    services.reports.close(waiting.id, ClosingReason.MOVED)
    with services.store.transaction() as session:
        session.get(Report, saved.id).sync_acknowledged_at = clock.now()  # type: ignore[union-attr]
    clock.advance(days=91)
    with services.store.transaction() as session:
        session.get(Report, waiting.id).sync_acknowledged_at = clock.now()  # type: ignore[union-attr]
    dialog = RetentionDialog(services)
    show_active(qtbot, dialog)
    assert dialog.waiting_model.rowCount() == 1
    assert dialog.waiting_model.index(0, 3).data()  # the date it may go
    drive_modal(QMessageBox, lambda b: qtbot.keyClick(b, Qt.Key.Key_Return), dialog.remove_due)
    assert dialog.due_model.rowCount() == 1  # Enter: "Nee"
    drive_modal(QMessageBox, lambda b: _answer(b, "Ja, verwijderen"), dialog.remove_due)
    figures = [dialog.figure_model.index(0, c).data() for c in range(4)]
    assert figures[2] == "Inwoner ziet ervan af" and figures[3] == "na de bewaartermijn"
    assert "resident_declined" not in " ".join(figures)
    dialog.close()
    QApplication.processEvents()
    assert TEAM_PASSWORD


def test_the_audit_csv_speaks_dutch(qtbot: QtBot, team: Opened, tmp_path: Path) -> None:
    """The file Beheer › Auditlog › Exporteren writes."""
    application()
    services = team.services
    services.accounts.add("Bas Lid", "BL", MemberRole.MEMBER, BAS, BAS)
    dialog = AuditDialog(services)
    show_active(qtbot, dialog)
    target = tmp_path / "auditlog.csv"
    assert dialog.export_to(str(target)) > 0
    dialog.close()
    text = target.read_text(encoding="utf-8-sig")
    assert "aanmelden" in text and ";gedaan;" in text and ";teamlid;" in text
    for code in ("sign_in", ";done;", ";member;", "refused"):
        assert code not in text


def test_the_lock_of_a_closed_window_never_blocks_the_app(
    qtbot: QtBot, team: Opened, team_dir: Path
) -> None:
    """A guard outliving its window (its idle timer still running) must not put an
    application-modal lock over everything else."""
    application()
    window = MainWindow(team.services, InlineTaskRunner())
    session = install_security(window, team.services, InlineTaskRunner(), team_dir)
    window.show()
    qtbot.waitExposed(window)
    window.close()
    session.guard.set_idle_ms(50)
    qtbot.wait(200)
    assert not session.guard.locked and QApplication.activeModalWidget() is None
    session.guard.stop()
