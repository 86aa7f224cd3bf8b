"""The blacklist probe: every way a blacklisted person (拉黑, the spammer of 晨读营) comes back into a record says so,
with since when and why — a roster or survey file naming them, a chat export's join notice. Before, a roster of the
group's people now listed them as 不变 unchanged, another group's import made them a member there, a file's 状态
column lifted the blacklist, and a join notice of theirs was dropped, each without a word."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.services.chat_import import run_chat_import
from desktop.services.groups import create_group
from desktop.services.imports import run_import
from desktop.services.onboarding import leave_group
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for
from models import Group, Member, Membership
from tests.desktop.test_imports import write_csv

TODAY = date(2026, 11, 18)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: the blacklisting is of October 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


@pytest.fixture
def ws(sqlite_workspace):
    """晨读营 with 张三 (a member) and 王五, blacklisted on 3 October for ads; 跑步群 empty."""
    return _set_up(sqlite_workspace)


@pytest.fixture
def any_ws(workspace):
    """The same on a real SQLite file and a real PostgreSQL database (for the queries changed)."""
    return _set_up(workspace)


def _set_up(database):
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "晨读营")
        add_member(s, owner, gid, MemberInput("张三", wechat_id="zhangsan01", joined_at=datetime(2026, 9, 1, 12)))
        _mid, ms = add_member(
            s,
            owner,
            gid,
            MemberInput("王五", wechat_id="wangwu88", phone="13900139005", joined_at=datetime(2026, 9, 1, 12)),
        )
        leave_group(s, owner, ms, "发广告", status="blacklisted", when=datetime(2026, 10, 3, 12))
        create_group(s, owner, "跑步群")
        s.commit()
    return database


def _status(ws, group: str, name: str) -> str | None:
    with ws.session() as s:
        return s.scalar(
            select(Membership.status)
            .join(Member, Member.id == Membership.member_id)
            .join(Group, Group.id == Membership.group_id)
            .where(Group.name == group, Member.display_name == name)
        )


def test_a_roster_listing_a_blacklisted_person_keeps_them_out_and_says_so(ws, tmp_path):
    """A 企业微信 export of who is in 晨读营 now lists 王五 (someone let him back in): the row was 不变 unchanged,
    nothing more. He stays blacklisted, and the row says so with the day and the reason."""
    owner = actor_for(ws)
    path = write_csv(tmp_path / "群成员.csv", [["姓名", "微信号"], ["张三", "zhangsan01"], ["王五", "wangwu88"]])
    plan, _summary, _ = run_import(ws, owner, path, "晨读营", "roster")
    [warning] = plan.warnings
    assert (warning.code, warning.row) == ("still_blacklisted", 3)
    assert "已拉黑: 王五" in warning.message and "2026-10-03" in warning.message and "发广告" in warning.message
    assert _status(ws, "晨读营", "王五") == "blacklisted"


def test_a_roster_that_says_blacklisted_itself_is_not_warned(ws, tmp_path):
    """QunDesk's own roster export, imported again: its 状态 column says 黑名单 — the file agrees, nothing to say."""
    owner = actor_for(ws)
    path = write_csv(tmp_path / "名册.csv", [["姓名", "微信号", "状态"], ["王五", "wangwu88", "黑名单"]])
    plan, _summary, _ = run_import(ws, owner, path, "晨读营", "roster")
    assert [w.code for w in plan.warnings] == []
    assert _status(ws, "晨读营", "王五") == "blacklisted"


def test_a_files_status_that_lifts_a_blacklist_says_so(ws, tmp_path):
    """A 微伴 export with 状态 正常 for everyone in the chat, 王五 included: the owner's import lifts his blacklist
    (a status column sets the status), and said 更新 2 in its counts and nothing else. Now the row warns."""
    owner = actor_for(ws)
    path = write_csv(tmp_path / "微伴.csv", [["姓名", "微信号", "状态"], ["王五", "wangwu88", "正常"]])
    plan, _summary, _ = run_import(ws, owner, path, "晨读营", "roster")
    [warning] = plan.warnings
    assert (warning.code, warning.row, warning.column) == ("blacklist_lifted", 2, "状态")
    assert "解除黑名单: 王五" in warning.message and "2026-10-03" in warning.message
    assert _status(ws, "晨读营", "王五") == "active"


