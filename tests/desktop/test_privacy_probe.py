"""What an assistant (who may not see full phone numbers) and anyone reading output is shown: phones written every
way people write them masked wherever PRODUCT promises masking, and no password in any message."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from desktop.cli import main
from tests.fixed_day import TEST_TODAY

JOINED = datetime.combine(TEST_TODAY - timedelta(days=40), time(9, 0))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws(tmp_path) -> str:
    db = str(tmp_path / "w.sqlite")
    from desktop.services.groups import create_group
    from desktop.services.operators import add_operator
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace

    database = open_workspace(db)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "跑步群")
        add_member(
            s, owner, gid, MemberInput(display_name="张三", wechat_id="zs_wx", phone="13800138000", joined_at=JOINED)
        )
        add_operator(s, owner, "小助理", "assistant")
        s.commit()
    database.dispose()
    return db


def test_an_assistants_import_preview_masks_the_phones_its_problems_quote(ws, tmp_path, capsys):
    """A 微信号 cell holding a phone while the row has another phone is a problem that quotes both cells. As an
    assistant, `import roster --dry-run --skip-problems` masked them on stderr but printed them whole in the
    row-by-row list on stdout ("微信号 列的 13512345678 是手机号 … 已有手机号 13612340000"); the window's preview
    (preview_lines) showed them whole too. Masked for the assistant everywhere; the owner still sees them."""
    path = tmp_path / "r.csv"
    path.write_text("姓名,微信号,手机号\n周九,13512345678,13612340000\n吴十,wu10,13700137000\n", encoding="utf-8")
    argv = ["--db", ws, "import", "roster", str(path), "--group", "跑步群", "--dry-run", "--skip-problems"]
    code, out, err = run(capsys, *argv, "--operator", "小助理")
    assert code == 0 and "第2行  问题 problem  周九" in out
    assert "135****" in out and "136****" in out
    assert "13512345678" not in out + err and "13612340000" not in out + err
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "13512345678" in out and "13612340000" in out

    from desktop.io.tabular import read_table
    from desktop.services.groups import group_id_by_name
    from desktop.services.imports import plan_roster_import, problem_as_shown, row_as_shown
    from desktop.services.operators import get_actor
    from desktop.workspace import actor_for, open_workspace

    database = open_workspace(ws)
    with database.session() as s:
        plan = plan_roster_import(s, group_id_by_name(s, "跑步群"), read_table(path))
        assistant = get_actor(s, "小助理")
    (row,) = [r for r in plan.rows if r.problems]
    shown = row_as_shown(row, assistant).problems[0]  # what the window's preview lists (preview_lines)
    assert "135****" in shown.message and "13512345678" not in shown.message + (shown.value or "")
    assert "13612340000" not in shown.message and shown.code == row.problems[0].code
    assert "13512345678" in row_as_shown(row, actor_for(database)).problems[0].message
    assert problem_as_shown(row.problems[0], actor_for(database)) is row.problems[0]
    database.dispose()


def test_a_libpq_connection_string_is_a_server_not_a_file_named_with_its_password(tmp_path, capsys, monkeypatch):
    """`--db "host=… user=u password=… dbname=…"` (a connection string as psql and PostgreSQL's docs write it) was
    taken for a file path: `demo` created a SQLite workspace called "host=127.0.0.1 … password=S3cretPW dbname=db"
    in the current folder and every command printed that name, the password in it. It names the server: nothing is
    created, and no message carries the password."""
    from models.db import display_url, to_url

    monkeypatch.chdir(tmp_path)
    conninfo = "host=127.0.0.1 port=1 user=u password=S3cretPW dbname=db connect_timeout=2"
    assert to_url(conninfo) == "postgresql+psycopg://u:S3cretPW@127.0.0.1:1/db?connect_timeout=2"
    assert display_url(conninfo) == "postgresql+psycopg://u:***@127.0.0.1:1/db?connect_timeout=2"
    quoted = "host=db.example.com dbname=qd user=u password='a b\\'c' sslmode=require "
    from sqlalchemy.engine import make_url

    url = make_url(to_url(quoted))
    assert (url.password, url.host, url.database, dict(url.query)) == (
        "a b'c",
        "db.example.com",
        "qd",
        {"sslmode": "require"},
    )
    # Settings › Team database keeps the address without its password (it kept "sqlite:///…password=S3cretPW…")
    from desktop.team import is_team_url, strip_password

    assert (
        is_team_url(conninfo) and strip_password(conninfo) == "postgresql+psycopg://u@127.0.0.1:1/db?connect_timeout=2"
    )
    for command in (["groups"], ["db", "status"], ["demo"]):
        code, out, err = run(capsys, "--db", conninfo, *command)
        assert code == 3 and "S3cretPW" not in out + err, (command, out, err)
    assert list(tmp_path.iterdir()) == []
    # a file name with an '=' in it stays a file
    assert to_url("a=b.sqlite").startswith("sqlite:///") and to_url("host=h x=1").startswith("sqlite:///")


def test_an_engine_error_quotes_no_phone_number_or_password_hash(tmp_path):
    """A database error the app does not expect goes to the window's bug report (its traceback, to copy and send)
    and to stderr. SQLAlchemy's text of it ended "[parameters: ('13800138000', …)]": a member's phone (an
    assistant sees it), an operator's password hash. The statement is still named; its values are not."""
    import traceback

    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from models.db import make_engine

    engine = make_engine(tmp_path / "x.sqlite")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (phone TEXT UNIQUE, hash TEXT)"))
        conn.execute(text("INSERT INTO t VALUES (:p, :h)"), {"p": "13800138000", "h": "pbkdf2$abc"})
    again = {"p": "138" + "00138000", "h": "pbkdf2$" + "secret-hash"}  # not in the traceback's source lines
    with pytest.raises(IntegrityError) as caught, engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (:p, :h)"), again)
    details = "".join(traceback.format_exception(caught.value))
    assert "INSERT INTO t" in details and "UNIQUE" in details
    assert "13800138000" not in details and "secret-hash" not in details
    engine.dispose()


def test_a_date_is_not_masked_as_a_phone(ws, tmp_path, capsys):
    """mask_phones_in took every run of 7+ digits for a phone: an assistant importing a roster with a wrong date read
    "入群时间 列: 202**** 不是有效的日期" — the cell at fault hidden — and a note "2026-11-18 交费" became "202**** 交费"
    in their exports. A date (with its time or not, written right or wrong) stays; a phone beside it is masked."""
    from desktop.phones import mask_phones_in

    assert mask_phones_in("2026-11-18 交费") == "2026-11-18 交费"
    assert mask_phones_in("提交 2026/11/10 10:00:00") == "提交 2026/11/10 10:00:00"
    assert mask_phones_in("2026-11-18 13800138000 张三") == "2026-11-18 138**** 张三"
    assert mask_phones_in("王五 13800138002") == "王五 138****"
    assert mask_phones_in("孙八-150 1234 5678") == "孙八-150****"
    assert mask_phones_in("座机(0755) 8888 8888") == "座机(075****"
    path = tmp_path / "bad.csv"
    path.write_text("姓名,微信号,入群时间\n周周,zz01,2026-11-31\n吴吴,ww01,2026-13-01\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", ws, "import", "roster", str(path), "--group", "跑步群", "--operator", "小助理")
    assert code == 1 and out == ""
    assert "第2行 入群时间 列: 2026-11-31 不是有效的日期" in err and "第3行 入群时间 列: 2026-13-01" in err
    assert "202****" not in err


def test_an_assistants_checkin_and_chat_reports_mask_a_phone_in_a_members_name(ws, tmp_path, capsys):
    """A member added from a chat export is named as the chat showed them: 陌生人 13999998888. `members` showed the
    assistant 陌生人 139****, but `checkin`'s list of ambiguous lines and unknown names printed the stored name whole
    (陌生人 → 陌生人 13999998888(fuzzy)), as did the chat import's report. Masked for them (a WeChat ID that tells
    namesakes apart stays whole); the owner sees the name as stored."""
    from desktop.services.groups import group_id_by_name
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace

    database = open_workspace(ws)
    with database.session() as s:
        gid = group_id_by_name(s, "跑步群")
        data = MemberInput(display_name="陌生人 13999998888", wechat_id="wxid_12345678", joined_at=JOINED)
        add_member(s, actor_for(database), gid, data)
        add_member(s, actor_for(database), gid, MemberInput(display_name="陌生人 13999998888", joined_at=JOINED))
        s.commit()
    database.dispose()
    paste = tmp_path / "chain.txt"
    paste.write_text("#接龙\n1. 陌生人\n", encoding="utf-8")
    day = (TEST_TODAY - timedelta(days=1)).isoformat()
    argv = ["--db", ws, "checkin", "--group", "跑步群", "--date", day]
    code, out, err = run(capsys, *argv, "--paste", str(paste), "--operator", "小助理")
    assert code == 0 and "第2行 需选择 ambiguous" in err and "陌生人 139****" in err
    assert "13999998888" not in out + err
    code, _, err = run(capsys, *argv, "陌生人 13999998888", "--operator", "小助理")  # two of that name
    assert code == 1 and "陌生人 139**** (微信号 WeChat ID wxid_12345678)" in err and "13999998888" not in err
    code, _, err = run(capsys, *argv, "--paste", str(paste))
    assert code == 0 and "陌生人 13999998888" in err  # the owner


def test_a_password_typed_as_an_argument_is_not_echoed(ws, capsys):
    """`operator passwd 群主 MyNewPass2026` — the password typed where --password-stdin reads it — printed
    "unrecognized arguments: MyNewPass2026" on stderr. Exit 2 as before, the words counted, not shown; other
    commands still name what they did not understand."""
    code, out, err = run(capsys, "--db", ws, "operator", "passwd", "群主", "MyNewPass2026")
    assert code == 2 and "MyNewPass2026" not in out + err and "--password-stdin" in err
    code, out, err = run(capsys, "--db", ws, "operator", "add", "小王", "--role", "assistant", "Secret-2026")
    assert code == 2 and "Secret-2026" not in out + err
    code, _, err = run(capsys, "--db", ws, "groups", "extra")
    assert code == 2 and "unrecognized arguments: extra" in err


def test_an_assistants_members_listing_masks_a_wechat_id_that_is_a_phone(ws, capsys):
    """Many people's 微信号 is their phone number. The assistant's roster table and exports mask such an ID like the
    phone column, but `members --json` printed "wechat_id": "13566667777" whole. Masked for them; the owner's
    listing keeps it."""
    import json

    from desktop.services.groups import group_id_by_name
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace

    database = open_workspace(ws)
    with database.session() as s:
        data = MemberInput(display_name="何九", wechat_id="13566667777", joined_at=JOINED)
        add_member(s, actor_for(database), group_id_by_name(s, "跑步群"), data)
        s.commit()
    database.dispose()
    argv = ["--db", ws, "members", "--group", "跑步群", "--json"]
    code, out, err = run(capsys, *argv, "--operator", "小助理")
    shown = {m["name"]: m for m in json.loads(out)}
    assert code == 0 and shown["何九"]["wechat_id"] == "135****" and "13566667777" not in out + err
    assert shown["张三"]["wechat_id"] == "zs_wx"
    code, out, _ = run(capsys, *argv)
    assert code == 0 and {m["name"]: m for m in json.loads(out)}["何九"]["wechat_id"] == "13566667777"


def test_an_assistants_checkin_import_masks_a_phone_in_a_candidates_name(ws, tmp_path, capsys):
    """`import checkins` named the members a row could be by their stored names — "可能是 陌生人 13999998888(相似)" —
    to an assistant, on stderr and in the --dry-run list. Masked for them, the row's day left as written."""
    from desktop.services.groups import group_id_by_name
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace

    database = open_workspace(ws)
    with database.session() as s:
        data = MemberInput(display_name="陌生人 13999998888", joined_at=JOINED)
        add_member(s, actor_for(database), group_id_by_name(s, "跑步群"), data)
        s.commit()
    database.dispose()
    day = (TEST_TODAY - timedelta(days=1)).isoformat()
    path = tmp_path / "ck.csv"
    path.write_text(f"姓名,打卡日期\n陌生人,{day}\n张三,{day}\n", encoding="utf-8")
    argv = ["--db", ws, "import", "checkins", str(path), "--group", "跑步群", "--dry-run"]
    code, out, err = run(capsys, *argv, "--operator", "小助理")
    assert code == 1 and "第2行" in err and "陌生人 139****" in err and "13999998888" not in out + err
    code, out, err = run(capsys, *argv, "--skip-problems", "--operator", "小助理")
    assert code == 0 and "陌生人 139****" in out and "13999998888" not in out + err and day in out
    code, _, err = run(capsys, *argv)
    assert code == 1 and "陌生人 13999998888" in err  # the owner


def test_copy_names_of_an_alert_pastes_no_phone_into_the_chat(ws, qtbot):
    """The Dashboard's alert list has "Copy names" — to paste into the chat and @-mention them. It copied the roster
    name whole: a member on the roster as 陌生人 13999998888 had their phone posted to the whole group. It copies each
    as the group sees them (texts.shown_name, as the reminder text names them): 群昵称, a phone in it masked."""
    from PySide6.QtWidgets import QApplication

    from desktop.health import alerts
    from desktop.services.groups import group_id_by_name
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace
    from models import Group
    from ui.dialogs.alert_members_dialog import AlertMembersDialog

    database = open_workspace(ws)
    long_ago = JOINED - timedelta(days=200)
    with database.session() as s:
        gid = group_id_by_name(s, "跑步群")
        owner = actor_for(database)
        add_member(s, owner, gid, MemberInput(display_name="陌生人 13999998888", joined_at=long_ago))
        data = MemberInput(display_name="何九", group_nickname="阿九 13566667777", joined_at=long_ago)
        add_member(s, owner, gid, data)
        s.get(Group, gid).created_at = long_ago  # a group QunDesk has watched all along: its dormant are alerts
        s.commit()
    with database.session() as s:
        every = alerts(s, gid, TEST_TODAY)
        found = [a for a in every if a.kind == "dormant"]
    database.dispose()
    assert found, every
    by_name = {a.display_name: a for a in found}
    assert by_name["陌生人 13999998888"].mention == "陌生人 139****"
    assert by_name["何九"].mention == "阿九 135****"
    dialog = AlertMembersDialog("dormant", found)
    qtbot.addWidget(dialog)
    dialog.copy_names()
    copied = QApplication.clipboard().text().splitlines()
    assert "陌生人 139****" in copied and "阿九 135****" in copied and len(copied) == len(found)
    assert "13999998888" not in "\n".join(copied) and "13566667777" not in "\n".join(copied)


def test_the_masked_audit_log_masks_a_wechat_id_that_is_a_phone():
    """The audit log as an assistant reads it (the Audit dialog, summary_text masked) masked the phone and a phone in
    a nickname, but printed 「微信号: 13566667777」 — a WeChat ID that is the phone number — whole."""
    import json

    from desktop.services.audit_export import summary_text

    summary = json.dumps(
        {"after": {"display_name": "何九", "nickname": "阿九 13566667777", "wechat_id": "13566667777", "phone": None}}
    )
    masked = summary_text(summary, "zh_CN")
    assert "微信号: 135****" in masked and "13566667777" not in masked
    assert "微信号: 13566667777" in summary_text(summary, "zh_CN", unmasked=True)
    ordinary = json.dumps({"after": {"wechat_id": "wxid_sunba"}})
    assert "wxid_sunba" in summary_text(ordinary, "zh_CN")
