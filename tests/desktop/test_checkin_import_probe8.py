"""Defects found by the eighth import probe, check-in side: what check-in mini-programs (鲸打卡, 小打卡, 打卡喵, 群打卡)
export — per-member summaries, 12-03 07:12 times without a year, 打卡类型 columns, totals rows under the records.
(Layouts written as those tools write them as best we know.) Values are read back from the database; every test
pins its own day."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.cli import main
from desktop.io.fields import ImportProblem
from desktop.services.checkin_import import run_checkin_import
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Member, Membership

TODAY = date(2026, 12, 6)
GROUP = "晨光早起营"
JOINED = datetime(2026, 11, 1, 12, 0)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """The day these files were exported: every check-in in them is before it."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _people(database) -> None:
    actor = actor_for(database)
    with database.session() as s:
        gid = create_group(s, actor, GROUP)
        for data in (
            MemberInput("张伟", nickname="晨曦", wechat_id="zhangwei01", joined_at=JOINED),
            MemberInput("李娜", nickname="小李", group_nickname="北京-李娜", joined_at=JOINED),
            MemberInput("王芳", nickname="芳芳", joined_at=JOINED),
        ):
            add_member(s, actor, gid, data)
        s.commit()


def _checkins(database) -> list[tuple[str, date, bool, datetime | None]]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, CheckIn.day, CheckIn.late, CheckIn.checked_at)
            .join(Membership, Membership.id == CheckIn.membership_id)
            .join(Member, Member.id == Membership.member_id)
        ).all()
    return sorted((n, d, bool(late), at) for n, d, late, at in rows)


def _xlsx(path: Path, rows: list[list[object]], merge: str | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "rows",
    [
        [  # 小打卡 成员统计: 打卡天数 "12天" and the last check-in's time
            ["序号", "昵称", "打卡天数", "坚持天数", "最近打卡时间", "补卡次数"],
            [1, "晨曦", "12天", "5天", "2026/12/03 07:12:09", 1],
            [2, "小李", "10天", "2天", "2026/12/04 06:50:00", 0],
        ],
        [  # 群打卡 统计 under a title: 总天数, 首次打卡 and 最后打卡
            ["群打卡 统计"],
            ["排名", "群昵称", "总天数", "连续天数", "首次打卡", "最新打卡时间"],
            [1, "北京-李娜", 12, 5, "2026-11-01", "2026-12-04 06:50"],
        ],
    ],
)
def test_a_per_member_summary_is_refused_never_read_as_one_checkin_each(sqlite_workspace, tmp_path, rows):
    """A per-member summary (one row a member: 打卡天数, 最近打卡时间) was read as an export: its 最近打卡时间 taken as
    the check-in's time, so 晨曦's 12 days became ONE check-in on 12-03 and 小李's one on 12-04, without a word. A
    first or latest check-in column is not a check-in's time; the file is refused, saying it is a summary."""
    _people(sqlite_workspace)
    path = _xlsx(tmp_path / "成员统计.xlsx", rows)
    with pytest.raises(ImportProblem) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert caught.value.code == "summary_table"
    assert "统计表" in str(caught.value) and "per-member summary" in str(caught.value)
    assert _checkins(sqlite_workspace) == []


