"""OperatorsDialog: who uses this workspace (name, role, password or not), adding an operator (owner only,
desktop.services.operators.add_operator), and SwitchOperatorDialog, which changes who the window acts for
(the password is asked when the chosen operator has one; desktop.services.operators.get_actor checks it).

Switching needs no special right: an operator without a password can be chosen by anyone at this computer
(that is what "no password" means), one with a password only by someone who knows it. The window then acts
for the new operator everywhere (MainWindow.set_actor); the services check every permission again."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import PermissionDenied, ValidationError
from desktop.services.operators import Actor, add_operator, allowed, get_actor, list_operators, set_password
from desktop.services.team_queries import operators_with_password
from models.base import OPERATOR_ROLES
from ui.messages import localise_message, operator_text, role_label
from ui.operations import run_read, run_write
from ui.screen_fit import resize_to_fit, scrolling

OperatorRole = Qt.ItemDataRole.UserRole + 1

ROLE_HINTS: dict[str, str] = {
    "owner": QT_TRANSLATE_NOOP("OperatorsDialog", "Everything, including operators and restoring backups."),
    "admin": QT_TRANSLATE_NOOP("OperatorsDialog", "Everything except managing operators and restoring backups."),
    "assistant": QT_TRANSLATE_NOOP(
        "OperatorsDialog",
        "Records check-ins, attendance, entry steps, contributions and violations and edits members; cannot "
        "delete or merge members, change point rules or entry steps, restore backups or export full phone numbers.",
    ),
}


def role_hint(role: str) -> str:
    source = ROLE_HINTS.get(role)
    return QCoreApplication.translate("OperatorsDialog", source) if source else ""


class OperatorsDialog(QDialog):
    operator_added = Signal(object)  # Actor
    switch_requested = Signal(object)  # Actor chosen in "Switch operator…"

    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("operatorsDialog")
        self.setWindowTitle(self.tr("Operators"))
        self._database = database
        self._actor = actor
        self.switch_dialog: SwitchOperatorDialog | None = None

        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Password")])
        self.table = QTableView()
        self.table.setObjectName("operatorsTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)

        # ---- add ----
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Xiao Wang"))
        self.role_combo = QComboBox()
        for role in ("assistant", "admin", "owner"):
            if role in OPERATOR_ROLES:
                self.role_combo.addItem(role_label(role), role)
        self.role_combo.currentIndexChanged.connect(self._update_role_hint)
        self.role_hint = QLabel()
        self.role_hint.setObjectName("hint")
        self.role_hint.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Optional"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add operator"))
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(self.add)
        self.name_edit.returnPressed.connect(self.add)
        self.password_button = QPushButton(self.tr("Set password of the selected operator"))
        self.password_button.setObjectName("setPasswordButton")
        self.password_button.clicked.connect(self.set_selected_password)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        add_box = QGroupBox(self.tr("Add an operator"))
        form = QFormLayout(add_box)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow("", self.role_hint)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Repeat password"), self.confirm_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.password_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.error_label)
        if not allowed(actor, "manage_operators"):
            # an admin or an assistant changes their own password here (the service allows it, as the CLI's
            # `operator passwd` does); adding operators and other people's passwords stay the owner's
            for w in (self.name_edit, self.role_combo, self.add_button):
                w.setEnabled(False)
            self.password_button.setText(self.tr("Change my password"))
            self.password_edit.setPlaceholderText("")
            self.role_hint.setText(self.tr("Only the owner may add operators."))
        else:
            self._update_role_hint()

        self.current_label = QLabel()
        self.current_label.setObjectName("hint")
        self.switch_button = QPushButton(self.tr("Switch operator…"))
        self.switch_button.clicked.connect(self.open_switch_dialog)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.current_label, 1)
        bottom.addWidget(self.switch_button)
        bottom.addWidget(close)

        body = QWidget()  # scrolls on a screen lower than it (ui/screen_fit.py); the buttons stay on screen
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        body_layout.addWidget(self.table, 1)
        body_layout.addWidget(add_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(12)
        layout.addWidget(scrolling(body), 1)
        layout.addLayout(bottom)
        resize_to_fit(self, 620, 580)
        self.reload()

    @Slot()
    def _update_role_hint(self) -> None:
        self.role_hint.setText(role_hint(self.role_combo.currentData()))

    def reload(self) -> None:
        with self._database.session() as session:
            operators = list_operators(session)
            protected = operators_with_password(session)
        self.model.removeRows(0, self.model.rowCount())
        for op in operators:
            name = QStandardItem(op.name)
            name.setData(op, OperatorRole)
            if op.id == self._actor.id:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            has_password = self.tr("Yes") if op.id in protected else self.tr("No")
            self.model.appendRow([name, QStandardItem(role_label(op.role)), QStandardItem(has_password)])
        self.current_label.setText(
            self.tr("Working as %1").replace("%1", operator_text(self._actor.name, self._actor.role))
        )

    def operator_names(self) -> list[str]:
        return [self.model.item(r, 0).text() for r in range(self.model.rowCount())]

    @Slot()
    def add(self) -> Actor | None:
        if not allowed(self._actor, "manage_operators"):
            return None
        password = self.password_edit.text()
        if password != self.confirm_edit.text():
            self._show_error(self.tr("The two passwords differ."))
            return None
        done = run_write(
            self,
            self._database,
            add_operator,
            self._actor,
            self.name_edit.text(),
            self.role_combo.currentData(),
            password or None,
            changes=("settings",),
            on_error=lambda exc: self._show_error(
                localise_message(exc.message if isinstance(exc, ValidationError) else str(exc))
            ),
        )
        if not done:
            return None
        new = done.value
        self.error_label.hide()
        for edit in (self.name_edit, self.password_edit, self.confirm_edit):
            edit.clear()
        self.reload()
        self.operator_added.emit(new)
        return new

    @Slot()
    def set_selected_password(self) -> bool:
        """The password fields become the password of the operator chosen in the list (the owner's own first:
        once anyone has a password, an owner without one could no longer sign in)."""
        password = self.password_edit.text()
        if not allowed(self._actor, "manage_operators"):
            name = self._actor.name  # their own, whatever row is selected
            if not password:  # without one they could not sign in again
                self._show_error(self.tr("Type the new password twice."))
                return False
        else:
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                self._show_error(self.tr("Choose an operator in the list first."))
                return False
            name = self.model.item(rows[0].row(), 0).data(OperatorRole).name
        if password != self.confirm_edit.text():
            self._show_error(self.tr("The two passwords differ."))
            return False
        done = run_write(
            self,
            self._database,
            set_password,
            self._actor,
            name,
            password or None,
            changes=("settings",),
            on_error=lambda exc: self._show_error(
                localise_message(exc.message if isinstance(exc, ValidationError) else str(exc))
            ),
        )
        if not done:
            return False
        self.error_label.hide()
        for edit in (self.password_edit, self.confirm_edit):
            edit.clear()
        self.reload()
        return True

    def select_operator(self, name: str) -> None:
        for r in range(self.model.rowCount()):
            if self.model.item(r, 0).text() == name:
                self.table.selectRow(r)
                return
        raise KeyError(name)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    @Slot()
    def open_switch_dialog(self) -> SwitchOperatorDialog:
        dialog = SwitchOperatorDialog(self._database, self._actor, parent=self)
        dialog.actor_chosen.connect(self._on_switched)
        self.switch_dialog = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _on_switched(self, actor: Actor) -> None:
        self._actor = actor
        self.switch_requested.emit(actor)
        self.accept()  # the rights shown here were the old operator's


class SwitchOperatorDialog(QDialog):
    actor_chosen = Signal(object)  # Actor

    def __init__(self, database, current: Actor | None, parent: QWidget | None = None):
        """`current` None: the sign-in at start (once an operator has a password, PRODUCT §3.7)."""
        super().__init__(parent)
        self.setObjectName("switchOperatorDialog" if current is not None else "signInDialog")
        self.setWindowTitle(self.tr("Switch operator") if current is not None else self.tr("Sign in"))
        self._database = database
        self.actor: Actor | None = None
        with database.session() as session:
            operators = list_operators(session)
            self._protected = operators_with_password(session)

        self.operator_combo = QComboBox()
        for op in operators:
            self.operator_combo.addItem(operator_text(op.name, op.role), op)
        if current is not None:
            self.operator_combo.setCurrentIndex(next((i for i, op in enumerate(operators) if op.id != current.id), 0))
        else:
            # signing in: someone who can (an operator without a password cannot once anyone has one), so the
            # usual case is typing the password and Enter
            self.operator_combo.setCurrentIndex(
                next((i for i, op in enumerate(operators) if op.id in self._protected), 0)
            )
        self.operator_combo.currentIndexChanged.connect(self._update_password)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = QLabel()
        self.password_note.setObjectName("hint")
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Switch") if current is not None else self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.switch)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Operator"), self.operator_combo)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.password_note)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Currently working as %1.").replace("%1", operator_text(current.name, current.role))
                if current is not None
                else self.tr("This workspace needs you to sign in.")
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)
        self._update_password()
        if self.password_edit.isEnabled():
            self.password_edit.setFocus()

    def choose(self, name: str) -> None:
        for i in range(self.operator_combo.count()):
            if self.operator_combo.itemData(i).name == name:
                self.operator_combo.setCurrentIndex(i)
                return
        raise KeyError(name)

    @Slot()
    def _update_password(self) -> None:
        op = self.operator_combo.currentData()
        needs = op is not None and op.id in self._protected
        self.password_edit.setEnabled(needs)
        self.password_edit.clear()
        self.password_note.setText("" if needs else self.tr("This operator has no password."))
        self.error_label.hide()
        # the focus stays where it is: taking it to the password at each change made Down, Down in the list
        # stop at the second operator (the second Down went to the password field); Tab goes there next

    def _sign_in_failed(self, op, exc: BaseException) -> None:
        if isinstance(exc, PermissionDenied):
            wrong = op.id in self._protected
            self.error_label.setText(self.tr("Wrong password.") if wrong else localise_message(str(exc)))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
        else:
            self.error_label.setText(localise_message(str(exc)))
        self.error_label.show()

    @Slot()
    def switch(self) -> Actor | None:
        op = self.operator_combo.currentData()
        if op is None:
            return None
        signed_in = run_read(
            self,
            self._database,
            get_actor,
            op.name,
            self.password_edit.text() or None,
            on_error=lambda exc: self._sign_in_failed(op, exc),
        )
        if not signed_in:
            return None
        actor = signed_in.value
        self.actor = actor
        self.actor_chosen.emit(actor)
        self.accept()
        return actor
