"""Chat-history import: the rules a record depends on, each with the smallest export that shows it (PRODUCT §3.8,
docs/chat_formats.md). A record never names the wrong person, group or day; every message ends in an outcome the
preview shows; when unsure the import asks (an unknown sender, a warning) instead of guessing."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select, update

from desktop.cli import main
from desktop.errors import ValidationError
from desktop.io import chat_exports
from desktop.services.chat_import import plan_chat_import, run_chat_import
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import ChatActivity, CheckIn, EntryStep, Group, Member, Membership

GROUP = "晨跑俱乐部"
CHATROOM = "48392017563@chatroom"
# name, nickname, WeChat ID, QQ, status
ROSTER = [
    ("周晓晨", "晨光", "wxid_a1b2c3", None, "active"),
    ("王芳", "芳芳", "wxid_g7h8i9", "283746503", "active"),
    ("李跃", "跃跃", "wxid_d4e5f6", "283746502", "active"),
    ("陈磊", "磊子", "chenlei_run88", "283746504", "active"),
    ("刘洋", "阳光", "wxid_liuyang", None, "active"),
    ("孙阳", "阳光", "wxid_sunyang", None, "active"),
    ("钱坤", "坤哥", "wxid_y7z8a9", None, "active"),
    ("张敏", "小敏", None, None, "applicant"),
]


@pytest.fixture(autouse=True)
def in_china(monkeypatch):
    """The organiser's PC is in China (epoch times are shown in the machine's zone: pinned here)."""
    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", chat_exports.local_zone("Asia/Shanghai"))


@pytest.fixture
def ws(tmp_path, monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-10-31")  # the roster exists before November's chat
    database = open_workspace(tmp_path / "w.sqlite")
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, GROUP)
        s.execute(update(EntryStep).where(EntryStep.group_id == gid).values(required=False))
        create_group(s, owner, "夜跑群")
        for name, nick, wxid, qq, status in ROSTER:
            add_member(
                s, owner, gid, MemberInput(display_name=name, nickname=nick, wechat_id=wxid, qq=qq, status=status)
            )
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    yield database
    database.dispose()


def _write(tmp_path: Path, name: str, text: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def _liuhen(tmp_path: Path, rows, name: str = "chat_utf8.csv", encoding: str = "utf-8-sig") -> Path:
    """留痕 CSV rows: (time, type, content, nickname, sender wxid[, is sender])."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(chat_exports._LIUHEN_CSV_HEADER)
    for i, (at, type_, content, nick, sender, *own) in enumerate(rows):
        stamp = int(datetime.fromisoformat(at).replace(tzinfo=timezone(timedelta(hours=8))).timestamp())
        writer.writerow([5000 + i, 27, type_, 0, own[0] if own else 0, stamp, 3, content, at, nick, nick, sender])
    return _write(tmp_path, name, buf.getvalue(), encoding)


def _row(at: str, who: str, text: str):
    _name, nick, wxid, _qq, _status = next(r for r in ROSTER if r[0] == who)
    return (at, 1, text, nick, wxid)


def _qq(tmp_path: Path, group: str, body: str, name: str = "qq.txt") -> Path:
    rule = "=" * 64
    head = f"消息记录（此消息记录为文本格式，不支持重新导入）\n\n{rule}\n消息分组:我的群聊\n{rule}\n消息对象:{group}\n{rule}\n\n"
    return _write(tmp_path, name, "\ufeff" + head + body)


def _plan(ws, path: Path, **kwargs):
    with ws.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == GROUP))
        return plan_chat_import(s, gid, path, **kwargs)


def _import(ws, path: Path, **kwargs):
    return run_chat_import(ws, actor_for(ws), path, GROUP, **kwargs)


def _checkins(ws, group: str = GROUP) -> set[tuple[str, str, str]]:
    with ws.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.checked_at)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .join(Group, Group.id == Membership.group_id)
            .where(Group.name == group)
        ).all()
    return {(name, day.isoformat(), at.strftime("%H:%M")) for name, day, at in rows}


