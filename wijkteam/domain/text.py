"""Text folding for search and duplicate detection: 'Zoë Müller-Šimić' ~ 'zoe muller-simic'."""

from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def person_name(first_names: str | None, prefix: str | None, surname: str) -> str:
    """'Maria van den Berg': how the name is written in a sentence."""
    return " ".join(part for part in (first_names, prefix, surname) if part)


def sort_name(first_names: str | None, prefix: str | None, surname: str) -> str:
    """'Berg, Maria van den': how Dutch lists sort names."""
    rest = " ".join(part for part in (first_names, prefix) if part)
    return f"{surname}, {rest}" if rest else surname
