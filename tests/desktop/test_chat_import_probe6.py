"""Chat-history import, sixth probe: what the exporters' current writers put in a TXT export besides typed text,
and the notices they copy from WeChat. Uses the roster and helpers of test_chat_import_rules (a real SQLite
workspace, the exports' real layouts)."""

from __future__ import annotations

from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import _checkins, _import, _liuhen, _messages, _plan, _qq, _write

in_china = rules.in_china  # the same fixtures: the organiser's PC in China, the rules' roster
ws = rules.ws


def test_a_weflow_txt_forward_sticker_or_announcement_is_nobodys_check_in(ws, tmp_path):
    """WeFlow writes a forwarded chat record with the forwarded lines under `[转发的聊天记录]`, a sticker with its
    caption (`[表情包：打卡]`), an announcement as `[群公告]…`: none is the sender's own words. They checked the
    forwarder, the sticker's sender in (the same sticker in WeFlow's Excel is 动画表情, no check-in); they are
    messages, never check-ins."""
    path = _write(
        tmp_path,
        "weflow.txt",
        "2026-11-06 10:00:00 '晨光'\n[转发的聊天记录]群聊的聊天记录\n芳芳: 打卡 第3天\n跃跃: 打卡\n\n"
        "2026-11-06 10:01:00 '晨光'\n[群公告]从明天起每天早上7点前在群里打卡\n\n"
        "2026-11-06 10:02:00 '磊子'\n[表情包：打卡]\n\n"
        "2026-11-06 10:03:00 '磊子'\n[转账收款]￥10.00 (磊子 转账给 晨光)\n\n"
        "2026-11-06 10:04:00 '磊子'\n[音乐]打卡之歌\n\n"
        "2026-11-06 10:05:00 '坤哥'\n[语音消息 - 转文字失败]\n\n"
        "2026-11-06 10:06:00 '坤哥'\n打卡 5公里\n\n",
    )
    _import(ws, path)
    assert _checkins(ws) == {("钱坤", "2026-11-06", "10:06")}
    assert _messages(ws) == {("周晓晨", "2026-11-06"): 2, ("陈磊", "2026-11-06"): 3, ("钱坤", "2026-11-06"): 2}


def test_a_qq_picture_sent_with_its_check_in_text_is_a_check_in(ws, tmp_path):
    """QQ writes a picture sent with text inline (`[图片]打卡第5天`): the text is typed, so it checks in (it was
    read as a bare picture); a picture alone is a message only."""
    path = _qq(
        tmp_path,
        rules.GROUP,
        "2026-11-07 6:10:00 王芳(283746503)\n[图片]打卡第5天\n\n"
        "2026-11-07 6:12:00 李跃(283746502)\n[图片]\n\n"
        "2026-11-07 6:13:00 陈磊(283746504)\n[表情][图片]\n\n",
    )
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-11-07", "06:10")}
    assert _messages(ws) == {("王芳", "2026-11-07"): 1, ("李跃", "2026-11-07"): 1, ("陈磊", "2026-11-07"): 1}


def test_a_qr_join_whose_sharer_is_not_named_is_a_join(ws, tmp_path):
    """`"B"通过扫描二维码加入群聊` (no sharer) was no join at all — silently lost in a 留痕 CSV, and in a WeFlow TXT
    a message of the exporting user; so was `你通过扫描二维码加入群聊，群聊参与人还有：…`. Now a join with referrer
    unknown; the exporter's own join is a notice, nobody's message."""
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-09 09:00:00", 10000, '"小敏"通过扫描二维码加入群聊', "", ""),
            ("2026-11-09 09:06:00", 1, "打卡", "芳芳", "wxid_g7h8i9"),
        ],
    )
    plan = _plan(ws, path)
    assert [(j.name, j.display_name, j.referrer_name, j.day.isoformat()) for j in plan.joins] == [
        ("小敏", "张敏", None, "2026-11-09")
    ]
    weflow = _write(
        tmp_path,
        "weflow.txt",
        "2026-11-09 09:00:00 '晨光'\n\"小敏\"通过扫描二维码加入群聊\n\n"
        "2026-11-09 09:01:00 '晨光'\n你通过扫描二维码加入群聊，群聊参与人还有：芳芳、跃跃\n\n"
        "2026-11-09 09:02:00 '晨光'\n你邀请\"坤哥\"加入了群聊  撤销\n\n"
        "2026-11-09 09:06:00 '芳芳'\n打卡\n\n",
    )
    plan = _plan(ws, weflow)
    assert plan.system_rows == 3 and plan.messages_known == 1
    assert [(j.display_name, j.referrer_name) for j in plan.joins] == [("张敏", None), ("钱坤", "周晓晨")]


