"""Defects found by the seventh import probe: files from the tools people use in 2026 — Google Forms, Microsoft Forms,
Typeform, Excel Tables with a totals row, CSV files put together from two programs. Values are read back from the
database; every test pins its own day."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.io.fields import ImportProblem
from desktop.services.imports import ImportFailed, run_import
from desktop.workspace import actor_for
from models import Member, Membership

GROUP = "晨读营"
TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """The day these files were exported: every date in them is before it."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def db(sqlite_workspace):
    return sqlite_workspace


def imp(database, path, kind: str = "roster", **kw):
    return run_import(database, actor_for(database), path, GROUP, kind, **kw)


def _people(database) -> dict[str, tuple]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Member.wechat_id, Member.phone, Membership.status).join(
                Membership, Membership.member_id == Member.id
            )
        ).all()
    return {name: (wechat, phone, status) for name, wechat, phone, status in rows}


ROSTER = [
    ["姓名", "微信号", "手机号", "备注"],
    ["张三", "zhangsan01", "13800138000", "老会员"],
    ["李四", "lisi_0202", "13900139000", "新人"],
]


def test_a_utf8_line_in_a_gbk_csv_is_refused_naming_it_never_garbled(db, tmp_path):
    """A GBK roster (WPS, old Excel) with one row added by a script that wrote UTF-8: the file read as GB18030 and the
    UTF-8 row's 王五 became a new member called 鐜嬩簲 (赵六's note 新人 became 鏂颁汉), without a word. Now the file is
    refused naming that line, nothing written; a plain GBK file still imports."""
    head = "\r\n".join(",".join(r) for r in ROSTER).encode("gbk") + b"\r\n"
    for extra in (["王五", "wangwu_03", "13700137000", ""], ["赵六", "zhaoliu04", "13600136000", "新人"]):
        path = tmp_path / "名单.csv"
        path.write_bytes(head + ",".join(extra).encode("utf-8") + b"\r\n")
        with pytest.raises(ImportProblem) as caught:
            imp(db, path)
        assert (caught.value.row, caught.value.code) == (4, "undecodable_bytes")
        assert "UTF-8" in str(caught.value) and "GBK" in str(caught.value)
        assert _people(db) == {}
    path.write_bytes(head + ",".join(["王五", "wangwu_03", "13700137000", "备注：三个字"]).encode("gbk") + b"\r\n")
    imp(db, path)
    assert _people(db)["王五"] == ("wangwu_03", "13700137000", "active")
    assert len(_people(db)) == 3


def _edit_part(path, part: str, old: str, new: str) -> None:
    """Rewrite one XML part of an .xlsx in place: what Excel writes and openpyxl cannot (a formula's cached value)."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    text = parts[part].decode("utf-8")
    assert old in text
    parts[part] = text.replace(old, new).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_a_totals_row_with_its_count_in_another_cell_is_a_footer_not_a_person(db, tmp_path):
    """An Excel Table (插入 > 表格) with its totals row ticked: Excel writes 汇总 under 姓名 and =SUBTOTAL(103,…) = 3
    under 手机号. The row was read as a person called 汇总 with the phone 3 and the whole roster refused; a
    hand-kept sheet's 合计 | 3人 in two cells, the same. Now such a row at the end is a footer, listed as skipped."""
    from openpyxl import Workbook
    from openpyxl.worksheet.table import Table as ExcelTable

    wb = Workbook()
    ws = wb.active
    ws.title = "成员"
    for row in [*ROSTER, ["王五", "wangwu_03", "13700137000", None], ["汇总", None, None, None]]:
        ws.append(row)
    ws["C5"] = "=SUBTOTAL(103,成员表[手机号])"
    ws.add_table(ExcelTable(displayName="成员表", ref="A1:D5", totalsRowCount=1))
    path = tmp_path / "成员表.xlsx"
    wb.save(path)
    _edit_part(
        path,
        "xl/worksheets/sheet1.xml",
        "<f>SUBTOTAL(103,成员表[手机号])</f><v />",
        "<f>SUBTOTAL(103,成员表[手机号])</f><v>3</v>",
    )
    plan, summary, _ = imp(db, path)
    assert [(k.row, k.reason, k.text) for k in plan.skipped] == [(5, "footer", "汇总 3")]
    assert summary.added == 3 and "汇总" not in _people(db)
    csv_path = tmp_path / "名单.csv"
    csv_path.write_text("\n".join([*(",".join(r) for r in ROSTER), "合计,,2人,", "Total,,2,"]) + "\n", encoding="utf-8")
    plan, _summary, _ = imp(db, csv_path)
    assert [(k.row, k.reason, k.text) for k in plan.skipped] == [(4, "footer", "合计 2人"), (5, "footer", "Total 2")]
    assert sorted(_people(db)) == ["张三", "李四", "王五"]


