"""Every main screen (every tab) and every dialog with demo data, looked at in numbers on a
1280×800 laptop: the window fits with its title bar and status bar, no text is wider than
the room it gets, no Alt+letter is used twice in one window or menu, and Vandaag shows its
main list without scrolling sideways. On a 1920×1080 screen the room is used."""

from __future__ import annotations

import inspect
import pkgutil
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget

import ui
from tests.conftest import NOW, TEST_KDF
from tests.gui.layout_checks import (
    cut_texts,
    menu_clashes,
    mnemonic_clashes,
    settle,
    walk_tabs,
)
from ui.app import application
from ui.main_window import MainWindow
from ui.tour.context import Tour, demo_store, start_tour
from ui.tour.dialogs import DIALOGS, DialogShot
from ui.tour.screens import SCREENS
from ui.window_size import FRAME_ALLOWANCE
from wijkteam.clock import FixedClock

SCREEN_1280 = (1280, 800)
SCREEN_1920 = (1920, 1080)


def client(screen: tuple[int, int]) -> tuple[int, int]:
    """The window's own area on a screen of that size, a title bar left for the frame."""
    return screen[0], screen[1] - FRAME_ALLOWANCE.height()


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tour]:
    application()
    data_dir = tmp_path_factory.mktemp("tour") / "data"
    opened = demo_store(data_dir, FixedClock(NOW), kdf=TEST_KDF)
    shown = start_tour(opened, data_dir)
    shown.window.resize(*client(SCREEN_1280))
    shown.window.show()
    settle()
    yield shown
    shown.window.dossier_page.discard_changes()
    shown.window.social_map_page.discard_changes()
    shown.window.close()
    shown.window.deleteLater()
    opened.services.store.close()


def _each_screen(tour: Tour, look) -> None:  # type: ignore[no-untyped-def]
    for screen in SCREENS:
        screen.show(tour)
        settle()
        walk_tabs(tour.window, lambda path, name=screen.name: look(f"{name}{path}"))


def _open(tour: Tour, shot: DialogShot) -> QWidget:
    dialog = shot.make(tour)
    dialog.show()
    settle()
    if shot.prepare is not None:
        shot.prepare(dialog)
        settle()
    return dialog


def _close(dialog: QWidget) -> None:
    if isinstance(dialog, QDialog):
        dialog.done(QDialog.DialogCode.Rejected)
    else:
        dialog.close()
    dialog.deleteLater()
    settle()


def _each_dialog(tour: Tour, look) -> None:  # type: ignore[no-untyped-def]
    for shot in DIALOGS:
        dialog = _open(tour, shot)
        try:
            walk_tabs(dialog, lambda path, d=dialog, n=shot.name: look(f"{n}{path}", d))
        finally:
            _close(dialog)


# --- fits the screen --------------------------------------------------------------------
def test_the_window_fits_a_1280x800_screen_on_every_screen(tour: Tour) -> None:
    width, height = client(SCREEN_1280)
    too_big = []

    def look(where: str) -> None:
        hint = tour.window.minimumSizeHint()
        if hint.width() > width or hint.height() > height:
            too_big.append(f"{where}: needs {hint.width()}×{hint.height()}")
        if tour.window.height() > height:
            too_big.append(f"{where}: grew to {tour.window.height()} px high")

    _each_screen(tour, look)
    assert not too_big, "\n".join(too_big)
    status = tour.window.statusBar()
    assert status.isVisible()
    assert status.geometry().bottom() < tour.window.height()


def test_every_dialog_fits_a_1280x800_screen(tour: Tour) -> None:
    width, height = client(SCREEN_1280)
    too_big = []

    def look(where: str, dialog: QWidget) -> None:
        if dialog.width() > width or dialog.height() > height:
            too_big.append(f"{where}: {dialog.width()}×{dialog.height()}")

    _each_dialog(tour, look)
    assert not too_big, "\n".join(too_big)


# --- texts get their room ---------------------------------------------------------------
def test_no_text_is_cut_on_any_screen_at_1280x800(tour: Tour) -> None:
    cuts = []
    _each_screen(tour, lambda where: cuts.extend(f"{where}: {c}" for c in cut_texts(tour.window)))
    assert not cuts, "\n".join(cuts)


