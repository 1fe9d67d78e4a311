"""Services hold the rules. Each public method is one unit of work in its own transaction
and returns frozen records (see records.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import exists, select

from wijkteam.services.contacts import ContactService
from wijkteam.services.drafts import DraftService
from wijkteam.services.members import MemberService
from wijkteam.services.reports import ReportService
from wijkteam.services.residents import ResidentService
from wijkteam.services.social_map import GapService, SocialMapService, SocialMapTransfer
from wijkteam.services.steps import FollowUpService, StepService, TeamSettings, TimelineService
from wijkteam.services.visits import VisitService
from wijkteam.services.worklist import WorklistService
from wijkteam.store import Store
from wijkteam.store.models import Member, Resident
from wijkteam.sync.export.bundle import ExportServices

if TYPE_CHECKING:
    from wijkteam.sync.imports.service import ImportService


@dataclass(frozen=True)
class Services:
    """Every service over one store, wired once and passed to whoever needs them."""

    store: Store
    members: MemberService
    residents: ResidentService
    reports: ReportService
    visits: VisitService
    worklist: WorklistService
    contacts: ContactService
    drafts: DraftService
    steps: StepService
    follow_ups: FollowUpService
    settings: TeamSettings
    timeline: TimelineService
    imports: ImportService
    export: ExportServices
    social_map: SocialMapService
    social_map_transfer: SocialMapTransfer
    gaps: GapService

    @classmethod
    def create(cls, store: Store) -> Services:
        # The sync builds on the services' rules and records, so it is imported here.
        from wijkteam.sync.imports.service import ImportService

        residents = ResidentService(store)
        reports = ReportService(store, residents)
        steps = StepService(store)
        social_map = SocialMapService(store)
        return cls(
            store=store,
            members=MemberService(store),
            residents=residents,
            reports=reports,
            visits=VisitService(store, reports),
            worklist=WorklistService(store),
            contacts=ContactService(store),
            drafts=DraftService(store),
            steps=steps,
            follow_ups=FollowUpService(store, steps),
            settings=TeamSettings(store),
            timeline=TimelineService(store),
            imports=ImportService(store),
            export=ExportServices.create(store),
            social_map=social_map,
            social_map_transfer=SocialMapTransfer(store, social_map),
            gaps=GapService(store),
        )

    def store_is_empty(self) -> bool:
        with self.store.transaction() as session:
            return not session.scalar(select(exists().where(Member.id.isnot(None)))) and not (
                session.scalar(select(exists().where(Resident.id.isnot(None))))
            )