def test_a_chatlab_timestamp_in_milliseconds_is_read_and_a_bad_one_is_an_error(ws, tmp_path):
    """The ChatLab standard says seconds; a writer that puts milliseconds crashed the import (year 57817 is out of
    range, a traceback). Now milliseconds are read as such; a stamp no calendar holds names the message."""
    import json

    import pytest

    from desktop.io.fields import ImportProblem

    at = 1793916000  # 2026-11-06 06:00:00 in China

    def export(stamp):
        return {
            "chatlab": {"version": "0.0.2", "exportedAt": at},
            "meta": {"name": rules.GROUP, "platform": "wechat", "type": "group"},
            "members": [{"platformId": "wxid_g7h8i9", "accountName": "芳芳"}],
            "messages": [
                {"sender": "wxid_g7h8i9", "accountName": "芳芳", "timestamp": at, "type": 0, "content": "早"},
                {"sender": "wxid_g7h8i9", "accountName": "芳芳", "timestamp": stamp, "type": 0, "content": "打卡"},
            ],
        }

    path = _write(tmp_path, "ms.json", json.dumps(export((at + 60) * 1000), ensure_ascii=False))
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-11-06", "06:01")}
    assert _messages(ws) == {("王芳", "2026-11-06"): 2}
    bad = _write(tmp_path, "bad.json", json.dumps(export(1e20)))
    with pytest.raises(ImportProblem) as problem:
        _plan(ws, bad)
    assert "bad.json" in str(problem.value) and "message 2" in str(problem.value)


def test_a_csv_export_saved_again_by_excel_keeps_its_times(ws, tmp_path):
    """Excel, saving a 留痕 or PyWxDump CSV again, writes the time as it shows it — `2026/11/6 6:15`, no seconds —
    and the import refused the whole file at row 2 ('StrTime is not a time'). Both are read, on the right day."""
    from desktop.io import chat_exports

    header = ",".join(chat_exports._LIUHEN_CSV_HEADER)
    liuhen = _write(
        tmp_path,
        "excel_utf8.csv",
        header + "\r\n5001,27,1,0,0,1793484920,3,早安打卡,2026/11/6 6:15,芳芳,芳芳,wxid_g7h8i9\r\n"
        "5002,27,1,0,0,1793484980,3,早,2026/11/6 23:59,跃跃,跃跃,wxid_d4e5f6\r\n",
        "gbk",
    )
    _import(ws, liuhen)
    pywxdump = _write(
        tmp_path,
        "48392017563@chatroom_0_3.csv",
        ",".join(chat_exports._PYWXDUMP_HEADER) + "\r\n"
        "1,111,文本,0,wxid_y7z8a9,48392017563@chatroom,打卡,,2026/11/7 0:05\r\n",
        "gbk",
    )
    _import(ws, pywxdump)
    assert _checkins(ws) == {("王芳", "2026-11-06", "06:15"), ("钱坤", "2026-11-07", "00:05")}
    assert _messages(ws) == {("王芳", "2026-11-06"): 1, ("李跃", "2026-11-06"): 1, ("钱坤", "2026-11-07"): 1}


def test_a_pywxdump_export_of_another_chatroom_is_refused_unless_confirmed(ws, tmp_path):
    """PyWxDump names a chat by its chatroom id only (room_name). After exports of this group's chatroom, an
    export of another chatroom — 夜跑群, with the same people in it — was imported without a word: its messages
    and check-ins credited to 晨跑俱乐部. It is asked about now, like an export naming another group."""
    import pytest

    from desktop.errors import ValidationError
    from desktop.io import chat_exports

    def export(room: str, name: str, at: str) -> object:
        return _write(
            tmp_path,
            name,
            ",".join(chat_exports._PYWXDUMP_HEADER) + f"\r\n1,111,文本,0,wxid_g7h8i9,{room},打卡,,{at}\r\n",
        )

    _import(ws, export(rules.CHATROOM, f"{rules.CHATROOM}_0_2.csv", "2026-11-05 06:10:00"))
    night = export("57719320011@chatroom", "57719320011@chatroom_0_2.csv", "2026-11-06 21:10:00")
    plan = _plan(ws, night)
    assert plan.group_mismatch and plan.export_group == "57719320011@chatroom"
    with pytest.raises(ValidationError, match="57719320011@chatroom"):
        _import(ws, night)
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:10")}
    assert not _plan(ws, export(rules.CHATROOM, "again_0_2.csv", "2026-11-07 06:00:00")).group_mismatch
    _import(ws, night, other_group=True)  # confirmed: imported, and remembered as this group's
    assert _checkins(ws) == {("王芳", "2026-11-05", "06:10"), ("王芳", "2026-11-06", "21:10")}
    assert not _plan(ws, night).group_mismatch


