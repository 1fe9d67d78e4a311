"""The example files in resources/ (meldingen to import, the example sociale kaart) were
written as of one day. Whoever loads one (the demo data, the screenshots, a test) moves every
date in it by the same number of days to its own today, so an example is never "too old" or
"in the future", and ages and intervals inside it stay as they were."""

from __future__ import annotations

import re
from datetime import date, timedelta

EXAMPLES_AS_OF = date(2026, 11, 18)

_DUTCH = re.compile(rb"(?<![\d-])(\d{2})-(\d{2})-(\d{4})(?![\d-])")  # 18-11-2026
_ISO = re.compile(rb"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")  # 2026-11-18


def as_of(data: bytes, today: date, written_on: date = EXAMPLES_AS_OF) -> bytes:
    """`data` (UTF-8 or Windows-1252 text; dates are ASCII either way) with its dates moved
    from `written_on` to `today`. Digits that are no valid date are left alone."""
    shift = today - written_on
    if not shift:
        return data

    def dutch(match: re.Match[bytes]) -> bytes:
        moved = _moved(int(match[3]), int(match[2]), int(match[1]), shift)
        return match[0] if moved is None else f"{moved:%d-%m-%Y}".encode()

    def iso(match: re.Match[bytes]) -> bytes:
        moved = _moved(int(match[1]), int(match[2]), int(match[3]), shift)
        return match[0] if moved is None else moved.isoformat().encode()

    return _ISO.sub(iso, _DUTCH.sub(dutch, data))


def _moved(year: int, month: int, day: int, shift: timedelta) -> date | None:
    try:
        return date(year, month, day) + shift
    except ValueError:
        return None
