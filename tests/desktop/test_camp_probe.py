"""Camp probe: a paid 21-day camp (21天写作训练营) run cohort after cohort — applications with payment columns, the
fee step (缴纳门槛费), check-ins, archiving, renewers. Values are read back from the database; every test pins its
own day."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from desktop.cli import main
from desktop.health import alerts
from desktop.metrics import month_stats
from desktop.services.checkins import record_checkins
from desktop.services.groups import archive_group, create_group
from desktop.services.imports import ImportFailed, run_import
from desktop.services.onboarding import record_step
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.services.texts import summary_text
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


def test_a_paid_application_records_the_camp_s_fee_step_with_its_amount(workspace, tmp_path):
    """问卷星's export of a paid camp form: 支付金额 199, 支付状态 已支付. The import read the state (a refunded row is
    skipped) but put the amount on the note as an answer and left 缴纳门槛费 undone: every paid applicant read as not
    having paid, and after 7 days as stalled at the fee step. Now a paid row records the group's payment step with
    its amount, dated when the form was submitted (paid); an unpaid (未支付) row and a refunded one record nothing;
    importing the file again changes nothing."""
    owner = actor_for(workspace)
    with workspace.session() as s:
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
    _plan, summary, _ = run_import(workspace, owner, path, CAMP, "applications")
    assert summary is not None and summary.added == 4
    assert _fees(workspace, gid) == {
        "张三": ("applicant", 19900, 19900, date(2026, 11, 20)),
        "王五": ("applicant", 19900, 19900, date(2026, 11, 21)),
        "赵六": ("applicant", 9950, 9950, date(2026, 11, 21)),
        "钱七": ("applicant", 0, None, None),
    }
    _plan, again, _ = run_import(workspace, owner, path, CAMP, "applications")
    assert again is not None and (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert _fees(workspace, gid)["张三"] == ("applicant", 19900, 19900, date(2026, 11, 20))
    # the next export says 张三 was refunded: skipped as any refunded row, and the skip line says the fee recorded
    # for them stays (the organiser undoes the step), instead of "not a member" alone beside a paid record
    rows[1] = _wjx(1, "2026/11/20 10:01:02", "张三", "zhangsan01", "13800138001", 199, "WX001", "已退款")
    plan, _summary, _ = run_import(workspace, owner, _xlsx(tmp_path / "退款.xlsx", rows), CAMP, "applications")
    said = {k.row: k.text for k in plan.skipped if k.reason == "order"}
    assert said[3] == "李四（已退款）"
    assert said[2].startswith("张三（已退款）") and "¥199" in said[2] and "缴纳门槛费" in said[2]
    assert _fees(workspace, gid)["张三"] == ("applicant", 19900, 19900, date(2026, 11, 20))


def test_a_newcomer_whose_only_missing_step_was_the_fee_is_a_member_after_the_paid_export(workspace, tmp_path):
    """A newcomer (入群中) who had done every required step but the fee, then paid: the export's 已支付 row makes them
    a member (已入群), as ticking 缴纳门槛费 on the Onboarding page does — and the plan says so before it writes."""
    owner = actor_for(workspace)
    with workspace.session() as s:
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
    plan, _summary, _ = run_import(workspace, owner, path, CAMP, "applications", dry_run=True)
    (row,) = [r for r in plan.rows if r.action == "update"]
    assert ("status", "入群中", "已入群") in [(c.field, c.before, c.after) for c in row.changes]
    run_import(workspace, owner, path, CAMP, "applications")
    assert _fees(workspace, gid)["孙八"] == ("active", 19900, 19900, date(2026, 11, 23))


# ---- after 结营: an archived cohort is ended, not dead -------------------------------------------------------------


def _camp_and_twin(database, monkeypatch) -> tuple[int, int]:
    """Two cohorts alike — five members joined 25 November, 21 days of check-ins from the 26th (李四 stops after
    day 5) — of which the first is archived at its 结营 on 17 December and the second never is."""
    owner = actor_for(database)
    ids = []
    with database.session() as s:
        for name in ("写作营一期", "写作营对照"):
            gid = create_group(s, owner, name, kind="camp")
            members = [
                add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 11, 25, 20)))[1]
                for n in ("张三", "李四", "王五", "赵六", "钱七")
            ]
            ids.append((gid, members))
        s.commit()
    for i in range(21):
        day = date(2026, 11, 26) + timedelta(days=i)
        monkeypatch.setenv("QUNDESK_TODAY", day.isoformat())
        with database.session() as s:
            for gid, members in ids:
                record_checkins(s, owner, gid, day, [m for k, m in enumerate(members) if k != 1 or i < 5])
            s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-17")
    with database.session() as s:
        archive_group(s, owner, ids[0][0])
        s.commit()
    return ids[0][0], ids[1][0]


def test_an_archived_camp_has_no_silent_members_and_no_rate_in_the_months_after_its_end(
    sqlite_workspace, sqlite_path, monkeypatch, tmp_path, capsys
):
    """21天写作营一期 ended on 16 December and was archived on the 17th. Its January: `stats` said 沉默成员 5 and
    打卡率 0.0%, the workbook's 预警 named all five graduates "已 30 天没有任何打卡" and the summary text wrote
    0.0% — an ended camp read as a dead one (it is no zombie group: docs/metrics.md). Now, as for a month before
    the group was set up, a month after it was archived has no rate ("–", null) and no dormant member or silent
    newcomer; December, the month of its end, keeps its figures (up to the archiving day). The twin cohort never
    archived still has its January silence."""
    camp, twin = _camp_and_twin(sqlite_workspace, monkeypatch)
    jan_end = date(2027, 1, 31)
    monkeypatch.setenv("QUNDESK_TODAY", jan_end.isoformat())
    with sqlite_workspace.session() as s:
        jan, jan_twin = month_stats(s, camp, 2027, 1, jan_end), month_stats(s, twin, 2027, 1, jan_end)
        dec = month_stats(s, camp, 2026, 12, jan_end)
        assert (jan_twin.dormant, jan.dormant) == (5, 0)
        assert [a.kind for a in alerts(s, camp, jan_end)] == []
        assert sorted(a.kind for a in alerts(s, twin, jan_end)) == ["dormant"] * 5 + ["zombie_group"]
        # December: 16 days of check-ins of 4 members + 李四's none, over the 17 days up to the archiving day
        assert (dec.checkins, dec.rate_until, dec.checkin_rate) == (64, date(2026, 12, 17), round(64 / 85, 4))
        text = summary_text(s, camp, 2027, 1, today=jan_end)
        assert (text.parts, "已归档" in text.empty_reason, "才建立" in text.empty_reason) == ((), True, False)
    capsys.readouterr()
    assert main(["--db", str(sqlite_path), "stats", "--group", "写作营一期", "--month", "2027-01", "--json"]) == 0
    out = capsys.readouterr()
    figures = json.loads(out.out)
    assert (figures["checkin_rate"], figures["dormant"], figures["members_total"]) == (None, 0, 5)
    assert "归档" in out.err and "建立" not in out.err
    path = tmp_path / "2027-01.xlsx"
    owner = actor_for(sqlite_workspace)
    export_monthly_report(sqlite_workspace, owner, year=2027, month=1, group_ids=[camp], path=path, today=jan_end)
    ws = load_workbook(path)["预警"]
    assert not [r for r in ws.iter_rows(values_only=True) if "沉默成员" in r or "沉默新人" in r]


# ---- a camp's 补卡 named by the camp's day ---------------------------------------------------------------------------


def _checkins(database, group_id: int) -> list[tuple[str, date, bool]]:
    from models import CheckIn

    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.late)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
            .where(CheckIn.group_id == group_id)
            .order_by(CheckIn.day, Member.display_name)
        ).all()
    return [tuple(r) for r in rows]


def test_a_make_up_named_by_the_camp_s_day_is_logged_on_that_day_or_left_for_a_person(
    sqlite_workspace, sqlite_path, tmp_path, monkeypatch, capsys
):
    """The chain of the camp's third day (21天写作营 Day3 打卡, logged for 19 December) with 王五「补第2天」and
    张三「补卡Day2」: 补第2天 (no 卡) was an on-time check-in of the 19th and 补卡Day2 a 补卡 of the 19th — both took
    the place of the members' own lines of that day (「已打卡 already」) and camp day 2, the 18th, stayed empty. Now
    a make-up named by the camp's day is a 补卡 of that day, counted from the chain's own (Day3 → day 2 is the 18th);
    in a chain whose title names no camp day it is not logged, its line saying why (a person decides the date)."""
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-22")
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "写作营二期", kind="camp")
        for name in ("张三", "王五"):
            add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 12, 16, 20)))
        s.commit()
    chain = tmp_path / "day3.txt"
    chain.write_text(
        "#接龙\n21天写作营 Day3 打卡\n例 张三 今日1000字\n\n1. 张三 第3天 800字\n2. 王五 补第2天\n3. 张三 补卡Day2\n"
        "4. 王五 第3天完成\n",
        encoding="utf-8",
    )
    db = str(sqlite_path)
    assert main(["--db", db, "checkin", "--group", "写作营二期", "--date", "2026-12-19", "--paste", str(chain)]) == 0
    assert _checkins(sqlite_workspace, gid) == [
        ("张三", date(2026, 12, 18), True),
        ("王五", date(2026, 12, 18), True),
        ("张三", date(2026, 12, 19), False),
        ("王五", date(2026, 12, 19), False),
    ]
    capsys.readouterr()
    untitled = tmp_path / "untitled.txt"
    untitled.write_text("#接龙\n写作营打卡\n1. 王五 第二天的补卡\n2. 张三 今日800字\n", encoding="utf-8")
    assert main(["--db", db, "checkin", "--group", "写作营二期", "--date", "2026-12-20", "--paste", str(untitled)]) == 0
    err = capsys.readouterr().err
    assert "第3行" in err and "王五" in err and "营期第几天" in err
    assert _checkins(sqlite_workspace, gid)[4:] == [("张三", date(2026, 12, 20), False)]


def test_a_chain_of_the_next_cohort_is_not_logged_into_the_archived_one(
    sqlite_workspace, sqlite_path, tmp_path, monkeypatch, capsys
):
    """一期 archived at its 结营 on 17 December; its renewers 张三 and 王五 copied into 二期. The chain of 二期's third
    day (19 December) pasted with `--group 写作营一期` (the old command line, one word off) was logged into the ended
    cohort — both people are members of both — without a word, where the window lists no archived group to log
    into. Now a check-in for a day after the archiving day is refused, nothing logged, naming 二期; a forgotten
    check-in of the camp's own days is still logged."""
    from desktop.services.members import copy_to_group

    owner = actor_for(sqlite_workspace)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-25")
    with sqlite_workspace.session() as s:
        camp = create_group(s, owner, "写作营一期", kind="camp")
        members = [
            add_member(s, owner, camp, MemberInput(display_name=n, joined_at=datetime(2026, 11, 25, 20)))[1]
            for n in ("张三", "王五")
        ]
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-17")
    with sqlite_workspace.session() as s:
        archive_group(s, owner, camp)
        nxt = create_group(s, owner, "写作营二期", kind="camp")
        copy_to_group(s, owner, members, nxt)
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-19")
    chain = tmp_path / "day3.txt"
    chain.write_text("#接龙\n21天写作营 第3天打卡\n1. 张三 800字\n2. 王五 完成\n", encoding="utf-8")
    db = str(sqlite_path)
    capsys.readouterr()
    assert main(["--db", db, "checkin", "--group", "写作营一期", "--paste", str(chain)]) == 1
    err = capsys.readouterr().err
    assert "2026-12-17" in err and "写作营二期" in err
    assert main(["--db", db, "checkin", "--group", "写作营一期", "张三"]) == 1
    assert _checkins(sqlite_workspace, camp) == []
    # the camp's own last day, forgotten: logged as ever
    assert main(["--db", db, "checkin", "--group", "写作营一期", "--date", "2026-12-16", "王五"]) == 0
    assert main(["--db", db, "checkin", "--group", "写作营二期", "--paste", str(chain)]) == 0
    assert _checkins(sqlite_workspace, camp) == [("王五", date(2026, 12, 16), False)]
    assert _checkins(sqlite_workspace, nxt) == [
        ("张三", date(2026, 12, 19), False),
        ("王五", date(2026, 12, 19), False),
    ]


