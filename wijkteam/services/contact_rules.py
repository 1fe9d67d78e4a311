"""Checking a typed contact moment. Every problem is collected, so the editor can mark each
field at once; nothing here touches the store."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from wijkteam.domain.contacts import (
    MAX_DURATION_MINUTES,
    ContactKind,
    MessageMedium,
    Theme,
)
from wijkteam.errors import ValidationError
from wijkteam.services.contact_records import ContactInput
from wijkteam.validation import Collector, parse_date, parse_time
from wijkteam.validation.rules import optional_text

MAX_THEME_LENGTH = 50_000
_HOURS_MINUTES = re.compile(r"(\d{1,2})\s*[:.uU]\s*(\d{1,2})")


@dataclass(frozen=True, slots=True)
class ContactValues:
    kind: ContactKind
    medium: MessageMedium | None
    occurred_on: date
    occurred_time: time | None
    duration_minutes: int | None
    member_id: int | None
    report_id: int | None
    themes: dict[Theme, str]
    notes: str | None


def contact_values(
    data: ContactInput, today: date, acting_member_id: int | None = None
) -> ContactValues:
    """The checked, normalised values; raises ValidationFailed with every problem. Who had
    the contact is never left open: the member chosen, else the member acting."""
    errors = Collector()
    on = errors.check(lambda: parse_date(data.date, "contact_date", required=True))
    if on is not None and on > today:
        errors.add(ValidationError("contact_date", "in_future"))
    at = errors.check(lambda: parse_time(data.time, "contact_time") if data.time.strip() else None)
    minutes = errors.check(lambda: parse_duration(data.duration))
    medium = data.medium if data.kind is ContactKind.MESSAGE else None
    if data.kind is ContactKind.MESSAGE and medium is None:
        errors.add(ValidationError("medium", "choose_medium"))
    member_id = data.member_id or acting_member_id
    if member_id is None:
        errors.add(ValidationError("contact_member", "choose_member"))
    themes: dict[Theme, str] = {}
    for theme, text in data.themes.items():
        clean = errors.check(
            lambda t=text, k=theme: optional_text(f"theme_{k.value}", t, MAX_THEME_LENGTH)
        )
        if clean:
            themes[theme] = clean
    notes = errors.check(lambda: optional_text("contact_notes", data.notes, MAX_THEME_LENGTH))
    errors.raise_if_any()
    assert on is not None
    return ContactValues(
        kind=data.kind,
        medium=medium,
        occurred_on=on,
        occurred_time=at,
        duration_minutes=minutes,
        member_id=member_id,
        report_id=data.report_id,
        themes=themes,
        notes=notes,
    )


def parse_duration(value: str, field: str = "duration") -> int | None:
    """Minutes as typed: '45', '45 min', '1:30' or '1u30'. Empty is allowed."""
    text = value.strip().lower().removesuffix("minuten").removesuffix("min").strip()
    if not text:
        return None
    match = _HOURS_MINUTES.fullmatch(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if minutes > 59:
            raise ValidationError(field, "duration_format")
        total = hours * 60 + minutes
    elif text.isascii() and text.isdecimal():
        total = int(text)
    else:
        raise ValidationError(field, "duration_format")
    if not 1 <= total <= MAX_DURATION_MINUTES:
        raise ValidationError(field, "duration_range", max=MAX_DURATION_MINUTES)
    return total
