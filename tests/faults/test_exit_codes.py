"""Exit codes a back-office script can trust: 0 only when what was asked was done
(wijkteam/cli/imports.py and the README list them per command)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.factories import BSN_BAD
from tests.faults.drills import assert_nothing_personal, report_count, run, team_with_a_resident
from tests.sync.import_files import HEADER, csv_bytes, csv_row
from wijkteam.cli.imports import EXIT_EMPTY, EXIT_INVALID, EXIT_OK

RECEIVED = (date.today() - timedelta(days=3)).strftime("%d-%m-%Y")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gegevens"
    team_with_a_resident(folder)
    return folder


def _file(tmp_path: Path, content: bytes) -> str:
    path = tmp_path / "meldingen.csv"
    path.write_bytes(content)
    return str(path)


def test_a_file_with_only_a_header_is_not_success(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = _file(tmp_path, (HEADER + "\r\n").encode("utf-8"))
    for extra in ((), ("--only-valid",)):
        argv = ("import", "--data-dir", str(data_dir), *extra, source)
        code, out, err = run(monkeypatch, capsys, *argv)
        assert code == EXIT_EMPTY == 5
        assert "Het bestand bevat geen meldingen" in err
        assert_nothing_personal(data_dir, out, err)
    assert report_count(data_dir) == 1


def test_only_valid_with_nothing_valid_is_not_success(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = (
        csv_row(zaaknummer="ZK-8", ontvangen=RECEIVED, bsn=BSN_BAD),
        csv_row(zaaknummer="ZK-9", ontvangen="99-99-2026"),
    )
    source = _file(tmp_path, csv_bytes(*rows))
    argv = ("import", "--data-dir", str(data_dir), "--only-valid", source)
    code, _out, err = run(monkeypatch, capsys, *argv)
    assert code == EXIT_INVALID == 3
    assert "Geen enkele melding in het bestand is goed (2 met fouten)" in err
    assert report_count(data_dir) == 1


def test_only_valid_with_some_good_ones_imports_them_and_succeeds(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = (
        csv_row(zaaknummer="ZK-8", ontvangen=RECEIVED, bsn=BSN_BAD),
        csv_row(zaaknummer="ZK-7", ontvangen=RECEIVED),
    )
    source = _file(tmp_path, csv_bytes(*rows))
    argv = ("import", "--data-dir", str(data_dir), "--only-valid", source)
    code, out, _err = run(monkeypatch, capsys, *argv)
    assert code == EXIT_OK
    assert "1 nieuwe melding geïmporteerd" in out
    assert report_count(data_dir) == 2
    again = run(monkeypatch, capsys, *argv)  # the good one is in: asked and done
    assert again[0] == EXIT_OK
