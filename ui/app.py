"""Starting the GUI: application setup, the store, the first-start welcome, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.dialogs.welcome_dialog import WelcomeDialog
from ui.dossier.draft_recovery import offer_unsaved_drafts
from ui.main_window import MainWindow
from ui.startup import open_services_or_explain
from ui.style import apply_style
from ui.tasks import TaskRunner, ThreadTaskRunner
from wijkteam.clock import Clock
from wijkteam.services import Services


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Wijkteam")
    app.setOrganizationName("Wijkteam")
    dutch = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    QLocale.setDefault(dutch)
    translator = QTranslator(app)
    if translator.load(
        dutch, "qt", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(translator)
    apply_style(app)
    return app


def run_gui(data_dir: Path, clock: Clock | None = None) -> int:
    app = application()
    window = open_main_window(data_dir, clock)
    if window is None:
        return 2
    return app.exec()


def open_main_window(data_dir: Path, clock: Clock | None = None) -> MainWindow | None:
    """Everything the start does before the event loop runs: the store, the window, and then
    the welcome on an empty store, or the offer of text that was never saved."""
    app = application()
    services = open_services_or_explain(data_dir, clock)
    if services is None:
        return None
    app.aboutToQuit.connect(services.store.close)
    window = MainWindow(services)
    window.show()
    if services.store_is_empty():
        welcome(window, services, ThreadTaskRunner())
    else:
        offer_unsaved_drafts(window, services)
    return window


def welcome(window: MainWindow, services: Services, runner: TaskRunner) -> None:
    """On an empty store: offer the demo data, or start with the first team member."""
    dialog = WelcomeDialog(services, window)
    if dialog.exec() != WelcomeDialog.DialogCode.Accepted:
        return
    if not dialog.wants_demo:
        window.data_changed()
        return
    from wijkteam.demo.generator import generate

    window.statusBar().showMessage("Demo-gegevens worden geladen…")
    window.setEnabled(False)

    def done(_summary: object) -> None:
        window.setEnabled(True)
        window.data_changed()
        window.notify("Demo-gegevens geladen.")

    def failed(_error: BaseException) -> None:
        window.setEnabled(True)
        QMessageBox.warning(window, "Wijkteam", "De demo-gegevens konden niet worden geladen.")

    runner.submit(lambda: generate(services.store), done, failed)
