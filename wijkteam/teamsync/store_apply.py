"""Writing what the team sent into the laptop's store (inside a transaction the caller holds,
with team_capture.APPLYING set so nothing is sent back).

Records arrive by UUID; their references are mapped to local ids on arrival. A record whose
parent has not arrived yet waits (`team_waiting`) and is tried again every round; one whose
parent was erased or removed from this laptop is dropped. After the events of a melding
arrived, its status is derived again by the one status rule."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from wijkteam.services import resident_rules
from wijkteam.services.social_map import rules as map_rules
from wijkteam.services.status_moves import replay_statuses
from wijkteam.store.models import Base, Report, TeamSynced, TeamWaiting
from wijkteam.store.team_kinds import Kind, decode, sent_columns
from wijkteam.store.zgw_records import stamp_cases

WAIT, DROP = "wait", "drop"
_MODELS = {m.local_table.name: m.class_ for m in Base.registry.mappers}


class Applier:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._ids: dict[tuple[str, uuid.UUID], int] = {}
        self.reports: set[int] = set()  # whose events changed
        self.batches: set[uuid.UUID] = set()  # ZGW batches that arrived

    def local_id(self, table: str, record: uuid.UUID) -> int | None:
        key = (table, record)
        if key not in self._ids:
            t = Base.metadata.tables[table]
            found = self.session.scalar(select(t.c.id).where(t.c.uuid == record))
            if found is None:
                return None
            self._ids[key] = found
        return self._ids[key]

    def _parent_gone(self, table: str, record: uuid.UUID) -> bool:
        return bool(
            self.session.scalar(
                select(TeamSynced.id).where(
                    TeamSynced.kind == table,
                    TeamSynced.record_uuid == record,
                    (TeamSynced.gone.is_(True)) | (TeamSynced.tombstone.is_(True)),
                )
            )
        )

    def columns(self, kind: Kind, body: dict[str, Any]) -> dict[str, Any] | str:
        """The record's column values with local ids, or WAIT / DROP."""
        values: dict[str, Any] = {}
        for column in sent_columns(kind):
            if column.name not in body:
                continue
            raw = body[column.name]
            if column.name in kind.refs and raw is not None:
                table, parent = kind.refs[column.name], uuid.UUID(raw)
                local = self.local_id(table, parent)
                if local is None:
                    if column.name in kind.detach:
                        values[column.name] = None
                        continue
                    if self._parent_gone(table, parent):
                        return DROP
                    if column.name in kind.required:
                        return WAIT
                values[column.name] = local
            else:
                values[column.name] = decode(column, raw)
        if kind.name == "resident":
            values.update(resident_rules.search_columns(values))
        elif kind.name == "social_map_entry":
            values.update(map_rules.search_columns(values))
        return values

    def write(self, kind: Kind, body: dict[str, Any]) -> str | None:
        """Inserts or updates the record; returns WAIT/DROP when it cannot be placed yet."""
        values = self.columns(kind, body)
        if isinstance(values, str):
            return values
        record = uuid.UUID(body["uuid"])
        model = _MODELS[kind.name]
        local = self.local_id(kind.name, record)
        if local is None:
            obj = model(**values)
            self.session.add(obj)
            self.session.flush()
            self._ids[(kind.name, record)] = obj.id
            local = obj.id
        else:
            obj = self.session.get(model, local)
            for name, value in values.items():
                if name != "uuid" and getattr(obj, name) != value:
                    setattr(obj, name, value)
        for child in kind.children:
            parent = local if child.parent_key == "id" else values[child.parent_key]
            self._children(child.table, child.parent_column, parent, body.get(child.table, []))
        if kind.name == "report_event":
            self.reports.add(values["report_id"])
        elif kind.name == "sync_batch":
            self.batches.add(record)
        return None

    def _children(self, table: str, column: str, parent: Any, rows: list[dict[str, Any]]) -> None:
        t = Base.metadata.tables[table]
        model = _MODELS[table]
        wanted = [
            {c.name: decode(c, r.get(c.name)) for c in t.columns if c.name != column} for r in rows
        ]
        existing = [
            {k: v for k, v in r.items() if k != column}
            for r in self.session.execute(select(t).where(t.c[column] == parent)).mappings()
        ]
        if existing == wanted or sorted(map(repr, existing)) == sorted(map(repr, wanted)):
            return
        for obj in self.session.scalars(select(model).where(getattr(model, column) == parent)):
            self.session.delete(obj)
        self.session.flush()
        for values in wanted:
            self.session.add(model(**{column: parent, **values}))
        self.session.flush()

    def remove(self, kind: Kind, record: uuid.UUID) -> None:
        local = self.local_id(kind.name, record)
        if local is not None:
            obj = self.session.get(_MODELS[kind.name], local)
            if obj is not None:
                self.session.delete(obj)
                self.session.flush()
            self._ids.pop((kind.name, record), None)

    def wait(self, kind: str, record: uuid.UUID, version: int, payload: str) -> None:
        self.session.execute(
            delete(TeamWaiting).where(TeamWaiting.kind == kind, TeamWaiting.record_uuid == record)
        )
        self.session.add(
            TeamWaiting(kind=kind, record_uuid=record, version=version, payload=payload)
        )

    def derive_statuses(self, at: Any) -> None:
        """What follows from what arrived: the status rule over each melding whose events
        arrived (its StatusChanges as the laptop that recorded the events made them, so the
        ZGW statuses are the same resources on every laptop), and the acknowledgement of the
        meldingen carried by ZGW batches that arrived. `at` is kept for callers."""
        for report_id in sorted(self.reports):
            report = self.session.get(Report, report_id)
            if report is not None:
                replay_statuses(self.session, report)
        self.session.flush()
        self.reports.clear()
        if self.batches:
            stamp_cases(self.session, self.batches)
            self.batches.clear()


def body_of(payload: bytes | str) -> dict[str, Any]:
    return json.loads(payload)
