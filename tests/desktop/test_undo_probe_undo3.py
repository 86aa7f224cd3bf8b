"""Probe undo3: every way back leaves the workspace as if the write had never happened — the rows, the kept values
(points balance, last day, equal to a fresh computation), the streak, no ledger row that still counts, the audit
saying both, the month's workbook read back — and the undo of a paste takes back only what that paste logged, by
one rule for the window and the CLI (`paste.undo_paste`), whatever happened since to the people it named."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.services.checkins import record_checkins, record_leave, remove_leave, streaks, undo_checkin
from desktop.services.groups import create_group
from desktop.services.members import merge_members
from desktop.services.merge_undo import last_undoable_merge, undo_merge
from desktop.services.participation import ActivityInput, add_violation, create_activity, remove_place, set_attendance
from desktop.services.paste import (
    EARLIER_PASTE,
    GONE,
    LATER_PASTE,
    NO_CHECKIN,
    NOT_PASTED,
    UNDONE,
    PlannedCheckin,
    certain_plan,
    commit_paste,
    preview_paste,
    undo_paste,
)
from desktop.services.points import (
    adjust_points,
    adjust_points_batch,
    leaderboard,
    recompute_preview,
    undo_adjustment,
    undo_adjustment_batch,
)
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member, get_member_input, update_member
from desktop.tasks import Progress
from desktop.workspace import actor_for
from models import AuditEntry, Membership, PointsEntry, clock, kept
from models.base import Base

TODAY = date(2026, 11, 20)
JOINED = datetime(2026, 10, 1, 9, 0)
CHAIN = "#接龙 早起打卡\n1. 王芳 6:01\n2. 李娜 6:05\n3. 周杰\n"
# the columns a write and its undo may leave changed: when things were written, and the streak mark (a cache)
VOLATILE = {"updated_at", "streak_checked", "created_at", "logged_at"}
# the append-only tables (compared by what counts: the ledger's standing entries; the audit says both)
APPEND_ONLY = {"audit_log", "points_entry", "merge_undo", "setting_history"}


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day: their facts are dated October and November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def world(sqlite_workspace):
    """早起营 (王芳, 李娜, 周杰) and 读书会 (王芳 again, 赵磊); 王芳 and 李娜 checked in the six days before today, so
    that today's check-in completes a week (+5)."""
    db = sqlite_workspace
    owner = actor_for(db)
    with db.session() as s:
        early = create_group(s, owner, "早起营")
        books = create_group(s, owner, "读书会")
        ms = {
            n: add_member(s, owner, early, MemberInput(display_name=n, joined_at=JOINED))[1]
            for n in ("王芳", "李娜", "周杰")
        }
        for n in ("王芳", "赵磊"):
            ms[f"读书会{n}"] = add_member(s, owner, books, MemberInput(display_name=n, joined_at=JOINED))[1]
        for k in range(6, 0, -1):
            record_checkins(s, owner, early, TODAY - timedelta(days=k), [ms["王芳"], ms["李娜"]], today=TODAY)
        s.commit()
    return db, owner, early, books, ms


def _state(s) -> dict:
    """Every table but the append-only ones, row for row; and of the ledger what counts: each membership's points
    per day, and the entries that stand (neither reversed nor a reversal)."""
    out = {}
    for t in Base.metadata.sorted_tables:
        if t.name in APPEND_ONLY:
            continue
        cols = [c for c in t.columns if c.name not in VOLATILE]
        out[t.name] = sorted(tuple(str(v) for v in r) for r in s.execute(select(*cols)).all())
    net = (
        select(PointsEntry.membership_id, PointsEntry.day, func.sum(PointsEntry.points))
        .group_by(PointsEntry.membership_id, PointsEntry.day)
        .having(func.sum(PointsEntry.points) != 0)
    )
    out["ledger per day"] = sorted(tuple(str(v) for v in r) for r in s.execute(net).all())
    return out


def _standing_since(s, last_id: int) -> list:
    """Ledger entries written after `last_id` that still count: not reversed, not a reversal, or of 0 points."""
    rows = s.execute(
        select(PointsEntry.id, PointsEntry.points, PointsEntry.reverses_id, PointsEntry.reason).where(
            PointsEntry.id > last_id
        )
    ).all()
    reversed_ids = {r.reverses_id for r in rows if r.reverses_id is not None}
    return [r for r in rows if r.points == 0 or (r.reverses_id is None and r.id not in reversed_ids)]


