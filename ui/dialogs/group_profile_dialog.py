"""GroupProfileDialog: a group's profile — the seven essentials of PRODUCT §2 (goal, threshold and fee,
value, rules, rituals, sharing, operators), kind, capacity, joining notice and the late check-in setting —
and its rules with every earlier version readable. Saving the rules adds a version; archiving keeps the
group's history. Writes through desktop.services.group_profile / onboarding / groups."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError, ValidationError
from desktop.services.group_profile import (
    MAX_CAMP_DAYS,
    MAX_CAPACITY,
    GroupProfile,
    RulesVersionRow,
    get_group_profile,
    list_rules_versions,
    update_group_profile,
)
from desktop.services.groups import archive_group
from desktop.services.onboarding import update_rules
from desktop.services.operators import Actor, allowed
from desktop.services.texts import set_template
from desktop.settings import get_setting
from models import clock
from models.base import GROUP_KINDS
from ui.dialogs.group_dialog import kind_label
from ui.messages import localise_message
from ui.operations import run_write
from ui.screen_fit import resize_to_fit, scrolling
from ui.widgets.text_templates_editor import TextTemplatesEditor

TAB_BASICS, TAB_ESSENTIALS, TAB_RULES, TAB_TEXTS = range(4)
VersionRole = Qt.ItemDataRole.UserRole + 1


def _text_box(placeholder: str = "", height: int = 58) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(height)
    return box


class GroupProfileDialog(QDialog):
    """Edit one group's profile. Hooks for tests: `confirm_archive()` returns True to archive."""

    profile_saved = Signal(int)  # group id
    group_archived = Signal(int)

    def __init__(self, database, actor: Actor, group_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("groupProfileDialog")
        self._database = database
        self._actor = actor
        self._group_id = group_id
        self._can_edit = allowed(actor, "edit_groups")
        self.confirm_archive: Callable[[], bool] = self.ask_to_archive
        with database.session() as session:
            self.profile: GroupProfile = get_group_profile(session, group_id)
            self.versions: list[RulesVersionRow] = list_rules_versions(session, group_id)
            self._warn_share = float(get_setting(session, "capacity_warn_share"))
        self.setWindowTitle(self.tr("Group profile — %1").replace("%1", self.profile.name))
        self._build()
        self._fill(self.profile)
        self._fill_versions()
        self._apply_permissions()
        resize_to_fit(self, 760, 640)

    # ---- building ----
    def _build(self) -> None:
        self.tabs = QTabWidget()  # each tab scrolls on a screen lower than it (ui/screen_fit.py)
        self.tabs.addTab(scrolling(self._build_basics()), self.tr("Basics"))
        self.tabs.addTab(scrolling(self._build_essentials()), self.tr("Seven essentials"))
        self.tabs.addTab(scrolling(self._build_rules()), self.tr("Rules"))
        self.texts_editor = TextTemplatesEditor(self._database, self._group_id, self)
        self.tabs.addTab(scrolling(self.texts_editor), self.tr("Texts"))

        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.archive_button = QPushButton(self.tr("Archive group…"))
        self.archive_button.setToolTip(
            self.tr("Hide this group from the lists; its members, check-ins and history are kept")
        )
        self.archive_button.clicked.connect(self.archive)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.archive_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)

    def _build_basics(self) -> QWidget:
        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in GROUP_KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(1, MAX_CAPACITY)
        self.capacity_spin.setToolTip(self.tr("A WeChat group holds at most 500 people"))
        self.capacity_spin.valueChanged.connect(self._update_capacity_note)
        self.capacity_note = QLabel()
        self.capacity_note.setObjectName("hint")
        self.capacity_note.setWordWrap(True)
        self.notice_edit = _text_box(self.tr("What newcomers must know before joining (入会须知)"), 150)
        self.late_check = QCheckBox(self.tr("Late check-ins (补卡) count toward streaks"))
        self.late_check.setToolTip(
            self.tr(
                "A check-in logged later for an earlier day keeps the streak going when this is on. Changing it "
                "settles each member's past 7-day bonuses to it at their next check-in, dated on the runs' days: "
                "past months' points change then."
            )
        )
        self.archived_label = QLabel(self.tr("This group is archived. Its history is kept."))
        self.archived_label.setObjectName("hint")

        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Capacity"), self.capacity_spin)
        form.addRow("", self.capacity_note)
        form.addRow(self.tr("Joining notice"), self.notice_edit)
        self.keywords_edit = QLineEdit()
        self.keywords_edit.setObjectName("checkinKeywords")
        self.keywords_edit.setPlaceholderText(self.tr("打卡 (default)"))
        self.keywords_edit.setToolTip(
            self.tr(
                "A chat message with one of these words is a check-in (chat-history import, pasted chat log;"
                " a 接龙 line is one by being on it); separate with 、 or spaces"
            )
        )
        form.addRow(self.tr("Check-in words"), self.keywords_edit)
        # a camp's first day (开营日) and length: a chain titled 第15天 is the chain of first day + 14 (paste). Optional,
        # and not asked when a group is created: a camp is set up while it recruits, before its dates are fixed
        self.camp_start_check = QCheckBox(self.tr("Camp's first day (day 1)"))
        self.camp_start_check.setObjectName("campStartCheck")
        self.camp_start_edit = QDateEdit()
        self.camp_start_edit.setObjectName("campStartDay")
        self.camp_start_edit.setCalendarPopup(True)
        self.camp_start_edit.setDisplayFormat("yyyy-MM-dd")
        self.camp_start_edit.setEnabled(False)
        self.camp_start_check.toggled.connect(self._update_camp_start)
        self.camp_days_spin = QSpinBox()
        self.camp_days_spin.setObjectName("campDays")
        self.camp_days_spin.setRange(0, MAX_CAMP_DAYS)
        self.camp_days_spin.setSpecialValueText(self.tr("not set"))
        camp_tip = self.tr(
            "With the camp's first day set, a chain titled 第15天 / Day 15 is logged for the camp's 15th day (first day"
            " + 14); a title whose date and day count disagree, or a day beyond the camp's length, is asked"
        )
        for widget in (self.camp_start_check, self.camp_start_edit, self.camp_days_spin):
            widget.setToolTip(camp_tip)
        camp_row = QHBoxLayout()
        camp_row.addWidget(self.camp_start_check)
        camp_row.addWidget(self.camp_start_edit, 1)
        form.addRow(self.tr("Camp start (开营日)"), camp_row)
        form.addRow(self.tr("Camp length (days)"), self.camp_days_spin)
        form.addRow("", self.late_check)
        form.addRow("", self.archived_label)
        return page

    def _build_essentials(self) -> QWidget:
        self.goal_edit = _text_box(self.tr("What the group is for and who it is for"))
        self.threshold_edit = _text_box(self.tr("Who may join and what they must do first"))
        self.fee_spin = QDoubleSpinBox()
        self.fee_spin.setRange(0, 1_000_000)
        self.fee_spin.setDecimals(2)
        self.fee_spin.setPrefix("¥ ")
        self.fee_spin.setToolTip(self.tr("Threshold fee (0 = free)"))
        self.value_edit = _text_box(self.tr("What members get from being here"))
        self.rules_summary = QLabel()
        self.rules_summary.setObjectName("hint")
        self.rules_summary.setWordWrap(True)
        self.open_rules_button = QPushButton(self.tr("Edit rules…"))
        self.open_rules_button.clicked.connect(lambda: self.tabs.setCurrentIndex(TAB_RULES))
        rules_row = QWidget()
        rl = QHBoxLayout(rules_row)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.rules_summary, 1)
        rl.addWidget(self.open_rules_button)
        self.rituals_edit = _text_box(self.tr("e.g. self-introduction, welcome red packet, opening ceremony"))
        self.sharing_edit = _text_box(self.tr("e.g. weekly knowledge share, expert live streams"))
        self.operators_edit = _text_box(self.tr("Who runs the group: daily operator, planner, assistants"))
        self.fee_spin.setMinimumWidth(140)
        fee_row = QWidget()
        fl = QHBoxLayout(fee_row)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.fee_spin)
        fl.addStretch(1)

        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Goal and positioning"), self.goal_edit)
        form.addRow(self.tr("Threshold"), self.threshold_edit)
        form.addRow(self.tr("Threshold fee"), fee_row)
        form.addRow(self.tr("Value"), self.value_edit)
        form.addRow(self.tr("Rules"), rules_row)
        form.addRow(self.tr("Rituals"), self.rituals_edit)
        form.addRow(self.tr("Sharing"), self.sharing_edit)
        form.addRow(self.tr("Operators"), self.operators_edit)
        return page

    def _build_rules(self) -> QWidget:
        self.version_list = QListWidget()
        self.version_list.setObjectName("rulesVersions")
        self.version_list.currentItemChanged.connect(self._on_version_changed)
        self.version_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.version_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.version_list.setSpacing(2)
        self.rules_edit = QPlainTextEdit()
        self.rules_edit.setPlaceholderText(self.tr("Write the group rules here. Each save keeps the old text."))
        self.rules_edit.textChanged.connect(self._update_rules_state)
        self.old_rules_view = QPlainTextEdit()
        self.old_rules_view.setReadOnly(True)
        self.old_rules_view.setObjectName("oldRules")
        self.old_rules_view.setStyleSheet("#oldRules { background: #F9FAFB; color: #4B5563; }")
        self.rules_stack = QStackedWidget()
        self.rules_stack.addWidget(self.rules_edit)
        self.rules_stack.addWidget(self.old_rules_view)
        self.rules_caption = QLabel()
        self.rules_caption.setObjectName("hint")
        self.rules_caption.setWordWrap(True)
        self.save_rules_button = QPushButton(self.tr("Save as new version"))
        self.save_rules_button.clicked.connect(self.save_rules_version)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.rules_caption)
        rl.addWidget(self.rules_stack, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_rules_button)
        rl.addLayout(row)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        versions_title = QLabel(self.tr("Versions"))
        versions_title.setObjectName("hint")
        ll.addWidget(versions_title)
        ll.addWidget(self.version_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 500])
        splitter.setChildrenCollapsible(False)
        page = QWidget()
        pl = QVBoxLayout(page)
        pl.addWidget(splitter)
        return page

    # ---- filling ----
    def _fill(self, p: GroupProfile) -> None:
        self.name_edit.setText(p.name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(p.kind)))
        self.capacity_spin.setValue(p.capacity)
        self.notice_edit.setPlainText(p.joining_notice or "")
        self.late_check.setChecked(p.late_checkins_count_for_streak)
        self.keywords_edit.setText(p.checkin_keywords or "")
        start = p.camp_start_day or clock.today()
        self.camp_start_edit.setDate(QDate(start.year, start.month, start.day))
        self.camp_start_check.setChecked(p.camp_start_day is not None)
        self.camp_days_spin.setValue(p.camp_days or 0)
        self.archived_label.setVisible(p.archived)
        self.goal_edit.setPlainText(p.goal or "")
        self.threshold_edit.setPlainText(p.threshold_text or "")
        self.fee_spin.setValue(p.fee_cents / 100)
        self.value_edit.setPlainText(p.value_text or "")
        self.rituals_edit.setPlainText(p.rituals_text or "")
        self.sharing_edit.setPlainText(p.sharing_text or "")
        self.operators_edit.setPlainText(p.operators_text or "")
        self.rules_edit.setPlainText(p.rules_text or "")
        self._update_capacity_note()

    @Slot(bool)
    def _update_camp_start(self, on: bool) -> None:
        self.camp_start_edit.setEnabled(on and self.camp_start_check.isEnabled())

    def _version_text(self, v: RulesVersionRow, current: bool) -> str:
        """Two lines: "Version 3 (current)" and "2024-05-01 · 群主"."""
        text = self.tr("Version %1").replace("%1", str(v.version))
        if current:
            text += " " + self.tr("(current)")
        text += "\n" + v.created_at.strftime("%Y-%m-%d")
        if v.created_by:
            text += f" · {v.created_by}"
        return text

    def _fill_versions(self) -> None:
        self.version_list.blockSignals(True)
        self.version_list.clear()
        for i, v in enumerate(self.versions):
            item = QListWidgetItem(self._version_text(v, i == 0))
            item.setData(VersionRole, v.version)
            item.setToolTip(v.created_at.strftime("%Y-%m-%d %H:%M"))
            self.version_list.addItem(item)
        self.version_list.blockSignals(False)
        if self.versions:
            self.version_list.setCurrentRow(0)
        else:
            self._on_version_changed(None, None)
        current = self.versions[0] if self.versions else None
        if current is None:
            self.rules_summary.setText(self.tr("No rules written yet."))
        else:
            self.rules_summary.setText(
                self.tr("Version %1 of %2; %n version(s) kept.", "", len(self.versions))
                .replace("%1", str(current.version))
                .replace("%2", current.created_at.strftime("%Y-%m-%d"))
            )

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_version_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        version = item.data(VersionRole) if item is not None else None
        latest = self.versions[0].version if self.versions else None
        if version is None or version == latest:
            self.rules_stack.setCurrentWidget(self.rules_edit)
            if latest is None:
                self.rules_caption.setText(self.tr("No rules yet: write the first version."))
            else:
                self.rules_caption.setText(
                    self.tr("The current rules (version %1). Saving a change adds version %2.")
                    .replace("%1", str(latest))
                    .replace("%2", str(latest + 1))
                )
        else:
            old = next(v for v in self.versions if v.version == version)
            self.old_rules_view.setPlainText(old.text)
            self.rules_stack.setCurrentWidget(self.old_rules_view)
            self.rules_caption.setText(
                self.tr("Version %1 of %2 (read only).")
                .replace("%1", str(old.version))
                .replace("%2", old.created_at.strftime("%Y-%m-%d %H:%M"))
            )
        self._update_rules_state()

    @Slot()
    def _update_capacity_note(self) -> None:
        capacity = self.capacity_spin.value()
        warn_at = int(capacity * self._warn_share + 0.999999)
        members = self.profile.members_total  # "1 member now", not "1 members"
        self.capacity_note.setText(
            self.tr("QunDesk warns at %1% (%2 members) and never refuses anyone; %n member(s) now.", "", members)
            .replace("%1", str(round(self._warn_share * 100)))
            .replace("%2", str(warn_at))
        )

    @Slot()
    def _update_rules_state(self) -> None:
        editing = self.rules_stack.currentWidget() is self.rules_edit
        self.save_rules_button.setEnabled(self._can_edit and editing and self.rules_changed())

    def _apply_permissions(self) -> None:
        editable = (
            self.name_edit,
            self.kind_combo,
            self.capacity_spin,
            self.notice_edit,
            self.late_check,
            self.camp_start_check,
            self.camp_days_spin,
            self.goal_edit,
            self.threshold_edit,
            self.fee_spin,
            self.value_edit,
            self.rituals_edit,
            self.sharing_edit,
            self.operators_edit,
            self.rules_edit,
            self.save_button,
        )
        for widget in editable:
            widget.setEnabled(self._can_edit)
        self.texts_editor.set_read_only(not self._can_edit)
        self.archive_button.setEnabled(self._can_edit and not self.profile.archived)
        if not self._can_edit:
            tip = self.tr("Only the owner or an admin may change a group")
            self.save_button.setToolTip(tip)
            self.archive_button.setToolTip(tip)
            self.open_rules_button.setText(self.tr("Read rules…"))
        self._update_rules_state()

    # ---- reading ----
    def profile_fields(self) -> dict[str, object]:
        """What the form says, as update_group_profile's fields."""
        return {
            "name": self.name_edit.text(),
            "kind": self.kind_combo.currentData(),
            "capacity": self.capacity_spin.value(),
            "joining_notice": self.notice_edit.toPlainText(),
            "late_checkins_count_for_streak": self.late_check.isChecked(),
            "checkin_keywords": self.keywords_edit.text(),
            "camp_start_day": self.camp_start_edit.date().toPython() if self.camp_start_check.isChecked() else None,
            "camp_days": self.camp_days_spin.value() or None,
            "goal": self.goal_edit.toPlainText(),
            "threshold_text": self.threshold_edit.toPlainText(),
            "fee_cents": round(self.fee_spin.value() * 100),
            "value_text": self.value_edit.toPlainText(),
            "rituals_text": self.rituals_edit.toPlainText(),
            "sharing_text": self.sharing_edit.toPlainText(),
            "operators_text": self.operators_edit.toPlainText(),
        }

    def rules_changed(self) -> bool:
        text = self.rules_edit.toPlainText().strip()
        current = (self.versions[0].text if self.versions else "").strip()
        return text != current and bool(text or current)

    # ---- saving ----
    def _show_error(self, exc: QunDeskError) -> None:
        message = exc.message if isinstance(exc, ValidationError) else str(exc)
        self.error_label.setText(localise_message(message))
        self.error_label.show()
        if isinstance(exc, ValidationError):
            tab = {
                "name": TAB_BASICS,
                "kind": TAB_BASICS,
                "capacity": TAB_BASICS,
                "joining_notice": TAB_BASICS,
                "rules": TAB_RULES,
                "template": TAB_TEXTS,
            }.get(exc.field, TAB_ESSENTIALS)
            self.tabs.setCurrentIndex(tab)

    @Slot()
    def save(self) -> None:
        """Save the profile and, if the rules text changed, the rules as a new version — one transaction."""
        if not self._can_edit:
            return
        self.error_label.hide()
        fields = self.profile_fields()
        rules = self.rules_edit.toPlainText() if self.rules_changed() else None
        texts = self.texts_editor.changed()

        def save_profile(session) -> None:
            update_group_profile(session, self._actor, self._group_id, **fields)
            if rules is not None:
                update_rules(session, self._actor, self._group_id, rules)
            for kind, body in texts.items():
                try:
                    set_template(session, self._actor, self._group_id, kind, body)
                except ValidationError:
                    self.texts_editor.select_kind(kind)  # show the template that cannot be saved
                    raise

        if not run_write(self, self._database, save_profile, changes=("groups", "settings"), on_error=self._show_error):
            return
        self.profile_saved.emit(self._group_id)
        self.accept()

    @Slot()
    def save_rules_version(self) -> None:
        """Save the rules text now as the next version (the dialog stays open; the list shows it)."""
        if not self._can_edit or not self.rules_changed():
            return
        self.error_label.hide()
        rules = self.rules_edit.toPlainText()

        def save_version(session) -> list[RulesVersionRow]:
            update_rules(session, self._actor, self._group_id, rules)
            return list_rules_versions(session, self._group_id)

        done = run_write(self, self._database, save_version, changes=("groups",), on_error=self._show_error)
        if not done:
            return
        self.versions = done.value
        self._fill_versions()

    def ask_to_archive(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Archive group"))
        box.setText(self.tr("Archive “%1”?").replace("%1", self.profile.name))
        box.setInformativeText(
            self.tr(
                "The group leaves the group list. Its members, entry progress, check-ins, points and reports are kept."
            )
        )
        ok = box.addButton(self.tr("Archive"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is ok

    @Slot()
    def archive(self) -> None:
        if not self._can_edit or self.profile.archived or not self.confirm_archive():
            return
        if not run_write(self, self._database, archive_group, self._actor, self._group_id, changes=("groups",)):
            return
        self.group_archived.emit(self._group_id)
        self.accept()

    # ---- for tests ----
    def version_labels(self) -> list[str]:
        return [self.version_list.item(i).text() for i in range(self.version_list.count())]

    def shown_rules_text(self) -> str:
        return self.rules_stack.currentWidget().toPlainText()
