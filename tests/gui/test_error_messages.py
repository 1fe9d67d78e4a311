"""Refusals reach the member in the registry's own words: a refused follow-up on a closed
melding is about the melding, not about a referral (its code used to be defined twice)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import report, resident
from tests.gui.helpers import type_text, with_modal
from ui.app import application
from ui.steps.follow_up_dialog import FollowUpDialog
from wijkteam.domain.contacts import ContactKind
from wijkteam.errors import ValidationError, ValidationFailed
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.steps.records import StepInput
from wijkteam.wiring import Services


def test_a_follow_up_refused_on_a_closed_melding_says_the_melding_is_closed(
    qtbot: QtBot, services: Services
) -> None:
    application()
    saved = services.reports.register(report(), resident=resident())
    services.contacts.record(  # a step follows a conversation
        saved.resident_id,
        ContactInput(ContactKind.HOME_VISIT, "18-11-2026", "10:00", report_id=saved.id),
    )
    services.steps.create(saved.id, StepInput(what="Koffieochtend in Holset", due="20-11-2026"))
    (follow_up,) = services.follow_ups.for_report(saved.id)

    def refused(_outcome: object) -> None:
        # What FollowUpService.record raises when the melding was closed meanwhile.
        raise ValidationFailed([ValidationError("follow_up", "report_closed")])

    dialog = FollowUpDialog(services.follow_ups.get(follow_up.id), "25-11-2026", refused)
    dialog.show()
    type_text(qtbot, dialog.how, "Is geweest, vond het gezellig.")
    shown: list[str] = []

    def read(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, with_modal(QMessageBox, read))
    buttons = dialog.findChild(QDialogButtonBox)
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text() == "&Opslaan"
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    assert shown == ["Deze melding is al afgesloten."]
    assert dialog.isVisible() and dialog.how.toPlainText() == "Is geweest, vond het gezellig."
    dialog.close()
