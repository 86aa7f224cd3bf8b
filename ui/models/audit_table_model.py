"""AuditTableModel: audit log entries as a Qt table over frozen AuditLine rows (for the Audit dialog).

The rows are already rendered (labels and summaries in the UI language, names looked up) when they arrive,
so painting never touches the database; the dialog appends pages ("Load more")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex

COL_TIME, COL_OPERATOR, COL_ACTION, COL_ENTITY, COL_SUMMARY = range(5)
HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Operator"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
    QT_TRANSLATE_NOOP("AuditTableModel", "About"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Details"),
)
SUMMARY_DISPLAY_MAX = 240  # characters in the cell; the tooltip holds the whole text
MUTED_COLOR = "#6B7280"


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    operator: str
    action: str  # the code ("member.add")
    action_label: str  # "添加成员"
    entity: str
    entity_label: str  # "成员 · 张三"
    summary: str  # rendered, one line


class AuditTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AuditLine] = []

    # ---- data in ----
    def set_rows(self, rows: list[AuditLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: list[AuditLine]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row_at(self, row: int) -> AuditLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def rows(self) -> list[AuditLine]:
        return list(self._rows)

    # ---- Qt ----
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("AuditTableModel", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_ACTION:
                return row.action
            if col == COL_SUMMARY and row.summary:
                return row.summary
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_TIME:
            return QColor(MUTED_COLOR)
        if role == self.RowRole:
            return row
        return None

    @staticmethod
    def _display(row: AuditLine, col: int) -> str:
        if col == COL_TIME:
            return row.at.strftime("%Y-%m-%d %H:%M:%S")
        if col == COL_OPERATOR:
            return row.operator
        if col == COL_ACTION:
            return row.action_label
        if col == COL_ENTITY:
            return row.entity_label
        if col == COL_SUMMARY:
            text = row.summary
            return text if len(text) <= SUMMARY_DISPLAY_MAX else text[: SUMMARY_DISPLAY_MAX - 1] + "…"
        return ""
