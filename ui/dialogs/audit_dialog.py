"""AuditDialog: the audit log (who did what, when, to whom), filtered by operator, member, period and kind
of action, newest first, a page at a time ("Load more"), with an .xlsx export for the owner or an admin.

Labels and summaries come from desktop/services/audit_export.py (action_text, summary_text) in the UI language,
so the dialog and the exported file say the same thing. Phone numbers in summaries are masked for an
operator without `export_unmasked`; the export itself is refused to them (see audit_export's docstring).
Hooks for tests: `choose_save_path(title, suggested) -> str | None`, `notify_error(text)`."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.services.audit import list_audit
from desktop.services.audit_export import (
    ACTION_PREFIXES,
    AuditFilter,
    action_text,
    entity_text,
    export_audit,
    summary_text,
)
from desktop.services.operators import Actor, allowed, list_operators
from desktop.services.team_queries import entity_names, find_members
from models import clock
from models.db import DatabaseError
from ui import file_dialogs
from ui.messages import current_language, localise_message, operator_text, show_error
from ui.models.audit_table_model import (
    COL_ACTION,
    COL_ENTITY,
    COL_OPERATOR,
    COL_SUMMARY,
    COL_TIME,
    AuditLine,
    AuditTableModel,
)
from ui.qdates import today_qdate
from ui.screen_fit import resize_to_fit
from ui.task_runner import TaskRunner

PAGE_SIZE = 200
MEMBER_SEARCH_DELAY_MS = 200
MemberIdRole = Qt.ItemDataRole.UserRole + 1

PERIODS = ("all", "today", "7d", "30d", "month", "custom")


class AuditDialog(QDialog):
    def __init__(self, database, actor: Actor, parent: QWidget | None = None, *, runner=None):
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self._database = database
        self._actor = actor
        self._member_id: int | None = None
        self._offset = 0
        self.has_more = False
        self.last_export: Path | None = None

        self.choose_save_path = self._ask_save_path
        self.notify_error = lambda text: show_error(self, text)
        self.runner = runner or TaskRunner(self, title=self.tr("Exporting"), label=self.tr("Writing the audit log…"))
        self.runner.finished.connect(self._on_export_finished)
        self.runner.failed.connect(self._on_export_failed)
        self.runner.cancelled.connect(self._on_export_cancelled)

        self._build()
        resize_to_fit(self, 1100, 640)
        self.reload()

    # ---- building ----
    def _build(self) -> None:
        self.operator_combo = QComboBox()
        self.operator_combo.addItem(self.tr("All operators"), None)
        with self._database.session() as session:
            for op in list_operators(session):
                self.operator_combo.addItem(operator_text(op.name, op.role), op.id)
        self.operator_combo.currentIndexChanged.connect(self.reload)

        self.member_edit = QLineEdit()
        self.member_edit.setObjectName("searchBox")
        self.member_edit.setClearButtonEnabled(True)
        self.member_edit.setPlaceholderText(self.tr("Member: name, pinyin, WeChat ID"))
        self.member_edit.setMinimumWidth(200)
        self.member_matches = QStandardItemModel(self)
        self.completer = QCompleter(self.member_matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.member_edit.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._on_member_chosen)
        self._member_timer = QTimer(self)
        self._member_timer.setSingleShot(True)
        self._member_timer.setInterval(MEMBER_SEARCH_DELAY_MS)
        self._member_timer.timeout.connect(self.search_members)
        self.member_edit.textEdited.connect(self._on_member_text_edited)
        self.member_edit.returnPressed.connect(self._on_member_return)

        self.period_combo = QComboBox()
        for key, label in zip(
            PERIODS,
            (
                self.tr("Any time"),
                self.tr("Today"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("This month"),
                self.tr("Dates…"),
            ),
            strict=True,
        ):
            self.period_combo.addItem(label, key)
        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        today = today_qdate()
        self.start_edit = QDateEdit(today.addDays(-30))
        self.end_edit = QDateEdit(today)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.reload)
            edit.hide()
        self.to_label = QLabel("–")
        self.to_label.hide()

        self.action_combo = QComboBox()
        self.action_combo.addItem(self.tr("All actions"), None)
        lang = current_language()
        for prefix, pair in ACTION_PREFIXES.items():
            self.action_combo.addItem(pair[0] if lang.startswith("zh") else pair[1], prefix)
        self.action_combo.currentIndexChanged.connect(self.reload)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.operator_combo)
        filters.addWidget(self.member_edit, 1)
        filters.addWidget(self.period_combo)
        filters.addWidget(self.start_edit)
        filters.addWidget(self.to_label)
        filters.addWidget(self.end_edit)
        filters.addWidget(self.action_combo)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in ((COL_TIME, 160), (COL_OPERATOR, 120), (COL_ACTION, 140), (COL_ENTITY, 200)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)

        self.empty_label = QLabel(self.tr("No entries match these filters."))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.more_button = QPushButton(self.tr("Load more"))
        self.more_button.clicked.connect(self.load_more)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export)
        if not allowed(self._actor, "export_unmasked"):
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(
                self.tr("Only the owner or an admin may export the audit log (it holds personal data)")
            )
        self.export_label = QLabel()
        self.export_label.setObjectName("hint")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.more_button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_label)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(bottom)

    # ---- filters ----
    def current_filter(self) -> AuditFilter:
        start, end = self._period()
        return AuditFilter(
            operator_id=self.operator_combo.currentData(),
            member_id=self._member_id,
            start=start,
            end=end,
            action_prefix=self.action_combo.currentData(),
        )

    def _period(self) -> tuple[date | None, date | None]:
        key = self.period_combo.currentData()
        today = clock.today()
        if key == "today":
            return today, today
        if key == "7d":
            return today - timedelta(days=6), today
        if key == "30d":
            return today - timedelta(days=29), today
        if key == "month":
            return today.replace(day=1), today
        if key == "custom":
            start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
            return (start, end) if start <= end else (end, start)
        return None, None

    @Slot()
    def _on_period_changed(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        for w in (self.start_edit, self.to_label, self.end_edit):
            w.setVisible(custom)
        self.reload()

    def set_operator(self, operator_id: int | None) -> None:
        self.operator_combo.setCurrentIndex(max(0, self.operator_combo.findData(operator_id)))

    def set_action_prefix(self, prefix: str | None) -> None:
        self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(prefix)))

    def set_period(self, key: str, start: date | None = None, end: date | None = None) -> None:
        if start is not None:
            self.start_edit.setDate(QDate(start))
        if end is not None:
            self.end_edit.setDate(QDate(end))
        self.period_combo.setCurrentIndex(max(0, self.period_combo.findData(key)))

    # ---- member search ----
    @Slot(str)
    def _on_member_text_edited(self, text: str) -> None:
        if self._member_id is not None:  # typing again drops the chosen member
            self._member_id = None
            self.reload()
        if not text.strip():
            self.member_matches.clear()
            self._member_timer.stop()
            return
        self._member_timer.start()

    @Slot()
    def search_members(self) -> list[tuple[int, str]]:
        with self._database.session() as session:
            found = find_members(session, self.member_edit.text(), actor=self._actor)  # masks as the roster
        self.member_matches.clear()
        for member_id, label in found:
            item = QStandardItem(label)
            item.setData(member_id, MemberIdRole)
            self.member_matches.appendRow(item)
        if found and self.member_edit.hasFocus():
            self.completer.complete()
        return found

    @Slot(QModelIndex)
    def _on_member_chosen(self, index: QModelIndex) -> None:
        member_id = index.data(MemberIdRole)
        if member_id is not None:
            self.set_member(int(member_id), str(index.data()))

    @Slot()
    def _on_member_return(self) -> None:
        if self._member_id is not None or not self.member_edit.text().strip():
            return
        self._member_timer.stop()
        found = self.search_members()
        if found:
            self.set_member(*found[0])

    def set_member(self, member_id: int | None, label: str = "") -> None:
        """Filter by this member (None: everyone)."""
        self._member_id = member_id
        self.member_edit.setText(label if member_id is not None else "")
        self.completer.popup().hide()
        self.reload()

    # ---- loading ----
    def _load(self, offset: int) -> list[AuditLine]:
        f = self.current_filter()
        lang = current_language()
        unmasked = allowed(self._actor, "export_unmasked")
        with self._database.session() as session:
            rows = list_audit(session, **f.kwargs(), offset=offset, limit=PAGE_SIZE + 1)
            self.has_more = len(rows) > PAGE_SIZE
            rows = rows[:PAGE_SIZE]
            names = entity_names(session, ((r.entity, r.entity_id) for r in rows))
        lines = []
        for r in rows:
            kind = entity_text(r.entity, lang)
            name = names.get((r.entity, r.entity_id)) if r.entity_id is not None else None
            if name:
                about = f"{kind} · {name}"
            elif r.entity_id is not None:
                about = f"{kind} #{r.entity_id}"
            else:
                about = kind
            lines.append(
                AuditLine(
                    id=r.id,
                    at=r.at,
                    operator=r.operator or "—",
                    action=r.action,
                    action_label=action_text(r.action, lang),
                    entity=r.entity,
                    entity_label=about,
                    summary=summary_text(r.summary, lang, unmasked=unmasked),
                )
            )
        return lines

    @Slot()
    def reload(self) -> None:
        lines = self._load(0)
        self._offset = len(lines)
        self.model.set_rows(lines)
        self._after_load()

    @Slot()
    def load_more(self) -> None:
        if not self.has_more:
            return
        lines = self._load(self._offset)
        self._offset += len(lines)
        self.model.append_rows(lines)
        self._after_load()

    def _after_load(self) -> None:
        n = self.model.rowCount()
        self.empty_label.setVisible(n == 0)
        self.more_button.setVisible(self.has_more)
        if self.has_more:
            self.count_label.setText(self.tr("Showing the newest %n entries", "", n))
        else:
            self.count_label.setText(self.tr("%n entries", "", n))

    # ---- export ----
    def _ask_save_path(self, title: str, suggested: str) -> str | None:
        path, _ = file_dialogs.get_save_file_name(self, title, suggested, self.tr("Excel workbook (*.xlsx)"))
        return path or None

    @Slot()
    def export(self) -> bool:
        if not allowed(self._actor, "export_unmasked") or self.runner.running:
            return False
        from ui.pages.reports_page import default_folder

        suggested = default_folder() / f"审计日志-{clock.today():%Y-%m-%d}.xlsx"
        chosen = self.choose_save_path(self.tr("Export the audit log as"), str(suggested))
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._export_path = path
        self.export_button.setEnabled(False)
        self.export_label.setText(self.tr("Exporting…"))
        lang = "zh_CN" if current_language().startswith("zh") else "en"
        self.runner.start(
            lambda progress, **kw: export_audit(progress=progress, **kw),
            database=self._database,
            actor=self._actor,
            path=path,
            filters=self.current_filter(),
            lang=lang,
        )
        return True

    @Slot(object)
    def _on_export_finished(self, count: object) -> None:
        self.export_button.setEnabled(True)
        self.last_export = self._export_path
        self.export_label.setText(
            self.tr("%n entries exported to %1", "", int(count) if isinstance(count, int) else 0).replace(
                "%1", self._export_path.name
            )
        )
        self.export_label.setToolTip(str(self._export_path))

    @Slot(str)
    def _on_export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.export_label.clear()
        exc = self.runner.error
        if exc is not None and not isinstance(exc, QunDeskError | DatabaseError):
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self.notify_error(localise_message(message))

    @Slot()
    def _on_export_cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self.export_label.setText(self.tr("Cancelled. Nothing was written."))

    def reject(self) -> None:
        if self.runner.running:
            self.runner.cancel()
            self.runner.wait()
        super().reject()
