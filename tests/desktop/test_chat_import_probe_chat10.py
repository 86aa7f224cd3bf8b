"""Chat-history import, probe chat10: the wrong person, the wrong group, the wrong day (PRODUCT §3.8,
docs/chat_formats.md). A quote is the quoted person's words, never the quoter's check-in; a time no one sent a message
at (epoch 0) is refused, never a day in 1970 that swallows later imports; WeChat's placeholder names for accounts it
cannot name (微信用户, 未知用户) are nobody's name. Through the real import path (plan, import, read back from a real
SQLite workspace); uses the roster and helpers of test_chat_import_rules (facts dated in November 2026, the roster's
'today' pinned by its fixture)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.cli import main
from desktop.errors import ValidationError
from desktop.io.fields import ImportProblem
from desktop.services.chat_import import other_group_message, run_chat_import
from desktop.services.groups import create_group, group_id_by_name
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import _checkins, _import, _liuhen, _messages, _row, _write

in_china = rules.in_china  # the same fixtures: the organiser's PC in China, the rules' roster
ws = rules.ws


# ---------------------------------------------------------------- a quote is not the quoter's check-in

DIVIDER = "- - - - - - - - - - - - - - -"


@pytest.mark.parametrize(
    "text",
    [
        f"跃跃：打卡 第5天\n{DIVIDER}\n厉害",  # a phone's copy of a reply, sent as a message
        f"跃跃: 打卡\n5公里\n{DIVIDER}\n好棒",  # the quoted message ran over two lines
        "> 跃跃: 打卡\n好棒",  # e-mail style
        "＞跃跃：打卡\n好棒",  # a Chinese keyboard's ＞
        "> 打卡\n哈哈同意",
    ],
)
def test_a_quoted_check_in_is_not_the_quoters(ws, tmp_path, text):
    """钱坤 quotes 李跃's 打卡 and answers 厉害: that was read as 钱坤's check-in (only the 「…」 form was cut)."""
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", text)])
    _import(ws, path)
    assert _checkins(ws) == set()
    assert _messages(ws) == {("钱坤", "2026-11-05"): 1}  # 钱坤 spoke


@pytest.mark.parametrize(
    "text",
    [
        ">_< 打卡啦",  # an emoticon, not a quote
        f"今日打卡：5公里\n{DIVIDER}\n配速6分",  # the member's own report with a divider of their own
        "打卡第5天\n> 跃跃: 加油",  # own check-in above a quoted line
        f"跃跃：加油\n{DIVIDER}\n打卡✅",  # quotes a cheer, checks in below it
    ],
)
def test_own_words_beside_a_quote_still_check_in(ws, tmp_path, text):
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", text)])
    _import(ws, path)
    assert _checkins(ws) == {("钱坤", "2026-11-05", "06:12")}


def test_a_weflow_txt_with_quotes_pats_and_recalls(ws, tmp_path):
    """WeFlow TXT (names only, notices told by their text): a reply's [引用 …], a `> ` quote, a pat whose suffix says
    打卡 (under the group's name and under the exporter's), a recall — only 芳芳's own 打卡 is a check-in."""
    body = (
        "2026-11-05 06:10:00 '芳芳'\n打卡\n\n"
        '2026-11-05 06:11:00 \'晨光\'\n"芳芳" 拍了拍 "跃跃" 的打卡本\n\n'
        '2026-11-05 06:12:00 \'晨跑俱乐部\'\n"芳芳" 拍了拍 "跃跃" 说今天要打卡\n\n'
        "2026-11-05 06:13:00 '晨光'\n\"磊子\" 撤回了一条消息\n\n"
        "2026-11-05 06:14:00 '磊子'\n好的[引用 芳芳：打卡]\n\n"
        "2026-11-05 06:15:00 '坤哥'\n> 芳芳: 打卡\n赞\n\n"
        "2026-11-05 06:16:00 '坤哥'\n[转发的聊天记录]群聊的聊天记录\n芳芳: 打卡\n\n"
    )
    _import(ws, _write(tmp_path, "晨跑俱乐部.txt", body))
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:10")}
    assert _messages(ws) == {("王芳", "2026-11-05"): 1, ("陈磊", "2026-11-05"): 1, ("钱坤", "2026-11-05"): 2}