def test_a_stamp_line_inside_a_txt_message_is_its_content_not_a_message(ws, tmp_path):
    """留痕 and WeFlow end every block with an empty line. A member's message holding a line that looks like a
    block's first line (a pasted log: `2026-11-06 06:30:00 芳芳` right under its text) was split there — a message
    and a check-in credited to 芳芳, who wrote neither. It is the sender's content now."""
    liuhen = _write(
        tmp_path,
        "晨跑俱乐部.txt",
        "2026-11-06 06:10:00 坤哥\n早\n\n2026-11-06 06:15:00 坤哥\n[图片]\n\n2026-11-06 06:18:00 坤哥\n出发\n\n"
        "2026-11-06 06:20:00 跃跃\n早\n\n"
        "2026-11-06 06:40:00 跃跃\n我的手表记录：\n2026-11-06 06:30:00 芳芳\n打卡 配速5分半\n\n"
        "2026-11-06 07:00:00 磊子\n打卡\n\n",
    )
    plan = _plan(ws, liuhen)
    assert plan.format == "liuhen_txt"
    _import(ws, liuhen)
    assert _messages(ws) == {("钱坤", "2026-11-06"): 3, ("李跃", "2026-11-06"): 2, ("陈磊", "2026-11-06"): 1}
    assert _checkins(ws) == {("李跃", "2026-11-06", "06:40"), ("陈磊", "2026-11-06", "07:00")}


def test_pywxdump_own_rows_under_wo_are_the_exporters_never_a_member_called_wo(ws, tmp_path):
    """PyWxDump's export_csv() writes the exporting user's own rows with talker `我` (its default my_wxid).
    --add-unknown added a member called 我 with the WeChat ID 我, and their messages and check-ins went to
    that fake person. 我 is the exporter: counted for them once it is known who exported the chat (--me, or
    remembered for the group), never added; and a re-import counts nothing twice."""
    from sqlalchemy import func, select

    from desktop.io import chat_exports
    from models import Member

    path = _write(
        tmp_path,
        f"{rules.CHATROOM}_0_3.csv",
        ",".join(chat_exports._PYWXDUMP_HEADER) + "\r\n"
        f"1,111,文本,1,我,{rules.CHATROOM},今天打卡 10公里,,2026-11-06 07:00:00\r\n"
        f"2,112,文本,0,wxid_g7h8i9,{rules.CHATROOM},打卡,,2026-11-06 07:01:00\r\n",
    )
    plan = _plan(ws, path, add_unknown=True)
    assert [(s.shown, s.status) for s in plan.unknown] == [("我", "unknown")]
    _import(ws, path, add_unknown=True)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Member).where(Member.display_name == "我")) == 0
        assert s.scalar(select(func.count()).select_from(Member).where(Member.wechat_id == "我")) == 0
    assert _checkins(ws) == {("王芳", "2026-11-06", "07:01")}
    assert _messages(ws) == {("王芳", "2026-11-06"): 1}
    # the organiser says who exported it: their own rows count for them, once
    later = _write(
        tmp_path,
        f"{rules.CHATROOM}_0_2.csv",
        ",".join(chat_exports._PYWXDUMP_HEADER) + f"\r\n1,113,文本,1,我,{rules.CHATROOM},打卡,,2026-11-07 07:00:00\r\n",
    )
    _import(ws, later, exporter="周晓晨")
    _import(ws, later)  # again, the exporter remembered: nothing twice
    assert _messages(ws) == {("王芳", "2026-11-06"): 1, ("周晓晨", "2026-11-07"): 1}
    assert _checkins(ws) == {("王芳", "2026-11-06", "07:01"), ("周晓晨", "2026-11-07", "07:00")}


