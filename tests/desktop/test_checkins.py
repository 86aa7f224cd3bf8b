"""Check-ins on SQLite and PostgreSQL: idempotent logging, ledger entries and reversals, streak bonus,
streaks across month ends, leave days, late check-ins, and refusals."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop.errors import ValidationError
from desktop.services.checkins import CheckinEntry, record_checkins, record_leave, streaks, undo_checkin
from desktop.services.groups import create_group
from desktop.services.points import adjust_points, balance, leaderboard
from desktop.services.roster import MemberInput, add_member
from models import AuditEntry, CheckIn, Group, Leave, Membership, PointsEntry

TODAY = date(2026, 11, 22)
JOINED = datetime(2026, 10, 1, 9, 0)  # the members joined before every day these tests log


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        a = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=JOINED))[1]
        b = add_member(s, owner, gid, MemberInput(display_name="李四", joined_at=JOINED))[1]
        c = add_member(s, owner, gid, MemberInput(display_name="王五", status="applicant"))[1]
        s.commit()
    return gid, a, b, c


def test_logging_twice_logs_once(workspace, owner, grp):
    gid, a, b, _ = grp
    with workspace.session() as s:
        first = record_checkins(s, owner, gid, TODAY, [a, b], today=TODAY)
        again = record_checkins(s, owner, gid, TODAY, [a, b, a], today=TODAY)
        s.commit()
        assert first.logged == (a, b) and first.points == 2
        assert again.logged == () and again.already == (a, b) and again.points == 0
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 2
        assert balance(s, a) == 1
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "checkin.record")) == 1


def test_refuses_future_days_and_non_members(workspace, owner, grp):
    gid, a, _, applicant = grp
    with workspace.session() as s:
        with pytest.raises(ValidationError, match="future"):
            record_checkins(s, owner, gid, TODAY + timedelta(days=1), [a], today=TODAY)
        with pytest.raises(ValidationError, match="not an active member"):
            record_checkins(s, owner, gid, TODAY, [a, applicant], today=TODAY)
        s.rollback()
        assert s.scalar(select(func.count()).select_from(CheckIn)) == 0


def test_seven_day_streak_across_a_month_end_earns_the_bonus(workspace, owner, grp):
    gid, a, _, _ = grp
    start = date(2026, 10, 28)  # 28, 29, 30, 31, Nov 1, 2, 3
    with workspace.session() as s:
        for i in range(7):
            d = start + timedelta(days=i)
            record_checkins(s, owner, gid, d, [a], today=d)
        s.commit()
        reasons = s.scalars(select(PointsEntry.reason).where(PointsEntry.source_kind == "streak")).all()
        assert reasons == ["连续打卡7天"]
        assert balance(s, a) == 7 + 5
        st = streaks(s, a, today=date(2026, 11, 4))  # nothing yet today: the streak ending yesterday counts
        assert (st.current, st.longest) == (7, 7)
        assert streaks(s, a, today=date(2026, 11, 5)).current == 0


def test_each_streak_bonus_names_the_check_in_of_its_own_day(workspace, owner, grp):
    """Two members' weeks logged in one call, days out of order and a day already in: each bonus entry's source is
    the check-in of the same member on the bonus day (the ids are read only for the days that earn one); after an
    undo breaks one run, its bonus is reversed and the other stays."""
    from desktop.services.checkins import record_checkins_by_day

    gid, a, b, _ = grp
    start = date(2026, 11, 1)
    with workspace.session() as s:
        record_checkins(s, owner, gid, start + timedelta(days=3), [b], today=TODAY)
        by_day = {start + timedelta(days=i): [a] for i in (6, 2, 0, 5, 1, 4, 3)}
        for i in range(1, 8):  # b: days 1..7 (day 3 already in), a week ending a day after a's
            by_day.setdefault(start + timedelta(days=i), []).append(b)
        record_checkins_by_day(s, owner, gid, by_day, today=TODAY)
        s.commit()
        checkin_of = {(m, d): cid for cid, m, d in s.execute(select(CheckIn.id, CheckIn.membership_id, CheckIn.day))}
        bonuses = s.execute(
            select(PointsEntry.membership_id, PointsEntry.day, PointsEntry.source_id).where(
                PointsEntry.source_kind == "streak"
            )
        ).all()
        assert sorted((m, d) for m, d, _ in bonuses) == sorted(
            [(a, start + timedelta(days=6)), (b, start + timedelta(days=7))]
        )
        for m, d, source in bonuses:
            assert source == checkin_of[(m, d)], (m, d)
        assert undo_checkin(s, owner, b, start + timedelta(days=4))
        s.commit()
        reversed_ = s.scalar(select(func.count()).select_from(PointsEntry).where(PointsEntry.source_kind == "reversal"))
        assert reversed_ >= 1
        assert balance(s, a) == 7 + 5  # seven check-ins and the bonus (the group's default rules: 1 and 5)
        assert balance(s, b) == 6  # six check-ins left, the bonus reversed


def test_a_check_in_takes_the_groups_rules_as_they_are_now(workspace, owner, grp):
    """The check-in reads the group's `checkin` and `streak7` rules in its own SQL (one statement with the
    members): a changed rule's points and a rule switched off count at once, as points.rule_points says."""
    from desktop.services.points import rule_points, set_rule

    gid, a, b, _ = grp
    start = date(2026, 11, 1)
    with workspace.session() as s:
        set_rule(s, owner, gid, "checkin", points=3)
        set_rule(s, owner, gid, "streak7", active=False)
        s.commit()
        assert (rule_points(s, gid, "checkin"), rule_points(s, gid, "streak7")) == (3, 0)
        for i in range(7):  # a week in a row, and no bonus: the streak rule is off
            r = record_checkins(s, owner, gid, start + timedelta(days=i), [a], today=TODAY)
            assert r.points == 3
        set_rule(s, owner, gid, "checkin", active=False)
        set_rule(s, owner, gid, "streak7", points=9, active=True)
        s.commit()
        r = record_checkins(s, owner, gid, start + timedelta(days=7), [a, b], today=TODAY)
        s.commit()
        assert r.logged == (a, b) and r.points == 9  # no check-in points; a's eighth day reconciles a's week's bonus
        assert balance(s, a) == 7 * 3 + 9 and balance(s, b) == 0
        bonus = s.execute(select(PointsEntry.day, PointsEntry.points).where(PointsEntry.source_kind == "streak")).all()
        assert bonus == [(start + timedelta(days=6), 9)]


