"""Sources from the melding tables: zaak, the resident's and member's rollen, statuses and
the resultaat of a closed melding."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from sqlalchemy import String, cast, func, or_, select

from wijkteam.domain.status import ReportStatus
from wijkteam.store.models import Member, Referral, Report, Resident, StatusChange
from wijkteam.sync.export.sources import CollectContext
from wijkteam.sync.zgw.data import CaseData, ClosingData, MemberData, ResidentData, StatusData
from wijkteam.sync.zgw.resources import Resource
from wijkteam.sync.zgw.rol import map_member_rol, map_resident_rol
from wijkteam.sync.zgw.status import map_resultaat, map_status
from wijkteam.sync.zgw.zaak import map_zaak


def zaken(ctx: CollectContext) -> Iterator[Resource]:
    share = ctx.config.share_conversation
    query = (
        select(
            Report.uuid,
            Report.received_on,
            Report.created_at,
            Report.source,
            Report.case_reference,
            Report.question if share else Report.id,
        )
        .where(ctx.changed(Report.updated_at))
        .order_by(Report.id)
    )
    for uuid, received, created, origin, reference, question in ctx.rows(query):
        case = CaseData(
            uuid=uuid,
            received_on=received,
            registered_on=created.date(),
            source=origin,
            case_reference=reference,
            question=question if share else None,
        )
        yield map_zaak(case, ctx.config)


def resident_rollen(ctx: CollectContext) -> Iterator[Resource]:
    """A melding's resident rol, when the melding or the resident changed."""
    changed_residents = select(Resident.id).where(ctx.window.changed(Resident.updated_at))
    query = select(
        Report.uuid,
        Resident.surname,
        Resident.first_names,
        Resident.prefix,
        Resident.birth_date,
        Resident.bsn,
    ).join(Resident, Resident.id == Report.resident_id)
    if ctx.window.since is not None:
        query = query.where(
            or_(ctx.changed(Report.updated_at), Report.resident_id.in_(changed_residents))
        )
    for case_uuid, surname, first_names, prefix, born, bsn in ctx.rows(query.order_by(Report.id)):
        person = ResidentData(surname, first_names, prefix, born, bsn)
        yield map_resident_rol(case_uuid, person, ctx.config)


def member_rollen(ctx: CollectContext) -> Iterator[Resource]:
    """The assigned member's rol, when the melding or the member changed."""
    changed_members = select(Member.id).where(ctx.window.changed(Member.updated_at))
    query = select(Report.uuid, Member.uuid, Member.name, Member.initials).join(
        Member, Member.id == Report.assigned_member_id
    )
    if ctx.window.since is not None:
        query = query.where(
            or_(ctx.changed(Report.updated_at), Report.assigned_member_id.in_(changed_members))
        )
    for case_uuid, member_uuid, name, initials in ctx.rows(query.order_by(Report.id)):
        yield map_member_rol(case_uuid, MemberData(member_uuid, name, initials), ctx.config)


def statussen(ctx: CollectContext) -> Iterator[Resource]:
    """Every status change, oldest first (a zaak's statuses must arrive in order, the final
    one last). 'Referred' names where the latest referral sent by then went."""
    latest_referral = (
        select(
            cast(Referral.kind, String)
            + ":"
            + func.coalesce(cast(Referral.law, String), cast(Referral.specialist, String), "")
        )
        .where(
            Referral.report_id == StatusChange.report_id,
            Referral.sent_at.isnot(None),
            Referral.sent_at <= StatusChange.changed_at,
        )
        .order_by(Referral.sent_at.desc(), Referral.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(
            StatusChange.uuid,
            Report.uuid,
            StatusChange.status,
            StatusChange.changed_at,
            latest_referral,
        )
        .join(Report, Report.id == StatusChange.report_id)
        .where(ctx.changed(StatusChange.updated_at))
        .order_by(StatusChange.changed_at, StatusChange.id)
    )
    distinct = DistinctInstants()
    for change_uuid, case_uuid, status, changed_at, referred_to in ctx.rows(query):
        at = distinct.of(case_uuid, changed_at)
        to = referred_to if status is ReportStatus.REFERRED else None
        yield map_status(StatusData(change_uuid, case_uuid, status, at, to), ctx.config)


class DistinctInstants:
    """Two moves of one melding can share an instant (one action, one clock reading), but a
    ZGW server keeps one status per zaak and instant. Fed in time order, this gives each
    later one of a zaak a microsecond more; it remembers only the zaken of the last moment."""

    STEP = timedelta(microseconds=1)

    def __init__(self) -> None:
        self._last: dict[object, datetime] = {}
        self._moment: datetime | None = None

    def of(self, case: object, at: datetime) -> datetime:
        if self._moment is not None and at > self._moment:
            self._last = {c: t for c, t in self._last.items() if t >= at}
        self._moment = at if self._moment is None else max(self._moment, at)
        previous = self._last.get(case)
        if previous is not None and at <= previous:
            at = previous + self.STEP
        self._last[case] = at
        return at


def resultaten(ctx: CollectContext) -> Iterator[Resource]:
    share = ctx.config.share_conversation
    note = (
        select(StatusChange.note)
        .where(StatusChange.report_id == Report.id, StatusChange.status == ReportStatus.CLOSED)
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(Report.uuid, Report.closing_reason, note if share else Report.id)
        .where(Report.closing_reason.isnot(None), ctx.changed(Report.updated_at))
        .order_by(Report.id)
    )
    for case_uuid, reason, closing_note in ctx.rows(query):
        closing = ClosingData(case_uuid, reason, closing_note if share else None)
        yield map_resultaat(closing, ctx.config)
