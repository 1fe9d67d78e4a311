"""What forms hand to services: the text as the member typed it. Services validate and
normalise it, so every rule (and every Dutch message for it) exists once."""

from __future__ import annotations

from dataclasses import dataclass

from wijkteam.domain.enums import Channel, Language, ReportSource


@dataclass(frozen=True, slots=True)
class ResidentInput:
    surname: str
    first_names: str = ""
    prefix: str = ""
    birth_date: str = ""
    bsn: str = ""
    bsn_confirmed: bool = False
    street: str = ""
    house_number: str = ""
    house_number_suffix: str = ""
    postcode: str = ""
    place: str = ""
    district: str = ""
    phone: str = ""
    email: str = ""
    preferred_channel: Channel = Channel.PHONE
    language: Language = Language.DUTCH
    network_notes: str = ""


@dataclass(frozen=True, slots=True)
class ReportInput:
    question: str
    source: ReportSource
    received_on: str
    reporter_name: str = ""
    reporter_relation: str = ""
    reporter_contact: str = ""
    assigned_member_id: int | None = None
    case_reference: str = ""


@dataclass(frozen=True, slots=True)
class VisitInput:
    date: str
    time: str
    member_id: int | None = None
    reason: str = ""
