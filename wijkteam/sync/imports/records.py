"""What the parsers hand on: raw records (text as found) and checked records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from wijkteam.services.inputs import ReportInput, ResidentInput
from wijkteam.sync.imports.intake import ImportFormat
from wijkteam.sync.imports.problems import ImportProblem, PositionUnit

# The app's fields an import fills, in the order of the CSV columns.
FIELDS = (
    "case_reference",
    "received_on",
    "bsn",
    "first_names",
    "prefix",
    "surname",
    "birth_date",
    "street",
    "house_number",
    "house_number_suffix",
    "postcode",
    "place",
    "phone",
    "email",
    "reporter_name",
    "reporter_relation",
    "reporter_contact",
    "question",
    "source",
)


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One melding as found in the file: text per field, and where each field came from
    (the CSV column or the JSON path), so problems can point at it."""

    position: int
    values: dict[str, str]
    sources: dict[str, str]

    def get(self, name: str) -> str:
        return self.values.get(name, "")


@dataclass(frozen=True, slots=True)
class CheckedRecord:
    """A record that passed every rule, ready to be written. Inputs keep the text as typed;
    the service validates it once more on writing, with the same rules."""

    position: int
    case_reference: str
    resident: ResidentInput
    report: ReportInput
    bsn: str | None
    birth_date: date | None
    received_on: date
    identity: tuple[str, ...]  # who this is, for recognising one person twice in a file


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """One record of the file for the preview: what it says, and whether it passed."""

    position: int
    case_reference: str
    resident_name: str
    birth_date: date | None
    received_on: date | None
    checked: CheckedRecord | None

    @property
    def valid(self) -> bool:
        return self.checked is not None


@dataclass(frozen=True)
class ParseResult:
    format: ImportFormat
    unit: PositionUnit
    rows: tuple[ParsedRow, ...]
    problems: tuple[ImportProblem, ...] = field(default=())

    @property
    def errors(self) -> tuple[ImportProblem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def is_valid(self) -> bool:
        return not self.errors
