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
from PySide6.QtCore import QObject, Qt, QThread
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
    assert list(out.iterdir()) == []  # no workbook, no temp file
    qtbot.waitUntil(lambda: not page.running, timeout=10_000)
    assert "Cancelled" in page.status_label.text()
    assert running_tasks(quiet=True) == []
