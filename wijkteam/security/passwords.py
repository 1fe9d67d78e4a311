"""Rules for a member's password. Length is what makes a password hard to guess: a sentence
of a few words is better than a short jumble of signs."""

from __future__ import annotations

from wijkteam.errors import ValidationError
from wijkteam.validation import Collector

MIN_LENGTH = 12
MAX_LENGTH = 200


def check_new_password(password: str, again: str) -> str:
    errors = Collector()
    if len(password) < MIN_LENGTH:
        errors.add(ValidationError("password", "password_too_short", min=MIN_LENGTH))
    elif len(password) > MAX_LENGTH:
        errors.add(ValidationError("password", "too_long", max=MAX_LENGTH))
    elif password.strip() != password or len(set(password)) < 4:
        errors.add(ValidationError("password", "password_too_simple"))
    if password != again:
        errors.add(ValidationError("password_again", "password_mismatch"))
    errors.raise_if_any()
    return password
