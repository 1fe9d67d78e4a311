"""Screenshots of every main screen (each tab) and every dialog with demo data, for looking
at the interface:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m ui.screenshots OUT_DIR
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m ui.screenshots OUT_DIR

The pictures go to OUT_DIR/<width>x<height>/ for the screen they were taken on. With a
window manager running (e.g. `openbox &`) the main window is taken with its frame, as the
member sees it. `--data-dir DIR` reuses (or makes) a demo store there. Screenshots are
never committed.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QWidget

from ui.app import application
from ui.tour.context import TOUR_PASSWORD, Tour, demo_store, start_tour
from ui.tour.dialogs import DIALOGS
from ui.tour.screens import SCREENS
from ui.tour.walk import settle, walk_tabs
from ui.window_size import show_fitted
from wijkteam.security.state import StoreState, store_state
from wijkteam.wiring.access import StoreAccess
from wijkteam.wiring.headless import DEMO_TEAM


def file_name(*parts: str) -> str:
    """'dossier › Gegevens' -> 'dossier-gegevens.png'."""
    words = re.sub(r"[^a-z0-9]+", "-", " ".join(parts).lower()).strip("-")
    return f"{words}.png"


def grab(widget: QWidget, path: Path) -> None:
    """The window as on screen, with its frame when a window manager drew one."""
    settle()
    picture = QPixmap()
    screen = widget.screen()
    frame = widget.frameGeometry()
    if screen is not None and QGuiApplication.platformName() == "xcb":
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    if picture.isNull():
        picture = widget.grab()
    picture.save(str(path))
    print(path)


def take_screens(tour: Tour, out: Path) -> None:
    for number, screen in enumerate(SCREENS, start=1):
        screen.show(tour)
        settle()
        walk_tabs(
            tour.window,
            lambda path, n=number, name=screen.name: grab(
                tour.window, out / file_name(f"{n:02d}", name, path)
            ),
        )


def take_dialogs(tour: Tour, out: Path) -> None:
    for number, shot in enumerate(DIALOGS, start=len(SCREENS) + 1):
        dialog = shot.make(tour)
        dialog.show()
        settle()
        if shot.prepare is not None:
            shot.prepare(dialog)
            settle()
        walk_tabs(
            dialog,
            lambda path, d=dialog, n=number, name=shot.name: grab(
                d, out / file_name(f"{n:02d}", name, path)
            ),
        )
        dialog.done(0) if hasattr(dialog, "done") else dialog.close()
        dialog.deleteLater()
        settle()


def _opened(data_dir: Path):  # type: ignore[no-untyped-def]
    if store_state(data_dir) is StoreState.NEW:
        return demo_store(data_dir)
    access = StoreAccess(data_dir)
    return access.sign_in(access.unlock(DEMO_TEAM[3], TOUR_PASSWORD))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    app = application()
    size = app.primaryScreen().size()
    out: Path = args.out / f"{size.width()}x{size.height()}"
    out.mkdir(parents=True, exist_ok=True)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="wijkteam-shots-")) / "data"
    opened = _opened(data_dir)
    tour = start_tour(opened, data_dir)
    show_fitted(tour.window)
    settle()
    take_screens(tour, out)
    take_dialogs(tour, out)
    tour.window.dossier_page.discard_changes()
    tour.window.social_map_page.discard_changes()
    tour.window.close()
    opened.services.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
