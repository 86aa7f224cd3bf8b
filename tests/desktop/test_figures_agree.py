"""One figure, one value: the dashboard, the alerts, month_stats and the monthly workbook give the same number for
the same thing (docs/metrics.md), each computed here by hand and read back from every place that shows it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert, update

from desktop.errors import ValidationError
from desktop.health import group_health
from desktop.metrics import combined_checkin_rate, month_stats
from desktop.services.chat_queries import messages_per_day, speaking_leaderboard
from desktop.services.checkins import CheckinEntry, checkins_on, record_checkins, record_leave, streaks
from desktop.services.checkins_queries import daily_counts
from desktop.services.dashboard_queries import group_overview, overview_totals
from desktop.services.group_profile import get_group_profile
from desktop.services.groups import create_group, list_groups
from desktop.services.onboarding import leave_group
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member, get_member_input, soft_delete_member, update_member
from desktop.workspace import actor_for
from models import ChatActivity, Group, Membership, kept

TODAY = date(2026, 11, 18)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    return TODAY


def _days(a: date, b: date):
    while a <= b:
        yield a
        a += timedelta(days=1)


def _add(s, actor, gid, name, joined=datetime(2026, 9, 1, 9)):
    return add_member(s, actor, gid, MemberInput(display_name=name, joined_at=joined))


def test_the_summary_chart_counts_per_day_what_the_matrix_totals(sqlite_workspace, tmp_path):
    """概览's 每日打卡人数 data (the chart) is the 打卡明细 matrix's 每日合计 of the same day: a deleted person's
    check-ins are in neither (they were in the chart: 4 over a 每日合计 of 3)."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "每日群")
        members = [_add(s, owner, g, name)[1] for name in ("阿甲", "阿乙", "阿丙")]
        gone, gone_ms = _add(s, owner, g, "阿戊")
        for d in _days(date(2026, 10, 1), date(2026, 10, 31)):
            record_checkins(s, owner, g, d, members, today=TODAY)
        for d in _days(date(2026, 10, 1), date(2026, 10, 10)):
            record_checkins(s, owner, g, d, [gone_ms], today=TODAY)
        soft_delete_member(s, owner, gone)
        s.commit()
        assert month_stats(s, g, 2026, 10, today=TODAY).checkins == 93
        assert dict(group_health(s, g, date(2026, 10, 31)).daily_checkins)[date(2026, 10, 1)] == 3

    out = tmp_path / "oct.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=10, group_ids=[g], path=out)
    wb = load_workbook(out)
    rows = list(wb["概览"].iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if "每日打卡人数" in r)
    col = rows[head].index("每日打卡人数")
    chart = {r[col]: r[col + 1] for r in rows[head + 2 : head + 2 + 31]}
    assert list(chart) == list(range(1, 32))
    total = next(r for r in wb["打卡明细"].iter_rows(values_only=True) if r[1] == "每日合计")
    matrix = dict(zip(range(1, 32), total[2 : 2 + 31], strict=True))
    assert chart == matrix == dict.fromkeys(range(1, 32), 3)
    assert sum(chart.values()) == total[2 + 31] == 93


def test_the_dashboard_chat_chart_and_speakers_leave_out_a_deleted_person(workspace, owner):
    """The dashboard's messages per day add up to the month's `messages`, and its speaking leaderboard names no
    deleted person (docs/metrics.md: a deleted person is in no figure and on no leaderboard)."""
    with workspace.session() as s:
        g = create_group(s, owner, "发言群")
        _, stays = _add(s, owner, g, "留下")
        gone, gone_ms = _add(s, owner, g, "已删除话痨")
        s.execute(
            insert(ChatActivity),
            [
                {"membership_id": stays, "group_id": g, "day": date(2026, 11, 3), "messages": 5},
                {"membership_id": stays, "group_id": g, "day": date(2026, 11, 4), "messages": 2},
                {"membership_id": gone_ms, "group_id": g, "day": date(2026, 11, 3), "messages": 40},
            ],
        )
        kept.refresh(s.connection(), [stays, gone_ms])
        soft_delete_member(s, owner, gone)
        s.commit()

        nov = month_stats(s, g, 2026, 11, today=TODAY)
        per_day = messages_per_day(s, g, date(2026, 11, 1), TODAY)
        assert per_day == {date(2026, 11, 3): 5, date(2026, 11, 4): 2}
        assert sum(per_day.values()) == nov.messages == 7
        board = speaking_leaderboard(s, g, TODAY - timedelta(days=29), TODAY)
        assert [(r.display_name, r.messages) for r in board] == [("留下", 7)]


