"""MainWindow: the group list on the left, a navigation bar and the pages on the right, the workspace and
operator in the status bar. Window geometry, splitter sizes and the last page are kept in QSettings."""

from __future__ import annotations

import importlib
import importlib.util
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.services.groups import GroupRow, list_groups, people_in_groups
from desktop.services.operators import Actor, allowed
from desktop.settings import get_setting
from desktop.workspace import database_display
from ui.messages import members_text, number_text, operator_text, people_text, show_error
from ui.operations import Change, announce, data_events
from ui.pages.placeholder_page import PlaceholderPage
from ui.pages.roster_page import RosterPage
from ui.screen_fit import FRAME_ALLOWANCE, available_geometry, resize_to_fit

if TYPE_CHECKING:  # the dialog and the Settings page load when first opened: the window paints sooner
    from ui.dialogs.group_dialog import GroupDialog
    from ui.pages.settings_page import SettingsPage

GEOMETRY_KEY = "main_window/geometry"
SPLITTER_KEY = "main_window/splitter"
PAGE_KEY = "main_window/page"
DEFAULT_SIZE = (1280, 800)
SIDEBAR_LEAST = 170  # the group list's least width: at 150% on 1280x720 the pages squeezed it to "…" in every row

GROUP_PROFILE_MODULE = "ui.dialogs.group_profile_dialog"  # written separately; the menu entry hides until it exists

GroupIdRole = Qt.ItemDataRole.UserRole + 1
GroupRowRole = Qt.ItemDataRole.UserRole + 2

FOLD_WAL_AFTER_MS = 2000  # after the last save, the write-ahead log is folded into the workspace file (fold_wal)
FOLD_WAL_TRIES = 5  # a busy fold is tried again this many times, FOLD_WAL_AFTER_MS apart (on its thread)
SIDEBAR_KINDS = frozenset({"members", "groups", "settings"})  # changes that move the group list's counts or colours
WARN_COLOR = "#C2410C"
OVER_COLOR = "#B91C1C"
COUNT_COLOR = "#6B7280"

# How to add a page: a key here (navigation order), a title and a one-line description in _page_texts(),
# and a real widget in _make_page() once it exists.
PAGE_KEYS = ("dashboard", "roster", "onboarding", "checkins", "activities", "points", "reports", "settings")

# How to add a page: write ui/pages/<key>_page.py with a QWidget subclass taking (database, actor, parent=None);
# subclass ui.pages.group_page.GroupPage if it follows the selected group (None = all groups), write through
# ui.operations.run_write (the sidebar and the other pages follow by themselves); then name it here and in
# PAGE_KEYS.
PAGE_CLASSES: dict[str, tuple[str, str]] = {
    "dashboard": ("ui.pages.dashboard_page", "DashboardPage"),
    "onboarding": ("ui.pages.onboarding_page", "OnboardingPage"),
    "checkins": ("ui.pages.checkins_page", "CheckinsPage"),
    "activities": ("ui.pages.activities_page", "ActivitiesPage"),
    "points": ("ui.pages.points_page", "PointsPage"),
    "reports": ("ui.pages.reports_page", "ReportsPage"),
}


class _Pages(dict):
    """The window's pages by key (PAGE_KEYS), holding those built so far; looking one up builds it (on its
    first show, or when code asks for it). Iterating gives the built pages only: a page built later starts
    from the current group, operator and data, so it needs none of the notices the built ones get. At 100,000
    members building every page at start cost 0.75 s of a 2.3 s start (issue 13)."""

    def __init__(self, window: MainWindow):
        super().__init__()
        self._window = window

    def __missing__(self, key: str) -> QWidget:
        if key not in PAGE_KEYS:
            raise KeyError(key)
        return self._window._build_page(key)


class _LazyTipItem(QStandardItem):
    """An item whose tooltip is worked out when it is first asked for: how many people "All groups" are
    (a distinct count over every membership, 150 ms at 100,000 members) is not worth delaying the start."""

    def __init__(self, text: str, tip: Callable[[], str]) -> None:
        super().__init__(text)
        self._tip: Callable[[], str] | None = tip

    def data(self, role: int = Qt.ItemDataRole.UserRole + 1):
        if role == Qt.ItemDataRole.ToolTipRole and self._tip is not None:
            tip, self._tip = self._tip, None
            self.setToolTip(tip())
        return super().data(role)