# ---------------------------------------------------------------- the wrong day


def _chatlab(tmp_path, messages, name="晨跑俱乐部.json"):
    data = {
        "chatlab": {"version": "0.0.2", "exportedAt": 1764547200, "generator": "WeFlow"},
        "meta": {"name": rules.GROUP, "platform": "wechat", "type": "group", "groupId": rules.CHATROOM},
        "members": [],
        "messages": messages,
    }
    return _write(tmp_path, name, json.dumps(data, ensure_ascii=False, indent=2))


def _stamp(at: str) -> int:
    return int(datetime.fromisoformat(at).replace(tzinfo=ZoneInfo("Asia/Shanghai")).timestamp())


def _said(sender: str, name: str, stamp: int, text: str = "打卡") -> dict:
    return {"sender": sender, "accountName": name, "timestamp": stamp, "type": 0, "content": text}


def test_the_last_second_and_the_first_are_two_days_in_seconds_and_milliseconds(ws, tmp_path):
    """23:59:59 in seconds is the 5th, 00:00:00 in milliseconds the 6th (the community's zone)."""
    path = _chatlab(
        tmp_path,
        [
            _said("wxid_g7h8i9", "芳芳", _stamp("2026-11-05 23:59:59")),
            _said("wxid_d4e5f6", "跃跃", _stamp("2026-11-06 00:00:00") * 1000),
            _said("wxid_d4e5f6", "跃跃", _stamp("2026-11-06 23:59:59") * 1000 + 999),
        ],
    )
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-11-05", "23:59"), ("李跃", "2026-11-06", "00:00")}
    assert _messages(ws) == {("王芳", "2026-11-05"): 1, ("李跃", "2026-11-06"): 2}


def test_a_message_whose_time_was_lost_is_refused_naming_it(ws, tmp_path):
    """A `timestamp` of 0 was read as 1 January 1970, 08:00: a message of 李跃 on that day (a check-in "not a member
    yet") — and the import's span ran from 1970, so a later export of the group's 1–4 November was skipped whole as
    "counted before". Now the file is refused, naming the message; nothing is written."""
    path = _chatlab(
        tmp_path,
        [
            _said("wxid_g7h8i9", "芳芳", _stamp("2026-11-05 06:10:00")),
            _said("wxid_d4e5f6", "跃跃", 0),
            _said("wxid_d4e5f6", "跃跃", _stamp("2026-11-07 07:00:00")),
        ],
    )
    with pytest.raises(ImportProblem, match="message 2 is dated 1970-01-01") as caught:
        _import(ws, path)
    assert caught.value.row == 2 and caught.value.file == path.name
    assert _messages(ws) == {} and _checkins(ws) == set()
    # the same days exported again, whole, then an earlier export: each counted once, none skipped
    _import(ws, _chatlab(tmp_path, [_said("wxid_g7h8i9", "芳芳", _stamp("2026-11-05 06:10:00"))], "again.json"))
    earlier = _liuhen(tmp_path, [_row("2026-11-03 06:00:00", "李跃", "打卡")])
    _import(ws, earlier)
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:10"), ("李跃", "2026-11-03", "06:00")}


# ---------------------------------------------------------------- the wrong person


