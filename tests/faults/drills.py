"""Shared pieces of the fault drills: a team store holding one synthetic resident whose
name and BSN must never appear outside the encrypted store, and the commands run in process
as `wijkteam …` runs them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import NOW, TEAM_PASSWORD, make_team_store, open_team_store
from tests.factories import report, resident
from ui import launcher
from wijkteam.clock import FixedClock
from wijkteam.services.worklist import WorklistQuery
from wijkteam.wiring import Services

NAME, SURNAME, BSN = "Quirijn", "Fictiefsma", "999000184"
SECRETS = (SURNAME, BSN, "Hulp bij de tuin")


def team_with_a_resident(data_dir: Path) -> None:
    """An encrypted team store (coordinator CC) with one melding for one resident."""
    store = make_team_store(data_dir, FixedClock(NOW))
    try:
        services = Services.create(store)
        services.reports.register(
            report(question="Hulp bij de tuin"),
            resident=resident(first_names=NAME, surname=SURNAME, bsn=BSN),
        )
    finally:
        store.close()


def report_count(data_dir: Path) -> int:
    store = open_team_store(data_dir)
    try:
        return Services.create(store).worklist.count(WorklistQuery())
    finally:
        store.close()


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *argv: str,
) -> tuple[int, str, str]:
    """`wijkteam ARGV` in this process: exit code, stdout, stderr."""
    monkeypatch.setenv("WIJKTEAM_PASSPHRASE", TEAM_PASSWORD)
    capsys.readouterr()
    code = launcher.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_nothing_personal(data_dir: Path, *texts: str) -> None:
    """No resident's name or BSN in any output, and in no file of the data folder other
    than the encrypted store and its copies (which are SQLCipher files)."""
    for text in texts:
        for secret in SECRETS:
            assert secret not in text
    for path in Path(data_dir).rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            for secret in SECRETS:
                assert secret.encode() not in content, path.name
    for name in os.listdir(os.environ.get("TMPDIR", "/tmp")):
        assert not any(secret in name for secret in SECRETS)


PAGE = 4096  # SQLCipher's page size


def flip_pages(path: Path, pages: list[int]) -> None:
    """A few bytes flipped in the middle of each page (counted from 0; negative from the
    end), as a failing disk or a bad copy does."""
    size = path.stat().st_size
    count = size // PAGE
    with path.open("r+b") as handle:
        for page in pages:
            number = page if page >= 0 else count + page
            handle.seek(number * PAGE + PAGE // 2)
            chunk = handle.read(8)
            handle.seek(number * PAGE + PAGE // 2)
            handle.write(bytes(b ^ 0xFF for b in chunk))


def make_backup(data_dir: Path) -> Path:
    store = open_team_store(data_dir)
    try:
        return Services.create(store).backups.make()
    finally:
        store.close()
