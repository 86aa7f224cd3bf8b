"""QunDesk's own roster export imported back into its group: a referrer is written by name, and two people of
one name in the workspace (two David, one referring 张三) refused the whole file — 推荐人「David」有 2 人同名 —
though each row named the referrer already recorded. Such a row now reads as the referrer it has."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.services.groups import create_group
from desktop.services.imports import ImportFailed, run_import
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.services.roster_export import export_roster
from desktop.workspace import actor_for
from models import Member, Membership
from tests.desktop.test_imports import write_csv

TODAY = date(2026, 12, 6)


def test_the_groups_own_export_imported_back_keeps_the_times_of_its_joins_and_leavings(sqlite_workspace, tmp_path):
    """The monthly workbook's 成员名册 writes each join and leaving as a day (the roster export a midnight as one);
    imported back, every member was "updated" — 入群时间 2026-09-01 09:31 → 2026-09-01, the time replaced by noon.
    A day naming the day recorded keeps its time."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "夜跑团")
        add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 9, 1, 9, 31)))
        add_member(
            s,
            owner,
            gid,
            MemberInput(
                display_name="李四",
                status="left",
                joined_at=datetime(2026, 9, 2, 20, 5),
                left_at=datetime(2026, 11, 3, 18, 20),
            ),
        )
        s.commit()
    path = tmp_path / "月报.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[gid], path=path, today=TODAY)
    plan, summary, _ = run_import(sqlite_workspace, owner, path, "夜跑团", "roster", sheet="成员名册")
    assert [r.changes for r in plan.rows] == [(), ()]
    assert summary is not None and summary.updated == 0
    with sqlite_workspace.session() as s:
        assert sorted(s.execute(select(Membership.joined_at, Membership.left_at)).all()) == [
            (datetime(2026, 9, 1, 9, 31), None),
            (datetime(2026, 9, 2, 20, 5), datetime(2026, 11, 3, 18, 20)),
        ]
    # a day of its own is still a correction: 张三 joined on the 2nd
    fixed = write_csv(tmp_path / "更正.csv", [["姓名", "入群时间"], ["张三", "2026-09-02"]])
    plan, _summary, _ = run_import(sqlite_workspace, owner, fixed, "夜跑团", "roster")
    assert [c.field for c in plan.rows[0].changes] == ["joined_at"]


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: the members joined in September 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _referrer(ws, name: str) -> int | None:
    with ws.session() as s:
        return s.scalar(
            select(Membership.referrer_id)
            .join(Member, Member.id == Membership.member_id)
            .where(Member.display_name == name)
        )


def test_the_groups_own_export_with_two_namesake_referrers_imports_back_unchanged(sqlite_workspace, tmp_path):
    owner = actor_for(sqlite_workspace)
    joined = datetime(2026, 9, 1)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "夜跑团")
        david, _ = add_member(s, owner, gid, MemberInput(display_name="David", wechat_id="david_one", joined_at=joined))
        other, _ = add_member(s, owner, gid, MemberInput(display_name="David", wechat_id="david_two", joined_at=joined))
        add_member(s, owner, gid, MemberInput(display_name="张三", referrer_id=david, joined_at=joined))
        add_member(s, owner, gid, MemberInput(display_name="李四", referrer_id=other, joined_at=joined))
        s.commit()
    path = tmp_path / "名册.xlsx"
    export_roster(sqlite_workspace, owner, group_ids=[gid], path=path)
    plan, summary, _ = run_import(sqlite_workspace, owner, path, "夜跑团", "roster")
    assert not plan.problems
    assert summary is not None and summary.updated == 0
    assert (_referrer(sqlite_workspace, "张三"), _referrer(sqlite_workspace, "李四")) == (david, other)


def test_an_ambiguous_referrer_for_someone_new_or_with_another_referrer_is_still_a_problem(sqlite_workspace, tmp_path):
    owner = actor_for(sqlite_workspace)
    joined = datetime(2026, 9, 1)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "夜跑团")
        for wechat in ("david_one", "david_two"):
            add_member(s, owner, gid, MemberInput(display_name="David", wechat_id=wechat, joined_at=joined))
        add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=joined))
        s.commit()
    path = write_csv(tmp_path / "名单.csv", [["姓名", "推荐人"], ["张三", "David"], ["王五", "David"]])
    with pytest.raises(ImportFailed) as failed:
        run_import(sqlite_workspace, owner, path, "夜跑团", "roster", dry_run=True)
    assert [(p.row, p.code) for p in failed.value.plan.problems] == [
        (2, "referrer_ambiguous"),
        (3, "referrer_ambiguous"),
    ]
