"""Bytes to text and back for a spreadsheet's CSV, and cells that cannot become formulas.

Excel and LibreOffice Calc run a cell starting with = + - @ (or a tab, a line break, or the
full-width forms of those signs) as a formula (OWASP "CSV injection"). Such cells are
written with a leading apostrophe; reading takes exactly that apostrophe off again, so
export → import gives back the same text.
"""

from __future__ import annotations

from wijkteam.services.social_map.errors import MapFileRefused
from wijkteam.sync.csv_safety import ESCAPE as GUARD
from wijkteam.sync.csv_safety import FORMULA_TRIGGERS, escape_formula

BOM = b"\xef\xbb\xbf"
UTF8, CP1252 = "utf-8", "windows-1252"


def needs_guard(text: str) -> bool:
    """Looks through leading spaces and apostrophes: " =1+1" and "'=1+1" are guarded too,
    so that taking one apostrophe off on import is always right."""
    core = text.lstrip(" " + GUARD)
    return bool(core) and core[0] in FORMULA_TRIGGERS


def guard(text: str) -> str:
    return GUARD + text if needs_guard(text) else text


def pre_guard(text: str) -> str:
    """What `guard` adds beyond the app's one CSV writer (wijkteam/sync/csv_safety.py), which
    escapes formula cells but not cells whose formula sign follows an apostrophe; together
    they give `guard`, so the apostrophe taken off on import is always the one added."""
    if needs_guard(text) and escape_formula(text) == text:
        return GUARD + text
    return text


def unguard(text: str) -> str:
    if text.startswith(GUARD) and needs_guard(text[1:]):
        return text[1:]
    return text


def decode(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was in: UTF-8 (with or without BOM), else
    Windows-1252 (what older Excel versions write)."""
    if b"\x00" in data:
        raise MapFileRefused("not_text")
    if data.startswith(BOM):
        try:
            return data[len(BOM) :].decode(UTF8), UTF8
        except UnicodeDecodeError:
            raise MapFileRefused("encoding") from None
    try:
        return data.decode(UTF8), UTF8
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(CP1252), CP1252
    except UnicodeDecodeError:
        raise MapFileRefused("encoding") from None
