"""Regenerate the "real-world" import corpus in tests/data/import_real/ (files/, expected.json, README.md).

Run from the repository root:  .venv/bin/python tests/data/import_real/make_files.py [OUT_DIR]

Every file imitates a kind of spreadsheet that group organisers really have and that QunDesk did not
handle when this corpus was written (group-tool member exports, 金数据/麦客/腾讯文档/飞书 surveys,
footer rows, merged cells, many phone forms, several sheets, rows with several problems, status
changes, hostile files). expected.json says what a correct import must give; README.md has one line
per file and the decisions taken where the expected behaviour was open.

The output is deterministic: fixed zip timestamps and document properties (as in
tests/data/make_import_files.py) and JSON written in the order this script builds it, so re-running
it gives identical bytes. The zip bomb is written directly (no 1 GB buffer): one deflated piece of
repetitive sheet XML is repeated, so the generator stays fast.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import struct
import sys
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = PatternFill("solid", fgColor="D9D9D9")
YELLOW = PatternFill("solid", fgColor="FFFF00")
GREEN = PatternFill("solid", fgColor="E2EFDA")
BLUE_HEAD = PatternFill("solid", fgColor="4472C4")
WHITE_BOLD = Font(bold=True, color="FFFFFF")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center")


# --------------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------------


def _save(wb: Workbook, path: Path) -> None:
    """Save with fixed timestamps so that the bytes only depend on the content."""
    wb.properties.creator = "QunDesk tests"
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
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2026-01-01T00:00:00Z\2", data
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    path.write_bytes(out.getvalue())


class Sheet:
    """Writes rows one by one and knows the Excel row number of each."""

    def __init__(self, ws):
        self.ws = ws
        self.row = 0

    def put(self, values, *, font=None, fill=None, border=None, formats=None, align=None) -> int:
        self.row += 1
        for col, value in enumerate(values, start=1):
            if value is None and fill is None and border is None:
                continue
            cell = self.ws.cell(row=self.row, column=col, value=value)
            if font is not None:
                cell.font = font
            if fill is not None:
                cell.fill = fill
            if border is not None:
                cell.border = border
            if align is not None:
                cell.alignment = align
            if formats and col in formats:
                cell.number_format = formats[col]
        return self.row

    def blank(self) -> int:
        self.row += 1
        return self.row

    def title(self, text: str, width: int, *, font=TITLE) -> int:
        row = self.put([text], font=font)
        if width > 1:
            self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        self.ws.cell(row=row, column=1).alignment = CENTER
        return row

    def widths(self, *widths: float) -> None:
        from openpyxl.utils import get_column_letter

        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width


def _book(title: str) -> tuple[Workbook, Sheet]:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    return wb, Sheet(ws)


def _csv(rows: list[list[str]]) -> str:
    out = []
    for row in rows:
        cells = []
        for value in row:
            text = "" if value is None else str(value)
            if any(ch in text for ch in ',"\r\n'):
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        out.append(",".join(cells))
    return "\r\n".join(out) + "\r\n"


def _iso(value: datetime) -> str:
    return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(timespec="seconds")


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


# --------------------------------------------------------------------------------------------------
# people who appear in several files (same person = same canonical phone or WeChat ID)
# --------------------------------------------------------------------------------------------------

PEOPLE: dict[str, dict[str, str]] = {
    # 悦读会 (reading club) and its survey applicants
    "linxy": {"name": "林晓燕", "wechat_id": "linxy_happy", "phone": "13652417809", "city": "深圳", "gender": "female"},
    "zhaolei": {"name": "赵磊", "wechat_id": "zhaolei_reads", "phone": "13501238876", "city": "深圳", "gender": "male"},
    "wanglj": {
        "name": "王丽娟",
        "wechat_id": "wanglijuan66",
        "phone": "13925837710",
        "city": "广州",
        "gender": "female",
    },
    "liuyang": {
        "name": "刘洋",
        "wechat_id": "wxid_8k2m3n4p5q6r",
        "phone": "15920034451",
        "city": "深圳",
        "gender": "male",
    },
    "chenjia": {
        "name": "陈佳",
        "wechat_id": "chenjia_1992",
        "phone": "13798452260",
        "city": "东莞",
        "gender": "female",
    },
    "huangjy": {
        "name": "黄静怡",
        "wechat_id": "hjy_jingyi",
        "phone": "18820076634",
        "city": "东莞",
        "gender": "female",
    },
    "yangfan": {"name": "杨帆", "wechat_id": "yangfan_sail", "phone": "13425569981", "city": "东莞", "gender": "male"},
    "zhouwj": {
        "name": "周文静",
        "wechat_id": "wenjing_zhou",
        "phone": "13926541873",
        "city": "深圳",
        "gender": "female",
    },
    "hejh": {"name": "何俊辉", "wechat_id": "hejunhui_88", "phone": "13510927764", "city": "广州", "gender": "male"},
    "zhengyq": {"name": "郑雅琪", "wechat_id": "zyq_0303", "phone": "18617302245", "city": "东莞", "gender": "female"},
    # 羽毛球群 (badminton)
    "majf": {"name": "马俊峰", "wechat_id": "", "phone": "13826094417", "city": "广州", "gender": "male"},
    "xiett": {"name": "谢婷婷", "wechat_id": "", "phone": "15920053386", "city": "广州", "gender": "female"},
    "dengk": {"name": "邓凯", "wechat_id": "", "phone": "13711227745", "city": "佛山", "gender": "male"},
    "zengxl": {"name": "曾晓琳", "wechat_id": "", "phone": "13530086612", "city": "广州", "gender": "female"},
    "penghr": {"name": "彭浩然", "wechat_id": "", "phone": "13922150094", "city": "广州", "gender": "male"},
    "suya": {"name": "苏雅", "wechat_id": "", "phone": "13631870425", "city": "深圳", "gender": "female"},
    # 城市夜跑团 (night runners), applicants in two survey tools
    "liangzq": {"name": "梁志强", "wechat_id": "Liang-ZQ", "phone": "15819663320", "city": "广州", "gender": "male"},
    # 摄影群 (photography): a group-tool nickname and a real name for the same WeChat ID
    "caoyang": {"name": "曹阳", "wechat_id": "oldtree_photo", "phone": "13802294416", "city": "杭州", "gender": "male"},
    "sunyue": {"name": "孙悦", "wechat_id": "sunyue_sunny", "phone": "13760024518", "city": "广州", "gender": "female"},
}

APPEARANCES: list[dict] = []


def seen(key: str, file: str, row: int, **written) -> None:
    """Record that person `key` is on `row` of `file` (with the phone / WeChat ID as written there)."""
    APPEARANCES.append({"person": key, "file": file, "row": row, **{k: v for k, v in written.items() if v}})


def same_person_across_files() -> list[dict]:
    out = []
    for key, info in PEOPLE.items():
        rows = [a for a in APPEARANCES if a["person"] == key]
        if len({a["file"] for a in rows}) < 2:
            continue
        out.append(
            {
                "person": info["name"],
                "phone": info["phone"],
                "wechat_id": info["wechat_id"] or None,
                "appearances": [{k: v for k, v in a.items() if k != "person"} for a in rows],
            }
        )
    return out


# --------------------------------------------------------------------------------------------------
# 1. WeChat group member lists from group tools (no 姓名 column)
# --------------------------------------------------------------------------------------------------


def wx_members_weiyou(path: Path) -> dict:
    """微友助手-like export of a hiking group: title + export line, then the member table."""
    wb, sh = _book("群成员")
    headers = ["序号", "群昵称", "微信昵称", "微信号", "性别", "地区", "入群时间", "邀请人", "备注"]
    rows_out: list[dict] = []
    t1 = sh.title("「周末徒步 · 深圳」群成员列表（共12人）", len(headers))
    t2 = sh.put(["导出时间：2026-11-28 22:14:05　　群主：山野老周　　导出工具：微友助手"])
    sh.ws.merge_cells(start_row=t2, start_column=1, end_row=t2, end_column=len(headers))
    header_row = sh.put(headers, font=BOLD, fill=GREY, border=BOX, align=CENTER)
    rows_out += [{"row": t1, "skipped": "title"}, {"row": t2, "skipped": "title"}]
    # (群昵称, 微信昵称, 微信号, 性别, 地区, 入群时间, 邀请人, 备注, expected city, expected referrer)
    members = [
        ("山野老周", "老周🏔", "zhouyeshan", "男", "广东 深圳", "2025-03-02 10:11:09", None, "群主", "深圳", None),
        (
            "深圳-阿青-产品",
            "🌿阿青",
            "wxid_8k2m3n4p5q12",
            "女",
            "广东 深圳",
            "2025-03-02 10:30:44",
            "山野老周",
            None,
            "深圳",
            "山野老周",
        ),
        (
            None,
            "Leo_跑山人",
            "leo_runs_hills",
            "男",
            "广东 广州",
            "2025-04-18 19:02:31",
            "🌿阿青",
            None,
            "广州",
            "深圳-阿青-产品",
        ),
        (
            "小鹿乱撞🦌",
            "鹿鹿",
            "wxid_3h7g9d2a1s0f22",
            "女",
            "北京 朝阳",
            "2025-05-09 08:44:00",
            "深圳-阿青-产品",
            "周六领队",
            "北京",
            "深圳-阿青-产品",
        ),
        ("陈默", "默默无闻", "chenmo1990", "男", None, "2025-06-21 13:05:17", "zhouyeshan", None, None, "山野老周"),
        (
            "Vivian 王",
            "Vivian",
            "vivian_wang_sz",
            "女",
            "广东 深圳",
            "2025-07-01 21:47:36",
            "老周🏔",
            None,
            "深圳",
            "山野老周",
        ),
        (
            "阿May",
            "May🌸",
            "wxid_q1w2e3r4t5y6",
            "女",
            "浙江 杭州",
            "2025-08-30 20:20:20",
            "Vivian 王",
            None,
            "杭州",
            "Vivian 王",
        ),
        (
            "跑不动的胖虎",
            "胖虎",
            "wxid_z9x8c7v6b5n4",
            "男",
            "广东 东莞",
            "2025-09-14 07:58:12",
            "大刘",
            None,
            "东莞",
            None,
        ),
        (
            "徒步小白-林",
            "林小满",
            "linxiaoman",
            "女",
            "广东 深圳",
            "2025-10-02 09:15:00",
            "小鹿乱撞🦌",
            None,
            "深圳",
            "小鹿乱撞🦌",
        ),
        (
            "\u3000",
            "Kris",
            "wxid_a1s2d3f4g5h6",
            "未知",
            "美国 加利福尼亚",
            "2025-11-11 23:59:59",
            "Leo_跑山人",
            None,
            "美国 加利福尼亚",
            "Leo_跑山人",
        ),
        (
            "老K",
            "K先生",
            "wxid_k0k0k0k0k0k0",
            "男",
            "广东 深圳",
            "2025-11-30 12:00:00",
            "山野老周",
            "已退群？待确认",
            "深圳",
            "山野老周",
        ),
        (
            "🍃小叶子",
            "叶子",
            "yezi_hiking",
            "女",
            "广东 惠州",
            "2025-11-30 12:03:41",
            "徒步小白-林",
            None,
            "惠州",
            "徒步小白-林",
        ),
    ]
    warnings = []
    for number, (gnick, nick, wid, sex, region, joined, inviter, note, city, referrer) in enumerate(members, start=1):
        row = sh.put([number, gnick, nick, wid, sex, region, joined, inviter, note], border=BOX)
        display = gnick.strip() if gnick and gnick.strip() else nick
        rows_out.append(
            {
                "row": row,
                "person": _clean(
                    {
                        "name": display,
                        "nickname": nick,
                        "group_nickname": gnick.strip() if gnick and gnick.strip() else None,
                        "wechat_id": wid,
                        "gender": {"男": "male", "女": "female"}.get(sex),
                        "city": city,
                        "joined_at": joined.replace(" ", "T"),
                        "referrer": referrer,
                        "note": note,
                    }
                ),
            }
        )
        if inviter and referrer is None:
            warnings.append({"row": row, "column": "邀请人", "what": "inviter_not_found", "value": inviter})
    sh.widths(6, 18, 14, 22, 6, 18, 20, 16, 16)
    sh.ws.freeze_panes = sh.ws.cell(row=header_row + 1, column=1)
    _save(wb, path)
    return {
        "kind": "roster",
        "outcome": "import_with_warnings",
        "sheet": "群成员",
        "header_row": header_row,
        "columns": {
            "序号": None,
            "群昵称": "group_nickname (and the name)",
            "微信昵称": "nickname (the name when 群昵称 is empty)",
            "微信号": "wechat_id",
            "性别": "gender",
            "地区": "city (the 市 part, see README)",
            "入群时间": "joined_at",
            "邀请人": "referrer (another row of this file)",
            "备注": "note",
        },
        "rows": rows_out,
        "warnings": warnings,
        "problems": [],
    }


def wx_members_wetool(path: Path) -> dict:
    """WeTool-like CSV (UTF-8 with BOM): both the wxid and the custom 微信号, country/province/city."""
    headers = ["微信ID", "微信号", "昵称", "群昵称", "备注名", "性别", "国家", "省份", "城市", "邀请人", "入群方式"]
    data = [
        # wxid, alias, nickname, group nickname, remark name, sex, country, province, city, inviter, how
        ("wxid_8k2m3n4p5q", "", "🍊橙子", "瑜伽-橙子-福田", "", "女", "中国", "广东", "深圳", "", "创建群聊"),
        ("wxid_r5t6y7u8i9", "yogalily", "Lily莉莉", "", "", "女", "中国", "广东", "深圳", "瑜伽-橙子-福田", "邀请入群"),
        ("wxid_p0o9i8u7y6", "", "小雨", "小雨-南山", "", "女", "中国", "广东", "深圳", "🍊橙子", "扫描二维码入群"),
        (
            "wxid_l1k2j3h4g5",
            "xiaoyu_1995",
            "小雨",
            "",
            "隔壁公司的小雨",
            "女",
            "中国",
            "湖北",
            "武汉",
            "Lily莉莉",
            "邀请入群",
        ),
        ("wxid_m6n7b8v9c0", "", "阿杰Jay", "阿杰", "", "男", "中国", "广东", "深圳", "小雨", "邀请入群"),
        ("wxid_z1x2c3v4b5", "Tina_yoga", "Tina", "", "", "女", "新加坡", "", "", "阿杰", "邀请入群"),
        ("wxid_q9w8e7r6t5", "", "A🌙 静静", "静静", "", "女", "中国", "浙江", "杭州", "wxid_r5t6y7u8i9", "邀请入群"),
        (
            "wxid_h8j7k6l5z4",
            "coco_chen88",
            "Coco",
            "Coco-前台",
            "前台Coco",
            "女",
            "中国",
            "广东",
            "深圳",
            "Tina",
            "邀请入群",
        ),
        ("wxid_u1i2o3p4a5", "", "🐟", "", "", "未知", "", "", "", "老王", "邀请入群"),
    ]
    referrers = {  # record number -> expected referrer name (None: warning)
        3: "瑜伽-橙子-福田",
        4: "瑜伽-橙子-福田",
        5: "Lily莉莉",
        6: None,  # 小雨: two members have the WeChat nickname 小雨 (records 4 and 5): ambiguous
        7: "阿杰",
        8: "Lily莉莉",  # given as the wxid of record 3, whose 微信号 is yogalily
        9: "Tina",
        10: None,  # 老王: nobody in the file
    }
    rows_out = []
    warnings = []
    for record, values in enumerate(data, start=2):
        wxid, alias, nick, gnick, remark, sex, country, province, city, inviter, _how = values
        rows_out.append(
            {
                "row": record,
                "person": _clean(
                    {
                        "name": gnick or nick,
                        "nickname": nick,
                        "group_nickname": gnick,
                        "wechat_id": alias or wxid,
                        "gender": {"男": "male", "女": "female"}.get(sex),
                        "city": city,
                        "note": remark,
                        "referrer": referrers.get(record),
                    }
                ),
            }
        )
        if inviter and referrers.get(record) is None:
            what = "inviter_ambiguous" if inviter == "小雨" else "inviter_not_found"
            warning = {"row": record, "column": "邀请人", "what": what, "value": inviter}
            if what == "inviter_ambiguous":
                warning["candidate_rows"] = [4, 5]
            warnings.append(warning)
    text = _csv([headers, *[list(v) for v in data]])
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    return {
        "kind": "roster",
        "outcome": "import_with_warnings",
        "sheet": None,
        "header_row": 1,
        "columns": {
            "微信ID": "wechat_id when 微信号 is empty (and matches an inviter written as a wxid)",
            "微信号": "wechat_id",
            "昵称": "nickname (the name when 群昵称 is empty)",
            "群昵称": "group_nickname (and the name)",
            "备注名": "note",
            "性别": "gender",
            "国家": None,
            "省份": None,
            "城市": "city",
            "邀请人": "referrer (another row of this file)",
            "入群方式": None,
        },
        "rows": rows_out,
        "warnings": warnings,
        "problems": [],
    }


def wx_members_xiaou(path: Path) -> dict:
    """小U管家-like member list: avatar URLs, 成员昵称/群内昵称/邀请者, message counts, tags; real date cells."""
    wb, sh = _book("成员列表")
    headers = ["头像", "成员昵称", "群内昵称", "微信号", "性别", "入群时间", "邀请者", "发言数", "最后发言", "标签"]
    header_row = sh.put(headers, font=WHITE_BOLD, fill=BLUE_HEAD, align=CENTER)
    fmt = {6: "yyyy-mm-dd hh:mm", 9: "yyyy-mm-dd hh:mm"}
    avatar = "https://wx.qlogo.cn/mmhead/ver_1/{}/132"
    data = [
        (
            "大海🌊",
            None,
            "dahai_sea",
            "男",
            datetime(2024, 12, 1, 9, 0),
            None,
            1520,
            datetime(2026, 11, 27, 22, 10),
            "群主",
            None,
        ),
        (
            "麦子",
            "麦子@杭州",
            "wxid_f3g4h5j6k7l8",
            "女",
            datetime(2025, 1, 15, 20, 31),
            "大海🌊",
            873,
            datetime(2026, 11, 28, 8, 2),
            "活跃,铁粉",
            "大海🌊",
        ),
        (
            "星星✨",
            "星星",
            "xingxing_0715",
            "女",
            datetime(2025, 2, 3, 12, 0),
            "麦子@杭州",
            12,
            datetime(2026, 9, 3, 19, 45),
            None,
            "麦子@杭州",
        ),
        ("Jason", None, "wxid_n2b3v4c5x6z7", "男", datetime(2025, 3, 20, 18, 45), "星星✨", 0, None, "潜水", "星星"),
        (
            "老树",
            "树哥-摄影",
            "oldtree_photo",
            "男",
            datetime(2025, 7, 7, 7, 7),
            "Jason",
            45,
            datetime(2026, 11, 20, 6, 30),
            "摄影",
            "Jason",
        ),
        (
            "🌻向日葵",
            "向日葵",
            "wxid_s9d8f7g6h5j4",
            "女",
            datetime(2025, 10, 10, 10, 10),
            "阿光",
            3,
            datetime(2026, 10, 11, 9, 0),
            None,
            None,
        ),
    ]
    rows_out = []
    warnings = []
    for index, (nick, gnick, wid, sex, joined, inviter, count, last, tags, referrer) in enumerate(data):
        token = f"Q3auHgzwzM{index}4f1b2c3d4e5f6a7b8c9d0eFq"
        row = sh.put([avatar.format(token), nick, gnick, wid, sex, joined, inviter, count, last, tags], formats=fmt)
        if wid == "oldtree_photo":
            seen("caoyang", path.name, row, wechat_id=wid)
        rows_out.append(
            {
                "row": row,
                "person": _clean(
                    {
                        "name": gnick or nick,
                        "nickname": nick,
                        "group_nickname": gnick,
                        "wechat_id": wid,
                        "gender": {"男": "male", "女": "female"}.get(sex),
                        "joined_at": _iso(joined),
                        "referrer": referrer,
                        "tags": [t for t in (tags or "").split(",") if t],
                    }
                ),
            }
        )
        if inviter and referrer is None:
            warnings.append({"row": row, "column": "邀请者", "what": "inviter_not_found", "value": inviter})
    sh.widths(40, 14, 14, 22, 6, 18, 14, 8, 18, 12)
    _save(wb, path)
    return {
        "kind": "roster",
        "outcome": "import_with_warnings",
        "sheet": "成员列表",
        "header_row": header_row,
        "columns": {
            "头像": None,
            "成员昵称": "nickname (the name when 群内昵称 is empty)",
            "群内昵称": "group_nickname (and the name)",
            "微信号": "wechat_id",
            "性别": "gender",
            "入群时间": "joined_at",
            "邀请者": "referrer (another row of this file)",
            "发言数": None,
            "最后发言": None,
            "标签": "tags",
        },
        "rows": rows_out,
        "warnings": warnings,
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# applications: helpers
# --------------------------------------------------------------------------------------------------


def _merge_applicants(submissions: list[dict]) -> list[dict]:
    """Group submissions by applicant (key given by the caller) and merge: the latest submission
    (by submission time) wins field by field; an empty answer never erases an earlier one."""
    by_key: dict[str, list[dict]] = {}
    for sub in submissions:
        by_key.setdefault(sub["applicant"], []).append(sub)
    out = []
    for key, subs in by_key.items():
        ordered = sorted(subs, key=lambda s: (s["submitted_at"], s["row"]))
        person: dict = {}
        answers: dict = {}
        purpose = None
        for sub in ordered:
            person.update({k: v for k, v in sub["person"].items() if v})
            answers.update({k: v for k, v in sub["answers"].items() if v})
            purpose = sub.get("purpose") or purpose
        latest = ordered[-1]
        entry = {
            "applicant": key,
            "rows": sorted(s["row"] for s in subs),
            "latest_row": latest["row"],
            "person": person,
            "applied_at": ordered[0]["submitted_at"],
            "last_submitted_at": latest["submitted_at"],
            "purpose": purpose,
            "answers": answers,
            "history": [
                _clean(
                    {
                        "row": s["row"],
                        "submitted_at": s["submitted_at"],
                        "person": s["person"],
                        "purpose": s.get("purpose"),
                        "answers": s["answers"],
                    }
                )
                for s in ordered[:-1]
            ],
        }
        out.append(_clean(entry) | {"history": entry["history"]})
    return out


def _row_entry(sub: dict) -> dict:
    return {
        "row": sub["row"],
        "submission": _clean(
            {
                "submitted_at": sub["submitted_at"],
                **sub["person"],
                "purpose": sub.get("purpose"),
                "answers": sub["answers"],
            }
        ),
        "applicant": sub["applicant"],
    }


# --------------------------------------------------------------------------------------------------
# 2. the same person submitting twice (问卷星, newest first)
# --------------------------------------------------------------------------------------------------


def survey_wjx_resubmit(path: Path) -> dict:
    wb, sh = _book("Sheet1")
    q = {
        "name": "1、您的姓名",
        "wechat": "2、您的微信号",
        "phone": "3、您的手机号码",
        "city": "4、您所在的城市",
        "purpose": "5、您为什么想加入本群？",
        "want": "6、您希望在群里获得什么？[多选题]",
        "share": "7、您能为大家分享些什么？",
    }
    headers = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", *q.values()]
    header_row = sh.put(headers, font=BOLD)
    # chronological submissions: (序号, time, 用时, 来源, 详情, IP, name, wechat, phone, city, purpose, want, share, key)
    subs = [
        (
            1,
            "2026/11/20 9:12:33",
            "48秒",
            "微信",
            "N/A",
            "183.14.22.8(广东-深圳)",
            "周文静",
            "Wenjing_Zhou",
            13926541873,
            "深圳",
            "想找一起读书的朋友",
            "书单推荐┋线下读书会",
            "(跳过)",
            "zhouwj",
        ),
        (
            2,
            "2026/11/20 10:05:10",
            "1分2秒",
            "手机提交",
            "直接访问",
            "113.88.1.20(广东-广州)",
            "何俊辉",
            "hejunhui_88",
            "+86 135 1092 7764",
            "广州",
            "同事推荐，来看看",
            "线下读书会",
            "摄影",
            "hejh",
        ),
        (
            3,
            "2026/11/21 21:40:02",
            "2分15秒",
            "微信",
            "N/A",
            "183.14.22.8(广东-深圳)",
            "周文静",
            "wenjing_zhou",
            "139 2654 1873",
            "深圳",
            "想找一起读书的朋友，也想参加线下读书会",
            "书单推荐┋线下读书会┋写作打卡",
            "可以分享心理学书籍",
            "zhouwj",
        ),
        (
            4,
            "2026/11/21 23:58:40",
            "35秒",
            "微信",
            "N/A",
            "120.236.9.77(广东-东莞)",
            "郑雅琪",
            "zyq_0303",
            18617302245,
            "东莞",
            "喜欢读书",
            "(跳过)",
            "(跳过)",
            "zhengyq",
        ),
        (
            5,
            "2026/11/22 8:01:55",
            "58秒",
            "链接",
            "直接访问",
            "14.17.3.100(广东-惠州)",
            "蔡明轩",
            "cmx_reading",
            "186 6430 1928",
            "惠州",
            "(跳过)",
            "写作打卡",
            "(空)",
            "caimx",
        ),
        (
            6,
            "2026/11/22 19:22:47",
            "1分40秒",
            "手机提交",
            "直接访问",
            "113.88.1.20(广东-佛山)",
            "何俊辉",
            "(跳过)",
            "13510927764",
            "佛山",
            "同事推荐，想多认识些爱读书的朋友",
            "线下读书会┋书单推荐",
            "(跳过)",
            "hejh",
        ),
        (
            7,
            "2026/11/23 7:15:09",
            "41秒",
            "微信",
            "N/A",
            "120.236.9.77(广东-东莞)",
            "郑雅琪",
            "Zyq_0303",
            "186-1730-2245",
            "东莞",
            "喜欢读书，想坚持每月读完一本",
            "书单推荐",
            "(跳过)",
            "zhengyq",
        ),
    ]
    canonical = {"zhouwj": "13926541873", "hejh": "13510927764", "zhengyq": "18617302245", "caimx": "18664301928"}
    names = {"zhouwj": "周文静", "hejh": "何俊辉", "zhengyq": "郑雅琪", "caimx": "蔡明轩"}
    submissions = []
    for values in reversed(subs):  # the organiser's export is newest first
        (serial, when, took, src, detail, ip, nm, wechat, phone, city, purpose, want, share, key) = values
        row = sh.put([serial, when, took, src, detail, ip, nm, wechat, phone, city, purpose, want, share])
        skip = ("(跳过)", "(空)")
        if key in PEOPLE:
            written = phone if isinstance(phone, str) else f"{phone} (int cell)"
            seen(key, path.name, row, phone_as_written=written, wechat_as_written=None if wechat in skip else wechat)
        submissions.append(
            {
                "row": row,
                "applicant": names[key],
                "submitted_at": datetime.strptime(when, "%Y/%m/%d %H:%M:%S").isoformat(),
                "person": _clean(
                    {
                        "name": nm,
                        "wechat_id": None if wechat in skip else wechat,
                        "phone": canonical[key],
                        "city": city,
                    }
                ),
                "purpose": None if purpose in skip else purpose,
                "answers": _clean(
                    {
                        "您所在的城市": city,
                        "您希望在群里获得什么？": None if want in skip else want,
                        "您能为大家分享些什么？": None if share in skip else share,
                    }
                ),
            }
        )
    _save(wb, path)
    submissions.sort(key=lambda s: s["row"])
    return {
        "kind": "applications",
        "outcome": "import",
        "sheet": "Sheet1",
        "header_row": header_row,
        "columns": {
            "序号": "meta",
            "提交答卷时间": "submitted_at",
            "所用时间": "meta",
            "来源": "meta",
            "来源详情": "meta",
            "来自IP": "meta",
            q["name"]: "name",
            q["wechat"]: "wechat_id",
            q["phone"]: "phone",
            q["city"]: "city + answer",
            q["purpose"]: "purpose",
            q["want"]: "answer",
            q["share"]: "answer",
        },
        "rows": [_row_entry(s) for s in submissions],
        "applicants": _merge_applicants(submissions),
        "warnings": [],
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# 3. surveys from 金数据, 麦客, 腾讯文档收集表, 飞书问卷 (questions without numbers)
# --------------------------------------------------------------------------------------------------


def survey_jinshuju(path: Path) -> dict:
    """金数据: 序号, the fields, then the tool's columns (提交人, 提交时间, 修改时间, 微信…, 填写设备…)."""
    wb, sh = _book("城市夜跑团入团申请")
    questions = [
        "您的姓名",
        "您的微信号是？",
        "手机号码",
        "性别",
        "您所在的城市",
        "您的跑步经验",
        "为什么想加入本群？",
        "可以参加的时间（多选）",
    ]
    meta = [
        "提交人",
        "提交时间",
        "修改时间",
        "微信昵称",
        "微信性别",
        "微信国家",
        "微信省市",
        "微信OpenID",
        "微信头像",
        "填写设备",
        "操作系统",
        "浏览器",
        "填写地区",
        "IP",
        "填写时长",
        "来源渠道",
    ]
    headers = ["序号", *questions, *meta]
    header_row = sh.put(headers, font=BOLD, fill=GREEN)
    head = "https://thirdwx.qlogo.cn/mmopen/vi_32/{}/132"
    data = [
        # serial, name, wechat, phone, sex, city, experience, purpose, times, 提交人, submitted, modified, wx nick, wx sex, country, province-city, openid, device, os, browser, region, ip, duration, channel, key
        (
            1,
            "许嘉怡",
            "xu_jiayi",
            "138-2716-4409",
            "女",
            "深圳",
            "半马 2 次",
            "想找同城跑友一起夜跑",
            "周二晚\n周四晚",
            None,
            "2026-11-18 20:41:07",
            "2026-11-18 22:03:10",
            "嘉怡🏃‍♀️",
            "女",
            "中国",
            "广东 深圳",
            "oXk3s5Jd8aQwErTy12ZxCvBn0Mlk",
            "手机",
            "iOS 17.5",
            "微信",
            "广东省深圳市",
            "14.155.23.71",
            "2分13秒",
            "默认渠道",
            "xujy",
        ),
        (
            2,
            "梁志强",
            "Liang-ZQ",
            "+86 158 1966 3320",
            "男",
            "广州",
            "全马 1 次",
            "备赛广马，想找配速相近的伙伴",
            "周六早",
            None,
            "2026-11-19 07:02:44",
            "2026-11-19 07:02:44",
            "强子",
            "男",
            "中国",
            "广东 广州",
            "oXk3s5Ab7cD9eF1gH3iJ5kL7mN9p",
            "手机",
            "Android 14",
            "微信",
            "广东省广州市",
            "113.108.4.26",
            "1分5秒",
            "朋友圈海报",
            "liangzq",
        ),
        (
            3,
            "许嘉怡",
            "XU_JIAYI",
            "0086 138 2716 4409",
            "女",
            "深圳",
            "半马 2 次",
            "想找同城跑友一起夜跑，顺便备赛深马",
            "周二晚\n周四晚\n周六早",
            None,
            "2026-11-20 21:15:30",
            "2026-11-20 21:15:30",
            "嘉怡🏃‍♀️",
            "女",
            "中国",
            "广东 深圳",
            "oXk3s5Jd8aQwErTy12ZxCvBn0Mlk",
            "手机",
            "iOS 17.5",
            "微信",
            "广东省深圳市",
            "14.155.23.71",
            "1分48秒",
            "默认渠道",
            "xujy",
        ),
        (
            4,
            "宋雨桐",
            None,
            "13711802957",
            "女",
            "佛山",
            "刚开始跑",
            None,
            "周四晚",
            "跑团助理小何",
            "2026-11-21 12:30:19",
            "2026-11-21 12:30:19",
            None,
            None,
            None,
            None,
            None,
            "电脑",
            "Windows 10",
            "Chrome",
            "广东省佛山市",
            "59.41.160.8",
            "3分2秒",
            "默认渠道",
            "songyt",
        ),
        (
            5,
            "周文静",
            "Wenjing_Zhou",
            "139 2654 1873",
            "女",
            "深圳",
            "5 公里以内",
            "读书会的朋友拉我来的，想多运动",
            "周二晚",
            None,
            "2026-11-22 18:05:51",
            "2026-11-22 18:05:51",
            "静静📚",
            "女",
            "中国",
            "广东 深圳",
            "oXk3s5Qr2sT4uV6wX8yZ0aB2cD4e",
            "手机",
            "iOS 18.1",
            "微信",
            "广东省深圳市",
            "183.14.22.8",
            "55秒",
            "读书会转发",
            "zhouwj",
        ),
    ]
    phones = {"xujy": "13827164409", "liangzq": "15819663320", "songyt": "13711802957", "zhouwj": "13926541873"}
    names = {"xujy": "许嘉怡", "liangzq": "梁志强", "songyt": "宋雨桐", "zhouwj": "周文静"}
    submissions = []
    for values in data:
        (
            serial,
            nm,
            wechat,
            phone,
            sex,
            city,
            exp,
            purpose,
            times,
            filler,
            submitted,
            modified,
            wxnick,
            wxsex,
            country,
            provcity,
            openid,
            device,
            os_,
            browser,
            region,
            ip,
            took,
            channel,
            key,
        ) = values
        avatar = head.format(openid[-12:]) if openid else None
        row = sh.put(
            [
                serial,
                nm,
                wechat,
                phone,
                sex,
                city,
                exp,
                purpose,
                times,
                filler,
                submitted,
                modified,
                wxnick,
                wxsex,
                country,
                provcity,
                openid,
                avatar,
                device,
                os_,
                browser,
                region,
                ip,
                took,
                channel,
            ]
        )
        if key in PEOPLE:
            seen(key, path.name, row, phone_as_written=phone, wechat_as_written=wechat)
        submissions.append(
            {
                "row": row,
                "applicant": names[key],
                "submitted_at": submitted.replace(" ", "T"),
                "person": _clean(
                    {
                        "name": nm,
                        "nickname": wxnick,
                        "wechat_id": wechat,
                        "phone": phones[key],
                        "gender": {"男": "male", "女": "female"}[sex],
                        "city": city,
                    }
                ),
                "purpose": purpose,
                "answers": _clean(
                    {"性别": sex, "您所在的城市": city, "您的跑步经验": exp, "可以参加的时间（多选）": times}
                ),
            }
        )
    sh.ws.freeze_panes = "C2"
    _save(wb, path)
    columns = {"序号": "meta"} | {
        "您的姓名": "name",
        "您的微信号是？": "wechat_id",
        "手机号码": "phone",
        "性别": "gender + answer",
        "您所在的城市": "city + answer",
        "您的跑步经验": "answer",
        "为什么想加入本群？": "purpose",
        "可以参加的时间（多选）": "answer",
    }
    columns |= {m: "meta" for m in meta}
    columns |= {"提交时间": "submitted_at", "微信昵称": "nickname (the WeChat-authorised nickname of the respondent)"}
    return {
        "kind": "applications",
        "outcome": "import",
        "sheet": "城市夜跑团入团申请",
        "header_row": header_row,
        "columns": columns,
        "not_person_columns": ["提交人", "微信OpenID", "微信性别", "微信国家", "微信省市", "微信头像"],
        "rows": [_row_entry(s) for s in submissions],
        "applicants": _merge_applicants(submissions),
        "warnings": [],
        "problems": [],
    }


