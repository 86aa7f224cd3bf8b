"""Rows of the wrong group: the column that names each row's group (企业微信's 群名称, QunDesk's own 社群) read by one
mechanism with one outcome for rosters and check-in tables alike — every row of another group skipped, named with its
row and its group, nothing of another group written into this one. Values are read back from the database and from
real .xlsx files; every test pins its own day."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.services.checkin_import import run_checkin_import
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.imports import run_import
from desktop.services.members import bulk_copy_to_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import CheckIn, Group, Member, Membership

TODAY = date(2026, 11, 20)
JOINED = datetime(2026, 10, 1, 12, 0)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day: their check-ins are dated in November 2026, before it."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _memberships(database) -> set[tuple[str, str]]:
    with database.session() as s:
        return set(
            s.execute(
                select(Member.display_name, Group.name)
                .join(Membership, Membership.member_id == Member.id)
                .join(Group, Group.id == Membership.group_id)
            ).all()
        )


def _checkins(database) -> set[tuple[str, str, date]]:
    with database.session() as s:
        return set(
            s.execute(
                select(Member.display_name, Group.name, CheckIn.day)
                .join(Membership, Membership.id == CheckIn.membership_id)
                .join(Member, Member.id == Membership.member_id)
                .join(Group, Group.id == Membership.group_id)
            ).all()
        )


def test_a_group_column_naming_a_group_the_workspace_lacks_is_another_group_too(sqlite_workspace, tmp_path):
    """A 社群 column (the layout of `export roster --all`) naming 读书群, 跑步群 and 旧群 — a group since deleted, or one
    kept in another workspace: 旧群's row was imported into 读书群 (only the workspace's own groups were "another
    group"), 跑步群's row was a problem that refused the whole file. Now both are skipped, each named with its row and
    its group, as a 群名称 column's rows always were; 读书群's own rows are imported."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        create_group(s, owner, "读书群")
        create_group(s, owner, "跑步群")
        s.commit()
    path = _xlsx(
        tmp_path / "名册.xlsx",
        [
            ["社群", "姓名", "微信号", "状态"],
            ["读书群", "李娜", "ln02", "已入群"],
            ["跑步群", "刘洋", "ly03", "已入群"],
            ["旧群", "赵敏", "zm04", "已入群"],
            ["读书群", "周杰", "zj05", "已入群"],
        ],
    )
    plan, summary, _ = run_import(sqlite_workspace, owner, path, "读书群", "roster")
    assert not plan.problems
    assert [(s.row, s.reason, s.text) for s in plan.skipped] == [
        (3, "other_group", "刘洋（跑步群）"),
        (4, "other_group", "赵敏（旧群）"),
    ]
    assert summary is not None and summary.added == 2
    assert _memberships(sqlite_workspace) == {("李娜", "读书群"), ("周杰", "读书群")}


