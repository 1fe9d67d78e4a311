"""Validation of a sociale-kaart entry, the same for the editor and for a CSV row."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from wijkteam.domain.social_map import MapCategory, category_order
from wijkteam.domain.text import fold
from wijkteam.errors import ValidationError
from wijkteam.services.social_map.records import MapEntryInput
from wijkteam.validation import Collector, normalise_email, normalise_phone, parse_date
from wijkteam.validation.rules import OLDEST_AGE_YEARS, optional_text, required_text

NAME_MAX = 200
TEXT_MAX = 200
DESCRIPTION_MAX = 4000
# Letters NFKD does not take apart, so that 'Yıldız' is found by typing 'yildiz'.
_SEARCH_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"})
_WEBSITE = re.compile(r"^(https?://)?[^\s/@]+\.[^\s/@.]{2,}(/\S*)?$", re.IGNORECASE)


def entry_values(data: MapEntryInput, today: date, errors: Collector) -> dict[str, Any]:
    """Normalised column values for a SocialMapEntry (without categories and keys);
    every problem goes into `errors`."""

    def text(field: str, max_length: int = TEXT_MAX) -> str | None:
        return errors.check(lambda: optional_text(field, getattr(data, field), max_length))

    values: dict[str, Any] = {
        "name": errors.check(lambda: required_text("name", data.name, NAME_MAX)),
        "kind": data.kind,
        "access": data.access,
        "target_group": text("target_group"),
        "age_min": errors.check(lambda: parse_age("age_min", data.age_min)),
        "age_max": errors.check(lambda: parse_age("age_max", data.age_max)),
        "schedule": text("schedule"),
        "location": text("location"),
        "cost": text("cost"),
        "place": text("place", 80),
        "contact_name": text("contact_name", 120),
        "phone": errors.check(lambda: normalise_phone(data.phone, "phone")),
        "email": errors.check(lambda: normalise_email(data.email, "email")),
        "backup_name": text("backup_name", 120),
        "backup_phone": errors.check(lambda: normalise_phone(data.backup_phone, "backup_phone")),
        "website": errors.check(lambda: normalise_website(data.website)),
        "description": errors.check(lambda: normalise_description(data.description)),
        "last_checked": errors.check(lambda: parse_checked(data.last_checked, today)),
        "active": data.active,
        "is_example": data.is_example,
    }
    low, high = values["age_min"], values["age_max"]
    if low is not None and high is not None and low > high:
        errors.add(ValidationError("age_max", "age_order"))
    return values


def parse_age(field: str, value: str) -> int | None:
    text = value.strip()
    if not text:
        return None
    # isdecimal, not isdigit: "¹" is a digit to Python but not a number int() reads.
    if not (text.isascii() and text.isdecimal()):
        raise ValidationError(field, "age_format")
    age = int(text)
    if age > OLDEST_AGE_YEARS:
        raise ValidationError(field, "age_range", max=OLDEST_AGE_YEARS)
    return age


def normalise_website(value: str, field: str = "website") -> str | None:
    text = optional_text(field, value, 300)
    if text is None:
        return None
    if not _WEBSITE.match(text):
        raise ValidationError(field, "website_format")
    return text


def normalise_description(value: str) -> str | None:
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return optional_text("description", text, DESCRIPTION_MAX)


def parse_checked(value: str, today: date, field: str = "last_checked") -> date | None:
    checked = parse_date(value, field)
    if checked is not None and checked > today:
        raise ValidationError(field, "in_future")
    return checked


def sorted_categories(categories: frozenset[MapCategory]) -> tuple[MapCategory, ...]:
    return tuple(sorted(categories, key=category_order))


def search_fold(text: str | None) -> str:
    """Accent- and case-free text for search-as-you-type (fold, plus a few letters more)."""
    return fold(text).translate(_SEARCH_LETTERS)


def search_columns(values: dict[str, Any]) -> dict[str, str]:
    """The folded text search-as-you-type looks in, and the keys for sorting and matching."""
    parts = [
        values.get("name"),
        values.get("place"),
        values.get("contact_name"),
        values.get("backup_name"),
        values.get("location"),
        values.get("target_group"),
        values.get("description"),
    ]
    return {
        "search_text": " " + search_fold(" ".join(p for p in parts if p)),
        "name_key": fold(values.get("name"))[:NAME_MAX],
        "place_key": fold(values.get("place"))[:80],
    }