@pytest.mark.parametrize(
    "row",
    [["王五", "wangwu88", ""], ["王五", "", "139-0013-9005"], ["Wu", "WANGWU88", ""]],
    ids=["wechat", "phone", "changed-name"],
)
def test_another_groups_import_naming_a_blacklisted_person_says_where_and_why(any_ws, tmp_path, row):
    """跑步群's roster names 王五 by his WeChat ID (or his phone, or his WeChat ID under a new name): he became a member there without
    a word, while adding him by hand warns (roster.DuplicateHit.blacklisted_in). The blacklist is per group, so he is
    added — and the row names the group that blacklisted him, since when and why."""
    owner = actor_for(any_ws)
    path = write_csv(tmp_path / "跑步.csv", [["姓名", "微信号", "手机"], ["张三", "zhangsan01", ""], row])
    plan, _summary, _ = run_import(any_ws, owner, path, "跑步群", "roster")
    [warning] = [w for w in plan.warnings if w.code == "blacklisted_elsewhere"]
    assert warning.row == 3
    assert "晨读营" in warning.message and "2026-10-03" in warning.message and "发广告" in warning.message


def test_a_survey_in_another_group_from_a_blacklisted_person_says_so(ws, tmp_path):
    owner = actor_for(ws)
    path = write_csv(
        tmp_path / "问卷.csv",
        [
            ["序号", "提交答卷时间", "1、您的姓名:", "2、您的微信号:"],
            [1, "2026/11/05 10:00:00", "王五", "wangwu88"],
        ],
    )
    plan, _summary, _ = run_import(ws, owner, path, "跑步群", "applications")
    assert [(w.code, w.row) for w in plan.warnings] == [("blacklisted_elsewhere", 2)]
    assert _status(ws, "跑步群", "王五") == "applicant"


def test_a_chat_join_notice_of_a_blacklisted_person_is_listed(any_ws, tmp_path):
    """张三 invited 王五 back into the chat: the notice changed nothing (record_join refuses a blacklisted person) and
    nothing said so — the organiser never learnt the spammer was back. Now the preview lists it."""
    ws = any_ws
    owner = actor_for(ws)
    path = tmp_path / "晨读营.txt"
    path.write_text(
        '2026-11-08 09:00:00 张三\n早安打卡\n\n2026-11-08 09:05:00 "张三"邀请"王五"加入了群聊\n\n',
        encoding="utf-8",
    )
    plan, summary, _ = run_chat_import(ws, owner, path, "晨读营")
    [line] = [t for t in plan.unresolved_events if "王五" in t]
    assert "已拉黑" in line and "2026-10-03" in line and "发广告" in line and "张三" in line
    assert summary.joins == 0
    assert _status(ws, "晨读营", "王五") == "blacklisted"


def _membership(ws, name: str, group: str = "晨读营") -> int:
    with ws.session() as s:
        return s.scalar(
            select(Membership.id)
            .join(Member, Member.id == Membership.member_id)
            .join(Group, Group.id == Membership.group_id)
            .where(Group.name == group, Member.display_name == name)
        )


