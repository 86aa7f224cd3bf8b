"""A fifth probe of the check-in paste (6 December): what assistants copy out of WeChat and QQ in 2026, logged
headless the way `qundesk checkin --paste` logs it, read back from the database. Each case was wrong before:

* `❌陈红` (crossed out in a ✅/❌ list) was logged as 陈红's check-in;
* `小王2号 补签` was logged as a 补卡 for the 2nd — the 2 of the nickname read as the day made up;
* the `明日预告（12月5日）` sign-ups under today's chain were logged as today's check-ins;
* `小王2号 帮小王1号打卡` logged 小王2号 (a proxy naming a name with a digit was not seen);
* time-only chat stamps across midnight (`张伟 23:58` … `刘洋 00:01`) were all logged on the chosen day, and a
  补卡 posted after midnight kept the wrong posting day;
* a PC WeChat copy (`张伟` / `打卡 5:58`) read `打卡 5:58` as a person 打卡 and lost the time;
* emoji-only nicknames (🍀, 🐱🐱) were unmatched in a chain, `🌟1. 张伟` read `🌟1.` as a person, `④Anna·李` and
  `✅Tom Lee` were lost or ambiguous, `李涛@腾讯` found 李涛 by fuzzy only, and a QQ copy starting with the group's
  `群名(群号)` line dropped a speaker's check-in as noise.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.chat_parse import parse_chat
from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Member, Membership

DAY = date(2026, 12, 4)
JOINED = datetime(2026, 1, 5, 9, 0)
PEOPLE = [
    ("张伟", None, None),
    ("李纳", None, None),
    ("李娜", "Lina", None),
    ("刘洋", None, None),
    ("陈红", None, None),
    ("王建", None, None),
    ("李涛", "Tom Lee", None),
    ("王小军", "小王2号", None),
    ("王晓东", "小王1号", None),
    ("蒋欣", "🍀", None),
    ("姚露", "🐱🐱", None),
    ("许静", "晚风", None),
    ("张三", None, "北京-张三-设计"),
    ("李安娜", "Anna·李", None),
]


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())
    path = str(tmp_path / "w.sqlite")
    database = open_workspace(path)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨光早起营")
        for name, nick, gnick in PEOPLE:
            data = MemberInput(display_name=name, nickname=nick, group_nickname=gnick, joined_at=JOINED)
            add_member(s, owner, gid, data)
        s.commit()
    database.dispose()
    return path


def checkin(ws, tmp_path, capsys, text: str, *extra: str) -> tuple[int, str, str]:
    paste = tmp_path / "paste.txt"
    paste.write_text(text, encoding="utf-8")
    code = main(["--db", ws, "checkin", "--group", "晨光早起营", "--paste", str(paste), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def rows(ws) -> dict[str, tuple[date, bool, datetime | None]]:
    database = open_workspace(ws)
    try:
        with database.session() as s:
            found = s.execute(
                select(Member.display_name, CheckIn.day, CheckIn.late, CheckIn.checked_at)
                .join(Membership, Membership.id == CheckIn.membership_id)
                .join(Member, Member.id == Membership.member_id)
            ).all()
    finally:
        database.dispose()
    return {name: (day, late, at) for name, day, late, at in found}


def test_crossed_out_tomorrows_sign_ups_and_a_digit_in_a_nickname_log_nobody_wrong(ws, tmp_path, capsys):
    text = (
        "#接龙 12月4日 今日打卡\n"
        "🌟1. 张伟 ✅ 5:40\n"
        "🌟2. ❌陈红\n"
        "🌟3. 小王2号 补签\n"
        "🌟4. 小王1号 帮李纳打卡\n"
        "\n"
        "明日预告（12月5日）\n"
        "1. 刘洋 报名\n"
        "2. 王建 报名\n"
    )
    code, out, err = checkin(ws, tmp_path, capsys, text)
    assert code == 0
    got = rows(ws)
    assert set(got) == {"张伟", "王小军"}
    assert got["张伟"] == (DAY, False, datetime(2026, 12, 4, 5, 40))
    assert got["王小军"][:2] == (DAY, True)  # 补签 for the day itself, not for the 2nd
    assert "第3行" in err and "陈红" in err  # crossed out: shown, with who
    assert "第5行" in err and "李纳" in err  # a proxy: a person decides
    assert "第8行" in err and "第9行" in err and "2026-12-05" in err  # tomorrow's sign-ups: another day


def test_emoji_decorated_and_suffixed_names_are_certain_and_guesses_are_never_logged(ws, tmp_path, capsys):
    text = (
        "12月4日早起接龙\n"
        "1. 🍀 6:00\n"
        "2. 🐱🐱 6:01 第5天\n"
        "3. 🐱\n"
        "④Anna·李 6:02\n"
        "5. 李涛@腾讯 6:03\n"
        "6. 晚风徐来 6:04\n"
        "7. 張三 6:05\n"
        "8. 李那 6:06\n"
    )
    code, out, err = checkin(ws, tmp_path, capsys, text)
    assert code == 0
    got = rows(ws)
    assert set(got) == {"蒋欣", "姚露", "李安娜", "李涛"}
    assert got["李涛"][2] == datetime(2026, 12, 4, 6, 3)
    # a renamed member (晚风 → 晚风徐来), traditional 張三 and 李那 (李娜 or 李纳?) are choices, never logged
    for no in (4, 7, 8, 9):
        assert f"第{no}行" in err


def test_a_qq_copy_with_the_group_line_above_is_a_chat_log():
    text = "晨光早起营(123456789)\n2026-12-04\n张伟(45678901) 6:01:10\n打卡\nAnna·李<anna@x.cn> 6:07:00\n打卡\n"
    entries = [(line.name, line.time) for line in parse_chat(text) if line.kind == "entry"]
    assert entries == [("张伟", "06:01"), ("Anna·李", "06:07")]


MIDNIGHT = "张伟 23:58\n今日打卡\n李纳 23:59\n打卡\n刘洋 00:01\n打卡\n陈红 00:05\n补卡 昨天的\n"


def test_time_only_stamps_across_midnight_logged_the_same_day(ws, tmp_path, capsys):
    code, out, err = checkin(ws, tmp_path, capsys, MIDNIGHT)
    assert code == 0
    got = rows(ws)
    assert set(got) == {"刘洋", "陈红"}  # 23:58 and 23:59 were the evening before: another day
    assert got["刘洋"] == (DAY, False, datetime(2026, 12, 4, 0, 1))
    assert got["陈红"] == (date(2026, 12, 3), True, datetime(2026, 12, 4, 0, 5))
    assert "第1行" in err and "2026-12-03" in err


def test_time_only_stamps_across_midnight_logged_for_the_evening_before(ws, tmp_path, capsys):
    code, out, err = checkin(ws, tmp_path, capsys, MIDNIGHT, "--date", "2026-12-03")
    assert code == 0
    got = rows(ws)
    assert set(got) == {"张伟", "李纳", "陈红"}
    assert got["张伟"] == (date(2026, 12, 3), False, datetime(2026, 12, 3, 23, 58))
    # the 补卡 was posted at 00:05 on the 4th, after the day it makes up
    assert got["陈红"] == (date(2026, 12, 3), True, datetime(2026, 12, 4, 0, 5))
    assert "第5行" in err and "2026-12-04" in err  # 刘洋 00:01 is the 4th


def test_a_pc_wechat_copy_with_the_name_above_the_message_is_one_entry_per_person():
    text = "今日打卡\n张伟\n打卡 5:58\n李纳\n早起打卡\n小王2号\n6:03 打卡\n"
    entries = [(line.line_no, line.name, line.time) for line in parse_chat(text) if line.kind == "entry"]
    assert entries == [(2, "张伟", "05:58"), (4, "李纳", None), (6, "小王2号", "06:03")]
    # a list of names, or of `张三 打卡` lines, is no such copy
    names = [line.name for line in parse_chat("张伟\n李纳\n刘洋\n陈红\n") if line.kind == "entry"]
    assert names == ["张伟", "李纳", "刘洋", "陈红"]


@pytest.mark.parametrize(
    ("text", "hhmm"),
    [
        ("六点十分", "06:10"),
        ("六点半", "06:30"),
        ("五点五十分", "05:50"),
        ("六点零五分", "06:05"),
        ("早上六点", "06:00"),
        ("六点起床", "06:00"),
        ("下午三点", "15:00"),
        ("十点睡 六点起", "06:00"),
        # 一点 in everyday words is no time
        ("快一点", None),
        ("晚一点起", None),
        ("读了一点书", None),
        ("一点点", None),
    ],
)
def test_times_in_chinese_numerals(text, hhmm):
    entry = next(line for line in parse_chat(f"#接龙\n1. 李芳 {text}\n") if line.kind == "entry")
    assert entry.time == hhmm
