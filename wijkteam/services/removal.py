"""Removing personal data for good, shared by retention and erasure: anonymous figures are
kept, rows are deleted (the database cascades to history, visits and notes), the search
index is compacted and the WAL emptied so no deleted word lingers in a file."""

from __future__ import annotations

from sqlalchemy import delete, exists, select, text, update
from sqlalchemy.orm import Session

from wijkteam.services.case_facts import write_facts
from wijkteam.services.privacy_hooks import ERASERS
from wijkteam.store import Store
from wijkteam.store.audit_guard import cover
from wijkteam.store.models import (
    Contact,
    FollowUp,
    HomeVisit,
    Referral,
    ReferralConsent,
    Report,
    ReportEvent,
    Resident,
    SocialMapGap,
    Step,
)
from wijkteam.store.search_index import FTS_TABLE


def count_figures(session: Session, report_ids: list[int], removal: str) -> None:
    """Keeps the meldingen's anonymous facts, marked with why they left (case_facts.py)."""
    write_facts(session, report_ids, removal)


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
    _detach_gaps(session, resident_id)
    session.execute(delete(Resident).where(Resident.id == resident_id))


def _detach_gaps(session: Session, resident_id: int) -> None:
    """A "gezocht, niet gevonden" note stays (it says what was sought, never who), without
    its link to the erased resident: written here rather than left to ON DELETE SET NULL,
    so the team's copy loses the link too. Part of the erasure's audited removal."""
    gaps = list(
        session.scalars(select(SocialMapGap.id).where(SocialMapGap.resident_id == resident_id))
    )
    if not gaps:
        return
    session.execute(update(SocialMapGap).where(SocialMapGap.id.in_(gaps)).values(resident_id=None))
    for gap_id in gaps:
        cover(session, SocialMapGap.__tablename__, gap_id)


def compact(session: Session) -> None:
    """Merge the search index so deleted words leave its pages (secure_delete zeroes them)."""
    session.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))


def after_removal(store: Store) -> None:
    store.checkpoint()
