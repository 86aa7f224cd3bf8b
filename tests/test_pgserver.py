"""Tests for the throw-away PostgreSQL helper (tests/pgserver.py) and its fixtures."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

try:
    from tests.pgserver import PgServer
except ImportError:
    from pgserver import PgServer


def _scalar(url: str, sql: str):
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar()
    finally:
        engine.dispose()


def test_server_is_postgres_15(pg_server):
    version = _scalar(pg_server.url, "select version()")
    assert version.startswith("PostgreSQL 15"), version
    assert _scalar(pg_server.url, "show server_version_num").startswith("15")


def test_pg_url_is_fresh_database(pg_url):
    assert pg_url.startswith("postgresql+psycopg://")
    dbname = pg_url.rsplit("/", 1)[1]
    assert _scalar(pg_url, "select current_database()") == dbname
    assert _scalar(pg_url, "show server_encoding") == "UTF8"


@pytest.fixture
def second_pg_url(pg_server):
    url = pg_server.create_database("t_second_independent")
    yield url
    pg_server.drop_database("t_second_independent")


def test_two_databases_are_independent_and_empty(pg_url, second_pg_url):
    assert pg_url != second_pg_url
    count_tables = "select count(*) from information_schema.tables where table_schema = 'public'"
    for url in (pg_url, second_pg_url):
        assert _scalar(url, count_tables) == 0

    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("create table only_in_first (id int primary key)"))
            conn.execute(text("insert into only_in_first values (1)"))
    finally:
        engine.dispose()

    assert _scalar(pg_url, "select count(*) from only_in_first") == 1
    assert _scalar(pg_url, count_tables) == 1
    assert _scalar(second_pg_url, count_tables) == 0


def test_drop_database_tolerates_open_connections(pg_server):
    url = pg_server.create_database("t_drop_with_open_conn")
    engine = create_engine(url)
    conn = engine.connect()  # left open on purpose: drop uses WITH (FORCE)
    try:
        pg_server.drop_database("t_drop_with_open_conn")
        pg_server.drop_database("t_drop_with_open_conn")  # IF EXISTS: idempotent
    finally:
        conn.invalidate()
        engine.dispose()
    assert _scalar(pg_server.url, "select count(*) from pg_database where datname = 't_drop_with_open_conn'") == 0


@pytest.mark.skipif(bool(os.environ.get("QUNDESK_PG_URL")), reason="uses an external server (QUNDESK_PG_URL)")
def test_stop_removes_temp_dir_and_is_idempotent(pg_server):
    # pg_server guarantees binaries exist (or the test is skipped/failed as configured).
    server = PgServer().start()
    tmp_dir = server.tmp_dir
    assert tmp_dir is not None and (tmp_dir / "data" / "postmaster.pid").exists()
    url = server.url
    assert _scalar(url, "select 1") == 1
    assert server.start_seconds is not None and server.start_seconds < 30

    server.stop()
    assert not tmp_dir.exists()
    server.stop()  # idempotent
    with pytest.raises(RuntimeError):
        server.url  # noqa: B018
    with pytest.raises(Exception):  # noqa: B017 - server is gone
        _scalar(url, "select 1")


@pytest.mark.skipif(bool(os.environ.get("QUNDESK_PG_URL")), reason="uses an external server (QUNDESK_PG_URL)")
def test_context_manager(pg_server):
    with PgServer() as server:
        tmp_dir = server.tmp_dir
        assert _scalar(server.url, "select current_user") == "postgres"
    assert not tmp_dir.exists()
