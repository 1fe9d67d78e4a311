"""Going places as a member does: every way into a dossier shows exactly one page, the
sidebar says where the member is, and Back (the button, Alt+←, Esc) returns to where they
came from."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import NOW, TEST_KDF
from tests.gui.helpers import type_text
from ui.app import application
from ui.main_window import NAV_SOCIAL_MAP, NAV_TODAY, NAV_WORKLIST, MainWindow
from ui.navigator import PageKey
from ui.pages.today_sections import Section
from ui.tasks import InlineTaskRunner
from ui.tour.context import demo_store
from ui.widgets.tables import RowTable
from wijkteam.clock import FixedClock
from wijkteam.services.inputs import VisitInput
from wijkteam.wiring.setup import Opened


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    application()
    data_dir: Path = tmp_path_factory.mktemp("navigation") / "data"
    opened = demo_store(data_dir, FixedClock(NOW), kdf=TEST_KDF)
    services = opened.services
    friday = NOW.date() + timedelta(days=(4 - NOW.weekday()) % 7 or 7)
    later = services.worklist.awaiting_visit_plan()[-1]
    services.visits.plan(later.report_id, VisitInput(f"{friday:%d-%m-%Y}", "10:00"))
    yield opened
    opened.services.store.close()


@pytest.fixture
def window(qtbot: QtBot, demo: Opened) -> Iterator[MainWindow]:
    main = MainWindow(demo.services, InlineTaskRunner())
    main.resize(1280, 760)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    yield main
    main.dossier_page.discard_changes()
    main.social_map_page.discard_changes()
    main.close()
    main.deleteLater()


def shown_pages(window: MainWindow) -> list[QWidget]:
    pages = [window.today_page, window.worklist_page, window.dossier_page, window.social_map_page]
    return [page for page in pages if page.isVisible()]


def assert_only(window: MainWindow, page: QWidget, sidebar_row: int) -> None:
    assert shown_pages(window) == [page]
    assert window.nav.currentRow() == sidebar_row
    assert [i.row() for i in window.nav.selectedIndexes()] == ([sidebar_row] * (sidebar_row >= 0))


def enter_on_first_row(qtbot: QtBot, table: RowTable) -> object:
    """Focus in the list, first row chosen, Enter: as a member does with the keyboard."""
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.selectRow(0)
    row = table.current_row()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    return row


def double_click_first_row(qtbot: QtBot, table: RowTable) -> object:
    table.setFocus(Qt.FocusReason.MouseFocusReason)
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    row = table.current_row()
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return row


BACKS: dict[str, Callable[[QtBot, MainWindow], None]] = {
    "button": lambda qtbot, w: qtbot.mouseClick(
        w.dossier_page.back_button, Qt.MouseButton.LeftButton
    ),
    "alt-left": lambda qtbot, w: qtbot.keyClick(
        QApplication.focusWidget() or w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier
    ),
    "esc": lambda qtbot, w: qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Escape),
}


def _today_section(window: MainWindow, name: str) -> Section:
    page = window.today_page
    section: Section = getattr(page, name)
    if section is not page.unplanned:
        page.tabs.show_section(section)
    assert section.model.rowCount(), f"the demo has rows in {name}"
    return section


@pytest.mark.parametrize("back", BACKS)
@pytest.mark.parametrize(
    "section", ["unplanned", "visits_today", "follow_ups", "referrals", "visits_week"]
)
def test_from_each_vandaag_list_and_back(
    qtbot: QtBot, window: MainWindow, section: str, back: str
) -> None:
    table = _today_section(window, section).table
    row = enter_on_first_row(qtbot, table)
    assert_only(window, window.dossier_page, -1)
    assert window.dossier_page.resident.id == row.resident_id  # type: ignore[union-attr, attr-defined]
    if section == "referrals":
        assert window.dossier_page.tabs.currentWidget() is window.dossier_page.referrals
    BACKS[back](qtbot, window)
    assert_only(window, window.today_page, NAV_TODAY)
    assert table.hasFocus()  # back where the member was, on the same list


@pytest.mark.parametrize("back", BACKS)
def test_from_werkvoorraad_by_mouse_and_back(qtbot: QtBot, window: MainWindow, back: str) -> None:
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualRect(window.nav.model().index(NAV_WORKLIST, 0)).center(),
    )
    assert_only(window, window.worklist_page, NAV_WORKLIST)
    row = double_click_first_row(qtbot, window.worklist_page.table)
    assert_only(window, window.dossier_page, -1)
    assert window.dossier_page.resident.id == row.resident_id  # type: ignore[union-attr, attr-defined]
    BACKS[back](qtbot, window)
    assert_only(window, window.worklist_page, NAV_WORKLIST)


def test_from_werkvoorraad_by_keyboard_and_back(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert_only(window, window.worklist_page, NAV_WORKLIST)
    enter_on_first_row(qtbot, window.worklist_page.table)
    assert_only(window, window.dossier_page, -1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert_only(window, window.worklist_page, NAV_WORKLIST)
    assert window.worklist_page.table.hasFocus()


def test_by_search_one_enter_opens_and_esc_returns(qtbot: QtBot, window: MainWindow) -> None:
    page = window.worklist_page
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    assert_only(window, page, NAV_WORKLIST)
    first = page.model.row_at(0)
    surname = first.resident_name.split(",")[0]
    type_text(qtbot, page.search, surname)
    qtbot.waitUntil(lambda: page.table.current_row() is not None)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert_only(window, window.dossier_page, -1)
    assert window.dossier_page.resident.id == page.table.current_row().resident_id  # type: ignore[union-attr]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert_only(window, page, NAV_WORKLIST)
    assert page.search.hasFocus() and page.search.text() == surname
    # Esc in a search with text clears it; in an empty one it goes back (to Vandaag).
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and window.place.page is PageKey.WORKLIST
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert_only(window, window.today_page, NAV_TODAY)


def test_down_in_the_search_chooses_which_resident_enter_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.worklist_page
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, page.search, "a")  # many residents
    qtbot.waitUntil(lambda: page.model.rowCount() > 2 and page.table.current_row() is not None)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    second = page.model.row_at(1)
    assert page.search.hasFocus() and page.table.current_row() is second
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert window.dossier_page.resident.id == second.resident_id  # type: ignore[union-attr]


def test_a_dossier_from_a_dossier_and_all_the_way_back(qtbot: QtBot, window: MainWindow) -> None:
    today = window.today_page
    first = enter_on_first_row(qtbot, today.unplanned.table)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert_only(window, window.social_map_page, NAV_SOCIAL_MAP)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    second = double_click_first_row(qtbot, window.worklist_page.table)
    assert window.dossier_page.resident.id == second.resident_id  # type: ignore[union-attr, attr-defined]
    qtbot.mouseClick(window.dossier_page.back_button, Qt.MouseButton.LeftButton)
    assert_only(window, window.worklist_page, NAV_WORKLIST)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert_only(window, window.social_map_page, NAV_SOCIAL_MAP)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert_only(window, window.dossier_page, -1)
    assert window.dossier_page.resident.id == first.resident_id  # type: ignore[union-attr, attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert_only(window, today, NAV_TODAY)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # nothing before
    assert_only(window, today, NAV_TODAY)


def test_ctrl_1_leaves_a_dossier_and_the_sidebar_follows(qtbot: QtBot, window: MainWindow) -> None:
    enter_on_first_row(qtbot, window.today_page.unplanned.table)
    assert_only(window, window.dossier_page, -1)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert_only(window, window.today_page, NAV_TODAY)
    enter_on_first_row(qtbot, window.today_page.unplanned.table)
    nav = window.nav
    point = nav.visualRect(nav.model().index(NAV_SOCIAL_MAP, 0)).center()
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point))
    assert_only(window, window.social_map_page, NAV_SOCIAL_MAP)


def test_focus_falling_to_the_sidebar_opens_nothing(qtbot: QtBot, window: MainWindow) -> None:
    """The sidebar used to pick Vandaag by itself when it got the focus with nothing chosen."""
    enter_on_first_row(qtbot, window.today_page.unplanned.table)
    window.nav.setFocus(Qt.FocusReason.TabFocusReason)
    assert_only(window, window.dossier_page, -1)


def test_esc_closes_the_map_suggestions_and_never_drops_a_typed_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.gui.helpers import drive_modal

    # A melding with nazorg due: after a conversation, where steps can be added.
    enter_on_first_row(qtbot, _today_section(window, "follow_ups").table)
    form = window.dossier_page.steps_panel.form
    assert form.isEnabled()
    type_text(qtbot, form.map_picker.line, "taal")
    qtbot.waitUntil(lambda: form.map_picker.matches.isVisible())
    qtbot.keyClick(form.map_picker.line, Qt.Key.Key_Escape)
    assert not form.map_picker.matches.isVisible()
    assert_only(window, window.dossier_page, -1)  # still in the dossier

    type_text(qtbot, form.what, "Meedoen met het taalcafé")
    asked = []

    def keep(box: QMessageBox) -> None:
        asked.append(box.objectName())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    drive_modal(QMessageBox, keep, lambda: qtbot.keyClick(form.what, Qt.Key.Key_Escape), window)
    assert asked == ["discardQuestion"]
    assert_only(window, window.dossier_page, -1)
    assert form.what.text() == "Meedoen met het taalcafé"
