"""The coordinator's screens: audit log, retention, inzage/erasure, backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.factories import report, resident
from tests.gui.helpers import show_active
from ui.app import application
from ui.security.audit_dialog import ACTION, AuditDialog
from wijkteam.security.context import AuditAction
from wijkteam.services.audit_records import AuditQuery
from wijkteam.wiring.setup import Opened


def test_audit_log_screen_filters_checks_and_exports(
    qtbot: QtBot, team: Opened, tmp_path: Path
) -> None:
    application()
    services = team.services
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    services.residents.get(saved.resident_id)
    dialog = AuditDialog(services)
    show_active(qtbot, dialog)
    assert "gaaf" in dialog.chain_label.text()
    shown = [dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())]
    assert ACTION[AuditAction.VIEW] in shown and ACTION[AuditAction.CREATE] in shown
    dialog.action_box.setCurrentIndex(dialog.action_box.findData(AuditAction.CREATE.value))
    assert {dialog.model.row_at(r).action for r in range(dialog.model.rowCount())} == {
        AuditAction.CREATE
    }
    target = tmp_path / "audit.csv"
    assert dialog.export_to(str(target)) == dialog.model.rowCount()
    assert "Quispelaar" not in target.read_text(encoding="utf-8-sig")
    with services.store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_event_no_delete")
        connection.exec_driver_sql("DELETE FROM audit_event WHERE id = 3")
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert "aangetast" in dialog.chain_label.text()
    dialog.close()


def _closed_and_acknowledged(services, clock) -> int:  # type: ignore[no-untyped-def]
    from wijkteam.domain.enums import ClosingReason
    from wijkteam.store.models import Report

    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    services.reports.close(saved.id, ClosingReason.MOVED)
    with services.store.transaction() as session:
        session.get(Report, saved.id).sync_acknowledged_at = clock.now()
    clock.advance(days=91)
    return saved.id


def test_retention_screen_removes_after_confirmation(qtbot: QtBot, team: Opened, clock) -> None:  # type: ignore[no-untyped-def]
    from ui.security.retention_dialog import RetentionDialog

    application()
    services = team.services
    report_id = _closed_and_acknowledged(services, clock)
    dialog = RetentionDialog(services)
    show_active(qtbot, dialog)
    assert dialog.due_model.rowCount() == 1
    assert dialog.due_model.row_at(0).report_id == report_id
    assert dialog.remove_button.text() == "&Verwijderen (1)…"
    dialog.confirmed_remove()
    assert dialog.due_model.rowCount() == 0 and not dialog.remove_button.isEnabled()
    assert dialog.figure_model.rowCount() == 1
    assert "1 melding(en) verwijderd" in dialog.status.text()
    assert services.residents.search("quispelaar") == []
    dialog.close()


def test_privacy_actions_on_the_open_dossier(qtbot: QtBot, team: Opened, tmp_path: Path) -> None:
    from ui.main_window import MainWindow
    from ui.security.privacy_actions import PrivacyActions
    from ui.tasks import InlineTaskRunner

    application()
    services = team.services
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    window = MainWindow(services, InlineTaskRunner())
    window.show()
    actions = PrivacyActions(window, services)
    window.open_dossier(saved.resident_id, saved.id)
    written: list = []  # type: ignore[type-arg]
    actions.inzage_to(saved.resident_id, tmp_path, written.append)
    [paths] = written
    assert paths.pdf.exists() and paths.json.exists()
    assert "inzage" in window.statusBar().currentMessage().lower()
    actions.confirmed_erase(saved.resident_id)
    assert window.pages.currentWidget() is window.today_page
    assert services.residents.search("quispelaar") == []
    window.close()


def test_restore_from_the_menu_puts_the_backup_back(
    qtbot: QtBot,
    team: Opened,
    team_dir: Path,
    clock,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tests.conftest import TEAM_PASSWORD
    from ui.security import backup_actions
    from wijkteam.wiring.setup import open_unlocked, unlock

    application()
    services = team.services
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    backup = services.backups.make()
    services.residents.update(saved.resident_id, resident(surname="Later"))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    monkeypatch.setattr(QApplication, "quit", lambda *args: None)
    called: list[bool] = []
    assert backup_actions.restore_now(services, backup, lambda: called.append(True))
    assert called == [True]
    ring, unlocked = unlock(team_dir, "CC", TEAM_PASSWORD)
    again = open_unlocked(team_dir, ring, unlocked, clock=clock)
    try:
        assert again.services.residents.get(saved.resident_id).surname == "Quispelaar"
        restores = again.services.audit.events(AuditQuery(action=AuditAction.RESTORE))
        assert len(restores) == 1
    finally:
        again.services.store.close()


def test_security_settings_are_saved_and_explained(qtbot: QtBot, team: Opened) -> None:
    from ui.security.settings_dialog import SecuritySettingsDialog

    application()
    dialog = SecuritySettingsDialog(team.services)
    show_active(qtbot, dialog)
    from PySide6.QtWidgets import QLabel

    assert "15 jaar" in dialog.findChild(QLabel, "retentionHelp").text()
    assert dialog.spins["auto_lock_minutes"].value() == 5
    assert dialog.spins["retention_grace_days"].value() == 90
    dialog.spins["auto_lock_minutes"].setValue(2)
    dialog.spins["backups_kept"].setValue(3)
    dialog.save()
    saved = team.services.settings.security()
    assert (saved.auto_lock_minutes, saved.retention_grace_days, saved.backups_kept) == (2, 90, 3)
