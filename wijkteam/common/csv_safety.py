"""CSV cells that cannot turn into formulas: the one place every CSV writer goes through.

Spreadsheet programs (Excel, LibreOffice Calc) treat a cell that starts with `=`, `+`, `-` or
`@` (and, in some versions, a tab or carriage return, or the full-width forms of those signs)
as a formula. A melding imported from the municipality may carry such text, e.g. a question
typed as "=HYPERLINK(...)" or "+31 43 ...": the store keeps the text exactly as it was typed,
and this module makes sure it leaves the app again only as text (OWASP "CSV injection").

Rules for every CSV the app writes:
- never call `csv.writer` / `csv.DictWriter` elsewhere: use `formula_safe_writer` (a test
  checks the source for other writers);
- every cell goes through `escape_formula`, which puts a single quote before a dangerous
  first character. Excel and Calc show the cell without the quote, as text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

# First characters a spreadsheet may read as the start of a formula or command.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
ESCAPE = "'"


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def escape_formula(value: object) -> str:
    """The cell text, with a leading quote when a spreadsheet would run it as a formula.

    Leading spaces are looked through (" =1+1" is escaped too); None becomes "".
    """
    if value is None:
        return ""
    text = str(value)
    stripped = text.lstrip(" ")
    if stripped and stripped[0] in FORMULA_TRIGGERS:
        return ESCAPE + text
    return text


def is_formula_like(value: str) -> bool:
    return escape_formula(value) != value


class FormulaSafeWriter:
    """csv.writer whose every cell passes `escape_formula`. Semicolons by default, as a
    Dutch Excel expects."""

    def __init__(self, stream: _Writable, delimiter: str = ";") -> None:
        self._writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([escape_formula(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def formula_safe_writer(stream: _Writable, delimiter: str = ";") -> FormulaSafeWriter:
    return FormulaSafeWriter(stream, delimiter)
