"""The one way QunDesk's list tables look and behave: whole-row selection, no editing by default,
alternating rows, no grid, fixed row height from the font, left-aligned headers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

SelectionMode = QAbstractItemView.SelectionMode
SelectionBehavior = QAbstractItemView.SelectionBehavior


def make_table(
    name: str,
    *,
    selection: QAbstractItemView.SelectionMode = SelectionMode.SingleSelection,
    behavior: QAbstractItemView.SelectionBehavior = SelectionBehavior.SelectRows,
    grid: bool = False,
    row_padding: int = 14,
    stretch_last: bool = True,
    parent: QWidget | None = None,
) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(behavior)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(grid)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + row_padding)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setStretchLastSection(stretch_last)
    return table


class _SecondClickGuard(QObject):
    """Swallows the second press of a double-click (and its release) on a view's viewport."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._swallow_release = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonDblClick:
            self._swallow_release = True
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._swallow_release:
            self._swallow_release = False
            return True
        return False


def connect_single_clicks(view: QAbstractItemView, slot: Callable[[QModelIndex], object]) -> None:
    """`view.clicked` to `slot`, where a click acts on its row and the rows move at once (a name checked in leaves
    the list of who is missing, an undone check-in leaves the day's list): the second click of a double-click
    landed on the row that had slid under the pointer and acted on it too — two people checked in, two check-ins
    undone, for one name clicked. The view has no double-click of its own then."""
    view.viewport().installEventFilter(_SecondClickGuard(view))
    view.clicked.connect(slot)
