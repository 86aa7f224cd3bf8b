"""RosterTableModel: the roster as a lazily paged Qt table over frozen MemberRow objects (for the Roster page).

The model never holds a Session. A *source* turns a RosterQuery into (total, loader); the loader returns
pages of MemberRow from a short session (`database_source`). Rows arrive 200 at a time through
canFetchMore/fetchMore as the view scrolls; filtering and sorting re-run the query in SQL, so 100,000
members never pass through a QSortFilterProxyModel (measured ~90x slower than sorting in SQL)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from desktop.phones import mask_phone, mask_phones_in
from models.queries.roster import MemberRow, RosterQuery, search_roster
from ui.messages import default_name

Loader = Callable[[int, int], list[MemberRow]]
Source = Callable[..., tuple[int, Loader]]  # (query, count=True) -> (total, or -1 when not counted; loader)
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
REFRESH_KEEP_MAX = 1_000  # after an edit, reload at most this many rows (page by page), then lazily again

# ---- columns: how to add one: a constant, a header in HEADERS, a case in _display (and SORT_KEYS if SQL can sort it)
COL_NAME, COL_NICKNAME, COL_GROUP, COL_STATUS, COL_TIER, COL_TAGS = range(6)
COL_WECHAT, COL_PHONE, COL_CITY, COL_JOINED, COL_LAST_ACTIVITY, COL_POINTS = range(6, 12)
COL_LAST_MESSAGE, COL_MESSAGES_30D = range(12, 14)

HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("RosterTableModel", "Name"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Nickname"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Group"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Status"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Tier"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Tags"),
    QT_TRANSLATE_NOOP("RosterTableModel", "WeChat ID"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Phone"),
    QT_TRANSLATE_NOOP("RosterTableModel", "City"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Joined"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Last activity"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Points"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Last message"),
    QT_TRANSLATE_NOOP("RosterTableModel", "Messages (30 days)"),
)

# Column -> RosterQuery.sort key; columns missing here are not sortable (the page keeps the old order).
SORT_KEYS: dict[int, str] = {
    COL_NAME: "name",
    COL_GROUP: "group",
    COL_STATUS: "status",
    COL_TIER: "tier",
    COL_WECHAT: "wechat_id",
    COL_CITY: "city",
    COL_JOINED: "joined_at",
    COL_LAST_ACTIVITY: "last_activity",
    COL_POINTS: "points",
    COL_LAST_MESSAGE: "last_message",
    COL_MESSAGES_30D: "messages_30d",
}

STATUS_LABELS: dict[str, str] = {
    "applicant": QT_TRANSLATE_NOOP("MembershipStatus", "Applicant"),
    "onboarding": QT_TRANSLATE_NOOP("MembershipStatus", "Onboarding"),
    "active": QT_TRANSLATE_NOOP("MembershipStatus", "Member"),
    "left": QT_TRANSLATE_NOOP("MembershipStatus", "Left"),
    "removed": QT_TRANSLATE_NOOP("MembershipStatus", "Removed"),
    "blacklisted": QT_TRANSLATE_NOOP("MembershipStatus", "Blacklisted"),
}

STATUS_COLORS: dict[str, str] = {
    "applicant": "#2563EB",
    "onboarding": "#B45309",
    "active": "#15803D",
    "left": "#6B7280",
    "removed": "#B91C1C",
    "blacklisted": "#7F1D1D",
}
DELETED_COLOR = "#9CA3AF"


def status_label(code: str) -> str:
    """The translated name of a membership status code (申请中, 入群中, 已入群, 已退群, 已移除, 黑名单)."""
    source = STATUS_LABELS.get(code)
    return QCoreApplication.translate("MembershipStatus", source) if source else code


def local_date(value: datetime | date | None) -> date | None:
    """The calendar day of a stored datetime (stored as local time, docs/architecture.md "Time")."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return value


def database_source(database: Any) -> Source:
    """A source over a workspace: each count and each page runs in its own short session.

    A text search runs once per keystroke: `roster_matches` returns every matching row's id in order (with
    how many people they are), and pages are slices of that list — the count, the people and the first page
    no longer run the search three times. Without text the roster can hold every membership, so it is counted
    and paged in SQL (each page a LIMIT over an index, see models/queries/roster.py `_order`). With
    `count=False` (a new sort of the same rows) the count is not run again (-1 is returned)."""
    from desktop.services.roster import count_roster, count_roster_and_people, roster_matches

    def source(query: RosterQuery, count: bool = True) -> tuple[int, Loader]:
        if query.text.strip():
            with database.session() as session:
                found = roster_matches(session, query)
            return found.total, _Slices(database, found.membership_ids, found.people, found.formerly)
        total, people = -1, None
        if count:
            with database.session() as session:
                if query.group_id is None:  # across groups the page says how many people the rows are
                    total, people = count_roster_and_people(session, query)
                else:
                    total = count_roster(session, query)

        def loader(offset: int, limit: int) -> list[MemberRow]:
            with database.session() as session:
                return search_roster(session, query, offset, limit)

        return total, _Pages(loader, people)

    return source


