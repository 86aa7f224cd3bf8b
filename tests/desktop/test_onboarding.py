"""The entry process: canonical steps, editing without losing records, recording until active (status
moves by itself), undo, rules versions read, leaving with a reason, funnel and stalled counts."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop.errors import PermissionDenied, ValidationError
from desktop.metrics import stalled_onboarding
from desktop.services.groups import create_group
from desktop.services.onboarding import (
    add_step,
    edit_step,
    edit_step_record,
    funnel_with_conversion,
    leave_group,
    list_steps,
    move_step,
    progress_matrix,
    record_join,
    record_step,
    retire_step,
    undo_step,
    update_rules,
    would_admit,
)
from desktop.services.onboarding_queries import step_details, step_record
from desktop.services.operators import add_operator
from desktop.services.points import balance
from desktop.services.roster import MemberInput, add_member
from models import AuditEntry, EntryStep, Membership, StepProgress
from tests.fixed_day import TEST_TODAY


@pytest.fixture
def grp(workspace, owner):
    with workspace.session() as s:
        gid = create_group(s, owner, "训练营", fee_cents=19900, rules_text="第一版群规")
        ref_member, ref_ms = add_member(s, owner, gid, MemberInput(display_name="老会员"))
        _, newbie = add_member(
            s, owner, gid, MemberInput(display_name="新人", status="applicant", referrer_id=ref_member)
        )
        s.commit()
    return gid, ref_ms, newbie


def test_new_groups_start_from_the_canonical_template(workspace, owner):
    with workspace.session() as s:
        free = create_group(s, owner, "免费群")
        paid = create_group(s, owner, "付费群", fee_cents=9900)
        names = [st.name for st in list_steps(s, free)]
        assert names == ["进群目的问答", "阅读群规与入会须知", "自我介绍", "爆照", "爆料/分享", "实名认证"]
        assert [st.name for st in list_steps(s, paid)][2] == "缴纳门槛费"


def test_recording_every_required_step_makes_a_member(workspace, owner, grp):
    gid, ref_ms, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        out = record_step(s, owner, newbie, steps["purpose"], answer="想系统学习")
        assert out.status == "onboarding"
        record_step(s, owner, newbie, steps["rules"])
        record_step(s, owner, newbie, steps["fee"], amount_cents=19900)
        out = record_step(s, owner, newbie, steps["intro"], when=datetime(2026, 11, 20, 9))
        s.commit()
        assert out.became_active and out.status == "active"
        ms = s.get(Membership, newbie)
        assert (ms.purpose, ms.fee_paid_cents, ms.joined_at) == ("想系统学习", 19900, datetime(2026, 11, 20, 9))
        rules_read = s.scalar(select(StepProgress.rules_version).where(StepProgress.step_id == steps["rules"]))
        assert rules_read == 1
        assert balance(s, ref_ms) == 20  # the referrer earns the converted-referral points


def test_editing_a_recorded_step_changes_its_answer_or_amount_and_nothing_else(workspace, owner, grp):
    gid, _ref_ms, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        record_step(s, owner, newbie, steps["purpose"], answer="想系统学习", when=datetime(2026, 11, 2, 8))
        record_step(s, owner, newbie, steps["fee"], amount_cents=19900)
        s.commit()
        assistant = add_operator(s, owner, "小助理", "assistant")
        s.commit()
        edit_step_record(s, assistant, newbie, steps["purpose"], answer="  想认识同行  ")
        edit_step_record(s, owner, newbie, steps["fee"], answer="转账备注 2026-11", amount_cents=9900)
        s.commit()
        purpose = step_record(s, newbie, steps["purpose"])
        assert purpose.detail.answer == "想认识同行" and purpose.detail.done_at == datetime(2026, 11, 2, 8)
        assert purpose.detail.operator == owner.name  # recorded by stays who recorded it
        assert (purpose.display_name, purpose.step_name, purpose.step_kind) == ("新人", "进群目的问答", "question")
        fee = step_record(s, newbie, steps["fee"]).detail
        assert (fee.answer, fee.amount_cents) == ("转账备注 2026-11", 9900)
        ms = s.get(Membership, newbie)
        assert (ms.purpose, ms.fee_paid_cents, ms.status) == ("想认识同行", 9900, "onboarding")
        edit_step_record(s, owner, newbie, steps["purpose"], answer="  ")  # blanks clear it
        s.commit()
        assert step_record(s, newbie, steps["purpose"]).detail.answer is None and ms.purpose is None
        audits = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == newbie)).all()
        assert audits.count("step.record") == 2 + 3
        with pytest.raises(ValidationError):
            edit_step_record(s, owner, newbie, steps["intro"], answer="还没做的步骤")
        with pytest.raises(ValidationError):
            edit_step_record(s, owner, newbie, steps["fee"], answer=None, amount_cents=-1)


def test_undo_of_the_completing_step_reverts_status_and_referral(workspace, owner, grp):
    gid, ref_ms, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        for code in ("purpose", "rules", "fee", "intro"):
            record_step(s, owner, newbie, steps[code])
        undo_step(s, owner, newbie, steps["intro"])
        s.commit()
        ms = s.get(Membership, newbie)
        assert (ms.status, ms.joined_at) == ("onboarding", None)
        assert balance(s, ref_ms) == 0
        for code in ("purpose", "rules", "fee"):
            undo_step(s, owner, newbie, steps[code])
        assert s.get(Membership, newbie).status == "applicant"


def test_undoing_the_completing_step_after_a_chat_join_notice_takes_the_membership_back(workspace, owner, grp):
    """A chat export's join notice entered 新人 at 10:00 (入群中); the 13:00 step made them a member. Undoing that
    step puts them back to 入群中 (still in the chat: the join time stays) and takes the referral back — before,
    they stayed 已入群 with a required step missing. A member who never went through the process, or whose join
    was an earlier step's moment, is not touched by undoing a step recorded since."""
    gid, ref_ms, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        assert record_join(s, owner, newbie, datetime(2026, 11, 10, 10)) == "onboarding"
        for hour, code in enumerate(("purpose", "rules", "fee", "intro"), start=10):
            out = record_step(s, owner, newbie, steps[code], when=datetime(2026, 11, 10, hour + 1))
        s.commit()
        assert out.became_active and balance(s, ref_ms) == 20
        assert undo_step(s, owner, newbie, steps["intro"]).status == "onboarding"
        s.commit()
        ms = s.get(Membership, newbie)
        assert (ms.status, ms.joined_at) == ("onboarding", datetime(2026, 11, 10, 10))
        assert balance(s, ref_ms) == 0
        assert record_step(s, owner, newbie, steps["intro"], when=datetime(2026, 11, 11, 9)).became_active
        assert balance(s, ref_ms) == 20

        # added as a member (no application): its steps recorded afterwards for the record; undoing one changes nothing
        _, imported = add_member(s, owner, gid, MemberInput(display_name="老成员", joined_at=datetime(2026, 10, 1)))
        for code in ("purpose", "rules", "fee", "intro"):
            record_step(s, owner, imported, steps[code], when=datetime(2026, 11, 12, 9))
        assert undo_step(s, owner, imported, steps["intro"]).status == "active"

        # a member through the steps; a required step added later, recorded, then undone: still a member
        new_step = add_step(s, owner, gid, "实名认证2", "verification")
        record_step(s, owner, newbie, new_step, when=datetime(2026, 11, 15, 9))
        assert undo_step(s, owner, newbie, new_step).status == "active"
        s.commit()
        assert s.get(Membership, newbie).status == "active" and balance(s, ref_ms) == 20


