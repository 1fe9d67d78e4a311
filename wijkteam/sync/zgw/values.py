"""Small value formats shared by the mappers."""

from __future__ import annotations

import uuid
from datetime import date, datetime


def iso_date(value: date) -> str:
    return value.isoformat()


def iso_datetime(value: datetime) -> str:
    """RFC 3339 with an offset. Naive values are local wall-clock time (the clock's now())."""
    aware = value if value.tzinfo is not None else value.astimezone()
    return aware.replace(microsecond=0).isoformat()


def iso_instant(value: datetime) -> str:
    """Like iso_datetime, with the microseconds kept (when there are any)."""
    aware = value if value.tzinfo is not None else value.astimezone()
    return aware.isoformat()


def identificatie(resource_uuid: uuid.UUID) -> str:
    """A unique, stable and impersonal identificatie (35 characters; ZGW allows 40)."""
    return f"WT-{resource_uuid.hex}"


def clip(text: str | None, limit: int) -> str | None:
    """Text cut to a schema's maxLength, with an ellipsis when cut."""
    if not text:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def without_empty(body: dict) -> dict:  # type: ignore[type-arg]
    """Optional fields are left out rather than sent empty."""
    return {k: v for k, v in body.items() if v not in (None, "", [], {})}