def test_a_violation_of_a_day_to_come_is_refused(ws):
    """2027-11-05 typed for 2026-11-05: the violation was recorded, its −10 dated a year on (that month's points),
    and the repeat-violator count met it then. Refused, as a check-in of a day to come is; nothing is written."""
    from desktop.errors import ValidationError
    from desktop.services.participation import add_contribution, add_violation
    from models import PointsEntry, Violation

    owner = actor_for(ws)
    zhang = _membership(ws, "张三")
    with ws.session() as s:
        with pytest.raises(ValidationError, match="2027-11-05"):
            add_violation(s, owner, zhang, "ad", date(2027, 11, 5))
        with pytest.raises(ValidationError, match="2027-11-05"):
            add_contribution(s, owner, zhang, "share", date(2027, 11, 5), "读书笔记")
        s.rollback()
        add_violation(s, owner, zhang, "ad", TODAY)  # today is a day of his
        s.commit()
    with ws.session() as s:
        assert s.scalars(select(Violation.day)).all() == [TODAY]
        assert all(d <= TODAY for d in s.scalars(select(PointsEntry.day)))


def test_a_violation_after_the_person_was_blacklisted_is_refused(any_ws):
    """王五 was blacklisted on 3 October; a violation dated 1 November was recorded for his 晨读营 membership — a
    group he was no longer in that day (the wrong group for that day's ad). Refused, naming since when he is out;
    one of his days in the group, recorded now, is kept."""
    ws = any_ws
    from desktop.errors import ValidationError
    from desktop.services.participation import add_violation
    from models import Violation

    owner = actor_for(ws)
    wang = _membership(ws, "王五")
    with ws.session() as s:
        with pytest.raises(ValidationError, match="2026-10-03"):
            add_violation(s, owner, wang, "ad", date(2026, 11, 1))
        s.rollback()
        add_violation(s, owner, wang, "ad", date(2026, 10, 3))
        add_violation(s, owner, wang, "flood", date(2026, 9, 20))
        s.commit()
    with ws.session() as s:
        assert sorted(s.scalars(select(Violation.day))) == [date(2026, 9, 20), date(2026, 10, 3)]


def test_a_leavers_export_naming_a_blacklisted_person_is_not_warned(ws, tmp_path):
    """A 微友助手 leavers' sheet (退群时间 filled, no status) names 王五: the file agrees he is out — no warning, and
    another group's row that adds him as 已退群 is not a way back in either."""
    owner = actor_for(ws)
    path = write_csv(tmp_path / "退群.csv", [["姓名", "微信号", "退群时间"], ["王五", "wangwu88", "2026-10-03"]])
    plan, _summary, _ = run_import(ws, owner, path, "晨读营", "roster")
    assert [w.code for w in plan.warnings if "blacklist" in w.code] == []
    assert _status(ws, "晨读营", "王五") == "blacklisted"
    path = write_csv(
        tmp_path / "跑步.csv", [["姓名", "微信号", "状态", "退群时间"], ["王五", "wangwu88", "已退群", "2026-11-01"]]
    )
    plan, _summary, _ = run_import(ws, owner, path, "跑步群", "roster")
    assert [w.code for w in plan.warnings if "blacklist" in w.code] == []
    assert _status(ws, "跑步群", "王五") == "left"


def _liuhen(tmp_path, rows) -> object:
    """A 留痕 CSV export: (time, sender name, sender ID, text) rows."""
    head = (
        "\ufefflocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n"
    )
    lines = [
        f"{i},27,1,0,0,{int(datetime.fromisoformat(at).timestamp())},3,{text},{at},{name},{name},{sender}\r\n"
        for i, (at, name, sender, text) in enumerate(rows, 1)
    ]
    path = tmp_path / "群聊_utf8.csv"
    path.write_text(head + "".join(lines), encoding="utf-8")
    return path


def test_a_blacklisted_person_speaking_in_the_chat_again_is_listed(any_ws, tmp_path):
    """王五, blacklisted on 3 October, posts in 晨读营's chat on 9 November under a new nickname (his WeChat ID):
    his message was counted and nothing said he was back. Now the preview lists him, since when and why."""
    ws = any_ws
    owner = actor_for(ws)
    path = _liuhen(
        tmp_path,
        [
            ("2026-11-09 08:00:00", "小五", "wangwu88", "打卡 加我领资料"),
            ("2026-11-09 08:05:00", "张三", "zhangsan01", "早"),
        ],
    )
    plan, summary, _ = run_chat_import(ws, owner, path, "晨读营")
    [line] = [t for t in plan.unresolved_events if "王五" in t]
    assert "已拉黑" in line and "2026-10-03" in line and "发广告" in line and "2026-11-09" in line
    assert summary.checkins == 0 and _status(ws, "晨读营", "王五") == "blacklisted"


