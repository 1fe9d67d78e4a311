"""Member accounts: signing in, passwords, roles, switching accounts off and on. Only a
coordinator manages accounts; every change is in the audit log, saying what changed.

A member's password is not stored anywhere: it opens the member's account in the key file
(wijkteam/security/keyring.py). A password someone else chose (a new account, a reset, a
reactivation) is temporary: the member chooses their own at the first sign-in. Switching a
member off, or using the recovery code, gives the store a new key (services/key_rotation.py).
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, select

from wijkteam.domain.enums import MemberRole
from wijkteam.errors import NotFound, SignInRefused, ValidationError
from wijkteam.security.attempts import RECOVERY, SIGN_IN, Attempt
from wijkteam.security.context import AuditAction, AuditResult, ServiceContext
from wijkteam.security.keyring import OpenKeyRing, Unlocked
from wijkteam.security.passwords import check_new_password
from wijkteam.services.audit import AuditService
from wijkteam.services.convert import member_record
from wijkteam.services.key_rotation import Rotation, rotate_store_key
from wijkteam.services.members import MemberService
from wijkteam.services.records import MemberRecord
from wijkteam.services.sign_in_audit import log_attempt
from wijkteam.store import Store
from wijkteam.store.models import Member

ACCOUNT = "member"


@dataclass(frozen=True)
class RecoveryGrant:
    """Proof that the recovery code was given, for one member, usable once: only
    `check_recovery_code` or `grant_recovery` make one, and `after_recovery` demands it."""

    member: MemberRecord
    token: str = field(repr=False)


class AccountService:
    def __init__(
        self,
        store: Store,
        context: ServiceContext,
        audit: AuditService,
        members: MemberService,
        keys: OpenKeyRing | None,
    ) -> None:
        self._store = store
        self._context = context
        self._audit = audit
        self._members = members
        self._keys = keys
        self._grants: set[str] = set()

    @property
    def keys(self) -> OpenKeyRing:
        if self._keys is None:  # a store opened without the key file (headless tools)
            raise NotFound("key_file", "-")
        return self._keys

    # --- who is working ---------------------------------------------------------------------
    def sign_in(self, unlocked: Unlocked) -> MemberRecord:
        """The member whose password opened the key file starts working. The initials typed
        must be that member's: otherwise the attempt is refused (and logged) like a wrong
        password."""
        with self._store.transaction() as session:
            members = [
                m
                for m in session.scalars(select(Member).where(Member.uuid.in_(unlocked.members)))
                if m.active and _same_initials(m.initials, unlocked.initials)
            ]
            member = members[0] if members else None
            if member is not None:
                self._context.act_as(member.id, member.role)
                self._audit.record(session, AuditAction.SIGN_IN, ACCOUNT, member.id)
                return member_record(member)
        self._log_attempt(SIGN_IN, unlocked.initials)
        raise SignInRefused()

    def current(self) -> MemberRecord | None:
        member_id = self._context.actor.member_id
        if member_id is None:
            return None
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            return member_record(member) if member else None

    def is_coordinator(self) -> bool:
        return self._context.actor.is_coordinator

    def check_own_password(self, password: str) -> bool:
        """Unlocking the screen: the signed-in member's own password."""
        me = self.current()
        ok = me is not None and self.keys.check_member(me.uuid, password)
        self._audit.log(
            AuditAction.UNLOCK,
            ACCOUNT,
            me.id if me else None,
            result=AuditResult.DONE if ok else AuditResult.REFUSED,
        )
        return ok

    # --- passwords --------------------------------------------------------------------------
    def must_choose_password(self) -> bool:
        """The signed-in member still has a password someone else chose."""
        me = self.current()
        return me is not None and self._keys is not None and self._keys.is_temporary(me.uuid)

    def choose_own_password(self, new: str, again: str) -> None:
        """At the first sign-in with a temporary password: the member's own (they just
        proved they know the temporary one)."""
        me = self.current()
        if me is None:
            raise SignInRefused()
        check_new_password(new, again)
        self.keys.set_member(me.uuid, new)
        self._audit.log(AuditAction.PASSWORD, ACCOUNT, me.id)

    def change_own_password(self, current: str, new: str, again: str) -> None:
        me = self.current()
        if me is None or not self.keys.check_member(me.uuid, current):
            self._audit.log(
                AuditAction.PASSWORD, ACCOUNT, me.id if me else None, result=AuditResult.REFUSED
            )
            raise ValidationError("current_password", "password_wrong")
        check_new_password(new, again)
        self.keys.set_member(me.uuid, new)
        self._audit.log(AuditAction.PASSWORD, ACCOUNT, me.id)

    def set_password(self, member_id: int, new: str, again: str) -> None:
        """A coordinator gives a colleague a temporary password; the colleague chooses their
        own at the next sign-in."""
        self._audit.require_coordinator(AuditAction.PASSWORD_RESET, ACCOUNT)
        check_new_password(new, again)
        member = self._member(member_id)
        if not member.active:
            raise ValidationError("member", "account_inactive")
        self.keys.set_member(member.uuid, new, temporary=member_id != self._context.actor.member_id)
        self._audit.log(AuditAction.PASSWORD_RESET, ACCOUNT, member_id)

    def has_account(self, member: MemberRecord) -> bool:
        return self._keys is not None and self._keys.has_account(member.uuid)

    def has_temporary_password(self, member: MemberRecord) -> bool:
        return self._keys is not None and self._keys.is_temporary(member.uuid)

    def new_recovery_code(self) -> str:
        self._audit.require_coordinator(AuditAction.NEW_RECOVERY_CODE, "recovery_code")
        code = self.keys.new_recovery_code()
        self._audit.log(AuditAction.NEW_RECOVERY_CODE, "recovery_code")
        return code

    def reset_own_password_with_code(self, code: str, new: str, again: str) -> str:
        """The lock screen's "Wachtwoord vergeten?": the recovery code gives the signed-in
        member a new password. The code works once: the store gets a new key and a new code,
        returned to be printed."""
        check_new_password(new, again)
        return self.after_recovery(self.check_recovery_code(code), new)

    def check_recovery_code(self, code: str) -> RecoveryGrant:
        """The slow part (the key derivation), apart so a window can run it off its UI
        thread. A wrong code is logged for the signed-in member."""
        me = self.current()
        if me is None or not self.keys.check_recovery(code):
            self._log_attempt(RECOVERY, me.initials if me else None, me.id if me else None)
            raise SignInRefused()
        return self._grant(me)

    def grant_recovery(self, unlocked: Unlocked, member_id: int) -> RecoveryGrant:
        """At the sign-in screen the recovery code itself opened the key file: that opening
        (and only that) grants the reset to the member whose initials were typed."""
        if not unlocked.by_recovery or unlocked.store_key != self.keys.store_key:
            raise SignInRefused()
        return self._grant(self._member(member_id))

    def _grant(self, member: MemberRecord) -> RecoveryGrant:
        grant = RecoveryGrant(member, secrets.token_hex(16))
        self._grants.add(grant.token)
        return grant

    def after_recovery(self, grant: RecoveryGrant, new: str) -> str:
        """The recovery code was used to give this member a new password (here or at the
        sign-in screen): new password, new store key, new recovery code. A grant works once."""
        if grant.token not in self._grants:
            raise SignInRefused()
        self._grants.discard(grant.token)
        member = self._member(grant.member.id)
        member_id = member.id
        self.keys.set_member(member.uuid, new)
        self._audit.log(AuditAction.RECOVERY, ACCOUNT, member_id)
        self._audit.log(AuditAction.PASSWORD_RESET, ACCOUNT, member_id)
        self.rotate_key()
        code = self.keys.new_recovery_code()
        self._audit.log(AuditAction.NEW_RECOVERY_CODE, "recovery_code")
        return code

    def refuse_recovery(self, initials: str | None) -> None:
        """The recovery code was right but the initials are nobody's."""
        self._log_attempt(RECOVERY, initials)

    def rotate_key(self) -> Rotation | None:
        if self._keys is None or self._store.path is None:
            return None  # no key file (headless tools, tests): nothing to rotate
        rotation = rotate_store_key(self._store, self._keys)
        self._audit.log(AuditAction.KEY_ROTATION, "store")
        return rotation

    # --- accounts ---------------------------------------------------------------------------
    def add(
        self, name: str, initials: str, role: MemberRole, password: str, again: str
    ) -> MemberRecord:
        self._audit.require_coordinator(AuditAction.ACCOUNT, ACCOUNT)
        check_new_password(password, again)
        record = self._members.add(name, initials, role)
        self.keys.set_member(record.uuid, password, temporary=True)
        return record

    def set_role(self, member_id: int, role: MemberRole) -> MemberRecord:
        self._audit.require_coordinator(AuditAction.ACCOUNT, ACCOUNT)
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            if role is not MemberRole.COORDINATOR:
                _keep_a_coordinator(session, member_id)
            changed = member.role is not role
            member.role = role
            if changed:
                action = (
                    AuditAction.ROLE_COORDINATOR
                    if role is MemberRole.COORDINATOR
                    else AuditAction.ROLE_MEMBER
                )
                self._audit.record(session, action, ACCOUNT, member_id)
            record = member_record(member)
        if member_id == self._context.actor.member_id:
            self._context.act_as(member_id, role)
        return record

    def deactivate(self, member_id: int) -> Rotation | None:
        """The member can no longer sign in; their name stays on past work. The store gets
        a new key, so the member's password opens no copy of the key file any more."""
        self._audit.require_coordinator(AuditAction.DEACTIVATE, ACCOUNT)
        if member_id == self._context.actor.member_id:
            raise ValidationError("member", "cannot_remove_self")
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            if member.role is MemberRole.COORDINATOR:
                _keep_a_coordinator(session, member_id)
            member.active = False
            self._audit.record(session, AuditAction.DEACTIVATE, ACCOUNT, member_id)
            member_uuid = member.uuid
        if self._keys is None:
            return None
        self._keys.remove_member(member_uuid)
        return self.rotate_key()

    def reactivate(self, member_id: int, password: str, again: str) -> MemberRecord:
        """A switched-off member works again, with a temporary password."""
        self._audit.require_coordinator(AuditAction.REACTIVATE, ACCOUNT)
        check_new_password(password, again)
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            member.active = True
            self._audit.record(session, AuditAction.REACTIVATE, ACCOUNT, member_id)
            record = member_record(member)
        self.keys.set_member(record.uuid, password, temporary=True)
        return record

    def _member(self, member_id: int) -> MemberRecord:
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            return member_record(member)

    def _log_attempt(self, kind: str, initials: str | None, member_id: int | None = None) -> None:
        attempt = Attempt("-", self._store.clock.utcnow(), kind, initials)
        log_attempt(self._store, self._context.origin, attempt, member_id=member_id)


def member_by_initials(store: Store, initials: str) -> uuid.UUID | None:
    folded = "".join(initials.split()).upper()
    with store.transaction() as session:
        return session.scalar(
            select(Member.uuid).where(func.upper(Member.initials) == folded, Member.active)
        )


def _same_initials(stored: str, typed: str | None) -> bool:
    if typed is None:  # no initials asked (headless)
        return True
    return "".join(stored.split()).upper() == "".join(typed.split()).upper()


def _keep_a_coordinator(session, member_id: int) -> None:  # type: ignore[no-untyped-def]
    others = session.scalar(
        select(func.count(Member.id)).where(
            Member.role == MemberRole.COORDINATOR, Member.active, Member.id != member_id
        )
    )
    if not others:
        raise ValidationError("role", "last_coordinator")