def test_a_check_in_record_with_a_totals_row_under_it_imports_the_records(sqlite_workspace, tmp_path):
    """鲸打卡's 打卡记录 with a merged title, text times 2026/12/03 07:12:09, 坚持天数 "3天" and a last row 合计 | … |
    共4条 (合计 in the 序号 column, no name): the whole file was refused, "row 7: no name". The totals row is skipped
    as one, and every record is logged on its day with its time (a 补卡 marked, made up for the day it names)."""
    _people(sqlite_workspace)
    rows = [
        ["晨光早起营 打卡记录导出（2026-12-01 至 2026-12-05）"],
        ["序号", "用户昵称", "打卡时间", "打卡内容", "坚持天数", "是否补卡"],
        [1, "晨曦", "2026/12/03 07:12:09", "早起第3天", "3天", "否"],
        [2, "小李", "2026/12/03 06:58:00", "早", "2天", "否"],
        [3, "芳芳", "2026/12/04 09:01:00", "补卡 12月2日", "1天", "是"],
        ["合计", "", "", "", "", "共3条"],
    ]
    path = _xlsx(tmp_path / "鲸打卡.xlsx", rows, merge="A1:F1")
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert summary is not None and summary.logged == 3
    assert {r.row: r.outcome for r in plan.rows}[6] == "skipped"
    assert _checkins(sqlite_workspace) == [
        ("张伟", date(2026, 12, 3), False, datetime(2026, 12, 3, 7, 12, 9)),
        ("李娜", date(2026, 12, 3), False, datetime(2026, 12, 3, 6, 58)),
        ("王芳", date(2026, 12, 2), True, datetime(2026, 12, 4, 9, 1)),
    ]
    # a footer that only counts (共 3 条记录) is no person either
    rows[-1] = ["", "", "", "共 3 条记录", "", ""]
    path = _xlsx(tmp_path / "鲸打卡2.xlsx", rows, merge="A1:F1")
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert summary is not None and (summary.logged, summary.already) == (0, 3)
    assert {r.row: r.outcome for r in plan.rows}[6] == "skipped"


def test_a_time_written_12_03_07_12_is_that_day_and_a_type_column_s_buka_is_late(sqlite_path, tmp_path):
    """打卡喵 writes 打卡时间 as 12-03 07:12 (no year) and a 打卡类型 column (正常打卡 / 补卡): every row was refused
    "not a date QunDesk can read", and once read, 小李's 补卡 was logged as on time (the 打卡类型 column "not used").
    12-03 takes its year as a 12/3 in a date column does; 补卡 in 打卡类型 is late, 正常打卡 is not."""
    database = open_workspace(sqlite_path)
    _people(database)
    rows = [
        ["打卡人", "打卡时间", "打卡内容", "打卡类型"],
        ["晨曦", "12-03 07:12", "ok", "正常打卡"],
        ["小李", "12-04 06:50", "ok", "补卡"],
        ["芳芳", "12月5日 09:00", "ok", "正常打卡"],
    ]
    path = _xlsx(tmp_path / "打卡喵.xlsx", rows)
    db = str(sqlite_path)
    assert main(["--db", db, "import", "checkins", str(path), "--group", GROUP]) == 0
    assert _checkins(database) == [
        ("张伟", date(2026, 12, 3), False, datetime(2026, 12, 3, 7, 12)),
        ("李娜", date(2026, 12, 4), True, datetime(2026, 12, 4, 6, 50)),
        ("王芳", date(2026, 12, 5), False, datetime(2026, 12, 5, 9, 0)),
    ]
    assert main(["--db", db, "import", "checkins", str(path), "--group", GROUP]) == 0  # again: nothing new
    assert len(_checkins(database)) == 3
    database.dispose()


def test_a_numbers_csv_of_checkboxes_reads_true_as_a_checkin_and_false_as_none(sqlite_workspace, tmp_path):
    """A 打卡表 kept in Numbers (or Google Sheets) with a checkbox a day, exported to CSV: UTF-8 without a BOM, the
    table's name (表格 1) on the first line, TRUE / FALSE in the cells. Every cell was refused "cannot read this
    cell: TRUE", the whole file with it — while the same checkboxes in an .xlsx were read. TRUE is a check-in,
    FALSE none, as in the .xlsx."""
    _people(sqlite_workspace)
    path = tmp_path / "打卡表.csv"
    path.write_bytes("表格 1\n姓名,12/1,12/2,12/3,合计\n张伟,TRUE,FALSE,TRUE,2\n李娜,FALSE,true,FALSE,1\n".encode())
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert plan.layout == "matrix" and summary is not None and summary.logged == 3
    assert _checkins(sqlite_workspace) == [
        ("张伟", date(2026, 12, 1), False, None),
        ("张伟", date(2026, 12, 3), False, None),
        ("李娜", date(2026, 12, 2), False, None),
    ]