def _workbook(db, owner, groups, path) -> dict:
    """The month's workbook read back: every sheet's cells, but the 积分 sheet's 明细 (the ledger itself, append-only:
    it lists an entry and its reversal) — its boards above it are compared."""
    export_monthly_report(db, owner, year=2026, month=11, group_ids=groups, path=path, today=TODAY)
    book = load_workbook(path)
    out = {}
    for ws in book.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        if ws.title == "积分":
            cut = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith("本月积分明细"))
            rows = rows[:cut]
        out[ws.title] = rows
    return out


def _round_trip(world, tmp_path, do, undo) -> list[str]:
    """Do, undo, and compare: the rows, the kept values, the ledger, the streaks, the workbook. Returns the audit
    actions written between."""
    db, owner, early, books, ms = world
    with db.session() as s:
        before = _state(s)
        last_entry = s.scalar(select(func.coalesce(func.max(PointsEntry.id), 0)))
        last_audit = s.scalar(select(func.coalesce(func.max(AuditEntry.id), 0)))
        runs = {m: streaks(s, m, TODAY) for m in ms.values()}
    book = _workbook(db, owner, [early, books], tmp_path / "before.xlsx")
    with db.session() as s:
        do(s)
        s.commit()
    with db.session() as s:
        undo(s)
        s.commit()
    with db.session() as s:
        assert _state(s) == before
        assert kept.drift(s.connection()) == []
        assert _standing_since(s, last_entry) == []
        assert {m: streaks(s, m, TODAY) for m in ms.values()} == runs
        assert recompute_preview(s, early) == [] and recompute_preview(s, books) == []
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.id > last_audit).order_by(AuditEntry.id)))
    assert _workbook(db, owner, [early, books], tmp_path / "after.xlsx") == book
    return actions


def _paste(db, owner, group, day=TODAY, text=CHAIN):
    with db.session() as s:
        plan = certain_plan(preview_paste(s, group, day, text).matches)
    return commit_paste(Progress(), database=db, actor=owner, group_id=group, day=day, planned=plan)


def test_a_chain_pasted_into_the_wrong_group_and_undone_leaves_no_row_on_its_boards(world, tmp_path):
    """王芳's chain of 早起营 pasted into 读书会, where a 王芳 is a member too: +1, then Undo this paste −1. 读书会's
    boards — the Points page's month and all time, the workbook's 本月积分榜 and 累计积分榜 — listed 王芳 at 0, a row
    for a check-in that never was. A member whose every entry was taken back is on no board now; one whose +10 and
    −10 are two facts stays at 0."""
    db, owner, early, books, ms = world
    state = {}

    def do(_s):
        state["outcome"] = _paste(db, owner, books)
        assert state["outcome"].logged == ((ms["读书会王芳"], TODAY),)  # 李娜 and 周杰 are no members there

    def undo(s):
        result = undo_paste(s, owner, books, state["outcome"].logged, logged_at=state["outcome"].logged_at)
        assert [x.kind for x in result.lines] == [UNDONE]

    assert _round_trip(world, tmp_path, do, undo) == ["checkin.record", "checkin.undo"]
    with db.session() as s:
        assert leaderboard(s, books, start=date(2026, 11, 1), end=date(2026, 11, 30)) == []
        assert leaderboard(s, books) == []
        # two facts adding up to 0 are on the board: 赵磊 came to a meetup (+10) and posted an ad (−10)
        meetup = create_activity(
            s, owner, books, ActivityInput("读书会线下", starts_at=datetime(2026, 11, 8, 14), online=False)
        )
        set_attendance(s, owner, meetup, ms["读书会赵磊"], "attended")
        add_violation(s, owner, ms["读书会赵磊"], "ad", date(2026, 11, 9))
        s.commit()
        board = leaderboard(s, books, start=date(2026, 11, 1), end=date(2026, 11, 30))
        assert [(r.display_name, r.points) for r in board] == [("赵磊", 0)]
        assert [(r.display_name, r.points) for r in leaderboard(s, books)] == [("赵磊", 0)]
    export_monthly_report(db, owner, year=2026, month=11, group_ids=[books], path=tmp_path / "b.xlsx", today=TODAY)
    rows = [r for r in load_workbook(tmp_path / "b.xlsx")["积分"].iter_rows(values_only=True) if r[0] == "读书会"]
    assert [r[1:4] for r in rows if isinstance(r[1], int)] == [(1, "赵磊", 0)]