def test_editing_steps_keeps_recorded_progress(workspace, owner, grp):
    gid, _, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        record_step(s, owner, newbie, steps["photo"])
        retire_step(s, owner, steps["photo"])
        new = add_step(s, owner, gid, "加入打卡小组", "ritual", required=False)
        move_step(s, owner, new, 0)
        s.commit()
        live = list_steps(s, gid)
        assert live[0].name == "加入打卡小组" and "爆照" not in [x.name for x in live]
        retired = [x for x in list_steps(s, gid, include_retired=True) if x.retired]
        assert [x.name for x in retired] == ["爆照"]
        assert s.scalar(select(func.count()).select_from(StepProgress)) == 1
        row = next(r for r in progress_matrix(s, gid) if r.membership_id == newbie)
        assert steps["photo"] in row.done
        with pytest.raises(ValidationError, match="retired"):
            record_step(s, owner, newbie, steps["photo"])


def test_undoing_the_purpose_or_fee_step_takes_its_answer_and_fee_off_the_membership(workspace, owner, grp):
    """The purpose answer and the fee a step put on the membership go when the step is undone (recorded for the
    wrong person, say); recording it again puts them back. Before, the workbook still showed the purpose and
    the fee of a step that was no longer recorded."""
    gid, _ref_ms, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        record_step(s, owner, newbie, steps["purpose"], answer="想系统学习")
        record_step(s, owner, newbie, steps["fee"], amount_cents=19900)
        undo_step(s, owner, newbie, steps["purpose"])
        undo_step(s, owner, newbie, steps["fee"])
        s.commit()
        ms = s.get(Membership, newbie)
        assert (ms.status, ms.purpose, ms.fee_paid_cents) == ("applicant", None, 0)
        record_step(s, owner, newbie, steps["purpose"], answer="想系统学习")
        record_step(s, owner, newbie, steps["fee"], amount_cents=19900)
        s.commit()
        assert (ms.purpose, ms.fee_paid_cents) == ("想系统学习", 19900)


