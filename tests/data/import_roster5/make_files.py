"""Writes the Excel 97–2003 files of the roster5 probe (tests/desktop/test_import_probe_roster5.py and
test_checkin_import_probe_roster5.py), converted by LibreOffice (soffice) from .xlsx written here — openpyxl cannot
write .xls. Run from the repository root when the rows below change:

    .venv/bin/python tests/data/import_roster5/make_files.py

filtered.xls: a roster filtered to 未交费 (rows 3 and 5 hidden by the filter) and a 说明 sheet after it.
checkin_filtered.xls: a 打卡表 of 11/20 and 11/21 with 李四's row (row 3) hidden."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def filtered_xlsx(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    rows = [
        ["姓名", "微信号", "备注"],
        ["张三", "zs01", "未交费"],
        ["李四", "ls01", "已交费"],
        ["王五", "ww01", "未交费"],
        ["赵六", "zl01", "已交费"],
    ]
    for row in rows:
        ws.append(row)
    ws.auto_filter.ref = "A1:C5"
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[5].hidden = True
    wb.create_sheet("说明").append(["说明：备注写交费情况"])
    wb.save(path)


def checkin_xlsx(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "打卡"
    for row in (["姓名", "11/20", "11/21"], ["张三", "✓", "✓"], ["李四", "✓", None], ["王五", None, "✓"]):
        ws.append(row)
    ws.row_dimensions[3].hidden = True
    wb.save(path)


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("needs LibreOffice (soffice) to write .xls")
    with tempfile.TemporaryDirectory() as tmp:
        for name, write in (("filtered", filtered_xlsx), ("checkin_filtered", checkin_xlsx)):
            source = Path(tmp) / f"{name}.xlsx"
            write(source)
            subprocess.run(
                [soffice, "--headless", "--convert-to", "xls", "--outdir", str(HERE), str(source)],
                check=True,
                capture_output=True,
            )


if __name__ == "__main__":
    main()
