"""Start the window: `run_app(db, lang)` (what `qundesk` with no command calls) sets up the QApplication
(names, translators, CJK-friendly font, style sheet, one excepthook), opens the workspace, offers a demo on
an empty workspace and shows the MainWindow."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from desktop.errors import QunDeskError
from desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, qm_paths
from desktop.paths import default_db_path, missing_named_workspace, resolve_db, resources_dir
from desktop.phones import mask_phones_in
from models.db import DatabaseError
from ui import wheel_guard
from ui.messages import LANGUAGE_PROPERTY, localise_message

ORGANIZATION = "QunDesk"
APPLICATION = "QunDesk"
LANGUAGE_KEY = "ui/language"
TEAM_URL_KEY = "team/url"  # saved by Settings › Team database, without the password
TEAM_USE_KEY = "team/use"
EXIT_DATABASE = 3
QUIT_AFTER_ENV = "QUNDESK_QUIT_AFTER_MS"  # smoke test of the built app: show the window, quit by itself after N ms

# Tried in order after the platform's UI font: the first installed one draws Chinese (and emoji names).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
    "Noto Color Emoji",
)

_translators: list[QTranslator] = []  # kept alive for the application's lifetime


def choose_language(explicit: str | None) -> str:
    """--lang, else the language chosen in Settings, else Simplified Chinese."""
    for candidate in (explicit, QSettings().value(LANGUAGE_KEY), DEFAULT_LANGUAGE):
        if candidate in LANGUAGES:
            return str(candidate)
    return DEFAULT_LANGUAGE


def install_translators(app: QCoreApplication, lang: str) -> None:
    """Qt's own strings (qtbase_zh_CN: standard buttons, context menus) and ours, replacing any installed."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    app.setProperty(LANGUAGE_PROPERTY, lang)
    QLocale.setDefault(QLocale(lang))
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _translators.append(qt)
    for path in qm_paths(lang):  # English has them too: they hold the plural forms ("1 person", "2 people")
        ours = QTranslator(app)
        if ours.load(str(path)):
            app.installTranslator(ours)
            _translators.append(ours)


def set_default_font(app: QApplication, lang: str) -> None:
    """The platform font with CJK fall-backs; for Chinese the CJK family leads so Latin and Han match."""
    installed = set(QFontDatabase.families())
    cjk = [f for f in CJK_FAMILIES if f in installed]
    if not cjk:
        return
    font = QFont(app.font())
    base = font.family()
    families = [*cjk, base] if lang.startswith("zh") else [base, *cjk]
    font.setFamilies(list(dict.fromkeys(families)))
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)


def apply_style(app: QApplication) -> None:
    """Fusion plus resources/style.qss (icons referenced through @ICONS@, resolved here)."""
    qss = resources_dir() / "style.qss"
    if qss.is_file():
        app.setStyle("Fusion")
        icons = (resources_dir() / "icons").as_posix()
        app.setStyleSheet(qss.read_text(encoding="utf-8").replace("@ICONS@", icons))


def prepare_app(lang: str | None = None, argv: list[str] | None = None) -> QApplication:
    """The QApplication with names, language, font and style (used by run_app and ui/screenshots)."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    chosen = choose_language(lang)
    install_translators(app, chosen)
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "QunDesk"))
    set_default_font(app, chosen)
    apply_style(app)
    wheel_guard.install(app)  # the wheel scrolls the lists; it never turns a choice the pointer crosses
    return app


# ---- errors ----
_in_hook = False


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Known errors get a plain message; anything else the exception dialog with its traceback."""
    global _in_hook
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    # a bug report goes to whoever looks after QunDesk, from whoever is signed in (an assistant too): a phone in it —
    # a member's name or a pasted line in the error's text, KeyError('王五 13800138002') — is masked for everyone
    # (desktop.phones.mask_phones_in); engine errors already leave their values out (models.db: hide_parameters)
    details = mask_phones_in("".join(traceback.format_exception(exc_type, exc, tb))) or ""
    sys.stderr.write(details)
    if _in_hook or QApplication.instance() is None:
        return
    _in_hook = True
    try:
        if isinstance(exc, QunDeskError | DatabaseError):
            QMessageBox.warning(
                QApplication.activeWindow(),
                QCoreApplication.translate("MainWindow", "QunDesk"),
                localise_message(str(exc)),
            )
        else:
            from ui.dialogs.exception_dialog import ExceptionDialog

            ExceptionDialog(details, QApplication.activeWindow()).exec()
    finally:
        _in_hook = False