def test_wechats_placeholder_name_is_nobodys(ws, tmp_path, monkeypatch):
    """`微信用户` is what WeChat shows for an account it cannot name (deactivated …). A member whose nickname on the
    roster was taken down as 微信用户 was credited with every such sender's messages and 打卡 — in a TXT export,
    several people. Now the name matches no one: an unknown sender, for the user to link."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-10-31")
    with ws.session() as s:
        gid = group_id_by_name(s, rules.GROUP)
        add_member(s, actor_for(ws), gid, MemberInput(display_name="赵雪", nickname="微信用户", status="active"))
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    body = (
        "2026-11-05 06:10:00 微信用户\n打卡\n\n2026-11-05 06:11:00 微信用户\n打卡\n\n2026-11-05 06:13:00 芳芳\n打卡\n\n"
    )
    path = _write(tmp_path, "晨跑俱乐部.txt", body)
    plan = rules._plan(ws, path)
    [unknown] = [s for s in plan.senders if s.status != "known"]
    assert (unknown.names, unknown.status, unknown.messages) == (("微信用户",), "unknown", 2)
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:13")}


def test_adding_unknown_senders_never_makes_one_member_of_wechats_placeholder(ws, tmp_path):
    """--add-unknown made a member called 微信用户 (and one called 未知用户) out of an ID-less export's rows — everyone
    WeChat could not name, as one person with their check-ins. Now they are not added, and the plan says why; a
    sender with an ID under that name is one account, added as the others are."""
    body = (
        "2026-11-05 06:10:00 微信用户\n打卡\n\n"
        "2026-11-05 06:11:00 未知用户\n打卡\n\n"
        "2026-11-05 06:12:00 老刘\n打卡\n\n"
        "2026-11-05 06:13:00 芳芳\n打卡\n\n"
    )
    path = _write(tmp_path, "晨跑俱乐部.txt", body)
    plan = rules._plan(ws, path, add_unknown=True)
    assert {s.shown: s.status for s in plan.senders} == {
        "芳芳": "known",
        "老刘": "new",
        "微信用户": "unknown",
        "未知用户": "unknown",
    }
    assert sum("微信用户" in note and "several people" in note for note in plan.unresolved_events) == 1
    _import(ws, path, add_unknown=True)
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:13"), ("老刘", "2026-11-05", "06:12")}
    with_ids = _liuhen(tmp_path, [("2026-11-06 06:10:00", 1, "打卡", "微信用户", "wxid_gone77")])
    _import(ws, with_ids, add_unknown=True)
    assert ("微信用户", "2026-11-06", "06:10") in _checkins(ws)


# ---------------------------------------------------------------- the wrong group


def _private_with_wang_fang(tmp_path, notice: tuple = ()):
    """留痕 CSV of the organiser's (周晓晨, 晨光) private chat with 王芳: for a private chat 留痕 writes the friend's
    wxid on every row not sent by the exporter, notices too (exporter_csv.py: `is_chatroom` false) — a group's notices
    carry no sender (ContactDefault(''))."""
    rows = [
        ("2026-11-05 06:10:00", 1, "打卡 第5天", "芳芳", "wxid_g7h8i9"),
        ("2026-11-05 06:11:00", 1, "👍 明天见", "晨光", "wxid_a1b2c3", 1),
        ("2026-11-06 06:05:00", 1, "今天打卡", "芳芳", "wxid_g7h8i9"),
        *notice,
    ]
    return _liuhen(tmp_path, rows, name="芳芳_utf8.csv")


def test_a_liuhen_csv_of_a_private_chat_with_a_member_is_asked_about(ws, tmp_path, capsys):
    """The organiser picked 芳芳's folder instead of the group's: 留痕's CSV names no group, everyone in it is on the
    roster — it was imported as the group's chat, 王芳's private 打卡 logged as her check-ins of the 5th and 6th.
    Now the plan says it looks like a private chat with 芳芳 and nothing is written unless confirmed
    (--other-group; the window asks)."""
    path = _private_with_wang_fang(
        tmp_path, (("2026-11-05 06:12:00", 10000, '"芳芳" 拍了拍我', "芳芳", "wxid_g7h8i9"),)
    )
    plan = rules._plan(ws, path)
    assert plan.group_mismatch and plan.private_with == "芳芳"
    assert "private chat with 芳芳" in other_group_message(plan)
    with pytest.raises(ValidationError, match="private chat with 芳芳"):
        _import(ws, path)
    assert _checkins(ws) == set() and _messages(ws) == {}
    db = str(ws.engine.url.database)
    assert main(["--db", db, "import", "chat", str(path), "--group", rules.GROUP]) == 1
    assert "private chat with 芳芳" in capsys.readouterr().err
    assert _checkins(ws) == set()
    _import(ws, path, other_group=True)  # the user says it is this group's after all
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:10"), ("王芳", "2026-11-06", "06:05")}


def test_a_groups_csv_where_one_member_spoke_is_not_a_private_chat(ws, tmp_path):
    """The group's export with one of the group's notices (no sender) where only the organiser and 王芳 spoke: a
    group's chat, imported as it is; so is an export of one quiet day (two people talking in the group)."""
    join = ("2026-11-05 09:00:00", 10000, '"晨光"邀请"小敏"加入了群聊', "", "")
    path = _private_with_wang_fang(tmp_path, (join,))
    plan = rules._plan(ws, path)
    assert not plan.group_mismatch and plan.private_with is None
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:10"), ("王芳", "2026-11-06", "06:05")}
    one_day = _liuhen(
        tmp_path,
        [_row("2026-11-09 06:10:00", "王芳", "打卡"), ("2026-11-09 06:11:00", 1, "👍", "晨光", "wxid_a1b2c3", 1)],
        name="晨跑俱乐部_utf8.csv",
    )
    assert not rules._plan(ws, one_day).group_mismatch


