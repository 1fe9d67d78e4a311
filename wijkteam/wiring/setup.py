"""Getting to an open, encrypted store: first start (new team, or conversion of an
unencrypted store of an earlier version), signing in, and resetting a password with the
recovery code. The window reaches these through access.StoreAccess; tests and the headless
commands call them directly."""

from __future__ import annotations

from pathlib import Path

from wijkteam.clock import Clock
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import SignInRefused
from wijkteam.security.context import AuditAction
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
from wijkteam.services.records import MemberRecord
from wijkteam.store import Store, open_store, store_path
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
        ring.set_member(store_key, member.uuid, member.initials, setup.password)
        code = ring.new_recovery_code(store_key)
        ring.save()
        swap_in(path)
        remove_with_side_files(Path(f"{work}.lock"))
    finally:
        lock.release()
    opened = open_unlocked(data_dir, ring, Unlocked(store_key, member.uuid), clock=clock)
    return Opened(opened.services, opened.member, code)


def _team_and_coordinator(services: Services, setup: TeamSetup) -> MemberRecord:
    services.settings.set_team(setup.team_name, setup.municipality)
    existing = member_by_initials(services.store, setup.initials)
    if existing is not None:  # converting: the coordinator may already be a member
        for member in services.members.list():
            if member.uuid == existing:
                return services.accounts.set_role(member.id, MemberRole.COORDINATOR)
    return services.members.add(setup.name, setup.initials, MemberRole.COORDINATOR)


def unlock(data_dir: Path, initials: str, password: str) -> tuple[KeyRing, Unlocked]:
    """The slow part of signing in (the KDF): run it off the UI thread."""
    ring = KeyRing.load(keys_path(data_dir))
    return ring, ring.unlock(initials, password)


def open_unlocked(
    data_dir: Path,
    ring: KeyRing,
    unlocked: Unlocked,
    *,
    clock: Clock | None = None,
    failed_attempts: int = 0,
) -> Opened:
    store = open_store(store_path(data_dir), unlocked.store_key, clock=clock)
    try:
        services = Services.create(store, keys=OpenKeyRing(ring, unlocked.store_key))
        if unlocked.member_uuid is None:  # headless, with the recovery code
            return Opened(services, _any_coordinator(services))
        member = services.accounts.sign_in(unlocked, failed_attempts)
    except BaseException:
        store.close()
        raise
    return Opened(services, member)


def reset_password(
    data_dir: Path,
    code: str,
    initials: str,
    password: str,
    again: str,
    *,
    clock: Clock | None = None,
) -> Opened:
    """A forgotten password: the recovery code opens the store, the member with these
    initials gets the new password and is signed in."""
    check_new_password(password, again)
    ring = KeyRing.load(keys_path(data_dir))
    opened_by_code = ring.unlock_recovery(code)
    store: Store = open_store(store_path(data_dir), opened_by_code.store_key, clock=clock)
    try:
        member_uuid = member_by_initials(store, initials)
    finally:
        store.close()
    if member_uuid is None:
        raise SignInRefused()
    ring.set_member(opened_by_code.store_key, member_uuid, initials, password)
    ring.save()
    opened = open_unlocked(
        data_dir, ring, Unlocked(opened_by_code.store_key, member_uuid), clock=clock
    )
    opened.services.audit.log(AuditAction.PASSWORD, "member", opened.member.id)
    return opened


def _any_coordinator(services: Services) -> MemberRecord:
    for member in services.members.list():
        if member.role is MemberRole.COORDINATOR:
            return member
    raise SignInRefused()
