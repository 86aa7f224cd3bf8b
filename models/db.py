"""Engine and session set-up, and opening a workspace at the current schema (migrating if needed).

SQLite: WAL, foreign_keys=ON, synchronous=FULL (a committed check-in survives a power cut), busy timeout.
PostgreSQL (`postgresql+psycopg://…`): the same models and migrations.

Opening a database: no schema -> created by running every migration (so the migrations are what every
workspace really runs); behind -> a timestamped backup, then upgrade; a revision we do not know -> refused
with NewerSchemaError (a newer QunDesk made it).

Shared by every writer — the window's operations (ui/operations.py), the CLI, the paste commit, the start-up
check: `with_retry` (run a whole short transaction again while the database is busy) and `check_integrity`
(SQLite's quick_check)."""

from __future__ import annotations

import contextlib
import os
import random
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from models import clock

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """A known, user-facing database problem (the message is shown as is)."""


class NewerSchemaError(DatabaseError):
    pass


class LoginRejectedError(DatabaseError):
    """The server refused the login (wrong password, no such login): a failed sign-in (CLI exit 4)."""


class DatabaseLockedError(DatabaseError):
    pass


class WritesHeld(DatabaseError):
    """A write while the workspace is still being checked at start (Database.hold_writes)."""


class Interrupted(DatabaseError):
    """A long check or copy was stopped on request (the window closed while it ran): nothing was decided."""


Stop = Callable[[], bool]  # asked now and then during a long check or copy: True stops it (Interrupted)