@pytest.mark.parametrize(
    "kind",
    ["checkin", "paste", "makeup", "earlier_day_paste", "leave", "attendance", "adjustment", "batch", "merge"],
)
def test_each_way_back_leaves_the_workspace_as_before(world, tmp_path, kind):
    db, owner, early, books, ms = world
    state: dict = {}
    week_ago = TODAY - timedelta(days=8)
    if kind == "checkin":  # 王芳's 7th day (+1, +5)
        do = lambda s: record_checkins(s, owner, early, TODAY, [ms["王芳"]], today=TODAY)  # noqa: E731
        undo = lambda s: undo_checkin(s, owner, ms["王芳"], TODAY)  # noqa: E731
        expected = ["checkin.record", "checkin.undo"]
    elif kind in ("paste", "makeup", "earlier_day_paste"):
        text = {"paste": CHAIN, "makeup": "#接龙 早起打卡\n1. 周杰 补卡\n", "earlier_day_paste": CHAIN}[kind]
        day = week_ago if kind == "earlier_day_paste" else TODAY

        def do(_s):
            state["o"] = _paste(db, owner, early, day, text)
            assert state["o"].logged

        def undo(s):
            o = state["o"]
            assert undo_paste(s, owner, early, o.logged, logged_at=o.logged_at).undone == o.logged

        expected = ["checkin.record"] + ["checkin.undo"] * (1 if kind == "makeup" else 3)
    elif kind == "leave":  # a leave over two of 王芳's days: her run and its bonus move
        do = lambda s: state.update(id=record_leave(s, owner, ms["李娜"], TODAY - timedelta(days=9), week_ago))  # noqa: E731
        undo = lambda s: remove_leave(s, owner, state["id"])  # noqa: E731
        expected = ["leave.record", "leave.remove"]
    elif kind == "attendance":  # the activity is part of "before": made first, then the place
        with db.session() as s:
            act = create_activity(
                s, owner, early, ActivityInput("分享会", kind="knowledge_share", starts_at=datetime(2026, 11, 10, 20))
            )
            s.commit()
        do = lambda s: set_attendance(s, owner, act, ms["周杰"], "attended")  # noqa: E731
        undo = lambda s: remove_place(s, owner, act, ms["周杰"])  # noqa: E731
        expected = ["attendance.set", "attendance.remove"]
    elif kind == "adjustment":

        def do(s):
            adjust_points(s, owner, ms["周杰"], 50, "奖励", TODAY)
            state["e"] = s.scalar(select(func.max(PointsEntry.id)))

        undo = lambda s: undo_adjustment(s, owner, state["e"])  # noqa: E731
        expected = ["points.adjust", "points.adjust.undo"]
    elif kind == "batch":

        def do(s):
            state["b"] = adjust_points_batch(s, owner, early, [ms["周杰"], ms["李娜"]], 5, "带书", TODAY)

        def undo(s):
            first = s.scalar(select(func.min(PointsEntry.id)).where(PointsEntry.reason == "带书"))
            undo_adjustment_batch(s, owner, first)

        expected = None  # one audit row per member each way
    else:  # 周杰 merged into 王芳's record of 读书会's person (two groups), then the merge undone
        with db.session() as s:
            keep = s.get(Membership, ms["读书会王芳"]).member_id
            drop = s.get(Membership, ms["周杰"]).member_id
        do = lambda s: merge_members(s, owner, keep, drop)  # noqa: E731
        undo = lambda s: undo_merge(s, owner, last_undoable_merge(s, keep))  # noqa: E731
        expected = ["member.merge", "member.unmerge"]
    actions = _round_trip(world, tmp_path, do, undo)
    if expected is not None:
        assert actions == expected


