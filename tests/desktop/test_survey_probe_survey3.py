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
    assert people["张三"][2] == "问卷: 您常用的联系方式: 微信"  # the options ticked (test_a_multi_choice_split_…)
    plan, summary, _ = imp(db, path)  # the same file again changes nothing
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


CORRECTED = ["序号", "提交答卷时间", "所用时间", "1、您的姓名：", "2、您的微信号：", "3、您的手机号：", "4、备注"]


def test_an_applicant_correcting_the_wechat_id_is_one_applicant_with_the_latest(db, tmp_path, sqlite_path, capsys):
    """张三 sent the form with 微信号 zhangsa_01 (a letter missing) and, four minutes later, again with zhangsan_01 —
    same name, same phone. The second row was a problem ("与第2行的手机号相同") and the whole export was refused, the
    organiser told nothing about the correction. Now it is one applicant with the latest WeChat ID, and the row says
    the earlier one was replaced (kept in the submission history); the same file again changes nothing."""
    from desktop.cli import main

    path = write(
        tmp_path / "wjx_gbk.csv",
        [
            CORRECTED,
            [1, "2026/11/18 9:31:02", "60秒", "张三", "zhangsa_01", "138 0013 8000", "第一次"],
            [2, "2026/11/18 9:33:10", "60秒", "李四", "lisi_02", "13800138001", ""],
            [3, "2026/11/18 9:35:02", "40秒", "张三", "zhangsan_01", "13800138000", "微信号填错了"],
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 2 and not plan.problems
    assert applicants(db)["张三"][:3] == ("zhangsan_01", "13800138000", "问卷: 备注: 微信号填错了")
    (warning,) = [w for w in plan.warnings if w.code == "resubmitted_changed"]
    assert (warning.row, warning.column) == (4, "2、您的微信号")
    assert "第2行「zhangsa_01」 → 「zhangsan_01」" in str(warning)
    assert main(["--db", str(sqlite_path), "import", "applications", str(path), "--group", GROUP]) == 0
    captured = capsys.readouterr()
    assert "提示 (warning)" in captured.err and "改了微信号" in captured.err
    counts = {line.split()[0]: line.split()[-1] for line in captured.out.splitlines() if line.split()[-1].isdigit()}
    assert (counts["新增"], counts["更新"], counts["不变"]) == ("0", "0", "2")
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


def test_a_corrected_wechat_id_in_the_next_export_updates_the_applicant(db, tmp_path):
    """Last week's export held 张三's first submission (zhangsa_01) and was imported; this week's holds it and the
    corrected one. The phone "already belongs to 张三 with another WeChat ID" — a problem, and the updated export was
    refused. The file itself shows the change (the same name and phone gave the stored ID, then the new one): the
    applicant is updated to the latest WeChat ID."""
    first = [1, "2026/11/18 9:31:02", "60秒", "张三", "zhangsa_01", "13800138000", ""]
    imp(db, write(tmp_path / "week1.xlsx", [CORRECTED, first]))
    again = [2, "2026/11/20 20:00:00", "40秒", "张三", "zhangsan_01", "13800138000", "改了微信号"]
    path = write(tmp_path / "week2.xlsx", [CORRECTED, first, again])
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 1) and not plan.problems
    assert applicants(db)["张三"][:2] == ("zhangsan_01", "13800138000")
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


def test_a_corrected_phone_is_said(db, tmp_path):
    """张三 gave 13800138009, then 13800138000 with the same WeChat ID: one applicant with the latest phone, as
    before — and the row now says the earlier phone was replaced (masked: warnings are shown to assistants)."""
    path = write(
        tmp_path / "wjx.xlsx",
        [
            CORRECTED,
            [1, "2026/11/18 9:31:02", "60秒", "张三", "zhangsan_01", "13800138009", ""],
            [2, "2026/11/18 9:35:02", "40秒", "张三", "zhangsan_01", "13800138000", ""],
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 1
    assert applicants(db)["张三"][1] == "13800138000"
    (warning,) = [w for w in plan.warnings if w.code == "resubmitted_changed"]
    assert warning.column == "3、您的手机号" and "138****8009" in str(warning) and "13800138009" not in str(warning)


BY_NUMBER = [*WJX, "1、您的姓名：", "2、您的微信号：", "3、您的性别：", "4、您的职业：", "5、您感兴趣的活动：",
             "6、您每周能读几本书？", "7、您的生日月份", "总分"]  # fmt: skip


@pytest.mark.parametrize("suffix", [".xlsx", "_gbk.csv"])
def test_an_export_by_option_number_is_said_and_never_fills_gender_or_occupation(db, tmp_path, suffix):
    """问卷星 downloaded "按选项序号" writes 2 for the second choice and 1┋3 for a multi-choice: the import took
    您的职业: 3 as the applicant's occupation ("3" on the roster) and kept 您的性别: 1 and 1┋3 on the note without a
    word — the export holds no option text to show instead. Now one warning names the questions answered with option
    numbers and says to download 按选项文本; occupation and gender are not filled from them. The same answers by text,
    imported next, fill them and replace the numbers on the note; importing it again changes nothing."""
    rows = [
        BY_NUMBER,
        [
            1,
            "2026/11/18 9:31:02",
            "125秒",
            "微信",
            "N/A",
            "1.2.3.4(北京-北京)",
            "张三",
            "zhangsan_01",
            1,
            3,
            "1┋3",
            2,
            5,
            0,
        ],
        [2, "2026/11/18 9:40:02", "80秒", "微信", "N/A", "1.2.3.5", "李四", "lisi_02", 2, 1, "2", 5, 11, 0],
    ]
    plan, summary, _ = imp(db, write(tmp_path / f"by_number{suffix}", rows))
    assert summary is not None and summary.added == 2
    (warning,) = [w for w in plan.warnings if w.code == "choice_numbers"]
    assert (warning.row, warning.column) == (2, "3、您的性别")
    assert "「您的性别」、「您的职业」、「您感兴趣的活动」的回答是选项序号" in str(warning) and "按选项文本" in str(
        warning
    )
    assert "几本书" not in str(warning) and "生日" not in str(
        warning
    )  # a question asking for a number: answered by one
    with db.session() as s:
        assert set(s.execute(select(Member.gender, Member.occupation))) == {(None, None)}
    assert "问卷: 您的职业: 3" in applicants(db)["张三"][2]

    by_text = [
        BY_NUMBER,
        [1, "2026/11/18 9:31:02", "125秒", "微信", "N/A", "1.2.3.4(北京-北京)", "张三", "zhangsan_01", "男", "教师",
         "读书┋跑步", 2, 5, 0],
        [2, "2026/11/18 9:40:02", "80秒", "微信", "N/A", "1.2.3.5", "李四", "lisi_02", "女", "学生", "写作", 5, 11, 0],
    ]  # fmt: skip
    path = write(tmp_path / f"by_text{suffix}", by_text)
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 2)
    assert not [w for w in plan.warnings if w.code == "choice_numbers"]
    with db.session() as s:
        people = {n: (g, o) for n, g, o in s.execute(select(Member.display_name, Member.gender, Member.occupation))}
    assert people == {"张三": ("male", "教师"), "李四": ("female", "学生")}
    assert "问卷: 您感兴趣的活动: 读书┋跑步" in applicants(db)["张三"][2]
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


def test_a_wechat_id_written_with_a_label_or_spaces_is_stored_as_the_id(db, tmp_path):
    """Applicants answer 微信号 with "微信号：jia_001", "wx: yi_0002" or "bing 003": each was stored as written — an ID
    nobody finds searching WeChat, and the roster's jia_001 was "another person" to it. The label is no part of the
    ID (left out); a WeChat ID holds no space (left out, and the row says so: the organiser checks it)."""
    path = write(
        tmp_path / "google.csv",
        [
            ["Timestamp", "Email address", "What is your name?", "WeChat ID", "Phone"],
            ["11/18/2026 9:31:02", "a@example.com", "Jia", "微信号：jia_001", "+86 138 0013 8000"],
            ["11/18/2026 9:35:02", "b@example.com", "Yi", "wx: yi_0002", "138-0013-8001"],
            ["11/18/2026 9:36:02", "c@example.com", "Bing", "bing 003", ""],
            ["11/18/2026 9:37:02", "d@example.com", "Ding", "WeChat ID: 13800138003", ""],
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 4 and not plan.problems
    assert {n: (w, p) for n, (w, p, _note, _s) in applicants(db).items()} == {
        "Jia": ("jia_001", "13800138000"),
        "Yi": ("yi_0002", "13800138001"),
        "Bing": ("bing003", None),
        "Ding": (None, "13800138003"),
    }
    (warning,) = [w for w in plan.warnings if w.code == "wechat_spaces"]
    assert (warning.row, warning.column, warning.value) == (4, "WeChat ID", "bing 003")
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


def test_a_labelled_wechat_id_finds_the_member_on_the_roster(db, tmp_path):
    """The roster holds 张三 with WeChat ID zhangsan_01 and no phone; his application answers 微信号 with
    "微信：zhangsan_01": he was added as a second 张三 (the labelled ID matched no one). Now it is him, updated."""
    roster = write(tmp_path / "roster.xlsx", [["姓名", "微信号"], ["张三", "zhangsan_01"]])
    run_import(db, actor_for(db), roster, GROUP, "roster")
    path = write(
        tmp_path / "wjx.xlsx",
        [CORRECTED, [1, "2026/11/18 9:31:02", "60秒", "张三", "微信：zhangsan_01", "13800138000", "报名"]],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 1)
    assert list(applicants(db)) == ["张三"] and applicants(db)["张三"][:2] == ("zhangsan_01", "13800138000")


def test_tencent_and_jinshuju_respondent_columns_are_no_answers(db, tmp_path):
    """腾讯问卷 writes who answered before the questions: 用户ID (an OpenID) and 昵称, "微信用户" when WeChat did not
    share the nickname. Both went to every applicant's note ("问卷: 用户ID: oX1", "问卷: 昵称: 微信用户"). Now 用户ID is
    the tool's column, 昵称 the WeChat nickname (as 金数据's 微信昵称 is), and "微信用户" nobody's nickname."""
    tencent = write(
        tmp_path / "tencent.xlsx",
        [
            ["编号", "用户ID", "昵称", "开始答题时间", "结束答题时间", "答题时长", "Q1:您的姓名", "Q2:您的微信号",
             "Q3:您的手机号"],
            [1, "oX1", "微信用户", "2026-11-18 09:30:00", "2026-11-18 09:31:02", "62秒", "张三", "zhangsan_01",
             "13800138000"],
            [2, "oX2", "小李子", "2026-11-18 09:35:00", "2026-11-18 09:36:02", "62秒", "李四", "lisi_02", "13800138001"],
        ],
    )  # fmt: skip
    jinshuju = write(
        tmp_path / "jinshuju_gbk.csv",
        [
            ["序号", "姓名", "微信号", "手机号", "提交人", "填写设备", "微信昵称", "微信OpenID", "提交时间"],
            [1, "王五", "wangwu_03", "13800138002", "", "iPhone", "微信用户", "oABC", "2026-11-18 09:40:02"],
        ],
    )
    for path in (tencent, jinshuju):
        plan, summary, _ = imp(db, path)
        assert summary is not None and summary.added and not plan.problems
    with db.session() as s:
        people = {
            n: (nick, note) for n, nick, note in s.execute(select(Member.display_name, Member.nickname, Member.note))
        }
    assert people == {"张三": (None, None), "李四": ("小李子", None), "王五": (None, None)}
    for path in (tencent, jinshuju):
        plan, summary, _ = imp(db, path)
        assert summary is not None and (summary.added, summary.updated) == (0, 0)


def test_two_applicants_with_one_name_are_two_and_said(db, tmp_path):
    """Two 张伟 with different WeChat IDs and phones came in as two applicants without a word — the organiser found
    two 张伟 on the roster and could not tell a namesake from one person who answered twice with other details.
    Still two, and the later row says so naming the earlier (as a namesake already on the roster is said); 王芳（大）
    and 王芳（小） are told apart by their brackets and not warned."""
    path = write(
        tmp_path / "wjx.xlsx",
        [
            CORRECTED,
            [1, "2026/11/18 9:31:02", "60秒", "张伟", "zw_a", "13800138004", ""],
            [2, "2026/11/18 9:32:02", "60秒", "王芳（大）", "", "13912345678", ""],
            [3, "2026/11/18 9:33:02", "60秒", "王芳（小）", "", "13912345678", ""],
            [4, "2026/11/18 9:35:02", "60秒", "张伟", "zw_b", "13800138005", ""],
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 4
    (warning,) = [w for w in plan.warnings if w.code == "namesake_in_file"]
    assert (warning.row, warning.column, warning.candidate_rows) == (5, "1、您的姓名", (2,))
    assert "与第2行同名「张伟」" in str(warning)
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


@pytest.mark.parametrize("name", ["split.xlsx", "split_gbk.csv"])
def test_a_multi_choice_split_over_columns_is_one_answer_of_the_options_ticked(db, tmp_path, name):
    """问卷星 splits a multi-choice over a column per option holding 1/0 ("4、您感兴趣的活动(读书)", or "5、兴趣:读书"): the
    note kept a line per option with its 1 or 0 — "您感兴趣的活动(跑步): 0" — twenty lines for a twenty-option question,
    the choice hard to see. Now it is one answer, the options ticked as a by-text export writes them (读书┋其他〖摄影〗);
    a matrix question's scores (6、满意度:服务 = 4) and a multi-blank's answers stay answers of their own."""
    path = write(
        tmp_path / name,
        [
            ["序号", "提交答卷时间", "1、您的姓名：", "2、您的微信号：", "4、您感兴趣的活动(读书)",
             "4、您感兴趣的活动(跑步)", "4、您感兴趣的活动(其他)", "5、兴趣:写作", "5、兴趣:摄影", "6、满意度:服务",
             "6、满意度:内容"],
            [1, "2026/11/18 9:31:02", "张三", "zhangsan_01", 1, 0, "摄影", 1, 1, 4, 5],
            [2, "2026/11/18 9:35:02", "李四", "lisi_02", 0, 0, 0, 1, 0, 3, "(跳过)"],
        ],
    )  # fmt: skip
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 2
    notes = {n: note for n, (_w, _p, note, _s) in applicants(db).items()}
    assert notes["张三"] == (
        "问卷: 您感兴趣的活动: 读书┋其他〖摄影〗\n问卷: 兴趣: 写作┋摄影\n问卷: 满意度:服务: 4\n问卷: 满意度:内容: 5"
    )
    assert notes["李四"] == "问卷: 兴趣: 写作\n问卷: 满意度:服务: 3"
    assert not [w for w in plan.warnings if w.code == "choice_numbers"]  # ticks and scores are no option numbers
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


def test_an_id_number_written_with_spaces_is_never_stored(db, tmp_path):
    """身份证号 answered "110105 19900101 1234" (grouped as the card prints it) or "1101 0519 9001 0112 34" was kept
    whole on the note — shown to every assistant — while the same number without spaces was cut to ****1234. Now
    each is cut, and the row says so; a phone and a date beside it stay as they were."""
    path = write(
        tmp_path / "wjx_gbk.csv",
        [
            ["序号", "提交答卷时间", "1、您的姓名：", "2、您的微信号：", "3、身份证号", "4、备注"],
            [1, "2026/11/18 9:31:02", "张三", "zhangsan_01", "110105 19900101 1234", "2026-11-20 到"],
            [2, "2026/11/18 9:35:02", "李四", "lisi_02", "1101 0519 9001 0112 3X", "家长 13800138000 110105-19900101-5678"],
        ],
    )  # fmt: skip
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 2
    notes = {n: note for n, (_w, _p, note, _s) in applicants(db).items()}
    assert notes == {
        "张三": "问卷: 身份证号: ****1234\n问卷: 备注: 2026-11-20 到",
        "李四": "问卷: 身份证号: ****123X\n问卷: 备注: 家长 138****8000 ****5678",
    }
    assert sorted((w.row, w.column) for w in plan.warnings if w.code == "id_number_dropped") == [
        (2, "身份证号"),
        (3, "备注"),
        (3, "身份证号"),
    ]
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("110105 19900101 1234", "****1234"),
        ("1101 0519 9001 0112 3x", "****123x"),
        ("13800138000 110105 19900101 1234", "13800138000 ****1234"),  # a phone before it hides nothing
        ("2026-11-18 13800138000", "2026-11-18 13800138000"),  # a date and a phone are no ID number
        ("订单 2026 1118 0931 0212 34", "订单 2026 1118 0931 0212 34"),  # 18 digits, no birth date in them
    ],
)
def test_an_id_number_is_found_however_it_is_grouped(text, kept):
    from desktop.phones import drop_id_numbers

    assert drop_id_numbers(text)[0] == kept


def test_phones_that_lost_their_digits_leave_the_applicants_in_without_a_phone(db, tmp_path, sqlite_path, capsys):
    """The export was opened in Excel and saved as CSV: every 手机号 became 1.38001E+10, its last digits lost. Each
    row was a problem, the export refused, and --skip-problems brought in nobody — though every name and WeChat ID was
    fine. Now each applicant comes in without a phone (never a guessed one), the row saying the digits were lost and
    how to get them; the export downloaded again adds the phones. A row with the phone alone stays a problem."""
    from desktop.cli import main

    rows = [
        ["序号", "提交答卷时间", "所用时间", "1、您的姓名：", "2、您的微信号：", "3、您的手机号："],
        [1, "2026/11/18 9:31:02", "125秒", "张三", "zhangsan_01", "1.38001E+10"],
        [2, "2026/11/18 9:32:02", "25秒", "李四", "", "1.38001E+10"],
        [3, "2026/11/18 9:33:02", "25秒", "", "", "1.39001E+10"],
    ]
    path = write(tmp_path / "resaved_gbk.csv", rows)
    assert main(["--db", str(sqlite_path), "import", "applications", str(path), "--group", GROUP]) == 1
    err = capsys.readouterr().err
    assert "第4行 3、您的手机号 列: 1.39001E+10 无法还原为手机号" in err and "导入其余 2 行" in err
    assert (
        main(["--db", str(sqlite_path), "import", "applications", str(path), "--group", GROUP, "--skip-problems"]) == 0
    )
    err = capsys.readouterr().err
    assert err.count("丢失了后几位数字") == 2 and "已跳过 (skipped)" in err
    assert {n: (w, p) for n, (w, p, _note, _s) in applicants(db).items()} == {
        "张三": ("zhangsan_01", None),
        "李四": (None, None),
    }
    good = write(tmp_path / "again.xlsx", [rows[0], [*rows[1][:5], "13800138000"], [*rows[2][:5], "13800138001"]])
    plan, summary, _ = imp(db, good)
    assert summary is not None and (summary.added, summary.updated) == (0, 2)
    assert {n: p for n, (_w, p, _note, _s) in applicants(db).items()} == {"张三": "13800138000", "李四": "13800138001"}


def test_a_name_with_emoji_and_the_same_phone_is_the_same_applicant(db, tmp_path):
    """小雨🌸 sent the form, then again as 小雨, with one phone: "a family sharing a phone" — two applicants for one
    person. And with 小雨 already on the roster, 小雨🌸 with her phone was a problem ("the phone belongs to a member
    with another name") that refused the export, beside a warning saying she was added as another person. A name's
    emoji is no part of who it names: one applicant; the roster's 小雨, matched (the name she is known by stays)."""
    path = write(
        tmp_path / "wjx.xlsx",
        [
            CORRECTED,
            [1, "2026/11/18 9:31:02", "60秒", "小雨🌸", "", "13800138000", "第一次"],
            [2, "2026/11/18 9:35:02", "40秒", "小雨", "", "13800138000", "第二次"],
        ],
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 1 and not plan.warnings
    assert applicants(db) == {"小雨": (None, "13800138000", "问卷: 备注: 第二次", "applicant")}
    again = write(
        tmp_path / "next.xlsx", [CORRECTED, [1, "2026/11/25 9:31:02", "60秒", "★小雨🌸", "", "13800138000", "又一次"]]
    )
    plan, summary, _ = imp(db, again)
    assert summary is not None and (summary.added, summary.updated) == (0, 1) and not plan.problems
    assert applicants(db) == {"小雨": (None, "13800138000", "问卷: 备注: 又一次", "applicant")}


# ---------------------------------------------------------------- an export, then the same export with more rows
_WJX_TEXT = [*WJX, "1、您的姓名：", "2、您的微信号：", "3、您的手机号：", "4、您感兴趣的活动[多选题]", "总分"]
UPDATED: dict[str, tuple[list[object], list[list[object]]]] = {
    "问卷星_按选项文本": (
        _WJX_TEXT,
        [
            [1, "2026/11/18 9:31:02", "125秒", "微信", "N/A", "1.2.3.4(北京-北京)", "张三", "zhangsan_01", "+86 138 0013 8000", "读书┋跑步", 0],
            [2, "2026/11/18 9:40:02", "80秒", "微信", "N/A", "1.2.3.5(上海-上海)", "李四", "lisi_02", "138-0013-8001", "(跳过)", 0],
            [3, "2026/11/18 10:01:00", "60秒", "手机提交", "直接访问", "1.2.3.6", "小雨🌸", "xiaoyu_3", "13800138002", "(空)", 0],
            [4, "2026/11/19 8:00:00", "60秒", "微信", "N/A", "1.2.3.4", "张三", "zhangsan_01", "13800138000", "读书", 0],
            [5, "2026/11/20 8:00:00", "60秒", "微信", "N/A", "1.2.3.7", "王五", "wangwu_04", "13800138003", "跑步", 0],
        ],
    ),
    "腾讯问卷": (
        ["编号", "用户ID", "昵称", "开始答题时间", "结束答题时间", "答题时长", "Q1:您的姓名", "Q2:微信号/手机号"],
        [
            [1, "oX1", "微信用户", "2026-11-18 09:30:00", "2026-11-18 09:31:02", "62秒", "张三", "zhangsan_01"],
            [2, "oX2", "小李子", "2026-11-18 09:35:00", "2026-11-18 09:36:02", "62秒", "李四", "138 0013 8001"],
            [3, "oX3", "微信用户", "2026-11-18 09:37:00", "2026-11-18 09:38:02", "62秒", "小雨🌸", "xiaoyu_3"],
            [4, "oX1", "微信用户", "2026-11-19 09:30:00", "2026-11-19 09:31:02", "62秒", "张三", "zhangsan_01"],
            [5, "oX5", "微信用户", "2026-11-20 09:30:00", "2026-11-20 09:31:02", "62秒", "王五", "wangwu_04"],
        ],
    ),
    "金数据": (
        ["序号", "姓名", "微信号", "手机号", "提交人", "填写设备", "微信昵称", "微信OpenID", "提交时间"],
        [
            [1, "张三", "zhangsan_01", "13800138000", "", "iPhone", "三哥", "oA", "2026-11-18 09:31:02"],
            [2, "李四", "lisi_02", "13800138001", "", "Android", "微信用户", "oB", "2026-11-18 09:36:02"],
            [3, "小雨🌸", "xiaoyu_3", "", "", "iPhone", "小雨", "oC", "2026-11-18 09:38:02"],
            [4, "张三", "zhangsan_01", "13800138000", "", "iPhone", "三哥", "oA", "2026-11-19 09:31:02"],
            [5, "王五", "wangwu_04", "13800138003", "", "iPhone", "五哥", "oD", "2026-11-20 09:31:02"],
        ],
    ),
    "飞书问卷": (
        ["提交时间", "提交人", "您的姓名", "您的微信号", "您的手机号", "感兴趣的活动"],
        [
            ["2026-11-18 09:31", "飞书用户", "张三", "zhangsan_01", "13800138000", "读书,跑步"],
            ["2026-11-18 09:36", "飞书用户", "李四", "lisi_02", "+8613800138001", ""],
            ["2026-11-18 09:38", "飞书用户", "小雨🌸", "xiaoyu_3", "", "跑步"],
            ["2026-11-19 09:31", "飞书用户", "张三", "zhangsan_01", "13800138000", "读书"],
            ["2026-11-20 09:31", "飞书用户", "王五", "wangwu_04", "13800138003", ""],
        ],
    ),
    "Google_Forms": (
        ["Timestamp", "Email address", "What is your name?", "WeChat ID", "Phone number"],
        [
            ["11/18/2026 9:31:02", "a@example.com", "张三", "zhangsan_01", "+86 138 0013 8000"],
            ["11/18/2026 9:36:02", "b@example.com", "李四", "lisi_02", "138-0013-8001"],
            ["11/18/2026 9:38:02", "c@example.com", "小雨🌸", "xiaoyu_3", ""],
            ["11/19/2026 9:31:02", "a@example.com", "张三", "zhangsan_01", "13800138000"],
            ["11/20/2026 9:31:02", "d@example.com", "王五", "wangwu_04", "13800138003"],
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", "_gbk.csv"])
@pytest.mark.parametrize("tool", sorted(UPDATED))
def test_an_updated_export_adds_only_the_new_applicants(db, tmp_path, tool, suffix):
    """Each tool's export of three applicants, then the export a week later with a resubmission and one more: the
    first brings in three; the second adds only the new one (the resubmission updates its applicant); the same file
    again changes nothing. Read back: one applicant per person, with the WeChat ID and phone their answers give."""
    header, rows = UPDATED[tool]
    if suffix == "_gbk.csv":  # GBK has no emoji: a GBK export has none
        rows = [[str(c).replace("🌸", "") if isinstance(c, str) else c for c in row] for row in rows]
    first = write(tmp_path / f"{tool}_1{suffix}", [header, *rows[:3]])
    plan, summary, _ = imp(db, first)
    assert summary is not None and summary.added == 3 and not plan.problems
    later = write(tmp_path / f"{tool}_2{suffix}", [header, *rows])
    plan, summary, _ = imp(db, later)
    assert summary is not None and summary.added == 1 and not plan.problems
    people = {n: (w, p) for n, (w, p, _note, _s) in applicants(db).items()}
    assert people["王五"][0] == "wangwu_04" and people["张三"][0] == "zhangsan_01"
    assert people["李四"][1] == "13800138001" and len(people) == 4
    plan, summary, _ = imp(db, later)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


@pytest.mark.parametrize("name", ["follow_up.xlsx", "follow_up_gbk.csv"])
def test_two_questions_with_one_wording_keep_both_answers(db, tmp_path, name):
    """问卷星 forms ask "请说明：" after several questions. Answers are kept by their question, and the second
    "请说明" overwrote the first: 张三's "每天读半小时" was lost from his note, without a word. Now a wording several
    questions share keeps its number (4、请说明, 6、请说明): both answers are kept, in the order asked."""
    path = write(
        tmp_path / name,
        [
            ["序号", "提交答卷时间", "1、您的姓名：", "2、您的微信号：", "3、您是否有读书习惯？", "4、请说明：",
             "5、您是否参加过打卡？", "6、请说明："],
            [1, "2026/11/18 9:31:02", "张三", "zhangsan_01", "有", "每天读半小时", "参加过", "在别的群打卡100天"],
        ],
    )  # fmt: skip
    plan, summary, _ = imp(db, path)
    assert summary is not None and summary.added == 1
    assert applicants(db)["张三"][2] == (
        "问卷: 您是否有读书习惯？: 有\n问卷: 4、请说明: 每天读半小时\n问卷: 您是否参加过打卡？: 参加过\n"
        "问卷: 6、请说明: 在别的群打卡100天"
    )
    plan, summary, _ = imp(db, path)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)


def test_the_dry_run_names_every_submission_of_an_applicant(tmp_path, sqlite_path, capsys):
    """张三 submitted in rows 2 and 4: the dry run listed "第4行 新增 张三" and row 2 nowhere — an input row with no
    outcome the organiser could see. Now the applicant's line names the earlier submission."""
    from desktop.cli import main

    path = write(
        tmp_path / "wjx.xlsx",
        [
            CORRECTED,
            [1, "2026/11/18 9:31:02", "60秒", "张三", "zhangsan_01", "13800138000", "第一次"],
            [2, "2026/11/18 9:33:02", "60秒", "李四", "lisi_02", "", ""],
            [3, "2026/11/19 9:35:02", "40秒", "张三", "zhangsan_01", "13800138000", "第二次"],
        ],
    )
    assert main(["--db", str(sqlite_path), "import", "applications", str(path), "--group", GROUP, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "第4行  新增 add  张三  (第2行是同一人之前的提交, 取最后一次 / also submitted in row 2)" in out
    assert "第3行  新增 add  李四" in out


def _people_with_nicknames(database) -> dict[str, tuple]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Member.nickname, Membership.group_nickname, Member.wechat_id).join(
                Membership, Membership.member_id == Member.id
            )
        ).all()
    return {name: (nick, gnick, wechat) for name, nick, gnick, wechat in rows}


@pytest.mark.parametrize("suffix", [".xlsx", "_gbk.csv"])
def test_a_form_asking_a_nickname_and_no_name_brings_its_applicants_in(db, tmp_path, suffix):
    """Entry forms often ask 您的微信昵称 or 入群后的群昵称 instead of a 姓名, or only 微信号 and 手机号. Every row was
    "姓名为空: 新成员需要姓名" and the export refused (with --skip-problems, nobody came in). Now the applicant is named
    by the 群昵称, else the 昵称 (stored as such), else — the form asking no name at all — by the WeChat ID, each said on
    the row; the same file again changes nothing."""
    nick = write(
        tmp_path / f"nickname{suffix}",
        [
            [
                "序号",
                "提交答卷时间",
                "1、您的微信昵称：",
                "2、入群后的群昵称（城市-职业）：",
                "3、您的微信号：",
                "4、手机号",
            ],
            [1, "2026/11/18 9:31:02", "晴天", "晴天-北京-设计", "qingtian_01", "13800138000"],
            [2, "2026/11/18 9:35:02", "小雨", "", "xiaoyu_02", ""],
        ],
    )
    plan, summary, _ = imp(db, nick)
    assert summary is not None and summary.added == 2 and not plan.problems
    assert [(w.row, w.code) for w in plan.warnings] == [(2, "name_from_nickname"), (3, "name_from_nickname")]
    assert _people_with_nicknames(db) == {
        "晴天-北京-设计": ("晴天", "晴天-北京-设计", "qingtian_01"),
        "小雨": ("小雨", None, "xiaoyu_02"),
    }
    plan, summary, _ = imp(db, nick)
    assert summary is not None and (summary.added, summary.updated) == (0, 0)

    only_ids = write(
        tmp_path / f"ids{suffix}",
        [["序号", "提交答卷时间", "1、您的微信号：", "2、手机号", "3、加入本群的目的"],
         [1, "2026/11/19 9:31:02", "yunduo_03", "13800138003", "学习"]],
    )  # fmt: skip
    plan, summary, _ = imp(db, only_ids)
    assert summary is not None and summary.added == 1
    assert [(w.row, w.column, w.code) for w in plan.warnings] == [(2, "1、您的微信号", "name_from_wechat_id")]
    assert _people_with_nicknames(db)["yunduo_03"] == (None, None, "yunduo_03")


def test_a_name_left_empty_where_the_form_asks_it_stays_a_problem(db, tmp_path):
    """The form asks 您的姓名 and one applicant left it empty, giving only a WeChat ID: the organiser supplies the
    name (as on a roster) — never the WeChat ID taken for it silently."""
    from desktop.services.imports import ImportFailed

    path = write(
        tmp_path / "wjx.xlsx",
        [CORRECTED, [1, "2026/11/18 9:31:02", "60秒", "", "yunduo_03", "", ""]],
    )
    with pytest.raises(ImportFailed) as failed:
        imp(db, path)
    assert [(p.row, p.code) for p in failed.value.problems] == [(2, "name_missing")]
