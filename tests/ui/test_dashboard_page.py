"""The Dashboard as a user sees it: on a seeded demo workspace every figure equals desktop.health's, alerts open
the members behind them, the zombie banner and the capacity warning show, charts have the right bars, and the
"all groups" table lists every group in risk order, filled off the UI thread."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings, make_workspace
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.demo import build_demo
from desktop.health import group_health
from desktop.services.dashboard_queries import group_overview, overview_totals, risk_key
from desktop.services.groups import create_group, list_groups
from desktop.services.roster import MemberInput, add_member
from desktop.workspace import actor_for, open_workspace
from models import Group
from ui.charts import BarChartView
from ui.dialogs.alert_members_dialog import AlertMembersDialog
from ui.models.group_overview_model import COL_NAME, COL_ZOMBIE, GroupOverviewModel
from ui.pages.dashboard_page import DashboardPage
from ui.task_runner import InlineTaskRunner, TaskRunner

pytestmark = OFFSCREEN_QUIRKS

TODAY = date(2026, 3, 18)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A demo workspace (3 groups, 160 people, 3 months ending TODAY); the tests here only read it."""
    folder = tmp_path_factory.mktemp("dashboard")
    database = open_workspace(folder / "ws.sqlite", backup_dir=folder / "backups")
    build_demo(database.engine, groups=3, members=160, months=3, seed=7, today=TODAY)
    with database.session() as s:
        groups = {g.name: g.id for g in list_groups(s, today=TODAY)}
    yield database, actor_for(database), groups
    database.dispose()