def survey_mikecrm(path: Path) -> dict:
    """麦客 (mikecrm) feedback export: a title line, 编号, short field labels, then the tool's columns."""
    wb, sh = _book("反馈数据")
    questions = ["姓名", "手机", "微信", "所在城市", "你是怎么知道我们的？", "想加入的原因", "紧急联系人电话"]
    meta = ["填写人", "提交时间", "IP", "地理位置", "填写设备", "来源渠道", "填写时长"]
    headers = ["编号", *questions, *meta]
    title = sh.title("【城市夜跑团】新团员登记表 - 反馈数据（导出于 2026-11-29 10:02）", len(headers), font=BOLD)
    header_row = sh.put(headers, font=BOLD, fill=GREY, border=BOX)
    data = [
        (
            1,
            "吴晓东",
            "15013679024",
            "wuxd_run",
            "深圳",
            "朋友推荐",
            "下班后想跑步，但一个人坚持不下来",
            "13902411178（妻子）",
            None,
            "2026-11-22 12:30:11",
            "120.229.8.15",
            "广东 深圳",
            "手机",
            "公众号菜单",
            "2分40秒",
            "wuxd",
            "15013679024",
        ),
        (
            2,
            "梁志强",
            "158 1966 3320",
            "liang-zq",
            "广州",
            "朋友圈",
            "备赛广马，想找配速相近的伙伴",
            None,
            None,
            "2026-11-23 06:48:02",
            "113.108.4.26",
            "广东 广州",
            "手机",
            "朋友圈海报",
            "1分12秒",
            "liangzq",
            "15819663320",
        ),
        (
            3,
            "Emily 陈",
            "(+86)13632185507",
            "emily_chen_sz",
            "深圳",
            "小红书",
            "想认识跑步的朋友 🏃",
            None,
            "跑团助理小何",
            "2026-11-24 20:02:37",
            "14.155.60.2",
            "广东 深圳",
            "电脑",
            "小红书笔记",
            "4分5秒",
            "emily",
            "13632185507",
        ),
        (
            4,
            "黄伟",
            "186-8817-2036",
            None,
            "东莞",
            "其他",
            "减肥",
            "0769-2233 4455",
            None,
            "2026-11-26 09:17:45",
            "120.236.77.9",
            "广东 东莞",
            "手机",
            "默认渠道",
            "48秒",
            "huangw",
            "18688172036",
        ),
    ]
    submissions = []
    for values in data:
        (
            serial,
            nm,
            phone,
            wechat,
            city,
            how,
            why,
            emergency,
            filler,
            submitted,
            ip,
            geo,
            device,
            channel,
            took,
            key,
            canon,
        ) = values
        row = sh.put(
            [serial, nm, phone, wechat, city, how, why, emergency, filler, submitted, ip, geo, device, channel, took],
            border=BOX,
        )
        if key in PEOPLE:
            seen(key, path.name, row, phone_as_written=phone, wechat_as_written=wechat)
        submissions.append(
            {
                "row": row,
                "applicant": nm,
                "submitted_at": submitted.replace(" ", "T"),
                "person": _clean({"name": nm, "wechat_id": wechat, "phone": canon, "city": city}),
                "purpose": why,
                "answers": _clean({"所在城市": city, "你是怎么知道我们的？": how, "紧急联系人电话": emergency}),
            }
        )
    sh.widths(6, 10, 18, 16, 10, 16, 30, 22, 14, 20, 16, 12, 10, 12, 10)
    _save(wb, path)
    columns = {"编号": "meta", "姓名": "name", "手机": "phone", "微信": "wechat_id", "所在城市": "city + answer"}
    columns |= {
        "你是怎么知道我们的？": "answer",
        "想加入的原因": "purpose",
        "紧急联系人电话": "answer (someone else's phone: never the person's phone)",
    }
    columns |= {m: "meta" for m in meta} | {"提交时间": "submitted_at"}
    return {
        "kind": "applications",
        "outcome": "import",
        "sheet": "反馈数据",
        "header_row": header_row,
        "columns": columns,
        "not_person_columns": ["紧急联系人电话", "填写人"],
        "rows": [{"row": title, "skipped": "title"}, *[_row_entry(s) for s in submissions]],
        "applicants": _merge_applicants(submissions),
        "warnings": [],
        "problems": [],
    }


