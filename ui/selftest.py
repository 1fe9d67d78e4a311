"""`wijkteam --self-test`: the headless checks of wijkteam/selftest.py, then Qt started on the
offscreen platform with the main window over the self-test's store. Prints one Dutch line
per check and exits 0, or 1 naming what is missing (a file of resources/, a Qt platform
plugin or the system library it needs, fonts for the screen).

Qt is imported only in the last check, so a broken Qt still gets the other lines and a clear
message instead of a crash. The platform plugin the app will use on this machine (from
QT_QPA_PLATFORM, else the system's default) is loaded with ctypes first: a missing system
library then has a name (e.g. libxcb-cursor.so.0) instead of Qt's abort."""

from __future__ import annotations

import ctypes
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from wijkteam import __version__
from wijkteam.selftest import HeadlessSelfTest, SelfTestProblem

REPORT_FILE = "wijkteam-zelftest.txt"  # where the report goes when there is no console

LABELS = {
    "resources": "Hulpbestanden (lettertypen, teksten, schema's)",
    "store": "Versleutelde opslag maken en bijwerken",
    "record": "Gegevens schrijven, opnieuw aanmelden en teruglezen",
    "pdf": "PDF maken met ingesloten lettertype",
    "export": "Export voor de gemeente (ZGW, versleutelde ZIP)",
    "libraries": "Rekenregels (feestdagen, telefoonnummers, BSN, ZGW-schema's)",
    "qt": "Qt-programma starten (offscreen)",
}
DONE = {
    "resources": "in {folder}",
    "store": "schema {revision}",
    "record": "alles teruggelezen",
    "pdf": "{size} bytes",
    "export": "{count} ZGW-objecten",
    "libraries": "in orde",
    "qt": "platform {platform} laadt; Nederlandse teksten; hoofdvenster getoond",
}
PROBLEMS = {
    "resources_missing": "ontbreekt: {missing} (gezocht in {folder}). Installeer Wijkteam opnieuw.",
    "font_missing": "lettertype ontbreekt: {missing} (gezocht in {folder}). Installeer "
    "Wijkteam opnieuw.",
    "store_failed": "de versleutelde opslag kon niet worden gemaakt ({error}).",
    "record_failed": "schrijven of teruglezen mislukt ({error}).",
    "record_mismatch": "wat teruggelezen werd, is niet wat geschreven was.",
    "pdf_failed": "de PDF kon niet worden gemaakt ({error}).",
    "font_not_embedded": "het lettertype zit niet in de PDF.",
    "export_failed": "de export kon niet worden gemaakt ({error}).",
    "library_failed": "een onderdeel van het programma ontbreekt ({error}). Installeer "
    "Wijkteam opnieuw.",
    "qt_missing": "Qt (PySide6) kan niet worden geladen ({error}).",
    "qt_platform_missing": "de Qt-platformbibliotheek '{platform}' ontbreekt (gezocht in "
    "{folder}).",
    "qt_platform_library": "de Qt-platformbibliotheek '{platform}' kan niet laden: "
    "systeembibliotheek {library} ontbreekt of is onbruikbaar{package}. ({error})",
    "qt_no_screen_fonts": "Qt vindt geen lettertypen voor het scherm{package}.",
    "qt_failed": "Qt kon niet starten ({error}).",
    "qt_no_dutch": "Qt's Nederlandse teksten (qtbase_nl.qm) ontbreken (gezocht in {folder}).",
}
SKIPPED = "overgeslagen: de opslag ontbreekt."
# Debian/Ubuntu packages of the libraries Qt's xcb plugin loads (README: "fresh machine").
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
_LIBRARY = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")


def run_self_test(report_to: str | None = None) -> int:
    out, close = _output(report_to)
    try:
        print(f"Zelftest van Wijkteam {__version__}", file=out)
        with HeadlessSelfTest() as test:
            results = [
                _run("resources", test.check_resources, out),
                _run("store", test.check_store, out),
                _run("record", test.check_record, out, needs=lambda: test.opened is not None),
                _run("pdf", test.check_pdf, out),
                _run("export", test.check_export, out, needs=lambda: test.opened is not None),
                _run("libraries", test.check_libraries, out),
                _run("qt", lambda: check_qt(test), out),
            ]
        failed = results.count(False)
        if failed:
            print(f"Zelftest mislukt: {failed} van de {len(results)} controles.", file=out)
            return 1
        print("Zelftest geslaagd.", file=out)
        return 0
    finally:
        close()


