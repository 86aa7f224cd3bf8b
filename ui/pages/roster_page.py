"""RosterPage: the member list of one group (or all groups) with search as you type, filters, add / edit /
soft delete with undo. Reads through RosterTableModel (paged SQL), writes through desktop services."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.services.lookups import list_tags, list_tiers
from desktop.services.operators import Actor, allowed
from desktop.services.roster import restore_member, soft_delete_member
from models.base import MEMBERSHIP_STATUSES
from models.queries.roster import MemberRow, RosterQuery
from ui.dialogs.member_dialog import MemberDialog
from ui.messages import show_error
from ui.models.roster_table_model import COL_GROUP, COL_NAME, RosterTableModel, database_source, status_label

SEARCH_DEBOUNCE_MS = 150
UNDO_VISIBLE_MS = 12_000
WIDTH_SAMPLE_ROWS = 60
MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH = 56, 260


class RosterPage(QWidget):
    members_changed = Signal()  # something was added, edited, deleted or restored (group counts may change)

    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rosterPage")
        self._database = database
        self._actor = actor
        self._group_id: int | None = None
        self._widths_done = False
        self._undo_member_ids: list[int] = []
        self.active_dialog: MemberDialog | None = None

        self.model = RosterTableModel(
            database_source(database), show_phone=allowed(actor, "export_unmasked"), parent=self
        )
        self._build()
        self.reload_choices()
        self.apply_filters()

    # ---- building ----
    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchBox")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search name, nickname, WeChat ID, phone tail, pinyin (zs)"))
        self.search_edit.setMinimumWidth(300)
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
        filters.addWidget(self.show_deleted_check)
        filters.addSpacing(8)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setSortIndicator(self.model.sort_column, self.model.sort_order)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        # Said in the middle of an empty table: why it is empty and what to do.
        self.empty_label = QLabel(self.table.viewport())
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.table.viewport().installEventFilter(self)

        self.add_button = QPushButton(self.tr("Add member"))
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.add_button.clicked.connect(lambda: self.open_member_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)

        # Undo bar: "Deleted 张三 [Undo]" — a status message the user can act on, hidden after a while.
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_label = QLabel()
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
        layout.addWidget(self.table, 1)
        layout.addWidget(self.undo_bar)
        layout.addLayout(buttons)

        self._add_action(QKeySequence.StandardKey.Find, self._focus_search)
        self._add_action(QKeySequence.StandardKey.New, lambda: self.open_member_dialog(None))
        self._add_action(QKeySequence(Qt.Key.Key_Delete), self.delete_selected, self.table)
        self._add_action(QKeySequence(Qt.Key.Key_Return), self.edit_selected, self.table)
        self._add_action(QKeySequence.StandardKey.Undo, self.undo_delete)

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
        else:
            text = self.tr("No members here yet. Add the first one with “Add member”.")
        self.empty_label.setText(text)
        self.empty_label.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        self.empty_label.show()

    def _add_action(self, keys, slot, widget: QWidget | None = None) -> None:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
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
                combo.addItem(name, item_id)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)

    def set_group(self, group_id: int | None) -> None:
        """Show one group's roster (None: all groups)."""
        self._group_id = group_id
        self.table.setColumnHidden(COL_GROUP, group_id is not None)
        self.apply_filters()

    @property
    def group_id(self) -> int | None:
        return self._group_id

    def current_query(self) -> RosterQuery:
        old = self.model.query
        return RosterQuery(
            group_id=self._group_id,
            text=self.search_edit.text().strip(),
            status=self.status_combo.currentData(),
            tier_id=self.tier_combo.currentData(),
            tag_id=self.tag_combo.currentData(),
            include_deleted=self.show_deleted_check.isChecked(),
            sort=old.sort,
            descending=old.descending,
        )

    @Slot()
    def apply_filters(self) -> None:
        self._search_timer.stop()
        selected = self.selected_rows()
        self.model.set_query(self.current_query())
        self._after_reload(selected[0].membership_id if len(selected) == 1 else None)

    def refresh(self, select_membership: int | None = None) -> None:
        """Re-run the query after a change (keeps the loaded rows and, if possible, the selection)."""
        if select_membership is None:
            selected = self.selected_rows()
            select_membership = selected[0].membership_id if len(selected) == 1 else None
        self.model.refresh()
        self._after_reload(select_membership)

    def _after_reload(self, select_membership: int | None) -> None:
        total = self.model.total
        self.count_label.setText(self.tr("%n person(s)", "", total))
        if not self._widths_done and self.model.rowCount() > 0:
            self.size_columns_from_sample()
        if select_membership is not None:
            self.select_membership(select_membership)
        self._update_empty_state()
        self._update_buttons()

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

    # ---- actions ----
    def open_member_dialog(self, membership_id: int | None) -> MemberDialog | None:
        """Open the add (None) or edit dialog window-modally; the roster refreshes when it saves."""
        if not allowed(self._actor, "edit_members"):
            return None
        dialog = MemberDialog(self._database, self._actor, self._group_id, membership_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.member_saved.connect(self._on_member_saved)
        dialog.destroyed.connect(self._forget_dialog)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _forget_dialog(self) -> None:
        self.active_dialog = None

    @Slot(int)
    def _on_member_saved(self, membership_id: int) -> None:
        self.reload_choices()
        self.refresh(select_membership=membership_id)
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
        """Soft delete the selected people; an Undo in the message bar brings them back."""
        rows = [r for r in self.selected_rows() if not r.deleted]
        if not rows or not allowed(self._actor, "delete_members"):
            return
        member_ids = list(dict.fromkeys(r.member_id for r in rows))
        try:
            with self._database.session() as session:
                for mid in member_ids:
                    soft_delete_member(session, self._actor, mid)
                session.commit()
        except QunDeskError as exc:
            show_error(self, exc)
            return
        self._undo_member_ids = member_ids
        if len(rows) == 1:
            text = self.tr("Deleted %1.").replace("%1", rows[0].display_name)
        else:
            text = self.tr("Deleted %n person(s).", "", len(member_ids))
        self.undo_label.setText(text)
        self.undo_bar.show()
        self._undo_timer.start()
        self.refresh()
        self.members_changed.emit()

    @Slot()
    def undo_delete(self) -> None:
        if not self._undo_member_ids:
            return
        ids, self._undo_member_ids = self._undo_member_ids, []
        self._restore(ids)
        self.undo_bar.hide()
        self._undo_timer.stop()

    @Slot()
    def restore_selected(self) -> None:
        rows = [r for r in self.selected_rows() if r.deleted]
        if rows:
            self._restore(list(dict.fromkeys(r.member_id for r in rows)))

    def _restore(self, member_ids: list[int]) -> None:
        try:
            with self._database.session() as session:
                for mid in member_ids:
                    restore_member(session, self._actor, mid)
                session.commit()
        except QunDeskError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.members_changed.emit()

    # ---- for tests and the main window ----
    def visible_names(self) -> list[str]:
        return [r.display_name for r in self.model.loaded_rows()]

    def set_search_text(self, text: str) -> None:
        self.search_edit.setText(text)
        self.apply_filters()
