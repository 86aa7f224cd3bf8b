"""Chat-history import, fifth probe: WeChat in English, nickname changes, namesakes, midnight, the group's other
name. Uses the roster and helpers of test_chat_import_rules (a real SQLite workspace, the exports' real layouts)."""

from __future__ import annotations

from tests.desktop import test_chat_import_rules as rules
from tests.desktop.test_chat_import_rules import _liuhen, _plan, _write

in_china = rules.in_china  # the same fixtures: the organiser's PC in China, the rules' roster
ws = rules.ws


def test_english_wechat_notices_are_joins_and_removals_not_messages(ws, tmp_path):
    """A WeChat set to English writes its notices in English: the joins and the removal are read (they were lost),
    and in a WeFlow text export they are notices, never the exporter's messages."""
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-09 09:00:00", 10000, '"跃跃" invited "小敏" to the group chat', "", ""),
            ("2026-11-09 09:05:00", 10000, 'You removed "坤哥" from the group chat', "", ""),
            ("2026-11-09 09:06:00", 1, "打卡", "芳芳", "wxid_g7h8i9"),
        ],
    )
    plan = _plan(ws, path)
    assert [(j.display_name, j.referrer_name) for j in plan.joins] == [("张敏", "李跃")]
    assert [r.display_name for r in plan.removals] == ["钱坤"]
    weflow = _write(
        tmp_path,
        "weflow.txt",
        "2026-11-06 10:00:00 '晨光'\nYou invited \"小敏\" to the group chat\n\n"
        "2026-11-06 10:05:00 '芳芳'\n\"芳芳\" recalled a message\n\n"
        "2026-11-06 10:06:00 '跃跃'\nTom invited Amy to the group chat\n\n",
    )
    plan = _plan(ws, weflow)
    assert plan.system_rows == 2 and plan.messages_known == 1
    assert plan.exporter_name == "周晓晨"
    assert [(j.display_name, j.referrer_name) for j in plan.joins] == [("张敏", "周晓晨")]
