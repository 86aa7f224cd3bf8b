"""Qt models for the Activities page: activities of a month, the attendance sheet of one activity (tick
"attended", pick a status and a role), recent contributions and violations; and the translated labels of
the participation codes (activity kinds, attendance statuses and roles, contribution and violation kinds,
violation actions). Rows are frozen dataclasses from desktop.services.activities_queries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.services.activities_queries import ActivityRow, AttendanceLine, ContributionRow, ViolationRow
from ui.models.row_table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex

# ---- labels (codes from models.base) ----
ACTIVITY_KIND_LABELS: dict[str, str] = {
    "knowledge_share": QT_TRANSLATE_NOOP("ActivityKind", "Knowledge share"),
    "expert_live": QT_TRANSLATE_NOOP("ActivityKind", "Expert live stream"),
    "prize_interaction": QT_TRANSLATE_NOOP("ActivityKind", "Prize interaction"),
    "offline_meetup": QT_TRANSLATE_NOOP("ActivityKind", "Offline meetup"),
    "opening_ceremony": QT_TRANSLATE_NOOP("ActivityKind", "Opening ceremony"),
    "award_ceremony": QT_TRANSLATE_NOOP("ActivityKind", "Award ceremony"),
    "course": QT_TRANSLATE_NOOP("ActivityKind", "Course"),
    "other": QT_TRANSLATE_NOOP("ActivityKind", "Other"),
}
ATTENDANCE_STATUS_LABELS: dict[str, str] = {
    "registered": QT_TRANSLATE_NOOP("AttendanceStatus", "Registered"),
    "attended": QT_TRANSLATE_NOOP("AttendanceStatus", "Attended"),
    "absent": QT_TRANSLATE_NOOP("AttendanceStatus", "Absent"),
    "excused": QT_TRANSLATE_NOOP("AttendanceStatus", "Excused"),
}
ATTENDANCE_ROLE_LABELS: dict[str, str] = {
    "host": QT_TRANSLATE_NOOP("AttendanceRole", "Host"),
    "speaker": QT_TRANSLATE_NOOP("AttendanceRole", "Speaker"),
    "attendee": QT_TRANSLATE_NOOP("AttendanceRole", "Attendee"),
}
CONTRIBUTION_KIND_LABELS: dict[str, str] = {
    "share": QT_TRANSLATE_NOOP("ContributionKind", "Share"),
    "answer": QT_TRANSLATE_NOOP("ContributionKind", "Answer"),
    "post": QT_TRANSLATE_NOOP("ContributionKind", "Post"),
    "referral": QT_TRANSLATE_NOOP("ContributionKind", "Referral"),
    "other": QT_TRANSLATE_NOOP("ContributionKind", "Other"),
}
VIOLATION_KIND_LABELS: dict[str, str] = {
    "ad": QT_TRANSLATE_NOOP("ViolationKind", "Advertising"),
    "flood": QT_TRANSLATE_NOOP("ViolationKind", "Flooding"),
    "off_topic": QT_TRANSLATE_NOOP("ViolationKind", "Off-topic"),
    "abuse": QT_TRANSLATE_NOOP("ViolationKind", "Abuse"),
    "other": QT_TRANSLATE_NOOP("ViolationKind", "Other"),
}
VIOLATION_ACTION_LABELS: dict[str, str] = {
    "warning": QT_TRANSLATE_NOOP("ViolationAction", "Warning"),
    "mute": QT_TRANSLATE_NOOP("ViolationAction", "Mute"),
    "removal": QT_TRANSLATE_NOOP("ViolationAction", "Removal"),
}

STATUS_COLORS = {"registered": "#2563EB", "attended": "#15803D", "absent": "#B91C1C", "excused": "#B45309"}
MUTED = "#6B7280"


def _label(context: str, labels: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    source = labels.get(code)
    return QCoreApplication.translate(context, source) if source else code


def activity_kind_label(code: str) -> str:
    return _label("ActivityKind", ACTIVITY_KIND_LABELS, code)


def attendance_status_label(code: str | None) -> str:
    return _label("AttendanceStatus", ATTENDANCE_STATUS_LABELS, code)


def attendance_role_label(code: str | None) -> str:
    return _label("AttendanceRole", ATTENDANCE_ROLE_LABELS, code)


def contribution_kind_label(code: str) -> str:
    return _label("ContributionKind", CONTRIBUTION_KIND_LABELS, code)


def violation_kind_label(code: str) -> str:
    return _label("ViolationKind", VIOLATION_KIND_LABELS, code)


def violation_action_label(code: str) -> str:
    return _label("ViolationAction", VIOLATION_ACTION_LABELS, code)


def edition_text(series: str | None, edition: int | None) -> str:
    """'晨读会 第3期' (the edition alone when there is no series name)."""
    parts = []
    if series:
        parts.append(series)
    if edition:
        parts.append(QCoreApplication.translate("ActivityTableModel", "No. %1").replace("%1", str(edition)))
    return " ".join(parts)


def when_text(starts_at: datetime, ends_at: datetime | None) -> str:
    text = starts_at.strftime("%Y-%m-%d %H:%M")
    if ends_at is not None:
        text += "–" + (
            ends_at.strftime("%H:%M") if ends_at.date() == starts_at.date() else ends_at.strftime("%m-%d %H:%M")
        )
    return text


def _right() -> Qt.AlignmentFlag:
    return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# ---- activities ----
COL_WHEN, COL_TITLE, COL_KIND, COL_SERIES, COL_PLACE, COL_CAPACITY, COL_REGISTERED, COL_ATTENDED = range(8)


class ActivityTableModel(RowTableModel[ActivityRow]):
    CONTEXT = "ActivityTableModel"
    MASKED_COLUMNS = frozenset({COL_TITLE, COL_SERIES, COL_PLACE})  # the title's tooltip holds the hosts
    HEADERS = (
        QT_TRANSLATE_NOOP("ActivityTableModel", "Date"),
        QT_TRANSLATE_NOOP("ActivityTableModel", "Title"),
        QT_TRANSLATE_NOOP("ActivityTableModel", "Kind"),
        QT_TRANSLATE_NOOP("ActivityTableModel", "Series"),
        QT_TRANSLATE_NOOP("ActivityTableModel", "Online / place"),
        QT_TRANSLATE_NOOP("ActivityTableModel", "Capacity"),
        QT_TRANSLATE_NOOP("ActivityTableModel", "Registered"),
        QT_TRANSLATE_NOOP("ActivityTableModel", "Attended"),
    )

    def display(self, row: ActivityRow, column: int) -> Any:
        if column == COL_WHEN:
            return when_text(row.starts_at, row.ends_at)
        if column == COL_TITLE:
            return row.title
        if column == COL_KIND:
            return activity_kind_label(row.kind)
        if column == COL_SERIES:
            return edition_text(row.series, row.edition)
        if column == COL_PLACE:
            online = QCoreApplication.translate("ActivityTableModel", "Online")
            if row.online:
                return f"{online} · {row.place}" if row.place else online
            return row.place or QCoreApplication.translate("ActivityTableModel", "Offline")
        if column == COL_CAPACITY:
            return row.capacity if row.capacity else "—"
        if column == COL_REGISTERED:
            return row.registered
        if column == COL_ATTENDED:
            return row.attended
        return None

    def sort_key(self, row: ActivityRow, column: int) -> Any:
        if column == COL_WHEN:
            return (row.starts_at, row.id)
        if column == COL_SERIES:
            return (row.series or "", row.edition or 0)
        if column == COL_CAPACITY:
            return row.capacity or 0
        return super().sort_key(row, column)

    def alignment(self, row: ActivityRow, column: int) -> Any:
        return _right() if column in (COL_CAPACITY, COL_REGISTERED, COL_ATTENDED) else None

    def foreground(self, row: ActivityRow, column: int) -> Any:
        if column == COL_REGISTERED and row.capacity and row.registered > row.capacity:
            return QColor("#C2410C")
        return None

    def tooltip(self, row: ActivityRow, column: int) -> Any:
        if column == COL_TITLE and row.hosts:
            return QCoreApplication.translate("ActivityTableModel", "Hosts: %1").replace("%1", row.hosts)
        return None

    def row_of(self, activity_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == activity_id:
                return i
        return None


# ---- attendance sheet ----
ATT_NAME, ATT_ATTENDED, ATT_STATUS, ATT_ROLE = range(4)

# (membership id, status, role) -> True when written; the page calls the service and refreshes counts.
AttendanceWriter = Callable[[int, str, str], bool]


class AttendanceTableModel(RowTableModel[AttendanceLine]):
    """Tick "attended" (check box), or edit the status / role cells (the page puts a combo box there).
    Every change goes through `writer`; the row changes only when the writer says it was written."""

    CONTEXT = "AttendanceTableModel"
    MASKED_COLUMNS = frozenset({ATT_NAME})
    HEADERS = (
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Member"),
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Attended"),
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Status"),
        QT_TRANSLATE_NOOP("AttendanceTableModel", "Role"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.writer: AttendanceWriter | None = None
        self.editable = True

    def display(self, row: AttendanceLine, column: int) -> Any:
        if column == ATT_NAME:
            return f"{row.display_name}（{row.nickname}）" if row.nickname else row.display_name
        if column == ATT_STATUS:
            return attendance_status_label(row.status) if row.status else "—"
        if column == ATT_ROLE:
            return attendance_role_label(row.role) if row.status else ""
        return None

    def sort_key(self, row: AttendanceLine, column: int) -> Any:
        if column == ATT_ATTENDED:
            return row.status == "attended"
        if column == ATT_STATUS:
            order = {"attended": 0, "registered": 1, "excused": 2, "absent": 3}
            return order.get(row.status or "", 9)
        return super().sort_key(row, column)

    def foreground(self, row: AttendanceLine, column: int) -> Any:
        if column == ATT_STATUS:
            return QColor(STATUS_COLORS.get(row.status or "", MUTED))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid() or not self.editable:
            return base
        if index.column() == ATT_ATTENDED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (ATT_STATUS, ATT_ROLE):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == ATT_ATTENDED and role == Qt.ItemDataRole.CheckStateRole:
            row = self.row_at(index.row())
            if row is not None:
                return Qt.CheckState.Checked if row.status == "attended" else Qt.CheckState.Unchecked
        if index.isValid() and role == Qt.ItemDataRole.EditRole and index.column() in (ATT_STATUS, ATT_ROLE):
            row = self.row_at(index.row())
            if row is not None:
                return row.status if index.column() == ATT_STATUS else (row.role or "attendee")
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not self.editable:
            return False
        status, att_role = row.status, row.role or "attendee"
        if index.column() == ATT_ATTENDED and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            # unticking keeps the member on the list as registered (the ledger entry is reversed)
            status = "attended" if checked else "registered"
        elif index.column() == ATT_STATUS and role == Qt.ItemDataRole.EditRole and value:
            status = str(value)
        elif index.column() == ATT_STATUS and role == Qt.ItemDataRole.EditRole and value == "" and status:
            # "not on the list": the place goes (someone ticked or signed up by mistake); the writer gets ""
            if self.writer is None or not self.writer(row.membership_id, "", att_role):
                return False
            self.replace_row(index.row(), replace(row, status=None, role=None))
            return True
        elif index.column() == ATT_ROLE and role == Qt.ItemDataRole.EditRole and value:
            att_role = str(value)
            status = status or "registered"
        else:
            return False
        if (status, att_role) == (row.status, row.role):
            return False
        if self.writer is None or not self.writer(row.membership_id, status, att_role):
            return False
        self.replace_row(index.row(), replace(row, status=status, role=att_role))
        return True

    def set_line(self, membership_id: int, status: str, role: str) -> None:
        """Show a change written elsewhere (mark all, paste)."""
        for i, r in enumerate(self._rows):
            if r.membership_id == membership_id:
                self.replace_row(i, replace(r, status=status, role=role))
                return

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self._rows:
            if r.status:
                out[r.status] = out.get(r.status, 0) + 1
        return out


# ---- contributions and violations ----
class ContributionTableModel(RowTableModel[ContributionRow]):
    CONTEXT = "ContributionTableModel"
    MASKED_COLUMNS = frozenset({1})  # the title is masked in display(): the link keeps its digits (they are the link)
    HEADERS = (
        QT_TRANSLATE_NOOP("ContributionTableModel", "Date"),
        QT_TRANSLATE_NOOP("ContributionTableModel", "Member"),
        QT_TRANSLATE_NOOP("ContributionTableModel", "Kind"),
        QT_TRANSLATE_NOOP("ContributionTableModel", "Title / link"),
    )

    def display(self, row: ContributionRow, column: int) -> Any:
        if column == 0:
            return row.day.isoformat()
        if column == 1:
            return row.display_name
        if column == 2:
            return contribution_kind_label(row.kind)
        if column == 3:
            return " · ".join(x for x in (self.shown(row.title), row.link) if x)
        return None


class ViolationTableModel(RowTableModel[ViolationRow]):
    CONTEXT = "ViolationTableModel"
    MASKED_COLUMNS = frozenset({1, 4})
    HEADERS = (
        QT_TRANSLATE_NOOP("ViolationTableModel", "Date"),
        QT_TRANSLATE_NOOP("ViolationTableModel", "Member"),
        QT_TRANSLATE_NOOP("ViolationTableModel", "Kind"),
        QT_TRANSLATE_NOOP("ViolationTableModel", "Action"),
        QT_TRANSLATE_NOOP("ViolationTableModel", "Note"),
    )

    def display(self, row: ViolationRow, column: int) -> Any:
        if column == 0:
            return row.day.isoformat()
        if column == 1:
            return row.display_name
        if column == 2:
            return violation_kind_label(row.kind)
        if column == 3:
            return violation_action_label(row.action)
        if column == 4:
            return row.note or ""
        return None

    def foreground(self, row: ViolationRow, column: int) -> Any:
        if column == 3 and row.action != "warning":
            return QColor("#B91C1C")
        return None