def install_excepthook() -> None:
    sys.excepthook = handle_exception


# ---- start ----
def ask_team_password(url: str) -> str | None:
    """The team database's password, asked at start (never stored); None when the user cancels."""
    text, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("MainWindow", "Team database"),
        QCoreApplication.translate("MainWindow", "Password for %1 (leave empty if there is none):").replace("%1", url),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def team_database_url(db: str | None) -> str | None:
    """The saved team database (with the password asked now) when neither --db nor QUNDESK_DB names a
    database and Settings says to open it at start; None otherwise, or when the password prompt is cancelled
    (the local workspace opens then, and the status bar says which database is open)."""
    if db or os.environ.get("QUNDESK_DB"):
        return None
    settings = QSettings()
    url = settings.value(TEAM_URL_KEY)
    if not url or not settings.value(TEAM_USE_KEY, False, type=bool):
        return None
    from desktop.team import with_password

    password = ask_team_password(str(url))
    if password is None:
        return None
    return with_password(str(url), password or None)


def _is_database_failure(exc: BaseException) -> bool:
    """A known database problem, or an engine error that open_workspace let through unwrapped (e.g. "file is
    not a database"); ui/ does not import the engine, so the engine's errors are recognised by module."""
    if isinstance(exc, DatabaseError):
        return True
    return any(cls.__module__.startswith("sqlalchemy.") for cls in type(exc).__mro__)


def _without_password(url: str) -> str:
    if "://" not in url:
        return url
    from desktop.team import strip_password

    try:
        return strip_password(url)
    except QunDeskError:
        return url


def run_app(db: str | None = None, lang: str | None = None, *, operator: str | None = None) -> int:
    """Open the window on the workspace `db` (None: QUNDESK_DB or the default file). Returns the exit code."""
    from desktop.workspace import is_empty, open_workspace
    from ui.dialogs.first_run_dialog import FirstRunDialog
    from ui.main_window import MainWindow

    app = prepare_app(lang)
    install_excepthook()
    team = team_database_url(db)
    if team is not None:
        db = team
    elif not _may_create(db):
        return EXIT_DATABASE
    # the lock before anything opens the file: a second window must not upgrade, write or sign in on a workspace
    # another window has open (and then be told so)
    try:
        lock = _lock_workspace(db)
    except DatabaseError as exc:  # the data folder cannot be made (desktop.paths.data_dir): said, not a bug report
        QMessageBox.critical(None, QCoreApplication.translate("MainWindow", "QunDesk"), localise_message(str(exc)))
        return EXIT_DATABASE
    if lock is False:
        return EXIT_DATABASE
    database = None
    try:
        database = open_workspace(db)
        actor = _sign_in(database, operator)
        if actor is None:  # the sign-in dialog was cancelled
            database.dispose()
            return 4
    except QunDeskError as exc:  # e.g. no such operator, or a team login that is no operator
        if database is not None:
            database.dispose()
        QMessageBox.critical(None, QCoreApplication.translate("MainWindow", "QunDesk"), localise_message(str(exc)))
        return exc.exit_code
    except Exception as exc:
        if not _is_database_failure(exc):
            raise
        from desktop.workspace import damage_problem

        damage = damage_problem(exc, db) if team is None else None
        if damage is not None:  # too damaged to open: the same offer as for damage the start-up check finds
            if database is not None:
                database.dispose()
            restored = _offer_restore(None, localise_message(damage), resolve_db(db))
            if restored is None:
                return EXIT_DATABASE
            _release_lock(lock)  # the same file opened again, by this process: its lock is taken anew
            return run_app(str(restored), lang, operator=operator)
        if isinstance(exc, DatabaseError):
            text = localise_message(str(exc))
        else:
            text = (
                QCoreApplication.translate("MainWindow", "Cannot open the database %1: %2")
                .replace("%1", _without_password(resolve_db(db)))
                .replace("%2", str(getattr(exc, "orig", None) or exc))
            )
        if team is not None:  # opened because of Settings: say how to reach the local workspace instead
            text += "\n\n" + QCoreApplication.translate(
                "MainWindow",
                "QunDesk opened the team database because Settings say so. To open this computer's workspace "
                'instead, start it with --db "%1".',
            ).replace("%1", str(default_db_path()))
        QMessageBox.critical(None, QCoreApplication.translate("MainWindow", "QunDesk"), text)
        return EXIT_DATABASE
    background = _checks_in_background(database)
    backup_failures: list[str] = []
    if not background:
        database = _startup_checks(database, backup_failures)
        if database is None:
            return EXIT_DATABASE
    state = {"database": database}
    try:
        if is_empty(database):
            FirstRunDialog(database).exec()
        window = MainWindow(database, actor)
        _follow_reopened(window, state)
        window.show()
        _say_sync_copies(window, database)
        for failure in backup_failures:
            _say_backup_failed(window, failure)
        # What exists now — the modules, classes, mappers and compiled statements of the whole run — is never
        # garbage: out of the collector's way, each full collection no longer walks it. A page reading a large
        # group allocates tens of thousands of rows and triggers such collections; at 100,000 members this took
        # a quarter to a third off loading the Onboarding, Check-ins and Points pages (benchmarks/analysis.md).
        gc.freeze()
        if background:
            _start_background_checks(app, window, state, actor)
        if os.environ.get(QUIT_AFTER_ENV):
            QTimer.singleShot(int(os.environ[QUIT_AFTER_ENV]), app.quit)
        return int(app.exec())
    finally:
        _stop_background_checks(state)
        state["database"].dispose()