def test_relaxing_the_step_list_makes_the_newcomers_with_nothing_left_to_do_members(workspace, owner, grp):
    """A required step made optional, or retired, leaves newcomers who did every other required step with nothing
    to do: they become members then (named back), the referrer earns the referral; tightening the list again
    takes nobody's membership away. Before, they stayed 入群中 for good, silently."""
    gid, ref_ms, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        _, halfway = add_member(s, owner, gid, MemberInput(display_name="半路", status="applicant"))
        _, no_fee = add_member(s, owner, gid, MemberInput(display_name="没交费", status="applicant"))
        _, applicant = add_member(s, owner, gid, MemberInput(display_name="申请者", status="applicant"))
        for code in ("purpose", "rules", "fee"):
            record_step(s, owner, newbie, steps[code], when=datetime(2026, 11, 2, 9))
        record_step(s, owner, halfway, steps["purpose"], when=datetime(2026, 11, 2, 9))
        for code in ("purpose", "rules", "intro"):
            record_step(s, owner, no_fee, steps[code], when=datetime(2026, 11, 3, 9))
        s.commit()
        assert s.get(Membership, newbie).status == "onboarding"

        # the window asks first: who would be admitted, the change run and rolled back — nothing written
        audit_rows = s.scalar(select(func.count()).select_from(AuditEntry))
        assert would_admit(s, owner, steps["intro"]) == ("新人",)
        assert would_admit(s, owner, steps["fee"], retire=True) == ("没交费",)  # 新人 lacks the intro
        s.commit()
        assert s.get(Membership, newbie).status == "onboarding" and balance(s, ref_ms) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audit_rows
        assert all(
            st.required and st.retired_at is None for st in [s.get(EntryStep, steps[c]) for c in ("intro", "fee")]
        )

        change = edit_step(s, owner, steps["intro"], required=False)
        s.commit()
        assert change.admitted == ("新人",)
        ms = s.get(Membership, newbie)
        assert ms.status == "active" and ms.joined_at.date() == TEST_TODAY  # a member from the change on
        assert balance(s, ref_ms) == 20
        assert s.get(Membership, halfway).status == "onboarding"
        assert s.get(Membership, applicant).status == "applicant"
        assert s.get(Membership, no_fee).status == "onboarding"  # the fee is still required

        # tightening again takes nobody's membership away; a rename admits nobody
        assert edit_step(s, owner, steps["intro"], required=True).admitted == ()
        assert edit_step(s, owner, steps["intro"], name="自我介绍（语音）").admitted == ()
        assert s.get(Membership, newbie).status == "active"

        assert retire_step(s, owner, steps["fee"]).admitted == ("没交费",)
        s.commit()
        assert s.get(Membership, no_fee).status == "active"
        assert s.get(Membership, halfway).status == "onboarding"
        assert balance(s, ref_ms) == 20  # the referral is paid once
        assert [
            e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.entity_id.in_([newbie, no_fee])))
        ].count("membership.active") == 2


def test_assistant_cannot_change_steps(workspace, owner, grp):
    gid, _, _ = grp
    with workspace.session() as s:
        helper = add_operator(s, owner, "助理小王", "assistant")
        with pytest.raises(PermissionDenied):
            add_step(s, helper, gid, "x", "ritual")


