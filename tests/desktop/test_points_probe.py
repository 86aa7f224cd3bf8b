"""Points probe: balances, ranks and levels computed by hand for small groups built through the services, read
back from the services, the leaderboard text and the monthly workbook (openpyxl)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop.errors import ValidationError
from desktop.services.checkins import record_checkins, undo_checkin
from desktop.services.groups import create_group
from desktop.services.participation import add_violation
from desktop.services.points import (
    adjust_points,
    balance,
    group_levels,
    leaderboard,
    list_rules,
    set_levels,
    set_rule,
)
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.services.texts import leaderboard_text
from desktop.workspace import actor_for

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated in November 2026 (an activity
    on the 5th is refused as not happened yet on a suite day before it)."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _rule(s, gid, code):
    return next(r for r in list_rules(s, gid) if r.code == code)


def test_a_violation_rule_typed_as_a_positive_number_is_refused(sqlite_workspace):
    """ "扣 10 分" typed as 10 into the violation rule: every violation then paid the violator +10 (a violator
    above the members who kept the rules, nothing on screen saying so). A penalty is 0 or less, a reward 0 or
    more; what is refused is left as it was, and 0 or the right sign is taken."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 10, 1)))
        with pytest.raises(ValidationError) as err:
            set_rule(s, owner, gid, "violation", points=10)
        assert "-10" in str(err.value)
        with pytest.raises(ValidationError):
            set_rule(s, owner, gid, "checkin", points=-1)
        assert (_rule(s, gid, "violation").points, _rule(s, gid, "checkin").points) == (-10, 1)
        set_rule(s, owner, gid, "violation", points=-20)
        set_rule(s, owner, gid, "share", points=0)
        add_violation(s, owner, ms, "flood", date(2026, 11, 7))
        s.commit()
        assert balance(s, ms) == -20
        assert (_rule(s, gid, "violation").points, _rule(s, gid, "share").points) == (-20, 0)


def test_names_of_one_reading_tie_in_the_same_order_on_the_page_the_text_and_the_workbook(sqlite_workspace, tmp_path):
    """章三 and 张三 (both zhangsan), 王芳🌸 and 王芳 (both wangfang), 5 points each: the Points page ordered them
    by their characters (张 before 章), the leaderboard text and the workbook by membership — the same tie read
    in two orders. One order everywhere: points, pinyin, then membership (the one added first)."""
    owner = actor_for(sqlite_workspace)
    names = ["章三", "张三", "王芳🌸", "王芳"]
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        for n in names:
            _, ms = add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 10, 1)))
            adjust_points(s, owner, ms, 5, "奖励", day=date(2026, 11, 3))
        s.commit()
        expected = ["王芳🌸", "王芳", "章三", "张三"]  # wangfang < zhangsan; within one reading, first added first
        assert [r.display_name for r in leaderboard(s, gid)] == expected
        month = leaderboard(s, gid, start=date(2026, 11, 1), end=date(2026, 11, 30))
        assert [(r.rank, r.display_name) for r in month] == [(1, n) for n in expected]
        text = leaderboard_text(s, gid, 2026, 11, today=TODAY).parts[0]
        assert [line.split()[1] for line in text.splitlines()[1:5]] == expected
    path = tmp_path / "r.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[gid], path=path, today=TODAY)
    ws = load_workbook(path)["积分"]
    rows = [
        r for r in ws.iter_rows(min_row=4, max_col=9, values_only=True) if r[0] == "训练营" and isinstance(r[1], int)
    ]
    assert [r[2] for r in rows] == expected == [r[6] for r in rows]


