"""Sources from the melding tables: zaak, the resident's and member's rollen, statuses and
the resultaat of a closed melding."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import or_, select

from wijkteam.domain.status import ReportStatus
from wijkteam.store.models import Member, Report, Resident, StatusChange
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
        .where(ctx.window.changed(Report.updated_at))
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
            or_(
                ctx.window.changed(Report.updated_at),
                Report.resident_id.in_(changed_residents),
            )
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
            or_(
                ctx.window.changed(Report.updated_at),
                Report.assigned_member_id.in_(changed_members),
            )
        )
    for case_uuid, member_uuid, name, initials in ctx.rows(query.order_by(Report.id)):
        yield map_member_rol(case_uuid, MemberData(member_uuid, name, initials), ctx.config)


def statussen(ctx: CollectContext) -> Iterator[Resource]:
    """Every status change, oldest first (a zaak's statuses must arrive in order)."""
    query = (
        select(StatusChange.uuid, Report.uuid, StatusChange.status, StatusChange.changed_at)
        .join(Report, Report.id == StatusChange.report_id)
        .where(ctx.window.changed(StatusChange.updated_at))
        .order_by(StatusChange.changed_at, StatusChange.id)
    )
    for change_uuid, case_uuid, status, changed_at in ctx.rows(query):
        yield map_status(StatusData(change_uuid, case_uuid, status, changed_at), ctx.config)


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
        .where(Report.closing_reason.isnot(None), ctx.window.changed(Report.updated_at))
        .order_by(Report.id)
    )
    for case_uuid, reason, closing_note in ctx.rows(query):
        closing = ClosingData(case_uuid, reason, closing_note if share else None)
        yield map_resultaat(closing, ctx.config)