def survey_txdocs_collect(path: Path) -> dict:
    """腾讯文档收集表 results sheet: 提交者 (the submitting account), 提交时间, then the questions."""
    wb, sh = _book("收集结果")
    questions = [
        "您的姓名",
        "您的微信号是？",
        "手机号码",
        "您所在的城市",
        "您的职业是？",
        "为什么想加入本群？",
        "您每周能抽出多少时间参与活动？",
    ]
    headers = ["提交者", "提交时间", *questions]
    header_row = sh.put(headers, font=BOLD, fill=GREY)
    fmt = {2: "yyyy/mm/dd hh:mm:ss"}
    data = [
        (
            "Sunny☀️",
            datetime(2026, 11, 24, 20, 18, 6),
            "孙悦",
            "sunyue_sunny",
            "13760024518",
            "广州",
            "设计师",
            "想和同行交流，也想学摄影",
            "2-3小时",
            "sunyue",
            "13760024518",
        ),
        (
            "老钱",
            datetime(2026, 11, 24, 21, 2, 33),
            "钱国栋",
            "qgd1978",
            "+86 13925047731",
            "深圳",
            "工程师",
            "退休前想培养个爱好",
            "5小时以上",
            "qiangd",
            "13925047731",
        ),
        (
            "微信用户",
            datetime(2026, 11, 25, 7, 45, 10),
            "冯小雅",
            None,
            "139-2504-7790",
            "佛山",
            "学生",
            None,
            "1小时以内",
            "fengxy",
            "13925047790",
        ),
        (
            "Sunny☀️",
            datetime(2026, 11, 26, 12, 0, 41),
            "孙悦",
            "SunYue_Sunny",
            "137 6002 4518",
            "广州",
            "自由职业设计师",
            "想和同行交流，也想学摄影和剪辑",
            "3-5小时",
            "sunyue",
            "13760024518",
        ),
    ]
    submissions = []
    for submitter, when, nm, wechat, phone, city, job, why, hours, key, canon in data:
        row = sh.put([submitter, when, nm, wechat, phone, city, job, why, hours], formats=fmt)
        if key in PEOPLE:
            seen(key, path.name, row, phone_as_written=phone, wechat_as_written=wechat)
        submissions.append(
            {
                "row": row,
                "applicant": nm,
                "submitted_at": when.isoformat(),
                "person": _clean({"name": nm, "wechat_id": wechat, "phone": canon, "city": city, "occupation": job}),
                "purpose": why,
                "answers": _clean({"您所在的城市": city, "您的职业是？": job, "您每周能抽出多少时间参与活动？": hours}),
            }
        )
    sh.widths(14, 20, 10, 16, 16, 12, 16, 30, 20)
    _save(wb, path)
    return {
        "kind": "applications",
        "outcome": "import",
        "sheet": "收集结果",
        "header_row": header_row,
        "columns": {
            "提交者": "meta (the account that submitted, e.g. 微信用户: never the name)",
            "提交时间": "submitted_at",
            "您的姓名": "name",
            "您的微信号是？": "wechat_id",
            "手机号码": "phone",
            "您所在的城市": "city + answer",
            "您的职业是？": "occupation + answer",
            "为什么想加入本群？": "purpose",
            "您每周能抽出多少时间参与活动？": "answer",
        },
        "not_person_columns": ["提交者"],
        "rows": [_row_entry(s) for s in submissions],
        "applicants": _merge_applicants(submissions),
        "warnings": [],
        "problems": [],
    }


