"""Demo referrals: a Wmo consultation waiting too long for an answer, a planned escalation
and a concept with consent, on the newest meldingen in gesprek (added before the demo steps,
which take the oldest)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select, update

from wijkteam.domain.referral import ConsentForm, Law, ReferralKind, Specialist, SupportWish
from wijkteam.domain.status import ReportStatus
from wijkteam.domain.working_days import add_working_days
from wijkteam.services.audit import AuditService
from wijkteam.services.referral_records import ConsentInput, ReferralInput
from wijkteam.services.referrals import ReferralService
from wijkteam.store import Store
from wijkteam.store.models import Referral, Report

_HANDOVER = (
    "Wat er speelt (gesprek met het wijkteam):\nSinds de heupoperatie komt de inwoner weinig "
    "buiten; de dochter doet op zaterdag de boodschappen.\n\nAfspraken met de inwoner:\n"
    "- Meelopen met de wandelgroep op dinsdag (door de inwoner zelf)"
)


def add_demo_referrals(store: Store, audit: AuditService) -> int:
    """Adds up to three referrals; returns how many."""
    service = ReferralService(store, audit)
    today = store.clock.today()
    with store.transaction() as session:
        ids = session.scalars(
            select(Report.id)
            .where(Report.status == ReportStatus.IN_CONVERSATION)
            .order_by(Report.id.desc())
            .limit(3)
        ).all()
    consent_day = f"{today - timedelta(days=20):%d-%m-%Y}"
    made = 0
    for number, report_id in enumerate(ids):
        if number == 0:
            data = ReferralInput(
                ReferralKind.CONSULTATION, "Hulp bij het huishouden (Wmo)?", law=Law.WMO
            )
        elif number == 1:
            data = ReferralInput(
                ReferralKind.ESCALATION, "Zorgen over somberheid", specialist=Specialist.GGZ
            )
        else:
            data = ReferralInput(
                ReferralKind.CONSULTATION, "Begeleiding bij de administratie", law=Law.WMO
            )
        referral = service.create(report_id, data)
        service.save_handover(referral.id, _HANDOVER)
        service.set_support(referral.id, SupportWish.THINKS_ABOUT_IT)
        service.give_consent(
            referral.id,
            ConsentInput("de inwoner zelf", consent_day, ConsentForm.SPOKEN, "Wmo-consulent"),
        )
        made += 1
        if number == 2:
            continue  # stays a concept
        service.send(referral.id)
        sent_on = today - timedelta(days=20 if number == 0 else 5)
        if number == 1:
            service.plan(referral.id, f"{add_working_days(today, 3):%d-%m-%Y}", "GGZ-team Vaals")
        with store.transaction() as session:  # sent a while ago
            session.execute(
                update(Referral)
                .where(Referral.id == referral.id)
                .values(
                    created_at=datetime.combine(sent_on, time(10, 0)),
                    sent_at=datetime.combine(sent_on, time(11, 0)),
                    days_to_send=Referral.days_to_send - (today - sent_on).days,
                )
            )
            audit.record_changes(session)
    return made
