"""The audit log: who did what to which record, never the content; each device writes its own
hash chain, named by UUID, and the check notices altered rows and missing ones."""

from __future__ import annotations

import io
import secrets
import shutil
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.audit_rows import audit_rows
from tests.factories import BSN_A, report, resident
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import NotAllowed
from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.inputs import VisitInput
from wijkteam.store import Store, open_store, store_path
from wijkteam.store.audit_chain import read_heads
from wijkteam.store.models import AuditEvent
from wijkteam.wiring import Services
from wijkteam.wiring.setup import Opened

PERSONAL = ["Verzonnen", "Zoë", BSN_A, "6291 AB", "Mijn moeder"]


def _about(services: Services, resident_id: int) -> list[tuple[str, str, int | None]]:
    rows = audit_rows(services, AuditQuery(resident_id=resident_id))
    return [(e.action.value, e.object_type, e.resident_id) for e in rows]


def test_views_and_changes_name_device_member_record_and_resident_by_uuid(team: Opened) -> None:
    services = team.services
    saved = services.reports.register(report(), resident=resident(bsn=BSN_A))
    rid = saved.resident_id
    services.residents.get(rid)
    services.reports.for_resident(rid)
    services.residents.update(rid, resident(bsn=BSN_A, place="Lemiers"))
    services.visits.plan(saved.id, VisitInput(date="20-11-2026", time="10:00"))
    services.audit.log(AuditAction.PRINT, "report", saved.id, rid)
    about_resident = _about(services, rid)
    assert about_resident[:5] == [
        ("create", "resident", rid),
        ("create", "report", rid),
        ("view", "resident", rid),
        ("view", "report_list", rid),
        ("change", "resident", rid),
    ]
    assert ("change", "report", rid) in about_resident
    assert about_resident[-1] == ("print", "report", rid)
    everything = audit_rows(services, AuditQuery(resident_id=rid))
    person = services.residents.get(rid)
    assert {e.resident_uuid for e in everything} == {person.uuid}
    assert {e.actor_member_uuid for e in everything} == {team.member.uuid}
    assert {e.responsible_member_uuid for e in everything} == {team.member.uuid}
    assert {e.device_uuid for e in everything} == {uuid.UUID(services.context.origin)}
    melding = [e for e in everything if e.object_type == "report"]
    assert {e.object_uuid for e in melding} == {saved.uuid}
    out = io.StringIO()
    services.audit.export_csv(AuditQuery(), out)
    for word in PERSONAL:
        assert word not in out.getvalue()


def test_a_member_acting_for_a_colleague_is_logged_with_the_colleague_responsible(
    team: Opened,
) -> None:
    services = team.services
    colleague = services.members.add("Cees Collega", "CE", MemberRole.MEMBER)
    services.context.act_for(colleague.id)
    saved = services.reports.register(report(), resident=resident())
    row = audit_rows(services, AuditQuery(resident_id=saved.resident_id))[-1]
    assert (row.actor_member_uuid, row.responsible_member_uuid) == (
        team.member.uuid,
        colleague.uuid,
    )


def test_sequence_numbers_count_per_device_without_gaps(services: Services) -> None:
    services.reports.register(report(), resident=resident())
    rows = audit_rows(services)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    heads = read_heads(services.store.path.parent)  # type: ignore[union-attr]
    assert heads is not None
    device = uuid.UUID(services.context.origin)
    assert heads[device].seq == len(rows)


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
    refused = [r for r in audit_rows(services) if r.result is AuditResult.REFUSED]
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


def _problems(services: Services) -> list[tuple[int, str, int]]:
    return [(p.seq, p.kind, p.missing) for p in services.audit.verify().problems]


def test_the_log_cannot_be_changed_through_the_store(logged: Services) -> None:
    from sqlalchemy.exc import DatabaseError

    with pytest.raises(DatabaseError), logged.store.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM audit_event WHERE seq = 2")
    with pytest.raises(DatabaseError), logged.store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE audit_event SET action = 'view' WHERE seq = 1")


