"""Team mode: the assistant's lookup of members by phone (`<prefix>_masked.members_by_phone`) stopped answering for a
masked form (139****9000) once five numbers of it had ever been looked up — by any login, and nothing ever reset it:
a member whose form a few real numbers had shared (typos in the hidden digits) was never found by phone again, every
later import of them a problem row or a second person. The limit is now per login and day (UTC's): a guesser still
gets three wrong numbers a day at one phone, and a form refused today is answered tomorrow. A `--dry-run` import's
lookups count as the import's, so the real import after it costs nothing more (team_roles._phone_lookup)."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, add_member
from desktop.team_roles import PHONE_GUESSES, team_init
from desktop.workspace import actor_for, open_workspace

ASSISTANT, ASSISTANT_PW = "probe_day_asst", "assist-pw-71"
OTHER, OTHER_PW = "probe_day_asst2", "assist-pw-72"
LI_SI = "13900139000"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


@pytest.fixture
def team(pg_url):
    """一期 with 李四 (13900139000), 二期 empty; two assistants with logins of their own."""
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        first = create_group(s, owner, "一期")
        create_group(s, owner, "二期")
        add_member(s, owner, first, MemberInput(display_name="李四", phone=LI_SI, joined_at=datetime(2026, 11, 1)))
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        add_operator(s, owner, "小帮手", "assistant", OTHER_PW, login=OTHER)
        s.commit()
    database.dispose()
    yield pg_url
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        for login in (ASSISTANT, OTHER):
            conn.execute(f'DROP ROLE IF EXISTS "{login}"')


def _dsn(url: str, login: str = "postgres", password: str = "") -> str:
    u = make_url(url)
    return f"host={u.host} port={u.port} dbname={u.database} user={login} password={password}"


def _url(url: str, login: str, password: str) -> str:
    return make_url(url).set(username=login, password=password).render_as_string(hide_password=False)


def _ask(conn: psycopg.Connection, phone: str) -> int | str | None:
    """The app's way: register in a transaction of its own, then ask. The member's id, None (refused: the answer
    for a number pending or refused, a member's or not) or "nobody" (answered: no member has it)."""
    schema = conn.execute("SELECT (current_schemas(false))[1]").fetchone()[0]
    fn = f'"{schema}".members_by_phone'
    conn.execute(f"SELECT * FROM {fn}(%s)", ([phone],)).fetchall()
    conn.commit()
    rows = conn.execute(f"SELECT * FROM {fn}(%s)", ([phone],)).fetchall()
    conn.commit()
    if not rows:
        return "nobody"
    assert len(rows) == 1 and rows[0][0] == phone
    return rows[0][1]


def _refused_today(url: str) -> None:
    """The assistant tries PHONE_GUESSES + 1 wrong middles of 139****9000: the form is refused to them."""
    with psycopg.connect(_dsn(url, ASSISTANT, ASSISTANT_PW)) as conn:
        assert _ask(conn, LI_SI) is not None
        for middle in range(20, 21 + PHONE_GUESSES):
            _ask(conn, f"139{middle:04d}9000")
        assert _ask(conn, LI_SI) is None


def test_a_form_refused_today_is_answered_again_the_next_day(team):
    _refused_today(team)
    with psycopg.connect(_dsn(team, ASSISTANT, ASSISTANT_PW)) as conn:
        conn.execute("SET TIME ZONE 'Pacific/Kiritimati'")  # a session's time zone is not another day
        assert _ask(conn, LI_SI) is None
        conn.execute("SET TIME ZONE 'Etc/GMT+12'")
        assert _ask(conn, LI_SI) is None
    with psycopg.connect(_dsn(team), autocommit=True) as conn:  # a day passes
        prefix = conn.execute("SELECT value FROM workspace_setting WHERE key = 'team.roles'").fetchone()[0]
        conn.execute(f'UPDATE "{prefix}_masked".phone_lookup SET day = day - 1')
    with psycopg.connect(_dsn(team, ASSISTANT, ASSISTANT_PW)) as conn:
        assert isinstance(_ask(conn, LI_SI), int)


def test_one_assistants_guesses_do_not_refuse_another_assistant(team):
    _refused_today(team)
    with psycopg.connect(_dsn(team, OTHER, OTHER_PW)) as conn:
        assert isinstance(_ask(conn, LI_SI), int)


def test_a_dry_run_import_matches_by_phone_and_the_import_after_it_costs_nothing_more(team, tmp_path, capsys):
    """The dry run previews 李四 (found by phone) as 一期's 李四 joining 二期 — as the import then does — and the numbers
    it asked, with PHONE_GUESSES typos of 李四's hidden digits, are not counted a second time by the import (counted
    again, the import's lookup of 李四 was refused: a problem row, nothing imported)."""
    roster = tmp_path / "二期名单.csv"
    wrong = [f"139{middle:04d}9000" for middle in range(30, 30 + PHONE_GUESSES)]  # typos of the hidden digits
    rows = "".join(f"某人{i},{phone}\n" for i, phone in enumerate(wrong))
    roster.write_text(f"姓名,手机\n李四,{LI_SI}\n{rows}", encoding="utf-8")
    url = _url(team, ASSISTANT, ASSISTANT_PW)
    assert main(["--db", url, "import", "roster", str(roster), "--group", "二期", "--dry-run"]) == 0
    preview = capsys.readouterr().out
    assert main(["--db", url, "import", "roster", str(roster), "--group", "二期"]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "phone_lookup_refused" not in preview + out
    with psycopg.connect(_dsn(team)) as conn:
        people = conn.execute(
            "SELECT m.display_name, g.name FROM member m JOIN membership ms ON ms.member_id = m.id"
            " JOIN community_group g ON g.id = ms.group_id ORDER BY m.id, g.id"
        ).fetchall()
        prefix = conn.execute("SELECT value FROM workspace_setting WHERE key = 'team.roles'").fetchone()[0]
        asked = conn.execute(f'SELECT count(*), count(DISTINCT digest) FROM "{prefix}_masked".phone_lookup').fetchone()
    assert people[:2] == [("李四", "一期"), ("李四", "二期")]  # one 李四, in both groups: not a new 李小四
    assert len(people) == 2 + len(wrong)
    assert asked == (1 + len(wrong), 1 + len(wrong))


def test_a_registrations_table_of_grants_version_6_is_altered_in_place_by_the_owners_open(team):
    """Version 6's table: one registration per number (digest the key), no day. The owner's open gives the grants of
    this version: the old rows are kept with their day, and the assistant's lookups work under the day's limit."""
    with psycopg.connect(_dsn(team), autocommit=True) as conn:
        prefix = conn.execute("SELECT value FROM workspace_setting WHERE key = 'team.roles'").fetchone()[0]
        table = f'"{prefix}_masked".phone_lookup'
        conn.execute(f"DROP TABLE {table}")
        conn.execute(
            f"CREATE TABLE {table} (digest text PRIMARY KEY, mask text NOT NULL, login name NOT NULL,"
            " at timestamptz NOT NULL, tx bigint NOT NULL)"
        )
        conn.execute(f"CREATE INDEX phone_lookup_mask ON {table} (mask)")
        # two days ago by the server's clock: a registration within PHONE_LOOKUP_KEEP_DAYS, which the lookup keeps
        # (one of 2026-11-01 was deleted by the lookup once the server's real day was a week later: GRANTS_VERSION 8)
        conn.execute(
            f"INSERT INTO {table} VALUES ('old', '139****9000', %s, now() - interval '2 days', 1)", (ASSISTANT,)
        )
        conn.execute("UPDATE workspace_setting SET value = '6' WHERE key = 'team.grants_version'")
    open_workspace(team).dispose()  # the owner (the suite's login, who created the tables) opens it
    with psycopg.connect(_dsn(team, ASSISTANT, ASSISTANT_PW)) as conn:
        assert isinstance(_ask(conn, LI_SI), int)
        assert isinstance(_ask(conn, LI_SI), int)  # asked again the same day: still one registration
    with psycopg.connect(_dsn(team)) as conn:
        rows = conn.execute(f"SELECT digest, day = (at AT TIME ZONE 'UTC')::date FROM {table} ORDER BY at").fetchall()
    assert rows[0] == ("old", True)  # kept, with the day it was made
    assert len(rows) == 2


def test_a_row_whose_number_is_refused_today_says_so_and_that_tomorrow_it_is_answered(team, tmp_path, capsys):
    """The problem said "the server no longer looks this number up" — true for ever until GRANTS_VERSION 7."""
    _refused_today(team)
    roster = tmp_path / "二期名单.csv"
    roster.write_text(f"姓名,手机\n李四,{LI_SI}\n", encoding="utf-8")
    url = _url(team, ASSISTANT, ASSISTANT_PW)
    assert main(["--db", url, "import", "roster", str(roster), "--group", "二期"]) == 1
    err = capsys.readouterr().err
    assert "第2行 手机 列" in err and "明天" in err and "tomorrow" in err, err
    with psycopg.connect(_dsn(team)) as conn:
        assert conn.execute("SELECT count(*) FROM membership").fetchone()[0] == 1  # nothing imported
