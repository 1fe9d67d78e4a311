"""What the team's sync holds about the resident outside the dossier itself: values two
laptops changed differently (`team_conflict`: as it was, this laptop's, the other's) and
records that arrived before the record they belong to (`team_waiting`). Both hold the
resident's data until they are settled or placed, so an inzage shows them, in plain Dutch."""

from __future__ import annotations

import json
import uuid
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.contacts import Theme
from wijkteam.security.audit_labels import object_label
from wijkteam.services.privacy_inzage_trail import Section, section
from wijkteam.services.privacy_ledger import erased_records
from wijkteam.services.privacy_words import Words, dutch_moment, local
from wijkteam.store.models import Member, Resident, TeamConflict, TeamWaiting
from wijkteam.store.team_kinds import BY_NAME, decode


def unsettled_section(
    session: Session, words: Words, resident: Resident, extra: set[uuid.UUID]
) -> list[Section]:
    records = {resident.uuid, *extra}
    records |= {
        uuid.UUID(u) for found in erased_records(session, resident.id).values() for u in found
    }
    members = {m.uuid: m.id for m in session.execute(select(Member.uuid, Member.id))}
    parts = []
    conflicts = _conflicts(session, words, records, members)
    if conflicts is not None:
        parts.append(conflicts)
    parts += _waiting(session, words, records, members)
    if not parts:
        return []
    return [
        section(words.heading("unsettled"), intro=words.heading("unsettled_intro"), parts=parts)
    ]


def _conflicts(
    session: Session, words: Words, records: set[uuid.UUID], members: dict[uuid.UUID, int]
) -> Section | None:
    rows = [
        r
        for r in session.scalars(select(TeamConflict).order_by(TeamConflict.id))
        if r.record_uuid in records
    ]
    if not rows:
        return None
    texts = words.texts["unsettled"]
    body = []
    for r in rows:
        kept = texts["open"] if r.settled_at is None else texts["kept_" + str(r.kept)]
        body.append(
            [
                _what(words, r.kind, r.field),
                _shown(words, members, r.kind, r.field, r.base),
                _shown(words, members, r.kind, r.field, r.mine),
                _shown(words, members, r.kind, r.field, r.theirs),
                dutch_moment(local(r.found_at)),
                str(kept),
            ]
        )
    columns = [str(texts[c]) for c in ("what", "base", "mine", "theirs", "found_at", "state")]
    return section(
        words.heading("conflicts"),
        intro=words.heading("conflicts_intro"),
        table={"kolommen": columns, "rijen": body},
    )


def _waiting(
    session: Session, words: Words, records: set[uuid.UUID], members: dict[uuid.UUID, int]
) -> list[Section]:
    rows = list(session.scalars(select(TeamWaiting).order_by(TeamWaiting.id)))
    bodies = {r.id: json.loads(r.payload) for r in rows}
    theirs = {str(u) for u in records}
    found: dict[int, TeamWaiting] = {}
    while True:  # a record waiting under one of theirs that is waiting too
        more = [r for r in rows if r.id not in found and _theirs(r, bodies[r.id], theirs)]
        if not more:
            break
        for r in more:
            found[r.id] = r
            theirs.add(str(r.record_uuid))
    parts = []
    for r in found.values():
        kind = BY_NAME.get(r.kind)
        if kind is None or r.kind not in words.texts["fields"]:
            continue
        row = SimpleNamespace(**_decoded(r.kind, bodies[r.id], members))
        fields = words.fields(r.kind, row)
        for theme in bodies[r.id].get("contact_theme", []):
            if theme.get("text"):
                fields.append([words.code(Theme(theme["theme"])), str(theme["text"])])
        heading = str(words.texts["unsettled"]["waiting"]).format(what=object_label(r.kind))
        parts.append(section(heading, fields))
    if not parts:
        return []
    return [section(words.heading("waiting"), intro=words.heading("waiting_intro"), parts=parts)]


def _theirs(row: TeamWaiting, body: dict[str, Any], theirs: set[str]) -> bool:
    """The record is the resident's, or refers to one of theirs."""
    kind = BY_NAME.get(row.kind)
    if str(row.record_uuid) in theirs:
        return True
    return kind is not None and any(body.get(column) in theirs for column in kind.refs)


def _decoded(kind_name: str, body: dict[str, Any], members: dict[uuid.UUID, int]) -> dict[str, Any]:
    kind = BY_NAME[kind_name]
    values: dict[str, Any] = {}
    for column in kind.table.columns:
        if column.name not in body:
            continue
        value = body[column.name]
        if column.name in kind.refs:
            # A member's name is shown; a reference to another record is not a value.
            values[column.name] = (
                members.get(uuid.UUID(value))
                if kind.refs[column.name] == "member" and value
                else None
            )
        else:
            values[column.name] = decode(column, value)
    return values


def _what(words: Words, kind: str, field: str) -> str:
    label = words.texts["fields"].get(kind, {}).get(field, field)
    return f"{object_label(kind).capitalize()}: {label}"


def _shown(
    words: Words, members: dict[uuid.UUID, int], kind: str, field: str, wire: str | None
) -> str:
    if wire is None:
        return str(words.texts["unsettled"]["empty"])
    value = json.loads(wire).get("v")
    if value is None or value == "":
        return str(words.texts["unsettled"]["empty"])
    record = BY_NAME.get(kind)
    if record is not None and field in record.refs:
        if record.refs[field] == "member":
            return words.member(members.get(uuid.UUID(str(value))))
        return str(words.texts["unsettled"]["other_record"])
    if record is not None and field in record.table.c:
        value = decode(record.table.c[field], value)
    return words.value(field, value)
