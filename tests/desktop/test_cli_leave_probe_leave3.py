"""`qundesk leave add | list | remove` (leave, third probe): the CLI could not record a leave — a pasted chain's
`王五 请假3天` named the days and pointed at the window, and a cron user or a team member at a terminal had no way to
record it (王五 @-named in the next reminder, their streak broken). Now `leave add` records it through the window's
service (checkins.record_leave: same permission, same checks, audited, one transaction), refusing by name an
ambiguous name, a former member, a leave before joining and one overlapping another; `leave list` lists them and
`leave remove` takes one back; `checkin --paste` prints the exact `leave add` for each leave line it found."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from desktop.cli import main
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import AuditEntry, Group, Leave

DAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    monkeypatch.setenv("QUNDESK_TODAY", DAY.isoformat())


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "w.sqlite"
    db = open_workspace(p)
    owner = actor_for(db)
    with db.session() as s:
        gid = create_group(s, owner, "晨读群")
        s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)
        since = datetime(2026, 10, 1, 9)
        for name, wx in (("张三", "zs_a"), ("张三", "zs_b"), ("李四", "lisi"), ("王五", "wangwu")):
            add_member(s, owner, gid, MemberInput(display_name=name, wechat_id=wx, joined_at=since))
        add_member(s, owner, gid, MemberInput(display_name="新人", joined_at=datetime(2026, 12, 1, 9)))
        add_member(
            s,
            owner,
            gid,
            MemberInput(display_name="老周", status="left", joined_at=since, left_at=datetime(2026, 11, 20, 9)),
        )
        add_operator(s, owner, "小助理", "assistant")
        s.commit()
    db.dispose()
    return p


def run(path, *words):
    return main(["--db", str(path), *words])


def leaves(path):
    db = open_workspace(path)
    try:
        with db.session() as s:
            return sorted((lv.membership_id, lv.start_day, lv.end_day, lv.reason) for lv in s.query(Leave))
    finally:
        db.dispose()


def test_add_list_remove(path, capsys):
    assert run(path, "leave", "add", "--group", "晨读群", "--member", "李四", "--from", "2026-12-05",
               "--to", "2026-12-08", "--reason", "出差") == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "请假已记录 李四 2026-12-05 至 2026-12-08" in out
    assert run(path, "leave", "list", "--group", "晨读群", "--month", "2026-12", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {"name": "李四", "wechat_id": "lisi", "from": "2026-12-05", "to": "2026-12-08", "days": 4, "reason": "出差"}
    ]
    assert run(path, "leave", "list", "--group", "晨读群", "--month", "2026-11", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert run(path, "leave", "remove", "--group", "晨读群", "--member", "李四", "--on", "2026-12-07") == 0
    assert "已删除请假 李四 2026-12-05 至 2026-12-08" in capsys.readouterr().out
    assert leaves(path) == []
    db = open_workspace(path)
    try:
        with db.session() as s:
            assert [a.action for a in s.query(AuditEntry).filter(AuditEntry.action.like("leave.%"))] == [
                "leave.record",
                "leave.remove",
            ]
    finally:
        db.dispose()


def test_an_assistant_records_leave_as_in_the_window(path, capsys):
    code = run(
        path, "--operator", "小助理", "leave", "add", "--group", "晨读群", "--member", "王五", "--from", "2026-12-04"
    )
    assert code == 0
    assert [(d1, d2) for _m, d1, d2, _r in leaves(path)] == [(DAY, DAY)]


@pytest.mark.parametrize(
    ("member", "start", "end", "said"),
    [
        ("张三", "2026-12-05", "2026-12-05", ["不确定是谁", "zs_a", "zs_b"]),
        ("赵六", "2026-12-05", "2026-12-05", ["名册中没有此人"]),
        ("老周", "2026-12-05", "2026-12-05", ["不是该社群的已入群成员", "老周"]),
        ("新人", "2026-11-28", "2026-12-02", ["新人 12月1日才入群", "record it from 2026-12-01"]),
        ("李四", "2026-12-10", "2026-12-09", ["早于"]),
    ],
)
def test_refusals_name_the_member_and_write_nothing(path, capsys, member, start, end, said):
    code = run(path, "leave", "add", "--group", "晨读群", "--member", member, "--from", start, "--to", end)
    err = capsys.readouterr().err
    assert code == 1
    for words in said:
        assert words in err
    assert "未记录" in err
    assert leaves(path) == []


def test_an_overlapping_leave_is_refused_naming_the_one_it_overlaps(path, capsys):
    assert (
        run(path, "leave", "add", "--group", "晨读群", "--member", "zs_b", "--from", "2026-12-05", "--to", "2026-12-08")
        == 0
    )
    capsys.readouterr()
    code = run(
        path, "leave", "add", "--group", "晨读群", "--member", "zs_b", "--from", "2026-12-07", "--to", "2026-12-10"
    )
    err = capsys.readouterr().err
    assert code == 1 and "张三: 与已有请假 2026-12-05 至 2026-12-08 重叠" in err
    assert len(leaves(path)) == 1
    # the other 张三 is another person: their leave of the same days is theirs
    assert run(path, "leave", "add", "--group", "晨读群", "--member", "zs_a", "--from", "2026-12-07") == 0
    assert run(path, "leave", "list", "--group", "晨读群") == 0
    out = capsys.readouterr().out
    assert "张三 (zs_b)\t2026-12-05 至 2026-12-08\t4天" in out and "张三 (zs_a)\t2026-12-07\t1天" in out


def test_remove_of_a_day_without_leave_removes_nothing(path, capsys):
    code = run(path, "leave", "remove", "--group", "晨读群", "--member", "李四", "--on", "2026-12-05")
    assert code == 1 and "没有请假记录" in capsys.readouterr().err


def test_a_pasted_leave_line_gives_the_exact_command(path, tmp_path, capsys):
    chain = tmp_path / "chain.txt"
    chain.write_text("#接龙 12月4日打卡\n1. 李四 6:00\n2. 王五 请假3天\n3. zs_a 明天请假\n", encoding="utf-8")
    assert run(path, "checkin", "--group", "晨读群", "--date", "2026-12-04", "--paste", str(chain)) == 0
    err = capsys.readouterr().err
    assert "→ qundesk leave add --group 晨读群 --member 王五 --from 2026-12-04 --to 2026-12-06" in err
    # two 张三: the command names this one by WeChat ID, which `leave add` finds for certain
    assert "→ qundesk leave add --group 晨读群 --member zs_a --from 2026-12-05" in err
    assert leaves(path) == []  # the paste records no leave
    assert (
        run(path, "leave", "add", "--group", "晨读群", "--member", "王五", "--from", "2026-12-04", "--to", "2026-12-06")
        == 0
    )
    capsys.readouterr()
    assert run(path, "checkin", "--group", "晨读群", "--date", "2026-12-04", "--paste", str(chain)) == 0
    err = capsys.readouterr().err
    assert "--member 王五" not in err and "这次请假已记录" in err  # recorded: no command again
