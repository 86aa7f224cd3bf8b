"""Health probe: the dashboard's figures beyond the headline ones — referral trees, the zombie-group alert,
repeat violators — on small workspaces built through the services, every figure known by hand, read back from
desktop.health (which the Dashboard page, `stats` and the workbook's 预警 sheet all read)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop import health
from desktop.services.checkins import record_checkins, record_leave
from desktop.services.groups import archive_group, create_group
from desktop.services.members import referral_tree
from desktop.services.roster import MemberInput, add_member, restore_member, soft_delete_member
from desktop.workspace import actor_for
from models import Group

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated in October and November
    2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def _tree(roots) -> list[tuple]:
    def shape(node):
        return (node.display_name, node.total, [shape(c) for c in node.children])

    return [shape(r) for r in roots]


def test_a_deleted_referrer_is_in_no_referral_tree(sqlite_workspace):
    """阿叉 brought 阿叶, who brought 阿丁; then 阿叉 was deleted (删除, restorable). The tree still showed 阿叉 at the
    top with two brought in — a deleted person is in no figure (the dashboard's top referrers left them out).
    Now 阿叶 heads the tree; restored, 阿叉 is back above them."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "推荐群")

        def add(name, referrer=None):
            member_id, _ms = add_member(
                s, owner, gid, MemberInput(display_name=name, referrer_id=referrer, joined_at=datetime(2026, 10, 1))
            )
            return member_id

        x = add("阿叉")
        y = add("阿叶", x)
        add("阿丁", y)
        s.commit()
        assert _tree(referral_tree(s, gid)) == [("阿叉", 2, [("阿叶", 1, [("阿丁", 0, [])])])]
        soft_delete_member(s, owner, x)
        s.commit()
        assert _tree(referral_tree(s, gid)) == [("阿叶", 1, [("阿丁", 0, [])])]
        assert health.top_referrers(s, gid) == [("阿叶", 1)]
        restore_member(s, owner, x)
        s.commit()
        assert _tree(referral_tree(s, gid)) == [("阿叉", 2, [("阿叶", 1, [("阿丁", 0, [])])])]


def _kinds(s, gid, as_of):
    return sorted(a.kind for a in health.group_health(s, gid, as_of).alerts if a.display_name is None)


def _members(s, owner, gid, n, joined, prefix="成员"):
    return [add_member(s, owner, gid, MemberInput(display_name=f"{prefix}{i}", joined_at=joined))[1] for i in range(n)]


def test_a_group_that_just_began_is_no_zombie_group_yet(workspace):
    """A camp set up today, its 12 members added this morning: the dashboard called it a zombie group at once
    (已 14 天以上无人参与, 从未有人参与) — nobody could have taken part in 14 days of a group a day old. Not judged
    by either rule until it has had members that long: the 7-day share from its 7th day, idleness from its 14th,
    counted from its first member's joining — an old group that got its first members yesterday has just begun
    too — or, for members without a join date (a roster imported this morning), from the group's setting up."""
    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, "新营")
        _members(s, owner, gid, 12, datetime(2026, 11, 20, 9, 0))
        s.commit()
        assert _kinds(s, gid, TODAY) == []
        assert _kinds(s, gid, TODAY + timedelta(days=6)) == []
        share = health.zombie_reason(s, gid, TODAY + timedelta(days=7), 12)
        assert share is not None and share.key == "alert.zombie_share"  # a week of nobody: 0% of the members
        idle = health.zombie_reason(s, gid, TODAY + timedelta(days=14), 12)
        assert idle is not None and idle.key == "alert.zombie_idle"

        imported = create_group(s, owner, "导入群")  # a roster imported this morning, without join dates
        for i in range(5):
            add_member(s, owner, imported, MemberInput(display_name=f"导入{i}"))
        s.commit()
        assert _kinds(s, imported, TODAY) == []
        assert health.zombie_reason(s, imported, TODAY + timedelta(days=14), 5).key == "alert.zombie_idle"

        old = create_group(s, owner, "老群")
        s.get(Group, old).created_at = datetime(2025, 3, 1, 10, 0)
        _members(s, owner, old, 5, datetime(2026, 11, 19, 20, 0), prefix="老")
        s.commit()
        assert _kinds(s, old, TODAY) == []


