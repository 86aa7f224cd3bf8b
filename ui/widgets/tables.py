"""The one way QunDesk's list tables look and behave: whole-row selection, no editing by default,
alternating rows, no grid, fixed row height from the font, left-aligned headers."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
