"""MemberSearchList: a search box over a list of one group's active members (name, nickname, WeChat ID,
pinyin initials or full pinyin, through the roster query), for the member picker and the leave dialog."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from desktop.chat_parse import normalise_name
from desktop.services.roster import MemberRow, RosterQuery, get_member_input, rows_for, search_roster
from ui.models.checkins_models import PeopleListModel, Person, person_detail

LIST_STYLE = """
#memberSearchList { background: #FFFFFF; border: 1px solid #D1D5DB; border-radius: 6px; outline: none; }
#memberSearchList::item { padding: 4px 8px; }
#memberSearchList::item:hover { background: #F3F4F6; }
#memberSearchList::item:selected { background: #DCE6FA; color: #1E3A8A; }
"""
SEARCH_DEBOUNCE_MS = 120
SEARCH_LIMIT = 50


def person_from_row(row: MemberRow, shown: Callable[[str | None], str | None] = lambda text: text) -> Person:
    """`shown`: a person's free text as the operator sees it (desktop.services.operators.names_shown_to)."""
    formerly = (
        QCoreApplication.translate("MemberSearchList", "formerly %1").replace("%1", shown(row.formerly) or "")
        if row.formerly
        else None
    )  # found by a name carried until a recent rename (陈大文 typed, 陈文 listed): said
    return Person(
        row.membership_id,
        shown(row.display_name) or "",
        person_detail(shown(row.nickname), shown(row.group_nickname), shown(row.wechat_id), formerly),
    )


def told_apart_people(
    rows: list[MemberRow], shown: Callable[[str | None], str | None] = lambda text: text
) -> list[Person]:
    """person_from_row for each row; members who would read alike (two 王芳 with no nickname or WeChat ID to tell
    them apart) read with what does: their phone's last four digits (shown to every operator, 138****8000), else the
    day they joined, else their number — two identical lines leave whoever picks one to guess."""
    people = [person_from_row(r, shown) for r in rows]
    counts = Counter((p.display_name, p.detail) for p in people)
    out = []
    for r, p in zip(rows, people, strict=True):
        if counts[(p.display_name, p.detail)] > 1:
            if r.phone and len(r.phone) >= 8 and r.phone[-4:].isdigit():
                extra = QCoreApplication.translate("MemberSearchList", "phone …%1").replace("%1", r.phone[-4:])
            elif r.joined_at is not None:
                extra = QCoreApplication.translate("MemberSearchList", "joined %1").replace(
                    "%1", r.joined_at.strftime("%Y-%m-%d")
                )
            else:
                extra = f"#{r.member_id}"
            p = replace(p, detail=person_detail(p.detail, extra))
        out.append(p)
    return out


