"""Defects found by the import probe (roster and survey imports): each file here used to name the wrong person,
drop a row or refuse a whole file; every row now ends in a named outcome and nothing is half written."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.io.fields import ImportProblem, clean_text, map_headers, parse_phone
from desktop.io.tabular import read_table
from desktop.services.groups import get_or_create_group
from desktop.services.imports import ImportFailed, plan_applications_import, plan_roster_import, run_import
from desktop.services.roster import MemberInput, add_member
from models import Member, Membership
from tests.desktop.test_imports import write_xlsx

SURVEY_META = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]


@pytest.fixture
def db(sqlite_workspace):
    return sqlite_workspace


@pytest.fixture
def actor(db):
    from desktop.workspace import actor_for

    return actor_for(db)


def xlsx(path: Path, *rows: list) -> Path:
    return write_xlsx(path, list(rows))


def people(db) -> dict[str, tuple]:
    with db.session() as s:
        rows = s.execute(
            select(Member.display_name, Member.wechat_id, Member.phone).where(Member.deleted_at.is_(None))
        ).all()
    return {name: (wechat, phone) for name, wechat, phone in rows}


def seed(db, actor) -> None:
    with db.session() as s:
        g, _ = get_or_create_group(s, actor, "测试群")
        g2, _ = get_or_create_group(s, actor, "夜跑团")
        add_member(s, actor, g, MemberInput("张三", nickname="三哥", wechat_id="zhangsan", phone="13800138000"))
        add_member(s, actor, g, MemberInput("李四", phone="13900139000"))
        add_member(s, actor, g, MemberInput("王芳"))
        add_member(s, actor, g, MemberInput("刘洋", wechat_id="liuyang"))
        add_member(s, actor, g2, MemberInput("陈静", wechat_id="chenjing", phone="13700137000"))
        s.commit()


def plan(db, path: Path, group: str = "测试群", kind: str = "roster"):
    from desktop.services.groups import group_id_by_name

    table = read_table(path)
    with db.session() as s:
        gid = group_id_by_name(s, group) if group in ("测试群", "夜跑团") and _exists(s, group) else None
        result = plan_roster_import(s, gid, table) if kind == "roster" else plan_applications_import(s, gid, table)
        s.rollback()
    return result


def _exists(session, group: str) -> bool:
    from models import Group

    return session.scalar(select(Group.id).where(Group.name == group)) is not None


def codes(result) -> dict[int, list[str]]:
    return {r.row: [p.code for p in r.problems] for r in result.rows if r.problems}


# 1 ------------------------------------------------------------------------------------------------------


def test_a_phone_of_someone_with_another_name_is_a_problem_naming_them(db, actor, tmp_path):
    seed(db, actor)
    before = people(db)
    path = xlsx(
        tmp_path / "r1.xlsx",
        ["姓名", "微信号", "手机"],
        ["王五", "wangwu", "13900139000"],
        ["孙丽", None, "13700137000"],
    )
    result = plan(db, path)
    assert codes(result) == {2: ["phone_of_person_with_other_name"], 3: ["phone_of_person_with_other_name"]}
    messages = {r.row: r.problems[0].message for r in result.rows}
    assert "李四" in messages[2] and "王五" in messages[2]
    assert "陈静" in messages[3]
    assert [p.column for r in result.rows for p in r.problems] == ["手机", "手机"]
    with pytest.raises(ImportFailed):
        run_import(db, actor, path, "测试群", "roster")
    assert people(db) == before  # 李四 and 陈静 keep their names; nobody added


def test_a_phone_match_with_the_same_name_or_nickname_is_the_same_person(db, actor, tmp_path):
    seed(db, actor)
    path = xlsx(
        tmp_path / "same.xlsx",
        ["姓名", "微信号", "手机"],
        ["李四", "lisi", "13900139000"],
        ["三哥", None, "13800138000"],
    )
    result = plan(db, path)
    assert result.ok
    # 三哥 is 张三's nickname: the same person, and the display name stays 张三 (test_import_probe2)
    assert [(r.row, r.action) for r in result.rows] == [(2, "update"), (3, "unchanged")]
    run_import(db, actor, path, "测试群", "roster")
    assert people(db)["李四"] == ("lisi", "13900139000")
    assert plan(db, path).updated == 0  # a re-import changes nothing


# 2 ------------------------------------------------------------------------------------------------------


def test_an_unterminated_csv_quote_is_refused_naming_row_and_column(tmp_path):
    path = tmp_path / "r2.csv"
    path.write_bytes(
        '姓名,手机,微信号\r\n张三,13800138000,zhangsan\r\n"李四,13900139000,lisi\r\n王五,13700137000,wangwu\r\n'.encode()
    )
    with pytest.raises(ImportProblem) as caught:
        read_table(path)
    assert (caught.value.row, caught.value.column, caught.value.code) == (3, "姓名", "csv_quote")


def test_text_after_a_closing_quote_is_refused_naming_row_and_column(tmp_path):
    path = tmp_path / "mid.csv"
    path.write_bytes('姓名,手机,备注\r\n张三,13800138000,好\r\n李四,13900139000,"他说"你好\r\n'.encode())
    with pytest.raises(ImportProblem) as caught:
        read_table(path)
    assert (caught.value.row, caught.value.column, caught.value.code) == (3, "备注", "csv_quote")


def test_quoted_cells_with_line_breaks_and_doubled_quotes_still_read(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_bytes('姓名,备注\r\n张三,"第一行\r\n第二行, 还有 ""引号"""\r\n李四, "x" \r\n'.encode())
    table = read_table(path)
    # one record, one row; a quote after ", " opens the cell (skipinitialspace, test_import_probe2)
    assert table.rows == [(2, ["张三", '第一行\r\n第二行, 还有 "引号"']), (3, ["李四", "x "])]


