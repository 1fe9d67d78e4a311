"""Screenshots of the resident's summary dialog and the Documenten tab (see ui/screenshots.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from ui.documents.summary_dialog import VisitSummaryDialog
from ui.main_window import MainWindow
from ui.referrals.screenshots import Grab, GrabDialog
from wijkteam.documents.summary_choices import SummaryChoices, compose_summary
from wijkteam.documents.visit_summary import build_visit_summary
from wijkteam.domain.documents import DocumentKind
from wijkteam.domain.enums import Language
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services


def document_shots(
    window: MainWindow,
    services: Services,
    out: Path,
    grab: Grab,
    grab_dialog: GrabDialog,
    report_id: int,
) -> None:
    """The summary dialog in German with two themes ticked, then the Documenten tab with
    the summary that dialog would make."""
    try:
        draft = services.documents.visit_summary_draft(report_id)
    except WijkteamError:
        return
    report = services.reports.get(report_id)
    window.open_dossier(report.resident_id, report_id)
    page = window.dossier_page

    def ticked(dialog: QDialog) -> None:
        assert isinstance(dialog, VisitSummaryDialog)
        dialog.language.setCurrentIndex(dialog.language.findData(Language.GERMAN))
        for choice in dialog.form.theme_choices[:2]:
            choice.check.setChecked(True)
        dialog.form.decision.setPlainText("Sie möchten den Chor in Lemiers ausprobieren.")

    grab_dialog(
        VisitSummaryDialog(services, window.runner, draft, window.statusBar().showMessage, window),
        out / "50-bezoekverslag-kiezen.png",
        ticked,
    )
    themes = [t.key for t in draft.summary.themes[:2]]
    summary = compose_summary(
        draft,
        SummaryChoices(Language.GERMAN, themes, steps=range(len(draft.summary.next_steps))),
    )
    services.documents.record(
        draft.resident_id,
        DocumentKind.VISIT_SUMMARY,
        Language.GERMAN,
        build_visit_summary(summary),
        report_id=report_id,
    )
    page.refresh()
    page.tabs.setCurrentWidget(page.documents)
    grab(window, out / "51-documenten.png")
