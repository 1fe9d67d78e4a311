"""Making a document: build the PDF off the UI thread, print or save it, and record it in
the dossier once it went out (kind, language, SHA-256; the bytes stay in the store).

The caller hands in `prepare`, run on the UI thread once the member has chosen (and, when
saving, named the file): it gathers the content through the services and returns the pure
function that builds the PDF in the background."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.documents.pdf_output import Outcome, PdfOutput
from ui.feedback import show_error
from ui.tasks import TaskRunner
from wijkteam.domain.documents import DocumentKind
from wijkteam.domain.enums import Language
from wijkteam.errors import WijkteamError
from wijkteam.security.context import AuditAction
from wijkteam.wiring import Services

log = logging.getLogger(__name__)

# Called on the UI thread; returns the pure builder that runs in the background.
Prepare = Callable[[], Callable[[], bytes]]


@dataclass(frozen=True, slots=True)
class Filing:
    """Where a made document is recorded, and under which name it is offered (no personal
    data in that name: the member may type one)."""

    resident_id: int
    kind: DocumentKind
    language: Language
    file_name: str
    report_id: int | None = None
    member_id: int | None = None


class DocumentMaker:
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget) -> None:
        self._services = services
        self._parent = parent
        self.runner = runner
        self.output = PdfOutput(parent)

    def print(self, prepare: Prepare, filing: Filing, then: Callable[[Outcome], None]) -> None:
        """Builds, then the print dialog (or the PDF viewer); `then` hears how it went."""
        self._build(prepare, filing, lambda pdf: self.output.print(pdf, filing.file_name), then)

    def save(
        self, prepare: Prepare, filing: Filing, title: str, then: Callable[[Outcome], None]
    ) -> None:
        """Asks for the file first, then builds and writes it."""
        path = self.output.ask_path(title, filing.file_name)
        if path is None:
            then(Outcome.CANCELLED)
            return
        target: Path = path
        self._build(prepare, filing, lambda pdf: self.output.write(pdf, target), then)

    def _build(
        self,
        prepare: Prepare,
        filing: Filing,
        send: Callable[[bytes], Outcome],
        then: Callable[[Outcome], None],
    ) -> None:
        try:
            build = prepare()
        except WijkteamError as error:
            show_error(self._parent, error)
            then(Outcome.FAILED)
            return

        def done(pdf: bytes) -> None:
            outcome = send(pdf)
            if outcome.went_out and not self._record(pdf, filing, outcome.audit_action):
                outcome = Outcome.FAILED
            then(outcome)

        def failed(error: BaseException) -> None:
            if isinstance(error, WijkteamError):
                show_error(self._parent, error)
            else:
                # The type only: a message could quote what the resident's document says.
                log.error("Building a document failed: %s", type(error).__name__)
                QMessageBox.warning(
                    self._parent, "Wijkteam", "Het verslag kon niet worden gemaakt."
                )
            then(Outcome.FAILED)

        self.runner.submit(build, done, failed)

    def _record(self, pdf: bytes, filing: Filing, shared_as: AuditAction) -> bool:
        try:
            self._services.documents.record(
                filing.resident_id,
                filing.kind,
                filing.language,
                pdf,
                report_id=filing.report_id,
                member_id=filing.member_id,
                shared_as=shared_as,
            )
        except WijkteamError as error:
            show_error(self._parent, error)
            return False
        return True