class MainWindow(QMainWindow):
    actor_changed = Signal(object)  # the Actor the window now works for (Switch operator…)
    # (the new MainWindow, its Database): a restored backup took the workspace's place and a new window opened on
    # it (put_restored); ui/app.py then disposes that database at the end instead of this one's
    reopened = Signal(object, object)

    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._database = database
        self._actor = actor
        self.group_rows: list[GroupRow] = []
        # asked when the window closes while work runs (an export, a backup, check-ins being logged): the titles
        # of that work; True stops it (it rolls back) and closes. Tests replace it.
        self.confirm_close_while_working: Callable[[list[str]], bool] = self._ask_close_while_working
        # told, before the window closes, of the work that completed although it was asked to stop (a cancel after
        # its last step comes too late: written, not rolled back): its titles. Tests replace it.
        self.tell_finished_anyway: Callable[[list[str]], None] = self._say_finished_anyway
        self.setWindowTitle(self.tr("QunDesk"))

        self._build_menu()
        self._build_central()
        self._build_status_bar()
        self.refresh_groups()
        self._fit_pages_to_screen()
        self._restore_state()
        data_events().data_changed.connect(self._on_data_changed)
        # a moment after the last save, the write-ahead log is folded into the workspace file (Database.fold_wal):
        # the file alone, copied or synced while the window is open, then holds every save
        self._fold_timer = QTimer(self)
        self._fold_timer.setSingleShot(True)
        self._fold_timer.setInterval(FOLD_WAL_AFTER_MS)
        self._fold_timer.timeout.connect(self.fold_wal)
        self._folding: threading.Thread | None = None

    # ---- building ----
    def _page_texts(self) -> dict[str, tuple[str, str]]:
        return {
            "dashboard": (
                self.tr("Dashboard"),
                self.tr(
                    "The health of every group at a glance: active members, check-in rate, dormant members, "
                    "the 5/20/75 structure and zombie-group alerts."
                ),
            ),
            "roster": (self.tr("Roster"), ""),
            "onboarding": (
                self.tr("Onboarding"),
                self.tr(
                    "Each group's entry steps, who is stuck at which step, and the funnel from applicant to member."
                ),
            ),
            "checkins": (
                self.tr("Check-ins"),
                self.tr(
                    "Fast daily check-ins: type a few letters or paste the chat chain, with streaks, leave "
                    "and a calendar heat-map."
                ),
            ),
            "activities": (
                self.tr("Activities"),
                self.tr(
                    "Activities and numbered series with attendance, ticked from a list or pasted from a sign-up chain."
                ),
            ),
            "points": (
                self.tr("Points"),
                self.tr("Point rules, manual adjustments with a reason, levels and the leaderboard."),
            ),
            "reports": (
                self.tr("Reports"),
                self.tr(
                    "The monthly Excel workbook for one group or all groups, ready to print or forward, in one click."
                ),
            ),
            "settings": (self.tr("Settings"), ""),
        }

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_group_action = QAction(self.tr("&New group…"), self)
        self.new_group_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_group_action.triggered.connect(self.new_group)
        if not allowed(self._actor, "edit_groups"):
            self.new_group_action.setEnabled(False)
            self.new_group_action.setToolTip(self.tr("Only the owner or an admin may create groups"))
        file_menu.addAction(self.new_group_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        self.tools_menu = tools_menu
        self.import_action = QAction(self.tr("&Import…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.open_import)
        tools_menu.addAction(self.import_action)
        self.chat_import_action = QAction(self.tr("Import a &chat history…"), self)
        self.chat_import_action.triggered.connect(self.open_chat_import)
        tools_menu.addAction(self.chat_import_action)
        # the group's last import taken back later (the import dialog offers it right after the import)
        self.undo_import_action = QAction(self.tr("&Undo the last import…"), self)
        self.undo_import_action.setObjectName("undoImportAction")
        self.undo_import_action.triggered.connect(lambda: self.undo_last_import())
        tools_menu.addAction(self.undo_import_action)
        tools_menu.addSeparator()
        self.audit_action = QAction(self.tr("&Audit log…"), self)
        self.audit_action.triggered.connect(self.open_audit_log)
        tools_menu.addAction(self.audit_action)
        self.operators_action = QAction(self.tr("&Operators…"), self)
        self.operators_action.triggered.connect(self.open_operators)
        tools_menu.addAction(self.operators_action)
        self.switch_operator_action = QAction(self.tr("&Switch operator…"), self)
        self.switch_operator_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.switch_operator_action.triggered.connect(self.switch_operator)
        tools_menu.addAction(self.switch_operator_action)
        tools_menu.addSeparator()
        self.taxonomy_action = QAction(self.tr("&Tiers, roles and tags…"), self)
        self.taxonomy_action.triggered.connect(self.open_taxonomy)
        tools_menu.addAction(self.taxonomy_action)
        self._update_actions()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About QunDesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_central(self) -> None:
        # left: the groups
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setMinimumWidth(SIDEBAR_LEAST)  # the groups' names stay readable however narrow the window
        groups_title = QLabel(self.tr("Groups"))
        groups_title.setObjectName("sidebarTitle")
        self.new_group_button = QToolButton()
        self.new_group_button.setObjectName("sidebarButton")
        self.new_group_button.setText("+")
        self.new_group_button.setToolTip(self.tr("New group…"))
        self.new_group_button.setEnabled(self.new_group_action.isEnabled())
        self.new_group_button.clicked.connect(self.new_group)
        head = QHBoxLayout()
        head.setContentsMargins(12, 12, 8, 4)
        head.addWidget(groups_title, 1)
        head.addWidget(self.new_group_button)

        self.group_model = QStandardItemModel(0, 2, self)
        self.group_view = QTreeView()
        self.group_view.setObjectName("groupList")
        self.group_view.setModel(self.group_model)
        self.group_view.setHeaderHidden(True)
        self.group_view.setRootIsDecorated(False)
        self.group_view.setUniformRowHeights(True)
        self.group_view.setItemsExpandable(False)
        self.group_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.group_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.group_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.group_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.group_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.group_view.selectionModel().currentRowChanged.connect(self._on_group_changed)
        self.group_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.group_view.customContextMenuRequested.connect(self._on_group_context_menu)

        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addLayout(head)
        side.addWidget(self.group_view, 1)

        # right: navigation bar + pages
        self.nav_bar = QWidget()
        self.nav_bar.setObjectName("navBar")
        nav = QHBoxLayout(self.nav_bar)
        nav.setContentsMargins(12, 8, 12, 0)
        nav.setSpacing(2)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: dict[str, QToolButton] = {}
        self.pages = _Pages(self)  # built on first use (shown or looked up): the window paints sooner
        self.stack = QStackedWidget()
        texts = self._page_texts()
        for i, key in enumerate(PAGE_KEYS):
            title, description = texts[key]
            button = QToolButton()
            button.setObjectName("navButton")
            button.setText(title)
            button.setCheckable(True)
            button.setToolTip(f"{title} (Ctrl+{i + 1})")
            button.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            self.nav_group.addButton(button, i)
            nav.addWidget(button)
            self.nav_buttons[key] = button
            self.stack.addWidget(QWidget())  # stands in until the page is built (_build_page)
        self.pages["roster"]  # the roster is always there: the sidebar follows it
        nav.addStretch(1)
        self.nav_group.idClicked.connect(self._on_nav_clicked)

        content = QWidget()
        content.setObjectName("content")
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addWidget(self.nav_bar)
        # the pages scroll when the screen is narrower or lower than a page needs (a 1280x720 screen at 150% is
        # 853x480 in Qt's units): the window never has to be bigger than the screen; on a screen big enough the
        # page keeps its full minimum size and shows no scroll bar, as before (_fit_pages_to_screen)
        self.page_scroll = QScrollArea()
        self.page_scroll.setObjectName("pageScroll")
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setWidget(self.stack)
        cl.addWidget(self.page_scroll, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(sidebar)
        self.splitter.addWidget(content)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([250, DEFAULT_SIZE[0] - 250])
        self.setCentralWidget(self.splitter)

    def _build_page(self, key: str) -> QWidget:
        """Build the page `key` in place of its stand-in (or of its old self, see _rebuild_page), for the
        current operator and group."""
        index = PAGE_KEYS.index(key)
        title, description = self._page_texts()[key]
        current = self.stack.currentIndex()
        old = self.stack.widget(index)
        page = self._make_page(key, title, description)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.setCurrentIndex(current)
        dict.__setitem__(self.pages, key, page)
        self._fit_pages_to_screen()
        if hasattr(page, "set_group") and hasattr(self, "group_model"):
            current = self.current_group_id()
            if page is not self.__dict__.get("roster_page") or page.group_id != current:  # built for it already
                page.set_group(current)
        return page

    def _fit_pages_to_screen(self) -> None:
        """The pages' least size: what they need, or what the screen leaves them (less the group list at its
        narrowest, the menu, navigation and status bars and a window frame) when that is less — then they
        scroll. The window's minimum follows, so it is never bigger than the screen for the pages' sake."""
        if not hasattr(self, "splitter"):  # the roster page is built before the window around it
            return
        room = available_geometry(self)
        need = self.stack.minimumSizeHint()
        sidebar = self.splitter.widget(0)
        beside = max(sidebar.minimumWidth(), sidebar.minimumSizeHint().width()) + self.splitter.handleWidth()
        above = sum(w.sizeHint().height() for w in (self.menuBar(), self.nav_bar, self.statusBar()))
        width = min(need.width(), room.width() - FRAME_ALLOWANCE.width() - beside)
        height = min(need.height(), room.height() - FRAME_ALLOWANCE.height() - above)
        self.page_scroll.setMinimumSize(max(width, 1), max(height, 1))
        for fits, set_policy in (
            (width >= need.width(), self.page_scroll.setHorizontalScrollBarPolicy),
            (height >= need.height(), self.page_scroll.setVerticalScrollBarPolicy),
        ):  # room for the page: no scroll bar (not even one a word-wrapped label's height can make for a pixel)
            set_policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    @property
    def settings_page(self) -> SettingsPage:
        return self.pages["settings"]  # type: ignore[return-value]

    def _make_page(self, key: str, title: str, description: str) -> QWidget:
        if key == "roster":
            group = self.current_group_id() if hasattr(self, "group_model") else None
            self.roster_page = RosterPage(self._database, self._actor, group_id=group)
            return self.roster_page
        if key == "settings":
            from ui.pages.settings_page import SettingsPage

            page = SettingsPage(self._database, self._actor)
            page.restore_built.connect(self.put_restored)
            return page
        module_name, class_name = PAGE_CLASSES.get(key, ("", ""))
        try:
            module = importlib.import_module(module_name) if module_name else None
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            module = None
        if module is None:
            return PlaceholderPage(title, description)
        page = getattr(module, class_name)(self._database, self._actor)
        if hasattr(page, "group_switch_requested"):  # the Check-ins page: "Go to <the group it fits> with this paste"
            page.group_switch_requested.connect(self.select_group)
        return page

    def _group_pages(self) -> list[QWidget]:
        """Every page that follows the selected group."""
        return [p for p in self.pages.values() if hasattr(p, "set_group")]

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(self.tr("Database: %1").replace("%1", database_display(self._database)))
        self.database_label.setObjectName("statusText")
        self.operator_label = QLabel(
            self.tr("Operator: %1").replace("%1", operator_text(self._actor.name, self._actor.role))
        )
        self.operator_label.setObjectName("statusText")
        # no stretch: a stretching permanent label took the whole bar, and every message shown in it (the start-up
        # check, "today's backup saved", "Automatic backup failed") was drawn in a strip of no width
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.operator_label)

    # ---- pages ----
    @Slot(int)
    def _on_nav_clicked(self, index: int) -> None:
        self.show_page(PAGE_KEYS[index])

    def show_page(self, key: str) -> None:
        index = PAGE_KEYS.index(key)
        self.pages[key]  # built now if it was not yet
        self.nav_buttons[key].setChecked(True)
        self.stack.setCurrentIndex(index)

    def current_page_key(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    @Slot(object)
    def _on_data_changed(self, change: Change) -> None:
        """A write committed (ui/operations.py): the sidebar's counts follow, and every page but the one it was
        made in is told (a visible page reloads now, a hidden one when it is next shown)."""
        if change.database is not self._database:
            return
        self._fold_timer.start()  # (again: one fold after a run of saves)
        if change.kinds & SIDEBAR_KINDS:
            self.refresh_groups()
        for page in list(self.pages.values()):
            if hasattr(page, "data_changed_elsewhere") and not change.made_in(page):
                page.data_changed_elsewhere(change)

    @Slot()
    def fold_wal(self) -> None:
        """Fold the saves into the workspace file, on a thread of its own (after a big import the log holds tens of
        megabytes to write back: not on the window's thread); busy (a page reading on its worker thread, another
        QunDesk), it is tried again a moment later, a few times — nothing to say: the next save starts it over."""
        database = self._database
        if not hasattr(database, "fold_wal"):
            return
        if self._folding is not None and self._folding.is_alive():
            self._fold_timer.start()  # one at a time: again once this one is done
            return
        pause = FOLD_WAL_AFTER_MS / 1000

        def fold() -> None:
            for _ in range(FOLD_WAL_TRIES + 1):
                if database.fold_wal() is not False:
                    return
                time.sleep(pause)

        self._folding = threading.Thread(target=fold, name="qundesk-fold-wal", daemon=True)
        self._folding.start()

    # ---- groups ----
    def refresh_groups(self) -> None:
        """Reload the group list (names and member counts), keeping the selected group."""
        current = self.current_group_id()
        with self._database.session() as session:
            self.group_rows = list_groups(session, active=False)  # the list shows totals
            warn_share = float(get_setting(session, "capacity_warn_share"))
        model = self.group_model
        model.removeRows(0, model.rowCount())
        # The column counts members (已入群) everywhere: each group's against its capacity, "All groups" the
        # groups' added up, as the dashboard does; how many people that is, is in the tooltip — someone in two
        # groups is two members and one person (ui/messages.py, "Counting people").
        total = sum(g.members_total for g in self.group_rows)
        all_name = QStandardItem(self.tr("All groups"))
        all_name.setData(None, GroupIdRole)

        def all_tip() -> str:
            with self._database.session() as session:
                people = people_in_groups(session)
            if total != people:
                return (
                    self.tr("%1 in all groups: %2 (someone in two groups is a member of both)")
                    .replace("%1", members_text(total))
                    .replace("%2", people_text(people))
                )
            return self.tr("%1 in all groups").replace("%1", members_text(total))

        all_count = _LazyTipItem(str(total), all_tip)
        self._style_count(all_count)
        model.appendRow([all_name, all_count])
        for g in self.group_rows:
            name = QStandardItem(g.name)
            name.setData(g.id, GroupIdRole)
            name.setData(g, GroupRowRole)
            name.setToolTip(g.name)
            count = QStandardItem(f"{g.members_total}/{g.capacity}")
            used = g.capacity_used
            count.setToolTip(
                self.tr("Members: %1 of %2 places, %3% used")
                .replace("%1", number_text(g.members_total))
                .replace("%2", number_text(g.capacity))
                .replace("%3", str(round(used * 100)))
            )
            self._style_count(count, OVER_COLOR if used > 1 else WARN_COLOR if used >= warn_share else None)
            model.appendRow([name, count])
        self.select_group(current, notify=False)

    def _style_count(self, item: QStandardItem, color: str | None = None) -> None:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(QColor(color or COUNT_COLOR))
        if color:
            font = item.font()
            font.setBold(True)
            item.setFont(font)

    def current_group_id(self) -> int | None:
        index = self.group_view.currentIndex()
        if not index.isValid():
            return None
        return self.group_model.item(index.row(), 0).data(GroupIdRole)

    def select_group(self, group_id: int | None, *, notify: bool = True) -> None:
        for row in range(self.group_model.rowCount()):
            if self.group_model.item(row, 0).data(GroupIdRole) == group_id:
                break
        else:
            row = 0
        # the pages are told here, once: a change of the current row told them too, and each page loaded twice
        sel = self.group_view.selectionModel()
        sel.blockSignals(True)
        self.group_view.setCurrentIndex(self.group_model.index(row, 0))
        sel.blockSignals(False)
        # the view repaints a selection on the signals blocked above: without this, the list kept highlighting the
        # group before (seen after the Check-ins page's "Go to <group> with this paste")
        self.group_view.viewport().update()
        if notify or self.roster_page.group_id != group_id:
            for page in self._group_pages():
                page.set_group(self.current_group_id())

    def group_labels(self) -> list[tuple[str, str]]:
        """(name, count) as the list shows them (for tests)."""
        return [
            (self.group_model.item(r, 0).text(), self.group_model.item(r, 1).text())
            for r in range(self.group_model.rowCount())
        ]

    @Slot(QModelIndex, QModelIndex)
    def _on_group_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            group_id = self.group_model.item(current.row(), 0).data(GroupIdRole)
            for page in self._group_pages():
                page.set_group(group_id)

    @Slot()
    def new_group(self) -> GroupDialog | None:
        if not allowed(self._actor, "edit_groups"):
            return None
        from ui.dialogs.group_dialog import GroupDialog

        dialog = GroupDialog(self._database, self._actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.group_created.connect(self._on_group_created)
        self.group_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_group_created(self, group_id: int) -> None:
        self.select_group(group_id)  # the list already has it: the write's announcement refreshed it
        self.roster_page.reload_choices()
        self.show_page("roster")

    # ---- tools (menu "Tools") ----
    def _update_actions(self) -> None:
        """Grey out what the current operator may not do (the services refuse it anyway)."""
        can_import = allowed(self._actor, "edit_members")
        self.import_action.setEnabled(can_import)
        self.import_action.setToolTip("" if can_import else self.tr("Your role may not add or edit members"))
        can_groups = allowed(self._actor, "edit_groups")
        self.new_group_action.setEnabled(can_groups)
        self.new_group_action.setToolTip("" if can_groups else self.tr("Only the owner or an admin may create groups"))
        if hasattr(self, "new_group_button"):
            self.new_group_button.setEnabled(can_groups)
        if not hasattr(self, "_team_roles"):
            from desktop.team_roles import roles_enforced

            with self._database.session() as session:
                self._team_roles = roles_enforced(session)
        if self._team_roles:  # the server login is the operator: another person signs in with their own login
            self.switch_operator_action.setEnabled(False)
            self.switch_operator_action.setToolTip(
                self.tr("On a team database each person signs in with their own login: start QunDesk again")
            )

    @Slot()
    def open_import(self):
        """The Import dialog for the selected group (window-modal); the lists refresh when it imported."""
        if not allowed(self._actor, "edit_members"):
            return None
        from ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self._database, self._actor, self.current_group_id(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def undo_last_import(self, group_id: int | None = None) -> Any:
        """Tools → "Undo the last import…" (and the group's context menu): the selected group's last import (roster,
        applications, check-ins) named — file, when, by whom — asked, then taken back off the UI thread
        (import_undo.undo_task); the outcome, what was kept included, is shown. Returns the runner (tests wait on
        it), or None when there was nothing to undo or the user said no."""
        from desktop.services.import_undo import describe_last_import, undo_task
        from ui.dialogs.import_dialog import undo_text
        from ui.task_runner import TaskRunner

        title = self.tr("Undo the last import")
        # no group chosen (全部社群): the workspace's last import, its group named in the question below — the
        # assistant who imported into the wrong group need not know which group that was
        last = describe_last_import(
            self._database, self._actor, group_id if group_id is not None else self.current_group_id()
        )
        if last.group_id is None:
            QMessageBox.information(self, title, self.tr("No import in this workspace can be undone."))
            return None
        group_id, group_name = last.group_id, last.group_name
        run_id, allowed_here = last.run_id, last.allowed
        file, kind, at, by_name = last.file, last.kind, last.at, last.by
        if run_id is None:
            QMessageBox.information(
                self,
                title,
                self.tr(
                    "“%1” has no import that can be undone (imports made before this version kept no record)."
                ).replace("%1", group_name),
            )
            return None
        if not allowed_here:
            QMessageBox.information(
                self,
                title,
                self.tr("The last import of “%1” was made by %2: an assistant may undo only their own imports.")
                .replace("%1", group_name)
                .replace("%2", by_name),
            )
            return None
        kinds = {"roster": self.tr("roster"), "applications": self.tr("applications"), "checkins": self.tr("check-ins")}
        question = (
            self.tr(
                "Undo the import of %1 (%2) into “%3”, made by %4 on %5? Only what it added and changed is taken "
                "back; anything recorded since stays and is listed."
            )
            .replace("%1", file)
            .replace("%2", kinds.get(kind, kind))
            .replace("%3", group_name)
            .replace("%4", by_name)
            .replace("%5", at.strftime("%Y-%m-%d %H:%M"))  # the community's local time, as every stored time
        )
        if QMessageBox.question(self, title, question) != QMessageBox.StandardButton.Yes:
            return None
        runner = TaskRunner(self, title=title)
        self.undo_import_runner = runner

        def done(result: Any) -> None:
            announce(self._database, ("members", "groups", "taxonomy", "participation"), self)
            QMessageBox.information(self, title, undo_text(result))

        runner.finished.connect(done)
        runner.failed.connect(lambda _message: show_error(self, runner.error or _message, title))
        runner.start(undo_task, database=self._database, actor=self._actor, group_id=group_id, run_id=run_id)
        return runner

    @Slot()
    def open_chat_import(self):
        """The chat-history import for the selected group; the pages refresh when it imported."""
        from ui.dialogs.chat_import_dialog import ChatImportDialog

        dialog = ChatImportDialog(self._database, self._actor, self.current_group_id(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.chat_import_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_taxonomy(self):
        from ui.dialogs.taxonomy_dialog import TaxonomyDialog

        dialog = TaxonomyDialog(self._database, self._actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.taxonomy_dialog = dialog
        dialog.open()
        return dialog

    def open_audit_log(self):
        from ui.dialogs.audit_dialog import AuditDialog

        dialog = AuditDialog(self._database, self._actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.audit_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def open_operators(self):
        from ui.dialogs.operators_dialog import OperatorsDialog

        dialog = OperatorsDialog(self._database, self._actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.switch_requested.connect(self.set_actor)
        self.operators_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def switch_operator(self):
        from ui.dialogs.operators_dialog import SwitchOperatorDialog

        dialog = SwitchOperatorDialog(self._database, self._actor, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.actor_chosen.connect(self.set_actor)
        self.switch_dialog = dialog
        dialog.open()
        return dialog

    @property
    def actor(self) -> Actor:
        return self._actor

    @Slot(object)
    def set_actor(self, actor: Actor) -> None:
        """Work for another operator from now on: the status bar, the menus and every page follow. A page with
        `set_actor(actor)` is told; any other page is built again for the new operator (its buttons were
        enabled for the old one)."""
        self._actor = actor
        self.operator_label.setText(self.tr("Operator: %1").replace("%1", operator_text(actor.name, actor.role)))
        self._update_actions()
        for key, page in list(self.pages.items()):
            if hasattr(page, "set_actor"):
                page.set_actor(actor)
            elif not isinstance(page, PlaceholderPage):
                self._rebuild_page(key)
        self.actor_changed.emit(actor)

    def _rebuild_page(self, key: str) -> None:
        self._build_page(key)

    # ---- group context menu ----
    @staticmethod
    def group_profile_available() -> bool:
        return importlib.util.find_spec(GROUP_PROFILE_MODULE) is not None

    def group_context_menu(self, group_id: int | None) -> QMenu:
        """The context menu of a group in the list (built for tests without showing it)."""
        menu = QMenu(self)
        profile = menu.addAction(self.tr("Group profile…"))
        profile.setObjectName("groupProfileAction")
        profile.setVisible(group_id is not None and self.group_profile_available())
        profile.triggered.connect(lambda: self.open_group_profile(group_id))
        import_action = menu.addAction(self.tr("Import into this group…") if group_id else self.tr("Import…"))
        import_action.setEnabled(self.import_action.isEnabled())
        import_action.triggered.connect(self.open_import)
        undo_import = menu.addAction(self.tr("Undo the last import…"))
        undo_import.setObjectName("undoImportAction")
        undo_import.setVisible(group_id is not None)
        undo_import.triggered.connect(lambda: self.undo_last_import(group_id))
        if allowed(self._actor, "edit_groups"):
            menu.addSeparator()
            menu.addAction(self.new_group_action)
        return menu

    @Slot(QPoint)
    def _on_group_context_menu(self, pos: QPoint) -> None:
        index = self.group_view.indexAt(pos)
        group_id = self.group_model.item(index.row(), 0).data(GroupIdRole) if index.isValid() else None
        if index.isValid():
            self.group_view.setCurrentIndex(self.group_model.index(index.row(), 0))
        menu = self.group_context_menu(group_id)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.group_view.viewport().mapToGlobal(pos))

    @Slot()
    def open_group_profile(self, group_id: int | None):
        """The group's profile dialog (ui/dialogs/group_profile_dialog.py, loaded when first used)."""
        if group_id is None or not self.group_profile_available():
            return None
        module = importlib.import_module(GROUP_PROFILE_MODULE)
        dialog = module.GroupProfileDialog(self._database, self._actor, group_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.group_profile_dialog = dialog
        dialog.open()
        return dialog

    # ---- help ----
    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About QunDesk"),
            self.tr(
                "<b>QunDesk</b> %1<br>A desktop assistant for people who run WeChat and QQ groups: roster, "
                "entry steps, check-ins, points, group health and monthly Excel reports."
            ).replace("%1", app_version()),
        )

    # ---- state ----
    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            resize_to_fit(self, *DEFAULT_SIZE)
        splitter = settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        page = settings.value(PAGE_KEY)
        self.show_page(page if page in PAGE_KEYS else "roster")

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        settings.setValue(PAGE_KEY, self.current_page_key())
        settings.sync()

    @Slot(object)
    def put_restored(self, built) -> MainWindow | None:
        """A backup restored and checked beside the open workspace (Settings › Restore… › Replace the workspace,
        desktop.services.backup.RestoredBeside) takes the workspace's place: this window closes (work still running
        is asked about as at any close; "Keep working" leaves everything as it was and drops the restored copy), the
        workspace file is kept aside (NAME.before-restore-….sqlite, with its -wal), the restored file put in its
        place, and a new window opens on it, for the same operator when the backup has them (else the sign-in). A
        failed swap (another program has the file open) reopens the workspace as it was and says why. Returns the
        new window (None: nothing changed)."""
        from desktop.services.backup import discard_restored, put_in_place
        from desktop.workspace import open_workspace, workspace_file

        file = workspace_file(self._database)
        app = QApplication.instance()
        quit_on_last = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # the window closes before its successor opens
        try:
            if file is None or not self.close():  # "Keep working": the workspace stays, the restored copy goes
                discard_restored(built.file)
                page = dict.get(self.pages, "settings")  # (built: the question came from it)
                if page is not None:
                    page.say_not_restored()
                return None
            self._database.dispose()
            try:
                kept = put_in_place(built.file, file)
                problem = None
            except QunDeskError as exc:
                kept, problem = None, exc
            finally:
                discard_restored(built.file)
            database = open_workspace(file)
            from ui.app import _sign_in

            try:
                actor = _sign_in(database, self._actor.name)
            except QunDeskError:  # no operator of that name in the backup (a sync copy, renamed since): its owner
                actor = _sign_in(database, None)
            if actor is None:  # the sign-in was cancelled: the restored workspace stays in place, QunDesk ends
                database.dispose()
                app.quit()
                return None
            window = MainWindow(database, actor)
            window.show()
            self._replacement = window
            self.reopened.emit(window, database)
            if problem is not None:
                show_error(window, problem)
            else:
                QMessageBox.information(
                    window,
                    self.tr("QunDesk"),
                    self.tr("The backup is restored into %1. The workspace as it was is kept as %2.")
                    .replace("%1", str(file))
                    .replace("%2", str(kept)),
                )
            return window
        finally:
            app.setQuitOnLastWindowClosed(quit_on_last)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Work still running (an export, a backup, a re-computation) is never cut off by the process ending: the
        user chooses between letting it go on and stopping it — then it is cancelled (rolled back, no file left)
        and the window closes once it has ended."""
        from ui.task_runner import running_tasks, stop_tasks

        working = running_tasks(self)
        if working and not self.confirm_close_while_working(working):
            event.ignore()
            return
        finished: list[str] = []
        if working or running_tasks(self, quiet=True):
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                stop_tasks(self, finished=finished)
            finally:
                QApplication.restoreOverrideCursor()
        if finished:  # the user chose to stop them: one that completed all the same is not silently taken for stopped
            self.tell_finished_anyway(list(dict.fromkeys(finished)))
        self.save_state()
        super().closeEvent(event)

    def _ask_close_while_working(self, working: list[str]) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("QunDesk"))
        box.setText(self.tr("QunDesk is still working: %1.").replace("%1", ", ".join(dict.fromkeys(working))))
        box.setInformativeText(self.tr("Stop it and close? What it has not finished is not written."))
        stop = box.addButton(self.tr("Stop and close"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is stop

    def _say_finished_anyway(self, finished: list[str]) -> None:
        QMessageBox.information(
            self,
            self.tr("QunDesk"),
            self.tr("Finished before it could be stopped: %1. It was completed and written, not cancelled.").replace(
                "%1", ", ".join(finished)
            ),
        )


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("qundesk")
    except PackageNotFoundError:
        return "dev"
