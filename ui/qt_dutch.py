"""Qt's own dialogs in Dutch: the file dialog, the print dialog, message box buttons.

PySide6 ships Qt's Dutch catalogue (qtbase_nl), but it misses some
strings the file and print dialogs show, e.g. "Look in:" and "Files of type:". Those come
from the small table below, kept next to the catalogue, so no dialog shows English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)

# (context, source, disambiguation) -> Dutch. Mnemonics as in Qt's own Dutch texts.
MISSING: dict[tuple[str, str, str | None], str] = {
    ("QFileDialog", "&Look in:", None): "Zoeken &in:",
    ("QFileDialog", "Files of &type:", None): "Bestands&type:",
    ("QAbstractFileIconProvider", "Drive", None): "Station",
    ("QAbstractFileIconProvider", "Folder", "All other platforms"): "Map",
    ("QPrintSettingsOutput", "Page &Set:", None): "&Pagina's:",
    ("QPrintSettingsOutput", "Double Sided Printing", None): "Dubbelzijdig afdrukken",
    ("QPrintSettingsOutput", "Off", None): "Uit",
    ("QPrintSettingsOutput", "Long side binding", None): "Binden langs de lange zijde",
    ("QPrintSettingsOutput", "Short side binding", None): "Binden langs de korte zijde",
    ("QPageSetupWidget", "Page &order:", None): "Pagina&volgorde:",
    ("QPageSetupWidget", "Pages &per sheet:", None): "Pagina's &per vel:",
    ("QCupsJobWidget", "Scheduled &printing:", None): "Gepland af&drukken:",
    ("QCupsJobWidget", "&Billing information:", None): "&Factuurgegevens:",
    ("QCupsJobWidget", "Job &priority:", None): "&Prioriteit van de taak:",
    ("QCupsJobWidget", "&Start:", "Banner page at start"): "&Begin:",
    ("QCupsJobWidget", "&End:", "Banner page at end"): "&Einde:",
    ("QShortcut", "Control", None): "Control",
    ("QShortcut", "Keyboard", None): "Toetsenbord",
}


class MissingDutch(QTranslator):
    """Answers only for the strings Qt's Dutch catalogue lacks; None lets Qt ask on."""

    def translate(  # type: ignore[override]
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        return MISSING.get((context, source, disambiguation or None))

    def isEmpty(self) -> bool:
        return False


def qt_translation_folders() -> list[str]:
    """Where Qt's own Dutch texts (Annuleren, Ja, ...) are. The app loads qtbase_nl.qm (the
    widgets, dialogs and printing), not the qt_nl.qm catalog: that one also demands the
    translations of Qt modules the app does not use, which a PyInstaller bundle leaves out,
    and then loads nothing. PySide6's own folder is the fallback if QLibraryInfo points
    elsewhere."""
    import PySide6

    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]
    return list(dict.fromkeys(folders))


def install_dutch(app: QCoreApplication) -> list[QTranslator]:
    """Dutch for Qt's own texts: the shipped catalogue, then the missing strings. Returns
    the translators (the application keeps them alive as their parent)."""
    QLocale.setDefault(DUTCH)
    installed: list[QTranslator] = []
    catalogue = QTranslator(app)
    if any(catalogue.load(DUTCH, "qtbase", "_", f) for f in qt_translation_folders()):
        app.installTranslator(catalogue)
        installed.append(catalogue)
    missing = MissingDutch(app)
    app.installTranslator(missing)
    installed.append(missing)
    return installed


def translators(app: QObject) -> list[QTranslator]:
    """The translators `install_dutch` gave the application (their parent)."""
    return app.findChildren(QTranslator)
