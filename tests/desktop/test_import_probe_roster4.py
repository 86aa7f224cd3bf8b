"""Roster files people really export (the roster4 import probe): QQ group tools' 导出群成员 saved as a web page or as
text under .xls, an old binary .xls and an .ods, a bilingual header printed again on every page, a WeChat ID typed
with Excel's leading apostrophe, and 入群时间 cells that say no date (--, /, 无). Values are read back from the
database; every test pins its own day."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.io.fields import ImportProblem
from desktop.io.tabular import read_table
from desktop.services.imports import ImportFailed, run_import, unmapped_columns
from desktop.workspace import actor_for
from models import AuditEntry, Member, Membership

GROUP = "晨光早起营"
TODAY = date(2026, 12, 6)
DATA = Path(__file__).parent.parent / "data" / "import_roster4"
NOON = 12  # a date without a time is stored as local noon


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """The day these files were exported: every date in them is before it."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def db(sqlite_workspace):
    return sqlite_workspace


def imp(database, path, **kw):
    return run_import(database, actor_for(database), path, GROUP, "roster", **kw)


def _people(database) -> dict[str, tuple]:
    with database.session() as s:
        rows = s.execute(
            select(
                Member.display_name,
                Member.wechat_id,
                Member.qq,
                Member.phone,
                Member.city,
                Membership.group_nickname,
                Membership.joined_at,
            ).join(Membership, Membership.member_id == Member.id)
        ).all()
    return {name: tuple(rest) for name, *rest in rows}


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


QQ_HEAD = ["成员", "群昵称", "QQ号", "性别", "Q龄", "入群时间", "最后发言", "等级(积分)"]
QQ_ROWS = [
    ["张伟", "晨跑-张伟", "10001", "男", "8年", "2024/03/05", "2026/12/01", "活跃(120)"],
    ["李娜", "", "20002", "女", "3年", "2025/1/9", "2026/11/30", "冒泡(30)"],
    ["王芳", "王芳", "30003", "女", "12年", "2023/12/31", "", "潜水(0)"],
]
QQ_PEOPLE = {
    "张伟": (None, "10001", None, None, "晨跑-张伟", datetime(2024, 3, 5, NOON)),
    "李娜": (None, "20002", None, None, None, datetime(2025, 1, 9, NOON)),
    "王芳": (None, "30003", None, None, "王芳", datetime(2023, 12, 31, NOON)),
}


def _html(rows: list[list[str]], charset: str | None = "utf-8", header_cell: str = "th") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    out = [f"<html><head>{meta}<title>群成员</title></head><body>", '<table border="1">']
    out.append("<tr>" + "".join(f"<{header_cell}>{c}</{header_cell}>" for c in rows[0]) + "</tr>")
    for r in rows[1:]:
        out.append("<tr>" + "".join(f"<td style=\"mso-number-format:'\\@'\">{c}&nbsp;</td>" for c in r) + "</tr>")
    return "\n".join(out + ["</table></body></html>"])


@pytest.mark.parametrize("layout", ["html_utf8", "html_gbk_no_charset", "tsv_gbk", "tsv_utf16"])
def test_a_qq_group_export_named_xls_that_is_a_web_page_or_text_is_read(db, tmp_path, layout):
    """QQ group tools' 导出群成员 (and web systems' "导出Excel") save 群成员.xls that is really an HTML table or tab-separated
    text. It was refused "cannot read .xls files yet: save it as .xlsx" — an organiser who opens it in Excel sees a
    table, and does not know why. Now it is read as what it is: the QQ numbers, group nicknames and join days; the
    columns QunDesk has no field for (Q龄, 最后发言, 等级) are named as not imported; importing it again changes nothing."""
    path = tmp_path / "群成员.xls"
    if layout == "html_utf8":
        path.write_text(_html([QQ_HEAD, *QQ_ROWS]), encoding="utf-8")
    elif layout == "html_gbk_no_charset":
        path.write_bytes(_html([QQ_HEAD, *QQ_ROWS], charset=None, header_cell="td").encode("gbk"))
    else:
        text = "\r\n".join("\t".join(r) for r in [QQ_HEAD, *QQ_ROWS]) + "\r\n"
        path.write_bytes(text.encode("gbk") if layout == "tsv_gbk" else text.encode("utf-16"))
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 3
    assert unmapped_columns(plan) == ["Q龄", "最后发言", "等级(积分)"]
    assert _people(db) == QQ_PEOPLE
    plan, summary, _ = imp(db, path)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 3)


