"""The CSV a back office saves from Excel: semicolons, a header row, Dutch dates.

Columns may come in any order and letter case; unknown columns are ignored and reported.
Line numbers are the file's physical lines (the header is line 1), so a member can find them
in the file, also when a quoted cell spans several lines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from wijkteam.sync.imports.intake import ImportFormat
from wijkteam.sync.imports.limits import MAX_RECORDS
from wijkteam.sync.imports.problems import (
    ImportProblem,
    ImportRefused,
    PositionUnit,
    Severity,
)
from wijkteam.sync.imports.records import ParsedRow, ParseResult, RawRecord
from wijkteam.sync.imports.validate import check_record

COLUMNS: dict[str, str] = {
    "zaaknummer": "case_reference",
    "ontvangen": "received_on",
    "bsn": "bsn",
    "voornamen": "first_names",
    "voorvoegsel": "prefix",
    "achternaam": "surname",
    "geboortedatum": "birth_date",
    "straat": "street",
    "huisnummer": "house_number",
    "huisnummertoevoeging": "house_number_suffix",
    "postcode": "postcode",
    "woonplaats": "place",
    "telefoon": "phone",
    "email": "email",
    "melder": "reporter_name",
    "relatie_melder": "reporter_relation",
    "vraag": "question",
    "bron": "source",
}
REQUIRED_COLUMNS = ("zaaknummer", "ontvangen", "achternaam", "vraag")
SOURCE_NAME_CHARS = 40
LINE = PositionUnit.LINE


def parse_csv_text(text: str, today: date) -> ParseResult:
    rows = _rows(text)
    header_line, header = next(rows, (1, []))
    problems: list[ImportProblem] = []
    columns = _columns(header, header_line, problems)
    if columns is None:
        return ParseResult(ImportFormat.CSV, LINE, (), tuple(problems))
    parsed: list[ParsedRow] = []
    for line, cells in rows:
        if len(parsed) >= MAX_RECORDS:
            raise ImportRefused("too_many_records", max=MAX_RECORDS)
        extra = [c for c in cells[len(header) :] if c.strip()]
        if extra:
            problems.append(
                ImportProblem.make(
                    line, LINE, "cell_count", expected=len(header), got=len(header) + len(extra)
                )
            )
        raw = RawRecord(
            position=line,
            values={field: cells[i] if i < len(cells) else "" for i, field in columns.items()},
            sources={field: name for name, field in COLUMNS.items()},
        )
        row, found = check_record(raw, today, LINE)
        if extra:
            row = replace(row, checked=None)
        parsed.append(row)
        problems.extend(found)
    return ParseResult(ImportFormat.CSV, LINE, tuple(parsed), tuple(problems))


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, cells) of every row that has something in it."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    last_line = 0
    while True:
        start = last_line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise ImportRefused("csv_unreadable", line=start) from None
        last_line = reader.line_num
        if any(cell.strip() for cell in cells):
            yield start, cells


def _columns(header: list[str], line: int, problems: list[ImportProblem]) -> dict[int, str] | None:
    """Column index -> field name, or None when the file cannot be read on."""
    names = [_column_name(cell) for cell in header]
    if len(names) == 1 and ("," in header[0] or "\t" in header[0]):
        problems.append(ImportProblem.make(line, LINE, "wrong_delimiter"))
        return None
    columns: dict[int, str] = {}
    seen: set[str] = set()
    for index, name in enumerate(names):
        shown = name[:SOURCE_NAME_CHARS]
        if not name:
            continue
        if name in seen:
            problems.append(ImportProblem.make(line, LINE, "column_repeated", source=shown))
            continue
        seen.add(name)
        if name in COLUMNS:
            columns[index] = COLUMNS[name]
        else:
            problems.append(
                ImportProblem.make(
                    line, LINE, "column_unknown", source=shown, severity=Severity.NOTICE
                )
            )
    for required in REQUIRED_COLUMNS:
        if required not in seen:
            problems.append(
                ImportProblem.make(
                    line, LINE, "column_missing", field=COLUMNS[required], source=required
                )
            )
    if any(p.is_error for p in problems):
        return None
    return columns


def _column_name(cell: str) -> str:
    """'Relatie melder', 'RELATIE-MELDER' and ' relatie_melder ' are all 'relatie_melder'."""
    return "_".join(cell.replace("\ufeff", "").replace("-", " ").replace("_", " ").lower().split())
