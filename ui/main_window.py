"""The main window: a shell of pages and actions. Pages do the work; this wires them up.

One page is shown at a time. Where the member came from is kept in a history that Back
walks (the dossier's Terug button, Alt+←, or Esc where nothing else wants it), and the
sidebar always highlights the page that is shown (none while a dossier is open)."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.members_dialog import MembersDialog
from ui.dialogs.new_report_dialog import NewReportDialog
from ui.dialogs.plan_visit_dialog import PlanVisitDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.feedback import show_error
from ui.imports.import_flow import ImportFlow
from ui.navigator import SIDEBAR_PAGES, History, PageKey, Place
from ui.pages.dossier_page import DossierPage
from ui.pages.today_page import TodayPage
from ui.pages.worklist_page import WorklistPage
from ui.security.lock import LOCKED_TITLE
from ui.social_map.page import SocialMapPage
from ui.sync.menu import SyncMenu
from ui.tasks import TaskRunner
from ui.team.menu import TeamActions
from ui.widgets.closing_notice import ClosingNotice
from ui.widgets.sidebar import Sidebar
from ui.widgets.toast import Toast
from wijkteam import __version__
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services

NAV_TODAY, NAV_WORKLIST, NAV_SOCIAL_MAP = range(3)
log = logging.getLogger(__name__)
SIDEBAR_LABELS = {
    PageKey.TODAY: "Vandaag",
    PageKey.WORKLIST: "Werkvoorraad",
    PageKey.SOCIAL_MAP: "Sociale kaart",
}
# Fits a 1280×800 screen with a title bar; ui.window_size makes it fit the real screen.
DEFAULT_SIZE = (1280, 760)

# A history entry: the place, and the widget that had the keyboard focus there.
Entry = tuple[Place, QWidget | None]


class MainWindow(QMainWindow):
    def __init__(self, services: Services, runner: TaskRunner) -> None:
        super().__init__()
        self.services = services
        self.runner = runner  # the one runner, made at start-up; flows reach it through here
        self.closing_notice: ClosingNotice | None = None
        # No personal data in the title: it shows in the task bar and in screen shares.
        self.setWindowTitle("Wijkteam")
        self.show_team_name()
        self.resize(*DEFAULT_SIZE)

        # Only Vandaag is made at start; the other pages when first shown (a quicker start).
        self.pages = QStackedWidget()
        self._pages: dict[PageKey, QWidget] = {}
        self.today_page = TodayPage(services, self)
        self._add_page(PageKey.TODAY, self.today_page)

        self.nav = Sidebar([SIDEBAR_LABELS[key] for key in SIDEBAR_PAGES])
        self.nav.pageChosen.connect(lambda row: self.show_page(SIDEBAR_PAGES[row]))
        # "Nieuwe melding" heads the sidebar: a toolbar for one button cost a whole row.
        self.new_report_button = QPushButton("Nieuwe melding")
        self.new_report_button.setObjectName("newReport")
        self.new_report_button.setToolTip("Nieuwe melding (Ctrl+N)")
        self.new_report_button.clicked.connect(lambda: self.new_report())
        side = QWidget()
        side.setObjectName("sidebar")
        side.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        side.setFixedWidth(180)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 10, 0, 0)
        side_layout.setSpacing(6)
        side_layout.addWidget(self.new_report_button)
        side_layout.addWidget(self.nav, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.toast = Toast(central)
        self.place = Place(PageKey.TODAY)
        self.history: History[Entry] = History()
        self.import_flow = ImportFlow(self, self, services, runner)
        self._build_actions()
        self.sync_menu = SyncMenu(self, services, runner)
        self.team = TeamActions(self, services, runner, self.team_menu)
        self.pages.setCurrentWidget(self.today_page)
        self.nav.show_current(NAV_TODAY)
        self.back_action.setEnabled(False)
        self.statusBar()  # made now: made later, it would make the window grow
        self.today_page.refresh()
        self.today_page.focus_first_list()

    # --- pages ----------------------------------------------------------------------------
    def _add_page(self, key: PageKey, page: QWidget) -> None:
        self._pages[key] = page
        self.pages.addWidget(page)

    def page(self, key: PageKey) -> QWidget:
        if key not in self._pages:
            made: QWidget
            if key is PageKey.WORKLIST:
                made = WorklistPage(self.services, self)
            elif key is PageKey.DOSSIER:
                made = DossierPage(self.services, self)
                made.back_button.clicked.connect(self.go_back)
            else:
                made = SocialMapPage(self.services, self)
            self._add_page(key, made)
        return self._pages[key]

    @property
    def worklist_page(self) -> WorklistPage:
        return self.page(PageKey.WORKLIST)  # type: ignore[return-value]

    @property
    def dossier_page(self) -> DossierPage:
        return self.page(PageKey.DOSSIER)  # type: ignore[return-value]

    @property
    def social_map_page(self) -> SocialMapPage:
        return self.page(PageKey.SOCIAL_MAP)  # type: ignore[return-value]

    def made(self, key: PageKey) -> bool:
        return key in self._pages

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
        # Ctrl+Q on every platform: Windows has no standard Quit key.
        self._action(file_menu, "&Afsluiten", "Ctrl+Q", self.close)
        view = bar.addMenu("Beel&d")
        self._action(view, "&Vandaag", "Ctrl+1", lambda: self.show_page(PageKey.TODAY))
        self._action(view, "&Werkvoorraad", "Ctrl+2", lambda: self.show_page(PageKey.WORKLIST))
        self._action(view, "&Sociale kaart", "Ctrl+3", lambda: self.show_page(PageKey.SOCIAL_MAP))
        self._action(view, "&Zoeken in werkvoorraad", "Ctrl+F", self._focus_search)
        self.back_action = self._action(view, "&Terug", "Alt+Left", self.go_back)
        view.addSeparator()
        self._action(view, "Ver&nieuwen", "F5", self.data_changed)
        team = self.team_menu = bar.addMenu("&Team")
        self._action(team, "&Teamleden…", None, self._members)
        self._action(team, "&Instellingen…", None, self._settings)
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Over Wijkteam", None, self._about)

    def _action(self, menu, text, shortcut, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- going places ---------------------------------------------------------------------
    def show_page(self, key: PageKey) -> bool:
        """One of the sidebar's pages (Ctrl+1, Ctrl+2, Ctrl+3 or a click)."""
        if key is PageKey.DOSSIER:
            raise ValueError("a dossier is opened with open_dossier")
        return self._go(Place(key))

    def open_dossier(self, resident_id: int, report_id: int | None = None) -> None:
        self._go(Place(PageKey.DOSSIER, resident_id), report_id=report_id)

    def go_back(self) -> bool:
        """Back to where the member came from; False when there is nowhere to go back to."""
        while (entry := self.history.peek()) is not None:
            place, focus = entry
            if not self._leave_current(place):
                return False
            self.history.pop()
            if self._arrive(place, None):
                if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
                    focus.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            # That place is gone (e.g. the resident was erased): try the one before it.
        if self.place.page is PageKey.TODAY or not self._leave_current(Place(PageKey.TODAY)):
            return False
        return self._arrive(Place(PageKey.TODAY), None)  # nowhere left: the first screen

    def _go(self, place: Place, report_id: int | None = None) -> bool:
        if place == self.place and place.page is not PageKey.DOSSIER:
            self.page(place.page).refresh()  # type: ignore[attr-defined]
            self.nav.show_current(place.sidebar_row)
            return True
        if not self._leave_current(place):
            self.nav.show_current(self.place.sidebar_row)
            return False
        came_from, focus = self.place, QApplication.focusWidget()
        if not self._arrive(place, report_id):
            return False
        if came_from != place:
            self.history.push((came_from, focus))
        return True

    def _leave_current(self, target: Place) -> bool:
        """Asks about unsaved work on the page being left (the same dossier stays open)."""
        if self.place.page is PageKey.DOSSIER and target != self.place:
            return self.dossier_page.confirm_leave()
        if self.place.page is PageKey.SOCIAL_MAP and target.page is not PageKey.SOCIAL_MAP:
            return self.social_map_page.confirm_leave()
        return True

    def _arrive(self, place: Place, report_id: int | None) -> bool:
        page = self.page(place.page)
        if place.page is PageKey.DOSSIER and place == self.place:
            self.dossier_page.refresh()  # the same dossier: what was typed stays
            if report_id is not None:
                self.dossier_page.select_report(report_id)
        elif place.page is PageKey.DOSSIER:
            assert place.resident_id is not None
            try:
                self.dossier_page.show_resident(place.resident_id, report_id)
            except WijkteamError as error:
                if report_id is not None or self.history.peek() is None:
                    show_error(self, error)
                return False
        else:
            page.refresh()  # type: ignore[attr-defined]
        self.place = place
        self.pages.setCurrentWidget(page)
        self.nav.show_current(place.sidebar_row)
        self.back_action.setEnabled(len(self.history) > 0 or place.page is PageKey.DOSSIER)
        if place.page is PageKey.DOSSIER:
            self.dossier_page.tabs.setFocus()
        return True

    def open_referral(self, resident_id: int, report_id: int, referral_id: int) -> None:
        self.open_dossier(resident_id, report_id)
        page = self.dossier_page
        if self.pages.currentWidget() is page and page.resident and page.resident.id == resident_id:
            page.show_referral(referral_id)

    def show_today(self) -> None:
        self.show_page(PageKey.TODAY)

    def _focus_search(self) -> None:
        if self.show_page(PageKey.WORKLIST):
            self.worklist_page.focus_search()

    # --- Navigator ------------------------------------------------------------------------
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
        """Something was saved on this laptop: the lists, the open page, and the status bar's
        count of changes still to share with the team."""
        self.team.sync.status_changed()
        self.today_page.refresh()
        if self.made(PageKey.WORKLIST):
            self.worklist_page.refresh()
        current = self.pages.currentWidget()
        if isinstance(current, DossierPage | SocialMapPage):
            current.refresh()

    def show_team_name(self) -> None:
        """The team's name in the title (a team setting, no personal data); on a joined
        laptop it comes with the team's settings. Left alone while the screen is locked."""
        if self.windowTitle() == LOCKED_TITLE:
            return
        try:
            name = self.services.settings.team().team_name
        except WijkteamError:
            return
        self.setWindowTitle(f"Wijkteam – {name}" if name else "Wijkteam")

    def after_team_sync(self) -> None:
        """A sync brought in the team's work: the lists again, and the open page. The dossier
        always refreshes: its form keeps what the member typed and takes the team's values
        for every other field (a stale form saved later would undo a colleague's change).
        The sociale kaart waits while the member is editing an entry."""
        self.show_team_name()
        self.today_page.refresh()
        if self.made(PageKey.WORKLIST):
            self.worklist_page.refresh()
        current = self.pages.currentWidget()
        dossier = self._pages.get(PageKey.DOSSIER)
        if dossier is not None and current is dossier:
            dossier.refresh()  # type: ignore[attr-defined]
        social_map = self._pages.get(PageKey.SOCIAL_MAP)
        editing = social_map is not None and social_map.has_unsaved_changes()  # type: ignore[attr-defined]
        if social_map is not None and current is social_map and not editing:
            social_map.refresh()  # type: ignore[attr-defined]

    def notify(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        self.toast.show_text(text)

    # --- team and help ----------------------------------------------------------------
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

    # --- events ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.pages.currentWidget()
        if isinstance(current, DossierPage) and not current.confirm_leave():
            event.ignore()
            return
        if self.made(PageKey.SOCIAL_MAP) and not self.social_map_page.confirm_leave():
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc reaches the window only when nothing on the page wanted it.
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.go_back()
            return
        super().keyPressEvent(event)
