"""Starting the GUI: application setup, the store, the first-start welcome, the window."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from ui.startup import start_session
from ui.style import apply_style
from ui.tasks import TaskRunner, ThreadTaskRunner
from wijkteam.clock import Clock
from wijkteam.security.state import StoreState

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from wijkteam.services import Services


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
    from ui.widgets.dialog_room import install

    install_dutch(app)
    apply_style(app)
    install(app)
    return app


def run_gui(data_dir: Path, clock: Clock | None = None) -> int:
    app = application()
    runner = ThreadTaskRunner()
    # The sign-in screen comes first; the database layer loads meanwhile, off the UI thread.
    runner.submit(_preload, lambda _none: None, lambda _error: None)
    started = start_session(data_dir, runner, clock)
    if started is None:
        return 2
    opened, state = started
    show_main_window(
        opened.services, runner, data_dir, state is StoreState.NEW, opened.recovery_code
    )
    return app.exec()


def show_main_window(
    services: Services,
    runner: TaskRunner,
    data_dir: Path,
    new_store: bool,
    recovery_code: str | None = None,
) -> MainWindow:
    """After sign-in: the window with its security guard, then the welcome on a new store or
    the offer of conversation text that was never saved."""
    from ui.widgets.busy import holding_the_screen

    with holding_the_screen("Wijkteam wordt geopend…"):
        from ui.main_window import MainWindow
        from ui.security.session import install_security
        from ui.window_size import show_fitted

        window = MainWindow(services)
        security = install_security(window, services, runner, data_dir)
        application().aboutToQuit.connect(security.shut_down)
        show_fitted(window)
    if recovery_code is not None:
        security.show_recovery_code(recovery_code)
    if new_store:
        welcome(window, services, runner)
    else:
        from ui.dossier.draft_recovery import offer_unsaved_drafts

        offer_unsaved_drafts(window, services)
    return window


def _preload() -> None:
    import ui.main_window  # noqa: F401 - the pages' code, while the member types
    from wijkteam.domain.working_days import is_working_day

    is_working_day(datetime.date.today())  # the holiday calendar Vandaag needs
    import wijkteam.security.setup  # noqa: F401 - SQLAlchemy, the services, the models


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

    def failed(_error: BaseException) -> None:
        note.finish()
        window.setEnabled(True)
        QMessageBox.warning(window, "Wijkteam", "De demo-gegevens konden niet worden geladen.")

    runner.submit(lambda: generate(services.store), done, failed)