def test_weflow_txt_red_packet_and_owner_notices_are_nobodys_messages(ws, tmp_path):
    """WeChat's red-packet notices name people bare (`芳芳领取了你的红包`, `你领取了跃跃的红包` — WeFlow strips the icon
    and link around them), and `"X"已成为新群主`, `[系统消息]` (WeFlow's empty notice): in a WeFlow TXT, filed under
    the exporter's name, each was a message of the exporter. They are notices; a member's sentence about a red
    packet stays a message."""
    path = _write(
        tmp_path,
        "weflow.txt",
        "2026-11-06 20:00:00 '晨光'\n[红包]恭喜发财，大吉大利\n\n"
        "2026-11-06 20:00:05 '晨光'\n芳芳领取了你的红包\n\n"
        "2026-11-06 20:00:09 '晨光'\n跃跃 Li领取了你的红包，你的红包已被领完\n\n"
        "2026-11-06 20:01:00 '晨光'\n你领取了磊子的红包\n\n"
        "2026-11-06 20:02:00 '晨光'\n\"磊子\"已成为新群主\n\n"
        "2026-11-06 20:03:00 '晨光'\n[系统消息]\n\n"
        "2026-11-06 20:04:00 '芳芳'\n谢谢红包！我领取了晨光的红包，今天打卡完成\n\n",
    )
    plan = _plan(ws, path)
    assert plan.system_rows == 5
    _import(ws, path)
    assert _messages(ws) == {("周晓晨", "2026-11-06"): 1, ("王芳", "2026-11-06"): 1}
    assert _checkins(ws) == {("王芳", "2026-11-06", "20:04")}


def test_a_qq_header_line_inside_a_message_is_its_content(ws, tmp_path):
    """The QQ export, like the others, ends every message with an empty line: a header-like line right under a
    message's text (a pasted log) was a message of the QQ number it names — 王芳's, with her number. It is the
    sender's content now."""
    path = _qq(
        tmp_path,
        rules.GROUP,
        "2026-11-07 6:00:00 李跃(283746502)\n昨天的记录：\n2026-11-06 6:30:00 王芳(283746503)\n打卡 5公里\n\n"
        "2026-11-07 6:05:00 陈磊(283746504)\n早\n\n",
    )
    _import(ws, path)
    assert _messages(ws) == {("李跃", "2026-11-07"): 1, ("陈磊", "2026-11-07"): 1}
    assert _checkins(ws) == {("李跃", "2026-11-07", "06:00")}


def _qce(tmp_path, messages, name="群聊_晨跑俱乐部_20261107.json", group=rules.GROUP):
    """A QQ Chat Exporter (shuakami/qq-chat-exporter, V5) JSON as its writer lays it out: compact metadata,
    chatInfo and statistics, then one message per line (CleanMessage: timestamp in ms, sender uin/uid/names)."""
    import json

    head = {"name": "QQChatExporter", "copyright": "https://github.com/shuakami/qq-chat-exporter", "version": "5.5.58"}
    chat = {"name": group, "type": "group", "selfUid": "u_self", "selfUin": "283746501", "selfName": "晓晨"}
    stats = {"totalMessages": len(messages)}
    body = ",\n".join("    " + json.dumps(m, ensure_ascii=False) for m in messages)
    text = (
        "{\n"
        f'  "metadata":{json.dumps(head, ensure_ascii=False)},\n'
        f'  "chatInfo":{json.dumps(chat, ensure_ascii=False)},\n'
        f'  "statistics":{json.dumps(stats)},\n'
        f'  "messages":[\n{body}\n  ]\n}}'
    )
    return _write(tmp_path, name, text)


def _qce_message(n, at, uin, card, text, *, type_="text", system=False, recalled=False, elements=None):
    from datetime import datetime, timedelta, timezone

    stamp = int(datetime.fromisoformat(at).replace(tzinfo=timezone(timedelta(hours=8))).timestamp() * 1000)
    sender = (
        {"uid": "未知", "name": "系统消息"}
        if system
        else {"uid": f"u_{uin}", "uin": uin, "name": card, "nickname": card, "groupCard": card}
    )
    return {
        "id": str(7000 + n),
        "seq": str(n),
        "timestamp": stamp,
        "time": at,
        "sender": sender,
        "type": "system" if system else type_,
        "content": {"text": text, "elements": elements or [{"type": "text", "data": {"text": text}}]},
        "recalled": recalled,
        "system": system,
    }