def test_a_check_in_table_of_days_after_the_archiving_is_not_imported_into_the_archived_cohort(
    sqlite_workspace, sqlite_path, tmp_path, monkeypatch, capsys
):
    """The same mistake with 二期's 小打卡 export (`import checkins … --group 写作营一期`): its rows of 18 and 19
    December were logged into 一期, archived on the 17th. Now each such row is a problem naming the archiving day
    (nothing imported); the row of the 17th, the archiving day itself, is no problem."""
    from desktop.services.members import copy_to_group

    owner = actor_for(sqlite_workspace)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-25")
    with sqlite_workspace.session() as s:
        camp = create_group(s, owner, "写作营一期", kind="camp")
        members = [
            add_member(s, owner, camp, MemberInput(display_name=n, joined_at=datetime(2026, 11, 25, 20)))[1]
            for n in ("张三", "王五")
        ]
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-17")
    with sqlite_workspace.session() as s:
        archive_group(s, owner, camp)
        copy_to_group(s, owner, members, create_group(s, owner, "写作营二期", kind="camp"))
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-20")
    rows = [
        ["序号", "用户昵称", "打卡时间", "打卡内容"],
        [1, "张三", "2026-12-17 07:10:11", "今天写了800字"],
        [2, "王五", "2026-12-18 22:10:11", "写完了"],
        [3, "张三", "2026-12-19 08:00:00", "完成"],
    ]
    path = _xlsx(tmp_path / "小打卡.xlsx", rows)
    capsys.readouterr()
    assert main(["--db", str(sqlite_path), "import", "checkins", str(path), "--group", "写作营一期"]) == 1
    err = capsys.readouterr().err
    assert "第3行" in err and "第4行" in err and "第2行" not in err and "2026-12-17 归档" in err
    assert _checkins(sqlite_workspace, camp) == []
    assert (
        main(["--db", str(sqlite_path), "import", "checkins", str(path), "--group", "写作营一期", "--skip-problems"])
        == 0
    )
    assert _checkins(sqlite_workspace, camp) == [("张三", date(2026, 12, 17), False)]


