"""PromptDialog: ask for one value — a reason (required text) or a choice from a list (optionally typed in) —
for the Roster page's bulk actions and the member panel. Opened with open(), so tests drive it like a user."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class PromptDialog(QDialog):
    """A reason (choices None: a text box; OK stays disabled until something is typed) or a choice (a combo
    box over `choices`; `editable` lets the user type a new value, e.g. a new tag)."""

    def __init__(
        self,
        title: str,
        label: str,
        *,
        choices: list[str] | None = None,
        editable: bool = False,
        placeholder: str = "",
        ok_text: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("promptDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.combo: QComboBox | None = None
        self.text_edit: QPlainTextEdit | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        if choices is None:
            self.text_edit = QPlainTextEdit()
            self.text_edit.setTabChangesFocus(True)
            self.text_edit.setPlaceholderText(placeholder)
            self.text_edit.setFixedHeight(80)
            self.text_edit.textChanged.connect(self._update_ok)
            # Enter gives the reason (as the OK button): it wrote a new line, and Tab then OK was the only way
            # from the keyboard; Shift+Enter still starts a new line
            self.text_edit.installEventFilter(self)
            layout.addWidget(self.text_edit)
            self.text_edit.setFocus()
        else:
            self.combo = QComboBox()
            self.combo.setEditable(editable)
            self.combo.addItems(choices)
            if editable:
                self.combo.setCurrentIndex(-1)
                self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                if self.combo.lineEdit() is not None:
                    self.combo.lineEdit().setPlaceholderText(placeholder)
                    self.combo.lineEdit().textChanged.connect(self._update_ok)
            self.combo.currentIndexChanged.connect(self._update_ok)
            layout.addWidget(self.combo)
            self.combo.setFocus()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text or self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._update_ok()

    def value(self) -> str:
        if self.text_edit is not None:
            return self.text_edit.toPlainText().strip()
        assert self.combo is not None
        if self.combo.isEditable():
            return self.combo.currentText().strip()
        return self.combo.currentText().strip() if self.combo.currentIndex() >= 0 else ""

    def set_value(self, text: str) -> None:
        if self.text_edit is not None:
            self.text_edit.setPlainText(text)
        elif self.combo is not None:
            index = self.combo.findText(text)
            if index >= 0:
                self.combo.setCurrentIndex(index)
            elif self.combo.isEditable():
                self.combo.setEditText(text)

    @Slot()
    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.value()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.text_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self._accept_if_valid()  # no reason yet: nothing happens, the OK button stays disabled
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _accept_if_valid(self) -> None:
        if self.value():
            self.accept()