def _run(
    key: str,
    check: Callable[[], dict[str, Any]],
    out: TextIO,
    needs: Callable[[], bool] | None = None,
) -> bool:
    label = LABELS[key]
    if needs is not None and not needs():
        print(f"FOUT  {label}: {SKIPPED}", file=out)
        return False
    try:
        facts = check()
    except SelfTestProblem as problem:
        print(f"FOUT  {label}: {describe_problem(problem)}", file=out)
        return False
    print(f"OK    {label}: {DONE[key].format(**facts)}", file=out)
    return True


def describe_problem(problem: SelfTestProblem) -> str:
    params = dict(problem.params)
    code = problem.code
    if code == "resources_missing" and str(params.get("missing", "")).startswith("fonts/"):
        code = "font_missing"
    if "package" in PROBLEMS[code] and "package" not in params:
        params["package"] = ""
    return PROBLEMS[code].format(**params)


def _output(report_to: str | None) -> tuple[TextIO, Callable[[], None]]:
    """stdout, or a file when asked (or when a windowed program has no console)."""
    if report_to is None and sys.stdout is not None:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="replace")
        return sys.stdout, sys.stdout.flush
    path = Path(report_to) if report_to else Path(tempfile.gettempdir()) / REPORT_FILE
    handle = path.open("w", encoding="utf-8")
    return handle, handle.close


# --- Qt ---------------------------------------------------------------------------------
def check_qt(test: HeadlessSelfTest) -> dict[str, Any]:
    try:
        from PySide6.QtCore import QLibraryInfo
    except Exception as error:  # an ImportError, or a DLL that does not load
        raise SelfTestProblem("qt_missing", error=f"{type(error).__name__}: {error}") from error
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    target = target_platform()
    preflight_platform(target, plugins)
    if target != "offscreen":
        preflight_platform("offscreen", plugins)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        _show_main_window(test)
    except SelfTestProblem:
        raise
    except Exception as error:
        raise SelfTestProblem("qt_failed", error=f"{type(error).__name__}: {error}") from error
    return {"platform": target}


def target_platform() -> str:
    """The platform plugin Qt will pick on this machine for the real window."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def plugin_file_names(platform: str) -> tuple[str, ...]:
    if sys.platform.startswith("win"):
        return (f"q{platform}.dll",)
    if sys.platform == "darwin":
        return (f"libq{platform}.dylib",)
    return (f"libq{platform}.so",)


def preflight_platform(platform: str, plugins: Path) -> None:
    """Load the platform plugin's shared library as Qt would; name what is missing."""
    extra = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep)]
    folders = [f for f in extra if str(f) not in ("", ".")] + [plugins]
    candidates = [folder / name for folder in folders for name in plugin_file_names(platform)]
    found = [path for path in candidates if path.exists()]
    if not found:
        raise SelfTestProblem("qt_platform_missing", platform=platform, folder=str(plugins))
    try:
        ctypes.CDLL(str(found[0]))
    except OSError as error:
        message = str(error)
        names = [n for n in _LIBRARY.findall(message) if not n.startswith(f"libq{platform}")]
        library = Path(names[0]).name if names else message
        package = DEBIAN_PACKAGES.get(library)
        raise SelfTestProblem(
            "qt_platform_library",
            platform=platform,
            library=library,
            package=f" (Debian/Ubuntu: sudo apt-get install {package})" if package else "",
            error=message,
        ) from error


def _translation_folders() -> str:
    from ui.app import qt_translation_folders

    return ", ".join(qt_translation_folders())


def _show_main_window(test: HeadlessSelfTest) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QLabel

    from ui.app import application

    app = application()
    if QCoreApplication.translate("QPlatformTheme", "Cancel") != "Annuleren":
        raise SelfTestProblem("qt_no_dutch", folder=_translation_folders())
    if not QFontDatabase.families():
        raise SelfTestProblem(
            "qt_no_screen_fonts",
            package=" (Debian/Ubuntu: sudo apt-get install fonts-dejavu-core)"
            if sys.platform.startswith("linux")
            else "",
        )
    if test.opened is not None:
        from ui.main_window import MainWindow
        from ui.tasks import InlineTaskRunner

        window: Any = MainWindow(test.opened.services, InlineTaskRunner())
    else:
        window = QLabel("Wijkteam")
    window.show()
    app.processEvents()
    window.close()
    window.deleteLater()
    app.processEvents()