def test_leave_days_neither_break_nor_extend_a_streak(workspace, owner, grp):
    gid, a, _, _ = grp
    with workspace.session() as s:
        for d in (date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 5)):
            record_checkins(s, owner, gid, d, [a], today=d)
        record_leave(s, owner, a, date(2026, 11, 3), date(2026, 11, 4), "出差")
        s.commit()
        st = streaks(s, a, today=date(2026, 11, 5))
        assert (st.current, st.longest) == (3, 3)
        with pytest.raises(ValidationError):
            record_leave(s, owner, a, date(2026, 11, 4), date(2026, 11, 6))


def test_late_checkins_count_for_streaks_only_when_the_group_says_so(workspace, owner, grp):
    gid, a, _, _ = grp
    with workspace.session() as s:
        record_checkins(s, owner, gid, date(2026, 11, 20), [a], today=date(2026, 11, 20))
        record_checkins(s, owner, gid, date(2026, 11, 22), [a], today=date(2026, 11, 22))
        record_checkins(s, owner, gid, date(2026, 11, 21), [CheckinEntry(a, late=True)], today=date(2026, 11, 22))
        s.commit()
        late = s.scalar(select(CheckIn.late).where(CheckIn.day == date(2026, 11, 21)))
        assert late is True
        assert streaks(s, a, today=TODAY).current == 1
        s.get(Group, gid).late_checkins_count_for_streak = True
        s.commit()
        assert streaks(s, a, today=TODAY).current == 3


