"""FirstRunDialog: shown when the workspace has no group yet; offers a demo workspace (built off the UI
thread with progress and cancel, through ui/task_runner.py) or starting empty."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QunDeskError
from desktop.tasks import Cancelled, Progress
from models.db import DatabaseError
from ui.messages import localise_message, people_text
from ui.task_runner import TaskRunner

# DEMO_MEMBERS counts people (`demo --members`): some are in two groups, some only applied or left, so the
# window then shows more memberships than people (ui/messages.py, "Counting people").
DEMO_GROUPS, DEMO_MEMBERS, DEMO_MONTHS = 5, 600, 3


def demo_task(progress: Progress, *, engine: Any, builder: Callable[..., Any] | None = None) -> Any:
    """Fill the workspace with the demo (runs on the worker thread; touches no widget)."""
    if builder is None:
        from desktop.demo import build_demo as builder  # imported lazily: only the first run needs it
    try:
        return builder(
            engine,
            groups=DEMO_GROUPS,
            members=DEMO_MEMBERS,
            months=DEMO_MONTHS,
            progress=progress.step,
            cancelled=lambda: progress.cancelled,
        )
    except Exception as exc:
        if type(exc).__name__ == "DemoCancelled":
            raise Cancelled() from exc
        raise


class FirstRunDialog(QDialog):
    """`choice` is "demo" or "empty" once the dialog is accepted; `summary` holds the demo's summary."""

    def __init__(
        self,
        database,
        runner: Any | None = None,
        builder: Callable[..., Any] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self._database = database
        self._builder = builder
        self.choice: str | None = None
        self.summary: Any = None
        self.runner = runner or TaskRunner(self, show_dialog=False)  # the dialog shows its own progress
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)

        self.setWindowTitle(self.tr("Welcome to QunDesk"))
        title = QLabel(self.tr("Welcome to QunDesk"))
        title.setObjectName("pageTitle")
        intro = QLabel(
            self.tr("This workspace is empty. Explore QunDesk with a demo workspace, or start with your own groups.")
        )
        intro.setWordWrap(True)

        self.demo_button = QPushButton(self.tr("Create a demo workspace"))
        self.demo_button.setObjectName("primaryButton")
        self.demo_button.setDefault(True)
        self.demo_hint = demo_hint = QLabel(
            self.tr(
                "%1 groups and %2, all made up — some in two groups, some who only applied or left — with three "
                "months of check-ins, activities and points."
            )
            .replace("%1", str(DEMO_GROUPS))
            .replace("%2", people_text(DEMO_MEMBERS))
        )
        demo_hint.setObjectName("hint")
        demo_hint.setWordWrap(True)
        self.empty_button = QPushButton(self.tr("Start empty"))
        empty_hint = QLabel(self.tr("Create your first group yourself (File ▸ New group…)."))
        empty_hint.setObjectName("hint")
        empty_hint.setWordWrap(True)

        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()

        self.demo_button.clicked.connect(self.create_demo)
        self.empty_button.clicked.connect(self.start_empty)
        self.cancel_button.clicked.connect(self.runner.cancel)

        options = QVBoxLayout()
        options.setSpacing(4)
        options.addWidget(self.demo_button)
        options.addWidget(demo_hint)
        options.addSpacing(12)
        options.addWidget(self.empty_button)
        options.addWidget(empty_hint)

        working = QHBoxLayout()
        working.addWidget(self.progress_bar, 1)
        working.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(options)
        layout.addLayout(working)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.setMinimumWidth(480)
        # Word-wrapped labels make the plain size hint too tall; size to the wrapped text instead.
        self.resize(520, layout.totalHeightForWidth(520))

    # ---- choices ----
    @Slot()
    def create_demo(self) -> None:
        self._set_working(True)
        self.status_label.setText(self.tr("Creating the demo workspace…"))
        self.status_label.show()
        self.runner.start(demo_task, engine=self._database.engine, builder=self._builder)

    @Slot()
    def start_empty(self) -> None:
        self.choice = "empty"
        self.accept()

    def _set_working(self, working: bool) -> None:
        self.demo_button.setEnabled(not working)
        self.empty_button.setEnabled(not working)
        self.progress_bar.setVisible(working)
        self.cancel_button.setVisible(working)
        if working:
            self.progress_bar.setRange(0, 0)  # busy until the first progress report

    # ---- runner ----
    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))

    @Slot(object)
    def _on_finished(self, summary: Any) -> None:
        self._set_working(False)
        self.summary = summary
        self.choice = "demo"
        self.accept()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._set_working(False)
        error = getattr(self.runner, "error", None)
        known = error is None or isinstance(error, QunDeskError | DatabaseError | ValueError)
        text = message if error is None else str(error)
        self.status_label.setText(self.tr("The demo could not be created: %1").replace("%1", localise_message(text)))
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if not known:  # a bug: the traceback goes to the one exception dialog
            sys.excepthook(type(error), error, error.__traceback__)

    @Slot()
    def _on_cancelled(self) -> None:
        self._set_working(False)
        self.status_label.setText(self.tr("Cancelled. Nothing was written; the workspace is still empty."))

    # ---- closing while the demo is being written: cancel first, never leave a thread behind ----
    def reject(self) -> None:
        if self.runner.running:
            self.runner.cancel()
            self.runner.wait()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner.running:
            self.runner.cancel()
            event.ignore()
            return
        super().closeEvent(event)
