"""ImportService: preview a file of new meldingen, then write it in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.store import Store
from wijkteam.sync.imports.intake import read_limited
from wijkteam.sync.imports.matching import preview_rows
from wijkteam.sync.imports.parse import parse_import
from wijkteam.sync.imports.preview import ImportPreview, ImportSummary, MatchKind, RowState
from wijkteam.sync.imports.problems import (
    ImportDecisionInvalid,
    ImportInvalid,
    ImportNeedsDecision,
)
from wijkteam.sync.imports.writer import ImportWriter


class ImportService:
    """Two steps, so the member sees everything before anything is written:

    1. `preview_file` / `preview_bytes`: read and check the whole file, look up what the store
       already knows. Writes nothing. Raises ImportRefused for an unreadable file.
    2. `commit(preview, decisions, only_valid=...)`: write in one transaction. `decisions`
       answers every proposed name-and-birth-date match: position -> the resident's id to
       link to, or None for "someone else, make a new resident".
    """

    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def preview_file(self, path: Path) -> ImportPreview:
        return self.preview_bytes(read_limited(Path(path)), Path(path).name)

    def preview_bytes(self, data: bytes, file_name: str) -> ImportPreview:
        result = parse_import(data, file_name, self._store.clock.today())
        with self._store.transaction() as session:
            rows = preview_rows(session, result.rows)
            self._audit.record(session, AuditAction.VIEW, "import_preview")
        already = {r.position for r in rows if r.state is RowState.ALREADY_IMPORTED}
        # Records imported before are skipped whatever they say now; their problems no longer
        # matter (e.g. a received date that has since become more than a year old).
        problems = tuple(p for p in result.problems if p.position not in already)
        return ImportPreview(file_name, result.format, result.unit, tuple(rows), problems)

    def commit(
        self,
        preview: ImportPreview,
        decisions: Mapping[int, int | None] | None = None,
        *,
        only_valid: bool = False,
    ) -> ImportSummary:
        chosen = dict(decisions or {})
        if preview.errors and not only_valid:
            raise ImportInvalid(len(preview.errors))
        rows = preview.importable
        undecided = tuple(
            r.position for r in rows if r.match is MatchKind.NAME_BIRTH and r.position not in chosen
        )
        if undecided:
            raise ImportNeedsDecision(undecided)
        for row in rows:
            choice = chosen.get(row.position)
            if choice is not None and choice not in {c.id for c in row.candidates}:
                raise ImportDecisionInvalid(row.position)
        store = self._store
        with store.transaction() as session:
            clock = store.clock
            writer = ImportWriter(
                session, rows, clock.today(), clock.now(), self._audit.member_id, clock.utcnow()
            )
            for row in rows:
                writer.write(row, chosen.get(row.position))
            summary = writer.summary(
                already_in_preview=preview.count(RowState.ALREADY_IMPORTED),
                skipped_invalid=preview.count(RowState.INVALID),
            )
            self._audit.record(session, AuditAction.CREATE, "import")
            self._audit.record_changes(session)  # each new resident and melding by name
        store.checkpoint()  # a bulk write reaches the store file now, not only its WAL
        return summary
