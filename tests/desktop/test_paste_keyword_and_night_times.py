"""A probe of the group's check-in keyword (打卡关键词) and of times of day in pasted check-ins (6 December).

Each case was wrong before:

* a pasted chat log of a group whose check-ins say 早起打卡 logged every message as a check-in — 早啊, 大家早,
  今天起晚了 — while the chat-history import of the same chat counted only the messages with the keyword; now a
  chat log's message without it is shown as 不含打卡关键词「早起打卡」 (never logged, never dropped), and both read the
  keyword alike (＃早起打卡 full-width, 早起 打卡 with a space, 讀書打卡): chat_parse.KeywordRule;
* `晚上12点` / `晚上12:00` / `凌晨12点半` were read as noon, `夜里11点` as 11 in the morning, `中午1点` as 1 at night.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from desktop.chat_parse import KeywordRule, parse_chat
from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.paste import preview_paste
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Group, Member, Membership
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY - timedelta(days=1)
JOINED = datetime.combine(TEST_TODAY - timedelta(days=200), datetime.min.time())
PEOPLE = ["张伟", "李娜", "王芳", "刘洋", "陈红", "孙浩"]


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TEST_TODAY.isoformat())


def make_ws(tmp_path, keywords: str | None) -> str:
    path = str(tmp_path / "w.sqlite")
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        for name in PEOPLE:
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=JOINED))
        s.execute(update(Group).where(Group.id == gid).values(checkin_keywords=keywords))
        s.commit()
    database.dispose()
    return path


def checkin(path, tmp_path, capsys, text: str) -> tuple[int, str, str]:
    paste = tmp_path / "paste.txt"
    paste.write_text(text, encoding="utf-8")
    code = main(["--db", path, "checkin", "--group", "晨光早起营", "--date", DAY.isoformat(), "--paste", str(paste)])
    out, err = capsys.readouterr()
    return code, out, err


def rows(path) -> dict[str, tuple[date, datetime | None]]:
    database = open_workspace(path)
    try:
        with database.session() as s:
            found = s.execute(
                select(Member.display_name, CheckIn.day, CheckIn.checked_at)
                .join(Membership, Membership.id == CheckIn.membership_id)
                .join(Member, Member.id == Membership.member_id)
            ).all()
    finally:
        database.dispose()
    return {name: (day, at) for name, day, at in found}


def stamp(hhmm: str) -> str:
    return f"{DAY.month:02d}-{DAY.day:02d} {hhmm}"


CHAT_LOG = (
    f"张伟 {stamp('06:01')}\n早起打卡✅ 第12天\n"
    f"李娜 {stamp('06:03')}\n早啊\n"
    f"王芳 {stamp('06:05')}\n＃早起打卡\n"
    f"刘洋 {stamp('06:06')}\n今天起晚了\n"
    f"陈红 {stamp('06:07')}\n早起 打卡\n"
    f"孙浩 {stamp('06:09')}\n大家早\n"
)


def at(hhmm: str) -> datetime:
    hour, minute = map(int, hhmm.split(":"))
    return datetime.combine(DAY, datetime.min.time()).replace(hour=hour, minute=minute)


def test_a_chat_log_message_without_the_groups_keyword_is_shown_and_not_logged(tmp_path, capsys):
    path = make_ws(tmp_path, "早起打卡")
    code, out, err = checkin(path, tmp_path, capsys, CHAT_LOG)
    assert code == 0
    assert rows(path) == {"张伟": (DAY, at("06:01")), "王芳": (DAY, at("06:05")), "陈红": (DAY, at("06:07"))}
    # every message without it says why, naming the keyword (the CLI lists skipped lines naming someone)
    for line_no, name in ((3, "李娜"), (7, "刘洋"), (11, "孙浩")):
        assert f"第{line_no}行" in err and name in err
    assert err.count("不含打卡关键词「早起打卡」") == 3


def test_a_group_without_a_keyword_logs_every_message_as_before(tmp_path, capsys):
    path = make_ws(tmp_path, None)
    code, out, err = checkin(path, tmp_path, capsys, CHAT_LOG)
    assert code == 0
    assert set(rows(path)) == set(PEOPLE)
    assert "关键词" not in err


def test_a_chain_line_is_a_check_in_by_being_on_the_chain_whatever_the_keyword(tmp_path, capsys):
    path = make_ws(tmp_path, "早起打卡")
    text = "#接龙 早起打卡\n1. 张伟 6:01\n2. 李娜 早啊\n3. 刘洋 今天起晚了 7:30\n"
    code, out, err = checkin(path, tmp_path, capsys, text)
    assert code == 0
    assert set(rows(path)) == {"张伟", "李娜", "刘洋"}


def test_a_keyword_only_in_a_quoted_message_is_not_the_repliers(tmp_path, capsys):
    path = make_ws(tmp_path, "早起打卡")
    text = "张伟：「李娜：早起打卡」 加油\n王芳：「李娜：早」 早起打卡\n刘洋：早啊\n"
    code, out, err = checkin(path, tmp_path, capsys, text)
    assert code == 0
    assert set(rows(path)) == {"王芳"}
    assert "第1行" in err and "不含打卡关键词「早起打卡」" in err


def test_leave_and_make_up_messages_keep_their_own_outcome_in_a_keyword_group(tmp_path, capsys):
    path = make_ws(tmp_path, "早起打卡")
    text = f"张伟 {stamp('06:01')}\n今天请假\n李娜 {stamp('06:03')}\n补卡 昨天的\n"
    code, out, err = checkin(path, tmp_path, capsys, text)
    assert code == 0
    got = rows(path)
    assert got == {"李娜": (DAY - timedelta(days=1), at("06:03"))}  # 补卡 昨天的: a make-up of the day before
    assert "请假" in err and "关键词" not in err


def test_the_preview_names_the_outcome_of_a_message_without_the_keyword(tmp_path):
    path = make_ws(tmp_path, "早起打卡、早安打卡")
    database = open_workspace(path)
    try:
        with database.session() as s:
            gid = s.scalar(select(Group.id))
            preview = preview_paste(
                s, gid, DAY, f"李娜 {stamp('06:03')}\n早啊\n张伟 {stamp('06:04')}\n早安打卡 第3天\n"
            )
    finally:
        database.dispose()
    by_name = {m.name: m for m in preview.matches}
    assert by_name["李娜"].status == "ignored" and by_name["李娜"].reason == "no_keyword"
    assert by_name["李娜"].keywords == "早起打卡、早安打卡"
    assert by_name["张伟"].status == "matched"


@pytest.mark.parametrize(
    ("keywords", "message", "carries"),
    [
        (("早起打卡",), "早起打卡了", True),
        (("早起打卡",), "早起 打卡", True),
        (("早起打卡",), "＃早起打卡", True),
        (("#早起打卡",), "早起打卡✅", True),
        (("#早起打卡",), "＃早起打卡", True),
        (("读书打卡",), "讀書打卡 第5天", True),
        (("checkin",), "Checkin day 3", True),
        (("早起打卡",), "早安打卡 第12天", False),
        (("早起打卡",), "早啊", False),
        (("早起打卡",), "今天起晚了", False),
        (("早起打卡",), "", False),
    ],
)
def test_the_keyword_rule_reads_a_keyword_alike(keywords, message, carries):
    assert KeywordRule(keywords)(message) is carries


def test_the_chat_import_reads_the_keyword_as_the_paste_does(tmp_path, capsys):
    """The same messages in a 留痕 export and in a pasted chat log: the same check-ins (one rule, KeywordRule)."""
    from desktop.services.chat_import import run_chat_import

    path = make_ws(tmp_path, "早起打卡")
    day = DAY.isoformat()
    export = tmp_path / "晨光早起营.txt"
    export.write_text(
        f"{day} 06:01:00 张伟\n早起打卡✅ 第12天\n\n"
        f"{day} 06:03:00 李娜\n早啊\n\n"
        f"{day} 06:05:00 王芳\n＃早起打卡\n\n"
        f"{day} 06:06:00 刘洋\n今天起晚了\n\n"
        f"{day} 06:07:00 陈红\n早起 打卡\n\n"
        f"{day} 06:09:00 孙浩\n大家早\n",
        encoding="utf-8",
    )
    database = open_workspace(path)
    try:
        run_chat_import(database, actor_for(database), export, "晨光早起营")
    finally:
        database.dispose()
    imported = rows(path)
    assert imported == {"张伟": (DAY, at("06:01")), "王芳": (DAY, at("06:05")), "陈红": (DAY, at("06:07"))}
    pasted_ws = tmp_path / "pasted"
    pasted_ws.mkdir()
    pasted = make_ws(pasted_ws, "早起打卡")
    checkin(pasted, pasted_ws, capsys, CHAT_LOG)
    assert rows(pasted) == imported


@pytest.mark.parametrize(
    ("text", "hhmm"),
    [
        ("23:59打卡", "23:59"),
        ("晚上12点", "24:00"),  # midnight at the end of the evening: never noon
        ("晚上12:00", "24:00"),
        ("半夜12点", "24:00"),
        ("晚上12点半", "24:30"),  # half past midnight, that evening's
        ("凌晨12点半", "00:30"),
        ("凌晨1点", "01:00"),
        ("0:30", "00:30"),
        ("中午12点", "12:00"),
        ("中午1点", "13:00"),
        ("中午11点半", "11:30"),
        ("下午12:30", "12:30"),
        ("上午12:30", "00:30"),  # a 12-hour phone's half past midnight
        ("上午11:30", "11:30"),
        ("夜里11点", "23:00"),
        ("半夜1点", "01:00"),
        ("晚上1点", "01:00"),
        ("晚上9点", "21:00"),
        ("12点", "12:00"),
        ("12:00pm", "12:00"),
        ("12am", "00:00"),
        ("12:00 AM", "00:00"),
        ("7pm", "19:00"),
        ("25:00", None),
    ],
)
def test_times_of_day_as_people_write_them(text, hhmm):
    entry = next(line for line in parse_chat(f"#接龙\n1. 李娜 {text}\n") if line.kind == "entry")
    assert entry.time == hhmm


def test_a_check_in_at_midnight_lands_at_the_end_of_its_day_not_at_noon(tmp_path, capsys):
    path = make_ws(tmp_path, None)
    text = (
        "#接龙 晚睡打卡\n1. 张伟 晚上12点\n2. 李娜 晚上12:00\n3. 王芳 夜里11点\n4. 刘洋 凌晨12点半\n5. 陈红 深夜12:00\n"
        "6. 孙浩 晚上12点半\n"
    )
    code, out, err = checkin(path, tmp_path, capsys, text)
    assert code == 0, err
    midnight = datetime.combine(DAY + timedelta(days=1), datetime.min.time())
    assert rows(path) == {
        "张伟": (DAY, midnight),
        "李娜": (DAY, midnight),
        "王芳": (DAY, at("23:00")),
        # 凌晨12点半 below 王芳's 夜里11点: the evening chain ran past midnight — the chain's day's check-in, posted at
        # 00:30 the morning after, as 孙浩's 晚上12点半 (it was 00:30 of the chain's day, before 王芳's 23:00)
        "刘洋": (DAY, midnight.replace(minute=30)),
        "陈红": (DAY, midnight),
        "孙浩": (DAY, midnight.replace(minute=30)),
    }


def test_the_window_names_the_keyword_and_lets_a_person_count_the_message(tmp_path):
    from ui.models.checkins_models import countable, ignored_reason_text

    path = make_ws(tmp_path, "早起打卡")
    database = open_workspace(path)
    try:
        with database.session() as s:
            gid = s.scalar(select(Group.id))
            preview = preview_paste(s, gid, DAY, "李娜：早啊\n张伟：早起打卡\n")
    finally:
        database.dispose()
    lina = next(m for m in preview.matches if m.name == "李娜")
    assert "早起打卡" in ignored_reason_text(lina)
    assert countable(lina)  # 早安打卡 in a 早起打卡 group: a person may count it, as a reply (收到) may be counted


TALK = "张伟：明天开始打卡\n李娜：打卡链接在群公告\n王芳：明天开始早起打卡\n刘洋：早起打卡✅ 明天开始打卡新书\n"


@pytest.mark.parametrize("keywords", [None, "早起打卡"])
def test_a_pasted_message_that_only_talks_about_checking_in_is_none_as_in_the_chat_import(tmp_path, capsys, keywords):
    """明天开始打卡 and 打卡链接在群公告 were logged as check-ins by a pasted chat log, never by the chat import."""
    from desktop.services.chat_import import run_chat_import

    path = make_ws(tmp_path, keywords)
    code, out, err = checkin(path, tmp_path, capsys, TALK)
    assert code == 0
    assert set(rows(path)) == {"刘洋"}  # who checks in besides talking of tomorrow
    assert err.count("说的是打卡这件事") == 3
    imported_ws = tmp_path / "imported"
    imported_ws.mkdir()
    imported = make_ws(imported_ws, keywords)
    export = imported_ws / "晨光早起营.txt"
    export.write_text(
        "".join(
            f"{DAY.isoformat()} 06:0{i}:00 {line.split('：')[0]}\n{line.split('：', 1)[1]}\n\n"
            for i, line in enumerate(TALK.splitlines())
        ),
        encoding="utf-8",
    )
    database = open_workspace(imported)
    try:
        run_chat_import(database, actor_for(database), export, "晨光早起营")
    finally:
        database.dispose()
    assert set(rows(imported)) == {"刘洋"}


def _daily_sheet(path, rows: list[list[object]]):
    """A 打卡表 of DAY and the day before, without a title (the month is in its date cells)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", *(datetime.combine(d, datetime.min.time()) for d in (DAY - timedelta(days=1), DAY))])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def import_sheet(path: str, xlsx):
    from desktop.services.checkin_import import run_checkin_import

    database = open_workspace(path)
    try:
        return run_checkin_import(database, actor_for(database), xlsx, "晨光早起营", today=TEST_TODAY)
    finally:
        database.dispose()


