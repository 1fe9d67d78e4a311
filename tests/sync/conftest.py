from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import factories
from tests.sync.config import CLIENT_ID, SECRET, settings_input
from tests.sync.zgw_server import FakeZgwServer
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


@pytest.fixture
def server() -> Iterator[FakeZgwServer]:
    """A ZGW server on 127.0.0.1 that answers as Open Zaak does; its catalogue's final
    statustype closes a zaak and its resident roltype is an initiator (one per zaak)."""
    with FakeZgwServer(CLIENT_ID, SECRET) as running:
        catalog = f"{running.base}/catalogi/api/v1"
        running.state.final_statustype = f"{catalog}/statustypen/closed"
        running.state.initiator_roltype = f"{catalog}/roltypen/inwoner"
        yield running


@pytest.fixture
def linked(services: Services, server: FakeZgwServer) -> Services:
    """Services whose settings point at the test server."""
    base = server.base
    services.export.settings.save(
        settings_input(
            catalog=f"{base}/catalogi/api/v1",
            zaken=f"{base}/zaken/api/v1",
            documenten=f"{base}/documenten/api/v1",
        )
    )
    return services
