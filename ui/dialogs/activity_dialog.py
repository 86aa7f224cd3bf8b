"""ActivityDialog: create or edit one activity of a group (title, kind, series with its edition 第N期 — the
next one pre-filled —, start and end, online or a place, capacity, hosts), with validation messages next to
their field. Writes through desktop.services.participation (create_activity / update_activity)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Signal, Slot
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ValidationError
from desktop.paths import resources_dir
from desktop.services.activities_queries import get_activity, series_names
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.participation import ActivityInput, create_activity, next_edition, update_activity
from desktop.services.roster import holds_hidden_phone
from models import clock
from models.base import ACTIVITY_KINDS
from ui.messages import localise_message
from ui.models.participation_models import activity_kind_label
from ui.operations import run_write

DEFAULT_LENGTH = timedelta(hours=1)

# style.qss styles QDateEdit but not its parent class QDateTimeEdit: the same look for the two time fields
DATETIME_STYLE = """
QDateTimeEdit { background: #FFFFFF; border: 1px solid #D1D5DB; border-radius: 6px; padding: 4px 8px; }
QDateTimeEdit:focus { border: 1px solid #2563EB; }
QDateTimeEdit::drop-down { subcontrol-origin: padding; subcontrol-position: center right; border: none; width: 22px; }
QDateTimeEdit::down-arrow { image: url(@ICONS@/chevron-down.svg); width: 12px; height: 12px; }
"""


def datetime_style() -> str:
    return DATETIME_STYLE.replace("@ICONS@", (resources_dir() / "icons").as_posix())


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class EditionSpinBox(QSpinBox):
    """第3期 / No. 3: the edition with its words around it (a prefix and suffix could not say both)."""

    _DIGITS = re.compile(r"\d+")

    def textFromValue(self, value: int) -> str:
        return self.tr("No. %1").replace("%1", str(value))

    def valueFromText(self, text: str) -> int:
        found = self._DIGITS.search(text)
        return int(found.group()) if found else 0

    def validate(self, text: str, pos: int) -> object:
        if text == self.specialValueText() or self._DIGITS.search(text):
            return QValidator.State.Acceptable
        return QValidator.State.Intermediate


class ActivityDialog(QDialog):
    """New activity (activity_id None) or edit one. Emits activity_saved(activity id)."""

    activity_saved = Signal(int)

    def __init__(
        self,
        database,
        actor: Actor,
        group_id: int,
        activity_id: int | None = None,
        parent: QWidget | None = None,
        *,
        now: datetime | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("activityDialog")
        self._database = database
        self._actor = actor
        self._group_id = group_id
        self._activity_id = activity_id
        self._loaded: ActivityInput | None = None
        # title, place or hosts holding a phone, shown masked and read-only to an operator who may not see full
        # phones (names_shown_to): field -> the stored text, saved as it is (what they would save is what they saw,
        # and the number would be lost — as the member dialog keeps such a field)
        self.hidden: dict[str, str] = {}
        self.saved_activity_id: int | None = None
        with database.session() as session:
            if activity_id is not None:
                self._group_id, self._loaded = get_activity(session, activity_id)
            series = series_names(session, self._group_id)
        self._errors: dict[str, QLabel] = {}
        self._build(series)
        if self._loaded is not None:
            self._fill(self._loaded)
            shown_title = names_shown_to(actor)(self._loaded.title) or ""
            self.setWindowTitle(self.tr("Edit activity — %1").replace("%1", shown_title))
        else:
            start = (now or clock.now()).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
            self.starts_edit.setDateTime(to_qdatetime(start))
            self.ends_edit.setDateTime(to_qdatetime(start + DEFAULT_LENGTH))
            self._last_start = self.starts_edit.dateTime()
            self.setWindowTitle(self.tr("New activity"))
        if not allowed(actor, "record_participation"):
            self.save_button.setEnabled(False)
        self.title_edit.setFocus()

    # ---- building ----
    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = QLabel()
        err.setObjectName("fieldError")
        err.setWordWrap(True)
        err.hide()
        lay.addWidget(err)
        self._errors[field] = err
        return box

    def _build(self, series: list[str]) -> None:
        self.setMinimumWidth(500)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. Morning reading: Atomic Habits"))
        self.kind_combo = QComboBox()
        for kind in ACTIVITY_KINDS:
            self.kind_combo.addItem(activity_kind_label(kind), kind)

        self.series_combo = QComboBox()
        self.series_combo.setEditable(True)
        self.series_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.series_combo.addItem("")
        self.series_combo.addItems(series)
        self.series_combo.lineEdit().setPlaceholderText(self.tr("None — or a series name, e.g. Friday talks"))
        self.series_combo.setCurrentIndex(0)
        self.series_combo.currentTextChanged.connect(self._on_series_changed)
        self.edition_spin = EditionSpinBox()
        self.edition_spin.setRange(0, 9999)
        self.edition_spin.setSpecialValueText(self.tr("—"))
        self.edition_spin.setMinimumWidth(110)
        self.edition_spin.setToolTip(self.tr("Edition in the series (第N期); the next one is filled in"))
        series_row = QWidget()
        sl = QHBoxLayout(series_row)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.series_combo, 1)
        sl.addWidget(self.edition_spin)

        self.starts_edit = QDateTimeEdit()
        self.starts_edit.setCalendarPopup(True)
        self.starts_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.ends_edit = QDateTimeEdit()
        self.ends_edit.setCalendarPopup(True)
        self.ends_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self._last_start: QDateTime | None = None
        self.starts_edit.dateTimeChanged.connect(self._on_start_changed)
        for edit in (self.starts_edit, self.ends_edit):
            edit.setStyleSheet(datetime_style())

        self.online_radio = QRadioButton(self.tr("Online"))
        self.offline_radio = QRadioButton(self.tr("Offline"))
        self.online_radio.setChecked(True)
        self._where_group = QButtonGroup(self)
        self._where_group.addButton(self.online_radio)
        self._where_group.addButton(self.offline_radio)
        self.place_edit = QLineEdit()
        self.online_radio.toggled.connect(self._update_place_hint)
        where_row = QWidget()
        wl = QHBoxLayout(where_row)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.online_radio)
        wl.addWidget(self.offline_radio)
        wl.addWidget(self.place_edit, 1)
        self._update_place_hint()

        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(0, 100_000)
        self.capacity_spin.setSpecialValueText(self.tr("No limit"))
        self.hosts_edit = QLineEdit()
        self.hosts_edit.setPlaceholderText(self.tr("Hosts and speakers, e.g. 张三, 李四"))

        form = QFormLayout()
        form.addRow(self.tr("Title *"), self._with_error("title", self.title_edit))
        form.addRow(self.tr("Kind"), self._with_error("kind", self.kind_combo))
        form.addRow(self.tr("Series"), self._with_error("edition", series_row))
        form.addRow(self.tr("Starts"), self._with_error("starts_at", self.starts_edit))
        form.addRow(self.tr("Ends"), self._with_error("ends_at", self.ends_edit))
        form.addRow(self.tr("Where"), self._with_error("place", where_row))
        form.addRow(self.tr("Capacity"), self._with_error("capacity", self.capacity_spin))
        form.addRow(self.tr("Hosts"), self._with_error("hosts", self.hosts_edit))

        self.error_label = QLabel()  # errors that belong to no field
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save") if self._activity_id else self.tr("Create"))
        self.save_button.setObjectName("primaryButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._update_edition_enabled()

    def _fill(self, data: ActivityInput) -> None:
        self.title_edit.setText(data.title)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(data.kind)))
        self.series_combo.blockSignals(True)
        self.series_combo.setEditText(data.series or "")
        self.series_combo.blockSignals(False)
        self.edition_spin.setValue(data.edition or 0)
        if data.starts_at is not None:
            self.starts_edit.blockSignals(True)
            self.starts_edit.setDateTime(to_qdatetime(data.starts_at))
            self.starts_edit.blockSignals(False)
            self._last_start = self.starts_edit.dateTime()
        ends = data.ends_at or ((data.starts_at + DEFAULT_LENGTH) if data.starts_at else None)
        if ends is not None:
            self.ends_edit.setDateTime(to_qdatetime(ends))
        (self.online_radio if data.online else self.offline_radio).setChecked(True)
        self.place_edit.setText(data.place or "")
        self.capacity_spin.setValue(data.capacity or 0)
        self.hosts_edit.setText(data.hosts or "")
        shown = names_shown_to(self._actor)
        for field, edit in (("title", self.title_edit), ("place", self.place_edit), ("hosts", self.hosts_edit)):
            stored = getattr(data, field) or ""
            # a phone in it (on one laptop), or one a team server's view already masked (报名 158****)
            if not allowed(self._actor, "export_unmasked") and holds_hidden_phone(field, stored):
                self.hidden[field] = stored
                edit.setText(shown(stored) or "")
                edit.setReadOnly(True)
                edit.setToolTip(
                    self.tr(
                        "This holds a phone number you cannot see in full: only the owner or an admin may change it."
                    )
                )
        self._update_edition_enabled()

    # ---- reactions ----
    @Slot(str)
    def _on_series_changed(self, text: str) -> None:
        series = text.strip()
        self._update_edition_enabled()
        if not series:
            self.edition_spin.setValue(0)
            return
        if self._loaded is not None and series == (self._loaded.series or ""):
            self.edition_spin.setValue(self._loaded.edition or 0)
            return
        with self._database.session() as session:
            self.edition_spin.setValue(next_edition(session, self._group_id, series))

    def _update_edition_enabled(self) -> None:
        self.edition_spin.setEnabled(bool(self.series_combo.currentText().strip()))

    @Slot(QDateTime)
    def _on_start_changed(self, value: QDateTime) -> None:
        # keep the length: moving the start moves the end with it
        previous = self._last_start
        self._last_start = value
        if previous is None:
            return
        length = previous.secsTo(self.ends_edit.dateTime())
        if length <= 0:
            length = int(DEFAULT_LENGTH.total_seconds())
        self.ends_edit.setDateTime(value.addSecs(length))

    @Slot()
    def _update_place_hint(self) -> None:
        if self.online_radio.isChecked():
            self.place_edit.setPlaceholderText(self.tr("Platform or link (optional), e.g. Tencent Meeting"))
        else:
            self.place_edit.setPlaceholderText(self.tr("Place, e.g. Starbucks, 100 Nanjing Rd"))

    # ---- saving ----
    def current_input(self) -> ActivityInput:
        series = self.series_combo.currentText().strip() or None
        data = ActivityInput(
            title=self.title_edit.text().strip(),
            kind=self.kind_combo.currentData(),
            starts_at=from_qdatetime(self.starts_edit.dateTime()),
            ends_at=from_qdatetime(self.ends_edit.dateTime()),
            series=series,
            edition=(self.edition_spin.value() or None) if series else None,
            online=self.online_radio.isChecked(),
            place=self.place_edit.text().strip() or None,
            capacity=self.capacity_spin.value() or None,
            hosts=self.hosts_edit.text().strip() or None,
        )
        if self.hidden:  # shown masked, read-only: the stored text stays
            data = replace(data, **{f: v or None for f, v in self.hidden.items()})
        return data

    def _clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()
        self.error_label.hide()

    def show_field_error(self, field: str, message: str) -> None:
        label = self._errors.get(field)
        if label is None:
            self.error_label.setText(localise_message(message))
            self.error_label.show()
            return
        label.setText(localise_message(message))
        label.show()
        focus = {
            "title": self.title_edit,
            "kind": self.kind_combo,
            "edition": self.edition_spin,
            "starts_at": self.starts_edit,
            "ends_at": self.ends_edit,
            "capacity": self.capacity_spin,
        }.get(field)
        if focus is not None:
            focus.setFocus()

    def error_text(self, field: str) -> str:
        """The message shown under a field ('' when none) — for tests and screen readers."""
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def _show_save_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_field_error(exc.field, exc.message)
        else:
            self.error_label.setText(localise_message(str(exc)))
            self.error_label.show()

    @Slot()
    def save(self) -> None:
        self._clear_errors()
        data = self.current_input()

        def save_activity(session) -> int:
            if self._activity_id is None:
                return create_activity(session, self._actor, self._group_id, data)
            update_activity(session, self._actor, self._activity_id, data)
            return self._activity_id

        done = run_write(
            self,
            self._database,
            save_activity,
            changes=("participation",),
            on_error=self._show_save_error,
        )
        if not done:
            return
        activity_id = done.value
        self.saved_activity_id = activity_id
        self.activity_saved.emit(activity_id)
        self.accept()
