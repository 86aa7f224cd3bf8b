"""Team mode, second permissions probe: what an assistant's service may do the server allows too (a tag's name and
colour), a statement the server still refuses is a named refusal (the window showed a bug report with the
statement, the CLI too through a service), and an owner added later — whose login may not create roles — is told
by name that the owner login that ran `team init` manages operators, with nothing written."""

from __future__ import annotations

from datetime import datetime

import psycopg
import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from desktop.cli import main
from desktop.errors import PermissionDenied
from desktop.services.groups import create_group
from desktop.services.members import bulk_tag
from desktop.services.operators import add_operator, remove_operator, set_password
from desktop.services.roster import MemberInput, add_member
from desktop.services.taxonomy import set_tag
from desktop.team_roles import team_init
from desktop.workspace import actor_for, open_workspace
from models import Operator, Tag
from models.db import DatabaseError, ServerRefused

ASSISTANT, ASSISTANT_PW = "probe2_assistant", "assist-pw-31"
BOSS, BOSS_PW = "probe2_boss", "boss-pw-3131"
ADMIN, ADMIN_PW = "probe2_admin", "admin-pw-3131"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: the members joined on 1 November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


def _url(url: str, login: str, password: str) -> str:
    return make_url(url).set(username=login, password=password).render_as_string(hide_password=False)


@pytest.fixture
def team(pg_url):
    """A team database (team init by the suite's superuser, the database owner): 张三 tagged 早鸟, an assistant,
    an admin and a second owner, each with a login of their own."""
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        _mid, ms = add_member(
            s, owner, gid, MemberInput(display_name="张三", phone="13800138000", joined_at=datetime(2026, 11, 1))
        )
        bulk_tag(s, owner, [ms], "早鸟")
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        add_operator(s, owner, "管理员", "admin", ADMIN_PW, login=ADMIN)
        add_operator(s, owner, "二老板", "owner", BOSS_PW, login=BOSS)
        s.commit()
    database.dispose()
    yield pg_url
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        for login in (ASSISTANT, ADMIN, BOSS, "xinzhuli"):
            conn.execute(f'DROP ROLE IF EXISTS "{login}"')


def test_an_assistant_renames_and_recolours_a_tag_on_the_team_database(team):
    """The Tags tab lets an assistant rename a tag (taxonomy.set_tag: edit_members); the server refused the UPDATE
    (a raw psycopg error in the window). A tag is still never deleted by an assistant's login."""
    database = open_workspace(_url(team, ASSISTANT, ASSISTANT_PW))
    try:
        assistant = actor_for(database)
        with database.session() as s:
            tag_id = s.scalar(select(Tag.id).where(Tag.name == "早鸟"))
            set_tag(s, assistant, tag_id, name="早起鸟", color="#ff8800")
            s.commit()
        with database.session() as s:
            assert s.execute(select(Tag.name, Tag.color).where(Tag.id == tag_id)).one() == ("早起鸟", "#FF8800")
            with pytest.raises(ServerRefused):
                s.execute(delete(Tag).where(Tag.id == tag_id))
    finally:
        database.dispose()


def test_a_statement_the_server_refuses_is_a_named_refusal_without_the_statement(team, capsys):
    """What the server refuses (SQLSTATE 42501) is a known DatabaseError — the window reports it in a message box
    (ui.operations.KNOWN_ERRORS) instead of a bug report — still a ProgrammingError with the driver's error, and
    its text names the refusal, never the statement or its values."""
    database = open_workspace(_url(team, ASSISTANT, ASSISTANT_PW))
    try:
        with database.session() as s, pytest.raises(ServerRefused) as refused:
            s.execute(delete(Tag).where(Tag.name == "早鸟"))
        exc = refused.value
        assert isinstance(exc, DatabaseError) and isinstance(exc, ProgrammingError)
        assert isinstance(exc.orig, psycopg.errors.InsufficientPrivilege)
        text = str(exc)
        assert "服务器拒绝" in text and "permission denied for table tag" in text
        assert "DELETE" not in text and "早鸟" not in text
        with database.session() as s:
            assert s.scalar(select(func.count()).select_from(Tag).where(Tag.name == "早鸟")) == 1
    finally:
        database.dispose()
    from ui.operations import KNOWN_ERRORS

    assert isinstance(exc, KNOWN_ERRORS)


