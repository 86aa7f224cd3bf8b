"""MemberDialog: add or edit one member of a group (every MemberInput field), with inline validation
messages and a duplicate warning before saving. Writes through desktop.services.roster."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ValidationError
from desktop.services.groups import list_groups
from desktop.services.lookups import list_tiers, membership_owner
from desktop.services.members import add_to_group
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.roster import (
    DuplicateHit,
    MemberInput,
    add_member,
    check_wechat_typed,
    find_duplicates,
    id_number_fields,
    member_input_hidden,
    update_member,
    validate_edit,
)
from desktop.tags import split_tags
from models import clock
from models.base import MEMBERSHIP_STATUSES
from ui.messages import default_name, localise_message
from ui.models.roster_table_model import local_date, status_label
from ui.operations import form_errors, run_write
from ui.qdates import today_qdate
from ui.screen_fit import resize_to_fit, scrolling

NOT_SET_DATE = QDate(1900, 1, 1)


def join_date_value(day: date) -> datetime:
    """A calendar day the user picked, stored at local noon (times are local; noon marks "no time given")."""
    return datetime.combine(day, time(12, 0))


class OptionalDateEdit(QDateEdit):
    """A QDateEdit that can say "Not set": the minimum date stands for no date. Touching an unset field
    (click, arrow keys, calendar) starts from today rather than from 1900."""

    def __init__(self, not_set_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NOT_SET_DATE)
        self.setMaximumDate(today_qdate())
        self.setSpecialValueText(not_set_text)
        self.setDate(NOT_SET_DATE)

    def value(self) -> date | None:
        d = self.date()
        return None if d == self.minimumDate() else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(QDate(value.year, value.month, value.day) if value else self.minimumDate())

    def clear_value(self) -> None:
        self.setDate(self.minimumDate())

    def _start_from_today(self) -> None:
        if self.value() is None:
            self.setDate(today_qdate())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start_from_today()
        super().mousePressEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.value() is None:
            self._start_from_today()
            return
        super().stepBy(steps)


class MemberDialog(QDialog):
    """Add (membership_id None) or edit a member. `confirm_duplicates` is a hook: it gets the possible
    duplicates and returns True to save anyway; tests replace it instead of driving a message box."""

    member_saved = Signal(int)

    FIELDS = (
        "display_name",
        "nickname",
        "group_nickname",
        "wechat_id",
        "phone",
        "gender",
        "city",
        "occupation",
        "tags",
        "status",
        "tier",
        "joined_at",
        "purpose",
        "note",
        "seed_user",
        "real_name_verified",
    )

    def __init__(
        self,
        database,
        actor: Actor,
        group_id: int | None,
        membership_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self._database = database
        self._actor = actor
        self._group_id = group_id
        self._membership_id = membership_id
        self._member_id: int | None = None
        self._loaded: MemberInput | None = None
        self._hidden: frozenset[str] = frozenset()  # fields shown with a phone masked in them (read-only)
        self.confirm_duplicates: Callable[[list[DuplicateHit]], bool] = self.ask_about_duplicates
        self.saved_membership_id: int | None = None
        self.merged_member_id: int | None = None  # set when the duplicate warning's Merge… merged someone

        with database.session() as session:
            tiers = [name for _id, name in list_tiers(session)]
            groups = [(g.id, g.name) for g in list_groups(session)] if membership_id is None else []
            group_name = ""
            if membership_id is not None:
                self._member_id, self._group_id, group_name = membership_owner(session, membership_id)
                # phones masked for an assistant, in the free text too; those fields are theirs to read only
                self._loaded, self._hidden = member_input_hidden(session, actor, membership_id)

        self._errors: dict[str, QLabel] = {}
        self._build(tiers, groups, group_name)
        if self._loaded is not None:
            self._fill(self._loaded)
            self._read_only_hidden()
            self.setWindowTitle(self.tr("Edit member — %1").replace("%1", self._loaded.display_name))
        else:
            self.setWindowTitle(self.tr("Add member"))
        self._limit_statuses()
        if not allowed(actor, "edit_members"):
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(self.tr("Your role may not edit members"))
        self.name_edit.setFocus()

    # ---- building ----
    def _with_error(self, field: str, widget: QWidget, *, grow: bool = False) -> QWidget:
        """The field with its (hidden) error line under it. `grow`: this field takes the box's spare height."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget, 1 if grow else 0)
        if grow:
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        err = QLabel()
        err.setObjectName("fieldError")
        err.setWordWrap(True)
        err.hide()
        lay.addWidget(err)
        if not grow:
            lay.addStretch(1)  # any spare height goes below the field, so its label stays beside it
        self._errors[field] = err
        return box

    def _build(self, tiers: list[str], groups: list[tuple[int, str]], group_name: str) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("Required"))
        self.nickname_edit = QLineEdit()
        self.group_nickname_edit = QLineEdit()
        self.group_nickname_edit.setPlaceholderText(self.tr("Name shown in this group"))
        self.wechat_edit = QLineEdit()
        self.qq_edit = QLineEdit()
        self.qq_edit.setPlaceholderText(self.tr("For QQ groups"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.gender_combo = QComboBox()
        self.gender_combo.addItem(self.tr("Not set"), None)
        self.gender_combo.addItem(self.tr("Male"), "male")
        self.gender_combo.addItem(self.tr("Female"), "female")
        self.gender_combo.addItem(self.tr("Other"), "other")
        self.city_edit = QLineEdit()
        self.occupation_edit = QLineEdit()
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Comma separated, e.g. early riser, reading"))

        self.group_combo = QComboBox(self)  # parented: only one of combo and label ends up in the layout
        for gid, name in groups:
            self.group_combo.addItem(name, gid)
        if self._group_id is not None:
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(self._group_id)))
        self.group_label = QLabel(group_name, self)
        self.status_combo = QComboBox()
        for code in MEMBERSHIP_STATUSES:
            self.status_combo.addItem(status_label(code), code)
        self.status_combo.setCurrentIndex(self.status_combo.findData("active"))
        self.tier_combo = QComboBox()
        self.tier_combo.addItem(self.tr("Not set"), None)
        for name in tiers:
            self.tier_combo.addItem(default_name(name), name)
        self.joined_edit = OptionalDateEdit(self.tr("Not set"))
        clear_joined = QToolButton()
        clear_joined.setText("×")
        clear_joined.setToolTip(self.tr("Clear the join date"))
        clear_joined.clicked.connect(self.joined_edit.clear_value)
        joined_row = QWidget()
        jl = QHBoxLayout(joined_row)
        jl.setContentsMargins(0, 0, 0, 0)
        jl.addWidget(self.joined_edit, 1)
        jl.addWidget(clear_joined)
        self.seed_check = QCheckBox(self.tr("Seed user"))
        self.seed_check.setToolTip(self.tr("One of the first, most engaged members"))
        self.verified_check = QCheckBox(self.tr("Real-name verified"))
        self.verified_check.setToolTip(self.tr("Only whether it was verified is kept, never an ID number"))
        self.purpose_edit = QPlainTextEdit()
        self.purpose_edit.setPlaceholderText(self.tr("Their answer to “Why do you want to join?”"))
        self.purpose_edit.setTabChangesFocus(True)
        # Takes whatever height the box beside the (longer) person box leaves, never asks for more.
        self.purpose_edit.setMinimumHeight(72)
        self.purpose_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(72)

        person = QGroupBox(self.tr("Person"))
        pf = QFormLayout(person)
        pf.addRow(self.tr("Name *"), self._with_error("display_name", self.name_edit))
        pf.addRow(self.tr("Nickname"), self._with_error("nickname", self.nickname_edit))
        pf.addRow(self.tr("WeChat ID"), self._with_error("wechat_id", self.wechat_edit))
        pf.addRow(self.tr("QQ"), self._with_error("qq", self.qq_edit))
        pf.addRow(self.tr("Phone"), self._with_error("phone", self.phone_edit))
        pf.addRow(self.tr("Gender"), self._with_error("gender", self.gender_combo))
        pf.addRow(self.tr("City"), self._with_error("city", self.city_edit))
        pf.addRow(self.tr("Occupation"), self._with_error("occupation", self.occupation_edit))
        pf.addRow(self.tr("Tags"), self._with_error("tags", self.tags_edit))
        pf.addRow(self.tr("Note"), self._with_error("note", self.note_edit))

        # A grid rather than a form here: the purpose row alone takes the spare height (a form would spread
        # it over every row), so this box lines up with the longer person box.
        membership = QGroupBox(self.tr("In this group"))
        mg = QGridLayout(membership)
        mg.setColumnStretch(1, 1)
        adding = self._membership_id is None
        group_field = self._with_error("group", self.group_combo) if adding else self.group_label
        (self.group_label if adding else self.group_combo).hide()
        rows = (
            (self.tr("Group"), group_field),
            (self.tr("Group nickname"), self._with_error("group_nickname", self.group_nickname_edit)),
            (self.tr("Status"), self._with_error("status", self.status_combo)),
            (self.tr("Tier"), self._with_error("tier", self.tier_combo)),
            (self.tr("Joined"), self._with_error("joined_at", joined_row)),
            ("", self._with_error("seed_user", self.seed_check)),
            ("", self._with_error("real_name_verified", self.verified_check)),
            (self.tr("Purpose"), self._with_error("purpose", self.purpose_edit, grow=True)),
        )
        for i, (label, field_widget) in enumerate(rows):
            last = i == len(rows) - 1
            align = Qt.AlignmentFlag.AlignLeft | (Qt.AlignmentFlag.AlignTop if last else Qt.AlignmentFlag.AlignVCenter)
            mg.addWidget(QLabel(label), i, 0, align)
            mg.addWidget(field_widget, i, 1)
        mg.setRowStretch(len(rows) - 1, 1)
        pf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.general_error = QLabel()
        self.general_error.setObjectName("fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        body = QWidget()  # scrolls on a screen lower than it (ui/screen_fit.py): Save and Cancel stay on screen
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(person, 0, 0)
        grid.addWidget(membership, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(760)
        hint = self.sizeHint()
        resize_to_fit(self, hint.width(), hint.height())

        # Tab goes down the person box, then down the group box (creation order would jump between them).
        chain = [
            self.name_edit,
            self.nickname_edit,
            self.wechat_edit,
            self.qq_edit,
            self.phone_edit,
            self.gender_combo,
            self.city_edit,
            self.occupation_edit,
            self.tags_edit,
            self.note_edit,
            *([self.group_combo] if self._membership_id is None else []),
            self.group_nickname_edit,
            self.status_combo,
            self.tier_combo,
            self.joined_edit,
            clear_joined,
            self.seed_check,
            self.verified_check,
            self.purpose_edit,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _fill(self, data: MemberInput) -> None:
        self.name_edit.setText(data.display_name or "")
        self.nickname_edit.setText(data.nickname or "")
        self.group_nickname_edit.setText(data.group_nickname or "")
        self.wechat_edit.setText(data.wechat_id or "")
        self.qq_edit.setText(data.qq or "")
        self.phone_edit.setText(data.phone or "")
        self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(data.gender)) if data.gender else 0)
        self.city_edit.setText(data.city or "")
        self.occupation_edit.setText(data.occupation or "")
        self.tags_edit.setText(", ".join(data.tags))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(data.status)))
        self.tier_combo.setCurrentIndex(max(0, self.tier_combo.findData(data.tier)) if data.tier else 0)
        self.joined_edit.set_value(local_date(data.joined_at))
        self.seed_check.setChecked(bool(data.seed_user))
        self.verified_check.setChecked(bool(data.real_name_verified))
        self.purpose_edit.setPlainText(data.purpose or "")
        self.note_edit.setPlainText(data.note or "")

    def _read_only_hidden(self) -> None:
        """A field shown with a phone masked in it (王五 138****) cannot be changed by this operator (the service
        refuses it too): what they would save is what they saw, the phone lost."""
        widgets = {
            "display_name": self.name_edit,
            "nickname": self.nickname_edit,
            "group_nickname": self.group_nickname_edit,
            "wechat_id": self.wechat_edit,
            "city": self.city_edit,
            "occupation": self.occupation_edit,
            "purpose": self.purpose_edit,
            "note": self.note_edit,
        }
        for name in sorted(self._hidden):
            widget = widgets[name]
            widget.setReadOnly(True)
            widget.setToolTip(
                self.tr("Holds a phone number you cannot see in full: only the owner or an admin may change it")
            )

    def _limit_statuses(self) -> None:
        """Removing (已移除), blacklisting and lifting a blacklist are an owner's or admin's (the service refuses
        them too): for an assistant those statuses are greyed out, and a blacklisted member's status is fixed."""
        if allowed(self._actor, "delete_members"):
            return
        current = self._loaded.status if self._loaded is not None else None
        tip = self.tr("Only the owner or an admin may remove or blacklist a member, or lift a blacklist")
        model = self.status_combo.model()
        for index in range(self.status_combo.count()):
            code = self.status_combo.itemData(index)
            if code in ("removed", "blacklisted") and code != current:
                model.item(index).setEnabled(False)
        if current == "blacklisted":
            self.status_combo.setEnabled(False)
        self.status_combo.setToolTip(tip)

    # ---- reading ----
    def member_input(self) -> MemberInput:
        """What the form says, as the service's input (not yet validated)."""
        loaded = self._loaded
        joined_day = self.joined_edit.value()
        if joined_day is None:
            joined_at = None
        elif loaded is not None and local_date(loaded.joined_at) == joined_day:
            joined_at = loaded.joined_at  # unchanged: keep the stored time of day
        else:
            joined_at = join_date_value(joined_day)
        verified = self.verified_check.isChecked()
        verified_on = ((loaded.verified_on if loaded else None) or clock.today()) if verified else None
        return MemberInput(
            display_name=self.name_edit.text(),
            nickname=self.nickname_edit.text(),
            wechat_id=self.wechat_edit.text(),
            qq=self.qq_edit.text(),
            phone=self.phone_edit.text(),
            gender=self.gender_combo.currentData(),
            city=self.city_edit.text(),
            occupation=self.occupation_edit.text(),
            note=self.note_edit.toPlainText(),
            tags=self._tags(),
            real_name_verified=verified,
            verified_on=verified_on,
            seed_user=self.seed_check.isChecked(),
            status=self.status_combo.currentData(),
            tier=self.tier_combo.currentData(),
            group_nickname=self.group_nickname_edit.text(),
            joined_at=joined_at,
            referrer_id=loaded.referrer_id if loaded else None,
            purpose=self.purpose_edit.toPlainText(),
        )

    def _tags(self) -> list[str]:
        """The typed tags (desktop/tags.py's rule); a field left as it was keeps the stored tags exactly, so
        saving a member never re-splits a tag written before the rule (one holding a comma, say)."""
        text = self.tags_edit.text()
        loaded = self._loaded
        if loaded is not None and text == ", ".join(loaded.tags):
            return list(loaded.tags)
        return split_tags(text)

    def target_group_id(self) -> int | None:
        if self._membership_id is not None:
            return self._group_id
        return self.group_combo.currentData()

    # ---- errors ----
    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()
            label.clear()
        self.general_error.hide()

    def show_field_error(self, field: str, message: str) -> None:
        label = self._errors.get(field, self.general_error)
        label.setText(localise_message(message))
        label.show()

    def field_error(self, field: str) -> str | None:
        """The message shown next to `field`, or None (for tests and screen readers)."""
        label = self._errors.get(field)
        return label.text() if label is not None and label.isVisible() else None

    # ---- duplicates ----
    def describe_duplicates(self, hits: list[DuplicateHit]) -> str:
        reasons = {
            "wechat_id": self.tr("same WeChat ID"),
            "phone": self.tr("same phone number"),
            "similar_name": self.tr("very similar name in this group"),
            "same_name_elsewhere": self.tr("same name"),
        }
        shown = names_shown_to(
            self._actor
        )  # another person's name and WeChat ID: a phone in them masked for an assistant
        lines = []
        for h in hits:
            who = [f"#{h.member_id}"]  # two people of one name are told apart by these
            if h.wechat_id:
                who.append(self.tr("WeChat %1").replace("%1", shown(h.wechat_id) or ""))
            if h.phone_tail:
                who.append(self.tr("phone …%1").replace("%1", h.phone_tail))
            line = f"• {shown(h.display_name)} — {reasons.get(h.reason, h.reason)} ({', '.join(who)})"
            if h.elsewhere:  # on another group's roster, not this one's: the person can join this group instead
                line += " — " + self.tr("in %1").replace("%1", "、".join(h.elsewhere))
            if h.deleted:
                line += " — " + self.tr("deleted: restore them from the roster's deleted people instead")
            if h.blacklisted_in:
                line += " — " + self.tr("blacklisted in %1").replace("%1", "、".join(h.blacklisted_in))
            lines.append(line)
        return "\n".join(lines)

    def ask_about_duplicates(self, hits: list[DuplicateHit]) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Possible duplicate"))
        box.setText(self.tr("This person may already be in the roster:"))
        box.setInformativeText(self.describe_duplicates(hits))
        save = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        merge = None
        live = [h for h in hits if not h.deleted]  # a deleted person is restored, not merged into
        if allowed(self._actor, "merge_members") and live:
            merge = box.addButton(self.tr("Merge…"), QMessageBox.ButtonRole.ActionRole)
            merge.setToolTip(self.tr("Open the merge dialog for %1").replace("%1", live[0].display_name))
            # a merge works on the records saved: what this form holds unsaved is left behind, said before the choice
            box.setInformativeText(
                box.informativeText()
                + "\n\n"
                + self.tr("Merge… works on the records already saved: what you typed in this form is not saved.")
            )
        # someone on another group's roster: they join this group (a second person of that name was the only way)
        other = next((h for h in live if h.membership_id is not None and not h.blacklisted_in), None)
        join = None
        if other is not None and self._membership_id is None and allowed(self._actor, "edit_members"):
            join = box.addButton(
                self.tr("Add %1 to this group").replace("%1", names_shown_to(self._actor)(other.display_name) or ""),
                QMessageBox.ButtonRole.ActionRole,
            )
            join.setToolTip(
                self.tr(
                    "The person already on the roster of %1 joins this group as a member; nothing typed here is saved."
                ).replace("%1", "、".join(other.elsewhere))
            )
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        self.duplicate_box = box  # tests answer it
        box.exec()
        if merge is not None and box.clickedButton() is merge:
            self.open_merge(live[0].member_id)
            return False
        if join is not None and box.clickedButton() is join:
            self.add_existing(other.membership_id)
            return False
        return box.clickedButton() is save

    def add_existing(self, membership_id: int) -> bool:
        """Make the person of another group's `membership_id` a member of this dialog's group, and close."""
        group_id = self.target_group_id()
        done = run_write(
            self,
            self._database,
            lambda session: add_to_group(session, self._actor, membership_id, group_id),
            changes=("members",),
        )
        if not done:
            return False
        self.saved_membership_id = done.value
        self.member_saved.emit(done.value)
        self.accept()
        return True

    def open_merge(self, member_id: int):
        """The duplicate warning's "Merge…": merge the existing record (with this one, when editing)."""
        from ui.dialogs.merge_dialog import MergeDialog

        dialog = MergeDialog(self._database, self._actor, member_id, parent=self, other_member_id=self._member_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._on_merged)
        dialog.finished.connect(lambda _result: self.reject() if self.merged_member_id is not None else None)
        self.merge_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_merged(self, kept_member_id: int) -> None:
        """The record on screen may have been merged away: this form closes when the merge dialog does."""
        self.merged_member_id = kept_member_id

    # ---- saving ----
    @Slot()
    def save(self) -> None:
        self.clear_errors()
        group_id = self.target_group_id()
        if group_id is None:
            self.show_field_error("group", self.tr("Create a group first (File ▸ New group…)"))
            return
        raw = self.member_input()
        try:
            if self._loaded is None or raw.wechat_id != (self._loaded.wechat_id or ""):
                check_wechat_typed(raw.wechat_id)  # a phone typed as the WeChat ID (a stored one stays as it is)
            data = validate_edit(raw, self._loaded)  # a phone shown masked (an assistant's) and left as it is
        except ValidationError as exc:
            self._focus_error(exc)
            return
        if self._show_id_numbers_dropped(raw, data):
            return
        with self._database.session() as session:
            hits = find_duplicates(
                session,
                display_name=data.display_name,
                wechat_id=data.wechat_id,
                phone=data.phone,
                group_id=group_id,
                exclude_member_id=self._member_id,
            )
        if hits and not self.confirm_duplicates(hits):
            return

        def save_member(session) -> int:
            if self._membership_id is None:
                _member_id, membership_id = add_member(session, self._actor, group_id, raw)
                return membership_id
            update_member(session, self._actor, self._membership_id, raw, loaded=self._loaded)
            return self._membership_id

        done = run_write(
            self,
            self._database,
            save_member,
            changes=("members", "taxonomy"),  # new tags appear in the filters
            on_error=form_errors(self, self._focus_error),
        )
        if not done:
            return
        membership_id = done.value
        self.saved_membership_id = membership_id
        self.member_saved.emit(membership_id)
        self.accept()

    def _show_id_numbers_dropped(self, raw: MemberInput, data: MemberInput) -> bool:
        """An ID-card number (身份证号) typed or pasted into a field is never stored (PRODUCT §2): the field is
        given what will be kept (the last four characters, roster.validate), a message under it says so, and
        nothing is saved yet — the next Save saves what the user now sees. True when it did that."""
        found = id_number_fields(raw)
        if not found:
            return False
        editors = {
            "display_name": self.name_edit,
            "nickname": self.nickname_edit,
            "wechat_id": self.wechat_edit,
            "city": self.city_edit,
            "occupation": self.occupation_edit,
            "group_nickname": self.group_nickname_edit,
            "note": self.note_edit,
            "purpose": self.purpose_edit,
        }
        message = self.tr(
            "An ID-card number is never stored: only its last four characters are kept, as shown. "
            "Check the field and save again."
        )
        for name in found:
            if name == "tags":
                self.tags_edit.setText(", ".join(data.tags))
            elif name in editors:
                editor = editors[name]
                kept = getattr(data, name) or ""
                if isinstance(editor, QPlainTextEdit):
                    editor.setPlainText(kept)
                else:
                    editor.setText(kept)
            self.show_field_error(name, message)
        widget = {"tags": self.tags_edit, **editors}.get(found[0])
        if widget is not None:
            widget.setFocus()
        return True

    def _focus_error(self, exc: ValidationError) -> None:
        self.show_field_error(exc.field, exc.message)
        widget = {
            "display_name": self.name_edit,
            "phone": self.phone_edit,
            "wechat_id": self.wechat_edit,
            "qq": self.qq_edit,
            "joined_at": self.joined_edit,
            "tier": self.tier_combo,
            "status": self.status_combo,
            "gender": self.gender_combo,
        }.get(exc.field)
        if widget is not None:
            widget.setFocus()
