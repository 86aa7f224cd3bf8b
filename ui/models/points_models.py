"""Qt models for the Points page: the leaderboard, the group's rules (points and on/off editable), the
levels being edited, one member's ledger and the recompute preview; plus the translated names of rules and
ledger sources. Rows are frozen dataclasses from desktop.services.points / points_queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.services.points import LeaderRow, RecomputeRow, RuleRow
from desktop.services.points_queries import LedgerRow
from ui.messages import default_name, localise_message
from ui.models.row_table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex

POSITIVE, NEGATIVE, MUTED = "#15803D", "#B91C1C", "#6B7280"

RULE_LABELS: dict[str, str] = {
    "checkin": QT_TRANSLATE_NOOP("PointRule", "Check-in"),
    "streak7": QT_TRANSLATE_NOOP("PointRule", "7-day check-in streak"),
    "activity_online": QT_TRANSLATE_NOOP("PointRule", "Online activity attended"),
    "activity_offline": QT_TRANSLATE_NOOP("PointRule", "Offline activity attended"),
    "speaker": QT_TRANSLATE_NOOP("PointRule", "Host or speaker at an activity"),
    "share": QT_TRANSLATE_NOOP("PointRule", "Share"),
    "referral": QT_TRANSLATE_NOOP("PointRule", "Converted referral"),
    "violation": QT_TRANSLATE_NOOP("PointRule", "Violation"),
}
SOURCE_LABELS: dict[str, str] = {
    "checkin": QT_TRANSLATE_NOOP("PointSource", "Check-in"),
    "streak": QT_TRANSLATE_NOOP("PointSource", "Streak"),
    "attendance": QT_TRANSLATE_NOOP("PointSource", "Activity"),
    "contribution": QT_TRANSLATE_NOOP("PointSource", "Contribution"),
    "violation": QT_TRANSLATE_NOOP("PointSource", "Violation"),
    "referral": QT_TRANSLATE_NOOP("PointSource", "Referral"),
    "manual": QT_TRANSLATE_NOOP("PointSource", "Manual"),
    "recompute": QT_TRANSLATE_NOOP("PointSource", "Recompute"),
    "reversal": QT_TRANSLATE_NOOP("PointSource", "Reversal"),
}


def rule_label(code: str, stored: str = "") -> str:
    source = RULE_LABELS.get(code)
    return QCoreApplication.translate("PointRule", source) if source else (stored or code)


def source_label(code: str) -> str:
    source = SOURCE_LABELS.get(code)
    return QCoreApplication.translate("PointSource", source) if source else code


def signed(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def _right() -> Qt.AlignmentFlag:
    return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _sign_color(points: int) -> QColor | None:
    return QColor(POSITIVE if points > 0 else NEGATIVE) if points else None


# ---- leaderboard ----
LB_RANK, LB_NAME, LB_POINTS, LB_LEVEL = range(4)


class LeaderboardModel(RowTableModel[LeaderRow]):
    CONTEXT = "LeaderboardModel"
    MASKED_COLUMNS = frozenset({LB_NAME})
    HEADERS = (
        QT_TRANSLATE_NOOP("LeaderboardModel", "Rank"),
        QT_TRANSLATE_NOOP("LeaderboardModel", "Member"),
        QT_TRANSLATE_NOOP("LeaderboardModel", "Points"),
        QT_TRANSLATE_NOOP("LeaderboardModel", "Level"),
    )

    def display(self, row: LeaderRow, column: int) -> Any:
        return (
            (row.rank, row.display_name, row.points, default_name(row.level) or "—")[column]
            if 0 <= column < 4
            else None
        )

    def sort_key(self, row: LeaderRow, column: int) -> Any:
        if column in (LB_RANK, LB_POINTS):
            return (-row.points, row.rank) if column == LB_POINTS else row.rank
        return super().sort_key(row, column)

    def alignment(self, row: LeaderRow, column: int) -> Any:
        return _right() if column in (LB_RANK, LB_POINTS) else None

    def foreground(self, row: LeaderRow, column: int) -> Any:
        if column == LB_POINTS and row.points < 0:
            return QColor(NEGATIVE)
        if column == LB_LEVEL and not row.level:
            return QColor(MUTED)
        return None

    def row_of(self, membership_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.membership_id == membership_id:
                return i
        return None


# ---- rules ----
RULE_NAME, RULE_POINTS, RULE_ACTIVE = range(3)

# (code, points or None, active or None) -> True when written
RuleWriter = Callable[[str, int | None, bool | None], bool]


class RulesModel(RowTableModel[RuleRow]):
    """Points (edit) and active (check box) go through `writer`; read-only when `editable` is False."""

    CONTEXT = "RulesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("RulesModel", "Rule"),
        QT_TRANSLATE_NOOP("RulesModel", "Points"),
        QT_TRANSLATE_NOOP("RulesModel", "Active"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.writer: RuleWriter | None = None
        self.editable = False

    def display(self, row: RuleRow, column: int) -> Any:
        if column == RULE_NAME:
            return rule_label(row.code, row.label)
        if column == RULE_POINTS:
            return signed(row.points)
        return None

    def alignment(self, row: RuleRow, column: int) -> Any:
        return _right() if column == RULE_POINTS else None

    def foreground(self, row: RuleRow, column: int) -> Any:
        if not row.active:
            return QColor(MUTED)
        return _sign_color(row.points) if column == RULE_POINTS else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() == RULE_ACTIVE:
            base |= Qt.ItemFlag.ItemIsUserCheckable
            if not self.editable:
                base &= ~Qt.ItemFlag.ItemIsEnabled
        if index.column() == RULE_POINTS and self.editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None:
            if index.column() == RULE_ACTIVE and role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.active else Qt.CheckState.Unchecked
            if index.column() == RULE_POINTS and role == Qt.ItemDataRole.EditRole:
                return row.points
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not self.editable or self.writer is None:
            return False
        if index.column() == RULE_ACTIVE and role == Qt.ItemDataRole.CheckStateRole:
            active = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
            if active == row.active or not self.writer(row.code, None, active):
                return False
            self.replace_row(index.row(), replace(row, active=active))
            return True
        if index.column() == RULE_POINTS and role == Qt.ItemDataRole.EditRole:
            try:
                points = int(value)
            except (TypeError, ValueError):
                return False
            if points == row.points or not self.writer(row.code, points, None):
                return False
            self.replace_row(index.row(), replace(row, points=points))
            return True
        return False

    def row_of(self, code: str) -> int | None:
        for i, r in enumerate(self._rows):
            if r.code == code:
                return i
        return None


# ---- levels ----
@dataclass(frozen=True)
class LevelRow:
    name: str
    min_points: int


LEVEL_NAME, LEVEL_THRESHOLD = range(2)


class LevelsModel(RowTableModel[LevelRow]):
    """Levels being edited (kept here until the page saves them with set_levels)."""

    CONTEXT = "LevelsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("LevelsModel", "Level name"),
        QT_TRANSLATE_NOOP("LevelsModel", "From points"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editable = False
        self.dirty = False

    def display(self, row: LevelRow, column: int) -> Any:
        return row.name if column == LEVEL_NAME else row.min_points

    def alignment(self, row: LevelRow, column: int) -> Any:
        return _right() if column == LEVEL_THRESHOLD else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.EditRole:
            return row.name if index.column() == LEVEL_NAME else row.min_points
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        if index.column() == LEVEL_NAME:
            new = replace(row, name=str(value).strip())
        else:
            try:
                new = replace(row, min_points=int(value))
            except (TypeError, ValueError):
                return False
        if new == row:
            return False
        self.dirty = True  # before the signal: its listeners read it
        self.replace_row(index.row(), new)
        return True

    def set_levels(self, levels: list[tuple[str, int]]) -> None:
        self.dirty = False  # before the reset: its listeners read it
        self.set_rows([LevelRow(n, p) for n, p in levels])

    def levels(self) -> list[tuple[str, int]]:
        return [(r.name, r.min_points) for r in self._rows]

    def add_level(self, name: str, min_points: int) -> int:
        at = len(self._rows)
        self.dirty = True
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(LevelRow(name, min_points))
        self.endInsertRows()
        return at

    def remove_level(self, row_number: int) -> None:
        if 0 <= row_number < len(self._rows):
            self.dirty = True
            self.beginRemoveRows(QModelIndex(), row_number, row_number)
            del self._rows[row_number]
            self.endRemoveRows()


# ---- ledger ----
LEDGER_DAY, LEDGER_POINTS, LEDGER_REASON, LEDGER_SOURCE, LEDGER_OPERATOR = range(5)


class LedgerModel(RowTableModel[LedgerRow]):
    CONTEXT = "LedgerModel"
    MASKED_COLUMNS = frozenset({LEDGER_REASON})  # an adjustment's reason is typed (补加 王五 13800138002 的分享)
    HEADERS = (
        QT_TRANSLATE_NOOP("LedgerModel", "Date"),
        QT_TRANSLATE_NOOP("LedgerModel", "Points"),
        QT_TRANSLATE_NOOP("LedgerModel", "Reason"),
        QT_TRANSLATE_NOOP("LedgerModel", "Source"),
        QT_TRANSLATE_NOOP("LedgerModel", "Operator"),
    )

    def display(self, row: LedgerRow, column: int) -> Any:
        if column == LEDGER_DAY:
            return row.day.isoformat()
        if column == LEDGER_POINTS:
            return signed(row.points)
        if column == LEDGER_REASON:
            return localise_message(row.reason)  # the app's own reasons in the window's language
        if column == LEDGER_SOURCE:
            return source_label(row.source_kind)
        if column == LEDGER_OPERATOR:
            return row.operator or ""
        return None

    def sort_key(self, row: LedgerRow, column: int) -> Any:
        if column == LEDGER_DAY:
            return (row.day, row.created_at, row.id)
        if column == LEDGER_POINTS:
            return row.points
        return super().sort_key(row, column)

    def alignment(self, row: LedgerRow, column: int) -> Any:
        return _right() if column == LEDGER_POINTS else None

    def foreground(self, row: LedgerRow, column: int) -> Any:
        if column == LEDGER_POINTS:
            return _sign_color(row.points)
        if row.source_kind == "reversal" and column in (LEDGER_REASON, LEDGER_SOURCE):
            return QColor(MUTED)
        return None

    def tooltip(self, row: LedgerRow, column: int) -> Any:
        if column == LEDGER_REASON:
            return localise_message(row.reason)
        return None


# ---- recompute preview ----
RC_NAME, RC_CURRENT, RC_EXPECTED, RC_DELTA = range(4)


class RecomputeModel(RowTableModel[RecomputeRow]):
    CONTEXT = "RecomputeModel"
    MASKED_COLUMNS = frozenset({RC_NAME})
    HEADERS = (
        QT_TRANSLATE_NOOP("RecomputeModel", "Member"),
        QT_TRANSLATE_NOOP("RecomputeModel", "Current"),
        QT_TRANSLATE_NOOP("RecomputeModel", "By the rules"),
        QT_TRANSLATE_NOOP("RecomputeModel", "Change"),
    )

    def display(self, row: RecomputeRow, column: int) -> Any:
        return (row.display_name, row.current, row.expected, signed(row.delta))[column] if 0 <= column < 4 else None

    def sort_key(self, row: RecomputeRow, column: int) -> Any:
        if column == RC_DELTA:
            return row.delta
        return super().sort_key(row, column)

    def alignment(self, row: RecomputeRow, column: int) -> Any:
        return _right() if column != RC_NAME else None

    def foreground(self, row: RecomputeRow, column: int) -> Any:
        return _sign_color(row.delta) if column == RC_DELTA else None
