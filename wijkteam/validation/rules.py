from __future__ import annotations

import re
from datetime import date, datetime, time

import phonenumbers
from stdnum import exceptions as stdnum_errors
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

from wijkteam.errors import ValidationError

# Vaals lies where the Netherlands, Germany and Belgium meet.
PHONE_REGIONS = frozenset({"NL", "DE", "BE"})
OLDEST_AGE_YEARS = 120
_DATE_PATTERNS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")


def required_text(field: str, value: str, max_length: int = 200) -> str:
    text = value.strip()
    if not text:
        raise ValidationError(field, "required")
    if len(text) > max_length:
        raise ValidationError(field, "too_long", max=max_length)
    return text


def optional_text(field: str, value: str, max_length: int = 200) -> str | None:
    text = value.strip()
    if len(text) > max_length:
        raise ValidationError(field, "too_long", max=max_length)
    return text or None


def normalise_bsn(value: str, field: str = "bsn") -> str | None:
    """Empty is allowed (asked only where the work needs it); else 9 digits passing the 11-proof."""
    text = value.strip()
    if not text:
        return None
    digits = re.sub(r"[\s.\-]", "", text)
    if not (digits.isascii() and digits.isdecimal()):
        raise ValidationError(field, "digits_only")
    if len(digits) != 9:
        raise ValidationError(field, "length", expected=9, got=len(digits))
    try:
        return stdnum_bsn.validate(digits)
    except stdnum_errors.ValidationError:
        raise ValidationError(field, "elfproef") from None


def normalise_postcode(value: str, field: str = "postcode") -> str | None:
    """Returns '1234 AB'. Letter pairs SA, SD and SS are not issued in the Netherlands."""
    text = value.strip()
    if not text:
        return None
    compact = re.sub(r"[\s\-]", "", text).upper()
    if not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", compact):
        raise ValidationError(field, "format")
    if compact[4:] in {"SA", "SD", "SS"}:
        raise ValidationError(field, "letters_not_used", letters=compact[4:])
    try:
        return stdnum_postcode.validate(compact)
    except stdnum_errors.ValidationError:
        raise ValidationError(field, "format") from None


def normalise_phone(value: str, field: str = "phone") -> str | None:
    """Dutch, German or Belgian number, stored as E.164 (+31433061234)."""
    text = value.strip()
    if not text:
        return None
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        raise ValidationError(field, "phone_format") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, "phone_format")
    if phonenumbers.region_code_for_number(number) not in PHONE_REGIONS:
        raise ValidationError(field, "phone_country")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str | None, *, abroad: bool = False) -> str:
    """Dutch numbers the Dutch way (043 306 1234), others internationally (+49 241 123456).
    `abroad`: for a reader dialling from outside the Netherlands, every number internationally
    (+31 43 306 1234)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "NL")
    except phonenumbers.NumberParseException:
        return e164
    if not abroad and phonenumbers.region_code_for_number(number) == "NL":
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_email(value: str, field: str = "email") -> str | None:
    text = value.strip()
    if not text:
        return None
    if len(text) > 254 or not _EMAIL.match(text):
        raise ValidationError(field, "email_format")
    return text


def parse_date(value: str, field: str, *, required: bool = False) -> date | None:
    """Dutch dates as typed: 03-11-2026, 3-11-2026, 3/11/2026, 3.11.2026 or 2026-11-03."""
    text = value.strip()
    if not text:
        if required:
            raise ValidationError(field, "required")
        return None
    for pattern in _DATE_PATTERNS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(field, "date_format")


def parse_time(value: str, field: str) -> time:
    text = value.strip().replace(".", ":")
    match = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?", text)
    if not match:
        raise ValidationError(field, "time_format")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValidationError(field, "time_format")
    return time(hour, minute)


def parse_received_date(value: str, today: date, field: str = "received_on") -> date:
    received = parse_date(value, field, required=True)
    assert received is not None
    if received > today:
        raise ValidationError(field, "in_future")
    if (today - received).days > 366:
        raise ValidationError(field, "too_old_received")
    return received


def parse_birth_date(value: str, today: date, field: str = "birth_date") -> date | None:
    born = parse_date(value, field)
    validate_birth_date(born, today, field)
    return born


def validate_birth_date(born: date | None, today: date, field: str = "birth_date") -> None:
    if born is None:
        return
    if born > today:
        raise ValidationError(field, "in_future")
    if today.year - born.year > OLDEST_AGE_YEARS:
        raise ValidationError(field, "implausible_age", years=OLDEST_AGE_YEARS)
