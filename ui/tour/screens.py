"""The main window's screens, each put in a state worth looking at. Their tabs are walked
by whoever looks (the tests walk every tab, the screenshots photograph every tab)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from ui.navigator import PageKey
from ui.tour.context import Tour
from wijkteam.wiring import Services


@dataclass(frozen=True)
class Screen:
    name: str
    show: Callable[[Tour], None]


def rich_report(services: Services) -> tuple[int, int]:
    """(resident, melding) of a demo melding with conversations, steps and a referral."""
    alerts = services.referrals.alerts()
    if alerts:
        return alerts[0].resident_id, alerts[0].report_id
    due = services.follow_ups.due()
    if due:
        return due[0].resident_id, due[0].report_id
    row = services.worklist.awaiting_visit_plan()[0]
    return row.resident_id, row.report_id


def unplanned_report(services: Services) -> tuple[int, int]:
    row = services.worklist.awaiting_visit_plan()[0]
    return row.resident_id, row.report_id


def planned_report(services: Services) -> tuple[int, int]:
    """A melding with a planned home visit (its button says verplaatsen)."""
    today = services.store.clock.today()
    row = services.worklist.visits_between(today, today + timedelta(days=60))[0]
    return row.resident_id, row.report_id


def _dossier(pick: Callable[[Services], tuple[int, int]]) -> Callable[[Tour], None]:
    def show(tour: Tour) -> None:
        tour.window.open_dossier(*pick(tour.services))

    return show


def _conversation(tour: Tour) -> None:
    """The Gesprekken tab with the editor open on a new contact moment."""
    tour.window.open_dossier(*rich_report(tour.services))
    page = tour.window.dossier_page
    page.tabs.setCurrentWidget(page.conversations)
    page.conversations.new_contact()


SCREENS: tuple[Screen, ...] = (
    Screen("vandaag", lambda t: t.window.show_page(PageKey.TODAY)),
    Screen("werkvoorraad", lambda t: t.window.show_page(PageKey.WORKLIST)),
    Screen("dossier", _dossier(rich_report)),
    Screen("dossier-nieuwe-melding", _dossier(unplanned_report)),
    Screen("dossier-huisbezoek-gepland", _dossier(planned_report)),
    Screen("dossier-gesprek", _conversation),
    Screen("sociale-kaart", lambda t: t.window.show_page(PageKey.SOCIAL_MAP)),
)
