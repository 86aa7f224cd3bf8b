"""A person copied into the wrong group, and a sign-up on a leave day: what the organiser undoes or excuses must
leave no trace in the month's figures. Values are read back from the database; every test pins its own day."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import CheckIn, Group, Member, Membership

TODAY = date(2026, 11, 20)
JOINED = datetime(2026, 10, 1, 12, 0)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day: their facts are dated in November 2026, before it."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _memberships(database) -> set[tuple[str, str]]:
    with database.session() as s:
        return set(
            s.execute(
                select(Member.display_name, Group.name)
                .join(Membership, Membership.member_id == Member.id)
                .join(Group, Group.id == Membership.group_id)
            ).all()
        )


def _checkins(database) -> set[tuple[str, str, date]]:
    with database.session() as s:
        return set(
            s.execute(
                select(Member.display_name, Group.name, CheckIn.day)
                .join(Membership, Membership.id == CheckIn.membership_id)
                .join(Member, Member.id == Membership.member_id)
                .join(Group, Group.id == Membership.group_id)
            ).all()
        )


# ---- a sign-up on a leave day ----


def _hike(database):
    """徒步群 on 20 November 2026: A and B signed up for Saturday the 14th's hike; A came (attended)."""
    from desktop.services.participation import ActivityInput, create_activity, set_attendance

    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "徒步群")
        s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)
        people = {n: add_member(s, owner, gid, MemberInput(display_name=f"成员{n}", joined_at=JOINED))[1] for n in "AB"}
        hike = create_activity(
            s, owner, gid, ActivityInput(title="周六徒步", starts_at=datetime(2026, 11, 14, 8), online=False)
        )
        for n in "AB":
            set_attendance(s, owner, hike, people[n], "registered")
        set_attendance(s, owner, hike, people["A"], "attended")
        s.commit()
    return owner, gid, hike, people


def _rate_and_marks(database, gid, hike):
    from desktop.metrics import month_stats
    from desktop.services.activities_queries import attendance_sheet

    with database.session() as s:
        rate = month_stats(s, gid, 2026, 11, TODAY).attendance_rate
        marks = {a.display_name: a.status for a in attendance_sheet(s, gid, hike) if a.status}
    return rate, marks


def test_a_sign_up_the_leave_covers_is_excused_and_back_when_the_leave_goes(sqlite_workspace):
    """成员B signed up for the 14th's hike, then asked for leave 13–15 November and did not come; the organiser
    never marked B absent (the sign-up stayed 已报名). The leave excused only places marked absent: B's sign-up
    counted as a no-show, the month's attendance rate 1/2 paid for the leave. The leave excuses the sign-up (rate
    1/1, B 请假); the leave taken back, B's place is what it would be without it (absent: the day has passed)."""
    from desktop.services.checkins import record_leave, remove_leave

    owner, gid, hike, people = _hike(sqlite_workspace)
    assert _rate_and_marks(sqlite_workspace, gid, hike) == (0.5, {"成员A": "attended", "成员B": "registered"})
    with sqlite_workspace.session() as s:
        leave = record_leave(s, owner, people["B"], date(2026, 11, 13), date(2026, 11, 15))
        s.commit()
    assert _rate_and_marks(sqlite_workspace, gid, hike) == (1.0, {"成员A": "attended", "成员B": "excused"})
    with sqlite_workspace.session() as s:
        remove_leave(s, owner, leave)
        s.commit()
    assert _rate_and_marks(sqlite_workspace, gid, hike) == (0.5, {"成员A": "attended", "成员B": "absent"})


def test_a_sign_up_made_on_a_leave_day_is_excused_until_the_leave_goes(sqlite_workspace):
    """成员C on leave 25–30 November signs up (a chain pasted on the 20th) for the 28th's talk: the place is the
    leave's — excused, as absent marked on a leave day is — and a sign-up again when the leave is taken back
    before the day."""
    from desktop.services.checkins import record_leave, remove_leave
    from desktop.services.participation import ActivityInput, create_activity, set_attendance

    owner, gid, _hike_id, _people = _hike(sqlite_workspace)
    with sqlite_workspace.session() as s:
        c = add_member(s, owner, gid, MemberInput(display_name="成员C", joined_at=JOINED))[1]
        talk = create_activity(s, owner, gid, ActivityInput(title="周末分享", starts_at=datetime(2026, 11, 28, 20)))
        leave = record_leave(s, owner, c, date(2026, 11, 25), date(2026, 11, 30))
        assert set_attendance(s, owner, talk, c, "registered") == "excused"
        s.commit()
    assert _rate_and_marks(sqlite_workspace, gid, talk)[1] == {"成员C": "excused"}
    with sqlite_workspace.session() as s:
        remove_leave(s, owner, leave)
        s.commit()
    assert _rate_and_marks(sqlite_workspace, gid, talk)[1] == {"成员C": "registered"}


