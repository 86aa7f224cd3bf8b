"""ReportsPage: export the monthly Excel workbook (desktop.services.report) or the roster
(desktop.services.roster_export) for the groups the user ticks, off the UI thread with progress and cancel, then
open the file or its folder.

Decisions:
- The export runs through ui/task_runner.TaskRunner (progress dialog after ~0.6 s with Cancel; the page also
  shows its own Cancel button while the work runs). The writers save atomically, so Cancel or an error
  leaves no file behind and an existing target untouched.
- The month starts at the last complete month (the report of a month still running is half a report); the
  current month stays in the list. The month is not remembered: a stored month would be stale next month.
- The file name follows the choice ("<group or 全部社群>-<YYYY-MM>-月报.xlsx") until the user names the file
  themselves. It goes to the folder chosen last (Browse… or an export), else the user's Documents folder,
  never the hidden data folder; the folder and the header language are remembered in QSettings, as are the
  last exports (the "Recent exports" list).
- "Full phone numbers" is offered only to an operator with `export_unmasked`; the service checks again.
- Hooks for tests (nothing is launched, no modal box blocks): `open_url(QUrl)`, `notify_error(text)`,
  `choose_save_path(title, suggested) -> str | None`."""

from __future__ import annotations

import contextlib
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QSettings, QStandardPaths, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.services.groups import list_groups, set_up_days
from desktop.services.operators import Actor, allowed
from models import clock
from models.db import DatabaseError
from ui import file_dialogs
from ui.messages import current_language, list_text, localise_message, show_error
from ui.task_runner import TaskRunner

FOLDER_KEY = "reports/folder"
LANGUAGE_KEY = "reports/header_language"
RECENT_KEY = "reports/recent"
RECENT_LIMIT = 10
MISSING_COLOR = "#9CA3AF"  # a recent export that was moved or deleted
# the success bar's and the lists' look (local: resources/style.qss belongs to the whole window)
LIST_STYLE = (
    "QListWidget { background: #FFFFFF; border: 1px solid #D1D5DB; border-radius: 6px; padding: 2px; outline: none; }"
    " QListWidget::item { padding: 2px 4px; }"
    " QListWidget::item:selected { background: #DCE6FA; color: #1E3A8A; }"
)
DONE_BAR_STYLE = (
    "#doneBar { background: #F0FDF4; border: 1px solid #BBF7D0; border-radius: 6px; }"
    " #doneTitle { color: #166534; font-weight: bold; }"
)
MONTHS_BACK = 24  # months offered in the month list (this month first)
ALL_GROUPS_NAME = "全部社群"  # file names are Chinese like the sheet names, whatever the UI language
HEADER_LANGUAGES: tuple[tuple[str, str], ...] = (("zh_CN", "中文"), ("en", "English"))  # endonyms: not translated

GroupIdRole = Qt.ItemDataRole.UserRole + 1
PathRole = Qt.ItemDataRole.UserRole + 2

_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_part(text: str) -> str:
    """A group name fit for a file name on Windows, macOS and Linux (emoji and Chinese kept)."""
    cleaned = _UNSAFE_FILE_CHARS.sub("_", text).strip().strip(".")
    return cleaned[:60] or "社群"


def report_file_name(group_names: list[str] | None, year: int, month: int) -> str:
    """ "<group or 全部社群>-<YYYY-MM>-月报.xlsx" (several groups: "<first>等N个社群")."""
    return f"{_groups_part(group_names)}-{year:04d}-{month:02d}-月报.xlsx"


def roster_file_name(group_names: list[str] | None, day: date) -> str:
    return f"{_groups_part(group_names)}-成员名册-{day:%Y-%m-%d}.xlsx"


def _groups_part(group_names: list[str] | None) -> str:
    if not group_names:
        return ALL_GROUPS_NAME
    if len(group_names) == 1:
        return safe_file_part(group_names[0])
    return f"{safe_file_part(group_names[0])}等{len(group_names)}个社群"


