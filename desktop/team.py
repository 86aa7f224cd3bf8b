"""Team mode (PRODUCT §3.7): pointing QunDesk at a PostgreSQL server.

Passwords are never written to settings: the saved URL has no password, and the password is asked when
connecting and kept in memory only (an OS keyring is not available on every machine QunDesk runs on, so
asking is the one way that works everywhere). `QUNDESK_DB` or `--db` may still carry a full URL."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from desktop.errors import ValidationError
from models.db import PASSWORD_PARAMS, make_engine, scrub, to_url, without_password
from models.db import display_url as _display_url


def strip_password(url: str) -> str:
    """The URL as it may be stored: without its password (neither user:password@ nor ?password=…)."""
    try:
        return without_password(url).render_as_string(hide_password=False)
    except (ArgumentError, ValueError) as exc:  # ValueError: e.g. a port that is not a number
        raise ValidationError("url", f"不是有效的数据库地址 (not a database URL): {display_url(url)}") from exc


def display_url(url: str) -> str:
    """The URL as it may be printed or shown: `postgresql+psycopg://user:***@host:5432/db` (a password given
    as ?password=… is left out too). A text that is not a URL is shown without anything after a ':' in its
    user part, so that a mistyped URL does not print its password either."""
    try:
        return _display_url(url)
    except (ArgumentError, ValueError):
        return scrub(url)


_PASSWORD_PAIR = re.compile(r"(?i)\b(sslpassword|password|passwd|pwd|pass)\s*=\s*('[^']*'|\"[^\"]*\"|[^\s&;,)]+)")


def url_secrets(url: str | None) -> tuple[str, ...]:
    """The passwords a database URL carries (user:password@ and ?password=…), as written and as decoded,
    to scrub them from anything printed."""
    if not url or "://" not in url:
        return ()
    out = [m.group(1) for m in re.finditer(r"://[^:/@\s]*:([^@\s]*)@", url)]
    out += [m.group(2) for m in _PASSWORD_PAIR.finditer(url)]
    try:
        u = make_url(to_url(url))
    except (ArgumentError, ValueError):
        u = None
    if u is not None:
        out += [u.password] if u.password else []
        for key, value in u.query.items():
            if key.lower() in PASSWORD_PARAMS:
                out += [value] if isinstance(value, str) else list(value)
    return tuple(dict.fromkeys(str(v) for v in out if v))


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
        return f"不是有效的数据库地址 (not a database URL): {display_url(url)}"
    try:
        kwargs = {"connect_args": {"connect_timeout": timeout}} if is_team_url(full) else {}
        engine = make_engine(full, **kwargs)
    except (ArgumentError, NoSuchModuleError) as exc:
        return f"不支持的数据库地址 (unsupported URL): {scrub(str(exc), url_secrets(full))}"
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return None
    except DBAPIError as exc:
        detail = str(exc.orig).strip() if exc.orig else str(exc)
        return f"无法连接 (cannot connect): {scrub(detail, (*url_secrets(full), password or ''))}"
    finally:
        engine.dispose()
