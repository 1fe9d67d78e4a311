"""A member's new laptop joins the team with an invite code: a new encrypted store, the
device's keys and token inside it, the first pull, and the member's password set for the
member the invite was made for. Until the very end nothing is in place: a failure (a wrong
code, the server down) leaves no store, key file or lock behind (only the command's log)."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import select

from wijkteam.clock import Clock
from wijkteam.errors import StoreError
from wijkteam.security.conversion import remove_with_side_files, swap_in, work_path
from wijkteam.security.kdf import STRONG, KdfParams
from wijkteam.security.keyring import KeyRing, Unlocked, keys_path
from wijkteam.security.passwords import check_new_password
from wijkteam.security.state import StoreState, store_state
from wijkteam.store import open_store, store_path
from wijkteam.store.instance_lock import InstanceLock
from wijkteam.store.models import Member
from wijkteam.teamsync import team as flows
from wijkteam.teamsync.errors import AlreadyConnected, InitialsMismatch
from wijkteam.teamsync.outbox import Persist, save_state
from wijkteam.wiring.access import Opened
from wijkteam.wiring.services import Services
from wijkteam.wiring.setup import open_unlocked

FIRST_PULL_S = 30.0


def join_team(
    data_dir: Path, server_url: str, code: str, initials: str, password: str, again: str,
    *, kdf: KdfParams = STRONG, clock: Clock | None = None,
) -> Opened:  # fmt: skip
    check_new_password(password, again)
    if store_state(data_dir) is not StoreState.NEW:
        raise AlreadyConnected()
    path = store_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(path)
    lock.acquire()
    work = work_path(path)
    keys = keys_path(data_dir)
    try:
        remove_with_side_files(work)
        ring, store_key = KeyRing.new(keys, kdf)
        store = open_store(work, store_key, clock=clock)
        try:
            persist = Persist(store)
            engine = flows.join_team(server_url, code, persist=persist)
            with store.transaction() as session:
                save_state(session, engine.state)
            services = Services.create(store)
            member = _first_pull(store, services, _uuid(engine.state.member))
            if member is None or member.initials.casefold() != initials.strip().casefold():
                raise InitialsMismatch()
            member_uuid = member.uuid
        finally:
            store.close()
        ring.set_member(store_key, member_uuid, password)
        recovery = ring.new_recovery_code(store_key)
        ring.save()
        swap_in(path)
        remove_with_side_files(Path(f"{work}.lock"))
    except BaseException:
        remove_with_side_files(work)
        remove_with_side_files(Path(f"{work}.lock"))
        if keys.exists() and not path.exists():
            keys.unlink()
        lock.release()
        if not path.exists():
            lock.path.unlink(missing_ok=True)  # after release: Windows keeps an open file
        raise
    finally:
        lock.release()
    opened = open_unlocked(data_dir, ring, Unlocked(store_key, (member_uuid,)), clock=clock)
    opened.services.audit.log(_join_action(), "team")
    return Opened(opened.services, opened.member, recovery)


def _first_pull(store, services, member_uuid):  # type: ignore[no-untyped-def]
    """The first round, repeated briefly until the invited member's record is here (the
    coordinator's laptop may still be pushing it when the code is used)."""
    deadline = time.monotonic() + FIRST_PULL_S
    while True:
        services.team.sync()
        with store.transaction() as session:
            member = session.scalar(select(Member).where(Member.uuid == member_uuid))
        if member is not None or time.monotonic() > deadline:
            return member
        time.sleep(0.5)


def _uuid(text: str):  # type: ignore[no-untyped-def]
    import uuid

    return uuid.UUID(text)


def _join_action():  # type: ignore[no-untyped-def]
    from wijkteam.security.context import AuditAction

    return AuditAction.TEAM_JOIN


__all__ = ["StoreError", "join_team"]