def documents_folder() -> Path:
    """The user's Documents folder (QStandardPaths); the home folder where there is none (a Linux account
    without ~/Documents) — a folder the user sees either way. Nothing is created here."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    return Path(home) if home else Path.home()


def default_folder() -> Path:
    """The folder chosen last (Browse… or an export) while it exists, else Documents — never the data folder,
    which is hidden on every system and holds the workspace, not the user's files."""
    stored = QSettings().value(FOLDER_KEY)
    if stored and Path(str(stored)).is_dir():
        return Path(str(stored))
    return documents_folder()


def remember_folder(folder: Path) -> None:
    QSettings().setValue(FOLDER_KEY, str(folder))


def last_complete_month(today: date) -> tuple[int, int]:
    """The month before today's: the last one whose report has every day in it."""
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def recent_exports() -> list[str]:
    raw = QSettings().value(RECENT_KEY)
    try:
        items = json.loads(str(raw)) if raw else []
    except ValueError:
        return []
    return [str(p) for p in items if isinstance(p, str)]


def remember_export(path: Path) -> list[str]:
    items = [str(path)] + [p for p in recent_exports() if p != str(path)]
    items = items[:RECENT_LIMIT]
    QSettings().setValue(RECENT_KEY, json.dumps(items, ensure_ascii=False))
    remember_folder(path.parent)
    return items


def month_label(year: int, month: int) -> str:
    if current_language().startswith("zh"):
        return f"{year}年{month}月"
    return QLocale(QLocale.Language.English).toString(QDate(year, month, 1), "MMMM yyyy")