def test_a_web_page_s_merged_cells_and_its_second_table_are_read_like_a_workbook_s(db, tmp_path):
    """A web page with a title table above the member table, and 城市 spanning two rows (rowspan): the member table is
    the one read, and both rows of the span get its city, as a merged cell of a workbook."""
    page = (
        "<html><body><table><tr><td>晨光早起营 群成员</td></tr><tr><td>导出时间：2026-12-01</td></tr></table>"
        "<table><tr><th colspan='2'>基本信息</th><th></th></tr><tr><th>姓名</th><th>微信号</th><th>城市</th></tr>"
        "<tr><td>张伟</td><td>zhangwei88</td><td rowspan='2'>北京</td></tr>"
        "<tr><td>李娜</td><td>lina_99</td></tr>"
        "<tr><td>王芳</td><td>wangfang3</td><td>上海</td></tr></table></body></html>"
    )
    path = tmp_path / "名单.xls"
    path.write_text(page, encoding="utf-8")
    table = read_table(path)
    assert (table.sheet, list(table.headers)) == ("表2", ["姓名", "微信号", "城市"])
    _plan, summary, _ = imp(db, path)
    assert summary.added == 3
    people = _people(db)
    assert [people[n][3] for n in ("张伟", "李娜", "王芳")] == ["北京", "北京", "上海"]
    assert people["王芳"][0] == "wangfang3"


@pytest.mark.parametrize("name", ["qq_roster.xls", "qq_roster.ods"])
def test_an_old_binary_xls_and_an_ods_are_read(db, tmp_path, name, capsys):
    """An Excel 97–2003 .xls (what older Excel, WPS and many systems still save) and a LibreOffice .ods were refused
    "cannot read .xls/.ods files yet". Now they are read like an .xlsx: the member sheet after a 说明 sheet, date cells,
    a phone kept as a number, a formula's value, a merged city (.xls), a hidden sheet left alone; the CLI says what
    it did, and importing the file again changes nothing. (tests/data/import_roster4/make_files.py wrote them.)"""
    from desktop.cli import main

    path = shutil.copy(DATA / name, tmp_path / name)
    database = str(db.engine.url.database)
    assert main(["--db", database, "import", "roster", str(path), "--group", GROUP]) == 0
    out = capsys.readouterr()
    assert f"{name} [成员] → {GROUP}" in out.out and "新增 added            3" in out.out
    assert "旧名单" in out.err  # the hidden sheet of members is named, not read
    people = _people(db)
    merged_city = "北京" if name.endswith(".xls") else None  # .ods: calamine gives no merged ranges
    assert people == {
        "张伟": (None, "10001", "13800138000", "北京", "晨跑-张伟", datetime(2024, 3, 5, NOON)),
        "李娜": (None, "20002", "13900139000", merged_city, None, datetime(2025, 1, 9, 21, 30)),
        "王芳": (None, "30003", None, "上海", "王芳", datetime(2023, 12, 31, NOON)),
    }
    assert main(["--db", database, "import", "roster", str(path), "--group", GROUP]) == 0
    assert "不变 unchanged        3" in capsys.readouterr().out


def test_files_that_are_no_table_say_what_to_do(db, tmp_path):
    """A .numbers file, an Excel 2003 XML spreadsheet saved as .xls, a web system's login page saved as the export
    (it said "the workbook has no sheets"), a damaged .xls and a password-protected workbook each get a message
    saying what to do — nothing is written."""
    numbers = tmp_path / "名单.numbers"
    numbers.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(ImportProblem, match="Numbers"):
        imp(db, numbers)
    xml = tmp_path / "名单.xls"
    xml.write_text(
        '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"/></Workbook>',
        encoding="utf-8",
    )
    with pytest.raises(ImportProblem, match=r"另存为 \.xlsx 或 \.csv"):
        imp(db, xml)
    ole = tmp_path / "加密.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    with pytest.raises(ImportProblem, match="密码"):
        imp(db, ole)
    login = tmp_path / "导出.xls"  # a web system's login page saved as the export
    login.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>登录超时</title></head><body>请重新登录</body></html>",
        encoding="utf-8",
    )
    with pytest.raises(ImportProblem, match="网页「登录超时」，里面没有表格") as caught:
        imp(db, login)
    assert caught.value.code == "no_table"
    ods = tmp_path / "坏.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(ImportProblem):
        imp(db, ods)
    assert _people(db) == {}


