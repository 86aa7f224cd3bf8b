"""Health probe, second pass (probe health2): the alerts an organiser meets at the edges — the days after a break
everyone was on leave for (春节), read back from desktop.health (which the Dashboard page, `stats` and the
workbook's 预警 sheet all read)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop import health
from desktop.services.checkins import record_checkins, record_leave
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import Group

TODAY = date(2027, 2, 25)  # the day after 春节's leave


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated from December 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _spring_festival_group(s, owner, name="春节群", n=10):
    """A group kept here since December whose `n` members checked in every day up to 9 February and were all on
    leave (请假) for 春节 from the 10th to the 24th."""
    gid = create_group(s, owner, name)
    s.get(Group, gid).created_at = datetime(2026, 12, 1)
    ms = [
        add_member(s, owner, gid, MemberInput(display_name=f"{name}{i}", joined_at=datetime(2026, 12, 1)))[1]
        for i in range(n)
    ]
    for d in range(1, 10):
        record_checkins(s, owner, gid, date(2027, 2, d), ms, today=TODAY)
    for m in ms:
        record_leave(s, owner, m, date(2027, 2, 10), date(2027, 2, 24), "春节")
    return gid, ms


def test_the_days_after_a_break_everyone_was_on_leave_for_are_no_zombie_group(sqlite_workspace):
    """10 members, all on leave for 春节 (10–24 February), nobody checked in during it. On the 24th no alert (all on
    leave); on the 25th, the first day back, the dashboard's banner read "已 14 天以上无人参与 (最近一次参与是
    2027-02-09)" — fifteen days nobody was expected on — and, had that rule not fired, "近 7 天活跃占比 0%": a week
    they were away for six days of. Now a day everyone was on leave is no idle day, and a member on leave on a day
    of the week who took no part is not expected that week: the group is judged again as the days after the break
    come — a week of nobody back (the share rule), or 14 days not on a break (idleness)."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid, ms = _spring_festival_group(s, owner)
        s.commit()
        for day in (date(2027, 2, 24), TODAY, TODAY + timedelta(days=1), TODAY + timedelta(days=5)):
            assert health.zombie_reason(s, gid, day, 10) is None, day
            assert "zombie_group" not in [a.kind for a in health.alerts(s, gid, day)]
        # a week back (25 February – 3 March) and nobody: 0% of the members, a zombie group
        reason = health.zombie_reason(s, gid, date(2027, 3, 3), 10)
        assert reason is not None and reason.key == "alert.zombie_share"
        # 14 days back (25 February – 10 March) and nobody: idle, and the last participation named is before the break
        reason = health.zombie_reason(s, gid, date(2027, 3, 10), 10)
        assert reason is not None and reason.key == "alert.zombie_idle"
        assert reason.render("zh") == "已 14 天以上无人参与 (最近一次参与是 2027-02-09)"

        # back and taking part: a member's check-in on the 25th, one of 10 in 7 days (10%, not under it)
        record_checkins(s, owner, gid, TODAY, ms[:1], today=TODAY)
        s.commit()
        assert health.zombie_reason(s, gid, TODAY + timedelta(days=6), 10) is None