def test_a_group_set_up_today_with_members_since_october_is_judged_by_its_records(sqlite_workspace):
    """The group was set up in QunDesk today, with its members since October and their check-ins up to 1
    November imported from a check-in table: it is no new group, and its records say nobody took part in 19 days —
    a zombie group. The same day's check-ins typed in by hand tell of that day only (metrics.observed_since): the
    days after it are not known to be empty until QunDesk has seen 14 of them."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "补录群")
        ms = _members(s, owner, gid, 3, datetime(2026, 10, 1))
        record_checkins(s, owner, gid, date(2026, 11, 1), ms, source="import", today=TODAY)
        s.commit()
        reason = health.zombie_reason(s, gid, TODAY, 3)
        assert reason is not None and reason.key == "alert.zombie_idle"
        assert _kinds(s, gid, TODAY) == ["zombie_group"]
        by_hand = create_group(s, owner, "手补群")
        ms = _members(s, owner, by_hand, 3, datetime(2026, 10, 1), prefix="手")
        record_checkins(s, owner, by_hand, date(2026, 11, 1), ms, today=TODAY)
        s.commit()
        assert health.zombie_reason(s, by_hand, TODAY, 3) is None
        assert _kinds(s, by_hand, TODAY) == []


def test_a_group_on_a_break_with_everyone_on_leave_is_no_zombie_group(workspace):
    """Winter break: the 4 members of 读书会 checked in up to 5 November, and all of them are on leave (请假) from
    the 6th to the 25th. On the 20th the dashboard called it a zombie group (nobody in 15 days) — nobody was
    expected to take part. With one of them back from leave on the 20th, the days everyone was away are still no
    idle days: a zombie group a week after their return if they take no part (the share of the one expected), by
    idleness after 14 days not on a break. The 7-day share counts the members expected: 1 of 20 active (5%) is a zombie group, still with 5
    of the idle on leave (1 of 15, 7%: the reason says the 5 are not counted, as the 7-day card's 5% counts them),
    but not when 15 of the 19 idle are on leave (1 of 5 expected, 20%)."""
    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        s.get(Group, gid).created_at = datetime(2026, 10, 1)  # kept here since October: its break was observed
        ms = _members(s, owner, gid, 4, datetime(2026, 10, 1))
        record_checkins(s, owner, gid, date(2026, 11, 5), ms, today=TODAY)
        for m in ms:
            record_leave(s, owner, m, date(2026, 11, 6), date(2026, 11, 25), "寒假")
        s.commit()
        assert _kinds(s, gid, TODAY) == []
        assert health.group_health(s, gid, TODAY).active_7 == 0
        back = create_group(s, owner, "读书会二")
        s.get(Group, back).created_at = datetime(2026, 10, 1)
        ms = _members(s, owner, back, 4, datetime(2026, 10, 1), prefix="二")
        record_checkins(s, owner, back, date(2026, 11, 5), ms, today=TODAY)
        for m in ms:
            record_leave(s, owner, m, date(2026, 11, 6), date(2026, 11, 19) if m == ms[0] else date(2026, 11, 25))
        s.commit()
        # back on the 20th, 二0 has not taken part yet: the break is no idleness (every day of it everyone was on
        # leave), nor is the week they were away for part of (probe health2: the day after the break was "nobody in
        # 14 days")
        assert _kinds(s, back, TODAY) == []
        reason = health.zombie_reason(s, back, date(2026, 11, 27), 4)  # a week back, and nobody: 0 of the 1 expected
        assert reason is not None and reason.key == "alert.zombie_share_on_leave" and reason.args["away"] == 3
        reason = health.zombie_reason(s, back, date(2026, 12, 3), 4)  # 14 days not on a break: idle
        assert reason is not None and reason.key == "alert.zombie_idle"
        assert health.zombie_reason(s, back, date(2026, 12, 2), 4).key == "alert.zombie_share"

        big = create_group(s, owner, "大群")
        s.get(Group, big).created_at = datetime(2026, 10, 1)  # kept here since October: its quiet week was observed
        ms = _members(s, owner, big, 20, datetime(2026, 10, 1), prefix="大")
        record_checkins(s, owner, big, date(2026, 11, 18), ms[:1], today=TODAY)
        s.commit()
        reason = health.zombie_reason(s, big, TODAY, 20)
        assert reason is not None and reason.key == "alert.zombie_share" and reason.args["share"] == 0.05
        for m in ms[1:6]:
            record_leave(s, owner, m, date(2026, 11, 10), date(2026, 11, 30), "出差")
        s.commit()
        reason = health.zombie_reason(s, big, TODAY, 20)  # 1 of the 15 expected: still a zombie group, and why
        assert reason == "近 7 天活跃占比 7% (不计请假的 5 人), 低于 10%"
        assert (
            reason.render("en") == "7% of the members active in the last 7 days (the 5 on leave not counted), under 10%"
        )
        for m in ms[6:16]:
            record_leave(s, owner, m, date(2026, 11, 10), date(2026, 11, 30), "出差")
        s.commit()
        assert _kinds(s, big, TODAY) == []


def test_an_archived_group_is_no_zombie_group(sqlite_workspace):
    """A camp that ended and was archived on 10 November: its workbook for November (it was a group that
    month) listed it as a zombie group — an ended group is not a dead one. Before it was archived it is judged
    as any group."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "十月营")
        ms = _members(s, owner, gid, 3, datetime(2026, 9, 1))
        record_checkins(s, owner, gid, date(2026, 10, 1), ms, today=TODAY)
        s.get(Group, gid).created_at = datetime(2026, 9, 1)
        s.commit()
        assert _kinds(s, gid, TODAY) == ["zombie_group"]
        archive_group(s, owner, gid)
        s.get(Group, gid).archived_at = datetime(2026, 11, 10, 18, 0)
        s.commit()
        assert _kinds(s, gid, TODAY) == []
        assert _kinds(s, gid, date(2026, 11, 9)) == ["zombie_group"]


def test_repeat_violators_by_the_settings_and_only_while_in_the_group(workspace):
    """3 violations within 90 days flag a repeat violator (settings). One taken back (撤销), the alert goes;
    recorded again, it comes back. 李四 was removed for his third violation: the dashboard and the workbook's
    预警 sheet kept naming him as a repeat violator for 90 days after he was out — an alert asking for action
    on someone no longer in the group. A narrower window from the settings counts only its days. A newcomer
    still joining (入群中) is flagged as a member is."""
    from desktop.services.onboarding import leave_group
    from desktop.services.participation import add_violation, remove_violation
    from desktop.settings import set_setting

    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, "规矩群")
        zhang, li = (
            add_member(s, owner, gid, MemberInput(display_name=n, joined_at=datetime(2026, 9, 1)))[1]
            for n in ("张三", "李四")
        )
        zs = [add_violation(s, owner, zhang, "ad", date(2026, 11, d))[0] for d in (1, 5, 10)]
        for d in (2, 6):
            add_violation(s, owner, li, "flood", date(2026, 11, d))
        add_violation(s, owner, li, "abuse", date(2026, 11, 12), action="removal", remove_member=True)
        s.commit()

        def flagged(as_of=TODAY):
            return [a.display_name for a in health.alerts(s, gid, as_of) if a.kind == "repeat_violator"]

        assert flagged(date(2026, 11, 11)) == ["张三"]  # 李四 had two then, and was in the group
        assert flagged() == ["张三"]  # 李四 is out since the 12th
        remove_violation(s, owner, zs[0])
        s.commit()
        assert flagged() == []
        add_violation(s, owner, zhang, "ad", date(2026, 11, 19))
        s.commit()
        assert flagged() == ["张三"]
        set_setting(s, "violations_window_days", 16)  # 5, 10 and 19 November: within the 16 days to the 20th
        s.commit()
        assert flagged() == ["张三"]
        assert flagged(date(2026, 11, 22)) == []  # the 16 days up to the 22nd begin on the 7th
        set_setting(s, "violations_flag_count", 2)
        s.commit()
        assert flagged(date(2026, 11, 22)) == ["张三"]
        leave_group(s, owner, zhang, "退群")
        s.commit()
        assert flagged() == []
        _, wang = add_member(s, owner, gid, MemberInput(display_name="王五", status="onboarding"))
        for d in (15, 16, 17):
            add_violation(s, owner, wang, "ad", date(2026, 11, d))
        s.commit()
        assert flagged() == ["王五"]  # a newcomer still joining is in the group chat: flagged as anyone there