def test_an_unknown_sender_with_the_id_of_someone_blacklisted_elsewhere_is_named(ws, tmp_path):
    """跑步群's export has a sender wangwu88 nobody of 跑步群 is: --add-unknown made 晨读营's spammer a member of
    跑步群 and logged his check-in, without a word. The blacklist is per group (he is added), and it is said."""
    owner = actor_for(ws)
    path = _liuhen(tmp_path, [("2026-11-09 08:00:00", "小五", "wangwu88", "打卡")])
    plan, _summary, _ = run_chat_import(ws, owner, path, "跑步群", add_unknown=True)
    [line] = [t for t in plan.unresolved_events if "wangwu88" in t]
    assert "已拉黑" in line and "晨读营" in line and "2026-10-03" in line and "发广告" in line


def test_a_look_alike_of_someone_blacklisted_elsewhere_is_not_called_a_leaver(ws, tmp_path):
    """An unknown sender 王五 (a new account) in 跑步群: 'looks like 王五 (left 晨读营)' — he was blacklisted, not
    a leaver; the spammer under a new account is what the organiser needs to see."""
    owner = actor_for(ws)
    path = _liuhen(tmp_path, [("2026-11-09 08:00:00", "王五", "wxid_new_account", "早")])
    plan, _summary, _ = run_chat_import(ws, owner, path, "跑步群", dry_run=True)
    [sender] = plan.senders
    assert any("黑名单" in said and "晨读营" in said for _m, said in sender.looks_like)


def test_a_paste_naming_someone_blacklisted_in_another_group_says_blacklisted(ws):
    """跑步群's chain names 王五, who is in no group but 晨读营's blacklist: the line said 'left 晨读营', as if he
    had quit on his own."""
    from desktop.services.paste import describe_person, preview_paste

    with ws.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == "跑步群"))
        preview = preview_paste(s, gid, date(2026, 11, 9), "#接龙\n打卡\n\n1. 王五\n")
    [match] = [m for m in preview.matches if m.candidates]
    assert [describe_person(c) for c in match.candidates] == [
        "王五: 不在本群, 在「晨读营」的黑名单中 (not in this group; blacklisted in 晨读营)"
    ]


def test_a_name_only_row_like_someone_blacklisted_elsewhere_says_blacklisted(any_ws, tmp_path):
    """A name-only survey row 王五 in 跑步群: added as another person (a name is no identity), with 'another group
    has 王五 (晨读营, 微信号 wangwu88)' — and not a word that that 王五 is 晨读营's blacklisted spammer."""
    owner = actor_for(any_ws)
    path = write_csv(tmp_path / "跑步.csv", [["姓名", "城市"], ["王五", "上海"]])
    plan, _summary, _ = run_import(any_ws, owner, path, "跑步群", "roster")
    [warning] = [w for w in plan.warnings if w.code == "lookalike_added"]
    assert "晨读营 黑名单" in warning.message