def survey_feishu(path: Path) -> dict:
    """飞书问卷 export: 序号, 提交时间, 提交人 (匿名用户), 答题时长, 来源, then the questions."""
    wb, sh = _book("问卷数据")
    questions = [
        "姓名",
        "微信号",
        "手机号",
        "所在城市",
        "职业",
        "为什么想加入社群？",
        "你最想参加的活动",
        "想对群主说的话",
    ]
    headers = ["序号", "提交时间", "提交人", "答题时长", "来源", *questions]
    header_row = sh.put(headers, font=BOLD, fill=GREY)
    data = [
        (
            1,
            "2026-11-27 09:03:12",
            "匿名用户",
            "85秒",
            "链接",
            "罗子涵",
            "luozihan_",
            "+86 137 2290 6631",
            "深圳",
            "产品经理",
            "想找一起做 side project 的伙伴",
            "线下 meetup,读书会",
            "群主辛苦啦 🙏",
            "luozh",
            "13722906631",
        ),
        (
            2,
            "2026-11-27 10:47:58",
            "匿名用户",
            "3分12秒",
            "二维码",
            "唐一鸣",
            "tang_yiming",
            "0086-18923360107",
            "广州",
            "程序员",
            "朋友拉我来的",
            "线上分享",
            None,
            "tangym",
            "18923360107",
        ),
        (
            3,
            "2026-11-28 22:31:05",
            "林晓燕",
            "2分3秒",
            "链接",
            "林晓燕",
            "linxy_happy",
            "136 5241 7809",
            "深圳",
            "人力资源",
            "读书会的朋友都在，想一起做点有意思的事",
            "读书会",
            "期待线下见面",
            "linxy",
            "13652417809",
        ),
        (
            4,
            "2026-11-29 13:14:15",
            "匿名用户",
            "1分1秒",
            "链接",
            "高志远",
            None,
            "13828765501",
            "惠州",
            "销售",
            "想拓展人脉",
            "线下 meetup",
            None,
            "gaozy",
            "13828765501",
        ),
    ]
    submissions = []
    for serial, when, who, took, src, nm, wechat, phone, city, job, why, act, words, key, canon in data:
        row = sh.put([serial, when, who, took, src, nm, wechat, phone, city, job, why, act, words])
        if key in PEOPLE:
            seen(key, path.name, row, phone_as_written=phone, wechat_as_written=wechat)
        submissions.append(
            {
                "row": row,
                "applicant": nm,
                "submitted_at": when.replace(" ", "T"),
                "person": _clean({"name": nm, "wechat_id": wechat, "phone": canon, "city": city, "occupation": job}),
                "purpose": why,
                "answers": _clean({"所在城市": city, "职业": job, "你最想参加的活动": act, "想对群主说的话": words}),
            }
        )
    _save(wb, path)
    return {
        "kind": "applications",
        "outcome": "import",
        "sheet": "问卷数据",
        "header_row": header_row,
        "columns": {
            "序号": "meta",
            "提交时间": "submitted_at",
            "提交人": "meta (匿名用户, or the Feishu account: never the name)",
            "答题时长": "meta",
            "来源": "meta",
            "姓名": "name",
            "微信号": "wechat_id",
            "手机号": "phone",
            "所在城市": "city + answer",
            "职业": "occupation + answer",
            "为什么想加入社群？": "purpose",
            "你最想参加的活动": "answer",
            "想对群主说的话": "answer",
        },
        "not_person_columns": ["提交人"],
        "rows": [_row_entry(s) for s in submissions],
        "applicants": _merge_applicants(submissions),
        "warnings": [],
        "problems": [],
    }


