"""QunDesk's own files read back in (PRODUCT §3.5, §3.6): the monthly workbook's 打卡明细 imported as a 打卡表 and the
roster export (an owner's, an assistant's with phones masked) imported into the same group — nothing may name the
wrong person or day, and a re-import changes nothing."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from desktop.cli import main
from desktop.services.checkin_import import run_checkin_import
from desktop.services.checkins import record_checkins, record_leave
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import CheckIn, Group, Leave, Member, Membership

TODAY = date(2026, 12, 7)  # November 2026 is a past month, whole


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _camp(database) -> dict:
    """早起打卡营 in November 2026: 王芳 ×2 (one with a WeChat ID, one with a phone only), 新名字 and 姓名张 (names
    holding a header word) every day, 韩梅梅 on leave 5–11, 李雷 in from the 20th."""
    owner = actor_for(database)
    with database.session() as s:
        g = create_group(s, owner, "早起打卡营")
        s.execute(update(Group).where(Group.id == g).values(created_at=datetime(2026, 9, 1, 9)))
        ids = {}
        for key, name, phone, wechat, joined in (
            ("王芳1", "王芳", "13800138000", "wf_a", datetime(2026, 9, 1, 9)),
            ("王芳2", "王芳", "13900139000", None, datetime(2026, 9, 2, 9)),
            ("新名字", "新名字", None, "xmz", datetime(2026, 9, 1, 9)),
            ("姓名张", "姓名张", "13700137000", None, datetime(2026, 9, 1, 9)),
            ("李雷", "李雷", "13600136000", "lilei", datetime(2026, 11, 20, 9)),
            ("韩梅梅", "韩梅梅", None, None, datetime(2026, 9, 1, 9)),
        ):
            member = MemberInput(display_name=name, phone=phone, wechat_id=wechat, city="上海", joined_at=joined)
            ids[key] = add_member(s, owner, g, member)[1]
        for d in range(1, 31):
            who = [ids["王芳1"], ids["新名字"], ids["姓名张"]]
            if d % 2:
                who.append(ids["王芳2"])
            if d >= 20 and d % 3 == 0:
                who.append(ids["李雷"])
            if not 5 <= d <= 11:
                who.append(ids["韩梅梅"])
            record_checkins(s, owner, g, date(2026, 11, d), who, today=TODAY)
        record_leave(s, owner, ids["韩梅梅"], date(2026, 11, 5), date(2026, 11, 11), "出差")
        add_operator(s, owner, "小助理", "assistant")
        s.commit()
    return {"owner": owner, "group": g, "ids": ids}


def test_members_named_with_a_header_word_are_people_not_a_header_and_the_rows_below_keep_their_days(
    sqlite_workspace, tmp_path
):
    """姓名张 and 新名字 in 打卡明细 were read as "a header again", and the rows below them by that row's numbers:
    韩梅梅's 打卡天数 23 and 打卡率 100% became check-ins on the 23rd and the 1st (her 23 real days and 7 days of leave
    dropped), 李雷's 打卡率 a check-in on the 1st — before he joined. Now every member's row is read by the days."""
    camp = _camp(sqlite_workspace)
    out = tmp_path / "nov.xlsx"
    export_monthly_report(
        sqlite_workspace, camp["owner"], year=2026, month=11, group_ids=[camp["group"]], path=out, today=TODAY
    )
    plan, _summary = run_checkin_import(
        sqlite_workspace,
        camp["owner"],
        out,
        "早起打卡营",
        sheet="打卡明细",
        today=TODAY,
        dry_run=True,
        skip_problems=True,
    )
    rows = {r.name: r for r in plan.rows}
    assert rows["姓名张"].outcome != "skipped" and rows["姓名张"].already == 30
    assert rows["新名字"].already == 30
    assert rows["韩梅梅"].already == 23 and rows["韩梅梅"].leave_already == 7 and rows["韩梅梅"].checkins == 0
    assert rows["李雷"].already == 4 and not rows["李雷"].problems
    assert {d for _c, d in plan.days} == {date(2026, 11, d) for d in range(1, 31)}
    # the namesakes, written 王芳 (1) / 王芳 (2), are asked about (never the wrong 王芳), each naming its row
    assert [(r.row, r.outcome) for r in plan.rows if r.name.startswith("王芳")] == [(4, "problem"), (8, "problem")]
    assert not plan.checkins and not plan.leaves  # re-importing changes nothing
    # the workbook's roster and points sheets are no check-in tables to import too (each is refused if tried)
    assert "成员名册" not in plan.other_sheets and "积分" not in plan.other_sheets


def test_a_member_named_with_a_header_word_with_check_ins_written_as_1_is_a_person(sqlite_workspace, tmp_path):
    """A hand-made 打卡表 marking check-ins with 1: 新名字's row (1 1 1) is no header of days 1, 1, 1."""
    camp = _camp(sqlite_workspace)
    table = tmp_path / "打卡表.csv"
    table.write_text("姓名,11/1,11/2,11/3\n李雷,,,\n新名字,1,1,1\n韩梅梅,1,,1\n", encoding="utf-8")
    plan, _summary = run_checkin_import(sqlite_workspace, camp["owner"], table, "早起打卡营", today=TODAY, dry_run=True)
    rows = {r.name: r for r in plan.rows}
    assert rows["新名字"].already == 3 and rows["新名字"].outcome != "skipped"
    assert rows["韩梅梅"].already == 2 and rows["韩梅梅"].days == (date(2026, 11, 1), date(2026, 11, 3))


