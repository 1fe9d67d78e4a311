"""The inzage is complete and readable (issue 13 point 3; AVG art. 15, Wmo 2015 art. 5.3.2).

The completeness test walks every table that refers to a resident (directly or through a
melding, a conversation, a step, a referral …), found in the mapped metadata's foreign keys,
so a table added later is walked too. Every value held there must be in the PDF and in the
JSON, worded for the resident, unless its column is on the short reviewed list below.
"""

from __future__ import annotations

import json
import re
import secrets
from datetime import UTC, date, datetime, time
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    Uuid,
    select,
)
from sqlalchemy import Enum as SqlEnum

from tests.documents.pdftext import pages_text
from tests.factories import report, resident
from wijkteam.demo.generator import generate
from wijkteam.domain.contacts import ContactKind, MessageMedium, Theme
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.social_map import MapCategory
from wijkteam.domain.steps import FollowUpState, StepActor
from wijkteam.domain.sync import BatchChannel, BatchState, RemoteState, Undelivered
from wijkteam.resources import resource
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.draft_codec import decode
from wijkteam.store.models import (
    AuditEvent,
    Base,
    FollowUp,
    Member,
    Referral,
    Report,
    Resident,
    SocialMapEntry,
    Step,
    SyncBatch,
    SyncBatchCase,
    SyncRemote,
)
from wijkteam.validation.rules import format_phone
from wijkteam.wiring import Services
from wijkteam.wiring.setup import Opened

# Columns an inzage does not show, each with the reason it was reviewed and found to hold
# nothing about the person that is not shown elsewhere. Keep this list short.
NOT_SHOWN: dict[str, str] = {
    "*.id": "a row number inside this laptop's store",
    "*.uuid": "a random identifier, for the sync",
    "*.created_at": "when the row was stored; the protocol shows who did what, when",
    "*.updated_at": "when the row was last stored; the protocol shows who did what, when",
    "resident.search_text": "a search copy of name, postcode and BSN, all shown",
    "resident.surname_key": "a search copy of the surname, shown",
    "document.sha256": "a checksum of the attached document itself",
    # links that only say where a row belongs: the inzage shows the row in its place
    "report.resident_id": "structure",
    "contact.resident_id": "structure",
    "contact_draft.resident_id": "structure",
    "contact_draft.contact_id": "structure",
    "document.resident_id": "structure",
    "social_map_gap.resident_id": "structure",
    "social_map_gap.withdrawn": "always false in an inzage: a withdrawn note has no resident",
    "status_change.report_id": "structure",
    "home_visit.report_id": "structure",
    "referral.report_id": "structure",
    "step.report_id": "structure",
    "follow_up.report_id": "structure",
    "follow_up.step_id": "structure",
    "contact_theme.contact_id": "structure",
    "referral_consent.referral_id": "structure",
    # tables that name a melding or a resident by UUID (the sync's, the audit trail's)
    "sync_batch_case.case_uuid": "structure",
    "sync_remote.case_uuid": "structure",
    "sync_remote.resource_uuid": "a random identifier of what was sent; its kind is shown",
    "sync_remote.local_url": "the record's address for the sync: kind and identifier only",
    "sync_remote.remote_url": "the record's address at the municipality: identifiers only",
    "sync_remote.body_sha256": "a checksum of what was sent",
    "sync_remote.http_status": "the server's technical answer; why is shown in words",
    "sync_remote.error_codes": "the server's technical answer; why is shown in words",
    "report_event.report_id": "structure",
    "report_event.subject_uuid": "what the event is about, shown in its own place "
    "(a handover names the colleague who took over)",
    "report_event.cancels_uuid": "the event it undoes; the undoing is shown by its kind",
    "audit_event.resident_uuid": "structure",
    "audit_event.object_uuid": "which record: the protocol names its kind",
    "audit_event.device_uuid": "a random identifier of the laptop",
    "audit_event.seq": "the row's number in the laptop's chain of audit rows",
    "audit_event.previous_hash": "a checksum that chains the audit rows",
    "audit_event.entry_hash": "a checksum that chains the audit rows",
}
# Tables that name residents by UUID but never a resident the team still holds.
NEVER_REACHED: dict[str, str] = {
    "erasure": "the ledger names only residents who were erased",
    # The team sync's bookkeeping (wijkteam/teamsync): copies of the records shown above, an
    # erasure removes them with the records (tests/team/test_erasure_copies.py).
    "team_outbox": "an unpushed copy of a record the inzage shows",
    "team_synced": "the last-synced copy of a record the inzage shows",
    "team_waiting": "a record that arrived before its parent; shown once applied",
    "team_conflict": "a value another laptop holds until the member settles it (not yet shown)",
    # Names its member and laptop by UUID, no resident: the meldingen a batch carried are in
    # sync_batch_case, through which the inzage shows the resident's batches.
    "sync_batch": "an export: when, how and by whom, reached through sync_batch_case",
}
# Tables whose rows cannot be changed after they were written (triggers refuse it).
APPEND_ONLY = frozenset({"audit_event", "report_event"})
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
TEXTS = json.loads(resource("documents", "inzage.json").read_text(encoding="utf-8"))
AUDIT_TEXTS = json.loads(resource("documents", "audit.json").read_text(encoding="utf-8"))