def test_logging_yesterdays_chain_this_morning_is_not_late(workspace, owner, grp):
    """The assistant's delay is not the member's: yesterday's chain logged today is on time, keeps the time
    the member posted, and the streak stays whole even where late check-ins do not count."""
    gid, a, b, _ = grp
    with workspace.session() as s:
        for d in (date(2026, 11, 19), date(2026, 11, 20)):
            record_checkins(s, owner, gid, d, [a], today=d)
        posted = datetime(2026, 11, 21, 5, 48)
        result = record_checkins(
            s, owner, gid, date(2026, 11, 21), [CheckinEntry(a, at=posted), b], source="paste", today=TODAY
        )
        s.commit()
        assert result.logged == (a, b)
        rows = {
            mid: (late, at)
            for mid, late, at in s.execute(
                select(CheckIn.membership_id, CheckIn.late, CheckIn.checked_at).where(CheckIn.day == date(2026, 11, 21))
            )
        }
        assert rows[a] == (False, posted)
        assert rows[b] == (False, None)  # no time written, logged on a later day: no invented time
        assert s.get(Group, gid).late_checkins_count_for_streak is False
        assert streaks(s, a, today=date(2026, 11, 21)).current == 3


def test_a_checkin_for_today_without_a_time_keeps_the_logging_time(workspace, owner, grp):
    gid, a, _, _ = grp
    with workspace.session() as s:
        record_checkins(s, owner, gid, TODAY, [a], today=TODAY)
        s.commit()
        at, logged = s.execute(select(CheckIn.checked_at, CheckIn.logged_at)).one()
        assert at is not None and at == logged


def test_todays_pasted_chain_invents_no_time_for_an_entry_without_one(workspace, owner, grp):
    """A 接龙 grows all morning and is pasted once, in the evening: `3. 李四` between `2. 张三 5:52` and a
    later entry was not posted at the paste's time, so it keeps no time (the window shows "—"); the time
    written on a line is kept, and a name typed in by hand today still takes the logging time."""
    gid, a, b, _ = grp
    posted = datetime(2026, 11, 22, 5, 52)
    with workspace.session() as s:
        record_checkins(s, owner, gid, TODAY, [CheckinEntry(a, at=posted), b], source="paste", today=TODAY)
        s.commit()
        rows = dict(s.execute(select(CheckIn.membership_id, CheckIn.checked_at)).all())
        logged = s.scalar(select(CheckIn.logged_at).where(CheckIn.membership_id == b))
    assert rows == {a: posted, b: None}
    assert logged is not None  # when it was logged is kept apart (the tooltip shows it)


def test_a_late_checkin_that_completes_a_run_earns_the_bonus_recompute_gives(workspace, owner, grp):
    """Days 1-3 and 5-7 logged; then a 补卡 for day 4 in a group where late check-ins count: the run now
    reaches 7 on day 7. Logging awards the bonus on day 7, and recompute agrees (nothing to change)."""
    from desktop.services.points import recompute_preview

    gid, a, _, _ = grp
    with workspace.session() as s:
        s.get(Group, gid).late_checkins_count_for_streak = True
        for i in (1, 2, 3, 5, 6, 7):
            d = date(2026, 11, i)
            record_checkins(s, owner, gid, d, [a], today=d)
        assert s.scalar(select(func.count()).select_from(PointsEntry).where(PointsEntry.source_kind == "streak")) == 0
        result = record_checkins(s, owner, gid, date(2026, 11, 4), [CheckinEntry(a, late=True)], today=TODAY)
        s.commit()
        assert result.points == 1 + 5
        bonus = s.execute(select(PointsEntry.day, PointsEntry.reason).where(PointsEntry.source_kind == "streak")).all()
        assert bonus == [(date(2026, 11, 7), "连续打卡7天")]
        assert recompute_preview(s, gid) == []
        # undo the 补卡: the run breaks again and the bonus on day 7 is taken back
        assert undo_checkin(s, owner, a, date(2026, 11, 4))
        s.commit()
        assert balance(s, a) == 6
        assert recompute_preview(s, gid) == []