def _messages(ws, group: str = GROUP) -> dict[tuple[str, str], int]:
    with ws.session() as s:
        rows = s.execute(
            select(Member.display_name, ChatActivity.day, ChatActivity.messages)
            .join(Membership, Membership.id == ChatActivity.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .join(Group, Group.id == ChatActivity.group_id)
            .where(Group.name == group)
        ).all()
    return {(name, day.isoformat()): n for name, day, n in rows}


def _membership(ws, name: str) -> Membership:
    with ws.session() as s:
        ms = s.scalar(
            select(Membership).join(Member, Member.id == Membership.member_id).where(Member.display_name == name)
        )
        s.expunge(ms)
        return ms


# ---------------------------------------------------------------- senders


def test_another_account_with_a_members_nickname_is_an_unknown_sender(ws, tmp_path):
    """王芳's WeChat ID is wxid_g7h8i9: wxid_stranger99, also called 芳芳, is not her — the user decides."""
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-05 06:10:00", 1, "早安打卡 第5天", "芳芳", "wxid_g7h8i9"),
            ("2026-11-06 06:30:00", 1, "打卡 第一次来跑", "芳芳", "wxid_stranger99"),
            ("2026-11-06 07:00:00", 1, "请问集合地点在哪", "芳芳", "wxid_stranger99"),
        ],
    )
    plan = _plan(ws, path)
    [stranger] = plan.unknown
    assert stranger.sender_id == "wxid_stranger99" and stranger.messages == 2 and stranger.how == "other_id"
    assert [name for _ms, name in stranger.candidates] == ["王芳"]  # offered as a choice, never taken
    _import(ws, path)
    assert _messages(ws) == {("王芳", "2026-11-05"): 1}
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:10")}
    # the user says it is her after all: remembered, counted
    plan = _plan(ws, path, decisions={"id:wxid_stranger99": ("link", stranger.candidates[0][0])})
    assert not plan.unknown and plan.messages_known == 2


def test_a_qq_number_is_not_compared_with_a_wechat_id(ws, tmp_path):
    """周晓晨 has a WeChat ID but no QQ number on the roster: her QQ account is matched by name, not an impostor."""
    path = _qq(tmp_path, GROUP, "2026-11-05 06:15:20 晨光(123456789)\n早安打卡\n\n")
    plan = _plan(ws, path)
    assert not plan.unknown and [c.display_name for c in plan.checkins] == ["周晓晨"]


# ---------------------------------------------------------------- the group


def test_an_export_of_another_group_is_refused_unless_confirmed(ws, tmp_path, capsys):
    path = _qq(tmp_path, "夜跑群", "2026-11-05 21:10:00 王芳(283746503)\n夜跑打卡 5公里\n\n", name="night.txt")
    plan = _plan(ws, path)
    assert plan.group_mismatch and plan.export_group == "夜跑群"
    with pytest.raises(ValidationError, match="夜跑群"):
        _import(ws, path)
    assert _messages(ws) == {}
    # the CLI refuses too, and says how to go on
    db = str(ws.engine.url.database)
    assert main(["--db", db, "import", "chat", str(path), "--group", GROUP]) == 1
    assert "--other-group" in capsys.readouterr().err
    assert main(["--db", db, "import", "chat", str(path), "--group", GROUP, "--dry-run"]) == 0
    assert "夜跑群" in capsys.readouterr().err and _messages(ws) == {}
    # confirmed: imported, and the name is remembered as this group's (a renamed group is asked about once)
    assert main(["--db", db, "import", "chat", str(path), "--group", GROUP, "--other-group"]) == 0
    assert _messages(ws) == {("王芳", "2026-11-05"): 1}
    assert not _plan(ws, path).group_mismatch


def test_the_same_group_name_spelled_differently_is_not_another_group(ws, tmp_path):
    path = _qq(tmp_path, " 晨跑俱乐部🏃 ", "2026-11-05 21:10:00 王芳(283746503)\n夜跑打卡\n\n")
    assert not _plan(ws, path).group_mismatch


# ---------------------------------------------------------------- 接龙


def test_a_chain_is_for_the_day_its_title_names_even_reposted_after_midnight(ws, tmp_path):
    path = _liuhen(
        tmp_path,
        [
            _row("2026-11-05 06:00:00", "王芳", "#接龙 11月5日晨跑打卡\n\n1. 王芳"),
            _row("2026-11-05 07:00:00", "李跃", "#接龙 11月5日晨跑打卡\n\n1. 王芳\n2. 李跃"),
            _row("2026-11-06 00:10:00", "陈磊", "#接龙 11月5日晨跑打卡\n\n1. 王芳\n2. 李跃\n3. 陈磊 昨晚忘了"),
        ],
    )
    plan = _plan(ws, path)
    assert {(c.display_name, c.day) for c in plan.checkins} == {
        ("王芳", date(2026, 11, 5)),
        ("李跃", date(2026, 11, 5)),
        ("陈磊", date(2026, 11, 5)),
    }


