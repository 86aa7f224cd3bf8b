"""Tests for desktop/io/tabular.py (read_table) and desktop/io/survey.py, over tests/data/import/."""

from __future__ import annotations

import codecs
import importlib.util
import pickle
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.io.fields import ImportProblem, clean_text, map_headers, parse_date, parse_datetime, parse_phone
from desktop.io.survey import Application, SurveyAnswer, is_survey, question_stem, read_applications
from desktop.io.tabular import Table, read_table

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
SCRIPT = Path(__file__).resolve().parents[1] / "data" / "make_import_files.py"


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


# ---------------------------------------------------------------- xlsx files


def test_roster_simple():
    table = read_table(DATA / "roster_simple.xlsx")
    assert table == Table(
        file="roster_simple.xlsx",
        header_row=1,
        headers=["姓名", "昵称", "微信号", "手机", "性别", "城市", "入群时间", "标签", "备注"],
        rows=[
            (2, ["张三", "三哥", "zhangsan_88", 13800138000, "男", "北京", datetime(2026, 3, 1), "早起、读书", None]),
            (3, ["李四", "小四", "lisi-2026", 13900139000, "女", "上海", datetime(2026, 3, 15), "读书", "老会员"]),
            (4, ["王五", None, "wangwu", "13700137000", "男", "深圳", datetime(2026, 4, 2), None, None]),
        ],
        sheet="成员",
    )
    assert map_headers(table.headers) == {
        0: "name",
        1: "nickname",
        2: "wechat_id",
        3: "phone",
        4: "gender",
        5: "city",
        6: "joined_at",
        7: "tags",
        8: "note",
    }


def test_title_rows_above_header_are_ignored():
    table = read_table(DATA / "roster_title_rows.xlsx")
    assert table.header_row == 4
    assert table.headers == ["姓名", "昵称", "微信号", "手机", "入群时间", "标签"]
    assert table.rows == [
        (5, ["赵六", "六六", "zhaoliu", 13600136000, datetime(2026, 1, 5), "早起"]),
        (6, ["钱七", None, "qianqi", 13500135000, datetime(2026, 2, 6), None]),
        (8, ["孙八", None, "sunba", 13400134000, datetime(2026, 3, 7), None]),  # row 7 is empty
    ]


def test_two_row_merged_header_under_a_title():
    table = read_table(DATA / "attendance_merged_header.xlsx")
    assert table.header_row == 3
    assert table.headers == ["序号", "姓名", "手机", "微信号", "5月签到-5/1", "5月签到-5/2", "5月签到-5/3"]
    assert table.rows == [
        (4, [1, "张三", 13800138000, "zhangsan_88", "√", None, "√"]),
        (5, [2, "李四", 13900139000, "lisi-2026", None, "√", "√"]),
    ]
    assert map_headers(table.headers) == {1: "name", 2: "phone", 3: "wechat_id"}


def test_trailing_formatted_rows_and_a_cell_at_row_one_million(monkeypatch):
    """A million-row sheet whose rows past the tenth are empty: the reader looks at no more than MAX_EMPTY_RUN of
    them (calamine's range ends at the last value; openpyxl's stream stops after MAX_EMPTY_RUN empty rows), counted
    — a timed bound here said the same thing less surely, and failed on a busy machine."""
    from openpyxl import load_workbook

    from desktop.io import tabular

    workbook = load_workbook(DATA / "roster_trailing_empty.xlsx", read_only=True)
    assert workbook.active.max_row == 1_000_000  # the trap is really in the file
    workbook.close()
    looked_at = 0
    trimmed = tabular._trimmed

    def counting(values):
        nonlocal looked_at
        looked_at += 1
        return trimmed(values)

    monkeypatch.setattr(tabular, "_trimmed", counting)
    monkeypatch.setattr(tabular, "STREAM_XML_BYTES", 0)  # the openpyxl stream first
    streamed = read_table(DATA / "roster_trailing_empty.xlsx")
    assert tabular.MAX_EMPTY_RUN <= looked_at <= 3 * tabular.MAX_EMPTY_RUN, looked_at  # stopped, not a million
    monkeypatch.undo()
    monkeypatch.setattr(tabular, "_trimmed", counting)
    looked_at = 0
    table = read_table(DATA / "roster_trailing_empty.xlsx")
    assert looked_at <= tabular.MAX_EMPTY_RUN + 10, looked_at
    assert streamed.rows == table.rows
    assert table.headers == ["姓名", "微信号", "手机"]
    assert table.rows == [
        (2, ["张三", "zhangsan_88", 13800138000]),
        (3, ["李四", "lisi-2026", 13900139000]),
    ]