@pytest.fixture
def page(qtbot, demo, tmp_path):
    isolate_settings(tmp_path)
    database, owner, _groups = demo
    p = DashboardPage(database, owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    return p


def health_of(demo, name):
    database, _owner, groups = demo
    with database.session() as s:
        return group_health(s, groups[name], as_of=TODAY)


def card_text(page, key):
    card = page.cards[key]
    return card.value_label.text(), card.sub_label.text()


def test_kpi_cards_show_the_group_health_figures(page, demo):
    _db, _owner, groups = demo
    page.set_group(groups["早起打卡营"])
    h = health_of(demo, "早起打卡营")
    m = h.month
    assert page.title_label.text() == "早起打卡营"
    assert card_text(page, "members")[0] == str(h.members)
    assert card_text(page, "active_7") == (str(h.active_7), f"{h.active_7 / h.members:.0%} of the members")
    assert card_text(page, "active_30")[0] == str(h.active_30)
    value, sub = card_text(page, "checkin_rate")
    assert value == f"{m.checkin_rate * 100:.1f}%"
    assert f"{h.last_month.checkin_rate * 100:.1f}%" in sub
    change = m.checkin_rate - h.last_month.checkin_rate
    assert ("▲" if change > 0 else "▼") in sub
    assert card_text(page, "dormant")[0] == str(m.dormant)
    assert card_text(page, "silent_newcomer")[0] == str(sum(a.kind == "silent_newcomer" for a in h.alerts))
    assert card_text(page, "stalled_onboarding")[0] == str(m.stalled_onboarding)
    assert card_text(page, "activities")[0] == str(m.activities)
    assert card_text(page, "attendance")[0] == (f"{m.attendance_rate:.0%}" if m.attendance_expected else "–")
    assert card_text(page, "capacity")[0] == f"{h.members}/{h.capacity}"
    assert card_text(page, "growth") == (f"+{m.joined} / −{m.left}", f"Net {m.joined - m.left:+d}")
    assert m.dormant > 0 and m.stalled_onboarding > 0  # the demo gives the alerts something to show


def test_role_coverage_names_the_missing_roles_and_referrers_are_listed(page, demo):
    _db, _owner, groups = demo
    page.set_group(groups["城市夜跑团"])
    h = health_of(demo, "城市夜跑团")
    assert "输出者" in h.missing_roles
    assert page.missing_roles_label.text() == "Missing: " + ", ".join(h.missing_roles)  # a list as English writes one
    for name, n in h.top_referrers:
        assert name in page.referrers_label.text()
        assert f"brought {n} member" in page.referrers_label.text()


def test_charts_have_a_bar_per_day_step_bucket_and_month(page, demo):
    _db, _owner, groups = demo
    page.set_group(groups["早起打卡营"])
    h = health_of(demo, "早起打卡营")
    daily = page.daily_chart.bar_values()["Check-ins"]
    assert len(daily) == TODAY.day and daily == [float(n) for _d, n in h.daily_checkins]
    structure = page.structure_chart.bar_values()
    assert len(page.structure_chart.categories()) == 4
    assert structure["Target"] == [5.0, 20.0, 75.0, 0.0]
    total = sum(h.structure.values())
    assert structure["Actual"][0] == round(h.structure["key"] / total * 100)
    funnel = page.funnel_chart.bar_values()["Reached"]
    assert list(reversed(funnel)) == [float(n) for _name, n in h.funnel]  # drawn bottom-up
    assert page.funnel_chart.categories()[-1] == h.funnel[0][0]  # the first step has no conversion
    second_name, second_n = h.funnel[1]
    assert page.funnel_chart.categories()[-2] == f"{second_name} · {second_n / h.funnel[0][1]:.0%}"
    assert page.activities_chart.bar_values()["Activities"] == [float(n) for _m, n in h.activities_per_month]
    assert page.activities_chart.bar_count() == 6


def test_clicking_an_alert_opens_the_list_of_those_members(qtbot, page, demo):
    _db, _owner, groups = demo
    page.set_group(groups["早起打卡营"])
    h = health_of(demo, "早起打卡营")
    kinds = page.alert_kinds_listed()
    assert kinds.index("repeat_violator") < kinds.index("dormant")  # the most urgent first
    row = kinds.index("dormant")
    table = page.alert_table
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.alert_dialog
    assert isinstance(dialog, AlertMembersDialog) and dialog.isVisible()
    expected = [(a.display_name, a.reason.render("en")) for a in h.alerts if a.kind == "dormant"]
    shown = [(dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()) for r in range(dialog.table.rowCount())]
    assert shown == expected
    assert dialog.count_label.text().startswith(str(len(expected)))
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    # copied to @-mention them in the chat: each as the group sees them (their group nickname, a phone masked)
    mentions = [a.mention for a in h.alerts if a.kind == "dormant"]
    assert all(mentions) and QApplication.clipboard().text().splitlines() == mentions
    dialog.close()


def test_clicking_the_stalled_card_lists_the_stalled_members(qtbot, page, demo):
    _db, _owner, groups = demo
    page.set_group(groups["城市夜跑团"])
    h = health_of(demo, "城市夜跑团")
    qtbot.mouseClick(page.cards["stalled_onboarding"], Qt.MouseButton.LeftButton)
    dialog = page.alert_dialog
    assert dialog is not None
    assert dialog.names() == [a.display_name for a in h.alerts if a.kind == "stalled_onboarding"]
    assert all("Stuck at a step for" in dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount()))
    dialog.close()
    page.cards["silent_newcomer"].setFocus()
    qtbot.keyClick(page.cards["silent_newcomer"], Qt.Key.Key_Return)
    assert page.alert_dialog.names() == [a.display_name for a in h.alerts if a.kind == "silent_newcomer"]
    page.alert_dialog.close()


def test_all_groups_table_has_a_row_per_group_in_risk_order_and_totals(page, demo):
    database, _owner, groups = demo
    page.set_group(None)
    with database.session() as s:
        rows = sorted((group_overview(s, gid, TODAY) for gid in groups.values()), key=risk_key)
    assert page.stack.currentIndex() == 1
    assert page.overview_names() == [r.name for r in rows]
    model = page.overview_model
    for i, r in enumerate(rows):
        h = health_of(demo, r.name)
        assert (r.members, r.active_7, r.active_30, r.dormant) == (h.members, h.active_7, h.active_30, h.month.dormant)
        assert model.index(i, 1).data() == f"{h.members}/{h.capacity}"
        assert model.index(i, 4).data() == f"{h.month.checkin_rate * 100:.1f}%"
        assert model.index(i, COL_ZOMBIE).data() == ("⚠ Zombie" if h.zombie else "—")
    t = overview_totals(rows)
    assert page.total_cards["groups"].value_label.text() == "3"
    assert page.total_cards["members"].value_label.text() == str(t.members)
    assert page.total_cards["dormant"].value_label.text() == str(sum(r.dormant for r in rows))
    # a header click sorts by that column; the third click goes back to the risk order
    header = page.overview_table.horizontalHeader()
    header.sectionClicked.emit(COL_NAME)
    assert page.overview_names() == sorted(r.name for r in rows)
    header.sectionClicked.emit(COL_NAME)
    assert page.overview_names() == sorted((r.name for r in rows), reverse=True)
    header.sectionClicked.emit(COL_NAME)
    assert page.overview_names() == [r.name for r in rows]


