"""The leaderboard text an organiser posts when many are level (probe points3): a top 10 whose places 8–104 tie was
100 lines and "……还有更多伙伴同为 3 分"; forty members with a point each, a month of zeros, negative balances."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.points import adjust_points_batch
from desktop.services.roster import MemberInput, add_member
from desktop.services.texts import leaderboard_text
from desktop.workspace import actor_for

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _group(db, n: int):
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, "读书会")
        ids = [
            add_member(s, owner, gid, MemberInput(display_name=f"成员{i:03d}", joined_at=datetime(2026, 10, 1)))[1]
            for i in range(n)
        ]
        s.commit()
    return owner, gid, ids


def _lines(db, gid, top=10, month=11):
    with db.session() as s:
        text = leaderboard_text(s, gid, 2026, month, top=top, today=TODAY)
    return text, "\n".join(text.parts).splitlines()


def test_a_top_ten_whose_places_eight_to_104_tie_is_seven_lines_and_one_for_the_tie(sqlite_workspace):
    db = sqlite_workspace
    owner, gid, ids = _group(db, 104)
    with db.session() as s:
        for i, ms in enumerate(ids[:7]):
            adjust_points_batch(s, owner, gid, [ms], 20 - i, "本月贡献", date(2026, 11, 10))
        adjust_points_batch(s, owner, gid, ids[7:], 3, "参与讨论", date(2026, 11, 10))
        s.commit()
    text, lines = _lines(db, gid)
    board = [line for line in lines if "分" in line and ("名" in line or line[:1] in "🥇🥈🥉4567")]
    assert len(lines) < 20
    assert lines[1].startswith("🥇 成员000 20分")
    tie = next(line for line in lines if "并列" in line)
    assert tie.startswith("8. 并列第8名（97人，各3分）：成员007、成员008、成员009、成员010、成员011 等97人")
    assert not any("还有更多" in line for line in lines)
    assert board and text.people == 104


def test_a_few_level_with_the_last_place_are_listed_one_a_line(sqlite_workspace):
    db = sqlite_workspace
    owner, gid, ids = _group(db, 14)
    with db.session() as s:
        for i, ms in enumerate(ids[:9]):
            adjust_points_batch(s, owner, gid, [ms], 30 - i, "本月贡献", date(2026, 11, 10))
        adjust_points_batch(s, owner, gid, ids[9:13], 5, "分享", date(2026, 11, 10))  # places 10–13 tie
        s.commit()
    _text, lines = _lines(db, gid)
    assert [line for line in lines if line.startswith("10.")] == [f"10. 成员{i:03d} 5分 · 新人" for i in range(9, 13)]
    assert not any("并列" in line for line in lines) and not any("成员013" in line for line in lines)


def test_forty_members_with_one_point_each_are_one_first_place(sqlite_workspace):
    db = sqlite_workspace
    owner, gid, ids = _group(db, 40)
    with db.session() as s:
        adjust_points_batch(s, owner, gid, ids, 1, "全员打卡", date(2026, 11, 3))
        s.commit()
    _text, lines = _lines(db, gid)
    assert [line for line in lines if "并列" in line] == [
        "🥇 并列第1名（40人，各1分）：成员000、成员001、成员002、成员003、成员004 等40人"
    ]


def test_a_month_of_zeros_and_negatives_posts_no_board_and_a_negative_is_never_on_one(sqlite_workspace):
    db = sqlite_workspace
    owner, gid, ids = _group(db, 40)
    with db.session() as s:
        batch = adjust_points_batch(s, owner, gid, ids, 2, "误操作", date(2026, 11, 3))
        from desktop.services.points import undo_adjustment_batch

        undo_adjustment_batch(s, owner, batch.head_id)  # everyone back at 0
        adjust_points_batch(s, owner, gid, ids[:3], -10, "违反群规", date(2026, 11, 5))
        s.commit()
    text, _lines_ = _lines(db, gid)
    assert text.parts == () and "nobody earned" in (text.empty_reason or "")
    with db.session() as s:
        adjust_points_batch(s, owner, gid, ids[3:5], 4, "分享", date(2026, 11, 6))
        s.commit()
    _text, lines = _lines(db, gid)
    assert not any(f"成员00{i}" in line for line in lines for i in range(3))
    assert "🥇 并列" not in "\n".join(lines) and sum("🥇" in line for line in lines) == 2