def _phones(db: str) -> dict[int, str | None]:
    database = open_workspace(db)
    try:
        with database.session() as s:
            return {mid: phone for mid, phone in s.execute(select(Member.id, Member.phone))}
    finally:
        database.dispose()


@pytest.mark.parametrize("importer", [None, "小助理"])
def test_an_assistants_masked_roster_export_imports_back_unchanged_namesakes_told_apart_by_the_mask(
    tmp_path, capsys, importer
):
    """The assistant's roster export writes the two 王芳 as 138****8000 (with a WeChat ID) and 139****9000 (without):
    read back, the second was "ambiguous" and "same name as row 4" — the whole file refused. The mask's visible digits
    fit only one of the two stored phones: that 王芳, unchanged; the stored phones stay whole."""
    sqlite_path = str(tmp_path / "w.sqlite")
    database = open_workspace(sqlite_path)
    _camp(database)
    database.dispose()
    out = tmp_path / "名册.xlsx"
    assert (
        main(["--db", sqlite_path, "--operator", "小助理", "export", "roster", "--group", "早起打卡营", "-o", str(out)])
        == 0
    )
    before = _phones(sqlite_path)
    op = ["--operator", importer] if importer else []
    capsys.readouterr()
    assert main(["--db", sqlite_path, *op, "import", "roster", str(out), "--group", "早起打卡营"]) == 0
    captured = capsys.readouterr()
    assert "不变 unchanged        6" in captured.out and "新增 added            0" in captured.out
    assert _phones(sqlite_path) == before and "13900139000" in before.values()
    # each masked phone says the stored one stays: "imported without a phone" read as if the number were taken away
    assert captured.err.count("已存的手机号保持不变") == 4 and "这一行不设手机号" not in captured.err


def test_namesakes_the_mask_cannot_tell_apart_are_still_asked_about(tmp_path, capsys):
    """Two 王芳 whose phones mask alike (138****8000): the row is a problem naming it, never either 王芳."""
    sqlite_path = str(tmp_path / "w.sqlite")
    database = open_workspace(sqlite_path)
    owner = actor_for(database)
    with database.session() as s:
        g = create_group(s, owner, "跑步群")
        add_member(s, owner, g, MemberInput(display_name="王芳", phone="13800138000"))
        add_member(s, owner, g, MemberInput(display_name="王芳", phone="13811118000"))
        s.commit()
    database.dispose()
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,手机,城市\n王芳,138****8000,杭州\n", encoding="utf-8")
    assert main(["--db", sqlite_path, "import", "roster", str(roster), "--group", "跑步群"]) == 1
    err = capsys.readouterr().err
    assert "第2行" in err and "2 人叫「王芳」" in err


def _members_of(db: str, group: str) -> list[tuple[int, str, str | None]]:
    database = open_workspace(db)
    try:
        with database.session() as s:
            gid = s.scalar(select(Group.id).where(Group.name == group))
            rows = s.execute(
                select(Member.id, Member.display_name, Member.phone)
                .join(Membership, Membership.member_id == Member.id)
                .where(Membership.group_id == gid)
                .order_by(Member.id)
            )
            return [tuple(r) for r in rows]
    finally:
        database.dispose()


