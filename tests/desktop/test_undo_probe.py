"""Undo probe: each undo the app offers, done and undone, compared with what was there before (the rows, the
ledger and balances, the kept values, the audit row), and the hard cases: another assistant's change in between,
an undo twice, an undo of something another fact depends on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.errors import NotFound
from desktop.phrases import Phrase, ledger_reason
from desktop.services.audit_export import summary_text
from desktop.services.checkins import record_leave, remove_leave
from desktop.services.groups import create_group
from desktop.services.members import merge_members
from desktop.services.merge_undo import undo_merge
from desktop.services.onboarding import leave_group, list_steps, record_step, undo_step
from desktop.services.participation import (
    ActivityInput,
    add_contribution,
    add_violation,
    create_activity,
    delete_activity,
    remove_contribution,
    remove_violation,
)
from desktop.services.points import balance, recompute_preview
from desktop.services.roster import (
    MemberInput,
    add_member,
    get_member_input,
    leaves_of,
    redo_member_edit,
    undo_member_edit,
    update_member,
)
from desktop.workspace import actor_for
from models import AuditEntry, Membership, PointsEntry, kept

TODAY = date(2026, 11, 20)
JOINED = datetime(2026, 10, 1, 9, 0)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated October and November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _membership_row(s, msid):
    cols = [c for c in Membership.__table__.columns if c.name not in ("updated_at", "streak_checked")]
    return s.execute(select(*cols).where(Membership.id == msid)).one()


def test_a_referrer_set_by_mistake_and_undone_or_corrected_takes_the_referral_with_it(sqlite_workspace):
    """李四 (a member) given 张三 as referrer in the member dialog: 张三 +20. Ctrl+Z put the referrer back to none
    and 张三 kept the 20 (recompute: −20); corrected to 王五 instead, 张三 kept the 20 and 王五 got nothing — the
    ledger said 张三 brought 李四. The referral goes with the referrer the membership names (undo, correction, and
    for someone who has left since), dated when it was earned, the reversal saying why."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        _, zhang = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=JOINED))
        wang_id, wang = add_member(s, owner, gid, MemberInput(display_name="王五", joined_at=JOINED))
        _, li = add_member(s, owner, gid, MemberInput(display_name="李四", joined_at=datetime(2026, 10, 5, 9)))
        s.commit()
        zhang_id = s.scalar(select(Membership.member_id).where(Membership.id == zhang))
        row_before = _membership_row(s, zhang)

        loaded, leaves = get_member_input(s, li), leaves_of(s, li)
        update_member(s, owner, li, replace(loaded, referrer_id=zhang_id), loaded=loaded)
        s.commit()
        assert (balance(s, zhang), balance(s, wang)) == (20, 0)
        # the roster's Ctrl+Z of that edit (ui/pages/roster_commands.edit_command)
        undo_member_edit(s, owner, li, loaded, leaves, edited=get_member_input(s, li))
        s.commit()
        assert get_member_input(s, li).referrer_id is None
        assert (balance(s, zhang), balance(s, wang)) == (0, 0)
        assert _membership_row(s, zhang) == row_before
        assert recompute_preview(s, gid) == []

        loaded = get_member_input(s, li)
        update_member(s, owner, li, replace(loaded, referrer_id=zhang_id), loaded=loaded)
        s.commit()
        loaded = get_member_input(s, li)
        update_member(s, owner, li, replace(loaded, referrer_id=wang_id), loaded=loaded)  # the right one
        s.commit()
        assert (balance(s, zhang), balance(s, wang)) == (0, 20)
        assert recompute_preview(s, gid) == []

        # 李四 leaves (the referral stays earned), then the referrer is corrected once more: it moves again
        leave_group(s, owner, li, "毕业")
        s.commit()
        loaded = get_member_input(s, li)
        update_member(s, owner, li, replace(loaded, referrer_id=zhang_id), loaded=loaded)
        s.commit()
        assert (balance(s, zhang), balance(s, wang)) == (20, 0)
        assert recompute_preview(s, gid) == []
        assert kept.drift(s.connection()) == []

        entries = s.execute(
            select(PointsEntry.membership_id, PointsEntry.day, PointsEntry.points, PointsEntry.reason).where(
                PointsEntry.source_id == li, PointsEntry.source_kind.in_(("referral", "reversal"))
            )
        ).all()
        assert {d for _m, d, _p, _r in entries} == {date(2026, 10, 5)}  # earned when 李四 joined
        reversal = next(r for m, _d, p, r in entries if m == wang and p < 0)
        assert reversal == "推荐人变更: 推荐入群"
        assert isinstance(ledger_reason(reversal), Phrase)
        assert ledger_reason(reversal).english == "Referrer changed: Referred a member"


