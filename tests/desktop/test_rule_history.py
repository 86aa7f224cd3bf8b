"""A past month's figures under the rules in force then (docs/metrics.md "Thresholds"): the thresholds and the
tiers' structure targets were current settings only, so an owner who made "dormant after 30 days" 14 in December
and exported October again got another October than the one they filed — more dormant members, other alerts, with
nothing said. Now each change is in force from its day (settings.rules_at), and every past-month figure — the
workbook, `stats`, the summary text, the dashboard's last month — reads the rules as they stood at the month's end."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop import health
from desktop.metrics import month_stats
from desktop.services.checkins import record_checkins
from desktop.services.groups import create_group
from desktop.services.report import export_monthly_report
from desktop.services.roster import MemberInput, add_member
from desktop.services.taxonomy import TierRow, list_tier_rows, save_tiers
from desktop.services.texts import summary_text
from desktop.settings import RULES_BEGINNING, get_setting, rules_at, update_settings
from desktop.workspace import actor_for
from models import Group, Membership, SettingHistory

OCTOBER_REPORTED = date(2026, 11, 5)  # the day October's workbook was filed
AFTER_THE_CHANGE = date(2026, 12, 3)  # the rules were changed on 2 December


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own days (facts in September–December 2026), whatever day the suite runs on."""
    monkeypatch.setenv("QUNDESK_TODAY", OCTOBER_REPORTED.isoformat())


def _group(s, owner) -> int:
    """A group kept here since September: 阿静 last took part on 10 October (21 days before the month's end: dormant
    after 14 days, not after 30), 阿动 on the 25th, 阿默 never; 阿申 applied on 20 October (stalled after 7 days,
    not after 14)."""
    gid = create_group(s, owner, "早起营")
    s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)
    ids = {}
    for name in ("阿静", "阿动", "阿默"):
        ids[name] = add_member(s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 8, 20)))[1]
    ids["阿申"] = add_member(s, owner, gid, MemberInput(display_name="阿申", status="applicant"))[1]
    s.get(Membership, ids["阿申"]).applied_at = datetime(2026, 10, 20, 9)
    record_checkins(s, owner, gid, date(2026, 10, 10), [ids["阿静"]])
    record_checkins(s, owner, gid, date(2026, 10, 25), [ids["阿动"]])
    s.commit()
    return gid


def _cells(path, exported: date) -> dict[str, list[tuple]]:
    """Every sheet's values, the day of the export itself (概览's 导出 …, 入群进度's 截至 …) read as "<导出日>"."""
    day = exported.isoformat()
    wb = load_workbook(path)
    return {
        ws.title: [
            tuple(v.replace(day, "<导出日>") if isinstance(v, str) else v for v in r)
            for r in ws.iter_rows(values_only=True)
        ]
        for ws in wb.worksheets
    }


