"""Chat-history imports after a month of roster work (probe week): a member renamed mid-month speaks in the export
under both names, by one sender ID."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop.services.chat_import import run_chat_import
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
from desktop.workspace import actor_for
from models import ChatActivity

TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _qq(tmp_path, rows: list[tuple[str, str, str]]):
    lines = ["\ufeff消息记录（此消息记录为文本格式，不支持重新导入）", "", "=" * 64, "消息分组:我的群聊"]
    lines += ["=" * 64, "消息对象:读书会", "=" * 64, ""]
    for at, who, text in rows:
        lines += [f"{at} {who}", text, ""]
    path = tmp_path / "qq.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_member_renamed_mid_month_is_counted_under_both_names_of_one_id(sqlite_workspace, tmp_path):
    """赵敏 was renamed 赵一敏 on the roster on the 12th; the QQ export writes her (QQ 20020) as 赵敏 before and
    赵一敏 after. The sender was named by her first row only: an unknown sender 赵敏, and all three of her messages
    — those under her roster name too — went uncounted. One ID is one sender: any of its names that names one
    member makes them that member's."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "读书会")
        _, zhao = add_member(s, owner, g, MemberInput(display_name="赵敏", joined_at=datetime(2026, 10, 1, 9)))
        add_member(s, owner, g, MemberInput(display_name="李娜", joined_at=datetime(2026, 10, 1, 9)))
        update_member(s, owner, zhao, replace(get_member_input(s, zhao), display_name="赵一敏"))
        s.commit()
    path = _qq(
        tmp_path,
        [
            ("2026-11-05 20:00:00", "赵敏(20020)", "今天读到一段很好的话"),
            ("2026-11-06 20:00:00", "赵敏(20020)", "晚安"),
            ("2026-11-20 20:00:00", "赵一敏(20020)", "我改名了"),
            ("2026-11-20 20:05:00", "李娜(20021)", "好的"),
        ],
    )
    plan, summary, _ = run_chat_import(sqlite_workspace, owner, path, "读书会")
    assert [s.shown for s in plan.unknown] == []
    with sqlite_workspace.session() as s:
        counted = dict(
            s.execute(
                select(ChatActivity.membership_id, func.sum(ChatActivity.messages)).group_by(ChatActivity.membership_id)
            ).all()
        )
    assert counted[zhao] == 3 and sum(counted.values()) == 4


def test_an_id_whose_other_name_is_a_member_known_by_another_sender_stays_apart(sqlite_workspace, tmp_path):
    """The late match never makes two senders one member: 李娜 speaks under her own ID, and another ID writes first
    as 路人 and then as 李娜 — that one is another account for the user to decide, not counted for her."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "读书会")
        _, li = add_member(s, owner, g, MemberInput(display_name="李娜", joined_at=datetime(2026, 10, 1, 9)))
        s.commit()
    path = _qq(
        tmp_path,
        [
            ("2026-11-05 20:00:00", "李娜(20021)", "早"),
            ("2026-11-06 20:00:00", "路人(30000)", "广告"),
            ("2026-11-07 20:00:00", "李娜(30000)", "广告"),
        ],
    )
    plan, _summary, _ = run_chat_import(sqlite_workspace, owner, path, "读书会")
    with sqlite_workspace.session() as s:
        counted = dict(
            s.execute(
                select(ChatActivity.membership_id, func.sum(ChatActivity.messages)).group_by(ChatActivity.membership_id)
            ).all()
        )
    assert counted == {li: 1}
    assert [s.sender_id for s in plan.senders if s.status != "known"] == ["30000"]
