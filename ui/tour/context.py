"""The demo store and the signed-in window the tour runs in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ui.main_window import MainWindow
from ui.tasks import InlineTaskRunner
from wijkteam.clock import Clock
from wijkteam.demo.generator import generate
from wijkteam.security.kdf import STRONG, KdfParams
from wijkteam.wiring import Services
from wijkteam.wiring.access import Opened, StoreAccess, TeamSetup
from wijkteam.wiring.headless import DEMO_TEAM

TOUR_PASSWORD = "schermafdrukken maken"


@dataclass
class Tour:
    """Everything a screen or dialog of the tour is made from."""

    window: MainWindow
    services: Services
    data_dir: Path
    runner: InlineTaskRunner
    opened: Opened


def demo_store(data_dir: Path, clock: Clock | None = None, kdf: KdfParams = STRONG) -> Opened:
    """A new store with the demo coordinator (AM, TOUR_PASSWORD) signed in, filled with the
    invented residents of Vaals."""
    team, place, name, initials = DEMO_TEAM
    setup = TeamSetup(team, place, name, initials, TOUR_PASSWORD, TOUR_PASSWORD)
    opened = StoreAccess(data_dir, clock, kdf).first_start(setup)
    generate(opened.services.store, opened.services.audit)
    return opened


def start_tour(opened: Opened, data_dir: Path) -> Tour:
    """The main window as after sign-in, with the coordinator's menus."""
    from ui.security.session import install_security

    runner = InlineTaskRunner()
    window = MainWindow(opened.services, runner)
    session = install_security(window, opened.services, runner, data_dir)
    session.guard.stop()  # no lock in the middle of a tour
    return Tour(window, opened.services, data_dir, runner, opened)
