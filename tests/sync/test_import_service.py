"""ImportService: preview writes nothing, commit writes all in one transaction, residents are
matched by BSN or (with the member's confirmation) by name and birth date, and a file
imported twice creates nothing twice."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.factories import BSN_A, BSN_B, report, resident
from tests.sync.import_files import (
    BAD_BSN_ROW,
    GOOD_ROWS,
    csv_bytes,
    csv_row,
    json_bytes,
    zaak_item,
)
from wijkteam.domain.deadlines import DeadlineState
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import ValidationFailed
from wijkteam.services.worklist import WorklistQuery
from wijkteam.store.models import Report, Resident, StatusChange
from wijkteam.sync.imports.preview import MatchKind, RowState
from wijkteam.sync.imports.problems import (
    ImportDecisionInvalid,
    ImportInvalid,
    ImportNeedsDecision,
)
from wijkteam.wiring import Services


def _counts(services: Services) -> tuple[int, int]:
    with services.store.transaction() as session:
        reports = session.scalar(select(func.count(Report.id)))
        residents = session.scalar(select(func.count(Resident.id)))
    return reports or 0, residents or 0


def test_preview_writes_nothing_and_commit_writes_everything(services: Services) -> None:
    preview = services.imports.preview_bytes(csv_bytes(*GOOD_ROWS), "meldingen.csv")
    assert [r.match for r in preview.rows] == [MatchKind.NEW] * 3
    assert _counts(services) == (0, 0)
    summary = services.imports.commit(preview)
    assert (summary.created, summary.new_residents, summary.known_residents) == (3, 3, 0)
    assert _counts(services) == (3, 3)
    first = services.reports.get(summary.report_ids[0])
    assert first.case_reference == "ZK-1"
    assert first.status is ReportStatus.NEW
    assert first.deadline.due.isoformat() == "2026-11-24"  # received 10-11 + 14 days
    assert [h.status for h in first.history] == [ReportStatus.NEW]
    rows = services.worklist.rows(WorklistQuery())
    assert {r.resident_name for r in rows} == {"Aalders, Zoë", "Bakker, Jürgen", "Çelik, Zoë"}
    assert {r.report_id for r in services.worklist.awaiting_visit_plan()} == set(summary.report_ids)
    assert any(r.deadline.state is DeadlineState.ON_TIME for r in rows)
    assert services.residents.search("aalders")[0].bsn == BSN_A


def test_importing_the_same_file_twice_creates_nothing_twice(services: Services) -> None:
    data = csv_bytes(*GOOD_ROWS)
    services.imports.commit(services.imports.preview_bytes(data, "a.csv"))
    again = services.imports.preview_bytes(data, "a.csv")
    assert [r.state for r in again.rows] == [RowState.ALREADY_IMPORTED] * 3
    summary = services.imports.commit(again)
    assert (summary.created, summary.already_imported) == (0, 3)
    assert _counts(services) == (3, 3)


def test_a_stale_preview_committed_twice_still_writes_once(services: Services) -> None:
    preview = services.imports.preview_bytes(json_bytes(zaak_item()), "a.json")
    services.imports.commit(preview)
    summary = services.imports.commit(preview)  # e.g. a double click, or two members at once
    assert (summary.created, summary.already_imported) == (0, 1)
    assert _counts(services) == (1, 1)


def test_an_invalid_file_writes_nothing_unless_only_valid(services: Services) -> None:
    preview = services.imports.preview_bytes(csv_bytes(GOOD_ROWS[0], BAD_BSN_ROW), "a.csv")
    assert not preview.is_valid
    with pytest.raises(ImportInvalid) as invalid:
        services.imports.commit(preview)
    assert invalid.value.params["errors"] == 1
    assert _counts(services) == (0, 0)
    summary = services.imports.commit(preview, only_valid=True)
    assert (summary.created, summary.skipped_invalid) == (1, 1)


def test_one_transaction_a_failure_halfway_leaves_nothing(services: Services) -> None:
    preview = services.imports.preview_bytes(csv_bytes(*GOOD_ROWS), "a.csv")
    # Move the clock back between preview and commit: the third record (received 14-11) now
    # lies in the future and fails when it is written, after the first two were added.
    services.store.clock.set(services.store.clock.now().replace(day=12))  # type: ignore[attr-defined]
    with pytest.raises(ValidationFailed):
        services.imports.commit(preview)
    assert _counts(services) == (0, 0)


def test_a_known_bsn_links_to_the_resident_without_asking(services: Services) -> None:
    known = services.reports.register(report(), resident=resident(surname="Anders", bsn=BSN_A))
    preview = services.imports.preview_bytes(csv_bytes(GOOD_ROWS[0]), "a.csv")
    row = preview.rows[0]
    assert (row.match, row.resident_id) == (MatchKind.BSN, known.resident_id)
    assert preview.proposals == ()
    summary = services.imports.commit(preview)
    assert (summary.new_residents, summary.known_residents) == (0, 1)
    created = services.reports.get(summary.report_ids[0])
    assert created.resident_id == known.resident_id
    assert services.residents.get(known.resident_id).surname == "Anders"  # not overwritten


def test_name_and_birth_date_need_the_members_confirmation(services: Services) -> None:
    known = services.reports.register(
        report(), resident=resident(surname="Bakker", birth_date="02-02-1960")
    )
    preview = services.imports.preview_bytes(csv_bytes(GOOD_ROWS[1]), "a.csv")
    (proposal,) = preview.proposals
    assert proposal.match is MatchKind.NAME_BIRTH
    assert [c.id for c in proposal.candidates] == [known.resident_id]
    with pytest.raises(ImportNeedsDecision) as undecided:
        services.imports.commit(preview)
    assert undecided.value.positions == (2,)
    with pytest.raises(ImportDecisionInvalid):
        services.imports.commit(preview, {2: known.resident_id + 99})
    linked = services.imports.commit(preview, {2: known.resident_id})
    assert services.reports.get(linked.report_ids[0]).resident_id == known.resident_id
    assert _counts(services) == (2, 1)


def test_choosing_someone_else_makes_a_new_resident(services: Services) -> None:
    services.reports.register(report(), resident=resident(surname="Bakker", birth_date="2-2-1960"))
    preview = services.imports.preview_bytes(csv_bytes(GOOD_ROWS[1]), "a.csv")
    summary = services.imports.commit(preview, {2: None})
    assert (summary.new_residents, summary.known_residents) == (1, 0)
    assert _counts(services) == (2, 2)


def test_a_known_resident_with_another_bsn_is_not_proposed(services: Services) -> None:
    services.reports.register(
        report(), resident=resident(surname="Aalders", birth_date="1-1-1940", bsn=BSN_B)
    )
    preview = services.imports.preview_bytes(csv_bytes(GOOD_ROWS[0]), "a.csv")
    assert preview.rows[0].match is MatchKind.NEW


def test_one_person_twice_in_a_file_becomes_one_resident(services: Services) -> None:
    rows = [
        csv_row(zaaknummer="ZK-1", bsn=BSN_A),
        csv_row(zaaknummer="ZK-2", bsn=BSN_A, vraag="Tweede melding"),
        csv_row(zaaknummer="ZK-3", achternaam="Zonder", geboortedatum="3-3-1933"),
        csv_row(zaaknummer="ZK-4", achternaam="Zonder", geboortedatum="03-03-1933"),
    ]
    preview = services.imports.preview_bytes(csv_bytes(*rows), "a.csv")
    assert [(r.match, r.same_as) for r in preview.rows] == [
        (MatchKind.NEW, None),
        (MatchKind.SAME_IN_FILE, 2),
        (MatchKind.NEW, None),
        (MatchKind.SAME_IN_FILE, 4),
    ]
    summary = services.imports.commit(preview)
    assert (summary.created, summary.new_residents) == (4, 2)


def test_problems_of_records_imported_before_no_longer_count(services: Services) -> None:
    data = csv_bytes(GOOD_ROWS[0])
    services.imports.commit(services.imports.preview_bytes(data, "a.csv"))
    services.store.clock.advance(days=400)  # type: ignore[attr-defined]
    again = services.imports.preview_bytes(data, "a.csv")
    assert again.is_valid and again.rows[0].state is RowState.ALREADY_IMPORTED


def test_imported_residents_can_be_found_and_the_history_is_stamped(services: Services) -> None:
    summary = services.imports.commit(services.imports.preview_bytes(json_bytes(zaak_item()), "a"))
    with services.store.transaction() as session:
        change = session.scalars(select(StatusChange)).one()
        assert change.report_id == summary.report_ids[0]
        assert change.changed_at == services.store.clock.now()
    found = services.residents.search("6291ab")
    assert [r.surname for r in found] == ["Verzonnen"]
    assert found[0].phone == "+31433061234"
