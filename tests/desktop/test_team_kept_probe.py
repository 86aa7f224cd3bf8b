"""Team mode: the kept values (models/kept.py) are the database's to write. An assistant's own login (psql) wrote
`membership.points_balance` — points no ledger entry explains, on the roster, the leaderboard and the monthly
workbook — and `last_active`, because the triggers that keep them ran as the writing login and the chat import
wrote `last_active` itself. The functions run as the tables' owner now (SECURITY DEFINER, fixed search_path,
migration 0019), the chat import recomputes through `kept_refresh`, and the assistant's grants leave the kept
columns out. Every service an assistant uses still works as the assistant, and keeps the values right."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from desktop.cli import main
from desktop.services.checkins import record_checkins, record_leave, remove_leave, undo_checkin
from desktop.services.groups import create_group
from desktop.services.onboarding import leave_group, list_steps, record_step, undo_step
from desktop.services.operators import add_operator
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from desktop.services.paste import quick_entry_pick
from desktop.services.roster import (
    MemberInput,
    add_member,
    get_member_input,
    leaves_of,
    undo_member_edit,
    update_member,
)
from desktop.team_roles import GRANTS_SETTING, group_role, team_init
from desktop.workspace import actor_for, open_workspace
from models import Activity, Member, Membership, kept
from models.db import head_revision

ASSISTANT, ASSISTANT_PW = "keptprobe_assistant", "assist-pw-4711"
TODAY = date(2026, 12, 2)  # the chat exports of tests/data/chat run to late November 2026
CHATS = Path(__file__).resolve().parents[1] / "data" / "chat"
KEPT_FUNCTIONS = (
    "kept_points",
    "kept_fact",
    "kept_attendance",
    "kept_activity",
    "kept_last_active",
    "kept_refresh",
    "streak_unchecked",
    "streak_unchecked_group",
)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _url(url: str, login: str, password: str) -> str:
    return make_url(url).set(username=login, password=password).render_as_string(hide_password=False)


def _dsn(url: str, login: str = "postgres", password: str = "") -> str:
    u = make_url(url)
    return f"host={u.host} port={u.port} dbname={u.database} user={login} password={password}"


@pytest.fixture
def team(pg_url):
    """A team database: 早起打卡营 with 张三 and 李四 (joined 1 November 2026), 王芳 applying, an activity on
    28 November, and an assistant with a login of their own."""
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        for name, phone in (("张三", "13800138000"), ("李四", "13900139000")):
            add_member(s, owner, gid, MemberInput(display_name=name, phone=phone, joined_at=datetime(2026, 11, 1)))
        add_member(s, owner, gid, MemberInput(display_name="王芳", status="applicant"))
        create_activity(s, owner, gid, ActivityInput(title="读书分享会", starts_at=datetime(2026, 11, 28, 20)))
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    yield pg_url
    with psycopg.connect(_dsn(pg_url).replace(f"dbname={make_url(pg_url).database}", "dbname=postgres")) as conn:
        conn.autocommit = True
        conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def _written_by_the_assistant(url: str, statements) -> list[str]:
    """The statements the server let the assistant's login run (each in a transaction of its own)."""
    written = []
    for statement, params in statements:
        with psycopg.connect(_dsn(url, ASSISTANT, ASSISTANT_PW)) as conn:
            try:
                conn.execute(statement, params)
                written.append(statement)
            except psycopg.errors.InsufficientPrivilege:
                pass
    return written


def _kept(url: str, name: str) -> tuple[int, date | None]:
    with psycopg.connect(_dsn(url)) as conn:
        return conn.execute(
            "SELECT ms.points_balance, ms.last_active FROM membership ms JOIN member m ON m.id = ms.member_id"
            " WHERE m.display_name = %s",
            (name,),
        ).fetchone()


