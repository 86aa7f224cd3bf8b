"""A leave (请假) taken back must leave the days and places it excused as they would read without it.

The probe: 成员B's place at Saturday's hike was marked absent, then B's leave for those days was recorded (the place
became excused, participation.excuse_absences); the leave was recorded for the wrong member and removed. The check-in
rate and the streaks followed, but the place stayed excused: the attendance rate (1/1 instead of 1/2), the workbook's
活动 sheet (假 instead of ✗) and the Activities page kept a leave that no longer existed. The same when absent was
marked on a leave day (recorded as excused), and when a leaving cut the leave short (roster.end_leaves). A place the
organiser marked excused themselves (the member sent word, no leave) stays excused.

The oracle: a second workspace where the leave was never recorded; its figures and workbook must be the same."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.metrics import month_stats
from desktop.services.activities_queries import attendance_sheet
from desktop.services.checkins import record_checkins, record_leave, remove_leave, streaks
from desktop.services.groups import create_group
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from desktop.services.report import export_monthly_report
from desktop.services.roster import (
    MemberInput,
    add_member,
    get_member_input,
    leaves_of,
    undo_member_edit,
    update_member,
)
from desktop.workspace import actor_for, open_workspace
from models import Group

TODAY = date(2026, 11, 20)
HIKE = datetime(2026, 11, 14, 8)
JOINED = datetime(2026, 10, 1, 9)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (the hike is on Saturday 14 November 2026)."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _build(path: Path, *, with_leave: bool):
    """徒步群: A attended, B absent (a leave for 13–15 November recorded after the list, when `with_leave`), C
    marked excused by the organiser (no leave). B checked in 10–12 and 16–19 November."""
    db = open_workspace(path)
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, "徒步群")
        s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)
        people = {
            n: add_member(s, owner, gid, MemberInput(display_name=f"成员{n}", joined_at=JOINED))[1] for n in "ABC"
        }
        aid = create_activity(s, owner, gid, ActivityInput(title="周六徒步", starts_at=HIKE, online=False))
        for n, status in zip("ABC", ["attended", "absent", "excused"], strict=True):
            set_attendance(s, owner, aid, people[n], status)
        for d in [10, 11, 12, 16, 17, 18, 19]:
            record_checkins(s, owner, gid, date(2026, 11, d), [people["B"]])
        leave_id = record_leave(s, owner, people["B"], date(2026, 11, 13), date(2026, 11, 15)) if with_leave else None
        s.commit()
    return db, owner, gid, aid, people, leave_id


def _figures(db, gid, aid, people) -> dict:
    with db.session() as s:
        stats = month_stats(s, gid, 2026, 11, TODAY).as_dict()
        marks = {a.display_name: a.status for a in attendance_sheet(s, gid, aid) if a.status}
        streak = streaks(s, people["B"], TODAY)
    return {"stats": stats, "marks": marks, "streak": (streak.current, streak.longest)}


def _workbook(db, owner, gid, path: Path) -> dict:
    export_monthly_report(db, owner, year=2026, month=11, group_ids=[gid], path=path, today=TODAY)
    book = load_workbook(path)
    out = {}
    for name in ("活动", "打卡明细", "概览"):
        out[name] = [[c.value for c in row] for row in book[name].iter_rows()]
    return out


def test_a_removed_leave_leaves_its_excused_place_absent_as_if_never_recorded(tmp_path):
    db, owner, gid, aid, people, leave_id = _build(tmp_path / "with.sqlite", with_leave=True)
    oracle, o_owner, o_gid, o_aid, o_people, _ = _build(tmp_path / "never.sqlite", with_leave=False)
    try:
        assert _figures(db, gid, aid, people)["marks"]["成员B"] == "excused"  # while the leave stands
        with db.session() as s:
            removed = remove_leave(s, owner, leave_id)
            s.commit()
        assert (removed.absent_again, removed.excused_kept) == (1, 0)
        got, want = _figures(db, gid, aid, people), _figures(oracle, o_gid, o_aid, o_people)
        assert got == want
        assert got["marks"] == {"成员A": "attended", "成员B": "absent", "成员C": "excused"}
        assert got["stats"]["attendance_rate"] == 0.5  # A of A and B: C's excuse (no leave) still stands
        assert _workbook(db, owner, gid, tmp_path / "with.xlsx") == _workbook(
            oracle, o_owner, o_gid, tmp_path / "never.xlsx"
        )
    finally:
        db.dispose()
        oracle.dispose()


def test_absent_marked_on_a_leave_day_is_absent_again_when_the_leave_goes(tmp_path):
    """Marked absent while the leave stood (recorded as excused), then the leave removed: absent, as marked."""
    db, owner, gid, aid, people, _ = _build(tmp_path / "w.sqlite", with_leave=False)
    try:
        with db.session() as s:
            set_attendance(s, owner, aid, people["B"], "registered")
            leave_id = record_leave(s, owner, people["B"], date(2026, 11, 14), date(2026, 11, 14))
            assert set_attendance(s, owner, aid, people["B"], "absent") == "excused"
            s.commit()
            assert month_stats(s, gid, 2026, 11, TODAY).attendance_rate == 1.0
            remove_leave(s, owner, leave_id)
            s.commit()
            assert {a.display_name: a.status for a in attendance_sheet(s, gid, aid)}["成员B"] == "absent"
            assert month_stats(s, gid, 2026, 11, TODAY).attendance_rate == 0.5
            # a leave recorded again excuses it again, as after the fact
            record_leave(s, owner, people["B"], date(2026, 11, 13), date(2026, 11, 15))
            s.commit()
            assert {a.display_name: a.status for a in attendance_sheet(s, gid, aid)}["成员B"] == "excused"
            assert month_stats(s, gid, 2026, 11, TODAY).attendance_rate == 1.0
    finally:
        db.dispose()


def test_a_leave_cut_short_by_a_leaving_excuses_no_place_after_it_and_its_undo_excuses_it_again(tmp_path):
    """B's leave 13–15 November; B marked left on the 13th (the member dialog): the leave ends the day before
    (roster.end_leaves), so the hike of the 14th is no leave day — the place is absent again. The undo of that
    edit puts the leave days back (put_back_leaves): excused again, as recorded."""
    db, owner, gid, aid, people, _ = _build(tmp_path / "w.sqlite", with_leave=True)
    try:
        with db.session() as s:
            b = people["B"]
            loaded, leaves = get_member_input(s, b), leaves_of(s, b)
            update_member(
                s,
                owner,
                b,
                replace(loaded, status="left", left_at=datetime(2026, 11, 13, 9), left_reason="换群"),
                loaded=loaded,
            )
            s.commit()
            assert leaves_of(s, b) == []
            assert {a.display_name: a.status for a in attendance_sheet(s, gid, aid)}["成员B"] == "absent"
            undo_member_edit(s, owner, b, loaded, leaves, edited=get_member_input(s, b))
            s.commit()
            assert [(lv.start_day, lv.end_day) for lv in leaves_of(s, b)] == [(date(2026, 11, 13), date(2026, 11, 15))]
            assert {a.display_name: a.status for a in attendance_sheet(s, gid, aid)}["成员B"] == "excused"
            assert month_stats(s, gid, 2026, 11, TODAY).attendance_rate == 1.0
    finally:
        db.dispose()


def test_an_excuse_the_organiser_chose_stays_when_a_leave_over_it_goes(tmp_path):
    """C marked excused by the organiser (sent word), a leave recorded over the day and removed: still excused."""
    db, owner, gid, aid, people, _ = _build(tmp_path / "w.sqlite", with_leave=False)
    try:
        with db.session() as s:
            leave_id = record_leave(s, owner, people["C"], date(2026, 11, 14), date(2026, 11, 14))
            removed = remove_leave(s, owner, leave_id)
            s.commit()
            assert (removed.absent_again, removed.excused_kept) == (0, 1)
            assert {a.display_name: a.status for a in attendance_sheet(s, gid, aid)}["成员C"] == "excused"
    finally:
        db.dispose()


def test_a_merge_excuses_an_absence_the_other_records_leave_covers(tmp_path):
    """Two records of one person (成员B and a duplicate 成员B2): the duplicate's leave covers the hike, B's place is
    absent. Merged, the person has the leave and the absence on its day: excused, as a leave recorded after the
    list was marked excuses it (docs/metrics.md attendance_rate)."""
    from desktop.services.members import merge_members
    from models import Membership

    db, owner, gid, aid, people, _ = _build(tmp_path / "w.sqlite", with_leave=False)
    try:
        with db.session() as s:
            dup_person, dup = add_member(s, owner, gid, MemberInput(display_name="成员B2", joined_at=JOINED))
            record_leave(s, owner, dup, date(2026, 11, 13), date(2026, 11, 15))
            s.commit()
            keep_person = s.get(Membership, people["B"]).member_id
            merge_members(s, owner, keep_person, dup_person)
            s.commit()
            assert {a.membership_id: a.status for a in attendance_sheet(s, gid, aid)}[people["B"]] == "excused"
            assert month_stats(s, gid, 2026, 11, TODAY).attendance_rate == 1.0
    finally:
        db.dispose()
