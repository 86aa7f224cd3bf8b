"""A member who leaves and comes back keeps the months they were in (docs/architecture.md "Membership spells",
docs/metrics.md "Spells"): one membership per (member, group), the current spell on it and each earlier, closed
one in membership_spell. A return changes no earlier month — members_total, joined, left, the check-in rate, the
workbook's rows — a missed check-in of the earlier spell can still be logged, and merges, bulk copies and
backups keep the spells."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop.errors import ValidationError
from desktop.metrics import month_stats
from desktop.services.backup import backup_workspace, restore_workspace
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.members import bulk_copy_to_group, member_timeline, merge_members
from desktop.services.onboarding import leave_group, list_steps, record_join, record_step
from desktop.services.paste import preview_paste
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Group, Membership, MembershipSpell
from models.queries.participation import members_at_end

T = date(2026, 12, 4)  # "today" of the scenarios: November is a closed month
JOINED = datetime(2026, 10, 1, 9, 0)
LEFT = datetime(2026, 11, 8, 10, 0)
BACK = datetime(2026, 11, 18, 9, 0)


@pytest.fixture(autouse=True)
def on_day_t(monkeypatch):
    """The scenarios' today is T, for the services that read the clock too (a join date "in the future")."""
    monkeypatch.setenv("QUNDESK_TODAY", T.isoformat())


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _figures(s, gid: int, month: int):
    st = month_stats(s, gid, 2026, month, today=T)
    return st.members_total, st.joined, st.left, st.checkins, st.checkin_rate


def _members_on(s, gid: int, day: date) -> int:
    return s.scalar(select(func.count()).select_from(members_at_end(day, gid).subquery()))


def _come_back(s, owner, gid: int, ms: int, when: datetime = BACK, *, steps: bool = True) -> None:
    record_join(s, owner, ms, when)
    if steps:
        for st in list_steps(s, gid):
            if st.required:
                record_step(s, owner, ms, st.id, answer="回来了", when=when + timedelta(minutes=30))


def _one_step(s, owner, gid: int, ms: int) -> None:
    """The purpose question recorded on joining: a returner with a step record goes through the process again
    (onboarding.record_join; one whose steps were never recorded comes back 已入群)."""
    purpose = next(st.id for st in list_steps(s, gid) if st.code == "purpose")
    record_step(s, owner, ms, purpose, answer="早起", when=JOINED)


def _scenario(s, owner, *, one_step: bool = False):
    """一直在 (a member since 1 October) and 何十三: member from 1 October, 10 October check-ins, left 8 November.
    `one_step`: 何十三's purpose answer was recorded on joining."""
    gid = create_group(s, owner, "回流群")
    add_member(s, owner, gid, MemberInput(display_name="一直在", joined_at=JOINED))
    _, h = add_member(s, owner, gid, MemberInput(display_name="何十三", joined_at=JOINED))
    if one_step:
        _one_step(s, owner, gid, h)
    for d in _days(date(2026, 10, 1), date(2026, 10, 10)):
        record_checkins(s, owner, gid, d, [h], today=T)
    for d in _days(date(2026, 11, 1), date(2026, 11, 7)):
        record_checkins(s, owner, gid, d, [h], today=T)
    leave_group(s, owner, h, "退出", when=LEFT)
    s.commit()
    return gid, h


def test_a_return_keeps_the_months_before_during_and_after_the_gap(workspace, owner):
    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        before = {m: _figures(s, gid, m) for m in (9, 10, 11)}
        assert before[10][:3] == (2, 2, 0) and before[11][:3] == (1, 0, 1)
        _come_back(s, owner, gid, h)
        for d in _days(date(2026, 11, 18), date(2026, 11, 24)):
            record_checkins(s, owner, gid, d, [h], today=T)
        s.commit()

        assert s.get(Membership, h).status == "active" and s.get(Membership, h).joined_at == BACK
        spells = s.execute(select(MembershipSpell.joined_at, MembershipSpell.left_at, MembershipSpell.left_reason))
        assert spells.all() == [(JOINED, LEFT, "退出")]
        # September and October as they were; November: the leaving stays, the return is a November join
        assert _figures(s, gid, 9) == before[9]
        assert _figures(s, gid, 10) == before[10]
        nov = _figures(s, gid, 11)
        assert nov[:3] == (2, 1, 1) and nov[3] == 14
        # the member on each day: in the earlier spell, not in the gap, again after the return
        assert [_members_on(s, gid, d) for d in (date(2026, 11, 7), date(2026, 11, 8), date(2026, 11, 17))] == [
            2,
            1,
            1,
        ]
        assert _members_on(s, gid, date(2026, 11, 18)) == 2
        # December (after): nobody joined or left
        assert _figures(s, gid, 12)[:3] == (2, 0, 0)
        # the member's timeline shows both joins and the leaving
        events = [(e.when, e.kind) for e in member_timeline(s, h) if e.kind in ("joined", "left")]
        assert sorted(events) == [(JOINED, "joined"), (LEFT, "left"), (BACK, "joined")]


