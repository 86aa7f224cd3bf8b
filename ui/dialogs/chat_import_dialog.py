"""ChatImportDialog: import a group's chat-history export (PRODUCT §3.8) — pick the file and the group, see what
it holds (format, span, messages per known member, check-ins, joins, removals, the senders QunDesk does not
know), decide about those senders (link to a member, add as new, ignore — remembered), then import in one go.

Reading and planning run off the UI thread (ui/task_runner.py) with progress and cancel; the rules live in
desktop/services/chat_import.py, this dialog only shows the plan and collects decisions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.io.fields import ImportProblem
from desktop.services.chat_import import ChatImportSummary, ChatPlan, plan_chat_import, run_chat_import
from desktop.services.groups import list_groups
from desktop.services.operators import Actor, allowed, names_shown_to
from desktop.tasks import Progress
from models.db import DatabaseError
from ui import file_dialogs
from ui.dialogs.member_picker_dialog import MemberPickerDialog
from ui.messages import localise_message
from ui.operations import announce
from ui.screen_fit import resize_to_fit
from ui.task_runner import TaskRunner

UNDECIDED, LINK, ADD, IGNORE = "undecided", "link", "add", "ignore"
WARN = "#B45309"
MUTED = "#6B7280"


def plan_task(
    progress: Progress, *, database, group_id: int | None, path: str, exporter: int | None, add_unknown: bool = False
) -> ChatPlan:
    with database.session() as session:
        return plan_chat_import(
            session, group_id, path, exporter_membership_id=exporter, add_unknown=add_unknown, progress=progress
        )


def import_task(
    progress: Progress,
    *,
    database,
    actor: Actor,
    path: str,
    group_name: str,
    decisions: dict,
    exporter: int | None,
    add_unknown: bool = False,
    other_group: bool = False,
    record_leave: bool = False,
) -> ChatImportSummary | None:
    _plan, summary, _created = run_chat_import(
        database,
        actor,
        path,
        group_name,
        decisions=decisions,
        exporter_membership_id=exporter,
        add_unknown=add_unknown,
        other_group=other_group,
        record_leave=record_leave,
        progress=progress,
    )
    return summary


class ChatImportDialog(QDialog):
    """Hooks for tests: `confirm_other_group(export group, selected group)` returns True to import an export that
    names another group into the selected one."""

    imported = Signal(object)  # ChatImportSummary

    def __init__(self, database, actor: Actor, group_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chatImportDialog")
        self.setWindowTitle(self.tr("Import a chat history"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        resize_to_fit(self, 900, 640)
        self._database, self._actor = database, actor
        # a member's name as this operator may see it (names_shown_to: a phone in it masked for an assistant); the
        # names the chat export shows are the file's, the assistant's own
        self._shown = names_shown_to(actor)
        self._path: str | None = None
        self.plan: ChatPlan | None = None
        self.summary: ChatImportSummary | None = None
        self.decisions: dict[str, tuple[str, Any]] = {}
        self._exporter: int | None = None  # membership of who exported the chat, when the user said so
        self.pick_member_hook = None  # tests: called with a sender name instead of the picker dialog
        self.confirm_other_group: Callable[[str, str], bool] = self.ask_about_other_group
        self.runner = TaskRunner(self, title=self.tr("Chat history"), label=self.tr("Reading the chat export…"))
        self.runner.finished.connect(self._on_task_finished)
        self.runner.failed.connect(self._on_task_failed)
        self.runner.cancelled.connect(self._on_task_cancelled)
        self._task = ""
        self._build(group_id)

    # ---------------------------------------------------------------- building
    def _build(self, group_id: int | None) -> None:
        intro = QLabel(
            self.tr(
                "Exports of 留痕 (WeChatMsg), PyWxDump, WeFlow, ChatLab or QQ's own 消息记录. QunDesk counts who "
                "spoke on which day, finds check-ins, joins and removals — it never stores what was said."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("chatFile")
        self.file_button = QPushButton(self.tr("Choose file…"))
        self.file_button.clicked.connect(self.choose_file)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("chatGroup")
        with self._database.session() as session:
            for g in list_groups(session):
                self.group_combo.addItem(g.name, g.id)
        if group_id is not None and self.group_combo.findData(group_id) >= 0:
            self.group_combo.setCurrentIndex(self.group_combo.findData(group_id))
        self.group_combo.currentIndexChanged.connect(self._replan)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File")))
        top.addWidget(self.file_label, 1)
        top.addWidget(self.file_button)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Group")))
        top.addWidget(self.group_combo)

        self.summary_label = QLabel(self.tr("Choose a chat export to see what it holds."))
        self.summary_label.setObjectName("chatSummary")
        self.summary_label.setWordWrap(True)
        self.group_warning = QLabel()
        self.group_warning.setObjectName("chatOtherGroup")
        self.group_warning.setWordWrap(True)
        self.group_warning.setStyleSheet(f"color: {WARN}; font-weight: bold;")
        self.group_warning.hide()
        self.senders_table = self._table(
            "chatSenders",
            [self.tr("Sender"), self.tr("ID"), self.tr("Messages"), self.tr("Status"), self.tr("Decision")],
        )
        self.events_table = self._table(
            "chatEvents",
            [self.tr("Day"), self.tr("What"), self.tr("Who"), self.tr("Through"), self.tr("On the roster")],
        )
        self.checkins_table = self._table(
            "chatCheckins", [self.tr("Day"), self.tr("Member"), self.tr("Time"), self.tr("From")]
        )
        self.add_unknown_box = QCheckBox(self.tr("Add everyone not on the roster (senders and people who joined)"))
        self.add_unknown_box.setObjectName("chatAddUnknown")
        self.add_unknown_box.setToolTip(
            self.tr(
                "Like --add-unknown: each unknown sender becomes a member (WeChat ID = sender ID), and each person a "
                "join notice names joins on that day with their inviter, following the group's entry steps."
            )
        )
        self.add_unknown_box.toggled.connect(self._replan)
        self.leaves_table = self._table(
            "chatLeaves",
            [self.tr("Sent"), self.tr("Member"), self.tr("Days"), self.tr("Message"), self.tr("Outcome")],
        )
        # the export's 请假 messages: reported always; recorded only when the organiser ticks this (chat_leave.py)
        self.record_leave_box = QCheckBox()
        self.record_leave_box.setObjectName("chatRecordLeave")
        self.record_leave_box.setToolTip(
            self.tr(
                "Like --record-leave: a 请假 message a member sent about themselves is recorded as their leave, for "
                "the days it says. Messages that name someone else, ask, or were taken back are only listed."
            )
        )
        self.record_leave_box.hide()
        self.record_leave_box.toggled.connect(self._fill_leaves)
        self.exporter_label = QLabel()
        self.exporter_label.setObjectName("chatExporter")
        self.exporter_button = QPushButton(self.tr("Who exported it…"))
        self.exporter_button.setToolTip(
            self.tr("Notices such as 你邀请… name the person who exported the chat as 你 (you).")
        )
        self.exporter_button.clicked.connect(self.choose_exporter)
        options = QHBoxLayout()
        options.addWidget(self.add_unknown_box)
        options.addWidget(self.record_leave_box)
        options.addStretch(1)
        options.addWidget(self.exporter_label)
        options.addWidget(self.exporter_button)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.senders_table, self.tr("Senders"))
        self.tabs.addTab(self.events_table, self.tr("Joins and removals"))
        self.tabs.addTab(self.checkins_table, self.tr("Check-ins"))
        self.tabs.addTab(self.leaves_table, self.tr("Leave (请假)"))

        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primaryButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.group_warning)
        layout.addLayout(options)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    # ---------------------------------------------------------------- reading
    @Slot()
    def choose_file(self) -> None:
        path, _filter = file_dialogs.get_open_file_name(
            self,
            self.tr("Choose a chat export"),
            "",
            self.tr("Chat exports (*.csv *.txt *.html *.htm *.xlsx *.json *.jsonl);;All files (*)"),
        )
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        self._path = path
        self.file_label.setText(Path(path).name)
        self.file_label.setToolTip(path)
        self.decisions.clear()
        self._exporter = None
        self._replan()

    def group_id(self) -> int | None:
        return self.group_combo.currentData()

    @Slot()
    def _replan(self) -> None:
        if not self._path or self.runner.running:
            return
        self.import_button.setEnabled(False)
        self.summary_label.setText(self.tr("Reading…"))
        self._task = "plan"
        self.runner.start(
            plan_task,
            database=self._database,
            group_id=self.group_id(),
            path=self._path,
            exporter=self._exporter,
            add_unknown=self.add_unknown_box.isChecked(),
        )

    @Slot()
    def choose_exporter(self) -> None:
        person = self._pick("")
        if person is not None:
            self._exporter = person.membership_id
            self._replan()

    @Slot(object)
    def _on_task_finished(self, result: object) -> None:
        if self._task == "plan":
            assert isinstance(result, ChatPlan)
            self.plan = result
            self._show_plan()
        else:
            self.summary = result if isinstance(result, ChatImportSummary) else None
            announce(self._database, ("members", "participation"), self)  # the task committed on its own
            self.imported.emit(self.summary)
            self._show_done()

    @Slot(str)
    def _on_task_failed(self, message: str) -> None:
        error = self.runner.error
        if error is not None and not isinstance(error, QunDeskError | DatabaseError | ImportProblem | OSError):
            raise error
        self.plan = None
        self.summary_label.setText(localise_message(message))
        self.summary_label.setStyleSheet(f"color: {WARN};")
        self.import_button.setEnabled(False)

    @Slot()
    def _on_task_cancelled(self) -> None:
        self.summary_label.setText(self.tr("Cancelled: nothing was read or written"))
        self.import_button.setEnabled(self._task == "import" and self.plan is not None)

    # ---- closing while working: cancel first and say so; the dialog closes once nothing runs ----
    def reject(self) -> None:  # Esc and the window's close button (QDialog.closeEvent calls reject)
        if self.runner.running:
            self.runner.cancel()
            return
        super().reject()

    # ---------------------------------------------------------------- the plan
    def _show_plan(self) -> None:
        plan = self.plan
        assert plan is not None
        self.summary_label.setStyleSheet("")
        span = f"{plan.first_at:%Y-%m-%d} – {plan.last_at:%Y-%m-%d}" if plan.first_at and plan.last_at else "—"
        parts = [
            self.tr("%1 · %2").replace("%1", plan.format_label).replace("%2", span)
            + (self.tr(" (times read in %1)").replace("%1", plan.zone) if plan.zone else ""),
            # counts with plural forms: a small export has "1 sender to decide", not "1 senders"
            self.tr("%n message(s) from %1", "", plan.messages_known).replace(
                "%1", self.tr("%n member(s)", "", plan.speakers)
            ),
            self.tr("%n check-in(s)", "", len(plan.checkins) + plan.checkins_of_new),
            self._joins_removals(
                sum(1 for j in plan.joins if j.already_since is None and (j.membership_id or plan.add_unknown)),
                sum(1 for r in plan.removals if r.membership_id),
            ),
        ]
        if plan.unknown or plan.unattributable:
            parts.append(self.tr("%n sender(s) to decide", "", len(plan.unknown) + len(plan.unattributable)))
        if plan.covered_rows:
            parts.append(self.tr("%n row(s) imported before, skipped", "", plan.covered_rows))
        if plan.members_to_add:
            parts.append(self.tr("%n new member(s)", "", plan.members_to_add))
        if plan.leave_requests:
            parts.append(self.tr("%n leave message(s)", "", len(plan.leave_requests)))
        if plan.zone_differs:
            parts.append(
                self.tr(
                    "Times are as the exporting computer wrote them; this computer is set to %1, the community to %2:"
                    " if it was exported here, check its days"
                )
                .replace("%1", plan.zone_differs[0])
                .replace("%2", plan.zone_differs[1])
            )
        self.summary_label.setText(" · ".join(parts))
        if plan.group_mismatch and not plan.export_group:  # names no group; nearly all its senders are strangers
            self.group_warning.setText(self._strangers_text(self.group_combo.currentText()))
            self.group_warning.show()
        elif plan.group_mismatch:
            self.group_warning.setText(
                self.tr("This export is of the group “%1”, not “%2”. Import it into “%2” only if that is right.")
                .replace("%1", plan.export_group or "")
                .replace("%2", self.group_combo.currentText())
            )
            self.group_warning.show()
        else:
            self.group_warning.hide()
        if plan.exporter_name:
            self.exporter_label.setText(self.tr("Exported by %1").replace("%1", self._shown(plan.exporter_name) or ""))
            self.exporter_label.setStyleSheet("")
        elif plan.exporter_needed:
            self.exporter_label.setText(self.tr("Who exported it? Notices name them 你"))
            self.exporter_label.setStyleSheet(f"color: {WARN};")
        else:
            self.exporter_label.setText("")
        self._fill_senders()
        self._fill_events()
        self._fill_checkins()
        certain = sum(1 for r in plan.leave_requests if r.kind == "leave" and not r.not_certain)
        self.record_leave_box.setText(self.tr("Record the %n leave(s) members asked for themselves", "", certain))
        self.record_leave_box.setVisible(certain > 0)
        if not certain:
            self.record_leave_box.setChecked(False)
        self._fill_leaves()
        self.import_button.setEnabled(plan.group_id is not None and plan.rows > 0)
        self.import_button.setText(self.tr("Import"))

    def _fill_senders(self) -> None:
        plan = self.plan
        assert plan is not None
        order = {"unknown": 0, "unattributable": 1, "new": 2, "ignored": 3, "known": 4}
        senders = sorted(plan.senders, key=lambda s: (order.get(s.status, 5), -s.messages))
        table = self.senders_table
        table.setRowCount(len(senders))
        self._sender_rows = senders
        status_text = {
            "known": self.tr("Known"),
            "unknown": self.tr("Not on the roster"),
            "unattributable": self.tr("Several members have this name"),
            "ignored": self.tr("Ignored"),
            "new": self.tr("Will be added"),
        }
        for row, info in enumerate(senders):
            table.setItem(row, 0, QTableWidgetItem(info.shown))
            table.setItem(row, 1, QTableWidgetItem(info.shown_id or ""))
            count = QTableWidgetItem(str(info.messages))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, 2, count)
            shown = status_text.get(info.status, info.status)
            if info.how == "other_id" and info.candidates:
                shown = self.tr("Same name as %1, another ID").replace("%1", self._shown(info.candidates[0][1]) or "")
            elif info.status in ("unknown", "new") and info.looks_like:  # 張偉 beside 张伟: a guess, said
                who = "、".join(dict.fromkeys(self._shown(name) or "" for _m, name in info.looks_like))
                shown = self.tr("%1; looks like %2").replace("%2", who).replace("%1", shown)
            status = QTableWidgetItem(shown)
            if info.status in ("unknown", "unattributable"):
                status.setForeground(QColor(WARN))
            table.setItem(row, 3, status)
            if info.status in ("unknown", "unattributable") or info.key in self.decisions:
                table.setCellWidget(row, 4, self._decision_combo(info))
            else:
                table.setItem(row, 4, QTableWidgetItem(self._shown(info.display_name) or ""))

    def _decision_combo(self, info) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Not counted"), (UNDECIDED, None))
        guesses = [(m, name) for m, name in info.looks_like if m is not None] if info.how != "other_id" else []
        for membership_id, name in (*info.candidates, *guesses):
            combo.addItem(self.tr("It is %1").replace("%1", self._shown(name) or ""), (LINK, membership_id))
        combo.addItem(self.tr("A member… (pick)"), ("pick", None))
        combo.addItem(self.tr("Add as a new member"), (ADD, None))
        combo.addItem(self.tr("Ignore this sender"), (IGNORE, None))
        current = self.decisions.get(info.key)
        if current is not None:
            for i in range(combo.count()):
                if combo.itemData(i) == current:
                    combo.setCurrentIndex(i)
                    break
            else:
                named = str(current[2] if len(current) > 2 else "")
                combo.addItem(self.tr("It is %1").replace("%1", self._shown(named) or ""), current)
                combo.setCurrentIndex(combo.count() - 1)
        combo.activated.connect(lambda index, key=info.key, c=combo: self._on_decision(key, c, index))
        return combo

    def _on_decision(self, key: str, combo: QComboBox, index: int) -> None:
        action, target = combo.itemData(index)
        if action == "pick":
            info = next(s for s in self._sender_rows if s.key == key)
            person = self._pick(info.shown)
            if person is None:
                combo.setCurrentIndex(0)
                self.decisions.pop(key, None)
                return
            self.decisions[key] = (LINK, person.membership_id, person.display_name)
        elif action == UNDECIDED:
            self.decisions.pop(key, None)
        else:
            self.decisions[key] = (action, target)
        self.import_button.setText(self.tr("Import (with %n decision(s))", "", len(self.decisions)))

    def _pick(self, name: str):
        if self.pick_member_hook is not None:
            return self.pick_member_hook(name)
        gid = self.group_id()
        if gid is None:
            return None
        dialog = MemberPickerDialog(
            self._database,
            gid,
            name,
            self,
            shown=names_shown_to(self._actor),
            phones_hidden=not allowed(self._actor, "export_unmasked"),
        )
        dialog.exec()
        person = dialog.person if dialog.result() else None
        dialog.deleteLater()
        return person

    def _fill_events(self) -> None:
        plan = self.plan
        assert plan is not None
        rows = [
            (
                j.day,
                self.tr("joined") if j.how != "qr" else self.tr("joined by QR code"),
                j.name,
                self._shown(j.referrer_name) or "",
                self._shown(j.display_name) or self.tr("— not on the roster"),
            )
            for j in plan.joins
        ] + [
            (
                r.day,
                self.tr("left the group") if r.how == "leave" else self.tr("removed"),
                r.name,
                self._shown(r.by_name) or "",
                self._shown(r.display_name) or self.tr("— not on the roster"),
            )
            for r in plan.removals
        ]
        rows = [
            (day, what, who, through, self._already(plan, day, who, member)) for day, what, who, through, member in rows
        ]
        # what was not applied, and why (a name several members carry, a look-alike's name, 你 unknown): the note
        # replaces "not on the roster" for its own row, and any other note is a row of its own — none is silent
        notes = list(plan.unresolved_events)
        for i, (day, what, who, through, _member) in enumerate(rows):
            prefix = f"{day:%Y-%m-%d} {who}: "
            note = next((n for n in notes if n.startswith(prefix)), None)
            if note is not None:
                notes.remove(note)
                if not any(j.day == day and j.name == who and j.already_since for j in plan.joins):
                    rows[i] = (day, what, who, through, note[len(prefix) :])
        for note in notes:
            if " 你 (the exporting user)" in note:
                continue  # the dialog asks who exported the chat (exporter_needed) instead
            head, _, rest = note.partition(" ")
            try:
                day = date.fromisoformat(head)
            except ValueError:
                day, rest = None, note
            who, sep, why = rest.partition(": ")
            rows.append((day, self.tr("not applied"), who if sep else "", "", why if sep else rest))
        for day, who, words, named in plan.camp_day_disagrees:  # 第12天打卡 posted on day 13: logged for its day
            why = self.tr("says %1, which is %2 counted from the camp's first day: logged for the day it was posted")
            rows.append((day, self.tr("camp day"), who, "", why.replace("%1", words).replace("%2", named.isoformat())))
        rows.sort(key=lambda r: (r[0] is not None, r[0] or date.min))
        self.events_table.setRowCount(len(rows))
        for i, (day, what, who, through, member) in enumerate(rows):
            # the member column and the notes (「已拉黑: 王五 13800138002 …」) name roster people
            member = self._shown(member) or ""
            for col, text in enumerate((day.isoformat() if day else "", what, who, through, member)):
                self.events_table.setItem(i, col, QTableWidgetItem(text))

    def _already(self, plan: ChatPlan, day, who: str, member: str) -> str:
        join = next((j for j in plan.joins if j.day == day and j.name == who and j.already_since), None)
        if join is None or join.already_since is None:
            return member
        return (
            self.tr("%1 — a member since %2, unchanged")
            .replace("%1", member)
            .replace("%2", join.already_since.isoformat())
        )

    def _fill_checkins(self) -> None:
        plan = self.plan
        assert plan is not None
        rows = plan.checkins + plan.checkins_not_members
        self.checkins_table.setRowCount(len(rows))
        for i, c in enumerate(rows[:5000]):  # a preview: the count is in the summary
            how = self.tr("a message") if c.source == "chat" else self.tr("a 接龙")
            for col, text in enumerate(
                (c.day.isoformat(), self._shown(c.display_name) or "", c.at.strftime("%H:%M"), how)
            ):
                self.checkins_table.setItem(i, col, QTableWidgetItem(text))
        self.checkins_table.setRowCount(min(len(rows), 5000))

    @Slot()
    def _fill_leaves(self, *_args) -> None:
        """Each 请假 message: when, whose, the days it says (from the message's own day), its words, and what the
        import does with it — recorded (the box ticked), to record, or why not."""
        plan = self.plan
        if plan is None:
            return
        reasons = {
            "named": self.tr("names %1: record it in the leave dialog if it is theirs"),
            "question": self.tr("a question: no leave"),
            "about": self.tr("a notice about leave: no leave"),
            "long": self.tr("a long message: record it in the leave dialog if it is a leave"),
            "unknown_sender": self.tr("the sender is not on the roster: not recorded"),
            "taken_back_later": self.tr("taken back by a later message: not recorded"),
            "recorded": self.tr("recorded already"),
        }
        rows = plan.leave_requests
        self.leaves_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            days = r.first.isoformat() if r.first == r.last else f"{r.first.isoformat()} – {r.last.isoformat()}"
            if r.kind == "taken_back":
                days, outcome = "", self.tr("takes a leave back")
            elif r.not_certain in ("question", "about"):
                days, outcome = "", reasons[r.not_certain]
            elif r.not_certain:
                outcome = reasons.get(r.not_certain, r.not_certain).replace("%1", "、".join(r.named))
            elif self.record_leave_box.isChecked():
                outcome = self.tr("will be recorded")
            else:
                outcome = self.tr("not recorded: tick the box to record it")
            texts = (r.at.strftime("%Y-%m-%d %H:%M"), r.who, days, r.text, outcome)
            for col, text in enumerate(texts):
                self.leaves_table.setItem(i, col, QTableWidgetItem(text))

    def _strangers_text(self, group: str) -> str:
        if self.plan is not None and self.plan.private_with is not None:  # a 留痕 CSV of the exporter and one person
            return (
                self.tr(
                    "Only the exporter and %1 speak in this export: it looks like a private chat with %1, not the chat of “%2”."
                )
                .replace("%1", self._shown(self.plan.private_with) or "")
                .replace("%2", group)
            )
        if self.plan is not None and self.plan.private_pair is not None:  # a TXT of two people and no notice
            first, second = self.plan.private_pair
            return (
                self.tr(
                    "Only %1 and %2 speak in this export, with no group notice: it looks like a private chat, not the chat of “%3”."
                )
                .replace("%1", self._shown(first) or "")
                .replace("%2", self._shown(second) or "")
                .replace("%3", group)
            )
        known, strangers = (self.plan.mostly_strangers if self.plan else None) or (0, 0)
        return (
            self.tr(
                "%1 of the %2 senders of this export are not on the roster of “%3”: it may be another group's chat, or the roster does not know their chat names yet."
            )
            .replace("%1", str(strangers))
            .replace("%2", str(known + strangers))
            .replace("%3", group)
        )

    # ---------------------------------------------------------------- importing
    def ask_about_other_group(self, export_group: str, group: str) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Another group?"))
        box.setText(
            self.tr("This export is of the group “%1”, not “%2”.").replace("%1", export_group).replace("%2", group)
            if export_group
            else self._strangers_text(group)
        )
        box.setInformativeText(
            self.tr("Import it into “%1” only if it really is this group's chat (renamed, for example).").replace(
                "%1", group
            )
        )
        ok = box.addButton(self.tr("Import into “%1”").replace("%1", group), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is ok

    @Slot()
    def start_import(self) -> None:
        if self.plan is None or self._path is None or self.runner.running:
            return
        other_group = self.plan.group_mismatch
        if other_group and not self.confirm_other_group(self.plan.export_group or "", self.group_combo.currentText()):
            return
        self.import_button.setEnabled(False)
        self._task = "import"
        decisions = {k: v[:2] for k, v in self.decisions.items()}
        self.runner.start(
            import_task,
            database=self._database,
            actor=self._actor,
            path=self._path,
            group_name=self.group_combo.currentText(),
            decisions=decisions,
            exporter=self._exporter,
            add_unknown=self.add_unknown_box.isChecked(),
            other_group=other_group,
            record_leave=not self.record_leave_box.isHidden() and self.record_leave_box.isChecked(),
        )

    def _joins_removals(self, joins: int, removals: int) -> str:
        return (
            self.tr("%1, %2")
            .replace("%1", self.tr("%n join(s)", "", joins))
            .replace("%2", self.tr("%n removal(s)", "", removals))
        )

    def _show_done(self) -> None:
        s = self.summary
        if s is None:
            return
        self.summary_label.setText(
            self.tr("Imported: %1, %2, %3")
            .replace("%1", self.tr("%n message(s)", "", s.messages))
            .replace("%2", self.tr("%n check-in(s)", "", s.checkins))
            .replace("%3", self._joins_removals(s.joins, s.removals))
            + (
                "  ·  " + self.tr("%n removal(s) need an owner or admin", "", s.removals_not_allowed)
                if s.removals_not_allowed
                else ""
            )
            + ("  ·  " + self.tr("%n leave(s) recorded", "", s.leaves_recorded) if s.leaves_recorded else "")
        )
        self.import_button.setEnabled(False)
