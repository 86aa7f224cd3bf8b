"""Regenerate the chat-export test corpus in tests/data/chat/ (except the .xlsx, see make_weflow_xlsx.py).

Run from the repository root:  .venv/bin/python tests/data/chat/make_chat_corpus.py
(stdlib only; make_weflow_xlsx.py needs openpyxl and imports the scenario from this file.)

ONE scenario (group 晨跑俱乐部, November 2026, local time Asia/Shanghai = UTC+8) is rendered the way
each exporter really writes it (see docs/chat_formats.md for the source files each renderer copies):

  晨跑俱乐部_utf8.csv            留痕 (LC044/WeChatMsg) CSV
  晨跑俱乐部.txt                 留痕 TXT
  pywxdump_晨跑俱乐部.csv        PyWxDump CSV   (real name: <chatroom id>_0_<n+1>.csv)
  WeFlow_晨跑俱乐部.xlsx         WeFlow Excel   (make_weflow_xlsx.py; real name: 晨跑俱乐部.xlsx)
  weflow_晨跑俱乐部.txt          WeFlow TXT     (real name: 晨跑俱乐部.txt)
  chatlab_晨跑俱乐部.json        ChatLab JSON as written by WeFlow (real name: 晨跑俱乐部.json)
  chatlab_晨跑俱乐部.jsonl       ChatLab JSONL as written by WeFlow
  qq_晨跑俱乐部.txt              QQ PC 消息管理器 TXT (same club's QQ group)
  overlap_part1_晨跑俱乐部_utf8.csv / overlap_part2_…   留痕 CSV, 11-01..11-20 and 11-15..11-30
  unrecognised.csv / unrecognised.txt                   plausible but unknown formats

The truth (who sent what, when) lives in MEMBERS / UNKNOWN / EVENTS below; expected.json is derived from it
by the rules written into expected.json["rules"].  The output is deterministic.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

OUT = Path(__file__).resolve().parent
TZ = timezone(timedelta(hours=8))  # Asia/Shanghai, no DST
TZ_NAME = "Asia/Shanghai"

GROUP_ID = "48392017563@chatroom"
GROUP_NAME = "晨跑俱乐部"  # name at export time (renamed from 晨跑群 on 11-10)
OLD_GROUP_NAME = "晨跑群"
QQ_GROUP_NO = "736281945"
TALKER_ID = 27  # 留痕 TalkerId: the chat's row id in Name2ID, same for every row of the chat
OWNER = "m01"  # the exporting user (群主)

# ---------------------------------------------------------------------------------------------
# The roster that exists BEFORE the import (scenario.json) and the exporter-side facts
# (owner's contact remarks, QQ titles, group-nickname change) that only affect how names are rendered.
# ---------------------------------------------------------------------------------------------
MEMBERS: dict[str, dict] = {
    "m01": dict(
        name="周晓晨",
        nickname="晨光",
        group_nickname="晓晨(群主)",
        wechat_id="wxid_a1b2c3",
        qq="283746501",
        status="active",
        role="owner",
    ),
    "m02": dict(
        name="李跃",
        nickname="跃跃",
        group_nickname="李跃-5公里",
        wechat_id="wxid_d4e5f6",
        qq="283746502",
        status="active",
        role="admin",
    ),
    "m03": dict(
        name="王芳",
        nickname="芳芳",
        group_nickname="王芳",
        wechat_id="wxid_g7h8i9",
        qq="283746503",
        status="active",
        role="member",
    ),
    "m04": dict(
        name="陈磊",
        nickname="磊子",
        group_nickname="陈磊",
        wechat_id="chenlei_run88",
        qq="283746504",
        status="active",
        role="member",
    ),
    "m05": dict(
        name="张敏",
        nickname="小敏",
        group_nickname="",
        wechat_id="wxid_m4n5o6",
        qq="283746505",
        status="pending",
        role="member",
    ),
    "m06": dict(
        name="刘洋",
        nickname="阳光",
        group_nickname="",
        wechat_id="wxid_p7q8r9",
        qq="283746506",
        status="active",
        role="member",
    ),
    "m07": dict(
        name="孙阳",
        nickname="阳光",
        group_nickname="",
        wechat_id="wxid_s1t2u3",
        qq="283746507",
        status="active",
        role="member",
    ),
    "m08": dict(
        name="赵婷",
        nickname="Tina",
        group_nickname="",
        wechat_id="wxid_v4w5x6",
        qq="283746508",
        status="pending",
        role="member",
    ),
    "m09": dict(
        name="钱坤",
        nickname="坤哥",
        group_nickname="",
        wechat_id="wxid_y7z8a9",
        qq="283746509",
        status="pending",
        role="member",
    ),
    "m10": dict(
        name="吴桐",
        nickname="梧桐",
        group_nickname="",
        wechat_id="wxid_b1c2d3",
        qq="283746510",
        status="pending",
        role="member",
    ),
    "m11": dict(
        name="郑凯",
        nickname="凯凯",
        group_nickname="郑凯",
        wechat_id="wxid_e4f5g6",
        qq="283746511",
        status="active",
        role="member",
    ),
    "m12": dict(
        name="冯雪",
        nickname="Snow's Run",
        group_nickname="冯雪",
        wechat_id="wxid_h7i8j9",
        qq="283746512",
        status="active",
        role="member",
    ),
}
# A sender who is in the group but NOT on the roster.
UNKNOWN = {"x01": dict(nickname="跑步的老刘", wechat_id="wxid_k1l2m3", qq_id="laoliu@example.com")}

OWNER_REMARKS = {"m02": "李跃", "m04": "陈磊"}  # the exporting user's WeChat contact remarks (备注)
QQ_TITLES = {"m02": "教练"}  # QQ 群头衔, rendered as 【教练】 before the name
GROUP_NICK_CHANGE = ("m03", "2026-11-14", "王芳-半马备赛")  # no system message for this in WeChat

DAY0, DAYN = "2026-11-01", "2026-11-30"


def person(key: str) -> dict:
    return MEMBERS.get(key) or UNKNOWN[key]


def group_nick_at(key: str, day: str) -> str:
    who, since, new = GROUP_NICK_CHANGE
    if key == who and day >= since:
        return new
    return MEMBERS[key]["group_nickname"] if key in MEMBERS else ""


def current_group_nick(key: str) -> str:
    return group_nick_at(key, DAYN)


# ---------------------------------------------------------------------------------------------
# Events.  kind: text | image | sticker | voice | video | link | file | reply | chain (a text whose first
# line is #接龙) | sys (subkind invite | qr | notfriend | remove | recall | pat | rename).
# Names inside WeChat system texts are the people's WeChat nicknames.
# ---------------------------------------------------------------------------------------------
def chain_text(header: list[str], entries: list[str]) -> str:
    return "\n".join(["#接龙", *header, "", *[f"{i}. {e}" for i, e in enumerate(entries, 1)]])


C8_HEAD = ["11月8日 晨跑打卡"]
C8 = ["周晓晨 5公里", "李跃 8公里", "王芳", "阳光", "冯雪 3公里", "陈磊", "老刘"]
C16_HEAD = ["11.16 周日长距离打卡", "例 1. 名字 公里数"]
C16 = ["李跃 15公里", "梧桐 10公里", "钱坤", "孙阳 12公里"]
C20_HEAD = ["周六(11/21)赛后聚餐报名"]
C20 = ["周晓晨", "李跃", "陈磊 +1"]

NEVER_STORE = [
    "我家住在滨江花园7栋1单元302，早上六点楼下集合吧",
    "下周体检报告出来了，血压有点高，先停跑两周",
    "我的手机号是13912345678，周六有事直接打我",
    "有人要二手跑鞋吗，42码九成新",
]

_E: list[dict] = []


def ev(when: str, kind: str, who: str | None, **kw) -> None:
    _E.append(dict(when=when, kind=kind, who=who, **kw))


def sysev(when: str, sub: str, actor: str | None = None, targets: list[str] | None = None, **kw) -> None:
    _E.append(dict(when=when, kind="sys", sub=sub, who=None, actor=actor, targets=targets or [], **kw))


# 11-01
ev("2026-11-01 06:15:20", "text", "m03", text="早安打卡 第1天")
ev("2026-11-01 06:20:05", "text", "m02", text="打卡✅ 5公里")
ev("2026-11-01 06:31:40", "text", "m01", text="大家早！今天配速控制在6分左右")
ev("2026-11-01 06:32:10", "image", "m04")
ev("2026-11-01 07:05:00", "text", "m06", text="今天膝盖有点不舒服，休息一天")
ev("2026-11-01 07:06:30", "text", "m07", text="收到，注意拉伸")
ev("2026-11-01 20:15:00", "sticker", "m12")
ev("2026-11-01 21:40:12", "text", "m01", text='明早6点半滨江公园南门集合，他说"雨天改室内"，大家注意')
# 11-02
ev("2026-11-02 06:10:00", "text", "m03", text="早安打卡 第2天")
ev("2026-11-02 06:25:33", "text", "m02", text="打卡✅ 5公里")
ev("2026-11-02 06:40:00", "voice", "m11", secs=5)
ev("2026-11-02 07:00:00", "text", "m12", text="今天跑了4公里，打卡")
ev("2026-11-02 12:30:00", "text", "x01", text="请问周末有没有新人跑？", ref="q_laoliu")
ev("2026-11-02 12:45:10", "reply", "m01", text="欢迎，周六早上可以来试跑", quote="q_laoliu")
ev("2026-11-02 22:10:00", "text", "m06", text="打卡 晚跑3公里")
# 11-03
ev("2026-11-03 06:15:02", "text", "m03", text="早安打卡 第3天")
ev("2026-11-03 06:50:00", "text", "m02", text="打卡✅ 5公里")
sysev("2026-11-03 09:00:00", "invite", actor="m02", targets=["m08", "m09"])
ev("2026-11-03 09:01:30", "text", "m08", text="大家好，我是Tina，请多关照")
ev("2026-11-03 09:02:10", "sticker", "m09")
ev("2026-11-03 09:03:00", "text", "m01", text="欢迎新朋友！群公告里有集合地点")
ev("2026-11-03 20:00:00", "text", "m02", text="晚上再补一次打卡，夜跑3公里")
sysev("2026-11-03 20:05:00", "pat", actor="m02", targets=["m03"])
# 11-04
ev("2026-11-04 06:12:00", "text", "m03", text="早安打卡 第4天")
ev("2026-11-04 06:30:00", "text", "m09", text="第一次跟跑，打卡！")
ev(
    "2026-11-04 07:10:00",
    "link",
    "m04",
    title="30天晨跑打卡挑战，你敢来吗？",
    des="坚持30天，遇见更好的自己",
    url="https://mp.weixin.qq.com/s/AbCdEf123",
    app="悦跑圈",
)
ev("2026-11-04 07:30:00", "text", "m07", text="今天风好大")
ev("2026-11-04 07:31:00", "text", "m06", text="是啊，逆风跑得好累")
sysev("2026-11-04 08:00:00", "recall", actor="m09")
ev("2026-11-04 08:01:00", "text", "m09", text="发错群了，抱歉")
# 11-05
ev("2026-11-05 06:20:00", "text", "m02", text="打卡✅ 5公里")
ev("2026-11-05 06:45:00", "image", "m08")
ev("2026-11-05 06:46:00", "image", "m08")
ev("2026-11-05 07:12:30", "voice", "m11", secs=3)
ev("2026-11-05 12:00:00", "file", "m01", filename="11月打卡统计.xlsx", size=18432)
ev("2026-11-05 12:05:00", "text", "m12", text=NEVER_STORE[0])
ev("2026-11-05 12:06:00", "text", "m01", text="这种信息别发群里哈")
# 11-06
ev("2026-11-06 06:18:00", "text", "m03", text="早安打卡 第5天")
sysev("2026-11-06 10:00:00", "invite", actor="m01", targets=["m05"])
ev("2026-11-06 10:02:00", "text", "m05", text="谢谢晓晨拉我进群～")
ev("2026-11-06 10:03:00", "sticker", "m02")
ev("2026-11-06 21:30:00", "video", "m04", secs=15)
# 11-07
ev("2026-11-07 06:14:00", "text", "m03", text="早安打卡 第6天")
ev("2026-11-07 06:35:00", "text", "m05", text="打卡✅ 3公里，第一次跑完没停")
ev("2026-11-07 07:00:00", "text", "x01", text="打卡")
ev("2026-11-07 23:30:00", "text", "m04", text="明天早上接龙，大家别忘了")
# 11-08: a #接龙 check-in chain reposted 7 times; only the 09:40 copy counts
ev("2026-11-08 06:11:00", "text", "m03", text="早安打卡 第7天")
ev("2026-11-08 06:40:00", "chain", "m01", text=chain_text(C8_HEAD, C8[:1]))
ev("2026-11-08 06:52:10", "chain", "m02", text=chain_text(C8_HEAD, C8[:2]))
ev("2026-11-08 07:05:00", "chain", "m03", text=chain_text(C8_HEAD, C8[:3]))
ev("2026-11-08 07:30:00", "chain", "m06", text=chain_text(C8_HEAD, C8[:4]))
ev("2026-11-08 07:31:00", "text", "m06", text="阳光是我刘洋哈")
ev("2026-11-08 08:10:00", "chain", "m12", text=chain_text(C8_HEAD, C8[:5]))
ev("2026-11-08 09:20:00", "chain", "m04", text=chain_text(C8_HEAD, C8[:6]))
ev("2026-11-08 09:40:00", "chain", "x01", text=chain_text(C8_HEAD, C8[:7]))
# 11-09
ev("2026-11-09 06:16:00", "text", "m03", text="早安打卡 第8天")
ev("2026-11-09 07:00:00", "image", "m07")
ev("2026-11-09 19:00:00", "text", "m11", text=NEVER_STORE[1], ref="q_kaikai")
ev("2026-11-09 19:05:00", "reply", "m01", text="身体要紧，好好休息", quote="q_kaikai")
# 11-10
sysev("2026-11-10 08:00:00", "rename", actor="m02", new_name=GROUP_NAME)
ev("2026-11-10 08:01:00", "text", "m01", text="新群名不错👍")
ev("2026-11-10 23:59:40", "text", "m12", text="睡前补个打卡，今天跑了6公里")
# 11-11 (00:00:30 local is still 11-10 in UTC)
ev("2026-11-11 00:00:30", "text", "m12", text="午夜打卡：新的一天先跑为敬")
ev("2026-11-11 06:20:00", "text", "m02", text="打卡✅ 5公里")
ev("2026-11-11 06:22:00", "text", "m03", text="早安打卡 第9天")
# 11-12
sysev("2026-11-12 07:00:00", "qr", actor="m04", targets=["m10"])
sysev("2026-11-12 07:00:01", "notfriend", targets=["m10"])
ev("2026-11-12 07:02:00", "text", "m10", text="hello，扫码进来的，周末能跟跑吗")
ev("2026-11-12 07:03:00", "text", "m04", text="可以的，周六见")
sysev("2026-11-12 07:10:00", "pat", actor="m04", targets=["m01"])
# 11-13
ev("2026-11-13 06:30:00", "text", "m10", text="打卡✅ 5公里")
ev("2026-11-13 06:35:00", "text", "m08", text="打卡 4公里")
ev("2026-11-13 06:40:00", "voice", "m09", secs=8)
sysev("2026-11-13 12:00:00", "recall", actor="m01")
ev("2026-11-13 12:00:30", "text", "m01", text="刚才发错了，周六集合时间改成7点")
# 11-14 (m03 changes her group nickname today; WeChat writes no system message for that)
ev("2026-11-14 06:15:00", "text", "m03", text="早安打卡 第10天")
ev("2026-11-14 09:00:00", "text", "m03", text="我改了群昵称，最近在备战半马")
ev("2026-11-14 18:00:00", "text", "m07", text="打卡 6公里")
# 11-15
ev("2026-11-15 06:10:00", "text", "m02", text="打卡✅ 5公里")
ev("2026-11-15 06:12:00", "text", "m03", text="早安打卡 第11天")
ev("2026-11-15 07:00:00", "image", "m05")
ev("2026-11-15 07:30:00", "text", "m01", text=NEVER_STORE[2])
# 11-16: second check-in chain (the "例 1. …" line is an example, not an entry)
ev("2026-11-16 06:30:00", "chain", "m02", text=chain_text(C16_HEAD, C16[:1]))
ev("2026-11-16 06:45:00", "chain", "m10", text=chain_text(C16_HEAD, C16[:2]))
ev("2026-11-16 07:20:00", "chain", "m09", text=chain_text(C16_HEAD, C16[:3]))
ev("2026-11-16 07:50:00", "chain", "m07", text=chain_text(C16_HEAD, C16[:4]))
ev("2026-11-16 08:30:00", "text", "m02", text="大家跑完记得补水")
# 11-17
ev("2026-11-17 06:20:00", "text", "m03", text="早安打卡 第12天")
ev("2026-11-17 06:25:00", "sticker", "m08")
ev("2026-11-17 12:00:00", "text", "m11", text=NEVER_STORE[3])
# 11-18
sysev("2026-11-18 09:00:00", "remove", actor="m01", targets=["m11"])
ev("2026-11-18 09:01:00", "text", "m01", text="群里不允许发二手交易信息，已移出")
# 11-19
ev("2026-11-19 06:30:00", "text", "m05", text="打卡✅ 3公里")
ev("2026-11-19 06:31:00", "text", "m06", text="打卡 5公里")
ev("2026-11-19 21:00:00", "image", "x01")
# 11-20: a 接龙 whose title has no 打卡 (activity sign-up): messages count, entries are NOT check-ins
ev("2026-11-20 12:00:00", "chain", "m01", text=chain_text(C20_HEAD, C20[:1]))
ev("2026-11-20 12:10:00", "chain", "m02", text=chain_text(C20_HEAD, C20[:2]))
ev("2026-11-20 12:30:00", "chain", "m04", text=chain_text(C20_HEAD, C20[:3]))
ev("2026-11-20 12:31:00", "text", "m08", text="聚餐在哪家？")
sysev("2026-11-20 20:00:00", "pat", actor="m08", targets=["m09"], suffix="的脑袋")
# 11-21 .. 11-30
ev("2026-11-21 06:00:00", "text", "m01", text="比赛日！大家加油")
ev("2026-11-21 06:05:00", "text", "m03", text="早安打卡 第13天")
ev("2026-11-21 10:30:00", "video", "m12", secs=32, ref="q_video")
ev("2026-11-21 10:35:00", "reply", "m04", text="跑得真快", quote="q_video")
ev("2026-11-22 06:20:00", "text", "m02", text="打卡✅ 5公里")
ev("2026-11-22 06:21:00", "text", "m03", text="早安打卡 第14天")
ev("2026-11-22 08:00:00", "text", "m10", text="周末愉快")
ev("2026-11-23 07:00:00", "text", "m09", text="打卡 5公里")
ev("2026-11-24 06:30:00", "text", "m03", text="早安打卡 第15天")
ev("2026-11-24 19:00:00", "voice", "m06", secs=6)
ev("2026-11-24 19:01:00", "voice", "m07", secs=4)
ev("2026-11-25 12:00:00", "file", "m04", filename="冬季训练计划.pdf", size=532110)
ev("2026-11-25 12:10:00", "text", "m01", text="大家下载看看")
ev("2026-11-26 06:15:00", "text", "m03", text="早安打卡 第16天")
ev("2026-11-26 06:40:00", "text", "m08", text="打卡 4公里")
ev(
    "2026-11-27 20:00:00",
    "link",
    "m01",
    title="冬季跑步防寒指南",
    des="气温低于5度时的热身和装备建议",
    url="https://mp.weixin.qq.com/s/XyZ789",
    app="跑步指南",
)
ev("2026-11-28 06:30:00", "text", "m12", text="打卡 8公里，冲！")
ev("2026-11-28 06:31:00", "sticker", "m10")
ev("2026-11-29 06:20:00", "text", "m02", text="打卡✅ 5公里")
ev("2026-11-29 06:22:00", "image", "m05")
ev("2026-11-30 21:00:00", "text", "m01", text="11月辛苦了，月底统计马上发")
ev("2026-11-30 21:05:00", "text", "m03", text="早安打卡只断了几天，下月继续")

_E.sort(key=lambda e: e["when"])
_rng = random.Random(20261101)
for _i, _e in enumerate(_E):
    _e["local_id"] = 4101 + _i * 3 + (_i % 2)  # 留痕/PyWxDump localId: increasing, with gaps (other chats)
    _e["svrid"] = str(_rng.randrange(10**18, 9 * 10**18))
    _dt = datetime.strptime(_e["when"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=TZ)
    _e["ts"] = int(_dt.timestamp())
    _e["day"] = _e["when"][:10]
    _e["hm"] = _e["when"][11:16]
EVENTS = _E
_REFS = {e["ref"]: e for e in EVENTS if "ref" in e}


def quoted(e: dict) -> dict:
    return _REFS[e["quote"]]


def md5ish(e: dict, salt: str = "") -> str:
    return f"{random.Random(e['svrid'] + salt).getrandbits(128):032x}"


# ---------------------------------------------------------------------------------------------
# WeChat system texts (what the WeChat client stores for type 10000, Chinese client)
# ---------------------------------------------------------------------------------------------
def nick(key: str) -> str:
    return person(key)["nickname"]


def wx_system_text(e: dict) -> str:
    s, a, t = e["sub"], e.get("actor"), e["targets"]
    if s == "invite":
        names = "、".join(nick(k) for k in t)
        return f'你邀请"{names}"加入了群聊' if a == OWNER else f'"{nick(a)}"邀请"{names}"加入了群聊'
    if s == "qr":
        return f'"{nick(t[0])}"通过扫描"{nick(a)}"分享的二维码加入群聊'
    if s == "notfriend":
        return f'"{nick(t[0])}"与群里其他人都不是朋友关系，请注意隐私安全'
    if s == "remove":
        return f'你将"{nick(t[0])}"移出了群聊'
    if s == "recall":
        return "你撤回了一条消息" if a == OWNER else f'"{nick(a)}" 撤回了一条消息'
    if s == "pat":
        suffix = (" " + e["suffix"]) if e.get("suffix") else ""
        if t[0] == OWNER:
            return f'"{nick(a)}" 拍了拍我{suffix}'
        if a == OWNER:
            return f'我拍了拍 "{nick(t[0])}"{suffix}'
        return f'"{nick(a)}" 拍了拍 "{nick(t[0])}"{suffix}'
    if s == "rename":
        return f'"{nick(a)}"修改群名为“{e["new_name"]}”'
    raise ValueError(s)


def wx_system_raw_pc(e: dict) -> str:
    """StrContent of the type-10000 row in PC WeChat 3.9 MSG.db (what 留痕 CSV / PyWxDump copy verbatim)."""
    text = wx_system_text(e)
    if e["sub"] == "recall":
        if e["actor"] == OWNER:
            return (
                '<revokemsg><![CDATA[你撤回了一条消息 <a href="weixin://revoke_edit_click">重新编辑</a>]]></revokemsg>'
            )
        return f"<revokemsg>{text}</revokemsg>"
    return text


PC_SYS_SUBTYPE = {"invite": 0, "qr": 0, "notfriend": 0, "remove": 0, "recall": 1, "pat": 4, "rename": 0}


def pc_subtype(e: dict) -> int:
    if e["sub"] == "invite" and e["actor"] == OWNER:
        return 8000  # PyWxDump calls (10000, 8000) "邀请加群"
    return PC_SYS_SUBTYPE[e["sub"]]


# ---------------------------------------------------------------------------------------------
# 留痕 (LC044/WeChatMsg) — app/util/exporter/exporter_csv.py + exporter_txt.py @ fc1e2fa7
# ---------------------------------------------------------------------------------------------
PC_TYPE = {
    "text": (1, 0),
    "chain": (1, 0),
    "image": (3, 0),
    "voice": (34, 0),
    "video": (43, 0),
    "sticker": (47, 0),
    "link": (49, 5),
    "file": (49, 6),
    "reply": (49, 57),
}


def liuhen_remark(key: str) -> str:
    """Contact.remark: the owner's remark, else the nickname, with [\\/:*?"<>|\\s.] replaced by '_'."""
    if key == OWNER:
        return MEMBERS[OWNER]["nickname"]  # Me().remark = Me().name = own nickname, NOT sanitised
    raw = OWNER_REMARKS.get(key) or person(key)["nickname"]
    return re.sub(r'[\\/:*?"<>|\s\.]', "_", raw)


