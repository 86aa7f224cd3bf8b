"""Every folder QunDesk uses, resolved in one place.

QUNDESK_HOME overrides the data folder (tests and portable installs point it at a folder of their own);
otherwise platformdirs' user data folder. The workspace database is chosen by, in order:
`--db`, QUNDESK_DB, the default SQLite file in the data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "QunDesk"


def data_dir() -> Path:
    override = os.environ.get("QUNDESK_HOME")
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in its place, a folder under a file, no permission: said, naming the folder
        from models.db import DatabaseError

        how = " — QUNDESK_HOME" if override else ""
        raise DatabaseError(
            f"无法创建数据文件夹 (cannot create the data folder): {path}: {exc.strerror or exc}{how}"
        ) from exc
    if not path.is_dir():  # a symbolic link to a file: mkdir(exist_ok) lets it pass
        from models.db import DatabaseError

        raise DatabaseError(f"数据文件夹不是文件夹 (the data folder is not a folder): {path}")
    return path


def default_db_path() -> Path:
    return data_dir() / "qundesk.sqlite"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in its place, no permission: said, naming the folder
        from models.db import DatabaseError

        raise DatabaseError(
            f"无法创建备份文件夹 (cannot create the backups folder): {path}: {exc.strerror or exc}"
        ) from exc
    return path


def resolve_db(cli_value: str | None = None) -> str:
    """The database URL or path to open: --db, then QUNDESK_DB, then the default file."""
    return named_db(cli_value) or str(default_db_path())


def named_db(cli_value: str | None = None) -> str | None:
    """The database --db or QUNDESK_DB names (None: neither), a libpq connection string (`host=h dbname=d user=u
    password=…`) as its URL (models.db.conninfo_url): taken for a path, it was a new workspace file named with the
    password, in the current folder."""
    from models.db import conninfo_url

    named = cli_value or os.environ.get("QUNDESK_DB")
    return (conninfo_url(named) or named) if named else named


def missing_named_workspace(cli_value: str | None = None) -> Path | None:
    """The workspace file named by --db or QUNDESK_DB when it does not exist (a mistyped path), else None — the
    default workspace, a database URL and an existing file are not "missing". The CLI's reading commands exit
    3 on it and the window asks before creating it (PRODUCT §4)."""
    named = named_db(cli_value)
    if not named:
        return None
    if "://" in named:  # a server is not a file; a sqlite:/// URL names one (sqlite:////home/me/x.sqlite)
        if not named.startswith("sqlite"):
            return None
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(named)
        except (ArgumentError, ValueError):
            return None
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            return None
        if url.database.startswith("file:"):
            return None
        named = url.database
    path = Path(named).expanduser()
    return None if path.exists() else path.resolve()


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"


def process_alive(pid: int) -> bool:
    """Whether process `pid` still runs (when unsure: yes, and its files are left alone). Temporary files named
    after their process are removed by a later run once that process is gone (killed, power cut)."""
    if pid <= 0:
        return True
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process
        return True
    return True
