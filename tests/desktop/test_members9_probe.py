"""What earlier probes left about memberships, referrers, the blacklist and attendance (probe members9): a renewer
copied or moved into the next cohort paid their referrer again; each test pins its own day."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.services.groups import create_group
from desktop.services.members import copy_to_group, undo_copy
from desktop.services.points import balance, recompute_preview
from desktop.services.roster import MemberInput, add_member
from models import Membership

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on (their facts are dated October–November 2026)."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _there(s, member_id, gid) -> int:
    return s.scalar(select(Membership.id).where(Membership.member_id == member_id, Membership.group_id == gid))


# ---- 1. a person referred once pays their referrer once ----------------------------------------------------------


@pytest.mark.parametrize("move", [False, True])
def test_a_renewer_copied_or_moved_into_the_next_cohort_pays_their_referrer_once(workspace, owner, move):
    """老王 brought 小李 into 一期 (+20). 小李 renews: copied (or moved) into 二期, where 老王 is too. 老王 got +20
    again in 二期 for the same person; now 二期's copy keeps 老王 as referrer and pays nothing, 一期's +20 stays, and
    recompute agrees in both cohorts."""
    with workspace.session() as s:
        one, two = create_group(s, owner, "一期"), create_group(s, owner, "二期")
        wang, wang_one = add_member(s, owner, one, MemberInput(display_name="老王", joined_at=datetime(2026, 10, 1)))
        _, li_one = add_member(
            s, owner, one, MemberInput(display_name="小李", joined_at=datetime(2026, 10, 2), referrer_id=wang)
        )
        copy_to_group(s, owner, [wang_one], two)
        s.commit()
        assert balance(s, wang_one) == 20
        done = copy_to_group(s, owner, [li_one], two, move=move)
        s.commit()
        assert done.added == 1
        li_two = s.get(Membership, done.undo.created[0])
        assert li_two.status == "active" and li_two.referrer_id == wang  # the tree keeps who brought them
        assert balance(s, wang_one) == 20
        assert balance(s, _there(s, wang, two)) == 0
        assert recompute_preview(s, one) == [] and recompute_preview(s, two) == []


def test_a_person_whose_referral_was_never_paid_pays_it_once_in_the_group_they_join(workspace, owner):
    """小李 applied to 一期 naming 老王 and never joined it (no referral earned); copied into 二期 as a member, 老王
    (a member of 二期) earns the referral there — once — and an undo of the copy takes it back."""
    with workspace.session() as s:
        one, two = create_group(s, owner, "一期"), create_group(s, owner, "二期")
        wang, wang_one = add_member(s, owner, one, MemberInput(display_name="老王", joined_at=datetime(2026, 10, 1)))
        _, li_one = add_member(s, owner, one, MemberInput(display_name="小李", status="applicant", referrer_id=wang))
        copy_to_group(s, owner, [wang_one], two)
        s.commit()
        done = copy_to_group(s, owner, [li_one], two)
        s.commit()
        wang_two = _there(s, wang, two)
        assert balance(s, wang_one) == 0 and balance(s, wang_two) == 20
        assert recompute_preview(s, two) == []
        undo_copy(s, owner, done.undo)
        s.commit()
        assert balance(s, wang_two) == 0 and recompute_preview(s, two) == []


# ---- 2. a blacklisted person deleted since still warns ------------------------------------------------------------


@pytest.fixture
def deleted_spammer(workspace):
    """晨读营's 王五 (wangwu88, 13900139005) blacklisted on 3 October for ads, then deleted from the roster (to tidy
    it); 跑步群 empty."""
    from desktop.services.onboarding import leave_group
    from desktop.services.roster import soft_delete_member
    from desktop.workspace import actor_for

    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, "晨读营")
        add_member(s, owner, gid, MemberInput("张三", wechat_id="zhangsan01", joined_at=datetime(2026, 9, 1, 12)))
        wang, ms = add_member(
            s,
            owner,
            gid,
            MemberInput("王五", wechat_id="wangwu88", phone="13900139005", joined_at=datetime(2026, 9, 1, 12)),
        )
        leave_group(s, owner, ms, "发广告", status="blacklisted", when=datetime(2026, 10, 3, 12))
        soft_delete_member(s, owner, wang)
        create_group(s, owner, "跑步群")
        s.commit()
    return workspace


@pytest.mark.parametrize("group", ["晨读营", "跑步群"])
@pytest.mark.parametrize(
    "row", [["小五", "wangwu88", ""], ["Wu", "", "139 0013 9005"]], ids=["wechat-new-name", "phone-new-name"]
)
def test_a_roster_row_with_the_id_of_a_deleted_blacklisted_person_warns(deleted_spammer, tmp_path, group, row):
    """A roster names 王五's WeChat ID (or phone) under a new name: the deleted record matched nothing and the row
    was a new member without a word — the spammer back in. Now the row says 曾被拉黑, with the group, day and why."""
    from desktop.services.imports import run_import
    from desktop.workspace import actor_for
    from tests.desktop.test_imports import write_csv

    path = write_csv(tmp_path / "名单.csv", [["姓名", "微信号", "手机"], ["张三", "zhangsan01", ""], row])
    plan, _summary, _ = run_import(deleted_spammer, actor_for(deleted_spammer), path, group, "roster", dry_run=True)
    [warning] = [w for w in plan.warnings if w.code == "blacklisted_deleted"]
    assert warning.row == 3
    assert "曾被拉黑: 王五" in warning.message and "晨读营" in warning.message
    assert "2026-10-03" in warning.message and "发广告" in warning.message


def test_an_application_with_the_id_of_a_deleted_blacklisted_person_warns(deleted_spammer, tmp_path):
    from desktop.services.imports import run_import
    from desktop.workspace import actor_for
    from tests.desktop.test_imports import write_csv

    path = write_csv(
        tmp_path / "问卷.csv",
        [["序号", "提交答卷时间", "1、您的姓名:", "2、您的微信号:"], [1, "2026/11/05 10:00:00", "五哥", "WANGWU88"]],
    )
    plan, _summary, _ = run_import(deleted_spammer, actor_for(deleted_spammer), path, "跑步群", "applications")
    assert [(w.code, w.row) for w in plan.warnings] == [("blacklisted_deleted", 2)]


def test_a_chain_naming_a_deleted_blacklisted_person_says_blacklisted(deleted_spammer):
    """跑步群's chain names wangwu88: the line said nobody / 'restore them first' — restoring the spammer is not
    what the organiser wants to be told; it says 曾被拉黑 with the group."""
    from desktop.services.paste import describe_person, preview_paste
    from models import Group

    with deleted_spammer.session() as s:
        for name in ("跑步群", "晨读营"):
            gid = s.scalar(select(Group.id).where(Group.name == name))
            preview = preview_paste(s, gid, date(2026, 11, 9), "#接龙\n打卡\n\n1. wangwu88\n")
            [match] = [m for m in preview.matches if m.candidates]
            assert [describe_person(c) for c in match.candidates] == [
                "曾被拉黑: 王五 (已删除) 在「晨读营」的黑名单中, 未记录 "
                "(blacklisted in 晨读营 and deleted since: not logged; a deletion lifts no blacklist)"
            ]


def test_a_chat_sender_with_the_id_of_a_deleted_blacklisted_person_is_named(deleted_spammer, tmp_path):
    from desktop.services.chat_import import run_chat_import
    from desktop.workspace import actor_for
    from tests.desktop.test_blacklist_probe import _liuhen

    path = _liuhen(tmp_path, [("2026-11-09 08:00:00", "小五", "wangwu88", "打卡")])
    plan, _summary, _ = run_chat_import(
        deleted_spammer, actor_for(deleted_spammer), path, "跑步群", add_unknown=True, dry_run=True
    )
    [line] = [t for t in plan.unresolved_events if "wangwu88" in t]
    assert "曾被拉黑: 王五" in line and "晨读营" in line and "2026-10-03" in line


# ---- 3. no place in an activity of a day after the member left ---------------------------------------------------


@pytest.mark.parametrize("gone", ["left", "removed", "blacklisted"])
@pytest.mark.parametrize("status", ["attended", "registered", "absent", "excused"])
def test_no_place_in_an_activity_after_the_member_left(workspace, owner, gone, status):
    """小王 left (was removed, blacklisted) on 10 November; the 12 November meetup could still be ticked attended
    (+10 points in a group she is no longer in, her last activity after her leaving) or a sign-up recorded for
    her. Refused, naming her and the day she went, as a violation of such a day is; the 8 November share counts."""
    from desktop.errors import ValidationError
    from desktop.services.onboarding import leave_group
    from desktop.services.participation import ActivityInput, create_activity, set_attendance
    from models import Attendance

    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="小王", joined_at=datetime(2026, 10, 1, 9)))
        before = create_activity(
            s, owner, gid, ActivityInput(title="干货分享", starts_at=datetime(2026, 11, 8, 20), online=True)
        )
        after = create_activity(
            s, owner, gid, ActivityInput(title="线下聚会", starts_at=datetime(2026, 11, 12, 19), online=False)
        )
        leave_group(s, owner, ms, "不来了", status=gone, when=datetime(2026, 11, 10, 12))
        s.commit()
        with pytest.raises(ValidationError) as refused:
            set_attendance(s, owner, after, ms, status)
        assert "小王" in str(refused.value) and "2026-11-10" in str(refused.value)
        s.rollback()
        assert set_attendance(s, owner, before, ms, status) == status  # a day she was in the group
        s.commit()
        assert s.scalars(select(Attendance.activity_id).where(Attendance.membership_id == ms)).all() == [before]


# ---- 4. another group's roster: the preview says its dates are not read ------------------------------------------


def test_another_groups_roster_says_its_dates_are_not_read(sqlite_workspace, tmp_path, capsys):
    """`export roster --group 一期` imported into 二期: new members join 二期 on the day of the import, not on the
    file's 入群时间 (docs/cli.md) — the preview and the CLI report said nothing of it. The plan carries the note and
    `import roster --dry-run` prints it."""
    from desktop.cli import main
    from desktop.services.imports import run_import
    from desktop.services.roster_export import export_roster
    from desktop.workspace import actor_for

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        one = create_group(s, owner, "一期")
        create_group(s, owner, "二期")
        add_member(s, owner, one, MemberInput(display_name="张三", wechat_id="zs01", joined_at=datetime(2026, 10, 1)))
        s.commit()
    path = tmp_path / "一期.xlsx"
    export_roster(sqlite_workspace, owner, group_ids=[one], path=path, unmasked=True)
    plan, _summary, _ = run_import(sqlite_workspace, owner, path, "二期", "roster", dry_run=True)
    assert plan.other_roster == "一期" and plan.added == 1
    assert "新成员以导入当天为入群日期" in plan.other_roster_note and "day of the import" in plan.other_roster_note
    db = sqlite_workspace.url.replace("sqlite:///", "")
    code = main(["--db", db, "import", "roster", str(path), "--group", "二期", "--dry-run"])
    assert code == 0
    err = capsys.readouterr().err
    assert "这是「一期」的名册" in err and "new members join on the day of the import" in err
    # a roster of this group itself has no such note
    own = tmp_path / "二期.csv"
    own.write_text("姓名,入群时间\n李四,2026-10-05\n", encoding="utf-8")
    plan, _summary, _ = run_import(sqlite_workspace, owner, own, "二期", "roster", dry_run=True)
    assert plan.other_roster is None and plan.other_roster_note == ""


# ---- 5. a join day without its year ------------------------------------------------------------------------------


def _joined(database, group: str) -> dict[str, date]:
    from models import Group, Member

    with database.session() as s:
        return {
            n: j.date()
            for n, j in s.execute(
                select(Member.display_name, Membership.joined_at)
                .join(Membership, Membership.member_id == Member.id)
                .join(Group, Group.id == Membership.group_id)
                .where(Group.name == group)
            )
        }


def test_a_day_without_its_year_takes_the_year_the_title_row_says(sqlite_workspace, tmp_path):
    """「2025年会员名单」 imported on 20 November 2026: 3月5日 was read as 2026-03-05 (the latest 5 March up to
    today) — a year off, the warning the only trace — and 3/5, 03-05 were refused as "not a date". The title says
    2025: every day without its year is 2025's, said on the row with where the year came from."""
    from desktop.services.imports import run_import
    from desktop.workspace import actor_for
    from tests.desktop.test_imports import write_csv

    path = write_csv(
        tmp_path / "名单.csv",
        [
            ["2025年会员名单"],
            ["姓名", "入群时间"],
            ["甲", "3/5"],
            ["乙", "03-05"],
            ["丙", "3月5日"],
            ["丁", "12月28日"],
        ],
    )
    plan, _summary, _ = run_import(sqlite_workspace, actor_for(sqlite_workspace), path, "会员群", "roster")
    assert not plan.problems
    said = [(w.row, w.code) for w in plan.warnings]
    assert said == [(r, "date_without_year") for r in (3, 4, 5, 6)]
    assert all("2025年会员名单" in w.message for w in plan.warnings)
    assert _joined(sqlite_workspace, "会员群") == {
        "甲": date(2025, 3, 5),
        "乙": date(2025, 3, 5),
        "丙": date(2025, 3, 5),
        "丁": date(2025, 12, 28),
    }


