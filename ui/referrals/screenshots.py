"""Screenshots of the Doorverwijzing tab and Vandaag's referral list (see ui/screenshots.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from ui.main_window import MainWindow
from ui.referrals.dialogs import RequestDialog
from wijkteam.domain.referral import ConsentForm, Law, ReferralKind, SupportWish
from wijkteam.services.referral_records import ConsentInput, ReferralInput
from wijkteam.wiring import Services

Grab = Callable[[QWidget, Path], None]
GrabDialog = Callable[..., None]


def referral_shots(
    window: MainWindow,
    services: Services,
    out: Path,
    grab: Grab,
    grab_dialog: GrabDialog,
    report_id: int,
    example: bool,
) -> None:
    """A concept with ticked themes on the example melding, a sent referral waiting too
    long, the request dialog, and Vandaag."""
    page = window.dossier_page
    report = services.reports.get(report_id)
    if example and report.is_open:
        referral = services.referrals.create(
            report_id,
            ReferralInput(
                ReferralKind.CONSULTATION,
                "Kan de Wmo-consulent kijken naar vervoer met de rollator en hulp bij de "
                "boodschappen?",
                law=Law.WMO,
            ),
        )
        services.referrals.set_support(referral.id, SupportWish.WANTS)
        services.referrals.give_consent(
            referral.id,
            ConsentInput(
                "de inwoner zelf",
                f"{services.store.clock.today():%d-%m-%Y}",
                ConsentForm.SPOKEN,
                "Gegevens uit de gesprekken delen met de Wmo-consulent voor deze vraag",
            ),
        )
    window.open_dossier(report.resident_id, report_id)
    page.tabs.setCurrentWidget(page.referrals)
    panel = page.referrals.panel
    items = panel.handover.parts
    for n in range(min(items.count(), 3)):
        if items.item(n).flags() & Qt.ItemFlag.ItemIsUserCheckable:
            items.item(n).setCheckState(Qt.CheckState.Checked)
    if panel.referral is not None and panel.handover.prefill_button.isEnabled():
        panel.handover.prefill_button.click()
    grab(window, out / "40-doorverwijzing-concept.png")

    def filled(dialog: QDialog) -> None:
        assert isinstance(dialog, RequestDialog)
        dialog.kind_buttons[ReferralKind.ESCALATION].setChecked(True)
        dialog.question.setPlainText("Zorgen over somberheid; huisarts is op de hoogte.")
        dialog.urgent.setChecked(True)

    meldingen = [(report_id, "Melding")]
    grab_dialog(RequestDialog(meldingen, window), out / "41-doorverwijzing-aanvragen.png", filled)
    alerts = services.referrals.alerts()
    waiting = next((a for a in alerts if a.response_overdue), None)
    if waiting is not None:
        window.open_dossier(waiting.resident_id, waiting.report_id)
        page.tabs.setCurrentWidget(page.referrals)
        grab(window, out / "42-doorverwijzing-verstuurd.png")
    window.show_today()
    grab(window, out / "43-vandaag-doorverwijzingen.png")
