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
        "2026-11-06 10:06:00 '跃跃'\nTom invited Amy to run with us\n\n"
        "2026-11-06 10:07:00 '晨光'\n李跃 invited 小敏, Tom to the group chat\n\n",
    )
    plan = _plan(ws, weflow)
    assert plan.system_rows == 3 and plan.messages_known == 1
    assert plan.exporter_name == "周晓晨"
    joins = [(j.name, j.display_name, j.referrer_name) for j in plan.joins]
    assert joins == [("小敏", "张敏", "周晓晨"), ("小敏", "张敏", "李跃"), ("Tom", None, "李跃")]


def test_adding_an_unknown_qq_sender_keeps_the_number_as_their_qq_not_a_wechat_id(ws, tmp_path):
    """--add-unknown on a QQ export: the sender's QQ number is the new member's QQ number (it was stored as their
    WeChat ID); a QQ e-mail account is neither."""
    from sqlalchemy import func, select

    from models import ChatActivity, Member
    from tests.desktop.test_chat_import_rules import _import

    path = _write(
        tmp_path,
        "qq.txt",
        "\ufeff消息记录（此消息记录为文本格式，不支持重新导入）\n\n"
        "================================================================\n消息分组:我的群聊\n"
        "================================================================\n消息对象:晨跑俱乐部\n"
        "================================================================\n\n"
        "2026-11-07 6:00:00 新朋友(987654321)\n大家好\n\n"
        "2026-11-07 6:05:00 老刘<laoliu@example.com>\n早\n\n",
    )
    _import(ws, path, add_unknown=True)
    with ws.session() as s:
        added = dict(
            s.execute(select(Member.display_name, Member.qq).where(Member.display_name.in_(["新朋友", "老刘"]))).all()
        )
        wechat = s.scalars(select(Member.wechat_id).where(Member.display_name.in_(["新朋友", "老刘"]))).all()
    assert added == {"新朋友": "987654321", "老刘": None}
    assert wechat == [None, None]
    again = _import(ws, path, add_unknown=True)  # the same file again: both known, nothing added or counted twice
    with ws.session() as s:
        assert (
            s.scalar(select(func.count()).select_from(Member).where(Member.display_name.in_(["新朋友", "老刘"]))) == 2
        )
        assert s.scalar(select(func.sum(ChatActivity.messages))) == 2
    assert again is not None
