"""The mouse wheel scrolls; it does not choose.

Qt's combo boxes, spin boxes and date edits take a wheel turn as a change of value whether or not they have the
keyboard focus. In a list with a choice in each row — the paste preview's "check in as" column, the attendance
paste's decisions, an import's column mapping — an organiser scrolling down the list turned each combo the
pointer crossed: "Choose who this is…" became the first fuzzy candidate, and a confirm logged that person
(seen on the check-ins page under Xvfb, 5 December). A date edit turned by a passing wheel moves the day the
next check-ins are logged for.

`install(app)` filters the whole application: a wheel event on a combo box or spin box (QDateEdit included)
that does not have the keyboard focus changes nothing and scrolls the list or page it sits in instead; once the
user has clicked into the field (or tabbed to it), the wheel steps its value as usual. ui/app.prepare_app
installs it for the window; the window's tests install it the same way (tests/ui/conftest.py)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

_GUI_THREAD = threading.main_thread().ident  # the thread the window runs in (QApplication's)


class WheelGuard(QObject):
    """The application-wide event filter (see the module's docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # an application-wide filter is called for the events of a worker thread's objects too (an import's task
        # runner): there it touches nothing of Qt's — reading the event's type there (PySide6 building its enum while
        # the window's thread did the same) crashed a clean-clone test run with a segmentation fault. A wheel event
        # is only ever the window's thread's.
        if threading.get_ident() != _GUI_THREAD:
            return False
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, (QComboBox, QAbstractSpinBox)):
            return False
        if watched.hasFocus():
            return False  # the user is in the field: the wheel steps it
        area = _scroll_area(watched)
        if area is not None:  # scroll the list the field sits in, as if the field were not there
            bar = area.verticalScrollBar() if event.angleDelta().y() else area.horizontalScrollBar()
            if bar is not None and bar.isVisible():
                QCoreApplication.sendEvent(bar, event)
        return True  # never a change of value


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


_GUARD: WheelGuard | None = None


def install(app: QCoreApplication) -> WheelGuard:
    """Install the guard on `app` once (a second call returns the guard already installed)."""
    global _GUARD
    if _GUARD is None:
        _GUARD = WheelGuard(app)
        app.installEventFilter(_GUARD)
    return _GUARD