@pytest.fixture
def shanghai(monkeypatch):
    """The organiser's machine is in China, whatever zone the test machine is in."""
    from desktop.io import fields
    from desktop.io.chat_exports import local_zone

    monkeypatch.setattr(fields, "LOCAL_ZONE", local_zone("Asia/Shanghai"))


def _applicants(database) -> dict[str, tuple]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Member.wechat_id, Member.phone, Member.note, Membership.applied_at).join(
                Membership, Membership.member_id == Member.id
            )
        ).all()
    return {name: (wechat, phone, note, applied) for name, wechat, phone, note, applied in rows}


def test_survey_times_with_their_zone_are_the_organisers_local_time(db, tmp_path, shanghai):
    """Google Forms' CSV writes "2026/11/20 10:23:45 PM GMT+8": every row was a problem (not a date) and the file
    refused. Typeform's CSV ("#", the questions, Start/Submit Date (UTC), Network ID) was refused as no survey at all;
    its Submit Date is UTC, so 2026-11-30 17:30 is 1 December 01:30 in China — read as local it would be a day off.
    Now both are read, in the organiser's zone, and the tools' own columns are no answers."""
    google = tmp_path / "google.csv"
    google.write_text(
        "Timestamp,Email Address,Your name,WeChat ID,Phone number,Which activities interest you?\n"
        '2026/11/20 10:23:45 PM GMT+8,a@example.com,Wang Fang,wangfang88,+86 138 0013 8001,"Reading, Running"\n'
        "2026/11/30 4:05:00 PM GMT,b@example.com,Li Na,lina_2026,13900139001,Writing\n",
        encoding="utf-8",
    )
    imp(db, google, "applications")
    got = _applicants(db)
    assert got["Wang Fang"][3] == datetime(2026, 11, 20, 22, 23, 45)
    assert got["Li Na"][3] == datetime(2026, 12, 1, 0, 5)  # 16:05 GMT is past midnight in China
    typeform = tmp_path / "typeform.csv"
    typeform.write_text(
        "#,What's your name?,Your WeChat ID,Your phone number,Why do you want to join?,Response Type,"
        "Start Date (UTC),Stage Date (UTC),Submit Date (UTC),Network ID,Tags\n"
        "t0k3n1,Chen Jia,chenjia_99,+8613700137000,Network,completed,2026-11-30 17:20:00,,2026-11-30 17:30:00,f00ba4,\n"
        "t0k3n2,Huang Jing,hj_2026,+8613700137001,Fun,completed,2026-11-30 08:20:00,,2026-11-30 08:30:00,f00ba5,\n",
        encoding="utf-8",
    )
    imp(db, typeform, "applications")
    got = _applicants(db)
    assert got["Chen Jia"] == ("chenjia_99", "13700137000", None, datetime(2026, 12, 1, 1, 30))
    assert got["Huang Jing"] == ("hj_2026", "13700137001", None, datetime(2026, 11, 30, 16, 30))


