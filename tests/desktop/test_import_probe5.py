"""Defects found by the fifth import probe: a status column that takes someone out of the group and their running
leave, a QQ column, phones answered to survey questions that do not say "phone". Values are read back from the
database."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.services.checkins import record_leave
from desktop.services.groups import get_or_create_group
from desktop.services.imports import ImportFailed, run_import
from desktop.services.roster import MemberInput, add_member
from models import Leave, Member, Membership
from tests.desktop.test_imports import write_xlsx
from tests.fixed_day import TEST_TODAY

GROUP = "测试群"
SURVEY_META = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]


def imp(database, actor, path: Path, kind: str = "roster", **kw):
    return run_import(database, actor, path, GROUP, kind, **kw)


def test_a_status_column_marking_someone_left_ends_their_running_leave(workspace, owner, tmp_path):
    """已退群 in the file ends the leave (请假) running past the import day the day before, as "mark left" does;
    a leave that starts later goes; the leave of someone who stays is untouched."""
    with workspace.session() as s:
        gid, _ = get_or_create_group(s, owner, GROUP)
        joined = datetime(2026, 9, 1, 12)
        _, gone = add_member(s, owner, gid, MemberInput(display_name="甲", wechat_id="jia_001", joined_at=joined))
        _, stays = add_member(s, owner, gid, MemberInput(display_name="乙", wechat_id="yi_0002", joined_at=joined))
        record_leave(s, owner, gone, TEST_TODAY - timedelta(days=2), TEST_TODAY + timedelta(days=7), "出差")
        record_leave(s, owner, gone, TEST_TODAY + timedelta(days=10), TEST_TODAY + timedelta(days=12), "旅行")
        record_leave(s, owner, stays, TEST_TODAY - timedelta(days=2), TEST_TODAY + timedelta(days=7), "出差")
        s.commit()
    path = write_xlsx(
        tmp_path / "r.xlsx", [["姓名", "微信号", "状态"], ["甲", "jia_001", "已退群"], ["乙", "yi_0002", "已入群"]]
    )
    imp(workspace, owner, path)
    with workspace.session() as s:
        assert s.get(Membership, gone).status == "left"
        leaves = lambda ms: [(lv.start_day, lv.end_day) for lv in s.scalars(select(Leave).filter_by(membership_id=ms))]  # noqa: E731
        assert leaves(gone) == [(TEST_TODAY - timedelta(days=2), TEST_TODAY - timedelta(days=1))]
        assert leaves(stays) == [(TEST_TODAY - timedelta(days=2), TEST_TODAY + timedelta(days=7))]
    _, summary, _ = imp(workspace, owner, path)  # the same file again changes nothing
    assert summary.added == summary.updated == 0


def test_phone_answers_to_questions_not_saying_phone_are_masked(workspace, owner, tmp_path):
    """紧急联系人 / 您的号码 / Mobile: a mobile number in the answer is masked on the note like a 手机 question's; a
    date, a student number or a QQ number in an answer stays as written."""
    questions = [
        "1、您的姓名：",
        "2、手机号：",
        "3、紧急联系人：",
        "4、您的号码（备用）：",
        "5、Backup (+86)",
        "6、出生日期",
        "7、学号",
    ]
    answer = ["张三", "13800138000", "张妈妈 13912345678", 13700001111, "+86 136-0000-2222", "2026-11-18", "2021123456"]
    path = write_xlsx(
        tmp_path / "s.xlsx",
        [[*SURVEY_META, *questions], [1, "2026/11/10 09:00:00", "60秒", "微信", "N/A", "1.2.3.4", *answer]],
    )
    imp(workspace, owner, path, "applications")
    with workspace.session() as s:
        note = s.scalar(select(Member.note))
    assert note.splitlines() == [
        "问卷: 紧急联系人: 张妈妈 139****5678",
        "问卷: 您的号码（备用）: 137****1111",
        "问卷: Backup (+86): 136****2222",
        "问卷: 出生日期: 2026-11-18",
        "问卷: 学号: 2021123456",
    ]
    assert "13912345678" not in note and "13700001111" not in note


def _people(database) -> dict[str, tuple]:
    with database.session() as s:
        rows = s.execute(select(Member.display_name, Member.wechat_id, Member.qq).order_by(Member.id)).all()
    return {name: (wechat, qq) for name, wechat, qq in rows}


def test_a_qq_column_is_the_qq_number_and_names_the_person_next_time(workspace, owner, tmp_path):
    """A QQ group's roster (群昵称 + QQ号, the QQ number a number cell): the QQ number is kept (it was dropped
    silently), an invalid one is a problem naming the cell, and the next file with a changed group nickname
    updates the person its QQ number names instead of adding a second one."""
    bad = write_xlsx(
        tmp_path / "bad.xlsx", [["群昵称", "QQ号"], ["小明", 283746503], ["小红", "12ab"], ["小刚", "2.83747E+08"]]
    )
    plan, summary, _ = imp(workspace, owner, bad, skip_problems=True)
    assert [(p.row, p.column, p.code) for p in plan.problems] == [(3, "QQ号", "qq_invalid"), (4, "QQ号", "qq_invalid")]
    first = write_xlsx(tmp_path / "q.xlsx", [["群昵称", "QQ号"], ["小明", "283746503.0"], ["小红", "1234567@qq.com"]])
    imp(workspace, owner, first)
    assert _people(workspace) == {"小明": (None, "283746503"), "小红": (None, "1234567")}
    _, again, _ = imp(workspace, owner, first)
    assert (again.added, again.updated) == (0, 0)
    renamed = write_xlsx(tmp_path / "q2.xlsx", [["群昵称", "QQ号"], ["明明", 283746503]])
    _, summary, _ = imp(workspace, owner, renamed)
    assert (summary.added, summary.updated) == (0, 1)
    with workspace.session() as s:
        assert s.scalars(select(Membership.group_nickname).order_by(Membership.id)).all() == ["明明", "小红"]


def test_a_qq_number_never_becomes_a_wechat_id_nor_overwrites_another(workspace, owner, tmp_path):
    """A QQ/微信 column: a number is the QQ number, letters the WeChat ID. A row whose QQ number is another
    member's, or whose member has another QQ number, is a problem — never a second number over the first."""
    mixed = write_xlsx(tmp_path / "m.xlsx", [["姓名", "QQ/微信"], ["小明", "283746503"], ["小刚", "abc_def12"]])
    imp(workspace, owner, mixed)
    assert _people(workspace) == {"小明": (None, "283746503"), "小刚": ("abc_def12", None)}
    header = ["姓名", "微信号", "QQ"]
    imp(workspace, owner, write_xlsx(tmp_path / "q.xlsx", [header, ["小刚", "abc_def12", "11111111"]]))
    clash = write_xlsx(tmp_path / "c.xlsx", [header, ["小刚", "abc_def12", "283746503"], ["小明", None, "99887766"]])
    plan, _, _ = imp(workspace, owner, clash, skip_problems=True)
    assert [(p.row, p.code) for p in plan.problems] == [(2, "qq_of_another_person")]
    # a name alone with another QQ number is a namesake, added as another person and said so (as for WeChat IDs)
    assert [w.code for r in plan.rows if r.row == 3 for w in r.warnings] == ["namesake_added"]
    other = write_xlsx(tmp_path / "o.xlsx", [header, ["小刚", "abc_def12", "22222222"]])
    with pytest.raises(ImportFailed) as failed:
        imp(workspace, owner, other)
    assert [(p.row, p.code) for p in failed.value.plan.problems] == [(2, "qq_differs")]
    with workspace.session() as s:
        qqs = s.execute(select(Member.display_name, Member.qq).order_by(Member.id)).all()
    assert qqs == [("小明", "283746503"), ("小刚", "11111111"), ("小明", "99887766")]


