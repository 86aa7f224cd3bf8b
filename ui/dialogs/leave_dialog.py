"""LeaveDialog: record leave (请假) for one member of a group — who, from which day to which, and why —
through desktop.services.checkins.record_leave. Leave days neither break a streak nor count against the
check-in rate. The chosen member's recorded leaves are listed under the form; one recorded by mistake (the wrong
member, the wrong days) is removed there (checkins.remove_leave) — a shorter one is then recorded again."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.checkins import record_leave, remove_leave
from desktop.services.lookups import other_groups_of_membership
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.roster import leaves_of
from models import clock
from ui.messages import localise_message
from ui.models.checkins_models import Person
from ui.operations import run_write
from ui.screen_fit import resize_to_fit
from ui.widgets.member_search import MemberSearchList


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


class LeaveDialog(QDialog):
    leave_recorded = Signal(int)  # membership id
    leave_removed = Signal(int)  # membership id

    def __init__(
        self,
        database,
        actor: Actor,
        group_id: int,
        *,
        day: date | None = None,
        end: date | None = None,
        person: Person | None = None,
        choices: tuple[str, list[int]] | None = None,
        parent: QWidget | None = None,
    ):
        """`choices`: (a name as a pasted line wrote it, the members it may be): those listed, none chosen."""
        super().__init__(parent)
        self.setObjectName("leaveDialog")
        self._database = database
        self._actor = actor
        self.also_in: list[str] = []  # after a save: the other groups the person is in (the leave is not there)
        self.setWindowTitle(self.tr("Leave"))
        resize_to_fit(self, 420, 520)
        day = day or clock.today()

        # names as this operator may see them (a phone in them masked for an assistant), found by what is stored
        self.member_search = MemberSearchList(
            database, group_id, shown=names_shown_to(actor), phones_hidden=not allowed(actor, "export_unmasked")
        )
        if person is not None:
            self.member_search.show_person(person.membership_id, names_shown_to(actor)(person.display_name) or "")
        elif choices is not None:
            self.member_search.show_choices(names_shown_to(actor)(choices[0]) or "", choices[1])
        self.member_search.current_changed.connect(self._update_ok)
        # Enter on a name goes on to the dates (it did nothing: the keyboard had to Tab through the list)
        self.member_search.activated.connect(self._on_member_chosen)
        self.start_edit = QDateEdit(_qdate(day))
        # `end`: the last day a 请假 line says (请假3天: desktop/leave_words.py), never before the first
        self.end_edit = QDateEdit(_qdate(max(end or day, day)))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.dateChanged.connect(self._on_start_changed)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. travelling, ill, exams"))

        note = QLabel(self.tr("Leave days neither break a streak nor count against the check-in rate."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(self.tr("Record leave"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        # the chosen member's leaves: one recorded by mistake is taken back here
        self.leaves_label = QLabel(self.tr("Recorded leave"))
        self.leaves_label.setObjectName("sectionTitle")
        self.leave_list = QListWidget()
        self.leave_list.setObjectName("leaveList")
        self.leave_list.setMaximumHeight(self.fontMetrics().height() * 5)
        self.leave_list.currentRowChanged.connect(self._update_remove)
        self.remove_button = QPushButton(self.tr("Remove this leave"))
        self.remove_button.setObjectName("removeLeave")
        self.remove_button.clicked.connect(self.remove_selected)
        self.removed_label = QLabel()
        self.removed_label.setObjectName("hint")
        self.removed_label.setWordWrap(True)
        self.removed_label.hide()
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.removed_label, 1)
        remove_row.addWidget(self.remove_button)

        member_label = QLabel(self.tr("Member"))
        member_label.setObjectName("sectionTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(member_label)
        layout.addWidget(self.member_search, 1)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.leaves_label)
        layout.addWidget(self.leave_list)
        layout.addLayout(remove_row)
        layout.addWidget(self.buttons)
        self.member_search.current_changed.connect(self._load_leaves)
        self._update_ok()
        self._load_leaves()

    @Slot(object)
    def _on_member_chosen(self, _person) -> None:
        self.start_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(QDate)
    def _on_start_changed(self, value: QDate) -> None:
        if self.end_edit.date() < value:
            self.end_edit.setDate(value)

    @Slot()
    def _update_ok(self, *_args) -> None:
        self.save_button.setEnabled(self.member_search.current() is not None)

    @Slot()
    def _load_leaves(self, *_args) -> None:
        person = self.member_search.current()
        self.leave_list.clear()
        if person is not None:
            with self._database.session() as session:
                spans = leaves_of(session, person.membership_id)
            for span in spans:
                text = f"{span.start_day.isoformat()} – {span.end_day.isoformat()}"
                item = QListWidgetItem(f"{text} · {span.reason}" if span.reason else text)
                item.setData(Qt.ItemDataRole.UserRole, span.id)
                self.leave_list.addItem(item)
        has = self.leave_list.count() > 0
        for w in (self.leaves_label, self.leave_list, self.remove_button):
            w.setVisible(has)
        self._update_remove()

    @Slot()
    def _update_remove(self, *_args) -> None:
        self.remove_button.setEnabled(self.leave_list.currentItem() is not None)

    @Slot()
    def remove_selected(self) -> bool:
        item = self.leave_list.currentItem()
        person = self.member_search.current()
        if item is None or person is None:
            return False
        self.error_label.hide()
        done = run_write(
            self,
            self._database,
            remove_leave,
            self._actor,
            int(item.data(Qt.ItemDataRole.UserRole)),
            changes=("participation", "points"),  # the streak bonuses follow the days it gave back
            on_error=self._show_error,
        )
        if not done:
            return False
        removed = done.value
        text = (
            self.tr("Leave removed: %1, %2 to %3.")
            .replace("%1", person.display_name)
            .replace("%2", removed.start_day.isoformat())
            .replace("%3", removed.end_day.isoformat())
        )
        if removed.absent_again:  # the places the leave had excused read as they would without it
            text += " " + self.tr(
                "%n place(s) at activities of those days that the leave excused are absent again.",
                "",
                removed.absent_again,
            )
        if removed.excused_kept:
            text += " " + self.tr(
                "%n place(s) at activities of those days stay excused: change them on the Activities page if "
                "the member did not send word.",
                "",
                removed.excused_kept,
            )
        self.removed_label.setText(text)
        self.removed_label.show()
        self._load_leaves()
        self.leave_removed.emit(removed.membership_id)
        return True

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(localise_message(getattr(exc, "message", None) or str(exc)))
        self.error_label.show()

    @Slot()
    def save(self) -> None:
        person = self.member_search.current()
        if person is None:
            return
        self.error_label.hide()
        start, end = _pydate(self.start_edit.date()), _pydate(self.end_edit.date())
        reason = self.reason_edit.text().strip() or None

        def write(session, actor):
            record_leave(session, actor, person.membership_id, start, end, reason)
            # a leave is the group's (PRODUCT §2: Leave is a membership's): the groups it is not recorded in, said
            return other_groups_of_membership(session, person.membership_id)

        done = run_write(
            self,
            self._database,
            write,
            self._actor,
            changes=("participation", "points"),  # a leave can join two runs: their streak bonus is written with it
            on_error=self._show_error,
        )
        if not done:
            return
        self.also_in = list(done.value)
        self.leave_recorded.emit(person.membership_id)
        self.accept()
