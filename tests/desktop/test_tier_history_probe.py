"""A membership's tier has a history: a past day's structure (the dashboard of a past day, a past month's
workbook) reads the tiers as they stood then (models/tier_history.py). Before, an owner who promoted members to
核心 in December and exported October again got October's structure — and its roster's 层级 column — with
December's promotions, nothing said."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop import health
from desktop.services.groups import create_group
from desktop.services.imports import run_import
from desktop.services.members import bulk_set_tier, copy_to_group
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member, get_member_input, undo_member_edit, update_member
from desktop.services.roster_bulk import bulk_swap_tier
from desktop.services.taxonomy import list_tier_rows, save_tiers
from desktop.workspace import actor_for
from models import Member, Membership, MergeUndo, TierChange
from tests.desktop.test_imports import write_csv

SET_UP = date(2026, 9, 20)  # the group and its members recorded
OCT_END = date(2026, 10, 31)
TODAY = date(2026, 12, 6)  # the promotions


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own days, whatever day the suite runs on: set up in September, changed in December."""
    monkeypatch.setenv("QUNDESK_TODAY", SET_UP.isoformat())


def _day(monkeypatch, day: date) -> None:
    monkeypatch.setenv("QUNDESK_TODAY", day.isoformat())


def _camp(ws, monkeypatch, tiers=("普通",) * 10, name="训练营"):
    """A group set up on SET_UP with members joined on 1 September, each with its tier; then today is TODAY."""
    owner = actor_for(ws)
    with ws.session() as s:
        gid = create_group(s, owner, name)
        ids = [
            add_member(s, owner, gid, MemberInput(display_name=f"成员{i}", joined_at=datetime(2026, 9, 1), tier=tier))[
                1
            ]
            for i, tier in enumerate(tiers)
        ]
        s.commit()
    _day(monkeypatch, TODAY)
    return owner, gid, ids


