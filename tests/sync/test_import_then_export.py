"""The issue's 'done when': import the municipality's file, work on the meldingen, export
what validates against the official schemas, twice without duplicates."""

from __future__ import annotations

from pathlib import Path

from tests.sync.config import CLIENT_ID, SECRET, USER, settings_input
from tests.sync.official import request_errors
from tests.sync.zgw_server import FakeZgwServer
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import ClosingReason
from wijkteam.resources import resource
from wijkteam.services.inputs import VisitInput
from wijkteam.sync.export.archive import ArchiveReader
from wijkteam.sync.zgw.resources import KIND_ORDER, ResourceKind
from wijkteam.wiring import Services

PASSPHRASE = "fietsen langs de Geul"


def test_imported_meldingen_go_back_as_the_municipalitys_own_zaken(
    services: Services, clock: FixedClock, tmp_path: Path
) -> None:
    example = resource("import", "voorbeeld_meldingen.csv")
    preview = services.imports.preview_file(example)
    summary = services.imports.commit(preview, only_valid=True)
    assert summary.created >= 2
    numbers = {row.case_reference for row in preview.importable}

    with FakeZgwServer(CLIENT_ID, SECRET) as server:
        base = server.base
        services.export.settings.save(
            settings_input(
                catalog=f"{base}/catalogi/api/v1",
                zaken=f"{base}/zaken/api/v1",
                documenten=f"{base}/documenten/api/v1",
            )
        )
        config = services.export.settings.config()
        for number in numbers:  # the municipality registered these zaken itself
            server.seed(
                ResourceKind.ZAAK,
                {
                    "identificatie": number,
                    "bronorganisatie": config.rsin,
                    "verantwoordelijkeOrganisatie": config.rsin,
                    "zaaktype": config.zaaktype,
                    "startdatum": "2026-11-09",
                },
            )
        # The team works on the first melding.
        first = services.reports.for_resident(services.residents.search("Berg-Verzonnen")[0].id)[0]
        services.visits.plan(first.id, VisitInput(date="20-11-2026", time="10:00"))
        services.reports.close(first.id, ClosingReason.SOLVED_VOORVELD)
        clock.advance(minutes=5)

        exported = services.export.exports.export(tmp_path / "a.zip", PASSPHRASE)
        reader = ArchiveReader(tmp_path / "a.zip", PASSPHRASE)
        for kind in KIND_ORDER:
            for body in reader.bodies(kind):
                assert request_errors(kind, body) == []
        assert {z["identificatie"] for z in reader.bodies(ResourceKind.ZAAK)} == numbers
        assert exported.batch.counts["resultaat"] == 1

        services.export.push.push(SECRET, USER)
        services.export.push.push(SECRET, USER, include_all=True)
        assert len(server.state.resources[ResourceKind.ZAAK]) == len(numbers)
        assert len(server.state.resources[ResourceKind.RESULTAAT]) == 1
        assert server.state.refusals == []