def test_a_week_s_column_is_no_day_never_its_last_day(sqlite_workspace, tmp_path):
    """A 打卡表 with a week's subtotal beside the days (12月1日-12月7日, 12月8日-14日) — or a sheet of weekly
    assignments, one column a week: the header was read as a two-row header "上级-下级" and so as its last day, so
    张伟's 1 under 12月1日-12月7日 was a check-in on 12-07 and under 12月8日-14日 one on 12-14, days he never
    checked in. A range of days is no day: listed as not used, and a sheet of weeks alone is refused."""
    _people(sqlite_workspace)
    later = date(2026, 12, 20)
    path = tmp_path / "打卡表.csv"
    path.write_text(
        "2026年12月打卡表\n姓名,12月1日,12月2日,12月1日-12月7日,12月8日-14日\n张伟,✓,✓,1,1\n李娜,,✓,0,\n",
        encoding="utf-8",
    )
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=later)
    assert summary is not None and summary.logged == 3
    assert dict(plan.skipped_columns) == {
        "D (12月1日-12月7日)": "一段日期, 不是某一天, 未使用 (a range of days, not one day: not used)",
        "E (12月8日-14日)": "一段日期, 不是某一天, 未使用 (a range of days, not one day: not used)",
    }
    assert [(n, d) for n, d, _late, _at in _checkins(sqlite_workspace)] == [
        ("张伟", date(2026, 12, 1)),
        ("张伟", date(2026, 12, 2)),
        ("李娜", date(2026, 12, 2)),
    ]
    weeks = tmp_path / "每周作业.csv"
    weeks.write_text("2026年12月每周作业\n姓名,12月1日-12月7日,12月8日-14日\n芳芳,✓,✓\n", encoding="utf-8")
    with pytest.raises(ImportProblem):
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), weeks, GROUP, today=later)
    assert len(_checkins(sqlite_workspace)) == 3


def test_a_qq_group_s_checkins_are_matched_by_qq_number_never_by_a_card_alone(sqlite_workspace, tmp_path):
    """A QQ group's 群打卡 export: QQ号 | 群昵称 | 打卡时间. The QQ号 column was not read at all, so a row of 风清扬's
    QQ number under a 群昵称 that is 小月's (cards are changed at will) was logged as 小月's check-in, and 小月's own
    row under a new card (小月月) was refused as "not certain who this is". The QQ number is the person (as `import
    chat` matches a sender's ID): her row is hers, his QQ number with her card is a problem naming both."""
    actor = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, actor, GROUP)
        add_member(s, actor, gid, MemberInput("风清扬", qq="10001", joined_at=JOINED))
        add_member(s, actor, gid, MemberInput("小月", qq="20002", group_nickname="北京-小月", joined_at=JOINED))
        s.commit()
    path = tmp_path / "群打卡.csv"
    path.write_text("QQ号,群昵称,打卡时间\n20002,小月月,2026-12-03 07:10\n10001,,2026-12-03 07:20\n", encoding="utf-8")
    plan, summary = run_checkin_import(sqlite_workspace, actor, path, GROUP, today=TODAY)
    assert summary is not None and summary.logged == 2
    assert [(n, d) for n, d, _late, _at in _checkins(sqlite_workspace)] == [
        ("小月", date(2026, 12, 3)),
        ("风清扬", date(2026, 12, 3)),
    ]
    wrong = tmp_path / "群打卡2.csv"
    wrong.write_text("QQ号,群昵称,打卡时间\n10001,北京-小月,2026-12-04 07:00\n", encoding="utf-8")
    with pytest.raises(ImportProblem) as caught:
        run_checkin_import(sqlite_workspace, actor, wrong, GROUP, today=TODAY)
    assert (caught.value.row, caught.value.code) == (2, "conflict")
    assert len(_checkins(sqlite_workspace)) == 2


