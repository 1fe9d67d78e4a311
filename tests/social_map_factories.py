"""Invented sociale-kaart entries for tests. Phone numbers from the 043 000 block, which is
not given out to subscribers; addresses on the reserved .example domain."""

from __future__ import annotations

from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.services.social_map import MapEntryInput

PHONE_A = "043 000 0901"
PHONE_B = "043 000 0902"


def map_entry(**overrides: object) -> MapEntryInput:
    values: dict[str, object] = {
        "name": "Huiskamer Teststraat",
        "kind": MapEntryKind.INITIATIVE,
        "categories": frozenset({MapCategory.MEETING}),
        "access": MapAccess.FREE,
        "place": "Vaals",
        "contact_name": "Door Verzonnen",
        "phone": PHONE_A,
        "description": "Koffie en een praatje.",
        "last_checked": "01-10-2026",
    }
    values.update(overrides)
    return MapEntryInput(**values)  # type: ignore[arg-type]


def csv_bytes(*lines: str, bom: bool = True, encoding: str = "utf-8") -> bytes:
    """A CSV file as Excel writes it: CRLF line ends, optionally a BOM."""
    text = "\r\n".join(lines) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)
