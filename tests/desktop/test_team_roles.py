"""Roles that hold on the server (issue 14): after `qundesk team init` every operator signs in with a PostgreSQL
login of their own, and the server refuses what their role may not do — tried here with plain psycopg, as
someone with psql would, and through the app and its CLI as that login."""

from __future__ import annotations

import json
from datetime import datetime

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.operators import add_operator, set_password
from desktop.services.roster import MemberInput, add_member
from desktop.team_roles import group_role, scram_verifier, team_init
from desktop.workspace import actor_for, open_workspace
from models import Member, Operator
from models.queries.roster import RosterQuery, roster_matches, rows_for

PHONE = "13800138000"
GROUP = "早起打卡营"
ASSISTANT_PW = "assist-pw-1"
ADMIN_PW = "admin-pw-22"


def _login_url(url: str, login: str, password: str) -> str:
    return make_url(url).set(username=login, password=password).render_as_string(hide_password=False)


def _dsn(url: str, login: str, password: str) -> str:
    u = make_url(url)
    return f"host={u.host} port={u.port} dbname={u.database} user={login} password={password}"


@pytest.fixture
def team(pg_url, monkeypatch):
    """A team database: a group with two members (phones), team init by the owner (the suite's superuser
    login), an assistant and an admin with logins of their own."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, GROUP)
        add_member(s, owner, gid, MemberInput(display_name="张三", phone=PHONE, joined_at=datetime(2026, 11, 1)))
        add_member(
            s, owner, gid, MemberInput(display_name="李四", phone="13900139000", joined_at=datetime(2026, 11, 1))
        )
        prefix = team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW)
        add_operator(s, owner, "管理员", "admin", ADMIN_PW, login="team_admin")
        s.commit()
        logins = dict(s.execute(select(Operator.name, Operator.login)).all())
    database.dispose()
    yield pg_url, prefix, logins
    # the logins are cluster-wide: drop them so the next test's server state is clean
    with psycopg.connect(_dsn(pg_url, "postgres", ""), autocommit=True) as conn:
        for login in ("xiaozhuli", "team_admin"):
            conn.execute(f'DROP ROLE IF EXISTS "{login}"')


def test_logins_are_created_in_their_role_group_with_a_scram_password(team):
    url, prefix, logins = team
    assert logins["小助理"] == "xiaozhuli" and logins["管理员"] == "team_admin" and logins["群主"] == "postgres"
    with psycopg.connect(_dsn(url, "postgres", "")) as conn:
        members = dict(
            conn.execute(
                "SELECT r.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
                "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname IN ('xiaozhuli', 'team_admin')"
            ).fetchall()
        )
        secret = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'xiaozhuli'").fetchone()[0]
    assert members == {"xiaozhuli": group_role(prefix, "assistant"), "team_admin": group_role(prefix, "admin")}
    assert secret.startswith("SCRAM-SHA-256$") and ASSISTANT_PW not in secret
    assert scram_verifier("x") != scram_verifier("x")  # salted


def test_an_assistant_login_cannot_read_phones_or_hashes_or_delete(team):
    url, _prefix, _logins = team
    with psycopg.connect(_dsn(url, "xiaozhuli", ASSISTANT_PW), autocommit=True) as conn:
        phones = sorted(r[0] for r in conn.execute("SELECT phone FROM member").fetchall())
        assert phones == ["138****8000", "139****9000"]  # the masked view
        tail = conn.execute("SELECT phone_tail FROM member WHERE display_name = '张三'").fetchone()[0]
        assert tail == "8000"
        forbidden = [
            "SELECT phone FROM public.member",
            "SELECT * FROM public.member",
            "SELECT password_hash FROM operator",
            "DELETE FROM member WHERE display_name = '张三'",
            "UPDATE member SET deleted_at = now() WHERE display_name = '张三'",
            "UPDATE membership SET status = 'blacklisted'",
            "UPDATE membership SET status = 'removed'",
            "DELETE FROM points_entry",
            "UPDATE points_entry SET points = 100",
            "UPDATE audit_log SET summary = ''",
            "DELETE FROM audit_log",
            "SELECT summary FROM public.audit_log",
            "UPDATE community_group SET name = 'x'",
            "DELETE FROM community_group",
            "UPDATE point_rule SET points = 100",
            "UPDATE workspace_setting SET value = '0'",
            "INSERT INTO operator (name, role, active, created_at) VALUES ('x', 'owner', true, now())",
            "CREATE ROLE sneaky LOGIN",
            "CREATE TABLE public.t (x int)",
        ]
        for statement in forbidden:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # what an assistant does: check-ins, leave, steps; a member's contact details
        membership = conn.execute(
            "SELECT ms.id FROM membership ms JOIN member m ON m.id = ms.member_id WHERE m.display_name = '李四'"
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO checkin (membership_id, group_id, day, checked_at, logged_at, source, late) "
            "SELECT %s, group_id, '2026-11-20', now(), now(), 'manual', false FROM membership WHERE id = %s",
            (membership, membership),
        )
        conn.execute("UPDATE member SET city = '杭州' WHERE display_name = '李四'")
        # the settings an assistant's work writes (a remembered import mapping), not the workspace rules
        conn.execute("INSERT INTO workspace_setting (key, value) VALUES ('import_mapping:abc', '{}')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO workspace_setting (key, value) VALUES ('dormant_days', '1')")
        summary = conn.execute("SELECT summary FROM audit_log WHERE summary LIKE '%phone%' LIMIT 1").fetchone()[0]
        assert PHONE not in summary and "138****8000" in summary
    with psycopg.connect(_dsn(url, "postgres", "")) as conn:  # the edit kept the full phone
        assert conn.execute("SELECT city, phone FROM member WHERE display_name = '李四'").fetchone() == (
            "杭州",
            "13900139000",
        )


def test_an_admin_reads_phones_but_not_hashes_and_the_audit_log_is_append_only(team):
    url, _prefix, _logins = team
    with psycopg.connect(_dsn(url, "team_admin", ADMIN_PW), autocommit=True) as conn:
        assert conn.execute("SELECT phone FROM member WHERE display_name = '张三'").fetchone()[0] == PHONE
        for statement in (
            "SELECT password_hash FROM operator",
            "DELETE FROM audit_log",
            "UPDATE audit_log SET summary = ''",
            "CREATE ROLE sneaky LOGIN",
            "UPDATE operator SET role = 'owner'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        conn.execute("UPDATE membership SET status = 'blacklisted' WHERE id = (SELECT min(id) FROM membership)")


def test_the_app_signs_in_as_the_login_and_the_cli_refuses_with_exit_4(team, capsys, tmp_path):
    url, _prefix, _logins = team
    assistant_url = _login_url(url, "xiaozhuli", ASSISTANT_PW)
    database = open_workspace(assistant_url)
    try:
        actor = actor_for(database)
        assert (actor.name, actor.role) == ("小助理", "assistant")
        with database.session() as s:  # an assistant adds a member with a phone: stored in full
            from desktop.services.groups import group_id_by_name

            gid = group_id_by_name(s, GROUP)
            add_member(s, actor, gid, MemberInput(display_name="王五", phone="13700137000"))
            s.commit()
            shown = s.scalar(select(Member.phone).where(Member.display_name == "王五"))
            # the name pieces of the search were cut by the server's triggers (which write tables an assistant
            # may only read): a part of the name finds the new member, and the assistant cannot write pieces
            found = roster_matches(s, RosterQuery(text="五")).membership_ids
            assert [r.display_name for r in rows_for(s, found)] == ["王五"]
        assert shown == "137****7000"  # read back through the assistant's view
        with database.engine.connect() as conn, pytest.raises(ProgrammingError):
            conn.exec_driver_sql("INSERT INTO member_gram (gram, member_id) VALUES ('x', 1)")
    finally:
        database.dispose()
    with psycopg.connect(_dsn(url, "postgres", "")) as conn:
        assert conn.execute("SELECT phone FROM member WHERE display_name = '王五'").fetchone()[0] == "13700137000"

    assert main(["--db", assistant_url, "checkin", "--group", GROUP, "--date", "2026-11-20", "张三"]) == 0
    capsys.readouterr()
    assert main(["--db", assistant_url, "members", "--group", GROUP, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in rows} == {"张三", "李四", "王五"}
    assert main(["--db", assistant_url, "backup", "-o", str(tmp_path / "b.sqlite")]) == 4
    err = capsys.readouterr().err
    assert "无权" in err and ASSISTANT_PW not in err
    assert main(["--db", assistant_url, "--operator", "群主", "groups"]) == 4  # the login is 小助理, not the owner
    wrong = _login_url(url, "xiaozhuli", "wrong-password")
    assert main(["--db", wrong, "groups"]) == 4  # sign-in failed
    err = capsys.readouterr().err
    assert "wrong-password" not in err
    out_file = tmp_path / "roster.xlsx"
    assert main(["--db", assistant_url, "export", "roster", "--group", GROUP, "-o", str(out_file)]) == 0
    from openpyxl import load_workbook

    cells = [c for row in load_workbook(out_file).active.iter_rows(values_only=True) for c in row if c]
    assert PHONE not in [str(c) for c in cells] and "138****8000" in [str(c) for c in cells]


def test_operator_commands_on_the_team_database(team, capsys, monkeypatch):
    url, _prefix, _logins = team
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("new-pass-333\n"))
    assert main(["--db", url, "operator", "passwd", "小助理", "--password-stdin"]) == 0
    capsys.readouterr()
    with psycopg.connect(_dsn(url, "xiaozhuli", "new-pass-333")) as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == "xiaozhuli"
    assert main(["--db", url, "operator", "list", "--json"]) == 0
    listed = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["小助理"]["login"] == "xiaozhuli" and "password_hash" not in json.dumps(listed)
    assert main(["--db", url, "operator", "remove", "小助理"]) == 0
    with psycopg.connect(_dsn(url, "postgres", "")) as conn:
        assert conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'xiaozhuli'").fetchone()[0] == 0
    # an assistant may not manage operators, even their own password of someone else
    assistant_url = _login_url(url, "team_admin", ADMIN_PW)
    monkeypatch.setattr("sys.stdin", io.StringIO("other-pass-44\n"))
    assert main(["--db", assistant_url, "operator", "add", "新人", "--role", "assistant", "--password-stdin"]) == 4


def test_set_password_changes_the_login_password(team):
    url, _prefix, _logins = team
    database = open_workspace(_login_url(url, "team_admin", ADMIN_PW))
    try:
        admin = actor_for(database)
        with database.session() as s:
            set_password(s, admin, "管理员", "changed-pw-5")  # their own
            s.commit()
    finally:
        database.dispose()
    with psycopg.connect(_dsn(url, "team_admin", "changed-pw-5")) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)


def test_an_assistant_imports_a_chat_history_and_writes_texts_on_the_team_database(team, capsys, monkeypatch):
    """The assistant's everyday writes all pass the server's grants: members added through the masked view,
    memberships, chat counts and aliases, check-ins with points, audit rows, the remembered exporter."""
    from pathlib import Path

    url, _prefix, _logins = team
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    assistant_url = _login_url(url, "xiaozhuli", ASSISTANT_PW)
    export = Path(__file__).resolve().parents[1] / "data" / "chat" / "晨跑俱乐部_utf8.csv"
    argv = ["--db", assistant_url, "import", "chat", str(export), "--group", GROUP, "--add-unknown"]
    assert main(argv) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "新增成员 members added" in out
    assert main(["--db", assistant_url, "text", "reminder", "--group", GROUP, "--date", "2026-11-30"]) == 0
    assert "@" in capsys.readouterr().out
    with psycopg.connect(_dsn(url, "postgres", "")) as conn:
        assert conn.execute("SELECT count(*) FROM chat_activity").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM checkin WHERE source = 'chat'").fetchone()[0] > 0
        who = conn.execute(
            "SELECT DISTINCT o.name FROM audit_log a JOIN operator o ON o.id = a.operator_id WHERE a.action = 'import.chat'"
        ).fetchall()
        assert who == [("小助理",)]


def test_an_admin_backs_up_the_team_database_without_the_password_hashes(team, tmp_path, capsys):
    url, _prefix, _logins = team
    admin_url = _login_url(url, "team_admin", ADMIN_PW)
    out = tmp_path / "team.sqlite"
    assert main(["--db", admin_url, "backup", "-o", str(out)]) == 0, capsys.readouterr().err
    import sqlite3

    conn = sqlite3.connect(out)
    try:
        assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 2
        assert conn.execute("SELECT phone FROM member WHERE display_name = '张三'").fetchone()[0] == PHONE
        assert conn.execute("SELECT count(*) FROM operator WHERE password_hash IS NOT NULL").fetchone()[0] == 0
    finally:
        conn.close()


def test_an_admin_merges_and_undoes_a_merge_on_its_own_login_and_an_assistant_reads_no_merge_record(team):
    """A merge gives the dropped person's audit rows to the kept one, and its undo gives them back: on the admin's
    login (the audit log is append-only for it) that was refused by the server, so an admin could not merge in team
    mode. And a merge's record holds both people's phones: an assistant reads none of it."""
    url, _prefix, _logins = team
    from desktop.services.members import merge_members
    from desktop.services.merge_undo import undo_merge

    database = open_workspace(_login_url(url, "team_admin", ADMIN_PW))
    try:
        actor = actor_for(database)
        assert actor.role == "admin"
        with database.session() as s:
            ids = dict(s.execute(select(Member.display_name, Member.id)).all())
            summary = merge_members(s, actor, ids["张三"], ids["李四"])
            s.commit()
        with database.session() as s:
            assert undo_merge(s, actor, summary.merge_id) == (ids["张三"], ids["李四"])
            s.commit()
            assert s.get(Member, ids["李四"]).merged_into_id is None
    finally:
        database.dispose()
    with psycopg.connect(_dsn(url, "xiaozhuli", ASSISTANT_PW), autocommit=True) as conn:
        for statement in ("SELECT rows FROM merge_undo", "SELECT count(*) FROM merge_undo"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
    with psycopg.connect(_dsn(url, "team_admin", ADMIN_PW), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # still append-only: only who it is about moves
            conn.execute("UPDATE audit_log SET summary = ''")


def test_the_audit_log_names_the_login_that_wrote_it_whatever_the_row_says(team):
    """An assistant (through the masked view) and an admin (on the table) write audit rows naming the owner, as
    with psql: the rows name them, not the owner. A check-in by the assistant through the app is audited as theirs."""
    url, _prefix, _logins = team
    with psycopg.connect(_dsn(url, "postgres", "")) as conn:
        ids = dict(conn.execute("SELECT name, id FROM operator").fetchall())
    owner_id = ids["群主"] if "群主" in ids else min(ids.values())
    for login, password, name in (("xiaozhuli", ASSISTANT_PW, "小助理"), ("team_admin", ADMIN_PW, "管理员")):
        with psycopg.connect(_dsn(url, login, password), autocommit=True) as conn:
            conn.execute(
                "INSERT INTO audit_log (at, operator_id, action, entity, entity_id, summary) "
                "VALUES (now(), %s, 'member.delete', 'member', 1, %s)",
                (owner_id, f"forged by {login}"),
            )
        with psycopg.connect(_dsn(url, "postgres", "")) as conn:
            written = conn.execute("SELECT operator_id FROM audit_log WHERE summary = %s", (f"forged by {login}",))
            assert written.fetchall() == [(ids[name],)]
    assert main(["--db", _login_url(url, "xiaozhuli", ASSISTANT_PW), "checkin", "--group", GROUP, "张三"]) == 0
    with psycopg.connect(_dsn(url, "postgres", "")) as conn:
        row = conn.execute("SELECT operator_id FROM audit_log WHERE action = 'checkin.record'").fetchall()
        assert row == [(ids["小助理"],)]
        checkin = conn.execute("SELECT recorded_by FROM checkin").fetchall()
        assert checkin == [(ids["小助理"],)]


def test_an_assistant_login_cannot_move_a_fact_onto_someone_else(team):
    """With psql an assistant moved 李四's check-in onto 张三 (UPDATE checkin SET membership_id …): a record naming
    the wrong person. What the app does as an assistant still works: a check-in's time, a leave's days."""
    url, _prefix, _logins = team
    with psycopg.connect(_dsn(url, "postgres", ""), autocommit=True) as conn:
        ids = dict(
            conn.execute(
                "SELECT m.display_name, ms.id FROM membership ms JOIN member m ON m.id = ms.member_id"
            ).fetchall()
        )
        gid = conn.execute("SELECT group_id FROM membership WHERE id = %s", (ids["李四"],)).fetchone()[0]
        conn.execute(
            "INSERT INTO checkin (membership_id, group_id, day, checked_at, logged_at, source, late) "
            "VALUES (%s, %s, '2026-11-19', now(), now(), 'manual', false)",
            (ids["李四"], gid),
        )
        conn.execute(
            "INSERT INTO leave (membership_id, start_day, end_day, created_at) VALUES (%s, '2026-11-10', '2026-11-11', now())",
            (ids["李四"],),
        )
    with psycopg.connect(_dsn(url, "xiaozhuli", ASSISTANT_PW), autocommit=True) as conn:
        for statement in (
            "UPDATE checkin SET membership_id = %s",
            "UPDATE leave SET membership_id = %s",
            "UPDATE checkin SET group_id = (SELECT group_id FROM membership WHERE id = %s) + 1",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, (ids["张三"],))
        conn.execute("UPDATE checkin SET late = true, checked_at = now()")
        conn.execute("UPDATE leave SET end_day = '2026-11-12'")
    with psycopg.connect(_dsn(url, "postgres", "")) as conn:
        assert conn.execute("SELECT membership_id, late FROM checkin").fetchall() == [(ids["李四"], True)]


def test_an_assistant_edits_a_member_whose_phone_they_see_masked(team):
    """An assistant's member dialog shows 138****8000; saving a new city read the masked phone again as "not a phone
    number", so no member with a phone could be edited. The city is saved and the stored phone stays whole."""
    from dataclasses import replace

    from desktop.services.groups import group_id_by_name
    from desktop.services.roster import get_member_input, update_member, validate_edit

    url, _prefix, _logins = team
    database = open_workspace(_login_url(url, "xiaozhuli", ASSISTANT_PW))
    try:
        actor = actor_for(database)
        with database.session() as s:
            gid = group_id_by_name(s, GROUP)
            ms = next(r.membership_id for r in rows_for(s, roster_matches(s, RosterQuery(text="张三")).membership_ids))
            shown = get_member_input(s, ms)
            assert shown.phone == "138****8000" and gid
            edited = validate_edit(replace(shown, city="杭州"), shown)  # as the dialog checks it before saving
            update_member(s, actor, ms, edited, loaded=shown)
            s.commit()
    finally:
        database.dispose()
    with psycopg.connect(_dsn(url, "postgres", "")) as conn:
        row = conn.execute("SELECT city, phone, phone_tail FROM member WHERE display_name = '张三'").fetchone()
        assert row == ("杭州", PHONE, "8000")


