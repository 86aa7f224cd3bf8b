"""Chat-history import, probe chat11: other people's words inside a message, and a chat that is no group's (PRODUCT
§3.8, docs/chat_formats.md). A QQ reply's quoted line, a forwarded chat record (合并转发: other people on other days),
a phone's reply that quotes `跃跃：打卡` without WeChat's divider, a shared check-in card — none is the sender's
check-in; each stays a message of its sender. A TXT export with names only (留痕, WeFlow, WhatsApp) of two people and
no group notice is asked about as a private chat. Through the real import path (plan, import, CLI, read back from a
real SQLite workspace); uses the roster and helpers of test_chat_import_rules (facts dated in November 2026)."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.cli import main
from desktop.errors import ValidationError
from desktop.io.fields import ImportProblem
from desktop.services.chat_import import other_group_message
from desktop.settings import update_settings
from desktop.workspace import actor_for
from models import clock
from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import _checkins, _import, _liuhen, _messages, _qq, _row, _write

in_china = rules.in_china  # the same fixtures: the organiser's PC in China, the rules' roster
ws = rules.ws

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _stamp(at: str) -> int:
    return int(datetime.fromisoformat(at).replace(tzinfo=SHANGHAI).timestamp())


# ---------------------------------------------------------------- QQ: a reply's quote, cards, forwards


@pytest.mark.parametrize(
    "content",
    [
        "[回复]王芳: 打卡\n好的",  # ChatLab's qq-native-txt.ts: a reply's block starts [回复]
        "[回复 王芳: 打卡]\n好的",
        "[回复]王芳：早安打卡 第5天\n\n赞",
    ],
)
def test_a_qq_reply_does_not_check_in_the_replier_with_the_quoted_words(ws, tmp_path, content):
    """陈磊 replies 好的 to 王芳's 打卡: the block's first line (the quote) was read as his words — his check-in."""
    path = _qq(tmp_path, rules.GROUP, f"2026-11-05 6:12:00 陈磊(283746504)\n{content}\n\n")
    _import(ws, path)
    assert _checkins(ws) == set()
    assert _messages(ws) == {("陈磊", "2026-11-05"): 1}  # he spoke


def test_a_qq_reply_mentioning_whom_it_answers_is_not_a_check_in(ws, tmp_path):
    """QQ puts `@王芳` before a reply to her: `@王芳 打卡` over `好的` was 陈磊's check-in; `@王芳 我也打卡了` is his."""
    body = "2026-11-05 6:12:00 陈磊(283746504)\n@王芳 打卡\n好的\n\n2026-11-06 6:12:00 陈磊(283746504)\n@王芳 我也打卡了\n\n"
    _import(ws, _qq(tmp_path, rules.GROUP, body))
    assert _checkins(ws) == {("陈磊", "2026-11-06", "06:12")}


def test_a_qq_reply_checks_in_by_its_own_words(ws, tmp_path):
    """The reply's own words under the quote are his: 打卡 there is his check-in."""
    path = _qq(tmp_path, rules.GROUP, "2026-11-05 6:12:00 陈磊(283746504)\n[回复]王芳: 今天谁打卡了？\n打卡\n\n")
    _import(ws, path)
    assert _checkins(ws) == {("陈磊", "2026-11-05", "06:12")}


@pytest.mark.parametrize(
    "content",
    [
        "[分享]小打卡｜晨跑打卡第5天",  # a check-in app's card, shared
        "[卡片消息]每日打卡",
        "[转发]",
        "群聊的聊天记录\n王芳: 打卡\n李跃: 打卡",  # a forwarded record written out
        "[拍一拍]",
    ],
)
def test_qq_cards_and_forwards_are_messages_never_check_ins(ws, tmp_path, content):
    path = _qq(tmp_path, rules.GROUP, f"2026-11-05 6:12:00 陈磊(283746504)\n{content}\n\n")
    _import(ws, path)
    assert _checkins(ws) == set()
    assert _messages(ws) == {("陈磊", "2026-11-05"): 1}


