"""Gezocht, niet gevonden: what residents and members looked for and the map does not have.

Together the notes say what the neighbourhood lacks. A note says what was sought, never who
sought it; the optional resident id only links it to a dossier.
"""

from __future__ import annotations

from sqlalchemy import func, select

from wijkteam.domain.social_map import MapCategory, category_order
from wijkteam.errors import NotFound, ValidationError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.social_map.records import GapCount, GapRecord
from wijkteam.store import Store
from wijkteam.store.models import Member, Resident, SocialMapGap
from wijkteam.validation import required_text

SOUGHT_MAX = 500
GAP_LIST_LIMIT = 1000


class GapService:
    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def record_gap(
        self,
        text: str,
        category: MapCategory | None,
        member_id: int | None,
        resident_id: int | None = None,
    ) -> GapRecord:
        sought = required_text("sought", text, SOUGHT_MAX)
        with self._store.transaction() as session:
            if member_id is not None and session.get(Member, member_id) is None:
                raise ValidationError("gap_member", "unknown_member")
            if resident_id is not None and session.get(Resident, resident_id) is None:
                raise NotFound("resident", resident_id)
            gap = SocialMapGap(
                sought=sought,
                category=category,
                noted_on=self._store.clock.today(),
                member_id=member_id,
                resident_id=resident_id,
            )
            session.add(gap)
            self._audit.record_changes(session)
            return self._record(gap, session.get(Member, member_id) if member_id else None)

    def gaps(
        self, category: MapCategory | None = None, *, uncategorised: bool = False
    ) -> list[GapRecord]:
        """Newest first; only one category when given, only notes without one when
        `uncategorised`."""
        statement = (
            select(SocialMapGap, Member)
            .outerjoin(Member, Member.id == SocialMapGap.member_id)
            .where(SocialMapGap.withdrawn.is_(False))
            .order_by(SocialMapGap.noted_on.desc(), SocialMapGap.id.desc())
            .limit(GAP_LIST_LIMIT)
        )
        if uncategorised:
            statement = statement.where(SocialMapGap.category.is_(None))
        elif category is not None:
            statement = statement.where(SocialMapGap.category == category)
        with self._store.transaction() as session:
            found = [self._record(gap, member) for gap, member in session.execute(statement)]
            self._audit.record(session, AuditAction.VIEW, "social_map_gap_list")
            return found

    def counts(self) -> list[GapCount]:
        """How often something was sought per category: most first, then in category order;
        notes without a category last."""
        statement = (
            select(SocialMapGap.category, func.count(SocialMapGap.id))
            .where(SocialMapGap.withdrawn.is_(False))
            .group_by(SocialMapGap.category)
        )
        with self._store.transaction() as session:
            counts = [GapCount(category, n) for category, n in session.execute(statement)]
        return sorted(
            counts,
            key=lambda c: (
                (c.category is None, -c.count, category_order(c.category))
                if c.category is not None
                else (True, 0, 0)
            ),
        )

    def remove_gap(self, gap_id: int) -> None:
        """For a note made by mistake: emptied and marked, so that the removal reaches the
        team's other laptops too (the record stays, without its text or link)."""
        with self._store.transaction() as session:
            gap = session.get(SocialMapGap, gap_id)
            if gap is None or gap.withdrawn:
                raise NotFound("social_map_gap", gap_id)
            gap.withdrawn = True
            gap.sought = ""
            gap.category = None
            gap.resident_id = None
            self._audit.record_changes(session)

    @staticmethod
    def _record(gap: SocialMapGap, member: Member | None) -> GapRecord:
        return GapRecord(
            id=gap.id,
            uuid=gap.uuid,
            sought=gap.sought,
            category=gap.category,
            noted_on=gap.noted_on,
            member_id=gap.member_id,
            member_name=member.name if member else None,
            resident_id=gap.resident_id,
        )
