"""Run desktop.tasks-style work off the UI thread (TaskRunner) or inline in tests (InlineTaskRunner).

A task is `fn(progress, **kwargs) -> result` (see desktop/tasks.py): it opens its own Session, takes ids
and plain values and calls `progress.step(done, total)` between batches. The runner turns that into Qt
signals on the main thread, shows a progress dialog only when the work lasts longer than ~0.6 s (short work
never flashes a dialog), and cancels through the same Progress object. Never touch widgets in `fn`."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import QunDeskError
from desktop.tasks import Cancelled, Progress
from models.db import DatabaseError

SHOW_DIALOG_AFTER_MS = 600

Task = Callable[..., Any]


def describe_error(exc: BaseException) -> str:
    """A known error's message as is; anything else as its traceback (for the exception dialog)."""
    if isinstance(exc, QunDeskError | DatabaseError):
        return str(exc)
    return "".join(traceback.format_exception(exc))


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal(object)
    error = Signal(object)
    was_cancelled = Signal()

    def __init__(self, fn: Task, kwargs: dict[str, Any], progress: Progress):
        super().__init__()
        self._fn, self._kwargs, self._progress = fn, kwargs, progress

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._progress, **self._kwargs)
        except Cancelled:
            self.was_cancelled.emit()
        except BaseException as exc:  # every failure must reach the UI thread
            self.error.emit(exc)
        else:
            self.done.emit(result)


class TaskRunner(QObject):
    """One task at a time on a worker QThread. Connect to the signals, then call start()."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None, *, title: str = "", label: str = "", show_dialog: bool = True):
        super().__init__(parent)
        self._parent_widget = parent
        self._show_dialog_enabled = show_dialog
        self._title = title or self.tr("Working…")
        self._label = label or self.tr("Please wait…")
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._progress_obj: Progress | None = None
        self._dialog: QProgressDialog | None = None
        self._last: tuple[int, int] = (0, 0)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_dialog)
        self.error: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, fn: Task, **kwargs: Any) -> None:
        if self._thread is not None:
            raise RuntimeError("a task is already running")
        self.error = None
        self._progress_obj = Progress(on_progress=lambda done, total: worker.progressed.emit(done, total))
        worker = _Worker(fn, kwargs, self._progress_obj)
        thread = QThread()
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.error.connect(self._on_error)
        worker.was_cancelled.connect(self._on_cancelled)
        self._thread, self._worker = thread, worker
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
