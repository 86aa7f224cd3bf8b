"""The tenth survey-import probe ("survey3"): entry-application exports as organisers really get them — 问卷星 by option
text and by option number, multi-blank and split multi-choice questions, 腾讯问卷, 金数据, 飞书, Google Forms in
English, corrected resubmissions and phones written every way — read through run_import and the CLI into a real
SQLite workspace (.xlsx, and .csv in UTF-8 with BOM and in GBK) and read back."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.services.imports import run_import
from desktop.workspace import actor_for
from models import Member, Membership

GROUP = "晨读营"
TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """The day these files were exported: every submission in them is before it."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def db(sqlite_workspace):
    return sqlite_workspace


def imp(database, path, **kw):
    return run_import(database, actor_for(database), path, GROUP, "applications", **kw)


def write(path: Path, rows: list[list[object]]) -> Path:
    """The rows as the file its name says: .xlsx, or .csv in GBK when the name says so, else UTF-8 with BOM."""
    if path.suffix == ".xlsx":
        wb = Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(path)
        return path
    with path.open("w", encoding="gbk" if "gbk" in path.name else "utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def applicants(database) -> dict[str, tuple]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Member.wechat_id, Member.phone, Member.note, Membership.status).join(
                Membership, Membership.member_id == Member.id
            )
        ).all()
    return {name: (wechat, phone, note, status) for name, wechat, phone, note, status in rows}


WJX = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]


@pytest.mark.parametrize("name", ["multi_blank.xlsx", "multi_blank.csv", "multi_blank_gbk.csv"])
def test_a_multi_blank_question_asking_name_wechat_and_phone_gives_the_applicant(db, tmp_path, name):
    """问卷星's 多项填空 asks 姓名, 微信号 and 手机 in one question: the export has a column per blank,
    "1、请填写以下信息(姓名)" …, like a multi-choice question split over columns. Every such column was taken for a
    ticked option, so the export had "no question asking for the name, WeChat ID or phone" and was refused whole.
    A blank whose bracket asks for the name, WeChat ID or phone, and whose answers fit, is that field now; an option
    ticked 1/0 — "2、您常用的联系方式(手机)" — never is."""
    path = write(
        tmp_path / name,
        [
            [*WJX, "1、请填写以下信息(姓名)", "1、请填写以下信息(微信号)", "1、请填写以下信息(手机)",
             "2、您常用的联系方式(微信)", "2、您常用的联系方式(手机)", "总分"],
            [1, "2026/11/18 9:31:02", "125秒", "微信", "N/A", "1.2.3.4(北京-北京)", "张三", "zhangsan_01",
             "+86 138 0013 8000", 1, 0, 0],
            [2, "2026/11/18 9:40:02", "80秒", "微信", "N/A", "1.2.3.5(上海-上海)", "李四", "lisi_02",
             "138-0013-8001", 0, 1, 0],
        ],
    )  # fmt: skip
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 2 and not plan.problems
    people = applicants(db)
    assert {n: (w, p) for n, (w, p, _note, _s) in people.items()} == {
        "张三": ("zhangsan_01", "13800138000"),
        "李四": ("lisi_02", "13800138001"),
    }
    assert people["张三"][2] == "问卷: 您常用的联系方式(微信): 1\n问卷: 您常用的联系方式(手机): 0"
    plan, summary, _ = imp(db, path)  # the same file again changes nothing
    assert summary is not None and (summary.added, summary.updated) == (0, 0)