def test_a_paste_undone_after_more_was_written_on_its_people_takes_back_only_its_own(world, tmp_path):
    """Undo this paste, after: 王芳's check-in undone by hand and logged again by hand (another assistant), 李娜's
    undone and logged again by a later paste, 周杰's record merged into another record of his that had checked in
    that day by hand. Each of those is not the paste's any more: before, the window's undo took back 王芳's and
    李娜's check-ins of that day whatever logged them, and said nothing of 周杰. Now nothing else is taken back, and
    each is said (the kind of each line); a check-in that undo does take back leaves the kept values right."""
    db, owner, early, books, ms = world
    outcome = _paste(db, owner, early)
    assert {m for m, _d in outcome.logged} == {ms["王芳"], ms["李娜"], ms["周杰"]}
    with db.session() as s:
        other = add_member(s, owner, early, MemberInput(display_name="周杰伦", wechat_id="zj_2", joined_at=JOINED))[1]
        record_checkins(s, owner, early, TODAY, [other], today=TODAY)  # by hand
        undo_checkin(s, owner, ms["王芳"], TODAY)
        record_checkins(s, owner, early, TODAY, [ms["王芳"]], today=TODAY)  # by hand again
        undo_checkin(s, owner, ms["李娜"], TODAY)
        s.commit()
        keep = s.get(Membership, other).member_id
        merge_members(s, owner, keep, s.get(Membership, ms["周杰"]).member_id)
        s.commit()
    later = _paste_later(db, owner, early, "#接龙 早起打卡\n1. 李娜\n", clock.now)
    assert later.logged == ((ms["李娜"], TODAY),)
    with db.session() as s:
        result = undo_paste(s, owner, early, outcome.logged, logged_at=outcome.logged_at)
        s.commit()
        kinds = {x.membership_id: x.kind for x in result.lines}
        assert kinds == {
            ms["王芳"]: NOT_PASTED,
            ms["李娜"]: LATER_PASTE,
            ms["周杰"]: GONE,
        }
        # nobody's check-in of the day was taken back: 王芳 (by hand), 李娜 (the later paste), 周杰伦 (his own)
        assert s.scalar(select(func.count()).select_from(Membership).where(Membership.id == ms["周杰"])) == 0
        from desktop.services.checkins import checkins_on

        assert {r.membership_id for r in checkins_on(s, early, TODAY)} == {ms["王芳"], ms["李娜"], other}
        assert kept.drift(s.connection()) == []
        assert recompute_preview(s, early) == []
    # the later paste, undone by the CLI's rule (no stamp given: the latest of these people's pastes)
    with db.session() as s:
        assert [x.kind for x in undo_paste(s, owner, early, later.logged).lines] == [UNDONE]
        again = undo_paste(s, owner, early, [(ms["李娜"], TODAY), (ms["王芳"], TODAY)])
        assert [x.kind for x in again.lines] == [NO_CHECKIN, NOT_PASTED]
        s.commit()


def test_the_cli_rule_keeps_an_earlier_paste_and_undoes_it_when_run_again(world):
    """Without a stamp (the CLI), "the last paste" is the latest of these people's: one logged by an earlier paste is
    kept and said, and is the last paste the next time."""
    db, owner, early, _books, ms = world
    first = _paste(db, owner, early, TODAY, "#接龙 早起打卡\n1. 周杰\n")
    second = _paste_later(db, owner, early, CHAIN, clock.now)
    assert second.logged == ((ms["王芳"], TODAY), (ms["李娜"], TODAY))
    pairs = [(ms[n], TODAY) for n in ("王芳", "李娜", "周杰")]
    with db.session() as s:
        result = undo_paste(s, owner, early, pairs)
        assert [x.kind for x in result.lines] == [UNDONE, UNDONE, EARLIER_PASTE]
        assert result.lines[2].logged_at is not None
        again = undo_paste(s, owner, early, pairs)
        assert [x.kind for x in again.lines] == [NO_CHECKIN, NO_CHECKIN, UNDONE]
        s.commit()
    assert first.logged == ((ms["周杰"], TODAY),)


def _paste_later(db, owner, group, text, now, minutes=5):
    """A paste logged `minutes` after now (another stamp than the pastes before it)."""
    import models.clock as clock_module

    at = now() + timedelta(minutes=minutes)
    saved = clock_module.now
    clock_module.now = lambda: at
    try:
        return _paste(db, owner, group, TODAY, text)
    finally:
        clock_module.now = saved


def test_a_paste_undone_on_the_next_day_takes_back_its_own_day(world, monkeypatch):
    """A chain logged at 23:50 and undone after midnight: the pairs name their day; yesterday's check-ins go, and
    the new day's (logged since) stay."""
    db, owner, early, _books, ms = world
    outcome = _paste(db, owner, early)
    monkeypatch.setenv("QUNDESK_TODAY", (TODAY + timedelta(days=1)).isoformat())
    with db.session() as s:
        record_checkins(s, owner, early, TODAY + timedelta(days=1), [ms["王芳"]])
        s.commit()
        result = undo_paste(s, owner, early, outcome.logged, logged_at=outcome.logged_at)
        s.commit()
        assert result.undone == outcome.logged
        from desktop.services.checkins import checkins_on

        assert checkins_on(s, early, TODAY) == []
        assert [r.membership_id for r in checkins_on(s, early, TODAY + timedelta(days=1))] == [ms["王芳"]]
        assert kept.drift(s.connection()) == [] and recompute_preview(s, early) == []