def test_overview_is_computed_off_the_ui_thread_and_fills_in(qtbot, demo, tmp_path):
    isolate_settings(tmp_path)
    database, owner, groups = demo
    p = DashboardPage(database, owner, runner=TaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    arrived = []
    p.overview_model.rowsInserted.connect(lambda *_: arrived.append(p.overview_model.rowCount()))
    p.resize(1100, 760)
    p.show()
    assert p.busy  # the page painted at once, with a busy indicator, before the figures came
    qtbot.waitUntil(lambda: not p.busy, timeout=10_000)
    assert sorted(p.overview_names()) == sorted(groups)
    assert arrived == [1, 2, 3]  # rows appeared one by one
    p.set_group(groups["每月一本书读书会"])
    assert p.busy
    qtbot.waitUntil(lambda: not p.busy and p.health is not None, timeout=10_000)
    assert p.health.name == "每月一本书读书会"
    # switching group while computing: only the last choice is shown
    p.set_group(groups["早起打卡营"])
    p.set_group(groups["城市夜跑团"])
    qtbot.waitUntil(lambda: not p.busy, timeout=10_000)
    assert p.title_label.text() == "城市夜跑团" and p.shown_key == (groups["城市夜跑团"], TODAY)


def test_page_is_cheap_until_shown(qtbot, demo):
    database, owner, groups = demo
    runner = InlineTaskRunner()
    started = []
    runner.finished.connect(started.append)
    p = DashboardPage(database, owner, runner=runner, today=TODAY)
    qtbot.addWidget(p)
    p.set_group(groups["早起打卡营"])
    assert started == [] and p.health is None
    p.show()
    assert len(started) == 1 and p.health is not None


def test_zombie_group_banner_and_capacity_warning(qtbot, tmp_path):
    """A group of four where nobody ever took part is a zombie group; 4 of 4 places is a capacity warning."""
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "沉默的群", capacity=4)
        s.get(Group, gid).created_at = datetime(2026, 1, 2)  # kept here since its members came: their silence observed
        for i, name in enumerate(["甲", "乙", "丙", "丁"]):
            add_member(s, ws.owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 1, 2 + i)))
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(gid)
    assert not p.zombie_banner.isHidden()
    assert p.zombie_reason_label.text() == "Nobody has taken part for 14 days or more (nobody ever has)"
    assert p.alert_kinds_listed()[0] == "zombie_group"
    assert p.cards["capacity"].value_label.text() == "4/4"
    assert p.cards["capacity"].value_label.property("tone") == "warn"
    assert p.cards["capacity"].sub_label.text() == "100% used"
    assert p.open_alert_members("zombie_group") is None  # a group-level alert has no member list
    p.set_group(None)
    row = p.overview_names().index("沉默的群")
    assert row == 0  # the zombie group is the riskiest
    assert p.overview_model.index(row, COL_ZOMBIE).data() == "⚠ Zombie"
    ws.database.dispose()


