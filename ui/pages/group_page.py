"""GroupPage: the base of the pages that follow the group selected in the sidebar (Vorta's BaseTab).

What it holds, so each page does not repeat it: the workspace and operator, `group_id` and `set_group()`,
and when to load. A page loads only while it is visible; otherwise it is marked stale and loads when it is
next shown — after a new group was chosen, or after data changed elsewhere (the main window relays every
`ui.operations.Change` made outside the page to `data_changed_elsewhere`).

How to write one:
1. subclass GroupPage and call `super().__init__(database, actor, parent)` first;
2. put the loading in `load()` (the group may be None: "all groups"); call `reload()` to load now;
3. forget per-group choices (a selected activity, the ledger's member) in `group_changed(group_id)`, which
   runs before the new group is set;
4. set `reload_on_show = True` when the figures may change without this window knowing (the dashboard);
5. narrow `reload_for` to the kinds of change the page shows (ui/operations.py lists them);
6. write through `ui.operations.run_write(self, …)`: the other pages are told, this one updates itself.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from desktop.services.operators import Actor
from ui.operations import KINDS, Change


class GroupPage(QWidget):
    reload_on_show = False  # True: load again every time the page is shown, stale or not
    reload_for: frozenset[str] = KINDS  # the kinds of change made elsewhere that make the page stale

    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self._group_id: int | None = None
        self._stale = True  # what the page shows is not (or no longer) what the database holds for the group

    @property
    def group_id(self) -> int | None:
        return self._group_id

    @property
    def stale(self) -> bool:
        return self._stale

    def set_group(self, group_id: int | None) -> None:
        """Follow the sidebar (None: all groups); loads at once when visible, else when next shown."""
        self.group_changed(group_id)
        self._group_id = group_id
        self.mark_stale()

    def group_changed(self, group_id: int | None) -> None:
        """Hook: runs before `group_id` becomes the page's group (compare with self.group_id)."""

    def mark_stale(self) -> None:
        """The shown data is out of date: load now if visible, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def data_changed_elsewhere(self, change: Change) -> None:
        """Another page or dialog changed data (relayed by the main window): stale if it is data shown here."""
        if change.database is self._database and change.kinds & self.reload_for:
            self.mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or (self.reload_on_show and not event.spontaneous()):
            self.reload()

    @Slot()
    def reload(self) -> None:
        """Load what the page shows for its group now."""
        self._stale = False
        self.load()

    def load(self) -> None:
        """Fill the page for `self.group_id` (subclasses)."""
        raise NotImplementedError
