"""`wijkteam export` and `wijkteam receipt`, run as separate processes like a back office."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import make_team_store, team_environment
from tests.sync.config import settings_input
from wijkteam.clock import FixedClock
from wijkteam.demo.generator import generate
from wijkteam.sync.export.archive import ArchiveReader
from wijkteam.sync.export.receipt import receipt_json
from wijkteam.sync.zgw.resources import ResourceKind
from wijkteam.wiring import Services

PASSPHRASE = "een wachtzin voor de back office"
pytestmark = pytest.mark.slow


def wijkteam(*args: str, passphrase: str | None = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in team_environment().items() if k != "WIJKTEAM_EXPORT_PASSPHRASE"}
    if passphrase is not None:
        env["WIJKTEAM_EXPORT_PASSPHRASE"] = passphrase
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ui.launcher import main; code = main(); "
            "print('QT_LOADED' if 'PySide6' in sys.modules else 'NO_QT'); sys.exit(code)",
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    # Made an hour ago, so the next export's overlap with the last one holds none of it.
    an_hour_ago = datetime.now(UTC).replace(tzinfo=None) - timedelta(hours=1)
    store = make_team_store(folder, clock=FixedClock(an_hour_ago))
    try:
        services = Services.create(store)
        generate(store, services.audit, residents=15)
        services.export.settings.save(settings_input())
    finally:
        store.close()
    return folder


def test_export_then_receipt_then_nothing_new(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "naar-gemeente.zip"
    done = wijkteam("export", "--data-dir", str(data), "--out", str(target))
    assert done.returncode == 0, done.stderr
    assert "NO_QT" in done.stdout and "Export geschreven" in done.stdout
    assert PASSPHRASE not in done.stdout + done.stderr
    manifest = ArchiveReader(target, PASSPHRASE).manifest()
    assert manifest["counts"]["zaak"] > 15
    assert len(ArchiveReader(target, PASSPHRASE).bodies(ResourceKind.STATUS)) > 15

    receipt = tmp_path / "ontvangst.json"
    receipt.write_text(receipt_json(manifest["batch"], "2026-11-18T12:00:00Z", manifest["counts"]))
    acknowledged = wijkteam("receipt", "--data-dir", str(data), str(receipt))
    assert acknowledged.returncode == 0, acknowledged.stderr
    assert "bevestigd" in acknowledged.stdout

    nothing = wijkteam("export", "--data-dir", str(data), "--out", str(tmp_path / "leeg.zip"))
    assert nothing.returncode == 0 and "niets nieuws" in nothing.stdout
    assert not (tmp_path / "leeg.zip").exists()

    everything = wijkteam(
        "export", "--data-dir", str(data), "--out", str(tmp_path / "a.zip"), "--all"
    )
    assert everything.returncode == 0, everything.stderr
    assert ArchiveReader(tmp_path / "a.zip", PASSPHRASE).manifest()["include_all"] is True


def test_export_refuses_without_a_good_passphrase(data: Path, tmp_path: Path) -> None:
    missing = wijkteam(
        "export", "--data-dir", str(data), "--out", str(tmp_path / "x.zip"), passphrase=None
    )
    assert missing.returncode == 2 and "WIJKTEAM_EXPORT_PASSPHRASE" in missing.stderr
    assert "Vul een wachtzin in." in missing.stderr
    short = wijkteam(
        "export", "--data-dir", str(data), "--out", str(tmp_path / "x.zip"), passphrase="kort"
    )
    assert short.returncode == 2 and "minstens 12 tekens" in short.stderr
    assert not (tmp_path / "x.zip").exists()
    assert "Traceback" not in missing.stderr + short.stderr


def test_export_explains_a_missing_configuration(tmp_path: Path) -> None:
    make_team_store(tmp_path / "leeg").close()  # a team without sync settings
    result = wijkteam(
        "export", "--data-dir", str(tmp_path / "leeg"), "--out", str(tmp_path / "x.zip")
    )
    assert result.returncode == 1
    assert "nog niet ingesteld" in result.stderr and "Traceback" not in result.stderr
