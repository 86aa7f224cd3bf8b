"""Rules changed mid-month (PRODUCT §2, §3; docs/metrics.md): the workspace thresholds, tiers and roles changed by
an owner while people hold them. Every change is in the audit log — who, when, old → new — and a tier or role taken
off the list names the memberships that lost it, so nothing is lost without a trace."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from desktop.services.audit import list_audit
from desktop.services.audit_export import summary_text
from desktop.services.groups import create_group
from desktop.services.operators import add_operator
from desktop.services.roster import MemberInput, RosterQuery, add_member, search_roster
from desktop.services.taxonomy import (
    TierRow,
    list_roles,
    list_tier_rows,
    remove_role,
    rename_role,
    save_tiers,
    tier_holders,
)
from desktop.settings import get_setting, update_settings
from desktop.workspace import actor_for
from models import Membership
from tests.fixed_day import TEST_TODAY


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """The suite's day, pinned for the app as well (these tests date nothing but the audit rows' own clock)."""
    monkeypatch.setenv("QUNDESK_TODAY", TEST_TODAY.isoformat())


def _summary(row) -> dict:
    return json.loads(row.summary)


def test_a_change_of_the_workspace_rules_is_in_the_audit_log_old_to_new(sqlite_workspace):
    """沉默天数 30 → 14 on the Settings page: the dashboard's dormant count changed overnight, and the audit log had
    no row of it — not who changed it, nor when, nor from what. Now one row per save that changed something, with
    the old and new value of each rule changed (and none when the save changed nothing)."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        admin = add_operator(s, owner, "小王", "admin")
        s.commit()
        update_settings(s, admin, {"dormant_days": 14, "stalled_days": 7, "zombie_active_share": 0.05})
        s.commit()
        update_settings(s, admin, {"dormant_days": 14, "stalled_days": 7})  # saved again, nothing changed
        s.commit()
        assert get_setting(s, "dormant_days") == 14
        rows = list_audit(s, action_prefix="settings.")
        assert len(rows) == 1
        row = rows[0]
        assert (row.operator, row.action, row.entity) == ("小王", "settings.update", "workspace")
        assert _summary(row) == {
            "before": {"dormant_days": 30, "zombie_active_share": 0.1},
            "after": {"dormant_days": 14, "zombie_active_share": 0.05},
        }
        text = summary_text(row.summary)
        assert "沉默天数: 30 → 14" in text
        assert "stalled" not in text and "停滞" not in text


def _group_of_four(s, owner):
    """A group whose four members hold the four default tiers; 张三 (大咖) also holds the role 助理."""
    from desktop.services.members import bulk_add_role

    gid = create_group(s, owner, "早起营")
    ms = {}
    for name, tier in [("张三", "大咖"), ("李四", "大咖"), ("王五", "中咖"), ("赵六", "核心")]:
        _, ms[name] = add_member(
            s, owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 1, 5), tier=tier)
        )
    bulk_add_role(s, owner, [ms["张三"]], "助理")
    return gid, ms


