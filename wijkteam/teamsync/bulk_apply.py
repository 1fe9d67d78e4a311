"""Writing a pulled page into the store in batches (the fast path of `rounds.RoundWriter`).

A page can hold tens of thousands of records (a new laptop joining a team). Record by record
through the ORM, with a query per reference and per bookkeeping row, that took minutes. Here
each kind of a page is written with a handful of statements: UUID -> id maps resolved once per
referenced table, new rows inserted and changed rows updated with executemany (SQLAlchemy
Core), embedded child rows compared and replaced per batch, search keys computed on the way.

Core statements bypass the ORM's events: the caller checks the store's integrity gate
before (as every ORM write does), and what they change is noted in the audit
guard's tracking here (with each record's UUID and resident, as the ORM path would), and the
round's `record_changes` writes the audit entries as for any other write. They also bypass
team_capture, whose commit hook therefore never sees these rows (nothing is sent back).

The caller decides which records may take this path: never one with an unpushed local
change, a tombstone, or one removed from this laptop (those go through the merge path).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from wijkteam.domain.status import EventKind, derive_status
from wijkteam.services import resident_rules
from wijkteam.services.social_map import rules as map_rules
from wijkteam.services.status_moves import as_event, status_change_uuid
from wijkteam.store.audit_guard import CHANGED, NEW, SUBJECT_OF, tracking
from wijkteam.store.models import (
    Base,
    Report,
    ReportEvent,
    StatusChange,
    TeamSynced,
)
from wijkteam.store.team_kinds import Kind, decode, decoder, sent_columns
from wijkteam.teamsync.page_book import Incoming, chunks

WAIT, DROP, PLACED = "wait", "drop", "placed"
_VIA_REPORT = frozenset({"step", "follow_up", "referral"})  # as services/audit.py


class BulkWriter:
    """Writes the records of one kind in batches; notes the changes for the audit."""

    def __init__(self, session: Session, at: datetime) -> None:
        self.session = session
        self.at = at
        self.ids: dict[str, dict[uuid.UUID, int]] = defaultdict(dict)
        self.reports: set[int] = set()  # whose events changed
        self._uuids: dict[str, uuid.UUID] = {}

    def uid(self, text: str) -> uuid.UUID:
        """A UUID from its text, each parsed once a round (a page names each many times)."""
        found = self._uuids.get(text)
        if found is None:
            found = self._uuids[text] = uuid.UUID(text)
        return found

    # --- lookups ------------------------------------------------------------------------
    def resolve(self, table: str, records: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
        """UUID -> local id of the table's records (cached for the round)."""
        known = self.ids[table]
        missing = {r for r in records if r not in known}
        if not missing:
            return known
        t = Base.metadata.tables[table]
        connection = self.session.connection()
        size = connection.execute(select(func.count()).select_from(t)).scalar() or 0
        if size <= 2 * len(missing):  # read the whole map once rather than look up each
            known.update((u, i) for i, u in connection.execute(select(t.c.id, t.c.uuid)))
            return known
        for part in chunks(missing):
            rows = connection.execute(select(t.c.id, t.c.uuid).where(t.c.uuid.in_(part)))
            known.update((u, i) for i, u in rows)
        return known

    def _gone(self, table: str, records: set[uuid.UUID]) -> set[uuid.UUID]:
        t = TeamSynced.__table__
        found: set[uuid.UUID] = set()
        for part in chunks(records):
            found.update(
                r[0]
                for r in self.session.connection().execute(
                    select(t.c.record_uuid).where(
                        t.c.kind == table,
                        t.c.record_uuid.in_(part),
                        (t.c.gone.is_(True)) | (t.c.tombstone.is_(True)),
                    )
                )
            )
        return found

    # --- writing ------------------------------------------------------------------------
    def write(self, kind: Kind, items: list[Incoming]) -> dict[uuid.UUID, str]:
        """Inserts or updates each record; returns PLACED, WAIT or DROP per record UUID."""
        self.session.flush()  # what the ORM path wrote this round, before Core reads
        if not items:
            return {}
        columns = sent_columns(kind)
        parents: dict[str, set[uuid.UUID]] = defaultdict(set)
        for item in items:
            for name, table in kind.refs.items():
                if item.body.get(name) is not None:
                    parents[table].add(self.uid(item.body[name]))
        gone: dict[str, set[uuid.UUID]] = {}
        for table, records in parents.items():
            known = self.resolve(table, records)
            gone[table] = self._gone(table, {r for r in records if r not in known})
        outcome: dict[uuid.UUID, str] = {}
        values_of: dict[uuid.UUID, dict[str, Any]] = {}
        for item in items:
            values = self._values(kind, columns, item.body, gone)
            if isinstance(values, str):
                outcome[item.uuid] = values
            else:
                values_of[item.uuid] = values
                outcome[item.uuid] = PLACED
        own = self.resolve(kind.name, values_of)
        new = [u for u in values_of if u not in own]
        old = [u for u in values_of if u in own]
        self._insert(kind, [values_of[u] for u in new])
        changed = self._update(kind, {own[u]: values_of[u] for u in old})
        ids = {u: self.ids[kind.name][u] for u in values_of}
        for child in kind.children:
            changed |= self._children(child.table, child.parent_column, ids, items, set(new))
        self._note(kind, {u: values_of[u] for u in new}, NEW, ids)
        self._note(kind, {u: values_of[u] for u in old if ids[u] in changed}, CHANGED, ids)
        if kind.name == "report_event":
            self.reports.update(v["report_id"] for v in values_of.values())
        return outcome

    def _values(
        self, kind: Kind, columns: list[Any], body: dict[str, Any], gone: dict[str, set[uuid.UUID]]
    ) -> dict[str, Any] | str:
        values: dict[str, Any] = {}
        for column in columns:
            if column.name not in body:
                continue
            raw = body[column.name]
            if column.name in kind.refs and raw is not None:
                table, parent = kind.refs[column.name], self.uid(raw)
                local = self.ids[table].get(parent)
                if local is None:
                    if column.name in kind.detach:  # as store_apply: the link emptied
                        values[column.name] = None
                        continue
                    if parent in gone.get(table, ()):
                        return DROP
                    if column.name in kind.required:
                        return WAIT
                values[column.name] = local
            elif raw is not None and decoder(column) is uuid.UUID:
                values[column.name] = self.uid(raw)
            else:
                values[column.name] = decode(column, raw)
        if kind.name == "resident":
            values.update(resident_rules.search_columns(values))
        elif kind.name == "social_map_entry":
            values.update(map_rules.search_columns(values))
        return values

    def _insert(self, kind: Kind, rows: list[dict[str, Any]]) -> None:
        groups: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
        for values in rows:
            row = {**values, "updated_at": self.at}
            if row.get("created_at") is None:
                row["created_at"] = self.at
            groups[frozenset(row)].append(row)
        t, known = kind.table, self.ids[kind.name]
        statement = insert(t).returning(t.c.id, t.c.uuid)
        for group in groups.values():
            for part in chunks(group):
                found = self.session.connection().execute(statement, list(part))
                known.update((u, i) for i, u in found)

    def _update(self, kind: Kind, rows: dict[int, dict[str, Any]]) -> set[int]:
        """Updates the rows whose values differ; returns their ids."""
        t = kind.table
        changed: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
        ids = sorted(rows)
        for part in chunks(ids):
            found = self.session.connection().execute(select(t).where(t.c.id.in_(part)))
            for current in found.mappings():
                wanted = rows[current["id"]]
                diff = {k: v for k, v in wanted.items() if k != "uuid" and current[k] != v}
                if diff:
                    changed[frozenset(diff)].append({"_id": current["id"], **diff})
        done: set[int] = set()
        for names, group in changed.items():
            statement = (
                update(t)
                .where(t.c.id == bindparam("_id"))
                .values({**{n: bindparam(n) for n in names}, "updated_at": self.at})
            )
            self.session.connection().execute(statement, group)
            done.update(r["_id"] for r in group)
        return done

    def _children(
        self, table: str, column: str, ids: dict[uuid.UUID, int], items: list[Incoming],
        new: set[uuid.UUID],
    ) -> set[int]:  # fmt: skip
        """Replaces the embedded rows that differ; returns the parents whose rows changed."""
        t = Base.metadata.tables[table]
        wanted: dict[int, list[dict[str, Any]]] = {}
        for item in items:
            if item.uuid in ids:
                wanted[ids[item.uuid]] = [
                    {c.name: decode(c, r.get(c.name)) for c in t.columns if c.name != column}
                    for r in item.body.get(table, [])
                ]
        existing: dict[int, list[dict[str, Any]]] = defaultdict(list)
        old = sorted(ids[u] for u in ids if u not in new)
        connection = self.session.connection()
        for part in chunks(old):
            for r in connection.execute(select(t).where(t.c[column].in_(part))).mappings():
                existing[r[column]].append({k: v for k, v in r.items() if k != column})
        differ = [
            parent for parent, rows in wanted.items()
            if not (existing[parent] == rows
                    or sorted(map(repr, existing[parent])) == sorted(map(repr, rows)))
        ]  # fmt: skip
        for part in chunks(differ):
            connection.execute(delete(t).where(t.c[column].in_(part)))
        inserts = [{column: parent, **row} for parent in differ for row in wanted[parent]]
        for part in chunks(inserts):
            connection.execute(insert(t), list(part))
        olds = set(old)
        return {p for p in differ if p in olds}

    # --- the audit ------------------------------------------------------------------------
    def _note(
        self, kind: Kind, rows: dict[uuid.UUID, dict[str, Any]], how: str,
        ids: dict[uuid.UUID, int],
    ) -> None:  # fmt: skip
        """What the audit guard notes for these rows (SUBJECT_OF), with the UUIDs and residents
        it would otherwise look up one entry at a time."""
        if not rows or kind.name not in SUBJECT_OF:
            return
        track = tracking(self.session)
        subject, column = SUBJECT_OF[kind.name]
        people = {i: u for u, i in self.ids["resident"].items()}
        if column != "id":  # a part of another record: that record changed
            inverse = {i: u for u, i in self.ids[subject].items()}
            owners = {v[column] for v in rows.values() if v.get(column) is not None}
            residents = self._report_residents(owners) if subject == "report" else {}
            for owner in owners:
                key = (subject, owner)
                track.note(key, CHANGED)
                if owner in inverse:
                    track.uuids.setdefault(key, inverse[owner])
                if owner in residents:
                    self._resident(track, key, residents[owner], people)
            return
        residents = self._residents_of(kind, rows)
        for record in rows:
            key = (kind.name, ids[record])
            track.note(key, how)
            track.uuids[key] = record
            if kind.name == "resident":
                self._resident(track, key, ids[record], people)
            elif record in residents:
                self._resident(track, key, residents[record], people)

    @staticmethod
    def _resident(track: Any, key: Any, resident: int | None, uuids: dict[int, uuid.UUID]) -> None:
        track.residents[key] = resident
        if resident is not None and resident in uuids:
            track.uuids.setdefault(("resident", resident), uuids[resident])

    def _residents_of(self, kind: Kind, rows: dict[uuid.UUID, dict[str, Any]]) -> dict[Any, Any]:
        if "resident_id" in kind.table.c:
            return {u: v.get("resident_id") for u, v in rows.items()}
        if kind.name in _VIA_REPORT:
            by_report = self._report_residents({v.get("report_id") for v in rows.values()})
            return {u: by_report.get(v.get("report_id")) for u, v in rows.items()}
        return {}

    def _report_residents(self, reports: set[Any]) -> dict[int, int]:
        t = Report.__table__
        found: dict[int, int] = {}
        for part in chunks(sorted(r for r in reports if r is not None)):
            found.update(
                (i, r) for i, r in self.session.connection().execute(
                    select(t.c.id, t.c.resident_id).where(t.c.id.in_(part))
                )
            )  # fmt: skip
        return found

    # --- the status rule ------------------------------------------------------------------
    def derive_statuses(self, changed_at: datetime) -> None:
        """The status rule replayed over each melding whose events arrived, in one read per
        batch, as `status_moves.replay_statuses` does one by one: each StatusChange the
        recording laptop made (UUID derived from its event, its moment), none twice, so a ZGW
        Status is the same resource whichever laptop of the team sends it. `changed_at` is
        kept for callers."""
        reports = sorted(self.reports)
        self.reports.clear()
        if not reports:
            return
        self.session.flush()
        e, r, c = ReportEvent.__table__, Report.__table__, StatusChange.__table__
        connection = self.session.connection()
        updates: list[dict[str, Any]] = []
        inserts: list[dict[str, Any]] = []
        for part in chunks(reports):
            events: dict[int, list[Any]] = defaultdict(list)
            for row in connection.execute(
                select(e.c.report_id, e.c.uuid, e.c.kind, e.c.subject_uuid, e.c.cancels_uuid,
                       e.c.occurred_at, e.c.member_id, e.c.note)
                .where(e.c.report_id.in_(part))
                .order_by(e.c.report_id, e.c.occurred_at, e.c.id)
            ):  # fmt: skip
                events[row.report_id].append(row)
            known = set(
                connection.execute(select(c.c.uuid).where(c.c.report_id.in_(part))).scalars()
            )
            for report_id, status in connection.execute(
                select(r.c.id, r.c.status).where(r.c.id.in_(part))
            ):
                seen: list[Any] = []
                previous = None
                for row in events[report_id]:
                    seen.append(as_event(row))
                    derived = derive_status(seen)
                    made = status_change_uuid(row.uuid)
                    changed = derived != previous or row.kind == EventKind.RECEIVED
                    if changed and made not in known:
                        inserts.append(
                            {"uuid": made, "report_id": report_id, "status": derived,
                             "changed_at": row.occurred_at, "member_id": row.member_id,
                             "note": row.note, "created_at": self.at, "updated_at": self.at}
                        )  # fmt: skip
                    previous = derived
                if previous is not None and previous != status:
                    updates.append({"_id": report_id, "s": previous})
        for batch in chunks(inserts):
            connection.execute(insert(c), list(batch))
        if updates:
            connection.execute(
                update(r)
                .where(r.c.id == bindparam("_id"))
                .values(status=bindparam("s"), updated_at=self.at),
                updates,
            )
        track = tracking(self.session)
        for changed in updates:
            track.note(("report", changed["_id"]), CHANGED)


__all__ = ["DROP", "PLACED", "WAIT", "BulkWriter", "decode"]
