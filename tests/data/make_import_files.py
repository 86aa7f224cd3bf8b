"""Regenerate the import test files in tests/data/import/ (used by tests/desktop/test_tabular.py).

Run from the repository root:  .venv/bin/python tests/data/make_import_files.py
The output is deterministic (fixed zip timestamps and document properties), so re-running it on
an unchanged script leaves the committed files unchanged; test_generated_files_match_script
checks that the committed files still match this script.
"""

from __future__ import annotations

import codecs
import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

OUT = Path(__file__).resolve().parent / "import"
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def _save(wb: Workbook, path: Path) -> None:
    """Save with fixed timestamps so that the bytes only depend on the content."""
    wb.properties.creator = "QunDesk tests"
    wb.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2026-01-01T00:00:00Z\2", data
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    path.write_bytes(out.getvalue())


def _sheet(title: str):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    return wb, ws


def roster_simple(path: Path) -> None:
    wb, ws = _sheet("成员")
    ws.append(["姓名", "昵称", "微信号", "手机", "性别", "城市", "入群时间", "标签", "备注"])
    ws.append(["张三", "三哥", "zhangsan_88", 13800138000, "男", "北京", datetime(2026, 3, 1), "早起、读书", None])
    ws.append(["李四", "小四", "lisi-2026", 13900139000, "女", "上海", datetime(2026, 3, 15), "读书", "老会员"])
    ws.append(["王五", None, "wangwu", "13700137000", "男", "深圳", datetime(2026, 4, 2), None, None])
    for row in ws.iter_rows(min_row=2, min_col=7, max_col=7):
        row[0].number_format = "yyyy/m/d"
    _save(wb, path)


def roster_title_rows(path: Path) -> None:
    wb, ws = _sheet("名册")
    ws["A1"] = "晨读社群 · 成员名册"
    ws.merge_cells("A1:F1")
    ws["A1"].font = Font(size=16, bold=True)
    ws["A2"] = "导出时间：2026-05-01 10:00"
    ws["D2"] = "导出人：小王"
    ws["A3"] = "说明：请勿修改表头"
    ws.merge_cells("A3:F3")
    headers = ["姓名", "昵称", "微信号", "手机", "入群时间", "标签"]
    for col, header in enumerate(headers, start=1):
        ws.cell(row=4, column=col, value=header).font = Font(bold=True)
    ws.append(["赵六", "六六", "zhaoliu", 13600136000, datetime(2026, 1, 5), "早起"])  # row 5
    ws.append(["钱七", None, "qianqi", 13500135000, datetime(2026, 2, 6), None])  # row 6
    ws.append([])  # row 7 stays empty
    ws["A8"] = "孙八"  # row 8
    ws["C8"] = "sunba"
    ws["D8"] = 13400134000
    ws["E8"] = datetime(2026, 3, 7)
    for row in range(5, 9):
        ws.cell(row=row, column=5).number_format = "yyyy-mm-dd"
    _save(wb, path)


def attendance_merged_header(path: Path) -> None:
    wb, ws = _sheet("签到")
    ws["A1"] = "2026年5月 线下活动签到表"
    ws.merge_cells("A1:G1")
    ws["A2"] = "序号"
    ws.merge_cells("A2:A3")
    ws["B2"] = "基本信息"
    ws.merge_cells("B2:D2")
    ws["E2"] = "5月签到"
    ws.merge_cells("E2:G2")
    for col, header in enumerate(["姓名", "手机", "微信号", "5/1", "5/2", "5/3"], start=2):
        ws.cell(row=3, column=col, value=header)
    ws.append([1, "张三", 13800138000, "zhangsan_88", "√", None, "√"])  # row 4
    ws.append([2, "李四", 13900139000, "lisi-2026", None, "√", "√"])  # row 5
    _save(wb, path)


def roster_trailing_empty(path: Path) -> None:
    wb, ws = _sheet("Sheet1")
    ws.append(["姓名", "微信号", "手机"])
    ws.append(["张三", "zhangsan_88", 13800138000])
    ws.append(["李四", "lisi-2026", 13900139000])
    fill = PatternFill("solid", fgColor="FFFF00")
    for row in range(4, 40):  # formatted but empty rows right after the data
        for col in range(1, 4):
            ws.cell(row=row, column=col).fill = fill
    ws.cell(row=5, column=1, value="   ")  # whitespace only: empty
    ws.cell(row=1_000_000, column=1).fill = fill  # max_row becomes 1,000,000
    _save(wb, path)