def survey_no_person_question(path: Path) -> dict:
    """A 金数据 feedback survey after a hike: no question asks who you are."""
    wb, sh = _book("活动反馈")
    headers = [
        "序号",
        "本次徒步您的整体满意度",
        "您最喜欢哪个环节？",
        "下次希望去哪里？",
        "对领队有什么建议？",
        "提交人",
        "提交时间",
        "填写设备",
        "IP",
        "填写时长",
    ]
    header_row = sh.put(headers, font=BOLD, fill=GREEN)
    data = [
        (
            1,
            "非常满意",
            "山顶看日落",
            "七娘山",
            "集合时间可以再早一点",
            "山野老周",
            "2026-11-16 19:20:01",
            "手机",
            "14.155.23.71",
            "40秒",
        ),
        (2, "满意", "溪谷戏水", "梧桐山", None, None, "2026-11-16 20:02:47", "手机", "113.108.4.26", "1分3秒"),
        (
            3,
            "一般",
            "AA 聚餐",
            "大鹏半岛",
            "路线难度要提前说清楚",
            None,
            "2026-11-17 08:30:19",
            "电脑",
            "59.41.160.8",
            "2分20秒",
        ),
    ]
    for values in data:
        sh.put(list(values))
    _save(wb, path)
    return {
        "kind": "applications",
        "outcome": "refuse",
        "sheet": "活动反馈",
        "header_row": header_row,
        "refusal": {
            "what": "no_person_question",
            "message_should_say": "no question asks for the name, WeChat ID or phone (looked for 姓名/名字/称呼, 微信号, 手机/电话)",
            "must_mention": ["姓名", "微信号", "手机"],
            "not_a_name_column": "提交人",
        },
        "rows": [],
        "warnings": [],
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# 4. footer rows below the data
# --------------------------------------------------------------------------------------------------

READING_CLUB = ["linxy", "zhaolei", "wanglj", "liuyang", "chenjia", "huangjy", "yangfan", "zhouwj"]


def roster_footer_rows(path: Path) -> dict:
    wb, sh = _book("11月名单")
    headers = ["序号", "姓名", "微信号", "手机", "城市", "入群日期", "备注"]
    rows_out = []
    rows_out.append({"row": sh.title("悦读会 2026年11月成员名单", len(headers)), "skipped": "title"})
    header_row = sh.put(headers, font=BOLD, fill=GREY, border=BOX, align=CENTER)
    joined = [
        datetime(2025, 5, 10),
        datetime(2025, 6, 1),
        datetime(2025, 8, 15),
        datetime(2025, 9, 2),
        datetime(2025, 10, 20),
        datetime(2026, 11, 3),
        datetime(2026, 11, 12),
        datetime(2026, 11, 25),
    ]
    notes = {"zhaolei": "读书会发起人之一", "zhouwj": "问卷报名转正"}
    for number, (key, when) in enumerate(zip(READING_CLUB, joined, strict=True), start=1):
        p = PEOPLE[key]
        phone: object = int(p["phone"]) if key != "wanglj" else p["phone"]  # one typed as text
        new = when.year == 2026
        row = sh.put(
            [number, p["name"], p["wechat_id"], phone, p["city"], when, notes.get(key)],
            fill=YELLOW if new else None,
            border=BOX,
            formats={6: "yyyy/m/d"},
        )
        written = phone if isinstance(phone, str) else f"{phone} (int cell)"
        seen(key, path.name, row, phone_as_written=written, wechat_as_written=p["wechat_id"])
        rows_out.append(
            {
                "row": row,
                "person": _clean(
                    {
                        "name": p["name"],
                        "wechat_id": p["wechat_id"],
                        "phone": p["phone"],
                        "city": p["city"],
                        "joined_at": _iso(when),
                        "note": notes.get(key),
                    }
                ),
            }
        )
    total = sh.put(["合计：8人"], font=BOLD)
    sh.ws.merge_cells(start_row=total, start_column=1, end_row=total, end_column=len(headers))
    note = sh.put(["注：标黄为本月新成员"], font=Font(italic=True, color="808080"))
    sh.ws.merge_cells(start_row=note, start_column=1, end_row=note, end_column=len(headers))
    maker = sh.put([None, "制表人：王老师\u3000\u30002026年11月"])
    blank = sh.blank()
    sign = sh.put([None, None, None, None, "审核人签字：赵磊"])
    rows_out += [
        {"row": total, "skipped": "footer", "text": "合计：8人"},
        {"row": note, "skipped": "footer", "text": "注：标黄为本月新成员"},
        {"row": maker, "skipped": "footer", "text": "制表人：王老师\u3000\u30002026年11月", "column": "姓名"},
        {"row": blank, "skipped": "blank"},
        {
            "row": sign,
            "skipped": "footer",
            "text": "审核人签字：赵磊",
            "note": "a signature naming a member: not 赵磊's row",
        },
    ]
    sh.widths(6, 10, 20, 16, 8, 12, 20)
    _save(wb, path)
    return {
        "kind": "roster",
        "outcome": "import",
        "sheet": "11月名单",
        "header_row": header_row,
        "columns": {
            "序号": None,
            "姓名": "name",
            "微信号": "wechat_id",
            "手机": "phone",
            "城市": "city",
            "入群日期": "joined_at",
            "备注": "note",
        },
        "rows": rows_out,
        "skipped_rows_listed": [total, note, maker, blank, sign],
        "warnings": [],
        "problems": [],
    }


def roster_footer_wps_gbk(path: Path) -> dict:
    """WPS "另存为 CSV" (GBK): title line with trailing commas, an all-commas line, then footer lines."""
    badminton = [
        ("majf", "峰哥", "13826094417", "男", "周三场"),
        ("xiett", "婷婷", "+86 159 2005 3386", "女", None),
        ("dengk", "凯子", "0086-13711227745", "男", None),
        ("zengxl", "Lynn", "135 3008 6612", "女", "新手"),
        ("penghr", "浩然", "'13922150094", "男", None),
        ("suya", "苏苏", "136-3187-0425", "女", "周日场"),
    ]
    lines: list[list[str]] = [
        ["2026年秋季羽毛球群名单", "", "", "", "", ""],
        ["姓名", "群昵称", "手机", "性别", "城市", "备注"],
    ]
    rows_out = [{"row": 1, "skipped": "title"}]
    for key, gnick, phone, sex, note in badminton:
        p = PEOPLE[key]
        lines.append([p["name"], gnick, phone, sex, p["city"], note or ""])
        record = len(lines)
        canon = p["phone"]
        seen(key, path.name, record, phone_as_written=phone)
        rows_out.append(
            {
                "row": record,
                "person": _clean(
                    {
                        "name": p["name"],
                        "group_nickname": gnick,
                        "phone": canon,
                        "gender": {"男": "male", "女": "female"}[sex],
                        "city": p["city"],
                        "note": note,
                    }
                ),
            }
        )
    lines.append(["", "", "", "", "", ""])
    blank = len(lines)
    lines.append(["共 6 人", "", "", "", "", ""])
    total = len(lines)
    lines.append(["备注：手机号仅用于活动保险登记，请勿外传", "", "", "", "", ""])
    remark = len(lines)
    lines.append(["制表：羽球群管理组 2026.11.30", "", "", "", "", ""])
    maker = len(lines)
    rows_out += [
        {"row": blank, "skipped": "blank"},
        {"row": total, "skipped": "footer", "text": "共 6 人", "column": "姓名"},
        {"row": remark, "skipped": "footer", "text": "备注：手机号仅用于活动保险登记，请勿外传", "column": "姓名"},
        {"row": maker, "skipped": "footer", "text": "制表：羽球群管理组 2026.11.30", "column": "姓名"},
    ]
    path.write_bytes(_csv(lines).encode("gbk"))
    return {
        "kind": "roster",
        "outcome": "import",
        "sheet": None,
        "encoding": "gbk",
        "header_row": 2,
        "columns": {
            "姓名": "name",
            "群昵称": "group_nickname",
            "手机": "phone",
            "性别": "gender",
            "城市": "city",
            "备注": "note",
        },
        "rows": rows_out,
        "skipped_rows_listed": [blank, total, remark, maker],
        "warnings": [],
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# 5. merged cells down a column
# --------------------------------------------------------------------------------------------------


def roster_merged_blocks(path: Path) -> dict:
    wb, sh = _book("分组名单")
    headers = ["小组", "组长", "姓名", "微信号", "手机", "城市", "入群时间", "备注"]
    rows_out = [{"row": sh.title("线下读书会 · 分组名单", len(headers)), "skipped": "title"}]
    remark = sh.put(["说明：每组组长负责本组签到，名单有变动请联系赵磊"], font=Font(italic=True, color="808080"))
    rows_out.append({"row": remark, "skipped": "title", "note": "a note line above the header that names a member"})
    header_row = sh.put(headers, font=BOLD, fill=GREY, border=BOX, align=CENTER)
    ws = sh.ws
    d = datetime
    # (小组, 组长, person, 城市 cell, 入群时间 cell, 备注 cell) -- None under a merge anchor;
    # then what the row must get: (city, joined, note)
    table = [
        ("第一组", "赵磊", "zhaolei", "深圳", d(2025, 6, 1), "同一家公司", ("深圳", d(2025, 6, 1), "同一家公司")),
        (None, None, "linxy", None, None, None, ("深圳", d(2025, 6, 1), "同一家公司")),
        (None, None, "liuyang", None, None, None, ("深圳", d(2025, 6, 1), None)),
        ("第二组", "王丽娟", "wanglj", "广州", d(2025, 8, 15), None, ("广州", d(2025, 8, 15), None)),
        (None, None, "hejh", None, d(2025, 12, 6), None, ("广州", d(2025, 12, 6), None)),
        (None, None, "zhengyq", "东莞", d(2026, 1, 9), "周末才有空", ("东莞", d(2026, 1, 9), "周末才有空")),
        ("第三组", "陈佳", "chenjia", "东莞", d(2025, 10, 20), None, ("东莞", d(2025, 10, 20), None)),
        (None, None, "huangjy", None, d(2026, 11, 3), "11月新成员", ("东莞", d(2026, 11, 3), "11月新成员")),
        (None, None, "yangfan", None, d(2026, 11, 12), None, ("东莞", d(2026, 11, 12), "11月新成员")),
    ]
    first = sh.row + 1
    for group, leader, key, city, joined, note, (exp_city, exp_joined, exp_note) in table:
        p = PEOPLE[key]
        row = sh.put(
            [group, leader, p["name"], p["wechat_id"], int(p["phone"]), city, joined, note],
            border=BOX,
            formats={7: "yyyy-mm-dd"},
        )
        seen(key, path.name, row, phone_as_written=f"{p['phone']} (int cell)", wechat_as_written=p["wechat_id"])
        rows_out.append(
            {
                "row": row,
                "person": _clean(
                    {
                        "name": p["name"],
                        "wechat_id": p["wechat_id"],
                        "phone": p["phone"],
                        "city": exp_city,
                        "joined_at": _iso(exp_joined),
                        "note": exp_note,
                    }
                ),
            }
        )
    # merged ranges, relative to the first data row (offset, column, rows)
    merges = [
        (0, 1, 3),
        (0, 2, 3),
        (0, 6, 3),
        (0, 7, 3),
        (0, 8, 2),  # 第一组
        (3, 1, 3),
        (3, 2, 3),
        (3, 6, 2),  # 第二组
        (6, 1, 3),
        (6, 2, 3),
        (6, 6, 3),
        (7, 8, 2),
    ]  # 第三组
    for offset, col, size in merges:
        ws.merge_cells(start_row=first + offset, start_column=col, end_row=first + offset + size - 1, end_column=col)
        ws.cell(row=first + offset, column=col).alignment = CENTER
    sh.widths(8, 8, 10, 20, 14, 8, 12, 14)
    _save(wb, path)
    return {
        "kind": "roster",
        "outcome": "import",
        "sheet": "分组名单",
        "header_row": header_row,
        "columns": {
            "小组": None,
            "组长": None,
            "姓名": "name",
            "微信号": "wechat_id",
            "手机": "phone",
            "城市": "city",
            "入群时间": "joined_at",
            "备注": "note",
        },
        "merged_ranges": sorted(str(r) for r in ws.merged_cells.ranges),
        "rows": rows_out,
        "warnings": [],
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# 6. phones in many forms (the same people as the reading-club and badminton files)
# --------------------------------------------------------------------------------------------------


def roster_phone_forms(path: Path) -> dict:
    wb, sh = _book("通讯录")
    header_row = sh.put(["姓名", "手机号", "微信号", "备注"], font=BOLD)
    forms: list[tuple[str, object, str | None, str]] = [
        ("linxy", "+86 136 5241 7809", None, "+86 and spaces"),
        ("zhaolei", "(+86)13501238876", None, "(+86) in brackets"),
        ("wanglj", "0086-13925837710", None, "0086- prefix"),
        ("liuyang", "159-2003-4451", None, "dashes 3-4-4"),
        ("chenjia", "137 9845 2260", None, "spaces 3-4-4"),
        ("huangjy", 18820076634, None, "a number cell"),
        ("yangfan", 13425569981.0, None, "a number cell written as a float, shown with format 0"),
        ("zhouwj", "13926541873", "quote_prefix", "text with Excel's leading apostrophe (quotePrefix style)"),
        ("majf", "'13826094417", None, "a literal apostrophe character before the digits"),
        ("xiett", "１５９２００５３３８６", None, "full-width digits"),
        ("dengk", "86-137-1122-7745", None, "86- without plus"),
        ("zengxl", "135 3008 6612\u00a0", None, "a trailing no-break space"),
        ("penghr", "+86 139 2215 0094（微信同号）", None, "a remark in brackets after the number"),
    ]
    rows_out = []
    for key, value, style, how in forms:
        p = PEOPLE[key]
        row = sh.put([p["name"], value, None, None])  # 微信号 left empty: these rows match by phone only
        cell = sh.ws.cell(row=row, column=2)
        if isinstance(value, float):
            cell.number_format = "0"
        if style == "quote_prefix":
            cell.quotePrefix = True
        written = (
            value
            if isinstance(value, str)
            else f"{int(value)} (number cell" + (", format 0)" if isinstance(value, float) else ")")
        )
        seen(key, path.name, row, phone_as_written=written)
        rows_out.append({"row": row, "phone_form": how, "person": {"name": p["name"], "phone": p["phone"]}})
    landline = sh.put(["钟伟", "0755-8765 4321", None, "社区活动室电话"])
    rows_out.append(
        {
            "row": landline,
            "phone_form": "a Shenzhen landline with a space",
            "person": {"name": "钟伟", "phone": "075587654321", "note": "社区活动室电话"},
        }
    )
    sh.widths(10, 30, 20, 16)
    _save(wb, path)
    return {
        "kind": "roster",
        "outcome": "import",
        "sheet": "通讯录",
        "header_row": header_row,
        "columns": {"姓名": "name", "手机号": "phone", "微信号": "wechat_id", "备注": "note"},
        "rows": rows_out,
        "warnings": [],
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# 7. several sheets
# --------------------------------------------------------------------------------------------------


def workbook_three_sheets(path: Path) -> dict:
    wb = Workbook()
    guide = wb.active
    guide.title = "说明"
    lines = [
        "使用说明",
        "1. 本表由群助手每月导出，请勿修改第三个工作表的表头。",
        "2. 汇总表中的数字每月手工更新。",
        "3. 如有疑问请联系管理员小周。",
    ]
    for index, text in enumerate(lines, start=1):
        guide.cell(row=index, column=1, value=text).font = TITLE if index == 1 else Font()
    guide.column_dimensions["A"].width = 60
    summary = wb.create_sheet("汇总")
    for row in (["项目", "数量"], ["成员总数", 7], ["本月新增", 2], ["本月退群", 1]):
        summary.append(row)
    for cell in summary[1]:
        cell.font = BOLD
    detail = wb.create_sheet("成员明细")
    sh = Sheet(detail)
    headers = ["姓名", "昵称", "微信号", "手机", "性别", "城市", "入群时间", "标签"]
    title = sh.title("摄影群成员明细（2026-11）", len(headers))
    header_row = sh.put(headers, font=BOLD, fill=GREY, border=BOX)
    members = [
        ("郭子豪", "豪仔📷", "guozihao_cam", "13590418826", "男", "深圳", datetime(2025, 4, 2), "人像", None),
        ("韩梅", "梅子", "hanmei_1988", "13418805573", "女", "杭州", datetime(2025, 5, 19), "风光,人文", None),
        ("冯静", "静", "wxid_w2e3r4t5y6u7", "18926650139", "女", "深圳", datetime(2025, 6, 30), None, None),
        ("曹阳", "老树", "oldtree_photo", "13802294416", "男", "杭州", datetime(2025, 7, 7), "风光", "caoyang"),
        ("邹一凡", "一凡", "zouyifan_", "13662201857", "男", "广州", datetime(2025, 9, 9), "街拍", None),
        ("孙悦", "Sunny☀️", "sunyue_sunny", "13760024518", "女", "广州", datetime(2026, 11, 27), "新人", "sunyue"),
        ("彭丽", "丽丽", "pengli_pl", "15011902274", "女", "深圳", datetime(2026, 11, 28), "新人", None),
    ]
    rows_out = [{"row": title, "skipped": "title"}]
    for nm, nick, wid, phone, sex, city, joined, tags, key in members:
        row = sh.put([nm, nick, wid, phone, sex, city, joined, tags], border=BOX, formats={7: "yyyy-mm-dd"})
        if key:
            seen(key, path.name, row, phone_as_written=phone, wechat_as_written=wid)
        rows_out.append(
            {
                "row": row,
                "person": _clean(
                    {
                        "name": nm,
                        "nickname": nick,
                        "wechat_id": wid,
                        "phone": phone,
                        "gender": {"男": "male", "女": "female"}[sex],
                        "city": city,
                        "joined_at": _iso(joined),
                        "tags": (tags or "").split(",") if tags else None,
                    }
                ),
            }
        )
    sh.widths(10, 12, 20, 14, 6, 8, 12, 12)
    wb.active = 0  # the workbook opens on 说明
    _save(wb, path)
    return {
        "kind": "roster",
        "outcome": "import",
        "sheets_in_workbook": ["说明", "汇总", "成员明细"],
        "active_sheet": "说明",
        "sheet": "成员明细",
        "header_row": header_row,
        "columns": {
            "姓名": "name",
            "昵称": "nickname",
            "微信号": "wechat_id",
            "手机": "phone",
            "性别": "gender",
            "城市": "city",
            "入群时间": "joined_at",
            "标签": "tags",
        },
        "with_sheet_option": {
            "成员明细": "same as without --sheet",
            "汇总": {"outcome": "refuse", "what": "no_person_columns", "must_mention": ["汇总"]},
            "不存在": {"outcome": "refuse", "what": "no_such_sheet", "must_mention": ["说明", "汇总", "成员明细"]},
        },
        "rows": rows_out,
        "warnings": [],
        "problems": [],
    }


def workbook_two_tables(path: Path) -> dict:
    wb = Workbook()
    log = wb.active
    log.title = "活动记录"
    sh_log = Sheet(log)
    sh_log.put(["日期", "活动", "地点", "参加人数", "组织者", "备注"], font=BOLD, fill=GREY)
    for values in [
        (datetime(2026, 11, 5), "周三夜场", "天河体育中心", 12, "马俊峰", "AA 制"),
        (datetime(2026, 11, 12), "周三夜场", "天河体育中心", 10, "马俊峰", None),
        (datetime(2026, 11, 16), "周日双打赛", "越秀区体育馆", 16, "谢婷婷", "前三名有奖品"),
        (datetime(2026, 11, 26), "新手教学", "天河体育中心", 6, "曾晓琳", "带拍即可"),
    ]:
        sh_log.put(list(values), formats={1: "yyyy/m/d"})
    members = wb.create_sheet("成员")
    sh = Sheet(members)
    header_row = sh.put(["姓名", "微信号", "手机", "城市", "入群时间"], font=BOLD, fill=GREY)
    people = [
        ("majf", None, datetime(2025, 9, 1)),
        ("xiett", "tingting_badminton", datetime(2025, 9, 3)),
        ("dengk", None, datetime(2025, 10, 11)),
        (None, ("罗敏", "luomin_99", "13533057781", "广州"), datetime(2026, 11, 5)),
        (None, ("叶志诚", "ye_zhicheng", "18565402236", "广州"), datetime(2026, 11, 16)),
    ]
    rows_out = []
    for key, extra, joined in people:
        if key:
            p = PEOPLE[key]
            nm, wid, phone, city = p["name"], extra, p["phone"], p["city"]
        else:
            nm, wid, phone, city = extra
        row = sh.put([nm, wid, int(phone), city, joined], formats={5: "yyyy-mm-dd"})
        if key:
            seen(key, path.name, row, phone_as_written=f"{phone} (int cell)")
        rows_out.append(
            {
                "row": row,
                "person": _clean(
                    {"name": nm, "wechat_id": wid, "phone": phone, "city": city, "joined_at": _iso(joined)}
                ),
            }
        )
    wb.active = 0
    _save(wb, path)
    return {
        "kind": "roster",
        "outcome": "import",
        "sheets_in_workbook": ["活动记录", "成员"],
        "active_sheet": "活动记录",
        "sheet": "成员",
        "why": "活动记录 is a table too (6 text headers, 4 rows) but has no name, WeChat ID or phone column",
        "header_row": header_row,
        "columns": {"姓名": "name", "微信号": "wechat_id", "手机": "phone", "城市": "city", "入群时间": "joined_at"},
        "with_sheet_option": {
            "成员": "same as without --sheet",
            "活动记录": {"outcome": "refuse", "what": "no_person_columns", "must_mention": ["活动记录"]},
        },
        "rows": rows_out,
        "warnings": [],
        "problems": [],
    }


def workbook_no_table(path: Path) -> dict:
    wb = Workbook()
    cover = wb.active
    cover.title = "封面"
    cover["A1"] = "2026 年度社群运营报告"
    cover["A1"].font = Font(bold=True, size=20)
    cover["A3"] = "编制：运营组"
    cover["A4"] = "日期：2026年11月30日"
    guide = wb.create_sheet("说明")
    for index, text in enumerate(
        ["本报告统计三个社群全年的新增、退群和活动情况。", "成员名单请向管理员索取，本文件不含个人信息。"], start=1
    ):
        guide.cell(row=index, column=1, value=text)
    stats = wb.create_sheet("统计")
    stats.append(["月份", "新增", "退群", "活动场次"])
    for month, new, left, events in ((9, 12, 3, 4), (10, 8, 1, 5), (11, 15, 2, 6)):
        stats.append([f"{month}月", new, left, events])
    wb.active = 0
    _save(wb, path)
    return {
        "kind": "roster",
        "outcome": "refuse",
        "sheets_in_workbook": ["封面", "说明", "统计"],
        "sheet": None,
        "refusal": {
            "what": "no_table",
            "message_should_say": "no sheet has a table with a name, WeChat ID or phone column; sheets read: 封面、说明、统计",
            "sheets_read": ["封面", "说明", "统计"],
            "must_mention": ["封面", "说明", "统计"],
        },
        "rows": [],
        "warnings": [],
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# 8. several problems in one row; a GBK CSV with bad bytes
# --------------------------------------------------------------------------------------------------


def roster_many_problems(path: Path) -> dict:
    wb, sh = _book("名单")
    headers = ["姓名", "微信号", "手机", "入群时间", "推荐人", "状态"]
    header_row = sh.put(headers, font=BOLD)
    rows_out = []
    r = sh.put(["方志伟", "fangzhiwei", 13760318842, datetime(2025, 4, 1), None, "已入群"], formats={4: "yyyy-mm-dd"})
    rows_out.append(
        {
            "row": r,
            "person": {
                "name": "方志伟",
                "wechat_id": "fangzhiwei",
                "phone": "13760318842",
                "joined_at": "2025-04-01",
                "status": "active",
            },
        }
    )
    r = sh.put([None, "wxid_7y6t5r4e3w2q", 13802567731, datetime(2025, 5, 12), "老方", None], formats={4: "yyyy-mm-dd"})
    rows_out.append(
        {
            "row": r,
            "problems": [
                {"row": r, "column": "姓名", "what": "name_missing"},
                {"row": r, "column": "推荐人", "what": "referrer_not_found", "value": "老方"},
            ],
        }
    )
    r = sh.put(["蒋欣", "jiangxin_x", "1380256773", "2026/13/45", "方志伟", None])
    rows_out.append(
        {
            "row": r,
            "problems": [
                {"row": r, "column": "手机", "what": "phone_invalid", "value": "1380256773"},
                {"row": r, "column": "入群时间", "what": "date_invalid", "value": "2026/13/45"},
            ],
        }
    )
    r = sh.put(["钟华", "zhonghua_h", "13622840096 / 13509871124", "下周三", None, "潜水"])
    rows_out.append(
        {
            "row": r,
            "problems": [
                {"row": r, "column": "手机", "what": "phone_several_numbers", "value": "13622840096 / 13509871124"},
                {"row": r, "column": "入群时间", "what": "date_not_a_date", "value": "下周三"},
                {"row": r, "column": "状态", "what": "status_unknown", "value": "潜水"},
            ],
        }
    )
    r = sh.put(["任雪", "renxue_snow", "1.3826E+10", "2062/11/3", "蒋欣", "已入群"])
    rows_out.append(
        {
            "row": r,
            "problems": [
                {"row": r, "column": "手机", "what": "phone_scientific_notation", "value": "1.3826E+10"},
                {"row": r, "column": "入群时间", "what": "date_in_future", "value": "2062/11/3"},
            ],
            "note": "推荐人 蒋欣 is row 4 of this file: not a problem even though row 4 has problems",
        }
    )
    r = sh.put(["许文博", "xuwenbo", 13922871046, datetime(2025, 7, 19), "许文博", None], formats={4: "yyyy-mm-dd"})
    rows_out.append(
        {"row": r, "problems": [{"row": r, "column": "推荐人", "what": "referrer_is_self", "value": "许文博"}]}
    )
    _save(wb, path)
    problems = [p for entry in rows_out for p in entry.get("problems", [])]
    return {
        "kind": "roster",
        "outcome": "problems",
        "sheet": "名单",
        "header_row": header_row,
        "columns": {
            "姓名": "name",
            "微信号": "wechat_id",
            "手机": "phone",
            "入群时间": "joined_at",
            "推荐人": "referrer",
            "状态": "status",
        },
        "rows": rows_out,
        "warnings": [],
        "problems": problems,
        "problem_count": len(problems),
    }


def roster_gbk_badbytes(path: Path) -> dict:
    lines = [
        "姓名,微信号,手机,城市,备注",
        "欧阳明,ouyangming,13570281163,广州,",
        "司马婉清,simawq,13660725519,广州,",
        "诸葛亮亮,zgll_2000,13822496631,深圳,",
        "上官雪\x00儿,sgxueer,13926637702,深圳,从旧系统导出时有一个坏字节",
        "慕容云,murongyun,13719564430,佛山,",
        "端木蓉,duanmurong,15817720093,深圳,",
    ]
    bad_line = 5
    data = b""
    for line in lines:
        before, sep, after = line.partition("\x00")  # \x00 marks where the damaged byte goes
        data += before.encode("gbk") + (b"\xff" + after.encode("gbk") if sep else b"") + b"\r\n"
    path.write_bytes(data)
    try:
        data.decode("gb18030")
    except UnicodeDecodeError as exc:
        assert data.count(b"\n", 0, exc.start) + 1 == bad_line, "the bad byte must be on line 5"
    else:  # pragma: no cover - the generator checks its own file
        raise AssertionError("the GBK file must not decode")
    return {
        "kind": "roster",
        "outcome": "refuse",
        "sheet": None,
        "encoding": "gbk, with one byte 0xFF that no Chinese encoding has",
        "refusal": {
            "what": "undecodable_bytes",
            "line": bad_line,
            "message_should_say": "line 5 has bytes that are neither GBK nor UTF-8 (the file may be damaged)",
            "must_mention": ["5"],
        },
        "rows": [],
        "warnings": [],
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# 9. status changes (an assistant's import must refuse these rows)
# --------------------------------------------------------------------------------------------------


def roster_status_changes(path: Path) -> dict:
    wb, sh = _book("成员变动")
    headers = ["姓名", "群昵称", "微信号", "手机", "状态", "变动日期", "备注"]
    header_row = sh.put(headers, font=BOLD, fill=GREY)
    data = [
        ("zhaolei", "磊哥", "在群", None, None, "active"),
        ("wanglj", "娟子", "已退群", datetime(2026, 10, 8), "工作忙，主动退群", "left"),
        ("liuyang", "洋洋", "已移除", datetime(2026, 11, 2), "多次发广告", "removed"),
        (None, "💰钱多多-理财", "黑名单", datetime(2026, 11, 15), "私加群友推销理财", "blacklisted"),
        ("chenjia", "佳佳", "已入群", None, None, "active"),
        ("huangjy", "静怡", "已退群（主动）", datetime(2026, 11, 20), None, "left"),
        ("yangfan", "帆帆", "拉黑", datetime(2026, 11, 21), "辱骂群友", "blacklisted"),
    ]
    rows_out = []
    refused = []
    for key, gnick, status, when, note, code in data:
        if key:
            p = PEOPLE[key]
            nm, wid, phone = p["name"], p["wechat_id"], p["phone"]
        else:
            nm, wid, phone = "钱多多", "qdd_money888", "13055556789"
        row = sh.put(
            [nm, gnick, wid, phone, status, when, note],
            formats={6: "yyyy-mm-dd"},
            fill=PatternFill("solid", fgColor="F8CBAD") if code != "active" else None,
        )
        if key:
            seen(key, path.name, row, phone_as_written=phone, wechat_as_written=wid)
        rows_out.append(
            {
                "row": row,
                "person": _clean(
                    {
                        "name": nm,
                        "group_nickname": gnick,
                        "wechat_id": wid,
                        "phone": phone,
                        "status": code,
                        "note": note,
                        # 变动日期 is the day of the status: a leaving's date (imports once took "today")
                        "left_at": when.date().isoformat() if when and code != "active" else None,
                    }
                ),
            }
        )
        if code != "active":
            refused.append(row)
    _save(wb, path)
    return {
        "kind": "roster",
        "outcome": "import",
        "sheet": "成员变动",
        "header_row": header_row,
        "columns": {
            "姓名": "name",
            "群昵称": "group_nickname",
            "微信号": "wechat_id",
            "手机": "phone",
            "状态": "status",
            "变动日期": "status_date",
            "备注": "note",
        },
        "rows": rows_out,
        "assistant_refuses_rows": refused,
        "assistant_imports_rows": [r["row"] for r in rows_out if r["row"] not in refused],
        "owner_or_admin": "imports every row with the status shown",
        "warnings": [],
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# hostile files
# --------------------------------------------------------------------------------------------------


def _raw_deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    return c.compress(data) + c.flush()


def _write_zip(path: Path, entries: list[tuple[str, bytes, int, int]]) -> None:
    """entries: (name, raw deflate data, crc32, uncompressed size); fixed timestamps, no zip64."""
    dos_time = (_ZIP_TIME[3] << 11) | (_ZIP_TIME[4] << 5) | (_ZIP_TIME[5] // 2)
    dos_date = ((_ZIP_TIME[0] - 1980) << 9) | (_ZIP_TIME[1] << 5) | _ZIP_TIME[2]
    out = io.BytesIO()
    central = []
    for name, data, crc, size in entries:
        raw_name = name.encode("ascii")
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, dos_time, dos_date, crc, len(data), size, len(raw_name), 0
            )
        )
        out.write(raw_name)
        out.write(data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                0x0314,
                20,
                0,
                8,
                dos_time,
                dos_date,
                crc,
                len(data),
                size,
                len(raw_name),
                0,
                0,
                0,
                0,
                0o644 << 16,
                offset,
            )
            + raw_name
        )
    start = out.tell()
    for record in central:
        out.write(record)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, start, 0))
    path.write_bytes(out.getvalue())


def _template_parts() -> dict[str, bytes]:
    wb = Workbook()
    ws = wb.active
    ws.title = "成员"
    ws.append(["姓名", "手机"])
    ws.append(["张三", "13800000000"])
    wb.properties.creator = "QunDesk tests"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    parts = {}
    with zipfile.ZipFile(buffer) as src:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2026-01-01T00:00:00Z\2", data
                )
            parts[info.filename] = data
    return parts


BOMB_SIZE = 1_200_000_000  # bytes of sheet XML once inflated: over 1 GiB (1,073,741,824)


def hostile_zip_bomb(path: Path) -> dict:
    parts = _template_parts()
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1:B1048576"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>手机</t></is></c></row>'
    ).encode()
    # one row whose name cell holds 256 KiB of the same character; repeated, it deflates ~1000:1
    unit = b'<row><c t="inlineStr"><is><t>' + "哈".encode() * 87381 + b"</t></is></c></row>"
    chunk = unit * 32  # ~8 MiB, compressed once
    tail = b"</sheetData></worksheet>"
    repeats = (BOMB_SIZE - len(head) - len(tail)) // len(chunk) + 1
    head_piece = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    head_bytes = head_piece.compress(head) + head_piece.flush(zlib.Z_FULL_FLUSH)
    body = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    piece = body.compress(chunk) + body.flush(zlib.Z_FULL_FLUSH)
    tail_piece = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    tail_bytes = tail_piece.compress(tail) + tail_piece.flush(zlib.Z_FINISH)
    sheet_data = head_bytes + piece * repeats + tail_bytes
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * repeats + len(tail)
    assert size > 1 << 30 and size < 1 << 32
    entries = []
    for name, data in parts.items():
        if name == "xl/worksheets/sheet1.xml":
            entries.append((name, sheet_data, crc, size))
        else:
            entries.append((name, _raw_deflate(data), zlib.crc32(data), len(data)))
    _write_zip(path, entries)
    assert path.stat().st_size < 3 * 1024 * 1024
    return {
        "kind": "roster",
        "outcome": "refuse",
        "hostile": True,
        "sheet": None,
        "file_size_bytes": path.stat().st_size,
        "declared_uncompressed_bytes": {"xl/worksheets/sheet1.xml": size},
        "refusal": {
            "what": "too_large_when_unpacked",
            "max_seconds": 5,
            "max_extra_memory_mb": 300,
            "message_should_say": "the sheet would unpack to over 1 GB (a damaged or malicious file); nothing was imported",
            "must_not": "inflate the sheet, parse its rows or hold them in memory; the zip directory already declares the size",
        },
        "rows": [],
        "warnings": [],
        "problems": [],
    }


def hostile_billion_laughs(path: Path) -> dict:
    parts = _template_parts()
    entities = ['<!ENTITY lol0 "哈哈哈哈哈哈哈哈哈哈">']
    for level in range(1, 10):
        entities.append(f'<!ENTITY lol{level} "' + f"&lol{level - 1};" * 10 + '">')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        "<!DOCTYPE worksheet [\n" + "\n".join(entities) + "\n]>\n"
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B2"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>手机</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c><c r="B2" t="inlineStr"><is><t>13800000000</t></is></c></row>'
        "</sheetData></worksheet>"
    ).encode("utf-8")
    assert "xl/worksheets/sheet1.xml" in parts
    parts["xl/worksheets/sheet1.xml"] = sheet
    entries = [(name, _raw_deflate(data), zlib.crc32(data), len(data)) for name, data in parts.items()]
    _write_zip(path, entries)
    return {
        "kind": "roster",
        "outcome": "refuse",
        "hostile": True,
        "sheet": None,
        "file_size_bytes": path.stat().st_size,
        "refusal": {
            "what": "xml_entity_expansion",
            "max_seconds": 5,
            "max_extra_memory_mb": 300,
            "message_should_say": "the file is damaged or unsafe (its sheet XML declares nested entities); nothing was imported",
            "expands_to": "10**10 characters (about 30 GB) if entities were expanded",
        },
        "rows": [],
        "warnings": [],
        "problems": [],
    }


