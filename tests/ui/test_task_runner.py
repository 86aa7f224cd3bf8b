"""TaskRunner on a real worker thread and the InlineTaskRunner tests use: results, errors, progress, cancel,
and a progress dialog that appears only for long work."""

from __future__ import annotations

import threading

import pytest
from helpers import OFFSCREEN_QUIRKS
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.errors import ValidationError
from ui.task_runner import InlineTaskRunner, TaskRunner

pytestmark = OFFSCREEN_QUIRKS


def add(progress, *, a, b):
    for i in range(3):
        progress.step(i + 1, 3)
    return {"sum": a + b, "thread": threading.current_thread().name}


def bad_value(progress):
    raise ValidationError("phone", "「x」不是有效的电话号码 (not a phone number)")


def bug(progress):
    raise ZeroDivisionError("boom")


def test_runs_off_the_ui_thread_and_reports_progress(qtbot):
    runner = TaskRunner()
    seen = []
    runner.progress.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(runner.finished, timeout=5000) as done:
        runner.start(add, a=2, b=3)
    assert done.args[0]["sum"] == 5
    assert done.args[0]["thread"] != threading.main_thread().name
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert not runner.running


def test_known_errors_give_their_message_and_bugs_their_traceback(qtbot):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.start(bad_value)
    assert failed.args[0] == "phone: 「x」不是有效的电话号码 (not a phone number)"
    assert isinstance(runner.error, ValidationError)
    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.start(bug)
    assert "Traceback" in failed.args[0] and "ZeroDivisionError: boom" in failed.args[0]


def test_cancel_stops_between_batches_and_the_dialog_appears_only_for_long_work(qtbot):
    gate = threading.Event()

    def slow(progress):
        progress.step(0, 10)
        gate.wait(5)
        progress.step(1, 10)  # raises Cancelled once cancel was asked for
        return "not reached"

    runner = TaskRunner(title="t", label="l")
    runner.start(slow)
    assert runner._dialog is None  # nothing flashes for short work
    qtbot.waitUntil(lambda: runner._dialog is not None and runner._dialog.isVisible(), timeout=3000)
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        cancel = runner._dialog.findChild(QPushButton)
        assert cancel.text() == "Cancel"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        gate.set()
    assert runner._dialog is None and not runner.running


def test_only_one_task_at_a_time(qtbot):
    gate = threading.Event()
    runner = TaskRunner(show_dialog=False)
    runner.start(lambda progress: gate.wait(5))
    with pytest.raises(RuntimeError):
        runner.start(add, a=1, b=1)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        gate.set()


def test_inline_runner_has_the_same_signals(qtbot):
    runner = InlineTaskRunner()
    with qtbot.waitSignal(runner.finished) as done:
        runner.start(add, a=1, b=2)
    assert done.args[0]["sum"] == 3 and done.args[0]["thread"] == threading.main_thread().name
    with qtbot.waitSignal(runner.failed):
        runner.start(bad_value)

    def cancels(progress):
        progress.cancel()
        progress.step(1, 2)

    with qtbot.waitSignal(runner.cancelled):
        runner.start(cancels)