def test_a_day_without_its_year_takes_the_year_of_the_file_name(sqlite_workspace, tmp_path):
    from desktop.services.imports import run_import
    from desktop.workspace import actor_for
    from tests.desktop.test_imports import write_csv

    path = write_csv(tmp_path / "2025年报名名单.csv", [["姓名", "入群时间"], ["甲", "11/2"]])
    plan, _summary, _ = run_import(sqlite_workspace, actor_for(sqlite_workspace), path, "会员群", "roster")
    assert not plan.problems and "2025年报名名单.csv" in plan.warnings[0].message
    assert _joined(sqlite_workspace, "会员群") == {"甲": date(2025, 11, 2)}


@pytest.mark.parametrize("name", ["名单.csv", "名单_20261120.csv", "2025-2026名单.csv"])
def test_digits_without_a_year_and_no_year_in_the_file_are_a_problem_that_says_how_to_fix_it(
    sqlite_workspace, tmp_path, name
):
    """No year anywhere (or two): 3/5 may be 5 March or 3 May of any year — a named problem saying to write the
    year in the cells or in a title row or the file name, nothing imported; 3月5日 is still read as the latest such
    day up to today, with its warning (a month and a day in words)."""
    from desktop.services.imports import ImportFailed, run_import
    from desktop.workspace import actor_for
    from tests.desktop.test_imports import write_csv

    path = write_csv(tmp_path / name, [["姓名", "入群时间"], ["甲", "3/5"], ["丙", "3月5日"]])
    with pytest.raises(ImportFailed) as refused:
        run_import(sqlite_workspace, actor_for(sqlite_workspace), path, "会员群", "roster")
    plan = refused.value.plan
    [problem] = plan.problems
    assert (problem.row, problem.column, problem.code) == (2, "入群时间", "date_without_year")
    assert "没有年份" in problem.message and "标题行或文件名" in problem.message
    [warning] = plan.warnings
    assert warning.row == 3 and "2026-03-05" in warning.message


