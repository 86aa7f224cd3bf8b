"""OnboardingPage: the entry process (入群流程, PRODUCT §3.2) of the selected group — a funnel of how many
reached each step (this month or overall) and a members × steps matrix where a step is recorded with one
click or one key (Space/Enter), undone with Delete/Backspace or Ctrl+Z, for one member or a selection at
once. Filters: status and "stalled for more than N days". "Edit steps…" opens the StepsDialog."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.services.onboarding import (
    funnel_overall,
    funnel_with_conversion,
    list_steps,
    progress_matrix,
    record_step,
    undo_step,
)
from desktop.services.onboarding_queries import (
    StepDetail,
    group_fee_cents,
    group_name,
    stalled_since,
    step_details,
)
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.texts import PasteText, stalled_text, welcome_text
from desktop.settings import get_setting
from models import clock
from ui.charts import ACCENT, BarChartView
from ui.dialogs.step_record_dialog import StepRecordDialog
from ui.dialogs.steps_dialog import StepsDialog
from ui.messages import default_name, list_text, people_text
from ui.models.progress_matrix_model import (
    COL_NAME,
    COL_STALLED,
    COL_STATUS,
    FIRST_STEP_COL,
    MembershipRole,
    ProgressMatrixModel,
    waiting_days,
)
from ui.models.roster_table_model import status_label
from ui.operations import run_read, run_write
from ui.pages.group_page import GroupPage
from ui.widgets.paste_text_button import PasteTextButton
from ui.widgets.tables import SelectionBehavior, SelectionMode, make_table

MESSAGE_VISIBLE_MS = 10_000
ROWS_REFRESHED_MAX = 500  # after a change to more rows than this the whole matrix is read again

# Status filter: (label source, statuses shown). progress_matrix lists newcomers part-way first.
STATUS_FILTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("all", ("applicant", "onboarding", "active")),
    ("in_progress", ("applicant", "onboarding")),
    ("applicant", ("applicant",)),
    ("onboarding", ("onboarding",)),
    ("active", ("active",)),
)

PAGE_STYLE = """
#onboardingPage { background: #FFFFFF; }
#onboardingTitle { font-size: 18px; font-weight: bold; color: #111827; }
#funnelCard { background: #FFFFFF; border: 1px solid #E5E7EB; border-radius: 8px; }
#cardTitle { font-weight: bold; color: #374151; }
#segmentButton { border: 1px solid #D1D5DB; border-radius: 0px; padding: 3px 12px; min-height: 18px; background: #FFFFFF; }
#segmentButton:checked { background: #DCE6FA; color: #1E3A8A; border-color: #93B4F3; font-weight: bold; }
#emptyState { color: #6B7280; font-size: 14px; }
"""


@dataclass(frozen=True)
class _Change:
    """One undoable action: steps recorded (undo removes them) or removed (undo records them back)."""

    kind: str  # "recorded" | "removed"
    cells: tuple[tuple[int, int, StepDetail | None], ...]  # (membership id, step id, what was recorded)


def _step_changes(result: tuple[object, bool]) -> tuple[str, ...]:
    """What recording or removing steps changed: participation, and the roster too when someone's status moved
    (became a member, or stopped being one)."""
    return ("participation", "members") if result[1] else ("participation",)


class OnboardingPage(GroupPage):
    data_changed = Signal()  # a member became 已入群 (or went back): member counts changed

    def __init__(self, database, actor: Actor, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(database, actor, parent)
        self.setObjectName("onboardingPage")
        self.today = today  # None: the real today (tests fix it)
        self._group_name = ""
        self._undo: list[_Change] = []
        self.steps_dialog: StepsDialog | None = None
        self.step_record_dialog: StepRecordDialog | None = None  # the last one opened (tests drive it)
        self.last_message = ""
        # Hooks that ask the user; tests replace them. None means "cancelled".
        self.ask_answer = self._ask_answer
        self.ask_amount = self._ask_amount

        self.model = ProgressMatrixModel(self)
        # names and answers as this operator may see them: a phone written into them masked for an assistant
        self._shown = names_shown_to(actor)
        self.model.shown = self._shown
        self.setStyleSheet(PAGE_STYLE)
        self._build()

    # ---- building ----
    def _build(self) -> None:
        self.title_label = QLabel()
        self.title_label.setObjectName("onboardingTitle")
        self.edit_steps_button = QPushButton(self.tr("Edit steps…"))
        self.edit_steps_button.clicked.connect(self.open_steps_dialog)
        if not allowed(self._actor, "edit_entry_steps"):
            self.edit_steps_button.setEnabled(False)
            self.edit_steps_button.setToolTip(self.tr("Only the owner or an admin may change the entry steps"))
        self.welcome_button = PasteTextButton(self.tr("Copy welcome"), self.tr("Welcome"), self)
        self.welcome_button.setObjectName("welcomeTextButton")
        self.welcome_button.setToolTip(
            self.tr(
                "Copy a welcome for the selected newcomer: the group's goal, rules, joining notice and the entry "
                "steps still to do; the arrow opens a preview"
            )
        )
        self.welcome_button.provider = self.welcome_paste_text
        self.stalled_button = PasteTextButton(self.tr("Copy stalled reminder"), self.tr("Stalled reminder"), self)
        self.stalled_button.setObjectName("stalledTextButton")
        self.stalled_button.setToolTip(
            self.tr(
                "Copy a reminder to the newcomers in the group whose entry steps have stalled, naming each one's "
                "step; the arrow opens a preview"
            )
        )
        self.stalled_button.provider = self.stalled_paste_text
        head = QHBoxLayout()
        head.addWidget(self.title_label)
        head.addStretch(1)
        head.addWidget(self.welcome_button)
        head.addWidget(self.stalled_button)
        head.addWidget(self.edit_steps_button)

        # funnel
        self.month_button = QPushButton(self.tr("This month"))
        self.overall_button = QPushButton(self.tr("Overall"))
        self.period_group = QButtonGroup(self)
        for i, button in enumerate((self.month_button, self.overall_button)):
            button.setObjectName("segmentButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.period_group.addButton(button, i)
        self.month_button.setChecked(True)
        # the checked button's text is bold (PAGE_STYLE) and was clipped at the width of the regular text
        bold = QFont(self.font())
        bold.setBold(True)
        for button in (self.month_button, self.overall_button):
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(button.text()) + 2 * 12 + 2 + 6)
        self.period_group.idClicked.connect(lambda _i: self.reload_funnel())
        self.funnel_summary = QLabel()
        self.funnel_summary.setObjectName("hint")
        funnel_title = QLabel(self.tr("Entry funnel"))
        funnel_title.setObjectName("cardTitle")
        funnel_head = QHBoxLayout()
        funnel_head.setSpacing(0)
        funnel_head.addWidget(funnel_title)
        funnel_head.addSpacing(12)
        funnel_head.addWidget(self.month_button)
        funnel_head.addWidget(self.overall_button)
        funnel_head.addSpacing(12)
        funnel_head.addWidget(self.funnel_summary, 1)
        self.funnel_chart = BarChartView(horizontal=True)
        self.funnel_card = QFrame()
        self.funnel_card.setObjectName("funnelCard")
        fl = QVBoxLayout(self.funnel_card)
        fl.setContentsMargins(12, 10, 12, 6)
        fl.setSpacing(4)
        fl.addLayout(funnel_head)
        fl.addWidget(self.funnel_chart, 1)

        # filters
        labels = {
            "all": self.tr("All statuses"),
            "in_progress": self.tr("Not joined yet"),
            "applicant": status_label("applicant"),
            "onboarding": status_label("onboarding"),
            "active": status_label("active"),
        }
        self.status_combo = QComboBox()
        for key, statuses in STATUS_FILTERS:
            self.status_combo.addItem(labels[key], statuses)
        self.status_combo.currentIndexChanged.connect(self.reload_matrix)
        self.stalled_check = QCheckBox(self.tr("Only stalled for more than"))
        self.stalled_spin = QSpinBox()
        self.stalled_spin.setRange(0, 365)
        self.stalled_spin.setValue(7)
        self.stalled_spin.setSuffix(self.tr(" days"))
        self.stalled_spin.setMaximumWidth(110)
        self.stalled_check.toggled.connect(self.reload_matrix)
        self.stalled_spin.valueChanged.connect(self._on_stalled_days_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.bulk_step_combo = QComboBox()
        self.bulk_step_combo.setMinimumContentsLength(18)  # a step name in English too ("Purpose of joining")
        self.bulk_step_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.bulk_button = QPushButton(self.tr("Record for selected"))
        self.bulk_button.setObjectName("primaryButton")
        self.bulk_button.setToolTip(self.tr("Record the chosen step for every selected member, all at once"))
        self.bulk_button.clicked.connect(self.record_bulk)
        filters = QHBoxLayout()
        filters.addWidget(self.status_combo)
        filters.addSpacing(8)
        filters.addWidget(self.stalled_check)
        filters.addWidget(self.stalled_spin)
        filters.addSpacing(8)
        filters.addWidget(self.count_label)
        filters.addStretch(1)
        filters.addWidget(self.bulk_step_combo)
        filters.addWidget(self.bulk_button)

        # matrix
        self.table = make_table(
            "progressTable",
            selection=SelectionMode.ExtendedSelection,
            behavior=SelectionBehavior.SelectItems,
            grid=True,
            row_padding=12,
            stretch_last=False,
        )
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(56)
        self.table.clicked.connect(self._on_cell_clicked)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)

        self.hint_label = QLabel(
            self.tr(
                "Click an empty cell or press Space/Enter to record a step · click a ✓ to see or change what "
                "was recorded · Delete removes a ✓ · Ctrl+Z undoes the last change"
            )
        )
        self.hint_label.setObjectName("hint")
        self.hint_label.setWordWrap(True)

        # message bar: "Recorded … [Undo]"
        self.message_bar = QFrame()
        self.message_bar.setObjectName("undoBar")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("linkButton")
        self.undo_button.clicked.connect(self.undo_last)
        mb = QHBoxLayout(self.message_bar)
        mb.setContentsMargins(12, 6, 12, 6)
        mb.addWidget(self.message_label, 1)
        mb.addWidget(self.undo_button)
        self.message_bar.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_VISIBLE_MS)
        self._message_timer.timeout.connect(self.message_bar.hide)

        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 4, 0, 0)
        ll.setSpacing(8)
        ll.addLayout(filters)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.hint_label)
        ll.addWidget(self.message_bar)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("onboardingSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.funnel_card)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)

        self.no_group_label = QLabel(self.tr("Choose a group on the left to see its entry steps."))
        self.no_group_label.setObjectName("emptyState")
        self.no_group_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_group_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.no_group_label, 1)

        undo = QAction(self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.triggered.connect(self.undo_last)
        self.addAction(undo)
        self._update_buttons()

    # ---- events ----
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.record_selection()
                return True
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.undo_selection()
                return True
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        return super().eventFilter(watched, event)

    # ---- group and loading ----
    def as_of(self) -> date:
        return self.today or clock.today()

    def group_changed(self, group_id: int | None) -> None:
        self._undo.clear()  # Ctrl+Z takes back what was done in this group only

    def load(self) -> None:
        """Everything for the current group: steps, settings, funnel and matrix."""
        has_group = self._group_id is not None
        self.splitter.setVisible(has_group)
        self.no_group_label.setVisible(not has_group)
        self.edit_steps_button.setVisible(has_group)
        if not has_group:
            self.title_label.setText(self.tr("Onboarding"))
            self.model.set_data([], [])
            return
        read = run_read(
            self,
            self._database,
            lambda session, gid: (group_name(session, gid), int(get_setting(session, "stalled_days"))),
            self._group_id,
        )
        if not read:
            return
        self._group_name, stalled_default = read.value
        self.title_label.setText(self.tr("%1 · entry steps").replace("%1", self._group_name))
        self.stalled_spin.blockSignals(True)
        self.stalled_spin.setValue(stalled_default)
        self.stalled_spin.blockSignals(False)
        self.reload_funnel()
        self.reload_matrix()

    def funnel_since(self) -> date | None:
        if self.month_button.isChecked():
            return self.as_of().replace(day=1)
        return None

    @Slot()
    def reload_funnel(self) -> None:
        if self._group_id is None:
            return
        with self._database.session() as session:
            rows = funnel_with_conversion(session, self._group_id, self.funnel_since())
            overall = funnel_overall(session, self._group_id, self.funnel_since())
        self.funnel = rows
        shown = list(reversed(rows))  # horizontal bars are drawn bottom-up: the first step on top
        self.funnel_chart.set_data(
            [default_name(name) if conv is None else f"{default_name(name)} · {conv:.0%}" for name, _n, conv in shown],
            [(self.tr("Reached"), [n for _name, n, _c in shown], ACCENT)],
        )
        if rows and rows[0][1]:
            overall = overall if overall is not None else 1.0  # one step: all who reached it reached "the last"
            self.funnel_summary.setText(
                self.tr("%1 reached the first step, %2 the last (%3)")
                .replace("%1", str(rows[0][1]))
                .replace("%2", str(rows[-1][1]))
                .replace("%3", f"{overall:.0%}")
            )
        else:
            self.funnel_summary.setText(self.tr("Nobody recorded a step in this period."))
        self._fit_funnel()

    def _fit_funnel(self) -> None:
        """Give the funnel the height its steps need, the matrix the rest."""
        want = self.funnel_chart.minimumHeight() + 50
        total = sum(self.splitter.sizes()) or self.splitter.height()
        if total > want:
            self.splitter.setSizes([want, total - want])

    @Slot(int)
    def _on_stalled_days_changed(self, _value: int) -> None:
        if self.stalled_check.isChecked():
            self.reload_matrix()
        else:
            self.model.stalled_days = self.stalled_spin.value()
            self.table.viewport().update()

    def current_statuses(self) -> tuple[str, ...]:
        return tuple(self.status_combo.currentData() or ())

    @Slot()
    def reload_matrix(self) -> None:
        """Re-read the matrix for the filters, keeping the current cell."""
        if self._group_id is None:
            return
        current = self.table.currentIndex()
        keep = (self.model.data(current, MembershipRole), current.column()) if current.isValid() else None
        # on a step's cell, the step is kept, not its column: after a reorder or a retired step the same column was
        # another step, and the next Space recorded that one
        step = self.model.step_at(current.column()) if current.isValid() else None
        read = self._read_rows()
        if read is None:
            return
        steps, rows, waiting = read
        self.model.set_data(rows, steps, waiting, self.stalled_spin.value())
        self._size_columns()
        self._fill_bulk_steps()
        self.count_label.setText(people_text(len(rows)))  # rows of any status: people, as the roster counts them
        self._update_empty_state()
        if keep is not None:
            row = self.model.row_of_membership(keep[0])
            column = keep[1] if step is None else self.model.column_of_step(step.id)
            if row >= 0 and 0 <= column < self.model.columnCount():
                self.table.setCurrentIndex(self.model.index(row, column))

    def _read_rows(self, membership_ids: set[int] | None = None):
        """(steps, rows, waiting days) of the current group for the filters — every row, or those of
        `membership_ids` only (steps None then: the columns stay) — or None when the read failed (it was shown)."""
        today = self.as_of()
        statuses = self.current_statuses()

        def read(session, gid: int):
            rows = progress_matrix(session, gid, statuses=statuses, membership_ids=membership_ids)
            steps = list_steps(session, gid, include_retired=True) if membership_ids is None else None
            return steps, rows, stalled_since(session, gid, today, 0, membership_ids=membership_ids)

        result = run_read(self, self._database, read, self._group_id)
        if not result:
            return None
        steps, rows, since = result.value
        waiting = waiting_days(since, today)
        if self.stalled_check.isChecked():
            n = self.stalled_spin.value()
            rows = [r for r in rows if waiting.get(r.membership_id, -1) > n]
        return steps, rows, waiting

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        fm = self.fontMetrics()
        header.resizeSection(COL_NAME, 150)
        header.resizeSection(COL_STATUS, max(72, fm.horizontalAdvance(status_label("onboarding")) + 28))
        bold = QFont(self.font())
        bold.setBold(True)
        bold_fm = QFontMetrics(bold)
        longest = self.model.widest_waiting_text()
        header.resizeSection(
            COL_STALLED, max(72, fm.horizontalAdvance(self.tr("Waiting")) + 28, bold_fm.horizontalAdvance(longest) + 24)
        )
        for col in range(FIRST_STEP_COL, self.model.columnCount()):
            step = self.model.step_at(col)
            name = default_name(step.name) if step else ""
            header.resizeSection(col, min(150, max(64, fm.horizontalAdvance(name) + 24)))
        height = fm.lineSpacing() * (2 if any(s.retired for s in self.model.steps()) else 1) + 16
        header.setFixedHeight(height)

    def _fill_bulk_steps(self) -> None:
        current = self.bulk_step_combo.currentData()
        self.bulk_step_combo.blockSignals(True)
        self.bulk_step_combo.clear()
        for step in self.model.steps():
            if not step.retired:
                self.bulk_step_combo.addItem(default_name(step.name), step.id)
        index = self.bulk_step_combo.findData(current)
        self.bulk_step_combo.setCurrentIndex(max(0, index))
        self.bulk_step_combo.blockSignals(False)

    def _update_empty_state(self) -> None:
        if self.model.rowCount() > 0:
            self.empty_label.hide()
            return
        if self.stalled_check.isChecked():
            text = self.tr("Nobody is stalled for more than %n day(s).", "", self.stalled_spin.value())
        else:
            text = self.tr("Nobody here yet. Applicants appear as soon as they are added to the roster.")
        self.empty_label.setText(text)
        self.empty_label.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        self.empty_label.show()

    @Slot()
    def _update_buttons(self) -> None:
        rows = self.selected_membership_ids()
        self.bulk_button.setEnabled(len(rows) > 0 and self.bulk_step_combo.count() > 0)
        self.bulk_button.setText(
            self.tr("Record for %n selected", "", len(rows)) if rows else self.tr("Record for selected")
        )

    # ---- paste-ready texts ----
    def welcome_paste_text(self) -> PasteText | None:
        """A welcome for the selected (or current) member (desktop/services/texts.py)."""
        ids = self.selected_membership_ids()
        if not ids:
            current = (
                self.model.row_at(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
            )
            ids = [current.membership_id] if current is not None else []
        if not ids:
            raise QunDeskError(self.tr("Select a newcomer first"))
        with self._database.session() as session:
            return welcome_text(session, ids[0])

    def stalled_paste_text(self) -> PasteText | None:
        if self._group_id is None:
            return None
        with self._database.session() as session:
            return stalled_text(session, self._group_id, days=self.stalled_spin.value())

    # ---- selection ----
    def selected_membership_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        return [r.membership_id for r in (self.model.row_at(i) for i in rows) if r is not None]

    def _selected_cells(self) -> list[tuple[int, int]]:
        """(row, column) of the selected step cells, or the current cell when nothing is selected."""
        indexes = self.table.selectionModel().selectedIndexes() or [self.table.currentIndex()]
        cells = {(i.row(), i.column()) for i in indexes if i.isValid() and i.column() >= FIRST_STEP_COL}
        return sorted(cells)

    def select_cell(self, membership_id: int, step_id: int) -> QModelIndex:
        """Make one cell current and selected (as a click would)."""
        index = self.model.index(self.model.row_of_membership(membership_id), self.model.column_of_step(step_id))
        self.table.setCurrentIndex(index)
        self.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return index

    # ---- recording ----
    @Slot(QModelIndex)
    def _on_cell_clicked(self, index: QModelIndex) -> None:
        if QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
            return  # Ctrl/Shift-click only selects (for a bulk record)
        step = self.model.step_at(index.column())
        if step is None:
            return
        if self.model.is_done(index.row(), index.column()):
            self.show_step_record(index.row(), index.column())  # show what was recorded, never ask again
            return
        if not step.retired:
            self.record_cells([(index.row(), index.column())])

    @Slot()
    def record_selection(self) -> None:
        """Space/Enter: record the step of each selected empty cell (a column selection records for all)."""
        cells = self._selected_cells()
        todo = [
            (r, c)
            for r, c in cells
            if not self.model.is_done(r, c) and (s := self.model.step_at(c)) is not None and not s.retired
        ]
        if not todo and len(cells) == 1:
            self.show_step_record(*cells[0])  # one recorded cell: what it holds
            return
        if not todo and cells:
            self._show_message(self.tr("Already recorded. Press Delete to undo a step."), undo=False)
            return
        self.record_cells(todo)

    def show_step_record(self, row: int, col: int) -> StepRecordDialog | None:
        """The record of a done step (when, by whom, the answer or the amount) with Save and "Take the step
        back" (through undo_selection, so Ctrl+Z brings it back)."""
        r, s = self.model.row_at(row), self.model.step_at(col)
        if r is None or s is None or s.id not in r.done:
            return None
        dialog = StepRecordDialog(self._database, self._actor, r.membership_id, s.id, self)
        dialog.changed.connect(self._on_step_record_changed)
        dialog.remove_requested.connect(self._on_step_record_remove)
        dialog.finished.connect(dialog.deleteLater)
        self.step_record_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _on_step_record_changed(self) -> None:
        dialog = self.step_record_dialog  # the one that saved (a record dialog is window-modal)
        self._after_change([dialog.record.membership_id] if dialog is not None else None)
        self._show_message(self.tr("Saved."), undo=False)

    @Slot(int, int)
    def _on_step_record_remove(self, membership_id: int, step_id: int) -> None:
        self.select_cell(membership_id, step_id)
        self.undo_selection()

    @Slot()
    def record_bulk(self) -> None:
        """The bulk button: the chosen step for every selected member, in one transaction."""
        step_id = self.bulk_step_combo.currentData()
        col = self.model.column_of_step(step_id) if step_id is not None else -1
        if col < 0:
            return
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        todo = [(r, col) for r in rows if not self.model.is_done(r, col)]
        if not todo:
            self._show_message(self.tr("Everyone selected has this step already."), undo=False)
            return
        self.record_cells(todo)

    def record_cells(self, cells: Iterable[tuple[int, int]]) -> bool:
        """Record the steps of these (row, column) cells in one transaction; asks for an answer or an amount
        where the step needs one. Returns False when nothing was written."""
        by_step: dict[int, list[tuple[int, str]]] = {}
        steps = {}
        for row, col in cells:
            r, s = self.model.row_at(row), self.model.step_at(col)
            if r is None or s is None or s.retired or s.id in r.done:
                continue
            by_step.setdefault(s.id, []).append((r.membership_id, self._shown(r.display_name) or ""))
            steps[s.id] = s
        if not by_step:
            return False
        inputs: dict[int, dict] = {}
        for step_id, people in by_step.items():
            step = steps[step_id]
            names = list_text(n for _m, n in people[:5]) + (" …" if len(people) > 5 else "")
            if step.kind == "question":
                answer = self.ask_answer(names, default_name(step.name))
                if answer is None:
                    return False
                inputs[step_id] = {"answer": answer.strip() or None}
            elif step.kind == "payment":
                with self._database.session() as session:
                    fee = group_fee_cents(session, self._group_id)
                amount = self.ask_amount(names, default_name(step.name), fee)
                if amount is None:
                    return False
                inputs[step_id] = {"amount_cents": amount}
            else:
                inputs[step_id] = {}

        def record_all(session) -> tuple[list[tuple[int, int, StepDetail | None]], list[str], list[tuple[int, str]]]:
            done: list[tuple[int, int, StepDetail | None]] = []
            became: list[str] = []
            already: list[tuple[int, str]] = []  # recorded by someone else since the matrix was read
            for step_id, people in by_step.items():
                for membership_id, name in people:
                    outcome = record_step(session, self._actor, membership_id, step_id, **inputs[step_id])
                    if outcome.changed:
                        done.append((membership_id, step_id, None))
                    else:  # not this recording's: Ctrl+Z would have taken back the other's record
                        already.append((step_id, name))
                    if outcome.became_active:
                        became.append(name)
            return done, became, already

        recorded = run_write(
            self,
            self._database,
            record_all,
            changes=_step_changes,
        )
        if not recorded:
            return False
        done, became, already = recorded.value
        if done:
            self._undo.append(_Change("recorded", tuple(done)))
        self._after_change(mid for ps in by_step.values() for mid, _name in ps)
        text = ""
        if became:
            text = (
                self.tr("🎉 %1 finished the entry steps and is now a member (%2).")
                .replace("%1", list_text(became[:5]) + (" …" if len(became) > 5 else ""))
                .replace("%2", status_label("active"))
            )
        elif done:
            names = {mid: n for ps in by_step.values() for mid, n in ps}
            step_names = list_text(dict.fromkeys(default_name(steps[s].name) for _m, s, _d in done))
            people = list(dict.fromkeys(names[mid] for mid, _s, _d in done))
            text = (
                self.tr("Recorded “%1” for %2.")
                .replace("%1", step_names)
                .replace("%2", list_text(people[:5]) + (" …" if len(people) > 5 else ""))
            )
        if already:
            people = list(dict.fromkeys(n for _s, n in already))
            text = (
                text
                + (" " if text else "")
                + self.tr("“%1” of %2 was recorded by someone else already.")
                .replace("%1", list_text(dict.fromkeys(default_name(steps[s].name) for s, _n in already)))
                .replace("%2", list_text(people[:5]) + (" …" if len(people) > 5 else ""))
            )
        self._show_message(text, undo=bool(done))
        if became:
            self.data_changed.emit()
        return True

    # ---- undo ----
    @Slot()
    def undo_selection(self) -> bool:
        """Delete/Backspace: remove the selected ✓ (live steps), keeping what they held for Ctrl+Z."""
        cells = []
        for row, col in self._selected_cells():
            r, s = self.model.row_at(row), self.model.step_at(col)
            if r is not None and s is not None and not s.retired and s.id in r.done:
                cells.append((r, s))
        if not cells:
            return False

        def remove_all(session) -> tuple[dict, dict[str, str], set[int]]:
            details = step_details(session, [r.membership_id for r, _s in cells])
            left: dict[str, str] = {}  # members (已入群) the removal made newcomers again: name -> status now
            gone: set[int] = set()  # cells someone else took back since the matrix was read
            for i, (r, s) in enumerate(cells):
                outcome = undo_step(session, self._actor, r.membership_id, s.id)
                if r.status == "active" and outcome.status != "active":
                    left[self._shown(r.display_name) or ""] = outcome.status
                if not outcome.changed:
                    gone.add(i)
            return details, left, gone

        removed = run_write(
            self,
            self._database,
            remove_all,
            changes=_step_changes,
        )
        if not removed:
            return False
        details, left, gone = removed.value
        # a ✓ someone else took back since the matrix was read: not this removal's — Ctrl+Z recorded it again (now,
        # by this operator) and the line said it was removed here
        taken = [cell for i, cell in enumerate(cells) if i not in gone]
        already = [cell for i, cell in enumerate(cells) if i in gone]
        self._after_change(r.membership_id for r, _s in cells)
        text = ""
        if taken:
            self._undo.append(
                _Change(
                    "removed", tuple((r.membership_id, s.id, details.get((r.membership_id, s.id))) for r, s in taken)
                )
            )
            names = list_text(self._shown(r.display_name) or "" for r, _s in taken[:5]) + (
                " …" if len(taken) > 5 else ""
            )
            text = (
                self.tr("Removed “%1” for %2.")
                .replace("%1", list_text(dict.fromkeys(s.name for _r, s in taken)))
                .replace("%2", names)
            )
        if already:
            names = list_text(self._shown(r.display_name) or "" for r, _s in already[:5]) + (
                " …" if len(already) > 5 else ""
            )
            text = (
                text
                + (" " if text else "")
                + self.tr("“%1” of %2 was taken back by someone else already.")
                .replace("%1", list_text(dict.fromkeys(s.name for _r, s in already)))
                .replace("%2", names)
            )
        for status in dict.fromkeys(left.values()):  # the status moved (a referral taken back): said, as joining is
            names = [n for n, st in left.items() if st == status]
            text += " " + (
                self.tr("%1: no longer a member (%2 again).")
                .replace("%1", list_text(names[:5]) + (" …" if len(names) > 5 else ""))
                .replace("%2", status_label(status))
            )
        self._show_message(text, undo=bool(taken))
        if left:
            self.data_changed.emit()
        return True

    @Slot()
    def undo_last(self) -> bool:
        """Ctrl+Z: take back the last change made on this page (a record, or a removal). With none (the window
        opened afresh, another group chosen since) it says so and where the history starts: it did nothing at all."""
        if not self._undo:
            self._show_message(
                self.tr(
                    "Nothing to undo here. Undo takes back the steps recorded or removed on this page in this group "
                    "since it was chosen."
                ),
                undo=False,
            )
            return False
        change = self._undo.pop()

        def take_back(session) -> None:
            for membership_id, step_id, detail in change.cells:
                if change.kind == "recorded":
                    undo_step(session, self._actor, membership_id, step_id)
                else:
                    record_step(
                        session,
                        self._actor,
                        membership_id,
                        step_id,
                        answer=detail.answer if detail else None,
                        amount_cents=detail.amount_cents if detail else None,
                        rules_version=detail.rules_version if detail else None,
                        when=detail.done_at if detail else None,
                        recorded_by=detail.operator_id if detail else None,
                    )

        if not run_write(self, self._database, take_back, changes=("participation", "members")):
            self._undo.append(change)
            return False
        self._after_change(mid for mid, _step, _detail in change.cells)
        self._show_message(self.tr("Undone."), undo=False)
        self.data_changed.emit()
        return True

    def _after_change(self, membership_ids: Iterable[int] | None = None) -> None:
        """The funnel, and the rows of the memberships a step was recorded or taken back on (None: every row)."""
        self.reload_funnel()
        ids = set(membership_ids) if membership_ids is not None else set()
        if not ids or len(ids) > ROWS_REFRESHED_MAX or not self.refresh_rows(ids):
            self.reload_matrix()

    def refresh_rows(self, membership_ids: set[int]) -> bool:
        """Re-read only these memberships' rows, in place: re-reading the whole matrix after each step held the
        window for 0.5 s in a group of 10,000 (issue 13). A row that no longer matches the filters goes (a
        member who became 已入群 under "Not joined yet", one no longer stalled under the stalled filter); rows
        keep their places, so the next row is where it was. Returns False when the caller must reload."""
        if self._group_id is None:
            return False
        read = self._read_rows(membership_ids)
        if read is None:
            return True  # the error was shown; the rows stay as they were
        _steps, rows, waiting = read
        current = self.table.currentIndex()
        current_id = self.model.data(current, MembershipRole) if current.isValid() else None
        if not self.model.update_rows(membership_ids, rows, waiting):
            return False
        if current_id is not None and self.model.row_of_membership(current_id) < 0:
            # the row the key was pressed on left the list: Qt made a neighbour's cell current, and the next Space or
            # Delete (a double press) recorded or took back that person's step — no cell is current now
            self.table.selectionModel().clear()
        self.count_label.setText(people_text(self.model.rowCount()))
        self._update_empty_state()
        self._update_buttons()
        return True

    def _show_message(self, text: str, *, undo: bool = True) -> None:
        self.last_message = text
        self.message_label.setText(text)
        self.undo_button.setVisible(undo and bool(self._undo))
        self.message_bar.show()
        self._message_timer.start()

    # ---- asking ----
    def _ask_answer(self, who: str, step_name: str) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            step_name,
            self.tr("%1 — what did they answer? (may be left empty)").replace("%1", who),
            QLineEdit.EchoMode.Normal,
        )
        return text if ok else None

    def _ask_amount(self, who: str, step_name: str, default_cents: int) -> int | None:
        value, ok = QInputDialog.getDouble(
            self,
            step_name,
            self.tr("%1 — amount paid (yuan):").replace("%1", who),
            default_cents / 100,
            0,
            1_000_000,
            2,
        )
        return round(value * 100) if ok else None

    # ---- steps ----
    @Slot()
    def open_steps_dialog(self) -> StepsDialog | None:
        if self._group_id is None:
            return None
        dialog = StepsDialog(self._database, self._actor, self._group_id, self._group_name, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.steps_changed.connect(self._on_steps_changed)
        dialog.destroyed.connect(self._forget_steps_dialog)
        self.steps_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _forget_steps_dialog(self) -> None:
        self.steps_dialog = None

    @Slot()
    def _on_steps_changed(self) -> None:
        self.reload_funnel()
        self.reload_matrix()

    # ---- for tests ----
    def visible_names(self) -> list[str]:
        return [self.model.index(r, COL_NAME).data() for r in range(self.model.rowCount())]

    def status_of(self, membership_id: int) -> str | None:
        row = self.model.row_at(self.model.row_of_membership(membership_id))
        return row.status if row else None

    def step_columns(self) -> list[str]:
        return [
            self.model.headerData(c, Qt.Orientation.Horizontal) for c in range(FIRST_STEP_COL, self.model.columnCount())
        ]
