"""Two small input widgets for the Activities and Points pages: MemberPicker (type a name, nickname, WeChat ID
or pinyin initials, pick from the pop-up or press Enter on a single match) and MonthPicker (◀ 2024年5月 ▶)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QLocale, QModelIndex, QStringListModel, Qt, Signal, Slot
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desktop.chat_parse import normalise_name
from desktop.services.activities_queries import MemberChoice
from models import clock
from models.queries.roster import name_matches
from models.search_keys import typed_readings

MAX_SUGGESTIONS = 20
MembershipRole = Qt.ItemDataRole.UserRole + 1


def choice_text(c: MemberChoice) -> str:
    nick = c.group_nickname or c.nickname
    return f"{c.display_name}（{nick}）" if nick and nick != c.display_name else c.display_name


def told_apart(choices: list[MemberChoice], text: Callable[[MemberChoice], str] = choice_text) -> dict[int, str]:
    """The WeChat IDs of the members who read alike in a list (张伟 twice, no nickname to tell them apart): shown
    beside their names, or two identical lines leave whoever picks one to guess (a violation, a sign-up, points went
    to whichever came first)."""
    counts = Counter(text(c) for c in choices)
    return {c.membership_id: c.wechat_id for c in choices if c.wechat_id and counts[text(c)] > 1}


def typed_whole(wechat_id: str | None, text: str) -> bool:
    """Whether `text` is the whole WeChat ID (in any case of its letters): an ID shown masked (13800138000 as
    138****, wx13800138000 as wx138****) is found by it — the assistant holds it, as the roster search finds it
    (models/queries/roster.py `_text_condition`); the picker found it for an owner only (probe search3)."""
    return bool(wechat_id) and text.strip().lower() == wechat_id.lower()


def matches(c: MemberChoice, text: str) -> int | None:
    """How well `text` finds the member (lower is better; None: not at all)."""
    t = normalise_name(text)  # as a paste compares names: full-width ＡＭＹ is amy
    if not t:
        return None
    name = normalise_name(c.display_name)
    if name == t:
        return 0
    if name.startswith(t):
        return 1
    others = [normalise_name(x) for x in (c.nickname, c.group_nickname, c.wechat_id) if x]
    if any(x == t for x in others):
        return 2
    readings = typed_readings(text)  # lü, lu, wáng fāng, wang2fang1 as stored (lv, wangfang)
    if t.isascii() or readings:
        keys = [t.replace(" ", ""), *readings]
        initials = [x for x in (c.initials, c.initials_alt) if x]
        full = [x for x in (c.pinyin, c.pinyin_alt) if x]
        if any(x.startswith(k) for x in initials for k in (t, *readings)) or any(
            x.startswith(k) for x in full for k in keys
        ):
            return 3
    if t in name or any(t in x for x in others):
        return 4
    if former_name_found(c, text) is not None:
        return 5
    return None


def former_name_found(c: MemberChoice, text: str) -> str | None:
    """The name `c` carried until a recent rename (MemberChoice.former_names) that `text` finds, newest first: the
    roster search's rule (models/queries/roster.py name_matches), so 陈大文 typed offers 陈文 here as there."""
    return next((n for n in reversed(c.former_names) if name_matches(text, n)), None)


