"""Recovery codes: 30 characters (150 random bits) in six groups, easy to read aloud."""

from __future__ import annotations

import secrets

# No 0/O, 1/I: nothing to confuse on paper.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
GROUPS, GROUP_LENGTH = 6, 5


def new_recovery_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(chars[i : i + GROUP_LENGTH] for i in range(0, len(chars), GROUP_LENGTH))


def normalise_recovery_code(typed: str) -> str:
    """As typed on a form: any case, spaces or dashes between the groups."""
    clean = "".join(ch for ch in typed.upper() if ch.isalnum())
    return "-".join(clean[i : i + GROUP_LENGTH] for i in range(0, len(clean), GROUP_LENGTH))