def escape_js_and_html(s: str) -> str:
    import html

    s = html.escape(s, quote=False)
    return (
        s.replace("\\", "\\\\")
        .replace("'", r"\'")
        .replace('"', r"\"")
        .replace("\n", r"\n")
        .replace("\r", r"\r")
        .replace("\t", r"\t")
    )


def pc_str_content(e: dict) -> str:
    k = e["kind"]
    if k in ("text", "chain"):
        return e["text"]
    sender = person(e["who"])["wechat_id"]
    m = md5ish(e)
    if k == "image":
        return (
            f'<?xml version="1.0"?>\n<msg>\n\t<img aeskey="{m}" encryver="1" cdnthumbaeskey="{m}" '
            f'cdnthumburl="3057020100044b30490201000204{m[:24]}" cdnthumblength="4213" cdnthumbheight="120" '
            'cdnthumbwidth="90" cdnmidheight="0" cdnmidwidth="0" cdnhdheight="0" cdnhdwidth="0" '
            f'cdnmidimgurl="3057020100044b30490201000204{m[8:]}" length="218733" md5="{m}" />\n'
            "\t<platform_signature></platform_signature>\n\t<imgdatahash></imgdatahash>\n</msg>\n"
        )
    if k == "voice":
        return (
            '<msg><voicemsg endflag="1" cancelflag="0" forwardflag="0" voiceformat="4" '
            f'voicelength="{e["secs"] * 1000 + 260}" length="{e["secs"] * 1600}" bufid="0" aeskey="{m}" '
            f'voiceurl="3052020100044b3049020100020400{m[:20]}" voicemd5="" '
            f'clientmsgid="41{md5ish(e, "c")[:30]}" fromusername="{sender}" /></msg>'
        )
    if k == "video":
        return (
            f'<?xml version="1.0"?>\n<msg>\n\t<videomsg aeskey="{m}" cdnvideourl="3057020100044b3049{m[:20]}" '
            f'cdnthumbaeskey="{m}" cdnthumburl="3057020100044b3049{m[4:24]}" length="{e["secs"] * 180000}" '
            f'playlength="{e["secs"]}" cdnthumblength="9412" cdnthumbwidth="288" cdnthumbheight="512" '
            f'fromusername="{sender}" md5="{m}" newmd5="{md5ish(e, "n")}" isplaceholder="0" rawmd5="" rawlength="0" '
            'cdnrawvideourl="" cdnrawvideoaeskey="" overwritenewmsgid="0" originsourcemd5="" isad="0" />\n</msg>\n'
        )
    if k == "sticker":
        return (
            f'<msg><emoji fromusername="{sender}" tousername="{GROUP_ID}" type="2" idbuffer="media:0_0" md5="{m}" '
            f'len="11260" productid="" androidmd5="{m}" androidlen="11260" s60v3md5="{m}" s60v3len="11260" '
            f's60v5md5="{m}" s60v5len="11260" cdnurl="http://vweixinf.tc.qq.com/110/20401/stodownload?m={m}'
            '&amp;filekey=30430201&amp;hy=SH&amp;storeid=265e575ca&amp;bizid=1023" designerid="" thumburl="" '
            f'encrypturl="" aeskey="{md5ish(e, "k")}" externurl="" externmd5="" width="240" height="240" tpurl="" '
            'tpauthkey="" attachedtext="" attachedtextcolor="" lensid="" emojiattr="" linkid="" desc=""></emoji>'
            '<gameext type="0" content="0"></gameext></msg>'
        )
    # type 49: StrContent is empty, the XML lives in CompressContent (lz4), which 留痕's CSV does not export
    return ""


