"""Merging two records of one person loses nothing and names nothing wrong (PRODUCT §3.1), and a bulk move into a
group the person once left makes them a member there. After every merge the kept values (points balance,
last_active) equal a fresh computation (kept.drift) and the ledger equals what recompute gives for the facts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop.errors import ValidationError
from desktop.services.checkins import CheckinEntry, record_checkins, record_leave, streaks
from desktop.services.groups import create_group
from desktop.services.members import bulk_copy_to_group, merge_members
from desktop.services.onboarding import leave_group, list_steps, record_step
from desktop.services.participation import ActivityInput, create_activity, set_attendance
from desktop.services.points import balance, recompute_preview
from desktop.services.roster import MemberInput, add_member, soft_delete_member
from models import Attendance, CheckIn, Leave, Member, Membership, MembershipSpell, PointsEntry, StepProgress, kept

JOINED = datetime(2026, 10, 1, 9, 0)
TODAY = date(2026, 11, 18)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' facts are dated around TODAY: the services' clock is set to it, whatever day the suite runs on
    (an activity of 10 November was "not started yet" on a suite day of 1 November)."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _consistent(s, gid: int) -> None:
    """The kept values equal the ledger and the facts, and the ledger equals what recompute gives."""
    s.flush()
    assert kept.drift(s.connection()) == []
    assert recompute_preview(s, gid) == []


def _pair(s, owner, gid: int, *, keep: dict | None = None, drop: dict | None = None):
    """Two records of one person in the group: (keep member, keep membership, drop member, drop membership)."""
    k, kms = add_member(
        s, owner, gid, MemberInput(display_name="王五", wechat_id="ww1", **({"joined_at": JOINED} | (keep or {})))
    )
    d, dms = add_member(s, owner, gid, MemberInput(display_name="王五(小号)", **({"joined_at": JOINED} | (drop or {}))))
    return k, kms, d, dms


def _open_entries(s, kind: str) -> list[tuple[int, int | None, int]]:
    """(membership, source, points) of the ledger entries of `kind` that no entry reverses."""
    reversed_ids = select(PointsEntry.reverses_id).where(PointsEntry.reverses_id.isnot(None))
    return s.execute(
        select(PointsEntry.membership_id, PointsEntry.source_id, PointsEntry.points).where(
            PointsEntry.source_kind == kind, PointsEntry.id.notin_(reversed_ids)
        )
    ).all()


# ---- 1. points are re-priced: streak bonuses, one referral ----


def test_two_short_runs_merged_into_one_week_earn_the_streak_bonus(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        keep, kms, drop, dms = _pair(s, owner, gid)
        for i in range(1, 5):
            record_checkins(s, owner, gid, date(2026, 11, i), [kms], today=TODAY)
        for i in range(5, 8):
            record_checkins(s, owner, gid, date(2026, 11, i), [dms], today=TODAY)
        s.commit()
        merge_members(s, owner, keep, drop)
        s.commit()
        assert streaks(s, kms, today=date(2026, 11, 7)).longest == 7
        assert balance(s, kms) == 7 + 5  # seven check-ins and the 7-day bonus
        _consistent(s, gid)


def test_a_merge_that_drops_a_duplicate_day_takes_back_a_bonus_no_longer_earned(workspace, owner):
    """The dropped record's run of 7 is a run of 7 on the kept one too: one bonus, not two."""
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        keep, kms, drop, dms = _pair(s, owner, gid)
        for i in range(1, 8):
            record_checkins(s, owner, gid, date(2026, 11, i), [kms, dms], today=TODAY)
        s.commit()
        assert balance(s, kms) == balance(s, dms) == 12
        summary = merge_members(s, owner, keep, drop)
        s.commit()
        assert summary.checkins_dropped_as_duplicates == 7
        assert s.scalar(select(func.count()).select_from(CheckIn).where(CheckIn.membership_id == kms)) == 7
        assert balance(s, kms) == 12
        _consistent(s, gid)


