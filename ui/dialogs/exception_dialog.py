"""ExceptionDialog: the one place an unexpected error (a bug) is shown, with its traceback to copy.

Known errors never come here: ui/app.py's excepthook shows those in a plain message box."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.screen_fit import resize_to_fit


class ExceptionDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exceptionDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        resize_to_fit(self, 640, 420)
        self._details = details

        intro = QLabel(
            self.tr(
                "QunDesk ran into a problem it did not expect. Everything saved before this point is safe. "
                "Please copy the details below and send them to whoever looks after QunDesk for you."
            )
        )
        intro.setWordWrap(True)

        self.details_edit = QPlainTextEdit(details)
        self.details_edit.setReadOnly(True)
        self.details_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the details to the clipboard"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details_edit, 1)
        layout.addWidget(buttons)

    @property
    def details(self) -> str:
        return self._details

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)
        self.copy_button.setText(self.tr("Copied"))