def test_a_return_while_still_joining_keeps_the_earlier_spell(workspace, owner):
    """Back and still 入群中 (a required step not done again): October still counts them."""
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="回流", joined_at=datetime(2026, 9, 1)))
        for d in _days(date(2026, 10, 1), date(2026, 10, 10)):
            record_checkins(s, owner, gid, d, [ms], today=T)
        s.commit()
        october = _figures(s, gid, 10)
        assert october[0] == 1 and october[4] == round(10 / 31, 4)
        _one_step(s, owner, gid, ms)
        leave_group(s, owner, ms, "暂停", when=datetime(2026, 11, 1, 9))
        _come_back(s, owner, gid, ms, datetime(2026, 11, 16, 21), steps=False)
        s.commit()
        assert s.get(Membership, ms).status == "onboarding"
        assert _figures(s, gid, 10) == october
        assert _figures(s, gid, 11)[1:3] == (1, 1)


def test_a_missed_check_in_of_the_earlier_spell_can_be_logged_afterwards(workspace, owner):
    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        _come_back(s, owner, gid, h)
        s.commit()
        assert record_checkins(s, owner, gid, date(2026, 10, 11), [h], today=T).logged == (h,)
        assert record_checkins(s, owner, gid, date(2026, 11, 7), [h], today=T).already == (h,)
        # the gap and the days before the first join are not theirs: a day of the gap says they had left and came
        # back (not "11月18日才入群", as if never in the group), a day before the first join their first join day
        for day, said in (
            (date(2026, 11, 8), "11月8日退群, 11月18日才回来"),
            (date(2026, 11, 12), "11月8日退群, 11月18日才回来"),
            (date(2026, 9, 30), "10月1日才入群"),
        ):
            with pytest.raises(ValidationError, match=said):
                record_checkins(s, owner, gid, day, [h], today=T)
        s.commit()
        october = month_stats(s, gid, 2026, 10, today=T)
        assert october.checkins == 11 and october.members_total == 2


def test_a_missed_check_in_of_the_earlier_spell_while_joining_again(workspace, owner):
    with workspace.session() as s:
        gid, h = _scenario(s, owner, one_step=True)
        _come_back(s, owner, gid, h, steps=False)
        s.commit()
        assert s.get(Membership, h).status == "onboarding"
        assert record_checkins(s, owner, gid, date(2026, 10, 12), [h], today=T).logged == (h,)
        with pytest.raises(ValidationError, match="不是已入群成员"):  # a day of the current spell: not a member yet
            record_checkins(s, owner, gid, date(2026, 11, 20), [h], today=T)


def test_a_pasted_line_of_the_earlier_spell_is_a_match(workspace, owner):
    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        _come_back(s, owner, gid, h)
        s.commit()
        for day, status in ((date(2026, 10, 12), "matched"), (date(2026, 11, 12), "not_member")):
            preview = preview_paste(s, gid, day, "#接龙 早起打卡\n1. 一直在\n2. 何十三\n")
            found = {m.candidates[0].display_name: m.status for m in preview.matches if m.candidates}
            assert found == {"一直在": "matched", "何十三": status}, day


def _rows(ws, name: str) -> list[tuple]:
    return [r for r in ws.iter_rows(values_only=True) if len(r) > 1 and r[1] == name]