# --------------------------------------------------------------------------------------------------
# the corpus
# --------------------------------------------------------------------------------------------------

# file name -> (builder, what it imitates, what it tests)
CORPUS: dict[str, tuple] = {
    "wx_members_weiyou.xlsx": (
        wx_members_weiyou,
        "a 微友助手-style export of a WeChat hiking group (title, export line, 序号/群昵称/微信昵称/微信号/性别/地区/入群时间/邀请人/备注)",
        "no 姓名 column: name = 群昵称 else 微信昵称 (a blank 群昵称 of one ideographic space falls back); 地区 → city; 邀请人 by 群昵称, 微信昵称 or 微信号; unknown inviter → warning",
    ),
    "wx_members_wetool.csv": (
        wx_members_wetool,
        "a WeTool-style CSV (UTF-8 BOM, CRLF) with both 微信ID (wxid) and 微信号, country/province/city columns and 入群方式",
        "two WeChat-ID columns (微信号 wins, wxid when empty); an inviter written as a wxid; an inviter matching two WeChat nicknames → ambiguous warning; unknown inviter → warning",
    ),
    "wx_members_xiaou.xlsx": (
        wx_members_xiaou,
        "a 小U管家-style member list (头像 URL, 成员昵称, 群内昵称, 邀请者, 发言数, 最后发言, 标签) with real date cells",
        "header synonyms 群内昵称/邀请者; inviter by WeChat nickname whose row has a group nickname; tags; the same WeChat ID as 曹阳 in workbook_three_sheets.xlsx",
    ),
    "survey_wjx_resubmit.xlsx": (
        survey_wjx_resubmit,
        "a 问卷星 export sorted newest first in which three people submitted twice",
        "one applicant per person (same WeChat ID in another case, or same phone written differently); latest by submission time, not by row; skipped answers do not erase earlier ones; history kept",
    ),
    "survey_jinshuju.xlsx": (
        survey_jinshuju,
        "a 金数据 export: 序号, unnumbered fields, then 提交人/提交时间/修改时间/微信昵称/微信性别/微信国家/微信省市/微信OpenID/微信头像/填写设备/操作系统/浏览器/填写地区/IP/填写时长/来源渠道",
        "questions recognised by text; 微信OpenID/微信头像/微信性别/微信省市 are not the WeChat ID; 提交人 is not the name; a resubmission with 0086 phone and upper-case WeChat ID",
    ),
    "survey_mikecrm.xlsx": (
        survey_mikecrm,
        "a 麦客 (mikecrm) feedback export with a title line, 编号, short labels (姓名/手机/微信) and 填写人/提交时间/IP/地理位置/填写设备/来源渠道/填写时长",
        "a bare 微信 label is the WeChat ID; 紧急联系人电话 is an answer, never the person's phone; (+86) phones; 填写人 is not the name",
    ),
    "survey_txdocs_collect.xlsx": (
        survey_txdocs_collect,
        "a 腾讯文档收集表 results sheet: 提交者 (the submitting account, e.g. 微信用户), 提交时间 as date cells, then the questions",
        "提交者 is never the name; occupation question; a resubmission with a new occupation and answers",
    ),
    "survey_feishu.xlsx": (
        survey_feishu,
        "a 飞书问卷 export: 序号, 提交时间, 提交人 (匿名用户), 答题时长, 来源, then the questions",
        "short question texts (姓名/微信号/手机号); 0086- and +86 phones; an applicant who is already a member elsewhere (林晓燕)",
    ),
    "survey_no_person_question.xlsx": (
        survey_no_person_question,
        "a 金数据 satisfaction survey after a hike, exported and imported by mistake",
        "no name/WeChat/phone question: refused, naming what was looked for; 提交人 does not count as a name",
    ),
    "roster_footer_rows.xlsx": (
        roster_footer_rows,
        "a hand-kept monthly roster with new members highlighted in yellow and the usual footer",
        "合计：8人, 注：…, 制表人：… (in the 姓名 column), a blank line and a signature naming a member are skipped and listed as skipped",
    ),
    "roster_footer_wps_gbk.csv": (
        roster_footer_wps_gbk,
        "a WPS 另存为 CSV (GBK) badminton list: title with trailing commas, an all-commas line, then 共 6 人 / 备注：… / 制表：…",
        "footer lines in the 姓名 column skipped; phones as +86, 0086-, spaces, dashes and a literal leading apostrophe",
    ),
    "roster_merged_blocks.xlsx": (
        roster_merged_blocks,
        "a grouping sheet for a reading club: 小组/组长 merged over each group, 城市/入群时间/备注 merged over 2-3 rows",
        "every row of a merged block gets the block's value (text and date cells); a block shorter than the group",
    ),
    "roster_phone_forms.xlsx": (
        roster_phone_forms,
        "an address book where each phone is written its own way",
        "(+86), +86 with spaces, 0086-, 86-, dashes, spaces, number cells, float cells, quotePrefix text, a literal apostrophe, full-width digits, a no-break space, a bracketed remark, a landline; each is the same person as in the other files",
    ),
    "workbook_three_sheets.xlsx": (
        workbook_three_sheets,
        "a monthly workbook: 说明 (opens first), 汇总 with a few numbers, and the member table on the third sheet",
        "the table sheet is found although the workbook opens on 说明; --sheet 汇总 is refused",
    ),
    "workbook_two_tables.xlsx": (
        workbook_two_tables,
        "a badminton workbook whose first sheet is an activity log table and second the member list",
        "of two tables, the one with person columns is chosen; --sheet 活动记录 is refused",
    ),
    "workbook_no_table.xlsx": (
        workbook_no_table,
        "an annual report workbook (封面, 说明, 统计) picked by mistake",
        "refused, listing the sheets read",
    ),
    "roster_many_problems.xlsx": (
        roster_many_problems,
        "a roster typed by hand in a hurry",
        "every problem of a row is reported (no name + unknown referrer; bad date + bad phone; two numbers + not-a-date + unknown status; scientific phone + future date; self-referral)",
    ),
    "roster_gbk_badbytes.csv": (
        roster_gbk_badbytes,
        "a GBK CSV from an old system with one damaged byte",
        "refused with the line number of the bad byte (line 5)",
    ),
    "roster_status_changes.xlsx": (
        roster_status_changes,
        "a 成员变动 sheet listing who left, was removed or blacklisted this month",
        "status words (在群, 已退群, 已退群（主动）, 已移除, 黑名单, 拉黑); an assistant's import refuses the gone rows; 变动日期 dates each leaving",
    ),
    "hostile_zip_bomb.xlsx": (
        hostile_zip_bomb,
        "a malicious .xlsx: a small file whose sheet XML declares and inflates to 1.2 GB",
        "refused within seconds without inflating the sheet",
    ),
    "hostile_billion_laughs.xlsx": (
        hostile_billion_laughs,
        "a malicious .xlsx whose sheet XML declares nested XML entities (billion laughs)",
        "refused within seconds with bounded memory",
    ),
}

