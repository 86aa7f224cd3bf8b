"""DashboardPage: community health (PRODUCT §3.4) for the selected group — KPI cards, charts, role coverage,
top referrers and the alerts, with the zombie-group alert as a banner — or, for "all groups", one row per
group in risk order with totals. Every figure comes from desktop.health / desktop.metrics (the functions
`qundesk stats` uses); they are computed off the UI thread (TaskRunner) and the overview fills in group by
group, so the page paints at once even on a large workspace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from queue import Empty, SimpleQueue
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QLocale,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QHideEvent, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.health import (
    STRUCTURE_TARGET,
    Alert,
    GroupHealth,
    capacity_share,
    group_health,
    structure_target_label,
)
from desktop.metrics import previous_month
from desktop.services.chat_queries import SpeakerRow, messages_per_day, speaking_leaderboard
from desktop.services.dashboard_queries import GroupOverview, group_overview, overview_totals
from desktop.services.groups import list_groups, people_at_end
from desktop.services.onboarding import funnel_with_conversion
from desktop.services.operators import Actor, names_shown_to
from desktop.services.texts import PasteText, summary_text
from desktop.settings import rules_at
from desktop.tasks import Progress
from models import clock
from ui.charts import ACCENT, TARGET, BarChartView
from ui.dialogs.alert_members_dialog import AlertMembersDialog
from ui.messages import default_name, list_text, localise_message, members_text, people_text, show_error
from ui.models.group_overview_model import COL_NAME, GroupOverviewModel
from ui.pages.group_page import GroupPage
from ui.task_runner import TaskRunner
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.paste_text_button import PasteTextButton

# Alert kinds in the order they are listed (the most urgent first), with their labels.
ALERT_KINDS: dict[str, str] = {
    "zombie_group": QT_TRANSLATE_NOOP("AlertKind", "Zombie group"),
    "capacity": QT_TRANSLATE_NOOP("AlertKind", "Capacity"),
    "repeat_violator": QT_TRANSLATE_NOOP("AlertKind", "Repeat violators"),
    "stalled_onboarding": QT_TRANSLATE_NOOP("AlertKind", "Stalled onboarding"),
    "silent_newcomer": QT_TRANSLATE_NOOP("AlertKind", "Silent newcomers"),
    "dormant": QT_TRANSLATE_NOOP("AlertKind", "Dormant members"),
}
NBSP = "\u00a0"  # a no-break space: words that must stay on one line
MEMBER_ALERT_KINDS = ("repeat_violator", "stalled_onboarding", "silent_newcomer", "dormant")

# The member structure's buckets and their labels; their targets are the tiers' (GroupHealth.structure_target).
STRUCTURE_BUCKETS: tuple[tuple[str, str], ...] = (
    ("key", QT_TRANSLATE_NOOP("DashboardPage", "Key")),
    ("mid", QT_TRANSLATE_NOOP("DashboardPage", "Mid")),
    ("ordinary", QT_TRANSLATE_NOOP("DashboardPage", "Ordinary")),
    ("unset", QT_TRANSLATE_NOOP("DashboardPage", "Not set")),
)

GOOD, WARN, BAD = "good", "warn", "bad"
WARN_COLOR, BAD_COLOR = "#C2410C", "#B91C1C"

PAGE_STYLE = """
#dashboardPage, #dashboardContent, #dashboardOverview { background: #FFFFFF; }
#dashboardScroll { background: #FFFFFF; border: none; }
#dashboardTitle { font-size: 18px; font-weight: bold; color: #111827; }
#kpiCard { background: #F9FAFB; border: 1px solid #E5E7EB; border-radius: 8px; }
#kpiCard[clickable="true"]:hover, #kpiCard[clickable="true"]:focus { border-color: #2563EB; background: #F5F8FF; }
#kpiTitle { color: #6B7280; }
#kpiValue { font-size: 20px; font-weight: bold; color: #111827; }
#kpiValue[tone="good"], #kpiSub[tone="good"] { color: #15803D; }
#kpiValue[tone="warn"], #kpiSub[tone="warn"] { color: #C2410C; }
#kpiValue[tone="bad"], #kpiSub[tone="bad"] { color: #B91C1C; }
#kpiSub { color: #6B7280; }
#dashCard { background: #FFFFFF; border: 1px solid #E5E7EB; border-radius: 8px; }
#cardTitle { font-weight: bold; color: #374151; }
#cardText { color: #374151; }
#cardText[tone="warn"] { color: #C2410C; font-weight: bold; }
#cardText[tone="good"] { color: #15803D; }
#cardHint { color: #6B7280; }
#zombieBanner { background: #FEF2F2; border: 1px solid #FCA5A5; border-radius: 8px; }
#zombieBanner QLabel { color: #991B1B; background: transparent; }
#zombieTitle { font-weight: bold; }
#alertTable { border: none; }
#busyBar { max-height: 6px; min-width: 90px; max-width: 90px; }
"""


def _restyle(widget: QWidget, tone: str) -> None:
    """Set the `tone` property the page style sheet colours by, and re-apply the style."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _pct(x: float, digits: int = 1) -> str:
    return f"{x * 100:.{digits}f}%"