def test_a_chain_title_date_far_from_the_post_is_not_its_day(ws, tmp_path):
    """`3.5期` is no date near the post: the chain is for the day it was posted."""
    path = _liuhen(tmp_path, [_row("2026-11-05 07:00:00", "周晓晨", "#接龙 第3.5期打卡\n\n1. 王芳")])
    assert [(c.display_name, c.day) for c in _plan(ws, path).checkins] == [("王芳", date(2026, 11, 5))]


def test_a_chain_with_a_fullwidth_hash_is_a_chain(ws, tmp_path):
    path = _liuhen(
        tmp_path,
        [
            _row(
                "2026-11-05 07:30:00", "周晓晨", "＃接龙 11月5日晨跑打卡\n\n1. 王芳 5公里\n2. 李跃 3公里\n3. 陈磊 4公里"
            )
        ],
    )
    plan = _plan(ws, path)
    assert sorted(c.display_name for c in plan.checkins) == ["李跃", "王芳", "陈磊"]  # not the poster
    assert {c.source for c in plan.checkins} == {"chain"}


def test_two_chains_on_one_day_both_count(ws, tmp_path):
    path = _liuhen(
        tmp_path,
        [
            _row("2026-11-05 06:00:00", "王芳", "#接龙 晨跑打卡\n\n1. 王芳\n2. 李跃"),
            _row("2026-11-05 21:00:00", "陈磊", "#接龙 夜跑打卡\n\n1. 陈磊"),
        ],
    )
    assert sorted(c.display_name for c in _plan(ws, path).checkins) == ["李跃", "王芳", "陈磊"]


def test_the_first_entry_of_an_unnumbered_chain_counts(ws, tmp_path):
    path = _liuhen(tmp_path, [_row("2026-11-05 07:00:00", "周晓晨", "#接龙 11月5日晨跑打卡\n王芳\n李跃\n陈磊")])
    assert sorted(c.display_name for c in _plan(ws, path).checkins) == ["李跃", "王芳", "陈磊"]


def test_a_quoted_check_in_is_nobodys(ws, tmp_path):
    """WeChat's copy of a reply: 「王芳：早安打卡」 over a - - - line, then 陈磊's own words."""
    path = _liuhen(
        tmp_path,
        [
            _row("2026-11-05 06:10:00", "王芳", "早安打卡 第5天"),
            _row("2026-11-05 08:00:00", "陈磊", "「王芳：早安打卡 第5天」\n- - - - - - - - - - - - - - -\n厉害！"),
            _row("2026-11-05 08:30:00", "李跃", "「王芳：早安」\n- - - - - - - - - -\n我也打卡了"),
        ],
    )
    assert sorted(c.display_name for c in _plan(ws, path).checkins) == ["李跃", "王芳"]


def test_a_reminder_to_check_in_is_not_a_check_in(ws, tmp_path):
    """The organiser's 今天还没打卡的同学抓紧 and a 记得打卡哦 hold the keyword and check in nobody; a make-up
    that mentions forgetting (昨天忘了打卡 今天补上) still counts."""
    path = _liuhen(
        tmp_path,
        [
            _row("2026-11-05 06:10:00", "王芳", "早安打卡 第5天"),
            _row("2026-11-05 20:00:00", "陈磊", "今天还没打卡的同学抓紧哦"),
            _row("2026-11-05 20:05:00", "李跃", "记得打卡哦"),
            _row("2026-11-06 07:00:00", "李跃", "昨天忘了打卡 今天补上 打卡✅"),
        ],
    )
    got = sorted((c.display_name, c.day.isoformat()) for c in _plan(ws, path).checkins)
    assert got == [("李跃", "2026-11-06"), ("王芳", "2026-11-05")]


