"""A team code shown once: the team recovery code (print it or write it down; the dialog
does not close before the member says so) and an invite code (to give to one member). The
code goes straight to the printer: no file is written, nothing is copied or logged."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

GROUPS_PER_LINE = 5


def code_lines(code: str) -> str:
    """A long code in lines of five groups, as it is read from paper."""
    groups = code.split("-")
    lines = [
        "-".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class TeamCodeDialog(QDialog):
    def __init__(
        self,
        code: str,
        *,
        title: str,
        explanation: str,
        paper_text: str,
        confirm: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._code, self._title, self._paper = code, title, paper_text
        self.setWindowTitle(title)
        self.setMinimumWidth(640)
        self.code_label = QLabel(code_lines(code))
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(15)
        self.code_label.setFont(font)
        self.code_label.setObjectName("teamCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton("&Afdrukken…")
        self.print_button.clicked.connect(self._print)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Klaar")
        buttons.accepted.connect(self.accept)
        self.kept: QCheckBox | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 1))
        layout.addWidget(muted(explanation))
        layout.addWidget(self.code_label)
        layout.addWidget(self.print_button)
        if confirm is not None:
            self.kept = QCheckBox(confirm)
            self.kept.setObjectName("codeKept")
            self.ok_button.setEnabled(False)
            self.kept.toggled.connect(self.ok_button.setEnabled)
            layout.addWidget(self.kept)
        layout.addWidget(buttons)

    def reject(self) -> None:  # Esc must not skip a code that is shown only once
        if self.kept is None or self.kept.isChecked():
            super().reject()

    def document(self) -> QTextDocument:
        document = QTextDocument()
        lines = "<br>".join(code_lines(self._code).splitlines())
        document.setHtml(
            f"<h1>{_escape(self._title)}</h1>"
            f"<p style='font-size:18pt; font-family:monospace'>{lines}</p>"
            f"<p>{_escape(self._paper)}</p>"
        )
        return document

    def _print(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)


def team_recovery_code_dialog(code: str, parent: QWidget | None) -> TeamCodeDialog:
    return TeamCodeDialog(
        code,
        title="Herstelcode van het team",
        explanation=(
            "Met deze code haalt het team zijn gegevens terug van de teamserver als alle "
            "laptops kwijt zijn. Hij wordt maar één keer getoond. Druk hem af of schrijf hem "
            "op, en bewaar het papier op een veilige plek, niet bij een laptop. Dit is een "
            "andere code dan de herstelcode van deze laptop."
        ),
        paper_text=(
            "Bewaar dit papier op een veilige plek, niet bij een laptop. Met deze code haalt "
            "het team zijn gegevens terug van de teamserver."
        ),
        confirm="Ik heb de herstelcode van het team afgedrukt of opgeschreven",
        parent=parent,
    )


def invite_code_dialog(code: str, member_name: str, parent: QWidget | None) -> TeamCodeDialog:
    return TeamCodeDialog(
        code,
        title="Uitnodiging voor het team",
        explanation=(
            f"Geef deze code aan {member_name}. Op de nieuwe laptop kiest die bij de eerste "
            "start van Wijkteam “Aansluiten bij een team” en vult het adres van de teamserver "
            "en deze code in. De code werkt één keer, alleen voor dit teamlid, en vervalt na "
            "drie dagen. Geef hem persoonlijk of op papier, niet per e-mail."
        ),
        paper_text="Eenmalige uitnodiging voor Wijkteam. Na gebruik of na drie dagen vervalt hij.",
        confirm=None,
        parent=parent,
    )