def test_an_assistant_login_cannot_write_a_kept_value_but_its_facts_still_move_them(team):
    """psql as the assistant: `UPDATE membership SET points_balance = 9999` (or a last active day) and a new
    membership born with a balance are refused by the server; a check-in and a ledger entry the assistant may
    write still move the kept values (the triggers run as the tables' owner), and the kept functions themselves
    are nobody's to call directly."""
    with psycopg.connect(_dsn(team)) as conn:
        zhang, gid, owner_op = conn.execute(
            "SELECT ms.id, ms.group_id, (SELECT id FROM operator WHERE role = 'owner' ORDER BY id LIMIT 1)"
            " FROM membership ms JOIN member m ON m.id = ms.member_id WHERE m.display_name = '张三'"
        ).fetchone()
        li_member = conn.execute("SELECT id FROM member WHERE display_name = '李四'").fetchone()[0]
    refused = (
        ("UPDATE membership SET points_balance = 9999 WHERE id = %s", (zhang,)),
        ("UPDATE membership SET last_active = '2026-12-01' WHERE id = %s", (zhang,)),
        ("UPDATE membership SET points_balance = points_balance + 1, group_nickname = 'x' WHERE id = %s", (zhang,)),
        (  # 李四 in a second group, born with 500 points
            "INSERT INTO membership (member_id, group_id, status, fee_paid_cents, points_balance, streak_checked,"
            " created_at, updated_at) VALUES (%s, %s, 'active', 0, 500, false, now(), now())",
            (li_member, gid),
        ),
        (
            "INSERT INTO membership (member_id, group_id, status, fee_paid_cents, points_balance, last_active,"
            " streak_checked, created_at, updated_at) VALUES (%s, %s, 'active', 0, 0, '2026-12-01', false, now(),"
            " now())",
            (li_member, gid),
        ),
        ("SELECT kept_last_active(%s)", (zhang,)),
        ("SELECT kept_points()", ()),
    )
    assert _written_by_the_assistant(team, refused) == []
    assert _kept(team, "张三") == (0, None)

    with psycopg.connect(_dsn(team, ASSISTANT, ASSISTANT_PW)) as conn:
        conn.execute("UPDATE membership SET group_nickname = '三哥' WHERE id = %s", (zhang,))  # still theirs
        conn.execute(
            "INSERT INTO checkin (membership_id, group_id, day, source, late, recorded_by, logged_at)"
            " VALUES (%s, %s, '2026-11-30', 'manual', false, %s, now())",
            (zhang, gid, owner_op),
        )
        conn.execute(
            "INSERT INTO points_entry (membership_id, group_id, day, points, reason, source_kind, operator_id,"
            " created_at) VALUES (%s, %s, '2026-11-30', 3, '分享', 'manual', %s, now())",
            (zhang, gid, owner_op),
        )
        conn.execute("SELECT kept_refresh(ARRAY[%s]::integer[])", (zhang,))  # recomputes: allowed, changes nothing
    assert _kept(team, "张三") == (3, date(2026, 11, 30))
    with psycopg.connect(_dsn(team)) as conn:
        rows = conn.execute(
            "SELECT p.proname, p.prosecdef, pg_get_userbyid(p.proowner), p.proconfig, "
            "has_function_privilege('public', p.oid, 'EXECUTE') FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = ANY(%s)",
            (list(KEPT_FUNCTIONS),),
        ).fetchall()
        table_owner = conn.execute(
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'membership'"
        ).fetchone()[0]
    assert sorted(r[0] for r in rows) == sorted(KEPT_FUNCTIONS)
    for name, definer, fn_owner, config, public_may in rows:
        assert definer and fn_owner == table_owner and not public_may, name
        assert "search_path=public, pg_temp" in config, name


