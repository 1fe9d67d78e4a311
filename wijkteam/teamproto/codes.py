"""Typeable codes: registration, invite and team recovery codes.

Each code is a kind byte and its parts, written in base32 over an alphabet without 0/O and
1/I, in groups of five with a two-letter checksum at the end, so a code read from paper and
typed with a slip is refused as a typo instead of being sent to the server.

- registration code (`add-team`): auth part (128 bits, the server stores its hash) and the
  server's key pin;
- invite code: auth part (80 bits, rate-limited, one-time, expiring), key part (128 bits, never
  sent: it opens the invite's wrapped team keys), the server's key pin and the fingerprint of the
  coordinator's public signing key;
- team recovery code: auth part (80 bits), secret (160 bits, never sent: it opens the team's
  recovery wrap) and the server's key pin.

Pins and fingerprints in codes are the first 128 bits of their SHA-256.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from wijkteam.teamproto.encoding import sha256
from wijkteam.teamproto.errors import CodeInvalid

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
GROUP = 5
CHECK_CHARS = 2
PIN_PREFIX = 16

REGISTRATION, INVITE, RECOVERY = 1, 2, 3
_LAYOUT = {  # kind -> lengths of its parts in bytes
    REGISTRATION: (16, PIN_PREFIX),
    INVITE: (10, 16, PIN_PREFIX, 16),
    RECOVERY: (10, 20, PIN_PREFIX),
}


def _to_chars(data: bytes) -> str:
    bits = int.from_bytes(data, "big")
    count = (len(data) * 8 + 4) // 5
    bits <<= count * 5 - len(data) * 8
    return "".join(ALPHABET[(bits >> (5 * (count - 1 - i))) & 31] for i in range(count))


def _from_chars(text: str, length: int) -> bytes:
    count = (length * 8 + 4) // 5
    if len(text) != count:
        raise CodeInvalid("team_code_invalid", reason="length")
    bits = 0
    for ch in text:
        bits = (bits << 5) | _VALUE[ch]
    spare = count * 5 - length * 8
    if bits & ((1 << spare) - 1):
        raise CodeInvalid("team_code_invalid", reason="padding")
    return (bits >> spare).to_bytes(length, "big")


def _checksum(body: str) -> str:
    return _to_chars(sha256(b"wijkteam-code-v1" + body.encode()))[:CHECK_CHARS]


def encode(kind: int, parts: tuple[bytes, ...]) -> str:
    lengths = _LAYOUT[kind]
    if tuple(len(p) for p in parts) != lengths:
        raise ValueError("part lengths do not fit the code kind")
    body = _to_chars(bytes([kind]) + b"".join(parts))
    text = body + _checksum(body)
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def decode(kind: int, typed: str) -> tuple[bytes, ...]:
    """The parts of a code as typed (any case, spaces or dashes anywhere). Raises CodeInvalid."""
    clean = "".join(ch for ch in typed.upper() if not ch.isspace() and ch != "-")
    if not clean or any(ch not in _VALUE for ch in clean):
        raise CodeInvalid("team_code_invalid", reason="letters")
    body, check = clean[:-CHECK_CHARS], clean[-CHECK_CHARS:]
    if _checksum(body) != check:
        raise CodeInvalid("team_code_invalid", reason="checksum")
    lengths = _LAYOUT[kind]
    raw = _from_chars(body, 1 + sum(lengths))
    if raw[0] != kind:
        raise CodeInvalid("team_code_invalid", reason="kind")
    parts, offset = [], 1
    for n in lengths:
        parts.append(raw[offset : offset + n])
        offset += n
    return tuple(parts)


@dataclass(frozen=True)
class RegistrationCode:
    auth: bytes
    pin_prefix: bytes

    @staticmethod
    def new(pin: bytes) -> RegistrationCode:
        return RegistrationCode(secrets.token_bytes(16), pin[:PIN_PREFIX])

    def text(self) -> str:
        return encode(REGISTRATION, (self.auth, self.pin_prefix))

    @staticmethod
    def parse(typed: str) -> RegistrationCode:
        return RegistrationCode(*decode(REGISTRATION, typed))


@dataclass(frozen=True)
class InviteCode:
    auth: bytes
    key_part: bytes  # never sent to the server
    pin_prefix: bytes
    coordinator_fingerprint: bytes

    @staticmethod
    def new(pin: bytes, coordinator_public: bytes) -> InviteCode:
        return InviteCode(
            secrets.token_bytes(10),
            secrets.token_bytes(16),
            pin[:PIN_PREFIX],
            fingerprint(coordinator_public),
        )

    def text(self) -> str:
        parts = (self.auth, self.key_part, self.pin_prefix, self.coordinator_fingerprint)
        return encode(INVITE, parts)

    @staticmethod
    def parse(typed: str) -> InviteCode:
        return InviteCode(*decode(INVITE, typed))


@dataclass(frozen=True)
class RecoveryCode:
    auth: bytes
    secret: bytes  # never sent to the server
    pin_prefix: bytes

    @staticmethod
    def new(pin: bytes) -> RecoveryCode:
        return RecoveryCode(secrets.token_bytes(10), secrets.token_bytes(20), pin[:PIN_PREFIX])

    def text(self) -> str:
        return encode(RECOVERY, (self.auth, self.secret, self.pin_prefix))

    @staticmethod
    def parse(typed: str) -> RecoveryCode:
        return RecoveryCode(*decode(RECOVERY, typed))


def fingerprint(public_key: bytes) -> bytes:
    return sha256(b"wijkteam-signing-key-v1" + public_key)[:16]