# 3, 9 ---------------------------------------------------------------------------------------------------


def test_a_split_channel_question_is_never_the_wechat_id(db, tmp_path):
    path = xlsx(
        tmp_path / "channel.xlsx",
        [
            *SURVEY_META,
            "1、您的姓名：",
            "2、您从哪里了解到我们？(微信公众号)",
            "2、您从哪里了解到我们？(朋友推荐)",
            "3、您的微信号：",
            "4、您的手机号：",
        ],
        [1, "2026/11/10 09:01:02", "1秒", "微信", "N/A", "1.1.1.1", "孙八", 1, 0, "sunba", "13300133000"],
        [2, "2026/11/10 09:05:02", "1秒", "微信", "N/A", "1.1.1.1", "周九", 0, 1, "zhoujiu", "13300133001"],
        [3, "2026/11/10 09:09:02", "1秒", "微信", "N/A", "1.1.1.1", "吴十", 1, 0, "wushi", "13300133002"],
    )
    result = plan(db, path, "新群", "applications")
    assert result.ok and result.added == 3
    assert result.mapping == {6: "name", 9: "wechat_id", 10: "phone"}


def test_a_yes_no_phone_question_is_not_the_phone_question(db, actor, tmp_path):
    path = xlsx(
        tmp_path / "yesno.xlsx",
        [*SURVEY_META, "1、您的姓名：", "2、是否方便电话回访？", "3、您的手机号：", "4、您的微信号："],
        [1, "2026/11/10 09:01:02", "1秒", "微信", "N/A", "1.1.1.1", "赵六", "是", "13600136000", "zhaoliu"],
        [2, "2026/11/10 09:05:02", "1秒", "微信", "N/A", "1.1.1.1", "钱七", "否", "13500135000", "qianqi"],
    )
    run_import(db, actor, path, "新群", "applications")
    assert people(db) == {"赵六": ("zhaoliu", "13600136000"), "钱七": ("qianqi", "13500135000")}


# 4 ------------------------------------------------------------------------------------------------------


def test_two_applicants_sharing_a_parents_phone_are_not_merged(db, actor, tmp_path):
    path = xlsx(
        tmp_path / "shared.xlsx",
        [*SURVEY_META, "1、您的姓名：", "2、您的微信号：", "3、您的手机号："],
        [1, "2026/11/10 09:00:00", "1秒", "微信", "N/A", "1.1.1.1", "小明", "xiaoming2015", "13800138000"],
        [2, "2026/11/10 09:05:00", "1秒", "微信", "N/A", "1.1.1.1", "小红", "xiaohong2017", "13800138000"],
    )
    result = plan(db, path, "新群", "applications")
    # two WeChat IDs: two people sharing the phone — both imported, a warning naming row 2 (test_import_probe2)
    assert [(r.row, r.action, r.name) for r in result.rows] == [(2, "add", "小明"), (3, "add", "小红")]
    assert [(w.code, w.candidate_rows) for w in result.rows[1].warnings] == [("phone_shared", (2,))]
    run_import(db, actor, path, "新群", "applications")
    assert people(db) == {"小明": ("xiaoming2015", "13800138000"), "小红": ("xiaohong2017", "13800138000")}


def test_submissions_with_the_same_phone_and_name_are_still_one_applicant(db, tmp_path):
    path = xlsx(
        tmp_path / "again.xlsx",
        [*SURVEY_META, "1、您的姓名：", "2、您的微信号：", "3、您的手机号："],
        [1, "2026/11/10 09:00:00", "1秒", "微信", "N/A", "1.1.1.1", "小明", None, "13800138000"],
        [2, "2026/11/11 09:00:00", "1秒", "微信", "N/A", "1.1.1.1", "小明", "xiaoming", "13800138000"],
    )
    result = plan(db, path, "新群", "applications")
    assert [(r.row, r.action, r.rows) for r in result.rows] == [(3, "add", (2, 3))]


# 5 ------------------------------------------------------------------------------------------------------


