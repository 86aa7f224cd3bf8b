"""MemberPickerDialog: pick one active member of a group by typing (pinyin works), for a pasted line that
matched nobody or the wrong people on the Check-ins page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ui.models.checkins_models import Person
from ui.screen_fit import resize_to_fit
from ui.widgets.member_search import MemberSearchList


class MemberPickerDialog(QDialog):
    def __init__(
        self,
        database,
        group_id: int,
        text: str = "",
        parent: QWidget | None = None,
        *,
        shown: Callable[[str | None], str | None] | None = None,
        phones_hidden: bool = False,
    ):
        """`shown`: how the members are listed for the operator (names_shown_to); None: as stored. `phones_hidden`:
        the operator reads phones masked (MemberSearchList)."""
        super().__init__(parent)
        self.setObjectName("memberPickerDialog")
        self.setWindowTitle(self.tr("Pick a member"))
        resize_to_fit(self, 380, 440)
        self.person: Person | None = None
        self.prompt = QLabel()
        self.prompt.setObjectName("hint")
        self.prompt.setWordWrap(True)
        if text:
            self.prompt.setText(self.tr("Who is “%1” in the chat?").replace("%1", text))
        else:
            self.prompt.hide()
        self.search = MemberSearchList(database, group_id, shown=shown, phones_hidden=phones_hidden)
        self.search.activated.connect(self._on_activated)
        self.search.current_changed.connect(self._update_ok)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Choose"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept_current)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.buttons)
        self.search.search_edit.setFocus()
        self._update_ok()

    @Slot()
    def _update_ok(self, *_args) -> None:
        self.ok_button.setEnabled(self.search.current() is not None)

    @Slot(object)
    def _on_activated(self, person: Person) -> None:
        self.person = person
        self.accept()

    @Slot()
    def accept_current(self) -> None:
        person = self.search.current()
        if person is not None:
            self._on_activated(person)