def test_structure_keeps_a_default_tier_in_its_bucket_when_the_tier_list_changes(sqlite_workspace, tmp_path):
    """1 核心, 1 大咖, 4 中咖, 14 普通: key 2, mid 4, ordinary 14. The organiser takes 大咖 off the tier list (its
    member has no tier now) and adds 潜水 below 普通 with 2 members. 中咖 and 普通 moved up a place each, and the
    structure — on the dashboard and in the workbook's 概览 — counted the 4 中咖 as key voices and the 14 普通 as
    mid voices (key 5, mid 14, ordinary 2). A default tier is in its bucket by its name; a new one by its place."""
    from openpyxl import load_workbook

    from desktop.services.report import export_monthly_report
    from desktop.services.taxonomy import TierRow, list_tier_rows, save_tiers

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "结构群")
        for tier, n in (("核心", 1), ("大咖", 1), ("中咖", 4), ("普通", 14)):
            for i in range(n):
                add_member(
                    s, owner, gid, MemberInput(display_name=f"{tier}{i}", tier=tier, joined_at=datetime(2026, 10, 1))
                )
        s.commit()
        assert health.structure(s, gid, TODAY)[0] == {"key": 2, "mid": 4, "ordinary": 14, "unset": 0}
        rows = [r for r in list_tier_rows(s) if r.name != "大咖"]
        save_tiers(s, owner, [*rows, TierRow(None, "潜水", 0.0)])
        s.commit()
        for i in range(2):
            add_member(
                s, owner, gid, MemberInput(display_name=f"潜水{i}", tier="潜水", joined_at=datetime(2026, 10, 1))
            )
        s.commit()
        buckets, tiers = health.structure(s, gid, TODAY)
        assert tiers == {"核心": 1, "中咖": 4, "普通": 14, "潜水": 2, "未设置": 1}
        assert buckets == {"key": 1, "mid": 4, "ordinary": 16, "unset": 1}
        assert health.group_health(s, gid, TODAY).structure == buckets
    path = tmp_path / "r.xlsx"
    export_monthly_report(sqlite_workspace, owner, year=2026, month=11, group_ids=[gid], path=path, today=TODAY)
    ws = load_workbook(path)["概览"]
    shares = {  # the structure's rows beside the charts (label, target, the group's share)
        r[0]: r[2]
        for r in ws.iter_rows(min_col=19, max_col=21, values_only=True)
        if r[0] in ("大咖 (含核心)", "中咖", "普通")
    }
    assert shares == {"大咖 (含核心)": round(1 / 22, 4), "中咖": round(4 / 22, 4), "普通": round(16 / 22, 4)}


