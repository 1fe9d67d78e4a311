"""Starting the GUI: logging, application setup, the one task runner, the store (first start
or sign-in), the window."""

from __future__ import annotations

import datetime
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from ui import failures
from ui.collector import UiThreadCollector
from ui.messages import error_text
from ui.qt_dutch import qt_translation_folders as qt_translation_folders  # re-exported
from ui.startup import start_session
from ui.style import apply_style
from ui.tasks import TaskRunner, ThreadTaskRunner
from wijkteam import logs
from wijkteam.clock import Clock
from wijkteam.common.private_files import owner_only_umask
from wijkteam.errors import WijkteamError
from wijkteam.security.state import StoreState
from wijkteam.wiring.access import StoreAccess

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from wijkteam.wiring import Services

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The application, set up once: Dutch, the look, dialogs that grow with their text.
    An instance made elsewhere (pytest-qt makes one first) is set up too."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    if app.property("wijkteam") is not None:
        return app
    app.setProperty("wijkteam", True)
    app.setApplicationName("Wijkteam")
    app.setOrganizationName("Wijkteam")
    from ui.qt_dutch import install_dutch
    from ui.widgets import dialog_room, wheel_guard

    install_dutch(app)
    apply_style(app)
    dialog_room.install(app)
    wheel_guard.install(app)
    return app


def run_gui(data_dir: Path, clock: Clock | None = None) -> int:
    with owner_only_umask():  # every file the app makes is readable by its owner only
        logs.configure(data_dir)
        hooks = failures.install()
        try:
            return _run(data_dir, clock)
        finally:
            logs.restore_hooks(hooks)
            logs.close()


def _run(data_dir: Path, clock: Clock | None) -> int:
    app = application()
    collector = UiThreadCollector(app)  # never in a worker thread: see ui/collector.py
    try:
        return _session(app, data_dir, clock)
    finally:
        collector.stop()


def _session(app: QApplication, data_dir: Path, clock: Clock | None) -> int:
    log.info("Wijkteam starts")
    # The one runner of this session: every flow gets it, the window waits for it at closing.
    runner = ThreadTaskRunner()
    # The sign-in screen comes first; the database layer loads meanwhile, off the UI thread.
    runner.submit(_preload, lambda _none: None, _preload_failed)
    from ui.documents.pdf_output import sweep_viewer_copies

    sweep_viewer_copies()  # PDF copies for the viewer that a crash left behind
    started = start_session(StoreAccess(data_dir, clock), runner)
    if started is None:
        runner.wait()
        return 2
    opened, state, joined = started
    show_main_window(
        opened.services,
        runner,
        data_dir,
        state is StoreState.NEW,
        opened.recovery_code,
        joined=joined,
    )
    code = app.exec()
    log.info("Wijkteam stops")
    return code


def show_main_window(
    services: Services,
    runner: TaskRunner,
    data_dir: Path,
    new_store: bool,
    recovery_code: str | None = None,
    *,
    joined: bool = False,
) -> MainWindow:
    """After sign-in: the window with its security guard, then the welcome on a new store or
    the offer of conversation text that was never saved. A laptop that just joined a team
    holds the team's work: no welcome (no demo data in a team's store)."""
    from ui.widgets.busy import holding_the_screen

    with holding_the_screen("Wijkteam wordt geopend…"):
        from ui.main_window import MainWindow
        from ui.security.session import install_security
        from ui.window_size import show_fitted

        window = MainWindow(services, runner)
        security = install_security(window, services, runner, data_dir)
        application().aboutToQuit.connect(security.shut_down)
        show_fitted(window)
    security.check_integrity()  # in the background; writes wait for it
    if recovery_code is not None:
        # At a sign-in with the recovery code the team gets a new one: the old one is gone.
        security.show_recovery_code(recovery_code, replaced=not new_store)
    if joined:
        window.notify("U bent aangesloten bij het team. Het werk van het team staat klaar.")
    elif new_store:
        welcome(window, services, runner)
    else:
        from ui.dossier.draft_recovery import offer_unsaved_drafts

        offer_unsaved_drafts(window, services)
    return window


def _preload() -> None:
    import ui.main_window  # noqa: F401 - the pages' code, while the member types
    from wijkteam.domain.working_days import is_working_day

    is_working_day(datetime.date.today())  # the holiday calendar Vandaag needs
    import wijkteam.wiring.services  # noqa: F401 - SQLAlchemy, the services, the models


def _preload_failed(error: BaseException) -> None:
    """Logged by the runner already; said here, because signing in will not work either."""
    if isinstance(error, WijkteamError):
        QMessageBox.critical(QApplication.activeWindow(), "Wijkteam", error_text(error))


def welcome(window: MainWindow, services: Services, runner: TaskRunner) -> None:
    """On an empty store: offer the demo data, or start with the first team member."""
    from ui.dialogs.welcome_dialog import WelcomeDialog

    dialog = WelcomeDialog(services, window)
    if dialog.exec() != WelcomeDialog.DialogCode.Accepted:
        return
    if not dialog.wants_demo:
        window.data_changed()
        return
    from ui.widgets.busy import BusyNote
    from wijkteam.demo.generator import generate

    note = BusyNote("De demo-gegevens worden geladen…", window)
    note.start()
    window.setEnabled(False)

    def done(_summary: object) -> None:
        note.finish()
        window.setEnabled(True)
        window.data_changed()
        window.notify("Demo-gegevens geladen.")

    def failed(error: BaseException) -> None:
        note.finish()
        window.setEnabled(True)
        text = error_text(error) if isinstance(error, WijkteamError) else ""
        QMessageBox.warning(
            window, "Wijkteam", f"De demo-gegevens konden niet worden geladen. {text}".strip()
        )

    runner.submit(lambda: generate(services.store, services.audit), done, failed)
