"""Source from the contact moments: each contact linked to a melding becomes a KlantContact
of that melding's zaak. What was said stays on the laptop unless the configuration shares it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time

from sqlalchemy import select

from wijkteam.store.models import Contact, Report
from wijkteam.sync.export.sources import CollectContext
from wijkteam.sync.zgw.data import ContactMomentData
from wijkteam.sync.zgw.klantcontact import map_klantcontact
from wijkteam.sync.zgw.resources import Resource


def contact_moments(ctx: CollectContext) -> Iterator[Resource]:
    share = ctx.config.share_conversation
    query = (
        select(
            Contact.uuid,
            Report.uuid,
            Contact.kind,
            Contact.occurred_on,
            Contact.occurred_time,
            Contact.duration_minutes,
            Contact.notes if share else Contact.id,
        )
        .join(Report, Report.id == Contact.report_id)
        .where(ctx.changed(Contact.updated_at))
        .order_by(Contact.id)
    )
    for contact_uuid, case_uuid, kind, day, at, minutes, notes in ctx.rows(query):
        contact = ContactMomentData(
            uuid=contact_uuid,
            case_uuid=case_uuid,
            kind=kind.value,
            started_at=datetime.combine(day, at or time(0, 0)),
            duration_minutes=minutes,
            summary=notes if share else None,
        )
        yield map_klantcontact(contact, ctx.config)