def test_a_phone_in_a_name_is_masked_on_the_alerts_sheet(sqlite_workspace, tmp_path):
    """WeChat names often carry a phone number (张三13812345678). A masked workbook masks it on every sheet that
    lists people — but the 预警 sheet named the dormant member with the full number. Masked there too; the
    unmasked workbook (export_unmasked) keeps it."""
    from openpyxl import load_workbook

    from desktop.services.report import export_monthly_report

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "隐私群")
        s.get(Group, gid).created_at = datetime(2026, 9, 1)  # kept here since September: its silence was observed
        add_member(s, owner, gid, MemberInput(display_name="张三13812345678", joined_at=datetime(2026, 9, 1)))
        s.commit()
        assert [a.kind for a in health.alerts(s, gid, TODAY) if a.display_name] == ["dormant"]

    def alert_names(unmasked: bool) -> list[str]:
        path = tmp_path / f"r{unmasked}.xlsx"
        export_monthly_report(
            sqlite_workspace, owner, year=2026, month=11, group_ids=[gid], path=path, today=TODAY, unmasked=unmasked
        )
        ws = load_workbook(path)["预警"]
        return [r[2] for r in ws.iter_rows(values_only=True) if r[0] == "隐私群" and r[2]]

    masked = alert_names(False)
    assert masked == ["张三138****"]  # desktop.phones.mask_phones_in
    assert alert_names(True) == ["张三13812345678"]
    workbook = load_workbook(tmp_path / "rFalse.xlsx")
    assert not any(
        "13812345678" in str(v) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for v in row
    )


