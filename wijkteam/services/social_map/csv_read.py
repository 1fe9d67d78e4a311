"""Reading a sociale kaart from CSV: pure (bytes in, rows and problems out), nothing stored.

Semicolon separated, UTF-8 (with or without BOM) or Windows-1252, headers in any order and
case, dates as dd-mm-jjjj. Every row is validated with the editor's rules; each bad row comes
back with its line number in the file and every reason, so the member can fix them all at once.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.domain.text import fold
from wijkteam.errors import MapFileRefused, ValidationError
from wijkteam.services.social_map.csv_cells import decode, unguard
from wijkteam.services.social_map.csv_columns import (
    ACCESS_OF_WORD,
    BOOLEAN_OF_WORD,
    CATEGORY_OF_WORD,
    CATEGORY_SEPARATORS,
    FIELD_OF_HEADER,
    HEADER_OF_FIELD,
    KIND_OF_WORD,
    REQUIRED_FIELDS,
    header_key,
)
from wijkteam.services.social_map.records import MapEntryInput
from wijkteam.services.social_map.rules import entry_values
from wijkteam.validation import Collector

MAX_FILE_BYTES = 5_000_000
MAX_ROWS = 10_000
DELIMITER = ";"
_TEXT_FIELDS = [
    "name",
    "target_group",
    "age_min",
    "age_max",
    "schedule",
    "location",
    "cost",
    "place",
    "contact_name",
    "phone",
    "email",
    "backup_name",
    "backup_phone",
    "website",
    "description",
    "last_checked",
]


@dataclass(frozen=True)
class ParsedRow:
    line: int  # where the row starts in the file (the header is line 1, or 2 after "sep=;")
    entry_id: uuid.UUID | None
    values: Mapping[str, Any]  # validated column values (defaults where a column is absent)
    categories: frozenset[MapCategory]


@dataclass(frozen=True)
class RowProblem:
    line: int
    errors: tuple[ValidationError, ...]


@dataclass(frozen=True)
class ParsedMap:
    rows: tuple[ParsedRow, ...]
    problems: tuple[RowProblem, ...]
    fields: frozenset[str]  # the columns the file has (an update leaves the others alone)
    ignored_columns: tuple[str, ...]


def read_map_csv(data: bytes, today: date) -> ParsedMap:
    """Raises MapFileRefused when the file as a whole cannot be read."""
    if len(data) > MAX_FILE_BYTES:
        raise MapFileRefused("too_large", max_mb=MAX_FILE_BYTES // 1_000_000)
    text = decode(data)
    records = _records(text)
    line, header = next(records, (0, []))
    hint = DELIMITER.join(header).strip()
    if hint.lower().startswith("sep="):  # Excel's "sep=;" line names the separator
        _check_delimiter(hint[4:5] or ",")
        line, header = next(records, (0, []))
    columns, ignored = _columns(header)
    rows: list[ParsedRow] = []
    problems: list[RowProblem] = []
    seen: dict[object, int] = {}
    for line, cells in records:
        if len(rows) + len(problems) >= MAX_ROWS:
            raise MapFileRefused("too_many_rows", max=MAX_ROWS)
        parsed = _row(cells, columns, len(header), line, today)
        if isinstance(parsed, ParsedRow):
            parsed = _check_unique(parsed, seen)
        (rows if isinstance(parsed, ParsedRow) else problems).append(parsed)  # type: ignore[arg-type]
    return ParsedMap(
        rows=tuple(rows),
        problems=tuple(problems),
        fields=frozenset(columns.values()),
        ignored_columns=tuple(ignored),
    )


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line of the record, its cells) for every record that is not blank."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITER)
    previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise MapFileRefused("malformed", line=previous + 1) from None
        start, previous = previous + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            yield start, cells


def _check_delimiter(found: str) -> None:
    if found != DELIMITER:
        raise MapFileRefused("wrong_delimiter", found="tab" if found == "\t" else found)


def _columns(header: list[str]) -> tuple[dict[int, str], list[str]]:
    if len(header) == 1:
        for other in (",", "\t"):
            if other in header[0]:
                _check_delimiter(other)
    columns: dict[int, str] = {}
    ignored: list[str] = []
    doubled: list[str] = []
    for index, title in enumerate(header):
        field = FIELD_OF_HEADER.get(header_key(title))
        if field is None:
            if title.strip():
                ignored.append(title.strip())
        elif field in columns.values():
            doubled.append(HEADER_OF_FIELD[field])
        else:
            columns[index] = field
    if doubled:
        raise MapFileRefused("duplicate_columns", columns=tuple(doubled))
    missing = [HEADER_OF_FIELD[f] for f in REQUIRED_FIELDS if f not in columns.values()]
    if missing:
        raise MapFileRefused("missing_columns", columns=tuple(missing))
    return columns, ignored


def _row(
    cells: list[str], columns: dict[int, str], width: int, line: int, today: date
) -> ParsedRow | RowProblem:
    raw = {field: unguard(cells[i]) if i < len(cells) else "" for i, field in columns.items()}
    errors = Collector()
    if any(c.strip() for c in cells[width:]):  # cells right of the last header
        errors.add(ValidationError("row", "extra_cells"))
    entry_id = errors.check(lambda: _uuid(raw.get("id", "")))
    kind = errors.check(lambda: _word("kind", raw.get("kind", ""), KIND_OF_WORD, None))
    access = errors.check(lambda: _word("access", raw.get("access", ""), ACCESS_OF_WORD, "free"))
    categories = errors.check(lambda: _categories(raw.get("categories", "")), frozenset())
    active = errors.check(lambda: _yes_no("active", raw.get("active", ""), True), True)
    example = errors.check(lambda: _yes_no("is_example", raw.get("is_example", ""), False))
    data = MapEntryInput(
        **{f: raw.get(f, "") for f in _TEXT_FIELDS},
        kind=kind or MapEntryKind.INITIATIVE,
        access=access or MapAccess.FREE,
        categories=categories or frozenset(),
        active=bool(active),
        is_example=bool(example),
    )
    values = entry_values(data, today, errors)
    if errors.errors:
        return RowProblem(line, tuple(errors.errors))
    return ParsedRow(line, entry_id, MappingProxyType(values), data.categories)


def _uuid(text: str) -> uuid.UUID | None:
    text = text.strip()
    if not text:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        raise ValidationError("id", "id_format") from None


def _word(field: str, text: str, table: Mapping[str, Any], default: str | None) -> Any:
    key = header_key(text)
    if not key:
        if default is None:
            raise ValidationError(field, "required")
        return table[default]
    if key not in table:
        raise ValidationError(field, f"unknown_{field}", value=text.strip()[:40])
    return table[key]


def _categories(text: str) -> frozenset[MapCategory]:
    found: set[MapCategory] = set()
    for part in CATEGORY_SEPARATORS.split(text):
        if not part.strip():
            continue
        category = CATEGORY_OF_WORD.get(header_key(part))
        if category is None:
            raise ValidationError("categories", "unknown_category", value=part.strip()[:40])
        found.add(category)  # type: ignore[arg-type]
    return frozenset(found)


def _yes_no(field: str, text: str, default: bool) -> bool:
    word = fold(text)
    if not word:
        return default
    if word not in BOOLEAN_OF_WORD:
        raise ValidationError(field, "yes_no", value=text.strip()[:40])
    return BOOLEAN_OF_WORD[word]


def _check_unique(row: ParsedRow, seen: dict[object, int]) -> ParsedRow | RowProblem:
    """The same entry twice in one file (same id, or same name in the same place)."""
    keys: list[object] = [(fold(row.values["name"]), fold(row.values["place"]))]
    if row.entry_id is not None:
        keys.append(row.entry_id)
    for key in keys:
        if key in seen:
            return RowProblem(
                row.line, (ValidationError("name", "duplicate_row", first_line=seen[key]),)
            )
    for key in keys:
        seen[key] = row.line
    return row
