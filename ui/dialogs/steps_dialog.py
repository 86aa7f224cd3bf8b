"""StepsDialog: edit a group's entry steps (入群流程) — add, rename, kind, required, reorder by drag and drop or
with Move up / Move down, retire (停用: the step leaves the process, its records are kept) and restore.
Every change is saved at once through desktop.services.onboarding; without 'edit_entry_steps' the dialog
only shows the steps."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.onboarding import (
    StepListChange,
    StepRow,
    add_step,
    edit_step,
    list_steps,
    move_step,
    restore_step,
    retire_step,
    would_admit,
)
from desktop.services.operators import Actor, allowed
from models.base import STEP_KINDS
from ui.messages import list_text
from ui.models.progress_matrix_model import step_kind_label
from ui.operations import run_write
from ui.screen_fit import resize_to_fit, scrolling

StepIdRole = Qt.ItemDataRole.UserRole + 1

STEP_CHANGES = ("participation", "members")  # a required step added or retired can move members' status


class StepsDialog(QDialog):
    steps_changed = Signal()

    def __init__(self, database, actor: Actor, group_id: int, group_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepsDialog")
        self._database = database
        self._actor = actor
        self._group_id = group_id
        self._live: list[StepRow] = []
        self._retired: list[StepRow] = []
        self._loading = False
        self.can_edit = allowed(actor, "edit_entry_steps")
        self.ask_yes = self._ask_yes  # tests answer for the user
        self.setWindowTitle(
            self.tr("Entry steps · %1").replace("%1", group_name) if group_name else self.tr("Entry steps")
        )
        self._build()
        self.reload()

    # ---- building ----
    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Newcomers go through these steps in this order. Drag a step, or use Move up / Move down, to "
                "reorder. Retiring a step keeps everything already recorded for it."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")

        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.step_list.setDragDropMode(
            QAbstractItemView.DragDropMode.InternalMove if self.can_edit else QAbstractItemView.DragDropMode.NoDragDrop
        )
        self.step_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.step_list.setAlternatingRowColors(True)
        self.step_list.currentRowChanged.connect(self._on_current_changed)
        self.step_list.model().rowsMoved.connect(self._on_rows_moved)

        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.retire_button = QPushButton(self.tr("Retire"))
        self.retire_button.setToolTip(self.tr("Take the step out of the process; its records are kept"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.retire_button.clicked.connect(self.retire_current)
        side = QVBoxLayout()
        side.addWidget(self.up_button)
        side.addWidget(self.down_button)
        side.addSpacing(12)
        side.addWidget(self.retire_button)
        side.addStretch(1)
        lists = QHBoxLayout()
        lists.addWidget(self.step_list, 1)
        lists.addLayout(side)

        # the selected step
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("stepNameEdit")
        self.name_edit.setPlaceholderText(self.tr("Step name"))
        self.name_edit.editingFinished.connect(self.rename_current)
        self.kind_combo = self._kind_combo()
        self.kind_combo.activated.connect(self._on_kind_chosen)
        self.required_check = QCheckBox(self.tr("Required to become a member"))
        self.required_check.clicked.connect(self._on_required_clicked)
        edit_box = QGroupBox(self.tr("Selected step"))
        form = QFormLayout(edit_box)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow("", self.required_check)

        # adding
        self.new_name_edit = QLineEdit()
        self.new_name_edit.setObjectName("newStepNameEdit")
        self.new_name_edit.setPlaceholderText(self.tr("New step, e.g. 加入打卡小组"))
        self.new_name_edit.returnPressed.connect(self.add_new)
        self.new_kind_combo = self._kind_combo()
        self.new_kind_combo.setCurrentIndex(max(0, self.new_kind_combo.findData("ritual")))
        self.new_required_check = QCheckBox(self.tr("Required"))
        self.new_required_check.setChecked(True)
        self.add_button = QPushButton(self.tr("Add step"))
        self.add_button.clicked.connect(self.add_new)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name_edit, 1)
        add_row.addWidget(self.new_kind_combo)
        add_row.addWidget(self.new_required_check)
        add_row.addWidget(self.add_button)

        # retired steps
        self.retired_list = QListWidget()
        self.retired_list.setObjectName("retiredList")
        self.retired_list.setMaximumHeight(64)
        self.retired_list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Put the step back at the end of the process"))
        self.restore_button.clicked.connect(self.restore_current)
        retired_box = QGroupBox(self.tr("Retired steps (records kept)"))
        rl = QHBoxLayout(retired_box)
        rl.addWidget(self.retired_list, 1)
        rl.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignTop)

        self.permission_label = QLabel(self.tr("Only the owner or an admin may change the entry steps."))
        self.permission_label.setObjectName("fieldError")
        self.permission_label.setVisible(not self.can_edit)

        # who a relaxed step list made members (a required step made optional or retired)
        self.admitted_label = QLabel()
        self.admitted_label.setObjectName("admittedNote")
        self.admitted_label.setWordWrap(True)
        self.admitted_label.setVisible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        body = QWidget()  # scrolls on a screen lower than it (ui/screen_fit.py); the Close button stays on screen
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(lists, 1)
        layout.addWidget(edit_box)
        layout.addLayout(add_row)
        layout.addWidget(retired_box)
        layout.addWidget(self.permission_label)
        layout.addWidget(self.admitted_label)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(10)
        outer.addWidget(scrolling(body), 1)
        outer.addWidget(buttons)
        self.setStyleSheet(
            "#stepList::item, #retiredList::item { padding: 4px 6px; }"
            "#stepList::item:selected { background: #DCE6FA; color: #1E3A8A; }"
        )
        resize_to_fit(self, 600, 640)

        # Enter belongs to the name fields (rename, add): no button may take it as the dialog's default
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        for w in (
            self.name_edit,
            self.kind_combo,
            self.required_check,
            self.new_name_edit,
            self.new_kind_combo,
            self.new_required_check,
        ):
            w.setEnabled(self.can_edit)

    def _kind_combo(self) -> QComboBox:
        combo = QComboBox()
        for kind in STEP_KINDS:
            combo.addItem(step_kind_label(kind), kind)
        return combo

    # ---- data ----
    def reload(self, select_id: int | None = None) -> None:
        if select_id is None:
            item = self.step_list.currentItem()
            select_id = item.data(StepIdRole) if item else None
        with self._database.session() as session:
            steps = list_steps(session, self._group_id, include_retired=True)
        self._live = [s for s in steps if not s.retired]
        self._retired = [s for s in steps if s.retired]
        self._loading = True
        self.step_list.clear()
        for i, s in enumerate(self._live, start=1):
            item = QListWidgetItem(self._item_text(i, s))
            item.setData(StepIdRole, s.id)
            item.setToolTip(s.name)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if self.can_edit:
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            item.setFlags(flags)
            self.step_list.addItem(item)
        self.retired_list.clear()
        for s in self._retired:
            item = QListWidgetItem(f"{s.name} — {step_kind_label(s.kind)}")
            item.setData(StepIdRole, s.id)
            self.retired_list.addItem(item)
        self._loading = False
        row = next((i for i, s in enumerate(self._live) if s.id == select_id), 0 if self._live else -1)
        self.step_list.setCurrentRow(row)
        self._on_current_changed(row)

    def _item_text(self, number: int, step: StepRow) -> str:
        required = self.tr("required") if step.required else self.tr("optional")
        return f"{number}. {step.name}    {step_kind_label(step.kind)} · {required}"

    def live_names(self) -> list[str]:
        return [s.name for s in self._live]

    def retired_names(self) -> list[str]:
        return [s.name for s in self._retired]

    def current_step(self) -> StepRow | None:
        row = self.step_list.currentRow()
        return self._live[row] if 0 <= row < len(self._live) else None

    def select_step(self, name: str) -> None:
        for i, s in enumerate(self._live):
            if s.name == name:
                self.step_list.setCurrentRow(i)
                return
        for i, s in enumerate(self._retired):
            if s.name == name:
                self.retired_list.setCurrentRow(i)
                return

    @Slot(int)
    def _on_current_changed(self, _row: int) -> None:
        if self._loading:
            return
        step = self.current_step()
        for w in (self.name_edit, self.kind_combo, self.required_check):
            w.blockSignals(True)
        self.name_edit.setText(step.name if step else "")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(step.kind)) if step else 0)
        self.required_check.setChecked(bool(step and step.required))
        for w in (self.name_edit, self.kind_combo, self.required_check):
            w.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.current_step()
        row = self.step_list.currentRow()
        has = step is not None and self.can_edit
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self._live) - 1)
        self.retire_button.setEnabled(has)
        for w in (self.name_edit, self.kind_combo, self.required_check):
            w.setEnabled(has)
        self.add_button.setEnabled(self.can_edit)
        self.restore_button.setEnabled(self.can_edit and self.retired_list.currentRow() >= 0)

    # ---- writing ----
    def _write(self, fn, *args, **kwargs):
        """Run one service call in its own transaction; show a known error and return None on failure."""
        done = run_write(
            self,
            self._database,
            lambda session: fn(session, self._actor, *args, **kwargs),
            changes=STEP_CHANGES,
        )
        if not done:
            return None
        result = done.value
        self.steps_changed.emit()
        return True if result is None else result

    @Slot()
    def add_new(self) -> int | None:
        name = self.new_name_edit.text().strip()
        if not name:
            self.new_name_edit.setFocus()
            return None
        step_id = self._write(
            add_step,
            self._group_id,
            name,
            self.new_kind_combo.currentData(),
            self.new_required_check.isChecked(),
        )
        if step_id:
            self.new_name_edit.clear()
            self.reload(select_id=step_id)
        return step_id

    @Slot()
    def rename_current(self) -> None:
        step = self.current_step()
        name = self.name_edit.text().strip()
        if step is None or name == step.name:
            return
        if not name:
            self.name_edit.setText(step.name)
            return
        if self._write(edit_step, step.id, name=name):
            self.reload(select_id=step.id)
        else:  # refused (another step has that name): the field shows the name the step still has
            self.name_edit.setText(step.name)

    @Slot(int)
    def _on_kind_chosen(self, _index: int) -> None:
        step = self.current_step()
        kind = self.kind_combo.currentData()
        if step is not None and kind != step.kind and self._write(edit_step, step.id, kind=kind):
            self.reload(select_id=step.id)

    @Slot(bool)
    def _on_required_clicked(self, checked: bool) -> None:
        step = self.current_step()
        if step is None or checked == step.required:
            return
        if not checked and not self._admitting_is_fine(step, retire=False):
            self.required_check.setChecked(True)
            return
        change = self._write(edit_step, step.id, required=checked)
        if change:
            self._show_admitted(change)
            self.reload(select_id=step.id)

    def _admitting_is_fine(self, step: StepRow, *, retire: bool) -> bool:
        """Before a change that would make newcomers members (retiring a required step, making it optional),
        name them and ask: the admissions stay when the step is restored or made required again."""
        with self._database.session() as session:
            names = would_admit(session, self._actor, step.id, retire=retire)
        if not names:
            return True
        shown = list_text(names[:10]) + ("…" if len(names) > 10 else "")
        question = (
            self.tr(
                "Retiring “%1” makes %n newcomer(s) members now, who have done every other required step: %2.",
                "",
                len(names),
            )
            if retire
            else self.tr(
                "Making “%1” optional makes %n newcomer(s) members now, who have done every other required step: %2.",
                "",
                len(names),
            )
        )
        text = question.replace("%1", step.name).replace("%2", shown)
        more = self.tr("Putting the step back later does not undo this. Go on?")
        return self.ask_yes(self.tr("Entry steps"), f"{text}\n\n{more}")

    def _ask_yes(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _show_admitted(self, change: StepListChange) -> None:
        """Name the newcomers the change made members (they had done every step still required)."""
        names = change.admitted
        if not names:
            self.admitted_label.setVisible(False)
            return
        shown = list_text(names[:10]) + ("…" if len(names) > 10 else "")
        self.admitted_label.setText(
            self.tr(
                "%n newcomer(s) had done every step still required and are now members: %1", "", len(names)
            ).replace("%1", shown)
        )
        self.admitted_label.setVisible(True)

    def move_current(self, delta: int) -> None:
        step = self.current_step()
        if step is None:
            return
        index = self.step_list.currentRow() + delta
        if 0 <= index < len(self._live) and self._write(move_step, step.id, index):
            self.reload(select_id=step.id)

    @Slot(QModelIndex, int, int, QModelIndex, int)
    def _on_rows_moved(self, _parent: QModelIndex, start: int, _end: int, _dest: QModelIndex, _row: int) -> None:
        """A drag and drop reordered the list: save the moved step's new place."""
        if self._loading or not (0 <= start < len(self._live)):
            return
        step_id = self._live[start].id
        order = [self.step_list.item(i).data(StepIdRole) for i in range(self.step_list.count())]
        if step_id not in order:
            return
        new_index = order.index(step_id)
        # reload after the view has finished its drop (never rebuild the list inside its own signal)
        QTimer.singleShot(0, lambda: self._save_drop(step_id, new_index))

    def _save_drop(self, step_id: int, new_index: int) -> None:
        self._write(move_step, step_id, new_index)
        self.reload(select_id=step_id)

    @Slot()
    def retire_current(self) -> None:
        step = self.current_step()
        if step is None:
            return
        if not self._admitting_is_fine(step, retire=True):
            return
        change = self._write(retire_step, step.id)
        if change:
            self._show_admitted(change)
            self.reload()

    @Slot()
    def restore_current(self) -> None:
        row = self.retired_list.currentRow()
        if 0 <= row < len(self._retired):
            step = self._retired[row]
            if self._write(restore_step, step.id):
                self.reload(select_id=step.id)
