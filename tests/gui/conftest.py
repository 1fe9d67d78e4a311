from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.app import application
from ui.main_window import MainWindow
from ui.tasks import InlineTaskRunner
from wijkteam.services.records import MemberRecord
from wijkteam.wiring import Services


@pytest.fixture
def window(qtbot: QtBot, services: Services, member: MemberRecord) -> Iterator[MainWindow]:
    application()  # the app's look, locale and translations
    main = MainWindow(services, InlineTaskRunner())
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    yield main
    # A failed test may leave edits behind; closing must not wait for an answer.
    main.dossier_page.discard_changes()
    main.social_map_page.discard_changes()
    main.close()
    main.deleteLater()