# ---- work done off the UI thread (plain data in, plain data out) ----


@dataclass(frozen=True)
class HealthResult:
    key: tuple[int | None, date]
    health: GroupHealth
    funnel: tuple[tuple[str, int, float | None], ...]
    warn_share: float
    messages_daily: tuple[tuple[date, int], ...] = ()  # chat messages per day of the month (chat imports)
    speakers: tuple[SpeakerRow, ...] = ()  # who spoke most in the last 30 days
    zombie_share: float = 0.10  # the setting zombie_active_share: under it, the 7-day active share is a zombie sign


@dataclass(frozen=True)
class OverviewResult:
    key: tuple[int | None, date]
    rows: tuple[GroupOverview, ...]
    warn_share: float
    people: int = 0  # distinct people among the rows' members (a person in two groups is two of their members)


def health_task(progress: Progress, *, database, group_id: int, as_of: date) -> HealthResult:
    progress.step(0, 1)
    with database.session() as session:
        health = group_health(session, group_id, as_of=as_of)
        funnel = tuple(funnel_with_conversion(session, group_id))
        # the rules of the day shown (a past day's: as they stood then, settings.rules_at), as its figures
        warn, zombie_share = (float(v) for v in rules_at(session, as_of, "capacity_warn_share", "zombie_active_share"))
        first = as_of.replace(day=1)
        per_day = messages_per_day(session, group_id, first, as_of)
        speakers = tuple(speaking_leaderboard(session, group_id, as_of - timedelta(days=29), as_of, limit=10))
    progress.step(1, 1)
    daily = tuple((first + timedelta(days=i), per_day.get(first + timedelta(days=i), 0)) for i in range(as_of.day))
    return HealthResult((group_id, as_of), health, funnel, warn, daily if per_day else (), speakers, zombie_share)


def overview_task(progress: Progress, *, database, as_of: date, sink: SimpleQueue) -> OverviewResult:
    """One overview row per group; each row is also put on `sink` as soon as it is ready, so the page can
    show it while the others are computed."""
    key = (None, as_of)
    with database.session() as session:
        groups = list_groups(session, today=as_of)
        warn = float(rules_at(session, as_of, "capacity_warn_share")[0])
        progress.step(0, len(groups))
        rows = []
        for i, g in enumerate(groups):
            row = group_overview(session, g.id, as_of)
            rows.append(row)
            sink.put((key, row))
            progress.step(i + 1, len(groups))
        people = people_at_end(session, as_of, [g.id for g in groups])
    return OverviewResult(key, tuple(rows), warn, people)


# ---- widgets ----