def test_rules_versions_are_kept(workspace, owner, grp):
    gid, _, newbie = grp
    with workspace.session() as s:
        assert update_rules(s, owner, gid, "第二版群规: 禁止广告") == 2
        assert update_rules(s, owner, gid, "第二版群规: 禁止广告") == 2  # unchanged text is no new version
        steps = {st.code: st.id for st in list_steps(s, gid)}
        record_step(s, owner, newbie, steps["rules"])
        s.commit()
        assert s.scalar(select(StepProgress.rules_version)) == 2


def test_leaving_needs_a_reason_and_is_kept(workspace, owner, grp):
    _, ref_ms, _ = grp
    with workspace.session() as s:
        with pytest.raises(ValidationError):
            leave_group(s, owner, ref_ms, " ")
        leave_group(s, owner, ref_ms, "工作太忙")
        s.commit()
        ms = s.get(Membership, ref_ms)
        assert (ms.status, ms.left_reason) == ("left", "工作太忙") and ms.left_at is not None


def test_a_newcomer_who_drops_out_part_way_was_never_a_member(workspace, owner, grp):
    """半路 answered the purpose question on the 2nd of last month and dropped out on the 10th, never a member: no
    month counts them as a member, that month has no leaving, and coming back (a chat export's join notice) keeps
    no earlier spell. Before, the leaving date without a join date made them a member from the beginning until then
    (the two months before: members_total 2 instead of 1; a leaving in that month), and editing them kept it so.
    Its days are last month's, whatever day the suite runs on (on 1 November the 10th was in the future)."""
    from desktop.metrics import month_stats, previous_month
    from desktop.services.roster import get_member_input, update_member
    from models import MembershipSpell

    # the month before the suite's day (whole and past, whatever day the suite runs on) and the two before it
    months = [previous_month(TEST_TODAY.year, TEST_TODAY.month)]
    for _ in range(2):
        months.insert(0, previous_month(*months[0]))
    (y0, m0), _middle, (y, m) = months

    def totals() -> list[int]:
        return [month_stats(s, gid, yy, mm, TEST_TODAY).members_total for yy, mm in months]

    gid, ref_ms, _newbie = grp
    with workspace.session() as s:
        s.get(Membership, ref_ms).joined_at = datetime(y0, m0, 1)
        steps = {st.code: st.id for st in list_steps(s, gid)}
        _, halfway = add_member(s, owner, gid, MemberInput(display_name="半路", status="applicant"))
        record_step(s, owner, halfway, steps["purpose"], when=datetime(y, m, 2, 9))
        leave_group(s, owner, halfway, "不想做了", when=datetime(y, m, 10, 9))
        s.commit()
        ms = s.get(Membership, halfway)
        assert (ms.status, ms.joined_at, ms.left_at, ms.left_reason) == ("left", None, None, "不想做了")
        assert totals() == [1, 1, 1]
        assert month_stats(s, gid, y, m, TEST_TODAY).left == 0
        data = get_member_input(s, halfway)
        data.note = "以后再说"
        update_member(s, owner, halfway, data)  # an edit stamps no leaving date
        s.commit()
        assert s.get(Membership, halfway).left_at is None
        assert record_join(s, owner, halfway, datetime(y, m, 15, 9)) == "onboarding"
        s.commit()
        assert s.scalar(select(func.count()).select_from(MembershipSpell)) == 0
        assert totals() == [1, 1, 1]


def test_funnel_and_stalled(workspace, owner, grp):
    gid, _, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        record_step(s, owner, newbie, steps["purpose"], when=datetime(2026, 11, 1))
        s.commit()
        f = funnel_with_conversion(s, gid)
        assert f[0] == ("进群目的问答", 1, None) and f[1] == ("阅读群规与入会须知", 0, 0.0)
        assert stalled_onboarding(s, gid, date(2026, 11, 5)) == 0
        assert stalled_onboarding(s, gid, date(2026, 11, 20)) == 1