def liuhen_csv_rows(events: list[dict]) -> list[list]:
    rows = []
    for e in events:
        if e["kind"] == "sys":
            own = e["sub"] == "recall" and e["actor"] == OWNER
            typ, sub, is_sender = 10000, pc_subtype(e), 1 if own else 0
            content = wx_system_raw_pc(e)
            # own rows -> Me(); rows without a sender wxid -> ContactDefault('') (all three empty)
            other = (
                [MEMBERS[OWNER]["nickname"], MEMBERS[OWNER]["nickname"], MEMBERS[OWNER]["wechat_id"]]
                if own
                else ["", "", ""]
            )
        else:
            typ, sub = PC_TYPE[e["kind"]]
            is_sender = 1 if e["who"] == OWNER else 0
            content = pc_str_content(e)
            p = person(e["who"])
            other = [liuhen_remark(e["who"]), p["nickname"], p["wechat_id"]]
        status = 2 if is_sender else 3
        rows.append([e["local_id"], TALKER_ID, typ, sub, is_sender, e["ts"], status, content, e["when"], *other])
    return rows


LIUHEN_COLUMNS = [
    "localId",
    "TalkerId",
    "Type",
    "SubType",
    "IsSender",
    "CreateTime",
    "Status",
    "StrContent",
    "StrTime",
    "Remark",
    "NickName",
    "Sender",
]


