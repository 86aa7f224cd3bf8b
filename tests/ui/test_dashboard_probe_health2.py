"""Health probe, second pass (probe health2), on the Dashboard page: the first day after a break everyone was on
leave for (春节) shows no zombie banner, no red 7-day card, and no zombie group in the all-groups overview."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers import OFFSCREEN_QUIRKS, isolate_settings, make_workspace

from desktop.services.checkins import record_checkins, record_leave
from desktop.services.groups import create_group
from desktop.services.roster import MemberInput, add_member
from models import Group
from ui.pages.dashboard_page import DashboardPage
from ui.task_runner import InlineTaskRunner

pytestmark = OFFSCREEN_QUIRKS

TODAY = date(2027, 2, 25)  # the first day after 春节's leave


@pytest.fixture(autouse=True)
def own_today(monkeypatch):
    """These tests' own day, whatever day the suite runs on: their facts are dated from December 2026."""
    monkeypatch.setenv("QUNDESK_TODAY", TODAY.isoformat())


def test_the_first_day_after_the_spring_festival_break_is_no_zombie_group(qtbot, tmp_path):
    """春节群's 6 members checked in up to 9 February and were all on leave from the 10th to the 24th. On the 25th
    the page opened on a red banner, "已 14 天以上无人参与", and counted it among the overview's zombie groups: a
    group back from its holiday this morning called dead."""
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "春节群")
        s.get(Group, gid).created_at = datetime(2026, 12, 1)
        ids = [
            add_member(s, ws.owner, gid, MemberInput(display_name=f"成员{i}", joined_at=datetime(2026, 12, 1)))[1]
            for i in range(6)
        ]
        for d in range(1, 10):
            record_checkins(s, ws.owner, gid, date(2027, 2, d), ids, today=TODAY)
        for ms in ids:
            record_leave(s, ws.owner, ms, date(2027, 2, 10), date(2027, 2, 24), "春节")
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(gid)
    assert p.zombie_banner.isHidden()
    assert p.cards["active_7"].value_label.text() == "0"
    assert p.cards["active_7"].value_label.property("tone") == ""
    assert "zombie_group" not in p.alert_kinds_listed()
    p.set_group(None)
    assert p.total_cards["zombies"].value_label.text() == "0"
    ws.database.dispose()


def test_the_dormant_card_and_its_list_leave_out_a_member_back_from_leave(qtbot, tmp_path):
    """阿敏, on leave (产假) from 1 December to 24 February, was counted on the 沉默 card and named in its list on the
    25th, her first day back; 阿静, silent since November and never away, is the one dormant member, on the card
    and in the list alike."""
    isolate_settings(tmp_path)
    ws = make_workspace(tmp_path, seed=False)
    with ws.database.session() as s:
        gid = create_group(s, ws.owner, "妈妈群")
        s.get(Group, gid).created_at = datetime(2026, 10, 1)
        ids = [
            add_member(s, ws.owner, gid, MemberInput(display_name=name, joined_at=datetime(2026, 10, 1)))[1]
            for name in ("阿敏", "阿静")
        ]
        record_checkins(s, ws.owner, gid, date(2026, 11, 30), ids, today=TODAY)
        record_leave(s, ws.owner, ids[0], date(2026, 12, 1), date(2027, 2, 24), "产假")
        s.commit()
    p = DashboardPage(ws.database, ws.owner, runner=InlineTaskRunner(), today=TODAY)
    qtbot.addWidget(p)
    p.show()
    p.set_group(gid)
    assert p.cards["dormant"].value_label.text() == "1"
    dialog = p.open_alert_members("dormant")
    assert dialog is not None and dialog.names() == ["阿静"]
    dialog.close()
    ws.database.dispose()
