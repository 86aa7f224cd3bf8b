"""Chat-history import, probe chat10: the wrong person, the wrong group, the wrong day (PRODUCT §3.8,
docs/chat_formats.md). A quote is the quoted person's words, never the quoter's check-in; a time no one sent a message
at (epoch 0) is refused, never a day in 1970 that swallows later imports; WeChat's placeholder names for accounts it
cannot name (微信用户, 未知用户) are nobody's name. Through the real import path (plan, import, read back from a real
SQLite workspace); uses the roster and helpers of test_chat_import_rules (facts dated in November 2026, the roster's
'today' pinned by its fixture)."""

from __future__ import annotations

import pytest

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