def write_liuhen_csv(path: Path, events: list[dict]) -> None:
    with open(path, mode="w", newline="", encoding="utf-8-sig") as f:  # exactly as exporter_csv.py
        w = csv.writer(f)
        w.writerow(LIUHEN_COLUMNS)
        for row in liuhen_csv_rows(events):
            w.writerow(row)


def liuhen_display_name(key: str) -> str:
    if key == OWNER:
        return escape_js_and_html(MEMBERS[OWNER]["nickname"])  # Me().name
    return escape_js_and_html(liuhen_remark(key))


def write_liuhen_txt(path: Path, events: list[dict]) -> None:
    out = []
    for e in events:
        t, k = e["when"], e["kind"]
        if k == "sys":
            content = (
                wx_system_raw_pc(e)
                .replace("<![CDATA[", "")
                .replace(' <a href="weixin://revoke_edit_click">重新编辑</a>]]>', "")
            )
            out.append(f"{t} {content}\n\n")
            continue
        name = liuhen_display_name(e["who"])
        if k in ("text", "chain"):
            out.append(f"{t} {name}\n{e['text']}\n\n")
        elif k == "image":
            out.append(f"{t} {name}\n[图片]\n\n")
        elif k == "voice":
            out.append(f"{t} {name}\n[语音]\n\n")
        elif k == "video":
            out.append(f"{t} {name}\n[视频]\n\n")
        elif k == "sticker":
            out.append(f"{t} {name}\n[表情包]\n\n")
        elif k == "file":
            out.append(f"{t} {name}\n[文件]\n\n")
        elif k == "reply":
            q = quoted(e)
            if q["kind"] == "text":  # parser_reply only keeps the quote when the quoted message is text (type 1)
                qname = current_group_nick(q["who"]) or nick(q["who"]) if q["who"] in MEMBERS else nick(q["who"])
                out.append(f"{t} {name}\n{e['text']}\n引用:{qname}:{q['text']}\n\n")
            else:
                out.append(f"{t} {name}\n{e['text']}\n引用:未知\n\n")
        elif k == "link":
            out.append(f"""{t} {name}
            [链接]:title:{escape_js_and_html(e["title"])}
            description:{escape_js_and_html(e["des"])}
            url:{escape_js_and_html(e["url"])}
            name:{escape_js_and_html(e["app"])}
            \n\n""")
        else:
            raise ValueError(k)
    with open(path, mode="w", newline="", encoding="utf-8") as f:
        f.write("".join(out))


# 留痕 HTML — app/util/exporter/exporter_html.py + app/resources/data/template.html @ fc1e2fa7: the template split at
# /*注意看这是分割线*/, the group's remark in <title> and <p id="title">, one JS object per message (no line breaks,
# except after link cards), timestamp = CreateTime (epoch seconds)
HTML_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <meta name="referrer" content="no-referrer"/>
    <style>
* {
    padding: 0;
    margin: 0;
}
</style>
    <title>出错了</title>
</head>
<body>
<div class="page">
    <div class="main-body">
        <div class="title-bar"><p id="title">出错了</p></div>
        <div class="container">
            <div class="content" id="chat-container" onscroll="checkScroll()">
                <div class="item item-center">
                    <span>错误提示</span>
                </div>
            </div>
        </div>
    </div>
</div>
<script>
const chatMessages = [
"""
HTML_END = """
];

