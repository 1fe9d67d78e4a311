"""Canonical bytes for hashing and signing, and base64 for the JSON wire."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

# What json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False) builds for
# every call, made once: a laptop canonicalises two values per record it verifies.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return _CANONICAL.encode(value).encode()


def tagged(tag: str, value: Any) -> bytes:
    """Domain separation: a signature or hash over one kind of message never fits another."""
    return tag.encode() + b"\x00" + canonical(value)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Strict: what base64.b64decode(validate=True) does, without its per-call overhead."""
    return binascii.a2b_base64(text.encode("ascii"), strict_mode=True)


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def token_hash(secret: bytes | str) -> str:
    """What the server stores of a device token or a code's auth part."""
    raw = secret.encode() if isinstance(secret, str) else secret
    return hashlib.sha256(b"wijkteam-auth-v1\x00" + raw).hexdigest()