def test_dates_in_every_form():
    table = read_table(DATA / "roster_dates.xlsx")
    col = table.headers.index("入群时间")
    got = {row: parse_date(values[col], file=table.file, row=row, column="入群时间") for row, values in table.rows}
    assert got == {
        2: date(2026, 5, 1),
        3: date(2026, 5, 6),  # serial 46148
        4: date(2026, 5, 7),  # serial 46149.5
        5: date(2026, 5, 6),
        6: date(2026, 5, 7),
        7: date(2026, 5, 8),
        8: date(2026, 5, 9),
        9: date(2026, 5, 6),
        10: date(2026, 9, 3),
        11: date(2026, 5, 10),
        12: None,
        13: date(2026, 5, 11),
    }
    values = dict(table.rows)
    assert parse_datetime(values[4][col], file="f", row=4, column="c") == datetime(2026, 5, 7, 12, 0)
    assert parse_datetime(values[8][col], file="f", row=8, column="c") == datetime(2026, 5, 9, 10, 30)
    assert parse_datetime(values[10][col], file="f", row=10, column="c") == datetime(2026, 9, 3, 12, 0)
    assert parse_datetime(values[11][col], file="f", row=11, column="c") == datetime(2026, 5, 10, 9, 15)


def test_phone_numbers_stored_as_numbers_and_text():
    table = read_table(DATA / "roster_phone_numbers.xlsx")
    got = {row: parse_phone(values[1], file=table.file, row=row, column="手机") for row, values in table.rows}
    assert got == {
        2: "13800138000",
        3: "13800138001",
        4: "13800138002",
        5: "13800138003",
        6: "13800138004",
        7: "010-12345678",
        8: "020-12345678",
        9: "0755-12345678",
        10: "13800138005",
        11: "13800138006",
        12: None,
    }


def test_phone_in_scientific_notation_is_reported_at_its_row_and_column():
    table = read_table(DATA / "roster_phone_sci.xlsx")
    assert table.header_row == 2
    col = table.headers.index("手机")
    problems = []
    for row, values in table.rows:
        try:
            parse_phone(values[col], file=table.file, row=row, column=table.headers[col])
        except ImportProblem as problem:
            problems.append(problem)
    assert [(p.file, p.row, p.column) for p in problems] == [("roster_phone_sci.xlsx", 7, "手机")]
    text = str(problems[0])
    assert text.startswith("roster_phone_sci.xlsx 第7行 手机 列: 1.38E+10 无法还原为手机号")
    assert text.endswith("(row 7, column 手机)")


def test_full_width_headers_are_cleaned_and_names_kept_exactly():
    table = read_table(DATA / "roster_fullwidth.xlsx")
    assert table.headers == ["姓名", "WeChat ID", "手机号码", "群昵称", "性别", "标签"]
    assert map_headers(table.headers) == {
        0: "name",
        1: "wechat_id",
        2: "phone",
        3: "nickname",
        4: "gender",
        5: "tags",
    }
    names = [clean_text(values[0]) for _, values in table.rows]
    assert names == ["小明🌟", "Ａｌｉｃｅ\u3000王", "👩\u200d💻李四", "張三（老師）"]
    assert [clean_text(values[3]) for _, values in table.rows] == ["明明", "Ａｌｉｃｅ", "程序媛👩\u200d💻", None]
    assert parse_phone(table.rows[0][1][2], file="f", row=2, column="手机号码") == "13800138000"


