"""Input rules. Each function takes what a person typed and returns the normalised value,
or raises ValidationError(field, code). `Collector` gathers every problem of one form."""

from wijkteam.validation.collector import Collector
from wijkteam.validation.rules import (
    normalise_bsn,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    parse_birth_date,
    parse_date,
    parse_received_date,
    parse_time,
    required_text,
)

__all__ = [
    "Collector",
    "normalise_bsn",
    "normalise_email",
    "normalise_phone",
    "normalise_postcode",
    "parse_birth_date",
    "parse_date",
    "parse_received_date",
    "parse_time",
    "required_text",
]
