"""Camp probe: a paid 21-day camp (21天写作训练营) run cohort after cohort — applications with payment columns, the
fee step (缴纳门槛费), check-ins, archiving, renewers. Values are read back from the database; every test pins its
own day."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.services.groups import create_group
from desktop.services.imports import run_import
from desktop.services.onboarding import record_step
from desktop.workspace import actor_for
from models import EntryStep, Member, Membership, StepProgress

CAMP = "21天写作训练营一期"
TODAY = date(2026, 11, 25)

WJX_HEADER = [
    "序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的姓名:", "2、您的微信号:", "3、您的手机号:",
    "4、您参加本期训练营的目的:", "支付金额", "订单号", "支付状态", "总分",
]  # fmt: skip


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """The day the camp's applications were exported: every submission in them is before it."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _wjx(n: int, when: str, name: str, wechat: str, phone: str, amount: object, order: str, state: str) -> list:
    return [n, when, "35秒", "微信", "N/A", "1.2.3.4(北京)", name, wechat, phone, "提高写作", amount, order, state, 0]


def _fees(database, group_id: int) -> dict[str, tuple]:
    """name: (status, fee paid in cents, the payment step's recorded amount or None when not recorded, its day)."""
    with database.session() as s:
        fee_step = s.scalar(select(EntryStep.id).where(EntryStep.group_id == group_id, EntryStep.kind == "payment"))
        rows = s.execute(
            select(Member.display_name, Membership.status, Membership.fee_paid_cents, Membership.id).join(
                Membership, Membership.member_id == Member.id
            )
        ).all()
        out = {}
        for name, status, fee, ms_id in rows:
            prog = s.scalar(
                select(StepProgress).where(StepProgress.membership_id == ms_id, StepProgress.step_id == fee_step)
            )
            out[name] = (status, fee, prog.amount_cents if prog else None, prog.done_at.date() if prog else None)
        return out


def test_a_paid_application_records_the_camp_s_fee_step_with_its_amount(sqlite_workspace, tmp_path):
    """问卷星's export of a paid camp form: 支付金额 199, 支付状态 已支付. The import read the state (a refunded row is
    skipped) but put the amount on the note as an answer and left 缴纳门槛费 undone: every paid applicant read as not
    having paid, and after 7 days as stalled at the fee step. Now a paid row records the group's payment step with
    its amount, dated when the form was submitted (paid); an unpaid (未支付) row and a refunded one record nothing;
    importing the file again changes nothing."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, CAMP, kind="camp", fee_cents=19900)
        s.commit()
    rows = [
        WJX_HEADER,
        _wjx(1, "2026/11/20 10:01:02", "张三", "zhangsan01", "13800138001", 199, "WX001", "已支付"),
        _wjx(2, "2026/11/20 11:01:02", "李四", "lisi02", "13800138002", 199, "WX002", "已退款"),
        _wjx(3, "2026/11/21 11:01:02", "王五", "wangwu03", "13800138003", "199.00", "WX003", "已支付"),
        _wjx(4, "2026/11/21 12:01:02", "赵六", "zhaoliu04", "13800138004", 99.5, "WX004", "已支付"),
        _wjx(5, "2026/11/22 12:01:02", "钱七", "qianqi05", "13800138005", 199, "", "未支付"),
    ]
    path = _xlsx(tmp_path / "问卷星.xlsx", rows)
    _plan, summary, _ = run_import(sqlite_workspace, owner, path, CAMP, "applications")
    assert summary is not None and summary.added == 4
    assert _fees(sqlite_workspace, gid) == {
        "张三": ("applicant", 19900, 19900, date(2026, 11, 20)),
        "王五": ("applicant", 19900, 19900, date(2026, 11, 21)),
        "赵六": ("applicant", 9950, 9950, date(2026, 11, 21)),
        "钱七": ("applicant", 0, None, None),
    }
    _plan, again, _ = run_import(sqlite_workspace, owner, path, CAMP, "applications")
    assert again is not None and (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert _fees(sqlite_workspace, gid)["张三"] == ("applicant", 19900, 19900, date(2026, 11, 20))
    # the next export says 张三 was refunded: skipped as any refunded row, and the skip line says the fee recorded
    # for them stays (the organiser undoes the step), instead of "not a member" alone beside a paid record
    rows[1] = _wjx(1, "2026/11/20 10:01:02", "张三", "zhangsan01", "13800138001", 199, "WX001", "已退款")
    plan, _summary, _ = run_import(sqlite_workspace, owner, _xlsx(tmp_path / "退款.xlsx", rows), CAMP, "applications")
    said = {k.row: k.text for k in plan.skipped if k.reason == "order"}
    assert said[3] == "李四（已退款）"
    assert said[2].startswith("张三（已退款）") and "¥199" in said[2] and "缴纳门槛费" in said[2]
    assert _fees(sqlite_workspace, gid)["张三"] == ("applicant", 19900, 19900, date(2026, 11, 20))


def test_a_newcomer_whose_only_missing_step_was_the_fee_is_a_member_after_the_paid_export(sqlite_workspace, tmp_path):
    """A newcomer (入群中) who had done every required step but the fee, then paid: the export's 已支付 row makes them
    a member (已入群), as ticking 缴纳门槛费 on the Onboarding page does — and the plan says so before it writes."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, CAMP, kind="camp", fee_cents=19900)
        member = Member(display_name="孙八", initials="sb", pinyin="sunba", wechat_id="sunba08")
        s.add(member)
        s.flush()
        ms = Membership(member_id=member.id, group_id=gid, status="applicant", applied_at=datetime(2026, 11, 19, 9))
        s.add(ms)
        s.flush()
        for step in s.scalars(select(EntryStep).where(EntryStep.group_id == gid, EntryStep.required.is_(True))):
            if step.kind != "payment":
                record_step(s, owner, ms.id, step.id, answer="提高写作" if step.code == "purpose" else None)
        s.commit()
        assert s.get(Membership, ms.id).status == "onboarding"
    rows = [WJX_HEADER, _wjx(1, "2026/11/23 08:00:00", "孙八", "sunba08", "13800138008", 199, "WX008", "已支付")]
    path = _xlsx(tmp_path / "问卷星.xlsx", rows)
    plan, _summary, _ = run_import(sqlite_workspace, owner, path, CAMP, "applications", dry_run=True)
    (row,) = [r for r in plan.rows if r.action == "update"]
    assert ("status", "入群中", "已入群") in [(c.field, c.before, c.after) for c in row.changes]
    run_import(sqlite_workspace, owner, path, CAMP, "applications")
    assert _fees(sqlite_workspace, gid)["孙八"] == ("active", 19900, 19900, date(2026, 11, 23))
