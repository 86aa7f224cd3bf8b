"""Defects found by the seventh import probe: files from the tools people use in 2026 — Google Forms, Microsoft Forms,
Typeform, Excel Tables with a totals row, CSV files put together from two programs. Values are read back from the
database; every test pins its own day."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.io.fields import ImportProblem
from desktop.services.imports import run_import
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