def test_the_two_group_columns_give_one_outcome(sqlite_workspace, tmp_path):
    """The same rows under 群名称 (企业微信) and under 社群 (QunDesk's export): the same rows skipped, named the same
    way; a file none of whose groups is the one imported into is refused under either header."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        create_group(s, owner, "读书群")
        create_group(s, owner, "跑步群")
        s.commit()
    rows = [["读书群", "李娜", "ln02"], ["跑步群", "刘洋", "ly03"], ["读书群", "周杰", "zj05"]]
    outcomes = []
    for header in ("群名称", "社群"):
        path = _xlsx(tmp_path / f"{header}.xlsx", [[header, "姓名", "微信号"], *rows])
        plan, _summary, _ = run_import(sqlite_workspace, owner, path, "读书群", "roster", dry_run=True)
        outcomes.append(([(s.row, s.reason, s.text) for s in plan.skipped], [p.code for p in plan.problems]))
        with pytest.raises(Exception) as refused:
            run_import(sqlite_workspace, owner, path, "晨读营", "roster", dry_run=True)
        assert "several_groups" in {p.code for p in refused.value.plan.problems}
    assert outcomes[0] == outcomes[1] == ([(3, "other_group", "刘洋（跑步群）")], [])


def test_an_english_group_column_of_teams_is_no_other_group(sqlite_workspace, tmp_path):
    """A "Group" column of teams within the camp (Team 1, Team 2) names no group of the workspace: the file is
    imported whole, never refused as "several groups"."""
    owner = actor_for(sqlite_workspace)
    path = _xlsx(
        tmp_path / "teams.xlsx",
        [["Name", "WeChat ID", "Group"], ["Li Na", "ln02", "Team 1"], ["Liu Yang", "ly03", "Team 2"]],
    )
    plan, summary, _ = run_import(sqlite_workspace, owner, path, "读书群", "roster")
    assert not plan.problems and not [s for s in plan.skipped if s.reason == "other_group"]
    assert summary is not None and summary.added == 2


def _two_groups_report(database, tmp_path: Path) -> tuple[Path, int, int]:
    """读书群 (王芳, 李娜) and 跑步群 (王芳, 刘洋): 王芳 checks in on the 3rd in 跑步群 only, on the 4th in 读书群.
    The monthly report of both groups, as `export report --all` writes it."""
    from desktop.services.report import export_monthly_report

    owner = actor_for(database)
    with database.session() as s:
        read = create_group(s, owner, "读书群")
        run = create_group(s, owner, "跑步群")
        wang = add_member(s, owner, read, MemberInput(display_name="王芳", wechat_id="wf01", joined_at=JOINED))[1]
        add_member(s, owner, read, MemberInput(display_name="李娜", wechat_id="ln02", joined_at=JOINED))
        bulk_copy_to_group(s, owner, [wang], run)
        add_member(s, owner, run, MemberInput(display_name="刘洋", wechat_id="ly03", joined_at=JOINED))
        wang_run = s.scalar(
            select(Membership.id)
            .join(Member, Member.id == Membership.member_id)
            .where(Membership.group_id == run, Member.display_name == "王芳")
        )
        s.get(Membership, wang_run).joined_at = JOINED  # copied on the day she joined 跑步群
        record_checkins(s, owner, run, date(2026, 11, 3), [wang_run], today=TODAY)
        record_checkins(s, owner, read, date(2026, 11, 4), [wang], today=TODAY)
        s.commit()
    path = tmp_path / "月报.xlsx"
    export_monthly_report(database, owner, year=2026, month=11, group_ids=None, path=path, today=TODAY)
    return path, read, run


def test_the_all_groups_check_in_matrix_logs_no_other_groups_row_here(sqlite_workspace, tmp_path):
    """The monthly report's 打卡明细 of both groups (社群 | 姓名 | 1 | 2 …) imported into 读书群 on a fresh workspace
    (a colleague's laptop): 王芳's 跑步群 row — her check-in of the 3rd there — was logged as her 读书群 check-in of
    the 3rd, a day she did not check in there; 刘洋's row and the 每日合计 rows were problems that refused the file.
    Now the other group's rows are skipped, each named with its group, and the totals rows are totals."""
    from openpyxl import load_workbook

    path, read, _run = _two_groups_report(sqlite_workspace, tmp_path)
    sheet = load_workbook(path)["打卡明细"]
    matrix = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(matrix) if r and r[0] == "社群")
    assert {(r[0], r[1]) for r in matrix[header + 1 :] if r[0]} >= {("读书群", "王芳"), ("跑步群", "王芳")}
    with sqlite_workspace.session() as s:  # 读书群's check-ins gone (the colleague's workspace had none yet)
        s.query(CheckIn).filter(
            CheckIn.membership_id.in_(select(Membership.id).where(Membership.group_id == read))
        ).delete(synchronize_session=False)
        s.commit()
    plan, summary = run_checkin_import(
        sqlite_workspace, actor_for(sqlite_workspace), path, "读书群", sheet="打卡明细", today=TODAY
    )
    assert summary is not None and summary.logged == 1
    skipped = {(r.row, r.name, r.note) for r in plan.rows if r.outcome == "skipped" and "跑步群" in (r.note or "")}
    their_rows = {i + 1 for i, r in enumerate(matrix) if r and r[0] == "跑步群" and r[1] in ("王芳", "刘洋")}
    assert {row for row, _n, _note in skipped} == their_rows
    assert {r.name for r in plan.rows if r.outcome == "skipped" and "合计" in (r.note or "")} == {"每日合计"}
    assert not [r for r in plan.rows if r.outcome == "problem"]
    assert {(n, g, d) for n, g, d in _checkins(sqlite_workspace) if g == "读书群"} == {
        ("王芳", "读书群", date(2026, 11, 4))
    }


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_report_s_check_in_matrix_is_read_on_every_day(sqlite_workspace, tmp_path, lang):
    """The report's 打卡明细 heads each day with its number over its weekday (2 / 一, 2 / M): only the Sundays
    (1 / 日, read as 1日) were days, every other column "not a day: not used" — a colleague importing the month's
    matrix got the check-ins of the Sundays only. Every day of the month up to today is read now."""
    from desktop.services.report import export_monthly_report

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "读书群")
        ms = add_member(s, owner, gid, MemberInput(display_name="李娜", wechat_id="ln02", joined_at=JOINED))[1]
        days = [date(2026, 11, 1), date(2026, 11, 3), date(2026, 11, 19)]  # a Sunday, a Tuesday, a Thursday
        for day in days:
            record_checkins(s, owner, gid, day, [ms], today=TODAY)
        s.commit()
    path = tmp_path / "月报.xlsx"
    export_monthly_report(
        sqlite_workspace, owner, year=2026, month=11, group_ids=[gid], path=path, today=TODAY, lang=lang
    )
    plan, _summary = run_checkin_import(
        sqlite_workspace,
        owner,
        path,
        "读书群",
        sheet="打卡明细",
        today=TODAY,
        dry_run=True,
    )
    assert sorted({d for _column, d in plan.days}) == [date(2026, 11, n) for n in range(1, 21)]
    row = next(r for r in plan.rows if r.name == "李娜")
    assert (row.outcome, row.already, row.days) == ("planned", 3, tuple(days))
    assert not [r for r in plan.rows if r.outcome == "problem"]


