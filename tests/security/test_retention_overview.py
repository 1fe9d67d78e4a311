"""Bewaartermijnen (issue 13 point 9): one look is one audit entry; acknowledged cases wait
with the date each may go; the termijn is at least two weeks."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.factories import BSN_A, BSN_B
from tests.security.test_retention_and_erasure import _acknowledge, _case
from wijkteam.clock import FixedClock
from wijkteam.errors import ValidationFailed
from wijkteam.security.context import AuditAction
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.team_settings import SecuritySettings
from wijkteam.store.setting_values import set_setting
from wijkteam.wiring import Services


def test_the_overview_lists_waiting_cases_with_their_date_and_logs_once(
    services: Services, clock: FixedClock
) -> None:
    soon = _case(services, clock, "Quispelaar", BSN_A)
    later = _case(services, clock, "Blijfhier", BSN_B)
    _acknowledge(services.store, soon, clock.now() - timedelta(days=80))
    _acknowledge(services.store, later, clock.now() - timedelta(days=10))
    overview = services.retention.overview()
    retention_views = [
        e
        for e in services.audit.events(AuditQuery(action=AuditAction.VIEW))
        if e.object_type == "retention"
    ]
    assert len(retention_views) == 1
    assert overview.due == []
    assert [(c.report_id, c.due_on) for c in overview.waiting] == [
        (soon, clock.today() + timedelta(days=10)),
        (later, clock.today() + timedelta(days=80)),
    ]
    assert overview.grace_days == 90


def test_the_termijn_is_at_least_two_weeks(services: Services) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.settings.update_security(SecuritySettings(retention_grace_days=0))
    assert caught.value.errors[0].field == "retention_grace_days"
    services.settings.update_security(SecuritySettings(retention_grace_days=14))
    with services.store.transaction() as session:  # a value stored under the old rule
        set_setting(session, "retention_grace_days", "0")
    assert services.settings.security().retention_grace_days == 14
