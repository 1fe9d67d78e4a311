from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.factories import BSN_A, report, resident
from tests.gui.helpers import drive_modal, replace_text, type_text
from ui.dialogs.plan_visit_dialog import PlanVisitDialog
from ui.main_window import MainWindow
from wijkteam.domain.enums import ClosingReason, MemberRole
from wijkteam.domain.status import ReportStatus
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord
from wijkteam.wiring import Services


def _people(services: Services, member: MemberRecord) -> None:
    other = services.members.add("Olaf Ander", "OA", MemberRole.MEMBER)
    services.reports.register(
        report(received_on="01-11-2026", assigned_member_id=member.id),
        resident=resident(surname="Aalders", birth_date="1-1-1940"),
    )
    services.reports.register(
        report(received_on="12-11-2026", assigned_member_id=other.id),
        resident=resident(surname="Bakker", bsn=BSN_A, postcode="6295 AB", birth_date="2-2-1960"),
    )
    planned = services.reports.register(
        report(received_on="14-11-2026", assigned_member_id=member.id),
        resident=resident(surname="Çelik", birth_date="3-3-1970"),
    )
    services.visits.plan(planned.id, VisitInput("20-11-2026", "10:00"))
    closed = services.reports.register(
        report(), resident=resident(surname="Dekker", birth_date="4-4-1980")
    )
    services.reports.close(closed.id, ClosingReason.MOVED)


def _names(window: MainWindow) -> list[str]:
    model = window.worklist_page.model
    return [model.row_at(i).resident_name.split(",")[0] for i in range(model.rowCount())]


def test_filter_and_search_as_you_type(
    qtbot: QtBot, window: MainWindow, services: Services, member: MemberRecord
) -> None:
    _people(services, member)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.worklist_page
    assert page.search.hasFocus()
    assert _names(window) == ["Aalders", "Bakker", "Çelik"]
    assert page.count_label.text() == "3 meldingen"

    type_text(qtbot, page.search, "çel")
    qtbot.waitUntil(lambda: _names(window) == ["Çelik"])
    replace_text(qtbot, page.search, "6295ab")
    qtbot.waitUntil(lambda: _names(window) == ["Bakker"])
    replace_text(qtbot, page.search, BSN_A)
    qtbot.waitUntil(lambda: _names(window) == ["Bakker"])
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    replace_text(qtbot, page.search, "")
    qtbot.waitUntil(lambda: len(_names(window)) == 3)

    page.member_filter.setFocus()
    page.member_filter.setCurrentIndex(page.member_filter.findText("Tessa Testlid"))
    assert _names(window) == ["Aalders", "Çelik"]
    page.status_filter.setCurrentIndex(page.status_filter.findText("Huisbezoek gepland"))
    assert _names(window) == ["Çelik"]
    page.member_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findText("Afgesloten"))
    assert _names(window) == ["Dekker"]
    assert page.count_label.text() == "1 melding"


def test_sort_by_clicking_a_header(
    qtbot: QtBot, window: MainWindow, services: Services, member: MemberRecord
) -> None:
    _people(services, member)
    window.nav.setCurrentRow(1)
    header = window.worklist_page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 0))
    first = _names(window)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 0))
    assert _names(window) == list(reversed(first))
    assert sorted(first) == ["Aalders", "Bakker", "Çelik"]


def _section_centre(header, section: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_enter_opens_the_dossier(
    qtbot: QtBot, window: MainWindow, services: Services, member: MemberRecord
) -> None:
    _people(services, member)
    page = window.worklist_page
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, page.search, "bakker")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # one Enter opens the found resident
    assert window.pages.currentWidget() is window.dossier_page
    assert window.dossier_page.name_label.text() == "Zoë Bakker"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.worklist_page


def test_plan_a_visit_from_today(
    qtbot: QtBot, window: MainWindow, services: Services, member: MemberRecord
) -> None:
    _people(services, member)
    window.show_today()
    page = window.today_page
    assert [
        page.unplanned.model.row_at(i).resident_name.split(",")[0]
        for i in range(page.unplanned.model.rowCount())
    ] == ["Aalders", "Bakker"]
    assert page.visits_week.model.rowCount() == 1  # Çelik on Friday 20 November
    page.unplanned.table.selectRow(1)

    def plan(dialog: PlanVisitDialog) -> None:
        replace_text(qtbot, dialog.date_field.line, "18-11-2026")
        replace_text(qtbot, dialog.time_field, "15:30")
        qtbot.mouseClick(
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
            Qt.MouseButton.LeftButton,
        )

    drive_modal(
        PlanVisitDialog,
        plan,
        lambda: qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton),
        return_to=window,
    )
    assert page.unplanned.model.rowCount() == 1
    today_rows = [
        page.visits_today.model.row_at(i) for i in range(page.visits_today.model.rowCount())
    ]
    assert [(r.resident_name.split(",")[0], f"{r.planned_at:%H:%M}") for r in today_rows] == [
        ("Bakker", "15:30")
    ]
    report_id = today_rows[0].report_id
    assert services.reports.get(report_id).status is ReportStatus.VISIT_PLANNED


def test_plan_visit_refuses_a_bad_date_and_keeps_the_time(
    qtbot: QtBot, window: MainWindow, services: Services, member: MemberRecord
) -> None:
    saved = services.reports.register(report(), resident=resident())
    seen: dict[str, str] = {}

    def plan(dialog: PlanVisitDialog) -> None:
        replace_text(qtbot, dialog.date_field.line, "31-11-2026")
        replace_text(qtbot, dialog.time_field, "09:45")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        seen.update(dialog.fieldset.errors_shown())
        seen["time"] = dialog.time_field.text()
        dialog.reject()

    drive_modal(PlanVisitDialog, plan, lambda: window.plan_visit(saved.id))
    assert seen == {
        "visit_date": "Schrijf de datum als dag-maand-jaar, bijvoorbeeld 03-11-2026.",
        "time": "09:45",
    }
    assert services.reports.get(saved.id).status is ReportStatus.NEW
