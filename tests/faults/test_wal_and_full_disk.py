"""Committed work does not live only in the WAL (a lost -wal file after a crash took
committed meldingen along), and a full disk is a Dutch message with nothing half-written,
the recovery code of a new store printed before anything could fail."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import TEAM_PASSWORD
from tests.faults.drills import assert_nothing_personal, report_count, run, team_with_a_resident
from tests.sync.import_files import csv_bytes, csv_row
from wijkteam.store import store_path
from wijkteam.wiring.headless import open_services_for_command

RECEIVED = (date.today() - timedelta(days=3)).strftime("%d-%m-%Y")
FULL = "De schijf is vol."


def _import_file(tmp_path: Path) -> str:
    path = tmp_path / "meldingen.csv"
    rows = [csv_row(zaaknummer=f"ZK-{n}", ontvangen=RECEIVED) for n in range(1, 4)]
    path.write_bytes(csv_bytes(*rows))
    return str(path)


def test_an_import_reaches_the_store_file_and_survives_a_lost_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "gegevens"
    team_with_a_resident(data_dir)
    monkeypatch.setenv("WIJKTEAM_PASSPHRASE", TEAM_PASSWORD)
    services = open_services_for_command(data_dir)  # the app is still open, as in a crash
    try:
        preview = services.imports.preview_file(Path(_import_file(tmp_path)))
        services.imports.commit(preview, {})
        # A crash now, and the -wal file is lost: copy only the store file.
        copy = tmp_path / "na-crash"
        shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("*-wal", "*-shm", "*.lock"))
    finally:
        services.store.close()
    assert report_count(copy) == 4  # the resident of before and the three imported


def test_a_full_disk_during_an_import_is_said_in_dutch_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "gegevens"
    team_with_a_resident(data_dir)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("wijkteam.sync.imports.writer.ImportWriter.write", disk_full)
    code, out, err = run(
        monkeypatch, capsys, "import", "--data-dir", str(data_dir), _import_file(tmp_path)
    )
    assert code == 1
    assert FULL in err and "Traceback" not in err
    assert_nothing_personal(data_dir, out, err)
    monkeypatch.undo()
    assert report_count(data_dir) == 1  # nothing half-imported, nothing lost


def test_demo_data_prints_the_recovery_code_before_a_full_disk_stops_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlcipher3

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise sqlcipher3.dbapi2.OperationalError("database or disk is full")

    monkeypatch.setattr("wijkteam.demo.generator.generate", disk_full)
    data_dir = tmp_path / "gegevens"
    code, out, err = run(monkeypatch, capsys, "demo-data", "--data-dir", str(data_dir))
    assert code == 1
    assert "Herstelcode (wordt maar één keer getoond" in out
    assert FULL in err and "Traceback" not in err
    assert store_path(data_dir).exists()


def test_the_window_folds_the_wal_into_the_store_file_when_idle(
    window: object, services: object, data_dir: Path
) -> None:
    from ui.main_window import MainWindow
    from ui.security.session import CHECKPOINT_MS, install_security
    from ui.tasks import InlineTaskRunner
    from wijkteam.wiring import Services

    assert isinstance(window, MainWindow) and isinstance(services, Services)
    session = install_security(window, services, InlineTaskRunner(), data_dir)
    try:
        assert session.checkpoints.isActive() and session.checkpoints.interval() == CHECKPOINT_MS
        services.settings.set_value("probe", "1")
        wal = Path(f"{store_path(data_dir)}-wal")
        assert wal.stat().st_size > 0
        session.checkpoint_when_idle()  # what the timer does
        assert wal.stat().st_size == 0
    finally:
        session.guard.stop()
        session.checkpoints.stop()
