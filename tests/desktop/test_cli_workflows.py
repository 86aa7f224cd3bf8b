"""The CLI's working commands end to end on real files: check-ins by name and by paste (idempotent, only
certain matches logged), the monthly report and roster exports read back with openpyxl, and a backup →
restore round trip whose stats are equal."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from tests.fixed_day import TEST_TODAY

TODAY = TEST_TODAY
MONTH = f"{TODAY.year:04d}-{TODAY.month:02d}"
# the members joined well before the month (nobody checks in before they joined)
JOINED = datetime.combine(TODAY.replace(day=1) - timedelta(days=40), time(9, 0))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws(tmp_path, capsys) -> str:
    db = str(tmp_path / "w.sqlite")
    from desktop.services.groups import create_group
    from desktop.services.roster import MemberInput, add_member
    from desktop.workspace import actor_for, open_workspace

    database = open_workspace(db)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        for name, nick, wx, phone in [
            ("张三", None, "zhangsan", "13800138000"),
            ("林美", "小美🌸", None, None),
            ("王芳", None, None, "13800000001"),
            ("王芳", None, None, "13800000002"),
            ('=HYPERLINK("http://x")', None, None, None),
        ]:
            data = MemberInput(display_name=name, nickname=nick, wechat_id=wx, phone=phone, joined_at=JOINED)
            add_member(s, owner, gid, data)
        s.commit()
    database.dispose()
    return db


PASTE = "#接龙 早起打卡\n例 张三 6:00\n1. 张三 5:58\n2. 小美🌸 6:01\n3. 王芳\n4. 陌生人\n5. zhangsan\n6. lm\n"


def stats(capsys, db: str) -> dict:
    code, out, _ = run(capsys, "--db", db, "stats", "--group", "早起打卡营", "--month", MONTH, "--json")
    assert code == 0
    return json.loads(out)


def test_checkin_paste_logs_certain_matches_once(ws, tmp_path, capsys):
    paste = tmp_path / "chain.txt"
    paste.write_text(PASTE, encoding="utf-8")
    code, out, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--paste", str(paste))
    assert code == 0
    assert "logged 2" in out  # 张三 (name; line 5 is the same person by WeChat ID) and 小美🌸 (nickname)
    assert "第5行" in err and "王芳" in err and "陌生人" in err and "lm" in err
    assert "例" not in err and "#接龙" not in err
    assert stats(capsys, ws)["checkins"] == 2
    code, out, _ = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--paste", str(paste))
    assert code == 0 and "logged 0" in out
    assert stats(capsys, ws)["checkins"] == 2


def test_lines_that_are_not_check_ins_are_listed_with_who_and_why(ws, tmp_path, capsys):
    paste = tmp_path / "chain.txt"
    paste.write_text("#接龙 早起打卡\n1. 张三 5:58\n「小美🌸：打卡」\n2. @王芳 记得打卡\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--paste", str(paste))
    assert code == 0 and "logged 1" in out and "不是打卡 not a check-in 2" in out
    reported = [line for line in err.splitlines() if "不是打卡" in line]
    assert len(reported) == 2 and "第3行" in reported[0] and "引用" in reported[0] and "第4行" in reported[1]
    assert "#接龙" not in err  # a title is still skipped silently


def test_a_chain_dated_another_day_is_refused_without_date_and_logged_on_time_with_it(ws, tmp_path, capsys):
    from datetime import timedelta

    from sqlalchemy import select

    from desktop.workspace import open_workspace
    from models import CheckIn

    yesterday = TODAY - timedelta(days=1)
    paste = tmp_path / "chain.txt"
    paste.write_text(
        f"#接龙\n早起打卡 {yesterday.month}月{yesterday.day}日\n1. 张三 5:48\n2. 小美🌸\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--paste", str(paste))
    assert code == 1 and yesterday.isoformat() in err and "nothing logged" in err
    code, out, err = run(
        capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--paste", str(paste), "--date", yesterday.isoformat()
    )
    assert code == 0 and "logged 2" in out
    database = open_workspace(ws)
    try:
        with database.session() as s:
            rows = s.execute(select(CheckIn.day, CheckIn.late, CheckIn.checked_at).order_by(CheckIn.id)).all()
    finally:
        database.dispose()
    assert [(d, late) for d, late, _ in rows] == [(yesterday, False), (yesterday, False)]
    times = {(at.strftime("%Y-%m-%d %H:%M") if at else "no time") for _d, _l, at in rows}
    assert times == {f"{yesterday.isoformat()} 05:48", "no time"}  # the posted time kept; none invented


def test_checkin_late_flag_marks_buka(ws, capsys):
    from sqlalchemy import select

    from desktop.workspace import open_workspace
    from models import CheckIn

    code, out, _ = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--late", "张三")
    assert code == 0 and "logged 1" in out
    database = open_workspace(ws)
    try:
        with database.session() as s:
            assert s.scalar(select(CheckIn.late)) is True
    finally:
        database.dispose()


def test_checkin_by_name_and_unknown_names(ws, capsys):
    code, _, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "张三", "李不存在")
    assert code == 1 and "李不存在" in err
    # said as a paste says it: nobody on the roster (it read "not a member", as of someone in another group)
    assert "李不存在: 未匹配 unmatched: 名册中没有 (nobody on the roster)" in err and "not a member" not in err
    assert stats(capsys, ws)["checkins"] == 0
    day = TODAY.replace(day=1).isoformat()
    code, out, _ = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--date", day, "张三", "小美🌸")
    assert code == 0 and "logged 2" in out
    assert run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--date", "2026/11/01", "张三")[0] == 1
    assert run(capsys, "--db", ws, "checkin", "--group", "没有这个群", "张三")[0] == 1


def test_checkin_without_names_or_paste_or_with_both_is_a_usage_error(ws, tmp_path, capsys):
    """`checkin --group G (--paste FILE | NAME ...)`: leaving out both, or giving both, is a usage error (exit 2,
    docs/cli.md), as a missing --group is; it exited 1, the code of bad input."""
    paste = tmp_path / "chain.txt"
    paste.write_text(PASTE, encoding="utf-8")
    code, _, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营")
    assert code == 2 and "--paste FILE" in err
    code, _, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--paste", str(paste), "张三")
    assert code == 2 and "--paste FILE" in err
    assert stats(capsys, ws)["checkins"] == 0


def test_checkin_of_a_shared_name_names_the_namesakes_wechat_ids_to_pick_by(ws, capsys):
    """`checkin 王芳` with two 王芳 said `王芳 → 王芳, 王芳`: nothing to tell them apart by on the command line. The
    namesakes with a WeChat ID are named by it, and checking in by that ID logs that one person."""
    from desktop.workspace import open_workspace
    from models import Member

    database = open_workspace(ws)
    with database.session() as s:
        first = s.query(Member).filter(Member.phone == "13800000001").one()
        first.wechat_id = "wangfang_bj"
        s.commit()
    database.dispose()
    code, _, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "王芳")
    assert code == 1 and "王芳 (微信号 WeChat ID wangfang_bj), 王芳\n" in err
    assert "13800000001" not in err and stats(capsys, ws)["checkins"] == 0
    # a name nobody else has gets no ID
    code, _, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "zs")
    assert code == 1 and "微信号" not in err
    code, out, _ = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "wangfang_bj")
    assert code == 0 and "logged 1" in out and stats(capsys, ws)["checkins"] == 1


def test_an_assistants_dry_run_shows_the_phones_it_changes_masked(ws, tmp_path, capsys):
    """`import roster --dry-run` as an assistant printed an update as "手机 (phone): 13800138000 → 13912345678":
    the member's full stored phone, which an assistant may see nowhere else (exports, members, audit log). Masked for
    them; an owner still sees both numbers."""
    from desktop.services.operators import add_operator
    from desktop.workspace import actor_for, open_workspace

    database = open_workspace(ws)
    with database.session() as s:
        add_operator(s, actor_for(database), "小助手", "assistant")
        s.commit()
    database.dispose()
    path = tmp_path / "phones.csv"
    path.write_text("姓名,微信号,手机\n张三,zhangsan,13912345678\n", encoding="utf-8")
    argv = ["--db", ws, "import", "roster", str(path), "--group", "早起打卡营", "--dry-run"]
    code, out, err = run(capsys, *argv, "--operator", "小助手")
    assert code == 0 and "第2行  更新 update  张三" in out
    assert "138****8000 → 139****5678" in out and "13800138000" not in out + err
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "13800138000 → 13912345678" in out


def test_export_report_and_roster(ws, tmp_path, capsys):
    out_file = tmp_path / "report.xlsx"
    code, _, _ = run(
        capsys, "--db", ws, "export", "report", "--month", MONTH, "--group", "早起打卡营", "-o", str(out_file)
    )
    assert code == 0
    wb = load_workbook(out_file)
    assert wb.sheetnames == ["概览", "成员名册", "打卡明细", "活动", "积分", "入群进度", "预警"]
    names = [c.value for row in wb["成员名册"].iter_rows() for c in row]
    assert '=HYPERLINK("http://x")' in names  # written as text, never as a formula
    progress_headers = [c.value for c in next(wb["入群进度"].iter_rows(max_row=wb["入群进度"].max_row)) if c.value]
    assert any("进群目的问答" in str(v) for row in wb["入群进度"].iter_rows(values_only=True) for v in row if v)
    assert progress_headers
    roster_file = tmp_path / "roster.xlsx"
    code, out, _ = run(capsys, "--db", ws, "export", "roster", "--all", "-o", str(roster_file))
    assert code == 0 and "5 rows" in out
    rows = list(load_workbook(roster_file).active.iter_rows(values_only=True))
    assert len(rows) == 6 and "13800138000" in [str(v) for v in rows[1] + rows[2] + rows[3] + rows[4] + rows[5]]
    # the roster's headers are the importer's Chinese ones: an English header option is a usage error, not a file
    # with Chinese headers that looks as asked for
    english = tmp_path / "roster-en.xlsx"
    code, _, err = run(capsys, "--db", ws, "export", "roster", "--all", "--headers", "en", "-o", str(english))
    assert code == 2 and "--headers" in err and not english.exists()
    assert run(capsys, "--db", ws, "export", "report", "--month", "2026-13", "--all", "-o", str(out_file))[0] == 1
    assert run(capsys, "--db", ws, "export", "report", "--month", MONTH, "--all", "-o", str(tmp_path / "x.csv"))[0] == 1


def test_backup_restore_round_trip(ws, tmp_path, capsys):
    run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "张三")
    before = stats(capsys, ws)
    backup = tmp_path / "backup.sqlite"
    assert run(capsys, "--db", ws, "backup", "-o", str(backup))[0] == 0
    target = str(tmp_path / "restored.sqlite")
    code, out, _ = run(capsys, "--db", target, "restore", str(backup))
    assert code == 0 and "checkin 1" in out
    assert stats(capsys, target) == before
    code, _, err = run(capsys, "--db", ws, "restore", str(backup))
    assert code == 1 and err  # the open workspace is not empty: refused
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database" * 100)
    assert run(capsys, "--db", str(tmp_path / "new.sqlite"), "restore", str(garbage))[0] == 1
    assert not (tmp_path / "new.sqlite").exists()  # nothing of the bad backup was written
    code, out, _ = run(capsys, "--db", str(tmp_path / "new.sqlite"), "groups", "--json")
    assert code == 3 and out == ""  # reading a workspace that does not exist creates none (PRODUCT §4)


def test_a_chain_titled_with_a_day_that_does_not_exist_is_refused_without_date(capsys, ws, tmp_path):
    """`#接龙 11月31日 早起打卡` was logged for today without a word (the title's date is no day, so it named none):
    refused now, naming the date, until --date says which day; with --date it is logged and said."""
    paste = tmp_path / "p.txt"
    paste.write_text("#接龙 11月31日 早起打卡\n1. 张三 5:58\n2. 小美🌸 6:01\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--paste", str(paste))
    assert code != 0 and "11月31日" in err and "does not exist" in err and "nothing logged" in err
    assert stats(capsys, ws)["checkins"] == 0
    day = TODAY - timedelta(days=1)
    code, out, err = run(
        capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--paste", str(paste), "--date", day.isoformat()
    )
    assert code == 0 and "新记录 logged 2" in out and f"logged for {day}" in err


def test_a_title_day_that_does_not_exist_is_asked_about_after_midnight_too(capsys, ws, tmp_path, monkeypatch):
    """Pasted at 02:10, the chain's 5:58 is still to come: the window offered "the chain of yesterday" from its
    times, as if the title named no day — it names 11月31日, which is what the user must hear about."""
    monkeypatch.setenv("QUNDESK_PASTE_TIME", "02:10")
    paste = tmp_path / "p.txt"
    paste.write_text("#接龙 11月31日 早起打卡\n1. 张三 5:58\n2. 小美🌸 6:01\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", ws, "checkin", "--group", "早起打卡营", "--paste", str(paste))
    assert code != 0 and "11月31日" in err and "does not exist" in err and "still to come" not in err
