"""Backups, restore and copying a workspace between engines.

- `copy_workspace(src, dst)`: every table, in foreign-key order, from any engine to any engine whose schema
  is at the same (head) revision and which holds no data; read from one consistent snapshot of the source,
  written in batches (DBAPI executemany on SQLite, COPY on PostgreSQL — 3-4x faster than Core executemany;
  SQLAlchemy's type processors convert values between engines) inside ONE transaction on the destination
  (nothing half written), row counts verified before the commit, PostgreSQL sequences reset.
- `backup_workspace(database, path)`: a self-contained SQLite file whatever the engine (SQLite: the online
  backup API, consistent while others write; PostgreSQL: a fresh SQLite file filled by copy_workspace),
  written to a temp file, checked (`PRAGMA integrity_check`) and renamed into place.
- `restore_workspace(actor, file, target)`: owner only; the backup is checked (and an older one upgraded,
  on a copy) before the target is touched; the target must be new or empty.
- `auto_backup` (first start of each day, pruned to the `backups_keep` setting), `list_backups`.
  (`check_integrity` and `with_retry` live with the engine, in models/db.py.)

"Empty" (a target we may fill): no rows except what a fresh workspace creates on first start — operators,
tiers, roles, settings and their audit entries (WORKSPACE_DEFAULT_TABLES). Those rows are replaced by the
backup's, inside the copy transaction."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, delete, func, inspect, null, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from desktop.errors import PasswordMissing, QunDeskError, SignInFailed
from desktop.services.operators import Actor, require
from desktop.tasks import Cancelled, Progress
from models import Base, clock, kept
from models.db import (
    Database,
    DatabaseError,
    DiskFullError,
    DiskIOError,
    Interrupted,
    Stop,
    backup_sqlite_file,
    display_url,
    head_revision,
    known_revisions,
    make_engine,
    open_database,
    raise_if_stopped,
    read_only_uri,
    stoppable,
    to_url,
)

__all__ = [
    "BackupError",
    "copy_to_database",
    "BackupInfo",
    "auto_backup",
    "backup_workspace",
    "clear_stale_temp",
    "copy_workspace",
    "describe_existing",
    "list_backups",
    "RestoredBeside",
    "RestoredInPlace",
    "discard_restored",
    "put_in_place",
    "restore_beside",
    "restore_in_place",
    "restore_workspace",
    "sync_copies",
]

BATCH = 5_000  # rows per executemany (progress and cancel are checked between batches)
BACKUP_STEPS, BACKUP_COPY = 100, 90  # a SQLite backup's progress: the copy moves it to 90, its check to 100
SQLITE_MAGIC = b"SQLite format 3\x00"
AUTO_PREFIX = "auto-"
AUTO_NAME = re.compile(r"^auto-(\d{8})(?:-(.+))?\.sqlite$")  # group 2: the workspace's name (auto_tag)
AUTO_TAG_CHARS = 60  # characters of a workspace's name in its automatic backups' names
WORKSPACE_DEFAULT_TABLES = frozenset({"operator", "tier", "role", "workspace_setting", "audit_log"})


class BackupError(QunDeskError):
    """A backup, restore or copy that cannot be done (the message says what and where); nothing was written."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    revision: str | None  # None: not a readable QunDesk backup


# ---------------------------------------------------------------------------------------------- helpers


def _engine(database: Database | Engine) -> Engine:
    return database.engine if isinstance(database, Database) else database


def _tables() -> list[Table]:
    """The tables a copy carries: not the derived ones (the search pieces of models/search.py), which the
    destination's own migration and triggers write."""
    return [t for t in Base.metadata.sorted_tables if not t.info.get("derived")]


def _where(engine: Engine) -> str:
    return display_url(engine.url)  # user:***@host: a message never carries a password


def _revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _counts(conn: Connection, tables: list[Table]) -> dict[str, int]:
    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in tables}


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items() if n)


def _step(progress: Any, done: int, total: int) -> None:
    if progress is None:
        return
    if hasattr(progress, "step"):
        progress.step(done, total)  # desktop.tasks.Progress: raises Cancelled when asked to
    else:
        progress(done, total)


