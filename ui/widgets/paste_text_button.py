"""PasteTextButton: one click puts a paste-ready text (PRODUCT §3.9) on the clipboard; its menu arrow opens the
preview to edit it first. A text too long for one message opens the preview at once (its messages are pasted
one after the other); a text with nothing to say shows why instead of copying.

The page gives the button a provider: a callable returning a PasteText (it runs the service on the UI thread —
these are a few small queries)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QToolButton, QToolTip, QWidget

from desktop.errors import QunDeskError
from desktop.services.texts import PasteText
from ui.dialogs.text_preview_dialog import TextPreviewDialog
from ui.messages import localise_message


class PasteTextButton(QToolButton):
    copied = Signal(str)  # what was put on the clipboard
    message = Signal(str)  # a note for the status bar ("nothing to post: …")

    def __init__(self, label: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pasteTextButton")
        self._label, self._title = label, title
        self.provider: Callable[[], PasteText | None] | None = None
        self.last_dialog: TextPreviewDialog | None = None
        self.setText(label)
        self.setToolTip(self.tr("Copy the text for the group; the arrow opens a preview to edit it first"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.menu_ = QMenu(self)
        self.preview_action = self.menu_.addAction(self.tr("Preview and edit…"))
        self.preview_action.triggered.connect(lambda: self.open_preview())
        self.setMenu(self.menu_)
        self.clicked.connect(self.copy_text)

    def add_variant(self, label: str, provider: Callable[[], PasteText | None]) -> None:
        """Another text in the menu (e.g. last month's summary): opens its preview."""
        action = self.menu_.addAction(label)
        action.triggered.connect(lambda: self._open_variant(provider))

    def _open_variant(self, provider: Callable[[], PasteText | None]) -> None:
        try:
            text = provider()
        except QunDeskError as exc:
            self._say(localise_message(str(exc)))
            return
        if text is not None:
            self.open_preview(text)

    def _text(self) -> PasteText | None:
        if self.provider is None:
            return None
        try:
            return self.provider()
        except QunDeskError as exc:
            self._say(localise_message(str(exc)))
            return None

    def _say(self, text: str) -> None:
        self.message.emit(text)
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), text, self)

    @Slot()
    def copy_text(self) -> None:
        text = self._text()
        if text is None:
            return
        if not text.parts:
            self._say(localise_message(text.empty_reason or ""))
            return
        if len(text.parts) > 1 or text.notes:  # several messages, or something to check before posting
            self.open_preview(text)
            return
        QGuiApplication.clipboard().setText(text.parts[0])
        self.copied.emit(text.parts[0])
        self.setText(self.tr("Copied ✓"))
        QTimer.singleShot(1800, self, lambda: self.setText(self._label))
        self.message.emit(self.tr("Copied: paste it into the group chat"))

    @Slot()
    def open_preview(self, text: PasteText | None = None) -> None:
        text = text if isinstance(text, PasteText) else self._text()
        if text is None:
            return
        if not text.parts:
            self._say(localise_message(text.empty_reason or ""))
            return
        if self.last_dialog is not None:
            self.last_dialog.close()
        dialog = TextPreviewDialog(text, self._title, self.window())
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(lambda *_: setattr(self, "last_dialog", None))
        dialog.copied.connect(self.copied)
        self.last_dialog = dialog
        dialog.show()
