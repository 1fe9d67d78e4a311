"""Beheer › Bewaartermijnen on a team laptop (DESIGN.md §11 "Retention"): the coordinator is
told the removal is the team's, confirms it with a real click, and after a sync the member's
laptop no longer has the case. Real encrypted stores, the real server on PostgreSQL."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.helpers import drive_modal, show_active
from tests.gui.test_coordinator_duties import _answer
from tests.team.conftest import certs, database, pg_role, server  # noqa: F401 - fixtures
from tests.team.test_team_data import sync_until
from tests.team.test_team_retention import _due_case, trio  # noqa: F401 - trio is a fixture
from ui.app import application
from ui.security.retention_dialog import RetentionDialog
from wijkteam.store.models import Report


def test_a_removal_confirmed_in_bewaartermijnen_leaves_the_members_laptop(
    qtbot: QtBot,
    trio,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    carla, mo, _database = trio
    made, theirs = _due_case(carla, mo)
    application()
    dialog = RetentionDialog(carla.services)
    show_active(qtbot, dialog)
    assert dialog.due_model.rowCount() == 1
    asked: list[str] = []

    def confirm(box: QMessageBox) -> None:
        asked.append(box.text())
        _answer(box, "Ja, verwijderen")

    drive_modal(QMessageBox, confirm, dialog.remove_due)
    assert "van de andere laptops van het team en van de teamserver" in asked[0]
    assert dialog.due_model.rowCount() == 0
    assert dialog.status.text().startswith("1 melding(en) verwijderd")
    dialog.close()
    QApplication.processEvents()
    carla.services.team.sync()
    sync_until(mo, lambda: not mo.services.residents.search("proefkonijn"))
    with mo.services.store.transaction() as session:
        assert session.get(Report, theirs.id) is None
    with carla.services.store.transaction() as session:
        assert session.get(Report, made.id) is None
