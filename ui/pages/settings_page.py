"""SettingsPage: the UI language (kept in QSettings, applies on restart), the workspace settings declared in
desktop/settings.py (kept in the database, shared by the team), where the workspace lives, the team database
(PostgreSQL) and the backups.

Team database: the URL is kept in QSettings ("team/url") WITHOUT its password (desktop.team.strip_password);
the password is asked whenever it is needed and kept in memory only. "Copy this workspace…" opens the
destination with models.db.open_database (schema created at head) and runs
desktop.services.backup.copy_to_database off the UI thread (one transaction, counts verified). The window
works on one database at a time: with "team/use" ticked, ui/app.py opens the team database at the next
start (asking for the password) unless --db or QUNDESK_DB says otherwise.

Backups: "Restore…" (owner only) on a SQLite workspace asks how (`choose_restore`): "Replace the workspace" restores
the backup into a checked temp file beside the workspace on a worker thread (desktop.services.backup.restore_beside)
and emits `restore_built` with it; the main window then closes the workspace, keeps its file aside under a new name
(NAME.before-restore-YYYYMMDD-HHMMSS.sqlite), puts the restored file in its place and reopens on it — the next start,
from the icon, opens the restored workspace too. Before, every restore went into a new file and the user was told to
restart with `qundesk --db FILE`, which an organiser starting QunDesk from its icon cannot do (and the next ordinary
start opened the old workspace again). "Into a new file…" (and every restore on a team database) still restores into
a NEW workspace file, never replacing one, to look at without switching.
Hooks for tests: `ask_password(url) -> str | None` (None: cancelled), `confirm(text) -> bool`,
`choose_restore(text) -> "replace" | "new" | None`, `notify(text)`, `notify_error(text)`,
`choose_save_path(title, suggested) -> str | None`."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError, ValidationError
from desktop.paths import backups_dir, data_dir
from desktop.services.backup import (
    BackupInfo,
    backup_workspace,
    copy_to_database,
    list_backups,
    manual_name,
    restore_beside,
    restore_workspace,
    sync_copies,
)
from desktop.services.operators import Actor, allowed
from desktop.settings import SETTINGS, get_setting, update_settings
from desktop.team import check_connection, strip_password, with_password
from desktop.workspace import database_display, workspace_file
from models import clock
from models.db import DatabaseError
from ui import file_dialogs
from ui.messages import current_language, localise_message, operator_text, show_error
from ui.operations import form_errors, run_write
from ui.task_runner import TaskRunner

LANGUAGE_KEY = "ui/language"
TEAM_URL_KEY = "team/url"  # the team database URL, never with its password
TEAM_USE_KEY = "team/use"  # open the team database at start (ui/app.py)
TEAM_URL_EXAMPLE = "postgresql+psycopg://user@server:5432/qundesk"
BackupRole = Qt.ItemDataRole.UserRole + 1
LANGUAGES: tuple[tuple[str, str], ...] = (("zh_CN", "中文"), ("en", "English"))  # endonyms: never translated

# How to show a new workspace setting: add its English label here (then `make lupdate` and translate it).
SETTING_LABELS: dict[str, str] = {
    "stalled_days": QT_TRANSLATE_NOOP("SettingsPage", "Onboarding counts as stalled after"),
    "dormant_days": QT_TRANSLATE_NOOP("SettingsPage", "A member is dormant after no participation for"),
    "newcomer_days": QT_TRANSLATE_NOOP("SettingsPage", "Flag a silent newcomer after"),
    "zombie_active_share": QT_TRANSLATE_NOOP("SettingsPage", "Zombie group when the 7-day active share is below"),
    "zombie_idle_days": QT_TRANSLATE_NOOP("SettingsPage", "Zombie group after no participation for"),
    "capacity_warn_share": QT_TRANSLATE_NOOP("SettingsPage", "Warn when a group is this full"),
    "violations_flag_count": QT_TRANSLATE_NOOP("SettingsPage", "Flag a member after this many violations"),
    "violations_window_days": QT_TRANSLATE_NOOP("SettingsPage", "Count violations within the last"),
    "backups_keep": QT_TRANSLATE_NOOP("SettingsPage", "Automatic backups to keep"),
    "time_zone": QT_TRANSLATE_NOOP("SettingsPage", "The community's time zone"),
}
# the zones offered in the time-zone box (any other IANA name or UTC+8 can be typed)
ZONE_CHOICES = (
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "Australia/Sydney",
    "UTC",
)


def setting_label(key: str) -> str:
    source = SETTING_LABELS.get(key)
    if source:
        return QCoreApplication.translate("SettingsPage", source)
    return localise_message(SETTINGS[key].label)


class SettingsPage(QWidget):
    # a backup restored and checked beside the open SQLite workspace (desktop.services.backup.RestoredBeside), to
    # take its place: the main window closes the workspace, puts it in place and reopens (MainWindow.put_restored)
    restore_built = Signal(object)

    def __init__(self, database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self._database = database
        self._actor = actor
        self.spins: dict[str, QSpinBox] = {}

        # ---- language ----
        self.language_combo = QComboBox()
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        stored = QSettings().value(LANGUAGE_KEY) or current_language()
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(stored)))
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        self.language_note = QLabel(self.tr("The new language applies the next time QunDesk starts."))
        self.language_note.setObjectName("hint")
        self.language_note.setVisible(self.language_combo.currentData() != current_language())
        lang_box = QGroupBox(self.tr("Language"))
        lf = QFormLayout(lang_box)
        lf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language_combo.setMinimumWidth(180)
        lf.addRow(self.tr("Display language"), self.language_combo)
        lf.addRow("", self.language_note)

        # ---- workspace settings ----
        ws_box = QGroupBox(self.tr("Workspace rules (shared by everyone using this workspace)"))
        wf = QFormLayout(ws_box)
        wf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        with database.session() as session:
            values = {key: get_setting(session, key) for key in SETTINGS}
        for key, spec in SETTINGS.items():
            if spec.type is str:  # the time zone: a box of its own below
                continue
            spin = QSpinBox()
            spin.setObjectName(f"setting_{key}")
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
            spin.setFixedWidth(140)
            if spec.type is float:  # shares are edited as whole percentages
                spin.setRange(round((spec.minimum or 0) * 100), round((spec.maximum or 1) * 100))
                spin.setSuffix(" %")
                spin.setValue(round(values[key] * 100))
            else:
                spin.setRange(int(spec.minimum or 0), int(spec.maximum or 1_000_000))
                if key.endswith("_days"):
                    spin.setSuffix(self.tr(" days"))
                spin.setValue(int(values[key]))
            self.spins[key] = spin
            spin.valueChanged.connect(self._show_rules_state)
            wf.addRow(setting_label(key), spin)
        # the community's zone: the day of every imported time and of "today" (models.clock)
        self.zone_combo = QComboBox()
        self.zone_combo.setObjectName("setting_time_zone")
        self.zone_combo.setEditable(True)
        self.zone_combo.setMinimumWidth(220)
        self.zone_combo.addItem(self.tr("This computer's zone (%1)").replace("%1", clock.describe(None)), "")
        for name in ZONE_CHOICES:
            self.zone_combo.addItem(name, name)
        self._set_zone_combo(values["time_zone"])
        self.zone_combo.currentTextChanged.connect(self._show_rules_state)
        self.zone_combo.setToolTip(
            self.tr("Check-ins, chat messages and form times are dated on this zone's days, wherever this computer is.")
        )
        wf.addRow(setting_label("time_zone"), self.zone_combo)
        self.save_button = QPushButton(self.tr("Save workspace rules"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        wf.addRow("", self._wrap(row))
        # the rules have a history (desktop/settings.py rules_at): a change is no rewrite of the months before
        self.rules_history_note = QLabel(
            self.tr(
                "A change applies from today on. Earlier months keep the rules they had: their figures and "
                "workbooks stay as they were, and each workbook names the rules it used."
            )
        )
        self.rules_history_note.setObjectName("hint")
        self.rules_history_note.setWordWrap(True)
        wf.addRow("", self.rules_history_note)
        if not allowed(actor, "edit_groups"):
            for spin in self.spins.values():
                spin.setEnabled(False)
            self.zone_combo.setEnabled(False)
            self.save_button.setEnabled(False)
            # on a row of its own across the box, above the rules: beside the button it was cut at the
            # content's width in English ("Only the owner or an admin may chang")
            self.read_only_note = QLabel(self.tr("Only the owner or an admin may change these."))
            self.read_only_note.setObjectName("hint")
            self.read_only_note.setWordWrap(True)
            wf.insertRow(0, self.read_only_note)

        # ---- workspace location ----
        where_box = QGroupBox(self.tr("Workspace"))
        gf = QFormLayout(where_box)
        self.database_edit = QLineEdit(database_display(database))
        self.database_edit.setReadOnly(True)
        gf.addRow(self.tr("Database"), self.database_edit)
        gf.addRow(self.tr("Operator"), QLabel(operator_text(actor.name, actor.role)))

        self._stored = self.values()  # the rules as saved: an edit not saved yet is said, and asked about

        # hooks (tests replace them)
        self.ask_save_rules = self._ask_save_rules
        self.ask_password = self._ask_password
        self.confirm = self._confirm
        self.choose_restore = self._ask_how_to_restore
        self.notify = lambda text: QMessageBox.information(
            self, QCoreApplication.translate("MainWindow", "QunDesk"), text
        )
        self.notify_error = lambda text: show_error(self, text)
        self.choose_save_path = self._ask_save_path
        self.open_url = QDesktopServices.openUrl
        self._job: str | None = None
        self._backups_loaded = False
        self.last_copy_counts: dict[str, int] | None = None
        self.last_restored: Path | None = None
        self.runner = TaskRunner(self, title=self.tr("Working…"))
        self.runner.finished.connect(self._on_task_finished)
        self.runner.failed.connect(self._on_task_failed)
        self.runner.cancelled.connect(self._on_task_cancelled)
        team_box = self._build_team_box()
        backup_box = self._build_backup_box()

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(lang_box)
        layout.addWidget(ws_box)
        layout.addWidget(where_box)
        layout.addWidget(team_box)
        layout.addWidget(backup_box)
        layout.addStretch(1)
        content.setMaximumWidth(820)
        sheet = QWidget()  # white across the whole page; the content keeps a readable width on the left
        sheet.setObjectName("settingsContent")
        row_layout = QHBoxLayout(sheet)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(content, 1)
        row_layout.addStretch(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(sheet)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _wrap(layout) -> QWidget:
        w = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        w.setLayout(layout)
        return w

    @Slot()
    def _on_language_changed(self) -> None:
        code = self.language_combo.currentData()
        QSettings().setValue(LANGUAGE_KEY, code)
        self.language_note.setVisible(code != current_language())

    def values(self) -> dict[str, float | int | str]:
        out: dict[str, float | int | str] = {}
        for key, spin in self.spins.items():
            out[key] = spin.value() / 100 if SETTINGS[key].type is float else spin.value()
        out["time_zone"] = self._zone_text()
        return out

    def _zone_text(self) -> str:
        """The zone the box names: "" for this computer's zone (its first item), else the name shown or typed."""
        text = self.zone_combo.currentText().strip()
        index = self.zone_combo.findText(text)
        return self.zone_combo.itemData(index) if index >= 0 else text

    def _set_zone_combo(self, name: str) -> None:
        index = self.zone_combo.findData(name)
        if index >= 0:
            self.zone_combo.setCurrentIndex(index)
        else:
            self.zone_combo.setEditText(name)

    @Slot()
    def save(self) -> None:
        # only what was changed on this page: the other values may be stale — another operator of a team workspace
        # changed the zone or a threshold since this page was built — and saving them wrote theirs back unseen
        edited = {key: value for key, value in self.values().items() if value != self._stored.get(key)}
        if not run_write(
            self,
            self._database,
            update_settings,
            self._actor,
            edited,
            changes=("settings",),
            on_error=form_errors(
                self,
                lambda exc: show_error(
                    self, f"{setting_label(exc.field) if exc.field in SETTINGS else exc.field}: {exc.message}"
                ),
            ),
        ):
            return
        self._stored = self.values()
        self.saved_label.setText(self.tr("Saved."))
        self.saved_label.setStyleSheet("")

    def has_unsaved_rules(self) -> bool:
        return self.values() != self._stored

    @Slot()
    def _show_rules_state(self) -> None:
        """Say that the rules on screen are not the ones in effect: an edited box looked saved (the dashboard still
        counted 30 days while 45 stood here), and "Saved." stayed beside it after the next edit."""
        if self.has_unsaved_rules():
            self.saved_label.setText(self.tr("Not saved yet: the rules apply once saved."))
            self.saved_label.setStyleSheet("color: #B45309;")
        else:
            self.saved_label.setText("")
            self.saved_label.setStyleSheet("")

    def discard_rules(self) -> None:
        for key, spin in self.spins.items():
            value = self._stored[key]
            spin.setValue(round(value * 100) if SETTINGS[key].type is float else int(value))
        self._set_zone_combo(str(self._stored["time_zone"]))

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page (another tab, the window closing) with rules edited and not saved: asked — save them or
        put the saved ones back —, never left standing on screen as if they applied."""
        super().hideEvent(event)
        if not (self.has_unsaved_rules() and self.save_button.isEnabled()):
            return
        if self.window().isVisible():  # another tab: asked once the page shown instead has painted
            QTimer.singleShot(0, self._settle_unsaved_rules)
        else:  # the window is closing: asked now, before it is gone
            self._settle_unsaved_rules()

    @Slot()
    def _settle_unsaved_rules(self) -> None:
        if self.isVisible() or not self.has_unsaved_rules():
            return  # back on the page meanwhile, or settled already
        if self.ask_save_rules():
            self.save()
        if self.has_unsaved_rules():  # discarded, or the save was refused (its error was shown)
            self.discard_rules()

    def _ask_save_rules(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "QunDesk"))
        box.setText(self.tr("Save the changed workspace rules?"))
        box.setInformativeText(self.tr("Not saved, they do not apply: the saved rules are put back."))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(save)
        box.exec()
        return box.clickedButton() is save

    # ---- team database ----
    def _build_team_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Team database"))
        form = QFormLayout(box)
        settings = QSettings()
        self.team_url_edit = QLineEdit(str(settings.value(TEAM_URL_KEY) or ""))
        self.team_url_edit.setObjectName("teamUrl")
        self.team_url_edit.setPlaceholderText(TEAM_URL_EXAMPLE)
        self.team_url_edit.setToolTip(
            self.tr("A PostgreSQL server address. A password typed here is used but never saved.")
        )
        self.team_use_check = QCheckBox(self.tr("Open the team database when QunDesk starts"))
        self.team_use_check.setChecked(bool(settings.value(TEAM_USE_KEY, False, type=bool)))
        self.team_save_button = QPushButton(self.tr("Save"))
        self.team_save_button.clicked.connect(self.save_team)
        self.team_test_button = QPushButton(self.tr("Test connection"))
        self.team_test_button.clicked.connect(self.test_connection)
        self.team_copy_button = QPushButton(self.tr("Copy this workspace to the team database…"))
        self.team_copy_button.clicked.connect(self.copy_to_team)
        if not allowed(self._actor, "restore_backup"):  # moving the whole workspace is the owner's decision
            self.team_copy_button.setEnabled(False)
            self.team_copy_button.setToolTip(self.tr("Only the owner may copy the workspace"))
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.team_save_button)
        buttons.addWidget(self.team_test_button)
        buttons.addWidget(self.team_copy_button)
        buttons.addStretch(1)
        self.team_status = QLabel()
        self.team_status.setObjectName("hint")
        self.team_status.setWordWrap(True)
        self.team_status.hide()
        self.team_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "QunDesk works on one database at a time. To work on the team database, tick the box above "
                "and restart QunDesk (it asks for the password), or start it with --db URL or QUNDESK_DB=URL. "
                "The password is never saved."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow(self.tr("Server address"), self.team_url_edit)
        form.addRow("", self.team_use_check)
        form.addRow("", self._wrap(buttons))
        form.addRow("", self.team_status)
        form.addRow("", note)
        return box

    def _ask_password(self, url: str) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Team database"),
            self.tr("Password for %1 (leave empty if there is none):").replace("%1", url),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, QCoreApplication.translate("MainWindow", "QunDesk"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _team_url(self) -> str | None:
        """The URL as typed (maybe with a password), or None after telling the user what is wrong."""
        url = self.team_url_edit.text().strip()
        if not url:
            self._team_error(self.tr("Type the team database address first, e.g. %1").replace("%1", TEAM_URL_EXAMPLE))
            return None
        try:
            strip_password(url)
        except ValidationError as exc:
            self._team_error(localise_message(exc.message))
            return None
        except ValueError:  # e.g. a port that is not a number (the URL parser raises it unwrapped)
            self._team_error(self.tr("Not a database address: %1").replace("%1", url))
            return None
        return url

    def _connect_url(self) -> str | None:
        """The typed URL with the password (asked unless it was typed into the URL); None when cancelled."""
        url = self._team_url()
        if url is None:
            return None
        bare = strip_password(url)
        if with_password(url, None) != bare:  # the typed address holds a password: use it
            return with_password(url, None)
        password = self.ask_password(bare)
        if password is None:
            return None
        return with_password(bare, password or None)

    def _team_error(self, text: str) -> None:
        _say(self.team_status, text)
        self.notify_error(text)

    @Slot()
    def save_team(self) -> bool:
        """Keep the address (without its password) and whether to open it at start, in QSettings."""
        settings = QSettings()
        url = self.team_url_edit.text().strip()
        if not url:
            settings.remove(TEAM_URL_KEY)
            settings.setValue(TEAM_USE_KEY, False)
            self.team_use_check.setChecked(False)
            _say(self.team_status, self.tr("No team database."))
            return True
        if self._team_url() is None:
            return False
        bare = strip_password(url)
        settings.setValue(TEAM_URL_KEY, bare)
        settings.setValue(TEAM_USE_KEY, self.team_use_check.isChecked())
        settings.sync()
        self.team_url_edit.setText(bare)
        if self.team_use_check.isChecked():
            _say(self.team_status, self.tr("Saved. QunDesk opens the team database at the next start."))
        else:
            _say(self.team_status, self.tr("Saved."))
        return True

    @Slot()
    def test_connection(self) -> bool:
        if self._job is not None:
            return False
        url = self._connect_url()
        if url is None:
            return False
        _say(self.team_status, self.tr("Connecting…"))
        self._start("test", lambda progress, url: check_connection(url), url=url)
        return True

    @Slot()
    def copy_to_team(self) -> bool:
        if self._job is not None or not allowed(self._actor, "restore_backup"):
            return False
        url = self._connect_url()
        if url is None:
            return False
        question = self.tr(
            "Copy everything in this workspace (groups, members, check-ins, points, the audit log …) into the "
            "team database %1? The team database must be empty; nothing is written if anything goes wrong."
        ).replace("%1", strip_password(url))
        if not self.confirm(question):
            return False
        _say(self.team_status, self.tr("Copying…"))
        self._start(
            "copy",
            lambda progress, source_engine, url, actor: copy_to_database(actor, source_engine, url, progress=progress),
            source_engine=self._database.engine,
            url=url,
            actor=self._actor,
        )
        return True

    def _counts_text(self, counts: dict[str, int]) -> str:
        shown = [(name, n) for name, n in counts.items() if n and name != "alembic_version"]
        total = sum(n for _, n in shown)
        parts = ", ".join(f"{name} {n:,}" for name, n in shown)
        return (
            self.tr("Copied and verified %1 rows in %2 tables: %3")
            .replace("%1", f"{total:,}")
            .replace("%2", str(len(shown)))
            .replace("%3", parts)
        )

    # ---- backups ----
    def _build_backup_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backups"))
        self.backup_list = QTreeWidget()
        self.backup_list.setObjectName("backupList")
        self.backup_list.setHeaderLabels([self.tr("File"), self.tr("Made"), self.tr("Size"), self.tr("State")])
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setUniformRowHeights(True)
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_list.setMinimumHeight(150)
        self.backup_list.setMaximumHeight(230)
        header = self.backup_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.backup_list.currentItemChanged.connect(self._update_backup_buttons)
        self.backup_now_button = QPushButton(self.tr("Back up now"))
        self.backup_now_button.clicked.connect(self.back_up_now)
        if not allowed(self._actor, "take_backup"):  # a backup holds every phone number and the password hashes
            self.backup_now_button.setToolTip(self.tr("Only the owner or an admin may take a backup"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        if not allowed(self._actor, "restore_backup"):
            self.restore_button.setToolTip(self.tr("Only the owner may restore a backup"))
        self.backup_folder_button = QPushButton(self.tr("Open backup folder"))
        self.backup_folder_button.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(backups_dir()))))
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.backup_now_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.backup_folder_button)
        self.backup_status = QLabel()
        self.backup_status.setObjectName("hint")
        self.backup_status.setWordWrap(True)
        self.backup_status.hide()
        self.backup_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "QunDesk backs the workspace up on the first start of each day. A backup is restored into a new "
                "workspace file; the workspace that is open now stays as it is."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.backup_list)
        layout.addLayout(buttons)
        layout.addWidget(self.backup_status)
        layout.addWidget(note)
        self._update_backup_buttons()
        return box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._backups_loaded:
            self.reload_backups()

    def reload_backups(self) -> list[BackupInfo]:
        """The backups folder's files, after the copies of this workspace a sync tool left beside it (sync_copies:
        restored like a backup, the one to restore when the other computer's saves are the ones to keep)."""
        file = workspace_file(self._database)
        copies = sync_copies(file) if file is not None else []
        backups = copies + list_backups()
        self._backups_loaded = True
        self.backup_list.clear()
        for b in backups:
            state = self.tr("OK") if b.revision else self.tr("Not readable")
            if b in copies:
                state = self.tr("Sync copy")
            item = QTreeWidgetItem([b.path.name, b.created.strftime("%Y-%m-%d %H:%M"), _size_text(b.size), state])
            item.setData(0, BackupRole, b)
            item.setToolTip(0, str(b.path))
            self.backup_list.addTopLevelItem(item)
        if not backups:
            _say(self.backup_status, self.tr("No backups yet."))
        self._update_backup_buttons()
        return backups

    def backup_names(self) -> list[str]:
        return [self.backup_list.topLevelItem(i).text(0) for i in range(self.backup_list.topLevelItemCount())]

    def select_backup(self, name: str) -> None:
        for i in range(self.backup_list.topLevelItemCount()):
            item = self.backup_list.topLevelItem(i)
            if item.text(0) == name:
                self.backup_list.setCurrentItem(item)
                return
        raise KeyError(name)

    def _selected_backup(self) -> BackupInfo | None:
        item = self.backup_list.currentItem()
        return item.data(0, BackupRole) if item is not None else None

    @Slot()
    def _update_backup_buttons(self, *_args) -> None:
        chosen = self._selected_backup()
        busy = self._job is not None
        self.backup_now_button.setEnabled(not busy and allowed(self._actor, "take_backup"))
        self.restore_button.setEnabled(
            not busy and allowed(self._actor, "restore_backup") and chosen is not None and chosen.revision is not None
        )

    @Slot()
    def back_up_now(self) -> bool:
        if self._job is not None:
            return False
        target = backups_dir() / manual_name(self._database, clock.now())  # named by workspace, as the daily ones
        _say(self.backup_status, self.tr("Backing up…"))
        self._start(
            "backup",
            # the operator goes with it: the service refuses an assistant (the button is disabled for them too)
            lambda progress, database, path, actor: backup_workspace(database, path, progress=progress, actor=actor),
            database=self._database,
            path=target,
            actor=self._actor,
        )
        return True

    def _ask_save_path(self, title: str, suggested: str) -> str | None:
        path, _ = file_dialogs.get_save_file_name(self, title, suggested, self.tr("QunDesk workspace (*.sqlite)"))
        return path or None

    def _ask_how_to_restore(self, text: str) -> str | None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("MainWindow", "QunDesk"))
        box.setText(text)
        replace = box.addButton(self.tr("Replace the workspace"), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(self.tr("Into a new file…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(replace)
        box.exec()
        return {replace: "replace", new: "new"}.get(box.clickedButton())

    @Slot()
    def restore_selected(self) -> bool:
        backup = self._selected_backup()
        if self._job is not None or backup is None or not allowed(self._actor, "restore_backup"):
            return False
        file = workspace_file(self._database)
        if file is not None:  # a SQLite workspace: the backup may take its place
            how = self.choose_restore(
                self.tr(
                    "Restore the backup %1?\n\nReplace the workspace: the workspace as it is now is kept beside it as "
                    "%2, the backup takes its place and QunDesk reopens on it.\nInto a new file: the open workspace "
                    "stays as it is."
                )
                .replace("%1", backup.path.name)
                .replace("%2", f"{file.stem}.before-restore-….sqlite")
            )
            if how is None:
                return False
            if how == "replace":
                self._restore_target = file
                _say(self.backup_status, self.tr("Restoring…"))
                self._start(
                    "restore_in_place",
                    lambda progress, actor, backup, workspace: restore_beside(
                        actor, backup, workspace, progress=progress
                    ),
                    actor=self._actor,
                    backup=backup.path,
                    workspace=file,
                )
                return True
            return self._restore_into_new_file(backup, asked=True)
        return self._restore_into_new_file(backup, asked=False)

    def _restore_into_new_file(self, backup: BackupInfo, *, asked: bool) -> bool:
        question = self.tr(
            "Restore the backup %1 into a new workspace file? The workspace that is open now is not changed; "
            "you then restart QunDesk on the restored file."
        ).replace("%1", backup.path.name)
        if not asked and not self.confirm(question):
            return False
        suggested = data_dir() / f"restored-{clock.now():%Y%m%d-%H%M%S}.sqlite"
        chosen = self.choose_save_path(self.tr("Restore into a new workspace file"), str(suggested))
        if not chosen:
            return False
        target = Path(chosen)
        if target.exists() and target.stat().st_size > 0:
            self.notify_error(
                self.tr("%1 already exists. Choose a new file: a restore never replaces a workspace.").replace(
                    "%1", str(target)
                )
            )
            return False
        self._restore_target = target
        _say(self.backup_status, self.tr("Restoring…"))
        self._start(
            "restore",
            lambda progress, actor, backup, target: restore_workspace(actor, backup, target, progress=progress),
            actor=self._actor,
            backup=backup.path,
            target=target,
        )
        return True

    def say_not_restored(self) -> None:
        """The main window did not put the restored backup in place (work still running, the user kept working)."""
        _say(self.backup_status, self.tr("Not restored: the workspace is as it was."))

    # ---- tasks ----
    def _start(self, job: str, fn, **kwargs) -> None:
        self._job = job
        titles = {
            "backup": self.tr("Backing up"),
            "restore": self.tr("Restoring a backup"),
            "restore_in_place": self.tr("Restoring a backup"),
            "copy": self.tr("Copying to the team database"),
            "test": self.tr("Testing the connection"),
        }
        self.runner.set_title(titles.get(job, ""), quiet=job == "test")  # a connection test only reads
        for w in (self.team_test_button, self.team_copy_button, self.backup_now_button, self.restore_button):
            w.setEnabled(False)
        self.runner.start(fn, **kwargs)

    def _end_job(self) -> str | None:
        job, self._job = self._job, None
        self.team_test_button.setEnabled(True)
        self.team_copy_button.setEnabled(allowed(self._actor, "restore_backup"))
        self._update_backup_buttons()
        return job

    @Slot(object)
    def _on_task_finished(self, result: object) -> None:
        job = self._end_job()
        if job == "test":
            if result is None:
                _say(self.team_status, self.tr("Connection OK."))
            else:
                self._team_error(localise_message(str(result)))
        elif job == "copy":
            self.last_copy_counts = dict(result) if isinstance(result, dict) else {}
            text = self._counts_text(self.last_copy_counts)
            _say(self.team_status, text)
            self.notify(
                text
                + "\n\n"
                + self.tr(
                    "To work on the team database, tick “Open the team database when QunDesk starts” and restart."
                )
            )
        elif job == "backup":
            self.reload_backups()
            _say(self.backup_status, self.tr("Backed up to %1").replace("%1", str(result)))
        elif job == "restore_in_place":
            _say(self.backup_status, self.tr("Restored and checked: the workspace is reopened on it…"))
            self.restore_built.emit(result)  # the main window puts it in the workspace's place and reopens
        elif job == "restore":
            target = self._restore_target
            self.last_restored = target
            text = self.tr(
                "Restored into %1. The open workspace is unchanged. To work on the restored one, restart QunDesk "
                'with: qundesk --db "%1"'
            ).replace("%1", str(target))
            _say(self.backup_status, text)
            self.notify(text)

    @Slot(str)
    def _on_task_failed(self, message: str) -> None:
        job = self._end_job()
        exc = self.runner.error
        if exc is not None and not isinstance(exc, QunDeskError | DatabaseError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        text = localise_message(message)
        _say(self.team_status if job in ("test", "copy") else self.backup_status, text)
        self.notify_error(text)

    @Slot()
    def _on_task_cancelled(self) -> None:
        job = self._end_job()
        text = self.tr("Cancelled. Nothing was written.")
        _say(self.team_status if job in ("test", "copy") else self.backup_status, text)


def _say(label: QLabel, text: str) -> None:
    """A status line that takes no room while it has nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
