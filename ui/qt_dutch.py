"""Qt's own dialogs in Dutch: the file dialog, the print dialog, message box buttons.

PySide6 ships Qt's Dutch catalogue (qt_nl: qtbase_nl and friends), but it misses some
strings the file and print dialogs show, e.g. "Look in:" and "Files of type:". Those come
from the small table below, kept next to the catalogue, so no dialog shows English."""

from __future__ import annotations

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


def install_dutch(app: QCoreApplication) -> list[QTranslator]:
    """Dutch for Qt's own texts: the shipped catalogue, then the missing strings. Returns
    the translators (the application keeps them alive as their parent)."""
    QLocale.setDefault(DUTCH)
    installed: list[QTranslator] = []
    catalogue = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if catalogue.load(DUTCH, "qt", "_", folder):
        app.installTranslator(catalogue)
        installed.append(catalogue)
    missing = MissingDutch(app)
    app.installTranslator(missing)
    installed.append(missing)
    return installed


def translators(app: QObject) -> list[QTranslator]:
    """The translators `install_dutch` gave the application (their parent)."""
    return app.findChildren(QTranslator)