def _sqlite_path(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    db = make_url(str(engine.url)).database
    return Path(db) if db and db != ":memory:" else None


def _remove_sqlite_file(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _finish_sqlite_file(path: Path) -> None:
    """Fold the WAL into the file and switch it to a rollback journal: one self-contained file."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        conn.close()
    for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            side.unlink()


def _ro_uri(path: Path) -> str:
    """A read-only SQLite URI that leaves no file beside `path` (models.db.read_only_uri)."""
    return read_only_uri(path)


def _sqlite_check(path: Path, pragma: str = "integrity_check", stop: Stop | None = None) -> str | None:
    """None when `PRAGMA integrity_check` (or quick_check) says ok, else the problems it found; `stop` (asked
    while it runs) ends it with Interrupted."""
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True)
        try:
            with stoppable(conn, stop):
                rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise_if_stopped(exc, stop)
        return str(exc)
    if rows == ["ok"]:
        return None
    return "; ".join(str(r) for r in rows[:10]) or "no answer"


def _check_target_file(path: Path, what: str) -> None:
    """A file QunDesk is about to write: not a folder, in a folder that exists (or can be made) and is writable."""
    if path.is_dir():
        raise BackupError(
            f"{what}: {path} 是文件夹, 不是文件, 请给出文件名"
            f" (is a folder, not a file: give a file name such as {path / 'qundesk-backup.sqlite'})"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"无法创建文件夹 (cannot create the folder) {path.parent}: {exc.strerror or exc}") from exc
    if not os.access(path.parent, os.W_OK):
        raise BackupError(f"文件夹是只读的, 无法写入 (the folder is read-only): {path.parent}")


def _write_failed(exc: BaseException, path: Path, what: str) -> BackupError:
    """One clear message for a write that failed: disk full, read-only, or what the system said."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(exc, (DiskIOError, DiskFullError)) and exc.__cause__ is not None:
        # the workspace's wording ("a disk error reading or writing the workspace… rolled back") said of the file
        # written here: the driver's own error says which it was (PostgreSQL's backup copies into a SQLite file)
        orig = exc.__cause__
    text = str(orig)
    if "disk I/O error" in text or getattr(orig, "errno", None) == errno.EIO:  # SQLite on a full disk, often
        with contextlib.suppress(OSError):
            if shutil.disk_usage(path.parent).free < 1024 * 1024:
                text = "disk is full"
    if getattr(orig, "errno", None) == errno.ENOSPC or "disk is full" in text or "No space left" in text:
        # one gloss says it all in English (the window shows the longest, and the file after its colon): "Nothing was
        # written" alone was all the window said of a full disk, and the Chinese read "磁盘空间不足 writing …"
        return BackupError(
            f"磁盘空间不足 (disk full), 未写入任何内容, 请腾出空间后重试 (the disk is full: nothing was written; free some"
            f" space and try again): {path}"
        )
    if getattr(orig, "errno", None) in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text:
        return BackupError(f"只读, 无法写入 (read-only: cannot write): {path}")
    return BackupError(f"{what}: {path}: {getattr(orig, 'strerror', None) or text}")  # the file after the colon, shown


_TMP_BESIDE = re.compile(r"^\..+\.(?:backup|restore)(?:-(\d+))?\.tmp(?:\.part)?(?:-wal|-shm|-journal)?$")
STALE_UNNAMED_SECONDS = 86_400  # a temporary file of the earlier naming (no process id) is stale after a day


def _tmp_beside(path: Path, tag: str) -> Path:
    """The temp file a result is built in before it is renamed into place: `.NAME.TAG-PID.tmp`, named after its
    process. A run killed midway (SIGKILL, power cut) leaves it behind — a whole workspace's size — and the next
    backup or restore written into that folder removes it, whatever its target was, once its process is gone
    (clear_stale_beside; before, only a run to the very same file name cleared it, and a backup named by its date
    never is). Two runs to one target at once no longer share one temp file."""
    clear_stale_beside(path.parent)
    for old in (path.with_name(f".{path.name}.{tag}.tmp"), path.with_name(f".{path.name}.{tag}-{os.getpid()}.tmp")):
        _remove_sqlite_file(old)  # this target's of the earlier naming, and this process's own
        _remove_sqlite_file(Path(f"{old}.part"))
    return path.with_name(f".{path.name}.{tag}-{os.getpid()}.tmp")


def clear_stale_beside(folder: Path) -> list[Path]:
    """Remove the temp files of backups and restores in `folder` whose process is gone (see _tmp_beside), and those
    of the earlier naming once a day old. Returns what was removed."""
    removed: list[Path] = []
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith(".")]
    except OSError:
        return removed
    for p in entries:
        m = _TMP_BESIDE.match(p.name)
        if m is None:
            continue
        try:
            if m.group(1) is not None:
                stale = not _pid_alive(int(m.group(1)))
            else:
                stale = time.time() - p.stat().st_mtime > STALE_UNNAMED_SECONDS
            if stale:
                p.unlink()
                removed.append(p)
        except OSError:
            continue
    return removed


# ---------------------------------------------------------------------------------------------- copy


def _source_snapshot(conn: Connection) -> None:
    """Make every read below see one consistent state of the source."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN")  # pysqlite does not begin before a SELECT: hold one read snapshot
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def _check_destination(dst: Connection, tables: list[Table]) -> dict[str, int]:
    """Refuse a destination with data; return the default rows (WORKSPACE_DEFAULT_TABLES) to replace."""
    counts = _counts(dst, tables)
    data = {name: n for name, n in counts.items() if n and name not in WORKSPACE_DEFAULT_TABLES}
    if data:
        raise BackupError(
            f"目标数据库不是空的 (the target database is not empty: {_describe(data)}): {_where(dst.engine)}"
        )
    return {name: n for name, n in counts.items() if n}


def _self_refs(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _reset_sequences(dst: Connection, tables: list[Table]) -> None:
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        seq = dst.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name}).scalar()
        if seq is None:
            continue
        top = dst.execute(select(func.max(pk[0]))).scalar()
        # empty table: the next id is 1; otherwise max(id) + 1
        dst.execute(
            text("SELECT setval(CAST(:s AS regclass), :v, :called)"),
            {"s": seq, "v": top or 1, "called": top is not None},
        )


def _hidden_columns(src: Connection, table: Table) -> set[str]:
    """Columns the source login may not read (an admin's login on a team database cannot read the operators'
    password hashes): copied as NULL — in team mode passwords live in the server's logins anyway."""
    if src.dialect.name != "postgresql" or table.name != "operator":
        return set()
    readable = src.exec_driver_sql(
        "SELECT has_column_privilege(current_user, 'public.operator', 'password_hash', 'SELECT')"
    ).scalar()
    return set() if readable else {"password_hash"}


def _read(src: Connection, table: Table, *, raw: bool):
    """The table's rows (tuples in column order, by primary key) in batches, from the source snapshot."""
    cols = list(table.columns)
    pk = list(table.primary_key.columns)
    hidden = _hidden_columns(src, table)
    if raw:  # the driver's own values, on the snapshot's connection (a server-side cursor on PostgreSQL)
        q = src.dialect.identifier_preparer
        shown = ", ".join(f"NULL AS {q.quote(c.name)}" if c.name in hidden else q.quote(c.name) for c in cols)
        sql = f"SELECT {shown} FROM {q.format_table(table)} ORDER BY {', '.join(q.quote(c.name) for c in pk)}"
        dbapi = src.connection.dbapi_connection
        pg = src.dialect.name == "postgresql"
        cursor = dbapi.cursor(name=f"qundesk_copy_{table.name}") if pg else dbapi.cursor()
        try:
            cursor.execute(sql)
            while batch := cursor.fetchmany(BATCH):
                yield batch
        finally:
            cursor.close()
        return
    chosen = [null().label(c.name) if c.name in hidden else c for c in cols]
    result = src.execute(select(*chosen).order_by(*pk).execution_options(yield_per=BATCH))
    for part in result.partitions(BATCH):
        yield [tuple(r) for r in part]


def _writer(dst: Connection, table: Table, *, convert: bool) -> Callable[[list], None]:
    """A function that inserts a batch of row tuples (column order) on the destination's connection,
    inside its transaction: COPY on PostgreSQL, executemany on SQLite. With `convert`, Python values
    are turned into the destination's storage format first (SQLAlchemy's bind processors)."""
    cols = list(table.columns)
    q = dst.dialect.identifier_preparer
    names = ", ".join(q.quote(c.name) for c in cols)
    dbapi = dst.connection.dbapi_connection
    if dst.dialect.name == "postgresql":
        sql = f"COPY {q.format_table(table)} ({names}) FROM STDIN"

        def write_pg(rows: list) -> None:
            with dbapi.cursor() as cur, cur.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)

        return write_pg
    procs = [c.type.dialect_impl(dst.dialect).bind_processor(dst.dialect) for c in cols] if convert else []
    procs_at = [(i, p) for i, p in enumerate(procs) if p is not None]
    sql = f"INSERT INTO {q.format_table(table)} ({names}) VALUES ({', '.join('?' * len(cols))})"

    def write_sqlite(rows: list) -> None:
        if procs_at:
            rows = [list(r) for r in rows]
            for row in rows:
                for i, proc in procs_at:
                    if row[i] is not None:
                        row[i] = proc(row[i])
        cur = dbapi.cursor()
        try:
            cur.executemany(sql, rows)
        finally:
            cur.close()

    return write_sqlite