def test_undoing_the_edit_that_admitted_a_newcomer_takes_their_referral_back(sqlite_workspace):
    """李四, 入群中 and referred by 张三, set to 已入群 in the member dialog: 张三 +20 (a join earns it). Ctrl+Z put
    李四 back to 入群中 with no join date — and 张三 kept the 20 for a newcomer who never became a member
    (recompute: −20). Undoing the step that admits someone takes it back; so does the undo of the edit."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        zhang_id, zhang = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=JOINED))
        _, li = add_member(s, owner, gid, MemberInput(display_name="李四", referrer_id=zhang_id, status="onboarding"))
        s.commit()
        row_before = _membership_row(s, zhang)
        loaded, leaves = get_member_input(s, li), leaves_of(s, li)
        update_member(s, owner, li, replace(loaded, status="active", joined_at=datetime(2026, 11, 2, 9)), loaded=loaded)
        s.commit()
        assert balance(s, zhang) == 20
        undo_member_edit(s, owner, li, loaded, leaves, edited=get_member_input(s, li))
        s.commit()
        back = get_member_input(s, li)
        assert (back.status, back.joined_at) == ("onboarding", None)
        assert balance(s, zhang) == 0
        assert _membership_row(s, zhang) == row_before
        assert recompute_preview(s, gid) == []
        assert kept.drift(s.connection()) == []
        reason = s.scalar(select(PointsEntry.reason).where(PointsEntry.source_kind == "reversal"))
        assert ledger_reason(reason).english == "Set back to not joined yet: Referred a member"


def _last_audit(s, action):
    return s.scalar(select(AuditEntry.summary).where(AuditEntry.action == action).order_by(AuditEntry.id.desc()))


def test_each_undo_says_in_the_audit_log_what_it_undid(sqlite_workspace):
    """The Audit dialog's line of an undo named an id or a kind only: 撤销入群步骤 「step_id: 3 → —」 (which step?),
    删除违规 「类型: ad → —」 (李四 had two ads, on two days: which one?), 删除贡献 without its day, 撤销合并成员
    「merge_id: 1; restored_member_id: 3」 (who came back?). Each now names what it took back."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        _, li = add_member(s, owner, gid, MemberInput(display_name="李四", joined_at=JOINED))
        _, new = add_member(s, owner, gid, MemberInput(display_name="王芳", status="applicant"))
        intro = next(st for st in list_steps(s, gid) if st.name == "自我介绍")
        record_step(s, owner, new, intro.id)
        undo_step(s, owner, new, intro.id)
        add_violation(s, owner, li, "ad", date(2026, 11, 2), "warning")
        vid, _flag = add_violation(s, owner, li, "ad", date(2026, 11, 9), "mute", "又发广告")
        remove_violation(s, owner, vid)
        cid = add_contribution(s, owner, li, "share", date(2026, 11, 10), "读书笔记")
        remove_contribution(s, owner, cid)
        keep_id, _ = add_member(s, owner, gid, MemberInput(display_name="张伟", wechat_id="zw_1", joined_at=JOINED))
        drop_id, _ = add_member(s, owner, gid, MemberInput(display_name="张伟🌟", joined_at=JOINED))
        summary = merge_members(s, owner, keep_id, drop_id)
        undo_merge(s, owner, summary.merge_id)
        s.commit()

        step = summary_text(_last_audit(s, "step.undo"))
        assert "步骤: 自我介绍" in step and "状态: 入群中 → 申请中" in step
        assert "step: 自我介绍" in summary_text(_last_audit(s, "step.undo"), "en")
        violation = summary_text(_last_audit(s, "violation.remove"))
        assert "日期: 2026-11-09" in violation and "处理: mute" in violation and "又发广告" in violation
        assert "日期: 2026-11-10" in summary_text(_last_audit(s, "contribution.remove"))
        assert "姓名: 张伟🌟" in summary_text(_last_audit(s, "member.unmerge"))


