"""Read models for the lists: Werkvoorraad (filter, sort, page in SQL) and Vandaag."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, and_, case, func, select

from wijkteam.domain.deadlines import home_visit_deadline
from wijkteam.domain.enums import VisitState
from wijkteam.domain.status import AWAITING_VISIT_PLAN, OPEN_STATUSES, ReportStatus
from wijkteam.domain.text import sort_name
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.records import VisitRow, WorklistRow
from wijkteam.store import Store
from wijkteam.store.models import HomeVisit, Member, Report, Resident
from wijkteam.store.search_index import resident_ids_matching

TODAY_LIST_LIMIT = 500


class WorklistSort(StrEnum):
    RESIDENT = "resident"
    DISTRICT = "district"
    RECEIVED = "received"
    DEADLINE = "deadline"
    STATUS = "status"
    MEMBER = "member"


@dataclass(frozen=True)
class WorklistQuery:
    statuses: frozenset[ReportStatus] = field(default=OPEN_STATUSES)
    member_id: int | None = None
    text: str = ""
    sort: WorklistSort = WorklistSort.DEADLINE
    descending: bool = False


_STATUS_ORDER = case(
    {status.value: index for index, status in enumerate(ReportStatus)}, value=Report.status
)
_SORT_COLUMNS: dict[WorklistSort, Any] = {
    WorklistSort.RESIDENT: Resident.surname_key,
    WorklistSort.DISTRICT: Resident.district,
    WorklistSort.RECEIVED: Report.received_on,
    # The deadline is received + 14 days for every melding, so it sorts like the received date.
    WorklistSort.DEADLINE: Report.received_on,
    WorklistSort.STATUS: _STATUS_ORDER,
    WorklistSort.MEMBER: Member.name,
}


class WorklistService:
    """Lists show residents' names: each list read is a view in the audit log (the list,
    not every row on it)."""

    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def count(self, query: WorklistQuery) -> int:
        statement = _filtered(select(func.count(Report.id)), query)
        with self._store.transaction() as session:
            return session.scalar(statement) or 0

    def rows(self, query: WorklistQuery, offset: int = 0, limit: int = 200) -> list[WorklistRow]:
        key = _SORT_COLUMNS[query.sort]
        order = (key.desc() if query.descending else key.asc(), Report.id)
        # Pick the page's ids first (only the joins the sort needs), then fetch their rows:
        # joining residents, members and visits for a whole store only to keep 200 is slow.
        page = _filtered(_sort_joins(select(Report.id).select_from(Report), query.sort), query)
        page_ids = page.order_by(*order).offset(offset).limit(limit)
        statement = _joined(_row_columns()).where(Report.id.in_(page_ids)).order_by(*order)
        return self._fetch(statement, "worklist")

    def awaiting_visit_plan(self) -> list[WorklistRow]:
        """Vandaag: meldingen without a planned visit, most urgent deadline first."""
        statement = (
            _joined(_row_columns())
            .where(Report.status.in_(AWAITING_VISIT_PLAN))
            .order_by(Report.received_on, Report.id)
            .limit(TODAY_LIST_LIMIT)
        )
        return self._fetch(statement, "visit_plan_list")

    def visits_between(self, start: date, end: date) -> list[VisitRow]:
        """Planned home visits from `start` up to (not including) `end`, in time order."""
        statement = (
            select(
                HomeVisit.id,
                HomeVisit.report_id,
                HomeVisit.planned_at,
                Member.name,
                Report.resident_id,
                Report.received_on,
                Resident.first_names,
                Resident.prefix,
                Resident.surname,
                Resident.street,
                Resident.house_number,
                Resident.house_number_suffix,
                Resident.place,
            )
            .join(Report, Report.id == HomeVisit.report_id)
            .join(Resident, Resident.id == Report.resident_id)
            .outerjoin(Member, Member.id == HomeVisit.member_id)
            .where(
                HomeVisit.state == VisitState.PLANNED,
                HomeVisit.planned_at >= datetime.combine(start, datetime.min.time()),
                HomeVisit.planned_at < datetime.combine(end, datetime.min.time()),
            )
            .order_by(HomeVisit.planned_at, HomeVisit.id)
            .limit(TODAY_LIST_LIMIT)
        )
        today = self._store.clock.today()
        with self._store.transaction() as session:
            self._audit.record(session, AuditAction.VIEW, "visit_list")
            return [
                VisitRow(
                    visit_id=r[0],
                    report_id=r[1],
                    planned_at=r[2],
                    member_name=r[3],
                    resident_id=r[4],
                    resident_name=sort_name(r[6], r[7], r[8]),
                    address=_address(r[9], r[10], r[11], r[12]),
                    deadline=home_visit_deadline(r[5], today),
                )
                for r in session.execute(statement)
            ]

    def week_bounds(self) -> tuple[date, date, date]:
        """(today, tomorrow, the Monday after this week)."""
        today = self._store.clock.today()
        next_monday = today + timedelta(days=7 - today.weekday())
        return today, today + timedelta(days=1), next_monday

    def _fetch(self, statement: Select[Any], listed: str) -> list[WorklistRow]:
        today = self._store.clock.today()
        with self._store.transaction() as session:
            rows = [_row(r, today) for r in session.execute(statement)]
            self._audit.record(session, AuditAction.VIEW, listed)
            return rows


def _row_columns() -> Select[Any]:
    return select(
        Report.id,
        Report.resident_id,
        Resident.first_names,
        Resident.prefix,
        Resident.surname,
        Resident.district,
        Resident.postcode,
        Report.received_on,
        Report.status,
        Member.name,
        HomeVisit.planned_at,
    )


def _joined(statement: Select[Any]) -> Select[Any]:
    return (
        statement.select_from(Report)
        .join(Resident, Resident.id == Report.resident_id)
        .outerjoin(Member, Member.id == Report.assigned_member_id)
        .outerjoin(
            HomeVisit,
            and_(HomeVisit.report_id == Report.id, HomeVisit.state == VisitState.PLANNED),
        )
    )


def _sort_joins(statement: Select[Any], sort: WorklistSort) -> Select[Any]:
    if sort in (WorklistSort.RESIDENT, WorklistSort.DISTRICT):
        return statement.join(Resident, Resident.id == Report.resident_id)
    if sort is WorklistSort.MEMBER:
        return statement.outerjoin(Member, Member.id == Report.assigned_member_id)
    return statement


def _filtered(statement: Select[Any], query: WorklistQuery) -> Select[Any]:
    """Conditions on the report table only, so counting needs no joins."""
    statement = statement.where(Report.status.in_(query.statuses))
    if query.member_id is not None:
        statement = statement.where(Report.assigned_member_id == query.member_id)
    matching = resident_ids_matching(query.text)
    if matching is not None:
        statement = statement.where(Report.resident_id.in_(matching))
    return statement


def _row(r: Any, today: date) -> WorklistRow:
    return WorklistRow(
        report_id=r[0],
        resident_id=r[1],
        resident_name=sort_name(r[2], r[3], r[4]),
        district=r[5],
        postcode=r[6],
        received_on=r[7],
        deadline=home_visit_deadline(r[7], today),
        status=r[8],
        member_name=r[9],
        planned_visit_at=r[10],
    )


def _address(street: str | None, number: str | None, suffix: str | None, place: str | None) -> str:
    house = " ".join(p for p in (street, number, suffix) if p)
    return ", ".join(p for p in (house, place) if p)
