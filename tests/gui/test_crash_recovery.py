"""Never lose a word: the real app is killed (SIGKILL) while the member types, and the next
start offers the text back and restores it into the conversation editor."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import report, resident
from tests.gui import crash_typist as typist
from tests.gui.helpers import with_modal
from ui.app import application, show_main_window
from ui.tasks import InlineTaskRunner
from wijkteam.clock import FixedClock
from wijkteam.domain.contacts import Theme
from wijkteam.store import open_store, store_path
from wijkteam.wiring import Services

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _prepare(data_dir: Path) -> tuple[int, int]:
    store = open_store(store_path(data_dir), clock=FixedClock(typist.NOW))
    try:
        services = Services.create(store)
        member = services.members.add("Tessa Testlid", "TT")
        saved = services.reports.register(report(assigned_member_id=member.id), resident=resident())
    finally:
        store.close()
    return saved.resident_id, saved.id


def _start_typist(data_dir: Path, resident_id: int, report_id: int) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.gui.crash_typist", str(data_dir)]
    return subprocess.Popen(
        [*command, str(resident_id), str(report_id)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def _wait_for_line(process: subprocess.Popen[str], wanted: str, timeout: float) -> None:
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(target=lambda: [lines.put(x.strip()) for x in stdout], daemon=True).start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if lines.get(timeout=0.5) == wanted:
                return
        except queue.Empty:
            if process.poll() is not None:
                pytest.fail(f"the app stopped early with code {process.returncode}")
    pytest.fail(f"no {wanted} from the app within {timeout} s")


def _restore_at_start(data_dir: Path) -> dict[Theme, str]:
    """Starts the app in this process as `wijkteam --data-dir` does (up to its event loop),
    answers the start-up offer with Terugzetten, and reads what the editor then holds."""
    offers: list[str] = []

    def restore(box: QMessageBox) -> None:
        offers.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == "&Terugzetten"]
        button.click()

    QTimer.singleShot(0, with_modal(QMessageBox, restore))
    services = Services.create(open_store(store_path(data_dir), clock=FixedClock(typist.NOW)))
    window = show_main_window(services, InlineTaskRunner(), data_dir, new_store=False)
    try:
        assert offers and offers[0].startswith("Er is tekst die nog niet was opgeslagen.")
        page = window.dossier_page
        assert window.pages.currentWidget() is page
        assert page.tabs.currentWidget() is page.conversations
        return {t: page.conversations.editor.theme_text(t) for t in Theme}
    finally:
        window.close()
        window.services.store.close()


@pytest.mark.slow
def test_killed_while_typing_and_the_text_comes_back(qtbot: QtBot, tmp_path: Path) -> None:
    application()
    data_dir = tmp_path / "data"
    resident_id, report_id = _prepare(data_dir)
    process = _start_typist(data_dir, resident_id, report_id)
    try:
        _wait_for_line(process, "READY", timeout=90)
        time.sleep(3)  # more than the two seconds autosave may take; typing goes on
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=10) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    store = open_store(store_path(data_dir), clock=FixedClock(typist.NOW))
    try:
        (draft,) = Services.create(store).drafts.pending()
    finally:
        store.close()
    themes = draft.content.themes
    assert (draft.resident_id, draft.contact_id, draft.content.report_id) == (
        resident_id,
        None,
        report_id,
    )
    assert (themes[Theme.WHO], themes[Theme.INTERESTS]) == (typist.WHO, typist.INTERESTS)
    motivation = themes[Theme.MOTIVATION]
    assert motivation.startswith(typist.MOTIVATION_START)
    assert (typist.MOTIVATION_START + typist.MOTIVATION_TAIL).startswith(motivation)

    restored = _restore_at_start(data_dir)
    assert restored[Theme.WHO] == typist.WHO
    assert restored[Theme.INTERESTS] == typist.INTERESTS
    assert restored[Theme.MOTIVATION] == motivation