def test_no_text_is_cut_in_any_dialog_at_1280x800(tour: Tour) -> None:
    cuts = []
    _each_dialog(tour, lambda where, d: cuts.extend(f"{where}: {c}" for c in cut_texts(d)))
    assert not cuts, "\n".join(cuts)


# --- Alt+letters ------------------------------------------------------------------------
def test_no_mnemonic_is_used_twice_in_the_main_window(tour: Tour) -> None:
    clashes = []

    def look(where: str) -> None:
        for letter, users in mnemonic_clashes(tour.window).items():
            clashes.append(f"{where}: Alt+{letter.upper()} for {users}")

    _each_screen(tour, look)
    for menu, letters in menu_clashes(tour.window).items():
        clashes.extend(f"menu {menu}: Alt+{k.upper()} for {v}" for k, v in letters.items())
    assert not clashes, "\n".join(clashes)


def test_no_mnemonic_is_used_twice_in_any_dialog(tour: Tour) -> None:
    clashes = []

    def look(where: str, dialog: QWidget) -> None:
        for letter, users in mnemonic_clashes(dialog).items():
            clashes.append(f"{where}: Alt+{letter.upper()} for {users}")

    _each_dialog(tour, look)
    assert not clashes, "\n".join(clashes)


def test_the_tour_has_every_dialog_of_the_app(tour: Tour) -> None:
    """A new dialog cannot escape these checks: it must be in ui/tour."""
    made = set()
    for shot in DIALOGS:
        dialog = shot.make(tour)
        made.add(type(dialog))
        _close(dialog)
    missing = sorted(
        c.__qualname__ for c in _dialog_classes() if not any(issubclass(m, c) for m in made)
    )
    assert not missing, f"not in ui/tour: {missing}"


def _dialog_classes() -> set[type]:
    found = set()
    for module in pkgutil.walk_packages([str(Path(ui.__file__).parent)], "ui."):
        if module.name in {"ui.__main__", "ui.screenshots"}:
            continue
        loaded = import_module(module.name)
        for _name, value in inspect.getmembers(loaded, inspect.isclass):
            if (
                issubclass(value, QDialog)
                and value.__module__.startswith("ui.")
                and not value.__name__.startswith("_")
            ):
                found.add(value)
    return found


# --- Vandaag ----------------------------------------------------------------------------
def _visible_rows(table) -> int:  # type: ignore[no-untyped-def]
    return table.viewport().height() // table.verticalHeader().defaultSectionSize()


def _today_tables(window: MainWindow):  # type: ignore[no-untyped-def]
    page = window.today_page
    return [page.unplanned, page.visits_today, page.follow_ups, page.referrals, page.visits_week]


def test_vandaag_shows_eight_rows_and_never_scrolls_sideways_at_1280x800(tour: Tour) -> None:
    window = tour.window
    window.show_today()
    settle()
    page = window.today_page
    assert page.unplanned.model.rowCount() >= 8  # the demo has enough to fill it
    assert _visible_rows(page.unplanned.table) >= 8
    for section in _today_tables(window):
        page.tabs.setCurrentWidget(section) if section is not page.unplanned else None
        settle()
        table = section.table
        assert not table.horizontalScrollBar().isVisible(), section.heading_text
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width() + 1, section.heading_text


def test_a_1920x1080_screen_is_used(tour: Tour) -> None:
    window = tour.window
    window.show_today()
    settle()
    window.resize(*client(SCREEN_1920))
    settle()
    try:
        page = window.today_page
        assert _visible_rows(page.unplanned.table) >= 20  # the lists stand side by side
        assert page.tabs.geometry().top() == page.unplanned.geometry().top()
        for section in _today_tables(window)[1:]:
            page.tabs.setCurrentWidget(section)
            settle()
            assert not section.table.horizontalScrollBar().isVisible(), section.heading_text
        cuts = []
        _each_screen(tour, lambda where: cuts.extend(f"{where}: {c}" for c in cut_texts(window)))
        assert not cuts, "\n".join(cuts)
    finally:
        window.resize(*client(SCREEN_1280))
        settle()
