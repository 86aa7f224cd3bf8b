"""Defects found by the second import probe: rules of the first round that refused legitimate files (a family
sharing a phone, a 联系方式 column of WeChat IDs, remarks in survey questions, instruction sheets) and a few
remaining wrong records. Values are read back from the database or the plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.cli import main
from desktop.io.fields import map_headers, parse_phone
from desktop.io.tabular import read_table
from desktop.services.groups import get_or_create_group
from desktop.services.imports import ImportFailed, run_import
from desktop.services.roster import MemberInput, add_member
from models import AuditEntry, Member, Membership
from tests.desktop.test_imports import write_csv, write_xlsx

GROUP = "测试群"
SURVEY_META = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]


def seed(database, actor, *members: MemberInput) -> None:
    with database.session() as s:
        group, _ = get_or_create_group(s, actor, GROUP)
        for m in members:
            add_member(s, actor, group, m)
        s.commit()


def people(database) -> dict[str, tuple]:
    with database.session() as s:
        rows = s.execute(
            select(Member.display_name, Member.nickname, Member.wechat_id, Member.phone).where(
                Member.deleted_at.is_(None)
            )
        ).all()
    return {name: (nick, wechat, phone) for name, nick, wechat, phone in rows}


def survey(path: Path, questions: list[str], answers: list[list]) -> Path:
    rows = [[*SURVEY_META, *questions]]
    for i, a in enumerate(answers, 1):
        rows.append([i, f"2026/11/{10 + i} 09:00:00", "60秒", "微信", "N/A", "1.2.3.4", *a])
    return write_xlsx(path, rows)


def imp(database, actor, path: Path, kind: str = "roster", **kw):
    return run_import(database, actor, path, GROUP, kind, **kw)


def warnings_of(plan) -> dict[int, list[str]]:
    return {r.row: [w.code for w in r.warnings] for r in plan.rows if r.warnings}


# 1 ------------------------------------------------------------------------------------------------------


def test_existing_family_sharing_a_phone_is_told_apart_by_wechat_id_or_name(workspace, owner, tmp_path):
    seed(
        workspace,
        owner,
        MemberInput("王芳", wechat_id="wangfang", phone="13600136000"),
        MemberInput("王小明", wechat_id="xiaoming2015", phone="13600136000"),
        MemberInput("李丽", phone="13500135000"),
        MemberInput("李小宝", phone="13500135000"),
    )
    before = people(workspace)
    path = write_xlsx(
        tmp_path / "d01.xlsx",
        [["姓名", "微信号", "手机"], ["王小明", "xiaoming2015", "13600136000"], ["李丽", None, "13500135000"]],
    )
    plan, summary, _ = imp(workspace, owner, path)
    assert [(r.row, r.action) for r in plan.rows] == [(2, "unchanged"), (3, "unchanged")]
    assert not plan.warnings  # both already had that phone: nothing new to say
    assert people(workspace) == before


# 2 ------------------------------------------------------------------------------------------------------


def test_parent_and_child_with_own_wechat_ids_share_a_phone(workspace, owner, tmp_path):
    rows = [["姓名", "微信号", "手机"], ["王芳", "wangfang", "13600136000"], ["王小明", "xiaoming2015", "13600136000"]]
    plan, summary, _ = imp(workspace, owner, write_xlsx(tmp_path / "a.xlsx", rows))
    assert (summary.added, plan.problem) == (2, 0)
    assert warnings_of(plan) == {3: ["phone_shared"]} and plan.rows[1].warnings[0].candidate_rows == (2,)
    assert people(workspace) == {
        "王芳": (None, "wangfang", "13600136000"),
        "王小明": (None, "xiaoming2015", "13600136000"),
    }
    plan, summary, _ = imp(workspace, owner, write_xlsx(tmp_path / "a.xlsx", rows))  # again: nothing changes
    assert (summary.added, summary.updated) == (0, 0) and not plan.warnings


def test_child_alone_against_an_existing_parent_is_a_new_person_with_a_warning(workspace, owner, tmp_path):
    seed(workspace, owner, MemberInput("王芳", wechat_id="wangfang", phone="13600136000"))
    path = write_xlsx(tmp_path / "b.xlsx", [["姓名", "微信号", "手机"], ["王小明", "xiaoming2015", "13600136000"]])
    plan, summary, _ = imp(workspace, owner, path)
    assert summary.added == 1
    (warning,) = plan.rows[0].warnings
    assert warning.code == "phone_shared" and "王芳" in warning.message
    assert people(workspace)["王小明"] == (None, "xiaoming2015", "13600136000")


def test_family_rows_without_wechat_ids_need_different_names(workspace, owner, tmp_path):
    rows = [["姓名", "手机"], ["王芳", "13600136000"], ["王小明", "13600136000"], ["王芳", "13600136000"]]
    with pytest.raises(ImportFailed) as caught:  # row 4: the same name and phone as row 2, the same person twice
        imp(workspace, owner, write_csv(tmp_path / "c.csv", rows))
    assert [(p.row, p.code) for p in caught.value.problems] == [(4, "duplicate_phone")]
    assert warnings_of(caught.value.plan) == {3: ["phone_shared"]}


def test_phone_the_only_identity_with_another_name_is_still_refused(workspace, owner, tmp_path):
    seed(workspace, owner, MemberInput("王芳", phone="13600136000"))
    path = write_csv(tmp_path / "d.csv", [["姓名", "手机"], ["赵六", "13600136000"]])
    with pytest.raises(ImportFailed) as caught:
        imp(workspace, owner, path)
    assert caught.value.code == "phone_of_person_with_other_name"


def test_survey_siblings_with_a_parents_phone_are_two_applicants(workspace, owner, tmp_path):
    path = survey(
        tmp_path / "s.xlsx",
        ["1、您的姓名", "2、您的手机号", "3、您的微信号"],
        [["王小红", "13600136000", "xiaohong"], ["王小明", "13600136000", "xiaoming"]],
    )
    plan, summary, _ = imp(workspace, owner, path, "applications")
    assert summary.added == 2 and warnings_of(plan) == {3: ["phone_shared"]}
    assert {n: p[1:] for n, p in people(workspace).items()} == {
        "王小红": ("xiaohong", "13600136000"),
        "王小明": ("xiaoming", "13600136000"),
    }


# 3 ------------------------------------------------------------------------------------------------------


def test_lianxifangshi_is_judged_by_its_values(workspace, owner, tmp_path):
    assert map_headers(["姓名", "联系方式", "手机"]) == {0: "name", 2: "phone"}  # the explicit 手机 wins
    assert map_headers(["姓名", "Contact Number"]) == {0: "name", 1: "phone"}
    rows = [["张三", "zhangsan_88"], ["李四", "wxid_abc123"]]
    assert map_headers(["姓名", "联系方式"], rows) == {0: "name", 1: "wechat_id"}
    assert map_headers(["姓名", "Contact"], rows) == {0: "name", 1: "wechat_id"}
    assert map_headers(["姓名", "联系方式"], [["张三", 12345678], ["李四", 987654321]]) == {0: "name"}  # QQ
    assert map_headers(["姓名", "联系方式"], [["张三", "138 0013 8000"]]) == {0: "name", 1: "phone"}

    imp(workspace, owner, write_xlsx(tmp_path / "a.xlsx", [["姓名", "联系方式"], *rows]))
    imp(workspace, owner, write_xlsx(tmp_path / "c.xlsx", [["姓名", "联系方式"], ["王五", 12345678]]))
    path = write_xlsx(tmp_path / "b.xlsx", [["姓名", "联系方式", "手机"], ["赵六", "zs_88", "13800138000"]])
    imp(workspace, owner, path)
    assert people(workspace) == {
        "张三": (None, "zhangsan_88", None),
        "李四": (None, "wxid_abc123", None),
        "王五": (None, None, None),  # a QQ number is never a phone
        "赵六": (None, None, "13800138000"),
    }


# 4 ------------------------------------------------------------------------------------------------------


def test_survey_question_remarks_do_not_hide_identity_questions(workspace, owner, tmp_path):
    path = survey(
        tmp_path / "s.xlsx",
        [
            "1、您的称呼（朋友们怎么叫你）",
            "2、您的微信号（方便我们进一步了解您）",
            "3、您的手机号（他人不可见）",
            "4、紧急联系人电话",
        ],
        [["张三", "zs_88", "13800138000", "13902411178（妻子）"]],
    )
    plan, summary, _ = imp(workspace, owner, path, "applications")
    assert summary.added == 1
    assert sorted(plan.mapping.values()) == ["name", "phone", "wechat_id"]
    with workspace.session() as s:
        note = s.scalar(select(Member.note))
    assert people(workspace) == {"张三": (None, "zs_88", "13800138000")}
    # item 13: another person's phone is kept on the note masked, as exports show phones
    assert note == "问卷: 紧急联系人电话: 139****1178（妻子）"
    path = survey(
        tmp_path / "t.xlsx",
        ["1、您的姓名（是否实名均可）", "2、您的手机号（紧急情况时联系您）"],
        [["李四", "13900139000"]],
    )
    imp(workspace, owner, path, "applications")
    assert people(workspace)["李四"] == (None, None, "13900139000")


# 5, 6 ---------------------------------------------------------------------------------------------------


def test_group_nickname_is_no_identity_claim_and_a_nickname_never_renames(workspace, owner, tmp_path):
    seed(workspace, owner, MemberInput("张三", nickname="三哥", phone="13800138000"))
    imp(workspace, owner, write_xlsx(tmp_path / "g1.xlsx", [["群昵称", "手机"], ["三哥-深圳", "13800138000"]]))
    plan, summary, _ = imp(
        workspace, owner, write_xlsx(tmp_path / "g2.xlsx", [["群昵称", "手机"], ["三哥-广州", "13800138000"]])
    )
    assert summary.updated == 1
    assert [(c.field, c.before, c.after) for c in plan.rows[0].changes] == [
        ("group_nickname", "三哥-深圳", "三哥-广州")
    ]
    plan, summary, _ = imp(
        workspace, owner, write_xlsx(tmp_path / "n.xlsx", [["姓名", "手机"], ["三哥", "13800138000"]])
    )
    assert [r.action for r in plan.rows] == ["unchanged"]
    assert people(workspace) == {"张三": ("三哥", None, "13800138000")}
    with workspace.session() as s:
        assert s.scalar(select(Membership.group_nickname)) == "三哥-广州"


# 7 ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("column", ["推荐人", "邀请人"])
def test_skip_with_a_referrer_in_a_later_problem_row_is_idempotent(workspace, owner, tmp_path, column):
    path = write_csv(
        tmp_path / "r.csv",
        [
            ["姓名", "手机", "入群时间", column],
            ["王五", "13700137000", "", "李四"],
            ["李四", "13900139000", "2026-13-45", ""],
        ],
    )
    for run in range(3):
        plan, summary, _ = imp(workspace, owner, path, skip_problems=True)
        assert (summary.added, summary.updated, summary.unlinked) == ((1 if run == 0 else 0), 0, 0)
        assert [w.code for w in plan.rows[0].warnings] == ["referrer_row_problem"]
        assert all(c.field != "referrer" for c in plan.rows[0].changes)
    with workspace.session() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "member.update")) == 0
        assert s.scalar(select(func.count()).where(AuditEntry.action == "import.roster")) == 1


# 8 ------------------------------------------------------------------------------------------------------


def test_a_resubmission_that_corrects_a_bad_phone_or_time_supersedes_the_problem(workspace, owner, tmp_path):
    path = survey(
        tmp_path / "s.xlsx",
        ["1、您的姓名", "2、您的微信号", "3、您的手机号"],
        [["张三", "zs88", "1380013800"], ["张三", "zs88", "13800138000"], ["李四", "ls", "13900139000"]],
    )
    plan, summary, _ = imp(workspace, owner, path, "applications")
    assert summary.added == 2 and plan.problem == 0
    assert people(workspace)["张三"] == (None, "zs88", "13800138000")
    wb = Workbook()
    ws = wb.active
    ws.append([*SURVEY_META, "1、您的姓名", "2、您的微信号"])
    ws.append([1, "昨天", "1秒", "微信", "N/A", "1.1.1.1", "王五", "ww"])
    ws.append([2, "2026/11/12 09:00:00", "1秒", "微信", "N/A", "1.1.1.1", "王五", "ww"])
    wb.save(tmp_path / "t.xlsx")
    plan, summary, _ = imp(workspace, owner, tmp_path / "t.xlsx", "applications")
    assert summary.added == 1 and plan.problem == 0


# 9 ------------------------------------------------------------------------------------------------------


def test_instruction_and_example_sheets_are_not_picked(workspace, owner, tmp_path):
    def book(name: str, first: str, first_rows: list[list], second: str = "成员名单") -> Path:
        wb = Workbook()
        ws = wb.active
        ws.title = first
        for r in first_rows:
            ws.append(r)
        ws2 = wb.create_sheet(second)
        for r in [["姓名", "手机", "微信号"], ["王五", "13700137000", "ww"]]:
            ws2.append(r)
        wb.save(tmp_path / name)
        return tmp_path / name

    fields = [["列名", "填写要求"], ["姓名", "必填"], ["手机", "必填，11位"], ["微信号", "选填"]]
    assert read_table(book("a.xlsx", "Sheet0", fields)).sheet == "成员名单"  # a list of the columns
    notes = [["说明"], ["1. 姓名请填写真实姓名"], ["2. 手机请填写11位"]]
    assert read_table(book("b.xlsx", "注意", notes)).sheet == "成员名单"  # numbered notes
    example = [["姓名", "手机", "微信号"], ["张三（示例）", "13800000000", "example"]]
    assert read_table(book("c.xlsx", "填写示例", example)).sheet == "成员名单"
    # an example row in the member sheet itself: skipped with a note
    path = write_xlsx(
        tmp_path / "d.xlsx", [["姓名", "手机"], ["张三（示例）", "13800000000"], ["示例", ""], ["王五", "13700137000"]]
    )
    plan, summary, _ = imp(workspace, owner, path)
    assert summary.added == 1 and set(people(workspace)) == {"王五"}
    assert [(s.row, s.reason) for s in plan.skipped] == [(2, "example"), (3, "example")]


# 10 -----------------------------------------------------------------------------------------------------


def test_name_parts_and_a_referrer_phone(workspace, owner, tmp_path):
    imp(workspace, owner, write_xlsx(tmp_path / "a.xlsx", [["姓氏", "名字", "手机"], ["张", "三", "13800138000"]]))
    path = write_xlsx(tmp_path / "b.xlsx", [["姓", "名", "姓名", "手机"], ["李", "四", None, "13900139000"]])
    imp(workspace, owner, path)
    path = write_xlsx(tmp_path / "c.xlsx", [["姓名", "手机", "推荐人手机"], ["王五", "13700137000", "138 0013 8000"]])
    imp(workspace, owner, path)
    assert set(people(workspace)) == {"张三", "李四", "王五"}
    with workspace.session() as s:
        referrer = s.scalar(select(Member.display_name).join(Membership, Membership.referrer_id == Member.id))
    assert referrer == "张三"


# 11, 12, 13 ---------------------------------------------------------------------------------------------


def test_csv_with_spaces_after_the_separator(workspace, owner, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text('姓名, 手机, 城市\n张三, 13800138000, "北京, 朝阳"\n', encoding="utf-8")
    imp(workspace, owner, path)
    with workspace.session() as s:
        assert s.scalar(select(Member.city)) == "北京, 朝阳"


def test_unclosed_quote_before_a_later_quoted_cell_says_where_it_opened(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('姓名,手机,备注\n张三,13800138000,"未闭合\n李四,13900139000,ok\n王五,137,"好"\n', encoding="utf-8")
    with pytest.raises(Exception) as caught:
        read_table(path)
    assert (
        caught.value.code == "csv_quote" and "第2行" in caught.value.message and "never closed" in caught.value.message
    )


def test_international_phones():
    def phone(text: str) -> str | None:
        return parse_phone(text, file="f", row=2, column="c")

    assert phone("00852 61234567") == phone("852-6123 4567") == "+85261234567"
    assert phone("+886 0912 345 678") == phone("+886 912 345 678") == "+886912345678"
    assert phone("+86 010 12345678") == "010-12345678"


def test_cli_skip_lists_each_row_once(any_db_url, tmp_path, capsys):
    path = write_csv(
        tmp_path / "r.csv",
        [["姓名", "手机", "入群时间"], ["张三", "13800138000", ""], ["李四", "abc", "2026-13-45"]],
    )
    code = main(["--db", any_db_url, "import", "roster", str(path), "--group", GROUP, "--skip-problems"])
    _out, err = capsys.readouterr()
    assert code == 0, err
    skipped = [line for line in err.splitlines() if "已跳过 (skipped)" in line]
    assert len(skipped) == 1 and "第3行" in skipped[0] and "手机" in skipped[0] and "入群时间" in skipped[0]


# third probe ---------------------------------------------------------------------------------------------


def test_spouse_row_with_the_husbands_wechat_id_is_a_problem_not_a_rename(workspace, owner, tmp_path):
    seed(
        workspace,
        owner,
        MemberInput("张三", wechat_id="zhangsan1", phone="13800138001"),
        MemberInput("李梅", phone="13800138001"),
    )
    before = people(workspace)
    with pytest.raises(ImportFailed) as caught:
        imp(
            workspace,
            owner,
            write_xlsx(tmp_path / "r.xlsx", [["姓名", "微信号", "手机"], ["李梅", "zhangsan1", "13800138001"]]),
        )
    assert [p.code for p in caught.value.plan.problems] == ["wechat_and_phone_of_two_people"]
    with pytest.raises(ImportFailed) as caught:
        imp(
            workspace,
            owner,
            survey(
                tmp_path / "s.xlsx",
                ["1、您的姓名", "2、您的手机号", "3、您的微信号"],
                [["李梅", "13800138001", "zhangsan1"]],
            ),
            "applications",
        )
    assert [p.code for p in caught.value.plan.problems] == ["wechat_and_phone_of_two_people"]
    assert people(workspace) == before


def test_unrelated_group_nickname_on_a_phone_is_a_problem_not_a_changed_nickname(workspace, owner, tmp_path):
    imp(
        workspace, owner, write_xlsx(tmp_path / "a.xlsx", [["姓名", "群昵称", "手机"], ["张三", "老张", "13800138001"]])
    )
    with pytest.raises(ImportFailed) as caught:
        imp(workspace, owner, write_xlsx(tmp_path / "b.xlsx", [["群昵称", "手机"], ["张嫂", "13800138001"]]))
    problems = caught.value.plan.problems
    assert [p.code for p in problems] == ["phone_of_person_with_other_name"] and "张三" in problems[0].message
    with workspace.session() as s:
        assert s.scalar(select(Membership.group_nickname)) == "老张"


def test_phone_in_a_lianxifangshi_column_of_wechat_ids_is_the_phone(workspace, owner, tmp_path):
    rows = [["王芳", "wangfang1"], ["李四", "lisi_88"], ["赵六", "zhaoliu9"], ["孙七", "13800138004"]]
    plan, _summary, _ = imp(workspace, owner, write_xlsx(tmp_path / "c.xlsx", [["姓名", "联系方式"], *rows]))
    assert plan.mapping == {0: "name", 1: "wechat_id"}
    assert people(workspace)["孙七"] == (None, None, "13800138004")
    assert people(workspace)["王芳"] == (None, "wangfang1", None)
    with pytest.raises(ImportFailed) as caught:
        imp(
            workspace,
            owner,
            write_xlsx(tmp_path / "d.xlsx", [["姓名", "联系方式", "手机"], ["周八", "13800138005", "13900139000"]]),
            mapping={0: "name", 1: "wechat_id", 2: "phone"},
        )
    assert [p.code for p in caught.value.plan.problems] == ["phone_in_wechat_column"]


def test_lianxifangshi_half_phones_half_wechat_ids_is_named_not_dropped(workspace, owner, tmp_path):
    rows = [["王芳", "13800138001"], ["李四", "wangfang1"], ["赵六", "13800138002"], ["孙七", "lisi_88"]]
    path = write_xlsx(tmp_path / "h.xlsx", [["姓名", "联系方式"], *rows])
    with pytest.raises(ImportFailed) as caught:
        imp(workspace, owner, path)
    problems = caught.value.plan.file_problems
    assert [p.code for p in problems] == ["mixed_contact_column"] and "联系方式" in problems[0].message
    imp(workspace, owner, path, mapping={0: "name", 1: "wechat_id"})  # mapped by hand: phones are phones
    assert people(workspace)["王芳"] == (None, None, "13800138001")
    assert people(workspace)["李四"] == (None, "wangfang1", None)


def test_a_namesake_with_another_wechat_id_is_added_with_a_warning(workspace, owner, tmp_path):
    """王五 (wangwu_old, no phone) is on the roster; a row 王五 / wangwu_new is another person as far as the file
    shows — added, and the row says a member of that name exists (merge them if they are one); a re-import of
    the same file is silent."""
    first = write_xlsx(tmp_path / "a.xlsx", [["姓名", "微信号"], ["王五", "wangwu_old"]])
    run_import(workspace, owner, first, "晨读营", "roster")
    second = write_xlsx(tmp_path / "b.xlsx", [["姓名", "微信号"], ["王五", "wangwu_new"]])
    plan, summary, _ = run_import(workspace, owner, second, "晨读营", "roster")
    assert summary.added == 1
    assert [w.code for r in plan.rows for w in r.warnings] == ["namesake_added"]
    plan, summary, _ = run_import(workspace, owner, second, "晨读营", "roster")
    assert (summary.added, summary.unchanged) == (0, 1) and not plan.warnings
