from __future__ import annotations

from datetime import date

from tests.factories import BSN_A, report, resident
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord
from wijkteam.services.worklist import WorklistQuery, WorklistSort
from wijkteam.wiring import Services


def _fill(services: Services, member: MemberRecord) -> dict[str, int]:
    ids = {}
    ids["old"] = services.reports.register(
        report(received_on="01-11-2026"),
        resident=resident(surname="Aalders", birth_date="1-1-1940"),
    ).id
    ids["fresh"] = services.reports.register(
        report(received_on="17-11-2026", assigned_member_id=member.id),
        resident=resident(surname="Bakker", postcode="6295 AB", bsn=BSN_A, birth_date="2-2-1960"),
    ).id
    ids["soon"] = services.reports.register(
        report(received_on="06-11-2026"), resident=resident(surname="Çelik", birth_date="3-3-1970")
    ).id
    ids["planned"] = services.reports.register(
        report(received_on="12-11-2026"), resident=resident(surname="Dekker", birth_date="4-4-1980")
    ).id
    services.visits.plan(ids["planned"], VisitInput("18-11-2026", "15:00", member.id))
    ids["closed"] = services.reports.register(
        report(received_on="02-11-2026"), resident=resident(surname="Evers", birth_date="5-5-1990")
    ).id
    services.reports.close(ids["closed"], ClosingReason.MOVED)
    return ids


def test_open_meldingen_sorted_by_deadline(services: Services, member: MemberRecord) -> None:
    _fill(services, member)
    rows = services.worklist.rows(WorklistQuery())
    assert [r.resident_name.split(",")[0] for r in rows] == ["Aalders", "Çelik", "Dekker", "Bakker"]
    assert services.worklist.count(WorklistQuery()) == 4


def test_filters(services: Services, member: MemberRecord) -> None:
    _fill(services, member)
    planned = WorklistQuery(statuses=frozenset({ReportStatus.VISIT_PLANNED}))
    assert [r.resident_name for r in services.worklist.rows(planned)] == ["Dekker, Zoë"]
    mine = WorklistQuery(member_id=member.id)
    assert {r.resident_name for r in services.worklist.rows(mine)} == {"Bakker, Zoë", "Dekker, Zoë"}
    closed = WorklistQuery(statuses=frozenset({ReportStatus.CLOSED}))
    assert [r.status for r in services.worklist.rows(closed)] == [ReportStatus.CLOSED]


def test_search_on_name_postcode_and_bsn(services: Services, member: MemberRecord) -> None:
    _fill(services, member)

    def names(text: str) -> list[str]:
        return [
            r.resident_name.split(",")[0] for r in services.worklist.rows(WorklistQuery(text=text))
        ]

    assert names("celik") == ["Çelik"]
    assert names("ÇEL") == ["Çelik"]
    assert names("6295ab") == ["Bakker"]
    assert names("6295 a") == ["Bakker"]
    assert names(BSN_A) == ["Bakker"]
    assert names("zoe dek") == ["Dekker"]
    assert names("ker") == []  # words match from their start
    assert names('1000%_"') == []  # wildcards and quotes are text, not query syntax
    # Numbers narrow the list from their fourth digit (every postcode here starts with 62).
    assert len(names("62")) == len(names(""))
    assert names("6295") == ["Bakker"]


def test_sort_and_page(services: Services, member: MemberRecord) -> None:
    _fill(services, member)
    query = WorklistQuery(sort=WorklistSort.RESIDENT, descending=True)
    all_rows = services.worklist.rows(query)
    assert [r.resident_name[0] for r in all_rows] == ["D", "Ç", "B", "A"]
    assert services.worklist.rows(query, offset=1, limit=2) == all_rows[1:3]
    by_status = services.worklist.rows(WorklistQuery(sort=WorklistSort.STATUS))
    assert by_status[-1].status is ReportStatus.VISIT_PLANNED


def test_today_lists(services: Services, member: MemberRecord) -> None:
    ids = _fill(services, member)
    unplanned = services.worklist.awaiting_visit_plan()
    assert [r.report_id for r in unplanned] == [ids["old"], ids["soon"], ids["fresh"]]
    assert [r.deadline.state.value for r in unplanned] == ["overdue", "due_soon", "on_time"]
    today, tomorrow, next_monday = services.worklist.week_bounds()
    assert (today, tomorrow, next_monday) == (
        date(2026, 11, 18),
        date(2026, 11, 19),
        date(2026, 11, 23),
    )
    visits = services.worklist.visits_between(today, tomorrow)
    assert [(v.report_id, v.planned_at.hour, v.member_name) for v in visits] == [
        (ids["planned"], 15, "Tessa Testlid")
    ]
    assert services.worklist.visits_between(tomorrow, next_monday) == []