def test_the_workbook_of_the_return_month_counts_only_the_days_inside_the_spells(workspace, owner, tmp_path):
    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        _come_back(s, owner, gid, h)
        for d in _days(date(2026, 11, 18), date(2026, 11, 24)):
            record_checkins(s, owner, gid, d, [h], today=T)
        s.commit()
    nov = tmp_path / "nov.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=11, group_ids=[gid], path=nov, today=T)
    (row,) = _rows(load_workbook(nov)["打卡明细"], "何十三")
    cells = row[2:32]
    marked = [i + 1 for i, c in enumerate(cells) if c in ("✓", "补")]
    assert marked == [*range(1, 8), *range(18, 25)]  # no check-in in the gap
    assert [i + 1 for i, c in enumerate(cells) if c == "–"] == [*range(8, 18)]  # the gap: not in the group (不在群)
    # 14 check-ins over the 20 member days (1-7 and 18-30 November), not over the 13 days since the return
    assert row[-4] == 14 and row[-1] == pytest.approx(0.7)

    # October's workbook still lists them, as a member the whole month
    octo = tmp_path / "oct.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=10, group_ids=[gid], path=octo, today=T)
    wb = load_workbook(octo)
    assert len(_rows(wb["成员名册"], "何十三")) == 1
    (row,) = _rows(wb["打卡明细"], "何十三")
    assert row[-4] == 10 and row[-1] == pytest.approx(round(10 / 31, 4))


def test_a_merge_keeps_the_dropped_records_spells(workspace, owner):
    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        _come_back(s, owner, gid, h)
        keep, keep_ms = add_member(s, owner, gid, MemberInput(display_name="何十三(新号)", joined_at=BACK))
        s.commit()
        october = _figures(s, gid, 10)
        drop = s.get(Membership, h).member_id
        merge_members(s, owner, keep, drop)
        s.commit()
        assert s.get(Membership, h) is None
        spells = s.execute(select(MembershipSpell.membership_id, MembershipSpell.joined_at, MembershipSpell.left_at))
        assert spells.all() == [(keep_ms, JOINED, LEFT)]
        assert _figures(s, gid, 10) == october


def test_a_bulk_copy_back_into_a_group_left_before_keeps_the_spell(workspace, owner):
    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        other = create_group(s, owner, "读书会")
        assert bulk_copy_to_group(s, owner, [h], other) == 1
        source = s.scalar(select(Membership.id).where(Membership.group_id == other))
        october = _figures(s, gid, 10)
        s.commit()
        assert bulk_copy_to_group(s, owner, [source], gid) == 1
        s.commit()
        assert s.get(Membership, h).status == "active" and s.get(Membership, h).left_at is None
        assert s.execute(select(MembershipSpell.joined_at, MembershipSpell.left_at)).all() == [(JOINED, LEFT)]
        assert _figures(s, gid, 10) == october
        assert _figures(s, gid, 11)[2] == 1  # the leaving stays in November


def test_a_join_notice_older_than_the_leaving_keeps_no_spell(workspace, owner):
    """An older export replayed (its join notice is before the leaving) is no return: no spell is made up."""
    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        record_join(s, owner, h, JOINED)
        s.commit()
        assert s.scalar(select(func.count()).select_from(MembershipSpell)) == 0


def test_the_spells_are_in_a_backup_and_come_back_with_a_restore(workspace, owner, tmp_path):
    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        _come_back(s, owner, gid, h)
        s.commit()
        october = _figures(s, gid, 10)
    backup = backup_workspace(workspace, tmp_path / "out" / "backup.sqlite")
    target = str(tmp_path / "restored.sqlite")
    counts = restore_workspace(owner, backup, target)
    assert counts["membership_spell"] == 1
    restored = open_workspace(target)
    try:
        actor_for(restored)
        with restored.session() as s:
            assert s.execute(select(MembershipSpell.joined_at, MembershipSpell.left_at)).all() == [(JOINED, LEFT)]
            assert _figures(s, gid, 10) == october
    finally:
        restored.dispose()


def test_a_chat_export_check_in_of_the_earlier_spell_is_logged(workspace, owner, tmp_path):
    """An export read after the return holds a 打卡 of 12 October, inside the earlier spell: it is theirs."""
    from desktop.services.chat_import import plan_chat_import, run_chat_import
    from tests.desktop.test_chat_import_rules import _liuhen

    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        _come_back(s, owner, gid, h)
        s.commit()
    path = _liuhen(tmp_path, [("2026-10-12 07:00:00", 1, "早安打卡", "何十三", "wxid_he13")])
    with workspace.session() as s:
        plan = plan_chat_import(s, gid, path)
    assert [(c.display_name, c.day) for c in plan.checkins] == [("何十三", date(2026, 10, 12))]
    run_chat_import(workspace, owner, path, "回流群")
    with workspace.session() as s:
        assert month_stats(s, gid, 2026, 10, today=T).checkins == 11


