from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import factories
from tests.sync.config import settings_input
from wijkteam.clock import FixedClock
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.wiring import Services

PASSPHRASE = "fietsen langs de Geul"


@dataclass
class Cases:
    with_bsn: ReportRecord
    without_bsn: ReportRecord
    other: ReportRecord


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for archives and receipts (the store lives elsewhere under tmp_path)."""
    folder = tmp_path / "uit"
    folder.mkdir()
    return folder


@pytest.fixture
def configured(services: Services) -> Services:
    services.export.settings.save(settings_input())
    return services


@pytest.fixture
def cases(configured: Services, member: MemberRecord, clock: FixedClock) -> Cases:
    """Three meldingen, then the clock moves on a few minutes (past the window overlap)."""
    reports = configured.reports
    made = Cases(
        with_bsn=reports.register(
            factories.report(assigned_member_id=member.id),
            resident=factories.resident(surname="Verzonnen", bsn=factories.BSN_A),
        ),
        without_bsn=reports.register(
            factories.report(received_on="12-11-2026"),
            resident=factories.resident(surname="Bedacht", first_names="Jan Willem"),
        ),
        other=reports.register(
            factories.report(assigned_member_id=member.id),
            resident=factories.resident(surname="Fictief", bsn=factories.BSN_B),
        ),
    )
    clock.advance(minutes=5)
    return made
