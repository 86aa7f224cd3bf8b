"""Run desktop.tasks-style work off the UI thread (TaskRunner) or inline in tests (InlineTaskRunner).

A task is `fn(progress, **kwargs) -> result` (see desktop/tasks.py): it opens its own Session, takes ids
and plain values and calls `progress.step(done, total)` between batches. The runner turns that into Qt
signals on the main thread, shows a progress dialog only when the work lasts longer than ~0.6 s (short work
never flashes a dialog), and cancels through the same Progress object. Never touch widgets in `fn`.

A task's thread does not depend on its runner: the thread ends by itself once the task returns, and this module
keeps the thread alive until then. A runner destroyed while its task runs (its dialog was closed and deleted)
cancels the task — the task's transaction rolls back — instead of leaving a thread that runs for ever and aborts
the process when Python collects it ("QThread: Destroyed while thread is still running"). `running_tasks()`
lists what still runs (the main window asks before it closes on one), `stop_tasks()` cancels and waits."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEvent, QEventLoop, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import QunDeskError
from desktop.phones import mask_phones_in
from desktop.tasks import Cancelled, Progress
from models.db import DatabaseError

SHOW_DIALOG_AFTER_MS = 600

Task = Callable[..., Any]


def describe_error(exc: BaseException) -> str:
    """A known error's message as is; anything else as its traceback (for the exception dialog), a phone in it masked
    as ui.app.handle_exception masks a bug report's (it goes to whoever looks after QunDesk)."""
    if isinstance(exc, QunDeskError | DatabaseError):
        return str(exc)
    return mask_phones_in("".join(traceback.format_exception(exc))) or ""


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal(object)
    error = Signal(object)
    was_cancelled = Signal()

    def __init__(self, fn: Task, kwargs: dict[str, Any], progress: Progress, outcome: list[str] | None = None):
        super().__init__()
        self._fn, self._kwargs, self._progress = fn, kwargs, progress
        self._outcome = outcome if outcome is not None else []  # "done" / "cancelled" / "failed", once it ended

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._progress, **self._kwargs)
        except Cancelled:
            self._outcome.append("cancelled")
            self.was_cancelled.emit()
        except BaseException as exc:  # every failure must reach the UI thread
            self._outcome.append("failed")
            self.error.emit(exc)
        else:
            self._outcome.append("done")
            self.done.emit(result)
        finally:
            # the thread ends by itself, whether or not its runner is still there to end it (a closed dialog)
            self.thread().quit()


@dataclass(eq=False)
class _Running:
    """A task on its way: what keeps its thread and worker alive until the thread has ended."""

    thread: QThread
    worker: _Worker
    progress: Progress
    runner: TaskRunner
    title: str
    quiet: bool
    outcome: list[str]  # the worker's: "done" once the task returned (a cancel that came too late included)

    def ended(self) -> bool:
        return self.thread.isFinished() or not self.thread.isRunning()


_RUNNING: list[_Running] = []


def _forget_ended() -> None:
    _RUNNING[:] = [r for r in _RUNNING if not r.ended()]


def _orphaned(entry: _Running, *_args: object) -> None:
    """The runner was destroyed while its task ran: nobody can show the result any more, so the task stops
    (it rolls back). Its thread ends by itself and is forgotten once it has."""
    entry.progress.cancel()


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:  # the C++ object was deleted
        return False
    return True


def _inside(obj: QObject, ancestor: QObject) -> bool:
    while obj is not None:
        if obj is ancestor:
            return True
        obj = obj.parent()
    return False


def running_tasks(within: QObject | None = None, *, quiet: bool = False) -> list[str]:
    """The titles of the tasks still running (of runners inside `within`, when given); `quiet` ones — read-only
    work that may stop without a word, such as the dashboard's figures — only when `quiet` is true."""
    _forget_ended()
    return [
        r.title
        for r in _RUNNING
        if (quiet or not r.quiet) and (within is None or (_alive(r.runner) and _inside(r.runner, within)))
    ]


