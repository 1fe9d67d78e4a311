"""Every service over one store, built in one place. Services hold the rules; each public
method is one unit of work in its own transaction and returns frozen records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import exists, select

from wijkteam.security.context import ServiceContext
from wijkteam.security.keyring import OpenKeyRing
from wijkteam.services.accounts import AccountService
from wijkteam.services.audit import AuditService
from wijkteam.services.backups import BackupService
from wijkteam.services.contacts import ContactService
from wijkteam.services.documents import DocumentService
from wijkteam.services.drafts import DraftService
from wijkteam.services.members import MemberService
from wijkteam.services.privacy import PrivacyService
from wijkteam.services.referrals import ReferralService
from wijkteam.services.reports import ReportService
from wijkteam.services.residents import ResidentService
from wijkteam.services.retention import RetentionService
from wijkteam.services.social_map import GapService, SocialMapService, SocialMapTransfer
from wijkteam.services.steps import FollowUpService, StepService, TeamSettings, TimelineService
from wijkteam.services.team_settings import SettingsService, ensure_origin
from wijkteam.services.visits import VisitService
from wijkteam.services.worklist import WorklistService
from wijkteam.store import Store
from wijkteam.store.models import Member, Resident
from wijkteam.sync.export.bundle import ExportServices
from wijkteam.sync.export.sources import ResourceSource
from wijkteam.sync.imports.service import ImportService
from wijkteam.teamsync.archive import ServerArchive
from wijkteam.teamsync.pusher import PusherService
from wijkteam.teamsync.service import TeamService
from wijkteam.wiring.export import EXPORT_SOURCES


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
    follow_up_settings: TeamSettings
    timeline: TimelineService
    imports: ImportService
    export: ExportServices
    social_map: SocialMapService
    social_map_transfer: SocialMapTransfer
    gaps: GapService
    context: ServiceContext
    audit: AuditService
    settings: SettingsService
    accounts: AccountService
    retention: RetentionService
    privacy: PrivacyService
    backups: BackupService
    documents: DocumentService
    referrals: ReferralService
    team: TeamService
    team_pusher: PusherService  # which device sends the team's work to the municipality

    @classmethod
    def create(
        cls,
        store: Store,
        context: ServiceContext | None = None,
        keys: OpenKeyRing | None = None,
        sources: Sequence[ResourceSource] = EXPORT_SOURCES,
    ) -> Services:
        """`context`: who acts (default: a headless command); `keys`: the key file with the
        store key, needed to manage passwords (None for headless tools); `sources`: what the
        export to the municipality reads (tests add their own)."""
        context = context or ServiceContext(ensure_origin(store))
        audit = AuditService(store, context)
        members = MemberService(store, audit)
        residents = ResidentService(store, audit)
        reports = ReportService(store, residents, audit)
        settings = SettingsService(store, audit)
        steps = StepService(store, audit)
        social_map = SocialMapService(store, audit)
        pusher = PusherService(store, audit)
        return cls(
            store=store,
            members=members,
            residents=residents,
            reports=reports,
            visits=VisitService(store, reports, audit),
            worklist=WorklistService(store, audit),
            contacts=ContactService(store, audit),
            drafts=DraftService(store, audit),
            steps=steps,
            follow_ups=FollowUpService(store, steps, audit),
            follow_up_settings=TeamSettings(store),
            timeline=TimelineService(store, audit),
            social_map=social_map,
            social_map_transfer=SocialMapTransfer(store, social_map, audit),
            gaps=GapService(store, audit),
            imports=ImportService(store, audit),
            export=ExportServices.create(store, sources, audit, pusher.require),
            context=context,
            audit=audit,
            settings=settings,
            accounts=AccountService(store, context, audit, members, keys),
            retention=RetentionService(store, audit, settings),
            privacy=PrivacyService(
                store, audit, settings, context, _inzage_pdf, ServerArchive(store)
            ),
            backups=BackupService(store, audit, settings),
            documents=DocumentService(store, audit),
            referrals=ReferralService(store, audit),
            team=TeamService(store, audit),
            team_pusher=pusher,
        )

    def store_is_empty(self) -> bool:
        with self.store.transaction() as session:
            return not session.scalar(select(exists().where(Member.id.isnot(None)))) and not (
                session.scalar(select(exists().where(Resident.id.isnot(None))))
            )


def _inzage_pdf(data: dict[str, Any], path: Path, today: date) -> None:
    # reportlab loads when the first inzage is written, not at start-up.
    from wijkteam.documents.inzage_pdf import write_inzage_pdf

    write_inzage_pdf(data, path, today)
