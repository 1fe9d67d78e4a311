"""Import and export of the sociale kaart as CSV (the file format is in csv_read/csv_write).

An import is looked at first (`preview`: nothing written) and then applied in one
transaction. With bad rows nothing is written unless the member chose to import only the
valid ones. A row updates the entry with its `id` (UUID); without a known id, the entry with
the same name in the same place; otherwise it is new. Importing the same file twice changes
nothing the second time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.errors import ImportNotConfirmed, MapFileRefused
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.social_map.csv_read import (
    MAX_FILE_BYTES,
    ParsedMap,
    ParsedRow,
    RowProblem,
    read_map_csv,
)
from wijkteam.services.social_map.csv_write import write_map_csv
from wijkteam.services.social_map.records import MapEntryRecord, MapQuery
from wijkteam.services.social_map.rules import search_columns
from wijkteam.services.social_map.service import SocialMapService, apply_values
from wijkteam.store import Store
from wijkteam.store.models import SocialMapEntry


@dataclass(frozen=True)
class MapImportPreview:
    parsed: ParsedMap
    new: int  # valid rows that become new entries
    updates: int  # valid rows that change an existing entry
    unchanged: int  # valid rows that match an entry exactly

    @property
    def problems(self) -> tuple[RowProblem, ...]:
        return self.parsed.problems

    @property
    def valid_rows(self) -> int:
        return len(self.parsed.rows)


@dataclass(frozen=True)
class MapImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int  # bad rows left out


class SocialMapTransfer:
    def __init__(self, store: Store, entries: SocialMapService, audit: AuditService) -> None:
        self._store = store
        self._entries = entries
        self._audit = audit

    def preview(self, data: bytes) -> MapImportPreview:
        parsed = read_map_csv(data, self._store.clock.today())
        with self._store.transaction() as session:
            plan = _plan(session, parsed)
            changes = [_changes(entry, row, parsed) for row, entry in plan]
            self._audit.record(session, AuditAction.VIEW, "social_map")
        new = sum(entry is None for _row, entry in plan)
        unchanged = sum(1 for (_r, entry), c in zip(plan, changes, strict=True) if entry and not c)
        return MapImportPreview(parsed, new, len(plan) - new - unchanged, unchanged)

    def preview_file(self, path: Path) -> MapImportPreview:
        """Reads the file (refusing a huge one before reading it) and previews it."""
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise MapFileRefused("too_large", max_mb=MAX_FILE_BYTES // 1_000_000)
            data = path.read_bytes()
        except OSError:
            raise MapFileRefused("unreadable") from None
        return self.preview(data)

    def apply(
        self, preview: MapImportPreview, *, only_valid: bool = False, add_only: bool = False
    ) -> MapImportResult:
        """Writes the valid rows in one transaction. With bad rows in the file this is
        refused (ImportNotConfirmed) unless `only_valid`. With `add_only`, rows matching an
        existing entry leave it as it is."""
        parsed = preview.parsed
        if parsed.problems and not only_valid:
            raise ImportNotConfirmed(len(parsed.problems))
        created = updated = unchanged = 0
        with self._store.transaction() as session:
            # Matched again inside the transaction: the store may have changed since.
            for row, entry in _plan(session, parsed):
                if entry is None:
                    entry = SocialMapEntry(uuid=row.entry_id or uuid.uuid4())
                    apply_values(entry, dict(row.values), row.categories)
                    session.add(entry)
                    created += 1
                    continue
                changes = {} if add_only else _changes(entry, row, parsed)
                if not changes:
                    unchanged += 1
                    continue
                categories = changes.pop("categories", None)
                merged = {key: getattr(entry, key) for key in row.values} | changes
                current = frozenset(c.category for c in entry.categories)
                apply_values(entry, merged, categories if categories is not None else current)
                updated += 1
            self._audit.record_changes(session)
        return MapImportResult(created, updated, unchanged, len(parsed.problems))

    def export(self, include_inactive: bool = True) -> bytes:
        entries = self._export_entries(include_inactive)
        self._audit.log(AuditAction.EXPORT, "social_map")
        return write_map_csv(entries)

    def export_file(self, path: Path, include_inactive: bool = True) -> int:
        """Writes the whole map to `path`; returns the number of entries."""
        entries = self._export_entries(include_inactive)
        try:
            path.write_bytes(write_map_csv(entries))
        except OSError:
            raise MapFileRefused("unwritable") from None
        self._audit.log(AuditAction.EXPORT, "social_map")
        return len(entries)

    def _export_entries(self, include_inactive: bool) -> list[MapEntryRecord]:
        query = MapQuery(include_inactive=include_inactive)
        return self._entries.search(query, limit=MAX_EXPORT)


MAX_EXPORT = 100_000


def _plan(session: Session, parsed: ParsedMap) -> list[tuple[ParsedRow, SocialMapEntry | None]]:
    """Each valid row with the entry it updates (None: a new entry)."""
    by_uuid: dict[uuid.UUID, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    keys = select(
        SocialMapEntry.id, SocialMapEntry.uuid, SocialMapEntry.name_key, SocialMapEntry.place_key
    )
    for entry_id, entry_uuid, name_key, place_key in session.execute(keys):
        by_uuid[entry_uuid] = entry_id
        by_name.setdefault((name_key, place_key), entry_id)
    plan: list[tuple[ParsedRow, SocialMapEntry | None]] = []
    for row in parsed.rows:
        match = by_uuid.get(row.entry_id) if row.entry_id else None
        if match is None:
            columns = search_columns(dict(row.values))
            match = by_name.get((columns["name_key"], columns["place_key"]))
        plan.append((row, session.get(SocialMapEntry, match) if match else None))
    return plan


def _changes(entry: SocialMapEntry | None, row: ParsedRow, parsed: ParsedMap) -> dict[str, Any]:
    """The values of columns the file has that differ from the entry."""
    if entry is None:
        return {}
    changes = {
        key: value
        for key, value in row.values.items()
        if key in parsed.fields and getattr(entry, key) != value
    }
    current = frozenset(c.category for c in entry.categories)
    if "categories" in parsed.fields and current != row.categories:
        changes["categories"] = row.categories
    return changes