def test_the_funnel_conversion_is_the_share_of_the_previous_step_s_people_never_above_100(workspace, owner, grp):
    """实名认证 moved to the top: 1 verified, 3 answered the purpose question (the verified one among them). The
    conversion to 进群目的问答 is 1 of 1 (100%), not 3 ÷ 1 = 300%; from the purpose question to the rules,
    2 of the 3 (67%); the overall figure is the share of the first step's people who reached the last."""
    from desktop.services.onboarding import funnel_overall

    gid, _, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        people = [newbie] + [
            add_member(s, owner, gid, MemberInput(display_name=n, status="applicant"))[1] for n in ("甲", "乙")
        ]
        for mid in people:
            record_step(s, owner, mid, steps["purpose"], when=datetime(2026, 11, 1))
        for mid in people[:2]:
            record_step(s, owner, mid, steps["rules"], when=datetime(2026, 11, 2))
        record_step(s, owner, people[2], steps["verify"], when=datetime(2026, 11, 3))  # did not read the rules
        move_step(s, owner, steps["verify"], 0)
        s.commit()
        rows = funnel_with_conversion(s, gid)
        assert [r[:2] for r in rows[:3]] == [("实名认证", 1), ("进群目的问答", 3), ("阅读群规与入会须知", 2)]
        assert rows[0][2] is None and rows[1][2] == 1.0 and rows[2][2] == pytest.approx(2 / 3)
        assert all(c is None or 0 <= c <= 1 for _n, _r, c in rows)
        assert funnel_overall(s, gid) == 0.0  # the verified one has not reached the last step (爆料/分享)
        move_step(s, owner, steps["verify"], 99)  # back to the end
        s.commit()
        assert funnel_overall(s, gid) == pytest.approx(1 / 3)  # of 3 who answered, 1 was verified


def test_a_deleted_person_s_steps_are_in_no_funnel(workspace, owner, grp):
    """The funnel counts the steps of people not deleted (a deleted person is in no figure); a restore brings
    them back. Before, a deleted applicant still counted as having reached the step."""
    from desktop.services.roster import restore_member, soft_delete_member

    gid, _, newbie = grp
    with workspace.session() as s:
        steps = {st.code: st.id for st in list_steps(s, gid)}
        _, other = add_member(s, owner, gid, MemberInput(display_name="另一个", status="applicant"))
        record_step(s, owner, newbie, steps["purpose"], when=datetime(2026, 11, 1))
        record_step(s, owner, other, steps["purpose"], when=datetime(2026, 11, 1))
        s.commit()
        assert funnel_with_conversion(s, gid)[0] == ("进群目的问答", 2, None)
        person = s.get(Membership, other).member_id
        soft_delete_member(s, owner, person)
        s.commit()
        assert funnel_with_conversion(s, gid)[0] == ("进群目的问答", 1, None)
        restore_member(s, owner, person)
        s.commit()
        assert funnel_with_conversion(s, gid)[0] == ("进群目的问答", 2, None)


def test_the_matrix_reads_each_row_s_steps_with_what_they_recorded(workspace, owner, grp):
    """The Onboarding matrix shows, per member, the steps done and in each cell's tooltip what was recorded (who,
    the answer, the amount). Issue 13: both come from one read of the group's steps — a member who left, or one
    of another group, lends none of theirs, and `limit` keeps to its own rows."""
    gid, ref_ms, newbie = grp
    with workspace.session() as s:
        other = create_group(s, owner, "别的群")
        _, stranger = add_member(s, owner, other, MemberInput(display_name="外人", status="applicant"))
        _, leaver = add_member(s, owner, gid, MemberInput(display_name="离开的人", status="applicant"))
        steps = {st.code: st.id for st in list_steps(s, gid)}
        helper = add_operator(s, owner, "助理小李", "assistant")
        record_step(s, helper, newbie, steps["purpose"], answer="想系统学习")
        record_step(s, owner, newbie, steps["rules"])
        record_step(s, owner, leaver, steps["purpose"], answer="随便看看")
        record_step(s, owner, stranger, list_steps(s, other)[0].id, answer="别的群的回答")
        leave_group(s, owner, leaver, "不合适")
        s.commit()
        rows = progress_matrix(s, gid)
        assert leaver not in [r.membership_id for r in rows]
        expected = step_details(s, [r.membership_id for r in rows])
        got = {(r.membership_id, sid): d for r in rows for sid, d in r.details.items()}
        assert got == expected
        mine = next(r for r in rows if r.membership_id == newbie)
        assert set(mine.details) == set(mine.done) == {steps["purpose"], steps["rules"]}
        assert (mine.details[steps["purpose"]].operator, mine.details[steps["purpose"]].answer) == (
            "助理小李",
            "想系统学习",
        )
        assert mine.last_done == max(d.done_at for d in mine.details.values())
        (first,) = progress_matrix(s, gid, limit=1)
        assert first.details == next(r for r in rows if r.membership_id == first.membership_id).details
