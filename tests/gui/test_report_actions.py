"""From the dossier: a visit recorded without a plan takes the melding off "Huisbezoek nog
plannen"; a melding is corrected, handed over to a colleague with a note (Vandaag and the
werkvoorraad follow at once), closed and reopened with a reason; each step in the audit log
under the member who did it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.audit_rows import audit_rows
from tests.factories import report, resident
from tests.gui.helpers import drive_modal, replace_text, type_text
from ui.dialogs.close_report_dialog import CloseReportDialog
from ui.dialogs.handover_dialog import HandoverDialog, ReopenDialog
from ui.dialogs.plan_visit_dialog import PlanVisitDialog
from ui.dialogs.report_edit_dialog import ReportEditDialog
from ui.main_window import MainWindow
from wijkteam.domain.status import ReportStatus
from wijkteam.security.context import AuditAction
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.records import MemberRecord
from wijkteam.wiring import Services

LEFT = Qt.MouseButton.LeftButton


def _on_today(window: MainWindow, report_id: int) -> bool:
    model = window.today_page.unplanned.model
    return any(model.row_at(n).report_id == report_id for n in range(model.rowCount()))


def test_a_home_visit_without_a_plan_takes_the_melding_off_the_list_to_plan(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from tests.gui.test_conversations import start_home_visit, write_three_themes

    saved = services.reports.register(report(), resident=resident())
    window.today_page.refresh()
    assert _on_today(window, saved.id)
    _tab, editor = start_home_visit(qtbot, window, saved)
    me = services.accounts.current()
    assert me is not None and editor.header.member_box.currentData() == me.id  # signed in
    write_three_themes(qtbot, editor)
    qtbot.keyClick(
        editor.theme_edits[next(iter(editor.theme_edits))],
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier,
    )
    assert services.reports.get(saved.id).status is ReportStatus.IN_CONVERSATION
    assert not _on_today(window, saved.id)


def test_a_contact_never_goes_without_a_member(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from tests.gui.test_conversations import start_home_visit

    saved = services.reports.register(report(), resident=resident())
    _tab, editor = start_home_visit(qtbot, window, saved)
    assert editor.header.member_box.findText("Niemand gekozen") == -1
    editor.header.member_box.setCurrentIndex(-1)  # as for an old contact without one
    qtbot.keyClick(editor.header.kind_box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    me = services.accounts.current()
    assert me is not None
    [row] = services.contacts.for_resident(saved.resident_id)
    assert row.member_name == me.name  # the member who saved it


def test_a_new_visit_is_planned_for_the_member_signed_in(
    qtbot: QtBot, window: MainWindow, services: Services, member: MemberRecord
) -> None:
    saved = services.reports.register(report(assigned_member_id=member.id), resident=resident())
    window.open_dossier(saved.resident_id, saved.id)
    me = services.accounts.current()
    assert me is not None
    chosen: list[object] = []

    def plan(dialog: PlanVisitDialog) -> None:
        chosen.append(dialog.member_box.currentData())
        dialog.reject()

    panel = window.dossier_page.report_panel
    drive_modal(PlanVisitDialog, plan, lambda: qtbot.mouseClick(panel.plan_button, LEFT), window)
    assert chosen == [me.id]


def test_correct_hand_over_close_and_reopen_from_the_dossier(
    qtbot: QtBot, window: MainWindow, services: Services, member: MemberRecord
) -> None:
    saved = services.reports.register(report(), resident=resident(surname="Quispel"))
    # The member looked at the werkvoorraad first: pages are made when first shown, and one
    # made must follow every change while it is hidden.
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.worklist_page
    window.open_dossier(saved.resident_id, saved.id)
    panel = window.dossier_page.report_panel

    def correct(dialog: ReportEditDialog) -> None:
        replace_text(qtbot, dialog.question, "Mijn moeder vereenzaamt sinds de verhuizing.")
        type_text(qtbot, dialog.reporter_contact, "043 306 1234")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        assert save.text() == "&Opslaan"
        qtbot.mouseClick(save, LEFT)

    drive_modal(
        ReportEditDialog, correct, lambda: qtbot.mouseClick(panel.edit_button, LEFT), window
    )
    corrected = services.reports.get(saved.id)
    assert (corrected.question, corrected.reporter_contact) == (
        "Mijn moeder vereenzaamt sinds de verhuizing.",
        "043 306 1234",
    )
    assert "vereenzaamt" in panel.question.text()

    def hand_over(dialog: HandoverDialog) -> None:
        assert "ziet hem meteen in Vandaag" in dialog.explanation.text()  # one laptop, no team
        dialog.member_box.setCurrentIndex(dialog.member_box.findData(member.id))
        type_text(qtbot, dialog.note, "Ik ben drie weken op cursus")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    # No Alt key of its own (every letter of the tab is taken by daily work): a click.
    drive_modal(
        HandoverDialog, hand_over, lambda: qtbot.mouseClick(panel.hand_over_button, LEFT), window
    )
    qtbot.waitUntil(lambda: services.reports.get(saved.id).assigned_member_id == member.id)
    assert "Overgedragen aan Tessa Testlid" in panel.history.text()
    assert "Ik ben drie weken op cursus" in panel.history.text()
    today = window.today_page.unplanned.model
    rows = [today.row_at(n) for n in range(today.rowCount())]
    assert [r.member_name for r in rows if r.report_id == saved.id] == ["Tessa Testlid"]
    work = window.worklist_page.model  # and the werkvoorraad, both at once
    rows = [work.row_at(n) for n in range(work.rowCount())]
    assert [r.member_name for r in rows if r.report_id == saved.id] == ["Tessa Testlid"]

    def close(dialog: CloseReportDialog) -> None:
        dialog.accept()

    drive_modal(
        CloseReportDialog, close, lambda: qtbot.mouseClick(panel.close_button, LEFT), window
    )
    assert panel.reopen_button.isVisible() and panel.hand_over_button.isHidden()

    def reopen(dialog: ReopenDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, LEFT)  # without a reason
        assert dialog.fieldset.errors_shown() == {"reopen_reason": "Vul de reden in."}
        type_text(qtbot, dialog.reason, "De dochter belt opnieuw")
        qtbot.mouseClick(ok, LEFT)

    drive_modal(ReopenDialog, reopen, lambda: qtbot.mouseClick(panel.reopen_button, LEFT), window)
    assert services.reports.get(saved.id).status is ReportStatus.NEW
    assert "Heropend: De dochter belt opnieuw" in panel.history.text()

    me = services.accounts.current()
    assert me is not None
    changes = [
        r
        for r in audit_rows(services, AuditQuery(resident_id=saved.resident_id))
        if r.object_type == "report" and r.action is AuditAction.CHANGE
    ]
    assert len(changes) == 4  # corrected, handed over, closed, reopened
    assert {(r.actor_member_uuid, r.responsible_member_uuid) for r in changes} == {
        (me.uuid, me.uuid)
    }
