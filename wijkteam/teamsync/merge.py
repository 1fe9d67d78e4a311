"""The three-way merge of one record (DESIGN.md §11 "Merge on the laptop").

Fields changed on one side only are taken from that side; a field changed on both sides to
different values is a conflict: the merged record keeps this laptop's value until the
member settles it, and both values are kept with the conflict."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    mine: Any
    theirs: Any


def three_way(
    base: dict[str, Any] | None, mine: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], list[FieldConflict]]:
    base = base or {}
    merged: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for name in sorted(set(mine) | set(theirs)):
        b, m, t = base.get(name), mine.get(name), theirs.get(name)
        if m == t or t == b:
            merged[name] = m
        elif m == b:
            merged[name] = t
        else:
            merged[name] = m
            conflicts.append(FieldConflict(name, b, m, t))
    return merged, conflicts


def shown(value: Any) -> str | None:
    """A field's value as text for the conflict view (lists as JSON)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