def test_a_second_owner_is_told_by_name_who_manages_operators_and_nothing_is_written(team, capsys):
    """An owner added by `operator add --role owner` has the owner group's rights on the tables but not the team
    init login's CREATEROLE: adding an operator, setting another's password and removing one were the server's raw
    refusal — in the window a bug report whose statement held the new password's SCRAM verifier. Each is refused by
    name now, nothing written; their own password they still change."""
    database = open_workspace(_url(team, BOSS, BOSS_PW))
    try:
        boss = actor_for(database)
        assert boss.role == "owner"
        attempts = (
            lambda s: add_operator(s, boss, "新助理", "assistant", "newasst-pw-1"),
            lambda s: set_password(s, boss, "管理员", "admin-pw-9999"),
            lambda s: remove_operator(s, boss, "管理员"),
        )
        for attempt in attempts:
            with database.session() as s, pytest.raises(PermissionDenied) as refused:
                attempt(s)
            text = str(refused.value)
            assert "team init" in text and "SCRAM" not in text and "newasst-pw-1" not in text
        with database.session() as s:
            assert s.scalar(select(func.count()).select_from(Operator).where(Operator.name == "新助理")) == 0
            assert s.scalar(select(Operator.active).where(Operator.name == "管理员")) is True
            set_password(s, boss, "二老板", "boss-pw-4242")  # one's own login: allowed
            s.commit()
    finally:
        database.dispose()
    u = make_url(team)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'xinzhuli'").fetchone() is None
    # the admin's old password still signs in (nothing changed), the boss's new one too
    open_workspace(_url(team, ADMIN, ADMIN_PW)).dispose()
    assert main(["--db", _url(team, BOSS, "boss-pw-4242"), "operator", "remove", "管理员"]) == 4
    err = capsys.readouterr().err
    assert "team init" in err and "boss-pw-4242" not in err and "Traceback" not in err


def test_an_assistant_login_reads_no_foreign_phone_whole_in_the_audit_log(team):
    """The assistant's audit_log view masked mainland mobiles only: a Hong Kong or Taiwan member's phone, written in
    the summaries of their add and edit, was read whole with psql. Masked now as the app masks it (mask_phone)."""
    from dataclasses import replace

    from desktop.services.groups import group_id_by_name
    from desktop.services.roster import get_member_input, update_member

    database = open_workspace(team)
    owner = actor_for(database)
    try:
        with database.session() as s:
            gid = group_id_by_name(s, "早起打卡营")
            _m, ms = add_member(s, owner, gid, MemberInput(display_name="陈港", phone="+852 9123 4567", qq="123456789"))
            update_member(s, owner, ms, replace(get_member_input(s, ms), phone="+886 912 345 678"))
            _m2, ms2 = add_member(s, owner, gid, MemberInput(display_name="小短", phone="+12345"))
            s.commit()
    finally:
        database.dispose()
    u = make_url(team)
    dsn = f"host={u.host} port={u.port} dbname={u.database} user={ASSISTANT} password={ASSISTANT_PW}"
    with psycopg.connect(dsn) as conn:
        text = " ".join(r[0] or "" for r in conn.execute("SELECT summary FROM audit_log"))
    for whole in ("+85291234567", "91234567", "+886912345678", "912345678", "13800138000", "+12345"):
        assert whole not in text, whole
    for masked in ('"phone": "+85****4567"', '"phone": "+88****5678"', '"phone": "138****8000"', '"phone": "****45"'):
        assert masked in text, masked
    assert '"qq": "123456789"' in text  # not a phone: shown as the roster shows it


