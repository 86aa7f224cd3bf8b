"""Merging two people (nothing lost, check-ins de-duplicated per day), bulk actions, the referral tree and
the member timeline."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.errors import PermissionDenied
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.members import (
    bulk_add_role,
    bulk_copy_to_group,
    bulk_set_tier,
    bulk_tag,
    member_timeline,
    merge_members,
    referral_tree,
)
from desktop.services.onboarding import list_steps, record_step
from desktop.services.operators import add_operator
from desktop.services.participation import add_contribution
from desktop.services.points import balance
from desktop.services.roster import MemberInput, RosterQuery, add_member, search_roster
from models import AuditEntry, CheckIn, Member, Membership

D1, D2, D3 = date(2026, 11, 1), date(2026, 11, 2), date(2026, 11, 3)
JOINED = datetime(2026, 10, 1, 9, 0)  # before the check-ins (none is logged before its member joined)


@pytest.fixture
def people(workspace, owner):
    with workspace.session() as s:
        g1 = create_group(s, owner, "早起营")
        g2 = create_group(s, owner, "读书会")
        keep, keep_ms = add_member(
            s, owner, g1, MemberInput(display_name="张三", wechat_id="zs1", tags=["老会员"], joined_at=JOINED)
        )
        drop, drop_ms = add_member(
            s, owner, g1, MemberInput(display_name="张三 ", phone="13800138000", tags=["宝妈"], joined_at=JOINED)
        )
        bulk_copy_to_group(s, owner, [drop_ms], g2)
        drop_ms2 = s.scalar(select(Membership.id).where(Membership.member_id == drop, Membership.group_id == g2))
        _, friend_ms = add_member(s, owner, g1, MemberInput(display_name="李四", referrer_id=drop))
        record_checkins(s, owner, g1, D1, [keep_ms, drop_ms], today=D3)
        record_checkins(s, owner, g1, D2, [drop_ms], today=D3)
        record_checkins(s, owner, g1, D3, [keep_ms], today=D3)
        add_contribution(s, owner, drop_ms, "share", D2, "早起心得")
        s.commit()
    return dict(
        g1=g1, g2=g2, keep=keep, drop=drop, keep_ms=keep_ms, drop_ms=drop_ms, drop_ms2=drop_ms2, friend_ms=friend_ms
    )


def test_merge_keeps_everything_and_drops_only_same_day_duplicates(workspace, owner, people):
    p = people
    with workspace.session() as s:
        points_before = balance(s, p["keep_ms"]) + balance(s, p["drop_ms"])
        summary = merge_members(s, owner, p["keep"], p["drop"])
        s.commit()
        assert (summary.memberships_moved, summary.memberships_merged) == (1, 1)
        assert (summary.checkins_moved, summary.checkins_dropped_as_duplicates) == (1, 1)
        days = s.scalars(select(CheckIn.day).where(CheckIn.membership_id == p["keep_ms"]).order_by(CheckIn.day)).all()
        assert days == [D1, D2, D3]
        assert balance(s, p["keep_ms"]) == points_before - 1  # the duplicate day's point is reversed
        keep = s.get(Member, p["keep"])
        assert keep.phone == "13800138000" and keep.wechat_id == "zs1"
        assert sorted(t.name for t in keep.tags) == ["宝妈", "老会员"]
        assert {ms.group_id for ms in keep.memberships} == {p["g1"], p["g2"]}
        assert s.get(Membership, p["friend_ms"]).referrer_id == p["keep"]
        dropped = s.get(Member, p["drop"])
        assert dropped.merged_into_id == p["keep"] and dropped.deleted_at is not None
        adds = s.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "member.add")).all()
        assert p["drop"] not in adds  # its history now belongs to the kept person
        names = [r.display_name for r in search_roster(s, RosterQuery(group_id=p["g1"]))]
        assert names.count("张三") == 1


def test_assistants_cannot_merge(workspace, owner, people):
    with workspace.session() as s:
        helper = add_operator(s, owner, "助理", "assistant")
        with pytest.raises(PermissionDenied):
            merge_members(s, helper, people["keep"], people["drop"])


def test_bulk_actions(workspace, owner, people):
    p = people
    sel = [p["keep_ms"], p["friend_ms"]]
    with workspace.session() as s:
        assert bulk_tag(s, owner, sel, "核心志愿者") == 2
        assert bulk_set_tier(s, owner, sel, "中咖") == 2
        assert bulk_add_role(s, owner, sel, "助理") == 2
        assert bulk_copy_to_group(s, owner, sel, p["g2"], move=True) == 2
        s.commit()
        rows = search_roster(s, RosterQuery(group_id=p["g1"], text="李四"))
        assert rows[0].tier == "中咖" and "助理" in rows[0].roles and "核心志愿者" in rows[0].tags
        assert rows[0].status == "left"


def test_referral_tree_and_timeline(workspace, owner, people):
    p = people
    with workspace.session() as s:
        _, third = add_member(s, owner, p["g1"], MemberInput(display_name="王五", status="applicant"))
        s.get(Membership, third).referrer_id = s.get(Membership, p["friend_ms"]).member_id
        s.commit()
        (root,) = referral_tree(s, p["g1"])
        assert (root.member_id, root.total, root.children[0].display_name) == (p["drop"], 2, "李四")
        assert root.children[0].children[0].display_name == "王五"
        steps = {st.code: st.id for st in list_steps(s, p["g1"])}
        record_step(s, owner, third, steps["purpose"], answer="想早起")
        s.commit()
        kinds = [e.kind for e in member_timeline(s, third)]
        assert "step" in kinds
        kinds = [e.kind for e in member_timeline(s, p["drop_ms"])]
        assert kinds.count("checkin") == 2 and "contribution" in kinds


def test_a_referral_cycle_is_shown_broken_at_one_member(workspace, owner):
    """An import's 推荐人 column can record A brought in by B and B by A. Such people were in no tree (no root
    reaches a cycle) and the totals left them out: every referral is in the tree now, the cycle broken at its
    member with the lowest id, who is shown at the top with the referrer that closes the cycle."""
    with workspace.session() as s:
        gid = create_group(s, owner, "环形推荐")
        ids = {}
        for name in ("甲", "乙", "丙", "丁", "戊", "己", "庚"):
            ids[name] = add_member(s, owner, gid, MemberInput(display_name=name))
        s.flush()

        def refer(name: str, by: str) -> None:
            s.get(Membership, ids[name][1]).referrer_id = ids[by][0]

        refer("甲", "乙")  # 甲 ⇄ 乙, and 乙 brought 丙, 丙 brought 丁
        refer("乙", "甲")
        refer("丙", "乙")
        refer("丁", "丙")
        refer("戊", "己")  # a cycle of three: 戊 brought in by 己, 己 by 庚, 庚 by 戊
        refer("己", "庚")
        refer("庚", "戊")
        s.commit()
        roots = referral_tree(s, gid)

        def names(node) -> list[str]:
            return [node.display_name, *(n for c in node.children for n in names(c))]

        shown = [n for r in roots for n in names(r)]
        assert sorted(shown) == sorted(ids)  # each person once
        assert [(r.display_name, r.total, r.cycle_referrer) for r in roots] == [("甲", 3, "乙"), ("戊", 2, "己")]
        (b,) = roots[0].children
        assert (b.display_name, [c.display_name for c in b.children]) == ("乙", ["丙"])
        assert b.cycle_referrer is None
        (g,) = roots[1].children
        assert (g.display_name, [c.display_name for c in g.children]) == ("庚", ["己"])


def test_a_long_timeline_keeps_its_rare_events(workspace, owner):
    """Check-ins grow by the day: the timeline holds the latest `limit` of them, and every other event whatever
    their number — cut as a whole at `limit`, a long-standing member's joining and entry steps fell off it."""
    from datetime import timedelta

    with workspace.session() as s:
        gid = create_group(s, owner, "长期群")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="老会员", joined_at=datetime(2026, 1, 1, 9)))
        steps = {st.code: st.id for st in list_steps(s, gid)}
        record_step(s, owner, ms, steps["purpose"], answer="坚持", when=datetime(2026, 1, 1, 10))
        for i in range(12):
            d = date(2026, 2, 1) + timedelta(days=i)
            record_checkins(s, owner, gid, d, [ms], today=d)
        s.commit()
        events = member_timeline(s, ms, limit=5)
    kinds = [e.kind for e in events]
    assert kinds.count("checkin") == 5  # the latest five
    assert events[kinds.index("checkin")].when == datetime(2026, 2, 12)
    assert "joined" in kinds and "step" in kinds
    assert [e.when for e in events] == sorted((e.when for e in events), reverse=True)


def test_moving_an_applicant_to_another_group_makes_no_member_here(workspace, owner, people):
    """An applicant of 早起营 moved to 读书会 (bulk move) was never a member of 早起营: no leaving date there, so no
    month counts them as one. Before, the move stamped one, and a leaving date without a join date is a member
    from the beginning until then (October's members_total one more)."""
    from desktop.metrics import month_stats

    p = people
    with workspace.session() as s:
        before = month_stats(s, p["g1"], 2026, 10, date(2026, 11, 18)).members_total
        _, applicant = add_member(s, owner, p["g1"], MemberInput(display_name="申请人", status="applicant"))
        bulk_copy_to_group(s, owner, [applicant], p["g2"], move=True)
        s.commit()
        ms = s.get(Membership, applicant)
        assert (ms.status, ms.left_at, ms.left_reason) == ("left", None, "转到其他社群 (moved to another group)")
        assert month_stats(s, p["g1"], 2026, 10, date(2026, 11, 18)).members_total == before
