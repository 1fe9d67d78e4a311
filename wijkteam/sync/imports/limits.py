"""Bounds that keep a hostile or broken file from hurting the app."""

from __future__ import annotations

MAX_FILE_BYTES = 10 * 1024 * 1024  # a 10,000-row CSV with long questions is about 6 MB
MAX_RECORDS = 10_000  # meldingen in one file
MAX_JSON_DEPTH = 16  # the envelope needs 6 levels (envelope, zaken, zaak, rollen, rol, adres)
MAX_ZIP_ENTRIES = 20
MAX_CELL_CHARS = 10_000  # one CSV cell; the longest field (the question) allows 5,000
