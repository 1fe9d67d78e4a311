"""What the summary dialog checks before a bezoekverslag goes out: can the resident reach
the team member with it, and is every text the member wrote in the chosen language?"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.documents.texts import theme_label
from ui.labels import LANGUAGE
from wijkteam.documents.language_check import in_another_language
from wijkteam.domain.documents import VisitSummary
from wijkteam.domain.enums import Language

# "in het Duits": LANGUAGE holds "Duits"; the sentence needs the lower case.
IN_LANGUAGE = {language: f"in het {LANGUAGE[language]}" for language in Language}


def reachable(summary: VisitSummary) -> bool:
    member, team = summary.member, summary.team
    return any((member.phone, member.email, team.phone, team.email))


class ReachPanel(QFrame):
    """Shown when neither the member nor the team has a phone number or e-mail address on
    the summary: fill them in now, or print without them on purpose."""

    changed = Signal()

    def __init__(self, fill_in: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reachPanel")
        self.text = QLabel()
        self.text.setObjectName("warning")
        self.text.setWordWrap(True)
        self.fill_button = QPushButton("Contactgegevens &invullen…")
        self.fill_button.clicked.connect(fill_in)
        self.without = QCheckBox("Toch &zonder telefoon of e-mail")
        self.without.toggled.connect(lambda _on: self.changed.emit())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fill_button)
        row.addWidget(self.without)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(row)

    def show_for(self, summary: VisitSummary, can_fill_in: bool) -> None:
        self.setVisible(not reachable(summary))
        name = summary.member.name
        self.text.setText(
            f"Op het verslag staat nog geen telefoonnummer of e-mailadres waarop de inwoner "
            f"{name} kan bereiken. Vul ze in, of kies bewust voor een verslag zonder."
        )
        self.fill_button.setVisible(can_fill_in)
        self.changed.emit()

    def resolved(self) -> bool:
        """The summary may go out: the resident can reach someone, or the member chose."""
        return self.isHidden() or self.without.isChecked()


def written_texts(summary: VisitSummary) -> list[tuple[str, str]]:
    """(label, text) of everything the member wrote for this summary."""
    texts = [(theme_label(theme.key), theme.text) for theme in summary.themes]
    texts.append(("Wat de inwoner besloot", summary.decision))
    texts.append(("Volgend contact", summary.next_contact.note))
    return [(label, text) for label, text in texts if text.strip()]


def confirm_language(parent: QWidget, summary: VisitSummary, action: str) -> bool:
    """Warns when a text the member wrote appears to be in another language than the
    summary's; True when the member goes on. `action`: "afdrukken" or "opslaan"."""
    found = in_another_language(written_texts(summary), summary.language)
    if not found:
        return True
    lines = "\n".join(f"• {label}: lijkt {IN_LANGUAGE[guess]}" for label, guess in found)
    box = QMessageBox(parent)
    box.setObjectName("languageWarning")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Andere taal?")
    box.setText(f"Het verslag is {IN_LANGUAGE[summary.language]}, maar:\n{lines}")
    box.setInformativeText(
        "Koppen en vaste zinnen komen in de taal van het verslag; wat u schreef komt er "
        "letterlijk in. Pas de tekst aan, of ga toch door."
    )
    back = box.addButton("&Terug naar het verslag", QMessageBox.ButtonRole.RejectRole)
    go_on = box.addButton(f"Toch &{action}", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is go_on
