"""`wijkteam import`: run as a back office would, as a separate process, without Qt."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import make_team_store, open_team_store, team_environment
from tests.factories import BSN_A, BSN_BAD
from tests.sync.import_files import csv_bytes, csv_row
from wijkteam.domain.enums import ReportSource
from wijkteam.security.keyring import keys_path
from wijkteam.services.worklist import WorklistQuery
from wijkteam.wiring import Services

# The command uses the real clock, so the files are dated relative to today.
RECEIVED = (date.today() - timedelta(days=3)).strftime("%d-%m-%Y")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    if "--data-dir" in args:  # a team exists before anything is imported into its store
        data_dir = Path(args[args.index("--data-dir") + 1])
        if not keys_path(data_dir).exists():
            make_team_store(data_dir).close()
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ui.launcher import main; code = main(); "
            "print('QT_LOADED' if 'PySide6' in sys.modules else 'NO_QT'); sys.exit(code)",
            "import",
            *args,
        ],
        capture_output=True,
        text=True,
        env=team_environment(),
        timeout=60,
    )


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "meldingen.csv"
    path.write_bytes(csv_bytes(*rows, encoding="cp1252"))
    return path


def _report_count(data_dir: Path) -> int:
    store = open_team_store(data_dir)
    try:
        return Services.create(store).worklist.count(WorklistQuery())
    finally:
        store.close()


def test_import_prints_a_dutch_summary_and_is_idempotent(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = _file(
        tmp_path,
        csv_row(zaaknummer="ZK-1", ontvangen=RECEIVED, bsn=BSN_A),
        csv_row(zaaknummer="ZK-2", ontvangen=RECEIVED, achternaam="Müller"),
    )
    first = _run("--data-dir", str(data_dir), str(path))
    assert first.returncode == 0, first.stderr
    assert "2 meldingen gelezen: 2 goed, 0 met fouten." in first.stdout
    assert "2 nieuwe meldingen geïmporteerd (2 nieuwe inwoners" in first.stdout
    assert "NO_QT" in first.stdout
    again = _run("--data-dir", str(data_dir), str(path))
    assert again.returncode == 0, again.stderr
    assert "0 nieuwe meldingen geïmporteerd" in again.stdout
    assert "2 al eerder geïmporteerd" in again.stdout
    assert _report_count(data_dir) == 2


def test_an_invalid_file_lists_the_problems_and_writes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = _file(
        tmp_path,
        csv_row(zaaknummer="ZK-1", ontvangen=RECEIVED),
        csv_row(zaaknummer="ZK-2", ontvangen=RECEIVED, bsn=BSN_BAD),
    )
    result = _run("--data-dir", str(data_dir), str(path))
    assert result.returncode == 3
    assert "Regel 3, kolom bsn: Dit is geen geldig BSN" in result.stderr
    assert "Er is niets geïmporteerd" in result.stderr
    assert BSN_BAD not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert _report_count(data_dir) == 0

    only_valid = _run("--data-dir", str(data_dir), "--only-valid", str(path))
    assert only_valid.returncode == 0, only_valid.stderr
    assert "1 nieuwe melding geïmporteerd" in only_valid.stdout
    assert "Overgeslagen: 1 met fouten." in only_valid.stdout
    assert _report_count(data_dir) == 1


def test_an_unreadable_file_is_refused_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "meldingen.csv"
    path.write_bytes(b"%PDF-1.7 binary")
    result = _run("--data-dir", str(tmp_path / "data"), str(path))
    assert result.returncode == 2
    assert "Dit is geen CSV- of JSON-bestand" in result.stderr
    missing = _run("--data-dir", str(tmp_path / "data"), str(tmp_path / "weg.csv"))
    assert missing.returncode == 2
    assert "kan niet worden gelezen" in missing.stderr


def test_name_and_birth_matches_need_a_choice(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    first = _file(tmp_path, csv_row(zaaknummer="ZK-1", ontvangen=RECEIVED))
    assert _run("--data-dir", str(data_dir), str(first)).returncode == 0
    second = _file(tmp_path, csv_row(zaaknummer="ZK-2", ontvangen=RECEIVED))
    asked = _run("--data-dir", str(data_dir), str(second))
    assert asked.returncode == 4
    assert "zelfde achternaam en geboortedatum" in asked.stderr
    linked = _run("--data-dir", str(data_dir), "--name-matches", "link", str(second))
    assert linked.returncode == 0, linked.stderr
    assert "(0 nieuwe inwoners, 1 bij een bekende inwoner)" in linked.stdout


def test_the_command_line_import_is_in_the_audit_log_under_the_member(tmp_path: Path) -> None:
    from tests.audit_rows import audit_rows
    from wijkteam.security.context import AuditAction

    data_dir = tmp_path / "data"
    path = _file(tmp_path, csv_row(zaaknummer="ZK-5", ontvangen=RECEIVED, bsn=BSN_A))
    done = _run("--data-dir", str(data_dir), str(path))
    assert done.returncode == 0, done.stderr
    store = open_team_store(data_dir)
    try:
        services = Services.create(store)
        created = [r for r in audit_rows(services) if r.action is AuditAction.CREATE]
        coordinator = next(m for m in services.members.list() if m.initials == "CC")
        by_kind = {r.object_type: r for r in created}
        assert {"import", "report", "resident"} <= set(by_kind)
        assert by_kind["report"].actor_member_uuid == coordinator.uuid  # whose password it was
        assert by_kind["report"].resident_uuid == by_kind["resident"].object_uuid
        assert services.audit.verify().intact
    finally:
        store.close()


def test_an_unknown_source_is_a_note_and_the_melding_is_imported(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = _file(
        tmp_path,
        csv_row(zaaknummer="ZK-1", ontvangen=RECEIVED, bron="Sociaal loket"),
        csv_row(zaaknummer="ZK-2", ontvangen=RECEIVED, bron="huisarts"),
    )
    result = _run("--data-dir", str(data_dir), str(path))
    assert result.returncode == 0, result.stderr
    assert "2 meldingen gelezen: 2 goed, 0 met fouten." in result.stdout
    assert "2 nieuwe meldingen geïmporteerd" in result.stdout
    assert (
        "Regel 2, kolom bron: Let op: Deze bron kent Wijkteam niet. De melding wordt "
        "geïmporteerd met bron 'Anders'" in result.stderr
    )
    assert "Sociaal loket" not in result.stdout + result.stderr  # the note names no value
    store = open_team_store(data_dir)
    try:
        services = Services.create(store)
        found = [services.reports.get(r.report_id) for r in services.worklist.rows(WorklistQuery())]
        by_reference = {r.case_reference: r for r in found}
        kept = by_reference["ZK-1"]
        assert kept.source is ReportSource.OTHER
        assert kept.question.endswith("\n\nBron volgens de gemeente: Sociaal loket")
        assert by_reference["ZK-2"].source is ReportSource.GP
    finally:
        store.close()
