"""Services hold the rules. Each public method is one unit of work in its own transaction
and returns frozen records (see records.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select

from wijkteam.services.documents import DocumentService
from wijkteam.services.members import MemberService
from wijkteam.services.reports import ReportService
from wijkteam.services.residents import ResidentService
from wijkteam.services.visits import VisitService
from wijkteam.services.worklist import WorklistService
from wijkteam.store import Store
from wijkteam.store.models import Member, Resident


@dataclass(frozen=True)
class Services:
    """Every service over one store, wired once and passed to whoever needs them."""

    store: Store
    members: MemberService
    residents: ResidentService
    reports: ReportService
    visits: VisitService
    worklist: WorklistService
    documents: DocumentService

    @classmethod
    def create(cls, store: Store) -> Services:
        residents = ResidentService(store)
        reports = ReportService(store, residents)
        return cls(
            store=store,
            members=MemberService(store),
            residents=residents,
            reports=reports,
            visits=VisitService(store, reports),
            worklist=WorklistService(store),
            documents=DocumentService(store),
        )

    def store_is_empty(self) -> bool:
        with self.store.transaction() as session:
            return not session.scalar(select(exists().where(Member.id.isnot(None)))) and not (
                session.scalar(select(exists().where(Resident.id.isnot(None))))
            )
