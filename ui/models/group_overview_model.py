"""GroupOverviewModel: the Dashboard's "all groups" table, one frozen GroupOverview per row, riskiest first.
Rows can arrive one by one while the figures are still being computed (`append_row`), then `set_rows` puts
them in risk order. Sorting re-orders the Python list (a handful of groups), never through a proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.services.dashboard_queries import GroupOverview, risk_key
from ui.messages import localise_message

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_MEMBERS, COL_ACTIVE_7, COL_ACTIVE_30, COL_RATE, COL_DORMANT, COL_STALLED, COL_ZOMBIE = range(8)

HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("GroupOverviewModel", "Group"),
    QT_TRANSLATE_NOOP("GroupOverviewModel", "Members"),
    QT_TRANSLATE_NOOP("GroupOverviewModel", "Active 7 days"),
    QT_TRANSLATE_NOOP("GroupOverviewModel", "Active 30 days"),
    QT_TRANSLATE_NOOP("GroupOverviewModel", "Check-in rate"),
    QT_TRANSLATE_NOOP("GroupOverviewModel", "Dormant"),
    QT_TRANSLATE_NOOP("GroupOverviewModel", "Stalled"),
    QT_TRANSLATE_NOOP("GroupOverviewModel", "Zombie group"),
)

WARN_COLOR = "#C2410C"
BAD_COLOR = "#B91C1C"
MUTED_COLOR = "#6B7280"

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


def _translated(text: str) -> str:
    return QCoreApplication.translate("GroupOverviewModel", text)


def _share(n: int, members: int) -> str:
    return f"{n} · {n / members:.0%}" if members else str(n)


class GroupOverviewModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[GroupOverview] = []
        self.warn_share = 0.9
        self.sort_column = -1  # -1: risk order
        self.sort_order = Qt.SortOrder.AscendingOrder

    # ---- rows ----
    def rows(self) -> list[GroupOverview]:
        return list(self._rows)

    def row_at(self, row: int) -> GroupOverview | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_rows(self, rows: list[GroupOverview]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def append_row(self, row: GroupOverview) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self.endInsertRows()

    def clear(self) -> None:
        self.set_rows([])

    # ---- Qt ----
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _translated(HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(
                    (Qt.AlignmentFlag.AlignLeft if section == COL_NAME else Qt.AlignmentFlag.AlignRight)
                    | Qt.AlignmentFlag.AlignVCenter
                )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == RowRole:
            return row
        if role == SortRole:
            return self._sort_key(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if col == COL_NAME else Qt.AlignmentFlag.AlignRight
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, col)
        if role == Qt.ItemDataRole.FontRole and (col == COL_ZOMBIE and row.zombie):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (COL_ZOMBIE, COL_NAME) and row.zombie_reason:
                return localise_message(row.zombie_reason)
            if col == COL_MEMBERS:
                return self.tr("%1% of the capacity used").replace("%1", str(round(row.capacity_used * 100)))
        return None

    def _display(self, row: GroupOverview, col: int) -> str:
        if col == COL_NAME:
            return row.name
        if col == COL_MEMBERS:
            return f"{row.members}/{row.capacity}"
        if col == COL_ACTIVE_7:
            return _share(row.active_7, row.members)
        if col == COL_ACTIVE_30:
            return _share(row.active_30, row.members)
        if col == COL_RATE:
            return f"{row.checkin_rate * 100:.1f}%"
        if col == COL_DORMANT:
            return str(row.dormant)
        if col == COL_STALLED:
            return str(row.stalled)
        if col == COL_ZOMBIE:
            return "⚠ " + self.tr("Zombie") if row.zombie else "—"
        return ""

    def _colour(self, row: GroupOverview, col: int) -> QColor | None:
        if col == COL_ZOMBIE:
            return QColor(BAD_COLOR if row.zombie else MUTED_COLOR)
        if col == COL_NAME and row.zombie:
            return QColor(BAD_COLOR)
        if col == COL_MEMBERS and row.capacity:
            if row.capacity_used > 1:
                return QColor(BAD_COLOR)
            if row.capacity_used >= self.warn_share:
                return QColor(WARN_COLOR)
        if col == COL_STALLED and row.stalled:
            return QColor(WARN_COLOR)
        return None

    @staticmethod
    def _sort_key(row: GroupOverview, col: int) -> Any:
        return {
            COL_NAME: row.name,
            COL_MEMBERS: row.members,
            COL_ACTIVE_7: row.active_7_share,
            COL_ACTIVE_30: row.active_30_share,
            COL_RATE: row.checkin_rate,
            COL_DORMANT: row.dormant,
            COL_STALLED: row.stalled,
            COL_ZOMBIE: (not row.zombie, row.name),
        }.get(col, risk_key(row))

    def _sort_rows(self) -> None:
        if self.sort_column < 0:
            self._rows.sort(key=risk_key)
        else:
            col = self.sort_column
            self._rows.sort(
                key=lambda r: self._sort_key(r, col), reverse=self.sort_order == Qt.SortOrder.DescendingOrder
            )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()  # a handful of rows: simpler and safer than moving persistent indexes
        self.sort_column, self.sort_order = column, order
        self._sort_rows()
        self.endResetModel()

    def sort_by_risk(self) -> None:
        self.sort(-1)
