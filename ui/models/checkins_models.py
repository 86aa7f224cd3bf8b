"""Qt item models of the Check-ins page: people lists (completer candidates, members not yet checked in,
pickers), the day's check-ins, and the paste preview with a decision per line. They hold frozen rows
(MemberRow, MemberBrief, CheckinRow, PasteMatch) handed to them by the page, never a Session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from desktop.services.checkins import CheckinRow
from desktop.services.paste import (
    AMBIGUOUS,
    REPORTED,
    AlreadyIn,
    Candidate,
    PasteMatch,
    PlannedCheckin,
    describe_person,
)
from ui.messages import localise_message

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

MembershipIdRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2

MUTED_COLOR = "#6B7280"

# the (membership, day) pairs a preview finds checked in already; a dict also says who logged each, when
AlreadyPairs = set[tuple[int, date]] | frozenset[tuple[int, date]] | dict[tuple[int, date], AlreadyIn]


# ---------------------------------------------------------------- people


@dataclass(frozen=True)
class Person:
    """One line of a people list: who (membership id and name) and a muted detail (nickname, WeChat ID)."""

    membership_id: int
    display_name: str
    detail: str = ""
    note: str = ""  # said after the name and detail: quick entry's "checked in 07:58" for someone logged that day


def person_detail(*parts: str | None) -> str:
    seen: list[str] = []
    for p in parts:
        if p and p not in seen:
            seen.append(p)
    return " · ".join(seen)


class PeopleListModel(QAbstractListModel):
    """A plain list of people; with `show_detail` the display text carries the detail in brackets."""

    def __init__(self, parent=None, *, show_detail: bool = False):
        super().__init__(parent)
        self._rows: list[Person] = []
        self._show_detail = show_detail

    def set_people(self, people: list[Person]) -> None:
        self.beginResetModel()
        self._rows = list(people)
        self.endResetModel()

    def people(self) -> list[Person]:
        return list(self._rows)

    def person_at(self, row: int) -> Person | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, membership_id: int) -> int | None:
        for i, p in enumerate(self._rows):
            if p.membership_id == membership_id:
                return i
        return None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = f"{p.display_name}  ({p.detail})" if self._show_detail and p.detail else p.display_name
            return f"{text}  —  {p.note}" if p.note else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return person_detail(p.display_name, p.detail)
        if role == MembershipIdRole:
            return p.membership_id
        if role == RowObjectRole:
            return p
        return None


# ---------------------------------------------------------------- the day's check-ins

DAY_COL_NAME, DAY_COL_TIME, DAY_COL_SOURCE, DAY_COL_UNDO = range(4)

DAY_HEADERS = (
    QT_TRANSLATE_NOOP("CheckinDayModel", "Name"),
    QT_TRANSLATE_NOOP("CheckinDayModel", "Time"),
    QT_TRANSLATE_NOOP("CheckinDayModel", "Source"),
    QT_TRANSLATE_NOOP("CheckinDayModel", "Undo"),
)

SOURCE_LABELS = {
    "manual": QT_TRANSLATE_NOOP("CheckinSource", "Typed"),
    "paste": QT_TRANSLATE_NOOP("CheckinSource", "Pasted chat"),
    "import": QT_TRANSLATE_NOOP("CheckinSource", "Import"),
}


def source_label(source: str) -> str:
    text = SOURCE_LABELS.get(source)
    return QCoreApplication.translate("CheckinSource", text) if text else source


class CheckinDayModel(QAbstractTableModel):
    """The check-ins of one group on one day (latest first), with an undo cell per row."""

    LATE_COLOR = "#C2410C"
    UNDO_COLOR = "#2563EB"

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CheckinRow] = []

    def set_rows(self, rows: list[CheckinRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[CheckinRow]:
        return list(self._rows)

    def row_at(self, row: int) -> CheckinRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, membership_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.membership_id == membership_id:
                return i
        return None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(DAY_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(DAY_HEADERS):
                return QCoreApplication.translate("CheckinDayModel", DAY_HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == DAY_COL_NAME:
                return r.display_name
            if col == DAY_COL_TIME:  # the time the member posted; "—" when none was written
                return r.checked_at.strftime("%H:%M") if r.checked_at else "—"
            if col == DAY_COL_SOURCE:
                label = source_label(r.source)
                if r.late:
                    label += " · " + QCoreApplication.translate("CheckinDayModel", "Late")
                return label
            if col == DAY_COL_UNDO:
                return QCoreApplication.translate("CheckinDayModel", "Undo")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == DAY_COL_UNDO:
                return QCoreApplication.translate("CheckinDayModel", "Undo this check-in (Delete)")
            if col == DAY_COL_TIME:
                logged = r.logged_at.strftime("%Y-%m-%d %H:%M") if r.logged_at else ""
                if r.checked_at is None:
                    return QCoreApplication.translate(
                        "CheckinDayModel", "No time was written on the line; logged at %1"
                    ).replace("%1", logged)
                return (
                    QCoreApplication.translate("CheckinDayModel", "Posted at %1; logged at %2")
                    .replace("%1", r.checked_at.strftime("%Y-%m-%d %H:%M"))
                    .replace("%2", logged)
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == DAY_COL_UNDO:
                return QColor(self.UNDO_COLOR)
            if col == DAY_COL_SOURCE and r.late:
                return QColor(self.LATE_COLOR)
            if col == DAY_COL_TIME:
                return QColor(MUTED_COLOR)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == DAY_COL_UNDO:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == MembershipIdRole:
            return r.membership_id
        if role == RowObjectRole:
            return r
        return None


# ---------------------------------------------------------------- paste preview

# the decision columns first; the pasted text last, taking what width is left
PREVIEW_COL_LINE, PREVIEW_COL_NAME, PREVIEW_COL_TIME, PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE, PREVIEW_COL_TEXT = (
    0,
    1,
    2,
    3,
    4,
    5,
)

PREVIEW_HEADERS = (
    QT_TRANSLATE_NOOP("PastePreviewModel", "Line"),
    QT_TRANSLATE_NOOP("PastePreviewModel", "Name"),
    QT_TRANSLATE_NOOP("PastePreviewModel", "Time"),
    QT_TRANSLATE_NOOP("PastePreviewModel", "Status"),
    QT_TRANSLATE_NOOP("PastePreviewModel", "Check in as"),
    QT_TRANSLATE_NOOP("PastePreviewModel", "Pasted text"),
)

# statuses a line can show; "already" is a matched (or chosen) person who has a check-in that day
STATUS_MATCHED, STATUS_AMBIGUOUS, STATUS_UNMATCHED, STATUS_DUPLICATE, STATUS_ALREADY = (
    "matched",
    "ambiguous",
    "unmatched",
    "duplicate",
    "already",
)
STATUS_NOT_MEMBER, STATUS_LEAVE, STATUS_OTHER_DAY = "not_member", "leave", "other_day"
STATUS_IGNORED = "ignored"  # a line naming someone that is not their check-in (a quote, a notice, a mention …)
CHOOSABLE = (STATUS_AMBIGUOUS, STATUS_UNMATCHED, STATUS_NOT_MEMBER)  # a person may decide these lines


def countable(m: PasteMatch) -> bool:
    """A chat message that is only a reply (收到, 好的 …) or lacks the group's check-in keyword (早啊 in a 早起打卡
    group), or a member's line written under a chain (孙浩 07:05), posted on the day being logged: not a check-in
    unless a person counts it (its choice combo)."""
    return (
        m.status == STATUS_IGNORED
        and m.reason in ("chatter", "outside_chain", "no_keyword")
        and m.posted is None
        and m.day is not None
    )


PASTE_STATUS_LABELS = {
    STATUS_MATCHED: QT_TRANSLATE_NOOP("PasteStatus", "Matched"),
    STATUS_AMBIGUOUS: QT_TRANSLATE_NOOP("PasteStatus", "Choose"),
    STATUS_UNMATCHED: QT_TRANSLATE_NOOP("PasteStatus", "Unmatched"),
    STATUS_DUPLICATE: QT_TRANSLATE_NOOP("PasteStatus", "Duplicate"),
    STATUS_ALREADY: QT_TRANSLATE_NOOP("PasteStatus", "Already checked in"),
    STATUS_NOT_MEMBER: QT_TRANSLATE_NOOP("PasteStatus", "Not a member"),
    STATUS_LEAVE: QT_TRANSLATE_NOOP("PasteStatus", "On leave"),
    STATUS_OTHER_DAY: QT_TRANSLATE_NOOP("PasteStatus", "Another day"),
    STATUS_IGNORED: QT_TRANSLATE_NOOP("PasteStatus", "Not a check-in"),
}

# why a line that names someone is not their check-in (desktop/services/paste.PasteMatch.reason)
IGNORED_REASON_LABELS = {
    "quote": QT_TRANSLATE_NOOP("PasteStatus", "A quoted message"),
    "system": QT_TRANSLATE_NOOP("PasteStatus", "A system notice"),
    "mention": QT_TRANSLATE_NOOP("PasteStatus", "An @mention"),
    "to_everyone": QT_TRANSLATE_NOOP("PasteStatus", "A notice to everyone (@所有人): not a check-in"),
    "chatter": QT_TRANSLATE_NOOP("PasteStatus", "Only a reply (收到, 好的, 谢谢…): not counted as a check-in"),
    "question": QT_TRANSLATE_NOOP("PasteStatus", "A question about checking in"),
    "about": QT_TRANSLATE_NOOP("PasteStatus", "Talks about checking in (starts tomorrow, a link): not a check-in"),
    "not_done": QT_TRANSLATE_NOOP("PasteStatus", "Says not checked in, or a reminder"),
    "other_group": QT_TRANSLATE_NOOP("PasteStatus", "Chain of another group: %1"),
    "withdrawn": QT_TRANSLATE_NOOP("PasteStatus", "Took the sign-up back"),
    "tentative": QT_TRANSLATE_NOOP("PasteStatus", "Not sure yet, or on the waiting list: not signed up"),
    "no_show": QT_TRANSLATE_NOOP("PasteStatus", "The list says they did not come: not marked attended"),
    "outside_list": QT_TRANSLATE_NOOP("PasteStatus", "Written outside the chain: not a sign-up by itself"),
    "over_limit": QT_TRANSLATE_NOOP("PasteStatus", "Beyond the places the chain gives (限N人): waiting, not signed up"),
    "outside_chain": QT_TRANSLATE_NOOP("PasteStatus", "Written outside the chain: not counted as a check-in"),
    "preview": QT_TRANSLATE_NOOP("PasteStatus", "A sign-up in a 明日预告 (preview), not a check-in"),
    "chain_post": QT_TRANSLATE_NOOP(
        "PasteStatus", "Sent this chain (接龙) message: not a check-in by itself, the chain's lines are"
    ),
    "no_such_day": QT_TRANSLATE_NOOP("PasteStatus", "The day it makes up does not exist: not logged"),
    "day_unknown": QT_TRANSLATE_NOOP(
        "PasteStatus", "Makes up a day written in words that name no one day (a weekend, a lunar date): not logged"
    ),
    "camp_day_unknown": QT_TRANSLATE_NOOP(
        "PasteStatus", "Makes up a camp day by number; the chain's title names no camp day: not logged"
    ),
    "camp_day_outside": QT_TRANSLATE_NOOP(
        "PasteStatus",
        "Makes up a camp day that is no day of the camp (before its first day or after its last): not logged",
    ),
    "no_keyword": QT_TRANSLATE_NOOP("PasteStatus", "No check-in keyword (%1): not counted as a check-in"),
}


def person_outcome_text(c: Candidate) -> str:
    """Why a named person is not logged (an applicant, someone of another group, a former member) in the
    window's language: paste.describe_person is bilingual ("孙七: 申请中 (applicant, not a member yet)") and its
    English half showed in the Chinese window."""
    return localise_person_text(describe_person(c), c.display_name)


def localise_person_text(text: str, name: str | None = None) -> str:
    """A describe_person text ("孙七: 申请中 (applicant, not a member yet)") in the window's language, the name
    kept: the English half has no name in it. `name`: the person's, when known (else the text up to ": ")."""
    head = f"{name}: " if name is not None else (text.split(": ", 1)[0] + ": " if ": " in text else "")
    if head and text.startswith(head):
        return head + localise_message(text[len(head) :])
    return localise_message(text)