def test_a_tier_renamed_or_taken_off_the_list_is_in_the_audit_log_with_who_held_it(sqlite_workspace):
    """大咖 renamed 嘉宾 and 核心 taken off the list: the audit row held the new names and the id of a tier no
    longer there — which tier was removed, and who had held it (赵六 now 未设置), were gone without a trace. Now the
    row holds the list before and after, the rename, the tier removed and the memberships it was taken from."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid, ms = _group_of_four(s, owner)
        s.commit()
        rows = list_tier_rows(s)
        assert tier_holders(s) == {rows[0].id: 1, rows[1].id: 2, rows[2].id: 1}
        save_tiers(s, owner, [TierRow(r.id, "嘉宾" if r.name == "大咖" else r.name, r.target_share) for r in rows[1:]])
        s.commit()
        by_name = {r.display_name: r.tier for r in search_roster(s, RosterQuery(group_id=gid))}
        assert by_name == {"张三": "嘉宾", "李四": "嘉宾", "王五": "中咖", "赵六": None}
        (row,) = list_audit(s, action_prefix="tiers.")
        assert _summary(row) == {
            "before": {"tiers": ["核心", "大咖", "中咖", "普通"]},
            "after": {
                "tiers": ["嘉宾", "中咖", "普通"],
                "renamed": {"大咖": "嘉宾"},
                "removed": ["核心"],
                "memberships": {"核心": [ms["赵六"]]},
            },
        }
        text = summary_text(row.summary)
        assert "核心、大咖、中咖、普通 → 嘉宾、中咖、普通" in text and "改名: {大咖: 嘉宾}" in text


def test_a_role_removed_or_renamed_is_in_the_audit_log_by_name_with_who_held_it(sqlite_workspace):
    """助理 removed while 张三 held it: the audit row was the role's id alone — no name, no holders. Now the role's
    name and the memberships that lost it; a rename reads old → new."""
    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        _gid, ms = _group_of_four(s, owner)
        roles = {name: rid for rid, name, _n in list_roles(s)}
        rename_role(s, owner, roles["策划"], "活动策划")
        remove_role(s, owner, roles["助理"])
        s.commit()
        removed, renamed = list_audit(s, action_prefix="role.")
        assert (removed.action, _summary(removed)) == (
            "role.remove",
            {"before": {"name": "助理", "memberships": [ms["张三"]]}},
        )
        assert _summary(renamed) == {"before": {"name": "策划"}, "after": {"name": "活动策划"}}
        assert "名称: 策划 → 活动策划" in summary_text(renamed.summary)


def test_a_past_months_stalled_count_stays_when_the_step_list_is_relaxed_later(workspace, monkeypatch):
    """November ended with 乙 and 丙 waiting since early November (stalled), and 甲 part-way but moving (a step on
    28 November). On 2 December 丙 posted a photo (an optional step); on 6 December the owner retired the last
    required step, which let 乙 in (admit_completed). November's stalled count read today's statuses and steps: it
    fell from 2 to 0 — a figure already reported in November's workbook, changed by December's events and a rule
    change. As the people stood at the end of November, it stays 2; today's count follows today (甲 only)."""
    from datetime import date

    from desktop.metrics import month_stats, stalled_onboarding
    from desktop.services.onboarding import list_steps, record_step, retire_step

    monkeypatch.setenv("QUNDESK_TODAY", "2026-10-28")  # the applications came in
    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        required = [st for st in list_steps(s, gid) if st.required]
        optional = [st for st in list_steps(s, gid) if not st.required]
        assert len(required) == 3 and optional, "the canonical template"
        ms = {}
        for name in ("甲", "乙", "丙"):
            _, ms[name] = add_member(s, owner, gid, MemberInput(display_name=name, status="applicant"))
        record_step(s, owner, ms["乙"], required[0].id, answer="想读书", when=datetime(2026, 11, 2, 9))
        record_step(s, owner, ms["乙"], required[1].id, when=datetime(2026, 11, 3, 9))
        record_step(s, owner, ms["丙"], required[0].id, answer="学习", when=datetime(2026, 11, 4, 9))
        record_step(s, owner, ms["甲"], required[0].id, answer="交朋友", when=datetime(2026, 11, 28, 9))
        s.commit()
        monkeypatch.setenv("QUNDESK_TODAY", "2026-12-01")
        assert month_stats(s, gid, 2026, 11).stalled_onboarding == 2  # 乙 and 丙, as reported on 1 December

        monkeypatch.setenv("QUNDESK_TODAY", "2026-12-06")
        record_step(s, owner, ms["丙"], optional[0].id, when=datetime(2026, 12, 2, 9))
        assert retire_step(s, owner, required[2].id).admitted == ("乙",)
        s.commit()
        assert month_stats(s, gid, 2026, 11).stalled_onboarding == 2
        assert stalled_onboarding(s, gid, date(2026, 11, 30)) == 2
        assert month_stats(s, gid, 2026, 12).stalled_onboarding == 1  # 甲: 乙 is a member now, 丙 moved on 2 Dec


