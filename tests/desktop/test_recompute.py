"""Recompute from rules: the facts recorded through the services agree with the rules (empty preview);
changing a rule shows the difference, applying it appends entries and leaves nothing to recompute."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.errors import PermissionDenied
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.onboarding import list_steps, record_step
from desktop.services.operators import add_operator
from desktop.services.participation import (
    ActivityInput,
    add_contribution,
    add_violation,
    create_activity,
    set_attendance,
)
from desktop.services.points import (
    adjust_points,
    balance,
    leaderboard,
    leaderboard_with_total,
    recompute_apply,
    recompute_preview,
    set_levels,
    set_rule,
)
from desktop.services.roster import MemberInput, add_member


@pytest.fixture
def busy(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        a_member, a = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 10, 1)))
        _, b = add_member(s, owner, gid, MemberInput(display_name="李四", status="applicant", referrer_id=a_member))
        for i in range(9):
            d = date(2026, 11, 1) + timedelta(days=i)
            record_checkins(s, owner, gid, d, [a], today=d)
        act = create_activity(
            s,
            owner,
            gid,
            ActivityInput("线下读书会", kind="offline_meetup", online=False, starts_at=datetime(2026, 11, 5, 14)),
        )
        set_attendance(s, owner, act, a, "attended", role="host")
        add_contribution(s, owner, a, "share", date(2026, 11, 6), "读书笔记")
        add_violation(s, owner, a, "flood", date(2026, 11, 7))
        for st in list_steps(s, gid):
            if st.required:
                record_step(s, owner, b, st.id)
        adjust_points(s, owner, a, 7, "群主奖励", day=date(2026, 11, 9))
        s.commit()
    return gid, a, b


def test_facts_recorded_by_the_services_need_no_recompute(workspace, busy):
    gid, a, _ = busy
    with workspace.session() as s:
        assert recompute_preview(s, gid) == []
        # 9 check-ins + streak 5 + offline 10 + host 5 + share 5 - violation 10 + referral 20 + manual 7
        assert balance(s, a) == 9 + 5 + 10 + 5 + 5 - 10 + 20 + 7


def test_changing_a_rule_shows_the_difference_then_applies_it(workspace, owner, busy):
    gid, a, _ = busy
    with workspace.session() as s:
        set_rule(s, owner, gid, "checkin", points=2)
        set_rule(s, owner, gid, "violation", active=False)
        (row,) = recompute_preview(s, gid)
        assert (row.membership_id, row.delta) == (a, 9 + 10)
        assert recompute_apply(s, owner, gid, day=date(2026, 11, 10)) == 1
        s.commit()
        assert recompute_preview(s, gid) == []
        assert balance(s, a) == 51 + 19


def test_levels_and_permissions(workspace, owner, busy):
    gid, a, _ = busy
    with workspace.session() as s:
        set_levels(s, owner, gid, [("萌新", 0), ("达人", 40), ("大神", 100)])
        s.commit()
        top = leaderboard(s, gid)[0]
        assert (top.membership_id, top.level) == (a, "达人")
        helper = add_operator(s, owner, "助理", "assistant")
        with pytest.raises(PermissionDenied):
            set_rule(s, helper, gid, "checkin", points=100)


def test_the_demo_workspace_ledger_agrees_with_the_rules(sqlite_workspace):
    from desktop.demo import build_demo
    from desktop.services.groups import list_groups

    build_demo(sqlite_workspace.engine, groups=2, members=150, months=2, seed=3, today=date(2026, 11, 22))
    with sqlite_workspace.session() as s:
        for g in list_groups(s):
            assert recompute_preview(s, g.id) == [], g.name


def test_a_period_leaderboard_levels_by_the_points_at_its_end_in_statements_that_do_not_grow(workspace, owner, busy):
    """Issue 13: a board's levels were read as one ledger sum per row (200 sums: the Points page of a 9,400-member
    group froze for 0.6 s). The kept balance is read with the board, less what came after the period (one statement
    for all rows): the statements do not grow with the rows. The level is the one at the period's end, as in the
    workbook and the leaderboard text (it was the whole ledger's: 张三's referral +20, paid after Nov 9 when 李四
    joined, made him 达人 on the board of Nov 9, where he had 31 points — 萌新)."""
    from sqlalchemy import event

    gid, a, b = busy
    with workspace.session() as s:
        set_levels(s, owner, gid, [("萌新", 0), ("达人", 40), ("大神", 100)])
        adjust_points(s, owner, b, 3, "欢迎", day=date(2026, 11, 9))
        s.commit()
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(workspace.engine, "before_cursor_execute", seen)
    try:
        with workspace.session() as s:
            counts = []
            for limit in (1, None):
                statements.clear()
                board = leaderboard(s, gid, start=date(2026, 11, 9), end=date(2026, 11, 9), limit=limit)
                counts.append(len([x for x in statements if x.lstrip().upper().startswith("SELECT")]))
            assert [(r.membership_id, r.points, r.level) for r in board] == [(a, 1 + 7, "萌新"), (b, 3, "萌新")]
            assert balance(s, a, until=date(2026, 11, 9)) == 31 and balance(s, a) == 51  # 达人 from 40
            assert [(r.membership_id, r.level) for r in leaderboard(s, gid)] == [(a, "达人"), (b, "萌新")]
    finally:
        event.remove(workspace.engine, "before_cursor_execute", seen)
    assert counts[0] == counts[1]


def test_the_all_time_leaderboard_is_the_ledger_summed(workspace, owner, busy):
    """All time is read from the kept balances (issue 13: summing the ledger of a 9,400-member group took 3.7 s);
    it lists exactly what the ledger's sums list: a member whose entries cancel out shows 0, one with no entry at
    all is not listed, an opted-out member is hidden, ties go by name."""
    from sqlalchemy import func, select

    from models import Member, Membership, PointsEntry

    gid, a, b = busy
    with workspace.session() as s:
        _, zero = add_member(s, owner, gid, MemberInput(display_name="王五"))
        adjust_points(s, owner, zero, 5, "奖励", day=date(2026, 11, 9))
        adjust_points(s, owner, zero, -5, "扣回", day=date(2026, 11, 10))
        add_member(s, owner, gid, MemberInput(display_name="没积分"))
        hidden_member, hidden = add_member(s, owner, gid, MemberInput(display_name="隐身"))
        adjust_points(s, owner, hidden, 50, "奖励", day=date(2026, 11, 9))
        s.get(Member, hidden_member).points_opt_out = True
        adjust_points(s, owner, b, balance(s, a) - balance(s, b), "追平", day=date(2026, 11, 9))  # a tie
        s.commit()
        total = func.sum(PointsEntry.points)
        expected = s.execute(
            select(PointsEntry.membership_id, total)
            .join(Membership, Membership.id == PointsEntry.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .where(PointsEntry.group_id == gid, Member.points_opt_out.is_(False))
            .group_by(PointsEntry.membership_id, Member.display_name, Member.pinyin)
            .order_by(total.desc(), Member.pinyin, Member.display_name, PointsEntry.membership_id)
        ).all()
        board = leaderboard(s, gid, limit=None)
        assert [(r.membership_id, r.points) for r in board] == [tuple(row) for row in expected]
        assert [r.rank for r in board] == [1, 1, 3]  # the tie shares a rank, as on the workbook and in the text
        assert board[0].points == board[1].points and board[-1].membership_id == zero
        top, total = leaderboard_with_total(s, gid, limit=1)  # the page's "top 1 of 3"
        assert (top, total) == (board[:1], 3)
        month, total = leaderboard_with_total(s, gid, start=date(2026, 11, 10), end=date(2026, 11, 30), limit=None)
        assert total == len(month) == len(leaderboard(s, gid, start=date(2026, 11, 10), end=date(2026, 11, 30)))