def test_sheet_can_be_chosen_and_a_missing_sheet_is_reported(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active["A1"] = "请看第二页"
    second = workbook.create_sheet("成员")
    second.append(["姓名", "手机"])
    second.append(["张三", 13800138000])
    workbook.save(tmp_path / "two.xlsx")
    assert read_table(tmp_path / "two.xlsx", sheet="成员").rows == [(2, ["张三", 13800138000])]
    assert read_table(tmp_path / "two.xlsx", sheet="成员").sheet == "成员"
    with pytest.raises(ImportProblem) as info:
        read_table(tmp_path / "two.xlsx", sheet="名册")
    assert "名册" in info.value.message and "成员" in info.value.message


def test_empty_active_sheet_falls_back_to_the_first_sheet_with_content(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "空白"
    sheet = workbook.create_sheet("数据")
    sheet.append(["姓名", "微信号"])
    sheet.append(["张三", "zs"])
    workbook.save(tmp_path / "fallback.xlsx")
    table = read_table(tmp_path / "fallback.xlsx")
    assert (table.sheet, table.rows) == ("数据", [(2, ["张三", "zs"])])


def test_wrong_recorded_dimensions_do_not_truncate_columns(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["姓名", "微信号", "手机"])
    workbook.active.append(["张三", "zs", 13800138000])
    workbook.save(tmp_path / "dims.xlsx")
    src = zipfile.ZipFile(tmp_path / "dims.xlsx")
    with zipfile.ZipFile(tmp_path / "bad_dims.xlsx", "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:C2"', b'<dimension ref="A1"')
            dst.writestr(item, data)
    src.close()
    assert read_table(tmp_path / "bad_dims.xlsx").rows == [(2, ["张三", "zs", 13800138000])]


def test_header_only_file_gives_no_rows(tmp_path):
    table = read_table(write(tmp_path, "h.csv", "姓名,手机\n"))
    assert (table.header_row, table.headers, table.rows) == (1, ["姓名", "手机"], [])


# ---------------------------------------------------------------- csv files

ROSTER_ROWS = [
    (2, ["张三", "zhangsan_88", "13800138000", "2026/5/6", "早起、读书"]),
    (3, ["李四", "lisi-2026", "13900139000", "2026-05-07", None]),
    (4, ["王五", "wangwu", "13700137000", "2026年5月8日", "读书,写作"]),
]


@pytest.mark.parametrize("name", ["roster_utf8_bom.csv", "roster_utf8.csv"])
def test_utf8_csv_with_and_without_bom(name):
    table = read_table(DATA / name)
    assert table == Table(
        file=name, header_row=1, headers=["姓名", "微信号", "手机", "入群时间", "标签"], rows=ROSTER_ROWS
    )
    assert table.headers[0] == "姓名"  # no BOM glued to the first header


def test_bom_glued_to_first_header_is_removed_even_when_doubled(tmp_path):
    path = write(tmp_path, "double_bom.csv", codecs.BOM_UTF8 * 2 + "姓名,手机\n张三,1\n".encode())
    assert read_table(path).headers == ["姓名", "手机"]
    assert map_headers(read_table(path).headers) == {0: "name", 1: "phone"}


def test_gbk_csv_with_title_row():
    table = read_table(DATA / "roster_gbk.csv")
    assert table.header_row == 2
    assert table.headers == ["姓名", "昵称", "手机", "城市"]
    assert table.rows == [
        (3, ["张三", "三哥", "13800138000", "北京"]),
        (4, ["欧阳娜娜", "娜娜", "13900139000", "台北"]),
    ]


def test_gb18030_tab_separated_csv_with_characters_outside_gbk():
    raw = (DATA / "roster_gb18030.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("gbk")  # the file really needs GB18030
    table = read_table(DATA / "roster_gb18030.csv")
    assert table.headers == ["姓名", "微信号", "手机", "备注"]
    assert table.rows == [
        (2, ["刘䶮", "liuyan", "13800138000", "南汉"]),
        (3, ["𠮷野家", "yoshinoya", "13900139000", "𠮷 不在 GBK 里"]),
    ]


def test_semicolon_csv(tmp_path):
    table = read_table(write(tmp_path, "semi.csv", "姓名;手机;备注\n张三;13800138000;a,b\n"))
    assert table.rows == [(2, ["张三", "13800138000", "a,b"])]


def test_excel_sep_line_names_the_delimiter_and_is_not_a_row(tmp_path):
    table = read_table(write(tmp_path, "sep.csv", "sep=;\r\n姓名;手机\r\n张三;13800138000\r\n"))
    assert (table.header_row, table.headers, table.rows) == (1, ["姓名", "手机"], [(2, ["张三", "13800138000"])])


def test_utf16_csv_from_excel_unicode_text(tmp_path):
    path = write(tmp_path, "u16.csv", codecs.BOM_UTF16_LE + "姓名\t手机\r\n张三\t13800138000\r\n".encode("utf-16-le"))
    assert read_table(path).rows == [(2, ["张三", "13800138000"])]


def test_utf8_file_with_a_broken_byte_is_reported_not_garbled(tmp_path):
    good = "姓名,城市\n" + "".join(f"张三{i},北京\n" for i in range(20))
    data = good.encode() + b"\xff\xfe,\xe4\xb8\n"
    with pytest.raises(ImportProblem) as info:
        read_table(write(tmp_path, "broken.csv", data))
    assert info.value.row == 22
    assert "UTF-8" in info.value.message


def test_trailing_comma_columns_and_unnamed_columns(tmp_path):
    table = read_table(write(tmp_path, "t.csv", "姓名,,手机,\n张三,x,13800138000,\n李四,,13900139000,,extra\n"))
    assert table.headers == ["姓名", "", "手机", "", ""]
    assert table.rows == [
        (2, ["张三", "x", "13800138000", None, None]),
        (3, ["李四", None, "13900139000", None, "extra"]),  # data without a header is kept, not lost
    ]


def test_two_row_header_in_csv_without_merge_information(tmp_path):
    text = (
        "2026年5月签到表,,,,,,\n序号,基本信息,,,5月签到,,\n,姓名,手机,微信号,5/1,5/2,5/3\n1,张三,13800138000,zs,√,,√\n"
    )
    table = read_table(write(tmp_path, "att.csv", text))
    assert table.header_row == 3
    assert table.headers == ["序号", "姓名", "手机", "微信号", "5月签到-5/1", "5月签到-5/2", "5月签到-5/3"]
    assert table.rows == [(4, ["1", "张三", "13800138000", "zs", "√", None, "√"])]


def test_label_value_line_above_the_header_is_a_title_not_a_header(tmp_path):
    text = "导出时间：2026-05-01,导出人：小王\n姓名,手机,备注\n张三,13800138000,\n"
    table = read_table(write(tmp_path, "meta.csv", text))
    assert (table.header_row, table.headers) == (2, ["姓名", "手机", "备注"])


def test_merged_label_value_cells_above_the_header_are_not_captions(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["C1"] = "导出时间：2026-05-01", "导出人：小王"
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:D1")
    sheet.append(["姓名", "手机", "城市", "备注"])
    sheet.append(["张三", 13800138000, "北京", None])
    workbook.save(tmp_path / "meta.xlsx")
    table = read_table(tmp_path / "meta.xlsx")
    assert (table.header_row, table.headers) == (2, ["姓名", "手机", "城市", "备注"])


def test_header_without_known_names_is_the_row_with_most_text(tmp_path):
    text = "Club roster\nfoo,bar,baz\n1,2,3\n"
    table = read_table(write(tmp_path, "plain.csv", text))
    assert (table.header_row, table.headers, table.rows) == (2, ["foo", "bar", "baz"], [(3, ["1", "2", "3"])])


def test_two_row_header_found_from_the_upper_row_via_vertical_merges(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "手机", "签到", None])
    sheet.append([None, None, "5/1", "5/2"])
    sheet.append(["张三", 13800138000, "√", None])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:B2")
    sheet.merge_cells("C1:D1")
    workbook.save(tmp_path / "upper.xlsx")
    table = read_table(tmp_path / "upper.xlsx")
    assert (table.header_row, table.headers) == (2, ["姓名", "手机", "签到-5/1", "签到-5/2"])
    assert table.rows == [(3, ["张三", 13800138000, "√", None])]


def test_rows_are_records_even_when_a_quoted_cell_spans_lines():
    table = read_table(DATA / "survey_tencent.csv")
    assert [row for row, _ in table.rows] == [2, 3, 4]
    assert table.rows[1][1][7] == "认识同好\r\n一起进步"


def test_bad_date_is_reported_with_row_and_column():
    table = read_table(DATA / "bad_date.csv")
    assert [row for row, _ in table.rows] == [2, 4, 5]  # the blank line is row 3
    with pytest.raises(ImportProblem) as info:
        for row, values in table.rows:
            parse_date(values[1], file=table.file, row=row, column=table.headers[1])
    problem = info.value
    assert (problem.file, problem.row, problem.column) == ("bad_date.csv", 5, "入群时间")
    assert str(problem).startswith("bad_date.csv 第5行 入群时间 列: 下周一")


# ---------------------------------------------------------------- unusable files


def test_empty_csv():
    with pytest.raises(ImportProblem) as info:
        read_table(DATA / "empty.csv")
    assert (info.value.file, info.value.row, info.value.column) == ("empty.csv", None, None)
    assert str(info.value) == "empty.csv: 文件是空的，没有可导入的内容 (the file is empty: nothing to import)"


@pytest.mark.parametrize("content", [b"\n\n,,,\n", codecs.BOM_UTF8, b" \t \r\n"])
def test_blank_csv_is_empty(tmp_path, content):
    with pytest.raises(ImportProblem, match="空"):
        read_table(write(tmp_path, "blank.csv", content))


def test_numbers_only_have_no_header(tmp_path):
    with pytest.raises(ImportProblem, match="表头"):
        read_table(write(tmp_path, "nums.csv", "1,2\n3,4\n"))


def test_not_a_table_extension():
    with pytest.raises(ImportProblem) as info:
        read_table(DATA / "not_a_table.txt")
    assert ".txt" in str(info.value) and ".xlsx" in str(info.value)


def test_old_xls_extension(tmp_path):
    with pytest.raises(ImportProblem, match="另存为"):
        read_table(write(tmp_path, "old.xls", b"\xd0\xcf\x11\xe0whatever"))


@pytest.mark.parametrize(
    "content",
    [b"", b"hello, this is not a zip", b"PK\x03\x04garbage" * 10, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100],
)
def test_corrupt_xlsx(tmp_path, content):
    with pytest.raises(ImportProblem) as info:
        read_table(write(tmp_path, "broken.xlsx", content))
    assert info.value.file == "broken.xlsx" and info.value.row is None


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportProblem):
        read_table(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ImportProblem, match="找不到"):
        read_table(tmp_path / "nope.csv")
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(ImportProblem):
        read_table(tmp_path / "dir.csv")


def test_binary_content_in_csv(tmp_path):
    with pytest.raises(ImportProblem):
        read_table(write(tmp_path, "bin.csv", b"name,phone\n\x00\x01\x02,3\n"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_random_bytes_give_a_table_or_an_import_problem(tmp_path, data):
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    try:
        table = read_table(path)
    except ImportProblem as problem:
        assert str(problem).startswith("random.csv")
    else:
        assert isinstance(table, Table)
        assert all(len(values) == len(table.headers) for _, values in table.rows)
        assert all(row > table.header_row for row, _ in table.rows)


csv_text = st.lists(
    st.lists(st.text(alphabet=st.sampled_from('ab张三姓名手机 ,;\t"\n\r\ufeff1.'), max_size=8), max_size=6),
    max_size=8,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=csv_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_random_csv_text_gives_a_table_or_an_import_problem(tmp_path, rows, encoding):
    path = tmp_path / "random.csv"
    path.write_bytes("\n".join(",".join(cells) for cells in rows).encode(encoding))
    try:
        table = read_table(path)
    except ImportProblem:
        return
    assert all(len(values) == len(table.headers) for _, values in table.rows)


# ---------------------------------------------------------------- progress and cancel


def _big_files(tmp_path: Path, rows: int) -> list[Path]:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("成员")
    sheet.append(["姓名", "手机"])
    for i in range(rows):
        sheet.append([f"成员{i}", 13800000000 + i])
    workbook.save(tmp_path / "big.xlsx")
    csv_path = write(tmp_path, "big.csv", "姓名,手机\n" + "".join(f"成员{i},{13800000000 + i}\n" for i in range(rows)))
    return [tmp_path / "big.xlsx", csv_path]


def test_progress_is_reported_and_cancel_passes_through(tmp_path):
    from desktop.tasks import Cancelled, Progress

    for path in _big_files(tmp_path, 4500):
        seen: list[tuple[int, int]] = []
        table = read_table(path, progress=Progress(lambda done, total, seen=seen: seen.append((done, total))))
        assert len(table.rows) == 4500
        assert [done for done, _ in seen] == [2000, 4000]
        assert all(total >= done for done, total in seen)
        progress = Progress()
        progress.cancel()
        with pytest.raises(Cancelled):
            read_table(path, progress=progress)


# ---------------------------------------------------------------- ImportProblem


def test_import_problem_messages_and_pickling():
    problem = ImportProblem("roster.xlsx", 7, "手机", "1.38E+10 无法还原为手机号")
    assert str(problem) == "roster.xlsx 第7行 手机 列: 1.38E+10 无法还原为手机号 (row 7, column 手机)"
    assert str(ImportProblem("a.csv", 3, None, "坏行")) == "a.csv 第3行: 坏行 (row 3)"
    assert str(ImportProblem("a.csv", None, "手机", "缺列")) == "a.csv 手机 列: 缺列 (column 手机)"
    assert str(ImportProblem("a.csv", None, None, "空文件")) == "a.csv: 空文件"
    copy = pickle.loads(pickle.dumps(problem))
    assert (copy.file, copy.row, copy.column, copy.message) == ("roster.xlsx", 7, "手机", "1.38E+10 无法还原为手机号")
    assert str(copy) == str(problem)


def test_import_problem_is_a_user_facing_error():
    from desktop.errors import QunDeskError

    assert issubclass(ImportProblem, QunDeskError)


# ---------------------------------------------------------------- surveys


@pytest.mark.parametrize(
    ("header", "stem"),
    [
        ("1、您的姓名:", "您的姓名"),
        ("1.您的姓名", "您的姓名"),
        ("1 您的姓名", "您的姓名"),
        ("2、您的性别:[单选题]", "您的性别"),
        ("5、您感兴趣的话题：【多选题】", "您感兴趣的话题"),
        ("12. 您为什么想加入本群？", "您为什么想加入本群?"),
        ("Q3. 手机号", "手机号"),
        ("提交答卷时间", None),
        ("5/1", None),
    ],
)
def test_question_stem(header, stem):
    assert question_stem(header) == stem


def test_survey_wjx_xlsx():
    table = read_table(DATA / "survey_wjx.xlsx")
    assert is_survey(table)
    questions = ["您的姓名", "您的微信号", "您的手机号码", "您的性别", "您感兴趣的话题", "您为什么想加入本群？"]

    def answers(*values):
        return [SurveyAnswer(q, a) for q, a in zip(questions, values, strict=True)]

    assert read_applications(table) == [
        Application(
            row=2,
            submitted_at=datetime(2026, 5, 6, 10, 30, 15),
            name="张三",
            wechat_id="zhangsan_88",
            phone="13800138000",
            purpose="想养成早起习惯",
            answers=answers("张三", "zhangsan_88", "13800138000", "男", "读书┋早起┋写作", "想养成早起习惯"),
        ),
        Application(
            row=3,
            submitted_at=datetime(2026, 5, 7, 8, 1, 2),
            name="李四🌸",
            wechat_id="lisi-2026",
            phone="13900139000",
            purpose=None,
            answers=answers("李四🌸", "lisi-2026", "139 0013 9000", "女", "读书", None),
        ),
        Application(
            row=4,
            submitted_at=datetime(2026, 5, 8, 21, 45),
            name="王五",
            wechat_id=None,
            phone=None,
            purpose="朋友推荐，想认识更多同好",
            answers=answers("王五", None, None, None, None, "朋友推荐，想认识更多同好"),
        ),
    ]


def test_survey_wjx_csv():
    table = read_table(DATA / "survey_wjx.csv")
    assert is_survey(table)
    apps = read_applications(table)
    assert [(a.row, a.submitted_at, a.name, a.wechat_id, a.phone, a.purpose) for a in apps] == [
        (2, datetime(2026, 5, 6, 10, 30, 15), "张三", "zhangsan_88", "13800138000", "学习"),
        (3, datetime(2026, 5, 7, 8, 1, 2), "李四", "lisi-2026", None, "交朋友"),
    ]
    assert apps[0].answers[3:5] == [SurveyAnswer("您的职业", "学生"), SurveyAnswer("您感兴趣的话题", "读书┋早起")]
    assert apps[1].answers[2:5] == [
        SurveyAnswer("您的手机号码", None),
        SurveyAnswer("您的职业", None),
        SurveyAnswer("您感兴趣的话题", None),
    ]


def test_survey_tencent_csv_with_trailing_commas():
    table = read_table(DATA / "survey_tencent.csv")
    assert table.headers == [
        "编号",
        "开始答题时间",
        "结束答题时间",
        "答题时长",
        "1.您的称呼",
        "2.您的微信号",
        "3.手机号",
        "4.你期待从社群中获得什么?",
    ]
    assert is_survey(table)
    apps = read_applications(table)
    assert [(a.row, a.submitted_at, a.name, a.wechat_id, a.phone, a.purpose) for a in apps] == [
        (2, datetime(2026, 5, 6, 10, 30, 15), "张三", "zhangsan_88", "13800138000", "早起,读书"),
        (3, datetime(2026, 5, 7, 8, 1, 2), "李四", "lisi-2026", "13900139000", "认识同好\n一起进步"),
        (4, datetime(2026, 5, 8, 21, 45), "王五", None, None, None),
    ]
    assert [a.question for a in apps[0].answers] == ["您的称呼", "您的微信号", "手机号", "你期待从社群中获得什么？"]


def test_a_roster_is_not_a_survey():
    table = read_table(DATA / "roster_simple.xlsx")
    assert not is_survey(table)
    with pytest.raises(ImportProblem) as info:
        read_applications(table)
    assert info.value.row == 1


def test_survey_problems_raise_or_are_collected(tmp_path):
    text = (
        "序号,提交答卷时间,1、您的姓名,2、您的手机号\n"
        "1,2026/5/6 10:00,张三,13800138000\n"
        "2,昨天,李四,1.39E+10\n"
        "3,2026/5/8 09:00,王五,138abc\n"  # a phone with letters (没有 is no phone given: test_import_probe7)
    )
    table = read_table(write(tmp_path, "wjx.csv", text))
    with pytest.raises(ImportProblem) as info:
        read_applications(table)
    assert (info.value.row, info.value.column) == (3, "提交答卷时间")
    problems: list[ImportProblem] = []
    apps = read_applications(table, problems=problems)
    assert [(p.row, p.column) for p in problems] == [(3, "提交答卷时间"), (3, "2、您的手机号"), (4, "2、您的手机号")]
    assert [(a.submitted_at, a.phone) for a in apps] == [
        (datetime(2026, 5, 6, 10, 0), "13800138000"),
        (None, None),
        (datetime(2026, 5, 8, 9, 0), None),
    ]
    assert apps[1].answers[1] == SurveyAnswer("您的手机号", "1.39E+10")  # the raw answer is kept


# ---------------------------------------------------------------- test files are up to date


def _contents(path: Path) -> object:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    return path.read_bytes()


def test_generated_files_match_script(tmp_path):
    spec = importlib.util.spec_from_file_location("make_import_files", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.build(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in DATA.iterdir() if p.is_file())
    for path in written:
        assert _contents(path) == _contents(DATA / path.name), f"{path.name}: run tests/data/make_import_files.py"


# ---------------------------------------------------------------- the two .xlsx readers agree

REAL = Path(__file__).resolve().parents[1] / "data" / "import_real" / "files"


@pytest.mark.parametrize("path", sorted(DATA.glob("*.xlsx")) + sorted(REAL.glob("*.xlsx")), ids=lambda p: p.name)
def test_calamine_and_the_streamed_openpyxl_reader_read_the_same(path, monkeypatch):
    """Small sheets are read with python-calamine, big ones streamed with openpyxl read-only (and a big
    table is re-read when iterated): every file reads the same both ways."""
    import desktop.io.tabular as tabular

    def read() -> object:
        try:
            table = read_table(path)
        except ImportProblem as problem:
            return (problem.code, str(problem))
        return (table.header_row, table.headers, list(table.rows), table.sheet, table.skipped, table.fills)

    fast = read()
    monkeypatch.setattr(tabular, "STREAM_XML_BYTES", 0)
    monkeypatch.setattr(tabular, "MATERIALIZE_ROWS", 0)
    assert read() == fast


def test_a_big_csv_is_streamed_and_reads_again_when_iterated(tmp_path, monkeypatch):
    import desktop.io.tabular as tabular

    monkeypatch.setattr(tabular, "MATERIALIZE_ROWS", 10)
    text = "名单\n姓名,手机\n" + "".join(f"成员{i},{13800000000 + i}\n" for i in range(25)) + "\n合计：25人\n"
    table = read_table(write(tmp_path, "big.csv", text))
    assert table.streamed and len(table.rows) == table.row_count == 25
    assert list(table.rows) == list(table.rows)  # a second pass reads the file again, the same
    assert [r for r, _ in table.rows][-1] == 27 and table.sample(2)[0] == (3, ["成员0", "13800000000"])
    assert [(s.row, s.reason) for s in table.skipped] == [(1, "title"), (28, "blank"), (29, "footer")]


def test_a_big_xlsx_read_with_calamine_reads_again_when_iterated(tmp_path, monkeypatch):
    import desktop.io.tabular as tabular

    monkeypatch.setattr(tabular, "MATERIALIZE_ROWS", 100)
    path = _big_files(tmp_path, 300)[0]
    table = read_table(path)
    assert table.streamed and len(table.rows) == 300
    assert list(table.rows) == list(table.rows) and list(table.rows)[-1] == (301, ["成员299", 13800000299])