# ---------------------------------------------------------------- fourth probe


def test_deleted_people_are_in_no_months_joined_or_left(workspace, owner):
    from desktop.services.roster import soft_delete_member

    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        _, newcomer = add_member(s, owner, gid, MemberInput(display_name="新来就删", joined_at=datetime(2026, 11, 3)))
        _come_back(s, owner, gid, h)
        s.commit()
        assert _figures(s, gid, 11)[1:3] == (2, 1)  # 新来就删 and 何十三's return joined, 何十三 left
        for ms in (newcomer, h):
            soft_delete_member(s, owner, s.get(Membership, ms).member_id)
        s.commit()
        assert _figures(s, gid, 11)[:3] == (1, 0, 0)


def test_a_return_leaves_an_earlier_months_dormant_members_alone(workspace, owner):
    """Members since September, silent in October; one comes back in November. October's dormant count stays, and
    the returner is no silent newcomer."""
    from desktop.health import alerts

    with workspace.session() as s:
        gid = create_group(s, owner, "静默群")
        s.get(Group, gid).created_at = datetime(2026, 9, 1)  # kept here since September: October's silence observed
        ids = [
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 9, 1)))[1] for n in "甲乙"
        ]
        s.commit()
        before = month_stats(s, gid, 2026, 10, today=T).dormant
        leave_group(s, owner, ids[0], "暂离", when=datetime(2026, 11, 8, 10))
        _come_back(s, owner, gid, ids[0])
        s.commit()
        assert month_stats(s, gid, 2026, 10, today=T).dormant == before == 2
        assert not [a for a in alerts(s, gid, date(2026, 11, 30)) if a.kind == "silent_newcomer"]


def test_a_leave_ends_when_the_member_leaves_so_no_streak_bridges_the_gap(workspace, owner):
    from desktop.services.checkins import record_leave, streaks

    with workspace.session() as s:
        gid = create_group(s, owner, "请假群")
        _, m = add_member(s, owner, gid, MemberInput(display_name="请假走", joined_at=datetime(2026, 10, 1)))
        for d in _days(date(2026, 11, 1), date(2026, 11, 5)):
            record_checkins(s, owner, gid, d, [m], today=T)
        record_leave(s, owner, m, date(2026, 11, 6), date(2026, 11, 15), "出差")
        leave_group(s, owner, m, "暂离", when=datetime(2026, 11, 8, 10))
        _come_back(s, owner, gid, m, datetime(2026, 11, 15, 9))
        for d in _days(date(2026, 11, 16), date(2026, 11, 22)):
            record_checkins(s, owner, gid, d, [m], today=T)
        s.commit()
        run = streaks(s, m, today=date(2026, 11, 22))
        assert (run.current, run.longest) == (7, 7)  # the gap (8–14) ends the run; the leave ended on the 7th


def test_a_merge_of_overlapping_spells_counts_each_day_once_in_the_workbook(workspace, owner, tmp_path):
    """甲 (a spell in August, back since 1 October) merged with 乙 (a member 1 September – 20 October): the kept
    record's spells overlap in October. 甲 checked in every day of October: the 打卡明细 rate is 31/31, not 31/50."""
    with workspace.session() as s:
        gid = create_group(s, owner, "合并群")
        a_member, a = add_member(s, owner, gid, MemberInput(display_name="甲", joined_at=datetime(2026, 8, 1, 9)))
        leave_group(s, owner, a, "退出", when=datetime(2026, 8, 20, 10))
        _come_back(s, owner, gid, a, datetime(2026, 10, 1, 9))
        b_member, b = add_member(s, owner, gid, MemberInput(display_name="乙", joined_at=datetime(2026, 9, 1, 9)))
        leave_group(s, owner, b, "退出", when=datetime(2026, 10, 20, 10))
        _come_back(s, owner, gid, b, datetime(2026, 11, 5, 9))
        for d in _days(date(2026, 10, 1), date(2026, 10, 31)):
            record_checkins(s, owner, gid, d, [a], today=T)
        s.commit()
        merge_members(s, owner, a_member, b_member)
        s.commit()
    path = tmp_path / "october.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=10, group_ids=[gid], path=str(path), today=T)
    rows = [r for r in load_workbook(path)["打卡明细"].iter_rows(values_only=True) if len(r) > 1 and r[1] == "甲"]
    assert rows and rows[0][-1] == 1.0