BILINGUAL = [["姓名", "微信号", "手机", "入群时间", "邮箱"], ["Name", "WeChat ID", "Phone", "Joined", "Email"]]


def test_an_english_header_row_under_the_chinese_one_and_its_copies_on_each_page_are_headers(db, tmp_path, capsys):
    """A printed roster: 姓名 | 微信号 | 手机 | 入群时间 over Name | WeChat ID | Phone | Joined (no merged cells), both
    rows repeated every 50 people, a 备注：红色为未交费 line and 合计 120人 at the bottom. The English row was read as a
    person — "Phone holds letters", "Joined is not a date", and every later copy "same WeChat ID as row 2" — and the
    file refused. Now every copy of either header row is skipped and named; the 120 people are imported."""
    from desktop.cli import main

    rows = list(BILINGUAL)
    for i in range(1, 121):
        if i % 50 == 0:
            rows.extend(BILINGUAL)
        rows.append([f"成员{i:03d}", f"wx_{i:03d}", f"1380013{i:04d}", "2024/03/05", f"m{i}@example.com"])
    rows += [["备注：红色为未交费"], ["合计 120人"]]
    path = _xlsx(tmp_path / "打印名单.xlsx", rows)
    plan, summary, _ = imp(db, path, dry_run=True)
    assert plan.ok and plan.added == 120
    assert [(s.row, s.reason) for s in plan.skipped] == [
        (2, "header"),
        (52, "header"),
        (53, "header"),
        (104, "header"),
        (105, "header"),
        (127, "footer"),
        (128, "footer"),
    ]
    assert (
        main(["--db", str(db.engine.url.database), "import", "roster", str(path), "--group", GROUP, "--dry-run"]) == 0
    )
    assert (
        "第2行  跳过 skipped (重复的表头 repeated header)  Name WeChat ID Phone Joined Email" in capsys.readouterr().out
    )
    imp(db, path)
    assert len(_people(db)) == 120
    assert _people(db)["成员050"][:3] == ("wx_050", None, "13800130050")


def test_a_row_of_values_is_never_taken_for_a_translated_header(db, tmp_path):
    """The other side of the rule: a person whose name is a header word (a member nicknamed Name) with real values
    beside it is a person, not a header."""
    rows = [BILINGUAL[0], ["Name", "wx_name", "13800138000", "2024/03/05"], ["张伟", "zhangwei88", "", ""]]
    _plan, summary, _ = imp(db, _xlsx(tmp_path / "名单.xlsx", rows))
    assert summary.added == 2 and set(_people(db)) == {"Name", "张伟"}


def test_excels_text_apostrophe_before_a_wechat_id_or_qq_number_is_not_part_of_it(db, tmp_path):
    """'wx_001 — Excel's "keep as text" mark, which a CSV export and a cell typed into a text-formatted column keep —
    was stored as the WeChat ID 'wx_001 (which matches nobody: the same person's next file, without it, was refused
    "phone belongs to another member"); '10001 in a QQ column was refused as no QQ number. Now the apostrophe is
    dropped: a WeChat ID never holds one, and the next file finds the same person."""
    path = tmp_path / "名单.csv"
    path.write_text("姓名,微信号,QQ,手机\n张伟,'zhangwei88,'10001,'13800138000\n", encoding="utf-8")
    _plan, summary, _ = imp(db, path)
    assert summary.added == 1
    assert _people(db)["张伟"][:3] == ("zhangwei88", "10001", "13800138000")
    path.write_text("姓名,微信号,QQ,手机\n张伟,zhangwei88,10001,13800138000\n", encoding="utf-8")
    _plan, summary, _ = imp(db, path)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 1)