def test_the_last_rows_of_a_sheet_with_one_time_each_are_people_not_footers(tmp_path):
    """`李娜 | | 07:30` at the bottom of a 打卡表 read as a footer label (`李娜 07` : `30`): her check-in skipped, and
    a sheet whose every row is a name and one time was all footers."""
    path = make_ws(tmp_path, None)
    xlsx = _daily_sheet(
        tmp_path / "打卡表.xlsx", [["张伟", None, "07:12"], ["李娜", None, "07:30"], ["王芳", None, "7:05"]]
    )
    import_sheet(path, xlsx)
    assert rows(path) == {
        "张伟": (DAY, at("07:12")),
        "李娜": (DAY, at("07:30")),
        "王芳": (DAY, at("07:05")),
    }


def test_a_file_s_evening_twelve_o_clock_is_midnight_never_noon(tmp_path):
    """The table import's times: a submission time `晚上 12:00` was noon of its date; a 打卡表 cell `晚上12:00` was a
    check-in posted at noon. Now the one is the midnight after the date; the other, no time of its day, a problem
    naming the cell."""
    from desktop.io.fields import parse_datetime
    from desktop.services.checkin_import import CheckinImportFailed

    written = f"{DAY.year}/{DAY.month}/{DAY.day}"
    after = datetime.combine(DAY + timedelta(days=1), datetime.min.time())
    assert parse_datetime(f"{written} 晚上 12:00", file="f", row=1, column="A") == after
    assert parse_datetime(f"{written} 晚上 12:30", file="f", row=1, column="A") == after.replace(minute=30)
    assert parse_datetime(f"{written} 下午 12:30", file="f", row=1, column="A") == at("12:30")
    assert parse_datetime(f"{written} 晚上 9:00", file="f", row=1, column="A") == at("21:00")

    path = make_ws(tmp_path, None)
    xlsx = _daily_sheet(tmp_path / "打卡表.xlsx", [["张伟", "✓", "晚上12:00"], ["李娜", "✓", "晚上 9:05"]])
    with pytest.raises(CheckinImportFailed) as failed:
        import_sheet(path, xlsx)
    problems = {(p.row, p.code) for p in failed.value.problems}
    assert (2, "cell_unreadable") in problems
    assert not any(p.row == 3 for p in failed.value.problems)  # 晚上 9:05 reads
    assert rows(path) == {}