def roster_dates(path: Path) -> None:
    wb, ws = _sheet("日期")
    ws.append(["姓名", "入群时间"])
    rows = [
        ("日期格", datetime(2026, 5, 1), "yyyy/m/d"),  # row 2
        ("序号整数", 46148, "General"),  # row 3: serial 46148 = 2026-05-06
        ("序号小数", 46149.5, "General"),  # row 4: 2026-05-07 12:00
        ("斜杠", "2026/5/6", None),  # row 5
        ("横杠", "2026-05-07", None),  # row 6
        ("中文", "2026年5月8日", None),  # row 7
        ("带时间", "2026/05/09 10:30", None),  # row 8
        ("点号", "2026.5.6", None),  # row 9
        ("带秒", "2026/09/03 12:00:00", None),  # row 10
        ("日期时间格", datetime(2026, 5, 10, 9, 15), "yyyy-mm-dd hh:mm"),  # row 11
        ("空", None, None),  # row 12
        ("紧凑", "20260511", None),  # row 13
    ]
    for name, value, number_format in rows:
        ws.append([name, value])
        if number_format:
            ws.cell(row=ws.max_row, column=2).number_format = number_format
    _save(wb, path)


def roster_phone_numbers(path: Path) -> None:
    wb, ws = _sheet("手机")
    ws.append(["姓名", "手机"])
    ws.append(["整数", 13800138000])  # row 2
    ws.append(["小数", 13800138001.0])  # row 3
    ws.append(["文本小数", "13800138002.0"])  # row 4
    ws.append(["空格", "138 0013 8003"])  # row 5
    ws.append(["国际", "+86 138-0013-8004"])  # row 6
    ws.append(["座机", "010-12345678"])  # row 7
    ws.append(["丢了0的座机", 2012345678])  # row 8: 020-12345678 typed into a number cell
    ws.append(["括号座机", "(0755) 1234 5678"])  # row 9
    ws.append(["点号", "138.0013.8005"])  # row 10
    ws.append(["全角", "１３８００１３８００６"])  # row 11
    ws.append(["空", None])  # row 12
    _save(wb, path)


def roster_phone_sci(path: Path) -> None:
    wb, ws = _sheet("成员")
    ws["A1"] = "成员手机号登记"
    ws.append(["姓名", "微信号", "手机"])  # row 2
    ws.append(["张三", "zhangsan_88", 13800138000])  # row 3
    ws.append(["李四", "lisi-2026", "13900139000"])  # row 4
    ws.append([])  # row 5
    ws.append(["王五", "wangwu", 13700137000])  # row 6
    ws.append(["赵六", "zhaoliu", "1.38E+10"])  # row 7: what a CSV round trip through Excel leaves
    ws.append(["钱七", "qianqi", 13500135000])  # row 8
    _save(wb, path)


def roster_fullwidth(path: Path) -> None:
    wb, ws = _sheet("成员")
    ws.append(["　姓名：", "ＷｅＣｈａｔ　ＩＤ", "手机号码＊", "群昵称:", "*性别", " 标签 "])
    ws.append(["小明🌟", "ｘｉａｏｍｉｎｇ", "１３８００１３８０００", "明明", "男", "读书，早起"])
    ws.append(["Ａｌｉｃｅ　王", "alice_w", 13900139000, "Ａｌｉｃｅ", "女", None])
    ws.append(["👩‍💻李四", "lisi", 13700137000, "程序媛👩‍💻", "女", "技术/分享"])
    ws.append(["  張三（老師）  ", "zhangsan", 13600136000, None, "M", None])
    _save(wb, path)


def survey_wjx_xlsx(path: Path) -> None:
    wb, ws = _sheet("Sheet1")
    ws.append(
        [
            "序号",
            "提交答卷时间",
            "所用时间",
            "来源",
            "来源详情",
            "来自IP",
            "1、您的姓名:",
            "2、您的微信号:[填空题]",
            "3、您的手机号码:",
            "4、您的性别:[单选题]",
            "5、您感兴趣的话题:[多选题]",
            "6、您为什么想加入本群？",
        ]
    )
    ws.append(
        [
            1,
            "2026/5/6 10:30:15",
            "35秒",
            "手机提交",
            "直接访问",
            "1.2.3.4(北京-北京)",
            "张三",
            "zhangsan_88",
            13800138000,
            "男",
            "读书┋早起┋写作",
            "想养成早起习惯",
        ]
    )
    ws.append(
        [
            2,
            "2026/5/7 8:01:02",
            "1分10秒",
            "微信",
            "N/A",
            "5.6.7.8(上海-上海)",
            "李四🌸",
            "lisi-2026",
            "139 0013 9000",
            "女",
            "读书",
            "(跳过)",
        ]
    )
    ws.append(
        [
            3,
            "2026/5/8 21:45:00",
            "20秒",
            "链接",
            "直接访问",
            "9.9.9.9(广东-深圳)",
            "王五",
            "(空)",
            "(跳过)",
            "(跳过)",
            "(空)",
            "朋友推荐，想认识更多同好",
        ]
    )
    _save(wb, path)


