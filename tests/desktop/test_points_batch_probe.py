"""Points, a month's batch adjustments (probe points3): +5 to the 12 who came to the meetup, −10 to three who broke a
rule, +20 to winners pasted as a list of names — one transaction, one entry per member with the reason, one undo for
the whole batch, audited, the kept balances equal to a recompute before and after the undo (models.kept.drift)."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.errors import PermissionDenied, ValidationError
from desktop.services.audit_export import summary_text
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.points import (
    adjust_points,
    adjust_points_batch,
    adjustment_batch,
    balance,
    leaderboard,
    recompute_preview,
    undo_adjustment,
    undo_adjustment_batch,
)
from desktop.services.points_queries import ledger_of, match_adjustment_names, read_adjustment_names
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import AuditEntry, PointsEntry, kept

TODAY = date(2026, 11, 20)
NAMES = ["张三", "李四", "王五", "赵六", "孙七", "周八", "吴九", "郑十", "冯一", "陈二", "褚三", "卫四", "蒋五"]


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def camp(sqlite_workspace):
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        other = create_group(s, owner, "跑步群")
        ids = {}
        for n in NAMES:
            ids[n] = add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 10, 1)))[1]
        elsewhere = add_member(s, owner, other, MemberInput(display_name="外人", joined_at=datetime(2026, 10, 1)))[1]
        s.commit()
    return sqlite_workspace, owner, gid, ids, elsewhere


def _agrees(s) -> None:
    """Kept balances equal the ledger's sums, and the rule-based points equal the rules' (adjustments are no rule)."""
    assert kept.drift(s.connection()) == []


def test_twelve_who_came_to_the_meetup_get_five_each_in_one_batch_and_one_undo_takes_it_all_back(camp):
    db, owner, gid, ids, _ = camp
    came = [ids[n] for n in NAMES[:12]]
    with db.session() as s:
        done = adjust_points_batch(s, owner, gid, came + [came[0]], 5, " 线下聚会到场 ", date(2026, 11, 15))
        s.commit()
        assert done.membership_ids == tuple(came)  # named twice, given once
        assert [balance(s, m) for m in came] == [5] * 12
        assert balance(s, ids["蒋五"]) == 0
        entries = s.scalars(select(PointsEntry).where(PointsEntry.source_kind == "manual")).all()
        assert len(entries) == 12
        assert {(e.reason, e.day, e.points, e.operator_id) for e in entries} == {
            ("线下聚会到场", date(2026, 11, 15), 5, owner.id)
        }
        audits = s.scalars(select(AuditEntry).where(AuditEntry.action == "points.adjust")).all()
        assert sorted(a.entity_id for a in audits) == sorted(came)
        assert json.loads(audits[0].summary)["after"]["of"] == 12
        # the audit log reads it in words, not as raw keys (batch: 12; of: 12)
        assert "同批人数: 12" in summary_text(audits[0].summary) and "原因: 线下聚会到场" in summary_text(
            audits[0].summary
        )
        _agrees(s)
        assert recompute_preview(s, gid) == []  # an adjustment is no rule's: recompute leaves it
        board = leaderboard(s, gid, start=date(2026, 11, 1), end=date(2026, 11, 30))
        assert len(board) == 12 and {r.rank for r in board} == {1}

        # the batch read from any of its members' ledgers, one undo for all
        some_entry = next(e for e in ledger_of(s, came[7]) if e.source_kind == "manual")
        batch = adjustment_batch(s, some_entry.id)
        assert batch is not None and len(batch.open_ids) == 12 and batch.names[0] == "张三"
        assert undo_adjustment_batch(s, owner, some_entry.id) == 12
        s.commit()
        assert [balance(s, m) for m in came] == [0] * 12
        assert all(e.undone for m in came for e in ledger_of(s, m) if e.reverses_id is None)
        _agrees(s)
        assert recompute_preview(s, gid) == []
        undo_audits = s.scalars(select(AuditEntry).where(AuditEntry.action == "points.adjust.undo")).all()
        assert len(undo_audits) == 12
        with pytest.raises(ValidationError):  # nothing left to undo
            undo_adjustment_batch(s, owner, some_entry.id)


def test_one_wrongly_included_member_is_undone_alone_and_the_batch_undo_takes_the_rest(camp):
    db, owner, gid, ids, _ = camp
    three = [ids["张三"], ids["李四"], ids["王五"]]
    with db.session() as s:
        adjust_points_batch(s, owner, gid, three, -10, "违反群规：发广告", date(2026, 11, 12))
        s.commit()
        li_si = next(e for e in ledger_of(s, ids["李四"]) if e.source_kind == "manual")
        undo_adjustment(s, owner, li_si.id)  # 李四 was not one of them
        s.commit()
        assert [balance(s, m) for m in three] == [-10, 0, -10]
        batch = adjustment_batch(s, li_si.id)
        assert batch is not None and batch.names == ("张三", "王五") and batch.undone == 1
        assert undo_adjustment_batch(s, owner, li_si.id) == 2
        s.commit()
        assert [balance(s, m) for m in three] == [0, 0, 0]
        _agrees(s)


@pytest.mark.parametrize(
    ("points", "reason", "day", "who", "field"),
    [
        (5, "  ", None, ["张三"], "reason"),
        (0, "奖励", None, ["张三"], "points"),
        (5, "奖励", date(2026, 11, 21), ["张三"], "day"),
        (5, "奖励", None, [], "membership"),
        (5, "奖励", None, ["张三", "外人"], "membership"),
    ],
)
def test_a_refused_batch_writes_nothing(camp, points, reason, day, who, field):
    db, owner, gid, ids, elsewhere = camp
    members = [elsewhere if n == "外人" else ids[n] for n in who]
    with db.session() as s:
        with pytest.raises(ValidationError) as err:
            adjust_points_batch(s, owner, gid, members, points, reason, day)
        assert err.value.field == field
        s.rollback()
        assert s.scalars(select(PointsEntry)).all() == []
        if "外人" in who:
            assert "外人" in str(err.value)


def test_an_assistant_undoes_their_own_batch_and_not_the_owners(camp):
    db, owner, gid, ids, _ = camp
    with db.session() as s:
        assistant = add_operator(s, owner, "小助理", "assistant")
        s.commit()
        mine = adjust_points_batch(s, assistant, gid, [ids["张三"], ids["李四"]], 3, "帮忙布置会场", date(2026, 11, 14))
        owners = adjust_points_batch(s, owner, gid, [ids["王五"], ids["赵六"]], 20, "月度之星", date(2026, 11, 14))
        s.commit()
        with pytest.raises(PermissionDenied):
            undo_adjustment_batch(s, assistant, owners.head_id)
        s.rollback()
        assert undo_adjustment_batch(s, assistant, mine.head_id) == 2
        s.commit()
        assert [balance(s, ids[n]) for n in ("张三", "李四", "王五", "赵六")] == [0, 0, 20, 20]
        _agrees(s)


def test_a_single_adjustment_is_a_batch_of_one(camp):
    db, owner, gid, ids, _ = camp
    with db.session() as s:
        adjust_points(s, owner, ids["张三"], 50, "打错了", date(2026, 11, 3))
        adjust_points_batch(s, owner, gid, [ids["李四"], ids["王五"]], 5, "分享", date(2026, 11, 3))
        s.commit()
        single = next(e for e in ledger_of(s, ids["张三"]) if e.source_kind == "manual")
        batch = adjustment_batch(s, single.id)
        assert batch is not None and batch.open_ids == (single.id,)
        assert undo_adjustment_batch(s, owner, single.id) == 1
        s.commit()
        assert [balance(s, ids[n]) for n in ("张三", "李四", "王五")] == [0, 5, 5]


@pytest.mark.parametrize(
    "text",
    [
        "张三 李四 王五",
        "张三、李四、王五",
        "张三\n李四\n王五\n",
        "#接龙\n线下聚会获奖名单\n1. 张三\n2. 李四\n3. 王五",
        "恭喜 @张三 @李四 @王五",
        # a chat message copied from the group: its sender (赵六) congratulates the people mentioned
        "赵六 10:32\n恭喜@张三\u2005@李四\u2005@王五\u2005获得本月之星🎉",
        # labels before the names, several on one line
        "本月之星：张三、李四；优秀组长：王五",
    ],
)
def test_a_pasted_list_of_winners_names_each_of_them(camp, text):
    db, _owner, gid, ids, _ = camp
    with db.session() as s:
        matches = match_adjustment_names(s, gid, text)
    assert [m.membership_id for m in matches if m.status == "matched"] == [ids["张三"], ids["李四"], ids["王五"]]


def test_an_ambiguous_or_unknown_name_is_never_taken_for_someone(camp):
    db, owner, gid, ids, _ = camp
    with db.session() as s:
        add_member(s, owner, gid, MemberInput(display_name="张伟", wechat_id="zw_a", joined_at=datetime(2026, 10, 1)))
        add_member(s, owner, gid, MemberInput(display_name="张伟", wechat_id="zw_b", joined_at=datetime(2026, 10, 1)))
        s.commit()
        matches = match_adjustment_names(s, gid, "张伟 钱多多 张三")
    assert [(m.name, m.status) for m in matches] == [
        ("张伟", "ambiguous"),
        ("钱多多", "unmatched"),
        ("张三", "matched"),
    ]
    assert [m.membership_id for m in matches] == [None, None, ids["张三"]]


def test_a_line_that_names_nobody_is_said_not_lost(camp):
    """`张三：我来了` then `李四`: the chat parser reads 李四 as the text of 张三's message — a name the organiser pasted
    that no row showed. The lines that named nobody are returned with the matches (the dialog says them)."""
    db, _owner, gid, ids, _ = camp
    with db.session() as s:
        read = read_adjustment_names(s, gid, "张三：我来了\n李四")
        titled = read_adjustment_names(s, gid, "获奖名单\n\n张三\n李四")
    assert [m.membership_id for m in read.matches if m.status == "matched"] == [ids["张三"]]
    assert read.unread == ("李四",)
    assert [m.membership_id for m in titled.matches] == [ids["张三"], ids["李四"]]
    assert titled.unread == ("获奖名单",)


def test_a_label_that_is_a_members_name_is_the_member(camp):
    db, _owner, gid, ids, _ = camp
    with db.session() as s:
        matches = match_adjustment_names(s, gid, "张三：我来了")
    assert [m.membership_id for m in matches] == [ids["张三"]]