</script>
<script>
const chatContainer = document.getElementById('chat-container');
const itemsPerPage = 100; // 每页显示的元素个数
</script>
</body>
</html>
"""


def liuhen_html_entry(e: dict) -> str:
    ts, k = e["ts"], e["kind"]
    if k == "sys":
        own = e["sub"] == "recall" and e["actor"] == OWNER
        content = (
            wx_system_raw_pc(e)
            .replace("<![CDATA[", "")
            .replace(' <a href="weixin://revoke_edit_click">重新编辑</a>]]>', "")
        )
        for tag in re.findall(r"(</{0,1}(?:img|revo|_wc_cus|a).*?>)", content):
            content = content.replace(tag, "")
        return (
            f"{{ type:0, text: '{escape_js_and_html(content)}',is_send:{1 if own else 0},avatar_path:'',"
            f"timestamp:{ts},is_chatroom:1,displayname:''}},"
        )
    is_send = 1 if e["who"] == OWNER else 0
    name = liuhen_display_name(e["who"])
    avatar = f"https://wx.qlogo.cn/mmhead/ver_1/{md5ish(e, 'a')}/132"
    tail = f"timestamp:{ts},is_chatroom:1,displayname:'{name}'"
    m = md5ish(e)
    if k in ("text", "chain"):
        return f"{{ type:1, text: '{escape_js_and_html(e['text'])}',is_send:{is_send},avatar_path:'{avatar}',{tail}}},"
    if k == "image":
        return f"{{ type:3, text: './image/{m[:2]}/{m}.jpg',is_send:{is_send},avatar_path:'{avatar}',{tail}}},"
    if k == "sticker":  # emoji() writes type 3 with the sticker's URL
        url = f"http://vweixinf.tc.qq.com/110/20401/stodownload?m={m}"
        return f"{{ type:3, text: '{url}',is_send:{is_send},avatar_path:'{avatar}',{tail}}},"
    if k == "voice":
        return (
            f"{{ type:34, text:'./voice/{e['svrid']}.mp3',is_send:{is_send},avatar_path:'{avatar}',voice_to_text:'',"
            f"{tail}}},"
        )
    if k == "video":
        return f"{{ type:43, text: './video/{m}.mp4',is_send:{is_send},avatar_path:'{avatar}',{tail}}},"
    if k == "file":
        return (
            f"{{ type:49, text: './file/{m[:8]}.pdf',is_send:{is_send},avatar_path:'{avatar}',{tail},"
            f"icon_path: './icon/pdf.png',sub_type:6,file_name: '{m[:8]}.pdf',file_size: '204.8KB',app_name: ''}},"
        )
    if k == "reply":
        q = quoted(e)
        if q["kind"] == "text":
            qname = current_group_nick(q["who"]) or nick(q["who"]) if q["who"] in MEMBERS else nick(q["who"])
            refer = f"{escape_js_and_html(qname)}：{escape_js_and_html(q['text'])}"
            return (
                f"{{ type:49, text: '{escape_js_and_html(e['text'])}',is_send:{is_send},sub_type:57,"
                f"refer_text: '{refer}',avatar_path:'{avatar}',{tail}}},"
            )
        return (
            f"{{ type:49, text: '{escape_js_and_html(e['text'])}',is_send:{is_send},sub_type:57,"
            f"avatar_path:'{avatar}',{tail}}},"
        )
    if k == "link":  # share_card(): title, description, url and app_name are NOT escaped
        return (
            f"{{ type:49,sub_type:5, text:'',is_send:{is_send},avatar_path:'{avatar}',url:'{e['url']}',"
            f"timestamp:{ts},is_chatroom:1,displayname:'{name}',title:'{e['title']}',description:'{e['des']}',"
            f"thumbnail:'',app_logo:'',app_name:'{e['app']}'}},\n"
        )
    raise ValueError(k)


def write_liuhen_html(path: Path, events: list[dict]) -> None:
    head = HTML_HEAD.replace("<title>出错了</title>", f"<title>{GROUP_NAME}</title>").replace(
        '<p id="title">出错了</p>', f'<p id="title">{GROUP_NAME}</p>'
    )
    with open(path, mode="w", encoding="utf-8") as f:  # open(filename, 'w', encoding='utf-8'): platform newlines
        f.write(head + "".join(liuhen_html_entry(e) for e in events) + HTML_END)


# ---------------------------------------------------------------------------------------------
# PyWxDump — pywxdump/api/export/exportCSV.py + db/dbMSG.py @ d6763308
# ---------------------------------------------------------------------------------------------
PYWX_TYPE_NAME = {
    (1, 0): "文本",
    (3, 0): "图片",
    (34, 0): "语音",
    (43, 0): "视频",
    (47, 0): "动画表情",
    (49, 5): "(分享)卡片式链接",
    (49, 6): "文件",
    (49, 57): "引用回复",
    (10000, 0): "系统通知",
    (10000, 1): "消息撤回1",
    (10000, 4): "拍一拍",
    (10000, 8000): "邀请加群",
}


def pywx_row(e: dict, rowno: int) -> list:
    win = "\\"  # the exporter runs on Windows: os.path.join uses backslashes
    if e["kind"] == "sys":
        own = e["sub"] == "recall" and e["actor"] == OWNER
        tid = (10000, pc_subtype(e))
        talker = MEMBERS[OWNER]["wechat_id"] if own else "系统"  # BytesExtra['3'][0]['2'] holds msgsource -> "系统"
        return [
            rowno,
            e["svrid"],
            PYWX_TYPE_NAME[tid],
            1 if own else 0,
            talker,
            GROUP_ID,
            wx_system_raw_pc(e),
            "",
            e["when"],
        ]
    k = e["kind"]
    tid = PC_TYPE[k]
    is_sender = 1 if e["who"] == OWNER else 0
    talker = person(e["who"])["wechat_id"]  # my_wxid for own rows is the exporting user's wxid
    src, msg = "", ""
    month = e["day"][:7]
    if k in ("text", "chain"):
        msg = e["text"]
    elif k == "image":
        msg = "图片"
        src = win.join(["FileStorage", "MsgAttach", md5ish(e, "dir"), "Image", month, md5ish(e) + ".dat"])
    elif k == "voice":
        msg = f"语音时长：{(e['secs'] * 1000 + 260) / 1000:.2f}秒"
        src = GROUP_ID + win + f"{e['when'].replace(':', '-').replace(' ', '_')}_{is_sender}_{e['svrid']}.wav"
    elif k == "video":
        msg = "视频"
        src = win.join(["FileStorage", "Video", month, md5ish(e) + ".mp4"])
    elif k == "sticker":
        msg = "表情"
        src = f"http://vweixinf.tc.qq.com/110/20401/stodownload?m={md5ish(e)}&filekey=30430201&hy=SH&storeid=265e575ca&bizid=1023"
    elif k == "link":
        msg = f'{e["title"]}\n{e["des"]}\n\n<a href="{e["url"]}" target="_blank">点击查看详情</a>'
        src = e["url"]
    elif k == "file":
        msg = "文件"  # (49, 6) falls into the generic "49 and subtype != 0" branch: msg = type_name
        src = win.join(["wxid_a1b2c3", "FileStorage", "File", month, e["filename"]])
    elif k == "reply":
        q = quoted(e)
        qname = current_group_nick(q["who"]) or nick(q["who"]) if q["who"] in MEMBERS else nick(q["who"])
        if q["kind"] == "text":
            qcontent = q["text"]
        else:  # a quoted video's <content> is XML: xml2dict() finds no img/appmsg title, so the dict repr is printed
            qcontent = str(
                {
                    "videomsg": {
                        "length": str(q["secs"] * 180000),
                        "playlength": str(q["secs"]),
                        "fromusername": person(q["who"])["wechat_id"],
                    }
                }
            )
        msg = f"{e['text']}\n\n[引用]({q['when']}){qname}:{qcontent}"
    return [rowno, e["svrid"], PYWX_TYPE_NAME[tid], is_sender, talker, GROUP_ID, msg, src, e["when"]]


def write_pywxdump_csv(path: Path, events: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:  # no BOM
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
        w.writerow(["id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime"])
        for i, e in enumerate(events, 1):
            w.writerow(pywx_row(e, i))


# ---------------------------------------------------------------------------------------------
# WeFlow — electron/services/export/formatters/{Excel,Txt,ChatLab}Formatter.ts @ 4daeb59b
# ---------------------------------------------------------------------------------------------
def weflow_profile(e: dict) -> dict:
    """The sender columns WeFlow writes for a row (displayNamePreference 'remark', the default)."""
    if e["kind"] == "sys":
        if e["sub"] == "pat":
            # WeChat 4.x pat = appmsg type 62 (localType 266287972401): collectMessages sets the sender to
            # the chatroom itself and the row is not is_send -> the group's own contact is written.
            return dict(wxid=GROUP_ID, nickname=GROUP_NAME, remark="", group_nickname="", display=GROUP_NAME)
        key = OWNER  # type-10000 rows come out under the exporting user's own profile (see docs)
    else:
        key = e["who"]
    p = person(key)
    remark = OWNER_REMARKS.get(key, "")
    return dict(
        wxid=p["wechat_id"],
        nickname=p["nickname"],
        remark=remark,
        group_nickname=current_group_nick(key) if key in MEMBERS else "",
        display=remark or p["nickname"],
    )


WEFLOW_TYPE = {
    "text": "文本消息",
    "chain": "文本消息",
    "image": "图片消息",
    "voice": "语音消息",
    "video": "视频消息",
    "sticker": "动画表情",
    "link": "链接消息",
    "file": "文件消息",
    "reply": "引用消息",
}


def weflow_type_name(e: dict) -> str:
    if e["kind"] == "sys":
        return "其他消息" if e["sub"] == "pat" else "系统消息"
    return WEFLOW_TYPE[e["kind"]]


def weflow_quote_sender(q: dict) -> str:
    if q["who"] == OWNER:
        return MEMBERS[OWNER]["nickname"]
    return OWNER_REMARKS.get(q["who"]) or nick(q["who"])


def weflow_content(e: dict, flavour: str) -> str:
    """flavour: 'xlsx' (plain cell text; links are replaced by a hyperlink cell) or 'txt'."""
    k = e["kind"]
    if k == "sys":
        return wx_system_text(e)
    if k in ("text", "chain"):
        return e["text"]
    if k == "image":
        return "[图片]"
    if k == "voice":
        return "[其他消息]"  # formatPlainExportContent: 34 without voice-to-text -> '[其他消息]'
    if k == "video":
        return f"[视频]{e['secs']}s"
    if k == "sticker":
        return "[表情包]"
    if k == "file":
        return f"[文件]{e['filename']}"
    if k == "link":
        return e["title"] if flavour == "xlsx" else f"[链接] {e['title']}\n{e['url']}"
    if k == "reply":
        q = quoted(e)
        preview = q["text"] if q["kind"] == "text" else f"[视频]{q['secs']}s"
        return f"{e['text']}[引用 {weflow_quote_sender(q)}：{preview}]"
    raise ValueError(k)


def fmt_local(ts: int) -> str:
    return datetime.fromtimestamp(ts, TZ).strftime("%Y-%m-%d %H:%M:%S")


def write_weflow_txt(path: Path, events: list[dict]) -> None:
    parts = [f"{fmt_local(e['ts'])} '{weflow_profile(e)['display']}'\n{weflow_content(e, 'txt')}\n\n" for e in events]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(parts))


CHATLAB_TYPE = {
    "text": 0,
    "chain": 0,
    "image": 1,
    "voice": 2,
    "video": 3,
    "file": 4,
    "sticker": 5,
    "link": 7,
    "reply": 25,
}
EXPORTED_AT = int(datetime(2026, 12, 1, 9, 30, 0, tzinfo=TZ).timestamp())


def chatlab_message(e: dict) -> dict:
    k = e["kind"]
    if k == "sys":
        if e["sub"] == "pat":
            sender, typ = GROUP_ID, 7  # appmsg 62 -> convertMessageType default branch -> 7 (LINK)
        elif e["sub"] == "recall" and e["actor"] == OWNER:
            sender, typ = MEMBERS[OWNER]["wechat_id"], 80  # "你撤回" -> own wxid
        else:
            sender, typ = GROUP_ID, 80  # other system rows (and others' recalls): the chatroom id
        msg = {"sender": sender, "accountName": GROUP_NAME if sender == GROUP_ID else MEMBERS[OWNER]["nickname"]}
        msg.update(timestamp=e["ts"], type=typ, content=wx_system_text(e), platformMessageId=e["svrid"])
        return msg
    key = e["who"]
    prof = weflow_profile(e)
    msg = {"sender": person(key)["wechat_id"], "accountName": prof["display"]}
    if prof["group_nickname"]:
        msg["groupNickname"] = prof["group_nickname"]
    content: str
    if k in ("text", "chain"):
        content = e["text"]
    elif k == "image":
        content = "[图片]"
    elif k == "voice":
        content = "[语音消息]"
    elif k == "video":
        content = "[视频]"
    elif k == "sticker":
        content = "[表情包]"
    elif k == "file":
        content = f"[文件] {e['filename']}"
    elif k == "link":
        content = f"[{e['title']}]({e['url']})"
    else:  # reply
        q = quoted(e)
        preview = q["text"] if q["kind"] == "text" else f"[视频]{q['secs']}s"
        content = f"{e['text']}[引用 {weflow_quote_sender(q)}：{preview}]"
    msg.update(timestamp=e["ts"], type=CHATLAB_TYPE[k], content=content, platformMessageId=e["svrid"])
    if k == "reply":
        msg["replyToMessageId"] = quoted(e)["svrid"]
    return msg


def chatlab_export(events: list[dict]) -> dict:
    members: dict[str, dict] = {}
    messages = []
    for e in events:
        m = chatlab_message(e)
        messages.append(m)
        if m["sender"] not in members:
            mem = {"platformId": m["sender"], "accountName": m["accountName"]}
            if m.get("groupNickname"):
                mem["groupNickname"] = m["groupNickname"]
            members[m["sender"]] = mem
    return {
        "chatlab": {"version": "0.0.2", "exportedAt": EXPORTED_AT, "generator": "WeFlow"},
        "meta": {"name": GROUP_NAME, "platform": "wechat", "type": "group", "groupId": GROUP_ID},
        "members": list(members.values()),
        "messages": messages,
    }


def write_chatlab(json_path: Path, jsonl_path: Path, events: list[dict]) -> None:
    data = chatlab_export(events)
    with open(json_path, "w", encoding="utf-8", newline="") as f:  # JSON.stringify(x, null, 2), no BOM
        f.write(json.dumps(data, ensure_ascii=False, indent=2))
    lines = [
        json.dumps(
            {"_type": "header", "chatlab": data["chatlab"], "meta": data["meta"]},
            ensure_ascii=False,
            separators=(",", ":"),
        )
    ]
    lines += [json.dumps({"_type": "member", **m}, ensure_ascii=False, separators=(",", ":")) for m in data["members"]]
    lines += [
        json.dumps({"_type": "message", **m}, ensure_ascii=False, separators=(",", ":")) for m in data["messages"]
    ]
    with open(jsonl_path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines))  # lines.join('\n'): no trailing newline


# ---------------------------------------------------------------------------------------------
# QQ PC 消息管理器 "导出消息记录" TXT (closed source; layout from real samples, see docs)
# ---------------------------------------------------------------------------------------------
QQ_SYS_GROUP, QQ_SYS = "系统消息(1000000)", "系统消息(10000)"


def qq_name(key: str, day: str) -> str:
    if key in MEMBERS:
        return group_nick_at(key, day) or MEMBERS[key]["nickname"]
    return UNKNOWN[key]["nickname"]


def qq_header(e: dict) -> str:
    dt = datetime.fromtimestamp(e["ts"], TZ)
    stamp = f"{dt:%Y-%m-%d} {dt.hour}:{dt:%M:%S}"  # hour without leading zero
    return stamp


def qq_system(e: dict) -> tuple[str, str] | None:
    s, a, t, d = e["sub"], e.get("actor"), e["targets"], e["day"]
    if s == "invite":
        return QQ_SYS_GROUP, f"{qq_name(a, d)}邀请{'、'.join(qq_name(k, d) for k in t)}加入了本群。"
    if s == "qr":
        return QQ_SYS_GROUP, f"{qq_name(t[0], d)}加入本群。"  # QQ does not say whose QR code
    if s == "recall":
        return QQ_SYS, "你撤回了一条消息" if a == OWNER else f"{qq_name(a, d)}撤回了一条消息"
    if s == "pat":
        return QQ_SYS, f"{qq_name(a, d)}戳了戳{qq_name(t[0], d)}"
    return None  # notfriend / rename / remove: not carried by the QQ rendering (see expected.json)


QQ_CONTENT = {
    "image": "[图片]",
    "sticker": "[表情]",
    "voice": "[语音]",
    "video": "[视频]",
    "file": "[文件]",
    "link": "[链接]",
}


def write_qq_txt(path: Path, events: list[dict]) -> None:
    sep = "=" * 64
    lines = [
        "消息记录（此消息记录为文本格式，不支持重新导入）",
        "",
        sep,
        "消息分组:我的群聊",
        sep,
        f"消息对象:{GROUP_NAME}",
        sep,
        "",
    ]
    for e in events:
        if e["kind"] == "sys":
            got = qq_system(e)
            if not got:
                continue
            who, content = got
            lines += [f"{qq_header(e)} {who}", content, ""]
            continue
        key = e["who"]
        if key in MEMBERS:
            title = f"【{QQ_TITLES[key]}】" if key in QQ_TITLES else ""
            ident = f"{title}{qq_name(key, e['day'])}({MEMBERS[key]['qq']})"
        else:
            ident = f"{qq_name(key, e['day'])}<{UNKNOWN[key]['qq_id']}>"
        k = e["kind"]
        content = e["text"] if k in ("text", "chain", "reply") else QQ_CONTENT[k]
        lines += [f"{qq_header(e)} {ident}", *content.split("\n"), ""]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


# ---------------------------------------------------------------------------------------------
# Unrecognised look-alikes
# ---------------------------------------------------------------------------------------------
def write_unrecognised() -> None:
    with open(OUT / "unrecognised.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["序号", "姓名", "微信号", "手机号", "入群时间", "本月打卡次数", "备注"])
        for i, (k, m) in enumerate(MEMBERS.items(), 1):
            w.writerow(
                [
                    i,
                    m["name"],
                    m["wechat_id"],
                    f"1390000{i:04d}",
                    f"2026-10-{i + 1:02d} 08:00:00",
                    (i * 7) % 20,
                    "群主" if k == OWNER else "",
                ]
            )
    diary = [
        "晨跑日记 2026年11月",
        "",
        "2026-11-01 06:30 滨江公园 5公里，配速6'10\"，打卡",
        "天气：晴，12度",
        "",
        "2026-11-02 06:40 滨江公园 4公里",
        "膝盖有点紧，跑完拉伸了十分钟。",
        "",
        "2026-11-08 09:40 接龙打卡（第7个报名）",
        "#接龙",
        "11月8日 晨跑打卡",
        "",
        "1. 周晓晨 5公里",
        "2. 李跃 8公里",
        "",
        "2026-11-30 21:00 月度总结：本月跑量 96 公里。",
        "",
    ]
    with open(OUT / "unrecognised.txt", "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(diary))


# ---------------------------------------------------------------------------------------------
# Expected facts
# ---------------------------------------------------------------------------------------------
ENTRY_RE = re.compile(r"^\s*(\d+)[.．、]\s*(\S.*)$")


def match_name(display: str, normalise=lambda s: s) -> tuple[str, list[str]]:
    """('member', [key]) | ('ambiguous', keys) | ('unknown', [])  — exact match on name/nickname/group nickname."""
    d = normalise(display)
    keys = []
    for k, m in MEMBERS.items():
        names = {m["name"], m["nickname"], m["group_nickname"]} - {""}
        if d in {normalise(n) for n in names}:
            keys.append(k)
    if len(keys) == 1:
        return "member", keys
    return ("ambiguous", keys) if keys else ("unknown", [])


def liuhen_normalise(s: str) -> str:
    """Undo 留痕's escape_js_and_html and apply its Contact.remark sanitising to both sides."""
    import html

    s = s.replace("\\'", "'").replace('\\"', '"').replace("\\\\", "\\")
    s = html.unescape(s)
    return re.sub(r'[\\/:*?"<>|\s\.]', "_", s)