# ---------------------------------------------------------------- a forwarded chat record (合并转发)


def _chatlab(tmp_path, messages, name="晨跑俱乐部.json"):
    doc = {
        "chatlab": {"version": "0.0.2", "exportedAt": _stamp("2026-12-01 00:00:00"), "generator": "WeFlow"},
        "meta": {"name": rules.GROUP, "platform": "wechat", "type": "group", "groupId": rules.CHATROOM},
        "members": [
            {"platformId": "wxid_y7z8a9", "accountName": "坤哥"},
            {"platformId": "wxid_g7h8i9", "accountName": "芳芳"},
        ],
        "messages": messages,
    }
    return _write(tmp_path, name, json.dumps(doc, ensure_ascii=False, indent=2))


def test_a_forwarded_record_filed_as_text_is_nobodys_check_in(ws, tmp_path):
    """钱坤 forwards last week's chat record (芳芳: 打卡 of the 1st) on the 5th. A writer filing it as text (type 0)
    with WeFlow's placeholder first made it 钱坤's check-in of the 5th. Now: his message, nobody's check-in; 王芳's own
    打卡 of the 5th is hers."""
    forwarded = "[转发的聊天记录]群聊的聊天记录\n芳芳: 打卡 第1天\n跃跃: 打卡"
    path = _chatlab(
        tmp_path,
        [
            {
                "sender": "wxid_g7h8i9",
                "accountName": "芳芳",
                "timestamp": _stamp("2026-11-05 06:10:00"),
                "type": 0,
                "content": "打卡",
            },
            {
                "sender": "wxid_y7z8a9",
                "accountName": "坤哥",
                "timestamp": _stamp("2026-11-05 06:12:00"),
                "type": 0,
                "content": forwarded,
            },
        ],
    )
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:10")}
    assert _messages(ws) == {("王芳", "2026-11-05"): 1, ("钱坤", "2026-11-05"): 1}


@pytest.mark.parametrize(
    "text",
    [
        "群聊的聊天记录\n跃跃: 打卡\n芳芳: 打卡",
        "跃跃和芳芳的聊天记录\n跃跃：打卡 第3天",
        "[聊天记录]\n跃跃: 打卡",
        "[转发的聊天记录] 晨跑俱乐部\n\n跃跃: 打卡",
    ],
)
def test_a_forwarded_record_as_typed_text_is_not_the_forwarders(ws, tmp_path, text):
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", text)])
    _import(ws, path)
    assert _checkins(ws) == set()
    assert _messages(ws) == {("钱坤", "2026-11-05"): 1}


def test_a_message_about_a_chat_record_is_still_its_senders(ws, tmp_path):
    """`聊天记录` named in one's own words (no forwarded lines under a title) is no forward."""
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", "打卡✅ 聊天记录我晚点再看")])
    _import(ws, path)
    assert _checkins(ws) == {("钱坤", "2026-11-05", "06:12")}


# ---------------------------------------------------------------- a phone's quote with no divider


@pytest.mark.parametrize(
    "text",
    [
        "跃跃：打卡\n好的",  # the phone copied 跃跃's message on the first line, the reply under it
        "跃跃: 打卡 第5天\n厉害厉害",
        "李跃：打卡",  # a report of 李跃's check-in, by name
    ],
)
def test_a_first_line_naming_another_member_is_not_the_senders_check_in(ws, tmp_path, text):
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", text)])
    _import(ws, path)
    assert _checkins(ws) == set()
    assert _messages(ws) == {("钱坤", "2026-11-05"): 1}


@pytest.mark.parametrize(
    "text",
    [
        "坤哥：打卡",  # his own nickname
        "钱坤: 打卡 第5天",
        "晨跑：打卡✅",  # no one's name
        "今日打卡：5公里",
        "跃跃：加油\n打卡",  # quotes a cheer, checks in below it
    ],
)
def test_ones_own_name_or_a_word_before_the_colon_still_checks_in(ws, tmp_path, text):
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", text)])
    _import(ws, path)
    assert _checkins(ws) == {("钱坤", "2026-11-05", "06:12")}


