"""Typed errors of the team protocol. Codes only: ui/ turns them into Dutch sentences."""

from __future__ import annotations

from wijkteam.errors import WijkteamError


class TeamError(WijkteamError):
    code = "team_error"


class CodeInvalid(TeamError):
    """A typed code with a wrong length, letter or checksum (a typo), or of another kind."""

    code = "team_code_invalid"


class OpenFailed(TeamError):
    """Ciphertext that does not open with the key at hand, or whose bound fields differ."""

    code = "team_open_failed"


class SignatureInvalid(TeamError):
    """A signature that does not verify with the pinned key."""

    code = "team_signature_invalid"


class ChainBroken(TeamError):
    """A device's operations do not chain up to its signed head: something was withheld."""

    code = "team_chain_broken"
