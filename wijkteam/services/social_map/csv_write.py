"""Writing the sociale kaart as CSV for Excel: pure (records in, bytes out).

Semicolons, UTF-8 with BOM (so Excel shows accents right), CRLF line ends, dates dd-mm-jjjj,
phone numbers the Dutch way, and no cell that a spreadsheet would run as a formula.
The `id` column carries the entry's UUID, so importing the file again updates, not doubles.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from wijkteam.common.csv_safety import formula_safe_writer
from wijkteam.services.social_map.csv_cells import BOM, pre_guard
from wijkteam.services.social_map.csv_columns import (
    ACCESS_WORDS,
    CATEGORY_WORDS,
    COLUMNS,
    KIND_WORDS,
    NO,
    YES,
)
from wijkteam.services.social_map.records import MapEntryRecord
from wijkteam.validation.rules import format_phone


def write_map_csv(entries: Iterable[MapEntryRecord]) -> bytes:
    out = io.StringIO(newline="")
    writer = formula_safe_writer(out)  # semicolons, CRLF, formula cells escaped
    writer.writerow([header for header, _field in COLUMNS])
    for entry in entries:
        cells = entry_cells(entry)
        writer.writerow([pre_guard(cells[field]) for _header, field in COLUMNS])
    return BOM + out.getvalue().encode("utf-8")


def entry_cells(e: MapEntryRecord) -> dict[str, str]:
    """Every field of an entry as the text of its cell (before formula guarding)."""
    return {
        "id": str(e.uuid),
        "name": e.name,
        "kind": KIND_WORDS[e.kind],
        "categories": ", ".join(CATEGORY_WORDS[c] for c in e.categories),
        "access": ACCESS_WORDS[e.access],
        "target_group": e.target_group or "",
        "age_min": "" if e.age_min is None else str(e.age_min),
        "age_max": "" if e.age_max is None else str(e.age_max),
        "schedule": e.schedule or "",
        "location": e.location or "",
        "cost": e.cost or "",
        "place": e.place or "",
        "contact_name": e.contact_name or "",
        "phone": format_phone(e.phone),
        "email": e.email or "",
        "backup_name": e.backup_name or "",
        "backup_phone": format_phone(e.backup_phone),
        "website": e.website or "",
        "description": e.description or "",
        "active": YES if e.active else NO,
        "last_checked": e.last_checked.strftime("%d-%m-%Y") if e.last_checked else "",
        "is_example": YES if e.is_example else NO,
    }