def test_leave_refusals_announcements_and_make_ups(ws, tmp_path):
    """请假一天，明天补打卡 / 今天不打卡了 / the owner's 今日打卡已结束 check in nobody; 补打卡昨天的 posted on the 2nd
    is a make-up (补卡) for the 1st."""
    path = _liuhen(
        tmp_path,
        [
            _row("2026-11-02 06:10:00", "陈磊", "请假一天，明天补打卡"),
            _row("2026-11-02 06:20:00", "刘洋", "今天不打卡了，脚崴了"),
            _row("2026-11-02 21:00:00", "周晓晨", "今日打卡已结束，已统计：王芳"),
            _row("2026-11-02 07:00:00", "王芳", "早安打卡"),
            _row("2026-11-02 08:00:00", "李跃", "昨天忘了，补打卡昨天的"),
        ],
    )
    got = sorted((c.display_name, c.day.isoformat(), c.late) for c in _plan(ws, path).checkins)
    assert got == [("李跃", "2026-11-01", True), ("王芳", "2026-11-02", False)]


def test_a_make_up_of_several_days_makes_up_each(ws, tmp_path):
    """`补打卡 昨天和今天` / `补打卡 1号2号` (probe paste15): only the first day was logged, the others lost without a word."""
    path = _liuhen(
        tmp_path,
        [
            _row("2026-11-03 08:00:00", "李跃", "补打卡 昨天和今天"),
            _row("2026-11-03 09:00:00", "王芳", "补打卡 1号2号"),
        ],
    )
    got = sorted((c.display_name, c.day.isoformat(), c.late) for c in _plan(ws, path).checkins)
    assert got == [
        ("李跃", "2026-11-02", True),
        ("李跃", "2026-11-03", False),
        ("王芳", "2026-11-01", True),
        ("王芳", "2026-11-02", True),
    ]


def test_a_member_removed_earlier_in_the_export_checks_in_no_more(ws, tmp_path):
    """坤哥 is removed on the 16th (by the owner, who exported); a 接龙 of the 20th naming him logs nothing for him."""
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-16 09:00:00", 1, "大家好", "晨光", "wxid_a1b2c3", 1),
            ("2026-11-16 09:05:00", 10000, '你将"坤哥"移出了群聊', "", ""),
            _row("2026-11-20 06:00:00", "王芳", "#接龙 11月20日晨跑打卡\n\n1. 芳芳\n2. 坤哥"),
        ],
    )
    plan = _plan(ws, path)
    assert [c.display_name for c in plan.checkins] == ["王芳"]
    _import(ws, path)
    assert {(name, day) for name, day, _src in _checkins(ws)} == {("王芳", "2026-11-20")}


# ---------------------------------------------------------------- replies


def _pywxdump(tmp_path: Path) -> Path:
    rows = [
        ["id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime"],
        [1, "9001", "文本", 0, "wxid_a1b2c3", CHATROOM, "今天谁跑了？", "", "2026-11-07 06:00:00"],
        [2, "9002", "引用回复", 0, "wxid_g7h8i9", CHATROOM, "打卡✅ 5公里\n\n[引用](2026-11-07 06:00:00)晨光:今天谁跑了？", "",
         "2026-11-07 06:40:00"],
        [3, "9003", "文本", 0, "wxid_d4e5f6", CHATROOM, "打卡 3公里", "", "2026-11-07 06:50:00"],
        [4, "9004", "引用回复", 0, "chenlei_run88", CHATROOM, "加油\n\n[引用](2026-11-07 06:50:00)跃跃:打卡 3公里", "",
         "2026-11-07 07:00:00"],
    ]  # fmt: skip
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return _write(tmp_path, f"{CHATROOM}_0_5.csv", buf.getvalue())


def _chatlab(tmp_path: Path) -> Path:
    def at(text: str) -> int:
        return int(datetime.fromisoformat(text + "+08:00").timestamp())

    messages = [
        ("wxid_a1b2c3", "晨光", "2026-11-07 06:00:00", 0, "今天谁跑了？"),
        ("wxid_g7h8i9", "芳芳", "2026-11-07 06:40:00", 25, "打卡✅ 5公里"),
        ("wxid_d4e5f6", "跃跃", "2026-11-07 06:50:00", 0, "打卡 3公里"),
        ("chenlei_run88", "磊子", "2026-11-07 07:00:00", 25, "加油"),
    ]
    data = {
        "chatlab": {"version": "0.0.2", "exportedAt": 0},
        "meta": {"name": GROUP, "platform": "wechat", "type": "group", "groupId": CHATROOM},
        "members": [{"platformId": w, "accountName": n} for w, n, *_ in messages],
        "messages": [
            {"sender": w, "accountName": n, "timestamp": at(t), "type": ty, "content": c} for w, n, t, ty, c in messages
        ],
    }
    return _write(tmp_path, "reply.json", json.dumps(data, ensure_ascii=False))


