"""A roster or application row adding someone deleted from the roster (soft delete, restorable) under another name or
in another group: 李四 deleted, then a file with 小李 and 李四's WeChat ID made a second person without a word, and
once the deletion was undone the roster held the one person twice. Now the row is warned `deleted_added`, naming
them; it is still added (a deleted record matches nothing: the restore is the organiser's decision)."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.services.groups import create_group
from desktop.services.imports import run_import
from desktop.services.members import merge_members
from desktop.services.onboarding import leave_group
from desktop.services.roster import MemberInput, add_member, soft_delete_member
from tests.desktop.test_imports import write_csv

JOINED = datetime(2026, 9, 1, 12)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-20")


@pytest.fixture
def people(workspace, owner):
    """晨读营 with 张三 (live) and 李四 (deleted, with WeChat ID, phone and QQ); 跑步群 empty."""
    with workspace.session() as s:
        gid = create_group(s, owner, "晨读营")
        add_member(s, owner, gid, MemberInput("张三", wechat_id="zhangsan01", joined_at=JOINED))
        li, _ = add_member(
            s,
            owner,
            gid,
            MemberInput("李四", wechat_id="Lisi_WX", phone="13900139000", qq="123456789", joined_at=JOINED),
        )
        soft_delete_member(s, owner, li)
        create_group(s, owner, "跑步群")
        s.commit()
    return dict(gid=gid, li=li)


def plan_of(workspace, owner, tmp_path, rows, group="晨读营", kind="roster"):
    path = write_csv(tmp_path / "名单.csv", rows)
    plan, _summary, _ = run_import(workspace, owner, path, group, kind, dry_run=True)
    return plan


@pytest.mark.parametrize("group", ["晨读营", "跑步群"])
@pytest.mark.parametrize(
    "row",
    [["小李", "lisi_wx ", "", ""], ["Lee", "", "+86 139-0013-9000", ""], ["四哥", "", "", "123456789"]],
    ids=["wechat-other-case", "phone-with-86", "qq"],
)
def test_a_row_with_the_id_of_a_deleted_person_is_added_and_names_them(workspace, owner, people, tmp_path, group, row):
    plan = plan_of(workspace, owner, tmp_path, [["姓名", "微信号", "手机", "QQ"], ["张三", "zhangsan01", "", ""], row])
    assert plan.ok
    assert plan.rows[1].action == "add"  # still added: a deleted record matches nothing
    [warning] = [w for w in plan.warnings if w.code == "deleted_added"]
    assert warning.row == 3 and warning.value == "李四"
    assert "名册里删除过的「李四」" in warning.message and "restore them" in warning.message


def test_the_same_name_in_the_same_group_is_said_once(workspace, owner, people, tmp_path):
    """李四 with his own WeChat ID on 晨读营's roster: the name already says 名册里删除过「李四」 (lookalike_added)."""
    plan = plan_of(workspace, owner, tmp_path, [["姓名", "微信号"], ["李四", "LISI_WX"]])
    assert [w.code for w in plan.warnings] == ["lookalike_added"]


def test_an_application_with_the_id_of_a_deleted_person_names_them(workspace, owner, people, tmp_path):
    plan = plan_of(
        workspace,
        owner,
        tmp_path,
        [["序号", "提交答卷时间", "1、您的姓名:", "2、您的微信号:"], [1, "2026/11/05 10:00:00", "小李", "lisi_wx"]],
        group="跑步群",
        kind="applications",
    )
    assert [(w.code, w.row, w.value) for w in plan.warnings] == [("deleted_added", 2, "李四")]


def test_a_blacklisted_or_merged_away_record_is_not_said_as_deleted(workspace, owner, people, tmp_path):
    """A deleted blacklisted person is said as blacklisted_deleted (with the day and why), not twice; a record merged
    into another is that person, found live."""
    with workspace.session() as s:
        wang, ms = add_member(s, owner, people["gid"], MemberInput("王五", wechat_id="wangwu88", joined_at=JOINED))
        leave_group(s, owner, ms, "发广告", status="blacklisted", when=datetime(2026, 10, 3, 12))
        soft_delete_member(s, owner, wang)
        keep, _ = add_member(s, owner, people["gid"], MemberInput("赵六", joined_at=JOINED))
        drop, _ = add_member(s, owner, people["gid"], MemberInput("老赵", wechat_id="zhao66", joined_at=JOINED))
        merge_members(s, owner, keep, drop)
        s.commit()
    plan = plan_of(workspace, owner, tmp_path, [["姓名", "微信号"], ["小五", "wangwu88"], ["Zhao", "zhao66"]], "跑步群")
    assert "deleted_added" not in [w.code for w in plan.warnings]
    assert "blacklisted_deleted" in [w.code for w in plan.warnings]


def test_nothing_is_said_when_nobody_was_deleted(workspace, owner, tmp_path):
    with workspace.session() as s:
        create_group(s, owner, "晨读营")
        s.commit()
    plan = plan_of(workspace, owner, tmp_path, [["姓名", "微信号"], ["小李", "lisi_wx"]])
    assert plan.warnings == []