def test_every_service_an_assistant_uses_works_as_the_assistant_and_keeps_the_values(team, tmp_path, capsys):
    """As the assistant's login, on the team database: a check-in, a pasted 接龙 (CLI), quick entry, a roster file,
    a check-in export and a chat import (CLI), a leave, an activity's attendance, an entry step, a member edit — and the undo of each — and leaving the
    group. The server allowed every
    one, and after each the kept values are what the ledger and the facts say."""
    url = _url(team, ASSISTANT, ASSISTANT_PW)
    database = open_workspace(url)
    try:
        assistant = actor_for(database)
        assert assistant.role == "assistant"

        def ids(s):
            rows = s.execute(
                select(Member.display_name, Membership.id, Membership.group_id).join(
                    Membership, Membership.member_id == Member.id
                )
            ).all()
            return {name: (ms, gid) for name, ms, gid in rows}

        def no_drift(s):
            assert kept.drift(s.connection()) == []

        with database.session() as s:
            people = ids(s)
            zhang, gid = people["张三"]
            li, _ = people["李四"]
            wang, _ = people["王芳"]
            # a check-in and its undo
            assert record_checkins(s, assistant, gid, date(2026, 11, 25), [zhang]).logged == (zhang,)
            s.commit()
            no_drift(s)
            assert s.get(Membership, zhang).last_active == date(2026, 11, 25)
            assert undo_checkin(s, assistant, zhang, date(2026, 11, 25))
            s.commit()
            no_drift(s)
            # quick entry: 李四 typed, Enter
            pick = quick_entry_pick(s, gid, "李四", [li])
            assert pick is not None and pick.membership_id == li
            record_checkins(s, assistant, gid, date(2026, 11, 26), [pick.membership_id])
            s.commit()
            no_drift(s)
            assert s.get(Membership, li).last_active == date(2026, 11, 26)
            assert undo_checkin(s, assistant, li, date(2026, 11, 26))
            s.commit()
            no_drift(s)
            # a leave and its removal
            leave = record_leave(s, assistant, zhang, date(2026, 11, 20), date(2026, 11, 21), "出差")
            s.commit()
            remove_leave(s, assistant, leave)
            s.commit()
            # attendance: attended, then back to registered
            activity = s.scalar(select(Activity.id).where(Activity.title == "读书分享会"))
            set_attendance(s, assistant, activity, li, "attended")
            s.commit()
            no_drift(s)
            assert s.get(Membership, li).last_active == date(2026, 11, 28)
            set_attendance(s, assistant, activity, li, "registered")
            s.commit()
            no_drift(s)
            assert s.get(Membership, li).last_active is None
            # an entry step and its undo
            step = list_steps(s, gid)[0]
            record_step(s, assistant, wang, step.id)
            s.commit()
            no_drift(s)
            undo_step(s, assistant, wang, step.id)
            s.commit()
            no_drift(s)
            # a member edit (a new group nickname and a leaving date: 李四 left) and its undo (Ctrl+Z)
            loaded, leaves = get_member_input(s, li), leaves_of(s, li)
            edit = replace(loaded, group_nickname="四哥", status="left", left_at=datetime(2026, 11, 30, 21))
            update_member(s, assistant, li, edit, loaded=loaded)
            s.commit()
            assert s.get(Membership, li).status == "left"
            undo_member_edit(s, assistant, li, loaded, leaves, edited=get_member_input(s, li))
            s.commit()
            assert (s.get(Membership, li).status, s.get(Membership, li).group_nickname) == ("active", None)
            no_drift(s)
            # 李四 leaves the group (退群) — a leaving the member dialog then takes back
            leave_group(s, assistant, li, "毕业")
            s.commit()
            assert s.get(Membership, li).status == "left"
            no_drift(s)

        # a pasted chain (CLI, as the assistant)
        chain = tmp_path / "接龙.txt"
        chain.write_text("#接龙\n12月1日 早起打卡\n\n1. 张三\n2. 李四\n", encoding="utf-8")
        argv = ["--db", url, "checkin", "--group", "早起打卡营", "--date", "2026-12-01", "--paste", str(chain)]
        assert main(argv) == 0, capsys.readouterr().err
        capsys.readouterr()
        with database.session() as s:
            no_drift(s)
            assert s.get(Membership, zhang).last_active == date(2026, 12, 1)
            for ms in (zhang, li):
                assert undo_checkin(s, assistant, ms, date(2026, 12, 1))
            s.commit()
            no_drift(s)
            assert s.get(Membership, zhang).last_active is None

        # a roster file and a check-in export (CLI, as the assistant): new members, and check-ins of two days
        roster = tmp_path / "名册.csv"
        roster.write_text(
            "姓名,微信号,入群时间\n赵六,zhaoliu_88,2026-11-03\n钱七,qianqi_99,2026-11-04\n", encoding="utf-8"
        )
        assert main(["--db", url, "import", "roster", str(roster), "--group", "早起打卡营"]) == 0, (
            capsys.readouterr().err
        )
        sheet = tmp_path / "打卡导出.csv"
        sheet.write_text("打卡人,打卡日期\n赵六,2026-11-27\n钱七,2026-11-27\n赵六,2026-11-28\n", encoding="utf-8")
        argv = ["--db", url, "import", "checkins", str(sheet), "--group", "早起打卡营"]
        assert main(argv) == 0, capsys.readouterr().err
        capsys.readouterr()
        with database.session() as s:
            no_drift(s)
            people = ids(s)
            assert s.get(Membership, people["赵六"][0]).last_active == date(2026, 11, 28)
            assert s.get(Membership, people["钱七"][0]).points_balance > 0

        # a chat import (CLI, as the assistant): chat days have no trigger, the import recomputes its members
        argv = ["--db", url, "import", "chat", str(CHATS / "pywxdump_晨跑俱乐部.csv"), "--group", "早起打卡营"]
        # 晨跑俱乐部's chat, none of whose senders is on 早起打卡营's roster: confirmed as the import now asks
        assert main([*argv, "--add-unknown", "--other-group"]) == 0, capsys.readouterr().err
        capsys.readouterr()
        with database.session() as s:
            no_drift(s)
            chatted = s.scalar(select(Membership.id).where(Membership.last_active.is_not(None)).limit(1))
            assert chatted is not None  # the chat days reached the kept last active day
    finally:
        database.dispose()


