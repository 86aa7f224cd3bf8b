"""Team mode: the registrations of the assistant's phone lookups (`<prefix>_masked.phone_lookup`: a row per login,
day and number asked — its SHA-256 and its masked form, the number in all but name) were never deleted: every import
of an assistant added its file's numbers, forever, though the lookup's limit reads today's only. Each lookup now
deletes the registrations older than team_roles.PHONE_LOOKUP_KEEP_DAYS (a week) of every login, skipping rows another
transaction holds, so it never waits on another assistant's import (GRANTS_VERSION 8)."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, add_member
from desktop.team_roles import PHONE_LOOKUP_KEEP_DAYS, team_init
from desktop.workspace import actor_for, open_workspace

ASSISTANT, ASSISTANT_PW = "probe_prune_asst", "assist-pw-81"
OTHER, OTHER_PW = "probe_prune_asst2", "assist-pw-82"
LI_SI = "13900139000"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


@pytest.fixture
def team(pg_url):
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        group = create_group(s, owner, "一期")
        add_member(s, owner, group, MemberInput(display_name="李四", phone=LI_SI, joined_at=datetime(2026, 11, 1)))
        prefix = team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        add_operator(s, owner, "小帮手", "assistant", OTHER_PW, login=OTHER)
        s.commit()
    database.dispose()
    yield pg_url, f'"{prefix}_masked".phone_lookup'
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        for login in (ASSISTANT, OTHER):
            conn.execute(f'DROP ROLE IF EXISTS "{login}"')


def _dsn(url: str, login: str = "postgres", password: str = "") -> str:
    u = make_url(url)
    return f"host={u.host} port={u.port} dbname={u.database} user={login} password={password}"


def _ask(url: str, phone: str) -> int | None:
    """The app's way, as the assistant: register in a transaction of its own, then ask."""
    with psycopg.connect(_dsn(url, ASSISTANT, ASSISTANT_PW)) as conn:
        conn.execute("SET lock_timeout = '2s'")  # waiting on another transaction's rows would fail, not hang
        schema = conn.execute("SELECT (current_schemas(false))[1]").fetchone()[0]
        fn = f'"{schema}".members_by_phone'
        conn.execute(f"SELECT * FROM {fn}(%s)", ([phone],)).fetchall()
        conn.commit()
        rows = conn.execute(f"SELECT * FROM {fn}(%s)", ([phone],)).fetchall()
        conn.commit()
    return rows[0][1] if rows else None


def _registered(owner: psycopg.Connection, table: str) -> list[tuple[str, int]]:
    """(login, days before today) of every registration."""
    return owner.execute(
        f"SELECT login::text, (now() AT TIME ZONE 'UTC')::date - day FROM {table} ORDER BY 2, 1, mask"
    ).fetchall()


def _old(owner: psycopg.Connection, table: str, login: str, days_ago: int, phone: str) -> None:
    owner.execute(
        f"INSERT INTO {table} (digest, mask, login, at, tx, day) VALUES (encode(sha256(convert_to(%s, 'UTF8')), 'hex'),"
        " %s, %s, now() - make_interval(days => %s), 1, (now() AT TIME ZONE 'UTC')::date - %s)",
        (phone, phone[:3] + "****" + phone[-4:], login, days_ago, days_ago),
    )


def test_a_lookup_deletes_every_logins_registrations_older_than_a_week(team):
    url, table = team
    keep = PHONE_LOOKUP_KEEP_DAYS
    with psycopg.connect(_dsn(url), autocommit=True) as owner:
        for login in (ASSISTANT, OTHER):
            for days_ago in (400, 30, keep + 1, keep, 1):
                _old(owner, table, login, days_ago, f"137{days_ago:04d}0000")
    assert isinstance(_ask(url, LI_SI), int)  # the lookup answers as before
    with psycopg.connect(_dsn(url), autocommit=True) as owner:
        assert _registered(owner, table) == [
            (ASSISTANT, 0),  # today's: 李四's number, asked now
            (ASSISTANT, 1),
            (OTHER, 1),
            (ASSISTANT, keep),
            (OTHER, keep),
        ]


def test_a_registration_another_transaction_holds_is_left_for_a_later_lookup(team):
    """An import's transaction holds the rows its lookup deleted until it commits: another assistant's lookup then
    skips them instead of waiting for that import (it failed on its lock timeout here before SKIP LOCKED)."""
    url, table = team
    with psycopg.connect(_dsn(url), autocommit=True) as owner:
        _old(owner, table, OTHER, 30, "13700300000")
        _old(owner, table, OTHER, 31, "13700310000")
    with psycopg.connect(_dsn(url)) as holder:  # a transaction still open, holding the 30-day-old row
        holder.execute(
            f"SELECT 1 FROM {table} WHERE mask = '137****0000' AND day = "
            "(now() AT TIME ZONE 'UTC')::date - 30 FOR UPDATE"
        ).fetchall()
        assert isinstance(_ask(url, LI_SI), int)
        with psycopg.connect(_dsn(url), autocommit=True) as owner:
            assert [days for _login, days in _registered(owner, table)] == [0, 30]
    assert isinstance(_ask(url, LI_SI), int)  # the holder is gone: the next lookup deletes it
    with psycopg.connect(_dsn(url), autocommit=True) as owner:
        assert _registered(owner, table) == [(ASSISTANT, 0)]
