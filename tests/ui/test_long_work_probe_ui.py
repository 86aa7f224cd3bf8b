"""Long work and the windows around it (the long-work probe): a chat import the user closes with Esc while it
writes, a runner whose dialog is deleted while its task runs, and the main window closed during an export. The
work is either finished or rolled back, the user is asked before the window cuts it off, and no thread is left
running (Qt aborts the process when a running QThread is destroyed)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton
from sqlalchemy import func, select

from desktop.tasks import Cancelled
from models import ChatActivity, ChatImport, Member
from ui.task_runner import TaskRunner, running_tasks, stop_tasks

pytestmark = OFFSCREEN_QUIRKS

TODAY = date(2026, 12, 2)
CHAT = Path(__file__).resolve().parents[1] / "data" / "chat"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day: the chat export's messages are of November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def gate():
    """Opens at the end of the test whatever happened, and no task outlives it."""
    event = threading.Event()
    yield event
    event.set()
    stop_tasks()


def _gated(real, started: threading.Event, gate: threading.Event, outcome: list[str]):
    """`real` held at its start until `gate` opens (the user acts meanwhile); what became of it in `outcome`."""

    def task(*args, **kwargs):  # the progress comes first or by name, as the real task takes it
        started.set()
        gate.wait(20)
        try:
            result = real(*args, **kwargs)
        except Cancelled:
            outcome.append("cancelled")
            raise
        outcome.append("done")
        return result

    return task


def test_esc_while_a_chat_history_is_imported_cancels_it_and_the_dialog_says_so(qtbot, ws, monkeypatch, gate):
    import ui.dialogs.chat_import_dialog as chat_dialog

    started, outcome = threading.Event(), []
    monkeypatch.setattr(chat_dialog, "import_task", _gated(chat_dialog.import_task, started, gate, outcome))
    with ws.database.session() as s:
        members_before = s.scalar(select(func.count()).select_from(Member))
    dialog = chat_dialog.ChatImportDialog(ws.database, ws.owner, ws.group_id)
    qtbot.addWidget(dialog)
    dialog.confirm_other_group = lambda _export, _selected: True  # the export names 晨跑俱乐部
    dialog.show()
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.set_file(str(CHAT / "晨跑俱乐部_utf8.csv"))
    with qtbot.waitSignal(dialog.runner.finished, timeout=20_000):
        dialog.add_unknown_box.setChecked(True)  # everyone in the export is added: much to write
    assert dialog.import_button.isEnabled()
    dialog.start_import()
    assert started.wait(10)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # while it runs
    assert dialog.isVisible()  # the dialog stays to say what became of the import
    with qtbot.waitSignal(dialog.runner.cancelled, timeout=20_000):
        gate.set()
    assert outcome == ["cancelled"]
    assert "Cancelled" in dialog.summary_label.text()
    with ws.database.session() as s:
        assert s.scalar(select(func.count()).select_from(ChatActivity)) == 0
        assert s.scalar(select(func.count()).select_from(ChatImport)) == 0
        assert s.scalar(select(func.count()).select_from(Member)) == members_before
    assert dialog.import_button.isEnabled()  # it can be started again
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing runs: Esc closes
    assert not dialog.isVisible()


def test_a_runner_deleted_while_its_task_runs_cancels_the_task_and_the_thread_ends(qtbot, gate):
    owner = QObject()
    runner = TaskRunner(owner, show_dialog=False)
    started, seen = threading.Event(), {}

    def task(progress):
        seen["thread"] = QThread.currentThread()
        started.set()
        gate.wait(20)
        try:
            progress.step(1, 2)
        except Cancelled:
            seen["outcome"] = "cancelled"
            raise
        seen["outcome"] = "went on"

    runner.start(task)
    assert started.wait(10)
    shiboken6.delete(owner)  # a dialog closed with WA_DeleteOnClose, its runner with it
    gate.set()
    qtbot.waitUntil(lambda: "outcome" in seen, timeout=10_000)
    assert seen["outcome"] == "cancelled"  # nobody could show its result: it rolled back
    qtbot.waitUntil(lambda: seen["thread"].isFinished(), timeout=10_000)  # not left running for ever
    assert running_tasks(quiet=True) == []


def test_closing_the_window_during_an_export_asks_and_stopping_leaves_no_file(qtbot, ws, monkeypatch, tmp_path, gate):
    import desktop.services.roster_export as roster_export
    from ui.main_window import MainWindow
    from ui.pages.reports_page import ReportsPage

    started, outcome = threading.Event(), []
    monkeypatch.setattr(roster_export, "export_roster", _gated(roster_export.export_roster, started, gate, outcome))
    out = tmp_path / "out"
    out.mkdir()
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    window.show_page("reports")
    page = window.findChild(ReportsPage)
    page.choose_save_path = lambda _title, _suggested: str(out / "名单.xlsx")
    asked: list[list[str]] = []
    told: list[list[str]] = []
    window.tell_finished_anyway = lambda finished: told.append(finished)
    window.confirm_close_while_working = lambda working: asked.append(list(working)) or False
    assert page.export_roster()
    assert started.wait(10)
    window.close()  # "Keep working"
    assert asked == [["Exporting"]]
    assert window.isVisible() and page.running
    window.confirm_close_while_working = lambda working: asked.append(list(working)) or True
    threading.Timer(0.3, gate.set).start()  # the task reaches its next step a moment after the answer
    window.close()  # "Stop and close": the close waits until the export has stopped
    assert not window.isVisible()
    assert outcome == ["cancelled"]
    assert told == []  # stopped: nothing finished to tell of
    assert list(out.iterdir()) == []  # no workbook, no temp file
    qtbot.waitUntil(lambda: not page.running, timeout=10_000)
    assert "Cancelled" in page.status_label.text()
    assert running_tasks(quiet=True) == []


@pytest.fixture
def roster(qtbot, ws, monkeypatch):
    """The Roster page with its three seeded members selected, and every bulk change counted as a big one (the
    seed has three people; BULK_OFF_THREAD is a few hundred)."""
    import ui.pages.roster_page as roster_page

    monkeypatch.setattr(roster_page, "BULK_OFF_THREAD", 1)
    page = roster_page.RosterPage(ws.database, ws.owner)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_group(ws.group_id)
    return page


def _tags_of(ws, names):
    from desktop.services.roster import get_member_input

    with ws.database.session() as s:
        return {n: get_member_input(s, ws.memberships[n]).tags for n in names}


def test_a_bulk_change_of_many_people_leaves_the_window_painting(qtbot, ws, roster, monkeypatch, gate):
    import ui.pages.roster_page as roster_page

    names = ("张三", "张珊", "李四")
    ids = [ws.memberships[n] for n in names]
    real = roster_page.bulk_tag
    on_thread: list[bool] = []

    def slow_tag(*args, **kwargs):  # thousands of people: seconds of work
        on_thread.append(threading.current_thread() is threading.main_thread())
        gate.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(roster_page, "bulk_tag", slow_tag)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    threading.Timer(1.0, gate.set).start()
    roster._do_bulk_tag(ids, "早鸟")  # returns once written, as before
    timer.stop()
    assert on_thread == [False]
    assert len(ticks) >= 20  # the UI thread went on for the second the write took (it froze: 0 ticks)
    assert all("早鸟" in tags for tags in _tags_of(ws, names).values())
    assert roster.undo_stack.count() == 1 and "早鸟" in roster.undo_label.text()
    # and its undo, as big a change, the same way
    import ui.pages.roster_commands as roster_commands

    untag = roster_commands.bulk_remove_tag
    monkeypatch.setattr(
        roster_commands,
        "bulk_remove_tag",
        lambda *a, **k: on_thread.append(threading.current_thread() is threading.main_thread()) or untag(*a, **k),
    )
    roster.undo_stack.undo()
    assert on_thread == [False, False]
    assert all("早鸟" not in tags for tags in _tags_of(ws, names).values())


def _cancel_once_shown(qtbot, page, gate: threading.Event) -> list[bool]:
    """Click Cancel on the page's progress dialog once it shows, then open the gate the slow work waits at; the
    list returned gets True when the click happened."""
    from ui import task_runner

    clicked: list[bool] = []

    def press_cancel() -> None:
        dialogs = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
        if not dialogs:
            QTimer.singleShot(50, press_cancel)
            return
        qtbot.mouseClick(dialogs[0].findChild(QPushButton), Qt.MouseButton.LeftButton)
        clicked.append(True)
        gate.set()

    QTimer.singleShot(task_runner.SHOW_DIALOG_AFTER_MS, press_cancel)
    return clicked


def test_cancelling_a_bulk_change_of_many_people_changes_nobody(qtbot, ws, roster, monkeypatch, gate):
    import ui.pages.roster_page as roster_page

    names = ("张三", "张珊", "李四")
    ids = [ws.memberships[n] for n in names]
    real = roster_page.bulk_tag

    def slow_tag(*args, **kwargs):
        gate.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(roster_page, "bulk_tag", slow_tag)
    clicked = _cancel_once_shown(qtbot, roster, gate)
    roster._do_bulk_tag(ids, "早鸟")
    assert clicked == [True]
    assert all("早鸟" not in tags for tags in _tags_of(ws, names).values())  # rolled back: nobody tagged
    assert roster.undo_stack.count() == 0  # nothing to undo
    assert "Cancelled" in roster.undo_label.text()


def test_a_cancelled_undo_of_a_big_change_can_be_undone_again(qtbot, ws, roster, monkeypatch, gate):
    """Cancelling the undo of a big bulk change rolled the undo back (everyone kept the tag) but the command left
    the undo history: the change could no longer be undone. The command now stays where it was: Ctrl+Z again
    undoes it."""
    import ui.pages.roster_commands as roster_commands

    names = ("张三", "张珊", "李四")
    ids = [ws.memberships[n] for n in names]
    gate.set()
    roster._do_bulk_tag(ids, "早鸟")
    assert roster.undo_stack.count() == 1 and roster.undo_stack.canUndo()
    untag = roster_commands.bulk_remove_tag
    slow = threading.Event()

    def slow_untag(*args, **kwargs):
        slow.wait(20)
        return untag(*args, **kwargs)

    monkeypatch.setattr(roster_commands, "bulk_remove_tag", slow_untag)
    clicked = _cancel_once_shown(qtbot, roster, slow)
    roster.undo_stack.undo()
    assert clicked == [True]
    assert all("早鸟" in tags for tags in _tags_of(ws, names).values())  # the undo rolled back: still tagged
    qtbot.waitUntil(lambda: roster.undo_stack.index() == 1)  # the stack moved back over the command
    assert roster.undo_stack.count() == 1 and roster.undo_stack.canUndo() and not roster.undo_stack.canRedo()
    assert "Cancelled" in roster.undo_label.text()
    roster.undo_stack.undo()  # and undoing it again works
    assert all("早鸟" not in tags for tags in _tags_of(ws, names).values())
    assert roster.undo_stack.canRedo()


def test_closing_the_window_after_a_backups_last_step_says_it_was_written(qtbot, ws, monkeypatch, gate):
    """ "Stop and close" while a backup is past its last step: the cancel comes too late, the backup is in place.
    The window says so before it closes (it closed without a word, after its question had said that what was not
    finished would not be written: the user took the backup for stopped). A task that was stopped says nothing."""
    import ui.pages.settings_page as settings_page
    from desktop.paths import backups_dir
    from ui.main_window import MainWindow

    real, started, outcome = settings_page.backup_workspace, threading.Event(), []

    def backup_then_wait(*args, **kwargs):  # written, then held where only a finished task can be
        result = real(*args, **kwargs)
        started.set()
        gate.wait(20)
        outcome.append("done")
        return result

    monkeypatch.setattr(settings_page, "backup_workspace", backup_then_wait)
    window = MainWindow(ws.database, ws.owner)
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    page = window.findChild(settings_page.SettingsPage)
    told: list[list[str]] = []
    window.tell_finished_anyway = lambda finished: told.append(finished)
    asked: list[list[str]] = []
    window.confirm_close_while_working = lambda working: asked.append(list(working)) or True
    assert page.back_up_now()
    assert started.wait(30)
    threading.Timer(0.3, gate.set).start()
    window.close()  # "Stop and close"
    assert not window.isVisible()
    assert asked == [["Backing up"]]
    assert outcome == ["done"]
    assert told == [["Backing up"]]
    assert [p.name for p in backups_dir().iterdir() if p.name.startswith("manual-")]
    assert running_tasks(quiet=True) == []