def ignored_reason_text(m: PasteMatch) -> str:
    """Why the window does not log an ignored line, in the window's language."""
    text = IGNORED_REASON_LABELS.get(m.reason or "")
    if text is None:
        return m.reason or ""
    filled = m.keywords if m.reason == "no_keyword" else m.other_group
    return QCoreApplication.translate("PasteStatus", text).replace("%1", filled or "")


# what a decided ambiguous or unmatched line shows instead of "Choose" / "Unmatched"
DECISION_LABELS = {
    "member": QT_TRANSLATE_NOOP("PasteStatus", "Chosen"),
    "new": QT_TRANSLATE_NOOP("PasteStatus", "New member"),
    "skip": QT_TRANSLATE_NOOP("PasteStatus", "Skipped"),
}
DECISION_COLORS = {"member": "#15803D", "new": "#15803D", "skip": "#6B7280"}

PASTE_STATUS_COLORS = {
    STATUS_MATCHED: "#15803D",
    STATUS_AMBIGUOUS: "#C2410C",
    STATUS_UNMATCHED: "#B91C1C",
    STATUS_DUPLICATE: "#6B7280",
    STATUS_ALREADY: "#2563EB",
    STATUS_NOT_MEMBER: "#B91C1C",
    STATUS_LEAVE: "#6B7280",
    STATUS_OTHER_DAY: "#C2410C",
    STATUS_IGNORED: "#6B7280",
}

