"""The parts of an inzage that say what happened with the resident's data: the melding's
events ("Verloop van de melding"), what reached the municipality's case system, and the
protocol of who viewed or changed what and when (the audit rows naming the resident, or any
record of theirs, by UUID). Plain data for services/privacy_inzage.py."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from wijkteam.domain.status import EventKind
from wijkteam.security.audit_labels import action_label, object_label, result_label
from wijkteam.services.privacy_ledger import erased_records
from wijkteam.services.privacy_words import Words, dutch_moment, local
from wijkteam.store.models import AuditEvent, Member, Report, ReportEvent, SyncBatch, SyncRemote

Section = dict[str, Any]


def section(
    heading: str,
    fields: list[list[str]] | None = None,
    *,
    intro: str | None = None,
    table: dict[str, Any] | None = None,
    parts: list[Section] | None = None,
) -> Section:
    result: Section = {"kop": heading}
    if intro:
        result["uitleg"] = intro
    if fields:
        result["velden"] = fields
    if table is not None:
        result["tabel"] = table
    if parts:
        result["onderdelen"] = parts
    return result


def _columns(words: Words, table: str, columns: list[str]) -> list[str]:
    return [words.label(table, c) for c in columns]


def events_section(session: Session, words: Words, report: Report) -> Section | None:
    """The melding's events, oldest first, in the resident's words."""
    rows = session.scalars(
        select(ReportEvent)
        .where(ReportEvent.report_id == report.id)
        .order_by(ReportEvent.occurred_at, ReportEvent.id)
    ).all()
    if not rows:
        return None
    names = _member_names(session)
    closing = words.texts["values"]["ClosingReason"]
    body = []
    for e in rows:
        what = words.code(e.kind)
        if e.kind is EventKind.HANDED_OVER and e.subject_uuid in names:
            what = str(words.texts["handed_over_to"]).format(name=names[e.subject_uuid])
        reason = e.reason or ""
        if e.kind is EventKind.CLOSED:
            reason = closing.get(reason, reason)
        body.append(
            [
                words.value("occurred_at", e.occurred_at),
                what,
                words.member(e.member_id),
                reason,
                e.note or "",
            ]
        )
    columns = ["occurred_at", "kind", "member_id", "reason", "note"]
    return section(
        words.heading("events"),
        table={"kolommen": _columns(words, "report_event", columns), "rijen": body},
    )


def remote_section(session: Session, words: Words, report: Report) -> Section | None:
    """What the push sent of this melding to the case system, and whether it arrived."""
    rows = session.scalars(
        select(SyncRemote).where(SyncRemote.case_uuid == report.uuid).order_by(SyncRemote.id)
    ).all()
    if not rows:
        return None
    values = words.texts["values"]
    batches = {
        u: dutch_moment(local(at))
        for u, at in session.execute(select(SyncBatch.uuid, SyncBatch.created_at))
    }
    body = [
        [
            values["ResourceKind"].get(r.kind, r.kind),
            words.code(r.state),
            dutch_moment(local(r.changed_at)),
            values["Undelivered"].get(r.reason, r.reason) if r.reason else "",
            values["ResourceKind"].get(r.waits_for, r.waits_for) if r.waits_for else "",
            batches.get(r.batch_uuid, "") if r.batch_uuid else "",
        ]
        for r in rows
    ]
    columns = ["kind", "state", "changed_at", "reason", "waits_for", "batch_uuid"]
    return section(
        words.heading("sync_ledger"),
        intro=words.heading("sync_ledger_intro"),
        table={"kolommen": _columns(words, "sync_remote", columns), "rijen": body},
    )


def protocol_section(
    session: Session,
    words: Words,
    resident_id: int,
    resident_uuid: uuid.UUID,
    extra: set[uuid.UUID] | None = None,
    device: uuid.UUID | None = None,
) -> Section:
    """Every audit row that names the resident, or any record of theirs, by UUID: from every
    laptop of the team (rows sync), each named by the laptop it was written on. `extra`:
    records of theirs no longer on this laptop; `device`: this laptop."""
    records = [
        uuid.UUID(u) for found in erased_records(session, resident_id).values() for u in found
    ]
    records += sorted(extra or set())
    events = session.scalars(
        select(AuditEvent)
        .where(or_(AuditEvent.resident_uuid == resident_uuid, AuditEvent.object_uuid.in_(records)))
        .order_by(AuditEvent.created_at, AuditEvent.seq)
    )
    names = _member_names(session)
    laptops = device_names(session, words, names, device)
    rows = [
        [
            dutch_moment(local(e.created_at)),
            _who(words, names, e.actor_member_uuid, e.responsible_member_uuid),
            action_label(e.action),
            object_label(e.object_type),
            result_label(e.result),
            laptops.get(e.device_uuid, str(words.texts["unknown_device"])),
        ]
        for e in events
    ]
    columns = ["created_at", "actor_member_uuid", "action", "object_type", "result", "device_uuid"]
    return section(
        words.heading("protocol"),
        intro=words.heading("protocol_intro"),
        table={"kolommen": _columns(words, "audit_event", columns), "rijen": rows},
    )


def device_names(
    session: Session, words: Words, names: dict[uuid.UUID, str], this: uuid.UUID | None
) -> dict[uuid.UUID, str]:
    """Each laptop that wrote audit rows, named by who worked on it ("laptop van …"); this
    laptop as "deze laptop". A laptop is known by its UUID only, so its people name it."""
    used: dict[uuid.UUID, list[str]] = {}
    for device, member in session.execute(
        select(AuditEvent.device_uuid, AuditEvent.actor_member_uuid)
        .where(AuditEvent.actor_member_uuid.isnot(None))
        .distinct()
    ):
        name = names.get(member)
        if name and name not in used.setdefault(device, []):
            used[device].append(name)
    texts = words.texts["devices"]
    found: dict[uuid.UUID, str] = {}
    for device, people in used.items():
        people = sorted(people)
        who = people[0] if len(people) == 1 else " en ".join([", ".join(people[:-1]), people[-1]])
        found[device] = str(texts["of"]).format(names=who)
    if this is not None:
        found[this] = str(texts["this"])
    return found


def _who(
    words: Words,
    names: dict[uuid.UUID, str],
    actor: uuid.UUID | None,
    responsible: uuid.UUID | None,
) -> str:
    """The member who acted; the one responsible too when someone acted on their behalf."""
    who = _name(words, names, actor)
    if responsible is not None and responsible != actor:
        return str(words.texts["on_behalf"]).format(
            actor=who, responsible=_name(words, names, responsible)
        )
    return who


def _name(words: Words, names: dict[uuid.UUID, str], member: uuid.UUID | None) -> str:
    if member is None:
        return str(words.texts["system"])
    return names.get(member, str(words.texts["unknown_member"]))


def _member_names(session: Session) -> dict[uuid.UUID, str]:
    return {u: n for u, n in session.execute(select(Member.uuid, Member.name))}