def test_a_microsoft_forms_export_is_read_and_its_account_name_is_never_the_applicant(db, tmp_path):
    """Microsoft Forms' Excel (ID, Start time, Completion time, Email, Name, Last modified time, then the questions;
    Name and Email are the respondent's account: "anonymous") was refused as no survey export. Now it is read: the
    submission time is the completion time, the applicants are named by their answers, and ID/Name/Email are no
    answers — in the English and the Chinese layout."""
    from tests.desktop.test_imports import write_xlsx

    for head in (
        ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Your name", "微信号", "手机号"],
        ["ID", "开始时间", "完成时间", "电子邮件", "名称", "上次修改时间", "您的姓名", "您的微信号", "您的手机号"],
    ):
        path = write_xlsx(
            tmp_path / "Form1.xlsx",
            [
                head,
                [1, datetime(2026, 11, 20, 10, 0, 5), datetime(2026, 11, 20, 10, 3, 5), "anonymous", "anonymous", None,
                 "赵敏", "zhaomin_x", "13600136000"],
                [2, datetime(2026, 11, 21, 9, 0), datetime(2026, 11, 21, 9, 2), "anonymous", "anonymous", None,
                 "钱多多", "qianduoduo", "13600136001"],
            ],
        )  # fmt: skip
        plan, summary, _ = imp(db, path, "applications")
        assert plan.problems == []
    assert _applicants(db) == {
        "赵敏": ("zhaomin_x", "13600136000", None, datetime(2026, 11, 20, 10, 3, 5)),
        "钱多多": ("qianduoduo", "13600136001", None, datetime(2026, 11, 21, 9, 2)),
    }


def _joined(database) -> dict[str, datetime | None]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Membership.joined_at).join(Membership, Membership.member_id == Member.id)
        ).all()
    return dict(rows)