def test_a_qq_chat_exporter_json_is_read(ws, tmp_path):
    """QQ NT has no text export; groups are exported with shuakami/qq-chat-exporter (QCE), whose JSON QunDesk
    refused ('not a chat export QunDesk knows'). It is read: senders by QQ number, ms times in the PC's zone,
    gray tips as notices (joins with their inviter; QCE's stand-in name 成员 is nobody), a recalled message and a
    forwarded record never a check-in, a reply's own text checks in."""
    messages = [
        _qce_message(1, "2026-11-07 06:10:00", "283746503", "芳芳", "打卡 第5天"),
        _qce_message(2, "2026-11-07 07:00:00", "", "", "李跃邀请小敏加入了群聊，并附带了30条聊天记录。", system=True),
        _qce_message(
            3,
            "2026-11-07 07:05:00",
            "283746504",
            "磊子",
            "[聊天记录] 群聊的聊天记录\n芳芳: 打卡",
            type_="forward",
            elements=[{"type": "forward", "data": {}}],
        ),
        _qce_message(4, "2026-11-07 07:06:00", "283746502", "跃跃", "打卡", recalled=True),
        _qce_message(5, "2026-11-07 07:07:00", "283746502", "跃跃", "[回复消息]打卡 8公里", type_="reply"),
        _qce_message(6, "2026-11-08 00:30:00", "283746502", "跃跃", "早"),
        _qce_message(7, "2026-11-08 00:31:00", "", "", "成员加入了群聊", system=True),
        _qce_message(8, "2026-11-08 00:32:00", "", "", "跃跃 撤回了一条消息", system=True),
    ]
    path = _qce(tmp_path, messages)
    plan = _plan(ws, path)
    assert plan.format == "qce_json" and not plan.group_mismatch
    assert plan.system_rows == 4
    assert [(j.display_name, j.referrer_name, j.day.isoformat()) for j in plan.joins] == [
        ("张敏", "李跃", "2026-11-07")
    ]
    _import(ws, path)
    assert _messages(ws) == {
        ("王芳", "2026-11-07"): 1,
        ("陈磊", "2026-11-07"): 1,
        ("李跃", "2026-11-07"): 1,
        ("李跃", "2026-11-08"): 1,
    }
    assert _checkins(ws) == {("王芳", "2026-11-07", "06:10"), ("李跃", "2026-11-07", "07:07")}
    again = _import(ws, path)  # idempotent
    assert again[1].messages == 0


def test_a_qq_nt_uid_is_not_a_wechat_id(ws, tmp_path):
    """Where QQ NT hides a sender's number, QCE gives their uid (`u_` and 22 characters). It was taken for a WeChat
    ID: --add-unknown stored it as the new member's WeChat ID, and a member matched by name who has a WeChat ID
    recorded was 'another account'. A uid is a QQ identity: never a WeChat ID, not compared with one."""
    from sqlalchemy import select

    from models import Member

    uid_fang, uid_new = "u_" + "a1B2c3D4e5F6g7H8i9J0kL", "u_" + "Zz9Yy8Xx7Ww6Vv5Uu4Tt3S"
    messages = [
        _qce_message(1, "2026-11-07 06:10:00", "", "芳芳", "打卡"),
        _qce_message(2, "2026-11-07 06:20:00", "", "新朋友", "大家好"),
    ]
    messages[0]["sender"] = {"uid": uid_fang, "name": "芳芳", "groupCard": "芳芳"}
    messages[1]["sender"] = {"uid": uid_new, "name": "新朋友", "groupCard": "新朋友"}
    path = _qce(tmp_path, messages)
    _import(ws, path, add_unknown=True)
    assert _checkins(ws) == {("王芳", "2026-11-07", "06:10")}
    with ws.session() as s:
        added = s.execute(select(Member.wechat_id, Member.qq).where(Member.display_name == "新朋友")).all()
    assert added == [(None, None)]
    assert _messages(ws) == {("王芳", "2026-11-07"): 1, ("新朋友", "2026-11-07"): 1}


