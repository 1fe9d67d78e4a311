"""An unexpected failure in a headless command: one Dutch line with a reference on stderr,
exit code 70, and a log line in the data folder without the resident's name or BSN."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import TEAM_PASSWORD, make_team_store
from ui import launcher
from wijkteam.cli import EXIT_UNEXPECTED
from wijkteam.logs import log_path

NAME, BSN = "Quirijn Fictiefsma", "999000184"


def _named_failure(*_args: object, **_kwargs: object) -> None:
    resident = {"naam": NAME, "bsn": BSN}
    raise RuntimeError(f"kapot bij {resident['naam']} ({resident['bsn']})")


def test_a_command_that_fails_unexpectedly_says_so_and_logs_nothing_personal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "gegevens"
    make_team_store(data_dir).close()
    monkeypatch.setenv("WIJKTEAM_PASSPHRASE", TEAM_PASSWORD)
    source = tmp_path / "meldingen.csv"
    source.write_text(
        "zaaknummer;ontvangen;bsn;voornamen;achternaam;vraag\n"
        f"ZK-1;10-11-2026;{BSN};Quirijn;Fictiefsma;Hulp bij de tuin\n",
        encoding="utf-8",
    )
    monkeypatch.setattr("wijkteam.sync.imports.service.parse_import", _named_failure)
    code = launcher.main(["import", "--data-dir", str(data_dir), str(source)])
    captured = capsys.readouterr()
    assert code == EXIT_UNEXPECTED == 70
    match = re.search(r"Er ging onverwacht iets mis \(referentie ([0-9A-F]{8})\)", captured.err)
    assert match is not None
    logged = log_path(data_dir).read_text(encoding="utf-8")
    assert f"Unexpected RuntimeError in the command import, reference {match[1]}" in logged
    for secret in (NAME, "Fictiefsma", BSN):
        assert secret not in logged and secret not in captured.err + captured.out


def test_every_command_logs_where_it_ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIJKTEAM_PASSPHRASE", TEAM_PASSWORD)
    code = launcher.main(["demo-data", "--data-dir", str(tmp_path), "--residents", "2"])
    assert code == 0
    logged = log_path(tmp_path).read_text(encoding="utf-8")
    assert "Command demo-data starts" in logged
    assert "Command demo-data ends with exit code 0" in logged