@contextlib.contextmanager
def stoppable(raw: Any, stop: Stop | None) -> Iterator[None]:
    """Before the block `stop` is asked once (Interrupted at once), and while it runs every 50 ms: once it says
    so, the raw SQLite connection is interrupted (sqlite3_interrupt, safe from another thread). A progress handler would not do: SQLite 3.40
    runs a whole integrity check inside one VM step, so it never gets asked during it."""
    if stop is None:
        yield
        return
    if stop():
        raise Interrupted("stopped on request")
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            if stop():
                raw.interrupt()
                return

    watcher = threading.Thread(target=watch, name="qundesk-stop-watch", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def raise_if_stopped(exc: BaseException, stop: Stop | None) -> None:
    """An 'interrupted' error after `stop` said so is Interrupted (not damage, not a failed backup)."""
    if stop is not None and stop() and "interrupt" in str(getattr(exc, "orig", None) or exc).lower():
        raise Interrupted("stopped on request") from exc


class ReadOnlyError(DatabaseError):
    """The workspace file, or the folder it is in, cannot be written."""


def to_url(url_or_path: str | Path) -> str:
    """Accept a SQLAlchemy URL or a plain file path (a path becomes a SQLite URL).

    A path's `%` and `?` are escaped: the URL parser decodes `%XX` in the database part and ends it at `?`, so
    `打卡 100%25.sqlite` opened `打卡 100%.sqlite` and `群#1?.sqlite` opened (and created, empty) `群#1` — another
    workspace than the one named, read, written, restored into or backed up without a word."""
    s = str(url_or_path)
    conninfo = conninfo_url(s)
    if conninfo is not None:
        return conninfo
    if "://" in s:
        if s.startswith("postgresql://") or s.startswith("postgres://"):
            s = "postgresql+psycopg://" + s.split("://", 1)[1]
        if s.startswith("postgresql"):
            s = _encode_at_in_password(s)
        return s
    path = str(Path(s).expanduser().resolve())
    return "sqlite:///" + path.replace("%", "%25").replace("?", "%3F")


# the keywords of a libpq connection string (`host=db.example.com dbname=qundesk user=u password=…`), as psql and
# PostgreSQL's own documentation write a connection: https://www.postgresql.org/docs/current/libpq-connect.html
_CONNINFO_KEYS = frozenset(
    {
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives", "sslmode",
        "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl", "sslnegotiation", "requiressl", "gssencmode",
        "krbsrvname", "service", "target_session_attrs", "load_balance_hosts", "require_auth", "sslcompression",
    }
)  # fmt: skip
_CONNINFO_PAIR = re.compile(r"\s*([a-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)")


def conninfo_url(text: str) -> str | None:
    """A libpq connection string (`host=h port=5432 dbname=d user=u password=p`) as the URL it names, or None when
    `text` is not one. Taken for a file path, it opened — and created — a new SQLite workspace called
    "host=h … password=p" in the current folder, and printed that name (the password in it) in every message."""
    if "://" in text or "=" not in text:
        return None
    pairs: dict[str, str] = {}
    pos = 0
    while text[pos:].strip():
        m = _CONNINFO_PAIR.match(text, pos)
        if m is None or m.group(1) not in _CONNINFO_KEYS:
            return None
        value = m.group(2)
        if value.startswith("'"):
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        pairs[m.group(1)] = value
        pos = m.end()
    if not pairs or not {"host", "hostaddr", "dbname", "service"} & pairs.keys():
        return None
    port = pairs.pop("port", None)
    url = URL.create(
        "postgresql+psycopg",
        username=pairs.pop("user", None),
        password=pairs.pop("password", None),
        host=pairs.pop("host", None),
        port=int(port) if port and port.isdigit() else None,
        database=pairs.pop("dbname", None),
        query={**pairs, **({"port": port} if port and not port.isdigit() else {})},
    )
    return url.render_as_string(hide_password=False)


def _encode_at_in_password(url: str) -> str:
    """`user:p@ss@host/db` as people type it: the password runs to the last '@' before the host (as libpq and
    browsers read it), so its '@' is encoded (`p%40ss`). Read at the first '@', the rest of the password became
    the host name — printed in every message ("failed to resolve host 'ss@host'")."""
    scheme, _, rest = url.partition("://")
    first, last = rest.find("@"), rest.rfind("@")
    if first == last or ":" not in rest[:first]:
        return url
    between = rest[first + 1 : last]
    if "/" in between or "?" in between:  # the later '@' is in the path or the query, not in the password
        return url
    return f"{scheme}://{rest[:last].replace('@', '%40')}{rest[last:]}"


PASSWORD_PARAMS = frozenset({"password", "passwd", "pwd", "pass", "sslpassword"})  # a password given as ?password=…


def without_password(url: str | URL) -> URL:
    """The URL without its password, in the user part or as a query parameter (?password=…)."""
    u = url if isinstance(url, URL) else make_url(to_url(url))
    secret = [k for k in u.query if k.lower() in PASSWORD_PARAMS]
    if secret:
        u = u.difference_update_query(secret)
    return u._replace(password=None)


def display_url(url: str | URL) -> str:
    """A database URL as it may be printed, logged or stored in a message: `user:***@host:5432/db` when it
    carries a password (also one given as ?password=…), never the password itself."""
    u = url if isinstance(url, URL) else make_url(to_url(url))
    if u.get_backend_name() == "sqlite":
        # a workspace file is named by its path, as people see it in their file manager: rendered as a URL, a folder
        # or file name in Chinese or with an emoji (工作区 🎉.sqlite) came out percent-encoded (%E5%B7%A5…) in every
        # message and in `demo`'s and `db upgrade`'s "database:" line
        return u.database or ":memory:"
    had = u.password is not None or any(k.lower() in PASSWORD_PARAMS for k in u.query)
    bare = without_password(u)
    return (bare.set(password="***") if had else bare).render_as_string(hide_password=True)


_USERINFO = re.compile(r"(://[^:/@\s]*):[^@\s]*@")
_PASSWORD_PAIR = re.compile(r"(?i)\b(sslpassword|password|passwd|pwd|pass)\s*=\s*('[^']*'|\"[^\"]*\"|[^\s&;,)]+)")


def scrub(text: str, secrets: tuple[str, ...] | list[str] = ()) -> str:
    """`text` without passwords: every one of `secrets`, the password part of any `scheme://user:password@`
    and any `password=…` (a URL query or a libpq connection string) become `***`."""
    for secret in sorted({s for s in secrets if s and len(s) >= 3}, key=len, reverse=True):
        text = text.replace(secret, "***")
    text = _USERINFO.sub(r"\1:***@", text)
    return _PASSWORD_PAIR.sub(r"\1=***", text)


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def sqlite_file(url_or_path: str | Path) -> Path | None:
    """The file of a SQLite workspace (None: a server URL or an in-memory database)."""
    url = make_url(to_url(url_or_path))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def read_only_problem(url_or_path: str | Path) -> str | None:
    """Why a SQLite workspace cannot be written — its file or its folder is read-only (SQLite writes its
    journal beside the file) — or None. Says 只读 / read-only and names the file."""
    try:
        path = sqlite_file(url_or_path)
    except (ArgumentError, ValueError):
        return None
    if path is None:
        return None
    wal = Path(f"{path}-wal")
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    # saves still in the log beside it (a window that stopped without folding them in, a crash): a copy of the file
    # alone, as the message asked, lost them without a word
    with_zh = f"连同旁边的 {wal.name} 文件一起" if pending else ""
    with_en = f" together with {wal.name} beside it, which holds saves not yet in the file," if pending else ""
    if path.exists() and not os.access(path, os.W_OK):
        return (
            f"工作区文件是只读的, 无法写入; 请去掉它的只读属性, 或把它{with_zh}复制到可以写入的文件夹后打开副本 (the"
            f" workspace file is read-only: clear its read-only attribute, or copy it{with_en} to a folder you can"
            f" write to and open the copy): {path}"
        )
    folder = path.parent
    while not folder.exists() and folder != folder.parent:  # a new file: the first folder that exists
        folder = folder.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return (
            f"工作区所在的文件夹是只读的, 无法写入 (SQLite 在文件旁写日志); 请把它{with_zh}复制到可以写入的文件夹后打开副本"
            f" (the workspace's folder is read-only, and SQLite writes its journal beside the file: copy it{with_en} to"
            f" a folder you can write to and open the copy): {path}"
        )
    return None


class DiskFullError(DatabaseError):
    """The disk (or the server's) is full: the write was rolled back whole."""


class DiskIOError(DatabaseError):
    """SQLite's "disk I/O error" on a workspace: a disk too full even for the lock file beside it (-shm), a drive
    pulled out, a failing disk. It reached the command line as "数据库错误 (database error): disk I/O error" and the
    window as a bug report; now the file and what to do."""


def _on_driver_error(context) -> None:
    """A driver error every caller reports the same way, turned into a known DatabaseError here, where every
    statement's error passes (the ORM, Core and models/bulk's cursor writes): a full disk. It reached the
    command line as "数据库错误 (database error): database or disk is full" and the window as a bug report with
    a traceback; the transaction is rolled back whole either way."""
    orig = context.original_exception
    if getattr(orig, "sqlstate", None) == "42501":
        raise ServerRefused(refused_message(orig), context.statement, context.parameters, orig) from orig
    if (
        context.engine is not None
        and context.engine.dialect.name == "sqlite"
        and isinstance(orig, sqlite3.OperationalError)
        and str(orig).strip().lower() == "database is locked"
    ):
        raise WorkspaceBusyError(
            busy_file_message(context.engine.url.database or ""), context.statement, context.parameters, orig
        ) from orig
    if (
        context.engine is not None
        and context.engine.dialect.name == "sqlite"
        and isinstance(orig, sqlite3.OperationalError)
        and str(orig).strip().lower().startswith("disk i/o error")
    ):
        raise DiskIOError(
            "读写工作区时磁盘出错 (磁盘可能已满、已拔出或有故障), 未完成的操作已全部撤回, 请腾出空间或检查磁盘后重试"
            " (a disk error reading or writing the workspace — the disk may be full, removed or failing: what this"
            f" was doing was rolled back whole; free some space or check the disk, then try again):"
            f" {context.engine.url.database or ''}"
        ) from orig
    if getattr(orig, "sqlstate", None) == "53100" or "database or disk is full" in str(orig):
        where = display_url(context.engine.url) if context.engine is not None else ""
        if context.engine is not None and context.engine.dialect.name == "sqlite":
            where = context.engine.url.database or where
        raise DiskFullError(
            "磁盘空间不足, 未写入任何内容, 请腾出空间后重试 (the disk is full: nothing was written; free some space and"
            f" try again): {where}"
        ) from orig


class ServerRefused(DatabaseError, sa_exc.ProgrammingError):
    """The team server refused a statement (SQLSTATE 42501, "permission denied"): the login's role may not do it
    (team mode, desktop/team_roles.py). A known refusal, named — never the statement: the window showed it as a bug
    report with a traceback, and the statement of a login's password change holds its SCRAM verifier. Still a
    sqlalchemy ProgrammingError (its `orig` is the driver's error) for code that asks for one."""

    def __init__(self, message: str, statement: str | None, params: Any, orig: BaseException):
        sa_exc.ProgrammingError.__init__(self, statement, params, orig, hide_parameters=True)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # pickled across threads and processes: the message alone
        return (DatabaseError, (self.message,))


def refused_message(orig: BaseException) -> str:
    detail = str(orig).strip()
    first = detail.splitlines()[0] if detail else ""
    return (
        "服务器拒绝: 你的登录没有这个权限, 未写入任何内容 (the server refused: your login's role may not do this;"
        f" nothing was written): {first}"
    )


def busy_file_message(file: str) -> str:
    return (
        "工作区正被另一个程序使用 (另一个 QunDesk 窗口、一次备份或脚本), 等待后仍被锁定; 未完成的操作已全部撤回,"
        " 请关闭那个程序或稍后重试 (the workspace is in use by another program — another QunDesk window, a backup or"
        " a script — and stayed locked: what this was doing was rolled back whole; close that program or try again"
        f" in a moment): {file}"
    )


class WorkspaceBusyError(DatabaseLockedError, sa_exc.OperationalError):
    """A SQLite workspace stayed locked by another connection (another QunDesk window or process holding a write
    transaction, a backup in a rollback-journal file) past the busy timeout. It reached the command line as
    "数据库错误 (database error): database is locked" — no file, nothing to do — and a window's import or recompute
    as a bug report with a traceback. A known error now that names the file and says what to do; still a sqlalchemy
    OperationalError whose `orig` is the driver's (with_retry runs the transaction again as before)."""

    def __init__(self, message: str, statement: str | None, params: Any, orig: BaseException):
        sa_exc.OperationalError.__init__(self, statement, params, orig, hide_parameters=True)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # pickled across threads and processes: the message alone
        return (DatabaseLockedError, (self.message,))


class NotAWorkspaceError(DatabaseError):
    """The file is not a QunDesk workspace: another program's SQLite database, or no database at all."""


SQLITE_MAGIC = b"SQLite format 3\x00"


def read_only_uri(path: Path) -> str:
    """A SQLite URI that only reads `path` (percent-encoded: Windows drive letters, non-ASCII folders) and leaves no
    file beside it. A file in WAL mode (a before-upgrade backup, a workspace copied as a backup) read with mode=ro
    alone gets a -wal and a -shm file made beside it that stay there (a reader may not remove them): listing the
    backups folder left a pair beside every such backup. With no write-ahead log beside it, it is read as
    immutable (no log to read, no lock files); with one, as usual, so what the log holds is read too."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    wal = Path(f"{path}-wal")
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    return uri if pending else uri + "&immutable=1"


def foreign_file_problem(url_or_path: str | Path) -> str | None:
    """Why an existing SQLite file is not a workspace QunDesk may open, or None. Asked before any connection of
    ours touches the file (each one switches it to WAL): a database of another program (tables of its own and
    no QunDesk schema revision) would otherwise get every QunDesk table created in it — by a command that only
    reads, too — and a file that is no database (an .xlsx renamed) says so by name."""
    try:
        path = sqlite_file(url_or_path)
    except (ArgumentError, ValueError):
        return None
    if path is not None and path.is_dir():  # said as such, not as SQLite's "unable to open database file"
        return (
            f"这是一个文件夹, 不是工作区文件, 请给出文件名 (a folder, not a workspace file: give a file's name): {path}"
        )
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return None  # unreadable: the open says why
    if not magic:
        return None  # an empty file: a new workspace
    if magic != SQLITE_MAGIC:
        return f"不是 QunDesk 工作区, 也不是数据库文件 (not a QunDesk workspace: not a database file): {path}"
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            names = {
                r[0]
                for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
            }
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # locked, damaged …: the open (or the integrity check) says what
    if not names or "alembic_version" in names:
        return None
    from models import Base

    foreign = sorted(names - set(Base.metadata.tables))
    if not foreign:
        return None
    shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
    return (
        f"这个文件是别的程序的数据库, 不是 QunDesk 工作区, 未做任何改动 (another program's database, not a QunDesk"
        f" workspace: its tables {shown}; nothing was written): {path}"
    )


def make_engine(url_or_path: str | Path, **kwargs: object) -> Engine:
    # an engine error's text leaves out the statement's values: "[parameters: ('张三', '13800138000', …)]" — members'
    # phone numbers, an operator's password hash — reached the window's bug report (its traceback, to copy and
    # send on) and stderr, for an assistant too. The statement itself still says what failed.
    kwargs.setdefault("hide_parameters", True)
    url = to_url(url_or_path)
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "handle_error", _on_driver_error)
        return engine
    engine = create_engine(url, pool_pre_ping=True, **kwargs)
    event.listen(engine, "connect", _on_postgresql_connect)
    event.listen(engine, "handle_error", _on_driver_error)
    return engine


def _on_postgresql_connect(dbapi_connection, _record) -> None:
    """No JIT compilation: the app's statements are short, and PostgreSQL's JIT, which starts on estimated cost,
    spent 2.4 s compiling one group's month figures at 100,000 members that then ran in 0.33 s (EXPLAIN ANALYZE in
    benchmarks/RESULTS.md, "Both engines")."""
    with dbapi_connection.cursor() as cur:
        cur.execute("SET jit = off")
    dbapi_connection.commit()


def checked_engine(url_or_path: str | Path, **kwargs: object) -> Engine:
    """make_engine, with a URL that cannot be parsed or whose driver is missing as a DatabaseError (its message
    never shows the URL's password), and a file that is not a workspace as NotAWorkspaceError (before any
    connection touches it: foreign_file_problem)."""
    foreign = foreign_file_problem(url_or_path)
    if foreign is not None:
        raise NotAWorkspaceError(foreign)
    try:
        return make_engine(url_or_path, **kwargs)
    except (ArgumentError, ValueError) as exc:  # ValueError: e.g. a port that is not a number
        raise DatabaseError(f"不是有效的数据库地址 (not a database URL): {scrub(str(url_or_path))}") from exc
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(
            "不支持的数据库, 或没有安装它的驱动 (unsupported database, or its driver is not installed:"
            f" QunDesk works with SQLite files and PostgreSQL): {scrub(str(url_or_path))}: {exc}"
        ) from exc


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def in_wal_mode(engine: Engine) -> bool:
    """A SQLite workspace in write-ahead-log mode (every workspace asks for it at connect; a file system without
    shared memory keeps the rollback journal): readers and one writer then go on side by side, so a backup can
    read one snapshot while people save."""
    with engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower() == "wal"


def alembic_config(engine: Engine):  # -> alembic.config.Config (imported lazily: alembic is slow to import)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


_REVISION_LINE = re.compile(r'^(revision|down_revision)\s*(?::[^=]*)?=\s*(None|"([^"]*)"|\'([^\']*)\')\s*$', re.M)


def _head_from_files() -> str | None:
    """The head revision read from the migration files' `revision = "…"` / `down_revision = "…"` lines, without
    importing alembic (0.2 s of every start). None when the files do not give one clear head (then alembic
    decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        files = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
        for f in files:
            found = {
                m.group(1): m.group(3) or m.group(4) for m in _REVISION_LINE.finditer(f.read_text(encoding="utf-8"))
            }
            if "revision" not in found or not found["revision"]:
                return None
            revisions.add(found["revision"])
            if found.get("down_revision"):
                parents.add(found["down_revision"])
    except OSError:
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def head_revision() -> str:
    head = _head_from_files()
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    cfg = alembic_config(None)  # type: ignore[arg-type]
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config(None)).walk_revisions()}  # type: ignore[arg-type]


