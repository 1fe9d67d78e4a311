"""Getting to an open, encrypted store: first start (new team, or conversion of an
unencrypted store of an earlier version), signing in, and resetting a password with the
recovery code. The window reaches these through access.StoreAccess; tests and the headless
commands call them directly."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from wijkteam.clock import Clock, SystemClock
from wijkteam.common.private_files import make_private
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import SignInRefused, StoreDamaged
from wijkteam.faults import damage_of
from wijkteam.security.attempts import RECOVERY, SIGN_IN, write_attempt
from wijkteam.security.conversion import (
    export_encrypted,
    remove_with_side_files,
    swap_in,
    work_path,
)
from wijkteam.security.kdf import STRONG, KdfParams
from wijkteam.security.keyring import KeyRing, OpenKeyRing, Unlocked, keys_path
from wijkteam.security.passwords import check_new_password
from wijkteam.security.state import StoreState as StoreState  # re-exported
from wijkteam.security.state import store_state as store_state  # re-exported
from wijkteam.services.accounts import member_by_initials
from wijkteam.services.backup_checks import damaged_with_backup
from wijkteam.services.backups import backup_folder
from wijkteam.services.key_rotation import open_rotating
from wijkteam.services.records import MemberRecord
from wijkteam.services.sign_in_audit import ensure_inbox, take_over_attempts
from wijkteam.store import open_store, store_path
from wijkteam.store.cipher import Cipher
from wijkteam.store.instance_lock import InstanceLock
from wijkteam.wiring.access import Opened, TeamSetup, check_setup
from wijkteam.wiring.services import Services


def first_start(
    data_dir: Path, setup: TeamSetup, *, kdf: KdfParams = STRONG, clock: Clock | None = None
) -> Opened:
    """Create the team and its first coordinator in a new encrypted store, converting an
    unencrypted store of an earlier version if there is one. The key file is written last
    but one: until then a crash leaves the old situation; after it, `store_state` finishes."""
    check_setup(setup)
    path = store_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(path)
    lock.acquire()
    try:
        ring, store_key = KeyRing.new(keys_path(data_dir), kdf)
        work = work_path(path)
        remove_with_side_files(work)
        if path.exists() and path.stat().st_size > 0:
            export_encrypted(path, work, Cipher(store_key))
        store = open_store(work, store_key, clock=clock)
        try:
            member = _team_and_coordinator(Services.create(store), setup)
        finally:
            store.close()
        ring.set_member(store_key, member.uuid, setup.password)
        code = ring.new_recovery_code(store_key)
        ring.save()
        swap_in(path)
        remove_with_side_files(Path(f"{work}.lock"))
        make_private(data_dir)
    finally:
        lock.release()
    opened = open_unlocked(data_dir, ring, Unlocked(store_key, (member.uuid,)), clock=clock)
    return Opened(opened.services, opened.member, code)


def _team_and_coordinator(services: Services, setup: TeamSetup) -> MemberRecord:
    services.settings.set_team(setup.team_name, setup.municipality)
    existing = member_by_initials(services.store, setup.initials)
    if existing is not None:  # converting: the coordinator may already be a member
        for member in services.members.list():
            if member.uuid == existing:
                return services.accounts.set_role(member.id, MemberRole.COORDINATOR)
    return services.members.add(setup.name, setup.initials, MemberRole.COORDINATOR)


def unlock(
    data_dir: Path, initials: str, password: str, clock: Clock | None = None
) -> tuple[KeyRing, Unlocked]:
    """The slow part of signing in (the KDF): run it off the UI thread. A refused attempt
    is written down (sealed) for the audit log at once."""
    ring = KeyRing.load(keys_path(data_dir))
    try:
        unlocked = ring.unlock(initials, password)
    except SignInRefused:
        write_attempt(data_dir, ring.inbox, SIGN_IN, initials, _utcnow(clock))
        raise
    if unlocked.member_uuid is not None and not ring.is_current(unlocked.member_uuid):
        # An account of a key file of an earlier version: give it the current form now.
        ring.set_member(unlocked.store_key, unlocked.member_uuid, password)
        ring.save()
    return ring, unlocked


def unlock_with_code(
    data_dir: Path, code: str, clock: Clock | None = None
) -> tuple[KeyRing, Unlocked]:
    """The slow part of a reset with the recovery code (off the UI thread)."""
    ring = KeyRing.load(keys_path(data_dir))
    try:
        return ring, ring.unlock_recovery(code)
    except SignInRefused:
        write_attempt(data_dir, ring.inbox, RECOVERY, None, _utcnow(clock))
        raise


def open_unlocked(
    data_dir: Path,
    ring: KeyRing,
    unlocked: Unlocked,
    *,
    clock: Clock | None = None,
) -> Opened:
    """Opens the store (finishing a key rotation a crash interrupted), moves sign-in
    attempts made while it was closed into the audit log, and signs the member in."""
    store = open_rotating(data_dir, ring, unlocked.store_key, clock=clock)
    try:
        services = Services.create(store, keys=OpenKeyRing(ring, unlocked.store_key))
        ensure_inbox(store, ring)
        take_over_attempts(store, data_dir, services.context.origin)
        if unlocked.member_uuid is None:  # headless, with the recovery code
            return Opened(services, _any_coordinator(services))
        member = services.accounts.sign_in(unlocked)
    except BaseException as error:
        store.close()
        damage = damage_of(error)  # a damaged page that signing in read, a full disk
        if isinstance(damage, StoreDamaged) and damage.params.get("backup") is None:
            damage = damaged_with_backup(backup_folder(data_dir), Cipher(unlocked.store_key))
        if damage is not None and damage is not error:
            raise damage from error
        raise
    return Opened(services, member)


def finish_reset(
    data_dir: Path,
    ring: KeyRing,
    unlocked: Unlocked,
    initials: str,
    password: str,
    again: str,
    *,
    clock: Clock | None = None,
) -> Opened:
    """After the recovery code opened the key file: the member with these initials gets
    the new password and is signed in; the store gets a new key and the team a new recovery
    code (returned in `Opened.recovery_code`, to print), so the old code works only once."""
    check_new_password(password, again)
    store = open_rotating(data_dir, ring, unlocked.store_key, clock=clock)
    try:
        keys = OpenKeyRing(ring, unlocked.store_key)
        services = Services.create(store, keys=keys)
        ensure_inbox(store, ring)
        take_over_attempts(store, data_dir, services.context.origin)
        member_uuid = member_by_initials(store, initials)
        member = next((m for m in services.members.list() if m.uuid == member_uuid), None)
        if member is None:
            services.accounts.refuse_recovery(initials)
            raise SignInRefused()
        services.context.act_as(member.id, member.role)
        grant = services.accounts.grant_recovery(unlocked, member.id)
        code = services.accounts.after_recovery(grant, password)
        signed_in = services.accounts.sign_in(Unlocked(keys.store_key, (member.uuid,)))
    except BaseException:
        store.close()
        raise
    return Opened(services, signed_in, code)


def reset_password(
    data_dir: Path,
    code: str,
    initials: str,
    password: str,
    again: str,
    *,
    clock: Clock | None = None,
) -> Opened:
    """A forgotten password, in one go (headless and tests; the window splits the slow
    part off the UI thread)."""
    check_new_password(password, again)
    ring, unlocked = unlock_with_code(data_dir, code, clock)
    return finish_reset(data_dir, ring, unlocked, initials, password, again, clock=clock)


def _utcnow(clock: Clock | None) -> datetime:
    return (clock or SystemClock()).utcnow()


def _any_coordinator(services: Services) -> MemberRecord:
    for member in services.members.list():
        if member.role is MemberRole.COORDINATOR:
            return member
    raise SignInRefused()
