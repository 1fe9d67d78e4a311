"""At start-up: conversation text that was never saved (a crash, a killed process, a closed
window) is offered back, newest first. Restoring opens the dossier with the editor filled;
throwing away asks about the next one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.dossier.contact_texts import kind_text
from ui.labels import NOTES_LABEL, THEME_LABEL
from wijkteam.domain.contacts import THEMES
from wijkteam.services.contact_records import DraftRecord
from wijkteam.wiring import Services

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PREVIEW_CHARACTERS = 1500


def offer_unsaved_drafts(window: MainWindow, services: Services) -> DraftRecord | None:
    """Asks about each draft until one is restored; returns the restored draft, if any."""
    for draft in services.drafts.pending():
        box = draft_offer_box(window, draft)
        box.exec()
        clicked = box.clickedButton()
        role = box.buttonRole(clicked) if clicked is not None else None
        if role == QMessageBox.ButtonRole.AcceptRole:
            window.open_dossier(draft.resident_id)
            window.dossier_page.open_conversation_draft(draft.id)
            window.notify("De tekst is teruggezet. Druk op Ctrl+S om hem op te slaan.")
            return draft
        if role == QMessageBox.ButtonRole.DestructiveRole:
            services.drafts.discard(draft.id)
            continue
        return None  # closed without choosing: the draft stays for next time
    return None


def draft_offer_box(parent: QWidget, draft: DraftRecord) -> QMessageBox:
    content = draft.content
    what = kind_text(content.kind, content.medium).lower()
    day = f" van {content.date}" if content.date else ""
    box = QMessageBox(parent)
    box.setObjectName("draftOffer")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Wijkteam")
    box.setText(
        "Er is tekst die nog niet was opgeslagen.\n\n"
        f"Het gaat om het {what}{day} met {draft.resident_name}. Wijkteam heeft de tekst "
        f"bewaard op {draft.saved_at:%d-%m-%Y} om {draft.saved_at:%H:%M}."
    )
    box.setInformativeText(
        "Kies Terugzetten om verder te schrijven en op te slaan. "
        "Weggooien kan niet ongedaan worden gemaakt."
    )
    box.setDetailedText(preview(draft))
    restore = box.addButton("&Terugzetten", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Weggooien", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    return box


def preview(draft: DraftRecord) -> str:
    """The draft's text under its theme titles, shortened: enough to recognise it."""
    content = draft.content
    parts = [
        f"{THEME_LABEL[theme]}:\n{content.themes[theme].strip()}"
        for theme in THEMES
        if content.themes.get(theme, "").strip()
    ]
    if content.notes.strip():
        parts.append(f"{NOTES_LABEL}:\n{content.notes.strip()}")
    text = "\n\n".join(parts) or "(nog geen tekst, alleen de gegevens van het contactmoment)"
    if len(text) > PREVIEW_CHARACTERS:
        text = text[:PREVIEW_CHARACTERS].rstrip() + " …"
    return text