def test_no_leave_of_days_after_the_member_left(workspace, owner):
    """A leave (请假) of 12–14 November for 小王, who left on 10 November, was written without a word (leaving ends a
    leave that runs on; this one began after). Refused naming her and the day; one within her time is recorded."""
    from desktop.errors import ValidationError
    from desktop.services.checkins import record_leave
    from desktop.services.onboarding import leave_group
    from models import Leave

    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="小王", joined_at=datetime(2026, 10, 1, 9)))
        leave_group(s, owner, ms, "不来了", when=datetime(2026, 11, 10, 12))
        s.commit()
        with pytest.raises(ValidationError) as refused:
            record_leave(s, owner, ms, date(2026, 11, 12), date(2026, 11, 14))
        assert "小王" in str(refused.value) and "2026-11-10" in str(refused.value)
        s.rollback()
        record_leave(s, owner, ms, date(2026, 11, 3), date(2026, 11, 5))
        s.commit()
        assert s.scalars(select(Leave.start_day).where(Leave.membership_id == ms)).all() == [date(2026, 11, 3)]


def test_two_records_of_one_person_referred_in_two_groups_pay_once_after_the_merge(workspace, owner):
    """小李 joined 一期 through 老王 (+20), and was entered again as 李 in 二期, 老王 named again (+20 in 二期: two
    people then). Merged, they are one person referred once: 二期's payment is reversed, 一期's stays, and
    recompute agrees in both; undoing the merge puts both back."""
    from desktop.services.members import merge_members
    from desktop.services.merge_undo import undo_merge

    with workspace.session() as s:
        one, two = create_group(s, owner, "一期"), create_group(s, owner, "二期")
        wang, wang_one = add_member(s, owner, one, MemberInput(display_name="老王", joined_at=datetime(2026, 10, 1)))
        copy_to_group(s, owner, [wang_one], two)
        wang_two = _there(s, wang, two)
        li, _ = add_member(
            s, owner, one, MemberInput("小李", wechat_id="xl01", joined_at=datetime(2026, 10, 2), referrer_id=wang)
        )
        li2, _ = add_member(s, owner, two, MemberInput("李", joined_at=datetime(2026, 11, 2), referrer_id=wang))
        s.commit()
        assert (balance(s, wang_one), balance(s, wang_two)) == (20, 20)
        summary = merge_members(s, owner, li, li2)
        s.commit()
        assert (balance(s, wang_one), balance(s, wang_two)) == (20, 0)
        assert recompute_preview(s, one) == [] and recompute_preview(s, two) == []
        undo_merge(s, owner, summary.merge_id)
        s.commit()
        assert (balance(s, wang_one), balance(s, wang_two)) == (20, 20)


