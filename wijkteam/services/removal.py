"""Removing personal data for good, shared by retention and erasure: anonymous figures are
kept, rows are deleted (the database cascades to history, visits and notes), the search
index is compacted and the WAL emptied so no deleted word lingers in a file."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, exists, select, text
from sqlalchemy.orm import Session

from wijkteam.domain.deadlines import HOME_VISIT_DAYS
from wijkteam.domain.enums import VisitState
from wijkteam.services.privacy_hooks import ERASERS
from wijkteam.store import Store
from wijkteam.store.models import (
    Contact,
    FollowUp,
    HomeVisit,
    Referral,
    ReferralConsent,
    RemovedCaseFigure,
    Report,
    ReportEvent,
    Resident,
    Step,
)
from wijkteam.store.search_index import FTS_TABLE


def count_figures(session: Session, report_ids: list[int], removal: str) -> None:
    """Counts the meldingen in the anonymous figures (reading no personal column)."""
    if not report_ids:
        return
    columns = (Report.id, Report.received_on, Report.source, Report.closing_reason)
    for report in session.execute(select(*columns).where(Report.id.in_(report_ids))):
        key = {
            "period": f"{report.received_on:%Y-%m}",
            "source": report.source.value,
            "closing_reason": report.closing_reason.value if report.closing_reason else "open",
            "removal": removal,
        }
        figure = session.scalar(select(RemovedCaseFigure).filter_by(**key))
        if figure is None:
            figure = RemovedCaseFigure(**key, cases=0, visited_in_time=0)
            session.add(figure)
        figure.cases += 1
        deadline = report.received_on + timedelta(days=HOME_VISIT_DAYS)
        held = session.scalars(
            select(HomeVisit.planned_at).where(
                HomeVisit.report_id == report.id, HomeVisit.state == VisitState.HELD
            )
        ).all()
        if any(at.date() <= deadline for at in held):
            figure.visited_in_time += 1
        session.flush()


def delete_reports(session: Session, resident_id: int, report_ids: list[int]) -> bool:
    """Deletes the meldingen, and the resident too when nothing else of theirs is left.
    Returns whether the resident was removed."""
    for eraser in ERASERS:
        eraser(session, resident_id, report_ids)
    _delete_under(session, report_ids)
    session.execute(delete(Report).where(Report.id.in_(report_ids)))
    if session.scalar(select(exists().where(Report.resident_id == resident_id))):
        return False
    # Their conversations go with them, one by one for the team's sync (as above).
    session.execute(delete(Contact).where(Contact.resident_id == resident_id))
    session.execute(delete(Resident).where(Resident.id == resident_id))
    return True


# What goes with a melding (ON DELETE CASCADE), deepest first.
_UNDER = (FollowUp, Step, HomeVisit, Referral, ReportEvent)


def _delete_under(session: Session, report_ids: list[int]) -> None:
    """Deletes what hangs under the meldingen row by row-set, not by the database's cascade,
    so the team's sync sees each record leave this laptop (store/team_capture.py: it is
    remembered as gone by UUID, for an inzage to fetch from the server, and its last synced
    copy is forgotten)."""
    referrals = select(Referral.id).where(Referral.report_id.in_(report_ids))
    session.execute(delete(ReferralConsent).where(ReferralConsent.referral_id.in_(referrals)))
    for model in _UNDER:
        session.execute(delete(model).where(model.report_id.in_(report_ids)))


def delete_resident(session: Session, resident_id: int) -> None:
    report_ids = list(session.scalars(select(Report.id).where(Report.resident_id == resident_id)))
    for eraser in ERASERS:
        eraser(session, resident_id, report_ids)
    session.execute(delete(Resident).where(Resident.id == resident_id))


def compact(session: Session) -> None:
    """Merge the search index so deleted words leave its pages (secure_delete zeroes them)."""
    session.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))


def after_removal(store: Store) -> None:
    store.checkpoint()
