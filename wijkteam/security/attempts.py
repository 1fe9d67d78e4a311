"""Refused sign-ins and recovery attempts, written down at the moment they happen.

A refused attempt cannot go into the audit log at once: without the right password the store
stays closed. So it is sealed (X25519, see sealing.py) to the store's own "inbox" key, whose
public half is in keys.json and whose private half lives inside the encrypted store, and
appended to `aanmeldpogingen` next to the store. Nobody can read the file without opening
the store; the next time the store is opened, the attempts move into the audit log with
their own time and the member they concern (services/sign_in_audit.py).
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from wijkteam.security.sealing import Sealed, Unreadable, seal, unseal

ATTEMPTS_FILENAME = "aanmeldpogingen"
AAD = b"wijkteam-sign-in-attempt|1"
SIGN_IN, RECOVERY = "sign_in", "recovery"
MAX_INITIALS = 16  # what is kept of a typed "initials" field (it may hold a mistyped password)


@dataclass(frozen=True)
class Attempt:
    id: str  # random: lets the audit log skip an attempt it already took over
    at: datetime  # UTC
    kind: str  # SIGN_IN or RECOVERY
    initials: str | None  # as typed; None: not asked (recovery code, headless command)

    def __repr__(self) -> str:
        return f"Attempt({self.kind} at {self.at:%Y-%m-%d %H:%M:%S})"


def attempts_path(data_dir: Path) -> Path:
    return Path(data_dir) / ATTEMPTS_FILENAME


def write_attempt(
    data_dir: Path, inbox: bytes | None, kind: str, initials: str | None, at: datetime
) -> None:
    """Appends one sealed attempt; without an inbox key (a key file of an earlier version)
    the attempt cannot be kept and is skipped."""
    if inbox is None:
        return
    clean = "".join((initials or "").split()).upper()[:MAX_INITIALS] or None
    payload = {"id": secrets.token_hex(8), "at": at.isoformat(), "kind": kind, "initials": clean}
    sealed = seal(inbox, json.dumps(payload).encode("utf-8"), AAD)
    line = json.dumps(sealed.to_json()) + "\n"
    path = attempts_path(data_dir)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line.encode("ascii"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_attempts(data_dir: Path, private: bytes) -> list[Attempt]:
    """Every attempt the file holds that this inbox key opens (others are skipped)."""
    path = attempts_path(data_dir)
    if not path.exists():
        return []
    found: list[Attempt] = []
    for line in path.read_text(encoding="ascii", errors="replace").splitlines():
        try:
            data = json.loads(unseal(private, Sealed.from_json(json.loads(line)), AAD))
            found.append(
                Attempt(
                    str(data["id"]),
                    datetime.fromisoformat(data["at"]),
                    str(data["kind"]),
                    data.get("initials"),
                )
            )
        except (Unreadable, ValueError, KeyError, TypeError):
            continue  # a torn last line after a crash, or an attempt for another store
    return found


def clear_attempts(data_dir: Path) -> None:
    path = attempts_path(data_dir)
    if path.exists():
        path.unlink()