def test_an_assistant_corrects_a_join_date_but_moves_no_membership_to_another_person_or_group(team):
    """The member dialog's new join date deletes a closed spell it equals (the undo of a return): the server refused
    the assistant's every join-date change (DELETE on membership_spell, granted now). And an assistant's login
    moved a whole membership — its check-ins, points, steps — onto another person or into another group with psql
    (UPDATE membership SET member_id / group_id): the UPDATE is granted without them, as for the facts."""
    from dataclasses import replace

    from desktop.services.checkins import record_checkins
    from desktop.services.groups import group_id_by_name
    from desktop.services.roster import get_member_input, update_member
    from models import Membership

    database = open_workspace(team)
    owner = actor_for(database)
    with database.session() as s:
        other_group = create_group(s, owner, "读书会")
        other_person, _ms = add_member(
            s, owner, other_group, MemberInput(display_name="李四", joined_at=datetime(2026, 11, 1))
        )
        s.commit()
    database.dispose()
    database = open_workspace(_url(team, ASSISTANT, ASSISTANT_PW))
    try:
        assistant = actor_for(database)
        with database.session() as s:
            gid = group_id_by_name(s, "早起打卡营")
            ms = s.scalar(select(Membership.id).where(Membership.group_id == gid))
            update_member(s, assistant, ms, replace(get_member_input(s, ms), joined_at=datetime(2026, 11, 3, 9)))
            record_checkins(s, assistant, gid, datetime(2026, 11, 19).date(), [ms])  # the app's writes still work
            s.commit()
        with database.session() as s:
            assert get_member_input(s, ms).joined_at == datetime(2026, 11, 3, 9)
    finally:
        database.dispose()
    u = make_url(team)
    dsn = f"host={u.host} port={u.port} dbname={u.database} user={ASSISTANT} password={ASSISTANT_PW}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        owner_of = conn.execute("SELECT member_id, group_id FROM membership WHERE id = %s", (ms,)).fetchone()
        for statement, value in (
            ("UPDATE membership SET member_id = %s WHERE id = %s", other_person),
            ("UPDATE membership SET group_id = %s WHERE id = %s", other_group),
            ("UPDATE membership_spell SET membership_id = %s WHERE membership_id = %s", ms),
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement, (value, ms))
        conn.execute("UPDATE membership SET left_reason = '备注' WHERE id = %s", (ms,))  # its other columns: yes
        assert conn.execute("SELECT member_id, group_id FROM membership WHERE id = %s", (ms,)).fetchone() == owner_of
        assert owner_of[1] != other_group and owner_of[0] != other_person


def test_an_assistant_imports_a_chat_export_that_names_its_group(team, capsys, monkeypatch):
    """A chat import remembers the names an export gave the group (chat_group_names:<id>): the server's guard on
    the settings refused that key for an assistant, so their import of a PyWxDump export (it names the chatroom)
    or of an export confirmed with --other-group was refused whole. The keys an assistant's imports write are the
    ones the guard lets through."""
    from pathlib import Path

    from desktop.services.chat_import import EXPORTER_SETTING, GROUP_NAMES_SETTING
    from desktop.services.imports import MAPPING_SETTING_PREFIX
    from desktop.team_roles import ASSISTANT_SETTINGS

    assert set(ASSISTANT_SETTINGS) == {MAPPING_SETTING_PREFIX, EXPORTER_SETTING, GROUP_NAMES_SETTING}
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")  # the exports' chat runs to late November 2026
    chats = Path(__file__).resolve().parents[1] / "data" / "chat"
    assistant_url = _url(team, ASSISTANT, ASSISTANT_PW)
    for name, extra in (("pywxdump_晨跑俱乐部.csv", []), ("WeFlow_晨跑俱乐部.xlsx", ["--other-group"])):
        argv = ["--db", assistant_url, "import", "chat", str(chats / name), "--group", "早起打卡营", "--add-unknown"]
        assert main([*argv, *extra]) == 0, capsys.readouterr().err
        capsys.readouterr()
    u = make_url(team)
    with psycopg.connect(f"host={u.host} port={u.port} dbname={u.database} user=postgres") as conn:
        names = conn.execute("SELECT value FROM workspace_setting WHERE key LIKE 'chat_group_names:%'").fetchone()[0]
        assert "晨跑俱乐部" in names
        assert conn.execute("SELECT count(*) FROM chat_import").fetchone()[0] == 2
