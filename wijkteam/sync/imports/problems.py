"""What can be wrong with an import file, as typed values (codes, positions, field names).

Dutch sentences for them live in ui/messages.py. Problems never carry cell contents, so they
may be logged or printed without leaking personal data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from wijkteam.errors import ValidationError, WijkteamError


class PositionUnit(StrEnum):
    LINE = "line"  # CSV: the physical line in the file (the header is line 1)
    RECORD = "record"  # JSON: the number of the zaak in the list, from 1
    FILE = "file"  # the file as a whole


class Severity(StrEnum):
    ERROR = "error"  # the record (or file) cannot be imported
    NOTICE = "notice"  # worth knowing, imports anyway (an unused column, an unknown code)


@dataclass(frozen=True, slots=True)
class ImportProblem:
    position: int  # line or record number; 0 for the file as a whole
    unit: PositionUnit
    code: str
    field: str = ""  # the app's field name (as in ValidationError), "" for the whole record
    source: str = ""  # where in the file: the CSV column or the JSON path
    params: tuple[tuple[str, Any], ...] = ()
    severity: Severity = Severity.ERROR

    @property
    def param_map(self) -> Mapping[str, Any]:
        return dict(self.params)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_validation_error(self) -> ValidationError:
        return ValidationError(self.field, self.code, **self.param_map)

    @classmethod
    def make(
        cls,
        position: int,
        unit: PositionUnit,
        code: str,
        *,
        field: str = "",
        source: str = "",
        severity: Severity = Severity.ERROR,
        **params: Any,
    ) -> ImportProblem:
        return cls(position, unit, code, field, source, tuple(sorted(params.items())), severity)


class ImportRefused(WijkteamError):
    """The file as a whole cannot be read: too big, binary, wrong encoding, too deep, an
    unsafe archive. Nothing in it is looked at further."""

    code = "import_refused"


class ImportInvalid(WijkteamError):
    """Importing everything was asked for, but some records have errors."""

    code = "import_invalid"

    def __init__(self, errors: int) -> None:
        super().__init__(errors=errors)


class ImportNothingValid(WijkteamError):
    """Only the good records were asked for (--only-valid), but none is good: nothing was
    imported, and a script must not read that as success."""

    code = "import_nothing_valid"

    def __init__(self, errors: int) -> None:
        super().__init__(errors=errors)


class ImportNeedsDecision(WijkteamError):
    """Some records resemble a known resident by name and birth date: the member decides."""

    code = "import_needs_decision"

    def __init__(self, positions: tuple[int, ...]) -> None:
        super().__init__(positions=positions)
        self.positions = positions


class ImportDecisionInvalid(WijkteamError):
    """A decision names a resident that was not proposed for that record."""

    code = "import_decision_invalid"

    def __init__(self, position: int) -> None:
        super().__init__(position=position)
