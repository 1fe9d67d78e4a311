"""Closed vocabularies of the work. Values are stored as text; labels live in ui/labels.py."""

from __future__ import annotations

from enum import StrEnum


class MemberRole(StrEnum):
    MEMBER = "member"
    COORDINATOR = "coordinator"


class ReportSource(StrEnum):
    MUNICIPAL_DESK = "municipal_desk"
    RESIDENT = "resident"
    RELATIVE = "relative"
    GP = "gp"
    NEIGHBOUR = "neighbour"
    PARTNER_ORGANISATION = "partner_organisation"
    OTHER = "other"


class ClosingReason(StrEnum):
    SOLVED_VOORVELD = "solved_voorveld"
    RESIDENT_DECLINED = "resident_declined"
    MOVED = "moved"
    DECEASED = "deceased"
    NO_CONTACT = "no_contact"
    OTHER = "other"
    REFERRED = "referred"  # doorverwezen naar een consulent of specialist


class Channel(StrEnum):
    """How a resident prefers to be reached."""

    PHONE = "phone"
    MESSAGE = "message"
    EMAIL = "email"
    VISIT = "visit"


class Language(StrEnum):
    """Language of the printed summaries for the resident."""

    DUTCH = "nl"
    GERMAN = "de"
    ENGLISH = "en"


class VisitState(StrEnum):
    PLANNED = "planned"
    REPLANNED = "replanned"
    HELD = "held"
    CANCELLED = "cancelled"