def stop_tasks(within: QObject | None = None, msecs: int = 120_000, *, finished: list[str] | None = None) -> bool:
    """Cancel every running task (of runners inside `within`, when given) and wait until their threads ended
    (their transactions rolled back, their temp files removed). True when all ended within `msecs`.
    `finished`: gets the titles of the tasks that completed all the same — a cancel that comes after a task's last
    progress step is too late (its file is in place, its transaction committed): the main window says so before it
    closes, where it had closed without a word after its question promised "what it has not finished is not
    written", and the user took a written import or backup for one that was stopped."""
    _forget_ended()
    chosen = [r for r in _RUNNING if within is None or not _alive(r.runner) or _inside(r.runner, within)]
    for r in chosen:
        r.progress.cancel()
    deadline = QDeadlineTimer(msecs)
    ended = all(r.thread.wait(deadline) for r in chosen)
    if finished is not None:
        finished.extend(r.title for r in chosen if "done" in r.outcome and not r.quiet)
    _forget_ended()
    return ended


class TaskRunner(QObject):
    """One task at a time on a worker QThread. Connect to the signals, then call start()."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        title: str = "",
        label: str = "",
        show_dialog: bool = True,
        quiet: bool = False,
    ):
        """`quiet`: the work only reads and may stop without asking anyone (running_tasks leaves it out)."""
        super().__init__(parent)
        self._quiet = quiet
        self._parent_widget = parent
        self._show_dialog_enabled = show_dialog
        self._title = title or self.tr("Working…")
        self._label = label or self.tr("Please wait…")
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._progress_obj: Progress | None = None
        self._dialog: QProgressDialog | None = None
        self._last: tuple[int, int] = (0, 0)
        self._entry: _Running | None = None
        self._orphan_guard: Any = None
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_dialog)
        self.error: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def set_title(self, title: str, *, quiet: bool = False) -> None:
        """What the next task is called (its progress dialog, the main window's question and message when it closes
        during the work): one runner doing several kinds of work (Settings: a backup, a restore) names each.
        `quiet`: the next task only reads (as the constructor's)."""
        self._title = title or self._title
        self._quiet = quiet

    def start(self, fn: Task, **kwargs: Any) -> None:
        if self._thread is not None:
            raise RuntimeError("a task is already running")
        self.error = None
        self._progress_obj = Progress(on_progress=lambda done, total: worker.progressed.emit(done, total))
        outcome: list[str] = []
        worker = _Worker(fn, kwargs, self._progress_obj, outcome)
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.error.connect(self._on_error)
        worker.was_cancelled.connect(self._on_cancelled)
        self._thread, self._worker = thread, worker
        entry = _Running(thread, worker, self._progress_obj, self, self._title, self._quiet, outcome)
        _forget_ended()
        _RUNNING.append(entry)
        self._entry = entry
        self._orphan_guard = self.destroyed.connect(lambda *_a: _orphaned(entry))
        thread.start()
        if self._show_dialog_enabled:
            self._show_timer.start(SHOW_DIALOG_AFTER_MS)

    def cancel(self) -> None:
        if self._progress_obj is not None:
            self._progress_obj.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._thread.wait(msecs) if self._thread is not None else True

    def shutdown(self, msecs: int = 120_000) -> bool:
        """Cancel the task and end its thread without the event loop (the application is quitting: the
        results would never be delivered). The thread's loop ends once the task returns; True when it did
        within `msecs`. A QThread destroyed while it runs aborts the process."""
        if self._thread is None:
            return True
        self.cancel()
        self._thread.quit()  # taken by the thread's own loop after the task returns
        ended = self._thread.wait(msecs)
        if ended:
            self._cleanup()
        return ended

    # ---- progress dialog ----
    @Slot()
    def _show_dialog(self) -> None:
        if self._thread is None:
            return
        dialog = QProgressDialog(self._label, self.tr("Cancel"), 0, 0, self._parent_widget)
        dialog.setWindowTitle(self._title)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._on_cancel_clicked)
        self._dialog = dialog
        self._update_dialog()
        dialog.show()

    def _update_dialog(self) -> None:
        if self._dialog is None:
            return
        done, total = self._last
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)

    @Slot()
    def _on_cancel_clicked(self) -> None:
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))
        self.cancel()

    # ---- worker results (main thread) ----
    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self._last = (done, total)
        self._update_dialog()
        self.progress.emit(done, total)

    def _cleanup(self) -> None:
        self._show_timer.stop()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._on_cancel_clicked)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        if self._entry is not None:
            if self._entry in _RUNNING:
                _RUNNING.remove(self._entry)
            self._entry = None
        if self._orphan_guard is not None:
            self.disconnect(self._orphan_guard)
            self._orphan_guard = None
        if self._thread is not None:
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        self._progress_obj = None

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._cleanup()
        self.finished.emit(result)

    @Slot(object)
    def _on_error(self, exc: BaseException) -> None:
        self._cleanup()
        self.error = exc
        self.failed.emit(describe_error(exc))

    @Slot()
    def _on_cancelled(self) -> None:
        self._cleanup()
        self.cancelled.emit()