def test_english_excel_dates_and_statuses_are_read(workspace, owner, tmp_path):
    """An English Excel's CSV writes 1-Nov-26 / Nov 1, 2026 and statuses such as Quit or Kicked out: read,
    not refused. 11/01/2026 stays a problem (day and month could be either)."""
    rows = [
        ["Name", "Phone", "Join date", "Status"],
        ["Amy", "13800138001", "1-Nov-26", "Quit"],
        ["Ben", "13800138002", "Nov 2, 2026 8:30 PM", "Kicked out"],
        ["Dan", "13800138004", "2026-11-03", "Blocked"],
        ["Cat", "13800138003", "11/01/2026", "Member"],
    ]
    from tests.desktop.test_imports import write_csv

    path = write_csv(tmp_path / "en.csv", rows, "utf-8-sig")
    plan, _, _ = imp(workspace, owner, path, skip_problems=True)
    assert [(p.row, p.code) for p in plan.problems] == [(5, "date_not_a_date")]
    with workspace.session() as s:
        got = s.execute(
            select(Member.display_name, Membership.status, Membership.joined_at)
            .join(Membership, Membership.member_id == Member.id)
            .order_by(Member.id)
        ).all()
    assert [(n, st) for n, st, _ in got] == [("Amy", "left"), ("Ben", "removed"), ("Dan", "blacklisted")]
    assert got[1][2] == datetime(2026, 11, 2, 20, 30)