def test_an_existing_team_database_is_hardened_by_the_upgrade_and_the_owners_open(team):
    """A team database made before 0019: the kept functions run as the invoker and the assistant's grants include
    the kept columns. The owner's open upgrades it: the functions run as the tables' owner, the grants are given
    again, and the assistant's write of a balance is refused."""
    prefix = None
    with psycopg.connect(_dsn(team), autocommit=True) as conn:
        prefix = conn.execute("SELECT value FROM workspace_setting WHERE key = 'team.roles'").fetchone()[0]
        assistant = group_role(prefix, "assistant")
        for fn in ("kept_points()", "kept_fact()", "kept_attendance()", "kept_activity()", "streak_unchecked()"):
            conn.execute(f"ALTER FUNCTION {fn} SECURITY INVOKER")
            conn.execute(f"ALTER FUNCTION {fn} RESET search_path")
            conn.execute(f"GRANT EXECUTE ON FUNCTION {fn} TO PUBLIC")
        conn.execute("DROP FUNCTION kept_refresh(integer[])")
        conn.execute(f'GRANT UPDATE (points_balance, last_active) ON membership TO "{assistant}"')
        # nor the assistant's masked view of membership (grants version 5): their login wrote the table itself
        conn.execute(f'DROP VIEW "{prefix}_masked".membership')
        conn.execute(f'GRANT SELECT ON membership TO "{assistant}"')
        conn.execute("ALTER TABLE attendance DROP COLUMN leave_excused")  # 0020's, after this one
        conn.execute("DROP TABLE setting_history")  # 0021's
        conn.execute("DROP TABLE tier_history")  # 0023's
        # the assistant's masked view of chat_import is grants version 7's: a database of version 2 had none
        conn.execute(f'DROP VIEW "{prefix}_masked".chat_import')
        conn.execute("ALTER TABLE chat_import DROP COLUMN time_zone")  # 0024's
        conn.execute("ALTER TABLE community_group DROP COLUMN camp_start_day, DROP COLUMN camp_days")  # 0025's
        conn.execute("DROP TABLE import_item, import_run")  # 0026's
        conn.execute("DROP INDEX ix_member_merged_into")  # 0026's
        conn.execute("UPDATE alembic_version SET version_num = '0018_tier_targets'")
        conn.execute("UPDATE workspace_setting SET value = '2' WHERE key = %s", (GRANTS_SETTING,))
        zhang = conn.execute(
            "SELECT ms.id FROM membership ms JOIN member m ON m.id = ms.member_id WHERE m.display_name = '张三'"
        ).fetchone()[0]
    with psycopg.connect(_dsn(team, ASSISTANT, ASSISTANT_PW), autocommit=True) as conn:  # as it was: allowed
        conn.execute("UPDATE membership SET points_balance = 9999 WHERE id = %s", (zhang,))
    with psycopg.connect(_dsn(team), autocommit=True) as conn:
        conn.execute("UPDATE membership SET points_balance = 0 WHERE id = %s", (zhang,))

    open_workspace(team).dispose()  # the owner (the suite's login, who created the tables) opens it

    with psycopg.connect(_dsn(team, ASSISTANT, ASSISTANT_PW)) as conn:  # a chat import's recompute: theirs to call
        conn.execute("SELECT kept_refresh(ARRAY[%s]::integer[])", (zhang,))

    with (
        psycopg.connect(_dsn(team, ASSISTANT, ASSISTANT_PW)) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("UPDATE membership SET points_balance = 9999 WHERE id = %s", (zhang,))
    with psycopg.connect(_dsn(team)) as conn:
        rows = conn.execute(
            "SELECT p.proname, p.prosecdef, p.proconfig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE n.nspname = 'public' AND p.proname = ANY(%s)",
            (list(KEPT_FUNCTIONS),),
        ).fetchall()
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert version == head_revision()  # upgraded through 0019 to the head
    assert sorted(r[0] for r in rows) == sorted(KEPT_FUNCTIONS)
    assert all(definer and "search_path=public, pg_temp" in config for _n, definer, config in rows)
    assert _kept(team, "张三") == (0, None)


def test_an_assistant_login_cannot_write_a_record_of_one_group_naming_a_member_of_another(team):
    """psql as the assistant: a check-in, a ledger entry, a share, a violation or chat messages of 张三 (早起打卡营)
    written into 读书会 — that group's month, board and workbook then named someone who is not in it —, his
    attendance moved to 读书会's activity, 王芳's step record moved to 读书会's step, and a reversal on 李四's
    membership of 张三's ledger entry: each refused by the server. The same rows in their own group are written."""
    database = open_workspace(team)
    owner = actor_for(database)
    with database.session() as s:
        other = create_group(s, owner, "读书会")
        other_activity = create_activity(s, owner, other, ActivityInput(title="共读", starts_at=datetime(2026, 11, 29)))
        other_step = list_steps(s, other)[0].id
        s.commit()
    database.dispose()
    with psycopg.connect(_dsn(team)) as conn:
        people = dict(
            conn.execute(
                "SELECT m.display_name, ms.id FROM membership ms JOIN member m ON m.id = ms.member_id"
            ).fetchall()
        )
        zhang, li, wang = people["张三"], people["李四"], people["王芳"]
        gid = conn.execute("SELECT group_id FROM membership WHERE id = %s", (zhang,)).fetchone()[0]
        activity = conn.execute("SELECT id FROM activity WHERE group_id = %s", (gid,)).fetchone()[0]
        step = conn.execute("SELECT id FROM entry_step WHERE group_id = %s ORDER BY id LIMIT 1", (gid,)).fetchone()[0]

    def rows(group: int, day: str, ms: int = zhang) -> list[tuple[str, tuple]]:
        return [
            (
                "INSERT INTO checkin (membership_id, group_id, day, source, late, logged_at)"
                " VALUES (%s, %s, %s, 'manual', false, now())",
                (ms, group, day),
            ),
            (
                "INSERT INTO points_entry (membership_id, group_id, day, points, reason, source_kind, created_at)"
                " VALUES (%s, %s, %s, 5, '分享', 'manual', now())",
                (ms, group, day),
            ),
            (
                "INSERT INTO contribution (membership_id, group_id, day, kind, created_at)"
                " VALUES (%s, %s, %s, 'share', now())",
                (ms, group, day),
            ),
            (
                "INSERT INTO violation (membership_id, group_id, day, kind, action, created_at)"
                " VALUES (%s, %s, %s, 'ad', 'warning', now())",
                (ms, group, day),
            ),
            (
                "INSERT INTO chat_activity (membership_id, group_id, day, messages) VALUES (%s, %s, %s, 7)",
                (ms, group, day),
            ),
        ]

    with psycopg.connect(_dsn(team, ASSISTANT, ASSISTANT_PW)) as conn:  # their own group: written
        for statement, params in rows(gid, "2026-11-30"):
            conn.execute(statement, params)
        zhang_entry = conn.execute("SELECT id FROM points_entry WHERE membership_id = %s", (zhang,)).fetchone()[0]
        conn.execute(
            "INSERT INTO attendance (activity_id, membership_id, status, role, updated_at)"
            " VALUES (%s, %s, 'attended', 'attendee', now())",
            (activity, zhang),
        )
        conn.execute("INSERT INTO step_progress (membership_id, step_id, done_at) VALUES (%s, %s, now())", (wang, step))
    refused = [
        *rows(other, "2026-11-29"),  # another day: no twin of the day in the way
        (
            "INSERT INTO points_entry (membership_id, group_id, day, points, reason, source_kind, reverses_id,"
            " created_at) VALUES (%s, %s, '2026-11-30', -5, '撤销', 'reversal', %s, now())",
            (li, gid, zhang_entry),
        ),
        ("UPDATE attendance SET activity_id = %s WHERE membership_id = %s", (other_activity, zhang)),
        (
            "INSERT INTO attendance (activity_id, membership_id, status, role, updated_at)"
            " VALUES (%s, %s, 'attended', 'attendee', now())",
            (other_activity, li),
        ),
        ("UPDATE step_progress SET step_id = %s WHERE membership_id = %s", (other_step, wang)),
        ("INSERT INTO step_progress (membership_id, step_id, done_at) VALUES (%s, %s, now())", (li, other_step)),
    ]
    assert _written_by_the_assistant(team, refused) == []
    with psycopg.connect(_dsn(team)) as conn:
        for table in ("checkin", "points_entry", "contribution", "violation", "chat_activity"):
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE group_id = %s", (other,)).fetchone() == (0,)
        assert (
            conn.execute("SELECT count(*) FROM attendance WHERE activity_id = %s", (other_activity,)).fetchone()[0] == 0
        )
        assert conn.execute("SELECT count(*) FROM step_progress WHERE step_id = %s", (other_step,)).fetchone()[0] == 0
        assert _kept(team, "李四") == (0, None)


def test_an_assistant_login_records_facts_as_itself_and_moves_no_activity_to_another_group(team):
    """psql as the assistant: a check-in, a ledger entry, a leave, an attendance and an activity written "recorded
    by" the owner — the paste's "already checked in by", the ledger's operator and the audit then named the owner
    for the assistant's work — are recorded as the assistant's (as the audit log's author is); an activity moved to
    another group (its places with it) is refused."""
    database = open_workspace(team)
    owner = actor_for(database)
    with database.session() as s:
        other = create_group(s, owner, "读书会")
        s.commit()
    database.dispose()
    with psycopg.connect(_dsn(team)) as conn:
        zhang, gid = conn.execute(
            "SELECT ms.id, ms.group_id FROM membership ms JOIN member m ON m.id = ms.member_id"
            " WHERE m.display_name = '张三'"
        ).fetchone()
        ops = dict(conn.execute("SELECT role, id FROM operator").fetchall())
        activity = conn.execute("SELECT id FROM activity WHERE group_id = %s", (gid,)).fetchone()[0]
    boss, me = ops["owner"], ops["assistant"]
    with psycopg.connect(_dsn(team, ASSISTANT, ASSISTANT_PW)) as conn:
        conn.execute(
            "INSERT INTO checkin (membership_id, group_id, day, source, late, recorded_by, logged_at)"
            " VALUES (%s, %s, '2026-11-30', 'manual', false, %s, now())",
            (zhang, gid, boss),
        )
        conn.execute(
            "INSERT INTO points_entry (membership_id, group_id, day, points, reason, source_kind, operator_id,"
            " created_at) VALUES (%s, %s, '2026-11-30', 2, '分享', 'manual', %s, now())",
            (zhang, gid, boss),
        )
        conn.execute(
            "INSERT INTO leave (membership_id, start_day, end_day, recorded_by, created_at) VALUES (%s,"
            " '2026-11-20', '2026-11-21', %s, now())",
            (zhang, boss),
        )
        conn.execute(
            "INSERT INTO attendance (activity_id, membership_id, status, role, recorded_by, updated_at)"
            " VALUES (%s, %s, 'registered', 'attendee', %s, now())",
            (activity, zhang, boss),
        )
        conn.execute(
            "INSERT INTO activity (group_id, title, kind, online, starts_at, created_by, created_at)"
            " VALUES (%s, '夜跑', 'other', true, '2026-11-27 20:00', %s, now())",
            (gid, boss),
        )
        conn.execute("UPDATE attendance SET recorded_by = %s WHERE membership_id = %s", (boss, zhang))
    with psycopg.connect(_dsn(team)) as conn:
        recorders = [
            conn.execute("SELECT recorded_by FROM checkin WHERE membership_id = %s", (zhang,)).fetchone()[0],
            conn.execute("SELECT operator_id FROM points_entry WHERE membership_id = %s", (zhang,)).fetchone()[0],
            conn.execute("SELECT recorded_by FROM leave WHERE membership_id = %s", (zhang,)).fetchone()[0],
            conn.execute("SELECT recorded_by FROM attendance WHERE membership_id = %s", (zhang,)).fetchone()[0],
            conn.execute("SELECT created_by FROM activity WHERE title = '夜跑'").fetchone()[0],
        ]
    assert recorders == [me] * 5
    assert (
        _written_by_the_assistant(team, [("UPDATE activity SET group_id = %s WHERE id = %s", (other, activity))]) == []
    )
    with psycopg.connect(_dsn(team)) as conn:
        assert conn.execute("SELECT group_id FROM activity WHERE id = %s", (activity,)).fetchone()[0] == gid


def test_an_upgrade_by_a_superuser_leaves_the_kept_functions_to_the_tables_owner(pg_url):
    """The login that upgrades may be a superuser while the tables belong to the owner's login: the SECURITY
    DEFINER functions (the kept values', the name pieces') would then run with a superuser's rights. kept.harden
    gives them to the tables' owner."""
    open_workspace(pg_url).dispose()
    with psycopg.connect(_dsn(pg_url), autocommit=True) as conn:
        conn.execute('DROP ROLE IF EXISTS "keptprobe_tables"')
        conn.execute('CREATE ROLE "keptprobe_tables" NOLOGIN')
        try:
            for table in ("membership", "points_entry", "checkin", "contribution", "chat_activity"):
                conn.execute(f'ALTER TABLE {table} OWNER TO "keptprobe_tables"')
            engine = create_engine(pg_url)
            with engine.begin() as sa_conn:
                kept.harden(sa_conn)
            engine.dispose()
            owners = conn.execute(
                "SELECT DISTINCT pg_get_userbyid(p.proowner) FROM pg_proc p JOIN pg_namespace n"
                " ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = ANY(%s)",
                ([*KEPT_FUNCTIONS, "gram_member", "gram_membership"],),
            ).fetchall()
            assert owners == [("keptprobe_tables",)]
        finally:
            conn.execute(f'REASSIGN OWNED BY "keptprobe_tables" TO "{make_url(pg_url).username or "postgres"}"')
            conn.execute('DROP ROLE "keptprobe_tables"')