DECISIONS = """\
## Decisions (where the expected behaviour was open)

- **Group-tool exports (微友助手/WeTool/小U管家)**: name = 群昵称 (群内昵称) when it has visible text, else
  微信昵称 (成员昵称/昵称). A 群昵称 made only of spaces (people set "　" to look blank) counts as empty.
  Both nicknames are kept: nickname = 微信昵称, group_nickname = 群昵称.
- **邀请人 / 邀请者** in a group-tool export is matched, in order, by 微信号 or 微信ID (a tool may write the
  inviter's wxid), then by 群昵称, then by 微信昵称, among the rows of the same file (and the group's people).
  One match → referrer. No match → a *warning* in the preview (the inviter may have left the group), the
  row still imports without a referrer. Several matches (two members whose WeChat nickname is 小雨) →
  a warning "ambiguous", no referrer. This differs on purpose from a hand-written 推荐人 column in an
  ordinary roster (roster_many_problems.xlsx), where an unknown referrer stays a *problem*: there the
  organiser asserted it.
- **Two WeChat-ID columns** (WeTool: 微信ID = wxid_…, 微信号 = the custom ID): wechat_id = 微信号 when set,
  else the wxid. Reason: surveys and people quote the custom ID. The wxid still matches inviters.
- **地区 "省 市"** (WeChat's region): city = the 市 part ("广东 深圳" → 深圳); for 北京/上海/天津/重庆, shown
  with a district second ("北京 朝阳"), the municipality; a region outside mainland China is kept as
  written ("美国 加利福尼亚"). Separate 国家/省份/城市 columns: city = 城市 only.
- **Survey metadata columns** (序号, 编号, 提交时间, 修改时间, 提交人, 提交者, 填写人, 填写设备, 操作系统, 浏览器,
  填写地区, IP, 地理位置, 填写时长, 答题时长, 来源, 来源渠道, 微信OpenID, 微信头像, 微信性别, 微信国家, 微信省市) are
  neither answers nor person fields. 提交人/提交者/填写人 is the *account that filled in the form* (often
  匿名用户, 微信用户, or a helper such as 跑团助理小何): never the applicant's name. The one exception is
  金数据's **微信昵称** (the respondent's WeChat-authorised nickname), which becomes the nickname.
  Submission time = 提交时间 (提交答卷时间 for 问卷星); 修改时间 is ignored.
- **Person questions are found by their text** whatever the tool and with or without numbers:
  name 姓名/名字/称呼; WeChat ID 微信号/微信ID/微信 alone (not 微信昵称, 微信OpenID, 微信头像 …); phone
  手机/电话 — but a question about *someone else's* number (紧急联系人电话) is an answer, never the phone;
  purpose: why/目的/原因 + 加入/入群/本群/社群. City, gender and occupation questions fill those fields and
  stay answers too (as the product already does).
- **Answers** are keyed by the question text as in the header, without a leading number ("1、", "Q1.") and
  without a type tag ("[多选题]"); values are the text as written (multi-select separators ┋, "、", "," or
  line breaks kept). 问卷星's (跳过)/(空) mean no answer and are left out.
- **The same applicant twice** (same WeChat ID ignoring case, or the same canonical phone): one applicant.
  Fields and answers of the submission with the latest *submission time* win (not the lowest row: the
  wjx file is newest first); an answer left empty in the latest submission does not erase the earlier
  one. applied_at = the first submission time. Every earlier submission is kept in history. The file is
  not refused for it.
- **Footer rows**: after the last data row, a row is a footer when it has text in at most two cells and
  that text is a label (合计/共 N 人/注：/备注：/制表/审核/签字/签名, or "xxx：yyy"), wherever the column
  (制表人：… sits in the 姓名 column). A blank row there is skipped too. Footers are listed as skipped
  with their text; "审核人签字：赵磊" is not 赵磊. Rows above the header are listed as skipped "title".
- **Merged cells in data rows**: every row of a merged range gets the anchor's value (text or date).
  小组/组长 are not person fields and are ignored, like every unknown roster column.
- **Phones**: mainland mobiles come back as 11 digits whatever the form: (+86), +86, 0086, 86-, spaces,
  dashes, number and float cells, quotePrefix text, a literal apostrophe (the CSV/WPS leftover),
  full-width digits, a no-break space, and a bracketed remark after the number ("（微信同号）" is dropped,
  it is not a second number). Landlines are stored as the member dialog stores them: digits only
  (0755 87654321 → 075587654321). Two numbers in one cell stay a problem.
- **Sheets**: without --sheet, the sheet whose table has a recognisable person column (name, WeChat
  ID or phone) is used, whatever sheet the workbook opens on; a table without one (活动记录, 汇总) is
  not chosen, and asking for it with --sheet is refused. When no sheet has such a table, the refusal
  lists every sheet read.
- **Status words**: a bracketed remark is ignored ("已退群（主动）" = 已退群); 拉黑 = 黑名单, 在群 = 已入群.
  An assistant's import refuses the rows whose status is 已退群/已移除/黑名单 (assistant_refuses_rows);
  other rows of the same file are still listed as importable.
- **Dates**: nothing in these files is after 2026-12-01 except the deliberate typo 2062/11/3.
- **Hostile files**: refused within 5 seconds without inflating more than a bounded amount, checked from
  the zip directory's declared sizes (zip bomb) or by a parser that refuses entity expansion.
- **Layouts of the survey tools** were written from how these tools' exports look (column names and
  order); the corpora at hand had no authoritative sample of 金数据/麦客/腾讯文档/飞书 exports, so the
  files imitate the conventions rather than copy a real export byte for byte.
"""


