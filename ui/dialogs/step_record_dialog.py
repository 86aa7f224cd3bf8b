"""StepRecordDialog: what a recorded entry step holds — when, by whom, the answer (or note), the amount paid,
the rules version read — shown when someone clicks a step that is already done (the Onboarding page's matrix,
the member panel's entry steps), with a way to change the answer or the amount, or to take the step back.

The dialog writes the edit itself (desktop.services.onboarding.edit_step_record) and says so with `changed`;
taking the step back is the caller's (`remove_requested`), so the Onboarding page keeps its Ctrl+Z. Opened with
open() (window-modal), so tests drive it like a user."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.onboarding import edit_step_record
from desktop.services.onboarding_queries import StepRecord, step_record
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.roster import holds_hidden_phone
from ui.messages import default_name
from ui.operations import run_write

GONE = ("left", "removed", "blacklisted")  # no step is recorded or changed for them (the service refuses too)


class StepRecordDialog(QDialog):
    changed = Signal()  # the answer or the amount was saved
    remove_requested = Signal(int, int)  # (membership id, step id): take the step back

    def __init__(self, database, actor: Actor, membership_id: int, step_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepRecordDialog")
        self._database = database
        self._actor = actor
        with database.session() as session:
            self.record: StepRecord = step_record(session, membership_id, step_id)
        rec, detail = self.record, self.record.detail
        self.setWindowTitle(default_name(rec.step_name))
        self.setMinimumWidth(420)

        shown = names_shown_to(actor)  # a phone written into the name or the answer masked for an assistant
        self.title_label = title = QLabel(f"{shown(rec.display_name)} · {default_name(rec.step_name)}")
        title.setObjectName("dialogTitle")
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)

        facts = []
        if detail is None:
            facts.append(self.tr("Not recorded."))
        else:
            facts.append(self.tr("Done %1").replace("%1", detail.done_at.strftime("%Y-%m-%d %H:%M")))
            if detail.operator:
                facts.append(self.tr("recorded by %1").replace("%1", detail.operator))
            if detail.rules_version is not None:
                facts.append(self.tr("read rules version %1").replace("%1", str(detail.rules_version)))
        if rec.step_retired:
            facts.append(self.tr("retired step: the record is kept"))
        self.facts_label = QLabel(" · ".join(facts))
        self.facts_label.setObjectName("hint")
        self.facts_label.setWordWrap(True)

        may_edit = (
            detail is not None
            and not rec.step_retired
            and rec.member_status not in GONE
            and allowed(actor, "record_participation")
        )
        stored = (detail.answer or "") if detail else ""
        # an answer holding a phone shows an assistant the phone masked, read-only: what they would save is what
        # they saw, and the number would be lost (as the member dialog keeps such a field: roster.hidden_fields)
        # (a phone in it on one laptop, or one a team server's view already masked: 答: 手机 159****)
        self._answer_hidden = not allowed(actor, "export_unmasked") and holds_hidden_phone("answer", stored)
        self.answer_edit = QPlainTextEdit(shown(stored) or "")
        self.answer_edit.setObjectName("stepAnswer")
        self.answer_edit.setTabChangesFocus(True)
        self.answer_edit.setFixedHeight(90)
        self.answer_edit.setReadOnly(not may_edit or self._answer_hidden)
        self.answer_edit.setPlaceholderText(
            self.tr("No answer recorded. Type it here.") if may_edit else self.tr("No answer recorded.")
        )
        self.amount_spin: QDoubleSpinBox | None = None
        form = QFormLayout()
        form.addRow(self.tr("Answer") if rec.step_kind == "question" else self.tr("Note"), self.answer_edit)
        if rec.step_kind == "payment":
            self.amount_spin = QDoubleSpinBox()
            self.amount_spin.setRange(0, 1_000_000)
            self.amount_spin.setDecimals(2)
            self.amount_spin.setPrefix("¥")
            self.amount_spin.setValue((detail.amount_cents or 0) / 100 if detail else 0)
            self.amount_spin.setEnabled(may_edit)
            form.addRow(self.tr("Amount paid"), self.amount_spin)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("primaryButton")
        self.remove_button = QPushButton(self.tr("Take the step back"))
        self.remove_button.setToolTip(self.tr("The step is no longer done; what it held is removed"))
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self._on_remove)
        self.close_button.clicked.connect(self.reject)
        self.save_button.setVisible(may_edit)
        self.remove_button.setVisible(may_edit)
        self.save_button.setEnabled(False)
        self.answer_edit.textChanged.connect(self._update_save)
        if self.amount_spin is not None:
            self.amount_spin.valueChanged.connect(self._update_save)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.facts_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.close_button.setDefault(not may_edit)

    # ---- values ----
    def answer(self) -> str | None:
        if self._answer_hidden:  # shown masked, read-only: the stored answer stays
            return self.record.detail.answer if self.record.detail else None
        return self.answer_edit.toPlainText().strip() or None

    def amount_cents(self) -> int | None:
        return round(self.amount_spin.value() * 100) if self.amount_spin is not None else None

    def _dirty(self) -> bool:
        detail = self.record.detail
        if detail is None:
            return False
        return self.answer() != (detail.answer or None) or (
            self.amount_spin is not None and self.amount_cents() != (detail.amount_cents or 0)
        )

    @Slot()
    def _update_save(self) -> None:
        self.save_button.setEnabled(self._dirty())

    # ---- actions ----
    @Slot()
    def save(self) -> bool:
        if not self._dirty():
            return False
        rec = self.record
        answer, amount_cents = self.answer(), self.amount_cents()

        def save_record(session) -> None:
            edit_step_record(
                session, self._actor, rec.membership_id, rec.step_id, answer=answer, amount_cents=amount_cents
            )

        if not run_write(self, self._database, save_record, changes=("participation",)):
            return False
        self.changed.emit()
        self.accept()
        return True

    @Slot()
    def _on_remove(self) -> None:
        self.remove_requested.emit(self.record.membership_id, self.record.step_id)
        self.accept()