def test_an_assistant_marks_absent_on_a_leave_day_and_removes_the_leave(team):
    """The place a leave excused is marked so (attendance.leave_excused, migration 0020): the assistant's login may
    write it (its column grant) — absent marked on a leave day is excused, and absent again when the assistant takes
    the leave back (test_leave_taken_back.py)."""
    from datetime import date

    from desktop.services.checkins import record_leave, remove_leave
    from desktop.services.groups import group_id_by_name
    from desktop.services.participation import ActivityInput, create_activity, set_attendance
    from models import Attendance, Membership

    url, _prefix, _logins = team
    database = open_workspace(_login_url(url, "xiaozhuli", ASSISTANT_PW))
    try:
        actor = actor_for(database)
        with database.session() as s:
            gid = group_id_by_name(s, GROUP)
            zs = s.scalar(
                select(Membership.id)
                .join(Member, Member.id == Membership.member_id)
                .where(Member.display_name == "张三")
            )
            aid = create_activity(s, actor, gid, ActivityInput(title="周会", starts_at=datetime(2026, 11, 14, 20)))
            leave_id = record_leave(s, actor, zs, date(2026, 11, 13), date(2026, 11, 15))
            assert set_attendance(s, actor, aid, zs, "absent") == "excused"
            s.commit()
            assert remove_leave(s, actor, leave_id).absent_again == 1
            s.commit()
            assert s.scalar(select(Attendance.status).where(Attendance.activity_id == aid)) == "absent"
    finally:
        database.dispose()
