"""A member signed in to an encrypted team store, typing a conversation, for the SIGKILL
drill (tests/faults/test_kill_while_typing_encrypted.py).

    python -m tests.faults.encrypted_typist DATA_DIR RESIDENT_ID REPORT_ID

Signs in as the app does after the sign-in screen (the KDF with the password, opening the
SQLCipher store, the window with its security guard and its background integrity check),
leaves any text a previous run left behind for later, starts a new home visit in the
resident's dossier and types SCRIPT with key events until it is killed. Prints TYPING at the
first key, and `SAVED <n>` after each autosave that reached the store, n being how many
characters of SCRIPT that draft holds. The texts are synthetic.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tests.gui.crash_typist import INTERESTS, MOTIVATION_START, MOTIVATION_TAIL, NOW, WHO, press
from wijkteam.domain.contacts import Theme

SCRIPT: tuple[tuple[Theme, str], ...] = (
    (Theme.WHO, WHO),
    (Theme.INTERESTS, INTERESTS),
    (Theme.MOTIVATION, MOTIVATION_START + MOTIVATION_TAIL),
)
KEY_MS = 15  # about 65 characters a second: a fast typist


def keys() -> Iterator[tuple[Qt.Key, str]]:
    for index, (_theme, text) in enumerate(SCRIPT):
        if index:
            yield Qt.Key.Key_Tab, ""
        yield from ((Qt.Key.Key_unknown, char) for char in text)


def typed_characters(themes: dict[Theme, str]) -> int:
    """How far into SCRIPT these texts are; AssertionError when they are not a state the
    typing ever passed through (a lost, doubled or garbled character)."""
    total, finished = 0, True
    for theme, text in SCRIPT:
        got = themes.get(theme, "")
        if not finished:
            assert got == "", f"{theme} has text before the theme above it was finished"
            continue
        assert text.startswith(got), f"{theme} is not what was typed"
        total += len(got)
        finished = got == text
    others = {t: v for t, v in themes.items() if t not in dict(SCRIPT) and v}
    assert not others, f"text in themes nobody typed in: {sorted(others)}"
    return total


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tests.conftest import TEAM_PASSWORD
    from ui.app import application, show_main_window
    from ui.tasks import InlineTaskRunner
    from wijkteam.clock import FixedClock
    from wijkteam.wiring.setup import open_unlocked, unlock

    data_dir, resident_id, report_id = Path(argv[0]), int(argv[1]), int(argv[2])
    app = application()
    ring, unlocked = unlock(data_dir, "CC", TEAM_PASSWORD)
    services = open_unlocked(data_dir, ring, unlocked, clock=FixedClock(NOW)).services
    drafts = services.drafts
    save = drafts.save

    def save_and_tell(*args, **kwargs):  # type: ignore[no-untyped-def]
        draft_id = save(*args, **kwargs)  # committed (durably) when this returns
        print(f"SAVED {typed_characters(dict(args[3].themes))}", flush=True)
        return draft_id

    drafts.save = save_and_tell  # type: ignore[method-assign]
    script = iter(keys())
    window = None

    def open_window() -> None:  # inside the event loop, as after the sign-in screen
        nonlocal window
        if drafts.pending():  # the start-up offer: closed without a choice, the text stays
            QTimer.singleShot(0, _close_the_offer)
        window = show_main_window(services, InlineTaskRunner(), data_dir, new_store=False)
        QTimer.singleShot(100, start_typing)  # the start-up note has gone

    def start_typing() -> None:
        assert window is not None
        window.activateWindow()
        while QApplication.activeWindow() is not window:
            app.processEvents()
        window.open_dossier(resident_id, report_id)
        page = window.dossier_page
        page.tabs.setCurrentWidget(page.conversations)
        page.conversations.new_contact()
        print("TYPING", flush=True)
        type_next()

    def type_next() -> None:
        assert window is not None
        step = next(script, None)
        if step is None:
            return
        if QApplication.focusWidget() is None:
            # The offscreen platform has no window manager: shortly after the window opens
            # it can lose its activation; a member's window keeps it while they type.
            window.activateWindow()
            app.processEvents()
        try:
            press(*step)
        except AssertionError:  # the keys would go nowhere: the drill must not pass quietly
            app.exit(3)
            return
        QTimer.singleShot(KEY_MS, type_next)

    QTimer.singleShot(0, open_window)
    return app.exec()


def _close_the_offer() -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        box.done(QDialog.DialogCode.Rejected)
    else:
        QTimer.singleShot(20, _close_the_offer)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
