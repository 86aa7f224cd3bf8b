"""GroupDialog: create a group (name, kind, capacity, threshold fee, goal) through desktop.services.groups."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ValidationError
from desktop.services.groups import DEFAULT_CAPACITY, create_group
from desktop.services.operators import Actor
from models.base import GROUP_KINDS
from ui.messages import localise_message
from ui.operations import run_write

KIND_LABELS: dict[str, str] = {
    "product": QT_TRANSLATE_NOOP("GroupKind", "Product community"),
    "self_media": QT_TRANSLATE_NOOP("GroupKind", "Self-media community"),
    "service": QT_TRANSLATE_NOOP("GroupKind", "Service community"),
    "brand": QT_TRANSLATE_NOOP("GroupKind", "Brand community"),
    "user": QT_TRANSLATE_NOOP("GroupKind", "User community"),
    "learning": QT_TRANSLATE_NOOP("GroupKind", "Learning group"),
    "hobby": QT_TRANSLATE_NOOP("GroupKind", "Hobby group"),
    "camp": QT_TRANSLATE_NOOP("GroupKind", "Training camp"),
    "other": QT_TRANSLATE_NOOP("GroupKind", "Other"),
}


def kind_label(kind: str) -> str:
    source = KIND_LABELS.get(kind)
    return QCoreApplication.translate("GroupKind", source) if source else kind


class GroupDialog(QDialog):
    group_created = Signal(int)

    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("groupDialog")
        self._database = database
        self._actor = actor
        self.group_id: int | None = None
        self.setWindowTitle(self.tr("New group"))
        self.setMinimumWidth(440)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Early risers, group 3"))
        self.kind_combo = QComboBox()
        for kind in GROUP_KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("other"))
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(1, 100_000)
        self.capacity_spin.setValue(DEFAULT_CAPACITY)
        self.capacity_spin.setToolTip(self.tr("A WeChat group holds at most 500 people"))
        self.fee_spin = QDoubleSpinBox()
        self.fee_spin.setRange(0, 1_000_000)
        self.fee_spin.setDecimals(2)
        self.fee_spin.setPrefix("¥ ")
        self.fee_spin.setToolTip(self.tr("Threshold fee; a group with a fee gets a payment step in its entry process"))
        self.goal_edit = QLineEdit()
        self.goal_edit.setPlaceholderText(self.tr("What the group is for, in one sentence"))

        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Capacity"), self.capacity_spin)
        form.addRow(self.tr("Threshold fee"), self.fee_spin)
        form.addRow(self.tr("Goal"), self.goal_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        note = QLabel(
            self.tr("New groups start with the standard entry process and point rules; you can change them later.")
        )
        note.setObjectName("hint")
        note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    @Slot()
    def save(self) -> None:
        self.error_label.hide()
        done = run_write(
            self,
            self._database,
            create_group,
            self._actor,
            self.name_edit.text(),
            kind=self.kind_combo.currentData(),
            capacity=self.capacity_spin.value(),
            fee_cents=round(self.fee_spin.value() * 100),
            goal=self.goal_edit.text().strip() or None,
            changes=("groups",),
            on_error=self._on_save_error,
        )
        if not done:
            return
        gid = done.value
        self.group_id = gid
        self.group_created.emit(gid)
        self.accept()

    def _on_save_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self._show_error(exc.message)
            if exc.field == "name":
                self.name_edit.setFocus()
        else:
            self._show_error(str(exc))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(localise_message(message))
        self.error_label.show()