class _Pages:
    """The loader of a roster without text: each page a query of its own; the people, when counted with the rows."""

    def __init__(self, load: Loader, people: int | None):
        self._load = load
        self.people = people

    def __call__(self, offset: int, limit: int) -> list[MemberRow]:
        return self._load(offset, limit)


class _Slices:
    """The loader of a text search: pages are slices of the ids found once, in order; it knows the people too."""

    def __init__(self, database: Any, membership_ids: list[int], people: int, formerly: dict[int, str] | None = None):
        self._database = database
        self._ids = membership_ids
        self.people = people
        self._formerly = formerly or {}  # the rows found by a former name (RosterMatches.formerly)

    def __call__(self, offset: int, limit: int) -> list[MemberRow]:
        from desktop.services.roster import rows_for, with_former_names

        with self._database.session() as session:
            return with_former_names(rows_for(session, self._ids[offset : offset + limit]), self._formerly)


def _empty_source(_query: RosterQuery, count: bool = True) -> tuple[int, Loader]:
    return 0, lambda _offset, _limit: []


class RosterTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1
    SortKeyRole = Qt.ItemDataRole.UserRole + 2
    # the same rows reloaded in another order (sort): the page selects again the rows selected before the reset
    resorted = Signal()

    def __init__(self, source: Source | None = None, *, show_phone: bool = False, parent=None):
        super().__init__(parent)
        self._source: Source = source or _empty_source
        self._show_phone = show_phone
        self._query = RosterQuery()
        self._rows: list[MemberRow] = []
        self._loader: Loader = lambda _offset, _limit: []
        self._total = 0

    # ---- loading ----
    @property
    def query(self) -> RosterQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many rows the current query matches (loaded or not)."""
        return self._total

    @property
    def people(self) -> int | None:
        """How many people the rows are, when the source counted them with the rows (a text search, the roster of
        every group), else None."""
        return getattr(self._loader, "people", None)

    def set_query(self, query: RosterQuery) -> None:
        """Run `query` (count + first page) and show its rows; called on every filter change."""
        self._query = query
        total, loader = self._source(query)
        self.set_loader(loader, total)

    def refresh(self) -> None:
        """Re-run the current query after an edit, reloading as many rows as were loaded (up to a limit)."""
        keep = min(max(len(self._rows), PAGE_SIZE), REFRESH_KEEP_MAX)
        total, loader = self._source(self._query)
        self.beginResetModel()
        self._loader, self._total = loader, total
        rows: list[MemberRow] = []
        while len(rows) < keep:
            page = self._load(len(rows), min(PAGE_SIZE, keep - len(rows)))
            if not page:
                break
            rows.extend(page)
        self._rows = rows
        self.endResetModel()

    def set_loader(self, loader: Loader, total: int) -> None:
        self.beginResetModel()
        self._loader, self._total = loader, total
        self._rows = self._load(0, PAGE_SIZE)
        self.endResetModel()

    def _load(self, offset: int, limit: int) -> list[MemberRow]:
        limit = min(limit, self._total - offset)
        return self._loader(offset, limit) if limit > 0 else []

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._load(len(self._rows), PAGE_SIZE)
        if not page:
            self._total = len(self._rows)  # rows vanished since the count: stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # ---- lookups for the page ----
    def row_at(self, row: int) -> MemberRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, membership_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.membership_id == membership_id:
                return i
        return None

    def loaded_rows(self) -> list[MemberRow]:
        return list(self._rows)

    # ---- Qt model interface ----
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("RosterTableModel", HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (COL_POINTS, COL_MESSAGES_30D):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _CELL_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # roles compared as ints: the view asks ~8 roles for each painted cell, and comparing PySide6 enums in
        # Python cost a third of a search keystroke's paint at 100,000 members (benchmarks/RESULTS.md)
        role = int(role)
        if role not in _ROLES_ANSWERED or not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == _DISPLAY:
            return self._display(row, col)
        if role == _TOOLTIP:
            return self._tooltip(row, col)
        if role == _ROW:
            return row
        if role == _SORT_KEY:
            return self._sort_key(row, col)
        if role == _FOREGROUND:
            if row.deleted:
                return QColor(DELETED_COLOR)
            if col == COL_STATUS:
                return QColor(STATUS_COLORS.get(row.status, "#374151"))
            return None
        if role == _FONT and row.deleted and col == COL_NAME:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == _ALIGNMENT and col in (COL_POINTS, COL_MESSAGES_30D):
            return _RIGHT
        return None

    def _shown(self, text: str | None) -> str | None:
        """A person's free text as this operator sees it: whole with `show_phone` (an owner, an admin), else with
        a phone written into it masked (desktop.services.operators.names_shown_to)."""
        return text if self._show_phone else mask_phones_in(text)

    def _display(self, row: MemberRow, col: int) -> str:
        if col == COL_NAME:  # a phone written into a name masked as the phone column is (names_shown_to)
            name = self._shown(row.display_name) or ""
            if row.formerly:  # found by a name carried until a recent rename: said, or the row seems a wrong match
                return (
                    QCoreApplication.translate("RosterTableModel", "%1 (formerly %2)")
                    .replace("%1", name)
                    .replace("%2", self._shown(row.formerly) or "")
                )
            return name
        if col == COL_NICKNAME:
            return self._shown(row.group_nickname or row.nickname) or ""
        if col == COL_GROUP:
            return row.group_name
        if col == COL_STATUS:
            return status_label(row.status)
        if col == COL_TIER:
            return default_name(row.tier)
        if col == COL_TAGS:
            return ", ".join(row.tags)
        if col == COL_WECHAT:  # a WeChat ID that is the phone number is masked as the phone column is
            return (row.wechat_id or "") if self._show_phone else (mask_phones_in(row.wechat_id) or "")
        if col == COL_PHONE:
            return (row.phone or "") if self._show_phone else mask_phone(row.phone)
        if col == COL_CITY:
            return self._shown(row.city) or ""
        if col == COL_JOINED:
            day = local_date(row.joined_at)
            return day.isoformat() if day else ""
        if col == COL_LAST_ACTIVITY:
            return row.last_activity.isoformat() if row.last_activity else ""
        if col == COL_POINTS:
            return str(row.points)
        if col == COL_LAST_MESSAGE:
            return row.last_message.isoformat() if row.last_message else ""
        if col == COL_MESSAGES_30D:
            return str(row.messages_30d) if row.messages_30d else ""
        return ""

    def _sort_key(self, row: MemberRow, col: int) -> Any:
        """A comparable value per cell (for callers that sort loaded rows; the view sorts through SQL)."""
        if col == COL_POINTS:
            return row.points
        if col == COL_MESSAGES_30D:
            return row.messages_30d
        if col == COL_LAST_MESSAGE:
            return row.last_message.isoformat() if row.last_message else ""
        if col == COL_JOINED:
            return row.joined_at.isoformat() if row.joined_at else ""
        if col == COL_LAST_ACTIVITY:
            return row.last_activity.isoformat() if row.last_activity else ""
        if col == COL_PHONE:
            return row.phone or ""
        return self._display(row, col).casefold()

    def _tooltip(self, row: MemberRow, col: int) -> str | None:
        if row.deleted:
            return QCoreApplication.translate("RosterTableModel", "Deleted — select it and choose Restore")
        if col == COL_NICKNAME and row.group_nickname and row.nickname and row.group_nickname != row.nickname:
            return (
                QCoreApplication.translate("RosterTableModel", "Nickname: %1 · Group nickname: %2")
                .replace("%1", self._shown(row.nickname) or "")
                .replace("%2", self._shown(row.group_nickname) or "")
            )
        if col == COL_TAGS and row.tags:
            return ", ".join(row.tags)
        return None

    # ---- sorting (in SQL) ----
    @property
    def sort_column(self) -> int:
        for col, key in SORT_KEYS.items():
            if key == self._query.sort:
                return col
        return COL_NAME

    @property
    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder

    def is_sortable(self, column: int) -> bool:
        return column in SORT_KEYS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        query = replace(self._query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            self._query = query  # the same rows in another order: the count stands
            people = self.people
            total, loader = self._source(query, count=False)
            if total < 0 and isinstance(loader, _Pages) and loader.people is None:
                loader.people = people  # nor do the people
            self.set_loader(loader, self._total if total < 0 else total)
            self.resorted.emit()


_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ROW = int(RosterTableModel.RowRole)
_SORT_KEY = int(RosterTableModel.SortKeyRole)
_ROLES_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _ALIGNMENT, _ROW, _SORT_KEY})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
