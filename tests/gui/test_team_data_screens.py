"""The team's shared data as a member sees it, against the REAL team server on PostgreSQL
and real encrypted laptop stores: a member's new laptop carries the team's name in its title
from the first start, a new name arrives with F9, and a "gezocht, niet gevonden" note made
on the coordinator's laptop appears in the member's Sociale kaart › Gezocht, niet gevonden."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.gui.test_team_screens import (  # noqa: F401 - fixtures
    Laptop,
    certs,
    clock,
    database,
    f9_until,
    pg_role,
    press_f9,
    team_server,
    two_laptops,
)
from ui.navigator import SIDEBAR_PAGES, PageKey
from wijkteam.domain.social_map import MapCategory


def test_the_joined_laptop_names_the_team_and_follows_a_new_name(
    qtbot: QtBot,
    two_laptops: tuple[Laptop, Laptop, dict[str, str]],  # noqa: F811
) -> None:
    carla, tessa, _ = two_laptops
    assert tessa.window.windowTitle() == "Wijkteam – Wijkteam Proef"
    assert carla.window.windowTitle() == "Wijkteam – Wijkteam Proef"
    carla.services.settings.set_team("Wijkteam Heuvelland", "Vaals")
    press_f9(qtbot, carla)
    f9_until(qtbot, tessa, lambda: tessa.window.windowTitle() == "Wijkteam – Wijkteam Heuvelland")


def test_a_gap_noted_by_the_coordinator_appears_in_the_members_list(
    qtbot: QtBot,
    two_laptops: tuple[Laptop, Laptop, dict[str, str]],  # noqa: F811
) -> None:
    carla, tessa, _ = two_laptops
    tessa.window.nav.setCurrentRow(SIDEBAR_PAGES.index(PageKey.SOCIAL_MAP))
    tab = tessa.window.social_map_page.gaps_tab
    tessa.window.social_map_page.tabs.setCurrentWidget(tab)  # the member opens the tab
    assert tab.count_label.text() in ("", "0 notities")
    coordinator = carla.services.audit.member_id
    carla.services.gaps.record_gap("Taalcafé op zaterdag", MapCategory.LANGUAGE, coordinator)
    press_f9(qtbot, carla)

    def shown() -> bool:
        model = tab.gaps_model
        return any(
            "Taalcafé op zaterdag" in str(model.data(model.index(row, column)))
            for row in range(model.rowCount())
            for column in range(model.columnCount())
        )

    f9_until(qtbot, tessa, shown)
    assert tab.count_label.text() == "1 notitie"
