"""Dialogs of the Points page: AdjustPointsDialog (a manual adjustment: member, points ±, a required reason,
date → desktop.services.points.adjust_points) and RecomputeDialog (what re-pricing every fact with the
current rules would change — name, current, expected, change — with Apply / Cancel)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ValidationError
from desktop.services.activities_queries import member_choices
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.points import RecomputeRow, adjust_points
from ui.messages import localise_message
from ui.models.points_models import RC_NAME, RecomputeModel, signed
from ui.operations import run_write
from ui.pickers import MemberPicker
from ui.qdates import today_qdate
from ui.screen_fit import resize_to_fit


class AdjustPointsDialog(QDialog):
    """Emits adjusted(membership id) after the entry is written."""

    adjusted = Signal(int)

    def __init__(
        self, database, actor: Actor, group_id: int, membership_id: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("adjustPointsDialog")
        self._database = database
        self._actor = actor
        self._group_id = group_id
        self.setWindowTitle(self.tr("Adjust points"))
        self.setMinimumWidth(440)
        with database.session() as session:
            choices = member_choices(session, group_id)

        self._errors: dict[str, QLabel] = {}
        self.member_picker = MemberPicker()
        self.member_picker.shown = names_shown_to(actor)
        self.member_picker.set_choices(choices)
        if membership_id is not None:
            self.member_picker.choose(membership_id)
        self.points_spin = QSpinBox()
        self.points_spin.setRange(-100_000, 100_000)
        self.points_spin.setValue(0)
        self.points_spin.setToolTip(self.tr("Positive to add, negative to take away"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Required, e.g. helped organise the meetup"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(today_qdate())
        self.date_edit.setDate(today_qdate())

        form = QFormLayout()
        form.addRow(self.tr("Member"), self._with_error("membership", self.member_picker))
        form.addRow(self.tr("Points"), self._with_error("points", self.points_spin))
        form.addRow(self.tr("Reason *"), self._with_error("reason", self.reason_edit))
        form.addRow(self.tr("Date"), self.date_edit)
        note = QLabel(self.tr("The ledger keeps every adjustment with its reason and your name."))
        note.setObjectName("hint")
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Adjust"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setEnabled(allowed(actor, "record_participation"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        (self.points_spin if membership_id is not None else self.member_picker).setFocus()

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

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def _show_error(self, field: str, message: str) -> None:
        label = self._errors.get(field) or self._errors["reason"]
        label.setText(localise_message(message))
        label.show()
        {"membership": self.member_picker, "points": self.points_spin}.get(field, self.reason_edit).setFocus()

    def _show_save_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self._show_error(exc.field, exc.message)
        else:
            self._show_error("reason", str(exc))

    @Slot()
    def save(self) -> None:
        for label in self._errors.values():
            label.hide()
        membership_id = self.member_picker.membership_id
        if membership_id is None:
            self._show_error("membership", self.tr("Choose a member from the list first."))
            return
        d = self.date_edit.date()
        done = run_write(
            self,
            self._database,
            adjust_points,
            self._actor,
            membership_id,
            self.points_spin.value(),
            self.reason_edit.text(),
            date(d.year(), d.month(), d.day()),
            changes=("points",),
            on_error=self._show_save_error,
        )
        if not done:
            return
        self.adjusted.emit(membership_id)
        self.accept()


class RecomputeDialog(QDialog):
    """The preview of recompute_preview; Apply emits apply_requested (the page runs it off the UI thread)."""

    apply_requested = Signal()

    def __init__(self, rows: list[RecomputeRow], *, can_apply: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recomputeDialog")
        self.setWindowTitle(self.tr("Recompute from rules"))
        resize_to_fit(self, 560, 460)
        self.model = RecomputeModel(self)
        self.model.set_rows(rows)

        intro = QLabel(
            self.tr(
                "Every recorded fact priced with the current rules. Applying adds one correcting entry per "
                "member to the ledger, dated today; nothing is deleted. Past months keep their points; this "
                "month's points and leaderboard include the correction. Manual adjustments are left as they are."
            )
        )
        intro.setWordWrap(True)
        self.summary_label = QLabel()
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        total = sum(r.delta for r in rows)
        if rows:
            self.summary_label.setText(
                self.tr("%n member(s) would change, %1 points in total.", "", len(rows)).replace("%1", signed(total))
            )
        else:
            self.summary_label.setText(self.tr("Nothing to change: the ledger agrees with the rules."))

        self.table = QTableView()
        self.table.setObjectName("recomputeTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)  # keep the service's order: biggest change first
        self.table.setSortingEnabled(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(RC_NAME, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(col, 100)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("Apply"))
        self.apply_button.setObjectName("primaryButton")
        self.apply_button.setEnabled(bool(rows) and can_apply)
        if not can_apply:
            self.apply_button.setToolTip(self.tr("Only the owner or an admin may change points by the rules"))
        self.apply_button.clicked.connect(self._on_apply)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel") if rows else self.tr("Close"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    @Slot()
    def _on_apply(self) -> None:
        self.apply_button.setEnabled(False)
        self.apply_requested.emit()