def test_a_chat_message_making_up_a_camp_day_is_no_check_in_of_the_day_it_was_posted(
    sqlite_workspace, tmp_path, monkeypatch
):
    """The chat export at the end of the camp: 王五's「补打卡 第2天」posted on 19 December was counted as his
    check-in of the 19th (a day he did not check in), as 补打卡昨天的 is not. A make-up named by the camp's day has no
    date a chat can tell: no check-in of the posting day; 张三's「打卡 第3天」is his check-in of the 19th as ever."""
    import csv
    import io

    from desktop.io import chat_exports
    from desktop.services.chat_import import plan_chat_import

    monkeypatch.setattr(chat_exports, "LOCAL_ZONE", chat_exports.local_zone("Asia/Shanghai"))
    owner = actor_for(sqlite_workspace)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-16")
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "写作营二期", kind="camp")
        for name, wxid in (("张三", "wxid_zs"), ("王五", "wxid_ww")):
            add_member(s, owner, gid, MemberInput(display_name=name, wechat_id=wxid, joined_at=datetime(2026, 12, 16)))
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-22")
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(chat_exports._LIUHEN_CSV_HEADER)
    for i, (at, text, nick, wxid) in enumerate(
        [
            ("2026-12-19 07:00:00", "打卡 第3天 写了900字", "张三", "wxid_zs"),
            ("2026-12-19 21:00:00", "补打卡 第2天", "王五", "wxid_ww"),
            ("2026-12-19 21:05:00", "第2天补打卡，写完了", "王五", "wxid_ww"),
        ]
    ):
        stamp = int(datetime.fromisoformat(at + "+08:00").timestamp())
        writer.writerow([5000 + i, 27, 1, 0, 0, stamp, 3, text, at, nick, nick, wxid])
    path = tmp_path / "camp_chat_utf8.csv"
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    with sqlite_workspace.session() as s:
        plan = plan_chat_import(s, gid, path)
    assert sorted((c.display_name, c.day, c.late) for c in plan.checkins) == [("张三", date(2026, 12, 19), False)]


