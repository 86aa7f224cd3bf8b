"""Editable tiers, roles and tags: renames keep assignments, removals clear them, bad input is refused."""

from __future__ import annotations

import pytest

from desktop.errors import PermissionDenied, ValidationError
from desktop.services.groups import create_group
from desktop.services.members import bulk_add_role, bulk_set_tier
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, RosterQuery, add_member, search_roster
from desktop.services.taxonomy import (
    TierRow,
    add_role,
    list_roles,
    list_tag_rows,
    list_tier_rows,
    remove_role,
    rename_role,
    save_tiers,
    set_tag,
)


@pytest.fixture
def ms(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        _, mid = add_member(s, owner, gid, MemberInput(display_name="张三", tags=["老会员"]))
        bulk_set_tier(s, owner, [mid], "大咖")
        bulk_add_role(s, owner, [mid], "策划")
        s.commit()
    return gid, mid


def row(workspace, gid):
    with workspace.session() as s:
        return search_roster(s, RosterQuery(group_id=gid))[0]


def test_tiers_rename_reorder_add_remove(workspace, owner, ms):
    gid, _ = ms
    with workspace.session() as s:
        tiers = list_tier_rows(s)
        assert [t.name for t in tiers] == ["核心", "大咖", "中咖", "普通"]
        core, big, mid, normal = tiers
        save_tiers(
            s,
            owner,
            [
                TierRow(big.id, "KOL", 0.05),
                TierRow(core.id, "核心", 0.02),
                TierRow(normal.id, "普通", 0.73),
                TierRow(None, "新人", 0.2),
            ],
        )
        s.commit()
        assert [t.name for t in list_tier_rows(s)] == ["KOL", "核心", "普通", "新人"]
    assert row(workspace, gid).tier == "KOL"
    with workspace.session() as s:
        with pytest.raises(ValidationError):
            save_tiers(s, owner, [TierRow(None, "A", 0.1), TierRow(None, "A", 0.1)])


def test_roles_and_tags(workspace, owner, ms):
    gid, _ = ms
    with workspace.session() as s:
        role_id = next(r[0] for r in list_roles(s) if r[1] == "策划")
        rename_role(s, owner, role_id, "活动策划")
        add_role(s, owner, "社群讲师")
        with pytest.raises(ValidationError):
            add_role(s, owner, "社群讲师")
        tag_id = list_tag_rows(s)[0][0]
        set_tag(s, owner, tag_id, name="元老", color="#ff8800")
        with pytest.raises(ValidationError):
            set_tag(s, owner, tag_id, color="orange")
        s.commit()
    r = row(workspace, gid)
    assert r.roles == ("活动策划",) and r.tags == ("元老",)
    with workspace.session() as s:
        assert list_tag_rows(s)[0][2:] == ("#FF8800", 1)
        remove_role(s, owner, role_id)
        s.commit()
    assert row(workspace, gid).roles == ()


def test_assistants_cannot_edit_tiers(workspace, owner, ms):
    with workspace.session() as s:
        helper = add_operator(s, owner, "助理", "assistant")
        with pytest.raises(PermissionDenied):
            save_tiers(s, helper, [TierRow(None, "x", 0.1)])