def build(out: Path = HERE) -> list[Path]:
    files = out / "files"
    files.mkdir(parents=True, exist_ok=True)
    APPEARANCES.clear()
    expected_files: dict[str, dict] = {}
    for filename, (builder, imitates, tests) in CORPUS.items():
        expectation = builder(files / filename)
        expected_files[filename] = {"imitates": imitates, "tests": tests, **expectation}
    expected = {
        "about": "What a correct import of each file in files/ must give. Written by make_files.py; do not edit by hand.",
        "conventions": {
            "row": "the row number as Excel shows it (the header row counts); for CSV the record number, which is the line number here",
            "header_row": "the Excel row (or CSV record) of the header",
            "person": "every person field the row gives after import; a field not listed is empty",
            "phone": "as stored: 11 digits for a mainland mobile, digits only for a landline (075587654321; the app stores every phone digits-only, desktop/services/roster.normalise_phone)",
            "gender": "male / female (未知 gives nothing)",
            "joined_at": "ISO date, or date-time when the file has a time",
            "referrer": "the referrer's name (display name) as imported",
            "skipped": "title (above the header), blank, or footer (below the data); footers are listed as skipped in the preview",
            "outcome": "import | import_with_warnings | problems (every problem listed, nothing imported) | refuse (the file is refused)",
            "applications": "rows = each submission as read; applicants = one per person after merging resubmissions",
            "columns": "header → field; null = not imported; meta = survey-tool metadata (neither person field nor answer)",
            "answers": "question → answer; the key is the header text exactly as written in the file (full-width ？ kept) without a leading number or a [多选题] tag; an unanswered question is left out",
            "warnings": "shown in the preview; the row still imports",
            "problems": "every one is listed; nothing is imported while any remains (what = a stable code, value = the cell as written)",
            "same_person_across_files": "rows of different files that are one person (same canonical phone or WeChat ID, case-insensitive); importing the files one after the other into one workspace must not create a second person",
        },
        "files": expected_files,
        "same_person_across_files": same_person_across_files(),
    }
    (out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    readme = [
        "# Real-world import corpus",
        "",
        "Files that group organisers really have and that QunDesk's importer did not handle when this corpus was",
        "written. `make_files.py` writes `files/`, `expected.json` and this README; re-running it gives identical",
        "bytes. `expected.json` says, file by file, what a correct import gives (sheet, header row, each row's",
        "person or skip reason or problems, warnings, refusals, survey answers and resubmission history) and, in",
        "`same_person_across_files`, which rows of different files are one person although their phones or",
        "WeChat IDs are written differently. Regenerate with:",
        "",
        "    .venv/bin/python tests/data/import_real/make_files.py",
        "",
        "## Files",
        "",
    ]
    for filename, (_builder, imitates, tests) in CORPUS.items():
        readme.append(f"- `{filename}` — imitates {imitates}; tests {tests}.")
    readme += ["", DECISIONS]
    (out / "README.md").write_text("\n".join(readme), encoding="utf-8")
    return sorted(p for p in files.iterdir() if p.is_file()) + [out / "expected.json", out / "README.md"]


if __name__ == "__main__":
    for written in build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(written)