def test_a_count_in_the_title_is_no_year(sqlite_workspace, tmp_path):
    """「成员名单（共1999人）」 says how many, not which year: 3/5 is still a problem, not 5 March 1999."""
    from desktop.services.imports import ImportFailed, run_import
    from desktop.workspace import actor_for
    from tests.desktop.test_imports import write_csv

    path = write_csv(tmp_path / "名单.csv", [["成员名单（共1999人）"], ["姓名", "入群时间"], ["甲", "3/5"]])
    with pytest.raises(ImportFailed) as refused:
        run_import(sqlite_workspace, actor_for(sqlite_workspace), path, "会员群", "roster")
    assert [p.code for p in refused.value.plan.problems] == ["date_without_year"]


@pytest.mark.parametrize("copied_first", [True, False])
def test_the_persons_first_join_pays_the_referral_whatever_the_order_it_is_recorded_in(workspace, owner, copied_first):
    """小李 applied to 一期 through 老王 and was copied into 二期 (老王 +20 in 二期: the first join). Then her join of
    一期 is recorded: on 12 November, after the copy's 5 November (no second payment), or on 1 November, before it
    (一期's join is her first: 一期 pays, 二期's is reversed — both stood). The copy undone as a mistake took 二期's
    +20 back and 一期 paid nothing — 老王 had nothing for her, and recompute wanted +20 in 一期; now 一期 pays."""
    from desktop.services.onboarding import list_steps, record_step

    with workspace.session() as s:
        one, two = create_group(s, owner, "一期"), create_group(s, owner, "二期")
        wang, wang_one = add_member(s, owner, one, MemberInput(display_name="老王", joined_at=datetime(2026, 10, 1)))
        copy_to_group(s, owner, [wang_one], two)
        wang_two = _there(s, wang, two)
        _, li_one = add_member(s, owner, one, MemberInput(display_name="小李", status="applicant", referrer_id=wang))
        done = copy_to_group(s, owner, [li_one], two)
        s.get(Membership, done.undo.created[0]).joined_at = datetime(2026, 11, 5, 9)
        s.commit()
        assert (balance(s, wang_one), balance(s, wang_two)) == (0, 20)
        for st in list_steps(s, one):
            if st.required:
                record_step(s, owner, li_one, st.id, when=datetime(2026, 11, 12 if copied_first else 1, 9))
        s.commit()
        assert s.get(Membership, li_one).status == "active"
        assert (balance(s, wang_one), balance(s, wang_two)) == ((0, 20) if copied_first else (20, 0))
        assert recompute_preview(s, one) == [] and recompute_preview(s, two) == []
        undo_copy(s, owner, done.undo)
        s.commit()
        assert (balance(s, wang_one), balance(s, wang_two)) == (20, 0)
        assert recompute_preview(s, one) == [] and recompute_preview(s, two) == []


