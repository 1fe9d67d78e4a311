"""The single way a melding changes status: checked against the rules, written to history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from wijkteam.domain.status import ReportStatus, check_move
from wijkteam.store.models import Report, StatusChange


def move_status(
    session: Session,
    report: Report,
    wanted: ReportStatus,
    at: datetime,
    note: str | None = None,
    member_id: int | None = None,
) -> None:
    check_move(report.status, wanted)
    if report.status is wanted:
        return  # e.g. replanning a visit: no new status
    report.status = wanted
    session.add(
        StatusChange(
            report_id=report.id,
            status=wanted,
            changed_at=at,
            member_id=member_id if member_id is not None else report.assigned_member_id,
            note=note,
        )
    )
