"""The group profile service: the seven essentials, kind, capacity, joining notice and streak setting are
validated, written with an audit row (before/after), refused for an assistant; rules versions are listed
newest first with their dates."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desktop.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.group_profile import get_group_profile, list_rules_versions, update_group_profile
from desktop.services.groups import create_group
from desktop.services.onboarding import update_rules
from desktop.services.operators import add_operator
from models import AuditEntry, Group


@pytest.fixture
def group(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "早起营", kind="camp", goal="一起早起")
        create_group(s, owner, "读书会")
        s.commit()
    return gid


def test_update_essentials_and_settings(workspace, owner, group):
    with workspace.session() as s:
        changed = update_group_profile(
            s,
            owner,
            group,
            goal="  21 天养成早起习惯  ",
            threshold_text="需回答进群目的并缴费",
            fee_cents=9900,
            value_text="每日打卡 + 每周分享",
            rituals_text="新人自我介绍",
            sharing_text="每周五干货分享",
            operators_text="群主 + 2 名助理",
            joining_notice="请先阅读群规",
            capacity=300,
            kind="learning",
            late_checkins_count_for_streak=True,
        )
        s.commit()
    assert changed["goal"] == "21 天养成早起习惯"
    assert changed["fee_cents"] == 9900
    with workspace.session() as s:
        p = get_group_profile(s, group)
        assert (p.goal, p.fee_cents, p.capacity, p.kind) == ("21 天养成早起习惯", 9900, 300, "learning")
        assert p.late_checkins_count_for_streak is True
        assert p.joining_notice == "请先阅读群规"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "group.update")).one()
        summary = json.loads(audit.summary)
        assert summary["before"]["goal"] == "一起早起"
        assert summary["after"]["capacity"] == 300
        assert audit.entity_id == group


def test_unchanged_values_write_nothing(workspace, owner, group):
    with workspace.session() as s:
        assert update_group_profile(s, owner, group, goal="一起早起", capacity=500) == {}
        s.commit()
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "group.update")).first() is None


def test_empty_text_clears_a_field(workspace, owner, group):
    with workspace.session() as s:
        update_group_profile(s, owner, group, goal="   ")
        s.commit()
        assert get_group_profile(s, group).goal is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"capacity": 0}, "capacity"),
        ({"capacity": "many"}, "capacity"),
        ({"fee_cents": -1}, "fee_cents"),
        ({"kind": "cult"}, "kind"),
        ({"name": " "}, "name"),
        ({"name": "读书会"}, "name"),
        ({"late_checkins_count_for_streak": "yes"}, "late_checkins_count_for_streak"),
        ({"colour": "red"}, "colour"),
        ({"goal": "x" * 5000}, "goal"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(workspace, owner, group, fields, field):
    with workspace.session() as s:
        with pytest.raises(ValidationError) as err:
            update_group_profile(s, owner, group, rituals_text="新仪式", **fields)
        assert err.value.field == field
        s.rollback()
        assert s.get(Group, group).rituals_text is None


def test_rename_checks_uniqueness_but_allows_its_own_name(workspace, owner, group):
    with workspace.session() as s:
        assert update_group_profile(s, owner, group, name="早起营") == {}
        update_group_profile(s, owner, group, name="早起营 2 期")
        s.commit()
        assert get_group_profile(s, group).name == "早起营 2 期"


def test_assistant_may_not_edit_the_profile(workspace, owner, group):
    with workspace.session() as s:
        helper = add_operator(s, owner, "小助理", "assistant")
        s.commit()
        with pytest.raises(PermissionDenied):
            update_group_profile(s, helper, group, goal="改掉")


def test_unknown_group(workspace, owner):
    with workspace.session() as s, pytest.raises(NotFound):
        update_group_profile(s, owner, 9999, goal="x")


def test_rules_versions_newest_first_and_profile_shows_the_current_one(workspace, owner, group):
    with workspace.session() as s:
        assert get_group_profile(s, group).rules_version is None
        assert update_rules(s, owner, group, "第一版群规") == 1
        assert update_rules(s, owner, group, "第二版群规") == 2
        s.commit()
        versions = list_rules_versions(s, group)
        assert [(v.version, v.text) for v in versions] == [(2, "第二版群规"), (1, "第一版群规")]
        assert versions[0].created_by == owner.name and versions[0].created_at is not None
        p = get_group_profile(s, group)
        assert (p.rules_version, p.rules_text) == (2, "第二版群规")


def test_check_in_keywords_are_kept_tidy(workspace, owner):
    from desktop.services.group_profile import get_group_profile, update_group_profile
    from desktop.services.groups import create_group

    with workspace.session() as s:
        gid = create_group(s, owner, "跑团")
        update_group_profile(s, owner, gid, checkin_keywords=" 打卡, 签到  晨跑、打卡 ")
        s.commit()
        assert get_group_profile(s, gid).checkin_keywords == "打卡、签到、晨跑"
        update_group_profile(s, owner, gid, checkin_keywords="  ")
        assert get_group_profile(s, gid).checkin_keywords is None