def test_the_workbook_boards_list_and_rank_whom_the_points_page_lists(sqlite_workspace, tmp_path):
    """张三 +5; 李四's only check-in was logged by mistake and undone (+1 −1 = 0); 王五 flooded the group (−10).
    The Points page listed all three (李四 at 0) and ranked 王五 third; the workbook left 李四 out and ranked 王五
    second — the same person one place apart. Both boards list the same people with the same ranks; a check-in
    undone leaves no row on either (probe undo3: a mistake taken back is as if never logged — 李四 at 0 was a stray
    row), so both leave 李四 out; the paste-ready text names only those who earned points (张三)."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        ids = [
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 10, 1)))[1]
            for n in ("张三", "李四", "王五")
        ]
        adjust_points(s, owner, ids[0], 5, "奖励", day=date(2026, 11, 3))
        record_checkins(s, owner, gid, date(2026, 11, 4), [ids[1]], today=TODAY)
        undo_checkin(s, owner, ids[1], date(2026, 11, 4))
        add_violation(s, owner, ids[2], "flood", date(2026, 11, 5))
        s.commit()
        expected = [(1, "张三", 5), (2, "王五", -10)]
        month = leaderboard(s, gid, start=date(2026, 11, 1), end=date(2026, 11, 30))
        assert [(r.rank, r.display_name, r.points) for r in month] == expected
        assert [(r.rank, r.display_name, r.points) for r in leaderboard(s, gid)] == expected
        text = leaderboard_text(s, gid, 2026, 11, today=TODAY).parts[0]
        assert "张三 5分" in text and "李四" not in text and "王五" not in text
    path = tmp_path / "r.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[gid], path=path, today=TODAY)
    ws = load_workbook(path)["积分"]
    rows = [
        r for r in ws.iter_rows(min_row=4, max_col=9, values_only=True) if r[0] == "训练营" and isinstance(r[1], int)
    ]
    assert [r[1:4] for r in rows] == expected  # 本月积分榜
    assert [r[5:8] for r in rows] == expected  # 累计积分榜


def test_a_fact_taken_back_after_a_recompute_takes_back_what_the_current_rules_pay(sqlite_workspace):
    """Check-in 1 → 2 and the 7-day bonus 5 → 9, recomputed (one 'recompute' entry of +11: 7 × 1 + 4). Then
    undoing Nov 3 took back its face value 1 (not 2), and the bonus the undo moved from Nov 7 to Nov 13 took back
    5 and paid 9: 张三 kept 5 points for nothing (40, by hand 13 × 2 + 9 = 35), and nothing said so. A removed
    violation and an attendance set back to absent after their rules were re-priced: the same."""
    from desktop.services.participation import ActivityInput, create_activity, remove_violation, set_attendance
    from desktop.services.points import recompute_apply, recompute_preview

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        a, b = (
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 10, 1)))[1]
            for n in ("张三", "李四")
        )
        for d in range(1, 8):
            record_checkins(s, owner, gid, date(2026, 11, d), [a], today=TODAY)
        vid, _ = add_violation(s, owner, b, "flood", date(2026, 11, 2))
        act = create_activity(
            s,
            owner,
            gid,
            ActivityInput("线下读书会", kind="offline_meetup", online=False, starts_at=datetime(2026, 11, 5, 14)),
        )
        set_attendance(s, owner, act, b, "attended")
        s.commit()
        assert (balance(s, a), balance(s, b)) == (7 + 5, -10 + 10)
        set_rule(s, owner, gid, "checkin", points=2)
        set_rule(s, owner, gid, "streak7", points=9)
        set_rule(s, owner, gid, "violation", points=-20)
        set_rule(s, owner, gid, "activity_offline", points=15)
        recompute_apply(s, owner, gid, day=date(2026, 11, 15))
        s.commit()
        assert (balance(s, a), balance(s, b)) == (7 * 2 + 9, -20 + 15)
        for d in range(8, 15):
            record_checkins(s, owner, gid, date(2026, 11, d), [a], today=TODAY)
        s.commit()
        assert balance(s, a) == 14 * 2 + 2 * 9

        undo_checkin(s, owner, a, date(2026, 11, 3))  # runs 1–2 and 4–14: one bonus, on Nov 13 (its 10th day)
        remove_violation(s, owner, vid)
        set_attendance(s, owner, act, b, "absent")
        s.commit()
        assert balance(s, a) == 13 * 2 + 9
        assert balance(s, b) == 0
        assert recompute_preview(s, gid) == []
        assert [(r.display_name, r.points) for r in leaderboard(s, gid)] == [("张三", 35), ("李四", 0)]


def test_a_fact_taken_back_before_the_recompute_takes_back_what_it_was_paid(sqlite_workspace):
    """The rule changed and nobody recomputed: a check-in paid 1 under the old rule is worth 1 — undoing it takes
    back 1, not the 2 of the current rule (the ledger is re-priced only by "recompute")."""
    from desktop.services.points import recompute_preview

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        _, a = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 10, 1)))
        for d in (1, 2, 3):
            record_checkins(s, owner, gid, date(2026, 11, d), [a], today=TODAY)
        set_rule(s, owner, gid, "checkin", points=2)
        record_checkins(s, owner, gid, date(2026, 11, 4), [a], today=TODAY)
        undo_checkin(s, owner, a, date(2026, 11, 2))
        s.commit()
        assert balance(s, a) == 1 + 1 + 2
        assert [(r.current, r.expected) for r in recompute_preview(s, gid)] == [(4, 6)]


def test_a_leave_that_moves_a_recomputed_bonus_pays_it_once_at_the_current_price(sqlite_workspace):
    """Nov 1–3 and 5–11 checked in: one bonus, on Nov 11 (paid 5). 7-day bonus 5 → 9, recomputed (+4). A leave on
    Nov 4 joins the runs: the bonus moves to Nov 8 — reversed at its face 5 and paid 9 again, the +4 of the
    recompute stayed: 4 points too many. Now the member keeps one bonus at 9."""
    from desktop.services.checkins import record_leave
    from desktop.services.points import recompute_apply, recompute_preview

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        _, a = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 10, 1)))
        for d in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11):
            record_checkins(s, owner, gid, date(2026, 11, d), [a], today=TODAY)
        assert balance(s, a) == 10 + 5
        set_rule(s, owner, gid, "streak7", points=9)
        recompute_apply(s, owner, gid, day=date(2026, 11, 12))
        s.commit()
        assert balance(s, a) == 10 + 9
        record_leave(s, owner, a, date(2026, 11, 4), date(2026, 11, 4))
        s.commit()
        assert balance(s, a) == 10 + 9
        assert recompute_preview(s, gid) == []


def test_a_late_check_in_that_moves_a_recomputed_bonus_pays_it_once_at_the_current_price(sqlite_workspace):
    """Nov 1–3 and 5–11: one bonus, on Nov 11 (paid 5); bonus 5 → 9, recomputed (+4). Nov 4 logged later fills
    the gap: the bonus moves to Nov 7, reversed at 5 and paid 9, the recompute's +4 kept — 24 where the rules
    give 11 + 9 = 20. Without a recompute the moved bonus is reversed at what it was paid (5)."""
    from desktop.services.points import recompute_apply, recompute_preview

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        _, a = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 10, 1)))
        for d in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11):
            record_checkins(s, owner, gid, date(2026, 11, d), [a], today=TODAY)
        set_rule(s, owner, gid, "streak7", points=9)
        recompute_apply(s, owner, gid, day=date(2026, 11, 12))
        s.commit()
        assert balance(s, a) == 10 + 9
        result = record_checkins(s, owner, gid, date(2026, 11, 4), [a], today=TODAY)
        s.commit()
        assert balance(s, a) == 11 + 9 and result.points == 1
        assert recompute_preview(s, gid) == []

        # another group, the same change and no recompute: the moved bonus is taken back as paid (5), paid 9
        other = create_group(s, owner, "读书会")
        _, c = add_member(s, owner, other, MemberInput(display_name="王五", joined_at=datetime(2026, 10, 1)))
        for d in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11):
            record_checkins(s, owner, other, date(2026, 11, d), [c], today=TODAY)
        set_rule(s, owner, other, "streak7", points=9)
        record_checkins(s, owner, other, date(2026, 11, 4), [c], today=TODAY)
        s.commit()
        assert balance(s, c) == 11 + 9


def test_a_past_month_board_gives_the_level_of_its_end_on_the_page_the_text_and_the_workbook(
    sqlite_workspace, tmp_path
):
    """张三 and 李四 earned 30 in October (活跃 from 30); 张三 got +500 in November. October's board on the Points
    page said 元老 for 张三 (today's balance) where the workbook's 积分 sheet and the leaderboard text said 活跃 (his
    level at October's end): one month, two levels for one person. Now the page gives the level of the month's end
    too; the all-time board gives today's."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        zhang, li = (
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 9, 1)))[1]
            for n in ("张三", "李四")
        )
        adjust_points(s, owner, zhang, 30, "奖励", day=date(2026, 10, 3))
        adjust_points(s, owner, li, 30, "奖励", day=date(2026, 10, 4))
        adjust_points(s, owner, zhang, 500, "大奖", day=date(2026, 11, 3))
        s.commit()
        october = leaderboard(s, gid, start=date(2026, 10, 1), end=date(2026, 10, 31))
        assert [(r.rank, r.display_name, r.points, r.level) for r in october] == [
            (1, "李四", 30, "活跃"),
            (1, "张三", 30, "活跃"),
        ]
        assert [(r.display_name, r.level) for r in leaderboard(s, gid)] == [
            ("张三", "元老"),
            ("李四", "活跃"),
        ]  # all time
        text = leaderboard_text(s, gid, 2026, 10, today=TODAY).parts[0]
        assert "张三 30分 · 活跃" in text and "李四 30分 · 活跃" in text
    path = tmp_path / "r.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=10, group_ids=[gid], path=path, today=TODAY)
    ws = load_workbook(path)["积分"]
    rows = [
        r for r in ws.iter_rows(min_row=4, max_col=9, values_only=True) if r[0] == "训练营" and isinstance(r[1], int)
    ]
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [(r.rank, r.display_name, r.points, r.level) for r in october]


