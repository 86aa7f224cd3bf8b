"""RosterPage: the member list of one group (or all groups) with search as you type, filters, add / edit /
soft delete, bulk actions on a selection (tag, tier, role, copy or move to a group, mark left), undo/redo of
this page's edits (QUndoStack, Ctrl+Z / Ctrl+Shift+Z), the member panel (details and timeline of the selected
member), the referral tree and the group profile. Reads through RosterTableModel (paged SQL), writes through
desktop services."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.phones import drop_id_numbers
from desktop.services.groups import list_groups
from desktop.services.lookups import list_tags, list_tiers, other_groups_of
from desktop.services.members import bulk_add_role, bulk_mark_left, bulk_set_tier, bulk_tag, copy_to_group
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.roster import (
    LeaveSpan,
    MemberInput,
    count_roster_people,
    get_member_input,
    identity_clashes,
    leaves_of,
    restore_member,
    soft_delete_member,
)
from desktop.services.roster_bulk import tier_refs
from desktop.services.roster_queries import list_roles, membership_snapshots
from desktop.tasks import Cancelled
from models.base import MEMBERSHIP_STATUSES
from models.queries.roster import MemberRow, RosterQuery
from ui.dialogs.prompt_dialog import PromptDialog
from ui.messages import default_name, memberships_text, number_text, people_text, show_error
from ui.models.roster_table_model import COL_GROUP, COL_NAME, RosterTableModel, database_source, status_label
from ui.operations import Change, run_write
from ui.pages.roster_commands import (
    ServiceCommand,
    Step,
    copy_command,
    delete_command,
    edit_command,
    mark_left_command,
    restore_command,
    role_command,
    set_tier_command,
    tag_command,
)
from ui.widgets.member_panel import MemberPanel
from ui.widgets.tables import SelectionMode, make_table

if TYPE_CHECKING:  # loaded when a member is first added or edited: the window paints sooner
    from ui.dialogs.member_dialog import MemberDialog
    from ui.dialogs.points_dialogs import BatchAdjustDialog

ROSTER_CHANGES = ("members", "taxonomy")  # a bulk tag may create the tag; the sidebar counts may move
SEARCH_DEBOUNCE_MS = 150
PANEL_DEBOUNCE_MS = 60
UNDO_VISIBLE_MS = 12_000
WIDTH_SAMPLE_ROWS = 60
MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH = 56, 260
PANEL_WIDTH = 340
UNDO_LIMIT = 50
BULK_OFF_THREAD = 300  # a bulk change of this many people or more runs off the UI thread (seconds per thousand)
STAYING = ("applicant", "onboarding", "active")


class RosterPage(QWidget):
    members_changed = Signal()  # something was added, edited, deleted or restored (group counts may change)

    def __init__(self, database, actor: Actor, parent: QWidget | None = None, *, group_id: int | None = None):
        """`group_id`: the group shown first (None: all groups) — the roster is read once, for it."""
        super().__init__(parent)
        self.setObjectName("rosterPage")
        self._database = database
        self._actor = actor
        self._group_id: int | None = group_id
        self._widths_done = False
        self._stale = False  # data changed elsewhere while the page was hidden: reload when shown
        self._selected_before_reset: list[int] = []  # the selection as the model reloads (kept across a sort)
        self.active_dialog: MemberDialog | None = None
        self.active_points_dialog: BatchAdjustDialog | None = None
        self.active_prompt: PromptDialog | None = None
        self.active_profile_dialog = None
        self.active_referral_dialog = None
        self.undo_stack = QUndoStack(self)
        self._step_message = ""  # what the last undo/redo did, shown once the stack has moved (stepped)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)

        self.model = RosterTableModel(
            database_source(database), show_phone=allowed(actor, "export_unmasked"), parent=self
        )
        self._build()
        self.reload_choices()
        self.table.setColumnHidden(COL_GROUP, group_id is not None)
        self.apply_filters()
        self._update_group_buttons()

    # ---- building ----
    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchBox")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search name, nickname, WeChat ID, phone tail, pinyin (zs)"))
        # the box stretches into any room there is; a smaller floor keeps the filter row within the default window
        # when "All groups" shows its longer count (with Noto CJK at 100,000 members the row outgrew the window and
        # pushed the group list narrower at each switch between all groups and one)
        self.search_edit.setMinimumWidth(220)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filters)

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for code in MEMBERSHIP_STATUSES:
            self.status_combo.addItem(status_label(code), code)
        self.tier_combo = QComboBox()
        self.tag_combo = QComboBox()
        self.tag_combo.setMinimumContentsLength(6)
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.never_spoke_check = QCheckBox(self.tr("Never spoke"))
        self.never_spoke_check.setObjectName("neverSpoke")
        self.never_spoke_check.setToolTip(
            self.tr(
                "Members and newcomers with no message in any imported chat history (Tools → Import a chat "
                "history…); choose a status to look at others"
            )
        )
        self.never_spoke_check.toggled.connect(self.apply_filters)
        self.show_deleted_check = QCheckBox(self.tr("Show deleted"))
        for combo in (self.status_combo, self.tier_combo, self.tag_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.show_deleted_check.toggled.connect(self.apply_filters)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.tier_combo)
        filters.addWidget(self.tag_combo)
        filters.addWidget(self.never_spoke_check)
        filters.addWidget(self.show_deleted_check)
        filters.addSpacing(8)
        filters.addWidget(self.count_label)

        self.table = make_table("rosterTable", selection=SelectionMode.ExtendedSelection)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._schedule_panel)
        self.model.modelReset.connect(self._update_buttons)
        # a sort reloads the rows: the selection made before it is selected again (it was dropped — 30 people
        # selected, a click on 积分 to see who leads, and none selected)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.resorted.connect(self._select_again_after_sort)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)

        # Said in the middle of an empty table: why it is empty and what to do.
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)

        # The member panel beside the table: details and timeline of the one selected member.
        self.member_panel = MemberPanel(self._database, self._actor)
        self.member_panel.edit_requested.connect(self.open_member_dialog)
        self.member_panel.changed.connect(self._on_panel_changed)
        self.member_panel.left_marked.connect(self._on_member_saved)  # Undo, as for an edit in the member dialog
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(PANEL_DEBOUNCE_MS)
        self._panel_timer.timeout.connect(self.update_panel)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("rosterSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.member_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([10_000, PANEL_WIDTH])

        self.add_button = QPushButton(self.tr("Add member"))
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.add_button.clicked.connect(lambda: self.open_member_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)

        self.bulk_menu = QMenu(self)
        self.bulk_tag_action = self.bulk_menu.addAction(self.tr("Add tag…"), self.bulk_add_tag)
        self.bulk_tier_action = self.bulk_menu.addAction(self.tr("Set tier…"), self.bulk_set_tier)
        self.bulk_role_action = self.bulk_menu.addAction(self.tr("Add role…"), self.bulk_add_role)
        self.bulk_menu.addSeparator()
        self.bulk_copy_action = self.bulk_menu.addAction(self.tr("Copy to group…"), self.bulk_copy)
        self.bulk_move_action = self.bulk_menu.addAction(self.tr("Move to group…"), self.bulk_move)
        self.bulk_menu.addSeparator()
        self.bulk_left_action = self.bulk_menu.addAction(self.tr("Mark left…"), self.bulk_mark_left)
        self.bulk_menu.addSeparator()
        # +5 to the 12 selected who came to the meetup: the Points page's batch dialog, the selection in it
        self.bulk_points_action = self.bulk_menu.addAction(self.tr("Adjust points…"), self.bulk_adjust_points)
        self.bulk_button = QPushButton(self.tr("Bulk actions"))
        self.bulk_button.setObjectName("bulkButton")
        self.bulk_button.setMenu(self.bulk_menu)
        self.bulk_button.setToolTip(self.tr("Act on every selected member at once (Shift/Ctrl-click to select)"))

        self.referral_button = QPushButton(self.tr("Referral tree"))
        self.referral_button.clicked.connect(self.open_referral_tree)
        self.profile_button = QPushButton(self.tr("Group profile"))
        self.profile_button.clicked.connect(self.open_group_profile)
        self.panel_button = QPushButton(self.tr("Details"))
        self.panel_button.setCheckable(True)
        self.panel_button.setChecked(True)
        self.panel_button.setToolTip(self.tr("Show or hide the member panel"))
        self.panel_button.toggled.connect(self._set_panel_visible)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.bulk_button)
        buttons.addStretch(1)
        buttons.addWidget(self.referral_button)
        buttons.addWidget(self.profile_button)
        buttons.addWidget(self.panel_button)

        # Message bar: "Set the tier of 3 people to 大咖 [Undo]" — the result of the last action, with an Undo
        # for the ones on the undo stack; hidden after a while.
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_label = QLabel()
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("linkButton")
        self.undo_button.clicked.connect(self.undo_delete)
        ub = QHBoxLayout(self.undo_bar)
        ub.setContentsMargins(12, 6, 12, 6)
        ub.addWidget(self.undo_label, 1)
        ub.addWidget(self.undo_button)
        self.undo_bar.hide()
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_VISIBLE_MS)
        self._undo_timer.timeout.connect(self.undo_bar.hide)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.undo_bar)
        layout.addLayout(buttons)

        # Ctrl+F and Ctrl+N wherever the focus is in the window while this page shows: after Ctrl+2 or a click
        # on a group it stays in the group list, where a page-only shortcut did nothing
        self._add_action(QKeySequence.StandardKey.Find, self._focus_search, window=True)
        self._add_action(QKeySequence.StandardKey.New, lambda: self.open_member_dialog(None), window=True)
        self._add_action(QKeySequence(Qt.Key.Key_Delete), self.delete_selected, self.table)
        self._add_action(QKeySequence(Qt.Key.Key_Return), self.edit_selected, self.table)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # Ctrl+Z with nothing to undo (after a restart of the window, a copy or move, another operator signing in)
        # did nothing at all: it says so, and where the history starts. Enabled only while Undo is not (one
        # enabled action per shortcut).
        self.nothing_to_undo_action = QAction(self)
        self.nothing_to_undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.nothing_to_undo_action.triggered.connect(self._say_nothing_to_undo)
        self.undo_stack.canUndoChanged.connect(lambda can: self.nothing_to_undo_action.setEnabled(not can))
        for action in (self.undo_action, self.redo_action, self.nothing_to_undo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_stack.indexChanged.connect(self._on_undo_index_changed)

        can_delete = allowed(self._actor, "delete_members")
        if not can_delete:
            tip = self.tr("Only the owner or an admin may delete members")
            self.delete_button.setToolTip(tip)
            self.restore_button.setToolTip(tip)
        if not allowed(self._actor, "edit_members"):
            self.add_button.setToolTip(self.tr("Your role may not edit members"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_label.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        return super().eventFilter(watched, event)

    def _update_empty_state(self) -> None:
        if self.model.total > 0:
            self.empty_label.hide()
            return
        query = self.model.query
        filtered = bool(query.text or query.status or query.tier_id or query.tag_id)
        if filtered:
            text = self.tr("No one matches this search or filter.")
        elif self._group_id is None and not self._any_group():
            # a new workspace: "Add member" only says "create a group first" once the form is filled in
            text = self.tr(
                "No groups yet. Create the first one with File ▸ New group… (or the + beside “Groups”), "
                "then add its members or import a roster with Tools ▸ Import…."
            )
        else:
            text = self.tr("No members here yet. Add the first one with “Add member”.")
        self.empty_label.setText(text)
        self.empty_label.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        self.empty_label.show()

    def _any_group(self) -> bool:
        with self._database.session() as session:
            return bool(list_groups(session))

    def _add_action(self, keys, slot, widget: QWidget | None = None, *, window: bool = False) -> None:
        """A page shortcut (`window`: also while the focus is elsewhere in the window, e.g. the group list —
        a hidden page's shortcuts are off, so pages do not take each other's keys)."""
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(
            Qt.ShortcutContext.WindowShortcut if window else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        action.triggered.connect(slot)
        (widget or self).addAction(action)

    @Slot()
    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # ---- choices and filters ----
    def reload_choices(self) -> None:
        """Refill the tier and tag filters (new tags appear as members are saved), keeping the choice."""
        with self._database.session() as session:
            tiers = list_tiers(session)
            tags = list_tags(session)
        for combo, all_text, items in (
            (self.tier_combo, self.tr("All tiers"), tiers),
            (self.tag_combo, self.tr("All tags"), tags),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for item_id, name in items:
                combo.addItem(default_name(name) if combo is self.tier_combo else name, item_id)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)

    def set_group(self, group_id: int | None) -> None:
        """Show one group's roster (None: all groups)."""
        self._group_id = group_id
        self.table.setColumnHidden(COL_GROUP, group_id is not None)
        self.apply_filters()
        self._update_group_buttons()

    @property
    def group_id(self) -> int | None:
        return self._group_id

    def data_changed_elsewhere(self, change: Change) -> None:
        """Another page or dialog changed data (relayed by the main window): names, statuses, points and last
        activity in the rows, and the tag and tier filters, may have moved. Reloads now when visible."""
        if change.database is not self._database:
            return
        if self.isVisible():
            self.reload_all()
        else:
            self._stale = True

    def reload_all(self) -> None:
        """The filters' choices, the rows (keeping the selection) and the member panel, from the database."""
        self._stale = False
        self.reload_choices()
        self.refresh()
        self.member_panel.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload_all()

    def current_query(self) -> RosterQuery:
        old = self.model.query
        return RosterQuery(
            group_id=self._group_id,
            text=self.search_edit.text().strip(),
            status=self.status_combo.currentData(),
            tier_id=self.tier_combo.currentData(),
            tag_id=self.tag_combo.currentData(),
            include_deleted=self.show_deleted_check.isChecked(),
            never_spoke=self.never_spoke_check.isChecked(),
            sort=old.sort,
            descending=old.descending,
            phones_hidden=not allowed(self._actor, "export_unmasked"),  # no digit the phone column hides is searched
        )

    @Slot()
    def apply_filters(self) -> None:
        """Run the search and the filters. A selection of several rows keeps the rows still shown and says how many
        it lost: it was dropped whole without a word (30 selected, a search typed: none selected, the bulk actions
        greyed out), and the rows the search hid are no longer selected either, so a bulk action never acts on a
        row the list does not show."""
        self._search_timer.stop()
        selected = self.selected_rows()
        self.model.set_query(self.current_query())
        self._after_reload([selected[0].membership_id] if len(selected) == 1 else [])
        if len(selected) > 1:
            self._keep_selection([r.membership_id for r in selected])

    def _keep_selection(self, membership_ids: list[int]) -> None:
        """Select these rows again after the list was reloaded (a search, a filter, a sort) and say how many of them
        are not among the rows shown now (hidden by the search or a filter, or not loaded yet) and so unselected."""
        found = self.select_memberships(membership_ids)
        lost = len(membership_ids) - found
        if lost:
            self.show_message(
                self.tr(
                    "%n of the selected rows are not in the list now and are no longer selected: bulk actions act "
                    "only on the %1 still selected.",
                    "",
                    lost,
                ).replace("%1", str(found))
            )

    @Slot()
    def _remember_selection(self) -> None:
        self._selected_before_reset = [r.membership_id for r in self.selected_rows()]

    @Slot()
    def _select_again_after_sort(self) -> None:
        ids, self._selected_before_reset = self._selected_before_reset, []
        if len(ids) == 1:
            self.select_membership(ids[0])
        elif ids:
            self._keep_selection(ids)

    def _settle_search(self) -> None:
        """A search typed a moment ago and not run yet (the box waits SEARCH_DEBOUNCE_MS for more keys) is run
        before an action on the selection: a bulk action opened right after typing took the 30 rows selected
        before, and the search then hid 15 of them behind its prompt — the tier went to all 30, 15 of them out of
        sight."""
        if self._search_timer.isActive():
            self.apply_filters()

    def count_text(self) -> str:
        """Within one group a row is a person: "共 155 人". Across groups a person in two groups is two rows:
        "906 条成员资格 · 600 人" (ui/messages.py, "Counting people")."""
        total = self.model.total
        if self._group_id is not None or total == 0:
            return self.tr("%n person(s)", "", total)
        people = self.model.people
        if people is None:
            with self._database.session() as session:
                people = count_roster_people(session, self.model.query)
        if people == total:
            return self.tr("%n person(s)", "", total)
        return f"{memberships_text(total)} · {people_text(people)}"

    def refresh(self, select_membership: int | None = None) -> None:
        """Re-run the query after a change (keeps the loaded rows and, if possible, the selection — all of it,
        so several bulk actions can follow one another on the same people)."""
        if select_membership is None:
            keep = [r.membership_id for r in self.selected_rows()]
        else:
            keep = [select_membership]
        self.model.refresh()
        self._after_reload(keep)

    def _after_reload(self, select: list[int]) -> None:
        self.count_label.setText(self.count_text())
        # the count only widens its place: a search that shrinks "906 条成员资格 · 600 人" to "共 7 人" moved the
        # filters beside it to the right, under the pointer on its way to one of them
        self.count_label.setMinimumWidth(max(self.count_label.minimumWidth(), self.count_label.sizeHint().width()))
        if not self._widths_done and self.model.rowCount() > 0:
            self.size_columns_from_sample()
        if len(select) == 1:
            self.select_membership(select[0])
        elif select:
            self.select_memberships(select)
        self._update_empty_state()
        self._update_buttons()
        self._schedule_panel()

    def size_columns_from_sample(self) -> None:
        """Column widths from the header and the first rows only (resizeColumnsToContents reads every row)."""
        fm = QFontMetrics(self.table.font())
        hfm = QFontMetrics(self.table.horizontalHeader().font())
        sample = min(self.model.rowCount(), WIDTH_SAMPLE_ROWS)
        for col in range(self.model.columnCount()):
            header = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = hfm.horizontalAdvance(header) + 34  # room for the sort arrow
            for row in range(sample):
                text = self.model.data(self.model.index(row, col))
                if text:
                    width = max(width, fm.horizontalAdvance(str(text)) + 24)
            self.table.setColumnWidth(col, max(MIN_COLUMN_WIDTH, min(width, MAX_COLUMN_WIDTH)))
        self._widths_done = True

    @Slot(int, Qt.SortOrder)
    def _on_sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, self.model.sort_order)
            header.blockSignals(False)

    # ---- selection ----
    def selected_rows(self) -> list[MemberRow]:
        sel = self.table.selectionModel()
        if sel is None:
            return []
        rows = sorted({i.row() for i in sel.selectedRows()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]

    def select_membership(self, membership_id: int) -> bool:
        row = self.model.row_of(membership_id)
        if row is None:
            return False
        index = self.model.index(row, COL_NAME)
        self.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def select_memberships(self, membership_ids: list[int]) -> int:
        """Select these rows (as Ctrl-clicks would); returns how many were found among the loaded rows."""
        # one selection, one selectionChanged: selected row by row, each change re-read the whole selection
        # (the buttons, the panel) — 1.8 s to re-select the 200 rows of a bulk action at 100,000 members
        position = {r.membership_id: i for i, r in enumerate(self.model.loaded_rows())}
        selection = QItemSelection()
        found = 0
        for msid in membership_ids:
            row = position.get(msid)
            if row is None:
                continue
            index = self.model.index(row, COL_NAME)
            selection.select(index, index)
            found += 1
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        return found

    @Slot()
    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        live = [r for r in rows if not r.deleted]
        deleted = [r for r in rows if r.deleted]
        can_edit = allowed(self._actor, "edit_members")
        can_delete = allowed(self._actor, "delete_members")
        self.add_button.setEnabled(can_edit)
        self.edit_button.setEnabled(can_edit and len(rows) == 1 and bool(live))
        self.delete_button.setEnabled(can_delete and bool(live))
        self.restore_button.setVisible(self.show_deleted_check.isChecked())
        self.restore_button.setEnabled(can_delete and bool(deleted))
        self.bulk_button.setEnabled(can_edit and bool(live))
        staying = [r for r in live if r.status in STAYING]
        self.bulk_left_action.setEnabled(bool(staying) and allowed(self._actor, "record_participation"))
        self.bulk_points_action.setEnabled(bool(live) and allowed(self._actor, "record_participation"))
        self.member_panel.actor = self._actor  # follows a change of operator (set_actor)
        self._update_group_buttons()

    def _update_group_buttons(self) -> None:
        has_group = self._group_id is not None
        tip = "" if has_group else self.tr("Choose a group in the list on the left first")
        for button in (self.referral_button, self.profile_button):
            button.setEnabled(has_group)
            button.setToolTip(tip)
        if has_group:
            self.referral_button.setToolTip(self.tr("Who brought whom into this group"))
            self.profile_button.setToolTip(self.tr("Goal, threshold, rules and the other essentials of this group"))

    # ---- the member panel ----
    @Slot()
    def _schedule_panel(self) -> None:
        if self.panel_button.isChecked():
            self._panel_timer.start()

    @Slot()
    def update_panel(self) -> None:
        """Show the one selected member in the panel (several or none: a hint)."""
        self._panel_timer.stop()
        rows = self.selected_rows()
        if len(rows) == 1:
            if rows[0].membership_id != self.member_panel.membership_id or self.member_panel.data is None:
                self.member_panel.set_membership(rows[0].membership_id)
            return
        if len(rows) > 1:
            self.member_panel.set_membership(None)
            text = self.tr("%n people selected. Use “Bulk actions” to change them together.", "", len(rows))
            if len(rows) == self.model.rowCount() < self.model.total:  # Ctrl+A selects the rows loaded so far
                text += "\n\n" + (
                    self.tr(
                        "Only the rows loaded so far are selected: %1 of %2. Scroll down to load more, or narrow "
                        "the list with the search and the filters."
                    )
                    .replace("%1", number_text(len(rows)))
                    .replace("%2", number_text(self.model.total))
                )
            self.member_panel.empty_label.setText(text)
        else:
            self.member_panel.set_membership(None)
            self.member_panel.empty_label.setText(self.tr("Select one member to see their details and timeline."))

    @Slot(bool)
    def _set_panel_visible(self, visible: bool) -> None:
        self.member_panel.setVisible(visible)
        if visible:
            self.update_panel()

    @Slot()
    def _on_panel_changed(self) -> None:
        self.refresh()
        self.members_changed.emit()

    # ---- undo / redo ----
    def run_step(self, step: Step, count: int = 0) -> bool | None:
        """Run one undo/redo step in its own transaction as the current operator (roster_commands.Runner); a step
        of BULK_OFF_THREAD people or more off the UI thread, as the action itself. None: cancelled."""
        cancelled = False
        try:
            done = run_write(
                self, self._database, step, self._actor, changes=ROSTER_CHANGES, working=self._working(count)
            )
            if not done and isinstance(done.error, Cancelled):
                cancelled = True
                self.show_message(self.tr("Cancelled. Nothing was changed."))
        finally:
            self.reload_choices()
            self.refresh()
            self.member_panel.reload()
            self.members_changed.emit()
        return None if cancelled else bool(done)

    def view(self) -> object:
        return self._group_id

    def stepped(
        self, text: str, undone: bool, done: bool, kept: int = 0, elsewhere: bool = False, note: str = ""
    ) -> None:
        """roster_commands.Runner: what Ctrl+Z (Ctrl+Shift+Z) did, in the message bar once the stack has moved, where
        the list cannot show it — it said nothing: an undo of people of another group than the one shown (the
        group switched since) changed nothing in sight, and one that left a tier another assistant set since
        looked as if it had not worked. A step that failed showed its reason; the bar no longer offers to undo it
        (its Undo then undid the command before it, which the bar did not name)."""
        self._step_message = ""
        if not done:
            self.undo_bar.hide()
            self._undo_timer.stop()
            return
        if not (kept or elsewhere or note):
            return  # the list shows it
        line = (self.tr("Undone: %1") if undone else self.tr("Redone: %1")).replace("%1", text)
        if kept:
            line += " " + self.tr("%n person(s) changed by someone else since: left as they are.", "", kept)
        if elsewhere:
            line += " " + self.tr("(Not in the group shown.)")
        if note:
            line += " " + note
        self._step_message = line

    def step_back(self, undone: bool) -> None:
        """roster_commands.Runner: after a cancelled undo (redo), move the stack back over the command, once the
        stack has finished the call that ran it."""
        QTimer.singleShot(0, self.undo_stack.redo if undone else self.undo_stack.undo)

    def _push(self, command: ServiceCommand, message: str) -> None:
        self.undo_stack.push(command)
        self.show_message(message, undoable=True)

    def show_message(self, text: str, *, undoable: bool = False) -> None:
        """The message bar: the result of the last action, with Undo when it can be undone."""
        self.undo_label.setText(text)
        self.undo_button.setVisible(undoable)
        self.undo_bar.show()
        self._undo_timer.start()

    @Slot(int)
    def _on_undo_index_changed(self, _index: int) -> None:
        message, self._step_message = self._step_message, ""
        if message:  # what the undo or redo just did (stepped)
            self.show_message(message)
            return
        if self.undo_button.isVisible() and not self.undo_stack.canRedo():
            return  # the bar still describes the newest command
        self.undo_bar.hide()
        self._undo_timer.stop()

    @Slot()
    def undo_delete(self) -> None:
        """Undo the last edit on this page (the message bar's Undo and Ctrl+Z); the bar then says what was undone."""
        self.undo_bar.hide()
        self._undo_timer.stop()
        if self.undo_stack.canUndo():
            self.undo_stack.undo()

    undo = undo_delete

    @Slot()
    def _say_nothing_to_undo(self) -> None:
        self.show_message(
            self.tr(
                "Nothing to undo here. Undo reaches back to the changes made on this page since QunDesk was opened "
                "(a copy or move to a group, or another operator signing in, starts it afresh)."
            )
        )

    @Slot()
    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self.undo_stack.redo()

    # ---- actions ----
    def open_member_dialog(self, membership_id: int | None) -> MemberDialog | None:
        """Open the add (None) or edit dialog window-modally; the roster refreshes when it saves. An edit is
        undoable: the fields before and after are kept on the undo stack."""
        if not allowed(self._actor, "edit_members"):
            return None
        before: MemberInput | None = None
        leaves: list[LeaveSpan] = []
        if membership_id is not None:
            try:
                with self._database.session() as session:
                    before = get_member_input(session, membership_id)
                    leaves = leaves_of(session, membership_id)  # an edit that ends the membership cuts them
            except QunDeskError as exc:
                show_error(self, exc)
                return None
        from ui.dialogs.member_dialog import MemberDialog

        dialog = MemberDialog(self._database, self._actor, self._group_id, membership_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.member_saved.connect(lambda msid, b=before, lv=leaves: self._on_member_saved(msid, b, lv))
        dialog.finished.connect(lambda _result, d=dialog: self._after_member_dialog(d))
        dialog.destroyed.connect(self._forget_dialog)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _forget_dialog(self) -> None:
        self.active_dialog = None

    def _after_member_dialog(self, dialog: MemberDialog) -> None:
        if dialog.merged_member_id is not None:  # its duplicate warning merged two people
            self.refresh()
            self.member_panel.reload()
            self.members_changed.emit()

    def _on_member_saved(
        self, membership_id: int, before: MemberInput | None = None, leaves: list[LeaveSpan] | None = None
    ) -> None:
        if before is not None:
            with self._database.session() as session:
                after = get_member_input(session, membership_id)
                tier_ids = {n: r.id for n, r in tier_refs(session, [before.tier, after.tier]).items()}
            if after != before:
                # the message and the Edit menu's "Undo …": the name as this operator sees it (a phone in it masked)
                text = self.tr("Edited %1.").replace("%1", names_shown_to(self._actor)(after.display_name) or "")
                command = edit_command(self, text, membership_id, before, after, leaves, self._kept_text, tier_ids)
                self._push(command, text)
        self.reload_choices()
        self.refresh(select_membership=membership_id)
        self.member_panel.reload()
        self.members_changed.emit()

    @Slot()
    def edit_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1 and not rows[0].deleted:
            self.open_member_dialog(rows[0].membership_id)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None and not row.deleted:
            self.open_member_dialog(row.membership_id)

    @Slot()
    def delete_selected(self) -> None:
        """Soft delete the selected people; Undo (the message bar or Ctrl+Z) brings them back."""
        self._settle_search()
        rows = [r for r in self.selected_rows() if not r.deleted]
        if not rows:
            return
        if not allowed(self._actor, "delete_members"):
            # the Delete key of an assistant: said, not silently ignored (the button is greyed with this tip)
            self.show_message(self.tr("Only the owner or an admin may delete members"))
            return
        member_ids = list(dict.fromkeys(r.member_id for r in rows))
        names = {r.member_id: r.display_name for r in rows}
        shown = [r.membership_id for r in rows]

        def delete_all(session) -> tuple[list[str], list[int]]:
            elsewhere = other_groups_of(session, member_ids, shown)
            return elsewhere, [mid for mid in member_ids if soft_delete_member(session, self._actor, mid)]

        done = run_write(
            self, self._database, delete_all, changes=ROSTER_CHANGES, working=self._working(len(member_ids))
        )
        if not done:
            if isinstance(done.error, Cancelled):
                self.show_message(self.tr("Cancelled. Nothing was changed."))
            return
        elsewhere, deleted = done.value
        # people someone else deleted since the roster was read are not this deletion's: its Undo leaves them deleted
        before = self.tr("%1: deleted already by someone else.").replace(
            "%1", "、".join(names[mid] for mid in member_ids if mid not in deleted)
        )
        if not deleted:
            self.show_message(before)
            self.refresh()
            return
        if len(deleted) == 1:
            text = self.tr("Deleted %1.").replace("%1", names[deleted[0]])
        else:
            text = self.tr("Deleted %n person(s).", "", len(deleted))
        if elsewhere:  # a deletion is the person's: their rows in the other groups go too — said, not hidden
            text += " " + self.tr("Also gone from the roster of %1.").replace("%1", "、".join(elsewhere))
        if len(deleted) < len(member_ids):
            text += " " + before
        self._push(delete_command(self, text, deleted, self._clashes_text), text)
        self.refresh()
        self.members_changed.emit()

    @Slot()
    def restore_selected(self) -> None:
        self._settle_search()
        rows = [r for r in self.selected_rows() if r.deleted]
        if not rows:
            return
        member_ids = list(dict.fromkeys(r.member_id for r in rows))

        def restore_all(session) -> tuple[list[int], list]:
            restored = [mid for mid in member_ids if restore_member(session, self._actor, mid)]
            return restored, identity_clashes(session, restored)

        done = run_write(
            self, self._database, restore_all, changes=ROSTER_CHANGES, working=self._working(len(member_ids))
        )
        if not done:
            if isinstance(done.error, Cancelled):
                self.show_message(self.tr("Cancelled. Nothing was changed."))
            return
        restored, clashes = done.value  # someone restored since the roster was read: not this restore's to undo
        text = self.tr("Restored %n person(s).", "", len(restored))
        if clashes:
            text += " " + self._clashes_text(clashes)
        if not restored:
            self.show_message(text)
            self.refresh()
            return
        self._push(restore_command(self, text, restored), text)
        self.refresh()
        self.members_changed.emit()

    def _kept_text(self, kept: tuple[str, ...]) -> str:
        """The fields an undone (redone) edit left as someone else changed them since (roster.undo_member_edit)."""
        return self.tr("%n field(s) changed by someone else since: left as they are.", "", len(kept))

    def _clashes_text(self, clashes: list) -> str:
        """People brought back who were added again meanwhile (roster.identity_clashes): two records of one person
        now, each said with whom to merge."""
        return " ".join(
            self.tr("%1 has the same WeChat ID or phone as %2 (#%3): if they are one person, merge them.")
            .replace("%1", name)
            .replace("%2", hit.display_name)
            .replace("%3", str(hit.member_id))
            for name, hit in clashes
        )

    @Slot(QPoint)
    def _show_context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        edit = menu.addAction(self.tr("Edit…"), self.edit_selected)
        edit.setEnabled(self.edit_button.isEnabled())
        delete = menu.addAction(self.tr("Delete"), self.delete_selected)
        delete.setEnabled(self.delete_button.isEnabled())
        bulk = menu.addMenu(self.tr("Bulk actions"))
        bulk.setEnabled(self.bulk_button.isEnabled())
        for action in self.bulk_menu.actions():
            bulk.addAction(action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ---- bulk actions ----
    def _bulk_rows(self, *, staying_only: bool = False) -> list[MemberRow]:
        self._settle_search()
        rows = [r for r in self.selected_rows() if not r.deleted]
        if staying_only:
            rows = [r for r in rows if r.status in STAYING]
        return rows

    @staticmethod
    def _people(rows: list[MemberRow]) -> int:
        return len({r.member_id for r in rows})

    def _rows_note(self, rows: list[MemberRow]) -> str:
        """What a prompt of a per-membership action (tier, role, mark left) adds when the selection holds a person
        in more than one group (the roster of every group): it said "these 3 person(s)" for two people, and nothing
        of the second group the one person was about to leave too."""
        if self._people(rows) == len(rows):
            return ""
        groups = "、".join(dict.fromkeys(r.group_name for r in rows))
        return "\n" + self.tr(
            "%n selected rows in %1: a person selected in more than one group changes in each of them.", "", len(rows)
        ).replace("%1", groups)

    def _prompt(self, dialog: PromptDialog, on_value: Callable[[str], None]) -> PromptDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_value(dialog.value()))
        dialog.destroyed.connect(self._forget_prompt)
        self.active_prompt = dialog
        dialog.open()
        return dialog

    @Slot()
    def _forget_prompt(self) -> None:
        self.active_prompt = None

    def _working(self, count: int) -> str | None:
        """The progress label of a change of `count` people when it is big enough to run off the UI thread."""
        return self.tr("Changing the selected people…") if count >= BULK_OFF_THREAD else None

    def _bulk_write(self, write: Callable[[object], Any], count: int = 0) -> Any:
        """One bulk service call in one transaction; None (and a message) if it was refused or cancelled. A
        selection of BULK_OFF_THREAD people or more is written off the UI thread with progress and Cancel: marking
        5,000 people left took half a minute, the window frozen ("not responding") all along."""
        done = run_write(self, self._database, write, changes=ROSTER_CHANGES, working=self._working(count))
        if not done and isinstance(done.error, Cancelled):
            self.show_message(self.tr("Cancelled. Nothing was changed."))
        return done.value if done else None

    def _after_bulk(self) -> None:
        self.reload_choices()
        self.refresh()
        self.member_panel.reload()
        self.members_changed.emit()

    def _snapshots(self, ids: list[int]):
        with self._database.session() as session:
            return membership_snapshots(session, ids)

    @Slot()
    def bulk_add_tag(self) -> PromptDialog | None:
        rows = self._bulk_rows()
        if not rows:
            return None
        with self._database.session() as session:
            tags = [name for _id, name in list_tags(session)]
        dialog = PromptDialog(
            self.tr("Add tag"),
            # a tag is the person's: one person in two groups (two rows of the roster of every group) is one
            self.tr(
                "Tag for %n selected person(s) — pick one or type a new one:", "", len({r.member_id for r in rows})
            ),
            choices=tags,
            editable=True,
            placeholder=self.tr("e.g. early riser"),
            parent=self,
        )
        return self._prompt(dialog, lambda tag: self._do_bulk_tag([r.membership_id for r in rows], tag))

    def _do_bulk_tag(self, ids: list[int], tag: str) -> None:
        tag, id_numbers = drop_id_numbers(tag.strip())  # as the service stores it (the undo names the same tag)
        tag = tag or ""
        before = self._snapshots(ids)
        lacked = [i for i in ids if i in before and tag not in before[i].tags]
        with self._database.session() as session:
            created = tag not in {name for _id, name in list_tags(session)}
        n = self._bulk_write(lambda s: bulk_tag(s, self._actor, ids, tag), len(ids))
        if n is None:
            return
        people = len({snap.member_id for snap in before.values()})  # one person in two groups is two rows
        text = self.tr("Added the tag “%1” to %n person(s).", "", people).replace("%1", tag)
        if id_numbers:
            text += " " + self.id_number_note()
        with self._database.session() as session:  # the undo record holds the tag's id: a rename is no obstacle
            tag_id = next((tid for tid, name in list_tags(session) if name == tag), None)
        self._push(tag_command(self, text, ids, tag, lacked, created=created, tag_id=tag_id), text)
        self._after_bulk()

    @Slot()
    def bulk_set_tier(self) -> PromptDialog | None:
        rows = self._bulk_rows()
        if not rows:
            return None
        with self._database.session() as session:
            tiers = [name for _id, name in list_tiers(session)]
        no_tier = self.tr("(no tier)")
        dialog = PromptDialog(
            self.tr("Set tier"),
            self.tr("Tier for %n selected person(s):", "", self._people(rows)) + self._rows_note(rows),
            choices=[*tiers, no_tier],
            parent=self,
        )
        ids = [r.membership_id for r in rows]
        return self._prompt(dialog, lambda value: self._do_bulk_tier(ids, None if value == no_tier else value))

    def _do_bulk_tier(self, ids: list[int], tier: str | None) -> None:
        snaps = self._snapshots(ids)
        previous = {i: s.tier for i, s in snaps.items()}
        n = self._bulk_write(lambda s: bulk_set_tier(s, self._actor, ids, tier), len(ids))
        if n is None:
            return
        # people, not rows: one person selected in two groups (the roster of every group) is one person
        people = len({snap.member_id for snap in snaps.values()}) if len(snaps) == n else n
        with self._database.session() as session:  # the undo record holds tier ids: a rename since is no obstacle
            refs = tier_refs(session, [tier, *previous.values()])
        previous = {i: refs.get(name) if name else None for i, name in previous.items()}
        if tier:
            text = self.tr("Set the tier of %n person(s) to %1.", "", people).replace("%1", tier)
        else:
            text = self.tr("Cleared the tier of %n person(s).", "", people)
        self._push(set_tier_command(self, text, ids, refs.get(tier) if tier else None, previous), text)
        self._after_bulk()

    @Slot()
    def bulk_add_role(self) -> PromptDialog | None:
        rows = self._bulk_rows()
        if not rows:
            return None
        with self._database.session() as session:
            roles = [name for _id, name in list_roles(session)]
        dialog = PromptDialog(
            self.tr("Add role"),
            self.tr("Role for %n selected person(s) in their group:", "", self._people(rows)) + self._rows_note(rows),
            choices=roles,
            parent=self,
        )
        ids = [r.membership_id for r in rows]
        return self._prompt(dialog, lambda role: self._do_bulk_role(ids, role))

    def _do_bulk_role(self, ids: list[int], role: str) -> None:
        before = self._snapshots(ids)
        lacked = [i for i in ids if i in before and role not in before[i].roles]
        n = self._bulk_write(lambda s: bulk_add_role(s, self._actor, ids, role), len(ids))
        if n is None:
            return
        people = len({snap.member_id for snap in before.values()}) or len(ids)  # one person in two groups: one
        text = self.tr("Added the role “%1” to %n person(s).", "", people).replace("%1", role)
        with self._database.session() as session:
            role_id = next((rid for rid, name in list_roles(session) if name == role), None)
        self._push(role_command(self, text, ids, role, lacked, role_id), text)
        self._after_bulk()

    def _ask_group(self, rows: list[MemberRow], title: str, label: str, on_group: Callable[[int, str], None]):
        with self._database.session() as session:
            groups = [(g.id, g.name) for g in list_groups(session)]
        here = {r.group_id for r in rows} if self._group_id is None else {self._group_id}
        choices = [(gid, name) for gid, name in groups if gid not in here or len(here) > 1]
        if not choices:
            self.show_message(self.tr("There is no other group to choose. Create one first (File ▸ New group…)."))
            return None
        by_name = {name: gid for gid, name in choices}
        dialog = PromptDialog(title, label, choices=[name for _gid, name in choices], parent=self)
        return self._prompt(dialog, lambda name: on_group(by_name[name], name))

    @Slot()
    def bulk_copy(self) -> PromptDialog | None:
        rows = self._bulk_rows()
        if not rows:
            return None
        ids = [r.membership_id for r in rows]
        return self._ask_group(
            rows,
            self.tr("Copy to group"),
            self.tr(
                "Also add %n selected person(s) to this group (they stay where they are):",
                "",
                len({r.member_id for r in rows}),
            ),
            lambda gid, name: self._do_copy(ids, gid, name, move=False),
        )

    @Slot()
    def bulk_move(self) -> PromptDialog | None:
        rows = self._bulk_rows()
        if not rows:
            return None
        ids = [r.membership_id for r in rows]
        return self._ask_group(
            rows,
            self.tr("Move to group"),
            self.tr(
                "Move %n selected person(s) to this group. Their old membership is marked as left; its history stays.",
                "",
                len({r.member_id for r in rows}),  # people, not rows
            ),
            lambda gid, name: self._do_copy(ids, gid, name, move=True),
        )

    def _do_copy(self, ids: list[int], group_id: int, group_name: str, *, move: bool) -> None:
        done = self._bulk_write(lambda s: copy_to_group(s, self._actor, ids, group_id, move=move), len(ids))
        if done is None:
            return
        if move:
            # counted in people (a person in two groups is two rows of the roster of every group); the people still
            # joining the target group stay where they are: said by name, never counted as moved
            moved = done.people - len(done.stayed)
            text = self.tr("Moved %n person(s) to %1.", "", moved).replace("%1", group_name) if moved else ""
        else:
            text = self.tr("Copied %n person(s) to %1.", "", done.added).replace("%1", group_name)
        skipped = done.already - len(done.stayed)
        if skipped > 0:
            text += " " + self.tr("%n were already there.", "", skipped)
        if done.stayed:
            text += " " + (
                self.tr("Not moved: %1 — still joining %2 (applicant or newcomer there), so they stay here.")
                .replace("%1", "、".join(done.stayed))
                .replace("%2", group_name)
            )
        if done.readmitted:
            text += " " + (
                self.tr("%1 had been removed from %2 and are members there again.")
                .replace("%1", "、".join(done.readmitted))
                .replace("%2", group_name)
            )
        if done.blacklisted_elsewhere:
            text += " " + (
                self.tr("Blacklisted in another group: %1 — now members of %2 as asked; remove them there if not.")
                .replace("%1", "、".join(done.blacklisted_elsewhere))
                .replace("%2", group_name)
            )
        # A copy or move made new memberships from the selected ones (with their tier): an earlier command's undo
        # would now reach the old memberships only — Ctrl+Z after "set tier 大咖", then a move, put the old tier back
        # on the rows left behind while the people stayed 大咖 where they are now. The history before it ends here
        # (a deleted person is still restored with Show deleted ▸ Restore); the copy itself can be undone: a person
        # copied into the wrong group and marked left there was that month's joiner and leaver for good
        self.undo_stack.clear()
        undo = done.undo
        if (
            undo is not None
            and (undo.created or undo.rejoined or undo.moved)
            # taking a membership away again is a removal: an assistant's copy is marked left there by an admin
            and (not undo.created or allowed(self._actor, "delete_members"))
        ):
            label = self.tr("Move to group") if move else self.tr("Copy to group")
            self._push(copy_command(self, label, ids, group_id, move, done.undo), text.strip())
        else:
            self.show_message(text.strip())
        self._after_bulk()

    @Slot()
    def bulk_adjust_points(self) -> BatchAdjustDialog | None:
        """The same points and reason for the selected members (points.adjust_points_batch, one transaction; its undo
        is on the Points page's ledger). Points belong to a group: a selection of several groups' rows (the roster
        of every group) is refused with a word, nothing opened."""
        rows = self._bulk_rows()
        if not rows:
            return None
        groups = list(dict.fromkeys(r.group_name for r in rows))
        if len({r.group_id for r in rows}) > 1:
            self.show_message(
                self.tr(
                    "Points are adjusted in one group at a time: the selection holds members of %1. Choose one group "
                    "on the left first."
                ).replace("%1", "、".join(groups))
            )
            return None
        from ui.dialogs.points_dialogs import BatchAdjustDialog  # loaded when first used: the window paints sooner

        dialog = BatchAdjustDialog(
            self._database,
            self._actor,
            rows[0].group_id,
            [r.membership_id for r in rows],
            parent=self,
            known={r.membership_id: (r.display_name, r.status) for r in rows},
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.adjusted.connect(self._after_points_adjusted)
        self.active_points_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int, int)
    def _after_points_adjusted(self, _head_id: int, count: int) -> None:
        self.active_points_dialog = None
        self.refresh()
        self.member_panel.reload()
        self.show_message(
            self.tr("Adjusted the points of %n member(s); the Points page's ledger undoes it.", "", count)
        )

    def bulk_mark_left(self) -> PromptDialog | None:
        rows = self._bulk_rows(staying_only=True)
        if not rows:
            return None
        ids = [r.membership_id for r in rows]
        dialog = PromptDialog(
            self.tr("Mark as left"),
            self.tr("Why did these %n person(s) leave? The reason is kept with their history.", "", self._people(rows))
            + self._rows_note(rows),
            placeholder=self.tr("Reason (required)"),
            ok_text=self.tr("Mark left"),
            parent=self,
        )
        members = {r.membership_id: r.member_id for r in rows}
        return self._prompt(dialog, lambda reason: self._do_mark_left(ids, reason, members))

    def _do_mark_left(self, ids: list[int], reason: str, members: dict[int, int] | None = None) -> None:
        """`members`: membership id -> member id of the rows (the message counts people, as the prompt does)."""

        def mark(session) -> tuple[int, list]:
            # what each was before, for the Undo: the mark is an edit of each membership's leaving
            before = {mid: (get_member_input(session, mid), leaves_of(session, mid)) for mid in dict.fromkeys(ids)}
            n = bulk_mark_left(session, self._actor, ids, reason)
            edits = []
            for mid, (was, leaves) in before.items():
                now = get_member_input(session, mid)
                if now.status != was.status:
                    edits.append((mid, was, now, leaves))
            return n, edits

        done = self._bulk_write(mark, len(ids))
        if done is None:
            return
        n, edits = done
        # people, not rows: one person selected in two groups (the roster of every group) is one person marked left
        people = len({members.get(mid, -mid) for mid, *_rest in edits}) if members else n
        text = self.tr("Marked %n person(s) as left.", "", people)
        if n < len(ids):  # left or removed since the roster was read: kept as they were, said
            text += " " + self.tr("%n had left already (their day and reason are kept).", "", len(ids) - n)
        if drop_id_numbers(reason)[1]:
            text += " " + self.id_number_note()
        if edits:
            self._push(mark_left_command(self, text, edits, self._kept_text), text)
        else:
            self.show_message(text)
        self._after_bulk()

    def id_number_note(self) -> str:
        """What the message bar adds when an ID-card number typed into a prompt was cut (never stored whole)."""
        return self.tr("An ID-card number is never stored: only its last four characters were kept.")

    # ---- group views ----
    def _group_name(self) -> str:
        with self._database.session() as session:
            for g in list_groups(session, include_archived=True):
                if g.id == self._group_id:
                    return g.name
        return ""

    @Slot()
    def open_referral_tree(self):
        """Who brought whom in the current group (several levels deep, biggest trees first)."""
        from ui.dialogs.referral_tree_dialog import ReferralTreeDialog

        if self._group_id is None:
            return None
        dialog = ReferralTreeDialog(
            self._database, self._group_id, self._group_name(), parent=self, shown=names_shown_to(self._actor)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "active_referral_dialog", None))
        self.active_referral_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_group_profile(self):
        """The current group's profile: seven essentials, capacity, rules with versions, archive."""
        from ui.dialogs.group_profile_dialog import GroupProfileDialog

        if self._group_id is None:
            return None
        dialog = GroupProfileDialog(self._database, self._actor, self._group_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.profile_saved.connect(lambda _gid: self.members_changed.emit())
        dialog.group_archived.connect(lambda _gid: self.members_changed.emit())
        dialog.destroyed.connect(lambda: setattr(self, "active_profile_dialog", None))
        self.active_profile_dialog = dialog
        dialog.open()
        return dialog

    # ---- for tests and the main window ----
    def visible_names(self) -> list[str]:
        return [r.display_name for r in self.model.loaded_rows()]

    def set_search_text(self, text: str) -> None:
        self.search_edit.setText(text)
        self.apply_filters()

    def set_actor(self, actor: Actor) -> None:
        """Work for another operator (MainWindow.set_actor): phone column and buttons follow the new role. The undo
        history is the previous operator's: on a shared laptop the assistant signing in after the owner undid the
        owner's edits with Ctrl+Z (a corrected phone put back, a tier set back), written as the assistant's own —
        it ends here, as the pages built again for the new operator start with none."""
        if actor.id != self._actor.id:
            self.undo_stack.clear()
            self.undo_bar.hide()
            self._undo_timer.stop()
        self._actor = actor
        self.model._show_phone = allowed(actor, "export_unmasked")
        can_delete = allowed(actor, "delete_members")
        tip = "" if can_delete else self.tr("Only the owner or an admin may delete members")
        self.delete_button.setToolTip(tip)
        self.restore_button.setToolTip(tip)
        self.add_button.setToolTip("" if allowed(actor, "edit_members") else self.tr("Your role may not edit members"))
        self.model.refresh()
        self._update_buttons()
