"""The one entry point from bytes to a checked result. Pure: no store, no clock, no files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from wijkteam.sync.imports.csv_parser import parse_csv_text
from wijkteam.sync.imports.intake import (
    ImportFormat,
    decode_csv,
    decode_json,
    detect_format,
    unwrap,
)
from wijkteam.sync.imports.json_parser import parse_json_text
from wijkteam.sync.imports.problems import ImportProblem
from wijkteam.sync.imports.records import ParsedRow, ParseResult


def parse_import(data: bytes, name: str, today: date) -> ParseResult:
    """Every record of the file with every problem found, or ImportRefused for a file that
    cannot be read at all. `today` is the date 'received' may not lie after."""
    content, inner_name = unwrap(data, name)
    kind = detect_format(content, inner_name)
    if kind is ImportFormat.JSON:
        result = parse_json_text(decode_json(content), today)
    else:
        result = parse_csv_text(decode_csv(content), today)
    return _mark_repeats(result)


def _mark_repeats(result: ParseResult) -> ParseResult:
    """A zaaknummer may occur once per file: later occurrences are errors."""
    first_seen: dict[str, int] = {}
    rows: list[ParsedRow] = []
    problems: list[ImportProblem] = list(result.problems)
    for row in result.rows:
        key = row.case_reference.strip()
        if key and key in first_seen:
            problems.append(
                ImportProblem.make(
                    row.position,
                    result.unit,
                    "case_reference_repeated",
                    field="case_reference",
                    first=first_seen[key],
                )
            )
            row = replace(row, checked=None)
        elif key:
            first_seen[key] = row.position
        rows.append(row)
    problems.sort(key=lambda p: (p.position, p.is_error is False))
    return replace(result, rows=tuple(rows), problems=tuple(problems))