@pytest.mark.parametrize("exporter", [None, "小助理"])
def test_a_groups_roster_imported_into_another_group_moves_the_same_people(tmp_path, capsys, exporter):
    """`export roster --group 早起打卡营` imported into 读书会: 韩梅梅 (no WeChat ID, no phone) and — from the
    assistant's masked export — 姓名张 (137****7000) and the second 王芳 (139****9000) became new people of the same
    names without their phones, check-ins or points. Now each is 早起打卡营's member, said on the row; nobody new."""
    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    camp = _camp(database)
    with database.session() as s:
        create_group(s, camp["owner"], "读书会")
        s.commit()
    database.dispose()
    out = tmp_path / "名册.xlsx"
    op = ["--operator", exporter] if exporter else []
    assert main(["--db", db, *op, "export", "roster", "--group", "早起打卡营", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "import", "roster", str(out), "--group", "读书会"]) == 0
    captured = capsys.readouterr()
    assert "新增 added            6" in captured.out
    assert _members_of(db, "读书会") == _members_of(db, "早起打卡营")  # the same six people, no new ones
    if exporter:
        assert "「姓名张」是「早起打卡营」里的这位成员" in captured.err


def test_a_masked_phone_whose_digits_say_another_number_is_not_the_namesake(tmp_path, capsys):
    """读书会's 王芳 has 13800138000; a row 王芳 139****9000 updated her (a city written over the wrong 王芳). The mask's
    visible digits say another number: another 王芳, added and said."""
    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    owner = actor_for(database)
    with database.session() as s:
        g = create_group(s, owner, "读书会")
        add_member(s, owner, g, MemberInput(display_name="王芳", phone="13800138000", city="上海"))
        s.commit()
    database.dispose()
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,手机,城市\n王芳,139****9000,杭州\n", encoding="utf-8")
    assert main(["--db", db, "import", "roster", str(roster), "--group", "读书会"]) == 0
    assert "作为另一个人新增" in capsys.readouterr().err
    assert [(name, phone) for _id, name, phone in _members_of(db, "读书会")] == [
        ("王芳", "13800138000"),
        ("王芳", None),
    ]


def _edited(source, tmp_path) -> tuple:
    """The owner's roster export edited in Excel / WPS: 李雷 renamed 李磊, 韩梅梅's row deleted, 小王 added (phone
    typed as a number), sorted by 手机; saved as .xlsx and as a GBK .csv with dates written 2026/9/1 9:00."""
    wb = load_workbook(source)
    sheet = wb.active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header, body = rows[0], rows[1:]
    at = {h: i for i, h in enumerate(header)}
    kept = []
    for r in body:
        if r[at["姓名"]] == "韩梅梅":
            continue
        if r[at["姓名"]] == "李雷":
            r[at["姓名"]] = "李磊"
        kept.append(r)
    new = [None] * len(header)
    new[at["社群"]], new[at["姓名"]], new[at["手机"]], new[at["状态"]] = "早起打卡营", "小王", 13512345678, "已入群"
    kept.append(new)
    kept.sort(key=lambda r: str(r[at["手机"]] or ""))
    sheet.delete_rows(2, sheet.max_row)
    for r in kept:
        sheet.append(r)
    xlsx = tmp_path / "名册-改.xlsx"
    wb.save(xlsx)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    for r in kept:
        writer.writerow(
            [
                ""
                if v is None
                else f"{v.year}/{v.month}/{v.day} {v.hour}:{v.minute:02d}"
                if isinstance(v, datetime)
                else v
                for v in r
            ]
        )
    wps = tmp_path / "名册-改.csv"
    wps.write_bytes(text.getvalue().encode("gbk"))
    return xlsx, wps