def _may_create(db: str | None) -> bool:
    """A workspace file named by --db or QUNDESK_DB that does not exist is created only when the user says so
    (a mistyped path must not open an empty workspace as if the data were gone; PRODUCT §4). The default
    workspace is created without asking: that is the first run."""
    path = missing_named_workspace(db)
    if path is None:
        return True
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("MainWindow", "QunDesk"),
        QCoreApplication.translate(
            "MainWindow", "There is no workspace at %1.\n\nCreate a new, empty workspace there?"
        ).replace("%1", str(path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


BACKGROUND_CHECK_BYTES = 64 * 1024 * 1024  # smaller workspaces are checked before the window (well under a second)


def _checks_in_background(database) -> bool:
    """A big SQLite workspace paints first and is checked afterwards (its quick_check and the day's backup take
    seconds to minutes at 100,000 members); writes wait until the check has passed."""
    if database.engine.dialect.name != "sqlite":
        return False
    path = database.engine.url.database
    try:
        return bool(path) and os.path.getsize(path) >= BACKGROUND_CHECK_BYTES
    except OSError:
        return False


def _start_background_checks(app, window, state: dict, actor) -> None:
    """Run desktop.workspace.startup_maintenance on a worker thread while the window is up. Writes are held
    (Database.hold_writes) until it says the file is sound — before the day's backup, which copies one snapshot
    while people go on saving; a damaged file gets the same offer as before the window (its latest backup
    put in its place, the damaged file kept beside it), and the window then reopens on the restored one."""
    from desktop.workspace import startup_maintenance
    from ui.task_runner import TaskRunner

    database = state["database"]
    database.hold_writes(
        "正在检查工作区, 检查完成后才能保存, 请稍候 (the workspace is being checked: saving waits until it is done)"
    )
    bar = window.statusBar()
    bar.showMessage(QCoreApplication.translate("MainWindow", "Checking the workspace… saving waits until it is done"))
    runner = TaskRunner(window, show_dialog=False, quiet=True)
    state["startup_runner"] = runner  # kept alive, and stopped if the application ends before it does

    def done(result) -> None:
        problem, backup = result
        if problem is None:
            database.release_writes()
            text = QCoreApplication.translate("MainWindow", "Workspace checked")
            if backup is not None:
                text += " · " + QCoreApplication.translate("MainWindow", "today's backup saved")
            bar.showMessage(text, 8000)
            return
        _damaged_after_start(app, window, state, actor, problem)

    def failed(message: str) -> None:  # a failed automatic backup must not keep the organiser out
        database.release_writes()
        _say_backup_failed(window, message)

    def checked(_done: int, _total: int) -> None:  # the file is sound: saving goes on while the backup is taken
        if database.writes_held:
            database.release_writes()
            bar.showMessage(QCoreApplication.translate("MainWindow", "Workspace checked · taking today's backup…"))

    runner.progress.connect(checked)
    runner.finished.connect(done)
    runner.failed.connect(failed)
    runner.start(
        lambda progress, database: startup_maintenance(
            database, stop=lambda: progress.cancelled, checked=lambda: progress.step(1, 2)
        ),
        database=database,
    )


def _say_backup_failed(window, message: str) -> None:
    """The day's automatic backup failed (a full or read-only backups folder): the status bar says so and why."""
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Automatic backup failed: %1").replace(
            "%1", localise_message(message)
        ),
        15000,
    )