def test_the_member_dialog_setting_a_former_member_back_with_a_new_join_date_keeps_the_spell(workspace, owner):
    """The dialog (roster.update_member) tells a return from a correction by the join date: back in with a join
    date on or after the leaving day keeps the ended spell (October and the leaving stay); back in with the old
    join date is a correction (no spell, the leaving is gone); the undo of the return drops the closed copy."""
    from dataclasses import replace

    from desktop.services.roster import get_member_input, undo_member_edit, update_member

    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        october, november = _figures(s, gid, 10), _figures(s, gid, 11)
        before = get_member_input(s, h)
        update_member(s, owner, h, replace(before, status="active", joined_at=BACK))
        s.commit()
        assert s.execute(select(MembershipSpell.joined_at, MembershipSpell.left_at)).all() == [(JOINED, LEFT)]
        assert _figures(s, gid, 10) == october
        assert _figures(s, gid, 11)[1:3] == (1, 1)  # the return is a November join, the leaving stays
        assert _members_on(s, gid, date(2026, 11, 10)) == 1  # not a member in the gap
        # the undo of that edit: the closed copy goes, the figures are the ones before the return
        undo_member_edit(s, owner, h, before, [])
        s.commit()
        assert s.scalar(select(func.count()).select_from(MembershipSpell)) == 0
        assert (_figures(s, gid, 10), _figures(s, gid, 11)) == (october, november)
        # a correction: set back in with the join date they had — no spell, they never left
        update_member(s, owner, h, replace(before, status="active"))
        s.commit()
        assert s.scalar(select(func.count()).select_from(MembershipSpell)) == 0
        assert s.get(Membership, h).left_at is None and _figures(s, gid, 11)[2] == 0


# ---------------------------------------------------------------- a former member's days before they left


def test_a_former_members_days_before_they_left_are_theirs_and_no_day_after(workspace, owner):
    """何十三 left on 8 November (no return): a missed day of October is logged, the leaving day and after are not."""
    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        assert s.get(Membership, h).status == "left"
        assert record_checkins(s, owner, gid, date(2026, 10, 15), [h], today=T).logged == (h,)
        assert record_checkins(s, owner, gid, date(2026, 11, 7), [h], today=T).already == (h,)
        for day in (date(2026, 11, 8), date(2026, 11, 20), date(2026, 9, 30)):
            with pytest.raises(ValidationError, match="不是已入群成员"):
                record_checkins(s, owner, gid, day, [h], today=T)
        s.commit()
        assert month_stats(s, gid, 2026, 10, today=T).checkins == 11


def test_yesterdays_chain_pasted_after_someone_left_logs_them(workspace, owner):
    """The chain of 7 November pasted on the 8th, after 何十三 left that morning: their line is a match (and a chain
    of a day after they left is not); the paste's own path logs it."""
    from desktop.services.paste import certain_plan

    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        s.execute(
            CheckIn.__table__.delete().where(CheckIn.membership_id == h, CheckIn.day == date(2026, 11, 7))
        )  # not logged yet: the chain of the 7th is pasted on the 8th
        s.commit()
        for day, status in ((date(2026, 11, 7), "matched"), (date(2026, 11, 9), "not_member")):
            preview = preview_paste(s, gid, day, "#接龙 早起打卡\n1. 一直在\n2. 何十三\n")
            found = {m.candidates[0].display_name: m.status for m in preview.matches if m.candidates}
            assert found == {"一直在": "matched", "何十三": status}, day
        preview = preview_paste(s, gid, date(2026, 11, 7), "#接龙 早起打卡\n1. 一直在\n2. 何十三\n")
        planned = certain_plan(preview.matches)
        assert {p.membership_id for p in planned} >= {h}
        ids = sorted({p.membership_id for p in planned if p.day == date(2026, 11, 7)})
        result = record_checkins(s, owner, gid, date(2026, 11, 7), ids, today=T)
        assert h in result.logged
        s.commit()
        assert s.scalar(select(func.count()).where(CheckIn.membership_id == h, CheckIn.day == date(2026, 11, 7))) == 1