def test_two_accounts_under_one_members_name_are_neither_of_them(ws, tmp_path):
    """Two accounts of one export carry a member's nickname (坤哥) and the member has no WeChat ID recorded: both
    were taken for 钱坤 — the second merged into the first as 'the same person under another key' — so another
    person's messages and check-in were 钱坤's. Which of them is 钱坤 cannot be told: both are unknown senders
    'same name as 钱坤, another ID', nothing counted until the user links one; his own recorded ID still is his."""
    from sqlalchemy import update

    from models import Member

    with ws.session() as s:
        s.execute(update(Member).where(Member.display_name == "钱坤").values(wechat_id=None))
        s.commit()
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-09 09:00:00", 1, "打卡", "坤哥", "wxid_kun_a"),
            ("2026-11-09 09:05:00", 1, "打卡", "坤哥", "wxid_kun_b"),
            ("2026-11-09 09:06:00", 1, "早", "坤哥", "wxid_kun_a"),
            ("2026-11-09 09:07:00", 1, "打卡", "芳芳", "wxid_g7h8i9"),
        ],
    )
    plan = _plan(ws, path)
    unknown = sorted((i.sender_id, i.messages, i.how, i.candidates[0][1]) for i in plan.unknown)
    assert unknown == [("wxid_kun_a", 2, "other_id", "钱坤"), ("wxid_kun_b", 1, "other_id", "钱坤")]
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-11-09", "09:07")}
    assert _messages(ws) == {("王芳", "2026-11-09"): 1}
    # with his ID recorded, his account is his and the other one is another account
    with ws.session() as s:
        s.execute(update(Member).where(Member.display_name == "钱坤").values(wechat_id="wxid_kun_b"))
        s.commit()
    plan = _plan(ws, path)
    assert [(i.sender_id, i.display_name) for i in plan.known if i.display_name == "钱坤"] == [("wxid_kun_b", "钱坤")]
    assert [i.sender_id for i in plan.unknown] == ["wxid_kun_a"]


def test_a_csv_export_cut_off_is_refused_naming_its_row(ws, tmp_path):
    """A 留痕 CSV cut off (a copy that stopped) inside its last row's sender ID gave a sender 'wxid_d4' — with
    --add-unknown a new member with half of 李跃's ID; cut inside a quoted chain it said 'row 7 has 8 columns' for
    a row starting on line 3. Both writers end every row with a line break: a file that does not is refused,
    naming the row where the cut one starts."""
    import pytest

    from desktop.io import chat_exports
    from desktop.io.fields import ImportProblem

    header = ",".join(chat_exports._LIUHEN_CSV_HEADER) + "\r\n"
    good = "5001,27,1,0,0,1793484920,3,打卡,2026-11-06 06:15:00,芳芳,芳芳,wxid_g7h8i9\r\n"
    cut_id = _write(
        tmp_path,
        "a_utf8.csv",
        header + good + "5002,27,1,0,0,1793484980,3,打卡,2026-11-06 06:16:00,跃跃,跃跃,wxid_d4",
        "utf-8-sig",
    )
    with pytest.raises(ImportProblem) as problem:
        _import(ws, cut_id, add_unknown=True)
    assert "a_utf8.csv" in str(problem.value) and "line 3" in str(problem.value)
    cut_chain = _write(
        tmp_path,
        "b_utf8.csv",
        header + good + '5002,27,1,0,0,1793484980,3,"#接龙\n11月6日打卡\n\n1. 芳芳\n2. 跃',
        "utf-8-sig",
    )
    with pytest.raises(ImportProblem) as problem:
        _import(ws, cut_chain)
    assert "line 3" in str(problem.value) and "cut off" in str(problem.value)
    assert _messages(ws) == {}
    whole = _write(tmp_path, "c_utf8.csv", header + good, "utf-8-sig")
    _import(ws, whole)
    assert _messages(ws) == {("王芳", "2026-11-06"): 1}


def test_a_qq_export_of_several_chats_is_refused_naming_them(ws, tmp_path):
    """QQ's 'export all messages' writes every chat into one file, each under its own 消息分组/消息对象 block. All
    of them were read into the selected group — another group's and private chats' messages and check-ins
    credited to 晨跑俱乐部 — and only the last block's name was compared with the group. A file of several chats
    is refused, naming them."""
    import pytest

    from desktop.io.fields import ImportProblem

    rule = "=" * 64
    night = f"{rule}\n消息分组:我的群聊\n{rule}\n消息对象:夜跑群\n{rule}\n\n2026-11-05 21:10:00 王芳(283746503)\n夜跑打卡\n\n"
    friend = (
        f"{rule}\n消息分组:我的好友\n{rule}\n消息对象:芳芳\n{rule}\n\n2026-11-05 22:00:00 王芳(283746503)\n打卡了吗\n\n"
    )
    path = _qq(tmp_path, "夜跑群", "2026-11-05 06:00:00 李跃(283746502)\n早\n\n")
    text = path.read_text(encoding="utf-8-sig").replace("消息对象:夜跑群", "消息对象:晨跑俱乐部")
    text = text.replace(
        "消息记录（此消息记录为文本格式，不支持重新导入）\n\n",
        "消息记录（此消息记录为文本格式，不支持重新导入）\n\n" + night + friend,
    )
    path = _write(tmp_path, "全部消息记录.txt", "\ufeff" + text)
    with pytest.raises(ImportProblem) as problem:
        _plan(ws, path)
    assert "夜跑群" in str(problem.value) and "晨跑俱乐部" in str(problem.value)
    assert _messages(ws) == {}