HOW_LABELS = {
    "name": QT_TRANSLATE_NOOP("MatchHow", "same name"),
    "nickname": QT_TRANSLATE_NOOP("MatchHow", "nickname"),
    "group_nickname": QT_TRANSLATE_NOOP("MatchHow", "group nickname"),
    "wechat_id": QT_TRANSLATE_NOOP("MatchHow", "WeChat ID"),
    "pinyin": QT_TRANSLATE_NOOP("MatchHow", "pinyin"),
    "fuzzy": QT_TRANSLATE_NOOP("MatchHow", "similar"),
    "former_name": QT_TRANSLATE_NOOP("MatchHow", "name before a recent rename"),
    "merged_name": QT_TRANSLATE_NOOP("MatchHow", "name of a record merged into theirs"),
}


def paste_status_label(status: str) -> str:
    text = PASTE_STATUS_LABELS.get(status)
    return QCoreApplication.translate("PasteStatus", text) if text else status


# why a line that names people is asked of a person (desktop/services/paste.PasteMatch.reason): its tooltip says so
# before the people offered — "David (same name)" alone read as two Davids, not as David's message to Emma
ASKED_REASONS = {
    "addressed": QT_TRANSLATE_NOOP(
        "PastePreviewModel",
        "A message addressed to someone (@…): a reminder, or a check-in for them. Choose who checked in, or Skip.",
    ),
    "reported": QT_TRANSLATE_NOOP(
        "PastePreviewModel", "The message says someone else checked in. Choose who checked in, or Skip."
    ),
    "on_behalf": QT_TRANSLATE_NOOP("PastePreviewModel", "Posted for someone else. Choose who checked in, or Skip."),
    "me_too": QT_TRANSLATE_NOOP(
        "PastePreviewModel",
        "Only said +1 or 同上 under someone's check-in. Count it as their check-in, or Skip.",
    ),
    "refers": QT_TRANSLATE_NOOP(
        "PastePreviewModel",
        "Refers to another line (同上, 我也是, ditto) and names nobody. Pick whose check-in it is, or Skip.",
    ),
    # `李四 ✅ 补签昨天`: two rows, the make-up and the day's own check-in — the ✅ may be either
    "makeup_or_today": QT_TRANSLATE_NOOP(
        "PastePreviewModel",
        "A make-up of an earlier day with a check mark beside it: the mark may be this day's check-in or the "
        "make-up's own. Keep each row that happened, or Skip.",
    ),
    # `张三 6:01 顺便补打卡`: this day's check-in, and a make-up besides of a day the line does not say
    "makeup_day_unsaid": QT_TRANSLATE_NOOP(
        "PastePreviewModel",
        "This day's check-in, and a make-up besides of a day the line does not say (not logged: log it on that "
        "day). Keep this day's check-in, or Skip.",
    ),
}