class KpiCard(QFrame):
    """A figure with its title and a line of context; clickable cards open the members behind the figure."""

    clicked = Signal()

    def __init__(self, title: str, *, clickable: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.setProperty("clickable", "true" if clickable else "false")
        self._clickable = clickable
        self.title_label = ElidedLabel(title)
        self.title_label.setObjectName("kpiTitle")
        self.value_label = QLabel("–")
        self.value_label.setObjectName("kpiValue")
        self.sub_label = ElidedLabel(" ")
        self.sub_label.setObjectName("kpiSub")
        for label in (self.title_label, self.value_label, self.sub_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            # narrow windows shorten a long line ("…") instead of pushing the whole page wider (tooltip has it all)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(96)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(1)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.sub_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_value(self, value: str, sub: str = "", *, tone: str = "", sub_tone: str = "", tip: str = "") -> None:
        self.value_label.setText(value)
        self.sub_label.setText(sub or " ")
        lines = [f"{self.title_label.text()}: {value}", *([sub] if sub else []), *([tip] if tip else [])]
        self.setToolTip("\n".join(lines))
        _restyle(self.value_label, tone)
        _restyle(self.sub_label, sub_tone)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self._clickable
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


def _card(title: str, body: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("dashCard")
    label = QLabel(title)
    label.setObjectName("cardTitle")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.setSpacing(6)
    layout.addWidget(label)
    if body is not None:
        layout.addWidget(body, 1)
    return frame, layout


def _list_card(title: str) -> tuple[QFrame, QLabel]:
    """A card holding a plain-text list (top referrers, who speaks most)."""
    label = QLabel()
    label.setObjectName("cardText")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    card, layout = _card(title)
    layout.addWidget(label)
    layout.addStretch(1)
    return card, label


class DashboardPage(GroupPage):
    reload_on_show = True  # figures change as people log check-ins elsewhere: fresh each time the page shows

    def __init__(
        self,
        database,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        runner: Any | None = None,
        today: date | None = None,
    ):
        super().__init__(database, actor, parent)
        self.setObjectName("dashboardPage")
        self.today = today  # None: the real today (tests fix it)
        self._shown = names_shown_to(actor)  # members' names as this operator may see them (a phone in them masked)
        self._wanted: tuple[int | None, date] | None = None
        self._sink: SimpleQueue = SimpleQueue()
        self.health: GroupHealth | None = None
        self.funnel: tuple[tuple[str, int, float | None], ...] = ()
        self.overview: tuple[GroupOverview, ...] = ()
        self.shown_key: tuple[int | None, date] | None = None
        self.alert_dialog: AlertMembersDialog | None = None
        self._warn_share = 0.9
        self._zombie_share = 0.10

        self.runner = runner or TaskRunner(self, show_dialog=False, quiet=True)  # the page shows its own busy indicator
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop_work)

        self.setStyleSheet(PAGE_STYLE)
        self._build()

    # ---- building ----
    def _build(self) -> None:
        self.title_label = QLabel()
        self.title_label.setObjectName("dashboardTitle")
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("hint")
        self.busy_label = QLabel(self.tr("Computing…"))
        self.busy_label.setObjectName("hint")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Compute the figures again (F5)"))
        self.refresh_button.clicked.connect(self.reload)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(self.title_label)
        head.addWidget(self.as_of_label, 0, Qt.AlignmentFlag.AlignBottom)
        head.addStretch(1)
        head.addWidget(self.busy_label)
        head.addWidget(self.busy_bar)
        self.summary_text_button = PasteTextButton(self.tr("Copy month summary"), self.tr("Month summary"), self)
        self.summary_text_button.setObjectName("summaryTextButton")
        self.summary_text_button.setToolTip(
            self.tr(
                "Copy this month's headline figures with last month's beside them, to post in the group; the "
                "arrow opens a preview or last month's summary"
            )
        )
        self.summary_text_button.provider = lambda: self.summary_paste_text(previous=False)
        self.summary_text_button.add_variant(
            self.tr("Last month's summary…"), lambda: self.summary_paste_text(previous=True)
        )
        self.summary_text_button.setVisible(False)  # a group's summary: shown once a group is chosen
        head.addWidget(self.summary_text_button)
        head.addWidget(self.refresh_button)
        self._set_busy(False)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_group_view())
        self.stack.addWidget(self._build_overview())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

        refresh = QAction(self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.triggered.connect(self.reload)
        self.addAction(refresh)

    def _build_group_view(self) -> QWidget:
        # zombie banner
        self.zombie_banner = QFrame()
        self.zombie_banner.setObjectName("zombieBanner")
        icon = QLabel("⚠")
        icon.setObjectName("zombieTitle")
        self.zombie_title = QLabel(self.tr("Zombie-group alert"))
        self.zombie_title.setObjectName("zombieTitle")
        self.zombie_reason_label = QLabel()
        self.zombie_reason_label.setWordWrap(True)
        banner = QHBoxLayout(self.zombie_banner)
        banner.setContentsMargins(14, 8, 14, 8)
        banner.setSpacing(8)
        banner.addWidget(icon)
        banner.addWidget(self.zombie_title)
        banner.addWidget(self.zombie_reason_label, 1)
        self.zombie_banner.hide()

        # KPI cards
        self.cards: dict[str, KpiCard] = {
            "members": KpiCard(self.tr("Members")),
            "active_7": KpiCard(self.tr("Active, 7 days")),
            "active_30": KpiCard(self.tr("Active, 30 days")),
            "checkin_rate": KpiCard(self.tr("Check-in rate")),
            "activities": KpiCard(self.tr("Activities")),
            "attendance": KpiCard(self.tr("Attendance rate")),
            "dormant": KpiCard(self.tr("Dormant"), clickable=True),
            "silent_newcomer": KpiCard(self.tr("Silent newcomers"), clickable=True),
            "stalled_onboarding": KpiCard(self.tr("Stalled onboarding"), clickable=True),
            "capacity": KpiCard(self.tr("Capacity")),
            "growth": KpiCard(self.tr("Joined / left")),
        }
        for kind in ("dormant", "silent_newcomer", "stalled_onboarding"):
            self.cards[kind].clicked.connect(lambda k=kind: self.open_alert_members(k))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        order = list(self.cards)
        for i, key in enumerate(order[:6]):
            grid.addWidget(self.cards[key], 0, i)
        for i, key in enumerate(order[6:]):
            grid.addWidget(self.cards[key], 1, i, 1, 2 if key == "growth" else 1)
        for c in range(6):
            grid.setColumnStretch(c, 1)

        # charts
        self.daily_chart = BarChartView()
        self.structure_chart = BarChartView()
        self.funnel_chart = BarChartView(horizontal=True)
        self.activities_chart = BarChartView()
        daily_card, _ = _card(self.tr("Daily check-ins this month"), self.daily_chart)
        structure_card, _ = _card(
            self.tr("Member structure against %1").replace("%1", structure_target_label(dict(STRUCTURE_TARGET))),
            self.structure_chart,
        )
        # the title names the targets shown: the tiers' shares (Settings), 5/20/75 by default
        self.structure_title = structure_card.findChild(QLabel, "cardTitle")
        funnel_card, _ = _card(self.tr("Entry funnel (conversion from the step before)"), self.funnel_chart)
        activities_card, _ = _card(self.tr("Activities per month"), self.activities_chart)
        for card in (daily_card, structure_card, funnel_card, activities_card):
            card.setMinimumHeight(250)
        daily_card.setMinimumHeight(300)

        # alerts
        self.alert_table = QTableWidget(0, 2)
        self.alert_table.setObjectName("alertTable")
        self.alert_table.horizontalHeader().hide()
        self.alert_table.verticalHeader().hide()
        self.alert_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.alert_table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 14)
        self.alert_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.alert_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.alert_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.alert_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.alert_table.setShowGrid(False)
        self.alert_table.setWordWrap(False)
        self.alert_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.alert_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.alert_table.cellClicked.connect(self._on_alert_clicked)
        self.alert_table.cellActivated.connect(self._on_alert_clicked)
        self.no_alerts_label = QLabel(self.tr("No alerts. The group looks healthy."))
        self.no_alerts_label.setObjectName("cardHint")
        alerts_card, alerts_layout = _card(self.tr("Alerts"), self.alert_table)
        alerts_layout.addWidget(self.no_alerts_label)
        hint = QLabel(self.tr("Click an alert to see the members."))
        hint.setObjectName("cardHint")
        alerts_layout.addWidget(hint)
        self.alerts_hint = hint

        # role coverage and referrers
        self.missing_roles_label = QLabel()
        self.missing_roles_label.setObjectName("cardText")
        self.missing_roles_label.setWordWrap(True)
        self.roles_label = QLabel()
        self.roles_label.setObjectName("cardHint")
        self.roles_label.setWordWrap(True)
        roles_card, roles_layout = _card(self.tr("Role coverage"))
        roles_layout.addWidget(self.missing_roles_label)
        roles_layout.addWidget(self.roles_label)
        roles_layout.addStretch(1)
        referrers_card, self.referrers_label = _list_card(self.tr("Top referrers"))

        row_a = QHBoxLayout()
        row_a.setSpacing(8)
        row_a.addWidget(daily_card, 3)
        row_a.addWidget(alerts_card, 2)
        row_b = QHBoxLayout()
        row_b.setSpacing(8)
        row_b.addWidget(funnel_card, 1)
        row_b.addWidget(structure_card, 1)
        row_c = QHBoxLayout()
        row_c.setSpacing(8)
        row_c.addWidget(activities_card, 1)
        row_c.addWidget(roles_card, 1)
        row_c.addWidget(referrers_card, 1)

        # who speaks (from chat-history imports)
        self.messages_chart = BarChartView()
        messages_card, self.messages_layout = _card(self.tr("Chat messages per day this month"), self.messages_chart)
        messages_card.setMinimumHeight(250)
        speakers_card, self.speakers_label = _list_card(self.tr("Who speaks most (30 days)"))
        row_d = QHBoxLayout()
        row_d.setSpacing(8)
        row_d.addWidget(messages_card, 2)
        row_d.addWidget(speakers_card, 1)
        self.chat_row = (messages_card, speakers_card)
        for card in (daily_card, alerts_card, funnel_card, structure_card, activities_card, roles_card, referrers_card):
            card.setMinimumWidth(120)

        content = QWidget()
        content.setObjectName("dashboardContent")
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 6, 8)
        box.setSpacing(10)
        box.addWidget(self.zombie_banner)
        box.addLayout(grid)
        box.addLayout(row_a)
        box.addLayout(row_b)
        box.addLayout(row_c)
        box.addLayout(row_d)
        box.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.group_view = scroll
        return scroll

    def _build_overview(self) -> QWidget:
        self.total_cards: dict[str, KpiCard] = {
            "groups": KpiCard(self.tr("Groups")),
            "members": KpiCard(self.tr("Members")),
            "active_7": KpiCard(self.tr("Active, 7 days")),
            "active_30": KpiCard(self.tr("Active, 30 days")),
            "checkin_rate": KpiCard(self.tr("Check-in rate")),
            "dormant": KpiCard(self.tr("Dormant")),
            "stalled": KpiCard(self.tr("Stalled")),  # eight cards in a row: short titles
            "zombies": KpiCard(self.tr("Zombie groups")),
        }
        totals = QGridLayout()
        totals.setHorizontalSpacing(8)
        for i, card in enumerate(self.total_cards.values()):
            totals.addWidget(card, 0, i)
            totals.setColumnStretch(i, 1)

        self.overview_model = GroupOverviewModel(self)
        self.overview_table = QTableView()
        self.overview_table.setObjectName("overviewTable")
        self.overview_table.setModel(self.overview_model)
        self.overview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overview_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overview_table.setAlternatingRowColors(True)
        self.overview_table.setShowGrid(False)
        self.overview_table.setWordWrap(False)
        self.overview_table.verticalHeader().hide()
        self.overview_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.overview_table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(84)
        header.setSortIndicatorShown(False)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._on_overview_header_clicked)

        note = QLabel(
            self.tr(
                "Riskiest groups first: zombie groups, then the lowest share of members active in the last 7 days. "
                "Click a column header to sort by it."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)

        widget = QWidget()
        widget.setObjectName("dashboardOverview")
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(totals)
        layout.addWidget(self.overview_table, 1)
        layout.addWidget(note)
        return widget

    # ---- group and loading ----
    def as_of(self) -> date:
        return self.today or clock.today()

    def summary_paste_text(self, *, previous: bool) -> PasteText | None:
        """This month's (or last month's) summary of the group, ready to paste (desktop/services/texts.py)."""
        if self._group_id is None:
            return None
        day = self.as_of()
        year, month = previous_month(day.year, day.month) if previous else (day.year, day.month)
        with self._database.session() as session:
            return summary_text(session, self._group_id, year, month, today=day)

    def group_changed(self, group_id: int | None) -> None:
        """Show one group's health (None: the overview of all groups)."""
        self.summary_text_button.setVisible(group_id is not None)
        self.stack.setCurrentIndex(0 if group_id is not None else 1)

    def load(self) -> None:
        self._wanted = (self._group_id, self.as_of())
        self.stack.setCurrentIndex(0 if self._group_id is not None else 1)
        if self.runner.running:
            self.runner.cancel()  # the finished/cancelled handler starts the wanted one
            return
        self._start()

    def _start(self) -> None:
        key = self._wanted
        if key is None:
            return
        self._set_busy(True)
        group_id, as_of = key
        if group_id is None:
            self.title_label.setText(self.tr("All groups"))
            self._sink = SimpleQueue()
            if self.shown_key != key:
                self.overview_model.clear()
            self.runner.start(overview_task, database=self._database, as_of=as_of, sink=self._sink)
        else:
            self.runner.start(health_task, database=self._database, group_id=group_id, as_of=as_of)

    def _set_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    @property
    def busy(self) -> bool:
        return self.busy_bar.isVisible()

    @Slot(int, int)
    def _on_progress(self, _done: int, _total: int) -> None:
        """Overview rows that are ready: show them now (the rest follow)."""
        while True:
            try:
                key, row = self._sink.get_nowait()
            except Empty:
                return
            if key == self._wanted and self.shown_key != key:
                self.overview_model.append_row(row)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        if not isinstance(result, HealthResult | OverviewResult) or result.key != self._wanted:
            self._start()  # the group or the day changed while computing
            return
        self._set_busy(False)
        self._warn_share = result.warn_share
        if isinstance(result, HealthResult):
            self._show_health(result)
        else:
            self._show_overview(result)
        self.shown_key = result.key

    @Slot()
    def _on_cancelled(self) -> None:
        if self._wanted is not None and self.isVisible():
            self._start()
        else:
            self._set_busy(False)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        show_error(self, message)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.runner.running:
            self.runner.cancel()  # nobody is looking: stop after the current group (showing again reloads)

    @Slot()
    def _stop_work(self) -> None:
        """Before the application quits: cancel and let the worker thread wind down (its clean-up runs on
        this thread, so pump events rather than block)."""
        if not self.runner.running:
            return
        self.runner.cancel()
        deadline = QDeadlineTimer(5_000)
        while self.runner.running and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    # ---- one group ----
    def _show_health(self, result: HealthResult) -> None:
        h = result.health
        self.health = h
        self.funnel = result.funnel
        self.title_label.setText(h.name)
        self.as_of_label.setText(self.tr("as of %1").replace("%1", h.as_of.isoformat()))
        self._show_zombie(h)
        self._zombie_share = result.zombie_share
        self._show_cards(h)
        self._show_charts(h, result.funnel)
        self._show_alerts(h)
        self._show_roles(h)
        self._show_referrers(h)
        self._show_chat(result)

    def _show_zombie(self, h: GroupHealth) -> None:
        zombie = [a for a in h.alerts if a.kind == "zombie_group"]
        self.zombie_banner.setVisible(bool(zombie))
        self.zombie_reason_label.setText(localise_message(zombie[0].reason) if zombie else "")

    def alerts_of(self, kind: str) -> list[Alert]:
        return [a for a in self.health.alerts if a.kind == kind] if self.health else []

    def _show_cards(self, h: GroupHealth) -> None:
        m, last = h.month, h.last_month
        c = self.cards
        share = (lambda n: _pct(n / h.members, 0)) if h.members else (lambda n: "–")
        c["members"].set_value(
            str(h.members),
            self.tr("Now in the group"),
            tip=self.tr("Members on %1").replace("%1", str(h.as_of)),
        )
        c["active_7"].set_value(
            str(h.active_7),
            self.tr("%1 of the members").replace("%1", share(h.active_7)),
            # red by the zombie alert's own threshold (a setting): a fixed 10% disagreed with the banner beside it;
            # and only with the banner — a group on a break (everyone on leave) or a week old is not judged
            tone=BAD if h.zombie and h.active_7_share < self._zombie_share else "",
            tip=self.tr(
                "Members with a check-in, an attended activity, a contribution or a chat message in the last 7 days"
            ),
        )
        c["active_30"].set_value(
            str(h.active_30),
            self.tr("%1 of the members").replace("%1", share(h.active_30)),
            tip=self.tr(
                "Members with a check-in, an attended activity, a contribution or a chat message in the last 30 days"
            ),
        )
        change = m.checkin_rate - last.checkin_rate
        arrow = "▲" if change > 0.0005 else "▼" if change < -0.0005 else "＝"
        if not h.last_month_recorded:  # a group set up this month: no last month to compare with (health.py)
            arrow = ""
        c["checkin_rate"].set_value(
            _pct(m.checkin_rate),
            self.tr("Last month %1 %2")
            .replace("%1", _pct(last.checkin_rate))
            .replace("%2", f"{arrow}{abs(change) * 100:.1f}")
            if arrow
            else self.tr("Last month %1").replace("%1", "–"),
            sub_tone=GOOD if arrow == "▲" else BAD if arrow == "▼" else "",
            tip=self.tr("Members' check-ins ÷ (members × days so far, leave days excepted); change in points"),
        )
        c["activities"].set_value(
            str(m.activities),
            self.tr("Last month %1").replace("%1", str(last.activities) if h.last_month_recorded else "–"),
            tip=self.tr("Activities starting this month"),
        )
        c["attendance"].set_value(
            _pct(m.attendance_rate, 0) if m.attendance_expected else "–",
            self.tr("Attended ÷ expected") if m.attendance_expected or not m.activities else self.tr("Not taken yet"),
            tip=self.tr("Attended ÷ (registered + attended + absent) for this month's activities"),
        )
        silent = len(self.alerts_of("silent_newcomer"))
        for key, n, sub in (
            ("dormant", m.dormant, self.tr("No recent participation")),
            ("silent_newcomer", silent, self.tr("Not taking part yet")),
            ("stalled_onboarding", m.stalled_onboarding, self.tr("Stuck at a step")),
        ):
            tip = self.tr("Click to see who") if n else ""
            if key == "dormant" and h.observed_since is not None:  # too few days observed for anyone to be dormant
                day = h.observed_since.isoformat()
                # the card's line is short (a 1366x768 laptop cut "Observed since 2026-10-29"): the month and day,
                # the year only when it is not this one; the tip gives the whole date
                since = day[5:] if h.observed_since.year == h.as_of.year else day
                sub = self.tr("Since %1").replace("%1", since)
                tip = self.tr(
                    "Dormant members are counted over the days QunDesk has observed this group: since %1, the day it "
                    "was set up here or the earliest history imported"
                ).replace("%1", day)
            c[key].set_value(str(n), sub, tone=WARN if n else "", tip=tip)
        used = h.members / h.capacity if h.capacity else 0.0
        tone = BAD if used > 1 else WARN if used >= self._warn_share else ""
        c["capacity"].set_value(
            f"{h.members}/{h.capacity}",
            # rounded down (health.capacity_share): 60 of 67 read "90% used" with no warning, the warning at 90%
            self.tr("%1 used").replace("%1", _pct(capacity_share(h.members, h.capacity), 0)),
            tone=tone,
            sub_tone=tone,
            tip=self.tr("A WeChat group holds at most 500 people; QunDesk warns at %1").replace(
                "%1", _pct(self._warn_share, 0)
            ),
        )
        net = m.joined - m.left
        c["growth"].set_value(
            f"+{m.joined} / −{m.left}",
            self.tr("Net %1").replace("%1", f"{net:+d}"),
            sub_tone=GOOD if net > 0 else BAD if net < 0 else "",
            tip=self.tr("Members who joined and who left this month"),
        )

    def _show_charts(self, h: GroupHealth, funnel: tuple[tuple[str, int, float | None], ...]) -> None:
        self.daily_chart.set_data(
            [str(d.day) for d, _n in h.daily_checkins],
            [(self.tr("Check-ins"), [n for _d, n in h.daily_checkins], ACCENT)],
            labels=len(h.daily_checkins) <= 12,
        )
        total = sum(h.structure.values())
        actual = [round(h.structure.get(key, 0) / total * 100) if total else 0 for key, _l in STRUCTURE_BUCKETS]
        self.structure_title.setText(
            self.tr("Member structure against %1").replace("%1", structure_target_label(h.structure_target))
        )
        self.structure_chart.set_data(
            [QCoreApplication.translate("DashboardPage", label) for _k, label in STRUCTURE_BUCKETS],
            [
                (self.tr("Actual"), actual, ACCENT),
                (self.tr("Target"), [h.structure_target.get(k, 0.0) * 100 for k, _l in STRUCTURE_BUCKETS], TARGET),
            ],
            maximum=100,
            label_format="@value%",
            axis_format="%d%%",
            legend=True,
        )
        self.structure_chart.setToolTip(
            "\n".join(f"{name}: {n}" for name, n in sorted(h.tiers.items(), key=lambda kv: -kv[1]))
        )
        # horizontal bars are drawn bottom-up: reverse so the first step is on top
        rows = list(reversed(funnel))
        self.funnel_chart.set_data(
            [default_name(name) if conv is None else f"{default_name(name)} · {conv:.0%}" for name, _n, conv in rows],
            [(self.tr("Reached"), [n for _name, n, _c in rows], ACCENT)],
        )
        self.activities_chart.set_data(
            self._month_labels(QLocale(), [ym for ym, _n in h.activities_per_month]),
            [(self.tr("Activities"), [n for _ym, n in h.activities_per_month], ACCENT)],
        )

    @staticmethod
    def _month_labels(locale: QLocale, months: list[str]) -> list[str]:
        """Short month names; when the months shown run into another year (August … January), the first bar and
        each January carry their year — "8月 … 12月 1月" read as one year, January last."""
        keys = [tuple(int(x) for x in ym.split("-")) for ym in months]
        several_years = len({y for y, _m in keys}) > 1
        names = [locale.monthName(m, QLocale.FormatType.ShortFormat) for _y, m in keys]
        # as the calendar heat-map labels its months (calendar_heatmap.month_labels): "2027 1月"
        return [
            f"{y} {name}" if several_years and (i == 0 or m == 1) else name
            for i, ((y, m), name) in enumerate(zip(keys, names, strict=True))
        ]

    def _show_alerts(self, h: GroupHealth) -> None:
        """One row per kind of alert, the most urgent first: the kind and how many, then who and why."""
        table = self.alert_table
        by_kind: dict[str, list[Alert]] = {}
        for a in h.alerts:
            by_kind.setdefault(a.kind, []).append(a)
        kinds = [k for k in ALERT_KINDS if k in by_kind] + [k for k in by_kind if k not in ALERT_KINDS]
        table.setRowCount(len(kinds))
        for row, kind in enumerate(kinds):
            alerts = by_kind[kind]
            label = QCoreApplication.translate("AlertKind", ALERT_KINDS.get(kind, kind))
            names = [self._shown(a.display_name) or "" for a in alerts if a.display_name]
            reasons = list(dict.fromkeys(self._shown(localise_message(a.reason)) or "" for a in alerts))
            why = reasons[0] if len(reasons) == 1 else reasons[0] + " …"
            if names:
                shown = list_text(names[:3])
                who = self.tr("%1 and %n more", "", len(names) - 3).replace("%1", shown) if len(names) > 3 else shown
                count = self.tr("%n member(s)", "", len(names))
                kind_text = f"{label}\n{count}"
                detail = f"{who}\n{why}"
                tip = "\n".join(names[:20]) + ("\n…" if len(names) > 20 else "")
                tip += "\n\n" + self.tr("Click to see the %n member(s)", "", len(names))
            else:
                kind_text, detail, tip = label, why, why
            kind_item = QTableWidgetItem(kind_text)
            kind_item.setData(Qt.ItemDataRole.UserRole, kind)
            font = kind_item.font()
            font.setBold(True)
            kind_item.setFont(font)
            detail_item = QTableWidgetItem(detail)
            urgent = kind in ("zombie_group", "repeat_violator") or (kind == "capacity" and h.members > h.capacity)
            for col, item in enumerate((kind_item, detail_item)):
                item.setToolTip(tip)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                if urgent or (col == 0 and kind == "capacity"):
                    item.setForeground(QColor(BAD_COLOR if urgent else WARN_COLOR))
                table.setItem(row, col, item)
        table.setVisible(bool(kinds))
        self.no_alerts_label.setVisible(not kinds)
        self.alerts_hint.setVisible(any(k in MEMBER_ALERT_KINDS for k in kinds))

    def alert_kinds_listed(self) -> list[str]:
        """The alert kinds in the Alerts list, top to bottom (for tests)."""
        return [self.alert_table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.alert_table.rowCount())]

    @Slot(int, int)
    def _on_alert_clicked(self, row: int, _column: int) -> None:
        item = self.alert_table.item(row, 0)
        if item is not None:
            self.open_alert_members(item.data(Qt.ItemDataRole.UserRole))

    def open_alert_members(self, kind: str) -> AlertMembersDialog | None:
        """The members behind an alert kind, in a dialog (nothing for group-level alerts)."""
        alerts = [a for a in self.alerts_of(kind) if a.display_name]
        if not alerts:
            return None
        if self.alert_dialog is not None:
            self.alert_dialog.close()
        title = QCoreApplication.translate("AlertKind", ALERT_KINDS.get(kind, kind))
        if self.health is not None:
            title = f"{title} · {self.health.name}"
        dialog = AlertMembersDialog(title, alerts, self, shown=self._shown)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget_dialog)
        self.alert_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _forget_dialog(self) -> None:
        self.alert_dialog = None

    def _show_chat(self, result: HealthResult) -> None:
        """Messages per day and the speaking leaderboard; a hint when no chat history was imported."""
        if result.messages_daily:
            self.messages_chart.set_data(
                [str(d.day) for d, _n in result.messages_daily],
                [(self.tr("Messages"), [n for _d, n in result.messages_daily], ACCENT)],
                labels=len(result.messages_daily) <= 12,
            )
        else:
            self.messages_chart.set_data([], [])
        if result.speakers:
            self.speakers_label.setText(
                "\n".join(
                    self.tr("%1. %2 — %n message(s)", "", s.messages)
                    .replace("%1", str(i))
                    .replace("%2", self._shown(s.display_name) or "")
                    for i, s in enumerate(result.speakers, start=1)
                )
            )
        else:
            self.speakers_label.setText(
                self.tr("No chat history imported for the last 30 days (Tools → Import a chat history…).")
            )

    def _show_roles(self, h: GroupHealth) -> None:
        if h.missing_roles:
            self.missing_roles_label.setText(
                self.tr("Missing: %1").replace("%1", list_text(default_name(r) for r in h.missing_roles))
            )
            _restyle(self.missing_roles_label, WARN)
        else:
            self.missing_roles_label.setText(self.tr("✓ Every role is covered"))
            _restyle(self.missing_roles_label, GOOD)
        # each role and its count hold together (no-break spaces): in English "Content producer 2" broke before
        # its 2, which then read as the next role's ("2 · Assistant admin 1"); lines break at the dots only
        self.roles_label.setText(
            "  ·  ".join(f"{default_name(name)} {n}".replace(" ", NBSP) for name, n in h.roles.items())
        )

    def _show_referrers(self, h: GroupHealth) -> None:
        if not h.top_referrers:
            self.referrers_label.setText(self.tr("No referrals recorded yet."))
            return
        lines = [
            self.tr("%1. %2 — brought %n member(s)", "", n).replace("%1", str(i)).replace("%2", self._shown(name) or "")
            for i, (name, n) in enumerate(h.top_referrers, start=1)
        ]
        self.referrers_label.setText("\n".join(lines))

    # ---- all groups ----
    def _show_overview(self, result: OverviewResult) -> None:
        self.overview = result.rows
        self.health = None
        self.title_label.setText(self.tr("All groups"))
        self.as_of_label.setText(self.tr("as of %1").replace("%1", result.key[1].isoformat()))
        self.overview_model.warn_share = result.warn_share
        self.overview_model.set_rows(list(result.rows))
        t = overview_totals(list(result.rows))
        c = self.total_cards
        share = (lambda n: _pct(n / t.members, 0)) if t.members else (lambda n: "–")
        c["groups"].set_value(str(t.groups))
        # the groups' members added up: a person in two groups is a member of both, and the card says so
        c["members"].set_value(
            str(t.members),
            f"{t.members}/{t.capacity}",
            tip=self.tr("%1 in all groups: %2 (someone in two groups is a member of both)")
            .replace("%1", members_text(t.members))
            .replace("%2", people_text(result.people))
            if result.people != t.members
            else "",
        )
        c["active_7"].set_value(str(t.active_7), share(t.active_7))
        c["active_30"].set_value(str(t.active_30), share(t.active_30))
        c["checkin_rate"].set_value(_pct(t.checkin_rate), self.tr("This month"))
        c["dormant"].set_value(str(t.dormant), tone=WARN if t.dormant else "")
        c["stalled"].set_value(str(t.stalled), tone=WARN if t.stalled else "")
        c["zombies"].set_value(str(t.zombies), tone=BAD if t.zombies else GOOD)

    @Slot(int)
    def _on_overview_header_clicked(self, section: int) -> None:
        model = self.overview_model
        header = self.overview_table.horizontalHeader()
        if model.sort_column == section and model.sort_order == Qt.SortOrder.DescendingOrder:
            model.sort_by_risk()  # third click: back to the risk order
            header.setSortIndicatorShown(False)
            return
        order = (
            Qt.SortOrder.DescendingOrder
            if model.sort_column == section and model.sort_order == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )
        model.sort(section, order)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(section, order)

    def overview_names(self) -> list[str]:
        """Group names in the overview table, top to bottom (for tests)."""
        m = self.overview_model
        return [m.index(r, COL_NAME).data() for r in range(m.rowCount())]
