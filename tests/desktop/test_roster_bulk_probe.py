"""Roster probe: soft delete, bulk moves and their figures, read back through the services and the CLI."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.health import top_referrers
from desktop.services.groups import create_group
from desktop.services.members import referral_tree
from desktop.services.roster import MemberInput, add_member, restore_member, soft_delete_member

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their people joined in September and October 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def tree(s, gid) -> list[tuple[str, list[str]]]:
    return [(n.display_name, [c.display_name for c in n.children]) for n in referral_tree(s, gid)]


def test_a_deleted_referrer_is_in_no_referral_tree_and_comes_back_with_a_restore(workspace, owner):
    """张三 brought 李四 and 王五 into 训练营, then was deleted: the dashboard's top referrers left 张三 out (a deleted
    person is in no list or figure), the referral tree still showed 张三 at the top with 2 referrals. Now the tree
    leaves them out too; a restore puts them back, nothing doubled."""
    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        zs, _ = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 9, 1, 9)))
        for name in ("李四", "王五"):
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 10, 3), referrer_id=zs))
        s.commit()
        assert tree(s, gid) == [("张三", ["李四", "王五"])]
        assert top_referrers(s, gid) == [("张三", 2)]
        soft_delete_member(s, owner, zs)
        s.commit()
        assert top_referrers(s, gid) == []
        assert tree(s, gid) == []
        restore_member(s, owner, zs)
        s.commit()
        assert tree(s, gid) == [("张三", ["李四", "王五"])]
        assert top_referrers(s, gid) == [("张三", 2)]


def test_a_person_blacklisted_in_the_camp_is_not_copied_or_moved_into_the_alumni_group_in_bulk(workspace, owner):
    """The camp's spammer (黑名单 in 训练营) was in the organiser's "select all" of the camp: "copy to 校友群" made
    them a member (已入群) of the alumni group without a word — a blacklist is lifted only explicitly, and adding a
    person blacklisted anywhere warns. The copy and the move are refused naming them; nothing is written."""
    from sqlalchemy import select

    from desktop.errors import ValidationError
    from desktop.services.members import bulk_copy_to_group
    from desktop.services.onboarding import leave_group
    from models import Membership

    with workspace.session() as s:
        camp = create_group(s, owner, "训练营")
        alumni = create_group(s, owner, "校友群")
        ids = [
            add_member(s, owner, camp, MemberInput(display_name=n, joined_at=datetime(2026, 9, 1, 9)))[1]
            for n in ("张三", "广告哥")
        ]
        leave_group(s, owner, ids[1], "发广告", status="blacklisted")
        s.commit()
        for move in (False, True):
            with pytest.raises(ValidationError) as err:
                bulk_copy_to_group(s, owner, ids, alumni, move=move)
            assert "广告哥" in str(err.value) and "张三" not in str(err.value)
            s.rollback()
        rows = s.execute(select(Membership.group_id, Membership.status).order_by(Membership.id)).all()
        assert rows == [(camp, "active"), (camp, "blacklisted")]
        assert bulk_copy_to_group(s, owner, ids[:1], alumni) == 1  # without them it goes through


def roster_sheet(path) -> list[tuple]:
    from openpyxl import load_workbook

    ws = load_workbook(path)["成员名册"]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "社群")
    return [(r[1], r[6]) for r in rows[head + 1 :] if r[1]]


def test_octobers_roster_sheet_is_the_same_after_a_move_in_november(workspace, owner, tmp_path):
    """张三 and 李四 were members of 训练营 all October; on 20 November they were moved to 校友群. October's workbook
    exported again afterwards listed them as 已退群 — in October's roster, sorted below October's members — while its
    figures (members_total 3) still counted them. The roster sheet's status is the one at the end of the month, as
    its points are; November's says 已退群."""
    from desktop.metrics import month_stats
    from desktop.services.checkins import record_checkins
    from desktop.services.members import bulk_copy_to_group
    from desktop.services.report import export_monthly_report

    with workspace.session() as s:
        camp = create_group(s, owner, "训练营")
        alumni = create_group(s, owner, "校友群")
        ids = [
            add_member(s, owner, camp, MemberInput(display_name=n, joined_at=datetime(2026, 9, 1, 9)))[1]
            for n in ("张三", "李四", "王五")
        ]
        record_checkins(s, owner, camp, date(2026, 10, 5), ids[:2], today=TODAY)
        s.commit()
        october = month_stats(s, camp, 2026, 10, TODAY)

    def export(name: str, month: int):
        path = tmp_path / name
        export_monthly_report(workspace, owner, year=2026, month=month, group_ids=[camp], path=path, today=TODAY)
        return roster_sheet(path)

    before = export("before.xlsx", 10)
    assert sorted(before) == [("张三", "已入群"), ("李四", "已入群"), ("王五", "已入群")]
    with workspace.session() as s:
        bulk_copy_to_group(s, owner, ids[:2], alumni, move=True)
        s.commit()
        assert month_stats(s, camp, 2026, 10, TODAY) == october
    assert export("after.xlsx", 10) == before
    assert sorted(export("november.xlsx", 11)) == [("张三", "已退群"), ("李四", "已退群"), ("王五", "已入群")]


def test_the_undo_services_of_a_bulk_tier_and_a_new_tag_on_both_engines(workspace, owner):
    """roster_bulk.bulk_swap_tier changes a tier only while it is what the action left; bulk_remove_tag(created=True)
    takes a tag nobody carries any more out of the tag list (both engines: the team database runs them too)."""
    from sqlalchemy import select

    from desktop.services.lookups import list_tags, other_groups_of
    from desktop.services.members import bulk_copy_to_group, bulk_set_tier, bulk_tag
    from desktop.services.roster_bulk import bulk_remove_tag, bulk_swap_tier
    from desktop.services.roster_queries import membership_snapshots
    from models import Membership

    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        other = create_group(s, owner, "闲聊群")
        a = add_member(s, owner, gid, MemberInput(display_name="张三", tier="核心", joined_at=datetime(2026, 9, 1)))
        b = add_member(s, owner, gid, MemberInput(display_name="李四", joined_at=datetime(2026, 9, 1)))
        bulk_copy_to_group(s, owner, [a[1]], other)
        s.commit()
        bulk_set_tier(s, owner, [a[1], b[1]], "大咖")
        bulk_set_tier(s, owner, [b[1]], "中咖")  # someone else, since
        assert bulk_swap_tier(s, owner, {a[1]: ("大咖", "核心"), b[1]: ("大咖", None)}) == 1
        s.commit()
        snaps = membership_snapshots(s, [a[1], b[1]])
        assert (snaps[a[1]].tier, snaps[b[1]].tier) == ("核心", "中咖")

        assert bulk_tag(s, owner, [a[1], b[1]], "毕业") == 2
        s.commit()
        assert bulk_remove_tag(s, owner, [a[1], b[1]], "毕业", created=True) == 2
        s.commit()
        assert "毕业" not in [n for _i, n in list_tags(s)]

        there = s.scalar(select(Membership.id).where(Membership.member_id == a[0], Membership.group_id == other))
        assert other_groups_of(s, [a[0], b[0]], [a[1], b[1]]) == ["闲聊群"]
        assert other_groups_of(s, [a[0]], [a[1], there]) == []
