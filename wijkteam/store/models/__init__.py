"""All mapped tables. Importing this package registers every table on Base.metadata."""

from wijkteam.store.models.audit import AuditEvent
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.contact import Contact, ContactDraft, ContactTheme
from wijkteam.store.models.document import Document
from wijkteam.store.models.erasure import Erasure
from wijkteam.store.models.figures import CaseFact
from wijkteam.store.models.member import Member
from wijkteam.store.models.referral import Referral, ReferralConsent
from wijkteam.store.models.report import HomeVisit, Report, ReportEvent, StatusChange
from wijkteam.store.models.resident import Resident
from wijkteam.store.models.setting import Setting, TeamSetting
from wijkteam.store.models.social_map import SocialMapEntry, SocialMapEntryCategory, SocialMapGap
from wijkteam.store.models.step import FollowUp, Step
from wijkteam.store.models.sync import SyncBatch, SyncBatchCase, SyncRemote
from wijkteam.store.models.team import (
    TeamConflict,
    TeamLink,
    TeamOutbox,
    TeamSynced,
    TeamVersion,
    TeamWaiting,
)

__all__ = [
    "AuditEvent",
    "Base",
    "CaseFact",
    "Contact",
    "ContactDraft",
    "ContactTheme",
    "Document",
    "Erasure",
    "FollowUp",
    "HomeVisit",
    "Member",
    "RecordMixin",
    "Referral",
    "ReferralConsent",
    "Report",
    "ReportEvent",
    "Resident",
    "Setting",
    "SocialMapEntry",
    "SocialMapEntryCategory",
    "SocialMapGap",
    "StatusChange",
    "Step",
    "SyncBatch",
    "SyncBatchCase",
    "SyncRemote",
    "TeamConflict",
    "TeamLink",
    "TeamOutbox",
    "TeamSetting",
    "TeamSynced",
    "TeamVersion",
    "TeamWaiting",
]