def copy_to_database(actor: Actor, src_engine: Engine, url: str, *, progress: Any = None) -> dict[str, int]:
    """Copy this workspace into the database at `url` (created at the head revision when empty): the window's
    "copy to the team database". Every phone number goes with it and it decides where the group's data lives,
    so it is the owner's decision, as a restore is (`restore_backup`). See copy_workspace."""
    require(actor, "restore_backup")
    target = open_database(url)
    try:
        return copy_workspace(src_engine, target.engine, progress=progress)
    finally:
        target.dispose()


def copy_workspace(src_engine: Engine, dst_engine: Engine, *, progress: Any = None) -> dict[str, int]:
    """Copy every row of the source workspace into an empty destination at the same schema revision.

    One transaction on the destination: on any error, on cancel (progress.step raises Cancelled) or on a
    count mismatch nothing is written. Returns the row count of every table (alembic_version included)."""
    tables = _tables()
    with src_engine.connect() as src:
        _source_snapshot(src)
        src_rev = _revision(src)
        if src_rev is None:
            raise BackupError(
                f"源数据库不是 QunDesk 工作区 (the source is not a QunDesk workspace): {_where(src_engine)}"
            )
        src_counts = _counts(src, tables)
        total = sum(src_counts.values())
        done = 0
        with dst_engine.begin() as dst:
            if dst.dialect.name == "sqlite":  # take the write lock now: the emptiness check and the copy are one
                dst.exec_driver_sql("BEGIN IMMEDIATE")
            dst_rev = _revision(dst)
            if dst_rev is None:
                raise BackupError(
                    f"目标数据库还没有表结构 (the target has no QunDesk schema yet): {_where(dst_engine)}"
                )
            if src_rev != dst_rev:
                raise BackupError(
                    f"源和目标的数据库版本不同 (schema revisions differ: source {src_rev}, target {dst_rev});"
                    " 请先升级 (upgrade both to the current version first)"
                )
            defaults = _check_destination(dst, tables)
            for table in reversed(tables):  # first-start defaults of an empty workspace: replaced by the source's
                if table.name in defaults:
                    dst.execute(delete(table))
            _step(progress, 0, total)
            copied: dict[str, int] = {}
            raw = src.dialect.name == dst.dialect.name  # same storage format: pass the driver's values through
            for table in tables:
                n = 0
                cols = list(table.columns)
                refs = [i for i, c in enumerate(cols) if c.name in _self_refs(table)]
                pk_at = cols.index(next(iter(table.primary_key.columns)))
                later: list[tuple[int, Any, Any]] = []  # self references, set once every row of the table exists
                write = _writer(dst, table, convert=not raw)
                for rows in _read(src, table, raw=raw):
                    if refs:
                        rows = [list(r) for r in rows]
                        for row in rows:
                            for i in refs:
                                if row[i] is not None:
                                    later.append((i, row[pk_at], row[i]))
                                    row[i] = None
                    write(rows)
                    n += len(rows)
                    done += len(rows)
                    _step(progress, done, total)
                pk = cols[pk_at]
                for i in refs:
                    params = [{"_pk": key, "_v": value} for j, key, value in later if j == i]
                    for k in range(0, len(params), BATCH):
                        dst.execute(
                            update(table).where(pk == bindparam("_pk")).values({cols[i].key: bindparam("_v")}),
                            params[k : k + BATCH],
                        )
                copied[table.name] = n
            # The kept values (models/kept.py) came with the membership rows, and the triggers then added the
            # ledger and the facts copied after them on top — every balance twice. Recomputed from the copied
            # ledger and facts, in the same transaction.
            kept.refresh(dst)
            if dst.dialect.name == "postgresql":
                _reset_sequences(dst, tables)
            dst_counts = _counts(dst, tables)
            wrong = [
                f"{name}: {src_counts[name]} → {copied[name]} → {dst_counts[name]}"
                for name in src_counts
                if not (src_counts[name] == copied[name] == dst_counts[name])
            ]
            if wrong:
                raise BackupError(
                    "复制后行数不一致，已撤销 (row counts differ after the copy; nothing was written): "
                    + "; ".join(wrong)
                )
        src.rollback()
    copied["alembic_version"] = 1
    return copied


# ---------------------------------------------------------------------------------------------- backup