def test_the_structure_chart_compares_with_the_tiers_target_shares(qtbot, tmp_path, monkeypatch):
    """Settings' 目标占比 is the structure chart's target, and the card's title names it (it drew 5/20/75 whatever
    the organiser had set). The page's day is the clock's (a rule changed today is today's rule; a day before it keeps
    the rules it had: settings.rules_at)."""
    from desktop.services.taxonomy import TierRow, list_tier_rows, save_tiers

    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    with ws.database.session() as s:
        add_member(s, ws.owner, ws.group_id, MemberInput(display_name="甲", joined_at=datetime(2026, 1, 2)))
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(ws.group_id)
    assert p.structure_title.text() == "Member structure against 5/20/75"
    assert p.structure_chart.bar_values()["Target"] == [5.0, 20.0, 75.0, 0.0]
    shares = {"核心": 0.0, "大咖": 0.10, "中咖": 0.30, "普通": 0.60}
    with ws.database.session() as s:
        save_tiers(s, ws.owner, [TierRow(t.id, t.name, shares[t.name]) for t in list_tier_rows(s)])
        s.commit()
    p.set_group(None)
    p.set_group(ws.group_id)
    assert p.structure_title.text() == "Member structure against 10/30/60"
    assert [round(v, 6) for v in p.structure_chart.bar_values()["Target"]] == [10.0, 30.0, 60.0, 0.0]
    ws.database.dispose()


def test_a_healthy_empty_group_says_there_are_no_alerts(qtbot, tmp_path):
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    p = DashboardPage(ws.database, ws.assistant, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(ws.other_group_id)
    assert p.alert_table.isHidden() and not p.no_alerts_label.isHidden()
    assert p.zombie_banner.isHidden()
    assert p.cards["members"].value_label.text() == "0"
    assert p.cards["attendance"].value_label.text() == "–"
    ws.database.dispose()


def test_tonights_sign_ups_are_not_a_0_percent_attendance(qtbot, tmp_path):
    """The morning of an activity with sign-ups nobody has ticked yet: the card said 0%, as if nobody came."""
    from desktop.services.participation import ActivityInput, create_activity, set_attendance

    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path)
    with ws.database.session() as s:
        aid = create_activity(
            s, ws.owner, ws.group_id, ActivityInput(title="线下聚会", starts_at=datetime(2026, 3, 18, 19), online=False)
        )
        for msid in list(ws.memberships.values())[:2]:
            set_attendance(s, ws.owner, aid, msid, "registered")
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(ws.group_id)
    assert card_text(p, "activities")[0] == "1"
    assert card_text(p, "attendance") == ("–", "Not taken yet")
    ws.database.dispose()


def test_overview_model_passes_the_model_tester(qtmodeltester, demo):
    database, _owner, groups = demo
    with database.session() as s:
        rows = [group_overview(s, gid, TODAY) for gid in groups.values()]
    model = GroupOverviewModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert [model.row_at(i).active_30_share for i in range(3)] == sorted(
        (r.active_30_share for r in rows), reverse=True
    )
    qtmodeltester.check(model)


def test_bar_chart_view_redraws_with_new_data(qtbot):
    view = BarChartView()
    qtbot.addWidget(view)
    view.set_data(["a", "b"], [("x", [1, 2], "#000000")])
    view.set_data(["a", "b", "c"], [("x", [1, 2, 3], "#000000"), ("y", [3, 2, 1], "#FFFFFF")], legend=True)
    assert view.bar_count() == 6 and view.categories() == ["a", "b", "c"]
    assert len(view.chart().series()) == 1 and len(view.chart().axes()) == 2
    view.show()
    view.set_data([], [])  # a group without steps or days: nothing drawn, no warnings
    assert view.bar_count() == 0


def test_a_kpi_line_too_long_for_its_card_ends_in_an_ellipsis(qtbot):
    """In English at 1280 wide the check-in rate card's "Last month 44.9% ▼3.7" was cut to "▼3." (a different
    figure) and "No recent participation" to "participatior": a line that does not fit now ends in "…", and
    the card's tooltip holds it whole."""
    from ui.pages.dashboard_page import KpiCard

    card = KpiCard("Check-in rate")
    qtbot.addWidget(card)
    card.set_value("41.2%", "Last month 44.9% ▼3.7")
    card.resize(110, card.sizeHint().height())
    card.show()
    qtbot.waitExposed(card)
    shown = card.sub_label.shown_text()
    assert shown != card.sub_label.text() and shown.endswith("…")
    assert "Last month 44.9% ▼3.7" in card.toolTip()
    card.resize(400, card.sizeHint().height())
    qtbot.wait(10)
    assert card.sub_label.shown_text() == "Last month 44.9% ▼3.7"


