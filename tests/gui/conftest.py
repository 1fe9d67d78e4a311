from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.app import application
from ui.main_window import MainWindow
from ui.tasks import InlineTaskRunner
from wijkteam.services.records import MemberRecord
from wijkteam.wiring import Services


@pytest.fixture(autouse=True)
def collect_on_the_ui_thread() -> Iterator[None]:
    """As the app does (ui/collector.py): no garbage collection in a runner's worker thread
    during a test, and what a test left behind collected here, on the UI thread."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture
def window(qtbot: QtBot, services: Services, member: MemberRecord) -> Iterator[MainWindow]:
    application()  # the app's look, locale and translations
    main = MainWindow(services, InlineTaskRunner())
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    # On a real X server activation is asynchronous: mnemonics and shortcuts go only to the
    # active window, so a test starts once it is.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    yield main
    # A failed test may leave edits behind; closing must not wait for an answer.
    main.dossier_page.discard_changes()
    main.social_map_page.discard_changes()
    main.close()
    main.deleteLater()