def _say_sync_copies(window, database) -> None:
    """Copies of the workspace a sync tool left beside it (desktop.services.backup.sync_copies: `qundesk (conflicted
    copy 2026-12-07).sqlite`, `qundesk-DESKTOP-1.sqlite`): the status bar names them and where to restore one — what
    was saved in them is not in the workspace the window opened, and nothing said so."""
    from desktop.services.backup import sync_copies
    from desktop.workspace import workspace_file

    file = workspace_file(database)
    copies = sync_copies(file) if file is not None else []
    if not copies:
        return
    names = ", ".join(f"{c.path.name} ({c.created:%Y-%m-%d %H:%M})" for c in copies)
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "MainWindow",
            "A sync tool left other copies of this workspace beside it: %1. What was saved in them is not in this "
            "one; to use one instead, restore it in Settings › Backups.",
        ).replace("%1", names),
        120000,
    )


def _stop_background_checks(state: dict) -> None:
    """The window closed while the start-up checks still ran: stop them (the check and a half-made backup end
    within a moment, no file is left) and wait, so no thread outlives the application (Qt aborts the process
    when a running QThread is destroyed). The next start checks again and takes the day's backup."""
    from ui.task_runner import stop_tasks

    runner = state.get("startup_runner")
    if runner is not None and runner.running:
        runner.shutdown()
    stop_tasks()  # any other work the application ended during (app.quit without the window's question)


