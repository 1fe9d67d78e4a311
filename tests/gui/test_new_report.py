from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.factories import BSN_A, BSN_BAD, report, resident
from tests.gui.helpers import drive_modal, replace_text, show_active, type_text
from ui.dialogs.new_report_dialog import NewReportDialog
from ui.main_window import MainWindow
from ui.models.columns import DEADLINE_ROLE
from wijkteam.domain.deadlines import DeadlineState
from wijkteam.wiring import Services


def _fill_new_resident(qtbot: QtBot, dialog: NewReportDialog, *, bsn: str = "") -> None:
    form = dialog.resident_form
    type_text(qtbot, form.surname, "Brückner")
    type_text(qtbot, form.first_names, "Zoë")
    type_text(qtbot, form.birth_date.line, "01-02-1950")
    type_text(qtbot, form.bsn, bsn)
    type_text(qtbot, form.street, "Kerkstraat")
    type_text(qtbot, form.house_number, "12")
    type_text(qtbot, form.postcode, "6291ab")
    type_text(qtbot, form.place, "Vaals")
    type_text(qtbot, form.phone, "043 306 1234")
    type_text(qtbot, dialog.reporter_name, "Ria")
    type_text(qtbot, dialog.reporter_relation.lineEdit(), "dochter")
    replace_text(qtbot, dialog.received.line, "03-11-2026")
    type_text(qtbot, dialog.question, "Mijn moeder komt de deur niet meer uit sinds de winter.")


def _save(qtbot: QtBot, dialog: NewReportDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_register_through_the_dialog_shows_it_everywhere(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    def fill(dialog: NewReportDialog) -> None:
        _fill_new_resident(qtbot, dialog)
        dialog.member.setCurrentIndex(dialog.member.findText("Tessa Testlid"))
        _save(qtbot, dialog)

    drive_modal(
        NewReportDialog,
        fill,
        lambda: qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
        return_to=window,
    )

    # The new dossier opens.
    assert window.pages.currentWidget() is window.dossier_page
    assert window.dossier_page.name_label.text() == "Zoë Brückner"
    assert "1 dag te laat" in window.dossier_page.report_panel.deadline.text()

    # Vandaag: waiting for a visit plan, overdue since the deadline was 17-11-2026.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.today_page
    unplanned = window.today_page.unplanned.model
    assert unplanned.rowCount() == 1
    assert unplanned.index(0, 1).data() == "Brückner, Zoë"
    deadline = unplanned.index(0, 0).data(DEADLINE_ROLE)
    assert (str(deadline.due), deadline.state) == ("2026-11-17", DeadlineState.OVERDUE)

    # Werkvoorraad: one open melding with the same deadline and the member.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    model = window.worklist_page.model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in (0, 1, 2, 4, 5)] == [
        "Brückner, Zoë",
        "Vaals",
        "03-11-2026",
        "Nieuw",
        "Tessa Testlid",
    ]
    assert model.index(0, 3).data(DEADLINE_ROLE).state is DeadlineState.OVERDUE
    assert services.residents.get(model.row_at(0).resident_id).phone == "+31433061234"


def test_invalid_bsn_shows_a_message_and_keeps_every_input(
    qtbot: QtBot, services: Services, member: object
) -> None:
    dialog = NewReportDialog(services)
    show_active(qtbot, dialog)
    _fill_new_resident(qtbot, dialog, bsn=BSN_BAD)
    before = (dialog.resident_form.value(), dialog.report_input())
    _save(qtbot, dialog)

    assert dialog.isVisible() and dialog.saved is None
    errors = dialog.resident_form.fieldset.errors_shown()
    assert list(errors) == ["bsn"]
    assert "elfproef" in errors["bsn"]
    assert (dialog.resident_form.value(), dialog.report_input()) == before
    assert dialog.resident_form.bsn.hasFocus()

    # Correcting the number is enough; nothing had to be typed again.
    replace_text(qtbot, dialog.resident_form.bsn, BSN_A)
    _save(qtbot, dialog)
    assert dialog.saved is not None
    assert services.residents.get(dialog.saved.resident_id).bsn == BSN_A


def test_likely_duplicate_is_shown_before_a_new_resident_is_created(
    qtbot: QtBot, services: Services, member: object
) -> None:
    existing = services.reports.register(report(), resident=resident(surname="Brückner"))
    dialog = NewReportDialog(services)
    show_active(qtbot, dialog)
    _fill_new_resident(qtbot, dialog)
    qtbot.keyClick(dialog.resident_form.birth_date.line, Qt.Key.Key_Tab)  # leaves the field
    assert dialog.duplicate_box.isVisible()
    assert dialog.duplicate_model.row_at(0).id == existing.resident_id

    qtbot.mouseClick(dialog.use_duplicate, Qt.MouseButton.LeftButton)
    _save(qtbot, dialog)
    assert dialog.saved is not None
    assert dialog.saved.resident_id == existing.resident_id
    assert len(services.reports.for_resident(existing.resident_id)) == 2


def test_search_first_and_pick_a_known_resident(
    qtbot: QtBot, services: Services, member: object
) -> None:
    existing = services.reports.register(report(), resident=resident(surname="Jongen"))
    dialog = NewReportDialog(services)
    show_active(qtbot, dialog)
    type_text(qtbot, dialog.search, "jong")
    qtbot.waitUntil(lambda: dialog.search_model.rowCount() == 1)
    qtbot.keyClick(dialog.search_results, Qt.Key.Key_Return)
    assert dialog.resident_pages.currentIndex() == 1
    type_text(qtbot, dialog.question, "Wil graag iets doen overdag.")
    _save(qtbot, dialog)
    assert dialog.saved is not None and dialog.saved.resident_id == existing.resident_id


def test_leaving_with_typed_data_asks_and_esc_keeps_the_work(
    qtbot: QtBot, services: Services
) -> None:
    """Esc or Annuleren with a typed question asks; Esc on the question keeps typing."""
    from PySide6.QtWidgets import QMessageBox

    from ui.app import application

    application()
    untouched = NewReportDialog(services)
    show_active(qtbot, untouched)
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not untouched.isVisible()

    dialog = NewReportDialog(services)
    show_active(qtbot, dialog)
    qtbot.wait(10)  # the dialog notes how it opened
    type_text(qtbot, dialog.question, "Buurvrouw komt de deur niet uit.")
    asked: list[str] = []

    def keep(box: QMessageBox) -> None:
        asked.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc on the question: keep typing

    drive_modal(QMessageBox, keep, lambda: qtbot.keyClick(dialog.question, Qt.Key.Key_Escape))
    assert asked and dialog.isVisible()
    assert dialog.question.toPlainText() == "Buurvrouw komt de deur niet uit."

    def discard(box: QMessageBox) -> None:
        weggooien = next(b for b in box.buttons() if b.text() == "&Weggooien")
        qtbot.mouseClick(weggooien, Qt.MouseButton.LeftButton)

    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    drive_modal(QMessageBox, discard, lambda: qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton))
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
