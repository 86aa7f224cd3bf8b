"""RowTableModel: a small Qt table over a list of frozen dataclasses (a few hundred rows at most), sorted in
the list itself. Subclasses name their headers and say how a cell looks; the Activities and Points pages
build their tables on it. The model never holds a Session: the page loads rows and calls set_rows().

What people typed (a name, an activity's title, a note) is shown through `shown` in the columns a subclass names
in MASKED_COLUMNS (text and tooltip alike): the page sets it to desktop.services.operators.names_shown_to(actor), so
an assistant reads a phone written into it masked (王五 138****), as a team server's views show it to their login;
the rows keep the stored text (an edit dialog opened from a row starts from what is stored, never from the mask).
Only the named columns: a date or a time range (10:00-11:30) is no phone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


def _as_stored(text: str | None) -> str | None:
    return text


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Subclasses set HEADERS (QT_TRANSLATE_NOOP sources) and CONTEXT (their translation context) and
    override `display(row, column)`; optionally `sort_key`, `foreground`, `alignment`, `tooltip`."""

    HEADERS: tuple[str, ...] = ()
    CONTEXT = "RowTableModel"
    MASKED_COLUMNS: frozenset[int] = frozenset()  # columns of free text, shown through `shown` (see the docstring)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Row] = []
        self.shown: Callable[[str | None], str | None] = _as_stored

    def show_text_with(self, shown: Callable[[str | None], str | None]) -> None:
        """Show the MASKED_COLUMNS' text through `shown` (desktop.services.operators.names_shown_to(actor))."""
        self.beginResetModel()
        self.shown = shown
        self.endResetModel()

    def _shown(self, value: Any, column: int) -> Any:
        if column in self.MASKED_COLUMNS and isinstance(value, str):
            return self.shown(value)
        return value

    # ---- data in ----
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, row_number: int, row: Row) -> None:
        self._rows[row_number] = row
        self.dataChanged.emit(self.index(row_number, 0), self.index(row_number, self.columnCount() - 1))

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row_number: int) -> Row | None:
        return self._rows[row_number] if 0 <= row_number < len(self._rows) else None

    # ---- to override ----
    def display(self, row: Row, column: int) -> Any:
        raise NotImplementedError

    def sort_key(self, row: Row, column: int) -> Any:
        value = self.display(row, column)
        return (value is None or value == "", value if isinstance(value, int | float) else str(value or ""))

    def foreground(self, row: Row, column: int) -> Any:
        return None

    def alignment(self, row: Row, column: int) -> Any:
        return None

    def tooltip(self, row: Row, column: int) -> Any:
        return None

    # ---- Qt ----
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.display(row, col)
            return None if value is None else self._shown(str(value), col)
        if role == RowRole:
            return row
        if role == SortRole:
            return self.sort_key(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._shown(self.tooltip(row, col), col)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < self.columnCount()):
            return
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        persistent = self.persistentIndexList()
        self._rows.sort(key=lambda r: self.sort_key(r, column), reverse=order == Qt.SortOrder.DescendingOrder)
        if persistent:
            position = {id(r): i for i, r in enumerate(self._rows)}
            self.changePersistentIndexList(
                persistent,
                [self.index(position[id(old[p.row()])], p.column()) for p in persistent],
            )
        self.layoutChanged.emit()
