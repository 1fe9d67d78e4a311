"""Vandaag's referral list: no answer after ten working days, or the Wmo deadline near."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.deadlines import DeadlineState
from wijkteam.domain.referral import (
    ReferralStatus,
    response_due,
    response_overdue,
    wmo_investigation_deadline,
)
from wijkteam.domain.text import sort_name
from wijkteam.services.referral_load import WMO_CLOCK_STATUSES, is_wmo
from wijkteam.services.referral_records import ReferralAlert
from wijkteam.store.models import Referral, Report, Resident

ALERT_LIMIT = 500
_WATCHED = WMO_CLOCK_STATUSES | {ReferralStatus.SENT}


def referral_alerts(session: Session, today: date) -> list[ReferralAlert]:
    """Running or prepared referrals that need the member: the response overdue (sent, no
    answer after ten working days) or, for Wmo, six weeks after the melding near (≤ 7 days)
    or passed. The most pressing first."""
    rows = session.execute(
        select(
            Referral.id,
            Referral.report_id,
            Report.resident_id,
            Resident.first_names,
            Resident.prefix,
            Resident.surname,
            Referral.kind,
            Referral.law,
            Referral.status,
            Referral.sent_at,
            Report.received_on,
        )
        .join(Report, Report.id == Referral.report_id)
        .join(Resident, Resident.id == Report.resident_id)
        .where(Referral.status.in_(_WATCHED))
        .order_by(Report.received_on, Referral.id)
    ).all()
    alerts = []
    for (
        rid,
        report_id,
        resident_id,
        first,
        prefix,
        surname,
        kind,
        law,
        status,
        sent_at,
        received,
    ) in rows:
        sent_on = sent_at.date() if sent_at else None
        overdue = response_overdue(status, sent_on, today)
        wmo = None
        if is_wmo(kind, law) and status in WMO_CLOCK_STATUSES:
            deadline = wmo_investigation_deadline(received, today)
            if deadline.state is not DeadlineState.ON_TIME:
                wmo = deadline
        if not overdue and wmo is None:
            continue
        alerts.append(
            ReferralAlert(
                referral_id=rid,
                report_id=report_id,
                resident_id=resident_id,
                resident_name=sort_name(first, prefix, surname),
                kind=kind,
                law=law,
                status=status,
                sent_on=sent_on,
                response_due=response_due(sent_on) if sent_on else None,
                response_overdue=overdue,
                wmo_deadline=wmo,
            )
        )
    alerts.sort(key=_urgency)
    return alerts[:ALERT_LIMIT]


def _urgency(alert: ReferralAlert) -> tuple[int, date]:
    """Wmo deadlines by days left first, then the longest-waiting answers."""
    if alert.wmo_deadline is not None:
        return (alert.wmo_deadline.days_left, alert.wmo_deadline.due)
    assert alert.response_due is not None
    return (10_000, alert.response_due)
