"""Read-only lookups of the Roster page (member panel data, a person side by side, snapshots for undo) and the
inverse bulk actions used by undo (take a tag or a role off again)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.members import bulk_add_role, bulk_copy_to_group, bulk_tag
from desktop.services.onboarding import list_steps, record_step, retire_step
from desktop.services.operators import add_operator
from desktop.services.points import adjust_points
from desktop.services.roster import MemberInput, add_member
from desktop.services.roster_bulk import bulk_remove_role, bulk_remove_tag
from desktop.services.roster_queries import list_roles, member_panel_data, membership_snapshots, person_brief
from tests.fixed_day import TEST_TODAY

DAY = TEST_TODAY - timedelta(days=1)
JOINED = datetime(2026, 10, 1, 9, 0)  # before DAY: nobody checks in before they joined


@pytest.fixture
def people(workspace, owner):
    with workspace.session() as s:
        g = create_group(s, owner, "早起营")
        g2 = create_group(s, owner, "读书会")
        zs, zs_ms = add_member(
            s, owner, g, MemberInput(display_name="张三", tags=["早起"], tier="核心", seed_user=True, joined_at=JOINED)
        )
        _, ls_ms = add_member(s, owner, g, MemberInput(display_name="李四", referrer_id=zs))
        _, ap_ms = add_member(s, owner, g, MemberInput(display_name="小王", status="applicant"))
        bulk_copy_to_group(s, owner, [zs_ms], g2)
        record_checkins(s, owner, g, DAY, [zs_ms])
        adjust_points(s, owner, zs_ms, 30, "活动组织")
        steps = list_steps(s, g)
        record_step(s, owner, ap_ms, steps[0].id, answer="想早起")
        s.commit()
    return dict(g=g, g2=g2, zs=zs, zs_ms=zs_ms, ls_ms=ls_ms, ap_ms=ap_ms, steps=steps)


def test_member_panel_data(workspace, people):
    with workspace.session() as s:
        d = member_panel_data(s, people["zs_ms"])
        assert (d.display_name, d.status, d.tier, d.group_name, d.seed_user) == (
            "张三",
            "active",
            "核心",
            "早起营",
            True,
        )
        assert d.tags == (("早起", "#5B8FF9"),)
        assert d.points >= 30 and d.level is not None
        assert [p.display_name for p in d.referred] == ["李四"]
        assert d.referrer is None
        ls = member_panel_data(s, people["ls_ms"])
        assert ls.referrer is not None and ls.referrer.display_name == "张三"
        ap = member_panel_data(s, people["ap_ms"])
        assert ap.status == "onboarding"
        assert ap.steps[0].done_at is not None and ap.steps[0].answer == "想早起"
        assert all(st.done_at is None for st in ap.steps[1:])
        with pytest.raises(NotFound):
            member_panel_data(s, 99999)


def test_retired_steps_show_only_when_recorded(workspace, owner, people):
    steps = people["steps"]
    with workspace.session() as s:
        retire_step(s, owner, steps[0].id)  # recorded for 小王
        retire_step(s, owner, steps[-1].id)  # recorded for nobody
        s.commit()
        names = [(st.name, st.retired) for st in member_panel_data(s, people["ap_ms"]).steps]
        assert (steps[0].name, True) in names
        assert steps[-1].name not in [n for n, _ in names]
        assert names[-1] == (steps[0].name, True)  # retired ones come last


def test_person_brief_counts_checkins_per_group(workspace, people):
    with workspace.session() as s:
        b = person_brief(s, people["zs"])
        assert [(g.group_name, g.status, g.checkins) for g in b.groups] == [
            ("早起营", "active", 1),
            ("读书会", "active", 0),
        ]
        assert b.checkins == 1 and b.tags == ("早起",)


def test_snapshots_and_roles(workspace, owner, people):
    ids = [people["zs_ms"], people["ls_ms"]]
    with workspace.session() as s:
        bulk_add_role(s, owner, [people["zs_ms"]], "策划")
        snaps = membership_snapshots(s, ids)
        assert snaps[people["zs_ms"]].tier == "核心" and snaps[people["zs_ms"]].roles == ("策划",)
        assert snaps[people["ls_ms"]].tier is None and snaps[people["ls_ms"]].tags == ()
        assert [name for _id, name in list_roles(s)][:2] == ["日常运营", "策划"]


def test_bulk_remove_tag_and_role_undo_the_bulk_actions(workspace, owner, people):
    ids = [people["zs_ms"], people["ls_ms"]]
    with workspace.session() as s:
        bulk_tag(s, owner, ids, "读书")
        bulk_add_role(s, owner, ids, "客服")
        s.commit()
        assert bulk_remove_tag(s, owner, ids, "读书") == 2
        assert bulk_remove_role(s, owner, ids, "客服") == 2
        s.commit()
        snaps = membership_snapshots(s, ids)
        assert snaps[people["zs_ms"]].tags == ("早起",) and snaps[people["ls_ms"]].tags == ()
        assert all(snap.roles == () for snap in snaps.values())
        assert bulk_remove_tag(s, owner, ids, "没有这个标签") == 0
        with pytest.raises(ValidationError):
            bulk_remove_role(s, owner, ids, "不存在的角色")
        with pytest.raises(NotFound):
            bulk_remove_tag(s, owner, [99999], "早起")


def test_bulk_remove_needs_edit_permission(workspace, owner, people):
    with workspace.session() as s:
        viewer = add_operator(s, owner, "小助理", "assistant")
        s.commit()
        assert bulk_remove_tag(s, viewer, [people["zs_ms"]], "早起") == 1  # assistants may edit members
        stranger = viewer.__class__(viewer.id, viewer.name, "visitor")  # a role without edit_members
        with pytest.raises(PermissionDenied):
            bulk_remove_role(s, stranger, [people["zs_ms"]], "客服")
