"""Team mode: the assistant's masked view of `member` masked the phone column only — a WeChat ID that is the phone
number, a phone written into a name, a nickname or a note (and the name's pinyin, which keeps its digits) was read in
full with the assistant's login (psql). They are masked now with the rule the app uses (desktop.phones.mask_phones_in,
its SQL twin `<prefix>_masked.mask_phones_in`); a value saved back as the view showed it keeps the stored one, and a
field shown masked is not the assistant's to change (what they would save is what they saw: the phone lost)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import psycopg
import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import make_url

from desktop.errors import ValidationError
from desktop.phones import mask_phones_in
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, add_member, member_input_shown, update_member
from desktop.team_roles import team_init
from desktop.workspace import actor_for, open_workspace
from models import Member
from models.db import ServerRefused

ASSISTANT, ASSISTANT_PW = "probe_text_asst", "assist-pw-88"
NAME, NICK, WECHAT = "王五 13800138002", "五哥13800138002", "13800138002"
PURPOSE = "想早起, 微信同号 13800138002"
GNICK = "五哥-138 0013 8002"
NOTE = "电话 138-0013-8002；2026-11-18 交费"

SAMPLES = [
    "张三-13812345678",
    "张三 138 1234 5678 北京",
    "读书会2026",
    "2026-11-18 10:00:00 交费 13812345678",
    "2026/11/10 13812345678",
    "１３８１２３４５６７８",
    "010-12345678 转 123",
    "wxid_1234567890ab",
    "13800138000、13900139000",
    "5 个 1234567",
    "張三—138—1234—5678",
    "no digits",
    "",
]


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


@pytest.fixture
def team(pg_url):
    """王五, whose name, nickname, WeChat ID and note hold their phone; an assistant with a login of their own."""
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        _mid, ms = add_member(
            s,
            owner,
            gid,
            MemberInput(
                display_name=NAME,
                nickname=NICK,
                wechat_id=WECHAT,
                phone="13800138002",
                city="北京",
                note=NOTE,
                group_nickname=GNICK,
                purpose=PURPOSE,
                joined_at=datetime(2026, 11, 1),
            ),
        )
        prefix = team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    yield pg_url, prefix, ms
    u = make_url(pg_url)
    with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def _dsn(url: str, login: str = "postgres", password: str = "") -> str:
    u = make_url(url)
    return f"host={u.host} port={u.port} dbname={u.database} user={login} password={password}"


def _url(url: str) -> str:
    return make_url(url).set(username=ASSISTANT, password=ASSISTANT_PW).render_as_string(hide_password=False)


def test_the_servers_mask_is_the_apps(team):
    url, prefix, _ms = team
    with psycopg.connect(_dsn(url)) as conn:
        for sample in SAMPLES:
            shown = conn.execute(f'SELECT "{prefix}_masked".mask_phones_in(%s)', (sample,)).fetchone()[0]
            assert shown == mask_phones_in(sample), sample


def test_an_assistants_login_reads_no_phone_in_a_name_nickname_wechat_id_or_note(team):
    url, _prefix, ms = team
    with psycopg.connect(_dsn(url)) as conn:  # the purpose answer recorded on the purpose step too
        conn.execute(
            "INSERT INTO step_progress (membership_id, step_id, answer, done_at) SELECT %s, s.id, %s, now()"
            " FROM entry_step s JOIN membership ms ON ms.group_id = s.group_id WHERE ms.id = %s AND s.code = 'purpose'",
            (ms, PURPOSE, ms),
        )
    with psycopg.connect(_dsn(url, ASSISTANT, ASSISTANT_PW)) as conn:
        row = conn.execute(
            "SELECT display_name, nickname, wechat_id, note, pinyin, initials, phone FROM member"
        ).fetchone()
        # a membership's group nickname likewise (the view `membership`); the table's free text is not theirs to read
        assert conn.execute("SELECT group_nickname FROM membership").fetchone() == ("五哥-138****",)
        assert conn.execute("SELECT status FROM public.membership").fetchone() == ("active",)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT group_nickname FROM public.membership")
        conn.rollback()
        # the purpose answer, on the membership and on the purpose step (its copy)
        assert conn.execute("SELECT purpose FROM membership").fetchone() == ("想早起, 微信同号 138****",)
        answers = [a for (a,) in conn.execute("SELECT answer FROM step_progress WHERE answer IS NOT NULL")]
        assert answers == ["想早起, 微信同号 138****"]
    assert row[:4] == ("王五 138****", "五哥138****", "138****", mask_phones_in(NOTE))
    assert all("13800138002" not in (v or "") and "0138002" not in (v or "") for v in row)
    with psycopg.connect(_dsn(url)) as conn:  # stored whole
        assert conn.execute("SELECT display_name, note FROM member").fetchone() == (NAME, NOTE)
        assert conn.execute("SELECT group_nickname FROM membership").fetchone() == (GNICK,)


def test_an_assistant_edits_the_city_and_the_masked_fields_keep_what_is_stored(team):
    url, _prefix, ms = team
    database = open_workspace(_url(url))
    try:
        assistant = actor_for(database)
        with database.session() as s:
            loaded = member_input_shown(s, assistant, ms)
            assert loaded.display_name == "王五 138****"
            update_member(s, assistant, ms, replace(loaded, city="上海"), loaded=loaded)
            s.commit()
        with database.session() as s:  # a field shown masked: not theirs to change (the phone would be lost)
            loaded = member_input_shown(s, assistant, ms)
            with pytest.raises(ValidationError):
                update_member(s, assistant, ms, replace(loaded, display_name="王五 138**** 老会员"), loaded=loaded)
            s.rollback()
            with pytest.raises(ServerRefused):  # the server refuses it whatever program writes it
                s.execute(update(Member).values(display_name="王五 138**** 老会员"))
            s.rollback()
            s.execute(update(Member).values(display_name=NAME))  # the stored value itself: nothing changes
            s.commit()
    finally:
        database.dispose()
    database = open_workspace(url)
    try:
        with database.session() as s:
            row = s.execute(
                select(Member.display_name, Member.nickname, Member.wechat_id, Member.note, Member.city, Member.pinyin)
            ).one()
    finally:
        database.dispose()
    assert row[:5] == (NAME, NICK, WECHAT, NOTE, "上海")
    with psycopg.connect(_dsn(url)) as conn:  # the group nickname shown masked and saved back: kept
        assert conn.execute("SELECT group_nickname FROM membership").fetchone() == (GNICK,)
    assert "13800138002" in row[5]  # the name's reading kept whole


def test_a_wechat_id_proper_stays_whole_and_finds_its_person_in_an_assistants_import(team, tmp_path, capsys):
    from desktop.cli import main

    url, _prefix, _ms = team
    database = open_workspace(url)
    try:
        owner = actor_for(database)
        with database.session() as s:
            gid = create_group(s, owner, "二期")
            add_member(s, owner, gid, MemberInput(display_name="赵六", wechat_id="wxid_1234567890ab"))
            s.commit()
    finally:
        database.dispose()
    with psycopg.connect(_dsn(url, ASSISTANT, ASSISTANT_PW)) as conn:
        shown = conn.execute("SELECT wechat_id FROM member WHERE wechat_id LIKE 'wxid%'").fetchone()[0]
    assert shown == "wxid_1234567890ab"
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,微信号,城市\n赵六,wxid_1234567890ab,杭州\n", encoding="utf-8")
    assert main(["--db", _url(url), "import", "roster", str(roster), "--group", "早起打卡营"]) == 0, capsys.readouterr()
    database = open_workspace(url)
    try:
        with database.session() as s:
            rows = s.execute(select(Member.display_name, Member.city).where(Member.display_name == "赵六")).all()
    finally:
        database.dispose()
    assert rows == [("赵六", "杭州")]


def test_an_assistants_import_of_a_row_holding_the_stored_name_and_nickname_changes_nothing(team, tmp_path, capsys):
    """The file holds 王五's name, nickname and phone as stored (the assistant holds the file in full): the row is
    王五, with nothing to change — not a problem, not a second person, and no refusal of the whole import."""
    from desktop.cli import main

    url, _prefix, _ms = team
    roster = tmp_path / "名单.csv"
    roster.write_text(f"姓名,昵称,群昵称,手机,城市\n{NAME},{NICK},{GNICK},13800138002,杭州\n", encoding="utf-8")
    code = main(["--db", _url(url), "import", "roster", str(roster), "--group", "早起打卡营"])
    assert code == 0, capsys.readouterr()
    capsys.readouterr()
    # again: nothing to change (the group nickname shown masked is the file's)
    assert main(["--db", _url(url), "import", "roster", str(roster), "--group", "早起打卡营", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "更新 updated          0" in out and "不变 unchanged        1" in out, out
    database = open_workspace(url)
    try:
        with database.session() as s:
            rows = s.execute(select(Member.display_name, Member.nickname, Member.city)).all()
    finally:
        database.dispose()
    assert rows == [(NAME, NICK, "杭州")]


def test_the_name_search_pieces_give_an_assistant_no_digit_of_a_name_holding_a_phone(team):
    """member_gram kept every 1-3 character piece of 王五 13800138002 ("138", "380", "800" …): read with the
    assistant's login they put the phone together again. The view leaves out the pieces with a digit of such a name;
    the others (王, 王五) still find them."""
    url, _prefix, _ms = team
    database = open_workspace(url)
    try:
        owner = actor_for(database)
        with database.session() as s:
            gid = create_group(s, owner, "二期")
            add_member(s, owner, gid, MemberInput(display_name="读书会2026"))
            s.commit()
    finally:
        database.dispose()
    with psycopg.connect(_dsn(url, ASSISTANT, ASSISTANT_PW)) as conn:
        grams = {
            name: {
                g
                for (g,) in conn.execute(
                    "SELECT g.gram FROM member_gram g JOIN member m ON m.id = g.member_id WHERE m.id = %s", (mid,)
                )
            }
            for name, mid in conn.execute("SELECT display_name, id FROM member")
        }
        gnick = {g for (g,) in conn.execute("SELECT gram FROM membership_gram")}
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT gram FROM public.member_gram")
    wang = grams["王五 138****"]
    assert {"王", "王五", "五"} <= wang and not any(ch.isdigit() for g in wang for ch in g)
    assert {"202", "026", "会20"} <= grams["读书会2026"]  # a name without a phone keeps its pieces
    assert "五哥" in gnick and not any(ch.isdigit() for g in gnick for ch in g)
    with psycopg.connect(_dsn(url)) as conn:  # kept whole on the server
        assert conn.execute("SELECT count(*) FROM member_gram WHERE gram = '138'").fetchone()[0] >= 1


def test_a_cheap_function_of_the_assistants_own_sees_no_hidden_piece(team):
    """The assistant's login may make temporary functions (TEMPORARY on the database): one declared very cheap, in
    a query of the pieces' view, ran before the view's own filter and saw every piece left out. The views are
    security barriers."""
    url, _prefix, _ms = team
    with psycopg.connect(_dsn(url, ASSISTANT, ASSISTANT_PW)) as conn:
        conn.execute("CREATE TEMP TABLE seen (g text)")
        conn.execute(
            "CREATE FUNCTION pg_temp.spy(g text) RETURNS boolean LANGUAGE plpgsql COST 0.0000001 AS"
            " $$ BEGIN INSERT INTO seen VALUES (g); RETURN true; END $$"
        )
        conn.execute("SELECT count(*) FROM member_gram WHERE pg_temp.spy(gram)").fetchone()
        conn.execute("SELECT count(*) FROM membership_gram WHERE pg_temp.spy(gram)").fetchone()
        seen = {g for (g,) in conn.execute("SELECT g FROM seen")}
    assert "王五" in seen and not any(ch.isdigit() for g in seen for ch in g)


def test_the_audit_log_shows_an_assistant_no_phone_written_any_way(team):
    """The assistant's audit view masked a mainland mobile's eleven digits in a row only: a note 备用 138-0013-8002
    in a member edit's before/after was read whole (psql). Each string of the summary is masked as the app masks it;
    the summary stays JSON."""
    import json

    url, _prefix, ms = team
    database = open_workspace(url)
    try:
        owner = actor_for(database)
        with database.session() as s:
            from desktop.services.roster import get_member_input

            loaded = get_member_input(s, ms)
            update_member(s, owner, ms, replace(loaded, note="备用 138-0013-8002"), loaded=loaded)
            s.commit()
    finally:
        database.dispose()
    with psycopg.connect(_dsn(url, ASSISTANT, ASSISTANT_PW)) as conn:
        summaries = [r for (r,) in conn.execute("SELECT summary FROM audit_log WHERE summary IS NOT NULL")]
    edit = [x for x in summaries if "备用" in x]
    assert edit and all("0013" not in x and "138 0013" not in x for x in summaries)
    assert "备用 138****" in edit[0]
    json.loads(edit[0])


def test_an_assistants_import_changing_a_field_shown_masked_names_the_row(team, tmp_path, capsys):
    """王五's nickname and note hold their phone (shown masked to the assistant); a row for 王五 with another nickname
    and note: the server refuses the change (the phone would be lost), and refused the whole file as "your login may
    not do this", no row named. The row is a problem naming each such field; nothing is written."""
    from desktop.cli import main

    url, _prefix, _ms = team
    roster = tmp_path / "名单.csv"
    roster.write_text(f"姓名,手机,昵称,备注\n{NAME},13800138002,五哥,新备注\n", encoding="utf-8")
    assert main(["--db", _url(url), "import", "roster", str(roster), "--group", "早起打卡营"]) == 1
    err = capsys.readouterr().err
    assert "第2行 昵称 列" in err and "第2行 备注 列" in err and "服务器拒绝" not in err
    with psycopg.connect(_dsn(url)) as conn:
        assert conn.execute("SELECT nickname, note FROM member").fetchone() == (NICK, NOTE)
