"""The ninth survey-import probe: exports of entry applications as the tools people use write them (问卷星 by option
text, number and score, 腾讯问卷, 金数据, 麦客, 飞书, 石墨, WPS, 企业微信, 腾讯文档收集表, Google Forms in English and
Chinese, Microsoft Forms, Jotform), read through run_import and the CLI into a real SQLite workspace and read back."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from desktop.services.imports import ImportFailed, run_import
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


def xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
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


@pytest.mark.parametrize(
    "header",
    ["Q2:微信号/手机号", "微信号/手机号", "手机号或微信号", "2、您的手机号/微信号：", "WeChat ID / Phone number"],
)
def test_one_question_for_the_wechat_id_or_the_phone_takes_either(db, tmp_path, header):
    """腾讯问卷 and 企业微信 forms often ask "微信号/手机号" — one answer, the applicant's choice. The question was taken
    for the phone, so the first applicant who answered with a WeChat ID was a problem ("zhangsan 不是电话号码") and the
    whole export was refused. Now a mobile number there is the phone, anything else the WeChat ID."""
    path = xlsx(
        tmp_path / "tencent.xlsx",
        [
            ["编号", "开始答题时间", "结束答题时间", "答题时长", "Q1:您的姓名", header, "Q3:加入本群的目的"],
            [1, "2026-11-20 10:20:00", "2026-11-20 10:23:45", "225", "张三", "zhangsan_01", "学习"],
            [2, "2026-11-20 10:21:00", "2026-11-20 10:24:45", "225", "李四", "139 1234 5678", "交流"],
            [3, "2026-11-20 10:22:00", "2026-11-20 10:25:45", "225", "王五", "+86 13800138000", ""],
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 3
    people = applicants(db)
    assert {name: (w, p) for name, (w, p, _n, _s) in people.items()} == {
        "张三": ("zhangsan_01", None),
        "李四": (None, "13912345678"),
        "王五": (None, "13800138000"),
    }


def test_a_plain_wechat_or_phone_question_beside_the_combined_one_is_preferred(db, tmp_path):
    """A form with 微信号 and 手机号 questions and a third "微信/手机（备用）": the plain questions are the person's
    fields; the combined one stays an answer on the note (a phone there masked)."""
    path = xlsx(
        tmp_path / "three.xlsx",
        [
            ["提交时间", "姓名", "微信号/手机号（备用）", "微信号", "手机号"],
            ["2026-11-20 10:23:45", "张三", "13700137000", "zhangsan_01", "13800138000"],
        ],
    )
    imp(db, path)
    wechat, phone, note, _status = applicants(db)["张三"]
    assert (wechat, phone) == ("zhangsan_01", "13800138000")
    assert "137****7000" in note and "13700137000" not in note


def test_a_tencent_docs_collection_form_with_its_automatic_columns_is_read(db, tmp_path):
    """腾讯文档收集表 marks the columns it fills itself: 提交者（自动）, 提交时间（自动）. The export was refused as "no
    survey" (no submission time found); now the time is the submission time and the 提交者 account is no answer."""
    path = xlsx(
        tmp_path / "collect.xlsx",
        [
            ["提交者（自动）", "提交时间（自动）", "姓名（必填）", "微信号（必填）", "手机号"],
            ["腾讯文档用户", "2026/11/20 10:23:45", "张三", "zhangsan_01", "13800138000"],
            ["李四", "2026/11/21 09:03:05", "李四", "lisi_02", ""],
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 2
    people = applicants(db)
    assert people["张三"][:2] == ("zhangsan_01", "13800138000")
    assert people["张三"][2] is None  # 提交者 is the tool's column, not an answer
    with db.session() as s:
        applied = dict(
            s.execute(
                select(Member.display_name, Membership.applied_at).join(Membership, Membership.member_id == Member.id)
            ).all()
        )
    assert applied["张三"].date() == date(2026, 11, 20) and applied["李四"].date() == date(2026, 11, 21)


def test_a_chinese_google_forms_export_is_read(db, tmp_path):
    """Google Forms in Chinese calls its Timestamp 时间戳记 (and writes 下午 10:23:45): the export was refused as "no
    survey"; now the times are the submission times and each applicant comes in."""
    path = write_csv(
        tmp_path / "google.csv",
        [
            ["时间戳记", "电子邮件地址", "您的姓名", "您的微信号", "手机"],
            ["2026/11/20 下午 10:23:45", "a@example.com", "张三", "zhangsan_01", "13800138000"],
            ["2026/11/21 上午 9:03:05", "b@example.com", "李四", "lisi_02", "13912345678"],
        ],
        encoding="utf-8",
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 2
    with db.session() as s:
        applied = dict(
            s.execute(
                select(Member.display_name, Membership.applied_at).join(Membership, Membership.member_id == Member.id)
            ).all()
        )
    assert applied["张三"].replace(tzinfo=None).isoformat(" ") == "2026-11-20 22:23:45"
    assert applied["李四"].replace(tzinfo=None).isoformat(" ") == "2026-11-21 09:03:05"


def test_a_refused_export_says_the_other_rows_can_come_in_by_skipping_the_bad_ones(db, sqlite_path, tmp_path, capsys):
    """One applicant of a 问卷星 export wrote a 10-digit phone: the CLI said "1 个问题, 未导入任何内容" and nothing
    else — the organiser saw the whole export refused with no word of --skip-problems. Now the refusal says how many
    rows are wrong and how many would come in with --skip-problems; with it, the others come in and the bad row is
    named."""
    from desktop.cli import main

    rows = [
        [
            "序号",
            "提交答卷时间",
            "所用时间",
            "来源",
            "来源详情",
            "来自IP",
            "1、您的姓名：",
            "2、您的微信号：",
            "3、您的手机号：",
        ],
        [1, "2026/11/20 10:23:45", "125秒", "手机提交", "直接访问", "1.2.3.4", "张三", "zhangsan_01", "13800138000"],
        [2, "2026/11/20 10:25:45", "125秒", "手机提交", "直接访问", "1.2.3.4", "李四", "lisi_02", "1391234567"],
        [3, "2026/11/20 10:26:45", "125秒", "手机提交", "直接访问", "1.2.3.4", "王五", "wangwu_03", "13912345679"],
    ]
    path = write_csv(tmp_path / "wjx.csv", rows, encoding="gbk")
    url = str(sqlite_path)
    assert main(["--db", url, "import", "applications", str(path), "--group", GROUP]) == 1
    err = capsys.readouterr().err
    assert "第3行" in err and "1391234567" in err
    assert "未导入任何内容; 可改好后重新导入, 或加 --skip-problems 跳过这 1 行、导入其余 2 行" in err.splitlines()[-1]
    assert applicants(db) == {}
    assert main(["--db", url, "import", "applications", str(path), "--group", GROUP, "--skip-problems"]) == 0
    err = capsys.readouterr().err
    assert "已跳过 (skipped)" in err and "李四" in err
    assert set(applicants(db)) == {"张三", "王五"}


def test_a_mobile_number_with_digits_missing_is_a_problem_never_a_landline(db, tmp_path):
    """An applicant typed 1380013 as their 手机号 (digits missing): it was kept as "a local landline without area code"
    and stored as their phone — a number that reaches no one, and that another applicant's same typo would match.
    No local number starts with 1: now it is a problem naming the row, the column and the digits missing; a real
    local landline (62345678) is still kept."""
    path = xlsx(
        tmp_path / "wjx.xlsx",
        [
            ["序号", "提交答卷时间", "1、您的姓名：", "2、您的微信号：", "3、您的手机号："],
            [1, "2026/11/21 12:00:00", "王五", "wangwu_03", "1380013"],
            [2, "2026/11/21 12:10:00", "赵六", "zhaoliu_04", "62345678"],
        ],
    )
    with pytest.raises(ImportFailed) as failed:
        imp(db, path)
    (problem,) = failed.value.problems
    assert (problem.row, problem.column) == (2, "3、您的手机号")
    assert "1380013" in str(problem) and "只有 7 位" in str(problem)
    plan, summary, _ = imp(db, path, skip_problems=True)
    assert summary is not None and summary.added == 1
    assert applicants(db)["赵六"][:2] == ("zhaoliu_04", "62345678")


SUBMITTED = ["序号", "提交答卷时间", "1、您的姓名：", "2、您的微信号：", "3、您的手机号：", "4、备注"]


def test_an_applicant_submitting_again_with_the_name_only_is_one_applicant(db, tmp_path):
    """王五 filled the form twice giving only the name (微信号 and 手机号 optional): the second row was a problem
    ("与第2行是同一个人「王五」"), so the whole export was refused. In one survey export the same name with nothing
    that contradicts it is the applicant submitting again: the later answers win, one applicant. Two 张伟 with
    different phones stay two people."""
    path = xlsx(
        tmp_path / "wjx.xlsx",
        [
            SUBMITTED,
            [1, "2026/11/20 12:00:00", "王五", "", "", "只填了名字"],
            [2, "2026/11/20 12:30:00", "张伟", "", "13800138001", ""],
            [3, "2026/11/22 13:00:00", "王五", "", "13700137000", "又填了一次"],
            [4, "2026/11/22 14:00:00", "张伟", "", "13800138002", ""],
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 3
    people = applicants(db)
    assert people["王五"][1] == "13700137000" and "又填了一次" in people["王五"][2]
    with db.session() as s:
        phones = sorted(s.scalars(select(Member.phone).where(Member.display_name == "张伟")))
    assert phones == ["13800138001", "13800138002"]
    plan, summary, _ = imp(db, path)  # the same file again changes nothing
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


def test_a_name_answered_with_a_title_is_the_same_applicant(db, tmp_path):
    """李四 answered 您的姓名 with 李四（学员） and later, in the next export, with 李四 and the same phone: the phone
    "belongs to a member with another name" — a problem, and the export was refused. A title in brackets after a
    name does not make another person: the same applicant, updated (the name they are known by stays)."""
    first = xlsx(
        tmp_path / "first.xlsx", [SUBMITTED, [1, "2026/11/20 11:00:00", "李四（学员）", "", "13912345678", ""]]
    )
    imp(db, first)
    again = xlsx(
        tmp_path / "again.xlsx",
        [
            SUBMITTED,
            [1, "2026/11/20 11:00:00", "李四（学员）", "", "13912345678", ""],
            [2, "2026/11/22 14:00:00", "李四", "lisi_02", "+86 139 1234 5678", "加了微信号"],
        ],
    )
    plan, summary, _ = imp(db, again)
    assert summary is not None and (summary.added, summary.updated) == (0, 1)
    assert applicants(db) == {"李四（学员）": ("lisi_02", "13912345678", "问卷: 备注: 加了微信号", "applicant")}


def test_two_people_told_apart_by_their_brackets_stay_two(db, tmp_path):
    """王芳（大） and 王芳（小） sharing a parent's phone: two people, as before (a warning names the shared phone)."""
    path = xlsx(
        tmp_path / "wjx.xlsx",
        [
            SUBMITTED,
            [1, "2026/11/20 11:00:00", "王芳（大）", "", "13912345678", ""],
            [2, "2026/11/20 11:05:00", "王芳（小）", "", "13912345678", ""],
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 2


def test_a_wechat_answer_that_is_another_phone_keeps_the_applicant(db, tmp_path, capsys):
    """张三 answered 微信号 with 13912345678 (WeChat finds him by that number) and 手机号 with 13800138000: "a phone in
    a column mapped as the WeChat ID, and the row has another phone; 请在映射步骤里调整" — a problem, a mapping step
    a survey import does not have, and the export refused. On the applicant's own form both numbers are theirs: the
    phone question's answer is the phone, the other number is kept on the note masked, and the row says so."""
    path = xlsx(
        tmp_path / "wjx.xlsx",
        [
            SUBMITTED,
            [1, "2026/11/20 10:00:00", "张三", "13912345678", "13800138000", ""],
            [2, "2026/11/20 10:05:00", "李四", "139 1234 5670", "13912345670", ""],  # the same number: the phone
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 2
    people = applicants(db)
    assert people["张三"][:3] == (None, "13800138000", "问卷: 您的微信号: 139****5678")
    assert people["李四"][:3] == (None, "13912345670", None)
    (warning,) = [w for w in plan.warnings if w.code == "wechat_is_other_phone"]
    assert (warning.row, warning.column) == (2, "2、您的微信号") and "139****5678" in str(warning)
    assert "13912345678" not in str(warning)


# ---------------------------------------------------------------- the corpus: one export per tool, read back
_WJX_META = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
CORPUS: dict[str, tuple[list[list[object]], dict[str, tuple[str | None, str | None]]]] = {
    "问卷星_按选项文本.xlsx": (
        [
            [*_WJX_META, "1、您的姓名：", "2、您的微信号：", "3、您的手机号：", "4、您感兴趣的活动[多选题]",
             "5、您为什么想加入本群？", "总分"],
            [1, "2026/11/20 10:23:45", "125秒", "手机提交", "直接访问", "1.2.3.4(上海-上海)", "张三（学员）",
             "zhangsan_01", "138 0013 8000", "读书┋跑步┋其他〖摄影〗", "想坚持读书", 0],
            [2, "2026/11/20 11:00:01", "80秒", "微信", "N/A", "1.2.3.5(北京-北京)", "李四", "13912345678",
             "+86 13912345678", "跑步", "(跳过)", 0],
            [3, "2026/11/21 09:00:00", "60秒", "手机提交", "直接访问", "1.2.3.4", "张三", "zhangsan_01",
             "13800138000", "读书", "想坚持读书和跑步", 0],
            [4, "2026/11/21 13:00:00", "30秒", "手机提交", "直接访问", "1.2.3.9", "赵六", "zhaoliu_04", "",
             "(跳过)", "(跳过)", 0],
        ],
        {"张三": ("zhangsan_01", "13800138000"), "李四": (None, "13912345678"), "赵六": ("zhaoliu_04", None)},
    ),
    "问卷星_按序号.xlsx": (
        [
            [*_WJX_META, "1、您的姓名：", "2、您的微信号：", "3、您的手机号：", "4、您从哪里了解到我们？"],
            [1, "2026/11/20 10:23:45", "125秒", "手机提交", "直接访问", "1.2.3.4", "张三", "zhangsan_01", 13800138000, 1],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
    "问卷星_多选拆列.xlsx": (
        [
            ["序号", "提交答卷时间", "所用时间", "1、您的姓名：", "2、您的微信号：", "3、手机号码",
             "4、您感兴趣的活动(读书)", "4、您感兴趣的活动(跑步)", "4、您感兴趣的活动(其他)", "总分"],
            [1, "2026/11/20 10:23:45", "125秒", "张三", "zhangsan_01", "13800138000", 1, 0, "摄影", 3],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
    "问卷星_按分数.xlsx": (
        [
            ["序号", "提交答卷时间", "所用时间", "来源", "1、您的姓名：", "2、您的微信号：", "3、您每周能读几本书？", "总分"],
            [1, 46346.5, "125秒", "手机提交", "张三", "zhangsan_01", 3, 3],  # an Excel serial: 2026-11-20 12:00
        ],
        {"张三": ("zhangsan_01", None)},
    ),
    "腾讯问卷.xlsx": (
        [
            ["编号", "开始答题时间", "结束答题时间", "答题时长", "地理位置国家和地区", "地理位置省", "地理位置市",
             "自定义字段", "Q1:您的姓名", "Q2:微信号/手机号", "Q3:加入本群的目的"],
            [1, "2026-11-20 10:20:00", "2026-11-20 10:23:45", "225", "中国", "上海", "上海", "", "张三", "zhangsan_01",
             "学习"],
            [2, "2026-11-20 10:20:00", "2026-11-20 10:24:45", "225", "中国", "北京", "北京", "", "李四", "13912345678", ""],
        ],
        {"张三": ("zhangsan_01", None), "李四": (None, "13912345678")},
    ),
    "金数据.xlsx": (
        [
            ["序号", "姓名", "微信号", "手机", "您为什么想加入本群", "提交人", "填写设备", "操作系统", "浏览器", "IP",
             "微信昵称", "微信OpenID", "提交时间", "修改时间"],
            [1, "张三", "zhangsan_01", "13800138000", "学习", "", "iPhone", "iOS", "WeChat", "1.1.1.1", "三哥", "oABC",
             "2026-11-20 10:23:45", "2026-11-20 10:23:45"],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
    "麦客.xlsx": (
        [
            ["编号", "姓名", "手机", "微信", "邮箱", "提交时间", "来源", "IP地址", "浏览器"],
            [1, "张三", "13800138000", "zhangsan_01", "a@example.com", "2026-11-20 10:23:45", "微信", "1.1.1.1", "Chrome"],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
    "飞书表单.xlsx": (
        [
            ["提交人", "提交时间", "您的姓名", "微信号", "手机号", "想加入的原因", "感兴趣的活动"],
            ["飞书用户A", "2026/11/20 10:23", "张三", "zhangsan_01", "+8613800138000", "学习", "读书,跑步"],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
    "石墨表单.xlsx": (
        [
            ["序号", "提交者", "提交时间", "1. 姓名", "2. 微信号", "3. 手机号", "4. 为什么想加入社群？"],
            [1, "匿名用户", "2026-11-20 10:23:45", "张三", "zhangsan_01", "13800138000", "学习"],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
    "WPS表单.xlsx": (
        [
            ["序号", "提交时间", "提交者", "姓名", "微信号", "手机号码", "兴趣（多选）"],
            [1, "2026/11/20 10:23:45", "WPS用户", "张三", "zhangsan_01", "13800138000", "读书；跑步"],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
    "企业微信表单.xlsx": (
        [
            ["填写人", "填写时间", "姓名", "微信号/手机号", "你为什么想加入这个群"],
            ["张三", "2026-11-20 10:23:45", "张三", "zhangsan_01", "学习"],
            ["李四", "2026-11-20 10:25:45", "李四", "13912345678", ""],
        ],
        {"张三": ("zhangsan_01", None), "李四": (None, "13912345678")},
    ),
    "腾讯文档收集表.xlsx": (
        [
            ["提交者（自动）", "提交时间（自动）", "姓名（必填）", "微信号（必填）", "手机号"],
            ["腾讯文档用户", "2026/11/20 10:23:45", "张三", "zhangsan_01", "13800138000"],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
    "Google_Forms.csv": (
        [
            ["Timestamp", "Email Address", "What is your name?", "Your WeChat ID", "Phone number",
             "Why do you want to join the group?"],
            ["11/20/2026 10:23:45", "a@example.com", "Zhang San", "zhangsan_01", "+86 138 0013 8000", "learn"],
            ["11/21/2026 9:03:05", "a@example.com", "Zhang San", "zhangsan_01", "+86 138 0013 8000", "learn more"],
        ],
        {"Zhang San": ("zhangsan_01", "13800138000")},
    ),
    "Google表单.csv": (
        [
            ["时间戳记", "电子邮件地址", "您的姓名", "您的微信号", "手机"],
            ["2026/11/20 下午 10:23:45", "a@example.com", "张三", "zhangsan_01", "13800138000"],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
    "Microsoft_Forms.xlsx": (
        [
            ["ID", "Start time", "Completion time", "Email", "Name", "Your name", "WeChat ID", "Mobile"],
            [1, datetime(2026, 11, 20, 10, 20), datetime(2026, 11, 20, 10, 23, 45), "anonymous", "", "Zhang San",
             "zhangsan_01", "13800138000"],
        ],
        {"Zhang San": ("zhangsan_01", "13800138000")},
    ),
    "Jotform.csv": (
        [
            ["Submission Date", "Full Name", "WeChat ID", "Phone Number", "Submission ID"],
            ["Nov 20, 2026", "Zhang San", "zhangsan_01", "(+86) 138-0013-8000", "5555"],
        ],
        {"Zhang San": ("zhangsan_01", "13800138000")},
    ),
    "表头换行.xlsx": (
        [
            ["序号", "提交答卷时间", "1、您的姓名\n（请填真实姓名）", "2、您的\n微信号", "3、手机号\n(选填)"],
            [1, "2026/11/20 10:23:45", "张三", "zhangsan_01", ""],
        ],
        {"张三": ("zhangsan_01", None)},
    ),
    "问卷星_GBK.csv": (
        [
            [*_WJX_META, "1、您的姓名：", "2、您的微信号：", "3、您的手机号："],
            [1, "2026/11/20 10:23:45", "125秒", "手机提交", "直接访问", "1.2.3.4", "张三", "zhangsan_01", "13800138000"],
        ],
        {"张三": ("zhangsan_01", "13800138000")},
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_tools_export_comes_in_whole_and_again_changes_nothing(db, tmp_path, name):
    """Every export of the corpus: each applicant once (a resubmission updates), with the WeChat ID and phone their
    answers give; importing the same file again changes nothing."""
    rows, expected = CORPUS[name]
    path = tmp_path / name
    if name.endswith(".csv"):
        write_csv(path, rows, encoding="gbk" if "GBK" in name else "utf-8")
    else:
        xlsx(path, rows)
    plan, summary, _ = imp(db, path)
    assert summary is not None and not plan.problems
    assert {n: (w, p) for n, (w, p, _note, _status) in applicants(db).items()} == expected
    assert {status for *_x, status in applicants(db).values()} == {"applicant"}
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


def test_a_form_sent_with_no_name_wechat_or_phone_is_left_out_and_named(db, tmp_path, sqlite_path, capsys):
    """Someone opened the form and sent it with only 您的职业 answered (or everything 跳过): "姓名为空: 新成员需要
    姓名" — a problem, and the export refused, though there is nothing in the file to correct. Now such a row is
    left out as no applicant, named with the answers it has, on every run; the others come in."""
    from desktop.cli import main

    path = xlsx(
        tmp_path / "wjx.xlsx",
        [
            ["序号", "提交答卷时间", "所用时间", "1、您的姓名：", "2、您的微信号：", "3、您的手机号：", "4、您的职业"],
            [1, "2026/11/20 10:00:00", "10秒", "张三", "zhangsan_01", "13800138000", "老师"],
            [2, "2026/11/20 10:05:00", "3秒", "", "", "", "学生"],
            [3, "2026/11/20 10:06:00", "3秒", "(跳过)", "(跳过)", "(跳过)", "(跳过)"],
            [4, "2026/11/20 10:07:00", "3秒", "", "", "138001", ""],  # a bad phone stays a problem
        ],
    )
    plan, summary, _ = imp(db, path, skip_problems=True)
    assert [(k.row, k.reason, k.text) for k in plan.skipped] == [
        (3, "no_applicant", "您的职业: 学生"),
        (4, "no_applicant", None),
    ]
    assert {p.row for p in plan.problems} == {5}
    assert set(applicants(db)) == {"张三"}
    assert (
        main(["--db", str(sqlite_path), "import", "applications", str(path), "--group", GROUP, "--skip-problems"]) == 0
    )
    out = capsys.readouterr().out
    assert "第3行  跳过 skipped (没有填姓名、微信号或手机, 无人可加" in out and "您的职业: 学生" in out
