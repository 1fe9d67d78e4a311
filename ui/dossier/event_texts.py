"""A melding's events in Dutch, for its history in the dossier ("Verloop")."""

from __future__ import annotations

import html

from ui.formatting import short_datetime
from ui.labels import CLOSING_REASON
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import EventKind
from wijkteam.services.records import ReportEventRecord

EVENT = {
    EventKind.RECEIVED: "Melding ontvangen",
    EventKind.VISIT_PLANNED: "Huisbezoek gepland",
    EventKind.VISIT_HELD: "Huisbezoek gehouden",
    EventKind.CONVERSATION: "Contact met de inwoner",
    EventKind.STEP_AGREED: "Afspraak gemaakt",
    EventKind.STEP_SETTLED: "Afspraak afgerond",
    EventKind.STEP_REOPENED: "Afspraak weer open",
    EventKind.NAZORG: "Nagebeld",
    EventKind.REFERRED: "Doorverwezen",
    EventKind.REFERRAL_RETURNED: "Doorverwijzing teruggestuurd",
    EventKind.CLOSED: "Afgesloten",
    EventKind.REOPENED: "Heropend",
    EventKind.HANDED_OVER: "Overgedragen",
}


def event_line(e: ReportEventRecord) -> str:
    """'18-11-2026 10:05 — Overgedragen aan Tessa Testlid (door Carla): ziek' (HTML-safe)."""
    text = EVENT[e.kind]
    if e.kind is EventKind.HANDED_OVER and e.handed_to:
        text += f" aan {html.escape(e.handed_to)}"
    if e.kind is EventKind.CLOSED and e.reason in set(ClosingReason):
        text += f": {CLOSING_REASON[ClosingReason(e.reason)].lower()}"
    elif e.reason:
        text += f": {html.escape(e.reason)}"
    if e.member_name:
        text += f" <span style='color:#666'>(door {html.escape(e.member_name)})</span>"
    if e.note:
        text += f" — {html.escape(e.note)}"
    return f"{short_datetime(e.occurred_at)} — {text}"
