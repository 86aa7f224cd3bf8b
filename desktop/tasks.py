"""Long work as plain functions with progress and cancel, usable headless (CLI, tests) and from the
window (ui/task_runner.py runs them on a worker thread and turns the callbacks into Qt signals).

A task is `fn(progress: Progress, **kwargs) -> result`. It opens its own Session, takes ids and plain
values, returns plain data, and calls `progress.step(done, total)` between batches, which raises
`Cancelled` once cancel was asked for (the task's transaction then rolls back: nothing half written)."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class Progress:
    def __init__(self, on_progress: Callable[[int, int], None] | None = None):
        self._on_progress = on_progress
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._on_progress is not None:
            self._on_progress(done, total)