def backup_workspace(
    database: Database | Engine,
    path: str | Path,
    *,
    progress: Any = None,
    actor: Actor | None = None,
    stop: Stop | None = None,
) -> Path:
    """Write a self-contained SQLite copy of the workspace to `path` (atomically; checked afterwards). A backup
    holds every phone number (and the operators' password hashes): an `actor` needs `take_backup` (owner,
    admin). The daily automatic backup of the app itself passes no actor. `stop` (asked while the copy and its
    check run) ends it with Interrupted and leaves no file."""
    if actor is not None:
        require(actor, "take_backup")
    engine = _engine(database)
    path = Path(path).expanduser().resolve()
    src_path = _sqlite_path(engine)
    if src_path is not None and src_path.resolve() == path:
        raise BackupError(f"备份文件不能是工作区本身 (the backup file cannot be the workspace itself): {path}")
    _check_target_file(path, "备份文件 (the backup file)")
    # The window's Cancel (desktop.tasks.Progress) is asked all along, as `stop` is: during the copy of a big
    # file and during its check, not only after them (it was ignored for minutes, then a finished backup was
    # reported after the user had cancelled it)
    asked_to_stop = stop
    cancellable = isinstance(progress, Progress)
    if cancellable:
        stop = lambda: progress.cancelled or (asked_to_stop is not None and asked_to_stop())  # noqa: E731
    tmp = _tmp_beside(path, "backup")
    try:
        try:
            if src_path is not None:
                _step(progress, 0, BACKUP_STEPS)
                if progress is None:
                    backup_sqlite_file(engine, tmp, stop)
                else:  # the bar moves with the pages copied

                    def copied(done: int, total: int) -> None:
                        _step(progress, BACKUP_COPY * done // max(total, 1), BACKUP_STEPS)

                    backup_sqlite_file(engine, tmp, stop, copied=copied)
                _step(progress, BACKUP_COPY, BACKUP_STEPS)
            else:
                target = open_database(tmp)
                try:
                    copy_workspace(engine, target.engine, progress=progress)
                finally:
                    target.dispose()
            _finish_sqlite_file(tmp)
            problem = _sqlite_check(tmp, stop=stop)
        except Interrupted:
            if cancellable and progress.cancelled:
                raise Cancelled() from None
            raise
        except (OSError, sqlite3.Error, DBAPIError, DatabaseError) as exc:
            raise _write_failed(exc, path, "备份失败 (backup failed)") from exc
        if problem is not None:
            raise BackupError(f"备份文件检查失败 (the backup failed its integrity check): {problem}")
        if src_path is not None:
            _step(progress, BACKUP_STEPS, BACKUP_STEPS)  # the last chance to cancel: nothing is in place yet
        elif cancellable and progress.cancelled:
            raise Cancelled()
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise _write_failed(exc, path, "备份失败 (backup failed)") from exc
    finally:
        _remove_sqlite_file(tmp)
        _remove_sqlite_file(Path(f"{tmp}.part"))  # and its -journal: a copy that failed writing (disk full) left it
    return path


def auto_backup(
    database: Database | Engine,
    *,
    keep: int | None = None,
    today: date | None = None,
    folder: str | Path | None = None,
    stop: Stop | None = None,
) -> Path | None:
    """The day's automatic backup of this workspace (`auto-YYYYMMDD.sqlite`, or `auto-YYYYMMDD-NAME.sqlite` for
    a workspace file other than the default one: auto_tag), then prune this workspace's automatic backups to the
    newest `keep`. None when today's backup of this workspace exists already. `keep` defaults to the workspace
    setting backups_keep. `stop`: see backup_workspace (a stopped backup is taken again at the next start).

    Named by workspace: every workspace's automatic backups shared one name a day, so the second workspace
    written in a folder (客户A.sqlite and 客户B.sqlite side by side, or any --db file opened in the window) found
    "today's backup" — the other's — and took none, and pruning counted both workspaces' files together."""
    from desktop.paths import backups_dir

    today = today or clock.today()
    try:
        target_dir = Path(folder) if folder is not None else backups_dir()
        target_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a backups folder that cannot be made (a file in its place, no permission): said, as any
        where = folder
        if where is None:
            from desktop.paths import data_dir

            with contextlib.suppress(OSError):
                where = data_dir() / "backups"
        raise BackupError(
            f"无法创建备份文件夹 (cannot create the backups folder): {where}: {exc.strerror or exc}"
        ) from exc
    except DatabaseError as exc:  # desktop.paths said it already (the data folder's backups), naming the folder
        raise BackupError(str(exc)) from exc
    tag = auto_tag(database, target_dir)
    target = target_dir / auto_name(today, tag)
    clear_stale_temp(target_dir)
    if target.exists():
        if _looks_whole(target):
            return None
        # today's backup cut short after it was written (a sync tool, a copy back from a full stick): it stood for
        # the day's backup — none was taken all day, and pruning went on counting it. It is taken again
        with contextlib.suppress(OSError):
            target.unlink()
        if target.exists():
            return None
    if keep is None:
        keep = _setting_keep(database)
    backup_workspace(database, target, stop=stop)
    # The one just taken is never pruned, whatever its date's rank: with the computer's clock set back (a flat
    # CMOS battery, a wrong date typed) the backups of the "future" days sorted above it, and today's copy — the
    # only one of the workspace as it is — was deleted as soon as it was written, every day, while its path was
    # reported as taken.
    autos = sorted(
        (
            p
            for p in target_dir.iterdir()
            if (m := AUTO_NAME.match(p.name)) and (m.group(2) or "") == tag and p.name != target.name
        ),
        key=lambda p: p.name,
        reverse=True,
    )
    for old in autos[max(1, keep) - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def _looks_whole(path: Path) -> bool:
    """Whether a SQLite file is as long as its header says (a cheap check, no pages read): a file cut short — 0 bytes,
    or its first megabytes only — is not. A header without a valid page count (older writers) counts as whole."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return True  # unreadable here: left alone, as before
    if len(header) < 100 or header[:16] != SQLITE_MAGIC:
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    change_counter = int.from_bytes(header[24:28], "big")
    if pages == 0 or valid_for != change_counter:
        return True
    return size >= pages * page_size


def auto_tag(database: Database | Engine, folder: Path | None = None) -> str:
    """The workspace's part of its automatic backups' names in `folder` (None: the backups folder of the data
    folder): "" for the default workspace file and for a server database (their names stay `auto-YYYYMMDD.sqlite`),
    else the file's name without .sqlite (its first AUTO_TAG_CHARS characters) — and, in a folder that is not the
    one beside the file, a mark of the file's own folder (file_tag)."""
    return file_tag(_sqlite_path(_engine(database)), folder)


def file_tag(path: Path | None, folder: Path | None = None) -> str:
    """auto_tag of the workspace file at `path` (None: a server database), without opening it.

    In the backups folder beside the file (the command line's) the file's name tells it from its neighbours. In
    the data folder's backups, which every workspace opened in the window shares, the same name in two folders
    (客户A/qundesk.sqlite, 客户B/qundesk.sqlite) was one workspace: the second found "today's backup" — the
    first's — and took none, and restoring it when damaged restored the other's groups and people. There the
    name carries `~` and six hex digits of the file's folder."""
    from desktop.paths import backups_dir, default_db_path

    if path is None:
        return ""
    with contextlib.suppress(OSError):
        if path.resolve() == default_db_path().resolve():
            return ""
    stem = path.stem[:AUTO_TAG_CHARS].strip() or "_"
    try:
        home = path.resolve().parent
        where = (Path(folder) if folder is not None else backups_dir()).resolve()
    except (OSError, DatabaseError):
        return stem
    if where == home / "backups":
        return stem
    import hashlib

    return f"{stem}~{hashlib.sha256(str(home).encode('utf-8')).hexdigest()[:6]}"


def legacy_tag(path: Path | None) -> str:
    """The tag of this file's backups in the data folder before file_tag marked the folder (the bare name)."""
    from desktop.paths import default_db_path

    if path is None:
        return ""
    with contextlib.suppress(OSError):
        if path.resolve() == default_db_path().resolve():
            return ""
    return path.stem[:AUTO_TAG_CHARS].strip() or "_"


def auto_name(day: date, tag: str = "") -> str:
    return f"{AUTO_PREFIX}{day:%Y%m%d}{'-' + tag if tag else ''}.sqlite"


MANUAL_NAME = re.compile(r"^manual-(\d{8}-\d{6})(?:-(.+))?\.sqlite$")  # group 2: the workspace's name (auto_tag)


def manual_name(database: Database | Engine, moment: datetime) -> str:
    """The name of a backup taken with the window's "Back up now" in the backups folder: named by workspace too."""
    tag = auto_tag(database)
    return f"manual-{moment:%Y%m%d-%H%M%S}{'-' + tag if tag else ''}.sqlite"


def own_backups(backups: list[BackupInfo], tag: str) -> list[BackupInfo]:
    """The automatic and "Back up now" backups of the workspace with this tag (auto_tag) among `backups`, in their
    order (a name without a tag: the default workspace's)."""
    return [
        b
        for b in backups
        if (m := AUTO_NAME.match(b.path.name) or MANUAL_NAME.match(b.path.name)) and (m.group(2) or "") == tag
    ]


def _setting_keep(database: Database | Engine) -> int:
    from sqlalchemy.orm import Session

    from desktop.settings import get_setting

    with Session(_engine(database)) as session:
        return int(get_setting(session, "backups_keep"))


def _file_revision(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return None
        conn = sqlite3.connect(_ro_uri(path), uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return None
    return row[0] if row else None


def describe_existing(path: str | Path) -> str | None:
    """What is at `path` already, in words (None: nothing): a QunDesk workspace or backup, another SQLite
    database, a folder, or some other file."""
    path = Path(path)
    if path.is_dir():
        return "文件夹 (a folder)"
    if not path.exists():
        return None
    rev = _file_revision(path)
    if rev is not None:
        return f"QunDesk 工作区或备份 (a QunDesk workspace or backup, revision {rev})"
    try:
        with path.open("rb") as fh:
            magic = fh.read(16)
    except OSError:
        magic = b""
    if magic == SQLITE_MAGIC:
        return "SQLite 数据库 (a SQLite database)"
    return f"文件 (a file of {path.stat().st_size} bytes)"


def list_backups(folder: str | Path | None = None) -> list[BackupInfo]:
    """Every backup file (*.sqlite) in the backups folder, newest first."""
    from desktop.paths import backups_dir

    target_dir = Path(folder) if folder is not None else backups_dir()
    if not target_dir.is_dir():
        return []
    out = []
    for p in target_dir.iterdir():
        if not p.is_file() or p.suffix != ".sqlite" or p.name.startswith("."):
            continue
        st = p.stat()
        # the community's wall-clock time, as every time the app shows (and as auto-YYYYMMDD names its day): on a
        # laptop in Berlin, Shanghai's auto-20261207 taken at 01:00 read "created 2026-12-06 18:00"
        created = datetime.fromtimestamp(st.st_mtime, clock.zone()).replace(tzinfo=None)
        out.append(BackupInfo(p, created, st.st_size, _file_revision(p)))
    out.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return out


# the tail a sync tool adds to the name of a file two computers changed: Dropbox `NAME (DESKTOP's conflicted copy
# 2026-12-07)`, Google Drive / 坚果云 / Windows `NAME (1)`, `NAME_冲突副本…`, iCloud `NAME 2`, OneDrive `NAME-DESKTOP-1`
# (the other computer's name, in capitals)
_SYNC_TAIL = re.compile(
    r"^(?:\s*[(（].*[)）]\s*|.*(?i:conflict|冲突|衝突|副本|copy|kopie|konflikt).*| \d{1,3}|-(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*)$"
)  # the computer's name case-sensitive: `qundesk-test.sqlite` is a workspace of its own, not a copy


def sync_copies(workspace: str | Path) -> list[BackupInfo]:
    """The other copies of the SQLite workspace file `workspace` that a sync tool (OneDrive, 坚果云, iCloud, Dropbox)
    left beside it when two computers changed it — `qundesk (conflicted copy 2026-12-07).sqlite`,
    `qundesk-DESKTOP-1.sqlite`, `qundesk 2.sqlite` — QunDesk workspaces of their own (their revision read without
    writing), newest first. What was saved in them is not in the workspace: the window says so at start and lists
    them in Settings › Backups to restore from (in the workspace's place, the workspace kept aside). Files QunDesk
    names itself beside a workspace (NAME.before-restore-…, NAME.damaged-…) are not such copies."""
    file = Path(workspace)
    out: list[BackupInfo] = []
    try:
        entries = list(file.parent.iterdir())
    except OSError:
        return out
    for p in entries:
        if p.name.startswith(".") or p.suffix != file.suffix or p.name == file.name or not p.stem.startswith(file.stem):
            continue
        if not _SYNC_TAIL.match(p.stem[len(file.stem) :]):
            continue
        try:
            st = p.stat()
        except OSError:
            continue
        revision = _file_revision(p) if p.is_file() else None
        if revision is None:
            continue
        created = datetime.fromtimestamp(st.st_mtime, clock.zone()).replace(tzinfo=None)
        out.append(BackupInfo(p, created, st.st_size, revision))
    out.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return out


# ---------------------------------------------------------------------------------------------- restore


def _prepared_backup(backup_file: Path, workdir: Path, stop: Stop | None = None) -> Path:
    """A checked copy of the backup in `workdir`, upgraded to the current schema. The file itself is only read."""
    where = str(backup_file)
    if not backup_file.is_file():
        raise BackupError(f"找不到备份文件 (backup file not found): {where}")
    try:
        with backup_file.open("rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        raise BackupError(f"无法读取备份文件 (cannot read the backup file) {where}: {exc}") from exc
    if magic != SQLITE_MAGIC:
        raise BackupError(f"不是 QunDesk 备份文件 (not a QunDesk backup: not a SQLite file): {where}")
    copy = workdir / "backup.sqlite"
    try:
        src = sqlite3.connect(_ro_uri(backup_file), uri=True)
        try:
            dst = sqlite3.connect(copy)
            try:
                if stop is None:
                    src.backup(dst)
                else:

                    def step(_status: int, _remaining: int, _total: int) -> None:
                        if stop():
                            raise Interrupted("stopped on request")

                    src.backup(dst, pages=4096, progress=step)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"备份文件已损坏 (the backup file is damaged) {where}: {exc}") from exc
    problem = _sqlite_check(copy, stop=stop)
    if problem is not None:
        raise BackupError(f"备份文件已损坏 (the backup file is damaged: integrity check) {where}: {problem}")
    rev = _file_revision(copy)
    if rev is None:
        raise BackupError(f"不是 QunDesk 备份文件 (not a QunDesk backup: no schema revision): {where}")
    if rev not in known_revisions():
        raise BackupError(
            f"这个备份由更新版本的 QunDesk 创建 (revision {rev}), 请升级 QunDesk。"
            f" (The backup was made by a newer QunDesk; please upgrade.) {where}"
        )
    conn = sqlite3.connect(copy)
    try:
        bad = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
    finally:
        conn.close()
    if bad:
        raise BackupError(f"备份文件已损坏 (the backup breaks foreign keys: {bad}) {where}")
    if rev != head_revision():
        try:
            db = open_database(copy, backup_dir=workdir / "before-upgrade")
        except DatabaseError as exc:
            raise BackupError(f"无法升级备份 (cannot upgrade the backup) {where}: {exc}") from exc
        db.dispose()
    return copy


RESTORE_WORKDIR = "qundesk-restore-"  # + pid + "-" + random: the temp folder of a restore
_STALE_WORKDIR = re.compile(r"^qundesk-restore-(?:(\d+)-)?")
_STALE_TMP = re.compile(r"^\.auto-\d{8}(?:-.+)?\.sqlite\.backup\.tmp(?:\.part)?(?:-wal|-shm|-journal)?$")  # no pid


def _pid_alive(pid: int) -> bool:
    """Whether process `pid` still runs (when unsure: yes, and its files are left alone)."""
    from desktop.paths import process_alive

    return process_alive(pid)


def clear_stale_temp(backups: str | Path | None = None, temp: str | Path | None = None) -> list[Path]:
    """Remove what killed runs left behind: restore work folders (`qundesk-restore-PID-…` in the temp folder)
    whose process is gone, and half-written automatic backups (`.auto-YYYYMMDD.sqlite.backup.tmp`) of other
    days in the backups folder. Returns what was removed."""
    removed: list[Path] = []
    folder = Path(temp) if temp is not None else Path(tempfile.gettempdir())
    try:
        entries = list(folder.iterdir())
    except OSError:
        entries = []
    for entry in entries:
        m = _STALE_WORKDIR.match(entry.name)
        if m is None or not entry.is_dir():
            continue
        if m.group(1) is not None:
            stale = not _pid_alive(int(m.group(1)))
        else:  # made before work folders carried their process id: stale after a day
            try:
                stale = time.time() - entry.stat().st_mtime > 86_400
            except OSError:
                stale = False
        if stale:
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    if backups is not None:
        today = f".{AUTO_PREFIX}{clock.today():%Y%m%d}"
        try:
            tmps = [
                p
                for p in Path(backups).iterdir()
                if _STALE_TMP.match(p.name) and not p.name.startswith((f"{today}.", f"{today}-"))
            ]
        except OSError:
            tmps = []
        for p in tmps:  # today's is cleared (or in use) by today's backup itself
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p)
        removed += clear_stale_beside(Path(backups))  # those named after their process: when it is gone
    return removed


def _existing_data(url: str) -> dict[str, int] | None:
    """Rows in the target outside the first-start defaults (None: the target has no QunDesk tables)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
            ours = [t for t in _tables() if t.name in present]
            foreign = sorted(present - set(Base.metadata.tables) - {"alembic_version"})
            if foreign:  # some other program's database
                return {f"{name} (not QunDesk)": 1 for name in foreign[:5]}
            if not ours:
                return None
            counts = _counts(conn, ours)
    except SQLAlchemyError as exc:
        raise BackupError(f"无法打开目标数据库 (cannot open the target database) {_where(engine)}: {exc}") from exc
    finally:
        engine.dispose()
    return {n: c for n, c in counts.items() if c and n not in WORKSPACE_DEFAULT_TABLES}


def has_workspace_operators(url_or_path: str | Path) -> bool:
    """Whether the restore target is a QunDesk workspace already (its operator table has someone): then whoever
    restores signs in there like for any command on it. Only looks; a target that cannot be read is left for the
    restore to report."""
    engine = make_engine(to_url(url_or_path))
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("operator"):
                return False
            return bool(conn.execute(text("SELECT count(*) FROM operator")).scalar())
    except SQLAlchemyError:
        return False
    finally:
        engine.dispose()


def backup_operator(backup_file: str | Path, name: str, password: str | None) -> Actor:
    """The operator `name` of the workspace in the backup, signed in there (their password when any operator of
    that workspace has one): who restores a backup into a new file, which has no operators of its own yet. The
    backup is only read."""
    from desktop.services.operators import check_password

    backup_file = Path(backup_file).expanduser()
    where = str(backup_file)
    if not backup_file.is_file():
        raise BackupError(f"找不到备份文件 (backup file not found): {where}")
    try:
        conn = sqlite3.connect(_ro_uri(backup_file), uri=True)
        try:
            rows = conn.execute(
                "SELECT id, name, role, password_hash FROM operator WHERE active ORDER BY id"
            ).fetchall()
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(
            f"备份文件已损坏或不是 QunDesk 备份 (the backup file is damaged or not a QunDesk backup) {where}: {exc}"
        ) from exc
    found = next((r for r in rows if r[1] == name), None)
    if found is None:
        raise SignInFailed(f"备份里没有名为「{name}」的操作员 (no operator named {name!r} in the backup)")
    if any(r[3] for r in rows):
        if not found[3]:
            raise SignInFailed(
                f"操作员「{name}」在备份里没有密码 (operator {name!r} has no password in the backup's workspace)"
            )
        if not password:  # none given is not a wrong one
            raise PasswordMissing(
                f"操作员「{name}」需要备份里的密码, 但没有给出 (QUNDESK_PASSWORD) (no password given for {name!r})"
            )
        if not check_password(found[3], password):
            raise SignInFailed(f"操作员「{name}」的密码不正确 (wrong password for {name!r})")
    return Actor(found[0], found[1], found[2])


def restore_workspace(
    actor: Actor, backup_file: str | Path, target_url_or_path: str | Path, *, progress: Any = None
) -> dict[str, int]:
    """Load a backup into a new or empty workspace (SQLite file or PostgreSQL URL). Owner only.

    The backup is checked before the target is touched; a new SQLite target is built in a temp file and
    renamed into place; an existing empty target is filled in one transaction. Returns the row counts."""
    require(actor, "restore_backup")
    backup_file = Path(backup_file).expanduser()
    url = to_url(target_url_or_path)
    stop = _cancel_asked(progress)
    try:
        counts = _restore(backup_file, url, progress, stop)
    except Interrupted:
        if stop is not None and stop():
            raise Cancelled() from None
        raise
    _audit_restore(url, actor, backup_file, counts)
    return counts


@dataclass(frozen=True)
class RestoredInPlace:
    """A restore that took the workspace's place: `workspace` now holds the backup's data, `kept` the file that
    was there before (with its -wal beside it when it had one), `counts` the rows restored."""

    workspace: Path
    kept: Path
    counts: dict[str, int]


SIDE_FILES = ("-wal", "-shm", "-journal")


def kept_aside_name(workspace: Path, why: str, moment: datetime | None = None) -> Path:
    """A new name beside `workspace` for the file a restore puts aside: `NAME.WHY-YYYYMMDD-HHMMSS.sqlite`
    (`why`: before-restore, damaged), never an existing file's."""
    stamp = (moment or clock.now()).strftime("%Y%m%d-%H%M%S")
    base = f"{workspace.stem}.{why}-{stamp}"
    suffix = workspace.suffix or ".sqlite"
    target = workspace.with_name(base + suffix)
    n = 2
    while any(Path(f"{target}{side}").exists() for side in ("", *SIDE_FILES)):
        target = workspace.with_name(f"{base}-{n}{suffix}")
        n += 1
    return target


def restore_in_place(
    actor: Actor, backup_file: str | Path, workspace: str | Path, *, why: str = "before-restore", progress: Any = None
) -> RestoredInPlace:
    """Restore a backup INTO the place of the SQLite workspace file `workspace` (owner only). The workspace must be
    closed by this process first (the window disposes its database).

    Restoring into a new file only (restore_workspace) left the organiser on the old one: the window's next start,
    from its icon, opened the same workspace again — a damaged one was offered the restore again at every start, each
    time into another restored-….sqlite without the work done in the last, and a restore from Settings said to restart
    with `qundesk --db FILE`, which an organiser starting QunDesk from its icon cannot do. Now, in this order:

    1. the backup is restored into a temp file beside the workspace (`.NAME.restored.restore-PID.tmp`, which the
       clean-up of killed runs knows) and checked, as every restore is (a newer QunDesk's backup, a damaged one:
       refused here, nothing moved);
    2. the workspace file is kept aside, renamed `NAME.WHY-YYYYMMDD-HHMMSS.sqlite` in its folder, with its -wal
       (rows not yet folded into the file), -shm and -journal renamed alike, so the kept file opens with every row it
       had — nothing of it is deleted, and no -wal of the old file is left beside the restored one (SQLite would
       replay it into the restored file);
    3. the restored file is renamed into the workspace's place.

    A rename that fails (on Windows: another program still has the file open) puts back what was moved and removes
    the temp file: the workspace is as it was and the error says so."""
    built = restore_beside(actor, backup_file, workspace, progress=progress)
    try:
        kept = put_in_place(built.file, Path(workspace).expanduser(), why)
    finally:
        discard_restored(built.file)
    return RestoredInPlace(Path(workspace).expanduser(), kept, built.counts)


@dataclass(frozen=True)
class RestoredBeside:
    """A backup restored and checked into a temp file beside the workspace, waiting to take its place."""

    file: Path
    counts: dict[str, int]


def restore_beside(
    actor: Actor, backup_file: str | Path, workspace: str | Path, *, progress: Any = None
) -> RestoredBeside:
    """Step 1 of restore_in_place, which may run while the workspace is open (the window runs it on a worker thread
    with progress and Cancel): the backup restored into `.NAME.restored.restore-PID.tmp` beside the SQLite workspace
    file `workspace`, and checked. Nothing of the workspace is touched."""
    require(actor, "restore_backup")
    file = Path(workspace).expanduser()
    if not file.is_file():
        raise BackupError(f"工作区文件不存在 (the workspace file does not exist): {file}")
    built = file.with_name(f".{file.name}.restored.restore-{os.getpid()}.tmp")
    _remove_sqlite_file(built)
    try:
        counts = restore_workspace(actor, backup_file, built, progress=progress)
    except BaseException:
        _remove_sqlite_file(built)
        raise
    return RestoredBeside(built, counts)


def discard_restored(built: Path) -> None:
    """Remove a restored temp file that will not take the workspace's place (or is there already)."""
    _remove_sqlite_file(built)


def put_in_place(built: Path, workspace: Path, why: str = "before-restore") -> Path:
    """Step 2 of restore_in_place, with the workspace closed by this process: the workspace file kept aside (with its
    side files), the restored file renamed into its place. Returns where the old file was kept."""
    file = Path(workspace)
    kept = kept_aside_name(file, why)
    moved: list[str] = []
    try:
        for side in ("", *SIDE_FILES):
            if side == "" or Path(f"{file}{side}").exists():
                os.replace(f"{file}{side}", f"{kept}{side}")
                moved.append(side)
        os.replace(built, file)
    except OSError as exc:
        for side in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(f"{kept}{side}", f"{file}{side}")
        raise BackupError(
            f"无法替换工作区文件 (可能另一个程序正打开着它), 工作区保持原样, 未做任何改动 (the workspace file could not"
            f" be replaced — another program may have it open: it is as it was, nothing was changed):"
            f" {file}: {exc.strerror or exc}"
        ) from exc
    return kept


def _cancel_asked(progress: Any) -> Stop | None:
    """The window's Cancel (desktop.tasks.Progress) as a `stop` for the checks and copies that make no progress
    steps: a restore's check of the backup and of its result ignored it, and said "Restored" after a cancel."""
    return (lambda: progress.cancelled) if isinstance(progress, Progress) else None


def _audit_restore(url: str, actor: Actor, backup_file: Path, counts: dict[str, int]) -> None:
    """The restore is in the restored workspace's audit log, under the operator of that name there."""
    from desktop.services.audit import record_audit
    from models import Operator

    target = open_database(url, migrate=False)
    try:
        with target.session() as session:
            operator_id = session.scalar(select(Operator.id).where(Operator.name == actor.name, Operator.active))
            record_audit(
                session,
                operator_id,
                "backup.restore",
                "workspace",
                None,
                after={"file": backup_file.name, "rows": sum(counts.values()), "by": actor.name},
            )
            session.commit()
    finally:
        target.dispose()


def _restore(backup_file: Path, url: str, progress: Any, stop: Stop | None = None) -> dict[str, int]:
    clear_stale_temp()
    # the checked copy of the backup is made in a folder named after this process: a run that is killed
    # (SIGKILL, power cut) leaves it behind, and the next restore or automatic backup removes it
    with tempfile.TemporaryDirectory(prefix=f"{RESTORE_WORKDIR}{os.getpid()}-") as workdir:
        source = _prepared_backup(backup_file, Path(workdir), stop)
        src_engine = make_engine(source)
        try:
            target_file = Path(make_url(url).database or "") if url.startswith("sqlite") else None
            if target_file is not None and (not target_file.exists() or target_file.stat().st_size == 0):
                return _restore_into_new_file(src_engine, target_file, progress, stop)
            data = _existing_data(url)
            if data:
                raise BackupError(f"目标数据库不是空的 (the target database is not empty: {_describe(data)})")
            try:
                target = open_database(url, backup_dir=Path(workdir) / "before-upgrade")
            except DatabaseError as exc:
                raise BackupError(str(exc)) from exc
            try:
                return copy_workspace(src_engine, target.engine, progress=progress)
            finally:
                target.dispose()
        finally:
            src_engine.dispose()


def _restore_into_new_file(
    src_engine: Engine, target_file: Path, progress: Any, stop: Stop | None = None
) -> dict[str, int]:
    _check_target_file(target_file, "恢复目标 (the restore target)")
    tmp = _tmp_beside(target_file, "restore")
    try:
        try:
            target = open_database(tmp)
            try:
                counts = copy_workspace(src_engine, target.engine, progress=progress)
            finally:
                target.dispose()
            _finish_sqlite_file(tmp)
        except (OSError, sqlite3.Error, DBAPIError, DatabaseError) as exc:
            raise _write_failed(exc, target_file, "恢复失败 (restore failed)") from exc
        problem = _sqlite_check(tmp, stop=stop)
        if problem is not None:
            raise BackupError(f"恢复结果检查失败 (the restored workspace failed its integrity check): {problem}")
        if stop is not None and stop():  # the last moment a cancel can come: nothing is in place yet
            raise Interrupted("stopped on request")
        if target_file.exists() and target_file.stat().st_size > 0:  # appeared meanwhile
            raise BackupError(f"目标数据库不是空的 (the target appeared meanwhile): {target_file}")
        os.replace(tmp, target_file)
    finally:
        _remove_sqlite_file(tmp)
    return counts