def backup_sqlite_file(
    engine: Engine,
    target: Path,
    stop: Stop | None = None,
    *,
    pages: int = 4096,
    copied: Callable[[int, int], None] | None = None,
) -> Path:
    """Consistent copy of a SQLite database through the online backup API while others go on writing; `stop`
    is asked between steps of `pages` pages (True: Interrupted, the partial copy is removed by the caller), and
    `copied(pages copied, pages in all)` is told between them (what it raises ends the copy the same way).

    The copy is of one snapshot: the source connection holds one read transaction from the first step to the
    last. Without it each step took a fresh look at the file, and SQLite starts a backup over whenever another
    connection wrote between two steps — a 3 GB workspace copied in steps while an assistant logs check-ins
    would start over at every check-in (the day's backup runs while the window is open: desktop/workspace.py
    startup_maintenance)."""
    src_path = make_url(str(engine.url)).database
    assert src_path
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    src = sqlite3.connect(src_path, isolation_level=None, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchall()  # the read transaction starts here
        dst = sqlite3.connect(tmp)
        try:
            if stop is None and copied is None:
                src.backup(dst)
            else:

                def step(_status: int, remaining: int, total: int) -> None:
                    if stop is not None and stop():
                        raise Interrupted("stopped on request")
                    if copied is not None:
                        copied(total - remaining, total)

                src.backup(dst, pages=pages, progress=step)
        finally:
            dst.close()
        src.execute("COMMIT")
    except BaseException:
        # a copy that failed writing (a full disk) or was stopped: the partial file and its journal go, here
        # for every caller (the journal's name matched no caller's clean-up and stayed in the folder for good)
        for side in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{tmp}{side}").unlink()
        raise
    finally:
        src.close()
    tmp.replace(target)
    return target


@dataclass
class Database:
    """An open workspace: the engine and a session factory. Sessions are short-lived (`with db.session()`)."""

    engine: Engine
    sessionmaker: sessionmaker[Session]
    migrated_from: str | None = None
    backup_path: Path | None = None

    def session(self) -> Session:
        return self.sessionmaker()

    # ---- writes held while the start-up integrity check runs in the background (SQLite) ----
    _held: str | None = None
    _hold_listening: bool = False

    def hold_writes(self, reason: str) -> None:
        """Until release_writes(), every connection of this workspace refuses to write (SQLite's
        `PRAGMA query_only`), and a write attempt raises WritesHeld with `reason`: the window paints at once
        while the integrity check of a big file runs, and a damaged file gets its warning before anything is
        written to it. No-op on PostgreSQL (the server checks its own files)."""
        if self.engine.dialect.name != "sqlite":
            return
        self._held = reason
        if not self._hold_listening:
            event.listen(self.engine, "checkout", self._on_checkout)
            event.listen(self.engine, "handle_error", self._on_error)
            self._hold_listening = True
        self.engine.pool.dispose()  # pooled connections pick the setting up at their next checkout

    def release_writes(self) -> None:
        self._held = None

    @property
    def writes_held(self) -> bool:
        return self._held is not None

    def _on_checkout(self, dbapi_conn, _record, _proxy) -> None:
        dbapi_conn.execute(f"PRAGMA query_only = {1 if self._held else 0}")

    def _on_error(self, context) -> None:
        if self._held and "readonly database" in str(context.original_exception):
            raise WritesHeld(self._held) from context.original_exception

    def fold_wal(self) -> bool | None:
        """Fold the write-ahead log into the workspace file and empty it (SQLite's `wal_checkpoint(TRUNCATE)`), when
        nobody is reading or writing at this moment (it never waits: busy, it is tried at the next call). True when
        done, False when busy or the file is gone.

        SQLite folds the log into the file only when it reaches 1,000 pages or the last connection closes, so a window
        open all day kept the day's saves in `NAME-wal` alone: the workspace file copied while the window was open
        (to a USB stick, mailed, Explorer's copy) lacked them without a word, and a synced folder (OneDrive, 坚果云,
        iCloud, Dropbox) carried the file and its log at different moments — on the other computer a file with an
        older log beside it. The window calls this a moment after each save (MainWindow), so the file itself holds
        every save and its log is empty. None: nothing to fold (PostgreSQL, writes held)."""
        if self.engine.dialect.name != "sqlite" or self._held or not self.engine.url.database:
            return None
        path = Path(self.engine.url.database)
        try:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True, timeout=0)  # never makes a file
            try:
                row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                conn.close()
        except (sqlite3.Error, OSError):
            return False
        return row is not None and row[0] == 0

    @property
    def url(self) -> str:
        """The database for people: `user:***@host`, never a password (display_url)."""
        return display_url(self.engine.url)

    def dispose(self) -> None:
        self.engine.dispose()


