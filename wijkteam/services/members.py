from __future__ import annotations

from sqlalchemy import func, select

from wijkteam.domain.enums import MemberRole
from wijkteam.errors import NotFound, ValidationError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.convert import member_record
from wijkteam.services.records import MemberRecord
from wijkteam.store import Store
from wijkteam.store.models import Member
from wijkteam.validation import Collector, normalise_email, normalise_phone, required_text


class MemberService:
    """The team's members (teamleden)."""

    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def list(self, *, include_inactive: bool = False) -> list[MemberRecord]:
        query = select(Member).order_by(Member.name)
        if not include_inactive:
            query = query.where(Member.active.is_(True))
        with self._store.transaction() as session:
            return [member_record(m) for m in session.scalars(query)]

    def add(self, name: str, initials: str, role: MemberRole = MemberRole.MEMBER) -> MemberRecord:
        self._audit.require_coordinator(AuditAction.ACCOUNT, "member")
        errors = Collector()
        clean_name = errors.check(lambda: required_text("member_name", name, 120))
        clean_initials = errors.check(lambda: required_text("member_initials", initials, 8))
        errors.raise_if_any()
        with self._store.transaction() as session:
            taken = session.scalar(
                select(func.count())
                .select_from(Member)
                .where(func.lower(Member.initials) == (clean_initials or "").lower())
            )
            if taken:
                raise ValidationError("member_initials", "initials_taken")
            member = Member(name=clean_name, initials=(clean_initials or "").upper(), role=role)
            session.add(member)
            session.flush()
            self._audit.record(session, AuditAction.CREATE, "member", member.id)
            return member_record(member)

    def set_contact(self, member_id: int, phone: str, email: str) -> MemberRecord:
        """The member's work phone and e-mail, printed on the visit summary so the resident
        can reach them. Empty means none. Members set their own; a coordinator anyone's."""
        self._audit.require_self_or_coordinator(member_id, AuditAction.CHANGE, "member")
        errors = Collector()
        clean_phone = errors.check(lambda: normalise_phone(phone, "phone"))
        clean_email = errors.check(lambda: normalise_email(email, "email"))
        errors.raise_if_any()
        with self._store.transaction() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("member", member_id)
            member.phone = clean_phone
            member.email = clean_email
            self._audit.record(session, AuditAction.CHANGE, "member", member_id)
            return member_record(member)

    def count(self) -> int:
        with self._store.transaction() as session:
            return session.scalar(select(func.count()).select_from(Member)) or 0

    def names(self) -> dict[int, str]:
        with self._store.transaction() as session:
            return {i: n for i, n in session.execute(select(Member.id, Member.name))}
