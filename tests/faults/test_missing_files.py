"""A missing store, WAL or key file: a Dutch message naming what is missing, a non-zero exit
code, and never a new, empty store in the place of the team's data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import NOW
from tests.faults.drills import assert_nothing_personal, report_count, run, team_with_a_resident
from ui.app import application
from ui.tasks import InlineTaskRunner
from wijkteam.clock import FixedClock
from wijkteam.errors import StoreMissing
from wijkteam.security.keyring import keys_path
from wijkteam.store import store_path
from wijkteam.wiring.access import StoreAccess

MISSING_STORE = "Het gegevensbestand wijkteam.db ontbreekt"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gegevens"
    team_with_a_resident(folder)
    return folder


def _commands(data_dir: Path, tmp_path: Path) -> list[list[str]]:
    folder = str(data_dir)
    source = tmp_path / "meldingen.csv"
    source.write_text("zaaknummer;ontvangen\n", encoding="utf-8")
    return [
        ["demo-data", "--data-dir", folder, "--residents", "2"],
        ["import", "--data-dir", folder, str(source)],
        ["export", "--data-dir", folder, "--out", str(tmp_path / "uit.zip")],
        ["receipt", "--data-dir", folder, str(tmp_path / "bewijs.json")],
        ["zgw-settings", "--data-dir", folder, "--show"],
    ]


def test_every_command_refuses_a_missing_store_and_makes_no_new_one(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    aside = tmp_path / "elders.db"
    store_path(data_dir).rename(aside)
    for argv in _commands(data_dir, tmp_path):
        code, out, err = run(monkeypatch, capsys, *argv)
        assert code == 1, argv
        assert MISSING_STORE in err and "back-up" in err, argv
        assert not store_path(data_dir).exists(), argv
        assert_nothing_personal(data_dir, out, err)
    assert keys_path(data_dir).exists()
    aside.rename(store_path(data_dir))  # put back: everything committed is there
    assert report_count(data_dir) == 1


def test_an_emptied_store_is_missing_too(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store_path(data_dir).write_bytes(b"")
    argv = ("zgw-settings", "--data-dir", str(data_dir), "--show")
    code, _out, err = run(monkeypatch, capsys, *argv)
    assert code == 1 and MISSING_STORE in err
    assert store_path(data_dir).stat().st_size == 0


def test_the_window_names_the_missing_store_and_asks_for_no_password(
    qtbot: QtBot, data_dir: Path
) -> None:
    from ui.startup import start_session

    store_path(data_dir).unlink()
    application()
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(f"{box.text()}\n{box.informativeText()}")
        box.accept()

    QTimer.singleShot(0, read_and_close)
    access = StoreAccess(data_dir, FixedClock(NOW))
    assert start_session(access, InlineTaskRunner()) is None
    assert MISSING_STORE in shown[0] and "backups" in shown[0]
    assert not store_path(data_dir).exists()
    with pytest.raises(StoreMissing):
        access.state()


def test_a_missing_key_file_is_named_and_the_store_is_untouched(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = store_path(data_dir).read_bytes()
    keys_path(data_dir).unlink()
    argv = ("zgw-settings", "--data-dir", str(data_dir), "--show")
    code, out, err = run(monkeypatch, capsys, *argv)
    assert code == 1
    assert "keys.json" in err
    assert store_path(data_dir).read_bytes() == before
    assert_nothing_personal(data_dir, out, err)
