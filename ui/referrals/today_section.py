"""Vandaag's list of referrals that need the member: no answer after ten working days, or
the Wmo deadline (six weeks after the melding) near or passed."""

from __future__ import annotations

from ui.formatting import short_date
from ui.models.columns import Column
from ui.referrals.texts import KIND_SHORT, LAW
from wijkteam.domain.referral import ReferralKind
from wijkteam.services.referral_records import ReferralAlert


def _to(alert: ReferralAlert) -> str:
    if alert.kind is ReferralKind.CONSULTATION and alert.law is not None:
        return LAW[alert.law]
    return KIND_SHORT[alert.kind]


def _response(alert: ReferralAlert) -> str:
    if not alert.response_overdue or alert.sent_on is None:
        return ""
    return f"geen reactie sinds {short_date(alert.sent_on)}"


def _tooltip(alert: ReferralAlert) -> str:
    parts = []
    if alert.wmo_deadline is not None:
        parts.append(
            "De gemeente moet een Wmo-melding binnen 6 weken onderzoeken: uiterlijk "
            f"{short_date(alert.wmo_deadline.due)}."
        )
    if alert.response_overdue and alert.response_due is not None:
        parts.append(
            f"Reactie verwacht uiterlijk {short_date(alert.response_due)} (10 werkdagen). "
            "Bel de consulent na."
        )
    return " ".join(parts)


def _to_and_response(alert: ReferralAlert) -> str:
    response = _response(alert)
    return f"{_to(alert)}: {response}" if response else _to(alert)


REFERRAL_ALERT_COLUMNS = [
    Column("Inwoner", lambda a: a.resident_name, width=180),
    Column(
        "Wmo-termijn",
        lambda a: "" if a.wmo_deadline else "—",
        deadline=lambda a: a.wmo_deadline,
        tooltip=_tooltip,
    ),
    Column("Naar · reactie", _to_and_response, tooltip=_tooltip, stretch=True),
]
EMPTY_TEXT = "Geen doorverwijzingen die op een reactie of de Wmo-termijn wachten."
TITLE = "Doorverwijzingen"
