"""The anonymous facts of each case (DESIGN.md §11 "Figures", §12): one `case_fact` record
per melding, keyed by the melding's UUID, written when it closes, changed when it reopens or
closes again, and marked when it leaves the laptop (retention, erasure) and kept then. The
record is a team record: every laptop holds the same one, so a team report counts each case
once. Reads no personal column."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.deadlines import HOME_VISIT_DAYS
from wijkteam.domain.enums import VisitState
from wijkteam.store.models import CaseFact, HomeVisit, Report

CHUNK = 500


def write_facts(session: Session, report_ids: list[int], removal: str | None = None) -> None:
    """The facts of these meldingen as they are now; `removal` names why they leave the
    laptop (kept on the record then). Only a change is written (and so sent to the team)."""
    for start in range(0, len(report_ids), CHUNK):
        _write_chunk(session, report_ids[start : start + CHUNK], removal)
    session.flush()


def _write_chunk(session: Session, report_ids: list[int], removal: str | None) -> None:
    columns = (Report.id, Report.uuid, Report.received_on, Report.source, Report.closing_reason)
    rows = session.execute(select(*columns).where(Report.id.in_(report_ids))).all()
    existing = {
        f.uuid: f
        for f in session.scalars(select(CaseFact).where(CaseFact.uuid.in_([r.uuid for r in rows])))
    }
    held: dict[int, list[date]] = {}
    visits = select(HomeVisit.report_id, HomeVisit.planned_at).where(
        HomeVisit.report_id.in_(report_ids), HomeVisit.state == VisitState.HELD
    )
    for report_id, planned_at in session.execute(visits):
        held.setdefault(report_id, []).append(planned_at.date())
    for row in rows:
        deadline = row.received_on + timedelta(days=HOME_VISIT_DAYS)
        values = {
            "period": f"{row.received_on:%Y-%m}",
            "source": row.source.value,
            "closing_reason": row.closing_reason.value if row.closing_reason else None,
            "visited_in_time": any(day <= deadline for day in held.get(row.id, [])),
        }
        if removal is not None:
            values["removal"] = removal
        fact = existing.get(row.uuid)
        if fact is None:
            session.add(CaseFact(uuid=row.uuid, **values))
            continue
        for name, value in values.items():
            if getattr(fact, name) != value:
                setattr(fact, name, value)
