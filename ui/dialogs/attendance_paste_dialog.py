"""AttendancePasteDialog: paste a WeChat sign-up chain (报名接龙) for an activity. The text is parsed and
matched to the group's members by desktop.services.paste.match_paste; the preview lists every name with
a decision — matched lines keep their member, ambiguous lines need a choice, unmatched lines can be added as
new members, picked from the roster or skipped — and Apply writes them all as registered or attended in
one transaction (pasting the same chain again changes nothing). A chain grows down: a person's last line stands
(signed up, taken back, 请假; after the event `王五 没来` / `赵六 缺席`: absent, a place marked attended or excused
kept). A chain whose title names a day the activity is not on, or two chains with different
titles in one paste, or a title naming another edition (第3期 pasted into 第4期), are said and written only once
confirmed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.chat_parse import is_separator
from desktop.errors import QunDeskError
from desktop.services.activities_queries import (
    MemberChoice,
    attendance_sheet,
    get_activity,
    member_choices,
    on_leave_on,
)
from desktop.services.operators import Actor, names_shown_to
from desktop.services.participation import set_attendance, withdraw_sign_up
from desktop.services.paste import (
    PasteMatch,
    brings_guests,
    editions_in,
    fits_better_group,
    match_paste,
    parse_day,
    signup_role,
)
from desktop.services.roster import MemberInput, add_member
from models import clock
from ui.messages import show_error
from ui.models.checkins_models import ignored_reason_text, person_outcome_text
from ui.models.participation_models import attendance_role_label, attendance_status_label
from ui.operations import run_write
from ui.pickers import choice_text, told_apart
from ui.screen_fit import resize_to_fit

PREVIEW_DEBOUNCE_MS = 200
COL_LINE, COL_NAME, COL_RESULT, COL_DECISION = range(4)

# decision kinds in the combo boxes' item data
UNDECIDED, SKIP, MEMBER, NEW, EXCUSED, WITHDRAW = "undecided", "skip", "member", "new", "excused", "withdraw"
ABSENT = "absent"  # `王五 没来` in the list: their place is absent (never a place marked attended or excused)
EXACT_HOWS = ("name", "nickname", "group_nickname", "wechat_id")  # the certain matches (PRODUCT §4)


@dataclass(frozen=True)
class PasteOutcome:
    written: int  # attendance rows written or changed
    unchanged: int  # already on the list with that status
    added_members: int
    skipped: int


class AttendancePasteDialog(QDialog):
    """`status` is "registered" or "attended" (the radio buttons). Emits applied(PasteOutcome)."""

    applied = Signal(object)

    def __init__(
        self, database, actor: Actor, group_id: int, activity_id: int, title: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("attendancePasteDialog")
        self._database = database
        self._actor = actor
        self._shown = names_shown_to(actor)  # a member's name as this operator may see it (a phone in it masked)
        self._group_id = group_id
        self._activity_id = activity_id
        self.matches: list[PasteMatch] = []
        self._better_group: str | None = None  # fits_better_group of the paste shown
        self.combos: dict[int, QComboBox] = {}  # preview row -> its decision combo
        self.outcome: PasteOutcome | None = None
        with database.session() as session:
            self._members: list[MemberChoice] = member_choices(session, group_id)
            sheet = attendance_sheet(session, group_id, activity_id)
            self._current = {a.membership_id: (a.status, a.role) for a in sheet if a.status}
            # who may be on the list: the members, and those who were members on the activity's day
            self._on_sheet = {a.membership_id for a in sheet}
            _gid, data = get_activity(session, activity_id)
            # on leave (请假) on its day: a sign-up of theirs is written as excused — said on their line
            self._on_leave = on_leave_on(session, group_id, data.starts_at.date())
        # the activity's days (a camp runs over several): a chain whose title names another day is another one's
        self._first_day: date = data.starts_at.date()
        self._last_day: date = max(self._first_day, data.ends_at.date() if data.ends_at else self._first_day)
        # its edition (第4期), given or in its title: a chain titled 第3期 is another edition's
        self._capacity: int | None = data.capacity  # advisory: said when the list goes beyond it, never refused
        self._editions: set[int] = ({data.edition} if data.edition else set()) | editions_in(data.title)
        self._last_word: dict[int, tuple[str, int]] = {}  # membership -> (its last line's word, that line)
        self._names = {m.membership_id: m.display_name for m in self._members}
        # two members of one name (王芳 twice): their WeChat IDs tell them apart in the choice lists, which showed
        # "王芳 · same name" twice — whichever was picked was signed up
        self._told_apart = told_apart(self._members, lambda m: m.display_name)
        self.setWindowTitle(
            self.tr("Paste a sign-up chain — %1").replace("%1", title) if title else self.tr("Paste a sign-up chain")
        )
        resize_to_fit(self, 860, 600)
        self._build()

    def _build(self) -> None:
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("pasteBox")
        self.text_edit.setPlaceholderText(
            self.tr("Paste the chain from WeChat here, e.g.\n#接龙\n周六读书会报名\n1. 张三\n2. 李四")
        )
        self.text_edit.setTabChangesFocus(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DEBOUNCE_MS)
        self._timer.timeout.connect(self.update_preview)
        self.text_edit.textChanged.connect(self._timer.start)

        self.registered_radio = QRadioButton(self.tr("Mark as registered"))
        self.attended_radio = QRadioButton(self.tr("Mark as attended"))
        self.registered_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.registered_radio)
        group.addButton(self.attended_radio)
        mode = QHBoxLayout()
        mode.addWidget(self.registered_radio)
        mode.addWidget(self.attended_radio)
        mode.addStretch(1)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("pastePreview")
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Name"), self.tr("Match"), self.tr("Decision")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_RESULT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_DECISION, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_NAME, 170)
        self.table.setColumnWidth(COL_RESULT, 190)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("hint")
        self.summary_label.setWordWrap(True)
        # a chain titled for another day, or two chains in one paste: said, and written only once confirmed
        self.doubt_label = QLabel()
        self.doubt_label.setObjectName("chainWarning")
        self.doubt_label.setWordWrap(True)
        self.doubt_label.hide()
        self.confirm_box = QCheckBox(self.tr("It is this activity's sign-up all the same"))
        self.confirm_box.setObjectName("confirmChain")
        self.confirm_box.hide()
        self.confirm_box.toggled.connect(self._update_summary)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.text_edit)
        tl.addLayout(mode)
        tl.addWidget(self.doubt_label)
        tl.addWidget(self.confirm_box)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.table, 1)
        bl.addWidget(self.summary_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([190, 360])
        splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(self.tr("Apply"))
        self.apply_button.setObjectName("primaryButton")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self._update_summary()

    # ---- preview ----
    def set_text(self, text: str) -> None:
        """Paste programmatically (tests, drag and drop) and preview at once."""
        self.text_edit.setPlainText(text)
        self.update_preview()

    @Slot()
    def update_preview(self) -> None:
        self._timer.stop()
        text = self.text_edit.toPlainText()
        try:
            with self._database.session() as session:
                self.matches = match_paste(session, self._group_id, text, signups=True) if text.strip() else []
                # another group's sign-ups, most of whose people are in this group too: they matched here
                self._better_group = fits_better_group(session, self._group_id, self.matches)
        except QunDeskError as exc:
            show_error(self, exc)
            return
        self._last_word = self._last_words()
        self._show_doubts()
        self.table.setRowCount(0)
        self.combos.clear()
        self.table.setRowCount(len(self.matches))
        for row, m in enumerate(self.matches):
            self._fill_row(row, m)
        self._update_summary()

    def chain_doubts(self) -> list[str]:
        """Why the pasted chain may not be this activity's: its title names a day the activity is not on
        (`#接龙 周六徒步 12月12日` pasted into the 11月18日 activity), or the paste holds chains with different
        titles (two activities' sign-ups copied together)."""
        # a chain's title, not a chat log's date separator (—— 12月10日 20:15 —— dates the messages, not the event)
        headings = list(
            dict.fromkeys(
                " ".join(m.line.heading.split())
                for m in self.matches
                if m.line.heading is not None and not is_separator(m.line.heading)
            )
        )
        doubts = []
        for heading in headings:
            day = parse_day(heading, self._first_day, relative=False)
            if day is not None and not self._first_day <= day <= self._last_day:
                doubts.append(
                    self.tr("The chain “%1” names %2; this activity is on %3.")
                    .replace("%1", heading if len(heading) <= 40 else heading[:39] + "…")
                    .replace("%2", day.isoformat())
                    .replace("%3", self._first_day.isoformat())
                )
        for heading in headings:
            named = editions_in(heading)
            if named and self._editions and not named & self._editions:
                doubts.append(
                    self.tr("The chain “%1” is for edition %2; this activity is edition %3.")
                    .replace("%1", heading if len(heading) <= 40 else heading[:39] + "…")
                    .replace("%2", "/".join(map(str, sorted(named))))
                    .replace("%3", "/".join(map(str, sorted(self._editions))))
                )
        if len(headings) > 1:
            doubts.append(
                self.tr("The paste holds %n chains with different titles; an activity has one.", "", len(headings))
            )
        if self._better_group:
            doubts.append(
                self.tr("Most of these names are members of “%1”: is this the right group?").replace(
                    "%1", self._better_group
                )
            )
        return doubts

    def _show_doubts(self) -> None:
        doubts = self.chain_doubts()
        self.doubt_label.setText("\n".join(doubts))
        self.doubt_label.setVisible(bool(doubts))
        self.confirm_box.blockSignals(True)
        self.confirm_box.setChecked(False)
        self.confirm_box.blockSignals(False)
        self.confirm_box.setVisible(bool(doubts))

    @staticmethod
    def _person_of(m: PasteMatch) -> int | None:
        """The one member a line names for certain (None: nobody, or a choice to make)."""
        if len(m.candidates) != 1 or m.candidates[0].membership_id is None:
            return None
        if m.status in ("matched", "duplicate") or m.candidates[0].how in EXACT_HOWS:
            return m.candidates[0].membership_id
        return None

    def _last_words(self) -> dict[int, tuple[str, int]]:
        """Each named member's last word in the paste and its line: a chain grows down, so `1. 张三` then
        `5. 张三 取消` is a sign-up taken back, and `6. 张三 又能去了` after it a sign-up again."""
        last: dict[int, tuple[str, int]] = {}
        for m in self.matches:
            who = self._person_of(m)
            if who is None:
                continue
            word = self._word_of(m)
            if word is not None:
                last[who] = (word, m.line.line_no)
        return last

    @staticmethod
    def _word_of(m: PasteMatch) -> str | None:
        if m.status in ("matched", "duplicate"):
            return "signup"
        if m.status == "ignored" and m.reason == "withdrawn":
            return "withdraw"
        if m.status == "ignored" and m.reason == "no_show":
            return "absent"
        return "leave" if m.status == "leave" else None

    def _signed_up_before(self, who: int, line_no: int) -> bool:
        return any(
            m.line.line_no < line_no and m.status in ("matched", "duplicate") and self._person_of(m) == who
            for m in self.matches
        )

    def _fill_row(self, row: int, m: PasteMatch) -> None:
        line = QTableWidgetItem(str(m.line.line_no))
        line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line.setToolTip(m.line.raw)
        self.table.setItem(row, COL_LINE, line)
        name = QTableWidgetItem(m.name)
        name.setToolTip(m.line.raw)
        self.table.setItem(row, COL_NAME, name)
        role = signup_role(m.line.raw) if m.status in ("matched", "duplicate") else None
        result = QTableWidgetItem(
            self._result_text(m) + (f" · {attendance_role_label(role)}" if role is not None else "")
        )
        result.setForeground(
            Qt.GlobalColor.darkGreen
            if m.status == "matched"
            else Qt.GlobalColor.darkYellow
            if m.status == "ambiguous"
            else Qt.GlobalColor.gray
        )
        self.table.setItem(row, COL_RESULT, result)
        certain = [c for c in m.candidates if c.membership_id is not None and c.how in EXACT_HOWS]
        one = certain[0] if len(m.candidates) == 1 and len(certain) == 1 else None
        who = self._member_text(one.membership_id, one.display_name) if one is not None else ""
        registered = one is not None and self._current.get(one.membership_id, (None,))[0] == "registered"
        person = self._person_of(m)
        later = self._last_word.get(person) if person is not None else None
        if later is not None and later[1] > m.line.line_no and later[0] != self._word_of(m):
            # the person wrote again further down the chain: that later line is their word
            result.setText(self.tr("Changed again on line %1").replace("%1", str(later[1])))
            result.setForeground(Qt.GlobalColor.darkYellow)
            if m.status == "ignored" and m.reason == "withdrawn":  # 张三 取消, then 张三 又能去了: signed up again
                again = QTableWidgetItem(self.tr("Signed up again on line %1").replace("%1", str(later[1])))
                again.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, COL_DECISION, again)
                return
        if (
            m.status == "ignored"
            and m.reason == "withdrawn"
            and one is not None
            and not registered
            and self._signed_up_before(one.membership_id, m.line.line_no)
        ):
            # 1. 张三 … 5. 张三 取消 in the same chain: the sign-up above is taken back (it was registered all the same)
            self._decision_combo(
                row,
                [(self.tr("%1 · remove the sign-up").replace("%1", who), (WITHDRAW, one.membership_id))],
                self.tr("Keep the sign-up"),
                skip_first=False,
            )
            return
        if m.status == "leave" and one is not None:  # 李四 请假: they sent word
            self._decision_combo(
                row,
                [(self.tr("%1 · excused (请假)").replace("%1", who), (EXCUSED, one.membership_id))],
                self.tr("Skip this line"),
                skip_first=False,
            )
            return
        if m.status == "ignored" and m.reason == "withdrawn" and one is not None and registered:
            # 李四 不去了, and an earlier paste signed them up: take the place back
            self._decision_combo(
                row,
                [(self.tr("%1 · remove the sign-up").replace("%1", who), (WITHDRAW, one.membership_id))],
                self.tr("Keep the sign-up"),
                skip_first=False,
            )
            return
        if m.status == "ignored" and m.reason == "no_show" and one is not None and self._first_day <= clock.today():
            # 王五 没来 / 赵六 缺席 in the list after the event: they were marked attended; now absent is offered (a
            # place marked attended or excused is kept, as a sign-up never takes it back)
            self._decision_combo(
                row,
                [(self.tr("%1 · absent (did not come)").replace("%1", who), (ABSENT, one.membership_id))],
                self.tr("Skip this line"),
                skip_first=False,
            )
            return
        if m.status == "ignored" and m.reason in ("tentative", "outside_list", "over_limit") and one is not None:
            # 王五 待定 / 候补 / beyond 限N人: no place yet; the organiser may sign them up all the same
            combo = self._decision_combo(
                row,
                [(self.tr("%1 · sign up anyway").replace("%1", who), (MEMBER, one.membership_id))],
                # 周八 下次吧 under the chain: their line, no sign-up by itself; the 21st of a 限20人 chain waits
                self.tr("Not signed up (not sure yet)") if m.reason == "tentative" else self.tr("Not signed up"),
                skip_first=True,
            )
            combo.setToolTip(ignored_reason_text(m))
            return
        if m.status in ("ignored", "leave", "other_day"):  # a quote, a notice, 请假 …: shown with why, not counted
            why = QTableWidgetItem(ignored_reason_text(m) if m.status == "ignored" else self._result_text(m))
            why.setForeground(Qt.GlobalColor.gray)
            self.table.setItem(row, COL_DECISION, why)
            return
        if m.status == "duplicate":
            dup = QTableWidgetItem(
                self.tr("Same person as line %1 — counted once").replace(
                    "%1", str(m.duplicate_of or m.line.duplicate_of)
                )
            )
            dup.setForeground(Qt.GlobalColor.gray)
            self.table.setItem(row, COL_DECISION, dup)
            return
        combo = QComboBox()
        if m.status == "matched":
            c = m.candidates[0]
            combo.addItem(self._member_text(c.membership_id, c.display_name), (MEMBER, c.membership_id))
            combo.addItem(self.tr("Skip this line"), (SKIP, None))
        elif m.status == "ambiguous":
            combo.addItem(self.tr("Choose who this is…"), (UNDECIDED, None))
            for c in m.candidates:
                if c.membership_id is None or c.status != "active":
                    continue
                how = self._how_text(c.how)
                combo.addItem(
                    f"{self._member_text(c.membership_id, c.display_name)} · {how}", (MEMBER, c.membership_id)
                )
            combo.addItem(self.tr("Skip this line"), (SKIP, None))
        else:
            # a person named exactly who was a member on the activity's day and has left since: they came
            # (before, the line could only be skipped — their attendance was lost)
            former = [
                c
                for c in m.candidates
                if m.status == "not_member"
                and c.membership_id is not None
                and c.membership_id in self._on_sheet
                and c.how in EXACT_HOWS
            ]
            for c in former[:1] if len(former) == 1 else ():
                combo.addItem(
                    self.tr("%1 · a member on the activity's day").replace(
                        "%1", self._member_text(c.membership_id, c.display_name)
                    ),
                    (MEMBER, c.membership_id),
                )
            combo.addItem(self.tr("Skip this line"), (SKIP, None))
            if m.status == "unmatched":  # a name nobody has; never for a known person of another group
                combo.addItem(self.tr("Add “%1” as a new member").replace("%1", m.name), (NEW, m.name))
            combo.insertSeparator(combo.count())
            for mc in self._members:
                combo.addItem(self._member_text(mc.membership_id, choice_text(mc)), (MEMBER, mc.membership_id))
        combo.currentIndexChanged.connect(self._update_summary)
        self.table.setCellWidget(row, COL_DECISION, combo)
        self.combos[row] = combo

    def _member_text(self, membership_id: int, text: str) -> str:
        text = self._shown(text) or text
        wechat = self._told_apart.get(membership_id)
        if wechat:
            text = f"{text} · {self._shown(wechat) or wechat}"
        current = self._current.get(membership_id)
        if current:
            return self.tr("%1 (now %2)").replace("%1", text).replace("%2", attendance_status_label(current[0]))
        return text

    def _how_text(self, how: str) -> str:
        return {
            "name": self.tr("same name"),
            "nickname": self.tr("nickname"),
            "group_nickname": self.tr("group nickname"),
            "wechat_id": self.tr("WeChat ID"),
            "pinyin": self.tr("pinyin"),
            "fuzzy": self.tr("similar name"),
            "former_name": self.tr("name before a recent rename"),
            "merged_name": self.tr("name of a record merged into theirs"),
        }.get(how, how)

    def _decision_combo(
        self, row: int, choices: list[tuple[str, tuple]], skip_text: str, *, skip_first: bool
    ) -> QComboBox:
        """A line's choice list: `choices` and a skip, the skip first when it is the default."""
        combo = QComboBox()
        skip = (skip_text, (SKIP, None))
        for text, data in [skip, *choices] if skip_first else [*choices, skip]:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self._update_summary)
        self.table.setCellWidget(row, COL_DECISION, combo)
        self.combos[row] = combo
        return combo

    def _result_text(self, m: PasteMatch) -> str:
        if m.status == "matched" and brings_guests(m.line.raw):
            return self.tr("Matched by %1 · brings guests, who are on no list").replace(
                "%1", self._how_text(m.candidates[0].how)
            )
        if m.status == "matched" and self._person_of(m) in self._on_leave:
            return self.tr("Matched by %1 · on leave that day: a sign-up is recorded as excused").replace(
                "%1", self._how_text(m.candidates[0].how)
            )
        if m.status == "matched":
            return self.tr("Matched by %1").replace("%1", self._how_text(m.candidates[0].how))
        if m.status == "ambiguous":
            return self.tr("%n possible member(s)", "", len(m.candidates))
        if m.status == "duplicate":
            return self.tr("Repeated")
        if m.status == "ignored" and m.reason in ("tentative", "no_show", "outside_list", "over_limit"):
            return ignored_reason_text(m)
        if m.status == "ignored":
            return self.tr("Not a sign-up")
        if m.status == "leave":
            return self.tr("On leave (请假): not counted")
        if m.status == "other_day":
            return self.tr("Another day: not counted")
        if m.status == "not_member":
            texts = (self._shown(person_outcome_text(c)) for c in m.candidates)
            return "; ".join(t for t in texts if t) or self.tr("Not in the group")
        return self.tr("Not in the group")

    # ---- decisions ----
    def decision(self, row: int) -> tuple[str, int | str | None]:
        combo = self.combos.get(row)
        if combo is None:
            return (SKIP, None)
        return combo.currentData() or (SKIP, None)

    def choose(self, row: int, membership_id: int | None = None, *, new: bool = False, skip: bool = False) -> None:
        """Set a line's decision as a user would in its combo box."""
        combo = self.combos[row]
        for i in range(combo.count()):
            data = combo.itemData(i)
            if data is None:
                continue
            if (
                (skip and data[0] == SKIP)
                or (new and data[0] == NEW)
                or (membership_id is not None and data == (MEMBER, membership_id))
            ):
                combo.setCurrentIndex(i)
                return
        raise ValueError(f"no such choice on row {row}")

    def final_decisions(self) -> list[tuple[str, int | str | None]]:
        """What Apply writes, one decision a member: the last line that decides about them stands (a sign-up taken
        back or turned into 请假 further down the chain is no sign-up; signed up again after, it is); lines to add
        as new members each."""
        by_member: dict[int, str] = {}
        new: list[tuple[str, int | str | None]] = []
        for row in sorted(self.combos):
            kind, value = self.decision(row)
            if kind == NEW:
                new.append((kind, value))
            elif kind in (MEMBER, EXCUSED, WITHDRAW, ABSENT) and value is not None:
                by_member.pop(int(value), None)  # type: ignore[arg-type]
                by_member[int(value)] = kind  # type: ignore[arg-type]
        return [(kind, mid) for mid, kind in by_member.items()] + new

    def roles(self) -> dict[int, str]:
        """The role the chain gives a member (`主持：李四` host, `分享嘉宾：王五` speaker), by membership: written with
        their place — the labelled line was left out before, and the host was signed up as an attendee if at all."""
        out: dict[int, str] = {}
        for m in self.matches:
            who = self._person_of(m)
            role = signup_role(m.line.raw) if who is not None and m.status in ("matched", "duplicate") else None
            if role is not None:
                out[who] = role
        return out

    def skipped_rows(self) -> int:
        return sum(1 for row in self.combos if self.decision(row)[0] == SKIP)

    def undecided_rows(self) -> list[int]:
        return [r for r in self.combos if self.decision(r)[0] == UNDECIDED]

    @property
    def status(self) -> str:
        return "attended" if self.attended_radio.isChecked() else "registered"

    @Slot()
    def _update_summary(self) -> None:
        counts = {"matched": 0, "ambiguous": 0, "unmatched": 0, "duplicate": 0}
        for m in self.matches:
            counts[m.status] = counts.get(m.status, 0) + 1
        undecided = len(self.undecided_rows())
        final = self.final_decisions()
        chosen = {value for kind, value in final if kind in (MEMBER, NEW, EXCUSED, ABSENT)}
        # a withdrawal takes back a place recorded before; one signed up only above in this chain is simply not marked
        withdrawn = {
            value for kind, value in final if kind == WITHDRAW and self._current.get(value, (None,))[0] == "registered"
        }
        if not self.matches:
            text = self.tr("Paste the chain above; each name is matched to the group's members.")
        else:
            text = (
                self.tr("%1 matched, %2 to choose, %3 not in the group, %4 repeated.")
                .replace("%1", str(counts["matched"]))
                .replace("%2", str(counts["ambiguous"]))
                # an applicant, a former member, another group's member: not in the group either (their row says
                # who) — the summary counted them nowhere, and its figures added up to fewer lines than the table
                .replace("%3", str(counts["unmatched"] + counts.get("not_member", 0)))
                .replace("%4", str(counts["duplicate"]))
            )
            if undecided:
                text += " " + self.tr("%n line(s) still need a decision.", "", undecided)
            else:
                text += " " + self.tr("Apply marks %n member(s).", "", len(chosen))
                if withdrawn:
                    text += " " + self.tr("Apply takes back %n sign-up(s).", "", len(withdrawn))
            # the places after Apply: those on the list now and the chain's, less the sign-ups taken back
            places = (set(self._current) | {v for v in chosen if isinstance(v, int)}) - withdrawn
            places_total = len(places) + sum(1 for kind, _v in final if kind == NEW)
            if self._capacity and places_total > self._capacity and not undecided:
                text += " " + self.tr("The list will have %1 places for a capacity of %2.").replace(
                    "%1", str(places_total)
                ).replace("%2", str(self._capacity))
            guests = len({m.line.line_no for m in self.matches if m.status == "matched" and brings_guests(m.line.raw)})
            if guests:
                text += " " + self.tr(
                    "%n line(s) bring guests: they are no members and on no list; count them yourself.", "", guests
                )
        self.summary_label.setText(text)
        confirmed = self.confirm_box.isChecked() or self.confirm_box.isHidden()
        self.apply_button.setEnabled(bool(chosen or withdrawn) and undecided == 0 and confirmed)

    # ---- apply ----
    @Slot()
    def apply(self) -> None:
        if self.undecided_rows() or not self.apply_button.isEnabled():
            return
        status = self.status
        decisions = self.final_decisions()
        skipped_rows = self.skipped_rows()
        roles = self.roles()

        def apply_all(session) -> PasteOutcome:  # counts inside: a busy database runs it again
            written = unchanged = added = 0
            skipped = skipped_rows
            seen: set[int] = set()
            for kind, value in decisions:
                if kind == WITHDRAW:  # only a place that is just registered goes (never a recorded attendance)
                    if withdraw_sign_up(session, self._actor, self._activity_id, int(value)):  # type: ignore[arg-type]
                        written += 1
                    else:
                        unchanged += 1
                    continue
                if kind == NEW:
                    _member_id, membership_id = add_member(
                        session, self._actor, self._group_id, MemberInput(display_name=str(value))
                    )
                    added += 1
                else:
                    membership_id = int(value)  # type: ignore[arg-type]
                if membership_id in seen:
                    continue
                seen.add(membership_id)
                old_status, old_role = self._current.get(membership_id, (None, None))
                # a sign-up never takes back attendance that was already recorded — absent or excused neither (the
                # chain pasted again for late sign-ups turned the marked absentees and those excused back into
                # registered); 请假 is excused
                if old_status == "attended":
                    new_status = "attended"
                elif kind == ABSENT:  # excused stays: the member sent word
                    new_status = "excused" if old_status == "excused" else "absent"
                elif kind == EXCUSED:
                    new_status = "excused"
                elif status == "registered" and old_status in ("absent", "excused"):
                    new_status = old_status
                else:
                    new_status = status
                role = roles.get(membership_id) or old_role or "attendee"
                if old_status == new_status and old_role == role:
                    unchanged += 1
                    continue
                set_attendance(session, self._actor, self._activity_id, membership_id, new_status, role)
                written += 1
            return PasteOutcome(written, unchanged, added, skipped)

        done = run_write(
            self,
            self._database,
            apply_all,
            changes=lambda outcome: ("participation", "points", *(("members",) if outcome.added_members else ())),
        )
        if not done:
            return
        self.outcome = done.value
        self.applied.emit(self.outcome)
        self.accept()
