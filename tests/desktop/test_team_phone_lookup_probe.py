"""Team mode: an assistant's login reads phones masked (138****8000), so matching a file's row to a person by phone
found no one — an import planned 李四 of 一期, named in 二期's roster by phone only, as a new person (a duplicate whose
later check-ins split between two records), and 张三 of the group itself, with their phone on the row, as a new 张三.
The server now says whose a number is (`<prefix>_masked.members_by_phone`, SECURITY DEFINER): ids for the numbers
the assistant holds in full, never a phone; and it stops answering for a masked phone after a few guesses at its
hidden digits, rolled back or not."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, add_member, find_duplicates
from desktop.team_roles import PHONE_GUESSES, team_init
from desktop.workspace import actor_for, open_workspace
from models import Member, Membership

ASSISTANT, ASSISTANT_PW = "probe_lookup_asst", "assist-pw-77"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


def _url(url: str, login: str, password: str) -> str:
    return make_url(url).set(username=login, password=password).render_as_string(hide_password=False)


@pytest.fixture
def team(pg_url):
    """一期 with 李四 (13900139000), 二期 with 张三 (13800138000); an assistant with a login of their own."""
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        first = create_group(s, owner, "一期")
        second = create_group(s, owner, "二期")
        add_member(
            s, owner, first, MemberInput(display_name="李四", phone="13900139000", joined_at=datetime(2026, 11, 1))
        )
        add_member(
            s, owner, second, MemberInput(display_name="张三", phone="13800138000", joined_at=datetime(2026, 11, 1))
        )
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    yield pg_url
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def _people(url: str) -> dict[str, list[tuple[str, str]]]:
    database = open_workspace(url)
    try:
        with database.session() as s:
            rows = s.execute(
                select(Member.display_name, Member.phone, Membership.status, Membership.group_id).join(
                    Membership, Membership.member_id == Member.id
                )
            ).all()
            groups = dict(s.execute(text("SELECT id, name FROM community_group")).all())
            count = s.scalar(select(func.count()).select_from(Member))
    finally:
        database.dispose()
    out: dict[str, list[tuple[str, str]]] = {"_count": [(str(count), "")]}
    for name, phone, _status, gid in rows:
        out.setdefault(name, []).append((groups[gid], phone))
    return out


def test_an_assistants_roster_import_finds_people_by_their_phone(team, tmp_path, capsys):
    roster = tmp_path / "二期名单.csv"
    roster.write_text("姓名,手机\n李四,13900139000\n张三,13800138000\n王五,13700137000\n", encoding="utf-8")
    url = _url(team, ASSISTANT, ASSISTANT_PW)
    assert main(["--db", url, "import", "roster", str(roster), "--group", "二期"]) == 0, capsys.readouterr()
    people = _people(team)
    assert people["_count"] == [("3", "")]  # 李四, 张三 and the new 王五: no second 李四 nor 张三
    assert sorted(people["李四"]) == [("一期", "13900139000"), ("二期", "13900139000")]
    assert people["张三"] == [("二期", "13800138000")]
    assert people["王五"] == [("二期", "13700137000")]
    # re-importing the same file changes nothing
    assert main(["--db", url, "import", "roster", str(roster), "--group", "二期"]) == 0
    assert _people(team) == people


def test_an_assistants_applications_import_finds_people_by_their_phone(team, tmp_path, capsys):
    survey = tmp_path / "报名.csv"
    survey.write_text(
        "序号,提交答卷时间,1、您的姓名:,2、您的手机号:,3、您为什么想加入?\n1,2026/11/10 10:00:00,李四,13900139000,想早起\n",
        encoding="utf-8",
    )
    url = _url(team, ASSISTANT, ASSISTANT_PW)
    assert main(["--db", url, "import", "applications", str(survey), "--group", "二期"]) == 0, capsys.readouterr()
    people = _people(team)
    assert people["_count"] == [("2", "")]
    assert sorted(people["李四"]) == [("一期", "13900139000"), ("二期", "13900139000")]


def test_the_member_dialogs_duplicate_check_finds_a_phone_for_an_assistant(team):
    database = open_workspace(_url(team, ASSISTANT, ASSISTANT_PW))
    try:
        with database.session() as s:
            hits = find_duplicates(s, display_name="李小四", phone="139 0013 9000", group_id=None)
            assert [(h.display_name, h.reason) for h in hits] == [("李四", "phone")]
            assert find_duplicates(s, display_name="某人", phone="13900139001", group_id=None) == []
    finally:
        database.dispose()


def test_the_lookup_returns_ids_only_once_registered_and_stops_after_guesses(team):
    """psql with the assistant's login: a number is answered in a later transaction than the one that asked it
    first, with an id only; guessing the hidden digits of 139****9000 stops being answered after PHONE_GUESSES
    wrong numbers — also when each guess was rolled back — and the right number is then not answered either."""
    u = make_url(team)
    dsn = f"host={u.host} port={u.port} dbname={u.database} user={ASSISTANT} password={ASSISTANT_PW}"
    with psycopg.connect(dsn) as conn:
        schema = conn.execute("SELECT (current_schemas(false))[1]").fetchone()[0]
        fn = f'"{schema}".members_by_phone'
        rows = conn.execute(f"SELECT * FROM {fn}(%s)", (["13900139000", "13600136000"],)).fetchall()
        assert sorted(rows) == [("13600136000", None), ("13900139000", None)]  # pending: alike, match or not
        conn.commit()
        rows = conn.execute(f"SELECT * FROM {fn}(%s)", (["13900139000", "13600136000"],)).fetchall()
        assert len(rows) == 1 and rows[0][0] == "13900139000" and isinstance(rows[0][1], int)
        conn.commit()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SELECT * FROM "{schema}".phone_lookup')
        conn.rollback()
        for middle in range(PHONE_GUESSES + 1):  # guesses at 139****9000, each rolled back
            conn.execute(f"SELECT * FROM {fn}(%s)", ([f"139{middle:04d}9000"],)).fetchall()
            conn.rollback()
            conn.execute(f"SELECT * FROM {fn}(%s)", ([f"139{middle:04d}9000"],)).fetchall()
            conn.commit()
        assert conn.execute(f"SELECT * FROM {fn}(%s)", (["13900139000"],)).fetchall() == [("13900139000", None)]
        # another member's number is answered as before
        rows = conn.execute(f"SELECT * FROM {fn}(%s)", (["13800138000"],)).fetchall()
        conn.commit()
        rows = conn.execute(f"SELECT * FROM {fn}(%s)", (["13800138000"],)).fetchall()
        assert len(rows) == 1 and isinstance(rows[0][1], int)


def test_a_team_database_of_older_grants_gets_the_lookup_on_the_owners_open(team, tmp_path, capsys):
    """A team database granted by version 4 (no lookup): the owner's open gives it, and the assistant's import finds
    李四 by phone."""
    u = make_url(team)
    with psycopg.connect(f"host={u.host} port={u.port} dbname={u.database} user=postgres", autocommit=True) as conn:
        prefix = conn.execute("SELECT value FROM workspace_setting WHERE key = 'team.roles'").fetchone()[0]
        conn.execute(f'DROP FUNCTION "{prefix}_masked".members_by_phone(text[])')
        conn.execute(f'DROP TABLE "{prefix}_masked".phone_lookup')
        conn.execute("UPDATE workspace_setting SET value = '4' WHERE key = 'team.grants_version'")
    open_workspace(team).dispose()  # the owner (the suite's login, who created the tables) opens it
    roster = tmp_path / "二期名单.csv"
    roster.write_text("姓名,手机\n李四,13900139000\n", encoding="utf-8")
    url = _url(team, ASSISTANT, ASSISTANT_PW)
    assert main(["--db", url, "import", "roster", str(roster), "--group", "二期"]) == 0, capsys.readouterr()
    assert sorted(_people(team)["李四"]) == [("一期", "13900139000"), ("二期", "13900139000")]


def test_members_added_with_the_guessed_numbers_do_not_lift_the_limit(team):
    """A guess that is a member's phone is no guess by the first rule: the assistant adds a member for each guessed
    middle of 139****9000 first (they may add members), then looks them all up. More than PHONE_GUESSES + 1 numbers
    of one masked form are never answered, members' or not."""
    u = make_url(team)
    dsn = f"host={u.host} port={u.port} dbname={u.database} user={ASSISTANT} password={ASSISTANT_PW}"
    guesses = [f"139{middle:04d}9000" for middle in range(10, 20)]  # 0013, the real middle, among them
    with psycopg.connect(dsn) as conn:
        schema = conn.execute("SELECT (current_schemas(false))[1]").fetchone()[0]
        for i, phone in enumerate(guesses):
            conn.execute(
                "INSERT INTO member (display_name, phone, phone_tail, initials, pinyin, real_name_verified, seed_user,"
                " points_opt_out) VALUES (%s, %s, %s, '', '', false, false, false)",
                (f"假人{i}", phone, phone[-4:]),
            )
        conn.commit()
        fn = f'"{schema}".members_by_phone'
        conn.execute(f"SELECT * FROM {fn}(%s)", (guesses,)).fetchall()
        conn.commit()
        rows = conn.execute(f"SELECT * FROM {fn}(%s)", (guesses,)).fetchall()
    assert sorted(rows) == sorted((phone, None) for phone in guesses)


def test_an_assistant_finds_a_member_by_the_whole_phone_typed_into_the_search(team):
    """The roster's search matched a typed number of five digits or more against the phone column, masked to an
    assistant (139****9000): a member's whole number, sent to them in a chat, found nobody where the owner found
    李四. A whole mobile is asked of the server; its last four still find by the tail as before."""
    from desktop.services.roster import RosterQuery, count_roster, search_roster

    database = open_workspace(_url(team, ASSISTANT, ASSISTANT_PW))
    try:
        with database.session() as s:
            for typed in ("13900139000", "139 0013 9000"):
                assert [r.display_name for r in search_roster(s, RosterQuery(text=typed))] == ["李四"], typed
                assert count_roster(s, RosterQuery(text=typed)) == 1
            assert [r.display_name for r in search_roster(s, RosterQuery(text="9000"))] == ["李四"]
            assert search_roster(s, RosterQuery(text="13900139001")) == []
    finally:
        database.dispose()
