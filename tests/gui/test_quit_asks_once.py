"""Quitting (Ctrl+Q) with unsaved work in the dossier asks one question, once."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.factories import report, resident
from tests.gui.helpers import replace_text, type_text
from ui.main_window import MainWindow
from wijkteam.domain.contacts import ContactKind
from wijkteam.services.contact_records import ContactInput
from wijkteam.wiring import Services


class Answers:
    """Answers every question box that opens, with the button labelled `choose`, and
    counts them: a second question would be answered, and counted, too."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, list[str]]] = []
        self.choose = ""
        self.done = False
        QTimer.singleShot(0, self._look)

    def _look(self) -> None:
        if self.done:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            labels = [b.text().replace("&", "") for b in box.buttons()]
            self.asked.append((box.text() + " " + box.informativeText(), labels))
            if self.choose in labels:
                box.buttons()[labels.index(self.choose)].click()
            else:  # not the question expected: step back, and let the asserts tell
                box.reject()
        QTimer.singleShot(20, self._look)


def _dossier_after_a_visit(window: MainWindow, services: Services) -> int:
    """A melding whose home visit was held (steps follow a conversation), its dossier open."""
    saved = services.reports.register(report(), resident=resident())
    services.contacts.record(
        saved.resident_id,
        ContactInput(ContactKind.HOME_VISIT, "17-11-2026", report_id=saved.id),
    )
    window.open_dossier(saved.resident_id, saved.id)
    return saved.resident_id


def _ctrl_q(qtbot: QtBot, window: MainWindow, widget: QWidget) -> None:
    window.activateWindow()  # back from the question box
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(widget, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)  # room for a second question


def test_ctrl_q_with_changed_details_and_a_typed_step_asks_once(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    resident_id = _dossier_after_a_visit(window, services)
    page = window.dossier_page
    replace_text(qtbot, page.form.place, "Lemiers")
    type_text(qtbot, page.steps_panel.form.what, "Naar de buurtsoos")

    answers = Answers()
    answers.choose = "Annuleren"
    _ctrl_q(qtbot, window, page.form.place)
    assert len(answers.asked) == 1
    text, labels = answers.asked[0]
    assert "gewijzigd" in text and "stap of overdracht" in text
    assert set(labels) == {"Opslaan", "Verwerpen", "Annuleren"}
    assert window.isVisible()  # Annuleren: nothing closed, nothing lost
    assert page.form.place.text() == "Lemiers"
    assert page.steps_panel.form.what.text() == "Naar de buurtsoos"

    answers.choose = "Opslaan"
    _ctrl_q(qtbot, window, page.form.place)
    answers.done = True
    assert len(answers.asked) == 2  # once more, and only once
    assert not window.isVisible()
    assert services.residents.get(resident_id).place == "Lemiers"


def test_ctrl_q_with_only_a_typed_step_asks_to_keep_typing(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    _dossier_after_a_visit(window, services)
    page = window.dossier_page
    type_text(qtbot, page.steps_panel.form.what, "Naar de buurtsoos")

    answers = Answers()
    answers.choose = "Verder invullen"
    _ctrl_q(qtbot, window, page.steps_panel.form.what)
    answers.done = True
    assert [labels for _, labels in answers.asked] == [["Verder invullen", "Weggooien"]]
    assert window.isVisible()
    assert page.steps_panel.form.what.text() == "Naar de buurtsoos"