@pytest.mark.parametrize("saved_as", ["xlsx", "csv"])
def test_the_roster_export_edited_in_excel_imports_exactly_its_edits_and_says_who_is_not_in_it(
    tmp_path, capsys, saved_as
):
    """Exactly the edits: 李雷 → 李磊 (an update naming the change), 小王 added, the others unchanged — and 韩梅梅, whose
    row was deleted, stays a member: the import said nothing of her (the owner thought she was gone); now a note names
    her as not in the file, left as she is."""
    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    _camp(database)
    database.dispose()
    out = tmp_path / "名册.xlsx"
    assert main(["--db", db, "export", "roster", "--group", "早起打卡营", "-o", str(out)]) == 0
    xlsx, wps = _edited(out, tmp_path)
    edited = xlsx if saved_as == "xlsx" else wps
    capsys.readouterr()
    assert main(["--db", db, "import", "roster", str(edited), "--group", "早起打卡营", "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "更新 update  李磊  (姓名 (name): 李雷 → 李磊)" in captured.out
    assert "新增 add  小王" in captured.out
    assert "新增 added            1\n更新 updated          1\n不变 unchanged        4" in captured.out
    assert "本群另有 1 位成员不在文件里, 保持不变" in captured.err and "韩梅梅" in captured.err
    before = _members_of(db, "早起打卡营")
    assert main(["--db", db, "import", "roster", str(edited), "--group", "早起打卡营"]) == 0
    after = _members_of(db, "早起打卡营")
    assert len(after) == len(before) + 1 and ("韩梅梅" in [n for _i, n, _p in after])
    assert (5, "李磊", "13600136000") in after and any(n == "小王" and p == "13512345678" for _i, n, p in after)
    capsys.readouterr()
    assert main(["--db", db, "import", "roster", str(edited), "--group", "早起打卡营", "--dry-run"]) == 0
    assert "不变 unchanged        6" in capsys.readouterr().out  # the same file again: nothing changes


def test_the_workbook_s_roster_sheet_with_numbered_namesakes_imports_back_unchanged(tmp_path, capsys):
    """The monthly workbook's 成员名册 (phones masked) read back as a roster: 王芳 (2) — the workbook's numbering of the
    two 王芳, 139****9000, no WeChat ID — was added as a new person called 王芳 (2). Now she is the 王芳 the mask fits;
    a numbered row nothing tells apart is a problem naming it, never a third 王芳."""
    db = str(tmp_path / "w.sqlite")
    database = open_workspace(db)
    camp = _camp(database)
    out = tmp_path / "nov.xlsx"
    export_monthly_report(
        database, camp["owner"], year=2026, month=11, group_ids=[camp["group"]], path=out, today=TODAY
    )
    database.dispose()
    capsys.readouterr()
    args = ["--db", db, "import", "roster", str(out), "--sheet", "成员名册", "--group", "早起打卡营"]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "新增 added            0" in printed and "不变 unchanged        6" in printed
    assert len(_members_of(db, "早起打卡营")) == 6
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,城市\n王芳 (2),杭州\n", encoding="utf-8")
    assert main(["--db", db, "import", "roster", str(roster), "--group", "早起打卡营"]) == 1
    err = capsys.readouterr().err
    assert "第2行" in err and "月报给同名成员的编号" in err


def test_a_new_laptop_reads_the_roster_export_then_the_workbook_s_check_ins(tmp_path, capsys):
    """A new laptop: the owner's roster export imported into a fresh workspace, then the workbook's 打卡明细 as a
    打卡表 — every member's days and leave logged, the two 王芳 (numbered 王芳 (1) / 王芳 (2)) left out, each named;
    the same sheet again logs nothing."""
    old = str(tmp_path / "old.sqlite")
    database = open_workspace(old)
    camp = _camp(database)
    book = tmp_path / "nov.xlsx"
    export_monthly_report(
        database, camp["owner"], year=2026, month=11, group_ids=[camp["group"]], path=book, today=TODAY
    )
    database.dispose()
    roster = tmp_path / "名册.xlsx"
    assert main(["--db", old, "export", "roster", "--group", "早起打卡营", "-o", str(roster)]) == 0
    new = str(tmp_path / "new.sqlite")
    assert main(["--db", new, "import", "roster", str(roster), "--group", "早起打卡营"]) == 0
    capsys.readouterr()
    sheet = ["import", "checkins", str(book), "--group", "早起打卡营", "--sheet", "打卡明细", "--skip-problems"]
    assert main(["--db", new, *sheet]) == 0
    captured = capsys.readouterr()
    assert "第4行  问题 problem  王芳 (1)" in captured.err and "第8行  问题 problem  王芳 (2)" in captured.err
    database = open_workspace(new)
    try:
        with database.session() as s:
            counted = s.execute(
                select(Member.display_name, func.count(CheckIn.id))
                .join(Membership, Membership.member_id == Member.id)
                .join(CheckIn, CheckIn.membership_id == Membership.id)
                .group_by(Member.display_name)
            )
            logged = {name: n for name, n in counted}
            leave = s.scalar(select(func.count()).select_from(Leave))
    finally:
        database.dispose()
    assert logged == {"姓名张": 30, "新名字": 30, "韩梅梅": 23, "李雷": 4}
    assert leave == 1
    assert main(["--db", new, *sheet, "--dry-run"]) == 0
    assert "将记打卡 to log                                                     0" in capsys.readouterr().out