def test_a_late_checkin_gives_way_to_the_other_records_on_time_one(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        keep, kms, drop, dms = _pair(s, owner, gid)
        day = date(2026, 11, 3)
        record_checkins(s, owner, gid, day, [CheckinEntry(kms, late=True)], today=TODAY)
        record_checkins(s, owner, gid, day, [dms], today=TODAY)
        s.commit()
        merge_members(s, owner, keep, drop)
        s.commit()
        assert s.execute(select(CheckIn.membership_id, CheckIn.late)).all() == [(kms, False)]
        assert balance(s, kms) == 1
        _consistent(s, gid)


def test_two_records_referred_by_one_member_pay_the_referral_once(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        ref, ref_ms = add_member(s, owner, gid, MemberInput(display_name="推荐人", joined_at=datetime(2026, 9, 1)))
        ids = []
        for name in ("新人", "新人 "):
            m, ms = add_member(s, owner, gid, MemberInput(display_name=name, status="applicant", referrer_id=ref))
            for st in list_steps(s, gid):
                if st.required:
                    record_step(s, owner, ms, st.id, when=datetime(2026, 10, 1, 9))
            ids.append((m, ms))
        s.commit()
        assert balance(s, ref_ms) == 40
        merge_members(s, owner, ids[0][0], ids[1][0])
        s.commit()
        assert balance(s, ref_ms) == 20
        # the one referral left names the kept membership (undoing its steps would take it back)
        assert _open_entries(s, "referral") == [(ref_ms, ids[0][1], 20)]
        _consistent(s, gid)


def test_the_referral_follows_the_kept_records_referrer(workspace, owner):
    """The kept record (an applicant) names 甲 as referrer; the dropped one became a member and paid 乙. After the
    merge the person is a member referred by 甲: 甲 is paid, 乙's payment is reversed."""
    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        a, a_ms = add_member(s, owner, gid, MemberInput(display_name="甲", joined_at=datetime(2026, 9, 1)))
        b, b_ms = add_member(s, owner, gid, MemberInput(display_name="乙", joined_at=datetime(2026, 9, 1)))
        keep, kms = add_member(s, owner, gid, MemberInput(display_name="新人", status="applicant", referrer_id=a))
        drop, dms = add_member(s, owner, gid, MemberInput(display_name="新人", status="applicant", referrer_id=b))
        for st in list_steps(s, gid):
            if st.required:
                record_step(s, owner, dms, st.id, when=datetime(2026, 10, 1, 9))
        s.commit()
        assert (balance(s, a_ms), balance(s, b_ms)) == (0, 20)
        merge_members(s, owner, keep, drop)
        s.commit()
        ms = s.get(Membership, kms)
        assert (ms.status, ms.referrer_id) == ("active", a)
        assert (balance(s, a_ms), balance(s, b_ms)) == (20, 0)
        _consistent(s, gid)


@pytest.mark.parametrize("kept_is_referred", [True, False])
def test_a_record_referred_by_the_other_record_is_no_referral_after_the_merge(workspace, owner, kept_is_referred):
    """One record brought the other in (one person, two records): merged, nobody referred them — no self-referral
    (the database refuses one) and the referral paid to themselves is reversed."""
    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        old, old_ms = add_member(s, owner, gid, MemberInput(display_name="老号", joined_at=datetime(2026, 9, 1)))
        new, new_ms = add_member(s, owner, gid, MemberInput(display_name="新号", status="applicant", referrer_id=old))
        for st in list_steps(s, gid):
            if st.required:
                record_step(s, owner, new_ms, st.id, when=datetime(2026, 10, 1, 9))
        other = create_group(s, owner, "读书会")
        bulk_copy_to_group(s, owner, [new_ms], other)  # referred by 老号 there too (the referrer is copied)
        s.commit()
        assert balance(s, old_ms) == 20
        keep, kms, drop = (new, new_ms, old) if kept_is_referred else (old, old_ms, new)
        merge_members(s, owner, keep, drop)
        s.commit()
        assert s.scalars(select(Membership.referrer_id).where(Membership.member_id == keep)).all() == [None, None]
        assert balance(s, kms) == 0 and _open_entries(s, "referral") == []
        _consistent(s, gid)


# ---- 2. attendance: the better status wins, its points follow it ----


@pytest.mark.parametrize(
    ("keep_status", "drop_status", "kept_status", "points"),
    [
        ("absent", "attended", "attended", 10),
        ("attended", "absent", "attended", 10),
        ("registered", "excused", "excused", 0),
        ("absent", "excused", "excused", 0),
        ("attended", "attended", "attended", 10),
    ],
)
def test_the_better_attendance_wins_with_its_points(workspace, owner, keep_status, drop_status, kept_status, points):
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        keep, kms, drop, dms = _pair(s, owner, gid)
        act = create_activity(
            s, owner, gid, ActivityInput(title="线下聚会", starts_at=datetime(2026, 11, 10, 19), online=False)
        )
        set_attendance(s, owner, act, kms, keep_status)
        set_attendance(s, owner, act, dms, drop_status)
        s.commit()
        merge_members(s, owner, keep, drop)
        s.commit()
        assert s.execute(select(Attendance.membership_id, Attendance.status)).all() == [(kms, kept_status)]
        ms = s.get(Membership, kms)
        assert balance(s, kms) == points
        assert ms.last_active == (date(2026, 11, 10) if kept_status == "attended" else None)
        _consistent(s, gid)


def test_a_speaker_row_wins_over_a_plain_attendee_row(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        keep, kms, drop, dms = _pair(s, owner, gid)
        act = create_activity(
            s, owner, gid, ActivityInput(title="分享会", starts_at=datetime(2026, 11, 10, 19), online=False)
        )
        set_attendance(s, owner, act, kms, "attended")
        set_attendance(s, owner, act, dms, "attended", role="speaker")
        s.commit()
        merge_members(s, owner, keep, drop)
        s.commit()
        assert s.execute(select(Attendance.status, Attendance.role)).all() == [("attended", "speaker")]
        assert balance(s, kms) == 10 + 5
        _consistent(s, gid)


# ---- 3. leaves: their union, no overlaps ----


def test_leaves_are_merged_into_ranges_that_do_not_overlap(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        keep, kms, drop, dms = _pair(s, owner, gid)
        record_leave(s, owner, kms, date(2026, 11, 1), date(2026, 11, 10), "出差")
        record_leave(s, owner, dms, date(2026, 11, 1), date(2026, 11, 10), "出差")  # the same leave twice
        record_leave(s, owner, kms, date(2026, 11, 14), date(2026, 11, 15), "生病")
        record_leave(s, owner, dms, date(2026, 11, 15), date(2026, 11, 16), "家里有事")  # overlaps by one day
        record_leave(s, owner, dms, date(2026, 11, 12), date(2026, 11, 12))  # on its own
        s.commit()
        merge_members(s, owner, keep, drop)
        s.commit()
        leaves = s.execute(
            select(Leave.membership_id, Leave.start_day, Leave.end_day, Leave.reason).order_by(Leave.start_day)
        ).all()
        assert leaves == [
            (kms, date(2026, 11, 1), date(2026, 11, 10), "出差"),
            (kms, date(2026, 11, 12), date(2026, 11, 12), None),
            (kms, date(2026, 11, 14), date(2026, 11, 16), "生病; 家里有事"),
        ]
        with pytest.raises(ValidationError):  # still one leave a day: a new overlap is refused
            record_leave(s, owner, kms, date(2026, 11, 5), date(2026, 11, 6))
        _consistent(s, gid)


def test_a_leave_of_the_dropped_record_bridges_the_kept_records_runs(workspace, owner):
    """Nov 1–4 and 6–8 checked in on the kept record, Nov 5 on leave on the dropped one: one run of 7 after the
    merge (a leave day does not break a streak) — the bonus is awarded at once."""
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        keep, kms, drop, dms = _pair(s, owner, gid)
        for d in (1, 2, 3, 4, 6, 7, 8):
            record_checkins(s, owner, gid, date(2026, 11, d), [kms], today=TODAY)
        record_leave(s, owner, dms, date(2026, 11, 5), date(2026, 11, 5), "请假")
        s.commit()
        assert balance(s, kms) == 7
        merge_members(s, owner, keep, drop)
        s.commit()
        assert balance(s, kms) == 7 + 5
        _consistent(s, gid)


# ---- 4. status fields: one coherent rule; answers kept ----


def test_a_blacklisting_stands_with_its_date_and_reason(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "G")
        keep, kms, drop, dms = _pair(s, owner, gid, drop={"joined_at": datetime(2026, 9, 1)})
        leave_group(s, owner, dms, "发广告", status="blacklisted", when=datetime(2026, 9, 20))
        merge_members(s, owner, keep, drop)
        s.commit()
        ms = s.get(Membership, kms)
        assert (ms.status, ms.joined_at, ms.left_at, ms.left_reason) == (
            "blacklisted",
            datetime(2026, 9, 1),
            datetime(2026, 9, 20),
            "发广告",
        )


@pytest.mark.parametrize("kept_left", [True, False])
def test_an_active_membership_has_no_left_date_or_reason(workspace, owner, kept_left):
    with workspace.session() as s:
        gid = create_group(s, owner, "G")
        keep, kms, drop, dms = _pair(s, owner, gid, keep={"joined_at": datetime(2026, 9, 1)})
        leave_group(s, owner, kms if kept_left else dms, "太忙", when=datetime(2026, 9, 30))
        merge_members(s, owner, keep, drop)
        s.commit()
        ms = s.get(Membership, kms)
        spells = s.execute(
            select(MembershipSpell.joined_at, MembershipSpell.left_at, MembershipSpell.left_reason).where(
                MembershipSpell.membership_id == kms
            )
        ).all()
        if kept_left:
            # the kept record left on 30 September before the other joined on 1 October: the person left and came
            # back, two spells (a merge made them one from 1 September, and September's leaving was lost)
            assert (ms.status, ms.joined_at, ms.left_at, ms.left_reason) == ("active", JOINED, None, None)
            assert [tuple(r) for r in spells] == [(datetime(2026, 9, 1), datetime(2026, 9, 30), "太忙")]
        else:
            assert (ms.status, ms.joined_at, ms.left_at, ms.left_reason) == ("active", datetime(2026, 9, 1), None, None)
            assert spells == []


def test_removed_is_stricter_than_left(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "G")
        keep, kms, drop, dms = _pair(s, owner, gid)
        leave_group(s, owner, kms, "太忙", when=datetime(2026, 10, 5))
        leave_group(s, owner, dms, "违规", status="removed", when=datetime(2026, 10, 9))
        merge_members(s, owner, keep, drop)
        s.commit()
        ms = s.get(Membership, kms)
        assert (ms.status, ms.left_at, ms.left_reason) == ("removed", datetime(2026, 10, 9), "违规")


def test_the_other_records_purpose_answer_is_kept_in_the_note(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        steps = {st.code: st.id for st in list_steps(s, gid)}
        keep, kms, drop, dms = _pair(s, owner, gid, keep={"status": "applicant", "joined_at": None})
        record_step(s, owner, kms, steps["purpose"], answer="想学习")
        record_step(s, owner, dms, steps["purpose"], answer="交朋友")
        merge_members(s, owner, keep, drop)
        s.commit()
        ms = s.get(Membership, kms)
        assert (ms.status, ms.joined_at, ms.purpose) == ("active", JOINED, "想学习")
        answers = s.scalars(select(StepProgress.answer).where(StepProgress.membership_id == kms)).all()
        assert answers == ["想学习"]
        note = s.get(Member, keep).note
        assert "交朋友" in note and "读书会" in note and note.count("交朋友") == 1


def test_an_answer_only_the_other_record_has_fills_the_kept_one(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        steps = {st.code: st.id for st in list_steps(s, gid)}
        keep, kms, drop, dms = _pair(s, owner, gid, keep={"status": "applicant", "joined_at": None})
        record_step(s, owner, kms, steps["purpose"])
        record_step(s, owner, dms, steps["purpose"], answer="交朋友")
        merge_members(s, owner, keep, drop)
        s.commit()
        assert s.get(Membership, kms).purpose == "交朋友"
        assert s.scalars(select(StepProgress.answer).where(StepProgress.membership_id == kms)).all() == ["交朋友"]
        assert not s.get(Member, keep).note


# ---- 5. a merged-away or deleted record takes no part ----


def test_a_merge_into_a_merged_away_or_deleted_record_is_refused(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "G")
        a, _ = add_member(s, owner, gid, MemberInput(display_name="甲", wechat_id="j1", joined_at=JOINED))
        b, _ = add_member(s, owner, gid, MemberInput(display_name="甲", joined_at=JOINED))
        c, cms = add_member(s, owner, gid, MemberInput(display_name="丙", joined_at=JOINED))
        e, _ = add_member(s, owner, gid, MemberInput(display_name="戊", joined_at=JOINED))
        record_checkins(s, owner, gid, date(2026, 11, 1), [cms], today=TODAY)
        merge_members(s, owner, a, b)
        soft_delete_member(s, owner, e)
        s.commit()
    with workspace.session() as s:  # a fresh session: nothing of the first merge is cached
        with pytest.raises(ValidationError, match="甲") as err:
            merge_members(s, owner, b, c)
        assert "#1" in str(err.value)  # names the record it went into
        with pytest.raises(ValidationError, match="戊"):
            merge_members(s, owner, e, c)
        with pytest.raises(ValidationError, match="甲"):
            merge_members(s, owner, c, b)  # merged away already: merging it again would rewrite where it went
        s.rollback()
        ms = s.get(Membership, cms)
        assert ms.member_id == c and s.get(Member, c).deleted_at is None
        assert s.scalar(select(func.count()).select_from(CheckIn).where(CheckIn.membership_id == cms)) == 1
        assert s.get(Member, b).merged_into_id == a


# ---- 6. bulk move into a group the person once left ----


@pytest.mark.parametrize("former", ["left", "removed"])
def test_a_move_into_a_group_left_before_rejoins_there(workspace, owner, former):
    with workspace.session() as s:
        a = create_group(s, owner, "早起营")
        b = create_group(s, owner, "读书会")
        m, ms_a = add_member(s, owner, a, MemberInput(display_name="周八", joined_at=JOINED))
        assert bulk_copy_to_group(s, owner, [ms_a], b) == 1
        ms_b = s.scalar(select(Membership.id).where(Membership.member_id == m, Membership.group_id == b))
        record_checkins(s, owner, b, TODAY, [ms_b], today=TODAY)
        leave_group(s, owner, ms_b, "暂时退出", status=former)
        s.commit()
        joined_b = s.get(Membership, ms_b).joined_at
        assert bulk_copy_to_group(s, owner, [ms_a], b, move=True) == 1
        s.commit()
        rows = s.execute(
            select(Membership.group_id, Membership.status, Membership.left_at).where(Membership.member_id == m)
        ).all()
        states = {g: (st, left is not None) for g, st, left in rows}
        assert states == {a: ("left", True), b: ("active", False)}
        back = s.get(Membership, ms_b)
        # the same membership, back from now on; the spell that ended is kept with its check-in (membership_spell)
        assert back.joined_at >= joined_b and back.left_reason is None
        spells = s.execute(
            select(MembershipSpell.joined_at, MembershipSpell.left_reason).where(MembershipSpell.membership_id == ms_b)
        ).all()
        assert spells == [(joined_b, "暂时退出")]
        assert s.scalar(select(func.count()).select_from(Membership).where(Membership.member_id == m)) == 2
        _consistent(s, b)


def test_a_copy_into_a_group_left_before_rejoins_there(workspace, owner):
    with workspace.session() as s:
        a = create_group(s, owner, "早起营")
        b = create_group(s, owner, "读书会")
        m, ms_a = add_member(s, owner, a, MemberInput(display_name="周八", joined_at=JOINED))
        bulk_copy_to_group(s, owner, [ms_a], b)
        ms_b = s.scalar(select(Membership.id).where(Membership.member_id == m, Membership.group_id == b))
        leave_group(s, owner, ms_b, "暂时退出")
        assert bulk_copy_to_group(s, owner, [ms_a], b) == 1
        assert bulk_copy_to_group(s, owner, [ms_a], b) == 0  # already there now
        assert (s.get(Membership, ms_a).status, s.get(Membership, ms_b).status) == ("active", "active")


def test_a_move_into_a_group_that_blacklisted_the_person_is_refused_naming_them(workspace, owner):
    with workspace.session() as s:
        a = create_group(s, owner, "早起营")
        b = create_group(s, owner, "读书会")
        m, ms_a = add_member(s, owner, a, MemberInput(display_name="周八", joined_at=JOINED))
        _, other = add_member(s, owner, a, MemberInput(display_name="吴九", joined_at=JOINED))
        bulk_copy_to_group(s, owner, [ms_a], b)
        ms_b = s.scalar(select(Membership.id).where(Membership.member_id == m, Membership.group_id == b))
        leave_group(s, owner, ms_b, "发广告", status="blacklisted")
        s.commit()
        for move in (True, False):
            with pytest.raises(ValidationError, match="周八") as err:
                bulk_copy_to_group(s, owner, [other, ms_a], b, move=move)
            assert "读书会" in str(err.value)
        s.rollback()
        assert s.get(Membership, ms_a).status == "active" and s.get(Membership, other).status == "active"
        assert s.get(Membership, ms_b).status == "blacklisted"
        assert s.scalar(select(func.count()).select_from(Membership).where(Membership.group_id == b)) == 1


def test_a_move_to_someone_still_joining_there_keeps_the_old_membership(workspace, owner):
    with workspace.session() as s:
        a = create_group(s, owner, "早起营")
        b = create_group(s, owner, "读书会")
        m, ms_a = add_member(s, owner, a, MemberInput(display_name="周八", joined_at=JOINED))
        bulk_copy_to_group(s, owner, [ms_a], b)
        ms_b = s.scalar(select(Membership.id).where(Membership.member_id == m, Membership.group_id == b))
        s.get(Membership, ms_b).status = "applicant"
        s.flush()
        assert bulk_copy_to_group(s, owner, [ms_a], b, move=True) == 0
        assert (s.get(Membership, ms_a).status, s.get(Membership, ms_b).status) == ("active", "applicant")


def test_everything_of_a_busy_pair_adds_up_after_the_merge(workspace, owner):
    """Check-ins on both (a shared day), leaves, attendance, steps and a referral in two groups: no drift, nothing
    to recompute in either group, and the dropped person's rows all name the kept one."""
    with workspace.session() as s:
        g1 = create_group(s, owner, "早起营")
        g2 = create_group(s, owner, "读书会")
        ref, ref_ms = add_member(s, owner, g1, MemberInput(display_name="推荐人", joined_at=datetime(2026, 9, 1)))
        newcomer = {"status": "applicant", "joined_at": None, "referrer_id": ref}
        keep, kms, drop, dms = _pair(s, owner, g1, keep=newcomer, drop=newcomer)
        for ms in (kms, dms):  # both records became members: the referrer was paid twice
            for st in list_steps(s, g1):
                if st.required:
                    record_step(s, owner, ms, st.id, when=JOINED)
        assert balance(s, ref_ms) == 40
        bulk_copy_to_group(s, owner, [dms], g2)
        for i in range(10):
            d = date(2026, 11, 1) + timedelta(days=i)
            record_checkins(s, owner, g1, d, [kms] if i % 2 else [dms], today=TODAY)
        record_checkins(s, owner, g1, date(2026, 11, 11), [kms, dms], today=TODAY)
        record_leave(s, owner, kms, date(2026, 11, 12), date(2026, 11, 13))
        record_leave(s, owner, dms, date(2026, 11, 13), date(2026, 11, 14))
        act = create_activity(s, owner, g1, ActivityInput(title="线上分享", starts_at=datetime(2026, 11, 6, 20)))
        set_attendance(s, owner, act, kms, "registered")
        set_attendance(s, owner, act, dms, "attended")
        s.commit()
        merge_members(s, owner, keep, drop)
        s.commit()
        _consistent(s, g1)
        _consistent(s, g2)
        assert _open_entries(s, "referral") == [(ref_ms, kms, 20)]
        assert s.scalar(select(func.count()).select_from(CheckIn).where(CheckIn.membership_id == kms)) == 11
        assert s.scalar(select(func.count()).select_from(Membership).where(Membership.member_id == drop)) == 0
        assert s.scalar(select(func.count()).select_from(Leave).where(Leave.membership_id == kms)) == 1