def _newer_message(rev: str, where: str) -> str:
    return (
        f"这个数据库由更新版本的 QunDesk 创建 (revision {rev}), 请升级 QunDesk, 未做任何改动。"
        f" (This database was made by a newer QunDesk; please upgrade. Nothing was changed.): {where}"
    )


def newer_file_problem(url_or_path: str | Path) -> str | None:
    """A SQLite workspace file of a newer QunDesk, told from its schema revision read without writing — before any
    connection of ours touches it: each one switches the file to WAL, so a workspace refused as too new was still
    changed (its journal mode) by the older install that refused it. None: not such a file (the open decides)."""
    try:
        path = sqlite_file(url_or_path)
    except (ArgumentError, ValueError):
        return None
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if row is None or row[0] == head_revision() or row[0] in known_revisions():
        return None
    return _newer_message(row[0], str(path))


def _before_upgrade_name(folder: Path, rev: str, engine: Engine) -> Path:
    """A new file in `folder` for the backup taken before upgrading this workspace: named by revision, moment and
    workspace file. Every workspace's went to the one backups folder under `before-upgrade-REV-STAMP.sqlite`, so two
    old workspaces upgraded within one second (a script upgrading a folder of them) shared one name, and the second's
    backup replaced the first's — the only copy of that workspace as it was before the upgrade."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    tag = Path(make_url(str(engine.url)).database or "").stem[:60].strip()
    base = f"before-upgrade-{rev}-{stamp}{'-' + tag if tag else ''}"
    target = folder / f"{base}.sqlite"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}.sqlite"
        n += 1
    return target


class UpgradeNotDoneError(DatabaseError):
    """An older workspace's upgrade could not be done (its backup or the upgrade itself failed writing: a full disk, a
    disk error): the workspace is left at its old revision, as it was, and the message says so, where, and what to
    do. Before, the backup's failure reached the command line as "数据库错误 (database error): database or disk is
    full" (or "disk I/O error"), without a word of which file, that the workspace was not changed, or what to do."""