def test_october_exported_again_after_a_threshold_change_is_the_october_filed(workspace, monkeypatch, tmp_path):
    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = _group(s, owner)
        filed_stats = month_stats(s, gid, 2026, 10)
        filed_text = str(summary_text(s, gid, 2026, 11).text)
        assert filed_stats.dormant == 1  # 阿默 (阿静's 21 days are under 30)
        assert filed_stats.stalled_onboarding == 1  # 阿申, 11 days
    filed = tmp_path / "october-filed.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=10, group_ids=[gid], path=filed)

    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    with workspace.session() as s:
        update_settings(s, owner, {"dormant_days": 14, "stalled_days": 14, "zombie_idle_days": 5})
        tiers = list_tier_rows(s)
        save_tiers(s, owner, [TierRow(t.id, t.name, 0.25) for t in tiers])  # 50/25/25 instead of 5/20/75
        s.commit()

    monkeypatch.setenv("QUNDESK_TODAY", AFTER_THE_CHANGE.isoformat())
    again = tmp_path / "october-again.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=10, group_ids=[gid], path=again)
    filed_cells, again_cells = _cells(filed, OCTOBER_REPORTED), _cells(again, AFTER_THE_CHANGE)
    assert again_cells == filed_cells
    subtitle = filed_cells["概览"][1][0]
    assert "规则 (2026-10-31 时): 沉默 30 天" in subtitle and "入群停滞 7 天" in subtitle
    assert "成员结构 (目标 5/20/75)" in {v for r in filed_cells["概览"] for v in r if isinstance(v, str)}

    with workspace.session() as s:
        assert month_stats(s, gid, 2026, 10) == filed_stats  # `stats --month 2026-10`
        assert str(summary_text(s, gid, 2026, 11, today=date(2026, 11, 5)).text) == filed_text
        # November, reported after the change too, ends before it: the old rules
        assert rules_at(s, date(2026, 11, 30), "dormant_days") == (30,)
        # December, the month of the change: today's rules
        assert rules_at(s, AFTER_THE_CHANGE, "dormant_days", "stalled_days") == (14, 14)
        now = health.group_health(s, gid, AFTER_THE_CHANGE)
        assert now.structure_target == {"key": 0.5, "mid": 0.25, "ordinary": 0.25}
        assert health.structure_targets(s, at=date(2026, 10, 31)) == {"key": 0.05, "mid": 0.2, "ordinary": 0.75}
        # the dashboard's last month beside this one: November's, under November's rules
        assert now.last_month == month_stats(s, gid, 2026, 11)
        dormant = [a for a in now.alerts if a.kind == "dormant"]
        assert {a.display_name for a in dormant} == {"阿静", "阿动", "阿默"}
        assert {str(a.reason) for a in dormant} == {"已 14 天没有打卡、参加活动、贡献或发言"}

    # December's own workbook names the rules it used: today's …
    december = tmp_path / "december.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=12, group_ids=[gid], path=december)
    # … and, as last month's figures beside them were counted by others, November's that differ
    rules = _cells(december, date(2000, 1, 1))["概览"][1][0].split("\n")[0].split(" · ", 4)[4]
    assert rules == (
        "规则 (2026-12-03 时): 沉默 14 天 · 新人观察 7 天 · 入群停滞 14 天 · 僵尸群 5 天无人参与或 7 天活跃低于 10% · "
        "90 天内违规 3 次 · 上月不同 (2026-11-30 时): 沉默 30 天 · 入群停滞 7 天 · 僵尸群 14 天无人参与或 7 天活跃低于 10%"
    )
    assert "上月不同" not in subtitle  # October and September: the same rules


def test_a_rule_is_kept_from_its_day_and_the_first_change_keeps_the_value_before(workspace, monkeypatch):
    """The history holds the value before the first change as in force from the beginning, then each change from
    its day; a second change on one day replaces the first; an unchanged value writes nothing."""
    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, "老群")
        s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)  # a workspace in use since September
        update_settings(s, owner, {"dormant_days": 30})  # unchanged: no history
        assert s.query(SettingHistory).count() == 0
        monkeypatch.setenv("QUNDESK_TODAY", "2026-11-10")
        update_settings(s, owner, {"dormant_days": 21})
        update_settings(s, owner, {"dormant_days": 20})  # the same day: the day's value
        monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
        update_settings(s, owner, {"dormant_days": 14, "backups_keep": 3})  # a preference keeps no history
        s.commit()
        rows = [
            (h.key, h.effective_from, h.value) for h in s.query(SettingHistory).order_by(SettingHistory.effective_from)
        ]
        assert rows == [
            ("dormant_days", RULES_BEGINNING, "30"),
            ("dormant_days", date(2026, 11, 10), "20"),
            ("dormant_days", date(2026, 12, 2), "14"),
        ]
        assert [
            rules_at(s, d, "dormant_days")[0]
            for d in (
                date(2026, 10, 31),
                date(2026, 11, 9),
                date(2026, 11, 10),
                date(2026, 11, 30),
                date(2026, 12, 1),
                date(2026, 12, 2),
            )
        ] == [30, 30, 20, 20, 20, 14]
        assert get_setting(s, "dormant_days") == 14
        # a rule never changed reads its current value on any day
        assert rules_at(s, date(2026, 1, 31), "stalled_days", "newcomer_days") == (7, 7)


