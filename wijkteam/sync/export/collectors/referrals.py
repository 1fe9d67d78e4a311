"""Source from the referrals: a sent Wmo consultation becomes a zaak of the municipality's
Wmo-melding zaaktype, when one is configured (the 'doorverwezen' status on the team's zaak
comes with the melding's statuses, collectors/cases.py)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from wijkteam.domain.referral import Law, ReferralKind
from wijkteam.store.models import Referral, Report
from wijkteam.sync.export.sources import CollectContext
from wijkteam.sync.zgw.data import ReferralData
from wijkteam.sync.zgw.referral import map_wmo_zaak
from wijkteam.sync.zgw.resources import Resource


def wmo_zaken(ctx: CollectContext) -> Iterator[Resource]:
    """Listed after the meldingen (wiring/export.py), so the team's zaak it refers to goes first."""
    if not ctx.config.wmo_zaaktype:
        return
    query = (
        select(Referral.uuid, Report.uuid, Referral.sent_at)
        .join(Report, Report.id == Referral.report_id)
        .where(
            Referral.kind == ReferralKind.CONSULTATION,
            Referral.law == Law.WMO,
            Referral.sent_at.isnot(None),
            ctx.changed(Referral.updated_at),
        )
        .order_by(Referral.id)
    )
    for referral_uuid, case_uuid, sent_at in ctx.rows(query):
        referral = ReferralData(referral_uuid, case_uuid, "consultation", "wmo", sent_at)
        made = map_wmo_zaak(referral, ctx.config)
        if made is not None:
            yield made