def _liuhen_txt(tmp_path: Path) -> Path:
    return _write(
        tmp_path,
        "reply_liuhen.txt",
        "2026-11-07 06:00:00 晨光\n今天谁跑了？\n\n2026-11-07 06:40:00 芳芳\n打卡✅ 5公里\n引用:晨光:今天谁跑了？\n\n"
        "2026-11-07 06:50:00 跃跃\n打卡 3公里\n\n2026-11-07 07:00:00 磊子\n加油\n引用:跃跃:打卡 3公里\n\n",
    )


def _weflow_txt(tmp_path: Path) -> Path:
    return _write(
        tmp_path,
        "reply_weflow.txt",
        "2026-11-07 06:00:00 '晨光'\n今天谁跑了？\n\n2026-11-07 06:40:00 '芳芳'\n打卡✅ 5公里[引用 晨光：今天谁跑了？]\n\n"
        "2026-11-07 06:50:00 '跃跃'\n打卡 3公里\n\n2026-11-07 07:00:00 '磊子'\n加油[引用 跃跃：打卡 3公里]\n\n",
    )


@pytest.mark.parametrize("make", [_pywxdump, _chatlab, _liuhen_txt, _weflow_txt])
def test_a_reply_checks_in_by_its_own_text_never_the_quoted_one(ws, tmp_path, make):
    plan = _plan(ws, make(tmp_path))
    assert {(c.display_name, c.at.strftime("%m-%d %H:%M")) for c in plan.checkins} == {
        ("王芳", "11-07 06:40"),
        ("李跃", "11-07 06:50"),
    }


# ---------------------------------------------------------------- notices and the exporting user


def test_weflow_txt_messages_that_mention_a_notice_are_messages(ws, tmp_path):
    path = _write(
        tmp_path,
        "weflow.txt",
        "2026-11-06 06:10:00 '芳芳'\n欢迎新朋友加入群聊，今天5公里打卡✅\n\n"
        "2026-11-06 06:20:00 '跃跃'\n哈哈刚才手滑拍了拍芳芳\n\n"
        "2026-11-06 06:30:00 '磊子'\n谁撤回了一条消息？\n\n"
        "2026-11-06 10:00:00 '晨光'\n你邀请\"小敏\"加入了群聊\n\n"
        '2026-11-06 10:01:00 \'晨跑俱乐部\'\n"跃跃" 拍了拍 "芳芳"\n\n',
    )
    plan = _plan(ws, path)
    assert plan.system_rows == 2 and plan.messages_known == 3
    assert [c.display_name for c in plan.checkins] == ["王芳"]
    assert plan.exporter_name == "周晓晨"
    assert [(j.display_name, j.referrer_name) for j in plan.joins] == [("张敏", "周晓晨")]


def test_when_the_file_points_at_several_exporters_nobody_is_guessed(ws, tmp_path):
    """Notices filed under two people's names: who exported it is asked, 你邀请 gives no referrer."""
    path = _write(
        tmp_path,
        "weflow.txt",
        "2026-11-06 10:00:00 '晨光'\n你邀请\"小敏\"加入了群聊\n\n2026-11-06 11:00:00 '坤哥'\n你撤回了一条消息\n\n",
    )
    for _ in range(2):  # the same answer every time (no set order)
        plan = _plan(ws, path)
        assert plan.exporter_member_id is None and plan.exporter_needed
        assert [j.referrer_member_id for j in plan.joins] == [None]
        assert any("周晓晨" in t and "钱坤" in t for t in plan.unresolved_events)
    assert _plan(ws, path, exporter_membership_id=_membership(ws, "周晓晨").id).joins[0].referrer_name == "周晓晨"


