"""All mapped tables. Importing this package registers every table on Base.metadata."""

from wijkteam.store.models.audit import AuditEvent
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.figures import RemovedCaseFigure
from wijkteam.store.models.member import Member
from wijkteam.store.models.report import HomeVisit, Report, StatusChange
from wijkteam.store.models.resident import Resident
from wijkteam.store.models.setting import Setting
from wijkteam.store.models.sync import SyncBatch, SyncBatchReport, SyncRemote

__all__ = [
    "AuditEvent",
    "Base",
    "HomeVisit",
    "Member",
    "RecordMixin",
    "RemovedCaseFigure",
    "Report",
    "Resident",
    "Setting",
    "StatusChange",
    "SyncBatch",
    "SyncBatchReport",
    "SyncRemote",
]