def test_a_leaving_day_in_the_future_is_refused(sqlite_workspace):
    """A leaving day after today (a typo for last month's day) made a person 已退群 on the roster and in the
    sidebar's count while the dashboard and the month figures still counted them a member until that day (1
    against 2). It is refused, by leave_group and the member dialog alike, as a join day in the future is."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "未来群")
        _, a = _add(s, owner, g, "阿甲")
        _, b = _add(s, owner, g, "阿乙")
        with pytest.raises(ValidationError) as err:
            leave_group(s, owner, a, "结营", when=datetime(2026, 11, 30, 9))
        assert err.value.field == "left_at"
        data = get_member_input(s, b)
        with pytest.raises(ValidationError):
            update_member(s, owner, b, replace(data, status="left", left_at=datetime(2026, 12, 1), left_reason="x"))
        leave_group(s, owner, a, "结营", when=datetime(2026, 11, 18, 20))  # today is no future
        s.commit()
        row = next(r for r in list_groups(s, today=TODAY) if r.id == g)
        assert row.members_total == group_health(s, g, TODAY).members == 1
        # a future date stored before this rule (kept as it is) does not lock the member's other fields
        s.execute(update(Membership).where(Membership.id == b).values(status="left", left_at=datetime(2026, 12, 1)))
        update_member(s, owner, b, replace(get_member_input(s, b), city="杭州"))


def test_the_workbook_longest_run_is_the_member_streak_over_a_leave_day_with_a_late_check_in(
    sqlite_workspace, tmp_path
):
    """A leave day bridges a run whatever else happened on it: with a 补卡 on it that does not count for streaks, the
    workbook's 最长连续 broke the run there (3) where the member's streak (desktop/streaks.py) went on (6)."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "连续群")
        _, a = _add(s, owner, g, "阿甲", datetime(2026, 10, 1))
        record_leave(s, owner, a, date(2026, 11, 4), date(2026, 11, 5))
        for d in (1, 2, 3, 6, 7, 8):
            record_checkins(s, owner, g, date(2026, 11, d), [a], today=TODAY)
        record_checkins(s, owner, g, date(2026, 11, 4), [CheckinEntry(a, late=True)], today=TODAY)
        s.commit()
        assert streaks(s, a, TODAY).longest == 6
        rate = month_stats(s, g, 2026, 11, today=TODAY).checkin_rate
    assert rate == round(7 / (18 - 2 + 1), 4)  # the leave day checked in (补卡) is a day like any other

    out = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=out)
    row = next(r for r in load_workbook(out)["打卡明细"].iter_rows(values_only=True) if r[1] == "阿甲")
    checkin_days, leave_days, longest, member_rate = row[-4:]
    assert (checkin_days, leave_days, longest, member_rate) == (7, 1, 6, rate)