def test_day_and_month_before_the_year_are_read_when_the_column_tells_which_is_which(db, tmp_path):
    """Google Sheets (English) writes its Timestamp 11/20/2026 22:23:45, a European Excel its dates 20.11.2026: every
    such date was "not a date" and the file refused, although 20 can only be the day. Now a date that only one order
    makes is read, and the column's other dates (11/05/2026) are read in the same order; a column where nothing tells
    (or that mixes both orders) still names the date as ambiguous, never a guess."""
    sheets = tmp_path / "responses.csv"
    sheets.write_text(
        "Timestamp,Your name,WeChat ID,Phone number\n"
        "11/20/2026 22:23:45,Wang Fang,wangfang88,13800138001\n"
        "11/05/2026 8:01:02,Li Na,lina_2026,13900139001\n",
        encoding="utf-8",
    )
    imp(db, sheets, "applications")
    got = _applicants(db)
    assert (got["Wang Fang"][3], got["Li Na"][3]) == (
        datetime(2026, 11, 20, 22, 23, 45),
        datetime(2026, 11, 5, 8, 1, 2),
    )
    roster = tmp_path / "mitglieder.csv"
    roster.write_text(
        "Name;Telefon;入群日期\n张三;13800138000;20.11.2026\n李四;13900139000;05.11.2026\n王五;13700137000;\n",
        encoding="utf-8",
    )
    _plan, summary, _ = imp(db, roster)
    assert summary.added == 3
    joined = _joined(db)
    assert (joined["张三"].date(), joined["李四"].date()) == (date(2026, 11, 20), date(2026, 11, 5))
    unclear = tmp_path / "unclear.csv"
    unclear.write_text(
        "姓名,手机号,入群日期\n赵六,13600136000,05/11/2026\n孙七,13500135000,20/11/2026\n周八,13500135001,11/21/2026\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as caught:
        imp(db, unclear)
    assert [(p.row, p.column, p.code) for p in caught.value.plan.problems] == [(2, "入群日期", "date_not_a_date")]
    assert "11月5日" in str(caught.value.plan.problems[0]) and "5月11日" in str(caught.value.plan.problems[0])


def test_a_wechat_answer_that_is_no_wechat_id_never_merges_two_people(db, tmp_path):
    """Applicants who have no WeChat ID to give write 同手机号, 同上 or 无 in the 微信号 answer: two who both wrote
    同手机号 were taken for one person — 张三's application was written onto 李四 and 张三 was gone — and two who wrote
    无 the same, without a word. Such an answer is no WeChat ID now: each applicant is their own, named by a warning;
    the same holds for a roster's 微信号 column (a group tool's 未设置 refused the file as a repeated WeChat ID) and an
    English "n/a"."""
    from tests.desktop.test_imports import write_xlsx

    path = write_xlsx(
        tmp_path / "报名.xlsx",
        [
            ["序号", "提交答卷时间", "1、您的姓名", "2、您的手机号", "3、您的微信号"],
            [1, "2026/11/20 10:00:00", "张三", "13800138000", "同手机号"],
            [2, "2026/11/21 10:00:00", "李四", "13900139000", "同手机号"],
            [3, "2026/11/22 12:00:00", "孙七", "13500135000", "无"],
            [4, "2026/11/22 13:00:00", "周八", "13500135001", "无"],
            [5, "2026/11/22 14:00:00", "吴九", "13500135002", "wu_jiu_99"],
        ],
    )
    plan, summary, _ = imp(db, path, "applications")
    assert summary.added == 5
    assert [(w.row, w.code, w.value) for w in plan.warnings] == [
        (2, "wechat_not_an_id", "同手机号"),
        (3, "wechat_not_an_id", "同手机号"),
        (4, "wechat_not_an_id", "无"),
        (5, "wechat_not_an_id", "无"),
    ]
    got = _applicants(db)
    assert {name: (wechat, phone) for name, (wechat, phone, _note, _at) in got.items()} == {
        "张三": (None, "13800138000"),
        "李四": (None, "13900139000"),
        "孙七": (None, "13500135000"),
        "周八": (None, "13500135001"),
        "吴九": ("wu_jiu_99", "13500135002"),
    }
    assert got["张三"][3] == datetime(2026, 11, 20, 10)
    roster = write_xlsx(  # a group tool's export: 未设置 where the member set no WeChat ID (the file was refused)
        tmp_path / "名单.xlsx",
        [["群昵称", "微信号"], ["阿强", "未设置"], ["小美", "未设置"], ["郑十", "N/A"], ["陈十二", "—"]],
    )
    plan, summary, _ = imp(db, roster)
    assert summary.added == 4 and [w.row for w in plan.warnings] == [2, 3, 4, 5]
    assert [_people(db)[n][0] for n in ("阿强", "小美", "郑十", "陈十二")] == [None, None, None, None]


def test_a_phone_answer_saying_none_was_given_imports_the_person_without_a_phone(db, tmp_path):
    """An applicant who writes 无, 保密 or 同微信 as the phone answer has given no phone: each such row was a problem
    ("not a phone number: has letters") and the whole file refused — the organiser's only way out was to leave those
    applicants out. Now they are applicants without a phone, each named by a warning; a phone with letters in it
    (138abc) is still a problem."""
    from tests.desktop.test_imports import write_xlsx

    path = write_xlsx(
        tmp_path / "报名.xlsx",
        [
            ["序号", "提交答卷时间", "1、您的姓名", "2、您的手机号", "3、您的微信号"],
            [1, "2026/11/20 10:00:00", "张三", "无", "zhangsan01"],
            [2, "2026/11/21 10:00:00", "李四", "保密", "lisi_0202"],
            [3, "2026/11/22 10:00:00", "王五", "同微信", "wangwu_03"],
            [4, "2026/11/22 11:00:00", "赵六", "13600136000", "zhaoliu04"],
        ],
    )
    plan, summary, _ = imp(db, path, "applications")
    assert summary.added == 4
    assert [(w.row, w.code, w.value) for w in plan.warnings] == [
        (2, "phone_none_given", "无"),
        (3, "phone_none_given", "保密"),
        (4, "phone_none_given", "同微信"),
    ]
    assert {n: (wx, ph) for n, (wx, ph, _n, _a) in _applicants(db).items()} == {
        "张三": ("zhangsan01", None),
        "李四": ("lisi_0202", None),
        "王五": ("wangwu_03", None),
        "赵六": ("zhaoliu04", "13600136000"),
    }
    roster = write_xlsx(tmp_path / "名单.xlsx", [["姓名", "手机号"], ["郑十", "暂无"], ["冯十一", "138abc"]])
    with pytest.raises(ImportFailed) as caught:
        imp(db, roster)
    assert [(p.row, p.code) for p in caught.value.plan.problems] == [(3, "phone_has_letters")]
    assert [(w.row, w.code) for w in caught.value.plan.warnings] == [(2, "phone_none_given")]


def test_a_feishu_bases_own_columns_are_no_answers(db, tmp_path):
    """A 飞书多维表格 form view's export (the questions, then 提交人, 创建时间, 最后更新时间, 最后更新人): 最后更新时间 and
    最后更新人 — the table's bookkeeping — were kept on each applicant's note as their answers."""
    from tests.desktop.test_imports import write_xlsx

    path = write_xlsx(
        tmp_path / "数据表.xlsx",
        [
            ["姓名", "手机号", "微信号", "兴趣", "提交人", "创建时间", "最后更新时间", "最后更新人"],
            ["吴磊", "13500135000", "wulei_1", "读书,跑步", "吴磊", "2026/11/20 10:23", "2026/11/21 09:00", "群主"],
        ],
    )
    imp(db, path, "applications")
    assert _applicants(db) == {
        "吴磊": ("wulei_1", "13500135000", "问卷: 兴趣: 读书,跑步", datetime(2026, 11, 20, 10, 23))
    }


def test_a_header_row_repeated_among_the_data_is_skipped_and_named(db, tmp_path, capsys):
    """Two months' exports put one after the other (copy /b a.csv+b.csv: the second file's BOM and header in the middle)
    or a sheet that repeats its header for printing: the header row was read as a person 姓名 with the phone 手机号 and
    the whole roster refused. Now a row that is the header again is left out and listed as skipped."""
    from desktop.cli import main
    from tests.desktop.test_imports import write_xlsx

    path = tmp_path / "合并.csv"
    path.write_bytes(
        b"\xef\xbb\xbf" + "姓名,微信号,手机号\r\n张三,zhangsan01,13800138000\r\n".encode()
        + b"\xef\xbb\xbf" + "姓名,微信号,手机号\r\n李四,lisi_0202,13900139000\r\n".encode()
    )  # fmt: skip
    plan, summary, _ = imp(db, path)
    assert [(k.row, k.reason, k.text) for k in plan.skipped] == [(3, "header", "姓名 微信号 手机号")]
    assert summary.added == 2 and sorted(_people(db)) == ["张三", "李四"]
    book = write_xlsx(
        tmp_path / "打印版.xlsx",
        [
            ["姓名", "手机号", "备注"],
            ["王五", "13700137000", "x"],
            ["姓名", "手机号", "备注"],
            ["赵六", "13600136000", None],
        ],
    )
    assert (
        main(["--db", str(tmp_path / "cli.sqlite"), "import", "roster", str(book), "--group", GROUP, "--dry-run"]) == 0
    )
    out = capsys.readouterr().out
    assert "第3行  跳过 skipped (重复的表头 repeated header)  姓名 手机号 备注" in out
    assert "王五" in out and "赵六" in out


def test_a_totals_row_with_only_its_count_or_its_label_last_is_a_footer(db, tmp_path):
    """A totals row counting the names (COUNTA) under 姓名 and nothing else — 2 below two people — added a member called
    "2" without a word; one with the count first and its label under the last column (2 | 汇总) refused the roster (no
    name, phone 2). Both are footers now; a number that is not the count of the rows above, or that more data follows,
    is still a row."""
    count_only = tmp_path / "count.csv"
    count_only.write_text("姓名,手机号,备注\n张三,13800138000,a\n李四,13900139000,b\n2,,\n", encoding="utf-8")
    plan, summary, _ = imp(db, count_only)
    assert [(k.row, k.reason, k.text) for k in plan.skipped] == [(4, "footer", "2")]
    assert summary.added == 2 and "2" not in _people(db)
    label_last = tmp_path / "label.csv"
    label_last.write_text("姓名,手机号,备注\n张三,13800138000,a\n李四,13900139000,b\n,2,汇总\n", encoding="utf-8")
    plan, _summary, _ = imp(db, label_last)
    assert [(k.row, k.reason, k.text) for k in plan.skipped] == [(4, "footer", "2 汇总")]
    numbered = tmp_path / "nicknames.csv"  # 666 is a nickname here: it is not the count (2) of the rows above
    numbered.write_text("姓名,手机号\n王五,13700137000\n赵六,13600136000\n666,\n", encoding="utf-8")
    plan, summary, _ = imp(db, numbered)
    assert plan.skipped == () and summary.added == 3 and "666" in _people(db)


@pytest.mark.parametrize("streamed", [False, True])
@pytest.mark.parametrize("name", ["名单.xls", "名单.csv", "名单.et"])
def test_a_workbook_under_another_extension_is_read_as_the_workbook_it_is(db, tmp_path, monkeypatch, streamed, name):
    """A web system's "导出Excel" saves an .xlsx as 名单.xls (or .csv); WPS saves in the Excel format under .et: the .xls
    and .et were refused as "not supported, save as .xlsx" although they are .xlsx, and the .csv was refused as damaged
    bytes ("neither GBK nor UTF-8"). Now a file that is an .xlsx workbook is read as one, whatever its name; a real .xls
    is still refused asking for .xlsx."""
    from tests.desktop.test_imports import write_xlsx

    if streamed:
        monkeypatch.setattr("desktop.io.tabular.STREAM_XML_BYTES", 0)  # the openpyxl reader for big sheets
    book = write_xlsx(tmp_path / "x.xlsx", ROSTER)
    path = tmp_path / name
    book.rename(path)
    _plan, summary, _ = imp(db, path)
    assert summary.added == 2
    assert _people(db) == {
        "张三": ("zhangsan01", "13800138000", "active"),
        "李四": ("lisi_0202", "13900139000", "active"),
    }
    old = tmp_path / "旧.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(ImportProblem, match="另存为"):
        imp(db, old)


def test_a_mobile_number_given_as_the_wechat_id_is_the_phone_never_another_person(db, tmp_path):
    """People found on WeChat by their phone write it as their 微信号. 张三 (a member, WeChat ID zhangsan01) applied
    writing 13800138000 both as 微信号 and 手机号: the row was refused — "the phone belongs to 张三, whose WeChat ID is
    zhangsan01, but this row's WeChat ID is 13800138000" — and the whole file with it. A mobile number is never a
    WeChat ID (those start with a letter): it is the row's phone, and the row is 张三's. A different phone on the row
    was a problem (two phones for one person) that refused the export; on the applicant's own form both numbers are
    theirs (WeChat finds them by the other one), so since the ninth survey probe the phone question's answer is the
    phone and the other number stays on the note, masked, with a warning (test_survey_probe_imp9)."""
    from tests.desktop.test_imports import write_xlsx

    imp(db, write_xlsx(tmp_path / "名单.xlsx", [["姓名", "微信号", "手机号"], ["张三", "zhangsan01", "13800138000"]]))
    head = ["序号", "提交答卷时间", "1、您的姓名", "2、您的微信号", "3、您的手机号"]
    path = write_xlsx(
        tmp_path / "报名.xlsx",
        [
            head,
            [1, "2026/11/20 10:00:00", "张三", "138 0013 8000", "13800138000"],
            [2, "2026/11/21 10:00:00", "李四", "13900139000", None],
        ],
    )
    plan, summary, _ = imp(db, path, "applications")
    assert plan.problems == [] and (summary.added, summary.updated) == (1, 1)
    got = _applicants(db)
    assert got["张三"][:2] == ("zhangsan01", "13800138000")
    assert got["李四"][:2] == (None, "13900139000")
    clash = write_xlsx(
        tmp_path / "两个号.xlsx", [head, [1, "2026/11/22 10:00:00", "王五", "13700137000", "13600136000"]]
    )
    plan, summary, _ = imp(db, clash, "applications")
    assert plan.problems == [] and [(w.row, w.code) for w in plan.warnings] == [(2, "wechat_is_other_phone")]
    assert _applicants(db)["王五"][:3] == (None, "13600136000", "问卷: 您的微信号: 137****7000")


def test_a_hidden_sheet_is_not_read_while_a_visible_one_has_the_members(db, tmp_path):
    """A workbook opening on 说明, with last term's list kept in a hidden sheet 旧名单 before this term's 名单: the hidden
    old list was imported (老张 added, 张三 and 李四 not) — a sheet the user cannot see. Now the visible member sheet is
    read and the hidden one is named as another member table; a hidden sheet is still read when it is the only one with
    members."""
    from openpyxl import Workbook

    def book(path, with_visible: bool):
        wb = Workbook()
        wb.active.title = "说明"
        wb.active.append(["填表说明：请在「名单」里填写"])
        old = wb.create_sheet("旧名单")
        old.append(["姓名", "手机号"])
        old.append(["老张", "13800000001"])
        old.sheet_state = "hidden"
        if with_visible:
            new = wb.create_sheet("名单")
            for row in (["姓名", "手机号"], ["张三", "13800138000"], ["李四", "13900139000"]):
                new.append(row)
        wb.active = 0
        wb.save(path)
        return path

    plan, summary, _ = imp(db, book(tmp_path / "两个名单.xlsx", True))
    assert plan.sheet == "名单" and summary.added == 2 and plan.other_sheets == ("旧名单",)
    assert sorted(_people(db)) == ["张三", "李四"]
    plan, summary, _ = imp(db, book(tmp_path / "只有旧名单.xlsx", False))
    assert plan.sheet == "旧名单" and summary.added == 1 and "老张" in _people(db)


def test_a_hidden_or_filtered_out_row_is_imported_and_said_so(db, tmp_path):
    """Organisers hide the rows of people who left rather than delete them, or leave a filter on (状态 = 在群) when they
    save: the hidden rows were imported like the others, nothing telling that the user could not see them. They
    still import (the file holds them) and each says it was hidden, so a row that should not be imported is seen."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in [["姓名", "手机号", "状态"], *[[n, p, "在群"] for n, p in (("张三", "13800138000"), ("李四", "13900139000"))],
                ["王五", "13700137000", "在群"], ["赵六", "13600136000", "在群"]]:  # fmt: skip
        ws.append(row)
    ws.row_dimensions[3].hidden = True  # 李四, hidden by hand
    ws.auto_filter.ref = "A1:C5"
    ws.row_dimensions[5].hidden = True  # 赵六, filtered out
    path = tmp_path / "名单.xlsx"
    wb.save(path)
    plan, summary, _ = imp(db, path)
    assert summary.added == 4
    assert [(w.row, w.code) for w in plan.warnings] == [(3, "hidden_row"), (5, "hidden_row")]
    assert sorted(_people(db)) == ["张三", "李四", "王五", "赵六"]


def test_excels_unicode_text_export_is_read_like_a_tsv(db, tmp_path, capsys):
    """Excel's and WPS's 另存为 "Unicode 文本 (*.txt)" (UTF-16 with a BOM, tabs between the cells) — the save people pick
    to keep Chinese intact — was refused as an unsupported file type; so was "文本文件(制表符分隔)" (GBK). Both are read
    like a .tsv now; a .txt that is no table (a note) is still refused as before."""
    from desktop.cli import main

    text = "姓名\t微信号\t手机号\t备注\r\n张三\tzhangsan01\t13800138000\t老会员\r\n李四\tlisi_0202\t13900139000\t\r\n"
    unicode_txt = tmp_path / "名单.txt"
    unicode_txt.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    db_path = str(tmp_path / "cli.sqlite")
    assert main(["--db", db_path, "import", "roster", str(unicode_txt), "--group", GROUP]) == 0
    assert "新增 added            2" in capsys.readouterr().out
    gbk_txt = tmp_path / "名单2.txt"
    gbk_txt.write_bytes(text.replace("李四\tlisi_0202\t13900139000", "王五\twangwu_03\t13700137000").encode("gbk"))
    _plan, summary, _ = imp(db, gbk_txt)
    assert summary.added == 2
    assert _people(db) == {
        "张三": ("zhangsan01", "13800138000", "active"),
        "王五": ("wangwu_03", "13700137000", "active"),
    }
    note = tmp_path / "说明.txt"
    note.write_text("这不是表格，只是一段说明文字。\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"\.txt"):
        imp(db, note)