_HELD = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Wheel,
        QEvent.Type.Shortcut,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Close,
    }
)


class _HoldInput(QObject):
    """While run_and_wait waits: the user's clicks, keys and window closes go nowhere but to the progress dialog
    (no second action starts in the middle of the first)."""

    def __init__(self, runner: TaskRunner):
        super().__init__()
        self._runner = runner

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() not in _HELD or not isinstance(obj, QWidget):
            return False
        dialog = self._runner._dialog
        return dialog is None or not _inside(obj, dialog)


def run_and_wait(parent: QWidget | None, fn: Task, *, title: str = "", label: str = "") -> Any:
    """Run `fn(progress)` on a worker thread and wait for it in a local event loop: the caller gets its result
    (or its exception, or Cancelled) as from a plain call, while the window keeps painting — a bulk change of
    thousands of people (seconds to a minute) froze it, "not responding" — with the progress dialog and its Cancel
    after ~0.6 s. Input other than to that dialog is held meanwhile. For work that must finish before the caller
    goes on (an undo step); everything else uses a TaskRunner and its signals."""
    runner = TaskRunner(parent, title=title, label=label)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def end(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    runner.finished.connect(lambda result: end("value", result))
    runner.failed.connect(lambda _message: end("error", runner.error))
    runner.cancelled.connect(lambda: end("error", Cancelled()))
    hold = _HoldInput(runner)
    app = QCoreApplication.instance()
    app.installEventFilter(hold)
    try:
        runner.start(fn)
        while not outcome:
            loop.exec()
    finally:
        app.removeEventFilter(hold)
        runner.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


class InlineTaskRunner(QObject):
    """Same interface, runs the task synchronously inside start(): for tests and tiny jobs."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None, **_ignored: Any):
        super().__init__(parent)
        self._progress_obj: Progress | None = None
        self.error: BaseException | None = None
        self.running = False

    def start(self, fn: Task, **kwargs: Any) -> None:
        self.error = None
        self._progress_obj = Progress(on_progress=self.progress.emit)
        self.running = True
        try:
            result = fn(self._progress_obj, **kwargs)
        except Cancelled:
            self.running = False
            self.cancelled.emit()
        except Exception as exc:
            self.running = False
            self.error = exc
            self.failed.emit(describe_error(exc))
        else:
            self.running = False
            self.finished.emit(result)

    def cancel(self) -> None:
        if self._progress_obj is not None:
            self._progress_obj.cancel()

    def wait(self, msecs: int = 0) -> bool:
        return True