def test_a_planned_check_in_of_a_new_member_is_a_pair_like_any_other(world):
    """A paste that added a newcomer, undone without naming what it added (`added`, the window's): its check-in is
    undone with the others; the member stays."""
    db, owner, _early, books, ms = world
    with db.session() as s:
        plan = certain_plan(preview_paste(s, books, TODAY, CHAIN).matches)
    plan.append(PlannedCheckin(None, TODAY, None, False, "新人小王"))
    outcome = commit_paste(Progress(), database=db, actor=owner, group_id=books, day=TODAY, planned=plan)
    assert len(outcome.new_membership_ids) == 1
    with db.session() as s:
        result = undo_paste(s, owner, books, outcome.logged, logged_at=outcome.logged_at)
        s.commit()
        assert result.undone == outcome.logged
        assert kept.drift(s.connection()) == []


def test_the_people_a_paste_added_go_with_its_undo_unless_recorded_on_since(world, tmp_path):
    """A chain of 早起营 pasted into 读书会 with 李娜 and 周杰 "added as new members" there: the undo took back their
    check-ins and left both members of 读书会 — joiners of November in its 概览 and 成员名册. The undo now takes each
    off with the paste (the workspace and the workbook as before); one with something recorded since (a leave, an
    edit in the member dialog) stays, named with why."""
    db, owner, early, books, ms = world
    state = {}

    def do(_s):
        with db.session() as s:
            plan = certain_plan(preview_paste(s, books, TODAY, CHAIN).matches)
        plan += [PlannedCheckin(None, TODAY, None, False, n) for n in ("李娜", "周杰")]
        state["o"] = commit_paste(Progress(), database=db, actor=owner, group_id=books, day=TODAY, planned=plan)
        assert len(state["o"].new_membership_ids) == 2

    def undo(s):
        o = state["o"]
        result = undo_paste(s, owner, books, o.logged, logged_at=o.logged_at, added=o.new_membership_ids)
        assert result.undone == o.logged and result.removed == ("李娜", "周杰") and result.stayed == ()

    assert _round_trip(world, tmp_path, do, undo) == [
        "member.add",
        "member.add",
        "checkin.record",
        "checkin.undo",
        "checkin.undo",
        "checkin.undo",
        "member.paste_undone",
        "member.paste_undone",
    ]
    with db.session() as s:
        plan = certain_plan(preview_paste(s, books, TODAY, CHAIN).matches)
    plan += [PlannedCheckin(None, TODAY, None, False, n) for n in ("李娜", "周杰", "新人小王")]
    o = commit_paste(Progress(), database=db, actor=owner, group_id=books, day=TODAY, planned=plan)
    li, zhou, wang = o.new_membership_ids
    with db.session() as s:
        record_leave(s, owner, li, TODAY, TODAY)  # 李娜: a leave recorded since
        loaded = get_member_input(s, zhou)  # 周杰: his WeChat ID typed in since
        update_member(s, owner, zhou, replace(loaded, wechat_id="zhoujie_88"), loaded=loaded)
        s.commit()
        result = undo_paste(s, owner, books, o.logged, logged_at=o.logged_at, added=o.new_membership_ids)
        s.commit()
        assert result.removed == ("新人小王",) and result.stayed == (("李娜", "recorded"), ("周杰", "recorded"))
        assert s.get(Membership, li) is not None and s.get(Membership, zhou) is not None
        assert s.get(Membership, wang) is None
        assert kept.drift(s.connection()) == []


def test_the_cli_undo_run_the_next_morning_names_the_day_of_the_last_paste(world, tmp_path, capsys, monkeypatch):
    """`qundesk checkin --paste chain.txt --undo` the morning after: the chain (no date in it) is read for the new day,
    where nothing was logged — "撤销 undone 0 … 没有打卡 none 3" and exit 0, as if the paste had been undone. It now
    names the day the paste logged and the --date that undoes it; with it, the paste goes."""
    from desktop.cli import main

    db, _owner, early, _books, ms = world
    chain = tmp_path / "chain.txt"
    chain.write_text(CHAIN, encoding="utf-8")
    args = ["--db", db.engine.url.database, "checkin", "--group", "早起营"]
    assert main([*args, "--paste", str(chain)]) == 0
    monkeypatch.setenv("QUNDESK_TODAY", (TODAY + timedelta(days=1)).isoformat())
    capsys.readouterr()
    assert main([*args, "--paste", str(chain), "--undo"]) == 0
    out = capsys.readouterr()
    assert "撤销 undone 0" in out.out
    assert f"their last paste was logged for {TODAY}: run again with --date {TODAY} to undo it" in out.err
    assert main([*args, "--paste", str(chain), "--undo", "--date", TODAY.isoformat()]) == 0
    assert "撤销 undone 3" in capsys.readouterr().out
    with db.session() as s:
        from desktop.services.checkins import checkins_on

        assert checkins_on(s, early, TODAY) == []
        assert kept.drift(s.connection()) == [] and recompute_preview(s, early) == []
    assert ms
