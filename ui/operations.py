"""The one way the window changes data (Anki's CollectionOp): `run_write` runs a service call in one
transaction, commits, retries a busy database, reports a known error the way the app does, and announces the
change so the other pages reload. `run_read` is its twin for reads that report their errors.

    done = run_write(self, self._database, record_step, self._actor, membership_id, step_id,
                     changes=("participation",))
    if not done:
        return                      # the error was shown; nothing was written
    outcome = done.value

- `fn(session, *args, **kwargs)` is a service call (or a few, one user action): it must not commit, and it
  may run again when the database was busy (with_retry re-runs the whole transaction), so it returns what it
  made instead of appending to lists outside. `run_committed` takes a service that commits by itself.
- A known error — `QunDeskError` (a refused permission, a ValidationError …) or `models.db.DatabaseError` —
  rolls everything back and goes to `on_error` when given (a field's label, a dialog's own message line;
  `form_errors` sends a ValidationError to the form and the rest to a box), else to `ui.messages.show_error`
  (a warning box in the UI language). A database still busy after the retries is reported the same way, as
  `DatabaseBusy` with a translated message. Anything else is a bug: it propagates to the exception dialog.
- After the commit, `data_events().data_changed` carries a `Change` (database, kinds, initiator). The main
  window relays it: it refreshes the group list when member counts may have moved and tells every other page
  (GroupPage.data_changed_elsewhere) to reload — the page the change was made in updates itself.
  Work that commits on its own (an import task, the paste commit) announces its change with `announce`.

Kinds (what a page may want to reload for):
  members        people and memberships: added, edited, merged, deleted, status (the sidebar's counts)
  groups         a group created, renamed, archived, its capacity or profile
  participation  check-ins, leave, entry steps, activities and attendance, contributions, violations
  points         the points ledger, rules and levels
  taxonomy       tiers, roles, tags
  settings       workspace settings, operators, text templates
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.errors import QunDeskError, ValidationError
from desktop.tasks import Cancelled, Progress
from models.db import DatabaseError, is_retryable, with_retry
from ui import messages

T = TypeVar("T")

KINDS = frozenset({"members", "groups", "participation", "points", "taxonomy", "settings"})
KNOWN_ERRORS = (QunDeskError, DatabaseError)
RETRY_ATTEMPTS = 5  # whole-transaction attempts while the database is busy (tests make it 1 or 2)


def busy_message() -> str:
    """What the user reads when the database stayed busy (in the UI language, through the catalogues)."""
    return QCoreApplication.translate(
        "operations", "The database is busy (another QunDesk or a backup is using it): try again in a moment"
    )


class DatabaseBusy(DatabaseError):
    """The database stayed locked (another QunDesk, a backup) through every retry of a window write."""


@dataclass(frozen=True)
class Change:
    """What one write changed: on which workspace, which kinds of data, and who made it (a widget or None)."""

    database: Any
    kinds: frozenset[str]
    initiator: QObject | None = None

    def made_in(self, widget: QObject) -> bool:
        """Whether the change was made in `widget` or in something it owns (a dialog opened from a page)."""
        obj = self.initiator
        while obj is not None:
            if obj is widget:
                return True
            obj = obj.parent()
        return False


class DataEvents(QObject):
    """The application-wide notice that data changed (one per QApplication)."""

    data_changed = Signal(object)  # a Change, after its commit


_events: DataEvents | None = None


def data_events() -> DataEvents:
    global _events
    if _events is None:
        _events = DataEvents(QCoreApplication.instance())
    return _events


@dataclass(frozen=True)
class Done(Generic[T]):
    """What became of an operation: true when it committed (`value` is what `fn` returned), false after a
    known error (`error`, already reported)."""

    ok: bool
    value: T | None = None
    error: BaseException | None = None

    def __bool__(self) -> bool:
        return self.ok


def _kinds(changes: Iterable[str]) -> frozenset[str]:
    kinds = frozenset(changes)
    unknown = kinds - KINDS
    if unknown:
        raise ValueError(f"unknown kinds of change: {sorted(unknown)}")
    return kinds


def announce(database: Any, changes: Iterable[str], initiator: QObject | None = None) -> None:
    """Tell the window that data changed (work that committed on its own: an import, the paste commit)."""
    kinds = _kinds(changes)
    if kinds:
        data_events().data_changed.emit(Change(database, kinds, initiator))


def _report(
    parent: Any, exc: BaseException, on_error: Callable[[BaseException], None] | None, title: str | None
) -> None:
    if on_error is not None:
        on_error(exc)
    else:
        messages.show_error(parent, exc, title)


def form_errors(
    parent: QObject | None, on_validation: Callable[[ValidationError], None], title: str | None = None
) -> Callable[[BaseException], None]:
    """An `on_error` for a form: a ValidationError goes to the form (`on_validation`, a field's label), any
    other known error (a refusal, a busy database) to a warning box as usual."""

    def report(exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            on_validation(exc)
        else:
            messages.show_error(parent, exc, title)

    return report


def run_write(
    parent: QObject | None,
    database: Any,
    fn: Callable[..., T],
    *args: Any,
    changes: Iterable[str] | Callable[[T], Iterable[str]],
    on_error: Callable[[BaseException], None] | None = None,
    title: str | None = None,
    working: str | None = None,
    **kwargs: Any,
) -> Done[T]:
    """Run `fn(session, *args, **kwargs)` in one transaction and commit it (again while the database is busy).
    `changes`: the kinds of data it changes, or a function of its result giving them (empty: announce nothing).
    A known error is reported (on_error, else a warning box with `title`) and nothing is written.
    `working` (a bulk change of thousands of rows): the transaction runs on a worker thread while the window
    keeps painting (task_runner.run_and_wait), a progress dialog with this label and Cancel shows after ~0.6 s;
    a cancel rolls it all back and gives Done(False) with a `Cancelled` error, reported to nobody."""

    def transaction(progress: Progress | None = None) -> T:
        with database.session() as session:
            if progress is not None:
                progress.step(0, 0)
            value = fn(session, *args, **kwargs)
            if progress is not None:
                progress.step(1, 1)  # a Cancel asked for while it ran: rolled back, nothing written
            session.commit()
            return value

    if working is None:
        return _run(parent, database, lambda: with_retry(transaction, RETRY_ATTEMPTS), changes, on_error, title)
    from ui.task_runner import run_and_wait

    def off_thread() -> T:
        return run_and_wait(
            parent if isinstance(parent, QWidget) else None,
            lambda progress: with_retry(lambda: transaction(progress), RETRY_ATTEMPTS),
            label=working,
        )

    return _run(parent, database, off_thread, changes, on_error, title)


def run_committed(
    parent: QObject | None,
    database: Any,
    fn: Callable[..., T],
    *args: Any,
    changes: Iterable[str] | Callable[[T], Iterable[str]],
    on_error: Callable[[BaseException], None] | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Done[T]:
    """`run_write` for a service that opens, retries and commits its own transaction, such as
    `commit_paste(database, …)`: the same error reporting and the same announcement."""
    return _run(parent, database, lambda: fn(*args, **kwargs), changes, on_error, title)


def _run(
    parent: QObject | None,
    database: Any,
    call: Callable[[], T],
    changes: Iterable[str] | Callable[[T], Iterable[str]],
    on_error: Callable[[BaseException], None] | None,
    title: str | None,
) -> Done[T]:
    try:
        value = call()
    except Cancelled as exc:  # the user's own choice: nothing to report
        return Done(False, error=exc)
    except KNOWN_ERRORS as exc:
        if is_retryable(exc):  # a workspace still locked after every retry (models.db.WorkspaceBusyError): as below
            return _busy(parent, exc, on_error, title)
        _report(parent, exc, on_error, title)
        return Done(False, error=exc)
    except Exception as exc:
        if not is_retryable(exc):
            raise  # a bug: the exception dialog
        return _busy(parent, exc, on_error, title)
    announce(database, changes(value) if callable(changes) else changes, parent)
    return Done(True, value)


def _busy(
    parent: QObject | None, exc: BaseException, on_error: Callable[[BaseException], None] | None, title: str | None
) -> Done[Any]:
    busy = DatabaseBusy(busy_message())
    busy.__cause__ = exc
    _report(parent, busy, on_error, title)
    return Done(False, error=busy)


def run_read(
    parent: QObject | None,
    database: Any,
    fn: Callable[..., T],
    *args: Any,
    on_error: Callable[[BaseException], None] | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Done[T]:
    """Run `fn(session, *args, **kwargs)` in a session that is not committed; a known error is reported as by
    run_write. For reads that can fail in a way the user must see (a group deleted meanwhile, a refusal)."""
    try:
        with database.session() as session:
            return Done(True, fn(session, *args, **kwargs))
    except KNOWN_ERRORS as exc:
        _report(parent, exc, on_error, title)
        return Done(False, error=exc)