def test_an_emergency_contacts_phone_is_never_the_members_phone(db, actor, tmp_path):
    assert map_headers(["姓名", "联系方式", "紧急联系人", "紧急联系人电话"]) == {0: "name", 1: "phone"}
    assert map_headers(["姓名", "家长手机"]) == {0: "name"}
    assert map_headers(["姓名", "联系电话", "监护人电话"]) == {0: "name", 1: "phone"}
    path = tmp_path / "emergency.csv"
    path.write_text(
        "姓名,联系方式,紧急联系人,紧急联系人电话\n小明,13800138000,明妈,13900139000\n"
        "小红,13700137000,红爸,13600136000\n小刚,13500135000,明妈,13900139000\n",
        encoding="utf-8",
    )
    run_import(db, actor, path, "新群", "roster")
    assert people(db) == {
        "小明": (None, "13800138000"),
        "小红": (None, "13700137000"),
        "小刚": (None, "13500135000"),
    }


# 6 ------------------------------------------------------------------------------------------------------


def test_a_ten_digit_mobile_in_a_number_cell_is_invalid_not_a_landline(db, tmp_path):
    for value in (1380013800, 1391234567, "013-80013800"):
        with pytest.raises(ImportProblem) as caught:
            parse_phone(value, file="f", row=2, column="手机")
        assert caught.value.code == "phone_invalid"
    assert parse_phone(1012345678, file="f", row=2, column="手机") == "010-12345678"  # 010 lost its 0
    assert parse_phone(7551234567, file="f", row=2, column="手机") == "0755-1234567"
    path = xlsx(tmp_path / "ten.xlsx", ["姓名", "手机"], ["吴十", 1380013800])
    assert codes(plan(db, path, "新群")) == {2: ["phone_invalid"]}


# 7 ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("streamed", [False, True])
def test_excel_errors_and_uncalculated_formulas_are_problems_not_empty(db, tmp_path, monkeypatch, streamed):
    if streamed:
        monkeypatch.setattr("desktop.io.tabular.STREAM_XML_BYTES", 0)  # the openpyxl reader for big sheets
    path = xlsx(
        tmp_path / "errors.xlsx",
        ["姓名", "手机", "微信号", "备注"],
        ["孙八", "#REF!", "sunba", None],
        ["周九", '="1330013"&"3000"', "zhoujiu", None],
        ["#N/A", "13500135000", "x1", None],
        ["郑一", "13500135001", "x2", "#DIV/0!"],
    )
    result = plan(db, path, "新群")
    assert codes(result) == {2: ["excel_error"], 3: ["formula_without_value"], 4: ["excel_error"], 5: ["excel_error"]}
    by_row = {r.row: r.problems[0] for r in result.rows if r.problems}
    assert (by_row[2].column, by_row[2].value) == ("手机", "#REF!")
    assert (by_row[4].column, by_row[4].value) == ("姓名", "#N/A")  # not "needs a name"
    assert by_row[5].column == "备注"


# 8 ------------------------------------------------------------------------------------------------------


def test_invisible_format_characters_do_not_make_new_people(db, actor, tmp_path):
    seed(db, actor)
    assert clean_text("\u202a刘\u200b洋\u200e\ufeff\u2063") == "刘洋"
    assert clean_text("👨\u200d👩\u200d👧 家") == "👨\u200d👩\u200d👧 家"  # an emoji's joiner stays
    path = xlsx(
        tmp_path / "zw.xlsx", ["姓名", "微信号"], ["王\u200b芳", None], ["\u202a刘洋\u202c", "liu\u200dyang\u200e"]
    )
    result = plan(db, path)
    assert [(r.row, r.action, r.name) for r in result.rows] == [(2, "unchanged", "王芳"), (3, "unchanged", "刘洋")]


# 10 -----------------------------------------------------------------------------------------------------


def test_an_instructions_sheet_before_the_roster_is_not_picked(tmp_path):
    wb = Workbook()
    notes = wb.active
    notes.title = "说明"
    notes.append(["填表说明：手机号请填写11位"])
    notes.append(["更新：2026-11-01"])
    roster = wb.create_sheet("成员")
    roster.append(["姓名", "手机"])
    roster.append(["张三", "13800138000"])
    wb.save(tmp_path / "notes.xlsx")
    table = read_table(tmp_path / "notes.xlsx")
    assert (table.sheet, table.headers, table.rows) == ("成员", ["姓名", "手机"], [(2, ["张三", "13800138000"])])


# 11 -----------------------------------------------------------------------------------------------------


def test_first_and_last_name_are_joined_and_the_new_phone_wins(db, actor, tmp_path):
    path = tmp_path / "english.csv"
    path.write_text("First Name,Last Name,Mobile\nWei,Zhang,13800138000\nWei,Li,13900139000\n", encoding="utf-8")
    run_import(db, actor, path, "新群", "roster")
    assert set(people(db)) == {"Wei Zhang", "Wei Li"}
    path2 = xlsx(
        tmp_path / "cn.xlsx", ["姓", "名", "手机（旧）", "手机（新）"], ["张", "三", "13800138001", "13800138999"]
    )
    assert map_headers(["姓", "名", "手机（旧）", "手机（新）"]) == {1: "name", 3: "phone"}
    run_import(db, actor, path2, "新群", "roster")
    assert people(db)["张三"] == (None, "13800138999")
    with db.session() as s:
        assert s.scalar(select(Membership.id).limit(1)) is not None
