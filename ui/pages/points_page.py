"""PointsPage: a group's leaderboard for a month or all time, one member's ledger (newest first), the point
rules (points and on/off, for owners and admins), the levels, manual adjustments with a reason, and
"Recompute from rules…" — a preview of what the current rules would change, computed off the UI thread,
applied only after the user has seen it. Writes through desktop.services.points."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.services.activities_queries import member_choices
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.points import (
    adjustment_batch,
    balance,
    group_levels,
    leaderboard_with_total,
    level_for,
    list_rules,
    recompute_apply,
    recompute_preview,
    set_levels,
    set_rule,
    undo_adjustment,
    undo_adjustment_batch,
)
from desktop.services.points_queries import LedgerRow, ledger_of
from desktop.services.texts import PasteText, leaderboard_text
from desktop.tasks import Progress
from models.db import DatabaseError
from ui.dialogs.points_dialogs import AdjustPointsDialog, BatchAdjustDialog, RecomputeDialog
from ui.messages import default_name, localise_message, number_text, show_error
from ui.models.points_models import (
    LB_LEVEL,
    LB_NAME,
    LB_POINTS,
    LB_RANK,
    LEDGER_DAY,
    LEDGER_OPERATOR,
    LEDGER_POINTS,
    LEDGER_SOURCE,
    LEVEL_THRESHOLD,
    RULE_ACTIVE,
    RULE_NAME,
    RULE_POINTS,
    LeaderboardModel,
    LedgerModel,
    LevelsModel,
    RulesModel,
    signed,
)
from ui.operations import announce, run_write
from ui.pages.group_page import GroupPage
from ui.pickers import MemberPicker, MonthPicker
from ui.task_runner import TaskRunner
from ui.widgets.paste_text_button import PasteTextButton
from ui.widgets.tables import make_table

Index = QModelIndex | QPersistentModelIndex

LEADERBOARD_LIMIT = 200
# the two scope buttons read as one switch: the chosen one is filled (style.qss has no checked button style)
SEGMENT_STYLE = "QPushButton:checked { background: #DCE6FA; border-color: #93B4F3; color: #1E3A8A; font-weight: bold; }"
LEDGER_LIMIT = 500
BATCH_NAMES_SHOWN = 8  # names of a batch the undo question lists before "and N more"


# ---- long work (runs on the worker thread: no widgets here) ----
def recompute_preview_task(progress: Progress, *, database: Any, group_id: int):
    progress.step(0, 0)  # one query: the dialog shows a busy bar
    with database.session() as session:
        rows = recompute_preview(session, group_id)
    progress.step(1, 1)
    return rows


def recompute_apply_task(progress: Progress, *, database: Any, actor: Actor, group_id: int) -> int:
    progress.step(0, 0)
    with database.session() as session:
        changed = recompute_apply(session, actor, group_id)
        progress.step(1, 1)  # a cancel here rolls the transaction back
        session.commit()
    return changed


class SpinDelegate(QStyledItemDelegate):
    """Whole points, negative allowed (a violation takes points away)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(-10_000, 10_000)
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class PointsPage(GroupPage):
    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(database, actor, parent)
        self.setObjectName("pointsPage")
        self._ledger_membership: int | None = None
        self.can_edit_rules = allowed(actor, "edit_point_rules")
        # a factory so tests (and a future "run inline" setting) can choose the runner
        self.runner_factory: Callable[[QObject], Any] = lambda parent: TaskRunner(
            parent, title=self.tr("Recompute from rules"), label=self.tr("Pricing every fact with the current rules…")
        )
        self.runner: Any | None = None
        self.recompute_dialog: RecomputeDialog | None = None
        self.active_dialog: QWidget | None = None
        self.last_message = ""

        self.leaderboard_model = LeaderboardModel(self)
        self.ledger_model = LedgerModel(self)
        self.rules_model = RulesModel(self)
        self.rules_model.editable = self.can_edit_rules
        self.rules_model.writer = self._write_rule
        self.levels_model = LevelsModel(self)
        self.levels_model.editable = self.can_edit_rules
        # names and typed reasons as this operator may see them: a phone in them masked for an assistant
        self._shown = names_shown_to(actor)
        self.leaderboard_model.show_text_with(self._shown)
        self.ledger_model.show_text_with(self._shown)
        self._build()
        self.ledger_picker.shown = self._shown

    # ---- building ----
    def _build(self) -> None:
        self.empty_label = QLabel(self.tr("Choose a group on the left to see its points and leaderboard."))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        # top bar
        self.month_button = QPushButton(self.tr("Month"))
        self.all_time_button = QPushButton(self.tr("All time"))
        self.scope_group = QButtonGroup(self)
        for b in (self.month_button, self.all_time_button):
            b.setCheckable(True)
            b.setStyleSheet(SEGMENT_STYLE)
            self.scope_group.addButton(b)
        self.month_button.setChecked(True)
        self.scope_group.buttonToggled.connect(lambda _b, on: on and self._on_scope_changed())
        self.month_picker = MonthPicker()
        self.month_picker.month_changed.connect(lambda _y, _m: self.reload_leaderboard())
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        # one member (the button) or several at once (its arrow): the bar has no room for a second button on a small
        # screen (tests/ui/test_screen_fit.py)
        self.adjust_button = QToolButton()
        self.adjust_button.setObjectName("adjustButton")
        self.adjust_button.setText(self.tr("Adjust points…"))
        self.adjust_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.adjust_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.adjust_button.setToolTip(
            self.tr("Adjust one member's points; the arrow: the same points and reason for several members at once")
        )
        self.adjust_button.clicked.connect(lambda: self.open_adjust_dialog())
        adjust_menu = QMenu(self.adjust_button)
        adjust_menu.addAction(self.tr("One member…"), lambda: self.open_adjust_dialog())
        self.batch_adjust_action = adjust_menu.addAction(
            self.tr("Several members at once (paste their names or a 接龙)…"), lambda: self.open_batch_adjust_dialog()
        )
        self.adjust_button.setMenu(adjust_menu)
        self.recompute_button = QPushButton(self.tr("Recompute from rules…"))
        self.recompute_button.setToolTip(self.tr("Show what the current rules would change, then apply it"))
        self.recompute_button.clicked.connect(self.start_recompute_preview)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.month_button)
        bar.addWidget(self.all_time_button)
        bar.addSpacing(8)
        bar.addWidget(self.month_picker)
        bar.addSpacing(8)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        self.leaderboard_text_button = PasteTextButton(self.tr("Copy leaderboard"), self.tr("Leaderboard"), self)
        self.leaderboard_text_button.setObjectName("leaderboardTextButton")
        self.leaderboard_text_button.setToolTip(
            self.tr(
                "Copy the chosen month's top 10 with points and levels, to post in the group (members who opted "
                "out are left out); the arrow opens a preview"
            )
        )
        self.leaderboard_text_button.provider = self.leaderboard_paste_text
        bar.addWidget(self.leaderboard_text_button)
        bar.addWidget(self.adjust_button)
        bar.addWidget(self.recompute_button)

        # leaderboard
        self.leaderboard_table = make_table("leaderboardTable")
        self.leaderboard_table.setModel(self.leaderboard_model)
        lh = self.leaderboard_table.horizontalHeader()
        lh.setStretchLastSection(False)
        lh.setSectionResizeMode(LB_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((LB_RANK, 64), (LB_POINTS, 84), (LB_LEVEL, 84)):
            lh.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.leaderboard_table.setColumnWidth(col, width)
        self.leaderboard_table.selectionModel().currentRowChanged.connect(self._on_leader_changed)
        self.leaderboard_note = QLabel(
            self.tr(
                "Levels follow the points up to the end of the month shown (all time: up to today). Members who opted out of rankings are not listed."
            )
        )
        self.leaderboard_note.setObjectName("hint")
        # wrapped: on one line its longer wording (a month's levels) made the page 1,202 px wide, and on a laptop's
        # screen at 150% every page scrolled sideways for it
        self.leaderboard_note.setWordWrap(True)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.leaderboard_table, 1)
        ll.addWidget(self.leaderboard_note)

        # right: ledger, rules, levels
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("pointsTabs")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self._build_ledger_tab(), self.tr("Ledger"))
        self.side_tabs.addTab(self._build_rules_tab(), self.tr("Rules"))
        self.side_tabs.addTab(self._build_levels_tab(), self.tr("Levels"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 600])

        content = QWidget()
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(10)
        cl.addLayout(bar)
        cl.addWidget(self.splitter, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.stack)

    def _build_ledger_tab(self) -> QWidget:
        self.ledger_picker = MemberPicker()
        self.ledger_picker.member_chosen.connect(self.show_ledger)
        self.balance_label = QLabel()
        font = self.balance_label.font()
        font.setBold(True)
        self.balance_label.setFont(font)
        self.ledger_adjust_button = QPushButton(self.tr("Adjust…"))
        self.ledger_adjust_button.setToolTip(self.tr("Adjust this member's points by hand"))
        self.ledger_adjust_button.clicked.connect(lambda: self.open_adjust_dialog(self._ledger_membership))
        self.undo_adjustment_button = QPushButton(self.tr("Undo adjustment"))
        self.undo_adjustment_button.setObjectName("undoAdjustmentButton")
        self.undo_adjustment_button.setToolTip(
            self.tr("Take back the selected manual adjustment: the ledger keeps it and adds the entry that undoes it")
        )
        self.undo_adjustment_button.clicked.connect(self.undo_selected_adjustment)
        head = QHBoxLayout()
        head.addWidget(self.ledger_picker, 1)
        head.addWidget(self.balance_label)
        head.addWidget(self.ledger_adjust_button)
        head.addWidget(self.undo_adjustment_button)
        self.ledger_table = make_table("ledgerTable")
        self.ledger_table.setModel(self.ledger_model)
        for col, width in ((LEDGER_DAY, 96), (LEDGER_POINTS, 64), (LEDGER_SOURCE, 84), (LEDGER_OPERATOR, 80)):
            self.ledger_table.setColumnWidth(col, width)
        header = self.ledger_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ledger_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(0, 10, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.ledger_table, 1)
        self._update_ledger_header()
        return tab

    def _build_rules_tab(self) -> QWidget:
        self.rules_table = make_table("rulesTable")
        self.rules_table.setModel(self.rules_model)
        self.rules_table.setItemDelegateForColumn(RULE_POINTS, SpinDelegate(self))
        self.rules_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.rules_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(RULE_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((RULE_POINTS, 90), (RULE_ACTIVE, 80)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.rules_table.setColumnWidth(col, width)
        self.rules_hint = QLabel()
        self.rules_hint.setObjectName("hint")
        self.rules_hint.setWordWrap(True)
        if self.can_edit_rules:
            self.rules_hint.setText(
                self.tr(
                    "Double-click a value to change it. A change applies to new entries; "
                    "use “Recompute from rules…” to re-price past ones."
                )
            )
        else:
            self.rules_hint.setText(self.tr("Only the owner or an admin may change point rules."))
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(0, 10, 0, 0)
        lay.addWidget(self.rules_table, 1)
        lay.addWidget(self.rules_hint)
        return tab

    def _build_levels_tab(self) -> QWidget:
        self.levels_table = make_table("levelsTable")
        self.levels_table.setModel(self.levels_model)
        self.levels_table.setItemDelegateForColumn(LEVEL_THRESHOLD, SpinDelegate(self))
        self.levels_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.levels_table.setColumnWidth(0, 200)
        self.add_level_button = QPushButton(self.tr("Add level"))
        self.remove_level_button = QPushButton(self.tr("Remove"))
        self.save_levels_button = QPushButton(self.tr("Save levels"))
        self.save_levels_button.setObjectName("primaryButton")
        self.add_level_button.clicked.connect(self.add_level)
        self.remove_level_button.clicked.connect(self.remove_selected_level)
        self.save_levels_button.clicked.connect(self.save_levels)
        self.levels_model.dataChanged.connect(self._update_level_buttons)
        self.levels_model.rowsInserted.connect(self._update_level_buttons)
        self.levels_model.rowsRemoved.connect(self._update_level_buttons)
        self.levels_model.modelReset.connect(self._update_level_buttons)
        self.levels_table.selectionModel().selectionChanged.connect(self._update_level_buttons)
        self.levels_error = QLabel()
        self.levels_error.setObjectName("fieldError")
        self.levels_error.setWordWrap(True)
        self.levels_error.hide()
        hint = QLabel(
            self.tr("A member's level is the highest one whose points they have reached (all-time points).")
            if self.can_edit_rules
            else self.tr("Only the owner or an admin may change the levels.")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_level_button)
        buttons.addWidget(self.remove_level_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_levels_button)
        tab = QWidget()
        lay = QVBoxLayout(tab)
        lay.setContentsMargins(0, 10, 0, 0)
        lay.addWidget(self.levels_table, 1)
        lay.addWidget(self.levels_error)
        lay.addWidget(hint)
        lay.addLayout(buttons)
        self._update_level_buttons()
        return tab

    # ---- group and loading ----
    def group_changed(self, group_id: int | None) -> None:
        if group_id != self._group_id:
            self._ledger_membership = None

    def load(self) -> None:
        has_group = self._group_id is not None
        self.stack.setCurrentIndex(1 if has_group else 0)
        if not has_group:
            for model in (self.leaderboard_model, self.ledger_model, self.rules_model):
                model.set_rows([])
            self.levels_model.set_levels([])
            return
        assert self._group_id is not None
        with self._database.session() as session:
            choices = member_choices(session, self._group_id)
            rules = list_rules(session, self._group_id)
            levels = group_levels(session, self._group_id)
        self.ledger_picker.set_choices(choices)
        self.rules_model.set_rows(rules)
        self.levels_model.set_levels(levels)
        self.levels_error.hide()
        self.reload_leaderboard()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_group = self._group_id is not None
        running = self.runner is not None and bool(getattr(self.runner, "running", False))
        self.adjust_button.setEnabled(has_group and allowed(self._actor, "record_participation"))
        self.batch_adjust_action.setEnabled(has_group and allowed(self._actor, "record_participation"))
        self.recompute_button.setEnabled(has_group and not running)
        self.ledger_adjust_button.setEnabled(self._ledger_membership is not None)
        entry = self.selected_ledger_row()
        self.undo_adjustment_button.setEnabled(
            entry is not None
            and entry.undoable
            and allowed(self._actor, "record_participation")
            # another operator's adjustment only an owner or an admin takes back (points.undo_adjustment)
            and (entry.operator_id == self._actor.id or allowed(self._actor, "edit_point_rules"))
        )

    def selected_ledger_row(self) -> LedgerRow | None:
        index = self.ledger_table.currentIndex()
        selected = self.ledger_table.selectionModel().hasSelection()
        return self.ledger_model.row_at(index.row()) if selected and index.isValid() else None

    @Slot()
    def undo_selected_adjustment(self) -> bool:
        """The selected manual adjustment taken back (points.undo_adjustment), after a yes. An adjustment given to
        several members at once asks: undo it for all of them (points.undo_adjustment_batch), or for this one only
        (someone included by mistake)."""
        entry = self.selected_ledger_row()
        if entry is None or not entry.undoable or self._ledger_membership is None:
            return False
        with self._database.session() as session:
            batch = adjustment_batch(session, entry.id)
        membership_id = self._ledger_membership
        if batch is not None and len(batch.open_ids) > 1:
            names = "、".join(self._shown(n) or n for n in batch.names[:BATCH_NAMES_SHOWN])
            if len(batch.names) > BATCH_NAMES_SHOWN:
                names = (
                    self.tr("%1 and %2 more")
                    .replace("%1", names)
                    .replace("%2", str(len(batch.names) - BATCH_NAMES_SHOWN))
                )
            question = self.tr(
                "The adjustment %1 (%2) was given to %3 members at once: %4. Undo it for all of them, or for this "
                "member only? The ledger keeps each adjustment and the entry undoing it."
            )
            reason = self._shown(localise_message(entry.reason)) or ""
            question = question.replace("%1", signed(entry.points)).replace("%2", reason)
            question = question.replace("%3", str(len(batch.open_ids))).replace("%4", names)
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Undo adjustment"), question, parent=self)
            all_button = box.addButton(
                self.tr("Undo for all %1").replace("%1", str(len(batch.open_ids))), QMessageBox.ButtonRole.YesRole
            )
            one_button = box.addButton(self.tr("This member only"), QMessageBox.ButtonRole.NoRole)
            box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(all_button)
            self.active_dialog = box
            box.exec()
            self.active_dialog = None
            if box.clickedButton() is all_button:
                service = undo_adjustment_batch
            elif box.clickedButton() is one_button:
                service = undo_adjustment
            else:
                return False
        else:
            question = self.tr("Undo the adjustment %1 of %2 (%3)? The ledger keeps both it and the entry undoing it.")
            question = question.replace("%1", signed(entry.points)).replace("%2", entry.day.isoformat())
            question = question.replace("%3", self._shown(localise_message(entry.reason)) or "")
            answer = QMessageBox.question(self, self.tr("Undo adjustment"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            service = undo_adjustment
        if not run_write(self, self._database, service, self._actor, entry.id, changes=("points",)):
            return False
        self.reload_leaderboard()
        self.show_ledger(membership_id)
        return True

    def _on_scope_changed(self) -> None:
        self.month_picker.setEnabled(self.month_button.isChecked())
        self.reload_leaderboard()

    @property
    def all_time(self) -> bool:
        return self.all_time_button.isChecked()

    def leaderboard_paste_text(self) -> PasteText | None:
        """The month picker's month as a paste-ready leaderboard (desktop/services/texts.py)."""
        if self._group_id is None:
            return None
        with self._database.session() as session:
            return leaderboard_text(session, self._group_id, self.month_picker.year, self.month_picker.month)

    def reload_leaderboard(self) -> None:
        if self._group_id is None:
            return
        start = end = None
        if not self.all_time:
            start, end = self.month_picker.first_day(), self.month_picker.last_day()
        with self._database.session() as session:
            rows, total = leaderboard_with_total(session, self._group_id, start=start, end=end, limit=LEADERBOARD_LIMIT)
        keep = self._ledger_membership
        self.leaderboard_model.set_rows(rows)
        if total > len(rows):  # the board shows its top: the count says so (it said "200 have points" of 9,219)
            text = self.tr("Top %1 of %n member(s) with points", "", total).replace("%1", number_text(len(rows)))
        else:
            text = self.tr("%n member(s) with points", "", len(rows))
        self.count_label.setText(text)
        row = self.leaderboard_model.row_of(keep) if keep is not None else None
        if row is None and keep is None and rows:
            row = 0
        if row is not None:
            self.leaderboard_table.selectionModel().setCurrentIndex(
                self.leaderboard_model.index(row, LB_NAME),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        elif keep is not None:
            self.show_ledger(keep)
        else:
            self.show_ledger(None)

    @Slot(QModelIndex, QModelIndex)
    def _on_leader_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.leaderboard_model.row_at(current.row()) if current.isValid() else None
        if row is not None:
            self.show_ledger(row.membership_id)

    # ---- ledger ----
    @Slot(int)
    def show_ledger(self, membership_id: int | None) -> None:
        self._ledger_membership = membership_id
        if membership_id is None:
            self.ledger_model.set_rows([])
            self.ledger_picker.clear_choice()
            self._update_ledger_header()
            self._update_buttons()
            return
        if self.ledger_picker.membership_id != membership_id:
            self.ledger_picker.choose(membership_id)
        with self._database.session() as session:
            rows = ledger_of(session, membership_id, LEDGER_LIMIT + 1)  # one more: is the list the whole ledger?
            total = balance(session, membership_id)
            levels = group_levels(session, self._group_id) if self._group_id is not None else []
        self.ledger_model.set_rows(rows[:LEDGER_LIMIT])
        self._update_ledger_header(total, level_for(levels, total), cut=len(rows) > LEDGER_LIMIT)
        self._update_buttons()

    def _update_ledger_header(self, total: int | None = None, level: str | None = None, *, cut: bool = False) -> None:
        if total is None:
            self.balance_label.setText(self.tr("Choose a member"))
            return
        parts = [self.tr("%n point(s)", "", total)]  # "1 point", not "1 points"
        if level:
            parts.append(default_name(level))
        if cut:  # a member of two years has more entries than the list holds: it says which it shows
            parts.append(self.tr("the latest %1 entries").replace("%1", str(LEDGER_LIMIT)))
        self.balance_label.setText(" · ".join(parts))

    # ---- rules and levels ----
    def _write_rule(self, code: str, points: int | None, active: bool | None) -> bool:
        if self._group_id is None:
            return False
        group_id = self._group_id

        def save_rule(session) -> None:
            set_rule(session, self._actor, group_id, code, points=points, active=active)

        if not run_write(self, self._database, save_rule, changes=("points",)):
            return False
        if code == "streak7":  # the bonuses follow each member's whole history (checkins._reconcile): not only new
            # entries — switched on in December, a member's November runs were paid at their next check-in, dated in
            # November, and the hint said past entries keep their points until a recompute
            self.rules_hint.setText(
                self.tr(
                    "Rule saved. 7-day bonuses follow each member's whole history: a member's past runs are settled "
                    "to this rule at their next check-in, dated on the runs' days, so past months' points change "
                    "then; “Recompute from rules…” settles everyone now."
                )
            )
            return True
        self.rules_hint.setText(
            self.tr("Rule saved. New entries use it now; “Recompute from rules…” re-prices past ones.")
        )
        return True

    def edit_rule(self, code: str, *, points: int | None = None, active: bool | None = None) -> bool:
        """Change a rule as the table would (for keyboard actions and tests)."""
        row = self.rules_model.row_of(code)
        if row is None:
            return False
        ok = True
        if points is not None:
            ok = self.rules_model.setData(self.rules_model.index(row, RULE_POINTS), points, Qt.ItemDataRole.EditRole)
        if active is not None:
            state = Qt.CheckState.Checked if active else Qt.CheckState.Unchecked
            ok = (
                self.rules_model.setData(
                    self.rules_model.index(row, RULE_ACTIVE), state, Qt.ItemDataRole.CheckStateRole
                )
                and ok
            )
        return ok

    def _update_level_buttons(self, *_args: object) -> None:  # no @Slot: several signals with different arguments
        can = self.can_edit_rules and self._group_id is not None
        self.add_level_button.setEnabled(can)
        self.remove_level_button.setEnabled(can and self.levels_table.selectionModel().hasSelection())
        self.save_levels_button.setEnabled(can and self.levels_model.dirty)

    @Slot()
    def add_level(self) -> None:
        levels = self.levels_model.levels()
        top = max((p for _n, p in levels), default=0)
        row = self.levels_model.add_level(self.tr("New level"), top + 100 if levels else 0)
        index = self.levels_model.index(row, 0)
        self.levels_table.setCurrentIndex(index)
        self.levels_table.edit(index)

    @Slot()
    def remove_selected_level(self) -> None:
        rows = self.levels_table.selectionModel().selectedRows()
        if rows:
            self.levels_model.remove_level(rows[0].row())

    @Slot()
    def save_levels(self) -> bool:
        if self._group_id is None:
            return False
        self.levels_error.hide()
        levels = sorted(self.levels_model.levels(), key=lambda lv: lv[1])
        if not run_write(
            self,
            self._database,
            set_levels,
            self._actor,
            self._group_id,
            levels,
            changes=("points",),
            on_error=self._show_levels_error,
        ):
            return False
        self.levels_model.set_levels(levels)
        self.reload_leaderboard()
        return True

    def _show_levels_error(self, exc: BaseException) -> None:
        self.levels_error.setText(localise_message(getattr(exc, "message", str(exc))))
        self.levels_error.show()

    # ---- manual adjustment ----
    def open_adjust_dialog(self, membership_id: int | None = None) -> AdjustPointsDialog | None:
        if self._group_id is None:
            return None
        dialog = AdjustPointsDialog(self._database, self._actor, self._group_id, membership_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.adjusted.connect(self._on_adjusted)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def open_batch_adjust_dialog(self, membership_ids: list[int] | tuple[int, ...] = ()) -> BatchAdjustDialog | None:
        """One adjustment for several members: those given (the roster's selection) and a pasted list of names."""
        if self._group_id is None:
            return None
        dialog = BatchAdjustDialog(self._database, self._actor, self._group_id, membership_ids, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.adjusted.connect(self._on_batch_adjusted)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int, int)
    def _on_batch_adjusted(self, _head_id: int, count: int) -> None:
        self.last_message = self.tr(
            "Adjusted the points of %n member(s); undo it from any of their ledgers.", "", count
        )
        self.reload_leaderboard()
        if self._ledger_membership is not None:
            self.show_ledger(self._ledger_membership)

    @Slot(int)
    def _on_adjusted(self, membership_id: int) -> None:
        self._ledger_membership = membership_id
        self.reload_leaderboard()
        self.show_ledger(membership_id)

    # ---- recompute ----
    def _new_runner(self) -> Any:
        runner = self.runner_factory(self)
        self.runner = runner
        return runner

    @Slot()
    def start_recompute_preview(self) -> None:
        if self._group_id is None or (self.runner is not None and getattr(self.runner, "running", False)):
            return
        runner = self._new_runner()
        runner.finished.connect(self._on_preview_ready)
        runner.failed.connect(self._on_task_failed)
        runner.cancelled.connect(self._on_task_cancelled)
        self.recompute_button.setEnabled(False)
        runner.start(recompute_preview_task, database=self._database, group_id=self._group_id)
        self._update_buttons()

    @Slot(object)
    def _on_preview_ready(self, rows: list) -> None:
        self._update_buttons()
        dialog = RecomputeDialog(rows, can_apply=self.can_edit_rules, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.apply_requested.connect(self._start_recompute_apply)
        dialog.destroyed.connect(self._forget_recompute_dialog)
        self.recompute_dialog = dialog
        dialog.open()

    @Slot()
    def _forget_recompute_dialog(self) -> None:
        self.recompute_dialog = None

    @Slot()
    def _start_recompute_apply(self) -> None:
        if self._group_id is None:
            return
        runner = self._new_runner()
        runner.finished.connect(self._on_apply_done)
        runner.failed.connect(self._on_task_failed)
        runner.cancelled.connect(self._on_task_cancelled)
        runner.start(recompute_apply_task, database=self._database, actor=self._actor, group_id=self._group_id)
        self._update_buttons()

    @Slot(object)
    def _on_apply_done(self, changed: int) -> None:
        announce(self._database, ("points",), self)  # the task committed on its own
        self.last_message = self.tr("%n member(s) corrected by the current rules.", "", int(changed))
        if self.recompute_dialog is not None:
            self.recompute_dialog.accept()
        self._update_buttons()
        self.reload_leaderboard()

    @Slot(str)
    def _on_task_failed(self, message: str) -> None:
        self._update_buttons()
        if self.recompute_dialog is not None:
            self.recompute_dialog.apply_button.setEnabled(True)
        error = getattr(self.runner, "error", None)
        if isinstance(error, QunDeskError | DatabaseError):
            show_error(self, error)
        elif error is not None:  # a bug: the traceback goes to the one exception dialog
            sys.excepthook(type(error), error, error.__traceback__)
        else:
            show_error(self, message)

    @Slot()
    def _on_task_cancelled(self) -> None:
        self._update_buttons()
        if self.recompute_dialog is not None:
            self.recompute_dialog.apply_button.setEnabled(True)
        self.last_message = self.tr("Cancelled; nothing was changed.")
