"""Opening the store at start-up, with a clear Dutch dialog when it cannot be used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ui.messages import error_text
from wijkteam.clock import Clock
from wijkteam.errors import StoreError
from wijkteam.services import Services
from wijkteam.store import open_store, store_path


def open_services_or_explain(data_dir: Path, clock: Clock | None = None) -> Services | None:
    """The services over the store in `data_dir`, or None after telling the member why not.
    The store file is left untouched when it cannot be opened."""
    try:
        store = open_store(store_path(data_dir), clock=clock)
    except StoreError as error:
        box = QMessageBox(QMessageBox.Icon.Critical, "Wijkteam kan niet starten", error_text(error))
        box.setInformativeText(f"Map met gegevens: {data_dir}")
        box.setObjectName("startupError")
        box.exec()
        return None
    return Services.create(store)