def test_a_copy_of_a_referrer_with_the_person_they_brought_is_undone(workspace, owner):
    """老王 and 小李 (an applicant of 一期 he brought) copied into 二期 together by mistake: the copy paid 老王's new
    二期 membership +20 for 小李's, and the Undo was refused, naming 老王, as if something had been recorded on
    him since. The copy's own payment is the copy's: undone, 二期 is as it was, with no points."""
    from models import PointsEntry

    with workspace.session() as s:
        one, two = create_group(s, owner, "一期"), create_group(s, owner, "二期")
        wang, wang_one = add_member(s, owner, one, MemberInput(display_name="老王", joined_at=datetime(2026, 10, 1)))
        _, li_one = add_member(s, owner, one, MemberInput(display_name="小李", status="applicant", referrer_id=wang))
        done = copy_to_group(s, owner, [wang_one, li_one], two)
        s.commit()
        assert balance(s, _there(s, wang, two)) == 20
        assert undo_copy(s, owner, done.undo) == 2
        s.commit()
        assert s.scalars(select(Membership.id).where(Membership.group_id == two)).all() == []
        assert s.scalars(select(PointsEntry.id).where(PointsEntry.group_id == two)).all() == []


def test_a_former_member_joining_again_keeps_their_referrers_points_in_recompute(workspace, owner):
    """王五 joined through 老王 (+20), was blacklisted, the blacklist lifted (已退群), and he came back through a join
    notice (入群中: the entry steps again). The ledger kept 老王's +20 (earned in the spell that ended), but
    "recompute from rules" wanted it taken back (−20) while 王五 was joining again. A closed spell is a join."""
    from dataclasses import replace

    from desktop.services.onboarding import leave_group, list_steps, record_join, record_step
    from desktop.services.roster import get_member_input, update_member

    with workspace.session() as s:
        gid = create_group(s, owner, "晨读营")
        wang, wang_ms = add_member(s, owner, gid, MemberInput("老王", joined_at=datetime(2026, 9, 1)))
        _, ms = add_member(s, owner, gid, MemberInput("王五", joined_at=datetime(2026, 9, 5), referrer_id=wang))
        # his purpose answer was recorded: a returner with a step record goes through the process again (one whose
        # steps were never recorded comes back 已入群: onboarding.record_join)
        purpose = next(st.id for st in list_steps(s, gid) if st.code == "purpose")
        record_step(s, owner, ms, purpose, answer="早起", when=datetime(2026, 9, 5))
        leave_group(s, owner, ms, "发广告", status="blacklisted", when=datetime(2026, 10, 3, 12))
        s.commit()
        update_member(s, owner, ms, replace(get_member_input(s, ms), status="left"))  # the blacklist lifted
        record_join(s, owner, ms, datetime(2026, 11, 10, 9))
        s.commit()
        assert s.get(Membership, ms).status == "onboarding"
        assert balance(s, wang_ms) == 20
        assert recompute_preview(s, gid) == []
