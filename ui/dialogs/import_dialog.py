"""ImportDialog: import a roster or survey applications from .xlsx/.csv (PRODUCT §3.6) — pick a file,
check the detected column mapping (and correct it), review every row's action and problems, import.
A third kind, check-ins (a check-in export or a 打卡表), is planned and written by
desktop/services/checkin_import.py: no column mapping (the layout is found from the header), a month field for
day columns without one, the days read and every row's check-ins shown before anything is written.

Reading, planning and importing run off the UI thread through ui/task_runner.py; the decisions live in
desktop/services/imports.py (this dialog only shows them). A corrected mapping is remembered for files
with the same headers when the import succeeds."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import NotFound, QunDeskError
from desktop.io.fields import ImportProblem, clean_text
from desktop.io.tabular import Table
from desktop.services.checkin_import import (
    HIDDEN_ROW,
    CheckinImportFailed,
    CheckinPlan,
    CheckinSummary,
    existing_group,
    parse_month,
    plan_checkin_import,
    read_checkin_table,
    run_checkin_import,
)
from desktop.services.groups import group_id_by_name, list_groups
from desktop.services.import_undo import undo_task
from desktop.services.imports import (
    IMPORT_FIELDS,
    ImportFailed,
    ImportPlan,
    ImportSummary,
    plan_applications_import,
    plan_roster_import,
    problem_as_shown,
    row_as_shown,
    run_import,
    skippable,
    suggest_mapping,
)
from desktop.services.operators import Actor
from desktop.tasks import Progress
from models.db import DatabaseError
from ui import file_dialogs
from ui.messages import localise_message, number_text
from ui.operations import announce
from ui.screen_fit import resize_to_fit
from ui.task_runner import TaskRunner

FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Name"),
    "nickname": QT_TRANSLATE_NOOP("ImportDialog", "Nickname"),
    "group_nickname": QT_TRANSLATE_NOOP("ImportDialog", "Group nickname"),
    "wechat_id": QT_TRANSLATE_NOOP("ImportDialog", "WeChat ID"),
    "wxid": QT_TRANSLATE_NOOP("ImportDialog", "WeChat wxid (when the WeChat ID is empty)"),
    "qq": QT_TRANSLATE_NOOP("ImportDialog", "QQ number"),
    "phone": QT_TRANSLATE_NOOP("ImportDialog", "Phone"),
    "gender": QT_TRANSLATE_NOOP("ImportDialog", "Gender"),
    "city": QT_TRANSLATE_NOOP("ImportDialog", "City"),
    "occupation": QT_TRANSLATE_NOOP("ImportDialog", "Occupation"),
    "tags": QT_TRANSLATE_NOOP("ImportDialog", "Tags"),
    "note": QT_TRANSLATE_NOOP("ImportDialog", "Note"),
    "joined_at": QT_TRANSLATE_NOOP("ImportDialog", "Joined"),
    "left_at": QT_TRANSLATE_NOOP("ImportDialog", "Left the group on"),
    "status_date": QT_TRANSLATE_NOOP("ImportDialog", "Date of the status change"),
    "status": QT_TRANSLATE_NOOP("ImportDialog", "Status"),
    "order_status": QT_TRANSLATE_NOOP("ImportDialog", "Order or sign-up status (refunded, cancelled: not imported)"),
    "tier": QT_TRANSLATE_NOOP("ImportDialog", "Tier"),
    "referrer": QT_TRANSLATE_NOOP("ImportDialog", "Referrer"),
    "purpose": QT_TRANSLATE_NOOP("ImportDialog", "Purpose"),
    "real_name_verified": QT_TRANSLATE_NOOP("ImportDialog", "Real-name verified"),
    "applied_at": QT_TRANSLATE_NOOP("ImportDialog", "Applied"),
    "purpose_step": QT_TRANSLATE_NOOP("ImportDialog", "Purpose question step"),
    "fee_paid": QT_TRANSLATE_NOOP("ImportDialog", "Entry fee paid (the fee step)"),
}
ACTION_NAMES = {
    "add": QT_TRANSLATE_NOOP("ImportDialog", "Add"),
    "update": QT_TRANSLATE_NOOP("ImportDialog", "Update"),
    "unchanged": QT_TRANSLATE_NOOP("ImportDialog", "Unchanged"),
    "problem": QT_TRANSLATE_NOOP("ImportDialog", "Problem"),
    "skipped": QT_TRANSLATE_NOOP("ImportDialog", "Skipped"),
    "planned": QT_TRANSLATE_NOOP("ImportDialog", "Check-ins"),
    "nothing": QT_TRANSLATE_NOOP("ImportDialog", "No check-in"),
}
CHECKINS = "checkins"  # the third kind: check-ins from a check-in export or a 打卡表
ANSWER_ON_NOTE = "survey_answer"  # a survey column's combo: its answers are kept on the note (no field of a mapping)
CHECKIN_ROW = QT_TRANSLATE_NOOP(
    "ImportDialog", "New: %1 (late: %2) · already there: %3 · leave days: %4 · leave already recorded: %5"
)
SKIP_REASONS = {
    "footer": QT_TRANSLATE_NOOP("ImportDialog", "footer below the table, not a person"),
    "header": QT_TRANSLATE_NOOP("ImportDialog", "the header row again, not a person"),
    "note": QT_TRANSLATE_NOOP("ImportDialog", "a note or section line among the rows, not a person"),
    "blank": QT_TRANSLATE_NOOP("ImportDialog", "blank row below the table"),
    "title": QT_TRANSLATE_NOOP("ImportDialog", "title above the header"),
    "example": QT_TRANSLATE_NOOP("ImportDialog", "example row of the template, not a person"),
    "order": QT_TRANSLATE_NOOP("ImportDialog", "refunded, cancelled or declined order or sign-up, not a member"),
    "repeat_order": QT_TRANSLATE_NOOP("ImportDialog", "another order of the same person"),
    "other_group": QT_TRANSLATE_NOOP("ImportDialog", "a member of another group in the file, not imported"),
    "staff": QT_TRANSLATE_NOOP("ImportDialog", "staff of the company, not a member: not imported"),
    "no_applicant": QT_TRANSLATE_NOOP("ImportDialog", "no name, WeChat ID or phone answered: nobody to add"),
}
FILLED_FROM = QT_TRANSLATE_NOOP("ImportDialog", "merged cells filled from above: %1")
RESUBMITTED = QT_TRANSLATE_NOOP("ImportDialog", "also submitted in row %1 (the latest answers win)")
PROBLEM_BACKGROUND = QColor("#FDE2E1")
PROBLEM_FOREGROUND = QColor("#991B1B")
WARNING_BACKGROUND = QColor("#FEF3C7")
WARNING_FOREGROUND = QColor("#92400E")
SKIPPED_FOREGROUND = QColor("#6B7280")
SAMPLE_ROWS = 3  # example values shown beside each column of the mapping
GROUP_TYPING_PAUSE_MS = 300


def _tr(source: str) -> str:
    return QCoreApplication.translate("ImportDialog", source)


def undo_text(result: Any) -> str:
    """What an import's undo (import_undo.ImportUndo) did, in the window's language: the counts taken back, the
    memberships removed, and each thing kept with why (the dialog's result and the Tools menu's undo say the same)."""
    text = _tr("The import of %1 was undone.").replace("%1", result.file)
    counts = (
        (_tr("check-ins"), result.checkins),
        (_tr("leave"), result.leaves),
        (_tr("entry steps"), result.steps),
        (_tr("tags"), result.tags),
        (_tr("values restored"), result.values),
    )
    taken = [f"{label} {number_text(n)}" for label, n in counts if n]
    if taken:
        text += " " + _tr("Taken back: %1.").replace("%1", ", ".join(taken))
    if result.removed_memberships:
        text += " " + _tr("Removed from the group: %1.").replace("%1", "、".join(result.removed_memberships))
    if result.kept:
        lines = [f"{k.who}: {localise_message(k.what)} — {localise_message(k.why)}" for k in result.kept]
        text += "\n" + _tr("Kept as they are:") + "\n" + "\n".join(lines)
    return text


def field_name(field: str) -> str:
    source = FIELD_NAMES.get(field)
    return _tr(source) if source else field


# ---------------------------------------------------------------------------------------------------
# Work done on the worker thread (no widgets here)
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preview:
    table: Table
    kind: str
    mapping: dict[int, str]
    plan: Any  # ImportPlan, or a CheckinPlan for check-ins
    group_exists: bool
    samples: tuple[tuple[int, list[object]], ...] = ()  # the first rows, for the mapping's examples


def preview_task(
    progress: Progress,
    *,
    database: Any,
    path: str,
    table: Table | None,
    kind: str,
    group_name: str,
    mapping: dict[int, str] | None,
    sheet: str | None = None,
    actor: Actor | None = None,
    month: str | None = None,
) -> Preview:
    """Read the file (unless already read) and plan it; kind "auto" picks applications for a survey export.
    Check-ins: read with the check-in header rule and planned against the existing group (which must exist)."""
    from desktop.io.survey import is_survey
    from desktop.io.tabular import read_table

    if kind == CHECKINS:
        if table is None:
            table = read_checkin_table(path, sheet=sheet, progress=progress)
        wanted = parse_month(month)
        with database.session() as session:
            plan = plan_checkin_import(
                session, existing_group(session, group_name), table, month=wanted, progress=progress
            )
            session.rollback()
        return Preview(table, kind, {}, plan, True, tuple(table.sample(SAMPLE_ROWS)))
    if table is None:
        table = read_table(path, sheet=sheet, progress=progress)
    if kind == "auto":
        kind = "applications" if is_survey(table) else "roster"
    with database.session() as session:
        try:
            group_id: int | None = group_id_by_name(session, group_name.strip()) if group_name.strip() else None
        except NotFound:
            group_id = None
        if kind == "roster":
            if mapping is None:
                mapping = suggest_mapping(session, table.headers, [values for _row, values in table.sample(50)])
            plan = plan_roster_import(
                session, group_id, table, mapping, progress=progress, actor=actor, group_name=group_name.strip() or None
            )
        else:
            plan = plan_applications_import(session, group_id, table, progress=progress, actor=actor)
            mapping = dict(plan.mapping)
        session.rollback()
    return Preview(table, kind, dict(mapping), plan, group_id is not None, tuple(table.sample(SAMPLE_ROWS)))


def import_task(
    progress: Progress,
    *,
    database: Any,
    actor: Actor,
    path: str,
    table: Table,
    kind: str,
    group_name: str,
    mapping: dict[int, str] | None,
    remember: bool,
    skip_problems: bool = False,
    month: str | None = None,
) -> tuple[Any, Any, bool]:
    if kind == CHECKINS:
        checkin_plan, checkin_summary = run_checkin_import(
            database,
            actor,
            path,
            group_name,
            month=month,
            skip_problems=skip_problems,
            table=table,
            progress=progress,
        )
        assert checkin_summary is not None
        return checkin_plan, checkin_summary, False
    plan, summary, created = run_import(
        database,
        actor,
        path,
        group_name,
        kind,
        progress=progress,
        mapping=mapping,
        remember=remember,
        table=table,
        skip_problems=skip_problems,
    )
    assert summary is not None
    return plan, summary, created


# ---------------------------------------------------------------------------------------------------
# The preview table: a model, so that 20,000 rows cost nothing to show
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewLine:
    row: int | None
    action: str  # add / update / unchanged / problem, or "skipped" (a footer or blank row below the table)
    name: str
    details: str
    warned: bool = False

    @property
    def is_problem(self) -> bool:
        return self.action == "problem"


def _problem_text(problem: ImportProblem) -> str:
    message = localise_message(problem.message)
    return f"{problem.column}: {message}" if problem.column else message


def _fills_by_row(plan: ImportPlan) -> dict[int, str]:
    """Row -> "城市 ← row 4, 入群时间 ← row 4": the cells a merged range filled in."""
    out: dict[int, list[str]] = {}
    for fill in plan.fills:
        header = plan.headers[fill.column] if fill.column < len(plan.headers) else str(fill.column + 1)
        out.setdefault(fill.row, []).append(f"{header} ← {fill.from_row}")
    return {row: _tr(FILLED_FROM).replace("%1", ", ".join(parts)) for row, parts in out.items()}


def checkin_lines(plan: CheckinPlan) -> list[PreviewLine]:
    """Every row of a check-in file with its outcome: the check-ins (new, late, already there) and leave days it
    brings, why it is skipped or what its problems are."""
    lines = [PreviewLine(p.row, "problem", "", _problem_text(p)) for p in plan.file_problems]
    for row in plan.rows:
        name = row.name + (f" = {row.member}" if row.member and row.member != row.name else "")
        if row.problems:
            details = "; ".join(_problem_text(p) for p in row.problems)
        elif row.outcome == "planned":
            details = _tr(CHECKIN_ROW)
            for i, n in enumerate((row.checkins, row.late, row.already, row.leave, row.leave_already), 1):
                details = details.replace(f"%{i}", number_text(n))
            if row.days:
                first, last = row.days[0], row.days[-1]
                details += f"; {first}" if first == last else f"; {first} … {last}"
            if row.note:  # a time the community's zone put on another day than written: said beside the counts
                details += f"; {localise_message(row.note)}"
        else:
            details = localise_message(row.note)
        if row.hidden:  # a row the sheet hides (a filter): imported like the others, and said so
            details = "; ".join(d for d in (details, localise_message(HIDDEN_ROW)) if d)
        lines.append(PreviewLine(row.row, row.outcome, name, details))
    return lines


def preview_lines(plan: ImportPlan, actor: Actor | None = None) -> list[PreviewLine]:
    """Every row of the plan with its action and what it changes — phones masked for an `actor` who may not see
    them (imports.row_as_shown)."""
    lines = [PreviewLine(p.row, "problem", "", _problem_text(problem_as_shown(p, actor))) for p in plan.file_problems]
    fills = _fills_by_row(plan)
    for row in plan.rows:
        row = row_as_shown(row, actor)
        parts: list[str] = []
        if row.problems:
            parts.append("; ".join(_problem_text(p) for p in row.problems))
        else:
            # an update lists its changes; an "add" of someone already in another group lists what it changes
            # in their stored details (a new person's values have nothing before them)
            changes = [c for c in row.changes if row.action == "update" or (row.action == "add" and c.before)]
            if changes:
                parts.append(
                    "; ".join(f"{field_name(c.field)}: {_short(c.before) or '—'} → {_short(c.after)}" for c in changes)
                )
        if len(row.rows) > 1:
            earlier = ", ".join(str(r) for r in row.rows if r != row.row)
            parts.append(_tr(RESUBMITTED).replace("%1", earlier))
        for warning in row.warnings:
            message = localise_message(warning.message)
            if warning.value and warning.value not in message:
                message = f"“{warning.value}”: {message}"
            parts.append(f"{warning.column}: {message}" if warning.column else message)
        if row.row in fills:
            parts.append(fills[row.row])
        lines.append(PreviewLine(row.row, row.action, row.name, "; ".join(parts), bool(row.warnings)))
    for skipped in plan.skipped:
        if skipped.reason != "title":  # title rows are counted in the summary, not listed
            reason = _tr(SKIP_REASONS.get(skipped.reason, skipped.reason))
            lines.append(PreviewLine(skipped.row, "skipped", skipped.text or "", reason))
    return lines


def _short(text: str | None, limit: int = 60) -> str:
    if text is None:
        return ""
    text = text.replace("\n", " / ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PreviewModel(QAbstractTableModel):
    COL_ROW, COL_ACTION, COL_NAME, COL_DETAILS = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("ImportDialog", "Row"),
        QT_TRANSLATE_NOOP("ImportDialog", "Action"),
        QT_TRANSLATE_NOOP("ImportDialog", "Name"),
        QT_TRANSLATE_NOOP("ImportDialog", "Changes or problems"),
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._all: list[PreviewLine] = []
        self._lines: list[PreviewLine] = []
        self._problems_only = False

    def set_lines(self, lines: list[PreviewLine]) -> None:
        self.beginResetModel()
        self._all = lines
        self._lines = [line for line in lines if line.is_problem] if self._problems_only else lines
        self.endResetModel()

    def set_problems_only(self, on: bool) -> None:
        self._problems_only = on
        self.set_lines(self._all)

    def line(self, index: int) -> PreviewLine:
        return self._lines[index]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_ROW:
                return "" if line.row is None else str(line.row)
            if column == self.COL_ACTION:
                return _tr(ACTION_NAMES[line.action])
            if column == self.COL_NAME:
                return line.name
            return line.details
        if role == Qt.ItemDataRole.BackgroundRole and line.is_problem:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and line.is_problem:
            return QBrush(PROBLEM_FOREGROUND)
        if role == Qt.ItemDataRole.BackgroundRole and line.warned:
            return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and line.warned:
            return QBrush(WARNING_FOREGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and line.action == "skipped":
            return QBrush(SKIPPED_FOREGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# ---------------------------------------------------------------------------------------------------
# The dialog
# ---------------------------------------------------------------------------------------------------


class ImportDialog(QDialog):
    """Import people into a group. `set_file(path)` is what the Browse button does (tests call it)."""

    preview_ready = Signal(object)  # the ImportPlan shown
    import_finished = Signal(object)  # the ImportSummary
    import_undone = Signal(object)  # the import_undo.ImportUndo

    KIND_AUTO = "auto"

    def __init__(
        self,
        database: Any,
        actor: Actor,
        group_id: int | None = None,
        parent: QWidget | None = None,
        runner: Any | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self._database = database
        self._actor = actor
        self._path: str | None = None
        self._sheet: str | None = None  # None: the sheet with the member table
        self._table: Table | None = None
        self._mapping: dict[int, str] | None = None  # None: ask the service (remembered or automatic)
        self._mapping_edited = False
        self._kind_chosen = False
        self._table_for_checkins = False  # self._table was read with the check-in header rule
        self._pending: str | None = None  # "preview" asked for while a task was running
        self._job: str | None = None  # "preview" | "import"
        self.plan: ImportPlan | None = None
        self.summary: ImportSummary | None = None
        self.group_created = False

        self._group_timer = QTimer(self)  # typing a group name re-plans once the typing pauses
        self._group_timer.setSingleShot(True)
        self._group_timer.setInterval(GROUP_TYPING_PAUSE_MS)
        self._group_timer.timeout.connect(self._request_preview)
        self.runner = runner or TaskRunner(self, show_dialog=False)  # the dialog shows its own progress
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)

        with database.session() as session:
            groups = [(g.id, g.name) for g in list_groups(session)]
        self._build(groups, group_id)
        self.setWindowTitle(self.tr("Import people"))

    # ---- building ----
    def _build(self, groups: list[tuple[int, str]], group_id: int | None) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Choose an .xlsx or .csv file"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Roster (members)"), "roster")
        self.kind_combo.addItem(self.tr("Applications (survey export)"), "applications")
        self.kind_combo.addItem(self.tr("Check-ins (export or 打卡表)"), CHECKINS)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)

        self.group_combo = QComboBox()
        self.group_combo.setEditable(True)
        self.group_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for gid, name in groups:
            self.group_combo.addItem(name, gid)
        index = self.group_combo.findData(group_id) if group_id is not None else -1
        self.group_combo.setCurrentIndex(max(index, 0) if groups else -1)
        self.group_combo.lineEdit().setPlaceholderText(self.tr("Group name (a new name creates the group)"))
        self.group_combo.currentTextChanged.connect(self._on_group_changed)

        self.sheet_combo = QComboBox()
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_combo.activated.connect(self._on_sheet_chosen)
        self.sheet_hint = QLabel(self.tr("The sheet with the member table is chosen; pick another if it is wrong."))
        self.sheet_hint.setObjectName("hint")
        self.sheet_hint.setWordWrap(True)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addWidget(self.sheet_hint, 1)
        self.sheet_row = QWidget()
        self.sheet_row.setLayout(sheet_row)
        sheet_row.setContentsMargins(0, 0, 0, 0)

        # check-ins: the month of day columns written 1 2 3 … or without a year (CLI --month)
        self.month_edit = QLineEdit()
        self.month_edit.setObjectName("checkinMonth")
        self.month_edit.setPlaceholderText(self.tr("YYYY-MM, when the day columns are 1 2 3 … or have no year"))
        self.month_edit.textChanged.connect(self._on_group_changed)  # re-plans once the typing pauses

        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Sheet:"), self.sheet_row)
        form.addRow(self.tr("Import as:"), self.kind_combo)
        form.addRow(self.tr("Into group:"), self.group_combo)
        form.addRow(self.tr("Month:"), self.month_edit)
        self._form = form
        form.setRowVisible(self.sheet_row, False)
        form.setRowVisible(self.month_edit, False)

        mapping_title = QLabel(self.tr("Columns"))
        mapping_title.setObjectName("sectionTitle")
        self.mapping_title = mapping_title
        self.mapping_hint = QLabel(self.tr("Check what each column holds; correct it where the guess is wrong."))
        self.mapping_hint.setObjectName("hint")
        self.mapping_hint.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Example"), self.tr("Imports as")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        preview_title = QLabel(self.tr("Preview"))
        preview_title.setObjectName("sectionTitle")
        self.summary_label = QLabel(self.tr("Choose a file to see what will be imported."))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_only_check = QCheckBox(self.tr("Only rows with problems"))
        self.problems_only_check.toggled.connect(self._on_problems_only)
        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_view.setWordWrap(False)
        view_header = self.preview_view.horizontalHeader()
        view_header.setSectionResizeMode(PreviewModel.COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        view_header.resizeSection(PreviewModel.COL_ROW, 56)
        view_header.resizeSection(PreviewModel.COL_ACTION, 100)
        view_header.resizeSection(PreviewModel.COL_NAME, 170)
        # a file whose only problems are some rows': the user may leave those rows out and import the rest
        self.skip_problems_check = QCheckBox()
        self.skip_problems_check.setObjectName("skipProblems")
        self.skip_problems_check.hide()
        self.skip_problems_check.toggled.connect(self._update_import_button)
        self.notes_label = QLabel()
        self.notes_label.setObjectName("hint")
        self.notes_label.setWordWrap(True)
        self.notes_label.hide()
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_label, 1)
        summary_row.addWidget(self.problems_only_check)

        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.runner.cancel)
        # after an import: take it back (import_undo) — the import into the wrong group, seen in the result
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.setObjectName("undoImportButton")
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_import)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primaryButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_bar, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(mapping_title)
        layout.addWidget(self.mapping_hint)
        layout.addWidget(self.mapping_table, 2)
        layout.addWidget(preview_title)
        layout.addLayout(summary_row)
        layout.addWidget(self.skip_problems_check)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.preview_view, 3)
        layout.addLayout(buttons)
        resize_to_fit(self, 980, 780)

    # ---- user actions ----
    @Slot()
    def browse(self) -> None:
        path, _filter = file_dialogs.get_open_file_name(
            self,
            self.tr("Choose a file to import"),
            str(Path(self._path).parent) if self._path else "",
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.et *.ods *.csv *.tsv *.txt);;All files (*)"),
        )
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        """Read and preview `path` (the kind follows the file unless the user chose one)."""
        self._path = str(path)
        self._sheet = None
        self._table = None
        self._mapping = None
        self._mapping_edited = False
        # "Undo this import" beside the preview of another file read as undoing that file: the import just made
        # stays undoable from Tools → 撤销上一次导入
        self.undo_button.hide()
        self.path_edit.setText(self._path)
        self._request_preview()

    def group_name(self) -> str:
        return self.group_combo.currentText().strip()

    def choose_sheet(self, name: str) -> None:
        """Read another sheet of the workbook, as the user does with the sheet combo."""
        index = self.sheet_combo.findText(name)
        if index >= 0:
            self.sheet_combo.setCurrentIndex(index)
            self._on_sheet_chosen(index)

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def mapping_combo(self, column: int) -> QComboBox:
        widget = self.mapping_table.cellWidget(column, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def current_mapping(self) -> dict[int, str]:
        mapping = {}
        for column in range(self.mapping_table.rowCount()):
            field = self.mapping_combo(column).currentData()
            if field and field != ANSWER_ON_NOTE:
                mapping[column] = str(field)
        return mapping

    def set_column_field(self, column: int, field: str | None) -> None:
        """Choose what a column imports as (None: not imported), as the user does with the combo."""
        combo = self.mapping_combo(column)
        combo.setCurrentIndex(max(combo.findData(field), 0))

    def month(self) -> str | None:
        return self.month_edit.text().strip() or None

    def _skippable(self, plan: Any) -> bool:
        return plan.skippable if isinstance(plan, CheckinPlan) else skippable(plan)

    @Slot()
    def _can_import(self) -> bool:
        plan = self.plan
        if plan is None:
            return False
        return plan.ok or (self.skip_problems_check.isChecked() and self._skippable(plan))

    @Slot()
    def _update_import_button(self) -> None:
        self.import_button.setEnabled(self._can_import() and bool(self.group_name()) and not self.runner.running)

    def start_import(self) -> None:
        if not self._can_import() or self._table is None or self._path is None:
            return
        if self.runner.running:
            return
        if not self.group_name():
            self.summary_label.setText(self.tr("Enter the group to import into."))
            return
        kind = self.kind()
        self._job = "import"
        self._set_working(True, self.tr("Importing…"))
        self.runner.start(
            import_task,
            database=self._database,
            actor=self._actor,
            path=self._path,
            table=self._table,
            kind=kind,
            group_name=self.group_name(),
            mapping=self.current_mapping() if kind == "roster" else None,
            remember=kind == "roster" and self._mapping_edited,
            skip_problems=not self.plan.ok and self.skip_problems_check.isChecked(),
            month=self.month() if kind == CHECKINS else None,
        )

    def undo_import(self) -> None:
        """The import just made, taken back (import_undo.undo_last_import, off the UI thread): only its own rows and
        values; what was recorded since is kept and listed."""
        summary = self.summary
        if summary is None or summary.undo_id is None or self.runner.running:
            return
        self._job = "undo"
        self._set_working(True, self.tr("Undoing the import…"))
        self.runner.start(
            undo_task, database=self._database, actor=self._actor, group_id=summary.group_id, run_id=summary.undo_id
        )

    # ---- reacting to changes ----
    @Slot(int)
    def _on_kind_changed(self, _index: int) -> None:
        self._kind_chosen = True
        self._mapping = None
        self._mapping_edited = False
        checkins = self.kind() == CHECKINS
        if self._table is not None and checkins != self._table_for_checkins:
            self._table = None  # check-in files find their header by another rule: read the file again
        self._show_kind(checkins)
        self._request_preview()

    def _show_kind(self, checkins: bool) -> None:
        """Check-ins have no column mapping (the layout is found from the header) and a month field."""
        self._form.setRowVisible(self.month_edit, checkins)
        self.group_combo.lineEdit().setPlaceholderText(
            self.tr("Group name (it must exist: check-ins belong to its members)")
            if checkins
            else self.tr("Group name (a new name creates the group)")
        )
        for widget in (self.mapping_title, self.mapping_hint, self.mapping_table):
            widget.setVisible(not checkins)

    @Slot(int)
    def _on_sheet_chosen(self, index: int) -> None:
        name = self.sheet_combo.itemText(index)
        if not name or (self._table is not None and name == self._table.sheet):
            return
        self._sheet = name
        self._table = None
        self._mapping = None
        self._mapping_edited = False
        self._request_preview()

    @Slot(str)
    def _on_group_changed(self, _text: str) -> None:
        self.import_button.setEnabled(False)
        self._group_timer.start()

    @Slot(int)
    def _on_mapping_changed(self, _index: int) -> None:
        self._mapping_edited = True
        self._mapping = self.current_mapping()
        self._request_preview()

    @Slot(bool)
    def _on_problems_only(self, on: bool) -> None:
        self.preview_model.set_problems_only(on)

    @Slot()
    def _request_preview(self) -> None:
        self._group_timer.stop()
        if self._path is None:
            return
        self.import_button.setEnabled(False)
        if self.runner.running:
            self._pending = "preview"
            return
        self._pending = None
        self._job = "preview"
        self._set_working(True, self.tr("Reading the file…") if self._table is None else self.tr("Checking rows…"))
        kind = self.kind() if self._kind_chosen else self.KIND_AUTO
        self.runner.start(
            preview_task,
            database=self._database,
            path=self._path,
            table=self._table,
            kind=kind,
            group_name=self.group_name(),
            mapping=self._mapping,
            sheet=self._sheet,
            actor=self._actor,
            month=self.month() if kind == CHECKINS else None,
        )

    # ---- showing results ----
    def _fill_mapping(self, preview: Preview) -> None:
        table = preview.table
        self.mapping_table.setRowCount(len(table.headers))
        editable = preview.kind == "roster"
        self.mapping_hint.setText(
            self.tr("Check what each column holds; correct it where the guess is wrong.")
            if editable
            else self.tr("Survey questions are recognised by their wording; every other answer is kept on the note.")
        )
        for column, header in enumerate(table.headers):
            samples = [clean_text(values[column]) for _row, values in preview.samples if column < len(values)]
            self.mapping_table.setItem(column, 0, QTableWidgetItem(header or self.tr("(no header)")))
            self.mapping_table.setItem(column, 1, QTableWidgetItem(", ".join(s for s in samples if s)))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            fields = IMPORT_FIELDS if editable else tuple(dict.fromkeys(preview.mapping.values()))
            for field in fields:
                combo.addItem(field_name(field), field)
            answers = getattr(preview.plan, "answer_columns", ())
            if not editable and column in answers and column not in preview.mapping:
                # a survey answer is kept on the note: "(not imported)" told the organiser it was dropped
                combo.addItem(self.tr("Note (survey answer)"), ANSWER_ON_NOTE)
                combo.setCurrentIndex(combo.count() - 1)
            else:
                combo.setCurrentIndex(max(combo.findData(preview.mapping.get(column)), 0))
            combo.setEnabled(editable)
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            self.mapping_table.setCellWidget(column, 2, combo)

    def _show_checkin_plan(self, plan: CheckinPlan) -> None:
        self.plan = plan
        self.preview_model.set_lines(checkin_lines(plan))
        text = self.tr("Check-ins to log: %1 · already there: %2 · leave days to record: %3")
        for i, n in enumerate((plan.count("checkins"), plan.count("already"), plan.count("leave")), 1):
            text = text.replace(f"%{i}", number_text(n))
        problems = len(plan.problems)
        if problems:
            text = self.tr("%n problem(s): fix the file and choose it again. %2", "", problems).replace("%2", text)
        self.summary_label.setText(text)
        self.summary_label.setProperty("error", bool(problems))
        self.skip_problems_check.setVisible(plan.skippable)
        self.skip_problems_check.setText(
            self.tr("Leave out the %n row(s) with problems and import the others", "", plan.problem_rows)
        )
        if not plan.skippable:
            self.skip_problems_check.setChecked(False)
        notes = []
        if plan.camp_start is not None:  # 第1天 … dated by the group's first day: which day that is, said
            notes.append(
                self.tr("Camp days counted from the camp's first day, %1.").replace("%1", str(plan.camp_start))
            )
        if plan.days:
            shown = ", ".join(f"{column} = {day}" for column, day in plan.days[:40])
            notes.append(self.tr("Days read: %1").replace("%1", shown + (" …" if len(plan.days) > 40 else "")))
        if plan.skipped_columns:
            notes.append(
                self.tr("Columns not used: %1").replace("%1", ", ".join(c for c, _why in plan.skipped_columns))
            )
        if plan.other_sheets:
            notes.append(
                self.tr(
                    "Other sheets that are check-in tables too, not read now: %1 (choose each sheet to import it)"
                ).replace("%1", ", ".join(plan.other_sheets))
            )
        if plan.hidden_columns:  # day columns the sheet hides: read like the others, and said
            notes.append(
                self.tr("Columns hidden in the sheet, read too: %1").replace("%1", ", ".join(plan.hidden_columns))
            )
        self.notes_label.setText(" ".join(notes))
        self.notes_label.setVisible(bool(notes))
        self._update_import_button()

    def _show_plan(self, plan: Any, group_exists: bool) -> None:
        if isinstance(plan, CheckinPlan):
            self._show_checkin_plan(plan)
            return
        self.plan = plan
        self.preview_model.set_lines(preview_lines(plan, self._actor))
        parts = [
            self.tr("%1 to add").replace("%1", number_text(plan.added)),
            self.tr("%1 to update").replace("%1", number_text(plan.updated)),
            self.tr("%1 unchanged").replace("%1", number_text(plan.unchanged)),
        ]
        text = ", ".join(parts)
        problems = len(plan.problems)
        if problems:
            text = self.tr(
                "%n problem(s): fix the file (or the column mapping) and choose it again. %2", "", problems
            ).replace("%2", ", ".join(parts))
        elif not group_exists and self.group_name():
            text += " " + self.tr("— the group “%1” will be created.").replace("%1", self.group_name())
        self.summary_label.setText(text)
        self.summary_label.setProperty("error", bool(problems))
        rows = plan.problem
        self.skip_problems_check.setVisible(skippable(plan))
        self.skip_problems_check.setText(
            self.tr("Leave out the %n row(s) with problems and import the others", "", rows)
        )
        if not skippable(plan):
            self.skip_problems_check.setChecked(False)
        self._update_import_button()
        self._show_notes(plan)

    def _show_notes(self, plan: ImportPlan) -> None:
        """What the reader did besides the rows: the sheet, skipped rows, merged fills, warnings."""
        notes = []
        if len(plan.sheets) > 1 and plan.sheet:
            notes.append(self.tr("Sheet “%1” of %2.").replace("%1", plan.sheet).replace("%2", str(len(plan.sheets))))
        titles = sum(1 for s in plan.skipped if s.reason == "title")
        # counted in full: the list at the end names the first rows only (a file of 20 groups' rows)
        orders = plan.left_out_count("order", "repeat_order")
        others = plan.left_out_count("other_group")
        staff = plan.left_out_count("staff")
        among = sum(1 for s in plan.skipped if s.reason in ("header", "note"))
        below = sum(
            1
            for s in plan.skipped
            if s.reason not in ("title", "order", "repeat_order", "other_group", "staff", "header", "note")
        )
        if titles:
            notes.append(self.tr("%n title row(s) above the header skipped.", "", titles))
        if among:
            notes.append(
                self.tr(
                    "%n repeated header, note or section row(s) among the rows skipped (listed at the end).", "", among
                )
            )
        if below:
            notes.append(self.tr("%n footer or blank row(s) below the table skipped (listed at the end).", "", below))
        if plan.hidden_columns:
            notes.append(
                self.tr(
                    "Columns hidden in the sheet are imported too: %1 (set them to “not imported” above if they"
                    " should not be)."
                ).replace("%1", ", ".join(plan.hidden_columns))
            )
        if orders:
            notes.append(
                self.tr(
                    "%n order or sign-up row(s) skipped: refunded, cancelled or declined, or another order of someone"
                    " above (listed at the end).",
                    "",
                    orders,
                )
            )
        if others:
            notes.append(self.tr("%n row(s) of other groups in the file skipped (listed at the end).", "", others))
        if staff:
            notes.append(
                self.tr("%n row(s) of the company's own staff skipped: not members (listed at the end).", "", staff)
            )
        if plan.fill_count:
            notes.append(self.tr("%n merged cell(s) filled from the row above.", "", plan.fill_count))
        if plan.name_from:
            notes.append(self.tr("No name column: the name is the group nickname, else the WeChat nickname."))
        if plan.other_roster:
            notes.append(
                self.tr(
                    "This is the roster of “%1”, another group: its join and leaving dates are not read — new members"
                    " join on the day of the import, people already here get only their own details updated, and"
                    " %1's former members are not imported."
                ).replace("%1", plan.other_roster)
            )
        if plan.not_in_file_count:  # a row deleted in Excel removes nobody: said, with the first names
            names = "、".join(plan.not_in_file) + ("…" if plan.not_in_file_count > len(plan.not_in_file) else "")
            notes.append(
                self.tr(
                    "%n member(s) of this group are not in the file: left as they are (an import never removes"
                    " anyone): %1",
                    "",
                    plan.not_in_file_count,
                ).replace("%1", names)
            )
        if plan.warning_count:
            notes.append(
                self.tr("%n row(s) with warnings (shown in amber); they are imported.", "", plan.warning_count)
            )
        if not plan.complete:
            notes.append(
                self.tr("A big file: the preview lists the first rows and every row with a problem or warning.")
            )
        self.notes_label.setText(" ".join(notes))
        self.notes_label.setVisible(bool(notes))

    def _fill_sheets(self, table: Table) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(table.sheets))
        if table.sheet:
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findText(table.sheet), 0))
        self.sheet_combo.blockSignals(False)
        self._form.setRowVisible(self.sheet_row, len(table.sheets) > 1)

    # ---- runner ----
    def _set_working(self, working: bool, text: str = "") -> None:
        self.progress_bar.setVisible(working)
        self.cancel_button.setVisible(working)
        self.browse_button.setEnabled(not working)
        self.kind_combo.setEnabled(not working)
        self.sheet_combo.setEnabled(not working)
        self.group_combo.setEnabled(not working)
        self.mapping_table.setEnabled(not working)
        self.undo_button.setEnabled(not working)
        if working:
            self.import_button.setEnabled(False)
            self.progress_bar.setRange(0, 0)  # busy until the first progress report
            if text:
                self.summary_label.setText(text)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        job, self._job = self._job, None
        self._set_working(False)
        if job == "preview":
            preview: Preview = result
            self._table = preview.table
            self._table_for_checkins = preview.kind == CHECKINS
            self._fill_sheets(preview.table)
            if not self._kind_chosen or self.kind() != preview.kind:
                self.kind_combo.blockSignals(True)
                self.kind_combo.setCurrentIndex(self.kind_combo.findData(preview.kind))
                self.kind_combo.blockSignals(False)
            if preview.kind == CHECKINS:
                self._show_kind(True)
            elif self._mapping is None or preview.kind != "roster":
                self._fill_mapping(preview)
            self._mapping = dict(preview.mapping) if preview.kind == "roster" else None
            self._show_plan(preview.plan, preview.group_exists)
            if self._pending:
                self._request_preview()
                return
            self.preview_ready.emit(preview.plan)
            return
        if job == "undo":
            self.undo_button.hide()
            self.summary_label.setText(undo_text(result))
            self.summary_label.setProperty("error", False)
            announce(self._database, ("members", "groups", "taxonomy", "participation"), self)  # the task committed
            self.import_undone.emit(result)
            return
        plan, summary, created = result
        if isinstance(summary, CheckinSummary):
            self._checkins_done(plan, summary)
            return
        self.summary, self.group_created = summary, created
        self.plan = plan
        self.preview_model.set_lines(preview_lines(plan, self._actor))
        text = self.tr("Imported: %1 added, %2 updated, %3 unchanged.")
        text = text.replace("%1", number_text(summary.added)).replace("%2", number_text(summary.updated))
        text = text.replace("%3", number_text(summary.unchanged))
        if summary.skipped:
            text += " " + self.tr("%n row(s) with problems left out (listed below).", "", summary.skipped)
        if summary.unlinked:
            text += " " + self.tr("%n referrer(s) not set: they named a row that was left out.", "", summary.unlinked)
        self.skip_problems_check.hide()
        if created:
            text += " " + self.tr("The group “%1” was created.").replace("%1", self.group_name())
        self.summary_label.setText(text)
        self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Done"))
        self.undo_button.setVisible(summary.undo_id is not None)
        announce(self._database, ("members", "groups", "taxonomy", "participation"), self)  # the task committed
        self.import_finished.emit(summary)

    def _checkins_done(self, plan: CheckinPlan, summary: CheckinSummary) -> None:
        self.summary, self.plan = summary, plan
        self.preview_model.set_lines(checkin_lines(plan))
        text = self.tr("Imported. Check-ins logged: %1 · already there: %2 · leave days recorded: %3.")
        for i, n in enumerate((summary.logged, summary.already, summary.leave_days), 1):
            text = text.replace(f"%{i}", number_text(n))
        if summary.left_out:
            text += " " + self.tr("%n row(s) with problems left out (listed below).", "", summary.left_out)
        self.skip_problems_check.hide()
        self.summary_label.setText(text)
        self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Done"))
        self.undo_button.setVisible(summary.undo_id is not None)
        announce(self._database, ("participation",), self)  # the task committed
        self.import_finished.emit(summary)

    def _failure_text(self, error: Exception) -> str:
        """A refused file in the window's language, naming the file (and the row): the English half of an
        ImportProblem's message leaves the file name out."""
        if not isinstance(error, ImportProblem):
            return localise_message(str(error))
        message = localise_message(error.message)
        if error.row is not None:
            return (
                self.tr("%1, row %2: %3").replace("%1", error.file).replace("%2", str(error.row)).replace("%3", message)
            )
        return f"{error.file}: {message}"

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        job, self._job = self._job, None
        self._set_working(False)
        error = getattr(self.runner, "error", None)
        if isinstance(error, ImportFailed | CheckinImportFailed):
            self._show_plan(error.plan, True)
        elif isinstance(error, QunDeskError | DatabaseError):
            self.plan = None
            if job == "preview":
                self._table = None
                self.mapping_table.setRowCount(0)
                self.preview_model.set_lines([])
            self.summary_label.setText(self._failure_text(error))
            self.summary_label.setProperty("error", True)
        else:  # a bug: the traceback goes to the one exception dialog
            self.summary_label.setText(self.tr("Something went wrong: %1").replace("%1", message.splitlines()[-1]))
            if error is not None:
                sys.excepthook(type(error), error, error.__traceback__)
        self.import_button.setEnabled(False)
        if self._pending and job == "preview":
            self._request_preview()

    @Slot()
    def _on_cancelled(self) -> None:
        job, self._job = self._job, None
        self._set_working(False)
        self._pending = None
        if job == "import":
            self.summary_label.setText(self.tr("Import cancelled. Nothing was written."))
            self._update_import_button()
        elif job == "undo":
            self.summary_label.setText(self.tr("Undo cancelled. Nothing was changed."))
        else:
            self.summary_label.setText(self.tr("Cancelled."))

    # ---- closing while working: cancel first, never leave a thread behind ----
    def reject(self) -> None:
        if self.runner.running:
            self._pending = None
            self.runner.cancel()
            self.runner.wait()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.running:
            self._pending = None
            self.runner.cancel()
            event.ignore()
            return
        super().closeEvent(event)