def test_a_groups_own_rules_of_october_stay_octobers(workspace, monkeypatch, tmp_path):
    """A group's own rules have a history too: its capacity (October's 预警 said "3/3" — the capacity raised to 500 in
    December took the alert out of October), its 补卡 rule for streaks (October's 打卡明细 streaks counted again
    with late check-ins) and its point levels (October's 积分 boards and leaderboard text named December's levels)."""
    from desktop.services.checkins import CheckinEntry
    from desktop.services.group_profile import update_group_profile
    from desktop.services.points import set_levels
    from desktop.services.texts import leaderboard_text

    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = _group(s, owner)
        monkeypatch.setenv("QUNDESK_TODAY", "2026-10-01")  # the capacity set on 1 October: October's
        update_group_profile(s, owner, gid, capacity=3)
        s.commit()
        monkeypatch.setenv("QUNDESK_TODAY", OCTOBER_REPORTED.isoformat())
        ms = {name: mid for mid, name in s.execute(_names(gid))}
        # a 补卡 on the 24th (posted the next morning) before the on-time check-in of the 25th: one run of 2 days
        # only where late check-ins count for streaks
        record_checkins(
            s, owner, gid, date(2026, 10, 24), [CheckinEntry(ms["阿动"], datetime(2026, 10, 25, 7), late=True)]
        )
        s.commit()
        filed_text = str(leaderboard_text(s, gid, 2026, 10).text)
    assert "新人" in filed_text
    filed = tmp_path / "october-filed.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=10, group_ids=[gid], path=filed)
    filed_cells = _cells(filed, OCTOBER_REPORTED)
    assert any(r[1] == "容量预警" and "3/3" in str(r[3]) for r in filed_cells["预警"]), filed_cells["预警"]

    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    with workspace.session() as s:
        update_group_profile(s, owner, gid, capacity=500, late_checkins_count_for_streak=True)
        set_levels(s, owner, gid, [("新手", 0), ("常客", 1)])
        s.commit()

    monkeypatch.setenv("QUNDESK_TODAY", AFTER_THE_CHANGE.isoformat())
    again = tmp_path / "october-again.xlsx"
    export_monthly_report(workspace, owner, year=2026, month=10, group_ids=[gid], path=again)
    assert _cells(again, AFTER_THE_CHANGE) == filed_cells
    with workspace.session() as s:
        assert str(leaderboard_text(s, gid, 2026, 10).text) == filed_text
        # today's figures follow today's rules
        assert not [a for a in health.alerts(s, gid, AFTER_THE_CHANGE) if a.kind == "capacity"]


def _names(gid):
    from sqlalchemy import select

    from models import Member

    return (
        select(Membership.id, Member.display_name)
        .join(Member, Member.id == Membership.member_id)
        .where(Membership.group_id == gid)
    )


