"""Two assistants at once on one workspace (PRODUCT §3.7), each with a connection of their own, on a real SQLite file
and a real PostgreSQL database: one writer's transaction is held open (written, not committed) while the other's
runs in a thread, then committed. Whatever the order, no check-in or place is lost, no points are left for what no
longer exists, and the writer that comes second gets a named outcome — never a foreign-key violation.

The order of the two is forced: the first writer's transaction is open (its rows written) when the second starts;
the second is given time to read before the first commits (without the row locks it read the old state and wrote
over the first's rows)."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.errors import NotFound
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.members import merge_members
from desktop.services.operators import add_operator, get_actor
from desktop.services.participation import ActivityInput, create_activity, delete_activity, set_attendance
from desktop.services.roster import MemberInput, add_member
from models import Attendance, CheckIn, Membership, PointsEntry, kept
from models.db import open_database

JOINED = datetime(2026, 10, 1, 9, 0)
DAY = date(2026, 11, 17)
TODAY = date(2026, 11, 18)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (QUNDESK_TEST_TODAY): their facts are dated 17 and
    18 November 2026, and a check-in, a place or a leaving after the app's today is refused."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def second(workspace):
    """The other assistant's own connection to the same workspace."""
    database = open_database(workspace.engine.url.render_as_string(hide_password=False), migrate=False)
    try:
        yield database
    finally:
        database.dispose()


def _setup(workspace, owner, names):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        ids = {n: add_member(s, owner, gid, MemberInput(display_name=n, joined_at=JOINED)) for n in names}
        add_operator(s, owner, "助理B", "assistant")
        s.commit()
    return gid, ids