def test_a_survey_tools_ip_and_time_columns_are_not_answers(workspace, owner, tmp_path):
    """麦客/金数据 write IP地址 and 填写时间: the IP is the tool's, never kept on the applicant's note, and 填写时间
    is the application time."""
    rows = [
        ["序号", "姓名", "手机", "微信", "填写时间", "来源", "IP地址", "填写设备"],
        [1, "张三", "13800138000", "zhangsan_88", "2026-11-10 09:00:00", "微信", "1.2.3.4", "iPhone"],
    ]
    from tests.desktop.test_imports import write_csv

    imp(workspace, owner, write_csv(tmp_path / "mk.csv", rows, "gbk"), "applications")
    with workspace.session() as s:
        note, applied = s.execute(
            select(Member.note, Membership.applied_at).join(Membership, Membership.member_id == Member.id)
        ).one()
    assert note is None
    assert applied is not None


def test_the_command_line_names_the_columns_it_does_not_import(tmp_path, capsys):
    """序号, 生日, 毕业院校: no field takes them; the CLI says so instead of dropping them unseen (the dialog shows
    them as "not imported"). A 姓 + 名 pair is the name, not a left-out column."""
    from desktop.cli import main
    from tests.desktop.test_imports import write_csv

    path = write_csv(
        tmp_path / "r.csv",
        [["序号", "姓", "名", "微信号", "生日", "毕业院校"], [1, "张", "三", "zhang_san1", "1990-01-01", None]],
    )
    assert main(["--db", str(tmp_path / "w.sqlite"), "import", "roster", str(path), "--group", GROUP]) == 0
    out = capsys.readouterr().out
    assert "未导入的列 (columns not imported): 序号, 生日, 毕业院校" in out.splitlines()


def test_a_leaving_date_column_dates_the_leaving_and_a_missing_one_is_said(workspace, owner, tmp_path):
    """A historical roster: 已退群 people were all counted as leaving on the import day (this month's leavers
    inflated, silently). A 退群时间 column now dates it (a row with one and no status has left); a row out
    without one is warned; a leaving date with an in-group status, or before the join, is a problem."""
    header = ["姓名", "微信号", "状态", "入群时间", "退群时间"]
    rows = [
        header,
        ["甲", "jia_0001", "已退群", "2024-03-01", "2024-05-01"],
        ["乙", "yi_00002", "黑名单", None, None],
        ["丁", "ding_0004", None, "2024-03-01", "2024-06-01"],
    ]
    path = write_xlsx(tmp_path / "h.xlsx", rows)
    plan, _, _ = imp(workspace, owner, path)
    assert {r.row: [w.code for w in r.warnings] for r in plan.rows if r.warnings} == {3: ["left_date_unknown"]}
    with workspace.session() as s:
        got = dict(
            s.execute(
                select(Member.display_name, Membership.left_at).join(Membership, Membership.member_id == Member.id)
            ).all()
        )
        statuses = dict(
            s.execute(
                select(Member.display_name, Membership.status).join(Membership, Membership.member_id == Member.id)
            ).all()
        )
    assert statuses == {"甲": "left", "乙": "blacklisted", "丁": "left"}
    assert (got["甲"].date(), got["丁"].date(), got["乙"].date()) == (
        datetime(2024, 5, 1).date(),
        datetime(2024, 6, 1).date(),
        TEST_TODAY,
    )
    _, again, _ = imp(workspace, owner, path)
    assert (again.added, again.updated) == (0, 0)
    bad = write_xlsx(
        tmp_path / "b.xlsx",
        [
            header,
            ["戊", "wu_00005", "已入群", "2024-03-01", "2024-06-01"],
            ["己", "ji_00006", None, "2024-07-01", "2024-06-01"],
        ],
    )
    with pytest.raises(ImportFailed) as failed:
        imp(workspace, owner, bad)
    assert [(p.row, p.code) for p in failed.value.plan.problems] == [
        (2, "left_date_but_in_group"),
        (3, "joined_after_leaving"),
    ]


