"""TextPreviewDialog: a paste-ready text (PRODUCT §3.9) to read, edit and copy before posting it into the group.
A text split into several messages shows each in its own box with its own copy button, in posting order; the
character count of a box turns amber past the length limit. Nothing here decides what the text says: the
text comes from desktop/services/texts.py."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.services.texts import LIMIT, PasteText
from ui.messages import localise_message
from ui.screen_fit import resize_to_fit

WARN = "#B45309"


class TextPreviewDialog(QDialog):
    copied = Signal(str)

    def __init__(self, text: PasteText, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("textPreviewDialog")
        self.setWindowTitle(title)
        self.text = text
        self.edits: list[QPlainTextEdit] = []
        self.copy_buttons: list[QPushButton] = []
        self.count_labels: list[QLabel] = []

        intro = QLabel(
            self.tr("Edit if you like, then copy and paste into the group.")
            if len(text.parts) <= 1
            else self.tr("Too long for one message: post these %n messages one after the other.", "", len(text.parts))
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        # what the organiser should check before posting (a name several people go by): shown, never copied
        self.notes_label = QLabel("\n".join(localise_message(note) for note in text.notes))
        self.notes_label.setObjectName("fieldError")
        self.notes_label.setWordWrap(True)
        self.notes_label.setVisible(bool(text.notes))
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        for i, part in enumerate(text.parts):
            column.addWidget(self._part_box(i, part, len(text.parts)))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.notes_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 520, 560)
        if self.copy_buttons:
            self.copy_buttons[0].setDefault(True)
            self.copy_buttons[0].setFocus()

    def _part_box(self, index: int, part: str, total: int) -> QWidget:
        box = QFrame()
        box.setObjectName("textPart")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(
            self.tr("Message %1 of %2").replace("%1", str(index + 1)).replace("%2", str(total))
            if total > 1
            else self.tr("Message")
        )
        title.setObjectName("sectionTitle")
        count = QLabel()
        count.setObjectName("textCount")
        copy = QPushButton(self.tr("Copy") if total == 1 else self.tr("Copy message %1").replace("%1", str(index + 1)))
        copy.setObjectName("copyTextButton")
        edit = QPlainTextEdit(part)
        edit.setObjectName("textPartEdit")
        lines = part.count("\n") + 1
        edit.setMinimumHeight(min(320, 22 * lines + 16))
        edit.textChanged.connect(lambda i=index: self._update_count(i))
        copy.clicked.connect(lambda _checked=False, i=index: self.copy_part(i))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(count)
        head.addWidget(copy)
        layout = QVBoxLayout(box)
        layout.addLayout(head)
        layout.addWidget(edit)
        self.edits.append(edit)
        self.copy_buttons.append(copy)
        self.count_labels.append(count)
        self._update_count(index)
        return box

    def _update_count(self, index: int) -> None:
        n = len(self.edits[index].toPlainText())
        label = self.count_labels[index]
        label.setText(self.tr("%1 characters").replace("%1", str(n)))
        label.setStyleSheet(f"color: {WARN};" if n > LIMIT else "")
        label.setToolTip(
            self.tr("Longer than %1 characters: WeChat shows it folded").replace("%1", str(LIMIT)) if n > LIMIT else ""
        )

    def part_text(self, index: int) -> str:
        return self.edits[index].toPlainText()

    @Slot(int)
    def copy_part(self, index: int) -> None:
        """Put the message (as edited) on the clipboard; the button says so, and the next message's button
        becomes the default."""
        QGuiApplication.clipboard().setText(self.part_text(index))
        self.copied.emit(self.part_text(index))
        button = self.copy_buttons[index]
        original = self.tr("Copy") if len(self.edits) == 1 else self.tr("Copy message %1").replace("%1", str(index + 1))
        button.setText(self.tr("Copied ✓"))
        QTimer.singleShot(1800, button, lambda: button.setText(original))  # not after the dialog is gone
        if index + 1 < len(self.copy_buttons):
            following = self.copy_buttons[index + 1]
            following.setDefault(True)
            following.setFocus(Qt.FocusReason.OtherFocusReason)
