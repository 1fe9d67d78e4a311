"""Demo conversations: the first meldingen in gesprek get the notes of their home visit, so
the Gesprekken tab and the resident's summary show something (invented texts, resources/demo)."""

from __future__ import annotations

import json

from sqlalchemy import select

from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.domain.enums import VisitState
from wijkteam.domain.status import ReportStatus
from wijkteam.resources import resource
from wijkteam.services.audit import AuditService
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.contacts import ContactService
from wijkteam.store import Store
from wijkteam.store.models import HomeVisit, Report

DEMO_CONVERSATIONS = 7
_THEME_KEYS = frozenset(theme.value for theme in Theme)


def add_demo_conversations(store: Store, audit: AuditService) -> int:
    """Writes a conversation for the held home visit of each of the first meldingen in
    gesprek (the demo gives a melding one visit). Returns how many were written."""
    texts = json.loads(resource("demo", "conversations.json").read_text(encoding="utf-8"))
    notes = texts["conversations"]
    with store.transaction() as session:
        visits = session.execute(
            select(Report.id, Report.resident_id, HomeVisit.planned_at, HomeVisit.member_id)
            .join(HomeVisit, HomeVisit.report_id == Report.id)
            .where(
                Report.status == ReportStatus.IN_CONVERSATION,
                HomeVisit.state == VisitState.HELD,
            )
            .order_by(Report.id)
            .limit(DEMO_CONVERSATIONS)
        ).all()
    contacts = ContactService(store, audit)
    for number, (report_id, resident_id, held_at, member_id) in enumerate(visits):
        text = notes[number % len(notes)]
        contacts.record(
            resident_id,
            ContactInput(
                ContactKind.HOME_VISIT,
                f"{held_at:%d-%m-%Y}",
                f"{held_at:%H:%M}",
                duration="75",
                member_id=member_id,
                report_id=report_id,
                themes={Theme(k): v for k, v in text.items() if k in _THEME_KEYS},
                notes=text.get("notes", ""),
            ),
        )
    return len(visits)