def test_a_private_chat_export_is_refused(ws, tmp_path):
    """An export of a one-to-one chat (picked by mistake in the file dialog) was read as the group's: the friend's
    messages and check-ins credited to their membership. Where the export says so — ChatLab meta.type private, QCE
    chatInfo.type, WeFlow's 微信ID not a chatroom, PyWxDump's room_name a wxid — it is refused, naming the friend."""
    import json

    import pytest
    from openpyxl import Workbook

    from desktop.io import chat_exports
    from desktop.io.fields import ImportProblem

    chatlab = {
        "chatlab": {"version": "0.0.2", "exportedAt": 1793916000},
        "meta": {"name": "芳芳", "platform": "wechat", "type": "private"},
        "members": [],
        "messages": [
            {"sender": "wxid_g7h8i9", "accountName": "芳芳", "timestamp": 1793916000, "type": 0, "content": "打卡"}
        ],
    }
    qce = _qce(tmp_path, [_qce_message(1, "2026-11-07 06:10:00", "283746503", "芳芳", "打卡")], name="friend.json")
    qce.write_text(
        qce.read_text(encoding="utf-8")
        .replace('"type": "group"', '"type": "friend"')
        .replace('"type":"group"', '"type":"friend"'),
        encoding="utf-8",
    )
    book = Workbook()
    sheet = book.active
    sheet.title = "聊天记录"
    sheet.append(["会话信息"])
    sheet.append(["微信ID", "wxid_g7h8i9", None, "昵称", "芳芳", "备注", "王芳"])
    sheet.append(["导出工具", "WeFlow", "导出版本", "0.0.2", "平台", "wechat", "导出时间", "2026-11-08 10:00:00"])
    sheet.append(["序号", "时间", "发送者昵称", "发送者微信ID", "发送者备注", "发送者身份", "消息类型", "内容"])
    sheet.append([1, "2026-11-07 06:10:00", "芳芳", "wxid_g7h8i9", "王芳", "王芳", "文本消息", "打卡"])
    book.save(tmp_path / "芳芳.xlsx")
    pywxdump = _write(
        tmp_path,
        "wxid_g7h8i9_0_2.csv",
        ",".join(chat_exports._PYWXDUMP_HEADER)
        + "\r\n1,111,文本,0,wxid_g7h8i9,wxid_g7h8i9,打卡,,2026-11-07 06:10:00\r\n",
    )
    files = [
        _write(tmp_path, "芳芳.json", json.dumps(chatlab, ensure_ascii=False)),
        qce,
        tmp_path / "芳芳.xlsx",
        pywxdump,
    ]
    for path in files:
        with pytest.raises(ImportProblem, match="private chat"):
            _import(ws, path)
    assert _messages(ws) == {} and _checkins(ws) == set()