def _date(value: date) -> str:
    return f"{value.day} {MONTHS.split()[value.month - 1]} {value.year}"


def _moment(value: datetime) -> str:
    return f"{_date(value.date())} om {value:%H:%M}"


def _local(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _reviewed(table: str, column: str) -> bool:
    return f"{table}.{column}" in NOT_SHOWN or f"*.{column}" in NOT_SHOWN


# --- the walk -----------------------------------------------------------------------------------
def reachable_rows(services: Services, resident_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table that refers to the resident, directly or through rows that
    do: by the foreign keys of the mapped metadata, and by UUID columns that name a reached
    row (tables that link by UUID, as the sync's do, are walked too)."""
    keys: dict[str, set[int]] = {"resident": {resident_id}}
    uuids: set[Any] = set()
    rows: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {}
    resident_table = Base.metadata.tables["resident"]
    with services.store.engine.connect() as connection:
        first = connection.execute(select(resident_table).where(resident_table.c.id == resident_id))
        rows["resident"] = {(resident_id,): dict(first.mappings().one())}
        uuids.add(rows["resident"][(resident_id,)]["uuid"])
        changed = True
        while changed:
            changed = False
            for table in Base.metadata.sorted_tables:
                if table.name == "resident":
                    continue
                links = [
                    key.parent.in_(keys[key.column.table.name])
                    for key in table.foreign_keys
                    if keys.get(key.column.table.name)
                ]
                links += [
                    column.in_(uuids)
                    for column in table.columns
                    if isinstance(column.type, Uuid) and column.name != "uuid" and uuids
                ]
                for link in links:
                    for row in connection.execute(select(table).where(link)).mappings():
                        pk = tuple(row[c.name] for c in table.primary_key.columns)
                        if pk in rows.setdefault(table.name, {}):
                            continue
                        rows[table.name][pk] = dict(row)
                        changed = True
                        if "id" in table.c:
                            keys.setdefault(table.name, set()).add(row["id"])
                        if "uuid" in table.c:
                            uuids.add(row["uuid"])
    return {name: list(found.values()) for name, found in rows.items() if found}


def reachable_tables() -> set[str]:
    """Tables linked to the resident by foreign keys, and tables that name records by UUID."""
    names = {
        t.name
        for t in Base.metadata.sorted_tables
        if t.name not in NEVER_REACHED
        and any(isinstance(c.type, Uuid) and c.name != "uuid" for c in t.columns)
    }
    names.add("resident")
    grew = True
    while grew:
        grew = False
        for table in Base.metadata.sorted_tables:
            if table.name not in names and any(
                k.column.table.name in names for k in table.foreign_keys
            ):
                names.add(table.name)
                grew = True
    return names


# --- a demo resident with something in every table ----------------------------------------------
def _filler(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, SqlEnum):
        return next(iter(kind.enum_class))
    if isinstance(kind, DateTime):
        return datetime(2026, 11, 5, 13, 45)
    if isinstance(kind, Date):
        return date(2026, 10, 27)
    if isinstance(kind, Time):
        return time(16, 20)
    if isinstance(kind, Boolean):
        return True
    if isinstance(kind, Integer):
        return 37
    if isinstance(kind, String | Text):
        return ("Q" + secrets.token_hex(6))[: kind.length or 13]
    if isinstance(kind, LargeBinary):
        return None
    raise AssertionError(f"no filler for {column}")


def fill_every_column(services: Services, resident_id: int) -> None:
    """Gives every empty column of every reachable row a value, so the walk checks them
    all (a column added later gets one too)."""
    reached = reachable_rows(services, resident_id)
    with services.store.engine.begin() as connection:
        for name, rows in reached.items():
            if name in APPEND_ONLY:
                continue
            table = Base.metadata.tables[name]
            for row in rows:
                values = {
                    c.name: _filler(c)
                    for c in table.columns
                    if row[c.name] is None and not c.foreign_keys and not _reviewed(name, c.name)
                }
                values = {k: v for k, v in values.items() if v is not None}
                if name == "resident" and "bsn" in values:
                    values["bsn"] = "999990019"
                if values:
                    where = [c == row[c.name] for c in table.primary_key.columns]
                    connection.execute(table.update().where(*where).values(**values))


def rich_resident(team: Opened) -> int:
    """A demo resident with a referral, given what the demo lacks: conversations with
    themes, a step with nazorg, a note not yet saved, a gap, a document and an export."""
    services = team.services
    generate(services.store, services.audit, residents=30)
    with services.store.transaction() as session:
        report_id = session.scalars(select(Referral.report_id).order_by(Referral.id)).first()
        chosen = session.get(Report, report_id)
        assert chosen is not None
        resident_id, member_id = chosen.resident_id, chosen.assigned_member_id
        entry_id = session.scalars(select(SocialMapEntry.id)).first()
    home = services.contacts.record(
        resident_id,
        ContactInput(
            kind=ContactKind.HOME_VISIT,
            date="10-11-2026",
            time="14:00",
            duration="50",
            member_id=member_id,
            report_id=report_id,
            themes={
                Theme.WHO: "Mevrouw woont sinds 1998 aan de Kerkstraat en houdt van haar tuin.",
                Theme.NETWORK: "Haar nicht Elke komt elke zondag koffie drinken.",
            },
            notes="Samen gekeken naar de wandelgroep van dinsdag.",
        ),
    )
    services.contacts.record(
        resident_id,
        ContactInput(
            kind=ContactKind.MESSAGE,
            medium=MessageMedium.WHATSAPP,
            date="12-11-2026",
            notes="Bericht gestuurd over de tijden van het Repair Café.",
        ),
    )
    services.drafts.save(
        None,
        resident_id,
        None,
        ContactInput(
            kind=ContactKind.PHONE,
            date="13-11-2026",
            themes={Theme.NEEDS: "Ze wil graag weer zelf boodschappen doen."},
            notes="Nog afmaken na het gesprek.",
        ),
    )
    services.gaps.record_gap(
        "Een schaakclub overdag in Vijlen", MapCategory.MEETING, member_id, resident_id
    )
    services.documents.record(
        resident_id, "visit_summary", "nl", b"%PDF-1.4 proefdocument", report_id=report_id
    )
    with services.store.transaction() as session:
        step = Step(
            report_id=report_id,
            contact_id=home.id,
            what="Meelopen met de wandelgroep op dinsdag",
            actor=StepActor.RESIDENT,
            social_map_entry_id=entry_id,
            member_id=member_id,
        )
        session.add(step)
        session.flush()
        session.add(
            FollowUp(
                step_id=step.id,
                report_id=report_id,
                due_on=date(2026, 12, 1),
                state=FollowUpState.REACHED,
                outcome="Ze gaat elke week, met haar buurvrouw.",
                member_id=member_id,
            )
        )
        batch = SyncBatch(
            channel=BatchChannel.PUSH,
            state=BatchState.PARTIAL,
            window_until=datetime(2026, 11, 28, 9, 0),
            acknowledged_at=datetime(2026, 11, 29, 8, 15),
        )
        session.add(batch)
        session.flush()
        case_uuid = session.get(Report, report_id).uuid  # type: ignore[union-attr]
        session.add(SyncBatchCase(batch_uuid=batch.uuid, case_uuid=case_uuid))
        session.add(
            SyncRemote(
                local_url=f"https://wijkteam.invalid/klantcontacten/{home.uuid}",
                kind="klantcontact",
                resource_uuid=home.uuid,
                case_uuid=case_uuid,
                state=RemoteState.HELD,
                body_sha256="0" * 64,
                changed_at=datetime(2026, 11, 28, 9, 5),
                batch_uuid=batch.uuid,
                reason=Undelivered.WAITS.value,
                http_status=400,
                error_codes="required",
                waits_for="zaak",
            )
        )
        services.audit.record_changes(session)  # as every writer must
    with services.store.transaction() as session:
        colleague = session.scalars(select(Member.id).where(Member.id != member_id)).first()
    assert colleague is not None
    # events with a note and a reason (events are append-only: the filler cannot give them)
    services.reports.hand_over(report_id, colleague, "Een collega neemt het over tijdens verlof.")
    services.reports.close(
        report_id, ClosingReason.MOVED, "Verhuisd naar haar dochter.", close_open_items=True
    )
    services.reports.reopen(report_id, "Toch teruggekomen naar de Kerkstraat.")
    services.residents.get(resident_id)  # a view, for the protocol
    fill_every_column(services, resident_id)
    return resident_id


# --- what the resident must find --------------------------------------------------------------
def expected_texts(services: Services, table: str, column: str, value: Any) -> list[str]:
    """The words the value must appear as (one of them)."""
    meta = Base.metadata.tables[table].c[column]
    if meta.foreign_keys:
        target = next(iter(meta.foreign_keys)).column.table.name
        with services.store.transaction() as session:
            if target == "member":
                return [session.get(Member, value).name]  # type: ignore[union-attr]
            if target == "report":
                return [_date(session.get(Report, value).received_on)]  # type: ignore[union-attr]
            if target == "social_map_entry":
                return [session.get(SocialMapEntry, value).name]  # type: ignore[union-attr]
            if target == "sync_batch":
                batch = session.get(SyncBatch, value)
                return [_moment(_local(batch.created_at))]  # type: ignore[union-attr]
            if target == "contact":
                from wijkteam.store.models import Contact

                return [_date(session.get(Contact, value).occurred_on)]  # type: ignore[union-attr]
        raise AssertionError(f"{table}.{column} refers to {target}: say how it is shown")
    if isinstance(meta.type, Uuid):
        return _named_by_uuid(services, table, column, value)
    if table == "audit_event":  # codes, in the words of the audit screen
        kind = {"action": "actions", "object_type": "objects", "result": "results"}[column]
        return [AUDIT_TEXTS[kind][value]]
    coded = TEXTS["coded"].get(f"{table}.{column}")
    if coded is not None:
        words = TEXTS["values"][coded]
        return [words[value] if table != "report_event" else words.get(value, _flat(value))]
    label = TEXTS["fields"][table][column]
    if isinstance(value, bool):
        return [label]
    if isinstance(meta.type, SqlEnum):
        member = meta.type.enum_class(value)
        return [TEXTS["values"][type(member).__name__][member.value]]
    if isinstance(value, datetime):
        utc = column in {"created_at", "sync_acknowledged_at", "acknowledged_at"} or (
            f"{table}.{column}" == "sync_remote.changed_at"
        )
        return [_moment(_local(value) if utc else value)]
    if isinstance(value, date):
        return [_date(value)]
    if isinstance(value, time):
        return [f"{value:%H:%M}"]
    if column == "size":
        return [f"{max(1, round(value / 1024))} KB"]
    if column == "phone":
        return [format_phone(value), value]
    return [_flat(str(value))]


def _named_by_uuid(services: Services, table: str, column: str, value: Any) -> list[str]:
    """A column naming another record by UUID reads as that record's name or date."""
    for target in ("member", "report", "sync_batch", "contact"):
        model = Base.metadata.tables[target]
        with services.store.engine.connect() as connection:
            row = connection.execute(select(model).where(model.c.uuid == value)).mappings().first()
        if row is None:
            continue
        if target == "member":
            return [row["name"]]
        if target == "report":
            return [_date(row["received_on"])]
        if target == "sync_batch":
            return [_moment(_local(row["created_at"]))]
        return [_date(row["occurred_on"])]
    raise AssertionError(f"{table}.{column} names {value} by UUID: say how it is shown")


@pytest.fixture
def written(team: Opened, tmp_path: Path) -> tuple[int, dict[str, Any], str, str, Path]:
    resident_id = rich_resident(team)
    files = team.services.privacy.write_inzage(resident_id, tmp_path)
    json_path, pdf_path = files.json, files.pdf
    data = json.loads(json_path.read_text(encoding="utf-8"))
    json_text = _flat(" ".join(_strings(data)))
    pdf_text = " ".join(_without_furniture(p, data) for p in pages_text(pdf_path.read_bytes()))
    return resident_id, data, json_text, pdf_text, tmp_path


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)]


def _without_furniture(page: str, data: dict[str, Any]) -> str:
    page = re.sub(rf"{re.escape(data['team'])} pagina \d+ van \d+", " ", page)
    return page.replace(f"{data['titel']} · {data['gemaakt_op']}", " ")


def test_every_value_held_about_the_resident_is_in_the_inzage(
    team: Opened,
    written: tuple[int, dict[str, Any], str, str, Path],
) -> None:
    resident_id, _data, json_text, pdf_text, folder = written
    reached = reachable_rows(team.services, resident_id)
    assert set(reached) == reachable_tables(), "give the demo resident a row in every table"
    missing: list[str] = []
    for table, rows in reached.items():
        for row in rows:
            for column, value in row.items():
                if value is None or _reviewed(table, column):
                    continue
                if table == "document" and column == "content":
                    attached = [
                        p for p in folder.glob("*-bijlage-*.pdf") if p.read_bytes() == value
                    ]
                    if not attached or attached[0].name not in pdf_text:
                        missing.append("document.content (attachment)")
                    continue
                if table == "contact_draft" and column == "content":
                    typed = decode(value)
                    wanted = [*typed.themes.values(), typed.notes]
                else:
                    linked = bool(Base.metadata.tables[table].c[column].foreign_keys)
                    if not linked and column not in TEXTS["fields"].get(table, {}):
                        missing.append(f"{table}.{column}: no label (or review it)")
                        continue
                    options = expected_texts(team.services, table, column, value)
                    wanted = [next((o for o in options if _flat(o) in pdf_text), options[0])]
                for text in wanted:
                    for where, haystack in (("PDF", pdf_text), ("JSON", json_text)):
                        if _flat(text) not in haystack:
                            missing.append(f"{table}.{column} = {text!r} not in the {where}")
    assert not missing, "\n".join(sorted(set(missing)))


def test_the_protocol_names_who_did_what_and_when(
    team: Opened, written: tuple[int, dict[str, Any], str, str, Path]
) -> None:
    resident_id, _data, json_text, pdf_text, _folder = written
    audit = json.loads(resource("documents", "audit.json").read_text(encoding="utf-8"))
    with team.services.store.transaction() as session:
        resident_uuid = session.get(Resident, resident_id).uuid  # type: ignore[union-attr]
        events = list(
            session.scalars(
                select(AuditEvent)
                .where(AuditEvent.resident_uuid == resident_uuid)
                .order_by(AuditEvent.created_at, AuditEvent.seq)
            )
        )
        inzage_itself = events.pop()  # written with the inzage, so not in it
        assert (inzage_itself.action, inzage_itself.object_type) == ("export", "resident")
        names = {u: n for u, n in session.execute(select(Member.uuid, Member.name))}
        seen = [
            (
                _moment(_local(e.created_at)),
                names.get(e.actor_member_uuid, "Wijkteam"),
                audit["actions"][e.action],
            )
            for e in events
        ]
    assert seen
    for moment, who, action in seen:
        for haystack in (pdf_text, json_text):
            assert f"{moment} {who} {action}" in haystack or (
                moment in haystack and action in haystack
            )


def test_the_inzage_speaks_plain_dutch(
    written: tuple[int, dict[str, Any], str, str, Path],
) -> None:
    _resident_id, data, json_text, pdf_text, _folder = written
    codes = {
        m.value
        for enum in _enums()
        for m in enum
        if "_" in m.value  # e.g. resident_declined, follow_up: never words of a sentence
    }
    for text in (pdf_text, json_text):
        text = re.sub(r"inzage-[\d-]+-bijlage-\d+\.pdf", "", text)  # the attachments' names
        assert not re.search(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}", text), "a UUID"
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), "an ISO date"
        assert not [c for c in codes if re.search(rf"\b{c}\b", text)]
        for english in ("first names", "birth date", "preferred channel", "Persoonsgegevens"):
            assert english not in text
    assert "Wat er met de melding gebeurde" in pdf_text
    assert "Wie uw gegevens heeft gebruikt" in pdf_text
    # What happens to a closed melding, in the PDF's words too (a laptop without a team).
    said = "verwijderen wij 90 dagen nadat de gemeente de ontvangst bevestigde"
    assert said in " ".join(data["inleiding"])
    assert "eigen zaaksysteem" in " ".join(pdf_text.split())


def _enums() -> list[type[Enum]]:
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, SqlEnum) and column.type.enum_class is not None:
                found.append(column.type.enum_class)
    return found


def test_a_resident_with_little_gets_a_short_inzage(team: Opened, tmp_path: Path) -> None:
    services = team.services
    saved = services.reports.register(report(), resident=resident(surname="Quispelaar"))
    files = services.privacy.write_inzage(saved.resident_id, tmp_path)
    json_path, pdf_path = files.json, files.pdf
    assert "Quispelaar" not in json_path.name + pdf_path.name
    text = " ".join(pages_text(pdf_path.read_bytes()))
    assert "Inzage in uw gegevens" in text and "Quispelaar" in text and "Zoë" in text
    assert not list(tmp_path.glob("*bijlage*"))
