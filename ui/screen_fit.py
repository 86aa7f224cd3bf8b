"""Window sizes that fit the screen they open on.

The main window opened at 1280×800 and the import dialog at 980×780 on every screen: on a 1366×768 laptop the
window's bottom (the status bar, the pages' hints and buttons) lay below the screen, and at 150% scaling
(a 1280×720 screen is 853×480 in Qt's units) most dialogs were taller than the screen, their OK and Cancel
buttons out of reach. `resize_to_fit` gives a window the size it asks for, or less where the screen's
available area (less room for the window's frame) is smaller; never less than the window's own minimum."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# room for a window manager's frame: the title bar above, a border on each side
FRAME_ALLOWANCE = QSize(16, 48)


def fitted_size(wanted: QSize, available: QRect, minimum: QSize) -> QSize:
    """`wanted`, shrunk to `available` less FRAME_ALLOWANCE, but not under `minimum`."""
    room_w = max(1, available.width() - FRAME_ALLOWANCE.width())
    room_h = max(1, available.height() - FRAME_ALLOWANCE.height())
    return QSize(
        max(minimum.width(), min(wanted.width(), room_w)),
        max(minimum.height(), min(wanted.height(), room_h)),
    )


def available_geometry(widget: QWidget) -> QRect:
    """The available area of the screen the widget opens on: its parent's screen, else the primary one."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1 << 15, 1 << 15)


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """widget.resize(width, height), within the screen (see the module's docstring)."""
    minimum = widget.minimumSize().expandedTo(widget.minimumSizeHint())
    widget.resize(fitted_size(QSize(width, height), available_geometry(widget), minimum))