def test_a_weflow_excel_recall_under_the_revokers_id_does_not_make_them_the_exporter(ws, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "聊天记录"
    sheet.append(["会话信息"])
    sheet.append(["微信ID", CHATROOM, None, "昵称", GROUP, "备注"])
    sheet.append(
        ["序号", "时间", "发送者昵称", "发送者微信ID", "发送者备注", "群昵称", "发送者身份", "消息类型", "内容"]
    )
    sheet.append(
        [1, "2026-11-04 08:00:00", "坤哥", "wxid_y7z8a9", None, "", "坤哥", "系统消息", '"坤哥" 撤回了一条消息']
    )
    sheet.append(
        [2, "2026-11-06 10:00:00", "晨光", "wxid_a1b2c3", None, "", "晨光", "系统消息", '你邀请"小敏"加入了群聊']
    )
    path = tmp_path / "weflow.xlsx"
    book.save(path)
    plan = _plan(ws, path)
    assert plan.exporter_name == "周晓晨"
    assert [(j.display_name, j.referrer_name) for j in plan.joins] == [("张敏", "周晓晨")]


def test_a_join_notice_naming_a_long_standing_member_changes_nothing(ws, tmp_path):
    with ws.session() as s:
        ms = s.scalar(
            select(Membership).join(Member, Member.id == Membership.member_id).where(Member.display_name == "王芳")
        )
        ms.joined_at = datetime(2025, 3, 1, 12, 0)
        s.commit()
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-09 09:00:00", 10000, '"跃跃"邀请"芳芳"加入了群聊', "", ""),
            ("2026-11-09 09:01:00", 1, "大家好我是新来的芳芳", "芳芳", "wxid_fang_new"),
        ],
    )
    plan = _plan(ws, path)
    [join] = plan.joins
    assert join.already_since == date(2025, 3, 1) and not plan.joins_to_apply
    assert any("2025-03-01" in t for t in plan.unresolved_events)
    _, summary, _ = _import(ws, path)
    after = _membership(ws, "王芳")
    assert summary.joins == 0 and after.joined_at == datetime(2025, 3, 1, 12, 0) and after.referrer_id is None
    assert _messages(ws) == {}  # the newcomer is another account: not 王芳's message


def test_an_ambiguous_name_in_a_notice_is_reported_as_ambiguous(ws, tmp_path):
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-09 08:00:00", 1, "早", "晨光", "wxid_a1b2c3", 1),
            ("2026-11-09 09:00:00", 10000, '你将"阳光"移出了群聊', "", ""),
        ],
    )
    plan = _plan(ws, path)
    [text] = [t for t in plan.unresolved_events if "阳光" in t]
    assert "刘洋" in text and "孙阳" in text and "not on the roster" not in text


def test_qq_notices_with_names_holding_spaces(ws, tmp_path):
    path = _qq(
        tmp_path,
        GROUP,
        "2026-11-09 9:00:00 系统消息(1000000)\nTom Lee加入本群。\n\n"
        "2026-11-09 9:05:00 系统消息(1000000)\n李跃-5公里邀请Tom Lee、小敏加入了本群。\n\n",
    )
    plan = _plan(ws, path)
    assert [(j.name, j.how) for j in plan.joins] == [("Tom Lee", "join"), ("Tom Lee", "invite"), ("小敏", "invite")]


# ---------------------------------------------------------------- times


def test_epoch_times_are_shown_in_the_machines_zone_like_the_text_formats(ws, tmp_path, monkeypatch):
    """An organiser in London: WeFlow TXT writes London wall-clock times, ChatLab epoch seconds — the same day,
    and the second export of the same messages counts nothing."""
    london = chat_exports.local_zone("Europe/London")
    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", london)
    messages = [
        ("2026-11-05 20:00:00", "wxid_g7h8i9", "芳芳", "晚上好"),
        ("2026-11-05 22:30:00", "wxid_d4e5f6", "跃跃", "夜跑打卡 5公里"),
        ("2026-11-05 23:50:00", "wxid_g7h8i9", "芳芳", "晚安"),
    ]
    txt = _write(tmp_path, "weflow.txt", "".join(f"{t} '{n}'\n{x}\n\n" for t, _w, n, x in messages))
    data = {
        "chatlab": {"version": "0.0.2", "exportedAt": 0, "generator": "WeFlow"},
        "meta": {"name": GROUP, "platform": "wechat", "type": "group", "groupId": CHATROOM},
        "members": [{"platformId": w, "accountName": n} for _t, w, n, _x in messages],
        "messages": [
            {
                "sender": w,
                "accountName": n,
                "timestamp": int(datetime.fromisoformat(t).replace(tzinfo=london).timestamp()),
                "type": 0,
                "content": x,
            }
            for t, w, n, x in messages
        ],
    }
    chatlab = _write(tmp_path, "chat.json", json.dumps(data, ensure_ascii=False))
    assert [(c.display_name, c.at) for c in _plan(ws, chatlab).checkins] == [("李跃", datetime(2026, 11, 5, 22, 30))]
    _import(ws, txt)
    _import(ws, chatlab)
    assert _messages(ws) == {("王芳", "2026-11-05"): 2, ("李跃", "2026-11-05"): 1}
    assert _checkins(ws) == {("李跃", "2026-11-05", "22:30")}


