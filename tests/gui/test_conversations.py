"""The Gesprekken tab: contact moments and the vrij gesprek, written with the keyboard alone,
and never a word lost (autosave to a draft, offered back at the next start)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import report, resident
from tests.gui.helpers import drive_modal, replace_text, show_active, type_text
from ui.dossier.draft_recovery import offer_unsaved_drafts
from ui.main_window import MainWindow
from ui.tasks import InlineTaskRunner
from wijkteam.domain.contacts import ContactKind, MessageMedium, Theme
from wijkteam.domain.enums import VisitState
from wijkteam.domain.status import ReportStatus
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.wiring import Services

CTRL = Qt.KeyboardModifier.ControlModifier
WHO = "Zoë (83) woont al 40 jaar in Vaals; haar man overleed vorig jaar."
INTERESTS = "Koken voor anderen, de crèche van de kerk, café-avonden."
MOTIVATION = "Wil weer één vaste dag in de week iets buiten de deur doen."


@pytest.fixture
def melding(services: Services, member: MemberRecord) -> ReportRecord:
    saved = services.reports.register(report(assigned_member_id=member.id), resident=resident())
    return services.visits.plan(saved.id, VisitInput("18-11-2026", "10:00"))


def open_conversations(qtbot: QtBot, window: MainWindow, melding: ReportRecord):  # type: ignore[no-untyped-def]
    window.open_dossier(melding.resident_id, melding.id)
    page = window.dossier_page
    qtbot.keyClick(page.tabs, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.conversations
    return page.conversations


def start_home_visit(qtbot: QtBot, window: MainWindow, melding: ReportRecord):  # type: ignore[no-untyped-def]
    tab = open_conversations(qtbot, window, melding)
    qtbot.keyClick(tab.table, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Nieuw contactmoment
    editor = tab.editor
    # A mnemonic clicks after a short animation; then the cursor is in the first theme.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.theme_edits[Theme.WHO])
    assert (editor.title.text(), editor.contact_id) == ("Nieuw: huisbezoek", None)
    return tab, editor


def write_three_themes(qtbot: QtBot, editor) -> None:  # type: ignore[no-untyped-def]
    edits = editor.theme_edits
    type_text(qtbot, edits[Theme.WHO], WHO)
    qtbot.keyClick(edits[Theme.WHO], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is edits[Theme.INTERESTS]
    type_text(qtbot, edits[Theme.INTERESTS], INTERESTS)
    qtbot.keyClick(edits[Theme.INTERESTS], Qt.Key.Key_Return, CTRL)  # next theme
    assert QApplication.focusWidget() is edits[Theme.MOTIVATION]
    type_text(qtbot, edits[Theme.MOTIVATION], MOTIVATION)


def test_home_visit_written_with_the_keyboard_and_saved(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    tab, editor = start_home_visit(qtbot, window, melding)
    assert editor.orientation_label.text() == "Oriënterend gesprek 1 van 3"
    assert editor.header.date_field.text() == "18-11-2026"
    write_three_themes(qtbot, editor)
    edits = editor.theme_edits
    qtbot.keyClick(edits[Theme.MOTIVATION], Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is edits[Theme.INTERESTS]

    qtbot.keyClick(edits[Theme.INTERESTS], Qt.Key.Key_S, CTRL)
    (row,) = services.contacts.for_resident(melding.resident_id)
    saved = services.contacts.get(row.id)
    assert saved.kind is ContactKind.HOME_VISIT
    assert saved.themes == {
        Theme.WHO: WHO,
        Theme.INTERESTS: INTERESTS,
        Theme.MOTIVATION: MOTIVATION,
    }
    assert saved.report_id == melding.id
    assert services.drafts.pending() == []  # the draft is cleaned up after saving
    after = services.reports.get(melding.id)
    assert after.status is ReportStatus.IN_CONVERSATION  # the planned visit took place
    assert [v.state for v in after.visits] == [VisitState.HELD]
    assert window.dossier_page.report_panel.title.text().endswith("In gesprek")
    assert tab.model.rowCount() == 1
    assert tab.model.row_at(0).what == "Huisbezoek"
    assert tab.table.currentIndex().row() == 0
    assert QApplication.focusWidget() is edits[Theme.INTERESTS]  # still writing where it was


def test_leaving_a_field_saves_a_draft_at_once(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    _tab, editor = start_home_visit(qtbot, window, melding)
    type_text(qtbot, editor.theme_edits[Theme.WHO], WHO)
    assert services.drafts.pending() == []  # the pause timer has not run yet
    qtbot.keyClick(editor.theme_edits[Theme.WHO], Qt.Key.Key_Tab)
    (draft,) = services.drafts.pending()
    assert draft.content.themes == {Theme.WHO: WHO}
    assert draft.contact_id is None
    assert "Automatisch bewaard" in editor.state_label.text()


def test_a_pause_in_typing_saves_a_draft(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    _tab, editor = start_home_visit(qtbot, window, melding)
    type_text(qtbot, editor.theme_edits[Theme.NEEDS], "Eigenlijk mist ze de buurvrouwen.")
    qtbot.waitUntil(lambda: bool(services.drafts.pending()), timeout=3000)
    (draft,) = services.drafts.pending()
    assert draft.content.themes == {Theme.NEEDS: "Eigenlijk mist ze de buurvrouwen."}


def test_closing_the_window_keeps_the_text_and_the_next_start_offers_it(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    _tab, editor = start_home_visit(qtbot, window, melding)
    write_three_themes(qtbot, editor)
    window.close()
    (draft,) = services.drafts.pending()
    assert draft.content.themes[Theme.MOTIVATION] == MOTIVATION

    restarted = MainWindow(services, InlineTaskRunner())
    show_active(qtbot, restarted)
    seen: list[str] = []

    def restore(box: QMessageBox) -> None:
        seen.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == "&Terugzetten"]
        button.click()

    drive_modal(QMessageBox, restore, lambda: offer_unsaved_drafts(restarted, services), restarted)
    assert seen[0].startswith("Er is tekst die nog niet was opgeslagen.")
    assert "huisbezoek van 18-11-2026 met Zoë Verzonnen" in seen[0]
    page = restarted.dossier_page
    assert restarted.pages.currentWidget() is page
    assert page.tabs.currentWidget() is page.conversations
    editor = page.conversations.editor
    assert [editor.theme_text(t) for t in (Theme.WHO, Theme.INTERESTS, Theme.MOTIVATION)] == [
        WHO,
        INTERESTS,
        MOTIVATION,
    ]
    assert QApplication.focusWidget() is editor.theme_edits[Theme.MOTIVATION]
    type_text(qtbot, editor.theme_edits[Theme.MOTIVATION], " Liefst op dinsdag.")
    qtbot.keyClick(editor.theme_edits[Theme.MOTIVATION], Qt.Key.Key_S, CTRL)
    (row,) = services.contacts.for_resident(melding.resident_id)
    assert services.contacts.get(row.id).themes[Theme.MOTIVATION].endswith("Liefst op dinsdag.")
    assert services.drafts.pending() == []
    page.discard_changes()
    restarted.close()


def test_throwing_an_offered_draft_away(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    services.drafts.save(
        None, melding.resident_id, None, ContactInput(ContactKind.PHONE, "17-11-2026", notes="x")
    )

    def throw_away(box: QMessageBox) -> None:
        (button,) = [b for b in box.buttons() if b.text() == "&Weggooien"]
        button.click()

    drive_modal(QMessageBox, throw_away, lambda: offer_unsaved_drafts(window, services), window)
    assert services.drafts.pending() == []
    assert window.pages.currentWidget() is window.today_page


def test_a_fourth_orientation_conversation_is_allowed_and_marked(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    for day in ("02-11-2026", "09-11-2026", "16-11-2026"):
        services.contacts.record(
            melding.resident_id, ContactInput(ContactKind.HOME_VISIT, day, report_id=melding.id)
        )
    tab, editor = start_home_visit(qtbot, window, melding)
    assert editor.orientation_label.text() == (
        "Oriënterend gesprek 4 — meer dan de gebruikelijke drie"
    )
    assert [tab.model.row_at(n).orientation for n in range(3)] == ["3 van 3", "2 van 3", "1 van 3"]
    type_text(qtbot, editor.theme_edits[Theme.WHO], "Vierde gesprek, op haar verzoek.")
    qtbot.keyClick(editor.theme_edits[Theme.WHO], Qt.Key.Key_S, CTRL)
    assert tab.model.row_at(0).orientation == "4 (extra)"
    assert editor.orientation_label.property("beyond") is True


def test_a_refused_date_is_marked_and_no_word_is_lost(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    _tab, editor = start_home_visit(qtbot, window, melding)
    type_text(qtbot, editor.theme_edits[Theme.WHO], WHO)
    replace_text(qtbot, editor.header.date_field.line, "31-02-2026")
    qtbot.keyClick(editor.header.date_field.line, Qt.Key.Key_S, CTRL)
    assert editor.header.fieldset.errors_shown() == {
        "contact_date": "Schrijf de datum als dag-maand-jaar, bijvoorbeeld 03-11-2026."
    }
    assert editor.theme_text(Theme.WHO) == WHO
    assert services.contacts.for_resident(melding.resident_id) == []
    (draft,) = services.drafts.pending()  # kept while the save was refused
    assert (draft.content.date, draft.content.themes) == ("31-02-2026", {Theme.WHO: WHO})

    replace_text(qtbot, editor.header.date_field.line, "17-11-2026")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.header.fieldset.errors_shown() == {}
    (row,) = services.contacts.for_resident(melding.resident_id)
    assert row.occurred_on.day == 17
    assert services.drafts.pending() == []


def test_a_whatsapp_message_has_notes_and_no_themes(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    tab, editor = start_home_visit(qtbot, window, melding)
    box = editor.header.kind_box
    box.setFocus()
    box.setCurrentIndex(box.findData(ContactKind.MESSAGE))
    assert editor.header.medium_box.isVisible()
    assert not editor.writing.themes_box.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Return, CTRL)  # straight to the notes
    assert QApplication.focusWidget() is editor.notes_edit
    type_text(qtbot, editor.notes_edit, "Appje gestuurd: dinsdag om 10 uur bij de breiclub.")
    qtbot.keyClick(editor.notes_edit, Qt.Key.Key_S, CTRL)
    saved = services.contacts.get(services.contacts.for_resident(melding.resident_id)[0].id)
    assert (saved.kind, saved.medium) == (ContactKind.MESSAGE, MessageMedium.WHATSAPP)
    assert saved.notes == "Appje gestuurd: dinsdag om 10 uur bij de breiclub."
    assert services.reports.get(melding.id).status is ReportStatus.VISIT_PLANNED
    assert tab.model.row_at(0).what == "Bericht via WhatsApp"


def test_unsaved_changes_to_a_saved_conversation_come_back_in_the_dossier(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    saved = services.contacts.record(
        melding.resident_id,
        ContactInput(ContactKind.HOME_VISIT, "17-11-2026", themes={Theme.WHO: "Eerste versie."}),
    )
    tab = open_conversations(qtbot, window, melding)
    editor = tab.editor
    assert editor.contact_id == saved.id
    type_text(qtbot, editor.theme_edits[Theme.WHO], " En nog één zin.")
    qtbot.keyClick(window.dossier_page.back_button, Qt.Key.Key_Space)  # leave the dossier
    assert window.pages.currentWidget() is window.today_page
    (draft,) = services.drafts.pending()
    assert draft.contact_id == saved.id

    tab = open_conversations(qtbot, window, melding)
    assert tab.model.row_at(0).what == "Huisbezoek · niet opgeslagen"
    assert tab.editor.theme_text(Theme.WHO) == "Eerste versie. En nog één zin."
    assert services.contacts.get(saved.id).themes == {Theme.WHO: "Eerste versie."}

    def yes(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Yes).click()

    drive_modal(QMessageBox, yes, tab.editor.discard_button.click, window)
    assert services.drafts.pending() == []
    assert tab.editor.theme_text(Theme.WHO) == "Eerste versie."
    assert tab.model.row_at(0).what == "Huisbezoek"