def test_levels_replaced_keep_the_old_ones_in_the_audit_log(sqlite_workspace):
    """The levels are replaced as a whole (新人 0 / 活跃 100 → 新人 0 / 活跃 200): the audit row held the new list
    only, so the thresholds a member's level had been read by were gone. Now the list before and after."""
    from desktop.services.points import group_levels, set_levels

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "早起营")
        set_levels(s, owner, gid, [("新人", 0), ("活跃", 100)])
        s.commit()
        set_levels(s, owner, gid, [("新人", 0), ("活跃", 200)])
        s.commit()
        assert group_levels(s, gid) == [("新人", 0), ("活跃", 200)]
        row = list_audit(s, action_prefix="points.levels")[0]
        assert _summary(row) == {
            "before": {"levels": {"0": "新人", "100": "活跃"}},
            "after": {"levels": {"0": "新人", "200": "活跃"}},
        }
        assert "等级: {0: 新人, 100: 活跃} → {0: 新人, 200: 活跃}" in summary_text(row.summary)


def test_a_member_added_as_one_whose_join_date_came_later_was_never_stalled(workspace, monkeypatch):
    """A member added on 10 November as a member (已入群, no join date, no application), whose join notice a chat
    export gave as 3 December: not a member in November by the dates — and not someone waiting in the entry process
    either. November's stalled count is 0."""
    from desktop.metrics import month_stats
    from desktop.services.onboarding import record_join

    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-10")
    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="甲"))
        s.get(Membership, ms).joined_at = None  # as a roster imported without join dates leaves it
        s.commit()
        monkeypatch.setenv("QUNDESK_TODAY", "2026-12-06")
        record_join(s, owner, ms, datetime(2026, 12, 3, 20))
        s.commit()
        assert s.get(Membership, ms).status == "active"
        assert month_stats(s, gid, 2026, 11).stalled_onboarding == 0


def test_an_applicant_flagged_in_november_stays_flagged_in_novembers_alerts_once_let_in(workspace, monkeypatch):
    """An applicant (申请中) with three violations in November is named on November's 预警 sheet (docs/metrics.md:
    people still joining count). Let in on 3 December, they left November's alerts: the check read today's status.
    As they stood on 30 November, they are still named there."""
    from datetime import date

    from desktop import health
    from desktop.services.onboarding import list_steps, record_step
    from desktop.services.participation import add_violation

    monkeypatch.setenv("QUNDESK_TODAY", "2026-11-01")
    owner = actor_for(workspace)
    with workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        _, ms = add_member(s, owner, gid, MemberInput(display_name="甲", status="applicant"))
        s.commit()
        monkeypatch.setenv("QUNDESK_TODAY", "2026-11-30")
        for day in (5, 12, 19):
            add_violation(s, owner, ms, "ad", date(2026, 11, day))
        s.commit()

        def flagged(day):
            return [a.display_name for a in health.alerts(s, gid, day) if a.kind == "repeat_violator"]

        assert flagged(date(2026, 11, 30)) == ["甲"]
        monkeypatch.setenv("QUNDESK_TODAY", "2026-12-06")
        for step in list_steps(s, gid):
            if step.required:
                record_step(s, owner, ms, step.id, answer="x", when=datetime(2026, 12, 3, 9))
        s.commit()
        assert s.get(Membership, ms).status == "active"
        assert flagged(date(2026, 11, 30)) == ["甲"]


def test_a_step_moved_is_in_the_audit_log_with_the_order_before_and_after(sqlite_workspace):
    """实名认证 moved to the top: the audit row held the new index alone — where it had been, and what the list read,
    were gone. Now the order before and after, by name (a retired step is in neither)."""
    from desktop.services.onboarding import list_steps, move_step, restore_step, retire_step

    owner = actor_for(sqlite_workspace)
    with sqlite_workspace.session() as s:
        gid = create_group(s, owner, "读书会")
        steps = list_steps(s, gid)
        retire_step(s, owner, steps[3].id)
        names = [st.name for st in steps if st.id != steps[3].id]
        move_step(s, owner, steps[-1].id, 0)
        restore_step(s, owner, steps[3].id)
        s.commit()
        restored, moved = list_audit(s, action_prefix="step.")[:2]
        assert _summary(moved) == {
            "before": {"order": names},
            "after": {"order": [names[-1], *names[:-1]], "index": 0},
        }
        assert _summary(restored) == {"after": {"name": steps[3].name}}