def sender_resolution(e: dict, fmt: str) -> tuple[str, str]:
    """How the sender of a non-system row is resolved in a format: ('member', key) | ('unknown', id/name) |
    ('ambiguous', name)."""
    key = e["who"]
    if fmt in ID_FORMATS:
        if key in MEMBERS:
            return "member", key
        return "unknown", (UNKNOWN[key]["qq_id"] if fmt == "qq_txt" else UNKNOWN[key]["wechat_id"])
    if fmt in ("liuhen_txt", "liuhen_html"):
        shown = liuhen_display_name(key)
        kind, keys = match_name(shown, liuhen_normalise)
    else:  # weflow_txt
        shown = weflow_profile(e)["display"]
        kind, keys = match_name(shown)
    if kind == "member":
        return "member", keys[0]
    return kind, shown


ID_FORMATS = {"liuhen_csv", "pywxdump_csv", "weflow_xlsx", "chatlab_json", "chatlab_jsonl", "qq_txt"}


def chain_checkins(events: list[dict]) -> tuple[list[dict], list[dict]]:
    by_day = defaultdict(list)
    for e in events:
        if e["kind"] == "chain":
            by_day[e["day"]].append(e)
    found, unmatched = [], []
    for day, copies in sorted(by_day.items()):
        last = max(copies, key=lambda c: c["ts"])
        lines = last["text"].split("\n")
        t_idx = next((i for i, line in enumerate(lines) if i > 0 and line.strip()), len(lines))
        title = lines[t_idx] if t_idx < len(lines) else ""
        if "打卡" not in title:
            continue
        for line in lines[t_idx + 1 :]:  # the title itself is never an entry (11.16 … looks like one)
            m = ENTRY_RE.match(line)
            if not m:
                continue
            token = m.group(2).split()[0]
            kind, keys = match_name(token)
            if kind == "member":
                # timed at the first copy that has the line: the copy its member posted (the last is the last signer's)
                first = min(
                    (c for c in copies if line.strip() in {x.strip() for x in c["text"].split("\n")}),
                    key=lambda c: c["ts"],
                )
                found.append(dict(member=keys[0], day=day, time=first["hm"], source="chain", entry=line.strip()))
            else:
                unmatched.append(dict(day=day, entry=line.strip(), reason=kind, candidates=keys))
    return found, unmatched