def _is_disk_trouble(exc: BaseException) -> bool:
    if isinstance(exc, DiskFullError | DiskIOError):
        return True
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "disk is full" in text or "disk i/o error" in text


def _disk_reason(exc: BaseException) -> tuple[str, str]:
    """Why a write failed, in Chinese and in English."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    if isinstance(exc, DiskFullError) or "disk is full" in text.lower():
        return "磁盘空间不足", "the disk is full"
    return "写入磁盘出错", f"a disk error: {text.splitlines()[0] if text else type(exc).__name__}"


def _backup_failed_message(engine: Engine, rev: str, target: Path, exc: BaseException) -> str:
    where = make_url(str(engine.url)).database or display_url(engine.url)
    zh, en = _disk_reason(exc)
    return (
        f"升级前的备份没有写成, {zh}: 工作区没有升级, 未做任何改动, 请腾出空间或检查磁盘后重试"
        f" (the backup taken before upgrading could not be written, {en}: the workspace was not upgraded and is"
        f" unchanged, at {rev}; free some space or check the disk, then run qundesk db upgrade or open it again):"
        f" {where}; 备份/backup: {target}"
    )


def _upgrade_failed_message(engine: Engine, rev: str, backup: Path | None, exc: BaseException) -> str:
    where = make_url(str(engine.url)).database or display_url(engine.url)
    zh, en = _disk_reason(exc)
    kept = f"; its backup from before the upgrade: {backup}" if backup is not None else ""
    return (
        f"升级没有完成, {zh}: 已全部撤回, 工作区保持原样, 请腾出空间或检查磁盘后重试"
        f" (the upgrade did not finish, {en}: it was rolled back whole and the workspace is as it was, at {rev};"
        f" free some space or check the disk, then run qundesk db upgrade or open it again{kept}): {where}"
    )


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def open_database(
    url_or_path: str | Path, *, migrate: bool = True, backup_dir: Path | Callable[[], Path] | None = None
) -> Database:
    """Open (and create or upgrade) a workspace. Raises DatabaseError subclasses with clear messages."""
    read_only = read_only_problem(url_or_path)
    if read_only is not None:
        raise ReadOnlyError(read_only)
    newer = newer_file_problem(url_or_path)
    if newer is not None:
        raise NewerSchemaError(newer)
    engine = checked_engine(url_or_path)
    try:
        rev = current_revision(engine)
    except DBAPIError as exc:  # locked, not a database, cannot connect …
        engine.dispose()
        msg = str(exc.orig) if exc.orig else str(exc)
        if "readonly" in msg or "read-only" in msg:
            raise ReadOnlyError(
                "工作区是只读的, 无法写入; 请把它复制到可以写入的文件夹后打开副本 (the workspace is read-only: copy it"
                f" to a folder you can write to and open the copy): {display_url(engine.url)}"
            ) from exc
        if "locked" in msg:
            raise DatabaseLockedError(f"数据库被另一个程序锁定 (database is locked): {engine.url.database}") from exc
        where = display_url(engine.url)
        refused = ("password authentication failed", "no pg_hba.conf entry")  # libpq: before any SQLSTATE
        if getattr(exc.orig, "sqlstate", None) in ("28P01", "28000") or any(r in msg for r in refused):
            raise LoginRejectedError(f"登录被服务器拒绝 (the server refused the login) {where}: {msg}") from exc
        raise DatabaseError(f"无法打开数据库 (cannot open the database) {where}: {msg}") from exc
    db = Database(engine, sessionmaker(engine, expire_on_commit=False))
    head = head_revision()
    if rev is not None and rev != head and rev not in known_revisions():
        engine.dispose()
        raise NewerSchemaError(_newer_message(rev, display_url(engine.url)))
    if rev != head and migrate:
        if rev is not None and is_sqlite(engine):
            if callable(backup_dir):  # asked only now: a backups folder that cannot be made stops an upgrade only
                try:
                    backup_dir = backup_dir()
                except DatabaseError:
                    engine.dispose()
                    raise
            folder = backup_dir or Path(make_url(str(engine.url)).database or ".").parent / "backups"
            target = _before_upgrade_name(folder, rev, engine)
            # built under a temp name of this process (`.NAME.backup-PID.tmp`, its copy `….tmp.part`), then renamed:
            # a run killed while copying left `before-upgrade-….sqlite.part`, a whole workspace's size, in the
            # backups folder for good (no clean-up knows that name); these are cleared once the process is gone
            # (desktop.services.backup.clear_stale_beside: by the next upgrade, backup or restore in that folder)
            tmp = target.with_name(f".{target.name}.backup-{os.getpid()}.tmp")
            try:
                backup_sqlite_file(engine, tmp)
                os.replace(tmp, target)
                db.backup_path = target
            except (sqlite3.Error, OSError) as exc:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                engine.dispose()
                raise UpgradeNotDoneError(_backup_failed_message(engine, rev, target, exc)) from exc
        try:
            upgrade(engine)
        except (DiskFullError, DBAPIError) as exc:
            if not is_sqlite(engine) or not _is_disk_trouble(exc):
                raise
            engine.dispose()
            raise UpgradeNotDoneError(_upgrade_failed_message(engine, rev, db.backup_path, exc)) from exc
        db.migrated_from = rev
    return db


# ---------------------------------------------------------------------------------------------- integrity


def check_integrity(database: Database | Engine, stop: Stop | None = None) -> str | None:
    """Quick check on open: None when the SQLite file is sound (and always for PostgreSQL), else the problem.
    `stop` (asked while it runs) ends it early with Interrupted."""
    engine = database.engine if isinstance(database, Database) else database
    if engine.dialect.name != "sqlite":
        return None
    try:
        with engine.connect() as conn, stoppable(conn.connection.dbapi_connection, stop):
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check")]
    except DBAPIError as exc:
        raise_if_stopped(exc, stop)
        return str(exc.orig or exc)
    if rows == ["ok"]:
        return None
    return "; ".join(str(r) for r in rows[:10]) or "quick_check gave no answer"


# ---------------------------------------------------------------------------------------------- retry

RETRY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})  # serialization failure, deadlock, lock not available
T = TypeVar("T")


def is_retryable(exc: BaseException) -> bool:
    """A lock timeout, serialization failure or deadlock: running the whole transaction again can succeed."""
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlstate", None) in RETRY_SQLSTATES:
        return True
    if isinstance(orig, sqlite3.OperationalError):
        msg = str(orig).lower()
        return "locked" in msg or "busy" in msg
    return False


def with_retry(fn: Callable[[], T], attempts: int = 5, *, base_delay: float = 0.05) -> T:
    """Run `fn` (one whole transaction: open a session, write, commit) again when it failed for a
    retryable reason (see is_retryable), with jittered exponential back-off. Other errors pass through."""
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except DBAPIError as exc:
            if attempt == attempts or not is_retryable(exc):
                raise
            time.sleep(base_delay * (2 ** (attempt - 1)) * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")