def test_a_checkin_before_a_run_moves_the_bonus_day(workspace, owner, grp):
    """Days 2-8 give a bonus on day 8; a check-in for day 1 logged later makes day 7 the seventh day of the
    run: the bonus moves (reversed on day 8, awarded on day 7), as recompute says."""
    from desktop.services.points import recompute_preview

    gid, a, _, _ = grp
    with workspace.session() as s:
        for i in range(2, 9):
            d = date(2026, 11, i)
            record_checkins(s, owner, gid, d, [a], today=d)
        record_checkins(s, owner, gid, date(2026, 11, 1), [a], today=TODAY)
        s.commit()
        net = dict(
            s.execute(
                select(PointsEntry.day, func.sum(PointsEntry.points))
                .where(PointsEntry.source_kind.in_(("streak", "reversal")))
                .group_by(PointsEntry.day)
            ).all()
        )
        assert net == {date(2026, 11, 7): 5, date(2026, 11, 8): 0}
        assert balance(s, a) == 8 + 5
        assert recompute_preview(s, gid) == []


def test_impossible_days_are_refused(workspace, owner, grp):
    gid, a, _, _ = grp
    with workspace.session() as s:
        with pytest.raises(ValidationError, match="2000"):
            record_checkins(s, owner, gid, date(1, 1, 1), [a], today=TODAY)


def test_undo_writes_reversing_entries_and_keeps_the_ledger(workspace, owner, grp):
    gid, a, _, _ = grp
    with workspace.session() as s:
        for i in range(7):
            d = date(2026, 11, 1) + timedelta(days=i)
            record_checkins(s, owner, gid, d, [a], today=d)
        assert undo_checkin(s, owner, a, date(2026, 11, 7)) is True
        assert undo_checkin(s, owner, a, date(2026, 11, 7)) is False
        s.commit()
        assert balance(s, a) == 6
        entries = s.scalars(select(PointsEntry.points).order_by(PointsEntry.id)).all()
        assert entries.count(-1) == 1 and entries.count(-5) == 1 and len(entries) == 7 + 1 + 2
        # undoing the same fact again never reverses twice
        assert s.scalar(select(func.count()).select_from(PointsEntry).where(PointsEntry.source_kind == "reversal")) == 2


def test_manual_adjustment_needs_a_reason_and_leaderboard_ranks(workspace, owner, grp, monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())  # the adjustment is dated TODAY: the app's today too
    gid, a, b, _ = grp
    with workspace.session() as s:
        with pytest.raises(ValidationError):
            adjust_points(s, owner, b, 10, "  ")
        adjust_points(s, owner, b, 30, "优秀分享", day=TODAY)
        record_checkins(s, owner, gid, TODAY, [a], today=TODAY)
        s.commit()
        board = leaderboard(s, gid)
        assert [(r.rank, r.display_name, r.points, r.level) for r in board] == [
            (1, "李四", 30, "活跃"),
            (2, "张三", 1, "新人"),
        ]


def _open_bonus_days(s, mid: int) -> dict[date, int]:
    """The membership's streak bonuses standing in the ledger: day -> count of open entries."""
    reversed_ = select(PointsEntry.reverses_id).where(PointsEntry.reverses_id.is_not(None))
    out: dict[date, int] = {}
    for (day,) in s.execute(
        select(PointsEntry.day).where(
            PointsEntry.membership_id == mid,
            PointsEntry.source_kind == "streak",
            PointsEntry.reverses_id.is_(None),
            PointsEntry.id.not_in(reversed_),
        )
    ):
        out[day] = out.get(day, 0) + 1
    return out


