"""Opening the encrypted store from a headless command: the passphrase comes from
$WIJKTEAM_PASSPHRASE, or from a prompt when a person sits at the terminal."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from wijkteam.errors import WijkteamError
from wijkteam.security.keyring import KeyRing, keys_path
from wijkteam.security.setup import Opened, StoreState, TeamSetup, first_start, open_unlocked

PASSPHRASE_ENV = "WIJKTEAM_PASSPHRASE"
# A new store made by `demo-data` gets the demo coordinator as its first account.
DEMO_TEAM = ("Wijkteam Vaals (demo)", "Vaals", "Anouk Meertens", "AM")


class NoPassphrase(WijkteamError):
    code = "no_passphrase"


def passphrase_from_environment() -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("Wachtwoord (of herstelcode): ")
    raise NoPassphrase()


def open_headless(data_dir: Path, state: StoreState, passphrase: str) -> Opened:
    """LOCKED: any member's password or the recovery code opens the store.
    NEW: a demo team is created whose coordinator (initials AM) has this password."""
    if state is StoreState.NEW:
        team, place, name, initials = DEMO_TEAM
        return first_start(data_dir, TeamSetup(team, place, name, initials, passphrase, passphrase))
    ring = KeyRing.load(keys_path(data_dir))
    return open_unlocked(data_dir, ring, ring.unlock_any(passphrase))
