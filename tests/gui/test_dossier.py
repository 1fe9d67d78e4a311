from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.factories import report, resident
from tests.gui.helpers import drive_modal, replace_text, type_text
from ui.dialogs.close_report_dialog import CloseReportDialog
from ui.main_window import MainWindow
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.wiring import Services


def test_edit_details_with_a_bad_postcode_then_fix_it(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    saved = services.reports.register(report(), resident=resident())
    window.open_dossier(saved.resident_id, saved.id)
    page = window.dossier_page
    qtbot.keyClick(page.tabs, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentIndex() == 1
    replace_text(qtbot, page.form.postcode, "6291 SD")
    type_text(qtbot, page.form.network_notes, "Dochter Ria woont in Aken, komt elke zondag.")
    qtbot.keyClick(page.form.postcode, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.form.fieldset.errors_shown() == {
        "postcode": "Postcodes met de letters SD bestaan niet in Nederland."
    }
    assert page.form.network_notes.toPlainText().startswith("Dochter Ria")
    assert services.residents.get(saved.resident_id).postcode == "6291 AB"

    replace_text(qtbot, page.form.postcode, "6291 sb")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = services.residents.get(saved.resident_id)
    assert (stored.postcode, stored.network_notes) == (
        "6291 SB",
        "Dochter Ria woont in Aken, komt elke zondag.",
    )
    assert not page.has_unsaved_changes()


def test_leaving_with_unsaved_details_asks_first(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    saved = services.reports.register(report(), resident=resident())
    window.open_dossier(saved.resident_id, saved.id)
    page = window.dossier_page
    replace_text(qtbot, page.form.place, "Lemiers")

    def keep_editing(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Cancel).click()

    drive_modal(QMessageBox, keep_editing, page.back_button.click)
    assert window.pages.currentWidget() is page
    assert page.form.place.text() == "Lemiers"

    def save(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Save).click()

    drive_modal(QMessageBox, save, page.back_button.click)
    assert window.pages.currentWidget() is window.today_page
    assert services.residents.get(saved.resident_id).place == "Lemiers"


def test_visit_held_and_close_from_the_dossier(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from wijkteam.services.inputs import VisitInput

    saved = services.reports.register(report(), resident=resident())
    services.visits.plan(saved.id, VisitInput("18-11-2026", "10:00"))
    window.open_dossier(saved.resident_id, saved.id)
    panel = window.dossier_page.report_panel
    assert "Huisbezoek gepland op woensdag 18 november 2026 om 10:00" in panel.visit.text()
    qtbot.mouseClick(panel.held_button, Qt.MouseButton.LeftButton)
    assert services.reports.get(saved.id).status is ReportStatus.IN_CONVERSATION
    assert not panel.held_button.isEnabled()

    def close_as_solved(dialog: CloseReportDialog) -> None:
        dialog.reason_box.setCurrentIndex(dialog.reason_box.findData(ClosingReason.SOLVED_VOORVELD))
        dialog.accept()

    drive_modal(
        CloseReportDialog,
        close_as_solved,
        lambda: qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton),
    )
    closed = services.reports.get(saved.id)
    assert (closed.status, closed.closing_reason) == (
        ReportStatus.CLOSED,
        ClosingReason.SOLVED_VOORVELD,
    )
    assert "Afgesloten" in panel.title.text()
    assert panel.close_button.isHidden() and panel.reopen_button.isVisible()


def test_afspraken_open_once_the_visit_is_held(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from wijkteam.services.inputs import VisitInput

    saved = services.reports.register(report(), resident=resident())
    services.visits.plan(saved.id, VisitInput("18-11-2026", "10:00"))
    window.open_dossier(saved.resident_id, saved.id)
    page = window.dossier_page
    steps = page.steps_panel
    # Before any conversation a step is refused by the status rule: the form says so first.
    assert not steps.form.isEnabled() and not steps.add_button.isEnabled()
    assert "Leg eerst het huisbezoek" in steps.hint.text()

    qtbot.mouseClick(page.report_panel.held_button, Qt.MouseButton.LeftButton)
    assert steps.form.isEnabled() and steps.add_button.isEnabled()
    assert "Wat kiest de inwoner?" in steps.hint.text()
    type_text(qtbot, steps.form.what, "Naar de buurtsoos")
    qtbot.mouseClick(steps.add_button, Qt.MouseButton.LeftButton)
    assert [s.what for s in services.steps.for_report(saved.id)] == ["Naar de buurtsoos"]


def test_closing_with_an_open_step_asks_first(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from PySide6.QtCore import QTimer

    from tests.gui.helpers import with_modal
    from wijkteam.domain.contacts import ContactKind
    from wijkteam.domain.steps import StepActor, StepStatus
    from wijkteam.services.contact_records import ContactInput
    from wijkteam.services.steps.records import StepInput

    saved = services.reports.register(report(), resident=resident())
    services.contacts.record(  # the visit at which the step was agreed
        saved.resident_id, ContactInput(ContactKind.HOME_VISIT, "17-11-2026", report_id=saved.id)
    )
    step = services.steps.create(
        saved.id, StepInput(what="Naar de buurtsoos", actor=StepActor.RESIDENT, due="24-11-2026")
    )
    window.open_dossier(saved.resident_id, saved.id)
    panel = window.dossier_page.report_panel
    questions: list[str] = []

    def close_as_declined(dialog: CloseReportDialog) -> None:
        dialog.reason_box.setCurrentIndex(
            dialog.reason_box.findData(ClosingReason.RESIDENT_DECLINED)
        )
        dialog.accept()

    def answer(button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def click(box: QMessageBox) -> None:
            questions.append(box.text())
            box.button(button).click()

        return click

    for button in (QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes):
        QTimer.singleShot(0, with_modal(CloseReportDialog, close_as_declined))
        QTimer.singleShot(0, with_modal(QMessageBox, answer(button)))
        qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
        if button is QMessageBox.StandardButton.No:
            assert services.reports.get(saved.id).status is not ReportStatus.CLOSED
            assert services.steps.get(step.id).status is StepStatus.OPEN

    assert questions[0].startswith("Bij deze melding staat nog open: 1 afspraak en 1 keer nabellen")
    closed = services.reports.get(saved.id)
    assert (closed.status, closed.closing_reason) == (
        ReportStatus.CLOSED,
        ClosingReason.RESIDENT_DECLINED,
    )
    assert services.steps.get(step.id).status is StepStatus.NOT_GOING_AHEAD


class _WindowsShown(QObject):
    """Counts widgets shown as windows of their own (a widget shown before it has a parent)."""

    def __init__(self, main: QWidget) -> None:
        super().__init__()
        self._main = main
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self._main
        ):
            self.shown.append(type(watched).__name__)
        return False


def test_the_first_dossier_opens_inside_the_window_which_keeps_the_keyboard(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    """The dossier page is made when first opened: none of its parts may flash up as a window
    of its own, which on a desktop takes the keyboard away from the main window."""
    saved = services.reports.register(report(), resident=resident())
    spy = _WindowsShown(window)
    QApplication.instance().installEventFilter(spy)
    try:
        window.open_dossier(saved.resident_id, saved.id)
        qtbot.wait(200)  # the window system's answers arrive
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.shown == []
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is window.dossier_page.tabs.tabBar()


def _wheel_over(widget: QWidget, steps: int) -> None:
    """One notch of the mouse wheel per step (downwards), the pointer over the widget's middle,
    delivered as a window system delivers it: through the application's filters."""
    middle = QPointF(widget.width() / 2, widget.height() / 2)
    for _ in range(steps):
        event = QWheelEvent(
            middle, widget.mapToGlobal(middle), QPoint(0, -120), QPoint(0, -120),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(widget, event)


def test_scrolling_over_the_details_changes_no_choice(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    saved = services.reports.register(report(), resident=resident(place="Vijlen"))
    window.open_dossier(saved.resident_id, saved.id)
    page = window.dossier_page
    qtbot.keyClick(page.tabs, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    page.form.surname.setFocus()
    form = page.form
    before = (
        form.district.currentText(),
        form.channel.currentIndex(),
        form.language.currentIndex(),
    )
    for chooser in (form.district, form.channel, form.language):
        _wheel_over(chooser, 2)
    after = (form.district.currentText(), form.channel.currentIndex(), form.language.currentIndex())
    assert after == before == ("Vijlen", before[1], before[2])
    assert not page.has_unsaved_changes()
    # Chosen on purpose (the drop-down has the focus): the wheel does choose.
    form.channel.setFocus()
    qtbot.waitUntil(form.channel.hasFocus)
    _wheel_over(form.channel, 1)
    assert form.channel.currentIndex() == before[1] + 1


def test_at_1280x800_the_melding_fits_its_list_and_panel(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from PySide6.QtWidgets import QScrollArea

    from wijkteam.services.inputs import VisitInput

    window.resize(1280, 800)
    saved = services.reports.register(report(), resident=resident())
    services.visits.plan(saved.id, VisitInput("18-11-2026", "10:00"))
    window.open_dossier(saved.resident_id, saved.id)
    qtbot.wait(50)  # the layout settles
    page = window.dossier_page
    table = page.reports_table
    status = table.model().index(0, 1).data()
    assert status == "Huisbezoek gepland"
    assert table.columnWidth(1) >= table.fontMetrics().horizontalAdvance(status)
    assert table.columnViewportPosition(1) + table.columnWidth(1) <= table.viewport().width()
    area = page.report_panel.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    assert not area.horizontalScrollBar().isVisible()  # every button in view