def test_the_near_capacity_reason_reads_no_more_than_is_used(sqlite_workspace):
    """9 of 10 places warns, and its reason reads 90%. 199 of 200 places (99.5%) read "已达容量的 100%", as if the
    group were full: a share is rounded down, as on the Capacity card."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "容量群", capacity=10)
        _members(s, owner, gid, 9, datetime(2026, 10, 1))
        s.commit()
        (cap,) = [a for a in health.alerts(s, gid, TODAY) if a.kind == "capacity"]
        assert cap.reason == "成员 9/10, 已达容量的 90%"
        s.get(Group, gid).capacity = 200
        _members(s, owner, gid, 190, datetime(2026, 10, 1), prefix="后来")
        s.commit()
        reasons = [str(a.reason) for a in health.alerts(s, gid, TODAY) if a.kind == "capacity"]
        assert reasons == ["成员 199/200, 已达容量的 99%"]


def test_a_group_alive_only_in_its_chat_is_no_zombie_group(sqlite_workspace):
    """Nobody checks in, but 3 of the 4 members spoke in the chat this week (a chat-history import): they take
    part — no zombie alert, 3 active in 7 days. Their last words 15 days ago, it is one."""
    from models import ChatActivity, kept

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "聊天群")
        ms = _members(s, owner, gid, 4, datetime(2026, 9, 1))
        for m in ms[:3]:
            s.add(ChatActivity(membership_id=m, group_id=gid, day=date(2026, 11, 18), messages=5))
        s.flush()
        kept.refresh(s.connection(), ms)
        s.commit()
        h = health.group_health(s, gid, TODAY)
        assert (h.active_7, h.zombie) == (3, False)
        assert health.zombie_reason(s, gid, date(2026, 12, 3), 4).key == "alert.zombie_idle"


def test_a_group_idle_for_over_a_year_is_not_said_never_to_have_taken_part(sqlite_workspace):
    """The camp's members last checked in on 1 September 2025, 445 days before: its zombie alert said "从未有人参与"
    (nobody ever has) — the last participation was looked for in the last 366 days only. It names the day."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "去年的营")
        s.get(Group, gid).created_at = datetime(2025, 8, 1)  # kept here since then
        ms = _members(s, owner, gid, 3, datetime(2025, 8, 1))
        record_checkins(s, owner, gid, date(2025, 9, 1), ms, today=TODAY)
        s.commit()
        reason = health.zombie_reason(s, gid, TODAY, 3)
        assert reason == "已 14 天以上无人参与 (最近一次参与是 2025-09-01)"
