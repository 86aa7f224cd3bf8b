"""Kept values (issue 13): each membership's points balance and last participation day are kept by the database
in the same transaction as each fact; after every kind of write, undo, merge and import they equal a fresh
computation from the ledger and the fact tables — on SQLite and on the suite's PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services.checkins import record_checkins, record_leave, undo_checkin
from desktop.services.groups import create_group
from desktop.services.members import merge_members
from desktop.services.participation import (
    ActivityInput,
    add_contribution,
    add_violation,
    create_activity,
    remove_contribution,
    remove_violation,
    set_attendance,
    update_activity,
)
from desktop.services.points import adjust_points, recompute_apply
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import Membership, kept

DAY = date(2026, 11, 10)


def _no_drift(database) -> None:
    with database.engine.connect() as conn:
        assert kept.drift(conn) == []


def _kept(database, ms: int) -> tuple[int, date | None]:
    with database.session() as s:
        points, day = s.execute(
            select(Membership.points_balance, Membership.last_active).where(Membership.id == ms)
        ).one()
    return points, day


@pytest.fixture
def ws(any_db_url, monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-30")
    database = open_workspace(any_db_url)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        joined = datetime(2026, 10, 1)
        ids = {
            name: add_member(s, owner, gid, MemberInput(display_name=name, wechat_id=f"wx_{i}", joined_at=joined))[1]
            for i, name in enumerate(("张三", "李四", "王五"))
        }
        s.commit()
    yield database, owner, gid, ids
    database.dispose()


def test_every_kind_of_write_keeps_the_values_true(ws):
    database, owner, gid, ids = ws
    a, b = ids["张三"], ids["李四"]
    with database.session() as s:
        for i in range(8):  # a run long enough for the streak bonus
            record_checkins(s, owner, gid, DAY + timedelta(days=i), [a])
        record_checkins(s, owner, gid, DAY, [b])
        s.commit()
    _no_drift(database)
    points, day = _kept(database, a)
    assert points > 8 and day == DAY + timedelta(days=7)
    with database.session() as s:
        undo_checkin(s, owner, a, DAY + timedelta(days=7))  # the last day and its points go
        s.commit()
    _no_drift(database)
    assert _kept(database, a)[1] == DAY + timedelta(days=6)

    with database.session() as s:
        act = create_activity(
            s,
            owner,
            gid,
            ActivityInput(title="读书分享会", kind="knowledge_share", starts_at=datetime(2026, 11, 25, 19, 0)),
        )
        set_attendance(s, owner, act, b, "attended")
        s.commit()
    _no_drift(database)
    assert _kept(database, b)[1] == date(2026, 11, 25)
    with database.session() as s:
        update_activity(
            s,
            owner,
            act,
            ActivityInput(title="读书分享会", kind="knowledge_share", starts_at=datetime(2026, 11, 26, 19, 0)),
        )
        s.commit()
    _no_drift(database)
    assert _kept(database, b)[1] == date(2026, 11, 26)
    with database.session() as s:
        set_attendance(s, owner, act, b, "absent")
        s.commit()
    _no_drift(database)
    assert _kept(database, b)[1] == DAY

    with database.session() as s:
        cid = add_contribution(s, owner, b, "share", date(2026, 11, 27), title="一篇笔记")
        vid, _flag = add_violation(s, owner, b, "ad", date(2026, 11, 27))
        adjust_points(s, owner, b, 7, "手动奖励", day=date(2026, 11, 28))
        record_leave(s, owner, b, date(2026, 11, 28), date(2026, 11, 29), "出差")
        s.commit()
    _no_drift(database)
    assert _kept(database, b)[1] == date(2026, 11, 27)
    with database.session() as s:
        remove_contribution(s, owner, cid)
        remove_violation(s, owner, vid)
        s.commit()
    _no_drift(database)

    with database.session() as s:
        recompute_apply(s, owner, gid)
        s.commit()
    _no_drift(database)


def test_a_merge_keeps_the_values_of_the_person_kept(ws):
    database, owner, gid, ids = ws
    a, c = ids["张三"], ids["王五"]
    with database.session() as s:
        record_checkins(s, owner, gid, DAY, [a, c])
        record_checkins(s, owner, gid, DAY + timedelta(days=1), [c])
        adjust_points(s, owner, c, 5, "分享", day=DAY)
        keep_member = s.scalar(select(Membership.member_id).where(Membership.id == a))
        drop_member = s.scalar(select(Membership.member_id).where(Membership.id == c))
        s.commit()
        merge_members(s, owner, keep_member, drop_member)
        s.commit()
    _no_drift(database)
    points, day = _kept(database, a)
    assert day == DAY + timedelta(days=1) and points == 1 + 1 + 5  # the same-day duplicate's point reversed


def test_a_chat_import_keeps_last_active(tmp_path, monkeypatch):
    """Chat days have no trigger (a year of them would double the import): the import refreshes what it
    touched, in its transaction."""
    from desktop.services.chat_import import run_chat_import

    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    database = open_workspace(tmp_path / "chat.sqlite")
    try:
        owner = actor_for(database)
        export = Path(__file__).resolve().parents[1] / "data" / "chat" / "晨跑俱乐部_utf8.csv"
        run_chat_import(database, owner, export, "晨跑俱乐部", add_unknown=True)
        _no_drift(database)
        with database.session() as s:
            days = set(s.scalars(select(Membership.last_active)))
        assert date(2026, 11, 30) in days
    finally:
        database.dispose()


def test_the_demo_and_an_upgraded_first_release_have_true_values(tmp_path, monkeypatch):
    import shutil

    from desktop.demo import build_demo

    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-18")
    database = open_workspace(tmp_path / "demo.sqlite")
    try:
        build_demo(database.engine, groups=2, members=120, months=2, seed=3)
        _no_drift(database)
        with database.session() as s:
            assert s.scalar(select(Membership.points_balance).order_by(Membership.points_balance.desc()).limit(1)) > 0
            ms = s.scalar(select(Membership.id).where(Membership.status == "active").limit(1))
            before = s.get(Membership, ms).points_balance
        owner = actor_for(database)
        with database.session() as s:  # the triggers set aside while the demo wrote are back
            adjust_points(s, owner, ms, 5, "演示之后")
            s.commit()
        assert _kept(database, ms)[0] == before + 5
        _no_drift(database)
    finally:
        database.dispose()
    v1 = tmp_path / "v1.sqlite"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "data" / "workspace_v1.sqlite", v1)
    upgraded = open_workspace(v1, backup_dir=tmp_path / "backups")
    try:
        _no_drift(upgraded)  # migration 0007 filled them from the first release's ledger and check-ins
        with upgraded.session() as s:
            assert s.scalar(select(Membership.last_active).where(Membership.last_active.is_not(None)).limit(1))
    finally:
        upgraded.dispose()


def _with_a_fact(session, gid: int, start: date, end: date) -> set[int]:
    """The memberships of the group with a check-in, contribution, chat day or attended activity in [start, end]."""
    from sqlalchemy import text

    rows = session.execute(
        text(
            "SELECT membership_id FROM checkin WHERE group_id = :g AND day BETWEEN :a AND :b "
            "UNION SELECT membership_id FROM contribution WHERE group_id = :g AND day BETWEEN :a AND :b "
            "UNION SELECT membership_id FROM chat_activity WHERE group_id = :g AND day BETWEEN :a AND :b "
            "UNION SELECT t.membership_id FROM attendance t JOIN activity v ON v.id = t.activity_id "
            "WHERE v.group_id = :g AND t.status = 'attended' AND v.starts_at >= :a0 AND v.starts_at < :b1"
        ),
        {
            "g": gid,
            "a": start,
            "b": end,
            "a0": datetime.combine(start, datetime.min.time()),
            "b1": datetime.combine(end + timedelta(days=1), datetime.min.time()),
        },
    )
    return {r[0] for r in rows}


def test_participated_from_the_kept_day_equals_the_fact_tables(ws):
    """`participated` (read from last_active) selects exactly the memberships with a fact in the window, found
    here in the fact tables themselves: for windows ending today, windows in the past (a last day after the window), a future-dated
    activity attended, and a member who never took part — also negated (the dormant lists use NOT)."""
    from models.queries.participation import participated

    database, owner, gid, ids = ws
    a, b, c = ids["张三"], ids["李四"], ids["王五"]
    with database.session() as s:
        record_checkins(s, owner, gid, date(2026, 11, 3), [a])
        record_checkins(s, owner, gid, date(2026, 11, 20), [a])
        act = create_activity(
            s,
            owner,
            gid,
            ActivityInput(title="线下见面会", kind="knowledge_share", starts_at=datetime(2026, 12, 5, 14, 0)),
        )
        # marked ahead: dated after "today" (2026-11-30). The service refuses that now (participation.
        # _refuse_before_it_happens); a workspace may still hold such a row from before, so it is written directly
        from models import Attendance

        s.add(Attendance(activity_id=act, membership_id=b, status="attended", role="attendee", recorded_by=owner.id))
        add_contribution(s, owner, b, "share", date(2026, 11, 5), title="笔记")
        s.commit()
    windows = [
        (date(2026, 11, 24), date(2026, 11, 30)),  # the last 7 days
        (date(2026, 11, 1), date(2026, 11, 30)),  # the month
        (date(2026, 11, 1), date(2026, 11, 10)),  # in the past: a's last day (11-20) is after it
        (date(2026, 11, 11), date(2026, 11, 19)),  # between a's two check-ins
        (date(2026, 12, 1), date(2026, 12, 31)),  # the future activity
        (date(2026, 11, 21), date(2026, 12, 4)),
    ]
    with database.session() as s:
        for start, end in windows:
            facts = _with_a_fact(s, gid, start, end)
            kept_way = set(s.scalars(select(Membership.id).where(participated(start, end))))
            assert kept_way == facts, (start, end)
            idle = set(s.scalars(select(Membership.id).where(Membership.group_id == gid, ~participated(start, end))))
            assert idle == {a, b, c} - facts, (start, end)
            # the small-group form (the group's facts collected once) selects the same memberships
            small = participated(start, end, facts_of_group=gid)
            assert set(s.scalars(select(Membership.id).where(Membership.group_id == gid, small))) == facts
            assert set(s.scalars(select(Membership.id).where(Membership.group_id == gid, ~small))) == idle
        assert c in idle  # never took part: last_active is NULL, and NOT participated keeps them


def test_a_failed_demo_leaves_the_triggers_in_place(tmp_path, monkeypatch):
    from desktop import demo

    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-18")
    database = open_workspace(tmp_path / "demo.sqlite")
    try:
        with database.engine.connect() as conn:
            triggers = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").scalar()
        assert triggers > 0

        def broken(self):
            raise RuntimeError("disk trouble halfway")

        monkeypatch.setattr(demo._Builder, "write_checkins", broken)
        with pytest.raises(RuntimeError):
            demo.build_demo(database.engine, groups=2, members=50, months=1, seed=3)
        with database.engine.connect() as conn:
            assert (
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").scalar() == triggers
            )
            assert conn.exec_driver_sql("SELECT count(*) FROM member").scalar() == 0  # nothing half written
    finally:
        database.dispose()


def test_a_leaving_dated_before_logged_check_ins_takes_back_the_bonus_its_cut_leave_made(ws):
    """Check-ins on the 1st–3rd and 5th–8th with a 请假 on the 4th: a 7-day run, +5 on the 8th. Marked left as of the
    4th (the member dialog's leaving date), the leave is cut (end_leaves) and the run is two runs: the bonus goes in
    the same transaction — it stayed in the balance (recompute said −5) and, the member gone, nothing reconciled it."""
    from desktop.services.points import recompute_preview
    from desktop.services.roster import get_member_input, leaves_of, undo_member_edit, update_member

    database, owner, gid, ids = ws
    a = ids["张三"]
    first = date(2026, 11, 1)
    with database.session() as s:
        for i in (0, 1, 2, 4, 5, 6, 7):
            record_checkins(s, owner, gid, first + timedelta(days=i), [a])
        record_leave(s, owner, a, first + timedelta(days=3), first + timedelta(days=3), "出差")
        s.commit()
    points_before = _kept(database, a)[0]
    with database.session() as s:
        assert recompute_preview(s, gid) == []
        before, spans = get_member_input(s, a), leaves_of(s, a)
        data = get_member_input(s, a)
        data.status, data.left_at = "left", datetime(2026, 11, 4, 12, 0)
        update_member(s, owner, a, data)
        s.commit()
    _no_drift(database)
    with database.session() as s:
        assert leaves_of(s, a) == []
        assert recompute_preview(s, gid) == []
    assert _kept(database, a)[0] == points_before - 5
    with database.session() as s:  # the undo puts the leave back, and the bonus with it
        undo_member_edit(s, owner, a, before, spans)
        s.commit()
        assert recompute_preview(s, gid) == []
    assert _kept(database, a)[0] == points_before
    _no_drift(database)


def test_a_recompute_after_a_streak_rule_change_is_not_paid_again_by_the_next_check_in(ws):
    """Seven days with a 补卡 on the 4th: no bonus. The group then counts 补卡 for streaks and recompute gives the +5
    — as a lump 'recompute' entry, while the rule change had cleared the streak mark: the next check-in reconciled the
    bonus days and awarded the 7th's +5 again (18 where the rules give 13). Recompute now settles the bonuses day by
    day; and with the streak7 rule switched off it reverses them, so switching it back on pays them once."""
    from desktop.services.checkins import CheckinEntry
    from desktop.services.group_profile import update_group_profile
    from desktop.services.points import recompute_preview, set_rule

    database, owner, gid, ids = ws
    a = ids["张三"]
    first = date(2026, 11, 1)
    with database.session() as s:
        for i in range(7):
            record_checkins(s, owner, gid, first + timedelta(days=i), [CheckinEntry(a, None, i == 3)])
        s.commit()
    assert _kept(database, a)[0] == 7
    with database.session() as s:
        update_group_profile(s, owner, gid, late_checkins_count_for_streak=True)
        assert recompute_apply(s, owner, gid, day=date(2026, 11, 7)) == 1
        s.commit()
    assert _kept(database, a)[0] == 12
    with database.session() as s:
        record_checkins(s, owner, gid, first + timedelta(days=7), [a])
        s.commit()
        assert recompute_preview(s, gid) == []
    assert _kept(database, a)[0] == 13
    _no_drift(database)

    with database.session() as s:  # streak7 off: recompute takes the bonus back; on again: the next day pays it once
        set_rule(s, owner, gid, "streak7", active=False)
        recompute_apply(s, owner, gid, day=date(2026, 11, 8))
        s.commit()
    assert _kept(database, a)[0] == 8
    with database.session() as s:
        set_rule(s, owner, gid, "streak7", active=True)
        record_checkins(s, owner, gid, first + timedelta(days=8), [a])
        s.commit()
        assert recompute_preview(s, gid) == []
    assert _kept(database, a)[0] == 9 + 5
    _no_drift(database)