WECOM_MEMBERS = [
    ["群名称", "群主", "成员名称", "群昵称", "成员类型", "入群时间", "入群方式", "邀请人"],
    ["晨光早起营", "张老师", "张老师", "", "企业成员", "2026-11-01 09:00", "", ""],
    ["晨光早起营", "张老师", "小王助理", "运营-小王", "企业成员", "2026-11-01 09:30", "由成员邀请入群", "张老师"],
    ["晨光早起营", "张老师", "甲乙", "", "外部联系人", "2026-11-01 10:00", "通过扫描群二维码入群", ""],
    ["晨光早起营", "张老师", "丙丁", "", "微信用户", "2026-11-02 10:00", "由成员邀请入群", "甲乙"],
]


def test_the_company_s_own_staff_in_a_wecom_export_are_not_made_members(sqlite_workspace, tmp_path, capsys):
    """企业微信's group member export lists the company's own people (成员类型 企业成员: the 群主 and the assistant)
    with the customers (外部联系人, 微信用户): the staff were made members, counted in the group's size and in its
    check-in rate as two members who never check in. They are skipped, each named, in the preview (dry run) and on
    the real run; the customers are imported."""
    from desktop.cli import main

    path = _xlsx(tmp_path / "客户群成员.xlsx", WECOM_MEMBERS)
    db = str(sqlite_workspace.engine.url.database)
    assert main(["--db", db, "import", "roster", str(path), "--group", "晨光早起营", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "第2行  跳过 skipped (企业成员" in out and "张老师（企业成员）" in out
    assert "第3行  跳过 skipped (企业成员" in out and "运营-小王（企业成员）" in out
    plan, summary, _ = run_import(sqlite_workspace, actor_for(sqlite_workspace), path, "晨光早起营", "roster")
    assert [(s.row, s.reason) for s in plan.skipped] == [(2, "staff"), (3, "staff")]
    assert summary is not None and summary.added == 2
    assert _memberships(sqlite_workspace) == {("甲乙", "晨光早起营"), ("丙丁", "晨光早起营")}


def test_a_camp_of_the_company_s_own_employees_is_imported_whole(sqlite_workspace, tmp_path):
    """A company's internal training camp lists 员工 in its 身份 column, and nobody else: they are its members."""
    path = _xlsx(
        tmp_path / "内训营.xlsx",
        [["姓名", "身份", "部门"], ["李娜", "员工", "销售部"], ["刘洋", "员工", "市场部"]],
    )
    plan, summary, _ = run_import(sqlite_workspace, actor_for(sqlite_workspace), path, "内训营", "roster")
    assert not plan.skipped and summary is not None and summary.added == 2


def test_every_row_of_the_other_groups_is_counted_though_the_first_are_listed(sqlite_workspace, tmp_path, capsys):
    """企业微信's export of every group: 1,200 rows of 读书会 and two of 晨光早起营. The plan lists the first 1,000
    skipped rows; the import dialog's note counted the list ("1000 rows of other groups skipped") and the command
    named 1,000 — 200 rows left out without a word. Now the rows are counted in full and the command says how many
    more it did not list."""
    from desktop.cli import main
    from desktop.services.imports import MAX_EXAMPLES_LISTED

    rows = [["群名称", "成员名称", "成员类型"], ["晨光早起营", "甲乙", "外部联系人"]]
    rows += [["读书会", f"读者{i:04d}", "外部联系人"] for i in range(1200)]
    rows.append(["晨光早起营", "丙丁", "外部联系人"])
    path = _xlsx(tmp_path / "全部客户群.xlsx", rows)
    plan, summary, _ = run_import(sqlite_workspace, actor_for(sqlite_workspace), path, "晨光早起营", "roster")
    assert summary is not None and summary.added == 2
    assert len([k for k in plan.skipped if k.reason == "other_group"]) == MAX_EXAMPLES_LISTED == 1000
    assert plan.left_out_count("other_group") == 1200
    db = str(sqlite_workspace.engine.url.database)
    assert main(["--db", db, "import", "roster", str(path), "--group", "晨光早起营", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.count("跳过 skipped (另一个群的成员") == 1000 and "另有 200 行同样跳过" in out


def test_a_check_in_table_of_one_other_group_is_refused_unless_told(sqlite_workspace, tmp_path):
    """跑步群's check-in export (a 群名称 column naming 跑步群 only) imported into 读书群: 王芳, in both groups, had her
    跑步群 check-in logged as a 读书群 one. Refused as a title naming another group is (other_group), unless the user
    says so; a 群名称 that is no group of the workspace (企业微信's own name for this group) is imported as before."""
    from desktop.services.checkin_import import CheckinImportFailed

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        read = create_group(s, owner, "读书群")
        run = create_group(s, owner, "跑步群")
        wang = add_member(s, owner, read, MemberInput(display_name="王芳", wechat_id="wf01", joined_at=JOINED))[1]
        bulk_copy_to_group(s, owner, [wang], run)
        s.commit()
    theirs = tmp_path / "跑步群打卡.csv"
    theirs.write_text("群名称,微信号,打卡时间\n跑步群,wf01,2026-11-19 07:00\n", encoding="utf-8")
    with pytest.raises(CheckinImportFailed) as refused:
        run_checkin_import(sqlite_workspace, owner, theirs, "读书群", today=TODAY)
    assert [p.code for p in refused.value.problems] == ["other_group"] and "跑步群" in str(refused.value)
    assert _checkins(sqlite_workspace) == set()
    wecom = tmp_path / "企业微信打卡.csv"
    wecom.write_text("群名称,微信号,打卡时间\n读书群(2026),wf01,2026-11-18 07:00\n", encoding="utf-8")
    _plan, summary = run_checkin_import(sqlite_workspace, owner, wecom, "读书群", today=TODAY)
    assert summary is not None and summary.logged == 1
    assert _checkins(sqlite_workspace) == {("王芳", "读书群", date(2026, 11, 18))}


def test_the_english_report_s_group_column_is_a_group_column(sqlite_workspace, tmp_path):
    """The English monthly report heads its 打卡明细 group column "Group" — a word a file of teams uses too, so it
    never refused a file. Naming two groups of the workspace, it is QunDesk's own: imported into a third group
    (the title's check waived with other_group) it is refused as several groups', never logging 王芳's row of
    读书群 as her row here."""
    from desktop.services.checkin_import import CheckinImportFailed
    from desktop.services.report import export_monthly_report

    path, read, run = _two_groups_report(sqlite_workspace, tmp_path)
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        third = create_group(s, owner, "写作群")
        wang = s.scalar(select(Membership.id).where(Membership.group_id == read))
        bulk_copy_to_group(s, owner, [wang], third)
        s.scalar(select(Membership).where(Membership.group_id == third)).joined_at = JOINED
        s.commit()
    english = tmp_path / "report_en.xlsx"
    export_monthly_report(
        sqlite_workspace, owner, year=2026, month=11, group_ids=[read, run], path=english, today=TODAY, lang="en"
    )
    with pytest.raises(CheckinImportFailed) as refused:
        run_checkin_import(sqlite_workspace, owner, english, "写作群", sheet="打卡明细", today=TODAY, other_group=True)
    assert "several_groups" in {p.code for p in refused.value.problems}
    assert not {c for c in _checkins(sqlite_workspace) if c[1] == "写作群"}


def test_one_cohort_s_roster_brings_none_of_its_former_members_into_the_next(sqlite_workspace, tmp_path):
    """`export roster --group 一期` imported into 二期 (二期 starts with 一期's people): 一期's former members became
    二期's former members, with 一期's dates in 二期's join and leave counts — and 李四, who left 一期 but is in 二期,
    had his 二期 membership ended by 一期's row. A file naming one other group of the workspace is that group's
    roster: its former members' rows are skipped, each named with the group; its members are imported."""
    from desktop.services.onboarding import leave_group
    from desktop.services.roster_export import export_roster

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        one = create_group(s, owner, "一期")
        two = create_group(s, owner, "二期")
        ids = {
            n: add_member(s, owner, one, MemberInput(display_name=n, wechat_id=w, joined_at=JOINED))[1]
            for n, w in (("张三", "zs01"), ("李四", "ls02"), ("王五", "ww03"), ("赵六", "zl04"))
        }
        bulk_copy_to_group(s, owner, [ids["李四"], ids["赵六"]], two)  # renewers, already in 二期
        # 孙七: a member of 二期, still an applicant of 一期 — 一期's 申请中 made him an applicant of 二期 again
        sun_two = add_member(s, owner, two, MemberInput(display_name="孙七", wechat_id="sq05", joined_at=JOINED))[1]
        s.add(Membership(member_id=ids_member(s, sun_two), group_id=one, status="applicant", applied_at=JOINED))
        s.flush()
        zhao_joined = s.scalar(
            select(Membership.joined_at).where(
                Membership.member_id == ids_member(s, ids["赵六"]), Membership.group_id == two
            )
        )
        leave_group(s, owner, ids["李四"], "结营")
        leave_group(s, owner, ids["王五"], "发广告", status="blacklisted")
        # 张三 came to 一期 through 王五: his referrer's row is not imported, and the file was refused for it
        s.get(Membership, ids["张三"]).referrer_id = ids_member(s, ids["王五"])
        s.commit()
    path = tmp_path / "一期.xlsx"
    export_roster(sqlite_workspace, owner, group_ids=[one], path=path, unmasked=True)
    plan, summary, _ = run_import(sqlite_workspace, owner, path, "二期", "roster")
    assert not plan.problems
    assert sorted((s.reason, s.text) for s in plan.skipped if s.reason == "other_group") == [
        ("other_group", "李四（一期 已退群）"),
        ("other_group", "王五（一期 黑名单）"),
    ]
    with sqlite_workspace.session() as s:
        in_two = dict(
            s.execute(
                select(Member.display_name, Membership.status)
                .join(Membership, Membership.member_id == Member.id)
                .where(Membership.group_id == two)
            ).all()
        )
    assert in_two == {"张三": "active", "李四": "active", "赵六": "active", "孙七": "active"}
    said = [(r.name, w.code) for r in plan.rows for w in r.warnings if w.code == "referrer_not_here"]
    assert said == [("张三", "referrer_not_here")]
    # the members' join dates in the file are 一期's: 张三 joins 二期 on the day of the import, as a copy would have
    # him; 赵六, in 二期 since the copy, keeps that day — 一期's 1 October was written over it
    with sqlite_workspace.session() as s:
        joined = dict(
            s.execute(
                select(Member.display_name, Membership.joined_at)
                .join(Membership, Membership.member_id == Member.id)
                .where(Membership.group_id == two)
            ).all()
        )
    assert joined["赵六"] == zhao_joined
    assert joined["张三"] is not None and joined["张三"].date() == TODAY


def ids_member(s, membership_id: int) -> int:
    return s.scalar(select(Membership.member_id).where(Membership.id == membership_id))