def test_a_group_idle_before_its_break_is_still_a_zombie_group(sqlite_workspace):
    """The break counts for nothing either way: a group silent since 1 January, everyone then on leave for 春节, is
    a zombie group on its first day back — its 14 idle days were before the break — and a group nobody in took
    leave is judged as before (idle on its 14th day)."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早已沉寂")
        s.get(Group, gid).created_at = datetime(2026, 12, 1)
        ms = [
            add_member(s, owner, gid, MemberInput(display_name=f"寂{i}", joined_at=datetime(2026, 12, 1)))[1]
            for i in range(4)
        ]
        record_checkins(s, owner, gid, date(2027, 1, 1), ms, today=TODAY)
        for m in ms:
            record_leave(s, owner, m, date(2027, 2, 10), date(2027, 2, 24), "春节")
        s.commit()
        reason = health.zombie_reason(s, gid, TODAY, 4)
        assert reason is not None and reason.key == "alert.zombie_idle"

        plain = create_group(s, owner, "无人请假")
        s.get(Group, plain).created_at = datetime(2026, 12, 1)
        ms = [
            add_member(s, owner, plain, MemberInput(display_name=f"平{i}", joined_at=datetime(2026, 12, 1)))[1]
            for i in range(4)
        ]
        record_checkins(s, owner, plain, date(2027, 2, 10), ms, today=TODAY)
        s.commit()
        assert health.zombie_reason(s, plain, date(2027, 2, 23), 4).key == "alert.zombie_share"
        assert health.zombie_reason(s, plain, date(2027, 2, 24), 4).key == "alert.zombie_idle"  # 11th–24th: 14 days


def test_a_member_back_from_a_long_leave_is_not_dormant_on_their_first_day(sqlite_workspace):
    """阿敏 was on leave (产假) from 1 December to 24 February and checked in last on 30 November: on the 25th, her
    first day back, the Dashboard's 沉默 card counted her and its list named her — "30 天无参与" — as it did for
    阿新, a newcomer of 3 February on leave from the 5th to the 24th, as a silent newcomer. A member on leave is not
    dormant (PRODUCT §2), and days on leave are no silence: a member on leave on a day of the window is neither
    dormant nor a silent newcomer until a whole window has passed since (阿静, silent since November and never on
    leave, is dormant as before; 阿敏 is dormant on her 30th day back if she takes no part, 阿新 a silent newcomer
    after a week back)."""
    from desktop.metrics import month_stats

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "妈妈群")
        s.get(Group, gid).created_at = datetime(2026, 10, 1)
        _mid, min_ = add_member(s, owner, gid, MemberInput(display_name="阿敏", joined_at=datetime(2026, 10, 1)))
        _mid, jing = add_member(s, owner, gid, MemberInput(display_name="阿静", joined_at=datetime(2026, 10, 1)))
        _mid, xin = add_member(s, owner, gid, MemberInput(display_name="阿新", joined_at=datetime(2027, 2, 3)))
        record_checkins(s, owner, gid, date(2026, 11, 30), [min_, jing], today=TODAY)
        record_leave(s, owner, min_, date(2026, 12, 1), date(2027, 2, 24), "产假")
        record_leave(s, owner, xin, date(2027, 2, 5), date(2027, 2, 24), "出差")
        s.commit()

        def named(kind, day=TODAY):
            return [a.display_name for a in health.alerts(s, gid, day) if a.kind == kind]

        assert named("dormant") == ["阿静"]
        assert month_stats(s, gid, 2027, 2, today=TODAY).dormant == 1  # the card: the one the list names
        assert named("silent_newcomer") == []
        assert named("dormant", date(2027, 3, 25)) == ["阿静"]  # 24 February (on leave) – 25 March
        assert named("dormant", date(2027, 3, 26)) == ["阿静", "阿敏", "阿新"]  # 25 February – 26 March: 30 days back
        assert named("silent_newcomer", date(2027, 3, 3)) == ["阿新"]  # a week back (25 Feb – 3 Mar), not a word


def test_a_wave_of_newcomers_does_not_make_a_live_group_a_zombie_group(sqlite_workspace):
    """读书会 has 20 members since December, 3 of whom took part this week (15%). On 25 February 30 newcomers were
    let in at once (the spring intake): the banner read "近 7 天活跃占比 6%, 低于 10%" — a group that grew that
    morning called dead, for people who had been in it for hours (a newcomer is not even a silent newcomer before
    their 7th day). Now a member who joined within the 7 days and took no part yet is not expected over them, as
    one on leave is not; the reason says how many were not counted. The old members' own silence is still judged:
    with 1 of the 20 active, it is a zombie group, newcomers or not."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        s.get(Group, gid).created_at = datetime(2026, 12, 1)
        old = [
            add_member(s, owner, gid, MemberInput(display_name=f"老{i}", joined_at=datetime(2026, 12, 1)))[1]
            for i in range(20)
        ]
        record_checkins(s, owner, gid, date(2027, 2, 22), old[:3], today=TODAY)
        s.commit()
        assert health.zombie_reason(s, gid, TODAY, 20) is None  # 3 of 20: 15%
        for i in range(30):
            add_member(s, owner, gid, MemberInput(display_name=f"新{i}", joined_at=datetime(2027, 2, 25, 9, 0)))
        s.commit()
        assert health.group_health(s, gid, TODAY).members == 50
        assert "zombie_group" not in [a.kind for a in health.alerts(s, gid, TODAY)]
        # a week on (26 February – 4 March) the newcomers are expected like anyone, and nobody took part: 0 of 50
        reason = health.zombie_reason(s, gid, date(2027, 3, 4), 50)
        assert reason is not None and reason.key == "alert.zombie_share"

        quiet = create_group(s, owner, "冷清群")
        s.get(Group, quiet).created_at = datetime(2026, 12, 1)
        old = [
            add_member(s, owner, quiet, MemberInput(display_name=f"冷{i}", joined_at=datetime(2026, 12, 1)))[1]
            for i in range(20)
        ]
        record_checkins(s, owner, quiet, date(2027, 2, 22), old[:1], today=TODAY)
        for i in range(5):
            add_member(s, owner, quiet, MemberInput(display_name=f"新人{i}", joined_at=datetime(2027, 2, 24, 9, 0)))
        s.commit()
        reason = health.zombie_reason(s, quiet, TODAY, 25)  # 1 of the 20 expected: 5%
        assert reason is not None and reason.key == "alert.zombie_share_new"
        assert reason.render("zh") == "近 7 天活跃占比 5% (不计近 7 天新入群的 5 人), 低于 10%"
        assert reason.render("en") == (
            "5% of the members active in the last 7 days (the 5 who joined in them not counted), under 10%"
        )


def test_the_workbooks_alerts_sheet_names_no_zombie_group_and_no_one_back_from_leave(sqlite_workspace, tmp_path):
    """The February workbook exported on the 25th, the first day after 春节: its 预警 sheet read the same false alarms
    as the Dashboard — 春节群 a zombie group, and its members, back this morning, nowhere (they checked in up to the
    9th), and 阿敏, back from three months' 产假, 沉默成员. Now it names only 阿静, silent
    since November (and 妈妈群, where she was expected all along, a zombie group)."""
    from openpyxl import load_workbook

    from desktop.services.report import export_monthly_report

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid, _ms = _spring_festival_group(s, owner)
        mums = create_group(s, owner, "妈妈群")
        s.get(Group, mums).created_at = datetime(2026, 10, 1)
        ids = [
            add_member(s, owner, mums, MemberInput(display_name=name, joined_at=datetime(2026, 10, 1)))[1]
            for name in ("阿敏", "阿静")
        ]
        record_checkins(s, owner, mums, date(2026, 11, 30), ids, today=TODAY)
        record_leave(s, owner, ids[0], date(2026, 12, 1), date(2027, 2, 24), "产假")
        s.commit()
    path = tmp_path / "2027-02.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2027, month=2, group_ids=[gid, mums], path=path, today=TODAY)
    rows = [r for r in load_workbook(path)["预警"].iter_rows(values_only=True) if r[0] in ("春节群", "妈妈群")]
    # 妈妈群 is a zombie group indeed: 阿静 was expected every day since 30 November
    assert [(r[0], r[1], r[2]) for r in rows] == [("妈妈群", "僵尸群预警", None), ("妈妈群", "沉默成员", "阿静")]
