"""The main window: a shell of pages and actions. Pages do the work; this wires them up."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ui.dialogs.members_dialog import MembersDialog
from ui.dialogs.new_report_dialog import NewReportDialog
from ui.dialogs.plan_visit_dialog import PlanVisitDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.feedback import show_error
from ui.imports.import_flow import ImportFlow
from ui.pages.dossier_page import DossierPage
from ui.pages.today_page import TodayPage
from ui.pages.worklist_page import WorklistPage
from ui.social_map.page import SocialMapPage
from ui.sync.menu import SyncMenu
from ui.tasks import TaskRunner
from ui.team.menu import TeamActions
from ui.widgets.closing_notice import ClosingNotice
from wijkteam import __version__
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services

NAV_TODAY, NAV_WORKLIST = 0, 1
log = logging.getLogger(__name__)
NAV_SOCIAL_MAP = 2


class MainWindow(QMainWindow):
    def __init__(self, services: Services, runner: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.runner = runner  # the one runner, made at start-up; flows reach it through here
        self.closing_notice: ClosingNotice | None = None
        # No personal data in the title: it shows in the task bar and in screen shares.
        self.setWindowTitle("Wijkteam")
        self.resize(1280, 800)

        self.today_page = TodayPage(services, self)
        self.worklist_page = WorklistPage(services, self)
        self.dossier_page = DossierPage(services, self)
        self.dossier_page.back_button.clicked.connect(self.go_back)
        self.pages = QStackedWidget()
        for page in (self.today_page, self.worklist_page, self.dossier_page):
            self.pages.addWidget(page)
        self.social_map_page = SocialMapPage(services, self)
        self.pages.addWidget(self.social_map_page)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.addItems(["Vandaag", "Werkvoorraad"])
        self.nav.addItem("Sociale kaart")
        self.nav.setFixedWidth(180)
        self.nav.currentRowChanged.connect(self._nav_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._previous_page: QWidget = self.today_page
        self.import_flow = ImportFlow(self, self, services, runner)
        self._build_actions()
        self.sync_menu = SyncMenu(self, services, runner)
        self.team = TeamActions(self, services, runner, self.team_menu)
        self.statusBar().showMessage("Klaar", 2000)
        self.nav.setCurrentRow(NAV_TODAY)

    # --- actions --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&Bestand")
        self.new_report_action = self._action(
            file_menu, "&Nieuwe melding…", "Ctrl+N", lambda: self.new_report()
        )
        self.import_action = self._action(
            file_menu, "Meldingen &importeren…", None, lambda: self.import_flow.start()
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Afsluiten", QKeySequence.StandardKey.Quit, self.close)
        view = bar.addMenu("Beel&d")
        self._action(view, "&Vandaag", "Ctrl+1", lambda: self.nav.setCurrentRow(NAV_TODAY))
        self._action(view, "&Werkvoorraad", "Ctrl+2", lambda: self.nav.setCurrentRow(NAV_WORKLIST))
        self._action(
            view, "&Sociale kaart", "Ctrl+3", lambda: self.nav.setCurrentRow(NAV_SOCIAL_MAP)
        )
        self._action(view, "&Zoeken in werkvoorraad", "Ctrl+F", self._focus_search)
        self._action(view, "&Terug", "Alt+Left", self.go_back)
        view.addSeparator()
        self._action(view, "Ver&nieuwen", "F5", self.data_changed)
        team = self.team_menu = bar.addMenu("&Team")
        self._action(team, "&Teamleden…", None, self._members)
        self._action(team, "&Instellingen…", None, self._settings)
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Over Wijkteam", None, self._about)
        toolbar = self.addToolBar("Acties")
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_report_action)

    def _action(self, menu, text, shortcut, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- Navigator ------------------------------------------------------------------------
    def open_dossier(self, resident_id: int, report_id: int | None = None) -> None:
        if self.pages.currentWidget() is self.dossier_page:
            if not self.dossier_page.confirm_leave():
                return
        else:
            self._previous_page = self.pages.currentWidget()
        try:
            self.dossier_page.show_resident(resident_id, report_id)
        except WijkteamError as error:
            show_error(self, error)
            return
        self.nav.blockSignals(True)
        self.nav.clearSelection()
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.pages.setCurrentWidget(self.dossier_page)
        self.dossier_page.tabs.setFocus()

    def open_referral(self, resident_id: int, report_id: int, referral_id: int) -> None:
        self.open_dossier(resident_id, report_id)
        page = self.dossier_page
        if self.pages.currentWidget() is page and page.resident and page.resident.id == resident_id:
            page.show_referral(referral_id)

    def plan_visit(self, report_id: int) -> None:
        try:
            report = self.services.reports.get(report_id)
            resident = self.services.reports.resident_of(report_id)
        except WijkteamError as error:
            show_error(self, error)
            return
        dialog = PlanVisitDialog(self.services, report, resident.display_name, self)
        if dialog.exec() == PlanVisitDialog.DialogCode.Accepted:
            self.data_changed()
            self.notify("Huisbezoek gepland.")

    def new_report(self, resident_id: int | None = None) -> None:
        dialog = NewReportDialog(self.services, resident_id, self)
        if dialog.exec() == NewReportDialog.DialogCode.Accepted and dialog.saved is not None:
            self.data_changed()
            self.notify("Melding opgeslagen.")
            self.open_dossier(dialog.saved.resident_id, dialog.saved.id)

    def data_changed(self) -> None:
        self.today_page.refresh()
        self.worklist_page.refresh()
        if self.pages.currentWidget() is self.dossier_page:
            self.dossier_page.refresh()
        if self.pages.currentWidget() is self.social_map_page:
            self.social_map_page.refresh()

    def after_team_sync(self) -> None:
        """A sync brought in the team's work: the lists again, and the open page unless
        the member is editing it (their typing is never replaced by a refresh)."""
        self.today_page.refresh()
        self.worklist_page.refresh()
        current = self.pages.currentWidget()
        if current is self.dossier_page and not self.dossier_page.has_unsaved_changes():
            self.dossier_page.refresh()
        if current is self.social_map_page and not self.social_map_page.has_unsaved_changes():
            self.social_map_page.refresh()

    def notify(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    # --- navigation -----------------------------------------------------------------------
    def _nav_changed(self, row: int) -> None:
        target = {NAV_TODAY: self.today_page, NAV_WORKLIST: self.worklist_page}.get(row)
        if row == NAV_SOCIAL_MAP:
            target = self.social_map_page
        if target is None:
            return
        if (
            self.pages.currentWidget() is self.dossier_page
            and not self.dossier_page.confirm_leave()
        ):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(-1)
            self.nav.blockSignals(False)
            return
        target.refresh()
        self.pages.setCurrentWidget(target)

    def go_back(self) -> None:
        if self.pages.currentWidget() is not self.dossier_page:
            return
        back = self._previous_page
        self.nav.setCurrentRow(NAV_WORKLIST if back is self.worklist_page else NAV_TODAY)

    def show_today(self) -> None:
        if self.nav.currentRow() == NAV_TODAY:  # the list may say Vandaag over a dossier
            self._nav_changed(NAV_TODAY)
        else:
            self.nav.setCurrentRow(NAV_TODAY)
        self.today_page.refresh()

    def _focus_search(self) -> None:
        self.nav.setCurrentRow(NAV_WORKLIST)
        if self.pages.currentWidget() is self.worklist_page:
            self.worklist_page.focus_search()

    def _members(self) -> None:
        dialog = MembersDialog(self.services, self)
        dialog.exec()
        if dialog.changed:
            self.data_changed()

    def _settings(self) -> None:
        SettingsDialog(self.services, self).exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "Over Wijkteam",
            f"<b>Wijkteam {__version__}</b><br>Voor het vrije gesprek aan de keukentafel.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            self.pages.currentWidget() is self.dossier_page
            and not self.dossier_page.confirm_leave()
        ):
            event.ignore()
            return
        if not self.social_map_page.confirm_leave():
            event.ignore()
            return
        if self.runner.busy:  # never close the store under running work: wait for it
            log.info("Closing waits for work running in the background")
            event.ignore()
            self._close_when_idle()
            return
        self.team.sync.stop()
        event.accept()

    def _close_when_idle(self) -> None:
        if self.closing_notice is not None:
            return
        self.runner.closing = True
        self.closing_notice = ClosingNotice(self.runner, self)
        self.closing_notice.show()

        def close_now() -> None:
            if self.closing_notice is not None:
                self.closing_notice.close()
                self.closing_notice.deleteLater()
            self.closing_notice = None
            self.close()

        self.runner.when_idle(close_now)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.pages.currentWidget() is self.dossier_page:
            self.go_back()
            return
        super().keyPressEvent(event)
