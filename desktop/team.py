"""Team mode (PRODUCT §3.7): pointing QunDesk at a PostgreSQL server.

Passwords are never written to settings: the saved URL has no password, and the password is asked when
connecting and kept in memory only (an OS keyring is not available on every machine QunDesk runs on, so
asking is the one way that works everywhere). `QUNDESK_DB` or `--db` may still carry a full URL."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from desktop.errors import ValidationError
from models.db import make_engine, to_url


def strip_password(url: str) -> str:
    """The URL as it may be stored or shown: without its password."""
    try:
        return make_url(to_url(url))._replace(password=None).render_as_string(hide_password=False)
    except (ArgumentError, ValueError) as exc:  # ValueError: e.g. a port that is not a number
        raise ValidationError("url", f"不是有效的数据库地址 (not a database URL): {url}") from exc


def with_password(url: str, password: str | None) -> str:
    u = make_url(to_url(url))
    if password:
        u = u.set(password=password)
    return u.render_as_string(hide_password=False)


def is_team_url(url: str) -> bool:
    return to_url(url).startswith("postgresql")


def check_connection(url: str, password: str | None = None, timeout: int = 5) -> str | None:
    """None when the server answers, else a message for the user."""
    try:
        full = with_password(url, password)
    except (ArgumentError, ValueError):
        return f"不是有效的数据库地址 (not a database URL): {url}"
    try:
        kwargs = {"connect_args": {"connect_timeout": timeout}} if is_team_url(full) else {}
        engine = make_engine(full, **kwargs)
    except (ArgumentError, NoSuchModuleError) as exc:
        return f"不支持的数据库地址 (unsupported URL): {exc}"
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except DBAPIError as exc:
        return f"无法连接 (cannot connect): {str(exc.orig).strip() if exc.orig else exc}"
    finally:
        engine.dispose()
