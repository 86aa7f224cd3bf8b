"""AlertMembersDialog: the members behind one Dashboard alert (dormant, silent newcomers, stalled onboarding,
repeat violators) with the reason for each, and a button that copies the names (to @-mention them in the chat)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.health import Alert
from ui.messages import localise_message
from ui.screen_fit import resize_to_fit


class AlertMembersDialog(QDialog):
    def __init__(
        self,
        title: str,
        alerts: Sequence[Alert],
        parent: QWidget | None = None,
        *,
        shown: Callable[[str | None], str | None] | None = None,
    ):
        """`shown`: how a name is shown to the operator (desktop.services.operators.names_shown_to; None: as stored)."""
        super().__init__(parent)
        self._shown = shown or (lambda text: text)
        self.setObjectName("alertMembersDialog")
        self.setWindowTitle(title)
        self.alerts = [a for a in alerts if a.display_name]

        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self.count_label = QLabel(self.tr("%n member(s)", "", len(self.alerts)))
        self.count_label.setObjectName("countLabel")

        self.table = QTableWidget(len(self.alerts), 2)
        self.table.setObjectName("alertMembersTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Reason")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, alert in enumerate(self.alerts):
            self.table.setItem(row, 0, QTableWidgetItem(self._shown(alert.display_name)))
            text = self._shown(localise_message(alert.reason)) or ""
            reason = QTableWidgetItem(text)
            reason.setToolTip(text)
            self.table.setItem(row, 1, reason)

        self.copy_button = QPushButton(self.tr("Copy names"))
        self.copy_button.setToolTip(self.tr("Copy the names, one per line, to paste into the chat"))
        self.copy_button.clicked.connect(self.copy_names)
        self.copy_button.setEnabled(bool(self.alerts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 520, 460)

    def names(self) -> list[str]:
        """The names as the table shows them."""
        return [self._shown(a.display_name) or "" for a in self.alerts]

    def mentions(self) -> list[str]:
        """The names "Copy names" puts on the clipboard to paste into the chat: each person as the group sees them
        (Alert.mention, a phone in it masked) — the roster name went whole, 陌生人 13999998888, into the group."""
        return [a.mention or a.display_name or "" for a in self.alerts]

    @Slot()
    def copy_names(self) -> None:
        QApplication.clipboard().setText("\n".join(self.mentions()))
        self.copy_button.setText(self.tr("Copied"))
