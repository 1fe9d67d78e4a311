"""Refused sign-ins and recovery attempts into the audit log, each at its own time and for
the member it concerns (or as "unknown initials").

An attempt made while the store was closed waits, sealed, in a file next to it
(wijkteam/security/attempts.py); the store's private inbox key opens it when the store is
opened next. Attempts made with the store open (the lock screen) are logged at once.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from wijkteam.clock import FixedClock
from wijkteam.security.attempts import (
    RECOVERY,
    Attempt,
    clear_attempts,
    read_attempts,
)
from wijkteam.security.context import Actor, AuditAction, AuditResult, ServiceContext
from wijkteam.security.keyring import KeyRing
from wijkteam.security.sealing import b64, new_key_pair, unb64
from wijkteam.services.audit import AuditService
from wijkteam.store import Store
from wijkteam.store.models import Member, Setting

INBOX_KEY = "sign_in_inbox_key"
DRAINED_KEY = "sign_in_attempts_taken"
MEMBER, UNKNOWN, RECOVERY_CODE = "member", "unknown_initials", "recovery_code"


def ensure_inbox(store: Store, ring: KeyRing) -> None:
    """The store keeps the private inbox key; keys.json the public one."""
    with store.transaction() as session:
        row = session.get(Setting, INBOX_KEY)
        if row is not None and ring.inbox is not None:
            return
        private, public = new_key_pair()
        if row is None:
            session.add(Setting(key=INBOX_KEY, value=b64(private)))
        else:
            row.value = b64(private)
    ring.inbox = public
    ring.save()


def take_over_attempts(store: Store, data_dir: Path, origin: str) -> int:
    """Moves the sealed attempts into the audit log; returns how many."""
    with store.transaction() as session:
        row = session.get(Setting, INBOX_KEY)
        taken_row = session.get(Setting, DRAINED_KEY)
        taken = set(taken_row.value.split(",")) if taken_row else set()
    if row is None:
        return 0
    attempts = [a for a in read_attempts(data_dir, unb64(row.value)) if a.id not in taken]
    for attempt in attempts:
        log_attempt(store, origin, attempt)
    with store.transaction() as session:
        ids = ",".join(sorted(taken | {a.id for a in attempts}))
        taken_row = session.get(Setting, DRAINED_KEY)
        if taken_row is None:
            session.add(Setting(key=DRAINED_KEY, value=ids))
        else:
            taken_row.value = ids
    clear_attempts(data_dir)
    with store.transaction() as session:  # the file is gone: its ids are no longer needed
        taken_row = session.get(Setting, DRAINED_KEY)
        if taken_row is not None:
            session.delete(taken_row)
    return len(attempts)


def log_attempt(
    store: Store,
    origin: str,
    attempt: Attempt,
    result: AuditResult = AuditResult.REFUSED,
    member_id: int | None = None,
) -> None:
    """One attempt, at its own time: for the member whose initials were typed (the actor,
    since whoever typed claimed to be them), or as unknown initials."""
    if member_id is None and attempt.initials:
        member_id = member_by_typed_initials(store, attempt.initials)
    action = AuditAction.RECOVERY if attempt.kind == RECOVERY else AuditAction.SIGN_IN
    if member_id is not None:
        object_type = MEMBER
    else:
        object_type = UNKNOWN if attempt.initials else RECOVERY_CODE
    context = ServiceContext(origin, Actor(member_id, _role_of(store, member_id)))
    AuditService(_StoreAt(store, attempt.at), context).log(
        action, object_type, member_id, result=result
    )


def member_by_typed_initials(store: Store, initials: str) -> int | None:
    """Active or not: an attempt on a switched-off account concerns that member too."""
    folded = "".join(initials.split()).upper()
    with store.transaction() as session:
        return session.scalar(
            select(Member.id)
            .where(func.upper(Member.initials) == folded)
            .order_by(Member.active.desc())
            .limit(1)
        )


def _role_of(store: Store, member_id: int | None) -> Any:
    from wijkteam.domain.enums import MemberRole

    if member_id is None:
        return MemberRole.MEMBER
    with store.transaction() as session:
        member = session.get(Member, member_id)
        return member.role if member else MemberRole.MEMBER


class _StoreAt:
    """The store, with "now" fixed at the moment the attempt was made: the audit service
    stamps its entries with its store's clock."""

    def __init__(self, store: Store, at: datetime) -> None:
        self._store = store
        self.clock = FixedClock(at)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)