def test_the_next_cohort_s_sign_up_form_is_not_imported_into_the_archived_one(workspace, tmp_path, monkeypatch):
    """二期's 问卷星 export (submitted 20 December) imported with --group 写作营一期, archived at its 结营 on the 17th:
    its people became applicants of the ended camp — stalled there for good, the renewers' answers on the old
    cohort. Now each row submitted after the archiving day is a problem naming it; nothing is imported. A form of
    the camp's own days still imports."""
    owner = actor_for(workspace)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-19")
    with workspace.session() as s:
        camp = create_group(s, owner, CAMP, kind="camp", fee_cents=19900)
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-17")
    with workspace.session() as s:
        archive_group(s, owner, camp)
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-22")
    late = [
        WJX_HEADER,
        _wjx(1, "2026/12/20 10:01:02", "孙八", "sunba08", "13800138008", 199, "WX101", "已支付"),
        _wjx(2, "2026/12/20 11:01:02", "周九", "zhoujiu09", "13800138009", 199, "WX102", "已支付"),
    ]
    with pytest.raises(ImportFailed) as failed:
        run_import(workspace, owner, _xlsx(tmp_path / "二期.xlsx", late), CAMP, "applications")
    problems = failed.value.plan.problems
    assert sorted((p.row, p.code) for p in problems) == [(2, "after_archived"), (3, "after_archived")]
    assert "2026-12-17" in problems[0].message
    assert _fees(workspace, camp) == {}
    own = [WJX_HEADER, _wjx(1, "2026/11/20 10:01:02", "张三", "zhangsan01", "13800138001", 199, "WX001", "已支付")]
    _plan, summary, _ = run_import(workspace, owner, _xlsx(tmp_path / "一期.xlsx", own), CAMP, "applications")
    assert summary is not None and summary.added == 1