def _write_text(path: Path, text: str, encoding: str, bom: bytes = b"") -> None:
    path.write_bytes(bom + text.encode(encoding))


def csv_files(out: Path) -> None:
    roster = (
        "姓名,微信号,手机,入群时间,标签\r\n"
        "张三,zhangsan_88,13800138000,2026/5/6,早起、读书\r\n"
        "李四,lisi-2026,13900139000,2026-05-07,\r\n"
        '王五,wangwu,13700137000,2026年5月8日,"读书,写作"\r\n'
    )
    _write_text(out / "roster_utf8_bom.csv", roster, "utf-8", codecs.BOM_UTF8)
    _write_text(out / "roster_utf8.csv", roster.replace("\r\n", "\n"), "utf-8")
    gbk = (
        "晨读社群成员名册,,,\r\n姓名,昵称,手机,城市\r\n张三,三哥,13800138000,北京\r\n欧阳娜娜,娜娜,13900139000,台北\r\n"
    )
    _write_text(out / "roster_gbk.csv", gbk, "gbk")
    gb18030 = (
        "姓名\t微信号\t手机\t备注\r\n"
        "刘䶮\tliuyan\t13800138000\t南汉\r\n"
        "𠮷野家\tyoshinoya\t13900139000\t𠮷 不在 GBK 里\r\n"
    )
    _write_text(out / "roster_gb18030.csv", gb18030, "gb18030")
    wjx = (
        "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1.您的姓名,2.您的微信号,3 您的手机号码,"
        "4.您的职业[单选题],5.您感兴趣的话题[多选题],6.您加入社群的目的是什么？\r\n"
        "1,2026/5/6 10:30:15,35秒,手机提交,直接访问,1.2.3.4(北京-北京),张三,zhangsan_88,13800138000,"
        "学生,读书┋早起,学习\r\n"
        "2,2026/5/7 08:01:02,70秒,微信,N/A,5.6.7.8(上海-上海),李四,lisi-2026,(跳过),(跳过),(空),交朋友\r\n"
    )
    _write_text(out / "survey_wjx.csv", wjx, "gb18030")
    tencent = (
        "编号,开始答题时间,结束答题时间,答题时长,1.您的称呼,2.您的微信号,3.手机号,"
        "4.你期待从社群中获得什么？,\r\n"
        '1,2026-05-06 10:29:40,2026-05-06 10:30:15,35秒,张三,zhangsan_88,13800138000,"早起,读书",\r\n'
        '2,2026-05-07 08:00:00,2026-05-07 08:01:02,62秒,李四,lisi-2026,13900139000,"认识同好\r\n'
        '一起进步",\r\n'
        "3,2026-05-08 21:44:00,2026-05-08 21:45:00,60秒,王五,,,,\r\n"
    )
    _write_text(out / "survey_tencent.csv", tencent, "utf-8", codecs.BOM_UTF8)
    bad_date = "姓名,入群时间\n张三,2026/5/6\n\n李四,2026-05-07\n王五,下周一\n"
    _write_text(out / "bad_date.csv", bad_date, "utf-8")
    (out / "empty.csv").write_bytes(b"")
    _write_text(out / "not_a_table.txt", "这不是表格，只是一段说明文字。\n", "utf-8")


XLSX_BUILDERS = {
    "roster_simple.xlsx": roster_simple,
    "roster_title_rows.xlsx": roster_title_rows,
    "attendance_merged_header.xlsx": attendance_merged_header,
    "roster_trailing_empty.xlsx": roster_trailing_empty,
    "roster_dates.xlsx": roster_dates,
    "roster_phone_numbers.xlsx": roster_phone_numbers,
    "roster_phone_sci.xlsx": roster_phone_sci,
    "roster_fullwidth.xlsx": roster_fullwidth,
    "survey_wjx.xlsx": survey_wjx_xlsx,
}


def build(out: Path = OUT) -> list[Path]:
    """Write every test file into ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    for filename, builder in XLSX_BUILDERS.items():
        builder(out / filename)
    csv_files(out)
    return sorted(p for p in out.iterdir() if p.is_file())


if __name__ == "__main__":
    for written in build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(written)
