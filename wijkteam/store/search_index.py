"""The full-text index behind search-as-you-type on residents (SQLite FTS5).

The index lives outside the ORM models: a virtual table over `resident.search_text`, kept
current by triggers (see migration 0002). Prefix queries on words make every keystroke an
index lookup instead of a scan of all residents.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import TextClause, text

from wijkteam.domain.text import fold

FTS_TABLE = "resident_fts"


def is_search_index(name: str | None) -> bool:
    """True for the FTS table and the shadow tables SQLite creates for it."""
    return bool(name) and str(name).startswith(FTS_TABLE)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic hook: the search index is not part of the mapped models."""
    return not (type_ == "table" and is_search_index(name))


def match_expression(typed: str) -> str | None:
    """An FTS5 query in which every typed word must start a word of the resident's search
    text: 'jan 6291' → '"jan"* "6291"*'. None when nothing searchable was typed."""
    words = []
    for word in fold(typed).split():
        cleaned = "".join(ch if ch.isalnum() else " " for ch in word).split()
        words += [f'"{part}"*' for part in cleaned if _narrows(part)]
    return " ".join(words) or None


def _narrows(part: str) -> bool:
    """Numbers count from their fourth digit: every postcode here starts with 62 and every
    demo BSN with 999, so '6' or '62' would only make the list slower, not shorter."""
    return not part.isdigit() or len(part) >= MIN_DIGITS


MIN_DIGITS = 4


def resident_ids_matching(typed: str) -> TextClause | None:
    """A subquery of the ids of residents matching the typed text, for `column.in_(…)`;
    None when there is nothing to search for."""
    expression = match_expression(typed)
    if expression is None:
        return None
    return text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match").bindparams(
        match=expression
    )
