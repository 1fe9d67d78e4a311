"""Saves screenshots of the main screens with demo data, for looking at the interface.

    .venv/bin/python -m ui.screenshots OUT_DIR [--data-dir DIR]

Use a real display or Xvfb (`xvfb-run -a -s "-screen 0 1280x800x24" ...`) for true pixels.
Screenshots are never committed.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget

from ui.app import application
from ui.dialogs.new_report_dialog import NewReportDialog
from ui.dialogs.plan_visit_dialog import PlanVisitDialog
from ui.documents.screenshots import document_shots
from ui.main_window import MainWindow
from ui.referrals.screenshots import referral_shots
from wijkteam.demo.generator import generate
from wijkteam.demo.zgw_example import example_settings
from wijkteam.domain.contacts import ContactKind, MessageMedium, Theme
from wijkteam.security.state import StoreState
from wijkteam.services.contact_records import ContactInput
from wijkteam.wiring import Services
from wijkteam.wiring.access import StoreAccess, TeamSetup
from wijkteam.wiring.headless import DEMO_TEAM

SHOT_PASSWORD = "schermafdrukken maken"


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _grab(widget: QWidget, path: Path) -> None:
    _settle()
    widget.grab().save(str(path))
    print(path)


def _grab_dialog(
    dialog: QDialog, path: Path, prepare: Callable[[QDialog], None] | None = None
) -> None:
    def shoot() -> None:
        if prepare:
            prepare(dialog)
        _grab(dialog, path)
        dialog.reject()

    QTimer.singleShot(300, shoot)
    dialog.exec()


def _steps_shots(window: MainWindow, services: Services, out: Path) -> None:
    """The steps panel and the timeline of a melding with due follow-up calls."""
    due = services.follow_ups.due()
    if not due:
        return
    window.open_dossier(due[0].resident_id, due[0].report_id)
    page = window.dossier_page
    page.steps_panel.form.what.setText("Aanmelden bij het repaircafé")
    page.steps_panel.form.resident_chose.setChecked(True)
    page.steps_panel.form.map_picker.line.setText("taal")
    page.steps_panel.form.map_picker.line.textEdited.emit("taal")
    page.tabs.setCurrentIndex(0)
    _grab(window, out / "30-afspraken.png")
    page.tabs.setCurrentWidget(page.timeline_tab)
    _grab(window, out / "31-tijdlijn.png")
    page.tabs.setCurrentWidget(page.conversations)
    page.conversations.new_contact()
    steps = page.conversations.steps
    area = steps.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None:
        _settle()
        area.ensureWidgetVisible(steps.table)
    _grab(window, out / "32-gesprek-afspraken.png")
    page.steps_panel.form.clear()
    window.show_today()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="wijkteam-shots-"))
    application()
    from ui.security.first_start_dialog import FirstStartDialog
    from ui.security.sign_in_dialog import SignInDialog
    from ui.tasks import InlineTaskRunner

    runner = InlineTaskRunner()
    access = StoreAccess(data_dir)
    generated = access.state() is StoreState.NEW
    if generated:
        _grab_dialog(FirstStartDialog(access, runner), args.out / "00-eerste-start.png")
        team, place, name, initials = DEMO_TEAM
        setup = TeamSetup(team, place, name, initials, SHOT_PASSWORD, SHOT_PASSWORD)
        opened = access.first_start(setup)
        generate(opened.services.store, opened.services.audit)
        opened.services.store.close()

    def sign_in(dialog: QDialog) -> None:
        assert isinstance(dialog, SignInDialog)
        dialog.initials.setText(DEMO_TEAM[3])
        dialog.password.setText("verkeerd wachtwoord")
        dialog.sign_in()

    sign_in_dialog = SignInDialog(access, runner)
    _grab_dialog(sign_in_dialog, args.out / "00-aanmelden.png", sign_in)
    sign_in_dialog = SignInDialog(access, runner)
    sign_in_dialog.initials.setText(DEMO_TEAM[3])
    sign_in_dialog.password.setText(SHOT_PASSWORD)
    sign_in_dialog.sign_in()
    assert sign_in_dialog.opened is not None
    services = sign_in_dialog.opened.services
    store = services.store
    window = MainWindow(services, runner)
    window.resize(1280, 800)
    window.show()
    window.show_today()
    _grab(window, args.out / "01-vandaag.png")
    window.nav.setCurrentRow(1)
    _grab(window, args.out / "02-werkvoorraad.png")
    row = window.worklist_page.model.row_at(0)
    window.open_dossier(row.resident_id, row.report_id)
    _grab(window, args.out / "03-dossier.png")
    window.dossier_page.tabs.setCurrentIndex(1)
    _grab(window, args.out / "04-dossier-gegevens.png")

    def invalid_bsn(dialog: QDialog) -> None:
        assert isinstance(dialog, NewReportDialog)
        dialog.resident_form.surname.setText("Voorbeeld")
        dialog.resident_form.bsn.setText("123456789")
        dialog.resident_form.postcode.setText("6291 SS")
        dialog.question.setPlainText("Mijn buurvrouw komt de deur niet meer uit.")
        dialog.save()

    _grab_dialog(
        NewReportDialog(services, parent=window), args.out / "05-nieuwe-melding.png", invalid_bsn
    )
    report = services.reports.get(window.today_page.unplanned.model.row_at(0).report_id)
    resident = services.reports.resident_of(report.id)
    _grab_dialog(
        PlanVisitDialog(services, report, resident.display_name, window),
        args.out / "06-huisbezoek-plannen.png",
    )
    _conversation_shots(window, services, args.out, example=generated)
    example_report = row.report_id
    _steps_shots(window, services, args.out)
    _shoot_import(services, window, args.out)
    _sync_screens(services, window, args.out)
    _social_map_shots(window, services, args.out)
    referral_shots(window, services, args.out, _grab, _grab_dialog, example_report, generated)
    document_shots(window, services, args.out, _grab, _grab_dialog, example_report)
    _security_screens(window, services, args.out)
    window.close()
    store.close()
    return 0


EXAMPLE_THEMES = {
    Theme.WHO: "Woont sinds 1979 in dit huis. Weduwe sinds twee jaar; een dochter in Aken, een "
    "zoon in Heerlen. Werkte dertig jaar in een naaiatelier in Vaals en vertelt daar graag over.",
    Theme.INTERESTS: "Handwerken (breien, borduren), kaarten met de buurvrouwen op dinsdag, de "
    "tuin. Zou graag weer eens naar de markt in Aken gaan.",
    Theme.MOTIVATION: "Wil ‘weer onder de mensen komen’ en niet alleen op de kinderen leunen. "
    "Vindt het fijn om iets voor een ander te doen.",
    Theme.SITUATION: "Sinds de heupoperatie in het voorjaar komt ze weinig buiten. Fietsen gaat "
    "niet meer, de bus vindt ze lastig met de rollator. De dochter doet op zaterdag de "
    "boodschappen.",
    Theme.NEEDS: "Onder de vraag ‘hulp bij de boodschappen’ zit vooral dat ze de vaste "
    "contacten van vroeger mist.",
    Theme.STRENGTHS: "Handig, nieuwsgierig, gezellig. Heeft jarenlang de breiclub van de kerk "
    "geregeld.",
}


def _conversation_shots(window: MainWindow, services: Services, out: Path, example: bool) -> None:
    """The Gesprekken tab with a conversation (written into a store this script made), and
    the start-up offer of an unsaved draft."""
    from datetime import timedelta

    from ui.dossier.draft_recovery import draft_offer_box

    page = window.dossier_page
    resident = page.resident
    assert resident is not None
    if example:
        report = services.reports.for_resident(resident.id)[0]
        today = services.store.clock.today()
        earlier = ContactInput(
            ContactKind.HOME_VISIT,
            f"{today - timedelta(days=9):%d-%m-%Y}",
            "10:00",
            duration="60",
            member_id=report.assigned_member_id,
            report_id=report.id,
            themes={Theme.WHO: "Eerste kennismaking; dochter was erbij."},
        )
        services.contacts.record(resident.id, earlier)
        message = ContactInput(
            ContactKind.MESSAGE,
            f"{today - timedelta(days=4):%d-%m-%Y}",
            "16:20",
            medium=MessageMedium.WHATSAPP,
            report_id=report.id,
            notes="Afspraak voor het tweede gesprek bevestigd.",
        )
        services.contacts.record(resident.id, message)
        services.contacts.record(
            resident.id,
            replace(
                earlier,
                date=f"{today:%d-%m-%Y}",
                time="09:30",
                duration="75",
                themes=EXAMPLE_THEMES,
            ),
        )
    window.open_dossier(resident.id)
    page.tabs.setCurrentWidget(page.conversations)
    _grab(window, out / "17-gesprekken.png")
    draft_id = services.drafts.save(
        None,
        resident.id,
        None,
        ContactInput(
            ContactKind.PHONE,
            f"{services.store.clock.today():%d-%m-%Y}",
            notes="Belde terug over de breiclub in Lemiers; wil dinsdag mee.",
        ),
    )
    _grab_dialog(draft_offer_box(window, services.drafts.get(draft_id)), out / "18-tekst-terug.png")
    if not example:
        services.drafts.discard(draft_id)


def _shoot_import(services: Services, window: MainWindow, out: Path) -> None:
    """The import review with the example file plus a row with mistakes."""
    from ui.imports.import_dialog import ImportDialog
    from ui.tasks import InlineTaskRunner
    from wijkteam.common.example_dates import as_of
    from wijkteam.resources import resource

    today = services.store.clock.today()
    example = as_of(resource("import", "voorbeeld_meldingen.csv").read_bytes(), today)
    known = services.residents.search("", limit=1) or services.residents.search("vaals", limit=1)
    day = f"{today:%d-%m-%Y}"
    extra = f"ZK-2026-000199;{day};999000018;Piet;;Fout;31-02-1950;;;;6291 SS;Vaals;;;;;;"
    if known and known[0].birth_date:
        born = known[0].birth_date.strftime("%d-%m-%Y")
        extra += f"\r\nZK-2026-000198;{day};;;;{known[0].surname};{born};;;;;;;;;;Vraag;"
    data = example + extra.encode("utf-8") + b"\r\n"
    preview = services.imports.preview_bytes(data, "meldingen-gemeente.csv")
    _grab_dialog(ImportDialog(services, preview, InlineTaskRunner(), window), out / "07-import.png")


def _sync_screens(services: Services, window: MainWindow, out: Path) -> None:
    """The Synchronisatie screens, with example settings (example.nl addresses)."""
    from ui.sync.export_dialog import ExportDialog
    from ui.sync.history_dialog import SyncHistoryDialog
    from ui.sync.settings_dialog import SyncSettingsDialog
    from ui.tasks import InlineTaskRunner

    def invalid_rsin(dialog: QDialog) -> None:
        assert isinstance(dialog, SyncSettingsDialog)
        dialog.edits["rsin"].setText("002220648")
        dialog.edits["zaken_url"].setText("http://zaken.example.nl/zaken/api/v1")
        dialog.save()
        dialog.scroll.verticalScrollBar().setValue(0)

    _grab_dialog(
        SyncSettingsDialog(services, window), out / "08-koppeling-fouten.png", invalid_rsin
    )
    if not services.export.settings.is_configured():
        services.export.settings.save(example_settings())

    def pick_rollen(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.table.selectRow(1)

    runner = InlineTaskRunner()
    _grab_dialog(
        ExportDialog(services, runner, window), out / "09-export-voorbeeld.png", pick_rollen
    )
    folder = Path(tempfile.mkdtemp(prefix="wijkteam-shots-export-"))
    services.export.exports.export(folder / "export.zip", "een wachtzin voor de foto")
    _grab_dialog(SyncHistoryDialog(services, window), out / "10-synchronisatie-geschiedenis.png")


def _social_map_shots(window: MainWindow, services: Services, out: Path) -> None:
    from ui.social_map.import_dialog import ImportPreviewDialog

    window.nav.setCurrentRow(2)
    page = window.social_map_page
    _grab(window, out / "20-sociale-kaart.png")
    model = page.map_tab.model
    stale = next(n for n in range(model.rowCount()) if model.row_at(n).stale)
    page.map_tab.table.selectRow(stale)
    _grab(window, out / "21-sociale-kaart-item.png")
    page.map_tab.filters.search.setText("taal")
    page.map_tab.filters.search_now()
    page.map_tab.panel.editor.phone.setText("12345")
    page.map_tab.panel.save()
    _grab(window, out / "22-sociale-kaart-zoeken-fout.png")
    page.map_tab.panel.discard_changes()
    bad_file = (
        "\ufeffnaam;soort;categorieën;plaats;telefoon\r\n"
        "Eetcafé De Tafel;initiatief;ontmoeting;Vaals;043 000 0190\r\n"
        "Zwemles;cursus;sport;Vijlen;\r\n"
        ";activiteit;taal;Vaals;12345\r\n"
    ).encode()
    preview = services.social_map_transfer.preview(bad_file)
    _grab_dialog(ImportPreviewDialog(preview, window), out / "23-sociale-kaart-importeren.png")
    page.tabs.setCurrentIndex(1)
    _grab(window, out / "24-gezocht-niet-gevonden.png")


def _security_screens(window: MainWindow, services, out: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.members_dialog import MembersDialog
    from ui.security.audit_dialog import AuditDialog
    from ui.security.retention_dialog import RetentionDialog
    from ui.security.session import install_security
    from ui.tasks import InlineTaskRunner

    session = install_security(window, services, InlineTaskRunner(), out)
    _grab_dialog(MembersDialog(services, window), out / "11-teamleden.png")
    _grab_dialog(AuditDialog(services, window), out / "12-auditlog.png")
    _grab_dialog(RetentionDialog(services, window), out / "13-bewaartermijnen.png")
    row = window.worklist_page.model.row_at(0)
    window.open_dossier(row.resident_id, row.report_id)
    session.guard.lock()
    _settle()
    _grab(window, out / "14-vergrendeld.png")
    assert session.guard.unlock_dialog is not None
    _grab(session.guard.unlock_dialog, out / "15-ontgrendelen.png")
    session.guard.unlock()
    session.guard.stop()


if __name__ == "__main__":
    raise SystemExit(main())
