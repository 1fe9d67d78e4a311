"""A draft's content as JSON text: the editor's ContactInput, exactly as typed.

Decoding never drops text: a theme or kind this version does not know (a draft written by a
newer version) ends up in the free notes instead.
"""

from __future__ import annotations

import json
from typing import Any

from wijkteam.domain.contacts import ContactKind, MessageMedium, Theme
from wijkteam.services.contact_records import ContactInput

VERSION = 1
_THEME_KEYS = frozenset(t.value for t in Theme)


def encode(data: ContactInput) -> str:
    return json.dumps(
        {
            "v": VERSION,
            "kind": data.kind.value,
            "medium": data.medium.value if data.medium else None,
            "date": data.date,
            "time": data.time,
            "duration": data.duration,
            "member_id": data.member_id,
            "report_id": data.report_id,
            "themes": {theme.value: text for theme, text in data.themes.items() if text},
            "notes": data.notes,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode(text: str) -> ContactInput:
    try:
        raw: dict[str, Any] = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except ValueError:  # never expected (writes are atomic); still, keep the words
        return ContactInput(kind=ContactKind.HOME_VISIT, date="", notes=text)
    themes: dict[Theme, str] = {}
    strays: list[str] = []
    for key, value in (raw.get("themes") or {}).items():
        if key in _THEME_KEYS:
            themes[Theme(key)] = str(value)
        elif value:
            strays.append(f"{key}:\n{value}")
    notes = "\n\n".join([str(raw.get("notes") or ""), *strays]).strip("\n")
    return ContactInput(
        kind=_enum(ContactKind, raw.get("kind"), ContactKind.HOME_VISIT),
        medium=_enum(MessageMedium, raw.get("medium"), None),
        date=str(raw.get("date") or ""),
        time=str(raw.get("time") or ""),
        duration=str(raw.get("duration") or ""),
        member_id=_int(raw.get("member_id")),
        report_id=_int(raw.get("report_id")),
        themes=themes,
        notes=notes,
    )


def _enum(kind: Any, value: Any, default: Any) -> Any:
    try:
        return kind(value)
    except ValueError:
        return default


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) else None
