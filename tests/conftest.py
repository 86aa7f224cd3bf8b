"""Shared pytest fixtures for QunDesk.

This file starts with the PostgreSQL fixtures (``pg_server``, ``pg_url``; see tests/pgserver.py).
Other fixtures are added by others below the ``# ---- shared fixtures ----`` line.

Environment:
  QUNDESK_PG_URL      use this already running server instead of starting one
                      (a fresh database is created on it per test)
  QUNDESK_PG_BIN      directory with initdb/pg_ctl/postgres (default: pg_config --bindir,
                      then the newest /usr/lib/postgresql/*/bin)
  QUNDESK_REQUIRE_PG  "1" (CI): a missing/unstartable PostgreSQL fails the tests instead of skipping
  QUNDESK_TEST_TODAY  the calendar day every test runs on (default 2026-11-18). No test reads the real
                      date: the autouse ``fixed_today`` fixture pins models.clock (QUNDESK_TODAY, which
                      subprocesses inherit). Run the suite with another day to check month starts and
                      ends, 29 February, a Sunday, the year's end:
                      QUNDESK_TEST_TODAY=2026-12-01 make test
"""

from __future__ import annotations

import os
import uuid

import pytest

try:
    from tests.fixed_day import TEST_TODAY
    from tests.pgserver import ExternalPg, PgServer, PgUnavailable
except ImportError:  # tests/ is not a package: pytest put tests/ itself on sys.path
    from fixed_day import TEST_TODAY
    from pgserver import ExternalPg, PgServer, PgUnavailable


def _pg_unavailable(reason: str) -> None:
    if os.environ.get("QUNDESK_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL required (QUNDESK_REQUIRE_PG=1) but unavailable: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def pg_server():
    """A running PostgreSQL 15 server for the whole session (PgServer or ExternalPg)."""
    external = os.environ.get("QUNDESK_PG_URL")
    try:
        server = ExternalPg(external) if external else PgServer()
        server.start()
    except PgUnavailable as exc:
        reason = str(exc)
    else:
        reason = None
    if reason is not None:  # outside the except block: no chained traceback in the report
        _pg_unavailable(reason)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server):
    """SQLAlchemy URL (postgresql+psycopg://...) of a fresh, empty database; dropped afterwards."""
    name = f"t_{uuid.uuid4().hex}"
    url = pg_server.create_database(name)
    try:
        yield url
    finally:
        pg_server.drop_database(name)


# ---- shared fixtures ----


# Pinned for the whole run, before any fixture of any scope (session-scoped demo workspaces included)
os.environ["QUNDESK_TODAY"] = TEST_TODAY.isoformat()


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Every test runs on one fixed calendar day (QUNDESK_TEST_TODAY), never on the machine's date."""
    monkeypatch.setenv("QUNDESK_TODAY", TEST_TODAY.isoformat())
    return TEST_TODAY


@pytest.fixture(autouse=True)
def community_zone_reset():
    """The community's zone (models.clock.set_zone, set when a workspace is opened) is the process's: each test starts
    on this computer's zone and leaves none behind for the next."""
    from models import clock

    clock.set_zone("")
    yield
    clock.set_zone("")


@pytest.fixture(autouse=True)
def fixed_paste_time(monkeypatch):
    """Pastes are read at 23:59 (QUNDESK_PASTE_TIME, which subprocesses inherit): no chain's times are still to
    come, so no test depends on the real time of day (desktop/services/paste.later_than_now_day); a test of that
    after-midnight rule sets its own time."""
    monkeypatch.setenv("QUNDESK_PASTE_TIME", "23:59")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Every test gets its own data folder; nothing touches the user's real workspace."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QUNDESK_HOME", str(home))
    monkeypatch.delenv("QUNDESK_DB", raising=False)
    return home


@pytest.fixture
def sqlite_path(tmp_path):
    return tmp_path / "workspace.sqlite"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request, tmp_path):
    """The same test on a real SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "workspace.sqlite")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def workspace(any_db_url):
    """An open, empty workspace (schema at head, owner, tiers and roles) on SQLite and PostgreSQL."""
    from desktop.workspace import open_workspace

    database = open_workspace(any_db_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def sqlite_workspace(sqlite_path):
    from desktop.workspace import open_workspace

    database = open_workspace(sqlite_path)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def owner(workspace):
    from desktop.workspace import actor_for

    return actor_for(workspace)
