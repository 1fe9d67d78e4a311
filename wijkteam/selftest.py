"""The headless half of `wijkteam --self-test`: can this installation do its work?

Each check does the real thing in a temporary folder that is removed afterwards: a new
encrypted store made the way a first start makes it (key file, SQLCipher, migrations), a
melding with a new resident written, the store closed and opened again with the password and
read back, a visit summary rendered with the embedded font. A check raises SelfTestProblem
(a code and its parameters; ui/selftest.py says it in Dutch). No personal data is involved:
the resident is invented and the folder is deleted.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijkteam.errors import WijkteamError
from wijkteam.resources import missing_resources, resources_dir

if TYPE_CHECKING:
    from wijkteam.wiring.setup import Opened

INITIALS = "ZT"
RESIDENT_SURNAME = "Zelftest-Çelik"  # non-ASCII on purpose: the round trip must keep it
FONT_NAME = b"DejaVuSans"


class SelfTestProblem(WijkteamError):
    """A check failed. Codes: resources_missing (missing, folder), store_failed (error),
    record_mismatch, record_failed (error), pdf_failed (error), font_not_embedded,
    library_failed (error), export_failed (error)."""


def _describe(error: BaseException) -> str:
    """An exception as a short technical name for the report (no data: the store is the
    self-test's own, its only resident invented)."""
    code = getattr(error, "code", None)
    return f"{type(error).__name__}: {code or error}"


class HeadlessSelfTest:
    """The checks in order; `opened` is the self-test's signed-in store once it exists (the
    Qt check shows the main window over it). Use as a context manager: leaving it closes the
    store and deletes the folder."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="wijkteam-zelftest-"))
        self.opened: Opened | None = None
        self._password = secrets.token_urlsafe(18)
        self._report_id: int | None = None

    def __enter__(self) -> HeadlessSelfTest:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._close_store()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _close_store(self) -> None:
        if self.opened is not None:
            self.opened.services.store.close()
            self.opened = None

    # --- the checks --------------------------------------------------------------------
    def check_resources(self) -> dict[str, Any]:
        missing = missing_resources()
        if missing:
            raise SelfTestProblem(
                "resources_missing", missing=", ".join(missing), folder=str(resources_dir())
            )
        return {"folder": str(resources_dir())}

    def check_store(self) -> dict[str, Any]:
        """A new encrypted store, as a first start makes it, migrated to the newest schema."""
        from wijkteam.security.kdf import KdfParams
        from wijkteam.store import store_path
        from wijkteam.store.cipher import is_plain_sqlite
        from wijkteam.store.revisions import head_revision
        from wijkteam.wiring.setup import TeamSetup, first_start

        setup = TeamSetup(
            "Zelftest", "Zelftest", "Zelftest Lid", INITIALS, self._password, self._password
        )
        try:
            # scrypt with a light cost: the real one is the same code, only slower.
            self.opened = first_start(self.folder, setup, kdf=KdfParams(n=2**10, r=8, p=1))
            with self.opened.services.store.engine.connect() as connection:
                revision = connection.exec_driver_sql(
                    "SELECT version_num FROM alembic_version"
                ).scalar()
        except Exception as error:
            raise SelfTestProblem("store_failed", error=_describe(error)) from error
        if is_plain_sqlite(store_path(self.folder)) or revision != head_revision():
            raise SelfTestProblem("store_failed", error=f"schema {revision}")
        return {"revision": revision}

    def check_record(self) -> dict[str, Any]:
        """Write a melding with a new resident, close, sign in again, read it back."""
        from wijkteam.domain.enums import ReportSource
        from wijkteam.services.inputs import ReportInput, ResidentInput
        from wijkteam.wiring.setup import open_unlocked, unlock

        if self.opened is None:
            raise SelfTestProblem("record_failed", error="geen opslag")
        try:
            written = self.opened.services.reports.register(
                ReportInput("Zelftest van de installatie", ReportSource.OTHER, _today()),
                resident=ResidentInput(
                    RESIDENT_SURNAME, first_names="Zoë", birth_date="01-02-1950", place="Vaals"
                ),
            )
            self._close_store()
            ring, unlocked = unlock(self.folder, INITIALS, self._password)
            self.opened = open_unlocked(self.folder, ring, unlocked)
            services = self.opened.services
            read = services.reports.get(written.id)
            resident = services.residents.get(read.resident_id)
            found = [r.id for r in services.residents.search("Zelftest-Ç")]
        except SelfTestProblem:
            raise
        except Exception as error:
            raise SelfTestProblem("record_failed", error=_describe(error)) from error
        if resident.surname != RESIDENT_SURNAME or resident.id not in found:
            raise SelfTestProblem("record_mismatch")
        self._report_id = read.id
        return {}

    def check_pdf(self) -> dict[str, Any]:
        """A visit summary rendered with the embedded DejaVu font (reportlab, no Qt)."""
        try:
            pdf = _render_summary()
        except Exception as error:
            raise SelfTestProblem("pdf_failed", error=_describe(error)) from error
        if not pdf.startswith(b"%PDF-"):
            raise SelfTestProblem("pdf_failed", error="geen PDF")
        if FONT_NAME not in pdf:
            raise SelfTestProblem("font_not_embedded")
        return {"size": len(pdf)}

    def check_export(self) -> dict[str, Any]:
        """The melding exported for the municipality: ZGW mapping checked against the
        official schemas, written to an AES-encrypted ZIP (with the example settings)."""
        if self.opened is None:
            raise SelfTestProblem("export_failed", error="geen opslag")
        try:
            from wijkteam.demo.zgw_example import example_settings

            export = self.opened.services.export
            export.settings.save(example_settings())
            target = self.folder / "export.zip"
            result = export.exports.export(target, self._password, include_all=True)
        except Exception as error:
            raise SelfTestProblem("export_failed", error=_describe(error)) from error
        if not target.is_file() or not target.read_bytes().startswith(b"PK"):
            raise SelfTestProblem("export_failed", error="geen ZIP")
        return {"count": sum(result.counts.values())}

    def check_libraries(self) -> dict[str, Any]:
        """What the rules read from data files at run time, which a bundle can lack: the
        Dutch public holidays (working-day deadlines), phone numbers, BSN, ZGW schemas."""
        try:  # the imports too: a bundle may lack a module or its data
            from wijkteam.domain.working_days import add_working_days
            from wijkteam.sync.zgw.resources import ResourceKind
            from wijkteam.sync.zgw.schemas import problems
            from wijkteam.validation.rules import format_phone, normalise_bsn, normalise_phone

            after_christmas = add_working_days(date(2026, 12, 24), 1)
            phone = format_phone(normalise_phone("06 12345678"), abroad=True)
            bsn = normalise_bsn("999990019")
            refused = problems(ResourceKind.ZAAK, {})
        except Exception as error:
            raise SelfTestProblem("library_failed", error=_describe(error)) from error
        if after_christmas != date(2026, 12, 28) or not phone.startswith("+31 6") or not refused:
            raise SelfTestProblem("library_failed", error=f"{after_christmas} {phone} {bsn}")
        return {}


def _today() -> str:
    return f"{date.today():%d-%m-%Y}"


def _render_summary() -> bytes:
    from wijkteam.documents.visit_summary import build_visit_summary
    from wijkteam.domain.documents import MemberContact, TeamInfo, ThemeText, VisitSummary
    from wijkteam.domain.enums import Language

    summary = VisitSummary(
        team=TeamInfo("Zelftest"),
        member=MemberContact("Zelftest Lid"),
        visit_date=date.today(),
        language=Language.GERMAN,
        themes=(ThemeText("who", "Größe, Café, € — één test."),),
        resident_name=f"Zoë {RESIDENT_SURNAME}",
        decision="Alles in Ordnung.",
    )
    return build_visit_summary(summary)
