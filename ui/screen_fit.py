"""Window sizes that fit the screen they open on.

The main window opened at 1280×800 and the import dialog at 980×780 on every screen: on a 1366×768 laptop the
window's bottom (the status bar, the pages' hints and buttons) lay below the screen, and at 150% scaling
(a 1280×720 screen is 853×480 in Qt's units) most dialogs were taller than the screen, their OK and Cancel
buttons out of reach. `resize_to_fit` gives a window the size it asks for, or less where the screen's
available area (less room for the window's frame) is smaller; never less than the window's own minimum."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

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
    """widget.resize(width, height), within the screen (see the module's docstring). A window whose least size is
    bigger than the screen lets its scrolling parts (`scrolling`) give up the difference: they scroll then."""
    room = available_geometry(widget)
    room_size = QSize(room.width() - FRAME_ALLOWANCE.width(), room.height() - FRAME_ALLOWANCE.height())
    if widget.layout() is not None:
        widget.layout().activate()
    minimum = widget.minimumSize().expandedTo(widget.minimumSizeHint())
    over = minimum - room_size
    areas = widget.findChildren(FittingScrollArea)
    if areas and (over.width() > 0 or over.height() > 0):
        needs = [area.widget().minimumSizeHint() for area in areas]
        cap_w = max(n.width() for n in needs) - max(0, over.width())
        cap_h = max(n.height() for n in needs) - max(0, over.height())
        for area in areas:
            area.set_cap(QSize(max(1, cap_w), max(1, cap_h)))
            inner: QWidget | None = area
            while inner is not None and inner is not widget:  # every layout on the way caches sizes: tell them
                inner.updateGeometry()
                inner = inner.parentWidget()
        widget.layout().invalidate()
        widget.layout().activate()
        minimum = widget.minimumSize().expandedTo(widget.minimumSizeHint())
    widget.resize(fitted_size(QSize(width, height), room, minimum))


class FittingScrollArea(QScrollArea):
    """A scroll area that asks for its widget's whole minimum size — on a screen with room for it nothing
    scrolls, the dialog is as it always was — unless resize_to_fit found the window bigger than the screen and
    set it a smaller one (`cap`; a QTabWidget reads its pages' minimumSizeHint, never their minimumSize): then
    its widget scrolls."""

    cap: QSize | None = None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # uncapped it has all the room its widget needs: no scroll bar (a word-wrapped label's height for the
        # width left beside a scroll bar showed one for a single pixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_cap(self, cap: QSize) -> None:
        self.cap = cap
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().minimumSizeHint()
        need = inner.minimumSizeHint().expandedTo(inner.minimumSize())
        return need if self.cap is None else need.boundedTo(self.cap)

    def sizeHint(self) -> QSize:
        # the widget's own size hint: a QScrollArea bounds its hint to 36x24 lines of text, which made a dialog
        # sized by its hint smaller than it was without the scroll area
        inner = self.widget()
        return super().sizeHint() if inner is None else inner.sizeHint().expandedTo(self.minimumSizeHint())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the widget's least size changed (styled when shown, a list filled): the layouts around hear of it, as
        # they would of a widget laid out without a scroll area
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless FittingScrollArea that gives it the whole width and height it has room for: the
    part of a dialog above its buttons, so that a dialog taller than a small or scaled screen keeps its buttons
    on the screen."""
    area = FittingScrollArea()
    area.setObjectName(f"{widget.objectName() or 'body'}Scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