def _meanwhile(first_session, other) -> dict:
    """Run `other()` in a thread while `first_session` holds its transaction open; commit it after the other had
    time to read; return what the other gave (`value`) or raised (`error`)."""
    out: dict = {}

    def run() -> None:
        try:
            out["value"] = other()
        except Exception as exc:  # the test looks at it
            out["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.8)
    first_session.commit()
    first_session.close()
    thread.join(30)
    assert not thread.is_alive()
    return out


def _merge(database, owner, keep: int, drop: int):
    with database.session() as s:
        summary = merge_members(s, owner, keep, drop)
        s.commit()
        return summary


def test_a_checkin_logged_while_the_record_is_merged_away_is_kept(workspace, owner, second):
    gid, ids = _setup(workspace, owner, ["张三", "张三 (旧)"])
    (keep, keep_ms), (drop, drop_ms) = ids["张三"], ids["张三 (旧)"]
    s = second.session()
    assistant = get_actor(s, "助理B")
    logged = record_checkins(s, assistant, gid, DAY, [drop_ms], today=TODAY)
    assert logged.logged == (drop_ms,)  # the assistant is told it is logged …

    out = _meanwhile(s, lambda: _merge(workspace, owner, keep, drop))

    assert "error" not in out, out
    with workspace.session() as s:
        # … and it is: on the kept record (the merge deleted it with the dropped membership, points and all)
        assert s.execute(select(CheckIn.membership_id, CheckIn.day)).all() == [(keep_ms, DAY)]
        assert s.scalars(select(PointsEntry.points).where(PointsEntry.membership_id == keep_ms)).all() == [1]
        assert s.get(Membership, keep_ms).points_balance == 1
        assert kept.drift(s.connection()) == []


def test_a_checkin_of_a_record_being_merged_away_is_a_named_refusal(workspace, owner, second):
    gid, ids = _setup(workspace, owner, ["张三", "张三 (旧)"])
    (keep, keep_ms), (drop, drop_ms) = ids["张三"], ids["张三 (旧)"]
    s = workspace.session()
    merge_members(s, owner, keep, drop)

    def log():
        with second.session() as s2:
            result = record_checkins(s2, get_actor(s2, "助理B"), gid, DAY, [drop_ms], today=TODAY)
            s2.commit()
            return result

    out = _meanwhile(s, log)

    assert "value" not in out
    assert isinstance(out["error"], NotFound), repr(out.get("error"))  # not a foreign-key violation
    with workspace.session() as s:
        assert s.execute(select(CheckIn.id)).all() == []
        assert s.execute(select(PointsEntry.id)).all() == []
        assert kept.drift(s.connection()) == []
    with second.session() as s2:  # the membership kept takes the check-in: nothing half-written stands in the way
        assert record_checkins(s2, get_actor(s2, "助理B"), gid, DAY, [keep_ms], today=TODAY).logged == (keep_ms,)
        s2.commit()


def test_a_place_recorded_while_the_activity_is_deleted_leaves_no_points_behind(workspace, owner, second):
    gid, ids = _setup(workspace, owner, ["李四"])
    ms = ids["李四"][1]
    with workspace.session() as s:
        aid = create_activity(s, owner, gid, ActivityInput("读书分享会", starts_at=datetime(2026, 11, 17, 20)))
        s.commit()
    s = second.session()
    assert set_attendance(s, get_actor(s, "助理B"), aid, ms, "attended") == "attended"

    def remove():
        with workspace.session() as s1:
            taken = delete_activity(s1, owner, aid)
            s1.commit()
            return taken

    out = _meanwhile(s, remove)

    assert out == {"value": 3}  # the place recorded meanwhile was read: its +3 is taken back
    with workspace.session() as s:
        assert s.execute(select(Attendance.id)).all() == []
        assert sum(s.scalars(select(PointsEntry.points).where(PointsEntry.membership_id == ms))) == 0
        assert s.get(Membership, ms).points_balance == 0
        assert kept.drift(s.connection()) == []


def test_a_place_on_an_activity_being_deleted_is_a_named_refusal(workspace, owner, second):
    gid, ids = _setup(workspace, owner, ["李四"])
    ms = ids["李四"][1]
    with workspace.session() as s:
        aid = create_activity(s, owner, gid, ActivityInput("读书分享会", starts_at=datetime(2026, 11, 17, 20)))
        s.commit()
    s = workspace.session()
    delete_activity(s, owner, aid)

    def mark():
        with second.session() as s2:
            status = set_attendance(s2, get_actor(s2, "助理B"), aid, ms, "attended")
            s2.commit()
            return status

    out = _meanwhile(s, mark)

    assert isinstance(out.get("error"), NotFound), out
    with workspace.session() as s:
        assert s.execute(select(PointsEntry.id)).all() == []
        assert kept.drift(s.connection()) == []


def test_two_assistants_paste_the_same_chain_with_a_newcomer_at_the_same_moment(workspace, owner, second):
    """Both see 新人小王 on nobody's roster and choose "add as new member"; both commit at once (a barrier). One
    新人小王 is made and checked in once; everyone else once; the second assistant's lines are "already" — no error,
    no second person counted in the figures."""
    from desktop.services.paste import PlannedCheckin, certain_plan, commit_paste, preview_paste
    from desktop.tasks import Progress
    from models import Member

    names = [f"成员{i}" for i in range(8)]
    gid, ids = _setup(workspace, owner, names)
    with workspace.session() as s:
        add_operator(s, owner, "助理A", "assistant")
        s.commit()
    chain = "#接龙\n11月18日 早起打卡\n" + "\n".join(f"{i + 1}. {n}" for i, n in enumerate(names)) + "\n9. 新人小王\n"
    plans = []
    for database, who in ((workspace, "助理A"), (second, "助理B")):
        with database.session() as s:
            preview = preview_paste(s, gid, TODAY, chain)
            actor = get_actor(s, who)
        assert {m.name for m in preview.matches if m.status == "unmatched"} == {"新人小王"}
        plan = certain_plan(preview.matches) + [PlannedCheckin(None, TODAY, None, False, "新人小王", 11)]
        plans.append((database, actor, plan))
    barrier = threading.Barrier(2)
    outcomes: list = [None, None]

    def paste(i: int) -> None:
        database, actor, plan = plans[i]
        barrier.wait()
        try:
            outcomes[i] = commit_paste(
                Progress(), database=database, actor=actor, group_id=gid, day=TODAY, planned=plan, today=TODAY
            )
        except Exception as exc:  # the test looks at it
            outcomes[i] = exc

    threads = [threading.Thread(target=paste, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert all(not isinstance(o, Exception) for o in outcomes), outcomes
    assert sorted(len(o.logged) for o in outcomes) == [0, 9]
    assert sorted(len(o.already) for o in outcomes) == [0, 9]
    assert sorted(len(o.new_membership_ids) for o in outcomes) == [0, 1]
    with workspace.session() as s:
        newcomers = s.scalars(select(Member.id).where(Member.display_name == "新人小王")).all()
        assert len(newcomers) == 1
        assert len(s.execute(select(CheckIn.id)).all()) == 9
        assert sum(s.scalars(select(PointsEntry.points))) == 9
        assert kept.drift(s.connection()) == []


def test_three_assistants_logging_several_days_at_once_never_deadlock(workspace, owner, second):
    """Pastes that name several days (补卡 lines, a 打卡表) by three assistants at once, each transaction run once
    (no retry): the memberships are taken in one order, so none is chosen as a deadlock victim (PostgreSQL 40P01:
    one transaction in three was, each after a second's wait). The totals are exact and the ledger is what
    recompute gives."""
    import random
    from datetime import timedelta

    from desktop.services.checkins import record_checkins_by_day
    from desktop.services.points import recompute_preview

    names = [f"成员{i:02d}" for i in range(30)]
    gid, ids = _setup(workspace, owner, names)
    with workspace.session() as s:
        for name in ("助理A", "助理C"):
            add_operator(s, owner, name, "assistant")
        s.commit()
    memberships = [ms for _m, ms in ids.values()]
    barrier = threading.Barrier(3)
    errors: list[str] = []
    wanted: set[tuple[int, date]] = set()
    plans = []
    for seed in range(3):
        rng = random.Random(seed)
        calls = [
            {date(2026, 11, 1) + timedelta(days=rng.randrange(15)): rng.sample(memberships, 8) for _ in range(4)}
            for _ in range(10)
        ]
        wanted |= {(ms, d) for call in calls for d, mss in call.items() for ms in mss}
        plans.append(calls)

    def assistant(i: int, name: str) -> None:
        database = (workspace, second, second)[i]
        with database.session() as s:
            actor = get_actor(s, name)
        barrier.wait()
        for by_day in plans[i]:
            try:
                with database.session() as s:
                    record_checkins_by_day(s, actor, gid, by_day, today=TODAY)
                    s.commit()
            except Exception as exc:  # the test fails on any
                errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")

    threads = [threading.Thread(target=assistant, args=(i, n)) for i, n in enumerate(("助理A", "助理B", "助理C"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with workspace.session() as s:
        rows = s.execute(select(CheckIn.membership_id, CheckIn.day)).all()
        assert len(rows) == len(wanted) and set(rows) == wanted
        checkin_points = s.scalars(select(PointsEntry.points).where(PointsEntry.source_kind == "checkin")).all()
        assert len(checkin_points) == len(wanted)
        assert kept.drift(s.connection()) == []
        assert recompute_preview(s, gid) == []


def test_two_assistants_typing_the_same_new_tag_at_once_both_keep_it(workspace, owner, second):
    """Both tag someone 铁粉, a tag nobody had: the second's INSERT of the tag was a unique violation (a traceback
    in the window, the edit lost). Now one tag, on both people."""
    from desktop.services.members import bulk_tag
    from models import Member, Tag

    gid, ids = _setup(workspace, owner, ["甲", "乙"])
    s = workspace.session()
    assert bulk_tag(s, owner, [ids["甲"][1]], "铁粉") == 1
    s.flush()

    def tag():
        with second.session() as s2:
            n = bulk_tag(s2, get_actor(s2, "助理B"), [ids["乙"][1]], "铁粉")
            s2.commit()
            return n

    out = _meanwhile(s, tag)

    assert out == {"value": 1}
    with workspace.session() as s:
        assert s.scalars(select(Tag.name)).all() == ["铁粉"]
        for name in ("甲", "乙"):
            assert [t.name for t in s.get(Member, ids[name][0]).tags] == ["铁粉"]


def test_a_newcomer_added_from_yesterdays_chain_is_checked_in_for_yesterday(workspace, owner):
    """Yesterday's chain pasted today with a name nobody has, "add as new member": the person was added as joining
    now, so their check-in for yesterday was refused ("joined on the 18th: no check-in for the 17th") and the whole
    paste with it. They join at the start of the chain's day and are checked in."""
    from desktop.services.paste import PlannedCheckin, certain_plan, commit_paste, preview_paste
    from desktop.tasks import Progress
    from models import Member

    gid, ids = _setup(workspace, owner, ["成员一"])
    with workspace.session() as s:
        preview = preview_paste(s, gid, DAY, "#接龙\n11月17日 早起打卡\n1. 成员一\n2. 新人小王\n")
    plan = certain_plan(preview.matches) + [PlannedCheckin(None, DAY, None, False, "新人小王", 4)]
    outcome = commit_paste(Progress(), database=workspace, actor=owner, group_id=gid, day=DAY, planned=plan)
    assert len(outcome.logged) == 2 and len(outcome.new_membership_ids) == 1
    with workspace.session() as s:
        ms = s.get(Membership, outcome.new_membership_ids[0])
        assert s.get(Member, ms.member_id).display_name == "新人小王"
        assert ms.joined_at == datetime(2026, 11, 17, 0, 0) and ms.status == "active"
        assert s.execute(select(CheckIn.day).where(CheckIn.membership_id == ms.id)).all() == [(DAY,)]


def test_two_assistants_ticking_the_same_person_attended_pay_the_points_once(workspace, owner, second):
    gid, ids = _setup(workspace, owner, ["李四"])
    ms = ids["李四"][1]
    with workspace.session() as s:
        aid = create_activity(s, owner, gid, ActivityInput("读书分享会", starts_at=datetime(2026, 11, 17, 20)))
        s.commit()
    s = workspace.session()
    set_attendance(s, owner, aid, ms, "attended")

    def mark():
        with second.session() as s2:
            status = set_attendance(s2, get_actor(s2, "助理B"), aid, ms, "attended")
            s2.commit()
            return status

    out = _meanwhile(s, mark)

    assert out == {"value": "attended"}
    with workspace.session() as s:
        assert s.scalars(select(PointsEntry.points).where(PointsEntry.membership_id == ms)).all() == [3]
        assert s.get(Membership, ms).points_balance == 3
        assert kept.drift(s.connection()) == []


def _newcomer(workspace, owner):
    from desktop.services.onboarding import list_steps

    gid, _ids = _setup(workspace, owner, [])
    with workspace.session() as s:
        ms = add_member(s, owner, gid, MemberInput(display_name="新人", status="onboarding"))[1]
        required = [st.id for st in list_steps(s, gid) if st.required]
        s.commit()
    assert len(required) >= 2
    return ms, required


def test_two_assistants_ticking_the_last_two_steps_at_once_make_the_newcomer_a_member(workspace, owner, second):
    """Each saw the other's step undone: every required step was done and the newcomer stayed 入群中."""
    from desktop.services.onboarding import record_step

    ms, required = _newcomer(workspace, owner)
    with workspace.session() as s:
        for step in required[:-2]:
            record_step(s, owner, ms, step)
        s.commit()
    s = workspace.session()
    record_step(s, owner, ms, required[-2])

    def tick():
        with second.session() as s2:
            outcome = record_step(s2, get_actor(s2, "助理B"), ms, required[-1])
            s2.commit()
            return outcome

    out = _meanwhile(s, tick)

    assert out["value"].became_active and out["value"].status == "active"
    with workspace.session() as s:
        assert s.get(Membership, ms).status == "active"


def test_two_assistants_ticking_the_same_step_at_once_is_one_step_done(workspace, owner, second):
    from desktop.services.onboarding import record_step
    from models import StepProgress

    ms, required = _newcomer(workspace, owner)
    s = workspace.session()
    record_step(s, owner, ms, required[0])

    def tick():
        with second.session() as s2:
            outcome = record_step(s2, get_actor(s2, "助理B"), ms, required[0])
            s2.commit()
            return outcome

    out = _meanwhile(s, tick)

    assert "error" not in out, out  # was a unique violation
    with workspace.session() as s:
        rows = s.execute(select(StepProgress.step_id).where(StepProgress.membership_id == ms)).all()
        assert rows == [(required[0],)]


def test_saving_the_member_dialog_keeps_what_others_changed_since_it_opened(workspace, owner):
    """The dialog is opened on 张三 (get_member_input); meanwhile another assistant marks 张三 left and tags them
    优秀学员, and an import corrects the phone; then the dialog's user changes the city and saves, as the dialog
    does (loaded=what it opened with). Only the city is this edit: 张三 stays left with their reason, day, phone and
    tag — saving had made them a member again, with the old phone and without the tag, all under this user's name."""
    from desktop.services.members import bulk_tag
    from desktop.services.onboarding import leave_group
    from desktop.services.roster import get_member_input, update_member
    from models import AuditEntry, Member

    gid, ids = _setup(workspace, owner, [])
    with workspace.session() as s:
        member_id, ms = add_member(
            s, owner, gid, MemberInput(display_name="张三", phone="13800138000", tags=["早起"], joined_at=JOINED)
        )
        s.commit()
        loaded = get_member_input(s, ms)
    with workspace.session() as s:  # the others, meanwhile
        leave_group(s, owner, ms, "换了工作", when=datetime(2026, 11, 10, 9, 0))
        bulk_tag(s, owner, [ms], "优秀学员")
        s.get(Member, member_id).phone = "13900139000"
        s.commit()
    from dataclasses import replace

    with workspace.session() as s:
        update_member(s, owner, ms, replace(loaded, city="杭州"), loaded=loaded)
        s.commit()
    with workspace.session() as s:
        now = get_member_input(s, ms)
        assert now.city == "杭州"
        assert (now.status, now.left_at, now.left_reason) == ("left", datetime(2026, 11, 10, 9, 0), "换了工作")
        assert now.phone == "13900139000"
        assert sorted(now.tags) == ["优秀学员", "早起"]
        summary = s.scalars(
            select(AuditEntry.summary).where(AuditEntry.action == "member.update").order_by(AuditEntry.id.desc())
        ).first()
        assert "杭州" in summary and "status" not in summary and "phone" not in summary
    with workspace.session() as s:  # the user's own edits still win: a tag taken off, the status set back
        loaded = get_member_input(s, ms)
        update_member(s, owner, ms, replace(loaded, tags=["早起"], status="active", left_at=None), loaded=loaded)
        s.commit()
        now = get_member_input(s, ms)
        assert now.tags == ["早起"] and now.status == "active" and now.left_at is None


def test_two_assistants_recording_overlapping_leave_at_once_one_is_told_it_overlaps(workspace, owner, second):
    from desktop.errors import ValidationError
    from desktop.services.checkins import record_leave
    from models import Leave

    gid, ids = _setup(workspace, owner, ["王五"])
    ms = ids["王五"][1]
    s = workspace.session()
    record_leave(s, owner, ms, date(2026, 11, 10), date(2026, 11, 14), "出差")

    def other():
        with second.session() as s2:
            leave = record_leave(s2, get_actor(s2, "助理B"), ms, date(2026, 11, 12), date(2026, 11, 16), "生病")
            s2.commit()
            return leave

    out = _meanwhile(s, other)

    assert isinstance(out.get("error"), ValidationError) and "overlap" in str(out["error"]), out
    with workspace.session() as s:
        assert s.execute(select(Leave.reason)).all() == [("出差",)]


def test_one_checkin_undone_by_two_assistants_at_once_takes_its_point_back_once(workspace, owner, second):
    from desktop.services.checkins import undo_checkin

    gid, ids = _setup(workspace, owner, ["赵六"])
    ms = ids["赵六"][1]
    with workspace.session() as s:
        record_checkins(s, owner, gid, DAY, [ms], today=TODAY)
        s.commit()
    s = workspace.session()
    assert undo_checkin(s, owner, ms, DAY) is True

    def other():
        with second.session() as s2:
            undone = undo_checkin(s2, get_actor(s2, "助理B"), ms, DAY)
            s2.commit()
            return undone

    out = _meanwhile(s, other)

    assert out == {"value": False}  # nothing left to undo
    with workspace.session() as s:
        assert s.execute(select(CheckIn.id)).all() == []
        assert sum(s.scalars(select(PointsEntry.points).where(PointsEntry.membership_id == ms))) == 0
        assert s.get(Membership, ms).points_balance == 0
        assert kept.drift(s.connection()) == []


def test_a_contribution_removed_by_two_assistants_at_once_takes_its_points_back_once(workspace, owner, second):
    from desktop.services.participation import add_contribution, remove_contribution

    gid, ids = _setup(workspace, owner, ["孙七"])
    ms = ids["孙七"][1]
    with workspace.session() as s:
        cid = add_contribution(s, owner, ms, "share", DAY, "读书笔记")
        s.commit()
        earned = sum(s.scalars(select(PointsEntry.points).where(PointsEntry.membership_id == ms)))
    assert earned > 0
    s = workspace.session()
    remove_contribution(s, owner, cid)

    def other():
        with second.session() as s2:
            remove_contribution(s2, get_actor(s2, "助理B"), cid)
            s2.commit()

    out = _meanwhile(s, other)

    assert isinstance(out.get("error"), NotFound), out
    with workspace.session() as s:
        assert sum(s.scalars(select(PointsEntry.points).where(PointsEntry.membership_id == ms))) == 0
        assert kept.drift(s.connection()) == []


def test_undoing_an_edit_puts_back_only_what_it_changed(workspace, owner):
    """张三's city was edited here; another assistant then marked them left; the edit is undone (Ctrl+Z, as the
    roster's undo stack runs it): the city goes back, 张三 stays left — the undo had saved back every field."""
    from dataclasses import replace

    from desktop.services.onboarding import leave_group
    from desktop.services.roster import get_member_input, undo_member_edit, update_member

    gid, ids = _setup(workspace, owner, ["张三"])
    ms = ids["张三"][1]
    with workspace.session() as s:
        before = get_member_input(s, ms)
        update_member(s, owner, ms, replace(before, city="杭州"), loaded=before)
        s.commit()
        after = get_member_input(s, ms)
    with workspace.session() as s:
        leave_group(s, owner, ms, "换了工作", when=datetime(2026, 11, 10, 9, 0))
        s.commit()
    with workspace.session() as s:
        undo_member_edit(s, owner, ms, before, [], edited=after)
        s.commit()
        now = get_member_input(s, ms)
    assert now.city is None
    assert (now.status, now.left_reason) == ("left", "换了工作")


def test_a_paste_naming_someone_marked_left_since_its_preview_names_them(workspace, owner):
    """The chain was previewed; another assistant marked 王五 left today before the commit: nothing is logged (one
    transaction) and the refusal names 王五 — it named "membership 3", which nobody on screen is."""
    from desktop.errors import ValidationError
    from desktop.services.onboarding import leave_group
    from desktop.services.paste import certain_plan, commit_paste, preview_paste
    from desktop.tasks import Progress

    gid, ids = _setup(workspace, owner, ["成员一", "王五"])
    with workspace.session() as s:
        preview = preview_paste(s, gid, TODAY, "#接龙\n11月18日 早起打卡\n1. 成员一\n2. 王五\n")
    with workspace.session() as s:
        leave_group(s, owner, ids["王五"][1], "退群了")
        s.commit()
    with pytest.raises(ValidationError) as refused:
        commit_paste(
            Progress(),
            database=workspace,
            actor=owner,
            group_id=gid,
            day=TODAY,
            planned=certain_plan(preview.matches),
            today=TODAY,
        )
    assert "「王五」现在不是已入群成员" in str(refused.value)
    assert "(王五 is not an active member now" in str(refused.value)
    with workspace.session() as s:
        assert s.execute(select(CheckIn.id)).all() == []
