"""MemberPanel: the right-hand panel of the Roster page for one membership — who they are (status, tier,
roles, coloured tags), points and level, who brought them and whom they brought, their entry steps, and a
timeline of everything that happened (newest first, a coloured dot per kind), with Edit, Mark left,
Blacklist and Merge. Reads through desktop.services (short sessions), holds only frozen rows."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import NotFound
from desktop.services.members import TimelineEvent, member_timeline
from desktop.services.merge_undo import newest_merge, undo_merge
from desktop.services.onboarding import leave_group, record_step, undo_step
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.services.roster import LeaveSpan, MemberInput, get_member_input, leaves_of
from desktop.services.roster_queries import MemberPanelData, member_panel_data
from desktop.services.texts import PasteText, welcome_text
from ui.dialogs.prompt_dialog import PromptDialog
from ui.dialogs.step_record_dialog import StepRecordDialog
from ui.messages import default_name, list_text, localise_message
from ui.models.roster_table_model import STATUS_COLORS, status_label
from ui.operations import run_write
from ui.widgets.paste_text_button import PasteTextButton

Index = QModelIndex | QPersistentModelIndex

# ---- timeline kinds: how to add one: a colour and a label here (member_timeline names the kinds)
KIND_COLORS: dict[str, str] = {
    "step": "#2563EB",
    "checkin": "#16A34A",
    "activity": "#7C3AED",
    "points": "#D97706",
    "violation": "#DC2626",
    "contribution": "#0891B2",
    "leave": "#64748B",
    "note": "#64748B",
    "joined": "#15803D",
    "left": "#9CA3AF",
    "messages": "#0EA5E9",
    "application": "#A16207",
}
KIND_LABELS: dict[str, str] = {
    "step": QT_TRANSLATE_NOOP("TimelineKind", "Entry steps"),
    "checkin": QT_TRANSLATE_NOOP("TimelineKind", "Check-ins"),
    "activity": QT_TRANSLATE_NOOP("TimelineKind", "Activities"),
    "points": QT_TRANSLATE_NOOP("TimelineKind", "Points"),
    "violation": QT_TRANSLATE_NOOP("TimelineKind", "Violations"),
    "contribution": QT_TRANSLATE_NOOP("TimelineKind", "Contributions"),
    "leave": QT_TRANSLATE_NOOP("TimelineKind", "Leave"),
    "joined": QT_TRANSLATE_NOOP("TimelineKind", "Joining and leaving"),
    "messages": QT_TRANSLATE_NOOP("TimelineKind", "Chat messages"),
    "application": QT_TRANSLATE_NOOP("TimelineKind", "Applications"),
}
_DOT_CACHE: dict[str, QIcon] = {}


def kind_label(kind: str) -> str:
    source = KIND_LABELS.get("joined" if kind == "left" else kind)
    return QCoreApplication.translate("TimelineKind", source) if source else kind


def dot_icon(color: str, size: int = 10) -> QIcon:
    """A filled circle in `color` (cached: one pixmap per colour)."""
    icon = _DOT_CACHE.get(color)
    if icon is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        icon = _DOT_CACHE[color] = QIcon(pixmap)
    return icon


def when_text(when: datetime) -> str:
    """2024-05-03 07:12, or just the date for day-only facts (stored at midnight)."""
    if when.hour == 0 and when.minute == 0 and when.second == 0:
        return when.strftime("%Y-%m-%d")
    return when.strftime("%Y-%m-%d %H:%M")


STEP_CHANGES = ("participation", "members")  # a step can move the status (已入群: the sidebar counts)


class TimelineModel(QAbstractListModel):
    """Timeline events (frozen TimelineEvent rows), newest first: "date  text" with a dot per kind."""

    KindRole = Qt.ItemDataRole.UserRole + 1
    EventRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[TimelineEvent] = []
        # an event's text as the operator may see it (names_shown_to: a phone in an answer, a reason, a title or a
        # name masked for an assistant); the panel sets it
        self.shown: Callable[[str | None], str | None] = lambda text: text

    def set_rows(self, rows: list[TimelineEvent]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[TimelineEvent]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ev = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{when_text(ev.when)}   {self.shown(localise_message(ev.text))}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{kind_label(ev.kind)} · {ev.when:%Y-%m-%d %H:%M}\n{self.shown(localise_message(ev.text))}"
        if role == Qt.ItemDataRole.DecorationRole:
            return dot_icon(KIND_COLORS.get(ev.kind, "#64748B"))
        if role == self.KindRole:
            return ev.kind
        if role == self.EventRole:
            return ev
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _chip(text: str, background: str, color: str = "#FFFFFF") -> str:
    return f'<span style="background-color:{background}; color:{color};">&nbsp;{html.escape(text)}&nbsp;</span>'


def _readable_on(background: str) -> str:
    """Black or white text, whichever reads better on `background`."""
    c = QColor(background)
    luminance = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    return "#111827" if luminance > 160 else "#FFFFFF"


class MemberPanel(QFrame):
    """Details and timeline of one membership. `changed` fires after a write here (the page refreshes);
    `edit_requested(membership_id)` asks the page to open its (undoable) edit dialog."""

    edit_requested = Signal(int)
    changed = Signal()
    # a mark left / blacklist done here: (membership id, its fields before, its leaves before) — the roster puts it
    # on its undo stack as an edit (a wrong person marked left had no Undo, only the member dialog)
    left_marked = Signal(int, object, object)

    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("memberPanel")
        self._database = database
        self._actor = actor
        self._membership_id: int | None = None
        self._events: list[TimelineEvent] = []
        self.data: MemberPanelData | None = None
        self.active_prompt: PromptDialog | None = None
        self.active_merge_dialog = None
        self.step_record_dialog: StepRecordDialog | None = None  # the last one opened (tests drive it)
        self._build()
        self._show_empty()

    # ---- building ----
    def _build(self) -> None:
        self.setStyleSheet(
            "QFrame#memberPanel { background: #FFFFFF; border: 1px solid #E5E7EB; border-radius: 6px; }"
            "QLabel#panelName { font-size: 17px; font-weight: bold; color: #111827; }"
            "QLabel#panelMuted { color: #6B7280; }"
        )
        self.empty_label = QLabel(self.tr("Select one member to see their details and timeline."))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._undoable_merge: int | None = None  # the newest merge into the person shown that can be undone
        self._merge_blocked: str | None = None  # why the newest merge into them cannot be undone any more
        self.details = QWidget()  # filled by _build_details when a member is first shown
        self._details_built = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.details, 1)
        self.setMinimumWidth(300)

    def _build_details(self) -> None:
        """The details, the timeline, the entry steps and the buttons: built when a member is first shown. The
        window starts with the panel's hint alone (its 48 widgets cost the start ~15 ms at every launch)."""
        if self._details_built:
            return
        self._details_built = True
        self.name_label = QLabel()
        self.name_label.setObjectName("panelName")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("panelMuted")
        self.subtitle_label.setWordWrap(True)
        self.chips_label = QLabel()
        self.chips_label.setWordWrap(True)
        self.chips_label.setTextFormat(Qt.TextFormat.RichText)
        self.tags_label = QLabel()
        self.tags_label.setWordWrap(True)
        self.tags_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label = QLabel()
        self.steps_label.setWordWrap(True)
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("timelineFilter")
        self.kind_combo.addItem(self.tr("Everything"), None)
        for kind in KIND_LABELS:
            self.kind_combo.addItem(dot_icon(KIND_COLORS[kind]), kind_label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._apply_timeline_filter)
        self.kind_combo.setToolTip(self.tr("Show only one kind of event"))

        self.timeline_model = TimelineModel(self)
        self.timeline_model.shown = lambda text: names_shown_to(self._actor)(text)  # the operator signed in now
        self.timeline_view = QListView()
        self.timeline_view.setObjectName("timelineList")
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.setUniformItemSizes(True)
        self.timeline_view.setIconSize(QSize(10, 10))
        self.timeline_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.timeline_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline_view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.timeline_empty = QLabel(self.tr("Nothing recorded yet."))
        self.timeline_empty.setObjectName("panelMuted")

        timeline_page = QWidget()
        tl = QVBoxLayout(timeline_page)
        tl.setContentsMargins(6, 8, 6, 6)
        tl.setSpacing(6)
        # The filter sits above the list, not in the tab bar's corner: there it left the tabs too little room
        # (scroll arrows at 1440 wide) and its width changed with the language.
        tl.addWidget(self.kind_combo)
        tl.addWidget(self.timeline_empty)
        tl.addWidget(self.timeline_view, 1)
        steps_scroll = QScrollArea()
        steps_scroll.setWidgetResizable(True)
        steps_scroll.setFrameShape(QFrame.Shape.NoFrame)
        steps_holder = QWidget()
        sl = QVBoxLayout(steps_holder)
        sl.setContentsMargins(8, 8, 8, 8)
        sl.addWidget(self.steps_label)
        self.steps_list = QListWidget()
        self.steps_list.setObjectName("panelSteps")
        self.steps_list.itemChanged.connect(self._on_step_toggled)
        self.steps_list.itemClicked.connect(self._on_step_clicked)  # on the name: what was recorded
        self.steps_list.itemActivated.connect(self._on_step_clicked)  # Enter or double-click
        sl.addWidget(self.steps_list, 1)
        steps_scroll.setWidget(steps_holder)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("panelTabs")
        self.tabs.addTab(timeline_page, self.tr("Timeline"))
        self.tabs.addTab(steps_scroll, self.tr("Entry steps"))
        self.tabs.setUsesScrollButtons(False)  # two short tabs always fit

        self.edit_button = QPushButton(self.tr("Edit"))
        self.leave_button = QPushButton(self.tr("Mark left…"))
        self.blacklist_button = QPushButton(self.tr("Blacklist…"))
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.edit_button.clicked.connect(self._on_edit)
        self.leave_button.clicked.connect(self.mark_left)
        self.blacklist_button.clicked.connect(self.blacklist)
        self.merge_button.clicked.connect(self.open_merge)
        self.leave_button.setToolTip(self.tr("Record that this member left the group (a reason is kept)"))
        self.blacklist_button.setToolTip(
            self.tr("Block this person in this group; adding them again will warn (owner or admin)")
        )
        self.merge_button.setToolTip(self.tr("Merge this person with a duplicate record (owner or admin)"))
        # the newest merge into this person: undone while nothing changed since, else it says why not and what to do
        self.unmerge_button = QPushButton(self.tr("Undo merge…"))
        self.unmerge_button.setObjectName("unmergeButton")
        self.unmerge_button.setToolTip(
            self.tr("Separate the record merged into this person again, as both were before the merge")
        )
        self.unmerge_button.clicked.connect(self.undo_last_merge)
        self.merge_note = QLabel()
        self.merge_note.setObjectName("mergeNote")
        self.merge_note.setWordWrap(True)
        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setHorizontalSpacing(6)
        buttons.setVerticalSpacing(6)
        buttons.addWidget(self.edit_button, 0, 0)
        buttons.addWidget(self.leave_button, 0, 1)
        buttons.addWidget(self.blacklist_button, 1, 0)
        buttons.addWidget(self.merge_button, 1, 1)
        self.welcome_button = PasteTextButton(self.tr("Copy welcome"), self.tr("Welcome"), self)
        self.welcome_button.setObjectName("panelWelcomeButton")
        self.welcome_button.setToolTip(
            self.tr(
                "Copy a welcome for this member to post in the group: the goal, rules, joining notice and the "
                "entry steps still to do; the arrow opens a preview"
            )
        )
        self.welcome_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.welcome_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.welcome_button.provider = self.welcome_paste_text
        buttons.addWidget(self.welcome_button, 2, 0, 1, 2)
        buttons.addWidget(self.unmerge_button, 3, 0, 1, 2)
        self.unmerge_button.hide()
        buttons.addWidget(self.merge_note, 4, 0, 1, 2)
        self.merge_note.hide()

        dl = QVBoxLayout(self.details)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.setSpacing(6)
        dl.addWidget(self.name_label)
        dl.addWidget(self.subtitle_label)
        dl.addWidget(self.chips_label)
        dl.addWidget(self.tags_label)
        dl.addWidget(self.facts_label)
        dl.addWidget(self.tabs, 1)
        dl.addLayout(buttons)

    # ---- state ----
    @property
    def actor(self) -> Actor:
        return self._actor

    @actor.setter
    def actor(self, actor: Actor) -> None:
        if actor != self._actor:
            self._actor = actor
            self._update_buttons()

    @property
    def membership_id(self) -> int | None:
        return self._membership_id

    def set_membership(self, membership_id: int | None) -> None:
        """Show this membership (None: the empty state). Reloads even when it is already shown."""
        self._membership_id = membership_id
        self.reload()

    def reload(self) -> None:
        if self._membership_id is None:
            self._show_empty()
            return
        try:
            with self._database.session() as session:
                data = member_panel_data(session, self._membership_id)
                events = member_timeline(session, self._membership_id)
                newest = newest_merge(session, data.member_id) if allowed(self._actor, "merge_members") else None
        except NotFound:
            self._membership_id = None
            self._show_empty()
            return
        self.data = data
        self._events = events
        self._undoable_merge = newest[0] if newest is not None and newest[1] is None else None
        self._merge_blocked = newest[1] if newest is not None else None
        self._build_details()
        self._fill(data)
        self._apply_timeline_filter()
        self.empty_label.hide()
        self.details.show()
        self._update_buttons()

    def _show_empty(self) -> None:
        self.data = None
        self._events = []
        if self._details_built:
            self.timeline_model.set_rows([])
        self.details.hide()
        self.empty_label.show()

    # ---- filling ----
    def _fill(self, d: MemberPanelData) -> None:
        # a phone written into a name, nickname, reason, answer or note masked for an assistant, as the roster's
        # columns and the member dialog show it them (names_shown_to); whole for an owner or admin
        shown = names_shown_to(self._actor)
        name = (shown(d.display_name) or "") + ("  ★" if d.seed_user else "")
        self.name_label.setText(name)
        self.name_label.setToolTip(self.tr("Seed user") if d.seed_user else "")
        sub = [d.group_name]
        if d.nickname:
            sub.append(self.tr("Nickname %1").replace("%1", shown(d.nickname) or ""))
        if d.group_nickname and d.group_nickname != d.nickname:
            sub.append(self.tr("Group nickname %1").replace("%1", shown(d.group_nickname) or ""))
        if d.deleted:
            sub.append(self.tr("Deleted"))
        self.subtitle_label.setText(" · ".join(sub))

        chips = [_chip(status_label(d.status), STATUS_COLORS.get(d.status, "#374151"))]
        if d.tier:
            chips.append(_chip(default_name(d.tier), "#EEF2FF", "#3730A3"))
        chips += [_chip(default_name(role), "#F3F4F6", "#374151") for role in d.roles]
        if d.real_name_verified:
            chips.append(_chip(self.tr("Verified"), "#ECFDF5", "#047857"))
        self.chips_label.setText("&nbsp; ".join(chips))
        self.tags_label.setText("&nbsp; ".join(_chip(name, color, _readable_on(color)) for name, color in d.tags))
        self.tags_label.setVisible(bool(d.tags))

        facts = []
        points = self.tr("Points %1").replace("%1", f"<b>{d.points}</b>")
        if d.level:
            points += " · " + self.tr("Level %1").replace("%1", f"<b>{html.escape(default_name(d.level))}</b>")
        facts.append(points)
        if d.joined_at:
            facts.append(self.tr("Joined %1").replace("%1", d.joined_at.strftime("%Y-%m-%d")))
        elif d.applied_at:
            facts.append(self.tr("Applied %1").replace("%1", d.applied_at.strftime("%Y-%m-%d")))
        if d.left_at:
            left = self.tr("Left %1").replace("%1", d.left_at.strftime("%Y-%m-%d"))
            if d.left_reason:
                left += f" — {html.escape(shown(d.left_reason) or '')}"
            facts.append(left)
        if d.referrer is not None:
            facts.append(
                self.tr("Referred by %1").replace("%1", f"<b>{html.escape(shown(d.referrer.display_name) or '')}</b>")
            )
        if d.referred:
            brought = list_text(html.escape(shown(p.display_name) or "") for p in d.referred[:8])
            if len(d.referred) > 8:
                brought += "…"
            facts.append(self.tr("Brought in %n person(s): %1", "", len(d.referred)).replace("%1", brought))
        tips = []
        purpose, note = shown(d.purpose), shown(d.note)
        if purpose:
            facts.append(self.tr("Purpose: %1").replace("%1", html.escape(_short(purpose))))
            tips.append(self.tr("Purpose: %1").replace("%1", purpose))
        if note:
            facts.append(self.tr("Note: %1").replace("%1", html.escape(_short(note))))
            tips.append(self.tr("Note: %1").replace("%1", note))
        self.facts_label.setText("<br>".join(facts))
        self.facts_label.setToolTip("\n".join(tips))

        self._filling_steps = True
        # the step the keyboard is on stays current through the rebuild: reset to the first row, a second Space (a
        # double press) recorded 进群目的问答 — a step the person had not done — after ticking 自我介绍
        current = self.steps_list.currentItem()
        current_step = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.steps_list.clear()
        can_record = allowed(self._actor, "record_participation") and d.status not in ("left", "removed", "blacklisted")
        for st in d.steps:
            text = st.name
            if st.done_at is not None:
                text += f"  {st.done_at:%Y-%m-%d}"
                if st.answer:  # masked before it is cut short: a cut number would no longer read as one
                    text += f"  “{_short(shown(st.answer) or '', 24)}”"
            elif not st.required:
                text += f"  ({self.tr('optional')})"
            if st.retired:
                text += f"  ({self.tr('retired')})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, st.step_id)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            if can_record and not st.retired:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if st.done_at is not None else Qt.CheckState.Unchecked)
            if st.done_at is not None:
                tip = [shown(st.answer) or ""] if st.answer else []
                item.setToolTip("\n".join([*tip, self.tr("Click the name to see or change what was recorded")]))
            self.steps_list.addItem(item)
            if st.step_id == current_step:
                self.steps_list.setCurrentItem(item)
        self._filling_steps = False
        hint = (
            self.tr(
                "Tick a step (click or Space) to record it now; untick to undo; click a done step's name to see "
                "or change its answer."
            )
            if d.steps
            else self.tr("This group has no entry steps.")
        )
        # a member (已入群) added by hand, imported or back again with required steps unticked: an unticked list
        # read as a newcomer who had not finished (the 入群进度 sheet says the same: report "progress.none_recorded")
        if d.status == "active" and any(st.required and not st.retired and st.done_at is None for st in d.steps):
            hint = (
                self.tr(
                    "Already a member: let in without these steps recorded. Ticking one records it; the status stays."
                )
                + " "
                + hint
            )
        self.steps_label.setText(hint)
        live = [st for st in d.steps if not st.retired]
        done = sum(1 for st in live if st.done_at is not None)
        self.tabs.setTabText(1, self.tr("Entry steps %1/%2").replace("%1", str(done)).replace("%2", str(len(live))))

    @Slot()
    @Slot(QListWidgetItem)
    def _on_step_toggled(self, item: QListWidgetItem) -> None:
        """One click or one key records a step (status moves by itself) or undoes it."""
        if getattr(self, "_filling_steps", False) or self.membership_id is None:
            return
        step_id = item.data(Qt.ItemDataRole.UserRole)
        write = record_step if item.checkState() == Qt.CheckState.Checked else undo_step
        run_write(self, self._database, write, self._actor, self.membership_id, step_id, changes=STEP_CHANGES)
        self._step_toggled = True  # the click that ticked it is not a click on the name
        QTimer.singleShot(0, self._after_step_change)  # the list is rebuilt after this item's signal returns

    def _after_step_change(self) -> None:
        self._step_toggled = False
        self.reload()
        self.changed.emit()

    @Slot(QListWidgetItem)
    def _on_step_clicked(self, item: QListWidgetItem) -> None:
        """A click on a done step's name shows what was recorded (the answer, when, by whom) to change it."""
        if getattr(self, "_step_toggled", False) or self.membership_id is None:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self.show_step_record(item.data(Qt.ItemDataRole.UserRole))

    def show_step_record(self, step_id: int) -> StepRecordDialog | None:
        if self.membership_id is None:
            return None
        dialog = StepRecordDialog(self._database, self._actor, self.membership_id, step_id, self)
        dialog.changed.connect(self._after_step_change)
        dialog.remove_requested.connect(self._on_step_record_remove)
        dialog.finished.connect(dialog.deleteLater)
        self.step_record_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int, int)
    def _on_step_record_remove(self, membership_id: int, step_id: int) -> None:
        run_write(self, self._database, undo_step, self._actor, membership_id, step_id, changes=STEP_CHANGES)
        self._after_step_change()

    def _apply_timeline_filter(self) -> None:
        kind = self.kind_combo.currentData()
        if kind is None:
            rows = self._events
        elif kind == "joined":
            rows = [e for e in self._events if e.kind in ("joined", "left")]
        else:
            rows = [e for e in self._events if e.kind == kind]
        self.timeline_model.set_rows(rows)
        self.timeline_empty.setVisible(not rows)

    def welcome_paste_text(self) -> PasteText | None:
        if self._membership_id is None:
            return None
        with self._database.session() as session:
            return welcome_text(session, self._membership_id)

    def _update_buttons(self) -> None:
        if not self._details_built:
            return
        d = self.data
        present = d is not None and not d.deleted
        staying = present and d.status in ("applicant", "onboarding", "active")
        self.welcome_button.setEnabled(staying)
        self.edit_button.setEnabled(present and allowed(self._actor, "edit_members"))
        self.leave_button.setEnabled(staying and allowed(self._actor, "record_participation"))
        self.blacklist_button.setEnabled(
            present and d.status != "blacklisted" and allowed(self._actor, "delete_members")
        )
        self.merge_button.setEnabled(present and allowed(self._actor, "merge_members"))
        self.unmerge_button.setVisible(present and self._undoable_merge is not None)
        # a merge that can no longer be undone says so, and what to do instead (the button alone just went away)
        self.merge_note.setText(localise_message(self._merge_blocked) if self._merge_blocked else "")
        self.merge_note.setVisible(present and bool(self._merge_blocked))

    # ---- for tests ----
    def timeline_texts(self) -> list[str]:
        """What the list shows after the date, in the UI language."""
        return [self.timeline_model.shown(localise_message(e.text)) or "" for e in self._shown_events()]

    def timeline_kinds(self) -> list[str]:
        return [e.kind for e in self._shown_events()]

    def _shown_events(self) -> list[TimelineEvent]:
        return self.timeline_model.rows() if self._details_built else []

    # ---- actions ----
    @Slot()
    def _on_edit(self) -> None:
        if self._membership_id is not None:
            self.edit_requested.emit(self._membership_id)

    @Slot()
    def mark_left(self) -> PromptDialog | None:
        """Ask for the reason (required), then mark the membership 已退群."""
        return self._ask_leave(
            "left",
            self.tr("Mark as left"),
            self.tr("Why did %1 leave? The reason is kept with their history."),
            self.tr("Mark left"),
        )

    @Slot()
    def undo_last_merge(self) -> bool:
        """Ask, then undo the newest merge into this person (merge_undo.undo_merge: refused, saying why, when a
        record changed since)."""
        d, merge_id = self.data, self._undoable_merge
        if d is None or merge_id is None:
            return False
        if not self.confirm_unmerge(d.display_name):
            return False
        done = run_write(
            self,
            self._database,
            undo_merge,
            self._actor,
            merge_id,
            changes=("members", "participation", "points", "taxonomy"),
        )
        self.reload()
        self.changed.emit()
        return bool(done)

    def confirm_unmerge(self, name: str) -> bool:
        """The question before an undo of a merge (tests replace it)."""
        answer = QMessageBox.question(
            self,
            self.tr("Undo merge"),
            self.tr(
                "Separate the record last merged into %1 again? Both become as they were before the merge: their"
                " check-ins, points and answers go back to each."
            ).replace("%1", name),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def blacklist(self) -> PromptDialog | None:
        return self._ask_leave(
            "blacklisted",
            self.tr("Blacklist"),
            self.tr("Why is %1 blacklisted? Adding them to this group again will show a warning."),
            self.tr("Blacklist"),
        )

    def _ask_leave(self, status: str, title: str, label: str, ok_text: str) -> PromptDialog | None:
        d = self.data
        if d is None:
            return None
        dialog = PromptDialog(
            title,
            label.replace("%1", names_shown_to(self._actor)(d.display_name) or ""),  # as the panel shows the name
            placeholder=self.tr("Reason (required)"),
            ok_text=ok_text,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        membership_id = d.membership_id
        dialog.accepted.connect(lambda: self._leave(membership_id, status, dialog.value()))
        dialog.destroyed.connect(self._forget_prompt)
        self.active_prompt = dialog
        dialog.open()
        return dialog

    @Slot()
    def _forget_prompt(self) -> None:
        self.active_prompt = None

    def _leave(self, membership_id: int, status: str, reason: str) -> None:

        def leave(session) -> tuple[MemberInput, list[LeaveSpan]]:
            before = get_member_input(session, membership_id), leaves_of(session, membership_id)
            leave_group(session, self._actor, membership_id, reason, status=status)
            return before

        done = run_write(self, self._database, leave, changes=("members",))
        if not done:
            return
        self.reload()
        self.changed.emit()
        self.left_marked.emit(membership_id, *done.value)

    @Slot()
    def open_merge(self):
        """Open the merge dialog for this person (owner or admin)."""
        from ui.dialogs.merge_dialog import MergeDialog

        d = self.data
        if d is None or not allowed(self._actor, "merge_members"):
            return None
        dialog = MergeDialog(self._database, self._actor, d.member_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self._on_merged)
        dialog.destroyed.connect(self._forget_merge)
        self.active_merge_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _forget_merge(self) -> None:
        self.active_merge_dialog = None

    @Slot(int)
    def _on_merged(self, _kept_member_id: int) -> None:
        self.reload()  # the shown membership may have been folded into the kept person's
        self.changed.emit()
