"""The follow-up actions shared by Vandaag and the steps panel: record (and perhaps close
the melding) or move a call."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ui.dialogs.close_report_dialog import close_report
from ui.feedback import show_error
from ui.formatting import long_date, short_date
from ui.navigator import Navigator
from ui.steps.follow_up_dialog import FollowUpDialog
from ui.steps.move_dialog import MoveFollowUpDialog
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services


def record_follow_up(
    parent: QWidget, services: Services, navigator: Navigator, follow_up_id: int
) -> bool:
    try:
        follow_up = services.follow_ups.get(follow_up_id)
    except WijkteamError as error:
        show_error(parent, error)
        return False
    dialog = FollowUpDialog(
        follow_up,
        short_date(services.follow_ups.proposed_retry()),
        lambda outcome: services.follow_ups.record(follow_up_id, outcome),
        parent,
        proposed_next=short_date(services.follow_ups.proposed_next_call()),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_value is None:
        return False
    result = dialog.result_value
    if result.retry is not None:
        navigator.notify(f"Niet bereikt. Nieuwe poging op {long_date(result.retry.due_on)}.")
    elif result.next_call is not None:
        navigator.notify(
            f"Nabellen vastgelegd. Volgende keer bellen op {long_date(result.next_call.due_on)}."
        )
    elif result.new_step is not None:
        navigator.notify("Nabellen vastgelegd; de nieuwe vraag staat bij de afspraken.")
    else:
        navigator.notify("Nabellen vastgelegd.")
    if dialog.ready_to_close:
        _offer_close(parent, services, follow_up.report_id)
    navigator.data_changed()
    return True


def _offer_close(parent: QWidget, services: Services, report_id: int) -> None:
    close_report(parent, services, report_id)


def move_follow_up(
    parent: QWidget, services: Services, navigator: Navigator, follow_up_id: int
) -> bool:
    try:
        follow_up = services.follow_ups.get(follow_up_id)
    except WijkteamError as error:
        show_error(parent, error)
        return False
    dialog = MoveFollowUpDialog(
        follow_up.due_on, lambda text: services.follow_ups.move(follow_up_id, text), parent
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    navigator.notify("Nabellen verplaatst.")
    navigator.data_changed()
    return True