def how_label(how: str) -> str:
    text = HOW_LABELS.get(how)
    return QCoreApplication.translate("MatchHow", text) if text else how


@dataclass(frozen=True)
class Choice:
    """What the assistant decided for a line: check in a member, add the name as a new member, or skip."""

    kind: str  # "member" | "new" | "skip"
    membership_id: int | None = None
    display_name: str = ""
    how: str = ""  # for a candidate: how it matched

    @staticmethod
    def member(membership_id: int, display_name: str, how: str = "") -> Choice:
        return Choice("member", membership_id, display_name, how)


SKIP = Choice("skip")
NEW = Choice("new")
PICK = "pick"  # the combo entry that opens the member picker (not a decision)


@dataclass(frozen=True)
class PastePlan:
    """What confirming would do: one PlannedCheckin per member (or new member) and day; `rows` are the
    preview rows taking part."""

    entries: tuple[PlannedCheckin, ...]
    rows: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.entries)

    @property
    def membership_ids(self) -> tuple[int, ...]:
        return tuple(e.membership_id for e in self.entries if e.membership_id is not None)

    @property
    def new_names(self) -> tuple[str, ...]:
        return tuple(e.new_name for e in self.entries if e.membership_id is None and e.new_name)


class PastePreviewModel(QAbstractTableModel):
    """One row per entry line of the paste. Matched lines check in their member; ambiguous lines offer
    their candidates, unmatched lines pick / add as new / skip; duplicates and members already checked in
    that day are shown, never logged twice."""

    pick_requested = Signal(int)  # row whose "pick a member…" entry was chosen
    decisions_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._matches: list[PasteMatch] = []
        self._namesakes: dict[int, str] = {}  # candidates who share a name -> their WeChat IDs
        self._choices: list[Choice | None] = []
        self._already: frozenset[tuple[int, date | None]] = frozenset()
        self._already_info: dict[tuple[int, date], AlreadyIn] = {}  # who logged it, when (the status tooltip)
        self._first: dict[tuple[int, date], int] | None = None  # _first_rows, until lines or decisions change
        # a member's name as the operator sees it: a phone written into it masked for an assistant (the page sets
        # desktop.services.operators.names_shown_to); the pasted line itself is the assistant's own text
        self._shown: Callable[[str | None], str | None] = lambda text: text

    # ---- content ----
    @staticmethod
    def line_key(m: PasteMatch) -> tuple[int, str, int]:
        return (m.line.line_no, m.line.raw, m.part)

    def set_matches(
        self,
        matches: list[PasteMatch],
        already: AlreadyPairs = frozenset(),
        keep: dict[tuple[int, str, int], Choice] | None = None,
        namesakes: dict[int, str] | None = None,
    ) -> None:
        """New matches; `already` the (membership, day) pairs with a check-in (a dict: with who logged each,
        paste.already_details); `keep` carries decisions over from the previous preview of the same lines;
        `namesakes` the WeChat IDs of candidates who share a name (paste.namesake_wechat_ids), shown beside it."""
        keep = keep or {}
        self._namesakes = dict(namesakes or {})
        self.beginResetModel()
        self._matches = list(matches)
        self._choices = []
        self._first = None
        for m in self._matches:
            choice = keep.get(self.line_key(m)) if m.status in CHOOSABLE or countable(m) else None
            if choice is not None and choice.kind == "member" and m.status == STATUS_AMBIGUOUS:
                if choice.membership_id not in {c.membership_id for c in m.candidates}:
                    choice = None
            self._choices.append(choice)
        self._set_already(already)
        self.endResetModel()
        self.decisions_changed.emit()

    def _set_already(self, already: AlreadyPairs) -> None:
        self._already = frozenset(already)
        self._already_info = dict(already) if isinstance(already, dict) else {}

    def already_text(self, row: int) -> str | None:
        """Who logged the check-in a row finds already there, and when ("" when not known; None: not already)."""
        m = self.match_at(row)
        mid = self.resolved(row)
        if m is None or self.status(row) != STATUS_ALREADY or mid is None or m.day is None:
            return None
        info = self._already_info.get((mid, m.day))
        if info is None:
            return ""
        when = ""
        if info.logged_at is not None:  # the hour on the day itself, the whole date when logged later
            when = info.logged_at.strftime("%H:%M" if info.logged_at.date() == m.day else "%Y-%m-%d %H:%M")
        text = QCoreApplication.translate("PastePreviewModel", "Already checked in: logged by %1 at %2 (%3)")
        return text.replace("%1", info.by or "—").replace("%2", when or "—").replace("%3", source_label(info.source))

    def set_already(self, already: AlreadyPairs) -> None:
        self._set_already(already)
        if self._matches:
            self.dataChanged.emit(
                self.index(0, PREVIEW_COL_STATUS), self.index(len(self._matches) - 1, PREVIEW_COL_CHOICE)
            )
        self.decisions_changed.emit()

    def decisions(self) -> dict[tuple[int, str, int], Choice]:
        return {self.line_key(m): c for m, c in zip(self._matches, self._choices, strict=True) if c is not None}

    def clear(self) -> None:
        self.set_matches([])

    def matches(self) -> list[PasteMatch]:
        return list(self._matches)

    def match_at(self, row: int) -> PasteMatch | None:
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def candidate_pairs(self) -> list[tuple[int, date]]:
        """Every (membership, day) a line could end up checking in (for the "already checked in" lookup)."""
        pairs: list[tuple[int, date]] = []
        for m, c in zip(self._matches, self._choices, strict=True):
            if m.day is None:
                continue
            pairs += [(cand.membership_id, m.day) for cand in m.candidates if cand.membership_id is not None]
            if c is not None and c.membership_id is not None:
                pairs.append((c.membership_id, m.day))
        return list(dict.fromkeys(pairs))

    # ---- decisions ----
    def needs_choice(self, row: int) -> bool:
        m = self.match_at(row)
        return m is not None and (m.status in CHOOSABLE or countable(m))

    def choice(self, row: int) -> Choice | None:
        return self._choices[row] if 0 <= row < len(self._choices) else None

    def set_choice(self, row: int, choice: Choice | None) -> None:
        if not self.needs_choice(row):
            return
        self._choices[row] = choice
        self._first = None
        # every row: a choice can make another line (the same person) a duplicate, or no longer one
        self.dataChanged.emit(self.index(0, PREVIEW_COL_STATUS), self.index(len(self._matches) - 1, PREVIEW_COL_CHOICE))
        self.decisions_changed.emit()

    def refresh_row(self, row: int) -> None:
        """Tell views to re-read the row (an editor showing "pick…" goes back to the current choice)."""
        if 0 <= row < len(self._matches):
            self.dataChanged.emit(self.index(row, PREVIEW_COL_STATUS), self.index(row, PREVIEW_COL_CHOICE))

    def resolved(self, row: int) -> int | None:
        """The membership this line checks in, if decided."""
        m = self.match_at(row)
        if m is None:
            return None
        if m.status == STATUS_MATCHED:
            return m.membership_id
        c = self._choices[row]
        return c.membership_id if c is not None and c.kind == "member" else None

    def leave_candidate(self, row: int) -> Candidate | None:
        """The member a 请假 line names for certain (one active member), whose leave the page offers to record."""
        m = self.match_at(row)
        if m is None or m.status != STATUS_LEAVE:
            return None
        people = self.leave_candidates(row)
        return people[0] if len(people) == 1 and len(m.candidates) == 1 else None

    def leave_candidates(self, row: int) -> list[Candidate]:
        """The group's active members a 请假 line may name (王芳 twice: both), for the leave dialog to ask which one;
        [] for any other line."""
        m = self.match_at(row)
        if m is None or m.status != STATUS_LEAVE:
            return []
        return [c for c in m.candidates if c.membership_id is not None and c.status == "active"]

    def _first_rows(self) -> dict[tuple[int, date], int]:
        """The row that checks in each (membership, day) — the first, as plan() takes them."""
        if self._first is None:
            first: dict[tuple[int, date], int] = {}
            for row, m in enumerate(self._matches):
                if m.status in (STATUS_DUPLICATE, STATUS_LEAVE, STATUS_OTHER_DAY) or m.day is None:
                    continue
                mid = self.resolved(row)
                if mid is not None:
                    first.setdefault((mid, m.day), row)
            self._first = first
        return self._first

    def status(self, row: int) -> str:
        m = self.match_at(row)
        if m is None:
            return ""
        mid = self.resolved(row)
        if m.status != STATUS_DUPLICATE and mid is not None and (mid, m.day) in self._already:
            return STATUS_ALREADY
        if mid is not None and m.day is not None and self._first_rows().get((mid, m.day), row) != row:
            # a choice of someone another line of this paste checks in already: nothing more is logged for it
            # (plan() takes each person once) — said, not counted as matched
            return STATUS_DUPLICATE
        return m.status

    def status_text(self, row: int) -> tuple[str, str]:
        """(label, colour) of the status cell: the match status, or the decision taken on the line."""
        status = self.status(row)
        c = self.choice(row)
        if (status in CHOOSABLE or status == STATUS_IGNORED) and c is not None:
            return (
                QCoreApplication.translate("PasteStatus", DECISION_LABELS[c.kind]),
                DECISION_COLORS[c.kind],
            )
        return paste_status_label(status), PASTE_STATUS_COLORS.get(status, MUTED_COLOR)

    def options(self, row: int) -> list[tuple[str, Choice | str | None]]:
        """(label, value) entries of the row's choice combo; value None is "not decided yet"."""
        m = self.match_at(row)
        if m is None or not self.needs_choice(row):
            return []
        if countable(m):  # only a reply: not counted, unless the person counts it as the sender's (or someone's)
            out: list[tuple[str, Choice | str | None]] = [(ignored_reason_text(m), None)]
            for cand in m.candidates:
                if cand.membership_id is not None and cand.status == "active":
                    label = QCoreApplication.translate("PastePreviewModel", "Count it: %1").replace(
                        "%1", self._name(cand.display_name)
                    )
                    out.append((label, Choice.member(cand.membership_id, self._name(cand.display_name), cand.how)))
            current = self._choices[row]
            if current is not None and all(
                isinstance(v, Choice) and v.membership_id != current.membership_id for _l, v in out[1:]
            ):
                out.append((current.display_name, current))  # someone else, picked
            out.append((QCoreApplication.translate("PastePreviewModel", "Someone else…"), PICK))
            return out
        out = [(QCoreApplication.translate("PastePreviewModel", "Choose…"), None)]
        if m.status in (STATUS_AMBIGUOUS, STATUS_NOT_MEMBER):  # not a member: this group's look-alikes, if any
            for cand in m.candidates:
                if cand.membership_id is None or cand.status != "active":
                    continue  # only active members can check in; the others are in the tooltip
                label = self._candidate_label(cand)
                other = self._first_rows().get((cand.membership_id, m.day)) if m.day is not None else None
                if other is not None and other != row:  # 孔馨欣 on line 5 already: likely the other Jessica
                    label += "  ·  " + QCoreApplication.translate("PastePreviewModel", "on line %1").replace(
                        "%1", str(self._matches[other].line.line_no)
                    )
                out.append((label, Choice.member(cand.membership_id, self._name(cand.display_name), cand.how)))
        current = self._choices[row]
        if (
            current is not None
            and current.kind == "member"
            and all(isinstance(v, Choice) and v.membership_id != current.membership_id for _l, v in out[1:])
        ):
            out.append((current.display_name, current))
        if m.status == STATUS_UNMATCHED:
            out.append((QCoreApplication.translate("PastePreviewModel", "Pick a member…"), PICK))
            if m.name:  # a share that names nobody (我在「鲸打卡」完成了…) has no name to add
                out.append((QCoreApplication.translate("PastePreviewModel", "Add as new member"), NEW))
        else:
            out.append((QCoreApplication.translate("PastePreviewModel", "Someone else…"), PICK))
        out.append((QCoreApplication.translate("PastePreviewModel", "Skip"), SKIP))
        return out

    def _time_text(self, m: PasteMatch) -> str:
        parts = [m.time] if m.time else []
        if m.late:
            parts.append(QCoreApplication.translate("PastePreviewModel", "补卡"))
        if m.late and m.day is not None and self._matches and m.day != self._chain_day():
            parts.append(m.day.strftime("%m-%d"))
        return " ".join(parts)

    def _chain_day(self) -> date | None:
        days = [m.day for m in self._matches if not m.late and m.status != STATUS_OTHER_DAY]
        return days[0] if days else None

    def set_names_shown(self, shown: Callable[[str | None], str | None]) -> None:
        """How members' names are shown to this operator (desktop.services.operators.names_shown_to)."""
        self._shown = shown

    def _name(self, name: str | None) -> str:
        return self._shown(name) or ""

    def _candidate_label(self, cand: Candidate) -> str:
        how = how_label(cand.how)
        if cand.how == "fuzzy":
            how += f" {round(cand.score)}"
        wechat = self._namesakes.get(cand.membership_id) if cand.membership_id is not None else None
        name = self._name(cand.display_name)
        if wechat:  # 王芳 and 王芳: the WeChat ID says which (as the member picker does)
            name = f"{name} · {self._name(wechat)}"
        return f"{name}  ({how})"

    def plan(self) -> PastePlan:
        entries: list[PlannedCheckin] = []
        taken: set[tuple[int | str, date | None]] = set()
        rows: list[int] = []
        for row, m in enumerate(self._matches):
            if m.status in (STATUS_DUPLICATE, STATUS_LEAVE, STATUS_OTHER_DAY) or m.day is None:
                continue
            c = self._choices[row]
            if m.status == STATUS_UNMATCHED and c is not None and c.kind == "new" and m.name:
                if (m.name, m.day) not in taken:
                    taken.add((m.name, m.day))
                    entries.append(PlannedCheckin(None, m.day, m.time, m.late, m.name, m.line.line_no, m.posted))
                    rows.append(row)
                continue
            mid = self.resolved(row)
            if mid is not None and (mid, m.day) not in self._already and (mid, m.day) not in taken:
                taken.add((mid, m.day))
                entries.append(PlannedCheckin(mid, m.day, m.time, m.late, None, m.line.line_no, m.posted))
                rows.append(row)
        return PastePlan(tuple(entries), tuple(rows))

    # summary() keys of the lines that logging leaves out and that were the user's to settle: the outcomes the
    # paste service reports (desktop/services/paste.REPORTED), an ambiguous line counted as "to_choose"
    UNSETTLED = frozenset("to_choose" if outcome == AMBIGUOUS else outcome for outcome in REPORTED)

    def summary(self) -> dict[str, int]:
        """Lines by what will happen: matched (will be logged), to choose, unmatched, already, duplicate,
        skipped."""
        keys = ("matched", "to_choose", "unmatched", "not_member", "leave", "other_day", "already", "duplicate")
        out = dict.fromkeys((*keys, "ignored", "skipped"), 0)
        for row, m in enumerate(self._matches):
            status = self.status(row)
            c = self._choices[row]
            if status in (STATUS_LEAVE, STATUS_OTHER_DAY) or (status == STATUS_IGNORED and c is None):
                out[status] += 1
            elif status == STATUS_DUPLICATE:
                out["duplicate"] += 1
            elif status == STATUS_ALREADY:
                out["already"] += 1
            elif status == STATUS_MATCHED or (c is not None and c.kind in ("member", "new")):
                out["matched"] += 1
            elif c is not None and c.kind == "skip":
                out["skipped"] += 1
            elif m.status == STATUS_AMBIGUOUS:
                out["to_choose"] += 1
            elif m.status == STATUS_NOT_MEMBER:
                out["not_member"] += 1
            else:
                out["unmatched"] += 1
        return out

    def other_group_majority(self) -> str | None:
        """The group most names belong to when it is not this one (at least two lines and half of the
        people on them): a chain pasted into the wrong group."""
        groups: dict[str, int] = {}
        for m in self._matches:
            found = {
                c.group
                for c in m.candidates
                if c.status == "elsewhere" and c.group and c.group_status in (None, "active")  # not one they left
            }
            for g in found:
                groups[g] = groups.get(g, 0) + 1
        if not groups:
            return None
        name, n = max(groups.items(), key=lambda kv: kv[1])
        return name if n >= 2 and 2 * n >= len(self._matches) else None

    # ---- Qt model ----
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._matches)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(PREVIEW_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(PREVIEW_HEADERS):
                return QCoreApplication.translate("PastePreviewModel", PREVIEW_HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PREVIEW_COL_CHOICE and self.needs_choice(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _leave_text(self, m: PasteMatch) -> str:
        """A 请假 row's choice: not logged, the days it says, and whether that leave is recorded."""
        if m.leave_days is not None:  # the days the line says (请假3天), which the leave dialog starts from
            first, last = m.leave_days
            days = first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"
            if m.leave_recorded:  # a recorded leave covers them: nothing more to do for this line
                return QCoreApplication.translate("PastePreviewModel", "Not logged (请假 %1, recorded)").replace(
                    "%1", days
                )
            return QCoreApplication.translate("PastePreviewModel", "Not logged (请假 %1)").replace("%1", days)
        return QCoreApplication.translate("PastePreviewModel", "Not logged (请假)")

    def _choice_text(self, row: int) -> str:
        m = self._matches[row]
        if m.status == STATUS_DUPLICATE:
            return QCoreApplication.translate("PastePreviewModel", "Same as line %1").replace(
                "%1", str(m.line.duplicate_of or "")
            )
        if m.status == STATUS_MATCHED:
            return self._name(m.candidates[0].display_name)
        if m.status == STATUS_LEAVE:
            text = self._leave_text(m)
            if m.reason == "leave_named" and m.line.name and m.line.name != m.token:
                # 李四：帮张三请个假 — the row is 张三's leave: who wrote it is said, so nobody reads it as 李四's
                text += " " + QCoreApplication.translate("PastePreviewModel", "written by %1").replace(
                    "%1", self._name(m.line.name)
                )
            return text
        if m.status == STATUS_OTHER_DAY:
            return QCoreApplication.translate("PastePreviewModel", "Not logged (another day)")
        c = self._choices[row]
        if m.status == STATUS_IGNORED:
            return c.display_name if c is not None and c.kind == "member" else ignored_reason_text(m)
        if c is None:
            return QCoreApplication.translate("PastePreviewModel", "Choose…")
        if c.kind == "skip":
            return QCoreApplication.translate("PastePreviewModel", "Skip")
        if c.kind == "new":
            return QCoreApplication.translate("PastePreviewModel", "Add as new member")
        return c.display_name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._matches):
            return None
        row, col = index.row(), index.column()
        m = self._matches[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == PREVIEW_COL_LINE:
                return str(m.line.line_no)
            if col == PREVIEW_COL_TEXT:
                return m.line.raw.strip()
            if col == PREVIEW_COL_NAME:
                return m.name
            if col == PREVIEW_COL_TIME:
                return self._time_text(m)
            if col == PREVIEW_COL_STATUS:
                return self.status_text(row)[0]
            if col == PREVIEW_COL_CHOICE:
                return self._choice_text(row)
            return None
        if role == Qt.ItemDataRole.EditRole and col == PREVIEW_COL_CHOICE:
            return self._choices[row]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == PREVIEW_COL_STATUS:
                return QColor(self.status_text(row)[1])
            if col in (PREVIEW_COL_LINE, PREVIEW_COL_TEXT) or self.status(row) in (STATUS_DUPLICATE, STATUS_IGNORED):
                return QColor(MUTED_COLOR)
            return None
        if role == Qt.ItemDataRole.FontRole and col == PREVIEW_COL_STATUS:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == PREVIEW_COL_LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == PREVIEW_COL_TEXT:
                return m.line.raw
            already = self.already_text(row) if col in (PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE) else None
            if already:
                return already
            first = self._first_rows().get((self.resolved(row) or 0, m.day)) if m.day is not None else None
            if col == PREVIEW_COL_STATUS and first is not None and first != row:  # the same person as a line above
                return QCoreApplication.translate("PastePreviewModel", "Same as line %1").replace(
                    "%1", str(self._matches[first].line.line_no)
                )
            if col in (PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE) and (on_leave := self.leave_candidate(row)):
                return QCoreApplication.translate(
                    "PastePreviewModel", "%1 is on leave: not logged. Double-click or Enter records the leave."
                ).replace("%1", self._name(on_leave.display_name))
            if col in (PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE) and len(self.leave_candidates(row)) > 1:
                return QCoreApplication.translate(
                    "PastePreviewModel",
                    "Leave: not logged. %n members may be meant: double-click or Enter to choose whose leave to record.",
                    "",
                    len(self.leave_candidates(row)),
                )
            if col in (PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE) and m.status == STATUS_NOT_MEMBER:
                return "\n".join(person_outcome_text(c) for c in m.candidates)
            if col in (PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE) and m.status == STATUS_OTHER_DAY and m.day:
                return QCoreApplication.translate("PastePreviewModel", "This line belongs to %1").replace(
                    "%1", m.day.isoformat()
                )
            if col in (PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE) and m.status == STATUS_IGNORED:
                return ignored_reason_text(m)
            if col in (PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE) and m.family and m.status == STATUS_MATCHED:
                # 余丽娜和老公: her check-in; the family beside her is nobody on the roster — said, never dropped unsaid
                return (
                    QCoreApplication.translate(
                        "PastePreviewModel",
                        "Only %1's check-in is logged: the family beside them (%2) is nobody on the roster.",
                    )
                    .replace("%1", self._name(m.candidates[0].display_name))
                    .replace("%2", m.family)
                )
            if col in (PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE) and m.reason == "refers" and not m.candidates:
                return QCoreApplication.translate("PastePreviewModel", ASKED_REASONS["refers"])
            if col in (PREVIEW_COL_STATUS, PREVIEW_COL_CHOICE) and m.candidates:
                labels = [self._candidate_label(c) for c in m.candidates]
                why = ASKED_REASONS.get(m.reason or "")
                if why:  # the writer and the people named are offered: say why, not only how each matched
                    labels.insert(0, QCoreApplication.translate("PastePreviewModel", why))
                return "\n".join(labels)
            if col == PREVIEW_COL_TIME:
                return QCoreApplication.translate(
                    "PastePreviewModel", "The time written on the line (kept as the check-in's time)"
                )
            return None
        if role == RowObjectRole:
            return m
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != PREVIEW_COL_CHOICE:
            return False
        row = index.row()
        if not self.needs_choice(row):
            return False
        if value == PICK:
            self.pick_requested.emit(row)
            return False
        if value is not None and not isinstance(value, Choice):
            return False
        self.set_choice(row, value)
        return True