def test_the_cli_summary_accounts_for_every_row(ws, tmp_path, capsys):
    """The summary listed messages, unknown senders and rows already imported, but not the notices (recalls,
    pats, joins) nor the rows of senders an earlier import was told to ignore: those rows had no outcome anyone
    could see. Both are lines of the summary now."""
    from desktop.cli import main
    from desktop.services.chat_import import run_chat_import
    from desktop.workspace import actor_for

    path = _liuhen(
        tmp_path,
        [
            ("2026-11-09 09:00:00", 10000, '"芳芳" 撤回了一条消息', "", ""),
            ("2026-11-09 09:01:00", 10000, '"跃跃" 拍了拍 "芳芳"', "", ""),
            ("2026-11-09 09:02:00", 1, "打卡", "芳芳", "wxid_g7h8i9"),
            ("2026-11-09 09:03:00", 1, "广告", "推销员", "wxid_spam"),
            ("2026-11-09 09:04:00", 1, "广告2", "推销员", "wxid_spam"),
        ],
    )
    later = _liuhen(tmp_path, [("2026-11-10 09:03:00", 1, "广告", "推销员", "wxid_spam")], name="b_utf8.csv")
    run_chat_import(ws, actor_for(ws), path, rules.GROUP, decisions={"id:wxid_spam": ("ignore", None)})
    capsys.readouterr()
    db = str(ws.engine.url.database)
    assert main(["--db", db, "import", "chat", str(later), "--group", rules.GROUP]) == 0
    out = capsys.readouterr().out
    assert "messages of ignored senders" in out and out.split("messages of ignored senders")[1].split()[0] == "1"
    fresh = _liuhen(
        tmp_path,
        [
            ("2026-11-11 09:00:00", 10000, '"芳芳" 撤回了一条消息', "", ""),
            ("2026-11-11 09:02:00", 1, "早", "芳芳", "wxid_g7h8i9"),
        ],
        name="c_utf8.csv",
    )
    assert main(["--db", db, "import", "chat", str(fresh), "--group", rules.GROUP]) == 0
    out = capsys.readouterr().out
    assert out.split("notices (not messages)")[1].split()[0] == "1"


def test_a_reply_quoting_a_check_in_with_an_emoji_is_not_the_repliers_check_in(ws, tmp_path):
    """WeFlow writes a reply as `{reply}[引用 {sender}：{preview}]`. When the quoted check-in holds a bracket —
    WeChat's emoji in text ([强], [玫瑰]) or a quoted [图片] — the quote was not cut off, and the reply ('赞')
    checked its sender in with 芳芳's words. The quote is cut at its opening whatever it holds."""
    import json

    path = _write(
        tmp_path,
        "weflow.txt",
        "2026-11-06 06:10:00 '芳芳'\n打卡第3天[强]\n\n"
        "2026-11-06 06:20:00 '跃跃'\n赞[引用 芳芳：打卡第3天[强]]\n\n"
        "2026-11-06 06:21:00 '磊子'\n打卡[玫瑰][引用 芳芳：打卡第3天[强]]\n\n",
    )
    _import(ws, path)
    assert _checkins(ws) == {("王芳", "2026-11-06", "06:10"), ("陈磊", "2026-11-06", "06:21")}
    chatlab = {
        "chatlab": {"version": "0.0.2", "exportedAt": 1794002400},
        "meta": {"name": rules.GROUP, "platform": "wechat", "type": "group"},
        "members": [],
        "messages": [
            {
                "sender": "wxid_y7z8a9",
                "accountName": "坤哥",
                "timestamp": 1794002400,
                "type": 25,
                "content": "👍[引用 芳芳：打卡[强]]",
            }
        ],
    }
    _import(ws, _write(tmp_path, "c.json", json.dumps(chatlab, ensure_ascii=False)))
    assert _messages(ws)[("钱坤", "2026-11-07")] == 1
    assert not any(name == "钱坤" for name, _day, _at in _checkins(ws))


def test_a_message_that_only_talks_about_checking_in_is_nobodys_check_in(ws, tmp_path):
    """The keyword alone made a check-in of the sender: a question (`大家打卡了吗？`, `@芳芳 你今天打卡了吗`), a
    start later (`明天开始打卡`), the check-in as a thing (`打卡链接在群公告`) or one for someone else (`帮芳芳打卡`:
    credited to the writer). They stay messages; a message that checks in besides still does."""
    path = _write(
        tmp_path,
        "weflow.txt",
        "2026-11-06 06:00:00 '晨光'\n大家打卡了吗？\n\n"
        "2026-11-06 06:01:00 '晨光'\n@芳芳 你今天打卡了吗\n\n"
        "2026-11-06 06:02:00 '磊子'\n明天开始打卡\n\n"
        "2026-11-06 06:03:00 '坤哥'\n打卡链接在群公告\n\n"
        "2026-11-06 06:04:00 '跃跃'\n帮芳芳打卡\n\n"
        "2026-11-07 06:10:00 '磊子'\n打卡✅ 明天开始打卡新书\n\n"
        "2026-11-07 06:11:00 '坤哥'\n打卡，今天有人一起跑吗？\n\n",
    )
    _import(ws, path)
    assert _checkins(ws) == {("陈磊", "2026-11-07", "06:10"), ("钱坤", "2026-11-07", "06:11")}
    assert _messages(ws)[("周晓晨", "2026-11-06")] == 2
