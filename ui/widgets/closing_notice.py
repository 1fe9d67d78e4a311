"""What the member sees when they close Wijkteam while work runs in the background (an
export, a back-up, a PDF): the window waits for it, so the store never closes under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.tasks import TaskRunner

TEXT = (
    "Wijkteam is nog bezig… Het venster sluit vanzelf zodra het werk klaar is; zo gaat er "
    "niets verloren."
)


class ClosingNotice(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setObjectName("closingNotice")
        self.setWindowTitle("Wijkteam sluit af")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.label = QLabel(TEXT)
        self.label.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy, without a promise of how long
        self.stop_button = QPushButton("&Stoppen waar het kan")
        self.stop_button.setToolTip(
            "Een export of synchronisatie stopt op een veilig punt; er blijft niets half staan."
        )
        self.stop_button.clicked.connect(self._stop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(bar)
        layout.addWidget(self.stop_button)
        self.setMinimumWidth(420)

    def _stop(self) -> None:
        self._runner.cancel_all()
        self.stop_button.setEnabled(False)
        self.label.setText("Wijkteam stopt het werk op een veilig punt en sluit dan af…")

    def reject(self) -> None:
        pass  # Esc does not hide it: the window is closing anyway
