"""Flipped bytes on several pages: every command and the window refuse the store with a
Dutch message naming the last good backup; backups never copy damage and restore never puts
a damaged backup back; nothing committed before the last good backup is lost."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import NOW, TEAM_PASSWORD, open_team_store
from tests.faults.drills import (
    assert_nothing_personal,
    flip_pages,
    make_backup,
    report_count,
    run,
    team_with_a_resident,
)
from tests.gui.helpers import drive_modal, type_text
from ui.app import application
from ui.security.sign_in_dialog import SignInDialog
from ui.tasks import InlineTaskRunner
from wijkteam.clock import FixedClock
from wijkteam.errors import StoreDamaged, StoreNotADatabase
from wijkteam.services.backups import check_backup, restore
from wijkteam.services.worklist import WorklistQuery
from wijkteam.store import open_store, store_path
from wijkteam.store.integrity import Integrity
from wijkteam.wiring import Services
from wijkteam.wiring.access import StoreAccess
from wijkteam.wiring.setup import unlock

DAMAGED = "Het gegevensbestand is beschadigd."
LAST_GOOD = "De laatste goede back-up is van"
PAGES = [[2, 5], [-1], [3, -2, -4]]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gegevens"
    team_with_a_resident(folder)
    make_backup(folder)
    return folder


@pytest.mark.parametrize("pages", PAGES)
def test_every_command_refuses_a_damaged_store_and_names_the_last_good_backup(
    data_dir: Path,
    tmp_path: Path,
    pages: list[int],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    flip_pages(store_path(data_dir), pages)
    damaged = store_path(data_dir).read_bytes()
    source = tmp_path / "meldingen.csv"
    source.write_text("zaaknummer;ontvangen\nZK-5;01-01-2026\n", encoding="utf-8")
    for argv in (
        ["import", "--data-dir", str(data_dir), str(source)],
        ["export", "--data-dir", str(data_dir), "--out", str(tmp_path / "uit.zip")],
        ["zgw-settings", "--data-dir", str(data_dir), "--show"],
        ["demo-data", "--data-dir", str(data_dir), "--residents", "1"],
    ):
        code, out, err = run(monkeypatch, capsys, *argv)
        assert code == 1, (argv, err)
        assert DAMAGED in err and LAST_GOOD in err, argv
        assert "Traceback" not in err
        assert_nothing_personal(data_dir, out, err)
    assert store_path(data_dir).read_bytes() == damaged  # refused before anything is written
    assert not (tmp_path / "uit.zip").exists()


def test_no_backup_of_a_damaged_store_and_the_older_ones_stay(data_dir: Path) -> None:
    backups = sorted((data_dir / "backups").glob("*.backup"))
    store = open_team_store(data_dir)
    try:
        flip_pages(store_path(data_dir), [5, 40])
        services = Services.create(store)
        with pytest.raises(StoreDamaged) as raised:
            services.backups.make()
        assert raised.value.params["backup"] is not None
        assert store.integrity.state is Integrity.DAMAGED
        with pytest.raises(StoreDamaged):  # every write is refused from now on
            services.settings.set_value("probe", "1")
    finally:
        store.close()
    assert sorted((data_dir / "backups").glob("*.backup")) == backups
    assert not list((data_dir / "backups").glob("*.partial"))


def test_restore_refuses_a_damaged_backup_and_the_last_good_one_is_found(
    data_dir: Path,
) -> None:
    good = next((data_dir / "backups").glob("*.backup"))
    newer = good.with_name("wijkteam-29991231-235959.backup")
    newer.write_bytes(good.read_bytes())
    flip_pages(newer, [-1])
    _ring, unlocked = unlock(data_dir, "CC", TEAM_PASSWORD)
    before = store_path(data_dir).read_bytes()
    with pytest.raises(StoreNotADatabase):  # StoreDamaged is one
        restore(data_dir, newer, unlocked.store_key, FixedClock(NOW))
    assert store_path(data_dir).read_bytes() == before
    check_backup(good, unlocked.store_key)
    store = open_team_store(data_dir)
    try:
        assert Services.create(store).backups.last_good() == good
    finally:
        store.close()


def test_writes_wait_for_the_full_check_and_are_refused_when_it_fails(data_dir: Path) -> None:
    _ring, unlocked = unlock(data_dir, "CC", TEAM_PASSWORD)
    flip_pages(store_path(data_dir), [5, 40])  # pages that opening does not read
    store = open_store(store_path(data_dir), unlocked.store_key, clock=FixedClock(NOW))
    try:
        services = Services.create(store)
        with pytest.raises(StoreDamaged) as raised:
            services.backups.check_store()
        assert raised.value.params["backup"] is not None
        with pytest.raises(StoreDamaged):
            services.settings.set_value("probe", "1")
    finally:
        store.close()


def test_signing_in_on_a_damaged_store_offers_the_last_good_backup(
    qtbot: QtBot, data_dir: Path
) -> None:
    from ui.startup import start_session

    flip_pages(store_path(data_dir), [1, 2, 3, -1])
    application()
    seen: list[str] = []

    def restore_when_asked() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, restore_when_asked)
            return
        seen.append(box.text())
        restore = next(b for b in box.buttons() if "terugzetten" in b.text())
        QTimer.singleShot(0, close_confirmation)
        restore.click()

    def close_confirmation() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() == "storeDamaged":
            QTimer.singleShot(20, close_confirmation)
            return
        seen.append(box.text())
        box.accept()

    def sign_in(dialog: SignInDialog) -> None:
        type_text(qtbot, dialog.initials, "CC")
        type_text(qtbot, dialog.password, TEAM_PASSWORD)
        QTimer.singleShot(0, restore_when_asked)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)

    result: list[object] = []
    access = StoreAccess(data_dir, FixedClock(NOW))
    drive_modal(
        SignInDialog, sign_in, lambda: result.append(start_session(access, InlineTaskRunner()))
    )
    assert DAMAGED in seen[0] and LAST_GOOD in seen[0]
    assert "De back-up is teruggezet" in seen[1]
    started = result[0]
    assert started is not None
    opened, _state = started  # type: ignore[misc]
    try:
        assert opened.services.worklist.count(WorklistQuery()) == 1
    finally:
        opened.services.store.close()
    assert list((data_dir / "vervangen").iterdir())  # the damaged file kept aside
    assert report_count(data_dir) == 1
    assert os.path.exists(store_path(data_dir))


def test_a_write_waits_while_the_full_check_runs(data_dir: Path) -> None:
    import threading

    store = open_team_store(data_dir)
    try:
        services = Services.create(store)
        store.integrity.checking()  # as while the background check runs
        written = threading.Event()

        def write() -> None:
            services.settings.set_value("probe", "1")
            written.set()

        worker = threading.Thread(target=write)
        worker.start()
        # A plain sleep, not a timed wait: under faketime a timed wait's deadline is far off.
        time.sleep(0.3)
        assert not written.is_set()  # held
        store.integrity.settle(True)
        assert written.wait(10)
        worker.join()
        assert services.settings.value("probe") == "1"
    finally:
        store.close()
