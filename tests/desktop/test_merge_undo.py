"""Undoing a merge (desktop/services/merge_undo.py): two 张三 who are two people, merged by mistake, come back as
they were — every row of both, on both engines — while nothing has changed since; afterwards it is refused."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.errors import PermissionDenied, ValidationError
from desktop.services.checkins import record_checkins, record_leave
from desktop.services.groups import create_group
from desktop.services.members import bulk_add_role, bulk_copy_to_group, merge_members
from desktop.services.merge_undo import last_undoable_merge, undo_merge
from desktop.services.operators import add_operator
from desktop.services.participation import ActivityInput, add_contribution, create_activity, set_attendance
from desktop.services.points import balance
from desktop.services.roster import MemberInput, add_member
from models import AuditEntry, Base, Member, kept

JOINED = datetime(2026, 10, 1, 9, 0)
TODAY = date(2026, 11, 20)  # the tests' own day, whatever day the suite runs on (the activity has happened by then)
D0 = date(2026, 11, 1)
DAYS = [D0 + timedelta(days=i) for i in range(9)]

# every table but the append-only logs (audit_log gains the merge and the undo; merge_undo the merge's record)
_LOGS = {"audit_log", "merge_undo", "alembic_version"}


def _dump(connection) -> dict[str, list[tuple]]:
    out = {}
    for table in Base.metadata.sorted_tables:
        if table.name in _LOGS:
            continue
        cols = [c for c in table.columns if not (table.name == "membership" and c.name == "streak_checked")]
        rows = connection.execute(select(*cols)).all()
        out[table.name] = sorted(tuple(str(v) for v in r) for r in rows)
    return out


@pytest.fixture
def two(workspace, owner, monkeypatch):
    """Two people both called 张三, in one group, each with a week of check-ins (a streak bonus), a shared day, a
    leave, an activity, a share, a role and tags; one of them also in a second group and the referrer of 李四."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    with workspace.session() as s:
        g1 = create_group(s, owner, "早起营")
        g2 = create_group(s, owner, "读书会")
        a, a_ms = add_member(
            s, owner, g1, MemberInput(display_name="张三", wechat_id="zs_a", tags=["老会员"], joined_at=JOINED)
        )
        b, b_ms = add_member(
            s, owner, g1, MemberInput(display_name="张三", phone="13800138000", tags=["宝妈"], joined_at=JOINED)
        )
        bulk_copy_to_group(s, owner, [b_ms], g2)
        _, friend_ms = add_member(s, owner, g1, MemberInput(display_name="李四", referrer_id=b, joined_at=JOINED))
        for d in DAYS[:7]:
            record_checkins(s, owner, g1, d, [a_ms], today=DAYS[-1])
        for d in DAYS[5:]:
            record_checkins(s, owner, g1, d, [b_ms], today=DAYS[-1])
        record_leave(s, owner, b_ms, DAYS[2], DAYS[3], "出差")
        act = create_activity(s, owner, g1, ActivityInput(title="读书分享", starts_at=datetime(2026, 11, 4, 20, 0)))
        set_attendance(s, owner, act, a_ms, "attended")
        set_attendance(s, owner, act, b_ms, "attended")
        add_contribution(s, owner, b_ms, "share", DAYS[6], "早起心得")
        bulk_add_role(s, owner, [b_ms], "助理")
        s.commit()
    return dict(a=a, b=b, a_ms=a_ms, b_ms=b_ms, friend_ms=friend_ms, g1=g1, g2=g2)


def test_a_merge_is_undone_row_for_row(workspace, owner, two):
    with workspace.session() as s:
        before = _dump(s.connection())
        points = {ms: balance(s, ms) for ms in (two["a_ms"], two["b_ms"], two["friend_ms"])}
        summary = merge_members(s, owner, two["a"], two["b"])
        s.commit()
        assert summary.merge_id is not None
        assert _dump(s.connection()) != before
        assert last_undoable_merge(s, two["a"]) == summary.merge_id
    with workspace.session() as s:
        assert undo_merge(s, owner, summary.merge_id) == (two["a"], two["b"])
        s.commit()
    with workspace.session() as s:
        assert _dump(s.connection()) == before
        assert kept.drift(s.connection()) == []
        assert {ms: balance(s, ms) for ms in points} == points
        b = s.get(Member, two["b"])
        assert b.deleted_at is None and b.merged_into_id is None
        # the audit rows of 张三 (b) are b's again; the merge and its undo are both in the log
        mine = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "member", AuditEntry.entity_id == two["b"])
        ).all()
        assert "member.add" in mine
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.in_(("member.merge", "member.unmerge")))
        ).all()
        assert sorted(actions) == ["member.merge", "member.unmerge"]
        assert last_undoable_merge(s, two["a"]) is None
        with pytest.raises(ValidationError, match="undone already"):
            undo_merge(s, owner, summary.merge_id)


def test_a_merge_is_not_undone_once_either_person_changed(workspace, owner, two):
    """A check-in logged for the kept person after the merge would be thrown away by putting the rows back: refused,
    saying why, and nothing is written."""
    with workspace.session() as s:
        summary = merge_members(s, owner, two["a"], two["b"])
        s.commit()
        record_checkins(
            s, owner, two["g1"], DAYS[-1] + timedelta(days=1), [two["a_ms"]], today=DAYS[-1] + timedelta(days=1)
        )
        s.commit()
        after = _dump(s.connection())
    with workspace.session() as s:
        assert last_undoable_merge(s, two["a"]) is None  # not offered any more
        with pytest.raises(ValidationError, match="cannot be undone"):
            undo_merge(s, owner, summary.merge_id)
        s.rollback()
        assert _dump(s.connection()) == after


def test_only_a_manager_undoes_a_merge(workspace, owner, two):
    with workspace.session() as s:
        summary = merge_members(s, owner, two["a"], two["b"])
        helper = add_operator(s, owner, "小助手", "assistant")
        s.commit()
        with pytest.raises(PermissionDenied):
            undo_merge(s, helper, summary.merge_id)
