"""Regenerate WeFlow_晨跑俱乐部.xlsx: the 晨跑俱乐部 scenario as WeFlow's Excel export writes it.

Run from the repository root:  .venv/bin/python tests/data/chat/make_weflow_xlsx.py
The scenario (members, events) and the per-row sender/content rules come from make_chat_corpus.py.

Layout copied from hicccc77/WeFlow electron/services/export/formatters/ExcelFormatter.ts @ 4daeb59b
(group chat, full columns, i.e. options.excelCompactColumns off):
  sheet 聊天记录
  row 1  A1 会话信息
  row 2  A2 微信ID | B2:C2 (merged) chatroom id | D2 昵称 | E2 group name | F2 备注 | G2:H2 (merged) group remark
  row 3  A3 导出工具 | B3 WeFlow | C3 导出版本 | D3 0.0.2 | E3 平台 | F3 wechat | G3 导出时间 | H3 YYYY-MM-DD HH:MM:SS
  row 4  序号 时间 发送者昵称 发送者微信ID 发送者备注 群昵称 发送者身份 消息类型 内容   (header, green fill)
  row 5… one row per message; 时间 is a local-time STRING, 序号 a number; link rows hold a hyperlink cell
The output is deterministic (fixed zip timestamps and document properties).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_chat_corpus as sc  # noqa: E402

OUT = HERE / "WeFlow_晨跑俱乐部.xlsx"
FIXED_TIME = datetime(2026, 12, 1, 9, 30, 0)
_ZIP_TIME = (2026, 12, 1, 9, 30, 0)


def _save(wb: Workbook, path: Path) -> None:
    """Save with fixed timestamps so that the bytes only depend on the content."""
    wb.properties.creator = "WeFlow"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2026-12-01T01:30:00Z\2", data
                )
            zi = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)
    path.write_bytes(out.getvalue())


def build() -> Workbook:
    bold = Font(name="Calibri", bold=True, size=11)
    plain = Font(name="Calibri", size=11)
    small = Font(name="Calibri", size=10)
    wb = Workbook()
    ws = wb.active
    ws.title = "聊天记录"

    ws.cell(1, 1, "会话信息").font = bold
    ws.cell(1, 1).alignment = Alignment(vertical="center", horizontal="left")
    ws.row_dimensions[1].height = 25

    ws.cell(2, 1, "微信ID").font = bold
    ws.merge_cells(start_row=2, start_column=2, end_row=2, end_column=3)
    ws.cell(2, 2, sc.GROUP_ID).font = plain
    ws.cell(2, 4, "昵称").font = bold
    ws.cell(2, 5, sc.GROUP_NAME).font = plain
    ws.cell(2, 6, "备注").font = bold
    ws.merge_cells(start_row=2, start_column=7, end_row=2, end_column=8)
    ws.cell(2, 7, "").font = plain  # the owner has no remark for the group
    ws.row_dimensions[2].height = 20

    meta = [
        ("导出工具", "WeFlow"),
        ("导出版本", "0.0.2"),
        ("平台", "wechat"),
        ("导出时间", sc.fmt_local(sc.EXPORTED_AT)),
    ]
    for i, (label, value) in enumerate(meta):
        ws.cell(3, 2 * i + 1, label).font = bold
        ws.cell(3, 2 * i + 2, value).font = small
    ws.row_dimensions[3].height = 20

    headers = ["序号", "时间", "发送者昵称", "发送者微信ID", "发送者备注", "群昵称", "发送者身份", "消息类型", "内容"]
    fill = PatternFill(fill_type="solid", fgColor="FFE8F5E9")
    for c, h in enumerate(headers, 1):
        cell = ws.cell(4, c, h)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", horizontal="center")
    ws.row_dimensions[4].height = 22
    for letter, width in zip("ABCDEFGHI", [8, 20, 18, 25, 18, 18, 15, 12, 50], strict=True):
        ws.column_dimensions[letter].width = width

    row = 5
    for i, e in enumerate(sc.EVENTS):
        prof = sc.weflow_profile(e)
        values = [
            i + 1,
            sc.fmt_local(e["ts"]),
            prof["nickname"],
            prof["wxid"],
            prof["remark"],
            prof["group_nickname"],
            prof["display"],
            sc.weflow_type_name(e),
            sc.weflow_content(e, "xlsx"),
        ]
        for c, v in enumerate(values, 1):
            ws.cell(row, c, v)
        if e["kind"] == "link":
            cell = ws.cell(row, 9)
            cell.hyperlink = e["url"]
            cell.font = Font(color="FF0563C1", underline="single")
        ws.row_dimensions[row].height = 24
        row += 1
    return wb


def main() -> None:
    _save(build(), OUT)


if __name__ == "__main__":
    main()
