"""The recovery code, shown once after first start (or when a coordinator makes a new one),
with a print button. The code is printed straight to the printer: no file is written."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.fields import heading, muted


class RecoveryCodeDialog(QDialog):
    def __init__(
        self, code: str, team_name: str, parent: QWidget | None = None, *, replaced: bool = False
    ) -> None:
        super().__init__(parent)
        self._code, self._team = code, team_name
        self.setWindowTitle("Herstelcode")
        self.setMinimumWidth(560)
        self.code_label = QLabel(code)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        self.code_label.setFont(font)
        self.code_label.setObjectName("recoveryCode")
        self.print_button = QPushButton("&Afdrukken…")
        self.print_button.clicked.connect(self._print)
        self.kept = QCheckBox(
            "Ik heb de herstelcode afgedrukt of opgeschreven en bewaar hem veilig"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Verder")
        self.ok_button.setEnabled(False)
        self.kept.toggled.connect(self.ok_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Uw herstelcode", 1))
        layout.addWidget(
            muted(
                "Met deze code kan op deze laptop een nieuw wachtwoord worden ingesteld als "
                "het wachtwoord vergeten is. Hij wordt maar één keer getoond. Bewaar hem op "
                "papier, op een veilige plek en niet bij de laptop. Zonder wachtwoord en zonder "
                "deze code zijn de gegevens niet meer te lezen."
            )
        )
        if replaced:
            note = muted(
                "Dit is een nieuwe herstelcode: de vorige werkt niet meer. Vervang het oude "
                "papier door dit nieuwe."
            )
            note.setObjectName("replacedNote")
            layout.addWidget(note)
        layout.addWidget(self.code_label)
        layout.addWidget(self.print_button)
        layout.addWidget(self.kept)
        layout.addWidget(buttons)

    def reject(self) -> None:  # Esc must not skip the code
        if self.kept.isChecked():
            super().reject()

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(
            f"<h1>Herstelcode Wijkteam</h1><p>Team: {_escape(self._team)}</p>"
            f"<p style='font-size:20pt; font-family:monospace'>{self._code}</p>"
            "<p>Bewaar dit papier op een veilige plek, niet bij de laptop. Met deze code kan "
            "een nieuw wachtwoord worden ingesteld.</p>"
        )
        return document

    def _print(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
