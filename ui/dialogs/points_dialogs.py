"""Dialogs of the Points page: AdjustPointsDialog (a manual adjustment: member, points ±, a required reason,
date → desktop.services.points.adjust_points) and RecomputeDialog (what re-pricing every fact with the
current rules would change — name, current, expected, change — with Apply / Cancel) and BatchAdjustDialog (one
adjustment for several members: chosen, or a pasted list of names matched to the group →
desktop.services.points.adjust_points_batch)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError, ValidationError
from desktop.services.activities_queries import member_choices
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.points import RecomputeRow, adjust_points, adjust_points_batch
from desktop.services.points_queries import read_adjustment_names
from ui.messages import localise_message
from ui.models.checkins_models import ignored_reason_text, person_outcome_text
from ui.models.points_models import RC_NAME, RecomputeModel, signed
from ui.models.roster_table_model import status_label
from ui.operations import run_write
from ui.pickers import MemberPicker, choice_text, told_apart
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


# the decision of a row of BatchAdjustDialog (its combo's item data)
B_UNDECIDED, B_SKIP, B_MEMBER = "undecided", "skip", "member"
B_COL_NAME, B_COL_MATCH, B_COL_DECISION = range(3)
UNREAD_SHOWN = 5  # lines of a paste that named nobody, quoted in the summary


class BatchAdjustDialog(QDialog):
    """One adjustment for several members (points.adjust_points_batch): the members chosen before (the roster's
    selection) and the people of a pasted list of names (`张三 李四 王五`, one a line, a 接龙 copied from the group),
    matched as a sign-up chain is (points_queries.match_adjustment_names). Every row ends in a decision the user
    sees: a certain match keeps its member (or is skipped); a name that fits several members, or none, is asked —
    Apply waits until it is chosen or skipped, never guessed; a repeated person counts once; someone no longer in
    the group, a quote or a notice is shown with why and left out. Points, a required reason and a date as for one
    adjustment; one transaction. Emits adjusted(head entry id, how many)."""

    adjusted = Signal(int, int)

    def __init__(
        self,
        database,
        actor: Actor,
        group_id: int,
        membership_ids: list[int] | tuple[int, ...] = (),
        parent: QWidget | None = None,
        *,
        known: dict[int, tuple[str, str]] | None = None,
    ):
        """`known`: the name and membership status of the given members (the roster's rows): one who is no member of
        the group now (left, an applicant) is listed as left out, with their status, instead of dropped unsaid."""
        super().__init__(parent)
        self.setObjectName("batchAdjustDialog")
        self._database = database
        self._actor = actor
        self._group_id = group_id
        self.setWindowTitle(self.tr("Adjust points for several members"))
        with database.session() as session:
            self._choices = member_choices(session, group_id)
        # two members who read alike (王芳 twice, no nickname) are told apart by their WeChat IDs, as the member picker
        # does: the choice list of an ambiguous 王芳 showed two identical lines
        # an assistant reads a phone typed into a name masked (names_shown_to), here as on every page
        self._shown = names_shown_to(actor)
        ids = told_apart(self._choices)  # 王芳 twice: their WeChat IDs beside them
        self._names = {
            c.membership_id: self._show(
                f"{choice_text(c)} · {ids[c.membership_id]}" if c.membership_id in ids else choice_text(c)
            )
            for c in self._choices
        }
        self._chosen = list(dict.fromkeys(membership_ids))
        self._known = dict(known or {})
        self.matches: list = []
        self.unread: tuple[str, ...] = ()  # lines of the paste that named nobody (a title, a line read as chat)
        self.combos: dict[int, QComboBox] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.update_preview)

        self.paste_edit = QPlainTextEdit()
        self.paste_edit.setObjectName("pasteBox")
        self.paste_edit.setPlaceholderText(
            self.tr("Paste the names here: 张三 李四 王五, one per line, or a 接龙 copied from the group")
        )
        self.paste_edit.setTabChangesFocus(True)
        self.paste_edit.setMaximumHeight(110)
        self.paste_edit.textChanged.connect(self._timer.start)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("batchPreview")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Match"), self.tr("Decision")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(B_COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(B_COL_MATCH, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(B_COL_DECISION, QHeaderView.ResizeMode.Stretch)
        self.points_spin = QSpinBox()
        self.points_spin.setRange(-100_000, 100_000)
        self.points_spin.setToolTip(self.tr("Positive to add, negative to take away"))
        self.points_spin.valueChanged.connect(self._update_summary)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Required, e.g. came to the offline meetup"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(today_qdate())
        self.date_edit.setDate(today_qdate())
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("hint")
        self.summary_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Points each"), self.points_spin)
        form.addRow(self.tr("Reason *"), self.reason_edit)
        form.addRow(self.tr("Date"), self.date_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Adjust"))
        self.save_button.setObjectName("primaryButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.paste_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        resize_to_fit(self, 640, 560)
        self.update_preview()
        (self.points_spin if self._chosen else self.paste_edit).setFocus()

    # ---- rows ----
    def set_text(self, text: str) -> None:
        """Paste programmatically (tests) and preview at once."""
        self.paste_edit.setPlainText(text)
        self.update_preview()

    @Slot()
    def update_preview(self) -> None:
        self._timer.stop()
        text = self.paste_edit.toPlainText()
        try:
            with self._database.session() as session:
                read = read_adjustment_names(session, self._group_id, text) if text.strip() else None
                self.matches = read.matches if read is not None else []
                self.unread = read.unread if read is not None else ()
        except QunDeskError as exc:
            self.error_label.setText(localise_message(getattr(exc, "message", str(exc))))
            self.error_label.show()
            return
        self.combos.clear()
        self.table.setRowCount(0)
        self.table.setRowCount(len(self._chosen) + len(self.matches))
        for row, mid in enumerate(self._chosen):
            if mid not in self._names:  # not a member (已入群) of the group now: as the single dialog, not offered
                name, status = self._known.get(mid, ("?", ""))
                self.table.setItem(row, B_COL_NAME, QTableWidgetItem(self._show(name)))
                item = QTableWidgetItem(
                    self.tr("Selected · not a member of the group now (%1)").replace("%1", status_label(status))
                )
                item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, B_COL_MATCH, item)
                self.table.setItem(row, B_COL_DECISION, QTableWidgetItem(self.tr("Left out")))
                continue
            self.table.setItem(row, B_COL_NAME, QTableWidgetItem(self._names[mid]))
            self.table.setItem(row, B_COL_MATCH, QTableWidgetItem(self.tr("Selected")))
            self._combo(row, [(self._names[mid], (B_MEMBER, mid)), (self.tr("Leave out"), (B_SKIP, None))])
        for i, m in enumerate(self.matches):
            self._fill_row(len(self._chosen) + i, m)
        self._update_summary()

    def _show(self, text: str) -> str:
        return self._shown(text) or text

    def _fill_row(self, row: int, m) -> None:
        self.table.setItem(row, B_COL_NAME, QTableWidgetItem(self._show(m.name or "")))
        skip = (self.tr("Leave out"), (B_SKIP, None))
        choose = (self.tr("Choose who this is…"), (B_UNDECIDED, None))
        everyone = [(self._names[c.membership_id], (B_MEMBER, c.membership_id)) for c in self._choices]
        if m.status == "matched":
            c = m.candidates[0]
            self.table.setItem(row, B_COL_MATCH, QTableWidgetItem(self.tr("Matched")))
            name = self._names.get(c.membership_id) or self._show(c.display_name)
            self._combo(row, [(name, (B_MEMBER, c.membership_id)), skip])
        elif m.status == "ambiguous":
            self.table.setItem(
                row, B_COL_MATCH, QTableWidgetItem(self.tr("%n possible member(s)", "", len(m.candidates)))
            )
            options = [
                (self._names[c.membership_id], (B_MEMBER, c.membership_id))
                for c in m.candidates
                if c.membership_id in self._names
            ]
            self._combo(row, [choose, *options, skip])
        elif m.status == "unmatched":
            self.table.setItem(row, B_COL_MATCH, QTableWidgetItem(self.tr("No member of this name")))
            self._combo(row, [choose, skip, *everyone])
        else:
            if m.status == "duplicate":
                why = self.tr("Repeated: counted once")
            elif m.status == "not_member":
                why = self._show("; ".join(person_outcome_text(c) for c in m.candidates)) or self.tr("Not in the group")
            elif m.status == "ignored":
                why = ignored_reason_text(m)
            else:
                why = self.tr("Not a name: left out")
            item = QTableWidgetItem(why)
            item.setForeground(Qt.GlobalColor.gray)
            self.table.setItem(row, B_COL_MATCH, item)
            self.table.setItem(row, B_COL_DECISION, QTableWidgetItem(self.tr("Left out")))

    def _combo(self, row: int, options: list[tuple[str, tuple]]) -> QComboBox:
        combo = QComboBox()
        for text, data in options:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self._update_summary)
        self.table.setCellWidget(row, B_COL_DECISION, combo)
        self.combos[row] = combo
        return combo

    def choose(self, row: int, membership_id: int | None = None, *, skip: bool = False) -> None:
        """Set a row's decision as a user would in its combo box."""
        combo = self.combos[row]
        want = (B_SKIP, None) if skip else (B_MEMBER, membership_id)
        for i in range(combo.count()):
            if combo.itemData(i) == want:
                combo.setCurrentIndex(i)
                return
        raise ValueError(f"no such choice on row {row}")

    def undecided_rows(self) -> list[int]:
        return [r for r, c in self.combos.items() if (c.currentData() or (B_SKIP,))[0] == B_UNDECIDED]

    def chosen_members(self) -> list[int]:
        """The members Apply adjusts, each once, in the order of the rows."""
        out: dict[int, None] = {}
        for row in sorted(self.combos):
            kind, value = self.combos[row].currentData() or (B_SKIP, None)
            if kind == B_MEMBER and value is not None:
                out[int(value)] = None
        return list(out)

    @Slot()
    def _update_summary(self, *_args: object) -> None:
        undecided = len(self.undecided_rows())
        members = self.chosen_members()
        if not self.combos and not self.matches:
            text = self.tr("Paste the names above; each is matched to the group's members.")
        elif undecided:
            text = self.tr("%n name(s) still need a decision: choose who it is or leave it out.", "", undecided)
        else:
            text = (
                self.tr("Adjust gives %1 to %n member(s).", "", len(members)).replace(
                    "%1", signed(self.points_spin.value())
                )
                if self.points_spin.value()
                else self.tr("%n member(s) chosen; enter the points each gets.", "", len(members))
            )
        if self.unread:  # a title, or a name the chat parser read as a message's text: seen, never lost unsaid
            shown = [line if len(line) <= 20 else line[:19] + "…" for line in self.unread[:UNREAD_SHOWN]]
            more = len(self.unread) - len(shown)
            text += " " + self.tr("Lines read as no name: %1.").replace(
                "%1", "、".join(shown) + (self.tr(" and %n more", "", more) if more else "")
            )
        self.summary_label.setText(text)
        self.save_button.setEnabled(bool(members) and not undecided and allowed(self._actor, "record_participation"))

    # ---- save ----
    @Slot()
    def save(self) -> None:
        self.error_label.hide()
        if self.undecided_rows() or not self.save_button.isEnabled():
            return
        members = self.chosen_members()
        d = self.date_edit.date()
        done = run_write(
            self,
            self._database,
            adjust_points_batch,
            self._actor,
            self._group_id,
            members,
            self.points_spin.value(),
            self.reason_edit.text(),
            date(d.year(), d.month(), d.day()),
            changes=("points",),
            on_error=self._show_save_error,
        )
        if not done:
            return
        self.adjusted.emit(done.value.head_id, len(done.value.membership_ids))
        self.accept()

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _show_save_error(self, exc: BaseException) -> None:
        self.error_label.setText(localise_message(getattr(exc, "message", str(exc))))
        self.error_label.show()
        field = getattr(exc, "field", "")
        {"points": self.points_spin, "day": self.date_edit}.get(field, self.reason_edit).setFocus()
