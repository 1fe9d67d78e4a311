"""The resident's bezoekverslag as a member makes it: from the melding, choose the language,
tick what goes on paper, print (or save) it; the Documenten tab keeps it and prints a copy."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.documents.pdftext import all_text
from tests.factories import report, resident
from tests.gui.helpers import drive_modal, type_text, with_modal
from ui.documents.summary_dialog import VisitSummaryDialog
from ui.main_window import MainWindow
from ui.tasks import Task
from wijkteam.common.cancel import CancelToken
from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.domain.documents import DocumentKind
from wijkteam.domain.enums import Language
from wijkteam.domain.steps import StepActor
from wijkteam.security.context import AuditAction
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.services.steps.records import StepInput
from wijkteam.wiring import Services

LEFT = Qt.MouseButton.LeftButton
WHO = "Oud-naaister uit Vaals, Postduivenmelker van beroep."  # Dutch: warned in German
NEEDS = "NIET-VOOR-PAPIER: schaamt zich voor de rommel in huis."
DECISION = "Sie möchten den Chor in Lemiers ausprobieren."


@pytest.fixture
def melding(services: Services, member: MemberRecord) -> ReportRecord:
    """A Dutch-speaking resident after a home visit with two themes written and one step;
    the member has a work phone for the resident to call."""
    services.members.set_contact(member.id, "06 12345678", "")
    saved = services.reports.register(
        report(assigned_member_id=member.id), resident=resident(language=Language.DUTCH)
    )
    services.contacts.record(
        saved.resident_id,
        ContactInput(
            ContactKind.HOME_VISIT,
            "18-11-2026",
            "10:00",
            member_id=member.id,
            report_id=saved.id,
            themes={Theme.WHO: WHO, Theme.NEEDS: NEEDS},
        ),
    )
    services.steps.create(
        saved.id, StepInput("Het koor bellen", StepActor.RESIDENT, due="25-11-2026")
    )
    return services.reports.get(saved.id)


class Viewer:
    """Stands in for the system's PDF viewer on a machine without a printer."""

    def __init__(self) -> None:
        self.opened: list[bytes] = []

    def __call__(self, path: Path) -> bool:
        assert path.name.startswith("bezoekverslag") or path.name.startswith("overdracht")
        self.opened.append(path.read_bytes())
        return True


def without_printer(dialog: VisitSummaryDialog, viewer: Viewer) -> None:
    dialog.maker.output.has_printer = lambda: False
    dialog.maker.output.open_viewer = viewer


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Ticks (or unticks) a check box with the keyboard, as a member tabbing through does."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def open_summary(qtbot: QtBot, window: MainWindow, melding: ReportRecord, interact) -> None:  # type: ignore[no-untyped-def]
    window.open_dossier(melding.resident_id, melding.id)
    panel = window.dossier_page.report_panel
    assert panel.summary_button.text() == "Bezoek&verslag…"
    drive_modal(
        VisitSummaryDialog, interact, lambda: qtbot.mouseClick(panel.summary_button, LEFT), window
    )


