"""Bytes to text for a spreadsheet's CSV, and cells that cannot become formulas.

Excel and LibreOffice Calc run a cell starting with = + - @ (or a tab, a line break, or the
full-width forms of those signs) as a formula (OWASP "CSV injection"). Such cells are
written with a leading apostrophe; reading takes exactly that apostrophe off again, so
export → import gives back the same text.
"""

from __future__ import annotations

from wijkteam.common.csv_safety import ESCAPE as GUARD
from wijkteam.common.csv_safety import FORMULA_TRIGGERS, escape_formula
from wijkteam.common.text_files import UTF8_BOM, TextRefused, decode_csv, refuse_binary
from wijkteam.errors import MapFileRefused

BOM = UTF8_BOM


def needs_guard(text: str) -> bool:
    """Looks through leading spaces and apostrophes: " =1+1" and "'=1+1" are guarded too,
    so that taking one apostrophe off on import is always right."""
    core = text.lstrip(" " + GUARD)
    return bool(core) and core[0] in FORMULA_TRIGGERS


def guard(text: str) -> str:
    return GUARD + text if needs_guard(text) else text


def pre_guard(text: str) -> str:
    """What `guard` adds beyond the app's one CSV writer (wijkteam/common/csv_safety.py), which
    escapes formula cells but not cells whose formula sign follows an apostrophe; together
    they give `guard`, so the apostrophe taken off on import is always the one added."""
    if needs_guard(text) and escape_formula(text) == text:
        return GUARD + text
    return text


def unguard(text: str) -> str:
    if text.startswith(GUARD) and needs_guard(text[1:]):
        return text[1:]
    return text


def decode(data: bytes) -> str:
    """The file's text, read the way the import of meldingen reads a CSV (one set of rules
    for what Excel writes): UTF-8 with or without BOM, else Windows-1252; empty files, PDFs,
    images, workbooks and other binary files are refused."""
    try:
        refuse_binary(data)
        return decode_csv(data)
    except TextRefused as refused:
        raise MapFileRefused(refused.code, **refused.params) from None