def test_an_older_exports_join_notice_does_not_undo_a_removal(any_ws, tmp_path):
    """李四 joined in September (the notice is in September's export) and was removed on 5 October. Importing the
    September export later made him 入群中 again from 1 September and wiped his removal. The notice is of the spell
    that ended: his record is unchanged, and the preview says why; a notice after the removal lets him back in, and
    says so by name."""
    from desktop.services.onboarding import record_join

    ws = any_ws
    owner = actor_for(ws)
    with ws.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == "晨读营"))
        _mid, li = add_member(s, owner, gid, MemberInput("李四", wechat_id="lisi02", joined_at=datetime(2026, 9, 1, 9)))
        leave_group(s, owner, li, "刷屏", status="removed", when=datetime(2026, 10, 5, 12))
        s.commit()
    path = tmp_path / "九月.txt"
    path.write_text(
        '2026-09-01 09:00:00 张三\n早\n\n2026-09-01 09:05:00 "张三"邀请"李四"加入了群聊\n\n', encoding="utf-8"
    )
    plan, summary, _ = run_chat_import(ws, owner, path, "晨读营")
    [line] = [t for t in plan.unresolved_events if "李四" in t]
    assert "2026-10-05" in line and "记录不变" in line
    assert summary.joins == 0
    with ws.session() as s:
        ms = s.get(Membership, li)
        assert (ms.status, ms.left_at.date()) == ("removed", date(2026, 10, 5))
        # the shared rule (every join notice goes through it): a join before the leaving changes nothing
        assert record_join(s, owner, li, datetime(2026, 9, 20, 9)) == "removed"
        assert s.get(Membership, li).left_at.date() == date(2026, 10, 5)
        s.rollback()
    later = tmp_path / "十一月.txt"
    later.write_text(
        '2026-11-08 09:00:00 张三\n早\n\n2026-11-08 09:05:00 "张三"邀请"李四"加入了群聊\n\n', encoding="utf-8"
    )
    plan, summary, _ = run_chat_import(ws, owner, later, "晨读营")
    [line] = [t for t in plan.unresolved_events if "李四" in t]
    assert "重新入群" in line and "2026-10-05" in line
    assert summary.joins == 1 and _status(ws, "晨读营", "李四") in ("onboarding", "active")


def test_a_files_status_that_takes_back_someone_removed_says_so(ws, tmp_path):
    """李四 was removed (已移除) on 5 October; a 微伴 export with 状态 正常 makes him a member again — said only in the
    counts (更新 1). A copy into the group names such a person (CopyOutcome.readmitted); the import row now does."""
    owner = actor_for(ws)
    with ws.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == "晨读营"))
        _mid, li = add_member(s, owner, gid, MemberInput("李四", wechat_id="lisi02", joined_at=datetime(2026, 9, 1, 9)))
        leave_group(s, owner, li, "刷屏", status="removed", when=datetime(2026, 10, 5, 12))
        s.commit()
    path = write_csv(tmp_path / "微伴.csv", [["姓名", "微信号", "状态"], ["李四", "lisi02", "正常"]])
    plan, _summary, _ = run_import(ws, owner, path, "晨读营", "roster")
    [warning] = plan.warnings
    assert (warning.code, warning.row) == ("readmitted", 2)
    assert "李四" in warning.message and "2026-10-05" in warning.message
    assert _status(ws, "晨读营", "李四") == "active"


def test_an_older_exports_removal_notice_does_not_remove_a_member_who_joined_since(any_ws, tmp_path):
    """张三 removed a 李四 on 1 September (September's export, imported in November); 李四 on the roster joined on
    1 October. The import made him 已移除, dated on his join day — a member removed over a notice from before he
    was in. A removal before the membership's join day is of an earlier spell (or another 李四): listed, unchanged."""
    ws = any_ws
    owner = actor_for(ws)
    with ws.session() as s:
        gid = s.scalar(select(Group.id).where(Group.name == "晨读营"))
        add_member(s, owner, gid, MemberInput("李四", wechat_id="lisi02", joined_at=datetime(2026, 10, 1, 12)))
        s.commit()
    path = tmp_path / "九月.txt"
    path.write_text(
        '2026-09-01 09:00:00 张三\n早\n\n2026-09-01 09:05:00 "张三"将"李四"移出了群聊\n\n', encoding="utf-8"
    )
    plan, summary, _ = run_chat_import(ws, owner, path, "晨读营")
    [line] = [t for t in plan.unresolved_events if "李四" in t]
    assert "2026-10-01" in line and "记录不变" in line
    assert summary.removals == 0 and _status(ws, "晨读营", "李四") == "active"