def test_an_altered_entry_is_detected(logged: Services) -> None:
    _raw(logged.store, "UPDATE audit_event SET action = 'print' WHERE seq = 3")
    assert _problems(logged) == [(3, "altered", 0)]


def test_a_removed_entry_is_a_gap_in_the_sequence(logged: Services) -> None:
    _raw(logged.store, "DELETE FROM audit_event WHERE seq = 4")
    assert _problems(logged) == [(5, "missing_before", 1)]


def test_removing_the_newest_entries_is_detected(logged: Services) -> None:
    last = max(r.seq for r in audit_rows(logged))
    _raw(logged.store, f"DELETE FROM audit_event WHERE seq >= {last - 1}")
    assert _problems(logged) == [(last, "missing_at_end", 2)]


def test_a_restored_older_store_is_noticed(data_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    """A copy of the store made earlier (a back-up) put back: the head file next to it, which
    back-ups do not copy, still knows the rows written since."""
    key = secrets.token_bytes(32)
    path = store_path(data_dir)
    services = Services.create(open_store(path, key, clock=clock))
    saved = services.reports.register(report(), resident=resident())
    services.store.close()
    shutil.copy2(path, data_dir / "copy.db")
    services = Services.create(open_store(path, key, clock=clock))
    for _ in range(3):
        services.residents.get(saved.resident_id)
    services.store.close()
    shutil.copy2(data_dir / "copy.db", path)  # the older store back in its place
    restored = Services.create(open_store(path, key, clock=clock))
    try:
        check = restored.audit.verify()
        assert [(p.kind, p.missing) for p in check.problems] == [("missing_at_end", 3)]
    finally:
        restored.store.close()


def test_rows_copied_from_another_device_are_a_plain_insert_and_verify(
    tmp_path: Path,
    clock,  # type: ignore[no-untyped-def]
) -> None:
    key = secrets.token_bytes(32)
    laptop = Services.create(open_store(store_path(tmp_path / "a"), key, clock=clock))
    other = Services.create(open_store(store_path(tmp_path / "b"), key, clock=clock))
    try:
        laptop.reports.register(report(), resident=resident())
        other.reports.register(report(), resident=resident(surname="Anders"))
        with laptop.store.engine.connect() as source:
            rows = [dict(r._mapping) for r in source.execute(select(AuditEvent.__table__))]
        with other.store.engine.begin() as target:
            for row in rows:
                row.pop("id")
                target.execute(AuditEvent.__table__.insert(), row)
        check = other.audit.verify()
        assert check.intact and check.devices == 2
        assert check.checked == len(audit_rows(other)) > len(rows)
    finally:
        laptop.store.close()
        other.store.close()


def test_export_writes_csv_with_dutch_columns_and_labels(logged: Services, tmp_path: Path) -> None:
    from wijkteam.services.audit_log import Labels

    target = tmp_path / "auditlog.csv"
    with target.open("w", encoding="utf-8-sig", newline="") as out:
        written = logged.audit.export_csv(
            AuditQuery(action=AuditAction.VIEW), out, Labels(actions={"view": "bekeken"})
        )
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    views = audit_rows(logged, AuditQuery(action=AuditAction.VIEW))
    assert written == len(views) >= 5 and len(lines) == written + 1
    assert lines[0].startswith("tijdstip_utc;apparaat;volgnummer;teamlid;")
    assert all(";bekeken;" in line for line in lines[1:])
    assert logged.audit.events(AuditQuery(action=AuditAction.EXPORT))  # exporting is logged


def test_imports_name_each_new_resident_and_melding(services: Services) -> None:
    from tests.sync.import_files import csv_bytes, csv_row

    data = csv_bytes(csv_row(zaaknummer="ZK-9", ontvangen="15-11-2026"), encoding="utf-8")
    preview = services.imports.preview_bytes(data, "meldingen.csv")
    services.imports.commit(preview)
    created = [r for r in audit_rows(services) if r.action is AuditAction.CREATE]
    assert [r.object_type for r in created][-3:] == ["import", "report", "resident"]
    melding = next(r for r in created if r.object_type == "report")
    assert melding.object_id is not None and melding.resident_id is not None
    assert services.reports.get(melding.object_id).resident_id == melding.resident_id
