"""What the member reviews before anything is written, and what the import did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from wijkteam.domain.deadlines import home_visit_due
from wijkteam.services.records import ResidentRecord
from wijkteam.sync.imports.intake import ImportFormat
from wijkteam.sync.imports.problems import ImportProblem, PositionUnit
from wijkteam.sync.imports.records import CheckedRecord


class RowState(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    ALREADY_IMPORTED = "already_imported"  # its zaaknummer is in the store: skipped


class MatchKind(StrEnum):
    NEW = "new"  # a resident the store does not know yet
    BSN = "bsn"  # the resident with this BSN (certain, no question asked)
    NAME_BIRTH = "name_birth"  # same surname and birth date: the member confirms or not
    SAME_IN_FILE = "same_in_file"  # the same person as an earlier record of this file


@dataclass(frozen=True, slots=True)
class PreviewRow:
    position: int
    case_reference: str
    resident_name: str
    birth_date: date | None
    received_on: date | None
    state: RowState
    match: MatchKind | None = None  # None for rows that will not be imported
    resident_id: int | None = None  # the known resident (BSN match)
    candidates: tuple[ResidentRecord, ...] = ()  # for NAME_BIRTH
    same_as: int | None = None  # position of the earlier record (SAME_IN_FILE)
    checked: CheckedRecord | None = None

    @property
    def deadline_due(self) -> date | None:
        """The home visit is due 14 days after the melding was received."""
        return home_visit_due(self.received_on) if self.received_on else None

    @property
    def importable(self) -> bool:
        return self.state is RowState.VALID


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    format: ImportFormat
    unit: PositionUnit
    rows: tuple[PreviewRow, ...]
    problems: tuple[ImportProblem, ...] = field(default=())

    @property
    def errors(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def importable(self) -> tuple[PreviewRow, ...]:
        return tuple(r for r in self.rows if r.importable)

    @property
    def proposals(self) -> tuple[PreviewRow, ...]:
        """Records that resemble a known resident by name and birth date: the member decides."""
        return tuple(r for r in self.importable if r.match is MatchKind.NAME_BIRTH)

    def count(self, state: RowState) -> int:
        return sum(1 for r in self.rows if r.state is state)


@dataclass(frozen=True, slots=True)
class ImportSummary:
    created: int  # new meldingen
    new_residents: int
    known_residents: int  # meldingen for residents the store already knew
    already_imported: int  # skipped: their zaaknummer was imported before
    skipped_invalid: int  # skipped: they had errors ("import the valid ones only")
    report_ids: tuple[int, ...] = ()