def system_facts(events: list[dict], fmt: str) -> tuple[list, list, int]:
    joins, removals, n_sys = [], [], 0
    for e in events:
        if e["kind"] != "sys":
            continue
        if fmt == "qq_txt" and qq_system(e) is None:
            continue
        n_sys += 1
        if e["sub"] == "invite":
            for t in e["targets"]:
                joins.append(dict(member=t, day=e["day"], referrer=e["actor"], how="invite"))
        elif e["sub"] == "qr":
            joins.append(
                dict(member=e["targets"][0], day=e["day"], referrer=None if fmt == "qq_txt" else e["actor"], how="qr")
            )
        elif e["sub"] == "remove":
            removals.append(dict(member=e["targets"][0], day=e["day"], by=e["actor"]))
    return joins, removals, n_sys


def facts(events: list[dict], fmt: str) -> dict:
    counts = defaultdict(lambda: defaultdict(int))
    unknown = defaultdict(lambda: defaultdict(int))
    ambiguous = {}
    chat_ci = []
    for e in events:
        if e["kind"] == "sys":
            continue
        kind, who = sender_resolution(e, fmt)
        if kind == "member":
            counts[who][e["day"]] += 1
            if e["kind"] == "text" and "打卡" in e["text"]:
                chat_ci.append(dict(member=who, day=e["day"], time=e["hm"], source="chat", text=e["text"]))
        elif kind == "unknown":
            unknown[who][e["day"]] += 1
        else:
            a = ambiguous.setdefault(who, dict(name=who, candidates=match_name(who)[1], by_day=defaultdict(int)))
            a["by_day"][e["day"]] += 1
    chain_ci, unmatched = chain_checkins(events)
    best: dict[tuple, dict] = {}
    for c in sorted(chat_ci + chain_ci, key=lambda c: (c["day"], c["time"], c["source"] != "chat")):
        best.setdefault((c["member"], c["day"]), c)
    checkins = sorted(best.values(), key=lambda c: (c["day"], c["time"], c["member"]))
    joins, removals, n_sys = system_facts(events, fmt)
    total_msgs = sum(1 for e in events if e["kind"] != "sys")
    return {
        "messages": {k: dict(sorted(v.items())) for k, v in sorted(counts.items())},
        "message_totals": {k: sum(v.values()) for k, v in sorted(counts.items())},
        "checkins": [{k: c[k] for k in ("member", "day", "time", "source")} for c in checkins],
        "joins": joins,
        "removals": removals,
        "unknown_senders": [
            dict(sender=k, messages=sum(v.values()), by_day=dict(sorted(v.items()))) for k, v in sorted(unknown.items())
        ],
        "unattributable": [
            dict(
                name=a["name"],
                candidates=a["candidates"],
                messages=sum(a["by_day"].values()),
                by_day=dict(sorted(a["by_day"].items())),
            )
            for a in ambiguous.values()
        ],
        "unmatched_chain_entries": unmatched,
        "non_system_rows": total_msgs,
        "system_rows": n_sys,
    }


def in_range(events: list[dict], lo: str, hi: str) -> list[dict]:
    return [e for e in events if lo <= e["day"] <= hi]


FILES = [
    # name, format, real export name, encoding, day range
    ("晨跑俱乐部_utf8.csv", "liuhen_csv", "晨跑俱乐部_utf8.csv", "utf-8-sig", (DAY0, DAYN)),
    ("晨跑俱乐部.txt", "liuhen_txt", "晨跑俱乐部.txt", "utf-8", (DAY0, DAYN)),
    ("晨跑俱乐部.html", "liuhen_html", "晨跑俱乐部.html", "utf-8", (DAY0, DAYN)),
    ("pywxdump_晨跑俱乐部.csv", "pywxdump_csv", None, "utf-8", (DAY0, DAYN)),
    ("WeFlow_晨跑俱乐部.xlsx", "weflow_xlsx", "晨跑俱乐部.xlsx", None, (DAY0, DAYN)),
    ("weflow_晨跑俱乐部.txt", "weflow_txt", "晨跑俱乐部.txt", "utf-8", (DAY0, DAYN)),
    ("chatlab_晨跑俱乐部.json", "chatlab_json", "晨跑俱乐部.json", "utf-8", (DAY0, DAYN)),
    ("chatlab_晨跑俱乐部.jsonl", "chatlab_jsonl", "晨跑俱乐部.jsonl", "utf-8", (DAY0, DAYN)),
    ("qq_晨跑俱乐部.txt", "qq_txt", "晨跑俱乐部.txt", "utf-8-sig, CRLF", (DAY0, DAYN)),
    ("overlap_part1_晨跑俱乐部_utf8.csv", "liuhen_csv", "晨跑俱乐部_utf8.csv", "utf-8-sig", (DAY0, "2026-11-20")),
    ("overlap_part2_晨跑俱乐部_utf8.csv", "liuhen_csv", "晨跑俱乐部_utf8.csv", "utf-8-sig", ("2026-11-15", DAYN)),
]

FORMAT_NOTES = {
    "liuhen_csv": [
        "Sender column = wxid; type-10000 rows are system (their Sender is empty, or the owner's wxid for the "
        "owner's own recall, IsSender=1).",
        "Type 49 rows (link 49/5, file 49/6, reply 49/57) have an EMPTY StrContent: they count as messages but "
        "carry no text, so they can never be text check-ins.",
        "No group-nickname column: m03's group-nickname change is invisible; Remark/NickName are the values at "
        "export time (m02/m04 show the owner's remarks 李跃/陈磊; m12's Remark is sanitised to Snow's_Run).",
        "你邀请/你将 system texts refer to the exporting user (scenario.exporting_user = m01); the owner's wxid is "
        "also the Sender of every IsSender=1 row.",
    ],
    "liuhen_txt": [
        "No sender IDs: senders are matched by name. Names are the owner's remark or the nickname, sanitised "
        "([\\\\/:*?\"<>|\\s.] -> _) and escaped (' -> \\', & -> &amp;): m12 is written Snow\\'s_Run and must be "
        "normalised before matching (see docs).",
        "Two members share the nickname 阳光 (m06 刘洋, m07 孙阳): their rows are unattributable here, and so are "
        "their text check-ins.",
        "A system row is '<time> <text>' followed by a blank line (no name line); recalls keep a <revokemsg> tag.",
        "Links are written as an indented 5-line block; files as [文件], replies as title + 引用:name:text.",
    ],
    "pywxdump_csv": [
        "talker = sender wxid (the exporting user's own wxid on is_sender=1 rows); system rows have talker 系统.",
        "type_name is a Chinese label per (Type, SubType); system labels: 系统通知, 消息撤回N, 拍一拍, 邀请加群.",
        "Files become msg '文件' (name only in src); links become title/des/<a href> text.",
    ],
    "weflow_xlsx": [
        "Rows 1-3 are metadata, row 4 is the header, data starts at row 5.",
        "System rows (消息类型 系统消息) are written under the EXPORTING USER's own name and wxid (m01): they must "
        "be recognised by 消息类型/text, never counted for m01.",
        "Pats (WeChat 4.x appmsg 62) are 消息类型 其他消息 under the group's own id/name (48392017563@chatroom / "
        "晨跑俱乐部): recognise them by the 拍了拍 text.",
        "群昵称 is the CURRENT group nickname for every row (m03 shows 王芳-半马备赛 even before 11-14).",
        "Link rows: the 内容 cell holds only the title (a hyperlink to the URL).",
    ],
    "weflow_txt": [
        "Header line is \"<time> '<name>'\" (name in single quotes); no sender IDs.",
        "System rows appear under the exporting user's name '晨光' and pats under the group name '晨跑俱乐部': "
        "recognise both by their text.",
        "m06/m07 share the name 阳光: unattributable.",
    ],
    "chatlab_json": [
        "Written by WeFlow (chatlab.generator = WeFlow): no roles/ownerId; members = every sender, including the "
        "chatroom id itself for system rows.",
        "System rows are type 80 with sender = the chatroom id (the owner's own recall: sender = owner wxid); "
        "pats are type 7 (LINK!) with sender = the chatroom id.",
        "timestamp is UTC seconds: the day must be computed in local time (Asia/Shanghai); m12's 00:00:30 "
        "check-in on 11-11 is 11-10 in UTC.",
    ],
    "qq_txt": [
        "IDs are QQ numbers (or an e-mail address in <…>); the name is the group card at the time of the "
        "message, so m03 appears as 王芳 before 11-14 and 王芳-半马备赛 after (same QQ).",
        "System lines come from 系统消息(1000000)/系统消息(10000): not members, not unknown senders.",
        "Carried: invites (邀请…加入了本群。), the QR join as '梧桐加入本群。' (no inviter -> referrer null), "
        "recalls, pokes (戳了戳). NOT carried: the removal of m11, the rename, the not-friend notice.",
    ],
}


FORMAT_NOTES["liuhen_html"] = [
    "The messages are a JavaScript array in the page (const chatMessages = [ {…}, … ];), one object per message: "
    "type (0 notice, 1 text, 3 image or sticker, 34 voice, 43 video, 49 file/reply/link), is_send, timestamp "
    "(CreateTime, epoch seconds: days in the community's zone), displayname (as 留痕 TXT: remark or nickname, "
    "sanitised and escaped; the exporting user's own rows carry is_send:1 and their nickname).",
    "No sender IDs: matched by name like 留痕 TXT; m06/m07 (阳光) are unattributable.",
    "A reply's text is the reply's own words (refer_text holds the quote); link cards write title/description/url "
    "unescaped (a ' in one breaks the page: such a file is refused).",
]


