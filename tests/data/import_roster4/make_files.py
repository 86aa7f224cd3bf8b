"""Writes the binary spreadsheets of tests/desktop/test_import_probe_roster4.py: an Excel 97–2003 .xls and an
OpenDocument .ods of the same roster, converted by LibreOffice (soffice) from an .xlsx written here — formats
openpyxl cannot write. Run from the repository root when the roster below changes:

    .venv/bin/python tests/data/import_roster4/make_files.py

The roster: a 说明 sheet first, then 成员 (QQ group columns, 入群时间 as date cells, a phone as a number cell, 城市
merged over two rows, a formula joining two cells), and a hidden sheet 旧名单 that is never read; and hidden_error.ods,
a roster with a hidden row and a #DIV/0! cell."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def roster_xlsx(path: Path) -> None:
    wb = Workbook()
    notes = wb.active
    notes.title = "说明"
    notes.append(["本表由群管理工具导出，请勿修改表头"])
    ws = wb.create_sheet("成员")
    ws.append(["成员", "群昵称", "QQ号", "性别", "入群时间", "手机", "城市", "姓", "名", "全名"])
    ws.append(["张伟", "晨跑-张伟", 10001, "男", datetime(2024, 3, 5), 13800138000, "北京", "张", "伟", "=H2&I2"])
    ws.append(["李娜", None, 20002, "女", datetime(2025, 1, 9, 21, 30), "139 0013 9000", None, "李", "娜", "=H3&I3"])
    ws.append(["王芳", "王芳", 30003, "女", datetime(2023, 12, 31), None, "上海", "王", "芳", "=H4&I4"])
    ws.merge_cells("G2:G3")
    old = wb.create_sheet("旧名单")
    old.append(["姓名", "微信号"])
    old.append(["老会员", "old_member1"])
    old.sheet_state = "hidden"
    wb.save(path)


def hidden_error_xlsx(path: Path) -> None:
    """A roster whose row 3 is hidden and whose row 2 has a #DIV/0! in 手机 (LibreOffice computes it when converting)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["姓名", "微信号", "手机"])
    ws.append(["张三", "zhangsan01", "=1/0"])
    ws.append(["李四", "lisi_0202", "13800138002"])
    ws.append(["王五", "wangwu_03", "13800138003"])
    ws.row_dimensions[3].hidden = True
    wb.save(path)


def convert(soffice: str, source: Path, *exts: str) -> None:
    for ext in exts:
        subprocess.run(
            [soffice, "--headless", "--convert-to", ext, "--outdir", str(HERE), str(source)],
            check=True,
            capture_output=True,
        )


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("needs LibreOffice (soffice) to write .xls and .ods")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "qq_roster.xlsx"
        roster_xlsx(source)
        convert(soffice, source, "xls", "ods")
        source = Path(tmp) / "hidden_error.xlsx"
        hidden_error_xlsx(source)
        convert(soffice, source, "ods")


if __name__ == "__main__":
    main()
