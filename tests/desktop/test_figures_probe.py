"""Figures the probes found wrong (report and roster probes): deleted people in the month figures and alerts, the
zombie alert blind to chat, phone numbers with unusual separators in the texts, the reminder of an earlier day,
tied ranks, and referral points against recompute. Each test reads the figures back from the services."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, insert, select, update

from desktop.health import group_health
from desktop.metrics import month_stats
from desktop.services.checkins import record_checkins
from desktop.services.checkins_queries import not_checked_in
from desktop.services.groups import create_group, list_groups, people_in_groups
from desktop.services.onboarding import leave_group, list_steps, record_join, record_step, undo_step
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from desktop.services.points import adjust_points, balance, competition_ranks, recompute_preview
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member, restore_member, soft_delete_member
from desktop.services.texts import leaderboard_text, reminder_text, shown_name
from models import ChatActivity, Group, Membership, kept
from models.queries.participation import members_at_end

TODAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    return TODAY


def _add(s, owner, gid, name, joined=datetime(2026, 10, 1, 9), **kw):
    return add_member(s, owner, gid, MemberInput(display_name=name, joined_at=joined, **kw))


def _days(a: date, b: date):
    while a <= b:
        yield a
        a += timedelta(days=1)


# ---- 1. a deleted person is no member ------------------------------------------------------------------------


def test_a_deleted_person_is_in_no_month_figure_alert_or_count(workspace, owner, tmp_path):
    with workspace.session() as s:
        g = create_group(s, owner, "删人群")
        _, stays = _add(s, owner, g, "留下")
        gone, gone_ms = _add(s, owner, g, "已删除有打卡")
        silent, _ = _add(s, owner, g, "已删除沉默")
        for d in _days(date(2026, 11, 1), date(2026, 11, 30)):
            record_checkins(s, owner, g, d, [stays], today=TODAY)
        for d in _days(date(2026, 11, 1), date(2026, 11, 5)):
            record_checkins(s, owner, g, d, [gone_ms], today=TODAY)
        s.execute(insert(ChatActivity).values(membership_id=gone_ms, group_id=g, day=date(2026, 11, 3), messages=7))
        kept.refresh(s.connection(), [gone_ms])
        soft_delete_member(s, owner, gone)
        soft_delete_member(s, owner, silent)
        s.commit()

        nov = month_stats(s, g, 2026, 11, today=TODAY)
        assert (nov.members_total, nov.checkins, nov.checkin_rate, nov.dormant, nov.messages) == (1, 30, 1.0, 0, 0)
        h = group_health(s, g, TODAY)
        assert h.members == 1
        assert [(a.kind, a.display_name) for a in h.alerts] == []
        assert sum(n for _d, n in group_health(s, g, date(2026, 11, 30)).daily_checkins) == 30
        row = next(r for r in list_groups(s, today=TODAY) if r.id == g)
        assert (row.members_total, row.members_active) == (1, 1)
        assert people_in_groups(s) == 1

    out = tmp_path / "nov.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=11, group_ids=[g], path=out)
    wb = load_workbook(out)
    kpi = {r[5]: r[2] for r in wb["概览"].iter_rows(min_row=4, values_only=True) if r[5]}
    total = next(r for r in wb["打卡明细"].iter_rows(values_only=True) if r[1] == "每日合计")
    assert (kpi["members_total"], kpi["checkins"], total[2 + 30]) == (1, 30, 30)  # the KPI is the matrix's total
    assert [r[2] for r in wb["预警"].iter_rows(min_row=4, values_only=True) if r[2]] == []

    with workspace.session() as s:  # a restore brings them and their check-ins back
        restore_member(s, owner, gone)
        s.commit()
        nov = month_stats(s, g, 2026, 11, today=TODAY)
        assert (nov.members_total, nov.checkins, nov.messages) == (2, 35, 7)


def test_a_deleted_applicant_is_not_stalled(workspace, owner):
    with workspace.session() as s:
        g = create_group(s, owner, "入群群")
        _, applicant = _add(s, owner, g, "申请人", joined=None, status="applicant")
        gone, gone_ms = _add(s, owner, g, "已删申请人", joined=None, status="applicant")
        s.execute(
            update(Membership)
            .where(Membership.id.in_([applicant, gone_ms]))
            .values(applied_at=datetime(2026, 11, 10, 9))
        )
        soft_delete_member(s, owner, gone)
        s.commit()
        assert month_stats(s, g, 2026, 12, today=TODAY).stalled_onboarding == 1
        stalled = [a.display_name for a in group_health(s, g, TODAY).alerts if a.kind == "stalled_onboarding"]
        assert stalled == ["申请人"]


def test_the_deleted_condition_keeps_the_member_count_on_its_covering_index(sqlite_workspace):
    """Counting a group's members still reads ix_membership_group_roster alone; the deleted people come from
    their partial index ix_member_deleted."""
    from tests.sqlplan import plan

    with sqlite_workspace.session() as s:
        q = select(func.count()).select_from(members_at_end(TODAY, 1).subquery())
        lines = plan(s.connection(), q)
    assert any("COVERING INDEX ix_membership_group_roster" in line for line in lines), lines
    assert any("ix_member_deleted" in line for line in lines), lines
    assert not any(line.startswith("SCAN membership") for line in lines), lines


# ---- 2. the zombie alert sees every kind of participation ---------------------------------------------------


def test_members_who_speak_every_day_are_no_zombie_group(workspace, owner):
    with workspace.session() as s:
        g = create_group(s, owner, "聊天群")
        ids = [_add(s, owner, g, n)[1] for n in ("甲", "乙")]
        for mid in ids:
            for d in _days(date(2026, 11, 28), date(2026, 12, 3)):
                s.execute(insert(ChatActivity).values(membership_id=mid, group_id=g, day=d, messages=20))
        kept.refresh(s.connection(), ids)
        s.commit()
        h = group_health(s, g, TODAY)
        assert (h.members, h.active_7) == (2, 2)
        assert [a.kind for a in h.alerts if a.kind == "zombie_group"] == []


def test_an_activity_nobody_attended_is_no_participation(workspace, owner):
    with workspace.session() as s:
        g = create_group(s, owner, "冷清群")
        s.get(Group, g).created_at = datetime(2026, 10, 1)  # kept here since October: its quiet weeks were observed
        a, b = (_add(s, owner, g, n)[1] for n in ("甲", "乙"))
        record_checkins(s, owner, g, date(2026, 11, 1), [a], today=TODAY)
        act = create_activity(s, owner, g, ActivityInput("读书会", starts_at=datetime(2026, 12, 2, 20)))
        set_attendance(s, owner, act, b, "absent")
        s.commit()
        zombie = [a for a in group_health(s, g, TODAY).alerts if a.kind == "zombie_group"]
        assert len(zombie) == 1
        assert zombie[0].reason.args["since"].args["day"] == date(2026, 11, 1)  # the check-in, not the activity


def test_the_last_participation_of_an_earlier_day_is_read_from_the_facts(workspace, owner):
    """A day in the past: a member whose kept last day is later is looked up in the fact tables."""
    from desktop.health import last_participation

    with workspace.session() as s:
        g = create_group(s, owner, "旧账群")
        a = _add(s, owner, g, "甲")[1]
        s.execute(insert(ChatActivity).values(membership_id=a, group_id=g, day=date(2026, 11, 10), messages=3))
        record_checkins(s, owner, g, date(2026, 11, 20), [a], today=TODAY)
        kept.refresh(s.connection(), [a])
        s.commit()
        assert last_participation(s, g, date(2026, 11, 15)) == date(2026, 11, 10)
        assert last_participation(s, g, TODAY) == date(2026, 11, 20)
        assert last_participation(s, g, date(2026, 11, 5)) is None


# ---- 3. phone numbers written any way are masked ------------------------------------------------------------


@pytest.mark.parametrize(
    "nickname",
    [
        "小红 138.0013.8000",
        "小蓝138－0013－8000",
        "小绿138_0013_8000",
        "小紫138/0013/8000",
        "小黑138—0013—8000",
        "小白１３８００１３８０００",
        "小灰 138\u30000013\u30008000",
        "座机 010-6552 8888",
    ],
)
def test_a_phone_number_with_any_separator_is_masked(nickname):
    shown = shown_name(nickname, "成员")
    assert "****" in shown
    assert sum(c.isdigit() for c in shown) == 3, shown


def test_the_reminder_and_leaderboard_mask_dotted_phone_numbers(workspace, owner):
    nicks = ["小红 138.0013.8000", "小蓝138－0013－8000", "小绿138_0013_8000"]
    with workspace.session() as s:
        g = create_group(s, owner, "隐私群")
        for i, n in enumerate(nicks):
            ms = _add(s, owner, g, f"成员{i}", group_nickname=n)[1]
            adjust_points(s, owner, ms, 5, "奖励", day=date(2026, 12, 2))
        s.commit()
        texts = reminder_text(s, g, TODAY).text + leaderboard_text(s, g, 2026, 12, today=TODAY).text
    assert "0013" not in texts and "8000" not in texts
    assert texts.count("138****") == 6


def test_short_numbers_are_not_masked():
    assert shown_name("2026届 3班 王五", "王五") == "2026届 3班 王五"
    assert shown_name("小明 No.123456", "小明") == "小明 No.123456"


# ---- 4. the reminder of an earlier day ----------------------------------------------------------------------


def test_the_reminder_of_an_earlier_day_expects_that_days_members(workspace, owner):
    with workspace.session() as s:
        g = create_group(s, owner, "提醒群")
        ids = {n: _add(s, owner, g, n)[1] for n in ("甲在且打卡", "乙打卡后退群", "丙未打卡后退群", "丁未打卡")}
        record_checkins(s, owner, g, date(2026, 12, 1), [ids["甲在且打卡"], ids["乙打卡后退群"]], today=TODAY)
        for n in ("乙打卡后退群", "丙未打卡后退群"):
            leave_group(s, owner, ids[n], "退出", when=datetime(2026, 12, 3, 12))
        _add(s, owner, g, "戊后来入群", joined=datetime(2026, 12, 2, 9))
        s.commit()
        then = reminder_text(s, g, date(2026, 12, 1))
        # pasted into the group today: those of that day still in it (丙 and 乙 left since: neither named nor
        # counted — the Check-ins page's list of the day still has 丙, checkins_queries.not_checked_in)
        assert then.people == 1
        assert "已打卡 1/2" in then.text
        assert "@丁未打卡" in then.text and "丙" not in then.text and "乙" not in then.text and "戊" not in then.text
        assert {p.display_name for p in not_checked_in(s, g, date(2026, 12, 1))} == {"丙未打卡后退群", "丁未打卡"}
        now = reminder_text(s, g, TODAY)  # today: those who left are not expected
        assert now.people == 3 and "已打卡 0/3" in now.text


# ---- 5. one ranking rule ------------------------------------------------------------------------------------


def test_competition_ranks():
    assert competition_ranks([10, 10, 8, 8, 8, 3]) == [1, 1, 3, 3, 3, 6]
    assert competition_ranks([]) == []


def test_tied_points_share_the_rank_in_the_text_and_the_workbook(workspace, owner, tmp_path):
    with workspace.session() as s:
        g = create_group(s, owner, "并列群")
        for name, pts in (("张三", 10), ("😀小明", 10), ("李四", 4)):
            adjust_points(s, owner, _add(s, owner, g, name)[1], pts, "奖励", day=date(2026, 11, 5))
        s.commit()
        text = leaderboard_text(s, g, 2026, 11, today=TODAY).text
    lines = [line for line in text.splitlines() if "分" in line and "积分榜" not in line]
    assert [line.split()[0] for line in lines] == ["🥇", "🥇", "🥉"]
    out = tmp_path / "nov.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=11, group_ids=[g], path=out)
    board = [r[1:4] for r in load_workbook(out)["积分"].iter_rows(min_row=4, max_row=6, values_only=True)]
    assert [(rank, pts) for rank, _name, pts in board] == [(1, 10), (1, 10), (3, 4)]
    names_in_text = [line.split()[1] for line in lines]
    assert [name for _r, name, _p in board] == names_in_text  # the same order: points, then pinyin


# ---- 6. referral points: once per referred membership, the ledger and recompute agree -----------------------


def _join_by_steps(s, owner, gid, ms, when=datetime(2026, 10, 1, 9)):
    for st in list_steps(s, gid):
        if st.required:
            record_step(s, owner, ms, st.id, answer="x" if st.code == "purpose" else None, when=when)


def _referral_setup(s, owner):
    g = create_group(s, owner, "训练营")
    ref, ref_ms = _add(s, owner, g, "推荐人", joined=datetime(2026, 9, 1))
    _, ms = _add(s, owner, g, "新人", joined=None, status="applicant", referrer_id=ref)
    _join_by_steps(s, owner, g, ms)
    s.commit()
    assert s.get(Membership, ms).status == "active"
    assert balance(s, ref_ms) == 20
    return g, ref, ref_ms, ms


def test_a_referred_member_who_comes_back_pays_the_referrer_once(workspace, owner):
    with workspace.session() as s:
        g, _ref, ref_ms, ms = _referral_setup(s, owner)
        leave_group(s, owner, ms, "太忙", when=datetime(2026, 10, 20))
        assert record_join(s, owner, ms, datetime(2026, 11, 5, 20)) == "active"
        s.commit()
        assert balance(s, ref_ms) == 20
        assert recompute_preview(s, g) == []


def test_a_referral_stays_earned_when_the_member_leaves(workspace, owner):
    with workspace.session() as s:
        g, _ref, ref_ms, ms = _referral_setup(s, owner)
        for status in ("left", "blacklisted"):
            leave_group(s, owner, ms, "离开", status=status, when=datetime(2026, 10, 20))
            s.commit()
            assert balance(s, ref_ms) == 20
            assert recompute_preview(s, g) == []


def test_an_undone_join_takes_the_referral_back_and_a_new_join_earns_it_again(workspace, owner):
    with workspace.session() as s:
        g, _ref, ref_ms, ms = _referral_setup(s, owner)
        last = [st for st in list_steps(s, g) if st.required][-1]
        undo_step(s, owner, ms, last.id)
        s.commit()
        assert (s.get(Membership, ms).status, balance(s, ref_ms)) == ("onboarding", 0)
        assert recompute_preview(s, g) == []
        record_step(s, owner, ms, last.id, when=datetime(2026, 10, 2, 9))
        s.commit()
        assert (s.get(Membership, ms).status, balance(s, ref_ms)) == ("active", 20)
        assert recompute_preview(s, g) == []


def test_an_applicant_who_withdraws_earns_the_referrer_nothing(workspace, owner):
    with workspace.session() as s:
        g = create_group(s, owner, "训练营")
        ref, ref_ms = _add(s, owner, g, "推荐人", joined=datetime(2026, 9, 1))
        _, ms = _add(s, owner, g, "申请人", joined=None, status="applicant", referrer_id=ref)
        leave_group(s, owner, ms, "不来了", when=datetime(2026, 10, 20))
        s.commit()
        assert balance(s, ref_ms) == 0
        assert recompute_preview(s, g) == []


def test_a_member_added_as_active_with_a_referrer_earns_the_referral(workspace, owner):
    with workspace.session() as s:
        g = create_group(s, owner, "G")
        ref, ref_ms = _add(s, owner, g, "推荐人", joined=datetime(2026, 9, 1))
        add_member(s, owner, g, MemberInput(display_name="朋友", referrer_id=ref))
        s.commit()
        assert balance(s, ref_ms) == 20
        assert recompute_preview(s, g) == []


def test_a_member_copied_to_a_group_where_their_referrer_is_pays_the_referral_once(workspace, owner):
    """The referral was paid in A when 朋友 joined; copied into B, where the referrer is too, 朋友 keeps the referrer
    and pays nothing more (a person referred once pays once: points.referral_paid_before) — it was +20 again in B."""
    from desktop.services.members import bulk_copy_to_group

    with workspace.session() as s:
        a, b = create_group(s, owner, "A"), create_group(s, owner, "B")
        ref, ref_a = _add(s, owner, a, "推荐人", joined=datetime(2026, 9, 1))
        _, friend = add_member(s, owner, a, MemberInput(display_name="朋友", referrer_id=ref))
        bulk_copy_to_group(s, owner, [ref_a], b)  # the referrer is a member there too
        s.commit()
        ref_b = s.scalar(select(Membership.id).where(Membership.member_id == ref, Membership.group_id == b))
        assert balance(s, ref_b) == 0
        bulk_copy_to_group(s, owner, [friend], b)
        s.commit()
        assert balance(s, ref_a) == 20 and balance(s, ref_b) == 0
        friend_b = s.scalar(select(Membership).where(Membership.group_id == b, Membership.referrer_id == ref))
        assert friend_b is not None and friend_b.status == "active"
        assert recompute_preview(s, a) == [] and recompute_preview(s, b) == []
