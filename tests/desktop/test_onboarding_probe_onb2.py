"""Probe onb2: the entry steps change while people are on the way in — a past month's 入群进度 read again later,
stalled newcomers on leave, steps dated before the application."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import load_workbook
from sqlalchemy import update

from desktop.services.groups import create_group
from desktop.services.onboarding import add_step, list_steps, record_step
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from models import EntryStep, Membership

HEADER_ROW = 3


def _table(ws) -> tuple[list, list[dict]]:
    rows = list(ws.iter_rows(min_row=HEADER_ROW, values_only=True))
    header = [v for v in rows[0] if v is not None]
    return header, [dict(zip(header, r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def _applicant(s, owner, gid: int, name: str, applied: datetime) -> int:
    _, mid = add_member(s, owner, gid, MemberInput(display_name=name, status="applicant"))
    s.execute(update(Membership).where(Membership.id == mid).values(applied_at=applied, created_at=applied))
    return mid


def test_october_s_entry_progress_exported_in_december_is_october_s(workspace, owner, tmp_path):
    """October's 入群进度 read again on 5 December: 阿甲's 阅读群规 ticked on 3 December was shown ticked and counted
    in 必需步骤; 阿乙, an October applicant let in on 2 December, was missing from the sheet (and the roster) though
    on the way in at October's end; 爆照, retired on 1 December, was marked 已停用 though live all October."""
    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        steps = {st.code: st.id for st in list_steps(s, gid)}
        a = _applicant(s, owner, gid, "阿甲", datetime(2026, 10, 2, 9))
        record_step(s, owner, a, steps["purpose"], answer="学习", when=datetime(2026, 10, 3, 9))
        record_step(s, owner, a, steps["rules"], when=datetime(2026, 12, 3, 9))
        b = _applicant(s, owner, gid, "阿乙", datetime(2026, 10, 5, 9))
        record_step(s, owner, b, steps["purpose"], answer="交朋友", when=datetime(2026, 10, 6, 9))
        for code in ("rules", "intro"):
            record_step(s, owner, b, steps[code], when=datetime(2026, 12, 2, 9))
        c = _applicant(s, owner, gid, "阿丙", datetime(2026, 10, 20, 9))  # applied in October, no step then
        for code in ("purpose", "rules", "intro"):
            record_step(s, owner, c, steps[code], when=datetime(2026, 12, 2, 10))
        s.execute(update(EntryStep).where(EntryStep.id == steps["photo"]).values(retired_at=datetime(2026, 12, 1)))
        s.commit()
        assert {s.get(Membership, m).status for m in (b, c)} == {"active"}
    path = tmp_path / "october.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=10, group_ids=[gid], path=path, today=date(2026, 12, 5))
    wb = load_workbook(path)
    header, rows = _table(wb["入群进度"])
    assert "爆照" in header and "爆照 (已停用)" not in header
    by_name = {r["姓名"]: r for r in rows}
    assert by_name["阿甲"]["阅读群规与入会须知"] is None and by_name["阿甲"]["必需步骤"] == "1/3"
    assert by_name["阿乙"]["状态"] == "入群中" and by_name["阿乙"]["入群日期"] is None
    assert by_name["阿乙"]["进群目的问答"] == datetime(2026, 10, 6) and by_name["阿乙"]["自我介绍"] is None
    assert by_name["阿乙"]["必需步骤"] == "1/3"
    assert by_name["阿丙"]["状态"] == "申请中" and by_name["阿丙"]["必需步骤"] == "0/3"
    assert wb["入群进度"].cell(2, 1).value.startswith("截至 2026-10-31")
    _roster_header, roster = _table(wb["成员名册"])
    assert {r["姓名"]: r["状态"] for r in roster} == {"阿甲": "入群中", "阿乙": "入群中", "阿丙": "申请中"}

    december = tmp_path / "december.xlsx"  # the month they were let in: members, every step, 爆照 retired
    export_monthly_report(
        workspace, owner, year=2026, month=12, group_ids=[gid], path=december, today=date(2026, 12, 5)
    )
    header, rows = _table(load_workbook(december)["入群进度"])
    assert "爆照 (已停用)" in header
    by_name = {r["姓名"]: r for r in rows}
    assert by_name["阿乙"]["状态"] == "已入群" and by_name["阿乙"]["必需步骤"] == "3/3"
    assert by_name["阿甲"]["阅读群规与入会须知"] == datetime(2026, 12, 3)