def test_removing_what_someone_else_removed_first_says_so_in_words(sqlite_workspace):
    """Two assistants with the same list open: one removes 李四's leave (a share, a violation, an activity); the
    other clicks Remove on the same row. The warning box said "leave 12" (or "contribution 5") — no reason a person
    can read. It says the record is no longer there, someone else may have removed it, and nothing is written."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        _, li = add_member(s, owner, gid, MemberInput(display_name="李四", joined_at=JOINED))
        leave = record_leave(s, owner, li, date(2026, 11, 3), date(2026, 11, 4), "出差")
        share = add_contribution(s, owner, li, "share", date(2026, 11, 5), "读书笔记")
        flood, _flag = add_violation(s, owner, li, "flood", date(2026, 11, 6))
        talk = create_activity(s, owner, gid, ActivityInput(title="分享会", starts_at=datetime(2026, 11, 7, 20)))
        s.commit()
        removals = [
            (remove_leave, leave, "这条请假已不在", "this leave is no longer there"),
            (remove_contribution, share, "这条贡献已不在", "this contribution is no longer there"),
            (remove_violation, flood, "这条违规记录已不在", "this violation is no longer there"),
            (delete_activity, talk, "这个活动已不在", "this activity is no longer there"),
        ]
        for remove, rid, _zh, _en in removals:
            remove(s, owner, rid)
        s.commit()
        points = balance(s, li)
        for remove, rid, zh, en in removals:
            with pytest.raises(NotFound) as err:
                remove(s, owner, rid)  # the other assistant's click
            assert zh in str(err.value) and en in str(err.value) and "someone else" in str(err.value)
            s.rollback()
        assert balance(s, li) == points == 0


def test_a_step_unticked_and_ticked_again_keeps_the_members_join_date(sqlite_workspace):
    """李四 (referred by 张三) became a member on 1 October with his last entry step and checked in for ten days. In
    the member panel the assistant unticked 自我介绍 by mistake and ticked it again (the panel's only way back): his
    join date became today, 20 November — after his October check-ins, so October no longer counted him as a
    member — and 张三's referral moved from October to November. The step ticked again gives back the join date
    its undo took (kept in the undo's audit row), and the referral its day."""
    from desktop.metrics import month_stats
    from desktop.services.checkins import record_checkins

    owner = actor_for(sqlite_workspace)
    admitted = datetime(2026, 10, 1, 9, 0)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        zhang_id, zhang = add_member(s, owner, gid, MemberInput(display_name="张三", joined_at=datetime(2026, 9, 1)))
        _, li = add_member(s, owner, gid, MemberInput(display_name="李四", referrer_id=zhang_id, status="applicant"))
        required = [st for st in list_steps(s, gid) if st.required]
        for st in required:
            record_step(s, owner, li, st.id, answer="早起" if st.kind == "question" else None, when=admitted)
        for i in range(10):
            record_checkins(s, owner, gid, date(2026, 10, 2 + i), [li], today=TODAY)
        s.commit()
        october = month_stats(s, gid, 2026, 10, today=TODAY)
        last = required[-1]
        assert undo_step(s, owner, li, last.id).status == "onboarding"
        s.commit()
        assert record_step(s, owner, li, last.id).became_active  # ticked again, now
        s.commit()
        ms = s.get(Membership, li)
        assert (ms.status, ms.joined_at) == ("active", admitted)
        assert "入群时间: 2026-10-01 09:00:00 → —" in summary_text(_last_audit(s, "step.undo"))
        assert month_stats(s, gid, 2026, 10, today=TODAY) == october
        referral = s.execute(
            select(PointsEntry.day, PointsEntry.points).where(
                PointsEntry.source_kind == "referral", PointsEntry.membership_id == zhang
            )
        ).all()
        assert referral[-1] == (date(2026, 10, 1), 20) and balance(s, zhang) == 20
        assert recompute_preview(s, gid) == [] and kept.drift(s.connection()) == []


def test_a_newcomer_admitted_later_for_real_joins_on_the_day_they_finish(sqlite_workspace):
    """The other side: a step recorded by mistake (admitting 王芳 on 1 October), taken back at once, and the entry
    steps really finished on 20 November with nothing done in between: she joins on 20 November, not 1 October."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        _, wang = add_member(s, owner, gid, MemberInput(display_name="王芳", status="applicant"))
        required = [st for st in list_steps(s, gid) if st.required]
        for st in required:
            record_step(s, owner, wang, st.id, answer="早起" if st.kind == "question" else None, when=JOINED)
        undo_step(s, owner, wang, required[-1].id)
        finished = datetime(2026, 11, 20, 10, 0)
        record_step(s, owner, wang, required[-1].id, when=finished)
        s.commit()
        assert s.get(Membership, wang).joined_at == finished


def test_undoing_an_edit_leaves_a_field_someone_changed_again_since(sqlite_workspace):
    """This assistant sets 李四's city 上海 → 北京 and his tier to 大咖; the other assistant corrects the city to 广州
    and marks him 已退群. Ctrl+Z here put 上海 back over the other's 广州 (in the audit log as this assistant's
    change of 广州 to 上海). The undo takes back only what is still as this edit left it: the tier goes back, 广州
    and the leaving stay; the redo likewise."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        _, li = add_member(s, owner, gid, MemberInput(display_name="李四", city="上海", joined_at=JOINED))
        s.commit()
        loaded, leaves = get_member_input(s, li), leaves_of(s, li)
        update_member(s, owner, li, replace(loaded, city="北京", tier="大咖"), loaded=loaded)
        s.commit()
        edited = get_member_input(s, li)
        other = get_member_input(s, li)  # the other assistant's dialog
        update_member(s, owner, li, replace(other, city="广州"), loaded=other)
        leave_group(s, owner, li, "毕业")
        s.commit()
        undo_member_edit(s, owner, li, loaded, leaves, edited=edited)
        s.commit()
        now = get_member_input(s, li)
        assert (now.city, now.tier, now.status, now.left_reason) == ("广州", loaded.tier, "left", "毕业")

        # Ctrl+Y (redo) the same way: the tier comes again, the other's city stays
        other = get_member_input(s, li)
        update_member(s, owner, li, replace(other, city="深圳"), loaded=other)
        redo_member_edit(s, owner, li, edited, loaded)
        s.commit()
        now = get_member_input(s, li)
        assert (now.city, now.tier, now.status) == ("深圳", "大咖", "left")