def _bonus_days_of_history(s, mid: int) -> dict[date, int]:
    from desktop import streaks as rule
    from desktop.services.checkins import _member_days

    ms_group = s.scalar(select(Group).join(Membership, Membership.group_id == Group.id).where(Membership.id == mid))
    checkins, leaves = _member_days(s, mid)
    days = rule.counted_days(checkins, bool(ms_group.late_checkins_count_for_streak))
    return dict.fromkeys(rule.bonus_days(days, leaves), 1)


def test_the_window_read_leaves_the_ledger_as_the_whole_history_would(workspace, owner, grp, monkeypatch):
    """A check-in that is the member's latest day reads only the weeks of its run (streaks.appended_run), trusting
    that the earlier bonuses were reconciled (membership.streak_checked). Three months of a random calendar — days
    logged in order with gaps, days filled in later, 补卡, leaves, undos, the streak rule switched off and on, the
    补卡 rule changed — and after every check-in, undo and leave the member's open bonuses are exactly the bonus days
    of their whole history, as recompute gives. The window read must have answered most check-ins, or this tests nothing."""
    import random

    from desktop import streaks as rule
    from desktop.services.group_profile import update_group_profile
    from desktop.services.points import set_rule

    answered: list[int | None] = []
    real = rule.appended_run

    def spy(*args, **kwargs):
        answered.append(real(*args, **kwargs))
        return answered[-1]

    monkeypatch.setattr(rule, "appended_run", spy)
    gid, a, b, _ = grp
    rng = random.Random(13)
    start = date(2026, 10, 2)  # the day after they joined
    today = start + timedelta(days=100)
    with workspace.session() as s:
        late_counts, streak_on = False, True
        for n in range(100):
            day = start + timedelta(days=n)
            for mid in (a, b):
                roll = rng.random()
                if roll < 0.72:  # the day's check-in, now and then a 补卡
                    late = rng.random() < 0.1
                    record_checkins(s, owner, gid, day, [CheckinEntry(mid, late=late)], today=today)
                elif roll < 0.8 and n > 5:  # an earlier day filled in
                    back = day - timedelta(days=rng.randint(1, 5))
                    record_checkins(s, owner, gid, back, [mid], today=today)
                elif roll < 0.83 and n > 3:  # a check-in taken back
                    undo_checkin(s, owner, mid, day - timedelta(days=rng.randint(0, 3)))
                elif roll < 0.86:  # a leave, which can join two runs
                    first = day + timedelta(days=rng.randint(-4, 2))
                    try:
                        record_leave(s, owner, mid, first, first + timedelta(days=rng.randint(0, 3)))
                    except ValidationError:
                        s.rollback()  # overlaps a leave: refused, as it should be
                        continue
                else:
                    continue
                s.commit()
                if streak_on:
                    assert _open_bonus_days(s, mid) == _bonus_days_of_history(s, mid), (n, mid)
            if n in (30, 41):
                streak_on = not streak_on
                set_rule(s, owner, gid, "streak7", active=streak_on)
                s.commit()
            if n in (55, 80):
                late_counts = not late_counts
                update_group_profile(s, owner, gid, late_checkins_count_for_streak=late_counts)
                s.commit()
    quick = [r for r in answered if r is not None]
    assert len(quick) > 60, (len(quick), len(answered))  # the window answered most of the ~140 check-ins
    assert any(r and r % 7 == 0 for r in quick)  # and awarded bonuses from the window