def _overview_structure(path, label="大咖 (含核心)"):
    """The group's share in 概览's structure row `label` (the charts' data: label, target, the group's share;
    None: an empty cell, 0%)."""
    ws = load_workbook(path)["概览"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label and cell.column_letter == "S":
                return ws.cell(row=cell.row, column=cell.column + 2).value
    raise AssertionError(f"no row {label}")


def _roster_tiers(path) -> dict[str, str | None]:
    ws = load_workbook(path)["成员名册"]
    rows = list(ws.iter_rows(values_only=True))
    header_at = next(i for i, r in enumerate(rows) if r and "层级" in r)
    header = rows[header_at]
    name_col = next(i for i, h in enumerate(header) if h in ("姓名", "显示名", "成员"))
    tier_col = header.index("层级")
    return {r[name_col]: r[tier_col] for r in rows[header_at + 1 :] if r and r[name_col]}


def test_a_promotion_in_december_leaves_octobers_structure_and_workbook_as_they_were(
    sqlite_workspace, monkeypatch, tmp_path
):
    owner, gid, ids = _camp(sqlite_workspace, monkeypatch)
    with sqlite_workspace.session() as s:
        assert bulk_set_tier(s, owner, ids[:4], "核心") == 4
        s.commit()
        buckets, tiers = health.structure(s, gid, OCT_END)
        assert buckets == {"key": 0, "mid": 0, "ordinary": 10, "unset": 0} and tiers == {"普通": 10}
        assert health.structure(s, gid, TODAY)[0] == {"key": 4, "mid": 0, "ordinary": 6, "unset": 0}
        assert health.group_health(s, gid, OCT_END).structure == buckets
        # one row each, dated the community's day, the tier before
        assert s.execute(select(TierChange.changed_on, TierChange.old_tier_name)).all() == [(TODAY, "普通")] * 4
    path = tmp_path / "october.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=10, group_ids=[gid], path=path, today=TODAY)
    assert _overview_structure(path) is None  # 0% key voices in October, as filed then
    assert _overview_structure(path, "普通") == 1.0
    assert set(_roster_tiers(path).values()) == {"普通"}  # the roster names the tiers the structure counted
    path = tmp_path / "december.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=12, group_ids=[gid], path=path, today=TODAY)
    assert _overview_structure(path) == 0.4
    assert sorted(_roster_tiers(path).values()) == ["普通"] * 6 + ["核心"] * 4


def test_a_promotion_undone_and_a_bulk_tier_undone_leave_no_trace_in_the_past(sqlite_workspace, monkeypatch):
    owner, gid, ids = _camp(sqlite_workspace, monkeypatch)
    with sqlite_workspace.session() as s:
        before = get_member_input(s, ids[0])
        update_member(s, owner, ids[0], replace(before, tier="核心"))
        edited = get_member_input(s, ids[0])
        s.commit()
        assert health.structure(s, gid, TODAY)[1] == {"普通": 9, "核心": 1}
        undo_member_edit(s, owner, ids[0], before, [], edited=edited)
        bulk_set_tier(s, owner, ids[1:3], "中咖")
        s.commit()
        assert health.structure(s, gid, TODAY)[1] == {"普通": 8, "中咖": 2}
        # the next day the bulk tier is undone: December 6 keeps it, October and today do not
        _day(monkeypatch, date(2026, 12, 7))
        assert bulk_swap_tier(s, owner, {ids[1]: ("中咖", "普通"), ids[2]: ("中咖", "普通")}) == 2
        s.commit()
        assert health.structure(s, gid, OCT_END)[1] == {"普通": 10}
        assert health.structure(s, gid, TODAY)[1] == {"普通": 8, "中咖": 2}
        assert health.structure(s, gid, date(2026, 12, 7))[1] == {"普通": 10}
        # the same day's undo added no second row: the day's first keeps the tier of the day before
        assert s.scalar(select(func.count()).select_from(TierChange).where(TierChange.membership_id == ids[0])) == 1


def test_a_tier_renamed_or_taken_off_the_list_after_keeps_the_past(sqlite_workspace, monkeypatch):
    """核心 given to two members in December, then 中咖 renamed 骨干, then 大咖 taken off the list (its holder loses
    it): October counts its 大咖 as a key voice (the name and rank kept with the change), its 中咖 under the
    tier's name now (a rename changes nobody's tier)."""
    owner, gid, ids = _camp(sqlite_workspace, monkeypatch, tiers=("大咖", "中咖", "普通", "普通"))
    with sqlite_workspace.session() as s:
        bulk_set_tier(s, owner, ids[2:], "核心")
        s.commit()
        rows = {r.name: r for r in list_tier_rows(s)}
        save_tiers(s, owner, [rows["核心"], rows["大咖"], replace(rows["中咖"], name="骨干"), rows["普通"]])
        s.commit()
        assert health.structure(s, gid, OCT_END) == (
            {"key": 1, "mid": 1, "ordinary": 2, "unset": 0},
            {"大咖": 1, "骨干": 1, "普通": 2},
        )
        rows = {r.name: r for r in list_tier_rows(s)}
        save_tiers(s, owner, [rows["核心"], rows["骨干"], rows["普通"]])  # 大咖 taken off the list
        s.commit()
        assert s.scalar(select(Membership.tier_id).where(Membership.id == ids[0])) is None
        buckets, tiers = health.structure(s, gid, OCT_END)
        assert tiers == {"大咖": 1, "骨干": 1, "普通": 2}
        # 大咖 by its name as kept; 骨干 (no default name) by its place on today's list, second now: the tier list
        # itself has no history (structure_bucket)
        assert buckets == {"key": 2, "mid": 0, "ordinary": 2, "unset": 0}
        assert health.structure(s, gid, TODAY)[1] == {"未设置": 1, "骨干": 1, "核心": 2}


def test_a_member_copied_into_another_group_fills_its_tier_from_today(sqlite_workspace, monkeypatch):
    """二期 lists 成员0 since September without a tier; copying her from 一期 (核心) in December fills it: 二期's
    October still counts her as 未设置, its December as 核心."""
    owner, one, ids = _camp(sqlite_workspace, monkeypatch, tiers=("核心",), name="一期")
    _day(monkeypatch, SET_UP)
    with sqlite_workspace.session() as s:
        two = create_group(s, owner, "二期")
        person = s.scalar(select(Membership.member_id).where(Membership.id == ids[0]))
        s.add(Membership(member_id=person, group_id=two, status="left", joined_at=datetime(2026, 9, 1),
                         left_at=datetime(2026, 11, 30)))  # fmt: skip
        s.commit()
    _day(monkeypatch, TODAY)
    with sqlite_workspace.session() as s:
        copy_to_group(s, owner, ids, two)
        s.commit()
        assert health.structure(s, two, OCT_END)[1] == {"未设置": 1}
        assert health.structure(s, two, TODAY)[1] == {"核心": 1}


def test_a_roster_import_changing_tiers_keeps_the_past(sqlite_workspace, monkeypatch, tmp_path):
    owner, gid, ids = _camp(sqlite_workspace, monkeypatch, tiers=("普通", "普通", "普通"))
    path = write_csv(tmp_path / "名册.csv", [["姓名", "层级"], ["成员0", "核心"], ["成员1", "中咖"], ["成员2", "普通"]])
    run_import(sqlite_workspace, owner, path, "训练营", "roster")
    with sqlite_workspace.session() as s:
        assert health.structure(s, gid, TODAY)[1] == {"核心": 1, "中咖": 1, "普通": 1}
        assert health.structure(s, gid, OCT_END)[1] == {"普通": 3}
        assert s.scalar(select(func.count()).select_from(TierChange)) == 2  # 成员2 unchanged: no row


def test_tiers_set_on_the_day_a_member_is_recorded_are_their_set_up(sqlite_workspace, monkeypatch):
    """A roster imported this morning with last months' members, their tiers filled in after it the same day:
    that is the record's set-up, not a change — October reads the tiers given (as a workspace's rules set on its
    first day are in force from the beginning)."""
    _day(monkeypatch, TODAY)
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        ids = [
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 9, 1)))[1]
            for n in ("张三", "李四")
        ]
        bulk_set_tier(s, owner, ids, "大咖")
        s.commit()
        assert s.scalar(select(func.count()).select_from(TierChange)) == 0
        assert health.structure(s, gid, OCT_END)[1] == {"大咖": 2}
        assert s.scalar(select(func.count()).select_from(Member)) == 2