FORMAT_NOTES["chatlab_jsonl"] = FORMAT_NOTES["chatlab_json"] + [
    'JSONL: line 1 is {"_type":"header",…}, then one {"_type":"member",…} line per member, then one '
    '{"_type":"message",…} line per message; lines joined with \\n and no trailing newline.',
]


def expected() -> dict:
    out = {
        "version": 1,
        "scenario": "scenario.json",
        "timezone": TZ_NAME,
        "exporting_user": OWNER,
        "rules": {
            "message": "Every non-system row of a known member counts once for (member, local day): text, chain "
            "copies, images, stickers, voice, video, links, files, replies. Recalls, pats, joins, "
            "removals, renames and other notices never count.",
            "checkin_text": "A TEXT row (not a chain, not a reply/link/file) containing 打卡 on day D is a "
            "check-in of its sender for D, if the sender is a known member.",
            "checkin_chain": "A row whose first line is #接龙 (or ＃接龙) is a chain copy and is NOT a text check-in. A chain is for the day its title names when that is within 3 days of the post, else the day it was posted; per chain (day and title) only the LAST copy is parsed — two titles on one day are two chains; if its title (first non-empty line after #接龙) contains 打卡, every LATER line '^\\d+[.．、]\\s*<name>…' whose first token names exactly one member is a check-in for D, timed at the first copy that has its line (the copy its member posted; the last copy is the last signer's). The title line is never an entry (11-16's title '11.16 周日长距离打卡' looks like one); '例 1. …' lines are examples.",
            "checkin_dedupe": "One check-in per (member, day): the earliest time wins (chat before chain on a tie).",
            "join": "A join system row makes each named member joined that day; referrer = inviter, QR sharer, "
            "or the exporting user for 你邀请…; null when the text names none.",
            "removal": '你将"X"移出了群聊 / "A"将"X"移出了群聊 makes X removed that day. Nobody leaves otherwise.',
            "sender_match": "ID (wxid / QQ number / e-mail) first; else a name equal to exactly one member's name, "
            "nickname or group nickname. No match -> unknown sender; several -> unattributable. "
            "留痕 TXT names are escaped and sanitised (Snow\\'s_Run): undo the escapes and sanitise the "
            "roster names the same way before comparing (docs/chat_formats.md section 2). System-text "
            "names (joins, removals) and chain entries are matched by name the same way.",
            "days": "Days are the exporting PC's local days (Asia/Shanghai for this corpus). Text formats already carry local time; JSON timestamps are epoch seconds shown in the importing machine's zone (the tests pin it to Asia/Shanghai).",
        },
        "never_store_texts": NEVER_STORE,
        "files": {},
    }
    for name, fmt, real, enc, (lo, hi) in FILES:
        evs = in_range(EVENTS, lo, hi)
        f = {"format": fmt, "encoding": enc, "real_export_name": real, "days": [lo, hi]}
        if fmt == "pywxdump_csv":
            f["real_export_name"] = f"{GROUP_ID}_0_{len(evs) + 1}.csv"
        f.update(facts(evs, fmt))
        quotes_text = fmt not in ("liuhen_csv", "qq_txt")  # these two do not repeat the quoted text in replies
        f["never_store_texts_present"] = [
            t
            for t in NEVER_STORE
            if any(
                e.get("text") == t or (quotes_text and e["kind"] == "reply" and quoted(e).get("text") == t) for e in evs
            )
        ]
        f["notes"] = FORMAT_NOTES[fmt][:]
        if name.startswith("overlap_part1"):
            f["notes"].append(
                "Part 1 of an overlapping pair (11-15..11-20 is also in part 2, with the same "
                "localId/CreateTime/content): see overlap_combined."
            )
        if name.startswith("overlap_part2"):
            f["notes"].append(
                "Part 2: joins of m05/m08/m09/m10 happened before this range; their rows are still "
                "attributed by wxid. Importing part 1 then part 2 must give overlap_combined."
            )
        out["files"][name] = f
    comb = facts(EVENTS, "liuhen_csv")
    comb["notes"] = [
        "Importing overlap_part1 then overlap_part2 (either order) must give exactly these facts, which "
        "equal those of 晨跑俱乐部_utf8.csv: rows present in both parts (11-15..11-20) are the same "
        "messages (same localId, CreateTime, Type, Sender, StrContent) and must not be counted twice."
    ]
    out["overlap_combined"] = {
        "files": ["overlap_part1_晨跑俱乐部_utf8.csv", "overlap_part2_晨跑俱乐部_utf8.csv"],
        "duplicate_rows": sum(1 for e in EVENTS if "2026-11-15" <= e["day"] <= "2026-11-20"),
        **comb,
    }
    for name, what in (
        ("unrecognised.csv", "a member roster CSV (姓名/微信号/手机号/入群时间…)"),
        ("unrecognised.txt", "a running diary with 'YYYY-MM-DD HH:MM' lines and a pasted 接龙"),
    ):
        out["files"][name] = {
            "format": "unknown",
            "encoding": "utf-8-sig" if name.endswith(".csv") else "utf-8",
            "expect": "refuse: not a chat export; import nothing",
            "what": what,
        }
    return out


def scenario() -> dict:
    roster = []
    for k, m in MEMBERS.items():
        roster.append(
            {
                "key": k,
                "name": m["name"],
                "nickname": m["nickname"],
                "group_nickname": m["group_nickname"],
                "wechat_id": m["wechat_id"],
                "qq": m["qq"],
                "status": m["status"],
                "role": m["role"],
            }
        )
    return {
        "group": {
            "name": GROUP_NAME,
            "name_before_rename": OLD_GROUP_NAME,
            "wechat_chatroom_id": GROUP_ID,
            "qq_group_number": QQ_GROUP_NO,
            "month": "2026-11",
            "timezone": TZ_NAME,
        },
        "exporting_user": OWNER,
        "roster": roster,
        "roster_notes": [
            "This is the roster BEFORE the import. status 'pending' = signed up but not yet in the group "
            "(m05, m08, m09, m10 join during November).",
            "m06 刘洋 and m07 孙阳 share the nickname 阳光.",
            "m04's WeChat ID is a legacy custom username (chenlei_run88), not wxid_….",
            "m12's nickname contains an apostrophe and a space (Snow's Run).",
        ],
        "not_on_roster": [
            {
                "key": "x01",
                "nickname": UNKNOWN["x01"]["nickname"],
                "wechat_id": UNKNOWN["x01"]["wechat_id"],
                "qq_export_id": UNKNOWN["x01"]["qq_id"],
                "note": "in the group before November, never registered; sends messages, posts the last "
                "copy of the 11-08 chain and lists himself as '7. 老刘'",
            }
        ],
        "exporter_side": {
            "owner_contact_remarks": OWNER_REMARKS,
            "qq_titles": QQ_TITLES,
            "group_nickname_change": {
                "member": GROUP_NICK_CHANGE[0],
                "day": GROUP_NICK_CHANGE[1],
                "from": MEMBERS[GROUP_NICK_CHANGE[0]]["group_nickname"],
                "to": GROUP_NICK_CHANGE[2],
                "note": "WeChat writes no system message; WeChat exporters show only the "
                "current value; QQ shows the value at each message",
            },
        },
        "timeline": [
            "11-03 m02 (跃跃) invites m08 (Tina) and m09 (坤哥) in one invitation",
            '11-06 the owner invites m05 (小敏): 你邀请"小敏"加入了群聊',
            "11-08 #接龙 晨跑打卡 chain reposted 7 times; last copy 09:40 by x01",
            "11-10 m02 renames the group 晨跑群 -> 晨跑俱乐部",
            "11-12 m10 (梧桐) joins by scanning m04's (磊子) QR code, followed by a not-friend notice",
            "11-14 m03 changes her group nickname 王芳 -> 王芳-半马备赛",
            "11-16 second check-in chain (with an '例 1. …' example line)",
            "11-18 the owner removes m11 (凯凯)",
            "11-20 #接龙 dinner sign-up (title without 打卡): not check-ins",
            "recalls: 11-04 by m09, 11-13 by the owner; pats: 11-03, 11-12 (m04 pats the owner), 11-20",
        ],
    }


def main() -> None:
    (OUT / "scenario.json").write_text(json.dumps(scenario(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    write_liuhen_csv(OUT / "晨跑俱乐部_utf8.csv", EVENTS)
    write_liuhen_txt(OUT / "晨跑俱乐部.txt", EVENTS)
    write_liuhen_html(OUT / "晨跑俱乐部.html", EVENTS)
    write_pywxdump_csv(OUT / "pywxdump_晨跑俱乐部.csv", EVENTS)
    write_weflow_txt(OUT / "weflow_晨跑俱乐部.txt", EVENTS)
    write_chatlab(OUT / "chatlab_晨跑俱乐部.json", OUT / "chatlab_晨跑俱乐部.jsonl", EVENTS)
    write_qq_txt(OUT / "qq_晨跑俱乐部.txt", EVENTS)
    write_liuhen_csv(OUT / "overlap_part1_晨跑俱乐部_utf8.csv", in_range(EVENTS, DAY0, "2026-11-20"))
    write_liuhen_csv(OUT / "overlap_part2_晨跑俱乐部_utf8.csv", in_range(EVENTS, "2026-11-15", DAYN))
    write_unrecognised()
    (OUT / "expected.json").write_text(json.dumps(expected(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