def test_what_is_and_is_not_a_make_up_of_a_camp_day():
    """The words a camp's make-up is read from: 补 before the camp's day, or the day before 补卡 — not 弥补 / 候补
    (no make-up), not the member's own counter in brackets, not a day of the camp alone."""
    from desktop.services.paste import camp_makeup_day, title_camp_day

    said = ["补第2天", "补卡Day2", "补卡 day 2", "第二天的补卡", "第2天补打卡", "补第十二天"]
    assert [camp_makeup_day(t) for t in said] == [2, 2, 2, 2, 2, 12]
    assert [camp_makeup_day(t) for t in ("补卡（第23天）", "第3天 800字", "补卡", "弥补第2天的遗憾", "候补第2天")] == [
        None
    ] * 5
    titles = ["#接龙\n21天写作营 Day3 打卡", "21天写作营 第三天打卡", "写作营打卡", "21天写作营", "第3天 第4天"]
    assert [title_camp_day(t) for t in titles] == [3, 3, None, None, None]


def test_a_partly_refunded_application_records_what_was_kept(workspace, tmp_path):
    """A camp that refunds half to who misses the opening (部分退款): 支付金额 199, 退款金额 100. The fee recorded
    was the 199 paid — summed with the others, the camp's takings read ¥100 too much. What was paid less what was
    refunded is what they paid; a row with no refund (0, empty) keeps its amount."""
    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, CAMP, kind="camp", fee_cents=19900)
        s.commit()
    header = ["序号", "提交答卷时间", "1、您的姓名:", "2、您的微信号:", "支付金额(元)", "退款金额(元)", "退款状态"]
    rows = [
        header,
        [1, "2026/11/20 10:01:02", "张三", "zhangsan01", 199, 100, "部分退款"],
        [2, "2026/11/20 11:01:02", "王五", "wangwu03", 199, 0, "无退款"],
        [3, "2026/11/21 11:01:02", "赵六", "zhaoliu04", "199.00", "", "无"],
    ]
    _plan, summary, _ = run_import(workspace, owner, _xlsx(tmp_path / "订单.xlsx", rows), CAMP, "applications")
    assert summary is not None and summary.added == 3
    fees = _fees(workspace, gid)
    assert {name: (fee, step) for name, (_s, fee, step, _d) in fees.items()} == {
        "张三": (9900, 9900),
        "王五": (19900, 19900),
        "赵六": (19900, 19900),
    }


def test_the_next_cohort_s_roster_adds_nobody_to_the_archived_one(workspace, tmp_path, monkeypatch):
    """二期's roster imported into 一期 (archived at its 结营 on 17 December): 孙八 joining on the 18th and 周九 with no
    join date (so joining on the day of the import) became members of the ended camp. Each is now a problem naming
    the archiving day; a member of the camp's own days (吴十, 25 November) is no problem."""
    owner = actor_for(workspace)
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")
    with workspace.session() as s:
        camp = create_group(s, owner, CAMP, kind="camp")
        add_member(s, owner, camp, MemberInput(display_name="张三", joined_at=datetime(2026, 11, 20)))
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-17")
    with workspace.session() as s:
        archive_group(s, owner, camp)
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-22")
    rows = [["姓名", "微信号", "入群时间"], ["孙八", "sunba08", "2026-12-18"], ["周九", "zhoujiu09", ""]]
    with pytest.raises(ImportFailed) as failed:
        run_import(workspace, owner, _xlsx(tmp_path / "二期名单.xlsx", rows), CAMP, "roster")
    assert sorted((p.row, p.code) for p in failed.value.plan.problems) == [(2, "after_archived"), (3, "after_archived")]
    own = [["姓名", "微信号", "入群时间"], ["吴十", "wushi10", "2026-11-25"]]
    _plan, summary, _ = run_import(workspace, owner, _xlsx(tmp_path / "一期名单.xlsx", own), CAMP, "roster")
    assert summary is not None and summary.added == 1
    assert sorted(_fees(workspace, camp)) == ["吴十", "张三"]
