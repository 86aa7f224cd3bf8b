"""ProgressMatrixModel: members × entry steps for the Onboarding page, over frozen ProgressRow / StepRow data
(desktop.services.onboarding.progress_matrix, list_steps). A ✓ marks a recorded step (date, operator and
answer in the tooltip); retired steps that still hold records come last, greyed, marked "(retired)"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
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

from desktop.services.onboarding import ProgressRow, StepRow
from ui.messages import default_name
from ui.models.roster_table_model import STATUS_COLORS, status_label

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_STATUS, COL_STALLED = range(3)
FIRST_STEP_COL = 3

HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ProgressMatrixModel", "Name"),
    QT_TRANSLATE_NOOP("ProgressMatrixModel", "Status"),
    QT_TRANSLATE_NOOP("ProgressMatrixModel", "Waiting"),
)

STEP_KIND_LABELS: dict[str, str] = {
    "question": QT_TRANSLATE_NOOP("StepKind", "Question"),
    "acknowledge": QT_TRANSLATE_NOOP("StepKind", "Acknowledge"),
    "payment": QT_TRANSLATE_NOOP("StepKind", "Payment"),
    "ritual": QT_TRANSLATE_NOOP("StepKind", "Ritual"),
    "verification": QT_TRANSLATE_NOOP("StepKind", "Verification"),
}

DONE_COLOR = "#15803D"
RETIRED_COLOR = "#9CA3AF"
RETIRED_BACKGROUND = "#F3F4F6"
STALLED_COLOR = "#C2410C"

MembershipRole = Qt.ItemDataRole.UserRole + 1
StepRole = Qt.ItemDataRole.UserRole + 2
DoneRole = Qt.ItemDataRole.UserRole + 3


def _translated(text: str) -> str:
    return QCoreApplication.translate("ProgressMatrixModel", text)


def step_kind_label(kind: str) -> str:
    source = STEP_KIND_LABELS.get(kind)
    return QCoreApplication.translate("StepKind", source) if source else kind


class ProgressMatrixModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ProgressRow] = []
        self._steps: list[StepRow] = []
        self._waiting: dict[int, int] = {}  # membership id -> days since the process last moved
        self.stalled_days = 7
        # a name and an answer as the operator may see them (desktop.services.operators.names_shown_to: a phone
        # written into them masked for an assistant); the page sets it
        self.shown: Callable[[str | None], str | None] = lambda text: text

    # ---- data in ----
    def set_data(
        self,
        rows: list[ProgressRow],
        steps: list[StepRow],
        waiting: dict[int, int] | None = None,
        stalled_days: int = 7,
    ) -> None:
        """Rows (each with what its steps recorded, ProgressRow.details) and steps to show. Retired steps are
        shown only when one of the rows has a record for them."""
        used = {sid for r in rows for sid in r.done}
        self.beginResetModel()
        self._rows = list(rows)
        self._steps = [s for s in steps if not s.retired] + [s for s in steps if s.retired and s.id in used]
        self._waiting = dict(waiting or {})
        self.stalled_days = stalled_days
        self.endResetModel()

    def update_rows(self, membership_ids: set[int], rows: list[ProgressRow], waiting: dict[int, int]) -> bool:
        """Put these memberships' fresh `rows` (those still shown) in place of their old ones, where they are,
        and take away the rows of the others among `membership_ids`; `waiting`: their days since the process
        last moved. No reset: the current cell and the selection stay. Returns False, changing nothing, when a
        row is not shown yet (the caller reloads) or a row has a record for a retired step no column shows."""
        shown = {r.membership_id for r in self._rows if r.membership_id in membership_ids}
        columns = {s.id for s in self._steps}
        if any(r.membership_id not in shown or not set(r.done) <= columns for r in rows):
            return False
        fresh = {r.membership_id: r for r in rows}
        for mid in membership_ids:
            self._waiting.pop(mid, None)
        self._waiting.update({mid: days for mid, days in waiting.items() if mid in membership_ids})
        last = self.columnCount() - 1
        for i in range(len(self._rows) - 1, -1, -1):
            mid = self._rows[i].membership_id
            if mid not in membership_ids:
                continue
            if mid in fresh:
                self._rows[i] = fresh[mid]
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
            else:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        return True

    # ---- questions ----
    def widest_waiting_text(self) -> str:
        """The Waiting column's longest text: that of the most days shown (more digits, never fewer letters);
        asking every row for its text took 0.14 s for a group of 9,400."""
        days = [self._waiting[r.membership_id] for r in self._rows if r.membership_id in self._waiting]
        return self.tr("%n day(s)", "", max(days)) if days else ""

    def row_at(self, row: int) -> ProgressRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def step_at(self, column: int) -> StepRow | None:
        i = column - FIRST_STEP_COL
        return self._steps[i] if 0 <= i < len(self._steps) else None

    def steps(self) -> list[StepRow]:
        return list(self._steps)

    def rows(self) -> list[ProgressRow]:
        return list(self._rows)

    def column_of_step(self, step_id: int) -> int:
        for i, s in enumerate(self._steps):
            if s.id == step_id:
                return FIRST_STEP_COL + i
        return -1

    def row_of_membership(self, membership_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.membership_id == membership_id:
                return i
        return -1

    def is_done(self, row: int, column: int) -> bool:
        r, s = self.row_at(row), self.step_at(column)
        return r is not None and s is not None and s.id in r.done

    def waiting_days(self, membership_id: int) -> int | None:
        return self._waiting.get(membership_id)

    # ---- Qt ----
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_STEP_COL + len(self._steps)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        step = self.step_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if step is None:
                return _translated(HEADERS[section]) if 0 <= section < len(HEADERS) else None
            name = default_name(step.name)
            return name + "\n" + self.tr("(retired)") if step.retired else name
        if role == Qt.ItemDataRole.ToolTipRole:
            if step is None:
                if section == COL_STALLED:
                    return self.tr("Days since the entry process last moved (applicants and newcomers)")
                return None
            parts = [
                default_name(step.name),
                step_kind_label(step.kind),
                self.tr("Required") if step.required else self.tr("Optional"),
            ]
            if step.retired:
                parts.append(self.tr("Retired: its records are kept"))
            return " · ".join(parts)
        if role == Qt.ItemDataRole.ForegroundRole and step is not None and step.retired:
            return QColor(RETIRED_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if step is None:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = self._rows[index.row()], index.column()
        step = self.step_at(col)
        if role == MembershipRole:
            return row.membership_id
        if role == StepRole:
            return step.id if step is not None else None
        if role == DoneRole:
            return step is not None and step.id in row.done
        if step is not None:
            return self._step_cell(row, step, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return self.shown(row.display_name)
            if col == COL_STATUS:
                return status_label(row.status)
            if col == COL_STALLED:
                days = self._waiting.get(row.membership_id)
                return self.tr("%n day(s)", "", days) if days is not None else ""
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS:
                return QColor(STATUS_COLORS.get(row.status, "#1F2937"))
            if col == COL_STALLED and self._is_stalled(row):
                return QColor(STALLED_COLOR)
        if role == Qt.ItemDataRole.FontRole and col == COL_STALLED and self._is_stalled(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STALLED and self._is_stalled(row):
            return self.tr("Stalled: no step recorded for more than %n day(s)", "", self.stalled_days)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if col == COL_STALLED else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _is_stalled(self, row: ProgressRow) -> bool:
        days = self._waiting.get(row.membership_id)
        return days is not None and days > self.stalled_days

    def _step_cell(self, row: ProgressRow, step: StepRow, role: int) -> Any:
        done_at = row.done.get(step.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return "✓" if done_at is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(RETIRED_COLOR if step.retired else DONE_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and step.retired:
            return QColor(RETIRED_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and done_at is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if done_at is None:
                if step.retired:
                    return self.tr("Retired step")
                return self.tr("Not done yet: click, or press Space or Enter, to record it")
            return self._done_tooltip(row, step, done_at)
        return None

    def _done_tooltip(self, row: ProgressRow, step: StepRow, done_at) -> str:
        lines = [
            f"{default_name(step.name)} ✓",
            self.tr("Done %1").replace("%1", done_at.strftime("%Y-%m-%d %H:%M")),
        ]
        detail = row.details.get(step.id)
        if detail is not None:
            if detail.operator:
                lines.append(self.tr("Recorded by %1").replace("%1", detail.operator))
            if detail.answer:
                lines.append(self.tr("Answer: %1").replace("%1", self.shown(detail.answer) or ""))
            if detail.amount_cents is not None:
                lines.append(self.tr("Amount: ¥%1").replace("%1", f"{detail.amount_cents / 100:.2f}"))
            if detail.rules_version is not None:
                lines.append(self.tr("Read rules version %1").replace("%1", str(detail.rules_version)))
        if step.retired:
            lines.append(self.tr("Retired step: the record is kept"))
        lines.append(self.tr("Click to see or change it"))
        return "\n".join(lines)


def waiting_days(since: dict[int, date], today: date) -> dict[int, int]:
    """membership id -> whole days since the process last moved."""
    return {mid: (today - d).days for mid, d in since.items()}
