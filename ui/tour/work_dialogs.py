"""The dialogs of the daily work, each made as the member meets it (some twice: as opened,
and after a mistake, when error texts take room)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QWidget

from ui.tour.context import Tour
from ui.tour.screens import rich_report, unplanned_report


@dataclass(frozen=True)
class DialogShot:
    name: str
    make: Callable[[Tour], QWidget]  # a dialog (or message box), not yet shown
    prepare: Callable[[QWidget], None] | None = None  # after it is shown: type, click


def new_report(tour: Tour) -> QDialog:
    from ui.dialogs.new_report_dialog import NewReportDialog

    return NewReportDialog(tour.services, parent=tour.window)


def new_report_mistakes(dialog: QWidget) -> None:
    from ui.dialogs.new_report_dialog import NewReportDialog

    assert isinstance(dialog, NewReportDialog)
    dialog.resident_form.surname.setText("Voorbeeld")
    dialog.resident_form.bsn.setText("123456789")
    dialog.resident_form.postcode.setText("6291 SS")
    dialog.question.setPlainText("Mijn buurvrouw komt de deur niet meer uit.")
    dialog.save()


def new_report_known(tour: Tour) -> QDialog:
    from ui.dialogs.new_report_dialog import NewReportDialog

    resident_id, _report = rich_report(tour.services)
    return NewReportDialog(tour.services, resident_id, tour.window)


def plan_visit(tour: Tour) -> QDialog:
    from ui.dialogs.plan_visit_dialog import PlanVisitDialog

    _resident, report_id = unplanned_report(tour.services)
    report = tour.services.reports.get(report_id)
    name = tour.services.reports.resident_of(report_id).display_name
    return PlanVisitDialog(tour.services, report, name, tour.window)


def close_report(tour: Tour) -> QDialog:
    from ui.dialogs.close_report_dialog import CloseReportDialog

    return CloseReportDialog(tour.window)


def team_settings(tour: Tour) -> QDialog:
    from ui.dialogs.settings_dialog import SettingsDialog

    return SettingsDialog(tour.services, tour.window)


def follow_up(tour: Tour) -> QDialog:
    from ui.formatting import short_date
    from ui.steps.follow_up_dialog import FollowUpDialog

    call = tour.services.follow_ups.due()[0]
    retry = short_date(tour.services.follow_ups.proposed_retry())
    next_call = short_date(tour.services.follow_ups.proposed_next_call())
    return FollowUpDialog(call, retry, _refuse, tour.window, proposed_next=next_call)


def follow_up_sometimes(dialog: QWidget) -> None:
    from ui.steps.follow_up_dialog import FollowUpDialog
    from wijkteam.domain.steps import Landing

    assert isinstance(dialog, FollowUpDialog)
    dialog.landing.setCurrentIndex(dialog.landing.findData(Landing.COMES_SOMETIMES))


def move_follow_up(tour: Tour) -> QDialog:
    from ui.steps.move_dialog import MoveFollowUpDialog

    call = tour.services.follow_ups.due()[0]
    return MoveFollowUpDialog(call.due_on, _refuse, tour.window)


def gap(tour: Tour) -> QDialog:
    from ui.steps.gap_dialog import GapDialog

    return GapDialog("zwemgroep voor ouderen in Vijlen", _refuse, tour.window)


def visit_summary(tour: Tour) -> QDialog:
    from ui.documents.summary_dialog import VisitSummaryDialog

    _resident, report_id = _report_with_summary(tour)
    draft = tour.services.documents.visit_summary_draft(report_id)
    return VisitSummaryDialog(tour.services, tour.runner, draft, tour.window.notify, tour.window)


def _report_with_summary(tour: Tour) -> tuple[int, int]:
    from wijkteam.errors import WijkteamError

    candidates = [rich_report(tour.services)]
    candidates += [(r.resident_id, r.report_id) for r in tour.services.follow_ups.due()]
    for resident_id, report_id in candidates:
        try:
            tour.services.documents.visit_summary_draft(report_id)
        except WijkteamError:
            continue
        return resident_id, report_id
    raise LookupError("no demo melding with a held visit")


def referral_request(tour: Tour) -> QDialog:
    from ui.referrals.dialogs import RequestDialog

    _resident, report_id = rich_report(tour.services)
    return RequestDialog([(report_id, "Melding")], tour.window)


def referral_consent(tour: Tour) -> QDialog:
    from ui.formatting import short_date
    from ui.referrals.dialogs import ConsentDialog
    from ui.referrals.referral_panel import DEFAULT_SCOPE

    today = short_date(tour.services.store.clock.today())
    return ConsentDialog(today, DEFAULT_SCOPE, tour.window)


def referral_plan(tour: Tour) -> QDialog:
    from ui.referrals.dialogs import PlanDialog

    return PlanDialog(tour.window)


def referral_complete(tour: Tour) -> QDialog:
    from ui.referrals.dialogs import CompleteDialog

    return CompleteDialog(tour.window)


def referral_return(tour: Tour) -> QDialog:
    from ui.referrals.dialogs import ReturnDialog

    return ReturnDialog(tour.window)


def referral_support(tour: Tour) -> QDialog:
    from ui.referrals.dialogs import SupportDialog

    return SupportDialog(tour.window)


def import_meldingen(tour: Tour) -> QDialog:
    from ui.imports.import_dialog import ImportDialog
    from wijkteam.resources import resource

    example = resource("import", "voorbeeld_meldingen.csv").read_bytes()
    wrong = "ZK-2026-000199;03-11-2026;999000018;Piet;;Fout;31-02-1950;;;;6291 SS;Vaals;;;;;;"
    data = example + wrong.encode("utf-8") + b"\r\n"
    preview = tour.services.imports.preview_bytes(data, "meldingen-gemeente.csv")
    return ImportDialog(tour.services, preview, tour.runner, tour.window)


def import_social_map(tour: Tour) -> QDialog:
    from ui.social_map.import_dialog import ImportPreviewDialog

    data = (
        "\ufeffnaam;soort;categorieën;plaats;telefoon\r\n"
        "Eetcafé De Tafel;initiatief;ontmoeting;Vaals;043 000 0190\r\n"
        "Zwemles;cursus;sport;Vijlen;\r\n"
        ";activiteit;taal;Vaals;12345\r\n"
    ).encode()
    preview = tour.services.social_map_transfer.preview(data)
    return ImportPreviewDialog(preview, tour.window)


def draft_offer(tour: Tour) -> QWidget:
    from ui.dossier.draft_recovery import draft_offer_box
    from wijkteam.domain.contacts import ContactKind
    from wijkteam.services.contact_records import ContactInput

    resident_id, _report = rich_report(tour.services)
    today = tour.services.store.clock.today()
    content = ContactInput(ContactKind.PHONE, f"{today:%d-%m-%Y}", notes="Belde terug.")
    draft_id = tour.services.drafts.save(None, resident_id, None, content)
    box = draft_offer_box(tour.window, tour.services.drafts.get(draft_id))
    tour.services.drafts.discard(draft_id)
    return box


def edit_report(tour: Tour) -> QDialog:
    from ui.dialogs.report_edit_dialog import ReportEditDialog

    report, name = _melding(tour, rich_report(tour.services)[1])
    return ReportEditDialog(tour.services, report, name, tour.window)


def hand_over(tour: Tour) -> QDialog:
    from ui.dialogs.handover_dialog import HandoverDialog

    report, name = _melding(tour, rich_report(tour.services)[1])
    return HandoverDialog(tour.services, report, name, tour.window)


def reopen(tour: Tour) -> QDialog:
    from ui.dialogs.handover_dialog import ReopenDialog
    from wijkteam.domain.status import ReportStatus
    from wijkteam.services.worklist import WorklistQuery

    closed = tour.services.worklist.rows(WorklistQuery(frozenset({ReportStatus.CLOSED})), limit=1)
    report_id = closed[0].report_id if closed else rich_report(tour.services)[1]
    report, name = _melding(tour, report_id)
    return ReopenDialog(tour.services, report, name, tour.window)


def _melding(tour: Tour, report_id: int):  # type: ignore[no-untyped-def]
    name = tour.services.reports.resident_of(report_id).display_name
    return tour.services.reports.get(report_id), name


def _refuse(*_args: object) -> object:
    raise RuntimeError("the tour never saves")


WORK_DIALOGS: tuple[DialogShot, ...] = (
    DialogShot("nieuwe-melding", new_report),
    DialogShot("nieuwe-melding-fouten", new_report, new_report_mistakes),
    DialogShot("nieuwe-melding-bekende-inwoner", new_report_known),
    DialogShot("huisbezoek-plannen", plan_visit),
    DialogShot("melding-afsluiten", close_report),
    DialogShot("melding-wijzigen", edit_report),
    DialogShot("melding-overdragen", hand_over),
    DialogShot("melding-heropenen", reopen),
    DialogShot("instellingen-team", team_settings),
    DialogShot("nabellen-vastleggen", follow_up),
    DialogShot("nabellen-komt-soms", follow_up, follow_up_sometimes),
    DialogShot("nabellen-verplaatsen", move_follow_up),
    DialogShot("gezocht-niet-gevonden", gap),
    DialogShot("bezoekverslag", visit_summary),
    DialogShot("doorverwijzing-aanvragen", referral_request),
    DialogShot("doorverwijzing-toestemming", referral_consent),
    DialogShot("doorverwijzing-gepland", referral_plan),
    DialogShot("doorverwijzing-afronden", referral_complete),
    DialogShot("doorverwijzing-teruggestuurd", referral_return),
    DialogShot("doorverwijzing-clientondersteuning", referral_support),
    DialogShot("meldingen-importeren", import_meldingen),
    DialogShot("sociale-kaart-importeren", import_social_map),
    DialogShot("tekst-terug", draft_offer),
)