def test_an_admin_changes_the_rules_on_a_team_database_and_an_assistant_cannot_rewrite_their_history(
    pg_url, monkeypatch
):
    """Team mode: an admin's own login keeps the history of the rules it changes (the server grants it the table);
    an assistant's login reads it (the figures it counts need it) and cannot rewrite it — `UPDATE setting_history`
    with psql would have given a past month other rules than the ones it was reported with."""
    import psycopg
    from sqlalchemy.engine import make_url

    from desktop.services.operators import add_operator
    from desktop.team_roles import team_init
    from desktop.workspace import open_workspace

    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    database = open_workspace(pg_url)
    owner = actor_for(database)
    with database.session() as s:
        gid = create_group(s, owner, "老群")
        s.get(Group, gid).created_at = datetime(2026, 9, 1, 9)  # in use since September: a change is dated
        team_init(s, owner)
        add_operator(s, owner, "管理员", "admin", "admin-pw-22", login="rules_admin")
        add_operator(s, owner, "小助理", "assistant", "assist-pw-1", login="rules_assistant")
        s.commit()
    database.dispose()
    u = make_url(pg_url)
    try:
        admin_url = u.set(username="rules_admin", password="admin-pw-22").render_as_string(hide_password=False)
        database = open_workspace(admin_url)
        admin = actor_for(database)
        with database.session() as s:
            update_settings(s, admin, {"dormant_days": 14})
            s.commit()
            assert rules_at(s, date(2026, 11, 30), "dormant_days") == (30,)
            assert rules_at(s, date(2026, 12, 2), "dormant_days") == (14,)
        database.dispose()
        dsn = f"host={u.host} port={u.port} dbname={u.database} user=rules_assistant password=assist-pw-1"
        with psycopg.connect(dsn, autocommit=True) as conn:
            assert conn.execute("SELECT count(*) FROM setting_history").fetchone() == (2,)
            for statement in (
                "UPDATE setting_history SET value = '7'",
                "DELETE FROM setting_history",
                "INSERT INTO setting_history (key, effective_from, value) VALUES ('dormant_days', '2026-01-01', '7')",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
    finally:
        with psycopg.connect(f"host={u.host} port={u.port} dbname={u.database} user=postgres", autocommit=True) as c:
            for login in ("rules_admin", "rules_assistant"):
                c.execute(f'DROP ROLE IF EXISTS "{login}"')


def test_rules_set_on_the_day_of_the_set_up_are_the_rules_from_the_beginning(sqlite_workspace, monkeypatch, tmp_path):
    """An organiser sets QunDesk up this morning, imports October, sets "dormant after 14 days", the group's levels
    and capacity, and exports October: those are the rules they mean for it — nothing was counted under others. A
    change on the day the workspace (or the group) was set up is the set-up: in force from the beginning; the next
    day's change is a change."""
    from desktop.services.points import group_levels, set_levels

    monkeypatch.setenv("QUNDESK_TODAY", OCTOBER_REPORTED.isoformat())
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "新营")  # set up today
        update_settings(s, owner, {"dormant_days": 14})
        set_levels(s, owner, gid, [("新手", 0), ("常客", 1)])
        s.commit()
        assert rules_at(s, date(2026, 10, 31), "dormant_days") == (14,)
        assert group_levels(s, gid, at=date(2026, 10, 31)) == [("新手", 0), ("常客", 1)]
    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-06")
    with sqlite_workspace.session() as s:
        update_settings(s, owner, {"dormant_days": 21})
        set_levels(s, owner, gid, [("新人", 0)])
        s.commit()
        assert rules_at(s, date(2026, 11, 5), "dormant_days") == (14,)
        assert rules_at(s, date(2026, 11, 6), "dormant_days") == (21,)
        assert group_levels(s, gid, at=date(2026, 11, 5)) == [("新手", 0), ("常客", 1)]
        assert group_levels(s, gid, at=date(2026, 11, 6)) == [("新人", 0)]


def test_a_violation_logged_for_an_earlier_day_is_flagged_by_that_days_rules(sqlite_workspace, monkeypatch):
    """Three violations within 90 days (the rule in October) flag a member; the window made 30 days in December.
    The third, of 20 October, logged on 3 December: add_violation said "not flagged" (December's 30 days) while
    October's 预警 named the member a repeat violator — the same day judged by two rules."""
    from desktop.services.participation import add_violation

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = _group(s, owner)
        mid = s.execute(_names(gid).where(Membership.status == "active")).first()[0]
        add_violation(s, owner, mid, "ad", date(2026, 8, 25))
        add_violation(s, owner, mid, "ad", date(2026, 9, 20))
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", "2026-12-02")
    with sqlite_workspace.session() as s:
        update_settings(s, owner, {"violations_window_days": 30})
        s.commit()
    monkeypatch.setenv("QUNDESK_TODAY", AFTER_THE_CHANGE.isoformat())
    with sqlite_workspace.session() as s:
        _vid, flagged = add_violation(s, owner, mid, "ad", date(2026, 10, 20))
        s.commit()
        assert flagged
        repeat = [a.membership_id for a in health.alerts(s, gid, date(2026, 10, 31)) if a.kind == "repeat_violator"]
        assert repeat == [mid]  # October's 预警, by October's 90 days