def test_a_quoted_leave_is_not_the_quoters(ws, tmp_path):
    """钱坤's `跃跃：明天请假\n收到` is 跃跃's leave quoted, never a leave request of 钱坤's."""
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", "跃跃：明天请假\n收到")])
    plan = rules._plan(ws, path)
    assert [r.sender for r in plan.leave_requests] == []


# ---------------------------------------------------------------- a private chat in an export without IDs


def _liuhen_txt_private(tmp_path, days=(5, 6, 7)):
    """留痕 TXT of the organiser's (晨光) private chat with 芳芳: `<remark>.txt`, blocks as a group's, no notice."""
    body = "".join(
        f"2026-11-{d:02d} 06:10:00 晨光\n早\n\n2026-11-{d:02d} 06:12:00 芳芳\n打卡 第{d}天\n\n" for d in days
    )
    return _write(tmp_path, "芳芳.txt", body)


def test_a_liuhen_txt_of_two_people_and_no_notice_is_asked_about(ws, tmp_path, capsys):
    """It was imported as the group's chat: 王芳's private 打卡 became her check-ins of the 5th, 6th and 7th."""
    path = _liuhen_txt_private(tmp_path)
    plan = rules._plan(ws, path)
    assert plan.group_mismatch and set(plan.private_pair or ()) == {"晨光", "芳芳"}
    assert "looks like a private chat" in other_group_message(plan)
    with pytest.raises(ValidationError, match="private chat"):
        _import(ws, path)
    assert _checkins(ws) == set() and _messages(ws) == {}
    db = str(ws.engine.url.database)
    assert main(["--db", db, "import", "chat", str(path), "--group", rules.GROUP]) == 1
    err = capsys.readouterr().err
    assert "private chat" in err and "芳芳" in err
    assert _checkins(ws) == set()
    assert main(["--db", db, "import", "chat", str(path), "--group", rules.GROUP, "--other-group"]) == 0
    assert _checkins(ws) == {("王芳", f"2026-11-{d:02d}", "06:12") for d in (5, 6, 7)}


def test_with_the_exporter_known_the_friend_is_named(ws, tmp_path):
    path = _liuhen_txt_private(tmp_path)
    with pytest.raises(ValidationError, match="private chat with 芳芳"):
        _import(ws, path, exporter="周晓晨")


def test_a_weflow_txt_of_two_people_is_asked_about(ws, tmp_path):
    body = "".join(
        f"2026-11-{d:02d} 06:10:00 '晨光'\n早\n\n2026-11-{d:02d} 06:12:00 '芳芳'\n打卡\n\n" for d in (15, 16)
    )
    plan = rules._plan(ws, _write(tmp_path, "芳芳.txt", body))
    assert plan.group_mismatch and plan.private_pair is not None


def test_a_whatsapp_chat_of_two_people_is_asked_about(ws, tmp_path):
    body = "".join(f"{d}/11/2026, 06:10 - 晨光: 早\n{d}/11/2026, 06:12 - 芳芳: 打卡\n" for d in (15, 16, 17))
    plan = rules._plan(ws, _write(tmp_path, "WhatsApp Chat with 芳芳.txt", body))
    assert plan.group_mismatch and plan.private_pair is not None