def test_a_leaving_date_ends_a_running_leave_from_that_day(workspace, owner, tmp_path):
    """An active member the file says left on a past day: the leaving date is that day, and a leave running past
    it ends the day before."""
    with workspace.session() as s:
        gid, _ = get_or_create_group(s, owner, GROUP)
        _, ms = add_member(
            s, owner, gid, MemberInput(display_name="甲", wechat_id="jia_001", joined_at=datetime(2026, 9, 1, 12))
        )
        record_leave(s, owner, ms, TEST_TODAY - timedelta(days=6), TEST_TODAY + timedelta(days=3), "出差")
        s.commit()
    left_day = TEST_TODAY - timedelta(days=4)
    path = write_xlsx(tmp_path / "r.xlsx", [["姓名", "微信号", "退群时间"], ["甲", "jia_001", left_day.isoformat()]])
    imp(workspace, owner, path)
    with workspace.session() as s:
        membership = s.get(Membership, ms)
        assert (membership.status, membership.left_at.date()) == ("left", left_day)
        leaves = [(lv.start_day, lv.end_day) for lv in s.scalars(select(Leave).filter_by(membership_id=ms))]
    assert leaves == [(TEST_TODAY - timedelta(days=6), left_day - timedelta(days=1))]


def test_an_english_form_export_is_read_as_applications(workspace, owner, tmp_path):
    """A Google-Forms-style export (Submitted at, IP Address, 1. Your name, 2. Mobile, 3. WeChat ID, 4. Why do you
    want to join?) was refused — no name question found; its roles are read now, the tool's columns left out, the
    emergency contact's phone masked on the note. "Company name" is no name."""
    rows = [
        ["Submission ID", "Submitted at", "IP Address", "1. Your name", "2. Mobile", "3. WeChat ID",
         "4. Why do you want to join?", "5. Emergency contact", "6. Company name"],
        [1, "2026-11-10 9:00:05 PM", "1.2.3.4", "Amy Li", "+86 138 0013 8000", "amy_li88", "fitness",
         "Mum 13912345678", "ACME"],
    ]  # fmt: skip
    imp(workspace, owner, write_xlsx(tmp_path / "en.xlsx", rows), "applications")
    with workspace.session() as s:
        got = s.execute(
            select(Member.display_name, Member.phone, Member.wechat_id, Member.note, Membership.purpose,
                   Membership.applied_at).join(Membership, Membership.member_id == Member.id)
        ).one()  # fmt: skip
    assert tuple(got) == (
        "Amy Li",
        "13800138000",
        "amy_li88",
        "问卷: Emergency contact: Mum 139****5678\n问卷: Company name: ACME",
        "fitness",
        datetime(2026, 11, 10, 21, 0, 5),
    )


def test_a_qq_number_a_chat_export_showed_finds_the_member(workspace, owner, tmp_path):
    """A QQ group's chat imported first (王芳 matched by name, her QQ number remembered as the sender's ID), then its
    roster with QQ numbers and a changed group nickname: the row is 王芳 (it was a second person)."""
    from models import ChatAlias

    with workspace.session() as s:
        gid, _ = get_or_create_group(s, owner, GROUP)
        member_id, _ms = add_member(s, owner, gid, MemberInput(display_name="王芳", joined_at=datetime(2026, 9, 1, 12)))
        s.add(ChatAlias(group_id=gid, member_id=member_id, kind="id", value="283746503", shown="283746503"))
        s.commit()
    path = write_xlsx(tmp_path / "q.xlsx", [["群昵称", "QQ号"], ["芳芳-半马", 283746503]])
    _, summary, _ = imp(workspace, owner, path)
    assert (summary.added, summary.updated) == (0, 1)
    assert _people(workspace) == {"王芳": (None, "283746503")}