def test_a_newcomer_on_leave_is_not_stalled_while_the_leave_runs(workspace, owner):
    """阿静 answered the purpose question on 1 November and asked for leave 10–25 November (travelling): on the 18th
    she was counted stalled on the Dashboard and in `stats`, listed on the Onboarding page and @-named in the
    stalled reminder, though the organiser knew she was away. On leave, she is none of these (as a member on leave
    is not dormant); the leave over, she is stalled again. 阿动, no leave, is stalled all along — every place
    names the same people."""
    from desktop.metrics import month_stats, stalled_onboarding
    from desktop.services.checkins import record_leave
    from desktop.services.dashboard_queries import group_overview
    from desktop.services.onboarding_queries import stalled_since
    from desktop.services.texts import stalled_text

    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        steps = {st.code: st.id for st in list_steps(s, gid)}
        ids = {}
        for name in ("阿静", "阿动"):
            ids[name] = _applicant(s, owner, gid, name, datetime(2026, 10, 30, 9))
            record_step(s, owner, ids[name], steps["purpose"], answer="学习", when=datetime(2026, 11, 1, 9))
        record_leave(s, owner, ids["阿静"], date(2026, 11, 10), date(2026, 11, 25), "出差")
        s.commit()

        def everywhere(day: date) -> tuple:
            stats = month_stats(s, gid, day.year, day.month, today=day)
            text = stalled_text(s, gid, day)
            named = sorted(n for n in ("阿静", "阿动") if f"@{n}" in text.text)
            return (
                stalled_onboarding(s, gid, day),
                stats.stalled_onboarding,
                group_overview(s, gid, day).stalled,
                sorted(stalled_since(s, gid, day)),
                text.people,
                named,
            )

        assert everywhere(date(2026, 11, 18)) == (1, 1, 1, [ids["阿动"]], 1, ["阿动"])
        assert everywhere(date(2026, 11, 26)) == (2, 2, 2, sorted(ids.values()), 2, ["阿动", "阿静"])


def test_stalled_applicants_alone_are_named_in_the_stalled_text_s_reason(workspace, owner):
    """Two applicants waiting since 1 November, nobody 入群中: the Dashboard and `stats` said 2 stalled, the Onboarding
    page listed them, and the stalled text said only 没有停滞的入群中成员 (in English: "nobody in the group is
    stalled at a step"). Applicants are not in the group chat to be @-named; the reason now names them."""
    from desktop.metrics import stalled_onboarding
    from desktop.services.texts import stalled_text

    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        for name in ("韩梅", "李雷"):
            _applicant(s, owner, gid, name, datetime(2026, 11, 1, 9))
        s.commit()
        day = date(2026, 11, 18)
        assert stalled_onboarding(s, gid, day) == 2
        text = stalled_text(s, gid, day)
    assert text.parts == () and text.people == 0
    assert "2 位申请中的人停滞" in text.empty_reason and "韩梅、李雷" in text.empty_reason
    assert "2 applicants are" in text.empty_reason


