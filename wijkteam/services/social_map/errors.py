"""Typed refusals of the sociale kaart. Codes and counts only: ui/messages.py words them."""

from __future__ import annotations

from typing import Any

from wijkteam.errors import WijkteamError


class EntryReferenced(WijkteamError):
    """A hard delete of an entry that something (e.g. a step) still refers to."""

    code = "map_entry_referenced"

    def __init__(self, entry_id: int) -> None:
        super().__init__(entry_id=entry_id)


class MapFileRefused(WijkteamError):
    """A CSV file that cannot be read as a sociale kaart at all (no row-by-row report).

    Codes: too_large, too_many_rows, empty, binary, wrong_kind (kind=...), encoding,
    wrong_delimiter (found=...), missing_columns (columns=...), duplicate_columns
    (columns=...), malformed (line=...), unreadable, unwritable.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)


class ImportNotConfirmed(WijkteamError):
    """The file has bad rows and the member did not choose to import only the valid ones."""

    code = "map_import_not_confirmed"

    def __init__(self, bad_rows: int) -> None:
        super().__init__(bad_rows=bad_rows)
