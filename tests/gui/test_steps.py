"""Steps from the dossier, Nabellen on Vandaag, recording a follow-up, and the timeline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.factories import report, resident
from tests.gui.helpers import drive_modal, replace_text, type_text, with_modal
from ui.dialogs.close_report_dialog import CloseReportDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.main_window import MainWindow
from ui.steps.follow_up_dialog import FollowUpDialog
from wijkteam.clock import FixedClock
from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.domain.deadlines import DeadlineState
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.domain.steps import FollowUpState, Landing, StepStatus
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.services.steps.records import StepInput, TimelineKind
from wijkteam.wiring import Services


@pytest.fixture
def melding(services: Services) -> ReportRecord:
    saved = services.reports.register(report(), resident=resident())
    services.visits.plan(saved.id, VisitInput("18-11-2026", "10:00"))
    services.contacts.record(
        saved.resident_id,
        ContactInput(ContactKind.HOME_VISIT, "18-11-2026", "10:00", report_id=saved.id),
    )
    return services.reports.get(saved.id)


def test_steps_from_the_dossier_chosen_by_the_resident_and_a_first_step(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    window.open_dossier(melding.resident_id, melding.id)
    panel = window.dossier_page.steps_panel
    assert panel.empty.isVisible()
    type_text(qtbot, panel.form.what, "Meelopen met de wandelgroep van Café Zoë")
    panel.form.actor_name.setFocus()
    type_text(qtbot, panel.form.actor_name, "buurvrouw Anneliese Müller")
    type_text(qtbot, panel.form.due.line, "24-11-2026")
    panel.form.resident_chose.setFocus()
    qtbot.keyClick(panel.form.resident_chose, Qt.Key.Key_Space)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    [step] = services.steps.for_report(melding.id)
    assert (step.what, step.actor_name, step.due_on, step.resident_chose) == (
        "Meelopen met de wandelgroep van Café Zoë",
        "buurvrouw Anneliese Müller",
        date(2026, 11, 24),
        True,
    )
    assert step.next_follow_up == date(2026, 12, 1)
    assert panel.form.what.text() == "" and not panel.form.resident_chose.isChecked()
    assert panel.model.rowCount() == 1

    type_text(qtbot, panel.form.what, "Samen de buurtsoos gebeld")
    qtbot.mouseClick(panel.first_step_button, Qt.MouseButton.LeftButton)
    first = next(s for s in services.steps.for_report(melding.id) if s.first_step)
    assert (first.status, first.done_on, first.resident_chose) == (
        StepStatus.DONE,
        date(2026, 11, 18),
        True,
    )
    assert panel.model.rowCount() == 2
    assert "Afspraken lopen" in window.dossier_page.report_panel.title.text()


def test_empty_step_is_refused_next_to_the_field(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    window.open_dossier(melding.resident_id, melding.id)
    panel = window.dossier_page.steps_panel
    type_text(qtbot, panel.form.due.line, "32-13-2026")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.form.fieldset.errors_shown() == {
        "step_what": "Vul wat er afgesproken is in.",
        "step_due": "Schrijf de datum als dag-maand-jaar, bijvoorbeeld 03-11-2026.",
    }
    assert panel.form.due.text() == "32-13-2026"
    assert services.steps.for_report(melding.id) == []


def test_nabellen_not_reached_then_reached_comes_regularly_and_close(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    melding: ReportRecord,
    clock: FixedClock,
) -> None:
    services.steps.create(
        melding.id, StepInput(what="Taalcafé in de bibliotheek", due="20-11-2026")
    )
    window.show_today()
    nabellen = window.today_page.follow_ups
    assert nabellen.model.rowCount() == 0 and not nabellen.empty.isHidden()

    clock.set(clock.now() + timedelta(days=10))  # Saturday 28 November: one day late
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert nabellen.model.rowCount() == 1
    row = nabellen.model.row_at(0)
    assert (row.step_what, row.deadline.state, row.deadline.days_left) == (
        "Taalcafé in de bibliotheek",
        DeadlineState.OVERDUE,
        -1,
    )
    assert nabellen.title.text() == "Nabellen (1)"

    def not_reached(dialog: FollowUpDialog) -> None:
        qtbot.mouseClick(dialog.not_reached, Qt.MouseButton.LeftButton)
        assert dialog.retry_date.text() == "01-12-2026"  # two working days on
        dialog.save()

    drive_modal(FollowUpDialog, not_reached, window.today_page.record_button.click, window)
    assert nabellen.model.rowCount() == 0
    assert "Nieuwe poging op dinsdag 1 december 2026" in window.statusBar().currentMessage()

    clock.set(clock.now() + timedelta(days=3))  # Tuesday 1 December
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert nabellen.model.rowCount() == 1 and nabellen.model.row_at(0).attempt == 2

    def reached(dialog: FollowUpDialog) -> None:
        assert dialog.reached.isChecked()
        type_text(qtbot, dialog.how, "Gaat elke week; kent nu Jürgen en Maëlle.")
        dialog.landing.setCurrentIndex(dialog.landing.findData(Landing.COMES_REGULARLY))
        qtbot.mouseClick(dialog.ready, Qt.MouseButton.LeftButton)

        def close(box: CloseReportDialog) -> None:
            box.reason_box.setCurrentIndex(box.reason_box.findData(ClosingReason.SOLVED_VOORVELD))
            box.accept()

        QTimer.singleShot(0, with_modal(CloseReportDialog, close))
        dialog.save()

    drive_modal(FollowUpDialog, reached, window.today_page.record_button.click, window)
    calls = services.follow_ups.for_report(melding.id)
    assert [(c.state, c.landing) for c in calls] == [
        (FollowUpState.REACHED, Landing.COMES_REGULARLY),
        (FollowUpState.NOT_REACHED, None),
    ]
    assert calls[0].outcome == "Gaat elke week; kent nu Jürgen en Maëlle."
    [step] = services.steps.for_report(melding.id)
    assert (step.status, step.landing) == (StepStatus.DONE, Landing.COMES_REGULARLY)
    closed = services.reports.get(melding.id)
    assert (closed.status, closed.closing_reason) == (
        ReportStatus.CLOSED,
        ClosingReason.SOLVED_VOORVELD,
    )
    assert nabellen.model.rowCount() == 0


def test_timeline_tab_shows_open_items_first(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    services.steps.first_step_taken(melding.id, StepInput(what="Buurtsoos gebeld"))
    services.steps.create(melding.id, StepInput(what="Wandelgroep", due="25-11-2026"))
    window.open_dossier(melding.resident_id, melding.id)
    page = window.dossier_page
    qtbot.keyClick(page.tabs, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.timeline_tab
    model = page.timeline_tab.model
    rows = [model.row_at(n) for n in range(model.rowCount())]
    assert [(r.kind, r.is_open) for r in rows] == [
        (TimelineKind.FOLLOW_UP, True),
        (TimelineKind.STEP, True),
        (TimelineKind.FOLLOW_UP, True),
        (TimelineKind.STEP, False),
        (TimelineKind.CONTACT, False),
    ]
    assert model.index(4, 1).data() == "Huisbezoek"
    assert "3 open" in page.timeline_tab.summary.text()


def test_follow_up_delay_in_the_settings_dialog(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    def three_days(dialog: SettingsDialog) -> None:
        dialog.days.setFocus()
        dialog.days.selectAll()
        qtbot.keyClicks(dialog.days, "3")
        dialog.save()

    drive_modal(SettingsDialog, three_days, window._settings, window)
    assert services.follow_up_settings.follow_up_days() == 3


def test_steps_next_to_the_conversation_link_the_saved_contact(
    qtbot: QtBot, window: MainWindow, services: Services, member: MemberRecord
) -> None:
    from tests.gui.test_conversations import start_home_visit, write_three_themes

    saved = services.reports.register(report(assigned_member_id=member.id), resident=resident())
    melding = services.visits.plan(saved.id, VisitInput("18-11-2026", "10:00"))
    tab, editor = start_home_visit(qtbot, window, melding)
    write_three_themes(qtbot, editor)
    qtbot.keyClick(editor.theme_edits[Theme.WHO], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.contact_id is not None
    steps = tab.steps
    assert steps.isVisibleTo(tab) and steps.form.isEnabled()
    type_text(qtbot, steps.form.what, "Kookt mee bij de eetgroep in Lemiers")
    qtbot.keyClick(steps.form.what, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(steps.form.resident_chose.isChecked)  # a mnemonic clicks after a moment
    qtbot.keyClick(steps.form.what, Qt.Key.Key_Return)
    [step] = services.steps.for_report(melding.id)
    assert (step.contact_id, step.resident_chose, step.member_name) == (
        editor.contact_id,
        True,
        "Carla Coördinator",  # who had the conversation: the member signed in
    )
    assert steps.model.rowCount() == 1
    assert services.reports.get(melding.id).status is ReportStatus.STEPS_RUNNING


def test_link_a_map_entry_by_searching_and_note_what_was_not_found(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    from ui.steps.gap_dialog import GapDialog
    from wijkteam.domain.social_map import MapCategory
    from wijkteam.services.social_map.records import MapEntryInput

    services.social_map.create(MapEntryInput(name="Wandelgroep Vijlen", place="Vijlen"))
    services.social_map.create(MapEntryInput(name="Taalcafé Vaals", place="Vaals"))
    window.open_dossier(melding.resident_id, melding.id)
    panel = window.dossier_page.steps_panel
    picker = panel.form.map_picker
    type_text(qtbot, panel.form.what, "Eerste keer meelopen")
    type_text(qtbot, picker.line, "wandel")
    assert picker.matches.isVisible() and picker.matches.count() == 1
    qtbot.keyClick(picker.line, Qt.Key.Key_Down)
    qtbot.keyClick(picker.matches, Qt.Key.Key_Return)
    assert picker.line.text() == "Wandelgroep Vijlen" and not picker.matches.isVisible()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    [step] = services.steps.for_report(melding.id)
    assert step.social_map_entry_name == "Wandelgroep Vijlen"
    assert panel.model.index(0, 0).data() == "Eerste keer meelopen (Wandelgroep Vijlen)"

    type_text(qtbot, picker.line, "zwemmen voor ouderen")
    assert picker.matches.item(0).text().startswith("Niets gevonden")

    def note(dialog: GapDialog) -> None:
        assert dialog.sought.text() == "zwemmen voor ouderen"
        dialog.category.setCurrentIndex(dialog.category.findData(MapCategory.SPORT))
        dialog.save()

    drive_modal(GapDialog, note, panel.gap_button.click, window)
    [gap] = services.gaps.gaps()
    assert (gap.sought, gap.category, gap.resident_id) == (
        "zwemmen voor ouderen",
        MapCategory.SPORT,
        melding.resident_id,
    )


def _due_call(window: MainWindow, services: Services, melding: ReportRecord, clock: FixedClock):  # type: ignore[no-untyped-def]
    step = services.steps.create(melding.id, StepInput(what="Koor in Lemiers", due="19-11-2026"))
    clock.set(clock.now() + timedelta(days=8))  # Thursday 26 November: the call is due
    window.show_today()
    assert window.today_page.follow_ups.model.rowCount() == 1
    return step


@pytest.mark.parametrize(
    ("answer", "landing", "step_status"),
    [
        ("Komt soms", Landing.COMES_SOMETIMES, StepStatus.DONE),
        ("Nog niet begonnen", Landing.NOT_STARTED, StepStatus.OPEN),
    ],
)
def test_komt_soms_or_nog_niet_begonnen_proposes_the_next_call(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    melding: ReportRecord,
    clock: FixedClock,
    answer: str,
    landing: Landing,
    step_status: StepStatus,
) -> None:
    step = _due_call(window, services, melding, clock)
    seen: dict[str, object] = {}

    def answer_and_move_the_date(dialog: FollowUpDialog) -> None:
        activate(qtbot, dialog)
        seen["before"] = dialog.next_call_date.isVisible()
        choose(qtbot, dialog.landing, answer)
        seen["landing"] = dialog.landing.currentData()
        seen["after"] = dialog.next_call_date.isVisible()
        seen["proposed"] = dialog.next_call_date.text()
        seen["ready"] = dialog.ready.isChecked()
        # Alt+L declines the call (a mnemonic clicks after a short animation) and takes it back
        qtbot.keyClick(dialog.landing, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not dialog.next_call.isChecked())
        seen["declined_date_enabled"] = dialog.next_call_date.isEnabled()
        qtbot.keyClick(dialog.next_call, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(dialog.next_call.isChecked)
        replace_text(qtbot, dialog.next_call_date.line, "14-12-2026")
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    drive_modal(
        FollowUpDialog, answer_and_move_the_date, window.today_page.record_button.click, window
    )
    assert seen == {
        "before": False,
        "landing": landing,
        "after": True,
        "proposed": "10-12-2026",  # ten working days after Thursday 26 November
        "ready": False,
        "declined_date_enabled": False,
    }
    assert window.statusBar().currentMessage() == (
        "Nabellen vastgelegd. Volgende keer bellen op maandag 14 december 2026."
    )
    calls = services.follow_ups.for_report(melding.id)
    assert [(f.state, f.due_on, f.step_id) for f in calls if f.is_open] == [
        (FollowUpState.OPEN, date(2026, 12, 14), step.id)
    ]
    assert services.steps.get(step.id).status is step_status
    nabellen = window.today_page.follow_ups
    assert nabellen.model.rowCount() == 0
    clock.set(clock.now().replace(day=14, month=12))
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert [nabellen.model.row_at(0).step_what] == ["Koor in Lemiers"]


def test_the_next_call_can_be_declined_and_excludes_closing(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    melding: ReportRecord,
    clock: FixedClock,
) -> None:
    _due_call(window, services, melding, clock)
    seen: dict[str, object] = {}

    def decline(dialog: FollowUpDialog) -> None:
        activate(qtbot, dialog)
        choose(qtbot, dialog.landing, "Komt soms")
        qtbot.mouseClick(dialog.ready, Qt.MouseButton.LeftButton)
        seen["ready_unchecks_call"] = (dialog.ready.isChecked(), dialog.next_call.isChecked())
        qtbot.mouseClick(dialog.next_call, Qt.MouseButton.LeftButton)
        seen["call_unchecks_ready"] = (dialog.ready.isChecked(), dialog.next_call.isChecked())
        qtbot.mouseClick(dialog.next_call, Qt.MouseButton.LeftButton)
        seen["date_enabled"] = dialog.next_call_date.isEnabled()
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    drive_modal(FollowUpDialog, decline, window.today_page.record_button.click, window)
    assert seen == {
        "ready_unchecks_call": (True, False),
        "call_unchecks_ready": (False, True),
        "date_enabled": False,
    }
    assert window.statusBar().currentMessage() == "Nabellen vastgelegd."
    assert not any(f.is_open for f in services.follow_ups.for_report(melding.id))


def test_a_next_call_in_the_past_is_told_next_to_the_date(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    melding: ReportRecord,
    clock: FixedClock,
) -> None:
    _due_call(window, services, melding, clock)
    seen: dict[str, object] = {}

    def past(dialog: FollowUpDialog) -> None:
        activate(qtbot, dialog)
        choose(qtbot, dialog.landing, "Komt soms")
        replace_text(qtbot, dialog.next_call_date.line, "01-11-2026")
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["error"] = dialog.fieldset.fields["next_call_on"].error_label.text()
        seen["focus"] = dialog.focusWidget() is dialog.next_call_date.line
        dialog.done(FollowUpDialog.DialogCode.Rejected)

    drive_modal(FollowUpDialog, past, window.today_page.record_button.click, window)
    assert seen["open"] is True and seen["focus"] is True
    assert seen["error"] == "Deze datum ligt in het verleden."
    assert [f.is_open for f in services.follow_ups.for_report(melding.id)] == [True]


def choose(qtbot: QtBot, combo: QComboBox, answer: str) -> None:
    """Arrow Down through the answers until `answer` shows, as a member does by keyboard."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentText() == answer:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{answer!r} is not among the answers")


def activate(qtbot: QtBot, dialog: FollowUpDialog) -> None:
    """Shortcuts go to the active window; offscreen there is no window manager to make
    the dialog active."""
    if QApplication.activeWindow() is not dialog:
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def save_button(dialog: FollowUpDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Save)
