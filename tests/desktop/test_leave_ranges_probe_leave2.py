"""Leave, second probe (6 December): the ranges a leave is recorded for, and who is dormant around one.

- A leave starting before the member joined (乙 joined 20 December, 请假 15–22 December) was recorded: a leave of
  days in a group they were not yet in, where a check-in of those days is refused. For someone who left and came
  back, such a leave covered the days they were gone and bridged their streak across the gap (docs/metrics.md says
  a leave never does). Refused now, naming the day they joined; a leave inside an earlier spell is of that spell.
- A second 请假 overlapping the first was refused as "overlaps an existing leave", naming no days: it names them.
- 甲, on leave all of November and back on 1 December, was a dormant member (and named in the dashboard's list) on
  2 December: "30 days without taking part" — days the group had let them off. Not dormant now while a leave day
  is in the window; dormant again once a whole window passes without one."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.errors import ValidationError
from desktop.health import alerts
from desktop.metrics import dormant_count, month_stats
from desktop.services.checkins import record_checkins, record_leave, streaks
from desktop.services.groups import create_group
from desktop.services.onboarding import leave_group, list_steps, record_join, record_step
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import Group, Leave

T = date(2027, 1, 10)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", T.isoformat())


@pytest.fixture
def ws(tmp_path):
    db = open_workspace(tmp_path / "w.sqlite")
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, "晨读群")
        s.get(Group, gid).created_at = datetime(2026, 8, 1, 9)
        s.commit()
    yield db, owner, gid
    db.dispose()


def _leaves(s, ms: int) -> list[tuple[date, date]]:
    return [(x.start_day, x.end_day) for x in s.query(Leave).filter(Leave.membership_id == ms)]


def test_a_leave_before_the_member_joined_is_refused_naming_the_join_day(ws):
    db, owner, gid = ws
    with db.session() as s:
        _, b = add_member(s, owner, gid, MemberInput(display_name="乙", joined_at=datetime(2026, 12, 20, 9)))
        s.commit()
        with pytest.raises(ValidationError) as e:
            record_leave(s, owner, b, date(2026, 12, 15), date(2026, 12, 22))
        assert "12月20日才入群" in str(e.value) and "2026-12-20" in str(e.value)
        s.rollback()
        assert _leaves(s, b) == []
        record_leave(s, owner, b, date(2026, 12, 20), date(2026, 12, 22))  # from the join day: recorded
        s.commit()
        assert _leaves(s, b) == [(date(2026, 12, 20), date(2026, 12, 22))]


def test_a_leave_over_the_gap_before_a_return_is_refused_and_bridges_no_streak(ws):
    """何 checked in 1–7 November, left on the 8th, came back on the 18th and checked in 18–21 November: a leave of
    5–19 November would have joined the two runs over the ten days they were gone (a 7-day bonus). A leave inside
    the earlier spell (3–5 November) is of that spell."""
    db, owner, gid = ws
    with db.session() as s:
        _, h = add_member(s, owner, gid, MemberInput(display_name="何十三", joined_at=datetime(2026, 10, 1, 9)))
        for d in range(1, 8):
            record_checkins(s, owner, gid, date(2026, 11, d), [h], today=T)
        leave_group(s, owner, h, "退出", when=datetime(2026, 11, 8, 10))
        back = datetime(2026, 11, 18, 9)
        record_join(s, owner, h, back)
        for st in list_steps(s, gid):
            if st.required:
                record_step(s, owner, h, st.id, answer="回来了", when=back + timedelta(minutes=30))
        for d in range(18, 22):
            record_checkins(s, owner, gid, date(2026, 11, d), [h], today=T)
        s.commit()
        longest = streaks(s, h, T).longest
        with pytest.raises(ValidationError) as e:
            record_leave(s, owner, h, date(2026, 11, 5), date(2026, 11, 19))
        assert "11月8日退群, 11月18日才回来" in str(e.value)  # the days away, not "才入群" (probe life2)
        s.rollback()
        assert streaks(s, h, T).longest == longest == 7
        record_leave(s, owner, h, date(2026, 11, 3), date(2026, 11, 5))  # inside the earlier spell
        s.commit()
        assert _leaves(s, h) == [(date(2026, 11, 3), date(2026, 11, 5))]


def test_an_overlapping_leave_names_the_leave_it_overlaps(ws):
    db, owner, gid = ws
    with db.session() as s:
        _, a = add_member(s, owner, gid, MemberInput(display_name="甲", joined_at=datetime(2026, 10, 1, 9)))
        record_leave(s, owner, a, date(2026, 12, 28), date(2027, 1, 3))
        s.commit()
        with pytest.raises(ValidationError) as e:
            record_leave(s, owner, a, date(2027, 1, 2), date(2027, 1, 5))
        assert "2026-12-28 至 2027-01-03" in str(e.value) and "2026-12-28 to 2027-01-03" in str(e.value)
        s.rollback()
        record_leave(s, owner, a, date(2027, 1, 4), date(2027, 1, 5))  # the other days: recorded
        s.commit()
        assert sorted(_leaves(s, a)) == [(date(2026, 12, 28), date(2027, 1, 3)), (date(2027, 1, 4), date(2027, 1, 5))]


def test_a_member_back_from_a_long_leave_is_not_dormant_until_a_whole_window_passes(ws):
    db, owner, gid = ws
    with db.session() as s:
        _, a = add_member(s, owner, gid, MemberInput(display_name="甲", joined_at=datetime(2026, 9, 1, 9)))
        _, c = add_member(s, owner, gid, MemberInput(display_name="丙", joined_at=datetime(2026, 9, 1, 9)))
        record_checkins(s, owner, gid, date(2026, 10, 30), [a, c], today=T)
        record_leave(s, owner, a, date(2026, 11, 1), date(2026, 11, 30))
        s.commit()
        day = date(2026, 12, 2)
        dormant = [x.display_name for x in alerts(s, gid, day) if x.kind == "dormant"]
        assert dormant == ["丙"]
        assert dormant_count(s, gid, day) == 1
        # the month's figure (the workbook, stats) agrees: 30 November, 甲 on leave that day, 丙 silent
        assert month_stats(s, gid, 2026, 11, T).dormant == 1
        # a whole window after the leave without a leave day or a check-in: dormant again
        later = date(2026, 12, 30)
        assert sorted(x.display_name for x in alerts(s, gid, later) if x.kind == "dormant") == ["丙", "甲"]
        assert dormant_count(s, gid, later) == 2
