"""The Doorverwijzing tab as a member uses it: request, refused without consent, consent,
handover from ticked themes, send, plan, complete; the overdue referral on Vandaag; the
overdrachtsverslag saved as PDF and recorded."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import report, resident
from tests.gui.helpers import drive_modal, type_text, with_modal
from ui.main_window import MainWindow
from ui.referrals.dialogs import (
    CompleteDialog,
    ConsentDialog,
    PlanDialog,
    RequestDialog,
    SupportDialog,
)
from wijkteam.clock import FixedClock
from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.domain.documents import DocumentKind
from wijkteam.domain.referral import (
    ConsentForm,
    Law,
    ReferralKind,
    ReferralOutcome,
    ReferralStatus,
    Specialist,
    SupportWish,
)
from wijkteam.domain.status import ReportStatus
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.services.referral_records import ConsentInput, ReferralInput
from wijkteam.wiring import Services

LEFT = Qt.MouseButton.LeftButton
WHO = "Oud-naaister uit Vaals, kent iedereen in de straat."
NEEDS = "NIET-DELEN: schaamt zich voor de rommel in huis."


@pytest.fixture
def melding(services: Services, member: MemberRecord) -> ReportRecord:
    saved = services.reports.register(report(assigned_member_id=member.id), resident=resident())
    services.visits.plan(saved.id, VisitInput("18-11-2026", "08:00"))
    services.contacts.record(
        saved.resident_id,
        ContactInput(
            ContactKind.HOME_VISIT,
            "18-11-2026",
            "08:00",
            report_id=saved.id,
            themes={Theme.WHO: WHO, Theme.NEEDS: NEEDS},
        ),
    )
    return services.reports.get(saved.id)


def open_tab(qtbot: QtBot, window: MainWindow, melding: ReportRecord):  # type: ignore[no-untyped-def]
    window.open_dossier(melding.resident_id, melding.id)
    page = window.dossier_page
    bar = page.tabs.tabBar()
    tab_index = page.tabs.indexOf(page.referrals)
    assert bar.tabText(tab_index) == "Doorverwij&zing"
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tab_index).center())
    assert page.tabs.currentWidget() is page.referrals
    return page.referrals


def request_wmo(qtbot: QtBot, tab) -> None:  # type: ignore[no-untyped-def]
    def fill(dialog: RequestDialog) -> None:
        qtbot.mouseClick(dialog.ok_button, LEFT)  # nothing typed yet
        assert dialog.isVisible()
        assert dialog.fieldset.errors_shown() == {
            "referral_question": "Vul de vraag aan de consulent in."
        }
        type_text(qtbot, dialog.question, "Hulp bij het huishouden? Zoë redt het niet meer.")
        qtbot.mouseClick(dialog.ok_button, LEFT)

    drive_modal(RequestDialog, fill, lambda: qtbot.mouseClick(tab.new_button, LEFT))


def test_request_consent_send_plan_and_complete(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    tab = open_tab(qtbot, window, melding)
    assert tab.empty.isVisible()
    request_wmo(qtbot, tab)
    panel = tab.panel
    (referral,) = services.referrals.for_report(melding.id)
    assert referral.status is ReferralStatus.CONCEPT and referral.law is Law.WMO
    # Titled as what was chosen: a keukentafelgesprek, not a "consultatie".
    assert panel.title.text() == "Keukentafelgesprek · Wmo 2015 · Concept"
    assert "Wettelijke termijn Wmo" in panel.deadline.text()
    assert "22 december 2026" in panel.deadline.text()

    # Sending without consent is refused, in Dutch, next to the buttons.
    qtbot.mouseClick(panel.send_button, LEFT)
    assert panel.message.isVisible()
    assert "Versturen kan pas als de inwoner toestemming heeft gegeven" in panel.message.text()
    assert services.referrals.get(referral.id).status is ReferralStatus.CONCEPT

    # The handover holds only the ticked theme.
    items = panel.handover.parts
    who_row = next(n for n in range(items.count()) if "Wie is de persoon" in items.item(n).text())
    items.item(who_row).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(panel.handover.prefill_button, LEFT)
    text = panel.handover.text.toPlainText()
    assert WHO in text and "NIET-DELEN" not in text
    type_text(qtbot, panel.handover.text, " Dochter helpt op zaterdag.")

    def consent(dialog: ConsentDialog) -> None:
        assert dialog.given_on.text() == "18-11-2026"
        type_text(qtbot, dialog.given_by, "Zoë Verzonnen zelf")
        qtbot.mouseClick(dialog.ok_button, LEFT)

    drive_modal(ConsentDialog, consent, lambda: qtbot.mouseClick(panel.consent_button, LEFT))
    assert "Mondeling gegeven door Zoë Verzonnen zelf" in panel.consent_label.text()

    # A keukentafelgesprek goes only after the resident heard about client support.
    def support(dialog: SupportDialog) -> None:
        assert not dialog.ok_button.isEnabled()  # an answer first
        qtbot.mouseClick(dialog.answers[SupportWish.WANTS], LEFT)
        qtbot.mouseClick(dialog.ok_button, LEFT)

    drive_modal(SupportDialog, support, lambda: qtbot.mouseClick(panel.send_button, LEFT))
    sent = services.referrals.get(referral.id)
    assert sent.support_wish is SupportWish.WANTS
    assert sent.status is ReferralStatus.SENT
    assert sent.handover_text.endswith("Dochter helpt op zaterdag.")
    assert "NIET-DELEN" not in sent.handover_text
    assert services.reports.get(melding.id).status is ReportStatus.REFERRED
    assert "Verstuurd op 18-11-2026 (8 dagen na de melding)" in panel.facts.text()
    assert not panel.send_button.isEnabled() and panel.handover.text.isReadOnly()

    def plan(dialog: PlanDialog) -> None:
        type_text(qtbot, dialog.day.line, "01-12-2026")
        type_text(qtbot, dialog.consultant, "J. Consulent")
        qtbot.mouseClick(dialog.ok_button, LEFT)

    drive_modal(PlanDialog, plan, lambda: qtbot.mouseClick(panel.plan_button, LEFT))
    assert services.referrals.get(referral.id).consultant_name == "J. Consulent"
    assert "Gesprek gepland" in panel.title.text()

    def complete(dialog: CompleteDialog) -> None:
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(ReferralOutcome.GENERAL_PROVISION))
        type_text(qtbot, dialog.note, "Huishoudelijke hulp via de algemene voorziening")
        qtbot.mouseClick(dialog.ok_button, LEFT)

    drive_modal(CompleteDialog, complete, lambda: qtbot.mouseClick(panel.complete_button, LEFT))
    done = services.referrals.get(referral.id)
    assert (done.status, done.outcome) == (
        ReferralStatus.COMPLETED,
        ReferralOutcome.GENERAL_PROVISION,
    )
    assert "Uitkomst: Algemene voorziening" in panel.facts.text()
    assert not any(
        b.isEnabled() for b in (panel.plan_button, panel.complete_button, panel.return_button)
    )


def test_withdrawn_consent_is_recorded_and_blocks_sending(
    qtbot: QtBot, window: MainWindow, services: Services, melding: ReportRecord
) -> None:
    referral = services.referrals.create(
        melding.id,
        ReferralInput(ReferralKind.ESCALATION, "Zorgen", specialist=Specialist.GGZ),
    )
    services.referrals.give_consent(
        referral.id, ConsentInput("Zoë", "18-11-2026", ConsentForm.WRITTEN, "GGZ")
    )
    panel = open_tab(qtbot, window, melding).panel

    def yes(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Yes).click()

    drive_modal(QMessageBox, yes, lambda: qtbot.mouseClick(panel.withdraw_button, LEFT))
    assert "Ingetrokken op 18-11-2026" in panel.consent_label.text()
    qtbot.mouseClick(panel.send_button, LEFT)
    assert "De inwoner heeft de toestemming ingetrokken" in panel.message.text()
    assert services.referrals.get(referral.id).status is ReferralStatus.CONCEPT


def test_overdue_and_wmo_deadline_on_vandaag(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    melding: ReportRecord,
    clock: FixedClock,
) -> None:
    escalation = services.referrals.create(
        melding.id,
        ReferralInput(ReferralKind.ESCALATION, "Zorgen", specialist=Specialist.VEILIG_THUIS),
    )
    services.referrals.give_consent(
        escalation.id, ConsentInput("Zoë", "18-11-2026", ConsentForm.SPOKEN, "Veilig Thuis")
    )
    services.referrals.send(escalation.id)
    services.referrals.create(
        melding.id, ReferralInput(ReferralKind.CONSULTATION, "Wmo-vraag", law=Law.WMO)
    )
    section = window.today_page.referrals
    window.today_page.refresh()
    assert section.model.rowCount() == 0 and not section.empty.isHidden()

    clock.set(datetime(2026, 12, 3, 9, 0))  # eleven working days after sending
    qtbot.keyClick(window, Qt.Key.Key_F5)
    window.today_page.refresh()
    (row,) = [section.model.row_at(n) for n in range(section.model.rowCount())]
    assert row.referral_id == escalation.id
    response = section.model.index(0, 2).data()
    assert response == "Opschaling: geen reactie sinds 18-11-2026"

    clock.set(datetime(2026, 12, 18, 9, 0))  # the Wmo six weeks end on 22 December
    window.today_page.refresh()
    assert section.model.rowCount() == 2
    first = section.model.row_at(0)
    assert first.wmo_deadline is not None and first.wmo_deadline.days_left == 4
    assert section.title.text() == "Doorverwijzingen (2)"


def test_handover_report_saved_as_pdf_and_recorded(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    melding: ReportRecord,
    tmp_path: Path,
) -> None:
    referral = services.referrals.create(
        melding.id, ReferralInput(ReferralKind.CONSULTATION, "Wmo-vraag", law=Law.WMO)
    )
    services.referrals.give_consent(
        referral.id, ConsentInput("Zoë", "18-11-2026", ConsentForm.SPOKEN, "Wmo-consulent")
    )
    panel = open_tab(qtbot, window, melding).panel
    target = tmp_path / "overdrachtsverslag.pdf"  # the offered name: no personal data

    def choose_save(box: QMessageBox) -> None:
        (button,) = [b for b in box.buttons() if b.text() == "Opslaan als PDF…"]
        button.click()

    def pick_file(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(tmp_path))
        dialog.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, with_modal(QFileDialog, pick_file))
    drive_modal(QMessageBox, choose_save, lambda: qtbot.mouseClick(panel.pdf_button, LEFT))
    qtbot.waitUntil(lambda: target.exists())
    assert target.read_bytes().startswith(b"%PDF-")
    (document,) = services.documents.for_resident(melding.resident_id)
    assert (document.kind, document.report_id) == (DocumentKind.HANDOVER, melding.id)


def test_a_waiting_referral_on_vandaag_opens_on_the_doorverwijzing_tab(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    melding: ReportRecord,
    clock: FixedClock,
) -> None:
    waiting = services.referrals.create(
        melding.id,
        ReferralInput(ReferralKind.ESCALATION, "Zorgen", specialist=Specialist.VEILIG_THUIS),
    )
    services.referrals.give_consent(
        waiting.id, ConsentInput("Zoë", "18-11-2026", ConsentForm.SPOKEN, "Veilig Thuis")
    )
    services.referrals.send(waiting.id)
    services.referrals.create(  # newer: the dossier would show this one first
        melding.id, ReferralInput(ReferralKind.CONSULTATION, "Wmo-vraag", law=Law.WMO)
    )
    clock.set(datetime(2026, 12, 3, 9, 0))  # eleven working days after sending
    window.show_today()
    window.today_page.refresh()
    table = window.today_page.referrals.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    page = window.dossier_page
    assert window.pages.currentWidget() is page
    assert page.tabs.currentWidget() is page.referrals
    assert page.referrals.panel.referral is not None
    assert page.referrals.panel.referral.id == waiting.id
