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
from wijkteam.security.setup import Opened


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
    shown = [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())]
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
