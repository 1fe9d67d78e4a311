"""Retention and erasure remove what they promise (checked in every table of the store)
and keep the anonymous figures; inzage exports everything about one resident."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.factories import BSN_A, BSN_B, report, resident
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import ClosingReason, MemberRole
from wijkteam.errors import NotAllowed
from wijkteam.security.context import AuditAction
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.inputs import VisitInput
from wijkteam.store import Store
from wijkteam.store.models import Report
from wijkteam.wiring import Services

UNIQUE_QUESTION = "De buurman ziet meneer al weken niet meer"
GONE = ["Quispelaar", BSN_A, "0612345678", UNIQUE_QUESTION]
KEPT = ["Blijfhier", BSN_B]


def _everything(store: Store) -> str:
    """Every value in every table (search index shadow tables included), lower-cased."""
    parts: list[str] = []
    with store.engine.connect() as connection:
        tables = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table'"
        ).scalars()
        for table in list(tables):
            for row in connection.exec_driver_sql(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, bytes):
                        parts.append(value.decode("utf-8", "replace"))
                    elif value is not None:
                        parts.append(str(value))
    return "\n".join(parts).lower()


def _case(services: Services, clock: FixedClock, surname: str, bsn: str, phone: str = "") -> int:
    question = UNIQUE_QUESTION if surname == "Quispelaar" else "Een andere vraag"
    saved = services.reports.register(
        report(question=question), resident=resident(surname=surname, bsn=bsn, phone=phone)
    )
    services.visits.plan(saved.id, VisitInput(date=f"{clock.today():%d-%m-%Y}", time="23:00"))
    services.visits.mark_held(saved.id)
    services.reports.close(saved.id, ClosingReason.SOLVED_VOORVELD, "samen opgelost")
    return saved.id


def _acknowledge(store: Store, report_id: int, at: datetime) -> None:
    with store.transaction() as session:
        session.get(Report, report_id).sync_acknowledged_at = at  # type: ignore[union-attr]


def test_retention_lists_due_and_problem_cases_and_removes_after_confirmation(
    services: Services, clock: FixedClock
) -> None:
    gone = _case(services, clock, "Quispelaar", BSN_A, "06 12345678")
    kept = _case(services, clock, "Blijfhier", BSN_B)
    never = services.reports.register(report(), resident=resident(surname="Nooitbevestigd"))
    services.reports.close(never.id, ClosingReason.MOVED)
    _acknowledge(services.store, gone, clock.now())
    _acknowledge(services.store, kept, clock.now() + timedelta(days=30))
    assert services.retention.due() == []
    clock.advance(days=95)
    due = services.retention.due()
    assert [c.report_id for c in due] == [gone]
    gone_uuid = services.reports.get(gone).uuid
    person_uuid = services.residents.get(due[0].resident_id).uuid
    assert due[0].resident_name.startswith("Quispelaar")
    assert [c.report_id for c in services.retention.problems()] == [never.id]

    summary = services.retention.remove([gone, kept, never.id])  # only what is due goes
    assert (summary.reports, summary.residents) == (1, 1)
    everything = _everything(services.store)
    for word in GONE:
        assert word.lower() not in everything, word
    for word in KEPT:
        assert word.lower() in everything
    assert services.reports.get(kept).id == kept
    assert [c.report_id for c in services.retention.problems()] == [never.id]
    figures = services.retention.figures()
    assert [(f.closing_reason, f.removal, f.cases, f.visited_in_time) for f in figures] == [
        ("solved_voorveld", "retention", 1, 1)
    ]
    # Named by UUID: the melding and its resident (nothing else of theirs was left) are gone.
    removal = services.audit.events(AuditQuery(action=AuditAction.RETENTION_REMOVAL))
    assert {(e.object_type, e.object_uuid, e.resident_uuid) for e in removal} == {
        ("report", gone_uuid, person_uuid),
        ("resident", person_uuid, person_uuid),
    }


def test_erasure_removes_one_resident_everywhere(services: Services, clock: FixedClock) -> None:
    gone = _case(services, clock, "Quispelaar", BSN_A, "06 12345678")
    resident_id = services.reports.get(gone).resident_id
    person_uuid = services.residents.get(resident_id).uuid
    services.reports.register(report(question="Nog een vraag"), resident_id=resident_id)
    _case(services, clock, "Blijfhier", BSN_B)
    services.privacy.erase(resident_id)
    everything = _everything(services.store)
    for word in [*GONE, "nog een vraag"]:
        assert word.lower() not in everything, word
    for word in KEPT:
        assert word.lower() in everything
    figures = {(f.closing_reason, f.removal, f.cases) for f in services.retention.figures()}
    assert figures == {("solved_voorveld", "erasure", 1), ("open", "erasure", 1)}
    erased = services.audit.events(AuditQuery(action=AuditAction.ERASE))
    assert [(e.object_type, e.object_uuid, e.resident_uuid) for e in erased] == [
        ("resident", person_uuid, person_uuid)
    ]


def test_members_cannot_erase_or_export(services: Services, member) -> None:  # type: ignore[no-untyped-def]
    saved = services.reports.register(report(), resident=resident())
    services.context.act_as(member.id, MemberRole.MEMBER)
    for action in (
        lambda: services.privacy.erase(saved.resident_id),
        lambda: services.privacy.inzage(saved.resident_id),
        lambda: services.retention.due(),
        lambda: services.retention.remove([saved.id]),
    ):
        with pytest.raises(NotAllowed):
            action()