def _offer_restore(parent, problem: str, damaged, before_restore=None):
    """The damaged-workspace question: put the latest backup of `damaged` (the workspace) in its place? Returns the
    workspace's path, now holding the restored backup, or None (declined, or nothing could be restored — said in a
    message box). The damaged file is kept beside it under a new name (desktop.workspace.restore_latest_in_place),
    which the message names. `before_restore` runs once the user said yes, before the restore (the damaged workspace
    is closed first)."""
    from desktop.workspace import restore_latest_in_place

    title = QCoreApplication.translate("MainWindow", "QunDesk")
    answer = QMessageBox.critical(
        parent,
        title,
        QCoreApplication.translate(
            "MainWindow",
            "The workspace is damaged: %1\n\nPut its latest backup in its place and open it? The damaged file is kept "
            "beside it under a new name.",
        ).replace("%1", problem),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    if before_restore is not None:
        before_restore()
    try:
        restored = restore_latest_in_place(damaged)
    except QunDeskError as exc:
        QMessageBox.critical(parent, title, localise_message(str(exc)))
        return None
    if restored is None:
        QMessageBox.critical(parent, title, QCoreApplication.translate("MainWindow", "There is no backup to restore."))
        return None
    QMessageBox.information(
        parent,
        title,
        QCoreApplication.translate("MainWindow", "Restored the latest backup into %1. The damaged file was kept as %2.")
        .replace("%1", str(restored.workspace))
        .replace("%2", str(restored.kept)),
    )
    return restored.workspace


def _follow_reopened(window, state: dict) -> None:
    """A window that reopens on a restored backup (MainWindow.reopened): its new database is the one closed at the
    end, and the new window is followed in turn."""

    def reopened(new_window, new_database) -> None:
        state["database"] = new_database
        _follow_reopened(new_window, state)

    window.reopened.connect(reopened)


def _damaged_after_start(app, window, state: dict, actor, problem: str) -> None:
    from desktop.workspace import open_workspace
    from ui.main_window import MainWindow

    # closed before its file is put aside (Windows renames no open file); the window shows a modal question meanwhile
    restored = _offer_restore(window, problem, state["database"], before_restore=state["database"].dispose)
    if restored is None:
        window.close()
        app.quit()
        return
    old = state["database"]
    new = open_workspace(restored)
    state["database"] = new
    replacement = MainWindow(new, actor)
    _follow_reopened(replacement, state)
    window._replacement = replacement
    replacement.show()
    window.close()
    old.dispose()


def _sign_in(database, operator: str | None):
    """Who the window works for: the operator named (QUNDESK_PASSWORD for their password), else the owner
    while no operator has a password; once one has, the sign-in dialog (None: cancelled). On a team database
    with roles the server login is the operator (desktop/team_roles.py)."""
    from desktop.errors import SignInFailed
    from desktop.services.operators import sign_in_required
    from desktop.team_roles import roles_enforced
    from desktop.workspace import actor_for
    from ui.dialogs.operators_dialog import SwitchOperatorDialog

    try:
        return actor_for(database, operator, os.environ.get("QUNDESK_PASSWORD"))
    except SignInFailed:
        with database.session() as session:
            ask = not roles_enforced(session) and sign_in_required(session)
        if not ask:
            raise
    dialog = SwitchOperatorDialog(database, None)
    if operator is not None:
        with contextlib.suppress(KeyError):
            dialog.choose(operator)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    return dialog.actor


def _lock_workspace(db: str | None):
    """Hold a QLockFile beside a SQLite workspace so a second QunDesk window on the same file is told
    clearly which program has it open. Returns the lock (keep it alive), None for a server database, or
    False when another program holds it (the user was told)."""
    from PySide6.QtCore import QLockFile

    from desktop.team import is_team_url

    target = resolve_db(db)
    if is_team_url(target) or "://" in target:
        return None
    with contextlib.suppress(OSError):  # a new workspace in a new folder (the user said yes): the folder first
        Path(target).expanduser().parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(target) + ".lock")
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        _locks.append(lock)
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None  # no lock file can be written there (a read-only folder): opening the workspace says why
    info = lock.getLockInfo()  # PySide6 gives (pid, hostname, appname); some builds put a bool first
    info = info[1:] if len(info) == 4 else info
    pid, host, app_name = info if len(info) == 3 else (0, "", "")
    who = f"{app_name or 'QunDesk'} (pid {pid}, {host})" if pid else "QunDesk"
    # a lock whose program is gone but cannot be told stale — one left on another computer (a synced or network
    # folder: the pid there means nothing here), or a pid taken since by another program of the same name — would
    # keep the workspace shut for good: the message says how to get back in
    hint = QCoreApplication.translate(
        "MainWindow",
        "If QunDesk is not open there any more (it stopped on another computer, or the program named is not "
        "QunDesk), close this message, delete the lock file %1 and start QunDesk again.",
    ).replace("%1", lock.fileName())
    QMessageBox.critical(
        None,
        QCoreApplication.translate("MainWindow", "QunDesk"),
        QCoreApplication.translate("MainWindow", "This workspace is already open in another window: %1.\n%2")
        .replace("%1", who)
        .replace("%2", str(target))
        + "\n\n"
        + hint,
    )
    return False


_locks: list = []  # workspace locks held for the application's lifetime


def _release_lock(lock) -> None:
    if lock is None or lock is False:
        return
    lock.unlock()
    with contextlib.suppress(ValueError):
        _locks.remove(lock)


def _startup_checks(database, failures: list[str] | None = None):
    """Integrity check and the daily backup; a damaged workspace gets the offer to put the latest backup in its
    place (the damaged file is kept beside it under a new name). Returns the database to use, or None to quit. A failed automatic
    backup must not keep the organiser out, nor go unsaid: its message is added to `failures`, which the window
    shows once it is up (_say_backup_failed), as it does after a check in the background."""
    from desktop.workspace import open_workspace, startup_maintenance

    try:
        problem, _backup = startup_maintenance(database)
    except QunDeskError as exc:
        problem, _backup = None, None
        if failures is not None:
            failures.append(str(exc))
    if problem is None:
        return database
    restored = _offer_restore(
        None, problem, database, before_restore=database.dispose
    )  # closed before the restore, as before
    database.dispose()  # declined: closed too (a second dispose does nothing)
    return None if restored is None else open_workspace(restored)


def main() -> int:
    """`python -m ui.app [--db URL_OR_PATH] [--lang zh_CN|en]` (the `qundesk` command does the same)."""
    import argparse

    parser = argparse.ArgumentParser(prog="qundesk-window")
    parser.add_argument("--db")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--operator")
    args = parser.parse_args()
    return run_app(args.db, args.lang, operator=args.operator)


if __name__ == "__main__":
    sys.exit(main())