def test_the_chatrooms_own_rows_in_a_chatlab_file_without_its_group_id_are_nobodys(ws, tmp_path):
    """WeFlow writes a pat as type 7 (LINK) under the chatroom's id. `meta.groupId` is optional in the standard: a file
    without it made `48392017563@chatroom` a sender called 晨跑俱乐部 (a message of the group, and with --add-unknown
    a member named like the group). A `…@chatroom` sender is the group: its rows are notices."""
    room = {"sender": rules.CHATROOM, "accountName": rules.GROUP}
    data = {
        "chatlab": {"version": "0.0.2", "exportedAt": 1764547200, "generator": "WeFlow"},
        "meta": {"name": rules.GROUP, "platform": "wechat", "type": "group"},
        "members": [{"platformId": rules.CHATROOM, "accountName": rules.GROUP}],
        "messages": [
            _said("wxid_g7h8i9", "芳芳", _stamp("2026-11-05 06:10:00")),
            {**room, "timestamp": _stamp("2026-11-05 06:11:00"), "type": 7, "content": '"芳芳" 拍了拍 "跃跃" 说打卡'},
            {**room, "timestamp": _stamp("2026-11-05 06:12:00"), "type": 80, "content": '"磊子" 撤回了一条消息'},
        ],
    }
    path = _write(tmp_path, "晨跑俱乐部.json", json.dumps(data, ensure_ascii=False))
    plan = rules._plan(ws, path, add_unknown=True)
    assert [s.display_name for s in plan.senders] == ["王芳"] and plan.system_rows == 2
    _import(ws, path, add_unknown=True)
    assert _messages(ws) == {("王芳", "2026-11-05"): 1} and _checkins(ws) == {("王芳", "2026-11-05", "06:10")}


def test_the_same_csv_saved_again_by_excel_counts_nothing_twice(ws, tmp_path):
    """The organiser imports 留痕's CSV, later opens it in Excel and saves it (GBK, StrTime `2026/11/5 6:15`, seconds
    gone) and imports that copy: 王芳's first message (06:15:33, now 06:15) fell a few seconds before the first
    import's span and was counted again (2 messages on the 5th). Now a span starts at its whole minute."""
    original = _liuhen(
        tmp_path,
        [
            _row("2026-11-05 06:15:33", "王芳", "打卡"),
            _row("2026-11-05 07:10:00", "李跃", "打卡"),
            _row("2026-11-06 21:59:59", "李跃", "晚安"),
        ],
    )
    _import(ws, original)
    counted = {("王芳", "2026-11-05"): 1, ("李跃", "2026-11-05"): 1, ("李跃", "2026-11-06"): 1}
    assert _messages(ws) == counted
    records = list(csv.reader(io.StringIO(original.read_text(encoding="utf-8-sig"))))
    for record in records[1:]:
        at = datetime.fromisoformat(record[8])
        record[8] = f"{at.year}/{at.month}/{at.day} {at.hour}:{at.minute:02d}"
    buf = io.StringIO(newline="")
    csv.writer(buf).writerows(records)
    resaved = _write(tmp_path, "晨跑俱乐部_utf8 (Excel).csv", buf.getvalue(), encoding="gb18030")
    plan = rules._plan(ws, resaved)
    assert (plan.covered_rows, plan.rows) == (3, 3)
    _import(ws, resaved)
    assert _messages(ws) == counted
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:15"), ("李跃", "2026-11-05", "07:10")}


# ---------------------------------------------------------------- QQ's clock as the PC's locale writes it