def test_a_question_asking_for_your_number_is_the_phone_when_its_answers_are_phones(workspace, owner, tmp_path):
    """您的号码 with phone answers is the applicant's phone (it was a note line, the applicant unmatched next time);
    身份证号码 / 会员号码 never are, nor 您的号码 answered with small numbers."""
    rows = [
        [*SURVEY_META, "1、您的姓名：", "2、您的号码：", "3、会员号码"],
        [1, "2026/11/10 09:00:00", "60秒", "微信", "N/A", "1.2.3.4", "张三", "13800138000", "A123"],
        [2, "2026/11/10 09:05:00", "60秒", "微信", "N/A", "1.2.3.4", "李四", "139-0013-9000", "B456"],
    ]
    imp(workspace, owner, write_xlsx(tmp_path / "n.xlsx", rows), "applications")
    with workspace.session() as s:
        got = s.execute(select(Member.display_name, Member.phone, Member.note).order_by(Member.id)).all()
    assert [tuple(g) for g in got] == [
        ("张三", "13800138000", "问卷: 会员号码: A123"),
        ("李四", "13900139000", "问卷: 会员号码: B456"),
    ]
    small = [
        [*SURVEY_META, "1、您的姓名：", "2、您的号码："],
        [1, "2026/11/10 09:00:00", "60秒", "微信", "N/A", "1", "王五", "7"],
    ]
    imp(workspace, owner, write_xlsx(tmp_path / "s.xlsx", small), "applications")
    with workspace.session() as s:
        assert s.execute(select(Member.phone, Member.note).where(Member.display_name == "王五")).one() == (
            None,
            "问卷: 您的号码: 7",
        )


def test_qqs_own_member_export_imports_with_its_level_column_left_out(workspace, owner, tmp_path):
    """QQ's 群成员 export (成员, 群名片, QQ号, Q龄, 入群时间, 最后发言时间, 等级): 等级 holds QQ's activity level (LV5 活跃,
    潜水), no tier — every row was a tier_unknown problem and the file refused. The column is left out now when none
    of its values is a tier; a 等级 column of real tiers with one typo stays a problem."""
    rows = [
        ["序号", "成员", "群名片", "QQ号", "性别", "Q龄", "入群时间", "最后发言时间", "等级"],
        [1, "晨光", "晓晨(群主)", 283746501, "女", "10年", "2023/05/01", "2026/11/17", "LV5 活跃"],
        [2, "芳芳", "王芳", 283746503, "女", "8年", "2023/05/02", "2026/11/16", "潜水"],
    ]
    plan, summary, _ = imp(workspace, owner, write_xlsx(tmp_path / "qq.xlsx", rows))
    assert "tier" not in plan.mapping.values() and summary.added == 2
    assert _people(workspace) == {"晨光": (None, "283746501"), "芳芳": (None, "283746503")}
    tiers = write_xlsx(
        tmp_path / "t.xlsx", [["姓名", "微信号", "等级"], ["甲", "jia_0001", "核心"], ["乙", "yi_00002", "核芯"]]
    )
    with pytest.raises(ImportFailed) as failed:
        imp(workspace, owner, tiers)
    assert [(p.row, p.code) for p in failed.value.plan.problems] == [(3, "tier_unknown")]


def test_an_id_card_number_in_an_answer_or_a_note_is_never_stored(workspace, owner, tmp_path):
    """QunDesk never stores an ID-card number (models/people.py): a survey answer (身份证号, or one written into
    another answer) and a roster's 备注 keep only its last four characters, and the row says so."""
    survey = write_xlsx(
        tmp_path / "s.xlsx",
        [
            [*SURVEY_META, "1、您的姓名：", "2、手机号：", "3、身份证号", "4、备注"],
            [
                1,
                "2026/11/10 09:00:00",
                "60秒",
                "微信",
                "N/A",
                "1.2.3.4",
                "张三",
                "13800138000",
                "11010119900307123X",
                "报名保险用 110101199003071234",
            ],
        ],  # fmt: skip
    )
    plan, _summary, _created = imp(workspace, owner, survey, "applications")
    roster = write_xlsx(
        tmp_path / "r.xlsx", [["姓名", "微信号", "备注"], ["李四", "lisi88", "身份证:320102198812120015"]]
    )
    plan2, _summary, _created = imp(workspace, owner, roster)
    with workspace.session() as s:
        notes = dict(s.execute(select(Member.display_name, Member.note)).all())
    assert "问卷: 身份证号: ****123X" in notes["张三"] and "报名保险用 ****1234" in notes["张三"]
    assert notes["李四"] == "身份证:****0015"
    assert not any(n in "".join(notes.values()) for n in ("11010119900307123X", "320102198812120015"))
    codes = [w.code for p in (plan, plan2) for w in p.warnings]
    assert codes.count("id_number_dropped") == 3