def test_a_groups_txt_with_two_speakers_is_not_asked_about(ws, tmp_path):
    """A group's notice in it, or a single day of two people talking, or a third speaker: the group's chat."""
    notice = '2026-11-05 09:00:00 "晨光"邀请"小敏"加入了群聊\n\n'
    body = _liuhen_txt_private(tmp_path).read_text(encoding="utf-8") + notice
    assert not rules._plan(ws, _write(tmp_path, "晨跑俱乐部.txt", body)).group_mismatch
    assert not rules._plan(ws, _liuhen_txt_private(tmp_path, days=(5,))).group_mismatch
    third = _liuhen_txt_private(tmp_path).read_text(encoding="utf-8") + "2026-11-07 07:00:00 磊子\n打卡\n\n"
    assert not rules._plan(ws, _write(tmp_path, "三人.txt", third)).group_mismatch
    # two members talking while the group's known exporter (周晓晨, 晨光) says nothing: not the exporter's private chat
    two = "".join(f"2026-11-{d:02d} 06:12:00 芳芳\n打卡\n\n2026-11-{d:02d} 06:20:00 跃跃\n打卡\n\n" for d in (5, 6))
    plan = rules._plan(
        ws, _write(tmp_path, "两人.txt", two), exporter_member_id=rules._membership(ws, "周晓晨").member_id
    )
    assert not plan.group_mismatch


@pytest.mark.parametrize("content", ["[小程序]小打卡", "[链接]晨跑打卡第5天", "[红包]打卡奖励"])
def test_a_chatlab_card_filed_as_text_is_no_check_in(ws, tmp_path, content):
    """A writer filing a mini-program, a link or a red packet as text (type 0) with WeFlow's placeholder first: the
    card's title said 打卡 and was 钱坤's check-in. Now his message only."""
    path = _chatlab(
        tmp_path,
        [
            {
                "sender": "wxid_y7z8a9",
                "accountName": "坤哥",
                "timestamp": _stamp("2026-11-05 06:12:00"),
                "type": 0,
                "content": content,
            }
        ],
    )
    _import(ws, path)
    assert _checkins(ws) == set()
    assert _messages(ws) == {("钱坤", "2026-11-05"): 1}


# ---------------------------------------------------------------- two exports of overlapping days, one in UTC


@pytest.fixture
def shanghai(ws):
    """The community's zone set to Asia/Shanghai (Settings → 社群时区), as the epoch reading is pinned: an import
    of a text export then compares its wall-clock times with spans stored in the same zone."""
    before = clock.zone_name()
    with ws.session() as s:
        update_settings(s, actor_for(ws), {"time_zone": "Asia/Shanghai"})
        s.commit()
    yield
    clock.set_zone(before)


def _check_ins_days(days, hour=6, minute=10):
    """王芳 and 李跃 check in every morning at 06:10 / 06:20 (Shanghai) on the given days of November."""
    for d in days:
        yield ("芳芳", "wxid_g7h8i9", f"2026-11-{d:02d} {hour:02d}:{minute:02d}:05")
        yield ("跃跃", "wxid_d4e5f6", f"2026-11-{d:02d} {hour:02d}:{minute + 10:02d}:40")


def test_an_overlapping_export_written_in_utc_is_refused_naming_the_shift(ws, shanghai, tmp_path, capsys):
    """The group's ChatLab export of 1–10 November is imported (epoch times, the community's zone). The next export,
    a 留痕 TXT of 5–15 November, was made on a PC set to UTC: every time 8 hours early, so 06:10 on the 11th reads
    22:10 on the 10th. It was read as written: the check-ins of the 11th–15th were logged a day early (the 10th–14th),
    the 11th's swallowed as 'counted' by the first import's span. Now the overlap gives it away — the check-ins both
    exports hold are 8 hours apart, to the second — and the TXT is refused naming one, nothing written."""
    messages = [
        {"sender": wxid, "accountName": nick, "timestamp": _stamp(at), "type": 0, "content": "打卡"}
        for nick, wxid, at in _check_ins_days(range(1, 11))
    ]
    _import(ws, _chatlab(tmp_path, messages))
    before = _checkins(ws)
    assert len(before) == 20
    utc = ZoneInfo("UTC")
    body = "".join(
        f"{datetime.fromisoformat(at).replace(tzinfo=SHANGHAI).astimezone(utc):%Y-%m-%d %H:%M:%S} {nick}\n打卡\n\n"
        for nick, _wxid, at in _check_ins_days(range(5, 16))
    )
    path = _write(tmp_path, "晨跑俱乐部.txt", body + "2026-11-12 01:00:00 磊子\n早\n\n")  # a third speaker
    with pytest.raises(
        ImportProblem,
        match="「芳芳」的打卡在这里是 2026-11-04 22:10:05.*8 hours behind the community's — a check-in that reads 2026-11-04 22:10:05",
    ):
        _import(ws, path)
    assert _checkins(ws) == before
    db = str(ws.engine.url.database)
    assert main(["--db", db, "import", "chat", str(path), "--group", rules.GROUP]) == 1
    err = capsys.readouterr().err
    assert "8 hours behind" in err and "芳芳" in err, err
    assert _checkins(ws) == before