class MemberPicker(QLineEdit):
    """Choose one of the group's members. `membership_id` is None until a member is chosen; typing again
    clears the choice. set_choices() gives it the members (plain MemberChoice rows, no Session)."""

    member_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("memberPicker")
        self.setPlaceholderText(self.tr("Name, nickname, WeChat ID or pinyin (zs)"))
        self.setClearButtonEnabled(True)
        self._choices: list[MemberChoice] = []
        self._told_apart: dict[int, str] = {}
        self._shown: list[MemberChoice] = []
        self._chosen: MemberChoice | None = None
        # how a member's name is shown (desktop.services.operators.names_shown_to: a phone in it masked for an
        # assistant); the page sets it, matching still reads the stored names
        self.shown: Callable[[str | None], str | None] = lambda text: text
        self._list = QStringListModel(self)
        self._completer = QCompleter(self._list, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._on_activated)
        self.textEdited.connect(self._on_text_edited)
        self.returnPressed.connect(self._on_return)

    # ---- choices ----
    def set_choices(self, choices: list[MemberChoice]) -> None:
        self._choices = list(choices)
        self._told_apart = told_apart(self._choices)
        if self._chosen is not None and all(c.membership_id != self._chosen.membership_id for c in choices):
            self.clear_choice()

    @property
    def membership_id(self) -> int | None:
        return self._chosen.membership_id if self._chosen else None

    @property
    def chosen(self) -> MemberChoice | None:
        return self._chosen

    def choose(self, membership_id: int) -> bool:
        for c in self._choices:
            if c.membership_id == membership_id:
                self._set_chosen(c)
                return True
        return False

    def clear_choice(self) -> None:
        self._chosen = None
        self.clear()

    def _as_shown(self, c: MemberChoice, text: str) -> MemberChoice:
        """`c` as `text` is matched against it: a text with a digit against the names as listed (a phone in them
        masked for an assistant, `shown`) — typing 0013 offered 王五 13800138002, listed 王五 138****, and so said
        the digits the list hides (probe search2); any other text against what is stored (王五 finds him)."""
        if not any(ch.isdigit() for ch in text):
            return c
        return replace(
            c,
            display_name=self.shown(c.display_name) or "",
            nickname=self.shown(c.nickname),
            group_nickname=self.shown(c.group_nickname),
            wechat_id=c.wechat_id if typed_whole(c.wechat_id, text) else self.shown(c.wechat_id),
            former_names=tuple(self.shown(n) or "" for n in c.former_names),
        )

    def suggestions(self, text: str) -> list[MemberChoice]:
        scored = [
            (s, i, c) for i, c in enumerate(self._choices) if (s := matches(self._as_shown(c, text), text)) is not None
        ]
        scored.sort(key=lambda x: (x[0], x[1]))
        return [c for _s, _i, c in scored[:MAX_SUGGESTIONS]]

    # ---- typing ----
    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        self._chosen = None
        self._shown = self.suggestions(text)
        self._list.setStringList([self.shown_text(c, text) for c in self._shown])
        if self._shown:
            self._completer.complete()
        else:
            self._completer.popup().hide()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._shown):
            self._set_chosen(self._shown[index.row()])

    @Slot()
    def _on_return(self) -> None:
        if self._chosen is not None:
            return
        # the people the text is the name, nickname, group nickname or WeChat ID of: one is that one; two (小美 the
        # name of one and the group nickname of another, 张伟 twice) are a choice, as a paste line asks
        named = [c for c in self._choices if matches(self._as_shown(c, self.text()), self.text()) in (0, 2)]
        found = self.suggestions(self.text())
        if len(named) == 1 or (not named and len(found) == 1):
            self._set_chosen(named[0] if named else found[0])

    def _set_chosen(self, c: MemberChoice) -> None:
        self._chosen = c
        self._completer.popup().hide()
        self.setText(self.shown_text(c))
        self.member_chosen.emit(c.membership_id)

    def shown_text(self, c: MemberChoice, typed: str = "") -> str:
        """The member as the list shows them; two members who read alike (张伟 twice, no nickname to tell them
        apart) read with their WeChat IDs — two identical lines, and a violation went to whichever came first.
        `typed`: the text searched; a member it finds only by a former name says which (陈文 · formerly 陈大文)."""
        text = choice_text(c)
        former = former_name_found(self._as_shown(c, typed), typed) if typed and c.former_names else None
        if former is not None and matches(self._as_shown(c, typed), typed) == 5:
            text = f"{text} · {self.tr('formerly %1').replace('%1', self.shown(former) or '')}"
        if c.membership_id in self._told_apart:
            text = f"{text} · {self._told_apart[c.membership_id]}"
        if c.status != "active":  # offered beside the members (the violation picker): 入群中, 黑名单 … said
            from ui.models.roster_table_model import status_label

            text = f"{text} · {status_label(c.status)}"
        return self.shown(text) or text


class MonthPicker(QWidget):
    """◀ 2024年5月 ▶ — one calendar month; `month_changed(year, month)`."""

    month_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        today = today or clock.today()
        self._year, self._month = today.year, today.month
        self.prev_button = QToolButton()
        self.prev_button.setText("‹")
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.prev_button.setAutoRaise(True)
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next month"))
        self.next_button.setAutoRaise(True)
        self.label = QLabel()
        self.label.setObjectName("monthLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance("2024年12月") + 16)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.prev_button)
        lay.addWidget(self.label)
        lay.addWidget(self.next_button)
        self._update_label()

    @property
    def year(self) -> int:
        return self._year

    @property
    def month(self) -> int:
        return self._month

    def first_day(self) -> date:
        return date(self._year, self._month, 1)

    def last_day(self) -> date:
        nxt = date(self._year + (self._month == 12), self._month % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)

    def set_month(self, year: int, month: int) -> None:
        if (year, month) == (self._year, self._month):
            return
        self._year, self._month = year, month
        self._update_label()
        self.month_changed.emit(year, month)

    def step(self, months: int) -> None:
        index = self._year * 12 + (self._month - 1) + months
        self.set_month(index // 12, index % 12 + 1)

    def _update_label(self) -> None:
        self.label.setText(QLocale().toString(QDate(self._year, self._month, 1), self.tr("MMMM yyyy")))
