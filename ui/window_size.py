"""The main window on the member's screen: all of it visible, title bar and status bar
included, on a 1280×800 laptop; larger screens are used, not wasted."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

# What a window manager's frame usually adds before the window is shown and the real frame
# is known (Windows 10/11 about 31 px, GNOME about 37 px, openbox about 22 px).
FRAME_ALLOWANCE = QSize(16, 40)
# Up to this size the window is maximised; above it, it opens large but not full.
SMALL_SCREEN = QSize(1440, 900)
LARGE_SHARE = 0.9


def fitted_geometry(available: QRect) -> QRect | None:
    """The client area for a screen with `available` room (task bars excluded); None means
    maximise."""
    if available.width() <= SMALL_SCREEN.width() or available.height() <= SMALL_SCREEN.height():
        return None
    size = QSize(int(available.width() * LARGE_SHARE), int(available.height() * LARGE_SHARE))
    size -= FRAME_ALLOWANCE
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def show_fitted(window: QWidget) -> None:
    """Shows the window so that all of it is on its screen."""
    screen = window.screen()
    geometry = fitted_geometry(screen.availableGeometry()) if screen is not None else None
    if geometry is None:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        window.show()
        return
    window.setGeometry(geometry)
    window.show()


def fits(window: QWidget, available: QRect) -> bool:
    """Whether the window with its frame lies on the screen."""
    return available.contains(window.frameGeometry())