def test_an_export_of_several_groups_logs_only_this_group_s_rows(sqlite_workspace, tmp_path):
    """A check-in export of several groups (a 群名称 column: 晨光早起营 and 读书会, 晨曦 in both): 晨曦's 读书会 check-in
    of 12-04 was logged in 晨光早起营, a day she did not check in there. The other group's rows are skipped, each
    named; a file none of whose groups is the one imported into is refused."""
    _people(sqlite_workspace)
    path = tmp_path / "群打卡.csv"
    path.write_text(
        "群名称,昵称,打卡时间\n晨光早起营,晨曦,2026-12-03 07:00\n读书会,晨曦,2026-12-04 07:00\n晨光早起营,小李,2026-12-04 07:10\n",
        encoding="utf-8",
    )
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert summary is not None and summary.logged == 2
    assert [(r.row, r.outcome) for r in plan.rows] == [(2, "planned"), (3, "skipped"), (4, "planned")]
    assert "读书会" in plan.rows[1].note
    assert [(n, d) for n, d, _late, _at in _checkins(sqlite_workspace)] == [
        ("张伟", date(2026, 12, 3)),
        ("李娜", date(2026, 12, 4)),
    ]
    other = tmp_path / "别的群.csv"
    other.write_text(
        "群名称,昵称,打卡时间\n读书会,晨曦,2026-12-05 07:00\n写作营,芳芳,2026-12-05 07:00\n", encoding="utf-8"
    )
    with pytest.raises(ImportProblem) as caught:
        run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), other, GROUP, today=TODAY)
    assert caught.value.code == "several_groups"
    assert len(_checkins(sqlite_workspace)) == 2


def test_a_day_s_statistics_row_with_no_checkins_is_no_checkin(sqlite_workspace, tmp_path):
    """群打卡's 每日打卡统计: a row per member per day with 打卡次数 — 0 for who did not check in. Every such row
    was logged as a check-in (the 打卡次数 column "not used"). 0 (or 0次) is no check-in, named; 2 is one."""
    _people(sqlite_workspace)
    path = tmp_path / "每日统计.csv"
    path.write_text(
        "昵称,打卡日期,打卡次数\n晨曦,2026-12-01,2\n小李,2026-12-01,0\n芳芳,2026-12-01,0次\n", encoding="utf-8"
    )
    plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert summary is not None and summary.logged == 1
    assert [(r.row, r.outcome) for r in plan.rows] == [(2, "planned"), (3, "nothing"), (4, "nothing")]
    assert "打卡次数" not in " ".join(c for c, _why in plan.skipped_columns)
    assert [(n, d) for n, d, _late, _at in _checkins(sqlite_workspace)] == [("张伟", date(2026, 12, 1))]


def test_a_status_column_s_on_time_answer_is_a_checkin(sqlite_workspace, tmp_path):
    """小打卡/群打卡 write 打卡状态 正常 (or 正常打卡) for a check-in on time and 补卡 for a late one: every 正常 row was
    "cannot read this answer", the file refused. 正常 is a check-in, on time; under 是否补卡, 正常 is not late."""
    _people(sqlite_workspace)
    path = tmp_path / "打卡状态.csv"
    path.write_text(
        "昵称,打卡日期,打卡状态\n晨曦,2026-12-01,正常\n小李,2026-12-01,正常打卡\n芳芳,2026-12-01,补卡\n",
        encoding="utf-8",
    )
    _plan, summary = run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), path, GROUP, today=TODAY)
    assert summary is not None and (summary.logged, summary.late) == (3, 1)
    assert [(n, d, late) for n, d, late, _at in _checkins(sqlite_workspace)] == [
        ("张伟", date(2026, 12, 1), False),
        ("李娜", date(2026, 12, 1), False),
        ("王芳", date(2026, 12, 1), True),
    ]
    again = tmp_path / "是否补卡.csv"
    again.write_text("昵称,打卡日期,是否补卡\n晨曦,2026-12-02,正常\n", encoding="utf-8")
    run_checkin_import(sqlite_workspace, actor_for(sqlite_workspace), again, GROUP, today=TODAY)
    assert ("张伟", date(2026, 12, 2), False) in [(n, d, late) for n, d, late, _at in _checkins(sqlite_workspace)]