def test_the_check_in_rate_of_several_groups_is_their_check_ins_over_their_days(sqlite_workspace, tmp_path):
    """All groups' check-in rate (the dashboard's totals row, the workbook's 合计 and 全部社群 row) is the definition
    over their members together: 62 check-ins ÷ 83 days = 74.7%. The rates averaged by members gave 77.4%: one
    group's leave days were counted in the other's favour."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        a = create_group(s, owner, "甲群")
        b = create_group(s, owner, "乙群")
        _, jia = _add(s, owner, a, "阿甲")
        _, yi = _add(s, owner, a, "阿乙")
        _, bing = _add(s, owner, b, "阿丙")
        record_leave(s, owner, yi, date(2026, 10, 1), date(2026, 10, 10))
        for d in _days(date(2026, 10, 1), date(2026, 10, 31)):
            record_checkins(s, owner, a, d, [jia] + ([yi] if d.day > 10 else []), today=TODAY)
            if d.day <= 10:
                record_checkins(s, owner, b, d, [bing], today=TODAY)
        s.commit()
        stats = [month_stats(s, g, 2026, 10, today=TODAY) for g in (a, b)]
        assert [x.checkin_rate for x in stats] == [1.0, round(10 / 31, 4)]  # 52 ÷ (62 − 10); 10 ÷ 31
        rows = [group_overview(s, g, date(2026, 10, 31)) for g in (a, b)]
        assert [r.checkin_rate for r in rows] == [x.checkin_rate for x in stats]
        assert overview_totals(rows).checkin_rate == round(62 / 83, 4) == combined_checkin_rate(stats)
        assert "rate_days" not in stats[0].as_dict()  # the rate's terms are no figure of `qundesk stats`

    out = tmp_path / "oct.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=10, group_ids=[a, b], path=out)
    wb = load_workbook(out)
    kpi = {(r[0], r[5]): r[2] for r in wb["概览"].iter_rows(min_row=4, values_only=True) if r[5]}
    assert kpi[("合计", "checkin_rate")] == round(62 / 83, 4)
    assert kpi[("合计", "checkins")] == 62
    every = next(r for r in wb["打卡明细"].iter_rows(values_only=True) if r[0] == "全部社群")
    assert every[-1] == round(62 / 83, 4)


def test_a_newcomer_on_leave_is_no_silent_newcomer(sqlite_workspace, tmp_path):
    """A member on leave (请假) is not dormant (PRODUCT §2), and a newcomer on leave since their second day is not
    silent either: the dashboard's card and the workbook's 预警 sheet named them beside the one really silent."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "新人群")
        s.get(Group, g).created_at = datetime(2026, 9, 1, 9)  # kept here since September: the newcomers' days observed
        _, old = _add(s, owner, g, "老成员")
        _, away = _add(s, owner, g, "请假新人", datetime(2026, 11, 5, 9))
        _add(s, owner, g, "沉默新人", datetime(2026, 11, 5, 9))
        _, old_away = _add(s, owner, g, "请假老成员")
        record_leave(s, owner, away, date(2026, 11, 6), date(2026, 11, 25))
        record_leave(s, owner, old_away, date(2026, 11, 6), date(2026, 11, 25))
        record_checkins(s, owner, g, TODAY, [old], today=TODAY)
        s.commit()
        h = group_health(s, g, TODAY)
        assert [(a.kind, a.display_name) for a in h.alerts] == [("silent_newcomer", "沉默新人")]
        assert h.month.dormant == 0

    out = tmp_path / "nov.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[g], path=out)
    named = [r[2] for r in load_workbook(out)["预警"].iter_rows(min_row=4, values_only=True) if r[2]]
    assert named == ["沉默新人"]


def test_the_check_ins_page_counts_a_day_as_the_dashboard_does(workspace, owner):
    """The check-ins page's heatmap count and list of a day leave out a deleted person, as the dashboard's bar of
    that day and the workbook's 每日合计 do (4 against 3 for one day, a deleted name in the day's list)."""
    with workspace.session() as s:
        g = create_group(s, owner, "日历群")
        members = [_add(s, owner, g, name)[1] for name in ("阿甲", "阿乙", "阿丙")]
        gone, gone_ms = _add(s, owner, g, "阿戊")
        day = date(2026, 11, 2)
        record_checkins(s, owner, g, day, [*members, gone_ms], today=TODAY)
        soft_delete_member(s, owner, gone)
        s.commit()
        bar = dict(group_health(s, g, TODAY).daily_checkins)[day]
        assert daily_counts(s, g, date(2026, 11, 1), TODAY) == {day: 3} == {day: bar}
        assert sorted(r.display_name for r in checkins_on(s, g, day)) == ["阿丙", "阿乙", "阿甲"]


def test_the_group_profile_counts_the_members_the_sidebar_counts(sqlite_workspace):
    """The group profile's "N members now" (beside the capacity) left a deleted person in: 2 where the sidebar, the
    dashboard and `groups --json` say 1."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        g = create_group(s, owner, "资料群")
        _add(s, owner, g, "留下")
        gone, _ = _add(s, owner, g, "已删除")
        soft_delete_member(s, owner, gone)
        s.commit()
        row = next(r for r in list_groups(s, today=TODAY) if r.id == g)
        assert get_group_profile(s, g).members_total == row.members_total == group_health(s, g, TODAY).members == 1