def test_a_qq_export_with_shang_wu_and_xia_wu_reads_every_message(ws, tmp_path):
    """A PC whose locale writes Windows' 上午/下午 (`2026-11-05 下午 6:10:00 王芳(283746503)`): no such line was read as
    a message's start — the first ones were dropped without a word (李跃's and 王芳's), a later one was read as the
    message above's text (王芳's 打卡 inside 钱坤's). Now 上午/下午 before or after the time is read like AM/PM."""
    body = (
        "2026-11-05 上午 6:10:00 李跃(283746502)\n早\n\n"
        "2026-11-05 下午 6:10:00 王芳(283746503)\n打卡\n\n"
        "2026-11-05 12:01:00 AM 钱坤(283746505)\n早上好\n\n"
        "2026-11-05 下午 12:30:00 陈磊(283746504)\n打卡\n\n"
        "2026-11-05 11:58:00 下午 李跃(283746502)\n打卡\n\n"
        "2026-11-06 上午 12:05:00 王芳(283746503)\n打卡\n\n"
    )
    _import(ws, rules._qq(tmp_path, rules.GROUP, body))
    assert _checkins(ws) == {
        ("王芳", "2026-11-05", "18:10"),
        ("陈磊", "2026-11-05", "12:30"),
        ("李跃", "2026-11-05", "23:58"),
        ("王芳", "2026-11-06", "00:05"),
    }
    assert _messages(ws)[("李跃", "2026-11-05")] == 2 and _messages(ws)[("钱坤", "2026-11-05")] == 1


@pytest.mark.parametrize(
    ("header", "line"),
    [("2026/11/05 6:12:00 王芳(283746503)", 12), ("2026-11-05 晚上 9:12:00 王芳(283746503)", 12)],
)
def test_a_qq_message_start_whose_time_cannot_be_read_is_refused_naming_the_line(ws, tmp_path, header, line):
    """Read as the text of 钱坤's message above, 王芳's 打卡 was 钱坤's check-in. Now refused, naming the line."""
    body = f"2026-11-05 6:01:00 钱坤(283746505)\n早上好\n\n{header}\n打卡\n\n"
    path = rules._qq(tmp_path, rules.GROUP, body)
    with pytest.raises(ImportProblem, match=f"line {line} starts like a message") as caught:
        _import(ws, path)
    assert caught.value.row == line
    assert _checkins(ws) == set() and _messages(ws) == {}


def test_the_other_cohorts_export_is_asked_about(ws, tmp_path):
    """Two cohorts: 21天写作营3期 and 4期. 3期's export into 4期 is asked about (the digit is part of the name)."""
    with ws.session() as s:
        owner = actor_for(ws)
        for name in ("21天写作营3期", "21天写作营4期"):
            create_group(s, owner, name)
        s.commit()
    messages = [_said("wxid_g7h8i9", "芳芳", _stamp("2026-11-05 06:10:00"))]
    path = _chatlab(tmp_path, messages, "21天写作营3期.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meta"] = {"name": "21天写作营3期", "platform": "wechat", "type": "group"}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="21天写作营3期"):
        run_chat_import(ws, actor_for(ws), path, "21天写作营4期")
    plan, _summary, _created = run_chat_import(ws, actor_for(ws), path, "21天写作营3期", dry_run=True)
    assert not plan.group_mismatch


def test_qqs_anonymous_posters_are_nobody(ws, tmp_path):
    """QQ's anonymous chat writes every anonymous message under (80000000) with a name drawn at random — here 坤哥, a
    member's nickname. Read as a sender ID, all anonymous posters were one sender, and --add-unknown one member; by
    the name, 钱坤 got an anonymous 打卡. Now they are 匿名: nobody's, never added, listed as a sender to decide."""
    body = (
        "2026-11-05 6:10:00 坤哥(80000000)\n打卡\n\n"
        "2026-11-05 6:11:00 疯狂的蜗牛(80000000)\n打卡\n\n"
        "2026-11-05 6:12:00 王芳(283746503)\n打卡\n\n"
    )
    path = rules._qq(tmp_path, rules.GROUP, body)
    plan = rules._plan(ws, path, add_unknown=True)
    assert {(s.shown, s.status, s.messages) for s in plan.senders} == {("王芳", "known", 1), ("匿名", "unknown", 2)}
    _import(ws, path, add_unknown=True)
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:12")}
    assert _messages(ws) == {("王芳", "2026-11-05"): 1}