def test_an_overlapping_export_in_the_same_zone_imports_its_new_days(ws, shanghai, tmp_path):
    """The same TXT written in Shanghai time: the overlap agrees, the 11th–15th are logged on their days."""
    messages = [
        {"sender": wxid, "accountName": nick, "timestamp": _stamp(at), "type": 0, "content": "打卡"}
        for nick, wxid, at in _check_ins_days(range(1, 11))
    ]
    _import(ws, _chatlab(tmp_path, messages))
    body = "".join(f"{at} {nick}\n打卡\n\n" for nick, _wxid, at in _check_ins_days(range(5, 16)))
    _import(ws, _write(tmp_path, "晨跑俱乐部.txt", body + "2026-11-12 09:00:00 磊子\n早\n\n"))
    days = {d for name, d, _t in _checkins(ws) if name == "王芳"}
    assert days == {f"2026-11-{d:02d}" for d in range(1, 16)}
    # counted once: the 5th-10th, in both files, are one message a day each, as are the new days
    assert {d: n for (name, d), n in _messages(ws).items() if name == "王芳"} == {
        f"2026-11-{d:02d}": 1 for d in range(1, 16)
    }


# ---------------------------------------------------------------- a sender renamed mid-export; notices by their text


def test_a_sender_renamed_mid_export_with_an_id_is_one_person(ws, tmp_path):
    """跃跃 changes the group nickname to 小跃 on the 6th (WeChat announces no such change; a 留痕 CSV carries the
    wxid on every row): both names are 李跃's, his messages and check-ins of both days his."""
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-05 06:12:00", 1, "打卡", "跃跃", "wxid_d4e5f6"),
            ("2026-11-06 06:00:00", 10000, '"跃跃"修改群昵称为"小跃"', "", ""),
            ("2026-11-06 06:12:00", 1, "打卡", "小跃", "wxid_d4e5f6"),
        ],
    )
    plan = rules._plan(ws, path)
    assert plan.unknown == [] and plan.system_rows == 1
    _import(ws, path)
    assert _checkins(ws) == {("李跃", "2026-11-05", "06:12"), ("李跃", "2026-11-06", "06:12")}


def test_a_sender_renamed_in_an_export_without_ids_is_asked_about(ws, tmp_path):
    """Without IDs (留痕 TXT) 小跃 is a name the roster does not know: listed to decide, its 打卡 nobody's until the
    user links it (then remembered for the next export) — never guessed from the notice."""
    body = (
        "2026-11-05 06:12:00 跃跃\n打卡\n\n"
        '2026-11-06 06:00:00 "跃跃"修改群昵称为"小跃"\n\n'
        "2026-11-06 06:12:00 小跃\n打卡\n\n"
        "2026-11-06 06:20:00 磊子\n早\n\n"
    )
    path = _write(tmp_path, "晨跑俱乐部.txt", body)
    plan = rules._plan(ws, path)
    assert [s.shown for s in plan.unknown] == ["小跃"] and plan.system_rows == 1
    _import(ws, path)
    assert _checkins(ws) == {("李跃", "2026-11-05", "06:12")}