def test_a_step_restored_comes_back_where_it_stood(workspace, owner):
    """阅读群规 retired by mistake and restored: it came back last, after 实名认证 — the welcome text listed it last,
    the funnel and the workbook moved it. It comes back where it stood, also after another step was moved."""
    from desktop.services.onboarding import move_step, restore_step, retire_step

    with workspace.session() as s:
        gid = create_group(s, owner, "训练营")
        before = [st.name for st in list_steps(s, gid)]
        rules = next(st for st in list_steps(s, gid) if st.code == "rules")
        retire_step(s, owner, rules.id)
        restore_step(s, owner, rules.id)
        s.commit()
        assert [st.name for st in list_steps(s, gid)] == before
        retire_step(s, owner, rules.id)
        verify = next(st for st in list_steps(s, gid) if st.code == "verify")
        move_step(s, owner, verify.id, 0)  # 实名认证 first while 阅读群规 is retired
        restore_step(s, owner, rules.id)
        s.commit()
        names = [st.name for st in list_steps(s, gid)]
        assert names == [before[-1], *before[:-1]]  # 阅读群规 after 进群目的问答 again, 实名认证 first
        assert [st.position for st in list_steps(s, gid)] == list(range(len(names)))


def test_the_stalled_text_names_every_required_step_left_not_only_one_added_on_top(workspace, owner):
    """25 newcomers stopped at 缴纳门槛费 a month ago; the organiser adds 加好友 as the first required step today. The
    stalled reminder said to each 还差「加好友」（已停留 35 天） — a step that did not exist while they waited, and
    nothing of the fee and introduction they also owe. It names every required step left, in process order."""
    from desktop.services.onboarding import move_step
    from desktop.services.texts import stalled_text

    with workspace.session() as s:
        gid = create_group(s, owner, "训练营", fee_cents=9900)
        steps = {st.code: st.id for st in list_steps(s, gid)}
        mid = _applicant(s, owner, gid, "阿甲", datetime(2026, 10, 30, 9))
        record_step(s, owner, mid, steps["purpose"], answer="学习", when=datetime(2026, 11, 1, 9))
        record_step(s, owner, mid, steps["rules"], when=datetime(2026, 11, 2, 9))
        move_step(s, owner, add_step(s, owner, gid, "加好友", "acknowledge", True), 0)
        s.commit()
        body = stalled_text(s, gid, date(2026, 12, 7)).text
    assert "@阿甲：还差「加好友」、「缴纳门槛费」、「自我介绍」（已停留 35 天）" in body


def test_paid_applications_into_a_group_without_a_payment_step_say_so(workspace, tmp_path):
    """A 问卷星 export with 支付金额 ¥99 / 99元 / 99.00 imported into a group set up without 缴纳门槛费: nobody's fee
    was recorded and nothing said so (the amounts went to the notes). The first paid row is warned, once, naming
    the column and what to do; with the step added, importing the file again records each amount."""
    from desktop.services.imports import run_import
    from desktop.workspace import actor_for
    from models import Member, StepProgress

    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, "写作营")  # free: no payment step
        s.commit()
    path = tmp_path / "报名.csv"
    path.write_text(
        "提交时间,您的姓名,微信号,加入的目的,支付状态,支付金额\n"
        "2026/11/01 09:00,张三,zs001,想学习写作,已支付,¥99\n"
        "2026/11/03 10:00,李四,ls002,交朋友,已支付,99元\n"
        "2026/11/04 10:00,王五,ww003,交朋友,已支付,99.00\n",
        encoding="utf-8",
    )
    plan, summary, _ = run_import(workspace, owner, path, "写作营", "applications")
    assert summary is not None and summary.added == 3
    said = [w for w in plan.warnings if w.code == "no_fee_step"]
    assert [(w.row, w.column, w.value) for w in said] == [(2, "支付金额", "¥99")]
    assert "没有缴费步骤" in said[0].message
    with workspace.session() as s:
        assert s.query(StepProgress).filter(StepProgress.amount_cents.is_not(None)).count() == 0
        assert "支付金额: 99元" in s.query(Member.note).filter(Member.display_name == "李四").scalar()
        add_step(s, owner, gid, "缴纳门槛费", "payment", True)
        s.commit()
    plan, summary, _ = run_import(workspace, owner, path, "写作营", "applications")
    assert not [w for w in plan.warnings if w.code == "no_fee_step"]
    with workspace.session() as s:
        amounts = sorted(
            a for (a,) in s.query(StepProgress.amount_cents).filter(StepProgress.amount_cents.is_not(None))
        )
        assert amounts == [9900, 9900, 9900]