def test_writes_that_move_bonus_days_clear_the_streak_mark(workspace, owner, grp):
    """membership.streak_checked: set by a check-in's reconcile, cleared by the database (triggers, both engines)
    on every write that can move bonus days without one."""
    from desktop.services.group_profile import update_group_profile
    from desktop.services.points import set_rule

    gid, a, b, _ = grp
    start = date(2026, 11, 1)

    def marks(s):
        s.expire_all()
        return {m: s.scalar(select(Membership.streak_checked).where(Membership.id == m)) for m in (a, b)}

    logged = iter(range(10, 20))

    def log(s):  # a new day for both: the check-in reconciles whatever was cleared
        record_checkins(s, owner, gid, start + timedelta(days=next(logged)), [a, b], today=TODAY)
        s.commit()
        assert marks(s) == {a: True, b: True}

    with workspace.session() as s:
        assert marks(s) == {a: False, b: False}  # a new membership starts unchecked
        record_checkins(s, owner, gid, start, [a, b], today=TODAY)
        record_checkins(s, owner, gid, start + timedelta(days=2), [a, b], today=TODAY)
        s.commit()
        assert marks(s) == {a: True, b: True}
        s.execute(
            Leave.__table__.insert().values(
                membership_id=a, start_day=start + timedelta(days=1), end_day=start + timedelta(days=1)
            )
        )
        s.commit()
        assert marks(s) == {a: False, b: True}  # a leave written behind the services' back: a's days are one run
        record_checkins(s, owner, gid, start + timedelta(days=3), [a], today=TODAY)
        s.commit()
        assert marks(s) == {a: True, b: True}  # the check-in reconciled a's whole history
        record_leave(s, owner, b, start + timedelta(days=1), start + timedelta(days=1))
        s.commit()
        assert marks(s) == {a: True, b: True}  # a leave through the service reconciles at once
        s.execute(CheckIn.__table__.delete().where(CheckIn.membership_id == b, CheckIn.day == start))
        s.commit()
        assert marks(s) == {a: True, b: False}  # a check-in removed (here behind the services' back)
        undo_checkin(s, owner, b, start + timedelta(days=2))
        s.commit()
        assert marks(s)[b] is True  # undo reconciles
        s.execute(CheckIn.__table__.update().where(CheckIn.membership_id == a).values(late=True))
        s.commit()
        assert marks(s) == {a: False, b: True}  # a day made 补卡
        log(s)
        set_rule(s, owner, gid, "streak7", points=9)
        s.commit()
        assert marks(s) == {a: False, b: False}  # the streak rule changed: everyone in the group
        log(s)
        update_group_profile(s, owner, gid, late_checkins_count_for_streak=True)
        s.commit()
        assert marks(s) == {a: False, b: False}  # the 补卡 rule changed
        log(s)
        update_group_profile(s, owner, gid, name="早起打卡营二期")
        set_rule(s, owner, gid, "checkin", points=2)
        s.commit()
        assert marks(s) == {a: True, b: True}  # other changes leave the marks


def test_a_leave_that_joins_two_runs_earns_the_bonus_at_once(workspace, owner, grp):
    """Days 0–3 and 5–7 logged: runs of 4 and 3, no bonus. A leave on day 4 makes them one run of 7: the bonus of
    day 7 is written with the leave (as recompute gives it), and the next check-in (day 8, the member's latest, read
    from the window) adds nothing to it. Without the leave's reconcile the bonus waited for a check-in (a leave
    written by another writer clears the streak mark instead: test_writes_that_move_bonus_days_clear_the_streak_mark)."""
    gid, a, _, _ = grp
    start = date(2026, 11, 1)
    with workspace.session() as s:
        for i in (0, 1, 2, 3, 5, 6, 7):
            record_checkins(s, owner, gid, start + timedelta(days=i), [a], today=TODAY)
        s.commit()
        assert _open_bonus_days(s, a) == {}
        before = balance(s, a)
        record_leave(s, owner, a, start + timedelta(days=4), start + timedelta(days=4))
        s.commit()
        assert balance(s, a) == before + 5
        assert _open_bonus_days(s, a) == {start + timedelta(days=7): 1} == _bonus_days_of_history(s, a)
        r = record_checkins(s, owner, gid, start + timedelta(days=8), [a], today=TODAY)
        s.commit()
        assert r.points == 1  # the day's check-in; day 7's bonus was already there
        assert _open_bonus_days(s, a) == {start + timedelta(days=7): 1} == _bonus_days_of_history(s, a)