def test_a_date_cell_saying_no_date_imports_the_row_without_one_and_says_so(db, tmp_path, capsys):
    """入群时间 of --, /, 无 or 不详 (a hand-kept roster's "don't know") and 退群时间 of - (everyone still in) refused
    every such row as "not a date QunDesk can read". Now such a cell is no date, as an empty one: a join date not
    given is said on the row (the new member joins today), a leaving date not given is said for nobody; 同上 (the
    date above, which this cell does not hold) is still a problem."""
    from desktop.cli import main

    path = tmp_path / "名单.csv"
    path.write_text(
        "姓名,微信号,入群时间,退群时间\n"
        "张伟,zhangwei88,2024-03-05,-\n"
        "李娜,lina_99,--,\n"
        "王芳,wangfang3,无,—\n"
        "赵敏,zhaomin1,/,2026-11-01\n"
        "钱进,qianjin2,不详,\n",
        encoding="utf-8",
    )
    plan, summary, _ = imp(db, path)
    assert summary.added == 5
    assert sorted((w.row, w.column, w.code) for w in plan.warnings) == [
        (3, "入群时间", "date_none_given"),
        (4, "入群时间", "date_none_given"),
        (5, "入群时间", "date_none_given"),
        (6, "入群时间", "date_none_given"),
    ]
    with db.session() as s:
        status = dict(s.execute(select(Member.display_name, Membership.status).join(Membership.member)).all())
    assert status == {"张伟": "active", "李娜": "active", "王芳": "active", "赵敏": "left", "钱进": "active"}
    assert _people(db)["张伟"][5] == datetime(2024, 3, 5, NOON)
    path.write_text("姓名,微信号,入群时间\n孙七,sunqi77,2024-03-05\n周八,zhouba88,同上\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        imp(db, path)
    assert [(p.row, p.code) for p in caught.value.plan.problems] == [(3, "date_not_a_date")]
    assert main(["--db", str(db.engine.url.database), "import", "roster", str(path), "--group", GROUP]) == 1
    assert "同上" in capsys.readouterr().err
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 5
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import.roster")) == 1


def test_a_text_list_of_one_person_a_line_is_read_under_its_column_name_and_refused_without_it(db, tmp_path):
    """A group's member list copied from PC WeChat into Notepad, one name a line: with 姓名 typed on the first line it
    was refused "not a file type QunDesk reads: .txt; import an .xlsx or .csv" (it is a one-column table, as the same
    lines in a .csv are); without it, the same words — although .txt tables are read. Now the list under 姓名 imports,
    and a list without it is refused saying to add that line (its first name would be taken for the header)."""
    names = "张伟\r\n李娜\r\n王芳🌸\r\nAmy 🍀\r\n"
    path = tmp_path / "群成员.txt"
    path.write_text(names, encoding="utf-8")
    with pytest.raises(ImportProblem, match="第一行写上「姓名」") as caught:
        imp(db, path)
    assert caught.value.code == "unsupported"
    path.write_text("姓名\r\n" + names, encoding="utf-8")
    _plan, summary, _ = imp(db, path)
    assert summary.added == 4 and set(_people(db)) == {"张伟", "李娜", "王芳🌸", "Amy 🍀"}
    note = tmp_path / "说明.txt"
    note.write_text("姓名请写真实姓名，手机号写11位。\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"\.txt") as caught:
        imp(db, note)
    assert caught.value.code == "unsupported"  # a sentence that mentions 姓名 is no column name


def test_a_wecom_address_book_s_activation_status_is_no_membership_status(db, tmp_path):
    """企业微信 通讯录 export (说明 line, 姓名 | 账号 | 别名 | 职务 | 部门 | 性别 | 手机 | … | 激活状态 | 禁用状态): 激活状态 was read as
    the membership status and every row refused "unknown status 已激活 / 未激活 / 已退出企业" — nothing imported. It is
    the WeCom account's state: now it, 禁用状态 and an account's 账号状态 are columns not imported, named as such, and
    the people import as members; a plain 状态 / 成员状态 column is still the membership status."""
    from desktop.io.fields import header_field

    rows = [
        ["说明：1. 姓名、账号、手机或邮箱为必填项；2. 部门之间用;隔开"],
        ["姓名", "账号", "别名", "职务", "部门", "性别", "手机", "座机", "个人邮箱", "激活状态", "禁用状态"],
        [
            "赵敏",
            "ZhaoMin",
            "敏敏",
            "经理",
            "销售部/华东;市场部",
            "女",
            "13800138001",
            "",
            "zm@x.com",
            "已激活",
            "启用",
        ],
        ["钱进", "QianJin", "", "专员", "销售部/华南", "男", "+86 139-0013-9002", "021-12345678", "", "未激活", "禁用"],
        ["孙丽", "SunLi", "", "", "销售部", "女", "", "", "", "已退出企业", "启用"],
    ]
    plan, summary, _ = imp(db, _xlsx(tmp_path / "通讯录.xlsx", rows))
    assert summary.added == 3
    assert {"激活状态", "禁用状态", "账号", "部门"} <= set(unmapped_columns(plan))
    people = _people(db)
    assert (people["赵敏"][2], people["钱进"][2], people["孙丽"][2]) == ("13800138001", "13900139002", None)
    with db.session() as s:
        assert set(s.scalars(select(Membership.status))) == {"active"}
    assert [header_field(h) for h in ("账号状态", "在职状态", "状态", "成员状态", "Status")] == [
        None,
        None,
        "status",
        "status",
        "status",
    ]


SECTIONED = [
    ["姓名", "微信号", "手机"],
    ["一期学员"],
    ["张三", "zhangsan01", "13800138001"],
    ["李四", "lisi_0202", "13800138002"],
    ["以下为二期学员"],
    ["王五", "wangwu_03", "13800138003"],
    ["备注：红色为未交费"],
    ["赵六", "zhaoliu04", "13800138004"],
    ["—— 三期 ——"],
    ["孙七", "sunqi_05", "13800138005"],
    ["【四期】"],
    ["周八", "zhouba_06", ""],
    ["合计 6人"],
]


def test_a_note_or_section_line_among_the_rows_is_no_person(db, tmp_path, capsys):
    """A roster kept by cohort: 一期学员, 以下为二期学员, 备注：红色为未交费, —— 三期 ——, 【四期】 on lines of their own between
    the people. Each was added as a member (a person called 备注：红色为未交费, whom every later paste and report
    counted). Now such a line is skipped and named, like a footer; the six people import; a one-column list of names
    keeps every row (there every row is one cell), and a person with only a name in a wider table is still a person."""
    from desktop.cli import main

    path = _xlsx(tmp_path / "分期名单.xlsx", SECTIONED)
    plan, _summary, _ = imp(db, path, dry_run=True)
    assert [(s.row, s.reason) for s in plan.skipped] == [
        (2, "note"),
        (5, "note"),
        (7, "note"),
        (9, "note"),
        (11, "note"),
        (13, "footer"),
    ]
    assert (
        main(["--db", str(db.engine.url.database), "import", "roster", str(path), "--group", GROUP, "--dry-run"]) == 0
    )
    assert (
        "第7行  跳过 skipped (表中的说明或分段行 note or section line)  备注：红色为未交费" in capsys.readouterr().out
    )
    _plan, summary, _ = imp(db, path)
    assert summary.added == 6
    assert set(_people(db)) == {"张三", "李四", "王五", "赵六", "孙七", "周八"}
    names = _xlsx(tmp_path / "名字.xlsx", [["姓名"], ["【晨跑】小王"], ["—— 阿强 ——"], ["陈一"]])
    _plan, summary, _ = imp(db, names)
    assert summary.added == 3
    only_name = _xlsx(tmp_path / "宽表.xlsx", [["姓名", "微信号"], ["吴九", ""], ["郑十", "zhengshi10"]])
    _plan, summary, _ = imp(db, only_name)
    assert summary.added == 2


def test_a_hidden_phone_column_is_imported_and_said_once(db, tmp_path, capsys):
    """A roster whose 手机 column was hidden before printing: the phones were imported without a word (the hidden rows
    of a sheet are said row by row, its hidden columns were not) — someone who sees no phone in Excel got them all
    stored. Decision: the file holds them, so they are imported, and the import says once which hidden columns it
    reads (CLI note, dialog note); a hidden column that is not imported is not mentioned."""
    from desktop.cli import main

    wb = Workbook()
    sheet = wb.active
    for r in [
        ["姓名", "手机", "微信号", "内部编号"],
        ["张三", "13800138001", "zhangsan01", "A-1"],
        ["李四", "13800138002", "", "A-2"],
    ]:
        sheet.append(r)
    sheet.column_dimensions["B"].hidden = True
    sheet.column_dimensions["D"].hidden = True
    path = tmp_path / "打印名单.xlsx"
    wb.save(path)
    plan, _summary, _ = imp(db, path, dry_run=True)
    assert plan.ok and plan.hidden_columns == ("手机",)
    assert main(["--db", str(db.engine.url.database), "import", "roster", str(path), "--group", GROUP]) == 0
    assert "隐藏的列 手机 也会导入" in capsys.readouterr().err
    assert _people(db)["张三"][2] == "13800138001"


ROSTER_V1 = [
    ["姓名", "微信号", "手机"],
    ["张三", "zhangsan01", "13800138001"],
    ["李四", "lisi_0202", "13800138002"],
]


def test_a_phone_the_file_moves_from_one_member_to_another_moves_and_is_said(db, tmp_path):
    """An updated roster where phones changed hands: two phones put right after a swapped import, a number one
    member passed on to another. Every such row was refused "WeChat ID of 张三, phone of 李四" — the corrected file could
    never be imported — and a new member taking a number its old holder gave up was warned as a family sharing it.
    Now a phone whose every holder gets another number on their own row of the file moves to the row's person, with
    a warning naming who had it; a phone its holder keeps is still refused (or shared as a family), and a holder's
    row left out (--skip-problems) keeps them their phone."""
    imp(db, _xlsx(tmp_path / "v1.xlsx", ROSTER_V1))
    swapped = [ROSTER_V1[0], ["张三", "zhangsan01", "13800138002"], ["李四", "lisi_0202", "13800138001"]]
    plan, summary, _ = imp(db, _xlsx(tmp_path / "v2.xlsx", swapped))
    assert (summary.added, summary.updated) == (0, 2)
    assert sorted((w.row, w.code) for w in plan.warnings) == [(2, "phone_moved"), (3, "phone_moved")]
    assert "原是「李四」的" in str(plan.warnings[0])
    phones = {n: v[2] for n, v in _people(db).items()}
    assert phones == {"张三": "13800138002", "李四": "13800138001"}
    passed_on = [
        ROSTER_V1[0],
        ["张三", "zhangsan01", "13900139000"],
        ["李四", "lisi_0202", "13800138001"],
        ["王五", "wangwu_03", "13800138002"],
    ]
    plan, summary, _ = imp(db, _xlsx(tmp_path / "v3.xlsx", passed_on))
    assert (summary.added, summary.updated) == (1, 1)
    assert [(w.row, w.code) for w in plan.warnings] == [(4, "phone_moved")]
    assert {n: v[2] for n, v in _people(db).items()} == {
        "张三": "13900139000",
        "李四": "13800138001",
        "王五": "13800138002",
    }
    kept = [ROSTER_V1[0], ["李四", "lisi_0202", "13900139000"], ["张三", "zhangsan01", "13900139000"]]
    with pytest.raises(ImportFailed) as caught:  # 张三 keeps 13900139000 (his row gives it again): no move
        imp(db, _xlsx(tmp_path / "v4.xlsx", kept))
    assert [(p.row, p.code) for p in caught.value.plan.problems] == [(2, "wechat_and_phone_of_two_people")]
    left_out = [
        ["姓名", "微信号", "手机", "入群时间"],
        ["王五", "wangwu_03", "13800138001", "2024-03-05"],
        ["李四", "lisi_0202", "13700137000", "明年"],  # a problem: left out, so 李四 keeps 13800138001
        ["赵六", "zhaoliu04", "13600136000", "2024-03-05"],
    ]
    plan, summary, _ = imp(db, _xlsx(tmp_path / "v5.xlsx", left_out), skip_problems=True)
    assert (summary.added, summary.updated) == (1, 0)
    assert summary.skipped == 2 and sorted(plan.problem_rows) == [2, 3]
    assert {n: v[2] for n, v in _people(db).items()}["李四"] == "13800138001"
    assert {n: v[2] for n, v in _people(db).items()}["王五"] == "13800138002"
    again, summary, _ = imp(db, _xlsx(tmp_path / "v3b.xlsx", passed_on))
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 3) and not again.warnings


def test_an_ods_s_hidden_row_and_error_cell_are_said_as_an_xlsx_s(db, tmp_path):
    """An .ods with a hidden row and a #DIV/0! in 手机 (hidden_error.ods): python-calamine reads the error as an empty
    cell and knows no hidden rows, so 张三 would be imported without a phone and the hidden row without a word. Now
    content.xml is scanned for both: the error is a problem naming the cell, the hidden row a warning, as for .xlsx."""
    path = shutil.copy(DATA / "hidden_error.ods", tmp_path / "hidden_error.ods")
    with pytest.raises(ImportFailed) as caught:
        imp(db, path)
    plan = caught.value.plan
    assert [(p.row, p.column) for p in plan.problems] == [(2, "手机")] and "#DIV/0!" in str(plan.problems[0])
    assert [(w.row, w.code) for w in plan.warnings] == [(3, "hidden_row")]
    _plan, summary, _ = imp(db, path, skip_problems=True)
    assert (summary.added, summary.skipped) == (2, 1)
    assert _people(db)["李四"][2] == "13800138002"