# ---- a person copied into the wrong group ----


def _figures_of(database, gid) -> dict:
    from desktop.metrics import month_stats

    with database.session() as s:
        stats = month_stats(s, gid, 2026, 11, TODAY).as_dict()
    return {k: stats[k] for k in ("members_total", "joined", "left", "points_awarded")}


def test_a_copy_into_the_wrong_group_undone_leaves_no_trace(workspace):
    """李娜 (brought to 读书群 by 王芳, who is in 跑步群 too) copied into 跑步群 by mistake, and 刘洋 moved there by
    mistake. There was no Undo: marked left in 跑步群, 李娜 stayed its joiner and leaver of November, and 王芳 kept
    the referral points the copy paid her there. undo_copy takes both back: 跑步群's and 读书群's figures are what they
    were before, 刘洋 is a member of 读书群 again, and nothing is left of 李娜 in 跑步群."""
    from desktop.services.members import copy_to_group, undo_copy

    owner = actor_for(workspace)
    with workspace.session() as s:
        read = create_group(s, owner, "读书群")
        run = create_group(s, owner, "跑步群")
        for gid in (read, run):
            s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)
        wang_member, wang = add_member(s, owner, read, MemberInput(display_name="王芳", joined_at=JOINED))
        copy_to_group(s, owner, [wang], run)
        s.scalar(
            select(Membership).where(Membership.group_id == run, Membership.member_id == wang_member)
        ).joined_at = JOINED
        # an applicant of 读书群, so the copy is the join that pays 王芳 (a person referred once pays once: a member
        # of 读书群 paid her there, and the copy pays nothing: points.referral_paid_before)
        li = add_member(s, owner, read, MemberInput(display_name="李娜", status="applicant", referrer_id=wang_member))[
            1
        ]
        liu = add_member(s, owner, read, MemberInput(display_name="刘洋", joined_at=JOINED))[1]
        s.commit()
    before = {gid: _figures_of(workspace, gid) for gid in (read, run)}
    with workspace.session() as s:
        copied = copy_to_group(s, owner, [li], run)
        moved = copy_to_group(s, owner, [liu], run, move=True)
        s.commit()
    assert _figures_of(workspace, run)["joined"] == before[run]["joined"] + 2
    assert _figures_of(workspace, run)["points_awarded"] > before[run]["points_awarded"]  # 王芳's referral
    with workspace.session() as s:
        assert undo_copy(s, owner, moved.undo) == 2  # the new membership there, the old one here
        assert undo_copy(s, owner, copied.undo) == 1
        s.commit()
    assert {gid: _figures_of(workspace, gid) for gid in (read, run)} == before
    assert _memberships(workspace) == {
        ("王芳", "读书群"),
        ("王芳", "跑步群"),
        ("李娜", "读书群"),
        ("刘洋", "读书群"),
    }
    with workspace.session() as s:
        assert s.get(Membership, liu).status == "active" and s.get(Membership, liu).left_at is None


def test_a_copy_with_something_recorded_since_is_not_undone(sqlite_workspace):
    """A copy whose person checked in there since is theirs: the undo is refused, naming the person, and nothing
    changes."""
    from desktop.errors import ValidationError
    from desktop.services.members import copy_to_group, undo_copy

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        read = create_group(s, owner, "读书群")
        run = create_group(s, owner, "跑步群")
        li = add_member(s, owner, read, MemberInput(display_name="李娜", joined_at=JOINED))[1]
        copied = copy_to_group(s, owner, [li], run)
        there = s.scalar(select(Membership.id).where(Membership.group_id == run))
        record_checkins(s, owner, run, TODAY, [there], today=TODAY)
        s.commit()
    with sqlite_workspace.session() as s, pytest.raises(ValidationError) as refused:
        undo_copy(s, owner, copied.undo)
    assert "李娜" in str(refused.value)
    assert _checkins(sqlite_workspace) == {("李娜", "跑步群", TODAY)}