def test_the_7_day_card_is_red_by_the_zombie_threshold_the_banner_uses(qtbot, tmp_path, monkeypatch):
    """The 7-day active card turns red under the workspace's zombie_active_share, the threshold of the zombie banner
    beside it: at 25% a group with 2 of 10 members active was a zombie group under a card that stayed grey (the
    card had its own fixed 10%). Its tooltip names every kind of participation, chat messages too. The page's day
    is the clock's (the threshold set today is today's: settings.rules_at)."""
    from desktop.services.checkins import record_checkins
    from desktop.settings import set_setting

    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "两成活跃")
        s.get(Group, gid).created_at = datetime(2026, 1, 2)  # kept here since its members came: the quiet week observed
        ids = [
            add_member(s, ws.owner, gid, MemberInput(display_name=f"成员{i}", joined_at=datetime(2026, 1, 2)))[1]
            for i in range(10)
        ]
        record_checkins(s, ws.owner, gid, TODAY, ids[:2], today=TODAY)
        set_setting(s, "zombie_active_share", 0.25)
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(gid)
    assert not p.zombie_banner.isHidden()
    card = p.cards["active_7"]
    assert (card.value_label.text(), card.sub_label.text()) == ("2", "20% of the members")
    assert card.value_label.property("tone") == "bad"
    assert "chat message" in card.toolTip()
    with ws.database.session() as s:
        set_setting(s, "zombie_active_share", 0.10)
        s.commit()
    p.set_group(ws.other_group_id)
    p.set_group(gid)
    assert p.zombie_banner.isHidden()
    assert p.cards["active_7"].value_label.property("tone") == ""
    ws.database.dispose()


def test_all_groups_members_card_says_how_many_people_its_members_are(qtbot, tmp_path):
    """The all-groups Members card added the groups' members up (王芳, in both groups, twice) and said nothing of it:
    3 "members" of 2 people. Its tip now says how many people they are, as the sidebar's does (multigroup probe)."""
    from desktop.services.members import bulk_copy_to_group
    from tests.fixed_day import TEST_TODAY

    isolate_settings(tmp_path)
    database = open_workspace(tmp_path / "ws.sqlite", backup_dir=tmp_path / "backups")
    owner = actor_for(database)
    joined = datetime(2026, 1, 5, 9, 0)
    with database.session() as s:
        read, run = create_group(s, owner, "读书群"), create_group(s, owner, "跑步群")
        both = add_member(s, owner, read, MemberInput(display_name="王芳", joined_at=joined))[1]
        add_member(s, owner, read, MemberInput(display_name="李娜", joined_at=joined))
        bulk_copy_to_group(s, owner, [both], run)
        s.commit()
    p = DashboardPage(database, owner, runner=InlineTaskRunner(), today=TEST_TODAY)  # the groups' own day
    qtbot.addWidget(p)
    p.resize(1100, 760)
    p.show()
    p.set_group(None)
    card = p.total_cards["members"]
    assert card.value_label.text() == "3"
    tip = card.toolTip()
    assert "in all groups" in tip and "2 " in tip.split(":", 2)[-1], tip
    database.dispose()


def test_a_roster_imported_yesterday_is_not_dormant_and_the_card_says_since_when(qtbot, tmp_path):
    """A group set up here yesterday with a roster of January joiners: the page called all three dormant and the group
    a zombie group, about weeks QunDesk never saw. Nobody is dormant yet, and the card says since when the group is
    observed (0 with nothing saying why read as "all is well")."""
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "一月名册")
        s.get(Group, gid).created_at = datetime(2026, 3, 17, 20, 0)
        for name in ("甲", "乙", "丙"):
            add_member(s, ws.owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 1, 5)))
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(gid)
    assert p.zombie_banner.isHidden()
    assert [k for k in p.alert_kinds_listed() if k in ("dormant", "silent_newcomer", "zombie_group")] == []
    card = p.cards["dormant"]
    assert (card.value_label.text(), card.sub_label.text()) == ("0", "Since 03-17")
    assert "observed this group: since 2026-03-17" in card.toolTip()
    ws.database.dispose()