def test_print_a_summary_in_german_with_only_the_ticked_theme(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    viewer = Viewer()
    seen: dict[str, object] = {}

    def make(dialog: VisitSummaryDialog) -> None:
        without_printer(dialog, viewer)
        assert dialog.chosen_language() is Language.DUTCH  # the resident's own language
        assert dialog.windowTitle() == "Bezoekverslag"  # no name in the task bar
        dialog.language.setFocus()
        qtbot.keyClicks(dialog.language, "Duits")
        assert dialog.chosen_language() is Language.GERMAN
        assert "in het Duits" in dialog.hint.text()
        who, needs = dialog.form.theme_choices
        assert (who.key, needs.key) == ("who", "needs")
        assert not who.check.isChecked() and not who.text.isEnabled()  # nothing by default
        tick(qtbot, who.check)
        assert who.check.isChecked() and who.text.isEnabled()
        type_text(qtbot, dialog.form.decision, DECISION)
        (step,) = dialog.form.step_checks
        seen["step_checked"] = step.isChecked()
        dialog.activateWindow()  # shortcuts go to the active window (no window manager here)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        QTimer.singleShot(0, with_modal(QMessageBox, print_anyway))
        qtbot.keyClick(dialog.form.decision, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    def print_anyway(box: QMessageBox) -> None:
        seen["warning"] = box.text()
        next(b for b in box.buttons() if b.text() == "Toch &afdrukken").click()

    open_summary(qtbot, window, melding, make)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert seen["step_checked"] is True  # agreements are printed unless unticked
    assert seen["warning"] == (
        "Het verslag is in het Duits, maar:\n• Wie is de persoon: lijkt in het Nederlands"
    )
    (pdf,) = viewer.opened
    text = all_text(pdf)
    assert "Bericht über unser Gespräch" in text
    assert "Über Sie" in text and "Postduivenmelker" in text
    assert "NIET-VOOR-PAPIER" not in text and "Was Sie brauchen" not in text
    assert DECISION in text and "Het koor bellen" in text
    (document,) = services.documents.for_resident(melding.resident_id)
    assert (document.kind, document.language, document.report_id) == (
        DocumentKind.VISIT_SUMMARY,
        Language.GERMAN,
        melding.id,
    )
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()
    assert "PDF-lezer" in window.statusBar().currentMessage()
    page = window.dossier_page
    assert page.documents.model.rowCount() == 1
    assert page.documents.model.index(0, 1).data() == "Bezoekverslag"
    assert page.documents.model.index(0, 2).data() == "Duits"


def test_a_wrong_date_is_told_and_nothing_typed_is_lost_then_saved_as_pdf(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord, tmp_path: Path
) -> None:
    target = tmp_path / "bezoekverslag.pdf"  # the offered name: no personal data
    seen: dict[str, object] = {}

    def pick_file(dialog: QFileDialog) -> None:
        seen["offered"] = dialog.selectedFiles()[0]
        dialog.setDirectory(str(tmp_path))
        dialog.accept()

    def make(dialog: VisitSummaryDialog) -> None:
        qtbot.keyClicks(dialog.language, "Engels")
        type_text(qtbot, dialog.form.decision, "You will try the choir.")
        form = dialog.form
        if not form.with_contact.isChecked():
            tick(qtbot, form.with_contact)
        form.contact_date.line.clear()
        type_text(qtbot, form.contact_date.line, "31-13-2026")
        qtbot.mouseClick(dialog.save_button, LEFT)
        assert dialog.isVisible()
        seen["errors"] = dict(form.fieldset.errors_shown())
        seen["kept"] = form.decision.toPlainText()
        assert services.documents.for_resident(melding.resident_id) == []
        form.contact_date.line.clear()
        type_text(qtbot, form.contact_date.line, "02-12-2026")
        type_text(qtbot, form.contact_time, "10:30")
        QTimer.singleShot(0, with_modal(QFileDialog, pick_file))
        qtbot.mouseClick(dialog.save_button, LEFT)

    open_summary(qtbot, window, melding, make)
    assert seen["errors"] == {
        "next_contact_on": "Schrijf de datum als dag-maand-jaar, bijvoorbeeld 03-11-2026."
    }
    assert seen["kept"] == "You will try the choir."
    assert str(seen["offered"]).endswith("bezoekverslag.pdf")
    qtbot.waitUntil(target.exists)
    text = all_text(target.read_bytes())
    assert "Summary of our conversation" in text
    assert "You will try the choir." in text
    assert "Wednesday 2 December 2026 at 10:30" in text
    (document,) = services.documents.for_resident(melding.resident_id)
    assert document.language is Language.ENGLISH
    assert document.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()


def test_the_documents_tab_prints_the_stored_copy_and_audits_it(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    viewer = Viewer()

    def make(dialog: VisitSummaryDialog) -> None:
        without_printer(dialog, viewer)
        qtbot.mouseClick(dialog.print_button, LEFT)

    open_summary(qtbot, window, melding, make)
    page = window.dossier_page
    bar = page.tabs.tabBar()
    index = page.tabs.indexOf(page.documents)
    assert bar.tabText(index) == "Doc&umenten"
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    tab = page.documents
    assert tab.print_button.isEnabled()
    tab.output.has_printer = lambda: False
    tab.output.open_viewer = viewer
    qtbot.mouseClick(tab.print_button, LEFT)
    first, again = viewer.opened
    assert again == first  # exactly the recorded PDF, not a new one
    assert len(services.documents.for_resident(melding.resident_id)) == 1
    actions = [
        e.action
        for e in services.audit.events(AuditQuery(resident_id=melding.resident_id))
        if e.object_type == "document" and e.action is not AuditAction.VIEW
    ]
    assert actions == [AuditAction.PRINT.value, AuditAction.PRINT.value]  # and the reading


def test_without_a_visit_the_member_is_told_what_to_do_first(
    qtbot: QtBot, window: MainWindow, services: Services, member: MemberRecord
) -> None:
    fresh = services.reports.register(report(), resident=resident(surname="Nieuwkomer"))
    seen: dict[str, str] = {}

    def read(box: QMessageBox) -> None:
        seen["text"] = box.text()
        box.accept()

    window.open_dossier(fresh.resident_id, fresh.id)
    panel = window.dossier_page.report_panel
    drive_modal(QMessageBox, read, lambda: qtbot.mouseClick(panel.summary_button, LEFT), window)
    assert "nog geen huisbezoek" in seen["text"]
    assert services.documents.for_resident(fresh.resident_id) == []


def test_choosing_another_conversation_keeps_what_was_reworded(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    services.contacts.record(
        melding.resident_id,
        ContactInput(
            ContactKind.HOME_VISIT,
            "11-11-2026",
            report_id=melding.id,
            themes={Theme.INTERESTS: "Kaarten op dinsdag"},
        ),
    )
    seen: dict[str, object] = {}

    def switch(dialog: VisitSummaryDialog) -> None:
        seen["first"] = [c.key for c in dialog.form.theme_choices]  # the latest conversation
        first = dialog.form.theme_choices[0]
        tick(qtbot, first.check)
        first.text.moveCursor(first.text.textCursor().MoveOperation.End)
        type_text(qtbot, first.text, " (herschreven)")
        dialog.conversation.setFocus()
        qtbot.keyClick(dialog.conversation, Qt.Key.Key_Up)
        seen["older"] = [c.key for c in dialog.form.theme_choices]
        qtbot.keyClick(dialog.conversation, Qt.Key.Key_Down)
        seen["back"] = dialog.form.theme_choices[0].text.toPlainText()
        dialog.done(QDialog.DialogCode.Rejected)  # leave the reworded text without asking

    open_summary(qtbot, window, melding, switch)
    assert seen["first"] == ["who", "needs"]
    assert seen["older"] == ["interests"]
    assert str(seen["back"]).endswith("(herschreven)")


def test_from_the_conversation_just_written_the_summary_saves_it_first(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    from tests.gui.test_conversations import start_home_visit

    tab, editor = start_home_visit(qtbot, window, melding)
    type_text(qtbot, editor.theme_edits[Theme.STRENGTHS], "Kan goed naaien en repareren.")
    assert tab.summary_button.isEnabled() and editor.contact_id is None
    seen: dict[str, object] = {}

    def look(dialog: VisitSummaryDialog) -> None:
        seen["contact"] = dialog.draft.contact_id
        seen["themes"] = [(c.key, c.text.toPlainText()) for c in dialog.form.theme_choices]
        dialog.reject()

    drive_modal(
        VisitSummaryDialog, look, lambda: qtbot.mouseClick(tab.summary_button, LEFT), window
    )
    assert editor.contact_id is not None and seen["contact"] == editor.contact_id
    assert seen["themes"] == [("strengths", "Kan goed naaien en repareren.")]
    assert not editor.has_unsaved_text()


def test_an_empty_new_conversation_is_not_saved_for_a_summary(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    from tests.gui.test_conversations import start_home_visit

    before = services.reports.get(melding.id).status
    tab, editor = start_home_visit(qtbot, window, melding)
    qtbot.mouseClick(tab.summary_button, LEFT)  # nothing typed: no dialog, no visit saved
    assert QApplication.activeModalWidget() is None
    assert editor.contact_id is None
    assert "nog leeg" in window.statusBar().currentMessage()
    assert len(services.contacts.for_resident(melding.resident_id)) == 1  # the fixture's
    assert services.reports.get(melding.id).status is before


class HeldRunner:
    """Keeps the background job until the test lets it run, like a slow machine."""

    def __init__(self) -> None:
        self.jobs: list[tuple[object, object, object]] = []

    busy = False
    closing = False

    def submit(self, work, on_done, on_error, **_options) -> Task:  # type: ignore[no-untyped-def]
        self.jobs.append((work, on_done, on_error))
        return Task(CancelToken())

    def finish(self) -> None:
        work, on_done, _on_error = self.jobs.pop()
        on_done(work())  # type: ignore[operator]


def test_the_dialog_stays_until_the_summary_it_shows_is_made(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    viewer = Viewer()
    runner = HeldRunner()
    seen: dict[str, object] = {}

    def make(dialog: VisitSummaryDialog) -> None:
        without_printer(dialog, viewer)
        dialog.maker.runner = runner
        qtbot.mouseClick(dialog.print_button, LEFT)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # impatient: ignored while building
        seen["open_while_building"] = dialog.isVisible()
        seen["cancel_enabled"] = dialog.cancel_button.isEnabled()
        runner.finish()

    open_summary(qtbot, window, melding, make)
    assert seen == {"open_while_building": True, "cancel_enabled": False}
    assert len(viewer.opened) == 1
    assert window.dossier_page.documents.model.rowCount() == 1


def test_a_stored_copy_saved_again_is_the_same_file_and_audited_as_export(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord, tmp_path: Path
) -> None:
    from wijkteam.documents.visit_summary import build_visit_summary

    pdf = build_visit_summary(services.documents.visit_summary_draft(melding.id).summary)
    record = services.documents.record(melding.resident_id, "visit_summary", "nl", pdf)
    window.open_dossier(melding.resident_id, melding.id)
    tab = window.dossier_page.documents
    tab.refresh()
    target = tmp_path / "bezoekverslag.pdf"

    def pick_file(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(tmp_path))
        dialog.accept()

    drive_modal(QFileDialog, pick_file, lambda: qtbot.mouseClick(tab.save_button, LEFT), window)
    assert target.read_bytes() == pdf
    actions = [
        e.action
        for e in services.audit.events(AuditQuery(resident_id=melding.resident_id))
        if e.object_type == "document"
        and e.object_id == record.id
        and e.action is not AuditAction.VIEW
    ]
    assert sorted(actions) == [AuditAction.EXPORT.value, AuditAction.PRINT.value]


def test_tab_from_the_language_reaches_the_themes_first(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    seen: dict[str, object] = {}

    def keyboard(dialog: VisitSummaryDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        dialog.language.setFocus()
        qtbot.keyClick(dialog.language, Qt.Key.Key_Tab)
        first = dialog.form.theme_choices[0]
        seen["focus_on_first_theme"] = QApplication.focusWidget() is first.check
        qtbot.keyClick(first.check, Qt.Key.Key_Space)
        seen["ticked"] = first.check.isChecked()
        dialog.done(QDialog.DialogCode.Rejected)  # leave the tick without asking

    open_summary(qtbot, window, melding, keyboard)
    assert seen == {"focus_on_first_theme": True, "ticked": True}


DUTCH_WHO = (
    "Woont sinds 1979 in dit huis. Weduwe sinds twee jaar; een dochter in Aken, een zoon "
    "in Heerlen. Werkte dertig jaar in een naaiatelier in Vaals en vertelt daar graag over."
)
GERMAN_WHO = (
    "Wohnt seit 1979 in diesem Haus. Seit zwei Jahren Witwe; eine Tochter in Aachen, ein "
    "Sohn in Heerlen. Hat dreißig Jahre in einer Näherei in Vaals gearbeitet und erzählt "
    "gern davon."
)


def test_a_dutch_theme_under_a_german_summary_warns_the_same_text_in_german_does_not(
    qtbot: QtBot, window: MainWindow, melding: ReportRecord
) -> None:
    viewer = Viewer()
    seen: dict[str, object] = {}

    def back_to_the_summary(box: QMessageBox) -> None:
        seen["warning"] = box.text()
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc: back to the summary, nothing printed

    def make(dialog: VisitSummaryDialog) -> None:
        without_printer(dialog, viewer)
        dialog.language.setCurrentIndex(dialog.language.findData(Language.GERMAN))
        who = dialog.form.theme_choices[0]
        tick(qtbot, who.check)
        who.text.setPlainText(DUTCH_WHO)
        QTimer.singleShot(0, with_modal(QMessageBox, back_to_the_summary))
        qtbot.mouseClick(dialog.print_button, LEFT)
        seen["printed_after_warning"] = len(viewer.opened)
        seen["still_open"] = dialog.isVisible()
        who.text.setPlainText(GERMAN_WHO)  # reworded in German: no question this time
        qtbot.mouseClick(dialog.print_button, LEFT)

    open_summary(qtbot, window, melding, make)
    assert "Wie is de persoon: lijkt in het Nederlands" in str(seen["warning"])
    assert seen["printed_after_warning"] == 0 and seen["still_open"] is True
    (pdf,) = viewer.opened
    assert "Näherei" in all_text(pdf)


def test_without_a_phone_or_e_mail_the_member_chooses(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    from ui.security.contact_dialog import ContactDialog

    member_id = services.reports.get(melding.id).assigned_member_id
    assert member_id is not None
    services.members.set_contact(member_id, "", "")
    viewer = Viewer()
    seen: dict[str, object] = {}

    def fill_in(contact: ContactDialog) -> None:
        type_text(qtbot, contact.phone, "06 87654321")
        qtbot.mouseClick(contact.ok_button, LEFT)

    def make(dialog: VisitSummaryDialog) -> None:
        without_printer(dialog, viewer)
        reach = dialog.reach
        seen["asked"] = reach.isVisible() and "geen telefoonnummer" in reach.text.text()
        seen["print_waits"] = not dialog.print_button.isEnabled()
        tick(qtbot, reach.without)  # printing without is a choice that can be made ...
        seen["without_allows"] = dialog.print_button.isEnabled()
        tick(qtbot, reach.without)  # ... but this member fills in a number instead
        drive_modal(ContactDialog, fill_in, lambda: qtbot.mouseClick(reach.fill_button, LEFT))
        seen["asked_after"] = reach.isVisible()
        qtbot.mouseClick(dialog.print_button, LEFT)

    open_summary(qtbot, window, melding, make)
    assert seen == {
        "asked": True,
        "print_waits": True,
        "without_allows": True,
        "asked_after": False,
    }
    (pdf,) = viewer.opened
    assert "06 87654321" in all_text(pdf)
