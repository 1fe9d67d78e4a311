"""Opening the encrypted store from a headless command: the passphrase comes from
$WIJKTEAM_PASSPHRASE, or from a prompt when a person sits at the terminal."""

from __future__ import annotations

import getpass
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from wijkteam.clock import Clock
from wijkteam.errors import NoPassphrase, PassphraseRefused, SignInRefused, StoreNotSetUp
from wijkteam.security.attempts import SIGN_IN, write_attempt
from wijkteam.security.keyring import KeyRing, keys_path
from wijkteam.store import Store, store_path
from wijkteam.wiring.services import Services
from wijkteam.wiring.setup import (
    Opened,
    StoreState,
    TeamSetup,
    first_start,
    open_unlocked,
    store_state,
)

PASSPHRASE_ENV = "WIJKTEAM_PASSPHRASE"
# A new store made by `demo-data` gets the demo coordinator as its first account.
DEMO_TEAM = ("Wijkteam Vaals (demo)", "Vaals", "Anouk Meertens", "AM")


def open_store_for_command(data_dir: Path, *, clock: Clock | None = None) -> Store:
    """What every headless command uses instead of `open_store`: the encrypted store,
    unlocked with $WIJKTEAM_PASSPHRASE (a member's password or the recovery code).
    Raises a StoreError subclass (with a code, never the passphrase) when it cannot."""
    state = store_state(data_dir)
    if state is not StoreState.LOCKED:
        raise StoreNotSetUp()
    from wijkteam.services.key_rotation import open_rotating  # loads the database layer

    ring = KeyRing.load(keys_path(data_dir))
    try:
        unlocked = ring.unlock_any(passphrase_from_environment())
    except SignInRefused as error:
        write_attempt(data_dir, ring.inbox, SIGN_IN, None, datetime.now(UTC).replace(tzinfo=None))
        raise PassphraseRefused() from error
    check_before_opening(data_dir, ring, unlocked.store_key)
    return open_rotating(data_dir, ring, unlocked.store_key, clock=clock)


def check_before_opening(data_dir: Path, ring: KeyRing, store_key: bytes) -> None:
    """The full integrity check before a command opens (and so writes to) the store; no
    sign-in budget here. Raises StoreDamaged naming the last good backup."""
    from wijkteam.services.backup_checks import damaged_with_backup
    from wijkteam.services.backups import backup_folder
    from wijkteam.store.cipher import Cipher
    from wijkteam.store.integrity import file_is_intact

    path = store_path(data_dir)
    if not path.is_file() or path.stat().st_size == 0:
        return  # opening says what is missing
    keys = [store_key, *([p] if (p := ring.previous_key(store_key)) else [])]
    if not any(file_is_intact(path, Cipher(key)) for key in keys):  # a rotation half-done
        raise damaged_with_backup(backup_folder(data_dir), Cipher(store_key))


def open_services_for_command(data_dir: Path, *, clock: Clock | None = None) -> Services:
    """Like `open_store_for_command`, with the services signed in as the member whose
    password was given (so the audit log names them); with the recovery code nobody is
    signed in and the log names no member. Raises a StoreError subclass when it cannot."""
    state = store_state(data_dir)
    if state is not StoreState.LOCKED:
        raise StoreNotSetUp()
    ring = KeyRing.load(keys_path(data_dir))
    try:
        unlocked = ring.unlock_any(passphrase_from_environment())
    except SignInRefused as error:
        write_attempt(data_dir, ring.inbox, SIGN_IN, None, datetime.now(UTC).replace(tzinfo=None))
        raise PassphraseRefused() from error
    check_before_opening(data_dir, ring, unlocked.store_key)
    try:
        return open_unlocked(data_dir, ring, unlocked, clock=clock).services
    except SignInRefused as error:  # a member whose account was turned off
        raise PassphraseRefused() from error


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
    try:
        unlocked = ring.unlock_any(passphrase)
    except SignInRefused:
        write_attempt(data_dir, ring.inbox, SIGN_IN, None, datetime.now(UTC).replace(tzinfo=None))
        raise
    check_before_opening(data_dir, ring, unlocked.store_key)
    return open_unlocked(data_dir, ring, unlocked)