ASSISTANT, ASSISTANT_PW = "tierhist_assistant", "assist-pw-2207"


def test_an_assistant_changes_a_tier_on_the_team_database_and_its_history_is_kept(pg_url, monkeypatch):
    """An assistant may change tiers (edit_members): the server takes the history row too, and PostgreSQL reads
    October's structure with the tier of October."""
    import psycopg
    from sqlalchemy.engine import make_url

    from desktop.services.operators import add_operator
    from desktop.team_roles import team_init
    from desktop.workspace import open_workspace

    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "训练营")
        ids = [
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 9, 1), tier="普通"))[1]
            for n in ("张三", "李四")
        ]
        team_init(s, owner)
        add_operator(s, owner, "小助理", "assistant", ASSISTANT_PW, login=ASSISTANT)
        s.commit()
    database.dispose()
    _day(monkeypatch, TODAY)
    url = make_url(pg_url).set(username=ASSISTANT, password=ASSISTANT_PW).render_as_string(hide_password=False)
    database = open_workspace(url)
    try:
        assistant = actor_for(database)
        with database.session() as s:
            assert bulk_set_tier(s, assistant, ids[:1], "核心") == 1
            s.commit()
        with database.session() as s:
            assert s.execute(select(TierChange.membership_id, TierChange.old_tier_name)).all() == [(ids[0], "普通")]
            assert health.structure(s, gid, OCT_END)[1] == {"普通": 2}
            assert health.structure(s, gid, TODAY)[1] == {"普通": 1, "核心": 1}
    finally:
        database.dispose()
        u = make_url(pg_url)
        with psycopg.connect(f"host={u.host} port={u.port} dbname=postgres user=postgres", autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{ASSISTANT}"')


def test_a_merge_gives_the_kept_record_the_other_records_tier_with_its_history_and_its_undo_takes_it_back(
    sqlite_workspace, monkeypatch
):
    """张三 on two records of 训练营 since September: one without a tier, the other 普通, promoted to 核心 on
    10 November. Merged on 6 December, the person is 核心 since 10 November, 普通 before — not "no tier until
    today"; the undo puts both records back with their own past."""
    from desktop.services.members import merge_members
    from desktop.services.merge_undo import undo_merge

    owner, gid, ids = _camp(sqlite_workspace, monkeypatch, tiers=(None, "普通"))
    _day(monkeypatch, date(2026, 11, 10))
    with sqlite_workspace.session() as s:
        bulk_set_tier(s, owner, ids[1:], "核心")
        s.commit()
    _day(monkeypatch, TODAY)
    with sqlite_workspace.session() as s:
        keep, drop = (s.scalar(select(Membership.member_id).where(Membership.id == i)) for i in ids)
        merge_members(s, owner, keep, drop)
        s.commit()
        assert health.structure(s, gid, OCT_END)[1] == {"普通": 1}
        assert health.structure(s, gid, date(2026, 11, 30))[1] == {"核心": 1}
        assert health.structure(s, gid, TODAY)[1] == {"核心": 1}
        merge_id = s.scalar(select(func.max(MergeUndo.id)))
        undo_merge(s, owner, merge_id)
        s.commit()
        assert health.structure(s, gid, OCT_END)[1] == {"未设置": 1, "普通": 1}
        assert health.structure(s, gid, TODAY)[1] == {"未设置": 1, "核心": 1}
        assert s.execute(select(TierChange.membership_id, TierChange.changed_on)).all() == [
            (ids[1], date(2026, 11, 10))
        ]


def test_a_tier_column_after_a_points_level_column_is_the_tier(sqlite_workspace, monkeypatch, tmp_path):
    """姓名, 积分, 等级 (the points level: 骨干, 活跃), 层级: the 等级 column took the tier and the 层级 column
    was not imported — the organiser's tiers were not read (and the levels were judged as tiers). 层级 is the
    tier wherever it stands; the points level is not imported."""
    owner, gid, ids = _camp(sqlite_workspace, monkeypatch, tiers=("普通", "普通"))
    path = write_csv(
        tmp_path / "名单.csv",
        [["姓名", "积分", "等级", "层级"], ["成员0", "120", "骨干", "核心"], ["成员1", "40", "活跃", "中咖"]],
    )
    plan, _summary, _ = run_import(sqlite_workspace, owner, path, "训练营", "roster")
    assert plan.mapping[3] == "tier" and 2 not in plan.mapping
    with sqlite_workspace.session() as s:
        assert health.structure(s, gid, TODAY)[1] == {"核心": 1, "中咖": 1}
        assert health.structure(s, gid, OCT_END)[1] == {"普通": 2}


def test_the_english_workbooks_tier_names_are_read_back_as_the_tiers(sqlite_workspace, monkeypatch, tmp_path):
    """The monthly workbook with English headers writes the default tiers in English (Core, Key voice, Mid voice,
    Regular); imported back, every row was refused: 未知层级「Regular」. They name the default tiers."""
    owner, gid, ids = _camp(sqlite_workspace, monkeypatch, tiers=("普通", "普通", "中咖"))
    path = write_csv(
        tmp_path / "roster.csv",
        [["Name", "Tier"], ["成员0", "Core"], ["成员1", "key voice"], ["成员2", "Regular"]],
    )
    plan, _summary, _ = run_import(sqlite_workspace, owner, path, "训练营", "roster")
    assert not plan.problems
    with sqlite_workspace.session() as s:
        assert health.structure(s, gid, TODAY)[1] == {"核心": 1, "大咖": 1, "普通": 1}
        assert health.structure(s, gid, OCT_END)[1] == {"普通": 2, "中咖": 1}
