"""Member accounts: signing in, passwords and roles. Only a coordinator manages accounts.

A member's password is not stored anywhere: it wraps the store key in the key file
(wijkteam/security/keyring.py). Removing an account removes that wrap.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from wijkteam.domain.enums import MemberRole
from wijkteam.errors import NotFound, SignInRefused, ValidationError
from wijkteam.security.context import AuditAction, AuditResult, ServiceContext
from wijkteam.security.keyring import OpenKeyRing, Unlocked
from wijkteam.security.passwords import check_new_password
from wijkteam.services.audit import AuditService
from wijkteam.services.convert import member_record
from wijkteam.services.members import MemberService
from wijkteam.services.records import MemberRecord
from wijkteam.store import Store
from wijkteam.store.models import Member

ACCOUNT = "member"


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

    @property
    def keys(self) -> OpenKeyRing:
        if self._keys is None:  # a store opened without the key file (headless tools)
            raise NotFound("key_file", "-")
        return self._keys

    # --- who is working ---------------------------------------------------------------------
    def sign_in(self, unlocked: Unlocked, failed_attempts: int = 0) -> MemberRecord:
        """The member whose password opened the key file starts working."""
        with self._store.transaction() as session:
            member = session.scalar(select(Member).where(Member.uuid == unlocked.member_uuid))
            if member is None or not member.active:
                raise SignInRefused()
            self._context.act_as(member.id, member.role)
            for _ in range(failed_attempts):
                self._audit.record(
                    session, AuditAction.SIGN_IN, ACCOUNT, result=AuditResult.REFUSED
                )
            self._audit.record(session, AuditAction.SIGN_IN, ACCOUNT, member.id)
            return member_record(member)

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
    def change_own_password(self, current: str, new: str, again: str) -> None:
        me = self.current()
        if me is None or not self.keys.check_member(me.uuid, current):
            self._audit.log(AuditAction.PASSWORD, ACCOUNT, result=AuditResult.REFUSED)
            raise ValidationError("current_password", "password_wrong")
        check_new_password(new, again)
        self.keys.set_member(me.uuid, me.initials, new)
        self._audit.log(AuditAction.PASSWORD, ACCOUNT, me.id)

    def set_password(self, member_id: int, new: str, again: str) -> None:
        """A coordinator gives a colleague a (new) password; the colleague can now sign in."""
        self._audit.require_coordinator(AuditAction.PASSWORD, ACCOUNT)
        check_new_password(new, again)
        member = self._member(member_id)
        self.keys.set_member(member.uuid, member.initials, new)
        self._audit.log(AuditAction.PASSWORD, ACCOUNT, member_id)

    def has_account(self, member: MemberRecord) -> bool:
        return self._keys is not None and self._keys.has_account(member.uuid)

    def new_recovery_code(self) -> str:
        self._audit.require_coordinator(AuditAction.ACCOUNT, "recovery_code")
        code = self.keys.new_recovery_code()
        self._audit.log(AuditAction.ACCOUNT, "recovery_code")
        return code

    # --- accounts ---------------------------------------------------------------------------
    def add(
        self, name: str, initials: str, role: MemberRole, password: str, again: str
    ) -> MemberRecord:
        self._audit.require_coordinator(AuditAction.ACCOUNT, ACCOUNT)
        check_new_password(password, again)
        record = self._members.add(name, initials, role)
        self.keys.set_member(record.uuid, record.initials, password)
        return record

    def set_role(self, member_id: int, role: MemberRole) -> MemberRecord:
        self._audit.require_coordinator(AuditAction.ACCOUNT, ACCOUNT)
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            if role is not MemberRole.COORDINATOR:
                _keep_a_coordinator(session, member_id)
            member.role = role
            self._audit.record(session, AuditAction.ACCOUNT, ACCOUNT, member_id)
            record = member_record(member)
        if member_id == self._context.actor.member_id:
            self._context.act_as(member_id, role)
        return record

    def deactivate(self, member_id: int) -> None:
        """The member can no longer sign in; their name stays on past work."""
        self._audit.require_coordinator(AuditAction.ACCOUNT, ACCOUNT)
        if member_id == self._context.actor.member_id:
            raise ValidationError("member", "cannot_remove_self")
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            if member.role is MemberRole.COORDINATOR:
                _keep_a_coordinator(session, member_id)
            member.active = False
            self._audit.record(session, AuditAction.ACCOUNT, ACCOUNT, member_id)
            member_uuid = member.uuid
        if self._keys is not None:
            self._keys.remove_member(member_uuid)

    def _member(self, member_id: int) -> MemberRecord:
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            return member_record(member)


def member_by_initials(store: Store, initials: str) -> uuid.UUID | None:
    folded = "".join(initials.split()).upper()
    with store.transaction() as session:
        return session.scalar(
            select(Member.uuid).where(func.upper(Member.initials) == folded, Member.active)
        )


def _keep_a_coordinator(session, member_id: int) -> None:  # type: ignore[no-untyped-def]
    others = session.scalar(
        select(func.count(Member.id)).where(
            Member.role == MemberRole.COORDINATOR, Member.active, Member.id != member_id
        )
    )
    if not others:
        raise ValidationError("role", "last_coordinator")
