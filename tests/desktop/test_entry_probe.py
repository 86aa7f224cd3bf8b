"""Defects found by the entry-process probe (a paid camp's organiser over two months): every way a newcomer's
record comes to hold every required entry step makes them a member (已入群), not only the step recorded last —
a merge of two half-done records, a restore of someone deleted while the step list was relaxed, a survey
re-import whose purpose answer was the last step missing. Before, each left the person 入群中 for good with
nothing left to do, counted by no member figure and named by the stalled reminder."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.errors import ValidationError
from desktop.metrics import stalled_onboarding
from desktop.services.groups import create_group
from desktop.services.imports import run_import
from desktop.services.members import merge_members
from desktop.services.merge_undo import undo_merge
from desktop.services.onboarding import (
    add_step,
    edit_step,
    leave_group,
    list_steps,
    record_join,
    record_step,
    restore_step,
    retire_step,
    undo_step,
)
from desktop.services.onboarding_queries import stalled_since, step_details
from desktop.services.points import balance
from desktop.services.roster import MemberInput, add_member, restore_member, soft_delete_member
from desktop.services.texts import stalled_text
from desktop.workspace import actor_for
from models import Member, Membership
from tests.desktop.test_imports import write_xlsx

TODAY = date(2026, 11, 18)
SURVEY = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的姓名：", "2、您的微信号："]
PURPOSE = "3、您加入的目的是？"


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their steps are dated in November 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def db(workspace):
    """A real SQLite file and a real PostgreSQL database (the conftest's `workspace`)."""
    return workspace


@pytest.fixture
def owner(db):
    return actor_for(db)


def steps_of(s, gid) -> dict[str, int]:
    return {st.code: st.id for st in list_steps(s, gid)}


def test_merging_two_half_done_records_of_one_newcomer_makes_a_member(db, owner):
    """王芳 answered the purpose question under her WeChat name; the assistant ticked her rules and introduction
    on a second record (王芳小号) added from the chat. Merged, the one record has every required step: she is a
    member, her referrer paid once — she stayed 入群中 with nothing left to do. Undoing the merge puts both back."""
    with db.session() as s:
        gid = create_group(s, owner, "写作营")
        st = steps_of(s, gid)
        _ref, ref_ms = add_member(s, owner, gid, MemberInput(display_name="老会员"))
        keep, a = add_member(
            s, owner, gid, MemberInput("王芳", status="applicant", wechat_id="wangfang", referrer_id=_ref)
        )
        drop, b = add_member(s, owner, gid, MemberInput("王芳小号", status="applicant"))
        record_step(s, owner, a, st["purpose"], answer="想系统学习写作", when=datetime(2026, 11, 2, 9))
        record_step(s, owner, b, st["rules"], when=datetime(2026, 11, 3, 9))
        record_step(s, owner, b, st["intro"], when=datetime(2026, 11, 3, 10))
        assert [s.get(Membership, m).status for m in (a, b)] == ["onboarding", "onboarding"]
        summary = merge_members(s, owner, keep, drop)
        s.commit()
    with db.session() as s:
        ms = s.get(Membership, a)
        assert (ms.status, ms.joined_at is not None) == ("active", True)
        assert summary.became_members == ("写作营",)
        assert balance(s, ref_ms) == 20  # the referral, once
        assert stalled_text(s, gid, TODAY, days=0).people == 0
    with db.session() as s:
        undo_merge(s, owner, summary.merge_id)
        s.commit()
    with db.session() as s:
        rows = s.execute(
            select(Member.display_name, Membership.status)
            .join(Membership, Membership.member_id == Member.id)
            .where(Membership.group_id == gid, Member.deleted_at.is_(None))
            .order_by(Member.id)
        ).all()
        assert [tuple(r) for r in rows] == [("老会员", "active"), ("王芳", "onboarding"), ("王芳小号", "onboarding")]
        assert balance(s, ref_ms) == 0


def test_merging_records_that_still_miss_a_required_step_admits_nobody(db, owner):
    with db.session() as s:
        gid = create_group(s, owner, "写作营")
        st = steps_of(s, gid)
        keep, a = add_member(s, owner, gid, MemberInput("王芳", status="applicant"))
        drop, b = add_member(s, owner, gid, MemberInput("王芳小号", status="applicant"))
        record_step(s, owner, a, st["purpose"], when=datetime(2026, 11, 2, 9))
        record_step(s, owner, b, st["rules"], when=datetime(2026, 11, 3, 9))
        summary = merge_members(s, owner, keep, drop)
        s.commit()
        assert s.get(Membership, a).status == "onboarding" and summary.became_members == ()


def test_a_newcomer_restored_after_the_step_list_was_relaxed_is_a_member(db, owner):
    """李雷 had done the purpose and rules steps when he was deleted by mistake; meanwhile 自我介绍 was retired,
    which made every other newcomer in his place a member. Restored, he is one too — he came back 入群中 with
    nothing left to do, and the stalled reminder asked him for 爆照."""
    with db.session() as s:
        gid = create_group(s, owner, "写作营")
        st = steps_of(s, gid)
        person, ms_id = add_member(s, owner, gid, MemberInput("李雷", status="applicant"))
        record_step(s, owner, ms_id, st["purpose"], when=datetime(2026, 11, 2, 9))
        record_step(s, owner, ms_id, st["rules"], when=datetime(2026, 11, 2, 10))
        soft_delete_member(s, owner, person)
        assert retire_step(s, owner, st["intro"]).admitted == ()  # deleted: in no figure, nobody to admit
        assert s.get(Membership, ms_id).status == "onboarding"
        restore_member(s, owner, person)
        s.commit()
    with db.session() as s:
        assert s.get(Membership, ms_id).status == "active"
        assert stalled_text(s, gid, TODAY, days=0).people == 0


def test_a_survey_reimport_whose_purpose_answer_was_the_last_step_makes_a_member(db, owner, tmp_path):
    """李四 left the purpose question blank in the first export; the assistant ticked his rules and introduction.
    The updated export has his answer: the purpose step is recorded with it and he is a member — he stayed 入群中
    with every required step done, and `text stalled` asked him for the optional 爆照. An applicant whose answer
    is all they did stays an applicant; an answer left blank now keeps the earlier one."""
    meta = [1, "2026/10/21 11:01:02", "35秒", "微信", "N/A", "1.2.3.4"]
    first = write_xlsx(
        tmp_path / "报名1.xlsx",
        [
            [*SURVEY, PURPOSE],
            [*meta, "李四", "lisi02", ""],
            [*meta, "王五", "wangwu03", "认识朋友"],
        ],
    )
    run_import(db, owner, first, "写作营", "applications")
    with db.session() as s:
        gid = s.scalar(select(Membership.group_id))
        st = steps_of(s, gid)
        ids = {
            name: mid
            for name, mid in s.execute(
                select(Member.display_name, Membership.id).join(Membership, Membership.member_id == Member.id)
            )
        }
        record_step(s, owner, ids["李四"], st["rules"], when=datetime(2026, 11, 5, 9))
        record_step(s, owner, ids["李四"], st["intro"], when=datetime(2026, 11, 5, 10))
        s.commit()
        assert "李四" in stalled_text(s, gid, TODAY).text
    second = write_xlsx(
        tmp_path / "报名2.xlsx",
        [
            [*SURVEY, PURPOSE],
            [*meta, "李四", "lisi02", "想找到写作搭子"],
            [*meta, "王五", "wangwu03", ""],
        ],
    )
    plan, _summary, _ = run_import(db, owner, second, "写作营", "applications", dry_run=True)
    [lisi_row] = [r for r in plan.rows if r.name == "李四"]
    assert ("status", "入群中", "已入群") in [(c.field, c.before, c.after) for c in lisi_row.changes]  # said, then done
    run_import(db, owner, second, "写作营", "applications")
    with db.session() as s:
        lisi, wangwu = s.get(Membership, ids["李四"]), s.get(Membership, ids["王五"])
        assert (lisi.status, lisi.purpose, lisi.joined_at is not None) == ("active", "想找到写作搭子", True)
        assert (wangwu.status, wangwu.purpose) == ("applicant", "认识朋友")
        assert stalled_text(s, gid, TODAY).people == 0


def test_entering_the_group_chat_moves_the_entry_process_for_the_stalled_count(db, owner):
    """A former member back yesterday (a join notice) with a step added since, and an October applicant a chat
    export shows joining yesterday, are not "stalled for 78 / 48 days" — since their old last step or application:
    they entered the chat yesterday. A week and a day later they are stalled since that day."""
    with db.session() as s:
        gid = create_group(s, owner, "写作营")
        st = steps_of(s, gid)
        _m, back = add_member(s, owner, gid, MemberInput("老学员", status="applicant"))
        s.get(Membership, back).applied_at = datetime(2026, 8, 30)
        for code in ("purpose", "rules", "intro"):
            record_step(s, owner, back, st[code], when=datetime(2026, 9, 1, 9))
        leave_group(s, owner, back, "第一期结束", when=datetime(2026, 10, 1, 9))
        add_step(s, owner, gid, "签到", "ritual", True)
        _m, late = add_member(s, owner, gid, MemberInput("老申请", status="applicant"))
        s.get(Membership, late).applied_at = datetime(2026, 10, 1, 8)
        _m, waiting = add_member(s, owner, gid, MemberInput("一直没动", status="applicant"))
        s.get(Membership, waiting).applied_at = datetime(2026, 10, 1, 8)
        assert record_join(s, owner, back, datetime(2026, 11, 17, 20)) == "onboarding"
        assert record_join(s, owner, late, datetime(2026, 11, 17, 21)) == "onboarding"
        s.commit()
    with db.session() as s:
        assert stalled_since(s, gid, TODAY) == {waiting: date(2026, 10, 1)}
        assert stalled_onboarding(s, gid, TODAY) == 1
        assert stalled_text(s, gid, TODAY).people == 0  # 一直没动 is an applicant: not in the chat, not named
        assert stalled_since(s, gid, TODAY, 0) == {
            back: date(2026, 11, 17),
            late: date(2026, 11, 17),
            waiting: date(2026, 10, 1),
        }
        later = date(2026, 11, 26)
        assert stalled_since(s, gid, later) == {
            back: date(2026, 11, 17),
            late: date(2026, 11, 17),
            waiting: date(2026, 10, 1),
        }
        text = stalled_text(s, gid, later).text
        assert "@老学员：还差「签到」（已停留 9 天）" in text
        assert "@老申请：还差「进群目的问答」、「阅读群规与入会须知」、「自我介绍」、「签到」（已停留 9 天）" in text


def test_two_live_steps_cannot_share_a_name(db, owner):
    """自我介绍 typed again as a new optional step: the workbook's 入群进度 showed one 自我介绍 column — the
    optional one's, empty for a newcomer who had introduced themselves — and the welcome asked them for
    「自我介绍（可选）」. Adding, renaming onto or restoring a step under a live step's name is refused, naming it;
    the step list is unchanged."""
    with db.session() as s:
        gid = create_group(s, owner, "写作营")
        st = steps_of(s, gid)
        before = [(x.name, x.required) for x in list_steps(s, gid, include_retired=True)]
        with pytest.raises(ValidationError, match="自我介绍"):
            add_step(s, owner, gid, " 自我介绍 ", "ritual", False)
        with pytest.raises(ValidationError, match="爆照"):
            edit_step(s, owner, st["share"], name="爆照")
        assert [(x.name, x.required) for x in list_steps(s, gid, include_retired=True)] == before
        # retired, its name is free again; restoring it while a live step has the name is refused
        retire_step(s, owner, st["intro"])
        mine = add_step(s, owner, gid, "自我介绍", "ritual", True)
        with pytest.raises(ValidationError, match="自我介绍"):
            restore_step(s, owner, st["intro"])
        edit_step(s, owner, mine, name="自我介绍（新版）")
        restore_step(s, owner, st["intro"])
        edit_step(s, owner, st["intro"], name="自我介绍")  # its own name: no clash with itself
        names = [x.name for x in list_steps(s, gid)]
        assert names.count("自我介绍") == 1 and "自我介绍（新版）" in names


def test_a_camp_s_own_purpose_question_is_the_purpose_question(db, owner, tmp_path):
    """A paid camp's form asks 「您参加本期训练营的目的是什么？」 (or 报名的原因, 为什么报名这门课): the answer went to the
    note only — no purpose, no 进群目的问答 recorded, and the stalled reminder asked people who had answered it for
    「进群目的问答」. It is the purpose question now; 您希望参加哪些活动？ is not, and a form asking both 加入的目的
    and 报名的原因 takes the group's own question."""
    meta = [1, "2026/10/21 11:01:02", "35秒", "微信", "N/A", "1.2.3.4"]
    path = write_xlsx(
        tmp_path / "训练营报名.xlsx",
        [
            [*SURVEY, "3、您参加本期训练营的目的是什么？", "4、您希望参加哪些活动？"],
            [*meta, "李四", "lisi02", "想坚持写作", "线下聚会"],
        ],
    )
    run_import(db, owner, path, "写作营", "applications")
    with db.session() as s:
        ms = s.scalar(select(Membership))
        gid = ms.group_id
        assert ms.purpose == "想坚持写作"
        member = s.get(Member, ms.member_id)
        assert member.note == "问卷: 您希望参加哪些活动？: 线下聚会"
        purpose_step = steps_of(s, gid)["purpose"]
        assert [d.answer for (_m, sid), d in step_details(s, [ms.id]).items() if sid == purpose_step] == ["想坚持写作"]
    both = write_xlsx(
        tmp_path / "两问.xlsx",
        [
            [*SURVEY, "3、报名本期训练营的原因", "4、您加入本群的目的是？"],
            [*meta, "王五", "wangwu03", "朋友推荐", "认识写作的朋友"],
        ],
    )
    run_import(db, owner, both, "写作营", "applications")
    with db.session() as s:
        wangwu = s.scalar(
            select(Membership).join(Member, Member.id == Membership.member_id).where(Member.display_name == "王五")
        )
        assert wangwu.purpose == "认识写作的朋友"


def test_undoing_a_required_step_of_a_newcomer_the_relaxed_list_admitted_takes_the_membership_back(db, owner):
    """王五 had done the purpose and rules steps (rules ticked on him by mistake — it was 王六's); 自我介绍 made
    optional admitted him. Taking back the mistaken rules step left him 已入群 with a required step missing and
    his referrer paid; he is 入群中 again, without the join date the admission gave, the referral reversed. An
    optional step taken back changes nothing."""
    with db.session() as s:
        gid = create_group(s, owner, "写作营")
        st = steps_of(s, gid)
        ref, ref_ms = add_member(s, owner, gid, MemberInput(display_name="老会员"))
        _m, a = add_member(s, owner, gid, MemberInput("王五", status="applicant", referrer_id=ref))
        record_step(s, owner, a, st["purpose"], when=datetime(2026, 11, 2, 9))
        record_step(s, owner, a, st["rules"], when=datetime(2026, 11, 2, 10))
        record_step(s, owner, a, st["photo"], when=datetime(2026, 11, 2, 11))
        assert edit_step(s, owner, st["intro"], required=False).admitted == ("王五",)
        assert s.get(Membership, a).status == "active" and balance(s, ref_ms) == 20
        assert undo_step(s, owner, a, st["photo"]).status == "active"  # optional: nothing moves
        assert undo_step(s, owner, a, st["rules"]).status == "onboarding"
        s.commit()
    with db.session() as s:
        ms = s.get(Membership, a)
        assert (ms.status, ms.joined_at) == ("onboarding", None)
        assert balance(s, ref_ms) == 0


def test_someone_out_of_the_group_who_submits_the_form_again_is_named(db, owner, tmp_path):
    """赵六 dropped out part-way in November and filled in the camp's form again for the next term: the import said
    「更新 update 赵六」 and nothing else — he stayed 已退群, on no Onboarding list, unseen. His answers are updated,
    his status is not (a person's status is the organiser's call), and the row warns, naming him and the day."""
    meta = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
    first = write_xlsx(
        tmp_path / "一期.xlsx",
        [
            [*meta, "1、您的姓名：", "2、您的微信号：", PURPOSE],
            [1, "2026/10/02 11:01:02", "1", "微信", "", "", "赵六", "zhao06", "打卡"],
        ],
    )
    run_import(db, owner, first, "写作营", "applications")
    with db.session() as s:
        ms = s.scalar(select(Membership))
        leave_group(s, owner, ms.id, "没时间", when=datetime(2026, 11, 10, 9))
        s.commit()
    plan, _summary, _ = run_import(db, owner, first, "写作营", "applications")  # the same file again: no warning
    assert [w.code for w in plan.warnings] == []
    second = write_xlsx(
        tmp_path / "二期.xlsx",
        [
            [*meta, "1、您的姓名：", "2、您的微信号：", PURPOSE],
            [1, "2026/10/02 11:01:02", "1", "微信", "", "", "赵六", "zhao06", "打卡"],
            [2, "2026/11/15 11:01:02", "1", "微信", "", "", "赵六", "zhao06", "这次一定坚持"],
        ],
    )
    plan, _summary, _ = run_import(db, owner, second, "写作营", "applications")
    [warning] = plan.warnings
    assert (warning.code, warning.row) == ("applied_again", 3)
    assert "「赵六」已退群" in warning.message and "2026-11-15 11:01" in warning.message
    with db.session() as s:
        ms = s.scalar(select(Membership))
        assert (ms.status, ms.purpose) == ("left", "这次一定坚持")