def test_levels_with_one_name_twice_or_a_name_too_long_are_refused_and_the_levels_stay(sqlite_workspace):
    """活跃 from 30 and 活跃 again from 100 were saved: a member climbing from one to the other was promoted to
    nowhere (the name did not change) and the Levels tab showed two rows no one could tell apart; a name over the
    column's 30 characters was kept whole by SQLite and refused by PostgreSQL as a database error. Both are refused
    with the name said, the levels as they were; thresholds typed out of order and a level below 0 are taken."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        before = group_levels(s, gid)
        with pytest.raises(ValidationError) as err:
            set_levels(s, owner, gid, [("新人", 0), ("活跃", 30), ("活跃 ", 100)])
        assert "活跃" in str(err.value) and "must differ" in str(err.value)
        with pytest.raises(ValidationError) as err:
            set_levels(s, owner, gid, [("新人", 0), ("长" * 31, 30)])
        assert "30" in str(err.value)
        assert group_levels(s, gid) == before
        set_levels(s, owner, gid, [("Regular", 30), ("Newcomer", 0), ("待改进", -10), ("长" * 30, 100)])
        s.commit()
        assert group_levels(s, gid) == [("待改进", -10), ("Newcomer", 0), ("Regular", 30), ("长" * 30, 100)]
        _, ms = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 10, 1)))
        adjust_points(s, owner, ms, 30, "奖励", day=date(2026, 11, 3))  # exactly on a threshold: that level
        s.commit()
        assert leaderboard(s, gid)[0].level == "Regular"
        adjust_points(s, owner, ms, -35, "违规扣分", day=date(2026, 11, 4))  # below 0: the level for it
        s.commit()
        assert (balance(s, ms), leaderboard(s, gid)[0].level) == (-5, "待改进")


def test_a_manual_adjustment_undone_is_reversed_once_in_its_month_and_recompute_leaves_it(sqlite_workspace):
    """+50 typed for +5 on Oct 30: undone, a reversing entry of −50 dated Oct 30 (October's board loses it, not
    November's), both kept. Undoing it again, undoing the undo, undoing a check-in's points here, and an assistant
    undoing the owner's adjustment are refused with the ledger as it was; an assistant undoes their own. The undo
    is 'manual': as a 'reversal' it counted as rule-based points and recompute paid the +50 back."""
    from desktop.errors import PermissionDenied
    from desktop.services.operators import add_operator
    from desktop.services.points import recompute_preview, undo_adjustment
    from desktop.services.points_queries import ledger_of

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 10, 1)))
        helper = add_operator(s, owner, "小助理", "assistant")
        record_checkins(s, owner, gid, date(2026, 10, 30), [ms], today=TODAY)
        adjust_points(s, owner, ms, 50, "分享奖励", day=date(2026, 10, 30))
        s.commit()
        entries = ledger_of(s, ms)
        wrong = next(e for e in entries if e.source_kind == "manual")
        checkin = next(e for e in entries if e.source_kind != "manual")
        with pytest.raises(PermissionDenied):
            undo_adjustment(s, helper, wrong.id)
        with pytest.raises(ValidationError):
            undo_adjustment(s, owner, checkin.id)
        assert undo_adjustment(s, owner, wrong.id) == 50
        s.commit()
        undo = ledger_of(s, ms)[0]
        assert (undo.day, undo.points, undo.reverses_id, undo.source_kind) == (
            date(2026, 10, 30),
            -50,
            wrong.id,
            "manual",
        )
        for again in (wrong.id, undo.id):
            with pytest.raises(ValidationError):
                undo_adjustment(s, owner, again)
        assert recompute_preview(s, gid) == []
        assert balance(s, ms) == 1
        assert [r.points for r in leaderboard(s, gid, start=date(2026, 10, 1), end=date(2026, 10, 31))] == [1]
        adjust_points(s, helper, ms, 3, "帮忙", day=date(2026, 11, 2))
        s.commit()
        own = ledger_of(s, ms)[0]
        assert undo_adjustment(s, helper, own.id) == 3
        s.commit()
        assert balance(s, ms) == 1 and len(ledger_of(s, ms)) == 5


def test_an_adjustment_dated_after_today_is_refused_and_one_in_a_past_month_counts_there(sqlite_workspace):
    """adjust_points took any day: +10 dated next month sat on a board of a month to come and in no figure up to
    today. A later day is refused, nothing written; a day in October counts on October's board, not November's,
    and a penalty larger than the balance leaves it below 0."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 9, 1)))
        with pytest.raises(ValidationError) as err:
            adjust_points(s, owner, ms, 10, "预发奖励", day=date(2026, 12, 1))
        assert "2026-12-01" in str(err.value)
        adjust_points(s, owner, ms, 10, "十月补记", day=date(2026, 10, 15))
        adjust_points(s, owner, ms, -15, "违规扣分")  # today
        s.commit()
        assert balance(s, ms) == -5
        october = leaderboard(s, gid, start=date(2026, 10, 1), end=date(2026, 10, 31))
        november = leaderboard(s, gid, start=date(2026, 11, 1), end=date(2026, 11, 30))
        assert [(r.points, r.level) for r in october] == [(10, "新人")]
        assert [(r.points, r.level) for r in november] == [(-15, None)]
