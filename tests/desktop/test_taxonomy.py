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


def test_the_structure_targets_are_the_tiers_shares(workspace, owner, ms):
    """Settings' 目标占比 was stored and read by nothing: the dashboard and the workbook compared with a fixed
    5/20/75. The targets are now the tiers' shares summed by bucket (核心 + 大咖 key voices); the defaults add up to
    5/20/75; every share 0 falls back to 5/20/75; shares adding up to more than 100% are refused."""
    from desktop.health import structure_target_label, structure_targets

    with workspace.session() as s:
        assert structure_targets(s) == {"key": 0.05, "mid": 0.2, "ordinary": 0.75}
        core, big, mid, normal = list_tier_rows(s)
        save_tiers(
            s,
            owner,
            [
                TierRow(core.id, "核心", 0.02),
                TierRow(big.id, "大咖", 0.08),
                TierRow(mid.id, "中咖", 0.30),
                TierRow(normal.id, "普通", 0.60),
            ],
        )
        s.commit()
        targets = structure_targets(s)
        assert targets == {"key": 0.1, "mid": 0.3, "ordinary": 0.6}
        assert structure_target_label(targets) == "10/30/60"
        with pytest.raises(ValidationError, match="110%"):
            save_tiers(s, owner, [TierRow(t.id, t.name, 0.5 if t.name == "普通" else 0.2) for t in list_tier_rows(s)])
        s.rollback()
        assert structure_targets(s) == {"key": 0.1, "mid": 0.3, "ordinary": 0.6}  # nothing of the refused list
        save_tiers(s, owner, [TierRow(t.id, t.name, 0.0) for t in list_tier_rows(s)])
        s.commit()
        assert structure_targets(s) == {"key": 0.05, "mid": 0.2, "ordinary": 0.75}
        assert structure_target_label({"key": 0.025, "mid": 0.2, "ordinary": 0.775}) == "2.5/20/77.5"