def test_weflow_notices_are_no_ones_messages(ws, tmp_path):
    """WeFlow TXT files notices under the exporter's name: a recall, a pat, a red packet taken, an English QR join and
    the exporter's own invite are notices — two joins of 张敏 (小敏) read, no message of 晨光's counted."""
    body = (
        "2026-11-05 06:10:00 '芳芳'\n打卡\n\n"
        "2026-11-05 06:11:00 '晨光'\n\"跃跃\" 撤回了一条消息\n\n"
        '2026-11-05 06:12:00 \'晨跑俱乐部\'\n"芳芳" 拍了拍 "跃跃" 的打卡本\n\n'
        "2026-11-05 06:13:00 '晨光'\n芳芳领取了你的红包\n\n"
        '2026-11-05 09:00:00 \'晨光\'\n"小敏" joined the group chat via the QR Code shared by "芳芳"\n\n'
        "2026-11-05 09:05:00 '晨光'\n你邀请\"小敏\"加入了群聊\n\n"
    )
    plan = rules._plan(ws, _write(tmp_path, "晨跑俱乐部.txt", body))
    assert plan.system_rows == 5
    assert [(s.shown, s.messages) for s in plan.senders if s.messages] == [("芳芳", 1)]
    assert {(j.display_name, j.day.isoformat()) for j in plan.joins} == {("张敏", "2026-11-05")}


# ---------------------------------------------------------------- 「name：text」 without WeChat's divider


@pytest.mark.parametrize(
    "text",
    [
        "「跃跃：打卡」好的",  # the quote and the reply on one line
        "「跃跃：打卡」 好的",
        "好的\n「跃跃：打卡」",  # the reply above the quote
        "『跃跃：打卡』\n- - - - -\n好的",  # 『』 brackets
        "「跃跃：打卡」\r\n- - - - - - - - - - - - - - -\r\n好的",  # Windows line ends
    ],
)
def test_a_bracketed_quote_without_the_divider_is_not_the_quoters(ws, tmp_path, text):
    """Only 「…」 over a `- - -` line was cut: `「跃跃：打卡」好的` was 钱坤's check-in."""
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", text)])
    _import(ws, path)
    assert _checkins(ws) == set()
    assert _messages(ws) == {("钱坤", "2026-11-05"): 1}


@pytest.mark.parametrize(
    "text", ["打卡✅ 「跃跃：加油」", "今天的「打卡」完成了", "「跃跃：[图片]」\n- - - - - - - -\n打卡"]
)
def test_own_words_beside_a_bracketed_quote_still_check_in(ws, tmp_path, text):
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", text)])
    _import(ws, path)
    assert _checkins(ws) == {("钱坤", "2026-11-05", "06:12")}


# ---------------------------------------------------------------- another's name before 打卡


@pytest.mark.parametrize("text", ["跃跃打卡了", "跃跃 打卡", "跃跃，打卡啦", "李跃打卡✅"])
def test_another_members_name_before_the_keyword_is_not_the_senders_check_in(ws, tmp_path, text):
    """钱坤 writes `跃跃打卡了` (跃跃 checked in) or `跃跃，打卡啦` (a reminder): it was 钱坤's check-in."""
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", "钱坤", text)])
    _import(ws, path)
    assert _checkins(ws) == set()
    assert _messages(ws) == {("钱坤", "2026-11-05"): 1}


@pytest.mark.parametrize(
    "who,text",
    [("钱坤", "坤哥打卡"), ("钱坤", "今天打卡"), ("钱坤", "晨跑打卡"), ("刘洋", "阳光打卡"), ("钱坤", "打卡 跃跃加油")],
)
def test_ones_own_name_or_words_before_the_keyword_still_check_in(ws, tmp_path, who, text):
    path = _liuhen(tmp_path, [_row("2026-11-05 06:12:00", who, text)])
    _import(ws, path)
    assert _checkins(ws) == {(who, "2026-11-05", "06:12")}
