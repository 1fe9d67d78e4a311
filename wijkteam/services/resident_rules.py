"""Validation of a resident as typed into a form."""

from __future__ import annotations

from datetime import date
from typing import Any

from wijkteam.domain.text import fold
from wijkteam.errors import ValidationError
from wijkteam.services.inputs import ResidentInput
from wijkteam.validation import (
    Collector,
    normalise_bsn,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    parse_birth_date,
    required_text,
)
from wijkteam.validation.rules import optional_text


def resident_values(data: ResidentInput, today: date, errors: Collector) -> dict[str, Any]:
    """Normalised column values for a Resident; problems go into `errors`."""
    values: dict[str, Any] = {
        "surname": errors.check(lambda: required_text("surname", data.surname, 120)),
        "first_names": errors.check(lambda: optional_text("first_names", data.first_names, 120)),
        "prefix": errors.check(lambda: optional_text("prefix", data.prefix, 20)),
        "birth_date": errors.check(lambda: parse_birth_date(data.birth_date, today)),
        "bsn": errors.check(lambda: normalise_bsn(data.bsn)),
        "street": errors.check(lambda: optional_text("street", data.street, 120)),
        "house_number": errors.check(lambda: optional_text("house_number", data.house_number, 10)),
        "house_number_suffix": errors.check(
            lambda: optional_text("house_number_suffix", data.house_number_suffix, 10)
        ),
        "postcode": errors.check(lambda: normalise_postcode(data.postcode)),
        "place": errors.check(lambda: optional_text("place", data.place, 80)),
        "district": errors.check(lambda: optional_text("district", data.district, 80)),
        "phone": errors.check(lambda: normalise_phone(data.phone)),
        "email": errors.check(lambda: normalise_email(data.email)),
        "preferred_channel": data.preferred_channel,
        "language": data.language,
        "network_notes": errors.check(
            lambda: optional_text("network_notes", data.network_notes, 20000)
        ),
    }
    values["bsn_confirmed"] = bool(data.bsn_confirmed and values["bsn"])
    if data.bsn_confirmed and not data.bsn.strip():
        errors.add(ValidationError("bsn", "confirmed_without_bsn"))
    if values["house_number"] and not data.house_number.strip()[0].isdigit():
        errors.add(ValidationError("house_number", "house_number_format"))
    if not values["district"] and values["place"]:
        values["district"] = values["place"]
    has_address = bool(values["postcode"] and values["house_number"])
    if (
        values["surname"]
        and not values["bsn"]
        and not values["birth_date"]
        and not has_address
        and not _field_failed(errors, {"bsn", "birth_date", "postcode", "house_number"})
    ):
        # Without a BSN a resident is told apart by birth date or address (Wmo 2015 art. 5.2.9).
        errors.add(ValidationError("birth_date", "identify_without_bsn"))
    return values


def search_columns(values: dict[str, Any]) -> dict[str, str]:
    postcode = values.get("postcode") or ""
    parts = [
        values.get("surname"),
        values.get("prefix"),
        values.get("first_names"),
        postcode,
        postcode.replace(" ", ""),
        values.get("bsn"),
        values.get("place"),
    ]
    return {
        "search_text": " " + fold(" ".join(p for p in parts if p)),
        "surname_key": fold(values.get("surname")),
    }


def _field_failed(errors: Collector, fields: set[str]) -> bool:
    return any(e.field in fields for e in errors.errors)
