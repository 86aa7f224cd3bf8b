"""ActivitiesPage: a group's activities by month with their attendance (tick who attended, set a status
or role, mark every registered member as attended, or paste a sign-up chain), and quick forms for
contributions and violations with the recent ones listed (removing one writes reversing ledger entries).
Reads through desktop.services.activities_queries, writes through desktop.services.participation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError, ValidationError
from desktop.services.activities_queries import (
    ActivityRow,
    attendance_sheet,
    list_activities,
    member_choices,
    recent_contributions,
    recent_violations,
    violation_choices,
    violations_within,
)
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.participation import (
    add_contribution,
    add_violation,
    delete_activity,
    remove_contribution,
    remove_place,
    remove_violation,
    set_attendance,
)
from desktop.settings import rules_at
from models import clock
from models.base import ATTENDANCE_ROLES, ATTENDANCE_STATUSES, CONTRIBUTION_KINDS, VIOLATION_ACTIONS, VIOLATION_KINDS
from ui.dialogs.activity_dialog import ActivityDialog
from ui.dialogs.attendance_paste_dialog import AttendancePasteDialog, PasteOutcome
from ui.messages import localise_message, show_error
from ui.models.participation_models import (
    ATT_ATTENDED,
    ATT_NAME,
    ATT_ROLE,
    ATT_STATUS,
    COL_TITLE,
    ActivityTableModel,
    AttendanceTableModel,
    ContributionTableModel,
    ViolationTableModel,
    attendance_role_label,
    attendance_status_label,
    contribution_kind_label,
    edition_text,
    violation_action_label,
    violation_kind_label,
)
from ui.models.row_table_model import RowRole
from ui.operations import form_errors, run_write
from ui.pages.group_page import GroupPage
from ui.pickers import MemberPicker, MonthPicker
from ui.qdates import today_qdate
from ui.widgets.tables import make_table

Index = QModelIndex | QPersistentModelIndex

PARTICIPATION_CHANGES = ("participation", "points")  # attendance, contributions and violations earn or cost points

FLAG_STYLE = (
    "QLabel#flagBanner { background: #FEF2F2; border: 1px solid #FCA5A5; border-radius: 6px; color: #B91C1C;"
    " font-weight: bold; padding: 8px 10px; }"
)
DONE_STYLE = "QLabel#doneLabel { color: #15803D; }"


class CodeComboDelegate(QStyledItemDelegate):
    """A combo box of (code, label) for one column; the choice is written as soon as it is picked."""

    def __init__(self, options: Callable[[], list[tuple[str, str]]], parent: QObject | None = None):
        super().__init__(parent)
        self._options = options

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for code, label in self._options():
            combo.addItem(label, code)
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AttendanceFilter(QSortFilterProxyModel):
    """Name filter and "signed up only" over the attendance sheet (one group's members: a few hundred rows)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._text = ""
        self._signed_up_only = False

    def set_filter(self, text: str, signed_up_only: bool) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self._signed_up_only = signed_up_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row = model.row_at(source_row) if isinstance(model, AttendanceTableModel) else None
        if row is None:
            return True
        if self._signed_up_only and not row.status:
            return False
        if self._text:
            hay = " ".join(x for x in (row.display_name, row.nickname) if x).casefold()
            return self._text in hay
        return True


class ActivitiesPage(GroupPage):
    data_changed = Signal()  # new members were added from a pasted chain

    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(database, actor, parent)
        self.setObjectName("activitiesPage")
        self._activity_id: int | None = None
        # hooks tests replace instead of driving message boxes
        self.confirm_remove: Callable[[str], bool] = self._ask_remove
        self.active_dialog: QWidget | None = None
        self.activity_model = ActivityTableModel(self)
        self.attendance_model = AttendanceTableModel(self)
        self.attendance_model.writer = self._write_attendance
        self.attendance_model.dataChanged.connect(lambda *_: self._update_attendance_counts())
        self.attendance_model.editable = allowed(actor, "record_participation")
        self.attendance_proxy = AttendanceFilter(self)
        self.attendance_proxy.setSourceModel(self.attendance_model)
        self.contribution_model = ContributionTableModel(self)
        self.violation_model = ViolationTableModel(self)
        # what people typed (names, titles, notes) as this operator may see it: an assistant reads a phone written
        # into it masked (names_shown_to), as a team server's views show it to their login
        self._shown = names_shown_to(actor)
        for model in (self.activity_model, self.attendance_model, self.contribution_model, self.violation_model):
            model.show_text_with(self._shown)
        self._build()
        for picker in (self.contribution_picker, self.violation_picker):
            picker.shown = self._shown

    # ---- building ----
    def _build(self) -> None:
        self.empty_label = QLabel(self.tr("Choose a group on the left to see its activities."))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("activitiesTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_activities_tab(), self.tr("Activities"))
        self.tabs.addTab(self._build_records_tab(), self.tr("Contributions && violations"))

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 12)
        layout.addWidget(self.stack)

    def _build_activities_tab(self) -> QWidget:
        self.month_picker = MonthPicker()
        self.month_picker.month_changed.connect(lambda _y, _m: self.reload_activities())
        self.new_button = QPushButton(self.tr("New activity"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.setToolTip(self.tr("New activity (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_activity)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete an activity entered by mistake (its points are reversed)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        bar = QHBoxLayout()
        bar.addWidget(self.month_picker)
        bar.addSpacing(8)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.new_button)

        self.activity_table = make_table("activityTable")
        self.activity_table.setModel(self.activity_model)
        self.activity_table.setSortingEnabled(True)
        self.activity_table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        # the title takes what the other columns leave: no horizontal scrolling at 1280 wide
        self.activity_table.horizontalHeader().setStretchLastSection(False)
        self.activity_table.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.activity_table.selectionModel().currentRowChanged.connect(self._on_activity_changed)
        self.activity_table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.activity_empty = QLabel(self.activity_table.viewport())
        self.activity_empty.setObjectName("emptyState")
        self.activity_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.activity_empty.setWordWrap(True)
        self.activity_empty.hide()
        self.activity_table.viewport().installEventFilter(self)

        # attendance of the selected activity
        self.attendance_title = QLabel()
        self.attendance_title.setObjectName("sectionTitle")
        font = self.attendance_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.attendance_title.setFont(font)
        self.attendance_counts = QLabel()
        self.attendance_counts.setObjectName("countLabel")
        self.attendance_search = QLineEdit()
        self.attendance_search.setObjectName("searchBox")
        self.attendance_search.setClearButtonEnabled(True)
        self.attendance_search.setPlaceholderText(self.tr("Find a member"))
        self.attendance_search.setMinimumWidth(200)
        self.attendance_search.setMaximumWidth(260)
        self.signed_up_check = QCheckBox(self.tr("Signed up only"))
        self.attendance_search.textChanged.connect(self._apply_attendance_filter)
        self.signed_up_check.toggled.connect(self._apply_attendance_filter)
        self.mark_all_button = QPushButton(self.tr("Mark all registered as attended"))
        self.mark_all_button.clicked.connect(self.mark_all_attended)
        self.paste_button = QPushButton(self.tr("Paste sign-up chain…"))
        self.paste_button.setToolTip(self.tr("Paste a WeChat 接龙 chain of sign-ups (Ctrl+Shift+V)"))
        self.paste_button.clicked.connect(self.open_paste_dialog)
        head = QHBoxLayout()
        head.addWidget(self.attendance_title, 1)
        head.addWidget(self.attendance_counts)
        tools = QHBoxLayout()
        tools.addWidget(self.attendance_search)
        tools.addWidget(self.signed_up_check)
        tools.addStretch(1)
        tools.addWidget(self.mark_all_button)
        tools.addWidget(self.paste_button)

        self.attendance_table = make_table("attendanceTable")
        self.attendance_table.setModel(self.attendance_proxy)
        self.attendance_table.setEditTriggers(
            QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.attendance_table.setItemDelegateForColumn(
            ATT_STATUS,
            CodeComboDelegate(
                lambda: (
                    [(s, attendance_status_label(s)) for s in ATTENDANCE_STATUSES]
                    + [("", self.tr("— Not on the list"))]
                ),
                self,
            ),
        )
        self.attendance_table.setItemDelegateForColumn(
            ATT_ROLE, CodeComboDelegate(lambda: [(r, attendance_role_label(r)) for r in ATTENDANCE_ROLES], self)
        )
        header = self.attendance_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ATT_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((ATT_ATTENDED, 90), (ATT_STATUS, 130), (ATT_ROLE, 130)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.attendance_table.setColumnWidth(col, width)
        self.attendance_table.installEventFilter(self)
        self.attendance_hint = QLabel(
            self.tr("Space ticks “attended” for the selected member; double-click a status or role to change it.")
        )
        self.attendance_hint.setObjectName("hint")
        self.attendance_note = QLabel()  # what the service recorded when it differs from the choice (on leave)
        self.attendance_note.setObjectName("countLabel")
        self.attendance_note.setWordWrap(True)
        self.attendance_note.hide()

        panel = QWidget()
        pl = QVBoxLayout(panel)
        pl.setContentsMargins(0, 6, 0, 0)
        pl.setSpacing(6)
        pl.addLayout(head)
        pl.addLayout(tools)
        pl.addWidget(self.attendance_table, 1)
        pl.addWidget(self.attendance_hint)
        pl.addWidget(self.attendance_note)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(bar)
        tl.addWidget(self.activity_table, 1)
        self.activities_splitter = QSplitter(Qt.Orientation.Vertical)
        self.activities_splitter.addWidget(top)
        self.activities_splitter.addWidget(panel)
        self.activities_splitter.setChildrenCollapsible(False)
        self.activities_splitter.setSizes([210, 450])

        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(0, 10, 0, 0)
        lay.addWidget(self.activities_splitter)

        # while the tab shows, wherever the focus is in the window (after Ctrl+5 or a click on a group it stays
        # in the group list, where tab-only shortcuts did nothing); a hidden tab's shortcuts are off
        self._add_action(QKeySequence.StandardKey.New, self.new_activity, tab, window=True)
        self._add_action(QKeySequence("Ctrl+Shift+V"), self.open_paste_dialog, tab, window=True)
        self._add_action(QKeySequence(Qt.Key.Key_Return), self.edit_selected, self.activity_table)
        self._update_activity_buttons()
        return tab

    def _build_records_tab(self) -> QWidget:
        # contribution form
        self.contribution_picker = MemberPicker()
        self.contribution_kind = QComboBox()
        for kind in CONTRIBUTION_KINDS:
            self.contribution_kind.addItem(contribution_kind_label(kind), kind)
        self.contribution_date = QDateEdit()
        self.contribution_date.setCalendarPopup(True)
        self.contribution_date.setDisplayFormat("yyyy-MM-dd")
        self.contribution_title = QLineEdit()
        self.contribution_title.setPlaceholderText(self.tr("What they shared, answered or posted"))
        self.contribution_link = QLineEdit()
        self.contribution_link.setPlaceholderText(self.tr("Link (optional)"))
        self.contribution_error = QLabel()
        self.contribution_error.setObjectName("fieldError")
        self.contribution_error.setWordWrap(True)
        self.contribution_error.hide()
        self.contribution_done = QLabel()
        self.contribution_done.setObjectName("doneLabel")
        self.contribution_done.setStyleSheet(DONE_STYLE)
        self.add_contribution_button = QPushButton(self.tr("Add contribution"))
        self.add_contribution_button.setObjectName("primaryButton")
        self.add_contribution_button.clicked.connect(self.submit_contribution)
        self.contribution_link.returnPressed.connect(self.submit_contribution)
        cform = QFormLayout()
        cform.addRow(self.tr("Member"), self.contribution_picker)
        cform.addRow(self.tr("Kind"), self.contribution_kind)
        cform.addRow(self.tr("Date"), self.contribution_date)
        cform.addRow(self.tr("Title"), self.contribution_title)
        cform.addRow(self.tr("Link"), self.contribution_link)
        crow = QHBoxLayout()
        crow.addWidget(self.contribution_done, 1)
        crow.addWidget(self.add_contribution_button)

        self.contribution_table = make_table("contributionTable")
        self.contribution_table.setModel(self.contribution_model)
        self.contribution_table.setColumnWidth(0, 92)
        self.contribution_table.setColumnWidth(1, 92)
        self.contribution_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contribution_table.setColumnWidth(
            2, self._label_width(self.contribution_table, CONTRIBUTION_KINDS, contribution_kind_label)
        )
        self.contribution_table.selectionModel().selectionChanged.connect(self._update_record_buttons)
        self.remove_contribution_button = QPushButton(self.tr("Remove"))
        self.remove_contribution_button.setToolTip(self.tr("Remove the selected contribution; its points are reversed"))
        self.remove_contribution_button.clicked.connect(self.remove_selected_contribution)
        crecent = QHBoxLayout()
        crecent.addWidget(self._small_title(self.tr("Recent contributions")), 1)
        crecent.addWidget(self.remove_contribution_button)

        cbox = QGroupBox(self.tr("Contribution"))
        cl = QVBoxLayout(cbox)
        cl.addLayout(cform)
        cl.addWidget(self.contribution_error)
        cl.addLayout(crow)
        cl.addSpacing(6)
        cl.addLayout(crecent)
        cl.addWidget(self.contribution_table, 1)

        # violation form
        self.violation_picker = MemberPicker()
        self.violation_kind = QComboBox()
        for kind in VIOLATION_KINDS:
            self.violation_kind.addItem(violation_kind_label(kind), kind)
        self.violation_date = QDateEdit()
        self.violation_date.setCalendarPopup(True)
        self.violation_date.setDisplayFormat("yyyy-MM-dd")
        self.violation_action = QComboBox()
        for action in VIOLATION_ACTIONS:
            self.violation_action.addItem(violation_action_label(action), action)
        self.violation_note = QLineEdit()
        self.violation_note.setPlaceholderText(self.tr("What happened (optional)"))
        self.violation_error = QLabel()
        self.violation_error.setObjectName("fieldError")
        self.violation_error.setWordWrap(True)
        self.violation_error.hide()
        self.flag_label = QLabel()
        self.flag_label.setObjectName("flagBanner")
        self.flag_label.setStyleSheet(FLAG_STYLE)
        self.flag_label.setWordWrap(True)
        self.flag_label.hide()
        self.violation_done = QLabel()
        self.violation_done.setObjectName("doneLabel")
        self.violation_done.setStyleSheet(DONE_STYLE)
        self.add_violation_button = QPushButton(self.tr("Record violation"))
        self.add_violation_button.setObjectName("primaryButton")
        self.add_violation_button.clicked.connect(self.submit_violation)
        self.violation_note.returnPressed.connect(self.submit_violation)
        vform = QFormLayout()
        vform.addRow(self.tr("Member"), self.violation_picker)
        vform.addRow(self.tr("Kind"), self.violation_kind)
        vform.addRow(self.tr("Date"), self.violation_date)
        vform.addRow(self.tr("Action taken"), self.violation_action)
        vform.addRow(self.tr("Note"), self.violation_note)
        vrow = QHBoxLayout()
        vrow.addWidget(self.violation_done, 1)
        vrow.addWidget(self.add_violation_button)

        self.violation_table = make_table("violationTable")
        self.violation_table.setModel(self.violation_model)
        self.violation_table.setColumnWidth(0, 92)
        self.violation_table.setColumnWidth(1, 92)
        self.violation_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.violation_table.setColumnWidth(
            2, self._label_width(self.violation_table, VIOLATION_KINDS, violation_kind_label)
        )
        self.violation_table.setColumnWidth(
            3, self._label_width(self.violation_table, VIOLATION_ACTIONS, violation_action_label)
        )
        self.violation_table.selectionModel().selectionChanged.connect(self._update_record_buttons)
        self.remove_violation_button = QPushButton(self.tr("Remove"))
        self.remove_violation_button.setToolTip(self.tr("Remove the selected violation; its points are given back"))
        self.remove_violation_button.clicked.connect(self.remove_selected_violation)
        vrecent = QHBoxLayout()
        vrecent.addWidget(self._small_title(self.tr("Recent violations")), 1)
        vrecent.addWidget(self.remove_violation_button)

        vbox = QGroupBox(self.tr("Violation"))
        vl = QVBoxLayout(vbox)
        vl.addLayout(vform)
        vl.addWidget(self.violation_error)
        vl.addWidget(self.flag_label)
        vl.addLayout(vrow)
        vl.addSpacing(6)
        vl.addLayout(vrecent)
        vl.addWidget(self.violation_table, 1)

        tab = QWidget()
        lay = QHBoxLayout(tab)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.setSpacing(12)
        lay.addWidget(cbox, 1)
        lay.addWidget(vbox, 1)
        self._reset_dates()
        self._update_record_buttons()
        return tab

    @staticmethod
    def _label_width(table: QTableView, codes: tuple[str, ...], label: Callable[[str], str]) -> int:
        """Wide enough for the longest translated label of a code column (and its header)."""
        fm = table.fontMetrics()
        return max(56, max(fm.horizontalAdvance(label(c)) for c in codes) + 28)

    def _small_title(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _add_action(self, keys, slot, widget: QWidget, *, window: bool = False) -> None:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(
            Qt.ShortcutContext.WindowShortcut if window else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        action.triggered.connect(slot)
        widget.addAction(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.activity_table.viewport() and event.type() == QEvent.Type.Resize:
            self.activity_empty.setGeometry(self.activity_table.viewport().rect().adjusted(24, 24, -24, -24))
        if (
            watched is self.attendance_table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.toggle_current_attended()
            return True
        return super().eventFilter(watched, event)

    # ---- group and loading ----
    def group_changed(self, group_id: int | None) -> None:
        if group_id != self._group_id:
            self._activity_id = None

    def load(self) -> None:
        if self._group_id is None:
            self.stack.setCurrentIndex(0)
            self.activity_model.set_rows([])
            self.attendance_model.set_rows([])
            return
        self.stack.setCurrentIndex(1)
        with self._database.session() as session:
            choices = member_choices(session, self._group_id)
            offenders = violation_choices(session, self._group_id)
        self.contribution_picker.set_choices(choices)
        self.violation_picker.set_choices(offenders)
        self.reload_activities()
        self.reload_records()

    def reload_activities(self) -> None:
        if self._group_id is None:
            return
        with self._database.session() as session:
            rows = list_activities(session, self._group_id, self.month_picker.first_day(), self.month_picker.last_day())
        keep = self._activity_id
        header = self.activity_table.horizontalHeader()
        self.activity_model.set_rows(rows)
        self.activity_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.count_label.setText(self.tr("%n activity(ies)", "", len(rows)))
        if not self._widths_done_for(rows):
            self._size_activity_columns()
        row = self.activity_model.row_of(keep) if keep is not None else None
        if row is None and rows:
            row = 0
        if row is not None:
            index = self.activity_model.index(row, COL_TITLE)
            self.activity_table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        else:
            self._show_activity(None)
        self._update_activity_empty()
        self._update_activity_buttons()

    def _widths_done_for(self, rows: list[ActivityRow]) -> bool:
        return getattr(self, "_widths_done", False) or not rows

    def _size_activity_columns(self) -> None:
        fm = self.activity_table.fontMetrics()
        hfm = self.activity_table.horizontalHeader().fontMetrics()
        for col in range(self.activity_model.columnCount()):
            if col == COL_TITLE:
                continue
            header = str(self.activity_model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = hfm.horizontalAdvance(header) + 34
            for r in range(min(self.activity_model.rowCount(), 60)):
                text = self.activity_model.data(self.activity_model.index(r, col))
                if text:
                    width = max(width, fm.horizontalAdvance(str(text)) + 24)
            self.activity_table.setColumnWidth(col, max(56, min(width, 220)))
        self._widths_done = True

    def _update_activity_empty(self) -> None:
        if self.activity_model.rowCount():
            self.activity_empty.hide()
            return
        self.activity_empty.setText(self.tr("No activities this month. Create one with “New activity”."))
        self.activity_empty.setGeometry(self.activity_table.viewport().rect().adjusted(24, 24, -24, -24))
        self.activity_empty.show()

    def selected_activity(self) -> ActivityRow | None:
        index = self.activity_table.selectionModel().currentIndex()
        return self.activity_model.row_at(index.row()) if index.isValid() else None

    def select_activity(self, activity_id: int) -> bool:
        row = self.activity_model.row_of(activity_id)
        if row is None:
            return False
        self.activity_table.selectionModel().setCurrentIndex(
            self.activity_model.index(row, COL_TITLE),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    @Slot(QModelIndex, QModelIndex)
    def _on_activity_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_activity(self.activity_model.row_at(current.row()) if current.isValid() else None)
        self._update_activity_buttons()

    def _show_activity(self, row: ActivityRow | None) -> None:
        if row is None:
            self._activity_id = None
            self.attendance_model.set_rows([])
            self.attendance_title.setText(self.tr("Attendance"))
            self._update_attendance_counts()
            self._update_activity_buttons()
            return
        changed = row.id != self._activity_id or not self.attendance_model.rowCount()
        if row.id != self._activity_id:
            self.attendance_note.hide()  # the note was about the activity shown before
        self._activity_id = row.id
        title = row.title
        extra = edition_text(row.series, row.edition)
        if extra and not (row.series and row.series in title):  # titles often say 第N期 themselves
            title = f"{title}（{extra}）"
        title = self._shown(title) or title
        self.attendance_title.setText(self.tr("Attendance — %1").replace("%1", title))
        self.attendance_title.setToolTip(title)
        if changed:
            self.reload_attendance()

    def reload_attendance(self) -> None:
        if self._activity_id is None or self._group_id is None:
            return
        with self._database.session() as session:
            lines = attendance_sheet(session, self._group_id, self._activity_id)
        self.attendance_model.set_rows(lines)
        self._update_attendance_counts()

    @Slot()
    def _apply_attendance_filter(self) -> None:
        self.attendance_proxy.set_filter(self.attendance_search.text(), self.signed_up_check.isChecked())

    def _update_attendance_counts(self) -> None:
        counts = self.attendance_model.counts()
        signed = sum(counts.values())
        if self._activity_id is None:
            self.attendance_counts.setText("")
        else:
            self.attendance_counts.setText(
                self.tr("%1 signed up · %2 attended · %3 absent · %4 excused")
                .replace("%1", str(signed))
                .replace("%2", str(counts.get("attended", 0)))
                .replace("%3", str(counts.get("absent", 0)))
                .replace("%4", str(counts.get("excused", 0)))
            )
        # the activity row shows the same counts
        row_number = self.activity_model.row_of(self._activity_id) if self._activity_id is not None else None
        if row_number is not None:
            row = self.activity_model.row_at(row_number)
            if row is not None and (row.registered, row.attended) != (signed, counts.get("attended", 0)):
                self.activity_model.replace_row(
                    row_number, replace(row, registered=signed, attended=counts.get("attended", 0))
                )
        self._update_activity_buttons()

    def _update_activity_buttons(self) -> None:
        can = allowed(self._actor, "record_participation")
        has = self._activity_id is not None
        self.new_button.setEnabled(can and self._group_id is not None)
        self.edit_button.setEnabled(can and has)
        self.delete_button.setEnabled(can and has)
        self.paste_button.setEnabled(can and has)
        # attended is known once the activity's day has come (the service refuses it before): the button waits
        row = self.selected_activity() if has else None
        started = row is None or row.starts_at.date() <= clock.today()
        self.mark_all_button.setEnabled(
            can and has and started and self.attendance_model.counts().get("registered", 0) > 0
        )
        self.mark_all_button.setToolTip(
            ""
            if started
            else self.tr("The activity is on %1: attendance can be ticked from that day").replace(
                "%1", row.starts_at.date().isoformat()
            )
        )
        self.attendance_search.setEnabled(has)
        self.signed_up_check.setEnabled(has)

    # ---- activities ----
    @Slot()
    def new_activity(self) -> ActivityDialog | None:
        if self._group_id is None or not allowed(self._actor, "record_participation"):
            return None
        return self._open_activity_dialog(None)

    @Slot()
    def edit_selected(self) -> ActivityDialog | None:
        row = self.selected_activity()
        if row is None:
            return None
        return self._open_activity_dialog(row.id)

    @Slot()
    def delete_selected(self) -> bool:
        """Delete the selected activity after asking (it names how many places are recorded): its attended
        people's points are reversed, the audit log keeps the activity and its places."""
        row = self.selected_activity()
        if row is None or not allowed(self._actor, "record_participation"):
            return False
        text = self.tr(
            "Delete the activity %1 of %2? Its %3 recorded places go with it and the points of those "
            "who attended are reversed in the ledger."
        )
        text = text.replace("%1", self._shown(row.title) or "").replace("%2", row.starts_at.date().isoformat())
        if not self.confirm_remove(text.replace("%3", str(row.registered))):
            return False
        if not run_write(self, self._database, delete_activity, self._actor, row.id, changes=PARTICIPATION_CHANGES):
            return False
        self._activity_id = None
        self.attendance_model.set_rows([])
        self.reload_activities()
        return True

    def _open_activity_dialog(self, activity_id: int | None) -> ActivityDialog | None:
        assert self._group_id is not None
        try:
            dialog = ActivityDialog(self._database, self._actor, self._group_id, activity_id, parent=self)
        except QunDeskError as exc:
            show_error(self, exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.activity_saved.connect(self._on_activity_saved)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_activity_saved(self, activity_id: int) -> None:
        with self._database.session() as session:
            rows = list_activities(session, self._group_id) if self._group_id is not None else []
        saved = next((r for r in rows if r.id == activity_id), None)
        if saved is not None:  # show the month the activity is in
            self.month_picker.blockSignals(True)
            self.month_picker.set_month(saved.starts_at.year, saved.starts_at.month)
            self.month_picker.blockSignals(False)
        self._activity_id = activity_id
        self.attendance_model.set_rows([])  # force the sheet to reload
        self.reload_activities()

    # ---- attendance ----
    def _write_attendance(self, membership_id: int, status: str, role: str) -> bool:
        if self._activity_id is None:
            return False
        if not status:  # "— Not on the list": the place goes, an attended one's points with it
            done = run_write(
                self,
                self._database,
                remove_place,
                self._actor,
                self._activity_id,
                membership_id,
                changes=PARTICIPATION_CHANGES,
            )
            return bool(done)
        done = run_write(
            self,
            self._database,
            set_attendance,
            self._actor,
            self._activity_id,
            membership_id,
            status,
            role,
            changes=PARTICIPATION_CHANGES,
        )
        if done and done.value != status:  # absent (or a sign-up) on a leave day is recorded as excused: said
            name = next((r.display_name for r in self.attendance_model.rows if r.membership_id == membership_id), "")
            name = self._shown(name) or name
            note = (
                self.tr("%1 is on leave that day: recorded as excused, not absent.")
                if status == "absent"
                else self.tr("%1 is on leave that day: recorded as excused, not signed up.")
            )
            self.attendance_note.setText(note.replace("%1", name))
            self.attendance_note.show()
            QTimer.singleShot(0, self.reload_attendance)  # after the model has shown the choice
        return bool(done)  # the model shows the change; dataChanged updates the counts

    def set_member_status(self, membership_id: int, status: str, role: str | None = None) -> bool:
        """Set one member's status as the combo box would (for keyboard actions and tests)."""
        for i, line in enumerate(self.attendance_model.rows):
            if line.membership_id == membership_id:
                index = self.attendance_model.index(i, ATT_STATUS if role is None else ATT_ROLE)
                ok = self.attendance_model.setData(index, status if role is None else role)
                if role is not None and ok and status != (self.attendance_model.row_at(i).status or ""):
                    ok = self.attendance_model.setData(self.attendance_model.index(i, ATT_STATUS), status)
                return ok
        return False

    def attendance_row(self, membership_id: int) -> int | None:
        """The row of a member in the (filtered) attendance table."""
        for i, line in enumerate(self.attendance_model.rows):
            if line.membership_id == membership_id:
                proxy = self.attendance_proxy.mapFromSource(self.attendance_model.index(i, ATT_NAME))
                return proxy.row() if proxy.isValid() else None
        return None

    @Slot()
    def toggle_current_attended(self) -> None:
        index = self.attendance_table.currentIndex()
        if not index.isValid():
            return
        box = index.siblingAtColumn(ATT_ATTENDED)
        checked = box.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        self.attendance_proxy.setData(
            box, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
        )

    @Slot()
    def mark_all_attended(self) -> int:
        if self._activity_id is None:
            return 0
        todo = [line for line in self.attendance_model.rows if line.status == "registered"]
        if not todo:
            return 0
        activity_id = self._activity_id
        refused: list[str] = []  # signed up, then out of the group before the activity's day: named, not marked

        def mark_all(session) -> None:
            refused.clear()
            for line in todo:
                try:
                    set_attendance(
                        session, self._actor, activity_id, line.membership_id, "attended", line.role or "attendee"
                    )
                except ValidationError as exc:
                    if exc.field != "date":  # the service refuses a day after they went before writing anything
                        raise
                    refused.append(exc.message)

        if not run_write(self, self._database, mark_all, changes=PARTICIPATION_CHANGES):
            return 0
        self.reload_attendance()
        if refused:
            self.attendance_note.setText(
                self.tr("Not marked, out of the group before the activity: %1").replace(
                    "%1", "; ".join(localise_message(m) for m in refused)
                )
            )
            self.attendance_note.show()
        return len(todo) - len(refused)

    @Slot()
    def open_paste_dialog(self) -> AttendancePasteDialog | None:
        row = self.selected_activity()
        if row is None or self._group_id is None or not allowed(self._actor, "record_participation"):
            return None
        title = self._shown(row.title) or row.title
        dialog = AttendancePasteDialog(self._database, self._actor, self._group_id, row.id, title, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self._on_paste_applied)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _on_paste_applied(self, outcome: PasteOutcome) -> None:
        self.reload_attendance()
        if outcome.added_members:
            with self._database.session() as session:
                choices = member_choices(session, self._group_id) if self._group_id is not None else []
                offenders = violation_choices(session, self._group_id) if self._group_id is not None else []
            self.contribution_picker.set_choices(choices)
            self.violation_picker.set_choices(offenders)
            self.data_changed.emit()

    # ---- contributions and violations ----
    def _reset_dates(self) -> None:
        today = today_qdate()
        for edit in (self.contribution_date, self.violation_date):
            edit.setMaximumDate(today)
            edit.setDate(today)

    def reload_records(self) -> None:
        if self._group_id is None:
            return
        with self._database.session() as session:
            contributions = recent_contributions(session, self._group_id)
            violations = recent_violations(session, self._group_id)
        self.contribution_model.set_rows(contributions)
        self.violation_model.set_rows(violations)
        self._update_record_buttons()

    @Slot()
    def _update_record_buttons(self) -> None:
        can = allowed(self._actor, "record_participation")
        self.remove_contribution_button.setEnabled(can and self._selected(self.contribution_table) is not None)
        self.remove_violation_button.setEnabled(can and self._selected(self.violation_table) is not None)
        self.add_contribution_button.setEnabled(can)
        self.add_violation_button.setEnabled(can)

    @staticmethod
    def _selected(table: QTableView):
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        return rows[0].data(RowRole) if rows else None

    @staticmethod
    def _qdate(edit: QDateEdit) -> date:
        d = edit.date()
        return date(d.year(), d.month(), d.day())

    def _form_error(self, label: QLabel, message: str) -> None:
        label.setText(localise_message(message))
        label.show()

    @Slot()
    def submit_contribution(self) -> int | None:
        self.contribution_error.hide()
        self.contribution_done.clear()
        membership_id = self.contribution_picker.membership_id
        if membership_id is None:
            self._form_error(self.contribution_error, self.tr("Choose a member from the list first."))
            self.contribution_picker.setFocus()
            return None
        title = self.contribution_title.text().strip() or None
        link = self.contribution_link.text().strip() or None
        kind = self.contribution_kind.currentData()
        done = run_write(
            self,
            self._database,
            add_contribution,
            self._actor,
            membership_id,
            kind,
            self._qdate(self.contribution_date),
            title,
            link,
            changes=PARTICIPATION_CHANGES,
            on_error=form_errors(self, lambda exc: self._form_error(self.contribution_error, exc.message)),
        )
        if not done:
            return None
        cid = done.value
        name = self.contribution_picker.chosen.display_name if self.contribution_picker.chosen else ""
        name = self._shown(name) or name
        self.contribution_done.setText(
            self.tr("Recorded: %1 — %2").replace("%1", name).replace("%2", contribution_kind_label(kind))
        )
        self.contribution_picker.clear_choice()
        self.contribution_title.clear()
        self.contribution_link.clear()
        self.contribution_picker.setFocus()
        self.reload_records()
        return cid

    @Slot()
    def submit_violation(self) -> tuple[int, bool] | None:
        self.violation_error.hide()
        self.violation_done.clear()
        self.flag_label.hide()
        membership_id = self.violation_picker.membership_id
        if membership_id is None:
            self._form_error(self.violation_error, self.tr("Choose a member from the list first."))
            self.violation_picker.setFocus()
            return None
        day = self._qdate(self.violation_date)
        kind = self.violation_kind.currentData()
        action = self.violation_action.currentData()
        note = self.violation_note.text().strip() or None

        # "removal" (移出) ends the membership too, for whoever may remove members; an assistant is told it stays
        remove = action == "removal" and allowed(self._actor, "delete_members")

        def record(session):
            vid, flagged = add_violation(
                session, self._actor, membership_id, kind, day, action, note, remove_member=remove
            )
            window = int(rules_at(session, day, "violations_window_days")[0])  # the day's rule, as add_violation's
            return vid, flagged, window, violations_within(session, membership_id, day, window)

        done = run_write(
            self,
            self._database,
            record,
            changes=(*PARTICIPATION_CHANGES, "members") if remove else PARTICIPATION_CHANGES,
            on_error=form_errors(self, lambda exc: self._form_error(self.violation_error, exc.message)),
        )
        if not done:
            return None
        vid, flagged, window, count = done.value
        name = self.violation_picker.chosen.display_name if self.violation_picker.chosen else ""
        name = self._shown(name) or name
        if flagged:
            self.flag_label.setText(
                self.tr("⚠ %1: this member has %3 violations within %2 days. Consider a mute or removal.")
                .replace("%1", name)
                .replace("%2", str(window))
                .replace("%3", str(count))
            )
            self.flag_label.show()
        else:
            self.violation_done.setText(
                self.tr("Recorded: %1 — %2").replace("%1", name).replace("%2", violation_kind_label(kind))
            )
        if action == "removal":
            self.violation_done.setText(
                (
                    self.tr("Recorded: %1 — %2. %1 is removed from the group (已移除).")
                    if remove
                    else self.tr(
                        "Recorded: %1 — %2. %1 is still a member here: only the owner or an admin can mark them "
                        "removed."
                    )
                )
                .replace("%1", name)
                .replace("%2", violation_kind_label(kind))
            )
        self.violation_picker.clear_choice()
        self.violation_note.clear()
        self.violation_picker.setFocus()
        self.reload_records()
        return vid, flagged

    def _ask_remove(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove"), text)
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def remove_selected_contribution(self) -> bool:
        row = self._selected(self.contribution_table)
        if row is None:
            return False
        text = self.tr("Remove %1's contribution of %2? Its points are reversed in the ledger.")
        if not self.confirm_remove(
            text.replace("%1", self._shown(row.display_name) or "").replace("%2", row.day.isoformat())
        ):
            return False
        if not run_write(self, self._database, remove_contribution, self._actor, row.id, changes=PARTICIPATION_CHANGES):
            return False
        self.reload_records()
        return True

    @Slot()
    def remove_selected_violation(self) -> bool:
        row = self._selected(self.violation_table)
        if row is None:
            return False
        text = self.tr("Remove %1's violation of %2? The points it took are given back.")
        if row.action == "removal":  # the membership it ended stays ended: say so before, not after
            text += " " + self.tr("A removal from the group stays: change their status in the member's details.")
        if not self.confirm_remove(
            text.replace("%1", self._shown(row.display_name) or "").replace("%2", row.day.isoformat())
        ):
            return False
        if not run_write(self, self._database, remove_violation, self._actor, row.id, changes=PARTICIPATION_CHANGES):
            return False
        self.flag_label.hide()
        self.reload_records()
        return True