def test_an_export_can_state_its_zone(tmp_path):
    stamp = int(datetime(2026, 11, 5, 23, 30, tzinfo=UTC).timestamp())
    line = {"_type": "message", "sender": "u1", "accountName": "A", "timestamp": stamp, "type": 0, "content": "x"}
    head = {"_type": "header", "chatlab": {"version": "0.0.2"}, "meta": {"name": "G", "type": "group"}}
    path = _write(tmp_path, "c.jsonl", json.dumps(head) + "\n" + json.dumps(line) + "\n")
    [row] = chat_exports.open_chat_export(path, zone=chat_exports.local_zone("Asia/Shanghai")).rows()
    assert row.at == datetime(2026, 11, 6, 7, 30)


# ---------------------------------------------------------------- overlaps


def test_rows_of_a_sender_left_undecided_count_once_decided(ws, tmp_path):
    """An earlier import of these days never counted 老刘 (undecided): linking him on a re-import counts his
    messages; everyone else's rows were counted then and are skipped."""
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-08 06:00:00", 1, "早安打卡", "芳芳", "wxid_g7h8i9"),
            ("2026-11-08 07:00:00", 1, "打卡 新人第一次跑", "老刘", "wxid_newguy1"),
            ("2026-11-08 22:00:00", 1, "晚安", "芳芳", "wxid_g7h8i9"),
        ],
    )
    _import(ws, path)
    assert _messages(ws) == {("王芳", "2026-11-08"): 2}
    again = _plan(ws, path)
    assert again.covered_rows == 2 and [s.messages for s in again.unknown] == [1]  # still undecided: shown again
    kun = _membership(ws, "钱坤").id  # say 老刘 is 钱坤 (a member since before November)
    _, summary, _ = _import(ws, path, decisions={"id:wxid_newguy1": ("link", kun)})
    assert summary.messages == 1 and summary.checkins == 1
    assert _messages(ws) == {("王芳", "2026-11-08"): 2, ("钱坤", "2026-11-08"): 1}
    _, summary, _ = _import(ws, path)  # now remembered: counted once
    assert summary.messages == 0 and summary.checkins == 0


def test_an_ignored_sender_stays_uncounted_on_a_re_import(ws, tmp_path):
    path = _liuhen(tmp_path, [("2026-11-08 07:00:00", 1, "打卡", "老刘", "wxid_newguy1")])
    _import(ws, path, decisions={"id:wxid_newguy1": ("ignore", None)})
    plan = _plan(ws, path)
    assert [s.status for s in plan.senders] == ["ignored"] and plan.messages_known == 0


# ---------------------------------------------------------------- files


def test_a_liuhen_csv_saved_again_by_excel_as_gbk_is_read(ws, tmp_path):
    header = ",".join(chat_exports._LIUHEN_CSV_HEADER)
    path = _write(
        tmp_path,
        "excel_utf8.csv",
        header + "\r\n5001,27,1,0,0,1793484920,3,早安打卡,2026-11-10 06:15:00,芳芳,芳芳,wxid_g7h8i9\r\n",
        "gbk",
    )
    plan = _plan(ws, path)
    assert plan.format == "liuhen_csv" and [c.display_name for c in plan.checkins] == ["王芳"]


def test_bytes_of_no_encoding_after_the_start_are_a_clear_error(tmp_path):
    from desktop.io.fields import ImportProblem

    header = ",".join(chat_exports._LIUHEN_CSV_HEADER)
    good = "5001,27,1,0,0,1793484920,3,早安,2026-11-10 06:15:00,芳芳,芳芳,wxid_g7h8i9\r\n"
    data = (header + "\r\n" + good * 3000).encode(
        "utf-8"
    ) + b"5002,27,1,0,0,1,3,\xff\xfe\xfd,2026-11-10 06:16:00,a,a,b\r\n"
    path = _write(tmp_path, "broken_utf8.csv", data)
    with pytest.raises(ImportProblem, match="UTF-8"):
        list(chat_exports.open_chat_export(path).rows())