class ReportsPage(QWidget):
    def __init__(self, database, actor: Actor, parent: QWidget | None = None, *, runner=None):
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self._database = database
        self._actor = actor
        self._sidebar_group: int | None = None
        self._loaded = False
        self._updating = False
        self._set_up_on: dict[int, date] = {}  # each group's day it was set up here (created_at)
        self._auto_name: str | None = None  # the file name we proposed; replaced while the user keeps it
        self._job: str | None = None  # "report" | "roster" while a task runs
        self._job_path: Path | None = None
        self.last_path: Path | None = None
        self.last_error: str | None = None
        # files this page wrote, as they were right after (modified time, size): written again without asking
        self._written: dict[str, tuple[int, int]] = {}
        self._replace_agreed: str | None = None  # the existing file Browse… chose (its dialog asked)

        # hooks (tests replace them)
        self.open_url = QDesktopServices.openUrl
        self.notify_error = lambda text: show_error(self, text)
        self.choose_save_path = self._ask_save_path
        self.confirm_replace = self._ask_replace

        self.runner = runner or TaskRunner(self, title=self.tr("Exporting"), label=self.tr("Writing the workbook…"))
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self._build()
        self.set_actor(actor)

    # ---- building ----
    def _build(self) -> None:
        title = QLabel(self.tr("Reports"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(
            self.tr(
                "The monthly workbook has seven sheets: summary with charts, roster, check-in matrix, "
                "activities, points, entry progress and alerts."
            )
        )
        subtitle.setObjectName("hint")
        subtitle.setWordWrap(True)

        # ---- the monthly report ----
        self.group_list = QListWidget()
        self.group_list.setObjectName("reportGroups")
        self.group_list.setStyleSheet(LIST_STYLE)
        self.group_list.itemChanged.connect(self._on_group_item_changed)

        self.month_combo = QComboBox()
        self.month_combo.setMinimumWidth(180)
        today = clock.today()
        y, m = today.year, today.month
        for _ in range(MONTHS_BACK):
            self.month_combo.addItem(month_label(y, m), f"{y:04d}-{m:02d}")
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        self.set_month(*last_complete_month(today))
        self.month_combo.currentIndexChanged.connect(self._update_file_name)

        self.lang_combo = QComboBox()
        self.lang_combo.setMinimumWidth(180)
        for code, name in HEADER_LANGUAGES:
            self.lang_combo.addItem(name, code)
        stored_lang = self.lang_combo.findData(QSettings().value(LANGUAGE_KEY))
        self.lang_combo.setCurrentIndex(
            stored_lang if stored_lang >= 0 else 0 if current_language().startswith("zh") else 1
        )
        self.lang_combo.currentIndexChanged.connect(
            lambda: QSettings().setValue(LANGUAGE_KEY, self.lang_combo.currentData())
        )

        self.unmasked_check = QCheckBox(self.tr("Full phone numbers (not masked)"))

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("reportPath")
        self.path_edit.setMinimumWidth(360)
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.setSpacing(6)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.export_button = QPushButton(self.tr("Export monthly report"))
        self.export_button.setObjectName("primaryButton")
        self.export_button.clicked.connect(self.export_report)
        self.roster_button = QPushButton(self.tr("Export roster…"))
        self.roster_button.setToolTip(
            self.tr(
                "One row per membership with every field, a file QunDesk can import again. Phone numbers are "
                "complete for an owner or admin and masked for an assistant."
            )
        )
        self.roster_button.clicked.connect(self.export_roster)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.roster_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)

        # a month before a ticked group was set up here: its workbook's zeros were never measured (said, not hidden)
        self.month_note = QLabel()
        self.month_note.setObjectName("hint")
        self.month_note.setWordWrap(True)
        self.month_note.hide()
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        # "done" bar: what was written, with Open file / Open folder
        self.done_bar = QFrame()
        self.done_bar.setObjectName("doneBar")
        self.done_bar.setStyleSheet(DONE_BAR_STYLE)
        self.done_title = QLabel()
        self.done_title.setObjectName("doneTitle")
        self.done_label = QLabel()  # the file name (the full path in its tooltip)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_folder = QLabel()
        self.done_folder.setObjectName("hint")
        self.done_folder.setWordWrap(True)
        self.open_file_button = QPushButton(self.tr("Open file"))
        self.open_file_button.clicked.connect(lambda: self.open_file(self.last_path))
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(lambda: self.open_folder(self.last_path))
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.done_title)
        texts.addWidget(self.done_label)
        texts.addWidget(self.done_folder)
        db = QHBoxLayout(self.done_bar)
        db.setContentsMargins(12, 8, 12, 8)
        db.addLayout(texts, 1)
        db.addWidget(self.open_file_button, 0, Qt.AlignmentFlag.AlignVCenter)
        db.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.done_bar.hide()

        form_box = QGroupBox(self.tr("Monthly report"))
        form = QFormLayout(form_box)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Groups"), self.group_list)
        month_box = QVBoxLayout()  # the note under the month, no gap while hidden
        month_box.setSpacing(6)
        month_box.addWidget(self._left(self.month_combo))
        month_box.addWidget(self.month_note)
        form.addRow(self.tr("Month"), self._wrap(month_box))
        form.addRow(self.tr("Header language"), self._left(self.lang_combo))
        form.addRow(self.tr("Phone numbers"), self.unmasked_check)
        form.addRow(self.tr("Save to"), self._wrap(path_row))
        form.addRow("", self._wrap(buttons))
        feedback = QVBoxLayout()  # one row: hidden messages leave no gaps
        feedback.setSpacing(6)
        feedback.addWidget(self.status_label)
        feedback.addWidget(self.error_label)
        feedback.addWidget(self.done_bar)
        form.addRow("", self._wrap(feedback))

        # ---- recent exports ----
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentExports")
        self.recent_list.setStyleSheet(LIST_STYLE)
        self.recent_list.itemDoubleClicked.connect(lambda item: self.open_file(Path(item.data(PathRole))))
        self.recent_list.currentItemChanged.connect(self._update_recent_buttons)
        self.recent_open_button = QPushButton(self.tr("Open file"))
        self.recent_open_button.clicked.connect(self._open_recent_file)
        self.recent_folder_button = QPushButton(self.tr("Open folder"))
        self.recent_folder_button.clicked.connect(self._open_recent_folder)
        recent_buttons = QHBoxLayout()
        recent_buttons.addWidget(self.recent_open_button)
        recent_buttons.addWidget(self.recent_folder_button)
        recent_buttons.addStretch(1)
        recent_box = QGroupBox(self.tr("Recent exports"))
        rl = QVBoxLayout(recent_box)
        rl.addWidget(self.recent_list, 1)
        rl.addLayout(recent_buttons)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(form_box, 3)
        columns.addWidget(recent_box, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(columns)
        layout.addStretch(1)

    @staticmethod
    def _wrap(layout) -> QWidget:
        w = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        w.setLayout(layout)
        return w

    def _left(self, widget: QWidget) -> QWidget:
        row = QHBoxLayout()
        row.addWidget(widget)
        row.addStretch(1)
        return self._wrap(row)

    # ---- page protocol ----
    def set_actor(self, actor: Actor) -> None:
        self._actor = actor
        may = allowed(actor, "export_unmasked")
        self.unmasked_check.setEnabled(may)
        if not may:
            self.unmasked_check.setChecked(False)
            self.unmasked_check.setToolTip(self.tr("Only the owner or an admin may export full phone numbers"))
        else:
            self.unmasked_check.setToolTip(self.tr("Without this, phone numbers are written as 138****8000"))

    def set_group(self, group_id: int | None) -> None:
        self._sidebar_group = group_id
        if self._loaded:
            if group_id is not None and group_id not in self._listed_ids():
                self.reload()  # a group created since the list was read
            else:
                self._check_groups(group_id)
        elif self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()
        elif not self.running:
            self.reload(keep_ticks=True)  # groups may have been added or renamed meanwhile

    def _listed_ids(self) -> list[int]:
        return [i.data(GroupIdRole) for i in self._group_items()]

    def reload(self, *, keep_ticks: bool = False) -> None:
        """Load the group list (and the recent exports); ticks the sidebar's group, or with `keep_ticks`
        what the user had ticked."""
        ticked = self.selected_group_ids() if keep_ticks and self._loaded else False
        with self._database.session() as session:
            groups = [(g.id, g.name) for g in list_groups(session)]
            self._set_up_on = set_up_days(session)
        self._updating = True
        try:
            self.group_list.clear()
            all_item = QListWidgetItem(self.tr("All groups"))
            all_item.setData(GroupIdRole, None)
            all_item.setFlags(all_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            font = all_item.font()
            font.setBold(True)
            all_item.setFont(font)
            self.group_list.addItem(all_item)
            for gid, name in groups:
                item = QListWidgetItem(name)
                item.setData(GroupIdRole, gid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self.group_list.addItem(item)
        finally:
            self._updating = False
        rows = self.group_list.count()
        row_height = max(self.group_list.sizeHintForRow(0), 18) if rows else 20
        self.group_list.setFixedHeight(min(max(rows, 4), 9) * row_height + 2 * self.group_list.frameWidth() + 8)
        self._loaded = True
        if not self.path_edit.text():
            self._auto_name = None
        if ticked is False:
            self._check_groups(self._sidebar_group)
        else:
            self.check_groups(ticked)
        self._fill_recent()

    # ---- choices ----
    def _group_items(self) -> list[QListWidgetItem]:
        return [self.group_list.item(i) for i in range(1, self.group_list.count())]

    def _check_groups(self, group_id: int | None) -> None:
        """Tick the sidebar's group, or every group for "All groups"."""
        self._updating = True
        try:
            items = self._group_items()
            if not any(item.data(GroupIdRole) == group_id for item in items):
                group_id = None
            for item in items:
                on = group_id is None or item.data(GroupIdRole) == group_id
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self._sync_all_item()
        finally:
            self._updating = False
        self._update_file_name()

    def check_groups(self, group_ids: list[int] | None) -> None:
        """Tick exactly these groups (None: all) — what clicking the check boxes does."""
        self._updating = True
        try:
            for item in self._group_items():
                on = group_ids is None or item.data(GroupIdRole) in group_ids
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self._sync_all_item()
        finally:
            self._updating = False
        self._update_file_name()

    def _sync_all_item(self) -> None:
        if self.group_list.count() == 0:
            return
        items = self._group_items()
        checked = sum(1 for i in items if i.checkState() == Qt.CheckState.Checked)
        state = (
            Qt.CheckState.Checked
            if items and checked == len(items)
            else Qt.CheckState.PartiallyChecked
            if checked
            else Qt.CheckState.Unchecked
        )
        self.group_list.item(0).setCheckState(state)

    @Slot(QListWidgetItem)
    def _on_group_item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        self._updating = True
        try:
            if self.group_list.row(item) == 0:  # "All groups": tick or untick every group
                on = item.checkState() != Qt.CheckState.Unchecked
                for other in self._group_items():
                    other.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self._sync_all_item()
        finally:
            self._updating = False
        self._update_file_name()

    def selected_group_ids(self) -> list[int] | None:
        """None when every group is ticked ("All groups"), else the ticked ids (maybe empty)."""
        items = self._group_items()
        ids = [i.data(GroupIdRole) for i in items if i.checkState() == Qt.CheckState.Checked]
        if items and len(ids) == len(items):
            return None
        return ids

    def _selected_names(self) -> list[str] | None:
        ids = self.selected_group_ids()
        if ids is None:
            return None
        return [i.text() for i in self._group_items() if i.data(GroupIdRole) in ids]

    def selected_month(self) -> tuple[int, int]:
        y, m = str(self.month_combo.currentData()).split("-")
        return int(y), int(m)

    def set_month(self, year: int, month: int) -> None:
        index = self.month_combo.findData(f"{year:04d}-{month:02d}")
        if index < 0:
            self.month_combo.addItem(month_label(year, month), f"{year:04d}-{month:02d}")
            index = self.month_combo.count() - 1
        self.month_combo.setCurrentIndex(index)

    def header_language(self) -> str:
        return str(self.lang_combo.currentData())

    # ---- the output path ----
    def output_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        return path

    def set_output_path(self, path: Path | str) -> None:
        """Use this file (what choosing it in Browse… does); the name is no longer generated."""
        self.path_edit.setText(str(path))
        self._auto_name = None

    @Slot()
    def _on_path_edited(self, _text: str) -> None:
        self._auto_name = None  # typed by the user: keep it

    @Slot()
    def _update_file_name(self) -> None:
        if not self._loaded:
            return
        some = self.selected_group_ids() != []
        self.export_button.setEnabled(some and self._job is None)
        self.roster_button.setEnabled(some and self._job is None)
        year, month = self.selected_month()
        self._update_month_note(year, month)
        name = report_file_name(self._selected_names(), year, month)
        current = self.output_path()
        if current is None:
            folder = default_folder()
        elif self._auto_name is not None and current.name == self._auto_name:
            folder = current.parent
        else:
            return  # the user chose the name: keep it
        self._auto_name = name
        self.path_edit.setText(str(folder / name))

    def _update_month_note(self, year: int, month: int) -> None:
        """Name the ticked groups set up here after `month` ended: a group set up on 1 December with a roster of
        November joiners exported November (the default month) as 打卡率 0.0% and its members "silent" — zeros
        nobody measured, the workbook saying nothing of it."""
        ids = self.selected_group_ids()
        items = self._group_items()
        ticked = [i for i in items if ids is None or i.data(GroupIdRole) in ids]
        end = date(year + month // 12, month % 12 + 1, 1)
        later = [i.text() for i in ticked if self._set_up_on.get(i.data(GroupIdRole), end) >= end]
        if later:
            self.month_note.setText(
                self.tr(
                    "%1 was set up in QunDesk after this month: its check-ins, activity and rates for the month were "
                    "never recorded, and the workbook's zeros are not measured."
                ).replace("%1", list_text(later))
            )
        self.month_note.setVisible(bool(later))

    def _ask_save_path(self, title: str, suggested: str) -> str | None:
        path, _ = file_dialogs.get_save_file_name(self, title, suggested, self.tr("Excel workbook (*.xlsx)"))
        return path or None

    @Slot()
    def browse(self) -> None:
        current = self.output_path() or default_folder() / "report.xlsx"
        chosen = self.choose_save_path(self.tr("Save the monthly report as"), str(current))
        if chosen:
            self.set_output_path(chosen)
            self._replace_agreed = str(self.output_path()) if Path(chosen).expanduser().is_file() else None
            remember_folder(Path(chosen).expanduser().parent)  # the next report goes there too

    # ---- export ----
    def _start_checks(self) -> bool:
        if self._job is not None:
            return False
        if not self._loaded:
            self.reload()
        if self.selected_group_ids() == []:
            self._show_error(self.tr("Tick at least one group."))
            return False
        return True

    @Slot()
    def export_report(self) -> bool:
        """Start the monthly report export with the choices on the page; False when nothing was started."""
        if not self._start_checks():
            return False
        path = self.output_path()
        if path is None:
            self._show_error(self.tr("Choose where to save the workbook."))
            return False
        if not self._may_replace(path):
            return False
        year, month = self.selected_month()
        from desktop.services.report import export_monthly_report  # with openpyxl (0.2 s): when a workbook is written

        self._start(
            "report",
            path,
            export_monthly_report,
            database=self._database,
            actor=self._actor,
            year=year,
            month=month,
            group_ids=self.selected_group_ids(),
            path=path,
            unmasked=self.unmasked_check.isEnabled() and self.unmasked_check.isChecked(),
            lang=self.header_language(),
        )
        return True

    @Slot()
    def export_roster(self) -> bool:
        """Ask where to save the roster of the ticked groups, then export it."""
        if not self._start_checks():
            return False
        folder = self.output_path().parent if self.output_path() else default_folder()
        suggested = folder / roster_file_name(self._selected_names(), clock.today())
        chosen = self.choose_save_path(self.tr("Save the roster as"), str(suggested))
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        from desktop.services.roster_export import export_roster  # with openpyxl: when a workbook is written

        self._start(
            "roster",
            path,
            export_roster,
            database=self._database,
            actor=self._actor,
            group_ids=self.selected_group_ids(),
            path=path,
        )
        return True

    def _may_replace(self, path: Path) -> bool:
        """Whether the export may write `path`: a new file, a file this page wrote and nobody changed since, the
        file Browse… chose over an existing one, or one the user agrees to replace. The export button wrote over
        an existing workbook without a word — last month's file with the owner's notes added in Excel was gone."""
        try:
            if not path.is_file():
                return True  # new (or a folder: the export says what is wrong)
            st = path.stat()
        except OSError:
            return True  # the export names the problem
        key = str(path)
        if key == self._replace_agreed or self._written.get(key) == (st.st_mtime_ns, st.st_size):
            return True
        return bool(self.confirm_replace(path, datetime.fromtimestamp(st.st_mtime)))

    def _ask_replace(self, path: Path, changed: datetime) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the workbook?"))
        box.setText(
            self.tr("%1 already exists (changed %2).")
            .replace("%1", path.name)
            .replace("%2", changed.strftime("%Y-%m-%d %H:%M"))
        )
        box.setInformativeText(
            self.tr("Replace it with the new report? What was added to it by hand (in Excel or WPS) is lost.")
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)  # Enter keeps the file
        box.exec()
        return box.clickedButton() is replace

    def _start(self, job: str, target: Path, fn, **kwargs) -> None:
        self._job = job
        self._job_path = target
        self.error_label.hide()
        self.done_bar.hide()
        self.last_error = None
        self._set_status(self.tr("Writing %1…").replace("%1", target.name))
        self._set_running(True)
        self.runner.start(lambda progress, **kw: fn(progress=progress, **kw), **kwargs)

    def _set_running(self, running: bool) -> None:
        for w in (self.export_button, self.roster_button, self.browse_button, self.group_list, self.path_edit):
            w.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)

    @Slot()
    def cancel(self) -> None:
        if self._job is not None:
            self.cancel_button.setEnabled(False)
            self._set_status(self.tr("Cancelling…"))
            self.runner.cancel()

    @property
    def running(self) -> bool:
        return self._job is not None

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        job, path = self._job, self._job_path
        self._job = None
        self._set_running(False)
        saved = Path(getattr(result, "path", path))
        self.last_path = saved
        self._set_status("")
        with contextlib.suppress(OSError):
            st = saved.stat()
            self._written[str(saved)] = (st.st_mtime_ns, st.st_size)
        if job == "report":
            self.done_title.setText("✓ " + self.tr("Monthly report written."))
        else:
            count = int(result) if isinstance(result, int) else 0
            self.done_title.setText("✓ " + self.tr("Roster written: %n row(s).", "", count))
        self.done_label.setText(saved.name)
        self.done_label.setToolTip(str(saved))
        self.done_folder.setText(self.tr("In %1").replace("%1", str(saved.parent)))
        self.done_bar.show()
        remember_export(saved)
        self._fill_recent()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._job = None
        self._set_running(False)
        self._set_status("")
        exc = self.runner.error
        if exc is not None and not isinstance(exc, QunDeskError | DatabaseError):
            sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: the exception dialog with the traceback
            return
        self._show_error(localise_message(message))

    @Slot()
    def _on_cancelled(self) -> None:
        self._job = None
        self._set_running(False)
        self._set_status(self.tr("Cancelled. Nothing was written."))

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _show_error(self, text: str) -> None:
        self.last_error = text
        self.error_label.setText(text)
        self.error_label.show()
        self.notify_error(text)

    # ---- opening files ----
    def open_file(self, path: Path | None) -> None:
        if path is not None:
            self.open_url(QUrl.fromLocalFile(str(path)))

    def open_folder(self, path: Path | None) -> None:
        if path is not None:
            self.open_url(QUrl.fromLocalFile(str(path.parent)))

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        for p in recent_exports():
            path = Path(p)
            exists = path.exists()
            when = datetime.fromtimestamp(path.stat().st_mtime).strftime("%m-%d %H:%M") if exists else ""
            item = QListWidgetItem(f"{path.name}    {when}" if when else path.name)
            item.setData(PathRole, str(path))
            item.setToolTip(str(path) if exists else self.tr("%1 (no longer there)").replace("%1", str(path)))
            if not exists:
                item.setForeground(QColor(MISSING_COLOR))
            self.recent_list.addItem(item)
        if self.recent_list.count() == 0:
            empty = QListWidgetItem(self.tr("Nothing exported yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(empty)
        else:
            self.recent_list.setCurrentRow(0)
        self._update_recent_buttons()

    def _recent_path(self) -> Path | None:
        item = self.recent_list.currentItem()
        value = item.data(PathRole) if item is not None else None
        return Path(value) if value else None

    @Slot()
    def _update_recent_buttons(self, *_args) -> None:
        has = self._recent_path() is not None
        self.recent_open_button.setEnabled(has)
        self.recent_folder_button.setEnabled(has)

    @Slot()
    def _open_recent_file(self) -> None:
        self.open_file(self._recent_path())

    @Slot()
    def _open_recent_folder(self) -> None:
        self.open_folder(self._recent_path())
