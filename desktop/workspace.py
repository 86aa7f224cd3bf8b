"""Open the workspace a command or the window works on: resolve the database (--db, QUNDESK_DB, default
file), create or upgrade its schema, and make sure the owner, tiers and roles exist."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.paths import backups_dir, resolve_db
from desktop.services.groups import ensure_workspace_defaults
from desktop.services.operators import Actor, ensure_owner, get_actor
from models import clock
from models.db import Database, DatabaseError, Stop, open_database


class EmptiedWorkspaceError(DatabaseError):
    """The workspace file is empty (0 bytes) while backups of it exist: its data was lost (a copy cut short, a sync
    gone wrong), not a new workspace to start."""


def open_workspace(db: str | Path | None = None, *, backup_dir: Path | Callable[[], Path] | None = None) -> Database:
    """The workspace at `db` (or QUNDESK_DB, or the default file), at the current schema, with defaults."""
    target = resolve_db(str(db) if db is not None else None)
    emptied = emptied_problem(target)
    if emptied is not None:
        raise EmptiedWorkspaceError(emptied)
    # the backups folder is made only when an upgrade needs it (a file in its place stops the upgrade, not every open)
    database = open_database(target, backup_dir=_cleared(backup_dir or (backups_dir if "://" not in target else None)))
    with database.session() as session:
        ensure_owner(session)
        ensure_workspace_defaults(session)
        _adopt_time_zone(session)
        _follow_zone_changes(database)
        if database.migrated_from is not None:
            from desktop.services.audit import record_audit
            from models.db import head_revision

            record_audit(
                session,
                None,
                "db.upgrade",
                "workspace",
                None,
                after={"from": database.migrated_from, "to": head_revision()},
            )
            _regrant_after_upgrade(session)
        else:
            from desktop.team_roles import regrant_if_stale

            regrant_if_stale(session)
        session.commit()
    return database


def _cleared(backup_dir: Path | Callable[[], Path] | None) -> Callable[[], Path] | None:
    """The folder for the backup taken before an upgrade, asked only when one is taken, with what killed upgrades
    left there removed first (their temp copies, named after their process: clear_stale_beside) — the upgrade
    that was cut short is the one run again, into the same folder."""
    if backup_dir is None:
        return None

    def folder() -> Path:
        from desktop.services.backup import clear_stale_beside

        path = backup_dir() if callable(backup_dir) else backup_dir
        clear_stale_beside(Path(path))
        return path

    return folder


def _adopt_time_zone(session) -> None:
    """The community's zone for this process (models.clock): the workspace's `time_zone` setting; a workspace that
    states none (new, or from before the setting) takes this computer's zone now, so that a laptop taken abroad, or
    set to another zone later, still dates the community's facts on the community's days."""
    from desktop.settings import get_setting, set_setting
    from models import WorkspaceSetting

    name = get_setting(session, "time_zone")
    if not name and session.get(WorkspaceSetting, "time_zone") is None:
        name = clock.machine_zone_name()
        if name:
            set_setting(session, "time_zone", name)
    try:
        clock.set_zone(name)
    except clock.ZoneError:  # a name this computer's zone database lacks (Windows without tzdata): its own zone
        clock.set_zone("")


# How often a window re-reads the community's zone from the workspace (seconds): another operator of a team workspace
# may change it (Settings → 社群时区) while this window is open. At most one read of one row per this many seconds,
# at the start of the first transaction after it, so a run of check-ins gains no query; and a change reaches every
# window within a minute instead of only when it reopens the workspace.
ZONE_RECHECK_SECONDS = 60.0
_monotonic = time.monotonic
_zone_source: Callable[[], object] = lambda: None  # noqa: E731 - the Database (weakly) whose setting is the zone


def _follow_zone_changes(database: Database) -> None:
    """Keep this process's zone (models.clock) the workspace's setting while the workspace stays open: at the start
    of a transaction, when ZONE_RECHECK_SECONDS have passed since the last read, the setting is read again (one
    row); a changed zone is adopted before the transaction records anything. Only the workspace opened last sets
    the zone (a window opens one; an older Database still open in the same process is not the community's)."""
    global _zone_source
    from sqlalchemy import event

    _zone_source = weakref.ref(database)
    state: dict[str, Any] = {"read_at": _monotonic(), "seen": clock.zone_name()}

    def after_begin(_session, _transaction, connection) -> None:
        if _zone_source() is not database or _monotonic() - state["read_at"] < ZONE_RECHECK_SECONDS:
            return
        state["read_at"] = _monotonic()
        name = _stored_zone(connection)
        if name is not None and name != state["seen"]:  # changed in the workspace since this window last read it
            state["seen"] = name
            try:
                clock.set_zone(name)
            except clock.ZoneError:  # a name this computer's zone database lacks: its own zone, as when opened
                clock.set_zone("")

    if not getattr(database, "_follows_zone", False):
        event.listen(database.sessionmaker, "after_begin", after_begin)
        database._follows_zone = True  # type: ignore[attr-defined]


def _stored_zone(connection) -> str | None:
    """The workspace's `time_zone` setting as stored (one row), or None when unset or unreadable."""
    import json

    from sqlalchemy import select

    from models import WorkspaceSetting

    try:
        stored = connection.execute(
            select(WorkspaceSetting.value).where(WorkspaceSetting.key == "time_zone")
        ).scalar_one_or_none()
        name = json.loads(stored) if stored is not None else None
    except Exception:  # a refresh only: the transaction goes on with the zone it had
        return None
    return name.strip() if isinstance(name, str) else None


def _regrant_after_upgrade(session) -> None:
    """A team database with roles, just upgraded by its owner: the new tables get their grants too."""
    from desktop.team_roles import apply_grants, prefix_of

    prefix = prefix_of(session)
    if prefix is not None:
        apply_grants(session, prefix)


def is_empty(database: Database) -> bool:
    """True when the workspace has no group yet (the window then offers a demo workspace)."""
    from sqlalchemy import func, select

    from models import Group

    with database.session() as session:
        return (session.scalar(select(func.count()).select_from(Group)) or 0) == 0


def actor_for(database: Database, operator: str | None = None, password: str | None = None) -> Actor:
    with database.session() as session:
        actor = get_actor(session, operator, password)
        session.commit()
        return actor


def startup_maintenance(
    database: Database, stop: Stop | None = None, checked: Callable[[], None] | None = None
) -> tuple[str | None, Path | None]:
    """What the window does when it opens a workspace: a quick integrity check (a damaged database gets
    a clear message and the offer to restore the latest backup) and the first-start-of-the-day backup.
    Returns (integrity problem or None, path of the backup taken today or None). `stop` (the window closing
    while this runs in the background) ends it with models.db.Interrupted: nothing decided, no backup file.
    `checked` is called once the file is known to be sound and writes may go on: before the backup, which copies
    one snapshot while others write (a 3 GB workspace's first start of the day kept saving waiting for a minute and
    more while writes were held until the backup's end) — except in a rollback-journal file, where the backup's
    read lock would make every write wait: there writes wait for the backup, and `checked` is not called."""
    from desktop.services.backup import auto_backup
    from models.db import check_integrity, in_wal_mode, is_sqlite

    problem = check_integrity(database, stop)
    if problem is not None:
        return problem, None
    if not is_sqlite(database.engine):
        if checked is not None:
            checked()
        return None, None  # a team server keeps its own backups; copying it at every start would be slow
    if checked is not None and in_wal_mode(database.engine):
        checked()
    return None, auto_backup(database, stop=stop)


def is_empty_file(file: Path | None) -> bool:
    """A workspace file of 0 bytes with no write-ahead log holding its pages (a workspace whose writes are all still
    in its -wal file has a 0-byte main file, and is not empty)."""
    if file is None:
        return False
    try:
        if not file.is_file() or file.stat().st_size != 0:
            return False
        wal = Path(f"{file}-wal")
        return not (wal.is_file() and wal.stat().st_size > 0)
    except OSError:
        return False


def own_backup_files(file: Path | None) -> list[Path]:
    """The automatic and "Back up now" backups of the workspace file `file` (in the data folder's backups and the
    backups folder beside it), newest first."""
    from desktop.services.backup import file_tag, legacy_tag, list_backups, own_backups

    data = list_backups()
    backups = own_backups(data, file_tag(file))
    beside = _backups_beside(file)
    if beside is not None:
        backups += own_backups(list_backups(beside), file_tag(file, beside))
    backups.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    # named before the folder mark (file_tag): possibly another folder's file of the same name, so only after these
    legacy = legacy_tag(file)
    if legacy != file_tag(file):
        backups += own_backups(data, legacy)
    return [b.path for b in backups if b.revision is not None]


def emptied_problem(target: str | Path) -> str | None:
    """Why the workspace file at `target` must not be opened as a new one: it is empty (0 bytes) while backups of
    it exist — its data was lost (a copy to a full disk cut short, a sync gone wrong), and opening it filled it with a
    fresh, empty workspace: the window offered the demo, a scheduled import started a new workspace in it, and its
    daily backups, named as the real one's, pruned the real one's away within `backups_keep` days. None: not so."""
    file = _workspace_file(target)
    if not is_empty_file(file):
        return None
    backups = own_backup_files(file)
    if not backups:
        return None
    return (
        f"工作区文件是空的 (0 字节), 但它有备份: 数据已丢失, 未写入任何内容; 请恢复最新的备份 (the workspace file is"
        f" empty, 0 bytes, but it has backups: its data was lost; nothing was written. Restore its latest backup: qundesk"
        f' --db "{file}" restore "{backups[0]}"): {file}'
    )


def damage_problem(exc: BaseException, db: str | Path | None = None) -> str | None:
    """The problem (the file and SQLite's words) when opening the SQLite workspace `db` (--db, QUNDESK_DB, the default file) failed
    because its file is damaged — SQLite's "database disk image is malformed", or a header it cannot read ("file
    is not a database") — else None. The window then offers the restore of its latest backup, as for damage its
    start-up check finds: before, a file damaged where its schema lives ended in "cannot open the database" and
    the window closed, with no word of the backups."""
    file = _workspace_file(resolve_db(str(db) if db is not None else None))
    if file is None:
        return None
    if isinstance(exc, EmptiedWorkspaceError):
        return f"{file}: 文件是空的 (0 字节) (the file is empty: 0 bytes)"
    seen: list[str] = []
    cause: BaseException | None = exc
    while cause is not None and len(seen) < 5:
        seen.append(str(getattr(cause, "orig", None) or cause))
        cause = cause.__cause__
    detail = next((t for t in seen if "malformed" in t.lower() or "file is not a database" in t.lower()), None)
    if detail is None:
        return None
    detail = detail.rsplit(": ", 1)[-1] if ": " in detail else detail
    return f"{file}: {detail}"  # the window's question says "The workspace is damaged: %1"


def restore_latest_backup(damaged: Database | str | Path | None = None) -> Path | None:
    """Restore the newest readable backup into a new file beside the workspace; its path (None: no backup).
    Used when the workspace is damaged: the damaged file is left untouched for inspection.

    `damaged` (the window passes the workspace it found damaged): only that workspace's own backups (automatic,
    and "Back up now") are candidates — the backups folder also holds the days of every other workspace opened in the window, and
    the newest of those was "restored" as if it were this one (another workspace's groups and people). A
    backup that turns out damaged itself (a truncated file) is passed over for the next older one; when none
    can be restored, the newest one's problem is raised."""

    from desktop.paths import data_dir
    from desktop.services.backup import BackupError, list_backups, restore_workspace
    from desktop.services.operators import Actor

    if damaged is not None:  # its own, in the data folder and beside it (the command line's daily backups)
        candidates = own_backup_files(_workspace_file(damaged))
    else:
        candidates = [info.path for info in list_backups() if info.revision is not None]
    first_problem: BackupError | None = None
    for path in candidates:
        target = data_dir() / f"restored-{clock.now():%Y%m%d-%H%M%S}.sqlite"
        try:
            restore_workspace(Actor(0, "群主", "owner"), path, target)
        except BackupError as exc:
            first_problem = first_problem or exc
            continue
        return target
    if first_problem is not None:
        raise first_problem
    return None


def restore_latest_in_place(damaged: Database | str | Path):
    """Restore the newest sound backup of the damaged SQLite workspace `damaged` into its place: the damaged file is
    kept aside beside it, renamed `NAME.damaged-YYYYMMDD-HHMMSS.sqlite` (with its -wal), untouched for inspection
    (desktop.services.backup.restore_in_place). Returns the RestoredInPlace (None: no backup of it). The window does
    this when it finds its workspace damaged, then opens the same path again.

    Restored into a new file in the data folder (restore_latest_backup), the window worked on that file once, and its
    next start, from the icon, opened the damaged workspace again and offered the restore again — into another new
    file, from the same old backup, without the work done meanwhile (which sat unseen in the first restored file).
    A backup that turns out damaged itself is passed over for the next older one; when none can be restored, the
    newest one's problem is raised. `damaged` must be closed (disposed) first."""
    from desktop.services.backup import BackupError, restore_in_place
    from desktop.services.operators import Actor

    file = _workspace_file(damaged)
    if file is None:
        return None
    first_problem: BackupError | None = None
    for path in own_backup_files(file):
        try:
            return restore_in_place(Actor(0, "群主", "owner"), path, file, why="damaged")
        except BackupError as exc:
            first_problem = first_problem or exc
            continue
    if first_problem is not None:
        raise first_problem
    return None


def window_holding(file: Path) -> str | None:
    """Why the workspace file `file` must not be replaced now: a QunDesk window holds it (its lock file `NAME.lock`,
    ui/app.py _lock_workspace: Qt's QLockFile — pid, program, computer on its first lines) — None when no lock, or
    one whose process on this computer is gone. Replaced under an open window, the window would go on saving into
    the file kept aside, out of sight. A lock from another computer (a synced folder) cannot be checked: it is named,
    with what to do."""
    import socket

    from desktop.paths import process_alive

    lock = Path(f"{file}.lock")
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    pid = int(lines[0]) if lines and lines[0].strip().isdigit() else 0
    host = lines[2].strip() if len(lines) > 2 else ""
    if host and host == socket.gethostname():
        if pid and not process_alive(pid):
            return None
        return (
            f"工作区正在 QunDesk 窗口中打开 (pid {pid}), 请先关闭窗口, 未做任何改动 (the workspace is open in a QunDesk"
            f" window, pid {pid}: close it first; nothing was changed): {file}"
        )
    return (
        f"工作区可能正在另一台电脑 {host or '?'} 的 QunDesk 窗口中打开, 未做任何改动; 如果那里已经关闭, 请删除锁文件"
        f" {lock} 后重试 (the workspace may be open in a QunDesk window on the computer {host or '?'}: nothing was"
        f" changed; if it is closed there, delete the lock file {lock} and try again): {file}"
    )


def workspace_file(workspace: Database | str | Path) -> Path | None:
    """The file of a SQLite workspace (an open one, or its path or URL), None for a server database."""
    return _workspace_file(workspace)


def _workspace_file(workspace: Database | str | Path) -> Path | None:
    """The file of a SQLite workspace (an open one, or its path or URL), None for a server database."""
    from sqlalchemy.exc import ArgumentError

    from models.db import sqlite_file

    if isinstance(workspace, Database):
        if workspace.engine.dialect.name != "sqlite" or not workspace.engine.url.database:
            return None
        workspace = workspace.engine.url.database
    try:
        return sqlite_file(workspace)
    except (ArgumentError, ValueError):
        return None


def _backups_beside(file: Path | None) -> Path | None:
    """The `backups` folder beside a workspace file other than the default one, where the command line keeps its
    daily backups (desktop/cli.py _daily_backup) — when it is not the data folder's own. A workspace written by
    scheduled imports had every backup there, and the window's offer to restore a damaged one said "There is no
    backup to restore"."""
    from desktop.paths import backups_dir, default_db_path

    if file is None:
        return None
    try:
        if file.resolve() == default_db_path().resolve():
            return None
        folder = file.resolve().parent / "backups"
        return None if folder == backups_dir().resolve() else folder
    except OSError:
        return None


def database_display(database) -> str:
    """The workspace's database for people: a file path, or the URL without its password."""
    url = database.engine.url
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return database.url  # user:***@host, never a password (not one given as ?password= either)