class MemberSearchList(QWidget):
    activated = Signal(object)  # Person (double click or Enter)
    current_changed = Signal(object)  # Person | None

    def __init__(
        self,
        database,
        group_id: int,
        parent: QWidget | None = None,
        *,
        shown: Callable[[str | None], str | None] | None = None,
        phones_hidden: bool = False,
    ):
        """`shown`: how a person's name, nicknames and WeChat ID are listed for the operator
        (desktop.services.operators.names_shown_to: a phone written into them masked for an assistant); None: as
        stored. The search reads what is stored; `phones_hidden` (the operator reads phones masked): no digit those
        masks hide finds anyone (models/queries/roster.py _text_condition)."""
        super().__init__(parent)
        self._database = database
        self._group_id = group_id
        self._shown = shown or (lambda text: text)
        self._phones_hidden = phones_hidden
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchBox")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Name, nickname, WeChat ID or pinyin (zs)"))
        self.model = PeopleListModel(self, show_detail=True)
        self.list_view = QListView()
        self.list_view.setObjectName("memberSearchList")
        self.list_view.setStyleSheet(LIST_STYLE)
        self.list_view.setModel(self.model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setUniformItemSizes(True)
        self.list_view.activated.connect(self._on_activated)
        self.list_view.doubleClicked.connect(self._on_activated)
        self.list_view.selectionModel().currentChanged.connect(lambda *_: self.current_changed.emit(self.current()))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(self._timer.start)
        self.search_edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.more_label = QLabel()  # a search with more matches than the list shows says so
        self.more_label.setObjectName("sectionHint")
        self.more_label.setWordWrap(True)
        self.more_label.hide()
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.more_label)
        self.search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the search box move through the list; Enter takes the current (or only) person.
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self.set_current_row(max(0, min(self.model.rowCount() - 1, self.current_row() + step)))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.search()
                person = self.current() or (self.model.person_at(0) if self.model.rowCount() == 1 else None)
                if person is not None:
                    self.activated.emit(person)
                    return True
        return super().eventFilter(watched, event)

    def show_person(self, membership_id: int, text: str) -> bool:
        """The person `membership_id` listed and chosen, `text` (their name as this operator sees it) in the search
        box. Searched for by the name stored: a name shown masked (张三 138****) finds nobody — the leave dialog
        opened for a member chosen on the Check-ins page came up with no one chosen."""
        with self._database.session() as session:
            stored = get_member_input(session, membership_id).display_name
        self.search_edit.blockSignals(True)
        self.search_edit.setText(text)
        self.search_edit.blockSignals(False)
        self.search(stored)
        if self.select_membership(membership_id):
            return True
        # not found by their name: one holding a phone is not searched by its digits for an operator who reads it
        # masked (王五 13800138002) — listed by who they are
        self.show_choices(text, [membership_id])
        return self.select_membership(membership_id)

    def show_choices(self, text: str, membership_ids: list[int]) -> None:
        """Exactly these members listed (the namesakes a pasted 请假 line may mean), `text` in the search box, nobody
        chosen and a hint saying to pick one: the first would be a guess. Typing searches as usual."""
        self._timer.stop()
        with self._database.session() as session:
            rows = [r for r in rows_for(session, membership_ids) if r.status == "active" and not r.deleted]
        self.search_edit.blockSignals(True)
        self.search_edit.setText(text)
        self.search_edit.blockSignals(False)
        self.model.set_people(told_apart_people(rows, self._shown))
        self.more_label.setText(self.tr("%n members may be meant: choose one.", "", len(rows)) if len(rows) > 1 else "")
        self.more_label.setVisible(len(rows) > 1)
        self.list_view.setCurrentIndex(self.model.index(-1, 0))
        if len(rows) == 1:
            self.set_current_row(0)
        self.current_changed.emit(self.current())

    @Slot()
    def search(self, text: str | None = None) -> None:
        """List who matches the search box's text (or `text`, searched for in its place)."""
        self._timer.stop()
        text = self.search_edit.text() if text is None else text
        query = RosterQuery(
            group_id=self._group_id, text=text.strip(), status="active", phones_hidden=self._phones_hidden
        )
        with self._database.session() as session:
            rows = search_roster(session, query, limit=SEARCH_LIMIT + 1)
        more = len(rows) > SEARCH_LIMIT
        self.model.set_people(told_apart_people(rows[:SEARCH_LIMIT], self._shown))
        self.more_label.setText(
            self.tr("The first %1 shown: more members match — type more of the name").replace("%1", str(SEARCH_LIMIT))
        )
        self.more_label.setVisible(more)
        # the best match of what was typed is the current one (Enter takes it); with nothing typed the list is
        # everyone, and its first name is nobody's choice: Enter or Save must not take it. The text is exactly the
        # name (nickname, group nickname, WeChat ID) of one listed person: that one; of two (张伟 twice, 小美 a name
        # and a group nickname), none — the assistant picks, as a paste line with the name asks
        self.list_view.setCurrentIndex(self.model.index(-1, 0))
        if self.model.rowCount() and query.text:
            key = normalise_name(query.text)
            named = [
                i
                for i, r in enumerate(rows[:SEARCH_LIMIT])
                if any(
                    normalise_name(v) == key for v in (r.display_name, r.nickname, r.group_nickname, r.wechat_id) if v
                )
            ]
            if len(named) <= 1:
                self.set_current_row(named[0] if named else 0)
        self.current_changed.emit(self.current())

    def current_row(self) -> int:
        index = self.list_view.currentIndex()
        return index.row() if index.isValid() else -1

    def set_current_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.list_view.setCurrentIndex(self.model.index(row, 0))

    def current(self) -> Person | None:
        return self.model.person_at(self.current_row())

    def select_membership(self, membership_id: int) -> bool:
        row = self.model.row_of(membership_id)
        if row is None:
            return False
        self.set_current_row(row)
        return True

    @Slot()
    def _on_activated(self, index) -> None:
        person = self.model.person_at(index.row())
        if person is not None:
            self.activated.emit(person)
