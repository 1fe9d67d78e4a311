"""The audit log: who did what to which record, never the content; tampering shows."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.factories import BSN_A, report, resident
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import NotAllowed
from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.inputs import VisitInput
from wijkteam.store import Store
from wijkteam.wiring import Services
from wijkteam.wiring.setup import Opened

PERSONAL = ["Verzonnen", "Zoë", BSN_A, "6291 AB", "Mijn moeder"]


def _events(services: Services, **filters: object) -> list[tuple[str, str, int | None]]:
    rows = services.audit.events(AuditQuery(**filters), limit=1000)  # type: ignore[arg-type]
    return [(e.action.value, e.object_type, e.resident_id) for e in reversed(rows)]


def test_views_and_changes_are_logged_with_ids_only(team: Opened) -> None:
    services = team.services
    saved = services.reports.register(report(), resident=resident(bsn=BSN_A))
    rid = saved.resident_id
    services.residents.get(rid)
    services.reports.for_resident(rid)
    services.residents.update(rid, resident(bsn=BSN_A, place="Lemiers"))
    services.visits.plan(saved.id, VisitInput(date="20-11-2026", time="10:00"))
    services.audit.log(AuditAction.PRINT, "report", saved.id, rid)
    about_resident = _events(services, resident_id=rid)
    assert about_resident[:5] == [
        ("create", "resident", rid),
        ("create", "report", rid),
        ("view", "resident", rid),
        ("view", "report_list", rid),
        ("change", "resident", rid),
    ]
    assert ("change", "report", rid) in about_resident
    assert about_resident[-1] == ("print", "report", rid)
    everything = services.audit.events(AuditQuery(resident_id=rid), limit=1000)
    assert {e.actor_member_id for e in everything} == {team.member.id}
    assert {e.origin for e in everything} == {services.context.origin}
    out = io.StringIO()
    services.audit.export_csv(AuditQuery(), out)
    for word in PERSONAL:
        assert word not in out.getvalue()


def test_the_audit_table_holds_no_content(team: Opened) -> None:
    services = team.services
    saved = services.reports.register(report(), resident=resident(bsn=BSN_A))
    services.residents.get(saved.resident_id)
    with services.store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT * FROM audit_event").fetchall()
    dump = repr(rows)
    for word in PERSONAL:
        assert word not in dump


def test_refusals_are_logged(team: Opened) -> None:
    services = team.services
    services.context.act_as(team.member.id, MemberRole.MEMBER)  # as if a member signed in
    with pytest.raises(NotAllowed):
        services.members.add("Iemand Anders", "IA")
    services.context.act_as(team.member.id, MemberRole.COORDINATOR)
    refused = [
        e for e in services.audit.events(AuditQuery(), limit=100) if e.result is AuditResult.REFUSED
    ]
    assert [(e.action, e.object_type) for e in refused] == [(AuditAction.ACCOUNT, "member")]


def test_only_coordinators_read_the_log(team: Opened) -> None:
    team.services.context.act_as(team.member.id, MemberRole.MEMBER)
    with pytest.raises(NotAllowed):
        team.services.audit.events(AuditQuery())
    with pytest.raises(NotAllowed):
        team.services.audit.export_csv(AuditQuery(), io.StringIO())


def _raw(store: Store, *statements: str) -> None:
    """An attacker with SQL access to the open store: triggers dropped first."""
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_event_no_update")
        connection.exec_driver_sql("DROP TRIGGER audit_event_no_delete")
        for statement in statements:
            connection.exec_driver_sql(statement)


@pytest.fixture
def logged(services: Services) -> Services:
    saved = services.reports.register(report(), resident=resident())
    for _ in range(5):
        services.residents.get(saved.resident_id)
    assert services.audit.verify().intact
    return services


def test_the_log_cannot_be_changed_through_the_store(logged: Services) -> None:
    from sqlalchemy.exc import DatabaseError

    with pytest.raises(DatabaseError), logged.store.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM audit_event WHERE id = 2")
    with pytest.raises(DatabaseError), logged.store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE audit_event SET action = 'view' WHERE id = 1")


def test_an_altered_entry_is_detected(logged: Services) -> None:
    _raw(logged.store, "UPDATE audit_event SET resident_id = 99 WHERE id = 3")
    check = logged.audit.verify()
    assert [(p.event_id, p.kind) for p in check.problems] == [(3, "altered")]


def test_a_removed_entry_is_detected(logged: Services) -> None:
    _raw(logged.store, "DELETE FROM audit_event WHERE id = 4")
    assert [(p.event_id, p.kind) for p in logged.audit.verify().problems] == [(5, "missing_before")]


def test_removing_the_newest_entries_is_detected(logged: Services) -> None:
    last = logged.audit.count(AuditQuery())
    _raw(logged.store, f"DELETE FROM audit_event WHERE id >= {last - 1}")
    assert [p.kind for p in logged.audit.verify().problems] == ["missing_at_end"]


def test_export_writes_csv(logged: Services, tmp_path: Path) -> None:
    target = tmp_path / "auditlog.csv"
    with target.open("w", encoding="utf-8-sig", newline="") as out:
        written = logged.audit.export_csv(AuditQuery(action=AuditAction.VIEW), out)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert written == 5 and len(lines) == 6
    assert lines[0].startswith("id;tijdstip_utc;")
    assert logged.audit.events(AuditQuery(action=AuditAction.EXPORT))  # exporting is logged


def test_imports_are_logged(services: Services) -> None:
    from tests.sync.import_files import csv_bytes, csv_row

    data = csv_bytes(csv_row(zaaknummer="ZK-9", ontvangen="15-11-2026"), encoding="utf-8")
    preview = services.imports.preview_bytes(data, "meldingen.csv")
    services.imports.commit(preview)
    created = services.audit.events(AuditQuery(action=AuditAction.CREATE))
    assert created[0].object_type == "import"
