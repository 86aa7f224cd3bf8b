"""A join date moved after the member's first recorded participation is refused, in the member dialog and in a
roster import: the member's own check-ins stood before they joined and were counted in a month they were not a
member of yet (a re-imported roster with 入群日期 2026-11-20 for someone checking in since 5 November: November
still counted their 6 check-ins, and two joins). A member who comes back starts a new spell: the old one's facts
are its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop.errors import ValidationError
from desktop.metrics import month_stats
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.imports import ImportFailed, run_import
from desktop.services.roster import MemberInput, add_member, get_member_input, update_member

TODAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated in November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def camp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起打卡营")
        joined = datetime(2026, 11, 1, 9, 0)
        _, zs = add_member(s, owner, gid, MemberInput(display_name="张三", wechat_id="zs1", joined_at=joined))
        _, ls = add_member(s, owner, gid, MemberInput(display_name="李四", wechat_id="ls1", joined_at=joined))
        for d in range(5, 11):
            record_checkins(s, owner, gid, date(2026, 11, d), [zs], today=date(2026, 11, d))
        s.commit()
    return gid, zs, ls


def test_the_dialog_refuses_a_join_date_after_the_first_check_in(workspace, owner, camp):
    gid, zs, ls = camp
    with workspace.session() as s:
        loaded = get_member_input(s, zs)
        with pytest.raises(ValidationError) as refused:
            update_member(s, owner, zs, replace(loaded, joined_at=datetime(2026, 11, 20, 12, 0)), loaded=loaded)
        assert refused.value.field == "joined_at" and "2026-11-05" in refused.value.message
        s.rollback()
        # the day of the first check-in itself, and any day before it, are fine; so is anyone without facts
        update_member(s, owner, zs, replace(loaded, joined_at=datetime(2026, 11, 5, 12, 0)), loaded=loaded)
        loaded_ls = get_member_input(s, ls)
        update_member(s, owner, ls, replace(loaded_ls, joined_at=datetime(2026, 11, 25, 12, 0)), loaded=loaded_ls)
        s.commit()
        assert get_member_input(s, zs).joined_at.date() == date(2026, 11, 5)
        assert get_member_input(s, ls).joined_at.date() == date(2026, 11, 25)
        assert month_stats(s, gid, 2026, 11, today=TODAY).checkins == 6


def test_a_reimported_roster_with_a_later_join_date_is_a_problem_of_its_row(workspace, owner, camp, tmp_path):
    gid, zs, ls = camp
    path = tmp_path / "名单.csv"
    path.write_text("姓名,微信号,入群日期\n张三,zs1,2026-11-20\n李四,ls1,2026-11-21\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as refused:
        run_import(workspace, owner, path, "早起打卡营", "roster")
    (problem,) = refused.value.plan.problems
    assert problem.row == 2 and problem.column == "入群日期" and "2026-11-05" in problem.message
    with workspace.session() as s:
        assert get_member_input(s, zs).joined_at == datetime(2026, 11, 1, 9, 0)  # nothing written
    # the user's choice after seeing it: the other rows go in, this one is left out and named
    _plan, summary, _ = run_import(workspace, owner, path, "早起打卡营", "roster", skip_problems=True)
    assert summary is not None and summary.skipped == 1
    with workspace.session() as s:
        assert get_member_input(s, zs).joined_at == datetime(2026, 11, 1, 9, 0)
        assert get_member_input(s, ls).joined_at.date() == date(2026, 11, 21)
        assert month_stats(s, gid, 2026, 11, today=TODAY).checkins == 6


def test_a_member_who_comes_back_starts_a_new_spell_after_the_old_facts(workspace, owner, camp):
    gid, zs, _ls = camp
    with workspace.session() as s:
        loaded = get_member_input(s, zs)
        gone = replace(loaded, status="left", left_at=datetime(2026, 11, 12, 20, 0))
        update_member(s, owner, zs, gone, loaded=loaded)
        s.commit()
        loaded = get_member_input(s, zs)
        back = replace(loaded, status="active", joined_at=datetime(2026, 11, 25, 9, 0), left_at=None)
        update_member(s, owner, zs, back, loaded=loaded)
        s.commit()
        assert get_member_input(s, zs).joined_at.date() == date(2026, 11, 25)
        # and in the new spell the rule holds again: a check-in on the 26th, then the join moved to the 28th
        record_checkins(s, owner, gid, date(2026, 11, 26), [zs], today=date(2026, 11, 26))
        s.commit()
        loaded = get_member_input(s, zs)
        with pytest.raises(ValidationError, match="2026-11-26"):
            update_member(s, owner, zs, replace(loaded, joined_at=datetime(2026, 11, 28, 9, 0)), loaded=loaded)