def test_a_checkin_table_row_of_someone_who_left_mid_month(workspace, owner, tmp_path):
    """A one-row-per-check-in export read after 何十三 left: the day before the leaving is logged, the days from the
    leaving on are problems naming the row and the person's leaving, and with --skip-problems only they stay out."""
    import csv

    from desktop.services.checkin_import import CheckinImportFailed, run_checkin_import

    with workspace.session() as s:
        gid, h = _scenario(s, owner)
        s.commit()
    path = tmp_path / "export.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(
            [
                ["用户昵称", "打卡日期", "打卡时间"],
                ["何十三", "2026-10-20", "07:00"],
                ["一直在", "2026-11-09", "07:05"],
                ["何十三", "2026-11-09", "07:10"],
            ]
        )
    with pytest.raises(CheckinImportFailed) as failed:
        run_checkin_import(workspace, owner, path, "回流群", today=T)
    (problem,) = failed.value.problems
    assert (problem.row, problem.code) == (4, "not_member")
    assert "何十三" in problem.message and "2026-11-09" in problem.message and "已退群" in problem.message
    plan, summary = run_checkin_import(workspace, owner, path, "回流群", today=T, skip_problems=True)
    assert summary is not None and summary.logged == 2
    with workspace.session() as s:
        assert s.scalar(select(func.count()).where(CheckIn.membership_id == h, CheckIn.day == date(2026, 10, 20))) == 1
        assert s.scalar(select(func.count()).where(CheckIn.membership_id == h, CheckIn.day == date(2026, 11, 9))) == 0
        assert month_stats(s, gid, 2026, 10, today=T).checkins == 11


def _referral_ledger(s, referrer_ms: int) -> list[tuple[date, int]]:
    from models import PointsEntry

    return [
        (d, p)
        for d, p in s.execute(
            select(PointsEntry.day, PointsEntry.points)
            .where(PointsEntry.membership_id == referrer_ms)
            .order_by(PointsEntry.id)
        )
    ]


def test_undoing_the_step_that_readmitted_a_returning_member_keeps_the_earlier_spells_referral(workspace, owner):
    """老会员 earned +20 in October when 新人, whom they referred, became a member. 新人 left, came back in November
    while a step had been added to the process, and was made a member again by recording it; that step was undone.
    The October award was earned by the first spell and stays: the referrer's ledger sums to what it was before
    the step (it was taken back, 0, and recording the step again paid it anew in November). A referral this spell
    paid (the referrer named only now) is taken back."""
    from desktop.services.onboarding import add_step, undo_step
    from desktop.services.points import balance

    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        rid, rms = add_member(s, owner, gid, MemberInput(display_name="老会员", joined_at=datetime(2026, 9, 1)))
        _, ms = add_member(s, owner, gid, MemberInput(display_name="新人", status="applicant", referrer_id=rid))
        for st in [st for st in list_steps(s, gid) if st.required]:
            record_step(s, owner, ms, st.id, answer="学习" if st.code == "purpose" else None, when=JOINED)
        s.commit()
        assert balance(s, rms) == 20
        leave_group(s, owner, ms, "太忙", when=LEFT)
        new_step = add_step(s, owner, gid, "二期承诺书", "acknowledge")
        assert record_join(s, owner, ms, BACK) == "onboarding"
        s.commit()
        assert record_step(s, owner, ms, new_step, when=BACK + timedelta(hours=2)).status == "active"
        s.commit()
        assert balance(s, rms) == 20
        assert undo_step(s, owner, ms, new_step).status == "onboarding"
        s.commit()
        assert balance(s, rms) == 20
        assert _referral_ledger(s, rms) == [(JOINED.date(), 20)]  # October's award, untouched
        record_step(s, owner, ms, new_step, when=BACK + timedelta(hours=3))
        s.commit()
        assert _referral_ledger(s, rms) == [(JOINED.date(), 20)]  # not paid again

        # a referrer named only in this spell: this spell's join paid them, its undo takes it back
        other_id, other_ms = add_member(
            s, owner, gid, MemberInput(display_name="推荐人", joined_at=datetime(2026, 9, 1))
        )
        _, ms2 = add_member(s, owner, gid, MemberInput(display_name="回流", joined_at=JOINED))
        _one_step(s, owner, gid, ms2)
        leave_group(s, owner, ms2, "太忙", when=LEFT)
        s.get(Membership, ms2).referrer_id = other_id
        assert record_join(s, owner, ms2, BACK) == "onboarding"  # 二期承诺书 is still to do
        for st in [st for st in list_steps(s, gid) if st.required]:
            record_step(s, owner, ms2, st.id, answer="学习" if st.code == "purpose" else None, when=BACK)
        s.commit()
        assert balance(s, other_ms) == 20
        undo_step(s, owner, ms2, new_step)
        s.commit()
        assert balance(s, other_ms) == 0
